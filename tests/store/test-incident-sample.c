/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "sb-incidents.h"
#include "sb-incidents-private.h"
#include "sb-sample-data.h"
#include "sb-store-private.h"
#include "sb-test-utils.h"

/* The sample incident log: what it contains, that its timelines are
 * whole and in order, that its SLA situation at "now" shows every state,
 * and that loading it again adds nothing. The store's clock is fixed, so
 * the sample is the same on every run. */

/* Wednesday 11 March 2026, 10:00 UTC */
#define FIXED_NOW_MS G_GINT64_CONSTANT (1773223200000)

typedef struct
{
  SbTestBook *book;
} Fixture;

static SbStore *
open_book (const char *path)
{
  SbStore *store = sb_test_store_open (path);

  sb_test_store_set_fixed_clock (store, FIXED_NOW_MS);

  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (f->book->store, FIXED_NOW_MS);

  g_assert_true (sb_sample_data_load (f->book->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->book, sb_test_book_free);
}

static gint64
count (SbStore    *store,
       const char *sql)
{
  return sb_test_store_count (store, sql, NULL);
}

static GPtrArray *
incident_ids (SbStore    *store,
              const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM incident WHERE deleted = 0 AND (%s) "
                                          "ORDER BY opened_at", where);
  sqlite3_stmt *stmt = sb_store_prepare (store, sql, NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  return ids;
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  SbStore *s = f->book->store;
  gint64 oldest;

  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE deleted = 0"), ==, 200);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE status IN ('new', 'in-progress', 'on-hold')"),
                   ==, 13);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE status = 'new'"), ==, 3);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE status = 'on-hold'"), ==, 4);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE status = 'on-hold' "
                             "AND hold_reason = 'awaiting-customer'"), ==, 2);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE status = 'on-hold' "
                             "AND hold_reason = 'awaiting-supplier'"), ==, 2);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE status = 'resolved'"), >=, 1);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE status = 'closed'"), >=, 150);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE status = 'cancelled'"), ==, 2);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE status = 'duplicate' "
                             "AND duplicate_of IS NOT NULL"), ==, 2);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE reopen_count > 0"), ==, 3);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE major = 1"), ==, 4);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE major = 1 "
                             "AND status IN ('new', 'in-progress', 'on-hold')"), ==, 1);

  /* Spread over the six months before now, none in the future. */
  oldest = count (s, "SELECT CAST (julianday ('2026-03-11T10:00:00Z') - julianday (min (opened_at)) AS INTEGER) "
                     "FROM incident");
  g_assert_cmpint (oldest, >=, 150);
  g_assert_cmpint (oldest, <=, 200);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE opened_at > '2026-03-11T10:00:00.000Z'"), ==, 0);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident_event WHERE at > '2026-03-11T10:00:00.000Z'"), ==, 0);
  g_assert_cmpint (count (s, "SELECT count(DISTINCT service_id) FROM incident"), >=, 8);
  g_assert_cmpint (count (s, "SELECT count(DISTINCT customer_id) FROM incident"), >=, 4);
  g_assert_cmpint (count (s, "SELECT count(DISTINCT title) FROM incident"), >=, 30);

  /* Every resolution has its code and notes; the responded instant is
   * set on everything that was answered. */
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE status IN ('resolved', 'closed') "
                             "AND (resolution_code IS NULL OR resolution_notes IS NULL "
                             "OR resolved_at IS NULL OR responded_at IS NULL)"), ==, 0);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE status = 'closed' AND closed_at IS NULL"), ==, 0);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident WHERE resolution_code = 'workaround' "
                             "AND workaround IS NOT NULL"), >=, 1);

  /* Written through the write path: journaled. */
  g_assert_cmpint (count (s, "SELECT count(*) FROM sb_journal WHERE tbl = 'incident'"), >=, 200);
  g_assert_cmpint (count (s, "SELECT count(*) FROM incident_event WHERE kind = 'note' "
                             "AND visibility = 'customer'"), >=, 150);
  g_assert_cmpint (count (s, "SELECT sum(minutes) FROM incident_event"), >, 0);
}

static void
test_timelines (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = incident_ids (f->book->store, "1");
  guint holds = 0;

  g_assert_cmpuint (ids->len, ==, 200);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) timeline = sb_incidents_list_timeline (f->book->store, id, &error);
      g_autoptr(SbIncident) incident = sb_incidents_get (f->book->store, id, &error);
      SbIncidentEvent *first;
      gint64 previous;

      g_assert_no_error (error);
      g_assert_nonnull (incident);
      g_assert_cmpuint (timeline->len, >=, 1);

      first = g_ptr_array_index (timeline, 0);
      g_assert_cmpstr (sb_incident_event_get_kind (first), ==, SB_INCIDENT_EVENT_OPENED);
      g_assert_cmpint (sb_incident_event_get_at_ms (first), ==, sb_incident_get_opened_ms (incident));

      previous = sb_incident_event_get_at_ms (first);
      for (guint k = 1; k < timeline->len; k++)
        {
          SbIncidentEvent *event = g_ptr_array_index (timeline, k);

          g_assert_cmpint (sb_incident_event_get_at_ms (event), >=, previous);
          previous = sb_incident_event_get_at_ms (event);
          if (g_strcmp0 (sb_incident_event_get_new_value (event), "on-hold") == 0)
            holds++;
        }

      /* A closed incident was answered, worked and resolved first. */
      if (sb_incident_get_status (incident) == SB_INCIDENT_CLOSED)
        {
          g_assert_cmpuint (timeline->len, >=, 5);
          g_assert_cmpint (sb_incident_get_responded_ms (incident), >=, sb_incident_get_opened_ms (incident));
          g_assert_cmpint (sb_incident_get_resolved_ms (incident), >, sb_incident_get_responded_ms (incident));
          g_assert_cmpint (sb_incident_get_closed_ms (incident), >, sb_incident_get_resolved_ms (incident));
          g_assert_cmpint (sb_incident_get_closed_ms (incident), <=, FIXED_NOW_MS);
        }
    }

  /* Holds in the history as well as the four on hold now. */
  g_assert_cmpuint (holds, >=, 20);
}

static void
test_sla_at_now (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) open = incident_ids (f->book->store, "status IN ('new', 'in-progress', 'on-hold')");
  g_autoptr(GPtrArray) done = incident_ids (f->book->store, "status IN ('resolved', 'closed')");
  guint states[SB_SLA_STATE_BREACHED + 1] = { 0 };
  guint late = 0;
  guint paused = 0;

  g_assert_cmpuint (open->len, ==, 13);

  for (guint i = 0; i < open->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SbIncident) incident = sb_incidents_get (f->book->store, g_ptr_array_index (open, i), &error);
      SbSla sla;

      g_assert_no_error (error);
      g_assert_true (sb_incidents_get_sla (f->book->store, incident, FIXED_NOW_MS, &sla, &error));
      g_assert_no_error (error);
      states[sla.state]++;
      if (sla.resolution.paused)
        paused++;
    }

  g_assert_cmpuint (states[SB_SLA_STATE_BREACHED], >=, 1);
  g_assert_cmpuint (states[SB_SLA_STATE_AT_RISK], >=, 1);
  g_assert_cmpuint (states[SB_SLA_STATE_WITHIN], >=, 1);
  /* Awaiting the customer stops the clock. */
  g_assert_cmpuint (paused, >=, 1);

  /* Some of the history was resolved after its target. */
  for (guint i = 0; i < done->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SbIncident) incident = sb_incidents_get (f->book->store, g_ptr_array_index (done, i), &error);
      SbSla sla;

      g_assert_no_error (error);
      g_assert_true (sb_incidents_get_sla (f->book->store, incident, FIXED_NOW_MS, &sla, &error));
      g_assert_no_error (error);
      g_assert_true (sla.resolution.done || sla.resolution.state == SB_SLA_STATE_NONE);
      if (sla.state == SB_SLA_STATE_BREACHED)
        late++;
    }
  g_assert_cmpuint (late, >=, 5);
  g_assert_cmpuint (late, <, done->len / 3);
}

static void
test_load_twice (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 journal = count (f->book->store, "SELECT count(*) FROM sb_journal");
  gint64 events = count (f->book->store, "SELECT count(*) FROM incident_event");

  g_assert_true (sb_sample_data_load (f->book->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM incident"), ==, 200);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM incident_event"), ==, events);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM sb_journal"), ==, journal);
}

/* The same clock gives the same log in another book. */
static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  static const char sql[] =
    "SELECT group_concat (title || opened_at || status || coalesce (resolved_at, ''), '|') "
    "FROM (SELECT * FROM incident ORDER BY opened_at, title)";
  g_autofree char *path = g_build_filename (f->book->dir, "other.sqlite", NULL);
  g_autoptr(SbStore) other = open_book (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  g_assert_true (sb_sample_data_load (other, &error));
  g_assert_no_error (error);
  g_clear_object (&other);

  mine = sb_test_raw_text (f->book->path, sql);
  theirs = sb_test_raw_text (path, sql);
  g_assert_nonnull (mine);
  g_assert_cmpstr (mine, ==, theirs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/incident-sample/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("counts", test_counts);
  ADD ("timelines", test_timelines);
  ADD ("sla-at-now", test_sla_at_now);
  ADD ("load-twice", test_load_twice);
  ADD ("deterministic", test_deterministic);

#undef ADD

  return g_test_run ();
}

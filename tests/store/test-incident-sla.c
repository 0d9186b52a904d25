/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-incident-sla"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sb-catalog.h"
#include "sb-incidents-private.h"
#include "sb-service.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/* SLA clocks of incidents in a real book, written through the incident
 * API: the service's calendar, targets and clock-stop reasons, and what
 * happens to every clock when one of them (or the priority) changes.
 * 2026-03-02 is a Monday; Madrid is +01:00 then. The default priority
 * matrix gives impact 2 / urgency 2 priority 3, impact 1 / urgency 2
 * priority 2. */

#define OFFICE_MADRID \
  "tz=Europe/Madrid;mon=09:00-17:00;tue=09:00-17:00;wed=09:00-17:00;thu=09:00-17:00;fri=09:00-17:00"

typedef struct
{
  SbTestBook *book;
} Fixture;

static gint64
at (const char *iso)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
}

#define assert_instant(ms, iso) g_assert_cmpint ((ms), ==, at (iso))

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->book = sb_test_book_new ();
  /* The book's clock stands still well after every instant used here. */
  sb_test_store_set_fixed_clock (f->book->store, at ("2026-06-01T00:00:00Z"));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->book, sb_test_book_free);
}

/* Helpers {{{1 */

static char *
add_calendar (Fixture *f, const char *definition)
{
  g_autoptr (SbCalendar) calendar = sb_calendar_new_from_string (definition, NULL);
  g_autoptr (GError) error = NULL;
  char *id = NULL;

  g_assert_nonnull (calendar);
  sb_calendar_set_name (calendar, "Office");
  g_assert_true (sb_catalog_save_calendar (f->book->store, NULL, calendar, &id, &error));
  g_assert_no_error (error);

  return id;
}

/* A service with targets for priorities 2 and 3 (response, resolution). */
static char *
add_service (Fixture            *f,
             const char         *code,
             const char         *calendar_id,
             const char * const *stop_reasons,
             int                 p2_response,
             int                 p2_resolution,
             int                 p3_response,
             int                 p3_resolution)
{
  g_autoptr (SbService) service = sb_service_new ();

  sb_service_set_code (service, code);
  sb_service_set_name (service, code);
  sb_service_set_calendar_id (service, calendar_id);
  if (stop_reasons != NULL)
    sb_service_set_clock_stop_reasons (service, stop_reasons);
  sb_service_set_targets (service, 2, p2_response, p2_resolution);
  sb_service_set_targets (service, 3, p3_response, p3_resolution);

  return sb_test_save_service (f->book->store, service);
}

static char *
add_incident (Fixture *f, const char *service_id, const char *title, const char *opened)
{
  g_autoptr (SbIncident) draft = sb_incident_new ();
  g_autoptr (GError) error = NULL;

  sb_incident_set_title (draft, title);
  sb_incident_set_service_id (draft, service_id);
  sb_incident_set_opened_ms (draft, at (opened));
  g_assert_true (sb_incidents_create (f->book->store, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sb_incident_get_priority (draft), ==, 3);

  return g_strdup (sb_incident_get_id (draft));
}

static void
sla_of (Fixture *f, const char *id, const char *now, SbSla *out)
{
  g_autoptr (SbIncident) incident = NULL;
  g_autoptr (GError) error = NULL;

  incident = sb_incidents_get (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (incident);
  g_assert_true (sb_incidents_get_sla (f->book->store, incident, at (now), out, &error));
  g_assert_no_error (error);
}

#define OK(call)                      \
  G_STMT_START                        \
  {                                   \
    g_autoptr (GError) _error = NULL; \
    g_assert_true (call);             \
    g_assert_no_error (_error);       \
  }                                   \
  G_STMT_END

static void
hold (Fixture *f, const char *id, const char *reason, const char *when)
{
  OK (sb_incidents_hold (f->book->store, id, reason, NULL, 0, at (when), &_error));
}

static void
start (Fixture *f, const char *id, const char *when)
{
  OK (sb_incidents_start (f->book->store, id, NULL, 0, at (when), &_error));
}

static void
respond (Fixture *f, const char *id, const char *when)
{
  OK (sb_incidents_respond (f->book->store, id, "On it", 0, at (when), &_error));
}

static gint64
rowid_of (Fixture *f, const char *id)
{
  sqlite3_stmt *stmt = sb_store_prepare (f->book->store, "SELECT rowid FROM incident WHERE id = ?", NULL);
  gint64 rowid;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return rowid;
}

static void
assert_clock_equal (const SbSlaClock *a, const SbSlaClock *b)
{
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpint (a->done, ==, b->done);
  g_assert_cmpint (a->paused, ==, b->paused);
  g_assert_cmpint (a->target_minutes, ==, b->target_minutes);
  g_assert_cmpint (a->elapsed_minutes, ==, b->elapsed_minutes);
  g_assert_cmpint (a->paused_minutes, ==, b->paused_minutes);
  g_assert_cmpint (a->remaining_minutes, ==, b->remaining_minutes);
  g_assert_cmpint (a->due_ms, ==, b->due_ms);
  g_assert_cmpint (a->at_risk_ms, ==, b->at_risk_ms);
  g_assert_cmpuint (a->percent, ==, b->percent);
}

/* Tests {{{1 */

static void
test_hold_reasons (Fixture *f, gconstpointer data)
{
  g_autofree char *service = add_service (f, "EMAIL", NULL, NULL, 30, 120, 60, 240);
  g_autofree char *customer = add_incident (f, service, "Mail down", "2026-03-02T10:00:00Z");
  g_autofree char *supplier = add_incident (f, service, "Mail slow", "2026-03-02T10:00:00Z");
  SbSla sla;

  respond (f, customer, "2026-03-02T10:20:00Z");
  hold (f, customer, "awaiting-customer", "2026-03-02T11:00:00Z");
  respond (f, supplier, "2026-03-02T10:20:00Z");
  hold (f, supplier, "awaiting-supplier", "2026-03-02T11:00:00Z");

  /* While on hold for the customer the clock stands still. */
  sla_of (f, customer, "2026-03-02T11:30:00Z", &sla);
  g_assert_true (sla.resolution.paused);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 60);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 30);
  g_assert_cmpint (sla.resolution.due_ms, ==, SB_SLA_NO_TIME);
  g_assert_true (sla.response.done);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 20);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_WITHIN);

  /* Waiting for a supplier does not stop it. */
  sla_of (f, supplier, "2026-03-02T11:30:00Z", &sla);
  g_assert_false (sla.resolution.paused);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 90);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 0);
  assert_instant (sla.resolution.due_ms, "2026-03-02T14:00:00Z");

  start (f, customer, "2026-03-02T12:00:00Z");
  start (f, supplier, "2026-03-02T12:00:00Z");

  sla_of (f, customer, "2026-03-02T13:00:00Z", &sla);
  g_assert_false (sla.resolution.paused);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 120);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 60);
  assert_instant (sla.resolution.due_ms, "2026-03-02T15:00:00Z");
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_WITHIN);

  sla_of (f, supplier, "2026-03-02T13:00:00Z", &sla);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 180);
  assert_instant (sla.resolution.due_ms, "2026-03-02T14:00:00Z");
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_AT_RISK);
}

static void
test_clock_stop_reasons (Fixture *f, gconstpointer data)
{
  static const char *const change_only[] = { "awaiting-change", NULL };
  g_autofree char *service = add_service (f, "ERP", NULL, change_only, 0, 0, 0, 240);
  g_autofree char *by_change = add_incident (f, service, "Needs a change", "2026-03-02T10:00:00Z");
  g_autofree char *by_customer = add_incident (f, service, "Asked the user", "2026-03-02T10:00:00Z");
  g_autofree char *no_service = add_incident (f, NULL, "Printer", "2026-03-02T10:00:00Z");
  SbSla sla;

  hold (f, by_change, "awaiting-change", "2026-03-02T11:00:00Z");
  hold (f, by_customer, "awaiting-customer", "2026-03-02T11:00:00Z");
  hold (f, no_service, "awaiting-customer", "2026-03-02T11:00:00Z");

  sla_of (f, by_change, "2026-03-02T12:00:00Z", &sla);
  g_assert_true (sla.resolution.paused);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 60);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_NONE);

  /* This service answers for the customer's delays too. */
  sla_of (f, by_customer, "2026-03-02T12:00:00Z", &sla);
  g_assert_false (sla.resolution.paused);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 120);

  /* No service: 24×7, awaiting customer stops the clock, no target. */
  sla_of (f, no_service, "2026-03-02T12:00:00Z", &sla);
  g_assert_true (sla.resolution.paused);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 60);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_NONE);
}

/* Opened 10:00, on hold for the customer 11:00–12:00, priority 3 with a
 * four-hour target; then the priority goes up to 2 with two hours. */
static void
test_priority_change (Fixture *f, gconstpointer data)
{
  g_autofree char *service = add_service (f, "EMAIL", NULL, NULL, 30, 120, 60, 240);
  g_autofree char *id = add_incident (f, service, "Mail down", "2026-03-02T10:00:00Z");
  g_autoptr (SbIncident) incident = NULL;
  g_autoptr (GError) error = NULL;
  SbSla sla;

  hold (f, id, "awaiting-customer", "2026-03-02T11:00:00Z");
  start (f, id, "2026-03-02T12:00:00Z");

  sla_of (f, id, "2026-03-02T13:30:00Z", &sla);
  g_assert_cmpint (sla.resolution.target_minutes, ==, 240);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 150);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 60);
  assert_instant (sla.resolution.due_ms, "2026-03-02T15:00:00Z");
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_WITHIN);

  incident = sb_incidents_get (f->book->store, id, &error);
  g_assert_no_error (error);
  sb_incident_set_impact (incident, 1);
  g_assert_true (sb_incidents_update (f->book->store, incident, &error));
  g_assert_no_error (error);
  g_clear_object (&incident);

  /* Two hours from 10:00 with the hour on hold kept: due 13:00. */
  sla_of (f, id, "2026-03-02T13:30:00Z", &sla);
  g_assert_cmpint (sla.resolution.target_minutes, ==, 120);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 150);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 60);
  assert_instant (sla.resolution.due_ms, "2026-03-02T13:00:00Z");
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_BREACHED);
  /* Never responded: 30 minutes were due at 10:30. */
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_BREACHED);
  assert_instant (sla.response.due_ms, "2026-03-02T10:30:00Z");
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_BREACHED);
}

static void
test_target_change (Fixture *f, gconstpointer data)
{
  g_autofree char *service_id = add_service (f, "EMAIL", NULL, NULL, 30, 120, 60, 240);
  g_autofree char *id = add_incident (f, service_id, "Mail down", "2026-03-02T10:00:00Z");
  g_autoptr (SbService) service = NULL;
  g_autoptr (GError) error = NULL;
  SbSla sla;

  respond (f, id, "2026-03-02T10:05:00Z");
  hold (f, id, "awaiting-customer", "2026-03-02T11:00:00Z");
  start (f, id, "2026-03-02T12:00:00Z");

  sla_of (f, id, "2026-03-02T13:00:00Z", &sla);
  assert_instant (sla.resolution.due_ms, "2026-03-02T15:00:00Z");

  service = sb_catalog_get_service (f->book->store, service_id, &error);
  g_assert_no_error (error);
  sb_service_set_targets (service, 3, 60, 480);
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);

  sla_of (f, id, "2026-03-02T13:00:00Z", &sla);
  g_assert_cmpint (sla.resolution.target_minutes, ==, 480);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 120);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 60);
  assert_instant (sla.resolution.due_ms, "2026-03-02T19:00:00Z");

  /* No target for priority 3 any more. */
  sb_service_set_targets (service, 3, 0, 0);
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);
  sla_of (f, id, "2026-03-02T13:00:00Z", &sla);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_NONE);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 60);
}

/* The same timeline in 24×7 and then in office hours. */
static void
test_calendar_change (Fixture *f, gconstpointer data)
{
  g_autofree char *calendar_id = add_calendar (f, OFFICE_MADRID);
  g_autofree char *service_id = add_service (f, "EMAIL", NULL, NULL, 30, 120, 60, 480);
  g_autofree char *id = add_incident (f, service_id, "Mail down", "2026-03-02T10:00:00+01:00");
  g_autoptr (SbService) service = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SbCalendar) evenings = NULL;
  SbSla sla;

  respond (f, id, "2026-03-02T10:05:00+01:00");
  hold (f, id, "awaiting-customer", "2026-03-02T11:00:00+01:00");
  start (f, id, "2026-03-02T12:00:00+01:00");

  sla_of (f, id, "2026-03-02T20:00:00+01:00", &sla);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 540);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 60);
  assert_instant (sla.resolution.due_ms, "2026-03-02T19:00:00+01:00");
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_BREACHED);

  service = sb_catalog_get_service (f->book->store, service_id, &error);
  g_assert_no_error (error);
  sb_service_set_calendar_id (service, calendar_id);
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);

  /* 10–11 and 12–17 count: 360 of 480, at risk; due Tuesday 11:00. */
  sla_of (f, id, "2026-03-02T20:00:00+01:00", &sla);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 360);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 60);
  assert_instant (sla.resolution.due_ms, "2026-03-03T11:00:00+01:00");
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_AT_RISK);

  /* Editing the calendar itself recomputes too: from 13:00 only. */
  evenings = sb_calendar_new_from_string (
    "tz=Europe/Madrid;mon=13:00-17:00;tue=13:00-17:00;wed=13:00-17:00;"
    "thu=13:00-17:00;fri=13:00-17:00", NULL);
  g_assert_nonnull (evenings);
  sb_calendar_set_name (evenings, "Afternoons");
  g_assert_true (sb_catalog_save_calendar (f->book->store, calendar_id, evenings, NULL, &error));
  g_assert_no_error (error);

  sla_of (f, id, "2026-03-02T20:00:00+01:00", &sla);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 240);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 0);
  /* 240 more: Tuesday 13:00–17:00. */
  assert_instant (sla.resolution.due_ms, "2026-03-03T17:00:00+01:00");
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_WITHIN);
}

static void
test_resolve_reopen (Fixture *f, gconstpointer data)
{
  g_autofree char *service = add_service (f, "EMAIL", NULL, NULL, 30, 120, 60, 240);
  g_autofree char *id = add_incident (f, service, "Mail down", "2026-03-02T10:00:00Z");
  SbSla sla;

  OK (sb_incidents_resolve (f->book->store, id, "fixed", "Restarted", NULL, 0,
                            at ("2026-03-02T11:00:00Z"), &_error));

  sla_of (f, id, "2026-03-02T12:00:00Z", &sla);
  g_assert_true (sla.resolution.done);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 60);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_WITHIN);
  /* Resolving answered the customer, too. */
  g_assert_true (sla.response.done);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_WITHIN);

  OK (sb_incidents_reopen (f->book->store, id, "Down again", at ("2026-03-02T13:00:00Z"), &_error));

  sla_of (f, id, "2026-03-02T13:30:00Z", &sla);
  g_assert_false (sla.resolution.done);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 90);
  assert_instant (sla.resolution.due_ms, "2026-03-02T16:00:00Z");

  OK (sb_incidents_resolve (f->book->store, id, "fixed", NULL, NULL, 0,
                            at ("2026-03-02T16:30:00Z"), &_error));
  OK (sb_incidents_close (f->book->store, id, NULL, at ("2026-03-03T09:00:00Z"), &_error));

  sla_of (f, id, "2026-03-04T00:00:00Z", &sla);
  g_assert_true (sla.resolution.done);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 270);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_BREACHED);
  assert_instant (sla.resolution.due_ms, "2026-03-02T16:00:00Z");
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_BREACHED);
}

static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autofree char *service = add_service (f, "EMAIL", NULL, NULL, 30, 120, 60, 240);
  g_autofree char *cancelled = add_incident (f, service, "Logged twice", "2026-03-02T10:00:00Z");
  g_autofree char *original = add_incident (f, service, "Mail down", "2026-03-02T10:00:00Z");
  g_autofree char *duplicate = add_incident (f, service, "Mail down too", "2026-03-02T10:10:00Z");
  SbSla sla;

  OK (sb_incidents_cancel (f->book->store, cancelled, NULL, at ("2026-03-02T18:00:00Z"), &_error));
  OK (sb_incidents_mark_duplicate (f->book->store, duplicate, original,
                                   at ("2026-03-02T18:00:00Z"), &_error));

  sla_of (f, cancelled, "2026-03-03T00:00:00Z", &sla);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_NONE);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_NONE);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_NONE);

  sla_of (f, duplicate, "2026-03-03T00:00:00Z", &sla);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_NONE);

  /* The original still runs, long breached. */
  sla_of (f, original, "2026-03-03T00:00:00Z", &sla);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_BREACHED);
}

/* The clocks of many at once equal those of one at a time. */
static void
test_open_slas (Fixture *f, gconstpointer data)
{
  g_autofree char *calendar_id = add_calendar (f, OFFICE_MADRID);
  g_autofree char *office = add_service (f, "ERP", calendar_id, NULL, 60, 240, 120, 480);
  g_autofree char *around = add_service (f, "EMAIL", NULL, NULL, 30, 120, 60, 240);
  g_autofree char *a = add_incident (f, office, "Invoices fail", "2026-03-02T10:00:00+01:00");
  g_autofree char *b = add_incident (f, around, "Mail down", "2026-03-30T22:15:00+02:00");
  g_autofree char *c = add_incident (f, NULL, "Printer", "2026-03-31T08:00:00+02:00");
  g_autofree char *d = add_incident (f, office, "Resolved already", "2026-03-02T10:00:00+01:00");
  g_autofree char *e = add_incident (f, around, "Deleted", "2026-03-02T10:00:00+01:00");
  const char *now = "2026-03-31T12:00:00+02:00";
  const char *open[] = { a, b, c };
  g_autoptr (GHashTable) slas = NULL;
  g_autoptr (GError) error = NULL;
  guint i;

  hold (f, a, "awaiting-customer", "2026-03-02T11:00:00+01:00");
  start (f, a, "2026-03-03T10:00:00+01:00");
  hold (f, a, "awaiting-supplier", "2026-03-04T10:00:00+01:00");
  respond (f, b, "2026-03-30T23:00:00+02:00");
  hold (f, b, "awaiting-customer", "2026-03-31T00:00:00+02:00");
  OK (sb_incidents_resolve (f->book->store, d, "fixed", NULL, NULL, 0,
                            at ("2026-03-02T12:00:00+01:00"), &_error));
  OK (sb_incidents_delete (f->book->store, e, &_error));

  slas = sb_incidents_compute_open_slas (f->book->store, at (now), &error);
  g_assert_no_error (error);
  g_assert_nonnull (slas);
  g_assert_cmpuint (g_hash_table_size (slas), ==, 3);

  for (i = 0; i < G_N_ELEMENTS (open); i++)
    {
      gint64 rowid = rowid_of (f, open[i]);
      const SbSla *many = g_hash_table_lookup (slas, &rowid);
      SbSla one;

      g_assert_nonnull (many);
      sla_of (f, open[i], now, &one);
      assert_clock_equal (&many->response, &one.response);
      assert_clock_equal (&many->resolution, &one.resolution);
      g_assert_cmpint (many->state, ==, one.state);
    }

  {
    gint64 rowid_a = rowid_of (f, a);
    gint64 rowid_b = rowid_of (f, b);
    gint64 rowid_d = rowid_of (f, d);
    const SbSla *sla_a = g_hash_table_lookup (slas, &rowid_a);
    const SbSla *sla_b = g_hash_table_lookup (slas, &rowid_b);

    g_assert_null (g_hash_table_lookup (slas, &rowid_d));

    /* a: 60 minutes on 2 March, paused until 3 March 10:00 (360 + 60
     * business minutes), 420 more by 17:00 that day, and on through the
     * supplier's hold: breached. */
    g_assert_cmpint (sla_a->resolution.paused_minutes, ==, 420);
    assert_instant (sla_a->resolution.due_ms, "2026-03-03T17:00:00+01:00");
    g_assert_cmpint (sla_a->state, ==, SB_SLA_STATE_BREACHED);

    /* b: 24×7, 105 minutes then paused: within, paused. */
    g_assert_true (sla_b->resolution.paused);
    g_assert_cmpint (sla_b->resolution.elapsed_minutes, ==, 105);
    g_assert_true (sla_b->response.done);
  }
}

/* The context as the list model uses it: marks handed in directly. */
static void
test_context (Fixture *f, gconstpointer data)
{
  g_autofree char *calendar_id = add_calendar (f, OFFICE_MADRID);
  g_autofree char *service = add_service (f, "ERP", calendar_id, NULL, 60, 240, 120, 480);
  g_autoptr (SbSlaContext) ctx = NULL;
  g_autoptr (GError) error = NULL;
  SbStatusMark marks[] = {
    /* Dated before the opening (a clock gone wrong): counts from it. */
    { at ("2026-03-02T08:00:00+01:00"), SB_INCIDENT_IN_PROGRESS, NULL },
    { at ("2026-03-02T11:00:00+01:00"), SB_INCIDENT_ON_HOLD, "awaiting-customer" },
    { at ("2026-03-02T12:00:00+01:00"), SB_INCIDENT_ON_HOLD, "awaiting-supplier" },
  };
  SbSla sla;

  ctx = sb_sla_context_new (f->book->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ctx);

  g_assert_true (sb_sla_context_compute (ctx, service, 3, at ("2026-03-02T10:00:00+01:00"),
                                         SB_SLA_NO_TIME, marks, G_N_ELEMENTS (marks),
                                         at ("2026-03-02T13:00:00+01:00"), &sla, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 120);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 60);
  /* 300 more on Monday from 12:00, 120 on Tuesday. */
  assert_instant (sla.resolution.due_ms, "2026-03-03T11:00:00+01:00");
  assert_instant (sla.response.due_ms, "2026-03-02T13:00:00+01:00");
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_AT_RISK);

  /* Unknown service, no marks: 24×7 without targets. */
  g_assert_true (sb_sla_context_compute (ctx, "no-such-service", 3,
                                         at ("2026-03-02T10:00:00Z"), SB_SLA_NO_TIME, NULL, 0,
                                         at ("2026-03-02T13:00:00Z"), &sla, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_NONE);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 180);

  /* A priority without targets. */
  g_assert_true (sb_sla_context_compute (ctx, service, 5, at ("2026-03-02T10:00:00+01:00"),
                                         SB_SLA_NO_TIME, NULL, 0,
                                         at ("2026-03-02T13:00:00+01:00"), &sla, &error));
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_NONE);
}

static void
test_attention (Fixture *f, gconstpointer data)
{
  g_autofree char *service = add_service (f, "EMAIL", NULL, NULL, 30, 120, 60, 240);
  g_autofree char *breached = add_incident (f, service, "Mail down", "2026-03-02T07:50:00Z");
  g_autofree char *at_risk = add_incident (f, service, "Mail slow", "2026-03-02T08:50:00Z");
  g_autofree char *fresh = add_incident (f, service, "Spam", "2026-03-02T11:50:00Z");
  g_autofree char *held = add_incident (f, service, "Quota", "2026-03-02T09:00:00Z");
  g_autofree char *done = add_incident (f, service, "Old", "2026-03-01T09:00:00Z");
  g_autoptr (SbIncident) incident = NULL;
  g_autoptr (GError) error = NULL;
  SbIncidentAttention attention;

  respond (f, breached, "2026-03-02T08:00:00Z");
  respond (f, at_risk, "2026-03-02T09:15:00Z");
  respond (f, fresh, "2026-03-02T11:55:00Z");
  respond (f, held, "2026-03-02T09:05:00Z");
  hold (f, held, "awaiting-customer", "2026-03-02T09:30:00Z");
  OK (sb_incidents_resolve (f->book->store, done, "fixed", NULL, NULL, 0,
                            at ("2026-03-01T10:00:00Z"), &_error));

  incident = sb_incidents_get (f->book->store, fresh, &error);
  g_assert_no_error (error);
  sb_incident_set_major (incident, TRUE);
  g_assert_true (sb_incidents_update (f->book->store, incident, &error));
  g_assert_no_error (error);

  g_assert_true (sb_incidents_get_attention (f->book->store, at ("2026-03-02T12:00:00Z"),
                                             &attention, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (attention.n_open, ==, 4);
  g_assert_cmpuint (attention.n_breached, ==, 1);  /* 250 of 240 minutes */
  g_assert_cmpuint (attention.n_at_risk, ==, 1);   /* 190 of 240: 79 % */
  g_assert_cmpuint (attention.n_major, ==, 1);
  g_assert_cmpuint (attention.n_on_hold, ==, 1);
  g_assert_cmpstr (attention.oldest_open_id, ==, breached);
  g_assert_cmpstr (attention.oldest_open_title, ==, "Mail down");
  g_assert_nonnull (attention.oldest_open_reference);
  assert_instant (attention.oldest_open_ms, "2026-03-02T07:50:00Z");
  sb_incident_attention_clear (&attention);
  g_assert_null (attention.oldest_open_id);
  g_assert_cmpuint (attention.n_open, ==, 0);

  /* An empty log. */
  OK (sb_incidents_delete (f->book->store, breached, &_error));
  OK (sb_incidents_delete (f->book->store, at_risk, &_error));
  OK (sb_incidents_delete (f->book->store, fresh, &_error));
  OK (sb_incidents_delete (f->book->store, held, &_error));
  g_assert_true (sb_incidents_get_attention (f->book->store, at ("2026-03-02T12:00:00Z"),
                                             &attention, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (attention.n_open, ==, 0);
  g_assert_cmpuint (attention.n_breached, ==, 0);
  g_assert_null (attention.oldest_open_id);
  g_assert_cmpint (attention.oldest_open_ms, ==, SB_INCIDENT_NO_TIME);
  sb_incident_attention_clear (&attention);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/incident-sla/hold-reasons", test_hold_reasons);
  ADD ("/incident-sla/clock-stop-reasons", test_clock_stop_reasons);
  ADD ("/incident-sla/priority-change", test_priority_change);
  ADD ("/incident-sla/target-change", test_target_change);
  ADD ("/incident-sla/calendar-change", test_calendar_change);
  ADD ("/incident-sla/resolve-reopen", test_resolve_reopen);
  ADD ("/incident-sla/cancelled", test_cancelled);
  ADD ("/incident-sla/open-slas", test_open_slas);
  ADD ("/incident-sla/context", test_context);
  ADD ("/incident-sla/attention", test_attention);

  return g_test_run ();
}

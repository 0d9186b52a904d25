/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sb-catalog.h"
#include "sb-incidents-private.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/* The incident write path on real books: creating incidents with their
 * references and priorities, every status change and edit with its
 * timeline entry, notes and time spent, the journal and audit trail, and
 * delete with undo. */

/* 2026-03-02T10:00:00.000Z */
#define T0 G_GINT64_CONSTANT (1772445600000)
#define MINUTE G_GINT64_CONSTANT (60000)

typedef struct
{
  SbTestBook *book;
  gint64      now_ms;
} Fixture;

static gint64
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now_ms;
}

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->book->store = sb_store_open (f->book->path, SB_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sb_store_set_clock_func (f->book->store, fixture_clock, f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->book = sb_test_book_new ();
  f->now_ms = T0;
  sb_store_set_clock_func (f->book->store, fixture_clock, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->book, sb_test_book_free);
}

static gint64
count (Fixture    *f,
       const char *sql,
       const char *arg)
{
  return sb_test_store_count (f->book->store, sql, arg);
}

static char *
text (Fixture    *f,
      const char *sql,
      const char *arg)
{
  return sb_test_store_text (f->book->store, sql, arg);
}

static SbIncident *
draft (const char *title)
{
  SbIncident *incident = sb_incident_new ();

  sb_incident_set_title (incident, title);

  return incident;
}

/* Logs an incident and returns its id. */
static char *
create (Fixture    *f,
        const char *title)
{
  g_autoptr(SbIncident) incident = draft (title);
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_incidents_create (f->book->store, incident, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sb_incident_get_id (incident));

  return g_strdup (sb_incident_get_id (incident));
}

static SbIncident *
get (Fixture    *f,
     const char *id)
{
  g_autoptr(GError) error = NULL;
  SbIncident *incident = sb_incidents_get (f->book->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (incident);

  return incident;
}

static GPtrArray *
timeline (Fixture    *f,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = sb_incidents_list_timeline (f->book->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);

  return events;
}

static SbIncidentEvent *
last_event (GPtrArray *events)
{
  g_assert_cmpuint (events->len, >, 0);

  return g_ptr_array_index (events, events->len - 1);
}

/* The refused call's message names what is wrong. */
static void
assert_refused (GError     *error,
                const char *word)
{
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  if (strstr (error->message, word) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, word);
}

static gboolean
reference_is_well_formed (const char *reference)
{
  return g_regex_match_simple ("^INC-[0-9A-HJKMNP-TV-Z]{4}-[0-9]{4,}$", reference, 0, 0);
}

static char *
reference_tag (const char *reference)
{
  return g_strndup (reference + 4, 4);
}

static char *
add_service (Fixture    *f,
             const char *code)
{
  g_autoptr(SbService) service = sb_service_new ();

  sb_service_set_code (service, code);
  sb_service_set_name (service, code);

  return sb_test_save_service (f->book->store, service);
}

static char *
add_customer (Fixture    *f,
              const char *name)
{
  return sb_test_add_customer (f->book->store, name);
}

static void
test_create_defaults (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = create (f, "  Mail server down  ");
  g_autoptr(SbIncident) incident = get (f, id);
  g_autoptr(GPtrArray) events = timeline (f, id);
  SbIncidentEvent *opened;

  g_assert_cmpstr (sb_incident_get_title (incident), ==, "Mail server down");
  g_assert_true (reference_is_well_formed (sb_incident_get_reference (incident)));
  g_assert_true (g_str_has_suffix (sb_incident_get_reference (incident), "-0001"));
  g_assert_cmpint (sb_incident_get_status (incident), ==, SB_INCIDENT_NEW);
  g_assert_cmpuint (sb_incident_get_impact (incident), ==, 2);
  g_assert_cmpuint (sb_incident_get_urgency (incident), ==, 2);
  g_assert_cmpuint (sb_incident_get_priority (incident), ==, 3);
  g_assert_null (sb_incident_get_priority_reason (incident));
  g_assert_cmpstr (sb_incident_get_channel (incident), ==, "phone");
  g_assert_false (sb_incident_get_major (incident));
  g_assert_cmpint (sb_incident_get_opened_ms (incident), ==, T0);
  g_assert_cmpint (sb_incident_get_responded_ms (incident), ==, SB_INCIDENT_NO_TIME);
  g_assert_cmpint (sb_incident_get_resolved_ms (incident), ==, SB_INCIDENT_NO_TIME);
  g_assert_cmpint (sb_incident_get_closed_ms (incident), ==, SB_INCIDENT_NO_TIME);
  g_assert_cmpuint (sb_incident_get_reopen_count (incident), ==, 0);
  g_assert_null (sb_incident_get_import_batch (incident));

  g_assert_cmpuint (events->len, ==, 1);
  opened = g_ptr_array_index (events, 0);
  g_assert_cmpstr (sb_incident_event_get_kind (opened), ==, SB_INCIDENT_EVENT_OPENED);
  g_assert_cmpint (sb_incident_event_get_at_ms (opened), ==, T0);
  g_assert_cmpstr (sb_incident_event_get_incident_id (opened), ==, id);

  /* found by reference, not when deleted or unknown */
  {
    g_autoptr(SbIncident) found = sb_incidents_find (f->book->store, sb_incident_get_reference (incident));

    g_assert_nonnull (found);
    g_assert_cmpstr (sb_incident_get_id (found), ==, id);
    g_assert_null (sb_incidents_find (f->book->store, "INC-NONE-0001"));
  }
}

static void
test_create_back_dated (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SbIncident) incident = draft ("Printer jam");
  g_autoptr(SbIncident) future = draft ("Tomorrow's problem");
  g_autoptr(SbIncident) almost_now = draft ("Clock skew");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;

  sb_incident_set_opened_ms (incident, T0 - 90 * MINUTE);
  g_assert_true (sb_incidents_create (f->book->store, incident, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_incident_get_opened_ms (incident), ==, T0 - 90 * MINUTE);
  events = timeline (f, sb_incident_get_id (incident));
  g_assert_cmpint (sb_incident_event_get_at_ms (last_event (events)), ==, T0 - 90 * MINUTE);

  /* within a minute ahead is a clock difference, not the future */
  sb_incident_set_opened_ms (almost_now, T0 + 30 * 1000);
  g_assert_true (sb_incidents_create (f->book->store, almost_now, &error));
  g_assert_no_error (error);

  sb_incident_set_opened_ms (future, T0 + 2 * MINUTE);
  g_assert_false (sb_incidents_create (f->book->store, future, &error));
  assert_refused (error, "future");
  g_assert_null (sb_incident_get_id (future));
}

static void
test_create_validation (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *service_id = add_service (f, "EMAIL");
  g_autofree char *customer_id = add_customer (f, "Acme");
  gint64 before = count (f, "SELECT count(*) FROM sb_journal", NULL);
  struct
  {
    const char *title;
    guint       impact;
    guint       urgency;
    const char *channel;
    const char *service_id;
    const char *customer_id;
    const char *word;
  } cases[] = {
    { NULL, 2, 2, "phone", NULL, NULL, "title" },
    { "   ", 2, 2, "phone", NULL, NULL, "title" },
    { "x", 0, 2, "phone", NULL, NULL, "impact" },
    { "x", 4, 2, "phone", NULL, NULL, "impact" },
    { "x", 2, 0, "phone", NULL, NULL, "urgency" },
    { "x", 2, 7, "phone", NULL, NULL, "urgency" },
    { "x", 2, 2, "fax", NULL, NULL, "fax" },
    { "x", 2, 2, "phone", "no-such-service", NULL, "no-such-service" },
    { "x", 2, 2, "phone", NULL, "no-such-customer", "no-such-customer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SbIncident) incident = draft (cases[i].title);
      g_autoptr(GError) error = NULL;

      sb_incident_set_impact (incident, cases[i].impact);
      sb_incident_set_urgency (incident, cases[i].urgency);
      sb_incident_set_channel (incident, cases[i].channel);
      sb_incident_set_service_id (incident, cases[i].service_id);
      sb_incident_set_customer_id (incident, cases[i].customer_id);
      g_assert_false (sb_incidents_create (f->book->store, incident, &error));
      assert_refused (error, cases[i].word);
      g_assert_null (sb_incident_get_id (incident));
    }

  /* nothing was written */
  g_assert_cmpint (count (f, "SELECT count(*) FROM incident", NULL), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal", NULL), ==, before);

  /* a known service and customer are fine; every channel is */
  for (const char * const *channel = sb_incident_get_channels (); *channel != NULL; channel++)
    {
      g_autoptr(SbIncident) incident = draft ("Fine");
      g_autoptr(GError) error = NULL;

      sb_incident_set_service_id (incident, service_id);
      sb_incident_set_customer_id (incident, customer_id);
      sb_incident_set_channel (incident, *channel);
      g_assert_true (sb_incidents_create (f->book->store, incident, &error));
      g_assert_no_error (error);
    }

  /* a deleted service is unknown */
  {
    g_autoptr(SbIncident) incident = draft ("On a deleted service");
    g_autoptr(GError) error = NULL;

    g_assert_true (sb_catalog_delete_service (f->book->store, service_id, &error));
    g_assert_no_error (error);
    sb_incident_set_service_id (incident, service_id);
    g_assert_false (sb_incidents_create (f->book->store, incident, &error));
    assert_refused (error, service_id);
  }
}

static void
test_reference_sequence (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = create (f, "First");
  g_autofree char *b = create (f, "Second");
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autoptr(SbIncident) first = get (f, a);
  g_autoptr(SbIncident) second = get (f, b);
  g_autofree char *tag = reference_tag (sb_incident_get_reference (first));
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_suffix (sb_incident_get_reference (second), "-0002"));

  /* the tag is the device's */
  {
    g_autofree char *tag2 = reference_tag (sb_incident_get_reference (second));

    g_assert_cmpstr (tag, ==, tag2);
  }

  /* a deleted incident keeps its number */
  g_assert_true (sb_incidents_delete (f->book->store, b, &error));
  g_assert_no_error (error);
  c = create (f, "Third");
  {
    g_autoptr(SbIncident) third = get (f, c);

    expected = g_strdup_printf ("INC-%s-0003", tag);
    g_assert_cmpstr (sb_incident_get_reference (third), ==, expected);
  }

  /* the high-water mark is kept */
  {
    g_autofree char *seq = text (f, "SELECT value FROM sb_meta WHERE key = 'incident-seq'", NULL);

    g_assert_cmpstr (seq, ==, "3");
  }

  /* even if the newest row were purged, the mark remembers it */
  {
    g_autoptr(SbIncident) third = get (f, c);

    g_assert_true (sb_incidents_delete (f->book->store, c, &error));
    g_assert_no_error (error);
    g_assert_true (sb_store_exec (f->book->store,
                                  "PRAGMA foreign_keys = OFF;"
                                  "DELETE FROM incident_event WHERE incident_id IN "
                                  "(SELECT id FROM incident WHERE deleted = 1 AND reference LIKE '%-0003');"
                                  "DELETE FROM incident WHERE deleted = 1 AND reference LIKE '%-0003';"
                                  "PRAGMA foreign_keys = ON;",
                                  &error));
    g_assert_no_error (error);
  }

  d = create (f, "Fourth");
  {
    g_autoptr(SbIncident) fourth = get (f, d);

    g_free (expected);
    expected = g_strdup_printf ("INC-%s-0004", tag);
    g_assert_cmpstr (sb_incident_get_reference (fourth), ==, expected);
  }

  /* without the mark, the references themselves (deleted ones too) say
   * which numbers are taken */
  g_assert_true (sb_store_exec (f->book->store, "DELETE FROM sb_meta WHERE key = 'incident-seq'", &error));
  g_assert_no_error (error);
  g_assert_true (sb_incidents_delete (f->book->store, d, &error));
  g_assert_no_error (error);
  {
    g_autofree char *e = create (f, "Fifth");
    g_autoptr(SbIncident) fifth = get (f, e);

    g_free (expected);
    expected = g_strdup_printf ("INC-%s-0005", tag);
    g_assert_cmpstr (sb_incident_get_reference (fifth), ==, expected);
  }
}

static void
test_reference_survives_reopen (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *a = create (f, "Before");
  g_autofree char *tag = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SbIncident) first = get (f, a);

    tag = reference_tag (sb_incident_get_reference (first));
  }

  g_assert_true (sb_incidents_delete (f->book->store, a, &error));
  g_assert_no_error (error);

  g_clear_object (&f->book->store);
  open_store (f);

  {
    g_autofree char *b = create (f, "After");
    g_autoptr(SbIncident) second = get (f, b);

    expected = g_strdup_printf ("INC-%s-0002", tag);
    g_assert_cmpstr (sb_incident_get_reference (second), ==, expected);
  }
}

static void
test_reference_imported (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = create (f, "Local");
  g_autofree char *tag = NULL;
  g_autofree char *own = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SbIncident) first = get (f, a);

    tag = reference_tag (sb_incident_get_reference (first));
  }
  own = g_strdup_printf ("INC-%s-0100", tag);

  {
    g_autoptr(SbTransaction) tx = sb_store_begin (f->book->store, &error);
    g_autoptr(SbIncident) foreign = draft ("From the old tool");
    g_autoptr(SbIncident) mine = draft ("From an export of this book");
    g_autoptr(SbIncident) again = draft ("Same reference twice");

    g_assert_no_error (error);
    g_assert_true (sb_incidents_create_in (tx, foreign, "HD-12345", "batch-1", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (sb_incident_get_reference (foreign), ==, "HD-12345");
    g_assert_cmpstr (sb_incident_get_import_batch (foreign), ==, "batch-1");

    g_assert_true (sb_incidents_create_in (tx, mine, own, NULL, &error));
    g_assert_no_error (error);

    g_assert_false (sb_incidents_create_in (tx, again, "HD-12345", NULL, &error));
    assert_refused (error, "HD-12345");
    g_clear_error (&error);

    g_assert_true (sb_transaction_commit (tx, &error));
    g_assert_no_error (error);
  }

  /* the next own number passes the imported one */
  {
    g_autofree char *b = create (f, "Next");
    g_autoptr(SbIncident) next = get (f, b);

    expected = g_strdup_printf ("INC-%s-0101", tag);
    g_assert_cmpstr (sb_incident_get_reference (next), ==, expected);
  }

  /* a reference of a deleted incident is still taken */
  {
    g_autoptr(SbIncident) imported = sb_incidents_find (f->book->store, "HD-12345");
    g_autoptr(SbTransaction) tx = NULL;
    g_autoptr(SbIncident) again = draft ("Re-import");

    g_assert_nonnull (imported);
    g_assert_cmpstr (sb_incident_get_import_batch (imported), ==, "batch-1");
    g_assert_true (sb_incidents_delete (f->book->store, sb_incident_get_id (imported), &error));
    g_assert_no_error (error);

    tx = sb_store_begin (f->book->store, &error);
    g_assert_no_error (error);
    g_assert_false (sb_incidents_create_in (tx, again, "HD-12345", NULL, &error));
    assert_refused (error, "never reused");
  }
}

static void
test_create_in_at_state (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbIncident) closed = draft ("Closed in the old tool");
  g_autoptr(SbIncident) answered = draft ("New, but answered");
  g_autoptr(SbIncident) held = draft ("On hold without a reason");
  g_autoptr(SbIncident) stored = NULL;
  g_autoptr(GError) error = NULL;

  tx = sb_store_begin (f->book->store, &error);
  g_assert_no_error (error);

  sb_incident_set_opened_ms (closed, T0 - 600 * MINUTE);
  sb_incident_set_resolution_code (closed, "fixed");
  sb_incident_set_stored (closed, NULL, NULL, SB_INCIDENT_CLOSED, NULL, NULL,
                          T0 - 590 * MINUTE, T0 - 500 * MINUTE, T0 - 400 * MINUTE, 1,
                          SB_INCIDENT_NO_TIME, NULL);
  g_assert_true (sb_incidents_create_in (tx, closed, "OLD-1", "batch", &error));
  g_assert_no_error (error);

  sb_incident_set_opened_ms (answered, T0 - 60 * MINUTE);
  sb_incident_set_stored (answered, NULL, NULL, SB_INCIDENT_NEW, NULL, NULL,
                          T0 - 50 * MINUTE, SB_INCIDENT_NO_TIME, SB_INCIDENT_NO_TIME, 0,
                          SB_INCIDENT_NO_TIME, NULL);
  g_assert_true (sb_incidents_create_in (tx, answered, "OLD-2", "batch", &error));
  g_assert_no_error (error);

  sb_incident_set_stored (held, NULL, NULL, SB_INCIDENT_ON_HOLD, NULL, NULL,
                          SB_INCIDENT_NO_TIME, SB_INCIDENT_NO_TIME, SB_INCIDENT_NO_TIME, 0,
                          SB_INCIDENT_NO_TIME, NULL);
  g_assert_false (sb_incidents_create_in (tx, held, "OLD-3", "batch", &error));
  assert_refused (error, "hold reason");
  g_clear_error (&error);

  g_assert_true (sb_transaction_commit (tx, &error));
  g_assert_no_error (error);

  stored = get (f, sb_incident_get_id (closed));
  g_assert_cmpint (sb_incident_get_status (stored), ==, SB_INCIDENT_CLOSED);
  g_assert_cmpint (sb_incident_get_responded_ms (stored), ==, T0 - 590 * MINUTE);
  g_assert_cmpint (sb_incident_get_resolved_ms (stored), ==, T0 - 500 * MINUTE);
  g_assert_cmpint (sb_incident_get_closed_ms (stored), ==, T0 - 400 * MINUTE);
  g_assert_cmpuint (sb_incident_get_reopen_count (stored), ==, 1);
  g_assert_cmpstr (sb_incident_get_resolution_code (stored), ==, "fixed");
  g_assert_cmpstr (sb_incident_get_import_batch (stored), ==, "batch");
  g_clear_object (&stored);

  stored = get (f, sb_incident_get_id (answered));
  g_assert_cmpint (sb_incident_get_status (stored), ==, SB_INCIDENT_NEW);
  g_assert_cmpint (sb_incident_get_responded_ms (stored), ==, T0 - 50 * MINUTE);
}

static void
test_priority (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SbIncident) critical = draft ("Everything is down");
  g_autoptr(SbIncident) overridden = draft ("VIP printer");
  g_autoptr(SbIncident) unexplained = draft ("No reason");
  g_autoptr(SbIncident) stored = NULL;
  g_autoptr(SbPriorityMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;

  sb_incident_set_impact (critical, 1);
  sb_incident_set_urgency (critical, 1);
  g_assert_true (sb_incidents_create (f->book->store, critical, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sb_incident_get_priority (critical), ==, 1);

  /* an override needs a reason */
  sb_incident_set_priority (unexplained, 1, NULL);
  g_assert_false (sb_incidents_create (f->book->store, unexplained, &error));
  assert_refused (error, "reason");
  g_clear_error (&error);
  sb_incident_set_priority (unexplained, 1, "   ");
  g_assert_false (sb_incidents_create (f->book->store, unexplained, &error));
  assert_refused (error, "reason");
  g_clear_error (&error);

  /* the matrix's own priority needs none, and keeps none */
  sb_incident_set_priority (unexplained, 3, "because");
  g_assert_true (sb_incidents_create (f->book->store, unexplained, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sb_incident_get_priority (unexplained), ==, 3);
  g_assert_null (sb_incident_get_priority_reason (unexplained));

  sb_incident_set_priority (overridden, 2, "The managing director's printer");
  g_assert_true (sb_incidents_create (f->book->store, overridden, &error));
  g_assert_no_error (error);
  stored = get (f, sb_incident_get_id (overridden));
  g_assert_cmpuint (sb_incident_get_priority (stored), ==, 2);
  g_assert_cmpstr (sb_incident_get_priority_reason (stored), ==, "The managing director's printer");

  /* an override survives a new impact */
  sb_incident_set_impact (stored, 3);
  g_assert_true (sb_incidents_update (f->book->store, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sb_incident_get_priority (stored), ==, 2);

  /* dropping it derives the priority again */
  sb_incident_set_priority (stored, 0, NULL);
  g_assert_true (sb_incidents_update (f->book->store, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sb_incident_get_priority (stored), ==, 4);
  g_assert_null (sb_incident_get_priority_reason (stored));

  /* a derived priority follows impact and urgency */
  sb_incident_set_urgency (stored, 1);
  g_assert_true (sb_incidents_update (f->book->store, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sb_incident_get_priority (stored), ==, 3);

  /* a changed matrix is used at once */
  matrix = sb_catalog_get_priority_matrix (f->book->store);
  g_assert_true (sb_priority_matrix_set (matrix, 2, 2, 1, &error));
  g_assert_no_error (error);
  g_assert_true (sb_catalog_set_priority_matrix (f->book->store, matrix, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SbIncident) after = draft ("After the new matrix");

    g_assert_true (sb_incidents_create (f->book->store, after, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (sb_incident_get_priority (after), ==, 1);
  }

  /* an incident whose stored priority the new matrix no longer gives
   * keeps it through an unrelated edit */
  {
    g_autoptr(SbIncident) older = get (f, sb_incident_get_id (unexplained));

    g_assert_cmpuint (sb_incident_get_priority (older), ==, 3);
    sb_incident_set_title (older, "No reason (renamed)");
    g_assert_true (sb_incidents_update (f->book->store, older, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (sb_incident_get_priority (older), ==, 3);
  }
}

static void
test_update_field_events (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *service_a = add_service (f, "EMAIL");
  g_autofree char *service_b = add_service (f, "WEB");
  g_autofree char *customer = add_customer (f, "Acme");
  g_autofree char *id = NULL;
  g_autoptr(SbIncident) incident = draft ("Mail slow");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 journal_before;
  struct
  {
    const char *field;
    const char *old_value;
    const char *new_value;
  } expected[] = {
    { "title", "Mail slow", "Mail down" },
    { "service", "EMAIL", "WEB" },
    { "customer", NULL, "Acme" },
    { "channel", "phone", "email" },
    { "impact", "2", "1" },
    { "priority", "3", "2" },
    { "major", "0", "1" },
  };

  sb_incident_set_service_id (incident, service_a);
  g_assert_true (sb_incidents_create (f->book->store, incident, &error));
  g_assert_no_error (error);
  id = g_strdup (sb_incident_get_id (incident));

  f->now_ms = T0 + 5 * MINUTE;
  journal_before = count (f, "SELECT count(*) FROM sb_journal WHERE row_id = ?", id);

  /* nothing changed: nothing written */
  g_assert_true (sb_incidents_update (f->book->store, incident, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE row_id = ?", id), ==, journal_before);

  sb_incident_set_title (incident, "Mail down");
  sb_incident_set_service_id (incident, service_b);
  sb_incident_set_customer_id (incident, customer);
  sb_incident_set_channel (incident, "email");
  sb_incident_set_impact (incident, 1);
  sb_incident_set_major (incident, TRUE);
  g_assert_true (sb_incidents_update (f->book->store, incident, &error));
  g_assert_no_error (error);

  /* one journal row for the incident; one entry per field */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE row_id = ?", id), ==, journal_before + 1);
  events = timeline (f, id);
  g_assert_cmpuint (events->len, ==, 1 + G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint k = 1; k < events->len; k++)
        {
          SbIncidentEvent *event = g_ptr_array_index (events, k);

          g_assert_cmpstr (sb_incident_event_get_kind (event), ==, SB_INCIDENT_EVENT_FIELD);
          g_assert_cmpint (sb_incident_event_get_at_ms (event), ==, T0 + 5 * MINUTE);
          if (g_strcmp0 (sb_incident_event_get_field (event), expected[i].field) != 0)
            continue;
          found = TRUE;
          g_assert_cmpstr (sb_incident_event_get_old_value (event), ==, expected[i].old_value);
          g_assert_cmpstr (sb_incident_event_get_new_value (event), ==, expected[i].new_value);
        }
      if (!found)
        g_error ("no entry for %s", expected[i].field);
    }

  /* described in words */
  for (guint k = 1; k < events->len; k++)
    {
      SbIncidentEvent *event = g_ptr_array_index (events, k);
      g_autofree char *line = sb_incident_event_describe (event);

      if (g_str_equal (sb_incident_event_get_field (event), "priority"))
        g_assert_cmpstr (line, ==, "Priority: 3 Moderate → 2 High");
      else if (g_str_equal (sb_incident_event_get_field (event), "title"))
        g_assert_cmpstr (line, ==, "Title: Mail slow → Mail down");
    }

  /* the stored incident says the same */
  {
    g_autoptr(SbIncident) stored = get (f, id);

    g_assert_cmpstr (sb_incident_get_title (stored), ==, "Mail down");
    g_assert_cmpstr (sb_incident_get_service_id (stored), ==, service_b);
    g_assert_cmpstr (sb_incident_get_customer_id (stored), ==, customer);
    g_assert_cmpuint (sb_incident_get_priority (stored), ==, 2);
    g_assert_true (sb_incident_get_major (stored));
    g_assert_cmpint (sb_incident_get_updated_ms (stored), ==, T0 + 5 * MINUTE);
  }

  /* a refused edit writes nothing */
  sb_incident_set_title (incident, "");
  g_assert_false (sb_incidents_update (f->book->store, incident, &error));
  assert_refused (error, "title");
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE row_id = ?", id), ==, journal_before + 1);
}

static void
test_update_keeps_deleted_service (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *service_id = add_service (f, "LEGACY");
  g_autoptr(SbIncident) incident = draft ("Old system");
  g_autoptr(GError) error = NULL;

  sb_incident_set_service_id (incident, service_id);
  g_assert_true (sb_incidents_create (f->book->store, incident, &error));
  g_assert_no_error (error);
  g_assert_true (sb_catalog_delete_service (f->book->store, service_id, &error));
  g_assert_no_error (error);

  /* an unrelated edit keeps the service it was logged against */
  sb_incident_set_title (incident, "Old system, renamed");
  g_assert_true (sb_incidents_update (f->book->store, incident, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sb_incident_get_service_id (incident), ==, service_id);
}

static SbIncidentEvent *
find_status_event (GPtrArray  *events,
                   const char *to)
{
  SbIncidentEvent *found = NULL;

  for (guint i = 0; i < events->len; i++)
    {
      SbIncidentEvent *event = g_ptr_array_index (events, i);

      if (g_str_equal (sb_incident_event_get_kind (event), SB_INCIDENT_EVENT_STATUS) &&
          g_strcmp0 (sb_incident_event_get_new_value (event), to) == 0)
        found = event;
    }

  g_assert_nonnull (found);
  return found;
}

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = create (f, "VPN drops");
  g_autoptr(SbIncident) incident = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  SbIncidentEvent *event;

  /* respond: new → in progress, first response, customer-visible note */
  f->now_ms = T0 + 10 * MINUTE;
  g_assert_true (sb_incidents_respond (f->book->store, id, "We are looking into it", 5, SB_INCIDENT_NO_TIME, &error));
  g_assert_no_error (error);
  incident = get (f, id);
  g_assert_cmpint (sb_incident_get_status (incident), ==, SB_INCIDENT_IN_PROGRESS);
  g_assert_cmpint (sb_incident_get_responded_ms (incident), ==, T0 + 10 * MINUTE);
  events = timeline (f, id);
  g_assert_cmpuint (events->len, ==, 3);
  event = g_ptr_array_index (events, 1);
  g_assert_cmpstr (sb_incident_event_get_kind (event), ==, SB_INCIDENT_EVENT_STATUS);
  g_assert_cmpstr (sb_incident_event_get_field (event), ==, "status");
  g_assert_cmpstr (sb_incident_event_get_old_value (event), ==, "new");
  g_assert_cmpstr (sb_incident_event_get_new_value (event), ==, "in-progress");
  event = g_ptr_array_index (events, 2);
  g_assert_cmpstr (sb_incident_event_get_kind (event), ==, SB_INCIDENT_EVENT_NOTE);
  g_assert_true (sb_incident_event_get_customer_visible (event));
  g_assert_cmpstr (sb_incident_event_get_body (event), ==, "We are looking into it");
  g_assert_cmpuint (sb_incident_event_get_minutes (event), ==, 5);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* a second first response is refused */
  g_assert_false (sb_incidents_respond (f->book->store, id, NULL, 0, SB_INCIDENT_NO_TIME, &error));
  assert_refused (error, "already");
  g_clear_error (&error);

  /* hold needs a known reason */
  g_assert_false (sb_incidents_hold (f->book->store, id, "lunch", NULL, 0, T0 + 20 * MINUTE, &error));
  assert_refused (error, "lunch");
  g_clear_error (&error);
  g_assert_false (sb_incidents_hold (f->book->store, id, NULL, NULL, 0, T0 + 20 * MINUTE, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sb_incidents_hold (f->book->store, id, "awaiting-customer", "Asked for logs", 0,
                                    T0 + 20 * MINUTE, &error));
  g_assert_no_error (error);
  g_clear_object (&incident);
  incident = get (f, id);
  g_assert_cmpint (sb_incident_get_status (incident), ==, SB_INCIDENT_ON_HOLD);
  g_assert_cmpstr (sb_incident_get_hold_reason (incident), ==, "awaiting-customer");
  events = timeline (f, id);
  event = find_status_event (events, "on-hold");
  g_assert_cmpstr (sb_incident_event_get_old_value (event), ==, "in-progress");
  g_assert_cmpstr (sb_incident_event_get_body (event), ==, "awaiting-customer");
  g_assert_cmpint (sb_incident_event_get_at_ms (event), ==, T0 + 20 * MINUTE);
  {
    g_autofree char *line = sb_incident_event_describe (event);

    g_assert_cmpstr (line, ==, "Status: In progress → On hold (Awaiting customer)");
  }
  g_clear_pointer (&events, g_ptr_array_unref);

  /* start again: leaving hold clears the reason */
  g_assert_true (sb_incidents_start (f->book->store, id, NULL, 15, T0 + 60 * MINUTE, &error));
  g_assert_no_error (error);
  g_clear_object (&incident);
  incident = get (f, id);
  g_assert_cmpint (sb_incident_get_status (incident), ==, SB_INCIDENT_IN_PROGRESS);
  g_assert_null (sb_incident_get_hold_reason (incident));
  g_assert_cmpint (sb_incidents_get_time_spent (f->book->store, id), ==, 20);

  /* already in progress */
  g_assert_false (sb_incidents_start (f->book->store, id, NULL, 0, T0 + 61 * MINUTE, &error));
  assert_refused (error, "already");
  g_clear_error (&error);

  /* closing needs a resolution first */
  g_assert_false (sb_incidents_close (f->book->store, id, NULL, T0 + 61 * MINUTE, &error));
  assert_refused (error, "resolved");
  g_clear_error (&error);

  /* resolve needs a known code */
  g_assert_false (sb_incidents_resolve (f->book->store, id, NULL, NULL, NULL, 0, T0 + 90 * MINUTE, &error));
  assert_refused (error, "resolution code");
  g_clear_error (&error);
  g_assert_false (sb_incidents_resolve (f->book->store, id, "magic", NULL, NULL, 0, T0 + 90 * MINUTE, &error));
  assert_refused (error, "magic");
  g_clear_error (&error);

  g_assert_true (sb_incidents_resolve (f->book->store, id, "fixed", "Replaced the VPN certificate",
                                       "Use the web mail", 30, T0 + 90 * MINUTE, &error));
  g_assert_no_error (error);
  g_clear_object (&incident);
  incident = get (f, id);
  g_assert_cmpint (sb_incident_get_status (incident), ==, SB_INCIDENT_RESOLVED);
  g_assert_cmpint (sb_incident_get_resolved_ms (incident), ==, T0 + 90 * MINUTE);
  g_assert_cmpint (sb_incident_get_responded_ms (incident), ==, T0 + 10 * MINUTE);
  g_assert_cmpstr (sb_incident_get_resolution_code (incident), ==, "fixed");
  g_assert_cmpstr (sb_incident_get_resolution_notes (incident), ==, "Replaced the VPN certificate");
  g_assert_cmpstr (sb_incident_get_workaround (incident), ==, "Use the web mail");
  g_assert_cmpint (sb_incidents_get_time_spent (f->book->store, id), ==, 50);
  events = timeline (f, id);
  event = find_status_event (events, "resolved");
  g_assert_cmpstr (sb_incident_event_get_body (event), ==, "fixed");
  g_clear_pointer (&events, g_ptr_array_unref);

  /* close */
  g_assert_true (sb_incidents_close (f->book->store, id, "Customer confirmed", T0 + 120 * MINUTE, &error));
  g_assert_no_error (error);
  g_clear_object (&incident);
  incident = get (f, id);
  g_assert_cmpint (sb_incident_get_status (incident), ==, SB_INCIDENT_CLOSED);
  g_assert_cmpint (sb_incident_get_closed_ms (incident), ==, T0 + 120 * MINUTE);

  /* a closed incident refuses everything but notes */
  g_assert_false (sb_incidents_reopen (f->book->store, id, NULL, T0 + 121 * MINUTE, &error));
  assert_refused (error, "resolved");
  g_clear_error (&error);
  g_assert_false (sb_incidents_hold (f->book->store, id, "other", NULL, 0, T0 + 121 * MINUTE, &error));
  assert_refused (error, "closed");
  g_clear_error (&error);
  g_assert_false (sb_incidents_cancel (f->book->store, id, NULL, T0 + 121 * MINUTE, &error));
  assert_refused (error, "closed");
  g_clear_error (&error);
  sb_incident_set_title (incident, "Edited after closing");
  g_assert_false (sb_incidents_update (f->book->store, incident, &error));
  assert_refused (error, "cannot change");
  g_clear_error (&error);

  g_assert_true (sb_incidents_add_note (f->book->store, id, "Correction: it was the router", FALSE, 0,
                                        T0 + 122 * MINUTE, &error));
  g_assert_no_error (error);
  events = timeline (f, id);
  g_assert_cmpstr (sb_incident_event_get_body (last_event (events)), ==, "Correction: it was the router");

  /* oldest first */
  for (guint i = 1; i < events->len; i++)
    g_assert_cmpint (sb_incident_event_get_at_ms (g_ptr_array_index (events, i - 1)), <=,
                     sb_incident_event_get_at_ms (g_ptr_array_index (events, i)));
}

static void
test_resolve_from_new (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = create (f, "Password reset");
  g_autoptr(SbIncident) incident = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_incidents_resolve (f->book->store, id, "advice", NULL, NULL, 0, T0 + 3 * MINUTE, &error));
  g_assert_no_error (error);
  incident = get (f, id);
  g_assert_cmpint (sb_incident_get_resolved_ms (incident), ==, T0 + 3 * MINUTE);
  g_assert_cmpint (sb_incident_get_responded_ms (incident), ==, T0 + 3 * MINUTE);
  g_assert_null (sb_incident_get_resolution_notes (incident));

  /* respond is only for open incidents without a response */
  g_assert_false (sb_incidents_respond (f->book->store, id, NULL, 0, T0 + 4 * MINUTE, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
}

static void
test_respond_in_progress (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = create (f, "Laptop slow");
  g_autoptr(SbIncident) incident = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  /* put on hold straight away, then resumed: not answered yet */
  g_assert_true (sb_incidents_hold (f->book->store, id, "awaiting-change", NULL, 0, T0 + MINUTE, &error));
  g_assert_no_error (error);
  g_assert_true (sb_incidents_start (f->book->store, id, NULL, 0, T0 + 2 * MINUTE, &error));
  g_assert_no_error (error);
  incident = get (f, id);
  g_assert_cmpint (sb_incident_get_responded_ms (incident), ==, SB_INCIDENT_NO_TIME);

  g_assert_true (sb_incidents_respond (f->book->store, id, "On it", 0, T0 + 3 * MINUTE, &error));
  g_assert_no_error (error);
  g_clear_object (&incident);
  incident = get (f, id);
  g_assert_cmpint (sb_incident_get_status (incident), ==, SB_INCIDENT_IN_PROGRESS);
  g_assert_cmpint (sb_incident_get_responded_ms (incident), ==, T0 + 3 * MINUTE);
  events = timeline (f, id);
  g_assert_cmpuint (events->len, ==, 5);
  g_assert_cmpstr (sb_incident_event_get_field (g_ptr_array_index (events, 3)), ==, "responded_at");
  g_assert_cmpstr (sb_incident_event_get_body (g_ptr_array_index (events, 4)), ==, "On it");
}

static void
test_start_responds (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = create (f, "Screen flickers");
  g_autoptr(SbIncident) incident = NULL;
  g_autoptr(GError) error = NULL;

  /* picking up a new incident is its first response */
  g_assert_true (sb_incidents_start (f->book->store, id, NULL, 0, T0 + 4 * MINUTE, &error));
  g_assert_no_error (error);
  incident = get (f, id);
  g_assert_cmpint (sb_incident_get_responded_ms (incident), ==, T0 + 4 * MINUTE);
  g_assert_false (sb_incidents_respond (f->book->store, id, NULL, 0, T0 + 5 * MINUTE, &error));
  assert_refused (error, "already");
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = create (f, "Share not reachable");
  g_autoptr(GError) error = NULL;

  for (guint round = 1; round <= 2; round++)
    {
      g_autoptr(SbIncident) incident = NULL;
      g_autoptr(GPtrArray) events = NULL;
      SbIncidentEvent *event;
      gint64 at = T0 + round * 60 * MINUTE;

      g_assert_true (sb_incidents_resolve (f->book->store, id, "workaround", NULL, NULL, 0, at, &error));
      g_assert_no_error (error);
      g_assert_true (sb_incidents_reopen (f->book->store, id, "It is back", at + 10 * MINUTE, &error));
      g_assert_no_error (error);

      incident = get (f, id);
      g_assert_cmpint (sb_incident_get_status (incident), ==, SB_INCIDENT_IN_PROGRESS);
      g_assert_cmpuint (sb_incident_get_reopen_count (incident), ==, round);
      g_assert_cmpint (sb_incident_get_resolved_ms (incident), ==, SB_INCIDENT_NO_TIME);
      g_assert_null (sb_incident_get_resolution_code (incident));

      /* the timeline keeps the history */
      events = timeline (f, id);
      event = find_status_event (events, "in-progress");
      g_assert_cmpstr (sb_incident_event_get_old_value (event), ==, "resolved");
      g_assert_cmpint (sb_incident_event_get_at_ms (event), ==, at + 10 * MINUTE);
      g_assert_cmpstr (sb_incident_event_get_body (last_event (events)), ==, "It is back");
    }

  /* only a resolved incident can be reopened */
  g_assert_false (sb_incidents_reopen (f->book->store, id, NULL, T0 + 300 * MINUTE, &error));
  assert_refused (error, "resolved");
}

static void
test_cancel_and_duplicate (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *original = create (f, "Outage");
  g_autofree char *copy = create (f, "Outage again");
  g_autofree char *cancelled = create (f, "Mistake");
  g_autoptr(SbIncident) incident = NULL;
  g_autoptr(SbIncident) first = get (f, original);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_incidents_cancel (f->book->store, cancelled, "Logged by mistake", T0 + MINUTE, &error));
  g_assert_no_error (error);
  incident = get (f, cancelled);
  g_assert_cmpint (sb_incident_get_status (incident), ==, SB_INCIDENT_CANCELLED);
  g_clear_object (&incident);
  g_assert_false (sb_incidents_start (f->book->store, cancelled, NULL, 0, T0 + 2 * MINUTE, &error));
  assert_refused (error, "cancelled");
  g_clear_error (&error);

  g_assert_false (sb_incidents_mark_duplicate (f->book->store, copy, copy, T0 + MINUTE, &error));
  assert_refused (error, "itself");
  g_clear_error (&error);
  g_assert_false (sb_incidents_mark_duplicate (f->book->store, copy, "INC-ZZZZ-9999", T0 + MINUTE, &error));
  assert_refused (error, "INC-ZZZZ-9999");
  g_clear_error (&error);
  g_assert_false (sb_incidents_mark_duplicate (f->book->store, copy, NULL, T0 + MINUTE, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* by id, or by reference */
  g_assert_true (sb_incidents_mark_duplicate (f->book->store, copy, sb_incident_get_reference (first),
                                              T0 + 2 * MINUTE, &error));
  g_assert_no_error (error);
  incident = get (f, copy);
  g_assert_cmpint (sb_incident_get_status (incident), ==, SB_INCIDENT_DUPLICATE);
  g_assert_cmpstr (sb_incident_get_duplicate_of (incident), ==, original);
  events = timeline (f, copy);
  g_assert_cmpstr (sb_incident_event_get_body (find_status_event (events, "duplicate")), ==,
                   sb_incident_get_reference (first));

  /* a duplicate of a deleted incident is refused */
  {
    g_autofree char *other = create (f, "Third");
    g_autofree char *gone = create (f, "Gone");

    g_assert_true (sb_incidents_delete (f->book->store, gone, &error));
    g_assert_no_error (error);
    g_assert_false (sb_incidents_mark_duplicate (f->book->store, other, gone, T0 + MINUTE, &error));
    assert_refused (error, gone);
  }
}

static void
test_notes_and_time (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = create (f, "Backup failed");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  SbIncidentEvent *event;

  g_assert_true (sb_incidents_add_note (f->book->store, id, "Checked the logs", FALSE, 20, T0 + MINUTE, &error));
  g_assert_no_error (error);
  g_assert_true (sb_incidents_add_note (f->book->store, id, "We expect a fix today", TRUE, 0, T0 + 2 * MINUTE, &error));
  g_assert_no_error (error);
  g_assert_true (sb_incidents_add_note (f->book->store, id, NULL, FALSE, 30, T0 + 3 * MINUTE, &error));
  g_assert_no_error (error);
  g_assert_false (sb_incidents_add_note (f->book->store, id, "  ", FALSE, 0, T0 + 4 * MINUTE, &error));
  assert_refused (error, "empty");
  g_clear_error (&error);
  g_assert_false (sb_incidents_add_note (f->book->store, "no-such-id", "x", FALSE, 0, T0, &error));
  assert_refused (error, "no-such-id");
  g_clear_error (&error);

  events = timeline (f, id);
  g_assert_cmpuint (events->len, ==, 4);

  event = g_ptr_array_index (events, 1);
  g_assert_cmpstr (sb_incident_event_get_kind (event), ==, SB_INCIDENT_EVENT_NOTE);
  g_assert_false (sb_incident_event_get_customer_visible (event));
  g_assert_cmpuint (sb_incident_event_get_minutes (event), ==, 20);
  {
    g_autofree char *line = sb_incident_event_describe (event);
    g_assert_cmpstr (line, ==, "Note");
  }

  event = g_ptr_array_index (events, 2);
  g_assert_true (sb_incident_event_get_customer_visible (event));
  {
    g_autofree char *line = sb_incident_event_describe (event);
    g_assert_cmpstr (line, ==, "Customer-visible note");
  }

  event = g_ptr_array_index (events, 3);
  g_assert_cmpstr (sb_incident_event_get_kind (event), ==, SB_INCIDENT_EVENT_TIME);
  g_assert_null (sb_incident_event_get_body (event));
  {
    g_autofree char *line = sb_incident_event_describe (event);
    g_assert_cmpstr (line, ==, "Time spent: 30 min");
  }

  {
    g_autofree char *line = sb_incident_event_describe (g_ptr_array_index (events, 0));
    g_assert_cmpstr (line, ==, "Logged");
  }

  g_assert_cmpint (sb_incidents_get_time_spent (f->book->store, id), ==, 50);
  g_assert_cmpint (count (f, "SELECT count(*) FROM incident_event WHERE visibility = 'customer'", NULL), ==, 1);
}

static void
test_append_only_and_journal (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *id = create (f, "Disk full");
  g_autoptr(SbIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_events;

  /* a creation: one journal row for the incident, one for its entry */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'incident' AND row_id = ?", id), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'incident_event' AND row_id IN "
                             "(SELECT id FROM incident_event WHERE incident_id = ?)", id), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'incident' AND row_id = ?", id), ==, 1);

  f->now_ms = T0 + MINUTE;
  g_assert_true (sb_incidents_respond (f->book->store, id, "Looking", 0, SB_INCIDENT_NO_TIME, &error));
  g_assert_no_error (error);
  f->now_ms = T0 + 2 * MINUTE;
  g_assert_true (sb_incidents_hold (f->book->store, id, "awaiting-supplier", NULL, 0, SB_INCIDENT_NO_TIME, &error));
  g_assert_no_error (error);
  f->now_ms = T0 + 3 * MINUTE;
  incident = get (f, id);
  sb_incident_set_urgency (incident, 1);
  g_assert_true (sb_incidents_update (f->book->store, incident, &error));
  g_assert_no_error (error);
  f->now_ms = T0 + 4 * MINUTE;
  g_assert_true (sb_incidents_resolve (f->book->store, id, "supplier-fixed", "Vendor patched", NULL, 10,
                                       SB_INCIDENT_NO_TIME, &error));
  g_assert_no_error (error);
  f->now_ms = T0 + 5 * MINUTE;
  g_assert_true (sb_incidents_close (f->book->store, id, NULL, SB_INCIDENT_NO_TIME, &error));
  g_assert_no_error (error);

  /* incident rows: create, respond, hold, update, resolve with its notes, close */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'incident' AND row_id = ?", id), ==, 6);

  /* every entry was inserted once and never touched again */
  n_events = count (f, "SELECT count(*) FROM incident_event WHERE incident_id = ?", id);
  g_assert_cmpint (n_events, >=, 9);
  g_assert_cmpint (count (f, "SELECT count(*) FROM incident_event WHERE incident_id = ? "
                             "AND updated_at <> created_at", id), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'incident_event' AND row_id IN "
                             "(SELECT id FROM incident_event WHERE incident_id = ?)", id), ==, n_events);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'incident_event' AND field <> '*'", NULL), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'incident_event' AND row_id IN "
                             "(SELECT id FROM incident_event WHERE incident_id = ?)", id), ==, n_events);

  /* the urgency change re-derived the priority: two field entries */
  g_assert_cmpint (count (f, "SELECT count(*) FROM incident_event WHERE incident_id = ? AND kind = 'field' "
                             "AND field IN ('urgency', 'priority')", id), ==, 2);
  /* the resolution notes are a field change too */
  g_assert_cmpint (count (f, "SELECT count(*) FROM incident_event WHERE incident_id = ? AND kind = 'field' "
                             "AND field = 'resolution_notes' AND new_value = 'Vendor patched'", id), ==, 1);
  /* one status entry per change */
  g_assert_cmpint (count (f, "SELECT count(*) FROM incident_event WHERE incident_id = ? AND kind = 'status'", id),
                   ==, 4);
}

static void
test_delete_undelete (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = create (f, "Temporary");
  g_autofree char *reference = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_incidents_add_note (f->book->store, id, "A note", FALSE, 0, T0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SbIncident) incident = get (f, id);

    reference = g_strdup (sb_incident_get_reference (incident));
  }

  g_assert_true (sb_incidents_delete (f->book->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (sb_incidents_get (f->book->store, id, &error));
  assert_refused (error, id);
  g_clear_error (&error);
  g_assert_null (sb_incidents_find (f->book->store, reference));
  g_assert_cmpint (count (f, "SELECT deleted FROM incident WHERE id = ?", id), ==, 1);

  /* the timeline stays, untouched */
  g_assert_cmpint (count (f, "SELECT count(*) FROM incident_event WHERE incident_id = ? AND deleted = 0", id), ==, 2);

  /* actions on a deleted incident are refused */
  g_assert_false (sb_incidents_add_note (f->book->store, id, "Too late", FALSE, 0, T0, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sb_incidents_undelete (f->book->store, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SbIncident) incident = get (f, id);

    g_assert_cmpstr (sb_incident_get_reference (incident), ==, reference);
  }
  events = timeline (f, id);
  g_assert_cmpuint (events->len, ==, 2);

  g_assert_false (sb_incidents_delete (f->book->store, "no-such-id", &error));
  assert_refused (error, "no-such-id");
}

static void
test_create_speed (Fixture       *f,
                   gconstpointer  data)
{
  const guint n = 20000;
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *service_id = add_service (f, "EMAIL");
  gint64 start, elapsed;

  tx = sb_store_begin (f->book->store, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbIncident) incident = draft ("Imported incident with a plausible title");
      char reference[32];

      g_snprintf (reference, sizeof reference, "HD-%u", i);
      sb_incident_set_service_id (incident, service_id);
      sb_incident_set_impact (incident, 1 + i % 3);
      sb_incident_set_urgency (incident, 1 + (i / 3) % 3);
      sb_incident_set_opened_ms (incident, T0 - (gint64)i * MINUTE);
      g_assert_true (sb_incidents_create_in (tx, incident, reference, "batch", &error));
    }
  g_assert_true (sb_transaction_commit (tx, &error));
  g_assert_no_error (error);
  elapsed = g_get_monotonic_time () - start;

  /* a figure for the record, not an assertion */
  g_test_message ("%u incidents created in %.3f s: %.0f/s", n, elapsed / 1e6, n / (elapsed / 1e6));
  g_assert_cmpint (count (f, "SELECT count(*) FROM incident", NULL), ==, n);
  g_assert_cmpint (count (f, "SELECT count(*) FROM incident_event", NULL), ==, n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/incidents/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create/defaults", test_create_defaults);
  ADD ("create/back-dated", test_create_back_dated);
  ADD ("create/validation", test_create_validation);
  ADD ("reference/sequence", test_reference_sequence);
  ADD ("reference/reopen", test_reference_survives_reopen);
  ADD ("reference/imported", test_reference_imported);
  ADD ("create/at-state", test_create_in_at_state);
  ADD ("priority", test_priority);
  ADD ("update/field-events", test_update_field_events);
  ADD ("update/deleted-service", test_update_keeps_deleted_service);
  ADD ("lifecycle", test_lifecycle);
  ADD ("lifecycle/resolve-from-new", test_resolve_from_new);
  ADD ("lifecycle/respond-in-progress", test_respond_in_progress);
  ADD ("lifecycle/start-responds", test_start_responds);
  ADD ("lifecycle/reopen", test_reopen);
  ADD ("lifecycle/cancel-duplicate", test_cancel_and_duplicate);
  ADD ("timeline/notes-time", test_notes_and_time);
  ADD ("timeline/append-only-journal", test_append_only_and_journal);
  ADD ("delete", test_delete_undelete);
  /* a figure for the report: run with -m perf */
  if (g_test_perf ())
    ADD ("create/speed", test_create_speed);

#undef ADD

  return g_test_run ();
}

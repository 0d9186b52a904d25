/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sb-catalog.h"
#include "sb-contracts.h"
#include "sb-deadlines.h"
#include "sb-escalations-private.h"
#include "sb-incidents-private.h"
#include "sb-sample-data.h"
#include "sb-supplier-performance.h"
#include "sb-suppliers.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/* Escalations of incidents to suppliers with their timeline entries,
 * supplier performance on a book whose numbers are worked out by hand,
 * the supplier summary, and the sample suppliers. Suppliers and
 * contracts are written as plain rows through the write path, so these
 * tests depend only on the schema. Time zone: UTC (set in main). */

#define MINUTE G_GINT64_CONSTANT (60000)
#define HOUR   (60 * MINUTE)
/* Monday 2026-03-02T00:00:00Z */
#define MON    G_GINT64_CONSTANT (1772409600000)
#define TUE    (MON + 24 * HOUR)
#define WED    (TUE + 24 * HOUR)

typedef struct
{
  SbTestBook *book;
  gint64      now_ms;
  GPtrArray  *changed;   /* table names of "changed" */
} Fixture;

static gint64
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now_ms;
}

static void
on_changed (SbStore    *store,
            const char *table,
            Fixture    *f)
{
  g_ptr_array_add (f->changed, g_strdup (table));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->book = sb_test_book_new ();
  f->now_ms = WED + 12 * HOUR;
  f->changed = g_ptr_array_new_with_free_func (g_free);
  sb_store_set_clock_func (f->book->store, fixture_clock, f);
  g_signal_connect (f->book->store, "changed", G_CALLBACK (on_changed), f);
  g_assert_true (sb_store_set_base_currency (f->book->store, "EUR", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->book, sb_test_book_free);
  g_clear_pointer (&f->changed, g_ptr_array_unref);
}

static gboolean
was_changed (Fixture    *f,
             const char *table)
{
  for (guint i = 0; i < f->changed->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (f->changed, i), table))
        return TRUE;
    }

  return FALSE;
}

static gint64
count (Fixture    *f,
       const char *sql,
       const char *arg)
{
  return sb_test_store_count (f->book->store, sql, arg);
}

/* Rows written through the write path, the way the registers would. */
static char *
insert (Fixture    *f,
        const char *table,
        ...)
{
  g_autoptr(SbChange) change = sb_change_insert (table);
  g_autoptr(GError) error = NULL;
  const char *column;
  va_list args;

  va_start (args, table);
  while ((column = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      sb_change_set_string (change, column, value);
    }
  va_end (args);

  g_assert_true (sb_store_apply (f->book->store, change, &error));
  g_assert_no_error (error);

  return g_strdup (sb_change_get_id (change));
}

static char *
add_supplier (Fixture    *f,
              const char *name,
              const char *status)
{
  return insert (f, "supplier", "name", name, "status", status, NULL);
}

static char *
add_contract (Fixture    *f,
              const char *supplier_id,
              const char *reference,
              const char *calendar_id)
{
  return insert (f, "contract", "supplier_id", supplier_id, "reference", reference,
                 "title", reference, "start_date", "2026-01-01", "initial_months", "12",
                 "renewal", "automatic", "renewal_months", "12",
                 "notice_amount", "1", "notice_unit", "months",
                 "calendar_id", calendar_id, NULL);
}

/* The same targets for every priority. */
static void
add_targets (Fixture    *f,
             const char *contract_id,
             const char *response,
             const char *resolution)
{
  for (int p = 1; p <= 5; p++)
    {
      g_autofree char *priority = g_strdup_printf ("%d", p);
      g_autofree char *id = insert (f, "contract_target", "contract_id", contract_id,
                                    "priority", priority, "response_minutes", response,
                                    "resolution_minutes", resolution, NULL);
    }
}

static char *
add_service (Fixture    *f,
             const char *code,
             const char *calendar_id)
{
  g_autoptr(SbService) service = sb_service_new ();

  sb_service_set_code (service, code);
  sb_service_set_name (service, code);
  sb_service_set_calendar_id (service, calendar_id);
  for (int p = 1; p <= 4; p++)
    sb_service_set_targets (service, p, 30, 480);

  return sb_test_save_service (f->book->store, service);
}

/* Monday to Friday, 09:00–17:00 UTC. */
static char *
add_office_calendar (Fixture *f)
{
  g_autoptr(SbCalendar) calendar = sb_calendar_new ("UTC", NULL);
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  sb_calendar_set_name (calendar, "Office");
  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_FRIDAY; day++)
    g_assert_true (sb_calendar_add_interval (calendar, day, 9 * 60, 17 * 60, NULL));

  g_assert_true (sb_catalog_save_calendar (f->book->store, NULL, calendar, &id, &error));
  g_assert_no_error (error);

  return id;
}

static char *
add_incident (Fixture    *f,
              const char *service_id,
              gint64      opened_ms)
{
  g_autoptr(SbIncident) incident = sb_incident_new ();
  g_autoptr(GError) error = NULL;

  sb_incident_set_title (incident, "Line down");
  sb_incident_set_service_id (incident, service_id);
  sb_incident_set_opened_ms (incident, opened_ms);
  g_assert_true (sb_incidents_create (f->book->store, incident, &error));
  g_assert_no_error (error);

  return g_strdup (sb_incident_get_id (incident));
}

static char *
escalate (Fixture    *f,
          const char *incident_id,
          const char *supplier_id,
          const char *contract_id,
          const char *ref,
          gint64      at_ms)
{
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  g_assert_true (sb_escalations_escalate (f->book->store, incident_id, supplier_id, contract_id,
                                          ref, at_ms, NULL, &id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (id);

  return id;
}

static void
respond (Fixture    *f,
         const char *id,
         gint64      at_ms)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_escalations_record_response (f->book->store, id, at_ms, NULL, &error));
  g_assert_no_error (error);
}

static void
resolve (Fixture    *f,
         const char *id,
         gint64      at_ms)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_escalations_record_resolution (f->book->store, id, at_ms, NULL, &error));
  g_assert_no_error (error);
}

static SbIncidentEvent *
last_event (Fixture    *f,
            const char *incident_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = sb_incidents_list_timeline (f->book->store, incident_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);

  return g_object_ref (g_ptr_array_index (events, events->len - 1));
}

static void
set_date (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* Escalating */

static void
test_escalate (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *supplier = add_supplier (f, "Northline", "active");
  g_autofree char *contract = add_contract (f, supplier, "NT-1", NULL);
  g_autofree char *service = add_service (f, "NET", NULL);
  g_autofree char *incident = add_incident (f, service, MON + 9 * HOUR);
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *description = NULL;
  g_autoptr(SbIncidentEvent) event = NULL;
  g_autoptr(SbIncident) stored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  SbEscalation *first;

  g_ptr_array_set_size (f->changed, 0);
  g_assert_true (sb_escalations_escalate (f->book->store, incident, supplier, contract, "  T-4711 ",
                                          MON + 10 * HOUR, "Phoned their desk", &with, &error));
  g_assert_no_error (error);

  /* Both tables in one commit. */
  g_assert_true (was_changed (f, "incident_escalation"));
  g_assert_true (was_changed (f, "incident_event"));

  event = last_event (f, incident);
  g_assert_cmpstr (sb_incident_event_get_kind (event), ==, SB_INCIDENT_EVENT_ESCALATION);
  g_assert_cmpstr (sb_incident_event_get_field (event), ==, "escalated");
  g_assert_cmpstr (sb_incident_event_get_new_value (event), ==, "Northline T-4711");
  g_assert_cmpstr (sb_incident_event_get_body (event), ==, "Phoned their desk");
  g_assert_cmpint (sb_incident_event_get_at_ms (event), ==, MON + 10 * HOUR);
  description = sb_incident_event_describe (event);
  g_assert_cmpstr (description, ==, "Escalated to Northline T-4711");

  /* Without a contract, at now. */
  without = escalate (f, incident, supplier, NULL, NULL, SB_INCIDENT_NO_TIME);

  list = sb_escalations_list_for_incident (f->book->store, incident, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 0);
  stored = sb_incidents_get (f->book->store, incident, NULL);
  g_assert_cmpstr (sb_escalation_get_id (first), ==, with);
  g_assert_cmpstr (sb_escalation_get_supplier_name (first), ==, "Northline");
  g_assert_cmpstr (sb_escalation_get_contract_id (first), ==, contract);
  g_assert_cmpstr (sb_escalation_get_contract_reference (first), ==, "NT-1");
  g_assert_cmpstr (sb_escalation_get_supplier_ref (first), ==, "T-4711");
  g_assert_cmpstr (sb_escalation_get_incident_reference (first), ==, sb_incident_get_reference (stored));
  g_assert_cmpstr (sb_escalation_get_incident_title (first), ==, "Line down");
  g_assert_cmpuint (sb_escalation_get_priority (first), ==, sb_incident_get_priority (stored));
  g_assert_cmpint (sb_escalation_get_escalated_ms (first), ==, MON + 10 * HOUR);
  g_assert_cmpint (sb_escalation_get_responded_ms (first), ==, SB_INCIDENT_NO_TIME);
  g_assert_cmpint (sb_escalation_get_resolved_ms (first), ==, SB_INCIDENT_NO_TIME);
  g_assert_null (sb_escalation_get_contract_id (g_ptr_array_index (list, 1)));
  g_assert_null (sb_escalation_get_supplier_ref (g_ptr_array_index (list, 1)));
  g_assert_cmpint (sb_escalation_get_escalated_ms (g_ptr_array_index (list, 1)), ==, f->now_ms);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* By supplier and period; by contract. */
  list = sb_escalations_list_for_supplier (f->book->store, supplier, NULL, MON, WED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sb_escalations_list_for_supplier (f->book->store, supplier, NULL, MON, WED + 24 * HOUR, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sb_escalations_list_for_supplier (f->book->store, supplier, contract, MON, WED + 24 * HOUR, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The ticket reference arrives later. */
  g_assert_true (sb_escalations_set_supplier_ref (f->book->store, without, "T-5000", &error));
  g_assert_no_error (error);
  g_clear_object (&event);
  event = last_event (f, incident);
  g_assert_cmpstr (sb_incident_event_get_field (event), ==, "supplier-ref");
  g_assert_null (sb_incident_event_get_old_value (event));
  g_assert_cmpstr (sb_incident_event_get_new_value (event), ==, "Northline T-5000");
  g_assert_cmpint (count (f, "SELECT count (*) FROM incident_escalation WHERE supplier_ref = ?", "T-5000"), ==, 1);
  /* The same again writes nothing. */
  g_assert_true (sb_escalations_set_supplier_ref (f->book->store, without, "T-5000", &error));
  g_assert_cmpint (count (f, "SELECT count (*) FROM incident_event WHERE field = ?", "supplier-ref"), ==, 1);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *supplier = add_supplier (f, "Northline", "active");
  g_autofree char *other = add_supplier (f, "Stratus", "active");
  g_autofree char *ended = add_supplier (f, "Gone Ltd", "ended");
  g_autofree char *contract = add_contract (f, supplier, "NT-1", NULL);
  g_autofree char *other_contract = add_contract (f, other, "SC-1", NULL);
  g_autofree char *service = add_service (f, "NET", NULL);
  g_autofree char *incident = add_incident (f, service, MON + 9 * HOUR);
  g_autofree char *closed = add_incident (f, service, MON + 9 * HOUR);
  g_autofree char *id = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 n_events = count (f, "SELECT count (*) FROM incident_event WHERE kind = ?", "escalation");

  /* A closed incident */
  g_assert_true (sb_incidents_resolve (f->book->store, closed, "fixed", "Done", NULL, 0, MON + 10 * HOUR, NULL));
  g_assert_true (sb_incidents_close (f->book->store, closed, NULL, MON + 11 * HOUR, NULL));
  g_assert_false (sb_escalations_escalate (f->book->store, closed, supplier, contract, NULL,
                                           SB_INCIDENT_NO_TIME, NULL, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "finished incident"));
  g_clear_error (&error);

  /* A contract of another supplier */
  g_assert_false (sb_escalations_escalate (f->book->store, incident, supplier, other_contract, NULL,
                                           SB_INCIDENT_NO_TIME, NULL, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "SC-1"));
  g_clear_error (&error);

  /* An ended supplier, an unknown one */
  g_assert_false (sb_escalations_escalate (f->book->store, incident, ended, NULL, NULL,
                                           SB_INCIDENT_NO_TIME, NULL, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_escalations_escalate (f->book->store, incident, "no-such-id", NULL, NULL,
                                           SB_INCIDENT_NO_TIME, NULL, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Before the incident was opened */
  g_assert_false (sb_escalations_escalate (f->book->store, incident, supplier, contract, NULL,
                                           MON + 8 * HOUR, NULL, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing of it was written. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM incident_escalation", NULL), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM incident_event WHERE kind = ?", "escalation"), ==, n_events);

  id = escalate (f, incident, supplier, contract, "T-1", MON + 10 * HOUR);

  /* A response before the escalation; resolution before the response */
  g_assert_false (sb_escalations_record_response (f->book->store, id, MON + 9 * HOUR, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  respond (f, id, MON + 11 * HOUR);
  g_assert_false (sb_escalations_record_resolution (f->book->store, id, MON + 10 * HOUR + 30 * MINUTE,
                                                    NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The response twice */
  g_assert_false (sb_escalations_record_response (f->book->store, id, MON + 12 * HOUR, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "recorded already"));
  g_clear_error (&error);

  resolve (f, id, MON + 13 * HOUR);
  g_assert_false (sb_escalations_record_resolution (f->book->store, id, MON + 14 * HOUR, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A resolution with no response recorded answers both at once. */
  second = escalate (f, incident, supplier, NULL, NULL, MON + 10 * HOUR);
  resolve (f, second, MON + 15 * HOUR);
  list = sb_escalations_list_for_incident (f->book->store, incident, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (sb_escalation_get_responded_ms (g_ptr_array_index (list, 1)), ==, MON + 15 * HOUR);
  g_assert_cmpint (sb_escalation_get_resolved_ms (g_ptr_array_index (list, 1)), ==, MON + 15 * HOUR);
}

static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *supplier = add_supplier (f, "Northline", "active");
  g_autofree char *service = add_service (f, "NET", NULL);
  g_autofree char *incident = add_incident (f, service, MON + 9 * HOUR);
  g_autofree char *id = escalate (f, incident, supplier, NULL, "T-9", MON + 10 * HOUR);
  g_autoptr(SbIncidentEvent) response = NULL;
  g_autoptr(SbIncidentEvent) resolution = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_set_size (f->changed, 0);
  g_assert_true (sb_escalations_record_response (f->book->store, id, MON + 10 * HOUR + 20 * MINUTE,
                                                 "Engineer assigned", &error));
  g_assert_no_error (error);
  g_assert_true (was_changed (f, "incident_escalation"));
  g_assert_true (was_changed (f, "incident_event"));
  response = last_event (f, incident);
  g_assert_cmpstr (sb_incident_event_get_kind (response), ==, "escalation");
  g_assert_cmpstr (sb_incident_event_get_field (response), ==, "supplier-response");
  g_assert_cmpstr (sb_incident_event_get_new_value (response), ==, "Northline T-9");
  g_assert_cmpstr (sb_incident_event_get_body (response), ==, "Engineer assigned");
  g_assert_cmpint (sb_incident_event_get_at_ms (response), ==, MON + 10 * HOUR + 20 * MINUTE);
  g_assert_false (sb_incident_event_get_customer_visible (response));
  text = sb_incident_event_describe (response);
  g_assert_cmpstr (text, ==, "Supplier responded: Northline T-9");
  g_clear_pointer (&text, g_free);

  g_assert_true (sb_escalations_record_resolution (f->book->store, id, MON + 14 * HOUR,
                                                   "Card replaced", &error));
  g_assert_no_error (error);
  resolution = last_event (f, incident);
  g_assert_cmpstr (sb_incident_event_get_field (resolution), ==, "supplier-resolution");
  g_assert_cmpstr (sb_incident_event_get_body (resolution), ==, "Card replaced");
  text = sb_incident_event_describe (resolution);
  g_assert_cmpstr (text, ==, "Supplier resolved: Northline T-9");

  g_assert_cmpint (count (f, "SELECT count (*) FROM incident_event WHERE incident_id = ? AND kind = 'escalation'",
                          incident), ==, 3);
  /* Written through the journal like every change. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM sb_journal WHERE tbl = ?", "incident_escalation"), ==, 3);
}

static void
test_suggest (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *supplier = add_supplier (f, "Northline", "active");
  g_autofree char *contract = add_contract (f, supplier, "NT-1", NULL);
  g_autofree char *unrelated = add_contract (f, supplier, "NT-2", NULL);
  g_autofree char *service = add_service (f, "NET", NULL);
  g_autofree char *link = insert (f, "contract_service", "contract_id", contract, "service_id", service, NULL);
  g_autofree char *incident = add_incident (f, service, MON + 9 * HOUR);
  g_autofree char *bare = add_incident (f, NULL, MON + 9 * HOUR);
  g_autoptr(GPtrArray) suggested = NULL;
  g_autoptr(GError) error = NULL;

  suggested = sb_escalations_suggest_contracts (f->book->store, incident, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggested->len, ==, 1);
  g_assert_cmpstr (sb_contract_get_id (g_ptr_array_index (suggested, 0)), ==, contract);
  g_clear_pointer (&suggested, g_ptr_array_unref);

  suggested = sb_escalations_suggest_contracts (f->book->store, bare, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggested->len, ==, 0);
}

/* Performance */

typedef struct
{
  char *supplier;
  char *contract;
} Book;

static void
book_clear (Book *b)
{
  g_free (b->supplier);
  g_free (b->contract);
}

/*
 * Office hours Mon–Fri 09:00–17:00 UTC; targets 60 min response and
 * 480 min resolution for every priority; now is Wednesday 12:00.
 *   E1 Mon 16:30 → responded Tue 09:20 (30 + 20 = 50: met),
 *      resolved Tue 15:30 (30 + 390 = 420: met)
 *   E2 Mon 10:00 → responded Mon 11:30 (90: breached),
 *      resolved Wed 10:00 (420 + 480 + 60 = 960: breached)
 *   E3 Tue 09:00 → nothing yet; by Wed 12:00 480 + 180 = 660 minutes
 *      have passed: response and resolution breached, still open
 *   E4 no contract, Mon 12:00 → responded 12:10 (10 minutes, 24 × 7),
 *      not resolved: not judged, open
 */
static void
make_performance_book (Fixture *f,
                       Book    *b)
{
  g_autofree char *calendar = add_office_calendar (f);
  g_autofree char *service = add_service (f, "NET", NULL);
  g_autofree char *i1 = add_incident (f, service, MON + 9 * HOUR);
  g_autofree char *e1 = NULL;
  g_autofree char *e2 = NULL;
  g_autofree char *e3 = NULL;
  g_autofree char *e4 = NULL;

  b->supplier = add_supplier (f, "Northline", "active");
  b->contract = add_contract (f, b->supplier, "NT-1", calendar);
  add_targets (f, b->contract, "60", "480");

  e1 = escalate (f, i1, b->supplier, b->contract, "A", MON + 16 * HOUR + 30 * MINUTE);
  respond (f, e1, TUE + 9 * HOUR + 20 * MINUTE);
  resolve (f, e1, TUE + 15 * HOUR + 30 * MINUTE);

  e2 = escalate (f, i1, b->supplier, b->contract, "B", MON + 10 * HOUR);
  respond (f, e2, MON + 11 * HOUR + 30 * MINUTE);
  resolve (f, e2, WED + 10 * HOUR);

  e3 = escalate (f, i1, b->supplier, b->contract, "C", TUE + 9 * HOUR);

  e4 = escalate (f, i1, b->supplier, NULL, "D", MON + 12 * HOUR);
  respond (f, e4, MON + 12 * HOUR + 10 * MINUTE);

  /* Reviews: two in March, one in February. */
  g_free (insert (f, "supplier_review", "supplier_id", b->supplier, "review_date", "2026-03-03",
                  "period_from", "2025-09-01", "period_to", "2026-02-28",
                  "quality", "4", "delivery", "3", "value", "5", NULL));
  g_free (insert (f, "supplier_review", "supplier_id", b->supplier, "review_date", "2026-03-04",
                  "period_from", "2025-09-01", "period_to", "2026-02-28",
                  "quality", "2", "delivery", "5", "responsiveness", "4", NULL));
  g_free (insert (f, "supplier_review", "supplier_id", b->supplier, "review_date", "2026-02-10",
                  "period_from", "2025-09-01", "period_to", "2026-01-31",
                  "quality", "1", "delivery", "1", "responsiveness", "1", "value", "1", NULL));

  /* Disputes: raised in March and open; raised in February and closed
   * in March; raised in February and still open. */
  g_free (insert (f, "supplier_dispute", "supplier_id", b->supplier, "raised_on", "2026-03-03",
                  "title", "Invoice", NULL));
  g_free (insert (f, "supplier_dispute", "supplier_id", b->supplier, "raised_on", "2026-02-10",
                  "title", "Credit", "status", "resolved", "closed_on", "2026-03-02", NULL));
  g_free (insert (f, "supplier_dispute", "supplier_id", b->supplier, "raised_on", "2026-02-01",
                  "title", "Old", "status", "in-progress", NULL));
}

static void
test_performance (Fixture       *f,
                  gconstpointer  data)
{
  Book b = { 0 };
  SbSupplierPerformance perf;
  g_autoptr(GError) error = NULL;
  GDate from;
  GDate to;

  make_performance_book (f, &b);
  set_date (&from, 1, 3, 2026);
  set_date (&to, 31, 3, 2026);

  g_assert_true (sb_supplier_performance_compute (f->book->store, b.supplier, NULL, &from, &to, &perf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (perf.n_escalated, ==, 4);
  g_assert_cmpuint (perf.n_open, ==, 2);
  g_assert_cmpuint (perf.n_response_met, ==, 1);
  g_assert_cmpuint (perf.n_response_breached, ==, 2);
  g_assert_cmpuint (perf.n_resolution_met, ==, 1);
  g_assert_cmpuint (perf.n_resolution_breached, ==, 2);
  g_assert_cmpuint (perf.n_not_judged, ==, 1);
  /* responses 10, 50, 90; resolutions 420, 960 */
  g_assert_cmpint (perf.median_response_minutes, ==, 50);
  g_assert_cmpint (perf.median_resolution_minutes, ==, 690);
  g_assert_cmpint (sb_supplier_performance_response_percent (&perf), ==, 33);
  g_assert_cmpint (sb_supplier_performance_resolution_percent (&perf), ==, 33);
  g_assert_cmpuint (perf.n_reviews, ==, 2);
  g_assert_cmpfloat_with_epsilon (perf.mean_scores[SB_REVIEW_QUALITY], 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (perf.mean_scores[SB_REVIEW_DELIVERY], 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (perf.mean_scores[SB_REVIEW_RESPONSIVENESS], 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (perf.mean_scores[SB_REVIEW_VALUE], 5.0, 1e-9);
  g_assert_cmpuint (perf.n_disputes_raised, ==, 1);
  g_assert_cmpuint (perf.n_disputes_open, ==, 2);

  /* One contract: the escalation without one drops out. */
  g_assert_true (sb_supplier_performance_compute (f->book->store, b.supplier, b.contract, &from, &to, &perf, &error));
  g_assert_cmpuint (perf.n_escalated, ==, 3);
  g_assert_cmpuint (perf.n_not_judged, ==, 0);

  /* Earlier, E3 was still inside its targets: not yet breached. */
  f->now_ms = TUE + 9 * HOUR + 30 * MINUTE;
  g_assert_true (sb_supplier_performance_compute (f->book->store, b.supplier, b.contract, &from, &to, &perf, &error));
  g_assert_cmpuint (perf.n_response_breached, ==, 1);
  /* E2 resolved on Wednesday counts as it was recorded */
  g_assert_cmpuint (perf.n_resolution_breached, ==, 1);

  /* A period with nothing in it */
  set_date (&from, 1, 1, 2026);
  set_date (&to, 31, 1, 2026);
  g_assert_true (sb_supplier_performance_compute (f->book->store, b.supplier, NULL, &from, &to, &perf, &error));
  g_assert_cmpuint (perf.n_escalated, ==, 0);
  g_assert_cmpint (perf.median_response_minutes, ==, -1);
  g_assert_cmpint (perf.median_resolution_minutes, ==, -1);
  g_assert_cmpint (sb_supplier_performance_response_percent (&perf), ==, -1);
  g_assert_cmpuint (perf.n_reviews, ==, 0);
  g_assert_cmpfloat (perf.mean_scores[SB_REVIEW_QUALITY], ==, 0);

  /* The last day of the period includes its evening: Monday alone. */
  set_date (&from, 2, 3, 2026);
  set_date (&to, 2, 3, 2026);
  g_assert_true (sb_supplier_performance_compute (f->book->store, b.supplier, NULL, &from, &to, &perf, &error));
  g_assert_cmpuint (perf.n_escalated, ==, 3);

  book_clear (&b);
}

static void
test_by_month (Fixture       *f,
               gconstpointer  data)
{
  Book b = { 0 };
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) error = NULL;
  SbSupplierPerformance *m;
  GDate day;

  make_performance_book (f, &b);
  set_date (&day, 15, 3, 2026);

  months = sb_supplier_performance_by_month (f->book->store, b.supplier, &day, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 3);

  m = &g_array_index (months, SbSupplierPerformance, 0);
  g_assert_cmpint (g_date_get_month (&m->from), ==, 1);
  g_assert_cmpint (g_date_get_day (&m->from), ==, 1);
  g_assert_cmpint (g_date_get_day (&m->to), ==, 31);
  g_assert_cmpuint (m->n_escalated, ==, 0);

  m = &g_array_index (months, SbSupplierPerformance, 1);
  g_assert_cmpint (g_date_get_month (&m->from), ==, 2);
  g_assert_cmpint (g_date_get_day (&m->to), ==, 28);
  g_assert_cmpuint (m->n_escalated, ==, 0);
  g_assert_cmpuint (m->n_reviews, ==, 1);
  g_assert_cmpuint (m->n_disputes_raised, ==, 2);

  m = &g_array_index (months, SbSupplierPerformance, 2);
  g_assert_cmpint (g_date_get_month (&m->from), ==, 3);
  g_assert_cmpuint (m->n_escalated, ==, 4);
  g_assert_cmpuint (m->n_response_breached, ==, 2);

  book_clear (&b);
}

/* Summary */

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *supplier = add_supplier (f, "Northline", "active");
  g_autofree char *monthly = NULL;
  g_autofree char *yearly = NULL;
  g_autofree char *service = NULL;
  g_autofree char *incident = NULL;
  g_autofree char *open = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_auto(SbSupplierSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  GDate day;
  GDate expected;

  /* From 1 January 2026, 12 months, renewing, 1 month's notice: the
   * term ends 31 December, notice by 30 November. 100.00 a month. */
  monthly = insert (f, "contract", "supplier_id", supplier, "reference", "NT-1", "title", "Line",
                    "start_date", "2026-01-01", "initial_months", "12", "renewal", "automatic",
                    "renewal_months", "12", "notice_amount", "1", "notice_unit", "months",
                    "cost_amount", "10000", "cost_currency", "EUR", "billing_period", "month", NULL);
  service = add_service (f, "NET", NULL);
  /* The service promises 30 minutes; the contract gives 60 at P1. */
  g_free (insert (f, "contract_target", "contract_id", monthly, "priority", "1",
                  "response_minutes", "60", "resolution_minutes", "480", NULL));
  g_free (insert (f, "contract_service", "contract_id", monthly, "service_id", service, NULL));

  incident = add_incident (f, service, MON + 9 * HOUR);
  open = escalate (f, incident, supplier, monthly, "X", MON + 10 * HOUR);
  g_free (insert (f, "supplier_dispute", "supplier_id", supplier, "raised_on", "2026-03-01",
                  "title", "Invoice", NULL));
  g_free (insert (f, "supplier_review", "supplier_id", supplier, "review_date", "2026-02-01",
                  "period_from", "2025-08-01", "period_to", "2026-01-31",
                  "quality", "4", "delivery", "3", NULL));
  g_free (insert (f, "supplier_review", "supplier_id", supplier, "review_date", "2025-08-01",
                  "period_from", "2025-02-01", "period_to", "2025-07-31",
                  "quality", "1", NULL));

  set_date (&day, 4, 3, 2026);
  g_assert_true (sb_suppliers_get_summary (f->book->store, supplier, &day, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_contracts, ==, 1);
  g_assert_cmpuint (summary.n_in_force, ==, 1);
  /* Billed on the 1st: April 2026 … March 2027 */
  g_assert_cmpint (summary.cost_12_months, ==, 12 * 10000);
  g_assert_cmpstr (summary.currency, ==, "EUR");
  g_assert_false (summary.mixed_currencies);
  set_date (&expected, 30, 11, 2026);
  g_assert_true (g_date_valid (&summary.next_deadline));
  g_assert_cmpint (g_date_compare (&summary.next_deadline, &expected), ==, 0);
  g_assert_nonnull (summary.next_deadline_what);
  g_assert_nonnull (strstr (summary.next_deadline_what, "NT-1"));
  gaps = sb_contracts_check_alignment (f->book->store, monthly, NULL, &error);
  g_assert_cmpuint (gaps->len, >, 0);
  g_assert_cmpuint (summary.n_alignment_gaps, ==, gaps->len);
  g_assert_cmpuint (summary.n_open_escalations, ==, 1);
  g_assert_cmpuint (summary.n_open_disputes, ==, 1);
  g_assert_cmpfloat_with_epsilon (summary.last_review_score, 3.5, 1e-9);
  set_date (&expected, 1, 2, 2026);
  g_assert_cmpint (g_date_compare (&summary.last_review, &expected), ==, 0);
  sb_supplier_summary_clear (&summary);

  /* A second contract in dollars, 1200.00 a year from 1 June 2026:
   * mixed, and the total is the euro contracts' alone. */
  yearly = insert (f, "contract", "supplier_id", supplier, "reference", "NT-2", "title", "Cloud",
                   "start_date", "2026-06-01", "initial_months", "24",
                   "cost_amount", "120000", "cost_currency", "USD", "billing_period", "year", NULL);
  g_assert_true (sb_suppliers_get_summary (f->book->store, supplier, &day, &summary, &error));
  g_assert_cmpuint (summary.n_contracts, ==, 2);
  g_assert_cmpuint (summary.n_in_force, ==, 1);
  g_assert_true (summary.mixed_currencies);
  g_assert_cmpstr (summary.currency, ==, "EUR");
  g_assert_cmpint (summary.cost_12_months, ==, 12 * 10000);
  sb_supplier_summary_clear (&summary);

  /* The supplier's resolution closes the escalation. */
  resolve (f, open, MON + 12 * HOUR);
  g_assert_true (sb_suppliers_get_summary (f->book->store, supplier, &day, &summary, &error));
  g_assert_cmpuint (summary.n_open_escalations, ==, 0);
}

/* The sample book */

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  SbStore *store = f->book->store;
  g_autoptr(GListModel) contracts = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *northline = NULL;
  SbSupplierPerformance perf;
  GDate today;
  GDate year_ago;
  guint n_ended = 0;
  guint n_terminated = 0;

  g_assert_true (sb_sample_data_load (store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f, "SELECT count (*) FROM supplier WHERE deleted = 0", NULL), >=, 6);
  g_assert_cmpint (count (f, "SELECT count (*) FROM supplier WHERE deleted = 0", NULL), <=, 8);
  g_assert_cmpint (count (f, "SELECT count (*) FROM supplier WHERE kind = ?", "internal"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM incident_escalation", NULL), >=, 12);
  g_assert_cmpint (count (f, "SELECT count (*) FROM incident_escalation WHERE contract_id IS NULL", NULL), >=, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM incident_escalation WHERE supplier_ref IS NOT NULL", NULL), >=, 12);
  g_assert_cmpint (count (f, "SELECT count (*) FROM incident_escalation WHERE resolved_at IS NULL", NULL), >=, 1);
  /* Every escalation has its entry on the timeline. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM incident_escalation e WHERE NOT EXISTS "
                          "(SELECT 1 FROM incident_event v WHERE v.incident_id = e.incident_id "
                          "AND v.kind = 'escalation' AND v.field = ? AND v.at = e.escalated_at)",
                          "escalated"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM supplier_review", NULL), >=, 8);
  g_assert_cmpint (count (f, "SELECT count (*) FROM supplier_dispute WHERE status IN ('open', 'in-progress')",
                          NULL), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM supplier_dispute WHERE status = ?", "resolved"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM contract WHERE cost_currency = ?", "USD"), ==, 1);

  contracts = sb_contracts_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contracts), >=, 10);
  g_assert_cmpuint (g_list_model_get_n_items (contracts), <=, 12);
  sb_contracts_get_today (store, &today);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (contracts, i);
      SbContractState state;

      if (!sb_contracts_validate (store, contract, &error))
        g_error ("Sample contract %s: %s", sb_contract_get_reference (contract), error->message);

      sb_contract_get_state (contract, &today, SB_CONTRACT_DEFAULT_WARNING_DAYS, &state);
      n_ended += state.status == SB_CONTRACT_EXPIRED;
      n_terminated += state.status == SB_CONTRACT_TERMINATED;
    }
  g_assert_cmpuint (n_ended, ==, 1);
  g_assert_cmpuint (n_terminated, ==, 1);

  /* One notice deadline within the warning window, for the Overview. */
  due = sb_deadlines_due_for_notification (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, >=, 1);

  /* The one deliberate alignment gap. */
  gaps = sb_contracts_check_alignment (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 1);
  g_assert_cmpstr (((SbAlignmentGap *)g_ptr_array_index (gaps, 0))->contract_reference, ==, "NT-FIBRE-36");

  /* Northline over the last year: escalations judged, some breached. */
  northline = sb_test_store_text (store, "SELECT id FROM supplier WHERE name = ?", "Northline Telecom");
  year_ago = today;
  g_date_subtract_months (&year_ago, 12);
  g_assert_true (sb_supplier_performance_compute (store, northline, NULL, &year_ago, &today, &perf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (perf.n_escalated, >=, 5);
  g_assert_cmpuint (perf.n_not_judged, >=, 1);
  g_assert_cmpuint (perf.n_reviews, >=, 2);

  /* Loading again adds nothing. */
  g_assert_true (sb_sample_data_load (store, &error));
  g_assert_cmpint (count (f, "SELECT count (*) FROM supplier WHERE deleted = 0", NULL), <=, 8);
}

static void
test_sample_breaches (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suppliers = g_ptr_array_new_with_free_func (g_free);
  guint breached = 0;
  guint met = 0;
  sqlite3_stmt *stmt;
  GDate today;
  GDate year_ago;

  g_assert_true (sb_sample_data_load (f->book->store, &error));
  g_assert_no_error (error);

  stmt = sb_store_prepare (f->book->store, "SELECT id FROM supplier", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (suppliers, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  sb_contracts_get_today (f->book->store, &today);
  year_ago = today;
  g_date_subtract_months (&year_ago, 12);
  for (guint i = 0; i < suppliers->len; i++)
    {
      SbSupplierPerformance perf;

      g_assert_true (sb_supplier_performance_compute (f->book->store, g_ptr_array_index (suppliers, i), NULL,
                                                      &year_ago, &today, &perf, &error));
      g_assert_no_error (error);
      breached += perf.n_response_breached + perf.n_resolution_breached;
      met += perf.n_response_met + perf.n_resolution_met;
    }

  /* The sample shows both. */
  g_assert_cmpuint (breached, >, 0);
  g_assert_cmpuint (met, >, breached);
}

int
main (int argc, char **argv)
{
  /* The periods are local days: make them UTC days. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/escalations/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("escalate", test_escalate);
  ADD ("refusals", test_refusals);
  ADD ("timeline", test_timeline);
  ADD ("suggest", test_suggest);
  ADD ("performance", test_performance);
  ADD ("by-month", test_by_month);
  ADD ("summary", test_summary);
  ADD ("sample", test_sample);
  ADD ("sample-breaches", test_sample_breaches);

#undef ADD

  return g_test_run ();
}

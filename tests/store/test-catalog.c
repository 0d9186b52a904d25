/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sb-catalog.h"
#include "sb-sample-data.h"
#include "sb-store-private.h"
#include "sb-test-utils.h"

/* The service catalogue on real books: services with their targets and
 * links, customers, support calendars, the priority matrix and the
 * sample catalogue. */

typedef struct
{
  SbTestBook *book;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->book = sb_test_book_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->book, sb_test_book_free);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return sb_test_store_count (f->book->store, sql, NULL);
}

/* Everything written anywhere: records, journal and audit rows. */
static gint64
footprint (Fixture *f)
{
  return count (f, "SELECT (SELECT count(*) FROM service) + (SELECT count(*) FROM service_target)"
                   " + (SELECT count(*) FROM service_customer) + (SELECT count(*) FROM service_dependency)"
                   " + (SELECT count(*) FROM customer) + (SELECT count(*) FROM calendar)") * 1000000 +
         count (f, "SELECT count(*) FROM sb_journal") * 1000 +
         count (f, "SELECT count(*) FROM sb_audit_trail");
}

static char *
add_customer (Fixture    *f,
              const char *name)
{
  return sb_test_add_customer (f->book->store, name);
}

static SbService *
new_service (const char *code,
             const char *name)
{
  SbService *service = sb_service_new ();

  sb_service_set_code (service, code);
  sb_service_set_name (service, name);

  return service;
}

static char *
add_service (Fixture    *f,
             const char *code,
             const char *name)
{
  g_autoptr(SbService) service = new_service (code, name);

  return sb_test_save_service (f->book->store, service);
}

static char *
add_office_calendar (Fixture    *f,
                     const char *name)
{
  g_autoptr(SbCalendar) calendar = sb_calendar_new_office_hours ("Europe/Madrid");
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  sb_calendar_set_name (calendar, name);
  g_assert_true (sb_catalog_save_calendar (f->book->store, NULL, calendar, &id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (id);

  return id;
}

static void
test_service_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SbService) service = NULL;
  g_autoptr(SbService) read = NULL;
  g_autoptr(SbService) found = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar_id = add_office_calendar (f, "Office hours");
  g_autofree char *acme = add_customer (f, "Acme Ltd");
  g_autofree char *bravo = add_customer (f, "Bravo Bakery");
  g_autofree char *network = add_service (f, "NETWORK", "LAN and Wi-Fi");
  g_autofree char *dns = add_service (f, "DNS", "Name resolution");
  const char *customers[] = { bravo, acme, NULL };
  const char *depends[] = { network, dns, NULL };
  const char *stops[] = { SB_HOLD_AWAITING_CHANGE, SB_HOLD_AWAITING_CUSTOMER, NULL };
  g_auto(GStrv) categories = NULL;

  service = new_service ("  email ", " Email and calendars ");
  sb_service_set_description (service, "Mailboxes, shared calendars and contacts.");
  sb_service_set_outcomes (service, "Staff can mail customers from any device.");
  sb_service_set_category (service, "Communication");
  sb_service_set_service_type (service, SB_SERVICE_TYPE_SUPPORTING);
  sb_service_set_owner (service, "Ana García");
  sb_service_set_criticality (service, "high");
  sb_service_set_status (service, SB_SERVICE_STATUS_RETIRING);
  sb_service_set_support_channel (service, "Phone and email");
  sb_service_set_support_contact (service, "help@example.com");
  sb_service_set_calendar_id (service, calendar_id);
  sb_service_set_exclusions (service, "Personal devices");
  sb_service_set_prerequisites (service, "A Microsoft 365 licence");
  sb_service_set_price_amount (service, 1250);
  sb_service_set_price_currency (service, "eur");
  sb_service_set_price_period (service, "month");
  sb_service_set_availability_target (service, 9950);
  sb_service_set_workload_limit (service, 40);
  sb_service_set_clock_stop_reasons (service, stops);
  sb_service_set_exceptions (service, "Sunday 02:00–04:00 maintenance");
  sb_service_set_last_review (service, "2026-01-15");
  sb_service_set_next_review (service, "2026-07-15");
  for (int p = 1; p <= 5; p++)
    sb_service_set_targets (service, p, p * 30, p * 240);
  sb_service_set_customer_ids (service, customers);
  sb_service_set_depends_on_ids (service, depends);

  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sb_service_get_id (service));
  g_assert_cmpstr (sb_service_get_code (service), ==, "EMAIL");

  read = sb_catalog_get_service (f->book->store, sb_service_get_id (service), &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpstr (sb_service_get_id (read), ==, sb_service_get_id (service));
  g_assert_cmpstr (sb_service_get_code (read), ==, "EMAIL");
  g_assert_cmpstr (sb_service_get_name (read), ==, "Email and calendars");
  g_assert_cmpstr (sb_service_get_description (read), ==, "Mailboxes, shared calendars and contacts.");
  g_assert_cmpstr (sb_service_get_outcomes (read), ==, "Staff can mail customers from any device.");
  g_assert_cmpstr (sb_service_get_category (read), ==, "Communication");
  g_assert_cmpstr (sb_service_get_service_type (read), ==, SB_SERVICE_TYPE_SUPPORTING);
  g_assert_cmpstr (sb_service_get_owner (read), ==, "Ana García");
  g_assert_cmpstr (sb_service_get_criticality (read), ==, "high");
  g_assert_cmpstr (sb_service_get_status (read), ==, SB_SERVICE_STATUS_RETIRING);
  g_assert_cmpstr (sb_service_get_support_channel (read), ==, "Phone and email");
  g_assert_cmpstr (sb_service_get_support_contact (read), ==, "help@example.com");
  g_assert_cmpstr (sb_service_get_calendar_id (read), ==, calendar_id);
  g_assert_cmpstr (sb_service_get_calendar_name (read), ==, "Office hours");
  g_assert_cmpstr (sb_service_get_exclusions (read), ==, "Personal devices");
  g_assert_cmpstr (sb_service_get_prerequisites (read), ==, "A Microsoft 365 licence");
  g_assert_cmpint (sb_service_get_price_amount (read), ==, 1250);
  g_assert_cmpstr (sb_service_get_price_currency (read), ==, "EUR");
  g_assert_cmpstr (sb_service_get_price_period (read), ==, "month");
  g_assert_cmpint (sb_service_get_availability_target (read), ==, 9950);
  g_assert_cmpint (sb_service_get_workload_limit (read), ==, 40);
  g_assert_cmpuint (g_strv_length ((GStrv)sb_service_get_clock_stop_reasons (read)), ==, 2);
  g_assert_true (sb_service_stops_clock_for (read, SB_HOLD_AWAITING_CUSTOMER));
  g_assert_true (sb_service_stops_clock_for (read, SB_HOLD_AWAITING_CHANGE));
  g_assert_false (sb_service_stops_clock_for (read, SB_HOLD_AWAITING_SUPPLIER));
  g_assert_cmpstr (sb_service_get_exceptions (read), ==, "Sunday 02:00–04:00 maintenance");
  g_assert_cmpstr (sb_service_get_last_review (read), ==, "2026-01-15");
  g_assert_cmpstr (sb_service_get_next_review (read), ==, "2026-07-15");
  for (int p = 1; p <= 5; p++)
    {
      g_assert_cmpint (sb_service_get_response_target (read, p), ==, p * 30);
      g_assert_cmpint (sb_service_get_resolution_target (read, p), ==, p * 240);
    }
  /* Customers by name, dependencies by code. */
  g_assert_cmpuint (g_strv_length ((GStrv)sb_service_get_customer_ids (read)), ==, 2);
  g_assert_cmpstr (sb_service_get_customer_ids (read)[0], ==, acme);
  g_assert_cmpstr (sb_service_get_customer_ids (read)[1], ==, bravo);
  g_assert_cmpstr (sb_service_get_customer_names (read), ==, "Acme Ltd, Bravo Bakery");
  g_assert_cmpuint (g_strv_length ((GStrv)sb_service_get_depends_on_ids (read)), ==, 2);
  g_assert_cmpstr (sb_service_get_depends_on_ids (read)[0], ==, dns);
  g_assert_cmpstr (sb_service_get_depends_on_ids (read)[1], ==, network);

  g_assert_cmpint (count (f, "SELECT count(*) FROM service_target WHERE deleted = 0"), ==, 15);

  list = sb_catalog_list_services (f->book->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  {
    g_autoptr(SbService) first = g_list_model_get_item (list, 0);
    g_autoptr(SbService) second = g_list_model_get_item (list, 1);
    g_autoptr(SbService) third = g_list_model_get_item (list, 2);

    g_assert_cmpstr (sb_service_get_code (first), ==, "DNS");
    g_assert_cmpstr (sb_service_get_code (second), ==, "EMAIL");
    g_assert_cmpstr (sb_service_get_code (third), ==, "NETWORK");
    g_assert_cmpstr (sb_service_get_customer_names (second), ==, "Acme Ltd, Bravo Bakery");
    g_assert_cmpstr (sb_service_get_calendar_name (second), ==, "Office hours");
    g_assert_cmpint (sb_service_get_resolution_target (second, 5), ==, 1200);
    g_assert_null (sb_service_get_calendar_id (first));
    g_assert_cmpint (sb_service_get_price_amount (first), ==, -1);
  }

  found = sb_catalog_find_service (f->book->store, " email");
  g_assert_nonnull (found);
  g_assert_cmpstr (sb_service_get_id (found), ==, sb_service_get_id (service));
  g_assert_null (sb_catalog_find_service (f->book->store, "NOPE"));

  categories = sb_catalog_list_categories (f->book->store);
  g_assert_cmpuint (g_strv_length (categories), ==, 1);
  g_assert_cmpstr (categories[0], ==, "Communication");

  /* Saving what was read changes nothing: no record, journal or audit row. */
  {
    gint64 before = footprint (f);

    g_assert_true (sb_catalog_save_service (f->book->store, read, &error));
    g_assert_no_error (error);
    g_assert_cmpint (footprint (f), ==, before);
  }
}


/* A rule broken: validation and saving both refuse it with
 * SB_STORE_ERROR_INVALID and a message naming it, and nothing is written. */
static void
expect_refused (Fixture    *f,
                SbService  *service,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (sb_service_get_id (service));
  gint64 before = footprint (f);

  g_assert_false (sb_catalog_validate_service (f->book->store, service, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  g_clear_error (&error);

  g_assert_false (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_cmpint (footprint (f), ==, before);
  g_assert_cmpstr (sb_service_get_id (service), ==, id);
}

static void
test_service_validation (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *network = add_service (f, "NETWORK", "LAN and Wi-Fi");
  g_autofree char *calendar = add_office_calendar (f, "Office hours");
  g_autofree char *gone_calendar = add_office_calendar (f, "Old hours");
  g_autoptr(SbService) existing = sb_catalog_get_service (f->book->store, network, NULL);
  g_autoptr(GError) error = NULL;
  const char *bad_stops[] = { SB_HOLD_AWAITING_CUSTOMER, "awaiting-godot", NULL };
  const char *unknown[] = { "no-such-record", NULL };
  const char *self_dep[] = { network, NULL };

  g_assert_true (sb_catalog_delete_calendar (f->book->store, gone_calendar, &error));
  g_assert_no_error (error);

#define REFUSED(fragment, ...)                                    \
  G_STMT_START                                                    \
  {                                                               \
    g_autoptr(SbService) s = new_service ("MAIL", "Mail");        \
    __VA_ARGS__;                                                  \
    expect_refused (f, s, fragment);                              \
  }                                                               \
  G_STMT_END

  /* The valid service itself passes. */
  {
    g_autoptr(SbService) s = new_service ("MAIL", "Mail");

    g_assert_true (sb_catalog_validate_service (f->book->store, s, &error));
    g_assert_no_error (error);
  }

  REFUSED ("needs a code", sb_service_set_code (s, NULL));
  REFUSED ("needs a code", sb_service_set_code (s, "   "));
  REFUSED ("“E MAIL” may only contain the letters A–Z", sb_service_set_code (s, "E MAIL"));
  REFUSED ("may only contain", sb_service_set_code (s, "CORREO-ÉLITE"));
  REFUSED ("may only contain", sb_service_set_code (s, "MAIL.1"));
  REFUSED ("too long", sb_service_set_code (s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"));
  REFUSED ("The code NETWORK is already used by the service “LAN and Wi-Fi”",
           sb_service_set_code (s, " network"));
  REFUSED ("needs a name", sb_service_set_name (s, NULL));
  REFUSED ("needs a name", sb_service_set_name (s, " \t "));
  REFUSED ("service type “internal”", sb_service_set_service_type (s, "internal"));
  REFUSED ("service type “”", sb_service_set_service_type (s, NULL));
  REFUSED ("criticality “urgent”", sb_service_set_criticality (s, "urgent"));
  REFUSED ("status “active”", sb_service_set_status (s, "active"));
  REFUSED ("last review date “2026-02-30” is not a date", sb_service_set_last_review (s, "2026-02-30"));
  REFUSED ("next review date “15/07/2026”", sb_service_set_next_review (s, "15/07/2026"));
  REFUSED ("must come after the last review",
           sb_service_set_last_review (s, "2026-05-01"); sb_service_set_next_review (s, "2026-05-01"));
  REFUSED ("must come after the last review",
           sb_service_set_last_review (s, "2026-05-01"); sb_service_set_next_review (s, "2025-05-01"));
  REFUSED ("availability target 100.01 %", sb_service_set_availability_target (s, 10001));
  REFUSED ("availability target -0.01 %", sb_service_set_availability_target (s, -1));
  REFUSED ("workload limit cannot be negative", sb_service_set_workload_limit (s, -5));
  REFUSED ("priority 2 (High) the response target (10 h) is longer than the resolution target (5 h)",
           sb_service_set_targets (s, 2, 600, 300));
  REFUSED ("priority 4 (Low) cannot be negative", sb_service_set_targets (s, 4, -1, 60));
  REFUSED ("needs a currency", sb_service_set_price_amount (s, 1000));
  REFUSED ("“EURO” is not an ISO 4217 code",
           sb_service_set_price_amount (s, 1000); sb_service_set_price_currency (s, "EURO");
           sb_service_set_price_period (s, "month"));
  REFUSED ("needs a charging period",
           sb_service_set_price_amount (s, 0); sb_service_set_price_currency (s, "EUR"));
  REFUSED ("charging period “weekly”",
           sb_service_set_price_amount (s, 1000); sb_service_set_price_currency (s, "EUR");
           sb_service_set_price_period (s, "weekly"));
  REFUSED ("“awaiting-godot” is not a hold reason", sb_service_set_clock_stop_reasons (s, bad_stops));
  REFUSED ("support calendar of the service does not exist", sb_service_set_calendar_id (s, "no-such-calendar"));
  REFUSED ("support calendar “Old hours” was deleted", sb_service_set_calendar_id (s, gone_calendar));
  REFUSED ("customers no longer exists", sb_service_set_customer_ids (s, unknown));
  REFUSED ("depends on no longer exists", sb_service_set_depends_on_ids (s, unknown));

#undef REFUSED

  sb_service_set_depends_on_ids (existing, self_dep);
  expect_refused (f, existing, "NETWORK cannot depend on itself");

  /* A price of zero with its currency and period is a price. */
  {
    g_autoptr(SbService) s = new_service ("MAIL", "Mail");

    sb_service_set_price_amount (s, 0);
    sb_service_set_price_currency (s, "usd");
    sb_service_set_price_period (s, "one-off");
    sb_service_set_calendar_id (s, calendar);
    g_assert_true (sb_catalog_save_service (f->book->store, s, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT price_amount FROM service WHERE code = 'MAIL'"), ==, 0);
  }
}

static char *
add_service_depending_on (Fixture    *f,
                          const char *code,
                          const char *depends_on)
{
  g_autoptr(SbService) service = new_service (code, code);
  g_autoptr(GError) error = NULL;
  const char *ids[] = { depends_on, NULL };

  sb_service_set_depends_on_ids (service, ids);
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);

  return g_strdup (sb_service_get_id (service));
}

static void
test_service_cycle (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *email = add_service (f, "EMAIL", "Email");
  g_autofree char *dns = add_service_depending_on (f, "DNS", email);
  g_autofree char *network = NULL;
  g_autoptr(SbService) service = sb_catalog_get_service (f->book->store, email, NULL);
  g_autoptr(GError) error = NULL;
  const char *on_dns[] = { dns, NULL };
  const char *on_network[] = { network, NULL };

  /* Two services round in a circle. */
  sb_service_set_depends_on_ids (service, on_dns);
  expect_refused (f, service, "EMAIL → DNS → EMAIL");

  /* Three: EMAIL → NETWORK → DNS → EMAIL. */
  network = add_service_depending_on (f, "NETWORK", dns);
  on_network[0] = network;
  sb_service_set_depends_on_ids (service, on_network);
  expect_refused (f, service, "The dependencies would go round in a circle: EMAIL → NETWORK → DNS → EMAIL.");

  /* The circle is named with the codes being saved. */
  sb_service_set_code (service, "MAIL");
  expect_refused (f, service, "MAIL → NETWORK → DNS → MAIL");
  sb_service_set_code (service, "EMAIL");

  /* A deleted service breaks the circle. */
  g_assert_true (sb_catalog_delete_service (f->book->store, dns, &error));
  g_assert_no_error (error);
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);

  /* A chain that does not come back is fine. */
  {
    g_autofree char *web = add_service_depending_on (f, "WEB", email);

    g_assert_nonnull (web);
  }
}

static char *
audited_fields (Fixture    *f,
                const char *table,
                const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (field, ',') FROM "
                                          "(SELECT field FROM sb_audit_trail WHERE tbl = '%s' "
                                          "AND row_id = '%s' AND field <> '*' ORDER BY field)",
                                          table, id);
  sqlite3_stmt *stmt = sb_store_prepare (f->book->store, sql, NULL);
  char *text = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return text;
}

static void
test_service_update (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SbService) service = new_service ("EMAIL", "Email");
  g_autoptr(SbService) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *target_id = NULL;

  sb_service_set_description (service, "Mailboxes");
  sb_service_set_price_amount (service, 500);
  sb_service_set_price_currency (service, "EUR");
  sb_service_set_price_period (service, "month");
  sb_service_set_targets (service, 1, 30, 240);
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'service'"), ==, 1);

  /* Only what changed is written and audited. */
  sb_service_set_name (service, "Email and calendars");
  sb_service_set_owner (service, "Ana");
  sb_service_set_description (service, "");
  sb_service_set_targets (service, 1, 15, 240);
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);

  fields = audited_fields (f, "service", sb_service_get_id (service));
  g_assert_cmpstr (fields, ==, "description,name,owner");
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'service_target' AND field <> '*'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_target"), ==, 5);

  /* Taking the price away clears its currency and period. */
  sb_service_set_price_amount (service, -1);
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);

  read = sb_catalog_get_service (f->book->store, sb_service_get_id (service), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_service_get_name (read), ==, "Email and calendars");
  g_assert_cmpstr (sb_service_get_owner (read), ==, "Ana");
  g_assert_null (sb_service_get_description (read));
  g_assert_cmpint (sb_service_get_price_amount (read), ==, -1);
  g_assert_null (sb_service_get_price_currency (read));
  g_assert_null (sb_service_get_price_period (read));
  g_assert_cmpint (sb_service_get_response_target (read, 1), ==, 15);
  g_assert_cmpint (sb_service_get_resolution_target (read, 1), ==, 240);
  g_assert_cmpint (sb_service_get_response_target (read, 2), ==, 0);
  /* The default: only awaiting the customer stops the clock. */
  g_assert_cmpuint (g_strv_length ((GStrv)sb_service_get_clock_stop_reasons (read)), ==, 1);
  g_assert_true (sb_service_stops_clock_for (read, SB_HOLD_AWAITING_CUSTOMER));
  g_assert_false (sb_service_stops_clock_for (read, SB_HOLD_AWAITING_SUPPLIER));
  g_assert_cmpstr (sb_service_get_status (read), ==, SB_SERVICE_STATUS_LIVE);

  /* No reason at all is a choice too, and survives a round trip. */
  {
    const char *none[] = { NULL };
    g_autoptr(SbService) again = NULL;

    sb_service_set_clock_stop_reasons (read, none);
    g_assert_true (sb_catalog_save_service (f->book->store, read, &error));
    g_assert_no_error (error);
    again = sb_catalog_get_service (f->book->store, sb_service_get_id (read), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length ((GStrv)sb_service_get_clock_stop_reasons (again)), ==, 0);
  }
}

static void
test_service_links (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = add_customer (f, "Acme");
  g_autofree char *b = add_customer (f, "Bravo");
  g_autofree char *c = add_customer (f, "Charlie");
  g_autofree char *network = add_service (f, "NETWORK", "Network");
  g_autofree char *dns = add_service (f, "DNS", "DNS");
  g_autoptr(SbService) service = new_service ("EMAIL", "Email");
  g_autoptr(SbService) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a_link = NULL;
  g_autofree char *a_link_again = NULL;
  const char *ab[] = { a, b, NULL };
  const char *bc[] = { b, c, NULL };
  const char *abc_twice[] = { c, a, b, a, NULL };
  const char *net[] = { network, NULL };
  const char *net_dns[] = { dns, network, NULL };
  const char *none[] = { NULL };

  sb_service_set_customer_ids (service, ab);
  sb_service_set_depends_on_ids (service, net);
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_customer WHERE deleted = 0"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_dependency WHERE deleted = 0"), ==, 1);
  {
    sqlite3_stmt *stmt = sb_store_prepare (f->book->store, "SELECT id FROM service_customer WHERE customer_id = ?", NULL);

    sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    a_link = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
  }

  /* Acme removed (a tombstone), Charlie added. */
  sb_service_set_customer_ids (service, bc);
  sb_service_set_depends_on_ids (service, net_dns);
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_customer"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_customer WHERE deleted = 1"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_dependency WHERE deleted = 0"), ==, 2);

  read = sb_catalog_get_service (f->book->store, sb_service_get_id (service), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_service_get_customer_names (read), ==, "Bravo, Charlie");
  g_clear_object (&read);

  /* Acme again: the same row comes back; duplicates count once. */
  sb_service_set_customer_ids (service, abc_twice);
  sb_service_set_depends_on_ids (service, none);
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_customer"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_customer WHERE deleted = 0"), ==, 3);
  {
    sqlite3_stmt *stmt = sb_store_prepare (f->book->store,
                                           "SELECT id FROM service_customer WHERE customer_id = ? AND deleted = 0",
                                           NULL);

    sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    a_link_again = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
  }
  g_assert_cmpstr (a_link_again, ==, a_link);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_dependency"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_dependency WHERE deleted = 0"), ==, 0);

  read = sb_catalog_get_service (f->book->store, sb_service_get_id (service), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_service_get_customer_names (read), ==, "Acme, Bravo, Charlie");
  g_assert_cmpuint (g_strv_length ((GStrv)sb_service_get_depends_on_ids (read)), ==, 0);
}

/* Journal rows of the service, its targets and its links: all in one
 * transaction means all after the same first stamp of that save. */
static void
test_service_atomic (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *network = add_service (f, "NETWORK", "Network");
  g_autofree char *acme = add_customer (f, "Acme");
  g_autoptr(SbService) service = new_service ("EMAIL", "Email");
  g_autoptr(GError) error = NULL;
  const char *deps[] = { network, NULL };
  const char *customers[] = { acme, NULL };
  gint64 before;

  sb_service_set_depends_on_ids (service, deps);
  sb_service_set_customer_ids (service, customers);

  /* The last write of the save fails: nothing of it stays. */
  g_assert_true (sb_store_exec (f->book->store,
                                "CREATE TEMP TRIGGER trap BEFORE INSERT ON main.service_dependency "
                                "BEGIN SELECT RAISE (ABORT, 'injected'); END",
                                &error));
  before = footprint (f);
  g_assert_false (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (footprint (f), ==, before);
  g_assert_null (sb_service_get_id (service));

  g_assert_true (sb_store_exec (f->book->store, "DROP TRIGGER trap", &error));
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service"), ==, 2);
  /* service + 5 targets + 1 customer link + 1 dependency */
  g_assert_cmpint (footprint (f) / 1000000 - before / 1000000, ==, 8);
}

static void
test_service_delete (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *acme = add_customer (f, "Acme");
  g_autoptr(SbService) service = new_service ("EMAIL", "Email");
  g_autoptr(SbService) read = NULL;
  g_autoptr(SbService) replacement = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *customers[] = { acme, NULL };
  const char *id;

  sb_service_set_customer_ids (service, customers);
  sb_service_set_targets (service, 3, 60, 480);
  g_assert_true (sb_catalog_save_service (f->book->store, service, &error));
  g_assert_no_error (error);
  id = sb_service_get_id (service);

  g_assert_true (sb_catalog_delete_service (f->book->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT deleted FROM service"), ==, 1);
  list = sb_catalog_list_services (f->book->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_null (sb_catalog_get_service (f->book->store, id, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sb_catalog_find_service (f->book->store, "EMAIL"));

  /* Its customer no longer lists it. */
  {
    g_autoptr(SbCustomer) customer = sb_catalog_get_customer (f->book->store, acme, &error);

    g_assert_no_error (error);
    g_assert_null (sb_customer_get_service_codes (customer));
  }

  /* Undo brings it back whole. */
  g_assert_true (sb_catalog_undelete_service (f->book->store, id, &error));
  g_assert_no_error (error);
  read = sb_catalog_get_service (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_service_get_customer_names (read), ==, "Acme");
  g_assert_cmpint (sb_service_get_resolution_target (read, 3), ==, 480);

  /* While it is deleted its code is free; then undo is refused. */
  g_assert_true (sb_catalog_delete_service (f->book->store, id, &error));
  replacement = new_service ("EMAIL", "New email");
  g_assert_true (sb_catalog_save_service (f->book->store, replacement, &error));
  g_assert_no_error (error);
  g_assert_false (sb_catalog_undelete_service (f->book->store, id, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“New email” uses that code now"));
  g_clear_error (&error);

  g_assert_false (sb_catalog_delete_service (f->book->store, "no-such-service", &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
}

static void
test_service_review_overdue (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SbService) service = new_service ("EMAIL", "Email");
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JULY, 2026);

  g_assert_false (sb_service_is_review_overdue (service, &today));
  sb_service_set_next_review (service, "2026-07-15");
  g_assert_false (sb_service_is_review_overdue (service, &today));
  sb_service_set_next_review (service, "2026-07-14");
  g_assert_true (sb_service_is_review_overdue (service, &today));
  sb_service_set_next_review (service, "2099-01-01");
  g_assert_false (sb_service_is_review_overdue (service, NULL));
  sb_service_set_next_review (service, "2000-01-01");
  g_assert_true (sb_service_is_review_overdue (service, NULL));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_service_properties (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SbService) service = sb_service_new ();
  g_autoptr(SbService) copy = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *code = NULL;
  g_auto(GStrv) reasons = NULL;
  const char *ids[] = { "x", NULL };
  gint64 amount = 0;

  g_signal_connect (service, "notify", G_CALLBACK (on_notify), names);

  sb_service_set_code (service, "EMAIL");
  sb_service_set_code (service, "EMAIL");
  g_object_set (service, "name", "Email", "availability-target", 9900, NULL);
  g_object_set (service, "name", "Email", "availability-target", 9900, NULL);
  sb_service_set_price_amount (service, -1);
  sb_service_set_customer_ids (service, ids);
  sb_service_set_customer_ids (service, ids);
  sb_service_set_description (service, NULL);
  sb_service_set_description (service, "");
  g_assert_cmpuint (names->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "code");
  g_assert_cmpstr (g_ptr_array_index (names, 3), ==, "customer-ids");

  g_object_get (service, "code", &code, "price-amount", &amount, "clock-stop-reasons", &reasons, NULL);
  g_assert_cmpstr (code, ==, "EMAIL");
  g_assert_cmpint (amount, ==, -1);
  g_assert_cmpstr (reasons[0], ==, SB_HOLD_AWAITING_CUSTOMER);

  sb_service_set_targets (service, 5, 1, 2);
  copy = sb_service_copy (service);
  g_assert_cmpstr (sb_service_get_name (copy), ==, "Email");
  g_assert_cmpint (sb_service_get_availability_target (copy), ==, 9900);
  g_assert_cmpint (sb_service_get_resolution_target (copy, 5), ==, 2);
  g_assert_cmpstr (sb_service_get_customer_ids (copy)[0], ==, "x");
}

static void
test_customers (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SbCustomer) customer = sb_customer_new ();
  g_autoptr(SbCustomer) read = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bravo = add_customer (f, "Bravo Bakery");
  g_autoptr(SbService) email = new_service ("EMAIL", "Email");
  g_autoptr(SbService) web = new_service ("WEB", "Web");
  const char *both[2] = { NULL, NULL };
  gint64 before;

  sb_customer_set_name (customer, " Acme Ltd ");
  sb_customer_set_contact_person (customer, "Jo Smith");
  sb_customer_set_email (customer, "jo@acme.example");
  sb_customer_set_phone (customer, "+34 600 000 000");
  sb_customer_set_notes (customer, "Pays on time");
  g_assert_cmpstr (sb_customer_get_status (customer), ==, "active");
  sb_customer_set_status (customer, "inactive");
  g_assert_true (sb_catalog_save_customer (f->book->store, customer, &error));
  g_assert_no_error (error);

  read = sb_catalog_get_customer (f->book->store, sb_customer_get_id (customer), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_customer_get_name (read), ==, "Acme Ltd");
  g_assert_cmpstr (sb_customer_get_contact_person (read), ==, "Jo Smith");
  g_assert_cmpstr (sb_customer_get_email (read), ==, "jo@acme.example");
  g_assert_cmpstr (sb_customer_get_phone (read), ==, "+34 600 000 000");
  g_assert_cmpstr (sb_customer_get_notes (read), ==, "Pays on time");
  g_assert_cmpstr (sb_customer_get_status (read), ==, "inactive");
  g_clear_object (&read);

  read = sb_catalog_find_customer (f->book->store, "ACME LTD");
  g_assert_nonnull (read);
  g_clear_object (&read);

  /* Refusals, each naming the field; nothing written. */
  before = footprint (f);
  {
    static const struct
    {
      const char *name;
      const char *email;
      const char *status;
      const char *fragment;
    } cases[] = {
      { NULL, NULL, "active", "needs a name" },
      { "  ", NULL, "active", "needs a name" },
      { "acme ltd", NULL, "active", "Another customer is already called “acme ltd”" },
      { "Zeta", "jo.example", "active", "“jo.example” does not look like an address" },
      { "Zeta", "jo@@acme.example", "active", "does not look like an address" },
      { "Zeta", "jo smith@acme.example", "active", "does not look like an address" },
      { "Zeta", NULL, "gone", "customer status “gone” is unknown" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(SbCustomer) bad = sb_customer_new ();

        sb_customer_set_name (bad, cases[i].name);
        sb_customer_set_email (bad, cases[i].email);
        sb_customer_set_status (bad, cases[i].status);
        g_assert_false (sb_catalog_save_customer (f->book->store, bad, &error));
        g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
        if (strstr (error->message, cases[i].fragment) == NULL)
          g_error ("“%s” does not say “%s”", error->message, cases[i].fragment);
        g_clear_error (&error);
        g_assert_null (sb_customer_get_id (bad));
      }
  }
  g_assert_cmpint (footprint (f), ==, before);

  /* Listed by name with the codes of their services. */
  both[0] = bravo;
  sb_service_set_customer_ids (email, both);
  g_assert_true (sb_catalog_save_service (f->book->store, email, &error));
  sb_service_set_customer_ids (web, both);
  g_assert_true (sb_catalog_save_service (f->book->store, web, &error));
  g_assert_no_error (error);

  list = sb_catalog_list_customers (f->book->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(SbCustomer) first = g_list_model_get_item (list, 0);
    g_autoptr(SbCustomer) second = g_list_model_get_item (list, 1);

    g_assert_cmpstr (sb_customer_get_name (first), ==, "Acme Ltd");
    g_assert_null (sb_customer_get_service_codes (first));
    g_assert_cmpstr (sb_customer_get_name (second), ==, "Bravo Bakery");
    g_assert_cmpstr (sb_customer_get_service_codes (second), ==, "EMAIL, WEB");
  }
  g_clear_object (&list);

  /* Deleting a customer hides its links with it ... */
  g_assert_true (sb_catalog_delete_customer (f->book->store, bravo, &error));
  g_assert_no_error (error);
  g_assert_null (sb_catalog_get_customer (f->book->store, bravo, &error));
  g_clear_error (&error);
  {
    g_autoptr(SbService) read_email = sb_catalog_find_service (f->book->store, "EMAIL");

    g_assert_cmpuint (g_strv_length ((GStrv)sb_service_get_customer_ids (read_email)), ==, 0);
    g_assert_null (sb_service_get_customer_names (read_email));

    /* ... saving the service meanwhile keeps the hidden link ... */
    sb_service_set_name (read_email, "Email and calendars");
    g_assert_true (sb_catalog_save_service (f->book->store, read_email, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM service_customer WHERE deleted = 0"), ==, 2);
  }

  /* ... and undo brings both back. */
  g_assert_true (sb_catalog_undelete_customer (f->book->store, bravo, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SbService) read_email = sb_catalog_find_service (f->book->store, "EMAIL");

    g_assert_cmpstr (sb_service_get_customer_names (read_email), ==, "Bravo Bakery");
  }
}

static void
test_calendars (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SbCalendar) calendar = NULL;
  g_autoptr(SbCalendar) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
  GDate date;
  gint64 before;

  /* An empty book gets the built-in calendars, office hours in the
   * computer's own time zone. */
  g_setenv ("TZ", "Europe/Madrid", TRUE);
  list = sb_catalog_list_calendars (f->book->store, &error);
  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(SbCalendarItem) first = g_list_model_get_item (list, 0);
    g_autoptr(SbCalendarItem) second = g_list_model_get_item (list, 1);

    g_assert_cmpstr (sb_calendar_item_get_name (first), ==, "24×7");
    g_assert_cmpstr (sb_calendar_item_get_summary (first), ==, "Around the clock, UTC");
    g_assert_cmpstr (sb_calendar_item_get_name (second), ==, "Office hours");
    g_assert_cmpstr (sb_calendar_item_get_summary (second), ==, "Mon–Fri 09:00–17:00, Europe/Madrid");
    g_assert_cmpstr (sb_calendar_get_time_zone_id (sb_calendar_item_get_calendar (second)), ==,
                     "Europe/Madrid");
    g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'calendar'"), ==, 2);
  }
  g_clear_object (&list);

  /* A calendar of several intervals and every kind of holiday. */
  calendar = sb_calendar_new ("America/New_York", &error);
  g_assert_no_error (error);
  sb_calendar_set_name (calendar, "Support desk");
  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_THURSDAY; day++)
    {
      g_assert_true (sb_calendar_add_interval (calendar, day, 8 * 60, 12 * 60, NULL));
      g_assert_true (sb_calendar_add_interval (calendar, day, 13 * 60, 18 * 60, NULL));
    }
  g_assert_true (sb_calendar_add_interval (calendar, G_DATE_FRIDAY, 8 * 60, 15 * 60, NULL));
  g_assert_true (sb_calendar_add_interval (calendar, G_DATE_SATURDAY, 9 * 60, 13 * 60, NULL));
  g_assert_true (sb_calendar_add_holiday_yearly (calendar, G_DATE_DECEMBER, 25, NULL));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 4, G_DATE_JULY, 2026);
  g_assert_true (sb_calendar_add_holiday_date (calendar, &date, NULL));
  {
    GDate last;

    g_date_clear (&last, 1);
    g_date_set_dmy (&last, 10, G_DATE_JULY, 2026);
    g_assert_true (sb_calendar_add_holiday_range (calendar, &date, &last, NULL));
  }

  g_assert_true (sb_catalog_save_calendar (f->book->store, NULL, calendar, &id, &error));
  g_assert_no_error (error);
  read = sb_catalog_get_calendar (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (sb_calendar_equal (read, calendar));
  g_assert_cmpstr (sb_calendar_get_name (read), ==, "Support desk");
  g_clear_pointer (&read, sb_calendar_unref);

  list = sb_catalog_list_calendars (f->book->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  {
    g_autoptr(SbCalendarItem) item = g_list_model_get_item (list, 2);

    g_assert_cmpstr (sb_calendar_item_get_id (item), ==, id);
    g_assert_cmpstr (sb_calendar_item_get_summary (item), ==,
                     "Mon–Thu 08:00–12:00, 13:00–18:00; Fri 08:00–15:00; Sat 09:00–13:00, "
                     "America/New_York, 3 holidays");
  }
  g_clear_object (&list);

  /* Renamed in place. */
  sb_calendar_set_name (calendar, "Service desk");
  g_assert_true (sb_catalog_save_calendar (f->book->store, id, calendar, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM calendar"), ==, 3);
  read = sb_catalog_get_calendar (f->book->store, id, &error);
  g_assert_cmpstr (sb_calendar_get_name (read), ==, "Service desk");
  g_clear_pointer (&read, sb_calendar_unref);

  /* No id: around the clock. */
  read = sb_catalog_get_calendar (f->book->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sb_calendar_is_open (read, 0));
  g_clear_pointer (&read, sb_calendar_unref);

  /* Refusals: a taken name, no name, no open hours. */
  before = footprint (f);
  {
    g_autoptr(SbCalendar) bad = sb_calendar_new_office_hours ("UTC");
    g_autoptr(SbCalendar) closed = sb_calendar_new ("UTC", NULL);

    g_assert_false (sb_catalog_save_calendar (f->book->store, NULL, bad, NULL, &error));
    g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Another calendar is already called “Office hours”"));
    g_clear_error (&error);

    sb_calendar_set_name (bad, "");
    g_assert_false (sb_catalog_save_calendar (f->book->store, NULL, bad, NULL, &error));
    g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "needs a name"));
    g_clear_error (&error);

    sb_calendar_set_name (closed, "Closed");
    g_assert_false (sb_catalog_save_calendar (f->book->store, NULL, closed, NULL, &error));
    g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "The calendar “Closed” cannot be saved"));
    g_clear_error (&error);
  }
  g_assert_cmpint (footprint (f), ==, before);

  /* Deleting a calendar that live services use is refused, naming them. */
  {
    g_autoptr(SbService) web = new_service ("WEB", "Web");
    g_autoptr(SbService) email = new_service ("EMAIL", "Email");
    g_autoptr(SbService) old = new_service ("OLD", "Old");

    sb_service_set_calendar_id (web, id);
    sb_service_set_calendar_id (email, id);
    sb_service_set_calendar_id (old, id);
    g_assert_true (sb_catalog_save_service (f->book->store, web, &error));
    g_assert_true (sb_catalog_save_service (f->book->store, email, &error));
    g_assert_true (sb_catalog_save_service (f->book->store, old, &error));
    g_assert_no_error (error);
    g_assert_true (sb_catalog_delete_service (f->book->store, sb_service_get_id (old), &error));

    before = footprint (f);
    g_assert_false (sb_catalog_delete_calendar (f->book->store, id, &error));
    g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“Service desk” is the support calendar of EMAIL, WEB"));
    g_clear_error (&error);
    g_assert_cmpint (footprint (f), ==, before);

    sb_service_set_calendar_id (web, NULL);
    sb_service_set_calendar_id (email, NULL);
    g_assert_true (sb_catalog_save_service (f->book->store, web, &error));
    g_assert_true (sb_catalog_save_service (f->book->store, email, &error));
    g_assert_no_error (error);
  }
  g_assert_true (sb_catalog_delete_calendar (f->book->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (sb_catalog_get_calendar (f->book->store, id, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = sb_catalog_list_calendars (f->book->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
}

static void
test_priority_matrix (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SbPriorityMatrix) matrix = sb_catalog_get_priority_matrix (f->book->store);
  g_autoptr(SbPriorityMatrix) standard = sb_priority_matrix_new ();
  g_autoptr(SbPriorityMatrix) read = NULL;
  g_autoptr(GError) error = NULL;

  /* The default of DOMAIN.md until changed. */
  g_assert_true (sb_priority_matrix_equal (matrix, standard));
  g_assert_cmpint (sb_priority_matrix_get (matrix, 1, 1), ==, SB_PRIORITY_CRITICAL);
  g_assert_cmpint (sb_priority_matrix_get (matrix, 2, 3), ==, SB_PRIORITY_LOW);
  g_assert_cmpint (sb_priority_matrix_get (matrix, 3, 3), ==, SB_PRIORITY_PLANNING);

  g_assert_true (sb_priority_matrix_set (matrix, 1, 2, SB_PRIORITY_CRITICAL, &error));
  g_assert_true (sb_priority_matrix_set (matrix, 3, 3, SB_PRIORITY_LOW, &error));
  g_assert_no_error (error);
  g_assert_true (sb_catalog_set_priority_matrix (f->book->store, matrix, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM book_setting WHERE id = 'priority-matrix'"), ==, 1);

  /* Kept in the book, through a reopen. */
  g_clear_object (&f->book->store);
  f->book->store = sb_store_open (f->book->path, SB_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  read = sb_catalog_get_priority_matrix (f->book->store);
  g_assert_true (sb_priority_matrix_equal (read, matrix));
  g_assert_cmpint (sb_priority_matrix_get (read, 1, 2), ==, SB_PRIORITY_CRITICAL);
  g_assert_cmpint (sb_priority_matrix_get (read, 3, 3), ==, SB_PRIORITY_LOW);
}

static void
test_sample_data (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GListModel) calendars = NULL;
  g_autoptr(GListModel) customers = NULL;
  g_autoptr(SbService) email = NULL;
  g_autoptr(SbService) network = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) categories = NULL;
  guint overdue = 0;
  guint pipeline = 0;
  guint retiring = 0;

  g_assert_cmpint (sb_store_count_records (f->book->store), ==, 0);
  g_assert_true (sb_sample_data_load (f->book->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_store_count_records (f->book->store), >, 0);

  services = sb_catalog_list_services (f->book->store, &error);
  g_assert_no_error (error);
  calendars = sb_catalog_list_calendars (f->book->store, &error);
  g_assert_no_error (error);
  customers = sb_catalog_list_customers (f->book->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (calendars), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (customers), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM service_target WHERE deleted = 0"), ==, 50);
  /* Everything went through the write path. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'service'"), ==, 10);

  email = sb_catalog_find_service (f->book->store, "EMAIL");
  network = sb_catalog_find_service (f->book->store, "NETWORK");
  g_assert_nonnull (email);
  g_assert_nonnull (network);
  g_assert_true (g_strv_contains (sb_service_get_depends_on_ids (email), sb_service_get_id (network)));
  g_assert_nonnull (sb_service_get_customer_names (email));
  g_assert_cmpstr (sb_service_get_calendar_name (email), ==, "Office hours");
  g_assert_cmpstr (sb_service_get_price_currency (email), ==, sb_store_get_base_currency (f->book->store));
  g_assert_cmpint (sb_service_get_response_target (email, 1), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (services, i);
      g_autoptr(GError) local_error = NULL;

      if (sb_service_is_review_overdue (service, NULL))
        overdue++;
      if (g_str_equal (sb_service_get_status (service), SB_SERVICE_STATUS_PIPELINE))
        pipeline++;
      if (g_str_equal (sb_service_get_status (service), SB_SERVICE_STATUS_RETIRING))
        retiring++;

      /* Every sample service passes the rules as it is. */
      g_assert_true (sb_catalog_validate_service (f->book->store, service, &local_error));
      g_assert_no_error (local_error);
    }
  g_assert_cmpuint (overdue, ==, 1);
  g_assert_cmpuint (pipeline, ==, 1);
  g_assert_cmpuint (retiring, ==, 1);

  categories = sb_catalog_list_categories (f->book->store);
  g_assert_cmpuint (g_strv_length (categories), >=, 5);

  for (guint i = 0; i < g_list_model_get_n_items (calendars); i++)
    {
      g_autoptr(SbCalendarItem) item = g_list_model_get_item (calendars, i);

      if (g_str_equal (sb_calendar_item_get_name (item), "Office hours"))
        g_assert_true (g_str_has_prefix (sb_calendar_item_get_summary (item),
                                         "Mon–Thu 09:00–13:00, 14:00–17:30; Fri 09:00–17:30, "));
      if (g_str_equal (sb_calendar_item_get_name (item), "Extended hours"))
        g_assert_true (g_str_has_prefix (sb_calendar_item_get_summary (item),
                                         "Mon–Fri 07:00–20:00; Sat 09:00–13:00, "));
    }
}

/* Listing the calendars of a new book adds the built-ins; they have fixed
 * ids (so devices converge on sync) and leave the book "empty". */
static void
test_builtin_calendars_leave_book_empty (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) calendars = sb_catalog_list_calendars (f->book->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (calendars), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SbCalendarItem) item = g_list_model_get_item (calendars, i);

      g_assert_true (g_str_has_prefix (sb_calendar_item_get_id (item), SB_STORE_BUILTIN_PREFIX));
    }
  g_assert_cmpint (sb_store_count_records (f->book->store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/catalog/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("service/round-trip", test_service_round_trip);
  ADD ("service/validation", test_service_validation);
  ADD ("service/cycle", test_service_cycle);
  ADD ("service/update", test_service_update);
  ADD ("service/links", test_service_links);
  ADD ("service/atomic", test_service_atomic);
  ADD ("service/delete", test_service_delete);
  ADD ("service/review-overdue", test_service_review_overdue);
  ADD ("service/properties", test_service_properties);
  ADD ("customers", test_customers);
  ADD ("calendars", test_calendars);
  ADD ("priority-matrix", test_priority_matrix);
  ADD ("sample-data", test_sample_data);

  ADD ("builtin-calendars", test_builtin_calendars_leave_book_empty);

#undef ADD

  return g_test_run ();
}

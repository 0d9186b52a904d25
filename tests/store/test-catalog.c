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
  char    *dir;
  char    *path;
  SbStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sb_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "book.sqlite", NULL);
  f->store = sb_store_open (f->path, SB_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sb_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  sqlite3_stmt *stmt = sb_store_prepare (f->store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

/* Everything written anywhere: records, journal and audit rows. */
static gint64
footprint (Fixture *f)
{
  return count (f, "SELECT (SELECT count(*) FROM service) + (SELECT count(*) FROM service_target)"
                   " + (SELECT count(*) FROM service_customer) + (SELECT count(*) FROM service_dependency)"
                   " + (SELECT count(*) FROM customer) + (SELECT count(*) FROM calendar)") * 1000000 +
         count (f, "SELECT count(*) FROM sb_journal") * 1000 +
         count (f, "SELECT count(*) FROM sb_audit");
}

static char *
add_customer (Fixture    *f,
              const char *name)
{
  g_autoptr(SbCustomer) customer = sb_customer_new ();
  g_autoptr(GError) error = NULL;

  sb_customer_set_name (customer, name);
  g_assert_true (sb_catalog_save_customer (f->store, customer, &error));
  g_assert_no_error (error);

  return g_strdup (sb_customer_get_id (customer));
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
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_catalog_save_service (f->store, service, &error));
  g_assert_no_error (error);

  return g_strdup (sb_service_get_id (service));
}

static char *
add_office_calendar (Fixture    *f,
                     const char *name)
{
  g_autoptr(SbCalendar) calendar = sb_calendar_new_office_hours ("Europe/Madrid");
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  sb_calendar_set_name (calendar, name);
  g_assert_true (sb_catalog_save_calendar (f->store, NULL, calendar, &id, &error));
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

  g_assert_true (sb_catalog_save_service (f->store, service, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sb_service_get_id (service));
  g_assert_cmpstr (sb_service_get_code (service), ==, "EMAIL");

  read = sb_catalog_get_service (f->store, sb_service_get_id (service), &error);
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

  list = sb_catalog_list_services (f->store, &error);
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

  found = sb_catalog_find_service (f->store, " email");
  g_assert_nonnull (found);
  g_assert_cmpstr (sb_service_get_id (found), ==, sb_service_get_id (service));
  g_assert_null (sb_catalog_find_service (f->store, "NOPE"));

  categories = sb_catalog_list_categories (f->store);
  g_assert_cmpuint (g_strv_length (categories), ==, 1);
  g_assert_cmpstr (categories[0], ==, "Communication");

  /* Saving what was read changes nothing: no record, journal or audit row. */
  {
    gint64 before = footprint (f);

    g_assert_true (sb_catalog_save_service (f->store, read, &error));
    g_assert_no_error (error);
    g_assert_cmpint (footprint (f), ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/catalog/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("service/round-trip", test_service_round_trip);

#undef ADD

  return g_test_run ();
}

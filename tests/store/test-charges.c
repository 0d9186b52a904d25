/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sb-budgets.h"
#include "sb-catalog.h"
#include "sb-charges.h"
#include "sb-costs.h"
#include "sb-incidents.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/*
 * Charging: the price of a service per customer, income and margin per
 * service, against an example computed by hand.
 *
 * Base currency EUR, amounts in cents; the financial year runs from April:
 * the period is April 2026 – March 2027 (index 0 = Apr … 9 = Jan 2027,
 * 11 = Mar 2027).
 *
 * WEB, price 50.00 a month, used by Acme, Globex and Initech:
 *   Acme: own charge 40.00 a month from 31 Jan 2026 to 30 Sep 2026:
 *         billed 30 Apr, 31 May, 30 Jun, 31 Jul, 31 Aug, 30 Sep
 *         (the 31st clamped) → 6 × 4,000 = 24,000; nothing after.
 *   Globex: own charge USD 100.00 a quarter from 15 May 2026, open; the
 *         last USD rate used is 0.9 → 9,000 in May, Aug, Nov, Feb = 36,000.
 *   Initech: no charge, the price: 5,000 every month = 60,000.
 *   Income 120,000: Apr 9,000; May 18,000; Jun, Jul 9,000; Aug 18,000;
 *         Sep 9,000; Oct 5,000; Nov 14,000; Dec, Jan 5,000; Feb 14,000;
 *         Mar 5,000.
 *   Costs: 10 Apr 2026 200.00; 1 Feb 2027 USD 50.00 at 0.9 → 45.00;
 *         total 24,500. Labour: 90 min at 60.00 an hour → 9,000.
 *   Margin 120,000 − 24,500 − 9,000 = 86,500.
 * MAIL, price 300.00 a quarter, used by Acme:
 *   Acme: the price, in the first month of each financial quarter: Apr,
 *         Jul, Oct, Jan → 4 × 30,000 = 120,000.
 *   Globex (not a user): a one-off charge 150.00 on 10 Mar 2027 → 15,000.
 *   Initech (not a user): 1,200.00 a year from 1 Jun 2025 until 31 Dec
 *         2027 → billed 1 Jun 2026 → 120,000.
 *   Income 255,000; costs 15 Sep 2026 300.00 (31 Mar 2026 and 1 Apr 2027
 *   are outside the period) → margin 225,000.
 * SHOP, price GBP 10.00 a month, used by Acme; no GBP rate is known, so
 *   one for one, estimated: 12 × 1,000 = 12,000; margin 12,000.
 * DOCS has no price and no costs: no row.
 */

/* 2026-06-15T12:00:00Z */
#define NOW_MS G_GINT64_CONSTANT (1781524800000)

typedef struct
{
  SbTestBook *book;
  char       *acme;
  char       *globex;
  char       *initech;
  char       *web;
  char       *mail;
  char       *shop;
  char       *acme_web;
  SbMonth     april;
} Fixture;

static SbStore *
store_of (Fixture *f)
{
  return f->book->store;
}

static GDate
date (const char *text)
{
  GDate d;

  g_assert_true (sb_date_parse (text, &d, NULL));

  return d;
}

static char *
add_service (Fixture            *f,
             const char         *code,
             gint64              price,
             const char         *currency,
             const char         *period,
             const char * const *customers)
{
  g_autoptr(SbService) service = sb_service_new ();

  sb_service_set_code (service, code);
  sb_service_set_name (service, code);
  if (price >= 0)
    {
      sb_service_set_price_amount (service, price);
      sb_service_set_price_currency (service, currency);
      sb_service_set_price_period (service, period);
    }
  sb_service_set_customer_ids (service, customers);

  return sb_test_save_service (store_of (f), service);
}

static char *
add_charge (Fixture    *f,
            const char *service,
            const char *customer,
            gint64      amount,
            const char *currency,
            const char *period,
            const char *start,
            const char *end)
{
  GDate first = date (start);
  g_autoptr(SbServiceCharge) charge = sb_service_charge_new (service, customer, amount,
                                                             currency, period, &first);
  g_autoptr(GError) error = NULL;

  if (end != NULL)
    charge->end = date (end);
  g_assert_true (sb_charges_save (store_of (f), charge, &error));
  g_assert_no_error (error);
  g_assert_nonnull (charge->id);

  return g_strdup (charge->id);
}

static void
add_cost (Fixture    *f,
          const char *day,
          gint64      amount,
          const char *currency,
          gint64      rate_micro,
          const char *service)
{
  g_autoptr(SbCostEntry) entry = sb_cost_entry_new ();
  g_autoptr(GError) error = NULL;

  sb_cost_entry_set_date (entry, day);
  sb_cost_entry_set_amount (entry, amount, currency);
  sb_cost_entry_set_rate_micro (entry, rate_micro);
  sb_cost_entry_set_category (entry, "cloud");
  sb_cost_entry_set_service_id (entry, service);
  g_assert_true (sb_costs_save (store_of (f), entry, &error));
  g_assert_no_error (error);
}

static void
add_labour (Fixture    *f,
            const char *service,
            const char *at,
            guint       minutes)
{
  g_autoptr(SbIncident) incident = sb_incident_new ();
  g_autoptr(GError) error = NULL;
  gint64 ms = 0;

  g_assert_true (sb_time_parse_instant (at, &ms, NULL));
  sb_incident_set_title (incident, "Slow pages");
  sb_incident_set_service_id (incident, service);
  sb_incident_set_opened_ms (incident, ms);
  g_assert_true (sb_incidents_create (store_of (f), incident, &error));
  g_assert_no_error (error);
  g_assert_true (sb_incidents_add_note (store_of (f), sb_incident_get_id (incident),
                                        "Worked on it", FALSE, minutes, ms, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *docs = NULL;
  g_autofree char *c1 = NULL;
  g_autofree char *c2 = NULL;
  g_autofree char *c3 = NULL;

  f->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (store_of (f), NOW_MS);
  g_assert_true (sb_store_set_base_currency (store_of (f), "EUR", &error));
  g_assert_no_error (error);
  g_assert_true (sb_budgets_set_fiscal_start_month (store_of (f), 4, &error));
  g_assert_no_error (error);
  g_assert_true (sb_budgets_set_hourly_rate (store_of (f), 6000, &error));
  g_assert_no_error (error);
  f->april = sb_month_from_ymd (2026, 4);

  f->acme = sb_test_add_customer (store_of (f), "Acme");
  f->globex = sb_test_add_customer (store_of (f), "Globex");
  f->initech = sb_test_add_customer (store_of (f), "Initech");

  {
    const char *web_users[] = { f->acme, f->globex, f->initech, NULL };
    const char *mail_users[] = { f->acme, NULL };

    f->web = add_service (f, "WEB", 5000, "EUR", "month", web_users);
    f->mail = add_service (f, "MAIL", 30000, "EUR", "quarter", mail_users);
    f->shop = add_service (f, "SHOP", 1000, "GBP", "month", mail_users);
    docs = add_service (f, "DOCS", -1, NULL, NULL, mail_users);
  }

  f->acme_web = add_charge (f, f->web, f->acme, 4000, "EUR", "month", "2026-01-31", "2026-09-30");
  c1 = add_charge (f, f->web, f->globex, 10000, "usd", "quarter", "2026-05-15", NULL);
  c2 = add_charge (f, f->mail, f->globex, 15000, "EUR", "one-off", "2027-03-10", NULL);
  c3 = add_charge (f, f->mail, f->initech, 120000, "EUR", "year", "2025-06-01", "2027-12-31");

  add_cost (f, "2026-04-10", 20000, "EUR", 1000000, f->web);
  add_cost (f, "2027-02-01", 5000, "USD", 900000, f->web);
  add_cost (f, "2026-03-31", 7000, "EUR", 1000000, f->mail);
  add_cost (f, "2026-09-15", 30000, "EUR", 1000000, f->mail);
  add_cost (f, "2027-04-01", 7000, "EUR", 1000000, f->mail);
  add_cost (f, "2026-05-01", 1000, "EUR", 1000000, NULL);
  add_labour (f, f->web, "2026-06-10T09:00:00Z", 90);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->acme);
  g_free (f->globex);
  g_free (f->initech);
  g_free (f->web);
  g_free (f->mail);
  g_free (f->shop);
  g_free (f->acme_web);
  g_clear_pointer (&f->book, sb_test_book_free);
}

static void
assert_income (Fixture      *f,
               const char   *service,
               const gint64 *expected,
               gboolean      estimated)
{
  g_autoptr(GError) error = NULL;
  gint64 months[12];
  gboolean is_estimated = !estimated;

  g_assert_true (sb_charges_income_per_month (store_of (f), service, f->april, 12,
                                              months, &is_estimated, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpint (months[i], ==, expected[i]);
  g_assert_cmpint (is_estimated, ==, estimated);
}

static void
test_income (Fixture       *f,
             gconstpointer  data)
{
  static const gint64 web[12] = { 9000, 18000, 9000, 9000, 18000, 9000,
                                  5000, 14000, 5000, 5000, 14000, 5000 };
  static const gint64 mail[12] = { 30000, 0, 120000, 30000, 0, 0,
                                   30000, 0, 0, 30000, 0, 15000 };
  gint64 all[12];

  assert_income (f, f->web, web, FALSE);
  assert_income (f, f->mail, mail, FALSE);

  /* Every service: SHOP's 1,000 every month, estimated */
  for (guint i = 0; i < 12; i++)
    all[i] = web[i] + mail[i] + 1000;
  assert_income (f, NULL, all, TRUE);
}

static void
test_margins (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) margins = sb_charges_list_margins (store_of (f), f->april, 12, &error);
  const SbServiceMargin *m;

  g_assert_no_error (error);
  g_assert_nonnull (margins);
  /* By code: MAIL, SHOP, WEB; DOCS has nothing */
  g_assert_cmpuint (margins->len, ==, 3);

  m = g_ptr_array_index (margins, 0);
  g_assert_cmpstr (m->service_code, ==, "MAIL");
  g_assert_cmpint (m->income, ==, 255000);
  g_assert_cmpint (m->costs, ==, 30000);
  g_assert_cmpint (m->labour, ==, 0);
  g_assert_cmpint (m->margin, ==, 225000);
  g_assert_false (m->estimated);

  m = g_ptr_array_index (margins, 1);
  g_assert_cmpstr (m->service_code, ==, "SHOP");
  g_assert_cmpint (m->income, ==, 12000);
  g_assert_cmpint (m->margin, ==, 12000);
  g_assert_true (m->estimated);

  m = g_ptr_array_index (margins, 2);
  g_assert_cmpstr (m->service_code, ==, "WEB");
  g_assert_cmpstr (m->service_id, ==, f->web);
  g_assert_cmpint (m->income, ==, 120000);
  g_assert_cmpint (m->costs, ==, 24500);
  g_assert_cmpint (m->labour, ==, 9000);
  g_assert_cmpint (m->margin, ==, 86500);
  g_assert_false (m->estimated);
}

static void
test_list_delete (Fixture       *f,
                  gconstpointer  data)
{
  static const gint64 web[12] = { 10000, 19000, 10000, 10000, 19000, 10000,
                                  10000, 19000, 10000, 10000, 19000, 10000 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charges = sb_charges_list (store_of (f), f->web, &error);
  g_autoptr(GPtrArray) after = NULL;
  const SbServiceCharge *c;

  g_assert_no_error (error);
  g_assert_cmpuint (charges->len, ==, 2);
  c = g_ptr_array_index (charges, 0);
  g_assert_cmpstr (c->id, ==, f->acme_web);
  g_assert_cmpstr (c->customer_name, ==, "Acme");
  g_assert_cmpstr (c->service_code, ==, "WEB");
  g_assert_cmpint (c->amount, ==, 4000);
  g_assert_cmpstr (c->period, ==, "month");
  g_assert_cmpint (g_date_get_day (&c->end), ==, 30);
  c = g_ptr_array_index (charges, 1);
  g_assert_cmpstr (c->customer_name, ==, "Globex");
  g_assert_cmpstr (c->currency, ==, "USD");
  g_assert_false (g_date_valid (&c->end));

  /* Without its own charge Acme pays the price, 5,000 every month:
   * 120,000 − 24,000 + 60,000 = 156,000 */
  g_assert_true (sb_charges_delete (store_of (f), f->acme_web, &error));
  g_assert_no_error (error);
  g_assert_true (sb_charges_delete (store_of (f), f->acme_web, &error));
  g_assert_no_error (error);
  assert_income (f, f->web, web, FALSE);

  after = sb_charges_list (store_of (f), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 3);

  g_assert_false (sb_charges_delete (store_of (f), "no-such-id", &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
}

static void
assert_refused (Fixture         *f,
                SbServiceCharge *charge,
                const char      *expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sb_charges_save (store_of (f), charge, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  GDate start = date ("2026-07-01");
  g_autoptr(SbServiceCharge) charge = sb_service_charge_new (f->mail, f->acme, 100, "EUR",
                                                             "month", &start);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;

  charge->amount = -1;
  assert_refused (f, charge, "negative");
  charge->amount = 100;

  g_strlcpy (charge->currency, "EU", sizeof charge->currency);
  assert_refused (f, charge, "currency");
  g_strlcpy (charge->currency, "EUR", sizeof charge->currency);

  g_free (charge->period);
  charge->period = g_strdup ("week");
  assert_refused (f, charge, "every month, quarter or year");
  g_free (charge->period);
  charge->period = g_strdup ("month");

  charge->end = date ("2026-06-30");
  assert_refused (f, charge, "ends before it starts");
  g_date_clear (&charge->end, 1);

  g_free (charge->service_id);
  charge->service_id = g_strdup ("no-such-service");
  assert_refused (f, charge, "service no longer exists");
  g_free (charge->service_id);
  charge->service_id = g_strdup (f->mail);

  g_free (charge->customer_id);
  charge->customer_id = NULL;
  assert_refused (f, charge, "customer");
  charge->customer_id = g_strdup (f->acme);

  /* Acme has no MAIL charge yet: saved; a second one is refused */
  g_assert_true (sb_charges_save (store_of (f), charge, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SbServiceCharge) twin = sb_service_charge_new (f->mail, f->acme, 200, "EUR",
                                                             "year", &start);

    assert_refused (f, twin, "already has a charge");
  }

  /* Editing the saved one is fine */
  charge->amount = 250;
  g_assert_true (sb_charges_save (store_of (f), charge, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_test_store_count (store_of (f),
                                        "SELECT COUNT (*) FROM service_charge "
                                        " WHERE customer_id = ? AND amount = 250 AND deleted = 0",
                                        f->acme), ==, 1);

  /* A deleted charge is not saved again under its id */
  g_assert_true (sb_charges_delete (store_of (f), charge->id, &error));
  g_assert_no_error (error);
  assert_refused (f, charge, "deleted meanwhile");
}

int
main (int    argc,
      char **argv)
{
  /* Labour months are taken in local time. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/charges/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("income", test_income);
  ADD ("margins", test_margins);
  ADD ("list-delete", test_list_delete);
  ADD ("validation", test_validation);

  return g_test_run ();
}

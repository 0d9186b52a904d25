/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sb-budget-figures.h"
#include "sb-budgets.h"
#include "sb-contracts.h"
#include "sb-costs.h"
#include "sb-incidents.h"
#include "sb-sample-data.h"
#include "sb-store-private.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/*
 * The derived figures of a budget on real books, against examples
 * computed by hand.
 *
 * The book (base currency EUR, amounts in cents):
 *
 * Financial year April 2026 – March 2027; today is 15 January 2027, so
 * the current month is January, index 9 (Apr 0, May 1, Jun 2, Jul 3,
 * Aug 4, Sep 5, Oct 6, Nov 7, Dec 8, Jan 9, Feb 10, Mar 11).
 *
 * Services WEB and MAIL. Suppliers Stratus Cloud, Mailhost, Brightwave.
 * Contract HOST-1 of Stratus: 100.00 a month from 1 April 2026, category
 * cloud, underpinning WEB alone; its charges of April to December are
 * confirmed (9 × 10,000, service WEB); January, February and March are
 * committed (3 × 10,000).
 *
 * Lines:
 *   L1 cloud, contract HOST-1:  12,000 every month      = 144,000
 *   L2 cloud, service MAIL:      5,000 every month      =  60,000
 *   L3 hardware:               200,000 in Jun, 50,000 in Feb = 250,000
 *
 * Cost entries:
 *   2026-03-31  cloud   7,000                 before the period: left out
 *   2026-05-10  cloud   USD 60.00 at 0.8 → 4,800, MAIL, Mailhost     → L2 May
 *   2026-06-20  hardware 180,000, WEB, Brightwave, invoice BW-881    → L3 Jun
 *   2026-07-02  hardware −10,000 (credit note), WEB, Brightwave      → L3 Jul
 *   2026-10-15  training 30,000                         → Unbudgeted training, Oct
 *   2026-11-03  cloud   5,500, MAIL, Mailhost                        → L2 Nov
 *   2026-12-05  cloud   2,000, MAIL, contract HOST-1: the contract's line
 *               is more specific than the service's                → L1 Dec
 *   2027-04-01  cloud   7,000                 after the period: left out
 *
 * Forecast = every actual + every committed + for January (the month is
 * not over) and the months after it (Feb, Mar) what is left of the plan
 * (never below zero).
 *
 * L1: actual 10,000 Apr–Nov, 12,000 Dec = 92,000; committed 30,000;
 *     planned to date (Apr–Jan) 10 × 12,000 = 120,000; actual to date 92,000;
 *     forecast 92,000 + 30,000 + (12,000 − 10,000) × 3 = 128,000;
 *     variance 128,000 − 144,000 = −16,000 = −11.1111 % → −1111 bp.
 * L2: actual 4,800 + 5,500 = 10,300; planned to date 50,000;
 *     forecast 10,300 + 5,000 × 3 = 25,300; variance −34,700;
 *     −34,700 / 60,000 = −57.8333 % → −5783 bp.
 * L3: actual 180,000 − 10,000 = 170,000; planned to date 200,000;
 *     forecast 170,000 + 0 (Jan) + 50,000 (Feb) + 0 (Mar) = 220,000;
 *     variance −30,000; −30,000 / 250,000 = −12.00 % → −1200 bp.
 * Unbudgeted training: actual 30,000; forecast 30,000; variance 30,000,
 *     no percent (nothing planned).
 * Total: planned 454,000; actual 302,300; committed 30,000; planned to
 *     date 370,000; actual to date 302,300; forecast 128,000 + 25,300 +
 *     220,000 + 30,000 = 403,300; variance −50,700;
 *     −50,700 / 454,000 = −11.1674 % → −1117 bp.
 */

/* 2027-01-15T12:00:00Z */
#define NOW_MS G_GINT64_CONSTANT (1800014400000)

typedef struct
{
  SbTestBook *book;
  char       *web;
  char       *mail;
  char       *stratus;
  char       *mailhost;
  char       *brightwave;
  char       *contract;
  char       *budget;
  char       *lines[3];
  char       *hardware_entry;
  char       *usd_entry;
  char       *december_entry;
  char       *december_charge;
  GDate       today;
} Fixture;

static GDate
date (const char *text)
{
  GDate d;

  g_assert_true (sb_date_parse (text, &d, NULL));

  return d;
}

static char *
apply (SbStore  *store,
       SbChange *change)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_store_apply (store, change, &error));
  g_assert_no_error (error);

  return g_strdup (sb_change_get_id (change));
}

static char *
add_supplier (SbStore    *store,
              const char *name)
{
  g_autoptr(SbChange) change = sb_change_insert ("supplier");

  sb_change_set_string (change, "name", name);

  return apply (store, change);
}

static char *
add_service (SbStore    *store,
             const char *code)
{
  g_autoptr(SbService) service = sb_service_new ();

  sb_service_set_code (service, code);
  sb_service_set_name (service, code);

  return sb_test_save_service (store, service);
}

static char *
add_line (Fixture       *f,
          const char    *category,
          const char    *service_id,
          const char    *contract_id,
          int            position,
          const gint64   planned[12])
{
  g_autoptr(SbChange) change = sb_change_insert ("budget_line");
  char *id;

  sb_change_set_string (change, "budget_id", f->budget);
  sb_change_set_string (change, "category", category);
  sb_change_set_string (change, "service_id", service_id);
  sb_change_set_string (change, "contract_id", contract_id);
  sb_change_set_int (change, "position", position);
  id = apply (f->book->store, change);

  for (int m = 0; m < 12; m++)
    {
      g_autoptr(SbChange) plan = NULL;
      g_autofree char *month = NULL;
      g_autofree char *plan_id = NULL;

      if (planned[m] == 0)
        continue;

      month = sb_month_format (sb_month_from_ymd (2026, 4) + m);
      plan = sb_change_insert ("budget_plan");
      sb_change_set_string (plan, "line_id", id);
      sb_change_set_string (plan, "month", month);
      sb_change_set_int (plan, "amount", planned[m]);
      plan_id = apply (f->book->store, plan);
    }

  return id;
}

static char *
add_cost (Fixture    *f,
          const char *day,
          gint64      amount,
          const char *currency,
          gint64      rate_micro,
          const char *category,
          const char *service_id,
          const char *supplier_id,
          const char *contract_id,
          const char *invoice_ref)
{
  g_autoptr(SbCostEntry) entry = sb_cost_entry_new ();
  g_autoptr(GError) error = NULL;

  sb_cost_entry_set_date (entry, day);
  sb_cost_entry_set_amount (entry, amount, currency);
  sb_cost_entry_set_rate_micro (entry, rate_micro);
  sb_cost_entry_set_category (entry, category);
  sb_cost_entry_set_service_id (entry, service_id);
  sb_cost_entry_set_supplier_id (entry, supplier_id);
  sb_cost_entry_set_contract_id (entry, contract_id);
  sb_cost_entry_set_invoice_ref (entry, invoice_ref);
  sb_cost_entry_set_description (entry, "Test cost");
  g_assert_true (sb_costs_save (f->book->store, entry, &error));
  g_assert_no_error (error);

  return g_strdup (sb_cost_entry_get_id (entry));
}

static void
add_contract (Fixture *f)
{
  g_autoptr(SbContract) contract = sb_contract_new (f->stratus);
  g_autoptr(GError) error = NULL;
  const char *services[] = { f->web, NULL };
  SbContractTerms terms;

  sb_contract_terms_init (&terms);
  terms.start = date ("2026-04-01");
  terms.initial_months = 12;
  terms.renewal = SB_RENEWAL_AUTOMATIC;
  terms.renewal_months = 12;

  sb_contract_set_reference (contract, "HOST-1");
  sb_contract_set_title (contract, "Cloud servers");
  sb_contract_set_terms (contract, &terms);
  sb_contract_set_cancellation_method (contract, "Email");
  sb_contract_set_cost (contract, 10000, "EUR");
  sb_contract_set_billing_period (contract, SB_BILLING_MONTHLY);
  sb_contract_set_cost_category (contract, "cloud");
  sb_contract_set_service_ids (contract, services);
  g_assert_true (sb_contracts_save (f->book->store, contract, &error));
  g_assert_no_error (error);
  f->contract = g_strdup (sb_contract_get_id (contract));

  /* April to December confirmed */
  for (int m = 0; m < 9; m++)
    {
      g_autofree char *ref = g_strdup_printf ("SC-%02d", m);
      g_autofree char *id = NULL;
      GDate billed;

      sb_month_get_first_day (sb_month_from_ymd (2026, 4) + m, &billed);
      g_assert_true (sb_costs_confirm_committed (f->book->store, f->contract, &billed, 0, ref,
                                                 &id, &error));
      g_assert_no_error (error);
      if (m == 8)
        f->december_charge = g_steal_pointer (&id);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  SbStore *store;
  g_autoptr(SbChange) budget = sb_change_insert ("budget");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *credit = NULL;
  g_autofree char *training = NULL;
  g_autofree char *november = NULL;
  const gint64 l1[12] = { 12000, 12000, 12000, 12000, 12000, 12000,
                          12000, 12000, 12000, 12000, 12000, 12000 };
  const gint64 l2[12] = { 5000, 5000, 5000, 5000, 5000, 5000,
                          5000, 5000, 5000, 5000, 5000, 5000 };
  const gint64 l3[12] = { 0, 0, 200000, 0, 0, 0, 0, 0, 0, 0, 50000, 0 };

  f->book = sb_test_book_new ();
  store = f->book->store;
  sb_test_store_set_fixed_clock (store, NOW_MS);
  g_assert_true (sb_store_set_base_currency (store, "EUR", &error));
  g_assert_no_error (error);
  f->today = date ("2027-01-15");

  f->web = add_service (store, "WEB");
  f->mail = add_service (store, "MAIL");
  f->stratus = add_supplier (store, "Stratus Cloud");
  f->mailhost = add_supplier (store, "Mailhost");
  f->brightwave = add_supplier (store, "Brightwave");
  add_contract (f);

  sb_change_set_string (budget, "name", "FY 2026/27");
  sb_change_set_string (budget, "start_month", "2026-04");
  sb_change_set_int (budget, "n_months", 12);
  sb_change_set_string (budget, "currency", "EUR");
  sb_change_set_string (budget, "status", "approved");
  sb_change_set_string (budget, "approved_on", "2026-03-20");
  f->budget = apply (store, budget);

  f->lines[0] = add_line (f, "cloud", NULL, f->contract, 0, l1);
  f->lines[1] = add_line (f, "cloud", f->mail, NULL, 1, l2);
  f->lines[2] = add_line (f, "hardware", NULL, NULL, 2, l3);

  before = add_cost (f, "2026-03-31", 7000, "EUR", 1000000, "cloud", NULL, NULL, NULL, NULL);
  f->usd_entry = add_cost (f, "2026-05-10", 6000, "USD", 800000, "cloud", f->mail, f->mailhost, NULL, NULL);
  f->hardware_entry = add_cost (f, "2026-06-20", 180000, "EUR", 1000000, "hardware", f->web,
                                f->brightwave, NULL, "BW-881");
  credit = add_cost (f, "2026-07-02", -10000, "EUR", 1000000, "hardware", f->web, f->brightwave,
                     NULL, "BW-881-C");
  training = add_cost (f, "2026-10-15", 30000, "EUR", 1000000, "training", NULL, NULL, NULL, NULL);
  november = add_cost (f, "2026-11-03", 5500, "EUR", 1000000, "cloud", f->mail, f->mailhost, NULL, NULL);
  f->december_entry = add_cost (f, "2026-12-05", 2000, "EUR", 1000000, "cloud", f->mail, NULL,
                                f->contract, NULL);
  after = add_cost (f, "2027-04-01", 7000, "EUR", 1000000, "cloud", NULL, NULL, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->web);
  g_free (f->mail);
  g_free (f->stratus);
  g_free (f->mailhost);
  g_free (f->brightwave);
  g_free (f->contract);
  g_free (f->budget);
  for (guint i = 0; i < G_N_ELEMENTS (f->lines); i++)
    g_free (f->lines[i]);
  g_free (f->hardware_entry);
  g_free (f->usd_entry);
  g_free (f->december_entry);
  g_free (f->december_charge);
  g_clear_pointer (&f->book, sb_test_book_free);
}

static SbBudgetFigures *
compute (Fixture           *f,
         SbFiguresGrouping  grouping)
{
  g_autoptr(GError) error = NULL;
  SbBudgetFigures *figures;

  figures = sb_budget_figures_compute (f->book->store, f->budget, &f->today, grouping, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures);

  return figures;
}

static void
assert_row (const SbFiguresRow *row,
            gint64              planned_total,
            gint64              actual_total,
            gint64              committed_total,
            gint64              planned_to_date,
            gint64              actual_to_date,
            gint64              forecast,
            gint64              variance,
            gboolean            variance_defined,
            int                 variance_bp)
{
  g_assert_cmpint (row->planned_total, ==, planned_total);
  g_assert_cmpint (row->actual_total, ==, actual_total);
  g_assert_cmpint (row->committed_total, ==, committed_total);
  g_assert_cmpint (row->planned_to_date, ==, planned_to_date);
  g_assert_cmpint (row->actual_to_date, ==, actual_to_date);
  g_assert_cmpint (row->forecast, ==, forecast);
  g_assert_cmpint (row->variance, ==, variance);
  g_assert_cmpint (row->variance_defined, ==, variance_defined);
  g_assert_cmpint (row->variance_bp, ==, variance_bp);
}

static void
test_by_line (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SbBudgetFigures) figures = compute (f, SB_FIGURES_BY_LINE);
  const SbFiguresRow *row;

  g_assert_cmpint (sb_budget_figures_get_start (figures), ==, sb_month_from_ymd (2026, 4));
  g_assert_cmpuint (sb_budget_figures_get_n_months (figures), ==, 12);
  g_assert_cmpint (sb_budget_figures_get_current (figures), ==, 9);
  g_assert_cmpstr (sb_budget_figures_get_currency (figures), ==, "EUR");
  g_assert_cmpuint (sb_budget_figures_get_n_rows (figures), ==, 4);

  /* L1: the contract's charges and the December cost of its contract */
  row = sb_budget_figures_get_row (figures, 0);
  g_assert_cmpstr (row->key, ==, f->lines[0]);
  g_assert_cmpstr (row->category, ==, "cloud");
  g_assert_false (row->unbudgeted);
  g_assert_nonnull (strstr (row->label, "HOST-1"));
  g_assert_nonnull (strstr (row->label, sb_cost_category_get_label ("cloud")));
  for (int m = 0; m < 8; m++)
    g_assert_cmpint (row->actual[m], ==, 10000);
  g_assert_cmpint (row->actual[8], ==, 12000);
  for (int m = 0; m < 9; m++)
    g_assert_cmpint (row->committed[m], ==, 0);
  for (int m = 9; m < 12; m++)
    {
      g_assert_cmpint (row->actual[m], ==, 0);
      g_assert_cmpint (row->committed[m], ==, 10000);
    }
  g_assert_cmpint (row->planned[11], ==, 12000);
  assert_row (row, 144000, 92000, 30000, 120000, 92000, 128000, -16000, TRUE, -1111);
  g_assert_cmpuint (row->sources, ==, SB_FIGURE_FROM_CONTRACT | SB_FIGURE_FROM_ENTRY |
                                        SB_FIGURE_FROM_COMMITTED);

  /* L2: the dollar cost by its base amount */
  row = sb_budget_figures_get_row (figures, 1);
  g_assert_cmpstr (row->key, ==, f->lines[1]);
  g_assert_nonnull (strstr (row->label, "MAIL"));
  g_assert_cmpint (row->actual[1], ==, 4800);
  g_assert_cmpint (row->actual[7], ==, 5500);
  assert_row (row, 60000, 10300, 0, 50000, 10300, 25300, -34700, TRUE, -5783);
  g_assert_cmpuint (row->sources, ==, SB_FIGURE_FROM_ENTRY);

  /* L3: the invoice and its credit note */
  row = sb_budget_figures_get_row (figures, 2);
  g_assert_cmpstr (row->key, ==, f->lines[2]);
  g_assert_cmpstr (row->category, ==, "hardware");
  g_assert_cmpint (row->actual[2], ==, 180000);
  g_assert_cmpint (row->actual[3], ==, -10000);
  g_assert_cmpint (row->planned[10], ==, 50000);
  assert_row (row, 250000, 170000, 0, 200000, 170000, 220000, -30000, TRUE, -1200);

  /* The training course matches no line */
  row = sb_budget_figures_get_row (figures, 3);
  g_assert_true (row->unbudgeted);
  g_assert_cmpstr (row->category, ==, "training");
  g_assert_nonnull (strstr (row->label, sb_cost_category_get_label ("training")));
  g_assert_cmpint (row->actual[6], ==, 30000);
  assert_row (row, 0, 30000, 0, 0, 30000, 30000, 30000, FALSE, 0);

  row = sb_budget_figures_get_total (figures);
  assert_row (row, 454000, 302300, 30000, 370000, 302300, 403300, -50700, TRUE, -1117);
  /* May: the contract's 10,000 and the dollar cost; June: 10,000 and the invoice */
  g_assert_cmpint (row->actual[1], ==, 14800);
  g_assert_cmpint (row->actual[2], ==, 190000);
  g_assert_cmpint (row->committed[9], ==, 10000);
  g_assert_cmpint (row->planned[10], ==, 17000 + 50000);
  g_assert_null (row->category);
}

/* Every grouping sums the same costs: the same total. */
static void
test_groupings (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SbBudgetFigures) by_line = compute (f, SB_FIGURES_BY_LINE);
  g_autoptr(SbBudgetFigures) by_category = compute (f, SB_FIGURES_BY_CATEGORY);
  g_autoptr(SbBudgetFigures) by_service = compute (f, SB_FIGURES_BY_SERVICE);
  g_autoptr(SbBudgetFigures) by_supplier = compute (f, SB_FIGURES_BY_SUPPLIER);
  SbBudgetFigures *all[] = { by_line, by_category, by_service, by_supplier };
  const SbFiguresRow *row;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      const SbFiguresRow *total = sb_budget_figures_get_total (all[i]);
      gint64 planned = 0, actual = 0, committed = 0;

      assert_row (total, 454000, 302300, 30000, 370000, 302300, 403300, -50700, TRUE, -1117);
      for (guint r = 0; r < sb_budget_figures_get_n_rows (all[i]); r++)
        {
          row = sb_budget_figures_get_row (all[i], r);
          planned += row->planned_total;
          actual += row->actual_total;
          committed += row->committed_total;
        }
      g_assert_cmpint (planned, ==, 454000);
      g_assert_cmpint (actual, ==, 302300);
      g_assert_cmpint (committed, ==, 30000);
    }

  /* By category, in the order of the categories: hardware, cloud, training.
   * Cloud: forecast 102,300 + 30,000 + (17,000 − 10,000) × 3 = 153,300. */
  g_assert_cmpuint (sb_budget_figures_get_n_rows (by_category), ==, 3);
  row = sb_budget_figures_get_row (by_category, 0);
  g_assert_cmpstr (row->key, ==, "hardware");
  assert_row (row, 250000, 170000, 0, 200000, 170000, 220000, -30000, TRUE, -1200);
  row = sb_budget_figures_get_row (by_category, 1);
  g_assert_cmpstr (row->key, ==, "cloud");
  g_assert_cmpstr (row->label, ==, sb_cost_category_get_label ("cloud"));
  /* −50,700 / 204,000 = −24.8529 % */
  assert_row (row, 204000, 102300, 30000, 170000, 102300, 153300, -50700, TRUE, -2485);
  row = sb_budget_figures_get_row (by_category, 2);
  g_assert_cmpstr (row->key, ==, "training");
  g_assert_false (row->unbudgeted);
  assert_row (row, 0, 30000, 0, 0, 30000, 30000, 30000, FALSE, 0);

  /* By service (MAIL, WEB by code, then none):
   * MAIL: planned 60,000 (L2); actual 4,800 + 5,500 + 2,000 = 12,300;
   *   forecast 12,300 + 5,000 × 3 = 27,300; −32,700 / 60,000 → −5450 bp.
   * WEB: the contract's charges 90,000, committed 30,000, the hardware
   *   170,000: actual 260,000, nothing planned; forecast 290,000.
   * None: planned 144,000 + 250,000 = 394,000, the training 30,000. */
  g_assert_cmpuint (sb_budget_figures_get_n_rows (by_service), ==, 3);
  row = sb_budget_figures_get_row (by_service, 0);
  g_assert_cmpstr (row->key, ==, f->mail);
  g_assert_cmpstr (row->label, ==, "MAIL");
  g_assert_cmpstr (row->category, ==, "cloud");
  assert_row (row, 60000, 12300, 0, 50000, 12300, 27300, -32700, TRUE, -5450);
  row = sb_budget_figures_get_row (by_service, 1);
  g_assert_cmpstr (row->key, ==, f->web);
  g_assert_null (row->category);   /* cloud and hardware */
  assert_row (row, 0, 260000, 30000, 0, 260000, 290000, 290000, FALSE, 0);
  row = sb_budget_figures_get_row (by_service, 2);
  g_assert_cmpstr (row->key, ==, "");
  g_assert_cmpint (row->planned_total, ==, 394000);
  g_assert_cmpint (row->actual_total, ==, 30000);

  /* By supplier (Brightwave, Mailhost, Stratus Cloud, then none):
   * Stratus: its contract's line 144,000; actual 92,000 (the December cost
   * names the contract, so the supplier too); committed 30,000. */
  g_assert_cmpuint (sb_budget_figures_get_n_rows (by_supplier), ==, 4);
  row = sb_budget_figures_get_row (by_supplier, 0);
  g_assert_cmpstr (row->label, ==, "Brightwave");
  g_assert_cmpint (row->actual_total, ==, 170000);
  row = sb_budget_figures_get_row (by_supplier, 1);
  g_assert_cmpstr (row->label, ==, "Mailhost");
  g_assert_cmpint (row->actual_total, ==, 10300);
  row = sb_budget_figures_get_row (by_supplier, 2);
  g_assert_cmpstr (row->key, ==, f->stratus);
  assert_row (row, 144000, 92000, 30000, 120000, 92000, 128000, -16000, TRUE, -1111);
  row = sb_budget_figures_get_row (by_supplier, 3);
  g_assert_cmpstr (row->key, ==, "");
  g_assert_cmpint (row->planned_total, ==, 310000);
  g_assert_cmpint (row->actual_total, ==, 30000);
}

static void
test_explain (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SbBudgetFigures) figures = compute (f, SB_FIGURES_BY_LINE);
  g_autoptr(GPtrArray) december = sb_budget_figures_explain (figures, 0, 8);
  g_autoptr(GPtrArray) january = sb_budget_figures_explain (figures, 0, 9);
  g_autoptr(GPtrArray) may = sb_budget_figures_explain (figures, 1, 1);
  g_autoptr(GPtrArray) june = sb_budget_figures_explain (figures, 2, 2);
  g_autoptr(GPtrArray) august = sb_budget_figures_explain (figures, 2, 4);
  g_autoptr(GPtrArray) total = sb_budget_figures_explain (figures, 4, 9);
  SbFigureDetail *d;
  GDate expected;

  /* L1 in December: the confirmed charge of the 1st, then the cost of the 5th */
  g_assert_cmpuint (december->len, ==, 2);
  d = g_ptr_array_index (december, 0);
  expected = date ("2026-12-01");
  g_assert_cmpint (g_date_compare (&d->date, &expected), ==, 0);
  g_assert_cmpint (d->source, ==, SB_FIGURE_FROM_CONTRACT);
  g_assert_cmpint (d->amount, ==, 10000);
  g_assert_cmpstr (d->record_id, ==, f->december_charge);
  g_assert_nonnull (strstr (d->description, "SC-08"));
  g_assert_nonnull (strstr (d->description, "Stratus Cloud"));
  d = g_ptr_array_index (december, 1);
  g_assert_cmpint (d->source, ==, SB_FIGURE_FROM_ENTRY);
  g_assert_cmpint (d->amount, ==, 2000);
  g_assert_cmpstr (d->record_id, ==, f->december_entry);

  /* L1 in January: the charge still to confirm, named by its contract */
  g_assert_cmpuint (january->len, ==, 1);
  d = g_ptr_array_index (january, 0);
  g_assert_cmpint (d->source, ==, SB_FIGURE_FROM_COMMITTED);
  g_assert_cmpint (d->amount, ==, 10000);
  g_assert_cmpstr (d->record_id, ==, f->contract);
  g_assert_nonnull (strstr (d->description, "HOST-1"));

  /* L2 in May: the dollar cost in euros */
  g_assert_cmpuint (may->len, ==, 1);
  d = g_ptr_array_index (may, 0);
  g_assert_cmpint (d->amount, ==, 4800);
  g_assert_cmpstr (d->record_id, ==, f->usd_entry);

  g_assert_cmpuint (june->len, ==, 1);
  d = g_ptr_array_index (june, 0);
  g_assert_cmpstr (d->record_id, ==, f->hardware_entry);
  g_assert_nonnull (strstr (d->description, "BW-881"));
  g_assert_nonnull (strstr (d->description, "Brightwave"));
  g_assert_cmpuint (august->len, ==, 0);

  /* The total's January: the same one charge */
  g_assert_cmpuint (total->len, ==, 1);
}

/* Before the period nothing is to date; after it everything is. */
static void
test_current_month (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBudgetFigures) before = NULL;
  g_autoptr(SbBudgetFigures) after = NULL;
  GDate day = date ("2026-03-31");
  const SbFiguresRow *total;

  before = sb_budget_figures_compute (f->book->store, f->budget, &day, SB_FIGURES_BY_LINE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_budget_figures_get_current (before), ==, -1);
  total = sb_budget_figures_get_total (before);
  g_assert_cmpint (total->planned_to_date, ==, 0);
  g_assert_cmpint (total->actual_to_date, ==, 0);

  day = date ("2027-04-01");
  after = sb_budget_figures_compute (f->book->store, f->budget, &day, SB_FIGURES_BY_LINE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_budget_figures_get_current (after), ==, 12);
  total = sb_budget_figures_get_total (after);
  g_assert_cmpint (total->planned_to_date, ==, 454000);
  g_assert_cmpint (total->actual_to_date, ==, 302300);
  /* Nothing of the plan is left to come: actual + committed */
  g_assert_cmpint (total->forecast, ==, 332300);
}

/* Labour at 60.00 an hour: 90 minutes on a WEB incident on 14 October
 * (month 6) = 9,000; 45 minutes on one without a service on 10 December
 * (month 8) = 4,500. Without a labour line both are unbudgeted; with a
 * line for labour of 5,000 a month they go to it: planned 60,000, actual
 * 13,500, forecast 13,500 + 5,000 × 3 (January to March) = 28,500,
 * variance −31,500, −52.5 % → −5250 bp. */
static void
test_labour (Fixture       *f,
             gconstpointer  data)
{
  SbStore *store = f->book->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbIncident) web = sb_incident_new ();
  g_autoptr(SbIncident) other = sb_incident_new ();
  g_autoptr(SbBudgetFigures) before = NULL;
  g_autoptr(SbBudgetFigures) by_line = NULL;
  g_autoptr(SbBudgetFigures) by_service = NULL;
  g_autoptr(GPtrArray) october = NULL;
  g_autofree char *line = NULL;
  const SbFiguresRow *row;
  SbFigureDetail *d;
  const gint64 plan[12] = { 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000 };
  gint64 at;

  sb_incident_set_title (web, "Site slow");
  sb_incident_set_service_id (web, f->web);
  g_assert_true (sb_time_parse_instant ("2026-10-01T08:00:00Z", &at, NULL));
  sb_incident_set_opened_ms (web, at);
  g_assert_true (sb_incidents_create (store, web, &error));
  sb_incident_set_title (other, "Printer jam");
  sb_incident_set_opened_ms (other, at);
  g_assert_true (sb_incidents_create (store, other, &error));
  g_assert_no_error (error);
  g_assert_true (sb_time_parse_instant ("2026-10-14T12:00:00Z", &at, NULL));
  g_assert_true (sb_incidents_add_note (store, sb_incident_get_id (web), "Tuned the cache", FALSE,
                                        90, at, &error));
  g_assert_true (sb_time_parse_instant ("2026-12-10T12:00:00Z", &at, NULL));
  g_assert_true (sb_incidents_add_note (store, sb_incident_get_id (other), "Cleared it", FALSE,
                                        45, at, &error));
  g_assert_no_error (error);

  /* No hourly rate: no labour */
  before = compute (f, SB_FIGURES_BY_LINE);
  g_assert_cmpint (sb_budget_figures_get_total (before)->actual_total, ==, 302300);

  g_assert_true (sb_budgets_set_hourly_rate (store, 6000, &error));
  g_assert_no_error (error);
  g_clear_pointer (&before, sb_budget_figures_free);
  before = compute (f, SB_FIGURES_BY_LINE);
  g_assert_cmpuint (sb_budget_figures_get_n_rows (before), ==, 5);
  /* Unbudgeted rows in the order of the categories: labour, then training */
  row = sb_budget_figures_get_row (before, 3);
  g_assert_true (row->unbudgeted);
  g_assert_cmpstr (row->category, ==, "labour");
  g_assert_cmpint (row->actual[6], ==, 9000);
  g_assert_cmpint (row->actual[8], ==, 4500);
  g_assert_cmpuint (row->sources, ==, SB_FIGURE_FROM_LABOUR);
  g_assert_cmpint (sb_budget_figures_get_total (before)->actual_total, ==, 302300 + 13500);

  october = sb_budget_figures_explain (before, 3, 6);
  g_assert_cmpuint (october->len, ==, 1);
  d = g_ptr_array_index (october, 0);
  g_assert_cmpint (d->source, ==, SB_FIGURE_FROM_LABOUR);
  g_assert_cmpint (d->amount, ==, 9000);
  g_assert_null (d->record_id);
  g_assert_nonnull (strstr (d->description, "WEB"));

  line = add_line (f, "labour", NULL, NULL, 3, plan);
  by_line = compute (f, SB_FIGURES_BY_LINE);
  g_assert_cmpuint (sb_budget_figures_get_n_rows (by_line), ==, 5);
  row = sb_budget_figures_get_row (by_line, 3);
  g_assert_cmpstr (row->key, ==, line);
  g_assert_false (row->unbudgeted);
  assert_row (row, 60000, 13500, 0, 50000, 13500, 28500, -31500, TRUE, -5250);

  /* By service, WEB has its labour too: 260,000 + 9,000 */
  by_service = compute (f, SB_FIGURES_BY_SERVICE);
  row = sb_budget_figures_get_row (by_service, 1);
  g_assert_cmpstr (row->key, ==, f->web);
  g_assert_cmpint (row->actual_total, ==, 269000);
  g_assert_cmpuint (row->sources & SB_FIGURE_FROM_LABOUR, !=, 0);
}

static void
test_unknown_budget (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBudgetFigures) figures = NULL;

  figures = sb_budget_figures_compute (f->book->store, "no-such-budget", &f->today,
                                       SB_FIGURES_BY_LINE, &error);
  g_assert_null (figures);
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
}

/* The sample book: the current financial year from the book's start
 * month, rows that add up to the total, lines over plan, labour. */
static void
test_sample (void)
{
  g_autoptr(SbTestBook) book = sb_test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(SbBudgetFigures) figures = NULL;
  g_autoptr(SbBudgetFigures) by_category = NULL;
  const SbFiguresRow *total;
  GDate today = date ("2027-01-15");
  gint64 planned = 0, actual = 0, committed = 0, forecast = 0;
  guint over = 0, under = 0, unbudgeted = 0;
  gboolean labour = FALSE;

  sb_test_store_set_fixed_clock (book->store, NOW_MS);
  g_assert_true (sb_store_set_base_currency (book->store, "EUR", &error));
  g_assert_true (sb_budgets_set_fiscal_start_month (book->store, 4, &error));
  g_assert_no_error (error);
  g_assert_true (sb_sample_data_load (book->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_budgets_get_hourly_rate (book->store), >, 0);

  budget = sb_budgets_find_current (book->store, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (budget);
  g_assert_cmpstr (sb_budget_get_status (budget), ==, "approved");
  g_assert_cmpint (sb_budget_get_start (budget), ==, sb_month_from_ymd (2026, 4));

  figures = sb_budget_figures_compute (book->store, sb_budget_get_id (budget), &today,
                                       SB_FIGURES_BY_LINE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_budget_figures_get_current (figures), ==, 9);
  g_assert_cmpuint (sb_budget_figures_get_n_rows (figures), >=, 14);
  total = sb_budget_figures_get_total (figures);

  for (guint m = 0; m < 12; m++)
    {
      gint64 p = 0, a = 0, c = 0;

      for (guint r = 0; r < sb_budget_figures_get_n_rows (figures); r++)
        {
          const SbFiguresRow *row = sb_budget_figures_get_row (figures, r);

          p += row->planned[m];
          a += row->actual[m];
          c += row->committed[m];
        }
      g_assert_cmpint (p, ==, total->planned[m]);
      g_assert_cmpint (a, ==, total->actual[m]);
      g_assert_cmpint (c, ==, total->committed[m]);
    }

  for (guint r = 0; r < sb_budget_figures_get_n_rows (figures); r++)
    {
      const SbFiguresRow *row = sb_budget_figures_get_row (figures, r);

      planned += row->planned_total;
      actual += row->actual_total;
      committed += row->committed_total;
      forecast += row->forecast;
      if (row->unbudgeted)
        unbudgeted++;
      else if (row->variance > 0)
        over++;
      else if (row->variance < 0)
        under++;
      if ((row->sources & SB_FIGURE_FROM_LABOUR) != 0 && row->actual_total > 0)
        labour = TRUE;
      /* The lines come first, in the budget's order */
      g_assert_true (row->unbudgeted == (r >= 14));
    }

  g_assert_cmpint (planned, ==, total->planned_total);
  g_assert_cmpint (actual, ==, total->actual_total);
  g_assert_cmpint (committed, ==, total->committed_total);
  g_assert_cmpint (forecast, ==, total->forecast);
  g_assert_cmpint (total->variance, ==, total->forecast - total->planned_total);
  g_assert_cmpint (total->planned_total, >, 0);
  g_assert_cmpint (total->actual_to_date, >, 0);
  g_assert_cmpint (total->committed_total, >, 0);
  g_assert_cmpuint (over, >=, 1);
  g_assert_cmpuint (under, >=, 1);
  g_assert_cmpuint (unbudgeted, >=, 1);
  g_assert_true (labour);
  g_assert_cmpuint (total->sources & (SB_FIGURE_FROM_ENTRY | SB_FIGURE_FROM_CONTRACT |
                                      SB_FIGURE_FROM_COMMITTED | SB_FIGURE_FROM_LABOUR),
                    ==, SB_FIGURE_FROM_ENTRY | SB_FIGURE_FROM_CONTRACT |
                        SB_FIGURE_FROM_COMMITTED | SB_FIGURE_FROM_LABOUR);

  by_category = sb_budget_figures_compute (book->store, sb_budget_get_id (budget), &today,
                                           SB_FIGURES_BY_CATEGORY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_budget_figures_get_total (by_category)->actual_total, ==, total->actual_total);
  g_assert_cmpint (sb_budget_figures_get_total (by_category)->forecast, ==, total->forecast);

  if (g_test_verbose ())
    {
      for (guint r = 0; r < sb_budget_figures_get_n_rows (figures); r++)
        {
          const SbFiguresRow *row = sb_budget_figures_get_row (figures, r);

          g_test_message ("%-55s plan %9" G_GINT64_FORMAT " actual %9" G_GINT64_FORMAT
                          " committed %8" G_GINT64_FORMAT " forecast %9" G_GINT64_FORMAT
                          " variance %8" G_GINT64_FORMAT " %5d bp",
                          row->label, row->planned_total, row->actual_total, row->committed_total,
                          row->forecast, row->variance, row->variance_bp);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/budget-figures/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("by-line", test_by_line);
  ADD ("groupings", test_groupings);
  ADD ("explain", test_explain);
  ADD ("current-month", test_current_month);
  ADD ("labour", test_labour);
  ADD ("unknown-budget", test_unknown_budget);
  g_test_add_func ("/store/budget-figures/sample", test_sample);

#undef ADD

  return g_test_run ();
}

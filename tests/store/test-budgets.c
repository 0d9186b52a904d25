/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sb-budgets.h"
#include "sb-catalog.h"
#include "sb-contracts.h"
#include "sb-store-private.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/* The budget register on real books: a budget with its lines and plan
 * read back as saved (also after reopening the book), one plan row per
 * edited month, each rule refused with its reason, the life of a budget
 * (approve, revise, supersede, close, delete) and the budget covering a
 * day, and the book's budget settings. */

/* 2026-06-15T12:00:00Z */
#define NOW_MS G_GINT64_CONSTANT (1781524800000)

typedef struct
{
  SbTestBook *book;
  char       *service_id;
  char       *contract_id;
} Fixture;

static char *
add_supplier (SbStore    *store,
              const char *name)
{
  g_autoptr(SbChange) change = sb_change_insert ("supplier");
  g_autoptr(GError) error = NULL;

  sb_change_set_string (change, "name", name);
  g_assert_true (sb_store_apply (store, change, &error));
  g_assert_no_error (error);

  return g_strdup (sb_change_get_id (change));
}

static char *
add_contract (SbStore    *store,
              const char *supplier_id)
{
  g_autoptr(SbContract) contract = sb_contract_new (supplier_id);
  g_autoptr(GError) error = NULL;
  SbContractTerms terms;

  sb_contract_terms_init (&terms);
  g_assert_true (sb_date_parse ("2025-01-01", &terms.start, NULL));
  terms.initial_months = 36;
  sb_contract_set_terms (contract, &terms);
  sb_contract_set_reference (contract, "HOST-1");
  sb_contract_set_title (contract, "Web hosting");
  g_assert_true (sb_contracts_save (store, contract, &error));
  g_assert_no_error (error);

  return g_strdup (sb_contract_get_id (contract));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SbService) service = sb_service_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *supplier_id = NULL;

  f->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (f->book->store, NOW_MS);
  g_assert_true (sb_store_set_base_currency (f->book->store, "EUR", &error));
  g_assert_no_error (error);

  sb_service_set_code (service, "EMAIL");
  sb_service_set_name (service, "Email");
  f->service_id = sb_test_save_service (f->book->store, service);
  supplier_id = add_supplier (f->book->store, "Acme Hosting");
  f->contract_id = add_contract (f->book->store, supplier_id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->service_id, g_free);
  g_clear_pointer (&f->contract_id, g_free);
  g_clear_pointer (&f->book, sb_test_book_free);
}

static gint64
count (Fixture    *f,
       const char *sql,
       const char *arg)
{
  return sb_test_store_count (f->book->store, sql, arg);
}

static void
set_date (GDate      *date,
          const char *text)
{
  g_assert_true (sb_date_parse (text, date, NULL));
}

/* A budget for April 2026 – March 2027 with three lines: cloud for the
 * service (per month), supplier services for the contract (a yearly
 * figure spread) and training (two months). */
static SbBudget *
make_budget (Fixture    *f,
             const char *name)
{
  SbBudget *budget = sb_budget_new (name, sb_month_from_ymd (2026, 4), "EUR");
  g_autoptr(SbBudgetLine) cloud = sb_budget_line_new ("cloud");
  g_autoptr(SbBudgetLine) hosting = sb_budget_line_new ("supplier-services");
  g_autoptr(SbBudgetLine) training = sb_budget_line_new ("training");

  sb_budget_line_set_service_id (cloud, f->service_id);
  sb_budget_line_set_description (cloud, "Email hosting");
  for (guint m = 0; m < 12; m++)
    sb_budget_line_set_planned (cloud, m, 10000 + m * 100);

  sb_budget_line_set_contract_id (hosting, f->contract_id);
  sb_budget_line_spread (hosting, 100000, 12);

  sb_budget_line_set_planned (training, 2, 50000);
  sb_budget_line_set_planned (training, 8, 25000);

  sb_budget_add_line (budget, cloud);
  sb_budget_add_line (budget, hosting);
  sb_budget_add_line (budget, training);
  sb_budget_set_notes (budget, "Agreed with the board");

  return budget;
}

static char *
save (Fixture  *f,
      SbBudget *budget)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_budgets_save (f->book->store, budget, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sb_budget_get_id (budget));

  return g_strdup (sb_budget_get_id (budget));
}

static SbBudget *
get (Fixture    *f,
     const char *id)
{
  g_autoptr(GError) error = NULL;
  SbBudget *budget = sb_budgets_get (f->book->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (budget);

  return budget;
}

static void
check_round_trip (SbBudget   *read,
                  const char *service_id,
                  const char *contract_id)
{
  GPtrArray *lines = sb_budget_get_lines (read);
  SbBudgetLine *cloud, *hosting, *training;
  g_autofree char *start = NULL;
  gint64 spread_total = 0;

  g_assert_cmpstr (sb_budget_get_name (read), ==, "IT 2026/27");
  g_assert_cmpint (sb_budget_get_start (read), ==, sb_month_from_ymd (2026, 4));
  g_object_get (read, "start-month", &start, NULL);
  g_assert_cmpstr (start, ==, "2026-04");
  g_assert_cmpuint (sb_budget_get_n_months (read), ==, 12);
  g_assert_cmpstr (sb_budget_get_currency (read), ==, "EUR");
  g_assert_cmpstr (sb_budget_get_status (read), ==, "draft");
  g_assert_cmpuint (sb_budget_get_revision (read), ==, 1);
  g_assert_null (sb_budget_get_revision_of (read));
  g_assert_null (sb_budget_get_approved_on (read));
  g_assert_cmpstr (sb_budget_get_notes (read), ==, "Agreed with the board");
  g_assert_true (sb_budget_is_editable (read));

  g_assert_cmpuint (lines->len, ==, 3);
  cloud = g_ptr_array_index (lines, 0);
  hosting = g_ptr_array_index (lines, 1);
  training = g_ptr_array_index (lines, 2);

  g_assert_cmpstr (sb_budget_line_get_category (cloud), ==, "cloud");
  g_assert_cmpstr (sb_budget_line_get_service_id (cloud), ==, service_id);
  g_assert_null (sb_budget_line_get_contract_id (cloud));
  g_assert_cmpstr (sb_budget_line_get_description (cloud), ==, "Email hosting");
  for (guint m = 0; m < 12; m++)
    g_assert_cmpint (sb_budget_line_get_planned (cloud, m), ==, 10000 + m * 100);
  g_assert_cmpint (sb_budget_line_get_planned_total (cloud), ==, 126600);

  /* 100000 over 12 months: 8334 for the first four, 8333 after */
  g_assert_cmpstr (sb_budget_line_get_category (hosting), ==, "supplier-services");
  g_assert_cmpstr (sb_budget_line_get_contract_id (hosting), ==, contract_id);
  g_assert_null (sb_budget_line_get_service_id (hosting));
  g_assert_cmpint (sb_budget_line_get_planned (hosting, 0), ==, 8334);
  g_assert_cmpint (sb_budget_line_get_planned (hosting, 3), ==, 8334);
  g_assert_cmpint (sb_budget_line_get_planned (hosting, 4), ==, 8333);
  g_assert_cmpint (sb_budget_line_get_planned (hosting, 11), ==, 8333);
  for (guint m = 0; m < 12; m++)
    spread_total += sb_budget_line_get_planned (hosting, m);
  g_assert_cmpint (spread_total, ==, 100000);

  g_assert_cmpstr (sb_budget_line_get_category (training), ==, "training");
  g_assert_cmpint (sb_budget_line_get_planned (training, 2), ==, 50000);
  g_assert_cmpint (sb_budget_line_get_planned (training, 8), ==, 25000);
  g_assert_cmpint (sb_budget_line_get_planned (training, 0), ==, 0);

  g_assert_cmpint (sb_budget_get_planned_total (read), ==, 126600 + 100000 + 75000);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SbBudget) budget = make_budget (f, "  IT 2026/27 ");
  g_autoptr(SbBudget) read = NULL;
  g_autoptr(SbBudget) found = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SbBudget) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = save (f, budget);
  gint64 total = 0;

  /* Only months with an amount have a row: 12 + 12 + 2. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM budget_plan WHERE deleted = 0", NULL), ==, 26);
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (sb_budget_line_get_id (g_ptr_array_index (sb_budget_get_lines (budget), i)));
  g_assert_cmpstr (sb_budget_get_name (budget), ==, "IT 2026/27");

  read = get (f, id);
  check_round_trip (read, f->service_id, f->contract_id);

  found = sb_budgets_find (f->book->store, "it 2026/27");
  g_assert_nonnull (found);
  g_assert_cmpstr (sb_budget_get_id (found), ==, id);
  g_assert_null (sb_budgets_find (f->book->store, "Nothing"));

  list = sb_budgets_list (f->book->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  listed = g_list_model_get_item (list, 0);
  g_assert_cmpuint (sb_budget_get_lines (listed)->len, ==, 0);
  g_object_get (listed, "planned-total", &total, NULL);
  g_assert_cmpint (total, ==, 301600);

  /* Saving a budget from the list keeps its lines. */
  sb_budget_set_notes (listed, "From the list");
  g_assert_true (sb_budgets_save (f->book->store, listed, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = get (f, id);
  g_assert_cmpuint (sb_budget_get_lines (read)->len, ==, 3);
  g_assert_cmpint (sb_budget_get_planned_total (read), ==, 301600);

  /* Reopened, the book reads the same. */
  sb_budget_set_notes (read, "Agreed with the board");
  g_assert_true (sb_budgets_save (f->book->store, read, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  g_clear_object (&f->book->store);
  f->book->store = sb_test_store_open (f->book->path);
  read = get (f, id);
  check_round_trip (read, f->service_id, f->contract_id);
}

static void
test_edit_one_month (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SbBudget) budget = make_budget (f, "IT 2026/27");
  g_autoptr(SbBudget) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = save (f, budget);
  g_autofree char *amount = NULL;
  SbBudgetLine *training;
  gint64 journal;

  read = get (f, id);
  training = g_ptr_array_index (sb_budget_get_lines (read), 2);

  /* Saving what did not change writes nothing. */
  journal = count (f, "SELECT count(*) FROM sb_journal", NULL);
  g_assert_true (sb_budgets_save (f->book->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal", NULL), ==, journal);

  /* One month edited: one journal row, for that plan row. */
  sb_budget_line_set_planned (training, 2, 45000);
  g_assert_true (sb_budgets_save (f->book->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal", NULL), ==, journal + 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'budget_plan' "
                          "AND hlc = (SELECT max (hlc) FROM sb_journal) AND data LIKE '%45000%'", NULL), ==, 1);
  amount = sb_test_store_text (f->book->store,
                               "SELECT amount FROM budget_plan WHERE month = '2026-06' AND line_id = ?",
                               sb_budget_line_get_id (training));
  g_assert_cmpstr (amount, ==, "45000");

  /* A new month with an amount adds one row. */
  sb_budget_line_set_planned (training, 5, 1000);
  g_assert_true (sb_budgets_save (f->book->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal", NULL), ==, journal + 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM budget_plan WHERE deleted = 0 AND line_id = ?",
                          sb_budget_line_get_id (training)), ==, 3);

  /* Set back to 0, the month keeps its row with 0. */
  sb_budget_line_set_planned (training, 5, 0);
  g_assert_true (sb_budgets_save (f->book->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal", NULL), ==, journal + 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM budget_plan WHERE deleted = 0 AND amount = 0 "
                          "AND month = '2026-09' AND line_id = ?",
                          sb_budget_line_get_id (training)), ==, 1);

  /* A line taken away leaves tombstones for it and its plan. */
  sb_budget_remove_line (read, 0);
  g_assert_true (sb_budgets_save (f->book->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM budget_line WHERE deleted = 1", NULL), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM budget_plan WHERE deleted = 1", NULL), ==, 12);
  g_clear_object (&read);
  read = get (f, id);
  g_assert_cmpuint (sb_budget_get_lines (read)->len, ==, 2);
  g_assert_cmpstr (sb_budget_line_get_category (g_ptr_array_index (sb_budget_get_lines (read), 0)), ==,
                   "supplier-services");
}

static void
expect_refused (Fixture    *f,
                SbBudget   *budget,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  gint64 budgets = count (f, "SELECT count(*) FROM budget", NULL);
  const char *old_id = sb_budget_get_id (budget);
  g_autofree char *id = g_strdup (old_id);

  g_assert_false (sb_budgets_validate (f->book->store, budget, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sb_budgets_save (f->book->store, budget, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  g_assert_cmpint (count (f, "SELECT count(*) FROM budget", NULL), ==, budgets);
  g_assert_cmpstr (sb_budget_get_id (budget), ==, id);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SbBudget) budget = make_budget (f, "IT 2026/27");
  SbBudgetLine *training = g_ptr_array_index (sb_budget_get_lines (budget), 2);
  g_autoptr(SbBudgetLine) line = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (sb_budgets_validate (f->book->store, budget, &error));
  g_assert_no_error (error);

  sb_budget_set_name (budget, "   ");
  expect_refused (f, budget, "needs a name");
  sb_budget_set_name (budget, "IT 2026/27");

  sb_budget_set_n_months (budget, 0);
  expect_refused (f, budget, "0 months");
  sb_budget_set_n_months (budget, 25);
  expect_refused (f, budget, "25 months");
  sb_budget_set_n_months (budget, 12);

  sb_budget_set_currency (budget, "USD");
  expect_refused (f, budget, "USD is not the book’s base currency");
  sb_budget_set_currency (budget, NULL);
  expect_refused (f, budget, "choose EUR");
  sb_budget_set_currency (budget, "eur");

  sb_budget_line_set_category (training, "travel");
  expect_refused (f, budget, "Line 3 has an unknown cost category “travel”");
  sb_budget_line_set_category (training, "training");

  sb_budget_line_set_planned (training, 4, -100);
  expect_refused (f, budget, "Line 3 (Training) plans a negative amount for Aug 2026");
  sb_budget_line_set_planned (training, 4, 0);

  /* Nothing after the period: 6 months end in September. */
  sb_budget_set_n_months (budget, 6);
  expect_refused (f, budget, "after the budget’s period of 6 months");
  sb_budget_set_n_months (budget, 12);

  line = sb_budget_line_new ("cloud");
  sb_budget_line_set_service_id (line, "no-such-service");
  sb_budget_add_line (budget, line);
  expect_refused (f, budget, "Line 4 (Cloud): its service does not exist");
  sb_budget_line_set_service_id (line, NULL);
  sb_budget_line_set_contract_id (line, "no-such-contract");
  expect_refused (f, budget, "Line 4 (Cloud): its contract does not exist");
  sb_budget_remove_line (budget, 3);

  /* Once fixed it saves, in upper case. */
  id = save (f, budget);
  g_assert_cmpstr (sb_budget_get_currency (budget), ==, "EUR");
}

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SbBudget) budget = make_budget (f, "IT 2026/27");
  g_autoptr(SbBudget) first = NULL;
  g_autoptr(SbBudget) second = NULL;
  g_autoptr(SbBudget) found = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = save (f, budget);
  g_autofree char *revision_id = NULL;
  g_autofree char *other_id = NULL;
  SbBudgetLine *training;
  GDate day;

  set_date (&day, "2026-03-20");
  g_assert_true (sb_budgets_approve (f->book->store, id, &day, &error));
  g_assert_no_error (error);
  first = get (f, id);
  g_assert_cmpstr (sb_budget_get_status (first), ==, "approved");
  g_assert_cmpstr (sb_budget_get_approved_on (first), ==, "2026-03-20");
  g_assert_false (sb_budget_is_editable (first));

  /* Approved: fixed. */
  training = g_ptr_array_index (sb_budget_get_lines (first), 2);
  sb_budget_line_set_planned (training, 2, 1);
  expect_refused (f, first, "An approved budget cannot be changed; revise it to make a new draft");
  g_assert_false (sb_budgets_approve (f->book->store, id, &day, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_budgets_delete (f->book->store, id, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "only a draft can be deleted"));
  g_clear_error (&error);

  /* Revised: a draft copy, revision 2. */
  g_assert_true (sb_budgets_revise (f->book->store, id, &revision_id, &error));
  g_assert_no_error (error);
  second = get (f, revision_id);
  g_assert_cmpstr (sb_budget_get_status (second), ==, "draft");
  g_assert_cmpuint (sb_budget_get_revision (second), ==, 2);
  g_assert_cmpstr (sb_budget_get_revision_of (second), ==, id);
  g_assert_null (sb_budget_get_approved_on (second));
  g_assert_cmpuint (sb_budget_get_lines (second)->len, ==, 3);
  g_assert_cmpint (sb_budget_get_planned_total (second), ==, 301600);
  g_assert_cmpstr (sb_budget_line_get_id (g_ptr_array_index (sb_budget_get_lines (second), 0)), !=,
                   sb_budget_line_get_id (g_ptr_array_index (sb_budget_get_lines (first), 0)));

  /* A second draft revision is refused, naming the first. */
  g_assert_false (sb_budgets_revise (f->book->store, id, &other_id, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already has a draft revision, revision 2"));
  g_assert_null (other_id);
  g_clear_error (&error);

  /* The draft changes freely; the approved one is what the day uses. */
  training = g_ptr_array_index (sb_budget_get_lines (second), 2);
  sb_budget_line_set_planned (training, 2, 60000);
  g_assert_true (sb_budgets_save (f->book->store, second, &error));
  g_assert_no_error (error);
  set_date (&day, "2026-06-01");
  found = sb_budgets_find_current (f->book->store, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_budget_get_id (found), ==, id);
  g_clear_object (&found);

  /* The revision is approved: the first is superseded, still readable. */
  set_date (&day, "2026-07-01");
  g_assert_true (sb_budgets_approve (f->book->store, revision_id, &day, &error));
  g_assert_no_error (error);
  g_clear_object (&first);
  first = get (f, id);
  g_assert_cmpstr (sb_budget_get_status (first), ==, "superseded");
  g_assert_cmpstr (sb_budget_get_approved_on (first), ==, "2026-03-20");
  g_assert_cmpint (sb_budget_get_planned_total (first), ==, 301600);
  g_clear_object (&second);
  second = get (f, revision_id);
  g_assert_cmpstr (sb_budget_get_status (second), ==, "approved");
  g_assert_cmpint (sb_budget_get_planned_total (second), ==, 311600);

  set_date (&day, "2026-06-01");
  found = sb_budgets_find_current (f->book->store, &day, &error);
  g_assert_cmpstr (sb_budget_get_id (found), ==, revision_id);
  g_clear_object (&found);
  found = sb_budgets_find (f->book->store, "IT 2026/27");
  g_assert_cmpstr (sb_budget_get_id (found), ==, revision_id);
  g_clear_object (&found);

  g_assert_false (sb_budgets_revise (f->book->store, id, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_budgets_close (f->book->store, id, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Newest revision first within the period. */
  list = sb_budgets_list (f->book->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_object (&found);
  found = g_list_model_get_item (list, 0);
  g_assert_cmpstr (sb_budget_get_id (found), ==, revision_id);
  g_clear_object (&found);

  /* Closed: history that still counts for its period. */
  g_assert_true (sb_budgets_close (f->book->store, revision_id, &error));
  g_assert_no_error (error);
  g_clear_object (&second);
  second = get (f, revision_id);
  g_assert_cmpstr (sb_budget_get_status (second), ==, "closed");
  expect_refused (f, second, "A closed budget cannot be changed");
  found = sb_budgets_find_current (f->book->store, &day, &error);
  g_assert_cmpstr (sb_budget_get_id (found), ==, revision_id);
}

static void
test_delete_drafts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SbBudget) budget = make_budget (f, "IT 2026/27");
  g_autoptr(SbBudget) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = save (f, budget);

  /* A line removed before the delete stays removed after the undo. */
  read = get (f, id);
  sb_budget_remove_line (read, 2);
  g_assert_true (sb_budgets_save (f->book->store, read, &error));
  g_assert_no_error (error);
  sb_test_store_set_fixed_clock (f->book->store, NOW_MS + 60000);

  g_assert_true (sb_budgets_delete (f->book->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM budget_line WHERE deleted = 0", NULL), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM budget_plan WHERE deleted = 0", NULL), ==, 0);
  g_assert_null (sb_budgets_get (f->book->store, id, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sb_budgets_find (f->book->store, "IT 2026/27"));

  g_clear_object (&read);
  g_assert_true (sb_budgets_undelete (f->book->store, id, &error));
  g_assert_no_error (error);
  read = get (f, id);
  g_assert_cmpuint (sb_budget_get_lines (read)->len, ==, 2);
  g_assert_cmpint (sb_budget_get_planned_total (read), ==, 226600);
  g_assert_cmpint (count (f, "SELECT count(*) FROM budget_plan WHERE deleted = 0", NULL), ==, 24);
}

/* A revision drafted before its budget was closed is not approved: the
 * closed budget stays closed, not superseded. */
static void
test_approve_after_close (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SbBudget) budget = make_budget (f, "IT 2026/27");
  g_autoptr(SbBudget) first = NULL;
  g_autoptr(SbBudget) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *revision_id = NULL;
  GDate day;

  id = save (f, budget);
  set_date (&day, "2026-03-20");
  g_assert_true (sb_budgets_approve (f->book->store, id, &day, &error));
  g_assert_no_error (error);
  g_assert_true (sb_budgets_revise (f->book->store, id, &revision_id, &error));
  g_assert_no_error (error);
  g_assert_true (sb_budgets_close (f->book->store, id, &error));
  g_assert_no_error (error);

  set_date (&day, "2027-04-02");
  g_assert_false (sb_budgets_approve (f->book->store, revision_id, &day, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "which was closed since"));

  first = get (f, id);
  g_assert_cmpstr (sb_budget_get_status (first), ==, "closed");
  draft = get (f, revision_id);
  g_assert_cmpstr (sb_budget_get_status (draft), ==, "draft");
}

/* A name that comes back every year: the latest period wins, even over
 * a later revision of an earlier period. */
static void
test_find_by_name (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SbBudget) this_year = make_budget (f, "Operations");
  g_autoptr(SbBudget) next_year = make_budget (f, "Operations");
  g_autoptr(SbBudget) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *revision_id = NULL;
  g_autofree char *next_id = NULL;
  GDate day;

  first_id = save (f, this_year);
  set_date (&day, "2026-03-20");
  g_assert_true (sb_budgets_approve (f->book->store, first_id, &day, &error));
  g_assert_no_error (error);
  g_assert_true (sb_budgets_revise (f->book->store, first_id, &revision_id, &error));
  g_assert_no_error (error);

  /* Within one period, the newest revision */
  found = sb_budgets_find (f->book->store, "operations");
  g_assert_cmpstr (sb_budget_get_id (found), ==, revision_id);
  g_clear_object (&found);

  sb_budget_set_start (next_year, sb_month_from_ymd (2027, 4));
  next_id = save (f, next_year);
  found = sb_budgets_find (f->book->store, "Operations");
  g_assert_cmpstr (sb_budget_get_id (found), ==, next_id);
  g_assert_cmpuint (sb_budget_get_revision (found), ==, 1);
}

static void
test_find_current (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SbBudget) april = sb_budget_new ("FY 2025/26", sb_month_from_ymd (2025, 4), "EUR");
  g_autoptr(SbBudget) next = sb_budget_new ("FY 2026/27", sb_month_from_ymd (2026, 4), "EUR");
  g_autoptr(SbBudget) draft = sb_budget_new ("FY 2026/27 draft", sb_month_from_ymd (2026, 4), "EUR");
  g_autoptr(SbBudget) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *april_id = save (f, april);
  g_autofree char *next_id = save (f, next);
  g_autofree char *draft_id = save (f, draft);
  GDate day;

  set_date (&day, "2026-01-15");
  g_assert_true (sb_budgets_approve (f->book->store, april_id, &day, &error));
  g_assert_no_error (error);

  /* January 2026 is in April 2025 – March 2026. */
  found = sb_budgets_find_current (f->book->store, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_budget_get_id (found), ==, april_id);
  g_clear_object (&found);

  /* May 2026: two drafts, the newest wins; once one is approved, it. */
  set_date (&day, "2026-05-10");
  found = sb_budgets_find_current (f->book->store, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_budget_get_id (found), !=, april_id);
  g_assert_cmpstr (sb_budget_get_status (found), ==, "draft");
  g_clear_object (&found);
  g_assert_true (sb_budgets_approve (f->book->store, next_id, &day, &error));
  g_assert_no_error (error);
  found = sb_budgets_find_current (f->book->store, &day, &error);
  g_assert_cmpstr (sb_budget_get_id (found), ==, next_id);
  g_clear_object (&found);

  /* Before any period: none, without an error. */
  set_date (&day, "2024-12-31");
  found = sb_budgets_find_current (f->book->store, &day, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* After March 2027 neither covers the day. */
  set_date (&day, "2027-04-01");
  found = sb_budgets_find_current (f->book->store, &day, &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sb_budgets_get_fiscal_start_month (f->book->store), ==, 1);
  g_assert_cmpint (sb_budgets_get_hourly_rate (f->book->store), ==, 0);

  g_assert_false (sb_budgets_set_fiscal_start_month (f->book->store, 0, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "month 0"));
  g_clear_error (&error);
  g_assert_false (sb_budgets_set_fiscal_start_month (f->book->store, 13, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_budgets_set_hourly_rate (f->book->store, -1, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot be negative"));
  g_clear_error (&error);

  g_assert_true (sb_budgets_set_fiscal_start_month (f->book->store, 4, &error));
  g_assert_no_error (error);
  g_assert_true (sb_budgets_set_hourly_rate (f->book->store, 6500, &error));
  g_assert_no_error (error);

  g_clear_object (&f->book->store);
  f->book->store = sb_test_store_open (f->book->path);
  g_assert_cmpint (sb_budgets_get_fiscal_start_month (f->book->store), ==, 4);
  g_assert_cmpint (sb_budgets_get_hourly_rate (f->book->store), ==, 6500);

  /* A setting spoiled by hand falls back to the default. */
  g_assert_true (sb_store_set_setting (f->book->store, "fiscal-year-start-month", "april", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_budgets_get_fiscal_start_month (f->book->store), ==, 1);
}

static void
test_labels (void)
{
  const char * const *statuses = sb_budget_statuses ();

  for (guint i = 0; statuses[i] != NULL; i++)
    g_assert_nonnull (sb_budget_status_get_label (statuses[i]));
  g_assert_cmpstr (sb_budget_status_get_label ("approved"), ==, "Approved");
  g_assert_null (sb_budget_status_get_label ("lost"));
  g_assert_null (sb_budget_status_get_label (NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/budgets/round-trip", test_round_trip);
  ADD ("/store/budgets/edit-one-month", test_edit_one_month);
  ADD ("/store/budgets/validation", test_validation);
  ADD ("/store/budgets/lifecycle", test_lifecycle);
  ADD ("/store/budgets/delete-drafts", test_delete_drafts);
  ADD ("/store/budgets/find-current", test_find_current);
  ADD ("/store/budgets/find-by-name", test_find_by_name);
  ADD ("/store/budgets/approve-after-close", test_approve_after_close);
  ADD ("/store/budgets/settings", test_settings);
  g_test_add_func ("/store/budgets/labels", test_labels);

#undef ADD

  return g_test_run ();
}

/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sb-budget-figures.h"
#include "sb-budgets.h"
#include "sb-contract-terms.h"
#include "sb-contracts.h"
#include "sb-costs.h"
#include "sb-deadlines.h"
#include "sb-money.h"
#include "sb-report-document-private.h"
#include "sb-report-output.h"
#include "sb-reports-private.h"
#include "sb-sample-data.h"
#include "sb-supplier-performance.h"
#include "sb-suppliers.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/*
 * The supplier review, the contract register, the budget against actual
 * and the management review, on the sample book and on a small book made
 * here, written as PDF and read back with poppler's pdftotext: titles,
 * periods and figures the test computes itself from the store (a notice
 * deadline from the contract terms, budget totals from the figures, the
 * escalation counts), sane page counts, and the CSV of the same
 * documents. Setting SB_REPORT_PDF_DIR keeps the PDFs there.
 */

#define NOW G_GINT64_CONSTANT (1795248600000) /* 21 Nov 2026, 08:10 UTC */

static char *tmpdir;

/* Poppler */

static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The text with runs of spaces made one, so that a phrase cut by the
 * layout's columns is still found when it stays on one line. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", path, "-", NULL };
  g_autofree char *out = run (argv);
  g_autoptr(GRegex) spaces = g_regex_new ("[ ]{2,}", 0, 0, NULL);

  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:"))
      return atoi (lines[i] + 6);
  g_assert_not_reached ();
}

static char *
write_pdf (SbReportDocument *doc,
           const char       *name,
           guint            *out_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  SbReportPageSetup setup;
  const char *keep = g_getenv ("SB_REPORT_PDF_DIR");

  sb_report_page_setup_init (&setup);
  setup.paper = SB_REPORT_PAPER_A4;
  g_assert_true (sb_report_write_pdf (doc, path, &setup, &error));
  g_assert_no_error (error);

  if (keep != NULL && *keep != '\0')
    {
      g_autofree char *copy = g_build_filename (keep, name, NULL);

      g_assert_true (sb_report_write_pdf (doc, copy, &setup, NULL));
    }

  *out_pages = pdf_pages (path);
  return pdf_text (path);
}

/* For paragraphs: every run of white space made one space */
static void
assert_contains_flat (const char *text,
                      const char *needle)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *flat = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);

  if (strstr (flat, needle) == NULL)
    {
      g_test_message ("The report reads:\n%s", flat);
      g_error ("“%s” not found in the report", needle);
    }
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    {
      g_test_message ("The report reads:\n%s", text);
      g_error ("“%s” not found in the report", needle);
    }
}

/* Books */

static SbTestBook *
sample_book (void)
{
  g_autoptr(GError) error = NULL;
  SbTestBook *book = sb_test_book_new ();

  sb_test_store_set_fixed_clock (book->store, NOW);
  g_assert_true (sb_sample_data_load (book->store, &error));
  g_assert_no_error (error);
  return book;
}

static void
this_month (SbReportPeriod *period)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_report_period_parse ("2026-11", period, &error));
  g_assert_no_error (error);
}

/* A small book: one supplier with a hosting contract billed monthly, a
 * review, an open dispute; a budget of the calendar year with a cloud line
 * and costs over it. */
typedef struct
{
  SbTestBook *book;
  char *supplier_id;
  char *contract_id;
  char *budget_id;
  const char *currency;
} KnownBook;

static void
known_book_free (KnownBook *known)
{
  sb_test_book_free (known->book);
  g_free (known->supplier_id);
  g_free (known->contract_id);
  g_free (known->budget_id);
  g_free (known);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnownBook, known_book_free)

static void
add_cost (KnownBook  *known,
          const char *date,
          gint64      amount,
          const char *category,
          const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbCostEntry) entry = sb_cost_entry_new ();

  sb_cost_entry_set_date (entry, date);
  sb_cost_entry_set_amount (entry, amount, known->currency);
  sb_cost_entry_set_category (entry, category);
  sb_cost_entry_set_supplier_id (entry, known->supplier_id);
  sb_cost_entry_set_contract_id (entry, known->contract_id);
  sb_cost_entry_set_description (entry, description);
  g_assert_true (sb_costs_save (known->book->store, entry, &error));
  g_assert_no_error (error);
}

static KnownBook *
known_book (void)
{
  g_autoptr(GError) error = NULL;
  KnownBook *known = g_new0 (KnownBook, 1);
  g_autoptr(SbSupplier) supplier = sb_supplier_new ();
  g_autoptr(SbContract) contract = NULL;
  g_autoptr(SbSupplierReview) review = NULL;
  g_autoptr(SbSupplierDispute) dispute = NULL;
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(SbBudgetLine) line = NULL;
  SbContractTerms terms;
  SbStore *store;

  known->book = sb_test_book_new ();
  store = known->book->store;
  sb_test_store_set_fixed_clock (store, NOW);
  known->currency = sb_store_get_base_currency (store);

  sb_supplier_set_name (supplier, "Acme Hosting");
  g_assert_true (sb_suppliers_save (store, supplier, &error));
  g_assert_no_error (error);
  known->supplier_id = g_strdup (sb_supplier_get_id (supplier));

  contract = sb_contract_new (known->supplier_id);
  sb_contract_set_reference (contract, "HOST-7");
  sb_contract_set_title (contract, "Managed hosting");
  sb_contract_set_contract_type (contract, "hosting");
  sb_contract_terms_init (&terms);
  g_date_set_dmy (&terms.start, 1, G_DATE_MARCH, 2026);
  terms.initial_months = 12;
  terms.renewal = SB_RENEWAL_AUTOMATIC;
  terms.renewal_months = 12;
  terms.notice_amount = 2;
  terms.notice_unit = SB_NOTICE_MONTHS;
  sb_contract_set_terms (contract, &terms);
  sb_contract_set_cost (contract, 41250, known->currency);
  sb_contract_set_billing_period (contract, SB_BILLING_MONTHLY);
  sb_contract_set_cost_category (contract, "cloud");
  g_assert_true (sb_contracts_save (store, contract, &error));
  g_assert_no_error (error);
  known->contract_id = g_strdup (sb_contract_get_id (contract));

  review = sb_supplier_review_new (known->supplier_id);
  sb_supplier_review_set_review_date (review, "2026-06-15");
  sb_supplier_review_set_period_from (review, "2026-03-01");
  sb_supplier_review_set_period_to (review, "2026-05-31");
  sb_supplier_review_set_score (review, SB_REVIEW_QUALITY, 4);
  sb_supplier_review_set_score (review, SB_REVIEW_DELIVERY, 3);
  sb_supplier_review_set_score (review, SB_REVIEW_RESPONSIVENESS, 2);
  sb_supplier_review_set_score (review, SB_REVIEW_VALUE, 4);
  sb_supplier_review_set_actions (review, "Weekly calls");
  g_assert_true (sb_suppliers_add_review (store, review, &error));
  g_assert_no_error (error);

  dispute = sb_supplier_dispute_new (known->supplier_id);
  sb_supplier_dispute_set_raised_on (dispute, "2026-10-02");
  sb_supplier_dispute_set_title (dispute, "Double invoice for September");
  sb_supplier_dispute_set_status (dispute, "open");
  g_assert_true (sb_suppliers_save_dispute (store, dispute, &error));
  g_assert_no_error (error);

  budget = sb_budget_new ("IT 2026", sb_month_from_ymd (2026, 1), known->currency);
  line = sb_budget_line_new ("cloud");
  sb_budget_line_set_description (line, "Hosting");
  sb_budget_line_spread (line, 360000, 12);
  sb_budget_add_line (budget, line);
  g_assert_true (sb_budgets_save (store, budget, &error));
  g_assert_no_error (error);
  known->budget_id = g_strdup (sb_budget_get_id (budget));

  add_cost (known, "2026-11-03", 41250, "cloud", "Invoice 1103 hosting");
  add_cost (known, "2026-10-03", 41250, "cloud", "Invoice 1003 hosting");
  add_cost (known, "2026-09-03", 95000, "cloud", "Invoice 903 hosting and migration");

  return known;
}

/* Supplier review */

static void
test_supplier_review_known (void)
{
  g_autoptr(KnownBook) known = known_book ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SbReportDocument) doc = NULL;
  g_autoptr(SbContract) contract = sb_contracts_get (known->book->store, known->contract_id, NULL);
  SbReportFilters filters = { 0 };
  SbReportPeriod period;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *spend = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *csv = NULL;
  SbContractState state;
  GDate today;
  guint pages;

  this_month (&period);

  /* No supplier: refused in words */
  doc = sb_report_build_supplier_review (known->book->store, &period, &filters, &error);
  g_assert_null (doc);
  g_assert_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID);
  g_clear_error (&error);

  filters.supplier_id = known->supplier_id;
  doc = sb_report_build_supplier_review (known->book->store, &period, &filters, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  text = write_pdf (doc, "supplier-review-known.pdf", &pages);
  g_assert_cmpuint (pages, >=, 2);
  g_assert_cmpuint (pages, <=, 6);

  label = sb_report_period_get_label (&period);
  assert_contains (text, "Supplier review: Acme Hosting");
  assert_contains (text, label);
  assert_contains (text, "HOST-7");
  /* The spend of November: the one invoice of the month */
  spend = sb_money_format (41250, known->currency);
  assert_contains (text, spend);
  /* The notice deadline ahead, from the terms */
  sb_contracts_get_today (known->book->store, &today);
  sb_contract_terms_compute (sb_contract_get_terms (contract), &today,
                             sb_contracts_get_warning_days (known->book->store), &state);
  notice = sb_date_format_local (&state.notice_deadline);
  assert_contains (text, notice);
  assert_contains (text, "Double invoice for September");
  assert_contains (text, "Weekly calls");
  assert_contains (text, "No escalation breached");

  csv = sb_report_document_to_csv (doc, 0);
  assert_contains (csv, "HOST-7");
  assert_contains (csv, "Double invoice for September");
}

static void
test_supplier_review_sample (void)
{
  g_autoptr(SbTestBook) book = sample_book ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) suppliers = sb_suppliers_list (book->store, &error);
  g_autoptr(SbSupplier) busiest = NULL;
  SbSupplierPerformance busiest_perf = { 0 };
  SbReportPeriod period;
  SbReportFilters filters = { 0 };
  g_autoptr(SbReportDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escalated = NULL;
  guint pages;

  g_assert_no_error (error);
  g_assert_true (sb_report_period_parse ("2026", &period, &error));

  /* The supplier with the most escalations in the year */
  for (guint i = 0; i < g_list_model_get_n_items (suppliers); i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (suppliers, i);
      SbSupplierPerformance perf;

      g_assert_true (sb_supplier_performance_compute (book->store, sb_supplier_get_id (supplier), NULL,
                                                      &period.first, &period.last, &perf, &error));
      if (busiest == NULL || perf.n_escalated > busiest_perf.n_escalated)
        {
          g_set_object (&busiest, supplier);
          busiest_perf = perf;
        }
    }
  g_assert_nonnull (busiest);
  g_assert_cmpuint (busiest_perf.n_escalated, >, 0);

  filters.supplier_id = sb_supplier_get_id (busiest);
  doc = sb_report_build_supplier_review (book->store, &period, &filters, &error);
  g_assert_no_error (error);
  text = write_pdf (doc, "supplier-review-sample.pdf", &pages);
  g_assert_cmpuint (pages, >=, 2);
  g_assert_cmpuint (pages, <=, 12);

  title = g_strdup_printf ("Supplier review: %s", sb_supplier_get_name (busiest));
  assert_contains (text, title);
  assert_contains (text, "2026");
  escalated = g_strdup_printf (busiest_perf.n_escalated == 1 ? "%u incident was escalated"
                                                             : "%u incidents were escalated",
                               busiest_perf.n_escalated);
  assert_contains (text, escalated);
  assert_contains (text, "Escalations and breaches per month");
}

/* Contract register */

static void
test_contracts_known (void)
{
  g_autoptr(KnownBook) known = known_book ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SbReportDocument) doc = NULL;
  g_autoptr(SbContract) contract = sb_contracts_get (known->book->store, known->contract_id, NULL);
  g_autoptr(GPtrArray) deadlines = NULL;
  SbReportPeriod period;
  SbContractState state;
  g_autofree char *text = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *term_end = NULL;
  g_autofree char *yearly = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *csv = NULL;
  SbReportTable *table;
  GDate today;
  GDate until;
  guint pages;

  this_month (&period);
  doc = sb_report_build_contracts (known->book->store, &period, NULL, &error);
  g_assert_no_error (error);
  text = write_pdf (doc, "contracts-known.pdf", &pages);
  g_assert_cmpuint (pages, >=, 1);
  g_assert_cmpuint (pages, <=, 3);

  sb_contracts_get_today (known->book->store, &today);
  as_of_text = sb_date_format_local (&today);
  as_of = g_strdup_printf ("As of %s", as_of_text);
  assert_contains (text, "Contract register and renewal calendar");
  assert_contains (text, as_of);

  sb_contract_terms_compute (sb_contract_get_terms (contract), &today,
                             sb_contracts_get_warning_days (known->book->store), &state);
  notice = sb_date_format_local (&state.notice_deadline);
  term_end = sb_date_format_local (&state.term_end);
  yearly = sb_money_format (41250 * 12, known->currency);
  assert_contains (text, notice);
  assert_contains (text, term_end);
  assert_contains (text, yearly);
  table = sb_report_document_get_table (doc, 1);
  g_assert_cmpstr (sb_report_table_get_column_title (table, 4), ==, "Renewal");
  g_assert_cmpstr (sb_report_table_get_cell (table, 0, 4), ==, "Renews automatically, 12 months");

  /* Every deadline of the next twelve months, under its month */
  until = today;
  sb_date_add_months_clamped (&until, 12);
  g_date_subtract_days (&until, 1);
  deadlines = sb_deadlines_list (known->book->store, &today, &until, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deadlines->len, >, 0);
  for (guint i = 0; i < deadlines->len; i++)
    {
      SbDeadline *deadline = g_ptr_array_index (deadlines, i);
      g_autofree char *day = sb_date_format_local (&deadline->date);

      assert_contains (text, day);
    }
  assert_contains (text, "December 2026");
  assert_contains (text, "February 2027");

  csv = sb_report_document_to_csv (doc, 0);
  assert_contains (csv, "Supplier,Reference,Title,Status,Cost,Per year");
  assert_contains (csv, "Acme Hosting,HOST-7,Managed hosting,Active");
}

static void
test_contracts_sample (void)
{
  g_autoptr(SbTestBook) book = sample_book ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) contracts = sb_contracts_list (book->store, NULL, &error);
  g_autoptr(SbReportDocument) doc = NULL;
  g_autoptr(SbReportDocument) one = NULL;
  g_autoptr(SbContract) first = NULL;
  SbReportFilters filters = { 0 };
  SbReportPeriod period;
  SbReportTable *table;
  g_autofree char *text = NULL;
  guint pages;

  g_assert_no_error (error);
  this_month (&period);
  doc = sb_report_build_contracts (book->store, &period, NULL, &error);
  g_assert_no_error (error);
  text = write_pdf (doc, "contracts-sample.pdf", &pages);
  g_assert_cmpuint (pages, >=, 2);
  g_assert_cmpuint (pages, <=, 8);

  /* One row per contract, each reference in the PDF */
  table = sb_report_document_get_table (doc, 0);
  g_assert_cmpuint (sb_report_table_get_n_rows (table), ==, g_list_model_get_n_items (contracts) + 1);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (contracts, i);

      g_autofree char *start = g_strndup (sb_contract_get_reference (contract),
                                          strcspn (sb_contract_get_reference (contract), "-") + 1);

      /* Long references wrap at their hyphens: the table has them whole */
      g_assert_cmpstr (sb_report_table_get_cell (table, i, 1), ==, sb_contract_get_reference (contract));
      assert_contains (text, start);
    }

  /* Narrowed to one supplier */
  first = g_list_model_get_item (contracts, 0);
  filters.supplier_id = sb_contract_get_supplier_id (first);
  one = sb_report_build_contracts (book->store, &period, &filters, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (sb_report_document_get_title (one), sb_contract_get_supplier_name (first)));
  table = sb_report_document_get_table (one, 0);
  for (guint r = 0; r + 1 < sb_report_table_get_n_rows (table); r++)
    g_assert_cmpstr (sb_report_table_get_cell (table, r, 0), ==, sb_contract_get_supplier_name (first));

  /* Narrowed to one contract (printed from the contract): one row, and
   * only its own deadlines */
  {
    g_autoptr(SbReportDocument) single = NULL;
    SbReportFilters only = { 0 };

    only.contract_id = sb_contract_get_id (first);
    single = sb_report_build_contracts (book->store, &period, &only, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (sb_report_document_get_title (single), sb_contract_get_reference (first)));
    table = sb_report_document_get_table (single, 0);
    g_assert_cmpuint (sb_report_table_get_n_rows (table), ==, 2);   /* the contract and the total */
    g_assert_cmpstr (sb_report_table_get_cell (table, 0, 1), ==, sb_contract_get_reference (first));
  }
}

/* Budget */

static void
test_budget_known (void)
{
  g_autoptr(KnownBook) known = known_book ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SbReportDocument) doc = NULL;
  g_autoptr(SbBudgetFigures) figures = NULL;
  const SbFiguresRow *total;
  SbReportPeriod period;
  g_autofree char *text = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *forecast = NULL;
  g_autofree char *csv = NULL;
  GDate today;
  guint pages;

  this_month (&period);
  doc = sb_report_build_budget (known->book->store, &period, NULL, &error);
  g_assert_no_error (error);
  text = write_pdf (doc, "budget-known.pdf", &pages);
  g_assert_cmpuint (pages, >=, 2);
  g_assert_cmpuint (pages, <=, 6);

  sb_contracts_get_today (known->book->store, &today);
  figures = sb_budget_figures_compute (known->book->store, known->budget_id, &today,
                                       SB_FIGURES_BY_LINE, &error);
  g_assert_no_error (error);
  total = sb_budget_figures_get_total (figures);
  g_assert_cmpint (total->planned_total, ==, 360000);
  g_assert_cmpint (total->actual_to_date, ==, 41250 * 2 + 95000);

  planned = sb_money_format (total->planned_total, known->currency);
  actual = sb_money_format (total->actual_to_date, known->currency);
  forecast = sb_money_format (total->forecast, known->currency);
  assert_contains (text, "Budget against actual: IT 2026");
  assert_contains (text, planned);
  assert_contains (text, actual);
  assert_contains (text, forecast);
  assert_contains (text, "Planned and actual costs per month");
  assert_contains (text, "Per line and month, Jan 2026 – Jun 2026");
  assert_contains (text, "Per line and month, Jul 2026 – Dec 2026");
  /* September's over-run is the one explained, with its invoice */
  assert_contains_flat (text, "The most was in Sep 2026");
  assert_contains_flat (text, "Invoice 903 hosting and migration");
  assert_contains (text, "Acme Hosting");

  csv = sb_report_document_to_csv (doc, 0);
  assert_contains (csv, "Line,Planned,Actual to date,Committed,Forecast,Variance,Variance %");

  /* A period no budget covers: refused in words */
  {
    g_autoptr(SbReportDocument) none = NULL;

    g_assert_true (sb_report_period_parse ("2030-02", &period, NULL));
    none = sb_report_build_budget (known->book->store, &period, NULL, &error);
    g_assert_null (none);
    g_assert_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "February 2030"));
  }
}

static void
test_budget_sample (void)
{
  g_autoptr(SbTestBook) book = sample_book ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SbReportDocument) doc = NULL;
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(SbBudgetFigures) figures = NULL;
  SbReportPeriod period;
  g_autofree char *text = NULL;
  g_autofree char *forecast = NULL;
  g_autofree char *title = NULL;
  GDate today;
  guint pages;

  this_month (&period);
  doc = sb_report_build_budget (book->store, &period, NULL, &error);
  g_assert_no_error (error);
  text = write_pdf (doc, "budget-sample.pdf", &pages);
  g_assert_cmpuint (pages, >=, 2);
  g_assert_cmpuint (pages, <=, 12);

  sb_contracts_get_today (book->store, &today);
  budget = sb_budgets_find_current (book->store, &today, &error);
  g_assert_nonnull (budget);
  figures = sb_budget_figures_compute (book->store, sb_budget_get_id (budget), &today,
                                       SB_FIGURES_BY_LINE, &error);
  g_assert_no_error (error);
  forecast = sb_money_format (sb_budget_figures_get_total (figures)->forecast,
                              sb_budget_figures_get_currency (figures));
  title = g_strdup_printf ("Budget against actual: %s", sb_budget_get_name (budget));
  assert_contains (text, title);
  assert_contains (text, forecast);
  assert_contains (text, "Per supplier");
  assert_contains (text, "Per service");
}

/* Management review */

static void
test_management_sample (void)
{
  g_autoptr(SbTestBook) book = sample_book ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SbReportDocument) doc = NULL;
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(SbBudgetFigures) figures = NULL;
  SbReportPeriod period;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *variance = NULL;
  g_autofree char *csv = NULL;
  GDate today;
  guint pages;

  this_month (&period);
  doc = sb_report_build_management_review (book->store, &period, NULL, &error);
  g_assert_no_error (error);
  text = write_pdf (doc, "management-sample.pdf", &pages);
  g_assert_cmpuint (pages, >=, 5);
  g_assert_cmpuint (pages, <=, 40);

  label = sb_report_period_get_label (&period);
  assert_contains (text, "Management review");
  assert_contains (text, label);
  assert_contains (text, "Service targets met");
  assert_contains (text, "Incident summary");
  assert_contains (text, "Supplier performance in the period");
  assert_contains (text, "Renewal calendar");

  sb_contracts_get_today (book->store, &today);
  budget = sb_budgets_find_current (book->store, &today, &error);
  g_assert_nonnull (budget);
  figures = sb_budget_figures_compute (book->store, sb_budget_get_id (budget), &today,
                                       SB_FIGURES_BY_LINE, &error);
  variance = sb_money_format (sb_budget_figures_get_total (figures)->variance,
                              sb_budget_figures_get_currency (figures));
  assert_contains (text, variance);

  csv = sb_report_document_to_csv (doc, 0);
  assert_contains (csv, "Incidents per priority");
}

static void
test_management_known (void)
{
  g_autoptr(KnownBook) known = known_book ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SbReportDocument) doc = NULL;
  SbReportPeriod period;
  g_autofree char *text = NULL;
  guint pages;

  /* A year with no budget: the pack says so and goes on */
  g_assert_true (sb_report_period_parse ("2027-Q2", &period, &error));
  doc = sb_report_build_management_review (known->book->store, &period, NULL, &error);
  g_assert_no_error (error);
  text = write_pdf (doc, "management-known.pdf", &pages);
  g_assert_cmpuint (pages, >=, 3);
  g_assert_cmpuint (pages, <=, 12);
  assert_contains (text, "Acme Hosting");
  assert_contains (text, "No budget covers");
  assert_contains (text, "1 open dispute");
}

/* The engine's append */

static void
test_append (void)
{
  g_autoptr(SbReportDocument) dest = sb_report_document_new ("Pack");
  g_autoptr(SbReportDocument) part = sb_report_document_new ("Part");
  g_autoptr(SbReportDocument) nested = sb_report_document_new ("Nested");
  SbReportTable *table;
  const GPtrArray *blocks;
  const Block *block;

  sb_report_document_add_key_figure (dest, "Before", "1", NULL);
  sb_report_document_add_section (part, "Part section");
  table = sb_report_document_add_table (part, "Part table");
  sb_report_table_add_column (table, "A", SB_REPORT_ALIGN_START, 1);
  sb_report_table_add_row (table, "x", NULL);
  sb_report_document_add_chart (part, sb_chart_new (), 100);
  sb_report_document_add_section (nested, "Nested section");
  sb_report_document_add_heading (nested, 3, "Deep");

  sb_report_document_append (dest, part);
  sb_report_document_append_nested (dest, nested);

  /* Moved, in order, tables listed; the sources are left empty */
  g_assert_cmpuint (sb_report_document_get_blocks (part)->len, ==, 0);
  g_assert_cmpuint (sb_report_document_get_n_tables (part), ==, 0);
  g_assert_cmpuint (sb_report_document_get_n_tables (dest), ==, 1);
  g_assert_true (sb_report_document_get_table (dest, 0) == table);
  blocks = sb_report_document_get_blocks (dest);
  g_assert_cmpuint (blocks->len, ==, 6);
  block = g_ptr_array_index (blocks, 1);
  g_assert_cmpint (block->kind, ==, BLOCK_HEADING);
  g_assert_cmpuint (block->level, ==, 1);
  block = g_ptr_array_index (blocks, 4);
  g_assert_cmpstr (block->text, ==, "Nested section");
  g_assert_cmpuint (block->level, ==, 2);
  block = g_ptr_array_index (blocks, 5);
  g_assert_cmpuint (block->level, ==, 3);

  /* A key figure after an append starts a row of its own */
  sb_report_document_add_key_figure (dest, "After", "2", NULL);
  g_assert_cmpuint (sb_report_document_get_blocks (dest)->len, ==, 7);

  /* The emptied source can be filled and freed as usual */
  sb_report_document_add_paragraph (part, "Again");
  g_assert_cmpuint (sb_report_document_get_blocks (part)->len, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  int status;

  g_test_init (&argc, &argv, NULL);

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_print ("1..0 # SKIP pdftotext not installed\n");
      return 0;
    }

  g_setenv ("TZ", "UTC", TRUE);
  tmpdir = sb_test_make_tmpdir ();

  g_test_add_func ("/report/b/append", test_append);
  g_test_add_func ("/report/b/supplier-review/known", test_supplier_review_known);
  g_test_add_func ("/report/b/supplier-review/sample", test_supplier_review_sample);
  g_test_add_func ("/report/b/contracts/known", test_contracts_known);
  g_test_add_func ("/report/b/contracts/sample", test_contracts_sample);
  g_test_add_func ("/report/b/budget/known", test_budget_known);
  g_test_add_func ("/report/b/budget/sample", test_budget_sample);
  g_test_add_func ("/report/b/management/known", test_management_known);
  g_test_add_func ("/report/b/management/sample", test_management_sample);

  status = g_test_run ();
  sb_test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}

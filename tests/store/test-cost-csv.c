/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sb-budgets.h"
#include "sb-catalog.h"
#include "sb-cost-csv.h"
#include "sb-costs.h"
#include "sb-suppliers.h"
#include "sb-test-utils.h"

/* The cost import and export on real books, with the fixtures
 * tests/fixtures/costs-*.csv: an accounting export, a German bank
 * export (";", decimal comma, debit and credit columns, balance lines),
 * and a file of problem lines. Amounts are in cents, worked out by hand
 * from the files. */

/* 2026-06-15T12:00:00Z */
#define NOW_MS G_GINT64_CONSTANT (1781524800000)

typedef struct
{
  SbTestBook *book;
  char       *stratus_id;   /* supplier Stratus Cloud, in the book before */
} Fixture;

static SbStore *
store_of (Fixture *f)
{
  return f->book->store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SbSupplier) supplier = sb_supplier_new ();
  g_autoptr(GError) error = NULL;

  f->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (store_of (f), NOW_MS);
  g_assert_true (sb_store_set_base_currency (store_of (f), "EUR", &error));
  g_assert_no_error (error);

  sb_supplier_set_name (supplier, "Stratus Cloud");
  g_assert_true (sb_suppliers_save (store_of (f), supplier, &error));
  g_assert_no_error (error);
  f->stratus_id = g_strdup (sb_supplier_get_id (supplier));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->stratus_id);
  sb_test_book_free (f->book);
}

static GFile *
fixture_file (const char *name)
{
  const char *source_dir = g_getenv ("SERVICEBOOK_SOURCE_DIR");

  g_assert_nonnull (source_dir);

  return g_file_new_build_filename (source_dir, "tests", "fixtures", name, NULL);
}

static SbCostImport *
open_import (Fixture    *f,
             const char *name)
{
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(GError) error = NULL;
  SbCostImport *import = sb_cost_import_new (store_of (f), file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static gint64
count_costs (Fixture *f)
{
  return sb_test_store_count (store_of (f), "SELECT count(*) FROM cost_entry WHERE deleted = 0",
                              NULL);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

#define OR_DASH(text) ((text) != NULL ? (text) : "-")

/* Every live cost as "date amount currency category supplier invoice
 * description", by date and amount. */
static char *
dump_costs (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) costs = sb_costs_list (store_of (f), NULL, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = g_list_model_get_n_items (costs); i > 0; i--)
    {
      g_autoptr(SbCostEntry) entry = g_list_model_get_item (costs, i - 1);

      g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT
                                               " %s %s %s %s",
                                               sb_cost_entry_get_date (entry),
                                               sb_cost_entry_get_amount (entry),
                                               sb_cost_entry_get_currency (entry),
                                               sb_cost_entry_get_rate_micro (entry),
                                               sb_cost_entry_get_category (entry),
                                               OR_DASH (sb_cost_entry_get_supplier_name (entry)),
                                               OR_DASH (sb_cost_entry_get_invoice_ref (entry)),
                                               OR_DASH (sb_cost_entry_get_description (entry))));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **)lines->pdata);
}

static const SbCostImportItem *
item_at_line (SbCostImport *import,
              guint         line)
{
  for (guint i = 0; i < sb_cost_import_get_n_items (import); i++)
    if (sb_cost_import_get_item (import, i)->line == line)
      return sb_cost_import_get_item (import, i);

  g_assert_not_reached ();
}

static void
test_clean_import (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SbCostImport) import = open_import (f, "costs-accounting.csv");
  g_autoptr(SbCostImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *dump = NULL;

  /* Every column guessed from its English name. */
  g_assert_cmpint (sb_cost_import_get_mapping (import, 0), ==, SB_COST_FIELD_DATE);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 1), ==, SB_COST_FIELD_SUPPLIER);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 2), ==, SB_COST_FIELD_INVOICE);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 3), ==, SB_COST_FIELD_CATEGORY);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 4), ==, SB_COST_FIELD_DESCRIPTION);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 5), ==, SB_COST_FIELD_AMOUNT);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 6), ==, SB_COST_FIELD_CURRENCY);
  g_assert_cmpint (sb_cost_import_get_date_format (import), ==, SB_DATE_FORMAT_ISO);
  g_assert_cmpint (sb_cost_import_get_decimal_mark (import), ==, SB_DECIMAL_POINT);
  g_assert_false (sb_cost_import_get_bank_signs (import));
  g_assert_cmpstr (sb_cost_import_get_category_mapping (import, "Software Licences"), ==,
                   "software");
  g_assert_cmpstr (sb_cost_import_get_category_mapping (import, "Cloud hosting"), ==, "cloud");

  g_assert_true (sb_cost_import_plan (import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sb_cost_import_get_n_new (import), ==, 5);
  g_assert_cmpuint (sb_cost_import_get_n_problems (import), ==, 0);
  summary = sb_cost_import_summarize (import);
  g_assert_nonnull (strstr (summary, "5 costs will be imported."));
  g_assert_nonnull (strstr (summary, "2 suppliers will be created: Acme Software, Learn & Co."));

  g_assert_true (sb_cost_import_apply (import, &batch, &error));
  g_assert_no_error (error);
  g_assert_nonnull (batch);
  g_assert_cmpint (count_costs (f), ==, 5);

  /* "stratus cloud" is the supplier of the book; "(45.00)" a credit
   * note; the quoted newline kept; "n/a" means the base currency. */
  dump = dump_costs (f);
  g_assert_cmpstr (dump, ==,
                   "2026-01-15 123456 EUR 1000000 cloud Stratus Cloud INV-1001 Hosting January\n"
                   "2026-02-15 123456 EUR 1000000 cloud Stratus Cloud INV-1002 Hosting February\n"
                   "2026-02-20 45000 EUR 1000000 software Acme Software A-77 Office licences\n"
                   "2026-03-01 -4500 EUR 1000000 software Acme Software A-78 Credit for unused "
                   "seats\n"
                   "2026-03-10 80000 EUR 1000000 training Learn & Co T-5 Course \"GTK\" for\n"
                   "two people");
  g_assert_cmpint (sb_test_store_count (store_of (f),
                                        "SELECT count(*) FROM cost_entry WHERE import_batch = ? "
                                        "AND source = 'import'", batch), ==, 5);
  g_assert_cmpint (sb_test_store_count (store_of (f),
                                        "SELECT count(*) FROM import_batch WHERE id = ? AND "
                                        "kind = 'costs' AND n_records = 5", batch), ==, 1);

  /* The next file with the same header: the mapping is remembered. */
  again = open_import (f, "costs-accounting.csv");
  g_assert_true (sb_cost_import_mapping_was_remembered (again));
}

static void
test_german_bank_export (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SbCostImport) import = open_import (f, "costs-bank-de.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;

  g_assert_cmpint (sb_cost_import_get_mapping (import, 0), ==, SB_COST_FIELD_DATE);
  /* Wertstellung names a date too: the first date column wins. */
  g_assert_cmpint (sb_cost_import_get_mapping (import, 1), ==, SB_COST_FIELD_IGNORE);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 2), ==, SB_COST_FIELD_SUPPLIER);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 3), ==, SB_COST_FIELD_DESCRIPTION);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 4), ==, SB_COST_FIELD_CATEGORY);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 5), ==, SB_COST_FIELD_DEBIT);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 6), ==, SB_COST_FIELD_CREDIT);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 7), ==, SB_COST_FIELD_CURRENCY);
  g_assert_cmpint (sb_cost_import_get_date_format (import), ==, SB_DATE_FORMAT_DAY_FIRST);
  g_assert_cmpint (sb_cost_import_get_decimal_mark (import), ==, SB_DECIMAL_COMMA);
  g_assert_cmpstr (sb_cost_import_get_category_mapping (import, "Lizenzen"), ==, "software");
  g_assert_cmpstr (sb_cost_import_get_category_mapping (import, "Sonstiges"), ==, "other");

  g_assert_true (sb_cost_import_plan (import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sb_cost_import_get_n_new (import), ==, 3);
  g_assert_cmpuint (sb_cost_import_get_n_skipped (import), ==, 3);
  g_assert_cmpuint (sb_cost_import_get_n_problems (import), ==, 0);

  /* The bank's noise, each with its reason. */
  g_assert_cmpint (item_at_line (import, 2)->status, ==, SB_COST_LINE_SKIPPED);
  g_assert_nonnull (strstr (item_at_line (import, 2)->reason, "balance"));
  g_assert_cmpint (item_at_line (import, 6)->status, ==, SB_COST_LINE_SKIPPED);
  g_assert_nonnull (strstr (item_at_line (import, 6)->reason, "no amount"));
  g_assert_cmpint (item_at_line (import, 7)->status, ==, SB_COST_LINE_SKIPPED);
  g_assert_nonnull (strstr (item_at_line (import, 7)->reason, "balance"));
  g_assert_cmpstr (item_at_line (import, 3)->date, ==, "2026-03-02");
  g_assert_cmpint (item_at_line (import, 3)->amount, ==, 123456);
  g_assert_cmpint (item_at_line (import, 5)->amount, ==, -3456);

  g_assert_true (sb_cost_import_apply (import, NULL, &error));
  g_assert_no_error (error);

  dump = dump_costs (f);
  g_assert_cmpstr (dump, ==,
                   "2026-03-02 123456 EUR 1000000 cloud Stratus Cloud - Rechnung 2026-114 "
                   "Hosting\n"
                   "2026-03-05 9900 EUR 1000000 software Neuer Lieferant AG - Lizenzen März\n"
                   "2026-03-13 -3456 EUR 1000000 cloud Stratus Cloud - Gutschrift 2026-114");
  g_assert_cmpint (sb_test_store_count (store_of (f),
                                        "SELECT count(*) FROM supplier WHERE deleted = 0", NULL),
                   ==, 2);
}

static void
test_problem_lines (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SbCostImport) import = open_import (f, "costs-problems.csv");
  g_autoptr(GError) error = NULL;
  const SbCostImportItem *item;

  g_assert_true (sb_cost_import_plan (import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sb_cost_import_get_n_problems (import), ==, 4);
  g_assert_cmpuint (sb_cost_import_get_n_new (import), ==, 2);
  g_assert_cmpuint (sb_cost_import_get_n_skipped (import), ==, 1);

  item = item_at_line (import, 2);
  g_assert_cmpint (item->status, ==, SB_COST_LINE_PROBLEM);
  g_assert_nonnull (strstr (item->reason, "2026-02-30"));
  g_assert_true (g_str_has_prefix (item->reason, "Date: "));

  item = item_at_line (import, 3);
  g_assert_cmpint (item->status, ==, SB_COST_LINE_PROBLEM);
  g_assert_cmpstr (item->reason, ==, "Unknown category “Snacks”: map it to a category");

  item = item_at_line (import, 4);
  g_assert_cmpint (item->status, ==, SB_COST_LINE_PROBLEM);
  g_assert_cmpstr (item->reason, ==, "Unknown currency “XYZ”");

  item = item_at_line (import, 5);
  g_assert_cmpint (item->status, ==, SB_COST_LINE_PROBLEM);
  g_assert_true (g_str_has_prefix (item->reason, "No exchange rate for USD"));

  /* The rate of a line serves the lines after it. */
  g_assert_cmpint (item_at_line (import, 6)->status, ==, SB_COST_LINE_NEW);
  g_assert_cmpint (item_at_line (import, 7)->status, ==, SB_COST_LINE_NEW);
  g_assert_cmpint (item_at_line (import, 8)->status, ==, SB_COST_LINE_SKIPPED);

  /* Mapping the word and giving the rate clears two of them. */
  sb_cost_import_set_category_mapping (import, "Snacks", "other");
  g_assert_true (sb_cost_import_plan (import, &error));
  g_assert_cmpuint (sb_cost_import_get_n_problems (import), ==, 3);

  g_assert_true (sb_cost_import_apply (import, NULL, &error));
  g_assert_no_error (error);
  /* 100.00 USD × 0.92 = 92.00 EUR; 50.00 USD × 0.92 = 46.00 EUR */
  g_assert_cmpint (sb_test_store_count (store_of (f),
                                        "SELECT sum(base_amount) FROM cost_entry WHERE "
                                        "currency = 'USD' AND deleted = 0", NULL), ==, 13800);
  g_assert_cmpint (sb_test_store_count (store_of (f),
                                        "SELECT count(*) FROM cost_entry WHERE deleted = 0 AND "
                                        "category = 'other'", NULL), ==, 1);
  /* A later file uses the book's last rate for the currency. */
  g_assert_cmpint (sb_costs_get_last_rate (store_of (f), "USD"), ==, 920000);
}

static void
test_reimport_skips_duplicates (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SbCostImport) first = open_import (f, "costs-bank-de.csv");
  g_autoptr(SbCostImport) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *batch = NULL;

  g_assert_true (sb_cost_import_apply (first, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_costs (f), ==, 3);

  /* The same import applied twice writes nothing more. */
  g_assert_true (sb_cost_import_plan (first, &error));
  g_assert_cmpuint (sb_cost_import_get_n_new (first), ==, 0);
  g_assert_cmpuint (sb_cost_import_get_n_duplicates (first), ==, 3);

  second = open_import (f, "costs-bank-de.csv");
  g_assert_true (sb_cost_import_plan (second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sb_cost_import_get_n_new (second), ==, 0);
  g_assert_cmpuint (sb_cost_import_get_n_duplicates (second), ==, 3);
  g_assert_cmpint (item_at_line (second, 3)->status, ==, SB_COST_LINE_DUPLICATE);
  g_assert_nonnull (strstr (item_at_line (second, 3)->reason, "already in the book"));

  g_assert_true (sb_cost_import_apply (second, &batch, &error));
  g_assert_no_error (error);
  g_assert_null (batch);
  g_assert_cmpint (count_costs (f), ==, 3);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SbCostImport) bank = open_import (f, "costs-bank-de.csv");
  g_autoptr(SbCostImport) accounting = open_import (f, "costs-accounting.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *bank_batch = NULL;
  g_autofree char *id = NULL;
  g_autofree char *kind = NULL;

  g_assert_true (sb_cost_import_apply (bank, &bank_batch, &error));
  g_assert_true (sb_cost_import_apply (accounting, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_costs (f), ==, 8);

  g_assert_true (sb_import_batch_find (store_of (f), NULL, &id, &kind, &error));
  g_assert_cmpstr (kind, ==, "costs");

  /* The latest first: the accounting file, with its two suppliers. */
  g_assert_true (sb_cost_import_undo (store_of (f), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_costs (f), ==, 3);
  g_assert_cmpint (sb_test_store_count (store_of (f),
                                        "SELECT count(*) FROM supplier WHERE deleted = 0", NULL),
                   ==, 2);

  /* Then the bank's by its batch: the supplier it created goes, Stratus
   * Cloud stays. */
  g_assert_true (sb_cost_import_undo (store_of (f), bank_batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_costs (f), ==, 0);
  g_assert_cmpint (sb_test_store_count (store_of (f),
                                        "SELECT count(*) FROM supplier WHERE deleted = 0", NULL),
                   ==, 1);

  g_assert_false (sb_cost_import_undo (store_of (f), bank_batch, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_cost_import_undo (store_of (f), NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SbCostImport) accounting = open_import (f, "costs-accounting.csv");
  g_autoptr(SbCostImport) problems = NULL;
  g_autoptr(SbCostImport) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *batch = NULL;

  g_assert_true (sb_cost_import_apply (accounting, NULL, &error));
  g_assert_no_error (error);
  /* Opened after: it finds the suppliers the first one created. */
  problems = open_import (f, "costs-problems.csv");
  g_assert_true (sb_cost_import_apply (problems, NULL, &error));
  g_assert_no_error (error);
  before = dump_costs (f);

  path = g_build_filename (f->book->dir, "costs.csv", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (sb_cost_csv_export_to_file (store_of (f), NULL, file, SB_CSV_WRITE_CRLF |
                                             SB_CSV_WRITE_BOM, &error));
  g_assert_no_error (error);

  /* Into the same book: every line is there already. */
  back = sb_cost_import_new (store_of (f), file, &error);
  g_assert_no_error (error);
  g_assert_true (sb_cost_import_plan (back, &error));
  g_assert_cmpuint (sb_cost_import_get_n_duplicates (back), ==, 7);
  g_assert_cmpuint (sb_cost_import_get_n_new (back), ==, 0);
  g_clear_pointer (&back, sb_cost_import_free);

  /* Into a book without them: the same costs again. */
  while (sb_cost_import_undo (store_of (f), NULL, NULL))
    ;
  g_assert_cmpint (count_costs (f), ==, 0);
  back = sb_cost_import_new (store_of (f), file, &error);
  g_assert_no_error (error);
  g_assert_true (sb_cost_import_plan (back, &error));
  g_assert_cmpuint (sb_cost_import_get_n_new (back), ==, 7);
  g_assert_true (sb_cost_import_apply (back, &batch, &error));
  g_assert_no_error (error);
  after = dump_costs (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_export_budget (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SbCostImport) accounting = open_import (f, "costs-accounting.csv");
  g_autoptr(SbBudget) budget = sb_budget_new ("IT 2026", sb_month_from_ymd (2026, 1), "EUR");
  g_autoptr(SbBudgetLine) line = sb_budget_line_new ("cloud");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) cloud = NULL;
  GDate today;

  g_assert_true (sb_cost_import_apply (accounting, NULL, &error));
  g_assert_no_error (error);

  sb_budget_line_set_description (line, "Hosting");
  sb_budget_line_spread (line, 1200000, 12);   /* 1,000.00 a month */
  sb_budget_add_line (budget, line);
  g_assert_true (sb_budgets_save (store_of (f), budget, &error));
  g_assert_no_error (error);

  path = g_build_filename (f->book->dir, "budget.csv", NULL);
  file = g_file_new_for_path (path);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);
  g_assert_true (sb_budget_csv_export_to_file (store_of (f), sb_budget_get_id (budget), &today,
                                               file, SB_CSV_WRITE_DEFAULT, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  rows = g_strsplit (text, "\n", -1);
  header = g_strsplit (rows[0], ",", -1);
  /* Line, Category, 12 × 3 months, 6 totals */
  g_assert_cmpuint (g_strv_length (header), ==, 2 + 36 + 6);
  g_assert_cmpstr (header[2], ==, "2026-01 planned");
  g_assert_cmpstr (header[3], ==, "2026-01 actual");
  g_assert_cmpstr (header[4], ==, "2026-01 variance");
  g_assert_cmpstr (header[38], ==, "Total planned");
  g_assert_cmpstr (header[43], ==, "Variance %");

  /* The cloud line: 1,234.56 in January and February against 1,000.00. */
  for (guint i = 1; rows[i] != NULL && cloud == NULL; i++)
    if (strstr (rows[i], ",cloud,") != NULL && !g_str_has_prefix (rows[i], "Total"))
      cloud = g_strsplit (rows[i], ",", -1);
  g_assert_nonnull (cloud);
  g_assert_cmpstr (cloud[2], ==, "1000.00");
  g_assert_cmpstr (cloud[3], ==, "1234.56");
  g_assert_cmpstr (cloud[4], ==, "234.56");
  g_assert_cmpstr (cloud[6], ==, "1234.56");
  g_assert_cmpstr (cloud[38], ==, "12000.00");
  g_assert_cmpstr (cloud[39], ==, "2469.12");
  g_assert_true (g_str_has_prefix (rows[g_strv_length (rows) - 2], "Total,"));
}

static void
test_bank_signs (Fixture       *f,
                 gconstpointer  data)
{
  static const char csv[] =
    "Datum;Empfänger;Buchungstext;Betrag (EUR)\n"
    "02.03.2026;Stratus Cloud;Hosting März;-1.234,56\n"
    "05.03.2026;Stratus Cloud;Lizenzen;99,00-\n"
    "13.03.2026;Stratus Cloud;Erstattung;+34,56\n";
  g_autofree char *path = g_build_filename (f->book->dir, "umsaetze.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SbCostImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  import = sb_cost_import_new (store_of (f), file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_cost_import_get_mapping (import, 3), ==, SB_COST_FIELD_AMOUNT);

  /* No category column: every line takes the one given. */
  g_assert_true (sb_cost_import_plan (import, &error));
  g_assert_cmpuint (sb_cost_import_get_n_problems (import), ==, 1);
  sb_cost_import_set_default_category (import, "cloud");
  g_assert_true (sb_cost_import_plan (import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sb_cost_import_get_n_new (import), ==, 3);

  /* Most amounts negative: money going out is the cost. */
  g_assert_true (sb_cost_import_get_bank_signs (import));
  g_assert_cmpint (item_at_line (import, 2)->amount, ==, 123456);
  g_assert_cmpint (item_at_line (import, 3)->amount, ==, 9900);
  g_assert_cmpint (item_at_line (import, 4)->amount, ==, -3456);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cost-csv/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("clean-import", test_clean_import);
  ADD ("german-bank-export", test_german_bank_export);
  ADD ("problem-lines", test_problem_lines);
  ADD ("reimport-skips-duplicates", test_reimport_skips_duplicates);
  ADD ("bank-signs", test_bank_signs);
  ADD ("undo", test_undo);
  ADD ("export-round-trip", test_export_round_trip);
  ADD ("export-budget", test_export_budget);

  return g_test_run ();
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-budget-figures.h"
#include "sb-budgets.h"
#include "sb-contracts.h"
#include "sb-cost-csv.h"
#include "sb-money.h"

/*
 * Writing costs and budgets as CSV. The costs in the columns the import
 * guesses back (a round trip gives the same entries); a budget as its
 * grid by line: per month planned, actual and variance, then the totals,
 * plain decimals in the budget's currency.
 */

static gboolean
write_file (GFile       *file,
            GString     *out,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_replace_contents (file, out->str, out->len, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, SB_CSV_ERROR, SB_CSV_ERROR_IO,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_cost_csv_export_to_file:
 * @store: a store
 * @filter: (nullable): what to export; %NULL for every cost
 * @file: where to write
 * @flags: line ends and byte order mark
 * @error: return location for a #GError
 *
 * Writes the costs oldest first with the header Date, Amount, Currency,
 * Rate, Category, Supplier, Contract, Service, Invoice, Description:
 * amounts and rates with a decimal point, categories by their schema
 * names, the supplier by name, the contract by reference and the service
 * by code, as sb_cost_import_new() reads them back.
 *
 * Returns: %TRUE when written
 */
gboolean
sb_cost_csv_export_to_file (SbStore            *store,
                            const SbCostFilter *filter,
                            GFile              *file,
                            SbCsvWriteFlags     flags,
                            GError            **error)
{
  static const char * const header[] = {
    "Date", "Amount", "Currency", "Rate", "Category", "Supplier", "Contract", "Service",
    "Invoice", "Description",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GListModel) costs = NULL;
  guint n;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  costs = sb_costs_list (store, filter, error);
  if (costs == NULL)
    return FALSE;

  sb_csv_write_start (out, flags);
  sb_csv_write_row (out, header, G_N_ELEMENTS (header), ',', flags);

  /* The list is newest first; the file reads as a ledger. */
  n = g_list_model_get_n_items (costs);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(SbCostEntry) entry = g_list_model_get_item (costs, i - 1);
      const char *currency = sb_cost_entry_get_currency (entry);
      g_autofree char *amount = sb_money_format_plain (sb_cost_entry_get_amount (entry), currency);
      g_autofree char *rate = sb_rate_format_plain (sb_cost_entry_get_rate_micro (entry));
      const char *row[G_N_ELEMENTS (header)] = {
        sb_cost_entry_get_date (entry),
        amount,
        currency,
        rate,
        sb_cost_entry_get_category (entry),
        sb_cost_entry_get_supplier_name (entry),
        sb_cost_entry_get_contract_reference (entry),
        sb_cost_entry_get_service_code (entry),
        sb_cost_entry_get_invoice_ref (entry),
        sb_cost_entry_get_description (entry),
      };

      for (guint c = 0; c < G_N_ELEMENTS (row); c++)
        if (row[c] == NULL)
          row[c] = "";
      sb_csv_write_row (out, row, G_N_ELEMENTS (row), ',', flags);
    }

  return write_file (file, out, error);
}

static void
add_amount (GPtrArray  *row,
            gint64      amount,
            const char *currency)
{
  g_ptr_array_add (row, sb_money_format_plain (amount, currency));
}

static void
write_figures_row (GString            *out,
                   const SbFiguresRow *figures,
                   const char         *label,
                   guint               n_months,
                   const char         *currency,
                   SbCsvWriteFlags     flags)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (row, g_strdup (label));
  g_ptr_array_add (row, g_strdup (figures->category != NULL ? figures->category : ""));
  for (guint m = 0; m < n_months; m++)
    {
      add_amount (row, figures->planned[m], currency);
      add_amount (row, figures->actual[m], currency);
      add_amount (row, sb_variance (figures->actual[m], figures->planned[m]), currency);
    }
  add_amount (row, figures->planned_total, currency);
  add_amount (row, figures->actual_total, currency);
  add_amount (row, figures->committed_total, currency);
  add_amount (row, figures->forecast, currency);
  add_amount (row, figures->variance, currency);
  /* Basis points as a plain percent with two decimals: "12.50". */
  if (figures->variance_defined)
    g_ptr_array_add (row, g_strdup_printf ("%s%d.%02d", figures->variance_bp < 0 ? "-" : "",
                                           ABS (figures->variance_bp) / 100,
                                           ABS (figures->variance_bp) % 100));
  else
    g_ptr_array_add (row, g_strdup (""));

  sb_csv_write_row (out, (const char * const *)row->pdata, row->len, ',', flags);
}

/**
 * sb_budget_csv_export_to_file:
 * @store: a store
 * @budget_id: the budget
 * @today: (nullable): the day the figures are for; %NULL for the store's
 *   today
 * @file: where to write
 * @flags: line ends and byte order mark
 * @error: return location for a #GError
 *
 * Writes the grid of sb_budget_figures_compute() by line. The header
 * names every column: "Line", "Category", then for each month M of the
 * period "M planned", "M actual", "M variance" (actual − planned), then
 * "Total planned", "Total actual", "Committed", "Forecast", "Variance"
 * (forecast − planned) and "Variance %" (empty when nothing was
 * planned). One row per line, the unbudgeted rows, and a last row
 * "Total". Amounts are plain decimals ("1234.50") in the budget's
 * currency.
 *
 * Returns: %TRUE when written
 */
gboolean
sb_budget_csv_export_to_file (SbStore          *store,
                              const char       *budget_id,
                              const GDate      *today,
                              GFile            *file,
                              SbCsvWriteFlags   flags,
                              GError          **error)
{
  g_autoptr(SbBudgetFigures) figures = NULL;
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *currency;
  SbMonth start;
  guint n_months;
  GDate day;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (budget_id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == NULL)
    {
      sb_contracts_get_today (store, &day);
      today = &day;
    }

  figures = sb_budget_figures_compute (store, budget_id, today, SB_FIGURES_BY_LINE, error);
  if (figures == NULL)
    return FALSE;

  start = sb_budget_figures_get_start (figures);
  n_months = sb_budget_figures_get_n_months (figures);
  currency = sb_budget_figures_get_currency (figures);

  /* Column names are for programs as much as people: not translated,
   * as the other exports. */
  g_ptr_array_add (header, g_strdup ("Line"));
  g_ptr_array_add (header, g_strdup ("Category"));
  for (guint m = 0; m < n_months; m++)
    {
      g_autofree char *month = sb_month_format (start + (SbMonth)m);

      g_ptr_array_add (header, g_strdup_printf ("%s planned", month));
      g_ptr_array_add (header, g_strdup_printf ("%s actual", month));
      g_ptr_array_add (header, g_strdup_printf ("%s variance", month));
    }
  g_ptr_array_add (header, g_strdup ("Total planned"));
  g_ptr_array_add (header, g_strdup ("Total actual"));
  g_ptr_array_add (header, g_strdup ("Committed"));
  g_ptr_array_add (header, g_strdup ("Forecast"));
  g_ptr_array_add (header, g_strdup ("Variance"));
  g_ptr_array_add (header, g_strdup ("Variance %"));

  sb_csv_write_start (out, flags);
  sb_csv_write_row (out, (const char * const *)header->pdata, header->len, ',', flags);

  for (guint r = 0; r < sb_budget_figures_get_n_rows (figures); r++)
    {
      const SbFiguresRow *row = sb_budget_figures_get_row (figures, r);

      write_figures_row (out, row, row->label, n_months, currency, flags);
    }
  write_figures_row (out, sb_budget_figures_get_total (figures), "Total", n_months, currency,
                     flags);

  return write_file (file, out, error);
}

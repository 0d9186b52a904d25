/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-budget-figures.h"
#include "sb-budget-math.h"
#include "sb-budgets.h"
#include "sb-contracts.h"
#include "sb-report-output.h"

#include "sb-report-util-b.h"
#include "sb-reports-private.h"

/*
 * Budget against actual (DOMAIN.md, Reports 6): the budget covering the
 * period (its whole financial period), per line and month planned, actual
 * and variance in tables of six months that fit a portrait page, the
 * forecast per line, a chart of plan and actual per month with the
 * forecast, spend per supplier and per service, and the biggest over-runs
 * explained in words.
 */

#define MONTHS_PER_TABLE 6
#define MAX_EXPLAINED    3

typedef struct
{
  SbBudgetFigures *figures;
  const char *currency;
  SbMonth start;
  guint n_months;
  int current;
} Budget;

static char *
money (Budget *b,
       gint64  amount)
{
  return sb_report_b_money (amount, b->currency);
}

static char *
whole (Budget *b,
       gint64  amount)
{
  return sb_report_b_money_whole (amount, b->currency);
}

static char *
variance_percent (const SbFiguresRow *row)
{
  if (!row->variance_defined)
    return g_strdup ("—");
  return sb_percent_bp_format (row->variance_bp, TRUE);
}

/* What a month will end at: its actual and committed costs, and for a
 * month still ahead what remains of its plan (as the forecast counts). */
static gint64
month_forecast (Budget             *b,
                const SbFiguresRow *row,
                guint               i)
{
  return sb_budget_forecast (&row->planned[i], &row->actual[i], &row->committed[i], 1,
                             (int) i > b->current ? -1 : 1);
}

static void
add_month_rows (Budget             *b,
                SbReportTable      *table,
                const SbFiguresRow *row,
                const char         *label,
                guint               first,
                guint               n,
                gboolean            total)
{
  const char *names[] = { C_ ("budget figure", "Planned"), C_ ("budget figure", "Actual"),
                          C_ ("budget figure", "Variance") };
  const guint n_cols = 2 + n;

  sb_report_table_begin_group (table);
  for (guint kind = 0; kind < 3; kind++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, g_strdup (kind == 0 ? label : ""));
      g_ptr_array_add (cells, g_strdup (names[kind]));
      for (guint i = first; i < first + n; i++)
        {
          gboolean ahead = (int) i > b->current;

          if (kind == 0)
            g_ptr_array_add (cells, whole (b, row->planned[i]));
          else if (ahead)
            g_ptr_array_add (cells, g_strdup ("—"));
          else if (kind == 1)
            g_ptr_array_add (cells, whole (b, row->actual[i]));
          else
            g_ptr_array_add (cells, whole (b, sb_variance (row->actual[i], row->planned[i])));
        }
      g_assert (cells->len == n_cols);
      g_ptr_array_add (cells, NULL);
      if (total)
        sb_report_table_add_total_rowv (table, (const char * const *)cells->pdata);
      else
        sb_report_table_add_rowv (table, (const char * const *)cells->pdata);
    }
  sb_report_table_end_group (table);
}

static void
add_month_tables (Budget           *b,
                  SbReportDocument *doc)
{
  const SbFiguresRow *total = sb_budget_figures_get_total (b->figures);
  guint n_rows = sb_budget_figures_get_n_rows (b->figures);

  for (guint first = 0; first < b->n_months; first += MONTHS_PER_TABLE)
    {
      guint n = MIN (MONTHS_PER_TABLE, b->n_months - first);
      g_autofree char *from = sb_month_get_label (b->start + first, TRUE);
      g_autofree char *to = sb_month_get_label (b->start + first + n - 1, TRUE);
      /* Translators: a table's title; the two %s are months, as in
       * "Apr 2026 – Sep 2026" */
      g_autofree char *title = g_strdup_printf (_("Per line and month, %s – %s"), from, to);
      SbReportTable *table = sb_report_document_add_table (doc, title);

      sb_report_table_add_column (table, _("Line"), SB_REPORT_ALIGN_START, 2.3);
      sb_report_table_add_column (table, _("Figure"), SB_REPORT_ALIGN_START, 1.25);
      for (guint i = first; i < first + n; i++)
        {
          g_autofree char *month = sb_month_get_label (b->start + i, FALSE);

          sb_report_table_add_column (table, month, SB_REPORT_ALIGN_END, 0.95);
        }

      for (guint r = 0; r < n_rows; r++)
        {
          const SbFiguresRow *row = sb_budget_figures_get_row (b->figures, r);

          add_month_rows (b, table, row, row->label, first, n, FALSE);
        }
      add_month_rows (b, table, total, _("Total"), first, n, TRUE);
    }
}

static void
add_summary_table (Budget           *b,
                   SbReportDocument *doc,
                   SbBudgetFigures  *figures,
                   const char       *title,
                   const char       *first_column,
                   const char       *empty)
{
  SbReportTable *table = sb_report_document_add_table (doc, title);
  const SbFiguresRow *total = sb_budget_figures_get_total (figures);

  sb_report_table_add_column (table, first_column, SB_REPORT_ALIGN_START, 2.0);
  sb_report_table_add_column (table, _("Planned"), SB_REPORT_ALIGN_END, 1.25);
  sb_report_table_add_column (table, _("Actual to date"), SB_REPORT_ALIGN_END, 1.25);
  sb_report_table_add_column (table, _("Committed"), SB_REPORT_ALIGN_END, 1.25);
  sb_report_table_add_column (table, _("Forecast"), SB_REPORT_ALIGN_END, 1.25);
  sb_report_table_add_column (table, _("Variance"), SB_REPORT_ALIGN_END, 1.25);
  sb_report_table_add_column (table, _("Variance %"), SB_REPORT_ALIGN_END, 1.0);
  sb_report_table_set_empty_text (table, empty);

  for (guint r = 0; r <= sb_budget_figures_get_n_rows (figures); r++)
    {
      gboolean is_total = r == sb_budget_figures_get_n_rows (figures);
      const SbFiguresRow *row = is_total ? total : sb_budget_figures_get_row (figures, r);
      g_autofree char *planned = money (b, row->planned_total);
      g_autofree char *actual = money (b, row->actual_to_date);
      g_autofree char *committed = money (b, row->committed_total);
      g_autofree char *forecast = money (b, row->forecast);
      g_autofree char *variance = money (b, row->variance);
      g_autofree char *percent = variance_percent (row);
      g_autofree char *label = NULL;
      const char *cells[8];

      if (is_total && r == 0)
        break;
      if (is_total)
        label = g_strdup (_("Total"));
      else
        label = g_strdup (row->label != NULL && *row->label != '\0' ? row->label : _("Not assigned"));

      cells[0] = label;
      cells[1] = planned;
      cells[2] = actual;
      cells[3] = committed;
      cells[4] = forecast;
      cells[5] = variance;
      cells[6] = percent;
      cells[7] = NULL;
      if (is_total)
        sb_report_table_add_total_rowv (table, cells);
      else
        sb_report_table_add_rowv (table, cells);
    }
}

static void
add_chart (Budget           *b,
           SbReportDocument *doc)
{
  const SbFiguresRow *total = sb_budget_figures_get_total (b->figures);
  g_autoptr(SbChart) chart = sb_chart_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gint64 actual[SB_FIGURES_MAX_MONTHS];
  gint64 forecast[SB_FIGURES_MAX_MONTHS];

  for (guint i = 0; i < b->n_months; i++)
    {
      g_ptr_array_add (labels, sb_month_get_label (b->start + i, FALSE));
      actual[i] = (int) i > b->current ? 0 : total->actual[i];
      forecast[i] = month_forecast (b, total, i);
    }

  sb_chart_set_title (chart, _("Planned and actual costs per month"));
  sb_chart_set_categories (chart, (const char * const *)labels->pdata, labels->len);
  sb_chart_add_series (chart, _("Planned"), SB_CHART_BARS, total->planned, b->n_months);
  sb_chart_add_series (chart, _("Actual"), SB_CHART_BARS, actual, b->n_months);
  sb_chart_add_series (chart, _("Forecast"), SB_CHART_LINE, forecast, b->n_months);
  sb_report_b_chart_money (chart, b->currency);
  if (b->current >= 0 && b->current < (int) b->n_months)
    sb_chart_set_marker (chart, b->current, _("Today"));
  sb_report_document_add_chart (doc, g_steal_pointer (&chart), 210);
}

static int
compare_variance (gconstpointer a,
                  gconstpointer b)
{
  const SbFiguresRow *x = *(const SbFiguresRow * const *)a;
  const SbFiguresRow *y = *(const SbFiguresRow * const *)b;

  return x->variance < y->variance ? 1 : x->variance > y->variance ? -1 : 0;
}

static char *
explain_row (Budget             *b,
             guint               index,
             const SbFiguresRow *row)
{
  g_autofree char *forecast = money (b, row->forecast);
  g_autofree char *planned = money (b, row->planned_total);
  g_autofree char *over = money (b, row->variance);
  g_autofree char *percent = variance_percent (row);
  g_autofree char *actual = money (b, row->actual_to_date);
  g_autofree char *planned_to_date = money (b, row->planned_to_date);
  g_autofree char *committed = money (b, row->committed_total);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  gint64 worst = 0;
  int worst_month = -1;

  if (row->unbudgeted)
    /* Translators: %s: a budget line's label, then amounts */
    first = g_strdup_printf (_("%s: %s is forecast for costs that match no budget line, "
                               "%s of it spent so far and %s committed."),
                             row->label, forecast, actual, committed);
  else
    /* Translators: a line's label, its forecast, its plan, the over-run
     * and the over-run in per cent */
    first = g_strdup_printf (_("%s: forecast %s against %s planned, %s (%s) over."),
                             row->label, forecast, planned, over, percent);

  if (!row->unbudgeted)
    /* Translators: amounts of money */
    second = g_strdup_printf (_("So far %s has been spent against %s planned to date, and %s "
                                "is committed."), actual, planned_to_date, committed);

  for (guint i = 0; i < b->n_months && (int) i <= MIN (b->current, (int) b->n_months - 1); i++)
    {
      gint64 over_month = row->actual[i] + row->committed[i] - row->planned[i];

      if (over_month > worst)
        {
          worst = over_month;
          worst_month = i;
        }
    }

  if (worst_month >= 0)
    {
      g_autoptr(GPtrArray) details = sb_budget_figures_explain (b->figures, index, worst_month);
      g_autofree char *month = sb_month_get_label (b->start + worst_month, TRUE);
      g_autofree char *spent = money (b, row->actual[worst_month] + row->committed[worst_month]);
      g_autofree char *plan = money (b, row->planned[worst_month]);
      SbFigureDetail *biggest = NULL;

      for (guint i = 0; details != NULL && i < details->len; i++)
        {
          SbFigureDetail *d = g_ptr_array_index (details, i);

          if (biggest == NULL || d->amount > biggest->amount)
            biggest = d;
        }

      if (biggest != NULL && biggest->description != NULL)
        {
          g_autofree char *amount = money (b, biggest->amount);

          /* Translators: a month, amounts, then what the biggest cost was,
           * as in "The most was in Mar 2026: €2,400.00 against €1,000.00
           * planned, the largest being Invoice 114 — Stratus Cloud
           * (€1,800.00)." */
          third = g_strdup_printf (_("The most was in %s: %s against %s planned, the largest "
                                     "being %s (%s)."),
                                   month, spent, plan, biggest->description, amount);
        }
      else
        third = g_strdup_printf (_("The most was in %s: %s against %s planned."),
                                 month, spent, plan);
    }

  return g_strjoin (" ", first, second != NULL ? second : "", third != NULL ? third : "", NULL);
}

static void
add_explanations (Budget           *b,
                  SbReportDocument *doc)
{
  g_autoptr(GPtrArray) over = g_ptr_array_new ();
  guint n_rows = sb_budget_figures_get_n_rows (b->figures);

  sb_report_document_add_section (doc, _("Where the budget is over"));

  for (guint r = 0; r < n_rows; r++)
    {
      const SbFiguresRow *row = sb_budget_figures_get_row (b->figures, r);

      if (row->variance > 0)
        g_ptr_array_add (over, (gpointer)row);
    }

  if (over->len == 0)
    {
      sb_report_document_add_paragraph (doc, _("No line is forecast to cost more than its plan."));
      return;
    }

  g_ptr_array_sort (over, compare_variance);
  for (guint i = 0; i < MIN (over->len, MAX_EXPLAINED); i++)
    {
      const SbFiguresRow *row = g_ptr_array_index (over, i);
      g_autofree char *text = NULL;
      guint index = 0;

      for (guint r = 0; r < n_rows; r++)
        if (sb_budget_figures_get_row (b->figures, r) == row)
          index = r;
      text = explain_row (b, index, row);
      g_strstrip (text);
      sb_report_document_add_paragraph (doc, text);
    }

  if (over->len > MAX_EXPLAINED)
    {
      g_autofree char *rest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more line is forecast over its plan; see the table of forecasts.",
                                                            "%u more lines are forecast over their plan; see the table of forecasts.",
                                                            over->len - MAX_EXPLAINED),
                                               over->len - MAX_EXPLAINED);
      sb_report_document_add_paragraph (doc, rest);
    }
}

/* The budget covering the period: at its first day, else at its last. */
static SbBudget *
find_budget (SbStore              *store,
             const SbReportPeriod *period,
             GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  SbBudget *budget;

  budget = sb_budgets_find_current (store, &period->first, &local_error);
  if (budget == NULL && local_error == NULL)
    budget = sb_budgets_find_current (store, &period->last, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (budget != NULL)
    return budget;

  label = sb_report_period_get_label (period);
  /* Translators: %s is a report period, as in "October 2026" */
  g_set_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID,
               _("No budget covers %s. Make one on the Budgets page, or choose a period "
                 "a budget covers."), label);
  return NULL;
}

/**
 * sb_report_build_budget:
 * @store: the book
 * @period: a period; the report covers the whole budget covering it
 * @filters: (nullable): not used
 * @error: return location for a #GError
 *
 * Builds the budget against actual. Fails with %SB_REPORT_ERROR_INVALID
 * when no budget covers the period.
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
SbReportDocument *
sb_report_build_budget (SbStore               *store,
                        const SbReportPeriod  *period,
                        const SbReportFilters *filters,
                        GError               **error)
{
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(SbBudgetFigures) figures = NULL;
  g_autoptr(SbBudgetFigures) by_supplier = NULL;
  g_autoptr(SbBudgetFigures) by_service = NULL;
  g_autoptr(SbReportDocument) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *period_label = NULL;
  g_autofree char *intro = NULL;
  const SbFiguresRow *total;
  Budget b = { 0 };
  GDate today;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  budget = find_budget (store, period, error);
  if (budget == NULL)
    return NULL;

  sb_contracts_get_today (store, &today);
  figures = sb_budget_figures_compute (store, sb_budget_get_id (budget), &today,
                                       SB_FIGURES_BY_LINE, error);
  if (figures == NULL)
    return NULL;
  by_supplier = sb_budget_figures_compute (store, sb_budget_get_id (budget), &today,
                                           SB_FIGURES_BY_SUPPLIER, error);
  if (by_supplier == NULL)
    return NULL;
  by_service = sb_budget_figures_compute (store, sb_budget_get_id (budget), &today,
                                          SB_FIGURES_BY_SERVICE, error);
  if (by_service == NULL)
    return NULL;

  b.figures = figures;
  b.currency = sb_budget_figures_get_currency (figures);
  b.start = sb_budget_figures_get_start (figures);
  b.n_months = sb_budget_figures_get_n_months (figures);
  b.current = sb_budget_figures_get_current (figures);
  total = sb_budget_figures_get_total (figures);

  /* Translators: a report's title; %s is the budget's name */
  title = g_strdup_printf (_("Budget against actual: %s"), sb_budget_get_name (budget));
  doc = sb_report_document_new (title);
  period_label = sb_fiscal_period_get_label (b.start, b.n_months);
  sb_report_b_describe (doc, store, period_label,
                        _("Where the money of the budget has gone and where it is heading: "
                          "plan, actual costs and variance per line and month, the forecast "
                          "at the period's end, spend per supplier and per service, and the "
                          "biggest over-runs explained."),
                        _("The business owner and whoever approves the budget"),
                        _("The budget with its lines, cost entries, contract charges still to "
                          "confirm and time logged on incidents"));

  {
    g_autofree char *planned = money (&b, total->planned_total);
    g_autofree char *actual = money (&b, total->actual_to_date);
    g_autofree char *to_date = money (&b, total->planned_to_date);
    g_autofree char *to_date_detail = g_strdup_printf (_("planned to date: %s"), to_date);
    g_autofree char *committed = money (&b, total->committed_total);
    g_autofree char *forecast = money (&b, total->forecast);
    g_autofree char *variance = money (&b, total->variance);
    g_autofree char *percent = variance_percent (total);
    g_autofree char *status = g_strdup (sb_budget_status_get_label (sb_budget_get_status (budget)));

    sb_report_document_add_key_figure (doc, _("Planned"), planned, status);
    sb_report_document_add_key_figure (doc, _("Actual to date"), actual, to_date_detail);
    sb_report_document_add_key_figure (doc, _("Committed"), committed, _("charges to confirm"));
    sb_report_document_add_key_figure (doc, _("Forecast"), forecast, _("at the period's end"));
    sb_report_document_add_key_figure (doc, _("Variance"), variance, percent);
    sb_report_document_end_key_figures (doc);
  }

  add_chart (&b, doc);

  sb_report_document_add_section (doc, _("Forecast at the period's end"));
  add_summary_table (&b, doc, figures, _("Per budget line"), _("Line"),
                     _("The budget has no lines and nothing was spent."));

  add_explanations (&b, doc);

  sb_report_document_add_section (doc, _("Per line and month"));
  {
    g_autofree char *current = NULL;

    if (b.current >= 0 && b.current < (int) b.n_months)
      {
        current = sb_month_get_label (b.start + b.current, TRUE);
        /* Translators: %s is the currency code, then a month */
        intro = g_strdup_printf (_("Amounts in %s, rounded to whole units. Variance is actual "
                                   "less planned: a positive variance is an over-run. Months "
                                   "after %s show the plan only."), b.currency, current);
      }
    else
      intro = g_strdup_printf (_("Amounts in %s, rounded to whole units. Variance is actual "
                                 "less planned: a positive variance is an over-run."), b.currency);
    sb_report_document_add_paragraph (doc, intro);
  }
  add_month_tables (&b, doc);

  sb_report_document_add_section (doc, _("Spend per supplier and per service"));
  add_summary_table (&b, doc, by_supplier, _("Per supplier"), _("Supplier"),
                     _("No costs are tied to a supplier."));
  add_summary_table (&b, doc, by_service, _("Per service"), _("Service"),
                     _("No costs are tied to a service."));

  return g_steal_pointer (&doc);
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-calendar.h"
#include "sb-catalog.h"
#include "sb-contract-terms.h"
#include "sb-contracts.h"
#include "sb-costs.h"
#include "sb-deadlines.h"
#include "sb-escalations.h"
#include "sb-incident.h"
#include "sb-report-output.h"
#include "sb-supplier-performance.h"
#include "sb-suppliers.h"
#include "sb-time.h"

#include "sb-report-util-b.h"
#include "sb-reports-private.h"

/*
 * The supplier performance review (DOMAIN.md, Reports 4) for one supplier
 * and a period: its contracts, what it cost, how the incidents escalated
 * to it went against its contracts' targets (with every breach named and
 * the trend of the months before), the scores of its reviews over time,
 * open disputes, alignment gaps, and the notice deadlines of the next
 * twelve months. It is what both sides bring to a review meeting.
 */

#define MAX_REVIEWS_CHARTED 8

typedef struct
{
  SbStore *store;
  const SbReportPeriod *period;
  SbSupplier *supplier;
  GListModel *contracts;        /* of SbContract */
  GHashTable *contract_by_id;   /* borrowed SbContract */
  const char *base;             /* the book's base currency */
  GDate as_of;
} Review;

static char *
priority_label (guint priority)
{
  /* Translators: an incident priority, as in "P2" */
  return g_strdup_printf (C_ ("priority", "P%u"), priority);
}

static char *
contract_label (SbContract *contract)
{
  /* Translators: a contract's reference and title, as in
   * "HOST-2024 — Managed hosting" */
  return g_strdup_printf (C_ ("contract", "%s — %s"), sb_contract_get_reference (contract),
                          sb_contract_get_title (contract));
}

static void
add_contracts (Review           *review,
               SbReportDocument *doc)
{
  SbReportTable *table;
  guint n = g_list_model_get_n_items (review->contracts);
  int warning_days = sb_contracts_get_warning_days (review->store);

  sb_report_document_add_section (doc, _("Contracts"));
  table = sb_report_document_add_table (doc, _("Contracts with this supplier"));
  sb_report_table_add_column (table, _("Contract"), SB_REPORT_ALIGN_START, 1.8);
  sb_report_table_add_column (table, _("Terms"), SB_REPORT_ALIGN_START, 3.2);
  sb_report_table_add_column (table, _("Status"), SB_REPORT_ALIGN_START, 1.1);
  sb_report_table_add_column (table, _("Cost"), SB_REPORT_ALIGN_END, 1.3);
  sb_report_table_set_empty_text (table, _("No contracts with this supplier are recorded."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (review->contracts, i);
      g_autofree char *label = contract_label (contract);
      g_autofree char *terms = sb_contract_terms_describe (sb_contract_get_terms (contract));
      g_autofree char *cost = NULL;
      SbContractState state;
      gint64 amount = sb_contract_get_cost_amount (contract);

      sb_contract_get_state (contract, &review->as_of, warning_days, &state);
      if (amount >= 0)
        {
          g_autofree char *money = sb_report_b_money (amount, sb_contract_get_cost_currency (contract));

          /* Translators: a contract's cost and how often it is billed, as
           * in "€450.00, Monthly" */
          cost = g_strdup_printf (C_ ("contract cost", "%s, %s"), money,
                                  sb_billing_period_get_label (sb_contract_get_billing_period (contract)));
        }
      else
        cost = g_strdup ("—");

      sb_report_table_add_row (table, label, terms, sb_contract_status_get_label (state.status),
                               cost, NULL);
    }
}

/* Actual costs of the period and charges still to confirm, per contract. */
typedef struct
{
  char  *label;
  gint64 actual;
  gint64 committed;
} SpendRow;

static void
spend_row_free (gpointer data)
{
  SpendRow *row = data;

  g_free (row->label);
  g_free (row);
}

static SpendRow *
spend_row_for (Review     *review,
               GHashTable *rows,
               GPtrArray  *order,
               const char *contract_id)
{
  SpendRow *row = g_hash_table_lookup (rows, contract_id != NULL ? contract_id : "");
  SbContract *contract;

  if (row != NULL)
    return row;

  row = g_new0 (SpendRow, 1);
  contract = contract_id != NULL ? g_hash_table_lookup (review->contract_by_id, contract_id) : NULL;
  row->label = contract != NULL ? contract_label (contract)
                                : g_strdup (_("Not charged to a contract"));
  g_hash_table_insert (rows, g_strdup (contract_id != NULL ? contract_id : ""), row);
  g_ptr_array_add (order, row);
  return row;
}

static gboolean
add_spend (Review           *review,
           SbReportDocument *doc,
           gint64           *out_actual,
           gint64           *out_committed,
           GError          **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, spend_row_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GListModel) costs = NULL;
  g_autoptr(GPtrArray) committed = NULL;
  const char *supplier_id = sb_supplier_get_id (review->supplier);
  g_autofree char *actual_text = NULL;
  g_autofree char *committed_text = NULL;
  g_autofree char *intro = NULL;
  SbReportTable *table;
  SbCostFilter filter;
  gint64 actual = 0;
  gint64 pending = 0;

  sb_cost_filter_init (&filter);
  filter.from = review->period->first;
  filter.to = review->period->last;
  filter.supplier_id = supplier_id;
  costs = sb_costs_list (review->store, &filter, error);
  if (costs == NULL)
    return FALSE;

  committed = sb_costs_list_committed (review->store, &review->period->first,
                                       &review->period->last, error);
  if (committed == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (costs); i++)
    {
      g_autoptr(SbCostEntry) entry = g_list_model_get_item (costs, i);
      SpendRow *row = spend_row_for (review, rows, order, sb_cost_entry_get_contract_id (entry));

      row->actual += sb_cost_entry_get_base_amount (entry);
      actual += sb_cost_entry_get_base_amount (entry);
    }

  for (guint i = 0; i < committed->len; i++)
    {
      SbCommittedCost *cost = g_ptr_array_index (committed, i);
      SpendRow *row;

      if (g_strcmp0 (cost->supplier_id, supplier_id) != 0)
        continue;
      row = spend_row_for (review, rows, order, cost->contract_id);
      row->committed += cost->base_amount;
      pending += cost->base_amount;
    }

  sb_report_document_add_section (doc, _("Spend"));
  actual_text = sb_report_b_money (actual, review->base);
  committed_text = sb_report_b_money (pending, review->base);
  /* Translators: the first %s is an amount of money, the second one too */
  intro = g_strdup_printf (_("Costs booked against this supplier in the period come to %s. "
                             "Charges of its contracts dated in the period and not yet "
                             "confirmed as costs come to %s. Amounts in the book's base "
                             "currency."),
                           actual_text, committed_text);
  sb_report_document_add_paragraph (doc, intro);

  table = sb_report_document_add_table (doc, _("Spend in the period"));
  sb_report_table_add_column (table, _("Contract"), SB_REPORT_ALIGN_START, 3.0);
  sb_report_table_add_column (table, _("Actual"), SB_REPORT_ALIGN_END, 1.2);
  sb_report_table_add_column (table, _("Committed"), SB_REPORT_ALIGN_END, 1.2);
  sb_report_table_set_empty_text (table, _("Nothing was spent with this supplier in the period."));

  for (guint i = 0; i < order->len; i++)
    {
      SpendRow *row = g_ptr_array_index (order, i);
      g_autofree char *a = sb_report_b_money (row->actual, review->base);
      g_autofree char *c = sb_report_b_money (row->committed, review->base);

      sb_report_table_add_row (table, row->label, a, c, NULL);
    }
  if (order->len > 0)
    {
      const char *cells[] = { _("Total"), actual_text, committed_text };

      sb_report_table_add_total_rowv (table, cells);
    }

  *out_actual = actual;
  *out_committed = pending;
  return TRUE;
}

/* The verdict of one clock of an escalation, as the performance figures
 * judge it: in business minutes of the contract's calendar. */
static gboolean
judge (SbCalendar *calendar,
       gint64      start_ms,
       gint64      end_ms,
       gint64      now_ms,
       guint       target,
       gint64     *out_minutes,
       gboolean   *out_breached,
       GError    **error)
{
  *out_breached = FALSE;
  *out_minutes = -1;

  if (end_ms == SB_INCIDENT_NO_TIME)
    {
      if (target == 0 || now_ms <= start_ms)
        return TRUE;
      end_ms = now_ms;
      if (!sb_calendar_business_minutes_between (calendar, start_ms, end_ms, out_minutes, error))
        return FALSE;
      *out_breached = *out_minutes > target;
      *out_minutes = -1;  /* still running: no duration to show */
      return TRUE;
    }

  if (!sb_calendar_business_minutes_between (calendar, start_ms, end_ms, out_minutes, error))
    return FALSE;
  *out_breached = target > 0 && *out_minutes > target;
  return TRUE;
}

static char *
clock_text (const char *what,
            gint64      minutes,
            guint       target)
{
  g_autofree char *target_text = sb_duration_format (target);

  if (minutes < 0)
    /* Translators: a breached clock still running, as in "Resolution:
     * still open, target 8 h" */
    return g_strdup_printf (_("%s: still open, target %s"), what, target_text);
  else
    {
      g_autofree char *took = sb_duration_format (minutes);

      /* Translators: a breached clock, as in "Response: 5 h 20 min against 4 h" */
      return g_strdup_printf (_("%s: %s against %s"), what, took, target_text);
    }
}

static gboolean
add_breaches (Review           *review,
              SbReportDocument *doc,
              GError          **error)
{
  g_autoptr(GPtrArray) escalations = NULL;
  g_autoptr(GHashTable) calendars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify)sb_calendar_unref);
  gint64 from_ms;
  gint64 to_ms;
  gint64 now_ms;
  SbReportTable *table;

  sb_report_period_get_range_ms (review->period, &from_ms, &to_ms);
  escalations = sb_escalations_list_for_supplier (review->store, sb_supplier_get_id (review->supplier),
                                                  NULL, from_ms, to_ms, error);
  if (escalations == NULL)
    return FALSE;

  /* Clocks still running are judged as the performance figures judge
   * them: by the book's clock, which dated the document */
  now_ms = sb_report_document_get_generated_at (doc);

  table = sb_report_document_add_table (doc, _("Breaches of the supplier's targets"));
  sb_report_table_add_column (table, _("Incident"), SB_REPORT_ALIGN_START, 1.3);
  sb_report_table_add_column (table, _("Title"), SB_REPORT_ALIGN_START, 1.8);
  sb_report_table_add_column (table, _("Priority"), SB_REPORT_ALIGN_CENTER, 0.8);
  sb_report_table_add_column (table, _("Escalated"), SB_REPORT_ALIGN_END, 1.6);
  sb_report_table_add_column (table, _("Supplier ticket"), SB_REPORT_ALIGN_START, 1.1);
  sb_report_table_add_column (table, _("Breach"), SB_REPORT_ALIGN_START, 2.6);
  sb_report_table_set_empty_text (table, _("No escalation breached the supplier's targets."));

  for (guint i = 0; i < escalations->len; i++)
    {
      SbEscalation *escalation = g_ptr_array_index (escalations, i);
      const char *contract_id = sb_escalation_get_contract_id (escalation);
      SbContract *contract = contract_id != NULL
                               ? g_hash_table_lookup (review->contract_by_id, contract_id) : NULL;
      guint priority = sb_escalation_get_priority (escalation);
      SbCalendar *calendar;
      guint response_target;
      guint resolution_target;
      gint64 response_minutes;
      gint64 resolution_minutes;
      gboolean response_breached;
      gboolean resolution_breached;
      g_autoptr(GString) breach = NULL;
      g_autofree char *priority_text = NULL;
      g_autofree char *escalated = NULL;
      const char *calendar_id;

      if (contract == NULL)
        continue;
      response_target = sb_contract_get_response_target (contract, priority);
      resolution_target = sb_contract_get_resolution_target (contract, priority);
      if (response_target == 0 && resolution_target == 0)
        continue;

      calendar_id = sb_contract_get_calendar_id (contract);
      calendar = g_hash_table_lookup (calendars, calendar_id != NULL ? calendar_id : "");
      if (calendar == NULL)
        {
          calendar = sb_catalog_get_calendar (review->store, calendar_id, error);
          if (calendar == NULL)
            return FALSE;
          g_hash_table_insert (calendars, g_strdup (calendar_id != NULL ? calendar_id : ""), calendar);
        }

      if (!judge (calendar, sb_escalation_get_escalated_ms (escalation),
                  sb_escalation_get_responded_ms (escalation), now_ms, response_target,
                  &response_minutes, &response_breached, error) ||
          !judge (calendar, sb_escalation_get_escalated_ms (escalation),
                  sb_escalation_get_resolved_ms (escalation), now_ms, resolution_target,
                  &resolution_minutes, &resolution_breached, error))
        return FALSE;

      if (!response_breached && !resolution_breached)
        continue;

      breach = g_string_new (NULL);
      if (response_breached)
        {
          g_autofree char *text = clock_text (_("Response"), response_minutes, response_target);

          g_string_append (breach, text);
        }
      if (resolution_breached)
        {
          g_autofree char *text = clock_text (_("Resolution"), resolution_minutes, resolution_target);

          if (breach->len > 0)
            g_string_append (breach, "\n");
          g_string_append (breach, text);
        }

      priority_text = priority_label (priority);
      escalated = sb_time_format_local (sb_escalation_get_escalated_ms (escalation), NULL);
      sb_report_table_add_row (table,
                               sb_escalation_get_incident_reference (escalation),
                               sb_escalation_get_incident_title (escalation),
                               priority_text, escalated,
                               sb_escalation_get_supplier_ref (escalation) != NULL
                                 ? sb_escalation_get_supplier_ref (escalation) : "—",
                               breach->str, NULL);
    }

  return TRUE;
}

static char *
median_text (gint64 minutes)
{
  return minutes < 0 ? g_strdup ("—") : sb_duration_format (minutes);
}

static gboolean
add_escalations (Review                      *review,
                 SbReportDocument            *doc,
                 const SbSupplierPerformance *perf,
                 GError                     **error)
{
  g_autoptr(GArray) trend = NULL;
  g_autoptr(SbChart) chart = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *response_pct = sb_report_b_percent (sb_supplier_performance_response_percent (perf));
  g_autofree char *resolution_pct = sb_report_b_percent (sb_supplier_performance_resolution_percent (perf));
  g_autofree char *response_median = median_text (perf->median_response_minutes);
  g_autofree char *resolution_median = median_text (perf->median_resolution_minutes);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree gint64 *escalated = NULL;
  g_autofree gint64 *breached = NULL;
  SbReportTable *table;
  GDate first_month;
  guint n_months;

  sb_report_document_add_section (doc, _("Escalated incidents"));

  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: %u is a count of escalations */
                                        "%u incident was escalated to this supplier in the "
                                        "period. Response and resolution are measured in the "
                                        "hours of each contract's support calendar against "
                                        "the contract's targets for the incident's priority.",
                                        "%u incidents were escalated to this supplier in the "
                                        "period. Response and resolution are measured in the "
                                        "hours of each contract's support calendar against "
                                        "the contract's targets for the incident's priority.",
                                        perf->n_escalated),
                           perf->n_escalated);
  sb_report_document_add_paragraph (doc, intro);

  table = sb_report_document_add_table (doc, _("Against the supplier's targets"));
  sb_report_table_add_column (table, _("Clock"), SB_REPORT_ALIGN_START, 1.6);
  sb_report_table_add_column (table, _("Met"), SB_REPORT_ALIGN_END, 0.8);
  sb_report_table_add_column (table, _("Breached"), SB_REPORT_ALIGN_END, 0.8);
  sb_report_table_add_column (table, _("Met in time"), SB_REPORT_ALIGN_END, 0.9);
  sb_report_table_add_column (table, _("Median time"), SB_REPORT_ALIGN_END, 1.1);
  {
    g_autofree char *met = g_strdup_printf ("%u", perf->n_response_met);
    g_autofree char *bad = g_strdup_printf ("%u", perf->n_response_breached);

    sb_report_table_add_row (table, _("Response"), met, bad, response_pct, response_median, NULL);
  }
  {
    g_autofree char *met = g_strdup_printf ("%u", perf->n_resolution_met);
    g_autofree char *bad = g_strdup_printf ("%u", perf->n_resolution_breached);

    sb_report_table_add_row (table, _("Resolution"), met, bad, resolution_pct, resolution_median, NULL);
  }

  if (perf->n_not_judged > 0 || perf->n_open > 0)
    {
      g_autofree char *open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u escalation is still open.",
                                                            "%u escalations are still open.",
                                                            perf->n_open), perf->n_open);
      g_autofree char *unjudged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u has no contract target for its priority and is counted but not judged.",
                                                                "%u have no contract target for their priority and are counted but not judged.",
                                                                perf->n_not_judged), perf->n_not_judged);
      g_autofree char *text = NULL;

      if (perf->n_not_judged > 0 && perf->n_open > 0)
        text = g_strconcat (open, " ", unjudged, NULL);
      else
        text = g_strdup (perf->n_open > 0 ? open : unjudged);
      sb_report_document_add_paragraph (doc, text);
    }

  if (!add_breaches (review, doc, error))
    return FALSE;

  /* The trend: the period's months and the twelve before them */
  n_months = (g_date_get_year (&review->period->last) - g_date_get_year (&review->period->first)) * 12 +
             g_date_get_month (&review->period->last) - g_date_get_month (&review->period->first) + 1 + 12;
  n_months = MIN (n_months, 24);
  trend = sb_supplier_performance_by_month (review->store, sb_supplier_get_id (review->supplier),
                                            &review->period->last, n_months, error);
  if (trend == NULL)
    return FALSE;

  escalated = g_new0 (gint64, trend->len);
  breached = g_new0 (gint64, trend->len);
  sb_report_b_add_months (&review->period->last, -(int) (trend->len - 1), &first_month);

  sb_report_document_add_heading (doc, 2, _("Escalations per month"));
  table = sb_report_document_add_table (doc, _("Months with escalations"));
  sb_report_table_add_column (table, _("Month"), SB_REPORT_ALIGN_START, 1.2);
  sb_report_table_add_column (table, _("Escalated"), SB_REPORT_ALIGN_END, 1.0);
  sb_report_table_add_column (table, _("Response breached"), SB_REPORT_ALIGN_END, 1.2);
  sb_report_table_add_column (table, _("Resolution breached"), SB_REPORT_ALIGN_END, 1.2);
  sb_report_table_add_column (table, _("Response met"), SB_REPORT_ALIGN_END, 1.0);
  sb_report_table_add_column (table, _("Resolution met"), SB_REPORT_ALIGN_END, 1.0);
  sb_report_table_set_empty_text (table, _("No incidents were escalated to this supplier in these months."));

  for (guint i = 0; i < trend->len; i++)
    {
      const SbSupplierPerformance *month = &g_array_index (trend, SbSupplierPerformance, i);
      char *label = sb_report_b_month_label (g_date_get_year (&month->from), g_date_get_month (&month->from));
      g_autofree char *n = g_strdup_printf ("%u", month->n_escalated);
      g_autofree char *rb = g_strdup_printf ("%u", month->n_response_breached);
      g_autofree char *sb = g_strdup_printf ("%u", month->n_resolution_breached);
      g_autofree char *rp = sb_report_b_percent (sb_supplier_performance_response_percent (month));
      g_autofree char *sp = sb_report_b_percent (sb_supplier_performance_resolution_percent (month));

      g_ptr_array_add (labels, label);
      escalated[i] = month->n_escalated;
      breached[i] = MAX (month->n_response_breached, month->n_resolution_breached);
      if (month->n_escalated > 0)
        sb_report_table_add_row (table, label, n, rb, sb, rp, sp, NULL);
    }

  chart = sb_chart_new ();
  sb_chart_set_title (chart, _("Escalations and breaches per month"));
  sb_chart_set_categories (chart, (const char * const *)labels->pdata, labels->len);
  sb_chart_add_series (chart, _("Escalated"), SB_CHART_BARS, escalated, trend->len);
  sb_chart_add_series (chart, _("Breached (response or resolution)"), SB_CHART_BARS, breached, trend->len);
  sb_chart_set_marker (chart, trend->len - 1, _("This period"));
  sb_report_document_add_chart (doc, g_steal_pointer (&chart), 190);

  return TRUE;
}

static void
add_reviews (Review           *review,
             SbReportDocument *doc,
             GPtrArray        *reviews)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  SbReportTable *table;
  char as_of[11];

  g_date_strftime (as_of, sizeof as_of, "%Y-%m-%d", &review->period->last);

  /* Newest first from the store; those made up to the period's end */
  for (guint i = 0; i < reviews->len; i++)
    {
      SbSupplierReview *r = g_ptr_array_index (reviews, i);

      if (g_strcmp0 (sb_supplier_review_get_review_date (r), as_of) <= 0)
        g_ptr_array_add (shown, r);
    }

  sb_report_document_add_section (doc, _("Reviews"));

  if (shown->len >= 2)
    {
      guint n = MIN (shown->len, MAX_REVIEWS_CHARTED);
      g_autoptr(SbChart) chart = sb_chart_new ();
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      gint64 scores[SB_REVIEW_N_SCORES][MAX_REVIEWS_CHARTED];

      /* Oldest first along the axis */
      for (guint i = 0; i < n; i++)
        {
          SbSupplierReview *r = g_ptr_array_index (shown, n - 1 - i);

          g_ptr_array_add (labels, sb_report_b_date_text (sb_supplier_review_get_review_date (r)));
          for (guint s = 0; s < SB_REVIEW_N_SCORES; s++)
            scores[s][i] = sb_supplier_review_get_score (r, s);
        }

      sb_chart_set_title (chart, _("Review scores over time (1 poor – 5 excellent)"));
      sb_chart_set_categories (chart, (const char * const *)labels->pdata, labels->len);
      for (guint s = 0; s < SB_REVIEW_N_SCORES; s++)
        sb_chart_add_series (chart, sb_review_score_get_label (s), SB_CHART_LINE, scores[s], n);
      sb_report_document_add_chart (doc, g_steal_pointer (&chart), 180);
    }

  table = sb_report_document_add_table (doc, _("Reviews up to the end of the period"));
  sb_report_table_add_column (table, _("Date"), SB_REPORT_ALIGN_END, 1.2);
  for (guint s = 0; s < SB_REVIEW_N_SCORES; s++)
    sb_report_table_add_column (table, sb_review_score_get_label (s), SB_REPORT_ALIGN_CENTER,
                                s == SB_REVIEW_RESPONSIVENESS ? 1.5 : 1.0);
  sb_report_table_add_column (table, _("Mean"), SB_REPORT_ALIGN_CENTER, 0.8);
  sb_report_table_add_column (table, _("Agreed actions"), SB_REPORT_ALIGN_START, 3.0);
  sb_report_table_set_empty_text (table, _("This supplier has not been reviewed yet."));

  for (guint i = 0; i < shown->len; i++)
    {
      SbSupplierReview *r = g_ptr_array_index (shown, i);
      g_autofree char *date = sb_report_b_date_text (sb_supplier_review_get_review_date (r));
      char *cells[SB_REVIEW_N_SCORES + 3];
      double mean = sb_supplier_review_get_mean_score (r);
      const char *actions = sb_supplier_review_get_actions (r);

      cells[0] = date;
      for (guint s = 0; s < SB_REVIEW_N_SCORES; s++)
        {
          int score = sb_supplier_review_get_score (r, s);

          cells[s + 1] = score > 0 ? g_strdup_printf ("%d", score) : g_strdup ("—");
        }
      /* Translators: a mean score with one decimal, as in "3.8" */
      cells[SB_REVIEW_N_SCORES + 1] = mean > 0 ? g_strdup_printf (_("%.1f"), mean) : g_strdup ("—");
      cells[SB_REVIEW_N_SCORES + 2] = (char *)(actions != NULL && *actions != '\0' ? actions : "—");
      sb_report_table_add_rowv (table, (const char * const *)cells);
      for (guint s = 1; s <= SB_REVIEW_N_SCORES + 1; s++)
        g_free (cells[s]);
    }
}

static guint
add_disputes (Review           *review,
              SbReportDocument *doc,
              GPtrArray        *disputes)
{
  SbReportTable *table;
  char last[11];
  char first[11];
  guint n_open = 0;

  g_date_strftime (first, sizeof first, "%Y-%m-%d", &review->period->first);
  g_date_strftime (last, sizeof last, "%Y-%m-%d", &review->period->last);

  sb_report_document_add_section (doc, _("Disputes"));
  table = sb_report_document_add_table (doc, _("Disputes open at the end of the period or closed in it"));
  sb_report_table_add_column (table, _("Raised"), SB_REPORT_ALIGN_END, 1.0);
  sb_report_table_add_column (table, _("Dispute"), SB_REPORT_ALIGN_START, 2.4);
  sb_report_table_add_column (table, _("Status"), SB_REPORT_ALIGN_START, 1.0);
  sb_report_table_add_column (table, _("Amount"), SB_REPORT_ALIGN_END, 1.1);
  sb_report_table_add_column (table, _("Outcome"), SB_REPORT_ALIGN_START, 2.2);
  sb_report_table_set_empty_text (table, _("No disputes with this supplier."));

  for (guint i = 0; i < disputes->len; i++)
    {
      SbSupplierDispute *d = g_ptr_array_index (disputes, i);
      const char *raised = sb_supplier_dispute_get_raised_on (d);
      const char *closed = sb_supplier_dispute_get_closed_on (d);
      gboolean open_at_end = g_strcmp0 (raised, last) <= 0 &&
                             (closed == NULL || g_strcmp0 (closed, last) > 0);
      gboolean closed_in = closed != NULL && g_strcmp0 (closed, first) >= 0 &&
                           g_strcmp0 (closed, last) <= 0;
      g_autofree char *raised_text = NULL;
      g_autofree char *amount = NULL;
      const char *outcome = sb_supplier_dispute_get_outcome (d);

      if (!open_at_end && !closed_in)
        continue;
      n_open += open_at_end;

      raised_text = sb_report_b_date_text (raised);
      amount = sb_supplier_dispute_get_amount (d) >= 0
                 ? sb_report_b_money (sb_supplier_dispute_get_amount (d), sb_supplier_dispute_get_currency (d))
                 : g_strdup ("—");
      sb_report_table_add_row (table, raised_text, sb_supplier_dispute_get_title (d),
                               open_at_end ? _("Open") : sb_dispute_status_get_label (sb_supplier_dispute_get_status (d)),
                               amount, outcome != NULL && *outcome != '\0' ? outcome : "—", NULL);
    }

  return n_open;
}

static gboolean
add_gaps (Review           *review,
          SbReportDocument *doc,
          guint            *out_n,
          GError          **error)
{
  SbReportTable *table;
  guint n = g_list_model_get_n_items (review->contracts);

  *out_n = 0;
  sb_report_document_add_section (doc, _("Alignment with our service targets"));
  sb_report_document_add_paragraph (doc, _("Each supplier target must fit inside the target we "
                                           "promise our customers for every service the contract "
                                           "underpins. A gap means we could breach our own "
                                           "target while the supplier meets theirs."));
  table = sb_report_document_add_table (doc, _("Alignment gaps"));
  sb_report_table_add_column (table, _("Contract"), SB_REPORT_ALIGN_START, 1.2);
  sb_report_table_add_column (table, _("Service"), SB_REPORT_ALIGN_START, 1.6);
  sb_report_table_add_column (table, _("Gap"), SB_REPORT_ALIGN_START, 3.4);
  sb_report_table_set_empty_text (table, _("No gaps: every supplier target fits inside ours."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (review->contracts, i);
      g_autoptr(GPtrArray) gaps = sb_contracts_check_alignment (review->store, sb_contract_get_id (contract),
                                                                NULL, error);

      if (gaps == NULL)
        return FALSE;
      for (guint j = 0; j < gaps->len; j++)
        {
          SbAlignmentGap *gap = g_ptr_array_index (gaps, j);
          g_autofree char *text = sb_alignment_gap_describe (gap);
          g_autofree char *service = g_strdup_printf (C_ ("service", "%s — %s"),
                                                      gap->service_code != NULL ? gap->service_code : "",
                                                      gap->service_name != NULL ? gap->service_name : "");

          sb_report_table_add_row (table, gap->contract_reference, service, text, NULL);
          (*out_n)++;
        }
    }

  return TRUE;
}

static gboolean
add_deadlines (Review           *review,
               SbReportDocument *doc,
               guint            *out_n,
               GError          **error)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  SbReportTable *table;
  GDate from;
  GDate to;

  from = review->as_of;
  sb_report_b_add_months (&from, 12, &to);
  g_date_subtract_days (&to, 1);
  deadlines = sb_report_b_deadlines (review->store, sb_supplier_get_id (review->supplier),
                                     &from, &to, error);
  if (deadlines == NULL)
    return FALSE;

  sb_report_document_add_section (doc, _("Deadlines ahead"));
  table = sb_report_document_add_table (doc, _("Deadlines in the next 12 months"));
  sb_report_table_add_column (table, _("Date"), SB_REPORT_ALIGN_END, 1.0);
  sb_report_table_add_column (table, _("Deadline"), SB_REPORT_ALIGN_START, 1.4);
  sb_report_table_add_column (table, _("Contract"), SB_REPORT_ALIGN_START, 1.1);
  sb_report_table_add_column (table, _("What it means"), SB_REPORT_ALIGN_START, 3.4);
  sb_report_table_set_empty_text (table, _("No deadlines in the next 12 months."));

  for (guint i = 0; i < deadlines->len; i++)
    {
      SbDeadline *deadline = g_ptr_array_index (deadlines, i);
      g_autofree char *day = sb_report_b_date (&deadline->date);

      sb_report_table_add_row (table, day, sb_deadline_kind_get_label (deadline->kind),
                               deadline->contract_reference != NULL ? deadline->contract_reference : "—",
                               deadline->detail != NULL ? deadline->detail : "", NULL);
    }

  *out_n = deadlines->len;
  return TRUE;
}

/**
 * sb_report_build_supplier_review:
 * @store: the book
 * @period: the period under review
 * @filters: the supplier (required)
 * @error: return location for a #GError
 *
 * Builds the supplier performance review.
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
SbReportDocument *
sb_report_build_supplier_review (SbStore               *store,
                                 const SbReportPeriod  *period,
                                 const SbReportFilters *filters,
                                 GError               **error)
{
  g_autoptr(SbReportDocument) doc = NULL;
  g_autoptr(SbReportDocument) body = NULL;
  g_autoptr(SbSupplier) supplier = NULL;
  g_autoptr(GListModel) contracts = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) disputes = NULL;
  g_autofree char *title = NULL;
  g_autofree char *period_label = NULL;
  SbSupplierPerformance perf;
  Review review = { 0 };
  gint64 actual = 0;
  gint64 committed = 0;
  guint n_gaps = 0;
  guint n_deadlines = 0;
  guint n_open_disputes;
  guint n_in_force = 0;
  int warning_days;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (filters == NULL || filters->supplier_id == NULL)
    {
      g_set_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID,
                   _("The supplier review needs a supplier."));
      return NULL;
    }

  supplier = sb_suppliers_get (store, filters->supplier_id, error);
  if (supplier == NULL)
    return NULL;
  contracts = sb_contracts_list (store, filters->supplier_id, error);
  if (contracts == NULL)
    return NULL;
  reviews = sb_suppliers_list_reviews (store, filters->supplier_id, error);
  if (reviews == NULL)
    return NULL;
  disputes = sb_suppliers_list_disputes (store, filters->supplier_id, error);
  if (disputes == NULL)
    return NULL;
  if (!sb_supplier_performance_compute (store, filters->supplier_id, NULL, &period->first,
                                        &period->last, &perf, error))
    return NULL;

  by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  warning_days = sb_contracts_get_warning_days (store);
  review.store = store;
  review.period = period;
  review.supplier = supplier;
  review.contracts = contracts;
  review.contract_by_id = by_id;
  review.base = sb_store_get_base_currency (store);
  sb_report_b_reference_day (store, period, &review.as_of);

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      SbContract *contract = g_list_model_get_item (contracts, i);
      SbContractState state;

      sb_contract_get_state (contract, &review.as_of, warning_days, &state);
      if (state.status == SB_CONTRACT_ACTIVE || state.status == SB_CONTRACT_IN_NOTICE_WINDOW ||
          state.status == SB_CONTRACT_EXPIRING)
        n_in_force++;
      g_hash_table_insert (by_id, (gpointer)sb_contract_get_id (contract), contract);
    }

  /* Translators: a report's title; %s is a supplier's name */
  title = g_strdup_printf (_("Supplier review: %s"), sb_supplier_get_name (supplier));
  doc = sb_report_document_new (title);
  period_label = sb_report_period_get_label (period);
  sb_report_b_describe (doc, store, period_label,
                        _("How the supplier performed in the period against its contracts: what "
                          "it cost, how the incidents escalated to it went, how its reviews "
                          "scored, and the risks and deadlines to act on."),
                        _("Our relationship owner, the business owner, and the supplier's "
                          "account manager at the review meeting"),
                        _("Supplier register, contracts, escalated incidents, costs, reviews "
                          "and disputes"));

  body = sb_report_document_new (title);
  sb_report_document_set_generated_at (body, sb_report_document_get_generated_at (doc));
  add_contracts (&review, body);
  if (!add_spend (&review, body, &actual, &committed, error) ||
      !add_escalations (&review, body, &perf, error))
    return NULL;
  add_reviews (&review, body, reviews);
  n_open_disputes = add_disputes (&review, body, disputes);
  if (!add_gaps (&review, body, &n_gaps, error) ||
      !add_deadlines (&review, body, &n_deadlines, error))
    return NULL;

  {
    g_autofree char *in_force = g_strdup_printf ("%u", n_in_force);
    g_autofree char *spend = sb_report_b_money (actual, review.base);
    g_autofree char *pending = sb_report_b_money (committed, review.base);
    g_autofree char *committed_detail = g_strdup_printf (_("committed: %s"), pending);
    g_autofree char *n_escalated = g_strdup_printf ("%u", perf.n_escalated);
    g_autofree char *open_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u still open",
                                                                 "%u still open", perf.n_open),
                                                    perf.n_open);
    g_autofree char *response = sb_report_b_percent (sb_supplier_performance_response_percent (&perf));
    g_autofree char *resolution = sb_report_b_percent (sb_supplier_performance_resolution_percent (&perf));
    g_autofree char *breaches = g_strdup_printf (_("%u breached"), perf.n_resolution_breached);
    g_autofree char *response_breaches = g_strdup_printf (_("%u breached"), perf.n_response_breached);
    g_autofree char *risks = g_strdup_printf ("%u", n_gaps + n_open_disputes);
    g_autofree char *gaps_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u alignment gap",
                                                               "%u alignment gaps", n_gaps), n_gaps);
    g_autofree char *disputes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open dispute",
                                                                   "%u open disputes", n_open_disputes),
                                                      n_open_disputes);
    /* Translators: the two parts of the risks, as in "1 alignment gap,
     * 2 open disputes" */
    g_autofree char *risks_detail = g_strdup_printf (C_ ("risks", "%s, %s"), gaps_text, disputes_text);
    g_autofree char *deadlines = g_strdup_printf ("%u", n_deadlines);

    sb_report_document_add_key_figure (doc, _("Contracts in force"), in_force, NULL);
    sb_report_document_add_key_figure (doc, _("Spend in the period"), spend, committed_detail);
    sb_report_document_add_key_figure (doc, _("Escalated incidents"), n_escalated, open_detail);
    sb_report_document_add_key_figure (doc, _("Response in time"), response, response_breaches);
    sb_report_document_add_key_figure (doc, _("Resolution in time"), resolution, breaches);
    sb_report_document_add_key_figure (doc, _("Risks"), risks, risks_detail);
    sb_report_document_add_key_figure (doc, _("Deadlines"), deadlines, _("in the next 12 months"));
    sb_report_document_end_key_figures (doc);
  }

  sb_report_document_append (doc, body);
  return g_steal_pointer (&doc);
}

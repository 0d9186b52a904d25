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
#include "sb-deadlines.h"
#include "sb-report-output.h"
#include "sb-report-util.h"
#include "sb-store-private.h"
#include "sb-supplier-performance.h"
#include "sb-suppliers.h"

#include "sb-report-util-b.h"
#include "sb-reports-private.h"

/*
 * The management review pack (DOMAIN.md, Reports 7): one document for a
 * period that gathers the others. A summary page of the figures a
 * business owner asks first (targets met, breaches, open incidents,
 * suppliers at risk, deadlines ahead, the budget's variance), then the
 * service level report, an incident summary, the suppliers, the renewal
 * calendar and the budget against actual, each part starting on a page of
 * its own. The parts are the other reports' builders, appended.
 */

typedef struct
{
  guint incidents;
  guint met;
  guint breached_targets;
  guint breached_incidents;
  guint open_at_end;
  guint by_priority[6][4];   /* opened, resolved in the period, breached, open at end */
  GPtrArray *major;          /* of char*: "INC-0042 — Title (P1, Resolved)" */
} IncidentFigures;

static gboolean
is_open_at (const SbReportIncident *item,
            gint64                  to_ms)
{
  if (item->status == SB_INCIDENT_CANCELLED || item->status == SB_INCIDENT_DUPLICATE)
    return FALSE;
  return item->resolved_ms == SB_SLA_NO_TIME || item->resolved_ms >= to_ms;
}

static gboolean
count_incidents (SbStore               *store,
                 const SbReportPeriod  *period,
                 const SbReportFilters *filters,
                 gint64                 now_ms,
                 IncidentFigures       *out,
                 GError               **error)
{
  g_autoptr(SbReportIncidentScan) in_period = NULL;
  g_autoptr(SbReportIncidentScan) before = NULL;
  const char *customer_id = filters != NULL ? filters->customer_id : NULL;
  const char *service_id = filters != NULL ? filters->service_id : NULL;
  gint64 from_ms;
  gint64 to_ms;

  sb_report_period_get_range_ms (period, &from_ms, &to_ms);

  in_period = sb_report_incident_scan (store, from_ms, to_ms, customer_id, service_id, now_ms, error);
  if (in_period == NULL)
    return FALSE;
  /* Incidents opened before the period and still open in it */
  before = sb_report_incident_scan (store, 0, from_ms, customer_id, service_id, now_ms, error);
  if (before == NULL)
    return FALSE;

  for (guint i = 0; i < sb_report_incident_scan_get_n (in_period); i++)
    {
      const SbReportIncident *item = sb_report_incident_scan_get (in_period, i);
      const SbSlaClock *clocks[] = { &item->sla.response, &item->sla.resolution };
      guint p = MIN (item->priority, 5);
      gboolean breached = FALSE;

      out->incidents++;
      out->by_priority[p][0]++;
      for (guint c = 0; c < G_N_ELEMENTS (clocks); c++)
        {
          if (clocks[c]->state == SB_SLA_STATE_NONE || clocks[c]->target_minutes <= 0)
            continue;
          if (clocks[c]->state == SB_SLA_STATE_BREACHED)
            {
              out->breached_targets++;
              breached = TRUE;
            }
          else if (clocks[c]->done)
            out->met++;
        }
      if (breached)
        {
          out->breached_incidents++;
          out->by_priority[p][2]++;
        }
      if (item->resolved_ms != SB_SLA_NO_TIME && item->resolved_ms < to_ms)
        out->by_priority[p][1]++;
      if (is_open_at (item, to_ms))
        {
          out->open_at_end++;
          out->by_priority[p][3]++;
        }
      if (item->major)
        {
          g_autofree char *priority = sb_report_util_priority_label (item->priority);

          /* Translators: a major incident in the management review: its
           * reference, title, priority and status */
          g_ptr_array_add (out->major, g_strdup_printf (_("%s — %s (%s, %s)"), item->reference,
                                                        item->title, priority,
                                                        sb_incident_status_get_label (item->status)));
        }
    }

  for (guint i = 0; i < sb_report_incident_scan_get_n (before); i++)
    {
      const SbReportIncident *item = sb_report_incident_scan_get (before, i);

      if (is_open_at (item, to_ms))
        {
          out->open_at_end++;
          out->by_priority[MIN (item->priority, 5)][3]++;
        }
    }

  return TRUE;
}

static void
add_incident_summary (SbReportDocument      *doc,
                      const IncidentFigures *figures)
{
  SbReportTable *table;

  sb_report_document_add_section (doc, _("Incident summary"));
  table = sb_report_document_add_table (doc, _("Incidents per priority"));
  sb_report_table_add_column (table, _("Priority"), SB_REPORT_ALIGN_START, 1.4);
  sb_report_table_add_column (table, _("Opened"), SB_REPORT_ALIGN_END, 1.0);
  sb_report_table_add_column (table, _("Resolved"), SB_REPORT_ALIGN_END, 1.0);
  sb_report_table_add_column (table, _("With a breach"), SB_REPORT_ALIGN_END, 1.0);
  sb_report_table_add_column (table, _("Open at the end"), SB_REPORT_ALIGN_END, 1.1);

  {
    guint sums[4] = { 0 };

    for (guint p = 1; p <= 5; p++)
      {
        g_autofree char *label = sb_report_util_priority_label (p);
        char *cells[6] = { label, NULL };

        if (figures->by_priority[p][0] == 0 && figures->by_priority[p][3] == 0)
          continue;
        for (guint k = 0; k < 4; k++)
          {
            cells[k + 1] = g_strdup_printf ("%u", figures->by_priority[p][k]);
            sums[k] += figures->by_priority[p][k];
          }
        sb_report_table_add_rowv (table, (const char * const *)cells);
        for (guint k = 1; k < 5; k++)
          g_free (cells[k]);
      }

    {
      char *cells[6] = { (char *)_("Total"), NULL };

      for (guint k = 0; k < 4; k++)
        cells[k + 1] = g_strdup_printf ("%u", sums[k]);
      sb_report_table_add_total_rowv (table, (const char * const *)cells);
      for (guint k = 1; k < 5; k++)
        g_free (cells[k]);
    }
  }

  if (figures->major->len > 0)
    {
      g_autoptr(GString) text = g_string_new (_("Major incidents in the period:"));

      for (guint i = 0; i < figures->major->len; i++)
        g_string_append_printf (text, "\n• %s", (char *)g_ptr_array_index (figures->major, i));
      sb_report_document_add_paragraph (doc, text->str);
    }
  else
    sb_report_document_add_paragraph (doc, _("No major incident in the period."));
}

/* The suppliers' table; returns how many have a risk to act on. */
static gboolean
add_suppliers (SbStore              *store,
               SbReportDocument     *doc,
               const SbReportPeriod *period,
               const GDate          *as_of,
               guint                *out_at_risk,
               GError              **error)
{
  g_autoptr(GListModel) suppliers = sb_suppliers_list (store, error);
  SbReportTable *table;

  if (suppliers == NULL)
    return FALSE;

  *out_at_risk = 0;
  sb_report_document_add_section (doc, _("Suppliers"));
  sb_report_document_add_paragraph (doc, _("Each supplier with its contracts in force, what they "
                                           "cost over the next twelve months, the incidents "
                                           "escalated to it in the period against its targets, "
                                           "its latest review and its open risks: gaps between "
                                           "its targets and ours, and open disputes. A "
                                           "supplier review report gives the detail."));
  table = sb_report_document_add_table (doc, _("Supplier performance in the period"));
  sb_report_table_add_column (table, _("Supplier"), SB_REPORT_ALIGN_START, 1.8);
  sb_report_table_add_column (table, _("In force"), SB_REPORT_ALIGN_END, 0.7);
  sb_report_table_add_column (table, _("Next 12 months"), SB_REPORT_ALIGN_END, 1.2);
  sb_report_table_add_column (table, _("Escalated"), SB_REPORT_ALIGN_END, 0.8);
  sb_report_table_add_column (table, _("Resolution in time"), SB_REPORT_ALIGN_END, 0.9);
  sb_report_table_add_column (table, _("Last review"), SB_REPORT_ALIGN_END, 0.8);
  sb_report_table_add_column (table, _("Risks"), SB_REPORT_ALIGN_START, 1.6);
  sb_report_table_set_empty_text (table, _("No suppliers are recorded."));

  for (guint i = 0; i < g_list_model_get_n_items (suppliers); i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (suppliers, i);
      g_auto(SbSupplierSummary) summary = { 0 };
      SbSupplierPerformance perf;
      g_autofree char *in_force = NULL;
      g_autofree char *cost = NULL;
      g_autofree char *escalated = NULL;
      g_autofree char *resolution = NULL;
      g_autofree char *review = NULL;
      g_autoptr(GString) risks = g_string_new (NULL);

      if (!sb_suppliers_get_summary (store, sb_supplier_get_id (supplier), as_of, &summary, error) ||
          !sb_supplier_performance_compute (store, sb_supplier_get_id (supplier), NULL,
                                            &period->first, &period->last, &perf, error))
        return FALSE;

      if (summary.n_contracts == 0 && perf.n_escalated == 0)
        continue;

      in_force = g_strdup_printf ("%u", summary.n_in_force);
      cost = summary.currency[0] != '\0' ? sb_report_b_money (summary.cost_12_months, summary.currency)
                                         : g_strdup ("—");
      escalated = g_strdup_printf ("%u", perf.n_escalated);
      resolution = sb_report_b_percent (sb_supplier_performance_resolution_percent (&perf));
      /* Translators: a mean review score with one decimal, as in "3.8" */
      review = summary.last_review_score > 0 ? g_strdup_printf (_("%.1f"), summary.last_review_score)
                                             : g_strdup ("—");
      if (summary.n_alignment_gaps > 0)
        g_string_append_printf (risks, g_dngettext (GETTEXT_PACKAGE, "%u alignment gap",
                                                    "%u alignment gaps", summary.n_alignment_gaps),
                                summary.n_alignment_gaps);
      if (summary.n_open_disputes > 0)
        {
          if (risks->len > 0)
            g_string_append (risks, ", ");
          g_string_append_printf (risks, g_dngettext (GETTEXT_PACKAGE, "%u open dispute",
                                                      "%u open disputes", summary.n_open_disputes),
                                  summary.n_open_disputes);
        }
      if (risks->len > 0)
        (*out_at_risk)++;
      else
        g_string_append (risks, C_ ("risks", "None"));

      sb_report_table_add_row (table, sb_supplier_get_name (supplier), in_force, cost, escalated,
                               resolution, review, risks->str, NULL);
    }

  return TRUE;
}

/* Appends a part built by another report, as a section of its own on a
 * new page; a part that cannot be made for the period says why. */
static gboolean
add_part (SbReportDocument  *doc,
          const char        *title,
          SbReportDocument  *part,
          GError           **part_error,
          GError           **error)
{
  sb_report_document_add_page_break (doc);
  sb_report_document_add_section (doc, title);

  if (part == NULL)
    {
      if (!g_error_matches (*part_error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (part_error));
          return FALSE;
        }
      sb_report_document_add_paragraph (doc, (*part_error)->message);
      g_clear_error (part_error);
      return TRUE;
    }

  if (sb_report_document_get_purpose (part) != NULL)
    sb_report_document_add_paragraph (doc, sb_report_document_get_purpose (part));
  sb_report_document_append_nested (doc, part);
  return TRUE;
}

/**
 * sb_report_build_management_review:
 * @store: the book
 * @period: the period reviewed
 * @filters: (nullable): a customer or service narrows the service and
 *   incident parts
 * @error: return location for a #GError
 *
 * Builds the management review pack.
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
SbReportDocument *
sb_report_build_management_review (SbStore               *store,
                                   const SbReportPeriod  *period,
                                   const SbReportFilters *filters,
                                   GError               **error)
{
  g_autoptr(SbReportDocument) doc = NULL;
  g_autoptr(SbReportDocument) service_levels = NULL;
  g_autoptr(SbReportDocument) suppliers = NULL;
  g_autoptr(SbReportDocument) calendar = NULL;
  g_autoptr(SbReportDocument) budget = NULL;
  g_autoptr(SbBudgetFigures) figures = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) part_error = NULL;
  g_autoptr(GError) budget_error = NULL;
  g_autoptr(GPtrArray) major = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period_label = NULL;
  IncidentFigures incidents = { 0 };
  SbReportFilters part_filters = { 0 };
  guint at_risk = 0;
  guint soon = 0;
  int warning_days;
  GDate as_of;
  GDate until;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (filters != NULL)
    {
      part_filters.customer_id = filters->customer_id;
      part_filters.service_id = filters->service_id;
    }

  doc = sb_report_document_new (_("Management review"));
  period_label = sb_report_period_get_label (period);
  sb_report_b_describe (doc, store, period_label,
                        _("The state of the services, the suppliers and the money for the "
                          "period in one document: the figures first, then the service levels, "
                          "the incidents, the suppliers, the decisions coming up on contracts "
                          "and the budget."),
                        _("The business owner and the provider's management at the periodic "
                          "management review"),
                        _("Service catalogue, incident log, supplier and contract registers, "
                          "budgets and costs"));

  incidents.major = major;
  if (!count_incidents (store, period, &part_filters, sb_store_now_ms (store), &incidents, error))
    return NULL;

  sb_report_b_reference_day (store, period, &as_of);
  sb_report_b_add_months (&as_of, 12, &until);
  g_date_subtract_days (&until, 1);
  deadlines = sb_report_b_deadlines (store, NULL, &as_of, &until, error);
  if (deadlines == NULL)
    return NULL;
  warning_days = sb_contracts_get_warning_days (store);
  for (guint i = 0; i < deadlines->len; i++)
    {
      SbDeadline *deadline = g_ptr_array_index (deadlines, i);

      if (g_date_days_between (&as_of, &deadline->date) <= warning_days)
        soon++;
    }

  /* The parts, built before the summary that sums them up */
  suppliers = sb_report_document_new (_("Suppliers"));
  if (!add_suppliers (store, suppliers, period, &as_of, &at_risk, error))
    return NULL;

  service_levels = sb_report_build_service_levels (store, period, &part_filters, &part_error);
  if (service_levels == NULL && !g_error_matches (part_error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&part_error));
      return NULL;
    }

  budget = sb_report_build_budget (store, period, NULL, &budget_error);
  if (budget == NULL && !g_error_matches (budget_error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&budget_error));
      return NULL;
    }
  if (budget != NULL)
    {
      g_autoptr(SbBudget) current = NULL;
      GDate today;

      g_autoptr(GError) local_error = NULL;

      current = sb_budgets_find_current (store, &period->first, &local_error);
      if (current == NULL && local_error == NULL)
        current = sb_budgets_find_current (store, &period->last, &local_error);
      if (current == NULL)
        {
          if (local_error == NULL)
            g_set_error_literal (&local_error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID,
                                 _("The budget covering the period has gone."));
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      sb_contracts_get_today (store, &today);
      figures = sb_budget_figures_compute (store, sb_budget_get_id (current), &today,
                                           SB_FIGURES_BY_LINE, error);
      if (figures == NULL)
        return NULL;
    }

  /* Summary */
  sb_report_document_add_section (doc, _("Summary"));
  {
    guint judged = incidents.met + incidents.breached_targets;
    g_autofree char *met = sb_report_b_percent (judged > 0 ? (int) ((incidents.met * 100 + judged / 2) / judged) : -1);
    /* Translators: under the share of targets met, as in "41 of 44 targets" */
    g_autofree char *met_detail = g_strdup_printf (_("%u of %u targets"), incidents.met, judged);
    g_autofree char *breached = g_strdup_printf ("%u", incidents.breached_incidents);
    g_autofree char *breached_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                     "of %u incident opened",
                                                                     "of %u incidents opened",
                                                                     incidents.incidents),
                                                        incidents.incidents);
    g_autofree char *open = g_strdup_printf ("%u", incidents.open_at_end);
    g_autofree char *risk = g_strdup_printf ("%u", at_risk);
    g_autofree char *ahead = g_strdup_printf ("%u", deadlines->len);
    g_autofree char *ahead_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "in 12 months; %u within %d day",
                                                                  "in 12 months; %u within %d days",
                                                                  warning_days),
                                                     soon, warning_days);

    sb_report_document_add_key_figure (doc, _("Service targets met"), met, met_detail);
    sb_report_document_add_key_figure (doc, _("Incidents with a breach"), breached, breached_detail);
    sb_report_document_add_key_figure (doc, _("Open incidents"), open, _("at the period's end"));
    sb_report_document_add_key_figure (doc, _("Suppliers with risks"), risk,
                                       _("alignment gaps or open disputes"));
    sb_report_document_add_key_figure (doc, _("Contract deadlines"), ahead, ahead_detail);
    if (figures != NULL)
      {
        const SbFiguresRow *total = sb_budget_figures_get_total (figures);
        const char *currency = sb_budget_figures_get_currency (figures);
        g_autofree char *variance = sb_report_b_money (total->variance, currency);
        g_autofree char *percent = total->variance_defined ? sb_percent_bp_format (total->variance_bp, TRUE)
                                                           : g_strdup ("—");
        g_autofree char *detail = g_strdup_printf (_("forecast against plan, %s"), percent);

        sb_report_document_add_key_figure (doc, _("Budget variance"), variance, detail);
      }
    else
      sb_report_document_add_key_figure (doc, _("Budget variance"), "—", _("no budget covers the period"));
    sb_report_document_end_key_figures (doc);
  }
  sb_report_document_add_paragraph (doc, _("What follows: the service level report, a summary "
                                           "of the incidents, the suppliers, the renewal "
                                           "calendar of the contracts and the budget against "
                                           "actual. Each part starts on a new page."));
  add_incident_summary (doc, &incidents);

  if (!add_part (doc, _("Service levels"), service_levels, &part_error, error))
    return NULL;

  sb_report_document_add_page_break (doc);
  sb_report_document_append (doc, suppliers);

  calendar = sb_report_document_new (_("Contracts"));
  sb_report_b_add_renewal_calendar (calendar, deadlines, &as_of, &until);
  sb_report_document_add_page_break (doc);
  sb_report_document_append (doc, calendar);

  if (!add_part (doc, budget != NULL ? sb_report_document_get_title (budget) : _("Budget"),
                 budget, &budget_error, error))
    return NULL;

  return g_steal_pointer (&doc);
}

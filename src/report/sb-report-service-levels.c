/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog.h"
#include "sb-escalations.h"
#include "sb-store-private.h"
#include "sb-time.h"

#include "sb-report-util.h"
#include "sb-reports-private.h"

/*
 * The service level report (DOMAIN.md, Reports 2): per service and
 * priority, the targets against what was achieved for the incidents
 * opened in the period; the breaches with their reasons; availability and
 * workload against their targets; and the trend of targets met over the
 * twelve periods before.
 *
 * One pass: the incidents of all thirteen periods are read in one query
 * with their clocks (sb_report_incident_scan()) and counted into their
 * period. A clock counts as met when it stopped within its target, as
 * breached when it went past it (stopped or still running); a clock still
 * running within its target is not decided yet and counts in neither.
 */

#define N_TREND 13   /* the twelve periods before, and the report's own */
#define NO_SERVICE "" /* the key of incidents without a service */

typedef struct
{
  guint incidents;
  guint response_met;
  guint response_breached;
  guint resolution_met;
  guint resolution_breached;
} Tally;

typedef struct
{
  SbService *service;         /* nullable: incidents without a service */
  Tally      total;
  Tally      by_priority[6];  /* 1…5 */
} ServiceTally;

static void
tally_add (Tally                  *tally,
           const SbReportIncident *item)
{
  const SbSlaClock *response = &item->sla.response;
  const SbSlaClock *resolution = &item->sla.resolution;

  tally->incidents++;
  if (response->state != SB_SLA_STATE_NONE && response->target_minutes > 0)
    {
      if (response->state == SB_SLA_STATE_BREACHED)
        tally->response_breached++;
      else if (response->done)
        tally->response_met++;
    }
  if (resolution->state != SB_SLA_STATE_NONE && resolution->target_minutes > 0)
    {
      if (resolution->state == SB_SLA_STATE_BREACHED)
        tally->resolution_breached++;
      else if (resolution->done)
        tally->resolution_met++;
    }
}

static guint
months_of (const SbReportPeriod *period)
{
  switch (period->kind)
    {
    case SB_REPORT_PERIOD_MONTH:
      return 1;
    case SB_REPORT_PERIOD_QUARTER:
      return 3;
    case SB_REPORT_PERIOD_YEAR:
    default:
      return 12;
    }
}

static char *
format_percent_of (guint met,
                   guint breached)
{
  return sb_report_util_format_percent (met, met + breached);
}

static char *
format_percent_value (gint64   value,
                      gpointer user_data)
{
  return sb_report_util_format_hundredths (value);
}

static gint64
percent_hundredths (guint met,
                    guint breached)
{
  return met + breached > 0 ? (gint64) (met * 10000.0 / (met + breached) + 0.5) : 0;
}

static char *
describe_workload (const ServiceTally *st,
                   guint               months)
{
  int limit = st->service != NULL ? sb_service_get_workload_limit (st->service) : 0;

  if (limit <= 0)
    return g_strdup (_("no limit"));

  /* Translators: incidents against a workload limit, as in "12 of 20" */
  return g_strdup_printf (_("%1$u of %2$u"), st->total.incidents, (guint) limit * months);
}

static char *
describe_availability (SbService *service)
{
  g_autofree char *target = NULL;

  if (service == NULL || sb_service_get_availability_target (service) <= 0)
    return g_strdup ("–");

  target = sb_report_util_format_hundredths (sb_service_get_availability_target (service));
  return g_steal_pointer (&target);
}

/* Why an incident missed its target, from what the book holds. */
static char *
describe_reasons (SbStore                *store,
                  const SbReportIncident *item)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GPtrArray) escalations = NULL;
  const char * const *reasons = sb_incident_get_hold_reasons ();

  if (item->resolution_notes != NULL)
    g_string_append (text, item->resolution_notes);

  for (guint i = 0; reasons[i] != NULL; i++)
    if (item->hold_reasons_seen & (1u << i))
      {
        if (text->len > 0)
          g_string_append (text, "\n");
        /* Translators: a reason of a breach; %s is a hold reason */
        g_string_append_printf (text, _("On hold: %s"), sb_incident_hold_reason_get_label (reasons[i]));
      }

  escalations = sb_escalations_list_for_incident (store, item->id, NULL);
  for (guint i = 0; escalations != NULL && i < escalations->len; i++)
    {
      SbEscalation *e = g_ptr_array_index (escalations, i);

      if (text->len > 0)
        g_string_append (text, "\n");
      if (sb_escalation_get_supplier_ref (e) != NULL)
        /* Translators: %1$s a supplier's name, %2$s its ticket reference */
        g_string_append_printf (text, _("Escalated to %1$s (%2$s)"),
                                sb_escalation_get_supplier_name (e),
                                sb_escalation_get_supplier_ref (e));
      else
        g_string_append_printf (text, _("Escalated to %s"), sb_escalation_get_supplier_name (e));
    }

  if (text->len == 0)
    g_string_append (text, _("No reason recorded"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static ServiceTally *
service_tally_lookup (GHashTable *tallies,
                      GPtrArray  *order,
                      const char *service_id)
{
  ServiceTally *st = g_hash_table_lookup (tallies, service_id != NULL ? service_id : NO_SERVICE);

  if (st == NULL)
    {
      /* a deleted service, or none */
      st = g_new0 (ServiceTally, 1);
      g_hash_table_insert (tallies, g_strdup (service_id != NULL ? service_id : NO_SERVICE), st);
      g_ptr_array_add (order, st);
    }
  return st;
}

static void
service_tally_free (gpointer data)
{
  ServiceTally *st = data;

  g_clear_object (&st->service);
  g_free (st);
}

static void
add_service_table (SbReportDocument   *document,
                   const ServiceTally *st,
                   guint               months)
{
  g_autofree char *title = NULL;
  SbReportTable *table;

  if (st->service != NULL)
    title = g_strdup_printf (_("%1$s (%2$s)"), sb_service_get_name (st->service),
                             sb_service_get_code (st->service));
  else
    title = g_strdup (_("Incidents without a service"));

  table = sb_report_document_add_table (document, title);
  sb_report_table_add_column (table, _("Priority"), SB_REPORT_ALIGN_START, 1.8);
  sb_report_table_add_column (table, _("Incidents"), SB_REPORT_ALIGN_END, 1);
  sb_report_table_add_column (table, _("Response target"), SB_REPORT_ALIGN_END, 1.2);
  sb_report_table_add_column (table, C_ ("targets", "Met"), SB_REPORT_ALIGN_END, 0.8);
  sb_report_table_add_column (table, C_ ("targets", "Breached"), SB_REPORT_ALIGN_END, 1);
  /* xgettext:no-c-format */
  sb_report_table_add_column (table, _("% met"), SB_REPORT_ALIGN_END, 1.1);
  sb_report_table_add_column (table, _("Resolution target"), SB_REPORT_ALIGN_END, 1.2);
  sb_report_table_add_column (table, C_ ("targets", "Met"), SB_REPORT_ALIGN_END, 0.8);
  sb_report_table_add_column (table, C_ ("targets", "Breached"), SB_REPORT_ALIGN_END, 1);
  /* xgettext:no-c-format */
  sb_report_table_add_column (table, _("% met"), SB_REPORT_ALIGN_END, 1.1);
  sb_report_table_set_empty_text (table, _("No incidents were logged for this service in the period."));

  for (guint p = 1; p <= 5; p++)
    {
      const Tally *t = &st->by_priority[p];
      int response = st->service != NULL ? sb_service_get_response_target (st->service, p) : 0;
      int resolution = st->service != NULL ? sb_service_get_resolution_target (st->service, p) : 0;
      g_autofree char *label = sb_report_util_priority_label (p);
      g_autofree char *n = sb_report_util_format_count (t->incidents);
      g_autofree char *rt = response > 0 ? sb_duration_format (response) : g_strdup ("–");
      g_autofree char *rm = sb_report_util_format_count (t->response_met);
      g_autofree char *rb = sb_report_util_format_count (t->response_breached);
      g_autofree char *rp = format_percent_of (t->response_met, t->response_breached);
      g_autofree char *st_ = resolution > 0 ? sb_duration_format (resolution) : g_strdup ("–");
      g_autofree char *sm = sb_report_util_format_count (t->resolution_met);
      g_autofree char *sbr = sb_report_util_format_count (t->resolution_breached);
      g_autofree char *sp = format_percent_of (t->resolution_met, t->resolution_breached);

      if (t->incidents == 0)
        continue;
      sb_report_table_add_row (table, label, n, rt, rm, rb, rp, st_, sm, sbr, sp);
    }

  if (st->total.incidents > 0)
    {
      g_autofree char *n = sb_report_util_format_count (st->total.incidents);
      g_autofree char *rm = sb_report_util_format_count (st->total.response_met);
      g_autofree char *rb = sb_report_util_format_count (st->total.response_breached);
      g_autofree char *rp = format_percent_of (st->total.response_met, st->total.response_breached);
      g_autofree char *sm = sb_report_util_format_count (st->total.resolution_met);
      g_autofree char *sbr = sb_report_util_format_count (st->total.resolution_breached);
      g_autofree char *sp = format_percent_of (st->total.resolution_met, st->total.resolution_breached);
      const char *cells[] = { _("All priorities"), n, NULL, rm, rb, rp, NULL, sm, sbr, sp };

      sb_report_table_add_total_rowv (table, cells);
    }

}

static gboolean
service_is_in_scope (SbService             *service,
                     const SbReportFilters *filters)
{
  const char * const *customers;

  if (filters->service_id != NULL)
    return g_strcmp0 (sb_service_get_id (service), filters->service_id) == 0;
  /* Supporting services are listed only when they had incidents. */
  if (g_strcmp0 (sb_service_get_status (service), SB_SERVICE_STATUS_LIVE) != 0 ||
      g_strcmp0 (sb_service_get_service_type (service), SB_SERVICE_TYPE_SUPPORTING) == 0)
    return FALSE;
  if (filters->customer_id == NULL)
    return TRUE;
  customers = sb_service_get_customer_ids (service);
  return customers != NULL && g_strv_contains (customers, filters->customer_id);
}

SbReportDocument *
sb_report_build_service_levels (SbStore               *store,
                                const SbReportPeriod  *period,
                                const SbReportFilters *filters,
                                GError               **error)
{
  g_autoptr (SbReportDocument) document = NULL;
  g_autoptr (SbReportIncidentScan) scan = NULL;
  g_autoptr (GListModel) services = NULL;
  g_autoptr (GHashTable) tallies = NULL;
  g_autoptr (GPtrArray) order = NULL;
  g_autoptr (GArray) breaches = NULL;
  g_autoptr (SbChart) chart = NULL;
  g_autofree char *title = NULL;
  g_autofree char *customer = NULL;
  SbReportPeriod periods[N_TREND];
  gint64 starts[N_TREND + 1];
  Tally trend[N_TREND] = { 0 };
  Tally *now = &trend[N_TREND - 1];
  const char *labels[N_TREND];
  char *label_text[N_TREND];
  gint64 response_values[N_TREND], resolution_values[N_TREND];
  guint months = months_of (period);
  guint n_breached_incidents = 0, n_over_limit = 0, n_limited = 0;
  SbReportTable *table;
  guint n;

  g_return_val_if_fail (period != NULL, NULL);

  if (filters->customer_id != NULL)
    {
      customer = sb_report_util_customer_name (store, filters->customer_id, error);
      if (customer == NULL)
        return NULL;
    }

  for (guint i = 0; i < N_TREND; i++)
    {
      sb_report_period_previous (period, N_TREND - 1 - i, &periods[i]);
      sb_report_period_get_range_ms (&periods[i], &starts[i], i == N_TREND - 1 ? &starts[N_TREND] : NULL);
    }

  scan = sb_report_incident_scan (store, starts[0], starts[N_TREND], filters->customer_id,
                                  filters->service_id, sb_store_now_ms (store), error);
  if (scan == NULL)
    return NULL;
  services = sb_catalog_list_services (store, error);
  if (services == NULL)
    return NULL;

  tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  order = g_ptr_array_new_with_free_func (service_tally_free);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr (SbService) service = g_list_model_get_item (services, i);

      if (service_is_in_scope (service, filters))
        {
          ServiceTally *st = service_tally_lookup (tallies, order, sb_service_get_id (service));

          st->service = g_steal_pointer (&service);
        }
    }

  breaches = g_array_new (FALSE, FALSE, sizeof (guint));
  n = sb_report_incident_scan_get_n (scan);
  for (guint i = 0, bucket = 0; i < n; i++)
    {
      const SbReportIncident *item = sb_report_incident_scan_get (scan, i);
      ServiceTally *st;

      /* the scan is in order of opening: the buckets only move forward */
      while (bucket + 1 < N_TREND && item->opened_ms >= starts[bucket + 1])
        bucket++;
      tally_add (&trend[bucket], item);
      if (bucket != N_TREND - 1)
        continue;

      st = service_tally_lookup (tallies, order, item->service_id);
      if (st->service == NULL && item->service_id != NULL)
        st->service = sb_catalog_get_service (store, item->service_id, NULL);
      tally_add (&st->total, item);
      if (item->priority >= 1 && item->priority <= 5)
        tally_add (&st->by_priority[item->priority], item);
      if (item->sla.response.state == SB_SLA_STATE_BREACHED
          || item->sla.resolution.state == SB_SLA_STATE_BREACHED)
        {
          g_array_append_val (breaches, i);
          n_breached_incidents++;
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      ServiceTally *st = g_ptr_array_index (order, i);
      int limit = st->service != NULL ? sb_service_get_workload_limit (st->service) : 0;

      if (limit > 0)
        {
          n_limited++;
          if (st->total.incidents > (guint) limit * months)
            n_over_limit++;
        }
    }

  if (customer != NULL)
    /* Translators: the service level report's title for one customer */
    title = g_strdup_printf (_("Service level report for %s"), customer);
  else
    title = g_strdup (_("Service level report"));
  document = sb_report_document_new (title);
  sb_report_util_describe (document, store,
                           _("Compares the service levels achieved with the agreed targets, per service and priority, explains each breach and shows the trend."),
                           customer != NULL ? _("The customer’s service owner and the provider’s management")
                                            : _("Customers, service owners and the provider’s management"),
                           period);

  /* Key figures first */
  sb_report_document_add_section (document, _("Summary"));
  sb_report_util_add_filters_text (document, store, filters);
  {
    g_autofree char *incidents = sb_report_util_format_count (now->incidents);
    g_autofree char *response = format_percent_of (now->response_met, now->response_breached);
    g_autofree char *resolution = format_percent_of (now->resolution_met, now->resolution_breached);
    g_autofree char *response_detail = NULL;
    g_autofree char *resolution_detail = NULL;
    g_autofree char *breached = sb_report_util_format_count (n_breached_incidents);
    g_autofree char *over = NULL;

    /* Translators: under a percentage of targets met: "41 of 44 targets" */
    response_detail = g_strdup_printf (_("%1$u of %2$u targets"), now->response_met,
                                       now->response_met + now->response_breached);
    resolution_detail = g_strdup_printf (_("%1$u of %2$u targets"), now->resolution_met,
                                         now->resolution_met + now->resolution_breached);
    sb_report_document_add_key_figure (document, _("Incidents"), incidents, NULL);
    sb_report_document_add_key_figure (document, _("Response targets met"), response, response_detail);
    sb_report_document_add_key_figure (document, _("Resolution targets met"), resolution, resolution_detail);
    sb_report_document_add_key_figure (document, _("Incidents with a breach"), breached, NULL);
    if (n_limited > 0)
      {
        /* Translators: services over their workload limit, "1 of 4" */
        over = g_strdup_printf (_("%1$u of %2$u"), n_over_limit, n_limited);
        sb_report_document_add_key_figure (document, _("Services over workload limit"), over, NULL);
      }
    sb_report_document_end_key_figures (document);
  }
  sb_report_document_add_paragraph (document,
                                    _("A target counts as met when the clock stopped within it and as breached when it went past it; clocks still running within their target are not counted yet. Times are business time of each service’s support hours."));
  sb_report_document_add_paragraph (document,
                                    _("Availability is not measured: the book records no downtime. Availability targets are shown for reference. Workload is the number of incidents against the limit agreed for the period."));

  /* Per service */
  sb_report_document_add_section (document, _("Targets against achieved"));
  table = sb_report_document_add_table (document, _("Services"));
  sb_report_table_add_column (table, _("Service"), SB_REPORT_ALIGN_START, 2.6);
  sb_report_table_add_column (table, _("Incidents"), SB_REPORT_ALIGN_END, 1);
  sb_report_table_add_column (table, _("Response met"), SB_REPORT_ALIGN_END, 1.2);
  sb_report_table_add_column (table, _("Resolution met"), SB_REPORT_ALIGN_END, 1.2);
  sb_report_table_add_column (table, _("Availability target"), SB_REPORT_ALIGN_END, 1.5);
  sb_report_table_add_column (table, _("Workload (limit)"), SB_REPORT_ALIGN_END, 1.5);
  sb_report_table_set_empty_text (table, _("No services are in the scope of this report."));
  for (guint i = 0; i < order->len; i++)
    {
      ServiceTally *st = g_ptr_array_index (order, i);
      g_autofree char *name = st->service != NULL ? g_strdup (sb_service_get_name (st->service))
                                                  : g_strdup (_("No service"));
      g_autofree char *count = sb_report_util_format_count (st->total.incidents);
      g_autofree char *rp = format_percent_of (st->total.response_met, st->total.response_breached);
      g_autofree char *sp = format_percent_of (st->total.resolution_met, st->total.resolution_breached);
      g_autofree char *availability = describe_availability (st->service);
      g_autofree char *workload = describe_workload (st, months);

      sb_report_table_add_row (table, name, count, rp, sp, availability, workload);
    }
  for (guint i = 0; i < order->len; i++)
    {
      ServiceTally *st = g_ptr_array_index (order, i);

      if (st->total.incidents > 0)
        add_service_table (document, st, months);
    }

  /* Breaches */
  sb_report_document_add_section (document, _("Breaches and their reasons"));
  table = sb_report_document_add_table (document, _("Breaches"));
  /* Wide enough for a whole reference with a wide device tag
   * (INC-WWWW-0002) and for "breached" on one line. */
  sb_report_table_add_column (table, _("Reference"), SB_REPORT_ALIGN_START, 2.8);
  sb_report_table_add_column (table, _("Opened"), SB_REPORT_ALIGN_START, 1.3);
  sb_report_table_add_column (table, _("Service"), SB_REPORT_ALIGN_START, 1.3);
  sb_report_table_add_column (table, C_ ("column", "Prio."), SB_REPORT_ALIGN_CENTER, 0.7);
  sb_report_table_add_column (table, _("Title"), SB_REPORT_ALIGN_START, 2.0);
  sb_report_table_add_column (table, _("Response"), SB_REPORT_ALIGN_START, 1.6);
  sb_report_table_add_column (table, _("Resolution"), SB_REPORT_ALIGN_START, 1.6);
  sb_report_table_add_column (table, _("Reason"), SB_REPORT_ALIGN_START, 3.2);
  sb_report_table_set_empty_text (table, _("No target was breached in this period."));
  for (guint b = 0; b < breaches->len; b++)
    {
      const SbReportIncident *item = sb_report_incident_scan_get (scan, g_array_index (breaches, guint, b));
      gint64 now_ms = sb_store_now_ms (store);
      g_autofree char *opened = sb_report_util_format_day_and_time (item->opened_ms);
      g_autofree char *priority = g_strdup_printf ("P%u", item->priority);
      g_autofree char *response = sb_sla_clock_describe (&item->sla.response, now_ms);
      g_autofree char *resolution = sb_sla_clock_describe (&item->sla.resolution, now_ms);
      g_autofree char *reasons = describe_reasons (store, item);

      sb_report_table_add_row (table, item->reference, opened,
                               item->service_code != NULL ? item->service_code : "–",
                               priority, item->title, response, resolution, reasons);
    }

  /* Trend */
  sb_report_document_add_section (document, _("Trend"));
  for (guint i = 0; i < N_TREND; i++)
    {
      label_text[i] = sb_report_period_get_label (&periods[i]);
      if (periods[i].kind == SB_REPORT_PERIOD_MONTH)
        {
          g_autoptr (GDateTime) dt = g_date_time_new_utc (g_date_get_year (&periods[i].first),
                                                          g_date_get_month (&periods[i].first), 1, 0, 0, 0);

          g_free (label_text[i]);
          /* Translators: a month on a chart's axis, as in "Oct 26"; codes of
           * g_date_time_format() */
          label_text[i] = g_date_time_format (dt, C_ ("chart month", "%b %y"));
        }
      else if (periods[i].kind == SB_REPORT_PERIOD_QUARTER)
        {
          g_free (label_text[i]);
          label_text[i] = sb_report_period_to_string (&periods[i]);
        }
      labels[i] = label_text[i];
      response_values[i] = percent_hundredths (trend[i].response_met, trend[i].response_breached);
      resolution_values[i] = percent_hundredths (trend[i].resolution_met, trend[i].resolution_breached);
    }

  chart = sb_chart_new ();
  sb_chart_set_title (chart, _("Targets met, per period"));
  sb_chart_set_categories (chart, labels, N_TREND);
  sb_chart_add_series (chart, _("Response targets met"), SB_CHART_BARS, response_values, N_TREND);
  sb_chart_add_series (chart, _("Resolution targets met"), SB_CHART_BARS, resolution_values, N_TREND);
  sb_chart_set_format_func (chart, format_percent_value, NULL, NULL);
  sb_chart_set_marker (chart, N_TREND - 1, _("This period"));
  sb_report_document_add_chart (document, g_steal_pointer (&chart), 220);
  sb_report_document_add_paragraph (document,
                                    _("A period without any decided target shows no bar; the table gives the counts."));

  table = sb_report_document_add_table (document, _("Trend over the last 13 periods"));
  sb_report_table_add_column (table, _("Period"), SB_REPORT_ALIGN_START, 2);
  sb_report_table_add_column (table, _("Incidents"), SB_REPORT_ALIGN_END, 1);
  sb_report_table_add_column (table, _("Response met"), SB_REPORT_ALIGN_END, 1.2);
  sb_report_table_add_column (table, _("Response breached"), SB_REPORT_ALIGN_END, 1.2);
  /* xgettext:no-c-format */
  sb_report_table_add_column (table, _("% met"), SB_REPORT_ALIGN_END, 1);
  sb_report_table_add_column (table, _("Resolution met"), SB_REPORT_ALIGN_END, 1.2);
  sb_report_table_add_column (table, _("Resolution breached"), SB_REPORT_ALIGN_END, 1.2);
  /* xgettext:no-c-format */
  sb_report_table_add_column (table, _("% met"), SB_REPORT_ALIGN_END, 1);
  sb_report_table_begin_group (table);
  for (guint i = 0; i < N_TREND; i++)
    {
      g_autofree char *name = sb_report_period_get_label (&periods[i]);
      g_autofree char *c = sb_report_util_format_count (trend[i].incidents);
      g_autofree char *rm = sb_report_util_format_count (trend[i].response_met);
      g_autofree char *rb = sb_report_util_format_count (trend[i].response_breached);
      g_autofree char *rp = format_percent_of (trend[i].response_met, trend[i].response_breached);
      g_autofree char *sm = sb_report_util_format_count (trend[i].resolution_met);
      g_autofree char *sbr = sb_report_util_format_count (trend[i].resolution_breached);
      g_autofree char *sp = format_percent_of (trend[i].resolution_met, trend[i].resolution_breached);

      sb_report_table_add_row (table, name, c, rm, rb, rp, sm, sbr, sp);
      g_free (label_text[i]);
    }
  sb_report_table_end_group (table);

  return g_steal_pointer (&document);
}

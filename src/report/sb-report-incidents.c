/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog.h"
#include "sb-escalations.h"
#include "sb-incidents.h"
#include "sb-store-private.h"
#include "sb-time.h"

#include "sb-report-output.h"

#include "sb-report-util.h"
#include "sb-reports-private.h"

/*
 * The incident log of a period (DOMAIN.md, Reports 3) and one incident
 * printed whole with its timeline.
 *
 * The log reads its incidents in one pass (sb_report_incident_scan()):
 * no incident is loaded as an object with its timeline, so ten thousand
 * incidents cost one query and a clock each.
 */

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* A clock in a word for the log's columns. */
static const char *
clock_word (const SbSlaClock *clock)
{
  if (clock->state == SB_SLA_STATE_NONE || clock->target_minutes <= 0)
    return "–";
  if (clock->state == SB_SLA_STATE_BREACHED)
    return C_ ("service level clock", "Breached");
  if (clock->done)
    return C_ ("service level clock", "Met");
  if (clock->paused)
    return C_ ("service level clock", "Paused");
  if (clock->state == SB_SLA_STATE_AT_RISK)
    return C_ ("service level clock", "At risk");
  return C_ ("service level clock", "Running");
}

static char *
format_time (gint64 ms)
{
  if (ms == SB_SLA_NO_TIME || ms < SB_TIME_MIN_MS || ms > SB_TIME_MAX_MS)
    return g_strdup ("–");
  return sb_time_format_local (ms, NULL);
}

/* "1:35": time spent in a narrow column of figures */
static char *
format_hours_minutes (gint64 minutes)
{
  g_autofree char *hours = sb_report_util_format_count (minutes / 60);

  return g_strdup_printf ("%s:%02d", hours, (int) (minutes % 60));
}

static void
add_count_figure (SbReportDocument *document,
                  const char       *label,
                  guint             count,
                  const char       *detail)
{
  g_autofree char *value = sb_report_util_format_count (count);

  sb_report_document_add_key_figure (document, label, value, detail);
}

/* Incident log {{{1 */

SbReportDocument *
sb_report_build_incident_log (SbStore               *store,
                              const SbReportPeriod  *period,
                              const SbReportFilters *filters,
                              GError               **error)
{
  g_autoptr (SbReportDocument) document = NULL;
  g_autoptr (SbReportIncidentScan) scan = NULL;
  guint by_priority[6] = { 0 };
  guint by_status[SB_INCIDENT_N_STATUSES] = { 0 };
  guint by_status_priority[SB_INCIDENT_N_STATUSES][6] = { { 0 } };
  guint n_open = 0, n_breached = 0, n_major = 0, n_done = 0;
  gint64 total_minutes = 0;
  gint64 from_ms, to_ms;
  SbReportTable *table;
  guint n;

  g_return_val_if_fail (period != NULL, NULL);

  sb_report_period_get_range_ms (period, &from_ms, &to_ms);
  scan = sb_report_incident_scan (store, from_ms, to_ms, filters->customer_id,
                                  filters->service_id, sb_store_now_ms (store), error);
  if (scan == NULL)
    return NULL;

  document = sb_report_document_new (_("Incident log"));
  sb_report_util_describe (document, store,
                           _("Lists every incident logged in the period with its priority, status, state against the agreed targets and the time spent on it."),
                           _("Service owners, customers and auditors"),
                           period);

  n = sb_report_incident_scan_get_n (scan);
  for (guint i = 0; i < n; i++)
    {
      const SbReportIncident *item = sb_report_incident_scan_get (scan, i);

      if (item->priority >= 1 && item->priority <= 5)
        by_priority[item->priority]++;
      by_status[item->status]++;
      if (item->priority >= 1 && item->priority <= 5)
        by_status_priority[item->status][item->priority]++;
      if (sb_incident_status_is_open (item->status))
        n_open++;
      if (item->status == SB_INCIDENT_RESOLVED || item->status == SB_INCIDENT_CLOSED)
        n_done++;
      if (item->sla.state == SB_SLA_STATE_BREACHED)
        n_breached++;
      if (item->major)
        n_major++;
      total_minutes += item->minutes;
    }

  sb_report_document_add_section (document, _("Summary"));
  sb_report_util_add_filters_text (document, store, filters);
  {
    g_autofree char *count = sb_report_util_format_count (n);
    g_autofree char *detail = NULL;

    /* Translators: under the number of incidents logged in a period */
    detail = g_strdup_printf (_("%1$u still open, %2$u resolved or closed"), n_open, n_done);
    sb_report_document_add_key_figure (document, _("Incidents logged"), count, detail);
  }
  add_count_figure (document, _("Target breached"), n_breached, _("response or resolution"));
  add_count_figure (document, _("Major incidents"), n_major, NULL);
  sb_report_document_end_key_figures (document);

  for (guint p = 1; p <= 5; p++)
    if (by_priority[p] > 0)
      {
        g_autofree char *label = sb_report_util_priority_label (p);

        add_count_figure (document, label, by_priority[p], NULL);
      }
  sb_report_document_end_key_figures (document);

  /* Statuses by priority */
  table = sb_report_document_add_table (document, _("Incidents by status and priority"));
  sb_report_table_add_column (table, _("Status"), SB_REPORT_ALIGN_START, 2.5);
  for (guint p = 1; p <= 5; p++)
    {
      g_autofree char *label = g_strdup_printf ("P%u", p);

      sb_report_table_add_column (table, label, SB_REPORT_ALIGN_END, 1);
    }
  sb_report_table_add_column (table, _("Total"), SB_REPORT_ALIGN_END, 1.2);
  sb_report_table_set_empty_text (table, _("No incidents were logged in this period."));
  for (guint s = 0; s < SB_INCIDENT_N_STATUSES; s++)
    {
      char *cells_text[6] = { NULL };
      const char *cells[7];
      guint row_total = 0;

      if (by_status[s] == 0)
        continue;
      cells[0] = sb_incident_status_get_label (s);
      for (guint p = 1; p <= 5; p++)
        {
          cells_text[p - 1] = sb_report_util_format_count (by_status_priority[s][p]);
          cells[p] = cells_text[p - 1];
          row_total += by_status_priority[s][p];
        }
      cells_text[5] = sb_report_util_format_count (by_status[s]);
      cells[6] = cells_text[5];
      sb_report_table_add_rowv (table, cells);
      for (guint k = 0; k < 6; k++)
        g_free (cells_text[k]);
    }
  if (n > 0)
    {
      char *totals[6];
      const char *cells[7];

      cells[0] = _("Total");
      for (guint p = 1; p <= 5; p++)
        cells[p] = totals[p - 1] = sb_report_util_format_count (by_priority[p]);
      cells[6] = totals[5] = sb_report_util_format_count (n);
      sb_report_table_add_total_rowv (table, cells);
      for (guint k = 0; k < 6; k++)
        g_free (totals[k]);
    }

  sb_report_document_add_section (document, _("Incidents"));
  table = sb_report_document_add_table (document, _("Incidents logged in the period"));
  sb_report_table_add_column (table, _("Reference"), SB_REPORT_ALIGN_START, 2.3);
  sb_report_table_add_column (table, _("Opened"), SB_REPORT_ALIGN_START, 1.7);
  sb_report_table_add_column (table, _("Service, customer"), SB_REPORT_ALIGN_START, 1.9);
  sb_report_table_add_column (table, C_ ("column", "Prio."), SB_REPORT_ALIGN_CENTER, 0.6);
  sb_report_table_add_column (table, _("Status"), SB_REPORT_ALIGN_START, 1.3);
  sb_report_table_add_column (table, _("Title"), SB_REPORT_ALIGN_START, 2.3);
  sb_report_table_add_column (table, _("Response, resolution"), SB_REPORT_ALIGN_START, 1.6);
  sb_report_table_add_column (table, _("Time spent (h:mm)"), SB_REPORT_ALIGN_END, 1.3);
  sb_report_table_set_empty_text (table, _("No incidents were logged in this period."));

  for (guint i = 0; i < n; i++)
    {
      const SbReportIncident *item = sb_report_incident_scan_get (scan, i);
      g_autofree char *opened = sb_report_util_format_day_and_time (item->opened_ms);
      g_autofree char *priority = g_strdup_printf ("P%u", item->priority);
      g_autofree char *minutes = item->minutes > 0 ? format_hours_minutes (item->minutes)
                                                   : g_strdup ("–");
      g_autofree char *status = NULL;
      g_autofree char *who = NULL;
      g_autofree char *clocks = NULL;
      const char *cells[8];

      if (item->status == SB_INCIDENT_ON_HOLD && item->hold_reason != NULL)
        /* Translators: a status with its hold reason, "On hold: Awaiting customer" */
        status = g_strdup_printf (_("%1$s: %2$s"), sb_incident_status_get_label (item->status),
                                  sb_incident_hold_reason_get_label (item->hold_reason));
      else
        status = g_strdup (sb_incident_status_get_label (item->status));
      who = g_strdup_printf ("%s\n%s", item->service_code != NULL ? item->service_code : "–",
                             item->customer_name != NULL ? item->customer_name : "–");
      /* Translators: the response and resolution clocks in the incident
       * log, as in "Met / Breached" */
      clocks = g_strdup_printf (C_ ("service level clocks", "%1$s / %2$s"),
                                clock_word (&item->sla.response),
                                clock_word (&item->sla.resolution));

      cells[0] = item->reference;
      cells[1] = opened;
      cells[2] = who;
      cells[3] = priority;
      cells[4] = status;
      cells[5] = item->title;
      cells[6] = clocks;
      cells[7] = minutes;
      sb_report_table_add_rowv (table, cells);
    }

  if (n > 0)
    {
      g_autofree char *count = NULL;
      g_autofree char *number = sb_report_util_format_count (n);
      g_autofree char *minutes = format_hours_minutes (total_minutes);
      const char *cells[8] = { NULL };

      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s incident", "%s incidents", n),
                               number);
      cells[0] = _("Total");
      cells[5] = count;
      cells[7] = minutes;
      sb_report_table_add_total_rowv (table, cells);
    }

  sb_report_document_add_paragraph (document,
                                    /* xgettext:no-c-format */
                                    _("Response and resolution: Met, Breached, Running (within target), At risk (75 % of the target used), Paused (on hold for a reason that stops the clock), or – where no target applies. Times are in business time of each service’s support hours."));

  return g_steal_pointer (&document);
}

/* One incident {{{1 */

static void
add_detail (SbReportTable *table,
            const char    *label,
            const char    *value)
{
  sb_report_table_add_row (table, label, is_set (value) ? value : "–");
}

static void
add_clock_row (SbReportTable     *table,
               const char        *name,
               const SbSlaClock  *clock,
               gint64             now_ms)
{
  g_autofree char *target = NULL;
  g_autofree char *elapsed = NULL;
  g_autofree char *paused = NULL;
  g_autofree char *due = NULL;
  g_autofree char *words = sb_sla_clock_describe (clock, now_ms);

  if (clock->target_minutes <= 0 || clock->state == SB_SLA_STATE_NONE)
    {
      sb_report_table_add_row (table, name, "–", "–", "–", "–", words);
      return;
    }

  target = sb_duration_format (clock->target_minutes);
  elapsed = sb_duration_format (clock->elapsed_minutes);
  paused = sb_duration_format (clock->paused_minutes);
  due = clock->done ? g_strdup ("–") : format_time (clock->due_ms);
  sb_report_table_add_row (table, name, target, elapsed, paused, due, words);
}

static SbIncident *
find_incident (SbStore     *store,
               const char  *id_or_reference,
               GError     **error)
{
  SbIncident *incident = sb_incidents_find (store, id_or_reference);
  g_autoptr (GError) local_error = NULL;

  if (incident != NULL)
    return incident;

  incident = sb_incidents_get (store, id_or_reference, &local_error);
  if (incident != NULL)
    return incident;

  if (g_error_matches (local_error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID))
    g_set_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID,
                 /* Translators: %s is what was given as an incident */
                 _("There is no incident “%s” in this book."), id_or_reference);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

SbReportDocument *
sb_report_build_incident (SbStore               *store,
                          const SbReportPeriod  *period,
                          const SbReportFilters *filters,
                          GError               **error)
{
  g_autoptr (SbReportDocument) document = NULL;
  g_autoptr (SbIncident) incident = NULL;
  g_autoptr (GPtrArray) timeline = NULL;
  g_autoptr (GPtrArray) escalations = NULL;
  g_autoptr (SbService) service = NULL;
  g_autoptr (SbCustomer) customer = NULL;
  g_autofree char *title = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *status = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *responded = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *spent = NULL;
  g_autofree char *impact = NULL;
  g_autofree char *urgency = NULL;
  g_autofree char *service_text = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *response_words = NULL;
  g_autofree char *resolution_words = NULL;
  const char *id;
  SbReportTable *table;
  gint64 now_ms, minutes = 0;
  gboolean any_author = FALSE;
  SbSla sla;

  incident = find_incident (store, filters->incident_id, error);
  if (incident == NULL)
    return NULL;
  id = sb_incident_get_id (incident);
  now_ms = sb_store_now_ms (store);

  if (!sb_incidents_get_sla (store, incident, now_ms, &sla, error))
    return NULL;
  timeline = sb_incidents_list_timeline (store, id, error);
  if (timeline == NULL)
    return NULL;
  escalations = sb_escalations_list_for_incident (store, id, error);
  if (escalations == NULL)
    return NULL;
  if (sb_incident_get_service_id (incident) != NULL)
    service = sb_catalog_get_service (store, sb_incident_get_service_id (incident), NULL);
  if (sb_incident_get_customer_id (incident) != NULL)
    customer = sb_catalog_get_customer (store, sb_incident_get_customer_id (incident), NULL);

  /* Translators: the single-incident report's title; %s is its reference */
  title = g_strdup_printf (_("Incident %s"), sb_incident_get_reference (incident));
  document = sb_report_document_new (title);
  sb_report_util_describe (document, store,
                           _("Records one incident in full: its details, its state against the agreed targets and everything that happened, in order."),
                           _("The customer, the service owner and auditors"),
                           NULL);

  priority = sb_report_util_priority_label (sb_incident_get_priority (incident));
  if (sb_incident_get_status (incident) == SB_INCIDENT_ON_HOLD
      && sb_incident_get_hold_reason (incident) != NULL)
    status = g_strdup_printf (_("%1$s: %2$s"),
                              sb_incident_status_get_label (sb_incident_get_status (incident)),
                              sb_incident_hold_reason_get_label (sb_incident_get_hold_reason (incident)));
  else
    status = g_strdup (sb_incident_status_get_label (sb_incident_get_status (incident)));
  response_words = sb_sla_clock_describe (&sla.response, now_ms);
  resolution_words = sb_sla_clock_describe (&sla.resolution, now_ms);

  sb_report_document_add_section (document, sb_incident_get_title (incident));
  sb_report_document_add_key_figure (document, _("Priority"), priority,
                                     sb_incident_get_major (incident) ? _("major incident") : NULL);
  sb_report_document_add_key_figure (document, _("Status"), status, NULL);
  sb_report_document_add_key_figure (document, _("Response"), response_words, NULL);
  sb_report_document_add_key_figure (document, _("Resolution"), resolution_words, NULL);
  sb_report_document_end_key_figures (document);

  if (is_set (sb_incident_get_description (incident)))
    sb_report_document_add_paragraph (document, sb_incident_get_description (incident));

  for (guint i = 0; i < timeline->len; i++)
    minutes += sb_incident_event_get_minutes (g_ptr_array_index (timeline, i));

  opened = format_time (sb_incident_get_opened_ms (incident));
  responded = format_time (sb_incident_get_responded_ms (incident));
  resolved = format_time (sb_incident_get_resolved_ms (incident));
  closed = format_time (sb_incident_get_closed_ms (incident));
  spent = minutes > 0 ? sb_duration_format (minutes) : NULL;
  impact = g_strdup_printf ("%u %s", sb_incident_get_impact (incident),
                            sb_incident_level_get_label (sb_incident_get_impact (incident)));
  urgency = g_strdup_printf ("%u %s", sb_incident_get_urgency (incident),
                             sb_incident_level_get_label (sb_incident_get_urgency (incident)));
  if (service != NULL)
    service_text = g_strdup_printf (_("%1$s (%2$s)"), sb_service_get_name (service),
                                    sb_service_get_code (service));
  if (sb_incident_get_reopen_count (incident) > 0)
    reopened = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time", "%u times",
                                             sb_incident_get_reopen_count (incident)),
                                sb_incident_get_reopen_count (incident));

  table = sb_report_document_add_table (document, _("Details"));
  sb_report_table_add_column (table, _("Field"), SB_REPORT_ALIGN_START, 1);
  sb_report_table_add_column (table, _("Value"), SB_REPORT_ALIGN_START, 3);
  add_detail (table, _("Reference"), sb_incident_get_reference (incident));
  add_detail (table, _("Title"), sb_incident_get_title (incident));
  add_detail (table, _("Service"), service_text);
  add_detail (table, _("Customer"), customer != NULL ? sb_customer_get_name (customer) : NULL);
  add_detail (table, _("Reported by"), sb_incident_get_contact (incident));
  add_detail (table, _("Channel"), sb_incident_channel_get_label (sb_incident_get_channel (incident)));
  add_detail (table, _("Category"), sb_incident_get_category (incident));
  add_detail (table, _("Impact"), impact);
  add_detail (table, _("Urgency"), urgency);
  add_detail (table, _("Priority"), priority);
  if (is_set (sb_incident_get_priority_reason (incident)))
    add_detail (table, _("Priority set by hand because"), sb_incident_get_priority_reason (incident));
  add_detail (table, _("Major incident"), sb_incident_get_major (incident) ? _("Yes") : _("No"));
  add_detail (table, _("Status"), status);
  add_detail (table, _("Opened"), opened);
  add_detail (table, _("First response"), responded);
  add_detail (table, _("Resolved"), resolved);
  add_detail (table, _("Closed"), closed);
  if (reopened != NULL)
    add_detail (table, _("Reopened"), reopened);
  add_detail (table, _("Resolution code"),
              is_set (sb_incident_get_resolution_code (incident))
                ? sb_incident_resolution_code_get_label (sb_incident_get_resolution_code (incident))
                : NULL);
  add_detail (table, _("Resolution notes"), sb_incident_get_resolution_notes (incident));
  add_detail (table, _("Workaround"), sb_incident_get_workaround (incident));
  if (sb_incident_get_duplicate_of (incident) != NULL)
    {
      g_autoptr (SbIncident) original = sb_incidents_get (store, sb_incident_get_duplicate_of (incident), NULL);

      add_detail (table, _("Duplicate of"),
                  original != NULL ? sb_incident_get_reference (original) : NULL);
    }
  add_detail (table, _("Time spent"), spent);

  table = sb_report_document_add_table (document, _("Service level clocks"));
  sb_report_table_add_column (table, _("Clock"), SB_REPORT_ALIGN_START, 1.2);
  sb_report_table_add_column (table, _("Target"), SB_REPORT_ALIGN_END, 1);
  sb_report_table_add_column (table, _("Used"), SB_REPORT_ALIGN_END, 1);
  sb_report_table_add_column (table, _("Paused"), SB_REPORT_ALIGN_END, 1);
  sb_report_table_add_column (table, _("Due"), SB_REPORT_ALIGN_START, 1.6);
  sb_report_table_add_column (table, _("State"), SB_REPORT_ALIGN_START, 2);
  sb_report_table_begin_group (table);
  add_clock_row (table, _("Response"), &sla.response, now_ms);
  add_clock_row (table, _("Resolution"), &sla.resolution, now_ms);
  sb_report_table_end_group (table);
  sb_report_document_add_paragraph (document,
                                    _("Targets, time used and time paused are business time of the service’s support hours, computed from the timeline below."));

  if (escalations->len > 0)
    {
      table = sb_report_document_add_table (document, _("Escalations to suppliers"));
      sb_report_table_add_column (table, _("Supplier"), SB_REPORT_ALIGN_START, 2);
      sb_report_table_add_column (table, _("Contract"), SB_REPORT_ALIGN_START, 1.2);
      sb_report_table_add_column (table, _("Their ticket"), SB_REPORT_ALIGN_START, 1.2);
      sb_report_table_add_column (table, _("Escalated"), SB_REPORT_ALIGN_START, 1.5);
      sb_report_table_add_column (table, _("Responded"), SB_REPORT_ALIGN_START, 1.5);
      sb_report_table_add_column (table, _("Resolved"), SB_REPORT_ALIGN_START, 1.5);
      for (guint i = 0; i < escalations->len; i++)
        {
          SbEscalation *e = g_ptr_array_index (escalations, i);
          g_autofree char *at = format_time (sb_escalation_get_escalated_ms (e));
          g_autofree char *resp = format_time (sb_escalation_get_responded_ms (e));
          g_autofree char *res = format_time (sb_escalation_get_resolved_ms (e));

          sb_report_table_add_row (table, sb_escalation_get_supplier_name (e),
                                   is_set (sb_escalation_get_contract_reference (e))
                                     ? sb_escalation_get_contract_reference (e) : "–",
                                   is_set (sb_escalation_get_supplier_ref (e))
                                     ? sb_escalation_get_supplier_ref (e) : "–",
                                   at, resp, res);
        }
    }

  for (guint i = 0; i < timeline->len; i++)
    if (is_set (sb_incident_event_get_author (g_ptr_array_index (timeline, i))))
      any_author = TRUE;

  table = sb_report_document_add_table (document, _("Timeline"));
  sb_report_table_add_column (table, _("When"), SB_REPORT_ALIGN_START, 1.5);
  if (any_author)
    sb_report_table_add_column (table, _("By"), SB_REPORT_ALIGN_START, 1);
  sb_report_table_add_column (table, _("Entry"), SB_REPORT_ALIGN_START, 2);
  sb_report_table_add_column (table, _("Text"), SB_REPORT_ALIGN_START, 3.8);
  sb_report_table_add_column (table, _("Visible to"), SB_REPORT_ALIGN_START, 1.3);
  sb_report_table_add_column (table, _("Time"), SB_REPORT_ALIGN_END, 1.4);
  sb_report_table_set_empty_text (table, _("The timeline has no entries."));
  for (guint i = 0; i < timeline->len; i++)
    {
      SbIncidentEvent *event = g_ptr_array_index (timeline, i);
      g_autofree char *when = sb_report_util_format_day_and_time (sb_incident_event_get_at_ms (event));
      g_autofree char *what = sb_incident_event_describe (event);
      g_autofree char *time = sb_incident_event_get_minutes (event) > 0
                                ? sb_duration_format (sb_incident_event_get_minutes (event))
                                : NULL;
      const char *author = sb_incident_event_get_author (event);
      const char *body = sb_incident_event_get_body (event);
      const char *kind = sb_incident_event_get_kind (event);
      const char *cells[6];
      guint c = 0;

      /* A status entry's body is its hold reason, already in the entry's words. */
      if (g_strcmp0 (kind, SB_INCIDENT_EVENT_STATUS) == 0)
        body = NULL;

      cells[c++] = when;
      if (any_author)
        cells[c++] = is_set (author) ? author : "–";
      cells[c++] = what;
      cells[c++] = is_set (body) ? body : "";
      cells[c++] = sb_incident_event_get_customer_visible (event)
                     ? C_ ("visibility", "Customer") : C_ ("visibility", "Internal");
      cells[c++] = time != NULL ? time : "";
      sb_report_table_add_rowv (table, cells);
    }
  if (minutes > 0)
    {
      const char *cells[6] = { _("Total"), NULL, NULL, NULL, NULL, NULL };

      cells[any_author ? 5 : 4] = spent;
      sb_report_table_add_total_rowv (table, cells);
    }

  return g_steal_pointer (&document);
}

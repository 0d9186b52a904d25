/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-catalog.h"
#include "sb-incidents-private.h"
#include "sb-priority-matrix.h"
#include "sb-store-private.h"
#include "sb-time.h"

#include "sb-report-util.h"

/**
 * sb_report_util_describe:
 * @document: a report
 * @store: the book it is made from
 * @purpose: what the report is for, translated
 * @audience: who it is for, translated
 * @period: (nullable): its period; %NULL for "as of" the store's today
 *
 * Sets what every report names about itself (DOMAIN.md, Reports): its
 * purpose, audience, period and data source (the book's file name), and
 * when it was made (the store's clock).
 */
void
sb_report_util_describe (SbReportDocument     *document,
                         SbStore              *store,
                         const char           *purpose,
                         const char           *audience,
                         const SbReportPeriod *period)
{
  g_autofree char *label = NULL;
  g_autofree char *source = NULL;
  g_autofree char *base = NULL;
  const char *path;
  gint64 now_ms;

  g_return_if_fail (SB_IS_REPORT_DOCUMENT (document));
  g_return_if_fail (SB_IS_STORE (store));

  now_ms = sb_store_now_ms (store);
  if (period != NULL)
    label = sb_report_period_get_label (period);
  else
    {
      g_autofree char *today = sb_time_format_local (now_ms, NULL);

      /* Translators: the period of a report that shows the book as it
       * is now; %s is a date and time */
      label = g_strdup_printf (_("As of %s"), today);
    }

  path = sb_store_get_path (store);
  base = path != NULL ? g_path_get_basename (path) : g_strdup (_("an unsaved book"));
  /* Translators: a report's data source; %s is the book's file name */
  source = g_strdup_printf (_("Servicebook book “%s”"), base);

  sb_report_document_set_purpose (document, purpose);
  sb_report_document_set_audience (document, audience);
  sb_report_document_set_period (document, label);
  sb_report_document_set_data_source (document, source);
  sb_report_document_set_generated_at (document, now_ms);
}

/**
 * sb_report_util_format_count:
 * @n: a count
 *
 * Returns: (transfer full): @n with the locale's thousands separators
 */
char *
sb_report_util_format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

/**
 * sb_report_util_format_percent:
 * @part: the part
 * @whole: the whole; 0 gives a dash
 *
 * Returns: (transfer full): "87.5 %" to a tenth, with the locale's
 *   decimal mark, a whole number when exact, or "–" when @whole is 0
 */
char *
sb_report_util_format_percent (guint part,
                               guint whole)
{
  if (whole == 0)
    return g_strdup ("–");

  /* to a tenth of a percent: counts do not deserve more */
  return sb_report_util_format_hundredths ((gint64) ((part * 1000.0) / whole + 0.5) * 10);
}

/**
 * sb_report_util_format_hundredths:
 * @hundredths: a percentage in hundredths of a percent (9950: 99.5 %)
 *
 * Returns: (transfer full): the percentage in the locale's form
 */
char *
sb_report_util_format_hundredths (gint64 hundredths)
{
  g_autofree char *number = NULL;

  if (hundredths % 100 == 0)
    number = g_strdup_printf ("%" G_GINT64_FORMAT, hundredths / 100);
  else if (hundredths % 10 == 0)
    number = g_strdup_printf ("%.1f", hundredths / 100.0);
  else
    number = g_strdup_printf ("%.2f", hundredths / 100.0);

  /* Translators: a percentage, as in "99.5 %"; %s is the number */
  return g_strdup_printf (C_ ("percent", "%s %%"), number);
}

/**
 * sb_report_util_format_day_and_time:
 * @ms: an instant, UTC Unix milliseconds, or %SB_SLA_NO_TIME
 *
 * Returns: (transfer full): the local date over the time of day ("5 Oct
 *   2026" and "09:00" on two lines), for narrow columns; "–" for no time
 */
char *
sb_report_util_format_day_and_time (gint64 ms)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  GDate date;

  if (ms == SB_SLA_NO_TIME || ms < SB_TIME_MIN_MS || ms > SB_TIME_MAX_MS)
    return g_strdup ("–");
  dt = g_date_time_new_from_unix_local (ms / 1000);
  if (dt == NULL)
    return sb_time_format_local (ms, NULL);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  day = sb_date_format_local (&date);
  /* Translators: a time of day under a date in a narrow column; codes of
   * g_date_time_format() (%l:%M %p for a 12-hour clock) */
  time = g_date_time_format (dt, C_ ("time of day", "%H:%M"));
  return g_strdup_printf ("%s\n%s", day, time);
}

/**
 * sb_report_util_priority_label:
 * @priority: 1–5
 *
 * Returns: (transfer full): "P2 High"
 */
char *
sb_report_util_priority_label (guint priority)
{
  if (priority < 1 || priority > 5)
    return g_strdup ("–");

  /* Translators: a priority in reports, as in "P2 High"; %u its number,
   * %s its name */
  return g_strdup_printf (C_ ("priority", "P%u %s"), priority,
                          sb_priority_get_name ((SbPriority) priority));
}

/**
 * sb_report_util_customer_name:
 * @store: the book
 * @customer_id: a customer's id
 * @error: an unknown customer
 *
 * Returns: (transfer full) (nullable): the customer's name
 */
char *
sb_report_util_customer_name (SbStore     *store,
                              const char  *customer_id,
                              GError     **error)
{
  g_autoptr (SbCustomer) customer = sb_catalog_get_customer (store, customer_id, error);

  return customer != NULL ? g_strdup (sb_customer_get_name (customer)) : NULL;
}

/**
 * sb_report_util_service_name:
 * @store: the book
 * @service_id: a service's id
 * @error: an unknown service
 *
 * Returns: (transfer full) (nullable): the service's name
 */
char *
sb_report_util_service_name (SbStore     *store,
                             const char  *service_id,
                             GError     **error)
{
  g_autoptr (SbService) service = sb_catalog_get_service (store, service_id, error);

  return service != NULL ? g_strdup (sb_service_get_name (service)) : NULL;
}

/**
 * sb_report_util_add_filters_text:
 * @document: a report
 * @store: the book
 * @filters: the filters the report was built with
 *
 * Adds a paragraph naming the customer and service a report is limited
 * to, if any, so that nobody takes a part for the whole.
 */
void
sb_report_util_add_filters_text (SbReportDocument      *document,
                                 SbStore               *store,
                                 const SbReportFilters *filters)
{
  g_autofree char *customer = NULL;
  g_autofree char *service = NULL;
  g_autofree char *text = NULL;

  if (filters->customer_id != NULL)
    customer = sb_report_util_customer_name (store, filters->customer_id, NULL);
  if (filters->service_id != NULL)
    service = sb_report_util_service_name (store, filters->service_id, NULL);

  if (customer != NULL && service != NULL)
    /* Translators: %1$s a customer's name, %2$s a service's */
    text = g_strdup_printf (_("Limited to the customer %1$s and the service %2$s."),
                            customer, service);
  else if (customer != NULL)
    text = g_strdup_printf (_("Limited to the customer %s."), customer);
  else if (service != NULL)
    text = g_strdup_printf (_("Limited to the service %s."), service);

  if (text != NULL)
    sb_report_document_add_paragraph (document, text);
}

/* Incident scan {{{1 */

struct _SbReportIncidentScan
{
  GArray       *items;    /* of SbReportIncident */
  GStringChunk *strings;
};

static int
hold_reason_index (const char *reason)
{
  const char * const *reasons = sb_incident_get_hold_reasons ();

  if (reason == NULL)
    return -1;
  for (int i = 0; reasons[i] != NULL; i++)
    if (strcmp (reasons[i], reason) == 0)
      return i;
  return -1;
}

static gint64
column_instant (sqlite3_stmt *stmt,
                int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  gint64 ms;

  if (text == NULL || !sb_time_parse_instant (text, &ms, NULL))
    return SB_SLA_NO_TIME;
  return ms;
}

static const char *
column_chunk (SbReportIncidentScan *scan,
              sqlite3_stmt         *stmt,
              int                   column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && text[0] != '\0' ? g_string_chunk_insert_const (scan->strings, text)
                                         : NULL;
}

/**
 * sb_report_incident_scan:
 * @store: the book
 * @from_ms: the first instant of the range
 * @to_ms: the instant after the range
 * @customer_id: (nullable): only this customer's incidents
 * @service_id: (nullable): only this service's incidents
 * @now_ms: the instant the clocks are computed at
 * @error: a SQLite failure
 *
 * Reads every incident opened in [@from_ms, @to_ms), oldest first, with
 * its service level clocks at @now_ms, in one query: each incident's row
 * comes with its status entries, and the clocks are computed from the
 * services' calendars and targets read once, as the store computes them
 * (sb-incident-sla.c). An incident whose calendar never opens has no
 * clock (state %SB_SLA_STATE_NONE).
 *
 * Returns: (transfer full) (nullable): the incidents
 */
SbReportIncidentScan *
sb_report_incident_scan (SbStore     *store,
                         gint64       from_ms,
                         gint64       to_ms,
                         const char  *customer_id,
                         const char  *service_id,
                         gint64       now_ms,
                         GError     **error)
{
  g_autoptr (SbReportIncidentScan) scan = NULL;
  g_autoptr (SbSlaContext) ctx = NULL;
  g_autoptr (GArray) marks = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ctx = sb_sla_context_new (store, error);
  if (ctx == NULL)
    return NULL;

  stmt = sb_store_prepare (store,
                           "SELECT i.rowid, i.id, i.reference, i.title, i.service_id, s.code, s.name, "
                           "c.name, i.priority, i.status, i.hold_reason, i.major, i.opened_at, "
                           "i.responded_at, i.resolved_at, i.resolution_notes, "
                           "(SELECT coalesce (sum (t.minutes), 0) FROM incident_event t "
                           " WHERE t.incident_id = i.id AND t.deleted = 0), "
                           "e.at, e.new_value, e.body "
                           "FROM incident i "
                           "LEFT JOIN service s ON s.id = i.service_id "
                           "LEFT JOIN customer c ON c.id = i.customer_id "
                           "LEFT JOIN incident_event e ON e.incident_id = i.id "
                           " AND e.kind = 'status' AND e.deleted = 0 "
                           "WHERE i.deleted = 0 AND i.opened_at >= ?1 AND i.opened_at < ?2 "
                           "AND (?3 IS NULL OR i.customer_id = ?3) "
                           "AND (?4 IS NULL OR i.service_id = ?4) "
                           "ORDER BY i.opened_at, i.rowid, e.at, e.rowid",
                           error);
  if (stmt == NULL)
    return NULL;

  from = sb_time_format_instant (CLAMP (from_ms, SB_TIME_MIN_MS, SB_TIME_MAX_MS));
  to = sb_time_format_instant (CLAMP (to_ms, SB_TIME_MIN_MS, SB_TIME_MAX_MS));
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, customer_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, service_id, -1, SQLITE_STATIC);

  scan = g_new0 (SbReportIncidentScan, 1);
  scan->items = g_array_new (FALSE, TRUE, sizeof (SbReportIncident));
  scan->strings = g_string_chunk_new (4096);
  marks = g_array_new (FALSE, FALSE, sizeof (SbStatusMark));

  rc = sqlite3_step (stmt);
  while (rc == SQLITE_ROW)
    {
      SbReportIncident item = { 0 };
      const char *status = (const char *) sqlite3_column_text (stmt, 9);

      item.rowid = sqlite3_column_int64 (stmt, 0);
      item.id = column_chunk (scan, stmt, 1);
      item.reference = column_chunk (scan, stmt, 2);
      item.title = column_chunk (scan, stmt, 3);
      item.service_id = column_chunk (scan, stmt, 4);
      item.service_code = column_chunk (scan, stmt, 5);
      item.service_name = column_chunk (scan, stmt, 6);
      item.customer_name = column_chunk (scan, stmt, 7);
      item.priority = (guint) sqlite3_column_int (stmt, 8);
      if (!sb_incident_status_from_string (status, &item.status))
        item.status = SB_INCIDENT_NEW;
      item.hold_reason = column_chunk (scan, stmt, 10);
      item.major = sqlite3_column_int (stmt, 11) != 0;
      item.opened_ms = column_instant (stmt, 12);
      item.responded_ms = column_instant (stmt, 13);
      item.resolved_ms = column_instant (stmt, 14);
      item.resolution_notes = column_chunk (scan, stmt, 15);
      item.minutes = sqlite3_column_int64 (stmt, 16);

      g_array_set_size (marks, 0);
      do
        {
          SbStatusMark mark;
          const char *value = (const char *) sqlite3_column_text (stmt, 18);

          mark.at_ms = column_instant (stmt, 17);
          if (mark.at_ms != SB_SLA_NO_TIME && sb_incident_status_from_string (value, &mark.status))
            {
              int index = -1;

              if (mark.status == SB_INCIDENT_ON_HOLD)
                index = hold_reason_index ((const char *) sqlite3_column_text (stmt, 19));
              mark.hold_reason = index >= 0 ? sb_incident_get_hold_reasons ()[index] : NULL;
              if (index >= 0)
                item.hold_reasons_seen |= 1u << index;
              g_array_append_val (marks, mark);
            }
          rc = sqlite3_step (stmt);
        }
      while (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == item.rowid);

      if (item.opened_ms == SB_SLA_NO_TIME ||
          !sb_sla_context_compute (ctx, item.service_id, item.priority, item.opened_ms,
                                   item.responded_ms,
                                   (const SbStatusMark *) (gpointer) marks->data, marks->len,
                                   now_ms, &item.sla, NULL))
        {
          memset (&item.sla, 0, sizeof item.sla);
          item.sla.state = SB_SLA_STATE_NONE;
          item.sla.response.state = SB_SLA_STATE_NONE;
          item.sla.resolution.state = SB_SLA_STATE_NONE;
        }
      g_array_append_val (scan->items, item);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc,
                                      _("Reading the incidents of the report’s period"));
      return NULL;
    }

  return g_steal_pointer (&scan);
}

/**
 * sb_report_incident_scan_get_n:
 * @scan: a scan
 *
 * Returns: how many incidents the scan read
 */
guint
sb_report_incident_scan_get_n (SbReportIncidentScan *scan)
{
  return scan->items->len;
}

/**
 * sb_report_incident_scan_get:
 * @scan: a scan
 * @index: which incident, in order of opening
 *
 * Returns: (transfer none): the incident, owned by @scan
 */
const SbReportIncident *
sb_report_incident_scan_get (SbReportIncidentScan *scan,
                             guint                 index)
{
  g_return_val_if_fail (index < scan->items->len, NULL);

  return &g_array_index (scan->items, SbReportIncident, index);
}

/**
 * sb_report_incident_scan_free:
 * @scan: (nullable): a scan
 *
 * Frees the scan and every incident's strings.
 */
void
sb_report_incident_scan_free (SbReportIncidentScan *scan)
{
  if (scan == NULL)
    return;

  g_array_unref (scan->items);
  g_string_chunk_free (scan->strings);
  g_free (scan);
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-incident-rules.h"
#include "sb-reports.h"
#include "sb-sla.h"

G_BEGIN_DECLS

/*
 * Helpers the reports share: the words every report carries about itself,
 * figures in the user's locale, and one pass over the incidents of a
 * range with their service level clocks.
 */

void  sb_report_util_describe         (SbReportDocument     *document,
                                       SbStore              *store,
                                       const char           *purpose,
                                       const char           *audience,
                                       const SbReportPeriod *period);
char *sb_report_util_format_count     (gint64                n);
char *sb_report_util_format_percent   (guint                 part,
                                       guint                 whole);
char *sb_report_util_format_hundredths (gint64               hundredths);
char *sb_report_util_format_day_and_time (gint64             ms);
char *sb_report_util_priority_label   (guint                 priority);
char *sb_report_util_customer_name    (SbStore              *store,
                                       const char           *customer_id,
                                       GError              **error);
char *sb_report_util_service_name     (SbStore              *store,
                                       const char           *service_id,
                                       GError              **error);
void  sb_report_util_add_filters_text (SbReportDocument     *document,
                                       SbStore              *store,
                                       const SbReportFilters *filters);

/* One incident of a scan; strings belong to the scan. */
typedef struct
{
  gint64            rowid;
  const char       *id;
  const char       *reference;
  const char       *title;
  const char       *service_id;      /* nullable */
  const char       *service_code;    /* nullable */
  const char       *service_name;    /* nullable */
  const char       *customer_name;   /* nullable */
  const char       *hold_reason;     /* nullable */
  const char       *resolution_notes; /* nullable */
  guint             priority;
  SbIncidentStatus  status;
  gboolean          major;
  guint             hold_reasons_seen; /* bit i: sb_incident_get_hold_reasons ()[i] */
  gint64            opened_ms;
  gint64            responded_ms;    /* SB_SLA_NO_TIME: not yet */
  gint64            resolved_ms;     /* SB_SLA_NO_TIME: not yet */
  gint64            minutes;         /* time spent */
  SbSla             sla;
} SbReportIncident;

typedef struct _SbReportIncidentScan SbReportIncidentScan;

SbReportIncidentScan *sb_report_incident_scan    (SbStore              *store,
                                                  gint64                from_ms,
                                                  gint64                to_ms,
                                                  const char           *customer_id,
                                                  const char           *service_id,
                                                  gint64                now_ms,
                                                  GError              **error);
guint                 sb_report_incident_scan_get_n (SbReportIncidentScan *scan);
const SbReportIncident *sb_report_incident_scan_get (SbReportIncidentScan *scan,
                                                     guint                 index);
void                  sb_report_incident_scan_free (SbReportIncidentScan *scan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbReportIncidentScan, sb_report_incident_scan_free)

G_END_DECLS

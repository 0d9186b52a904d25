/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-report-document.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * The reports of DOMAIN.md (Reports), each built as an SbReportDocument
 * from store queries for a period and filters, then rendered to PDF, CSV,
 * a print context or a preview by the same renderer.
 */

typedef enum
{
  SB_REPORT_PERIOD_MONTH,
  SB_REPORT_PERIOD_QUARTER,
  SB_REPORT_PERIOD_YEAR,
} SbReportPeriodKind;

typedef struct
{
  SbReportPeriodKind kind;
  GDate              first;   /* first day */
  GDate              last;    /* last day */
} SbReportPeriod;

/* "2026-10" (a month), "2026-Q3" (a quarter), "2026" (a year). A wrong
 * text fails with SB_REPORT_ERROR_INVALID and a message giving the three
 * forms with examples. */
gboolean  sb_report_period_parse        (const char           *text,
                                         SbReportPeriod       *out,
                                         GError              **error);
/* The period of the same kind containing @day. */
void      sb_report_period_for_day      (SbReportPeriodKind    kind,
                                         const GDate          *day,
                                         SbReportPeriod       *out);
/* The period @n periods before @period (n = 1: the one just before), for
 * trends over the 12 periods before a report's own. */
void      sb_report_period_previous     (const SbReportPeriod *period,
                                         guint                 n,
                                         SbReportPeriod       *out);
/* "2026-10", "2026-Q3", "2026": what sb_report_period_parse() reads */
char     *sb_report_period_to_string    (const SbReportPeriod *period);
/* "October 2026", "Q3 2026 (Jul – Sep)", "2026": for people */
char     *sb_report_period_get_label    (const SbReportPeriod *period);
/* Instants bounding the period in the local time zone: [from, to) */
void      sb_report_period_get_range_ms (const SbReportPeriod *period,
                                         gint64               *from_ms,
                                         gint64               *to_ms);

/* Filters; NULL fields are unset. Ids, not names. */
typedef struct
{
  const char *customer_id;
  const char *service_id;
  const char *supplier_id;
  const char *incident_id;    /* the single-incident report */
  const char *contract_id;    /* printing one contract */
} SbReportFilters;

typedef enum
{
  SB_REPORT_NEEDS_PERIOD   = 1 << 0,
  SB_REPORT_NEEDS_INCIDENT = 1 << 1,   /* the single-incident report */
  SB_REPORT_NEEDS_SUPPLIER = 1 << 2,   /* the supplier review */
  SB_REPORT_NEEDS_CONTRACT = 1 << 3,   /* one contract */
} SbReportNeeds;

typedef enum
{
  SB_REPORT_ACCEPTS_CUSTOMER = 1 << 0,
  SB_REPORT_ACCEPTS_SERVICE  = 1 << 1,
  SB_REPORT_ACCEPTS_SUPPLIER = 1 << 2,
  SB_REPORT_ACCEPTS_CONTRACT = 1 << 3,   /* narrowed to one contract */
} SbReportAccepts;

typedef SbReportDocument *(*SbReportBuildFunc) (SbStore               *store,
                                                const SbReportPeriod  *period,
                                                const SbReportFilters *filters,
                                                GError               **error);

typedef struct
{
  const char        *name;         /* for the command line: "incident-log" */
  const char        *title;        /* marked for translation, untranslated */
  const char        *description;  /* likewise: one line for a chooser */
  guint              needs;        /* SbReportNeeds */
  guint              accepts;      /* SbReportAccepts */
  SbReportBuildFunc  build;
} SbReportInfo;

/* The reports in DOMAIN.md's order:
 *   catalogue, service-levels, incident-log, incident, supplier-review,
 *   contracts, budget, management-review */
const SbReportInfo *sb_reports_get_all  (guint       *n_reports);
const SbReportInfo *sb_reports_lookup   (const char  *name);
/* Checks the needs (a period, an incident…) and builds; a missing one
 * fails with SB_REPORT_ERROR_INVALID saying what is needed. */
SbReportDocument   *sb_reports_build    (const SbReportInfo    *info,
                                         SbStore               *store,
                                         const SbReportPeriod  *period,
                                         const SbReportFilters *filters,
                                         GError               **error);

G_END_DECLS

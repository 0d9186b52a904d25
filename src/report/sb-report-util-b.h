/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-reports.h"

G_BEGIN_DECLS

/*
 * Helpers shared by the supplier review, the contract register, the
 * budget report and the management review: the words of a report's
 * header, dates and money as people read them, and the day a report
 * looks at.
 */

void     sb_report_b_describe       (SbReportDocument     *doc,
                                     SbStore              *store,
                                     const char           *period_label,
                                     const char           *purpose,
                                     const char           *audience,
                                     const char           *data_source);
/* The day a report is "as of": today when the period contains it, else
 * the period's last day (a past period) or first day (a future one). */
void     sb_report_b_reference_day  (SbStore              *store,
                                     const SbReportPeriod *period,
                                     GDate                *out_day);
/* "21 Nov 2026"; "—" for an invalid date */
char    *sb_report_b_date           (const GDate          *date);
/* A stored YYYY-MM-DD date for people; "—" for NULL or empty */
char    *sb_report_b_date_text      (const char           *text);
/* Money in the user's locale; "—" for a negative amount meaning none */
char    *sb_report_b_money          (gint64                amount,
                                     const char           *currency);
/* Money rounded to whole units, for wide grids and chart axes */
char    *sb_report_b_money_whole    (gint64                amount,
                                     const char           *currency);
/* A chart formatter: @user_data is the currency code (owned by the chart) */
void     sb_report_b_chart_money    (SbChart              *chart,
                                     const char           *currency);
/* A month's short label with its year: "Nov 2026" */
char    *sb_report_b_month_label    (int                   year,
                                     int                   month);
/* "82 %"; "—" for -1 */
char    *sb_report_b_percent        (int                   percent);
/* The day @n months after @day, clamped to the month's end */
void     sb_report_b_add_months     (const GDate          *day,
                                     int                   n,
                                     GDate                *out_day);
/* Deadlines from @from to @to (inclusive), of one supplier or of all
 * (@supplier_id NULL), by date */
GPtrArray *sb_report_b_deadlines    (SbStore              *store,
                                     const char           *supplier_id,
                                     const GDate          *from,
                                     const GDate          *to,
                                     GError              **error);   /* of SbDeadline */

/* The renewal calendar of the contract register, as a section */
void     sb_report_b_add_renewal_calendar (SbReportDocument *doc,
                                           GPtrArray        *deadlines,
                                           const GDate      *from,
                                           const GDate      *to);

G_END_DECLS

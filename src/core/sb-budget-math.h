/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The arithmetic of budgets (DOMAIN.md, Budgets and costs; Money and
 * time): months and financial periods, spreading a yearly figure over
 * months, currency conversion with a stored rate, variance and forecast.
 * Amounts are integers in minor units; never floating point.
 */

/* A calendar month as one number: year × 12 + (month − 1). */
typedef gint32 SbMonth;

SbMonth   sb_month_from_ymd            (int           year,
                                        int           month);      /* month 1…12 */
SbMonth   sb_month_of_date             (const GDate  *date);
int       sb_month_get_year            (SbMonth       month);
int       sb_month_get_month           (SbMonth       month);      /* 1…12 */
void      sb_month_get_first_day       (SbMonth       month,
                                        GDate        *out);
void      sb_month_get_last_day        (SbMonth       month,
                                        GDate        *out);
/* "2026-04" */
gboolean  sb_month_parse               (const char   *text,
                                        SbMonth      *out);
char     *sb_month_format              (SbMonth       month);
/* "Apr 2026" (with_year) or "Apr", in the user's language */
char     *sb_month_get_label           (SbMonth       month,
                                        gboolean      with_year);

/* The first month of the financial year that contains @day, for a year
 * starting in @start_month (1…12; 4 for April–March). */
SbMonth   sb_fiscal_year_start         (const GDate  *day,
                                        int           start_month);
/* "Apr 2026 – Mar 2027", or "2026" for a calendar year */
char     *sb_fiscal_period_get_label   (SbMonth       start,
                                        guint         n_months);

/* Spreads @total over @n_months so that the parts add up exactly: equal
 * parts, the remainder one minor unit each to the first months. */
void      sb_budget_spread             (gint64        total,
                                        guint         n_months,
                                        gint64       *out_months);

/* Converts @amount of @from (minor units) into @to with @rate_micro units
 * of @to per unit of @from × 1,000,000, minding both currencies' minor
 * digits, rounding half away from zero. Fails on overflow. */
gboolean  sb_money_convert             (gint64        amount,
                                        const char   *from,
                                        gint64        rate_micro,
                                        const char   *to,
                                        gint64       *out,
                                        GError      **error);
/* "1.0834" or "1,0834" → 1083400; refuses zero, negative and more than
 * six decimals. */
gboolean  sb_rate_parse                (const char   *text,
                                        gint64       *out_rate_micro,
                                        GError      **error);
char     *sb_rate_format               (gint64        rate_micro);
/* Always with a decimal point, for files: "1.0834" */
char     *sb_rate_format_plain         (gint64        rate_micro);

/* Variance of @value against @planned: value − planned. The percent is in
 * basis points (hundredths of a percent), rounded half away from zero;
 * FALSE (and 0) when nothing was planned. */
gint64    sb_variance                  (gint64        value,
                                        gint64        planned);
gboolean  sb_variance_percent_bp       (gint64        value,
                                        gint64        planned,
                                        int          *out_bp);
/* "+12.5 %", "−3.0 %", in the user's locale */
char     *sb_percent_bp_format         (int           bp,
                                        gboolean      with_sign);

/* The forecast at the period's end, from per-month figures over @n_months
 * with @current the index of the current month (n_months when the period
 * is over; -1 before it starts): every actual, every committed cost, and
 * for the current month and those after it what remains of the plan once
 * the month's actual and committed costs are counted (never below zero). */
gint64    sb_budget_forecast           (const gint64 *planned,
                                        const gint64 *actual,
                                        const gint64 *committed,
                                        guint         n_months,
                                        int           current);

G_END_DECLS

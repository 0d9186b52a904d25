/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-report-format.h"
#include "sb-time.h"
#include "sb-report-output.h"
#include "sb-reports.h"

static void
set_period (SbReportPeriodKind  kind,
            guint               year,
            guint               first_month,
            SbReportPeriod     *out)
{
  guint last_month;

  switch (kind)
    {
    case SB_REPORT_PERIOD_MONTH:
      last_month = first_month;
      break;
    case SB_REPORT_PERIOD_QUARTER:
      last_month = first_month + 2;
      break;
    case SB_REPORT_PERIOD_YEAR:
    default:
      first_month = 1;
      last_month = 12;
      break;
    }

  out->kind = kind;
  g_date_clear (&out->first, 1);
  g_date_clear (&out->last, 1);
  g_date_set_dmy (&out->first, 1, first_month, year);
  g_date_set_dmy (&out->last, g_date_get_days_in_month (last_month, year),
                  last_month, year);
}

static gboolean
parse_digits (const char *text,
              gsize       len,
              guint      *out)
{
  guint value = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/**
 * sb_report_period_parse:
 * @text: "2026-10" (a month), "2026-Q3" (a quarter) or "2026" (a year)
 * @out: (out caller-allocates): the period
 * @error: return location for a #GError
 *
 * Reads a report's period the way the command line writes it. Only these
 * three forms are accepted, with a four-digit year from 1 to 9999, a
 * two-digit month and a quarter from Q1 to Q4 (a lowercase q is fine).
 *
 * Returns: %TRUE if @text is a period; otherwise %FALSE with @error set
 *   to %SB_REPORT_ERROR_INVALID giving the valid forms
 */
gboolean
sb_report_period_parse (const char      *text,
                        SbReportPeriod  *out,
                        GError         **error)
{
  gsize len;
  guint year = 0, part = 0;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  len = strlen (trimmed);

  if (len >= 4 && parse_digits (trimmed, 4, &year) && year >= 1)
    {
      if (len == 4)
        {
          set_period (SB_REPORT_PERIOD_YEAR, year, 1, out);
          return TRUE;
        }
      if (len == 7 && trimmed[4] == '-' && parse_digits (trimmed + 5, 2, &part)
          && part >= 1 && part <= 12)
        {
          set_period (SB_REPORT_PERIOD_MONTH, year, part, out);
          return TRUE;
        }
      if (len == 7 && trimmed[4] == '-' && (trimmed[5] == 'Q' || trimmed[5] == 'q')
          && parse_digits (trimmed + 6, 1, &part) && part >= 1 && part <= 4)
        {
          set_period (SB_REPORT_PERIOD_QUARTER, year, (part - 1) * 3 + 1, out);
          return TRUE;
        }
    }

  g_set_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID,
               /* Translators: %s is what the user gave as a report's
                * period; keep the three examples as they are, they are
                * what the program reads */
               _("“%s” is not a period. Give a month (2026-10), a quarter (2026-Q3) or a year (2026)."),
               trimmed);
  return FALSE;
}

/**
 * sb_report_period_for_day:
 * @kind: month, quarter or year
 * @day: a valid date
 * @out: (out caller-allocates): the period
 *
 * The period of @kind that contains @day.
 */
void
sb_report_period_for_day (SbReportPeriodKind  kind,
                          const GDate        *day,
                          SbReportPeriod     *out)
{
  guint month;

  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (out != NULL);

  month = g_date_get_month (day);
  if (kind == SB_REPORT_PERIOD_QUARTER)
    month = (month - 1) / 3 * 3 + 1;
  set_period (kind, g_date_get_year (day), month, out);
}

/**
 * sb_report_period_previous:
 * @period: a period
 * @n: how many periods back; 1 is the one just before @period
 * @out: (out caller-allocates): the earlier period; may be @period itself
 *
 * The period of the same kind @n periods before @period, for trends over
 * the periods before a report's own. Years before 1 are not reached: the
 * result stops at the first period of year 1.
 */
void
sb_report_period_previous (const SbReportPeriod *period,
                           guint                 n,
                           SbReportPeriod       *out)
{
  gint64 index;
  guint step;
  SbReportPeriodKind kind;

  g_return_if_fail (period != NULL && g_date_valid (&period->first));
  g_return_if_fail (out != NULL);

  kind = period->kind;
  switch (kind)
    {
    case SB_REPORT_PERIOD_MONTH:
      step = 1;
      break;
    case SB_REPORT_PERIOD_QUARTER:
      step = 3;
      break;
    case SB_REPORT_PERIOD_YEAR:
    default:
      step = 12;
      break;
    }

  /* months since the start of year 1, counted in whole periods */
  index = ((gint64) g_date_get_year (&period->first) - 1) * 12
          + (g_date_get_month (&period->first) - 1);
  index -= (gint64) n * step;
  if (index < 0)
    index = 0;

  set_period (kind, (guint) (index / 12) + 1, (guint) (index % 12) + 1, out);
}

/**
 * sb_report_period_to_string:
 * @period: a period
 *
 * Writes @period the way sb_report_period_parse() reads it: "2026-10",
 * "2026-Q3" or "2026".
 *
 * Returns: (transfer full): the text; free with g_free()
 */
char *
sb_report_period_to_string (const SbReportPeriod *period)
{
  guint year, month;

  g_return_val_if_fail (period != NULL && g_date_valid (&period->first), NULL);

  year = g_date_get_year (&period->first);
  month = g_date_get_month (&period->first);
  switch (period->kind)
    {
    case SB_REPORT_PERIOD_MONTH:
      return g_strdup_printf ("%04u-%02u", year, month);
    case SB_REPORT_PERIOD_QUARTER:
      return g_strdup_printf ("%04u-Q%u", year, (month - 1) / 3 + 1);
    case SB_REPORT_PERIOD_YEAR:
    default:
      return g_strdup_printf ("%04u", year);
    }
}

static char *
month_abbreviation (guint year,
                    guint month)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  /* Translators: a month's short name in a quarter's label, as "Jul" in
   * "Q3 2026 (Jul – Sep)"; a code of g_date_time_format() */
  return g_date_time_format (dt, C_ ("report period", "%b"));
}

/**
 * sb_report_period_get_label:
 * @period: a period
 *
 * Names @period for people, in their language: "October 2026",
 * "Q3 2026 (Jul – Sep)", "2026".
 *
 * Returns: (transfer full): the label; free with g_free()
 */
char *
sb_report_period_get_label (const SbReportPeriod *period)
{
  g_autofree char *base = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (period != NULL && g_date_valid (&period->first)
                        && g_date_valid (&period->last), NULL);

  base = sb_report_format_period (&period->first, &period->last);
  if (period->kind != SB_REPORT_PERIOD_QUARTER)
    return g_steal_pointer (&base);

  from = month_abbreviation (g_date_get_year (&period->first),
                             g_date_get_month (&period->first));
  to = month_abbreviation (g_date_get_year (&period->last),
                           g_date_get_month (&period->last));
  /* Translators: a quarter with its months, as in "Q3 2026 (Jul – Sep)";
   * %1$s the quarter ("Q3 2026"), %2$s its first month, %3$s its last */
  return g_strdup_printf (C_ ("report period", "%1$s (%2$s – %3$s)"), base, from, to);
}

static gint64
local_midnight_ms (const GDate *day)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr (GDateTime) dt = g_date_time_new (tz, g_date_get_year (day),
                                              g_date_get_month (day),
                                              g_date_get_day (day), 0, 0, 0);

  /* a day whose midnight is skipped by a daylight-saving change: GLib
   * moves to the first instant that exists */
  g_return_val_if_fail (dt != NULL, 0);
  return g_date_time_to_unix (dt) * 1000;
}

/**
 * sb_report_period_get_range_ms:
 * @period: a period
 * @from_ms: (out): the first instant of the period's first day, local time
 * @to_ms: (out): the first instant of the day after its last day
 *
 * The instants bounding @period in the local time zone, as a half-open
 * range [@from_ms, @to_ms) in UTC Unix milliseconds.
 */
void
sb_report_period_get_range_ms (const SbReportPeriod *period,
                               gint64               *from_ms,
                               gint64               *to_ms)
{
  GDate after;

  g_return_if_fail (period != NULL && g_date_valid (&period->first)
                    && g_date_valid (&period->last));

  after = period->last;
  if (g_date_get_julian (&after) < G_MAXUINT32)
    g_date_add_days (&after, 1);

  if (from_ms != NULL)
    *from_ms = local_midnight_ms (&period->first);
  if (to_ms != NULL)
    *to_ms = g_date_get_year (&after) > 9999 ? SB_TIME_MAX_MS + 1
                                              : local_midnight_ms (&after);
}

/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-time.h"

#include "sb-report-format.h"

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (g_date_get_year (date),
                                                  g_date_get_month (date),
                                                  g_date_get_day (date), 0, 0, 0);

  return dt != NULL ? g_date_time_format (dt, format) : NULL;
}

static gboolean
is_month_start (const GDate *date)
{
  return g_date_get_day (date) == 1;
}

static gboolean
is_month_end (const GDate *date)
{
  return g_date_get_day (date)
         == g_date_get_days_in_month (g_date_get_month (date), g_date_get_year (date));
}

/**
 * sb_report_format_period:
 * @first: the period's first day
 * @last: the period's last day (the same as @first or later)
 *
 * Names a period the way a person would: "October 2026" for a whole
 * month, "Q3 2026" for a whole calendar quarter, "2026" for a whole year,
 * "3 Feb – 17 Mar 2026" within a year, "21 Nov 2026 – 3 Jan 2027" across
 * years, "21 Nov 2026" for one day. Every form is translatable.
 *
 * Returns: (transfer full): the period label; free with g_free()
 */
char *
sb_report_format_period (const GDate *first,
                         const GDate *last)
{
  guint y1, y2, m1, m2;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);

  y1 = g_date_get_year (first);
  y2 = g_date_get_year (last);
  m1 = g_date_get_month (first);
  m2 = g_date_get_month (last);

  if (g_date_compare (first, last) == 0)
    return sb_date_format_local (first);

  if (y1 == y2 && is_month_start (first) && is_month_end (last))
    {
      if (m1 == 1 && m2 == 12)
        return g_strdup_printf ("%u", y1);
      if (m1 == m2)
        /* Translators: a whole month as a report's period, as in "October
         * 2026"; codes of g_date_time_format(), %B the month's name (use
         * %OB where the language has a nominative form) */
        return format_date (first, C_ ("report period", "%B %Y"));
      if ((m1 - 1) % 3 == 0 && m2 == m1 + 2)
        /* Translators: a calendar quarter as a report's period, as in
         * "Q3 2026": the quarter's number, then the year */
        return g_strdup_printf (C_ ("report period", "Q%u %u"), (m1 - 1) / 3 + 1, y1);
      /* Translators: whole months as a report's period, as in "February –
       * April 2026"; %1$s the first month's name, %2$s the last's, %3$u
       * the year */
      a = format_date (first, C_ ("report period", "%B"));
      b = format_date (last, C_ ("report period", "%B"));
      return g_strdup_printf (C_ ("report period", "%1$s – %2$s %3$u"), a, b, y1);
    }

  if (y1 == y2)
    {
      /* Translators: the start of a period within one year, as in "3 Feb"
       * of "3 Feb – 17 Mar 2026"; codes of g_date_time_format() */
      a = format_date (first, C_ ("report period", "%-d %b"));
      b = sb_date_format_local (last);
    }
  else
    {
      a = sb_date_format_local (first);
      b = sb_date_format_local (last);
    }
  /* Translators: a period from one day to another, as in "3 Feb – 17 Mar
   * 2026" */
  return g_strdup_printf (C_ ("report period", "%1$s – %2$s"), a, b);
}

/**
 * sb_report_format_generated_at:
 * @utc_ms: when the report was made, in UTC Unix milliseconds
 * @tz: (nullable): the time zone to show it in; %NULL for the local one
 *
 * Says when a report was made, for its footer: "Generated 21 Nov 2026,
 * 10:30".
 *
 * Returns: (transfer full): the text; free with g_free()
 */
char *
sb_report_format_generated_at (gint64     utc_ms,
                               GTimeZone *tz)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (utc_ms >= SB_TIME_MIN_MS && utc_ms <= SB_TIME_MAX_MS, NULL);

  when = sb_time_format_local (utc_ms, tz);
  /* Translators: in every report page's footer; %s is a date and time */
  return g_strdup_printf (_("Generated %s"), when);
}

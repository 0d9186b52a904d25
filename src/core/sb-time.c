/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-core-error.h"
#include "sb-time.h"
#include "sb-tz-private.h"

#define MS_PER_SECOND G_GINT64_CONSTANT (1000)
#define MS_PER_MINUTE G_GINT64_CONSTANT (60000)
#define MS_PER_DAY    G_GINT64_CONSTANT (86400000)

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil); exact for every year we accept. */
static gint64
days_from_civil (gint64 year, guint month, guint day)
{
  gint64 era;
  gint64 year_of_era;
  gint64 day_of_year;
  gint64 day_of_era;

  if (month <= 2)
    year--;

  era = sb_tz_floor_div (year, 400);
  year_of_era = year - era * 400;
  day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  day_of_era =
    year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + day_of_era - 719468;
}

/* The inverse of days_from_civil(). */
static void
civil_from_days (gint64 days,
                 gint64 *out_year,
                 guint *out_month,
                 guint *out_day)
{
  gint64 z = days + 719468;
  gint64 era = sb_tz_floor_div (z, 146097);
  gint64 day_of_era = z - era * 146097;
  gint64 year_of_era;
  gint64 day_of_year;
  gint64 mp;
  guint month;

  year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 -
                 day_of_era / 146096) /
                365;
  day_of_year =
    day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  mp = (5 * day_of_year + 2) / 153;
  month = (guint) (mp < 10 ? mp + 3 : mp - 9);

  *out_day = (guint) (day_of_year - (153 * mp + 2) / 5 + 1);
  *out_month = month;
  *out_year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
}

/* Reads exactly @n_digits ASCII digits. */
static gboolean
read_digits (const char **p, guint n_digits, guint *out_value)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      char c = (*p)[i];

      if (!g_ascii_isdigit (c))
        return FALSE;
      value = value * 10 + (guint) (c - '0');
    }

  *p += n_digits;
  *out_value = value;

  return TRUE;
}

static gboolean
expect_char (const char **p, char c)
{
  if (**p != c)
    return FALSE;

  (*p)++;

  return TRUE;
}

static gboolean
is_real_date (guint year, guint month, guint day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month,
                           (GDateYear) year);
}

static gboolean
set_instant_error (GError **error, const char *message_format, const char *text)
{
  g_autofree char *quoted = sb_core_error_quote_input (text);

  /* message_format is always one of the translated literals below. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID, message_format,
               quoted);
#pragma GCC diagnostic pop

  return FALSE;
}

/**
 * sb_time_now_ms:
 *
 * The wall clock, as Unix milliseconds in UTC.
 *
 * Returns: the current instant
 */
gint64
sb_time_now_ms (void)
{
  return sb_tz_floor_div (g_get_real_time (), 1000);
}

/**
 * sb_time_now_instant:
 *
 * The wall clock in Servicebook's instant text form, e.g.
 * `2026-11-21T09:30:00.000Z`.
 *
 * Returns: (transfer full): the current instant; free with g_free()
 */
char *
sb_time_now_instant (void)
{
  return sb_time_format_instant (sb_time_now_ms ());
}

/* @n_digits decimal digits of @value, zero-padded, at @out. */
static void
put_digits (char  *out,
            guint  value,
            guint  n_digits)
{
  for (guint i = n_digits; i > 0; i--)
    {
      out[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }
}

/**
 * sb_time_format_instant:
 * @ms: Unix milliseconds, between %SB_TIME_MIN_MS and %SB_TIME_MAX_MS
 *
 * Formats an instant the way Servicebook stores it: ISO 8601 in UTC with
 * milliseconds, always 24 characters, e.g. `2026-11-21T09:30:00.000Z`.
 * Instants before 1970 are exact (`1969-12-31T23:59:59.999Z` for -1).
 * Because the width is fixed, the text sorts in time order.
 *
 * Returns: (transfer full): the instant text; free with g_free()
 */
char *
sb_time_format_instant (gint64 ms)
{
  gint64 days;
  gint64 ms_of_day;
  gint64 year;
  guint month;
  guint day;

  g_return_val_if_fail (ms >= SB_TIME_MIN_MS && ms <= SB_TIME_MAX_MS, NULL);

  days = sb_tz_floor_div (ms, MS_PER_DAY);
  ms_of_day = ms - days * MS_PER_DAY;
  civil_from_days (days, &year, &month, &day);

  /* Digit by digit rather than through printf: the write path formats
   * several instants per record, and an import formats millions. The
   * year is 0001..9999 (SB_TIME_MIN_MS..SB_TIME_MAX_MS). */
  {
    char *out = g_malloc (sizeof "YYYY-MM-DDTHH:MM:SS.mmmZ");
    guint hour = (guint) (ms_of_day / 3600000);
    guint minute = (guint) (ms_of_day / MS_PER_MINUTE % 60);
    guint second = (guint) (ms_of_day / MS_PER_SECOND % 60);
    guint milli = (guint) (ms_of_day % MS_PER_SECOND);

    put_digits (out, (guint) year, 4);
    out[4] = '-';
    put_digits (out + 5, month, 2);
    out[7] = '-';
    put_digits (out + 8, day, 2);
    out[10] = 'T';
    put_digits (out + 11, hour, 2);
    out[13] = ':';
    put_digits (out + 14, minute, 2);
    out[16] = ':';
    put_digits (out + 17, second, 2);
    out[19] = '.';
    put_digits (out + 20, milli, 3);
    out[23] = 'Z';
    out[24] = '\0';

    return out;
  }
}

/**
 * sb_time_parse_instant:
 * @text: an ISO 8601 date and time
 * @out_ms: (out) (optional): the instant in Unix milliseconds
 * @error: return location for a #GError
 *
 * Parses an instant strictly. Accepted: `2026-11-21T09:30:00.000Z`, the
 * same with one to three fractional digits or none, and with an offset
 * instead of `Z` (`+01:00`, `-0500`), which is converted to UTC. Refused
 * with %SB_CORE_ERROR_INVALID: anything else, including a missing zone,
 * more than millisecond precision, days and times that do not exist
 * (`2026-02-30`, `25:00`, leap seconds) and instants outside the years
 * 0001 to 9999.
 *
 * Returns: %TRUE if @text was an instant
 */
gboolean
sb_time_parse_instant (const char *text, gint64 *out_ms, GError **error)
{
  const char *p = text;
  guint year, month, day, hour, minute, second;
  guint millis = 0;
  guint offset_hours = 0;
  guint offset_minutes = 0;
  int offset_sign = 0;
  const char *message;
  gint64 ms;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_digits (&p, 4, &year) || !expect_char (&p, '-') ||
      !read_digits (&p, 2, &month) || !expect_char (&p, '-') ||
      !read_digits (&p, 2, &day) || !expect_char (&p, 'T') ||
      !read_digits (&p, 2, &hour) || !expect_char (&p, ':') ||
      !read_digits (&p, 2, &minute) || !expect_char (&p, ':') ||
      !read_digits (&p, 2, &second))
    goto bad_form;

  if (expect_char (&p, '.'))
    {
      guint n_digits = 0;

      while (g_ascii_isdigit (p[n_digits]))
        n_digits++;

      if (n_digits == 0)
        goto bad_form;

      if (n_digits > 3)
        {
          /* Translators: %s is the text that was given */
          message = _ ("“%s” is more precise than a millisecond");
          return set_instant_error (error, message, text);
        }

      read_digits (&p, n_digits, &millis);
      for (guint i = n_digits; i < 3; i++)
        millis *= 10;
    }

  if (expect_char (&p, 'Z'))
    {
      offset_sign = 0;
    }
  else if (*p == '+' || *p == '-')
    {
      offset_sign = *p == '+' ? 1 : -1;
      p++;

      if (!read_digits (&p, 2, &offset_hours))
        goto bad_form;
      expect_char (&p, ':');
      if (!read_digits (&p, 2, &offset_minutes))
        goto bad_form;
    }
  else
    {
      goto bad_form;
    }

  if (*p != '\0')
    goto bad_form;

  if (!is_real_date (year, month, day))
    {
      if (year == 0)
        {
          /* Translators: %s is the text that was given */
          message = _ ("“%s” is outside the years 0001 to 9999");
          return set_instant_error (error, message, text);
        }

      /* Translators: %s is the text that was given, e.g. 2026-02-30T10:00Z */
      message = _ ("“%s” names a day that does not exist");
      return set_instant_error (error, message, text);
    }

  if (hour > 23 || minute > 59 || second > 59)
    {
      /* Translators: %s is the text that was given, e.g. 2026-02-10T25:00Z */
      message = _ ("“%s” names a time of day that does not exist");
      return set_instant_error (error, message, text);
    }

  if (offset_hours > 23 || offset_minutes > 59)
    {
      /* Translators: %s is the text that was given, e.g. …T10:00+24:00 */
      message = _ ("“%s” has an impossible offset from UTC");
      return set_instant_error (error, message, text);
    }

  ms =
    days_from_civil (year, month, day) * MS_PER_DAY +
    ((gint64) hour * 3600 + minute * 60 + second) * MS_PER_SECOND + millis -
    offset_sign * ((gint64) offset_hours * 60 + offset_minutes) * MS_PER_MINUTE;

  if (ms < SB_TIME_MIN_MS || ms > SB_TIME_MAX_MS)
    {
      /* Translators: %s is the text that was given */
      message = _ ("“%s” is outside the years 0001 to 9999");
      return set_instant_error (error, message, text);
    }

  if (out_ms != NULL)
    *out_ms = ms;

  return TRUE;

bad_form:
  /* Translators: %s is the text that was given; keep the example as is */
  message = _ ("“%s” is not a date and time like 2026-11-21T09:30:00.000Z");
  return set_instant_error (error, message, text);
}

/**
 * sb_time_format_local:
 * @ms: Unix milliseconds, between %SB_TIME_MIN_MS and %SB_TIME_MAX_MS
 * @tz: (nullable): the time zone to show the instant in, or %NULL for the
 *   local one
 *
 * Formats an instant for people to read, to the minute, in the format the
 * translation chooses (in English "21 Nov 2026, 10:30").
 *
 * Returns: (transfer full): the display text; free with g_free()
 */
char *
sb_time_format_local (gint64 ms, GTimeZone *tz)
{
  g_autoptr (GTimeZone) local_tz = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) shown = NULL;
  char *text;

  g_return_val_if_fail (ms >= SB_TIME_MIN_MS && ms <= SB_TIME_MAX_MS, NULL);

  if (tz == NULL)
    tz = local_tz = g_time_zone_new_local ();

  utc = g_date_time_new_from_unix_utc (sb_tz_floor_div (ms, MS_PER_SECOND));
  if (utc == NULL)
    return sb_time_format_instant (ms);

  /* At the very ends of the calendar the shift can fall outside what
   * GDateTime holds; UTC is still right then. */
  shown = g_date_time_to_timezone (utc, tz);
  if (shown == NULL)
    shown = g_date_time_ref (utc);

  /* Translators: how an instant is shown, as in "21 Nov 2026, 10:30".
   * The codes are those of g_date_time_format(): %-d day without padding,
   * %b abbreviated month name, %Y year, %H:%M hours and minutes (use
   * %l:%M %p for a 12-hour clock). */
  text = g_date_time_format (shown, C_ ("date and time", "%-d %b %Y, %H:%M"));
  if (text == NULL)
    text = sb_time_format_instant (ms);

  return text;
}

/**
 * sb_date_parse:
 * @text: a date in the form `YYYY-MM-DD`
 * @out: (out caller-allocates) (optional): the date
 * @error: return location for a #GError
 *
 * Parses a calendar date strictly: exactly four, two and two digits
 * separated by `-`, naming a day that exists (2024-02-29 is accepted,
 * 2026-02-29 and 2026-13-01 are not), with nothing before or after it.
 *
 * Returns: %TRUE if @text was a date; otherwise @error is set with
 *   %SB_CORE_ERROR_INVALID
 */
gboolean
sb_date_parse (const char *text, GDate *out, GError **error)
{
  const char *p = text;
  const char *message;
  guint year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_digits (&p, 4, &year) || !expect_char (&p, '-') ||
      !read_digits (&p, 2, &month) || !expect_char (&p, '-') ||
      !read_digits (&p, 2, &day) || *p != '\0')
    {
      /* Translators: %s is the text that was given; keep YYYY-MM-DD */
      message = _ ("“%s” is not a date in the form YYYY-MM-DD");
      return set_instant_error (error, message, text);
    }

  if (!is_real_date (year, month, day))
    {
      /* Translators: %s is the text that was given, e.g. 2026-02-30 */
      message = _ ("“%s” names a day that does not exist");
      return set_instant_error (error, message, text);
    }

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month,
                      (GDateYear) year);
    }

  return TRUE;
}

/**
 * sb_date_format:
 * @d: a valid date
 *
 * Formats a date the way Servicebook stores it: `YYYY-MM-DD`.
 *
 * Returns: (transfer full): the date text; free with g_free()
 */
char *
sb_date_format (const GDate *d)
{
  g_return_val_if_fail (d != NULL, NULL);
  g_return_val_if_fail (g_date_valid (d), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (d),
                          (guint) g_date_get_month (d),
                          (guint) g_date_get_day (d));
}

/**
 * sb_date_format_local:
 * @d: a valid date
 *
 * Formats a date for people to read, in the format the translation
 * chooses (in English "21 Nov 2026").
 *
 * Returns: (transfer full): the display text; free with g_free()
 */
char *
sb_date_format_local (const GDate *d)
{
  g_autoptr (GDateTime) dt = NULL;
  char *text = NULL;

  g_return_val_if_fail (d != NULL, NULL);
  g_return_val_if_fail (g_date_valid (d), NULL);

  dt = g_date_time_new_utc (g_date_get_year (d), g_date_get_month (d),
                            g_date_get_day (d), 0, 0, 0);
  if (dt != NULL)
    /* Translators: how a date is shown, as in "21 Nov 2026"; the codes are
     * those of g_date_time_format() */
    text = g_date_time_format (dt, C_ ("date", "%-d %b %Y"));

  if (text == NULL)
    text = sb_date_format (d);

  return text;
}

typedef enum
{
  UNIT_DAYS,
  UNIT_HOURS,
  UNIT_MINUTES,
} DurationUnit;

static void
append_duration_part (GString *out, guint64 n, DurationUnit unit)
{
  char number[24];
  gulong plural_n;
  const char *format = NULL;

  g_snprintf (number, sizeof number, "%" G_GUINT64_FORMAT, n);

  /* Plural rules only look at the last digits; keep them when n is huge. */
  plural_n = n > 1000000 ? (gulong) (n % 1000000 + 1000000) : (gulong) n;

  if (out->len > 0 && out->str[out->len - 1] != '-')
    g_string_append_c (out, ' ');

  switch (unit)
    {
    case UNIT_DAYS:
      /* Translators: a number of days, short, as in "3 d 4 h" */
      format = g_dngettext (GETTEXT_PACKAGE, "%s d", "%s d", plural_n);
      break;

    case UNIT_HOURS:
      /* Translators: a number of hours, short, as in "2 h 10 min" */
      format = g_dngettext (GETTEXT_PACKAGE, "%s h", "%s h", plural_n);
      break;

    case UNIT_MINUTES:
      /* Translators: a number of minutes, short, as in "2 h 10 min" */
      format = g_dngettext (GETTEXT_PACKAGE, "%s min", "%s min", plural_n);
      break;

    default:
      g_assert_not_reached ();
    }

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_string_append_printf (out, format, number);
#pragma GCC diagnostic pop
}

/**
 * sb_duration_format:
 * @minutes: a duration in minutes; negative durations get a leading `-`
 *
 * Formats a duration in short words, keeping the two largest units that
 * matter: "45 min", "2 h 10 min", "2 h", "3 d 4 h", "0 min". Under a day,
 * minutes are exact; from a day on, minutes are left out.
 *
 * Returns: (transfer full): the display text; free with g_free()
 */
char *
sb_duration_format (gint64 minutes)
{
  /* Work on the magnitude as unsigned so that G_MININT64 has one too. */
  guint64 magnitude = minutes < 0 ? -(guint64) minutes : (guint64) minutes;
  guint64 days = magnitude / 1440;
  guint64 hours = magnitude / 60 % 24;
  guint64 mins = magnitude % 60;
  GString *out = g_string_new (minutes < 0 ? "-" : NULL);

  if (days > 0)
    {
      append_duration_part (out, days, UNIT_DAYS);
      if (hours > 0)
        append_duration_part (out, hours, UNIT_HOURS);
    }
  else if (hours > 0)
    {
      append_duration_part (out, hours, UNIT_HOURS);
      if (mins > 0)
        append_duration_part (out, mins, UNIT_MINUTES);
    }
  else
    {
      append_duration_part (out, mins, UNIT_MINUTES);
    }

  return g_string_free (out, FALSE);
}

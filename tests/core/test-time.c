/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-time"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sb-core-error.h"
#include "sb-time.h"

#define MS_PER_DAY G_GINT64_CONSTANT (86400000)

/* 2026-11-21T09:30:00.000Z */
#define NOV_21_2026_0930 G_GINT64_CONSTANT (1795253400000)

static void
assert_format (gint64 ms, const char *expected)
{
  g_autofree char *text = sb_time_format_instant (ms);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_parse (const char *text, gint64 expected)
{
  g_autoptr (GError) error = NULL;
  gint64 ms = G_MININT64;

  if (!sb_time_parse_instant (text, &ms, &error))
    g_error ("“%s” should parse: %s", text, error->message);

  g_assert_cmpint (ms, ==, expected);
}

static void
assert_parse_refused (const char *text, const char *reason)
{
  g_autoptr (GError) error = NULL;
  gint64 ms = 42;

  if (sb_time_parse_instant (text, &ms, &error))
    g_error ("“%s” should be refused", text);

  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_cmpint (ms, ==, 42);
  /* Messages name the text that was wrong... */
  g_assert_nonnull (strstr (error->message, text));
  /* ... and why. */
  if (strstr (error->message, reason) == NULL)
    g_error ("message for “%s” should say “%s”: %s", text, reason,
             error->message);
}

/* An independent reference: GDateTime's calendar. */
static char *
reference_format (gint64 ms)
{
  gint64 seconds = ms / 1000;
  gint64 millis = ms % 1000;
  g_autoptr (GDateTime) dt = NULL;

  if (millis < 0)
    {
      millis += 1000;
      seconds -= 1;
    }

  dt = g_date_time_new_from_unix_utc (seconds);
  g_assert_nonnull (dt);

  return g_strdup_printf (
    "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", g_date_time_get_year (dt),
    g_date_time_get_month (dt), g_date_time_get_day_of_month (dt),
    g_date_time_get_hour (dt), g_date_time_get_minute (dt),
    g_date_time_get_second (dt), (int) millis);
}

static void
test_format_epoch (void)
{
  assert_format (0, "1970-01-01T00:00:00.000Z");
  assert_format (1, "1970-01-01T00:00:00.001Z");
  assert_format (999, "1970-01-01T00:00:00.999Z");
  assert_format (1000, "1970-01-01T00:00:01.000Z");
  assert_format (MS_PER_DAY - 1, "1970-01-01T23:59:59.999Z");
  assert_format (NOV_21_2026_0930, "2026-11-21T09:30:00.000Z");
}

static void
test_format_pre_epoch (void)
{
  assert_format (-1, "1969-12-31T23:59:59.999Z");
  assert_format (-999, "1969-12-31T23:59:59.001Z");
  assert_format (-1000, "1969-12-31T23:59:59.000Z");
  assert_format (-1001, "1969-12-31T23:59:58.999Z");
  assert_format (-MS_PER_DAY, "1969-12-31T00:00:00.000Z");
  assert_format (-MS_PER_DAY - 1, "1969-12-30T23:59:59.999Z");
  /* 1900 was not a leap year, 2000 was. */
  assert_format (G_GINT64_CONSTANT (-2203891200000),
                 "1900-03-01T00:00:00.000Z");
  assert_format (G_GINT64_CONSTANT (-2203977600000),
                 "1900-02-28T00:00:00.000Z");
  assert_format (G_GINT64_CONSTANT (951782400000), "2000-02-29T00:00:00.000Z");
}

static void
test_format_limits (void)
{
  assert_format (SB_TIME_MIN_MS, "0001-01-01T00:00:00.000Z");
  assert_format (SB_TIME_MAX_MS, "9999-12-31T23:59:59.999Z");

  if (g_test_undefined ())
    {
      char *text;

      g_test_expect_message ("sb-core", G_LOG_LEVEL_CRITICAL,
                             "*ms >= SB_TIME_MIN_MS*");
      text = sb_time_format_instant (SB_TIME_MIN_MS - 1);
      g_test_assert_expected_messages ();
      g_assert_null (text);

      g_test_expect_message ("sb-core", G_LOG_LEVEL_CRITICAL,
                             "*ms <= SB_TIME_MAX_MS*");
      text = sb_time_format_instant (SB_TIME_MAX_MS + 1);
      g_test_assert_expected_messages ();
      g_assert_null (text);
    }
}

static void
test_format_matches_reference (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261121);

  for (guint i = 0; i < 20000; i++)
    {
      gint64 ms;
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;
      gint64 parsed = 0;

      /* Mostly the whole range, sometimes close to the epoch. */
      if (i % 2 == 0)
        ms = (gint64) g_rand_double_range (rand, (double) SB_TIME_MIN_MS,
                                           (double) SB_TIME_MAX_MS);
      else
        ms = g_rand_int_range (rand, -2000000000, 2000000000) *
               G_GINT64_CONSTANT (1000) +
             g_rand_int_range (rand, -999, 1000);

      text = sb_time_format_instant (ms);
      expected = reference_format (ms);
      g_assert_cmpstr (text, ==, expected);
      g_assert_cmpuint (strlen (text), ==, 24);

      g_assert_true (sb_time_parse_instant (text, &parsed, NULL));
      g_assert_cmpint (parsed, ==, ms);
    }
}

static void
test_format_sorts_as_text (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  gint64 previous = SB_TIME_MIN_MS;
  g_autofree char *previous_text = sb_time_format_instant (previous);

  for (guint i = 0; i < 5000; i++)
    {
      gint64 ms = previous + g_rand_int_range (rand, 1, G_MAXINT32) *
                               G_GINT64_CONSTANT (25000);
      g_autofree char *text = NULL;

      if (ms > SB_TIME_MAX_MS)
        break;

      text = sb_time_format_instant (ms);
      g_assert_cmpint (strcmp (previous_text, text), <, 0);

      g_free (previous_text);
      previous_text = g_steal_pointer (&text);
      previous = ms;
    }
}

static void
test_parse_forms (void)
{
  assert_parse ("2026-11-21T09:30:00.000Z", NOV_21_2026_0930);
  assert_parse ("2026-11-21T09:30:00Z", NOV_21_2026_0930);
  assert_parse ("2026-11-21T09:30:00.5Z", NOV_21_2026_0930 + 500);
  assert_parse ("2026-11-21T09:30:00.05Z", NOV_21_2026_0930 + 50);
  assert_parse ("2026-11-21T09:30:00.007Z", NOV_21_2026_0930 + 7);
  assert_parse ("1970-01-01T00:00:00.000Z", 0);
  assert_parse ("1969-12-31T23:59:59.999Z", -1);
  assert_parse ("0001-01-01T00:00:00.000Z", SB_TIME_MIN_MS);
  assert_parse ("9999-12-31T23:59:59.999Z", SB_TIME_MAX_MS);
  assert_parse ("2024-02-29T12:00:00Z", G_GINT64_CONSTANT (1709208000000));
  assert_parse ("2000-02-29T00:00:00Z", G_GINT64_CONSTANT (951782400000));
}

static void
test_parse_offsets (void)
{
  const gint64 hour = 3600000;

  assert_parse ("2026-11-21T10:30:00.000+01:00", NOV_21_2026_0930);
  assert_parse ("2026-11-21T10:30:00+0100", NOV_21_2026_0930);
  assert_parse ("2026-11-21T04:30:00-0500", NOV_21_2026_0930);
  assert_parse ("2026-11-21T04:30:00.000-05:00", NOV_21_2026_0930);
  assert_parse ("2026-11-21T15:00:00+05:30", NOV_21_2026_0930);
  assert_parse ("2026-11-21T09:30:00+00:00", NOV_21_2026_0930);
  assert_parse ("2026-11-21T09:30:00-00:00", NOV_21_2026_0930);
  assert_parse ("2026-11-21T23:30:00+14:00", NOV_21_2026_0930);
  assert_parse ("2026-11-20T22:30:00-11:00", NOV_21_2026_0930);
  assert_parse ("2026-11-21T09:30:00.250+01:00", NOV_21_2026_0930 - hour + 250);

  /* Offsets move instants across days, months and years. */
  assert_parse ("2026-01-01T00:30:00+01:00", G_GINT64_CONSTANT (1767223800000));
  {
    g_autofree char *text =
      sb_time_format_instant (G_GINT64_CONSTANT (1767223800000));
    g_assert_cmpstr (text, ==, "2025-12-31T23:30:00.000Z");
  }
  assert_parse ("1969-12-31T23:00:00.000-01:00", 0);
  assert_parse ("2024-02-28T23:00:00-01:00", G_GINT64_CONSTANT (1709164800000));
}

static void
test_parse_refusals (void)
{
  const char *form = "is not a date and time";
  const char *no_day = "names a day that does not exist";
  const char *no_time = "names a time of day that does not exist";
  const char *offset = "impossible offset";
  const char *range = "outside the years 0001 to 9999";

  /* Impossible days, including leap years. */
  assert_parse_refused ("2026-02-30T10:00:00Z", no_day);
  assert_parse_refused ("2026-02-29T10:00:00Z", no_day);
  assert_parse_refused ("1900-02-29T10:00:00Z", no_day);
  assert_parse_refused ("2026-04-31T10:00:00Z", no_day);
  assert_parse_refused ("2026-13-01T10:00:00Z", no_day);
  assert_parse_refused ("2026-00-01T10:00:00Z", no_day);
  assert_parse_refused ("2026-01-00T10:00:00Z", no_day);
  assert_parse_refused ("2026-01-32T10:00:00Z", no_day);

  /* Impossible times, including leap seconds and 24:00. */
  assert_parse_refused ("2026-11-21T25:00:00Z", no_time);
  assert_parse_refused ("2026-11-21T24:00:00Z", no_time);
  assert_parse_refused ("2026-11-21T23:60:00Z", no_time);
  assert_parse_refused ("2026-12-31T23:59:60Z", no_time);

  /* Impossible offsets. */
  assert_parse_refused ("2026-11-21T09:30:00+24:00", offset);
  assert_parse_refused ("2026-11-21T09:30:00+01:60", offset);

  /* Out of range, before or after the offset is applied. */
  assert_parse_refused ("0000-12-31T23:59:59Z", range);
  assert_parse_refused ("0001-01-01T00:00:00+00:01", range);
  assert_parse_refused ("9999-12-31T23:59:59.999-00:01", range);

  /* Wrong forms. */
  assert_parse_refused ("", form);
  assert_parse_refused ("2026-11-21", form);
  assert_parse_refused ("2026-11-21T09:30:00", form);
  assert_parse_refused ("2026-11-21T09:30Z", form);
  assert_parse_refused ("2026-11-21 09:30:00Z", form);
  assert_parse_refused ("2026-11-21t09:30:00Z", form);
  assert_parse_refused ("2026-11-21T09:30:00z", form);
  assert_parse_refused ("2026-11-21T09:30:00.Z", form);
  assert_parse_refused ("2026-11-21T09:30:00.000Zjunk", form);
  assert_parse_refused ("2026-11-21T09:30:00.000Z ", form);
  assert_parse_refused (" 2026-11-21T09:30:00.000Z", form);
  assert_parse_refused ("2026-11-21T9:30:00Z", form);
  assert_parse_refused ("26-11-21T09:30:00Z", form);
  assert_parse_refused ("+2026-11-21T09:30:00Z", form);
  assert_parse_refused ("2026-11-21T09:30:00+1:00", form);
  assert_parse_refused ("2026-11-21T09:30:00+01", form);
  assert_parse_refused ("2026-11-21T09:30:00+01:0", form);
  assert_parse_refused ("2026-11-21T09:30:00+01:00:00", form);
  assert_parse_refused ("2026-11-21T09:30:00,000Z", form);
  assert_parse_refused ("２026-11-21T09:30:00Z", form);

  /* No silent loss of precision. */
  assert_parse_refused ("2026-11-21T09:30:00.0001Z",
                        "more precise than a millisecond");
  assert_parse_refused ("2026-11-21T09:30:00.123456Z",
                        "more precise than a millisecond");
}

static void
test_parse_error_is_translatable_text (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *long_text = g_strnfill (500, '9');

  /* Garbage is quoted in a bounded, valid UTF-8 form. */
  g_assert_false (sb_time_parse_instant (long_text, NULL, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_clear_error (&error);

  g_assert_false (sb_time_parse_instant ("2026-\xff\xfe", NULL, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  /* Validation only. */
  g_assert_true (sb_time_parse_instant ("2026-11-21T09:30:00Z", NULL, NULL));
  g_assert_false (sb_time_parse_instant ("2026-11-31T09:30:00Z", NULL, NULL));
}

static void
test_now (void)
{
  gint64 before = g_get_real_time () / 1000;
  gint64 now = sb_time_now_ms ();
  gint64 after = g_get_real_time () / 1000;
  g_autofree char *text = sb_time_now_instant ();
  gint64 parsed = 0;

  g_assert_cmpint (before, <=, now);
  g_assert_cmpint (now, <=, after);

  g_assert_cmpuint (strlen (text), ==, 24);
  g_assert_true (sb_time_parse_instant (text, &parsed, NULL));
  g_assert_cmpint (parsed, >=, now);
  g_assert_cmpint (parsed - now, <, 60000);
}

static void
assert_date_parse (const char *text, guint year, guint month, guint day)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *back = NULL;
  GDate date;

  if (!sb_date_parse (text, &date, &error))
    g_error ("“%s” should parse: %s", text, error->message);

  g_assert_true (g_date_valid (&date));
  g_assert_cmpuint (g_date_get_year (&date), ==, year);
  g_assert_cmpuint (g_date_get_month (&date), ==, month);
  g_assert_cmpuint (g_date_get_day (&date), ==, day);

  back = sb_date_format (&date);
  g_assert_cmpstr (back, ==, text);
}

static void
assert_date_refused (const char *text, const char *reason)
{
  g_autoptr (GError) error = NULL;
  GDate date;

  if (sb_date_parse (text, &date, &error))
    g_error ("“%s” should be refused", text);

  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, text));
  if (strstr (error->message, reason) == NULL)
    g_error ("message for “%s” should say “%s”: %s", text, reason,
             error->message);
}

static void
test_date_parse (void)
{
  const char *form = "is not a date in the form YYYY-MM-DD";
  const char *no_day = "names a day that does not exist";

  assert_date_parse ("2026-11-21", 2026, 11, 21);
  assert_date_parse ("2024-02-29", 2024, 2, 29);
  assert_date_parse ("2000-02-29", 2000, 2, 29);
  assert_date_parse ("2026-12-31", 2026, 12, 31);
  assert_date_parse ("0001-01-01", 1, 1, 1);
  assert_date_parse ("9999-12-31", 9999, 12, 31);

  assert_date_refused ("2026-02-29", no_day);
  assert_date_refused ("2026-02-30", no_day);
  assert_date_refused ("1900-02-29", no_day);
  assert_date_refused ("2026-13-01", no_day);
  assert_date_refused ("2026-00-10", no_day);
  assert_date_refused ("2026-01-00", no_day);
  assert_date_refused ("2026-06-31", no_day);
  assert_date_refused ("0000-01-01", no_day);

  assert_date_refused ("", form);
  assert_date_refused ("2026-1-01", form);
  assert_date_refused ("2026-01-1", form);
  assert_date_refused ("26-01-01", form);
  assert_date_refused ("2026/01/01", form);
  assert_date_refused ("2026-01-01 ", form);
  assert_date_refused (" 2026-01-01", form);
  assert_date_refused ("2026-01-01x", form);
  assert_date_refused ("2026-01-01T00:00:00Z", form);
  assert_date_refused ("20260101", form);
  assert_date_refused ("+2026-01-01", form);

  /* Validation only. */
  g_assert_true (sb_date_parse ("2026-01-01", NULL, NULL));
}

static void
test_date_format (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 21, G_DATE_NOVEMBER, 2026);

  /* Every day over a few centuries survives a round trip, in order. */
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1890);
  {
    g_autofree char *previous = NULL;

    for (guint i = 0; i < 200 * 366; i++)
      {
        g_autofree char *text = sb_date_format (&date);
        GDate back;

        g_assert_cmpuint (strlen (text), ==, 10);
        g_assert_true (sb_date_parse (text, &back, NULL));
        g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
        if (previous != NULL)
          g_assert_cmpint (strcmp (previous, text), <, 0);

        g_free (previous);
        previous = g_steal_pointer (&text);
        g_date_add_days (&date, 1);
      }
  }

  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1);
  {
    g_autofree char *text = sb_date_format (&date);
    g_assert_cmpstr (text, ==, "0001-01-01");
  }
}

static void
test_format_local (void)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GTimeZone) plus_one = g_time_zone_new_identifier ("+01:00");
  g_autoptr (GTimeZone) minus_ten = g_time_zone_new_identifier ("-10:00");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  g_assert_nonnull (plus_one);
  g_assert_nonnull (minus_ten);

  a = sb_time_format_local (NOV_21_2026_0930, utc);
  g_assert_cmpstr (a, ==, "21 Nov 2026, 09:30");

  b = sb_time_format_local (NOV_21_2026_0930, plus_one);
  g_assert_cmpstr (b, ==, "21 Nov 2026, 10:30");

  c = sb_time_format_local (NOV_21_2026_0930, minus_ten);
  g_assert_cmpstr (c, ==, "20 Nov 2026, 23:30");

  d = sb_time_format_local (-1, utc);
  g_assert_cmpstr (d, ==, "31 Dec 1969, 23:59");

  /* The local zone works too; only the shape can be checked. */
  e = sb_time_format_local (NOV_21_2026_0930, NULL);
  g_assert_nonnull (e);
  g_assert_nonnull (strstr (e, "2026"));
}

static void
test_date_format_local (void)
{
  GDate date;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 21, G_DATE_NOVEMBER, 2026);
  a = sb_date_format_local (&date);
  g_assert_cmpstr (a, ==, "21 Nov 2026");

  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
  b = sb_date_format_local (&date);
  g_assert_cmpstr (b, ==, "1 Jan 2026");
}

static void
assert_duration (gint64 minutes, const char *expected)
{
  g_autofree char *text = sb_duration_format (minutes);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_duration_format (void)
{
  assert_duration (0, "0 min");
  assert_duration (1, "1 min");
  assert_duration (45, "45 min");
  assert_duration (59, "59 min");
  assert_duration (60, "1 h");
  assert_duration (61, "1 h 1 min");
  assert_duration (130, "2 h 10 min");
  assert_duration (23 * 60 + 59, "23 h 59 min");
  assert_duration (1440, "1 d");
  assert_duration (1441, "1 d");
  assert_duration (1500, "1 d 1 h");
  assert_duration (3 * 1440 + 4 * 60, "3 d 4 h");
  assert_duration (3 * 1440 + 4 * 60 + 59, "3 d 4 h");
  assert_duration (400 * 1440, "400 d");
  assert_duration (-45, "-45 min");
  assert_duration (-130, "-2 h 10 min");
  assert_duration (-(3 * 1440 + 4 * 60), "-3 d 4 h");
  assert_duration (G_MAXINT64, "6405119470038038 d 18 h");
  assert_duration (G_MININT64, "-6405119470038038 d 18 h");
}

int
main (int argc, char *argv[])
{
  /* Month names in the English form the expectations use. */
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/format/epoch", test_format_epoch);
  g_test_add_func ("/time/format/pre-epoch", test_format_pre_epoch);
  g_test_add_func ("/time/format/limits", test_format_limits);
  g_test_add_func ("/time/format/matches-reference",
                   test_format_matches_reference);
  g_test_add_func ("/time/format/sorts-as-text", test_format_sorts_as_text);
  g_test_add_func ("/time/parse/forms", test_parse_forms);
  g_test_add_func ("/time/parse/offsets", test_parse_offsets);
  g_test_add_func ("/time/parse/refusals", test_parse_refusals);
  g_test_add_func ("/time/parse/error-text",
                   test_parse_error_is_translatable_text);
  g_test_add_func ("/time/now", test_now);
  g_test_add_func ("/time/date/parse", test_date_parse);
  g_test_add_func ("/time/date/format", test_date_format);
  g_test_add_func ("/time/local/instant", test_format_local);
  g_test_add_func ("/time/local/date", test_date_format_local);
  g_test_add_func ("/time/duration", test_duration_format);

  return g_test_run ();
}

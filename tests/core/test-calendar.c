/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-calendar"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sb-calendar.h"
#include "sb-core-error.h"
#include "sb-time.h"

/* Every expectation below was worked out by hand from the wall clock and
 * the UTC offsets in force (Madrid: +01:00 winter, +02:00 summer; New York:
 * -05:00 winter, -04:00 summer) and is written with its offset, so each one
 * can be checked by reading it. Dates: 2026-02-02 is a Monday; in 2026 the
 * clocks change on 03-08 and 11-01 in New York, 03-29 and 10-25 in Madrid
 * (all Sundays). */

#define WEEKDAYS_SPLIT                                       \
  "mon=08:00-13:00,14:00-17:30;tue=08:00-13:00,14:00-17:30;" \
  "wed=08:00-13:00,14:00-17:30;thu=08:00-13:00,14:00-17:30;" \
  "fri=08:00-13:00,14:00-17:30"

/* 510 business minutes a weekday, with a lunch gap. */
#define SPLIT "tz=Europe/Madrid;" WEEKDAYS_SPLIT

/* The same with 8 December, Christmas week and New Year's Day off. */
#define SPLIT_HOLIDAYS SPLIT ";hol=2026-12-08,2026-12-24..2026-12-31,*-01-01"

/* A night shift: Monday 22:00 to Tuesday 06:00, Tuesday 22:00 to
 * Wednesday 06:00. */
#define NIGHT  \
  "tz=Europe/" \
  "Madrid;mon=22:00-24:00;tue=00:00-06:00,22:00-24:00;wed=00:00-06:00"

#define ALL_WEEK(hours)                                                \
  "mon=" hours ";tue=" hours ";wed=" hours ";thu=" hours ";fri=" hours \
  ";sat=" hours ";sun=" hours

#define MADRID_24X7   "tz=Europe/Madrid;" ALL_WEEK ("00:00-24:00")
#define NEW_YORK_24X7 "tz=America/New_York;" ALL_WEEK ("00:00-24:00")

/* Sundays only, across the hour that changes. */
#define MADRID_SUNDAY_1_TO_4   "tz=Europe/Madrid;sun=01:00-04:00"
#define MADRID_SUNDAY_2_TO_3   "tz=Europe/Madrid;sun=02:00-03:00"
#define NEW_YORK_SUNDAY_0_TO_3 "tz=America/New_York;sun=00:00-03:00"

/* Helpers {{{1 */

static gint64
at (const char *iso)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  if (dt == NULL)
    g_error ("bad instant in the test: %s", iso);

  return g_date_time_to_unix (dt) * 1000 +
         g_date_time_get_microsecond (dt) / 1000;
}

static SbCalendar *
calendar (const char *text)
{
  g_autoptr (GError) error = NULL;
  SbCalendar *cal = sb_calendar_new_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cal);

  return cal;
}

static gint64
between_ms (SbCalendar *cal, gint64 start, gint64 end)
{
  g_autoptr (GError) error = NULL;
  gint64 minutes = -1;

  g_assert_true (
    sb_calendar_business_minutes_between (cal, start, end, &minutes, &error));
  g_assert_no_error (error);

  return minutes;
}

static gint64
add_ms (SbCalendar *cal, gint64 start, gint64 minutes)
{
  g_autoptr (GError) error = NULL;
  gint64 out = G_MININT64;

  g_assert_true (
    sb_calendar_add_business_minutes (cal, start, minutes, &out, &error));
  g_assert_no_error (error);

  return out;
}

static void
check_between (SbCalendar *cal,
               const char *start,
               const char *end,
               gint64      expected)
{
  gint64 minutes = between_ms (cal, at (start), at (end));

  if (minutes != expected)
    g_test_message ("between %s and %s", start, end);
  g_assert_cmpint (minutes, ==, expected);
}

/* Also checks that counting back from the result gives the minutes back. */
static void
check_add (SbCalendar *cal,
           const char *start,
           gint64      minutes,
           const char *expected)
{
  gint64           result = add_ms (cal, at (start), minutes);
  g_autofree char *got = sb_time_format_instant (result);
  g_autofree char *want = sb_time_format_instant (at (expected));

  if (g_strcmp0 (got, want) != 0)
    g_test_message ("%s plus %" G_GINT64_FORMAT " business minutes", start,
                    minutes);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpint (between_ms (cal, at (start), result), ==, minutes);
}

static void
check_refused (const char *text, const char *reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SbCalendar) cal = sb_calendar_new_from_string (text, &error);

  if (cal != NULL)
    g_error ("“%s” should be refused", text);

  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  if (strstr (error->message, reason) == NULL)
    g_error ("message for “%s” should say “%s”: %s", text, reason,
             error->message);
}

/* Ordinary weeks {{{1 */

static void
test_within_one_interval (void)
{
  g_autoptr (SbCalendar) cal = calendar (SPLIT);

  check_between (cal, "2026-02-03T09:15:00+01:00", "2026-02-03T11:45:00+01:00",
                 150);
  check_add (cal, "2026-02-03T09:15:00+01:00", 150,
             "2026-02-03T11:45:00+01:00");
  check_between (cal, "2026-02-03T09:15:00+01:00", "2026-02-03T09:16:00+01:00",
                 1);
  check_add (cal, "2026-02-03T09:15:00+01:00", 1, "2026-02-03T09:16:00+01:00");
  check_between (cal, "2026-02-03T08:00:00+01:00", "2026-02-03T13:00:00+01:00",
                 300);
}

static void
test_lunch_gap (void)
{
  g_autoptr (SbCalendar) cal = calendar (SPLIT);

  check_between (cal, "2026-02-03T12:30:00+01:00", "2026-02-03T14:30:00+01:00",
                 60);
  check_add (cal, "2026-02-03T12:30:00+01:00", 60, "2026-02-03T14:30:00+01:00");
  /* Running out exactly at the lunch break: due at 13:00, not 14:00. */
  check_add (cal, "2026-02-03T12:30:00+01:00", 30, "2026-02-03T13:00:00+01:00");
  check_add (cal, "2026-02-03T12:30:00+01:00", 31, "2026-02-03T14:01:00+01:00");
  check_between (cal, "2026-02-03T08:00:00+01:00", "2026-02-03T17:30:00+01:00",
                 510);
  check_between (cal, "2026-02-03T07:00:00+01:00", "2026-02-03T18:00:00+01:00",
                 510);
  check_between (cal, "2026-02-03T13:00:00+01:00", "2026-02-03T14:00:00+01:00",
                 0);
  check_between (cal, "2026-02-03T12:59:00+01:00", "2026-02-03T14:01:00+01:00",
                 2);
}

static void
test_seconds_are_floored_once (void)
{
  g_autoptr (SbCalendar) cal = calendar (SPLIT);

  /* 149 minutes 30 seconds. */
  check_between (cal, "2026-02-03T09:15:30+01:00", "2026-02-03T11:45:00+01:00",
                 149);
  check_between (cal, "2026-02-03T09:15:00+01:00",
                 "2026-02-03T09:15:59.999+01:00", 0);
  /* 30 seconds before lunch and 30 after it make one minute: the business
   * time is summed first and rounded down once. */
  check_between (cal, "2026-02-03T12:59:30+01:00", "2026-02-03T14:00:30+01:00",
                 1);
  check_between (cal, "2026-02-03T12:59:30+01:00", "2026-02-03T14:00:29+01:00",
                 0);
  /* Adding keeps the seconds of an open start. */
  check_add (cal, "2026-02-03T12:59:30+01:00", 1, "2026-02-03T14:00:30+01:00");
  check_add (cal, "2026-02-03T09:15:00.250+01:00", 2,
             "2026-02-03T09:17:00.250+01:00");
}

static void
test_across_midnight (void)
{
  g_autoptr (SbCalendar) cal = calendar (NIGHT);

  check_between (cal, "2026-02-02T21:00:00+01:00", "2026-02-03T07:00:00+01:00",
                 480);
  check_between (cal, "2026-02-02T23:00:00+01:00", "2026-02-03T01:30:00+01:00",
                 150);
  check_between (cal, "2026-02-02T22:00:00+01:00", "2026-02-04T06:00:00+01:00",
                 960);
  check_add (cal, "2026-02-02T23:30:00+01:00", 60, "2026-02-03T00:30:00+01:00");
  /* Monday 24:00 is Tuesday 00:00: one instant. */
  check_add (cal, "2026-02-02T23:30:00+01:00", 30, "2026-02-03T00:00:00+01:00");
  check_add (cal, "2026-02-03T05:00:00+01:00", 120,
             "2026-02-03T23:00:00+01:00");
  check_add (cal, "2026-02-02T20:00:00+01:00", 0, "2026-02-02T22:00:00+01:00");
  check_add (cal, "2026-02-02T22:00:00+01:00", 960,
             "2026-02-04T06:00:00+01:00");
  /* Wednesday 06:00 to the next Monday 22:00. */
  check_add (cal, "2026-02-02T22:00:00+01:00", 961,
             "2026-02-09T22:01:00+01:00");
  g_assert_true (sb_calendar_is_open (cal, at ("2026-02-03T00:00:00+01:00")));
  g_assert_true (
    sb_calendar_is_open (cal, at ("2026-02-02T23:59:59.999+01:00")));
  g_assert_false (sb_calendar_is_open (cal, at ("2026-02-03T06:00:00+01:00")));
}

static void
test_friday_to_monday (void)
{
  g_autoptr (SbCalendar) cal = calendar (SPLIT);

  check_between (cal, "2026-02-06T17:00:00+01:00", "2026-02-09T09:00:00+01:00",
                 90);
  check_add (cal, "2026-02-06T17:00:00+01:00", 90, "2026-02-09T09:00:00+01:00");
  check_add (cal, "2026-02-06T17:30:00+01:00", 1, "2026-02-09T08:01:00+01:00");
  check_add (cal, "2026-02-06T17:29:00+01:00", 1, "2026-02-06T17:30:00+01:00");
  check_add (cal, "2026-02-06T17:29:00+01:00", 2, "2026-02-09T08:01:00+01:00");
  check_between (cal, "2026-02-06T18:00:00+01:00", "2026-02-09T08:00:00+01:00",
                 0);
  /* A whole week: five days of 510 minutes. */
  check_between (cal, "2026-02-02T00:00:00+01:00", "2026-02-09T00:00:00+01:00",
                 2550);
}

static void
test_holidays (void)
{
  g_autoptr (SbCalendar) cal = calendar (SPLIT_HOLIDAYS);

  /* Wednesday 23 December, then Christmas week (range), 1 January 2027
   * (yearly, a Friday), a weekend, Monday 4 January. */
  check_between (cal, "2026-12-23T16:00:00+01:00", "2027-01-04T09:00:00+01:00",
                 150);
  check_add (cal, "2026-12-23T17:00:00+01:00", 60, "2027-01-04T08:30:00+01:00");
  /* The yearly holiday in another year: Tuesday 1 January 2030. */
  check_between (cal, "2029-12-31T17:00:00+01:00", "2030-01-02T08:30:00+01:00",
                 60);
  check_add (cal, "2029-12-31T17:00:00+01:00", 31, "2030-01-02T08:01:00+01:00");
  /* A single date: Tuesday 8 December 2026. */
  check_between (cal, "2026-12-07T17:00:00+01:00", "2026-12-09T08:30:00+01:00",
                 60);
  /* Not a holiday in 2027: 8 December 2027 is a normal Wednesday. */
  check_between (cal, "2027-12-08T00:00:00+01:00", "2027-12-09T00:00:00+01:00",
                 510);
  /* The range ends on the 31st. */
  check_between (cal, "2026-12-31T00:00:00+01:00", "2027-01-01T00:00:00+01:00",
                 0);
  check_between (cal, "2026-12-23T00:00:00+01:00", "2026-12-24T00:00:00+01:00",
                 510);
}

static void
test_starts (void)
{
  g_autoptr (SbCalendar) cal = calendar (SPLIT_HOLIDAYS);

  /* Before opening, during, at and after closing, on a holiday. */
  check_add (cal, "2026-02-03T07:00:00+01:00", 30, "2026-02-03T08:30:00+01:00");
  check_add (cal, "2026-02-03T10:00:00+01:00", 30, "2026-02-03T10:30:00+01:00");
  check_add (cal, "2026-02-03T17:30:00+01:00", 30, "2026-02-04T08:30:00+01:00");
  check_add (cal, "2026-02-03T18:00:00+01:00", 30, "2026-02-04T08:30:00+01:00");
  check_add (cal, "2026-12-28T10:00:00+01:00", 30, "2027-01-04T08:30:00+01:00");
  check_add (cal, "2026-12-08T10:00:00+01:00", 30, "2026-12-09T08:30:00+01:00");
}

static void
test_zero (void)
{
  g_autoptr (SbCalendar) cal = calendar (SPLIT_HOLIDAYS);
  g_autoptr (GError) error = NULL;
  gint64 out = 0;

  /* Open now: the start itself; closed: the next opening. */
  check_add (cal, "2026-02-03T10:00:00+01:00", 0, "2026-02-03T10:00:00+01:00");
  check_add (cal, "2026-02-03T10:00:00.500+01:00", 0,
             "2026-02-03T10:00:00.500+01:00");
  check_add (cal, "2026-02-03T08:00:00+01:00", 0, "2026-02-03T08:00:00+01:00");
  check_add (cal, "2026-02-03T13:00:00+01:00", 0, "2026-02-03T14:00:00+01:00");
  check_add (cal, "2026-02-03T13:30:00+01:00", 0, "2026-02-03T14:00:00+01:00");
  check_add (cal, "2026-02-07T10:00:00+01:00", 0, "2026-02-09T08:00:00+01:00");
  check_add (cal, "2026-12-28T10:00:00+01:00", 0, "2027-01-04T08:00:00+01:00");

  g_assert_true (sb_calendar_next_opening (cal,
                                           at ("2026-02-07T10:00:00+01:00"),
                                           &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out, ==, at ("2026-02-09T08:00:00+01:00"));

  /* Between an instant and itself, or backwards: nothing. */
  check_between (cal, "2026-02-03T10:00:00+01:00", "2026-02-03T10:00:00+01:00",
                 0);
  check_between (cal, "2026-02-03T12:00:00+01:00", "2026-02-03T10:00:00+01:00",
                 0);
}

static void
test_is_open (void)
{
  g_autoptr (SbCalendar) cal = calendar (SPLIT_HOLIDAYS);
  g_autoptr (SbCalendar) always = sb_calendar_new_24x7 ();

  g_assert_false (
    sb_calendar_is_open (cal, at ("2026-02-03T07:59:59.999+01:00")));
  g_assert_true (sb_calendar_is_open (cal, at ("2026-02-03T08:00:00+01:00")));
  g_assert_true (
    sb_calendar_is_open (cal, at ("2026-02-03T12:59:59.999+01:00")));
  g_assert_false (sb_calendar_is_open (cal, at ("2026-02-03T13:00:00+01:00")));
  g_assert_true (sb_calendar_is_open (cal, at ("2026-02-03T14:00:00+01:00")));
  g_assert_false (sb_calendar_is_open (cal, at ("2026-02-03T17:30:00+01:00")));
  g_assert_false (sb_calendar_is_open (cal, at ("2026-02-07T10:00:00+01:00")));
  g_assert_false (sb_calendar_is_open (cal, at ("2026-12-28T10:00:00+01:00")));
  g_assert_false (sb_calendar_is_open (cal, at ("2030-01-01T10:00:00+01:00")));
  g_assert_true (sb_calendar_is_open (cal, at ("2030-01-02T10:00:00+01:00")));

  g_assert_true (sb_calendar_is_open (always, at ("2026-03-29T02:30:00Z")));
  g_assert_true (sb_calendar_is_open (always, at ("1970-01-01T00:00:00Z")));
  g_assert_false (sb_calendar_is_open (always, SB_TIME_MAX_MS + 1));
}

/* Long durations {{{1 */

static void
test_long (void)
{
  g_autoptr (SbCalendar) split = calendar (SPLIT);
  g_autoptr (SbCalendar)
    office = sb_calendar_new_office_hours ("Europe/Madrid");
  g_autoptr (SbCalendar) utc = sb_calendar_new_24x7 ();
  g_autoptr (SbCalendar) madrid = calendar (MADRID_24X7);
  g_autoptr (SbCalendar) new_york = calendar (NEW_YORK_24X7);
  g_autoptr (SbCalendar) holidays = calendar (SPLIT_HOLIDAYS);
  gint64 start, end;

  /* 100,000 = 196 days of 510 minutes + 40. 195 days are 39 weeks, from
   * Monday 2 February to Friday 30 October; day 196 is Monday 2 November,
   * day 197 Tuesday 3 November (after the clocks went back). */
  check_add (split, "2026-02-02T08:00:00+01:00", 100000,
             "2026-11-03T08:40:00+01:00");

  /* 100,000 = 208 days of 480 minutes + 160. 205 days are 41 weeks, to
   * Friday 16 October; then Monday 19 to Wednesday 21, and 160 minutes of
   * Thursday 22 October (still summer time). */
  check_add (office, "2026-01-05T09:00:00+01:00", 100000,
             "2026-10-22T11:40:00+02:00");

  /* 100,000 = 69 days (99,360) + 10:40. */
  check_add (utc, "2026-01-01T00:00:00Z", 100000, "2026-03-11T10:40:00Z");

  /* Thirty years, 2026 to 2056: 10,957 days (7 leap years), 7,827 of them
   * Monday to Friday. Both instants are in winter time. */
  check_between (madrid, "2026-01-01T00:00:00+01:00",
                 "2056-01-01T00:00:00+01:00", 15778080);
  check_add (madrid, "2026-01-01T00:00:00+01:00", 15778080,
             "2056-01-01T00:00:00+01:00");
  check_between (office, "2026-01-01T00:00:00+01:00",
                 "2056-01-01T00:00:00+01:00", 3756960);
  /* 31 December 2055 is a Friday. */
  check_add (office, "2026-01-01T00:00:00+01:00", 3756960,
             "2055-12-31T17:00:00+01:00");

  /* Long walks that end right at a change of the clocks: Madrid, 87 days
   * and 2.5 real hours past 00:00 on the short day; 297 days (one of 23
   * hours) and 3.5 hours to the second 02:30 of the long day. New York: 304
   * days (one of 23 hours) and 2.5 hours to the second 01:30. */
  check_add (madrid, "2026-01-01T00:00:00+01:00", 125430,
             "2026-03-29T03:30:00+02:00");
  check_add (madrid, "2026-01-01T00:00:00+01:00", 427830,
             "2026-10-25T02:30:00+01:00");
  check_between (new_york, "2026-01-01T00:00:00-05:00",
                 "2026-11-01T01:30:00-05:00", 437850);
  check_add (new_york, "2026-01-01T00:00:00-05:00", 437850,
             "2026-11-01T01:30:00-05:00");

  /* Eight years or so of a calendar with holidays: only the round trip. */
  start = at ("2026-06-15T11:11:11.111+02:00");
  end = add_ms (holidays, start, 1000000);
  g_assert_cmpint (between_ms (holidays, start, end), ==, 1000000);
  g_assert_cmpint (add_ms (holidays, start, 999999), <, end);
}

/* Daylight saving {{{1 */

static void
test_dst_madrid_24x7 (void)
{
  g_autoptr (SbCalendar) cal = calendar (MADRID_24X7);

  /* The spring day has 23 hours, the autumn day 25. */
  check_between (cal, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00",
                 1380);
  check_between (cal, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00",
                 1500);
  check_between (cal, "2026-03-28T12:00:00+01:00", "2026-03-29T12:00:00+02:00",
                 1380);
  check_between (cal, "2026-10-24T12:00:00+02:00", "2026-10-25T12:00:00+01:00",
                 1500);
  /* An hour from 01:30 is 03:30 in spring... */
  check_add (cal, "2026-03-29T01:30:00+01:00", 60, "2026-03-29T03:30:00+02:00");
  /* ... and from the first 02:30 in autumn, the second 02:30. */
  check_add (cal, "2026-10-25T02:30:00+02:00", 60, "2026-10-25T02:30:00+01:00");
  check_add (cal, "2026-10-25T00:00:00+02:00", 1500,
             "2026-10-26T00:00:00+01:00");
  g_assert_true (sb_calendar_is_open (cal, at ("2026-10-25T02:30:00+01:00")));
}

static void
test_dst_madrid_office (void)
{
  g_autoptr (SbCalendar) cal = sb_calendar_new_office_hours ("Europe/Madrid");

  /* The change falls on a Sunday; the working days keep their 8 hours. */
  check_between (cal, "2026-03-27T16:00:00+01:00", "2026-03-30T10:00:00+02:00",
                 120);
  check_add (cal, "2026-03-27T16:00:00+01:00", 120,
             "2026-03-30T10:00:00+02:00");
  check_between (cal, "2026-03-30T09:00:00+02:00", "2026-03-30T17:00:00+02:00",
                 480);
  check_between (cal, "2026-10-23T16:00:00+02:00", "2026-10-26T10:00:00+01:00",
                 120);
  check_add (cal, "2026-10-23T16:00:00+02:00", 120,
             "2026-10-26T10:00:00+01:00");
  check_add (cal, "2026-10-25T02:30:00+01:00", 0, "2026-10-26T09:00:00+01:00");
}

static void
test_dst_madrid_changed_hour (void)
{
  g_autoptr (SbCalendar) one_to_four = calendar (MADRID_SUNDAY_1_TO_4);
  g_autoptr (SbCalendar) two_to_three = calendar (MADRID_SUNDAY_2_TO_3);

  /* Spring: 01:00 CET (00:00Z) to 04:00 CEST (02:00Z), two real hours. */
  check_between (one_to_four, "2026-03-29T00:00:00+01:00",
                 "2026-03-29T12:00:00+02:00", 120);
  check_add (one_to_four, "2026-03-29T00:00:00+01:00", 60,
             "2026-03-29T03:00:00+02:00");
  check_add (one_to_four, "2026-03-29T00:00:00+01:00", 120,
             "2026-03-29T04:00:00+02:00");
  check_add (one_to_four, "2026-03-29T00:00:00+01:00", 121,
             "2026-04-05T01:01:00+02:00");
  /* Autumn: 01:00 CEST (23:00Z) to 04:00 CET (03:00Z), four real hours,
   * both 02:30s inside. */
  check_between (one_to_four, "2026-10-25T00:00:00+02:00",
                 "2026-10-25T12:00:00+01:00", 240);
  check_add (one_to_four, "2026-10-25T00:00:00+02:00", 90,
             "2026-10-25T02:30:00+02:00");
  check_add (one_to_four, "2026-10-25T00:00:00+02:00", 150,
             "2026-10-25T02:30:00+01:00");
  check_add (one_to_four, "2026-10-25T00:00:00+02:00", 240,
             "2026-10-25T04:00:00+01:00");
  check_between (one_to_four, "2026-10-25T02:30:00+02:00",
                 "2026-10-25T02:30:00+01:00", 60);

  /* 02:00–03:00 does not happen in spring and happens twice in autumn. */
  check_between (two_to_three, "2026-03-22T00:00:00+01:00",
                 "2026-03-23T00:00:00+01:00", 60);
  check_between (two_to_three, "2026-03-29T00:00:00+01:00",
                 "2026-03-30T00:00:00+02:00", 0);
  check_between (two_to_three, "2026-10-25T00:00:00+02:00",
                 "2026-10-26T00:00:00+01:00", 120);
  check_add (two_to_three, "2026-03-29T00:00:00+01:00", 1,
             "2026-04-05T02:01:00+02:00");
  check_add (two_to_three, "2026-03-29T00:00:00+01:00", 0,
             "2026-04-05T02:00:00+02:00");
  check_add (two_to_three, "2026-10-25T00:00:00+02:00", 61,
             "2026-10-25T02:01:00+01:00");
  g_assert_false (
    sb_calendar_is_open (two_to_three, at ("2026-03-29T01:00:00Z")));
  g_assert_true (
    sb_calendar_is_open (two_to_three, at ("2026-10-25T01:30:00Z")));
}

static void
test_dst_madrid_edge_in_changed_hour (void)
{
  g_autoptr (SbCalendar)
    from_half_past = calendar ("tz=Europe/Madrid;sun=02:30-05:00");
  g_autoptr (SbCalendar)
    to_half_past = calendar ("tz=Europe/Madrid;sun=01:00-02:30");
  g_autoptr (SbCalendar)
    new_york = calendar ("tz=America/New_York;sun=02:30-04:00");

  /* In spring 02:30 does not exist: the desk opens when the clocks jump
   * (01:00Z, shown as 03:00), so 02:30–05:00 lasts two hours and
   * 01:00–02:30 one. */
  check_between (from_half_past, "2026-03-29T00:00:00+01:00",
                 "2026-03-30T00:00:00+02:00", 120);
  check_add (from_half_past, "2026-03-29T00:00:00+01:00", 0,
             "2026-03-29T03:00:00+02:00");
  check_add (from_half_past, "2026-03-29T00:00:00+01:00", 1,
             "2026-03-29T03:01:00+02:00");
  check_between (to_half_past, "2026-03-29T00:00:00+01:00",
                 "2026-03-30T00:00:00+02:00", 60);
  check_add (to_half_past, "2026-03-29T00:00:00+01:00", 60,
             "2026-03-29T03:00:00+02:00");
  check_add (new_york, "2026-03-08T00:00:00-05:00", 0,
             "2026-03-08T03:00:00-04:00");
  check_between (new_york, "2026-03-08T00:00:00-05:00",
                 "2026-03-09T00:00:00-04:00", 60);

  /* In autumn 02:30 happens twice: the desk opens at the first (00:30Z)
   * and stays open through the repeated hour until 05:00 (04:00Z). */
  check_between (from_half_past, "2026-10-25T00:00:00+02:00",
                 "2026-10-26T00:00:00+01:00", 210);
  check_add (from_half_past, "2026-10-25T00:00:00+02:00", 0,
             "2026-10-25T02:30:00+02:00");
  check_add (from_half_past, "2026-10-25T00:00:00+02:00", 60,
             "2026-10-25T02:30:00+01:00");
  check_between (to_half_past, "2026-10-25T00:00:00+02:00",
                 "2026-10-26T00:00:00+01:00", 90);
  g_assert_false (
    sb_calendar_is_open (to_half_past, at ("2026-10-25T02:15:00+01:00")));
}

static void
test_dst_new_york (void)
{
  g_autoptr (SbCalendar) always = calendar (NEW_YORK_24X7);
  g_autoptr (SbCalendar)
    office = sb_calendar_new_office_hours ("America/New_York");
  g_autoptr (SbCalendar) night = calendar (NEW_YORK_SUNDAY_0_TO_3);

  check_between (always, "2026-03-08T00:00:00-05:00",
                 "2026-03-09T00:00:00-04:00", 1380);
  check_between (always, "2026-11-01T00:00:00-04:00",
                 "2026-11-02T00:00:00-05:00", 1500);
  check_add (always, "2026-03-08T01:59:00-05:00", 1,
             "2026-03-08T03:00:00-04:00");
  check_add (always, "2026-11-01T01:59:00-04:00", 1,
             "2026-11-01T01:00:00-05:00");

  check_add (office, "2026-03-06T16:00:00-05:00", 120,
             "2026-03-09T10:00:00-04:00");
  check_add (office, "2026-10-30T16:00:00-04:00", 120,
             "2026-11-02T10:00:00-05:00");
  check_between (office, "2026-03-02T00:00:00-05:00",
                 "2026-03-16T00:00:00-04:00", 4800);
  check_between (office, "2026-10-26T00:00:00-04:00",
                 "2026-11-09T00:00:00-05:00", 4800);

  /* 00:00 EST (05:00Z) to 03:00 EDT (07:00Z); 00:00 EDT (04:00Z) to 03:00
   * EST (08:00Z). */
  check_between (night, "2026-03-08T00:00:00-05:00",
                 "2026-03-09T00:00:00-04:00", 120);
  check_between (night, "2026-11-01T00:00:00-04:00",
                 "2026-11-02T00:00:00-05:00", 240);
  check_add (night, "2026-11-01T00:00:00-04:00", 90,
             "2026-11-01T01:30:00-04:00");
  check_add (night, "2026-11-01T00:00:00-04:00", 150,
             "2026-11-01T01:30:00-05:00");
  check_add (night, "2026-03-07T12:00:00-05:00", 121,
             "2026-03-15T00:01:00-04:00");
}

/* Properties {{{1 */

static void
test_round_trip_property (void)
{
  const char *texts[] = {
    MADRID_24X7,
    SPLIT_HOLIDAYS,
    NIGHT,
    MADRID_SUNDAY_1_TO_4,
    MADRID_SUNDAY_2_TO_3,
    NEW_YORK_SUNDAY_0_TO_3,
    "tz=America/New_York;" WEEKDAYS_SPLIT ";hol=*-07-04,*-12-25",
    "tz=UTC;" ALL_WEEK ("00:00-24:00"),
    "tz=Australia/Lord_Howe;" ALL_WEEK ("01:00-03:00,22:00-24:00"),
  };
  const gint64 fixed[] = { 0,   1,   29,  30,  59,   60,   61,  119,
                           120, 479, 480, 510, 1380, 1500, 2550 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260329);
  gint64 from = at ("2025-09-01T00:00:00Z");
  gint64 to = at ("2028-04-01T00:00:00Z");
  guint  c, i;

  for (c = 0; c < G_N_ELEMENTS (texts); c++)
    {
      g_autoptr (SbCalendar) cal = calendar (texts[c]);

      for (i = 0; i < 300; i++)
        {
          gint64 start =
            g_rand_int_range (rand, 0, 2) == 0
              ? from + (gint64) (g_rand_double (rand) * (double) (to - from))
              : from + (gint64) g_rand_int_range (rand, 0, 1000000) * 60000;
          gint64 minutes = i < G_N_ELEMENTS (fixed)
                             ? fixed[i]
                             : g_rand_int_range (rand, 0, 20000);
          gint64 end = add_ms (cal, start, minutes);
          gint64 next = add_ms (cal, start, minutes + 1);

          if (between_ms (cal, start, end) != minutes)
            g_test_message ("%s: start %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                            " minutes",
                            texts[c], start, minutes);
          g_assert_cmpint (between_ms (cal, start, end), ==, minutes);
          g_assert_cmpint (end, >=, start);
          g_assert_cmpint (next, >, end);
          g_assert_cmpint (between_ms (cal, start, next), ==, minutes + 1);

          if (minutes == 0)
            g_assert_true (sb_calendar_is_open (cal, end));
          else
            g_assert_true (sb_calendar_is_open (cal, end - 1));

          /* Whole-minute instants add up exactly, across any change. */
          {
            gint64 a = from +
                       (gint64) g_rand_int_range (rand, 0, 1000000) * 60000;
            gint64 b = a + (gint64) g_rand_int_range (rand, 0, 30000) * 60000;
            gint64 d = b + (gint64) g_rand_int_range (rand, 0, 30000) * 60000;

            g_assert_cmpint (between_ms (cal, a, d), ==,
                             between_ms (cal, a, b) + between_ms (cal, b, d));
          }
        }
    }
}

static void
test_is_open_agrees (void)
{
  const char *texts[] = { SPLIT_HOLIDAYS, NIGHT, MADRID_SUNDAY_1_TO_4,
                          NEW_YORK_SUNDAY_0_TO_3 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261025);
  gint64 from = at ("2026-01-01T00:00:00Z");
  guint  c, i;

  for (c = 0; c < G_N_ELEMENTS (texts); c++)
    {
      g_autoptr (SbCalendar) cal = calendar (texts[c]);

      for (i = 0; i < 500; i++)
        {
          gint64 t = from +
                     (gint64) g_rand_int_range (rand, 0, 2 * 525600) * 60000;
          gint64 opening = G_MININT64;
          g_autoptr (GError) error = NULL;

          g_assert_true (sb_calendar_next_opening (cal, t, &opening, &error));
          g_assert_no_error (error);
          g_assert_cmpint (opening, >=, t);
          g_assert_cmpint (opening == t, ==, sb_calendar_is_open (cal, t));
          g_assert_true (sb_calendar_is_open (cal, opening));
          /* Open for a minute: the minute after t counts iff t is open. */
          g_assert_cmpint (between_ms (cal, t, t + 60000) == 1, ==,
                           sb_calendar_is_open (cal, t));
        }
    }
}

/* Errors and limits {{{1 */

static void
test_no_open_hours (void)
{
  g_autoptr (SbCalendar) empty = NULL;
  g_autoptr (SbCalendar) every_day_off = NULL;
  g_autoptr (SbCalendar) off_forever = NULL;
  g_autoptr (SbCalendar) leap_monday = NULL;
  g_autoptr (GError) error = NULL;
  GDateMonth month;
  GDateDay   day;
  gint64     out = 42;

  /* No hours at all. */
  empty = sb_calendar_new ("Europe/Madrid", &error);
  g_assert_no_error (error);
  g_assert_false (sb_calendar_add_business_minutes (empty,
                                                    at ("2026-02-03T10:00:00Z"),
                                                    10, &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_NO_OPEN_HOURS);
  g_assert_cmpint (out, ==, 42);
  g_clear_error (&error);
  g_assert_false (sb_calendar_next_opening (empty, at ("2026-02-03T10:00:00Z"),
                                            &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_NO_OPEN_HOURS);
  g_clear_error (&error);
  g_assert_false (sb_calendar_validate (empty, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_NO_OPEN_HOURS);
  g_clear_error (&error);
  check_between (empty, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", 0);
  g_assert_false (sb_calendar_is_open (empty, at ("2026-02-03T10:00:00Z")));

  /* Open on Mondays, but every date of the year is a yearly holiday. */
  every_day_off = calendar ("tz=Europe/Madrid;mon=09:00-17:00");
  for (month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    for (day = 1; day <= g_date_get_days_in_month (month, 2000); day++)
      {
        g_assert_true (
          sb_calendar_add_holiday_yearly (every_day_off, month, day, &error));
        g_assert_no_error (error);
      }
  g_assert_true (sb_calendar_validate (every_day_off, &error));
  g_assert_no_error (error);
  g_assert_false (sb_calendar_add_business_minutes (every_day_off,
                                                    at ("2026-02-03T10:00:00Z"),
                                                    1, &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_NO_OPEN_HOURS);
  g_assert_nonnull (strstr (error->message, "holiday"));
  g_clear_error (&error);
  g_assert_false (sb_calendar_next_opening (every_day_off,
                                            at ("2026-02-03T10:00:00Z"), &out,
                                            &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_NO_OPEN_HOURS);
  g_clear_error (&error);

  /* Closed from 2026 to the end of the years we know. */
  off_forever = calendar (
    "tz=Europe/Madrid;mon=09:00-17:00;hol=2026-01-01..9999-12-31");
  g_assert_false (sb_calendar_add_business_minutes (off_forever,
                                                    at ("2026-02-03T10:00:00Z"),
                                                    0, &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_NO_OPEN_HOURS);
  g_clear_error (&error);
  g_assert_cmpint (out, ==, 42);

  /* The search is bounded but not too eager: open only when 29 February
   * falls on a Monday, which next happens in 2044. */
  leap_monday = calendar ("tz=Europe/Madrid;mon=09:00-17:00");
  for (month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    for (day = 1; day <= g_date_get_days_in_month (month, 2000); day++)
      if (month != G_DATE_FEBRUARY || day != 29)
        g_assert_true (
          sb_calendar_add_holiday_yearly (leap_monday, month, day, NULL));
  check_add (leap_monday, "2026-02-03T10:00:00Z", 0,
             "2044-02-29T09:00:00+01:00");
  check_add (leap_monday, "2026-02-03T10:00:00Z", 481,
             "2072-02-29T09:01:00+01:00");
}

static void
test_limits (void)
{
  g_autoptr (SbCalendar) cal = sb_calendar_new_24x7 ();
  g_autoptr (GError) error = NULL;
  gint64 out = 42;

  g_assert_false (sb_calendar_add_business_minutes (cal, 0, -1, &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (
    sb_calendar_add_business_minutes (cal, 0, G_MAXINT64, &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_OVERFLOW);
  g_clear_error (&error);

  /* Ten thousand years of minutes cannot fit before 9999 either. */
  g_assert_false (
    sb_calendar_add_business_minutes (cal, 0, G_GINT64_CONSTANT (5259600000),
                                      &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_OVERFLOW);
  g_clear_error (&error);

  g_assert_false (sb_calendar_add_business_minutes (cal, SB_TIME_MAX_MS - 30000,
                                                    1, &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_OVERFLOW);
  g_clear_error (&error);

  g_assert_false (sb_calendar_business_minutes_between (cal, SB_TIME_MIN_MS - 1,
                                                        0, &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (
    sb_calendar_next_opening (cal, SB_TIME_MAX_MS + 1, &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (out, ==, 42);

  /* The very first and last instants still work. */
  g_assert_cmpint (add_ms (cal, SB_TIME_MIN_MS, 1), ==, SB_TIME_MIN_MS + 60000);
  g_assert_cmpint (between_ms (cal, SB_TIME_MAX_MS - 120000, SB_TIME_MAX_MS),
                   ==, 2);
}

/* Building calendars {{{1 */

static void
test_builtins (void)
{
  g_autoptr (SbCalendar) always = sb_calendar_new_24x7 ();
  g_autoptr (SbCalendar)
    office = sb_calendar_new_office_hours ("Europe/Madrid");
  g_autoptr (SbCalendar) office_utc = sb_calendar_new_office_hours (NULL);
  g_autoptr (GError) error = NULL;
  const SbCalendarInterval *intervals;
  guint                     n = 99;

  g_assert_nonnull (always);
  g_assert_cmpstr (sb_calendar_get_time_zone_id (always), ==, "UTC");
  g_assert_true (sb_calendar_validate (always, &error));
  g_assert_no_error (error);
  intervals = sb_calendar_get_intervals (always, G_DATE_SUNDAY, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (intervals[0].start_minute, ==, 0);
  g_assert_cmpuint (intervals[0].end_minute, ==, 1440);
  sb_calendar_get_holidays (always, &n);
  g_assert_cmpuint (n, ==, 0);
  check_between (always, "2026-03-29T00:00:00Z", "2026-03-30T00:00:00Z", 1440);
  check_add (always, "2026-12-31T23:30:00Z", 60, "2027-01-01T00:30:00Z");

  g_assert_nonnull (office);
  g_assert_cmpstr (sb_calendar_get_time_zone_id (office), ==, "Europe/Madrid");
  g_assert_nonnull (sb_calendar_get_time_zone (office));
  intervals = sb_calendar_get_intervals (office, G_DATE_FRIDAY, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (intervals[0].start_minute, ==, 540);
  g_assert_cmpuint (intervals[0].end_minute, ==, 1020);
  g_assert_null (sb_calendar_get_intervals (office, G_DATE_SATURDAY, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (sb_calendar_get_time_zone_id (office_utc), ==, "UTC");

  g_assert_null (sb_calendar_new_office_hours ("Mars/Olympus_Mons"));
  g_assert_true (G_TYPE_IS_BOXED (SB_TYPE_CALENDAR));
}

static void
test_setters (void)
{
  g_autoptr (SbCalendar) cal = NULL;
  g_autoptr (GError) error = NULL;
  const SbCalendarInterval  reversed[] = { { 840, 1050 }, { 480, 780 } };
  const SbCalendarInterval  overlapping[] = { { 480, 780 }, { 720, 900 } };
  const SbCalendarInterval  inverted[] = { { 1020, 540 } };
  const SbCalendarInterval  empty[] = { { 540, 540 } };
  const SbCalendarInterval  too_late[] = { { 1380, 1500 } };
  const SbCalendarInterval  touching[] = { { 480, 780 }, { 780, 900 } };
  const SbCalendarInterval *got;
  const SbCalendarHoliday  *holidays;
  GDate                     first, last;
  guint                     n;

  cal = sb_calendar_new ("Mars/Olympus_Mons", &error);
  g_assert_null (cal);
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
  g_clear_error (&error);

  cal = sb_calendar_new ("Europe/Madrid", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_calendar_get_name (cal), ==, "");
  sb_calendar_set_name (cal, "Support desk");
  g_assert_cmpstr (sb_calendar_get_name (cal), ==, "Support desk");

  /* Unknown zones leave the calendar as it was. */
  g_assert_false (sb_calendar_set_time_zone (cal, "Europe/Atlantis", &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_calendar_set_time_zone (cal, "", &error));
  g_clear_error (&error);
  g_assert_cmpstr (sb_calendar_get_time_zone_id (cal), ==, "Europe/Madrid");
  g_assert_true (sb_calendar_set_time_zone (cal, "America/New_York", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sb_calendar_get_time_zone_id (cal), ==, "America/New_York");

  /* Intervals come back sorted. */
  g_assert_true (
    sb_calendar_set_intervals (cal, G_DATE_MONDAY, reversed, 2, &error));
  g_assert_no_error (error);
  got = sb_calendar_get_intervals (cal, G_DATE_MONDAY, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (got[0].start_minute, ==, 480);
  g_assert_cmpuint (got[1].end_minute, ==, 1050);

  g_assert_false (
    sb_calendar_set_intervals (cal, G_DATE_MONDAY, overlapping, 2, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Monday"));
  g_assert_nonnull (
    strstr (error->message, "12:00–15:00 overlaps 08:00–13:00"));
  g_clear_error (&error);

  g_assert_false (
    sb_calendar_set_intervals (cal, G_DATE_TUESDAY, inverted, 1, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "17:00–09:00"));
  g_clear_error (&error);

  g_assert_false (
    sb_calendar_set_intervals (cal, G_DATE_TUESDAY, empty, 1, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (
    sb_calendar_set_intervals (cal, G_DATE_TUESDAY, too_late, 1, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "24:00"));
  g_clear_error (&error);

  g_assert_false (
    sb_calendar_add_interval (cal, G_DATE_MONDAY, 600, 660, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Failures changed nothing. */
  got = sb_calendar_get_intervals (cal, G_DATE_MONDAY, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_null (sb_calendar_get_intervals (cal, G_DATE_TUESDAY, &n));

  g_assert_true (
    sb_calendar_set_intervals (cal, G_DATE_WEDNESDAY, touching, 2, &error));
  g_assert_no_error (error);
  g_assert_true (
    sb_calendar_add_interval (cal, G_DATE_WEDNESDAY, 1320, 1440, &error));
  g_assert_no_error (error);
  got = sb_calendar_get_intervals (cal, G_DATE_WEDNESDAY, &n);
  g_assert_cmpuint (n, ==, 3);
  sb_calendar_clear_intervals (cal, G_DATE_WEDNESDAY);
  g_assert_null (sb_calendar_get_intervals (cal, G_DATE_WEDNESDAY, &n));
  g_assert_cmpuint (n, ==, 0);

  /* Holidays. */
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 31, G_DATE_DECEMBER, 2026);
  g_date_set_dmy (&last, 24, G_DATE_DECEMBER, 2026);
  g_assert_false (sb_calendar_add_holiday_range (cal, &first, &last, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-12-31"));
  g_clear_error (&error);
  g_assert_false (
    sb_calendar_add_holiday_yearly (cal, G_DATE_FEBRUARY, 30, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sb_calendar_add_holiday_range (cal, &last, &first, &error));
  g_assert_true (sb_calendar_add_holiday_date (cal, &first, &error));
  g_assert_true (
    sb_calendar_add_holiday_yearly (cal, G_DATE_FEBRUARY, 29, &error));
  g_assert_no_error (error);
  holidays = sb_calendar_get_holidays (cal, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (holidays[0].kind, ==, SB_CALENDAR_HOLIDAY_RANGE);
  g_assert_cmpint (holidays[1].kind, ==, SB_CALENDAR_HOLIDAY_DATE);
  g_assert_cmpint (holidays[2].kind, ==, SB_CALENDAR_HOLIDAY_YEARLY);
  g_assert_cmpint (holidays[2].month, ==, G_DATE_FEBRUARY);

  g_date_set_dmy (&first, 29, G_DATE_FEBRUARY, 2028);
  g_assert_true (sb_calendar_is_holiday (cal, &first));
  g_date_set_dmy (&first, 28, G_DATE_FEBRUARY, 2027);
  g_assert_false (sb_calendar_is_holiday (cal, &first));
  g_date_set_dmy (&first, 27, G_DATE_DECEMBER, 2026);
  g_assert_true (sb_calendar_is_holiday (cal, &first));

  sb_calendar_remove_holiday (cal, 0);
  sb_calendar_get_holidays (cal, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_false (sb_calendar_is_holiday (cal, &first));
  sb_calendar_clear_holidays (cal);
  g_assert_null (sb_calendar_get_holidays (cal, &n));
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (sb_calendar_validate (cal, &error));
  g_assert_no_error (error);
}

static void
test_copy_and_equal (void)
{
  g_autoptr (SbCalendar) cal = calendar ("name=Desk;" SPLIT_HOLIDAYS);
  g_autoptr (SbCalendar) copy = sb_calendar_copy (cal);
  g_autoptr (SbCalendar) ref = sb_calendar_ref (cal);

  g_assert_true (ref == cal);
  sb_calendar_unref (ref);
  ref = NULL;

  g_assert_true (sb_calendar_equal (cal, copy));
  sb_calendar_clear_intervals (copy, G_DATE_FRIDAY);
  g_assert_false (sb_calendar_equal (cal, copy));
  g_assert_true (sb_calendar_is_open (cal, at ("2026-02-06T10:00:00+01:00")));
  g_assert_false (sb_calendar_is_open (copy, at ("2026-02-06T10:00:00+01:00")));
}

/* Text form {{{1 */

static void
test_text_exact (void)
{
  g_autoptr (SbCalendar) always = sb_calendar_new_24x7 ();
  g_autoptr (SbCalendar) cal = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GDate            first, last;

  text = sb_calendar_to_string (always);
  g_assert_cmpstr (text, ==, "name=24×7;tz=UTC;" ALL_WEEK ("00:00-24:00"));
  g_clear_pointer (&text, g_free);

  cal = sb_calendar_new ("Europe/Madrid", &error);
  g_assert_no_error (error);
  sb_calendar_set_name (cal, "Soporte; 50% = sí");
  g_assert_true (
    sb_calendar_add_interval (cal, G_DATE_FRIDAY, 8 * 60, 14 * 60, &error));
  g_assert_true (sb_calendar_add_interval (cal, G_DATE_MONDAY, 14 * 60,
                                           17 * 60 + 30, &error));
  g_assert_true (
    sb_calendar_add_interval (cal, G_DATE_MONDAY, 8 * 60, 13 * 60, &error));
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 24, G_DATE_DECEMBER, 2026);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 2026);
  g_assert_true (sb_calendar_add_holiday_range (cal, &first, &last, &error));
  g_assert_true (
    sb_calendar_add_holiday_yearly (cal, G_DATE_JANUARY, 1, &error));
  g_assert_true (sb_calendar_add_holiday_date (cal, &first, &error));
  g_assert_no_error (error);

  text = sb_calendar_to_string (cal);
  g_assert_cmpstr (text, ==,
                   "name=Soporte%3B%2050%25%20%3D%20sí;tz=Europe/Madrid;"
                   "mon=08:00-13:00,14:00-17:30;fri=08:00-14:00;"
                   "hol=2026-12-24..2026-12-31,*-01-01,2026-12-24");
}

static void
test_text_round_trip (void)
{
  const char *texts[] = {
    "tz=UTC",
    "tz=UTC;" ALL_WEEK ("00:00-24:00"),
    SPLIT_HOLIDAYS,
    NIGHT,
    "name=Night%20desk;" NIGHT ";hol=*-02-29",
    "name=%E2%9C%93%20check;tz=America/New_York;sat=00:00-00:01,23:59-24:00",
  };
  g_autoptr (SbCalendar) office = sb_calendar_new_office_hours ("Asia/Kolkata");
  g_autoptr (SbCalendar) always = sb_calendar_new_24x7 ();
  SbCalendar *made[] = { office, always };
  guint       i;

  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (SbCalendar) cal = calendar (texts[i]);
      g_autofree char *text = sb_calendar_to_string (cal);
      g_autoptr (SbCalendar) again = calendar (text);
      g_autofree char *text_again = sb_calendar_to_string (again);

      g_assert_true (sb_calendar_equal (cal, again));
      g_assert_cmpstr (text, ==, text_again);
    }

  for (i = 0; i < G_N_ELEMENTS (made); i++)
    {
      g_autofree char *text = sb_calendar_to_string (made[i]);
      g_autoptr (SbCalendar) again = calendar (text);

      g_assert_true (sb_calendar_equal (made[i], again));
    }

  /* Fields in another order, empty days and an encoded name read back to
   * the canonical form. */
  {
    g_autoptr (SbCalendar) cal = calendar (
      "hol=2026-12-25..2026-12-25;sat=;fri=09:00-17:00;tz=Europe/"
      "Madrid;name=A%20b");
    g_autofree char *text = sb_calendar_to_string (cal);

    g_assert_cmpstr (
      text, ==, "name=A%20b;tz=Europe/Madrid;fri=09:00-17:00;hol=2026-12-25");
    g_assert_cmpstr (sb_calendar_get_name (cal), ==, "A b");
  }
}

static void
test_text_malformed (void)
{
  check_refused ("", "empty");
  check_refused ("tz=Mars/Olympus_Mons", "Mars/Olympus_Mons");
  check_refused ("mon=09:00-17:00", "time zone is missing");
  check_refused ("tz=UTC;", "is not a field");
  check_refused ("tz=UTC;mon", "“mon” is not a field");
  check_refused ("=x;tz=UTC", "is not a field");
  check_refused ("tz=UTC;xyz=1", "unknown field “xyz”");
  check_refused ("tz=UTC;tz=UTC", "“tz” appears twice");
  check_refused ("tz=UTC;mon=09:00-12:00;mon=13:00-17:00",
                 "“mon” appears twice");
  check_refused ("tz=UTC;mon=9:00-17:00", "“9:00-17:00” is not a time range");
  check_refused ("tz=UTC;mon=09:00-25:00", "“09:00-25:00”");
  check_refused ("tz=UTC;mon=09:00-24:30", "“09:00-24:30”");
  check_refused ("tz=UTC;mon=09:60-12:00", "“09:60-12:00”");
  check_refused ("tz=UTC;mon=09:00-17:00 ", "“09:00-17:00 ”");
  check_refused ("tz=UTC;mon=09:00–17:00", "is not a time range");
  check_refused ("tz=UTC;mon=09:00-17:00,", "“” is not a time range");
  check_refused ("tz=UTC;mon=17:00-09:00", "must end after it starts");
  check_refused ("tz=UTC;mon=09:00-09:00", "must end after it starts");
  check_refused ("tz=UTC;mon=24:00-24:00", "must end after it starts");
  check_refused ("tz=UTC;tue=09:00-12:00,11:00-13:00",
                 "Tuesday: the interval 11:00–13:00 overlaps 09:00–12:00");
  check_refused ("tz=UTC;hol=2026-02-30", "“2026-02-30” is not a holiday");
  check_refused ("tz=UTC;hol=26-12-25", "“26-12-25”");
  check_refused ("tz=UTC;hol=0000-01-01", "“0000-01-01”");
  check_refused ("tz=UTC;hol=2026-12-25,", "“” is not a holiday");
  check_refused ("tz=UTC;hol=2026-12-31..2026-12-01", "end before they start");
  check_refused ("tz=UTC;hol=2026-12-01..", "“2026-12-01..”");
  check_refused ("tz=UTC;hol=*-02-30", "“*-02-30”");
  check_refused ("tz=UTC;hol=*-13-01", "“*-13-01”");
  check_refused ("tz=UTC;hol=*-1-01", "“*-1-01”");
  check_refused ("name=%ZZ;tz=UTC", "percent-encoded");
  check_refused ("name=%00;tz=UTC", "percent-encoded");
  check_refused ("name=%FF;tz=UTC", "percent-encoded");
  check_refused ("tz=UTC;\xff", "UTF-8");
}

/* Main {{{1 */

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/between/one-interval", test_within_one_interval);
  g_test_add_func ("/calendar/between/lunch-gap", test_lunch_gap);
  g_test_add_func ("/calendar/between/seconds", test_seconds_are_floored_once);
  g_test_add_func ("/calendar/midnight", test_across_midnight);
  g_test_add_func ("/calendar/weekend", test_friday_to_monday);
  g_test_add_func ("/calendar/holidays", test_holidays);
  g_test_add_func ("/calendar/add/starts", test_starts);
  g_test_add_func ("/calendar/add/zero", test_zero);
  g_test_add_func ("/calendar/is-open", test_is_open);
  g_test_add_func ("/calendar/long", test_long);
  g_test_add_func ("/calendar/dst/madrid/24x7", test_dst_madrid_24x7);
  g_test_add_func ("/calendar/dst/madrid/office", test_dst_madrid_office);
  g_test_add_func ("/calendar/dst/madrid/changed-hour",
                   test_dst_madrid_changed_hour);
  g_test_add_func ("/calendar/dst/madrid/edge-in-changed-hour",
                   test_dst_madrid_edge_in_changed_hour);
  g_test_add_func ("/calendar/dst/new-york", test_dst_new_york);
  g_test_add_func ("/calendar/property/round-trip", test_round_trip_property);
  g_test_add_func ("/calendar/property/is-open", test_is_open_agrees);
  g_test_add_func ("/calendar/errors/no-open-hours", test_no_open_hours);
  g_test_add_func ("/calendar/errors/limits", test_limits);
  g_test_add_func ("/calendar/builtins", test_builtins);
  g_test_add_func ("/calendar/setters", test_setters);
  g_test_add_func ("/calendar/copy", test_copy_and_equal);
  g_test_add_func ("/calendar/text/exact", test_text_exact);
  g_test_add_func ("/calendar/text/round-trip", test_text_round_trip);
  g_test_add_func ("/calendar/text/malformed", test_text_malformed);

  return g_test_run ();
}

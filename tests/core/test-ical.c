/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ical"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sb-ical.h"

/* Expected texts are written out by hand; octet counts in the comments. */

static gint64
stamp_ms (void)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (2026, 3, 1, 12, 34, 56);

  return g_date_time_to_unix (dt) * 1000 + 789;  /* milliseconds are dropped */
}

/* Removes every CRLF + space (RFC 5545, 3.1). */
static char *
unfold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ')
        p += 2;
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
assert_crlf_only (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_assert_true (p > text && p[-1] == '\r');
      if (*p == '\r')
        g_assert_cmpint (p[1], ==, '\n');
    }
}

/* Every physical line is at most 75 octets and valid UTF-8 on its own. */
static void
assert_lines_fit (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
}

static void
test_escape (void)
{
  g_autofree char *plain = sb_ical_escape_text ("Renewal of hosting");
  g_autofree char *special = sb_ical_escape_text ("a\\b;c,d\ne\r\nf\rg");
  g_autofree char *controls = sb_ical_escape_text ("tab\there\001\177!");
  g_autofree char *utf8 = sb_ical_escape_text ("Größe: 3 €");

  g_assert_cmpstr (plain, ==, "Renewal of hosting");
  /* backslash doubled; ; and , escaped; LF, CRLF and CR each one \n */
  g_assert_cmpstr (special, ==, "a\\\\b\\;c\\,d\\ne\\nf\\ng");
  /* a tab stays, other control characters go */
  g_assert_cmpstr (controls, ==, "tab\there!");
  g_assert_cmpstr (utf8, ==, "Größe: 3 €");
}

static void
test_fold_short (void)
{
  /* 75 octets stay one line. */
  g_autofree char *line75 = g_strnfill (75, 'a');
  g_autofree char *line76 = g_strnfill (76, 'a');
  g_autofree char *folded75 = sb_ical_fold_line (line75);
  g_autofree char *folded76 = sb_ical_fold_line (line76);
  g_autofree char *tail = g_strnfill (1, 'a');
  g_autofree char *expected76 = g_strconcat (line75, "\r\n ", tail, NULL);

  g_assert_cmpstr (folded75, ==, line75);
  /* 76 octets: 75, then a space and the last one. */
  g_assert_cmpstr (folded76, ==, expected76);
}

static void
test_fold_ascii_long (void)
{
  /* 200 octets: 75, then 74 after the space, then the 51 left. */
  g_autofree char *line = g_strnfill (200, 'b');
  g_autofree char *folded = sb_ical_fold_line (line);
  g_autofree char *back = unfold (folded);
  g_auto (GStrv) parts = g_strsplit (folded, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_cmpuint (strlen (parts[0]), ==, 75);
  g_assert_cmpuint (strlen (parts[1]), ==, 75);  /* space + 74 */
  g_assert_cmpuint (strlen (parts[2]), ==, 52);  /* space + 51 */
  g_assert_cmpint (parts[1][0], ==, ' ');
  g_assert_cmpstr (back, ==, line);
}

static void
test_fold_multibyte (void)
{
  GString *line = g_string_new ("X:");
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *back = NULL;
  g_auto (GStrv) parts = NULL;

  /* "X:" + 40 × "é" (2 octets each) = 82 octets. Octet 75 (from 0) is the
   * second half of an é, so the first line stops at 74 octets: "X:" + 36
   * é; the second is a space and the 4 é left, 9 octets. */
  for (int i = 0; i < 40; i++)
    g_string_append (line, "é");
  text = g_string_free (line, FALSE);

  folded = sb_ical_fold_line (text);
  parts = g_strsplit (folded, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_assert_cmpuint (strlen (parts[0]), ==, 74);
  g_assert_cmpstr (parts[1], ==, " éééé");
  back = unfold (folded);
  g_assert_cmpstr (back, ==, text);
}

static void
test_fold_mixed_widths (void)
{
  GString *line = g_string_new ("SUMMARY:");
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *back = NULL;

  /* 1-, 2-, 3- and 4-octet characters in turn, long enough for many folds. */
  for (int i = 0; i < 60; i++)
    g_string_append (line, "aé€😀");
  text = g_string_free (line, FALSE);

  folded = sb_ical_fold_line (text);
  assert_lines_fit (folded);
  assert_crlf_only (folded);
  back = unfold (folded);
  g_assert_cmpstr (back, ==, text);
}

static void
test_document (void)
{
  g_autoptr (SbIcalWriter) writer = sb_ical_writer_new ("Servicebook: contracts, deadlines");
  GDate notice, renewal;
  g_autofree char *text = NULL;
  gsize length = 0;
  const char *expected =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Servicebook//Servicebook//EN\r\n"
    "CALSCALE:GREGORIAN\r\n"
    "METHOD:PUBLISH\r\n"
    "X-WR-CALNAME:Servicebook: contracts\\, deadlines\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:notice-7f3c@servicebook\r\n"
    "DTSTAMP:20260301T123456Z\r\n"
    "DTSTART;VALUE=DATE:20260930\r\n"
    "DTEND;VALUE=DATE:20261001\r\n"
    "SUMMARY:Last day to give notice: Hosting\\, Acme\r\n"
    /* 92 octets: 75, then a space and the last 17 */
    "DESCRIPTION:Notice period: 3 months\\; give notice in writing\\, by post\\nto \r\n"
    " Acme Hosting Ltd.\r\n"
    "CATEGORIES:Notice deadline\r\n"
    "TRANSP:TRANSPARENT\r\n"
    "BEGIN:VALARM\r\n"
    "ACTION:DISPLAY\r\n"
    "DESCRIPTION:Last day to give notice: Hosting\\, Acme\r\n"
    "TRIGGER:-P14D\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:renewal-7f3c@servicebook\r\n"
    "DTSTAMP:20260301T123456Z\r\n"
    /* the last day of a year: the event ends on the next year's first */
    "DTSTART;VALUE=DATE:20261231\r\n"
    "DTEND;VALUE=DATE:20270101\r\n"
    "SUMMARY:Renewal: Hosting\r\n"
    "TRANSP:TRANSPARENT\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

  g_date_clear (&notice, 1);
  g_date_set_dmy (&notice, 30, G_DATE_SEPTEMBER, 2026);
  g_date_clear (&renewal, 1);
  g_date_set_dmy (&renewal, 31, G_DATE_DECEMBER, 2026);

  sb_ical_writer_add_all_day (writer, "notice-7f3c@servicebook", &notice,
                              "Last day to give notice: Hosting, Acme",
                              "Notice period: 3 months; give notice in writing, by post\n"
                              "to Acme Hosting Ltd.",
                              "Notice deadline", 14);
  sb_ical_writer_add_all_day (writer, "renewal-7f3c@servicebook", &renewal,
                              "Renewal: Hosting", NULL, "", -1);

  text = sb_ical_writer_finish (writer, stamp_ms (), &length);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (length, ==, strlen (expected));
  assert_crlf_only (text);
  assert_lines_fit (text);
}

static void
test_empty_calendar_and_alarm_on_the_day (void)
{
  g_autoptr (SbIcalWriter) writer = sb_ical_writer_new ("Empty");
  g_autofree char *empty = NULL;
  g_autofree char *one = NULL;
  GDate d;

  empty = sb_ical_writer_finish (writer, 0, NULL);
  g_assert_cmpstr (empty, ==,
                   "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Servicebook//Servicebook//EN\r\n"
                   "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Empty\r\n"
                   "END:VCALENDAR\r\n");

  /* 29 Feb 2028 ends on 1 Mar; a reminder on the day is -P0D; the stamp
   * 0 is 1970-01-01T00:00:00Z. */
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 29, G_DATE_FEBRUARY, 2028);
  sb_ical_writer_add_all_day (writer, "x", &d, "Leap", NULL, NULL, 0);
  one = sb_ical_writer_finish (writer, 0, NULL);
  g_assert_nonnull (strstr (one, "DTSTAMP:19700101T000000Z\r\n"));
  g_assert_nonnull (strstr (one, "DTSTART;VALUE=DATE:20280229\r\nDTEND;VALUE=DATE:20280301\r\n"));
  g_assert_nonnull (strstr (one, "TRIGGER:-P0D\r\n"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/escape", test_escape);
  g_test_add_func ("/ical/fold/short", test_fold_short);
  g_test_add_func ("/ical/fold/ascii-long", test_fold_ascii_long);
  g_test_add_func ("/ical/fold/multibyte", test_fold_multibyte);
  g_test_add_func ("/ical/fold/mixed-widths", test_fold_mixed_widths);
  g_test_add_func ("/ical/document", test_document);
  g_test_add_func ("/ical/empty-and-alarm-on-the-day", test_empty_calendar_and_alarm_on_the_day);

  return g_test_run ();
}

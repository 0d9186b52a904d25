/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-ical"

#include "config.h"

#include <string.h>

#include "sb-ical.h"

/*
 * What is written (RFC 5545): one VCALENDAR with VERSION, PRODID,
 * CALSCALE, METHOD:PUBLISH and the calendar's name (X-WR-CALNAME, which
 * GNOME Calendar, Thunderbird, Outlook and Google use); per event a
 * VEVENT with its UID, DTSTAMP (UTC), DTSTART;VALUE=DATE and DTEND the day
 * after (all-day events end exclusively), SUMMARY, DESCRIPTION and
 * CATEGORIES when given, TRANSP:TRANSPARENT (a deadline does not make a
 * person busy), and a VALARM that displays the summary some days before.
 * Every line ends in CRLF and is folded at 75 octets.
 */

#define PRODID        "-//Servicebook//Servicebook//EN"
#define LINE_OCTETS   75

typedef struct
{
  char  *uid;
  GDate  date;
  char  *summary;
  char  *description;
  char  *categories;
  int    alarm_days_before;
} Event;

struct _SbIcalWriter
{
  char      *calendar_name;
  GPtrArray *events;
};

static void
event_free (gpointer data)
{
  Event *event = data;

  g_free (event->uid);
  g_free (event->summary);
  g_free (event->description);
  g_free (event->categories);
  g_free (event);
}

/**
 * sb_ical_writer_new:
 * @calendar_name: the name calendar applications show for the calendar
 *
 * Starts an empty calendar.
 *
 * Returns: (transfer full): the writer; free with sb_ical_writer_free()
 */
SbIcalWriter *
sb_ical_writer_new (const char *calendar_name)
{
  SbIcalWriter *self;

  g_return_val_if_fail (calendar_name != NULL, NULL);

  self = g_new0 (SbIcalWriter, 1);
  self->calendar_name = g_strdup (calendar_name);
  self->events = g_ptr_array_new_with_free_func (event_free);
  return self;
}

/**
 * sb_ical_writer_free:
 * @self: (nullable): a writer
 *
 * Frees the writer and the events it holds.
 */
void
sb_ical_writer_free (SbIcalWriter *self)
{
  if (self == NULL)
    return;

  g_free (self->calendar_name);
  g_ptr_array_unref (self->events);
  g_free (self);
}

/**
 * sb_ical_writer_add_all_day:
 * @self: a writer
 * @uid: the event's stable identity: the same deadline keeps the same
 *   UID, so that importing again updates the event
 * @date: the day of the event
 * @summary: the event's title
 * @description: (nullable): more text
 * @categories: (nullable): one category (a comma in it stays part of it)
 * @alarm_days_before: days before @date for a reminder; negative for none
 *
 * Adds an all-day event; events are written in the order they are added.
 */
void
sb_ical_writer_add_all_day (SbIcalWriter *self,
                            const char   *uid,
                            const GDate  *date,
                            const char   *summary,
                            const char   *description,
                            const char   *categories,
                            int           alarm_days_before)
{
  Event *event;

  g_return_if_fail (self != NULL);
  g_return_if_fail (uid != NULL && *uid != '\0');
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (summary != NULL);

  event = g_new0 (Event, 1);
  event->uid = g_strdup (uid);
  event->date = *date;
  event->summary = g_strdup (summary);
  event->description = g_strdup (description);
  event->categories = g_strdup (categories);
  event->alarm_days_before = alarm_days_before;
  g_ptr_array_add (self->events, event);
}

/**
 * sb_ical_escape_text:
 * @text: a TEXT value, UTF-8
 *
 * Escapes a TEXT value: backslash, semicolon and comma get a backslash,
 * a line break (LF, CRLF or CR) becomes `\n`. Other control characters,
 * which TEXT may not hold, are left out, and invalid UTF-8 is replaced.
 *
 * Returns: (transfer full): the escaped text; free with g_free()
 */
char *
sb_ical_escape_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid) + 8);

  for (const char *p = valid; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\r':
          if (p[1] == '\n')
            p++;
          g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append_c (out, '\t');
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * sb_ical_fold_line:
 * @line: one content line, without its line end
 *
 * Folds a content line so that no physical line is longer than 75
 * octets: each continuation starts with one space, and a break never
 * falls inside a UTF-8 character. Unfolding (removing every CRLF and the
 * space after it) gives @line back.
 *
 * Returns: (transfer full): the folded line, physical lines joined by
 *   CRLF + space, with no line end after the last; free with g_free()
 */
char *
sb_ical_fold_line (const char *line)
{
  GString *out;
  gsize len;
  gsize pos = 0;
  gsize room = LINE_OCTETS;

  g_return_val_if_fail (line != NULL, NULL);

  len = strlen (line);
  out = g_string_sized_new (len + len / 32 + 4);

  while (len - pos > room)
    {
      gsize cut = pos + room;

      /* Step back to the first octet of a character. */
      while (cut > pos && ((guchar) line[cut] & 0xc0) == 0x80)
        cut--;
      if (cut == pos)
        cut = pos + room;  /* not UTF-8: cut where the octets run out */

      g_string_append_len (out, line + pos, (gssize) (cut - pos));
      g_string_append (out, "\r\n ");
      pos = cut;
      room = LINE_OCTETS - 1;  /* the leading space counts */
    }

  g_string_append (out, line + pos);
  return g_string_free (out, FALSE);
}

/* Appends NAME:VALUE (VALUE as is), folded, with its CRLF. */
static void
append_line (GString *out, const char *name, const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  g_autofree char *folded = sb_ical_fold_line (line);

  g_string_append (out, folded);
  g_string_append (out, "\r\n");
}

/* Appends NAME:VALUE with VALUE escaped as TEXT. */
static void
append_text (GString *out, const char *name, const char *value)
{
  g_autofree char *escaped = sb_ical_escape_text (value);

  append_line (out, name, escaped);
}

static char *
format_date (const GDate *d)
{
  return g_strdup_printf ("%04u%02u%02u", (guint) g_date_get_year (d),
                          (guint) g_date_get_month (d), (guint) g_date_get_day (d));
}

static char *
format_stamp (gint64 stamp_ms)
{
  gint64 seconds = stamp_ms / 1000 - (stamp_ms % 1000 < 0 ? 1 : 0);
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (seconds);

  if (dt == NULL)
    dt = g_date_time_new_from_unix_utc (0);

  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

static void
append_event (GString *out, const Event *event, const char *stamp)
{
  g_autofree char *start = format_date (&event->date);
  g_autofree char *end = NULL;
  GDate next = event->date;

  g_date_add_days (&next, 1);
  end = format_date (&next);

  append_line (out, "BEGIN", "VEVENT");
  append_text (out, "UID", event->uid);
  append_line (out, "DTSTAMP", stamp);
  append_line (out, "DTSTART;VALUE=DATE", start);
  append_line (out, "DTEND;VALUE=DATE", end);
  append_text (out, "SUMMARY", event->summary);
  if (event->description != NULL && *event->description != '\0')
    append_text (out, "DESCRIPTION", event->description);
  if (event->categories != NULL && *event->categories != '\0')
    append_text (out, "CATEGORIES", event->categories);
  append_line (out, "TRANSP", "TRANSPARENT");

  if (event->alarm_days_before >= 0)
    {
      g_autofree char *trigger = g_strdup_printf ("-P%dD", event->alarm_days_before);

      append_line (out, "BEGIN", "VALARM");
      append_line (out, "ACTION", "DISPLAY");
      append_text (out, "DESCRIPTION", event->summary);
      append_line (out, "TRIGGER", trigger);
      append_line (out, "END", "VALARM");
    }

  append_line (out, "END", "VEVENT");
}

/**
 * sb_ical_writer_finish:
 * @self: a writer
 * @stamp_ms: when the calendar is written, UTC milliseconds since 1970
 *   (every event's DTSTAMP)
 * @out_length: (out) (optional): the length of the text in octets
 *
 * Writes the calendar with every event added so far. The writer stays
 * usable.
 *
 * Returns: (transfer full): the iCalendar text, UTF-8 with CRLF line ends;
 *   free with g_free()
 */
char *
sb_ical_writer_finish (SbIcalWriter *self,
                       gint64        stamp_ms,
                       gsize        *out_length)
{
  g_autofree char *stamp = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  stamp = format_stamp (stamp_ms);
  out = g_string_new (NULL);

  append_line (out, "BEGIN", "VCALENDAR");
  append_line (out, "VERSION", "2.0");
  append_line (out, "PRODID", PRODID);
  append_line (out, "CALSCALE", "GREGORIAN");
  append_line (out, "METHOD", "PUBLISH");
  append_text (out, "X-WR-CALNAME", self->calendar_name);

  for (guint i = 0; i < self->events->len; i++)
    append_event (out, g_ptr_array_index (self->events, i), stamp);

  append_line (out, "END", "VCALENDAR");

  if (out_length != NULL)
    *out_length = out->len;

  return g_string_free (out, FALSE);
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * An iCalendar (RFC 5545) writer for all-day events, enough for calendar
 * applications (GNOME Calendar, Thunderbird, Outlook, Google Calendar) to
 * import deadlines: CRLF line ends, lines folded at 75 octets without
 * splitting a UTF-8 character, TEXT values escaped, a stable UID per
 * event so that importing again updates instead of duplicating, and an
 * optional reminder (VALARM) some days before.
 */
typedef struct _SbIcalWriter SbIcalWriter;

SbIcalWriter *sb_ical_writer_new        (const char   *calendar_name);
void          sb_ical_writer_add_all_day (SbIcalWriter *self,
                                          const char   *uid,
                                          const GDate  *date,
                                          const char   *summary,
                                          const char   *description,   /* nullable */
                                          const char   *categories,    /* nullable */
                                          int           alarm_days_before); /* < 0: none */
char         *sb_ical_writer_finish      (SbIcalWriter *self,
                                          gint64        stamp_ms,
                                          gsize        *out_length);
void          sb_ical_writer_free        (SbIcalWriter *self);

char         *sb_ical_escape_text        (const char   *text);
char         *sb_ical_fold_line          (const char   *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbIcalWriter, sb_ical_writer_free)

G_END_DECLS

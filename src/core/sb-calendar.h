/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SB_TYPE_CALENDAR (sb_calendar_get_type ())

/**
 * SbCalendar:
 *
 * A support calendar: weekly business hours in a time zone, minus holidays.
 *
 * A reference-counted boxed type. Share it freely for reading (all the
 * arithmetic only reads it); a calendar that is being changed belongs to
 * one thread.
 */
typedef struct _SbCalendar SbCalendar;

/**
 * SbCalendarInterval:
 * @start_minute: opening, in minutes after local midnight (0–1439)
 * @end_minute: closing, in minutes after local midnight (1–1440); 1440 is
 *   24:00, the end of the day
 *
 * One stretch of business hours on a weekday, in wall-clock time of the
 * calendar's time zone. The interval is half open: open at @start_minute,
 * closed again at @end_minute.
 */
typedef struct
{
  guint start_minute;
  guint end_minute;
} SbCalendarInterval;

/**
 * SbCalendarHolidayKind:
 * @SB_CALENDAR_HOLIDAY_DATE: one date
 * @SB_CALENDAR_HOLIDAY_RANGE: every date from a first to a last one,
 *   both included
 * @SB_CALENDAR_HOLIDAY_YEARLY: the same month and day every year
 *
 * The kinds of holiday a calendar knows.
 */
typedef enum {
  SB_CALENDAR_HOLIDAY_DATE,
  SB_CALENDAR_HOLIDAY_RANGE,
  SB_CALENDAR_HOLIDAY_YEARLY,
} SbCalendarHolidayKind;

/**
 * SbCalendarHoliday:
 * @kind: what the other fields mean
 * @first: the date (%SB_CALENDAR_HOLIDAY_DATE) or the first date
 *   (%SB_CALENDAR_HOLIDAY_RANGE); cleared for yearly holidays
 * @last: the last date of a range; equal to @first for a single date;
 *   cleared for yearly holidays
 * @month: the month of a yearly holiday, otherwise %G_DATE_BAD_MONTH
 * @day: the day of a yearly holiday, otherwise %G_DATE_BAD_DAY
 *
 * A holiday: a local date of the calendar's time zone on which none of the
 * weekday's intervals are open.
 */
typedef struct
{
  SbCalendarHolidayKind kind;
  GDate                 first;
  GDate                 last;
  GDateMonth            month;
  GDateDay              day;
} SbCalendarHoliday;

GType sb_calendar_get_type (void) G_GNUC_CONST;

SbCalendar *sb_calendar_new (const char *tz_identifier, GError **error);
SbCalendar *sb_calendar_new_24x7 (void);
SbCalendar *sb_calendar_new_office_hours (const char *tz_identifier);
SbCalendar *sb_calendar_new_from_string (const char *text, GError **error);
SbCalendar *sb_calendar_ref (SbCalendar *self);
void        sb_calendar_unref (SbCalendar *self);
SbCalendar *sb_calendar_copy (SbCalendar *self);
gboolean    sb_calendar_equal (SbCalendar *a, SbCalendar *b);
char       *sb_calendar_to_string (SbCalendar *self);

const char *sb_calendar_get_name (SbCalendar *self);
void        sb_calendar_set_name (SbCalendar *self, const char *name);
const char *sb_calendar_get_time_zone_id (SbCalendar *self);
GTimeZone  *sb_calendar_get_time_zone (SbCalendar *self);
gboolean    sb_calendar_set_time_zone (SbCalendar *self,
                                       const char *tz_identifier,
                                       GError    **error);

const SbCalendarInterval *sb_calendar_get_intervals (SbCalendar  *self,
                                                     GDateWeekday weekday,
                                                     guint       *n_intervals);
gboolean                  sb_calendar_set_intervals (SbCalendar               *self,
                                                     GDateWeekday              weekday,
                                                     const SbCalendarInterval *intervals,
                                                     guint                     n_intervals,
                                                     GError                  **error);
gboolean                  sb_calendar_add_interval (SbCalendar  *self,
                                                    GDateWeekday weekday,
                                                    guint        start_minute,
                                                    guint        end_minute,
                                                    GError     **error);
void sb_calendar_clear_intervals (SbCalendar *self, GDateWeekday weekday);

const SbCalendarHoliday *sb_calendar_get_holidays (SbCalendar *self,
                                                   guint      *n_holidays);
gboolean                 sb_calendar_add_holiday_date (SbCalendar  *self,
                                                       const GDate *date,
                                                       GError     **error);
gboolean                 sb_calendar_add_holiday_range (SbCalendar  *self,
                                                        const GDate *first,
                                                        const GDate *last,
                                                        GError     **error);
gboolean                 sb_calendar_add_holiday_yearly (SbCalendar *self,
                                                         GDateMonth  month,
                                                         GDateDay    day,
                                                         GError    **error);
void     sb_calendar_remove_holiday (SbCalendar *self, guint index);
void     sb_calendar_clear_holidays (SbCalendar *self);
gboolean sb_calendar_is_holiday (SbCalendar *self, const GDate *date);

gboolean sb_calendar_validate (SbCalendar *self, GError **error);

gboolean sb_calendar_is_open (SbCalendar *self, gint64 ms);
gboolean sb_calendar_next_opening (SbCalendar *self,
                                   gint64      ms,
                                   gint64     *out_ms,
                                   GError    **error);
gboolean sb_calendar_business_minutes_between (SbCalendar *self,
                                               gint64      start_ms,
                                               gint64      end_ms,
                                               gint64     *out_minutes,
                                               GError    **error);
gboolean sb_calendar_add_business_minutes (SbCalendar *self,
                                           gint64      start_ms,
                                           gint64      minutes,
                                           gint64     *out_ms,
                                           GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbCalendar, sb_calendar_unref)

G_END_DECLS

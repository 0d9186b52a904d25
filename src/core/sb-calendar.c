/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-calendar"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-calendar.h"
#include "sb-core-error.h"
#include "sb-time.h"
#include "sb-tz-private.h"

/*
 * How the arithmetic works
 *
 * Business hours are wall-clock times of the calendar's zone. For every
 * local date the weekday's intervals are turned into spans of UTC instants
 * ("the image of the day"), and the operations walk those spans day by day,
 * so their cost grows with the number of days, never with the minutes.
 *
 * A local wall time W becomes the earliest instant u whose wall clock has
 * reached W, that is min { u : u + offset (u) >= W }. This one rule settles
 * both daylight-saving changes:
 *  - a wall time that does not exist (spring forward, 02:30 in Madrid on the
 *    last Sunday of March) becomes the instant of the change, so an
 *    interval 01:00–04:00 that day lasts two real hours and 02:00–03:00 none;
 *  - a wall time that happens twice (autumn) is its first occurrence, so
 *    01:00–04:00 lasts four real hours and the repeated hour is counted once,
 *    for real.
 * The mapping never goes backwards, so the spans of one day never overlap
 * each other or those of the next day, and 00:00–24:00 covers exactly the
 * real length of the day (23, 24 or 25 hours).
 */

#define MS_PER_SECOND   G_GINT64_CONSTANT (1000)
#define MS_PER_MINUTE   G_GINT64_CONSTANT (60000)
#define MS_PER_DAY      G_GINT64_CONSTANT (86400000)
#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)
#define MINUTES_PER_DAY 1440

/* GDate's Julian day numbers: day 1 is Monday 0001-01-01. */
#define EPOCH_JULIAN G_GINT64_CONSTANT (719163)  /* 1970-01-01 */
#define MAX_JULIAN   G_GINT64_CONSTANT (3652059) /* 9999-12-31 */

/* No zone is further than this from UTC (the widest offsets in the tz
 * database are under 16 hours), so the instant of a wall time lies within
 * this many seconds of the wall time read as UTC. */
#define OFFSET_WINDOW G_GINT64_CONSTANT (172800)

/* The Gregorian calendar repeats its weekdays every 400 years. Once the dated
 * holidays are behind us, 400 years without a single opening prove that no
 * opening will ever come. */
#define DAYS_PER_400_YEARS G_GINT64_CONSTANT (146097)

struct _SbCalendar
{
  gatomicrefcount ref_count;

  char      *name;
  char      *tz_id;
  GTimeZone *tz;

  /* SbCalendarInterval, sorted and disjoint; index 0 is Monday. */
  GArray *days[7];

  /* SbCalendarHoliday, in the order they were added. */
  GArray *holidays;
};

G_DEFINE_BOXED_TYPE (SbCalendar,
                     sb_calendar,
                     sb_calendar_ref,
                     sb_calendar_unref)

static const char *const weekday_keys[7] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

typedef struct
{
  GArray  *intervals;
  gint64   midnight; /* local midnight, as seconds of wall time read as UTC */
  gboolean uniform;
  gint32   offset; /* the offset of the whole day when uniform */
} Day;

/* What one walk over the days has learnt about the zone: every local date
 * from @first to @last lies far from any offset change, with @offset.
 * GTimeZone looks intervals up in linear time, so a walk of years asks it
 * about a few dates per change instead of every date. Kept per walk, so
 * that a calendar stays read-only while it computes. */
typedef struct
{
  gint64 first;
  gint64 last;
  gint32 offset;
} ZoneCache;

/* Static helpers {{{1 */

static const char *
weekday_name (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:
      return _ ("Monday");
    case G_DATE_TUESDAY:
      return _ ("Tuesday");
    case G_DATE_WEDNESDAY:
      return _ ("Wednesday");
    case G_DATE_THURSDAY:
      return _ ("Thursday");
    case G_DATE_FRIDAY:
      return _ ("Friday");
    case G_DATE_SATURDAY:
      return _ ("Saturday");
    case G_DATE_SUNDAY:
      return _ ("Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:
      g_assert_not_reached ();
    }
}

static void
format_minute (char *buf, gsize size, guint minute)
{
  g_snprintf (buf, size, "%02u:%02u", minute / 60, minute % 60);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

static char *
format_julian (gint64 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) CLAMP (julian, 1, MAX_JULIAN));

  return format_date (&date);
}

static gboolean
date_in_range (const GDate *date)
{
  return date != NULL && g_date_valid (date) && g_date_get_year (date) >= 1 &&
         g_date_get_year (date) <= 9999;
}

static gboolean
yearly_date_valid (GDateMonth month, GDateDay day)
{
  /* A leap year, so that 29 February is a possible yearly holiday. */
  return g_date_valid_month (month) && day >= 1 &&
         day <= g_date_get_days_in_month (month, 2000);
}

static gboolean
instant_in_range (gint64 ms)
{
  return ms >= SB_TIME_MIN_MS && ms <= SB_TIME_MAX_MS;
}

static gboolean
check_instant (gint64 ms, GError **error)
{
  if (instant_in_range (ms))
    return TRUE;

  g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
               _ ("The instant %lld ms lies outside the years 1 to 9999"),
               (long long)ms);

  return FALSE;
}

static int
compare_intervals (gconstpointer a, gconstpointer b)
{
  const SbCalendarInterval *ia = a;
  const SbCalendarInterval *ib = b;

  if (ia->start_minute != ib->start_minute)
    return ia->start_minute < ib->start_minute ? -1 : 1;

  if (ia->end_minute != ib->end_minute)
    return ia->end_minute < ib->end_minute ? -1 : 1;

  return 0;
}

/* Returns a sorted copy of @intervals, or NULL with @error set when one is
 * inverted, empty, past 24:00 or overlaps another. */
static GArray *
check_intervals (GDateWeekday              weekday,
                 const SbCalendarInterval *intervals,
                 guint                     n_intervals,
                 GError                  **error)
{
  g_autoptr (GArray) sorted = NULL;
  char  a[8], b[8], c[8], d[8];
  guint i;

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (SbCalendarInterval),
                              n_intervals);
  if (n_intervals > 0)
    g_array_append_vals (sorted, intervals, n_intervals);
  g_array_sort (sorted, compare_intervals);

  for (i = 0; i < sorted->len; i++)
    {
      const SbCalendarInterval *iv = &g_array_index (sorted, SbCalendarInterval,
                                                     i);

      if (iv->end_minute > MINUTES_PER_DAY)
        {
          g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                       _ ("%s: an interval cannot end after 24:00"),
                       weekday_name (weekday));
          return NULL;
        }

      if (iv->start_minute >= iv->end_minute)
        {
          format_minute (a, sizeof a, iv->start_minute);
          format_minute (b, sizeof b, iv->end_minute);
          g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                       /* Translators: %s is a weekday, then two times of day */
                       _ ("%s: the interval %s–%s must end after it starts "
                          "(use 24:00 for midnight at the end of the day)"),
                       weekday_name (weekday), a, b);
          return NULL;
        }

      if (i > 0)
        {
          const SbCalendarInterval *prev =
            &g_array_index (sorted, SbCalendarInterval, i - 1);

          if (iv->start_minute < prev->end_minute)
            {
              format_minute (a, sizeof a, iv->start_minute);
              format_minute (b, sizeof b, iv->end_minute);
              format_minute (c, sizeof c, prev->start_minute);
              format_minute (d, sizeof d, prev->end_minute);
              g_set_error (
                error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                /* Translators: %s is a weekday, then four times of day */
                _ ("%s: the interval %s–%s overlaps %s–%s"),
                weekday_name (weekday), a, b, c, d);
              return NULL;
            }
        }
    }

  return g_steal_pointer (&sorted);
}

static gboolean
check_holiday (const SbCalendarHoliday *holiday, GError **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  switch (holiday->kind)
    {
    case SB_CALENDAR_HOLIDAY_DATE:
    case SB_CALENDAR_HOLIDAY_RANGE:
      if (!date_in_range (&holiday->first) || !date_in_range (&holiday->last))
        {
          g_set_error_literal (
            error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
            _ ("A holiday needs a valid date between the years 1 and 9999"));
          return FALSE;
        }
      if (g_date_compare (&holiday->first, &holiday->last) > 0)
        {
          first = format_date (&holiday->first);
          last = format_date (&holiday->last);
          g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                       /* Translators: two dates */
                       _ ("The holidays from %s to %s end before they start"),
                       first, last);
          return FALSE;
        }
      return TRUE;

    case SB_CALENDAR_HOLIDAY_YEARLY:
      if (!yearly_date_valid (holiday->month, holiday->day))
        {
          g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                       _ (
                         "A yearly holiday on month %u, day %u does not exist"),
                       (guint) holiday->month, (guint) holiday->day);
          return FALSE;
        }
      return TRUE;

    default:
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _ ("Unknown kind of holiday"));
      return FALSE;
    }
}

static gboolean
holiday_equal (const SbCalendarHoliday *a, const SbCalendarHoliday *b)
{
  if (a->kind != b->kind)
    return FALSE;

  if (a->kind == SB_CALENDAR_HOLIDAY_YEARLY)
    return a->month == b->month && a->day == b->day;

  return g_date_compare (&a->first, &b->first) == 0 &&
         g_date_compare (&a->last, &b->last) == 0;
}

static gboolean
is_holiday_julian (SbCalendar *self, gint64 julian)
{
  GDateMonth month = G_DATE_BAD_MONTH;
  GDateDay   day = G_DATE_BAD_DAY;
  guint      i;

  for (i = 0; i < self->holidays->len; i++)
    {
      const SbCalendarHoliday *h = &g_array_index (self->holidays,
                                                   SbCalendarHoliday, i);

      if (h->kind == SB_CALENDAR_HOLIDAY_YEARLY)
        {
          if (month == G_DATE_BAD_MONTH)
            {
              GDate date;

              g_date_clear (&date, 1);
              g_date_set_julian (&date, (guint32) julian);
              month = g_date_get_month (&date);
              day = g_date_get_day (&date);
            }

          if (h->month == month && h->day == day)
            return TRUE;
        }
      else if (julian >= g_date_get_julian (&h->first) &&
               julian <= g_date_get_julian (&h->last))
        {
          return TRUE;
        }
    }

  return FALSE;
}

/* The last local date covered by a dated (not yearly) holiday, or 0. */
static gint64
last_dated_holiday (SbCalendar *self)
{
  gint64 last = 0;
  guint  i;

  for (i = 0; i < self->holidays->len; i++)
    {
      const SbCalendarHoliday *h = &g_array_index (self->holidays,
                                                   SbCalendarHoliday, i);

      if (h->kind != SB_CALENDAR_HOLIDAY_YEARLY)
        last = MAX (last, (gint64) g_date_get_julian (&h->last));
    }

  return last;
}

static gboolean
has_any_interval (SbCalendar *self)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (self->days); i++)
    if (self->days[i]->len > 0)
      return TRUE;

  return FALSE;
}

/* The time-zone helpers below are shared with sb-sla.c (sb-tz-private.h). */

/* See sb-tz-private.h. */
gint
sb_tz_interval_at (GTimeZone *tz, gint64 utc_seconds)
{
  return g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc_seconds);
}

/* See sb-tz-private.h. */
gint64
sb_tz_find_transition (GTimeZone *tz, gint k, gint64 lo, gint64 hi)
{
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (sb_tz_interval_at (tz, mid) > k)
        hi = mid;
      else
        lo = mid;
    }

  return hi;
}

/* min { u : u + offset (u) >= wall }, in seconds; see the comment at the top.
 * The answer is either an exact occurrence of @wall in one zone interval, or
 * the transition that jumps over it. */
gint64
sb_tz_wall_to_utc (GTimeZone *tz, gint64 wall)
{
  gint   lo = sb_tz_interval_at (tz, wall - OFFSET_WINDOW);
  gint   hi = sb_tz_interval_at (tz, wall + OFFSET_WINDOW);
  gint64 best = G_MAXINT64;
  gint   k;

  for (k = lo; k <= hi; k++)
    {
      gint64 u = wall - g_time_zone_get_offset (tz, k);
      gint   at = sb_tz_interval_at (tz, u);

      if (at == k)
        {
          best = MIN (best, u);
        }
      else if (at > k && k < hi)
        {
          gint64 u_next = wall - g_time_zone_get_offset (tz, k + 1);

          /* @wall comes after interval k ends and before interval k + 1
           * starts, both read in their own offsets: it is skipped. */
          if (sb_tz_interval_at (tz, u_next) <= k && u_next < u)
            best = MIN (best, sb_tz_find_transition (tz, k, u_next, u));
        }
    }

  if (G_UNLIKELY (best == G_MAXINT64))
    best = wall - g_time_zone_get_offset (tz, sb_tz_interval_at (tz, wall));

  return best;
}

/* The local date of an instant, as a Julian day number. */
static gint64
local_julian (SbCalendar *self, gint64 ms)
{
  gint64 seconds = sb_tz_floor_div (ms, MS_PER_SECOND);
  gint64 wall = seconds +
                g_time_zone_get_offset (self->tz,
                                        sb_tz_interval_at (self->tz, seconds));

  return sb_tz_floor_div (wall, SECONDS_PER_DAY) + EPOCH_JULIAN;
}

/* The zone interval that holds the last instant which can belong to the
 * local date @julian. */
static gint
interval_after_day (GTimeZone *tz, gint64 julian)
{
  gint64 midnight = (julian - EPOCH_JULIAN) * SECONDS_PER_DAY;

  return sb_tz_interval_at (tz, midnight + SECONDS_PER_DAY + OFFSET_WINDOW);
}

/* The last local date from @julian on whose whole day lies in zone interval
 * @k, given that @julian's does: gallop ahead, then bisect. */
static gint64
last_uniform_day (GTimeZone *tz, gint64 julian, gint k)
{
  gint64 good = julian;
  gint64 bad = MAX_JULIAN + 1;
  gint64 step = 1;

  while (good + step <= MAX_JULIAN)
    {
      if (interval_after_day (tz, good + step) != k)
        {
          bad = good + step;
          break;
        }
      good += step;
      step *= 2;
    }

  while (bad - good > 1)
    {
      gint64 mid = good + (bad - good) / 2;

      if (interval_after_day (tz, mid) == k)
        good = mid;
      else
        bad = mid;
    }

  return good;
}

/* Prepares the local date @julian for day_span(); FALSE when nothing is
 * open that day (closed weekday, holiday, or outside the years we know). */
static gboolean
day_prepare (SbCalendar *self, gint64 julian, ZoneCache *cache, Day *day)
{
  GArray *intervals;
  gint    lo, hi;

  if (julian < 1 || julian > MAX_JULIAN)
    return FALSE;

  /* Julian day 1 is a Monday. */
  intervals = self->days[(julian - 1) % 7];
  if (intervals->len == 0)
    return FALSE;

  if (self->holidays->len > 0 && is_holiday_julian (self, julian))
    return FALSE;

  day->intervals = intervals;
  day->midnight = (julian - EPOCH_JULIAN) * SECONDS_PER_DAY;

  if (julian >= cache->first && julian <= cache->last)
    {
      day->uniform = TRUE;
      day->offset = cache->offset;
      return TRUE;
    }

  /* Most days no offset change lies anywhere near: one offset serves all
   * (the zone intervals are numbered in time order). */
  lo = sb_tz_interval_at (self->tz, day->midnight - OFFSET_WINDOW);
  hi = interval_after_day (self->tz, julian);
  day->uniform = (lo == hi);
  day->offset = g_time_zone_get_offset (self->tz, lo);

  if (day->uniform)
    {
      cache->first = julian;
      cache->last = last_uniform_day (self->tz, julian, lo);
      cache->offset = day->offset;
    }

  return TRUE;
}

/* The UTC span of interval @i of a prepared day, in milliseconds; it may be
 * empty (the interval lies wholly in a skipped hour). */
static void
day_span (SbCalendar *self,
          const Day  *day,
          guint       i,
          gint64     *start_ms,
          gint64     *end_ms)
{
  const SbCalendarInterval *iv = &g_array_index (day->intervals,
                                                 SbCalendarInterval, i);
  gint64 wall_start = day->midnight + (gint64) iv->start_minute * 60;
  gint64 wall_end = day->midnight + (gint64) iv->end_minute * 60;

  if (day->uniform)
    {
      *start_ms = (wall_start - day->offset) * MS_PER_SECOND;
      *end_ms = (wall_end - day->offset) * MS_PER_SECOND;
    }
  else
    {
      *start_ms = sb_tz_wall_to_utc (self->tz, wall_start) * MS_PER_SECOND;
      *end_ms = sb_tz_wall_to_utc (self->tz, wall_end) * MS_PER_SECOND;
    }
}

/* The instant after @start_ms at which @business_ms of business time have
 * passed; with 0, the first open instant at or after @start_ms. */
static gboolean
advance (SbCalendar *self,
         gint64      start_ms,
         gint64      business_ms,
         gint64     *out_ms,
         GError    **error)
{
  gint64    first_day;
  gint64    last_open_day;
  gint64    horizon;
  gint64    julian;
  gboolean  seen_open = FALSE;
  ZoneCache cache = { .first = 1, .last = 0 }; /* knows nothing yet */

  if (!has_any_interval (self))
    {
      g_set_error_literal (
        error, SB_CORE_ERROR, SB_CORE_ERROR_NO_OPEN_HOURS,
        _ ("The calendar has no business hours on any day of the week"));
      return FALSE;
    }

  first_day = local_julian (self, start_ms) - 1;

  /* Even a day of 24 hours plus the widest offset change cannot hold two
   * days of business time: refuse at once what could only end after 9999. */
  if (business_ms / (2 * MS_PER_DAY) > MAX_JULIAN - first_day + 1)
    goto overflow;

  last_open_day = first_day;
  horizon = MAX (first_day, last_dated_holiday (self));

  for (julian = first_day; julian <= MAX_JULIAN; julian++)
    {
      Day   day;
      guint i;

      if (julian > horizon && julian - last_open_day > DAYS_PER_400_YEARS)
        goto never_opens;

      if (!day_prepare (self, julian, &cache, &day))
        continue;

      for (i = 0; i < day.intervals->len; i++)
        {
          gint64 span_start, span_end;

          day_span (self, &day, i, &span_start, &span_end);
          if (span_end <= span_start)
            continue;

          if (span_end <= start_ms)
            continue;

          last_open_day = julian;
          seen_open = TRUE;

          span_start = MAX (span_start, start_ms);
          if (business_ms <= span_end - span_start)
            {
              if (span_start + business_ms > SB_TIME_MAX_MS)
                goto overflow;

              *out_ms = span_start + business_ms;
              return TRUE;
            }

          business_ms -= span_end - span_start;
        }
    }

  if (seen_open)
    goto overflow;

never_opens:
  {
    g_autofree char *from = format_julian (first_day + 1);

    g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_NO_OPEN_HOURS,
                 /* Translators: %s is a date */
                 _ ("The calendar never opens after %s: every day with "
                    "business hours is a holiday"),
                 from);
    return FALSE;
  }

overflow:
  g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_OVERFLOW,
                       _ ("The business time runs past the year 9999"));
  return FALSE;
}

static SbCalendar *
calendar_alloc (void)
{
  SbCalendar *self = g_new0 (SbCalendar, 1);
  guint       i;

  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup ("");
  for (i = 0; i < G_N_ELEMENTS (self->days); i++)
    self->days[i] = g_array_new (FALSE, FALSE, sizeof (SbCalendarInterval));
  self->holidays = g_array_new (FALSE, FALSE, sizeof (SbCalendarHoliday));

  return self;
}

static void
calendar_free (SbCalendar *self)
{
  guint i;

  g_free (self->name);
  g_free (self->tz_id);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  for (i = 0; i < G_N_ELEMENTS (self->days); i++)
    g_array_unref (self->days[i]);
  g_array_unref (self->holidays);
  g_free (self);
}

static void
add_holiday (SbCalendar *self, const SbCalendarHoliday *holiday)
{
  SbCalendarHoliday *added;

  g_array_append_vals (self->holidays, holiday, 1);
  added = &g_array_index (self->holidays, SbCalendarHoliday,
                          self->holidays->len - 1);

  /* GDate works out its Julian and day-month-year forms lazily, writing
   * into the struct even through a const pointer. Work both out now, so
   * that the arithmetic only ever reads a shared calendar. */
  if (added->kind != SB_CALENDAR_HOLIDAY_YEARLY)
    {
      (void) g_date_get_julian (&added->first);
      (void) g_date_get_julian (&added->last);
      (void) g_date_get_year (&added->first);
      (void) g_date_get_year (&added->last);
    }
}

/* Text form parsing {{{1 */

static gboolean
parse_digits (const char *p, guint n, guint *out)
{
  guint value = 0;
  guint i;

  for (i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (guint) (p[i] - '0');
    }

  *out = value;
  return TRUE;
}

/* "HH:MM", 00:00 to 24:00. */
static gboolean
parse_time (const char *p, guint *out_minute)
{
  guint hour, minute;

  if (!parse_digits (p, 2, &hour) || p[2] != ':' ||
      !parse_digits (p + 3, 2, &minute))
    return FALSE;

  if (minute > 59 || hour > 24 || (hour == 24 && minute != 0))
    return FALSE;

  *out_minute = hour * 60 + minute;
  return TRUE;
}

/* "HH:MM-HH:MM" */
static gboolean
parse_interval (const char *text, SbCalendarInterval *out)
{
  if (strlen (text) != 11 || text[5] != '-')
    return FALSE;

  return parse_time (text, &out->start_minute) &&
         parse_time (text + 6, &out->end_minute);
}

/* "YYYY-MM-DD", exactly @len bytes. */
static gboolean
parse_date_text (const char *text, gsize len, GDate *out)
{
  guint year, month, day;

  if (len != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  if (!parse_digits (text, 4, &year) || !parse_digits (text + 5, 2, &month) ||
      !parse_digits (text + 8, 2, &day))
    return FALSE;

  if (year < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static gboolean
parse_holiday (const char *text, SbCalendarHoliday *out)
{
  const char *dots;

  memset (out, 0, sizeof *out);
  g_date_clear (&out->first, 1);
  g_date_clear (&out->last, 1);

  if (text[0] == '*')
    {
      guint month, day;

      if (strlen (text) != 7 || text[1] != '-' || text[4] != '-' ||
          !parse_digits (text + 2, 2, &month) ||
          !parse_digits (text + 5, 2, &day))
        return FALSE;

      out->kind = SB_CALENDAR_HOLIDAY_YEARLY;
      out->month = (GDateMonth) month;
      out->day = (GDateDay) day;
      return yearly_date_valid (out->month, out->day);
    }

  dots = strstr (text, "..");
  if (dots != NULL)
    {
      if (!parse_date_text (text, (gsize) (dots - text), &out->first) ||
          !parse_date_text (dots + 2, strlen (dots + 2), &out->last))
        return FALSE;

      /* As sb_calendar_add_holiday_range() does it. */
      out->kind = g_date_compare (&out->first, &out->last) == 0
                    ? SB_CALENDAR_HOLIDAY_DATE
                    : SB_CALENDAR_HOLIDAY_RANGE;
      return TRUE;
    }

  out->kind = SB_CALENDAR_HOLIDAY_DATE;
  if (!parse_date_text (text, strlen (text), &out->first))
    return FALSE;
  out->last = out->first;
  return TRUE;
}

static int
weekday_key_index (const char *key)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (weekday_keys); i++)
    if (g_str_equal (key, weekday_keys[i]))
      return (int) i;

  return -1;
}

/* Public API {{{1 */

/**
 * sb_calendar_new:
 * @tz_identifier: an IANA time zone name such as `Europe/Madrid`, or `UTC`
 * @error: return location for an error
 *
 * Creates a calendar in the given time zone with no business hours and no
 * holidays; add intervals with sb_calendar_set_intervals() or
 * sb_calendar_add_interval().
 *
 * Returns: (transfer full) (nullable): a new calendar, or %NULL with
 *   %SB_CORE_ERROR_INVALID when the time zone is unknown
 */
SbCalendar *
sb_calendar_new (const char *tz_identifier, GError **error)
{
  g_autoptr (SbCalendar) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = calendar_alloc ();
  if (!sb_calendar_set_time_zone (self, tz_identifier, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sb_calendar_new_24x7:
 *
 * Creates the default calendar: UTC, open all day every day, no holidays.
 *
 * Returns: (transfer full): a new calendar
 */
SbCalendar *
sb_calendar_new_24x7 (void)
{
  SbCalendar *self = calendar_alloc ();
  guint       i;

  self->tz_id = g_strdup ("UTC");
  self->tz = g_time_zone_new_utc ();
  g_free (self->name);
  self->name = g_strdup (_ ("24×7"));

  for (i = 0; i < G_N_ELEMENTS (self->days); i++)
    {
      SbCalendarInterval all_day = { 0, MINUTES_PER_DAY };

      g_array_append_val (self->days[i], all_day);
    }

  return self;
}

/**
 * sb_calendar_new_office_hours:
 * @tz_identifier: (nullable): an IANA time zone name; %NULL means UTC
 *
 * Creates a calendar open Monday to Friday from 09:00 to 17:00 local time in
 * the given zone, without holidays.
 *
 * Returns: (transfer full) (nullable): a new calendar, or %NULL when the time
 *   zone is unknown (use sb_calendar_new() to learn why)
 */
SbCalendar *
sb_calendar_new_office_hours (const char *tz_identifier)
{
  g_autoptr (SbCalendar) self = NULL;
  GDateWeekday weekday;

  self = sb_calendar_new (tz_identifier != NULL ? tz_identifier : "UTC", NULL);
  if (self == NULL)
    return NULL;

  sb_calendar_set_name (self, _ ("Office hours"));
  for (weekday = G_DATE_MONDAY; weekday <= G_DATE_FRIDAY; weekday++)
    {
      SbCalendarInterval nine_to_five = { 9 * 60, 17 * 60 };

      g_array_append_val (self->days[weekday - 1], nine_to_five);
    }

  return g_steal_pointer (&self);
}

/**
 * sb_calendar_ref:
 * @self: a calendar
 *
 * Adds a reference.
 *
 * Returns: (transfer full): @self
 */
SbCalendar *
sb_calendar_ref (SbCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * sb_calendar_unref:
 * @self: (transfer full): a calendar
 *
 * Drops a reference; the last one frees the calendar.
 */
void
sb_calendar_unref (SbCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    calendar_free (self);
}

/**
 * sb_calendar_copy:
 * @self: a calendar
 *
 * Makes an independent copy, to change without touching @self.
 *
 * Returns: (transfer full): a new calendar equal to @self
 */
SbCalendar *
sb_calendar_copy (SbCalendar *self)
{
  SbCalendar *copy;
  guint       i;

  g_return_val_if_fail (self != NULL, NULL);

  copy = calendar_alloc ();
  g_free (copy->name);
  copy->name = g_strdup (self->name);
  copy->tz_id = g_strdup (self->tz_id);
  copy->tz = g_time_zone_ref (self->tz);

  for (i = 0; i < G_N_ELEMENTS (self->days); i++)
    if (self->days[i]->len > 0)
      g_array_append_vals (copy->days[i], self->days[i]->data,
                           self->days[i]->len);

  if (self->holidays->len > 0)
    g_array_append_vals (copy->holidays, self->holidays->data,
                         self->holidays->len);

  return copy;
}

/**
 * sb_calendar_equal:
 * @a: a calendar
 * @b: another calendar
 *
 * Compares name, time zone, intervals and holidays (in their order).
 *
 * Returns: %TRUE if @a and @b are the same calendar
 */
gboolean
sb_calendar_equal (SbCalendar *a, SbCalendar *b)
{
  guint i, j;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (g_strcmp0 (a->name, b->name) != 0 || g_strcmp0 (a->tz_id, b->tz_id) != 0)
    return FALSE;

  for (i = 0; i < G_N_ELEMENTS (a->days); i++)
    {
      if (a->days[i]->len != b->days[i]->len)
        return FALSE;

      for (j = 0; j < a->days[i]->len; j++)
        if (compare_intervals (
              &g_array_index (a->days[i], SbCalendarInterval, j),
              &g_array_index (b->days[i], SbCalendarInterval, j)) != 0)
          return FALSE;
    }

  if (a->holidays->len != b->holidays->len)
    return FALSE;

  for (i = 0; i < a->holidays->len; i++)
    if (!holiday_equal (&g_array_index (a->holidays, SbCalendarHoliday, i),
                        &g_array_index (b->holidays, SbCalendarHoliday, i)))
      return FALSE;

  return TRUE;
}

/**
 * sb_calendar_get_name:
 * @self: a calendar
 *
 * Returns: (transfer none): the calendar's name, never %NULL (maybe empty)
 */
const char *
sb_calendar_get_name (SbCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * sb_calendar_set_name:
 * @self: a calendar
 * @name: (nullable): the new name, valid UTF-8; %NULL means empty
 *
 * Names the calendar.
 */
void
sb_calendar_set_name (SbCalendar *self, const char *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name == NULL || g_utf8_validate (name, -1, NULL));

  if (g_strcmp0 (self->name, name != NULL ? name : "") == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name != NULL ? name : "");
}

/**
 * sb_calendar_get_time_zone_id:
 * @self: a calendar
 *
 * Returns: (transfer none): the time zone identifier as it was given, for
 *   example `Europe/Madrid`
 */
const char *
sb_calendar_get_time_zone_id (SbCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tz_id;
}

/**
 * sb_calendar_get_time_zone:
 * @self: a calendar
 *
 * Returns: (transfer none): the calendar's time zone
 */
GTimeZone *
sb_calendar_get_time_zone (SbCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tz;
}

/**
 * sb_calendar_set_time_zone:
 * @self: a calendar
 * @tz_identifier: an IANA time zone name such as `America/New_York`, or `UTC`
 * @error: return location for an error
 *
 * Changes the zone in which the business hours and holidays are read. The
 * calendar is unchanged when the zone is unknown.
 *
 * Returns: %TRUE on success; %FALSE with %SB_CORE_ERROR_INVALID when the
 *   time zone database does not know @tz_identifier
 */
gboolean
sb_calendar_set_time_zone (SbCalendar *self,
                           const char *tz_identifier,
                           GError    **error)
{
  GTimeZone *tz = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A ';' would break the text form; no zone name has one. */
  if (tz_identifier != NULL && *tz_identifier != '\0' &&
      strchr (tz_identifier, ';') == NULL &&
      g_utf8_validate (tz_identifier, -1, NULL))
    tz = g_time_zone_new_identifier (tz_identifier);

  if (tz == NULL)
    {
      g_autofree char *quoted = sb_core_error_quote_input (tz_identifier);

      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   /* Translators: %s is what was given as a time zone name */
                   _ ("Unknown time zone “%s”: use a name from the time zone "
                      "database such as Europe/Madrid"),
                   quoted);
      return FALSE;
    }

  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = tz;
  g_free (self->tz_id);
  self->tz_id = g_strdup (tz_identifier);

  return TRUE;
}

/**
 * sb_calendar_get_intervals:
 * @self: a calendar
 * @weekday: a day of the week
 * @n_intervals: (out): return location for the number of intervals
 *
 * The business hours of a weekday, sorted by start, never overlapping.
 *
 * Returns: (transfer none) (array length=n_intervals) (nullable): the
 *   intervals, valid until the calendar changes; %NULL when closed
 */
const SbCalendarInterval *
sb_calendar_get_intervals (SbCalendar  *self,
                           GDateWeekday weekday,
                           guint       *n_intervals)
{
  GArray *intervals;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (g_date_valid_weekday (weekday), NULL);
  g_return_val_if_fail (n_intervals != NULL, NULL);

  intervals = self->days[weekday - 1];
  *n_intervals = intervals->len;

  return intervals->len > 0 ? (const SbCalendarInterval *) intervals->data
                            : NULL;
}

/**
 * sb_calendar_set_intervals:
 * @self: a calendar
 * @weekday: a day of the week
 * @intervals: (array length=n_intervals) (nullable): the business hours of
 *   that day, in any order
 * @n_intervals: how many; 0 closes the day
 * @error: return location for an error
 *
 * Replaces the business hours of a weekday. Each interval must end after it
 * starts and no later than 24:00 (1440); intervals may touch but must not
 * overlap. On error the calendar is unchanged.
 *
 * Returns: %TRUE on success; %FALSE with %SB_CORE_ERROR_INVALID
 */
gboolean
sb_calendar_set_intervals (SbCalendar               *self,
                           GDateWeekday              weekday,
                           const SbCalendarInterval *intervals,
                           guint                     n_intervals,
                           GError                  **error)
{
  GArray *sorted;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (g_date_valid_weekday (weekday), FALSE);
  g_return_val_if_fail (intervals != NULL || n_intervals == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sorted = check_intervals (weekday, intervals, n_intervals, error);
  if (sorted == NULL)
    return FALSE;

  g_array_unref (self->days[weekday - 1]);
  self->days[weekday - 1] = sorted;

  return TRUE;
}

/**
 * sb_calendar_add_interval:
 * @self: a calendar
 * @weekday: a day of the week
 * @start_minute: opening, minutes after local midnight
 * @end_minute: closing, minutes after local midnight, up to 1440 (24:00)
 * @error: return location for an error
 *
 * Adds one interval of business hours to a weekday, with the checks of
 * sb_calendar_set_intervals().
 *
 * Returns: %TRUE on success; %FALSE with %SB_CORE_ERROR_INVALID
 */
gboolean
sb_calendar_add_interval (SbCalendar  *self,
                          GDateWeekday weekday,
                          guint        start_minute,
                          guint        end_minute,
                          GError     **error)
{
  g_autoptr (GArray) all = NULL;
  SbCalendarInterval iv = { start_minute, end_minute };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (g_date_valid_weekday (weekday), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  all = g_array_copy (self->days[weekday - 1]);
  g_array_append_val (all, iv);

  return sb_calendar_set_intervals (self, weekday,
                                    (const SbCalendarInterval *) all->data,
                                    all->len, error);
}

/**
 * sb_calendar_clear_intervals:
 * @self: a calendar
 * @weekday: a day of the week
 *
 * Closes a weekday.
 */
void
sb_calendar_clear_intervals (SbCalendar *self, GDateWeekday weekday)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid_weekday (weekday));

  g_array_set_size (self->days[weekday - 1], 0);
}

/**
 * sb_calendar_get_holidays:
 * @self: a calendar
 * @n_holidays: (out): return location for the number of holidays
 *
 * Returns: (transfer none) (array length=n_holidays) (nullable): the
 *   holidays in the order they were added, valid until the calendar changes
 */
const SbCalendarHoliday *
sb_calendar_get_holidays (SbCalendar *self, guint *n_holidays)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_holidays != NULL, NULL);

  *n_holidays = self->holidays->len;

  return self->holidays->len > 0
           ? (const SbCalendarHoliday *) self->holidays->data
           : NULL;
}

/**
 * sb_calendar_add_holiday_date:
 * @self: a calendar
 * @date: a local date, years 1 to 9999
 * @error: return location for an error
 *
 * Adds a one-day holiday.
 *
 * Returns: %TRUE on success; %FALSE with %SB_CORE_ERROR_INVALID
 */
gboolean
sb_calendar_add_holiday_date (SbCalendar  *self,
                              const GDate *date,
                              GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return sb_calendar_add_holiday_range (self, date, date, error);
}

/**
 * sb_calendar_add_holiday_range:
 * @self: a calendar
 * @first: the first local date of the holidays
 * @last: the last one, included; not before @first
 * @error: return location for an error
 *
 * Adds holidays on every date from @first to @last. When both are the same
 * date this is a single-date holiday.
 *
 * Returns: %TRUE on success; %FALSE with %SB_CORE_ERROR_INVALID
 */
gboolean
sb_calendar_add_holiday_range (SbCalendar  *self,
                               const GDate *first,
                               const GDate *last,
                               GError     **error)
{
  SbCalendarHoliday holiday = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (first != NULL, FALSE);
  g_return_val_if_fail (last != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!date_in_range (first) || !date_in_range (last))
    {
      g_set_error_literal (
        error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
        _ ("A holiday needs a valid date between the years 1 and 9999"));
      return FALSE;
    }

  holiday.first = *first;
  holiday.last = *last;
  holiday.kind = g_date_compare (first, last) == 0 ? SB_CALENDAR_HOLIDAY_DATE
                                                   : SB_CALENDAR_HOLIDAY_RANGE;
  holiday.month = G_DATE_BAD_MONTH;
  holiday.day = G_DATE_BAD_DAY;

  if (!check_holiday (&holiday, error))
    return FALSE;

  add_holiday (self, &holiday);
  return TRUE;
}

/**
 * sb_calendar_add_holiday_yearly:
 * @self: a calendar
 * @month: the month
 * @day: the day of the month; 29 February holds only in leap years
 * @error: return location for an error
 *
 * Adds a holiday that recurs on the same date every year.
 *
 * Returns: %TRUE on success; %FALSE with %SB_CORE_ERROR_INVALID
 */
gboolean
sb_calendar_add_holiday_yearly (SbCalendar *self,
                                GDateMonth  month,
                                GDateDay    day,
                                GError    **error)
{
  SbCalendarHoliday holiday = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  holiday.kind = SB_CALENDAR_HOLIDAY_YEARLY;
  g_date_clear (&holiday.first, 1);
  g_date_clear (&holiday.last, 1);
  holiday.month = month;
  holiday.day = day;

  if (!check_holiday (&holiday, error))
    return FALSE;

  add_holiday (self, &holiday);
  return TRUE;
}

/**
 * sb_calendar_remove_holiday:
 * @self: a calendar
 * @index: the position, as in sb_calendar_get_holidays()
 *
 * Removes one holiday.
 */
void
sb_calendar_remove_holiday (SbCalendar *self, guint index)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->holidays->len);

  g_array_remove_index (self->holidays, index);
}

/**
 * sb_calendar_clear_holidays:
 * @self: a calendar
 *
 * Removes all holidays.
 */
void
sb_calendar_clear_holidays (SbCalendar *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->holidays, 0);
}

/**
 * sb_calendar_is_holiday:
 * @self: a calendar
 * @date: a local date
 *
 * Returns: %TRUE if one of the holidays falls on @date
 */
gboolean
sb_calendar_is_holiday (SbCalendar *self, const GDate *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return is_holiday_julian (self, g_date_get_julian (date));
}

/**
 * sb_calendar_validate:
 * @self: a calendar
 * @error: return location for an error
 *
 * Checks that the calendar can serve an SLA clock: every interval and
 * holiday is well formed, and at least one weekday has business hours.
 *
 * A calendar whose every open day is a holiday passes; the arithmetic
 * reports it with %SB_CORE_ERROR_NO_OPEN_HOURS when it meets it.
 *
 * Returns: %TRUE when usable; %FALSE with %SB_CORE_ERROR_INVALID or
 *   %SB_CORE_ERROR_NO_OPEN_HOURS
 */
gboolean
sb_calendar_validate (SbCalendar *self, GError **error)
{
  guint i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (i = 0; i < G_N_ELEMENTS (self->days); i++)
    {
      g_autoptr (GArray) checked = NULL;

      checked =
        check_intervals ((GDateWeekday) (i + 1),
                         (const SbCalendarInterval *) self->days[i]->data,
                         self->days[i]->len, error);
      if (checked == NULL)
        return FALSE;
    }

  for (i = 0; i < self->holidays->len; i++)
    if (!check_holiday (&g_array_index (self->holidays, SbCalendarHoliday, i),
                        error))
      return FALSE;

  if (!has_any_interval (self))
    {
      g_set_error_literal (
        error, SB_CORE_ERROR, SB_CORE_ERROR_NO_OPEN_HOURS,
        _ ("The calendar has no business hours on any day of the week"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_calendar_is_open:
 * @self: a calendar
 * @ms: an instant, Unix milliseconds UTC
 *
 * Whether @ms lies within business hours. Intervals are half open: at the
 * opening minute the calendar is open, at the closing minute it is not.
 *
 * Returns: %TRUE if open at @ms; %FALSE otherwise and for instants outside
 *   the years 1 to 9999
 */
gboolean
sb_calendar_is_open (SbCalendar *self, gint64 ms)
{
  ZoneCache cache = { .first = 1, .last = 0 }; /* knows nothing yet */
  gint64    julian, center;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!instant_in_range (ms))
    return FALSE;

  center = local_julian (self, ms);
  for (julian = center - 1; julian <= center + 1; julian++)
    {
      Day   day;
      guint i;

      if (!day_prepare (self, julian, &cache, &day))
        continue;

      for (i = 0; i < day.intervals->len; i++)
        {
          gint64 span_start, span_end;

          day_span (self, &day, i, &span_start, &span_end);
          if (ms >= span_start && ms < span_end)
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * sb_calendar_next_opening:
 * @self: a calendar
 * @ms: an instant, Unix milliseconds UTC
 * @out_ms: (out): return location for the opening instant
 * @error: return location for an error
 *
 * The first instant at or after @ms at which the calendar is open: @ms
 * itself when open, otherwise the next opening.
 *
 * Returns: %TRUE on success; %FALSE with %SB_CORE_ERROR_NO_OPEN_HOURS when
 *   the calendar never opens again, %SB_CORE_ERROR_INVALID for an instant
 *   outside the years 1 to 9999, %SB_CORE_ERROR_OVERFLOW when the opening
 *   would come after 9999
 */
gboolean
sb_calendar_next_opening (SbCalendar *self,
                          gint64      ms,
                          gint64     *out_ms,
                          GError    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_ms != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_instant (ms, error))
    return FALSE;

  return advance (self, ms, 0, out_ms, error);
}

/**
 * sb_calendar_business_minutes_between:
 * @self: a calendar
 * @start_ms: the first instant, Unix milliseconds UTC
 * @end_ms: the second instant
 * @out_minutes: (out): return location for the business minutes
 * @error: return location for an error
 *
 * The business time between two instants, in whole minutes. The business
 * time is counted to the millisecond and rounded down to whole minutes once,
 * at the end: 90 business seconds are 1 minute, and business time split
 * over several intervals is never rounded per interval. 0 when @end_ms is
 * not after @start_ms.
 *
 * The cost grows with the number of days between the instants, not with the
 * minutes.
 *
 * Returns: %TRUE on success; %FALSE with %SB_CORE_ERROR_INVALID for an
 *   instant outside the years 1 to 9999
 */
gboolean
sb_calendar_business_minutes_between (SbCalendar *self,
                                      gint64      start_ms,
                                      gint64      end_ms,
                                      gint64     *out_minutes,
                                      GError    **error)
{
  ZoneCache cache = { .first = 1, .last = 0 }; /* knows nothing yet */
  gint64    total_ms = 0;
  gint64    julian, last_day;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_minutes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_instant (start_ms, error) || !check_instant (end_ms, error))
    return FALSE;

  if (end_ms <= start_ms)
    {
      *out_minutes = 0;
      return TRUE;
    }

  last_day = local_julian (self, end_ms) + 1;
  for (julian = local_julian (self, start_ms) - 1; julian <= last_day; julian++)
    {
      Day   day;
      guint i;

      if (!day_prepare (self, julian, &cache, &day))
        continue;

      for (i = 0; i < day.intervals->len; i++)
        {
          gint64 span_start, span_end;

          day_span (self, &day, i, &span_start, &span_end);
          span_start = MAX (span_start, start_ms);
          span_end = MIN (span_end, end_ms);
          if (span_end > span_start)
            total_ms += span_end - span_start;
        }
    }

  *out_minutes = total_ms / MS_PER_MINUTE;
  return TRUE;
}

/**
 * sb_calendar_add_business_minutes:
 * @self: a calendar
 * @start_ms: the start instant, Unix milliseconds UTC
 * @minutes: business minutes to add, 0 or more
 * @out_ms: (out): return location for the instant
 * @error: return location for an error
 *
 * The instant at which @minutes of business time have passed since
 * @start_ms. A start outside business hours counts from the next opening.
 * With @minutes 0 the result is @start_ms when the calendar is open then,
 * otherwise the next opening (as sb_calendar_next_opening()). When the
 * business time runs out exactly at a closing, the result is that closing
 * instant (a 480-minute target from 09:00 in a 09:00–17:00 calendar is due
 * at 17:00 the same day, not at 09:00 the next).
 *
 * For every result, sb_calendar_business_minutes_between() from @start_ms
 * to it gives @minutes back. The cost grows with the number of days
 * spanned, not with the minutes.
 *
 * Returns: %TRUE on success; %FALSE with %SB_CORE_ERROR_NO_OPEN_HOURS when
 *   the calendar has no business hours at all or none left (every open day
 *   a holiday); %SB_CORE_ERROR_INVALID for a negative @minutes or an
 *   instant outside the years 1 to 9999; %SB_CORE_ERROR_OVERFLOW when the
 *   result would come after 9999
 */
gboolean
sb_calendar_add_business_minutes (SbCalendar *self,
                                  gint64      start_ms,
                                  gint64      minutes,
                                  gint64     *out_ms,
                                  GError    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_ms != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_instant (start_ms, error))
    return FALSE;

  if (minutes < 0)
    {
      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   _ ("Cannot add a negative business time (%lld minutes)"),
                   (long long)minutes);
      return FALSE;
    }

  if (minutes > G_MAXINT64 / MS_PER_MINUTE)
    {
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_OVERFLOW,
                           _ ("The business time runs past the year 9999"));
      return FALSE;
    }

  return advance (self, start_ms, minutes * MS_PER_MINUTE, out_ms, error);
}

/* Text form {{{1 */

/**
 * sb_calendar_to_string:
 * @self: a calendar
 *
 * Writes the calendar in its compact text form, for storage. Fields are
 * `key=value`, separated by `;`, in this order:
 *
 * - `name=` the name, percent-encoded (RFC 3986: everything but letters,
 *   digits, `-._~` and non-ASCII UTF-8 is written `%XX`); left out when
 *   empty;
 * - `tz=` the time zone identifier; always present;
 * - `mon=` … `sun=` the intervals of that weekday as `HH:MM-HH:MM` joined by
 *   `,`, from 00:00 to 24:00; closed days are left out;
 * - `hol=` the holidays joined by `,`: `YYYY-MM-DD` for a date,
 *   `YYYY-MM-DD..YYYY-MM-DD` for a range (both ends included), `*-MM-DD`
 *   for a yearly holiday; left out when there are none.
 *
 * For example
 * `name=Support;tz=Europe/Madrid;mon=08:00-13:00,14:00-17:30;fri=08:00-14:00;hol=2026-12-24..2026-12-31,*-01-01`.
 * sb_calendar_new_from_string() reads it back into an equal calendar.
 *
 * Returns: (transfer full): the text; free with g_free()
 */
char *
sb_calendar_to_string (SbCalendar *self)
{
  GString *out;
  guint    i, j;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);

  if (self->name[0] != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (self->name, NULL, TRUE);

      g_string_append_printf (out, "name=%s;", escaped);
    }

  g_string_append_printf (out, "tz=%s", self->tz_id);

  for (i = 0; i < G_N_ELEMENTS (self->days); i++)
    {
      if (self->days[i]->len == 0)
        continue;

      g_string_append_printf (out, ";%s=", weekday_keys[i]);
      for (j = 0; j < self->days[i]->len; j++)
        {
          const SbCalendarInterval *iv = &g_array_index (self->days[i],
                                                         SbCalendarInterval, j);

          g_string_append_printf (out, "%s%02u:%02u-%02u:%02u",
                                  j > 0 ? "," : "", iv->start_minute / 60,
                                  iv->start_minute % 60, iv->end_minute / 60,
                                  iv->end_minute % 60);
        }
    }

  for (i = 0; i < self->holidays->len; i++)
    {
      const SbCalendarHoliday *h = &g_array_index (self->holidays,
                                                   SbCalendarHoliday, i);
      g_autofree char         *first = NULL;
      g_autofree char         *last = NULL;

      g_string_append (out, i == 0 ? ";hol=" : ",");
      switch (h->kind)
        {
        case SB_CALENDAR_HOLIDAY_YEARLY:
          g_string_append_printf (out, "*-%02u-%02u", (guint) h->month,
                                  (guint) h->day);
          break;

        case SB_CALENDAR_HOLIDAY_RANGE:
          first = format_date (&h->first);
          last = format_date (&h->last);
          g_string_append_printf (out, "%s..%s", first, last);
          break;

        case SB_CALENDAR_HOLIDAY_DATE:
        default:
          first = format_date (&h->first);
          g_string_append (out, first);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * sb_calendar_new_from_string:
 * @text: a calendar in the text form of sb_calendar_to_string()
 * @error: return location for an error
 *
 * Reads a calendar back from its text form. Fields may come in any order;
 * `tz=` is required, each key may appear once, a weekday may be given empty
 * (`sat=`) to say it is closed. Anything else — an unknown key, a time like
 * `8:00` or `24:30`, an overlapping or inverted interval, an impossible
 * date, a bad percent escape — is refused.
 *
 * The result may still have no business hours at all; use
 * sb_calendar_validate() to require some.
 *
 * Returns: (transfer full) (nullable): the calendar, or %NULL with
 *   %SB_CORE_ERROR_INVALID saying what is wrong
 */
SbCalendar *
sb_calendar_new_from_string (const char *text, GError **error)
{
  g_autoptr (SbCalendar) self = NULL;
  g_auto (GStrv) fields = NULL;
  const char *tz_value = NULL;
  const char *name_value = NULL;
  const char *hol_value = NULL;
  const char *day_values[7] = { NULL };
  guint       i;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL) || *text == '\0')
    {
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _ ("The calendar text is empty or not valid UTF-8"));
      return NULL;
    }

  fields = g_strsplit (text, ";", -1);
  for (i = 0; fields[i] != NULL; i++)
    {
      char        *field = fields[i];
      char        *eq = strchr (field, '=');
      const char **slot = NULL;
      int          weekday_index;

      if (eq == NULL || eq == field)
        {
          g_autofree char *quoted = sb_core_error_quote_input (field);

          g_set_error (
            error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
            _ ("Calendar text: “%s” is not a field like tz=Europe/Madrid"),
            quoted);
          return NULL;
        }

      *eq = '\0';
      weekday_index = weekday_key_index (field);

      if (g_str_equal (field, "tz"))
        slot = &tz_value;
      else if (g_str_equal (field, "name"))
        slot = &name_value;
      else if (g_str_equal (field, "hol"))
        slot = &hol_value;
      else if (weekday_index >= 0)
        slot = &day_values[weekday_index];

      if (slot == NULL)
        {
          g_autofree char *quoted = sb_core_error_quote_input (field);

          g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                       _ ("Calendar text: unknown field “%s” (known: name, tz, "
                          "mon … sun, hol)"),
                       quoted);
          return NULL;
        }

      if (*slot != NULL)
        {
          g_autofree char *quoted = sb_core_error_quote_input (field);

          g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                       _ ("Calendar text: the field “%s” appears twice"),
                       quoted);
          return NULL;
        }

      *slot = eq + 1;
    }

  if (tz_value == NULL)
    {
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _ (
                             "Calendar text: the time zone is missing (tz=…)"));
      return NULL;
    }

  self = sb_calendar_new (tz_value, error);
  if (self == NULL)
    return NULL;

  if (name_value != NULL)
    {
      g_autofree char *name = g_uri_unescape_string (name_value, NULL);

      if (name == NULL || !g_utf8_validate (name, -1, NULL))
        {
          g_autofree char *quoted = sb_core_error_quote_input (name_value);

          g_set_error (
            error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
            _ ("Calendar text: the name “%s” is not correctly percent-encoded"),
            quoted);
          return NULL;
        }

      sb_calendar_set_name (self, name);
    }

  for (i = 0; i < G_N_ELEMENTS (day_values); i++)
    {
      g_auto (GStrv) items = NULL;
      g_autoptr (GArray) intervals = NULL;
      guint j;

      if (day_values[i] == NULL || day_values[i][0] == '\0')
        continue;

      items = g_strsplit (day_values[i], ",", -1);
      intervals = g_array_new (FALSE, FALSE, sizeof (SbCalendarInterval));
      for (j = 0; items[j] != NULL; j++)
        {
          SbCalendarInterval iv;

          if (!parse_interval (items[j], &iv))
            {
              g_autofree char *quoted = sb_core_error_quote_input (items[j]);

              g_set_error (
                error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                /* Translators: %s is a weekday, then the text given */
                _ ("Calendar text, %s: “%s” is not a time range like "
                   "08:00-13:00 (00:00 to 24:00)"),
                weekday_name ((GDateWeekday) (i + 1)), quoted);
              return NULL;
            }

          g_array_append_val (intervals, iv);
        }

      if (!sb_calendar_set_intervals (
            self, (GDateWeekday) (i + 1),
            (const SbCalendarInterval *) intervals->data, intervals->len,
            error))
        return NULL;
    }

  if (hol_value != NULL && hol_value[0] != '\0')
    {
      g_auto (GStrv) items = g_strsplit (hol_value, ",", -1);

      for (i = 0; items[i] != NULL; i++)
        {
          SbCalendarHoliday holiday;

          if (!parse_holiday (items[i], &holiday))
            {
              g_autofree char *quoted = sb_core_error_quote_input (items[i]);

              g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _ ("Calendar text: “%s” is not a holiday like "
                              "2026-12-25, 2026-12-24..2026-12-31 or *-01-01"),
                           quoted);
              return NULL;
            }

          if (!check_holiday (&holiday, error))
            return NULL;

          add_holiday (self, &holiday);
        }
    }

  return g_steal_pointer (&self);
}

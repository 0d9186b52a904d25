/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-sla"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-core-error.h"
#include "sb-sla.h"
#include "sb-time.h"
#include "sb-tz-private.h"

/*
 * How the clocks are computed
 *
 * The timeline comes as segments: stretches in which the clock ran, was
 * paused or was stopped. A clock walks them in order, adding the business
 * minutes of every running stretch (up to its end, or to now) and those of
 * every paused one to the paused time. Where the running total reaches the
 * target (or 75 % of it) inside a running stretch, the calendar gives the
 * exact instant: the stretch's start plus the business minutes still
 * missing. When the last stretch is still running and the target lies
 * ahead, the same addition gives the due instant in the future.
 *
 * Nothing is stored, so a new target, priority or calendar applied to the
 * same segments gives the clock as if it had always been so, pauses
 * included.
 *
 * Many clocks over one calendar (a list of open incidents) share an
 * SbSlaCache: the calendar's open spans as UTC instants with running sums,
 * laid out day by day with the same rules as sb-calendar.c, so that the
 * business time between two instants is a difference of two sums and an
 * addition a binary search. A 24×7 calendar needs neither.
 */

#define MS_PER_MINUTE G_GINT64_CONSTANT (60000)

/* A calendar open all day every day, without holidays, counts every
 * instant whatever its zone: plain arithmetic, without the calendar walk. */
static gboolean
calendar_is_continuous (SbCalendar *calendar)
{
  guint        n;
  GDateWeekday wd;

  sb_calendar_get_holidays (calendar, &n);
  if (n > 0)
    return FALSE;

  for (wd = G_DATE_MONDAY; wd <= G_DATE_SUNDAY; wd++)
    {
      const SbCalendarInterval *iv = sb_calendar_get_intervals (calendar, wd, &n);

      if (n != 1 || iv[0].start_minute != 0 || iv[0].end_minute != 1440)
        return FALSE;
    }

  return TRUE;
}

/* The span table {{{1 */

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)
#define MS_PER_DAY      G_GINT64_CONSTANT (86400000)

/* GDate's Julian day numbers: day 1 is Monday 0001-01-01. */
#define EPOCH_JULIAN G_GINT64_CONSTANT (719163) /* 1970-01-01 */

/* No zone is further than this from UTC: the spans of a local date lie
 * within this many seconds of the date read as UTC (as in sb-calendar.c). */
#define OFFSET_WINDOW G_GINT64_CONSTANT (172800)

/* Extend the table by at least this many days at a time. */
#define GROW_DAYS 64

/* An addition that finds no room within this many days is left to the
 * calendar (a calendar that hardly ever opens, or a huge target). */
#define MAX_TABLE_DAYS 1500

/* Keep away from the ends of the years the calendar knows. */
#define SAFE_MIN_MS (SB_TIME_MIN_MS + 16 * MS_PER_DAY)
#define SAFE_MAX_MS (SB_TIME_MAX_MS - (MAX_TABLE_DAYS + 16) * MS_PER_DAY)

typedef struct
{
  gint64 start_ms;
  gint64 end_ms;
  gint64 cum_end;   /* business ms from the table's first span to end_ms */
} Span;

struct _SbSlaCache
{
  SbCalendar *calendar;    /* a private copy */
  GTimeZone  *tz;          /* the copy's */
  gboolean    continuous;
  gboolean    usable;      /* has business hours somewhere in the week */
  gboolean    has_holidays;

  /* Local dates laid out, as Julian day numbers; empty when first > last. */
  gint64  first_day;
  gint64  last_day;
  GArray *spans;           /* of Span, in time order, none empty */
};

static inline gint64
span_cum_start (const Span *span)
{
  return span->cum_end - (span->end_ms - span->start_ms);
}

/* Appends the spans of local date @julian. */
static void
lay_out_day (SbSlaCache *cache, gint64 julian)
{
  const SbCalendarInterval *intervals;
  guint    n, i;
  gint64   midnight;
  gint     lo, hi;
  gint32   offset;
  gboolean uniform;

  /* Julian day 1 is a Monday. */
  intervals = sb_calendar_get_intervals (cache->calendar,
                                         (GDateWeekday) ((julian - 1) % 7 + 1), &n);
  if (n == 0)
    return;

  if (cache->has_holidays)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) julian);
      if (sb_calendar_is_holiday (cache->calendar, &date))
        return;
    }

  /* Most days no offset change lies anywhere near: one offset serves. */
  midnight = (julian - EPOCH_JULIAN) * SECONDS_PER_DAY;
  lo = sb_tz_interval_at (cache->tz, midnight - OFFSET_WINDOW);
  hi = sb_tz_interval_at (cache->tz, midnight + SECONDS_PER_DAY + OFFSET_WINDOW);
  uniform = lo == hi;
  offset = g_time_zone_get_offset (cache->tz, lo);

  for (i = 0; i < n; i++)
    {
      gint64 wall_start = midnight + (gint64) intervals[i].start_minute * 60;
      gint64 wall_end = midnight + (gint64) intervals[i].end_minute * 60;
      gint64 cum = cache->spans->len > 0
                     ? g_array_index (cache->spans, Span, cache->spans->len - 1).cum_end
                     : 0;
      Span span;

      if (uniform)
        {
          span.start_ms = (wall_start - offset) * 1000;
          span.end_ms = (wall_end - offset) * 1000;
        }
      else
        {
          span.start_ms = sb_tz_wall_to_utc (cache->tz, wall_start) * 1000;
          span.end_ms = sb_tz_wall_to_utc (cache->tz, wall_end) * 1000;
        }

      /* Empty: the interval lies wholly in a skipped hour. */
      if (span.end_ms <= span.start_ms)
        continue;

      span.cum_end = cum + (span.end_ms - span.start_ms);
      g_array_append_val (cache->spans, span);
    }
}

/* Makes the table hold every local date from @first to @last at least. */
static void
cache_cover_days (SbSlaCache *cache, gint64 first, gint64 last)
{
  gint64 julian;

  if (cache->first_day > cache->last_day)
    {
      cache->first_day = first;
      cache->last_day = first - 1;
    }
  else if (first < cache->first_day)
    {
      /* Growing backwards moves every sum: lay the table out again. */
      gint64 old_last = cache->last_day;

      first = MIN (first, cache->first_day - GROW_DAYS);
      g_array_set_size (cache->spans, 0);
      cache->first_day = first;
      cache->last_day = first - 1;
      last = MAX (last, old_last);
    }

  if (last <= cache->last_day)
    return;

  last = MAX (last, cache->last_day + GROW_DAYS);
  for (julian = cache->last_day + 1; julian <= last; julian++)
    lay_out_day (cache, julian);
  cache->last_day = last;
}

static inline gint64
day_of (gint64 ms)
{
  return sb_tz_floor_div (ms, MS_PER_DAY) + EPOCH_JULIAN;
}

/* The instants in which the table is complete: every span of every date
 * outside the table lies outside them. */
static inline gint64
complete_from (SbSlaCache *cache)
{
  return ((cache->first_day - EPOCH_JULIAN) * SECONDS_PER_DAY + OFFSET_WINDOW) * 1000;
}

static inline gint64
complete_to (SbSlaCache *cache)
{
  return ((cache->last_day + 1 - EPOCH_JULIAN) * SECONDS_PER_DAY - OFFSET_WINDOW) * 1000;
}

/* The first span that ends after @ms (spans->len when none). */
static guint
first_ending_after (SbSlaCache *cache, gint64 ms)
{
  const Span *spans = (const Span *) (gpointer) cache->spans->data;
  guint lo = 0, hi = cache->spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (spans[mid].end_ms > ms)
        hi = mid;
      else
        lo = mid + 1;
    }

  return lo;
}

/* Business ms from the table's start to @ms. */
static gint64
cum_at (SbSlaCache *cache, gint64 ms)
{
  guint i = first_ending_after (cache, ms);
  const Span *span;

  if (i == cache->spans->len)
    return i > 0 ? g_array_index (cache->spans, Span, i - 1).cum_end : 0;

  span = &g_array_index (cache->spans, Span, i);
  return span_cum_start (span) + MAX (ms - span->start_ms, 0);
}

/* FALSE: leave it to the calendar. */
static gboolean
cache_between (SbSlaCache *cache, gint64 start_ms, gint64 end_ms, gint64 *out_minutes)
{
  if (!cache->usable || start_ms < SAFE_MIN_MS || end_ms > SAFE_MAX_MS)
    return FALSE;

  if (end_ms <= start_ms)
    {
      *out_minutes = 0;
      return TRUE;
    }

  cache_cover_days (cache, day_of (start_ms) - 3, day_of (end_ms) + 3);

  *out_minutes = (cum_at (cache, end_ms) - cum_at (cache, start_ms)) / MS_PER_MINUTE;
  return TRUE;
}

static gboolean
cache_add (SbSlaCache *cache, gint64 start_ms, gint64 minutes, gint64 *out_ms)
{
  gint64 first = day_of (start_ms) - 3;
  gint64 horizon;

  if (!cache->usable || start_ms < SAFE_MIN_MS || start_ms > SAFE_MAX_MS ||
      minutes < 0 || minutes > MAX_TABLE_DAYS * G_GINT64_CONSTANT (1440))
    return FALSE;

  /* A first guess: the target's days again, plus a week. */
  horizon = day_of (start_ms) + minutes / 1440 + 7;

  for (;;)
    {
      const Span *spans;
      guint i, lo, hi;
      gint64 target;

      cache_cover_days (cache, first, horizon);
      spans = (const Span *) (gpointer) cache->spans->data;

      i = first_ending_after (cache, start_ms);
      if (i < cache->spans->len)
        {
          target = span_cum_start (&spans[i]) + MAX (start_ms - spans[i].start_ms, 0) +
                   minutes * MS_PER_MINUTE;

          /* The first span from i on whose sum reaches the target. */
          lo = i;
          hi = cache->spans->len;
          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;

              if (spans[mid].cum_end >= target)
                hi = mid;
              else
                lo = mid + 1;
            }

          if (lo < cache->spans->len)
            {
              gint64 result = spans[lo].start_ms + (target - span_cum_start (&spans[lo]));

              if (result < complete_to (cache))
                {
                  *out_ms = result;
                  return TRUE;
                }
            }
        }

      if (cache->last_day - day_of (start_ms) > MAX_TABLE_DAYS)
        return FALSE;
      horizon = cache->last_day + GROW_DAYS;
    }
}

/**
 * sb_sla_cache_new:
 * @calendar: a calendar
 *
 * See the header.
 *
 * Returns: (transfer full): a new cache; free with sb_sla_cache_free()
 */
SbSlaCache *
sb_sla_cache_new (SbCalendar *calendar)
{
  SbSlaCache  *cache;
  GDateWeekday wd;
  guint        n;

  g_return_val_if_fail (calendar != NULL, NULL);

  cache = g_new0 (SbSlaCache, 1);
  cache->calendar = sb_calendar_copy (calendar);
  cache->tz = sb_calendar_get_time_zone (cache->calendar);
  cache->continuous = calendar_is_continuous (cache->calendar);
  sb_calendar_get_holidays (cache->calendar, &n);
  cache->has_holidays = n > 0;
  for (wd = G_DATE_MONDAY; wd <= G_DATE_SUNDAY; wd++)
    {
      sb_calendar_get_intervals (cache->calendar, wd, &n);
      cache->usable = cache->usable || n > 0;
    }
  cache->first_day = 1;
  cache->last_day = 0;
  cache->spans = g_array_new (FALSE, FALSE, sizeof (Span));

  return cache;
}

/**
 * sb_sla_cache_free:
 * @cache: (nullable): a cache
 *
 * Frees the cache.
 */
void
sb_sla_cache_free (SbSlaCache *cache)
{
  if (cache == NULL)
    return;

  g_clear_pointer (&cache->calendar, sb_calendar_unref);
  g_clear_pointer (&cache->spans, g_array_unref);
  g_free (cache);
}

/* The calendar arithmetic {{{1 */

typedef struct
{
  SbCalendar *calendar;
  gboolean    continuous;
  SbSlaCache *cache;       /* nullable */
} Cal;

static gboolean
cal_between (const Cal *cal,
             gint64     start_ms,
             gint64     end_ms,
             gint64    *out_minutes,
             GError   **error)
{
  if (cal->continuous)
    {
      *out_minutes = end_ms > start_ms ? (end_ms - start_ms) / MS_PER_MINUTE : 0;
      return TRUE;
    }

  if (cal->cache != NULL && cache_between (cal->cache, start_ms, end_ms, out_minutes))
    return TRUE;

  return sb_calendar_business_minutes_between (cal->calendar, start_ms, end_ms,
                                               out_minutes, error);
}

static gboolean
cal_add (const Cal *cal,
         gint64     start_ms,
         gint64     minutes,
         gint64    *out_ms,
         GError   **error)
{
  if (cal->continuous && minutes >= 0 &&
      minutes <= (SB_TIME_MAX_MS - start_ms) / MS_PER_MINUTE)
    {
      *out_ms = start_ms + minutes * MS_PER_MINUTE;
      return TRUE;
    }

  if (cal->cache != NULL && cache_add (cal->cache, start_ms, minutes, out_ms))
    return TRUE;

  return sb_calendar_add_business_minutes (cal->calendar, start_ms, minutes,
                                           out_ms, error);
}

/* The business minutes at which the clock turns "at risk": the first whole
 * minute at which elapsed * 100 / target reaches 75. */
static gint64
at_risk_minutes (gint64 target)
{
  return (target * SB_SLA_AT_RISK_PERCENT + 99) / 100;
}

/*
 * One clock over the segments, counting up to @limit_ms (the response, or
 * G_MAXINT64) and @now_ms.
 */
static gboolean
compute_clock (const Cal          *cal,
               const SbSlaSegment *segments,
               guint               n_segments,
               gint64              limit_ms,
               gint64              target,
               gint64              now_ms,
               SbSlaClock         *clock,
               GError            **error)
{
  gint64   end_ms = MIN (limit_ms, now_ms);
  gint64   risk_target = at_risk_minutes (target);
  gint64   elapsed = 0;
  gint64   paused = 0;
  gint64   last_running_end = G_MININT64;
  gint64   last_start = 0;
  gint64   elapsed_before_last = 0;
  SbSlaSegmentKind last_kind = SB_SLA_STOPPED;
  gboolean any = FALSE;
  guint    i;

  memset (clock, 0, sizeof *clock);
  clock->target_minutes = target;
  clock->due_ms = SB_SLA_NO_TIME;
  clock->at_risk_ms = SB_SLA_NO_TIME;

  for (i = 0; i < n_segments; i++)
    {
      const SbSlaSegment *seg = &segments[i];
      gint64 seg_end;
      gint64 minutes = 0;

      if (seg->start_ms > end_ms)
        break;

      /* A later segment with the same start wins. */
      seg_end = i + 1 < n_segments ? MIN (segments[i + 1].start_ms, end_ms) : end_ms;
      any = TRUE;
      last_kind = seg->kind;
      last_start = seg->start_ms;
      elapsed_before_last = elapsed;

      if (seg->kind == SB_SLA_STOPPED || seg_end < seg->start_ms)
        continue;

      if (!cal_between (cal, seg->start_ms, seg_end, &minutes, error))
        return FALSE;

      if (seg->kind == SB_SLA_PAUSED)
        {
          paused += minutes;
          continue;
        }

      if (target > 0 && clock->at_risk_ms == SB_SLA_NO_TIME &&
          elapsed + minutes >= risk_target &&
          !cal_add (cal, seg->start_ms, risk_target - elapsed, &clock->at_risk_ms, error))
        return FALSE;

      if (target > 0 && clock->due_ms == SB_SLA_NO_TIME &&
          elapsed + minutes >= target &&
          !cal_add (cal, seg->start_ms, target - elapsed, &clock->due_ms, error))
        return FALSE;

      elapsed += minutes;
      last_running_end = seg_end;
    }

  /* Done: stopped for good (resolved, closed, cancelled, duplicate), or,
   * for the response clock, responded. A stopped incident has no response
   * to wait for any more either. */
  clock->done = (any && last_kind == SB_SLA_STOPPED) ||
                (limit_ms != G_MAXINT64 && limit_ms <= now_ms);
  clock->paused = !clock->done && any && last_kind == SB_SLA_PAUSED;
  clock->elapsed_minutes = elapsed;
  clock->paused_minutes = paused;

  if (target <= 0)
    {
      clock->target_minutes = 0;
      clock->state = SB_SLA_STATE_NONE;
      clock->due_ms = SB_SLA_NO_TIME;
      clock->at_risk_ms = SB_SLA_NO_TIME;
      return TRUE;
    }

  /* Still running and not there yet: the instants lie ahead. */
  if (!clock->done && any && last_kind == SB_SLA_RUNNING)
    {
      if (clock->at_risk_ms == SB_SLA_NO_TIME &&
          !cal_add (cal, last_start, risk_target - elapsed_before_last,
                    &clock->at_risk_ms, error))
        return FALSE;

      if (clock->due_ms == SB_SLA_NO_TIME &&
          !cal_add (cal, last_start, target - elapsed_before_last,
                    &clock->due_ms, error))
        return FALSE;
    }
  else if (!any)
    {
      /* Not opened yet at @now_ms: the target counts from the opening. */
      if (!cal_add (cal, segments[0].start_ms, risk_target, &clock->at_risk_ms, error) ||
          !cal_add (cal, segments[0].start_ms, target, &clock->due_ms, error))
        return FALSE;
    }

  clock->remaining_minutes = target - elapsed;
  clock->percent = (guint) MIN ((guint64) elapsed * 100 / (guint64) target, G_MAXUINT);

  /* Reaching the target exactly is still within it; running on past the
   * due instant (even outside business hours) is not. */
  if (elapsed > target ||
      (clock->due_ms != SB_SLA_NO_TIME && last_running_end != G_MININT64 &&
       clock->due_ms < last_running_end))
    clock->state = SB_SLA_STATE_BREACHED;
  else if (!clock->done && clock->percent >= SB_SLA_AT_RISK_PERCENT)
    clock->state = SB_SLA_STATE_AT_RISK;
  else
    clock->state = SB_SLA_STATE_WITHIN;

  if (clock->state != SB_SLA_STATE_BREACHED && (clock->paused || clock->done))
    {
      clock->due_ms = SB_SLA_NO_TIME;
      clock->at_risk_ms = SB_SLA_NO_TIME;
    }

  return TRUE;
}

static gboolean
compute (const Cal          *cal,
         const SbSlaSegment *segments,
         guint               n_segments,
         gint64              responded_ms,
         gint64              response_target,
         gint64              resolution_target,
         gint64              now_ms,
         SbSla              *out,
         GError            **error)
{
  guint i;

  for (i = 1; i < n_segments; i++)
    if (segments[i].start_ms < segments[i - 1].start_ms)
      {
        g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                             _ ("The incident’s status changes are out of "
                                "order, so its service level clock cannot be "
                                "computed"));
        return FALSE;
      }

  if (!compute_clock (cal, segments, n_segments, G_MAXINT64,
                      MAX (resolution_target, 0), now_ms, &out->resolution, error))
    return FALSE;

  if (!compute_clock (cal, segments, n_segments,
                      responded_ms == SB_SLA_NO_TIME ? G_MAXINT64 : responded_ms,
                      MAX (response_target, 0), now_ms, &out->response, error))
    return FALSE;

  /* A finished clock is within or breached, never at risk, so the worse
   * of the two counts a finished clock only through its breach. */
  out->state = MAX (out->response.state, out->resolution.state);

  return TRUE;
}

/**
 * sb_sla_compute:
 *
 * See the header. Both clocks share the segments; the response clock ends
 * at @responded_ms, or when the incident is stopped without a response.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_sla_compute (SbCalendar         *calendar,
                const SbSlaSegment *segments,
                guint               n_segments,
                gint64              responded_ms,
                gint64              response_target,
                gint64              resolution_target,
                gint64              now_ms,
                SbSla              *out,
                GError            **error)
{
  Cal cal = { 0 };

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (segments != NULL, FALSE);
  g_return_val_if_fail (n_segments >= 1, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cal.calendar = calendar;
  cal.continuous = calendar_is_continuous (calendar);

  return compute (&cal, segments, n_segments, responded_ms, response_target,
                  resolution_target, now_ms, out, error);
}

/**
 * sb_sla_cache_compute:
 *
 * See the header.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_sla_cache_compute (SbSlaCache         *cache,
                      const SbSlaSegment *segments,
                      guint               n_segments,
                      gint64              responded_ms,
                      gint64              response_target,
                      gint64              resolution_target,
                      gint64              now_ms,
                      SbSla              *out,
                      GError            **error)
{
  Cal cal;

  g_return_val_if_fail (cache != NULL, FALSE);
  g_return_val_if_fail (segments != NULL, FALSE);
  g_return_val_if_fail (n_segments >= 1, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cal.calendar = cache->calendar;
  cal.continuous = cache->continuous;
  cal.cache = cache;

  return compute (&cal, segments, n_segments, responded_ms, response_target,
                  resolution_target, now_ms, out, error);
}

static const char *const state_strings[] = {
  "none", "within", "at-risk", "breached",
};

/**
 * sb_sla_state_to_string:
 * @state: a state
 *
 * Returns: "none", "within", "at-risk" or "breached"
 */
const char *
sb_sla_state_to_string (SbSlaState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_strings), NULL);

  return state_strings[state];
}

/**
 * sb_sla_state_from_string:
 * @text: (nullable): a stored form
 * @out_state: (out) (optional): the state
 *
 * Returns: %TRUE if @text names a state
 */
gboolean
sb_sla_state_from_string (const char *text, SbSlaState *out_state)
{
  guint i;

  if (text == NULL)
    return FALSE;

  for (i = 0; i < G_N_ELEMENTS (state_strings); i++)
    if (strcmp (state_strings[i], text) == 0)
      {
        if (out_state != NULL)
          *out_state = (SbSlaState) i;
        return TRUE;
      }

  return FALSE;
}

/**
 * sb_sla_state_get_label:
 * @state: a state
 *
 * Returns: the translated label ("At risk")
 */
const char *
sb_sla_state_get_label (SbSlaState state)
{
  switch (state)
    {
    case SB_SLA_STATE_NONE:
      return _ ("No target");
    case SB_SLA_STATE_WITHIN:
      return _ ("Within target");
    case SB_SLA_STATE_AT_RISK:
      return _ ("At risk");
    case SB_SLA_STATE_BREACHED:
      return _ ("Breached");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sb_sla_clock_describe:
 *
 * See the header.
 *
 * Returns: (transfer full): the text; free with g_free()
 */
char *
sb_sla_clock_describe (const SbSlaClock *clock, gint64 now_ms)
{
  g_autofree char *duration = NULL;

  g_return_val_if_fail (clock != NULL, NULL);

  if (clock->state == SB_SLA_STATE_NONE || clock->target_minutes <= 0)
    return g_strdup (_ ("no target"));

  if (clock->state == SB_SLA_STATE_BREACHED)
    {
      gint64 over = clock->elapsed_minutes - clock->target_minutes;

      if (!clock->done && clock->due_ms != SB_SLA_NO_TIME && now_ms >= clock->due_ms)
        {
          /* Within its first minute a breach is "1 min ago", never "0". */
          duration = sb_duration_format (MAX ((now_ms - clock->due_ms) / MS_PER_MINUTE, 1));
          /* Translators: %s is a duration such as "35 min" */
          return g_strdup_printf (_ ("breached %s ago"), duration);
        }

      /* Ended right at a closing with the due instant behind: late, but
       * not by any business minute. */
      if (over <= 0)
        return g_strdup (_ ("breached"));

      duration = sb_duration_format (over);
      /* Translators: %s is a duration such as "1 h 20 min" */
      return g_strdup_printf (_ ("breached by %s"), duration);
    }

  if (clock->done)
    {
      duration = sb_duration_format (clock->elapsed_minutes);
      /* Translators: %s is a duration such as "40 min" */
      return g_strdup_printf (_ ("met, %s used"), duration);
    }

  duration = sb_duration_format (clock->remaining_minutes);
  if (clock->paused)
    /* Translators: %s is a duration such as "1 h 5 min" */
    return g_strdup_printf (_ ("paused, %s left"), duration);

  /* Translators: %s is a duration such as "2 h 10 min" */
  return g_strdup_printf (_ ("%s left"), duration);
}

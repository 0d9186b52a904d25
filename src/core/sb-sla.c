/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-sla"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-core-error.h"
#include "sb-sla.h"
#include "sb-time.h"

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

typedef struct
{
  SbCalendar *calendar;
  gboolean    continuous;
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
  Cal   cal;
  guint i;

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (segments != NULL, FALSE);
  g_return_val_if_fail (n_segments >= 1, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (i = 1; i < n_segments; i++)
    if (segments[i].start_ms < segments[i - 1].start_ms)
      {
        g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                             _ ("The incident’s status changes are out of "
                                "order, so its service level clock cannot be "
                                "computed"));
        return FALSE;
      }

  cal.calendar = calendar;
  cal.continuous = calendar_is_continuous (calendar);

  if (!compute_clock (&cal, segments, n_segments, G_MAXINT64,
                      MAX (resolution_target, 0), now_ms, &out->resolution, error))
    return FALSE;

  if (!compute_clock (&cal, segments, n_segments,
                      responded_ms == SB_SLA_NO_TIME ? G_MAXINT64 : responded_ms,
                      MAX (response_target, 0), now_ms, &out->response, error))
    return FALSE;

  /* A finished clock is within or breached, never at risk, so the worse
   * of the two counts a finished clock only through its breach. */
  out->state = MAX (out->response.state, out->resolution.state);

  return TRUE;
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

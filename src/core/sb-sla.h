/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "sb-calendar.h"

G_BEGIN_DECLS

/* "No instant": an unset response time, a due instant while paused. */
#define SB_SLA_NO_TIME G_MININT64

/**
 * SbSlaSegmentKind:
 * @SB_SLA_RUNNING: the clock counts (new, in progress, on hold for a
 *   reason that does not stop the clock, e.g. awaiting supplier)
 * @SB_SLA_PAUSED: on hold for a reason that stops the clock (the
 *   service's clock-stop reasons); counted as paused time
 * @SB_SLA_STOPPED: resolved, closed, cancelled or duplicate; a reopen
 *   starts a running segment again
 */
typedef enum
{
  SB_SLA_RUNNING,
  SB_SLA_PAUSED,
  SB_SLA_STOPPED,
} SbSlaSegmentKind;

/**
 * SbSlaSegment:
 * @start_ms: when this stretch began (UTC milliseconds)
 * @kind: what the clock did from @start_ms until the next segment's start
 *   (or until "now" for the last one)
 *
 * The store turns an incident's timeline into segments: the first starts
 * at the opened instant, one more for every status change. Segments are
 * sorted by @start_ms; equal starts are allowed (the later one wins).
 */
typedef struct
{
  gint64           start_ms;
  SbSlaSegmentKind kind;
} SbSlaSegment;

/**
 * SbSlaState:
 * @SB_SLA_STATE_NONE: no target for this priority
 * @SB_SLA_STATE_WITHIN: within target (or met, when the clock is done)
 * @SB_SLA_STATE_AT_RISK: 75 % or more of the target used, not breached;
 *   only while the clock has not finished
 * @SB_SLA_STATE_BREACHED: more business time used than the target allows
 *
 * Ordered from best to worst so the worse of two is the larger.
 */
typedef enum
{
  SB_SLA_STATE_NONE,
  SB_SLA_STATE_WITHIN,
  SB_SLA_STATE_AT_RISK,
  SB_SLA_STATE_BREACHED,
} SbSlaState;

#define SB_SLA_AT_RISK_PERCENT 75

/**
 * SbSlaClock:
 * @state: see #SbSlaState
 * @done: the clock has finished for good: responded (response clock) or
 *   resolved and not reopened since (resolution clock)
 * @paused: the clock is paused now (last segment is %SB_SLA_PAUSED)
 * @target_minutes: the target in business minutes; 0 means none
 * @elapsed_minutes: business minutes counted (running segments only, up
 *   to the end of the clock or to now)
 * @paused_minutes: business minutes spent in paused segments (up to the
 *   end of the clock or to now)
 * @remaining_minutes: @target_minutes - @elapsed_minutes; negative once
 *   breached; 0 when there is no target
 * @due_ms: the instant the target is (or was) reached: in the past once
 *   breached, in the future while running; %SB_SLA_NO_TIME while paused
 *   and not breached, when done within target, or without a target
 * @at_risk_ms: the instant 75 % of the target is used, same rules as @due_ms
 * @percent: @elapsed_minutes * 100 / @target_minutes (0 without a target),
 *   not capped at 100
 *
 * One clock: response (from opened to first response) or resolution
 * (from opened to resolved, reopens counted again).
 */
typedef struct
{
  SbSlaState state;
  gboolean   done;
  gboolean   paused;
  gint64     target_minutes;
  gint64     elapsed_minutes;
  gint64     paused_minutes;
  gint64     remaining_minutes;
  gint64     due_ms;
  gint64     at_risk_ms;
  guint      percent;
} SbSlaClock;

/**
 * SbSla:
 * @response: the response clock
 * @resolution: the resolution clock
 * @state: the worse of the two clocks' states; a finished clock counts
 *   only if it breached
 */
typedef struct
{
  SbSlaClock response;
  SbSlaClock resolution;
  SbSlaState state;
} SbSla;

/**
 * sb_sla_compute:
 * @calendar: the service's support calendar (24×7 when the service has none)
 * @segments: (array length=n_segments): the incident's clock segments
 * @n_segments: at least 1
 * @responded_ms: the first response, or %SB_SLA_NO_TIME
 * @response_target: business minutes, 0 for none
 * @resolution_target: business minutes, 0 for none
 * @now_ms: the instant to compute at (segments after it are ignored)
 * @out: (out caller-allocates): the result
 * @error: a calendar without open hours, or segments out of order
 *
 * Computes both clocks from the timeline, never from stored figures, so
 * a change of priority, targets or calendar gives consistent results and
 * paused time is never lost. The response clock runs in the same running
 * segments as the resolution clock but ends at @responded_ms. Cost grows
 * with the number of segments and the days they span, not with @now_ms.
 */
gboolean    sb_sla_compute           (SbCalendar         *calendar,
                                      const SbSlaSegment *segments,
                                      guint               n_segments,
                                      gint64              responded_ms,
                                      gint64              response_target,
                                      gint64              resolution_target,
                                      gint64              now_ms,
                                      SbSla              *out,
                                      GError            **error);

/**
 * SbSlaCache:
 *
 * Many clocks over one calendar: a table of the calendar's open spans,
 * laid out once and grown as clocks need more days, so each clock costs
 * a few binary searches instead of a walk over the calendar's days. It
 * works on a private copy, so later changes to the calendar are not
 * seen (build one per refresh). Results equal sb_sla_compute()'s,
 * across daylight-saving changes too. One thread at a time.
 */
typedef struct _SbSlaCache SbSlaCache;

SbSlaCache *sb_sla_cache_new         (SbCalendar         *calendar);
void        sb_sla_cache_free        (SbSlaCache         *cache);
/* sb_sla_compute() with the calendar of @cache. */
gboolean    sb_sla_cache_compute     (SbSlaCache         *cache,
                                      const SbSlaSegment *segments,
                                      guint               n_segments,
                                      gint64              responded_ms,
                                      gint64              response_target,
                                      gint64              resolution_target,
                                      gint64              now_ms,
                                      SbSla              *out,
                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbSlaCache, sb_sla_cache_free)

/* "within", "at-risk", "breached", "none": for filters, CSV and tests. */
const char *sb_sla_state_to_string   (SbSlaState   state);
gboolean    sb_sla_state_from_string (const char  *text,
                                      SbSlaState  *out_state);
/* Translated: "Within target", "At risk", "Breached", "No target" */
const char *sb_sla_state_get_label   (SbSlaState   state);

/**
 * sb_sla_clock_describe:
 * @clock: a computed clock
 * @now_ms: the same instant the clock was computed at
 *
 * The clock in words, translated:
 *   running:           "2 h 10 min left"
 *   breached, running: "breached 35 min ago" (wall time since @due_ms)
 *   paused:            "paused, 1 h 5 min left"
 *   done within:       "met, 40 min used"
 *   done breached:     "breached by 1 h 20 min" (business minutes over)
 *   no target:         "no target"
 * Durations use sb_duration_format().
 *
 * Returns: (transfer full): the text
 */
char       *sb_sla_clock_describe    (const SbSlaClock *clock,
                                      gint64            now_ms);

G_END_DECLS

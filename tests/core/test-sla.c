/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-sla"

#include "config.h"

#include <locale.h>

#include <glib.h>

#include "sb-calendar.h"
#include "sb-core-error.h"
#include "sb-sla.h"

/* Every expectation is worked out by hand and written with its offset.
 * 2026-03-02 is a Monday; Madrid is +01:00 until the clocks go forward on
 * Sunday 2026-03-29 and +02:00 until Sunday 2026-10-25. The office-hours
 * calendar is Monday to Friday 09:00–17:00 in Madrid: 480 minutes a day. */

#define RUN   SB_SLA_RUNNING
#define PAUSE SB_SLA_PAUSED
#define STOP  SB_SLA_STOPPED

#define MADRID_24X7                                                       \
  "tz=Europe/Madrid;mon=00:00-24:00;tue=00:00-24:00;wed=00:00-24:00;"     \
  "thu=00:00-24:00;fri=00:00-24:00;sat=00:00-24:00;sun=00:00-24:00"

/* Helpers {{{1 */

static gint64
at (const char *iso)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
}

#define assert_instant(ms, iso) g_assert_cmpint ((ms), ==, at (iso))

static SbCalendar *
office (void)
{
  SbCalendar *cal = sb_calendar_new_office_hours ("Europe/Madrid");

  g_assert_nonnull (cal);
  return cal;
}

static void
compute (SbCalendar         *cal,
         const SbSlaSegment *segments,
         guint               n_segments,
         gint64              responded_ms,
         gint64              response_target,
         gint64              resolution_target,
         const char         *now,
         SbSla              *out)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (sb_sla_compute (cal, segments, n_segments, responded_ms,
                                 response_target, resolution_target, at (now),
                                 out, &error));
  g_assert_no_error (error);
}

static void
assert_describe (const SbSlaClock *clock, const char *now, const char *expected)
{
  g_autofree char *text = sb_sla_clock_describe (clock, at (now));

  g_assert_cmpstr (text, ==, expected);
}

/* Tests {{{1 */

static void
test_24x7_due (void)
{
  g_autoptr (SbCalendar) cal = sb_calendar_new_24x7 ();
  SbSlaSegment segs[] = { { at ("2026-03-02T10:00:00Z"), RUN } };
  SbSla sla;

  compute (cal, segs, 1, SB_SLA_NO_TIME, 60, 240, "2026-03-02T10:30:00Z", &sla);

  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_WITHIN);
  g_assert_false (sla.response.done);
  g_assert_false (sla.response.paused);
  g_assert_cmpint (sla.response.target_minutes, ==, 60);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 30);
  g_assert_cmpint (sla.response.paused_minutes, ==, 0);
  g_assert_cmpint (sla.response.remaining_minutes, ==, 30);
  g_assert_cmpuint (sla.response.percent, ==, 50);
  assert_instant (sla.response.due_ms, "2026-03-02T11:00:00Z");
  assert_instant (sla.response.at_risk_ms, "2026-03-02T10:45:00Z");

  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_WITHIN);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 30);
  g_assert_cmpint (sla.resolution.remaining_minutes, ==, 210);
  g_assert_cmpuint (sla.resolution.percent, ==, 12);
  assert_instant (sla.resolution.due_ms, "2026-03-02T14:00:00Z");
  assert_instant (sla.resolution.at_risk_ms, "2026-03-02T13:00:00Z");

  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_WITHIN);
  assert_describe (&sla.response, "2026-03-02T10:30:00Z", "30 min left");
  assert_describe (&sla.resolution, "2026-03-02T10:30:00Z", "3 h 30 min left");
}

static void
test_office_hours_due (void)
{
  g_autoptr (SbCalendar) cal = office ();
  SbSlaSegment segs[] = { { at ("2026-03-02T16:00:00+01:00"), RUN } };
  SbSla sla;

  /* Monday evening: one business hour gone, the rest comes on Tuesday. */
  compute (cal, segs, 1, SB_SLA_NO_TIME, 120, 480, "2026-03-02T18:00:00+01:00", &sla);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 60);
  assert_instant (sla.response.due_ms, "2026-03-03T10:00:00+01:00");
  assert_instant (sla.response.at_risk_ms, "2026-03-03T09:30:00+01:00");
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 60);
  assert_instant (sla.resolution.due_ms, "2026-03-03T16:00:00+01:00");
  assert_instant (sla.resolution.at_risk_ms, "2026-03-03T14:00:00+01:00");
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_WITHIN);

  /* Overnight nothing counts. */
  compute (cal, segs, 1, SB_SLA_NO_TIME, 120, 480, "2026-03-03T08:59:00+01:00", &sla);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 60);

  /* Tuesday 09:30: 90 of 120 minutes, 75 %. */
  compute (cal, segs, 1, SB_SLA_NO_TIME, 120, 480, "2026-03-03T09:30:00+01:00", &sla);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 90);
  g_assert_cmpuint (sla.response.percent, ==, 75);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_AT_RISK);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_WITHIN);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_AT_RISK);
}

/* Opened Monday 10:00, on hold awaiting the customer from 16:30 until
 * Tuesday 10:00: 30 business minutes on Monday and 60 on Tuesday. */
static const char *const paused_from = "2026-03-02T16:30:00+01:00";
static const char *const resumed_at = "2026-03-03T10:00:00+01:00";

static void
test_pause_stops_clock (void)
{
  g_autoptr (SbCalendar) cal = office ();
  SbSlaSegment plain[] = { { at ("2026-03-02T10:00:00+01:00"), RUN } };
  SbSlaSegment held[] = {
    { at ("2026-03-02T10:00:00+01:00"), RUN },
    { at (paused_from), PAUSE },
    { at (resumed_at), RUN },
  };
  SbSla without, with;
  gint64 between = -1;

  compute (cal, plain, 1, SB_SLA_NO_TIME, 0, 960, "2026-03-03T11:00:00+01:00", &without);
  compute (cal, held, 3, SB_SLA_NO_TIME, 0, 960, "2026-03-03T11:00:00+01:00", &with);

  /* 420 on Monday and 480 on Tuesday: due Wednesday 10:00. */
  assert_instant (without.resolution.due_ms, "2026-03-04T10:00:00+01:00");
  g_assert_cmpint (without.resolution.elapsed_minutes, ==, 540);
  g_assert_cmpint (without.resolution.paused_minutes, ==, 0);

  g_assert_cmpint (with.resolution.paused_minutes, ==, 90);
  g_assert_cmpint (with.resolution.elapsed_minutes, ==, 450);
  g_assert_false (with.resolution.paused);
  assert_instant (with.resolution.due_ms, "2026-03-04T11:30:00+01:00");

  /* Later by exactly the paused business time. */
  g_assert_true (sb_calendar_business_minutes_between (cal, without.resolution.due_ms,
                                                       with.resolution.due_ms,
                                                       &between, NULL));
  g_assert_cmpint (between, ==, with.resolution.paused_minutes);

  /* While paused: no due instant, the time left stands still. */
  compute (cal, held, 3, SB_SLA_NO_TIME, 0, 960, "2026-03-03T09:30:00+01:00", &with);
  g_assert_true (with.resolution.paused);
  g_assert_false (with.resolution.done);
  g_assert_cmpint (with.resolution.elapsed_minutes, ==, 390);
  g_assert_cmpint (with.resolution.paused_minutes, ==, 60);
  g_assert_cmpint (with.resolution.remaining_minutes, ==, 570);
  g_assert_cmpint (with.resolution.due_ms, ==, SB_SLA_NO_TIME);
  g_assert_cmpint (with.resolution.at_risk_ms, ==, SB_SLA_NO_TIME);
  g_assert_cmpint (with.resolution.state, ==, SB_SLA_STATE_WITHIN);
  assert_describe (&with.resolution, "2026-03-03T09:30:00+01:00", "paused, 9 h 30 min left");
}

/* Awaiting the supplier does not stop the clock: the store gives such a
 * hold a running segment, and the result equals no hold at all. */
static void
test_pause_not_stopping (void)
{
  g_autoptr (SbCalendar) cal = office ();
  SbSlaSegment plain[] = { { at ("2026-03-02T10:00:00+01:00"), RUN } };
  SbSlaSegment supplier[] = {
    { at ("2026-03-02T10:00:00+01:00"), RUN },
    { at (paused_from), RUN },
    { at (resumed_at), RUN },
  };
  SbSla a, b;

  compute (cal, plain, 1, SB_SLA_NO_TIME, 0, 960, "2026-03-03T11:00:00+01:00", &a);
  compute (cal, supplier, 3, SB_SLA_NO_TIME, 0, 960, "2026-03-03T11:00:00+01:00", &b);

  g_assert_cmpint (b.resolution.paused_minutes, ==, 0);
  g_assert_cmpint (b.resolution.elapsed_minutes, ==, a.resolution.elapsed_minutes);
  g_assert_cmpint (b.resolution.due_ms, ==, a.resolution.due_ms);
  g_assert_cmpint (b.resolution.at_risk_ms, ==, a.resolution.at_risk_ms);
}

static void
test_reopen (void)
{
  g_autoptr (SbCalendar) cal = sb_calendar_new_24x7 ();
  SbSlaSegment segs[] = {
    { at ("2026-03-02T10:00:00Z"), RUN },
    { at ("2026-03-02T11:00:00Z"), STOP },
    { at ("2026-03-02T13:00:00Z"), RUN },
  };
  gint64 responded = at ("2026-03-02T10:10:00Z");
  SbSla sla;

  /* Resolved: the clock is done and met. */
  compute (cal, segs, 3, responded, 30, 240, "2026-03-02T12:00:00Z", &sla);
  g_assert_true (sla.resolution.done);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 60);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_WITHIN);
  g_assert_cmpint (sla.resolution.due_ms, ==, SB_SLA_NO_TIME);
  assert_describe (&sla.resolution, "2026-03-02T12:00:00Z", "met, 1 h used");

  /* Reopened at 13:00: it goes on from the 60 minutes used, the two hours
   * in between do not count. */
  compute (cal, segs, 3, responded, 30, 240, "2026-03-02T13:30:00Z", &sla);
  g_assert_false (sla.resolution.done);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 90);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 0);
  assert_instant (sla.resolution.due_ms, "2026-03-02T16:00:00Z");
  assert_instant (sla.resolution.at_risk_ms, "2026-03-02T15:00:00Z");
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_WITHIN);

  /* The response was made long ago and stays met. */
  g_assert_true (sla.response.done);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 10);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_WITHIN);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_WITHIN);

  /* Running on after the reopen until past the due instant. */
  compute (cal, segs, 3, responded, 30, 240, "2026-03-02T16:05:00Z", &sla);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_BREACHED);
  assert_describe (&sla.resolution, "2026-03-02T16:05:00Z", "breached 5 min ago");
}

static void
test_at_risk_exactly (void)
{
  g_autoptr (SbCalendar) cal = sb_calendar_new_24x7 ();
  SbSlaSegment segs[] = { { at ("2026-03-02T10:00:00Z"), RUN } };
  SbSla sla;

  compute (cal, segs, 1, SB_SLA_NO_TIME, 0, 100, "2026-03-02T11:14:59.999Z", &sla);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 74);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_WITHIN);
  assert_instant (sla.resolution.at_risk_ms, "2026-03-02T11:15:00Z");

  compute (cal, segs, 1, SB_SLA_NO_TIME, 0, 100, "2026-03-02T11:15:00Z", &sla);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 75);
  g_assert_cmpuint (sla.resolution.percent, ==, 75);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_AT_RISK);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_AT_RISK);
  assert_instant (sla.resolution.at_risk_ms, "2026-03-02T11:15:00Z");

  /* 75 % of 90 is 67.5: at risk from the 68th minute. */
  compute (cal, segs, 1, SB_SLA_NO_TIME, 0, 90, "2026-03-02T11:07:00Z", &sla);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_WITHIN);
  assert_instant (sla.resolution.at_risk_ms, "2026-03-02T11:08:00Z");
  compute (cal, segs, 1, SB_SLA_NO_TIME, 0, 90, "2026-03-02T11:08:00Z", &sla);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_AT_RISK);
}

static void
test_breached (void)
{
  g_autoptr (SbCalendar) cal = sb_calendar_new_24x7 ();
  SbSlaSegment segs[] = { { at ("2026-03-02T10:00:00Z"), RUN } };
  SbSla sla;

  /* Reaching the target exactly is still within it. */
  compute (cal, segs, 1, SB_SLA_NO_TIME, 60, 0, "2026-03-02T11:00:00Z", &sla);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_AT_RISK);
  g_assert_cmpint (sla.response.remaining_minutes, ==, 0);
  g_assert_cmpuint (sla.response.percent, ==, 100);
  assert_describe (&sla.response, "2026-03-02T11:00:00Z", "0 min left");

  /* Half a minute later the due instant is in the past. */
  compute (cal, segs, 1, SB_SLA_NO_TIME, 60, 0, "2026-03-02T11:00:30Z", &sla);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_BREACHED);
  assert_describe (&sla.response, "2026-03-02T11:00:30Z", "breached 1 min ago");

  compute (cal, segs, 1, SB_SLA_NO_TIME, 60, 0, "2026-03-02T11:01:00Z", &sla);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_BREACHED);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 61);
  g_assert_cmpint (sla.response.remaining_minutes, ==, -1);
  g_assert_cmpuint (sla.response.percent, ==, 101);
  assert_instant (sla.response.due_ms, "2026-03-02T11:00:00Z");
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_BREACHED);
  assert_describe (&sla.response, "2026-03-02T11:01:00Z", "breached 1 min ago");
}

/* A target that runs out at a closing: due at 17:00; an incident still
 * open at 17:30 has breached although no business minute passed since. */
static void
test_breached_at_closing (void)
{
  g_autoptr (SbCalendar) cal = office ();
  SbSlaSegment open[] = { { at ("2026-03-02T09:00:00+01:00"), RUN } };
  SbSlaSegment on_time[] = {
    { at ("2026-03-02T09:00:00+01:00"), RUN },
    { at ("2026-03-02T17:00:00+01:00"), STOP },
  };
  SbSlaSegment late[] = {
    { at ("2026-03-02T09:00:00+01:00"), RUN },
    { at ("2026-03-02T17:30:00+01:00"), STOP },
  };
  SbSla sla;

  compute (cal, open, 1, SB_SLA_NO_TIME, 0, 480, "2026-03-02T17:00:00+01:00", &sla);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_AT_RISK);
  assert_instant (sla.resolution.due_ms, "2026-03-02T17:00:00+01:00");

  compute (cal, open, 1, SB_SLA_NO_TIME, 0, 480, "2026-03-02T17:30:00+01:00", &sla);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_BREACHED);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 480);
  assert_describe (&sla.resolution, "2026-03-02T17:30:00+01:00", "breached 30 min ago");

  compute (cal, on_time, 2, SB_SLA_NO_TIME, 0, 480, "2026-03-03T12:00:00+01:00", &sla);
  g_assert_true (sla.resolution.done);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_WITHIN);
  assert_describe (&sla.resolution, "2026-03-03T12:00:00+01:00", "met, 8 h used");

  compute (cal, late, 2, SB_SLA_NO_TIME, 0, 480, "2026-03-03T12:00:00+01:00", &sla);
  g_assert_true (sla.resolution.done);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_BREACHED);
  assert_instant (sla.resolution.due_ms, "2026-03-02T17:00:00+01:00");
  assert_describe (&sla.resolution, "2026-03-03T12:00:00+01:00", "breached");
}

static void
test_describe (void)
{
  g_autoptr (SbCalendar) cal = sb_calendar_new_24x7 ();
  SbSlaSegment running[] = { { at ("2026-03-02T10:00:00Z"), RUN } };
  SbSlaSegment paused[] = {
    { at ("2026-03-02T10:00:00Z"), RUN },
    { at ("2026-03-02T10:55:00Z"), PAUSE },
  };
  SbSlaSegment met[] = {
    { at ("2026-03-02T10:00:00Z"), RUN },
    { at ("2026-03-02T10:40:00Z"), STOP },
  };
  SbSlaSegment late[] = {
    { at ("2026-03-02T10:00:00Z"), RUN },
    { at ("2026-03-02T12:20:00Z"), STOP },
  };
  SbSla sla;

  compute (cal, running, 1, SB_SLA_NO_TIME, 0, 180, "2026-03-02T10:50:00Z", &sla);
  assert_describe (&sla.resolution, "2026-03-02T10:50:00Z", "2 h 10 min left");

  compute (cal, running, 1, SB_SLA_NO_TIME, 0, 60, "2026-03-02T11:35:00Z", &sla);
  assert_describe (&sla.resolution, "2026-03-02T11:35:00Z", "breached 35 min ago");

  compute (cal, paused, 2, SB_SLA_NO_TIME, 0, 120, "2026-03-02T12:00:00Z", &sla);
  g_assert_true (sla.resolution.paused);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 65);
  assert_describe (&sla.resolution, "2026-03-02T12:00:00Z", "paused, 1 h 5 min left");

  compute (cal, met, 2, SB_SLA_NO_TIME, 0, 60, "2026-03-02T12:00:00Z", &sla);
  assert_describe (&sla.resolution, "2026-03-02T12:00:00Z", "met, 40 min used");

  compute (cal, late, 2, SB_SLA_NO_TIME, 0, 60, "2026-03-02T13:00:00Z", &sla);
  g_assert_true (sla.resolution.done);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_BREACHED);
  assert_describe (&sla.resolution, "2026-03-02T13:00:00Z", "breached by 1 h 20 min");

  compute (cal, running, 1, SB_SLA_NO_TIME, 0, 0, "2026-03-02T13:00:00Z", &sla);
  assert_describe (&sla.resolution, "2026-03-02T13:00:00Z", "no target");
}

static void
test_no_target (void)
{
  g_autoptr (SbCalendar) cal = sb_calendar_new_24x7 ();
  SbSlaSegment segs[] = { { at ("2026-03-02T10:00:00Z"), RUN } };
  SbSla sla;

  compute (cal, segs, 1, SB_SLA_NO_TIME, 0, 0, "2026-03-05T10:00:00Z", &sla);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_NONE);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_NONE);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_NONE);
  g_assert_cmpint (sla.resolution.target_minutes, ==, 0);
  g_assert_cmpint (sla.resolution.remaining_minutes, ==, 0);
  g_assert_cmpuint (sla.resolution.percent, ==, 0);
  g_assert_cmpint (sla.resolution.due_ms, ==, SB_SLA_NO_TIME);
  g_assert_cmpint (sla.resolution.at_risk_ms, ==, SB_SLA_NO_TIME);
  /* The time is still counted. */
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 3 * 1440);

  /* Only a resolution target: the overall state is that clock's. */
  compute (cal, segs, 1, SB_SLA_NO_TIME, 0, 60, "2026-03-02T11:30:00Z", &sla);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_NONE);
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_BREACHED);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_BREACHED);
}

static void
test_start_outside_hours (void)
{
  g_autoptr (SbCalendar) cal = office ();
  SbSlaSegment saturday[] = { { at ("2026-03-07T10:00:00+01:00"), RUN } };
  SbSlaSegment early[] = { { at ("2026-03-09T07:00:00+01:00"), RUN } };
  SbSla sla;

  compute (cal, saturday, 1, SB_SLA_NO_TIME, 60, 0, "2026-03-08T20:00:00+01:00", &sla);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 0);
  assert_instant (sla.response.due_ms, "2026-03-09T10:00:00+01:00");
  assert_instant (sla.response.at_risk_ms, "2026-03-09T09:45:00+01:00");

  compute (cal, saturday, 1, SB_SLA_NO_TIME, 60, 0, "2026-03-09T09:30:00+01:00", &sla);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 30);
  assert_describe (&sla.response, "2026-03-09T09:30:00+01:00", "30 min left");

  compute (cal, early, 1, SB_SLA_NO_TIME, 60, 0, "2026-03-09T08:00:00+01:00", &sla);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 0);
  assert_instant (sla.response.due_ms, "2026-03-09T10:00:00+01:00");
}

/* The same timeline with another target: the pauses, the elapsed time and
 * the due instants agree, as if the new target had always been there. */
static void
test_change_of_target (void)
{
  g_autoptr (SbCalendar) cal = office ();
  SbSlaSegment held[] = {
    { at ("2026-03-02T10:00:00+01:00"), RUN },
    { at (paused_from), PAUSE },
    { at (resumed_at), RUN },
  };
  const char *now = "2026-03-03T11:00:00+01:00";
  SbSla two_days, three_days, short_target;
  gint64 between = -1;

  compute (cal, held, 3, SB_SLA_NO_TIME, 0, 960, now, &two_days);
  compute (cal, held, 3, SB_SLA_NO_TIME, 0, 1440, now, &three_days);

  g_assert_cmpint (three_days.resolution.paused_minutes, ==, 90);
  g_assert_cmpint (three_days.resolution.paused_minutes, ==, two_days.resolution.paused_minutes);
  g_assert_cmpint (three_days.resolution.elapsed_minutes, ==, two_days.resolution.elapsed_minutes);
  assert_instant (three_days.resolution.due_ms, "2026-03-05T11:30:00+01:00");
  g_assert_true (sb_calendar_business_minutes_between (cal, two_days.resolution.due_ms,
                                                       three_days.resolution.due_ms,
                                                       &between, NULL));
  g_assert_cmpint (between, ==, 1440 - 960);
  g_assert_cmpint (three_days.resolution.remaining_minutes, ==, 1440 - 450);

  /* A target of 300 minutes ran out on Monday at 15:00, before the hold. */
  compute (cal, held, 3, SB_SLA_NO_TIME, 0, 300, now, &short_target);
  g_assert_cmpint (short_target.resolution.state, ==, SB_SLA_STATE_BREACHED);
  g_assert_cmpint (short_target.resolution.paused_minutes, ==, 90);
  g_assert_cmpint (short_target.resolution.elapsed_minutes, ==, 450);
  assert_instant (short_target.resolution.due_ms, "2026-03-02T15:00:00+01:00");

  /* Even while on hold it stays breached, with its due instant. */
  compute (cal, held, 3, SB_SLA_NO_TIME, 0, 300, "2026-03-03T09:30:00+01:00", &short_target);
  g_assert_true (short_target.resolution.paused);
  g_assert_cmpint (short_target.resolution.state, ==, SB_SLA_STATE_BREACHED);
  assert_instant (short_target.resolution.due_ms, "2026-03-02T15:00:00+01:00");
}

static void
test_dst_week (void)
{
  g_autoptr (SbCalendar) cal = office ();
  g_autoptr (SbCalendar) madrid_24x7 = sb_calendar_new_from_string (MADRID_24X7, NULL);
  SbSlaSegment spring[] = { { at ("2026-03-27T16:00:00+01:00"), RUN } };
  SbSlaSegment autumn[] = { { at ("2026-10-23T16:00:00+02:00"), RUN } };
  SbSlaSegment night[] = { { at ("2026-03-28T22:00:00+01:00"), RUN } };
  SbSla sla;

  /* Friday 16:00 in winter time, Monday in summer time. */
  compute (cal, spring, 1, SB_SLA_NO_TIME, 0, 120, "2026-03-30T09:30:00+02:00", &sla);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 90);
  assert_instant (sla.resolution.due_ms, "2026-03-30T10:00:00+02:00");
  assert_instant (sla.resolution.at_risk_ms, "2026-03-30T09:30:00+02:00");
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_AT_RISK);

  compute (cal, autumn, 1, SB_SLA_NO_TIME, 0, 120, "2026-10-26T09:30:00+01:00", &sla);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 90);
  assert_instant (sla.resolution.due_ms, "2026-10-26T10:00:00+01:00");

  /* Around the clock in Madrid: the short night has 7 real hours. */
  g_assert_nonnull (madrid_24x7);
  compute (madrid_24x7, night, 1, SB_SLA_NO_TIME, 0, 600, "2026-03-29T06:00:00+02:00", &sla);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 420);
  assert_instant (sla.resolution.due_ms, "2026-03-29T09:00:00+02:00");
}

static void
test_response_clock (void)
{
  g_autoptr (SbCalendar) cal = sb_calendar_new_24x7 ();
  SbSlaSegment segs[] = { { at ("2026-03-02T10:00:00Z"), RUN } };
  SbSlaSegment held[] = {
    { at ("2026-03-02T10:00:00Z"), RUN },
    { at ("2026-03-02T10:10:00Z"), PAUSE },
    { at ("2026-03-02T11:10:00Z"), RUN },
  };
  SbSlaSegment resolved[] = {
    { at ("2026-03-02T10:00:00Z"), RUN },
    { at ("2026-03-02T10:30:00Z"), STOP },
  };
  SbSla sla;

  /* Responded after 20 minutes: met, and it no longer counts. */
  compute (cal, segs, 1, at ("2026-03-02T10:20:00Z"), 60, 240, "2026-03-02T12:00:00Z", &sla);
  g_assert_true (sla.response.done);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 20);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_WITHIN);
  g_assert_cmpint (sla.response.due_ms, ==, SB_SLA_NO_TIME);
  assert_describe (&sla.response, "2026-03-02T12:00:00Z", "met, 20 min used");
  g_assert_false (sla.resolution.done);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 120);

  /* Responded late: breached for good, the overall state too. */
  compute (cal, segs, 1, at ("2026-03-02T11:10:00Z"), 60, 240, "2026-03-02T12:00:00Z", &sla);
  g_assert_true (sla.response.done);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_BREACHED);
  assert_instant (sla.response.due_ms, "2026-03-02T11:00:00Z");
  assert_describe (&sla.response, "2026-03-02T12:00:00Z", "breached by 10 min");
  g_assert_cmpint (sla.resolution.state, ==, SB_SLA_STATE_WITHIN);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_BREACHED);

  /* A pause before the response holds the response clock too. */
  compute (cal, held, 3, SB_SLA_NO_TIME, 60, 240, "2026-03-02T11:20:00Z", &sla);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 20);
  g_assert_cmpint (sla.response.paused_minutes, ==, 60);
  assert_instant (sla.response.due_ms, "2026-03-02T12:00:00Z");

  /* A response in the future of @now does not count yet. */
  compute (cal, segs, 1, at ("2026-03-02T11:00:00Z"), 60, 0, "2026-03-02T10:30:00Z", &sla);
  g_assert_false (sla.response.done);
  g_assert_cmpint (sla.response.elapsed_minutes, ==, 30);

  /* Resolved without a separate response: nothing left to wait for. */
  compute (cal, resolved, 2, SB_SLA_NO_TIME, 60, 240, "2026-03-02T15:00:00Z", &sla);
  g_assert_true (sla.response.done);
  g_assert_cmpint (sla.response.state, ==, SB_SLA_STATE_WITHIN);
  g_assert_true (sla.resolution.done);
  g_assert_cmpint (sla.state, ==, SB_SLA_STATE_WITHIN);
}

static void
test_segments (void)
{
  g_autoptr (SbCalendar) cal = sb_calendar_new_24x7 ();
  g_autoptr (SbCalendar) closed = NULL;
  g_autoptr (GError) error = NULL;
  SbSlaSegment ahead[] = {
    { at ("2026-03-02T10:00:00Z"), RUN },
    { at ("2026-03-02T12:00:00Z"), STOP },
  };
  SbSlaSegment same_start[] = {
    { at ("2026-03-02T10:00:00Z"), RUN },
    { at ("2026-03-02T10:00:00Z"), PAUSE },
  };
  SbSlaSegment disorder[] = {
    { at ("2026-03-02T10:00:00Z"), RUN },
    { at ("2026-03-02T09:00:00Z"), PAUSE },
  };
  SbSla sla;

  /* Segments after now are ignored. */
  compute (cal, ahead, 2, SB_SLA_NO_TIME, 0, 240, "2026-03-02T11:00:00Z", &sla);
  g_assert_false (sla.resolution.done);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 60);

  /* Equal starts: the later one wins. */
  compute (cal, same_start, 2, SB_SLA_NO_TIME, 0, 240, "2026-03-02T11:00:00Z", &sla);
  g_assert_true (sla.resolution.paused);
  g_assert_cmpint (sla.resolution.elapsed_minutes, ==, 0);
  g_assert_cmpint (sla.resolution.paused_minutes, ==, 60);

  g_assert_false (sb_sla_compute (cal, disorder, 2, SB_SLA_NO_TIME, 0, 240,
                                  at ("2026-03-02T11:00:00Z"), &sla, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A calendar without business hours cannot give a due instant. */
  closed = sb_calendar_new ("UTC", NULL);
  g_assert_false (sb_sla_compute (closed, ahead, 1, SB_SLA_NO_TIME, 0, 240,
                                  at ("2026-03-02T11:00:00Z"), &sla, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_NO_OPEN_HOURS);
}

static void
assert_clocks_equal (const SbSlaClock *a, const SbSlaClock *b)
{
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpint (a->done, ==, b->done);
  g_assert_cmpint (a->paused, ==, b->paused);
  g_assert_cmpint (a->target_minutes, ==, b->target_minutes);
  g_assert_cmpint (a->elapsed_minutes, ==, b->elapsed_minutes);
  g_assert_cmpint (a->paused_minutes, ==, b->paused_minutes);
  g_assert_cmpint (a->remaining_minutes, ==, b->remaining_minutes);
  g_assert_cmpint (a->due_ms, ==, b->due_ms);
  g_assert_cmpint (a->at_risk_ms, ==, b->at_risk_ms);
  g_assert_cmpuint (a->percent, ==, b->percent);
}

/* The span table gives what the calendar gives, for timelines thrown at
 * random over two years in calendars with lunch breaks, holidays, night
 * shifts and hours that daylight saving skips or repeats. */
static void
test_cache_equals_calendar (void)
{
  static const char *const definitions[] = {
    "tz=Europe/Madrid;mon=09:00-17:00;tue=09:00-17:00;wed=09:00-17:00;"
    "thu=09:00-17:00;fri=09:00-17:00",
    "tz=Europe/Madrid;mon=08:00-13:00,14:00-17:30;tue=08:00-13:00,14:00-17:30;"
    "wed=08:00-13:00,14:00-17:30;thu=08:00-13:00,14:00-17:30;fri=08:00-14:00;"
    "hol=2026-12-08,2026-12-24..2026-12-31,*-01-01,*-05-01",
    "tz=Europe/Madrid;mon=22:00-24:00;tue=00:00-06:00,22:00-24:00;wed=00:00-06:00",
    "tz=Europe/Madrid;sun=01:00-04:00;sat=00:00-24:00",
    "tz=America/New_York;mon=00:00-03:00,07:00-19:00;sun=00:00-03:00;fri=01:30-02:30",
    "tz=Australia/Lord_Howe;mon=00:00-24:00;sun=01:00-03:00;sat=09:00-12:00",
    "tz=UTC;mon=09:00-17:00;wed=09:00-17:00",
    MADRID_24X7,
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260302);
  gint64 base = at ("2026-01-01T00:00:00Z");
  guint d, round;

  for (d = 0; d < G_N_ELEMENTS (definitions); d++)
    {
      g_autoptr (SbCalendar) cal = sb_calendar_new_from_string (definitions[d], NULL);
      g_autoptr (SbSlaCache) cache = NULL;

      g_assert_nonnull (cal);
      cache = sb_sla_cache_new (cal);

      for (round = 0; round < 400; round++)
        {
          SbSlaSegment segs[6];
          guint n = g_rand_int_range (rand, 1, G_N_ELEMENTS (segs) + 1);
          gint64 t = base + (gint64) g_rand_int_range (rand, 0, 700 * 1440) * 60000 +
                     g_rand_int_range (rand, 0, 60000);
          gint64 responded = SB_SLA_NO_TIME;
          gint64 response = g_rand_int_range (rand, 0, 600);
          gint64 resolution = g_rand_int_range (rand, 0, 6000);
          g_autoptr (GError) error_a = NULL;
          g_autoptr (GError) error_b = NULL;
          SbSla a, b;
          gboolean ok_a, ok_b;
          guint i;

          for (i = 0; i < n; i++)
            {
              segs[i].start_ms = t;
              segs[i].kind = i == 0 ? RUN : (SbSlaSegmentKind) g_rand_int_range (rand, 0, 3);
              t += (gint64) g_rand_int_range (rand, 0, 4 * 1440) * 60000 +
                   g_rand_int_range (rand, 0, 60000);
            }
          if (g_rand_boolean (rand))
            responded = segs[0].start_ms + (gint64) g_rand_int_range (rand, 0, 3 * 1440) * 60000;

          ok_a = sb_sla_compute (cal, segs, n, responded, response, resolution, t, &a, &error_a);
          ok_b = sb_sla_cache_compute (cache, segs, n, responded, response, resolution, t, &b,
                                       &error_b);
          g_assert_no_error (error_a);
          g_assert_no_error (error_b);
          g_assert_true (ok_a && ok_b);
          assert_clocks_equal (&a.response, &b.response);
          assert_clocks_equal (&a.resolution, &b.resolution);
          g_assert_cmpint (a.state, ==, b.state);
        }
    }
}

/* The cache works on a copy: a calendar changed afterwards is not seen. */
static void
test_cache_copy (void)
{
  g_autoptr (SbCalendar) cal = office ();
  g_autoptr (SbSlaCache) cache = sb_sla_cache_new (cal);
  g_autoptr (SbCalendar) closed = sb_calendar_new ("UTC", NULL);
  g_autoptr (SbSlaCache) never = sb_sla_cache_new (closed);
  g_autoptr (GError) error = NULL;
  SbSlaSegment segs[] = { { at ("2026-03-02T16:00:00+01:00"), RUN } };
  SbSla sla;

  sb_calendar_clear_intervals (cal, G_DATE_TUESDAY);
  g_assert_true (sb_sla_cache_compute (cache, segs, 1, SB_SLA_NO_TIME, 120, 0,
                                       at ("2026-03-02T18:00:00+01:00"), &sla, NULL));
  assert_instant (sla.response.due_ms, "2026-03-03T10:00:00+01:00");

  g_assert_false (sb_sla_cache_compute (never, segs, 1, SB_SLA_NO_TIME, 120, 0,
                                        at ("2026-03-02T18:00:00+01:00"), &sla, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_NO_OPEN_HOURS);
}

static void
test_state_strings (void)
{
  static const char *const names[] = { "none", "within", "at-risk", "breached" };
  static const char *const labels[] = { "No target", "Within target", "At risk", "Breached" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SbSlaState state = 99;

      g_assert_cmpstr (sb_sla_state_to_string (i), ==, names[i]);
      g_assert_true (sb_sla_state_from_string (names[i], &state));
      g_assert_cmpint (state, ==, i);
      g_assert_cmpstr (sb_sla_state_get_label (i), ==, labels[i]);
    }

  g_assert_false (sb_sla_state_from_string ("late", NULL));
  g_assert_false (sb_sla_state_from_string (NULL, NULL));
  /* Ordered from best to worst. */
  g_assert_cmpint (SB_SLA_STATE_NONE, <, SB_SLA_STATE_WITHIN);
  g_assert_cmpint (SB_SLA_STATE_WITHIN, <, SB_SLA_STATE_AT_RISK);
  g_assert_cmpint (SB_SLA_STATE_AT_RISK, <, SB_SLA_STATE_BREACHED);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sla/24x7-due", test_24x7_due);
  g_test_add_func ("/sla/office-hours-due", test_office_hours_due);
  g_test_add_func ("/sla/pause-stops-clock", test_pause_stops_clock);
  g_test_add_func ("/sla/pause-not-stopping", test_pause_not_stopping);
  g_test_add_func ("/sla/reopen", test_reopen);
  g_test_add_func ("/sla/at-risk-exactly", test_at_risk_exactly);
  g_test_add_func ("/sla/breached", test_breached);
  g_test_add_func ("/sla/breached-at-closing", test_breached_at_closing);
  g_test_add_func ("/sla/describe", test_describe);
  g_test_add_func ("/sla/no-target", test_no_target);
  g_test_add_func ("/sla/start-outside-hours", test_start_outside_hours);
  g_test_add_func ("/sla/change-of-target", test_change_of_target);
  g_test_add_func ("/sla/dst-week", test_dst_week);
  g_test_add_func ("/sla/response-clock", test_response_clock);
  g_test_add_func ("/sla/segments", test_segments);
  g_test_add_func ("/sla/cache-equals-calendar", test_cache_equals_calendar);
  g_test_add_func ("/sla/cache-copy", test_cache_copy);
  g_test_add_func ("/sla/state-strings", test_state_strings);

  return g_test_run ();
}

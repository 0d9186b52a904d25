/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Time arithmetic shared inside the core by sb-time.c, the calendar and
 * the SLA span table. Defined in sb-calendar.c; not for the store or the UI.
 * All instants and wall times here are in seconds.
 */

/* @a / @b rounded towards minus infinity, as the days of instants before
 * 1970 need. */
static inline gint64
sb_tz_floor_div (gint64 a, gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;

  return q;
}

/* The index of the zone interval of @tz that holds the UTC instant
 * @utc_seconds. */
gint   sb_tz_interval_at     (GTimeZone *tz,
                              gint64     utc_seconds);

/* The first instant in (@lo, @hi] that lies beyond zone interval @k, given
 * that @lo lies within it or before and @hi beyond it: a transition. */
gint64 sb_tz_find_transition (GTimeZone *tz,
                              gint       k,
                              gint64     lo,
                              gint64     hi);

/* The instant of local wall time @wall (seconds since 1970-01-01T00:00 read
 * as UTC): min { u : u + offset (u) >= @wall }. A wall time that happens
 * twice is its first occurrence; one that is skipped is the instant of the
 * change. See the comment at the top of sb-calendar.c. */
gint64 sb_tz_wall_to_utc     (GTimeZone *tz,
                              gint64     wall);

G_END_DECLS

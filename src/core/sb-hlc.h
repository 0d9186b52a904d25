/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SB_HLC_STAMP_LENGTH:
 *
 * The length of a stamp's text form, e.g.
 * `2026-11-21T09:30:00.000Z-0000-0123456789abcdef`.
 */
#define SB_HLC_STAMP_LENGTH 46

/**
 * SB_HLC_COUNTER_MAX:
 *
 * The largest counter a stamp can carry (four hexadecimal digits).
 */
#define SB_HLC_COUNTER_MAX 0xffff

/**
 * SbHlcStamp:
 * @millis: physical part, Unix milliseconds in UTC
 * @counter: logical part, 0 to %SB_HLC_COUNTER_MAX
 * @node: the device id, 16 lowercase hexadecimal digits
 *
 * A hybrid logical clock stamp. Stamps are ordered by @millis, then
 * @counter, then @node, which is also the order of their text forms.
 */
typedef struct
{
  gint64 millis;
  guint counter;
  char node[17];
} SbHlcStamp;

/**
 * SbHlc:
 *
 * A hybrid logical clock for one device: it hands out stamps that only
 * ever grow, close to the wall clock, even when the wall clock steps back
 * or another device's clock runs ahead.
 */
typedef struct _SbHlc SbHlc;

gboolean sb_hlc_stamp_parse (const char *text, SbHlcStamp *out, GError **error);
char *sb_hlc_stamp_format (const SbHlcStamp *s);
int sb_hlc_stamp_compare (const SbHlcStamp *a, const SbHlcStamp *b);

gboolean sb_hlc_node_is_valid (const char *node);
char *sb_hlc_new_node_id (void);

SbHlc *sb_hlc_new (const char *node);
void sb_hlc_free (SbHlc *hlc);
void sb_hlc_observe (SbHlc *hlc, const char *stamp);
char *sb_hlc_next (SbHlc *hlc, gint64 now_ms);
gboolean sb_hlc_receive (SbHlc *hlc,
                         const char *remote,
                         gint64 now_ms,
                         gint64 max_drift_ms,
                         GError **error);
const SbHlcStamp *sb_hlc_get_last (SbHlc *hlc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbHlc, sb_hlc_free)

G_END_DECLS

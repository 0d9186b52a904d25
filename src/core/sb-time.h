/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SB_TIME_MIN_MS:
 *
 * The earliest instant Servicebook can write: 0001-01-01T00:00:00.000Z, in
 * Unix milliseconds.
 */
#define SB_TIME_MIN_MS (G_GINT64_CONSTANT (-62135596800000))

/**
 * SB_TIME_MAX_MS:
 *
 * The latest instant Servicebook can write: 9999-12-31T23:59:59.999Z, in
 * Unix milliseconds.
 */
#define SB_TIME_MAX_MS (G_GINT64_CONSTANT (253402300799999))

gint64 sb_time_now_ms (void);
char *sb_time_now_instant (void);
char *sb_time_format_instant (gint64 ms);
gboolean
sb_time_parse_instant (const char *text, gint64 *out_ms, GError **error);
char *sb_time_format_local (gint64 ms, GTimeZone *tz);

gboolean sb_date_parse (const char *text, GDate *out, GError **error);
char *sb_date_format (const GDate *d);
char *sb_date_format_local (const GDate *d);

char *sb_duration_format (gint64 minutes);

G_END_DECLS

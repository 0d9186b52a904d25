/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Small helpers for the words of a report that are about time: its period
 * and when it was made, in the user's language. Figures themselves are
 * formatted by the callers (sb-money.h, sb-time.h).
 */

char *sb_report_format_period       (const GDate *first,
                                     const GDate *last);
char *sb_report_format_generated_at (gint64       utc_ms,
                                     GTimeZone   *tz);

G_END_DECLS

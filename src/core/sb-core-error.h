/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SB_CORE_ERROR (sb_core_error_quark ())

/**
 * SbCoreError:
 * @SB_CORE_ERROR_INVALID: the input is malformed or out of range
 * @SB_CORE_ERROR_OVERFLOW: the result does not fit in its type
 * @SB_CORE_ERROR_CLOCK_DRIFT: a remote clock is too far ahead of ours
 * @SB_CORE_ERROR_NO_OPEN_HOURS: a calendar has no working time at all
 *
 * Errors raised by the core domain logic.
 */
typedef enum
{
  SB_CORE_ERROR_INVALID,
  SB_CORE_ERROR_OVERFLOW,
  SB_CORE_ERROR_CLOCK_DRIFT,
  SB_CORE_ERROR_NO_OPEN_HOURS,
} SbCoreError;

GQuark sb_core_error_quark (void);
char *sb_core_error_quote_input (const char *text);

G_END_DECLS

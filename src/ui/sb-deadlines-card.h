/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

/* The Overview's "Deadlines" card: the deadlines within the warning
 * window and those missed lately, the contracts whose supplier targets do
 * not cover their services' targets, and "Show All" into the deadlines
 * view (win.show-deadlines). Hidden while the book has no contracts.
 * "store" property. */
#define SB_TYPE_DEADLINES_CARD (sb_deadlines_card_get_type ())
G_DECLARE_FINAL_TYPE (SbDeadlinesCard, sb_deadlines_card, SB, DEADLINES_CARD, AdwPreferencesGroup)

/* At most this many deadline rows; the rest are counted in one row. */
#define SB_DEADLINES_CARD_MAX_ROWS 5

guint sb_deadlines_card_get_n_deadlines      (SbDeadlinesCard *self);
guint sb_deadlines_card_get_n_risky_contracts (SbDeadlinesCard *self);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

/* The Overview's "Needs attention" card: open incidents breached, at
 * risk, major, and the oldest open one, each a link into the Incidents
 * page. "store" property. */
#define SB_TYPE_ATTENTION_CARD (sb_attention_card_get_type ())
G_DECLARE_FINAL_TYPE (SbAttentionCard, sb_attention_card, SB, ATTENTION_CARD, AdwPreferencesGroup)

G_END_DECLS

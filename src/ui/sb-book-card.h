/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_BOOK_CARD (sb_book_card_get_type ())
G_DECLARE_FINAL_TYPE (SbBookCard, sb_book_card, SB, BOOK_CARD, AdwPreferencesGroup)

G_END_DECLS

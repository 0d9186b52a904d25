/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_PREFERENCES_WINDOW (sb_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SbPreferencesWindow, sb_preferences_window, SB, PREFERENCES_WINDOW, AdwPreferencesWindow)

SbPreferencesWindow *sb_preferences_window_new       (SbStore             *store);
SbStore             *sb_preferences_window_get_store (SbPreferencesWindow *self);
void                 sb_preferences_window_set_store (SbPreferencesWindow *self,
                                                      SbStore             *store);

G_END_DECLS

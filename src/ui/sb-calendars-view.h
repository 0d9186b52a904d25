/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_CALENDARS_VIEW (sb_calendars_view_get_type ())
G_DECLARE_FINAL_TYPE (SbCalendarsView, sb_calendars_view, SB, CALENDARS_VIEW, AdwBin)

void        sb_calendars_view_set_store (SbCalendarsView *self,
                                         SbStore         *store);
GListModel *sb_calendars_view_get_model (SbCalendarsView *self);

G_END_DECLS

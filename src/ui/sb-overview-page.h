/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_OVERVIEW_PAGE (sb_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (SbOverviewPage, sb_overview_page, SB, OVERVIEW_PAGE, GtkWidget)

SbStore *sb_overview_page_get_store (SbOverviewPage *self);

G_END_DECLS

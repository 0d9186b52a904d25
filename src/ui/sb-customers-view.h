/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_CUSTOMERS_VIEW (sb_customers_view_get_type ())
G_DECLARE_FINAL_TYPE (SbCustomersView, sb_customers_view, SB, CUSTOMERS_VIEW, AdwBin)

void        sb_customers_view_set_store (SbCustomersView *self,
                                         SbStore         *store);
GListModel *sb_customers_view_get_model (SbCustomersView *self);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_SUPPLIERS_PAGE (sb_suppliers_page_get_type ())
G_DECLARE_FINAL_TYPE (SbSuppliersPage, sb_suppliers_page, SB, SUPPLIERS_PAGE, AdwBin)

SbStore    *sb_suppliers_page_get_store       (SbSuppliersPage *self);
GListModel *sb_suppliers_page_get_model       (SbSuppliersPage *self);
GtkWidget  *sb_suppliers_page_get_detail      (SbSuppliersPage *self);
void        sb_suppliers_page_select_supplier (SbSuppliersPage *self,
                                               const char      *id);
void        sb_suppliers_page_refresh         (SbSuppliersPage *self);
int         sb_suppliers_page_get_on_target   (SbSuppliersPage *self,
                                               const char      *supplier_id);

G_END_DECLS

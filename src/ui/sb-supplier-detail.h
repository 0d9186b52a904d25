/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"
#include "sb-supplier.h"

G_BEGIN_DECLS

#define SB_TYPE_SUPPLIER_DETAIL (sb_supplier_detail_get_type ())
G_DECLARE_FINAL_TYPE (SbSupplierDetail, sb_supplier_detail, SB, SUPPLIER_DETAIL, AdwBin)

/* The performance periods of the chooser, in its order. */
typedef enum
{
  SB_PERFORMANCE_LAST_3_MONTHS,
  SB_PERFORMANCE_LAST_12_MONTHS,
  SB_PERFORMANCE_THIS_YEAR,
} SbPerformancePeriod;

void        sb_supplier_detail_set_store          (SbSupplierDetail   *self,
                                                   SbStore            *store);
SbSupplier *sb_supplier_detail_get_supplier       (SbSupplierDetail   *self);
void        sb_supplier_detail_set_supplier       (SbSupplierDetail   *self,
                                                   SbSupplier         *supplier);
void        sb_supplier_detail_reload             (SbSupplierDetail   *self);
void        sb_supplier_detail_focus              (SbSupplierDetail   *self);
gboolean    sb_supplier_detail_save               (SbSupplierDetail   *self);
void        sb_supplier_detail_set_preferred_width (SbSupplierDetail  *self,
                                                    int                width);
gboolean    sb_supplier_detail_get_modified       (SbSupplierDetail   *self);
gboolean    sb_supplier_detail_get_can_save       (SbSupplierDetail   *self);
const char *sb_supplier_detail_get_problem        (SbSupplierDetail   *self);
void        sb_supplier_detail_set_period         (SbSupplierDetail   *self,
                                                   SbPerformancePeriod period);
guint       sb_supplier_detail_get_n_reviews      (SbSupplierDetail   *self);
guint       sb_supplier_detail_get_n_disputes     (SbSupplierDetail   *self);
guint       sb_supplier_detail_get_n_contracts    (SbSupplierDetail   *self);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"
#include "sb-supplier.h"

G_BEGIN_DECLS

#define SB_TYPE_DISPUTE_DIALOG (sb_dispute_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbDisputeDialog, sb_dispute_dialog, SB, DISPUTE_DIALOG, AdwWindow)

SbDisputeDialog *sb_dispute_dialog_new         (GtkWindow         *parent,
                                                SbStore           *store,
                                                const char        *supplier_id,
                                                SbSupplierDispute *dispute);
void             sb_dispute_dialog_set_status  (SbDisputeDialog   *self,
                                                const char        *status);
const char      *sb_dispute_dialog_get_problem (SbDisputeDialog   *self);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_REVIEW_DIALOG (sb_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbReviewDialog, sb_review_dialog, SB, REVIEW_DIALOG, AdwWindow)

SbReviewDialog *sb_review_dialog_new          (GtkWindow      *parent,
                                               SbStore        *store,
                                               const char     *supplier_id);
void            sb_review_dialog_set_score    (SbReviewDialog *self,
                                               guint           which,
                                               int             score);
const char     *sb_review_dialog_get_problem  (SbReviewDialog *self);

/* An entry row for a YYYY-MM-DD date gets a calendar to pick it from. */
void            sb_date_row_add_picker        (AdwEntryRow    *row);

G_END_DECLS

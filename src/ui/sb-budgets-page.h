/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_BUDGETS_PAGE (sb_budgets_page_get_type ())
G_DECLARE_FINAL_TYPE (SbBudgetsPage, sb_budgets_page, SB, BUDGETS_PAGE, AdwBin)

SbStore    *sb_budgets_page_get_store       (SbBudgetsPage *self);
/* The budget shown (NULL: none, the empty state). */
const char *sb_budgets_page_get_budget_id   (SbBudgetsPage *self);
void        sb_budgets_page_select_budget   (SbBudgetsPage *self,
                                             const char    *id);
/* "budget" or "costs" */
void        sb_budgets_page_show_view       (SbBudgetsPage *self,
                                             const char    *name);
GtkWidget  *sb_budgets_page_get_grid        (SbBudgetsPage *self);
GtkWidget  *sb_budgets_page_get_chart       (SbBudgetsPage *self);
/* The key figures as shown: planned, actual to date, committed,
 * forecast, variance. */
const char *sb_budgets_page_get_key_figure  (SbBudgetsPage *self,
                                             guint          index);
const char *sb_budgets_page_get_status_text (SbBudgetsPage *self);

G_END_DECLS

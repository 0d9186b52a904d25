/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

/* The Overview's "Budget burn" card: the budget covering today, planned
 * against actual to date with a level bar, the forecast at the period's
 * end against the plan with the variance, the lines most over plan, and
 * "Show Budget" (win.show-budgets). Hidden while the book has no budget;
 * a calm line when none covers today. "store" property. */
#define SB_TYPE_BUDGET_CARD (sb_budget_card_get_type ())
G_DECLARE_FINAL_TYPE (SbBudgetCard, sb_budget_card, SB, BUDGET_CARD, AdwPreferencesGroup)

/* At most this many lines over plan are named. */
#define SB_BUDGET_CARD_MAX_OVER 3

/* What the card shows, for tests: the budget (NULL: none covers today)
 * and the figures of its total row. */
const char *sb_budget_card_get_budget_id       (SbBudgetCard *self);
gint64      sb_budget_card_get_planned_to_date (SbBudgetCard *self);
gint64      sb_budget_card_get_actual_to_date  (SbBudgetCard *self);
gint64      sb_budget_card_get_forecast        (SbBudgetCard *self);
gint64      sb_budget_card_get_committed       (SbBudgetCard *self);
gint64      sb_budget_card_get_planned_total   (SbBudgetCard *self);
guint       sb_budget_card_get_n_over          (SbBudgetCard *self);

G_END_DECLS

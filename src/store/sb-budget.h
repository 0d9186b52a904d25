/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sb-budget-math.h"

G_BEGIN_DECLS

/*
 * SbBudget: a budget for a financial period, with its lines and their plan
 * per month (DOMAIN.md, Budgets and costs). A value object: the store hands
 * out fresh copies; edits are written with sb_budgets_save(). Statuses are
 * the schema's strings: draft, approved, superseded, closed.
 */
#define SB_TYPE_BUDGET_LINE (sb_budget_line_get_type ())
G_DECLARE_FINAL_TYPE (SbBudgetLine, sb_budget_line, SB, BUDGET_LINE, GObject)

/* @category: hardware, software, cloud, supplier-services, labour,
 * facilities, training, other */
SbBudgetLine *sb_budget_line_new             (const char   *category);
SbBudgetLine *sb_budget_line_copy            (SbBudgetLine *self);
const char   *sb_budget_line_get_id          (SbBudgetLine *self);   /* NULL until saved */
const char   *sb_budget_line_get_category    (SbBudgetLine *self);
void          sb_budget_line_set_category    (SbBudgetLine *self, const char *category);
const char   *sb_budget_line_get_service_id  (SbBudgetLine *self);   /* nullable */
void          sb_budget_line_set_service_id  (SbBudgetLine *self, const char *id);
const char   *sb_budget_line_get_contract_id (SbBudgetLine *self);   /* nullable */
void          sb_budget_line_set_contract_id (SbBudgetLine *self, const char *id);
const char   *sb_budget_line_get_description (SbBudgetLine *self);
void          sb_budget_line_set_description (SbBudgetLine *self, const char *text);
/* Plan per month of the budget's period, index 0 = its first month
 * (0…23); minor units of the budget's currency. */
gint64        sb_budget_line_get_planned     (SbBudgetLine *self, guint index);
void          sb_budget_line_set_planned     (SbBudgetLine *self, guint index, gint64 amount);
gint64        sb_budget_line_get_planned_total (SbBudgetLine *self);
/* Spreads @yearly over the first @n_months months (sb_budget_spread()). */
void          sb_budget_line_spread          (SbBudgetLine *self, gint64 yearly, guint n_months);

#define SB_TYPE_BUDGET (sb_budget_get_type ())
G_DECLARE_FINAL_TYPE (SbBudget, sb_budget, SB, BUDGET, GObject)

/* A draft of 12 months from @start in @currency, with no lines. */
SbBudget     *sb_budget_new                  (const char   *name,
                                              SbMonth       start,
                                              const char   *currency);
SbBudget     *sb_budget_copy                 (SbBudget     *self);   /* deep: lines too */
const char   *sb_budget_get_id               (SbBudget     *self);
const char   *sb_budget_get_name             (SbBudget     *self);
void          sb_budget_set_name             (SbBudget     *self, const char *name);
SbMonth       sb_budget_get_start            (SbBudget     *self);
void          sb_budget_set_start            (SbBudget     *self, SbMonth start);
guint         sb_budget_get_n_months         (SbBudget     *self);
void          sb_budget_set_n_months         (SbBudget     *self, guint n_months);   /* 1…24 */
const char   *sb_budget_get_currency         (SbBudget     *self);
void          sb_budget_set_currency         (SbBudget     *self, const char *currency);
const char   *sb_budget_get_status           (SbBudget     *self);   /* set by the store */
const char   *sb_budget_get_approved_on      (SbBudget     *self);   /* YYYY-MM-DD or NULL */
const char   *sb_budget_get_revision_of      (SbBudget     *self);   /* nullable */
guint         sb_budget_get_revision         (SbBudget     *self);
const char   *sb_budget_get_notes            (SbBudget     *self);
void          sb_budget_set_notes            (SbBudget     *self, const char *notes);
/* Lines in order (element-type SbBudgetLine, owned by the budget) */
GPtrArray    *sb_budget_get_lines            (SbBudget     *self);
void          sb_budget_add_line             (SbBudget     *self, SbBudgetLine *line);
void          sb_budget_remove_line          (SbBudget     *self, guint index);
gint64        sb_budget_get_planned_total    (SbBudget     *self);
gboolean      sb_budget_is_editable          (SbBudget     *self);   /* a draft */

G_END_DECLS

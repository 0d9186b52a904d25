/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-budgets.h"
#include "sb-store-private.h"

G_BEGIN_DECLS

/* The most months a budget plans (the schema's limit). */
#define SB_BUDGET_MAX_MONTHS 24

/* What only the store sets on a budget and its lines (sb-budget.c). */
void       sb_budget_set_id           (SbBudget     *self,
                                       const char   *id);
void       sb_budget_set_status       (SbBudget     *self,
                                       const char   *status);
void       sb_budget_set_approved_on  (SbBudget     *self,
                                       const char   *day);
void       sb_budget_set_revision     (SbBudget     *self,
                                       guint         revision,
                                       const char   *revision_of);
void       sb_budget_line_set_id      (SbBudgetLine *self,
                                       const char   *id);
/* A budget read by sb_budgets_list() has no lines; its planned total is
 * the one the list read. sb_budget_add_line() and the store's reading of
 * the lines make the lines count again. */
void       sb_budget_set_summary      (SbBudget     *self,
                                       gint64        planned_total);
gboolean   sb_budget_has_lines        (SbBudget     *self);
void       sb_budget_clear_lines      (SbBudget     *self);

/* The same writes as the public ones, inside a transaction that is
 * already open (the sample data, an import). sb_budgets_save_in() sets
 * the new ids on the budget and its lines at once; the caller restores
 * them if the transaction fails. */
gboolean   sb_budgets_save_in         (SbTransaction *tx,
                                       SbStore       *store,
                                       SbBudget      *budget,
                                       GError       **error);
gboolean   sb_budgets_approve_in      (SbTransaction *tx,
                                       SbStore       *store,
                                       const char    *id,
                                       const GDate   *on,
                                       GError       **error);
gboolean   sb_budgets_close_in        (SbTransaction *tx,
                                       SbStore       *store,
                                       const char    *id,
                                       GError       **error);

/* A budget's row as it is in the book (sb-budgets.c). */
typedef struct
{
  char    *name;         /* NULL when there is no such budget */
  char    *status;
  char    *revision_of;
  char    *updated_at;
  guint    revision;
  gboolean deleted;
} SbBudgetRow;

void       sb_budget_row_clear        (SbBudgetRow  *row);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SbBudgetRow, sb_budget_row_clear)

gboolean   sb_budgets_read_row        (SbStore      *store,
                                       const char   *id,
                                       SbBudgetRow  *row,
                                       GError      **error);
/* Refuses a budget that does not exist or was deleted. */
gboolean   sb_budgets_read_live_row   (SbStore      *store,
                                       const char   *id,
                                       SbBudgetRow  *row,
                                       GError      **error);
/* Why a budget that is no longer a draft cannot change: always FALSE. */
gboolean   sb_budgets_refuse_change   (const SbBudgetRow *row,
                                       GError      **error);

G_END_DECLS

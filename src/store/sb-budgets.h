/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-budget.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * The budget register. A draft is edited freely; approving it fixes it
 * (with the date); revising an approved budget makes a new draft copy
 * (revision + 1, revision_of the approved one) and approving that copy
 * marks the earlier one superseded, kept for history; closing ends the
 * period's budget. Saves validate, then write the budget, its lines and
 * its plan rows in one transaction through the one write path, failing
 * with SB_STORE_ERROR_INVALID and a message naming the field.
 */

/* Live budgets, newest period first, then newest revision first. */
GListModel *sb_budgets_list                  (SbStore      *store,
                                              GError      **error);   /* of SbBudget (without lines) */
SbBudget   *sb_budgets_get                   (SbStore      *store,
                                              const char   *id,
                                              GError      **error);   /* with lines and plan */
/* By name, case-insensitive: the newest live revision of the latest period. */
SbBudget   *sb_budgets_find                  (SbStore      *store,
                                              const char   *name);
/* The budget covering @day: the approved one, else the newest draft. */
SbBudget   *sb_budgets_find_current          (SbStore      *store,
                                              const GDate  *day,
                                              GError      **error);
/* Checks: a name; a period of 1…24 months; the book's base currency (costs
 * are kept in it); lines with a known category, and a service and contract
 * that exist; plan amounts not negative; only a draft can change. */
gboolean    sb_budgets_validate              (SbStore      *store,
                                              SbBudget     *budget,
                                              GError      **error);
/* New or edited draft; sets the ids of a new budget and its lines. */
gboolean    sb_budgets_save                  (SbStore      *store,
                                              SbBudget     *budget,
                                              GError      **error);
gboolean    sb_budgets_approve               (SbStore      *store,
                                              const char   *id,
                                              const GDate  *on,
                                              GError      **error);
gboolean    sb_budgets_revise                (SbStore      *store,
                                              const char   *id,
                                              char        **out_new_id,
                                              GError      **error);
gboolean    sb_budgets_close                 (SbStore      *store,
                                              const char   *id,
                                              GError      **error);
/* Only a draft can be deleted; an approved budget is history. */
gboolean    sb_budgets_delete                (SbStore      *store,
                                              const char   *id,
                                              GError      **error);
gboolean    sb_budgets_undelete              (SbStore      *store,
                                              const char   *id,
                                              GError      **error);

/* Book settings: the month the financial year starts (1…12, default 1)
 * and the hourly rate for labour from incident time (minor units of the
 * base currency; 0: labour is not costed). */
int         sb_budgets_get_fiscal_start_month (SbStore     *store);
gboolean    sb_budgets_set_fiscal_start_month (SbStore     *store,
                                               int          month,
                                               GError     **error);
gint64      sb_budgets_get_hourly_rate        (SbStore     *store);
gboolean    sb_budgets_set_hourly_rate        (SbStore     *store,
                                               gint64       rate,
                                               GError     **error);

/* Translated labels */
const char *sb_budget_status_get_label       (const char   *status);
/* draft, approved, superseded, closed */
const char * const *sb_budget_statuses       (void);

G_END_DECLS

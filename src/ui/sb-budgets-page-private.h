/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-budget.h"
#include "sb-budget-grid.h"
#include "sb-budgets-page.h"
#include "sb-chart-view.h"

G_BEGIN_DECLS

#define N_KEY_FIGURES 5

struct _SbBudgetsPage
{
  AdwBin           parent_instance;

  SbStore         *store;
  gulong           changed_id;
  guint            refresh_idle;
  GPtrArray       *budget_ids;     /* of char*, as in the dropdown */
  char            *budget_id;      /* shown */
  SbBudget        *budget;         /* without lines */
  char            *status_text;
  int              refreshing;
  GtkWidget       *values[N_KEY_FIGURES];
  GtkWidget       *costs_view;

  /* Template widgets */
  GtkWidget       *header_box;
  AdwViewStack    *view_stack;
  GtkStack        *budget_stack;
  GtkDropDown     *budget_dropdown;
  GtkStringList   *budget_names;
  GtkLabel        *status_label;
  GtkWidget       *approve_button;
  GtkWidget       *revise_button;
  GtkWidget       *close_button;
  GtkWidget       *delete_button;
  GtkFlowBox      *figures_box;
  SbChartView     *chart_view;
  SbBudgetGrid    *grid;
};

/* sb-budgets-page.c */
void        sb_budgets_page_add_toast       (SbBudgetsPage *self,
                                             AdwToast      *toast);
void        sb_budgets_page_show_message    (SbBudgetsPage *self,
                                             const char    *message,
                                             guint          timeout);
void        sb_budgets_page_show_error      (SbBudgetsPage *self,
                                             const GError  *error);
GtkWindow  *sb_budgets_page_parent_window   (SbBudgetsPage *self);
const char *sb_budgets_page_budget_status   (SbBudgetsPage *self);
void        sb_budgets_page_refresh         (SbBudgetsPage *self);

/* sb-budgets-page-actions.c */
void        sb_budgets_page_new_action      (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);
void        sb_budgets_page_approve_action  (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);
void        sb_budgets_page_close_action    (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);
void        sb_budgets_page_revise_action   (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);
void        sb_budgets_page_delete_action   (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-budget-figures.h"
#include "sb-store.h"

G_BEGIN_DECLS

/* What each month cell shows. */
typedef enum
{
  SB_BUDGET_GRID_PLANNED,
  SB_BUDGET_GRID_ACTUAL,     /* actual plus committed, committed marked */
  SB_BUDGET_GRID_VARIANCE,   /* actual plus committed − planned, to date */
} SbBudgetGridMode;

#define SB_TYPE_BUDGET_GRID (sb_budget_grid_get_type ())
G_DECLARE_FINAL_TYPE (SbBudgetGrid, sb_budget_grid, SB, BUDGET_GRID, AdwBin)

void               sb_budget_grid_set_store       (SbBudgetGrid       *self,
                                                   SbStore            *store);
void               sb_budget_grid_set_budget_id   (SbBudgetGrid       *self,
                                                   const char         *budget_id);
const char        *sb_budget_grid_get_budget_id   (SbBudgetGrid       *self);
void               sb_budget_grid_reload          (SbBudgetGrid       *self);
void               sb_budget_grid_set_grouping    (SbBudgetGrid       *self,
                                                   SbFiguresGrouping   grouping);
SbFiguresGrouping  sb_budget_grid_get_grouping    (SbBudgetGrid       *self);
void               sb_budget_grid_set_mode        (SbBudgetGrid       *self,
                                                   SbBudgetGridMode    mode);
SbBudgetGridMode   sb_budget_grid_get_mode        (SbBudgetGrid       *self);
void               sb_budget_grid_focus_search    (SbBudgetGrid       *self);
/* Rows as shown (after the search), without the total row. */
guint              sb_budget_grid_get_n_rows      (SbBudgetGrid       *self);
const char        *sb_budget_grid_get_row_label   (SbBudgetGrid       *self,
                                                   guint               row);
/* The text of a cell; @row == n_rows is the total row; columns: the
 * months, then the totals (year planned, actual to date, committed,
 * forecast, variance, percent). */
const char        *sb_budget_grid_get_cell_text   (SbBudgetGrid       *self,
                                                   guint               row,
                                                   guint               column);
void               sb_budget_grid_set_cursor      (SbBudgetGrid       *self,
                                                   guint               row,
                                                   guint               column);
void               sb_budget_grid_get_cursor      (SbBudgetGrid       *self,
                                                   guint              *row,
                                                   guint              *column);
gboolean           sb_budget_grid_get_editable    (SbBudgetGrid       *self);
GtkWidget         *sb_budget_grid_get_cell_widget (SbBudgetGrid       *self,
                                                   guint               row,
                                                   guint               column);

G_END_DECLS

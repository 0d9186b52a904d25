/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-budget.h"
#include "sb-budget-grid.h"

G_BEGIN_DECLS

#define SB_BUDGET_GRID_N_TOTALS 6

struct _SbBudgetGrid
{
  AdwBin             parent_instance;

  SbStore           *store;
  char              *budget_id;
  SbBudget          *budget;       /* with lines; NULL when none */
  SbBudgetFigures   *figures;
  SbFiguresGrouping  grouping;
  SbBudgetGridMode   mode;
  char              *search;       /* casefolded; NULL: every row */

  GArray            *rows;         /* of guint: figure rows shown */
  GPtrArray         *cells;        /* of GtkLabel, (n_rows + 1) × n_columns */
  guint              n_columns;
  int                label_chars;  /* the row labels' widest, in characters */
  guint              cursor_row;
  guint              cursor_column;
  char              *cursor_key;   /* row key kept across reloads */

  GtkWidget         *editor;       /* the entry over the cell being edited */
  guint              editor_row;
  guint              editor_column;
  gboolean           committing;

  /* Template widgets */
  GtkWidget         *toolbar;
  GtkDropDown       *grouping_dropdown;
  GtkToggleButton   *planned_button;
  GtkToggleButton   *actual_button;
  GtkToggleButton   *variance_button;
  GtkSearchEntry    *search_entry;
  GtkWidget         *add_line_button;
  GtkWidget         *line_menu_button;
  GtkLabel          *hint_label;
  GtkGrid           *label_grid;
  GtkGrid           *value_grid;
  GtkWidget         *value_scroller;
  GtkPopover        *explain_popover;
  GtkBox            *explain_box;
};

/* sb-budget-grid.c */
void        sb_budget_grid_show_error       (SbBudgetGrid *self,
                                             const GError *error);
void        sb_budget_grid_show_message     (SbBudgetGrid *self,
                                             const char   *message);
SbBudgetLine *sb_budget_grid_cursor_line    (SbBudgetGrid *self,
                                             SbBudget     *budget,
                                             guint        *out_index);
gboolean    sb_budget_grid_save             (SbBudgetGrid *self,
                                             SbBudget     *budget);
char       *sb_budget_grid_format_amount    (gint64        amount,
                                             const char   *currency);

const SbFiguresRow *sb_budget_grid_figure_row (SbBudgetGrid *self,
                                              guint         row);
GtkWidget  *sb_budget_grid_cell_at          (SbBudgetGrid *self,
                                             guint         row,
                                             guint         column);
gboolean    sb_budget_grid_cell_is_editable (SbBudgetGrid *self,
                                             guint         row,
                                             guint         column);
const char *sb_budget_grid_why_read_only    (SbBudgetGrid *self);
void        sb_budget_grid_move_cursor      (SbBudgetGrid *self,
                                             guint         row,
                                             guint         column);

guint       sb_budget_grid_n_months         (SbBudgetGrid *self);

/* sb-budget-grid-cells.c */
char       *sb_budget_grid_cell_text        (SbBudgetGrid *self,
                                             guint         row,
                                             guint         column,
                                             const char  **css_class,
                                             char        **tooltip);

/* sb-budget-grid-edit.c */
void        sb_budget_grid_start_editing    (SbBudgetGrid *self,
                                             const char   *initial);
gboolean    sb_budget_grid_commit_editing   (SbBudgetGrid *self);
void        sb_budget_grid_editor_activate  (SbBudgetGrid *self);
void        sb_budget_grid_init_input       (SbBudgetGrid *self);

/* sb-budget-grid-dialogs.c */
void        sb_budget_grid_add_line_dialog  (SbBudgetGrid *self);
void        sb_budget_grid_spread_dialog    (SbBudgetGrid *self);
void        sb_budget_grid_remove_line      (SbBudgetGrid *self);
void        sb_budget_grid_explain          (SbBudgetGrid *self);

G_END_DECLS

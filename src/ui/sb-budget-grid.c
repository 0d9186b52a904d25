/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sb-budget-grid-private.h"
#include "sb-budgets.h"
#include "sb-contracts.h"
#include "sb-money.h"

/* The grid of a budget: one row per line (or per category, service or
 * supplier), one column per month and the totals after them.  A cell
 * shows the plan, the costs or the variance, as the mode says.  On a
 * draft grouped by line, the plan is edited like a spreadsheet: arrows
 * and Tab move, typing or Enter starts editing, Enter saves the cell and
 * moves down, Escape cancels.  Every cell saved is written to the book at
 * once (one transaction per cell): there is nothing to save later. */

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbBudgetGrid, sb_budget_grid, ADW_TYPE_BIN)

static const char *grid_css =
  ".sb-budget-grid label.sb-cell { padding: 6px 10px; min-height: 22px; }"
  ".sb-budget-grid label.sb-header { font-weight: bold; padding: 6px 10px; min-height: 22px; }"
  ".sb-budget-grid label.sb-total { font-weight: bold; }"
  ".sb-budget-grid label.sb-committed { font-style: italic; }"
  ".sb-budget-grid label.sb-unbudgeted { font-style: italic; }"
  ".sb-budget-grid label.sb-current { background-color: alpha(@accent_bg_color, 0.08); }"
  ".sb-budget-grid label.sb-cursor { box-shadow: inset 0 0 0 1px alpha(@accent_color, 0.5); }"
  ".sb-budget-grid grid:focus label.sb-cursor { box-shadow: inset 0 0 0 2px @accent_color; }"
  ".sb-budget-grid entry.sb-cell-editor { min-height: 22px; border-radius: 0; }"
  ".sb-budget-grid label.sb-over { color: @error_color; }"
  ".sb-budget-grid label.sb-under { color: @success_color; }"
  ".sb-budget-grid label.sb-zero { opacity: 0.45; }"
  ".sb-budget-grid label.sb-row-label { padding: 6px 10px; min-height: 22px; }";

static void rebuild (SbBudgetGrid *self);

/* Helpers */

static GtkWidget *
get_overlay (SbBudgetGrid *self)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
}

void
sb_budget_grid_show_message (SbBudgetGrid *self,
                             const char   *message)
{
  GtkWidget *overlay = get_overlay (self);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }

  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
sb_budget_grid_show_error (SbBudgetGrid *self,
                           const GError *error)
{
  sb_budget_grid_show_message (self, error->message);
}

guint
sb_budget_grid_n_months (SbBudgetGrid *self)
{
  return self->figures != NULL ? sb_budget_figures_get_n_months (self->figures) : 0;
}

const SbFiguresRow *
sb_budget_grid_figure_row (SbBudgetGrid *self,
                           guint         row)
{
  if (self->figures == NULL)
    return NULL;
  if (row < self->rows->len)
    return sb_budget_figures_get_row (self->figures, g_array_index (self->rows, guint, row));
  return sb_budget_figures_get_total (self->figures);
}

static gboolean
is_line_row (SbBudgetGrid *self,
             guint         row)
{
  const SbFiguresRow *figures = sb_budget_grid_figure_row (self, row);

  return self->grouping == SB_FIGURES_BY_LINE && row < self->rows->len &&
         figures != NULL && !figures->unbudgeted;
}

static gboolean
budget_is_draft (SbBudgetGrid *self)
{
  return self->budget != NULL && sb_budget_is_editable (self->budget);
}

gboolean
sb_budget_grid_cell_is_editable (SbBudgetGrid *self,
                                 guint         row,
                                 guint         column)
{
  return budget_is_draft (self) && self->mode == SB_BUDGET_GRID_PLANNED &&
         column < sb_budget_grid_n_months (self) && is_line_row (self, row);
}

GtkWidget *
sb_budget_grid_cell_at (SbBudgetGrid *self,
                        guint         row,
                        guint         column)
{
  guint index = row * self->n_columns + column;

  if (column >= self->n_columns || index >= self->cells->len)
    return NULL;

  return g_ptr_array_index (self->cells, index);
}

static void
update_hint (SbBudgetGrid *self)
{
  const char *hint;

  if (self->budget == NULL)
    hint = "";
  else if (!budget_is_draft (self))
    hint = _("This budget is not a draft: its plan cannot change. Revise it to plan again.");
  else if (self->mode != SB_BUDGET_GRID_PLANNED || self->grouping != SB_FIGURES_BY_LINE)
    hint = _("Show the plan by line to edit it.");
  else
    hint = _("Type an amount into a month to plan it; Enter saves and moves down. Ctrl+I shows where a figure came from.");

  gtk_label_set_label (self->hint_label, hint);
}

static void
update_actions (SbBudgetGrid *self)
{
  gboolean draft_lines = budget_is_draft (self) && self->grouping == SB_FIGURES_BY_LINE;
  gboolean on_line = draft_lines && is_line_row (self, self->cursor_row);
  gboolean explainable = self->figures != NULL && self->cursor_row < self->rows->len &&
                         self->cursor_column < sb_budget_grid_n_months (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.add-line", budget_is_draft (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.spread", on_line);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.remove-line", on_line);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.explain", explainable);
  update_hint (self);
}

static void
scroll_to_cursor (SbBudgetGrid *self)
{
  GtkWidget *cell = sb_budget_grid_cell_at (self, self->cursor_row, self->cursor_column);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->value_scroller));
  GtkWidget *outer, *content;
  graphene_rect_t bounds;
  double value, page;

  if (cell == NULL || !gtk_widget_compute_bounds (cell, GTK_WIDGET (self->value_grid), &bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.x < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.x);
  else if (bounds.origin.x + bounds.size.width > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.x + bounds.size.width - page);

  /* The page around the grid scrolls down and up with the cursor too. */
  outer = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  content = outer != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (outer)) : NULL;
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || !gtk_widget_compute_bounds (cell, content, &bounds))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page);
}

void
sb_budget_grid_move_cursor (SbBudgetGrid *self,
                            guint         row,
                            guint         column)
{
  GtkWidget *old = sb_budget_grid_cell_at (self, self->cursor_row, self->cursor_column);
  GtkWidget *cell;
  const SbFiguresRow *figures;

  if (self->n_columns == 0)
    return;

  row = MIN (row, self->rows->len);
  column = MIN (column, self->n_columns - 1);

  if (old != NULL)
    gtk_widget_remove_css_class (old, "sb-cursor");

  self->cursor_row = row;
  self->cursor_column = column;
  cell = sb_budget_grid_cell_at (self, row, column);
  if (cell != NULL)
    gtk_widget_add_css_class (cell, "sb-cursor");

  figures = sb_budget_grid_figure_row (self, row);
  g_free (self->cursor_key);
  self->cursor_key = row < self->rows->len && figures != NULL ? g_strdup (figures->key) : NULL;

  scroll_to_cursor (self);
  update_actions (self);
}

/* Building the grid */

static GtkWidget *
make_label (const char *text,
            float       xalign,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static gboolean
row_matches (SbBudgetGrid       *self,
             const SbFiguresRow *row)
{
  g_autofree char *folded = NULL;

  if (self->search == NULL)
    return TRUE;

  folded = g_utf8_casefold (row->label != NULL ? row->label : "", -1);
  return strstr (folded, self->search) != NULL;
}

static void
rebuild (SbBudgetGrid *self)
{
  static const char *total_titles[SB_BUDGET_GRID_N_TOTALS] = {
    N_("Year Planned"), N_("Actual to Date"), N_("Committed"),
    /* Translators: the heading of the column of variances in percent */
    N_("Forecast"), N_("Variance"), N_("%"),
  };
  guint months;
  int current;
  GtkWidget *label;

  if (self->editor != NULL)
    {
      g_clear_pointer (&self->editor, gtk_widget_unparent);
    }

  clear_grid (self->label_grid);
  clear_grid (self->value_grid);
  g_ptr_array_set_size (self->cells, 0);
  g_array_set_size (self->rows, 0);
  self->n_columns = 0;

  if (self->figures == NULL)
    {
      update_actions (self);
      return;
    }

  months = sb_budget_grid_n_months (self);
  current = sb_budget_figures_get_current (self->figures);
  self->n_columns = months + SB_BUDGET_GRID_N_TOTALS;

  for (guint i = 0; i < sb_budget_figures_get_n_rows (self->figures); i++)
    if (row_matches (self, sb_budget_figures_get_row (self->figures, i)))
      g_array_append_val (self->rows, i);

  /* Headers */
  label = make_label (self->grouping == SB_FIGURES_BY_LINE ? _("Line") :
                      self->grouping == SB_FIGURES_BY_CATEGORY ? _("Category") :
                      self->grouping == SB_FIGURES_BY_SERVICE ? _("Service") : _("Supplier"),
                      0, "sb-header");
  gtk_grid_attach (self->label_grid, label, 0, 0, 1, 1);
  for (guint m = 0; m < months; m++)
    {
      SbMonth month = sb_budget_figures_get_start (self->figures) + m;
      g_autofree char *text = sb_month_get_label (month, m == 0 || sb_month_get_month (month) == 1);

      label = make_label (text, 1, "sb-header");
      if ((int) m == current)
        gtk_widget_add_css_class (label, "sb-current");
      gtk_grid_attach (self->value_grid, label, m, 0, 1, 1);
    }
  for (guint t = 0; t < SB_BUDGET_GRID_N_TOTALS; t++)
    gtk_grid_attach (self->value_grid, make_label (_(total_titles[t]), 1, "sb-header"), months + t, 0, 1, 1);

  /* Rows, then the total */
  for (guint r = 0; r <= self->rows->len; r++)
    {
      const SbFiguresRow *figures = sb_budget_grid_figure_row (self, r);
      gboolean total = r == self->rows->len;

      label = make_label (total ? _("Total") : figures->label, 0, "sb-row-label");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), self->label_chars);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_widget_set_tooltip_text (label, total ? NULL : figures->label);
      if (total)
        gtk_widget_add_css_class (label, "sb-total");
      if (!total && figures->unbudgeted)
        gtk_widget_add_css_class (label, "sb-unbudgeted");
      gtk_grid_attach (self->label_grid, label, 0, r + 1, 1, 1);

      for (guint c = 0; c < self->n_columns; c++)
        {
          const char *css_class;
          g_autofree char *tooltip = NULL;
          g_autofree char *text = sb_budget_grid_cell_text (self, r, c, &css_class, &tooltip);

          label = make_label (text, 1, "sb-cell");
          gtk_widget_add_css_class (label, "numeric");
          if (css_class != NULL)
            gtk_widget_add_css_class (label, css_class);
          if (total)
            gtk_widget_add_css_class (label, "sb-total");
          if ((int) c == current)
            gtk_widget_add_css_class (label, "sb-current");
          if (!total && figures->unbudgeted)
            gtk_widget_add_css_class (label, "sb-unbudgeted");
          gtk_widget_set_tooltip_text (label, tooltip);
          g_object_set_data (G_OBJECT (label), "sb-cell", GUINT_TO_POINTER (r * self->n_columns + c + 1));
          gtk_grid_attach (self->value_grid, label, c, r + 1, 1, 1);
          g_ptr_array_add (self->cells, label);
        }
    }

  /* The cursor stays on its row (by key) and column. */
  {
    guint row = MIN (self->cursor_row, self->rows->len);

    for (guint r = 0; self->cursor_key != NULL && r < self->rows->len; r++)
      if (g_strcmp0 (sb_budget_grid_figure_row (self, r)->key, self->cursor_key) == 0)
        row = r;
    sb_budget_grid_move_cursor (self, row, self->cursor_column);
  }
}

/* Callbacks */

static void
on_grouping_changed_cb (SbBudgetGrid *self)
{
  SbFiguresGrouping grouping = gtk_drop_down_get_selected (self->grouping_dropdown);

  if (grouping == self->grouping)
    return;

  self->grouping = grouping;
  g_clear_pointer (&self->cursor_key, g_free);
  self->cursor_row = 0;
  sb_budget_grid_reload (self);
}

static void
on_mode_toggled_cb (SbBudgetGrid *self)
{
  SbBudgetGridMode mode = gtk_toggle_button_get_active (self->actual_button) ? SB_BUDGET_GRID_ACTUAL :
                          gtk_toggle_button_get_active (self->variance_button) ? SB_BUDGET_GRID_VARIANCE :
                          SB_BUDGET_GRID_PLANNED;

  if (mode == self->mode)
    return;

  self->mode = mode;
  rebuild (self);
}

static void
on_search_changed_cb (SbBudgetGrid *self)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);

  rebuild (self);
}

static void
on_search_stop_cb (SbBudgetGrid *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->value_grid));
}

/* Actions */

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  sb_budget_grid_add_line_dialog (SB_BUDGET_GRID (widget));
}

static void
spread_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sb_budget_grid_spread_dialog (SB_BUDGET_GRID (widget));
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sb_budget_grid_remove_line (SB_BUDGET_GRID (widget));
}

static void
explain_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sb_budget_grid_explain (SB_BUDGET_GRID (widget));
}

/* GObject */

/* Narrow, the row labels give most of the width to the figures. */
static void
sb_budget_grid_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SbBudgetGrid *self = SB_BUDGET_GRID (widget);
  int chars = width < 600 ? 14 : 32;

  if (chars != self->label_chars)
    {
      self->label_chars = chars;
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->label_grid));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_has_css_class (child, "sb-row-label"))
          gtk_label_set_max_width_chars (GTK_LABEL (child), chars);
    }

  if (adw_bin_get_child (ADW_BIN (self)) != NULL)
    gtk_widget_allocate (adw_bin_get_child (ADW_BIN (self)), width, height, baseline, NULL);
}

static void
sb_budget_grid_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

static void
sb_budget_grid_dispose (GObject *object)
{
  SbBudgetGrid *self = SB_BUDGET_GRID (object);

  if (self->explain_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->explain_popover));
  self->explain_popover = NULL;
  self->editor = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_BUDGET_GRID);
  g_clear_object (&self->store);
  g_clear_object (&self->budget);
  g_clear_pointer (&self->figures, sb_budget_figures_free);

  G_OBJECT_CLASS (sb_budget_grid_parent_class)->dispose (object);
}

static void
sb_budget_grid_finalize (GObject *object)
{
  SbBudgetGrid *self = SB_BUDGET_GRID (object);

  g_free (self->budget_id);
  g_free (self->search);
  g_free (self->cursor_key);
  g_array_unref (self->rows);
  g_ptr_array_unref (self->cells);

  G_OBJECT_CLASS (sb_budget_grid_parent_class)->finalize (object);
}

static void
sb_budget_grid_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SbBudgetGrid *self = SB_BUDGET_GRID (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_budget_grid_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SbBudgetGrid *self = SB_BUDGET_GRID (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sb_budget_grid_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_budget_grid_class_init (SbBudgetGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_budget_grid_dispose;
  object_class->finalize = sb_budget_grid_finalize;
  object_class->get_property = sb_budget_grid_get_property;
  object_class->set_property = sb_budget_grid_set_property;
  widget_class->size_allocate = sb_budget_grid_size_allocate;
  widget_class->measure = sb_budget_grid_measure;

  /**
   * SbBudgetGrid:store:
   *
   * The book the budget is in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-budget-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, grouping_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, planned_button);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, actual_button);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, variance_button);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, add_line_button);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, line_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, hint_label);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, label_grid);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, value_grid);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, value_scroller);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, explain_popover);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetGrid, explain_box);
  gtk_widget_class_bind_template_callback (widget_class, on_grouping_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);

  gtk_widget_class_install_action (widget_class, "grid.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "grid.spread", NULL, spread_action);
  gtk_widget_class_install_action (widget_class, "grid.remove-line", NULL, remove_line_action);
  gtk_widget_class_install_action (widget_class, "grid.explain", NULL, explain_action);
}

static void
sb_budget_grid_init (SbBudgetGrid *self)
{
  static gboolean css_loaded;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The grid lays out its one child itself, to fit the row labels to the
   * width it is about to get. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  self->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->label_chars = 32;
  self->cells = g_ptr_array_new ();

  if (!css_loaded && gdk_display_get_default () != NULL)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, grid_css, -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      css_loaded = TRUE;
    }

  gtk_widget_set_parent (GTK_WIDGET (self->explain_popover), GTK_WIDGET (self));

  sb_budget_grid_init_input (self);

  update_actions (self);
}

/* Public API */

/**
 * sb_budget_grid_save:
 * @self: a budget grid
 * @budget: the edited copy to write
 *
 * Writes @budget through the register, saying in a toast why it was
 * refused if it was.
 *
 * Returns: whether it was saved
 */
gboolean
sb_budget_grid_save (SbBudgetGrid *self,
                     SbBudget     *budget)
{
  g_autoptr(GError) error = NULL;

  if (!sb_budgets_save (self->store, budget, &error))
    {
      sb_budget_grid_show_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_budget_grid_cursor_line:
 * @self: a budget grid
 * @budget: a budget with lines, as read from the book
 * @out_index: (out) (optional): the line's index in @budget
 *
 * Returns: (transfer none) (nullable): the line of @budget the cursor is
 *   on, when grouped by line
 */
SbBudgetLine *
sb_budget_grid_cursor_line (SbBudgetGrid *self,
                            SbBudget     *budget,
                            guint        *out_index)
{
  const SbFiguresRow *figures;
  GPtrArray *lines;

  if (!is_line_row (self, self->cursor_row))
    return NULL;

  figures = sb_budget_grid_figure_row (self, self->cursor_row);
  lines = sb_budget_get_lines (budget);
  for (guint i = 0; i < lines->len; i++)
    if (g_strcmp0 (sb_budget_line_get_id (g_ptr_array_index (lines, i)), figures->key) == 0)
      {
        if (out_index != NULL)
          *out_index = i;
        return g_ptr_array_index (lines, i);
      }

  return NULL;
}

/**
 * sb_budget_grid_set_store:
 * @self: a budget grid
 * @store: (nullable): the book the budget is in
 */
void
sb_budget_grid_set_store (SbBudgetGrid *self,
                          SbStore      *store)
{
  g_return_if_fail (SB_IS_BUDGET_GRID (self));

  if (!g_set_object (&self->store, store))
    return;

  sb_budget_grid_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sb_budget_grid_set_budget_id:
 * @self: a budget grid
 * @budget_id: (nullable): the budget to show
 */
void
sb_budget_grid_set_budget_id (SbBudgetGrid *self,
                              const char   *budget_id)
{
  g_return_if_fail (SB_IS_BUDGET_GRID (self));

  if (g_strcmp0 (budget_id, self->budget_id) != 0)
    {
      g_free (self->budget_id);
      self->budget_id = g_strdup (budget_id);
      g_clear_pointer (&self->cursor_key, g_free);
      self->cursor_row = 0;
      self->cursor_column = 0;
    }

  sb_budget_grid_reload (self);
}

const char *
sb_budget_grid_get_budget_id (SbBudgetGrid *self)
{
  g_return_val_if_fail (SB_IS_BUDGET_GRID (self), NULL);

  return self->budget_id;
}

/**
 * sb_budget_grid_reload:
 * @self: a budget grid
 *
 * Reads the budget and its figures again (after the book changed).  A cell
 * being edited is left alone until it is saved or cancelled.
 */
void
sb_budget_grid_reload (SbBudgetGrid *self)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_return_if_fail (SB_IS_BUDGET_GRID (self));

  if (self->editor != NULL || self->committing)
    return;

  g_clear_object (&self->budget);
  g_clear_pointer (&self->figures, sb_budget_figures_free);

  if (self->store != NULL && self->budget_id != NULL)
    {
      self->budget = sb_budgets_get (self->store, self->budget_id, &error);
      if (self->budget != NULL)
        {
          sb_contracts_get_today (self->store, &today);
          self->figures = sb_budget_figures_compute (self->store, self->budget_id, &today,
                                                     self->grouping, &error);
        }
      if (error != NULL)
        sb_budget_grid_show_error (self, error);
    }

  rebuild (self);
}

void
sb_budget_grid_set_grouping (SbBudgetGrid      *self,
                             SbFiguresGrouping  grouping)
{
  g_return_if_fail (SB_IS_BUDGET_GRID (self));

  gtk_drop_down_set_selected (self->grouping_dropdown, grouping);
}

SbFiguresGrouping
sb_budget_grid_get_grouping (SbBudgetGrid *self)
{
  g_return_val_if_fail (SB_IS_BUDGET_GRID (self), SB_FIGURES_BY_LINE);

  return self->grouping;
}

void
sb_budget_grid_set_mode (SbBudgetGrid     *self,
                         SbBudgetGridMode  mode)
{
  g_return_if_fail (SB_IS_BUDGET_GRID (self));

  gtk_toggle_button_set_active (mode == SB_BUDGET_GRID_ACTUAL ? self->actual_button :
                                mode == SB_BUDGET_GRID_VARIANCE ? self->variance_button :
                                self->planned_button, TRUE);
}

SbBudgetGridMode
sb_budget_grid_get_mode (SbBudgetGrid *self)
{
  g_return_val_if_fail (SB_IS_BUDGET_GRID (self), SB_BUDGET_GRID_PLANNED);

  return self->mode;
}

/**
 * sb_budget_grid_focus_search:
 * @self: a budget grid
 *
 * Puts the focus in the search of lines (the page's Ctrl+F).
 */
void
sb_budget_grid_focus_search (SbBudgetGrid *self)
{
  g_return_if_fail (SB_IS_BUDGET_GRID (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

guint
sb_budget_grid_get_n_rows (SbBudgetGrid *self)
{
  g_return_val_if_fail (SB_IS_BUDGET_GRID (self), 0);

  return self->rows->len;
}

const char *
sb_budget_grid_get_row_label (SbBudgetGrid *self,
                              guint         row)
{
  g_return_val_if_fail (SB_IS_BUDGET_GRID (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return sb_budget_grid_figure_row (self, row)->label;
}

/**
 * sb_budget_grid_get_cell_widget:
 * @self: a budget grid
 * @row: a row, or the number of rows for the total
 * @column: a column
 *
 * Returns: (transfer none) (nullable): the label showing the cell
 */
GtkWidget *
sb_budget_grid_get_cell_widget (SbBudgetGrid *self,
                                guint         row,
                                guint         column)
{
  g_return_val_if_fail (SB_IS_BUDGET_GRID (self), NULL);

  return sb_budget_grid_cell_at (self, row, column);
}

const char *
sb_budget_grid_get_cell_text (SbBudgetGrid *self,
                              guint         row,
                              guint         column)
{
  GtkWidget *cell;

  g_return_val_if_fail (SB_IS_BUDGET_GRID (self), NULL);

  cell = sb_budget_grid_cell_at (self, row, column);
  return cell != NULL ? gtk_label_get_label (GTK_LABEL (cell)) : NULL;
}

void
sb_budget_grid_set_cursor (SbBudgetGrid *self,
                           guint         row,
                           guint         column)
{
  g_return_if_fail (SB_IS_BUDGET_GRID (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->value_grid));
  sb_budget_grid_move_cursor (self, row, column);
}

void
sb_budget_grid_get_cursor (SbBudgetGrid *self,
                           guint        *row,
                           guint        *column)
{
  g_return_if_fail (SB_IS_BUDGET_GRID (self));

  if (row != NULL)
    *row = self->cursor_row;
  if (column != NULL)
    *column = self->cursor_column;
}

/**
 * sb_budget_grid_get_editable:
 * @self: a budget grid
 *
 * Returns: whether the cell under the cursor can be typed into
 */
gboolean
sb_budget_grid_get_editable (SbBudgetGrid *self)
{
  g_return_val_if_fail (SB_IS_BUDGET_GRID (self), FALSE);

  return sb_budget_grid_cell_is_editable (self, self->cursor_row, self->cursor_column);
}

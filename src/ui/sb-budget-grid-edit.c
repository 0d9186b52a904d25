/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-budget-grid-private.h"
#include "sb-budgets.h"
#include "sb-money.h"

/* The grid's keyboard and pointer: moving the cursor like a spreadsheet,
 * and editing the plan of one cell in place: an entry over the cell,
 * saved on Enter, Tab, the arrows or a click elsewhere, dropped on
 * Escape. */

static void
stop_editing (SbBudgetGrid *self)
{
  GtkWidget *editor = g_steal_pointer (&self->editor);
  GtkWidget *cell;

  if (editor == NULL)
    return;

  cell = sb_budget_grid_cell_at (self, self->editor_row, self->editor_column);
  if (cell != NULL)
    gtk_widget_set_visible (cell, TRUE);

  gtk_grid_remove (self->value_grid, editor);
  gtk_widget_grab_focus (GTK_WIDGET (self->value_grid));
}

static gboolean
parse_amount (const char *text,
              const char *currency,
              gint64     *out,
              GError    **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) local_error = NULL;

  if (*stripped == '\0')
    {
      *out = 0;
      return TRUE;
    }

  if (sb_money_parse (stripped, currency, out, &local_error))
    return TRUE;
  if (sb_money_parse_plain (stripped, currency, out, NULL))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Saves the cell being edited; FALSE (and editing goes on) when the
 * amount is refused. */
gboolean
sb_budget_grid_commit_editing (SbBudgetGrid *self)
{
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  const SbFiguresRow *figures;
  SbBudgetLine *line = NULL;
  gint64 amount;

  if (self->editor == NULL || self->committing)
    return TRUE;

  figures = sb_budget_grid_figure_row (self, self->editor_row);
  if (!parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->editor)),
                     sb_budget_get_currency (self->budget), &amount, &error))
    {
      sb_budget_grid_show_error (self, error);
      gtk_widget_grab_focus (self->editor);
      return FALSE;
    }

  if (amount == figures->planned[self->editor_column])
    {
      stop_editing (self);
      return TRUE;
    }

  budget = sb_budgets_get (self->store, self->budget_id, &error);
  if (budget != NULL)
    {
      GPtrArray *lines = sb_budget_get_lines (budget);

      for (guint i = 0; i < lines->len; i++)
        if (g_strcmp0 (sb_budget_line_get_id (g_ptr_array_index (lines, i)), figures->key) == 0)
          line = g_ptr_array_index (lines, i);
    }
  if (line == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("This line is no longer in the budget."));
      sb_budget_grid_show_error (self, error);
      stop_editing (self);
      return TRUE;
    }

  sb_budget_line_set_planned (line, self->editor_column, amount);

  self->committing = TRUE;
  if (!sb_budget_grid_save (self, budget))
    {
      self->committing = FALSE;
      gtk_widget_grab_focus (self->editor);
      return FALSE;
    }
  self->committing = FALSE;

  stop_editing (self);
  sb_budget_grid_reload (self);
  return TRUE;
}

void
sb_budget_grid_editor_activate (SbBudgetGrid *self)
{
  guint row = self->editor_row;
  guint column = self->editor_column;

  if (sb_budget_grid_commit_editing (self))
    sb_budget_grid_move_cursor (self, MIN (row + 1, self->rows->len > 0 ? self->rows->len - 1 : 0), column);
}

static gboolean
on_editor_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          SbBudgetGrid          *self)
{
  guint row = self->editor_row;
  guint column = self->editor_column;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      stop_editing (self);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (sb_budget_grid_commit_editing (self))
        {
          if (keyval == GDK_KEY_Tab && !(state & GDK_SHIFT_MASK))
            sb_budget_grid_move_cursor (self, row, column + 1);
          else if (column > 0)
            sb_budget_grid_move_cursor (self, row, column - 1);
        }
      return TRUE;

    case GDK_KEY_Up:
      if (sb_budget_grid_commit_editing (self) && row > 0)
        sb_budget_grid_move_cursor (self, row - 1, column);
      return TRUE;

    case GDK_KEY_Down:
      if (sb_budget_grid_commit_editing (self))
        sb_budget_grid_move_cursor (self, row + 1 < self->rows->len ? row + 1 : row, column);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_editor_focus_leave_cb (SbBudgetGrid *self)
{
  /* Clicking elsewhere keeps what was typed, as a spreadsheet does; a
   * refused amount was already said in a toast, and is dropped. */
  if (self->editor != NULL && !self->committing)
    {
      if (!sb_budget_grid_commit_editing (self))
        stop_editing (self);
    }
}

void
sb_budget_grid_start_editing (SbBudgetGrid *self,
                              const char   *initial)
{
  GtkWidget *cell;
  GtkEventController *controller;
  g_autofree char *text = NULL;

  if (self->editor != NULL)
    return;

  if (!sb_budget_grid_cell_is_editable (self, self->cursor_row, self->cursor_column))
    {
      sb_budget_grid_show_message (self, sb_budget_grid_why_read_only (self));
      return;
    }

  cell = sb_budget_grid_cell_at (self, self->cursor_row, self->cursor_column);
  if (initial != NULL)
    text = g_strdup (initial);
  else
    {
      gint64 planned = sb_budget_grid_figure_row (self, self->cursor_row)->planned[self->cursor_column];

      text = planned != 0 ? sb_money_format_plain (planned, sb_budget_get_currency (self->budget)) : g_strdup ("");
    }

  self->editor = gtk_entry_new ();
  self->editor_row = self->cursor_row;
  self->editor_column = self->cursor_column;
  gtk_widget_add_css_class (self->editor, "sb-cell-editor");
  gtk_entry_set_alignment (GTK_ENTRY (self->editor), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->editor), 6);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Planned amount"), -1);
  g_signal_connect_swapped (self->editor, "activate", G_CALLBACK (sb_budget_grid_editor_activate), self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_editor_key_pressed_cb), self);
  gtk_widget_add_controller (self->editor, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_editor_focus_leave_cb), self);
  gtk_widget_add_controller (self->editor, controller);

  gtk_widget_set_size_request (self->editor, MAX (gtk_widget_get_width (cell), 60), -1);
  gtk_widget_set_visible (cell, FALSE);
  gtk_grid_attach (self->value_grid, self->editor, self->cursor_column, self->cursor_row + 1, 1, 1);
  gtk_widget_grab_focus (self->editor);
  gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
  if (initial == NULL)
    gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
}


/* Moving */

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   SbBudgetGrid          *self)
{
  guint row = self->cursor_row;
  guint column = self->cursor_column;
  gunichar c;

  if (!gtk_widget_is_focus (GTK_WIDGET (self->value_grid)) || self->n_columns == 0)
    return FALSE;

  state &= gtk_accelerator_get_default_mod_mask ();

  if ((state & GDK_CONTROL_MASK) && (keyval == GDK_KEY_i || keyval == GDK_KEY_I))
    {
      sb_budget_grid_explain (self);
      return TRUE;
    }
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
      if (row > 0)
        sb_budget_grid_move_cursor (self, row - 1, column);
      return TRUE;
    case GDK_KEY_Down:
      sb_budget_grid_move_cursor (self, row + 1, column);
      return TRUE;
    case GDK_KEY_Left:
      if (column > 0)
        sb_budget_grid_move_cursor (self, row, column - 1);
      return TRUE;
    case GDK_KEY_Right:
      sb_budget_grid_move_cursor (self, row, column + 1);
      return TRUE;
    case GDK_KEY_Home:
      sb_budget_grid_move_cursor (self, row, 0);
      return TRUE;
    case GDK_KEY_End:
      sb_budget_grid_move_cursor (self, row, self->n_columns - 1);
      return TRUE;
    case GDK_KEY_Tab:
      if (column + 1 < self->n_columns)
        sb_budget_grid_move_cursor (self, row, column + 1);
      else if (row < self->rows->len)
        sb_budget_grid_move_cursor (self, row + 1, 0);
      else
        return FALSE;   /* on to the next widget */
      return TRUE;
    case GDK_KEY_ISO_Left_Tab:
      if (column > 0)
        sb_budget_grid_move_cursor (self, row, column - 1);
      else if (row > 0)
        sb_budget_grid_move_cursor (self, row - 1, self->n_columns - 1);
      else
        return FALSE;
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_F2:
      sb_budget_grid_start_editing (self, NULL);
      return TRUE;
    case GDK_KEY_Menu:
      sb_budget_grid_explain (self);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_BackSpace:
      if (sb_budget_grid_cell_is_editable (self, row, column))
        {
          sb_budget_grid_start_editing (self, "");
          sb_budget_grid_editor_activate (self);
          return TRUE;
        }
      return FALSE;
    default:
      break;
    }

  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && (g_unichar_isdigit (c) || c == '-' || c == '.' || c == ','))
    {
      char utf8[7] = { 0 };

      g_unichar_to_utf8 (c, utf8);
      sb_budget_grid_start_editing (self, utf8);
      return TRUE;
    }

  return FALSE;
}

static gboolean
cell_position (SbBudgetGrid *self,
               GtkWidget    *widget,
               guint        *row,
               guint        *column)
{
  for (; widget != NULL && widget != GTK_WIDGET (self->value_grid); widget = gtk_widget_get_parent (widget))
    {
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "sb-cell"));

      if (index > 0 && self->n_columns > 0)
        {
          *row = (index - 1) / self->n_columns;
          *column = (index - 1) % self->n_columns;
          return TRUE;
        }
    }

  return FALSE;
}

static void
on_cell_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    SbBudgetGrid    *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->value_grid), x, y, GTK_PICK_DEFAULT);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  guint row, column;

  if (self->editor != NULL && picked != NULL &&
      (picked == self->editor || gtk_widget_is_ancestor (picked, self->editor)))
    return;

  if (!cell_position (self, picked, &row, &column))
    return;

  if (self->editor != NULL && !sb_budget_grid_commit_editing (self))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->value_grid));
  sb_budget_grid_move_cursor (self, row, column);

  if (button == GDK_BUTTON_SECONDARY)
    sb_budget_grid_explain (self);
  else if (n_press == 2)
    sb_budget_grid_start_editing (self, NULL);
}

/**
 * sb_budget_grid_init_input:
 * @self: a budget grid
 *
 * Connects the keys and clicks of the cells.
 */
void
sb_budget_grid_init_input (SbBudgetGrid *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->value_grid), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_cell_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->value_grid), GTK_EVENT_CONTROLLER (gesture));
}

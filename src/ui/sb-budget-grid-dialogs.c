/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-budget-grid-private.h"
#include "sb-budgets.h"
#include "sb-catalog.h"
#include "sb-contracts.h"
#include "sb-costs.h"
#include "sb-money.h"
#include "sb-time.h"

/* What the grid asks in dialogs and popovers: a new line, a yearly figure
 * to spread, the costs behind a figure; and removing a line with undo. */

static GtkWindow *
parent_window (SbBudgetGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
labelled (const char *title,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);

  return box;
}

/* Adding a line */

typedef struct
{
  SbBudgetGrid *grid;
  GtkDropDown  *category;
  GtkDropDown  *service;
  GtkDropDown  *contract;
  GtkEntry     *description;
  GPtrArray    *service_ids;    /* NULL first: none */
  GPtrArray    *contract_ids;
} AddLine;

static void
add_line_free (gpointer  data,
               GClosure *closure)
{
  AddLine *add = data;

  g_object_unref (add->grid);
  g_ptr_array_unref (add->service_ids);
  g_ptr_array_unref (add->contract_ids);
  g_free (add);
}

static void
on_add_line_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         AddLine          *add)
{
  SbBudgetGrid *self = add->grid;
  const char * const *categories = sb_cost_categories ();
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  SbBudgetLine *line;
  guint index;

  if (g_strcmp0 (response, "add") != 0 || self->store == NULL)
    return;

  budget = sb_budgets_get (self->store, self->budget_id, &error);
  if (budget == NULL)
    {
      sb_budget_grid_show_error (self, error);
      return;
    }

  line = sb_budget_line_new (categories[gtk_drop_down_get_selected (add->category)]);
  index = gtk_drop_down_get_selected (add->service);
  if (index < add->service_ids->len)
    sb_budget_line_set_service_id (line, g_ptr_array_index (add->service_ids, index));
  index = gtk_drop_down_get_selected (add->contract);
  if (index < add->contract_ids->len)
    sb_budget_line_set_contract_id (line, g_ptr_array_index (add->contract_ids, index));
  sb_budget_line_set_description (line, gtk_editable_get_text (GTK_EDITABLE (add->description)));
  sb_budget_add_line (budget, line);

  if (sb_budget_grid_save (self, budget))
    {
      g_free (self->cursor_key);
      self->cursor_key = g_strdup (sb_budget_line_get_id (line));
      self->cursor_column = 0;
      sb_budget_grid_reload (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->value_grid));
    }
  g_object_unref (line);
}

/**
 * sb_budget_grid_add_line_dialog:
 * @self: a budget grid
 *
 * Asks for a new line of the draft: its category, and optionally a
 * service of the catalogue, a contract and a description; then saves it.
 */
void
sb_budget_grid_add_line_dialog (SbBudgetGrid *self)
{
  const char * const *categories = sb_cost_categories ();
  g_autoptr(GtkStringList) category_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) service_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) contract_names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GListModel) contracts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *box;
  AddLine *add;

  if (self->budget == NULL || !sb_budget_is_editable (self->budget))
    return;

  add = g_new0 (AddLine, 1);
  add->grid = g_object_ref (self);
  add->service_ids = g_ptr_array_new_with_free_func (g_free);
  add->contract_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; categories[i] != NULL; i++)
    gtk_string_list_append (category_names, sb_cost_category_get_label (categories[i]));

  services = sb_catalog_list_services (self->store, &error);
  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (services, i);
      g_autofree char *name = g_strdup_printf ("%s — %s", sb_service_get_code (service),
                                               sb_service_get_name (service));

      gtk_string_list_append (service_names, name);
      g_ptr_array_add (add->service_ids, g_strdup (sb_service_get_id (service)));
    }
  gtk_string_list_append (service_names, _("No service"));

  contracts = sb_contracts_list (self->store, NULL, error == NULL ? &error : NULL);
  for (guint i = 0; contracts != NULL && i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (contracts, i);
      const char *title = sb_contract_get_title (contract);
      g_autofree char *name = title != NULL && *title != '\0' ?
        g_strdup_printf ("%s — %s", sb_contract_get_reference (contract), title) :
        g_strdup (sb_contract_get_reference (contract));

      gtk_string_list_append (contract_names, name);
      g_ptr_array_add (add->contract_ids, g_strdup (sb_contract_get_id (contract)));
    }
  gtk_string_list_append (contract_names, _("No contract"));

  if (error != NULL)
    sb_budget_grid_show_error (self, error);

  add->category = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (category_names)), NULL));
  add->service = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (service_names)), NULL));
  add->contract = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (contract_names)), NULL));
  gtk_drop_down_set_enable_search (add->service, TRUE);
  gtk_drop_down_set_enable_search (add->contract, TRUE);
  gtk_drop_down_set_expression (add->service, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_expression (add->contract, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_selected (add->service, add->service_ids->len);
  gtk_drop_down_set_selected (add->contract, add->contract_ids->len);
  add->description = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_activates_default (add->description, TRUE);
  gtk_entry_set_placeholder_text (add->description, _("Optional, e.g. Laptop replacements"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), labelled (_("_Category"), GTK_WIDGET (add->category)));
  gtk_box_append (GTK_BOX (box), labelled (_("_Service"), GTK_WIDGET (add->service)));
  gtk_box_append (GTK_BOX (box), labelled (_("C_ontract"), GTK_WIDGET (add->contract)));
  gtk_box_append (GTK_BOX (box), labelled (_("_Description"), GTK_WIDGET (add->description)));

  dialog = adw_message_dialog_new (parent_window (self), _("Add a Budget Line"),
                                   _("Costs of the category go to the most specific line that matches them: its contract, else its service, else the category alone."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add Line"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_add_line_response_cb), add,
                         add_line_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Spreading a yearly figure */

static void
on_spread_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SbBudgetGrid     *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  const char *line_id = g_object_get_data (G_OBJECT (dialog), "line-id");
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GPtrArray *lines;
  gint64 amount = 0;

  if (g_strcmp0 (response, "spread") != 0 || self->store == NULL)
    return;

  budget = sb_budgets_get (self->store, self->budget_id, &error);
  if (budget == NULL)
    {
      sb_budget_grid_show_error (self, error);
      return;
    }

  text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (!sb_money_parse (text, sb_budget_get_currency (budget), &amount, &error) &&
      !sb_money_parse_plain (text, sb_budget_get_currency (budget), &amount, NULL))
    {
      sb_budget_grid_show_error (self, error);
      return;
    }
  g_clear_error (&error);

  lines = sb_budget_get_lines (budget);
  for (guint i = 0; i < lines->len; i++)
    {
      SbBudgetLine *line = g_ptr_array_index (lines, i);

      if (g_strcmp0 (sb_budget_line_get_id (line), line_id) != 0)
        continue;

      sb_budget_line_spread (line, amount, sb_budget_get_n_months (budget));
      if (sb_budget_grid_save (self, budget))
        sb_budget_grid_reload (self);
      return;
    }
}

/**
 * sb_budget_grid_spread_dialog:
 * @self: a budget grid
 *
 * Asks for a figure for the whole period and spreads it over the months
 * of the line under the cursor (sb_budget_line_spread()).
 */
void
sb_budget_grid_spread_dialog (SbBudgetGrid *self)
{
  SbBudgetLine *line;
  GtkWidget *dialog, *entry;
  g_autofree char *body = NULL;
  g_autofree char *current = NULL;
  guint months;

  if (self->budget == NULL || !sb_budget_is_editable (self->budget))
    return;

  line = sb_budget_grid_cursor_line (self, self->budget, NULL);
  if (line == NULL)
    {
      sb_budget_grid_show_message (self, _("Choose a line of the budget to spread a figure over."));
      return;
    }

  months = sb_budget_get_n_months (self->budget);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The amount is shared equally over the %u month of “%s”; what does not divide goes to the first months. The months typed before are replaced.",
                                       "The amount is shared equally over the %u months of “%s”; what does not divide goes to the first months. The months typed before are replaced.",
                                       months),
                          months, sb_budget_figures_get_row (self->figures, g_array_index (self->rows, guint, self->cursor_row))->label);
  current = sb_money_format_plain (sb_budget_line_get_planned_total (line), sb_budget_get_currency (self->budget));

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), current);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Amount for the period"), -1);

  dialog = adw_message_dialog_new (parent_window (self), _("Spread a Yearly Figure"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      labelled (_("_Amount for the period"), entry));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "spread", _("_Spread"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "spread", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "spread");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "line-id", g_strdup (sb_budget_line_get_id (line)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_spread_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Removing a line, with undo */

static void
on_undo_remove_cb (AdwToast *toast,
                   gpointer  user_data)
{
  SbBudgetGrid *self = SB_BUDGET_GRID (user_data);
  SbBudgetLine *removed = g_object_get_data (G_OBJECT (toast), "line");
  g_autoptr(SbBudgetLine) line = NULL;
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  budget = sb_budgets_get (self->store, g_object_get_data (G_OBJECT (toast), "budget-id"), &error);
  if (budget == NULL)
    {
      sb_budget_grid_show_error (self, error);
      return;
    }

  /* The line comes back as a new line with the same plan. */
  line = sb_budget_line_new (sb_budget_line_get_category (removed));
  sb_budget_line_set_service_id (line, sb_budget_line_get_service_id (removed));
  sb_budget_line_set_contract_id (line, sb_budget_line_get_contract_id (removed));
  sb_budget_line_set_description (line, sb_budget_line_get_description (removed));
  for (guint m = 0; m < sb_budget_get_n_months (budget); m++)
    sb_budget_line_set_planned (line, m, sb_budget_line_get_planned (removed, m));
  sb_budget_add_line (budget, line);

  if (sb_budget_grid_save (self, budget))
    sb_budget_grid_reload (self);
}

/**
 * sb_budget_grid_remove_line:
 * @self: a budget grid
 *
 * Removes the line under the cursor from the draft, with an Undo toast.
 */
void
sb_budget_grid_remove_line (SbBudgetGrid *self)
{
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;
  SbBudgetLine *line;
  AdwToast *toast;
  guint index;

  if (self->budget == NULL || !sb_budget_is_editable (self->budget))
    return;

  budget = sb_budgets_get (self->store, self->budget_id, &error);
  if (budget == NULL)
    {
      sb_budget_grid_show_error (self, error);
      return;
    }

  line = sb_budget_grid_cursor_line (self, budget, &index);
  if (line == NULL)
    return;

  toast = adw_toast_new (_("Line removed"));
  g_object_set_data_full (G_OBJECT (toast), "line", sb_budget_line_copy (line), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "budget-id", g_strdup (self->budget_id), g_free);
  sb_budget_remove_line (budget, index);

  if (!sb_budget_grid_save (self, budget))
    {
      g_object_unref (toast);
      return;
    }
  sb_budget_grid_reload (self);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Where a figure came from */

static const char *
source_label (SbFigureSource source)
{
  switch (source)
    {
    case SB_FIGURE_FROM_ENTRY:
      return _("Typed in");
    case SB_FIGURE_FROM_IMPORT:
      return _("Imported");
    case SB_FIGURE_FROM_CONTRACT:
      return _("Contract charge");
    case SB_FIGURE_FROM_COMMITTED:
      return _("Committed, to confirm");
    case SB_FIGURE_FROM_LABOUR:
      return _("Labour");
    default:
      return "";
    }
}

/**
 * sb_budget_grid_explain:
 * @self: a budget grid
 *
 * Shows, beside the cell under the cursor, the costs behind its figure
 * (sb_budget_figures_explain()) and its plan.
 */
void
sb_budget_grid_explain (SbBudgetGrid *self)
{
  g_autoptr(GPtrArray) details = NULL;
  const SbFiguresRow *row;
  const char *currency;
  GtkWidget *cell, *child, *label;
  graphene_rect_t bounds;
  GdkRectangle rect;
  g_autofree char *month = NULL;
  g_autofree char *title = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *planned_text = NULL;
  guint figure_index;

  if (self->figures == NULL || self->cursor_row >= self->rows->len ||
      self->cursor_column >= sb_budget_figures_get_n_months (self->figures))
    {
      sb_budget_grid_show_message (self, _("Choose a month of a row to see the costs behind it."));
      return;
    }

  figure_index = g_array_index (self->rows, guint, self->cursor_row);
  row = sb_budget_figures_get_row (self->figures, figure_index);
  currency = sb_budget_figures_get_currency (self->figures);
  details = sb_budget_figures_explain (self->figures, figure_index, self->cursor_column);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->explain_box))) != NULL)
    gtk_box_remove (self->explain_box, child);

  month = sb_month_get_label (sb_budget_figures_get_start (self->figures) + self->cursor_column, TRUE);
  /* Translators: a row of the budget grid and a month, e.g. "Cloud and hosting — EMAIL, Apr 2026" */
  title = g_strdup_printf (_("%s, %s"), row->label, month);
  label = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (self->explain_box, label);

  planned = sb_money_format (row->planned[self->cursor_column], currency);
  planned_text = g_strdup_printf (_("Planned: %s"), planned);
  label = gtk_label_new (planned_text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (self->explain_box, label);

  if (details == NULL || details->len == 0)
    {
      label = gtk_label_new (_("No costs were recorded for this month."));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (self->explain_box, label);
    }

  for (guint i = 0; details != NULL && i < details->len; i++)
    {
      SbFigureDetail *detail = g_ptr_array_index (details, i);
      g_autofree char *amount = sb_money_format (detail->amount, currency);
      g_autofree char *date = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      if (g_date_valid (&detail->date))
        date = sb_date_format_local (&detail->date);
      /* Translators: a cost behind a figure: its amount and where it came from */
      first = g_strdup_printf (_("%s — %s"), amount, source_label (detail->source));
      /* Translators: a cost behind a figure: its date and description */
      second = date != NULL ? g_strdup_printf (_("%s, %s"), date, detail->description != NULL ? detail->description : "")
                             : g_strdup (detail->description != NULL ? detail->description : "");

      label = gtk_label_new (first);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "numeric");
      if (detail->source == SB_FIGURE_FROM_COMMITTED)
        gtk_widget_add_css_class (label, "sb-committed");
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new (second);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (self->explain_box, box);
    }

  cell = sb_budget_grid_get_cell_widget (self, self->cursor_row, self->cursor_column);
  if (cell != NULL && gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &bounds))
    {
      rect.x = bounds.origin.x;
      rect.y = bounds.origin.y;
      rect.width = bounds.size.width;
      rect.height = bounds.size.height;
      gtk_popover_set_pointing_to (self->explain_popover, &rect);
    }
  gtk_popover_popup (self->explain_popover);
}

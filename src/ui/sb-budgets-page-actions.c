/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-budget-grid.h"
#include "sb-budgets.h"
#include "sb-budgets-page-private.h"
#include "sb-contracts.h"
#include "sb-costs-view.h"

/* The Budgets page's actions on budgets: a new one (asked in a dialog),
 * approving, revising, closing and deleting a draft, each confirmed where
 * it cannot be undone and explained in words when the register refuses. */

/* Actions: a new budget */

static void
on_new_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SbBudgetsPage    *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkDropDown *month = g_object_get_data (G_OBJECT (dialog), "month");
  GtkSpinButton *year = g_object_get_data (G_OBJECT (dialog), "year");
  GtkSpinButton *months = g_object_get_data (G_OBJECT (dialog), "months");
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SbMonth start;

  if (g_strcmp0 (response, "create") != 0 || self->store == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  start = sb_month_from_ymd (gtk_spin_button_get_value_as_int (year), gtk_drop_down_get_selected (month) + 1);
  budget = sb_budget_new (text, start, sb_store_get_base_currency (self->store));
  sb_budget_set_n_months (budget, gtk_spin_button_get_value_as_int (months));

  if (!sb_budgets_save (self->store, budget, &error))
    {
      sb_budgets_page_show_error (self, error);
      return;
    }

  sb_budgets_page_select_budget (self, sb_budget_get_id (budget));
  sb_budgets_page_show_message (self, _("Budget created: add its lines, then type the plan per month"), 4);
  gtk_widget_activate_action (GTK_WIDGET (self->grid), "grid.add-line", NULL);
}

static void
on_new_name_changed_cb (GtkEditable      *name,
                        AdwMessageDialog *dialog)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "create", *stripped != '\0');
}

/* Return in a spin button's text confirms the dialog as in an entry; GTK
 * 4.8's spin button has no activates-default of its own. */
static void
spin_activates_default (GtkWidget *spin)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (spin));

  if (GTK_IS_TEXT (text))
    gtk_text_set_activates_default (GTK_TEXT (text), TRUE);
}

static GtkWidget *
labelled (const char *title,
          GtkWidget  *widget,
          GtkWidget  *mnemonic)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic != NULL ? mnemonic : widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);

  return box;
}

void
sb_budgets_page_new_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (widget);
  g_autoptr(GtkStringList) month_names = gtk_string_list_new (NULL);
  g_autofree char *period = NULL;
  g_autofree char *name_text = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *box, *row, *name, *month, *year, *months;
  int start_month;
  SbMonth start;
  GDate today;

  if (self->store == NULL)
    return;

  /* In the Costs view, Ctrl+N is a new cost. */
  if (self->costs_view != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "costs") == 0)
    {
      sb_costs_view_focus_entry (SB_COSTS_VIEW (self->costs_view));
      return;
    }

  sb_contracts_get_today (self->store, &today);
  start_month = sb_budgets_get_fiscal_start_month (self->store);
  start = sb_fiscal_year_start (&today, start_month);
  period = sb_fiscal_period_get_label (start, 12);
  /* Translators: the name proposed for a new budget, with its period */
  name_text = g_strdup_printf (_("Budget %s"), period);

  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *label = sb_month_get_label (sb_month_from_ymd (2000, m), FALSE);

      gtk_string_list_append (month_names, label);
    }

  name = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (name), name_text);
  gtk_entry_set_activates_default (GTK_ENTRY (name), TRUE);
  month = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (month_names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (month), sb_month_get_month (start) - 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (month), GTK_ACCESSIBLE_PROPERTY_LABEL, _("First month"), -1);
  year = gtk_spin_button_new_with_range (2000, 2100, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (year), sb_month_get_year (start));
  gtk_accessible_update_property (GTK_ACCESSIBLE (year), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
  months = gtk_spin_button_new_with_range (1, 24, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (months), 12);
  spin_activates_default (year);
  spin_activates_default (months);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (row), month);
  gtk_box_append (GTK_BOX (row), year);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), labelled (_("_Name"), name, NULL));
  gtk_box_append (GTK_BOX (box), labelled (_("_Starts in"), row, month));
  gtk_box_append (GTK_BOX (box), labelled (_("_Months"), months, NULL));

  body = g_strdup_printf (_("The financial year of this book starts in the month set in Preferences. Amounts are in %s, the book’s currency: costs in other currencies are converted into it."),
                          sb_store_get_base_currency (self->store));
  dialog = adw_message_dialog_new (sb_budgets_page_parent_window (self), _("New Budget"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "month", month);
  g_object_set_data (G_OBJECT (dialog), "year", year);
  g_object_set_data (G_OBJECT (dialog), "months", months);
  g_signal_connect (name, "changed", G_CALLBACK (on_new_name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

/* Actions: the budget's life */

static void
on_approve_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        SbBudgetsPage    *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "budget-id");
  g_autoptr(GError) error = NULL;
  GDate today;

  if (g_strcmp0 (response, "approve") != 0 || self->store == NULL)
    return;

  sb_contracts_get_today (self->store, &today);
  if (!sb_budgets_approve (self->store, id, &today, &error))
    {
      sb_budgets_page_show_error (self, error);
      return;
    }

  sb_budgets_page_show_message (self, _("Budget approved"), 3);
  sb_budgets_page_refresh (self);
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SbBudgetsPage    *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "budget-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "close") != 0 || self->store == NULL)
    return;

  if (!sb_budgets_close (self->store, id, &error))
    {
      sb_budgets_page_show_error (self, error);
      return;
    }

  sb_budgets_page_show_message (self, _("Budget closed"), 3);
  sb_budgets_page_refresh (self);
}

static void
confirm (SbBudgetsPage *self,
         const char    *heading,
         const char    *body,
         const char    *response,
         const char    *response_label,
         GCallback      callback)
{
  GtkWidget *dialog = adw_message_dialog_new (sb_budgets_page_parent_window (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "budget-id", g_strdup (self->budget_id), g_free);
  g_signal_connect_object (dialog, "response", callback, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sb_budgets_page_approve_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (widget);
  g_autofree char *heading = NULL;
  const char *body;

  if (g_strcmp0 (sb_budgets_page_budget_status (self), "draft") != 0)
    return;

  heading = g_strdup_printf (_("Approve “%s”?"), sb_budget_get_name (self->budget));
  body = sb_budget_get_revision_of (self->budget) != NULL ?
    _("Its plan is fixed from today and replaces the approved version, which is kept for history.") :
    _("Its plan is fixed from today. To change it later, revise it: a draft copy is made and this version is kept for history.");
  confirm (self, heading, body, "approve", _("_Approve"), G_CALLBACK (on_approve_response_cb));
}

void
sb_budgets_page_close_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (widget);
  g_autofree char *heading = NULL;

  if (g_strcmp0 (sb_budgets_page_budget_status (self), "approved") != 0)
    return;

  heading = g_strdup_printf (_("Close “%s”?"), sb_budget_get_name (self->budget));
  confirm (self, heading,
           _("A closed budget is kept with its figures for history, and can no longer be revised."),
           "close", _("C_lose Budget"), G_CALLBACK (on_close_response_cb));
}

void
sb_budgets_page_revise_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (sb_budgets_page_budget_status (self), "approved") != 0)
    return;

  if (!sb_budgets_revise (self->store, self->budget_id, &new_id, &error))
    {
      sb_budgets_page_show_error (self, error);
      return;
    }

  message = g_strdup_printf (_("Revision %u is a draft: change its plan, then approve it to replace revision %u"),
                             sb_budget_get_revision (self->budget) + 1, sb_budget_get_revision (self->budget));
  sb_budgets_page_select_budget (self, new_id);
  sb_budgets_page_show_message (self, message, 6);
}

static void
on_undo_delete_cb (AdwToast *toast,
                   gpointer  user_data)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (user_data);
  const char *id = g_object_get_data (G_OBJECT (toast), "budget-id");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!sb_budgets_undelete (self->store, id, &error))
    {
      sb_budgets_page_show_error (self, error);
      return;
    }

  sb_budgets_page_select_budget (self, id);
}

void
sb_budgets_page_delete_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->budget_id);
  AdwToast *toast;

  if (g_strcmp0 (sb_budgets_page_budget_status (self), "draft") != 0)
    return;

  if (!sb_budgets_delete (self->store, id, &error))
    {
      sb_budgets_page_show_error (self, error);
      return;
    }

  g_clear_pointer (&self->budget_id, g_free);
  sb_budgets_page_refresh (self);

  toast = adw_toast_new (_("Draft budget deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "budget-id", g_steal_pointer (&id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  sb_budgets_page_add_toast (self, toast);
}


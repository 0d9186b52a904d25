/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-catalog.h"
#include "sb-contracts.h"
#include "sb-costs-view-private.h"
#include "sb-money.h"
#include "sb-suppliers.h"
#include "sb-time.h"

/* The fields of a cost entry (the costs view's quick-entry row and its
 * edit dialog) and the dialogs that edit an entry and confirm a committed
 * charge.  Every field says in words what is wrong with it; the store's
 * checks (sb_costs_validate()) have the last word. */

/* Choices */

GtkWidget *
sb_cost_form_new_dropdown (GtkStringList *items)
{
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (items)), expression);

  /* Long lists of suppliers are found by typing. */
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);

  return dropdown;
}

const char *
sb_cost_form_id_at (GPtrArray *ids,
                    guint      index)
{
  if (index == GTK_INVALID_LIST_POSITION || index >= ids->len)
    return NULL;

  return g_ptr_array_index (ids, index);
}

guint
sb_cost_form_index_of (GPtrArray  *ids,
                       const char *id)
{
  for (guint i = 1; id != NULL && i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return i;

  return 0;
}

static void
replace_names (GtkStringList *names,
               GPtrArray     *labels)
{
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                          (const char * const *) labels->pdata);
}

void
sb_cost_form_list_suppliers (SbStore       *store,
                             const char    *first_label,
                             GPtrArray     *ids,
                             GtkStringList *names)
{
  g_autoptr(GListModel) suppliers = sb_suppliers_list (store, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n = suppliers != NULL ? g_list_model_get_n_items (suppliers) : 0;

  g_ptr_array_set_size (ids, 0);
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, g_strdup (first_label));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (suppliers, i);

      g_ptr_array_add (ids, g_strdup (sb_supplier_get_id (supplier)));
      g_ptr_array_add (labels, g_strdup (sb_supplier_get_name (supplier)));
    }
  replace_names (names, labels);
}

void
sb_cost_form_list_services (SbStore       *store,
                            const char    *first_label,
                            GPtrArray     *ids,
                            GtkStringList *names)
{
  g_autoptr(GListModel) services = sb_catalog_list_services (store, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n = services != NULL ? g_list_model_get_n_items (services) : 0;

  g_ptr_array_set_size (ids, 0);
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, g_strdup (first_label));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (services, i);

      g_ptr_array_add (ids, g_strdup (sb_service_get_id (service)));
      /* Translators: a service's code and name, as in “EMAIL — Email and calendars” */
      g_ptr_array_add (labels, g_strdup_printf (_("%s — %s"), sb_service_get_code (service),
                                                sb_service_get_name (service)));
    }
  replace_names (names, labels);
}

/* The form */

static GtkWidget *
new_entry (const char *placeholder,
           const char *accessible_label,
           int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  gtk_widget_set_tooltip_text (entry, accessible_label);

  return entry;
}

static void
on_currency_changed_cb (GtkDropDown *dropdown,
                        GParamSpec  *pspec,
                        SbCostForm  *form)
{
  sb_cost_form_update_rate (form);
}

/**
 * sb_cost_form_init:
 * @form: the form to fill in
 * @store: the book
 *
 * Makes the fields (floating: the caller packs them) with today's date,
 * the base currency and no category.
 */
void
sb_cost_form_init (SbCostForm *form,
                   SbStore    *store)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) currencies = gtk_string_list_new ((const char * const *) sb_currency_get_codes ());
  g_autoptr(GtkStringList) suppliers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) services = gtk_string_list_new (NULL);
  const char * const *codes = sb_cost_categories ();
  GDate today;
  g_autofree char *today_text = NULL;

  memset (form, 0, sizeof *form);
  form->store = store;
  form->supplier_ids = g_ptr_array_new_with_free_func (g_free);
  form->service_ids = g_ptr_array_new_with_free_func (g_free);

  sb_contracts_get_today (store, &today);
  today_text = sb_date_format (&today);
  form->date_entry = new_entry (_("YYYY-MM-DD"), _("Date"), 10);
  gtk_editable_set_text (GTK_EDITABLE (form->date_entry), today_text);

  form->amount_entry = new_entry (_("Amount"), _("Amount"), 9);
  gtk_entry_set_input_purpose (GTK_ENTRY (form->amount_entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_alignment (GTK_ENTRY (form->amount_entry), 1.0);

  form->currency_dropdown = sb_cost_form_new_dropdown (currencies);
  gtk_widget_set_tooltip_text (form->currency_dropdown, _("Currency"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->currency_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Currency"), -1);

  form->rate_entry = new_entry (_("Rate"), _("Exchange rate: base currency per unit"), 7);
  gtk_entry_set_input_purpose (GTK_ENTRY (form->rate_entry), GTK_INPUT_PURPOSE_NUMBER);

  gtk_string_list_append (categories, _("Category"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (categories, sb_cost_category_get_label (codes[i]));
  form->category_dropdown = sb_cost_form_new_dropdown (categories);
  gtk_widget_set_tooltip_text (form->category_dropdown, _("Category"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->category_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Category"), -1);

  form->supplier_dropdown = sb_cost_form_new_dropdown (suppliers);
  gtk_widget_set_tooltip_text (form->supplier_dropdown, _("Supplier"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->supplier_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Supplier"), -1);

  form->service_dropdown = sb_cost_form_new_dropdown (services);
  gtk_widget_set_tooltip_text (form->service_dropdown, _("Service"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->service_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Service"), -1);

  form->description_entry = new_entry (_("Description"), _("Description"), 18);
  form->invoice_entry = new_entry (_("Invoice"), _("Invoice reference"), 9);

  sb_cost_form_reload_choices (form);
  sb_cost_form_select_currency (form, sb_store_get_base_currency (store));
  g_signal_connect (form->currency_dropdown, "notify::selected", G_CALLBACK (on_currency_changed_cb), form);
  /* The form may outlive its fields (or not): the handler goes with whichever goes first. */
  g_object_add_weak_pointer (G_OBJECT (form->currency_dropdown), (gpointer *) &form->currency_dropdown);
  sb_cost_form_update_rate (form);
}

void
sb_cost_form_clear_data (SbCostForm *form)
{
  if (form->currency_dropdown != NULL)
    {
      g_signal_handlers_disconnect_by_data (form->currency_dropdown, form);
      g_object_remove_weak_pointer (G_OBJECT (form->currency_dropdown), (gpointer *) &form->currency_dropdown);
      form->currency_dropdown = NULL;
    }
  g_clear_pointer (&form->supplier_ids, g_ptr_array_unref);
  g_clear_pointer (&form->service_ids, g_ptr_array_unref);
  g_clear_pointer (&form->contract_id, g_free);
}

void
sb_cost_form_reload_choices (SbCostForm *form)
{
  GtkDropDown *suppliers = GTK_DROP_DOWN (form->supplier_dropdown);
  GtkDropDown *services = GTK_DROP_DOWN (form->service_dropdown);
  g_autofree char *supplier_id = g_strdup (sb_cost_form_id_at (form->supplier_ids, gtk_drop_down_get_selected (suppliers)));
  g_autofree char *service_id = g_strdup (sb_cost_form_id_at (form->service_ids, gtk_drop_down_get_selected (services)));

  sb_cost_form_list_suppliers (form->store, _("No supplier"), form->supplier_ids,
                               GTK_STRING_LIST (gtk_drop_down_get_model (suppliers)));
  sb_cost_form_list_services (form->store, _("No service"), form->service_ids,
                              GTK_STRING_LIST (gtk_drop_down_get_model (services)));
  gtk_drop_down_set_selected (suppliers, sb_cost_form_index_of (form->supplier_ids, supplier_id));
  gtk_drop_down_set_selected (services, sb_cost_form_index_of (form->service_ids, service_id));
}

const char *
sb_cost_form_get_currency (SbCostForm *form)
{
  const char * const *codes = sb_currency_get_codes ();
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (form->currency_dropdown));

  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) codes))
    return sb_store_get_base_currency (form->store);

  return codes[selected];
}

void
sb_cost_form_select_currency (SbCostForm *form,
                              const char *code)
{
  const char * const *codes = sb_currency_get_codes ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (form->currency_dropdown), i);
}

void
sb_cost_form_update_rate (SbCostForm *form)
{
  const char *currency = sb_cost_form_get_currency (form);
  const char *base = sb_store_get_base_currency (form->store);
  gboolean foreign = g_strcmp0 (currency, base) != 0;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (form->rate_entry, foreign);
  if (!foreign)
    {
      gtk_editable_set_text (GTK_EDITABLE (form->rate_entry), "");
      return;
    }

  /* Translators: the exchange rate's tooltip, as in “EUR per 1 USD” */
  tooltip = g_strdup_printf (_("%s per 1 %s"), base, currency);
  gtk_widget_set_tooltip_text (form->rate_entry, tooltip);
  gtk_entry_set_placeholder_text (GTK_ENTRY (form->rate_entry), tooltip);

  /* The rate last used for this currency, as a start. */
  {
    gint64 last = sb_costs_get_last_rate (form->store, currency);
    g_autofree char *text = last > 0 ? sb_rate_format (last) : g_strdup ("");

    gtk_editable_set_text (GTK_EDITABLE (form->rate_entry), text);
  }
}

void
sb_cost_form_fill (SbCostForm  *form,
                   SbCostEntry *entry)
{
  const char * const *codes = sb_cost_categories ();
  const char *currency = sb_cost_entry_get_currency (entry);
  g_autofree char *amount = NULL;
  guint category = 0;

  gtk_editable_set_text (GTK_EDITABLE (form->date_entry), sb_cost_entry_get_date (entry));
  sb_cost_form_select_currency (form, currency);
  amount = sb_money_format_plain (sb_cost_entry_get_amount (entry), currency);
  gtk_editable_set_text (GTK_EDITABLE (form->amount_entry), amount);
  if (g_strcmp0 (currency, sb_store_get_base_currency (form->store)) != 0)
    {
      g_autofree char *rate = sb_rate_format (sb_cost_entry_get_rate_micro (entry));

      gtk_editable_set_text (GTK_EDITABLE (form->rate_entry), rate);
    }

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], sb_cost_entry_get_category (entry)) == 0)
      category = i + 1;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (form->category_dropdown), category);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (form->supplier_dropdown),
                              sb_cost_form_index_of (form->supplier_ids, sb_cost_entry_get_supplier_id (entry)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (form->service_dropdown),
                              sb_cost_form_index_of (form->service_ids, sb_cost_entry_get_service_id (entry)));
  gtk_editable_set_text (GTK_EDITABLE (form->description_entry),
                         sb_cost_entry_get_description (entry) != NULL ? sb_cost_entry_get_description (entry) : "");
  gtk_editable_set_text (GTK_EDITABLE (form->invoice_entry),
                         sb_cost_entry_get_invoice_ref (entry) != NULL ? sb_cost_entry_get_invoice_ref (entry) : "");
  g_free (form->contract_id);
  form->contract_id = g_strdup (sb_cost_entry_get_contract_id (entry));
}

static char *
stripped_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static gboolean
refuse (GError    **error,
        GtkWidget  *field,
        const char *message)
{
  gtk_widget_add_css_class (field, "error");
  g_set_error_literal (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
sb_cost_form_read (SbCostForm   *form,
                   SbCostEntry  *entry,
                   GError      **error)
{
  const char * const *codes = sb_cost_categories ();
  const char *currency = sb_cost_form_get_currency (form);
  const char *base = sb_store_get_base_currency (form->store);
  g_autofree char *date = stripped_text (form->date_entry);
  g_autofree char *amount_text = stripped_text (form->amount_entry);
  g_autofree char *rate_text = stripped_text (form->rate_entry);
  g_autofree char *description = stripped_text (form->description_entry);
  g_autofree char *invoice = stripped_text (form->invoice_entry);
  g_autoptr(GError) local_error = NULL;
  guint category = gtk_drop_down_get_selected (GTK_DROP_DOWN (form->category_dropdown));
  gint64 amount = 0;
  gint64 rate = 1000000;
  GDate day;

  gtk_widget_remove_css_class (form->date_entry, "error");
  gtk_widget_remove_css_class (form->amount_entry, "error");
  gtk_widget_remove_css_class (form->rate_entry, "error");
  gtk_widget_remove_css_class (form->category_dropdown, "error");

  if (*date == '\0')
    return refuse (error, form->date_entry, _("Type the date of the cost, as YYYY-MM-DD"));
  if (!sb_date_parse (date, &day, &local_error))
    {
      g_autofree char *message = g_strdup_printf (_("Date: %s"), local_error->message);

      return refuse (error, form->date_entry, message);
    }

  if (*amount_text == '\0')
    return refuse (error, form->amount_entry, _("Type the amount of the cost"));
  if (!sb_money_parse (amount_text, currency, &amount, &local_error))
    {
      g_autofree char *message = g_strdup_printf (_("Amount: %s"), local_error->message);

      return refuse (error, form->amount_entry, message);
    }
  if (amount == 0)
    return refuse (error, form->amount_entry, _("The amount cannot be zero: type what was paid, or a negative amount for a credit note"));

  if (g_strcmp0 (currency, base) != 0)
    {
      if (*rate_text == '\0')
        {
          /* Translators: as in “Type the rate: how many EUR one USD is worth” */
          g_autofree char *message = g_strdup_printf (_("Type the rate: how many %s one %s is worth"), base, currency);

          return refuse (error, form->rate_entry, message);
        }
      if (!sb_rate_parse (rate_text, &rate, &local_error))
        {
          g_autofree char *message = g_strdup_printf (_("Rate: %s"), local_error->message);

          return refuse (error, form->rate_entry, message);
        }
    }

  if (category == 0 || category == GTK_INVALID_LIST_POSITION || category > g_strv_length ((char **) codes))
    return refuse (error, form->category_dropdown, _("Choose the category of the cost"));

  sb_cost_entry_set_date (entry, date);
  sb_cost_entry_set_amount (entry, amount, currency);
  sb_cost_entry_set_rate_micro (entry, rate);
  sb_cost_entry_set_category (entry, codes[category - 1]);
  sb_cost_entry_set_supplier_id (entry, sb_cost_form_id_at (form->supplier_ids,
                                                            gtk_drop_down_get_selected (GTK_DROP_DOWN (form->supplier_dropdown))));
  sb_cost_entry_set_service_id (entry, sb_cost_form_id_at (form->service_ids,
                                                           gtk_drop_down_get_selected (GTK_DROP_DOWN (form->service_dropdown))));
  sb_cost_entry_set_contract_id (entry, form->contract_id);
  sb_cost_entry_set_description (entry, *description != '\0' ? description : NULL);
  sb_cost_entry_set_invoice_ref (entry, *invoice != '\0' ? invoice : NULL);

  return TRUE;
}

/* The edit dialog */

typedef struct
{
  SbCostForm   form;
  SbCostsView *view;
  SbStore     *store;
  SbCostEntry *entry;
  GtkWidget   *window;
  GtkWidget   *message;
} EditDialog;

static void
edit_dialog_free (gpointer data)
{
  EditDialog *dialog = data;

  sb_cost_form_clear_data (&dialog->form);
  g_clear_object (&dialog->view);
  g_clear_object (&dialog->store);
  g_clear_object (&dialog->entry);
  g_free (dialog);
}

static void
edit_dialog_save (EditDialog *dialog)
{
  g_autoptr(SbCostEntry) edited = sb_cost_entry_copy (dialog->entry);
  g_autoptr(GError) error = NULL;

  if (!sb_cost_form_read (&dialog->form, edited, &error) ||
      !sb_costs_save (dialog->store, edited, &error))
    {
      gtk_label_set_text (GTK_LABEL (dialog->message), error->message);
      gtk_widget_set_visible (dialog->message, TRUE);
      return;
    }

  sb_costs_view_show_toast (dialog->view, adw_toast_new (_("Cost saved")));
  gtk_window_destroy (GTK_WINDOW (dialog->window));
}

static void
on_edit_save_cb (GtkWidget  *widget,
                 EditDialog *dialog)
{
  edit_dialog_save (dialog);
}

static void
on_edit_cancel_cb (GtkWidget  *widget,
                   EditDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog->window));
}

static void
on_edit_delete_cb (GtkWidget  *widget,
                   EditDialog *dialog)
{
  g_autofree char *id = g_strdup (sb_cost_entry_get_id (dialog->entry));
  g_autoptr(SbCostsView) view = g_object_ref (dialog->view);

  gtk_window_destroy (GTK_WINDOW (dialog->window));
  sb_costs_view_delete_entry (view, id);
}

static void
attach_field (GtkGrid    *grid,
              int         row,
              const char *label_text,
              GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
}

/**
 * sb_cost_edit_dialog_show:
 * @view: the costs view it is opened from
 * @store: the book
 * @entry: the cost entry to edit (copied)
 *
 * A small window with every field of the entry, Save, Cancel and Delete.
 * A refusal is said in the window, which stays open to correct it.
 */
void
sb_cost_edit_dialog_show (SbCostsView *view,
                          SbStore     *store,
                          SbCostEntry *entry)
{
  EditDialog *dialog = g_new0 (EditDialog, 1);
  GtkWidget *box, *header, *cancel, *save, *delete, *grid, *rate_label;
  GtkEventController *shortcuts;
  GtkWidget *entries[4];
  int row = 0;

  dialog->view = g_object_ref (view);
  dialog->store = g_object_ref (store);
  dialog->entry = sb_cost_entry_copy (entry);
  sb_cost_form_init (&dialog->form, store);
  sb_cost_form_fill (&dialog->form, dialog->entry);

  dialog->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog->window), _("Edit Cost"));
  gtk_window_set_modal (GTK_WINDOW (dialog->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog->window), 440, -1);
  if (GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))))
    gtk_window_set_transient_for (GTK_WINDOW (dialog->window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))));
  g_object_set_data_full (G_OBJECT (dialog->window), "sb-cost-edit-dialog", dialog, edit_dialog_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_window_set_content (ADW_WINDOW (dialog->window), box);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_edit_cancel_cb), dialog);
  g_signal_connect (save, "clicked", G_CALLBACK (on_edit_save_cb), dialog);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  g_object_set (grid, "margin-start", 18, "margin-end", 18, "margin-top", 18, "margin-bottom", 12, NULL);
  gtk_box_append (GTK_BOX (box), grid);

  attach_field (GTK_GRID (grid), row++, _("_Date"), dialog->form.date_entry);
  attach_field (GTK_GRID (grid), row++, _("_Amount"), dialog->form.amount_entry);
  attach_field (GTK_GRID (grid), row++, _("C_urrency"), dialog->form.currency_dropdown);
  attach_field (GTK_GRID (grid), row++, _("_Rate"), dialog->form.rate_entry);
  rate_label = gtk_grid_get_child_at (GTK_GRID (grid), 0, row - 1);
  g_object_bind_property (dialog->form.rate_entry, "visible", rate_label, "visible", G_BINDING_SYNC_CREATE);
  attach_field (GTK_GRID (grid), row++, _("Ca_tegory"), dialog->form.category_dropdown);
  attach_field (GTK_GRID (grid), row++, _("Su_pplier"), dialog->form.supplier_dropdown);
  attach_field (GTK_GRID (grid), row++, _("Ser_vice"), dialog->form.service_dropdown);
  attach_field (GTK_GRID (grid), row++, _("D_escription"), dialog->form.description_entry);
  attach_field (GTK_GRID (grid), row++, _("_Invoice"), dialog->form.invoice_entry);

  dialog->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (dialog->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (dialog->message), 0.0);
  gtk_widget_add_css_class (dialog->message, "error");
  gtk_widget_set_visible (dialog->message, FALSE);
  g_object_set (dialog->message, "margin-start", 18, "margin-end", 18, "margin-bottom", 6, NULL);
  gtk_box_append (GTK_BOX (box), dialog->message);

  delete = gtk_button_new_with_mnemonic (_("De_lete Cost"));
  gtk_widget_add_css_class (delete, "destructive-action");
  gtk_widget_set_halign (delete, GTK_ALIGN_START);
  g_object_set (delete, "margin-start", 18, "margin-bottom", 18, NULL);
  gtk_box_append (GTK_BOX (box), delete);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_edit_delete_cb), dialog);

  /* Enter in a field saves; Escape cancels. */
  entries[0] = dialog->form.date_entry;
  entries[1] = dialog->form.amount_entry;
  entries[2] = dialog->form.description_entry;
  entries[3] = dialog->form.invoice_entry;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect (entries[i], "activate", G_CALLBACK (on_edit_save_cb), dialog);
  g_signal_connect (dialog->form.rate_entry, "activate", G_CALLBACK (on_edit_save_cb), dialog);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog->window, shortcuts);

  gtk_window_present (GTK_WINDOW (dialog->window));
  gtk_widget_grab_focus (dialog->form.amount_entry);
}

/* Confirming a committed charge */

typedef struct
{
  SbCostsView     *view;
  SbStore         *store;
  char            *contract_id;
  GDate            date;
  char            *currency;
  GtkWidget       *invoice_entry;
  GtkWidget       *rate_entry;
} ConfirmDialog;

static void
confirm_dialog_free (gpointer data)
{
  ConfirmDialog *dialog = data;

  g_clear_object (&dialog->view);
  g_clear_object (&dialog->store);
  g_free (dialog->contract_id);
  g_free (dialog->currency);
  g_free (dialog);
}

static void
on_confirm_response_cb (AdwMessageDialog *message_dialog,
                        const char       *response,
                        ConfirmDialog    *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *invoice = NULL;
  g_autofree char *rate_text = NULL;
  gint64 rate = 0;

  if (g_strcmp0 (response, "confirm") != 0)
    return;

  invoice = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->invoice_entry))));
  rate_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->rate_entry))));

  /* No rate typed: the last one used for the currency. */
  if (gtk_widget_get_visible (dialog->rate_entry) && *rate_text != '\0' &&
      !sb_rate_parse (rate_text, &rate, &error))
    {
      g_prefix_error (&error, _("The charge was not confirmed: "));
      sb_costs_view_show_error (dialog->view, error);
      return;
    }

  if (!sb_costs_confirm_committed (dialog->store, dialog->contract_id, &dialog->date, rate,
                                   *invoice != '\0' ? invoice : NULL, NULL, &error))
    {
      sb_costs_view_show_error (dialog->view, error);
      return;
    }

  sb_costs_view_show_toast (dialog->view, adw_toast_new (_("Charge confirmed as a cost")));
}

/**
 * sb_cost_confirm_dialog_show:
 * @view: the costs view it is opened from
 * @store: the book
 * @cost: the committed charge
 *
 * Asks for the invoice reference and, for a foreign currency, the rate
 * (the last one used as a start), then confirms the charge as a cost.
 */
void
sb_cost_confirm_dialog_show (SbCostsView           *view,
                             SbStore               *store,
                             const SbCommittedCost *cost)
{
  ConfirmDialog *dialog = g_new0 (ConfirmDialog, 1);
  const char *base = sb_store_get_base_currency (store);
  gboolean foreign = g_strcmp0 (cost->currency, base) != 0;
  g_autofree char *amount = sb_money_format (cost->amount, cost->currency);
  g_autofree char *date = sb_date_format_local (&cost->date);
  g_autofree char *body = NULL;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view)));
  GtkWidget *message_dialog, *box;

  dialog->view = g_object_ref (view);
  dialog->store = g_object_ref (store);
  dialog->contract_id = g_strdup (cost->contract_id);
  dialog->date = cost->date;
  dialog->currency = g_strdup (cost->currency);

  /* Translators: a billing charge: amount, date, contract reference and supplier, as in
   * “€1,200.00 billed on 1 Mar 2026 under HOST-2024 (Stratus Cloud) becomes a cost.” */
  body = g_strdup_printf (_("%s billed on %s under %s (%s) becomes a cost."),
                          amount, date, cost->contract_reference,
                          cost->supplier_name != NULL ? cost->supplier_name : _("no supplier"));

  message_dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           _("Confirm the Charge?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message_dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", _("C_onfirm"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message_dialog), "confirm",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message_dialog), "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message_dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  dialog->invoice_entry = new_entry (_("Invoice reference"), _("Invoice reference"), 16);
  gtk_entry_set_activates_default (GTK_ENTRY (dialog->invoice_entry), TRUE);
  gtk_box_append (GTK_BOX (box), dialog->invoice_entry);

  dialog->rate_entry = new_entry (NULL, _("Exchange rate"), 10);
  gtk_entry_set_activates_default (GTK_ENTRY (dialog->rate_entry), TRUE);
  gtk_widget_set_visible (dialog->rate_entry, foreign);
  if (foreign)
    {
      g_autofree char *hint = g_strdup_printf (_("%s per 1 %s"), base, cost->currency);
      gint64 last = sb_costs_get_last_rate (store, cost->currency);

      gtk_entry_set_placeholder_text (GTK_ENTRY (dialog->rate_entry), hint);
      gtk_widget_set_tooltip_text (dialog->rate_entry, hint);
      if (last > 0)
        {
          g_autofree char *text = sb_rate_format (last);

          gtk_editable_set_text (GTK_EDITABLE (dialog->rate_entry), text);
        }
    }
  gtk_box_append (GTK_BOX (box), dialog->rate_entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message_dialog), box);

  g_object_set_data_full (G_OBJECT (message_dialog), "sb-cost-confirm-dialog", dialog, confirm_dialog_free);
  g_signal_connect (message_dialog, "response", G_CALLBACK (on_confirm_response_cb), dialog);
  gtk_window_present (GTK_WINDOW (message_dialog));
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-catalog.h"
#include "sb-contract-editor-private.h"
#include "sb-contracts.h"
#include "sb-money.h"
#include "sb-report-print.h"
#include "sb-service-editor.h"
#include "sb-suppliers.h"
#include "sb-targets-editor.h"
#include "sb-time.h"
#include "sb-ui-widgets.h"

/* One contract: its terms with what they mean (status, current term, last
 * day to give notice) worked out as the person types, its cost and what
 * it will cost, the supplier's targets and the services they underpin,
 * with the gaps between the two, and its scope.  The editor works on a
 * copy: nothing reaches the book until Save, and Cancel brings back what
 * was saved. */

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODIFIED,
  PROP_CAN_SAVE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbContractEditor, sb_contract_editor, ADW_TYPE_BIN)

static void validate (SbContractEditor *self);

/* Helpers */

static void
set_entry (gpointer    editable,
           const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

char *
sb_contract_editor_get_entry (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

char *
sb_contract_editor_get_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_date_entry (gpointer     editable,
                const GDate *date)
{
  g_autofree char *text = date != NULL && g_date_valid (date) ? sb_date_format (date) : NULL;

  set_entry (editable, text);
}

char *
sb_contract_editor_format_date (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? sb_date_format_local (date) : NULL;
}

gboolean
sb_contract_editor_is_new (SbContractEditor *self)
{
  return self->original == NULL || sb_contract_get_id (self->original) == NULL;
}

const char *
sb_contract_editor_default_currency (SbContractEditor *self)
{
  const char *currency = NULL;

  if (self->original != NULL)
    currency = sb_contract_get_cost_currency (self->original);
  if (currency == NULL && self->store != NULL)
    currency = sb_store_get_base_currency (self->store);

  return currency != NULL ? currency : "EUR";
}

static guint
index_of_string (GPtrArray  *values,
                 const char *value)
{
  for (guint i = 0; i < values->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
        return i;
    }

  return 0;
}

static guint
index_in_strv (const char * const *values,
               const char         *value,
               guint               offset)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (g_strcmp0 (values[i], value) == 0)
        return i + offset;
    }

  return 0;
}

static void
fill_string_list (GtkStringList *list,
                  GPtrArray     *names)
{
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) names->pdata);
  g_ptr_array_remove_index (names, names->len - 1);
}

void
sb_contract_editor_append_problem (SbContractEditor *self,
                const char       *message)
{
  g_string_append_printf (self->problems, "%s%s", self->problems->len > 0 ? "\n" : "", message);
}

void
sb_contract_editor_set_group_problem (GtkWidget  *label,
                   const char *message)
{
  gtk_label_set_label (GTK_LABEL (label), message != NULL ? message : "");
  gtk_widget_set_visible (label, message != NULL);
}

static GtkWidget *
new_group_problem (AdwPreferencesGroup *group)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  adw_preferences_group_add (group, label);

  return label;
}

static void
set_can_save (SbContractEditor *self,
              gboolean          can_save)
{
  if (self->can_save == !!can_save)
    return;

  self->can_save = !!can_save;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
}

static void
set_modified (SbContractEditor *self,
              gboolean          modified)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.revert", modified);

  if (self->modified == !!modified)
    return;

  self->modified = !!modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
sb_contract_editor_clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

GtkWidget *
sb_contract_editor_add_plain_row (AdwPreferencesGroup *group,
               GPtrArray           *rows,
               const char          *title,
               const char          *subtitle,
               const char          *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);

  return row;
}

/* Choices from the book */

static void
on_service_toggled_cb (SbContractEditor *self);

static void
refresh_choices (SbContractEditor *self)
{
  g_autoptr(GListModel) suppliers = NULL;
  g_autoptr(GListModel) calendars = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean was_loading = self->loading;

  if (self->store == NULL)
    return;

  self->loading = TRUE;

  g_ptr_array_set_size (self->supplier_ids, 0);
  g_ptr_array_add (self->supplier_ids, NULL);
  g_ptr_array_add (names, g_strdup (_("Choose a Supplier")));
  suppliers = sb_suppliers_list (self->store, NULL);
  for (guint i = 0; suppliers != NULL && i < g_list_model_get_n_items (suppliers); i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (suppliers, i);

      g_ptr_array_add (self->supplier_ids, g_strdup (sb_supplier_get_id (supplier)));
      g_ptr_array_add (names, g_strdup (sb_supplier_get_name (supplier)));
    }
  fill_string_list (self->supplier_names, names);

  g_ptr_array_set_size (names, 0);
  g_ptr_array_set_size (self->calendar_ids, 0);
  g_ptr_array_add (self->calendar_ids, NULL);
  g_ptr_array_add (names, g_strdup (_("Around the Clock (24×7)")));
  calendars = sb_catalog_list_calendars (self->store, NULL);
  for (guint i = 0; calendars != NULL && i < g_list_model_get_n_items (calendars); i++)
    {
      g_autoptr(SbCalendarItem) item = g_list_model_get_item (calendars, i);

      g_ptr_array_add (self->calendar_ids, g_strdup (sb_calendar_item_get_id (item)));
      g_ptr_array_add (names, g_strdup (sb_calendar_item_get_name (item)));
    }
  fill_string_list (self->calendar_names, names);

  sb_contract_editor_clear_rows (self->services_group, self->service_rows);
  services = sb_catalog_list_services (self->store, NULL);
  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (services, i);
      GtkWidget *row;
      GtkWidget *check = gtk_check_button_new ();

      row = sb_contract_editor_add_plain_row (self->services_group, self->service_rows,
                           sb_service_get_code (service), sb_service_get_name (service), NULL);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (row), "id", g_strdup (sb_service_get_id (service)), g_free);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_service_toggled_cb), self);
    }
  if (self->service_rows->len == 0)
    {
      GtkWidget *row = sb_contract_editor_add_plain_row (self->services_group, self->service_rows,
                                      _("No services yet: add them on the Services page"), NULL, NULL);

      gtk_widget_add_css_class (row, "dim-label");
    }

  self->loading = was_loading;
}

static void
set_service_ids (SbContractEditor   *self,
                 const char * const *ids)
{
  for (guint i = 0; i < self->service_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->service_rows, i);
      GtkCheckButton *check = g_object_get_data (row, "check");

      if (check != NULL)
        gtk_check_button_set_active (check, ids != NULL && g_strv_contains (ids, g_object_get_data (row, "id")));
    }
}

GStrv
sb_contract_editor_get_service_ids (SbContractEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->service_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->service_rows, i);
      GtkCheckButton *check = g_object_get_data (row, "check");

      if (check != NULL && gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (row, "id"));
    }

  return g_strv_builder_end (builder);
}

/* Showing a contract */

static void
set_minutes (GtkEditable *editable,
             guint        minutes)
{
  g_autofree char *text = minutes > 0 ? sb_duration_format (minutes) : NULL;

  set_entry (editable, text);
}

static void
load (SbContractEditor *self,
      SbContract       *contract)
{
  const SbContractTerms *terms = sb_contract_get_terms (contract);
  g_autofree char *amount = NULL;
  guint period = 0;
  guint renewal = 0;

  g_set_object (&self->original, contract);

  self->loading = TRUE;

  refresh_choices (self);

  adw_combo_row_set_selected (self->supplier_row,
                              index_of_string (self->supplier_ids, sb_contract_get_supplier_id (contract)));
  set_entry (self->reference_row, sb_contract_get_reference (contract));
  set_entry (self->title_row, sb_contract_get_title (contract));
  adw_combo_row_set_selected (self->type_row,
                              index_in_strv (sb_contract_types (), sb_contract_get_contract_type (contract), 0));

  set_date_entry (self->start_row, &terms->start);
  gtk_spin_button_set_value (self->initial_spin, MAX (terms->initial_months, 1));
  for (guint i = 0; i < G_N_ELEMENTS (renewals); i++)
    if (renewals[i] == terms->renewal)
      renewal = i;
  adw_combo_row_set_selected (self->renewal_row, renewal);
  gtk_spin_button_set_value (self->renewal_spin, MAX (terms->renewal_months, 1));
  gtk_spin_button_set_value (self->agreed_spin, terms->renewals_agreed);
  gtk_spin_button_set_value (self->notice_spin, terms->notice_amount);
  gtk_drop_down_set_selected (self->notice_unit_dropdown, terms->notice_unit == SB_NOTICE_MONTHS ? 1 : 0);
  set_entry (self->cancellation_row, sb_contract_get_cancellation_method (contract));
  set_date_entry (self->notice_given_row, &terms->notice_given);
  set_date_entry (self->terminated_row, &terms->terminated);
  set_entry (self->early_termination_row, sb_contract_get_early_termination (contract));

  if (sb_contract_get_cost_amount (contract) >= 0)
    amount = sb_money_format_plain (sb_contract_get_cost_amount (contract), sb_contract_editor_default_currency (self));
  set_entry (self->amount_row, amount);
  set_entry (self->currency_row, sb_contract_editor_default_currency (self));
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    if (periods[i] == sb_contract_get_billing_period (contract))
      period = i;
  adw_combo_row_set_selected (self->period_row, period);
  adw_combo_row_set_selected (self->category_row,
                              index_in_strv (sb_cost_categories (), sb_contract_get_cost_category (contract), 1));

  for (guint p = 1; p <= N_PRIORITIES; p++)
    {
      set_minutes (self->response_entries[p - 1], sb_contract_get_response_target (contract, p));
      set_minutes (self->resolution_entries[p - 1], sb_contract_get_resolution_target (contract, p));
    }
  set_service_ids (self, sb_contract_get_service_ids (contract));

  set_entry (self->how_to_raise_row, sb_contract_get_how_to_raise (contract));
  set_entry (self->support_hours_row, sb_contract_get_support_hours (contract));
  adw_combo_row_set_selected (self->calendar_row,
                              index_of_string (self->calendar_ids, sb_contract_get_calendar_id (contract)));
  for (guint i = 0; i < N_TEXTS; i++)
    {
      const char *text = texts[i].get (contract);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_views[i]), text != NULL ? text : "", -1);
    }

  /* Problems show under a field once it has been changed, or at once for
   * a contract that was already saved. */
  g_object_set_data (G_OBJECT (self->supplier_row), "touched", NULL);
  g_object_set_data (G_OBJECT (self->reference_row), "touched", NULL);
  g_object_set_data (G_OBJECT (self->title_row), "touched", NULL);
  g_object_set_data (G_OBJECT (self->start_row), "touched", NULL);

  self->loading = FALSE;
  gtk_widget_set_visible (self->delete_button, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print", !sb_contract_editor_is_new (self));
  set_modified (self, FALSE);
  validate (self);
}

static void
update_title (SbContractEditor *self,
              SbContract       *draft)
{
  const char *reference = sb_contract_get_reference (draft);
  const char *title = sb_contract_get_title (draft);
  g_autofree char *whole = NULL;

  /* The reference is short and names the contract; the title is in the
   * form just below, and in the tooltip. */
  if (reference == NULL && title == NULL)
    gtk_label_set_label (self->title_label, sb_contract_editor_is_new (self) ? _("New Contract") : _("Contract"));
  else
    gtk_label_set_label (self->title_label, reference != NULL ? reference : title);

  if (reference != NULL && title != NULL)
    /* Translators: the editor title's tooltip, as in “AC-2291 · Firewall support” */
    whole = g_strdup_printf (_("%s · %s"), reference, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), whole);
}

static void
validate (SbContractEditor *self)
{
  g_autoptr(SbContract) draft = NULL;
  gboolean readable = TRUE;
  gboolean valid;
  SbRenewal renewal;

  if (self->loading || self->original == NULL)
    return;

  sb_contract_editor_clear_problems (self);
  draft = sb_contract_editor_build_draft (self, &readable);
  valid = sb_contract_editor_check (self, draft) && readable;

  renewal = sb_contract_get_terms (draft)->renewal;
  gtk_widget_set_visible (GTK_WIDGET (self->renewal_months_row), renewal != SB_RENEWAL_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->agreed_row), renewal == SB_RENEWAL_AGREEMENT);

  sb_contract_editor_update_state (self, draft);
  sb_contract_editor_update_costs (self, draft);
  sb_contract_editor_update_gaps (self);
  update_title (self, draft);

  set_can_save (self, valid && (self->modified || sb_contract_editor_is_new (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->can_save);
  gtk_widget_set_tooltip_text (self->save_button, valid ? _("Save (Ctrl+S)") : self->problems->str);
}

/* Callbacks */

static void
on_field_changed_cb (SbContractEditor *self)
{
  if (self->loading)
    return;

  set_modified (self, TRUE);
  validate (self);
}

static void
on_service_toggled_cb (SbContractEditor *self)
{
  on_field_changed_cb (self);
}

static void
on_entry_changed_cb (GtkEditable      *editable,
                     SbContractEditor *self)
{
  if (self->loading)
    return;

  g_object_set_data (G_OBJECT (editable), "touched", GINT_TO_POINTER (TRUE));
  on_field_changed_cb (self);
}

static void
on_choice_changed_cb (GObject          *object,
                      GParamSpec       *pspec,
                      SbContractEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (object), ADW_TYPE_PREFERENCES_ROW);

  if (self->loading)
    return;

  if (row != NULL)
    g_object_set_data (G_OBJECT (row), "touched", GINT_TO_POINTER (TRUE));
  on_field_changed_cb (self);
}

static void
on_spin_changed_cb (GtkSpinButton    *spin,
                    SbContractEditor *self)
{
  on_choice_changed_cb (G_OBJECT (spin), NULL, self);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sb_contract_editor_save (SB_CONTRACT_EDITOR (widget));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbContractEditor *self = SB_CONTRACT_EDITOR (widget);
  g_autoptr(SbContract) fresh = NULL;

  if (self->original == NULL)
    return;

  fresh = g_object_ref (self->original);
  load (self, fresh);
}

/* Building */

static void
build_target_rows (SbContractEditor *self)
{
  for (guint p = 1; p <= N_PRIORITIES; p++)
    {
      static const char * const names[] = {
        NC_("priority", "Critical"), NC_("priority", "High"), NC_("priority", "Moderate"),
        NC_("priority", "Low"), NC_("priority", "Planning"),
      };
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *entries[2];
      g_autofree char *title = NULL;

      /* Translators: a priority row, as in “Priority 1 · Critical” */
      title = g_strdup_printf (_("Priority %u · %s"), p, g_dpgettext2 (NULL, "priority", names[p - 1]));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Respond within · Resolve within"));

      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *label = NULL;
          const char *placeholder;
          int width;

          entries[i] = gtk_entry_new ();
          if (i == 0)
            /* Translators: accessible name of an entry, as in “Supplier response time for priority 1” */
            label = g_strdup_printf (_("Supplier response time for priority %u"), p);
          else
            /* Translators: accessible name of an entry, as in “Supplier resolution time for priority 1” */
            label = g_strdup_printf (_("Supplier resolution time for priority %u"), p);
          placeholder = i == 0 ? _("Respond") : _("Resolve");
          gtk_entry_set_placeholder_text (GTK_ENTRY (entries[i]), placeholder);
          gtk_widget_set_tooltip_text (entries[i], label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entries[i]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          /* Wide enough for its placeholder, in any language: five
           * characters cut “Respond” to “Res…” in an empty field. The
           * row's title and subtitle wrap to make room. */
          width = MAX (5, (int) g_utf8_strlen (placeholder, -1) + 1);
          gtk_editable_set_width_chars (GTK_EDITABLE (entries[i]), width);
          gtk_editable_set_max_width_chars (GTK_EDITABLE (entries[i]), MAX (9, width));
          gtk_widget_set_valign (entries[i], GTK_ALIGN_CENTER);
          g_signal_connect (entries[i], "changed", G_CALLBACK (on_entry_changed_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), entries[i]);
        }

      adw_preferences_group_add (self->targets_group, row);
      self->target_rows[p - 1] = row;
      self->response_entries[p - 1] = GTK_EDITABLE (entries[0]);
      self->resolution_entries[p - 1] = GTK_EDITABLE (entries[1]);
    }

  self->targets_problem = new_group_problem (self->targets_group);
}

static void
build_texts (SbContractEditor *self)
{
  for (guint i = 0; i < N_TEXTS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new_with_mnemonic (_(texts[i].label));
      GtkWidget *view = gtk_text_view_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
      gtk_widget_set_size_request (view, -1, 64);
      gtk_widget_add_css_class (view, "card");
      if (texts[i].tooltip != NULL)
        gtk_widget_set_tooltip_text (view, _(texts[i].tooltip));
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                                G_CALLBACK (on_field_changed_cb), self);

      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), view);
      gtk_box_append (self->texts_box, box);
      self->text_views[i] = GTK_TEXT_VIEW (view);
    }
}

static void
fill_fixed_choices (SbContractEditor *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char * const *types = sb_contract_types ();
  const char * const *categories = sb_cost_categories ();

  for (guint i = 0; types[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) sb_contract_type_get_label (types[i]));
  fill_string_list (self->type_names, names);

  g_ptr_array_set_size (names, 0);
  for (guint i = 0; i < G_N_ELEMENTS (renewals); i++)
    g_ptr_array_add (names, (gpointer) sb_renewal_get_label (renewals[i]));
  fill_string_list (self->renewal_names, names);

  g_ptr_array_set_size (names, 0);
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    g_ptr_array_add (names, (gpointer) sb_billing_period_get_label (periods[i]));
  fill_string_list (self->period_names, names);

  g_ptr_array_set_size (names, 0);
  g_ptr_array_add (names, (gpointer) _("None"));
  for (guint i = 0; categories[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) sb_cost_category_get_label (categories[i]));
  fill_string_list (self->category_names, names);
}

/* GObject */

static void
sb_contract_editor_dispose (GObject *object)
{
  SbContractEditor *self = SB_CONTRACT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_CONTRACT_EDITOR);

  g_clear_object (&self->store);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (sb_contract_editor_parent_class)->dispose (object);
}

static void
sb_contract_editor_finalize (GObject *object)
{
  SbContractEditor *self = SB_CONTRACT_EDITOR (object);

  g_string_free (self->problems, TRUE);
  g_ptr_array_unref (self->supplier_ids);
  g_ptr_array_unref (self->calendar_ids);
  g_ptr_array_unref (self->service_rows);
  g_ptr_array_unref (self->gap_rows);

  G_OBJECT_CLASS (sb_contract_editor_parent_class)->finalize (object);
}

static void
sb_contract_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SbContractEditor *self = SB_CONTRACT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_CAN_SAVE:
      g_value_set_boolean (value, self->can_save);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_contract_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SbContractEditor *self = SB_CONTRACT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sb_contract_editor_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The contract register of the contract's supplier as of today, with
 * its terms and deadlines: what is saved, not edits in progress. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SbContractEditor *self = SB_CONTRACT_EDITOR (widget);
  SbReportFilters filters = { 0 };
  SbReportPeriod period;

  if (self->store == NULL || sb_contract_editor_is_new (self))
    return;

  filters.supplier_id = sb_contract_get_supplier_id (self->original);
  filters.contract_id = sb_contract_get_id (self->original);
  sb_report_period_current (self->store, SB_REPORT_PERIOD_MONTH, &period);
  sb_report_print_from_store (widget, self->store, "contracts", &period, &filters);
}

static void
sb_contract_editor_class_init (SbContractEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_contract_editor_dispose;
  object_class->finalize = sb_contract_editor_finalize;
  object_class->get_property = sb_contract_editor_get_property;
  object_class->set_property = sb_contract_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL, FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbContractEditor::saved:
   * @id: the id of the saved contract
   *
   * The contract was written to the book.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-contract-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, supplier_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, supplier_names);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, type_names);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, term_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, notice_deadline_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, renewal_date_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, describe_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, initial_spin);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, renewal_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, renewal_names);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, renewal_months_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, renewal_spin);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, agreed_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, agreed_spin);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, notice_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, notice_spin);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, notice_unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, cancellation_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, notice_given_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, terminated_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, early_termination_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, period_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, period_names);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, category_names);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, year_cost_label);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, ahead_cost_label);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, targets_group);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, services_group);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, how_to_raise_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, support_hours_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, calendar_names);
  gtk_widget_class_bind_template_child (widget_class, SbContractEditor, texts_box);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.revert", NULL, revert_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.revert", NULL);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "editor.print", NULL);
}

static void
sb_contract_editor_init (SbContractEditor *self)
{
  self->problems = g_string_new (NULL);
  self->supplier_ids = g_ptr_array_new_with_free_func (g_free);
  self->calendar_ids = g_ptr_array_new_with_free_func (g_free);
  self->service_rows = g_ptr_array_new ();
  self->gap_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->loading = TRUE;
  fill_fixed_choices (self);
  build_target_rows (self);
  build_texts (self);
  self->services_problem = new_group_problem (self->services_group);
  self->loading = FALSE;
  sb_ui_scroll_past_spin_buttons (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.revert", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print", FALSE);

  /* Print, in the editor's header next to Delete */
  {
    GtkWidget *print = gtk_button_new_from_icon_name ("document-print-symbolic");

    gtk_widget_set_tooltip_text (print, _("Print the Contract Register of This Supplier (Ctrl+P)"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "editor.print");
    g_object_bind_property (print, "sensitive", print, "visible", G_BINDING_SYNC_CREATE);
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->delete_button)), print,
                                gtk_widget_get_prev_sibling (self->delete_button));
  }
}

/* Public API */

/**
 * sb_contract_editor_set_store:
 * @self: a contract editor
 * @store: (nullable): the book
 *
 * Sets the book the editor reads its choices from and saves to.
 */
void
sb_contract_editor_set_store (SbContractEditor *self,
                              SbStore          *store)
{
  g_return_if_fail (SB_IS_CONTRACT_EDITOR (self));
  g_return_if_fail (store == NULL || SB_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sb_contract_editor_get_contract:
 * @self: a contract editor
 *
 * Returns: (transfer none) (nullable): the contract as saved (a draft for
 *   a new one), or %NULL when none is shown
 */
SbContract *
sb_contract_editor_get_contract (SbContractEditor *self)
{
  g_return_val_if_fail (SB_IS_CONTRACT_EDITOR (self), NULL);

  return self->original;
}

/**
 * sb_contract_editor_set_contract:
 * @self: a contract editor
 * @contract: (nullable): the contract to edit, or %NULL for a new one
 *
 * Shows @contract for editing; the editor keeps its own copy.  Edits not
 * saved are dropped: ask first (sb_contract_editor_get_modified()).
 */
void
sb_contract_editor_set_contract (SbContractEditor *self,
                                 SbContract       *contract)
{
  g_autoptr(SbContract) copy = NULL;

  g_return_if_fail (SB_IS_CONTRACT_EDITOR (self));
  g_return_if_fail (contract == NULL || SB_IS_CONTRACT (contract));

  copy = contract != NULL ? sb_contract_copy (contract) : sb_contract_new (NULL);
  if (contract == NULL)
    sb_contract_set_cost (copy, -1, self->store != NULL ? sb_store_get_base_currency (self->store) : NULL);
  load (self, copy);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * sb_contract_editor_reload:
 * @self: a contract editor
 *
 * Lists the book's suppliers, calendars and services again, and shows the
 * contract as saved now unless the person has changed it.
 */
void
sb_contract_editor_reload (SbContractEditor *self)
{
  g_autoptr(SbContract) fresh = NULL;
  g_autoptr(SbContract) draft = NULL;
  g_autoptr(SbContract) keep = NULL;
  gboolean readable = TRUE;
  gboolean modified;

  g_return_if_fail (SB_IS_CONTRACT_EDITOR (self));

  if (self->store == NULL || self->original == NULL)
    return;

  if (!self->modified && !sb_contract_editor_is_new (self))
    fresh = sb_contracts_get (self->store, sb_contract_get_id (self->original), NULL);
  if (fresh != NULL)
    {
      load (self, fresh);
      return;
    }

  /* Keep what the person typed; only the choices change. */
  modified = self->modified;
  keep = g_object_ref (self->original);
  draft = sb_contract_editor_build_draft (self, &readable);
  self->loading = TRUE;
  refresh_choices (self);
  adw_combo_row_set_selected (self->supplier_row,
                              index_of_string (self->supplier_ids, sb_contract_get_supplier_id (draft)));
  adw_combo_row_set_selected (self->calendar_row,
                              index_of_string (self->calendar_ids, sb_contract_get_calendar_id (draft)));
  set_service_ids (self, sb_contract_get_service_ids (draft));
  self->loading = FALSE;
  set_modified (self, modified);
  validate (self);
}

/**
 * sb_contract_editor_focus:
 * @self: a contract editor
 *
 * Puts the keyboard focus on the first field: the supplier of a new
 * contract, the title of a saved one.
 */
void
sb_contract_editor_focus (SbContractEditor *self)
{
  g_return_if_fail (SB_IS_CONTRACT_EDITOR (self));

  gtk_widget_grab_focus (sb_contract_editor_is_new (self) ? GTK_WIDGET (self->supplier_row) : GTK_WIDGET (self->title_row));
}

gboolean
sb_contract_editor_get_modified (SbContractEditor *self)
{
  g_return_val_if_fail (SB_IS_CONTRACT_EDITOR (self), FALSE);

  return self->modified;
}

gboolean
sb_contract_editor_get_can_save (SbContractEditor *self)
{
  g_return_val_if_fail (SB_IS_CONTRACT_EDITOR (self), FALSE);

  return self->can_save;
}

/**
 * sb_contract_editor_save:
 * @self: a contract editor
 *
 * Writes the contract to the book when the form is valid; a refusal of
 * the book is shown above the form.
 *
 * Returns: %TRUE when it was saved
 */
gboolean
sb_contract_editor_save (SbContractEditor *self)
{
  g_autoptr(SbContract) draft = NULL;
  g_autoptr(SbContract) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gboolean readable = TRUE;

  g_return_val_if_fail (SB_IS_CONTRACT_EDITOR (self), FALSE);

  if (self->store == NULL || !self->can_save)
    return FALSE;

  sb_contract_editor_clear_problems (self);
  draft = sb_contract_editor_build_draft (self, &readable);
  if (!readable)
    return FALSE;

  if (!sb_contracts_save (self->store, draft, &error))
    {
      validate (self);
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }

  /* Read it back: the store fills in the supplier's name. */
  id = g_strdup (sb_contract_get_id (draft));
  saved = sb_contracts_get (self->store, id, NULL);
  load (self, saved != NULL ? saved : draft);
  g_signal_emit (self, signals[SAVED], 0, id);

  return TRUE;
}

/**
 * sb_contract_editor_get_problems:
 * @self: a contract editor
 *
 * Returns: (transfer full): every problem of the form, one a line; empty
 *   when there is none
 */
char *
sb_contract_editor_get_problems (SbContractEditor *self)
{
  g_return_val_if_fail (SB_IS_CONTRACT_EDITOR (self), NULL);

  return g_strdup (self->problems->str);
}

/**
 * sb_contract_editor_get_state:
 * @self: a contract editor
 * @out_state: (out caller-allocates): what the terms on the form mean today
 *
 * Returns: %TRUE when the terms on the form are complete enough to mean
 *   something
 */
gboolean
sb_contract_editor_get_state (SbContractEditor *self,
                              SbContractState  *out_state)
{
  g_return_val_if_fail (SB_IS_CONTRACT_EDITOR (self), FALSE);
  g_return_val_if_fail (out_state != NULL, FALSE);

  *out_state = self->state;

  return self->state_valid;
}

/**
 * sb_contract_editor_get_gaps_text:
 * @self: a contract editor
 *
 * Returns: (transfer full): the alignment risks as listed, one a line
 */
char *
sb_contract_editor_get_gaps_text (SbContractEditor *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (SB_IS_CONTRACT_EDITOR (self), NULL);

  for (guint i = 0; i < self->gap_rows->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                            adw_preferences_row_get_title (g_ptr_array_index (self->gap_rows, i)));

  return g_string_free (text, FALSE);
}

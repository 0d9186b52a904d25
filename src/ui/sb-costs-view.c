/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-budgets.h"
#include "sb-contracts.h"
#include "sb-cost-csv.h"
#include "sb-costs-view-private.h"
#include "sb-money.h"
#include "sb-time.h"

/* The costs of the book: a list narrowed by period, category, supplier,
 * service and a search, with its total; a row of fields at the top to type
 * a pile of invoices one after the other; and the committed charges of
 * the contracts' billing schedules, confirmed one by one or all at once.
 * Every figure says where it came from: typed in, imported, or a
 * contract's charge. */

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbCostsView, sb_costs_view, GTK_TYPE_WIDGET)

/* Toasts */

void
sb_costs_view_show_toast (SbCostsView *self,
                          AdwToast    *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_set_weak_pointer (&self->last_toast, toast);
  if (overlay == NULL)
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
sb_costs_view_show_error (SbCostsView  *self,
                          const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  sb_costs_view_show_toast (self, toast);
}

/* The period and filter */

static void
today (SbCostsView *self,
       GDate       *out)
{
  sb_contracts_get_today (self->store, out);
}

static void
get_period (SbCostsView *self,
            GDate       *from,
            GDate       *to)
{
  GDate day;
  SbMonth month;

  g_date_clear (from, 1);
  g_date_clear (to, 1);
  today (self, &day);
  month = sb_month_of_date (&day);

  switch ((Period) gtk_drop_down_get_selected (self->period_dropdown))
    {
    case PERIOD_THIS_MONTH:
      sb_month_get_first_day (month, from);
      sb_month_get_last_day (month, to);
      break;
    case PERIOD_LAST_MONTH:
      sb_month_get_first_day (month - 1, from);
      sb_month_get_last_day (month - 1, to);
      break;
    case PERIOD_FINANCIAL_YEAR:
      month = sb_fiscal_year_start (&day, sb_budgets_get_fiscal_start_month (self->store));
      sb_month_get_first_day (month, from);
      sb_month_get_last_day (month + 11, to);
      break;
    case PERIOD_CHOSEN:
      *from = self->chosen_from;
      *to = self->chosen_to;
      break;
    case PERIOD_ALL:
    default:
      break;
    }
}

void
sb_costs_view_build_filter (SbCostsView  *self,
                            SbCostFilter *filter)
{
  const char * const *codes = sb_cost_categories ();
  guint category = gtk_drop_down_get_selected (self->category_filter);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  sb_cost_filter_init (filter);
  get_period (self, &filter->from, &filter->to);
  if (category != GTK_INVALID_LIST_POSITION && category > 0 && category <= g_strv_length ((char **) codes))
    filter->category = codes[category - 1];
  filter->supplier_id = sb_cost_form_id_at (self->filter_supplier_ids, gtk_drop_down_get_selected (self->supplier_filter));
  filter->service_id = sb_cost_form_id_at (self->filter_service_ids, gtk_drop_down_get_selected (self->service_filter));
  filter->search = search != NULL && *search != '\0' ? search : NULL;
}

/* Refreshing */

static void
update_totals (SbCostsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->costs));
  const char *base = sb_store_get_base_currency (self->store);
  g_autofree char *money = sb_money_format (self->total, base);
  g_autofree char *text = NULL;

  /* Translators: how many costs are listed and their total, as in “12 costs · total €4,500.00” */
  text = g_strdup_printf (ngettext ("%u cost · total %s", "%u costs · total %s", n), n, money);
  gtk_label_set_text (self->totals_label, text);
}

static void
refresh_list (SbCostsView *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  SbCostFilter filter;
  guint n;

  sb_costs_view_build_filter (self, &filter);
  list = sb_costs_list (self->store, &filter, &error);
  if (list == NULL)
    {
      sb_costs_view_show_error (self, error);
      return;
    }

  self->total = 0;
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      SbCostEntry *entry = g_list_model_get_item (list, i);

      self->total += sb_cost_entry_get_base_amount (entry);
      g_ptr_array_add (items, entry);
    }

  g_list_store_splice (self->costs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->costs)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  adw_status_page_set_title (self->empty_page, _("No Costs"));
  update_totals (self);
}

static void
on_confirm_clicked_cb (GtkButton   *button,
                       SbCostsView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sb-committed-index"));

  if (self->committed == NULL || index >= self->committed->len)
    return;

  sb_cost_confirm_dialog_show (self, self->store, g_ptr_array_index (self->committed, index));
}

/* One committed charge: where it comes from, when, and how much. */
static GtkWidget *
new_committed_row (SbCostsView           *self,
                   const SbCommittedCost *cost,
                   guint                  index,
                   const GDate           *day)
{
  const char *base = sb_store_get_base_currency (self->store);
  g_autofree char *date = sb_date_format_local (&cost->date);
  g_autofree char *amount = sb_money_format (cost->amount, cost->currency);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *amount_text = NULL;
  gboolean due = g_date_compare (&cost->date, day) <= 0;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label, *button;

  /* Translators: a contract and its supplier, as in “HOST-2024 · Stratus Cloud” */
  title = g_strdup_printf (_("%s · %s"), cost->contract_reference,
                           cost->supplier_name != NULL ? cost->supplier_name : _("no supplier"));
  if (due)
    /* Translators: a billing charge due: its date and category, as in
     * “Due 1 Mar 2026 · Cloud and hosting · from the contract’s billing schedule” */
    subtitle = g_strdup_printf (_("Due %s · %s · from the contract’s billing schedule"),
                                date, sb_cost_category_get_label (cost->category));
  else
    subtitle = g_strdup_printf (_("Coming %s · %s · from the contract’s billing schedule"),
                                date, sb_cost_category_get_label (cost->category));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (due ? "alarm-symbolic" : "x-office-calendar-symbolic"));

  if (g_strcmp0 (cost->currency, base) != 0)
    {
      g_autofree char *in_base = sb_money_format (cost->base_amount, base);

      if (cost->estimated)
        /* Translators: a foreign amount and its base amount without a known rate */
        amount_text = g_strdup_printf (_("%s\n≈ %s, no rate yet"), amount, in_base);
      else
        amount_text = g_strdup_printf (_("%s\n≈ %s at the last rate"), amount, in_base);
    }
  else
    amount_text = g_strdup (amount);

  label = gtk_label_new (amount_text);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  button = gtk_button_new_with_label (_("Confirm"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Make this charge a cost, with its invoice reference"));
  g_object_set_data (G_OBJECT (button), "sb-committed-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_confirm_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
refresh_committed (SbCostsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *money = NULL;
  GtkWidget *child;
  GDate from, to, day;
  guint n_due = 0;
  guint n_older = 0;
  gint64 due_total = 0;
  SbMonth year_start;
  GDate year_first;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->committed_list))) != NULL)
    gtk_list_box_remove (self->committed_list, child);
  g_clear_pointer (&self->committed, g_ptr_array_unref);

  /* Every charge not yet confirmed, as Confirm All Due sees them, and
   * those of the next days. */
  today (self, &day);
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 1);
  to = day;
  g_date_add_days (&to, COMMITTED_DAYS_AHEAD);

  year_start = sb_fiscal_year_start (&day, sb_budgets_get_fiscal_start_month (self->store));
  sb_month_get_first_day (year_start, &year_first);

  self->committed = sb_costs_list_committed (self->store, &from, &to, &error);
  if (self->committed == NULL)
    {
      gtk_label_set_text (self->committed_title, error->message);
      gtk_widget_set_sensitive (self->confirm_due_button, FALSE);
      return;
    }

  for (guint i = 0; i < self->committed->len; i++)
    {
      const SbCommittedCost *cost = g_ptr_array_index (self->committed, i);

      if (g_date_compare (&cost->date, &day) <= 0)
        {
          n_due++;
          due_total += cost->base_amount;
        }
      if (g_date_compare (&cost->date, &year_first) < 0)
        n_older++;
      gtk_list_box_append (self->committed_list, new_committed_row (self, cost, i, &day));
    }

  /* Not the budget's "Committed in the period": these are the charges
   * dated up to today, of any year, and the budget's are those dated in
   * its months, past or to come. Different words for different sums. */
  money = sb_money_format (due_total, sb_store_get_base_currency (self->store));
  if (self->committed->len == 0)
    title = g_strdup (_("Nothing to confirm: every contract charge up to today is a cost"));
  else if (n_due == 0)
    title = g_strdup_printf (ngettext ("Nothing due to confirm; %u contract charge in the next 30 days",
                                       "Nothing due to confirm; %u contract charges in the next 30 days",
                                       self->committed->len),
                             self->committed->len);
  else
    /* Translators: contract charges dated up to today not yet confirmed as
     * costs, and their total, as in “Due to confirm: 5 charges up to today, €4,136.20” */
    title = g_strdup_printf (ngettext ("Due to confirm: %u charge up to today, %s",
                                       "Due to confirm: %u charges up to today, %s", n_due),
                             n_due, money);

  if (n_older > 0)
    {
      g_autofree char *label = sb_month_get_label (year_start, TRUE);
      g_autofree char *older = NULL;

      /* Translators: how many of the charges due are from earlier financial years, as in
       * “Due to confirm: 62 charges up to today, €67,358.20 — 58 from before Jan 2026” */
      older = g_strdup_printf (ngettext ("%s — %u from before %s", "%s — %u from before %s", n_older),
                               title, n_older, label);
      g_free (title);
      title = g_steal_pointer (&older);
    }
  gtk_label_set_text (self->committed_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->committed_expander), self->committed->len > 0);
  gtk_widget_set_sensitive (self->confirm_due_button, n_due > 0);
  if (n_due > 0 && !gtk_expander_get_expanded (self->committed_expander))
    gtk_expander_set_expanded (self->committed_expander, TRUE);
}

static void
refresh_choices (SbCostsView *self)
{
  g_autofree char *supplier_id = g_strdup (sb_cost_form_id_at (self->filter_supplier_ids,
                                                               gtk_drop_down_get_selected (self->supplier_filter)));
  g_autofree char *service_id = g_strdup (sb_cost_form_id_at (self->filter_service_ids,
                                                              gtk_drop_down_get_selected (self->service_filter)));

  self->refreshing++;
  sb_cost_form_list_suppliers (self->store, _("All Suppliers"), self->filter_supplier_ids, self->supplier_names);
  sb_cost_form_list_services (self->store, _("All Services"), self->filter_service_ids, self->service_names);
  gtk_drop_down_set_selected (self->supplier_filter, sb_cost_form_index_of (self->filter_supplier_ids, supplier_id));
  gtk_drop_down_set_selected (self->service_filter, sb_cost_form_index_of (self->filter_service_ids, service_id));
  sb_cost_form_reload_choices (&self->form);
  self->refreshing--;
}

static void
refresh (SbCostsView *self)
{
  if (self->store == NULL)
    return;

  refresh_list (self);
  refresh_committed (self);
}

static void
on_store_changed_cb (SbCostsView *self,
                     const char  *table)
{
  if (g_strcmp0 (table, "suppliers") == 0 || g_strcmp0 (table, "services") == 0)
    refresh_choices (self);
  refresh (self);
}

static void
on_filter_changed_cb (SbCostsView *self)
{
  if (self->refreshing > 0 || self->store == NULL)
    return;

  refresh_list (self);
}

static void
on_search_stop_cb (SbCostsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Quick entry: Enter adds the cost and keeps the date, currency, rate and
 * category for the next one; the amount is ready for the next invoice. */

static void
show_entry_message (SbCostsView *self,
                    const char  *message)
{
  gtk_label_set_text (self->entry_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->entry_message), message != NULL);
}

static void
add_cost (SbCostsView *self)
{
  g_autoptr(SbCostEntry) entry = sb_cost_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *money = NULL;
  g_autofree char *title = NULL;

  if (self->store == NULL)
    return;

  if (!sb_cost_form_read (&self->form, entry, &error) ||
      !sb_costs_save (self->store, entry, &error))
    {
      show_entry_message (self, error->message);
      return;
    }

  show_entry_message (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->form.amount_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->form.description_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->form.invoice_entry), "");
  gtk_widget_grab_focus (self->form.amount_entry);

  money = sb_money_format (sb_cost_entry_get_amount (entry), sb_cost_entry_get_currency (entry));
  /* Translators: %s is an amount */
  title = g_strdup_printf (_("Cost of %s added"), money);
  {
    g_autofree char *escaped = g_markup_escape_text (title, -1);
    AdwToast *toast = adw_toast_new (escaped);

    adw_toast_set_timeout (toast, 2);
    sb_costs_view_show_toast (self, toast);
  }
}

static void
on_entry_activate_cb (SbCostsView *self)
{
  add_cost (self);
}

static void
build_entry_bar (SbCostsView *self)
{
  GtkWidget *fields[10];
  guint n = 0;

  sb_cost_form_init (&self->form, self->store);

  fields[n++] = self->form.date_entry;
  fields[n++] = self->form.amount_entry;
  fields[n++] = self->form.currency_dropdown;
  fields[n++] = self->form.rate_entry;
  fields[n++] = self->form.category_dropdown;
  fields[n++] = self->form.supplier_dropdown;
  fields[n++] = self->form.service_dropdown;
  fields[n++] = self->form.description_entry;
  fields[n++] = self->form.invoice_entry;

  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (self->add_button, _("Add the Cost (Enter)"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_entry_activate_cb), self, G_CONNECT_SWAPPED);
  fields[n++] = self->add_button;

  for (guint i = 0; i < n; i++)
    {
      gtk_flow_box_append (self->entry_bar, fields[i]);
      /* The flow box's own children take no focus: Tab goes field to field. */
      gtk_widget_set_focusable (gtk_widget_get_parent (fields[i]), FALSE);
      if (GTK_IS_ENTRY (fields[i]))
        g_signal_connect_object (fields[i], "activate", G_CALLBACK (on_entry_activate_cb), self, G_CONNECT_SWAPPED);
    }

  /* The rate's cell goes with the rate. */
  g_object_bind_property (self->form.rate_entry, "visible",
                          gtk_widget_get_parent (self->form.rate_entry), "visible",
                          G_BINDING_SYNC_CREATE);
}

/* Editing and deleting */

static void
on_undo_delete_cb (AdwToast    *toast,
                   SbCostsView *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "cost-id");
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !sb_costs_undelete (self->store, id, &error))
    sb_costs_view_show_error (self, error);
}

void
sb_costs_view_delete_entry (SbCostsView *self,
                            const char  *id)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (id == NULL || self->store == NULL)
    return;

  if (!sb_costs_delete (self->store, id, &error))
    {
      sb_costs_view_show_error (self, error);
      return;
    }

  toast = adw_toast_new (_("Cost deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "cost-id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  sb_costs_view_show_toast (self, toast);
}

static void
on_row_activated_cb (SbCostsView *self,
                     guint        position)
{
  g_autoptr(SbCostEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (entry != NULL)
    sb_cost_edit_dialog_show (self, self->store, entry);
}

static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        SbCostsView           *self)
{
  SbCostEntry *entry;

  if (keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete)
    return FALSE;

  entry = gtk_single_selection_get_selected_item (self->selection);
  if (entry == NULL)
    return FALSE;

  sb_costs_view_delete_entry (self, sb_cost_entry_get_id (entry));
  return TRUE;
}

/* Actions */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sb_costs_view_choose_import (SB_COSTS_VIEW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sb_costs_view_choose_export (SB_COSTS_VIEW (widget));
}

static void
confirm_due_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SbCostsView *self = SB_COSTS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GDate day;
  guint n;

  if (self->store == NULL)
    return;

  today (self, &day);
  n = sb_costs_confirm_due (self->store, &day, &error);
  if (error != NULL)
    {
      sb_costs_view_show_error (self, error);
      return;
    }

  title = g_strdup_printf (ngettext ("%u charge confirmed as a cost", "%u charges confirmed as costs", n), n);
  sb_costs_view_show_toast (self, adw_toast_new (title));
}

static void
focus_entry_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sb_costs_view_focus_entry (SB_COSTS_VIEW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (SB_COSTS_VIEW (widget)->search_entry));
}

/* Narrow: the filters and the quick-entry row fold behind two toggles
 * beside the search, so that the list keeps the screen. */

#define NARROW_WIDTH 700

static void
on_toggles_changed_cb (SbCostsView *self)
{
  gboolean narrow = self->narrow;

  gtk_revealer_set_reveal_child (self->filters_revealer,
                                 !narrow || gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->filters_toggle)));
  gtk_revealer_set_reveal_child (self->entry_revealer,
                                 !narrow || gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->entry_toggle)));
}

static gboolean
apply_narrow_cb (gpointer user_data)
{
  SbCostsView *self = SB_COSTS_VIEW (user_data);

  self->narrow_idle_id = 0;
  gtk_widget_set_visible (self->filters_toggle, self->narrow);
  gtk_widget_set_visible (self->entry_toggle, self->narrow);
  on_toggles_changed_cb (self);

  return G_SOURCE_REMOVE;
}

static void
set_narrow (SbCostsView *self,
            gboolean     narrow)
{
  if (narrow == self->narrow)
    return;

  /* Not while the widget is being allocated. */
  self->narrow = narrow;
  if (self->narrow_idle_id == 0)
    self->narrow_idle_id = g_idle_add (apply_narrow_cb, self);
}

/* GObject */

static void
sb_costs_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  SbCostsView *self = SB_COSTS_VIEW (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);

  /* The columns follow the width given: never ask for more than a phone's. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = MIN (*minimum, 360);
}

static void
sb_costs_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SbCostsView *self = SB_COSTS_VIEW (widget);

  sb_costs_view_update_columns (self, width);
  set_narrow (self, width < NARROW_WIDTH);
  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static void
sb_costs_view_constructed (GObject *object)
{
  SbCostsView *self = SB_COSTS_VIEW (object);

  G_OBJECT_CLASS (sb_costs_view_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return;
    }

  build_entry_bar (self);
  refresh_choices (self);
  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (on_store_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
sb_costs_view_dispose (GObject *object)
{
  SbCostsView *self = SB_COSTS_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->narrow_idle_id, g_source_remove);

  /* The list lets go of its models before they go. */
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_COSTS_VIEW);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  sb_cost_form_clear_data (&self->form);
  g_clear_pointer (&self->committed, g_ptr_array_unref);
  g_clear_weak_pointer (&self->last_toast);

  G_OBJECT_CLASS (sb_costs_view_parent_class)->dispose (object);
}

static void
sb_costs_view_finalize (GObject *object)
{
  SbCostsView *self = SB_COSTS_VIEW (object);

  g_ptr_array_unref (self->filter_supplier_ids);
  g_ptr_array_unref (self->filter_service_ids);

  G_OBJECT_CLASS (sb_costs_view_parent_class)->finalize (object);
}

static void
sb_costs_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SbCostsView *self = SB_COSTS_VIEW (object);

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
sb_costs_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SbCostsView *self = SB_COSTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_costs_view_class_init (SbCostsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_costs_view_constructed;
  object_class->dispose = sb_costs_view_dispose;
  object_class->finalize = sb_costs_view_finalize;
  object_class->get_property = sb_costs_view_get_property;
  object_class->set_property = sb_costs_view_set_property;
  widget_class->measure = sb_costs_view_measure;
  widget_class->size_allocate = sb_costs_view_size_allocate;

  /**
   * SbCostsView:store:
   *
   * The book whose costs are shown.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_COST_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-costs-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, costs);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, selection);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, box);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, filters_toggle);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, entry_toggle);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, filters_revealer);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, entry_revealer);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, period_names);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, category_filter);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, category_names);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, supplier_filter);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, supplier_names);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, service_filter);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, service_names);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, entry_bar);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, entry_message);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, committed_expander);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, committed_title);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, committed_list);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, confirm_due_button);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SbCostsView, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_toggles_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "costs.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "costs.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "costs.confirm-due", NULL, confirm_due_action);
  gtk_widget_class_install_action (widget_class, "costs.focus-entry", NULL, focus_entry_action);
  gtk_widget_class_install_action (widget_class, "costs.search", NULL, search_action);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sb_costs_view_init (SbCostsView *self)
{
  const char * const *codes = sb_cost_categories ();
  GtkEventController *keys;

  self->filter_supplier_ids = g_ptr_array_new_with_free_func (g_free);
  self->filter_service_ids = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&self->chosen_from, 1);
  g_date_clear (&self->chosen_to, 1);

  self->refreshing++;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (self->period_names, _("This Month"));
  gtk_string_list_append (self->period_names, _("Last Month"));
  gtk_string_list_append (self->period_names, _("This Financial Year"));
  gtk_string_list_append (self->period_names, _("All Dates"));
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_FINANCIAL_YEAR);

  gtk_string_list_append (self->category_names, _("All Categories"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (self->category_names, sb_cost_category_get_label (codes[i]));
  self->refreshing--;

  /* The flow boxes' own children take no focus: Tab goes filter to filter. */
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_revealer_get_child (self->filters_revealer));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);

  sb_costs_view_build_columns (self);
  sb_costs_view_update_columns (self, 360);
}

/* Public API */

/**
 * sb_costs_view_new:
 * @store: the book
 *
 * Returns: (transfer full): a new costs view
 */
GtkWidget *
sb_costs_view_new (SbStore *store)
{
  g_return_val_if_fail (SB_IS_STORE (store), NULL);

  return g_object_new (SB_TYPE_COSTS_VIEW, "store", store, NULL);
}

/**
 * sb_costs_view_show_period:
 * @self: a costs view
 * @from: (nullable): the first day
 * @to: (nullable): the last day
 *
 * Lists the costs of a period, such as a budget's or one month of it;
 * %NULL for both lists every date.
 */
void
sb_costs_view_show_period (SbCostsView *self,
                           const GDate *from,
                           const GDate *to)
{
  g_return_if_fail (SB_IS_COSTS_VIEW (self));

  if ((from == NULL || !g_date_valid (from)) && (to == NULL || !g_date_valid (to)))
    {
      gtk_drop_down_set_selected (self->period_dropdown, PERIOD_ALL);
      return;
    }

  g_date_clear (&self->chosen_from, 1);
  g_date_clear (&self->chosen_to, 1);
  if (from != NULL && g_date_valid (from))
    self->chosen_from = *from;
  if (to != NULL && g_date_valid (to))
    self->chosen_to = *to;

  self->refreshing++;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->period_names)) <= PERIOD_CHOSEN)
    gtk_string_list_append (self->period_names, _("Chosen Period"));
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_CHOSEN);
  self->refreshing--;

  if (self->store != NULL)
    refresh_list (self);
}

/**
 * sb_costs_view_focus_entry:
 * @self: a costs view
 *
 * Moves the focus to the quick-entry row's amount (Ctrl+N).
 */
void
sb_costs_view_focus_entry (SbCostsView *self)
{
  g_return_if_fail (SB_IS_COSTS_VIEW (self));

  if (self->narrow)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->entry_toggle), TRUE);
  if (self->form.amount_entry != NULL)
    gtk_widget_grab_focus (self->form.amount_entry);
}

/**
 * sb_costs_view_get_n_costs:
 * @self: a costs view
 *
 * Returns: how many costs the list shows
 */
guint
sb_costs_view_get_n_costs (SbCostsView *self)
{
  g_return_val_if_fail (SB_IS_COSTS_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->costs));
}

/**
 * sb_costs_view_get_total:
 * @self: a costs view
 *
 * Returns: the total of the costs listed, in the base currency
 */
gint64
sb_costs_view_get_total (SbCostsView *self)
{
  g_return_val_if_fail (SB_IS_COSTS_VIEW (self), 0);

  return self->total;
}

/**
 * sb_costs_view_get_n_committed:
 * @self: a costs view
 *
 * Returns: how many committed charges are listed (due and coming)
 */
guint
sb_costs_view_get_n_committed (SbCostsView *self)
{
  g_return_val_if_fail (SB_IS_COSTS_VIEW (self), 0);

  return self->committed != NULL ? self->committed->len : 0;
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sb-contracts.h"
#include "sb-sample-data.h"
#include "sb-supplier-detail.h"
#include "sb-supplier-performance.h"
#include "sb-suppliers-page-private.h"
#include "sb-suppliers.h"
#include "sb-time.h"
#include "sb-ui-format.h"

/* The supplier register: a sortable, searchable list of suppliers with
 * what a business owner asks first (cost over the next 12 months, the
 * share of the contract's targets met over the last 12 months, the next
 * date by which a decision is due, open risks, contracts in force), and
 * the selected supplier's detail beside it (or after it, narrow). Each
 * listed SbSupplier carries its SbSupplierSummary and its
 * SbSupplierPerformance as object data, worked out once per refresh. */

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_NAVIGATE_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbSuppliersPage, sb_suppliers_page, ADW_TYPE_BIN)

/* Helpers */

static void
add_toast (SbSuppliersPage *self,
           AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_error (SbSuppliersPage *self,
            const GError    *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  add_toast (self, toast);
}

static void
summary_free (gpointer data)
{
  SbSupplierSummary *summary = data;

  sb_supplier_summary_clear (summary);
  g_free (summary);
}

/* GTK 4.8's column view cannot scroll to a row itself; its list can. */
static void
scroll_to (SbSuppliersPage *self,
           guint            position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
}

static void
select_by_id (SbSuppliersPage *self,
              const char      *id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (model, i);

      if (g_strcmp0 (sb_supplier_get_id (supplier), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static gboolean
listed (SbSuppliersPage *self,
        const char      *id)
{
  GListModel *model = G_LIST_MODEL (self->suppliers);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (model, i);

      if (g_strcmp0 (sb_supplier_get_id (supplier), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
detail_shown (SbSuppliersPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "detail") == 0;
}

static void
update_content_page (SbSuppliersPage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->suppliers)) > 0;
  gboolean matches = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0;

  /* A new supplier being typed keeps the list and its detail on screen. */
  gtk_stack_set_visible_child_name (self->content_stack, any || detail_shown (self) ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->results_stack, matches || !any ? "results" : "no-results");
}

static void
update_can_navigate_back (SbSuppliersPage *self)
{
  gboolean can = adw_leaflet_get_folded (self->leaflet) &&
                 g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "list") == 0 &&
                 g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0;

  if (can == self->can_navigate_back)
    return;

  self->can_navigate_back = can;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_NAVIGATE_BACK]);
}

static void
refresh (SbSuppliersPage *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) figures_error = NULL;
  SbSupplier *shown = sb_supplier_detail_get_supplier (self->detail);
  g_autofree char *shown_id = NULL;
  GDate year_ago;
  guint n;

  if (self->store == NULL)
    return;

  if (shown != NULL && detail_shown (self))
    shown_id = g_strdup (sb_supplier_get_id (shown));

  list = sb_suppliers_list (self->store, &error);
  if (list == NULL)
    {
      show_error (self, error);
      return;
    }

  sb_contracts_get_today (self->store, &self->today);
  self->warning_days = sb_contracts_get_warning_days (self->store);
  year_ago = self->today;
  sb_date_add_months_clamped (&year_ago, -12);
  g_date_add_days (&year_ago, 1);

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (list, i);
      g_autoptr(GError) summary_error = NULL;
      SbSupplierSummary *summary = g_new0 (SbSupplierSummary, 1);
      SbSupplierPerformance performance;

      if (!sb_suppliers_get_summary (self->store, sb_supplier_get_id (supplier), &self->today,
                                     summary, &summary_error))
        {
          /* The list still shows the supplier; the figures say nothing. */
          sb_supplier_summary_clear (summary);
          memset (summary, 0, sizeof *summary);
          if (figures_error == NULL)
            figures_error = g_steal_pointer (&summary_error);
          g_clear_error (&summary_error);
        }
      g_object_set_data_full (G_OBJECT (supplier), SUMMARY_KEY, summary, summary_free);

      if (sb_supplier_performance_compute (self->store, sb_supplier_get_id (supplier), NULL, &year_ago,
                                           &self->today, &performance, &summary_error))
        g_object_set_data_full (G_OBJECT (supplier), PERFORMANCE_KEY,
                                g_memdup2 (&performance, sizeof performance), g_free);
      else if (figures_error == NULL)
        figures_error = g_steal_pointer (&summary_error);

      g_ptr_array_add (items, g_steal_pointer (&supplier));
    }

  self->refreshing = TRUE;
  g_list_store_splice (self->suppliers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->suppliers)),
                       items->pdata, items->len);
  select_by_id (self, shown_id);
  self->refreshing = FALSE;

  /* The supplier shown was deleted (here or by sync): nothing to show. */
  if (shown_id != NULL && !listed (self, shown_id))
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child_name (self->leaflet, "list");
    }
  else
    {
      sb_supplier_detail_reload (self->detail);
    }

  update_content_page (self);
  update_can_navigate_back (self);

  /* The list still shows every supplier; say once why figures are missing. */
  if (figures_error != NULL)
    show_error (self, figures_error);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (user_data);

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
show_detail (SbSuppliersPage *self)
{
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  update_content_page (self);
  update_can_navigate_back (self);
}

/* On a wide window the list and the detail share the width: the detail
 * takes two fifths, at least DETAIL_WIDE_WIDTH, while the list keeps
 * LIST_MIN_WIDTH (below that the leaflet folds). */
#define LIST_MIN_WIDTH    360
#define DETAIL_WIDE_WIDTH 480

static int
detail_width_for (int page_width)
{
  int wanted = MAX (DETAIL_WIDE_WIDTH, page_width * 2 / 5);

  /* The separator takes a pixel. */
  return MIN (wanted, page_width - LIST_MIN_WIDTH - 1);
}

static void
hide_detail (SbSuppliersPage *self)
{
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  update_content_page (self);
}

/* Marks @id in the list without acting on the selection. */
static void
mark_in_list (SbSuppliersPage *self,
              const char      *id)
{
  self->refreshing = TRUE;
  select_by_id (self, id);
  self->refreshing = FALSE;
}

static void
show_supplier (SbSuppliersPage *self,
               const char      *id,
               gboolean         is_new)
{
  g_autoptr(SbSupplier) supplier = NULL;

  if (is_new)
    {
      mark_in_list (self, NULL);
      sb_supplier_detail_set_supplier (self->detail, NULL);
      show_detail (self);
      sb_supplier_detail_focus (self->detail);
      return;
    }

  mark_in_list (self, id);
  supplier = gtk_single_selection_get_selected_item (self->selection);
  if (supplier == NULL)
    {
      /* None, or one the search hides: a shown one goes. */
      if (sb_supplier_detail_get_supplier (self->detail) != NULL || id == NULL)
        hide_detail (self);
      return;
    }

  g_object_ref (supplier);
  sb_supplier_detail_set_supplier (self->detail, supplier);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  update_content_page (self);
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SbSuppliersPage  *self)
{
  g_autofree char *id = g_steal_pointer (&self->pending_id);
  gboolean is_new = self->pending_new;

  self->dialog = NULL;
  self->pending_new = FALSE;

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!sb_supplier_detail_save (self->detail))
        return;
    }
  else if (g_strcmp0 (response, "discard") != 0)
    {
      return;
    }

  show_supplier (self, id, is_new);
}

/* Shows @id (none when %NULL), or a new supplier, after asking what to
 * do with the changes not yet saved, if there are any. */
static void
request_supplier (SbSuppliersPage *self,
                  const char      *id,
                  gboolean         is_new)
{
  SbSupplier *current = sb_supplier_detail_get_supplier (self->detail);
  const char *current_id = current != NULL ? sb_supplier_get_id (current) : NULL;
  AdwMessageDialog *dialog;

  if (!is_new && id != NULL && detail_shown (self) && g_strcmp0 (current_id, id) == 0)
    {
      mark_in_list (self, id);
      return;
    }

  if (!detail_shown (self) || !sb_supplier_detail_get_modified (self->detail))
    {
      show_supplier (self, id, is_new);
      return;
    }

  /* The list keeps marking the supplier being edited meanwhile. */
  mark_in_list (self, current_id);

  g_free (self->pending_id);
  self->pending_id = g_strdup (id);
  self->pending_new = is_new;
  if (self->dialog != NULL)
    return;

  dialog = sb_save_changes_dialog_new (GTK_WIDGET (self),
                                       current != NULL ? sb_supplier_get_name (current) : NULL,
                                       _("The new supplier is not saved yet."),
                                       sb_supplier_detail_get_can_save (self->detail));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dialog_response_cb), self, 0);

  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
on_selected_item_changed_cb (SbSuppliersPage *self)
{
  SbSupplier *supplier = gtk_single_selection_get_selected_item (self->selection);

  if (self->refreshing)
    return;

  /* Unselecting keeps a new supplier being typed. */
  if (supplier == NULL && sb_supplier_detail_get_supplier (self->detail) == NULL)
    return;

  request_supplier (self, supplier != NULL ? sb_supplier_get_id (supplier) : NULL, FALSE);
}

static void
on_row_activated_cb (SbSuppliersPage *self,
                     guint            position)
{
  g_autoptr(SbSupplier) supplier = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  SbSupplier *shown;

  if (supplier == NULL)
    return;

  request_supplier (self, sb_supplier_get_id (supplier), FALSE);

  /* Not while the person is asked about unsaved changes. */
  shown = sb_supplier_detail_get_supplier (self->detail);
  if (shown == NULL || g_strcmp0 (sb_supplier_get_id (shown), sb_supplier_get_id (supplier)) != 0)
    return;

  show_detail (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->detail));
}

/* Narrow, a click on a row opens it (a keyboard move only selects). */
static GtkWidget *
row_at (SbSuppliersPage *self,
        double           x,
        double           y)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);

  for (; widget != NULL && widget != GTK_WIDGET (self->column_view);
       widget = gtk_widget_get_parent (widget))
    {
      if (GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget)))
        return widget;
    }

  return NULL;
}

static void
on_list_pressed_cb (SbSuppliersPage *self,
                    int              n_press,
                    double           x,
                    double           y)
{
  g_clear_weak_pointer (&self->clicked_row);

  if (n_press == 1 && adw_leaflet_get_folded (self->leaflet))
    g_set_weak_pointer (&self->clicked_row, row_at (self, x, y));
}

static gboolean
open_clicked_row_cb (gpointer user_data)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (user_data);
  GtkWidget *row = self->clicked_row;
  guint position = gtk_single_selection_get_selected (self->selection);

  g_clear_weak_pointer (&self->clicked_row);

  if (row != NULL && adw_leaflet_get_folded (self->leaflet) &&
      (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0 &&
      position != GTK_INVALID_LIST_POSITION)
    on_row_activated_cb (self, position);

  return G_SOURCE_REMOVE;
}

static void
on_list_released_cb (SbSuppliersPage *self)
{
  if (self->clicked_row != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, open_clicked_row_cb, g_object_ref (self), g_object_unref);
}

static void
on_filtered_items_changed_cb (SbSuppliersPage *self)
{
  update_content_page (self);
}

static void
on_folded_changed_cb (SbSuppliersPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet) && !detail_shown (self))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");

  update_can_navigate_back (self);
}

static void
on_leaflet_visible_child_cb (SbSuppliersPage *self)
{
  update_can_navigate_back (self);
}

static void
on_search_changed_cb (SbSuppliersPage *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filter_model);

  if (filter != NULL)
    gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_stop_cb (SbSuppliersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_search_activate_cb (SbSuppliersPage *self)
{
  /* Enter in the search opens the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  scroll_to (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_store_changed_cb (SbSuppliersPage *self,
                     const char      *table)
{
  /* One commit can touch several tables: refresh once, after it. */
  if (!g_str_has_prefix (table, "supplier") && !g_str_has_prefix (table, "contract") &&
      g_strcmp0 (table, "incident_escalation") != 0 && g_strcmp0 (table, "service") != 0 &&
      g_strcmp0 (table, "service_target") != 0)
    return;

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
on_detail_saved_cb (SbSuppliersPage *self,
                    const char      *id)
{
  AdwToast *toast = adw_toast_new (_("Supplier saved"));

  adw_toast_set_timeout (toast, 3);
  add_toast (self, toast);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
  self->refreshing = TRUE;
  select_by_id (self, id);
  self->refreshing = FALSE;
}

static void
on_undo_delete_cb (AdwToast        *toast,
                   SbSuppliersPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "supplier-id");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!sb_suppliers_undelete (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
  sb_suppliers_page_select_supplier (self, id);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (widget);

  request_supplier (self, NULL, TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (widget);

  if (detail_shown (self))
    gtk_widget_activate_action (GTK_WIDGET (self->detail), "detail.save", NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (widget);
  SbSupplier *supplier = sb_supplier_detail_get_supplier (self->detail);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (!detail_shown (self))
    return;

  if (supplier == NULL)
    {
      /* A new supplier never saved is only dropped. */
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      adw_leaflet_set_visible_child_name (self->leaflet, "list");
      update_content_page (self);
      return;
    }

  id = g_strdup (sb_supplier_get_id (supplier));
  title = g_strdup_printf (_("%s deleted"), sb_supplier_get_name (supplier));
  if (!sb_suppliers_delete (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "supplier-id", g_steal_pointer (&id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  add_toast (self, toast);
}

/* Ctrl+R, Ctrl+D and Ctrl+P from anywhere on the page, the list
 * included: the detail's own, on the supplier it shows (the selected
 * one). Inside the detail its bindings answer first. */
static void
supplier_record_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (widget);
  SbSupplier *shown = sb_supplier_detail_get_supplier (self->detail);
  const char *detail_action;

  if (g_strcmp0 (action_name, "page.add-review") == 0)
    detail_action = "detail.add-review";
  else if (g_strcmp0 (action_name, "page.raise-dispute") == 0)
    detail_action = "detail.raise-dispute";
  else
    detail_action = "detail.print-review";

  /* Not on a new supplier still to be saved */
  if (!detail_shown (self) || shown == NULL || sb_supplier_get_id (shown) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  gtk_widget_activate_action_variant (GTK_WIDGET (self->detail), detail_action,
                                      g_strcmp0 (detail_action, "detail.print-review") == 0
                                        ? g_variant_new_string ("") : NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->content_stack, "list");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Alt+Left from a supplier back to the list; from the list, the window
 * takes it back to its sidebar. */
static gboolean
back_to_list_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (widget);

  if (!self->can_navigate_back)
    return FALSE;

  back_action (widget, "page.back", NULL);
  return TRUE;
}

static void
load_sample_data_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!sb_sample_data_load (self->store, &error) ||
      (!sb_store_get_welcome_done (self->store) &&
       !sb_store_set_welcome_done (self->store, &error)))
    show_error (self, error);
}

/* GObject */

/* The page lays out its one child itself (AdwBin's layout manager is
 * taken away in init) to see the width the list gets. */
static void
sb_suppliers_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

/* The detail's width and the columns follow the width the page and the
 * list got, from an idle moment before the next frame is drawn: changing
 * them while allocating would ask for another allocation in the middle of
 * this one, and GTK then draws widgets it has not laid out yet. */
static gboolean
update_columns_idle_cb (gpointer user_data)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (user_data);

  self->columns_id = 0;
  self->page_width = gtk_widget_get_width (GTK_WIDGET (self));
  sb_supplier_detail_set_preferred_width (self->detail, detail_width_for (self->page_width));
  sb_suppliers_page_update_columns (self, gtk_widget_get_width (self->list_scroller));

  return G_SOURCE_REMOVE;
}

static void
queue_update_columns (SbSuppliersPage *self)
{
  if (self->columns_id == 0)
    self->columns_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_columns_idle_cb, self, NULL);
}

static void
sb_suppliers_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  int list_width;

  if (child == NULL)
    return;

  gtk_widget_allocate (child, width, height, baseline, NULL);

  list_width = gtk_widget_get_width (self->list_scroller);
  if ((list_width > 0 && list_width != self->columns_width) || width != self->page_width)
    queue_update_columns (self);
}

/* The leaflet also lays its children out on its own (while it folds or
 * unfolds): the scroller's width then changes without the page's layout,
 * and the columns follow it too. */
static void
on_list_page_size_cb (SbSuppliersPage *self)
{
  int list_width = gtk_widget_get_width (self->list_scroller);

  if (list_width > 0 && list_width != self->columns_width)
    queue_update_columns (self);
}

static void
sb_suppliers_page_constructed (GObject *object)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (object);

  G_OBJECT_CLASS (sb_suppliers_page_parent_class)->constructed (object);

  sb_supplier_detail_set_store (self->detail, self->store);

  if (self->store != NULL)
    self->changed_id = g_signal_connect_object (self->store, "changed",
                                                G_CALLBACK (on_store_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  refresh (self);
}

static void
sb_suppliers_page_dispose (GObject *object)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->columns_id, g_source_remove);
  g_clear_weak_pointer (&self->clicked_row);
  g_clear_pointer (&self->pending_id, g_free);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->dialog)));

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_SUPPLIERS_PAGE);

  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_suppliers_page_parent_class)->dispose (object);
}

static void
sb_suppliers_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CAN_NAVIGATE_BACK:
      g_value_set_boolean (value, self->can_navigate_back);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_suppliers_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbSuppliersPage *self = SB_SUPPLIERS_PAGE (object);

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
sb_suppliers_page_class_init (SbSuppliersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_suppliers_page_constructed;
  object_class->dispose = sb_suppliers_page_dispose;
  object_class->get_property = sb_suppliers_page_get_property;
  object_class->set_property = sb_suppliers_page_set_property;

  widget_class->measure = sb_suppliers_page_measure;
  widget_class->size_allocate = sb_suppliers_page_size_allocate;

  /**
   * SbSuppliersPage:store:
   *
   * The book whose suppliers are shown.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SbSuppliersPage:can-navigate-back:
   *
   * Whether the page is folded on a supplier's detail, so that Back (the
   * page.back action, Alt+Left) returns to the list.
   */
  properties[PROP_CAN_NAVIGATE_BACK] =
    g_param_spec_boolean ("can-navigate-back", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_SUPPLIER);
  g_type_ensure (SB_TYPE_SUPPLIER_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-suppliers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SbSuppliersPage, suppliers);
  gtk_widget_class_bind_template_child (widget_class, SbSuppliersPage, selection);
  gtk_widget_class_bind_template_child (widget_class, SbSuppliersPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, SbSuppliersPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SbSuppliersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SbSuppliersPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, SbSuppliersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SbSuppliersPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SbSuppliersPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, SbSuppliersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SbSuppliersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SbSuppliersPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filtered_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_saved_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "page.load-sample-data", NULL, load_sample_data_action);
  gtk_widget_class_install_action (widget_class, "page.add-review", NULL, supplier_record_action);
  gtk_widget_class_install_action (widget_class, "page.raise-dispute", NULL, supplier_record_action);
  gtk_widget_class_install_action (widget_class, "page.print-review", NULL, supplier_record_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_to_list_cb, NULL);
}

static void
sb_suppliers_page_init (SbSuppliersPage *self)
{
  g_autoptr(GtkCustomFilter) filter = NULL;
  GtkEventController *keys;
  GtkGesture *click;

  g_date_clear (&self->today, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  sb_suppliers_page_build_columns (self);

  filter = gtk_custom_filter_new (sb_suppliers_page_filter, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (filter));
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_pane);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->list_scroller)),
                           "notify::page-size", G_CALLBACK (on_list_page_size_cb), self, G_CONNECT_SWAPPED);

  /* Delete on the list deletes the selected supplier (with Undo). */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("page.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_list_pressed_cb), self);
  g_signal_connect_swapped (click, "released", G_CALLBACK (on_list_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
}

/* Public API */

SbStore *
sb_suppliers_page_get_store (SbSuppliersPage *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIERS_PAGE (self), NULL);

  return self->store;
}

/**
 * sb_suppliers_page_get_model:
 * @self: a suppliers page
 *
 * Returns: (transfer none): the suppliers as listed, searched and sorted
 */
GListModel *
sb_suppliers_page_get_model (SbSuppliersPage *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIERS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * sb_suppliers_page_get_detail:
 * @self: a suppliers page
 *
 * Returns: (transfer none): the SbSupplierDetail of the detail pane
 */
GtkWidget *
sb_suppliers_page_get_detail (SbSuppliersPage *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIERS_PAGE (self), NULL);

  return GTK_WIDGET (self->detail);
}

/**
 * sb_suppliers_page_select_supplier:
 * @self: a suppliers page
 * @id: (nullable): a supplier id, or %NULL to select none
 *
 * Selects the supplier and shows it in the detail (the search is cleared
 * when it hides the supplier).
 */
void
sb_suppliers_page_select_supplier (SbSuppliersPage *self,
                                   const char      *id)
{
  g_return_if_fail (SB_IS_SUPPLIERS_PAGE (self));

  select_by_id (self, id);
  if (id != NULL && gtk_single_selection_get_selected_item (self->selection) == NULL && listed (self, id))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      select_by_id (self, id);
    }
}

/**
 * sb_suppliers_page_refresh:
 * @self: a suppliers page
 *
 * Reads the suppliers again now, instead of after the store's next
 * change.
 */
void
sb_suppliers_page_refresh (SbSuppliersPage *self)
{
  g_return_if_fail (SB_IS_SUPPLIERS_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}


/**
 * sb_suppliers_page_get_on_target:
 * @self: a suppliers page
 * @supplier_id: a listed supplier's id
 *
 * What the On Target column says of a supplier: the share of its
 * contract's targets it met in the last 12 months, as of the last
 * refresh.
 *
 * Returns: a per cent; -1 when nothing was judged or the supplier is not
 *   listed
 */
int
sb_suppliers_page_get_on_target (SbSuppliersPage *self,
                                 const char      *supplier_id)
{
  GListModel *model;

  g_return_val_if_fail (SB_IS_SUPPLIERS_PAGE (self), -1);
  g_return_val_if_fail (supplier_id != NULL, -1);

  model = G_LIST_MODEL (self->suppliers);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (model, i);

      if (g_strcmp0 (sb_supplier_get_id (supplier), supplier_id) == 0)
        return sb_suppliers_page_on_target (g_object_get_data (G_OBJECT (supplier), PERFORMANCE_KEY));
    }

  return -1;
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sb-contract-editor.h"
#include "sb-contracts.h"
#include "sb-contracts-page-private.h"
#include "sb-deadlines-view.h"
#include "sb-money.h"
#include "sb-sample-data.h"
#include "sb-time.h"
#include "sb-ui-format.h"

/* The contract register: a sortable, searchable list of contracts with
 * what each one asks of you next, the selected one's editor beside it (or
 * after it, in a narrow window), and the deadlines of the next 12 months
 * one view switcher away.  Edits not saved are never dropped without
 * asking. */

enum {
  PROP_0,
  PROP_STORE,
  PROP_HEADER_WIDGET,
  PROP_CAN_NAVIGATE_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbContractsPage, sb_contracts_page, ADW_TYPE_BIN)

static void show_contract (SbContractsPage *self, const char *id, gboolean is_new);

static void
add_toast (SbContractsPage *self,
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
show_error (SbContractsPage *self,
            const GError    *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  add_toast (self, toast);
}

static const char *
editor_id (SbContractsPage *self)
{
  SbContract *contract = sb_contract_editor_get_contract (self->editor);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "editor") != 0 || contract == NULL)
    return NULL;

  return sb_contract_get_id (contract);
}

static gboolean
editing (SbContractsPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "editor") == 0;
}

/* GTK 4.8's column view cannot scroll to a row itself; its list can. */
static void
scroll_to (SbContractsPage *self,
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
select_by_id (SbContractsPage *self,
              const char      *id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  self->refreshing++;
  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (model, i);

      if (g_strcmp0 (sb_contract_get_id (contract), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          self->refreshing--;
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->refreshing--;
}

/* Folded on the editor, the window's header bar shows Back and asks the
 * page first (page.back). */
static void
update_can_navigate_back (SbContractsPage *self)
{
  gboolean can = adw_leaflet_get_folded (self->leaflet) &&
                 g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0 &&
                 g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "contracts") == 0 &&
                 g_strcmp0 (gtk_stack_get_visible_child_name (self->contracts_stack), "list") == 0;

  if (can == self->can_navigate_back)
    return;

  self->can_navigate_back = can;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_NAVIGATE_BACK]);
}

/* Wide, an empty detail pane would only take width from the list. */
static void
update_detail_visibility (SbContractsPage *self)
{
  gboolean shown = editing (self) || adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), shown);
  gtk_widget_set_visible (self->detail_separator, shown);
}

static void
update_results_page (SbContractsPage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->contracts)) > 0;
  gboolean matches = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0;

  /* A new contract being typed keeps the list and its editor on screen. */
  gtk_stack_set_visible_child_name (self->contracts_stack, any || editing (self) ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->results_stack, matches ? "results" : "no-results");
  update_detail_visibility (self);
  update_can_navigate_back (self);
}

static void
refresh (SbContractsPage *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *selected_id = NULL;
  SbContract *selected;
  int warning_days;
  GDate today;
  guint n;

  if (self->store == NULL)
    return;

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL)
    selected_id = g_strdup (sb_contract_get_id (selected));
  else if (editor_id (self) != NULL)
    selected_id = g_strdup (editor_id (self));

  list = sb_contracts_list (self->store, NULL, &error);
  if (list == NULL)
    {
      show_error (self, error);
      return;
    }

  sb_contracts_get_today (self->store, &today);
  warning_days = sb_contracts_get_warning_days (self->store);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      SbContract *contract = g_list_model_get_item (list, i);

      g_object_set_data_full (G_OBJECT (contract), "sb-contracts-page-info",
                              sb_contracts_page_compute_info (self, contract, &today, warning_days), sb_contracts_page_row_info_free);
      g_ptr_array_add (items, contract);
    }

  self->refreshing++;
  g_list_store_splice (self->contracts, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->contracts)),
                       items->pdata, items->len);
  select_by_id (self, selected_id);
  self->refreshing--;

  sb_contract_editor_reload (self->editor);
  update_results_page (self);
}

/* Showing a contract, asking first when edits would be lost */

static void
show_contract (SbContractsPage *self,
               const char      *id,
               gboolean         is_new)
{
  g_autoptr(SbContract) contract = NULL;
  g_autoptr(GError) error = NULL;

  if (is_new)
    {
      select_by_id (self, NULL);
      sb_contract_editor_set_contract (self->editor, NULL);
    }
  else
    {
      if (id == NULL)
        {
          gtk_stack_set_visible_child_name (self->detail_stack, "none");
          select_by_id (self, NULL);
          if (adw_leaflet_get_folded (self->leaflet))
            adw_leaflet_set_visible_child_name (self->leaflet, "list");
          update_results_page (self);
          return;
        }

      contract = sb_contracts_get (self->store, id, &error);
      if (contract == NULL)
        {
          show_error (self, error);
          return;
        }
      select_by_id (self, id);
      sb_contract_editor_set_contract (self->editor, contract);
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "editor");
  adw_view_stack_set_visible_child_name (self->view_stack, "contracts");
  update_results_page (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  update_can_navigate_back (self);
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SbContractsPage  *self)
{
  g_autofree char *id = g_steal_pointer (&self->pending_id);
  gboolean is_new = self->pending_new;

  self->dialog = NULL;
  self->pending_new = FALSE;

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!sb_contract_editor_save (self->editor))
        return;
    }
  else if (g_strcmp0 (response, "discard") != 0)
    {
      return;
    }

  show_contract (self, id, is_new);
}

/* Shows @id (or a new contract), after asking what to do with the
 * changes not yet saved, if there are any. */
static void
request_contract (SbContractsPage *self,
                  const char      *id,
                  gboolean         is_new)
{
  SbContract *current = sb_contract_editor_get_contract (self->editor);
  const char *name = NULL;
  AdwMessageDialog *dialog;

  if (!is_new && id != NULL && editing (self) && g_strcmp0 (editor_id (self), id) == 0)
    {
      select_by_id (self, id);
      return;
    }

  if (!editing (self) || !sb_contract_editor_get_modified (self->editor))
    {
      show_contract (self, id, is_new);
      return;
    }

  /* The list keeps marking the contract being edited meanwhile. */
  select_by_id (self, editor_id (self));

  g_free (self->pending_id);
  self->pending_id = g_strdup (id);
  self->pending_new = is_new;
  if (self->dialog != NULL)
    return;

  if (current != NULL)
    name = sb_contract_get_title (current) != NULL ? sb_contract_get_title (current) : sb_contract_get_reference (current);

  dialog = sb_save_changes_dialog_new (GTK_WIDGET (self), name, _("The new contract is not saved yet."),
                                       sb_contract_editor_get_can_save (self->editor));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dialog_response_cb), self, 0);

  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
on_selected_item_changed_cb (SbContractsPage *self)
{
  SbContract *contract = gtk_single_selection_get_selected_item (self->selection);

  if (self->refreshing > 0 || contract == NULL)
    return;

  request_contract (self, sb_contract_get_id (contract), FALSE);
}

static void
on_row_activated_cb (SbContractsPage *self,
                     guint            position)
{
  g_autoptr(SbContract) contract = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (contract == NULL)
    return;

  request_contract (self, sb_contract_get_id (contract), FALSE);
  if (g_strcmp0 (editor_id (self), sb_contract_get_id (contract)) == 0)
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "detail");
      sb_contract_editor_focus (self->editor);
    }
}

static void
on_filtered_items_changed_cb (SbContractsPage *self)
{
  update_results_page (self);
}

static void
on_search_changed_cb (SbContractsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->casefolded_search, g_free);
  if (*stripped != '\0')
    self->casefolded_search = g_utf8_casefold (stripped, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_stop_cb (SbContractsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_status_filter_changed_cb (SbContractsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_folded_changed_cb (SbContractsPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet) && !editing (self))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");

  update_detail_visibility (self);
  update_can_navigate_back (self);
}

static void
on_leaflet_visible_child_cb (SbContractsPage *self)
{
  update_can_navigate_back (self);
}

static void
on_visible_view_changed_cb (SbContractsPage *self)
{
  update_can_navigate_back (self);
}

static void
on_editor_saved_cb (SbContractsPage *self,
                    const char      *id)
{
  AdwToast *toast = adw_toast_new (_("Contract saved"));

  adw_toast_set_timeout (toast, 3);
  add_toast (self, toast);

  refresh (self);
  select_by_id (self, id);
}

static void
on_store_changed_cb (SbContractsPage *self,
                     const char      *table)
{
  refresh (self);
}

static void
on_undo_delete_cb (AdwToast *toast,
                   gpointer  user_data)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (user_data);
  const char *id = g_object_get_data (G_OBJECT (toast), "contract-id");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!sb_contracts_undelete (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }

  request_contract (self, id, FALSE);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (widget);

  request_contract (self, NULL, TRUE);
  if (editing (self) && sb_contract_editor_get_contract (self->editor) != NULL &&
      sb_contract_get_id (sb_contract_editor_get_contract (self->editor)) == NULL)
    sb_contract_editor_focus (self->editor);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (widget);

  if (editing (self))
    sb_contract_editor_save (self->editor);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (editor_id (self));
  AdwToast *toast;

  if (!editing (self))
    return;

  if (id == NULL)
    {
      /* A new contract that was never saved is only dropped. */
      show_contract (self, NULL, FALSE);
      return;
    }

  if (!sb_contracts_delete (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }

  show_contract (self, NULL, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  toast = adw_toast_new (_("Contract deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "contract-id", g_steal_pointer (&id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  add_toast (self, toast);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "contracts");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Alt+Left goes from a contract back to the list; from the list, the
 * window takes it back to its sidebar. */
static gboolean
back_to_list_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (widget);

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
  SbContractsPage *self = SB_CONTRACTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!sb_sample_data_load (self->store, &error) ||
      (!sb_store_get_welcome_done (self->store) &&
       !sb_store_set_welcome_done (self->store, &error)))
    show_error (self, error);
}

/* GObject */

/* The columns shown follow the width the list is about to get. */
/* The header widget sits in the window's header bar, outside the page:
 * its buttons reach the page's actions through this group. */
static void
forward_header_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  g_autofree char *name = g_strconcat ("page.", g_action_get_name (G_ACTION (action)), NULL);

  gtk_widget_activate_action (GTK_WIDGET (user_data), name, NULL);
}

static void
sb_contracts_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (widget);
  int list_width = width;

  if (gtk_widget_get_visible (GTK_WIDGET (self->detail_stack)) && !adw_leaflet_get_folded (self->leaflet))
    {
      int detail_min = 0, detail_nat = 0;

      gtk_widget_measure (GTK_WIDGET (self->detail_stack), GTK_ORIENTATION_HORIZONTAL, -1,
                          &detail_min, &detail_nat, NULL, NULL);
      if (width >= LIST_MIN_WIDTH + 1 + detail_min)
        list_width = MAX (LIST_MIN_WIDTH, width - 1 - detail_nat);
    }
  sb_contracts_page_update_columns (self, list_width);

  if (adw_bin_get_child (ADW_BIN (self)) != NULL)
    gtk_widget_allocate (adw_bin_get_child (ADW_BIN (self)), width, height, baseline, NULL);
}

static void
sb_contracts_page_measure (GtkWidget      *widget,
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

  /* The columns follow the width given, so they never make the page ask
   * for more than the narrowest list. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = MIN (*minimum, LIST_MIN_WIDTH);
}

static void
sb_contracts_page_constructed (GObject *object)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (object);

  G_OBJECT_CLASS (sb_contracts_page_parent_class)->constructed (object);

  sb_contract_editor_set_store (self->editor, self->store);

  if (self->store != NULL)
    {
      AdwViewStackPage *page;

      self->changed_id = g_signal_connect_object (self->store, "changed",
                                                  G_CALLBACK (on_store_changed_cb),
                                                  self, G_CONNECT_SWAPPED);

      self->deadlines_view = g_object_new (sb_deadlines_view_get_type (), "store", self->store, NULL);
      page = adw_view_stack_add_titled (self->view_stack, self->deadlines_view, "deadlines", _("Deadlines"));
      adw_view_stack_page_set_icon_name (page, "alarm-symbolic");
    }

  refresh (self);
}

static void
sb_contracts_page_dispose (GObject *object)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (object);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  self->dialog = NULL;

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_CONTRACTS_PAGE);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);

  G_OBJECT_CLASS (sb_contracts_page_parent_class)->dispose (object);
}

static void
sb_contracts_page_finalize (GObject *object)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (object);

  g_free (self->casefolded_search);
  g_free (self->pending_id);

  G_OBJECT_CLASS (sb_contracts_page_parent_class)->finalize (object);
}

static void
sb_contracts_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_HEADER_WIDGET:
      g_value_set_object (value, self->header_box);
      break;

    case PROP_CAN_NAVIGATE_BACK:
      g_value_set_boolean (value, self->can_navigate_back);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_contracts_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbContractsPage *self = SB_CONTRACTS_PAGE (object);

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
sb_contracts_page_class_init (SbContractsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_contracts_page_constructed;
  object_class->dispose = sb_contracts_page_dispose;
  object_class->finalize = sb_contracts_page_finalize;
  object_class->get_property = sb_contracts_page_get_property;
  object_class->set_property = sb_contracts_page_set_property;
  widget_class->measure = sb_contracts_page_measure;
  widget_class->size_allocate = sb_contracts_page_size_allocate;

  /**
   * SbContractsPage:store:
   *
   * The book whose contracts are shown.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SbContractsPage:header-widget:
   *
   * What the window shows at the end of its header bar for this page.
   */
  properties[PROP_HEADER_WIDGET] =
    g_param_spec_object ("header-widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SbContractsPage:can-navigate-back:
   *
   * Whether the page shows a contract in place of the list (narrow), so
   * that Back leads to the list first.
   */
  properties[PROP_CAN_NAVIGATE_BACK] =
    g_param_spec_boolean ("can-navigate-back", NULL, NULL, FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_CONTRACT);
  g_type_ensure (SB_TYPE_CONTRACT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-contracts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, contracts);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, filter);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, switcher_separator);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, contracts_stack);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, status_names);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, detail_separator);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SbContractsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filtered_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "page.load-sample-data", NULL,
                                   load_sample_data_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_to_list_cb, NULL);
}

static void
sb_contracts_page_init (SbContractsPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The page lays out its one child itself, to choose the list's columns
   * for the width it is about to get. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  g_ptr_array_add (names, (gpointer) _("All Statuses"));
  g_ptr_array_add (names, (gpointer) _("Needs a Decision"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_statuses); i++)
    g_ptr_array_add (names, (gpointer) sb_contract_status_get_label (filter_statuses[i]));
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->status_names, 0, 0, (const char * const *) names->pdata);

  {
    static const GActionEntry entries[] = {
      { "new", forward_header_action_cb, NULL, NULL, NULL },
    };
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
    gtk_widget_insert_action_group (self->header_box, "page", G_ACTION_GROUP (group));
  }

  gtk_custom_filter_set_filter_func (self->filter, sb_contracts_page_filter_cb, self, NULL);
  sb_contracts_page_build_columns (self);
  sb_contracts_page_update_columns (self, LIST_MIN_WIDTH);
  update_detail_visibility (self);
}

/* Public API */

SbStore *
sb_contracts_page_get_store (SbContractsPage *self)
{
  g_return_val_if_fail (SB_IS_CONTRACTS_PAGE (self), NULL);

  return self->store;
}

/**
 * sb_contracts_page_get_model:
 * @self: a contracts page
 *
 * Returns: (transfer none): the contracts as listed, filtered and sorted
 */
GListModel *
sb_contracts_page_get_model (SbContractsPage *self)
{
  g_return_val_if_fail (SB_IS_CONTRACTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * sb_contracts_page_get_editor:
 * @self: a contracts page
 *
 * Returns: (transfer none): the contract editor of the detail pane
 */
GtkWidget *
sb_contracts_page_get_editor (SbContractsPage *self)
{
  g_return_val_if_fail (SB_IS_CONTRACTS_PAGE (self), NULL);

  return GTK_WIDGET (self->editor);
}

/**
 * sb_contracts_page_select_contract:
 * @self: a contracts page
 * @id: (nullable): a contract id, or %NULL to show none
 *
 * Shows the contract in the editor (the window's "win.show-contract"),
 * asking first what to do with changes not yet saved.
 */
void
sb_contracts_page_select_contract (SbContractsPage *self,
                                   const char      *id)
{
  g_return_if_fail (SB_IS_CONTRACTS_PAGE (self));

  request_contract (self, id, FALSE);
}

/**
 * sb_contracts_page_new_contract:
 * @self: a contracts page
 *
 * Opens the editor on a new contract (Ctrl+N).
 */
void
sb_contracts_page_new_contract (SbContractsPage *self)
{
  g_return_if_fail (SB_IS_CONTRACTS_PAGE (self));

  new_action (GTK_WIDGET (self), "page.new", NULL);
}

/**
 * sb_contracts_page_show_view:
 * @self: a contracts page
 * @name: "contracts" or "deadlines"
 *
 * Switches to one of the page's views.
 */
void
sb_contracts_page_show_view (SbContractsPage *self,
                             const char      *name)
{
  g_return_if_fail (SB_IS_CONTRACTS_PAGE (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

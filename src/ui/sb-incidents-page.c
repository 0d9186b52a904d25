/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sb-catalog.h"
#include "sb-incident-csv.h"
#include "sb-incident-detail.h"
#include "sb-incident-import-dialog.h"
#include "sb-incident-new-dialog.h"
#include "sb-incidents.h"
#include "sb-incidents-page-private.h"

/* The incident log: a column view straight over SbIncidentList (the store
 * sorts and filters, so 100,000 incidents cost the rows on screen), the
 * views, search and filters that feed the list's filter, and the detail
 * pane beside the list (or after it, in a narrow window). */

#define CLOCK_INTERVAL_SECONDS 60

/* The views in the order of the drop-down and of Ctrl+1…Ctrl+6. */
static const struct
{
  SbIncidentView view;
  const char    *name;
} views[] = {
  { SB_INCIDENT_VIEW_OPEN, "open" },
  { SB_INCIDENT_VIEW_AT_RISK, "at-risk" },
  { SB_INCIDENT_VIEW_BREACHED, "breached" },
  { SB_INCIDENT_VIEW_MAJOR, "major" },
  { SB_INCIDENT_VIEW_RECENTLY_RESOLVED, "recently-resolved" },
  { SB_INCIDENT_VIEW_ALL, "all" },
};




enum {
  PROP_0,
  PROP_STORE,
  PROP_HEADER_WIDGET,
  PROP_COMPACT,
  PROP_CAN_NAVIGATE_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbIncidentsPage, sb_incidents_page, GTK_TYPE_WIDGET)

/* Helpers */

static void
add_toast (SbIncidentsPage *self,
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
show_error (SbIncidentsPage *self,
            const GError    *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  add_toast (self, toast);
}

static GtkWindow *
parent_window (SbIncidentsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static int
view_index (SbIncidentView view)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (views[i].view == view)
      return i;

  return 0;
}

static gboolean
view_from_name (const char     *name,
                SbIncidentView *out_view)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      if (g_strcmp0 (views[i].name, name) == 0)
        {
          *out_view = views[i].view;
          return TRUE;
        }
    }

  return FALSE;
}

/* GTK 4.8's column view cannot scroll to a row itself; its list can. */
static void
scroll_to (SbIncidentsPage *self,
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

void
sb_incidents_page_set_filter (SbIncidentsPage        *self,
                              const SbIncidentFilter *filter)
{
  if (sb_incident_filter_equal (filter, sb_incident_list_get_filter (self->list)))
    return;

  sb_incident_list_set_filter (self->list, filter);
}

/* Wide, an empty detail pane would only take width from the list (and
 * its Title column most); it shows once an incident is chosen.  It hides
 * only where both panes fit anyway, so choosing one never folds the
 * page under the pointer.  Narrow, the leaflet shows one pane at a time. */
static void
update_detail_visibility (SbIncidentsPage *self,
                          int              width)
{
  int detail_min = 0;
  gboolean hide;

  if (self->detail == NULL || width <= 0)
    return;

  gtk_widget_measure (GTK_WIDGET (self->detail), GTK_ORIENTATION_HORIZONTAL, -1,
                      &detail_min, NULL, NULL, NULL);
  detail_min = MAX (detail_min, DETAIL_MIN_WIDTH);
  hide = self->selected_id == NULL && width >= LIST_MIN_WIDTH + 1 + detail_min;

  if (hide == self->detail_hidden)
    return;

  self->detail_hidden = hide;
  gtk_widget_set_visible (GTK_WIDGET (self->detail_pane), !hide);
  gtk_widget_set_visible (self->detail_separator, !hide);
}

/* Folded on the detail, the window's header bar shows Back and asks
 * the page first (page.back); one Back button, never two. */
static void
update_can_navigate_back (SbIncidentsPage *self)
{
  gboolean can = adw_leaflet_get_folded (self->leaflet) &&
                 g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0;

  if (can == self->can_navigate_back)
    return;

  self->can_navigate_back = can;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_NAVIGATE_BACK]);
}

/* Narrow, activating a row opens the detail. */
static void
open_detail (SbIncidentsPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_grab_focus (GTK_WIDGET (self->detail));
}

static void
show_incident (SbIncidentsPage *self,
               const char      *id)
{
  if (g_strcmp0 (self->selected_id, id) != 0)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (id);
    }

  if (g_strcmp0 (sb_incident_detail_get_incident_id (self->detail), id) != 0)
    sb_incident_detail_set_incident_id (self->detail, id);

  update_detail_visibility (self, gtk_widget_get_width (GTK_WIDGET (self)));
}

/* Whether the book has any incident at all, asked only when the list is
 * empty, to tell "nothing logged yet" from "nothing matches". */
static gboolean
book_has_incidents (SbIncidentsPage *self)
{
  g_autoptr(SbIncidentFilter) all = sb_incident_filter_new ();
  g_autoptr(GArray) rowids = NULL;

  rowids = sb_incidents_query_rowids (self->store, all, SB_SLA_NO_TIME, NULL);

  return rowids == NULL || rowids->len > 0;
}

static void
update_content_page (SbIncidentsPage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0;

  if (any)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      gtk_stack_set_visible_child_name (self->results_stack, "results");
    }
  else if (book_has_incidents (self))
    {
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      gtk_stack_set_visible_child_name (self->results_stack, "no-results");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
}

static void
select_position (SbIncidentsPage *self,
                 guint            position)
{
  self->requerying++;
  gtk_single_selection_set_selected (self->selection, position);
  self->requerying--;

  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
}

/* View counts in the drop-down: open, at risk and breached come from one
 * SLA pass (the Overview's); the others would cost a query each. */
static void
update_view_labels (SbIncidentsPage *self)
{
  SbIncidentAttention attention = { 0, };
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GtkStringList *model = GTK_STRING_LIST (gtk_drop_down_get_model (self->view_dropdown));
  guint selected = gtk_drop_down_get_selected (self->view_dropdown);
  gboolean counted = sb_incidents_get_attention (self->store, SB_INCIDENT_NO_TIME, &attention, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      const char *label = sb_incident_view_get_label (views[i].view);
      guint count = 0;
      gboolean has_count = counted;

      switch (views[i].view)
        {
        case SB_INCIDENT_VIEW_OPEN: count = attention.n_open; break;
        case SB_INCIDENT_VIEW_AT_RISK: count = attention.n_at_risk; break;
        case SB_INCIDENT_VIEW_BREACHED: count = attention.n_breached; break;
        default: has_count = FALSE; break;
        }

      if (has_count)
        g_ptr_array_add (labels, g_strdup_printf (C_("view name with its count", "%s (%u)"), label, count));
      else
        g_ptr_array_add (labels, g_strdup (label));
    }

  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (model, i), g_ptr_array_index (labels, i)) != 0)
        {
          g_ptr_array_add (labels, NULL);
          self->building_filters = TRUE;
          gtk_string_list_splice (model, 0, G_N_ELEMENTS (views), (const char * const *) labels->pdata);
          gtk_drop_down_set_selected (self->view_dropdown, selected);
          self->building_filters = FALSE;
          break;
        }
    }

  sb_incident_attention_clear (&attention);
}

/* Callbacks */

static void
on_list_items_changed_before_cb (SbIncidentsPage *self)
{
  /* The selection drops its item while the list re-queries; that is not
   * the person choosing another incident. */
  self->requerying++;
}

static void
on_list_items_changed_after_cb (SbIncidentsPage *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selected_id != NULL)
    position = sb_incident_list_find (self->list, self->selected_id);

  /* An incident that left the view stays in the detail (it was just
   * resolved, say); only the list no longer marks it. */
  gtk_single_selection_set_selected (self->selection, position);
  self->requerying--;

  update_content_page (self);
}

static void
on_list_error_cb (SbIncidentsPage *self,
                  GError          *error)
{
  show_error (self, error);
}

static void
on_selected_item_changed_cb (SbIncidentsPage *self)
{
  SbIncidentRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (self->requerying > 0 || self->detail == NULL)
    return;

  show_incident (self, row != NULL ? sb_incident_row_get_id (row) : NULL);

  if (row == NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
on_row_activated_cb (SbIncidentsPage *self,
                     guint            position)
{
  g_autoptr(SbIncidentRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row == NULL)
    return;

  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);

  open_detail (self);
}

/* A click on a row, narrow, always opens it.  The column view's
 * single-click activation does that by itself, but a click that reached
 * a row only as a selection (GTK 4.8, rows rebuilt by a resize) would
 * leave the person on the list: so the click is watched here too, in
 * the capture phase, and looked at once the row has had it. */
static GtkWidget *
row_at (SbIncidentsPage *self,
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

  return NULL;   /* the column headers, or no row */
}

static void
on_list_pressed_cb (SbIncidentsPage *self,
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
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (user_data);
  GtkWidget *row = self->clicked_row;
  guint position = gtk_single_selection_get_selected (self->selection);

  g_clear_weak_pointer (&self->clicked_row);

  if (row != NULL && self->list != NULL &&
      adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") != 0 &&
      (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0 &&
      position != GTK_INVALID_LIST_POSITION)
    on_row_activated_cb (self, position);

  return G_SOURCE_REMOVE;
}

static void
on_list_released_cb (SbIncidentsPage *self,
                     int              n_press,
                     double           x,
                     double           y)
{
  if (self->clicked_row == NULL)
    return;

  /* After the row's own handling of this release: it selects the row. */
  g_idle_add_full (G_PRIORITY_DEFAULT, open_clicked_row_cb, g_object_ref (self), g_object_unref);
}

static void
on_folded_changed_cb (SbIncidentsPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet) && self->selected_id == NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "list");

  update_can_navigate_back (self);
}

static void
on_leaflet_visible_child_cb (SbIncidentsPage *self)
{
  update_can_navigate_back (self);
}

static void
on_view_selected_cb (SbIncidentsPage *self)
{
  g_autoptr(SbIncidentFilter) filter = NULL;
  guint selected = gtk_drop_down_get_selected (self->view_dropdown);

  if (self->building_filters || self->list == NULL || selected >= G_N_ELEMENTS (views))
    return;

  filter = sb_incident_filter_copy (sb_incident_list_get_filter (self->list));
  filter->view = views[selected].view;
  sb_incidents_page_set_filter (self, filter);
}

static void
on_search_changed_cb (SbIncidentsPage *self)
{
  if (self->list != NULL)
    sb_incidents_page_apply_filters (self);
}

static void
on_search_stop_cb (SbIncidentsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_search_activate_cb (SbIncidentsPage *self)
{
  /* Enter in the search goes to the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  scroll_to (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_store_changed_cb (SbIncidentsPage *self,
                     const char      *table)
{
  /* The list follows the store by itself; the view counts do not. */
  update_view_labels (self);
}

static gboolean
on_clock_tick_cb (gpointer user_data)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (user_data);

  sb_incident_list_refresh_clocks (self->list);
  sb_incident_detail_refresh (self->detail);
  update_view_labels (self);

  return G_SOURCE_CONTINUE;
}

static void
on_undo_delete_cb (AdwToast *toast,
                   gpointer  user_data)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (user_data);
  const char *id = g_object_get_data (G_OBJECT (toast), "incident-id");
  g_autoptr(GError) error = NULL;

  if (!sb_incidents_undelete (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }

  sb_incidents_page_select_incident (self, id);
}

static void
on_incident_created_cb (SbIncidentsPage *self,
                        const char      *id)
{
  sb_incidents_page_select_incident (self, id);
}

static void
on_undo_import_cb (AdwToast *toast,
                   gpointer  user_data)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (user_data);
  g_autoptr(GError) error = NULL;

  if (!sb_incident_import_undo (self->store, g_object_get_data (G_OBJECT (toast), "batch-id"), &error))
    show_error (self, error);
}

static void
on_incidents_imported_cb (SbIncidentsPage *self,
                          const char      *batch_id,
                          guint            n_incidents)
{
  g_autofree char *title = g_strdup_printf (ngettext ("Imported %u incident",
                                                      "Imported %u incidents", n_incidents),
                                            n_incidents);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "batch-id", g_strdup (batch_id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_import_cb), self, 0);
  add_toast (self, toast);
}

static void
on_import_file_chosen_cb (GtkNativeDialog *chooser,
                          int              response,
                          SbIncidentsPage *self)
{
  g_autoptr(GFile) file = NULL;
  SbIncidentImportDialog *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    return;

  dialog = sb_incident_import_dialog_new (parent_window (self), self->store, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_incidents_imported_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_file_chosen_cb (GtkNativeDialog *chooser,
                          int              response,
                          SbIncidentsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    return;

  if (!sb_incident_csv_export_to_file (self->store, sb_incident_list_get_filter (self->list),
                                       file, SB_CSV_WRITE_DEFAULT, &error))
    {
      show_error (self, error);
      return;
    }

  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Exported the list to %s"), name);
  {
    g_autofree char *escaped = g_markup_escape_text (title, -1);

    add_toast (self, adw_toast_new (escaped));
  }
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");

  return filter;
}

/* One-key actions: the detail's "incident" actions, from the list or the
 * detail.  They never see keys typed into an entry: those stop there. */
static gboolean
incident_key_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (gtk_widget_get_ancestor (widget, SB_TYPE_INCIDENTS_PAGE));
  const char *action = g_variant_get_string (args, NULL);

  if (self == NULL || self->selected_id == NULL)
    return FALSE;   /* on the list with nothing selected: typing searches */

  if (g_strcmp0 (action, "open") == 0)
    {
      /* Enter on the list: the selected row, even when the focus is not
       * on it (a focused row takes Enter itself, as activation). */
      guint position = gtk_single_selection_get_selected (self->selection);

      if (position != GTK_INVALID_LIST_POSITION)
        on_row_activated_cb (self, position);
      else
        open_detail (self);
    }
  else if (g_strcmp0 (action, "delete") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "page.delete", NULL);
    }
  else
    {
      GActionGroup *actions = sb_incident_detail_get_actions (self->detail);

      /* The lifecycle decides: H on a closed incident only beeps. */
      if (actions != NULL && g_action_group_get_action_enabled (actions, action))
        g_action_group_activate_action (actions, action, NULL);
      else
        gtk_widget_error_bell (widget);
    }

  return TRUE;
}

static void
add_incident_keys (GtkWidget *widget,
                   gboolean   with_open)
{
  static const struct
  {
    guint       key;
    const char *action;
  } keys[] = {
    { GDK_KEY_r, "respond" },
    { GDK_KEY_w, "start" },
    { GDK_KEY_h, "hold" },
    { GDK_KEY_u, "escalate" },
    { GDK_KEY_s, "resolve" },
    { GDK_KEY_c, "close" },
    { GDK_KEY_o, "reopen" },
    { GDK_KEY_n, "note" },
    { GDK_KEY_e, "edit" },
    { GDK_KEY_Delete, "delete" },
    { GDK_KEY_Return, "open" },
    { GDK_KEY_KP_Enter, "open" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  gtk_event_controller_set_name (controller, "sb-incident-keys");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut;

      if (!with_open && g_strcmp0 (keys[i].action, "open") == 0)
        continue;

      shortcut =
        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keys[i].key, 0),
                                         gtk_callback_action_new (incident_key_cb, NULL, NULL),
                                         "s", keys[i].action);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }

  gtk_widget_add_controller (widget, controller);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);
  SbIncidentNewDialog *dialog = sb_incident_new_dialog_new (parent_window (self), self->store);

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_incident_created_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Incidents"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Incidents"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("incidents.csv"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbIncident) incident = NULL;
  g_autofree char *id = g_strdup (self->selected_id);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (id == NULL)
    return;

  incident = sb_incidents_get (self->store, id, NULL);
  if (!sb_incidents_delete (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }

  show_incident (self, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  title = g_strdup_printf (_("Incident %s deleted"),
                           incident != NULL ? sb_incident_get_reference (incident) : "");
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "incident-id", g_steal_pointer (&id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  add_toast (self, toast);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->content_stack, "list");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);
  SbIncidentView view;

  if (view_from_name (g_variant_get_string (parameter, NULL), &view))
    sb_incidents_page_show_view (self, view);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  sb_incidents_page_clear_filters (SB_INCIDENTS_PAGE (widget), TRUE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static gboolean
back_to_list_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);

  if (!adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") != 0)
    return FALSE;

  back_action (widget, "page.back", NULL);
  return TRUE;
}

static void
forward_header_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  g_autofree char *name = g_strconcat ("page.", g_action_get_name (G_ACTION (action)), NULL);

  gtk_widget_activate_action (GTK_WIDGET (user_data), name, NULL);
}

/* GObject */

/* The page lays out its one child itself, to choose the list's columns
 * for the width it is about to get (update_columns). */
static void
sb_incidents_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->content_stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);

  /* The columns shown follow the width given, so they never make the
   * page ask for more than the narrowest list. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = MIN (*minimum, LIST_MIN_WIDTH);
}

static void
sb_incidents_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);
  int detail_min, detail_nat;
  int list_width = width;

  /* A first guess of the list's width, so that the list is never given
   * less than its columns need: the leaflet shows both panes when their
   * minimum widths fit, the detail at about its natural width. */
  update_detail_visibility (self, width);
  gtk_widget_measure (GTK_WIDGET (self->detail_pane), GTK_ORIENTATION_HORIZONTAL, -1,
                      &detail_min, &detail_nat, NULL, NULL);
  if (!self->detail_hidden && width >= LIST_MIN_WIDTH + 1 + detail_min)
    list_width = MAX (LIST_MIN_WIDTH, width - 1 - detail_nat);
  sb_incidents_page_update_columns (self, list_width);

  gtk_widget_allocate (GTK_WIDGET (self->content_stack), width, height, baseline, NULL);

  /* Then the width it really got; a change of columns can move the
   * panes' border a little, so settle in a few rounds at most. */
  for (guint round = 0; round < 3; round++)
    {
      int got = gtk_widget_get_width (GTK_WIDGET (self->list_scroller));

      if (got <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self->list_scroller)) ||
          !sb_incidents_page_update_columns (self, got))
        break;
      gtk_widget_allocate (GTK_WIDGET (self->content_stack), width, height, baseline, NULL);
    }
}

static void
sb_incidents_page_map (GtkWidget *widget)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);

  GTK_WIDGET_CLASS (sb_incidents_page_parent_class)->map (widget);

  /* Clocks move while the page is shown: catch up, then once a minute. */
  if (self->list != NULL && self->clock_id == 0)
    {
      on_clock_tick_cb (self);
      self->clock_id = g_timeout_add_seconds (CLOCK_INTERVAL_SECONDS, on_clock_tick_cb, self);
    }
}

static void
sb_incidents_page_unmap (GtkWidget *widget)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);

  GTK_WIDGET_CLASS (sb_incidents_page_parent_class)->unmap (widget);
}

static void
sb_incidents_page_constructed (GObject *object)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (object);
  g_autoptr(SbIncidentFilter) filter = NULL;
  g_autoptr(GtkStringList) view_labels = gtk_string_list_new (NULL);
  static const char * const header_actions[] = { "new", "import", "export" };

  G_OBJECT_CLASS (sb_incidents_page_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_string_list_append (view_labels, sb_incident_view_get_label (views[i].view));
  gtk_drop_down_set_model (self->view_dropdown, G_LIST_MODEL (view_labels));

  sb_incidents_page_build_filters (self);

  /* The list starts on the Open view, newest first. */
  self->list = sb_incident_list_new (self->store);
  filter = sb_incident_filter_new ();
  filter->view = SB_INCIDENT_VIEW_OPEN;
  filter->sort = SB_INCIDENT_SORT_OPENED;
  filter->descending = TRUE;
  sb_incident_list_set_filter (self->list, filter);

  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (on_list_items_changed_before_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (on_list_items_changed_after_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->list, "error", G_CALLBACK (on_list_error_cb), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));

  sb_incidents_page_build_columns (self);

  self->detail = SB_INCIDENT_DETAIL (sb_incident_detail_new (self->store));
  {
    /* Beside the list the detail asks no more than it reads well at. */
    GtkWidget *clamp = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), DETAIL_MAX_WIDTH);
    adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), DETAIL_MAX_WIDTH);
    adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->detail));
    gtk_widget_set_vexpand (clamp, TRUE);
    gtk_box_append (self->detail_pane, clamp);
  }

  add_incident_keys (GTK_WIDGET (self->column_view), TRUE);
  add_incident_keys (GTK_WIDGET (self->detail), FALSE);

  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect_object (click, "pressed", G_CALLBACK (on_list_pressed_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (click, "released", G_CALLBACK (on_list_released_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
  }
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_pane);

  self->header_actions = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (header_actions); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (header_actions[i], NULL);

      g_signal_connect_object (action, "activate", G_CALLBACK (forward_header_action_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self->header_actions), G_ACTION (action));
    }
  gtk_widget_insert_action_group (self->header_box, "incidents", G_ACTION_GROUP (self->header_actions));

  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (on_store_changed_cb),
                                              self, G_CONNECT_SWAPPED);

  update_view_labels (self);
  sb_incidents_page_update_filter_indicator (self);
  update_content_page (self);
}

static void
sb_incidents_page_dispose (GObject *object)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_clear_weak_pointer (&self->clicked_row);

  self->updating_columns = TRUE;
  if (self->header_box != NULL)
    gtk_widget_insert_action_group (self->header_box, "incidents", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_INCIDENTS_PAGE);
  self->detail = NULL;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  g_clear_object (&self->list);
  g_clear_object (&self->header_actions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_incidents_page_parent_class)->dispose (object);
}

static void
sb_incidents_page_finalize (GObject *object)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (object);

  g_free (self->selected_id);
  g_ptr_array_unref (self->service_ids);
  g_ptr_array_unref (self->customer_ids);

  G_OBJECT_CLASS (sb_incidents_page_parent_class)->finalize (object);
}

static void
sb_incidents_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_HEADER_WIDGET:
      g_value_set_object (value, self->header_box);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    case PROP_CAN_NAVIGATE_BACK:
      g_value_set_boolean (value, self->can_navigate_back);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_incidents_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (object);

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
sb_incidents_page_class_init (SbIncidentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_incidents_page_constructed;
  object_class->dispose = sb_incidents_page_dispose;
  object_class->finalize = sb_incidents_page_finalize;
  object_class->get_property = sb_incidents_page_get_property;
  object_class->set_property = sb_incidents_page_set_property;

  widget_class->measure = sb_incidents_page_measure;
  widget_class->size_allocate = sb_incidents_page_size_allocate;
  widget_class->map = sb_incidents_page_map;
  widget_class->unmap = sb_incidents_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SbIncidentsPage:header-widget:
   *
   * The page's buttons for the window's header bar (New, Import, Export).
   */
  properties[PROP_HEADER_WIDGET] =
    g_param_spec_object ("header-widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SbIncidentsPage:compact:
   *
   * Whether the list is narrow enough that rows carry their reference
   * and status under the title instead of in columns.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SbIncidentsPage:can-navigate-back:
   *
   * Whether the page is folded on an incident's detail, so that Back
   * (the page.back action, Alt+Left) returns to the list.  The window
   * shows its header bar's Back button for it.
   */
  properties[PROP_CAN_NAVIGATE_BACK] =
    g_param_spec_boolean ("can-navigate-back", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-incidents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, detail_separator);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_filter_popover_show_cb",
                                                G_CALLBACK (sb_incidents_page_refresh_filter_choices));

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "page.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_to_list_cb, NULL);
}

static void
sb_incidents_page_init (SbIncidentsPage *self)
{
  self->service_ids = g_ptr_array_new_with_free_func (g_free);
  self->customer_ids = g_ptr_array_new_with_free_func (g_free);
  self->period = PERIOD_ALL;

  sb_incidents_page_load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

SbStore *
sb_incidents_page_get_store (SbIncidentsPage *self)
{
  g_return_val_if_fail (SB_IS_INCIDENTS_PAGE (self), NULL);

  return self->store;
}

/**
 * sb_incidents_page_get_list:
 * @self: an incidents page
 *
 * Returns: (transfer none): the list the column view shows
 */
SbIncidentList *
sb_incidents_page_get_list (SbIncidentsPage *self)
{
  g_return_val_if_fail (SB_IS_INCIDENTS_PAGE (self), NULL);

  return self->list;
}

/**
 * sb_incidents_page_get_detail:
 * @self: an incidents page
 *
 * Returns: (transfer none): the SbIncidentDetail of the detail pane
 */
GtkWidget *
sb_incidents_page_get_detail (SbIncidentsPage *self)
{
  g_return_val_if_fail (SB_IS_INCIDENTS_PAGE (self), NULL);

  return GTK_WIDGET (self->detail);
}

/**
 * sb_incidents_page_show_view:
 * @self: an incidents page
 * @view: the view to show
 *
 * Switches to @view, keeping the search and filters.
 */
void
sb_incidents_page_show_view (SbIncidentsPage *self,
                             SbIncidentView   view)
{
  g_return_if_fail (SB_IS_INCIDENTS_PAGE (self));

  /* The drop-down's handler sets the filter. */
  gtk_drop_down_set_selected (self->view_dropdown, view_index (view));
  on_view_selected_cb (self);
}

/**
 * sb_incidents_page_select_incident:
 * @self: an incidents page
 * @id: (nullable): an incident id, or %NULL for none
 *
 * Selects the incident and shows it in the detail.  When the current
 * view, search or filters hide it, they make way: first the Open view
 * without filters, then all incidents.
 */
void
sb_incidents_page_select_incident (SbIncidentsPage *self,
                                   const char      *id)
{
  guint position;

  g_return_if_fail (SB_IS_INCIDENTS_PAGE (self));

  if (id == NULL)
    {
      select_position (self, GTK_INVALID_LIST_POSITION);
      show_incident (self, NULL);
      return;
    }

  /* Known before the list moves, so a re-query keeps it selected. */
  show_incident (self, id);

  position = sb_incident_list_find (self->list, id);
  if (position == G_MAXUINT)
    {
      /* Just written: the list may not have re-read the book yet. */
      sb_incident_list_reload (self->list);
      position = sb_incident_list_find (self->list, id);
    }
  if (position == G_MAXUINT)
    {
      sb_incidents_page_clear_filters (self, TRUE);
      sb_incidents_page_show_view (self, SB_INCIDENT_VIEW_OPEN);
      position = sb_incident_list_find (self->list, id);
    }
  if (position == G_MAXUINT)
    {
      sb_incidents_page_show_view (self, SB_INCIDENT_VIEW_ALL);
      position = sb_incident_list_find (self->list, id);
    }

  select_position (self, position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
  update_content_page (self);
}

/**
 * sb_incidents_page_show_target:
 * @self: an incidents page
 * @target: "view:NAME" (open, at-risk, breached, major,
 *   recently-resolved, all), "on-hold" (the open ones on hold) or
 *   "incident:ID"
 *
 * What the Overview's links ask for (the window's win.show-incidents).
 */
void
sb_incidents_page_show_target (SbIncidentsPage *self,
                               const char      *target)
{
  SbIncidentView view;

  g_return_if_fail (SB_IS_INCIDENTS_PAGE (self));
  g_return_if_fail (target != NULL);

  if (g_str_has_prefix (target, "incident:"))
    {
      sb_incidents_page_select_incident (self, target + strlen ("incident:"));
      adw_leaflet_set_visible_child_name (self->leaflet, "detail");
      return;
    }

  sb_incidents_page_clear_filters (self, TRUE);
  if (g_strcmp0 (target, "on-hold") == 0)
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->status_checks[SB_INCIDENT_ON_HOLD]), TRUE);
      sb_incidents_page_show_view (self, SB_INCIDENT_VIEW_OPEN);
    }
  else if (g_str_has_prefix (target, "view:") && view_from_name (target + strlen ("view:"), &view))
    {
      sb_incidents_page_show_view (self, view);
    }

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-calendars-view.h"
#include "sb-catalog.h"
#include "sb-customers-view.h"
#include "sb-import-dialog.h"
#include "sb-sample-data.h"
#include "sb-service-editor.h"
#include "sb-services-page.h"
#include "sb-time.h"

/* The service catalogue: a sortable, searchable list of services with the
 * selected one's editor beside it (or after it, in a narrow window), and
 * the customers and support calendars the services refer to, one view
 * switcher away. */

struct _SbServicesPage
{
  AdwBin              parent_instance;

  SbStore            *store;
  gulong              changed_id;
  guint               refreshing : 1;

  /* Template objects */
  GListStore         *services;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkStringFilter    *status_filter;
  GtkStringFilter    *category_filter;
  GtkStringList      *category_list;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *category_dropdown;
  GtkSearchEntry     *search_entry;
  AdwViewStack       *view_stack;
  GtkStack           *services_stack;
  GtkStack           *results_stack;
  AdwLeaflet         *leaflet;
  GtkStack           *detail_stack;
  GtkColumnView      *column_view;
  SbServiceEditor    *editor;
  SbCustomersView    *customers_view;
  SbCalendarsView    *calendars_view;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbServicesPage, sb_services_page, ADW_TYPE_BIN)

/* The order of the status filter's items after "All statuses". */
static const char * const statuses[] = {
  SB_SERVICE_STATUS_PIPELINE,
  SB_SERVICE_STATUS_LIVE,
  SB_SERVICE_STATUS_RETIRING,
  SB_SERVICE_STATUS_RETIRED,
};

static void
add_toast (SbServicesPage *self,
           AdwToast       *toast)
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
show_error (SbServicesPage *self,
            const GError   *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  add_toast (self, toast);
}

static SbService *
get_selected_service (SbServicesPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* GTK 4.8's column view cannot scroll to a row itself; its list can. */
static void
scroll_to (SbServicesPage *self,
           guint           position)
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
select_by_id (SbServicesPage *self,
              const char     *id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (model, i);

      if (g_strcmp0 (sb_service_get_id (service), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
refresh_categories (SbServicesPage *self)
{
  g_auto(GStrv) categories = sb_catalog_list_categories (self->store);
  g_autofree char *current = NULL;
  guint selected = gtk_drop_down_get_selected (self->category_dropdown);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->category_list));
  guint position = 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    current = g_strdup (gtk_string_list_get_string (self->category_list, selected));

  g_ptr_array_add (items, (gpointer) _("All categories"));
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      g_ptr_array_add (items, categories[i]);
      if (g_strcmp0 (categories[i], current) == 0)
        position = i + 1;
    }
  g_ptr_array_add (items, NULL);

  gtk_string_list_splice (self->category_list, 0, n, (const char * const *) items->pdata);
  gtk_drop_down_set_selected (self->category_dropdown, position);
}

static void
update_results_page (SbServicesPage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->services)) > 0;
  gboolean editing = g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "editor") == 0;
  gboolean matches = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0;

  /* A new service being typed keeps the list and its editor on screen. */
  gtk_stack_set_visible_child_name (self->services_stack, any || editing ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->results_stack, matches ? "results" : "no-results");
}

static void
refresh (SbServicesPage *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  SbService *selected = get_selected_service (self);
  g_autofree char *selected_id = NULL;
  guint n;

  if (self->store == NULL)
    return;

  if (selected != NULL)
    selected_id = g_strdup (sb_service_get_id (selected));

  list = sb_catalog_list_services (self->store, &error);
  if (list == NULL)
    {
      show_error (self, error);
      return;
    }

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));

  self->refreshing = TRUE;
  g_list_store_splice (self->services, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->services)),
                       items->pdata, items->len);
  refresh_categories (self);
  select_by_id (self, selected_id);
  self->refreshing = FALSE;

  sb_service_editor_reload (self->editor);
  update_results_page (self);
}

static void
show_detail (SbServicesPage *self)
{
  gtk_stack_set_visible_child_name (self->detail_stack, "editor");
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static int
status_rank_cb (gpointer    user_data,
                const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (g_strcmp0 (statuses[i], status) == 0)
        return i;
    }

  return G_N_ELEMENTS (statuses);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  SbService *service = gtk_list_item_get_item (item);
  const char *status = sb_service_get_status (service);
  const char *text = status;

  if (g_strcmp0 (status, SB_SERVICE_STATUS_PIPELINE) == 0)
    text = C_("service status", "Pipeline");
  else if (g_strcmp0 (status, SB_SERVICE_STATUS_LIVE) == 0)
    text = C_("service status", "Live");
  else if (g_strcmp0 (status, SB_SERVICE_STATUS_RETIRING) == 0)
    text = C_("service status", "Retiring");
  else if (g_strcmp0 (status, SB_SERVICE_STATUS_RETIRED) == 0)
    text = C_("service status", "Retired");

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
setup_review_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_review_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  SbService *service = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  const char *next = sb_service_get_next_review (service);
  gboolean overdue = sb_service_is_review_overdue (service, NULL);
  g_autofree char *shown = NULL;
  GDate date;

  if (next != NULL && sb_date_parse (next, &date, NULL))
    shown = sb_date_format_local (&date);

  gtk_label_set_label (GTK_LABEL (label), shown != NULL ? shown : "");
  gtk_widget_set_visible (icon, overdue);
  gtk_widget_set_tooltip_text (box, overdue ? _("The review is overdue") : NULL);
  if (overdue)
    gtk_widget_add_css_class (box, "warning");
  else
    gtk_widget_remove_css_class (box, "warning");
}

static void
on_selected_item_changed_cb (SbServicesPage *self)
{
  SbService *service = get_selected_service (self);

  if (self->refreshing)
    return;

  if (service == NULL)
    {
      if (sb_service_editor_get_service (self->editor) != NULL)
        gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  sb_service_editor_set_service (self->editor, service);
  show_detail (self);
}

static void
on_row_activated_cb (SbServicesPage *self,
                     guint           position)
{
  show_detail (self);
  sb_service_editor_focus (self->editor);
}

static void
on_filtered_items_changed_cb (SbServicesPage *self)
{
  update_results_page (self);
}

static void
on_status_filter_changed_cb (SbServicesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  const char *status = NULL;

  if (selected > 0 && selected <= G_N_ELEMENTS (statuses))
    status = statuses[selected - 1];

  gtk_string_filter_set_search (self->status_filter, status);
}

static void
on_category_filter_changed_cb (SbServicesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->category_dropdown);
  const char *category = NULL;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    category = gtk_string_list_get_string (self->category_list, selected);

  gtk_string_filter_set_search (self->category_filter, category);
}

static void
on_search_stop_cb (SbServicesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_folded_changed_cb (SbServicesPage *self)
{
  /* Folded, the list is a plain list to pick from; unfolded, the selected
   * row marks the service shown beside it. */
  if (!adw_leaflet_get_folded (self->leaflet))
    return;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "none") == 0)
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
on_editor_saved_cb (SbServicesPage *self,
                    const char     *id)
{
  AdwToast *toast = adw_toast_new (_("Service saved"));

  adw_toast_set_timeout (toast, 3);
  add_toast (self, toast);

  refresh (self);
  self->refreshing = TRUE;
  select_by_id (self, id);
  self->refreshing = FALSE;
}

static void
on_visible_view_changed_cb (SbServicesPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.load-sample-data",
                                 g_strcmp0 (name, "services") == 0);
}

static void
on_store_changed_cb (SbServicesPage *self,
                     const char     *table)
{
  refresh (self);
}

static void
on_undo_delete_cb (AdwToast *toast,
                   gpointer  user_data)
{
  SbServicesPage *self = SB_SERVICES_PAGE (user_data);
  const char *id = g_object_get_data (G_OBJECT (toast), "service-id");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!sb_catalog_undelete_service (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }

  self->refreshing = TRUE;
  select_by_id (self, id);
  self->refreshing = FALSE;
  if (get_selected_service (self) != NULL)
    {
      sb_service_editor_set_service (self->editor, get_selected_service (self));
      gtk_stack_set_visible_child_name (self->detail_stack, "editor");
    }
}

static void
delete_service (SbServicesPage *self)
{
  SbService *service = sb_service_editor_get_service (self->editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AdwToast *toast;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "editor") != 0 ||
      service == NULL || sb_service_get_id (service) == NULL)
    {
      /* A new service that was never saved is only dropped. */
      sb_service_editor_set_service (self->editor, NULL);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_results_page (self);
      return;
    }

  id = g_strdup (sb_service_get_id (service));
  if (!sb_catalog_delete_service (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  toast = adw_toast_new (_("Service deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "service-id", g_steal_pointer (&id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  add_toast (self, toast);
}

static const char *
visible_view (SbServicesPage *self)
{
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SbServicesPage *self = SB_SERVICES_PAGE (widget);
  const char *view = visible_view (self);

  if (g_strcmp0 (view, "customers") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->customers_view), "customers.new", NULL);
      return;
    }
  if (g_strcmp0 (view, "calendars") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->calendars_view), "calendars.new", NULL);
      return;
    }

  self->refreshing = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->refreshing = FALSE;

  sb_service_editor_set_service (self->editor, NULL);
  show_detail (self);
  update_results_page (self);
  sb_service_editor_focus (self->editor);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbServicesPage *self = SB_SERVICES_PAGE (widget);
  const char *view = visible_view (self);

  if (g_strcmp0 (view, "customers") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->customers_view), "customers.save", NULL);
  else if (g_strcmp0 (view, "calendars") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->calendars_view), "calendars.save", NULL);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "editor") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->editor), "editor.save", NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbServicesPage *self = SB_SERVICES_PAGE (widget);
  const char *view = visible_view (self);

  if (g_strcmp0 (view, "customers") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->customers_view), "customers.delete", NULL);
  else if (g_strcmp0 (view, "calendars") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->calendars_view), "calendars.delete", NULL);
  else
    delete_service (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbServicesPage *self = SB_SERVICES_PAGE (widget);
  const char *view = visible_view (self);

  if (g_strcmp0 (view, "customers") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->customers_view), "customers.search", NULL);
      return;
    }

  if (g_strcmp0 (view, "services") != 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "services");

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbServicesPage *self = SB_SERVICES_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Alt+Left goes from a service back to the list; from the list, the
 * window takes it back to its sidebar. */
static gboolean
back_to_list_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SbServicesPage *self = SB_SERVICES_PAGE (widget);

  if (g_strcmp0 (visible_view (self), "services") != 0 ||
      !adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") != 0)
    return FALSE;

  back_action (widget, "page.back", NULL);
  return TRUE;
}

static void
load_sample_data_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SbServicesPage *self = SB_SERVICES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!sb_sample_data_load (self->store, &error) ||
      (!sb_store_get_welcome_done (self->store) &&
       !sb_store_set_welcome_done (self->store, &error)))
    show_error (self, error);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbServicesPage *self = SB_SERVICES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  sb_import_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            self->store, g_variant_get_string (parameter, NULL));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbServicesPage *self = SB_SERVICES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  sb_export_csv (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                 self->store, g_variant_get_string (parameter, NULL));
}

static void
sb_services_page_constructed (GObject *object)
{
  SbServicesPage *self = SB_SERVICES_PAGE (object);

  G_OBJECT_CLASS (sb_services_page_parent_class)->constructed (object);

  sb_service_editor_set_store (self->editor, self->store);
  sb_customers_view_set_store (self->customers_view, self->store);
  sb_calendars_view_set_store (self->calendars_view, self->store);

  if (self->store != NULL)
    self->changed_id = g_signal_connect_object (self->store, "changed",
                                                G_CALLBACK (on_store_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  refresh (self);
  on_visible_view_changed_cb (self);
}

static void
sb_services_page_dispose (GObject *object)
{
  SbServicesPage *self = SB_SERVICES_PAGE (object);

  /* AdwBin keeps its own pointer to the child: let it go first, so the
   * template does not leave it pointing at a widget already gone. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_SERVICES_PAGE);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_services_page_parent_class)->dispose (object);
}

static void
sb_services_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SbServicesPage *self = SB_SERVICES_PAGE (object);

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
sb_services_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SbServicesPage *self = SB_SERVICES_PAGE (object);

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
sb_services_page_class_init (SbServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_services_page_constructed;
  object_class->dispose = sb_services_page_dispose;
  object_class->get_property = sb_services_page_get_property;
  object_class->set_property = sb_services_page_set_property;

  /**
   * SbServicesPage:store:
   *
   * The book whose catalogue is shown.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_SERVICE);
  g_type_ensure (SB_TYPE_SERVICE_EDITOR);
  g_type_ensure (SB_TYPE_CUSTOMERS_VIEW);
  g_type_ensure (SB_TYPE_CALENDARS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-services-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, services);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, category_filter);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, category_list);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, services_stack);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, editor);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, customers_view);
  gtk_widget_class_bind_template_child (widget_class, SbServicesPage, calendars_view);
  gtk_widget_class_bind_template_callback (widget_class, status_rank_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_review_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_review_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filtered_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_category_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_changed_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "page.load-sample-data", NULL,
                                   load_sample_data_action);
  gtk_widget_class_install_action (widget_class, "page.import", "s", import_action);
  gtk_widget_class_install_action (widget_class, "page.export", "s", export_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_to_list_cb, NULL);
}

static void
sb_services_page_init (SbServicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SbStore *
sb_services_page_get_store (SbServicesPage *self)
{
  g_return_val_if_fail (SB_IS_SERVICES_PAGE (self), NULL);

  return self->store;
}

/**
 * sb_services_page_get_model:
 * @self: a services page
 *
 * Returns: (transfer none): the services as listed, filtered and sorted
 */
GListModel *
sb_services_page_get_model (SbServicesPage *self)
{
  g_return_val_if_fail (SB_IS_SERVICES_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * sb_services_page_get_editor:
 * @self: a services page
 *
 * Returns: (transfer none): the service editor of the detail pane
 */
GtkWidget *
sb_services_page_get_editor (SbServicesPage *self)
{
  g_return_val_if_fail (SB_IS_SERVICES_PAGE (self), NULL);

  return GTK_WIDGET (self->editor);
}

/**
 * sb_services_page_select_service:
 * @self: a services page
 * @id: (nullable): a service id, or %NULL to select none
 *
 * Selects the service and shows it in the editor.
 */
void
sb_services_page_select_service (SbServicesPage *self,
                                 const char     *id)
{
  g_return_if_fail (SB_IS_SERVICES_PAGE (self));

  select_by_id (self, id);
}

/**
 * sb_services_page_show_view:
 * @self: a services page
 * @name: "services", "customers" or "calendars"
 *
 * Switches to one of the page's views.
 */
void
sb_services_page_show_view (SbServicesPage *self,
                            const char     *name)
{
  g_return_if_fail (SB_IS_SERVICES_PAGE (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

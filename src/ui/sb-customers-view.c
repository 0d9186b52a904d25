/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sb-catalog.h"
#include "sb-customers-view.h"
#include "sb-service-editor.h"

/* The organisations served: a list, and beside it (or after it, in a
 * narrow window) a form for one of them with the services it uses. */

struct _SbCustomersView
{
  AdwBin               parent_instance;

  SbStore             *store;
  gulong               changed_id;
  SbCustomer          *original;
  GPtrArray           *service_rows;
  guint                loading : 1;
  guint                refreshing : 1;
  guint                modified : 1;
  guint                saving : 1;

  /* Template objects */
  GListStore          *customers;
  GtkSingleSelection  *selection;
  GtkStack            *main_stack;
  AdwLeaflet          *leaflet;
  GtkStack            *detail_stack;
  GtkColumnView       *column_view;
  GtkSearchEntry      *search_entry;
  GtkLabel            *title_label;
  GtkLabel            *problem_label;
  GtkScrolledWindow   *scroller;
  AdwEntryRow         *name_row;
  AdwEntryRow         *contact_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  AdwComboRow         *status_row;
  GtkTextView         *notes_view;
  AdwPreferencesGroup *services_group;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbCustomersView, sb_customers_view, ADW_TYPE_BIN)

static void validate (SbCustomersView *self);

static void
add_toast (SbCustomersView *self,
           AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_error (SbCustomersView *self,
            const GError    *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  add_toast (self, adw_toast_new (escaped));
}

static void
set_entry (gpointer    editable,
           const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

static char *
get_stripped (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static gboolean
is_new (SbCustomersView *self)
{
  return self->original == NULL || sb_customer_get_id (self->original) == NULL;
}

static void
select_by_id (SbCustomersView *self,
              const char      *id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  self->refreshing = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(SbCustomer) customer = g_list_model_get_item (model, i);

      if (g_strcmp0 (sb_customer_get_id (customer), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
  self->refreshing = FALSE;
}

/* Which services list this customer: the link is kept on the service. */
static void
refresh_services (SbCustomersView *self)
{
  g_autoptr(GListModel) services = NULL;
  const char *id = self->original != NULL ? sb_customer_get_id (self->original) : NULL;
  gboolean was_loading = self->loading;

  self->loading = TRUE;

  for (guint i = 0; i < self->service_rows->len; i++)
    adw_preferences_group_remove (self->services_group, g_ptr_array_index (self->service_rows, i));
  g_ptr_array_set_size (self->service_rows, 0);

  if (self->store != NULL)
    services = sb_catalog_list_services (self->store, NULL);

  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (services, i);
      const char * const *customers = sb_service_get_customer_ids (service);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sb_service_get_code (service));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sb_service_get_name (service));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   id != NULL && customers != NULL && g_strv_contains (customers, id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (row), "service", g_object_ref (service), g_object_unref);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (validate), self);
      adw_preferences_group_add (self->services_group, row);
      g_ptr_array_add (self->service_rows, row);
    }

  if (self->service_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No services yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->services_group, row);
      g_ptr_array_add (self->service_rows, row);
    }

  self->loading = was_loading;
}

static void
set_modified (SbCustomersView *self,
              gboolean         modified)
{
  self->modified = !!modified;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.revert", modified);
}

static void
load (SbCustomersView *self,
      SbCustomer      *customer)
{
  g_set_object (&self->original, customer);

  self->loading = TRUE;
  set_entry (self->name_row, sb_customer_get_name (customer));
  set_entry (self->contact_row, sb_customer_get_contact_person (customer));
  set_entry (self->email_row, sb_customer_get_email (customer));
  set_entry (self->phone_row, sb_customer_get_phone (customer));
  adw_combo_row_set_selected (self->status_row,
                              g_strcmp0 (sb_customer_get_status (customer), "inactive") == 0 ? 1 : 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            sb_customer_get_notes (customer) != NULL ? sb_customer_get_notes (customer) : "",
                            -1);
  refresh_services (self);
  self->loading = FALSE;

  set_modified (self, FALSE);
  validate (self);
}

static SbCustomer *
build_draft (SbCustomersView *self)
{
  SbCustomer *draft = self->original != NULL ? sb_customer_copy (self->original) : sb_customer_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *name = get_stripped (self->name_row);
  g_autofree char *contact = get_stripped (self->contact_row);
  g_autofree char *email = get_stripped (self->email_row);
  g_autofree char *phone = get_stripped (self->phone_row);
  g_autofree char *notes = NULL;
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  sb_customer_set_name (draft, name);
  sb_customer_set_contact_person (draft, contact);
  sb_customer_set_email (draft, email);
  sb_customer_set_phone (draft, phone);
  sb_customer_set_notes (draft, notes);
  sb_customer_set_status (draft, adw_combo_row_get_selected (self->status_row) == 1 ? "inactive" : "active");

  return draft;
}

static void
validate (SbCustomersView *self)
{
  g_autoptr(SbCustomer) draft = NULL;
  const char *name;
  const char *email;
  gboolean valid = TRUE;

  if (self->loading)
    return;

  draft = build_draft (self);
  name = sb_customer_get_name (draft);
  email = sb_customer_get_email (draft);

  if (name == NULL || *name == '\0')
    {
      if (!is_new (self) || self->modified)
        sb_service_editor_set_row_problem (GTK_WIDGET (self->name_row),
                                           _("The customer needs a name: type the organisation’s name"));
      valid = FALSE;
    }
  else
    sb_service_editor_set_row_problem (GTK_WIDGET (self->name_row), NULL);

  if (email != NULL && *email != '\0' &&
      (strchr (email, '@') == NULL || strchr (email, ' ') != NULL || email[strlen (email) - 1] == '@'))
    {
      sb_service_editor_set_row_problem (GTK_WIDGET (self->email_row),
                                         _("This is not an email address: type one such as help@example.com"));
      valid = FALSE;
    }
  else
    sb_service_editor_set_row_problem (GTK_WIDGET (self->email_row), NULL);

  gtk_label_set_label (self->title_label,
                       name != NULL && *name != '\0' ? name : _("New Customer"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.save",
                                 valid && (self->modified || is_new (self)));
}

static void
on_field_changed_cb (SbCustomersView *self)
{
  if (self->loading)
    return;

  set_modified (self, TRUE);
  validate (self);
}

static void
on_entry_changed_cb (SbCustomersView *self)
{
  on_field_changed_cb (self);
}

static void
update_empty (SbCustomersView *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->customers)) > 0;
  gboolean editing = g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "form") == 0;

  gtk_stack_set_visible_child_name (self->main_stack, any || editing ? "list" : "empty");
}

static void
refresh (SbCustomersView *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  SbCustomer *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *selected_id = selected != NULL ? g_strdup (sb_customer_get_id (selected)) : NULL;

  if (self->store == NULL || self->saving)
    return;

  list = sb_catalog_list_customers (self->store, &error);
  if (list == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));

  self->refreshing = TRUE;
  g_list_store_splice (self->customers, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->customers)),
                       items->pdata, items->len);
  self->refreshing = FALSE;
  select_by_id (self, selected_id);

  /* Show the customer as saved now, unless the person is changing it. */
  if (!self->modified && !is_new (self))
    {
      g_autoptr(SbCustomer) fresh = sb_catalog_get_customer (self->store, sb_customer_get_id (self->original), NULL);

      if (fresh != NULL)
        load (self, fresh);
    }
  else
    refresh_services (self);

  update_empty (self);
}

static void
show_form (SbCustomersView *self)
{
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_empty (self);
}

static void
on_selected_item_changed_cb (SbCustomersView *self)
{
  SbCustomer *customer = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(SbCustomer) copy = NULL;

  if (self->refreshing || customer == NULL)
    return;

  copy = sb_customer_copy (customer);
  load (self, copy);
  show_form (self);
}

static void
on_store_changed_cb (SbCustomersView *self,
                     const char      *table)
{
  refresh (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SbCustomersView *self = SB_CUSTOMERS_VIEW (widget);
  g_autoptr(SbCustomer) customer = sb_customer_new ();

  select_by_id (self, NULL);
  load (self, customer);
  show_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* The customer is linked to the services ticked, and unlinked from the
 * others, by saving each service whose customers change. */
static gboolean
save_links (SbCustomersView *self,
            const char      *customer_id,
            GError         **error)
{
  for (guint i = 0; i < self->service_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->service_rows, i);
      SbService *listed = g_object_get_data (row, "service");
      GtkCheckButton *check = g_object_get_data (row, "check");
      g_autoptr(SbService) service = NULL;
      g_autoptr(GStrvBuilder) builder = NULL;
      g_auto(GStrv) ids = NULL;
      const char * const *current;
      gboolean linked;

      if (listed == NULL)
        continue;

      service = sb_catalog_get_service (self->store, sb_service_get_id (listed), NULL);
      if (service == NULL)
        continue;

      current = sb_service_get_customer_ids (service);
      linked = current != NULL && g_strv_contains (current, customer_id);
      if (linked == gtk_check_button_get_active (check))
        continue;

      builder = g_strv_builder_new ();
      for (guint k = 0; current != NULL && current[k] != NULL; k++)
        {
          if (g_strcmp0 (current[k], customer_id) != 0)
            g_strv_builder_add (builder, current[k]);
        }
      if (!linked)
        g_strv_builder_add (builder, customer_id);
      ids = g_strv_builder_end (builder);
      sb_service_set_customer_ids (service, (const char * const *) ids);

      if (!sb_catalog_save_service (self->store, service, error))
        return FALSE;
    }

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbCustomersView *self = SB_CUSTOMERS_VIEW (widget);
  g_autoptr(SbCustomer) draft = build_draft (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gboolean saved;

  if (self->store == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);

  /* The store's refreshes wait until everything is written: they would
   * list the services again before their ticks are read. */
  self->saving = TRUE;
  saved = sb_catalog_save_customer (self->store, draft, &error) &&
          save_links (self, sb_customer_get_id (draft), &error);
  self->saving = FALSE;
  if (!saved)
    {
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }

  id = g_strdup (sb_customer_get_id (draft));
  set_modified (self, FALSE);
  g_set_object (&self->original, draft);
  refresh (self);
  select_by_id (self, id);
  add_toast (self, adw_toast_new (_("Customer saved")));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbCustomersView *self = SB_CUSTOMERS_VIEW (widget);
  g_autoptr(SbCustomer) customer = self->original != NULL ? g_object_ref (self->original) : sb_customer_new ();

  load (self, customer);
}

static void
on_undo_delete_cb (AdwToast *toast,
                   gpointer  user_data)
{
  SbCustomersView *self = SB_CUSTOMERS_VIEW (user_data);
  const char *id = g_object_get_data (G_OBJECT (toast), "customer-id");
  g_autoptr(GError) error = NULL;
  g_autoptr(SbCustomer) customer = NULL;

  if (self->store == NULL)
    return;

  if (!sb_catalog_undelete_customer (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }

  select_by_id (self, id);
  customer = sb_catalog_get_customer (self->store, id, NULL);
  if (customer != NULL)
    {
      load (self, customer);
      show_form (self);
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbCustomersView *self = SB_CUSTOMERS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AdwToast *toast;

  if (self->store == NULL || self->original == NULL)
    return;

  if (is_new (self))
    {
      g_clear_object (&self->original);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_empty (self);
      return;
    }

  id = g_strdup (sb_customer_get_id (self->original));
  if (!sb_catalog_delete_customer (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }

  g_clear_object (&self->original);
  set_modified (self, FALSE);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  update_empty (self);

  toast = adw_toast_new (_("Customer deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "customer-id", g_steal_pointer (&id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  add_toast (self, toast);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbCustomersView *self = SB_CUSTOMERS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbCustomersView *self = SB_CUSTOMERS_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
sb_customers_view_dispose (GObject *object)
{
  SbCustomersView *self = SB_CUSTOMERS_VIEW (object);

  /* AdwBin keeps its own pointer to the child: let it go first, so the
   * template does not leave it pointing at a widget already gone. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_CUSTOMERS_VIEW);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_pointer (&self->service_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_customers_view_parent_class)->dispose (object);
}

static void
sb_customers_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbCustomersView *self = SB_CUSTOMERS_VIEW (object);

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
sb_customers_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbCustomersView *self = SB_CUSTOMERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sb_customers_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_customers_view_class_init (SbCustomersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_customers_view_dispose;
  object_class->get_property = sb_customers_view_get_property;
  object_class->set_property = sb_customers_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_CUSTOMER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-customers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, customers);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, selection);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, name_row);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, contact_row);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, email_row);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, status_row);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SbCustomersView, services_group);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "customers.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "customers.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "customers.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "customers.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "customers.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "customers.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "customers.revert", NULL);
}

static void
sb_customers_view_init (SbCustomersView *self)
{
  self->service_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_field_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.revert", FALSE);
}

/**
 * sb_customers_view_set_store:
 * @self: a customers view
 * @store: (nullable): the book
 *
 * Shows the customers of @store, and follows its changes.
 */
void
sb_customers_view_set_store (SbCustomersView *self,
                             SbStore         *store)
{
  g_return_if_fail (SB_IS_CUSTOMERS_VIEW (self));
  g_return_if_fail (store == NULL || SB_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed",
                                                G_CALLBACK (on_store_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sb_customers_view_get_model:
 * @self: a customers view
 *
 * Returns: (transfer none): the customers as listed
 */
GListModel *
sb_customers_view_get_model (SbCustomersView *self)
{
  g_return_val_if_fail (SB_IS_CUSTOMERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

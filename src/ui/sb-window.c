/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-book-chooser.h"
#include "sb-budgets-page.h"
#include "sb-contracts-page.h"
#include "sb-incidents-page.h"
#include "sb-overview-page.h"
#include "sb-reports-page.h"
#include "sb-services-page.h"
#include "sb-suppliers-page.h"
#include "sb-window.h"

/* The pages of the sidebar, in order.  Each register adds one line here.
 *
 * A page is any widget type with a construct property "store" (SbStore);
 * the window creates it with the open book and recreates it when another
 * book is opened.  A page that can search installs the widget action
 * "page.search"; Ctrl+F then activates it.  A page with a readable
 * "header-widget" property (a GtkWidget) gets it shown at the end of the
 * header bar while the page is visible.  A page with a readable boolean
 * "can-navigate-back" property (a list and its detail, folded) gets the
 * header bar's Back button while it is true, and Back then activates its
 * "page.back" action first: one Back button, never a second one stacked
 * under it.
 *
 * DESIGN.md orders the sidebar Overview, Services, Suppliers, Contracts,
 * Budgets, Incidents, Reports.  Each page keeps its own Alt+number, that
 * place in the full order, so that a page added later does not move the
 * others' shortcuts: Reports will be Alt+7. */
typedef struct
{
  const char *id;
  const char *title;
  const char *icon_name;
  guint       alt_number;   /* Alt+1…Alt+9 */
  GType     (*get_type) (void);
} SbPageInfo;

static const SbPageInfo pages[] = {
  { "overview", N_("Overview"), "go-home-symbolic", 1, sb_overview_page_get_type },
  { "services", N_("Services"), "view-list-bullet-symbolic", 2, sb_services_page_get_type },
  { "suppliers", N_("Suppliers"), "system-users-symbolic", 3, sb_suppliers_page_get_type },
  { "contracts", N_("Contracts"), "x-office-document-symbolic", 4, sb_contracts_page_get_type },
  { "budgets", N_("Budgets"), "accessories-calculator-symbolic", 5, sb_budgets_page_get_type },
  { "incidents", N_("Incidents"), "dialog-warning-symbolic", 6, sb_incidents_page_get_type },
  { "reports", N_("Reports"), "document-print-preview-symbolic", 7, sb_reports_page_get_type },
};

#define DEFAULT_PAGE "overview"

struct _SbWindow
{
  AdwApplicationWindow  parent_instance;

  SbStore              *store;
  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkListBox           *sidebar_list;
  GtkWidget            *content_box;
  GtkWidget            *back_button;
  AdwWindowTitle       *page_title;
  GtkStack             *header_stack;
  GtkStack             *page_stack;
  AdwWindowTitle       *error_title;
  AdwStatusPage        *error_page;

  guint                 constructed : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbWindow, sb_window, ADW_TYPE_APPLICATION_WINDOW)

static const SbPageInfo *
find_page (const char *page_id,
           guint      *index)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (g_strcmp0 (pages[i].id, page_id) == 0)
        {
          if (index != NULL)
            *index = i;
          return &pages[i];
        }
    }

  return NULL;
}

static gboolean
widget_has_action (GtkWidget  *widget,
                   const char *action_name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const char *name;
  GType owner;
  const GVariantType *parameter_type;
  const char *property_name;

  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &name,
                                      &parameter_type, &property_name);
       i++)
    {
      if (g_strcmp0 (name, action_name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
update_search_action (SbWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 page != NULL && widget_has_action (page, "page.search"));
}

static gboolean
page_can_navigate_back (GtkWidget *page)
{
  gboolean can = FALSE;

  if (page != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (page), "can-navigate-back") != NULL)
    g_object_get (page, "can-navigate-back", &can, NULL);

  return can;
}

static void
update_back_button (SbWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);

  gtk_widget_set_visible (self->back_button,
                          adw_leaflet_get_folded (self->leaflet) || page_can_navigate_back (page));
}

static void
show_page (SbWindow   *self,
           const char *page_id,
           gboolean    navigate)
{
  const SbPageInfo *info;
  GtkListBoxRow *row;
  guint index = 0;

  info = find_page (page_id, &index);
  if (info == NULL)
    info = find_page (DEFAULT_PAGE, &index);
  g_assert (info != NULL);

  if (gtk_stack_get_child_by_name (self->page_stack, info->id) != NULL)
    gtk_stack_set_visible_child_name (self->page_stack, info->id);
  if (gtk_stack_get_child_by_name (self->header_stack, info->id) != NULL)
    gtk_stack_set_visible_child_name (self->header_stack, info->id);

  adw_window_title_set_title (self->page_title, _(info->title));

  row = gtk_list_box_get_row_at_index (self->sidebar_list, index);
  if (row != gtk_list_box_get_selected_row (self->sidebar_list))
    gtk_list_box_select_row (self->sidebar_list, row);

  if (navigate)
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  update_search_action (self);
  update_back_button (self);

  g_settings_set_string (self->settings, "last-page", info->id);
}

static void
rebuild_pages (SbWindow *self)
{
  g_autofree char *visible = g_strdup (gtk_stack_get_visible_child_name (self->page_stack));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->header_stack))) != NULL)
    gtk_stack_remove (self->header_stack, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack))) != NULL)
    gtk_stack_remove (self->page_stack, child);

  if (self->store == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = g_object_new (pages[i].get_type (),
                                      "store", self->store,
                                      NULL);

      GtkWidget *header = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "header-widget") != NULL)
        g_object_get (page, "header-widget", &header, NULL);
      if (header == NULL)
        header = g_object_ref (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "can-navigate-back") != NULL)
        g_signal_connect_object (page, "notify::can-navigate-back",
                                 G_CALLBACK (update_back_button), self, G_CONNECT_SWAPPED);

      gtk_stack_add_named (self->header_stack, header, pages[i].id);
      g_object_unref (header);
      gtk_stack_add_titled (self->page_stack, page, pages[i].id, _(pages[i].title));
    }

  if (visible == NULL)
    visible = g_settings_get_string (self->settings, "last-page");

  show_page (self, visible, FALSE);
}

static void
populate_sidebar (SbWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *image = gtk_image_new_from_icon_name (pages[i].icon_name);
      GtkWidget *label = gtk_label_new (_(pages[i].title));

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_tooltip_text (row, _(pages[i].title));
      gtk_list_box_append (self->sidebar_list, row);
    }
}

static void
restore_window_state (SbWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (SbWindow *self)
{
  int width = 0;
  int height = 0;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_delay (self->settings);

  /* The size of a maximized window is the screen's: keep the last
   * unmaximized size so that unmaximizing restores it next time. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  g_settings_apply (self->settings);
}

static void
on_sidebar_row_activated_cb (SbWindow      *self,
                             GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint) index >= G_N_ELEMENTS (pages))
    return;

  show_page (self, pages[index].id, TRUE);
}

static void
on_back_clicked_cb (SbWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);

  /* Within the page first (its detail back to its list), then to the
   * sidebar. */
  if (page_can_navigate_back (page))
    gtk_widget_activate_action (page, "page.back", NULL);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_leaflet_folded_changed_cb (SbWindow *self)
{
  /* Unfolded, both panes show and the selected row marks the page; folded,
   * the page stays in view (Back leads to the sidebar) and the sidebar is
   * a plain list to pick from, so no row stays highlighted. */
  if (adw_leaflet_get_folded (self->leaflet))
    {
      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_NONE);
      adw_leaflet_set_visible_child (self->leaflet, self->content_box);
    }
  else
    {
      const char *visible = gtk_stack_get_visible_child_name (self->page_stack);
      guint index = 0;

      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_SINGLE);
      if (find_page (visible, &index) != NULL)
        gtk_list_box_select_row (self->sidebar_list,
                                 gtk_list_box_get_row_at_index (self->sidebar_list, index));
    }

  update_back_button (self);
}

static void
on_open_other_clicked_cb (SbWindow *self)
{
  sb_book_chooser_show (GTK_WINDOW (self), SB_BOOK_CHOOSER_OPEN);
}

static void
on_create_new_clicked_cb (SbWindow *self)
{
  sb_book_chooser_show (GTK_WINDOW (self), SB_BOOK_CHOOSER_CREATE);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  if (self->store == NULL)
    return;

  show_page (self, g_variant_get_string (parameter, NULL), TRUE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);

  if (page != NULL)
    gtk_widget_activate_action (page, "page.search", NULL);
}

/* "view:breached", "on-hold", "incident:<id>": from the Overview's
 * "Needs attention" card into the Incidents page. */
static void
show_incidents_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  GtkWidget *page;

  if (self->store == NULL)
    return;

  show_page (self, "incidents", TRUE);
  page = gtk_stack_get_child_by_name (self->page_stack, "incidents");
  if (SB_IS_INCIDENTS_PAGE (page))
    sb_incidents_page_show_target (SB_INCIDENTS_PAGE (page), g_variant_get_string (parameter, NULL));
}

/* From a deadline, a notification or the Overview into one contract. */
static void
show_contract_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  GtkWidget *page;

  if (self->store == NULL)
    return;

  show_page (self, "contracts", TRUE);
  page = gtk_stack_get_child_by_name (self->page_stack, "contracts");
  if (SB_IS_CONTRACTS_PAGE (page))
    sb_contracts_page_select_contract (SB_CONTRACTS_PAGE (page), g_variant_get_string (parameter, NULL));
}

/* From a review due into its supplier. */
static void
show_supplier_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  GtkWidget *page;

  if (self->store == NULL)
    return;

  show_page (self, "suppliers", TRUE);
  page = gtk_stack_get_child_by_name (self->page_stack, "suppliers");
  if (SB_IS_SUPPLIERS_PAGE (page))
    sb_suppliers_page_select_supplier (SB_SUPPLIERS_PAGE (page), g_variant_get_string (parameter, NULL));
}

/* From the Overview's "Deadlines" card into the timeline, which the
 * Contracts page shows as its second view. */
static void
show_deadlines_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  GtkWidget *page;

  if (self->store == NULL)
    return;

  show_page (self, "contracts", TRUE);
  page = gtk_stack_get_child_by_name (self->page_stack, "contracts");
  if (SB_IS_CONTRACTS_PAGE (page))
    sb_contracts_page_show_view (SB_CONTRACTS_PAGE (page), "deadlines");
}

/* From the Overview's "Budget burn" card to the Budgets page. */
static void
show_budgets_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  if (self->store == NULL || find_page ("budgets", NULL) == NULL)
    return;

  show_page (self, "budgets", TRUE);
}

static gboolean
sb_window_close_request (GtkWindow *window)
{
  save_window_state (SB_WINDOW (window));

  return GTK_WINDOW_CLASS (sb_window_parent_class)->close_request (window);
}

static void
sb_window_constructed (GObject *object)
{
  SbWindow *self = SB_WINDOW (object);

  G_OBJECT_CLASS (sb_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  self->constructed = TRUE;

  restore_window_state (self);
  rebuild_pages (self);

  gtk_stack_set_visible_child_name (self->main_stack, self->store != NULL ? "book" : "error");
}

static void
sb_window_dispose (GObject *object)
{
  SbWindow *self = SB_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sb_window_parent_class)->dispose (object);
}

static void
sb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SbWindow *self = SB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SbWindow *self = SB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      /* At construction the pages are built in constructed(), once the
       * settings are known. */
      if (!self->constructed)
        g_set_object (&self->store, g_value_get_object (value));
      else
        sb_window_set_store (self, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_window_class_init (SbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sb_window_constructed;
  object_class->dispose = sb_window_dispose;
  object_class->get_property = sb_window_get_property;
  object_class->set_property = sb_window_set_property;

  window_class->close_request = sb_window_close_request;

  /**
   * SbWindow:store:
   *
   * The open book, or %NULL when it could not be opened.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SbWindow:settings:
   *
   * The application's settings; the window makes its own when %NULL.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, header_stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, error_title);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_other_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_new_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-incidents", "s", show_incidents_action);
  gtk_widget_class_install_action (widget_class, "win.show-contract", "s", show_contract_action);
  gtk_widget_class_install_action (widget_class, "win.show-supplier", "s", show_supplier_action);
  gtk_widget_class_install_action (widget_class, "win.show-deadlines", NULL, show_deadlines_action);
  gtk_widget_class_install_action (widget_class, "win.show-budgets", NULL, show_budgets_action);

  /* The window's own shortcuts; the application's are set in
   * sb-application.c.  Each page has its own Alt+number. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert (pages[i].alt_number >= 1 && pages[i].alt_number <= 9);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + pages[i].alt_number, GDK_ALT_MASK,
                                           "win.show-page", "s", pages[i].id);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
}

static void
sb_window_init (SbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  populate_sidebar (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
}

/**
 * sb_window_new:
 * @application: (nullable): the application, or %NULL in tests
 * @store: (nullable): the open book, or %NULL to show an error later
 * @settings: (nullable): the application's settings
 *
 * Returns: (transfer full): a new window
 */
SbWindow *
sb_window_new (AdwApplication *application,
               SbStore        *store,
               GSettings      *settings)
{
  g_return_val_if_fail (application == NULL || ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || SB_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SB_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "store", store,
                       NULL);
}

SbStore *
sb_window_get_store (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * sb_window_set_store:
 * @self: a window
 * @store: (nullable): the book to show
 *
 * Shows @store, recreating every page for it.
 */
void
sb_window_set_store (SbWindow *self,
                     SbStore  *store)
{
  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (store == NULL || SB_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  rebuild_pages (self);
  gtk_stack_set_visible_child_name (self->main_stack, store != NULL ? "book" : "error");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sb_window_show_book_error:
 * @self: a window
 * @path: (nullable): the book that could not be opened
 * @error: why
 *
 * Drops the store and explains why the book at @path cannot be opened,
 * offering to open or create another one.
 */
void
sb_window_show_book_error (SbWindow     *self,
                           const char   *path,
                           const GError *error)
{
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *message = NULL;

  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  sb_window_set_store (self, NULL);

  /* The store's messages already name the file and say that it was left
   * alone; the header names the file too, for the ones that do not. */
  message = g_markup_escape_text (error->message, -1);
  g_string_append (description, message);
  g_string_append (description, "\n\n");
  g_string_append (description, _("You can open another book or create a new one."));

  adw_window_title_set_subtitle (self->error_title, path != NULL ? path : "");
  adw_status_page_set_description (self->error_page, description->str);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/**
 * sb_window_get_visible_page:
 * @self: a window
 *
 * Returns: (nullable): the id of the page shown, or %NULL without a book
 */
const char *
sb_window_get_visible_page (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

/**
 * sb_window_get_page:
 * @self: a window
 * @page_id: a page id from the sidebar table
 *
 * Returns: (transfer none) (nullable): the page widget
 */
GtkWidget *
sb_window_get_page (SbWindow   *self,
                    const char *page_id)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);
  g_return_val_if_fail (page_id != NULL, NULL);

  return gtk_stack_get_child_by_name (self->page_stack, page_id);
}

/**
 * sb_window_add_toast:
 * @self: a window
 * @toast: (transfer full): the toast
 *
 * Shows @toast over the window.  Pages may also find the overlay as their
 * ancestor of type AdwToastOverlay.
 */
void
sb_window_add_toast (SbWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (SB_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

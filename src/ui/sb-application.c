/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-application.h"
#include "sb-application-private.h"
#include "sb-contracts.h"
#include "sb-deadlines-view.h"
#include "sb-preferences-window.h"
#include "sb-store.h"
#include "sb-window.h"

struct _SbApplication
{
  AdwApplication  parent_instance;

  /* The book named on the command line, or the last one chosen */
  char           *book_path;
  GSettings      *settings;

  /* The open book, or the reason it could not be opened */
  SbStore        *store;
  GError         *open_error;
  char           *open_error_path;

  /* Deadline notifications: the day they were last looked for, and the
   * hourly look at the clock that notices a new day. */
  GDate           notified_day;
  guint           deadline_timer_id;
};

/* How often the running application looks whether the day has changed. */
#define DEADLINE_CHECK_INTERVAL_SECONDS (60 * 60)

G_DEFINE_FINAL_TYPE (SbApplication, sb_application, ADW_TYPE_APPLICATION)

static char *
dup_book_path (SbApplication *self)
{
  g_autofree char *configured = NULL;

  if (self->book_path != NULL && self->book_path[0] != '\0')
    return g_strdup (self->book_path);

  configured = g_settings_get_string (self->settings, "book-path");
  if (configured[0] != '\0')
    return g_steal_pointer (&configured);

  return sb_store_get_default_path ();
}

static char *
format_notification_title (const SbDeadline *deadline,
                           int               days)
{
  g_autofree char *when = NULL;

  if (deadline->kind == SB_DEADLINE_NOTICE)
    {
      if (days == 0)
        return g_strdup (_("Notice deadline today"));
      if (days == 1)
        return g_strdup (_("Notice deadline tomorrow"));
      if (days > 1)
        return g_strdup_printf (ngettext ("Notice deadline in %d day",
                                          "Notice deadline in %d days", days),
                                days);
    }

  when = sb_deadline_format_days_left (days);
  /* Translators: a deadline's kind and when it is, as in “Contract ends: in 12 days” */
  return g_strdup_printf (_("%s: %s"), sb_deadline_kind_get_label (deadline->kind), when);
}

/**
 * sb_application_build_deadline_notification:
 * @deadline: a deadline due for notification
 * @today: the day it counts from
 *
 * The desktop notification for @deadline: when it is in the title, the
 * supplier, the contract and what happens if nothing is done in the body;
 * clicking it opens the contract (app.show-contract).  High priority
 * within a week.
 *
 * Returns: (transfer full): the notification
 */
GNotification *
sb_application_build_deadline_notification (const SbDeadline *deadline,
                                            const GDate      *today)
{
  int days = g_date_days_between (today, &deadline->date);
  g_autofree char *title = format_notification_title (deadline, days);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  GNotification *notification;

  if (deadline->contract_id != NULL)
    /* Translators: supplier, contract reference and contract title */
    g_string_append_printf (body, _("%s · %s %s"),
                            deadline->supplier_name != NULL ? deadline->supplier_name : "",
                            deadline->contract_reference != NULL ? deadline->contract_reference : "",
                            deadline->contract_title != NULL ? deadline->contract_title : "");
  else
    g_string_append (body, deadline->supplier_name != NULL ? deadline->supplier_name : "");
  if (deadline->detail != NULL && deadline->detail[0] != '\0')
    {
      g_string_append_c (body, '\n');
      g_string_append (body, deadline->detail);
    }

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_icon (notification, icon);
  g_notification_set_priority (notification,
                               days <= 7 ? G_NOTIFICATION_PRIORITY_HIGH : G_NOTIFICATION_PRIORITY_NORMAL);
  if (deadline->contract_id != NULL)
    g_notification_set_default_action_and_target (notification, "app.show-contract",
                                                   "s", deadline->contract_id);
  else
    g_notification_set_default_action_and_target (notification, "app.show-supplier",
                                                   "s", deadline->supplier_id);

  return notification;
}

/**
 * sb_application_notify_deadlines:
 * @application: a registered application
 * @store: the open book
 *
 * Sends one notification for each notice deadline that has entered the
 * warning window and this device has not notified about yet, then marks
 * it notified so that it is never shown twice.  Failures are logged, never
 * shown: a notification is a courtesy, the Overview shows the same.
 *
 * Returns: the number of notifications sent
 */
guint
sb_application_notify_deadlines (GApplication *application,
                                 SbStore      *store)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  guint sent = 0;

  g_return_val_if_fail (G_IS_APPLICATION (application), 0);
  g_return_val_if_fail (SB_IS_STORE (store), 0);

  /* Without a session bus nothing can be shown; keep the deadlines for a
   * run that can show them rather than marking them unseen. */
  if (!g_application_get_is_registered (application) ||
      g_application_get_dbus_connection (application) == NULL)
    {
      g_debug ("No session bus: deadline notifications wait for the next start");
      return 0;
    }

  sb_contracts_get_today (store, &today);
  due = sb_deadlines_due_for_notification (store, &today, &error);
  if (due == NULL)
    {
      g_warning ("Deadlines cannot be checked for notifications: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < due->len; i++)
    {
      const SbDeadline *deadline = g_ptr_array_index (due, i);
      g_autoptr(GNotification) notification = sb_application_build_deadline_notification (deadline, &today);
      g_autofree char *id = g_strconcat ("deadline-", deadline->key, NULL);

      g_application_send_notification (application, id, notification);

      if (!sb_deadlines_mark_notified (store, deadline, &error))
        {
          g_warning ("Deadline %s cannot be marked as notified: %s", deadline->key, error->message);
          g_clear_error (&error);
          continue;
        }
      sent++;
    }

  return sent;
}

/* At most once a day: when a book is opened, and when the day changes. */
static void
check_deadlines (SbApplication *self,
                 gboolean       force)
{
  GDate today;

  /* An import is being written (its transaction stays open between
   * slices): not now; the hourly check comes back. */
  if (self->store == NULL || sb_store_in_transaction (self->store))
    return;

  sb_contracts_get_today (self->store, &today);
  if (!force && g_date_valid (&self->notified_day) && g_date_compare (&today, &self->notified_day) == 0)
    return;

  self->notified_day = today;
  sb_application_notify_deadlines (G_APPLICATION (self), self->store);
}

static gboolean
on_deadline_timer_cb (gpointer user_data)
{
  check_deadlines (SB_APPLICATION (user_data), FALSE);

  return G_SOURCE_CONTINUE;
}

static void
update_actions (SbApplication *self)
{
  GAction *preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), self->store != NULL);
}

static SbWindow *
find_main_window (SbApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (SB_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/* Gives the current book, or the reason there is none, to every window. */
static void
update_windows (SbApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (SB_IS_WINDOW (l->data))
        {
          if (self->store != NULL)
            sb_window_set_store (l->data, self->store);
          else
            sb_window_show_book_error (l->data, self->open_error_path, self->open_error);
        }
      else if (SB_IS_PREFERENCES_WINDOW (l->data))
        {
          if (self->store != NULL)
            sb_preferences_window_set_store (l->data, self->store);
          else
            gtk_window_close (l->data);
        }
    }

  update_actions (self);
}

static gboolean
open_book (SbApplication *self,
           const char    *path,
           GError       **error)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autoptr(SbStore) store = NULL;

  store = sb_store_open (canonical, SB_STORE_OPEN_CREATE, error);
  if (store == NULL)
    return FALSE;

  g_set_object (&self->store, store);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->open_error_path, g_free);

  check_deadlines (self, TRUE);

  return TRUE;
}

static void
show_open_failed (SbApplication *self,
                  const GError  *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("This Book Cannot Be Opened"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s\n\nThe book you had open stays open."),
                                  error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_book_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SbApplication *self = SB_APPLICATION (user_data);
  const char *requested = g_variant_get_string (parameter, NULL);
  g_autofree char *default_path = sb_store_get_default_path ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  /* An empty path asks for the default location. */
  path = g_canonicalize_filename (requested[0] != '\0' ? requested : default_path, NULL);

  if (!open_book (self, path, &error))
    {
      /* Keep a working book open rather than trading it for an error. */
      if (self->store != NULL)
        {
          show_open_failed (self, error);
          return;
        }

      g_clear_error (&self->open_error);
      self->open_error = g_steal_pointer (&error);
      g_free (self->open_error_path);
      self->open_error_path = g_steal_pointer (&path);
      update_windows (self);
      return;
    }

  /* Remember the choice for the next start; the default stays implicit so
   * that it follows $XDG_DATA_HOME. */
  g_settings_set_string (self->settings, "book-path",
                         g_strcmp0 (path, default_path) == 0 ? "" : path);
  g_free (self->book_path);
  self->book_path = g_steal_pointer (&path);

  update_windows (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SbApplication *self = SB_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Close rather than destroy, so that each window saves its state. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SbApplication *self = SB_APPLICATION (user_data);
  SbPreferencesWindow *preferences;

  if (self->store == NULL)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (SB_IS_PREFERENCES_WINDOW (l->data))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  preferences = sb_preferences_window_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (find_main_window (self)));
  gtk_window_set_modal (GTK_WINDOW (preferences), TRUE);
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (preferences));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SbApplication *self = SB_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Servicebook"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Servicebook authors",
                        "copyright", "© 2026 The Servicebook authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/servicebook/servicebook",
                        "issue-url", "https://github.com/servicebook/servicebook/issues",
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* From a notification: the window may be closed (the application stays
 * registered while the notification server holds it), so make one. */
static SbWindow *
ensure_main_window (SbApplication *self)
{
  SbWindow *window = find_main_window (self);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = find_main_window (self);
    }
  else
    {
      gtk_window_present (GTK_WINDOW (window));
    }

  return window;
}

static void
show_contract_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SbWindow *window = ensure_main_window (SB_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-contract", "s",
                                g_variant_get_string (parameter, NULL));
}

static void
show_supplier_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SbWindow *window = ensure_main_window (SB_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-supplier", "s",
                                g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
  { .name = "open-book", .activate = open_book_action, .parameter_type = "s" },
  { .name = "show-contract", .activate = show_contract_action, .parameter_type = "s" },
  { .name = "show-supplier", .activate = show_supplier_action, .parameter_type = "s" },
};

/* Every application shortcut, in one place.  The window adds its own
 * (Alt+1…Alt+9, Ctrl+F) from its page table; GtkApplication provides
 * win.show-help-overlay from gtk/help-overlay.ui. */
static const struct
{
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

static void
sb_application_startup (GApplication *application)
{
  SbApplication *self = SB_APPLICATION (application);

  G_APPLICATION_CLASS (sb_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);

  self->deadline_timer_id = g_timeout_add_seconds (DEADLINE_CHECK_INTERVAL_SECONDS,
                                                   on_deadline_timer_cb, self);

  update_actions (self);
}

static void
sb_application_activate (GApplication *application)
{
  SbApplication *self = SB_APPLICATION (application);
  SbWindow *window = find_main_window (self);

  if (window == NULL)
    {
      if (self->store == NULL)
        {
          g_autofree char *path = dup_book_path (self);
          g_autoptr(GError) error = NULL;

          if (!open_book (self, path, &error))
            {
              g_clear_error (&self->open_error);
              self->open_error = g_steal_pointer (&error);
              g_free (self->open_error_path);
              self->open_error_path = g_canonicalize_filename (path, NULL);
            }
        }

      window = sb_window_new (ADW_APPLICATION (self), self->store, self->settings);
      if (self->store == NULL)
        sb_window_show_book_error (window, self->open_error_path, self->open_error);
    }

  update_actions (self);
  gtk_window_present (GTK_WINDOW (window));
}

static void
sb_application_shutdown (GApplication *application)
{
  SbApplication *self = SB_APPLICATION (application);

  g_clear_handle_id (&self->deadline_timer_id, g_source_remove);

  G_APPLICATION_CLASS (sb_application_parent_class)->shutdown (application);

  g_clear_object (&self->store);
}

static void
sb_application_finalize (GObject *object)
{
  SbApplication *self = SB_APPLICATION (object);

  g_clear_pointer (&self->book_path, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->open_error_path, g_free);

  G_OBJECT_CLASS (sb_application_parent_class)->finalize (object);
}

static void
sb_application_class_init (SbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sb_application_finalize;

  app_class->startup = sb_application_startup;
  app_class->activate = sb_application_activate;
  app_class->shutdown = sb_application_shutdown;
}

static void
sb_application_init (SbApplication *self)
{
  g_date_clear (&self->notified_day, 1);
}

/**
 * sb_application_new:
 * @book_path: (nullable): the book to open; %NULL for the one in the
 *   settings, or else the default location
 *
 * Returns: (transfer full): the application
 */
SbApplication *
sb_application_new (const char *book_path)
{
  SbApplication *self;

  self = g_object_new (SB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/servicebook/Servicebook",
                       NULL);
  self->book_path = g_strdup (book_path);

  return self;
}

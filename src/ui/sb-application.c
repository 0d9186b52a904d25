/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-application.h"
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
};

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

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
  { .name = "open-book", .activate = open_book_action, .parameter_type = "s" },
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

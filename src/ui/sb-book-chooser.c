/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sb-book-chooser.h"

/* Asks for a book file and hands the choice to the app.open-book action,
 * which opens it, remembers it and gives it to the windows.  The chooser
 * itself never opens, creates or overwrites anything. */

typedef struct
{
  GtkWindow         *parent;
  SbBookChooserMode  mode;
} ChooserData;

static void
chooser_data_free (ChooserData *data)
{
  g_clear_object (&data->parent);
  g_free (data);
}

static void
show_file_exists (GtkWindow *parent,
                  GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent,
                                   _("A File With This Name Already Exists"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Servicebook does not replace existing files. "
                                    "Choose another name for the new book, or open "
                                    "“%s” with “Open Another Book…”."),
                                  name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        ChooserData     *data)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file == NULL)
    goto out;

  path = g_file_get_path (file);
  if (path == NULL)
    goto out;

  if (data->mode == SB_BOOK_CHOOSER_CREATE)
    {
      if (!g_str_has_suffix (path, ".sqlite"))
        {
          g_autofree char *with_suffix = g_strconcat (path, ".sqlite", NULL);

          g_clear_object (&file);
          g_free (path);
          path = g_steal_pointer (&with_suffix);
          file = g_file_new_for_path (path);
        }

      if (g_file_query_exists (file, NULL))
        {
          show_file_exists (data->parent, file);
          goto out;
        }
    }

  gtk_widget_activate_action (GTK_WIDGET (data->parent), "app.open-book", "s", path);

out:
  gtk_native_dialog_destroy (native);
  chooser_data_free (data);
  g_object_unref (native);
}

/**
 * sb_book_chooser_show:
 * @parent: the window the chooser belongs to
 * @mode: whether to pick an existing book or name a new one
 *
 * Shows a file chooser for a book.  When the person accepts, the path is
 * passed to the `app.open-book` action of @parent.  A new book is never put
 * in place of an existing file.
 */
void
sb_book_chooser_show (GtkWindow         *parent,
                      SbBookChooserMode  mode)
{
  g_autoptr(GtkFileFilter) books = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  ChooserData *data;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  if (mode == SB_BOOK_CHOOSER_OPEN)
    native = gtk_file_chooser_native_new (_("Open Another Book"),
                                          parent,
                                          GTK_FILE_CHOOSER_ACTION_OPEN,
                                          _("_Open"),
                                          _("_Cancel"));
  else
    native = gtk_file_chooser_native_new (_("Create New Book"),
                                          parent,
                                          GTK_FILE_CHOOSER_ACTION_SAVE,
                                          _("C_reate"),
                                          _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (books, _("Servicebook Books"));
  gtk_file_filter_add_pattern (books, "*.sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), books);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), books);

  if (mode == SB_BOOK_CHOOSER_CREATE)
    {
      /* Translators: the file name suggested for a new book; keep .sqlite */
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("book.sqlite"));
    }

  data = g_new0 (ChooserData, 1);
  data->parent = g_object_ref (parent);
  data->mode = mode;

  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

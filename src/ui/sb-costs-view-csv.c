/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sb-contracts.h"
#include "sb-cost-csv.h"
#include "sb-costs-view-private.h"
#include "sb-money.h"
#include "sb-time.h"

/* The costs view's files: a CSV export of the accounts read in with the
 * mapping guessed from its header (Undo takes it back), and the list as
 * shown written out in the columns the import reads back. */

/* Import and export */

static GtkWindow *
parent_window (SbCostsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
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

static void
on_undo_import_cb (AdwToast    *toast,
                   SbCostsView *self)
{
  const char *batch_id = g_object_get_data (G_OBJECT (toast), "batch-id");
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !sb_cost_import_undo (self->store, batch_id, &error))
    sb_costs_view_show_error (self, error);
}

static void
on_import_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SbCostsView      *self)
{
  SbCostImport *import = g_object_get_data (G_OBJECT (dialog), "sb-cost-import");
  g_autoptr(GError) error = NULL;
  g_autofree char *batch_id = NULL;
  g_autofree char *title = NULL;
  guint n_new;
  AdwToast *toast;

  if (g_strcmp0 (response, "import") != 0 || import == NULL)
    return;

  n_new = sb_cost_import_get_n_new (import);
  if (!sb_cost_import_apply (import, &batch_id, &error))
    {
      sb_costs_view_show_error (self, error);
      return;
    }

  title = g_strdup_printf (ngettext ("%u cost imported", "%u costs imported", n_new), n_new);
  toast = adw_toast_new (title);
  if (batch_id != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_object_set_data_full (G_OBJECT (toast), "batch-id", g_steal_pointer (&batch_id), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_import_cb), self, 0);
    }
  sb_costs_view_show_toast (self, toast);
}

/* The import with the mapping guessed from the file's header (or the one
 * remembered for it): a summary of what will happen, then one
 * transaction that Undo takes back. */
static void
import_file (SbCostsView *self,
             GFile       *file)
{
  g_autoptr(SbCostImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  AdwMessageDialog *dialog;
  guint n_new;

  import = sb_cost_import_new (self->store, file, &error);
  if (import == NULL || !sb_cost_import_plan (import, &error))
    {
      sb_costs_view_show_error (self, error);
      return;
    }

  n_new = sb_cost_import_get_n_new (import);
  summary = sb_cost_import_summarize (import);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Import Costs?"), summary));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), NULL);
  if (n_new > 0)
    {
      adw_message_dialog_add_responses (dialog, "import", _("_Import"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "import");
    }
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sb-cost-import", g_steal_pointer (&import),
                          (GDestroyNotify) sb_cost_import_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_file_chosen_cb (GtkNativeDialog *chooser,
                          int              response,
                          SbCostsView     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    import_file (self, file);
}

static void
on_export_file_chosen_cb (GtkNativeDialog *chooser,
                          int              response,
                          SbCostsView     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  SbCostFilter filter;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  /* What the list shows, in the columns the import reads back. */
  sb_costs_view_build_filter (self, &filter);
  if (!sb_cost_csv_export_to_file (self->store, &filter, file, SB_CSV_WRITE_DEFAULT, &error))
    {
      sb_costs_view_show_error (self, error);
      return;
    }

  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Exported the list to %s"), name);
  escaped = g_markup_escape_text (title, -1);
  sb_costs_view_show_toast (self, adw_toast_new (escaped));
}

static void
choose_file (SbCostsView         *self,
             const char          *title,
             GtkFileChooserAction action,
             const char          *accept,
             GCallback            callback)
{
  g_autoptr(GtkFileFilter) filter = csv_filter ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (title, parent_window (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("costs.csv"));
  g_signal_connect_object (self->chooser, "response", callback, self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
sb_costs_view_choose_import (SbCostsView *self)
{
  choose_file (self, _("Import Costs"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
               G_CALLBACK (on_import_file_chosen_cb));
}

void
sb_costs_view_choose_export (SbCostsView *self)
{
  choose_file (self, _("Export Costs"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
               G_CALLBACK (on_export_file_chosen_cb));
}

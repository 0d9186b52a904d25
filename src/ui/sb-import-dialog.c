/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-catalog-csv.h"
#include "sb-import-dialog.h"

/*
 * Import of services or customers from a CSV file: choose the file, see
 * what it would create and update and every line that cannot be read,
 * then import (only when no line has a problem). Also the export of the
 * same as CSV, which only asks where to save.
 */

struct _SbImportDialog
{
  AdwWindow             parent_instance;

  SbStore              *store;
  SbCatalogCsvKind      kind;
  SbImportPreview      *preview;
  GtkFileChooserNative *chooser;

  AdwWindowTitle       *window_title;
  GtkButton            *cancel_button;
  GtkButton            *import_button;
  GtkStack             *stack;
  AdwStatusPage        *choose_page;
  AdwStatusPage        *error_page;
  AdwStatusPage        *done_page;
  GtkLabel             *summary_label;
  GtkLabel             *advice_label;
  AdwPreferencesGroup  *problems_group;
  GtkListBox           *problems_list;
  AdwPreferencesGroup  *notes_group;
  GtkListBox           *notes_list;
  AdwPreferencesGroup  *changes_group;
  GtkListBox           *changes_list;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbImportDialog, sb_import_dialog, ADW_TYPE_WINDOW)

/* The wording of each kind. */
static const struct
{
  const char *title;          /* the window's */
  const char *heading;        /* the first page's */
  const char *advice;         /* the first page's text; NULL: the template's */
  const char *export_title;   /* the file chooser's */
  const char *file_name;      /* suggested for an export */
} kind_words[SB_CATALOG_CSV_N_KINDS] = {
  [SB_CATALOG_CSV_SERVICES] = {
    N_("Import Services"), N_("Import Services From a File"), NULL,
    N_("Export Services"), N_("services.csv"),
  },
  [SB_CATALOG_CSV_CUSTOMERS] = {
    N_("Import Customers"), N_("Import Customers From a File"), NULL,
    N_("Export Customers"), N_("customers.csv"),
  },
  [SB_CATALOG_CSV_SUPPLIERS] = {
    N_("Import Suppliers"), N_("Import Suppliers From a File"),
    N_("Choose a CSV file saved from a spreadsheet, one supplier per line with its main "
       "contact. You will see what it changes before anything is written."),
    N_("Export Suppliers"), N_("suppliers.csv"),
  },
  [SB_CATALOG_CSV_CONTRACTS] = {
    N_("Import Contracts"), N_("Import Contracts From a File"),
    N_("Choose a CSV file saved from a spreadsheet, one contract per line. Their suppliers "
       "must be in the book already: import the suppliers first. You will see what it "
       "changes before anything is written."),
    N_("Export Contracts"), N_("contracts.csv"),
  },
};

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (escaped_subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_append (list, row);
}

static void
update_import_action (SbImportDialog *self)
{
  gboolean can_import = self->preview != NULL &&
                        !sb_import_preview_has_problems (self->preview) &&
                        sb_import_preview_get_n_writes (self->preview) > 0 &&
                        g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preview") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", can_import);
}

static void
show_preview (SbImportDialog *self)
{
  g_autofree char *summary = sb_import_preview_summarize (self->preview);
  const char * const *notes = sb_import_preview_get_notes (self->preview);
  guint n_items = sb_import_preview_get_n_items (self->preview);
  guint n_problems = 0;
  guint n_changes = 0;

  clear_list (self->problems_list);
  clear_list (self->notes_list);
  clear_list (self->changes_list);

  for (guint i = 0; i < n_items; i++)
    {
      const SbImportItem *item = sb_import_preview_get_item (self->preview, i);
      g_autofree char *line = g_strdup_printf (_("Line %u"), item->line);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      switch (item->action)
        {
        case SB_IMPORT_ACTION_SKIP:
          add_row (self->problems_list, line, item->problem);
          n_problems++;
          break;

        case SB_IMPORT_ACTION_CREATE:
        case SB_IMPORT_ACTION_UPDATE:
          if (item->name != NULL)
            /* Translators: a service code and its name, e.g. "EMAIL — Email and calendars" */
            title = g_strdup_printf (_("%s — %s"), item->key, item->name);
          else
            title = g_strdup (item->key);

          if (item->action == SB_IMPORT_ACTION_CREATE)
            /* Translators: e.g. "Line 4: new" */
            subtitle = g_strdup_printf (_("%s: new"), line);
          else
            /* Translators: e.g. "Line 4: changes Owner, P1 response (min)" */
            subtitle = g_strdup_printf (_("%s: changes %s"), line, item->changes);

          add_row (self->changes_list, title, subtitle);
          n_changes++;
          break;

        case SB_IMPORT_ACTION_UNCHANGED:
        default:
          break;
        }
    }

  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    add_row (self->notes_list, notes[i], NULL);

  gtk_label_set_text (self->summary_label, summary);
  if (n_problems > 0)
    gtk_label_set_text (self->advice_label,
                        _("Nothing can be imported until every line can be read."));
  else if (n_changes == 0)
    gtk_label_set_text (self->advice_label, _("The book already holds everything in this file."));
  else
    gtk_label_set_text (self->advice_label,
                        _("Nothing has been written yet. Check the changes, then import them."));

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n_problems > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), notes != NULL && notes[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), n_changes > 0);

  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_import_action (self);
}

/**
 * sb_import_dialog_load_file:
 * @self: an import dialog
 * @file: a CSV file
 *
 * Previews @file, as when a person chooses it: shows what it would
 * change, or why it cannot be read. Nothing is written.
 */
void
sb_import_dialog_load_file (SbImportDialog *self,
                            GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (SB_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);

  g_clear_pointer (&self->preview, sb_import_preview_free);
  adw_window_title_set_subtitle (self->window_title, name);

  if (!sb_catalog_csv_preview (self->store, self->kind, file, &self->preview, &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_import_action (self);
      return;
    }

  show_preview (self);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        SbImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sb_import_dialog_load_file (self, file);
    }

  g_clear_object (&self->chooser);
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
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbImportDialog *self = SB_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = csv_filter ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SbImportDialog *self = SB_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint n_written;

  if (self->preview == NULL || sb_import_preview_has_problems (self->preview))
    return;

  n_written = sb_import_preview_get_n_writes (self->preview);

  if (!sb_catalog_csv_apply (self->store, self->preview, &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_clear_pointer (&self->preview, sb_import_preview_free);
      update_import_action (self);
      return;
    }

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u record was written to the book.",
                                              "%u records were written to the book.",
                                              n_written),
                                 n_written);
  adw_status_page_set_description (self->done_page, description);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  g_clear_pointer (&self->preview, sb_import_preview_free);
  update_import_action (self);
}

static void
sb_import_dialog_constructed (GObject *object)
{
  SbImportDialog *self = SB_IMPORT_DIALOG (object);
  const char *title = _(kind_words[self->kind].title);

  G_OBJECT_CLASS (sb_import_dialog_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_status_page_set_title (self->choose_page, _(kind_words[self->kind].heading));
  if (kind_words[self->kind].advice != NULL)
    adw_status_page_set_description (self->choose_page, _(kind_words[self->kind].advice));
  update_import_action (self);
}

static void
sb_import_dialog_dispose (GObject *object)
{
  SbImportDialog *self = SB_IMPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  g_clear_pointer (&self->preview, sb_import_preview_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_import_dialog_parent_class)->dispose (object);
}

static void
sb_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SbImportDialog *self = SB_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_string (value, sb_catalog_csv_kind_to_string (self->kind));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SbImportDialog *self = SB_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      if (!sb_catalog_csv_kind_from_string (g_value_get_string (value), &self->kind))
        g_critical ("Unknown import kind “%s”", g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_import_dialog_class_init (SbImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_import_dialog_constructed;
  object_class->dispose = sb_import_dialog_dispose;
  object_class->get_property = sb_import_dialog_get_property;
  object_class->set_property = sb_import_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "services",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, choose_page);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, advice_label);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, notes_list);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, SbImportDialog, changes_list);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "import.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "import.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.choose", NULL);
}

static void
sb_import_dialog_init (SbImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sb_import_dialog_present:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the book to import into
 * @kind: "services", "customers", "suppliers" or "contracts"
 *
 * Shows a modal window that asks for a CSV file, previews what importing
 * it would do (new and changed records, every line that cannot be read
 * with the reason), and imports it in one go when no line has a problem.
 * Escape closes it, Ctrl+Enter imports.
 */
void
sb_import_dialog_present (GtkWindow  *parent,
                          SbStore    *store,
                          const char *kind)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SB_IS_STORE (store));

  gtk_window_present (GTK_WINDOW (sb_import_dialog_new (parent, store, kind)));
}

/**
 * sb_import_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the book to import into
 * @kind: "services", "customers", "suppliers" or "contracts"
 *
 * Creates the dialog of sb_import_dialog_present() without showing it.
 *
 * Returns: (transfer none): the dialog, owned by GTK's window list
 */
SbImportDialog *
sb_import_dialog_new (GtkWindow  *parent,
                      SbStore    *store,
                      const char *kind)
{
  SbCatalogCsvKind parsed;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (sb_catalog_csv_kind_from_string (kind, &parsed), NULL);

  return g_object_new (SB_TYPE_IMPORT_DIALOG,
                       "store", store,
                       "kind", kind,
                       "transient-for", parent,
                       NULL);
}

typedef struct
{
  GtkWindow        *parent;
  SbStore          *store;
  SbCatalogCsvKind  kind;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_free (data);
}

static void
show_export_error (GtkWindow    *parent,
                   const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Could Not Export"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       ExportData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      /* CRLF and a byte order mark: what spreadsheets read best. */
      if (file != NULL &&
          !sb_catalog_csv_export_to_file (data->store, data->kind, file,
                                          SB_CSV_WRITE_CRLF | SB_CSV_WRITE_BOM, &error))
        show_export_error (data->parent, error);
    }

  g_object_set_data (G_OBJECT (chooser), "sb-export-data", NULL);
  g_object_unref (chooser);
}

/**
 * sb_export_csv:
 * @parent: (nullable): the window the file chooser belongs to
 * @store: the book to export from
 * @kind: "services", "customers", "suppliers" or "contracts"
 *
 * Asks where to save, then writes every service, customer, supplier or
 * contract of @store as CSV there. An error is shown in a dialog.
 */
void
sb_export_csv (GtkWindow  *parent,
               SbStore    *store,
               const char *kind)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  ExportData *data;
  SbCatalogCsvKind parsed;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SB_IS_STORE (store));
  g_return_if_fail (sb_catalog_csv_kind_from_string (kind, &parsed));

  data = g_new0 (ExportData, 1);
  data->parent = parent ? g_object_ref (parent) : NULL;
  data->store = g_object_ref (store);
  data->kind = parsed;

  chooser = gtk_file_chooser_native_new (_(kind_words[parsed].export_title), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     _(kind_words[parsed].file_name));
  g_object_set_data_full (G_OBJECT (chooser), "sb-export-data", data,
                          (GDestroyNotify)export_data_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

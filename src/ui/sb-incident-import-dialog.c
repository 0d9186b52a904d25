/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sb-catalog.h"
#include "sb-incident-csv.h"
#include "sb-incident-import-dialog.h"
#include "sb-priority-matrix.h"

/*
 * Incidents from another tool's CSV export, in three steps: what each
 * column holds (guessed, or remembered from the last file with the same
 * header), what the values of the enumerated columns mean and what to do
 * with services and customers the book does not know, then the preview
 * with every line that will be left out and why. Nothing is written
 * before Import.
 *
 * The store is not thread-safe, so planning and importing run on the
 * main thread; the dialog shows a spinner first and lets a frame be drawn
 * before it starts. Importing goes a slice of about a frame's time at a
 * time (sb_incident_import_run_step()), with a progress bar between
 * slices, so the window keeps drawing and Cancel (or Escape) rolls the
 * whole import back. The dialog is modal: nothing else writes meanwhile.
 */

/* The choices of an unknown service's or customer's row, before the
 * existing records: create, leave out, then "same as" each existing one. */
enum
{
  UNKNOWN_ROW_CREATE,
  UNKNOWN_ROW_LEAVE,
  UNKNOWN_ROW_FIRST_EXISTING,
};

/* Values of one field shown in the Values step, at most. */
#define MAX_SOURCE_VALUES 200

struct _SbIncidentImportDialog
{
  AdwWindow             parent_instance;

  SbStore              *store;
  GFile                *file;
  SbIncidentImport     *import;
  GPtrArray            *column_rows;     /* of AdwComboRow, one per column */
  GPtrArray            *value_groups;    /* of AdwPreferencesGroup added to values_box */
  GPtrArray            *service_ids;     /* existing services, for "same as" */
  GPtrArray            *customer_ids;
  GtkStringList        *problems;
  gboolean              loading;
  guint                 work_id;

  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkWidget            *import_button;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkSpinner           *spinner;
  GtkLabel             *busy_label;
  GtkProgressBar       *progress_bar;
  SbIncidentImportRun  *run;           /* while importing */
  GtkWidget            *remembered_box;
  AdwPreferencesGroup  *columns_group;
  GtkBox               *values_box;
  AdwComboRow          *date_format_row;
  GtkStringList        *date_format_names;
  GtkLabel             *summary_label;
  GtkLabel             *counts_label;
  GtkLabel             *apply_problem_label;
  GtkWidget            *problems_title;
  GtkWidget            *problems_scroller;
  GtkListView          *problems_view;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FILE,
  N_PROPS
};

enum
{
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbIncidentImportDialog, sb_incident_import_dialog, ADW_TYPE_WINDOW)

static const char *
step (SbIncidentImportDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
update_buttons (SbIncidentImportDialog *self)
{
  const char *name = step (self);
  gboolean columns = g_strcmp0 (name, "columns") == 0;
  gboolean values = g_strcmp0 (name, "values") == 0;
  gboolean preview = g_strcmp0 (name, "preview") == 0;
  gboolean can_import = preview && self->import != NULL && sb_incident_import_get_n_new (self->import) > 0;

  gtk_widget_set_visible (self->back_button, values || preview);
  gtk_widget_set_visible (self->next_button, columns || values);
  gtk_widget_set_visible (self->import_button, preview);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", values || preview);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", columns || values);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", can_import);
}

static void
show_step (SbIncidentImportDialog *self,
           const char             *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (name, "busy") == 0);
  update_buttons (self);
}

static void
show_error (SbIncidentImportDialog *self,
            const char             *message)
{
  adw_status_page_set_description (self->error_page, message);
  show_step (self, "error");
}

/* Values in words */

static char *
value_label (SbIncidentField  field,
             const char      *value)
{
  SbIncidentStatus status;
  guint64 number = g_ascii_strtoull (value, NULL, 10);

  switch (field)
    {
    case SB_INCIDENT_FIELD_CHANNEL:
      return g_strdup (sb_incident_channel_get_label (value));
    case SB_INCIDENT_FIELD_IMPACT:
    case SB_INCIDENT_FIELD_URGENCY:
      /* Translators: a level with its number, as in "2 Medium" */
      return g_strdup_printf (_("%s %s"), value, sb_incident_level_get_label ((guint) number));
    case SB_INCIDENT_FIELD_PRIORITY:
      /* Translators: a priority with its number, as in "3 Moderate" */
      return g_strdup_printf (_("%s %s"), value, sb_priority_get_name ((SbPriority) number));
    case SB_INCIDENT_FIELD_MAJOR:
      return g_strdup (g_strcmp0 (value, "yes") == 0 ? _("Yes, major") : _("No"));
    case SB_INCIDENT_FIELD_STATUS:
      /* "on-hold:awaiting-customer": a status with its hold reason */
      if (strchr (value, ':') != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (value, ":", 2);

          if (sb_incident_status_from_string (parts[0], &status))
            /* Translators: a status with its hold reason, as in "On hold · Awaiting customer" */
            return g_strdup_printf (_("%s · %s"), sb_incident_status_get_label (status),
                                    sb_incident_hold_reason_get_label (parts[1]));
        }
      if (sb_incident_status_from_string (value, &status))
        return g_strdup (sb_incident_status_get_label (status));
      return g_strdup (value);
    case SB_INCIDENT_FIELD_HOLD_REASON:
      return g_strdup (sb_incident_hold_reason_get_label (value));
    case SB_INCIDENT_FIELD_RESOLUTION_CODE:
      return g_strdup (sb_incident_resolution_code_get_label (value));
    default:
      return g_strdup (value);
    }
}

static void
add_escaped_title (GtkWidget  *row,
                   const char *title,
                   const char *subtitle)
{
  g_autofree char *escaped_title = g_markup_escape_text (title != NULL && *title != '\0' ? title : _("(no name)"), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (subtitle != NULL)
    {
      g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
    }
}

/* Step 1: columns */

static void
sync_column_rows (SbIncidentImportDialog *self)
{
  self->loading = TRUE;
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, i),
                                sb_incident_import_get_mapping (self->import, i));
  self->loading = FALSE;
}

static void
on_column_changed_cb (AdwComboRow            *row,
                      GParamSpec             *pspec,
                      SbIncidentImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint field = adw_combo_row_get_selected (row);

  if (self->loading || field >= SB_INCIDENT_N_FIELDS)
    return;

  /* A field comes from one column only: the others let go of it. */
  sb_incident_import_set_mapping (self->import, column, (SbIncidentField) field);
  sync_column_rows (self);
}

static void
build_columns (SbIncidentImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  guint n_columns = sb_incident_import_get_n_columns (self->import);

  for (guint field = 0; field < SB_INCIDENT_N_FIELDS; field++)
    gtk_string_list_append (fields, sb_incident_field_get_label (field));

  for (guint i = 0; i < n_columns; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *samples = sb_incident_import_get_samples (self->import, i, 3);

      add_escaped_title (row, sb_incident_import_get_column_name (self->import, i),
                         samples != NULL && *samples != '\0' ? samples : _("(empty in the first lines)"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }

  sync_column_rows (self);
  for (guint i = 0; i < self->column_rows->len; i++)
    g_signal_connect (g_ptr_array_index (self->column_rows, i), "notify::selected",
                      G_CALLBACK (on_column_changed_cb), self);

  gtk_widget_set_visible (self->remembered_box, sb_incident_import_mapping_was_remembered (self->import));
}

/* Step 2: values, unknown services and customers, date format */

static void
on_value_changed_cb (AdwComboRow            *row,
                     GParamSpec             *pspec,
                     SbIncidentImportDialog *self)
{
  SbIncidentField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  const char *source = g_object_get_data (G_OBJECT (row), "source");
  const char * const *targets = sb_incident_field_get_values (field);
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading)
    return;

  sb_incident_import_set_value_mapping (self->import, field, source,
                                        selected > 0 && selected <= g_strv_length ((char **) targets)
                                        ? targets[selected - 1] : NULL);
}

static gboolean
field_is_mapped (SbIncidentImportDialog *self,
                 SbIncidentField         field)
{
  for (guint i = 0; i < sb_incident_import_get_n_columns (self->import); i++)
    {
      if (sb_incident_import_get_mapping (self->import, i) == field)
        return TRUE;
    }

  return FALSE;
}

static AdwPreferencesGroup *
add_group (SbIncidentImportDialog *self,
           const char             *title,
           const char             *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->values_box, group);
  g_ptr_array_add (self->value_groups, group);

  return ADW_PREFERENCES_GROUP (group);
}

static void
build_value_group (SbIncidentImportDialog *self,
                   SbIncidentField         field)
{
  g_auto(GStrv) sources = sb_incident_import_get_source_values (self->import, field);
  const char * const *targets = sb_incident_field_get_values (field);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  AdwPreferencesGroup *group;
  guint n_sources = sources != NULL ? g_strv_length (sources) : 0;
  g_autofree char *description = NULL;

  if (n_sources == 0 || targets == NULL)
    return;

  gtk_string_list_append (names, _("Leave empty"));
  for (guint i = 0; targets[i] != NULL; i++)
    {
      g_autofree char *label = value_label (field, targets[i]);

      gtk_string_list_append (names, label);
    }

  if (n_sources > MAX_SOURCE_VALUES)
    /* Translators: %u is how many values are shown */
    description = g_strdup_printf (_("The first %u values; the others are read as guessed."),
                                   MAX_SOURCE_VALUES);
  group = add_group (self, sb_incident_field_get_label (field), description);

  for (guint i = 0; i < n_sources && i < MAX_SOURCE_VALUES; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *target = sb_incident_import_get_value_mapping (self->import, field, sources[i]);
      guint selected = 0;

      for (guint t = 0; target != NULL && targets[t] != NULL; t++)
        {
          if (g_strcmp0 (targets[t], target) == 0)
            selected = t + 1;
        }

      add_escaped_title (row, sources[i], NULL);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field));
      g_object_set_data_full (G_OBJECT (row), "source", g_strdup (sources[i]), g_free);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_value_changed_cb), self);
      adw_preferences_group_add (group, row);
    }
}

static void
on_unknown_changed_cb (AdwComboRow            *row,
                       GParamSpec             *pspec,
                       SbIncidentImportDialog *self)
{
  gboolean is_service = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "service"));
  const char *name = g_object_get_data (G_OBJECT (row), "name");
  GPtrArray *ids = is_service ? self->service_ids : self->customer_ids;
  guint selected = adw_combo_row_get_selected (row);
  SbUnknownChoice choice = SB_UNKNOWN_CREATE;
  const char *existing = NULL;

  if (selected == UNKNOWN_ROW_LEAVE)
    choice = SB_UNKNOWN_LEAVE;
  else if (selected >= UNKNOWN_ROW_FIRST_EXISTING && selected - UNKNOWN_ROW_FIRST_EXISTING < ids->len)
    {
      choice = SB_UNKNOWN_MAP;
      existing = g_ptr_array_index (ids, selected - UNKNOWN_ROW_FIRST_EXISTING);
    }

  if (is_service)
    sb_incident_import_set_unknown_service (self->import, name, choice, existing);
  else
    sb_incident_import_set_unknown_customer (self->import, name, choice, existing);
}

static void
build_unknown_group (SbIncidentImportDialog *self,
                     gboolean                services)
{
  g_auto(GStrv) names = services ? sb_incident_import_get_unknown_services (self->import)
                                 : sb_incident_import_get_unknown_customers (self->import);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GListModel) existing = NULL;
  GPtrArray *ids = services ? self->service_ids : self->customer_ids;
  AdwPreferencesGroup *group;

  if (names == NULL || names[0] == NULL)
    return;

  gtk_string_list_append (choices, services ? _("Create the service") : _("Create the customer"));
  gtk_string_list_append (choices, _("Leave it out"));
  g_ptr_array_set_size (ids, 0);
  existing = services ? sb_catalog_list_services (self->store, NULL) : sb_catalog_list_customers (self->store, NULL);
  for (guint i = 0; existing != NULL && i < g_list_model_get_n_items (existing); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (existing, i);
      g_autofree char *label = NULL;

      if (services)
        {
          g_ptr_array_add (ids, g_strdup (sb_service_get_id (SB_SERVICE (item))));
          /* Translators: map an unknown name to an existing service, as in "Same as EMAIL · Email" */
          label = g_strdup_printf (_("Same as %s · %s"), sb_service_get_code (SB_SERVICE (item)),
                                   sb_service_get_name (SB_SERVICE (item)));
        }
      else
        {
          g_ptr_array_add (ids, g_strdup (sb_customer_get_id (SB_CUSTOMER (item))));
          /* Translators: map an unknown name to an existing customer, as in "Same as Acme Ltd" */
          label = g_strdup_printf (_("Same as %s"), sb_customer_get_name (SB_CUSTOMER (item)));
        }
      gtk_string_list_append (choices, label);
    }

  group = add_group (self,
                     services ? _("Services Not in the Book") : _("Customers Not in the Book"),
                     services ? _("Create each, treat it as one you have, or import its incidents without a service.")
                              : _("Create each, treat it as one you have, or import its incidents without a customer."));

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *row = adw_combo_row_new ();

      add_escaped_title (row, names[i], NULL);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), UNKNOWN_ROW_CREATE);
      g_object_set_data (G_OBJECT (row), "service", GINT_TO_POINTER (services));
      g_object_set_data_full (G_OBJECT (row), "name", g_strdup (names[i]), g_free);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_unknown_changed_cb), self);
      adw_preferences_group_add (group, row);
    }
}

static const char *
date_format_label (SbDateFormat format)
{
  switch (format)
    {
    case SB_DATE_FORMAT_ISO:
      return _("ISO: 2026-10-31 14:05");
    case SB_DATE_FORMAT_DAY_FIRST:
      return _("Day first: 31/10/2026");
    case SB_DATE_FORMAT_MONTH_FIRST:
      return _("Month first: 10/31/2026");
    case SB_DATE_FORMAT_AUTO:
    default:
      return _("As found in the file");
    }
}

/* The guess in a word, for "Automatic (day first)". */
static const char *
date_format_short_label (SbDateFormat format)
{
  switch (format)
    {
    case SB_DATE_FORMAT_ISO:
      return _("ISO");
    case SB_DATE_FORMAT_DAY_FIRST:
      return _("day first");
    case SB_DATE_FORMAT_MONTH_FIRST:
      return _("month first");
    case SB_DATE_FORMAT_AUTO:
    default:
      return _("not found");
    }
}

static void
on_date_format_changed_cb (SbIncidentImportDialog *self)
{
  if (self->loading || self->import == NULL)
    return;

  sb_incident_import_set_date_format (self->import, (SbDateFormat) adw_combo_row_get_selected (self->date_format_row));
}

static void
build_values (SbIncidentImportDialog *self)
{
  for (guint i = 0; i < self->value_groups->len; i++)
    gtk_box_remove (self->values_box, g_ptr_array_index (self->value_groups, i));
  g_ptr_array_set_size (self->value_groups, 0);

  for (guint field = 0; field < SB_INCIDENT_N_FIELDS; field++)
    {
      if (sb_incident_field_is_enumerated (field) && field_is_mapped (self, field))
        build_value_group (self, field);
    }

  build_unknown_group (self, TRUE);
  build_unknown_group (self, FALSE);
}

static void
fill_date_formats (SbIncidentImportDialog *self)
{
  SbDateFormat guess = sb_incident_import_get_date_format (self->import);
  g_autofree char *automatic = NULL;

  /* Translators: the automatic date format and what it found, as in
   * "Automatic (day first)" */
  automatic = g_strdup_printf (_("Automatic (%s)"), date_format_short_label (guess));

  self->loading = TRUE;
  gtk_string_list_append (self->date_format_names, automatic);
  gtk_string_list_append (self->date_format_names, date_format_label (SB_DATE_FORMAT_ISO));
  gtk_string_list_append (self->date_format_names, date_format_label (SB_DATE_FORMAT_DAY_FIRST));
  gtk_string_list_append (self->date_format_names, date_format_label (SB_DATE_FORMAT_MONTH_FIRST));
  adw_combo_row_set_selected (self->date_format_row, SB_DATE_FORMAT_AUTO);
  self->loading = FALSE;
}

/* Step 3: preview */

static void
show_preview (SbIncidentImportDialog *self)
{
  g_autofree char *summary = sb_incident_import_summarize (self->import);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint n_items = sb_incident_import_get_n_items (self->import);
  guint n_new = sb_incident_import_get_n_new (self->import);
  guint n_problems = sb_incident_import_get_n_problems (self->import);
  g_autofree char *new_text = NULL;
  g_autofree char *problems_text = NULL;
  g_autofree char *counts = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      const SbIncidentImportItem *item = sb_incident_import_get_item (self->import, i);

      if (item->problem != NULL)
        {
          if (item->reference != NULL)
            /* Translators: a line left out, as in "Line 12 · INC-0042: the date “31/02/2026” does not exist" */
            g_ptr_array_add (lines, g_strdup_printf (_("Line %u · %s: %s"), item->line, item->reference, item->problem));
          else
            /* Translators: a line left out, as in "Line 12: no title" */
            g_ptr_array_add (lines, g_strdup_printf (_("Line %u: %s"), item->line, item->problem));
        }
      else if (item->exists)
        {
          /* Translators: a line skipped, as in "Line 7 · INC-0042: already in the book" */
          g_ptr_array_add (lines, g_strdup_printf (_("Line %u · %s: already in the book"), item->line,
                                                   item->reference != NULL ? item->reference : ""));
        }
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                          (const char * const *) lines->pdata);

  new_text = g_strdup_printf (ngettext ("%u incident will be imported", "%u incidents will be imported", n_new), n_new);
  problems_text = g_strdup_printf (ngettext ("%u line left out", "%u lines left out", n_problems), n_problems);
  /* Translators: the counts of the preview, as in "120 incidents will be imported · 2 lines left out" */
  counts = g_strdup_printf (_("%s · %s"), new_text, problems_text);

  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->counts_label, counts);
  gtk_widget_set_visible (self->problems_title, lines->len > 1);
  gtk_widget_set_visible (self->problems_scroller, lines->len > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_problem_label), FALSE);
  show_step (self, "preview");
}

static gboolean
plan_cb (gpointer user_data)
{
  SbIncidentImportDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  self->work_id = 0;

  if (!sb_incident_import_plan (self->import, &error))
    {
      show_error (self, error->message);
      return G_SOURCE_REMOVE;
    }

  show_preview (self);

  return G_SOURCE_REMOVE;
}

static void
apply_failed (SbIncidentImportDialog *self,
              const char             *message)
{
  g_clear_pointer (&self->run, sb_incident_import_run_free);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_label_set_label (self->apply_problem_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_problem_label), TRUE);
  show_step (self, "preview");
}

static gboolean
apply_finish_cb (gpointer user_data)
{
  SbIncidentImportDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *batch_id = NULL;
  guint n_new = sb_incident_import_get_n_new (self->import);

  self->work_id = 0;
  gtk_widget_set_sensitive (self->cancel_button, TRUE);

  if (!sb_incident_import_run_finish (self->run, &batch_id, &error))
    {
      apply_failed (self, error->message);
      return G_SOURCE_REMOVE;
    }
  g_clear_pointer (&self->run, sb_incident_import_run_free);

  g_signal_emit (self, signals[IMPORTED], 0, batch_id, n_new);
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

/* One slice of the import, then the progress; after the last one, the
 * commit. */
static gboolean
apply_step_cb (gpointer user_data)
{
  SbIncidentImportDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *progress = NULL;
  guint n_new = sb_incident_import_get_n_new (self->import);
  guint n_written;
  gboolean done = FALSE;

  /* A tenth of a second: the window draws between slices, and a slice
   * is long enough that drawing takes little of the time. */
  if (!sb_incident_import_run_step (self->run, 100000, &done, &error))
    {
      self->work_id = 0;
      apply_failed (self, error->message);
      return G_SOURCE_REMOVE;
    }

  n_written = sb_incident_import_run_get_n_written (self->run);
  gtk_progress_bar_set_fraction (self->progress_bar, n_new > 0 ? (double)n_written / n_new : 1.0);
  /* Translators: progress of an import, as in "Importing 3,500 of 100,000 incidents…" */
  progress = g_strdup_printf (ngettext ("Importing %'u of %'u incident…",
                                        "Importing %'u of %'u incidents…", n_new),
                              n_written, n_new);
  gtk_label_set_label (self->busy_label, progress);

  if (!done)
    return G_SOURCE_CONTINUE;

  /* The commit (search index included) takes a while on a large file:
   * say so, let a frame be drawn, then commit. It cannot be cancelled. */
  gtk_label_set_label (self->busy_label, _("Saving…"));
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
  self->work_id = g_timeout_add (40, apply_finish_cb, self);

  return G_SOURCE_REMOVE;
}

static gboolean
apply_cb (gpointer user_data)
{
  SbIncidentImportDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  self->work_id = 0;

  self->run = sb_incident_import_run_start (self->import, &error);
  if (self->run == NULL)
    {
      apply_failed (self, error->message);
      return G_SOURCE_REMOVE;
    }

  /* The bar shows that it moves; a spinner would only ask for frames. */
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  self->work_id = g_idle_add (apply_step_cb, self);

  return G_SOURCE_REMOVE;
}

/* Long work: show the spinner, let a frame be drawn, then do it. */
static void
run_busy (SbIncidentImportDialog *self,
          const char             *message,
          GSourceFunc             work)
{
  gtk_label_set_label (self->busy_label, message);
  show_step (self, "busy");
  g_clear_handle_id (&self->work_id, g_source_remove);
  self->work_id = g_timeout_add (40, work, self);
}

/* Actions */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbIncidentImportDialog *self = SB_INCIDENT_IMPORT_DIALOG (widget);

  if (g_strcmp0 (step (self), "columns") == 0)
    {
      build_values (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_stack_get_child_by_name (self->stack, "values"))), 0);
      show_step (self, "values");
    }
  else if (g_strcmp0 (step (self), "values") == 0)
    {
      run_busy (self, _("Checking every line…"), plan_cb);
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbIncidentImportDialog *self = SB_INCIDENT_IMPORT_DIALOG (widget);

  if (g_strcmp0 (step (self), "values") == 0)
    show_step (self, "columns");
  else if (g_strcmp0 (step (self), "preview") == 0)
    show_step (self, "values");
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SbIncidentImportDialog *self = SB_INCIDENT_IMPORT_DIALOG (widget);

  if (self->import == NULL || sb_incident_import_get_n_new (self->import) == 0)
    return;

  run_busy (self, _("Importing…"), apply_cb);
}

/* Ctrl+Enter: the step's main button. */
static void
go_on_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SbIncidentImportDialog *self = SB_INCIDENT_IMPORT_DIALOG (widget);

  if (g_strcmp0 (step (self), "preview") == 0)
    gtk_widget_activate_action (widget, "import.apply", NULL);
  else
    gtk_widget_activate_action (widget, "import.next", NULL);
}

static void
problem_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_item_set_child (item, label);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
problem_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkStringObject *line = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (line));
}

static void
load (SbIncidentImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (self->file);

  adw_window_title_set_subtitle (self->window_title, name);

  self->import = sb_incident_import_new (self->store, self->file, &error);
  if (self->import == NULL)
    {
      show_error (self, error->message);
      return;
    }

  build_columns (self);
  fill_date_formats (self);
  show_step (self, "columns");
}

/* GObject */

static void
sb_incident_import_dialog_constructed (GObject *object)
{
  SbIncidentImportDialog *self = SB_INCIDENT_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (sb_incident_import_dialog_parent_class)->constructed (object);

  if (self->store != NULL && self->file != NULL)
    load (self);
  else
    show_error (self, _("No file was given."));
}

/* Closed (Cancel, Escape, the parent going away) while importing:
 * nothing of the import stays. */
static gboolean
sb_incident_import_dialog_close_request (GtkWindow *window)
{
  SbIncidentImportDialog *self = SB_INCIDENT_IMPORT_DIALOG (window);

  g_clear_handle_id (&self->work_id, g_source_remove);
  g_clear_pointer (&self->run, sb_incident_import_run_free);

  return GTK_WINDOW_CLASS (sb_incident_import_dialog_parent_class)->close_request (window);
}

static void
sb_incident_import_dialog_dispose (GObject *object)
{
  SbIncidentImportDialog *self = SB_INCIDENT_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->work_id, g_source_remove);
  g_clear_pointer (&self->run, sb_incident_import_run_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_INCIDENT_IMPORT_DIALOG);
  g_clear_pointer (&self->import, sb_incident_import_free);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (sb_incident_import_dialog_parent_class)->dispose (object);
}

static void
sb_incident_import_dialog_finalize (GObject *object)
{
  SbIncidentImportDialog *self = SB_INCIDENT_IMPORT_DIALOG (object);

  g_ptr_array_unref (self->column_rows);
  g_ptr_array_unref (self->value_groups);
  g_ptr_array_unref (self->service_ids);
  g_ptr_array_unref (self->customer_ids);

  G_OBJECT_CLASS (sb_incident_import_dialog_parent_class)->finalize (object);
}

static void
sb_incident_import_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SbIncidentImportDialog *self = SB_INCIDENT_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_incident_import_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SbIncidentImportDialog *self = SB_INCIDENT_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    case PROP_FILE:
      g_set_object (&self->file, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_incident_import_dialog_class_init (SbIncidentImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sb_incident_import_dialog_constructed;
  object_class->dispose = sb_incident_import_dialog_dispose;
  object_class->finalize = sb_incident_import_dialog_finalize;
  window_class->close_request = sb_incident_import_dialog_close_request;
  object_class->get_property = sb_incident_import_dialog_get_property;
  object_class->set_property = sb_incident_import_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbIncidentImportDialog::imported:
   * @batch_id: the import batch, for sb_incident_import_undo()
   * @n_incidents: how many incidents were imported
   *
   * The import was written; the dialog closes right after.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-incident-import-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SbIncidentImportDialog, name)
  BIND (window_title);
  BIND (cancel_button);
  BIND (back_button);
  BIND (next_button);
  BIND (import_button);
  BIND (stack);
  BIND (error_page);
  BIND (spinner);
  BIND (busy_label);
  BIND (progress_bar);
  BIND (remembered_box);
  BIND (columns_group);
  BIND (values_box);
  BIND (date_format_row);
  BIND (date_format_names);
  BIND (summary_label);
  BIND (counts_label);
  BIND (apply_problem_label);
  BIND (problems_title);
  BIND (problems_scroller);
  BIND (problems_view);
#undef BIND

  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.go-on", NULL, go_on_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "import.go-on", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "import.go-on", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "import.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sb_incident_import_dialog_init (SbIncidentImportDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  self->column_rows = g_ptr_array_new ();
  self->value_groups = g_ptr_array_new ();
  self->service_ids = g_ptr_array_new_with_free_func (g_free);
  self->customer_ids = g_ptr_array_new_with_free_func (g_free);
  self->problems = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (problem_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (problem_bind_cb), NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->problems)));
  gtk_list_view_set_factory (self->problems_view, factory);
  gtk_list_view_set_model (self->problems_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_swapped (self->date_format_row, "notify::selected",
                            G_CALLBACK (on_date_format_changed_cb), self);
  update_buttons (self);
}

/**
 * sb_incident_import_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the book to import into
 * @file: the CSV file
 *
 * Reads @file at once; a file that cannot be read is explained in the
 * dialog instead of the steps.
 *
 * Returns: (transfer none): the dialog, not yet shown; present it
 */
SbIncidentImportDialog *
sb_incident_import_dialog_new (GtkWindow *parent,
                               SbStore   *store,
                               GFile     *file)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (SB_TYPE_INCIDENT_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "file", file,
                       NULL);
}

/**
 * sb_incident_import_dialog_get_import:
 * @self: an import dialog
 *
 * For tests: the import being prepared.
 *
 * Returns: (transfer none) (nullable): the import, or %NULL when the file
 *   could not be read
 */
SbIncidentImport *
sb_incident_import_dialog_get_import (SbIncidentImportDialog *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_IMPORT_DIALOG (self), NULL);

  return self->import;
}

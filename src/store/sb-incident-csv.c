/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-incident-csv-private.h"

/*
 * Reading another tool's incident export and building the preview.
 *
 * The file is read once into rows. The mapping (column → field), the
 * date format and the value mappings are guessed here and in
 * sb-incident-csv-guess.c, or taken from the mapping remembered for the
 * same header. sb_incident_import_plan() then reads every row with the
 * mapping, groups the rows by reference (an event log), and builds per
 * incident what will be written: its latest values and its history as
 * timeline entries. Nothing is written before sb_incident_import_apply()
 * (sb-incident-csv-apply.c).
 */

static const char * const default_empty_markers[] = {
  "", "-", "n/a", "na", "null", "none", "(empty)", "(none)", NULL,
};

/* ------------------------------------------------------------------ */
/* Plan bookkeeping                                                    */

void
sb_import_built_free (SbImportBuilt *built)
{
  if (built == NULL)
    return;

  for (guint i = 0; i < built->events->len; i++)
    {
      SbImportEvent *e = &g_array_index (built->events, SbImportEvent, i);

      g_free (e->old_value);
      g_free (e->new_value);
    }
  g_array_unref (built->events);
  g_free (built);
}

static void
plan_item_free (SbImportPlanItem *item)
{
  g_free (item->problem);
  g_free (item->rows);
  sb_import_built_free (item->built);
  g_free (item);
}

static void
unknown_name_free (SbUnknownName *name)
{
  g_free (name->existing_id);
  g_free (name);
}

/* Forgets the plan: the mapping or a choice changed. */
void
sb_import_clear_plan (SbIncidentImport *self)
{
  if (self->row_values != NULL)
    {
      for (guint r = 0; r < self->rows->len; r++)
        g_free (self->row_values[r].problem);
      g_clear_pointer (&self->row_values, g_free);
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->planned = FALSE;
  self->n_problems = 0;
  self->n_new = 0;
  self->n_exists = 0;
  self->n_rows_used = 0;
}

/* ------------------------------------------------------------------ */
/* The book                                                            */

static gboolean
load_book (SbIncidentImport  *self,
           GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  self->service_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->service_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->customer_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stmt = sb_store_prepare (self->store, "SELECT id, code, name FROM service WHERE deleted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);
      const char *code = (const char *)sqlite3_column_text (stmt, 1);
      const char *name = (const char *)sqlite3_column_text (stmt, 2);

      g_hash_table_replace (self->service_codes, g_ascii_strup (code, -1), g_strdup (id));
      /* A name never hides a code. */
      if (!g_hash_table_contains (self->service_by_key, g_utf8_casefold (name, -1)))
        g_hash_table_insert (self->service_by_key, g_utf8_casefold (name, -1), g_strdup (id));
      g_hash_table_replace (self->service_by_key, g_utf8_casefold (code, -1), g_strdup (id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_store_set_error_from_sqlite (error, sb_store_get_db (self->store), rc,
                                           _("Reading the services"));

  stmt = sb_store_prepare (self->store, "SELECT id, name FROM customer WHERE deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);

      g_hash_table_replace (self->customer_by_key, g_utf8_casefold (name, -1), g_strdup (id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_store_set_error_from_sqlite (error, sb_store_get_db (self->store), rc,
                                           _("Reading the customers"));

  /* Deleted incidents keep their reference taken. */
  stmt = sb_store_prepare (self->store, "SELECT reference FROM incident", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (self->references, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_store_set_error_from_sqlite (error, sb_store_get_db (self->store), rc,
                                           _("Reading the incidents"));

  self->matrix = sb_catalog_get_priority_matrix (self->store);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Guessing                                                            */

static int
column_of (SbIncidentImport *self,
           SbIncidentField   field)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->mapping[c] == field)
      return (int)c;

  return -1;
}

static gboolean
is_empty (SbIncidentImport *self,
          const char       *value)
{
  if (*value == '\0')
    return TRUE;

  for (guint i = 0; self->empty_markers[i] != NULL; i++)
    if (g_ascii_strcasecmp (value, self->empty_markers[i]) == 0)
      return TRUE;

  return FALSE;
}

/* The distinct values of an enumerated field's column, and a guess for
 * each one not mapped yet. */
static void
collect_values (SbIncidentImport *self,
                SbIncidentField   field)
{
  g_autoptr(GHashTable) seen = NULL;
  int col = column_of (self, field);

  if (self->values[field] == NULL)
    {
      self->values[field] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      self->sources[field] = g_ptr_array_new_with_free_func (g_free);
    }

  g_ptr_array_set_size (self->sources[field], 0);
  if (col < 0)
    return;

  /* points into the rows */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 0; r < self->rows->len; r++)
    {
      SbImportRow *row = g_ptr_array_index (self->rows, r);
      const char *value = (guint)col < row->n_cells ? row->cells[col] : "";

      if (is_empty (self, value) || !g_hash_table_add (seen, (gpointer)value))
        continue;

      if (!g_hash_table_contains (self->values[field], value))
        g_hash_table_insert (self->values[field], g_strdup (value),
                             sb_import_guess_value (field, value));

      g_ptr_array_add (self->sources[field], g_strdup (value));
    }
}

static void
refresh_guesses (SbIncidentImport *self)
{
  for (guint f = 0; f < SB_INCIDENT_N_FIELDS; f++)
    if (sb_incident_field_is_enumerated (f))
      collect_values (self, f);

  self->date_guess = self->date_format != SB_DATE_FORMAT_AUTO
                       ? self->date_format
                       : sb_import_guess_date_format (self);
}

static gboolean
is_time_field (SbIncidentField field)
{
  switch (field)
    {
    case SB_INCIDENT_FIELD_OPENED:
    case SB_INCIDENT_FIELD_RESPONDED:
    case SB_INCIDENT_FIELD_RESOLVED:
    case SB_INCIDENT_FIELD_CLOSED:
    case SB_INCIDENT_FIELD_EVENT_TIME:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The guesses that depend on which column @field reads. */
static void
refresh_guesses_of (SbIncidentImport *self,
                    SbIncidentField   field)
{
  if (sb_incident_field_is_enumerated (field))
    collect_values (self, field);
  if (is_time_field (field) && self->date_format == SB_DATE_FORMAT_AUTO)
    self->date_guess = sb_import_guess_date_format (self);
}

/**
 * sb_incident_import_new:
 * @store: the book to import into
 * @file: a CSV file
 * @error: return location for a #GError
 *
 * Reads @file and guesses how to read it (see the header). Nothing is
 * written.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL when the
 *   file cannot be read (naming the line where there is one)
 */
SbIncidentImport *
sb_incident_import_new (SbStore  *store,
                        GFile    *file,
                        GError  **error)
{
  g_autoptr(SbIncidentImport) self = NULL;
  g_autoptr(GString) key = g_string_new (NULL);

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SbIncidentImport, 1);
  self->store = g_object_ref (store);
  self->file_name = g_file_get_basename (file);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)sb_csv_table_row_free);
  self->tz = g_time_zone_new_local ();
  self->empty_markers = g_strdupv ((char **)default_empty_markers);
  self->unknown_default = SB_UNKNOWN_CREATE;
  self->unknown_services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify)unknown_name_free);
  self->unknown_customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify)unknown_name_free);
  self->unknown_service_names = g_ptr_array_new_with_free_func (g_free);
  self->unknown_customer_names = g_ptr_array_new_with_free_func (g_free);

  if (!sb_csv_read_table (file, &self->header, &self->header_line, self->rows, &self->encoding,
                          error))
    return NULL;
  self->n_columns = g_strv_length (self->header);

  if (!load_book (self, error))
    return NULL;

  /* The guess: each field from the first column that names it. */
  self->mapping = g_new0 (SbIncidentField, MAX (self->n_columns, 1));
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *normal = sb_import_normalize_header (self->header[c]);
      SbIncidentField field = sb_import_guess_field (normal);

      if (key->len > 0)
        g_string_append_c (key, '|');
      g_string_append (key, normal);

      if (field != SB_INCIDENT_FIELD_IGNORE && column_of (self, field) >= 0)
        field = SB_INCIDENT_FIELD_IGNORE;
      self->mapping[c] = field;
    }
  self->header_key = g_string_free (g_steal_pointer (&key), FALSE);

  refresh_guesses (self);

  /* A mapping remembered for the same header replaces the guess. */
  if (sb_import_load_remembered (self))
    {
      self->remembered = TRUE;
      refresh_guesses (self);
    }

  return g_steal_pointer (&self);
}

void
sb_incident_import_free (SbIncidentImport *self)
{
  if (self == NULL)
    return;

  sb_import_clear_plan (self);
  g_clear_object (&self->store);
  g_free (self->file_name);
  g_strfreev (self->header);
  g_free (self->header_key);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->mapping);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_strfreev (self->empty_markers);
  for (guint f = 0; f < SB_INCIDENT_N_FIELDS; f++)
    {
      g_clear_pointer (&self->values[f], g_hash_table_unref);
      g_clear_pointer (&self->sources[f], g_ptr_array_unref);
    }
  g_clear_pointer (&self->service_by_key, g_hash_table_unref);
  g_clear_pointer (&self->service_codes, g_hash_table_unref);
  g_clear_pointer (&self->customer_by_key, g_hash_table_unref);
  g_clear_pointer (&self->references, g_hash_table_unref);
  g_clear_pointer (&self->matrix, sb_priority_matrix_free);
  g_clear_pointer (&self->unknown_services, g_hash_table_unref);
  g_clear_pointer (&self->unknown_customers, g_hash_table_unref);
  g_clear_pointer (&self->unknown_service_names, g_ptr_array_unref);
  g_clear_pointer (&self->unknown_customer_names, g_ptr_array_unref);
  g_free (self);
}

guint
sb_incident_import_get_n_columns (SbIncidentImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

const char *
sb_incident_import_get_column_name (SbIncidentImport *self,
                                    guint             column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->header[column];
}

char *
sb_incident_import_get_samples (SbIncidentImport *self,
                                guint             column,
                                guint             max)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  for (guint r = 0; r < self->rows->len && n < max && r < 200; r++)
    {
      SbImportRow *row = g_ptr_array_index (self->rows, r);

      if (column >= row->n_cells || is_empty (self, row->cells[column]))
        continue;

      if (n > 0)
        g_string_append (out, ", ");
      g_string_append (out, row->cells[column]);
      n++;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

guint
sb_incident_import_get_n_rows (SbIncidentImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

SbIncidentField
sb_incident_import_get_mapping (SbIncidentImport *self,
                                guint             column)
{
  g_return_val_if_fail (self != NULL, SB_INCIDENT_FIELD_IGNORE);
  g_return_val_if_fail (column < self->n_columns, SB_INCIDENT_FIELD_IGNORE);

  return self->mapping[column];
}

void
sb_incident_import_set_mapping (SbIncidentImport *self,
                                guint             column,
                                SbIncidentField   field)
{
  SbIncidentField previous;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field < SB_INCIDENT_N_FIELDS);

  previous = self->mapping[column];
  if (field != SB_INCIDENT_FIELD_IGNORE)
    for (guint c = 0; c < self->n_columns; c++)
      if (self->mapping[c] == field)
        self->mapping[c] = SB_INCIDENT_FIELD_IGNORE;

  self->mapping[column] = field;
  sb_import_clear_plan (self);

  /* Only the guesses that read the two fields: mapping every column of
   * a large file one by one would otherwise scan it once per column. */
  if (previous != field)
    {
      refresh_guesses_of (self, previous);
      refresh_guesses_of (self, field);
    }
}

gboolean
sb_incident_import_mapping_was_remembered (SbIncidentImport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->remembered;
}

SbDateFormat
sb_incident_import_get_date_format (SbIncidentImport *self)
{
  g_return_val_if_fail (self != NULL, SB_DATE_FORMAT_ISO);

  return self->date_guess;
}

void
sb_incident_import_set_date_format (SbIncidentImport *self,
                                    SbDateFormat      format)
{
  g_return_if_fail (self != NULL);

  self->date_format = format;
  self->date_guess = format != SB_DATE_FORMAT_AUTO ? format : sb_import_guess_date_format (self);
  sb_import_clear_plan (self);
}

void
sb_incident_import_set_time_zone (SbIncidentImport *self,
                                  GTimeZone        *tz)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  sb_import_clear_plan (self);
}

const char * const *
sb_incident_import_get_empty_markers (SbIncidentImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *)self->empty_markers;
}

void
sb_incident_import_set_empty_markers (SbIncidentImport   *self,
                                      const char * const *markers)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->empty_markers);
  self->empty_markers = g_strdupv ((char **)(markers != NULL ? markers : default_empty_markers));
  sb_import_clear_plan (self);
  refresh_guesses (self);
}

char **
sb_incident_import_get_source_values (SbIncidentImport *self,
                                      SbIncidentField   field)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < SB_INCIDENT_N_FIELDS, NULL);

  if (self->sources[field] != NULL)
    for (guint i = 0; i < self->sources[field]->len; i++)
      g_strv_builder_add (builder, g_ptr_array_index (self->sources[field], i));

  return g_strv_builder_end (builder);
}

const char *
sb_incident_import_get_value_mapping (SbIncidentImport *self,
                                      SbIncidentField   field,
                                      const char       *source)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < SB_INCIDENT_N_FIELDS, NULL);
  g_return_val_if_fail (source != NULL, NULL);

  if (self->values[field] == NULL)
    return NULL;

  return g_hash_table_lookup (self->values[field], source);
}

void
sb_incident_import_set_value_mapping (SbIncidentImport *self,
                                      SbIncidentField   field,
                                      const char       *source,
                                      const char       *target)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (sb_incident_field_is_enumerated (field));
  g_return_if_fail (source != NULL);

  if (self->values[field] == NULL)
    collect_values (self, field);

  g_hash_table_replace (self->values[field], g_strdup (source), g_strdup (target));
  sb_import_clear_plan (self);
}

/* ------------------------------------------------------------------ */
/* Planning                                                            */

static void
add_problem (char       **problem,
             char        *message)
{
  if (*problem == NULL)
    *problem = message;
  else
    {
      char *joined = g_strconcat (*problem, "; ", message, NULL);

      g_free (*problem);
      g_free (message);
      *problem = joined;
    }
}

static char *
unknown_value_message (SbIncidentField  field,
                       const char      *value)
{
  switch (field)
    {
    case SB_INCIDENT_FIELD_STATUS:
      return g_strdup_printf (_("Unknown status “%s”: map it to a status"), value);
    case SB_INCIDENT_FIELD_PRIORITY:
      return g_strdup_printf (_("Unknown priority “%s”: map it to a priority from 1 to 5"), value);
    case SB_INCIDENT_FIELD_IMPACT:
      return g_strdup_printf (_("Unknown impact “%s”: map it to 1, 2 or 3"), value);
    case SB_INCIDENT_FIELD_URGENCY:
      return g_strdup_printf (_("Unknown urgency “%s”: map it to 1, 2 or 3"), value);
    case SB_INCIDENT_FIELD_CHANNEL:
      return g_strdup_printf (_("Unknown channel “%s”: map it to a channel"), value);
    case SB_INCIDENT_FIELD_MAJOR:
      return g_strdup_printf (_("“%s” is neither yes nor no: map it for the major incident flag"),
                              value);
    case SB_INCIDENT_FIELD_HOLD_REASON:
      return g_strdup_printf (_("Unknown hold reason “%s”: map it to a hold reason"), value);
    case SB_INCIDENT_FIELD_RESOLUTION_CODE:
    default:
      return g_strdup_printf (_("Unknown resolution code “%s”: map it to a resolution code"),
                              value);
    }
}

static int
time_slot (SbIncidentField field)
{
  switch (field)
    {
    case SB_INCIDENT_FIELD_OPENED: return SB_IMPORT_TIME_OPENED;
    case SB_INCIDENT_FIELD_RESPONDED: return SB_IMPORT_TIME_RESPONDED;
    case SB_INCIDENT_FIELD_RESOLVED: return SB_IMPORT_TIME_RESOLVED;
    case SB_INCIDENT_FIELD_CLOSED: return SB_IMPORT_TIME_CLOSED;
    case SB_INCIDENT_FIELD_EVENT_TIME: return SB_IMPORT_TIME_EVENT;
    default: return -1;
    }
}

/* One row with the mapping: empty markers, value mappings, dates. */
static void
read_row (SbIncidentImport *self,
          SbImportRow      *row,
          SbImportValues   *v)
{
  for (guint t = 0; t < SB_IMPORT_N_TIMES; t++)
    v->times[t] = SB_INCIDENT_NO_TIME;

  for (guint c = 0; c < self->n_columns && c < row->n_cells; c++)
    {
      SbIncidentField field = self->mapping[c];
      const char *value = row->cells[c];
      int slot;

      if (field == SB_INCIDENT_FIELD_IGNORE || is_empty (self, value))
        continue;

      if (self->values[field] != NULL)
        {
          const char *target = g_hash_table_lookup (self->values[field], value);

          if (target == NULL)
            add_problem (&v->problem, unknown_value_message (field, value));
          v->text[field] = target;
          continue;
        }

      v->text[field] = value;

      slot = time_slot (field);
      if (slot >= 0)
        {
          g_autoptr(GError) error = NULL;

          if (!sb_incident_csv_parse_time (value, self->date_guess, self->tz, &v->times[slot],
                                           &error))
            /* Translators: "Opened: “31/02/2026” is not a date and time that exists" */
            add_problem (&v->problem, g_strdup_printf (_("%s: %s"), self->header[c],
                                                       error->message));
        }
      else if (field == SB_INCIDENT_FIELD_TIME_SPENT &&
               !sb_import_parse_minutes (value, &v->minutes))
        add_problem (&v->problem,
                     g_strdup_printf (_("%s: “%s” is not a duration (minutes, h:mm or 1h 30m)"),
                                      self->header[c], value));
      else if (field == SB_INCIDENT_FIELD_REOPEN_COUNT)
        {
          guint64 n = 0;

          if (!g_ascii_string_to_unsigned (value, 10, 0, 9999, &n, NULL))
            add_problem (&v->problem,
                         g_strdup_printf (_("%s: “%s” is not a count of reopenings (0 to 9999)"),
                                          self->header[c], value));
          v->reopen_count = (guint)n;
        }
    }
}

typedef struct
{
  guint  index;
  gint64 at;
} RowOrder;

static int
compare_row_order (gconstpointer a,
                   gconstpointer b)
{
  const RowOrder *x = a;
  const RowOrder *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
add_header_problem (SbIncidentImport *self,
                    char             *problem)
{
  SbImportPlanItem *item = g_new0 (SbImportPlanItem, 1);

  item->item.line = self->header_line;
  item->problem = problem;
  item->item.problem = item->problem;
  g_ptr_array_add (self->items, item);
  self->n_problems++;
}

/**
 * sb_incident_import_plan:
 * @self: an import
 * @error: return location for a #GError
 *
 * Reads every line with the current mapping and builds the preview.
 * Nothing is written.
 *
 * Returns: %TRUE with the preview (which may list problems)
 */
gboolean
sb_incident_import_plan (SbIncidentImport  *self,
                         GError           **error)
{
  g_autoptr(GHashTable) by_reference = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  int ref_col;
  GHashTableIter iter;
  SbUnknownName *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  sb_import_clear_plan (self);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)plan_item_free);
  self->planned = TRUE;

  g_ptr_array_set_size (self->unknown_service_names, 0);
  g_ptr_array_set_size (self->unknown_customer_names, 0);
  g_hash_table_iter_init (&iter, self->unknown_services);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
    entry->listed = FALSE;
  g_hash_table_iter_init (&iter, self->unknown_customers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
    entry->listed = FALSE;

  if (column_of (self, SB_INCIDENT_FIELD_TITLE) < 0)
    add_header_problem (self, g_strdup (_("No column holds the title: map one to Title")));
  if (column_of (self, SB_INCIDENT_FIELD_OPENED) < 0 &&
      column_of (self, SB_INCIDENT_FIELD_EVENT_TIME) < 0)
    add_header_problem (self, g_strdup (_("No column holds the date an incident was opened: "
                                          "map one to Opened")));
  if (self->n_problems > 0)
    return TRUE;

  self->row_values = g_new0 (SbImportValues, MAX (self->rows->len, 1));
  for (guint r = 0; r < self->rows->len; r++)
    read_row (self, g_ptr_array_index (self->rows, r), &self->row_values[r]);

  /* Group the rows: by reference, or one incident per row. */
  ref_col = column_of (self, SB_INCIDENT_FIELD_REFERENCE);
  by_reference = g_hash_table_new (g_str_hash, g_str_equal);
  /* each group's array becomes its item's row list */
  groups = g_ptr_array_new ();
  for (guint r = 0; r < self->rows->len; r++)
    {
      const char *reference = self->row_values[r].text[SB_INCIDENT_FIELD_REFERENCE];
      GArray *group = NULL;

      if (ref_col >= 0 && reference != NULL)
        group = g_hash_table_lookup (by_reference, reference);
      if (group == NULL)
        {
          group = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (groups, group);
          if (ref_col >= 0 && reference != NULL)
            g_hash_table_insert (by_reference, (gpointer)reference, group);
        }
      g_array_append_val (group, r);
    }

  for (guint g = 0; g < groups->len; g++)
    {
      GArray *group = g_ptr_array_index (groups, g);
      SbImportPlanItem *item = g_new0 (SbImportPlanItem, 1);
      guint first = g_array_index (group, guint, 0);
      SbImportRow *first_row = g_ptr_array_index (self->rows, first);
      gboolean all_timed = TRUE;

      item->n_rows = group->len;
      item->rows = (guint *)(void *)g_array_free (group, FALSE);
      item->item.line = first_row->line;
      item->item.n_rows = item->n_rows;
      item->item.reference = self->row_values[first].text[SB_INCIDENT_FIELD_REFERENCE];
      g_ptr_array_add (self->items, item);
      self->n_rows_used += item->n_rows;

      /* By event time, file order among equals and without one. */
      for (guint i = 0; i < item->n_rows && all_timed; i++)
        all_timed = self->row_values[item->rows[i]].times[SB_IMPORT_TIME_EVENT] !=
                    SB_INCIDENT_NO_TIME;
      if (all_timed && item->n_rows > 1)
        {
          g_autofree RowOrder *order = g_new (RowOrder, item->n_rows);

          for (guint i = 0; i < item->n_rows; i++)
            {
              order[i].index = item->rows[i];
              order[i].at = self->row_values[item->rows[i]].times[SB_IMPORT_TIME_EVENT];
            }
          qsort (order, item->n_rows, sizeof (RowOrder), compare_row_order);
          for (guint i = 0; i < item->n_rows; i++)
            item->rows[i] = order[i].index;
        }

      for (guint i = 0; i < item->n_rows; i++)
        if (self->row_values[item->rows[i]].text[SB_INCIDENT_FIELD_TITLE] != NULL)
          item->item.title = self->row_values[item->rows[i]].text[SB_INCIDENT_FIELD_TITLE];

      for (guint i = 0; i < item->n_rows; i++)
        {
          SbImportValues *v = &self->row_values[item->rows[i]];
          SbImportRow *row = g_ptr_array_index (self->rows, item->rows[i]);

          if (v->problem == NULL)
            continue;
          if (row == first_row)
            add_problem (&item->problem, g_strdup (v->problem));
          else
            add_problem (&item->problem, g_strdup_printf (_("line %u: %s"), row->line,
                                                          v->problem));
        }

      if (item->problem == NULL && ref_col >= 0 && item->item.reference == NULL)
        item->problem = g_strdup (_("no reference"));

      if (item->problem == NULL && item->item.reference != NULL &&
          g_hash_table_contains (self->references, item->item.reference))
        {
          item->item.exists = TRUE;
          self->n_exists++;
          continue;
        }

      if (item->problem == NULL)
        item->problem = sb_import_build_item (self, item, &item->built);

      item->item.problem = item->problem;
      if (item->problem != NULL)
        self->n_problems++;
      else
        {
          self->n_new++;
          item->item.n_events = item->built->events->len;
        }
    }

  (void)error;

  return TRUE;
}

guint
sb_incident_import_get_n_items (SbIncidentImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items != NULL ? self->items->len : 0;
}

const SbIncidentImportItem *
sb_incident_import_get_item (SbIncidentImport *self,
                             guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->items != NULL && index < self->items->len, NULL);

  return &((SbImportPlanItem *)g_ptr_array_index (self->items, index))->item;
}

guint
sb_incident_import_get_n_problems (SbIncidentImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_problems;
}

guint
sb_incident_import_get_n_new (SbIncidentImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_new;
}

static guint
count_to_create (GHashTable *unknown,
                 GPtrArray  *names)
{
  guint n = 0;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *key = g_utf8_casefold (g_ptr_array_index (names, i), -1);
      SbUnknownName *entry = g_hash_table_lookup (unknown, key);

      if (entry != NULL && entry->choice == SB_UNKNOWN_CREATE)
        n++;
    }

  return n;
}

static char *
join_to_create (GHashTable *unknown,
                GPtrArray  *names)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *key = g_utf8_casefold (name, -1);
      SbUnknownName *entry = g_hash_table_lookup (unknown, key);

      if (entry == NULL || entry->choice != SB_UNKNOWN_CREATE)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, name);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sb_incident_import_summarize:
 * @self: a planned import
 *
 * Returns: (transfer full): what the import will do, in sentences
 */
char *
sb_incident_import_summarize (SbIncidentImport *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *n_new = NULL;
  g_autofree char *n_rows = NULL;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  if (!self->planned)
    sb_incident_import_plan (self, NULL);

  n_new = g_strdup_printf ("%u", self->n_new);
  n_rows = g_strdup_printf ("%u", self->rows->len);
  if (self->n_rows_used > self->items->len)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "%s incident will be imported from %s rows (an "
                                              "event log).",
                                              "%s incidents will be imported from %s rows (an "
                                              "event log).", self->n_new),
                            n_new, n_rows);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s incident will be imported.",
                                              "%s incidents will be imported.", self->n_new),
                            n_new);

  if (self->n_exists > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", self->n_exists);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%s is already in the book and is left as it is.",
                                                "%s are already in the book and are left as "
                                                "they are.", self->n_exists),
                              count);
    }

  if (self->n_problems > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", self->n_problems);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%s line has problems and will be left out.",
                                                "%s lines have problems and will be left out.",
                                                self->n_problems),
                              count);
    }

  n = count_to_create (self->unknown_services, self->unknown_service_names);
  if (n > 0 && self->n_new > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n);
      g_autofree char *names = join_to_create (self->unknown_services,
                                               self->unknown_service_names);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%s service will be created: %s.",
                                                "%s services will be created: %s.", n),
                              count, names);
    }

  n = count_to_create (self->unknown_customers, self->unknown_customer_names);
  if (n > 0 && self->n_new > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n);
      g_autofree char *names = join_to_create (self->unknown_customers,
                                               self->unknown_customer_names);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%s customer will be created: %s.",
                                                "%s customers will be created: %s.", n),
                              count, names);
    }

  if (self->encoding == SB_CSV_ENCODING_WINDOWS_1252)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("The file is not UTF-8; it was read as Windows-1252 (Western "
                              "European)."));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

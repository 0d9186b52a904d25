/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-import-batch-private.h"
#include "sb-import-memory.h"
#include "sb-incident-csv-private.h"
#include "sb-time.h"
#include "sb-uuid.h"

/*
 * Writing a planned import in one transaction, undoing it, and
 * remembering the mapping for the next file with the same header.
 *
 * Each incident is created with sb_incidents_create_in() (its "opened"
 * entry at the opening time); its history is replayed as timeline
 * entries at their real times with sb_incidents_append_in(), and its
 * final status and instants are set with one update. The lifecycle's
 * checks are not run on history: the plan never builds an impossible
 * state (sb-incident-csv.c).
 */

/* ------------------------------------------------------------------ */
/* The remembered mapping (sb-import-memory.c)                         */

/* Takes the mapping remembered for this header, if there is one. */
gboolean
sb_import_load_remembered (SbIncidentImport *self)
{
  g_autoptr(JsonObject) entry = sb_import_memory_lookup (self->store, SB_INCIDENT_IMPORT_SETTING,
                                                         self->header_key, self->n_columns);
  JsonObject *values;
  const char *format_name;
  SbDateFormat format;

  if (entry == NULL)
    return FALSE;

  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *name = sb_import_memory_column (entry, c);
      SbIncidentField field = SB_INCIDENT_FIELD_IGNORE;

      if (name == NULL || !sb_incident_field_from_string (name, &field))
        field = SB_INCIDENT_FIELD_IGNORE;
      self->mapping[c] = field;
    }

  format_name = sb_json_member_string (entry, "date-format");
  if (format_name != NULL && sb_date_format_from_string (format_name, &format))
    self->date_format = format;

  values = sb_json_member_object (entry, "values");
  if (values != NULL)
    {
      g_autoptr(GList) fields = json_object_get_members (values);

      for (GList *l = fields; l != NULL; l = l->next)
        {
          SbIncidentField field;
          JsonObject *map;
          g_autoptr(GList) sources = NULL;

          if (!sb_incident_field_from_string (l->data, &field) ||
              !sb_incident_field_is_enumerated (field))
            continue;
          map = sb_json_member_object (values, l->data);
          if (map == NULL)
            continue;
          if (self->values[field] == NULL)
            {
              self->values[field] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_free);
              self->sources[field] = g_ptr_array_new_with_free_func (g_free);
            }

          sources = json_object_get_members (map);
          for (GList *s = sources; s != NULL; s = s->next)
            {
              const char *target = sb_json_member_string (map, s->data);

              if (target == NULL)
                continue;
              g_hash_table_replace (self->values[field], g_strdup (s->data), g_strdup (target));
            }
        }
    }

  return TRUE;
}

/* Remembers the mapping as part of the import's transaction. */
static gboolean
remember_in (SbTransaction     *tx,
             SbIncidentImport  *self,
             GError           **error)
{
  JsonObject *entry = json_object_new ();
  JsonArray *columns = json_array_new ();
  JsonObject *values = json_object_new ();

  for (guint c = 0; c < self->n_columns; c++)
    json_array_add_string_element (columns, sb_incident_field_to_string (self->mapping[c]));
  json_object_set_array_member (entry, "columns", columns);
  json_object_set_string_member (entry, "date-format",
                                 sb_date_format_to_string (self->date_format));

  for (guint f = 0; f < SB_INCIDENT_N_FIELDS; f++)
    {
      JsonObject *map;

      if (self->values[f] == NULL || self->sources[f] == NULL || self->sources[f]->len == 0)
        continue;

      map = json_object_new ();
      for (guint i = 0; i < self->sources[f]->len; i++)
        {
          const char *source = g_ptr_array_index (self->sources[f], i);
          const char *target = g_hash_table_lookup (self->values[f], source);

          if (target != NULL)
            json_object_set_string_member (map, source, target);
        }
      json_object_set_object_member (values, sb_incident_field_to_string (f), map);
    }
  json_object_set_object_member (entry, "values", values);

  return sb_import_memory_remember_in (tx, SB_INCIDENT_IMPORT_SETTING, self->header_key, entry,
                                       error);
}

/* ------------------------------------------------------------------ */
/* Unknown services and customers                                      */

static const char *
resolve_name (SbIncidentImport *self,
              GHashTable       *known,
              GHashTable       *unknown,
              GPtrArray        *unknown_names,
              const char       *name,
              gboolean         *out_unknown)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  const char *id = g_hash_table_lookup (known, key);
  SbUnknownName *choice;

  *out_unknown = FALSE;
  if (id != NULL)
    return id;

  *out_unknown = TRUE;
  choice = g_hash_table_lookup (unknown, key);
  if (choice == NULL)
    {
      choice = g_new0 (SbUnknownName, 1);
      choice->choice = self->unknown_default;
      g_hash_table_insert (unknown, g_steal_pointer (&key), choice);
    }
  if (!choice->listed)
    {
      choice->listed = TRUE;
      g_ptr_array_add (unknown_names, g_strdup (name));
    }

  return choice->choice == SB_UNKNOWN_MAP ? choice->existing_id : NULL;
}

/* The id for a service named in the file (code or name, any case), or
 * NULL: unknown (@out_unknown) and left or to be created. */
const char *
sb_import_resolve_service (SbIncidentImport *self,
                           const char       *name,
                           gboolean         *out_unknown)
{
  return resolve_name (self, self->service_by_key, self->unknown_services,
                       self->unknown_service_names, name, out_unknown);
}

const char *
sb_import_resolve_customer (SbIncidentImport *self,
                            const char       *name,
                            gboolean         *out_unknown)
{
  return resolve_name (self, self->customer_by_key, self->unknown_customers,
                       self->unknown_customer_names, name, out_unknown);
}

static char **
unknown_list (SbIncidentImport *self,
              GPtrArray        *names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!self->planned)
    sb_incident_import_plan (self, NULL);

  for (guint i = 0; i < names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (names, i));

  return g_strv_builder_end (builder);
}

char **
sb_incident_import_get_unknown_services (SbIncidentImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return unknown_list (self, self->unknown_service_names);
}

char **
sb_incident_import_get_unknown_customers (SbIncidentImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return unknown_list (self, self->unknown_customer_names);
}

static void
set_unknown (SbIncidentImport *self,
             GHashTable       *unknown,
             const char       *name,
             SbUnknownChoice   choice,
             const char       *existing_id)
{
  SbUnknownName *entry = g_new0 (SbUnknownName, 1);

  entry->choice = choice;
  entry->existing_id = choice == SB_UNKNOWN_MAP ? g_strdup (existing_id) : NULL;
  if (choice == SB_UNKNOWN_MAP && existing_id == NULL)
    entry->choice = SB_UNKNOWN_LEAVE;
  g_hash_table_replace (unknown, g_utf8_casefold (name, -1), entry);
  sb_import_clear_plan (self);
}

void
sb_incident_import_set_unknown_service (SbIncidentImport *self,
                                        const char       *name,
                                        SbUnknownChoice   choice,
                                        const char       *existing_id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  set_unknown (self, self->unknown_services, name, choice, existing_id);
}

void
sb_incident_import_set_unknown_customer (SbIncidentImport *self,
                                         const char       *name,
                                         SbUnknownChoice   choice,
                                         const char       *existing_id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  set_unknown (self, self->unknown_customers, name, choice, existing_id);
}

void
sb_incident_import_set_unknown_default (SbIncidentImport *self,
                                        SbUnknownChoice   choice)
{
  GHashTableIter iter;
  SbUnknownName *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (choice != SB_UNKNOWN_MAP);

  self->unknown_default = choice;
  g_hash_table_iter_init (&iter, self->unknown_services);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
    entry->choice = choice;
  g_hash_table_iter_init (&iter, self->unknown_customers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
    entry->choice = choice;
  sb_import_clear_plan (self);
}

/* ------------------------------------------------------------------ */
/* Apply                                                               */

static gboolean
create_unknowns (SbTransaction     *tx,
                 SbIncidentImport  *self,
                 gboolean           services,
                 GHashTable        *created,
                 GString           *ids,
                 GError           **error)
{
  GHashTable *unknown = services ? self->unknown_services : self->unknown_customers;
  GPtrArray *names = services ? self->unknown_service_names : self->unknown_customer_names;
  g_autoptr(GHashTable) taken = NULL;

  if (services)
    {
      GHashTableIter iter;
      const char *code;

      taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, self->service_codes);
      while (g_hash_table_iter_next (&iter, (gpointer *)&code, NULL))
        g_hash_table_add (taken, g_strdup (code));
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *key = g_utf8_casefold (name, -1);
      SbUnknownName *entry = g_hash_table_lookup (unknown, key);
      g_autofree char *id = NULL;

      if (entry == NULL || entry->choice != SB_UNKNOWN_CREATE)
        continue;

      if (services)
        {
          g_autoptr(SbService) service = sb_service_new ();
          g_autofree char *code = sb_import_service_code_for (name, taken);

          sb_service_set_code (service, code);
          sb_service_set_name (service, name);
          if (!sb_catalog_save_service_in (tx, self->store, service, error))
            {
              g_prefix_error (error, _("Creating the service “%s”: "), name);
              return FALSE;
            }
          g_hash_table_add (taken, g_steal_pointer (&code));
          id = g_strdup (sb_service_get_id (service));
          g_hash_table_insert (created, g_steal_pointer (&key), g_strdup (id));
        }
      else
        {
          g_autoptr(SbCustomer) customer = sb_customer_new ();

          sb_customer_set_name (customer, name);
          if (!sb_catalog_save_customer_in (tx, self->store, customer, error))
            {
              g_prefix_error (error, _("Creating the customer “%s”: "), name);
              return FALSE;
            }
          id = g_strdup (sb_customer_get_id (customer));
          g_hash_table_insert (created, g_steal_pointer (&key), g_strdup (id));
        }

      if (ids->len > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, id);
    }

  return TRUE;
}

static const char *
id_for (SbIncidentImport *self,
        gboolean          services,
        GHashTable       *created,
        const char       *name)
{
  gboolean unknown = FALSE;
  const char *id;

  if (name == NULL)
    return NULL;

  id = services ? sb_import_resolve_service (self, name, &unknown)
                : sb_import_resolve_customer (self, name, &unknown);
  if (id != NULL || !unknown)
    return id;

  {
    g_autofree char *key = g_utf8_casefold (name, -1);

    return g_hash_table_lookup (created, key);
  }
}

static void
set_instant (SbChange   *change,
             const char *column,
             gint64      ms)
{
  if (ms == SB_INCIDENT_NO_TIME)
    sb_change_set_null (change, column);
  else
    {
      g_autofree char *text = sb_time_format_instant (ms);

      sb_change_set_string (change, column, text);
    }
}

static gboolean
write_item (SbTransaction     *tx,
            SbIncidentImport  *self,
            SbImportPlanItem  *item,
            const char        *batch_id,
            GHashTable        *created_services,
            GHashTable        *created_customers,
            GError           **error)
{
  SbImportBuilt *b = item->built;
  g_autoptr(SbIncident) draft = sb_incident_new ();
  const char *const *text = b->v.text;
  const char *id;

  sb_incident_set_title (draft, text[SB_INCIDENT_FIELD_TITLE]);
  sb_incident_set_description (draft, text[SB_INCIDENT_FIELD_DESCRIPTION]);
  sb_incident_set_service_id (draft, id_for (self, TRUE, created_services,
                                             text[SB_INCIDENT_FIELD_SERVICE]));
  sb_incident_set_customer_id (draft, id_for (self, FALSE, created_customers,
                                              text[SB_INCIDENT_FIELD_CUSTOMER]));
  sb_incident_set_contact (draft, text[SB_INCIDENT_FIELD_CONTACT]);
  if (text[SB_INCIDENT_FIELD_CHANNEL] != NULL)
    sb_incident_set_channel (draft, text[SB_INCIDENT_FIELD_CHANNEL]);
  sb_incident_set_category (draft, text[SB_INCIDENT_FIELD_CATEGORY]);
  sb_incident_set_impact (draft, b->impact);
  sb_incident_set_urgency (draft, b->urgency);
  if (b->priority != 0)
    sb_incident_set_priority (draft, b->priority, _("As in the imported file"));
  sb_incident_set_major (draft, b->major);
  sb_incident_set_opened_ms (draft, b->opened_ms);
  sb_incident_set_resolution_code (draft, b->resolution_code);
  sb_incident_set_resolution_notes (draft, text[SB_INCIDENT_FIELD_RESOLUTION_NOTES]);
  sb_incident_set_workaround (draft, text[SB_INCIDENT_FIELD_WORKAROUND]);

  /* The final state goes in with the insert: create_in writes a
   * draft's status and instants when it is not new. */
  sb_incident_set_stored (draft, NULL, NULL, b->status, b->hold_reason, NULL, b->responded_ms,
                          b->resolved_ms, b->closed_ms, b->reopen_count, SB_INCIDENT_NO_TIME,
                          NULL);

  if (!sb_incidents_create_in (tx, draft, item->item.reference, batch_id, error))
    return FALSE;
  id = sb_incident_get_id (draft);

  for (guint i = 0; i < b->events->len; i++)
    {
      SbImportEvent *e = &g_array_index (b->events, SbImportEvent, i);

      if (!sb_incidents_append_in (tx, id, e->at_ms, e->kind, e->customer_visible, e->field,
                                   e->old_value, e->new_value, e->body, e->minutes, error))
        return FALSE;
    }

  /* A new incident someone already answered, or one the file says was
   * reopened: create_in leaves those fields of a new one alone. */
  if (b->status == SB_INCIDENT_NEW &&
      (b->responded_ms != SB_INCIDENT_NO_TIME || b->reopen_count > 0))
    {
      g_autoptr(SbChange) change = sb_change_update ("incident", id);

      if (b->responded_ms != SB_INCIDENT_NO_TIME)
        set_instant (change, "responded_at", b->responded_ms);
      if (b->reopen_count > 0)
        sb_change_set_int (change, "reopen_count", b->reopen_count);
      if (!sb_transaction_apply (tx, change, error))
        return FALSE;
    }

  return TRUE;
}

/* An import being written: one transaction, written a slice at a time
 * so that a window can draw and show progress between slices. */
struct _SbIncidentImportRun
{
  SbIncidentImport *import;
  SbTransaction    *tx;
  GHashTable       *created_services;
  GHashTable       *created_customers;
  GString          *service_ids;
  GString          *customer_ids;
  char             *batch_id;
  gint64            cache_size;      /* to restore; 0: unchanged */
  guint             next_item;
  guint             n_written;
  gboolean          failed;
  gboolean          finished;
};

static void
restore_cache (SbIncidentImportRun *run)
{
  g_autofree char *restore = NULL;

  if (run->cache_size == 0)
    return;

  restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, run->cache_size);
  sb_store_exec (run->import->store, restore, NULL);
  run->cache_size = 0;
}

/**
 * sb_incident_import_run_free:
 * @run: (transfer full) (nullable): an import being written
 *
 * Frees @run; one not finished is rolled back, and nothing of it stays.
 */
void
sb_incident_import_run_free (SbIncidentImportRun *run)
{
  if (run == NULL)
    return;

  /* Rolled back: whoever read the incidents meanwhile (on the same
   * connection, inside the transaction) reads them again. */
  if (run->tx != NULL)
    {
      g_clear_pointer (&run->tx, sb_transaction_free);
      sb_store_emit_changed (run->import->store, "incident");
    }
  restore_cache (run);
  g_clear_pointer (&run->created_services, g_hash_table_unref);
  g_clear_pointer (&run->created_customers, g_hash_table_unref);
  if (run->service_ids != NULL)
    g_string_free (run->service_ids, TRUE);
  if (run->customer_ids != NULL)
    g_string_free (run->customer_ids, TRUE);
  g_free (run->batch_id);
  g_free (run);
}

/**
 * sb_incident_import_run_start:
 * @self: an import
 * @error: return location for a #GError
 *
 * Starts writing the plan (made now if it was not) in one transaction:
 * the services and customers to create first. Write the incidents with
 * sb_incident_import_run_step() until it says done, then commit with
 * sb_incident_import_run_finish(). The book takes no other change until
 * then; freeing the run before rolls everything back.
 *
 * Returns: (transfer full) (nullable): the run, or %NULL on error
 */
SbIncidentImportRun *
sb_incident_import_run_start (SbIncidentImport  *self,
                              GError           **error)
{
  g_autoptr(SbIncidentImportRun) run = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!self->planned && !sb_incident_import_plan (self, error))
    return NULL;

  run = g_new0 (SbIncidentImportRun, 1);
  run->import = self;
  if (self->n_new == 0)
    return g_steal_pointer (&run);

  /* A big import touches many pages of the indexes at once: a larger
   * page cache for its transaction keeps SQLite from spilling and
   * reading them back (about an eighth faster); then the usual size. */
  if (self->rows->len > 1000)
    {
      stmt = sb_store_prepare (self->store, "PRAGMA cache_size", NULL);
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        run->cache_size = sqlite3_column_int64 (stmt, 0);
      if (stmt != NULL)
        sqlite3_reset (stmt);
      if (run->cache_size != 0)
        sb_store_exec (self->store, "PRAGMA cache_size = -65536", NULL);
    }

  run->tx = sb_store_begin (self->store, error);
  if (run->tx == NULL)
    return NULL;
  /* The import stops at the first failure and rolls back everything. */
  sb_transaction_set_all_or_nothing (run->tx);

  run->batch_id = sb_uuid_new ();
  run->created_services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->created_customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->service_ids = g_string_new (NULL);
  run->customer_ids = g_string_new (NULL);

  if (!create_unknowns (run->tx, self, TRUE, run->created_services, run->service_ids, error) ||
      !create_unknowns (run->tx, self, FALSE, run->created_customers, run->customer_ids, error))
    return NULL;

  return g_steal_pointer (&run);
}

/**
 * sb_incident_import_run_step:
 * @run: an import being written
 * @budget_us: about how long to write for, in microseconds; 0: to the end
 * @out_done: (out): %TRUE once every incident is written
 * @error: return location for a #GError
 *
 * Writes the next incidents of the plan for about @budget_us. After a
 * failure the run can only be freed.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_incident_import_run_step (SbIncidentImportRun  *run,
                             gint64                budget_us,
                             gboolean             *out_done,
                             GError              **error)
{
  SbIncidentImport *self;
  gint64 until;

  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (out_done != NULL, FALSE);
  g_return_val_if_fail (!run->finished, FALSE);

  self = run->import;
  until = budget_us > 0 ? g_get_monotonic_time () + budget_us : G_MAXINT64;
  *out_done = FALSE;

  while (run->next_item < self->items->len)
    {
      SbImportPlanItem *item = g_ptr_array_index (self->items, run->next_item);

      run->next_item++;
      if (item->built == NULL)
        continue;

      if (!write_item (run->tx, self, item, run->batch_id, run->created_services,
                       run->created_customers, error))
        {
          run->failed = TRUE;
          g_prefix_error (error, _("Line %u: "), item->item.line);
          return FALSE;
        }
      run->n_written++;

      /* The clock is read every few incidents, not after each. */
      if (run->n_written % 32 == 0 && g_get_monotonic_time () >= until)
        return TRUE;
    }

  *out_done = TRUE;

  return TRUE;
}

/**
 * sb_incident_import_run_get_n_written:
 * @run: an import being written
 *
 * Returns: how many incidents are written so far (of
 *   sb_incident_import_get_n_new())
 */
guint
sb_incident_import_run_get_n_written (SbIncidentImportRun *run)
{
  g_return_val_if_fail (run != NULL, 0);

  return run->n_written;
}

/**
 * sb_incident_import_run_finish:
 * @run: an import whose every incident is written
 * @out_batch_id: (out) (optional) (transfer full): the batch, for undo;
 *   %NULL when there was nothing new to import
 * @error: return location for a #GError
 *
 * Records the import batch, remembers the mapping for the next file with
 * this header, and commits. Free @run afterwards in any case.
 *
 * Returns: %TRUE when everything was written (or nothing was new)
 */
gboolean
sb_incident_import_run_finish (SbIncidentImportRun  *run,
                               char                **out_batch_id,
                               GError              **error)
{
  SbIncidentImport *self;
  g_autoptr(SbChange) batch = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (!run->finished, FALSE);

  self = run->import;
  if (out_batch_id != NULL)
    *out_batch_id = NULL;

  /* Never half an import: after a failed step, or before the last one,
   * the run can only be freed (which rolls it back). */
  if (run->failed || run->next_item < self->items->len)
    {
      g_set_error_literal (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                           run->failed ? _("The import failed part-way; nothing of it is saved")
                                       : _("The import is not written to the end yet"));
      return FALSE;
    }

  run->finished = TRUE;
  if (run->tx == NULL)
    return TRUE;

  now = sb_time_format_instant (sb_store_now_ms (self->store));
  batch = sb_change_insert_with_id ("import_batch", run->batch_id);
  sb_change_set_string (batch, "kind", "incidents");
  sb_change_set_string (batch, "file_name", self->file_name);
  sb_change_set_string (batch, "imported_at", now);
  sb_change_set_int (batch, "n_records", self->n_new);
  if (run->service_ids->len > 0)
    sb_change_set_string (batch, "created_services", run->service_ids->str);
  if (run->customer_ids->len > 0)
    sb_change_set_string (batch, "created_customers", run->customer_ids->str);
  if (!sb_transaction_apply (run->tx, batch, error) ||
      !remember_in (run->tx, self, error) ||
      !sb_transaction_commit (run->tx, error))
    {
      run->failed = TRUE;
      return FALSE;
    }
  g_clear_pointer (&run->tx, sb_transaction_free);
  restore_cache (run);

  /* What is in the book now: a second apply finds them there. */
  for (guint i = 0; i < self->items->len; i++)
    {
      SbImportPlanItem *item = g_ptr_array_index (self->items, i);

      if (item->built != NULL && item->item.reference != NULL)
        g_hash_table_add (self->references, g_strdup (item->item.reference));
    }
  self->remembered = TRUE;
  self->planned = FALSE;

  if (out_batch_id != NULL)
    *out_batch_id = g_steal_pointer (&run->batch_id);

  return TRUE;
}

/**
 * sb_incident_import_apply:
 * @self: an import
 * @out_batch_id: (out) (optional) (transfer full): the batch, for undo;
 *   %NULL when there was nothing new to import
 * @error: return location for a #GError
 *
 * Writes the incidents of the plan (made now if it was not) in one
 * transaction, all at once: sb_incident_import_run_start(), _step() to
 * the end and _finish(). Lines with problems and incidents already in
 * the book are left out. Remembers the mapping for the next file with
 * this header.
 *
 * Returns: %TRUE when everything was written (or nothing was new)
 */
gboolean
sb_incident_import_apply (SbIncidentImport  *self,
                          char             **out_batch_id,
                          GError           **error)
{
  g_autoptr(SbIncidentImportRun) run = NULL;
  gboolean done = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_batch_id != NULL)
    *out_batch_id = NULL;

  run = sb_incident_import_run_start (self, error);

  return run != NULL &&
         sb_incident_import_run_step (run, 0, &done, error) &&
         sb_incident_import_run_finish (run, out_batch_id, error);
}

/* ------------------------------------------------------------------ */
/* Undo                                                                */

static gboolean
is_used (SbStore     *store,
         const char  *sql,
         const char  *id,
         gboolean    *out_used,
         GError     **error)
{
  sqlite3_stmt *stmt = sb_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *out_used = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW)
    return sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc,
                                           _("Reading the import"));

  return TRUE;
}

/* Created services or customers that nothing live uses any more. */
static gboolean
delete_created (SbTransaction  *tx,
                SbStore        *store,
                const char     *list,
                gboolean        services,
                GError        **error)
{
  g_auto(GStrv) ids = NULL;

  if (list == NULL || *list == '\0')
    return TRUE;

  ids = g_strsplit (list, ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gboolean used = FALSE;
      g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(SbChange) change = NULL;

      if (services)
        {
          if (!is_used (store,
                        "SELECT EXISTS (SELECT 1 FROM incident WHERE service_id = ?1 AND deleted = 0) "
                        "OR EXISTS (SELECT 1 FROM service_dependency WHERE depends_on_id = ?1 "
                        "AND deleted = 0) OR EXISTS (SELECT 1 FROM service WHERE id = ?1 AND "
                        "deleted = 1)",
                        ids[i], &used, error))
            return FALSE;
          if (used)
            continue;
          if (!sb_store_collect_ids (store,
                            "SELECT id FROM service_target WHERE service_id = ? AND deleted = 0",
                            ids[i], children, error) ||
              !sb_transaction_delete_rows (tx, "service_target", children, FALSE, error))
            return FALSE;
          change = sb_change_delete ("service", ids[i]);
        }
      else
        {
          if (!is_used (store,
                        "SELECT EXISTS (SELECT 1 FROM incident WHERE customer_id = ?1 AND deleted = 0) "
                        "OR EXISTS (SELECT 1 FROM service_customer WHERE customer_id = ?1 "
                        "AND deleted = 0) OR EXISTS (SELECT 1 FROM customer WHERE id = ?1 AND "
                        "deleted = 1)",
                        ids[i], &used, error))
            return FALSE;
          if (used)
            continue;
          change = sb_change_delete ("customer", ids[i]);
        }

      if (!sb_transaction_apply (tx, change, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sb_incident_import_undo:
 * @store: a store
 * @batch_id: (nullable): an import batch; %NULL for the latest import not
 *   yet undone
 * @error: return location for a #GError
 *
 * Tombstones the incidents of the import with their timelines, and the
 * services and customers it created that nothing else uses now, in one
 * transaction, and marks the import undone.
 *
 * Returns: %TRUE when the import was undone
 */
gboolean
sb_incident_import_undo (SbStore     *store,
                         const char  *batch_id,
                         GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(GPtrArray) incidents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  g_auto(SbImportBatch) batch = { 0 };
  const char *id;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_import_batch_for_undo (store, batch_id, "incidents", &batch, error))
    return FALSE;
  id = batch.id;

  if (!sb_store_collect_ids (store,
                    "SELECT e.id FROM incident_event e JOIN incident i ON i.id = e.incident_id "
                    "WHERE i.import_batch = ? AND e.deleted = 0",
                    id, events, error) ||
      !sb_store_collect_ids (store, "SELECT id FROM incident WHERE import_batch = ? AND deleted = 0",
                    id, incidents, error))
    return FALSE;

  if (!sb_transaction_delete_rows (tx, "incident_event", events, FALSE, error) ||
      !sb_transaction_delete_rows (tx, "incident", incidents, FALSE, error) ||
      !delete_created (tx, store, batch.created_services, TRUE, error) ||
      !delete_created (tx, store, batch.created_customers, FALSE, error) ||
      !sb_import_batch_mark_undone (tx, id, error))
    return FALSE;

  return sb_transaction_commit (tx, error);
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-cost-csv-private.h"
#include "sb-import-batch-private.h"
#include "sb-import-memory.h"
#include "sb-suppliers-private.h"
#include "sb-time.h"
#include "sb-uuid.h"

/*
 * Writing a planned cost import in one transaction, undoing it, and
 * remembering the mapping for the next file with the same header (the
 * book setting "import-mapping:costs", as the incident import keeps
 * "import-mapping:incidents").
 *
 * The import batch (kind "costs") lists what undo takes back: the cost
 * entries carry its id, and its created_suppliers column lists the
 * suppliers it created.
 */

/* ------------------------------------------------------------------ */
/* The remembered mapping (sb-import-memory.c)                         */

/* Takes the mapping remembered for this header, if there is one. */
gboolean
sb_cost_import_load_remembered (SbCostImport *self)
{
  g_autoptr(JsonObject) entry = sb_import_memory_lookup (self->store, SB_COST_IMPORT_SETTING,
                                                         self->header_key, self->n_columns);
  JsonObject *categories;
  const char *name;
  SbDateFormat format;
  SbDecimalMark mark;

  if (entry == NULL)
    return FALSE;

  for (guint c = 0; c < self->n_columns; c++)
    {
      SbCostField field = SB_COST_FIELD_IGNORE;

      name = sb_import_memory_column (entry, c);
      if (name == NULL || !sb_cost_field_from_string (name, &field))
        field = SB_COST_FIELD_IGNORE;
      self->mapping[c] = field;
    }

  name = sb_json_member_string (entry, "date-format");
  if (name != NULL && sb_date_format_from_string (name, &format))
    self->date_format = format;
  name = sb_json_member_string (entry, "decimal");
  if (name != NULL && sb_decimal_mark_from_string (name, &mark))
    self->decimal = mark;

  categories = sb_json_member_object (entry, "categories");
  if (categories != NULL)
    {
      g_autoptr(GList) words = json_object_get_members (categories);

      for (GList *l = words; l != NULL; l = l->next)
        {
          const char *category = sb_json_member_string (categories, l->data);

          if (category != NULL)
            g_hash_table_replace (self->categories, g_strdup (l->data), g_strdup (category));
        }
    }

  return TRUE;
}

/* Remembers the mapping as part of the import's transaction. */
static gboolean
remember_in (SbTransaction  *tx,
             SbCostImport   *self,
             GError        **error)
{
  JsonObject *entry = json_object_new ();
  JsonArray *columns = json_array_new ();
  JsonObject *categories = json_object_new ();

  for (guint c = 0; c < self->n_columns; c++)
    json_array_add_string_element (columns, sb_cost_field_to_string (self->mapping[c]));
  json_object_set_array_member (entry, "columns", columns);
  json_object_set_string_member (entry, "date-format",
                                 sb_date_format_to_string (self->date_format));
  json_object_set_string_member (entry, "decimal", sb_decimal_mark_to_string (self->decimal));

  for (guint i = 0; i < self->words->len; i++)
    {
      const char *word = g_ptr_array_index (self->words, i);
      const char *category = g_hash_table_lookup (self->categories, word);

      if (category != NULL)
        json_object_set_string_member (categories, word, category);
    }
  json_object_set_object_member (entry, "categories", categories);

  return sb_import_memory_remember_in (tx, SB_COST_IMPORT_SETTING, self->header_key, entry, error);
}

/* ------------------------------------------------------------------ */
/* Apply                                                               */

/* The suppliers to create, once each: casefolded name → new id. */
static gboolean
create_suppliers (SbTransaction  *tx,
                  SbCostImport   *self,
                  GHashTable     *created,
                  GString        *ids,
                  GError        **error)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      SbCostPlanItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(SbSupplier) supplier = NULL;
      g_autofree char *key = NULL;

      if (item->entry == NULL || item->new_supplier == NULL)
        continue;
      key = g_utf8_casefold (item->new_supplier, -1);
      if (g_hash_table_contains (created, key))
        continue;

      supplier = sb_supplier_new ();
      sb_supplier_set_name (supplier, item->new_supplier);
      if (!sb_suppliers_save_in (tx, self->store, supplier, error))
        {
          g_prefix_error (error, _("Line %u: "), item->item.line);
          return FALSE;
        }
      if (ids->len > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, sb_supplier_get_id (supplier));
      g_hash_table_insert (created, g_steal_pointer (&key),
                           g_strdup (sb_supplier_get_id (supplier)));
    }

  return TRUE;
}

/**
 * sb_cost_import_apply:
 * @self: an import
 * @out_batch_id: (out) (optional) (transfer full): the import batch, for
 *   sb_cost_import_undo(); %NULL when nothing was new
 * @error: return location for a #GError
 *
 * Writes the new lines of the plan (planning first if needed), the
 * suppliers to create and the import batch in one transaction, and
 * remembers the mapping. Lines with problems, skipped lines and
 * duplicates are left out, as the preview said.
 *
 * Returns: %TRUE when written (or nothing was new)
 */
gboolean
sb_cost_import_apply (SbCostImport  *self,
                      char         **out_batch_id,
                      GError       **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(GHashTable) created = NULL;
  g_autoptr(GString) supplier_ids = g_string_new (NULL);
  g_autoptr(SbChange) batch = NULL;
  g_autofree char *batch_id = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_batch_id != NULL)
    *out_batch_id = NULL;

  if (!self->planned && !sb_cost_import_plan (self, error))
    return FALSE;
  if (self->n_new == 0)
    return TRUE;

  tx = sb_store_begin (self->store, error);
  if (tx == NULL)
    return FALSE;
  sb_transaction_set_all_or_nothing (tx);

  batch_id = sb_uuid_new ();
  created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!create_suppliers (tx, self, created, supplier_ids, error))
    return FALSE;

  for (guint i = 0; i < self->items->len; i++)
    {
      SbCostPlanItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(SbCostEntry) entry = NULL;

      if (item->entry == NULL)
        continue;

      /* A copy: the plan stays as it was if the transaction fails. */
      entry = sb_cost_entry_copy (item->entry);
      if (item->new_supplier != NULL)
        {
          g_autofree char *key = g_utf8_casefold (item->new_supplier, -1);

          sb_cost_entry_set_supplier_id (entry, g_hash_table_lookup (created, key));
        }
      if (!sb_costs_save_in (tx, self->store, entry, "import", batch_id, error))
        {
          g_prefix_error (error, _("Line %u: "), item->item.line);
          return FALSE;
        }
    }

  now = sb_time_format_instant (sb_store_now_ms (self->store));
  batch = sb_change_insert_with_id ("import_batch", batch_id);
  sb_change_set_string (batch, "kind", "costs");
  sb_change_set_string (batch, "file_name", self->file_name);
  sb_change_set_string (batch, "imported_at", now);
  sb_change_set_int (batch, "n_records", self->n_new);
  if (supplier_ids->len > 0)
    sb_change_set_string (batch, "created_suppliers", supplier_ids->str);
  if (!sb_transaction_apply (tx, batch, error))
    return FALSE;

  if (!remember_in (tx, self, error))
    return FALSE;

  if (!sb_transaction_commit (tx, error))
    return FALSE;

  /* What is in the book now: a second apply finds them duplicates. */
  for (guint i = 0; i < self->items->len; i++)
    {
      SbCostPlanItem *item = g_ptr_array_index (self->items, i);

      if (item->entry == NULL)
        continue;
      g_hash_table_add (self->existing,
                        sb_cost_import_duplicate_key (item->date, item->item.amount,
                                                      item->currency,
                                                      sb_cost_entry_get_invoice_ref (item->entry),
                                                      sb_cost_entry_get_description (item->entry)));
    }
  self->planned = FALSE;
  self->remembered = TRUE;

  if (out_batch_id != NULL)
    *out_batch_id = g_steal_pointer (&batch_id);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Undo                                                                */

/* The created suppliers nothing live uses once the batch's costs are
 * gone (@ignore_batch: the batch being undone). */
static gboolean
unused_suppliers (SbStore     *store,
                  const char  *list,
                  const char  *batch,
                  GPtrArray   *out,
                  GError     **error)
{
  g_auto(GStrv) ids = NULL;
  sqlite3_stmt *stmt;

  if (list == NULL || *list == '\0')
    return TRUE;

  stmt = sb_store_prepare (store,
                           "SELECT EXISTS (SELECT 1 FROM supplier WHERE id = ?1 AND deleted = 0) "
                           "AND NOT EXISTS (SELECT 1 FROM cost_entry WHERE supplier_id = ?1 "
                           "AND deleted = 0 AND (import_batch IS NOT ?2)) "
                           "AND NOT EXISTS (SELECT 1 FROM contract WHERE supplier_id = ?1 "
                           "AND deleted = 0) "
                           "AND NOT EXISTS (SELECT 1 FROM incident_escalation WHERE "
                           "supplier_id = ?1 AND deleted = 0)",
                           error);
  if (stmt == NULL)
    return FALSE;

  ids = g_strsplit (list, ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, ids[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, batch, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0)
        g_ptr_array_add (out, g_strdup (ids[i]));
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_ROW)
        return sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc,
                                               _("Reading the import"));
    }

  return TRUE;
}

/**
 * sb_cost_import_undo:
 * @store: a store
 * @batch_id: (nullable): a cost import batch; %NULL for the latest cost
 *   import not yet undone
 * @error: return location for a #GError
 *
 * Tombstones the costs of the import, and the suppliers it created that
 * nothing else uses now, in one transaction, and marks the import
 * undone.
 *
 * Returns: %TRUE when the import was undone
 */
gboolean
sb_cost_import_undo (SbStore     *store,
                     const char  *batch_id,
                     GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(GPtrArray) costs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) suppliers = g_ptr_array_new_with_free_func (g_free);
  g_auto(SbImportBatch) batch = { 0 };
  const char *id;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_import_batch_for_undo (store, batch_id, "costs", &batch, error))
    return FALSE;
  id = batch.id;

  if (!sb_store_collect_ids (store, "SELECT id FROM cost_entry WHERE import_batch = ? AND deleted = 0",
                    id, costs, error) ||
      !unused_suppliers (store, batch.created_suppliers, id, suppliers, error))
    return FALSE;

  if (!sb_transaction_delete_rows (tx, "cost_entry", costs, FALSE, error) ||
      !sb_transaction_delete_rows (tx, "supplier", suppliers, FALSE, error) ||
      !sb_import_batch_mark_undone (tx, id, error))
    return FALSE;

  return sb_transaction_commit (tx, error);
}

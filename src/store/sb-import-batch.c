/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-import-batch-private.h"
#include "sb-time.h"

/*
 * The import batches (migrations 0003 and 0005): one row per import from
 * another tool, so that it can be undone. Each import writes its own
 * batch; finding one, and marking it undone, is the same for all kinds.
 */

void
sb_import_batch_clear (SbImportBatch *batch)
{
  g_clear_pointer (&batch->id, g_free);
  g_clear_pointer (&batch->kind, g_free);
  g_clear_pointer (&batch->undone_at, g_free);
  g_clear_pointer (&batch->created_services, g_free);
  g_clear_pointer (&batch->created_customers, g_free);
  g_clear_pointer (&batch->created_suppliers, g_free);
}

/* The import @batch_id, or the latest one not undone when %NULL, of
 * @kind (any when %NULL); @out->id is %NULL when there is none. */
static gboolean
read_batch (SbStore        *store,
            const char     *batch_id,
            const char     *kind,
            SbImportBatch  *out,
            GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT id, kind, undone_at, created_services, created_customers, "
                           "       created_suppliers FROM import_batch "
                           " WHERE deleted = 0 AND (?2 IS NULL OR kind = ?2) "
                           "   AND (id = ?1 OR (?1 IS NULL AND undone_at IS NULL)) "
                           " ORDER BY imported_at DESC, rowid DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, batch_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->id = sb_catalog_column_text (stmt, 0);
      out->kind = sb_catalog_column_text (stmt, 1);
      out->undone_at = sb_catalog_column_text (stmt, 2);
      out->created_services = sb_catalog_column_text (stmt, 3);
      out->created_customers = sb_catalog_column_text (stmt, 4);
      out->created_suppliers = sb_catalog_column_text (stmt, 5);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc,
                                           _("Reading the import"));

  return TRUE;
}

/**
 * sb_import_batch_find:
 * @store: a store
 * @batch_id: (nullable): an import batch, or %NULL for the latest import
 *   of any kind not yet undone
 * @out_id: (out) (transfer full): the batch
 * @out_kind: (out) (transfer full): its kind: "incidents", "costs"
 * @error: return location for a #GError
 *
 * Returns: %TRUE when found; %FALSE with %SB_STORE_ERROR_INVALID when
 *   there is no such import or nothing to undo
 */
gboolean
sb_import_batch_find (SbStore     *store,
                      const char  *batch_id,
                      char       **out_id,
                      char       **out_kind,
                      GError     **error)
{
  g_auto(SbImportBatch) batch = { 0 };

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_id != NULL && out_kind != NULL, FALSE);

  *out_id = NULL;
  *out_kind = NULL;

  if (!read_batch (store, batch_id, NULL, &batch, error))
    return FALSE;

  if (batch.id == NULL)
    {
      if (batch_id != NULL)
        g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                     _("There is no import “%s”"), batch_id);
      else
        g_set_error_literal (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                             _("There is no import to undo"));
      return FALSE;
    }

  *out_id = g_steal_pointer (&batch.id);
  *out_kind = g_steal_pointer (&batch.kind);

  return TRUE;
}

/**
 * sb_import_batch_for_undo:
 * @store: a store
 * @batch_id: (nullable): an import batch; %NULL for the latest of @kind
 *   not yet undone
 * @kind: "incidents" or "costs"
 * @out: (out caller-allocates): the batch; clear it afterwards
 * @error: return location for a #GError
 *
 * Returns: %TRUE when there is such an import and it is not undone yet;
 *   %FALSE with %SB_STORE_ERROR_INVALID saying which is not so
 */
gboolean
sb_import_batch_for_undo (SbStore        *store,
                          const char     *batch_id,
                          const char     *kind,
                          SbImportBatch  *out,
                          GError        **error)
{
  gboolean incidents = g_str_equal (kind, "incidents");

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!read_batch (store, batch_id, kind, out, error))
    return FALSE;

  if (out->id == NULL)
    {
      if (batch_id != NULL)
        g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                     incidents ? _("There is no incident import “%s”")
                               : _("There is no cost import “%s”"),
                     batch_id);
      else
        g_set_error_literal (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                             incidents ? _("There is no incident import to undo")
                                       : _("There is no cost import to undo"));
      return FALSE;
    }
  if (out->undone_at != NULL)
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                   _("The import “%s” was already undone"), out->id);
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_import_batch_mark_undone:
 * @tx: the undo's transaction
 * @id: the batch
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sb_import_batch_mark_undone (SbTransaction  *tx,
                             const char     *id,
                             GError        **error)
{
  g_autoptr(SbChange) mark = sb_change_update ("import_batch", id);
  g_autofree char *now = sb_time_format_instant (sb_store_now_ms (sb_transaction_get_store (tx)));

  sb_change_set_string (mark, "undone_at", now);

  return sb_transaction_apply (tx, mark, error);
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-time.h"
#include "sb-store-private.h"

/*
 * The one write path. Every insert, update and delete of a register goes
 * through apply_change(), which in one transaction:
 *   - writes the record, stamping created_at/updated_at;
 *   - writes one journal row for the sync (all fields of the change share
 *     one hybrid-logical-clock stamp);
 *   - writes the audit trail of an update or delete (field, old value,
 *     new value). An insert's audit is its journal row, the whole record
 *     (migration 0006).
 * Each change runs inside a savepoint, so a change that fails leaves
 * nothing behind, whatever stage it reached. A transaction that is all
 * or nothing (an import) does without them: after a change fails, it
 * refuses further changes and its commit, so nothing of it is kept.
 */

/* The tables with a full-text index (migration 0003): new rows of these
 * are indexed at the commit, see flush_search_index(). */
enum
{
  INDEXED_INCIDENT,
  INDEXED_INCIDENT_EVENT,
  N_INDEXED
};

static int
indexed_table (const char *table)
{
  if (g_str_equal (table, "incident"))
    return INDEXED_INCIDENT;
  if (g_str_equal (table, "incident_event"))
    return INDEXED_INCIDENT_EVENT;

  return -1;
}

struct _SbTransaction
{
  SbStore    *store;
  GHashTable *touched;     /* table names changed so far */
  gint64      now_ms;      /* the instant "now" was formatted for */
  char       *now;
  /* The rows inserted into each table with a full-text index, as a
   * range of rowids: a new row always gets a rowid above every row
   * before it, and rows are never removed (deleting is a tombstone). */
  gint64      indexed_first[N_INDEXED];
  gint64      indexed_last[N_INDEXED];
  guint       finished : 1;
  guint       all_or_nothing : 1;
  guint       failed : 1;       /* a change of an all-or-nothing one failed */
};

/* Values as they are compared, audited and journaled. */
typedef struct
{
  int         type;      /* SQLITE_NULL, SQLITE_INTEGER or SQLITE_TEXT */
  gint64      number;
  const char *text;
} Cell;

void
sb_json_append_string (GString    *out,
                       const char *text)
{
  const char *p;
  const char *run = text;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      /* Runs of plain characters are copied at once. */
      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
cell_from_variant (Cell     *cell,
                   GVariant *value)
{
  if (value == NULL)
    cell->type = SQLITE_NULL;
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    {
      cell->type = SQLITE_INTEGER;
      cell->number = g_variant_get_int64 (value);
    }
  else
    {
      cell->type = SQLITE_TEXT;
      cell->text = g_variant_get_string (value, NULL);
    }
}

static void
cell_from_column (Cell         *cell,
                  sqlite3_stmt *stmt,
                  int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      cell->type = SQLITE_NULL;
      break;

    case SQLITE_INTEGER:
      cell->type = SQLITE_INTEGER;
      cell->number = sqlite3_column_int64 (stmt, column);
      break;

    default:
      cell->type = SQLITE_TEXT;
      cell->text = (const char *)sqlite3_column_text (stmt, column);
      break;
    }
}

static gboolean
cell_equal (const Cell *a,
            const Cell *b)
{
  if (a->type != b->type)
    return FALSE;

  switch (a->type)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return a->number == b->number;
    default:
      return g_strcmp0 (a->text, b->text) == 0;
    }
}

static void
cell_bind (const Cell   *cell,
           sqlite3_stmt *stmt,
           int           index)
{
  switch (cell->type)
    {
    case SQLITE_NULL:
      sqlite3_bind_null (stmt, index);
      break;
    case SQLITE_INTEGER:
      sqlite3_bind_int64 (stmt, index, cell->number);
      break;
    default:
      sqlite3_bind_text (stmt, index, cell->text, -1, SQLITE_TRANSIENT);
      break;
    }
}

/* Decimal digits of @number, without the printf machinery: the write
 * path formats several numbers per change. */
static void
append_int (GString *out,
            gint64   number)
{
  char digits[24];
  guint64 magnitude = number < 0 ? -(guint64)number : (guint64)number;
  int i = sizeof digits;

  do
    {
      digits[--i] = (char)('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);

  if (number < 0)
    digits[--i] = '-';

  g_string_append_len (out, digits + i, sizeof digits - i);
}

static void
cell_append_json (const Cell *cell,
                  GString    *out)
{
  switch (cell->type)
    {
    case SQLITE_NULL:
      g_string_append (out, "null");
      break;
    case SQLITE_INTEGER:
      append_int (out, cell->number);
      break;
    default:
      sb_json_append_string (out, cell->text);
      break;
    }
}

static char *
cell_to_text (const Cell *cell)
{
  switch (cell->type)
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->number);
    default:
      return g_strdup (cell->text);
    }
}

static gboolean
step_done (SbStore       *store,
           sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc, doing);

  return TRUE;
}

static gboolean
write_journal (SbStore     *store,
               const char  *stamp,
               const char  *table,
               const char  *id,
               const char  *data,
               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sb_store_prepare (store,
                           "INSERT INTO sb_journal (hlc, tbl, row_id, data) VALUES (?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, data, -1, SQLITE_STATIC);

  return step_done (store, stmt, _("Recording the change for sync"), error);
}

static gboolean
write_audit (SbStore     *store,
             const char  *at,
             const char  *stamp,
             const char  *table,
             const char  *id,
             const char  *field,
             const char  *old_value,
             const char  *new_value,
             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sb_store_prepare (store,
                           "INSERT INTO sb_audit (at, tbl, row_id, field, old_value, new_value, hlc) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, new_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, stamp, -1, SQLITE_STATIC);

  return step_done (store, stmt, _("Recording the change in the audit trail"), error);
}

static gboolean
check_columns (SbTableInfo  *info,
               SbChange     *change,
               GError      **error)
{
  guint n = sb_change_get_n_values (change);

  for (guint i = 0; i < n; i++)
    {
      const SbChangeValue *value = sb_change_get_value (change, i);
      SbColumnKind kind = GPOINTER_TO_INT (g_hash_table_lookup (info->columns, value->column));

      if (kind == 0)
        {
          g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                       "Table %s has no field %s", info->name, value->column);
          return FALSE;
        }

      /* The store stamps these itself; "deleted" only through
       * sb_change_delete() and sb_change_undelete(). */
      if (kind == SB_COLUMN_STAMPED ||
          (kind == SB_COLUMN_DELETED && sb_change_get_kind (change) == SB_CHANGE_INSERT))
        {
          g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                       "The field %s of %s is set by the store, not by a change",
                       value->column, info->name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
apply_insert (SbStore      *store,
              SbTableInfo  *info,
              SbChange     *change,
              const char   *now,
              const char   *stamp,
              gint64       *out_rowid,
              GError      **error)
{
  g_autoptr(GString) sql = g_string_sized_new (256);
  g_autoptr(GString) json = g_string_sized_new (512);
  const char *id = sb_change_get_id (change);
  guint n = sb_change_get_n_values (change);
  sqlite3_stmt *stmt;

  g_string_append (sql, "INSERT INTO \"");
  g_string_append (sql, info->name);
  g_string_append (sql, "\" (id, created_at, updated_at, deleted");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (sql, ", \"");
      g_string_append (sql, sb_change_get_value (change, i)->column);
      g_string_append_c (sql, '"');
    }
  g_string_append (sql, ") VALUES (?, ?, ?, 0");
  for (guint i = 0; i < n; i++)
    g_string_append (sql, ", ?");
  g_string_append_c (sql, ')');

  stmt = sb_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);

  g_string_append (json, "{\"created_at\":");
  sb_json_append_string (json, now);
  g_string_append (json, ",\"updated_at\":");
  sb_json_append_string (json, now);
  g_string_append (json, ",\"deleted\":0");

  for (guint i = 0; i < n; i++)
    {
      const SbChangeValue *value = sb_change_get_value (change, i);
      Cell cell = { 0 };

      cell_from_variant (&cell, value->value);
      cell_bind (&cell, stmt, 4 + i);

      g_string_append_c (json, ',');
      sb_json_append_string (json, value->column);
      g_string_append_c (json, ':');
      cell_append_json (&cell, json);
    }
  g_string_append_c (json, '}');

  if (!step_done (store, stmt, _("Saving the record"), error))
    return FALSE;

  *out_rowid = sqlite3_last_insert_rowid (sb_store_get_db (store));

  return write_journal (store, stamp, info->name, id, json->str, error);
}

static gboolean
apply_update (SbStore      *store,
              SbTableInfo  *info,
              SbChange     *change,
              const char   *now,
              gint64        now_ms,
              gboolean     *out_changed,
              GError      **error)
{
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) update = NULL;
  g_autoptr(GString) json = g_string_new ("{");
  g_autoptr(GPtrArray) old_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *stamp = NULL;
  const char *id = sb_change_get_id (change);
  guint n = sb_change_get_n_values (change);
  sqlite3_stmt *stmt;
  int rc;

  *out_changed = FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (select, ", ");
      g_string_append_c (select, '"');
      g_string_append (select, sb_change_get_value (change, i)->column);
      g_string_append_c (select, '"');
    }
  if (n == 0)
    g_string_append (select, "1");
  g_string_append (select, " FROM \"");
  g_string_append (select, info->name);
  g_string_append (select, "\" WHERE id = ?");

  stmt = sb_store_prepare (store, select->str, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                   _("The record %s of %s does not exist"), id, info->name);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc,
                                             _("Reading the record"));
    }

  /* Only the fields whose value really changes are written, journaled
   * and audited. */
  for (guint i = 0; i < n; i++)
    {
      const SbChangeValue *value = sb_change_get_value (change, i);
      Cell old_cell = { 0 };
      Cell new_cell = { 0 };

      cell_from_column (&old_cell, stmt, i);
      cell_from_variant (&new_cell, value->value);

      if (cell_equal (&old_cell, &new_cell))
        continue;

      g_array_append_val (changed, i);
      g_ptr_array_add (old_texts, cell_to_text (&old_cell));
    }
  sqlite3_reset (stmt);

  if (changed->len == 0)
    return TRUE;

  stamp = sb_store_next_stamp (store, now_ms);

  update = g_string_new ("UPDATE \"");
  g_string_append (update, info->name);
  g_string_append (update, "\" SET updated_at = ?");
  for (guint k = 0; k < changed->len; k++)
    {
      guint i = g_array_index (changed, guint, k);

      g_string_append (update, ", \"");
      g_string_append (update, sb_change_get_value (change, i)->column);
      g_string_append (update, "\" = ?");
    }
  g_string_append (update, " WHERE id = ?");

  stmt = sb_store_prepare (store, update->str, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  g_string_append (json, "\"updated_at\":");
  sb_json_append_string (json, now);

  for (guint k = 0; k < changed->len; k++)
    {
      const SbChangeValue *value = sb_change_get_value (change, g_array_index (changed, guint, k));
      Cell cell = { 0 };

      cell_from_variant (&cell, value->value);
      cell_bind (&cell, stmt, 2 + k);

      g_string_append_c (json, ',');
      sb_json_append_string (json, value->column);
      g_string_append_c (json, ':');
      cell_append_json (&cell, json);
    }
  sqlite3_bind_text (stmt, 2 + changed->len, id, -1, SQLITE_STATIC);
  g_string_append_c (json, '}');

  if (!step_done (store, stmt, _("Saving the record"), error))
    return FALSE;

  if (!write_journal (store, stamp, info->name, id, json->str, error))
    return FALSE;

  for (guint k = 0; k < changed->len; k++)
    {
      const SbChangeValue *value = sb_change_get_value (change, g_array_index (changed, guint, k));
      Cell cell = { 0 };
      g_autofree char *new_text = NULL;

      cell_from_variant (&cell, value->value);
      new_text = cell_to_text (&cell);

      if (!write_audit (store, now, stamp, info->name, id, value->column,
                        g_ptr_array_index (old_texts, k), new_text, error))
        return FALSE;
    }

  *out_changed = TRUE;

  return TRUE;
}

static gboolean
apply_change (SbTransaction  *tx,
              SbChange       *change,
              gboolean       *out_changed,
              GError        **error)
{
  SbStore *store = tx->store;
  SbTableInfo *info;
  const char *now;
  gint64 now_ms;

  *out_changed = FALSE;

  info = sb_store_lookup_table (store, sb_change_get_table (change));
  if (info == NULL)
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                   "There is no register %s", sb_change_get_table (change));
      return FALSE;
    }

  if (!check_columns (info, change, error))
    return FALSE;

  /* Changes of one transaction mostly share their millisecond. */
  now_ms = sb_store_now_ms (store);
  if (tx->now == NULL || tx->now_ms != now_ms)
    {
      g_free (tx->now);
      tx->now = sb_time_format_instant (now_ms);
      tx->now_ms = now_ms;
    }
  now = tx->now;

  switch (sb_change_get_kind (change))
    {
    case SB_CHANGE_INSERT:
      {
        g_autofree char *stamp = sb_store_next_stamp (store, now_ms);
        gint64 rowid = 0;
        int indexed;

        if (!apply_insert (store, info, change, now, stamp, &rowid, error))
          return FALSE;

        indexed = indexed_table (info->name);
        if (indexed >= 0)
          {
            if (tx->indexed_first[indexed] == 0)
              tx->indexed_first[indexed] = rowid;
            tx->indexed_last[indexed] = rowid;
          }

        *out_changed = TRUE;
        return TRUE;
      }

    case SB_CHANGE_DELETE:
      {
        g_autoptr(SbChange) as_update = sb_change_update (info->name, sb_change_get_id (change));

        sb_change_set_int (as_update, "deleted", 1);
        return apply_update (store, info, as_update, now, now_ms, out_changed, error);
      }

    case SB_CHANGE_UPDATE:
    default:
      return apply_update (store, info, change, now, now_ms, out_changed, error);
    }
}

/* The savepoint statements of every change, prepared once and kept
 * with the store's other statements rather than parsed each time. */
static gboolean
savepoint_step (SbStore     *store,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = sb_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;

  return step_done (store, stmt, _("Saving the record"), error);
}

static void
rollback_change (SbStore *store)
{
  savepoint_step (store, "ROLLBACK TO sb_change", NULL);
  savepoint_step (store, "RELEASE sb_change", NULL);
}

/**
 * sb_store_begin:
 * @self: a store
 * @error: return location for a #GError
 *
 * Starts a write transaction (`BEGIN IMMEDIATE`) for several changes that
 * stand or fall together, such as an import.
 *
 * Returns: (transfer full) (nullable): the transaction; freeing it without
 *   sb_transaction_commit() rolls everything back
 */
SbTransaction *
sb_store_begin (SbStore  *self,
                GError  **error)
{
  SbTransaction *tx;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (self), NULL);

  if (sb_store_in_transaction (self))
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                   _("Another change to the book is still being written; try again when it "
                     "has finished"));
      return NULL;
    }

  if (!sb_store_ensure_locks (self, error))
    return NULL;

  rc = sqlite3_exec (sb_store_get_db (self), "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sb_store_set_error_from_sqlite (error, sb_store_get_db (self), rc, _("Starting to save"));
      return NULL;
    }

  sb_store_set_in_transaction (self, TRUE);

  tx = g_new0 (SbTransaction, 1);
  tx->store = g_object_ref (self);
  tx->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return tx;
}

/**
 * sb_transaction_apply:
 * @tx: a transaction
 * @change: the change
 * @error: return location for a #GError
 *
 * Applies one change inside the transaction. When it fails, nothing of
 * this change remains and the earlier changes of @tx are kept; in an
 * all-or-nothing transaction (sb_transaction_set_all_or_nothing()),
 * nothing of @tx is kept.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_transaction_apply (SbTransaction  *tx,
                      SbChange       *change,
                      GError        **error)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (tx != NULL, FALSE);
  g_return_val_if_fail (!tx->finished, FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (tx->all_or_nothing)
    {
      /* Without a savepoint a failed change may have left part of
       * itself: the transaction can only be rolled back now. */
      if (tx->failed)
        {
          g_set_error_literal (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                               _("An earlier change of this transaction failed; nothing of it is saved"));
          return FALSE;
        }
      if (!apply_change (tx, change, &changed, error))
        {
          tx->failed = TRUE;
          return FALSE;
        }
      if (changed)
        g_hash_table_add (tx->touched, g_strdup (sb_change_get_table (change)));
      return TRUE;
    }

  if (!savepoint_step (tx->store, "SAVEPOINT sb_change", error))
    return FALSE;

  if (!apply_change (tx, change, &changed, error))
    {
      rollback_change (tx->store);
      return FALSE;
    }

  if (!savepoint_step (tx->store, "RELEASE sb_change", error))
    {
      rollback_change (tx->store);
      return FALSE;
    }

  if (changed)
    g_hash_table_add (tx->touched, g_strdup (sb_change_get_table (change)));

  return TRUE;
}

/* Brings the full-text indexes up to date just before the commit, in a
 * few statements rather than one per row: an FTS5 table written inside a
 * transaction flushes at every statement savepoint afterwards, which
 * costs more than all the rest of a write.
 *   - the rows @tx inserted, from their rowid ranges;
 *   - the rows the update triggers noted in sb_fts_pending (migration
 *     0003), removed from the index and added again as they are now. */
static gboolean
flush_search_index (SbTransaction  *tx,
                    GError        **error)
{
  static const char *const inserted[N_INDEXED] = {
    [INDEXED_INCIDENT] =
    "INSERT INTO incident_fts (rowid, reference, title, description, resolution) "
    "SELECT rowid, reference, title, description, "
    "trim (coalesce (resolution_notes, '') || ' ' || coalesce (workaround, '')) "
    "FROM incident WHERE rowid BETWEEN ?1 AND ?2",
    [INDEXED_INCIDENT_EVENT] =
    "INSERT INTO incident_note_fts (rowid, body) "
    "SELECT rowid, body FROM incident_event WHERE rowid BETWEEN ?1 AND ?2 "
    "AND body IS NOT NULL AND kind IN ('note', 'escalation')",
  };
  static const char *const updated[] = {
    "DELETE FROM incident_fts WHERE rowid IN "
    "(SELECT row FROM sb_fts_pending WHERE tbl = 1)",
    "INSERT INTO incident_fts (rowid, reference, title, description, resolution) "
    "SELECT i.rowid, i.reference, i.title, i.description, "
    "trim (coalesce (i.resolution_notes, '') || ' ' || coalesce (i.workaround, '')) "
    "FROM sb_fts_pending p JOIN incident i ON i.rowid = p.row WHERE p.tbl = 1",
    "DELETE FROM incident_note_fts WHERE rowid IN "
    "(SELECT row FROM sb_fts_pending WHERE tbl = 2)",
    "INSERT INTO incident_note_fts (rowid, body) "
    "SELECT e.rowid, e.body FROM sb_fts_pending p "
    "JOIN incident_event e ON e.rowid = p.row WHERE p.tbl = 2",
    "DELETE FROM sb_fts_pending",
  };
  SbStore *store = tx->store;
  sqlite3_stmt *pending;
  int rc;

  for (guint i = 0; i < N_INDEXED; i++)
    {
      sqlite3_stmt *stmt;

      if (tx->indexed_first[i] == 0)
        continue;

      stmt = sb_store_prepare (store, inserted[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, tx->indexed_first[i]);
      sqlite3_bind_int64 (stmt, 2, tx->indexed_last[i]);
      if (!step_done (store, stmt, _("Updating the search index"), error))
        return FALSE;
    }

  pending = sb_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM sb_fts_pending)", error);
  if (pending == NULL)
    return FALSE;
  rc = sqlite3_step (pending);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (pending);
      return sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc,
                                             _("Updating the search index"));
    }
  if (sqlite3_column_int (pending, 0) == 0)
    {
      sqlite3_reset (pending);
      return TRUE;
    }
  sqlite3_reset (pending);

  for (guint i = 0; i < G_N_ELEMENTS (updated); i++)
    {
      sqlite3_stmt *stmt = sb_store_prepare (store, updated[i], error);

      if (stmt == NULL)
        return FALSE;
      if (!step_done (store, stmt, _("Updating the search index"), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sb_transaction_commit:
 * @tx: a transaction
 * @error: return location for a #GError
 *
 * Makes every change of @tx permanent, then tells the store's listeners
 * which registers changed. On failure everything is rolled back.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_transaction_commit (SbTransaction  *tx,
                       GError        **error)
{
  GHashTableIter iter;
  const char *table;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (tx != NULL, FALSE);
  g_return_val_if_fail (!tx->finished, FALSE);

  db = sb_store_get_db (tx->store);
  tx->finished = TRUE;
  sb_store_set_in_transaction (tx->store, FALSE);

  if (tx->failed)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error_literal (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                           _("An earlier change of this transaction failed; nothing of it is saved"));
      return FALSE;
    }

  if (!flush_search_index (tx, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sb_store_set_error_from_sqlite (error, db, rc, _("Saving the changes"));
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, tx->touched);
  while (g_hash_table_iter_next (&iter, (gpointer *)&table, NULL))
    sb_store_emit_changed (tx->store, table);

  return TRUE;
}

/**
 * sb_transaction_get_store:
 * @tx: an open transaction
 *
 * Returns: (transfer none): the store @tx writes to
 */
SbStore *
sb_transaction_get_store (SbTransaction *tx)
{
  g_return_val_if_fail (tx != NULL, NULL);

  return tx->store;
}

/**
 * sb_transaction_delete_rows:
 * @tx: an open transaction
 * @table: a register
 * @ids: (element-type utf8): ids of rows of @table
 * @undelete: %TRUE to bring them back instead
 * @error: return location for a #GError
 *
 * Tombstones (or brings back) each row of @ids, one change each.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_transaction_delete_rows (SbTransaction  *tx,
                            const char     *table,
                            GPtrArray      *ids,
                            gboolean        undelete,
                            GError        **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(SbChange) change = undelete ? sb_change_undelete (table, id)
                                            : sb_change_delete (table, id);

      if (!sb_transaction_apply (tx, change, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sb_transaction_set_all_or_nothing:
 * @tx: an open transaction, before its first change
 *
 * Makes @tx stand or fall as a whole, as an import does: its changes run
 * without a savepoint each (a savepoint copies every page a change
 * touches once more), and once a change has failed, @tx refuses further
 * changes and its commit, so that nothing of it is kept. For callers
 * that give up at the first failed change anyway.
 */
void
sb_transaction_set_all_or_nothing (SbTransaction *tx)
{
  g_return_if_fail (tx != NULL);
  g_return_if_fail (!tx->finished);

  tx->all_or_nothing = TRUE;
}

void
sb_transaction_free (SbTransaction *tx)
{
  if (tx == NULL)
    return;

  if (!tx->finished)
    {
      sqlite3_exec (sb_store_get_db (tx->store), "ROLLBACK", NULL, NULL, NULL);
      sb_store_set_in_transaction (tx->store, FALSE);
    }

  g_hash_table_unref (tx->touched);
  g_object_unref (tx->store);
  g_free (tx->now);
  g_free (tx);
}

/**
 * sb_store_apply:
 * @self: a store
 * @change: the change
 * @error: return location for a #GError
 *
 * Applies one change in a transaction of its own.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_store_apply (SbStore   *self,
                SbChange  *change,
                GError   **error)
{
  g_autoptr(SbTransaction) tx = NULL;

  g_return_val_if_fail (SB_IS_STORE (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  tx = sb_store_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_transaction_apply (tx, change, error))
    return FALSE;

  return sb_transaction_commit (tx, error);
}

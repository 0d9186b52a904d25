/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"
/* F_OFD_GETLK (Linux open-file-description locks) */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "sb-hlc.h"
#include "sb-money.h"
#include "sb-time.h"
#include "sb-store-private.h"

struct _SbStore
{
  GObject           parent_instance;

  sqlite3          *db;
  char             *path;
  char             *device_id;
  char             *base_currency;
  SbHlc            *hlc;

  GHashTable       *statements;   /* SQL text -> sqlite3_stmt */
  GHashTable       *tables;       /* name -> SbTableInfo */

  SbStoreClockFunc  clock_func;
  gpointer          clock_data;

  /* Kept open for the store's whole life to look at SQLite's locks on the
   * book's shared-memory file; never closed while the connection is
   * open, as closing any descriptor of a file drops the process's locks
   * on it (sb_store_ensure_locks()). -1: none. */
  int               shm_fd;

  guint             in_transaction : 1;
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_BASE_CURRENCY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbStore, sb_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (sb-store-error-quark, sb_store_error)

static void
table_info_free (gpointer data)
{
  SbTableInfo *info = data;

  g_free (info->name);
  g_hash_table_unref (info->columns);
  g_free (info);
}

static void
sb_store_finalize (GObject *object)
{
  SbStore *self = (SbStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->tables, g_hash_table_unref);
  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_critical ("Closing %s left statements open: %s",
                    self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }
  /* After the connection: its locks are gone with it anyway. */
  if (self->shm_fd >= 0)
    close (self->shm_fd);
  self->shm_fd = -1;
  g_clear_pointer (&self->hlc, sb_hlc_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->device_id, g_free);
  g_clear_pointer (&self->base_currency, g_free);

  G_OBJECT_CLASS (sb_store_parent_class)->finalize (object);
}

static void
sb_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SbStore *self = SB_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_BASE_CURRENCY:
      g_value_set_string (value, self->base_currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_store_class_init (SbStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_store_finalize;
  object_class->get_property = sb_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_BASE_CURRENCY] =
    g_param_spec_string ("base-currency", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbStore::changed:
   * @store: the store
   * @table: the register whose records changed
   *
   * Emitted after a transaction that changed @table was committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
sb_store_init (SbStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, finalize_statement);
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal,
                                        NULL, table_info_free);
  self->shm_fd = -1;
}

/*
 * Lost locks.
 *
 * SQLite coordinates the processes sharing a book with POSIX advisory
 * locks, and POSIX drops ALL of a process's locks on a file as soon as
 * the process closes ANY descriptor of that file. GTK's file chooser does
 * exactly that when it lists the book's folder: it reads the first bytes
 * of book.sqlite-shm and book.sqlite-wal to guess their type. Another
 * process opening the book then believes it is alone, folds the WAL into
 * the book and deletes it, while this connection goes on writing into the
 * deleted file: every later change would be lost.
 *
 * SQLite holds a shared lock on the "dead man switch" byte of the -shm
 * file for as long as the connection is open. Open-file-description locks
 * conflict with POSIX locks even within one process, so asking (F_OFD_GETLK)
 * whether an exclusive lock on that byte could be taken tells whether our
 * own shared lock is still there. When it is gone the connection is
 * closed, without the checkpoint another process may already have made,
 * and opened again, which takes the locks anew. This runs before every
 * write transaction.
 */
static gboolean load_tables (SbStore *self, GError **error);

#define SHM_DMS_OFFSET 128   /* (22 + 8) × 4 + 8: see SQLite's os_unix.c, UNIX_SHM_DMS */

static void
watch_shm (SbStore *self)
{
#ifdef F_OFD_GETLK
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);

  if (self->shm_fd < 0)
    self->shm_fd = open (shm, O_RDONLY | O_CLOEXEC);
#endif
}

static gboolean
locks_lost (SbStore *self)
{
#ifdef F_OFD_GETLK
  struct flock probe = { 0 };

  if (self->shm_fd < 0)
    return FALSE;

  probe.l_type = F_WRLCK;
  probe.l_whence = SEEK_SET;
  probe.l_start = SHM_DMS_OFFSET;
  probe.l_len = 1;
  if (fcntl (self->shm_fd, F_OFD_GETLK, &probe) != 0)
    return FALSE;

  /* Nobody, not even this process, holds the byte: our lock is gone. */
  return probe.l_type == F_UNLCK;
#else
  return FALSE;
#endif
}

/**
 * sb_store_ensure_locks:
 * @self: a #SbStore
 * @error: return location for a #GError
 *
 * Makes sure this process still holds SQLite's locks on the book, and
 * reopens the connection when something in the process dropped them (see
 * the comment above). Cheap: one fcntl() call when all is well.
 *
 * Returns: %TRUE when the connection can be used
 */
gboolean
sb_store_ensure_locks (SbStore  *self,
                       GError  **error)
{
  sqlite3 *fresh = NULL;

  g_return_val_if_fail (SB_IS_STORE (self), FALSE);

  if (self->in_transaction || !locks_lost (self))
    return TRUE;

  g_message ("The book’s file locks were dropped; reopening %s", self->path);

  /* Close without folding the WAL into the book: another process may
   * already have done so, and this connection's view of it is stale. */
  g_hash_table_remove_all (self->statements);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  /* Before the new connection takes its locks: closing this descriptor
   * afterwards would drop them again. */
  close (self->shm_fd);
  self->shm_fd = -1;

  if (!sb_store_open_connection (self->path, &fresh, error))
    return FALSE;
  self->db = fresh;

  if (!load_tables (self, error))
    return FALSE;
  watch_shm (self);

  return TRUE;
}

static gint64
default_clock (gpointer user_data)
{
  return sb_time_now_ms ();
}

static SbColumnKind
column_kind (const char *column)
{
  if (g_str_equal (column, "id") || g_str_equal (column, "created_at") ||
      g_str_equal (column, "updated_at"))
    return SB_COLUMN_STAMPED;
  if (g_str_equal (column, "deleted"))
    return SB_COLUMN_DELETED;

  return SB_COLUMN_FIELD;
}

/* Registers are the tables that carry the record columns every synced
 * record has. They are read from the schema so that a migration adding a
 * register needs no code here. */
static gboolean
load_tables (SbStore  *self,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) list = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT m.name, p.name FROM sqlite_schema AS m, "
                           "pragma_table_info (m.name) AS p "
                           "WHERE m.type = 'table' AND m.name NOT LIKE 'sb\\_%' ESCAPE '\\' "
                           "AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                           "ORDER BY m.name",
                           -1, &list, NULL);
  if (rc != SQLITE_OK)
    return sb_store_set_error_from_sqlite (error, self->db, rc, _("Reading the schema"));

  g_hash_table_remove_all (self->tables);

  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      const char *table = (const char *)sqlite3_column_text (list, 0);
      const char *column = (const char *)sqlite3_column_text (list, 1);
      SbTableInfo *info = g_hash_table_lookup (self->tables, table);

      if (info == NULL)
        {
          info = g_new0 (SbTableInfo, 1);
          info->name = g_strdup (table);
          info->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (self->tables, info->name, info);
        }

      g_hash_table_insert (info->columns, g_strdup (column), GINT_TO_POINTER (column_kind (column)));
    }

  if (rc != SQLITE_DONE)
    return sb_store_set_error_from_sqlite (error, self->db, rc, _("Reading the schema"));

  /* Keep only the tables that are registers. */
  {
    GHashTableIter iter;
    SbTableInfo *info;
    static const char * const record_columns[] = { "id", "created_at", "updated_at", "deleted" };

    g_hash_table_iter_init (&iter, self->tables);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&info))
      {
        for (guint i = 0; i < G_N_ELEMENTS (record_columns); i++)
          {
            if (!g_hash_table_contains (info->columns, record_columns[i]))
              {
                g_hash_table_iter_remove (&iter);
                break;
              }
          }
      }
  }

  return TRUE;
}

static char *
read_meta (SbStore    *self,
           const char *key)
{
  sqlite3_stmt *stmt = sb_store_prepare (self, "SELECT value FROM sb_meta WHERE key = ?", NULL);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      return value;
    }

  sqlite3_reset (stmt);
  return NULL;
}

static gboolean
write_meta (SbStore     *self,
            const char  *key,
            const char  *value,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (self, "INSERT OR REPLACE INTO sb_meta (key, value) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return sb_store_set_error_from_sqlite (error, self->db, rc, _("Saving the book’s settings"));

  return TRUE;
}

/* A new book takes the currency of the user's locale when there is one. */
static char *
guess_base_currency (void)
{
  const char *from_locale = NULL;
  struct lconv *conv = localeconv ();
  g_autofree char *code = NULL;

  if (conv != NULL)
    from_locale = conv->int_curr_symbol;

  if (from_locale != NULL && strlen (from_locale) >= 3)
    {
      code = g_strndup (from_locale, 3);
      if (sb_currency_is_valid (code))
        return g_steal_pointer (&code);
    }

  return g_strdup ("EUR");
}

/* Takes ownership of @db, also when it fails. */
SbStore *
sb_store_new_for_db (sqlite3     *db,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(SbStore) self = g_object_new (SB_TYPE_STORE, NULL);
  g_autofree char *newest = NULL;
  g_autofree char *currency = NULL;

  self->db = db;
  self->path = g_strdup (path);
  self->clock_func = default_clock;

  if (!load_tables (self, error))
    return NULL;

  /* Reading the tables made SQLite create and lock the -shm file. */
  watch_shm (self);

  self->device_id = read_meta (self, "device-id");
  if (self->device_id == NULL)
    {
      self->device_id = sb_hlc_new_node_id ();
      if (!write_meta (self, "device-id", self->device_id, error))
        return NULL;
    }

  self->hlc = sb_hlc_new (self->device_id);

  {
    sqlite3_stmt *stmt = sb_store_prepare (self, "SELECT max(hlc) FROM sb_journal", NULL);

    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW &&
        sqlite3_column_type (stmt, 0) != SQLITE_NULL)
      sb_hlc_observe (self->hlc, (const char *)sqlite3_column_text (stmt, 0));
    if (stmt != NULL)
      sqlite3_reset (stmt);
  }

  currency = sb_store_get_setting (self, "base-currency");
  if (currency == NULL)
    {
      g_autofree char *guess = guess_base_currency ();

      if (!sb_store_set_setting (self, "base-currency", guess, error))
        return NULL;
    }
  else
    {
      self->base_currency = g_steal_pointer (&currency);
    }

  return g_steal_pointer (&self);
}

/**
 * sb_store_get_default_path:
 *
 * Where a book lives when the user has not chosen another place:
 * `$XDG_DATA_HOME/servicebook/book.sqlite`.
 *
 * Returns: (transfer full): the path
 */
char *
sb_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "servicebook", "book.sqlite", NULL);
}

const char *
sb_store_get_path (SbStore *self)
{
  g_return_val_if_fail (SB_IS_STORE (self), NULL);

  return self->path;
}

const char *
sb_store_get_device_id (SbStore *self)
{
  g_return_val_if_fail (SB_IS_STORE (self), NULL);

  return self->device_id;
}

int
sb_store_get_schema_version (SbStore *self)
{
  sqlite3_stmt *stmt;
  int version = 0;

  g_return_val_if_fail (SB_IS_STORE (self), 0);

  stmt = sb_store_prepare (self, "PRAGMA user_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return version;
}

/**
 * sb_store_get_setting:
 * @self: a store
 * @key: the setting's name
 *
 * Reads a book-wide setting.
 *
 * Returns: (transfer full) (nullable): its value, or %NULL when unset
 */
char *
sb_store_get_setting (SbStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (SB_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = sb_store_prepare (self, "SELECT value FROM book_setting WHERE id = ? AND deleted = 0", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return value;
}

/* The change that sets the book setting @key to @value: an insert or an
 * update of its book_setting row. NULL with @out_unchanged set when the
 * setting already has that value; NULL with @error set on a read failure. */
static SbChange *
setting_change (SbStore     *self,
                const char  *key,
                const char  *value,
                gboolean    *out_unchanged,
                GError     **error)
{
  SbChange *change;
  sqlite3_stmt *stmt;
  gboolean exists;
  int rc;

  *out_unchanged = FALSE;

  stmt = sb_store_prepare (self, "SELECT value FROM book_setting WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  exists = rc == SQLITE_ROW;
  *out_unchanged = exists && g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), value) == 0;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sb_store_set_error_from_sqlite (error, self->db, rc, _("Reading the book settings"));
      return NULL;
    }
  if (*out_unchanged)
    return NULL;

  change = exists ? sb_change_update ("book_setting", key)
                  : sb_change_insert_with_id ("book_setting", key);
  sb_change_set_string (change, "value", value);

  return change;
}

/**
 * sb_transaction_set_setting:
 * @tx: an open transaction
 * @key: the setting's name
 * @value: (nullable): its value
 * @error: return location for a #GError
 *
 * Sets a book setting as part of @tx (an import remembering its mapping,
 * sample data): the change sb_store_set_setting() makes on its own.
 * Nothing is written when the setting already has the value.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_transaction_set_setting (SbTransaction  *tx,
                            const char     *key,
                            const char     *value,
                            GError        **error)
{
  g_autoptr(SbChange) change = NULL;
  gboolean unchanged = FALSE;

  g_return_val_if_fail (tx != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  change = setting_change (sb_transaction_get_store (tx), key, value, &unchanged, error);
  if (change == NULL)
    return unchanged;

  return sb_transaction_apply (tx, change, error);
}

/**
 * sb_store_set_setting:
 * @self: a store
 * @key: the setting's name
 * @value: (nullable): the new value
 * @error: return location for a #GError
 *
 * Writes a book-wide setting through the write path, so that it is audited
 * and synced like any other record.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_store_set_setting (SbStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(SbChange) change = NULL;
  gboolean unchanged = FALSE;

  g_return_val_if_fail (SB_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  change = setting_change (self, key, value, &unchanged, error);
  if (change == NULL)
    return unchanged;

  /* The cached value is right before "changed" is emitted, so listeners
   * that refresh on it read the new one. */
  if (g_str_equal (key, "base-currency") && g_strcmp0 (self->base_currency, value) != 0)
    {
      g_autofree char *previous = g_steal_pointer (&self->base_currency);

      self->base_currency = g_strdup (value);
      if (!sb_store_apply (self, change, error))
        {
          g_free (self->base_currency);
          self->base_currency = g_steal_pointer (&previous);
          return FALSE;
        }

      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_CURRENCY]);
      return TRUE;
    }

  return sb_store_apply (self, change, error);
}

const char *
sb_store_get_base_currency (SbStore *self)
{
  g_return_val_if_fail (SB_IS_STORE (self), NULL);

  return self->base_currency;
}

/**
 * sb_store_set_base_currency:
 * @self: a store
 * @currency: an ISO 4217 code such as `EUR`
 * @error: return location for a #GError
 *
 * Sets the currency the book's totals are kept in.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_store_set_base_currency (SbStore     *self,
                            const char  *currency,
                            GError     **error)
{
  g_return_val_if_fail (SB_IS_STORE (self), FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);

  if (!sb_currency_is_valid (currency))
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                   _("“%s” is not an ISO 4217 currency code such as EUR or USD"),
                   currency);
      return FALSE;
    }

  return sb_store_set_setting (self, "base-currency", currency, error);
}

gboolean
sb_store_get_welcome_done (SbStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (SB_IS_STORE (self), FALSE);

  value = read_meta (self, "welcome-done");

  return g_strcmp0 (value, "1") == 0;
}

gboolean
sb_store_set_welcome_done (SbStore  *self,
                           GError  **error)
{
  g_return_val_if_fail (SB_IS_STORE (self), FALSE);

  if (!write_meta (self, "welcome-done", "1", error))
    return FALSE;

  sb_store_emit_changed (self, "sb_meta");

  return TRUE;
}

/**
 * sb_store_count_records:
 * @self: a store
 *
 * Counts the live records of every register (book settings and the
 * built-in records aside): zero means the book is still empty.
 *
 * Returns: the number of records that are not deleted
 */
gint64
sb_store_count_records (SbStore *self)
{
  GHashTableIter iter;
  SbTableInfo *info;
  gint64 total = 0;

  g_return_val_if_fail (SB_IS_STORE (self), 0);

  g_hash_table_iter_init (&iter, self->tables);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&info))
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      if (g_str_equal (info->name, "book_setting"))
        continue;

      sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE deleted = 0 "
                             "AND id NOT LIKE '" SB_STORE_BUILTIN_PREFIX "%%'", info->name);
      stmt = sb_store_prepare (self, sql, NULL);
      if (stmt == NULL)
        continue;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        total += sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  return total;
}

/* Private API */

/* After a schema change made outside the migrations (tests only). */
gboolean
sb_store_reload_tables (SbStore  *self,
                        GError  **error)
{
  g_return_val_if_fail (SB_IS_STORE (self), FALSE);

  g_hash_table_remove_all (self->statements);

  return load_tables (self, error);
}

sqlite3 *
sb_store_get_db (SbStore *self)
{
  g_return_val_if_fail (SB_IS_STORE (self), NULL);

  return self->db;
}

/* Statements are prepared once and kept: the same SQL text gives back the
 * same statement, reset and with its bindings cleared. Callers reset it
 * again when they are done stepping. */
sqlite3_stmt *
sb_store_prepare (SbStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sb_store_set_error_from_sqlite (error, self->db, rc, _("Preparing a query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
sb_store_exec (SbStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc;

  g_return_val_if_fail (SB_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sb_store_set_error_from_sqlite (error, self->db, rc, NULL);

  return TRUE;
}

SbTableInfo *
sb_store_lookup_table (SbStore    *self,
                       const char *table)
{
  g_return_val_if_fail (SB_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->tables, table);
}

gint64
sb_store_now_ms (SbStore *self)
{
  return self->clock_func (self->clock_data);
}

void
sb_store_set_clock_func (SbStore          *self,
                         SbStoreClockFunc  func,
                         gpointer          user_data)
{
  g_return_if_fail (SB_IS_STORE (self));

  self->clock_func = func ? func : default_clock;
  self->clock_data = user_data;
}

char *
sb_store_next_stamp (SbStore *self,
                     gint64   now_ms)
{
  return sb_hlc_next (self->hlc, now_ms);
}

void
sb_store_emit_changed (SbStore    *self,
                       const char *table)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
}

/**
 * sb_store_collect_ids:
 * @self: a store
 * @sql: a query whose first column is an id, with at most one parameter
 * @arg: (nullable): the parameter's value
 * @out: (element-type utf8): where the ids go
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sb_store_collect_ids (SbStore     *self,
                      const char  *sql,
                      const char  *arg,
                      GPtrArray   *out,
                      GError     **error)
{
  sqlite3_stmt *stmt = sb_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return sb_store_set_error_from_sqlite (error, self->db, rc, _("Reading the records"));

  return TRUE;
}

/**
 * sb_store_in_transaction:
 * @self: a store
 *
 * Whether a write transaction is open, such as an import written a slice
 * at a time: the book takes no other change until it ends, and a reader
 * on this connection sees what is not committed yet.
 *
 * Returns: %TRUE while a transaction is open
 */
gboolean
sb_store_in_transaction (SbStore *self)
{
  g_return_val_if_fail (SB_IS_STORE (self), FALSE);

  return self->in_transaction;
}

void
sb_store_set_in_transaction (SbStore  *self,
                             gboolean  in_transaction)
{
  self->in_transaction = !!in_transaction;
}

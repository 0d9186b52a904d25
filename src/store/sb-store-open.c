/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sb-store-private.h"

#define MIGRATIONS_PATH "/io/github/servicebook/Servicebook/store/migrations"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_backup, sqlite3_backup_finish)

/**
 * sb_store_set_error_from_sqlite:
 * @error: return location for a #GError
 * @db: (nullable): the connection, for SQLite's own detail
 * @rc: the SQLite result code
 * @doing: (nullable): what we were doing, in words
 *
 * Turns a SQLite failure into a #GError a person can act on.
 *
 * Returns: %FALSE, always, so callers can `return sb_store_set_error_from_sqlite (…)`
 */
gboolean
sb_store_set_error_from_sqlite (GError     **error,
                                sqlite3     *db,
                                int          rc,
                                const char  *doing)
{
  const char *reason;
  const char *detail;
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = SB_STORE_ERROR_IO;
      reason = _("the disk is full; free some space and try again");
      break;

    case SQLITE_IOERR:
      code = SB_STORE_ERROR_IO;
      reason = _("the disk could not be read or written");
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      code = SB_STORE_ERROR_IO;
      reason = _("the file cannot be opened for writing; check where it is and its permissions");
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = SB_STORE_ERROR_CORRUPT;
      reason = _("the book is damaged");
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = SB_STORE_ERROR_BUSY;
      reason = _("another program is using the book; close it and try again");
      break;

    case SQLITE_CONSTRAINT:
      code = SB_STORE_ERROR_CONSTRAINT;
      reason = _("the change breaks a rule of the book");
      break;

    default:
      code = SB_STORE_ERROR_FAILED;
      reason = _("the database reported an error");
      break;
    }

  detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (doing != NULL)
    g_set_error (error, SB_STORE_ERROR, code, "%s: %s (%s)", doing, reason, detail);
  else
    g_set_error (error, SB_STORE_ERROR, code, "%s (%s)", reason, detail);

  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The migrations are the files NNNN-name.sql in the resource, numbered
 * from 1 without gaps. */
static char **
list_migrations (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);

  if (names == NULL)
    return g_new0 (char *, 1);

  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  return g_steal_pointer (&names);
}

/**
 * sb_store_get_latest_schema_version:
 *
 * The newest book format this program knows.
 *
 * Returns: the number of the last migration
 */
int
sb_store_get_latest_schema_version (void)
{
  static int latest = -1;

  if (latest < 0)
    {
      g_auto(GStrv) names = list_migrations ();
      int count = 0;

      for (guint i = 0; names[i] != NULL; i++)
        {
          /* A gap or a stray file is a packaging bug, caught by the tests. */
          g_assert (g_ascii_strtoll (names[i], NULL, 10) == (gint64)i + 1);
          count++;
        }

      latest = count;
    }

  return latest;
}

char *
sb_store_load_migration (int      version,
                         GError **error)
{
  g_auto(GStrv) names = list_migrations ();
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (version < 1 || (guint)version > g_strv_length (names))
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_FAILED,
                   "There is no migration %d", version);
      return NULL;
    }

  path = g_build_path ("/", MIGRATIONS_PATH, names[version - 1], NULL);
  bytes = g_resources_lookup_data (path, 0, error);
  if (bytes == NULL)
    return NULL;

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return sb_store_set_error_from_sqlite (error, db, rc, NULL);

  *out = sqlite3_column_int (stmt, 0);

  return TRUE;
}

/* The references to missing records (PRAGMA foreign_key_check), or -1
 * when they cannot be counted. */
static gint64
count_broken_references (sqlite3 *db)
{
  sqlite3_stmt *check = NULL;
  gint64 n = 0;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &check, NULL) != SQLITE_OK)
    return -1;
  while ((rc = sqlite3_step (check)) == SQLITE_ROW)
    n++;
  sqlite3_finalize (check);

  return rc == SQLITE_DONE ? n : -1;
}

/* The table of the first broken reference, for the message. */
static char *
first_broken_table (sqlite3 *db)
{
  sqlite3_stmt *check = NULL;
  char *table = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &check, NULL) == SQLITE_OK &&
      sqlite3_step (check) == SQLITE_ROW)
    table = g_strdup ((const char *)sqlite3_column_text (check, 0));
  sqlite3_finalize (check);

  return table;
}

/* Applies migration @next in a transaction of its own; fails if it left
 * more broken references than the @broken_before the book had. */
static gboolean
apply_migration (sqlite3  *db,
                 int       next,
                 gint64    broken_before,
                 GError  **error)
{
  g_autofree char *sql = sb_store_load_migration (next, error);
  g_autofree char *stamp = NULL;
  g_autofree char *doing = NULL;
  int rc;

  if (sql == NULL)
    return FALSE;

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sb_store_set_error_from_sqlite (error, db, rc, _("Updating the book’s format"));

  doing = g_strdup_printf (_("Updating the book to format %d"), next);
  stamp = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                           next, SB_STORE_APPLICATION_ID);

  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      gint64 broken = count_broken_references (db);

      if (broken > broken_before)
        {
          g_autofree char *table = first_broken_table (db);

          g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_FAILED,
                       _("%s: the update would leave records of %s that refer to missing "
                         "records; the book is left as it was"),
                       doing, table != NULL ? table : "?");
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (broken < 0)
        rc = sqlite3_errcode (db);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, stamp, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      sb_store_set_error_from_sqlite (error, db, rc, doing);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_store_migrate_to:
 * @db: an open, writable connection
 * @target_version: the schema version to reach
 * @error: return location for a #GError
 *
 * Applies the numbered migrations after the book's `user_version` up to
 * @target_version, each in a transaction of its own.
 *
 * Returns: %TRUE when the book is at @target_version
 */
gboolean
sb_store_migrate_to (sqlite3  *db,
                     int       target_version,
                     GError  **error)
{
  int version = 0;
  int foreign_keys = 0;
  gint64 broken;
  gboolean ok = TRUE;

  if (!query_int (db, "PRAGMA user_version", &version, error) ||
      !query_int (db, "PRAGMA foreign_keys", &foreign_keys, error))
    return FALSE;
  if (version >= target_version)
    return TRUE;
  /* The pragma below would do nothing inside a transaction. */
  g_return_val_if_fail (sqlite3_get_autocommit (db), FALSE);

  /* SQLite's procedure for changing a table: with foreign keys off (the
   * pragma does nothing inside a transaction), so that a migration can
   * rebuild a table others refer to, and checked before each commit. A
   * book that already had broken references (damaged elsewhere) is still
   * updated, as long as the update breaks none. */
  sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  broken = count_broken_references (db);
  if (broken < 0)
    ok = sb_store_set_error_from_sqlite (error, db, sqlite3_errcode (db),
                                         _("Updating the book’s format"));

  for (int next = version + 1; ok && next <= target_version; next++)
    ok = apply_migration (db, next, broken, error);

  if (foreign_keys)
    sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

  return ok;
}

typedef struct
{
  gboolean is_new;          /* an empty file or an empty database */
  int      schema_version;
} FileCheck;

static gboolean
has_sqlite_header (const char  *path,
                   gboolean    *is_empty,
                   GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  FILE *file;
  size_t n;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_IO,
                   _("“%s” cannot be read: %s"), path, g_strerror (saved));
      return FALSE;
    }

  n = fread (header, 1, sizeof header, file);
  fclose (file);

  *is_empty = n == 0;

  return n == sizeof header && memcmp (header, magic, sizeof header) == 0;
}

/**
 * sb_store_configure_sqlite:
 *
 * Sets SQLite up for this process, once, before its first use: no
 * memory statistics. Keeping them costs a global mutex on every
 * allocation, a tenth of the time of a large import, and nothing reads
 * them. Every way this file opens a book calls it first; so does the
 * benchmarks' bare-SQLite floor, so that both run on the same SQLite.
 */
void
sb_store_configure_sqlite (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      /* Refused (SQLITE_MISUSE) when another part of the process used
       * SQLite first: then it just keeps its defaults. */
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

static int
open_v2 (const char  *path,
         sqlite3    **out_db,
         int          flags,
         const char  *vfs)
{
  sb_store_configure_sqlite ();

  return sqlite3_open_v2 (path, out_db, flags, vfs);
}

/* Looks at an existing file without changing it: the connection is
 * read-only, and nothing is written until every check passed. */
static gboolean
check_existing_file (const char  *path,
                     gboolean     full_check,
                     FileCheck   *out,
                     GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean is_empty = FALSE;
  int app_id = 0;
  int n_objects = 0;
  int latest = sb_store_get_latest_schema_version ();
  int rc;
  g_autoptr(GError) local_error = NULL;

  memset (out, 0, sizeof *out);

  if (!has_sqlite_header (path, &is_empty, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (is_empty)
        {
          out->is_new = TRUE;
          return TRUE;
        }

      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_FOREIGN,
                   _("“%s” is not a Servicebook book: it is not a database file. "
                     "Servicebook left it unchanged."), path);
      return FALSE;
    }

  rc = open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *doing = g_strdup_printf (_("Opening “%s”"), path);

      return sb_store_set_error_from_sqlite (error, db, rc, doing);
    }

  if (!query_int (db, "PRAGMA application_id", &app_id, &local_error) ||
      !query_int (db, "PRAGMA user_version", &out->schema_version, &local_error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, &local_error))
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read (%s). Restore it from a "
                     "backup; Servicebook left it unchanged."),
                   path, local_error->message);
      return FALSE;
    }

  if (app_id != SB_STORE_APPLICATION_ID)
    {
      if (app_id == 0 && n_objects == 0 && out->schema_version == 0)
        {
          out->is_new = TRUE;
          return TRUE;
        }

      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_FOREIGN,
                   _("“%s” is not a Servicebook book: it is a database made by "
                     "another program. Servicebook left it unchanged."), path);
      return FALSE;
    }

  if (out->schema_version > latest)
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_NEWER,
                   _("“%s” was saved by a newer version of Servicebook (book format %d; "
                     "this version reads up to format %d). Update Servicebook to open it; "
                     "the file was left unchanged."),
                   path, out->schema_version, latest);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (db, full_check ? "PRAGMA integrity_check (20)" : "PRAGMA quick_check (20)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      g_autoptr(GString) problems = g_string_new (NULL);
      guint n_problems = 0;

      /* A person needs the first problem and how many there are, not a
       * page of b-tree offsets. */
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *row = (const char *)sqlite3_column_text (stmt, 0);
          g_auto(GStrv) lines = g_strsplit (row ? row : "", "\n", -1);

          /* One row may hold several problems, one per line, after a
           * "*** in database main ***" heading. */
          for (guint i = 0; lines[i] != NULL; i++)
            {
              if (*lines[i] == '\0' || g_str_equal (lines[i], "ok") ||
                  g_str_has_prefix (lines[i], "***"))
                continue;
              if (n_problems++ == 0)
                g_string_append (problems, lines[i]);
            }
        }

      if (n_problems > 1)
        g_string_append_printf (problems,
                                g_dngettext (GETTEXT_PACKAGE, " and %u more problem",
                                             " and %u more problems", n_problems - 1),
                                n_problems - 1);

      if (rc == SQLITE_DONE && problems->len == 0)
        return TRUE;

      if (problems->len == 0)
        g_string_append (problems, sqlite3_errmsg (db));

      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). Restore it from a backup with "
                     "“servicebook restore”; Servicebook left it unchanged."),
                   path, problems->str);
      return FALSE;
    }

  g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_CORRUPT,
               _("“%s” is damaged and cannot be checked (%s). Restore it from a "
                 "backup; Servicebook left it unchanged."),
               path, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
ensure_parent_dir (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_IO,
                   _("The folder “%s” cannot be created: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_store_open_connection:
 * @path: the book's file
 * @out_db: (out): the connection
 * @error: return location for a #GError
 *
 * Opens a connection to @path with the book's connection settings (WAL,
 * foreign keys, busy timeout, cache), creating the file if needed. No
 * checks and no migrations: sb_store_open() does those first.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_store_open_connection (const char  *path,
                          sqlite3    **out_db,
                          GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  int rc;

  rc = open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *doing = g_strdup_printf (_("Opening “%s”"), path);

      return sb_store_set_error_from_sqlite (error, db, rc, doing);
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);

  rc = sqlite3_exec (db,
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = NORMAL;"
                     "PRAGMA temp_store = MEMORY;"
                     /* A 32 MiB page cache keeps a large import from
                      * spilling pages. No memory map: mapped pages of a
                      * large book would count as the app's own memory. */
                     "PRAGMA cache_size = -32768;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *doing = g_strdup_printf (_("Opening “%s”"), path);

      return sb_store_set_error_from_sqlite (error, db, rc, doing);
    }

  *out_db = g_steal_pointer (&db);

  return TRUE;
}

/**
 * sb_store_open:
 * @path: the book's file
 * @flags: %SB_STORE_OPEN_CREATE to create a missing book
 * @error: return location for a #GError
 *
 * Opens a book: checks that the file is a Servicebook book this version
 * can read and that it is not damaged, then applies the connection
 * settings and any pending migrations. A file that fails a check is
 * refused and left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SbStore *
sb_store_open (const char        *path,
               SbStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(sqlite3) db = NULL;
  FileCheck check = { 0 };

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!check_existing_file (path, FALSE, &check, error))
        return NULL;
    }
  else if ((flags & SB_STORE_OPEN_CREATE) == 0)
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_MISSING,
                   _("There is no book at “%s”."), path);
      return NULL;
    }
  else if (!ensure_parent_dir (path, error))
    {
      return NULL;
    }

  if (!sb_store_open_connection (path, &db, error))
    return NULL;

  if (!sb_store_migrate_to (db, sb_store_get_latest_schema_version (), error))
    return NULL;

  return sb_store_new_for_db (g_steal_pointer (&db), path, error);
}

void
sb_store_info_clear (SbStoreInfo *info)
{
  g_clear_pointer (&info->integrity_message, g_free);
  memset (info, 0, sizeof *info);
}

static gint64
count_with (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return -1;
}

/**
 * sb_store_inspect:
 * @path: a book's file
 * @info: (out caller-allocates): what was found
 * @error: return location for a #GError
 *
 * Checks a book without opening it for writing: its format version and a
 * full integrity check. A missing file is reported, never created.
 *
 * Returns: %TRUE when the book is readable and sound; %FALSE with @error
 *   set otherwise (@info holds what could be read)
 */
gboolean
sb_store_inspect (const char   *path,
                  SbStoreInfo  *info,
                  GError      **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(GError) local_error = NULL;
  FileCheck check = { 0 };
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  memset (info, 0, sizeof *info);
  info->latest_version = sb_store_get_latest_schema_version ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_MISSING,
                   _("There is no book at “%s”."), path);
      return FALSE;
    }

  if (g_stat (path, &st) == 0)
    info->file_size = st.st_size;

  if (!check_existing_file (path, TRUE, &check, &local_error))
    {
      info->schema_version = check.schema_version;
      info->integrity_ok = FALSE;
      info->integrity_message = g_strdup (local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (check.is_new)
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_FOREIGN,
                   _("“%s” is empty: it is not a Servicebook book yet."), path);
      return FALSE;
    }

  info->schema_version = check.schema_version;
  info->integrity_ok = TRUE;
  info->integrity_message = g_strdup ("ok");

  if (open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    {
      g_autoptr(sqlite3_stmt) tables = NULL;
      g_autoptr(GString) sum = g_string_new (NULL);

      /* Every register: the tables with the record columns. */
      if (sqlite3_prepare_v2 (db,
                              "SELECT m.name FROM sqlite_schema AS m "
                              "WHERE m.type = 'table' AND m.name NOT LIKE 'sb\\_%' ESCAPE '\\' "
                              "AND m.name <> 'book_setting' "
                              "AND (SELECT count(*) FROM pragma_table_info (m.name) AS p "
                              "     WHERE p.name IN ('id', 'created_at', 'updated_at', 'deleted')) = 4",
                              -1, &tables, NULL) == SQLITE_OK)
        {
          while (sqlite3_step (tables) == SQLITE_ROW)
            {
              g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE deleted = 0 "
                                                      "AND id NOT LIKE '" SB_STORE_BUILTIN_PREFIX "%%'",
                                                      sqlite3_column_text (tables, 0));
              gint64 n = count_with (db, sql);

              if (n > 0)
                info->n_records += n;
            }
        }

      info->n_journal = count_with (db, "SELECT count(*) FROM sb_journal");
    }

  return TRUE;
}

/* Copies a live book, WAL and all, into a single self-contained file. */
static gboolean
backup_db_to_path (sqlite3     *source,
                   const char  *dest_path,
                   GError     **error)
{
  g_autofree char *partial = g_strconcat (dest_path, ".partial", NULL);
  g_autoptr(sqlite3) dest = NULL;
  int rc;

  g_unlink (partial);

  rc = open_v2 (partial, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      g_autoptr(sqlite3_backup) backup = sqlite3_backup_init (dest, "main", source, "main");

      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          do
            {
              rc = sqlite3_backup_step (backup, 256);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (20);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }

  /* The copy stands alone: no -wal file beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_autofree char *doing = g_strdup_printf (_("Writing “%s”"), dest_path);

      sb_store_set_error_from_sqlite (error, dest, rc, doing);
      g_clear_pointer (&dest, sqlite3_close);
      g_unlink (partial);
      return FALSE;
    }

  g_clear_pointer (&dest, sqlite3_close);

  if (g_rename (partial, dest_path) != 0)
    {
      int saved = errno;

      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_IO,
                   _("“%s” cannot be written: %s"), dest_path, g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_store_backup:
 * @self: a store
 * @dest_path: where the copy goes; must not exist yet
 * @error: return location for a #GError
 *
 * Copies the open book with SQLite's online backup, so the copy is
 * consistent even while the book is in use.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_store_backup (SbStore     *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_return_val_if_fail (SB_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_IO,
                   _("“%s” already exists; choose a new name for the backup."), dest_path);
      return FALSE;
    }

  if (!ensure_parent_dir (dest_path, error))
    return FALSE;

  return backup_db_to_path (sb_store_get_db (self), dest_path, error);
}

static char *
dated_copy_path (const char *book_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *dir = g_path_get_dirname (book_path);
  g_autofree char *base = g_path_get_basename (book_path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';

  name = g_strdup_printf ("%s-before-restore-%s.sqlite", base, stamp);

  return g_build_filename (dir, name, NULL);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  return g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, error);
}

/* Keeps the current book as it is, even a damaged one: through SQLite when
 * it can be read, byte for byte (with its WAL) when it cannot. */
static gboolean
keep_old_book (const char  *book_path,
               char       **saved_copy,
               GError     **error)
{
  g_autofree char *copy_path = dated_copy_path (book_path);
  g_autoptr(sqlite3) db = NULL;
  FileCheck check;

  if (check_existing_file (book_path, FALSE, &check, NULL) && !check.is_new &&
      open_v2 (book_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      backup_db_to_path (db, copy_path, NULL))
    {
      *saved_copy = g_steal_pointer (&copy_path);
      return TRUE;
    }

  {
    g_autofree char *wal = g_strconcat (book_path, "-wal", NULL);
    g_autofree char *copy_wal = g_strconcat (copy_path, "-wal", NULL);

    g_unlink (copy_path);
    if (!copy_file (book_path, copy_path, error))
      return FALSE;
    if (g_file_test (wal, G_FILE_TEST_EXISTS) && !copy_file (wal, copy_wal, error))
      return FALSE;
  }

  *saved_copy = g_steal_pointer (&copy_path);
  return TRUE;
}

/**
 * sb_store_restore:
 * @book_path: the book to replace; it must not be open
 * @source_path: a backup made by sb_store_backup() or any sound book
 * @saved_copy: (out) (optional) (transfer full): where the old book was kept
 * @error: return location for a #GError
 *
 * Replaces a book with a backup after checking that the backup is a sound
 * Servicebook book this version can read. The old book is kept beside it
 * as a dated copy. The restored book is brought to the current format.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_store_restore (const char  *book_path,
                  const char  *source_path,
                  char       **saved_copy,
                  GError     **error)
{
  g_autoptr(sqlite3) source = NULL;
  g_autoptr(SbStore) reopened = NULL;
  g_autofree char *kept = NULL;
  FileCheck check;
  int rc;

  g_return_val_if_fail (book_path != NULL, FALSE);
  g_return_val_if_fail (source_path != NULL, FALSE);

  if (!g_file_test (source_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_MISSING,
                   _("There is no backup at “%s”."), source_path);
      return FALSE;
    }

  if (!check_existing_file (source_path, TRUE, &check, error))
    return FALSE;

  if (check.is_new)
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_FOREIGN,
                   _("“%s” is empty: it is not a Servicebook backup."), source_path);
      return FALSE;
    }

  if (g_file_test (book_path, G_FILE_TEST_EXISTS))
    {
      if (!keep_old_book (book_path, &kept, error))
        return FALSE;
    }
  else if (!ensure_parent_dir (book_path, error))
    {
      return FALSE;
    }

  rc = open_v2 (source_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *doing = g_strdup_printf (_("Reading “%s”"), source_path);

      return sb_store_set_error_from_sqlite (error, source, rc, doing);
    }

  {
    g_autofree char *wal = g_strconcat (book_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (book_path, "-shm", NULL);
    g_autofree char *staging = g_strconcat (book_path, ".restoring", NULL);

    g_unlink (staging);
    if (!backup_db_to_path (source, staging, error))
      return FALSE;

    /* The old book is safe in its dated copy; its WAL must not be
     * replayed onto the restored pages. */
    g_unlink (wal);
    g_unlink (shm);
    if (g_rename (staging, book_path) != 0)
      {
        int saved = errno;

        g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_IO,
                     _("“%s” cannot be replaced: %s"), book_path, g_strerror (saved));
        g_unlink (staging);
        return FALSE;
      }
  }

  reopened = sb_store_open (book_path, SB_STORE_OPEN_DEFAULT, error);
  if (reopened == NULL)
    return FALSE;

  if (saved_copy != NULL)
    *saved_copy = g_steal_pointer (&kept);

  return TRUE;
}

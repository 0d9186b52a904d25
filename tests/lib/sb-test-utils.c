/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "sb-store-private.h"
#include "sb-test-utils.h"

/* Helpers shared by the tests. The raw_* functions read and write a book
 * with plain SQLite, beside the store, to check what it really wrote. */

char *
sb_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("servicebook-test-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

void
sb_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          sb_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

char *
sb_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

void
sb_test_raw_exec (const char *db_path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

gint64
sb_test_raw_count (const char *db_path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

char *
sb_test_raw_text (const char *db_path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Opens the book at @path, creating it when it does not exist. */
SbStore *
sb_test_store_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  SbStore *store = sb_store_open (path, SB_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static gint64
fixed_clock (gpointer user_data)
{
  const gint64 *now_ms = user_data;

  return *now_ms;
}

/* Stops @store's clock at @now_ms for as long as @store lives. */
void
sb_test_store_set_fixed_clock (SbStore *store,
                               gint64   now_ms)
{
  gint64 *now = g_new (gint64, 1);

  *now = now_ms;
  g_object_set_data_full (G_OBJECT (store), "sb-test-fixed-now", now, g_free);
  sb_store_set_clock_func (store, fixed_clock, now);
}

/* Saves a new customer called @name and returns its id. */
char *
sb_test_add_customer (SbStore    *store,
                      const char *name)
{
  g_autoptr(SbCustomer) customer = sb_customer_new ();
  g_autoptr(GError) error = NULL;

  sb_customer_set_name (customer, name);
  g_assert_true (sb_catalog_save_customer (store, customer, &error));
  g_assert_no_error (error);

  return g_strdup (sb_customer_get_id (customer));
}

/* Saves @service, which must be valid, and returns its id. */
char *
sb_test_save_service (SbStore   *store,
                      SbService *service)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_catalog_save_service (store, service, &error));
  g_assert_no_error (error);

  return g_strdup (sb_service_get_id (service));
}

/**
 * sb_test_book_new:
 *
 * Creates a temporary folder and a new book in it, open.
 *
 * Returns: (transfer full): the book; free it with sb_test_book_free()
 */
SbTestBook *
sb_test_book_new (void)
{
  SbTestBook *book = g_new0 (SbTestBook, 1);

  book->dir = sb_test_make_tmpdir ();
  book->path = g_build_filename (book->dir, "book.sqlite", NULL);
  book->store = sb_test_store_open (book->path);

  return book;
}

/* Closes the book and removes its folder with all that is in it. */
void
sb_test_book_free (SbTestBook *book)
{
  if (book == NULL)
    return;

  g_clear_object (&book->store);
  sb_test_rm_rf (book->dir);
  g_free (book->dir);
  g_free (book->path);
  g_free (book);
}

/* The integer the one-row @sql yields through @store's own connection;
 * @arg (may be %NULL) is bound to ?1. */
gint64
sb_test_store_count (SbStore    *store,
                     const char *sql,
                     const char *arg)
{
  sqlite3_stmt *stmt = sb_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return n;
}

/* The text in the first column of the first row of @sql, %NULL when there
 * is no row or the value is NULL; @arg (may be %NULL) is bound to ?1. */
char *
sb_test_store_text (SbStore    *store,
                    const char *sql,
                    const char *arg)
{
  sqlite3_stmt *stmt = sb_store_prepare (store, sql, NULL);
  char *value = NULL;

  g_assert_nonnull (stmt);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return value;
}

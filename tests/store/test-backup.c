/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sb-store-private.h"
#include "sb-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sb_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "book.sqlite", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sb_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
set (SbStore    *store,
     const char *key,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_store_set_setting (store, key, value, &error));
  g_assert_no_error (error);
}

static char *
get_setting (const char *path,
             const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = sb_store_open (path, SB_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return sb_store_get_setting (store, key);
}

static GPtrArray *
list_dir (const char *dir,
          const char *contains)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (strstr (name, contains) != NULL)
      g_ptr_array_add (found, g_build_filename (dir, name, NULL));

  return found;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = sb_store_open (f->path, SB_STORE_OPEN_CREATE, &error);
  g_autofree char *backup = g_build_filename (f->dir, "backups", "monday.sqlite", NULL);
  g_autofree char *value = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *saved = NULL;
  SbStoreInfo info;

  g_assert_no_error (error);
  set (store, "colour", "blue");

  /* Backing up while the book is open and in WAL mode. */
  g_assert_true (sb_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (sb_store_inspect (backup, &info, &error));
  g_assert_true (info.integrity_ok);
  sb_store_info_clear (&info);
  {
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
    g_autofree char *partial = g_strconcat (backup, ".partial", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  }

  /* Never over an existing file. */
  g_assert_false (sb_store_backup (store, backup, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_IO);
  g_clear_error (&error);

  set (store, "colour", "red");
  g_clear_object (&store);

  g_assert_true (sb_store_restore (f->path, backup, &saved, &error));
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_true (g_str_has_prefix (saved, f->dir));
  g_assert_nonnull (strstr (saved, "before-restore"));

  value = get_setting (f->path, "colour");
  g_assert_cmpstr (value, ==, "blue");
  g_clear_pointer (&value, g_free);

  /* The book that was replaced is kept, with its last change. */
  kept = list_dir (f->dir, "before-restore");
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (kept, 0), ==, saved);
  value = get_setting (saved, "colour");
  g_assert_cmpstr (value, ==, "red");
}

static void
test_restore_refuses_bad_backups (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *junk = g_build_filename (f->dir, "junk.sqlite", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.sqlite", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) kept = NULL;

  {
    g_autoptr(SbStore) store = sb_store_open (f->path, SB_STORE_OPEN_CREATE, &error);

    set (store, "colour", "green");
    g_assert_true (sb_store_backup (store, newer, &error));
  }
  sb_test_raw_exec (f->path, "PRAGMA journal_mode = DELETE");
  before = sb_test_file_checksum (f->path);

  g_assert_true (g_file_set_contents (junk, "not a book", -1, &error));
  g_assert_false (sb_store_restore (f->path, junk, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_FOREIGN);
  g_clear_error (&error);

  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                            sb_store_get_latest_schema_version () + 1);
    sb_test_raw_exec (newer, sql);
  }
  g_assert_false (sb_store_restore (f->path, newer, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_NEWER);
  g_clear_error (&error);

  g_assert_false (sb_store_restore (f->path, missing, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_MISSING);
  g_clear_error (&error);

  after = sb_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  kept = list_dir (f->dir, "before-restore");
  g_assert_cmpuint (kept->len, ==, 0);
}

/* A damaged book can be replaced by its backup; the damaged file is kept
 * byte for byte. */
static void
test_restore_over_damaged_book (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "good.sqlite", NULL);
  g_autofree char *damaged_sum = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_sum = NULL;
  g_autofree char *value = NULL;

  {
    g_autoptr(SbStore) store = sb_store_open (f->path, SB_STORE_OPEN_CREATE, &error);

    set (store, "colour", "yellow");
    g_assert_true (sb_store_backup (store, backup, &error));
  }

  g_assert_true (g_file_set_contents (f->path, "SQLite format 3\0garbage garbage", 32, &error));
  damaged_sum = sb_test_file_checksum (f->path);

  g_assert_true (sb_store_restore (f->path, backup, &saved, &error));
  g_assert_no_error (error);
  saved_sum = sb_test_file_checksum (saved);
  g_assert_cmpstr (saved_sum, ==, damaged_sum);

  value = get_setting (f->path, "colour");
  g_assert_cmpstr (value, ==, "yellow");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/backup/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("refuse-bad-backups", test_restore_refuses_bad_backups);
  ADD ("restore-damaged", test_restore_over_damaged_book);

#undef ADD

  return g_test_run ();
}

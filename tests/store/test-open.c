/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include <sqlite3.h>
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
make_book_with_settings (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = sb_store_open (path, SB_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *key = g_strdup_printf ("test-%d", i);
      g_autofree char *value = g_strnfill (200, 'a' + i % 26);

      g_assert_true (sb_store_set_setting (store, key, value, &error));
      g_assert_no_error (error);
    }
}

static void
record_currency (char    **seen,
                 const char *table,
                 SbStore    *store)
{
  g_free (*seen);
  *seen = g_strdup (sb_store_get_base_currency (store));
}

static void
test_new_book (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autofree char *device = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "book.sqlite", NULL);

  store = sb_store_open (nested, SB_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (sb_store_get_schema_version (store), ==, sb_store_get_latest_schema_version ());
  g_assert_cmpint (sb_store_get_latest_schema_version (), >=, 1);
  g_assert_cmpstr (sb_store_get_path (store), ==, nested);
  g_assert_cmpint (strlen (sb_store_get_device_id (store)), ==, 16);
  /* LC_ALL=C.UTF-8 in the tests: no currency from the locale. */
  g_assert_cmpstr (sb_store_get_base_currency (store), ==, "EUR");
  g_assert_cmpint (sb_store_count_records (store), ==, 0);
  g_assert_false (sb_store_get_welcome_done (store));

  device = g_strdup (sb_store_get_device_id (store));
  g_clear_object (&store);

  g_assert_cmpint (sb_test_raw_count (nested, "PRAGMA application_id"), ==, SB_STORE_APPLICATION_ID);
  mode = sb_test_raw_text (nested, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");

  /* Reopening keeps the device and the settings. */
  store = sb_store_open (nested, SB_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_store_get_device_id (store), ==, device);
  g_assert_true (sb_store_set_base_currency (store, "USD", &error));
  g_assert_no_error (error);
  /* Listeners of "changed" already read the new currency. */
  {
    char *seen = NULL;
    gulong id = g_signal_connect_swapped (store, "changed", G_CALLBACK (record_currency), &seen);

    g_assert_true (sb_store_set_base_currency (store, "GBP", &error));
    g_assert_cmpstr (seen, ==, "GBP");
    g_signal_handler_disconnect (store, id);
    g_free (seen);
    g_assert_true (sb_store_set_base_currency (store, "USD", &error));
  }
  g_assert_false (sb_store_set_base_currency (store, "XYZ", &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sb_store_set_welcome_done (store, &error));
  g_clear_object (&store);

  store = sb_store_open (nested, SB_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_store_get_base_currency (store), ==, "USD");
  g_assert_true (sb_store_get_welcome_done (store));

  /* The connection settings DESIGN.md asks for. */
  {
    sqlite3_stmt *stmt = sb_store_prepare (store, "PRAGMA foreign_keys", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_reset (stmt);

    stmt = sb_store_prepare (store, "PRAGMA synchronous", &error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1); /* NORMAL */
    sqlite3_reset (stmt);
  }
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  SbStoreInfo info;

  store = sb_store_open (f->path, SB_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_MISSING);
  g_assert_null (store);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (sb_store_inspect (f->path, &info, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_MISSING);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  sb_store_info_clear (&info);
}

/* A refused file must be left exactly as it was. */
static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autofree char *before = sb_test_file_checksum (path);
  g_autofree char *after = NULL;

  store = sb_store_open (path, SB_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, SB_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "unchanged"));
  g_test_message ("refused: %s", error->message);

  after = sb_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  make_book_with_settings (f->path);
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                         sb_store_get_latest_schema_version () + 1);
  sb_test_raw_exec (f->path, sql);

  assert_refused_untouched (f->path, SB_STORE_ERROR_NEWER);
}

static void
test_refuse_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  make_book_with_settings (f->path);
  sb_test_raw_exec (f->path, "PRAGMA journal_mode = DELETE");

  /* Scribble over the b-tree pages after the first (page size 4096). */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 4 * 4096);
  for (gsize i = 4096; i < length - 1; i += 7)
    contents[i] = (char)(i * 31);
  g_assert_true (g_file_set_contents (f->path, contents, length, &error));

  assert_refused_untouched (f->path, SB_STORE_ERROR_CORRUPT);
}

static void
test_refuse_foreign (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *text_path = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.sqlite", NULL);
  g_autoptr(GError) error = NULL;

  /* Another program's database. */
  sb_test_raw_exec (other_path, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);"
                                "INSERT INTO photos (name) VALUES ('beach');");
  assert_refused_untouched (other_path, SB_STORE_ERROR_FOREIGN);

  /* Not a database at all. */
  g_assert_true (g_file_set_contents (text_path, "Shopping list:\n- milk\n- bread\n", -1, &error));
  assert_refused_untouched (text_path, SB_STORE_ERROR_FOREIGN);
}

static void
test_empty_file_becomes_book (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, &error));
  store = sb_store_open (f->path, SB_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_store_get_schema_version (store), ==, sb_store_get_latest_schema_version ());
}

/* Every migration, from every older version, reaches the latest format
 * with a sound book. */
static void
test_migrations_from_every_version (Fixture       *f,
                                    gconstpointer  data)
{
  int latest = sb_store_get_latest_schema_version ();

  for (int start = 0; start <= latest; start++)
    {
      g_autofree char *path = g_strdup_printf ("%s/from-%d.sqlite", f->dir, start);
      g_autoptr(GError) error = NULL;
      g_autoptr(SbStore) store = NULL;
      sqlite3 *db = NULL;
      SbStoreInfo info;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_true (sb_store_migrate_to (db, start, &error));
      g_assert_no_error (error);
      sqlite3_close (db);

      g_assert_cmpint (sb_test_raw_count (path, "PRAGMA user_version"), ==, start);

      store = sb_store_open (path, SB_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sb_store_get_schema_version (store), ==, latest);
      g_assert_true (sb_store_set_setting (store, "probe", "1", &error));
      g_assert_no_error (error);
      g_clear_object (&store);

      g_assert_true (sb_store_inspect (path, &info, &error));
      g_assert_no_error (error);
      g_assert_true (info.integrity_ok);
      g_assert_cmpint (info.schema_version, ==, latest);
      sb_store_info_clear (&info);
    }

  /* Each migration file exists and is valid SQL text. */
  for (int v = 1; v <= latest; v++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = sb_store_load_migration (v, &error);

      g_assert_no_error (error);
      g_assert_true (sqlite3_complete (sql));
    }
}

/* Migration 6 rebuilds the journal as a rowid table in stamp order,
 * drops the audit rows that copied an insert (the journal row is that
 * copy; sb_audit_trail shows it), keeps the audit of updates, and leaves
 * the full-text index to the store: a row a version-5 trigger noted is
 * indexed at the next commit, a row inserted afterwards at its own. */
static void
test_migration_6 (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "from-5.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autoptr(SbChange) change = NULL;
  g_autofree char *order = NULL;
  gint64 incident_rowid;
  gint64 event_rowid;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (sb_store_migrate_to (db, 5, &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  /* What the version-5 write path left: an insert (journal row and its
   * audit copy) and an update of a customer, out of stamp order on disk,
   * and an incident whose insert the trigger noted for the index. */
  sb_test_raw_exec (path,
                    "INSERT INTO customer (id, created_at, updated_at, name) VALUES "
                    "('c1', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'Acme'); "
                    "INSERT INTO sb_journal (hlc, tbl, row_id, data) VALUES "
                    "('2026-01-02T00:00:00.000Z-0000-00', 'customer', 'c1', "
                    "'{\"updated_at\":\"2026-01-02T00:00:00.000Z\",\"name\":\"Acme\"}'), "
                    "('2026-01-01T00:00:00.000Z-0000-00', 'customer', 'c1', "
                    "'{\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":"
                    "\"2026-01-01T00:00:00.000Z\",\"deleted\":0,\"name\":\"Acm\"}'); "
                    "INSERT INTO sb_audit (at, tbl, row_id, field, old_value, new_value, hlc) VALUES "
                    "('2026-01-01T00:00:00.000Z', 'customer', 'c1', '*', NULL, '{}', "
                    "'2026-01-01T00:00:00.000Z-0000-00'), "
                    "('2026-01-02T00:00:00.000Z', 'customer', 'c1', 'name', 'Acm', 'Acme', "
                    "'2026-01-02T00:00:00.000Z-0000-00'); "
                    "INSERT INTO incident (id, created_at, updated_at, reference, title, priority, "
                    "opened_at) VALUES ('i1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', "
                    "'OLD-1', 'Printer jammed', 3, '2026-01-01T00:00:00.000Z'); "
                    "INSERT INTO incident_event (id, created_at, updated_at, incident_id, at, kind, "
                    "body) VALUES ('e1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'i1', "
                    "'2026-01-01T00:00:00.000Z', 'note', 'Toner smudges'), "
                    /* damaged elsewhere: a note whose incident is gone */
                    "('e2', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'gone', "
                    "'2026-01-01T00:00:00.000Z', 'note', 'Orphan');"
                    "DELETE FROM incident_event WHERE id = 'e2'; "
                    "INSERT INTO incident_event (id, created_at, updated_at, incident_id, at, kind) "
                    "VALUES ('e3', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'gone', "
                    "'2026-01-01T00:00:00.000Z', 'time');");
  g_assert_cmpint (sb_test_raw_count (path, "SELECT count(*) FROM sb_fts_pending"), ==, 3);
  incident_rowid = sb_test_raw_count (path, "SELECT rowid FROM incident WHERE id = 'i1'");
  event_rowid = sb_test_raw_count (path, "SELECT rowid FROM incident_event WHERE id = 'e3'");

  store = sb_store_open (path, SB_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  order = sb_test_raw_text (path, "SELECT group_concat (substr (hlc, 1, 10), ' ') FROM "
                                  "(SELECT hlc FROM sb_journal WHERE row_id = 'c1' ORDER BY seq)");
  g_assert_cmpstr (order, ==, "2026-01-01 2026-01-02");
  g_assert_cmpint (sb_test_raw_count (path, "SELECT count(*) FROM sb_audit WHERE field = '*'"), ==, 0);
  g_assert_cmpint (sb_test_raw_count (path, "SELECT count(*) FROM sb_audit_trail WHERE row_id = 'c1' "
                                            "AND field = '*' AND at = '2026-01-01T00:00:00.000Z' "
                                            "AND new_value LIKE '%\"Acm\"%'"), ==, 1);
  g_assert_cmpint (sb_test_raw_count (path, "SELECT count(*) FROM sb_audit_trail WHERE row_id = 'c1' "
                                            "AND field = 'name' AND old_value = 'Acm'"), ==, 1);
  g_assert_cmpint (sb_test_raw_count (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                            "AND name LIKE 'incident%fts_insert'"), ==, 0);

  /* The rebuilt timeline tables keep their rows, rowids and checks; the
   * reference broken before the update is still there, not refused. */
  g_assert_cmpint (sb_test_raw_count (path, "SELECT rowid FROM incident WHERE id = 'i1'"), ==,
                   incident_rowid);
  g_assert_cmpint (sb_test_raw_count (path, "SELECT rowid FROM incident_event WHERE id = 'e3'"), ==,
                   event_rowid);
  g_assert_cmpint (sb_test_raw_count (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE incident SET status = 'parked' WHERE id = 'i1'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE incident_event SET kind = 'chat' WHERE id = 'e1'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE incident SET status = 'on-hold', "
                                 "hold_reason = 'awaiting-change' WHERE id = 'i1'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* One commit through the store indexes both the noted row and its own. */
  change = sb_change_insert ("incident");
  sb_change_set_string (change, "reference", "NEW-1");
  sb_change_set_string (change, "title", "Scanner jammed");
  sb_change_set_int (change, "priority", 3);
  sb_change_set_string (change, "opened_at", "2026-01-03T00:00:00.000Z");
  g_assert_true (sb_store_apply (store, change, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sb_test_raw_count (path, "SELECT count(*) FROM incident_fts "
                                            "WHERE incident_fts MATCH 'jammed'"), ==, 2);
  g_assert_cmpint (sb_test_raw_count (path, "SELECT count(*) FROM incident_note_fts "
                                            "WHERE incident_note_fts MATCH 'smudges'"), ==, 1);
  g_assert_cmpint (sb_test_raw_count (path, "SELECT count(*) FROM sb_fts_pending"), ==, 0);
  g_assert_cmpint (sb_test_raw_count (path, "SELECT count(*) FROM sb_audit_trail "
                                            "WHERE tbl = 'incident' AND field = '*'"), ==, 1);
}

static void
test_inspect (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SbStoreInfo info;

  make_book_with_settings (f->path);
  sb_test_raw_exec (f->path, "PRAGMA journal_mode = DELETE");
  before = sb_test_file_checksum (f->path);

  g_assert_true (sb_store_inspect (f->path, &info, &error));
  g_assert_no_error (error);
  g_assert_true (info.integrity_ok);
  g_assert_cmpint (info.schema_version, ==, sb_store_get_latest_schema_version ());
  g_assert_cmpint (info.n_records, ==, 0);
  g_assert_cmpint (info.n_journal, ==, 201);   /* base currency + 200 settings */
  g_assert_cmpint (info.file_size, >, 0);
  sb_store_info_clear (&info);

  after = sb_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* Opens and closes a file, as GTK's file chooser does when it guesses the
 * type of the files in the book's folder: POSIX then drops every lock
 * this process held on that file. */
static void
touch_like_a_file_chooser (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd >= 0)
    close (fd);
}

/* Another program opening the book and closing it again: believing it is
 * the last one, it folds the WAL into the book and deletes it. A new
 * process, not a fork: a forked child would inherit SQLite's record of
 * this process's locks. This test program runs itself with
 * --open-and-close PATH (see main()). */
static int
open_and_close (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "SELECT count(*) FROM customer", NULL, NULL, NULL);
  sqlite3_close (db);

  return rc == SQLITE_OK ? 0 : 1;
}

static void
open_and_close_in_another_process (const char *path)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, "--open-and-close", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (self);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Something in the app drops SQLite's locks on the book (the file
 * chooser), another process opens and closes the book: nothing written
 * before or after may be lost. */
static void
test_lost_locks (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SbStore) store = sb_test_store_open (f->path);
  g_autoptr(SbStore) again = NULL;
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *first = sb_test_add_customer (store, "Before the chooser");

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_autofree char *second = NULL;

  touch_like_a_file_chooser (shm);
  touch_like_a_file_chooser (wal);
  touch_like_a_file_chooser (f->path);
  open_and_close_in_another_process (f->path);

  /* The hazard is real: the other process deleted the WAL. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* The next write notices the lost locks and reopens the book. */
  second = sb_test_add_customer (store, "After the chooser");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  again = sb_test_store_open (f->path);
  g_assert_cmpint (sb_test_store_count (again, "SELECT count(*) FROM customer WHERE name = ?",
                                        "Before the chooser"), ==, 1);
  g_assert_cmpint (sb_test_store_count (again, "SELECT count(*) FROM customer WHERE name = ?",
                                        "After the chooser"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--open-and-close"))
    return open_and_close (argv[2]);

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/open/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("new-book", test_new_book);
  ADD ("missing", test_missing);
  ADD ("refuse-newer", test_refuse_newer);
  ADD ("refuse-corrupt", test_refuse_corrupt);
  ADD ("refuse-foreign", test_refuse_foreign);
  ADD ("empty-file", test_empty_file_becomes_book);
  ADD ("migrations", test_migrations_from_every_version);
  ADD ("migration-6", test_migration_6);
  ADD ("inspect", test_inspect);
  ADD ("lost-locks", test_lost_locks);

#undef ADD

  return g_test_run ();
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "sb-hlc.h"
#include "sb-time.h"
#include "sb-store-private.h"
#include "sb-test-utils.h"

/* The write path, tested on a register made for the test, so these rules
 * hold for every register that comes later. */

typedef struct
{
  SbTestBook *book;
  gint64   now;
  GPtrArray *changed;
} Fixture;

static gint64
fixed_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

static void
on_changed (SbStore    *store,
            const char *table,
            Fixture    *f)
{
  g_ptr_array_add (f->changed, g_strdup (table));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->book = sb_test_book_new ();

  g_assert_true (sb_store_exec (f->book->store,
                                "CREATE TABLE widget ("
                                "  id TEXT PRIMARY KEY, created_at TEXT NOT NULL,"
                                "  updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
                                "  name TEXT NOT NULL, amount INTEGER, note TEXT,"
                                "  CHECK (amount IS NULL OR amount >= 0))",
                                &error));
  g_assert_true (sb_store_reload_tables (f->book->store, &error));
  g_assert_no_error (error);

  /* A day ahead of the real clock, on a whole minute: after the stamps
   * the book got when it was created. */
  f->now = (g_get_real_time () / 1000 / 60000 + 24 * 60) * 60000;
  sb_store_set_clock_func (f->book->store, fixed_clock, f);

  f->changed = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->book->store, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->book, sb_test_book_free);
  g_ptr_array_unref (f->changed);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return sb_test_store_count (f->book->store, sql, NULL);
}

static char *
text (Fixture    *f,
      const char *sql,
      const char *id)
{
  return sb_test_store_text (f->book->store, sql, id);
}

static char *
insert_widget (Fixture    *f,
               const char *name,
               gint64      amount)
{
  g_autoptr(SbChange) change = sb_change_insert ("widget");
  g_autoptr(GError) error = NULL;

  sb_change_set_string (change, "name", name);
  sb_change_set_int (change, "amount", amount);
  g_assert_true (sb_store_apply (f->book->store, change, &error));
  g_assert_no_error (error);

  return g_strdup (sb_change_get_id (change));
}

static gint64
widget_counts (Fixture *f)
{
  return count (f, "SELECT count(*) FROM widget") * 10000 +
         count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'widget'") * 100 +
         count (f, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'widget'");
}

static void
test_insert (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = insert_widget (f, "Router \"edge\"\n2", 12345);
  g_autofree char *created = text (f, "SELECT created_at FROM widget WHERE id = ?", id);
  g_autofree char *journal = text (f, "SELECT data FROM sb_journal WHERE row_id = ?", id);
  g_autofree char *audit = text (f, "SELECT field FROM sb_audit_trail WHERE row_id = ?", id);
  g_autofree char *stamp = text (f, "SELECT hlc FROM sb_journal WHERE row_id = ?", id);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  SbHlcStamp parsed;

  g_autofree char *expected = sb_time_format_instant (f->now);

  g_assert_cmpstr (created, ==, expected);
  g_assert_true (g_str_has_suffix (created, ":00.000Z"));
  g_assert_cmpint (count (f, "SELECT deleted FROM widget"), ==, 0);

  /* The journal holds every field of the record, as JSON. */
  g_assert_true (json_parser_load_from_data (parser, journal, -1, &error));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Router \"edge\"\n2");
  g_assert_cmpint (json_object_get_int_member (object, "amount"), ==, 12345);
  g_assert_cmpint (json_object_get_int_member (object, "deleted"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "created_at"), ==, created);

  g_assert_cmpstr (audit, ==, "*");
  g_assert_true (sb_hlc_stamp_parse (stamp, &parsed, &error));
  g_assert_cmpint (parsed.millis, ==, f->now);
  g_assert_cmpstr (parsed.node, ==, sb_store_get_device_id (f->book->store));

  g_assert_cmpuint (f->changed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->changed, 0), ==, "widget");
}

static void
test_update_audits_changed_fields (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *id = insert_widget (f, "Switch", 100);
  g_autoptr(SbChange) change = sb_change_update ("widget", id);
  g_autoptr(SbChange) same = sb_change_update ("widget", id);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *created = NULL;
  g_autofree char *expected_created = sb_time_format_instant (f->now);
  g_autofree char *expected_updated = sb_time_format_instant (f->now + 60000);

  f->now += 60000;

  sb_change_set_string (change, "name", "Switch");    /* unchanged */
  sb_change_set_int (change, "amount", 250);           /* changed */
  sb_change_set_string (change, "note", "rack 2");     /* NULL -> text */
  g_assert_true (sb_store_apply (f->book->store, change, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'widget' AND field <> '*'"), ==, 2);
  old_value = text (f, "SELECT old_value FROM sb_audit_trail WHERE field = 'amount' AND row_id = ?", id);
  new_value = text (f, "SELECT new_value FROM sb_audit_trail WHERE field = 'amount' AND row_id = ?", id);
  g_assert_cmpstr (old_value, ==, "100");
  g_assert_cmpstr (new_value, ==, "250");
  g_clear_pointer (&old_value, g_free);
  old_value = text (f, "SELECT old_value FROM sb_audit_trail WHERE field = 'note' AND row_id = ?", id);
  g_assert_null (old_value);

  updated = text (f, "SELECT updated_at FROM widget WHERE id = ?", id);
  created = text (f, "SELECT created_at FROM widget WHERE id = ?", id);
  g_assert_cmpstr (updated, ==, expected_updated);
  g_assert_cmpstr (created, ==, expected_created);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'widget'"), ==, 2);

  /* A change that changes nothing writes nothing and tells no one. */
  g_ptr_array_set_size (f->changed, 0);
  sb_change_set_int (same, "amount", 250);
  g_assert_true (sb_store_apply (f->book->store, same, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'widget'"), ==, 2);
  g_assert_cmpuint (f->changed->len, ==, 0);
}

static void
test_delete_is_tombstone (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = insert_widget (f, "Printer", 5);
  g_autoptr(SbChange) del = sb_change_delete ("widget", id);
  g_autoptr(SbChange) again = sb_change_delete ("widget", id);
  g_autoptr(SbChange) undo = sb_change_undelete ("widget", id);
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_store_apply (f->book->store, del, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM widget"), ==, 1);
  g_assert_cmpint (count (f, "SELECT deleted FROM widget"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE field = 'deleted' AND old_value = '0' AND new_value = '1'"), ==, 1);
  g_assert_cmpint (sb_store_count_records (f->book->store), ==, 0);

  /* Deleting twice changes nothing more. */
  g_assert_true (sb_store_apply (f->book->store, again, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'widget'"), ==, 2);

  g_assert_true (sb_store_apply (f->book->store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT deleted FROM widget"), ==, 0);
  g_assert_cmpint (sb_store_count_records (f->book->store), ==, 1);
}

static void
test_refuses_bad_changes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbChange) no_table = sb_change_insert ("nonsense");
  g_autoptr(SbChange) no_column = sb_change_insert ("widget");
  g_autoptr(SbChange) stamp_column = sb_change_insert ("widget");
  g_autoptr(SbChange) no_record = sb_change_update ("widget", "missing");
  g_autoptr(SbChange) injection = sb_change_insert ("widget; DROP TABLE widget");
  g_autoptr(SbChange) constraint = sb_change_insert ("widget");

  sb_change_set_string (no_column, "name", "x");
  sb_change_set_string (no_column, "colour", "red");
  sb_change_set_string (stamp_column, "name", "x");
  sb_change_set_string (stamp_column, "created_at", "yesterday");
  sb_change_set_string (no_record, "name", "x");
  sb_change_set_string (constraint, "name", "x");
  sb_change_set_int (constraint, "amount", -1);

  g_assert_false (sb_store_apply (f->book->store, no_table, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_store_apply (f->book->store, no_column, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_store_apply (f->book->store, stamp_column, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_store_apply (f->book->store, no_record, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_store_apply (f->book->store, injection, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_store_apply (f->book->store, constraint, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_cmpint (widget_counts (f), ==, 0);
  g_assert_cmpuint (f->changed->len, ==, 0);
}

/* A failure at any stage of a change leaves no trace of it. */
static void
test_atomic_on_failure (Fixture       *f,
                        gconstpointer  data)
{
  /* An insert writes the record and its journal row; an update the
   * record, its journal row and an audit row per changed field. */
  static const struct
  {
    const char *sql;
    gboolean    fails_insert;
  } traps[] = {
    { "CREATE TEMP TRIGGER trap BEFORE INSERT ON main.sb_journal BEGIN SELECT RAISE (ABORT, 'injected'); END", TRUE },
    { "CREATE TEMP TRIGGER trap AFTER INSERT ON main.sb_journal BEGIN SELECT RAISE (ABORT, 'injected'); END", TRUE },
    { "CREATE TEMP TRIGGER trap BEFORE INSERT ON main.sb_audit BEGIN SELECT RAISE (ABORT, 'injected'); END", FALSE },
    { "CREATE TEMP TRIGGER trap AFTER INSERT ON main.sb_audit WHEN NEW.field = 'note' BEGIN SELECT RAISE (ABORT, 'injected'); END", FALSE },
  };
  g_autofree char *id = insert_widget (f, "Firewall", 1);
  gint64 before = widget_counts (f);

  for (guint i = 0; i < G_N_ELEMENTS (traps); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SbChange) insert = sb_change_insert ("widget");
      g_autoptr(SbChange) update = sb_change_update ("widget", id);
      g_autofree char *name = NULL;

      g_assert_true (sb_store_exec (f->book->store, traps[i].sql, &error));

      sb_change_set_string (insert, "name", "Modem");
      sb_change_set_string (insert, "note", "n");
      sb_change_set_string (update, "name", "Firewall 2");
      sb_change_set_string (update, "note", "changed");

      if (traps[i].fails_insert)
        {
          g_assert_false (sb_store_apply (f->book->store, insert, &error));
          g_assert_nonnull (error);
          g_clear_error (&error);
        }
      g_assert_false (sb_store_apply (f->book->store, update, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);

      g_assert_cmpint (widget_counts (f), ==, before);
      name = text (f, "SELECT name FROM widget WHERE id = ?", id);
      g_assert_cmpstr (name, ==, "Firewall");

      g_assert_true (sb_store_exec (f->book->store, "DROP TRIGGER temp.trap", &error));
      g_assert_no_error (error);
    }

  /* The book still takes changes afterwards. */
  g_free (insert_widget (f, "After", 2));
  g_assert_cmpint (count (f, "SELECT count(*) FROM widget"), ==, 2);
}

static void
test_transaction (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Dropped without commit: nothing stays. */
  {
    g_autoptr(SbTransaction) tx = sb_store_begin (f->book->store, &error);

    for (int i = 0; i < 10; i++)
      {
        g_autoptr(SbChange) change = sb_change_insert ("widget");

        sb_change_set_string (change, "name", "batch");
        g_assert_true (sb_transaction_apply (tx, change, &error));
      }

    /* Only one transaction at a time. */
    g_assert_null (sb_store_begin (f->book->store, &error));
    g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (widget_counts (f), ==, 0);
  g_assert_cmpuint (f->changed->len, ==, 0);

  /* A failing change inside keeps the others; commit keeps them all. */
  {
    g_autoptr(SbTransaction) tx = sb_store_begin (f->book->store, &error);
    g_autoptr(SbChange) good = sb_change_insert ("widget");
    g_autoptr(SbChange) bad = sb_change_insert ("widget");
    g_autoptr(SbChange) good2 = sb_change_insert ("widget");

    g_assert_no_error (error);
    sb_change_set_string (good, "name", "one");
    sb_change_set_string (bad, "name", "two");
    sb_change_set_int (bad, "amount", -5);
    sb_change_set_string (good2, "name", "three");

    g_assert_true (sb_transaction_apply (tx, good, &error));
    g_assert_false (sb_transaction_apply (tx, bad, &error));
    g_clear_error (&error);
    g_assert_true (sb_transaction_apply (tx, good2, &error));
    g_assert_true (sb_transaction_commit (tx, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (widget_counts (f), ==, 20202);
  g_assert_cmpuint (f->changed->len, ==, 1);
}

/* An all-or-nothing transaction (an import) has no savepoint per
 * change: after a change fails half-way (here at its audit row, after the
 * record and the journal row were written), it takes no more changes,
 * refuses to commit, and leaves nothing. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before = widget_counts (f);

  g_assert_true (sb_store_exec (f->book->store,
                                "CREATE TEMP TRIGGER trap AFTER INSERT ON main.sb_journal "
                                "WHEN EXISTS (SELECT 1 FROM main.widget "
                                "WHERE id = NEW.row_id AND name = 'trapped') "
                                "BEGIN SELECT RAISE (ABORT, 'injected'); END",
                                &error));
  g_assert_no_error (error);

  {
    g_autoptr(SbTransaction) tx = sb_store_begin (f->book->store, &error);
    g_autoptr(SbChange) good = sb_change_insert ("widget");
    g_autoptr(SbChange) trapped = sb_change_insert ("widget");
    g_autoptr(SbChange) later = sb_change_insert ("widget");

    g_assert_no_error (error);
    sb_transaction_set_all_or_nothing (tx);
    sb_change_set_string (good, "name", "one");
    sb_change_set_string (trapped, "name", "trapped");
    sb_change_set_string (later, "name", "three");

    g_assert_true (sb_transaction_apply (tx, good, &error));
    g_assert_no_error (error);
    g_assert_false (sb_transaction_apply (tx, trapped, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (sb_transaction_apply (tx, later, &error));
    g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (sb_transaction_commit (tx, &error));
    g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_true (sb_store_exec (f->book->store, "DROP TRIGGER temp.trap", &error));
  g_assert_no_error (error);
  g_assert_cmpint (widget_counts (f), ==, before);
  g_assert_cmpuint (f->changed->len, ==, 0);

  /* Without a failure it commits like any other. */
  {
    g_autoptr(SbTransaction) tx = sb_store_begin (f->book->store, &error);

    sb_transaction_set_all_or_nothing (tx);
    for (int i = 0; i < 3; i++)
      {
        g_autoptr(SbChange) change = sb_change_insert ("widget");

        sb_change_set_string (change, "name", "batch");
        g_assert_true (sb_transaction_apply (tx, change, &error));
      }
    g_assert_true (sb_transaction_commit (tx, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (widget_counts (f), ==, before + 30303);
  g_assert_cmpuint (f->changed->len, ==, 1);
}

/* The journal's stamps keep increasing when the wall clock goes back. */
static void
test_stamps_survive_clock_going_back (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GPtrArray) stamps = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = insert_widget (f, "Clock", 0);

  for (int i = 0; i < 50; i++)
    {
      g_autoptr(SbChange) change = sb_change_update ("widget", id);
      g_autoptr(GError) error = NULL;

      f->now += (i % 3 == 0) ? -3600000 : 10;
      sb_change_set_int (change, "amount", i + 1);
      g_assert_true (sb_store_apply (f->book->store, change, &error));
      g_assert_no_error (error);
    }

  {
    sqlite3_stmt *stmt;

    /* Read them in the order the amounts were written. */
    stmt = sb_store_prepare (f->book->store,
                             "SELECT hlc FROM sb_journal WHERE tbl = 'widget' "
                             "ORDER BY coalesce (json_extract (data, '$.amount'), -1)", NULL);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (stamps, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
    sqlite3_reset (stmt);
  }

  g_assert_cmpuint (stamps->len, ==, 51);
  for (guint i = 1; i < stamps->len; i++)
    g_assert_cmpstr (g_ptr_array_index (stamps, i - 1), <, g_ptr_array_index (stamps, i));

  /* A reopened book carries on after the newest stamp it holds. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *newest = g_strdup (g_ptr_array_index (stamps, stamps->len - 1));
    g_autofree char *next = NULL;

    g_clear_object (&f->book->store);
    f->book->store = sb_store_open (f->book->path, SB_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    next = sb_store_next_stamp (f->book->store, 0);
    g_assert_cmpstr (newest, <, next);
  }
}

/* A full disk is reported in words, and nothing is half written. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (64 * 1024, 'x');
  gint64 before = widget_counts (f);
  gint64 pages = count (f, "PRAGMA page_count");
  g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
  g_autoptr(SbChange) change = sb_change_insert ("widget");

  g_assert_true (sb_store_exec (f->book->store, limit, &error));
  sb_change_set_string (change, "name", "huge");
  sb_change_set_string (change, "note", big);

  g_assert_false (sb_store_apply (f->book->store, change, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "full"));
  g_assert_cmpint (widget_counts (f), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/write/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("insert", test_insert);
  ADD ("update", test_update_audits_changed_fields);
  ADD ("delete", test_delete_is_tombstone);
  ADD ("refuse", test_refuses_bad_changes);
  ADD ("atomic", test_atomic_on_failure);
  ADD ("transaction", test_transaction);
  ADD ("all-or-nothing", test_all_or_nothing);
  ADD ("clock-back", test_stamps_survive_clock_going_back);
  ADD ("disk-full", test_disk_full);

#undef ADD

  return g_test_run ();
}

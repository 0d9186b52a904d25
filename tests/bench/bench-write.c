/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "bench-util.h"
#include "sb-store-private.h"
#include "sb-test-utils.h"
#include "sb-time.h"
#include "sb-uuid.h"

/*
 * The store's one write path on its own: incidents with their "opened"
 * entry and a note, as SbChanges in one transaction (what the importer
 * and the incident write path build on), against the same rows written
 * with bare prepared statements, with their journal rows and full-text
 * index. Usage: bench-write [N [store|bare]] (default 100,000, both; one
 * of them alone is for profiling).
 */

static void
set_time (SbChange   *change,
          const char *column,
          gint64      ms)
{
  if (ms == G_MININT64)
    sb_change_set_null (change, column);
  else
    {
      g_autofree char *text = sb_time_format_instant (ms);

      sb_change_set_string (change, column, text);
    }
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           gint64        ms)
{
  if (ms == G_MININT64)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, sb_time_format_instant (ms), -1, g_free);
}

static double
run_store (const char *path,
           guint       n,
           gint64      now_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = sb_store_open (path, SB_STORE_OPEN_CREATE, &error);
  g_autoptr(SbTransaction) tx = NULL;
  double start;

  g_assert_no_error (error);

  start = bench_now ();
  tx = sb_store_begin (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      BenchIncident inc;
      g_autoptr(SbChange) change = sb_change_insert ("incident");
      g_autoptr(SbChange) opened = sb_change_insert ("incident_event");
      g_autoptr(SbChange) note = sb_change_insert ("incident_event");
      g_autofree char *opened_at = NULL;

      bench_incident_make (&inc, i, now_ms);
      opened_at = sb_time_format_instant (inc.opened_ms);

      sb_change_set_string (change, "reference", inc.reference);
      sb_change_set_string (change, "title", inc.title);
      sb_change_set_string (change, "description", inc.description);
      sb_change_set_string (change, "contact", inc.contact);
      sb_change_set_string (change, "channel", inc.channel);
      sb_change_set_string (change, "category", inc.service);
      sb_change_set_int (change, "impact", inc.impact);
      sb_change_set_int (change, "urgency", inc.urgency);
      sb_change_set_int (change, "priority", inc.priority);
      sb_change_set_bool (change, "major", FALSE);
      sb_change_set_string (change, "status", inc.status);
      sb_change_set_string (change, "hold_reason", inc.hold_reason);
      sb_change_set_string (change, "opened_at", opened_at);
      set_time (change, "responded_at", inc.responded_ms);
      set_time (change, "resolved_at", inc.resolved_ms);
      set_time (change, "closed_at", inc.closed_ms);
      sb_change_set_string (change, "resolution_code", inc.resolution_code);
      sb_change_set_string (change, "resolution_notes", inc.resolution_notes);
      if (!sb_transaction_apply (tx, change, &error))
        g_error ("%s", error->message);

      sb_change_set_string (opened, "incident_id", sb_change_get_id (change));
      sb_change_set_string (opened, "at", opened_at);
      sb_change_set_string (opened, "kind", "opened");
      if (!sb_transaction_apply (tx, opened, &error))
        g_error ("%s", error->message);

      sb_change_set_string (note, "incident_id", sb_change_get_id (change));
      sb_change_set_string (note, "at", opened_at);
      sb_change_set_string (note, "kind", "note");
      sb_change_set_string (note, "body", inc.note);
      sb_change_set_int (note, "minutes", 15);
      if (!sb_transaction_apply (tx, note, &error))
        g_error ("%s", error->message);

      bench_incident_clear (&inc);
    }

  if (!sb_transaction_commit (tx, &error))
    g_error ("%s", error->message);

  return bench_now () - start;
}

static double
run_bare (const char *path,
          guint       n,
          gint64      now_ms)
{
  sqlite3 *db = bench_bare_open (path);
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *event = NULL;
  g_autofree char *now = sb_time_format_instant (now_ms);
  BenchJournal journal;
  double start;

  start = bench_now ();
  bench_bare_exec (db, "BEGIN IMMEDIATE");
  bench_journal_init (&journal, db, now);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO incident (id, created_at, updated_at, reference, title, description, "
                      "contact, channel, category, impact, urgency, priority, major, status, hold_reason, "
                      "opened_at, responded_at, resolved_at, closed_at, resolution_code, resolution_notes) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
                      -1, &insert, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO incident_event (id, created_at, updated_at, incident_id, at, kind, body, minutes) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      -1, &event, NULL);

  for (guint i = 0; i < n; i++)
    {
      BenchIncident inc;
      char *id = sb_uuid_new ();
      char *opened_at;

      bench_incident_make (&inc, i, now_ms);
      opened_at = sb_time_format_instant (inc.opened_ms);

      sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, inc.reference, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, inc.title, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, inc.description, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 7, inc.contact, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 8, inc.channel, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 9, inc.service, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 10, inc.impact);
      sqlite3_bind_int (insert, 11, inc.urgency);
      sqlite3_bind_int (insert, 12, inc.priority);
      sqlite3_bind_text (insert, 13, inc.status, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 14, inc.hold_reason, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 15, opened_at, -1, SQLITE_STATIC);
      bind_time (insert, 16, inc.responded_ms);
      bind_time (insert, 17, inc.resolved_ms);
      bind_time (insert, 18, inc.closed_ms);
      sqlite3_bind_text (insert, 19, inc.resolution_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 20, inc.resolution_notes, -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (insert);

      bench_journal_begin (&journal);
      bench_journal_field (&journal, "reference", inc.reference);
      bench_journal_field (&journal, "title", inc.title);
      bench_journal_field (&journal, "description", inc.description);
      bench_journal_field (&journal, "contact", inc.contact);
      bench_journal_field (&journal, "channel", inc.channel);
      bench_journal_field (&journal, "category", inc.service);
      bench_journal_field (&journal, "status", inc.status);
      bench_journal_field (&journal, "hold_reason", inc.hold_reason);
      bench_journal_field (&journal, "opened_at", opened_at);
      bench_journal_field (&journal, "resolution_code", inc.resolution_code);
      bench_journal_field (&journal, "resolution_notes", inc.resolution_notes);
      bench_journal_write (&journal, "incident", id);

      for (int k = 0; k < 2; k++)
        {
          char *event_id = sb_uuid_new ();

          sqlite3_bind_text (event, 1, event_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (event, 2, now, -1, SQLITE_STATIC);
          sqlite3_bind_text (event, 3, now, -1, SQLITE_STATIC);
          sqlite3_bind_text (event, 4, id, -1, SQLITE_STATIC);
          sqlite3_bind_text (event, 5, opened_at, -1, SQLITE_STATIC);
          sqlite3_bind_text (event, 6, k == 0 ? "opened" : "note", -1, SQLITE_STATIC);
          sqlite3_bind_text (event, 7, k == 0 ? NULL : inc.note, -1, SQLITE_STATIC);
          sqlite3_bind_int (event, 8, k == 0 ? 0 : 15);
          if (sqlite3_step (event) != SQLITE_DONE)
            g_error ("%s", sqlite3_errmsg (db));
          sqlite3_reset (event);

          bench_journal_begin (&journal);
          bench_journal_field (&journal, "incident_id", id);
          bench_journal_field (&journal, "at", opened_at);
          bench_journal_field (&journal, "kind", k == 0 ? "opened" : "note");
          bench_journal_field (&journal, "body", k == 0 ? NULL : inc.note);
          bench_journal_write (&journal, "incident_event", event_id);
          g_free (event_id);
        }

      g_free (id);
      g_free (opened_at);
      bench_incident_clear (&inc);
    }

  bench_journal_clear (&journal);
  bench_bare_fill_search_index (db);
  bench_bare_exec (db, "COMMIT");
  sqlite3_finalize (insert);
  sqlite3_finalize (event);
  sqlite3_close (db);

  return bench_now () - start;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *store_path = g_build_filename (dir, "book.sqlite", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bare.sqlite", NULL);
  g_autofree char *what = NULL;
  g_autofree char *count = NULL;
  guint n = argc > 1 ? (guint)atoi (argv[1]) : 100000;
  gint64 now_ms = sb_time_now_ms ();
  const char *only = argc > 2 ? argv[2] : NULL;
  double floor_s;
  double store_s;

  /* "≥" and "≤" in the report lines: print in the locale's charset. */
  setlocale (LC_ALL, "");

  floor_s = g_strcmp0 (only, "store") != 0 ? run_bare (bare_path, n, now_ms) : -1;
  store_s = g_strcmp0 (only, "bare") != 0 ? run_store (store_path, n, now_ms) : 1;

  count = bench_format_count (n);
  what = g_strdup_printf ("write path: %s incidents with 2 timeline entries each", count);
  bench_report_time (what, store_s, n, floor_s, "≥ 25,000 /s", n / store_s >= 25000);
  bench_print_summary ("the store's write path");

  sb_test_rm_rf (dir);

  return 0;
}

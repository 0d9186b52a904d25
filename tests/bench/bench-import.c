/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench-util.h"
#include "sb-incident-csv.h"
#include "sb-store-private.h"
#include "sb-test-utils.h"
#include "sb-time.h"
#include "sb-uuid.h"

/*
 * Importing 100,000 incidents from another tool's CSV export through
 * sb_incident_import_new(), _plan() and _apply(), with everything the
 * write path records (timeline, journal, audit trail, full-text index),
 * against the same rows, journal rows and index written into the same
 * schema with bare SQLite calls in one transaction (reading the same
 * file).
 *
 * Usage: bench-import [N [store]] (default 100,000; "store" leaves out
 * the floor, for profiling the store alone).
 */

static const char * const header[] = {
  "reference", "title", "description", "service", "customer", "contact", "channel", "impact",
  "urgency", "status", "hold-reason", "opened", "responded", "resolved", "closed",
  "resolution-code", "resolution-notes", "note",
};
#define N_COLUMNS G_N_ELEMENTS (header)

static const char *
field_or_empty (const char *text)
{
  g_assert (text == NULL || strchr (text, ',') == NULL);
  return text != NULL ? text : "";
}

static char *
time_or_empty (gint64 ms)
{
  return ms == G_MININT64 ? g_strdup ("") : sb_time_format_instant (ms);
}

static void
write_csv (const char *path,
           guint       n,
           gint64      now_ms)
{
  g_autoptr(GString) out = g_string_sized_new ((gsize)n * 400);
  g_autoptr(GError) error = NULL;

  for (guint c = 0; c < N_COLUMNS; c++)
    g_string_append_printf (out, "%s%s", c ? "," : "", header[c]);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n; i++)
    {
      BenchIncident inc;
      g_autofree char *opened = NULL;
      g_autofree char *responded = NULL;
      g_autofree char *resolved = NULL;
      g_autofree char *closed = NULL;

      bench_incident_make (&inc, i, now_ms);
      opened = time_or_empty (inc.opened_ms);
      responded = time_or_empty (inc.responded_ms);
      resolved = time_or_empty (inc.resolved_ms);
      closed = time_or_empty (inc.closed_ms);

      g_string_append_printf (out, "%s,%s,%s,%s,%s,%s,%s,%u,%u,%s,%s,%s,%s,%s,%s,%s,%s,%s\r\n",
                              inc.reference, field_or_empty (inc.title),
                              field_or_empty (inc.description), inc.service, inc.customer,
                              inc.contact, inc.channel, inc.impact, inc.urgency, inc.status,
                              field_or_empty (inc.hold_reason), opened, responded, resolved, closed,
                              field_or_empty (inc.resolution_code),
                              field_or_empty (inc.resolution_notes), field_or_empty (inc.note));
      bench_incident_clear (&inc);
    }

  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("Writing %s: %s", path, error->message);
}

/* ---- the floor ---- */

static void
bare_event (sqlite3_stmt *stmt,
            BenchJournal *journal,
            const char   *now,
            const char   *incident_id,
            const char   *at,
            const char   *kind,
            const char   *old_value,
            const char   *new_value,
            const char   *body)
{
  g_autofree char *id = sb_uuid_new ();
  const char *field = g_str_equal (kind, "status") ? "status" : NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, incident_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, new_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, body, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("Adding an event: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);

  bench_journal_begin (journal);
  bench_journal_field (journal, "incident_id", incident_id);
  bench_journal_field (journal, "at", at);
  bench_journal_field (journal, "kind", kind);
  bench_journal_field (journal, "field", field);
  bench_journal_field (journal, "old_value", old_value);
  bench_journal_field (journal, "new_value", new_value);
  bench_journal_field (journal, "body", body);
  bench_journal_write (journal, "incident_event", id);
}

static const char *
empty_to_null (const char *text)
{
  return *text != '\0' ? text : NULL;
}

/* Read the file, split it, and write the incidents and their timelines
 * (opened, status changes, the note) with prepared statements, a journal
 * row for each, and the full-text index before the commit: what the
 * store writes, without the store. */
static double
run_bare (const char *csv_path,
          const char *db_path,
          gint64      now_ms)
{
  sqlite3 *db = bench_bare_open (db_path);
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *event = NULL;
  g_autofree char *now = sb_time_format_instant (now_ms);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  BenchJournal journal;
  double start = bench_now ();

  if (!g_file_get_contents (csv_path, &contents, NULL, NULL))
    g_error ("Reading %s", csv_path);
  lines = g_strsplit (contents, "\r\n", -1);

  /* The page cache the store's import raises for its transaction
   * (sb_incident_import_apply). */
  bench_bare_exec (db, "PRAGMA cache_size = -65536");
  bench_bare_exec (db, "BEGIN IMMEDIATE");
  bench_journal_init (&journal, db, now);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO incident (id, created_at, updated_at, reference, title, description, "
                      "contact, channel, category, impact, urgency, priority, status, hold_reason, "
                      "opened_at, responded_at, resolved_at, closed_at, resolution_code, resolution_notes) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                      "(?10 + ?11 - 1), ?, ?, ?, ?, ?, ?, ?, ?)",
                      -1, &insert, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO incident_event (id, created_at, updated_at, incident_id, at, kind, "
                      "field, old_value, new_value, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      -1, &event, NULL);

  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);
      g_autofree char *id = sb_uuid_new ();
      const char *status = f[9];

      g_assert_cmpuint (g_strv_length (f), ==, N_COLUMNS);
      sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, f[0], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, f[1], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, f[2], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 7, f[5], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 8, f[6], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 9, f[3], -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 10, atoi (f[7]));
      sqlite3_bind_int (insert, 11, atoi (f[8]));
      sqlite3_bind_text (insert, 12, status, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 13, empty_to_null (f[10]), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 14, f[11], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 15, empty_to_null (f[12]), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 16, empty_to_null (f[13]), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 17, empty_to_null (f[14]), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 18, empty_to_null (f[15]), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 19, empty_to_null (f[16]), -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("Adding an incident: %s", sqlite3_errmsg (db));
      sqlite3_reset (insert);

      bench_journal_begin (&journal);
      for (int c = 0; c < (int)N_COLUMNS; c++)
        bench_journal_field (&journal, header[c], empty_to_null (f[c]));
      bench_journal_write (&journal, "incident", id);

      bare_event (event, &journal, now, id, f[11], "opened", NULL, NULL, NULL);
      if (*f[12] != '\0')
        bare_event (event, &journal, now, id, f[12], "status", "new", "in-progress", NULL);
      if (g_str_equal (status, "on-hold"))
        bare_event (event, &journal, now, id, f[12], "status", "in-progress", "on-hold", f[10]);
      if (*f[13] != '\0')
        bare_event (event, &journal, now, id, f[13], "status", "in-progress", "resolved", f[15]);
      if (*f[14] != '\0')
        bare_event (event, &journal, now, id, f[14], "status", "resolved", "closed", NULL);
      if (*f[17] != '\0')
        bare_event (event, &journal, now, id, f[11], "note", NULL, NULL, f[17]);
    }

  sqlite3_finalize (insert);
  sqlite3_finalize (event);
  bench_journal_clear (&journal);
  bench_bare_fill_search_index (db);
  bench_bare_exec (db, "COMMIT");
  sqlite3_close (db);

  return bench_now () - start;
}

/* ---- the store ---- */

/* Processor time of this process (user and system), in seconds: on a
 * busy machine a steadier figure than the wall clock. */
static double
cpu_now (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static double
run_store (const char *csv_path,
           const char *db_path,
           guint       n,
           double     *out_read,
           double     *out_plan,
           double     *out_apply,
           double     *out_cpu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = sb_store_open (db_path, SB_STORE_OPEN_CREATE, &error);
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(SbIncidentImport) import = NULL;
  g_autofree char *batch = NULL;
  double start;
  double cpu_start;
  double t;

  g_assert_no_error (error);

  cpu_start = cpu_now ();
  start = bench_now ();
  import = sb_incident_import_new (store, file, &error);
  if (import == NULL)
    g_error ("Reading the CSV: %s", error->message);
  for (guint c = 0; c < sb_incident_import_get_n_columns (import); c++)
    {
      SbIncidentField field;

      if (sb_incident_field_from_string (sb_incident_import_get_column_name (import, c), &field))
        sb_incident_import_set_mapping (import, c, field);
    }
  sb_incident_import_set_date_format (import, SB_DATE_FORMAT_ISO);
  sb_incident_import_set_unknown_default (import, SB_UNKNOWN_CREATE);
  t = bench_now ();
  *out_read = t - start;

  if (!sb_incident_import_plan (import, &error))
    g_error ("Planning the import: %s", error->message);
  *out_plan = bench_now () - t;
  t = bench_now ();

  if (!sb_incident_import_apply (import, &batch, &error))
    g_error ("Importing: %s", error->message);
  *out_apply = bench_now () - t;

  if (sb_incident_import_get_n_problems (import) > 0)
    g_print ("# %u lines had problems: first: %s\n", sb_incident_import_get_n_problems (import),
             sb_incident_import_get_item (import, 0)->problem);
  g_assert_cmpuint (sb_incident_import_get_n_new (import), ==, n);

  *out_cpu = cpu_now () - cpu_start;

  return bench_now () - start;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *csv_path = g_build_filename (dir, "incidents.csv", NULL);
  g_autofree char *store_path = g_build_filename (dir, "book.sqlite", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bare.sqlite", NULL);
  g_autofree char *count = NULL;
  g_autofree char *what = NULL;
  guint n = argc > 1 ? (guint)atoi (argv[1]) : 100000;
  gint64 now_ms = sb_time_now_ms ();
  double read_s, plan_s, apply_s;
  double floor_cpu_s, store_cpu_s;
  double floor_s;
  double store_s;

  /* "≥" and "≤" in the report lines: print in the locale's charset. */
  setlocale (LC_ALL, "");

  write_csv (csv_path, n, now_ms);
  floor_cpu_s = cpu_now ();
  floor_s = argc > 2 && g_str_equal (argv[2], "store") ? -1 : run_bare (csv_path, bare_path, now_ms);
  floor_cpu_s = cpu_now () - floor_cpu_s;
  store_s = run_store (csv_path, store_path, n, &read_s, &plan_s, &apply_s, &store_cpu_s);

  count = bench_format_count (n);
  what = g_strdup_printf ("import %s incidents", count);
  bench_report_time (what, store_s, n, floor_s, "≥ 25,000 /s", n / store_s >= 25000);
  g_clear_pointer (&what, g_free);
  what = g_strdup_printf ("  of which reading and guessing the CSV");
  bench_report_time (what, read_s, 0, -1, NULL, TRUE);
  g_clear_pointer (&what, g_free);
  what = g_strdup_printf ("  of which checking every line (plan)");
  bench_report_time (what, plan_s, 0, -1, NULL, TRUE);
  g_clear_pointer (&what, g_free);
  what = g_strdup_printf ("  of which writing (apply, one transaction)");
  bench_report_time (what, apply_s, n, -1, NULL, TRUE);
  bench_print_summary ("importing incidents from CSV");
  g_print ("# processor time: import %.2f s, floor %.2f s\n", store_cpu_s, floor_cpu_s);

  sb_test_rm_rf (dir);

  return 0;
}

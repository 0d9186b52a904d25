/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "sb-catalog-private.h"
#include "sb-incident-list.h"
#include "sb-incidents-private.h"
#include "sb-store-private.h"
#include "sb-test-utils.h"
#include "sb-time.h"
#include "sb-uuid.h"

/*
 * Reading the incident log at 100,000 incidents (10,000 of them open):
 * the list model's first screen, full-text search, sorting, the SLA state
 * of every open incident and the memory a long list costs. Each is
 * measured several times (median) against the same work done with bare
 * SQLite calls on the same file.
 *
 * Usage: bench-incidents [N] (default 100,000). The data is written with
 * a bulk path of its own (plain INSERTs, the full-text index filled once
 * at the end): the import has a benchmark of its own.
 */

#define RUNS 7

typedef struct
{
  char    *dir;
  char    *path;
  SbStore *store;
  sqlite3 *bare;        /* a second, plain connection to the same book */
  guint    n;
  gint64   now_ms;
} Bench;

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

static void
add_event (sqlite3_stmt *stmt,
           const char   *now,
           const char   *incident_id,
           gint64        at_ms,
           const char   *kind,
           const char   *old_value,
           const char   *new_value,
           const char   *body)
{
  sqlite3_bind_text (stmt, 1, sb_uuid_new (), -1, g_free);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, incident_id, -1, SQLITE_STATIC);
  bind_time (stmt, 5, at_ms);
  sqlite3_bind_text (stmt, 6, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, g_str_equal (kind, "status") ? "status" : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, new_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, body, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("Adding an event: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
}

static void
generate (Bench *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_free);
  const char *service_ids[BENCH_N_SERVICES];
  g_autofree char *now = sb_time_format_instant (b->now_ms);
  sqlite3 *db = sb_store_get_db (b->store);
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *event = NULL;
  sqlite3_stmt *stmt = NULL;
  double start = bench_now ();

  /* The sample catalogue: services with calendars and targets. */
  tx = sb_store_begin (b->store, &error);
  g_assert_no_error (error);
  if (!sb_catalog_load_sample (tx, b->store, &error) || !sb_transaction_commit (tx, &error))
    g_error ("Sample catalogue: %s", error->message);

  for (guint i = 0; i < BENCH_N_SERVICES; i++)
    {
      g_autoptr(SbService) service = sb_catalog_find_service (b->store, bench_service_codes[i]);

      g_assert_nonnull (service);
      service_ids[i] = g_intern_string (sb_service_get_id (service));
    }
  sqlite3_prepare_v2 (db, "SELECT id FROM customer", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (customers, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  bench_bare_exec (db, "BEGIN IMMEDIATE");
  sqlite3_prepare_v2 (db,
                      "INSERT INTO incident (id, created_at, updated_at, reference, title, description, "
                      "service_id, customer_id, contact, channel, impact, urgency, priority, status, "
                      "hold_reason, opened_at, responded_at, resolved_at, closed_at, resolution_code, "
                      "resolution_notes) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      -1, &insert, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO incident_event (id, created_at, updated_at, incident_id, at, kind, "
                      "field, old_value, new_value, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      -1, &event, NULL);

  for (guint i = 0; i < b->n; i++)
    {
      BenchIncident inc;
      g_autofree char *id = sb_uuid_new ();
      guint s = i % BENCH_N_SERVICES;

      bench_incident_make (&inc, i, b->now_ms);

      sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, inc.reference, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, inc.title, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, inc.description, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 7, service_ids[s], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 8, g_ptr_array_index (customers, i % customers->len), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 9, inc.contact, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 10, inc.channel, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 11, inc.impact);
      sqlite3_bind_int (insert, 12, inc.urgency);
      sqlite3_bind_int (insert, 13, inc.priority);
      sqlite3_bind_text (insert, 14, inc.status, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 15, inc.hold_reason, -1, SQLITE_STATIC);
      bind_time (insert, 16, inc.opened_ms);
      bind_time (insert, 17, inc.responded_ms);
      bind_time (insert, 18, inc.resolved_ms);
      bind_time (insert, 19, inc.closed_ms);
      sqlite3_bind_text (insert, 20, inc.resolution_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 21, inc.resolution_notes, -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("Adding an incident: %s", sqlite3_errmsg (db));
      sqlite3_reset (insert);

      /* The timeline the write path would have written. */
      add_event (event, now, id, inc.opened_ms, "opened", NULL, NULL, NULL);
      if (inc.responded_ms != G_MININT64)
        {
          add_event (event, now, id, inc.responded_ms, "status", "new", "in-progress", NULL);
          add_event (event, now, id, inc.responded_ms + 60000, "note", NULL, NULL, inc.note);
        }
      if (inc.hold_reason != NULL)
        add_event (event, now, id, inc.responded_ms + 120000, "status", "in-progress", "on-hold",
                   inc.hold_reason);
      if (inc.resolved_ms != G_MININT64)
        add_event (event, now, id, inc.resolved_ms, "status", "in-progress", "resolved",
                   inc.resolution_code);
      if (inc.closed_ms != G_MININT64)
        add_event (event, now, id, inc.closed_ms, "status", "resolved", "closed", NULL);

      bench_incident_clear (&inc);
    }

  sqlite3_finalize (insert);
  sqlite3_finalize (event);
  bench_bare_exec (db,
                   "INSERT INTO incident_fts (rowid, reference, title, description, resolution) "
                   "SELECT rowid, reference, title, description, "
                   "trim (coalesce (resolution_notes, '') || ' ' || coalesce (workaround, '')) FROM incident; "
                   "INSERT INTO incident_note_fts (rowid, body) SELECT rowid, body FROM incident_event "
                   "WHERE body IS NOT NULL AND kind IN ('note', 'escalation'); "
                   "INSERT INTO incident_fts (incident_fts) VALUES ('optimize'); "
                   "INSERT INTO incident_note_fts (incident_note_fts) VALUES ('optimize');");
  bench_bare_exec (db, "COMMIT; ANALYZE; PRAGMA wal_checkpoint (TRUNCATE);");

  g_print ("# generated %u incidents in %.1f s\n", b->n, bench_now () - start);
}

/* ---- the floors: the same work with bare SQLite calls ---- */

static GArray *
bare_rowids (sqlite3    *db,
             const char *sql,
             const char *match)
{
  GArray *rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_finalize (stmt);

  return rowids;
}

#define BARE_BY_OPENED "SELECT rowid FROM incident WHERE deleted = 0 ORDER BY opened_at DESC, rowid DESC"
#define BARE_BY_PRIORITY "SELECT rowid FROM incident WHERE deleted = 0 ORDER BY priority, opened_at, rowid"

/* Read the row a list line shows, by rowid, into strings. */
static void
bare_read_rows (sqlite3      *db,
                const gint64 *rowids,
                guint         n)
{
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db,
                      "SELECT i.id, i.reference, i.title, i.status, i.hold_reason, i.priority, i.major, "
                      "s.code, s.name, c.name, i.opened_at, i.updated_at, i.responded_at "
                      "FROM incident i LEFT JOIN service s ON s.id = i.service_id "
                      "LEFT JOIN customer c ON c.id = i.customer_id WHERE i.rowid = ?",
                      -1, &stmt, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

      sqlite3_bind_int64 (stmt, 1, rowids[i]);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          g_ptr_array_add (strings, g_strdup ((const char *)sqlite3_column_text (stmt, c)));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
}

static double
bare_first_screen (Bench *b)
{
  double start = bench_now ();
  g_autoptr(GArray) rowids = bare_rowids (b->bare, BARE_BY_OPENED, NULL);

  bare_read_rows (b->bare, (gint64 *)rowids->data, MIN (50, rowids->len));
  return bench_now () - start;
}

static double
bare_search (Bench      *b,
             const char *word)
{
  double start = bench_now ();
  g_autoptr(GArray) rowids =
    bare_rowids (b->bare,
                 "SELECT rowid FROM incident WHERE deleted = 0 AND (rowid IN "
                 "(SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?1) OR id IN "
                 "(SELECT e.incident_id FROM incident_note_fts f JOIN incident_event e ON e.rowid = f.rowid "
                 "WHERE incident_note_fts MATCH ?1)) ORDER BY opened_at DESC",
                 word);

  g_assert_cmpuint (rowids->len, >, 0);
  return bench_now () - start;
}

static double
bare_sort (Bench      *b,
           const char *sql)
{
  double start = bench_now ();
  g_autoptr(GArray) rowids = bare_rowids (b->bare, sql, NULL);

  g_assert_cmpuint (rowids->len, >=, b->n);
  return bench_now () - start;
}

/* Reading what the clocks need: the open incidents and their status
 * entries, the same two queries, without computing anything. */
static double
bare_open_slas (Bench *b)
{
  double start = bench_now ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (b->bare,
                      "SELECT rowid, service_id, priority, opened_at, responded_at FROM incident "
                      "WHERE deleted = 0 AND status IN ('new', 'in-progress', 'on-hold') ORDER BY rowid",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *rowid = g_new (gint64, 1);

      *rowid = sqlite3_column_int64 (stmt, 0);
      (void)sqlite3_column_text (stmt, 3);
      (void)sqlite3_column_text (stmt, 4);
      g_hash_table_insert (seen, rowid, GINT_TO_POINTER (1));
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (b->bare,
                      "SELECT i.rowid, e.at, e.new_value, e.body FROM incident i JOIN incident_event e "
                      "ON e.incident_id = i.id AND e.kind = 'status' AND e.deleted = 0 "
                      "WHERE i.deleted = 0 AND i.status IN ('new', 'in-progress', 'on-hold') "
                      "ORDER BY i.rowid, e.at, e.rowid",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    (void)sqlite3_column_text (stmt, 1);
  sqlite3_finalize (stmt);

  g_assert_cmpuint (g_hash_table_size (seen), >=, b->n / BENCH_OPEN_EVERY);
  return bench_now () - start;
}

/* ---- the store ---- */

static void
read_row (SbIncidentRow *row)
{
  /* Every property a list line shows. */
  g_assert_nonnull (sb_incident_row_get_id (row));
  (void)sb_incident_row_get_reference (row);
  (void)sb_incident_row_get_title (row);
  (void)sb_incident_row_get_status (row);
  (void)sb_incident_row_get_hold_reason (row);
  (void)sb_incident_row_get_priority (row);
  (void)sb_incident_row_get_major (row);
  (void)sb_incident_row_get_service_code (row);
  (void)sb_incident_row_get_service_name (row);
  (void)sb_incident_row_get_customer_name (row);
  (void)sb_incident_row_get_opened_ms (row);
  (void)sb_incident_row_get_updated_ms (row);
  (void)sb_incident_row_get_sla_state (row);
  (void)sb_incident_row_get_sla_text (row);
}

static double
store_first_screen (Bench *b)
{
  double start = bench_now ();
  g_autoptr(SbIncidentList) list = sb_incident_list_new (b->store);
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();
  guint n;

  sb_incident_list_set_filter (list, filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >=, b->n);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(SbIncidentRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      read_row (row);
    }

  return bench_now () - start;
}

static double
store_query (Bench                  *b,
             const SbIncidentFilter *filter,
             guint                   at_least)
{
  g_autoptr(GError) error = NULL;
  double start = bench_now ();
  g_autoptr(GArray) rowids = sb_incidents_query_rowids (b->store, filter, b->now_ms, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rowids->len, >=, at_least);
  return bench_now () - start;
}

static double
store_open_slas (Bench *b)
{
  g_autoptr(GError) error = NULL;
  double start = bench_now ();
  g_autoptr(GHashTable) slas = sb_incidents_compute_open_slas (b->store, b->now_ms, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (slas), >=, b->n / BENCH_OPEN_EVERY);
  return bench_now () - start;
}

/* ---- measuring ---- */

typedef double (*Measure) (Bench *b, gconstpointer data);

static double
median_of (double (*run) (Bench *, gconstpointer),
           Bench        *b,
           gconstpointer data)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    times[i] = run (b, data);

  return bench_median (times, RUNS);
}

static double m_bare_first (Bench *b, gconstpointer d) { return bare_first_screen (b); }
static double m_store_first (Bench *b, gconstpointer d) { return store_first_screen (b); }
static double m_bare_search (Bench *b, gconstpointer d) { return bare_search (b, d); }
static double m_bare_sort (Bench *b, gconstpointer d) { return bare_sort (b, d); }
static double m_bare_slas (Bench *b, gconstpointer d) { return bare_open_slas (b); }
static double m_store_slas (Bench *b, gconstpointer d) { return store_open_slas (b); }

static double
m_store_filter (Bench        *b,
                gconstpointer data)
{
  return store_query (b, data, 1);
}

static void
report (const char *what,
        double      seconds,
        double      floor_s,
        double      target_s)
{
  g_autofree char *target = NULL;

  if (target_s > 0)
    target = g_strdup_printf ("≤ %.0f ms", target_s * 1000);
  bench_report_time (what, seconds, 0, floor_s, target, target_s <= 0 || seconds <= target_s);
}

static void
measure_times (Bench *b)
{
  g_autoptr(SbIncidentFilter) search_title = sb_incident_filter_new ();
  g_autoptr(SbIncidentFilter) search_note = sb_incident_filter_new ();
  g_autoptr(SbIncidentFilter) by_opened = sb_incident_filter_new ();
  g_autoptr(SbIncidentFilter) by_priority = sb_incident_filter_new ();
  g_autofree char *count = bench_format_count (b->n);
  g_autofree char *what = NULL;
  double floor_s;

  floor_s = median_of (m_bare_first, b, NULL);
  what = g_strdup_printf ("open the list of %s incidents and read the first screen (50 rows)", count);
  report (what, median_of (m_store_first, b, NULL), floor_s, 0.100);

  search_title->text = g_strdup (BENCH_RARE_TITLE_WORD);
  floor_s = median_of (m_bare_search, b, BENCH_RARE_TITLE_WORD);
  g_clear_pointer (&what, g_free);
  what = g_strdup_printf ("full-text search \"%s\" (1 %% of titles) in %s incidents",
                          BENCH_RARE_TITLE_WORD, count);
  report (what, median_of (m_store_filter, b, search_title), floor_s, 0.030);

  search_note->text = g_strdup (BENCH_NOTE_WORD);
  floor_s = median_of (m_bare_search, b, BENCH_NOTE_WORD);
  g_clear_pointer (&what, g_free);
  what = g_strdup_printf ("full-text search \"%s\" (a word of timeline notes) in %s incidents",
                          BENCH_NOTE_WORD, count);
  report (what, median_of (m_store_filter, b, search_note), floor_s, 0.030);

  floor_s = median_of (m_bare_sort, b, BARE_BY_OPENED);
  g_clear_pointer (&what, g_free);
  what = g_strdup_printf ("sort %s incidents by opened date (re-query rowids)", count);
  report (what, median_of (m_store_filter, b, by_opened), floor_s, 0);

  by_priority->sort = SB_INCIDENT_SORT_PRIORITY;
  by_priority->descending = FALSE;
  floor_s = median_of (m_bare_sort, b, BARE_BY_PRIORITY);
  g_clear_pointer (&what, g_free);
  what = g_strdup_printf ("sort %s incidents by priority (re-query rowids)", count);
  report (what, median_of (m_store_filter, b, by_priority), floor_s, 0);

  floor_s = median_of (m_bare_slas, b, NULL);
  g_clear_pointer (&what, g_free);
  g_free (count);
  count = bench_format_count (b->n / BENCH_OPEN_EVERY);
  what = g_strdup_printf ("SLA state of %s open incidents", count);
  report (what, median_of (m_store_slas, b, NULL), floor_s, 0.100);
}

/* Resident memory: the bare rowids and the rows at 50 places, then the
 * list model holding every incident, read at the same 50 places. */
static void
measure_memory (Bench *b)
{
  g_autoptr(SbIncidentList) list = NULL;
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();
  g_autoptr(GArray) rowids = bare_rowids (b->bare, BARE_BY_OPENED, NULL);
  g_autofree char *count = bench_format_count (b->n);
  g_autofree char *what = NULL;
  double floor_mb;
  double mb;
  guint n;

  for (guint k = 0; k < 50; k++)
    bare_read_rows (b->bare, (gint64 *)rowids->data + (gsize)k * (rowids->len - 1) / 49, 1);
  floor_mb = bench_rss_mb ();

  list = sb_incident_list_new (b->store);
  sb_incident_list_set_filter (list, filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint k = 0; k < 50; k++)
    {
      g_autoptr(SbIncidentRow) row = g_list_model_get_item (G_LIST_MODEL (list), (guint)((guint64)k * (n - 1) / 49));

      read_row (row);
    }
  mb = bench_rss_mb ();

  what = g_strdup_printf ("resident memory with %s incidents listed, read at 50 places (%u rows cached)",
                          count, sb_incident_list_get_n_cached (list));
  bench_report_memory (what, mb, floor_mb, "≤ 150 MB", mb <= 150);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Bench b = { 0 };

  /* "≥" and "≤" in the report lines: print in the locale's charset. */
  setlocale (LC_ALL, "");

  b.n = argc > 1 ? (guint)atoi (argv[1]) : 100000;
  b.dir = sb_test_make_tmpdir ();
  b.path = g_build_filename (b.dir, "book.sqlite", NULL);
  b.now_ms = sb_time_now_ms ();

  b.store = sb_store_open (b.path, SB_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  generate (&b);
  if (sqlite3_open_v2 (b.path, &b.bare, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("Opening %s: %s", b.path, sqlite3_errmsg (b.bare));

  /* Memory first, while the process has read nothing yet. */
  measure_memory (&b);
  measure_times (&b);
  {
    g_autofree char *count = bench_format_count (b.n);
    g_autofree char *title = g_strdup_printf ("the incident log at %s incidents (medians of %d runs)",
                                              count, RUNS);

    bench_print_summary (title);
  }

  sqlite3_close (b.bare);
  g_clear_object (&b.store);
  sb_test_rm_rf (b.dir);
  g_free (b.dir);
  g_free (b.path);

  return 0;
}

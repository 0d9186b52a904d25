/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>

#include "bench-util.h"
#include "sb-budgets.h"
#include "sb-budget-math.h"
#include "sb-catalog-private.h"
#include "sb-contracts.h"
#include "sb-report-output.h"
#include "sb-reports.h"
#include "sb-sample-data.h"
#include "sb-store-private.h"
#include "sb-test-utils.h"
#include "sb-time.h"
#include "sb-uuid.h"

/*
 * Reports to PDF: the incident log of a month of 10,000 incidents
 * (target ≤ 5 s), and every report on the sample book (target ≤ 1 s
 * each). A time is the whole of what `servicebook report` does once the
 * book is open: build the document from the store, paginate it and write
 * the PDF. Medians of several runs.
 *
 * The floors:
 * - incident log: the same rows (the month's incidents joined with their
 *   service, customer and status changes, as the report reads them) read
 *   with bare sqlite3 calls into strings, then a PDF of the same page
 *   count written with cairo alone: each incident one line of its
 *   fields with cairo's toy text API (no Pango, no measuring, no
 *   wrapping, no header or footer).
 * - the other reports: the output alone, as their queries are small: a
 *   PDF of the same page count carrying every cell of the report's
 *   tables, one row a line, with the toy text API.
 * The ratio says how much the real layout (Pango text, wrapped cells,
 * repeated headers, charts, page furniture) and the store's reads cost
 * over that.
 *
 * Usage: bench-reports [N] (default 10,000 incidents in the month).
 */

#define RUNS_LOG   3
#define RUNS_OTHER 5

typedef struct
{
  char    *dir;
  SbStore *store;
  char    *path;
} Book;

typedef double (*MeasureFunc) (gpointer data);

/* Seconds of CPU this process used: on a busy machine, a fairer figure
 * than the wall clock's. */
static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);

  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
median_of (MeasureFunc func,
           gpointer    data,
           guint       runs)
{
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    times[i] = func (data);

  return bench_median (times, runs);
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

/* The sample catalogue, then @n generated incidents (bench-util's, with
 * their timelines) all opened in [from_ms, to_ms): each incident's times
 * moved together so its response and resolution keep their lengths. */
static void
generate_month (SbStore *store,
                guint    n,
                gint64   from_ms,
                gint64   to_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_free);
  const char *service_ids[BENCH_N_SERVICES];
  gint64 now_ms = sb_time_now_ms ();
  g_autofree char *now = sb_time_format_instant (now_ms);
  sqlite3 *db = sb_store_get_db (store);
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *event = NULL;
  sqlite3_stmt *stmt = NULL;
  double start = bench_now ();

  tx = sb_store_begin (store, &error);
  g_assert_no_error (error);
  if (!sb_catalog_load_sample (tx, store, &error) || !sb_transaction_commit (tx, &error))
    g_error ("Sample catalogue: %s", error->message);

  for (guint i = 0; i < BENCH_N_SERVICES; i++)
    {
      g_autoptr(SbService) service = sb_catalog_find_service (store, bench_service_codes[i]);

      g_assert_nonnull (service);
      service_ids[i] = g_intern_string (sb_service_get_id (service));
    }
  sqlite3_prepare_v2 (db, "SELECT id FROM customer", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (customers, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (customers->len, >, 0);

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

  for (guint i = 0; i < n; i++)
    {
      BenchIncident inc;
      g_autofree char *id = sb_uuid_new ();
      gint64 opened, shift;

      bench_incident_make (&inc, i, now_ms);

      /* Evenly over the month, a few minutes either way. */
      opened = from_ms + (to_ms - from_ms - 3600000) * (gint64)i / n + (gint64)(i % 7) * 60000;
      shift = opened - inc.opened_ms;
      inc.opened_ms = opened;
      if (inc.responded_ms != G_MININT64)
        inc.responded_ms += shift;
      if (inc.resolved_ms != G_MININT64)
        inc.resolved_ms += shift;
      if (inc.closed_ms != G_MININT64)
        inc.closed_ms += shift;

      sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, inc.reference, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, inc.title, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, inc.description, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 7, service_ids[i % BENCH_N_SERVICES], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 8, g_ptr_array_index (customers, i % customers->len), -1,
                         SQLITE_STATIC);
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
  bench_bare_exec (db, "COMMIT; ANALYZE; PRAGMA wal_checkpoint (TRUNCATE);");

  g_print ("# generated %u incidents in one month in %.1f s\n", n, bench_now () - start);
}

/* ---- the report, as `servicebook report` runs it ---- */

typedef struct
{
  SbStore              *store;
  const SbReportInfo   *info;
  SbReportPeriod        period;
  SbReportFilters       filters;
  char                 *pdf;
  guint                 n_pages;
  double                build_s;   /* of the last run */
  double                layout_s;  /* of the last run: paginating */
  double                cpu_s;     /* of the last run: CPU time of the whole */
  SbReportDocument     *document;  /* of the last run */
} ReportRun;

static double
m_report (gpointer data)
{
  ReportRun *r = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbReportRenderer) renderer = NULL;
  g_autoptr(SbReportDocument) document = NULL;
  SbReportPageSetup setup;
  double cpu_start = cpu_now ();
  double start = bench_now ();

  document = sb_reports_build (r->info, r->store, &r->period, &r->filters, &error);
  if (document == NULL)
    g_error ("Building %s: %s", r->info->name, error->message);
  r->build_s = bench_now () - start;

  sb_report_page_setup_init (&setup);
  setup.paper = SB_REPORT_PAPER_A4;
  renderer = sb_report_renderer_new (document, &setup);
  r->n_pages = sb_report_renderer_get_n_pages (renderer);
  r->layout_s = bench_now () - start - r->build_s;
  if (!sb_report_renderer_write_pdf (renderer, r->pdf, &error))
    g_error ("Writing %s: %s", r->info->name, error->message);

  g_set_object (&r->document, document);
  r->cpu_s = cpu_now () - cpu_start;

  return bench_now () - start;
}

/* ---- the floors ---- */

static cairo_t *
floor_begin (const char      *path,
             cairo_surface_t **out_surface)
{
  double width, height;
  cairo_t *cr;

  sb_report_paper_get_size (SB_REPORT_PAPER_A4, &width, &height);
  *out_surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (*out_surface);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 7);

  return cr;
}

static void
floor_end (cairo_t         *cr,
           cairo_surface_t *surface)
{
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("Floor PDF: %s", cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
}

/* @lines spread evenly over @n_pages pages, one line each. */
static void
floor_draw_lines (cairo_t   *cr,
                  GPtrArray *lines,
                  guint      n_pages)
{
  guint per_page = MAX (1, (lines->len + n_pages - 1) / MAX (n_pages, 1));
  guint line = 0;

  for (guint page = 0; page < MAX (n_pages, 1); page++)
    {
      for (guint k = 0; k < per_page && line < lines->len; k++, line++)
        {
          cairo_move_to (cr, 40, 40 + 9.0 * (k % 85));
          cairo_show_text (cr, g_ptr_array_index (lines, line));
        }
      cairo_show_page (cr);
    }
}

typedef struct
{
  const char *book;
  gint64      from_ms;
  gint64      to_ms;
  guint       n_pages;
  char       *pdf;
} LogFloor;

static double
m_log_floor (gpointer data)
{
  LogFloor *f = data;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = sb_time_format_instant (f->from_ms);
  g_autofree char *to = sb_time_format_instant (f->to_ms);
  const char *last_id = "";
  g_autofree char *last = NULL;
  cairo_surface_t *surface;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  cairo_t *cr;
  double start = bench_now ();

  if (sqlite3_open_v2 (f->book, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("Opening %s: %s", f->book, sqlite3_errmsg (db));
  if (sqlite3_prepare_v2 (db,
                          "SELECT i.id, i.reference, i.title, s.code, c.name, i.priority, i.status, "
                          "i.opened_at, i.responded_at, i.resolved_at, e.at, e.new_value "
                          "FROM incident i "
                          "LEFT JOIN service s ON s.id = i.service_id "
                          "LEFT JOIN customer c ON c.id = i.customer_id "
                          "LEFT JOIN incident_event e ON e.incident_id = i.id "
                          " AND e.kind = 'status' AND e.deleted = 0 "
                          "WHERE i.deleted = 0 AND i.opened_at >= ?1 AND i.opened_at < ?2 "
                          "ORDER BY i.opened_at, i.rowid, e.at, e.rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Floor query: %s", sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);

      /* One line per incident; its status changes join the rows. */
      if (g_strcmp0 (id, last_id) == 0)
        continue;
      g_free (last);
      last = g_strdup (id);
      last_id = last;
      g_ptr_array_add (lines,
                       g_strdup_printf ("%s  %s  %s  %s  P%d  %s  %s  %s  %s",
                                        sqlite3_column_text (stmt, 1),
                                        sqlite3_column_text (stmt, 7),
                                        sqlite3_column_text (stmt, 3),
                                        sqlite3_column_text (stmt, 4),
                                        sqlite3_column_int (stmt, 5),
                                        sqlite3_column_text (stmt, 6),
                                        sqlite3_column_text (stmt, 2),
                                        sqlite3_column_text (stmt, 8),
                                        sqlite3_column_text (stmt, 9)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  cr = floor_begin (f->pdf, &surface);
  floor_draw_lines (cr, lines, f->n_pages);
  floor_end (cr, surface);

  return bench_now () - start;
}

typedef struct
{
  SbReportDocument *document;
  guint             n_pages;
  char             *pdf;
} OutputFloor;

static double
m_output_floor (gpointer data)
{
  OutputFloor *f = data;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  cairo_surface_t *surface;
  cairo_t *cr;
  double start = bench_now ();

  for (guint t = 0; t < sb_report_document_get_n_tables (f->document); t++)
    {
      SbReportTable *table = sb_report_document_get_table (f->document, t);
      guint n_columns = sb_report_table_get_n_columns (table);

      for (guint r = 0; r < sb_report_table_get_n_rows (table); r++)
        {
          GString *line = g_string_new (NULL);

          for (guint c = 0; c < n_columns; c++)
            {
              g_string_append (line, sb_report_table_get_cell (table, r, c));
              g_string_append (line, "  ");
            }
          g_ptr_array_add (lines, g_string_free (line, FALSE));
        }
    }

  cr = floor_begin (f->pdf, &surface);
  floor_draw_lines (cr, lines, f->n_pages);
  floor_end (cr, surface);

  return bench_now () - start;
}

/* ---- the two books ---- */

static void
bench_incident_log (const char *dir,
                    guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autofree char *path = g_build_filename (dir, "month.sqlite", NULL);
  g_autofree char *count = bench_format_count (n);
  g_autofree char *what = NULL;
  g_autofree char *month = NULL;
  ReportRun run = { 0 };
  LogFloor floor = { 0 };
  GDate today;
  double seconds, floor_s;
  gint64 from_ms, to_ms;

  store = sb_store_open (path, SB_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* Last month: a whole month, all of it in the past. */
  sb_contracts_get_today (store, &today);
  g_date_subtract_months (&today, 1);
  sb_report_period_for_day (SB_REPORT_PERIOD_MONTH, &today, &run.period);
  sb_report_period_get_range_ms (&run.period, &from_ms, &to_ms);
  generate_month (store, n, from_ms, to_ms);

  run.store = store;
  run.info = sb_reports_lookup ("incident-log");
  g_assert_nonnull (run.info);
  run.pdf = g_build_filename (dir, "incident-log-month.pdf", NULL);

  seconds = median_of (m_report, &run, RUNS_LOG);

  floor.book = path;
  floor.from_ms = from_ms;
  floor.to_ms = to_ms;
  floor.n_pages = run.n_pages;
  floor.pdf = g_build_filename (dir, "floor-month.pdf", NULL);
  floor_s = median_of (m_log_floor, &floor, RUNS_LOG);

  month = sb_report_period_to_string (&run.period);
  what = g_strdup_printf ("incident-log of %s incidents in %s to PDF: %u pages "
                          "(build %.2f s, layout %.2f s; CPU %.2f s)",
                          count, month, run.n_pages, run.build_s, run.layout_s, run.cpu_s);
  bench_report_time (what, seconds, n, floor_s, "≤ 5 s", seconds <= 5.0);

  g_clear_object (&run.document);
  g_free (run.pdf);
  g_free (floor.pdf);
}

static char *
first_id (SbStore    *store,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *id = NULL;

  if (sqlite3_prepare_v2 (sb_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (sb_store_get_db (store)));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_nonnull (id);

  return id;
}

static void
bench_sample_book (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autofree char *path = g_build_filename (dir, "sample.sqlite", NULL);
  g_autofree char *incident_id = NULL;
  g_autofree char *supplier_id = NULL;
  const SbReportInfo *reports;
  guint n_reports = 0;
  GDate today;

  store = sb_store_open (path, SB_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (!sb_sample_data_load (store, &error))
    g_error ("Sample data: %s", error->message);
  sb_contracts_get_today (store, &today);

  /* The incident with the longest timeline, the supplier with the most
   * contracts: the largest single-record reports the book has. */
  incident_id = first_id (store,
                          "SELECT i.id FROM incident i JOIN incident_event e ON e.incident_id = i.id "
                          "WHERE i.deleted = 0 GROUP BY i.id ORDER BY count (*) DESC, i.id LIMIT 1");
  supplier_id = first_id (store,
                          "SELECT s.id FROM supplier s LEFT JOIN contract c ON c.supplier_id = s.id "
                          "AND c.deleted = 0 WHERE s.deleted = 0 "
                          "GROUP BY s.id ORDER BY count (c.id) DESC, s.id LIMIT 1");

  reports = sb_reports_get_all (&n_reports);
  for (guint i = 0; i < n_reports; i++)
    {
      g_autofree char *what = NULL;
      g_autofree char *label = NULL;
      ReportRun run = { 0 };
      OutputFloor floor = { 0 };
      double seconds, floor_s;

      run.store = store;
      run.info = &reports[i];
      if (g_str_equal (run.info->name, "budget"))
        {
          /* The financial year, as the command line defaults to. */
          SbMonth start = sb_fiscal_year_start (&today, sb_budgets_get_fiscal_start_month (store));

          run.period.kind = SB_REPORT_PERIOD_YEAR;
          g_date_clear (&run.period.first, 1);
          g_date_set_dmy (&run.period.first, 1, sb_month_get_month (start),
                          sb_month_get_year (start));
          run.period.last = run.period.first;
          g_date_add_months (&run.period.last, 12);
          g_date_subtract_days (&run.period.last, 1);
        }
      else
        sb_report_period_for_day (SB_REPORT_PERIOD_MONTH, &today, &run.period);
      if (run.info->needs & SB_REPORT_NEEDS_INCIDENT)
        run.filters.incident_id = incident_id;
      if (run.info->needs & SB_REPORT_NEEDS_SUPPLIER)
        run.filters.supplier_id = supplier_id;
      run.pdf = g_strdup_printf ("%s/%s.pdf", dir, run.info->name);

      seconds = median_of (m_report, &run, RUNS_OTHER);

      floor.document = run.document;
      floor.n_pages = run.n_pages;
      floor.pdf = g_strdup_printf ("%s/floor-%s.pdf", dir, run.info->name);
      floor_s = median_of (m_output_floor, &floor, RUNS_OTHER);

      label = sb_report_period_to_string (&run.period);
      what = g_strdup_printf ("%s on the sample book (%s) to PDF: %u page%s (build %.3f s)",
                              run.info->name, label, run.n_pages, run.n_pages == 1 ? "" : "s",
                              run.build_s);
      bench_report_time (what, seconds, 0, floor_s, "≤ 1 s", seconds <= 1.0);

      g_clear_object (&run.document);
      g_free (run.pdf);
      g_free (floor.pdf);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  guint n;

  /* "≤" in the report lines: print in the locale's charset. */
  setlocale (LC_ALL, "");

  n = argc > 1 ? (guint)atoi (argv[1]) : 10000;
  dir = sb_test_make_tmpdir ();

  g_print ("# Wall-clock times; the incident log's line gives the CPU time of its last run too.\n");
  g_print ("# Times: build the document, paginate it, write the PDF (A4), as `servicebook report` does.\n"
           "# Floor of the incident log: the same rows read with bare sqlite3, then a PDF of the same\n"
           "#   page count, one line per incident, with cairo's toy text API.\n"
           "# Floor of the other reports: the output alone, a PDF of the same page count carrying\n"
           "#   every cell of the report's tables, one row a line, with cairo's toy text API.\n");

  bench_incident_log (dir, n);
  bench_sample_book (dir);
  bench_print_summary ("reports to PDF (medians; floors: bare sqlite3 and cairo's toy text)");

  sb_test_rm_rf (dir);

  return 0;
}

/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/*
 * What the incident benchmarks share: a clock, medians, resident memory,
 * a bare SQLite book with the real schema for the floors, the generated
 * incidents, and the report lines with their summary table.
 */

/* Seconds on the monotonic clock. */
double   bench_now             (void);
/* The median of @n values (sorts @values). */
double   bench_median          (double     *values,
                                guint       n);
/* VmRSS of this process in MiB. */
double   bench_rss_mb          (void);
/* "31,150" */
char    *bench_format_count    (gint64      n);

/* A new raw connection on @path with the book's PRAGMAs and every
 * migration applied: the "equivalent schema" of the floors. */
sqlite3 *bench_bare_open       (const char *path);
void     bench_bare_exec       (sqlite3    *db,
                                const char *sql);

/* What the store writes beside each record, written by a floor with bare
 * statements so that the floor does the same work: a journal row of the
 * record as JSON per insert, and the full-text index filled once before
 * the commit (sb-store-write.c). */
typedef struct
{
  sqlite3_stmt *insert;
  const char   *now;
  guint         counter;
  GString      *json;
} BenchJournal;

void     bench_journal_init    (BenchJournal *journal,
                                sqlite3      *db,
                                const char   *now);
/* Starts the JSON of a record; add its fields, then write it. */
void     bench_journal_begin   (BenchJournal *journal);
void     bench_journal_field   (BenchJournal *journal,
                                const char   *column,
                                const char   *value);
void     bench_journal_write   (BenchJournal *journal,
                                const char   *table,
                                const char   *id);
void     bench_journal_clear   (BenchJournal *journal);
void     bench_bare_fill_search_index (sqlite3 *db);

/* One generated incident. Deterministic in @index; strings are static
 * or owned by the struct (free with bench_incident_clear). Titles carry
 * BENCH_RARE_TITLE_WORD in 1 % of incidents, notes BENCH_NOTE_WORD in
 * about 1 %; BENCH_OPEN_EVERY-th incidents are still open. */
#define BENCH_RARE_TITLE_WORD "firmware"
#define BENCH_NOTE_WORD       "quarantined"
#define BENCH_OPEN_EVERY      10

typedef struct
{
  char       *reference;
  char       *title;
  char       *description;
  const char *service;        /* service code */
  const char *customer;       /* customer name */
  const char *contact;
  const char *channel;
  guint       impact;
  guint       urgency;
  guint       priority;       /* from the default matrix */
  const char *status;         /* "new", "in-progress", "on-hold", "closed" */
  const char *hold_reason;
  gint64      opened_ms;
  gint64      responded_ms;   /* G_MININT64 when unset */
  gint64      resolved_ms;
  gint64      closed_ms;
  const char *resolution_code;
  const char *resolution_notes;
  char       *note;
} BenchIncident;

void     bench_incident_make   (BenchIncident *out,
                                guint          index,
                                gint64         now_ms);
void     bench_incident_clear  (BenchIncident *incident);

extern const char * const bench_service_codes[];
extern const char * const bench_customer_names[];
#define BENCH_N_SERVICES  8
#define BENCH_N_CUSTOMERS 6

/*
 * A report line, printed at once and kept for the summary:
 *   "import 100,000 incidents: 3.21 s (31,150 /s); bare sqlite floor 0.41 s; ratio 7.8"
 * @count > 0 adds the rate; @floor_s < 0: no floor. @target_ok FALSE
 * appends "TARGET MISSED (@target)".
 */
void     bench_report_time     (const char *what,
                                double      seconds,
                                gint64      count,
                                double      floor_s,
                                const char *target,
                                gboolean    target_ok);
void     bench_report_memory   (const char *what,
                                double      mb,
                                double      floor_mb,
                                const char *target,
                                gboolean    target_ok);
/* The table of every line reported so far. */
void     bench_print_summary   (const char *title);

G_END_DECLS

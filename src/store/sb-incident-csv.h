/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "sb-csv.h"
#include "sb-incident-list.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * Bringing incidents in from other service desks and spreadsheets, and
 * writing them out. The import works in steps the UI and the command
 * line share:
 *   1. sb_incident_import_new(): read the file (BOM, ; or , separator,
 *      quoted newlines, CRLF, Windows-1252), guess the column mapping from
 *      the header (or take the one remembered for the same header), the
 *      date format and the value mappings;
 *   2. the caller may change the column mapping, the date format, the
 *      empty markers, value mappings and what to do with unknown services
 *      and customers;
 *   3. sb_incident_import_plan(): check every line and build the preview:
 *      every problem line with its reason, what will be created, how many
 *      rows were collapsed (an event log: several rows with one reference
 *      become one incident at its latest state, the earlier rows kept as
 *      timeline entries where they say something: a status change, a
 *      note, a priority change);
 *   4. sb_incident_import_apply(): one transaction; lines with problems
 *      are left out (the preview said so); remembers the mapping; returns
 *      the import batch id for undo.
 */

typedef enum
{
  SB_INCIDENT_FIELD_IGNORE,
  SB_INCIDENT_FIELD_REFERENCE,
  SB_INCIDENT_FIELD_TITLE,
  SB_INCIDENT_FIELD_DESCRIPTION,
  SB_INCIDENT_FIELD_SERVICE,          /* a service code or name */
  SB_INCIDENT_FIELD_CUSTOMER,         /* a customer name */
  SB_INCIDENT_FIELD_CONTACT,
  SB_INCIDENT_FIELD_CHANNEL,
  SB_INCIDENT_FIELD_CATEGORY,
  SB_INCIDENT_FIELD_IMPACT,
  SB_INCIDENT_FIELD_URGENCY,
  SB_INCIDENT_FIELD_PRIORITY,
  SB_INCIDENT_FIELD_MAJOR,
  SB_INCIDENT_FIELD_STATUS,
  SB_INCIDENT_FIELD_HOLD_REASON,
  SB_INCIDENT_FIELD_OPENED,
  SB_INCIDENT_FIELD_RESPONDED,
  SB_INCIDENT_FIELD_RESOLVED,
  SB_INCIDENT_FIELD_CLOSED,
  SB_INCIDENT_FIELD_RESOLUTION_CODE,
  SB_INCIDENT_FIELD_RESOLUTION_NOTES,
  SB_INCIDENT_FIELD_WORKAROUND,
  SB_INCIDENT_FIELD_NOTE,             /* a comment or work note: a timeline note */
  SB_INCIDENT_FIELD_EVENT_TIME,       /* when this row of an event log happened */
  SB_INCIDENT_FIELD_TIME_SPENT,       /* minutes, or "1:30", "1h 30m" */
  SB_INCIDENT_FIELD_REOPEN_COUNT,     /* how often it was reopened */
} SbIncidentField;

#define SB_INCIDENT_N_FIELDS (SB_INCIDENT_FIELD_REOPEN_COUNT + 1)

/* "reference", "title", …, as the command line's --map takes them */
const char *sb_incident_field_to_string   (SbIncidentField  field);
gboolean    sb_incident_field_from_string (const char      *text,
                                           SbIncidentField *out_field);
/* Translated: "Reference", "Opened", "Ignore this column" */
const char *sb_incident_field_get_label   (SbIncidentField  field);
/* Fields whose values are mapped: channel, impact, urgency, priority,
 * major, status, hold reason, resolution code. */
gboolean    sb_incident_field_is_enumerated (SbIncidentField field);
/* The values an enumerated field accepts (NULL-terminated, database
 * form: "1".."3", "1".."5", "new"…, "yes"/"no", …). */
const char * const *sb_incident_field_get_values (SbIncidentField field);

typedef enum
{
  SB_DATE_FORMAT_AUTO,         /* guessed from the data */
  SB_DATE_FORMAT_ISO,          /* 2026-10-31 14:05[:09][Z|+01:00], T or space */
  SB_DATE_FORMAT_DAY_FIRST,    /* 31/10/2026 14:05[:09], / . or - */
  SB_DATE_FORMAT_MONTH_FIRST,  /* 10/31/2026 2:05[:09] PM */
} SbDateFormat;

const char *sb_date_format_to_string   (SbDateFormat  format);   /* "auto", "iso", "day-first", "month-first" */
gboolean    sb_date_format_from_string (const char   *text,
                                        SbDateFormat *out_format);

/*
 * Parse one date-time in @format (never AUTO) in @tz (times without an
 * offset are local to @tz). A date alone means 00:00. Impossible dates
 * (31/02/2026, 25:00) are errors that name the value.
 */
gboolean    sb_incident_csv_parse_time (const char   *text,
                                        SbDateFormat  format,
                                        GTimeZone    *tz,
                                        gint64       *out_ms,
                                        GError      **error);

typedef enum
{
  SB_UNKNOWN_CREATE,    /* create the service or customer (default) */
  SB_UNKNOWN_MAP,       /* map to an existing one */
  SB_UNKNOWN_LEAVE,     /* import the incident without it */
} SbUnknownChoice;

typedef struct _SbIncidentImport SbIncidentImport;

SbIncidentImport *sb_incident_import_new        (SbStore           *store,
                                                 GFile             *file,
                                                 GError           **error);
void              sb_incident_import_free       (SbIncidentImport  *self);

/* The file's columns and a few sample values each. */
guint             sb_incident_import_get_n_columns   (SbIncidentImport *self);
const char       *sb_incident_import_get_column_name (SbIncidentImport *self, guint column);
/* Up to @max non-empty values from the first lines, joined by ", ". */
char             *sb_incident_import_get_samples     (SbIncidentImport *self, guint column, guint max);
guint             sb_incident_import_get_n_rows      (SbIncidentImport *self);

/* Column mapping: guessed, remembered, editable. A field can be mapped
 * from one column only; setting it moves it. */
SbIncidentField   sb_incident_import_get_mapping     (SbIncidentImport *self, guint column);
void              sb_incident_import_set_mapping     (SbIncidentImport *self, guint column,
                                                      SbIncidentField field);
/* TRUE if the mapping came from a previous import of a file with the
 * same header. */
gboolean          sb_incident_import_mapping_was_remembered (SbIncidentImport *self);

SbDateFormat      sb_incident_import_get_date_format (SbIncidentImport *self);   /* the guess if AUTO */
void              sb_incident_import_set_date_format (SbIncidentImport *self, SbDateFormat format);
void              sb_incident_import_set_time_zone   (SbIncidentImport *self, GTimeZone *tz);  /* default: local */

/* Values that mean "empty": default "", "-", "n/a", "na", "null",
 * "none", "(empty)", "(none)", case-insensitive. */
const char * const *sb_incident_import_get_empty_markers (SbIncidentImport *self);
void              sb_incident_import_set_empty_markers   (SbIncidentImport *self,
                                                          const char * const *markers);

/* Value mapping of an enumerated field: the distinct source values seen
 * (NULL-terminated, in first-seen order) and the target of each (guessed:
 * "2 - Medium" → "2", "P1" → "1", "Closed" → "closed", "Pending
 * customer" → on hold awaiting customer...; NULL when no guess). */
char            **sb_incident_import_get_source_values (SbIncidentImport *self, SbIncidentField field);
const char       *sb_incident_import_get_value_mapping (SbIncidentImport *self, SbIncidentField field,
                                                        const char *source);
void              sb_incident_import_set_value_mapping (SbIncidentImport *self, SbIncidentField field,
                                                        const char *source, const char *target);

/* Services and customers named in the file that the book does not have
 * (after mapping), NULL-terminated; and the choice for each. */
char            **sb_incident_import_get_unknown_services  (SbIncidentImport *self);
char            **sb_incident_import_get_unknown_customers (SbIncidentImport *self);
void              sb_incident_import_set_unknown_service   (SbIncidentImport *self, const char *name,
                                                            SbUnknownChoice choice,
                                                            const char *existing_id);
void              sb_incident_import_set_unknown_customer  (SbIncidentImport *self, const char *name,
                                                            SbUnknownChoice choice,
                                                            const char *existing_id);
/* The same choice for every unknown name at once (the CLI's --unknown). */
void              sb_incident_import_set_unknown_default   (SbIncidentImport *self,
                                                            SbUnknownChoice   choice);

/* The preview */
typedef struct
{
  guint       line;        /* first file line of the incident (1 = header) */
  const char *reference;
  const char *title;
  const char *problem;     /* NULL if fine; otherwise why the line is left out */
  guint       n_rows;      /* rows collapsed into this incident */
  guint       n_events;    /* timeline entries it will get */
  gboolean    exists;      /* the reference is already in the book: skipped */
} SbIncidentImportItem;

gboolean          sb_incident_import_plan        (SbIncidentImport *self, GError **error);
guint             sb_incident_import_get_n_items (SbIncidentImport *self);
const SbIncidentImportItem *sb_incident_import_get_item (SbIncidentImport *self, guint index);
guint             sb_incident_import_get_n_problems (SbIncidentImport *self);
guint             sb_incident_import_get_n_new      (SbIncidentImport *self);
/* Plain sentences: "1,204 incidents will be imported from 3,870 rows (an
 * event log). 2 lines have problems and will be left out. 3 services
 * will be created: …" */
char             *sb_incident_import_summarize      (SbIncidentImport *self);

/* One transaction. @out_batch_id: for sb_incident_import_undo(). */
gboolean          sb_incident_import_apply       (SbIncidentImport  *self,
                                                  char             **out_batch_id,
                                                  GError           **error);

/* The same transaction written a slice at a time, for a window that
 * shows progress: start, step until done, finish; free rolls back a run
 * not finished. The book takes no other change meanwhile. */
typedef struct _SbIncidentImportRun SbIncidentImportRun;

SbIncidentImportRun *sb_incident_import_run_start  (SbIncidentImport     *self,
                                                    GError              **error);
gboolean          sb_incident_import_run_step    (SbIncidentImportRun  *run,
                                                  gint64                budget_us,
                                                  gboolean             *out_done,
                                                  GError              **error);
guint             sb_incident_import_run_get_n_written (SbIncidentImportRun *run);
gboolean          sb_incident_import_run_finish  (SbIncidentImportRun  *run,
                                                  char                **out_batch_id,
                                                  GError              **error);
void              sb_incident_import_run_free    (SbIncidentImportRun  *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbIncidentImportRun, sb_incident_import_run_free)

/* Undo an import: tombstones its incidents (with their timelines) and
 * the services and customers it created, in one transaction. NULL
 * @batch_id: the latest import not yet undone. */
gboolean          sb_incident_import_undo        (SbStore     *store,
                                                  const char  *batch_id,
                                                  GError     **error);

/* Export what @filter matches (NULL: everything) in the importable
 * format: the same columns sb_incident_import_new() guesses back. */
gboolean          sb_incident_csv_export_to_file (SbStore                *store,
                                                  const SbIncidentFilter *filter,
                                                  GFile                  *file,
                                                  SbCsvWriteFlags         flags,
                                                  GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbIncidentImport, sb_incident_import_free)

G_END_DECLS

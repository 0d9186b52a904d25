/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "sb-incident-csv.h"
#include "sb-catalog.h"
#include "sb-incidents-private.h"

G_BEGIN_DECLS

/*
 * Shared by the parts of the incident import: reading and planning
 * (sb-incident-csv.c), guessing headers, values and dates
 * (sb-incident-csv-guess.c), writing and undo (sb-incident-csv-apply.c).
 */

#define SB_INCIDENT_IMPORT_SETTING "import-mapping:incidents"

/* One row of the file, cells stripped (sb_csv_read_table()). */
typedef SbCsvTableRow SbImportRow;

/* The date columns, in the order of ImportValues.times. */
enum
{
  SB_IMPORT_TIME_OPENED,
  SB_IMPORT_TIME_RESPONDED,
  SB_IMPORT_TIME_RESOLVED,
  SB_IMPORT_TIME_CLOSED,
  SB_IMPORT_TIME_EVENT,
  SB_IMPORT_N_TIMES,
};

/* One row, read with the mapping: texts point into the row's cells (NULL
 * when empty), enumerations to the mapped targets (owned by the value
 * maps), times in ms or SB_INCIDENT_NO_TIME. */
typedef struct
{
  const char *text[SB_INCIDENT_N_FIELDS];
  gint64      times[SB_IMPORT_N_TIMES];
  guint       minutes;
  guint       reopen_count;
  char       *problem;     /* owned; NULL when the row is fine */
} SbImportValues;

/* One timeline entry to write. */
typedef struct
{
  gint64      at_ms;
  const char *kind;
  gboolean    customer_visible;
  const char *field;
  char       *old_value;
  char       *new_value;
  const char *body;        /* points into a row */
  guint       minutes;
} SbImportEvent;

/* One incident to write: the latest values of its rows, the history. */
typedef struct
{
  SbImportValues   v;                /* merged; problem unused */
  SbIncidentStatus status;
  const char      *hold_reason;
  const char      *resolution_code;
  guint            impact;
  guint            urgency;
  guint            priority;         /* 0: from the matrix */
  gboolean         major;
  gint64           opened_ms;
  gint64           responded_ms;
  gint64           resolved_ms;
  gint64           closed_ms;
  guint            reopen_count;
  GArray          *events;           /* SbImportEvent, by time */
} SbImportBuilt;

typedef struct
{
  SbIncidentImportItem  item;
  char                 *problem;
  guint                *rows;        /* indices into self->rows, by time */
  guint                 n_rows;
  SbImportBuilt        *built;       /* NULL when it has a problem or exists */
} SbImportPlanItem;

typedef struct
{
  SbUnknownChoice choice;
  char           *existing_id;
  gboolean        listed;        /* named by the current plan */
} SbUnknownName;

struct _SbIncidentImport
{
  SbStore          *store;
  char             *file_name;
  char            **header;
  guint             n_columns;
  guint             header_line;
  char             *header_key;      /* normalized, for the remembered mapping */
  GPtrArray        *rows;            /* SbImportRow */
  SbCsvEncoding     encoding;

  SbIncidentField  *mapping;         /* per column */
  gboolean          remembered;
  SbDateFormat      date_format;     /* as set; AUTO by default */
  SbDateFormat      date_guess;      /* never AUTO */
  GTimeZone        *tz;
  char            **empty_markers;   /* casefolded */

  /* per enumerated field: source → target (NULL: no mapping) and the
   * sources in first-seen order */
  GHashTable       *values[SB_INCIDENT_N_FIELDS];
  GPtrArray        *sources[SB_INCIDENT_N_FIELDS];

  /* the book */
  GHashTable       *service_by_key;  /* casefolded code and name → id */
  GHashTable       *service_codes;   /* upper-case code → id */
  GHashTable       *customer_by_key; /* casefolded name → id */
  GHashTable       *references;      /* existing references */
  SbPriorityMatrix *matrix;

  /* unknown names (casefolded → SbUnknownName) and their spelling */
  SbUnknownChoice   unknown_default;
  GHashTable       *unknown_services;
  GHashTable       *unknown_customers;
  GPtrArray        *unknown_service_names;
  GPtrArray        *unknown_customer_names;

  /* the plan */
  gboolean          planned;
  SbImportValues   *row_values;      /* per row */
  GPtrArray        *items;           /* SbImportPlanItem */
  guint             n_problems;
  guint             n_new;
  guint             n_exists;
  guint             n_rows_used;
};

/* sb-incident-csv-guess.c */
char            *sb_import_normalize_header   (const char       *text);
SbIncidentField  sb_import_guess_field        (const char       *normalized);
char            *sb_import_guess_value        (SbIncidentField   field,
                                               const char       *source);
SbDateFormat     sb_import_guess_date_format  (SbIncidentImport *self);
gboolean         sb_import_parse_minutes      (const char       *text,
                                               guint            *out_minutes);
char            *sb_import_service_code_for   (const char       *name,
                                               GHashTable       *taken);

/* sb-incident-csv-history.c */
char            *sb_import_build_item         (SbIncidentImport  *self,
                                               SbImportPlanItem  *item,
                                               SbImportBuilt    **out_built);

/* sb-incident-csv-apply.c */
gboolean         sb_import_load_remembered    (SbIncidentImport *self);

/* sb-incident-csv.c */
void             sb_import_built_free         (SbImportBuilt    *built);
void             sb_import_clear_plan         (SbIncidentImport *self);
const char      *sb_import_resolve_service    (SbIncidentImport *self,
                                               const char       *name,
                                               gboolean         *out_unknown);
const char      *sb_import_resolve_customer   (SbIncidentImport *self,
                                               const char       *name,
                                               gboolean         *out_unknown);

G_END_DECLS

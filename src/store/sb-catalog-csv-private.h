/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-catalog-csv.h"
#include "sb-store-private.h"

G_BEGIN_DECLS

/*
 * The preview machinery every CSV import kind shares
 * (sb-catalog-csv-common.c): reading cells by header, plan lines with
 * their problems, comparing a merged record with the one in the book.
 * Services and customers plan in sb-catalog-csv.c, suppliers and
 * contracts in sb-supplier-csv.c and sb-contract-csv.c.
 */

/* One column of a kind, in the order export writes them. */
typedef struct
{
  const char *header;     /* as export writes it */
  const char *synonyms;   /* other names, normalized, separated by | */
  gboolean    required;
  gboolean    derived;    /* written for people, ignored on import */
} SbCsvColumn;

typedef struct
{
  guint   line;
  char  **cells;
} SbCsvRow;

typedef struct
{
  SbImportItem   item;           /* points into the fields below */
  char          *key;
  char          *name;
  char          *problem;
  char          *changes;
  GObject       *object;         /* merged record, ready to save */
  GObject       *existing;       /* the record in the book, or NULL */
  char         **depends_on;     /* services: codes, when the file sets them */
} SbPlanLine;

typedef struct
{
  GPtrArray *lines;              /* SbPlanLine */
  GPtrArray *notes;              /* char * */
} SbPlan;

struct _SbImportPreview
{
  SbCatalogCsvKind  kind;
  char             *source;
  char            **header;
  guint             header_line;
  GPtrArray        *rows;        /* SbCsvRow */
  SbPlan           *plan;
  char            **notes;       /* NULL-terminated copy for the getter */
};

/* The text of one field of a record, as export writes it and import
 * compares it; never NULL. */
typedef char *(*SbCsvTextFunc) (gpointer  data,
                                GObject  *record,
                                int       field);

/* Plans one data line: sets the line's key, name, merged object and
 * existing record, and adds its problems. @file_keys: casefolded keys of
 * the lines before -> their line number, for keys given twice. */
typedef void (*SbCsvPlanRowFunc) (gpointer    data,
                                  SbCsvRow   *row,
                                  const int  *field_column,
                                  GHashTable *file_keys,
                                  SbPlanLine *line,
                                  GPtrArray  *problems);

/* The columns allow at most this many fields (services have the most). */
#define SB_CSV_MAX_FIELDS 64

/* The ten target columns (P1 response … P5 resolution) start at
 * @targets_base; -1: the kind has none. */
void        sb_csv_import_row_free        (SbCsvRow          *row);
SbPlan     *sb_csv_import_plan_new        (void);
void        sb_csv_import_plan_free       (SbPlan            *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbPlan, sb_csv_import_plan_free)

char       *sb_csv_import_normalize_name  (const char        *text);
char       *sb_csv_import_keyword         (const char        *text);
char       *sb_csv_import_join_choices    (const char * const *choices);
char       *sb_csv_import_join_sorted     (GPtrArray         *items);
GPtrArray  *sb_csv_import_split_list      (const char        *text,
                                           const char        *separators);
gboolean    sb_csv_import_has_string      (GPtrArray         *items,
                                           const char        *text);
void        sb_csv_import_add_problem     (GPtrArray         *problems,
                                           const char        *format,
                                           ...) G_GNUC_PRINTF (2, 3);
const char *sb_csv_import_read_choice     (const char        *text,
                                           const char * const *choices,
                                           const char        *what,
                                           GPtrArray         *problems);
gboolean    sb_csv_import_read_duration   (const char        *text,
                                           const char        *column,
                                           guint             *out_minutes,
                                           GPtrArray         *problems);
char       *sb_csv_import_format_duration (guint              minutes);
char       *sb_csv_import_problem_text    (const GError      *error);

void        sb_csv_import_map_header      (const SbCsvColumn *columns,
                                           int                n_fields,
                                           int                targets_base,
                                           char             **header,
                                           int               *field_column,
                                           GPtrArray         *problems,
                                           GPtrArray         *notes);
const char *sb_csv_import_cell            (SbCsvRow          *row,
                                           const int         *field_column,
                                           int                field,
                                           GPtrArray         *scratch);
SbPlanLine *sb_csv_import_header_problem  (guint              header_line,
                                           GPtrArray         *problems);
void        sb_csv_import_check_width     (SbPlanLine        *line,
                                           SbCsvRow          *row,
                                           char             **header);
void        sb_csv_import_finish_line     (SbPlanLine        *line,
                                           GPtrArray         *problems);
void        sb_csv_import_compare         (SbPlanLine        *line,
                                           const SbCsvColumn *columns,
                                           int                n_fields,
                                           SbCsvTextFunc      text,
                                           gpointer           data);
void        sb_csv_import_publish         (SbPlanLine        *line);
SbPlan     *sb_csv_import_plan_rows       (const SbCsvColumn *columns,
                                           int                n_fields,
                                           int                targets_base,
                                           char             **header,
                                           guint              header_line,
                                           GPtrArray         *rows,
                                           SbCsvPlanRowFunc   plan_row,
                                           SbCsvTextFunc      text,
                                           gpointer           data);

void        sb_csv_import_write_header    (GString           *out,
                                           const SbCsvColumn *columns,
                                           int                n_fields,
                                           SbCsvWriteFlags    flags);
gboolean    sb_csv_import_replace_file    (GFile             *file,
                                           GBytes            *bytes,
                                           GError           **error);

/* sb-supplier-csv.c: suppliers and contracts */
SbPlan     *sb_supplier_csv_plan          (SbStore           *store,
                                           SbCatalogCsvKind   kind,
                                           char             **header,
                                           guint              header_line,
                                           GPtrArray         *rows,
                                           GError           **error);
gboolean    sb_supplier_csv_write         (SbTransaction     *tx,
                                           SbStore           *store,
                                           SbPlan            *plan,
                                           GError           **error);
GBytes     *sb_supplier_csv_export        (SbStore           *store,
                                           SbCatalogCsvKind   kind,
                                           SbCsvWriteFlags    flags,
                                           GError           **error);

/* sb-contract-csv.c */
SbPlan     *sb_contract_csv_plan          (SbStore           *store,
                                           char             **header,
                                           guint              header_line,
                                           GPtrArray         *rows,
                                           GError           **error);
GBytes     *sb_contract_csv_export        (SbStore           *store,
                                           SbCsvWriteFlags    flags,
                                           GError           **error);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-costs.h"
#include "sb-csv.h"
#include "sb-incident-csv.h"
#include "sb-import-batch.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * Bringing costs in from an accounting or bank export, and writing costs
 * and budgets out (DOMAIN.md, Budgets and costs). The import works in the
 * steps of the incident import (sb-incident-csv.h):
 *   1. sb_cost_import_new(): read the file (BOM, ; or , separator, quoted
 *      newlines, Windows-1252), guess the column mapping from the header
 *      in English, Spanish or German (or take the one remembered in the
 *      book setting "import-mapping:costs" for the same header), the date
 *      format, the decimal mark and the category of each word;
 *   2. the caller may change the mapping, the date format, the decimal
 *      mark, the category of a word, the default category and currency,
 *      and what to do with suppliers the book does not have;
 *   3. sb_cost_import_plan(): check every line and build the preview:
 *      each line is new, has a problem (with its reason), is skipped
 *      (bank noise: a balance line, no amount; with the reason) or is a
 *      duplicate of a cost already in the book (same date, amount,
 *      currency and invoice reference, or description when there is no
 *      reference);
 *   4. sb_cost_import_apply(): the new lines in one transaction, with an
 *      import batch (kind "costs") that sb_cost_import_undo() takes back.
 *
 * Amounts: "1.234,56", "1,234.56", "-45.00", "(45.00)", "€ 45". A single
 * amount column is read as an accounting export (a cost is positive, a
 * negative amount a credit note) unless most amounts are negative: then
 * it is a bank statement, where money going out is the cost. Debit and
 * credit columns: a debit is a cost, a credit a credit note.
 */

typedef enum
{
  SB_COST_FIELD_IGNORE,
  SB_COST_FIELD_DATE,
  SB_COST_FIELD_AMOUNT,        /* signed */
  SB_COST_FIELD_DEBIT,         /* a cost */
  SB_COST_FIELD_CREDIT,        /* a credit note */
  SB_COST_FIELD_CURRENCY,
  SB_COST_FIELD_RATE,          /* units of base currency per unit */
  SB_COST_FIELD_CATEGORY,      /* a word mapped to a category */
  SB_COST_FIELD_SUPPLIER,      /* a supplier name */
  SB_COST_FIELD_CONTRACT,      /* a contract reference */
  SB_COST_FIELD_SERVICE,       /* a service code or name */
  SB_COST_FIELD_INVOICE,       /* the invoice reference */
  SB_COST_FIELD_DESCRIPTION,
} SbCostField;

#define SB_COST_N_FIELDS (SB_COST_FIELD_DESCRIPTION + 1)

/* "date", "amount", …, as the command line's --map takes them */
const char *sb_cost_field_to_string   (SbCostField  field);
gboolean    sb_cost_field_from_string (const char  *text,
                                       SbCostField *out_field);
/* Translated: "Date", "Debit", "Ignore this column" */
const char *sb_cost_field_get_label   (SbCostField  field);

typedef enum
{
  SB_DECIMAL_AUTO,      /* guessed from the file's amounts */
  SB_DECIMAL_POINT,     /* 1,234.56 */
  SB_DECIMAL_COMMA,     /* 1.234,56 */
} SbDecimalMark;

const char *sb_decimal_mark_to_string   (SbDecimalMark  mark);   /* "auto", "point", "comma" */
gboolean    sb_decimal_mark_from_string (const char    *text,
                                         SbDecimalMark *out_mark);

/* The category a word of an export most likely means ("Licences" →
 * software, "Schulung" → training), or NULL. */
const char *sb_cost_csv_guess_category  (const char    *word);

typedef struct _SbCostImport SbCostImport;

SbCostImport *sb_cost_import_new               (SbStore       *store,
                                                GFile         *file,
                                                GError       **error);
void          sb_cost_import_free              (SbCostImport  *self);

guint         sb_cost_import_get_n_columns     (SbCostImport  *self);
const char   *sb_cost_import_get_column_name   (SbCostImport  *self,
                                                guint          column);
guint         sb_cost_import_get_n_rows        (SbCostImport  *self);

/* A field can be mapped from one column only; setting it moves it. */
SbCostField   sb_cost_import_get_mapping       (SbCostImport  *self,
                                                guint          column);
void          sb_cost_import_set_mapping       (SbCostImport  *self,
                                                guint          column,
                                                SbCostField    field);
gboolean      sb_cost_import_mapping_was_remembered (SbCostImport *self);

/* Dates are days: the time of day, if any, is ignored. */
SbDateFormat  sb_cost_import_get_date_format   (SbCostImport  *self);   /* the guess if AUTO */
void          sb_cost_import_set_date_format   (SbCostImport  *self,
                                                SbDateFormat   format);
SbDecimalMark sb_cost_import_get_decimal_mark  (SbCostImport  *self);   /* the guess if AUTO */
void          sb_cost_import_set_decimal_mark  (SbCostImport  *self,
                                                SbDecimalMark  mark);
/* TRUE when a single amount column is read as a bank statement (money
 * going out, negative, is the cost). */
gboolean      sb_cost_import_get_bank_signs    (SbCostImport  *self);

/* Values that mean "empty", as for incidents. */
void          sb_cost_import_set_empty_markers (SbCostImport  *self,
                                                const char * const *markers);

/* The category of a word of the category column: the distinct words
 * (NULL-terminated, first seen first), the category of each (guessed;
 * NULL when no guess), and a change. */
char        **sb_cost_import_get_category_words (SbCostImport *self);
const char   *sb_cost_import_get_category_mapping (SbCostImport *self,
                                                   const char   *word);
void          sb_cost_import_set_category_mapping (SbCostImport *self,
                                                   const char   *word,
                                                   const char   *category);
/* For lines without a category (or without a category column). */
void          sb_cost_import_set_default_category (SbCostImport *self,
                                                   const char   *category);
/* For lines without a currency; default the book's base currency. */
void          sb_cost_import_set_default_currency (SbCostImport *self,
                                                   const char   *currency);
/* Suppliers the book lacks: SB_UNKNOWN_CREATE (default) or
 * SB_UNKNOWN_LEAVE (the cost is imported without a supplier). */
void          sb_cost_import_set_unknown_suppliers (SbCostImport   *self,
                                                    SbUnknownChoice choice);
/* After a plan: the suppliers named in the file the book lacks. */
char        **sb_cost_import_get_unknown_suppliers (SbCostImport *self);

typedef enum
{
  SB_COST_LINE_NEW,
  SB_COST_LINE_PROBLEM,     /* left out: reason says why */
  SB_COST_LINE_SKIPPED,     /* bank noise: reason says why */
  SB_COST_LINE_DUPLICATE,   /* already in the book */
} SbCostLineStatus;

typedef struct
{
  guint             line;          /* file line (1 = header) */
  SbCostLineStatus  status;
  const char       *date;          /* YYYY-MM-DD, NULL when unread */
  gint64            amount;        /* minor units; < 0 a credit note */
  const char       *currency;
  const char       *description;   /* the description, else the invoice reference */
  const char       *reason;        /* NULL for a new line */
} SbCostImportItem;

gboolean      sb_cost_import_plan              (SbCostImport  *self,
                                                GError       **error);
guint         sb_cost_import_get_n_items       (SbCostImport  *self);
const SbCostImportItem *sb_cost_import_get_item (SbCostImport *self,
                                                 guint         index);
guint         sb_cost_import_get_n_new         (SbCostImport  *self);
guint         sb_cost_import_get_n_problems    (SbCostImport  *self);
guint         sb_cost_import_get_n_skipped     (SbCostImport  *self);
guint         sb_cost_import_get_n_duplicates  (SbCostImport  *self);
/* Plain sentences: "12 costs will be imported. 2 lines have problems and
 * will be left out. 1 line is skipped. 3 are already in the book." */
char         *sb_cost_import_summarize         (SbCostImport  *self);

/* One transaction; remembers the mapping. @out_batch_id: for
 * sb_cost_import_undo() (NULL when nothing was new). */
gboolean      sb_cost_import_apply             (SbCostImport  *self,
                                                char         **out_batch_id,
                                                GError       **error);

/* Tombstones the costs of a cost import and the suppliers it created
 * that nothing else uses, in one transaction. NULL @batch_id: the latest
 * cost import not yet undone. */
gboolean      sb_cost_import_undo              (SbStore       *store,
                                                const char    *batch_id,
                                                GError       **error);

/* The costs @filter matches (NULL: all), oldest first, in the columns
 * sb_cost_import_new() reads back: date, amount, currency, rate,
 * category, supplier, contract, service, invoice, description. */
gboolean      sb_cost_csv_export_to_file       (SbStore            *store,
                                                const SbCostFilter *filter,
                                                GFile              *file,
                                                SbCsvWriteFlags     flags,
                                                GError            **error);

/* The grid of a budget by line on @today (NULL: the store's today):
 * "Line", "Category", then per month "<YYYY-MM> planned", "actual",
 * "variance", then the totals; a last row "Total". Plain decimals in the
 * budget's currency. */
gboolean      sb_budget_csv_export_to_file     (SbStore            *store,
                                                const char         *budget_id,
                                                const GDate        *today,
                                                GFile              *file,
                                                SbCsvWriteFlags     flags,
                                                GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbCostImport, sb_cost_import_free)

G_END_DECLS

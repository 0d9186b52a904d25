/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-cost-csv.h"
#include "sb-costs-private.h"

G_BEGIN_DECLS

/*
 * Shared by the parts of the cost import: reading, guessing and planning
 * (sb-cost-csv.c), writing, undo and the remembered mapping
 * (sb-cost-csv-apply.c).
 */

#define SB_COST_IMPORT_SETTING "import-mapping:costs"

/* One row of the file, cells stripped (sb_csv_read_table()). */
typedef SbCsvTableRow SbCostRow;

/* One planned line. */
typedef struct
{
  SbCostImportItem  item;
  char             *date;
  char             *reason;
  char              currency[4];
  SbCostEntry      *entry;          /* the cost to write, for a new line */
  char             *new_supplier;   /* a supplier to create for it */
} SbCostPlanItem;

struct _SbCostImport
{
  SbStore          *store;
  char             *file_name;
  char            **header;
  guint             n_columns;
  guint             header_line;
  char             *header_key;      /* normalized, for the remembered mapping */
  GPtrArray        *rows;            /* SbCostRow */
  SbCsvEncoding     encoding;

  SbCostField      *mapping;         /* per column */
  gboolean          remembered;
  SbDateFormat      date_format;     /* as set; AUTO by default */
  SbDateFormat      date_guess;      /* never AUTO */
  SbDecimalMark     decimal;         /* as set; AUTO by default */
  SbDecimalMark     decimal_guess;   /* never AUTO */
  gboolean          bank_signs;
  char            **empty_markers;
  char             *default_category;
  char             *default_currency;
  SbUnknownChoice   unknown_suppliers;

  GHashTable       *categories;      /* word → category (NULL: none) */
  GPtrArray        *words;           /* the category words, first seen first */

  /* the book */
  char              base[4];
  GHashTable       *supplier_by_name;   /* casefolded → id */
  GHashTable       *contract_by_ref;    /* casefolded → id */
  GHashTable       *service_by_key;     /* casefolded code and name → id */
  GHashTable       *existing;           /* duplicate keys of the book's costs */

  /* the plan */
  gboolean          planned;
  GPtrArray        *items;              /* SbCostPlanItem */
  GPtrArray        *unknown_names;      /* suppliers to create or leave, as spelt */
  guint             n_new;
  guint             n_problems;
  guint             n_skipped;
  guint             n_duplicates;
};

/* sb-cost-csv.c */
void         sb_cost_plan_item_free      (SbCostPlanItem *item);
void         sb_cost_import_clear_plan   (SbCostImport   *self);
int          sb_cost_import_column_of    (SbCostImport   *self,
                                          SbCostField     field);
gboolean     sb_cost_import_is_empty     (SbCostImport   *self,
                                          const char     *value);
/* The cell of @field in @row, or NULL when unmapped or empty. */
const char  *sb_cost_import_cell         (SbCostImport   *self,
                                          SbCostRow      *row,
                                          SbCostField     field);
gboolean     sb_cost_import_parse_amount (SbCostImport   *self,
                                          const char     *value,
                                          const char     *currency,
                                          gint64         *out,
                                          GError        **error);
char     *sb_cost_import_duplicate_key  (const char   *date,
                                         gint64        amount,
                                         const char   *currency,
                                         const char   *invoice_ref,
                                         const char   *description);
void      sb_cost_import_refresh        (SbCostImport *self);

/* sb-cost-csv-apply.c */
gboolean  sb_cost_import_load_remembered (SbCostImport *self);

G_END_DECLS

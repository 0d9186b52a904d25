/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-csv.h"
#include "sb-store.h"

G_BEGIN_DECLS

/**
 * SbCatalogCsvKind:
 * @SB_CATALOG_CSV_SERVICES: services, matched by code
 * @SB_CATALOG_CSV_CUSTOMERS: customers, matched by name
 * @SB_CATALOG_CSV_SUPPLIERS: suppliers with their main contact, matched by
 *   name
 * @SB_CATALOG_CSV_CONTRACTS: contracts, matched by supplier name and
 *   reference; their suppliers must be in the book
 * @SB_CATALOG_CSV_N_KINDS: the number of kinds
 *
 * What a register CSV file holds.
 */
typedef enum
{
  SB_CATALOG_CSV_SERVICES,
  SB_CATALOG_CSV_CUSTOMERS,
  SB_CATALOG_CSV_SUPPLIERS,
  SB_CATALOG_CSV_CONTRACTS,
  SB_CATALOG_CSV_N_KINDS,
} SbCatalogCsvKind;

/**
 * SbImportAction:
 * @SB_IMPORT_ACTION_CREATE: the line makes a new record
 * @SB_IMPORT_ACTION_UPDATE: the line changes an existing record
 * @SB_IMPORT_ACTION_UNCHANGED: the record already holds what the line says
 * @SB_IMPORT_ACTION_SKIP: the line cannot be read; see its problem
 */
typedef enum
{
  SB_IMPORT_ACTION_CREATE,
  SB_IMPORT_ACTION_UPDATE,
  SB_IMPORT_ACTION_UNCHANGED,
  SB_IMPORT_ACTION_SKIP,
} SbImportAction;

/**
 * SbImportItem:
 * @line: the physical line the record starts on (1 is the header)
 * @action: what importing the line does
 * @key: the service code, customer or supplier name, or the contract as
 *   "Supplier / REFERENCE"; %NULL when unreadable
 * @name: the service name or contract title, or %NULL
 * @problem: (nullable): why the line cannot be imported, in plain words
 * @changes: (nullable): for an update, the columns that change, e.g.
 *   "Owner, P1 response (min)"
 *
 * One line of an import preview. Owned by the preview.
 */
typedef struct
{
  guint           line;
  SbImportAction  action;
  const char     *key;
  const char     *name;
  const char     *problem;
  const char     *changes;
} SbImportItem;

typedef struct _SbImportPreview SbImportPreview;

gboolean             sb_catalog_csv_kind_from_string  (const char        *text,
                                                       SbCatalogCsvKind  *out_kind);
const char          *sb_catalog_csv_kind_to_string    (SbCatalogCsvKind   kind);

gboolean             sb_catalog_csv_preview           (SbStore           *store,
                                                       SbCatalogCsvKind   kind,
                                                       GFile             *file,
                                                       SbImportPreview  **out_preview,
                                                       GError           **error);
gboolean             sb_catalog_csv_preview_path      (SbStore           *store,
                                                       SbCatalogCsvKind   kind,
                                                       const char        *path,
                                                       SbImportPreview  **out_preview,
                                                       GError           **error);
gboolean             sb_catalog_csv_apply             (SbStore           *store,
                                                       SbImportPreview   *preview,
                                                       GError           **error);

GBytes              *sb_catalog_csv_export            (SbStore           *store,
                                                       SbCatalogCsvKind   kind,
                                                       SbCsvWriteFlags    flags,
                                                       GError           **error);
gboolean             sb_catalog_csv_export_to_file    (SbStore           *store,
                                                       SbCatalogCsvKind   kind,
                                                       GFile             *file,
                                                       SbCsvWriteFlags    flags,
                                                       GError           **error);

void                 sb_import_preview_free           (SbImportPreview   *preview);
SbCatalogCsvKind     sb_import_preview_get_kind       (SbImportPreview   *preview);
guint                sb_import_preview_get_n_items    (SbImportPreview   *preview);
const SbImportItem  *sb_import_preview_get_item       (SbImportPreview   *preview,
                                                       guint              index);
guint                sb_import_preview_count          (SbImportPreview   *preview,
                                                       SbImportAction     action);
gboolean             sb_import_preview_has_problems   (SbImportPreview   *preview);
guint                sb_import_preview_get_n_writes   (SbImportPreview   *preview);
const char * const  *sb_import_preview_get_notes      (SbImportPreview   *preview);
char                *sb_import_preview_summarize      (SbImportPreview   *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbImportPreview, sb_import_preview_free)

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-import-batch.h"
#include "sb-store-private.h"

G_BEGIN_DECLS

/* One row of import_batch, as undo reads it. */
typedef struct
{
  char *id;
  char *kind;
  char *undone_at;
  char *created_services;     /* comma-separated ids, or NULL */
  char *created_customers;
  char *created_suppliers;
} SbImportBatch;

void     sb_import_batch_clear       (SbImportBatch  *batch);
gboolean sb_import_batch_for_undo    (SbStore        *store,
                                      const char     *batch_id,
                                      const char     *kind,
                                      SbImportBatch  *out,
                                      GError        **error);
gboolean sb_import_batch_mark_undone (SbTransaction  *tx,
                                      const char     *id,
                                      GError        **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SbImportBatch, sb_import_batch_clear)

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_IMPORT_DIALOG (sb_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbImportDialog, sb_import_dialog, SB, IMPORT_DIALOG, AdwWindow)

void            sb_import_dialog_present   (GtkWindow      *parent,
                                            SbStore        *store,
                                            const char     *kind);
SbImportDialog *sb_import_dialog_new       (GtkWindow      *parent,
                                            SbStore        *store,
                                            const char     *kind);
void            sb_import_dialog_load_file (SbImportDialog *self,
                                            GFile          *file);
void            sb_export_csv              (GtkWindow      *parent,
                                            SbStore        *store,
                                            const char     *kind);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-incident-csv.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * SbIncidentImportDialog: imports incidents from another tool's CSV:
 * columns (mapping editable, sample values shown), values (mapping of
 * enumerations), unknown services and customers (create, map, leave),
 * date format, then the preview with every problem line; Import writes
 * in one transaction and the window shows an undo toast. Signal
 * "imported" (const char *batch_id, guint n_incidents).
 */
#define SB_TYPE_INCIDENT_IMPORT_DIALOG (sb_incident_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbIncidentImportDialog, sb_incident_import_dialog, SB, INCIDENT_IMPORT_DIALOG, AdwWindow)

/* Reads @file; on error shows it in the dialog instead of the steps. */
SbIncidentImportDialog *sb_incident_import_dialog_new (GtkWindow *parent,
                                                       SbStore   *store,
                                                       GFile     *file);

/* For tests: the import being prepared (NULL if the file was unreadable). */
SbIncidentImport       *sb_incident_import_dialog_get_import (SbIncidentImportDialog *self);

G_END_DECLS

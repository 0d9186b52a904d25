/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sb-report-render.h"
#include "sb-reports.h"

G_BEGIN_DECLS

/*
 * Printing and exporting a report from the app: the system print dialog
 * through GtkPrintOperation, whose pages the report's renderer draws, and
 * a PDF or a CSV through a file chooser.
 */

typedef enum
{
  SB_REPORT_FORMAT_PDF,
  SB_REPORT_FORMAT_CSV,
} SbReportFormat;

GtkPrintOperation *sb_report_print_operation_new  (SbReportDocument        *document,
                                                   const SbReportPageSetup *setup);
void               sb_report_print                (GtkWidget               *widget,
                                                   SbReportDocument        *document,
                                                   const SbReportPageSetup *setup);
void               sb_report_print_from_page      (GtkWidget               *widget,
                                                   SbReportDocument        *document,
                                                   const SbReportPageSetup *setup,
                                                   int                      current_page);
gboolean           sb_report_print_from_store     (GtkWidget               *widget,
                                                   SbStore                 *store,
                                                   const char              *report_name,
                                                   const SbReportPeriod    *period,
                                                   const SbReportFilters   *filters);
void               sb_report_export               (GtkWidget               *widget,
                                                   SbReportDocument        *document,
                                                   const SbReportPageSetup *setup,
                                                   SbReportFormat           format);
gboolean           sb_report_export_to_file       (SbReportDocument        *document,
                                                   const SbReportPageSetup *setup,
                                                   SbReportFormat           format,
                                                   GFile                   *file,
                                                   GError                 **error);
char              *sb_report_suggest_file_name    (SbReportDocument        *document,
                                                   SbReportFormat           format);
void               sb_report_period_current       (SbStore                 *store,
                                                   SbReportPeriodKind       kind,
                                                   SbReportPeriod          *out);
void               sb_report_show_problem         (GtkWidget               *widget,
                                                   const char              *heading,
                                                   const char              *message);

/* Tests: print to this PDF file with GTK_PRINT_OPERATION_ACTION_EXPORT,
 * without a dialog; NULL for the dialog again. */
void               sb_report_print_set_export_filename_for_test (const char *filename);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sb-csv.h"
#include "sb-report-document.h"
#include "sb-report-render.h"

G_BEGIN_DECLS

/*
 * A report written to a file: PDF through the renderer, or CSV with every
 * table of it. Files are written whole or not at all: into a temporary
 * file next to the target, renamed over it only when everything was
 * written.
 */

#define SB_REPORT_ERROR (sb_report_error_quark ())

/**
 * SbReportError:
 * @SB_REPORT_ERROR_IO: the file could not be written (the message names it
 *   and says why: no space left, no permission, no such folder)
 * @SB_REPORT_ERROR_RENDER: cairo could not draw the report
 * @SB_REPORT_ERROR_INVALID: a report's name, period or filter is not valid
 *
 * Errors of the report layer.
 */
typedef enum
{
  SB_REPORT_ERROR_IO,
  SB_REPORT_ERROR_RENDER,
  SB_REPORT_ERROR_INVALID,
} SbReportError;

GQuark    sb_report_error_quark     (void);

gboolean  sb_report_write_pdf       (SbReportDocument        *document,
                                     const char              *path,
                                     const SbReportPageSetup *setup,
                                     GError                 **error);
gboolean  sb_report_renderer_write_pdf (SbReportRenderer     *renderer,
                                     const char              *path,
                                     GError                 **error);
char     *sb_report_document_to_csv (SbReportDocument        *document,
                                     SbCsvWriteFlags          flags);
gboolean  sb_report_write_csv       (SbReportDocument        *document,
                                     const char              *path,
                                     SbCsvWriteFlags          flags,
                                     GError                 **error);

G_END_DECLS

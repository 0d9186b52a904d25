/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-report-preview.h"
#include "sb-report-print.h"
#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_REPORTS_PAGE (sb_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (SbReportsPage, sb_reports_page, SB, REPORTS_PAGE, AdwBin)

GtkWidget        *sb_reports_page_new              (SbStore               *store);
gboolean          sb_reports_page_select_report    (SbReportsPage         *self,
                                                    const char            *name);
void              sb_reports_page_set_filters      (SbReportsPage         *self,
                                                    const SbReportFilters *filters);
void              sb_reports_page_set_period       (SbReportsPage         *self,
                                                    const SbReportPeriod  *period);
void              sb_reports_page_set_paper        (SbReportsPage         *self,
                                                    SbReportPaper          paper,
                                                    SbReportOrientation    orientation);
void              sb_reports_page_build_now        (SbReportsPage         *self);
SbReportDocument *sb_reports_page_get_document     (SbReportsPage         *self);
const char       *sb_reports_page_get_problem      (SbReportsPage         *self);
SbReportPreview  *sb_reports_page_get_preview      (SbReportsPage         *self);
gboolean          sb_reports_page_export_to_file   (SbReportsPage         *self,
                                                    SbReportFormat         format,
                                                    GFile                 *file,
                                                    GError               **error);

G_END_DECLS

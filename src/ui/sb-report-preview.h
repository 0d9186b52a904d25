/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sb-report-render.h"

G_BEGIN_DECLS

#define SB_TYPE_REPORT_PREVIEW (sb_report_preview_get_type ())

G_DECLARE_FINAL_TYPE (SbReportPreview, sb_report_preview, SB, REPORT_PREVIEW, GtkWidget)

GtkWidget        *sb_report_preview_new           (void);
SbReportRenderer *sb_report_preview_get_renderer  (SbReportPreview  *self);
void              sb_report_preview_set_renderer  (SbReportPreview  *self,
                                                   SbReportRenderer *renderer);
guint             sb_report_preview_get_page      (SbReportPreview  *self);
void              sb_report_preview_set_page      (SbReportPreview  *self,
                                                   guint             page);
guint             sb_report_preview_get_n_pages   (SbReportPreview  *self);
const char       *sb_report_preview_get_page_text (SbReportPreview  *self);

G_END_DECLS

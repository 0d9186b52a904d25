/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "sb-report-document.h"

G_BEGIN_DECLS

/*
 * Paginates a report document for a page size and draws any page on any
 * cairo_t: a PDF surface, a GtkPrintContext's, an image for a preview.
 * The layout is computed once, in points, independent of the surface, so a
 * preview shows exactly the pages the PDF and the printer get.
 */

/**
 * SbReportPaper:
 * @SB_REPORT_PAPER_A4: ISO A4, 210 × 297 mm
 * @SB_REPORT_PAPER_LETTER: US Letter, 8.5 × 11 in
 *
 * The paper sizes reports are laid out for.
 */
typedef enum
{
  SB_REPORT_PAPER_A4,
  SB_REPORT_PAPER_LETTER,
} SbReportPaper;

/**
 * SbReportOrientation:
 * @SB_REPORT_PORTRAIT: upright
 * @SB_REPORT_LANDSCAPE: on its side, for wide tables
 *
 * The orientation of the pages.
 */
typedef enum
{
  SB_REPORT_PORTRAIT,
  SB_REPORT_LANDSCAPE,
} SbReportOrientation;

/**
 * SbReportPageSetup:
 * @paper: the paper size
 * @orientation: portrait or landscape
 * @margin_top: from the paper's top edge to the page header, in points
 * @margin_bottom: from the paper's bottom edge to the page footer
 * @margin_left: left margin
 * @margin_right: right margin
 *
 * Paper, orientation and margins. Fill it with sb_report_page_setup_init()
 * and change what you need.
 */
typedef struct
{
  SbReportPaper paper;
  SbReportOrientation orientation;
  double margin_top;
  double margin_bottom;
  double margin_left;
  double margin_right;
} SbReportPageSetup;

SbReportPaper sb_report_paper_for_locale     (const char        *locale);
void          sb_report_paper_get_size       (SbReportPaper      paper,
                                              double            *out_width,
                                              double            *out_height);
void          sb_report_page_setup_init      (SbReportPageSetup *setup);

#define SB_TYPE_REPORT_RENDERER (sb_report_renderer_get_type ())

G_DECLARE_FINAL_TYPE (SbReportRenderer, sb_report_renderer, SB, REPORT_RENDERER, GObject)

SbReportRenderer *sb_report_renderer_new              (SbReportDocument        *document,
                                                       const SbReportPageSetup *setup);
SbReportDocument *sb_report_renderer_get_document     (SbReportRenderer        *self);
void              sb_report_renderer_get_page_setup   (SbReportRenderer        *self,
                                                       SbReportPageSetup       *out_setup);
void              sb_report_renderer_get_page_size    (SbReportRenderer        *self,
                                                       double                  *out_width,
                                                       double                  *out_height);
void              sb_report_renderer_set_resolution   (SbReportRenderer        *self,
                                                       double                   dpi);
double            sb_report_renderer_get_resolution   (SbReportRenderer        *self);
guint             sb_report_renderer_get_n_pages      (SbReportRenderer        *self);
void              sb_report_renderer_draw_page        (SbReportRenderer        *self,
                                                       cairo_t                 *cr,
                                                       guint                    page);
gboolean          sb_report_renderer_get_row_pages    (SbReportRenderer        *self,
                                                       SbReportTable           *table,
                                                       guint                    row,
                                                       guint                   *out_first_page,
                                                       guint                   *out_last_page);

G_END_DECLS

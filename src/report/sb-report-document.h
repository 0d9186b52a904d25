/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sb-chart.h"

G_BEGIN_DECLS

/*
 * A report as content, before it meets paper (DESIGN.md, Reports): what it
 * is about (title, purpose, audience, period, data source, when it was
 * made) and its sections of headings, paragraphs, key figures, tables,
 * charts and page breaks. SbReportRenderer paginates it; sb-report-output.h
 * writes it as PDF or CSV.
 *
 * All text is plain text: the renderer escapes it. Numbers, money and
 * dates arrive as strings already formatted for the user's locale.
 */

#define SB_TYPE_REPORT_DOCUMENT (sb_report_document_get_type ())

G_DECLARE_FINAL_TYPE (SbReportDocument, sb_report_document, SB, REPORT_DOCUMENT, GObject)

/**
 * SbReportAlign:
 * @SB_REPORT_ALIGN_START: text columns (left in left-to-right scripts)
 * @SB_REPORT_ALIGN_END: numbers and money, so their digits line up
 * @SB_REPORT_ALIGN_CENTER: short marks and codes
 *
 * How the cells of a table column are aligned.
 */
typedef enum
{
  SB_REPORT_ALIGN_START,
  SB_REPORT_ALIGN_END,
  SB_REPORT_ALIGN_CENTER,
} SbReportAlign;

typedef struct _SbReportTable SbReportTable;

SbReportDocument *sb_report_document_new              (const char       *title);

const char       *sb_report_document_get_title        (SbReportDocument *self);
void              sb_report_document_set_purpose      (SbReportDocument *self,
                                                       const char       *purpose);
const char       *sb_report_document_get_purpose      (SbReportDocument *self);
void              sb_report_document_set_audience     (SbReportDocument *self,
                                                       const char       *audience);
const char       *sb_report_document_get_audience     (SbReportDocument *self);
void              sb_report_document_set_period       (SbReportDocument *self,
                                                       const char       *period);
const char       *sb_report_document_get_period       (SbReportDocument *self);
void              sb_report_document_set_data_source  (SbReportDocument *self,
                                                       const char       *data_source);
const char       *sb_report_document_get_data_source  (SbReportDocument *self);
void              sb_report_document_set_generated_at (SbReportDocument *self,
                                                       gint64            utc_ms);
gint64            sb_report_document_get_generated_at (SbReportDocument *self);

void              sb_report_document_add_section      (SbReportDocument *self,
                                                       const char       *title);
void              sb_report_document_add_heading      (SbReportDocument *self,
                                                       guint             level,
                                                       const char       *text);
void              sb_report_document_add_paragraph    (SbReportDocument *self,
                                                       const char       *text);
void              sb_report_document_add_key_figure   (SbReportDocument *self,
                                                       const char       *label,
                                                       const char       *value,
                                                       const char       *detail);
void              sb_report_document_end_key_figures  (SbReportDocument *self);
SbReportTable    *sb_report_document_add_table        (SbReportDocument *self,
                                                       const char       *title);
void              sb_report_document_add_chart        (SbReportDocument *self,
                                                       SbChart          *chart,
                                                       double            height);
void              sb_report_document_add_page_break   (SbReportDocument *self);

void              sb_report_document_append           (SbReportDocument *self,
                                                       SbReportDocument *other);
void              sb_report_document_append_nested    (SbReportDocument *self,
                                                       SbReportDocument *other);

guint             sb_report_document_get_n_tables     (SbReportDocument *self);
SbReportTable    *sb_report_document_get_table        (SbReportDocument *self,
                                                       guint             index);

guint             sb_report_table_add_column          (SbReportTable    *table,
                                                       const char       *title,
                                                       SbReportAlign     align,
                                                       double            width);
guint             sb_report_table_add_row             (SbReportTable    *table,
                                                       ...);
guint             sb_report_table_add_rowv            (SbReportTable    *table,
                                                       const char * const *cells);
guint             sb_report_table_add_total_rowv      (SbReportTable    *table,
                                                       const char * const *cells);
void              sb_report_table_begin_group         (SbReportTable    *table);
void              sb_report_table_end_group           (SbReportTable    *table);
void              sb_report_table_set_empty_text      (SbReportTable    *table,
                                                       const char       *text);

const char       *sb_report_table_get_title           (SbReportTable    *table);
guint             sb_report_table_get_n_columns       (SbReportTable    *table);
guint             sb_report_table_get_n_rows          (SbReportTable    *table);
const char       *sb_report_table_get_column_title    (SbReportTable    *table,
                                                       guint             column);
const char       *sb_report_table_get_cell            (SbReportTable    *table,
                                                       guint             row,
                                                       guint             column);
gboolean          sb_report_table_is_total_row        (SbReportTable    *table,
                                                       guint             row);

G_END_DECLS

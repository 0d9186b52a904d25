/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-report-document.h"

G_BEGIN_DECLS

/* What the renderer reads of a document; the builder API is public. */

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_KEY_FIGURES,
  BLOCK_TABLE,
  BLOCK_CHART,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  char *label;
  char *value;
  char *detail; /* nullable */
} KeyFigure;

typedef struct
{
  char *title;
  SbReportAlign align;
  double width; /* relative */
} TableColumn;

typedef struct
{
  char **cells;    /* n_columns strings, never NULL */
  gboolean total;
  guint group;     /* 0: none; rows with the same group stay together */
} TableRow;

struct _SbReportTable
{
  char *title;         /* nullable */
  char *empty_text;    /* nullable: a translated default */
  GPtrArray *columns;  /* TableColumn */
  GPtrArray *rows;     /* TableRow */
  guint next_group;
  guint open_group;    /* 0 when no group is open */
  gboolean sealed;     /* rows added: columns are fixed */
};

typedef struct
{
  BlockKind kind;
  guint level;            /* headings: 1…3 */
  char *text;             /* headings and paragraphs */
  GPtrArray *figures;     /* KeyFigure */
  SbReportTable *table;
  SbChart *chart;
  double height;          /* charts, in points */
} Block;

/* Sections are flattened: a section's title is a level-1 heading. */
const GPtrArray *sb_report_document_get_blocks (SbReportDocument *self);

G_END_DECLS

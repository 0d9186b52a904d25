/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "sb-report-document-private.h"
#include "sb-report-render.h"

G_BEGIN_DECLS

/*
 * The renderer's inside: a document measured into pieces (units that sit
 * on one page: a heading, a line of a paragraph, a row of key figures, a
 * table row or a group of rows, a chart) and the pieces placed on pages.
 * Everything is in points, measured with a Pango context of 72 dpi and no
 * hinting, so the pages do not depend on the surface they are drawn on.
 */

typedef enum
{
  PIECE_TITLE_BLOCK,
  PIECE_HEADING,
  PIECE_TEXT_LINE,
  PIECE_FIGURES,
  PIECE_TABLE_TITLE,
  PIECE_TABLE_HEADER,
  PIECE_TABLE_ROWS,
  PIECE_TABLE_ROW_PART,  /* a row taller than a page, placed in parts */
  PIECE_TABLE_EMPTY,
  PIECE_CHART,
  PIECE_PAGE_BREAK,
} PieceKind;

typedef struct
{
  PangoLayout **cells;  /* one per column */
  double height;        /* with padding */
  GArray *line_ends;    /* rows taller than a page: where lines end (double) */
} MeasuredRow;

typedef struct
{
  SbReportTable *table;
  guint n_columns;
  double *col_x;        /* relative to the body's left edge */
  double *col_w;
  PangoLayout *title;
  PangoLayout *title_continued;
  double title_height;
  PangoLayout **header;
  double header_height;
  PangoLayout *empty;
  MeasuredRow *rows;    /* n_rows */
  PangoLayout *part_note;
} MeasuredTable;

typedef struct
{
  PangoLayout *label;
  PangoLayout *value;
  PangoLayout *detail;  /* nullable */
} MeasuredFigure;

typedef struct
{
  PieceKind kind;
  double height;
  double space_before;   /* dropped at the top of a page */
  gboolean keep_with_next;

  const Block *block;
  PangoLayout *layout;   /* heading, text line: borrowed from the layout's store */
  double slice_from;     /* text line: the part of the layout; figures: tile width */
  double slice_to;

  MeasuredTable *table;
  guint first_row;       /* rows, row part */
  guint n_rows;

  MeasuredFigure *figures;  /* borrowed */
  guint n_figures;
  double tile_height;
} Piece;

typedef struct
{
  const Piece *piece;
  double y;
  double height;
  gboolean continued;    /* a table title repeated on a following page */
  double slice_from;     /* a tall row's part: the part of its cells */
  double slice_to;
  gboolean continues;    /* a tall row's part: more on the next page */
} Placement;

typedef struct
{
  GArray *placements;    /* Placement */
} Page;

typedef struct
{
  PangoLayout *title;
  PangoLayout *purpose;      /* nullable */
  PangoLayout *labels[3];    /* audience, period, data source; nullable */
  PangoLayout *values[3];
  double meta_height;
} TitleBlock;

typedef struct
{
  SbReportDocument *document;
  SbReportPageSetup setup;
  double page_width;
  double page_height;
  double body_left;
  double body_width;
  double body_top;
  double body_bottom;

  PangoContext *pango;
  GPtrArray *layouts;        /* every PangoLayout, owned */
  GPtrArray *tables;         /* MeasuredTable, owned */
  GPtrArray *figure_arrays;  /* MeasuredFigure arrays, owned */
  GArray *pieces;            /* Piece */
  GPtrArray *pages;          /* Page */
  TitleBlock title_block;
  PangoLayout *header_title;
  PangoLayout *header_period;
  PangoLayout *footer_generated;
  double header_height;
  double footer_height;
} ReportLayout;

/* Colours, as 0xRRGGBB. */
#define INK          0x241f31
#define INK_MUTED    0x5e5c64
#define RULE_STRONG  0x77767b
#define RULE_LIGHT   0xc0bfbc
#define ZEBRA        0xf6f5f4
#define TILE         0xf0f4fa
#define ACCENT       0x1c71d8

/* Sizes, in points. */
#define CELL_PAD_X   5.0
#define CELL_PAD_Y   3.5

ReportLayout *report_layout_new            (SbReportDocument        *document,
                                            const SbReportPageSetup *setup);
void          report_layout_free           (ReportLayout            *self);
PangoLayout  *report_layout_text           (ReportLayout            *self,
                                            const char              *text,
                                            double                   size,
                                            PangoWeight              weight,
                                            guint32                  colour,
                                            double                   width,
                                            PangoAlignment           align);

void          report_draw_page             (ReportLayout            *self,
                                            cairo_t                 *cr,
                                            guint                    page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportLayout, report_layout_free)

G_END_DECLS

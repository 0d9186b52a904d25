/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-report-format.h"
#include "sb-report-layout-private.h"

/*
 * Measuring and pagination. The document becomes a list of pieces, each
 * small enough to sit on one page; pagination places them greedily, top to
 * bottom, with three rules:
 *
 * - keep with next: a piece with keep_with_next goes to the next page with
 *   the piece after it when both do not fit (headings, table titles and
 *   header rows, the first and second-to-last lines of a paragraph, so no
 *   line is left alone);
 * - a table's rows on a page that did not start the table get its header
 *   row (and its title with "continued") repeated first;
 * - rows are never cut: a row taller than a page was already split into
 *   parts at line boundaries when measured, with a note on each part that
 *   continues.
 */

#define FONT_FAMILY "Sans"

#define SIZE_BODY     9.5
#define SIZE_TABLE    8.5
#define SIZE_SMALL    7.5
#define SIZE_TITLE    22.0
#define SIZE_PURPOSE  11.0
#define SIZE_FIGURE   16.0

#define SPACE_BLOCK   10.0
#define SPACE_PARA    6.0
#define HEADER_GAP    18.0
#define TILE_MIN_W    104.0
#define TILE_GAP      8.0
#define TILE_PAD      8.0

static const struct
{
  double size;
  double before;
  double after;
} heading_style[] = {
  { 0, 0, 0 },
  { 15.0, 22.0, 8.0 },
  { 12.0, 16.0, 6.0 },
  { 10.0, 12.0, 4.0 },
};

static double
pt_from_pango (int units)
{
  return units / (double) PANGO_SCALE;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return pt_from_pango (h);
}

PangoLayout *
report_layout_text (ReportLayout   *self,
                    const char     *text,
                    double          size,
                    PangoWeight     weight,
                    guint32         colour,
                    double          width,
                    PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  g_autoptr (PangoFontDescription) font = pango_font_description_new ();
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);

  pango_attr_list_insert (attrs,
                          pango_attr_foreground_new (((colour >> 16) & 0xff) * 257,
                                                     ((colour >> 8) & 0xff) * 257,
                                                     (colour & 0xff) * 257));
  /* Digits of one width, so that numbers in a column line up. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  pango_layout_set_attributes (layout, attrs);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  /* Plain text, never markup: a customer's name with "<" or "&" is shown
   * as it is. */
  pango_layout_set_text (layout, text, -1);

  g_ptr_array_add (self->layouts, layout);
  return layout;
}

static Piece *
add_piece (ReportLayout *self,
           PieceKind     kind,
           double        height,
           double        space_before)
{
  Piece piece = { 0, };

  piece.kind = kind;
  piece.height = height;
  piece.space_before = space_before;
  g_array_append_val (self->pieces, piece);
  return &g_array_index (self->pieces, Piece, self->pieces->len - 1);
}

/* Measuring */

static void
measure_page_furniture (ReportLayout *self)
{
  SbReportDocument *doc = self->document;
  g_autofree char *generated = NULL;
  const char *period = sb_report_document_get_period (doc);
  double half = self->body_width / 2 - 6;

  self->header_title = report_layout_text (self, sb_report_document_get_title (doc),
                                           SIZE_SMALL, PANGO_WEIGHT_BOLD, INK_MUTED,
                                           half, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (self->header_title, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (self->header_title, -1);
  self->header_period = report_layout_text (self, period != NULL ? period : "",
                                            SIZE_SMALL, PANGO_WEIGHT_NORMAL, INK_MUTED,
                                            half, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (self->header_period, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (self->header_period, -1);

  generated = sb_report_format_generated_at (sb_report_document_get_generated_at (doc), NULL);
  self->footer_generated = report_layout_text (self, generated, SIZE_SMALL,
                                               PANGO_WEIGHT_NORMAL, INK_MUTED,
                                               -1, PANGO_ALIGN_LEFT);

  self->header_height = MAX (layout_height (self->header_title),
                             layout_height (self->header_period)) + 5;
  self->footer_height = layout_height (self->footer_generated) + 5;
}

static void
measure_title_block (ReportLayout *self)
{
  SbReportDocument *doc = self->document;
  TitleBlock *tb = &self->title_block;
  const char *labels[3] = {
    /* Translators: in a report's title block, who it is for */
    C_ ("report", "Audience"),
    /* Translators: in a report's title block, the time it covers */
    C_ ("report", "Period"),
    /* Translators: in a report's title block, where its figures come from */
    C_ ("report", "Data source"),
  };
  const char *values[3] = {
    sb_report_document_get_audience (doc),
    sb_report_document_get_period (doc),
    sb_report_document_get_data_source (doc),
  };
  double col_w = (self->body_width - 2 * 16) / 3;
  double height;

  tb->title = report_layout_text (self, sb_report_document_get_title (doc), SIZE_TITLE,
                                  PANGO_WEIGHT_BOLD, INK, self->body_width, PANGO_ALIGN_LEFT);
  height = layout_height (tb->title);

  if (sb_report_document_get_purpose (doc) != NULL)
    {
      tb->purpose = report_layout_text (self, sb_report_document_get_purpose (doc),
                                        SIZE_PURPOSE, PANGO_WEIGHT_NORMAL, INK_MUTED,
                                        self->body_width * 0.85, PANGO_ALIGN_LEFT);
      height += 6 + layout_height (tb->purpose);
    }

  tb->meta_height = 0;
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *label = NULL;
      double h;

      if (values[i] == NULL || *values[i] == '\0')
        continue;
      label = g_utf8_strup (labels[i], -1);
      tb->labels[i] = report_layout_text (self, label, SIZE_SMALL, PANGO_WEIGHT_BOLD,
                                          INK_MUTED, col_w, PANGO_ALIGN_LEFT);
      tb->values[i] = report_layout_text (self, values[i], SIZE_BODY, PANGO_WEIGHT_NORMAL,
                                          INK, col_w, PANGO_ALIGN_LEFT);
      h = layout_height (tb->labels[i]) + 2 + layout_height (tb->values[i]);
      tb->meta_height = MAX (tb->meta_height, h);
    }

  /* Rule, space, the grid of facts, space, rule. */
  if (tb->meta_height > 0)
    height += 14 + 10 + tb->meta_height + 10;
  height += 1 + 8;

  add_piece (self, PIECE_TITLE_BLOCK, height, 0);
}

static void
measure_paragraph (ReportLayout *self,
                   const Block  *block,
                   double        space_before)
{
  PangoLayout *layout = report_layout_text (self, block->text, SIZE_BODY, PANGO_WEIGHT_NORMAL,
                                            INK, self->body_width, PANGO_ALIGN_LEFT);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n = pango_layout_get_line_count (layout);
  int i = 0;

  do
    {
      int y0, y1;
      Piece *piece;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      piece = add_piece (self, PIECE_TEXT_LINE, pt_from_pango (y1 - y0),
                         i == 0 ? space_before : 0);
      piece->block = block;
      piece->layout = layout;
      piece->slice_from = pt_from_pango (y0);
      piece->slice_to = pt_from_pango (y1);
      /* No orphan (first line alone) and no widow (last line alone). */
      piece->keep_with_next = (i == 0 && n > 1) || (i == n - 2);
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
measure_figures (ReportLayout *self,
                 const Block  *block,
                 double        space_before)
{
  guint n = block->figures->len;
  guint per_row = MAX (1, (guint) ((self->body_width + TILE_GAP) / (TILE_MIN_W + TILE_GAP)));
  MeasuredFigure *figures = g_new0 (MeasuredFigure, n);
  double tile_w;

  /* Rows of equal length (five figures: three and two, not four and
   * one); one or two figures keep a tile's usual width. */
  if (n > per_row)
    {
      guint rows = (n + per_row - 1) / per_row;

      per_row = (n + rows - 1) / rows;
    }
  else
    {
      per_row = MIN (per_row, MAX (n, 3));
    }
  tile_w = (self->body_width - (per_row - 1) * TILE_GAP) / per_row;
  g_ptr_array_add (self->figure_arrays, figures);

  for (guint first = 0; first < n; first += per_row)
    {
      guint count = MIN (per_row, n - first);
      double tile_h = 0;
      Piece *piece;

      for (guint i = first; i < first + count; i++)
        {
          KeyFigure *figure = g_ptr_array_index (block->figures, i);
          MeasuredFigure *m = &figures[i];
          double inner = tile_w - 2 * TILE_PAD - 3;
          double h;

          m->label = report_layout_text (self, figure->label, SIZE_SMALL + 0.5,
                                         PANGO_WEIGHT_NORMAL, INK_MUTED, inner, PANGO_ALIGN_LEFT);
          m->value = report_layout_text (self, figure->value, SIZE_FIGURE, PANGO_WEIGHT_BOLD,
                                         INK, inner, PANGO_ALIGN_LEFT);
          h = layout_height (m->label) + 3 + layout_height (m->value);
          if (figure->detail != NULL)
            {
              m->detail = report_layout_text (self, figure->detail, SIZE_SMALL,
                                              PANGO_WEIGHT_NORMAL, INK_MUTED, inner,
                                              PANGO_ALIGN_LEFT);
              h += 2 + layout_height (m->detail);
            }
          tile_h = MAX (tile_h, h + 2 * TILE_PAD);
        }

      piece = add_piece (self, PIECE_FIGURES, tile_h,
                         first == 0 ? space_before : TILE_GAP);
      piece->block = block;
      piece->figures = &figures[first];
      piece->n_figures = count;
      piece->tile_height = tile_h;
      piece->slice_from = tile_w;
    }
}

static PangoAlignment
pango_align (SbReportAlign align)
{
  switch (align)
    {
    case SB_REPORT_ALIGN_END:
      return PANGO_ALIGN_RIGHT;
    case SB_REPORT_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case SB_REPORT_ALIGN_START:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

static void
measured_table_free (gpointer data)
{
  MeasuredTable *mt = data;

  g_free (mt->col_x);
  g_free (mt->col_w);
  g_free (mt->header);
  if (mt->rows != NULL)
    for (guint r = 0; r < mt->table->rows->len; r++)
      {
        g_free (mt->rows[r].cells);
        g_clear_pointer (&mt->rows[r].line_ends, g_array_unref);
      }
  g_free (mt->rows);
  g_free (mt);
}

/* A row taller than a page is cut only at the line boundaries of its
 * tallest cell (all cells share one font size, so their lines align);
 * pagination picks the cuts. */
static void
add_tall_row (ReportLayout  *self,
              MeasuredTable *mt,
              guint          r)
{
  MeasuredRow *row = &mt->rows[r];
  PangoLayout *tallest = row->cells[0];
  PangoLayoutIter *iter;
  Piece *piece;

  for (guint c = 1; c < mt->n_columns; c++)
    if (layout_height (row->cells[c]) > layout_height (tallest))
      tallest = row->cells[c];

  row->line_ends = g_array_new (FALSE, FALSE, sizeof (double));
  iter = pango_layout_get_iter (tallest);
  do
    {
      int y0, y1;
      double end;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      end = pt_from_pango (y1);
      g_array_append_val (row->line_ends, end);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  piece = add_piece (self, PIECE_TABLE_ROW_PART, row->height, 0);
  piece->table = mt;
  piece->first_row = r;
  piece->n_rows = 1;
}

static void
measure_table (ReportLayout *self,
               const Block  *block,
               double        space_before)
{
  SbReportTable *table = block->table;
  MeasuredTable *mt = g_new0 (MeasuredTable, 1);
  guint n_rows = table->rows->len;
  double total_w = 0, x = 0, page_room;
  Piece *piece;

  g_ptr_array_add (self->tables, mt);
  mt->table = table;
  mt->n_columns = table->columns->len;
  g_return_if_fail (mt->n_columns > 0);

  mt->col_x = g_new0 (double, mt->n_columns);
  mt->col_w = g_new0 (double, mt->n_columns);
  for (guint c = 0; c < mt->n_columns; c++)
    total_w += ((TableColumn *) g_ptr_array_index (table->columns, c))->width;
  for (guint c = 0; c < mt->n_columns; c++)
    {
      TableColumn *column = g_ptr_array_index (table->columns, c);

      mt->col_x[c] = x;
      mt->col_w[c] = self->body_width * column->width / total_w;
      x += mt->col_w[c];
    }

  if (table->title != NULL)
    {
      g_autofree char *continued = NULL;

      mt->title = report_layout_text (self, table->title, SIZE_BODY + 0.5, PANGO_WEIGHT_BOLD,
                                      INK, self->body_width, PANGO_ALIGN_LEFT);
      /* Translators: a table's title on the pages it continues on */
      continued = g_strdup_printf (_("%s (continued)"), table->title);
      mt->title_continued = report_layout_text (self, continued, SIZE_BODY + 0.5,
                                                PANGO_WEIGHT_BOLD, INK, self->body_width,
                                                PANGO_ALIGN_LEFT);
      mt->title_height = MAX (layout_height (mt->title),
                              layout_height (mt->title_continued)) + 5;
    }

  mt->header = g_new0 (PangoLayout *, mt->n_columns);
  for (guint c = 0; c < mt->n_columns; c++)
    {
      TableColumn *column = g_ptr_array_index (table->columns, c);

      mt->header[c] = report_layout_text (self, column->title, SIZE_SMALL + 0.5,
                                          PANGO_WEIGHT_BOLD, INK_MUTED,
                                          mt->col_w[c] - 2 * CELL_PAD_X,
                                          pango_align (column->align));
      pango_layout_set_wrap (mt->header[c], PANGO_WRAP_WORD);
      mt->header_height = MAX (mt->header_height, layout_height (mt->header[c]));
    }
  mt->header_height += 2 * CELL_PAD_Y + 1;

  mt->part_note = report_layout_text (self, _("Continued on the next page"), SIZE_SMALL,
                                      PANGO_WEIGHT_NORMAL, INK_MUTED,
                                      self->body_width - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT);
  {
    g_autoptr (PangoFontDescription) italic = pango_font_description_copy (
        pango_layout_get_font_description (mt->part_note));

    pango_font_description_set_style (italic, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description (mt->part_note, italic);
  }

  if (mt->title != NULL)
    {
      piece = add_piece (self, PIECE_TABLE_TITLE, mt->title_height, space_before);
      piece->table = mt;
      piece->keep_with_next = TRUE;
      space_before = 0;
    }
  piece = add_piece (self, PIECE_TABLE_HEADER, mt->header_height, space_before);
  piece->table = mt;
  piece->keep_with_next = TRUE;

  if (n_rows == 0)
    {
      const char *text = table->empty_text != NULL ? table->empty_text
                                                   : _("Nothing to show for this period.");

      mt->empty = report_layout_text (self, text, SIZE_TABLE, PANGO_WEIGHT_NORMAL, INK_MUTED,
                                      self->body_width - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT);
      piece = add_piece (self, PIECE_TABLE_EMPTY, layout_height (mt->empty) + 2 * CELL_PAD_Y + 1,
                         0);
      piece->table = mt;
      return;
    }

  mt->rows = g_new0 (MeasuredRow, n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      TableRow *row = g_ptr_array_index (table->rows, r);
      double h = 0;

      mt->rows[r].cells = g_new0 (PangoLayout *, mt->n_columns);
      for (guint c = 0; c < mt->n_columns; c++)
        {
          TableColumn *column = g_ptr_array_index (table->columns, c);
          PangoLayout *cell = report_layout_text (self, row->cells[c], SIZE_TABLE,
                                                  row->total ? PANGO_WEIGHT_BOLD
                                                             : PANGO_WEIGHT_NORMAL,
                                                  INK, mt->col_w[c] - 2 * CELL_PAD_X,
                                                  pango_align (column->align));

          /* Numbers are not broken inside: better a figure reaching into
           * the padding than split over two lines. */
          if (column->align != SB_REPORT_ALIGN_START)
            pango_layout_set_wrap (cell, PANGO_WRAP_WORD);
          mt->rows[r].cells[c] = cell;
          h = MAX (h, layout_height (cell));
        }
      mt->rows[r].height = h + 2 * CELL_PAD_Y;
    }

  /* What a page holds under a repeated title and header row. */
  page_room = (self->body_bottom - self->body_top) - mt->header_height - mt->title_height;

  for (guint r = 0; r < n_rows;)
    {
      TableRow *row = g_ptr_array_index (table->rows, r);
      guint end = r + 1;
      double h = mt->rows[r].height;

      if (row->group != 0)
        {
          double group_h = h;

          while (end < n_rows
                 && ((TableRow *) g_ptr_array_index (table->rows, end))->group == row->group)
            group_h += mt->rows[end++].height;
          /* A group taller than a page goes row by row after all. */
          if (group_h <= page_room)
            h = group_h;
          else
            end = r + 1;
        }

      if (h > page_room)
        {
          add_tall_row (self, mt, r);
        }
      else
        {
          piece = add_piece (self, PIECE_TABLE_ROWS, h, 0);
          piece->table = mt;
          piece->first_row = r;
          piece->n_rows = end - r;
          /* A total row is not left alone on a page of its own. */
          if (end < n_rows && ((TableRow *) g_ptr_array_index (table->rows, end))->total)
            piece->keep_with_next = TRUE;
        }
      r = end;
    }
}

static void
measure_blocks (ReportLayout *self)
{
  const GPtrArray *blocks = sb_report_document_get_blocks (self->document);
  double body_h = self->body_bottom - self->body_top;
  gboolean after_heading = FALSE;

  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (blocks, i);
      double before = after_heading ? 0 : SPACE_BLOCK;
      Piece *piece;

      after_heading = FALSE;
      switch (block->kind)
        {
        case BLOCK_HEADING:
          {
            PangoLayout *layout;

            layout = report_layout_text (self, block->text, heading_style[block->level].size,
                                         PANGO_WEIGHT_BOLD, INK, self->body_width, PANGO_ALIGN_LEFT);
            piece = add_piece (self, PIECE_HEADING,
                               layout_height (layout) + heading_style[block->level].after,
                               heading_style[block->level].before);
            piece->block = block;
            piece->layout = layout;
            piece->keep_with_next = TRUE;
            after_heading = TRUE;
          }
          break;

        case BLOCK_PARAGRAPH:
          measure_paragraph (self, block, after_heading ? 0 : SPACE_PARA);
          break;

        case BLOCK_KEY_FIGURES:
          measure_figures (self, block, before);
          break;

        case BLOCK_TABLE:
          measure_table (self, block, before);
          break;

        case BLOCK_CHART:
          piece = add_piece (self, PIECE_CHART, MIN (block->height, body_h), before);
          piece->block = block;
          break;

        case BLOCK_PAGE_BREAK:
          add_piece (self, PIECE_PAGE_BREAK, 0, 0);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Pagination */

static Page *
new_page (ReportLayout *self)
{
  Page *page = g_new0 (Page, 1);

  page->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_ptr_array_add (self->pages, page);
  return page;
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->placements);
  g_free (page);
}

static gboolean
is_row_piece (const Piece *piece)
{
  return piece->kind == PIECE_TABLE_ROWS
         || piece->kind == PIECE_TABLE_ROW_PART
         || piece->kind == PIECE_TABLE_EMPTY;
}

/* The height of piece @i and the pieces it keeps with. */
static double
chain_height (ReportLayout *self,
              guint         i,
              gboolean      at_top)
{
  double h = 0;

  for (guint j = i; j < self->pieces->len; j++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, j);

      if (piece->kind == PIECE_PAGE_BREAK)
        break;
      h += (j == i && at_top ? 0 : piece->space_before) + piece->height;
      if (!piece->keep_with_next)
        break;
    }
  return h;
}

static double
height_of_note (const MeasuredTable *mt)
{
  return layout_height (mt->part_note) + 2;
}

static double
repeat_height (const MeasuredTable *mt)
{
  return mt->title_height + mt->header_height;
}

typedef struct
{
  ReportLayout *layout;
  Page *page;
  const MeasuredTable *header_on_page;
  double y;
} Paginator;

static gboolean
page_is_empty (Paginator *p)
{
  return p->page->placements->len == 0;
}

static void
place (Paginator   *p,
       const Piece *piece,
       double       y,
       double       height,
       gboolean     continued)
{
  Placement placement = { piece, y, height, continued, 0, -1, FALSE };

  g_array_append_val (p->page->placements, placement);
}

static void
start_page (Paginator *p)
{
  p->page = new_page (p->layout);
  p->header_on_page = NULL;
  p->y = p->layout->body_top;
}

/* Rows on a page that did not start their table get its header row, and
 * its title marked as continued at the top of a page. */
static void
ensure_table_header (Paginator   *p,
                     guint        i,
                     const Piece *piece)
{
  MeasuredTable *mt = piece->table;
  const Piece *header = NULL;

  if (p->header_on_page == mt)
    return;

  for (guint j = i; j-- > 0;)
    {
      const Piece *other = &g_array_index (p->layout->pieces, Piece, j);

      if (other->kind == PIECE_TABLE_HEADER && other->table == mt)
        {
          header = other;
          break;
        }
    }
  g_assert (header != NULL);

  if (mt->title != NULL && page_is_empty (p))
    {
      place (p, header - 1, p->y, mt->title_height, TRUE);
      p->y += mt->title_height;
    }
  place (p, header, p->y, mt->header_height, FALSE);
  p->y += mt->header_height;
  p->header_on_page = mt;
}

/* Places a row taller than a page in parts, the first on the rest of the
 * current page when at least a few lines fit there. */
static void
place_tall_row (Paginator   *p,
                guint        i,
                const Piece *piece)
{
  MeasuredTable *mt = piece->table;
  GArray *ends = mt->rows[piece->first_row].line_ends;
  double note = height_of_note (mt);
  double from = 0;
  guint next = 0;

  while (next < ends->len)
    {
      double room;
      guint last = next;
      gboolean fits = FALSE;
      gboolean fresh = page_is_empty (p);

      ensure_table_header (p, i, piece);
      room = p->layout->body_bottom - p->y;
      for (guint k = next; k < ends->len; k++)
        {
          double h = g_array_index (ends, double, k) - from + 2 * CELL_PAD_Y;

          if (k + 1 < ends->len)
            h += note;
          if (h > room)
            break;
          last = k;
          fits = TRUE;
        }

      /* Fewer than three lines here: the row starts on the next page. */
      if (!fresh && (!fits || (next == 0 && last - next < 2 && last + 1 < ends->len)))
        {
          start_page (p);
          continue;
        }
      /* Not even a line fits on an empty page: it goes there anyway. */
      if (!fits)
        last = next;

      {
        double to = g_array_index (ends, double, last);
        gboolean continues = last + 1 < ends->len;
        double h = to - from + 2 * CELL_PAD_Y + (continues ? note : 0);
        Placement placement = { piece, p->y, h, FALSE, from, to, continues };

        g_array_append_val (p->page->placements, placement);
        p->y += h;
        from = to;
        next = last + 1;
        if (continues)
          start_page (p);
      }
    }
}

static void
paginate (ReportLayout *self)
{
  double body_h = self->body_bottom - self->body_top;
  Paginator p = { self, NULL, NULL, 0 };
  gboolean break_pending = FALSE;

  start_page (&p);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);
      double own, chain;

      /* A break starts a page only when something follows it, so that
       * trailing or doubled breaks leave no blank page. */
      if (piece->kind == PIECE_PAGE_BREAK)
        {
          break_pending = TRUE;
          continue;
        }
      if (break_pending && !page_is_empty (&p))
        start_page (&p);
      break_pending = FALSE;

      if (piece->kind == PIECE_TABLE_ROW_PART)
        {
          place_tall_row (&p, i, piece);
          continue;
        }

      own = piece->space_before + piece->height;
      chain = chain_height (self, i, FALSE);
      if (!page_is_empty (&p))
        {
          double room = self->body_bottom - p.y;
          double fresh = chain_height (self, i, TRUE);

          if (is_row_piece (piece))
            {
              fresh += repeat_height (piece->table);
              if (p.header_on_page != piece->table)
                own += piece->table->header_height;
            }

          if (own > room || (chain > room && fresh <= body_h))
            start_page (&p);
        }

      if (is_row_piece (piece))
        ensure_table_header (&p, i, piece);

      if (!page_is_empty (&p))
        p.y += piece->space_before;
      place (&p, piece, p.y, piece->height, FALSE);
      p.y += piece->height;

      if (piece->kind == PIECE_TABLE_HEADER)
        p.header_on_page = piece->table;
    }
}

/* Life cycle */

ReportLayout *
report_layout_new (SbReportDocument        *document,
                   const SbReportPageSetup *setup)
{
  ReportLayout *self = g_new0 (ReportLayout, 1);
  cairo_font_options_t *options;
  PangoFontMap *font_map;

  self->document = g_object_ref (document);
  self->setup = *setup;
  sb_report_paper_get_size (setup->paper, &self->page_width, &self->page_height);
  if (setup->orientation == SB_REPORT_LANDSCAPE)
    {
      double w = self->page_width;

      self->page_width = self->page_height;
      self->page_height = w;
    }

  font_map = pango_cairo_font_map_get_default ();
  self->pango = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->pango, 72);
  /* Unhinted metrics: the same line breaks on paper and on screen. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->pango, FALSE);

  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->tables = g_ptr_array_new_with_free_func (measured_table_free);
  self->figure_arrays = g_ptr_array_new_with_free_func (g_free);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  self->pages = g_ptr_array_new_with_free_func (page_free);

  self->body_left = setup->margin_left;
  self->body_width = self->page_width - setup->margin_left - setup->margin_right;

  measure_page_furniture (self);
  self->body_top = setup->margin_top + self->header_height + HEADER_GAP;
  self->body_bottom = self->page_height - setup->margin_bottom - self->footer_height - HEADER_GAP;

  measure_title_block (self);
  measure_blocks (self);
  paginate (self);

  return self;
}

void
report_layout_free (ReportLayout *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->figure_arrays, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_object (&self->pango);
  g_clear_object (&self->document);
  g_free (self);
}

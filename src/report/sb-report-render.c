/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-report-layout-private.h"

/*
 * The renderer: a document and a page setup, paginated on first use, and
 * the drawing of one page on any cairo_t. Drawing happens in points: the
 * context is scaled by resolution / 72 first, so a preview at 96 dpi and
 * a PDF at 72 get the same lines on the same pages.
 */

struct _SbReportRenderer
{
  GObject parent_instance;

  SbReportDocument *document;
  SbReportPageSetup setup;
  double resolution;
  ReportLayout *layout;  /* NULL until first needed */
};

G_DEFINE_FINAL_TYPE (SbReportRenderer, sb_report_renderer, G_TYPE_OBJECT)

static ReportLayout *
ensure_layout (SbReportRenderer *self)
{
  if (self->layout == NULL)
    self->layout = report_layout_new (self->document, &self->setup);
  return self->layout;
}

/* Drawing */

static void
set_colour (cairo_t *cr,
            guint32  colour)
{
  cairo_set_source_rgb (cr,
                        ((colour >> 16) & 0xff) / 255.0,
                        ((colour >> 8) & 0xff) / 255.0,
                        (colour & 0xff) / 255.0);
}

static void
hrule (cairo_t *cr,
       double   x,
       double   y,
       double   width,
       double   line_width,
       guint32  colour)
{
  cairo_save (cr);
  set_colour (cr, colour);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x, y);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Shows the part of @layout between @from and @to (its own y). */
static void
show_slice (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            double       width,
            double       from,
            double       to)
{
  cairo_save (cr);
  cairo_rectangle (cr, x - 4, y, width + 8, to - from);
  cairo_clip (cr);
  show (cr, layout, x, y - from);
  cairo_restore (cr);
}

static double
height_of (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return h / (double) PANGO_SCALE;
}

static void
draw_furniture (ReportLayout *l,
                cairo_t      *cr,
                guint         page)
{
  g_autofree char *page_text = NULL;
  PangoLayout *page_layout;
  double top = l->setup.margin_top;
  double bottom = l->page_height - l->setup.margin_bottom;
  int w;

  show (cr, l->header_title, l->body_left, top);
  show (cr, l->header_period, l->body_left + l->body_width / 2 + 6, top);
  hrule (cr, l->body_left, top + l->header_height, l->body_width, 0.5, RULE_LIGHT);

  hrule (cr, l->body_left, bottom - l->footer_height, l->body_width, 0.5, RULE_LIGHT);
  show (cr, l->footer_generated, l->body_left, bottom - l->footer_height + 5);

  /* Translators: in every report page's footer */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, l->pages->len);
  page_layout = pango_layout_copy (l->footer_generated);
  pango_layout_set_text (page_layout, page_text, -1);
  pango_layout_get_size (page_layout, &w, NULL);
  show (cr, page_layout, l->body_left + l->body_width - w / (double) PANGO_SCALE,
        bottom - l->footer_height + 5);
  g_object_unref (page_layout);
}

static void
draw_title_block (ReportLayout *l,
                  cairo_t      *cr,
                  double        y)
{
  TitleBlock *tb = &l->title_block;
  double col_w = (l->body_width - 2 * 16) / 3;
  double x = l->body_left;
  guint shown = 0;

  show (cr, tb->title, x, y);
  y += height_of (tb->title);
  if (tb->purpose != NULL)
    {
      y += 6;
      show (cr, tb->purpose, x, y);
      y += height_of (tb->purpose);
    }

  if (tb->meta_height > 0)
    {
      y += 14;
      hrule (cr, x, y, l->body_width, 1.0, INK);
      y += 10;
      for (guint i = 0; i < 3; i++)
        {
          double cx = x + shown * (col_w + 16);

          if (tb->labels[i] == NULL)
            continue;
          show (cr, tb->labels[i], cx, y);
          show (cr, tb->values[i], cx, y + height_of (tb->labels[i]) + 2);
          shown++;
        }
      y += tb->meta_height + 10;
    }
  hrule (cr, x, y + 0.5, l->body_width, shown > 0 ? 0.5 : 1.0, shown > 0 ? RULE_LIGHT : INK);
}

static void
draw_figures (ReportLayout *l,
              cairo_t      *cr,
              const Piece  *piece,
              double        y)
{
  double tile_w = piece->slice_from;

  for (guint i = 0; i < piece->n_figures; i++)
    {
      MeasuredFigure *m = &piece->figures[i];
      double x = l->body_left + i * (tile_w + 8.0);
      double ty = y + 8.0;

      cairo_save (cr);
      set_colour (cr, TILE);
      cairo_rectangle (cr, x, y, tile_w, piece->tile_height);
      cairo_fill (cr);
      set_colour (cr, ACCENT);
      cairo_rectangle (cr, x, y, 2.5, piece->tile_height);
      cairo_fill (cr);
      cairo_restore (cr);

      x += 3 + 8.0;
      show (cr, m->label, x, ty);
      ty += height_of (m->label) + 3;
      show (cr, m->value, x, ty);
      ty += height_of (m->value) + 2;
      if (m->detail != NULL)
        show (cr, m->detail, x, ty);
    }
}

static void
draw_cells (ReportLayout  *l,
            cairo_t       *cr,
            MeasuredTable *mt,
            PangoLayout  **cells,
            double         y,
            double         from,
            double         to)
{
  for (guint c = 0; c < mt->n_columns; c++)
    {
      double x = l->body_left + mt->col_x[c] + CELL_PAD_X;
      double w = mt->col_w[c] - 2 * CELL_PAD_X;

      if (to < 0)
        show (cr, cells[c], x, y + CELL_PAD_Y);
      else
        show_slice (cr, cells[c], x, y + CELL_PAD_Y, w, from, to);
    }
}

static void
draw_row_background (ReportLayout  *l,
                     cairo_t       *cr,
                     MeasuredTable *mt,
                     guint          r,
                     double         y,
                     double         h)
{
  TableRow *row = g_ptr_array_index (mt->table->rows, r);
  gboolean last = r + 1 == mt->table->rows->len;

  if (row->total)
    {
      hrule (cr, l->body_left, y, l->body_width, 0.8, RULE_STRONG);
    }
  else if (r % 2 == 1)
    {
      cairo_save (cr);
      set_colour (cr, ZEBRA);
      cairo_rectangle (cr, l->body_left, y, l->body_width, h);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  if (last)
    hrule (cr, l->body_left, y + h, l->body_width, 0.5, RULE_LIGHT);
}

static void
draw_table_piece (ReportLayout *l,
                  cairo_t      *cr,
                  const Placement *placement)
{
  const Piece *piece = placement->piece;
  MeasuredTable *mt = piece->table;
  double y = placement->y;
  gboolean continued = placement->continued;

  switch (piece->kind)
    {
    case PIECE_TABLE_TITLE:
      show (cr, continued ? mt->title_continued : mt->title, l->body_left, y);
      break;

    case PIECE_TABLE_HEADER:
      for (guint c = 0; c < mt->n_columns; c++)
        show (cr, mt->header[c], l->body_left + mt->col_x[c] + CELL_PAD_X, y + CELL_PAD_Y);
      hrule (cr, l->body_left, y + piece->height - 0.5, l->body_width, 0.8, RULE_STRONG);
      break;

    case PIECE_TABLE_ROWS:
      for (guint r = piece->first_row; r < piece->first_row + piece->n_rows; r++)
        {
          double h = mt->rows[r].height;

          draw_row_background (l, cr, mt, r, y, h);
          draw_cells (l, cr, mt, mt->rows[r].cells, y, 0, -1);
          y += h;
        }
      break;

    case PIECE_TABLE_ROW_PART:
      draw_row_background (l, cr, mt, piece->first_row, y, placement->height);
      draw_cells (l, cr, mt, mt->rows[piece->first_row].cells, y,
                  placement->slice_from, placement->slice_to);
      if (placement->continues)
        show (cr, mt->part_note, l->body_left + CELL_PAD_X,
              y + placement->height - height_of (mt->part_note) - 2);
      break;

    case PIECE_TABLE_EMPTY:
      show (cr, mt->empty, l->body_left + CELL_PAD_X, y + CELL_PAD_Y);
      hrule (cr, l->body_left, y + piece->height, l->body_width, 0.5, RULE_LIGHT);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_chart (ReportLayout *l,
            cairo_t      *cr,
            const Piece  *piece,
            double        y)
{
  SbChartStyle style;

  sb_chart_style_init_light (&style);
  /* The context is in points whatever the surface: see the top. */
  sb_chart_set_resolution (piece->block->chart, 72);
  cairo_save (cr);
  cairo_translate (cr, l->body_left, y);
  sb_chart_draw (piece->block->chart, cr, l->body_width, piece->height, &style);
  cairo_restore (cr);
}

void
report_draw_page (ReportLayout *l,
                  cairo_t      *cr,
                  guint         page_index)
{
  Page *page = g_ptr_array_index (l->pages, page_index);

  cairo_save (cr);
  draw_furniture (l, cr, page_index);

  for (guint i = 0; i < page->placements->len; i++)
    {
      const Placement *placement = &g_array_index (page->placements, Placement, i);
      const Piece *piece = placement->piece;
      double y = placement->y;

      switch (piece->kind)
        {
        case PIECE_TITLE_BLOCK:
          draw_title_block (l, cr, y);
          break;

        case PIECE_HEADING:
          show (cr, piece->layout, l->body_left, y);
          break;

        case PIECE_TEXT_LINE:
          show_slice (cr, piece->layout, l->body_left, y, l->body_width,
                      piece->slice_from, piece->slice_to);
          break;

        case PIECE_FIGURES:
          draw_figures (l, cr, piece, y);
          break;

        case PIECE_TABLE_TITLE:
        case PIECE_TABLE_HEADER:
        case PIECE_TABLE_ROWS:
        case PIECE_TABLE_ROW_PART:
        case PIECE_TABLE_EMPTY:
          draw_table_piece (l, cr, placement);
          break;

        case PIECE_CHART:
          draw_chart (l, cr, piece, y);
          break;

        case PIECE_PAGE_BREAK:
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

/* GObject */

static void
sb_report_renderer_finalize (GObject *object)
{
  SbReportRenderer *self = SB_REPORT_RENDERER (object);

  g_clear_pointer (&self->layout, report_layout_free);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (sb_report_renderer_parent_class)->finalize (object);
}

static void
sb_report_renderer_class_init (SbReportRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_report_renderer_finalize;
}

static void
sb_report_renderer_init (SbReportRenderer *self)
{
  self->resolution = 72;
}

/* Public API */

/**
 * sb_report_paper_for_locale:
 * @locale: (nullable): a locale name such as "en_US.UTF-8"; %NULL for the
 *   user's paper locale (`LC_PAPER`, else `LC_ALL` or `LANG`)
 *
 * Picks the paper a person in that locale's territory has: US Letter in
 * the United States, Canada, Mexico, the Philippines and the other
 * countries of the Americas that use it, A4 everywhere else.
 *
 * Returns: the paper size
 */
SbReportPaper
sb_report_paper_for_locale (const char *locale)
{
  static const char *const letter[] = {
    "US", "CA", "MX", "PH", "PR", "CL", "CO", "CR", "DO", "GT", "NI", "PA", "SV", "VE",
  };
  const char *territory;
  char code[3];

  if (locale == NULL)
    {
#ifdef LC_PAPER
      locale = setlocale (LC_PAPER, NULL);
#endif
      if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
        locale = g_getenv ("LC_PAPER");
      if (locale == NULL || *locale == '\0')
        locale = g_getenv ("LC_ALL");
      if (locale == NULL || *locale == '\0')
        locale = g_getenv ("LANG");
      if (locale == NULL)
        return SB_REPORT_PAPER_A4;
    }

  territory = strchr (locale, '_');
  if (territory == NULL || strlen (territory) < 3)
    return SB_REPORT_PAPER_A4;
  code[0] = g_ascii_toupper (territory[1]);
  code[1] = g_ascii_toupper (territory[2]);
  code[2] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (letter); i++)
    if (g_str_equal (code, letter[i]))
      return SB_REPORT_PAPER_LETTER;
  return SB_REPORT_PAPER_A4;
}

/**
 * sb_report_paper_get_size:
 * @paper: a paper size
 * @out_width: (out): its width in portrait, in points
 * @out_height: (out): its height in portrait, in points
 *
 * Gives the size of a sheet.
 */
void
sb_report_paper_get_size (SbReportPaper  paper,
                          double        *out_width,
                          double        *out_height)
{
  g_return_if_fail (out_width != NULL && out_height != NULL);

  if (paper == SB_REPORT_PAPER_LETTER)
    {
      *out_width = 612;
      *out_height = 792;
    }
  else
    {
      *out_width = 595.2756;   /* 210 mm */
      *out_height = 841.8898;  /* 297 mm */
    }
}

/**
 * sb_report_page_setup_init:
 * @setup: (out caller-allocates): the setup to fill
 *
 * Fills @setup with the defaults: the locale's paper, portrait, 15 mm
 * above the header and below the footer, 20 mm at the sides.
 */
void
sb_report_page_setup_init (SbReportPageSetup *setup)
{
  g_return_if_fail (setup != NULL);

  setup->paper = sb_report_paper_for_locale (NULL);
  setup->orientation = SB_REPORT_PORTRAIT;
  setup->margin_top = 42.52;
  setup->margin_bottom = 42.52;
  setup->margin_left = 56.69;
  setup->margin_right = 56.69;
}

/**
 * sb_report_renderer_new:
 * @document: the report
 * @setup: (nullable): paper, orientation and margins; %NULL for the
 *   defaults of sb_report_page_setup_init()
 *
 * Creates a renderer for @document. The document must not change while the
 * renderer uses it; pagination happens on the first call that needs it.
 *
 * Returns: (transfer full): a new renderer
 */
SbReportRenderer *
sb_report_renderer_new (SbReportDocument        *document,
                        const SbReportPageSetup *setup)
{
  SbReportRenderer *self;

  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (document), NULL);

  self = g_object_new (SB_TYPE_REPORT_RENDERER, NULL);
  self->document = g_object_ref (document);
  if (setup != NULL)
    self->setup = *setup;
  else
    sb_report_page_setup_init (&self->setup);
  return self;
}

/**
 * sb_report_renderer_get_document:
 * @self: a renderer
 *
 * Returns: (transfer none): the document it renders
 */
SbReportDocument *
sb_report_renderer_get_document (SbReportRenderer *self)
{
  g_return_val_if_fail (SB_IS_REPORT_RENDERER (self), NULL);
  return self->document;
}

/**
 * sb_report_renderer_get_page_setup:
 * @self: a renderer
 * @out_setup: (out caller-allocates): where to copy the setup
 *
 * Gives the paper, orientation and margins the renderer lays out for.
 */
void
sb_report_renderer_get_page_setup (SbReportRenderer  *self,
                                   SbReportPageSetup *out_setup)
{
  g_return_if_fail (SB_IS_REPORT_RENDERER (self));
  g_return_if_fail (out_setup != NULL);
  *out_setup = self->setup;
}

/**
 * sb_report_renderer_get_page_size:
 * @self: a renderer
 * @out_width: (out): the page's width in points, orientation applied
 * @out_height: (out): the page's height in points
 *
 * Gives the size of a page, e.g. for cairo_pdf_surface_create().
 */
void
sb_report_renderer_get_page_size (SbReportRenderer *self,
                                  double           *out_width,
                                  double           *out_height)
{
  double w, h;

  g_return_if_fail (SB_IS_REPORT_RENDERER (self));
  g_return_if_fail (out_width != NULL && out_height != NULL);

  sb_report_paper_get_size (self->setup.paper, &w, &h);
  *out_width = self->setup.orientation == SB_REPORT_LANDSCAPE ? h : w;
  *out_height = self->setup.orientation == SB_REPORT_LANDSCAPE ? w : h;
}

/**
 * sb_report_renderer_set_resolution:
 * @self: a renderer
 * @dpi: units of the cairo context per inch: 72 for PDF and print contexts
 *   in points (the default), 96 for a screen preview at full size, or
 *   whatever a preview's zoom makes it
 *
 * Sets the scale of the surfaces sb_report_renderer_draw_page() draws on.
 * The text's resolution stays 72 dpi in points inside, so the pages and
 * their line breaks do not change with it.
 */
void
sb_report_renderer_set_resolution (SbReportRenderer *self,
                                   double            dpi)
{
  g_return_if_fail (SB_IS_REPORT_RENDERER (self));
  g_return_if_fail (dpi > 0);
  self->resolution = dpi;
}

/**
 * sb_report_renderer_get_resolution:
 * @self: a renderer
 *
 * Returns: the units per inch set with sb_report_renderer_set_resolution()
 */
double
sb_report_renderer_get_resolution (SbReportRenderer *self)
{
  g_return_val_if_fail (SB_IS_REPORT_RENDERER (self), 72);
  return self->resolution;
}

/**
 * sb_report_renderer_get_n_pages:
 * @self: a renderer
 *
 * Paginates the document if that was not done yet.
 *
 * Returns: the number of pages, at least 1
 */
guint
sb_report_renderer_get_n_pages (SbReportRenderer *self)
{
  g_return_val_if_fail (SB_IS_REPORT_RENDERER (self), 0);
  return ensure_layout (self)->pages->len;
}

/**
 * sb_report_renderer_draw_page:
 * @self: a renderer
 * @cr: where to draw, with (0, 0) at the page's top left corner, in units
 *   of the renderer's resolution
 * @page: the page's index, from 0
 *
 * Draws one page: header, body and footer. It paints no background, so a
 * preview fills the paper white itself first.
 */
void
sb_report_renderer_draw_page (SbReportRenderer *self,
                              cairo_t          *cr,
                              guint             page)
{
  ReportLayout *layout;

  g_return_if_fail (SB_IS_REPORT_RENDERER (self));
  g_return_if_fail (cr != NULL);

  layout = ensure_layout (self);
  g_return_if_fail (page < layout->pages->len);

  cairo_save (cr);
  cairo_scale (cr, self->resolution / 72.0, self->resolution / 72.0);
  report_draw_page (layout, cr, page);
  cairo_restore (cr);
}

/**
 * sb_report_renderer_get_row_pages:
 * @self: a renderer
 * @table: a table of the renderer's document
 * @row: one of its rows
 * @out_first_page: (out) (optional): the page the row starts on, from 0
 * @out_last_page: (out) (optional): the page it ends on; the same unless
 *   the row was taller than a page
 *
 * Says where a table row was placed; for tests and for a preview that
 * jumps to a row.
 *
 * Returns: %TRUE if the row was found
 */
gboolean
sb_report_renderer_get_row_pages (SbReportRenderer *self,
                                  SbReportTable    *table,
                                  guint             row,
                                  guint            *out_first_page,
                                  guint            *out_last_page)
{
  ReportLayout *layout;
  gboolean found = FALSE;
  guint first = 0, last = 0;

  g_return_val_if_fail (SB_IS_REPORT_RENDERER (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  layout = ensure_layout (self);
  for (guint p = 0; p < layout->pages->len; p++)
    {
      Page *page = g_ptr_array_index (layout->pages, p);

      for (guint i = 0; i < page->placements->len; i++)
        {
          const Piece *piece = g_array_index (page->placements, Placement, i).piece;

          if ((piece->kind == PIECE_TABLE_ROWS || piece->kind == PIECE_TABLE_ROW_PART)
              && piece->table->table == table
              && row >= piece->first_row && row < piece->first_row + piece->n_rows)
            {
              if (!found)
                first = p;
              last = p;
              found = TRUE;
            }
        }
    }

  if (out_first_page != NULL)
    *out_first_page = first;
  if (out_last_page != NULL)
    *out_last_page = last;
  return found;
}

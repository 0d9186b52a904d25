/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-time.h"

#include "sb-report-document-private.h"

/*
 * The report document: metadata and a flat list of blocks. Sections are
 * kept as level-1 headings, which is all the renderer needs of them; the
 * builder functions append to the end, in reading order.
 */

struct _SbReportDocument
{
  GObject parent_instance;

  char *title;
  char *purpose;
  char *audience;
  char *period;
  char *data_source;
  gint64 generated_at;

  GPtrArray *blocks;  /* Block */
  GPtrArray *tables;  /* SbReportTable, borrowed from blocks */
  gboolean figures_open;
};

G_DEFINE_FINAL_TYPE (SbReportDocument, sb_report_document, G_TYPE_OBJECT)

static void
key_figure_free (gpointer data)
{
  KeyFigure *figure = data;

  g_free (figure->label);
  g_free (figure->value);
  g_free (figure->detail);
  g_free (figure);
}

static void
table_column_free (gpointer data)
{
  TableColumn *column = data;

  g_free (column->title);
  g_free (column);
}

static void
table_row_free (gpointer data)
{
  TableRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static void
table_free (SbReportTable *table)
{
  g_free (table->title);
  g_free (table->empty_text);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_clear_pointer (&block->figures, g_ptr_array_unref);
  g_clear_pointer (&block->table, table_free);
  g_clear_pointer (&block->chart, sb_chart_free);
  g_free (block);
}

static Block *
append_block (SbReportDocument *self,
              BlockKind         kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  if (kind != BLOCK_KEY_FIGURES)
    self->figures_open = FALSE;
  return block;
}

static void
sb_report_document_finalize (GObject *object)
{
  SbReportDocument *self = SB_REPORT_DOCUMENT (object);

  g_free (self->title);
  g_free (self->purpose);
  g_free (self->audience);
  g_free (self->period);
  g_free (self->data_source);
  g_ptr_array_unref (self->tables);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (sb_report_document_parent_class)->finalize (object);
}

static void
sb_report_document_class_init (SbReportDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_report_document_finalize;
}

static void
sb_report_document_init (SbReportDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->tables = g_ptr_array_new ();
  self->generated_at = sb_time_now_ms ();
}

const GPtrArray *
sb_report_document_get_blocks (SbReportDocument *self)
{
  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (self), NULL);

  return self->blocks;
}

/* Public API */

/**
 * sb_report_document_new:
 * @title: the report's title, as on its first page and every page's header
 *
 * Creates an empty report. Its generated-at instant is now; set the
 * purpose, audience, period and data source before handing it out, as the
 * domain asks every report to name them.
 *
 * Returns: (transfer full): a new document
 */
SbReportDocument *
sb_report_document_new (const char *title)
{
  SbReportDocument *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (SB_TYPE_REPORT_DOCUMENT, NULL);
  self->title = g_strdup (title);
  return self;
}

/**
 * sb_report_document_get_title:
 * @self: a document
 *
 * Returns: (transfer none): the title
 */
const char *
sb_report_document_get_title (SbReportDocument *self)
{
  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (self), NULL);
  return self->title;
}

#define DEFINE_TEXT_FIELD(field)                                              \
  void                                                                        \
  sb_report_document_set_##field (SbReportDocument *self,                     \
                                  const char       *field)                    \
  {                                                                           \
    g_return_if_fail (SB_IS_REPORT_DOCUMENT (self));                          \
    if (g_strcmp0 (self->field, field) != 0)                                  \
      {                                                                       \
        g_free (self->field);                                                 \
        self->field = g_strdup (field);                                       \
      }                                                                       \
  }                                                                           \
                                                                              \
  const char *                                                                \
  sb_report_document_get_##field (SbReportDocument *self)                     \
  {                                                                           \
    g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (self), NULL);                \
    return self->field;                                                       \
  }

/**
 * sb_report_document_set_purpose:
 * @self: a document
 * @purpose: (nullable): what the report is for, in a sentence
 *
 * Sets the purpose shown in the title block.
 */
/**
 * sb_report_document_get_purpose:
 * @self: a document
 *
 * Returns: (transfer none) (nullable): the purpose
 */
DEFINE_TEXT_FIELD (purpose)

/**
 * sb_report_document_set_audience:
 * @self: a document
 * @audience: (nullable): who the report is for ("The customer's service
 *   owner")
 *
 * Sets the audience shown in the title block.
 */
/**
 * sb_report_document_get_audience:
 * @self: a document
 *
 * Returns: (transfer none) (nullable): the audience
 */
DEFINE_TEXT_FIELD (audience)

/**
 * sb_report_document_set_period:
 * @self: a document
 * @period: (nullable): the period label, e.g. from sb_report_format_period()
 *
 * Sets the period shown in the title block and every page's header.
 */
/**
 * sb_report_document_get_period:
 * @self: a document
 *
 * Returns: (transfer none) (nullable): the period label
 */
DEFINE_TEXT_FIELD (period)

/**
 * sb_report_document_set_data_source:
 * @self: a document
 * @data_source: (nullable): where the figures come from (the book's name)
 *
 * Sets the data source shown in the title block.
 */
/**
 * sb_report_document_get_data_source:
 * @self: a document
 *
 * Returns: (transfer none) (nullable): the data source
 */
DEFINE_TEXT_FIELD (data_source)

/**
 * sb_report_document_set_generated_at:
 * @self: a document
 * @utc_ms: the instant the report was made, in UTC Unix milliseconds
 *
 * Sets when the report was made (default: when the document was created);
 * tests set a fixed instant.
 */
void
sb_report_document_set_generated_at (SbReportDocument *self,
                                     gint64            utc_ms)
{
  g_return_if_fail (SB_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (utc_ms >= SB_TIME_MIN_MS && utc_ms <= SB_TIME_MAX_MS);

  self->generated_at = utc_ms;
}

/**
 * sb_report_document_get_generated_at:
 * @self: a document
 *
 * Returns: when the report was made, in UTC Unix milliseconds
 */
gint64
sb_report_document_get_generated_at (SbReportDocument *self)
{
  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (self), 0);
  return self->generated_at;
}

/**
 * sb_report_document_add_section:
 * @self: a document
 * @title: the section's title
 *
 * Starts a section: its title is a level-1 heading, and the blocks added
 * after it belong to it until the next section.
 */
void
sb_report_document_add_section (SbReportDocument *self,
                                const char       *title)
{
  sb_report_document_add_heading (self, 1, title);
}

/**
 * sb_report_document_add_heading:
 * @self: a document
 * @level: 1 (a section), 2 or 3
 * @text: the heading
 *
 * Adds a heading. The renderer never leaves one alone at the bottom of a
 * page: it goes with the start of the block after it.
 */
void
sb_report_document_add_heading (SbReportDocument *self,
                                guint             level,
                                const char       *text)
{
  Block *block;

  g_return_if_fail (SB_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (level >= 1 && level <= 3);
  g_return_if_fail (text != NULL);

  block = append_block (self, BLOCK_HEADING);
  block->level = level;
  block->text = g_strdup (text);
}

/**
 * sb_report_document_add_paragraph:
 * @self: a document
 * @text: plain text (escaped by the renderer); a newline starts a new line
 *
 * Adds a paragraph of body text. Long paragraphs may continue on the next
 * page, never leaving a single line behind or ahead.
 */
void
sb_report_document_add_paragraph (SbReportDocument *self,
                                  const char       *text)
{
  Block *block;

  g_return_if_fail (SB_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  block = append_block (self, BLOCK_PARAGRAPH);
  block->text = g_strdup (text);
}

/**
 * sb_report_document_add_key_figure:
 * @self: a document
 * @label: what the figure is ("Availability")
 * @value: the figure, formatted ("99.82 %")
 * @detail: (nullable): a short line under it ("target 99.5 %")
 *
 * Adds a key figure. Consecutive key figures form one row of tiles (more
 * rows when they do not fit across the page); another kind of block or
 * sb_report_document_end_key_figures() ends the row.
 */
void
sb_report_document_add_key_figure (SbReportDocument *self,
                                   const char       *label,
                                   const char       *value,
                                   const char       *detail)
{
  Block *block;
  KeyFigure *figure;

  g_return_if_fail (SB_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (value != NULL);

  if (self->figures_open)
    {
      block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
    }
  else
    {
      block = append_block (self, BLOCK_KEY_FIGURES);
      block->figures = g_ptr_array_new_with_free_func (key_figure_free);
      self->figures_open = TRUE;
    }

  figure = g_new0 (KeyFigure, 1);
  figure->label = g_strdup (label);
  figure->value = g_strdup (value);
  figure->detail = g_strdup (detail);
  g_ptr_array_add (block->figures, figure);
}

/**
 * sb_report_document_end_key_figures:
 * @self: a document
 *
 * Ends the current row of key figures, so that the next key figure starts
 * a row of its own.
 */
void
sb_report_document_end_key_figures (SbReportDocument *self)
{
  g_return_if_fail (SB_IS_REPORT_DOCUMENT (self));
  self->figures_open = FALSE;
}

/**
 * sb_report_document_add_table:
 * @self: a document
 * @title: (nullable): the table's title, shown above it, repeated with
 *   "(continued)" on the pages it continues on, and written before it in CSV
 *
 * Adds a table. Add its columns with sb_report_table_add_column(), then its
 * rows.
 *
 * Returns: (transfer none): the table, owned by the document
 */
SbReportTable *
sb_report_document_add_table (SbReportDocument *self,
                              const char       *title)
{
  Block *block;
  SbReportTable *table;

  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (self), NULL);

  table = g_new0 (SbReportTable, 1);
  table->title = g_strdup (title);
  table->columns = g_ptr_array_new_with_free_func (table_column_free);
  table->rows = g_ptr_array_new_with_free_func (table_row_free);
  table->next_group = 1;

  block = append_block (self, BLOCK_TABLE);
  block->table = table;
  g_ptr_array_add (self->tables, table);
  return table;
}

/**
 * sb_report_document_add_chart:
 * @self: a document
 * @chart: (transfer full): the chart
 * @height: its height in points (the width is the page's); clamped to a
 *   page
 *
 * Adds a chart. A chart is never split: when it does not fit on the rest
 * of a page it moves to the next.
 */
void
sb_report_document_add_chart (SbReportDocument *self,
                              SbChart          *chart,
                              double            height)
{
  Block *block;

  g_return_if_fail (SB_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (chart != NULL);
  g_return_if_fail (height > 0);

  block = append_block (self, BLOCK_CHART);
  block->chart = chart;
  block->height = height;
}

/**
 * sb_report_document_add_page_break:
 * @self: a document
 *
 * What follows starts on a new page.
 */
void
sb_report_document_add_page_break (SbReportDocument *self)
{
  g_return_if_fail (SB_IS_REPORT_DOCUMENT (self));
  append_block (self, BLOCK_PAGE_BREAK);
}

static void
move_blocks (SbReportDocument *self,
             SbReportDocument *other,
             guint             heading_shift)
{
  g_return_if_fail (SB_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (SB_IS_REPORT_DOCUMENT (other));
  g_return_if_fail (self != other);

  /* The blocks change hands: freeing them is the receiver's job now */
  g_ptr_array_set_free_func (other->blocks, NULL);
  for (guint i = 0; i < other->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (other->blocks, i);

      if (block->kind == BLOCK_HEADING)
        block->level = MIN (block->level + heading_shift, 3);
      if (block->kind == BLOCK_TABLE)
        g_ptr_array_add (self->tables, block->table);
      g_ptr_array_add (self->blocks, block);
    }
  g_ptr_array_set_size (other->blocks, 0);
  g_ptr_array_set_size (other->tables, 0);
  g_ptr_array_set_free_func (other->blocks, block_free);

  self->figures_open = FALSE;
  other->figures_open = FALSE;
}

/**
 * sb_report_document_append:
 * @self: a document
 * @other: another document
 *
 * Moves every block of @other (headings, paragraphs, key figures, tables,
 * charts, page breaks) to the end of @self, in order, as they are. @other
 * keeps its title and description but is left without blocks. For a
 * report made of other reports, and for a report's key figures placed
 * before the blocks they sum up.
 */
void
sb_report_document_append (SbReportDocument *self,
                           SbReportDocument *other)
{
  move_blocks (self, other, 0);
}

/**
 * sb_report_document_append_nested:
 * @self: a document
 * @other: another document
 *
 * Like sb_report_document_append(), with each heading of @other one level
 * deeper (level 3 stays 3): @other's sections become subsections of the
 * section @self has open.
 */
void
sb_report_document_append_nested (SbReportDocument *self,
                                  SbReportDocument *other)
{
  move_blocks (self, other, 1);
}

/**
 * sb_report_document_get_n_tables:
 * @self: a document
 *
 * Returns: how many tables the document has
 */
guint
sb_report_document_get_n_tables (SbReportDocument *self)
{
  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (self), 0);
  return self->tables->len;
}

/**
 * sb_report_document_get_table:
 * @self: a document
 * @index: which table, in document order
 *
 * Returns: (transfer none): the table
 */
SbReportTable *
sb_report_document_get_table (SbReportDocument *self,
                              guint             index)
{
  g_return_val_if_fail (SB_IS_REPORT_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->tables->len, NULL);
  return g_ptr_array_index (self->tables, index);
}

/* Tables */

/**
 * sb_report_table_add_column:
 * @table: a table
 * @title: the column's title, in the header row repeated on every page
 * @align: how its cells are aligned (%SB_REPORT_ALIGN_END for numbers)
 * @width: its share of the table's width, relative to the other columns
 *
 * Adds a column. All columns come before the first row.
 *
 * Returns: the column's index
 */
guint
sb_report_table_add_column (SbReportTable *table,
                            const char    *title,
                            SbReportAlign  align,
                            double         width)
{
  TableColumn *column;

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (title != NULL, 0);
  g_return_val_if_fail (width > 0, 0);
  g_return_val_if_fail (!table->sealed, 0);

  column = g_new0 (TableColumn, 1);
  column->title = g_strdup (title);
  column->align = align;
  column->width = width;
  g_ptr_array_add (table->columns, column);
  return table->columns->len - 1;
}

static guint
add_row (SbReportTable      *table,
         const char * const *cells,
         gboolean            total)
{
  TableRow *row = g_new0 (TableRow, 1);
  guint n = table->columns->len;

  table->sealed = TRUE;
  row->cells = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    row->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  row->total = total;
  row->group = table->open_group;
  g_ptr_array_add (table->rows, row);
  return table->rows->len - 1;
}

/**
 * sb_report_table_add_row:
 * @table: a table
 * @...: one string per column (%NULL for an empty cell)
 *
 * Adds a row; takes exactly as many strings as the table has columns.
 *
 * Returns: the row's index
 */
guint
sb_report_table_add_row (SbReportTable *table,
                         ...)
{
  g_autofree const char **cells = NULL;
  va_list args;
  guint n;

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (table->columns->len > 0, 0);

  n = table->columns->len;
  cells = g_new0 (const char *, n + 1);
  va_start (args, table);
  for (guint i = 0; i < n; i++)
    cells[i] = va_arg (args, const char *);
  va_end (args);

  return add_row (table, cells, FALSE);
}

/**
 * sb_report_table_add_rowv:
 * @table: a table
 * @cells: (array): one string per column (%NULL for an empty cell)
 *
 * Adds a row.
 *
 * Returns: the row's index
 */
guint
sb_report_table_add_rowv (SbReportTable      *table,
                          const char * const *cells)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (cells != NULL, 0);
  g_return_val_if_fail (table->columns->len > 0, 0);

  return add_row (table, cells, FALSE);
}

/**
 * sb_report_table_add_total_rowv:
 * @table: a table
 * @cells: (array): one string per column (%NULL for an empty cell)
 *
 * Adds a row shown with emphasis and a rule above it: a total.
 *
 * Returns: the row's index
 */
guint
sb_report_table_add_total_rowv (SbReportTable      *table,
                                const char * const *cells)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (cells != NULL, 0);
  g_return_val_if_fail (table->columns->len > 0, 0);

  return add_row (table, cells, TRUE);
}

/**
 * sb_report_table_begin_group:
 * @table: a table
 *
 * The rows added until sb_report_table_end_group() are kept together on
 * one page when they fit on one (an incident and its timeline, say).
 */
void
sb_report_table_begin_group (SbReportTable *table)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (table->open_group == 0);

  table->open_group = table->next_group++;
}

/**
 * sb_report_table_end_group:
 * @table: a table
 *
 * Ends the group started by sb_report_table_begin_group().
 */
void
sb_report_table_end_group (SbReportTable *table)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (table->open_group != 0);

  table->open_group = 0;
}

/**
 * sb_report_table_set_empty_text:
 * @table: a table
 * @text: (nullable): what to show instead of rows when there are none;
 *   %NULL for "Nothing to show for this period."
 *
 * Sets the text of an empty table.
 */
void
sb_report_table_set_empty_text (SbReportTable *table,
                                const char    *text)
{
  g_return_if_fail (table != NULL);

  g_free (table->empty_text);
  table->empty_text = g_strdup (text);
}

/**
 * sb_report_table_get_title:
 * @table: a table
 *
 * Returns: (transfer none) (nullable): the title
 */
const char *
sb_report_table_get_title (SbReportTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table->title;
}

/**
 * sb_report_table_get_n_columns:
 * @table: a table
 *
 * Returns: the number of columns
 */
guint
sb_report_table_get_n_columns (SbReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->columns->len;
}

/**
 * sb_report_table_get_n_rows:
 * @table: a table
 *
 * Returns: the number of rows, totals included
 */
guint
sb_report_table_get_n_rows (SbReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

/**
 * sb_report_table_get_column_title:
 * @table: a table
 * @column: a column index
 *
 * Returns: (transfer none): the column's title
 */
const char *
sb_report_table_get_column_title (SbReportTable *table,
                                  guint          column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->columns->len, NULL);
  return ((TableColumn *) g_ptr_array_index (table->columns, column))->title;
}

/**
 * sb_report_table_get_cell:
 * @table: a table
 * @row: a row index
 * @column: a column index
 *
 * Returns: (transfer none): the cell's text ("" when empty)
 */
const char *
sb_report_table_get_cell (SbReportTable *table,
                          guint          row,
                          guint          column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (column < table->columns->len, NULL);
  return ((TableRow *) g_ptr_array_index (table->rows, row))->cells[column];
}

/**
 * sb_report_table_is_total_row:
 * @table: a table
 * @row: a row index
 *
 * Returns: whether the row was added as a total
 */
gboolean
sb_report_table_is_total_row (SbReportTable *table,
                              guint          row)
{
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (row < table->rows->len, FALSE);
  return ((TableRow *) g_ptr_array_index (table->rows, row))->total;
}

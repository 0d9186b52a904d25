/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <string.h>

#include "sb-chart-private.h"

/*
 * A chart's data (title, categories, series, marker, the format of
 * values) and its styles; sb-chart-draw.c lays it out and paints it.
 */

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_free (series->values);
  g_free (series);
}

static void
set_rgb (double  rgb[3],
         guint32 hex)
{
  rgb[0] = ((hex >> 16) & 0xff) / 255.0;
  rgb[1] = ((hex >> 8) & 0xff) / 255.0;
  rgb[2] = (hex & 0xff) / 255.0;
}

/* Public API */

/**
 * sb_chart_style_init_light:
 * @style: (out caller-allocates): the style to fill
 *
 * Fills @style for a light background (screen or paper): dark text, the
 * GNOME palette's blue and orange first (told apart with the common kinds
 * of colour blindness), then green, purple, yellow and red.
 */
void
sb_chart_style_init_light (SbChartStyle *style)
{
  static const guint32 palette[] = {
    0x3584e4, /* blue 3 */
    0xe66100, /* orange 4 */
    0x26a269, /* green 5 */
    0x9141ac, /* purple 3 */
    0xe5a50a, /* yellow 5 */
    0xc01c28, /* red 4 */
  };

  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  set_rgb (style->foreground, 0x241f31);
  set_rgb (style->grid, 0xdeddda);
  set_rgb (style->background, 0xffffff);
  set_rgb (style->marker, 0x5e5c64);
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    set_rgb (style->palette[i], palette[i]);
  style->paint_background = FALSE;
  style->font = NULL;
}

/**
 * sb_chart_style_init_dark:
 * @style: (out caller-allocates): the style to fill
 *
 * Fills @style for a dark background: light text and the lighter shades
 * of the palette of sb_chart_style_init_light(), in the same order.
 */
void
sb_chart_style_init_dark (SbChartStyle *style)
{
  static const guint32 palette[] = {
    0x62a0ea, /* blue 2 */
    0xffa348, /* orange 2 */
    0x33d17a, /* green 3 */
    0xc061cb, /* purple 2 */
    0xf6d32d, /* yellow 3 */
    0xf66151, /* red 1 */
  };

  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  set_rgb (style->foreground, 0xffffff);
  set_rgb (style->grid, 0x3d3d3d);
  set_rgb (style->background, 0x242424);
  set_rgb (style->marker, 0xc0bfbc);
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    set_rgb (style->palette[i], palette[i]);
  style->paint_background = FALSE;
  style->font = NULL;
}

/**
 * sb_chart_new:
 *
 * Creates an empty chart: no title, categories or series, no marker.
 *
 * Returns: (transfer full): the chart, freed with sb_chart_free()
 */
SbChart *
sb_chart_new (void)
{
  SbChart *self = g_new0 (SbChart, 1);

  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->marker = -1;
  self->resolution = 96;
  return self;
}

/**
 * sb_chart_free:
 * @self: (nullable) (transfer full): a chart
 *
 * Frees the chart and releases the format function's data.
 */
void
sb_chart_free (SbChart *self)
{
  if (self == NULL)
    return;

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  g_free (self->title);
  g_free (self->marker_label);
  g_ptr_array_unref (self->labels);
  g_ptr_array_unref (self->series);
  g_free (self);
}

/**
 * sb_chart_set_title:
 * @self: a chart
 * @title: (nullable): the title, drawn in bold above the legend
 *
 * Sets or removes the chart's title.
 */
void
sb_chart_set_title (SbChart    *self,
                    const char *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * sb_chart_set_categories:
 * @self: a chart
 * @labels: (array length=n_labels) (nullable): the category labels
 * @n_labels: how many
 *
 * Sets the categories along the x axis, replacing any before. A series
 * with more values than there are labels adds unlabelled categories.
 */
void
sb_chart_set_categories (SbChart            *self,
                         const char * const *labels,
                         guint               n_labels)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (labels != NULL || n_labels == 0);

  g_ptr_array_set_size (self->labels, 0);
  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (self->labels, g_strdup (labels[i] != NULL ? labels[i] : ""));
}

/**
 * sb_chart_add_series:
 * @self: a chart
 * @name: (nullable): the name shown in the legend
 * @kind: bars or a line
 * @values: (array length=n_values) (nullable): one value per category
 * @n_values: how many values
 *
 * Adds a series, coloured with the next colour of the style's palette.
 * Bar series are drawn side by side in each category; lines over them.
 *
 * Returns: the index of the series
 */
guint
sb_chart_add_series (SbChart      *self,
                     const char   *name,
                     SbChartKind   kind,
                     const gint64 *values,
                     guint         n_values)
{
  Series *series;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name != NULL ? name : "");
  series->kind = kind;
  series->values = n_values > 0 ? g_memdup2 (values, sizeof (gint64) * n_values) : NULL;
  series->n_values = n_values;
  g_ptr_array_add (self->series, series);
  return self->series->len - 1;
}

/**
 * sb_chart_set_format_func:
 * @self: a chart
 * @func: (nullable): makes the text of a value (the y axis labels)
 * @user_data: passed to @func
 * @destroy: (nullable): frees @user_data when replaced or with the chart
 *
 * Sets how values are written; without one, as plain whole numbers.
 * Money is formatted by the caller (values are minor units).
 */
void
sb_chart_set_format_func (SbChart           *self,
                          SbChartFormatFunc  func,
                          gpointer           user_data,
                          GDestroyNotify     destroy)
{
  g_return_if_fail (self != NULL);

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  self->format_func = func;
  self->format_data = user_data;
  self->format_destroy = destroy;
}

/**
 * sb_chart_set_marker:
 * @self: a chart
 * @category: the category to mark, or -1 for none
 * @label: (nullable): the text above the mark, such as "Today"
 *
 * Marks one category with a band across the plot and a label on top.
 */
void
sb_chart_set_marker (SbChart    *self,
                     int         category,
                     const char *label)
{
  g_return_if_fail (self != NULL);

  self->marker = MAX (category, -1);
  g_free (self->marker_label);
  self->marker_label = g_strdup (label);
}

/**
 * sb_chart_set_resolution:
 * @self: a chart
 * @dpi: units of the target per inch: 96 for screen pixels (the default),
 *   72 for PDF and print surfaces measured in points
 *
 * Sets how the style's font size in points maps to the units of the
 * surface, so that a 9 pt font is 9 pt on paper as on screen.
 */
void
sb_chart_set_resolution (SbChart *self,
                         double   dpi)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (dpi > 0);

  self->resolution = dpi;
}

/**
 * sb_chart_get_category_x:
 * @self: a chart
 * @index: a category
 * @out_x: (out): the centre of the category on the last draw
 *
 * Returns: %FALSE before the first draw or when there is no such category
 */
gboolean
sb_chart_get_category_x (SbChart *self,
                         guint    index,
                         double  *out_x)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->drawn || index >= self->n_drawn_categories)
    return FALSE;
  if (out_x != NULL)
    *out_x = self->plot_x + (index + 0.5) * self->plot_w / self->n_drawn_categories;
  return TRUE;
}

/**
 * sb_chart_get_value_y:
 * @self: a chart
 * @value: a value
 * @out_y: (out): where @value is on the y axis of the last draw
 *
 * Returns: %FALSE before the first draw
 */
gboolean
sb_chart_get_value_y (SbChart *self,
                      gint64   value,
                      double  *out_y)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->drawn)
    return FALSE;
  if (out_y != NULL)
    *out_y = value_to_y (self, (double) value);
  return TRUE;
}

/**
 * sb_chart_get_bar_x:
 * @self: a chart
 * @series: a series of bars
 * @category: a category
 * @out_x: (out) (optional): the left edge of the bar
 * @out_width: (out) (optional): its width
 *
 * Where a bar is on the last draw, for hit tests (tooltips) and tests.
 *
 * Returns: %FALSE before the first draw, or when @series is not a series
 *   of bars or @category not a category
 */
gboolean
sb_chart_get_bar_x (SbChart *self,
                    guint    series,
                    guint    category,
                    double  *out_x,
                    double  *out_width)
{
  double bar_w, cx;
  guint b = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->drawn || category >= self->n_drawn_categories || series >= self->series->len
      || ((Series *) g_ptr_array_index (self->series, series))->kind != SB_CHART_BARS)
    return FALSE;

  for (guint i = 0; i < series; i++)
    if (((Series *) g_ptr_array_index (self->series, i))->kind == SB_CHART_BARS)
      b++;

  bar_w = (self->group_w - self->bar_gap * (self->n_bar_series - 1)) / self->n_bar_series;
  cx = self->plot_x + (category + 0.5) * self->plot_w / self->n_drawn_categories;
  if (out_x != NULL)
    *out_x = cx - self->group_w / 2 + b * (bar_w + self->bar_gap);
  if (out_width != NULL)
    *out_width = bar_w;
  return TRUE;
}

/**
 * sb_chart_get_axis:
 * @self: a chart
 * @out_min: (out) (optional): the lowest value of the y axis
 * @out_max: (out) (optional): the highest
 * @out_step: (out) (optional): the step between gridlines, 1, 2, 2.5 or
 *   5 times a power of ten
 *
 * The y axis of the last draw; with nothing to show, 0 to 1 by 1.
 *
 * Returns: %FALSE before the first draw
 */
gboolean
sb_chart_get_axis (SbChart *self,
                   gint64  *out_min,
                   gint64  *out_max,
                   gint64  *out_step)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->drawn)
    return FALSE;
  if (out_min != NULL)
    *out_min = double_to_value (self->axis_min);
  if (out_max != NULL)
    *out_max = double_to_value (self->axis_max);
  if (out_step != NULL)
    *out_step = double_to_value (self->axis_step);
  return TRUE;
}

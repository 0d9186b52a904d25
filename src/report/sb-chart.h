/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/*
 * Charts drawn with cairo and Pango on any surface: the Budgets page
 * (GtkDrawingArea), PDF reports and print share this code (DESIGN.md,
 * Reports). No GTK. A chart has categories along the x axis (months) and
 * series of whole-number values (minor units of money, counts): grouped
 * bars or lines, an optional marker on one category (the current month),
 * a y axis with round steps labelled through a formatter, and a legend.
 */
typedef enum
{
  SB_CHART_BARS,
  SB_CHART_LINE,
} SbChartKind;

/* Colours as RGB 0…1; a style for light and one for dark backgrounds. */
typedef struct
{
  double foreground[3];    /* text and axes */
  double grid[3];
  double background[3];    /* painted only when paint_background is set */
  gboolean paint_background;
  double palette[6][3];    /* series colours, in order */
  double marker[3];
  const char *font;        /* Pango font description, e.g. "Cantarell 9"; NULL: "Sans 9" */
} SbChartStyle;

void      sb_chart_style_init_light    (SbChartStyle *style);
void      sb_chart_style_init_dark     (SbChartStyle *style);

typedef char *(*SbChartFormatFunc) (gint64   value,
                                    gpointer user_data);

typedef struct _SbChart SbChart;

SbChart  *sb_chart_new                 (void);
void      sb_chart_free                (SbChart            *self);
void      sb_chart_set_title           (SbChart            *self,
                                        const char         *title);
void      sb_chart_set_categories      (SbChart            *self,
                                        const char * const *labels,
                                        guint               n_labels);
/* Returns the series index. @values has one value per category. */
guint     sb_chart_add_series          (SbChart            *self,
                                        const char         *name,
                                        SbChartKind         kind,
                                        const gint64       *values,
                                        guint               n_values);
/* Labels of the y axis and of values; default: the number as is. */
void      sb_chart_set_format_func     (SbChart            *self,
                                        SbChartFormatFunc   func,
                                        gpointer            user_data,
                                        GDestroyNotify      destroy);
/* A marker on one category (-1: none), with a label ("Today"). */
void      sb_chart_set_marker          (SbChart            *self,
                                        int                 category,
                                        const char         *label);
/* Draws into the rectangle (0, 0, width, height) of @cr. */
void      sb_chart_draw                (SbChart            *self,
                                        cairo_t            *cr,
                                        double              width,
                                        double              height,
                                        const SbChartStyle *style);
/* Where category @index is drawn (centre x), after a draw; for tests and
 * tooltips. FALSE before the first draw. */
gboolean  sb_chart_get_category_x      (SbChart            *self,
                                        guint               index,
                                        double             *out_x);
/* The y of a value on the last drawn axis; for tests. */
gboolean  sb_chart_get_value_y         (SbChart            *self,
                                        gint64              value,
                                        double             *out_y);

/* Units of the surface per inch for the font size: 96 (screen pixels,
 * the default) or 72 (PDF and print, in points). */
void      sb_chart_set_resolution      (SbChart            *self,
                                        double              dpi);
/* Where the bar of a series of bars is drawn in a category, after a draw;
 * for tooltips and tests. */
gboolean  sb_chart_get_bar_x           (SbChart            *self,
                                        guint               series,
                                        guint               category,
                                        double             *out_x,
                                        double             *out_width);
/* The y axis of the last draw (step: 1, 2, 2.5 or 5 × 10^n). */
gboolean  sb_chart_get_axis            (SbChart            *self,
                                        gint64             *out_min,
                                        gint64             *out_max,
                                        gint64             *out_step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbChart, sb_chart_free)

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "sb-chart.h"

G_BEGIN_DECLS

/* What a chart holds (sb-chart.c) and what its last draw laid out
 * (sb-chart-draw.c), for the getters. */
typedef struct
{
  char *name;
  SbChartKind kind;
  gint64 *values;
  guint n_values;
} Series;

struct _SbChart
{
  char *title;
  GPtrArray *labels; /* char * */
  GPtrArray *series; /* Series * */

  SbChartFormatFunc format_func;
  gpointer format_data;
  GDestroyNotify format_destroy;

  int marker;
  char *marker_label;

  double resolution;

  /* What the last draw laid out, for the getters. */
  gboolean drawn;
  guint n_drawn_categories;
  double plot_x;
  double plot_y;
  double plot_w;
  double plot_h;
  double axis_min;
  double axis_max;
  double axis_step;
  double group_w;
  double bar_gap;
  guint n_bar_series;
};

/* A value of the axis as a whole number, saturating at the ends of 64 bits. */
static inline gint64
double_to_value (double v)
{
  if (v >= 9.2e18)
    return G_MAXINT64;
  if (v <= -9.2e18)
    return G_MININT64;
  return (gint64) llround (v);
}

static inline double
value_to_y (SbChart *self,
            double   value)
{
  return self->plot_y
         + self->plot_h * (self->axis_max - value) / (self->axis_max - self->axis_min);
}

G_END_DECLS

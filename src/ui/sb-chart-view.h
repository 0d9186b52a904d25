/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sb-chart.h"

G_BEGIN_DECLS

#define SB_TYPE_CHART_VIEW (sb_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (SbChartView, sb_chart_view, SB, CHART_VIEW, GtkDrawingArea)

GtkWidget  *sb_chart_view_new             (void);
void        sb_chart_view_clear           (SbChartView        *self);
void        sb_chart_view_set_title       (SbChartView        *self,
                                           const char         *title);
void        sb_chart_view_set_categories  (SbChartView        *self,
                                           const char * const *labels,
                                           guint               n_labels);
guint       sb_chart_view_add_series      (SbChartView        *self,
                                           const char         *name,
                                           SbChartKind         kind,
                                           const gint64       *values,
                                           guint               n_values);
void        sb_chart_view_set_marker      (SbChartView        *self,
                                           int                 category,
                                           const char         *label);
void        sb_chart_view_set_currency    (SbChartView        *self,
                                           const char         *currency);
SbChart    *sb_chart_view_get_chart       (SbChartView        *self);
gboolean    sb_chart_view_get_drawn       (SbChartView        *self);
char       *sb_chart_view_describe_at     (SbChartView        *self,
                                           double              x);

G_END_DECLS

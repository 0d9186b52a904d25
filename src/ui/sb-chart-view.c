/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sb-chart-view.h"
#include "sb-money.h"

/* A chart on screen: the report library's SbChart drawn into a drawing
 * area with the light or dark style that matches the application and the
 * widget's own font, and a tooltip naming the values of the month under
 * the pointer.  The view keeps a copy of what it was given, to say it in
 * the tooltip. */

typedef struct
{
  char   *name;
  gint64 *values;
  guint   n_values;
} Series;

struct _SbChartView
{
  GtkDrawingArea  parent_instance;

  SbChart        *chart;
  GPtrArray      *categories;   /* of char* */
  GPtrArray      *series;       /* of Series* */
  char           *title;
  char           *currency;
  int             marker;
  char           *marker_label;
  gboolean        drawn;
};

G_DEFINE_FINAL_TYPE (SbChartView, sb_chart_view, GTK_TYPE_DRAWING_AREA)

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_free (series->values);
  g_free (series);
}

static char *
format_value (SbChartView *self,
              gint64       value)
{
  if (self->currency != NULL)
    return sb_money_format (value, self->currency);

  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Axis labels in whole units when the step allows: "€1,000" reads better
 * than "€1,000.00" on an axis. */
static char *
format_axis_cb (gint64   value,
                gpointer user_data)
{
  SbChartView *self = user_data;
  g_autofree char *text = format_value (self, value);
  int digits;

  if (self->currency == NULL)
    return g_steal_pointer (&text);

  digits = sb_currency_get_digits (self->currency);
  if (digits > 0)
    {
      gint64 unit = 1;

      for (int i = 0; i < digits; i++)
        unit *= 10;
      if (value % unit == 0)
        {
          SbMoneyStyle style;
          g_autofree char *zeros = g_strnfill (digits, '0');
          g_autofree char *suffix = NULL;
          char *found;

          sb_money_style_from_locale (&style);
          suffix = g_strconcat (style.decimal, zeros, NULL);
          found = g_strrstr (text, suffix);
          if (found != NULL)
            memmove (found, found + strlen (suffix), strlen (found + strlen (suffix)) + 1);
        }
    }

  return g_steal_pointer (&text);
}

static void
rebuild_chart (SbChartView *self)
{
  g_clear_pointer (&self->chart, sb_chart_free);
  self->chart = sb_chart_new ();
  self->drawn = FALSE;

  if (self->title != NULL)
    sb_chart_set_title (self->chart, self->title);
  sb_chart_set_format_func (self->chart, format_axis_cb, self, NULL);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  SbChartView *self = SB_CHART_VIEW (area);
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *desc = pango_context_get_font_description (context);
  g_autofree char *font = NULL;
  SbChartStyle style;

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    sb_chart_style_init_dark (&style);
  else
    sb_chart_style_init_light (&style);

  if (desc != NULL)
    {
      g_autoptr(PangoFontDescription) copy = pango_font_description_copy (desc);

      /* The chart's labels are a little smaller than the text around it. */
      if (pango_font_description_get_size (copy) > 0 &&
          !pango_font_description_get_size_is_absolute (copy))
        pango_font_description_set_size (copy, pango_font_description_get_size (copy) * 9 / 10);
      font = pango_font_description_to_string (copy);
      style.font = font;
    }

  sb_chart_draw (self->chart, cr, width, height, &style);
  self->drawn = TRUE;
}

static void
on_dark_changed_cb (SbChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
category_at (SbChartView *self,
             double       x)
{
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < self->categories->len; i++)
    {
      double cx;

      if (!sb_chart_get_category_x (self->chart, i, &cx))
        return -1;
      if (ABS (cx - x) < best_distance)
        {
          best_distance = ABS (cx - x);
          best = i;
        }
    }

  /* Half a category's width either side of its centre. */
  if (best >= 0 && self->categories->len > 1)
    {
      double a, b;

      sb_chart_get_category_x (self->chart, 0, &a);
      sb_chart_get_category_x (self->chart, 1, &b);
      if (best_distance > ABS (b - a))
        return -1;
    }

  return best;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  SbChartView *self = SB_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;

  text = sb_chart_view_describe_at (self, x);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
sb_chart_view_dispose (GObject *object)
{
  SbChartView *self = SB_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_CHART_VIEW);

  G_OBJECT_CLASS (sb_chart_view_parent_class)->dispose (object);
}

static void
sb_chart_view_finalize (GObject *object)
{
  SbChartView *self = SB_CHART_VIEW (object);

  g_clear_pointer (&self->chart, sb_chart_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_free (self->title);
  g_free (self->currency);
  g_free (self->marker_label);

  G_OBJECT_CLASS (sb_chart_view_parent_class)->finalize (object);
}

static void
sb_chart_view_class_init (SbChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_chart_view_dispose;
  object_class->finalize = sb_chart_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-chart-view.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sb_chart_view_init (SbChartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->marker = -1;
  rebuild_chart (self);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed_cb), self);
}

/* Public API */

/**
 * sb_chart_view_new:
 *
 * Returns: (transfer floating): an empty chart view
 */
GtkWidget *
sb_chart_view_new (void)
{
  return g_object_new (SB_TYPE_CHART_VIEW, NULL);
}

/**
 * sb_chart_view_clear:
 * @self: a chart view
 *
 * Drops the categories, series and marker, keeping the title and currency.
 */
void
sb_chart_view_clear (SbChartView *self)
{
  g_return_if_fail (SB_IS_CHART_VIEW (self));

  g_ptr_array_set_size (self->categories, 0);
  g_ptr_array_set_size (self->series, 0);
  self->marker = -1;
  g_clear_pointer (&self->marker_label, g_free);
  rebuild_chart (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sb_chart_view_set_title:
 * @self: a chart view
 * @title: (nullable): the title drawn above the chart
 */
void
sb_chart_view_set_title (SbChartView *self,
                         const char  *title)
{
  g_return_if_fail (SB_IS_CHART_VIEW (self));

  g_free (self->title);
  self->title = g_strdup (title);
  sb_chart_set_title (self->chart, title);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sb_chart_view_set_categories:
 * @self: a chart view
 * @labels: (array length=n_labels): the labels along the x axis
 * @n_labels: how many
 */
void
sb_chart_view_set_categories (SbChartView        *self,
                              const char * const *labels,
                              guint               n_labels)
{
  g_return_if_fail (SB_IS_CHART_VIEW (self));

  g_ptr_array_set_size (self->categories, 0);
  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (self->categories, g_strdup (labels[i]));
  sb_chart_set_categories (self->chart, labels, n_labels);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sb_chart_view_add_series:
 * @self: a chart view
 * @name: the series' name, for the legend and the tooltip
 * @kind: bars or a line
 * @values: (array length=n_values): one value per category
 * @n_values: how many
 *
 * Returns: the series' index
 */
guint
sb_chart_view_add_series (SbChartView  *self,
                          const char   *name,
                          SbChartKind   kind,
                          const gint64 *values,
                          guint         n_values)
{
  Series *series;

  g_return_val_if_fail (SB_IS_CHART_VIEW (self), 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->values = g_memdup2 (values, sizeof (gint64) * n_values);
  series->n_values = n_values;
  g_ptr_array_add (self->series, series);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return sb_chart_add_series (self->chart, name, kind, values, n_values);
}

/**
 * sb_chart_view_set_marker:
 * @self: a chart view
 * @category: the category to mark, or -1 for none
 * @label: (nullable): the marker's label, e.g. "Today"
 */
void
sb_chart_view_set_marker (SbChartView *self,
                          int          category,
                          const char  *label)
{
  g_return_if_fail (SB_IS_CHART_VIEW (self));

  self->marker = category;
  g_free (self->marker_label);
  self->marker_label = g_strdup (label);
  sb_chart_set_marker (self->chart, category, label);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sb_chart_view_set_currency:
 * @self: a chart view
 * @currency: (nullable): the ISO code the values are minor units of, or
 *   %NULL for plain numbers
 */
void
sb_chart_view_set_currency (SbChartView *self,
                            const char  *currency)
{
  g_return_if_fail (SB_IS_CHART_VIEW (self));

  g_free (self->currency);
  self->currency = g_strdup (currency);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sb_chart_view_get_chart:
 * @self: a chart view
 *
 * Returns: (transfer none): the chart drawn
 */
SbChart *
sb_chart_view_get_chart (SbChartView *self)
{
  g_return_val_if_fail (SB_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * sb_chart_view_get_drawn:
 * @self: a chart view
 *
 * Returns: whether the chart as it is now has been drawn on screen
 */
gboolean
sb_chart_view_get_drawn (SbChartView *self)
{
  g_return_val_if_fail (SB_IS_CHART_VIEW (self), FALSE);

  return self->drawn;
}

/**
 * sb_chart_view_describe_at:
 * @self: a chart view
 * @x: a position across the widget
 *
 * The tooltip's text for the category drawn at @x: its label, then each
 * series' name and value, one a line.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when no
 *   category is drawn there (or nothing was drawn yet)
 */
char *
sb_chart_view_describe_at (SbChartView *self,
                           double       x)
{
  g_autoptr(GString) text = NULL;
  int index;

  g_return_val_if_fail (SB_IS_CHART_VIEW (self), NULL);

  index = category_at (self, x);
  if (index < 0)
    return NULL;

  text = g_string_new (g_ptr_array_index (self->categories, index));
  if (index == self->marker && self->marker_label != NULL)
    g_string_append_printf (text, " (%s)", self->marker_label);

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);
      g_autofree char *value = NULL;

      if ((guint) index >= series->n_values)
        continue;
      value = format_value (self, series->values[index]);
      /* Translators: a series of a chart and its value, e.g. "Planned: €1,200.00" */
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s: %s"), series->name, value);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

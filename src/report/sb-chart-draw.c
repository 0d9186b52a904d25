/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "sb-chart-private.h"

/*
 * One chart, drawn the same way on a widget, a PDF page and a print
 * context. The layout is computed from the font's line height, so the
 * chart keeps its proportions whatever the unit of the surface (pixels or
 * points). From top to bottom: title, legend, the marker's label, the
 * plot with its y labels on the left, the category labels.
 *
 * All measuring happens in doubles: values are whole numbers of up to
 * 64 bits, and a double keeps every magnitude (if not every unit) of
 * them, which is all a picture needs.
 */

#define MAX_SERIES_COLOURS G_N_ELEMENTS (((SbChartStyle *) NULL)->palette)

typedef struct
{
  double min;
  double max;
  double step;
  guint n_ticks; /* including both ends */
} Axis;

/* Everything a draw needs to pass around. */
typedef struct
{
  SbChart *chart;
  cairo_t *cr;
  const SbChartStyle *style;
  PangoContext *pango;
  PangoFontDescription *font;
  double width;
  double height;
  double lh;   /* line height of the body font */
  double pad;
  gboolean snap;
  guint n;     /* categories drawn */
} DrawContext;

/* Helpers */

static void
set_source (cairo_t      *cr,
            const double  rgb[3],
            double        alpha)
{
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
}

static char *
format_value (SbChart *self,
              double   v)
{
  gint64 value = double_to_value (v);
  char *text = NULL;

  if (self->format_func != NULL)
    text = self->format_func (value, self->format_data);
  if (text == NULL)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  return text;
}

/* Rounds a coordinate to the device pixel grid so that edges of bars and
 * hairlines stay crisp on screen; @offset 0.5 puts a one-pixel line in the
 * middle of a pixel. Vector surfaces (PDF, print) are left exact. */
static double
snap_x (DrawContext *dc,
        double       x,
        double       offset)
{
  double y = 0;

  if (!dc->snap)
    return x;
  cairo_user_to_device (dc->cr, &x, &y);
  x = offset == 0 ? round (x) : floor (x) + offset;
  cairo_device_to_user (dc->cr, &x, &y);
  return x;
}

static double
snap_y (DrawContext *dc,
        double       y,
        double       offset)
{
  double x = 0;

  if (!dc->snap)
    return y;
  cairo_user_to_device (dc->cr, &x, &y);
  y = offset == 0 ? round (y) : floor (y) + offset;
  cairo_device_to_user (dc->cr, &x, &y);
  return y;
}

static double
hairline (DrawContext *dc)
{
  double dx = 1, dy = 1;

  if (!dc->snap)
    return dc->lh / 16.0;
  cairo_device_to_user_distance (dc->cr, &dx, &dy);
  return fabs (dy);
}

static PangoLayout *
new_layout (DrawContext *dc,
            const char  *text,
            gboolean     bold,
            double       scale)
{
  PangoLayout *layout = pango_layout_new (dc->pango);
  PangoFontDescription *font = pango_font_description_copy (dc->font);

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (scale != 1.0)
    {
      int size = pango_font_description_get_size (font);

      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size * scale);
      else
        pango_font_description_set_size (font, (int) (size * scale));
    }
  pango_layout_set_font_description (layout, font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (font);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* Limits a layout to @max_width, ending it with an ellipsis. */
static void
layout_limit (PangoLayout *layout,
              double       max_width)
{
  pango_layout_set_width (layout, (int) MAX (0, max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

static void
show_layout (DrawContext *dc,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (dc->cr, x, y);
  pango_cairo_show_layout (dc->cr, layout);
}

/* Axis */

/* The smallest of 1, 2, 2.5 and 5 × 10^n not below @raw. Values are whole
 * numbers, so no step is below 1 and 2.5 comes only from 25 upwards. */
static double
nice_step (double raw)
{
  static const double multiples[] = { 1, 2, 2.5, 5, 10 };
  double magnitude;

  if (!(raw > 1) || !isfinite (raw))
    return isfinite (raw) ? 1 : 1e18;

  magnitude = pow (10, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
    {
      double step = multiples[i] * magnitude;

      if (multiples[i] == 2.5 && magnitude < 10)
        continue;
      /* A hair of tolerance: log10 and pow are not exact. */
      if (step >= raw * (1 - 1e-9))
        return step;
    }
  return 10 * magnitude;
}

/* An axis from @lo to @hi (zero always in range, so bars have a base)
 * with about @target steps. */
static void
axis_compute (Axis   *axis,
              double  lo,
              double  hi,
              guint   target)
{
  lo = MIN (lo, 0);
  hi = MAX (hi, 0);

  if (hi - lo < 1)
    {
      /* Nothing to show: a zero line at the bottom of a nominal range. */
      axis->min = 0;
      axis->max = 1;
      axis->step = 1;
      axis->n_ticks = 1;
      return;
    }

  axis->step = nice_step ((hi - lo) / MAX (target, 1));
  axis->min = floor (lo / axis->step) * axis->step;
  axis->max = ceil (hi / axis->step) * axis->step;
  if (axis->max - axis->min < axis->step)
    axis->max = axis->min + axis->step;
  axis->n_ticks = (guint) llround ((axis->max - axis->min) / axis->step) + 1;
}

static guint
n_categories (SbChart *self)
{
  guint n = self->labels->len;

  for (guint i = 0; i < self->series->len; i++)
    n = MAX (n, ((Series *) g_ptr_array_index (self->series, i))->n_values);
  return n;
}

static void
data_range (SbChart *self,
            guint    n,
            double  *lo,
            double  *hi)
{
  *lo = 0;
  *hi = 0;
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);

      for (guint c = 0; c < MIN (n, series->n_values); c++)
        {
          *lo = MIN (*lo, (double) series->values[c]);
          *hi = MAX (*hi, (double) series->values[c]);
        }
    }
}

/* Parts of the picture */

static double
draw_title (DrawContext *dc,
            double       top)
{
  g_autoptr (PangoLayout) layout = NULL;
  double h;

  layout = new_layout (dc, dc->chart->title, TRUE, 1.15);
  layout_limit (layout, dc->width - 2 * dc->pad);
  layout_size (layout, NULL, &h);
  set_source (dc->cr, dc->style->foreground, 1.0);
  show_layout (dc, layout, dc->pad, top);
  return top + h + dc->pad * 0.5;
}

static void
draw_swatch (DrawContext *dc,
             Series      *series,
             guint        index,
             double       x,
             double       y)
{
  const double *colour = dc->style->palette[index % MAX_SERIES_COLOURS];
  double size = round (dc->lh * 0.7);
  double cy = y + dc->lh / 2;

  set_source (dc->cr, colour, 1.0);
  if (series->kind == SB_CHART_LINE)
    {
      cairo_set_line_width (dc->cr, MAX (1.5, dc->lh * 0.14));
      cairo_move_to (dc->cr, x, cy);
      cairo_line_to (dc->cr, x + size * 1.4, cy);
      cairo_stroke (dc->cr);
      cairo_arc (dc->cr, x + size * 0.7, cy, dc->lh * 0.2, 0, 2 * G_PI);
      cairo_fill (dc->cr);
    }
  else
    {
      cairo_rectangle (dc->cr, x, cy - size / 2, size, size);
      cairo_fill (dc->cr);
    }
}

/* The legend on as many lines as it needs, swatch and name per series. */
static double
draw_legend (DrawContext *dc,
             double       top)
{
  SbChart *self = dc->chart;
  double avail = dc->width - 2 * dc->pad;
  double x = dc->pad;
  double y = top;
  double swatch_size = round (dc->lh * 0.7);
  double spacing = dc->lh * 1.1;
  double gap = dc->lh * 0.35;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);
      g_autoptr (PangoLayout) layout = NULL;
      double swatch_w = series->kind == SB_CHART_LINE ? swatch_size * 1.4 : swatch_size;
      double text_w, item_w;

      layout = new_layout (dc, series->name, FALSE, 1.0);
      layout_limit (layout, avail - swatch_w - gap);
      layout_size (layout, &text_w, NULL);
      item_w = swatch_w + gap + text_w;

      if (x > dc->pad && x + item_w > dc->pad + avail)
        {
          x = dc->pad;
          y += dc->lh * 1.2;
        }

      draw_swatch (dc, series, i, x, y);
      set_source (dc->cr, dc->style->foreground, 0.9);
      show_layout (dc, layout, x + swatch_w + gap, y);
      x += item_w + spacing;
    }

  return y + dc->lh + dc->pad * 0.75;
}

/* Gridlines at every step, labelled on the left when @labels; the zero
 * line comes later, over the bars. */
static void
draw_grid (DrawContext *dc,
           Axis        *axis,
           gboolean     labels)
{
  SbChart *self = dc->chart;
  cairo_t *cr = dc->cr;
  double line_w = hairline (dc);

  cairo_set_line_width (cr, line_w);
  for (guint t = 0; t < axis->n_ticks; t++)
    {
      double value = axis->min + t * axis->step;
      double y = value_to_y (self, value);
      double ys = snap_y (dc, y, 0.5);

      if (value != 0)
        {
          set_source (cr, dc->style->grid, 1.0);
          cairo_move_to (cr, self->plot_x, ys);
          cairo_line_to (cr, self->plot_x + self->plot_w, ys);
          cairo_stroke (cr);
        }

      if (labels)
        {
          g_autofree char *text = format_value (self, value);
          g_autoptr (PangoLayout) layout = new_layout (dc, text, FALSE, 0.95);
          double w, h;

          layout_size (layout, &w, &h);
          set_source (cr, dc->style->foreground, 0.7);
          show_layout (dc, layout,
                       self->plot_x - dc->lh * 0.5 - w,
                       CLAMP (y - h / 2, 0, dc->height - h));
        }
    }
}

static double
y_labels_width (DrawContext *dc,
                Axis        *axis)
{
  double max_w = 0;

  for (guint t = 0; t < axis->n_ticks; t++)
    {
      g_autofree char *text = format_value (dc->chart, axis->min + t * axis->step);
      g_autoptr (PangoLayout) layout = new_layout (dc, text, FALSE, 0.95);
      double w;

      layout_size (layout, &w, NULL);
      max_w = MAX (max_w, w);
    }
  return max_w;
}

static void
draw_marker_band (DrawContext *dc)
{
  SbChart *self = dc->chart;
  double slot = self->plot_w / dc->n;
  double x0 = snap_x (dc, self->plot_x + self->marker * slot, 0);
  double x1 = snap_x (dc, self->plot_x + (self->marker + 1) * slot, 0);

  set_source (dc->cr, dc->style->marker, 0.12);
  cairo_rectangle (dc->cr, x0, self->plot_y, x1 - x0, self->plot_h);
  cairo_fill (dc->cr);

  /* A firmer edge on top, where the label sits. */
  set_source (dc->cr, dc->style->marker, 0.9);
  cairo_rectangle (dc->cr, x0, self->plot_y, x1 - x0, MAX (hairline (dc) * 2, dc->lh * 0.12));
  cairo_fill (dc->cr);
}

static void
draw_marker_label (DrawContext *dc)
{
  SbChart *self = dc->chart;
  g_autoptr (PangoLayout) layout = NULL;
  double cx, w, h;

  if (self->marker_label == NULL || *self->marker_label == '\0')
    return;

  layout = new_layout (dc, self->marker_label, TRUE, 0.9);
  layout_limit (layout, dc->width - 2 * dc->pad);
  layout_size (layout, &w, &h);
  cx = self->plot_x + (self->marker + 0.5) * self->plot_w / dc->n;
  set_source (dc->cr, dc->style->marker, 1.0);
  show_layout (dc, layout,
               CLAMP (cx - w / 2, 0, dc->width - w),
               self->plot_y - h - dc->lh * 0.15);
}

/* A bar from the zero line to @value, its far end slightly rounded. */
static void
bar_path (DrawContext *dc,
          double       x0,
          double       x1,
          double       y_zero,
          double       y_value)
{
  cairo_t *cr = dc->cr;
  double w = x1 - x0;
  double h = fabs (y_value - y_zero);
  double r = MIN (MIN (dc->lh * 0.15, w / 4), h / 2);
  double dir = y_value < y_zero ? 1 : -1; /* +1: bar grows upwards */

  if (r < 0.5)
    {
      cairo_rectangle (cr, x0, MIN (y_zero, y_value), w, h);
      return;
    }

  cairo_move_to (cr, x0, y_zero);
  cairo_line_to (cr, x0, y_value + dir * r);
  cairo_curve_to (cr, x0, y_value, x0, y_value, x0 + r, y_value);
  cairo_line_to (cr, x1 - r, y_value);
  cairo_curve_to (cr, x1, y_value, x1, y_value, x1, y_value + dir * r);
  cairo_line_to (cr, x1, y_zero);
  cairo_close_path (cr);
}

static void
bar_geometry (SbChart *self,
              guint    n,
              double  *group_w,
              double  *gap,
              guint   *n_bars)
{
  double slot = self->plot_w / n;
  guint bars = 0;

  for (guint i = 0; i < self->series->len; i++)
    if (((Series *) g_ptr_array_index (self->series, i))->kind == SB_CHART_BARS)
      bars++;

  *n_bars = bars;
  *group_w = slot * (bars > 1 ? 0.74 : 0.56);
  /* Bars of a group touch when they are too thin to spare a gap. */
  *gap = bars > 1 && *group_w / bars > 6 ? MIN (slot * 0.04, *group_w / bars * 0.15) : 0;
}

static void
draw_bars (DrawContext *dc,
           double       y_zero)
{
  SbChart *self = dc->chart;
  guint b = 0;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);
      double bar_w;

      if (series->kind != SB_CHART_BARS)
        continue;

      bar_w = (self->group_w - self->bar_gap * (self->n_bar_series - 1)) / self->n_bar_series;
      set_source (dc->cr, dc->style->palette[i % MAX_SERIES_COLOURS], 1.0);
      for (guint c = 0; c < MIN (dc->n, series->n_values); c++)
        {
          double cx = self->plot_x + (c + 0.5) * self->plot_w / dc->n;
          double x0 = cx - self->group_w / 2 + b * (bar_w + self->bar_gap);
          double y = value_to_y (self, (double) series->values[c]);
          double sx0 = snap_x (dc, x0, 0);
          double sx1 = snap_x (dc, x0 + bar_w, 0);

          if (series->values[c] == 0)
            continue;
          /* Never let a bar vanish when snapping, or a sliver drop out. */
          if (sx1 - sx0 < hairline (dc))
            sx1 = sx0 + hairline (dc);
          bar_path (dc, sx0, sx1, y_zero, snap_y (dc, y, 0));
          cairo_fill (dc->cr);
        }
      b++;
    }
}

static void
draw_lines (DrawContext *dc)
{
  SbChart *self = dc->chart;
  cairo_t *cr = dc->cr;
  double slot = self->plot_w / dc->n;
  double line_w = MAX (hairline (dc) * 1.5, dc->lh * 0.14);
  double dot_r = dc->lh * 0.22;
  gboolean dots = slot > dot_r * 3;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);
      const double *colour = dc->style->palette[i % MAX_SERIES_COLOURS];
      guint n = MIN (dc->n, series->n_values);

      if (series->kind != SB_CHART_LINE || n == 0)
        continue;

      cairo_save (cr);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, line_w);
      set_source (cr, colour, 1.0);
      for (guint c = 0; c < n; c++)
        cairo_line_to (cr,
                       self->plot_x + (c + 0.5) * slot,
                       value_to_y (self, (double) series->values[c]));
      cairo_stroke (cr);

      for (guint c = 0; dots && c < n; c++)
        {
          double x = self->plot_x + (c + 0.5) * slot;
          double y = value_to_y (self, (double) series->values[c]);

          /* A ring of the background keeps the point apart from bars. */
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, dot_r + line_w * 0.6, 0, 2 * G_PI);
          set_source (cr, dc->style->background, 1.0);
          cairo_fill (cr);
          cairo_arc (cr, x, y, dot_r, 0, 2 * G_PI);
          set_source (cr, colour, 1.0);
          cairo_fill (cr);
        }
      cairo_restore (cr);
    }
}

/* A label per category when they fit; otherwise every 2nd, 3rd, … label,
 * or the labels cut to their first word's first three letters ("January
 * 2026" to "Jan") when that shows more of them. */
static char *
short_label (const char *label)
{
  const char *end = label;
  guint letters = 0;

  while (*end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)))
    {
      if (!g_unichar_isalpha (g_utf8_get_char (end)))
        return g_strndup (label, strcspn (label, " \t"));
      end = g_utf8_next_char (end);
      if (++letters == 3)
        break;
    }
  return g_strndup (label, end - label);
}

static guint
label_step (double needed,
            double slot,
            guint  n)
{
  guint step = (guint) MIN ((double) G_MAXUINT, ceil (needed / slot));

  step = MAX (step, 1);
  if (step <= 4)
    return step;
  if (step <= 6 && n % 6 == 0)
    return 6;
  if (step <= 12 && n % 12 == 0)
    return 12;
  return step;
}

static void
draw_category_labels (DrawContext *dc,
                      double       top)
{
  SbChart *self = dc->chart;
  double slot = self->plot_w / dc->n;
  double spacing = dc->lh * 0.8;
  double full_w = 0, short_w = 0;
  guint step, short_step;
  gboolean use_short = FALSE;
  g_autoptr (GPtrArray) shorts = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < MIN (dc->n, self->labels->len); c++)
    {
      const char *label = g_ptr_array_index (self->labels, c);
      g_autoptr (PangoLayout) full = new_layout (dc, label, FALSE, 0.95);
      g_autoptr (PangoLayout) cut = NULL;
      double w;

      g_ptr_array_add (shorts, short_label (label));
      cut = new_layout (dc, g_ptr_array_index (shorts, c), FALSE, 0.95);
      layout_size (full, &w, NULL);
      full_w = MAX (full_w, w);
      layout_size (cut, &w, NULL);
      short_w = MAX (short_w, w);
    }
  if (shorts->len == 0 || full_w == 0)
    return;

  step = label_step (full_w + spacing, slot, dc->n);
  short_step = label_step (short_w + spacing, slot, dc->n);
  if (short_step < step)
    {
      use_short = TRUE;
      step = short_step;
    }

  set_source (dc->cr, dc->style->foreground, 0.7);
  for (guint c = 0; c < shorts->len; c += step)
    {
      const char *text = use_short ? g_ptr_array_index (shorts, c)
                                   : g_ptr_array_index (self->labels, c);
      g_autoptr (PangoLayout) layout = new_layout (dc, text, FALSE, 0.95);
      double cx = self->plot_x + (c + 0.5) * slot;
      double w;

      /* One label wider than the whole plot: cut it to fit. */
      layout_limit (layout, MAX (slot * step - spacing, dc->width - 2 * dc->pad));
      layout_size (layout, &w, NULL);
      show_layout (dc, layout, CLAMP (cx - w / 2, 0, dc->width - w), top);
    }
}

static void
draw_zero_line (DrawContext *dc,
                double       y_zero)
{
  SbChart *self = dc->chart;

  cairo_set_line_width (dc->cr, hairline (dc));
  set_source (dc->cr, dc->style->foreground, 0.55);
  cairo_move_to (dc->cr, self->plot_x, snap_y (dc, y_zero, 0.5));
  cairo_line_to (dc->cr, self->plot_x + self->plot_w, snap_y (dc, y_zero, 0.5));
  cairo_stroke (dc->cr);
}

static void
draw_chart (DrawContext *dc)
{
  SbChart *self = dc->chart;
  gboolean with_text;
  gboolean marker;
  double top, bottom, lo, hi, y_zero;
  double y_label_w = 0;
  guint target;
  Axis axis;
  g_autoptr (PangoLayout) probe = NULL;

  probe = new_layout (dc, "Ag", FALSE, 1.0);
  layout_size (probe, NULL, &dc->lh);
  dc->lh = MAX (dc->lh, 1);
  dc->pad = ceil (dc->lh * 0.5);
  dc->n = n_categories (self);
  marker = self->marker >= 0 && (guint) self->marker < dc->n;

  /* Text that cannot be read is left out: below about eight lines by
   * twelve characters, only the bars and lines remain. */
  with_text = dc->height >= dc->lh * 8 && dc->width >= dc->lh * 12;

  top = dc->pad;
  bottom = dc->height - dc->pad;
  if (with_text)
    {
      if (self->title != NULL && *self->title != '\0')
        top = draw_title (dc, top);
      if (self->series->len > 0)
        top = draw_legend (dc, top);
      if (marker && self->marker_label != NULL && *self->marker_label != '\0')
        top += dc->lh * 1.1;
      else
        top += dc->lh * 0.5; /* room for the top label of the y axis */
      bottom -= dc->n > 0 ? dc->lh * 1.4 : 0;
    }
  else
    {
      top = MIN (dc->pad, 1);
      bottom = dc->height - top;
    }

  if (bottom - top < 2)
    return;

  self->plot_y = top;
  self->plot_h = bottom - top;
  data_range (self, dc->n, &lo, &hi);
  target = with_text ? (guint) CLAMP (self->plot_h / (dc->lh * 2.4), 2, 8) : 2;
  axis_compute (&axis, lo, hi, target);
  self->axis_min = axis.min;
  self->axis_max = axis.max;
  self->axis_step = axis.step;

  if (with_text)
    {
      y_label_w = y_labels_width (dc, &axis);
      /* Labels that would take half the width are left out. */
      if (y_label_w > dc->width * 0.4)
        y_label_w = 0;
    }
  self->plot_x = with_text ? dc->pad + (y_label_w > 0 ? y_label_w + dc->lh * 0.5 : 0)
                           : top;
  self->plot_w = dc->width - (with_text ? dc->pad : top) - self->plot_x;
  if (self->plot_w < 2)
    return;

  self->n_drawn_categories = dc->n;
  if (dc->n > 0)
    bar_geometry (self, dc->n, &self->group_w, &self->bar_gap, &self->n_bar_series);
  self->drawn = TRUE;

  draw_grid (dc, &axis, with_text && y_label_w > 0);
  if (dc->n == 0)
    {
      draw_zero_line (dc, value_to_y (self, 0));
      return;
    }

  if (marker)
    draw_marker_band (dc);
  y_zero = snap_y (dc, value_to_y (self, 0), 0);
  draw_bars (dc, y_zero);
  draw_zero_line (dc, value_to_y (self, 0));
  draw_lines (dc);
  if (with_text && marker)
    draw_marker_label (dc);
  if (with_text)
    draw_category_labels (dc, bottom + dc->lh * 0.35);
}

/**
 * sb_chart_draw:
 * @self: a chart
 * @cr: where to draw
 * @width: the width of the rectangle at (0, 0)
 * @height: its height
 * @style: colours and font
 *
 * Draws the chart into the rectangle (0, 0, @width, @height) of @cr and
 * nowhere else. Text that would not be legible in a small rectangle is
 * left out. The state of @cr is restored afterwards.
 */
void
sb_chart_draw (SbChart            *self,
               cairo_t            *cr,
               double              width,
               double              height,
               const SbChartStyle *style)
{
  DrawContext dc = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  self->drawn = FALSE;
  if (!(width >= 1 && height >= 1) || !isfinite (width) || !isfinite (height))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->paint_background)
    {
      set_source (cr, style->background, 1.0);
      cairo_paint (cr);
    }

  dc.chart = self;
  dc.cr = cr;
  dc.style = style;
  dc.width = width;
  dc.height = height;
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      dc.snap = FALSE;
      break;
    default:
      /* Pixels, or (GtkDrawingArea) a recording replayed onto pixels. */
      dc.snap = TRUE;
      break;
    }
  dc.pango = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (dc.pango, self->resolution);
  if (!dc.snap)
    {
      /* On paper, glyphs go where the font puts them: rounding advances
       * to whole points spreads the letters of small text apart. */
      cairo_font_options_t *options = cairo_font_options_create ();

      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (dc.pango, options);
      pango_context_set_round_glyph_positions (dc.pango, FALSE);
      cairo_font_options_destroy (options);
    }
  dc.font = pango_font_description_from_string (style->font != NULL ? style->font : "Sans 9");
  if (pango_font_description_get_size (dc.font) <= 0)
    pango_font_description_set_size (dc.font, 9 * PANGO_SCALE);

  draw_chart (&dc);

  pango_font_description_free (dc.font);
  g_object_unref (dc.pango);
  cairo_restore (cr);
}

/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "sb-chart.h"
#include "sb-test-utils.h"

/*
 * The chart is checked on real pixels of an image surface: bars where the
 * axis says their values are, in the palette's colours, nothing outside
 * the rectangle. Setting SB_CHART_PNG_DIR writes sample pictures there
 * for a person to look at.
 */

static const char *const months[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

/* A budget of a year, in cents: planned every month, actual up to August. */
static const gint64 planned[] = {
  820000, 820000, 900000, 950000, 950000, 1100000,
  1100000, 1000000, 950000, 950000, 1200000, 1450000,
};
static const gint64 actual[] = {
  765432, 861000, 912345, 887000, 1023456, 1150000,
  1012000, 1094000, 0, 0, 0, 0,
};

typedef struct
{
  guint8 r, g, b;
} Rgb;

static cairo_surface_t *
new_surface (int width,
             int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static void
fill_surface (cairo_surface_t *surface,
              double           r,
              double           g,
              double           b)
{
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, r, g, b);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static Rgb
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  guint32 p;
  Rgb rgb;

  cairo_surface_flush (surface);
  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  memcpy (&p,
          cairo_image_surface_get_data (surface)
            + iy * cairo_image_surface_get_stride (surface) + ix * 4,
          sizeof p);
  rgb.r = (p >> 16) & 0xff;
  rgb.g = (p >> 8) & 0xff;
  rgb.b = p & 0xff;
  return rgb;
}

static gboolean
rgb_is (Rgb           rgb,
        const double  colour[3])
{
  return ABS (rgb.r - (int) round (colour[0] * 255)) <= 2
         && ABS (rgb.g - (int) round (colour[1] * 255)) <= 2
         && ABS (rgb.b - (int) round (colour[2] * 255)) <= 2;
}

static gboolean
pixel_is (cairo_surface_t *surface,
          double           x,
          double           y,
          const double     colour[3])
{
  return rgb_is (pixel (surface, x, y), colour);
}

/* Draws @chart on a new white surface of @width × @height. */
static cairo_surface_t *
draw_on_white (SbChart            *chart,
               int                 width,
               int                 height,
               const SbChartStyle *style)
{
  cairo_surface_t *surface = new_surface (width, height);
  cairo_t *cr;

  fill_surface (surface, 1, 1, 1);
  cr = cairo_create (surface);
  sb_chart_draw (chart, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static char *
format_money (gint64   value,
              gpointer user_data)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  guint64 units = (value < 0 ? -(guint64) value : (guint64) value) / 100;
  g_autofree char *plain = g_strdup_printf ("%" G_GUINT64_FORMAT, units);
  gsize len = strlen (plain);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (digits, ',');
      g_string_append_c (digits, plain[i]);
    }
  return g_strdup_printf ("%s€%s", value < 0 ? "−" : "", digits->str);
}

static SbChart *
budget_chart (void)
{
  SbChart *chart = sb_chart_new ();

  sb_chart_set_title (chart, "IT operations budget 2026: planned and actual per month");
  sb_chart_set_categories (chart, months, G_N_ELEMENTS (months));
  sb_chart_add_series (chart, "Planned", SB_CHART_BARS, planned, G_N_ELEMENTS (planned));
  sb_chart_add_series (chart, "Actual", SB_CHART_BARS, actual, G_N_ELEMENTS (actual));
  sb_chart_set_format_func (chart, format_money, NULL, NULL);
  sb_chart_set_marker (chart, 7, "Today");
  return chart;
}

static gboolean
is_nice_step (gint64 step)
{
  /* 1, 2, 2.5 or 5 × 10^n: 25 and up for 2.5, as values are whole. */
  while (step >= 100 && step % 10 == 0)
    step /= 10;
  return step == 1 || step == 2 || step == 5 || step == 10 || step == 20 || step == 25
         || step == 50;
}

static void
test_chart_axis_steps (void)
{
  static const struct
  {
    gint64 lo, hi;
  } ranges[] = {
    { 0, 930 }, { -3000, 7000 }, { 0, 1 }, { 0, 7 }, { 3, 3 }, { -5, 0 },
    { 0, 123456789 }, { -1000000000000000, 1000000000000000 }, { 0, 1000000000000000 },
    { 1450000, 1450000 }, { -1, 1 }, { 0, 26 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr (SbChart) chart = sb_chart_new ();
      gint64 values[] = { ranges[i].lo, ranges[i].hi };
      gint64 lo = MIN (ranges[i].lo, 0), hi = MAX (ranges[i].hi, 0);
      gint64 min, max, step;
      SbChartStyle style;
      cairo_surface_t *surface;

      sb_chart_style_init_light (&style);
      sb_chart_add_series (chart, "Values", SB_CHART_BARS, values, 2);
      g_assert_false (sb_chart_get_axis (chart, &min, &max, &step));
      surface = draw_on_white (chart, 400, 300, &style);
      cairo_surface_destroy (surface);

      g_assert_true (sb_chart_get_axis (chart, &min, &max, &step));
      g_test_message ("%" G_GINT64_FORMAT "…%" G_GINT64_FORMAT ": axis %" G_GINT64_FORMAT
                      "…%" G_GINT64_FORMAT " by %" G_GINT64_FORMAT,
                      lo, hi, min, max, step);
      g_assert_true (is_nice_step (step));
      g_assert_cmpint (min, <=, lo);
      g_assert_cmpint (max, >=, hi);
      g_assert_cmpint (min % step, ==, 0);
      g_assert_cmpint (max % step, ==, 0);
      g_assert_cmpint (lo - min, <, step);
      g_assert_cmpint (max - hi, <, MAX (step, 2));
      /* Not a hundred gridlines, not a single one over a real range. */
      g_assert_cmpint ((max - min) / step, <=, 10);
      if (hi - lo >= 10)
        g_assert_cmpint ((max - min) / step, >=, 2);
    }
}

/* The top of each bar is where the axis puts its value, the bars of the
 * two series stand side by side in the first two palette colours, and
 * they stand on the zero line. */
static void
test_chart_bars (void)
{
  g_autoptr (SbChart) chart = budget_chart ();
  SbChartStyle style;
  cairo_surface_t *surface;
  double y_zero, slot;

  sb_chart_style_init_light (&style);
  g_assert_false (sb_chart_get_value_y (chart, 0, &y_zero));
  g_assert_false (sb_chart_get_category_x (chart, 0, NULL));
  surface = draw_on_white (chart, 800, 450, &style);
  g_assert_true (sb_chart_get_value_y (chart, 0, &y_zero));
  g_assert_false (sb_chart_get_category_x (chart, 12, NULL));
  g_assert_true (sb_chart_get_category_x (chart, 0, &slot));
  g_assert_true (sb_chart_get_category_x (chart, 1, &y_zero));
  slot = y_zero - slot;
  g_assert_true (sb_chart_get_value_y (chart, 0, &y_zero));

  for (guint c = 0; c < G_N_ELEMENTS (months); c++)
    {
      double cx, x0, w0, x1, w1, y;

      g_assert_true (sb_chart_get_category_x (chart, c, &cx));
      g_assert_true (sb_chart_get_bar_x (chart, 0, c, &x0, &w0));
      g_assert_true (sb_chart_get_bar_x (chart, 1, c, &x1, &w1));
      g_assert_cmpfloat (w0, >=, 8);
      /* Side by side around the category's centre, planned first. */
      g_assert_cmpfloat (x0 + w0, <=, cx + 0.01);
      g_assert_cmpfloat (x1, >=, cx - 0.01);

      g_assert_true (sb_chart_get_value_y (chart, planned[c], &y));
      g_assert_true (pixel_is (surface, x0 + w0 / 2, y + 2, style.palette[0]));
      g_assert_false (pixel_is (surface, x0 + w0 / 2, y - 2, style.palette[0]));
      g_assert_true (pixel_is (surface, x0 + w0 / 2, y_zero - 2, style.palette[0]));
      g_assert_false (pixel_is (surface, x0 + w0 / 2, y_zero + 3, style.palette[0]));

      if (actual[c] != 0)
        {
          g_assert_true (sb_chart_get_value_y (chart, actual[c], &y));
          g_assert_true (pixel_is (surface, x1 + w1 / 2, y + 2, style.palette[1]));
          g_assert_false (pixel_is (surface, x1 + w1 / 2, y - 2, style.palette[1]));
          g_assert_true (pixel_is (surface, x1 + w1 / 2, y_zero - 2, style.palette[1]));
        }
      else
        {
          /* No bar at all for zero, not a sliver. */
          g_assert_false (pixel_is (surface, x1 + w1 / 2, y_zero - 2, style.palette[1]));
        }

      /* The gap between groups is not painted with a series colour. */
      g_assert_false (pixel_is (surface, cx + slot / 2, y_zero - 2, style.palette[0]));
      g_assert_false (pixel_is (surface, cx + slot / 2, y_zero - 2, style.palette[1]));
      g_assert_cmpfloat (x1 + w1, <, cx + slot / 2 - slot * 0.1);
    }

  cairo_surface_destroy (surface);
}

/* GtkDrawingArea hands out a recording surface, replayed onto pixels. */
static void
test_chart_recording (void)
{
  g_autoptr (SbChart) chart = budget_chart ();
  cairo_rectangle_t extents = { 0, 0, 600, 300 };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_surface_t *surface = new_surface (600, 300);
  SbChartStyle style;
  cairo_t *cr;
  double x, w, y;

  sb_chart_style_init_dark (&style);
  style.paint_background = TRUE;
  cr = cairo_create (recording);
  sb_chart_draw (chart, cr, 600, 300, &style);
  cairo_destroy (cr);

  fill_surface (surface, 1, 1, 1);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  g_assert_true (pixel_is (surface, 599, 299, style.background));
  g_assert_true (sb_chart_get_bar_x (chart, 1, 5, &x, &w));
  g_assert_true (sb_chart_get_value_y (chart, actual[5], &y));
  g_assert_true (pixel_is (surface, x + w / 2, y + 2, style.palette[1]));
  g_assert_true (pixel_is (surface, x + w / 2, y - 2, style.background));

  cairo_surface_destroy (surface);
  cairo_surface_destroy (recording);
}

static void
test_chart_negative (void)
{
  g_autoptr (SbChart) chart = sb_chart_new ();
  const char *labels[] = { "Q1", "Q2", "Q3", "Q4" };
  gint64 margin[] = { 120000, -45000, 0, -230000 };
  SbChartStyle style;
  cairo_surface_t *surface;
  double y_zero, y, x, w;
  gint64 min;

  sb_chart_style_init_light (&style);
  sb_chart_set_categories (chart, labels, 4);
  sb_chart_add_series (chart, "Margin", SB_CHART_BARS, margin, 4);
  surface = draw_on_white (chart, 500, 320, &style);

  g_assert_true (sb_chart_get_axis (chart, &min, NULL, NULL));
  g_assert_cmpint (min, <=, -230000);
  g_assert_true (sb_chart_get_value_y (chart, 0, &y_zero));
  g_assert_true (sb_chart_get_value_y (chart, -230000, &y));
  g_assert_cmpfloat (y, >, y_zero + 20);

  /* Q4 hangs below the zero line down to its value. */
  g_assert_true (sb_chart_get_bar_x (chart, 0, 3, &x, &w));
  g_assert_true (pixel_is (surface, x + w / 2, y_zero + 3, style.palette[0]));
  g_assert_true (pixel_is (surface, x + w / 2, y - 2, style.palette[0]));
  g_assert_false (pixel_is (surface, x + w / 2, y + 2, style.palette[0]));
  g_assert_false (pixel_is (surface, x + w / 2, y_zero - 3, style.palette[0]));

  /* Q1 stands above it and not below. */
  g_assert_true (sb_chart_get_bar_x (chart, 0, 0, &x, &w));
  g_assert_true (pixel_is (surface, x + w / 2, y_zero - 3, style.palette[0]));
  g_assert_false (pixel_is (surface, x + w / 2, y_zero + 3, style.palette[0]));

  cairo_surface_destroy (surface);
}

/* A line passes through its points, marked with dots in its colour; bars
 * of another series keep the first bar slot. */
static void
test_chart_line (void)
{
  g_autoptr (SbChart) chart = sb_chart_new ();
  SbChartStyle style;
  cairo_surface_t *surface;
  guint line;

  sb_chart_style_init_dark (&style);
  style.paint_background = TRUE;
  sb_chart_set_categories (chart, months, G_N_ELEMENTS (months));
  sb_chart_add_series (chart, "Planned", SB_CHART_BARS, planned, G_N_ELEMENTS (planned));
  line = sb_chart_add_series (chart, "Forecast", SB_CHART_LINE, planned, G_N_ELEMENTS (planned));
  g_assert_cmpuint (line, ==, 1);
  g_assert_false (sb_chart_get_bar_x (chart, line, 0, NULL, NULL));
  surface = draw_on_white (chart, 700, 400, &style);
  g_assert_false (sb_chart_get_bar_x (chart, line, 0, NULL, NULL));

  for (guint c = 0; c < G_N_ELEMENTS (months); c++)
    {
      double cx, y;

      g_assert_true (sb_chart_get_category_x (chart, c, &cx));
      g_assert_true (sb_chart_get_value_y (chart, planned[c], &y));
      g_assert_true (pixel_is (surface, cx, y, style.palette[1]));
      g_assert_false (pixel_is (surface, cx, y - 12, style.palette[1]));
    }
  /* Between two points on a flat stretch (January to February). */
  {
    double x0, x1, y;

    sb_chart_get_category_x (chart, 0, &x0);
    sb_chart_get_category_x (chart, 1, &x1);
    sb_chart_get_value_y (chart, planned[0], &y);
    g_assert_true (pixel_is (surface, (x0 + x1) / 2, y, style.palette[1]));
  }

  cairo_surface_destroy (surface);
}

/* The marker's band covers its category's slot and not the neighbours. */
static void
test_chart_marker (void)
{
  g_autoptr (SbChart) chart = budget_chart ();
  SbChartStyle style;
  cairo_surface_t *surface;
  double x_marked, x_before, x_after, y;
  gint64 max;
  Rgb white = { 255, 255, 255 };
  Rgb band, before, after;

  sb_chart_style_init_light (&style);
  surface = draw_on_white (chart, 800, 450, &style);
  g_assert_true (sb_chart_get_axis (chart, NULL, &max, NULL));
  /* Just under the top gridline, above every bar. */
  g_assert_true (sb_chart_get_value_y (chart, max, &y));
  y += 5;
  g_assert_true (sb_chart_get_category_x (chart, 7, &x_marked));
  g_assert_true (sb_chart_get_category_x (chart, 6, &x_before));
  g_assert_true (sb_chart_get_category_x (chart, 8, &x_after));

  band = pixel (surface, x_marked, y);
  before = pixel (surface, x_before, y);
  after = pixel (surface, x_after, y);
  g_assert_true (memcmp (&band, &white, sizeof white) != 0);
  g_assert_cmpint (band.r, <, 250);
  g_assert_true (memcmp (&before, &white, sizeof white) == 0);
  g_assert_true (memcmp (&after, &white, sizeof white) == 0);
  /* The band is a light tint, not a block hiding the bars. */
  g_assert_cmpint (band.r, >, 200);

  cairo_surface_destroy (surface);

  /* Out of range or none: no band anywhere. */
  sb_chart_set_marker (chart, 40, "Later");
  surface = draw_on_white (chart, 800, 450, &style);
  band = pixel (surface, x_marked, y);
  g_assert_true (memcmp (&band, &white, sizeof white) == 0);
  cairo_surface_destroy (surface);
}

/* Draws @chart at an offset on a bigger surface painted magenta and
 * checks that not one pixel of the margin changed. */
static void
assert_stays_inside (SbChart            *chart,
                     int                 width,
                     int                 height,
                     const SbChartStyle *style)
{
  const int margin = 30;
  cairo_surface_t *surface = new_surface (width + 2 * margin, height + 2 * margin);
  const double magenta[3] = { 1, 0, 1 };
  gboolean painted = FALSE;
  cairo_t *cr;

  fill_surface (surface, 1, 0, 1);
  cr = cairo_create (surface);
  cairo_translate (cr, margin, margin);
  sb_chart_draw (chart, cr, width, height, style);
  cairo_destroy (cr);

  for (int y = 0; y < height + 2 * margin; y++)
    for (int x = 0; x < width + 2 * margin; x++)
      {
        gboolean inside = x >= margin && x < margin + width && y >= margin && y < margin + height;

        if (!inside && !pixel_is (surface, x, y, magenta))
          g_error ("%d×%d chart painted (%d, %d), outside its rectangle", width, height, x, y);
        if (inside && !pixel_is (surface, x, y, magenta))
          painted = TRUE;
      }
  g_assert_true (painted || width < 8 || height < 8);
  cairo_surface_destroy (surface);
}

static void
test_chart_inside (void)
{
  g_autoptr (SbChart) chart = budget_chart ();
  g_autoptr (SbChart) wordy = sb_chart_new ();
  const char *labels[] = {
    "A category label much wider than any slot could ever hold",
    "Another one as long as the first, or even a bit longer than that",
  };
  gint64 values[] = { 1000000000000000, -1000000000000000 };
  const int sizes[][2] = { { 800, 450 }, { 300, 200 }, { 120, 90 }, { 40, 30 }, { 3, 2 } };
  SbChartStyle light, dark;

  sb_chart_style_init_light (&light);
  sb_chart_style_init_dark (&dark);
  dark.paint_background = TRUE;

  sb_chart_set_title (wordy, "A title that goes on and on well past the right-hand edge of the chart");
  sb_chart_set_categories (wordy, labels, 2);
  sb_chart_add_series (wordy, "A series with a name too long for one legend line, on purpose",
                       SB_CHART_BARS, values, 2);
  sb_chart_add_series (wordy, "Second", SB_CHART_LINE, values, 2);
  sb_chart_set_marker (wordy, 1, "A marker label that is longer than the chart is wide");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      assert_stays_inside (chart, sizes[i][0], sizes[i][1], &light);
      assert_stays_inside (chart, sizes[i][0], sizes[i][1], &dark);
      assert_stays_inside (wordy, sizes[i][0], sizes[i][1], &light);
    }
}

/* No bar in the plot (the legend above it has its swatches). */
static void
assert_no_palette_pixel (SbChart            *chart,
                         cairo_surface_t    *surface,
                         const SbChartStyle *style)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  gint64 max;
  double top;

  g_assert_true (sb_chart_get_axis (chart, NULL, &max, NULL));
  g_assert_true (sb_chart_get_value_y (chart, max, &top));
  g_assert_cmpfloat (top, >, 20);
  for (int y = (int) top; y < height; y++)
    for (int x = 0; x < width; x++)
      for (guint s = 0; s < 2; s++)
        if (pixel_is (surface, x, y, style->palette[s]))
          g_error ("a bar in series colour %u at (%d, %d) of an empty chart", s, x, y);
}

static void
test_chart_empty (void)
{
  SbChartStyle style;
  cairo_surface_t *surface;
  double y;

  sb_chart_style_init_light (&style);

  {
    g_autoptr (SbChart) chart = sb_chart_new ();

    surface = draw_on_white (chart, 400, 300, &style);
    g_assert_false (sb_chart_get_category_x (chart, 0, NULL));
    g_assert_true (sb_chart_get_value_y (chart, 0, &y));
    g_assert_true (isfinite (y));
    g_assert_cmpfloat (y, >, 0);
    g_assert_cmpfloat (y, <, 300);
    /* The zero line (the axis) is drawn: a row of non-white pixels. */
    {
      Rgb rgb = pixel (surface, 200, floor (y) + 0.5);
      g_assert_cmpint (rgb.r, <, 250);
    }
    cairo_surface_destroy (surface);
  }

  {
    g_autoptr (SbChart) chart = sb_chart_new ();
    gint64 zeros[12] = { 0 };
    gint64 min, max, step;

    sb_chart_set_categories (chart, months, 12);
    sb_chart_add_series (chart, "Planned", SB_CHART_BARS, zeros, 12);
    sb_chart_add_series (chart, "Actual", SB_CHART_BARS, zeros, 12);
    sb_chart_set_marker (chart, 0, "Today");
    surface = draw_on_white (chart, 600, 300, &style);
    g_assert_true (sb_chart_get_axis (chart, &min, &max, &step));
    g_assert_cmpint (min, ==, 0);
    g_assert_cmpint (max, >, min);
    g_assert_cmpint (step, >, 0);
    g_assert_true (sb_chart_get_category_x (chart, 11, NULL));
    assert_no_palette_pixel (chart, surface, &style);
    cairo_surface_destroy (surface);
  }

  {
    /* Series without values and categories without series. */
    g_autoptr (SbChart) chart = sb_chart_new ();

    sb_chart_add_series (chart, "Nothing", SB_CHART_LINE, NULL, 0);
    sb_chart_add_series (chart, "Nothing either", SB_CHART_BARS, NULL, 0);
    surface = draw_on_white (chart, 300, 200, &style);
    assert_no_palette_pixel (chart, surface, &style);
    cairo_surface_destroy (surface);
    sb_chart_set_categories (chart, months, 3);
    surface = draw_on_white (chart, 300, 200, &style);
    assert_no_palette_pixel (chart, surface, &style);
    g_assert_true (sb_chart_get_category_x (chart, 2, NULL));
    cairo_surface_destroy (surface);
  }
}

static void
test_chart_huge (void)
{
  static const gint64 cases[][3] = {
    { 1000000000000000, 999999999999999, 1 },
    { -1000000000000000, 500, 1000000000000000 },
    { G_MAXINT64, G_MININT64, 0 },
    { G_MAXINT64, G_MAXINT64 - 1, G_MAXINT64 },
  };
  SbChartStyle style;

  sb_chart_style_init_light (&style);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (SbChart) chart = sb_chart_new ();
      cairo_surface_t *surface;
      double y_lo, y_hi, y_zero, x, w;
      gint64 lo = MIN (MIN (MIN (cases[i][0], cases[i][1]), cases[i][2]), 0);
      gint64 hi = MAX (MAX (MAX (cases[i][0], cases[i][1]), cases[i][2]), 0);

      sb_chart_set_categories (chart, months, 3);
      sb_chart_add_series (chart, "Big", SB_CHART_BARS, cases[i], 3);
      sb_chart_add_series (chart, "Line", SB_CHART_LINE, cases[i], 3);
      surface = draw_on_white (chart, 500, 300, &style);

      g_assert_true (sb_chart_get_value_y (chart, lo, &y_lo));
      g_assert_true (sb_chart_get_value_y (chart, hi, &y_hi));
      g_assert_true (sb_chart_get_value_y (chart, 0, &y_zero));
      g_assert_true (isfinite (y_lo) && isfinite (y_hi));
      g_assert_cmpfloat (y_lo, <=, 300);
      g_assert_cmpfloat (y_hi, >=, 0);
      g_assert_cmpfloat (y_hi, <=, y_zero);
      g_assert_cmpfloat (y_lo, >=, y_zero);
      /* The largest bar is drawn, in its colour. */
      for (guint c = 0; c < 3; c++)
        if (cases[i][c] == hi && hi > 0)
          {
            g_assert_true (sb_chart_get_bar_x (chart, 0, c, &x, &w));
            /* Near its left edge, clear of the line's dot on top. */
            g_assert_true (pixel_is (surface, x + 2, y_hi + 10, style.palette[0]));
          }
      cairo_surface_destroy (surface);
    }
}

/* In a tiny rectangle the text is left out: the picture is the same with
 * and without any text to show, and the bars are still there. */
static void
test_chart_tiny (void)
{
  g_autoptr (SbChart) with_text = budget_chart ();
  g_autoptr (SbChart) without = sb_chart_new ();
  const char *blank[12] = { "", "", "", "", "", "", "", "", "", "", "", "" };
  SbChartStyle style;
  cairo_surface_t *a, *b;
  gboolean bars = FALSE;

  sb_chart_style_init_light (&style);
  sb_chart_set_categories (without, blank, 12);
  sb_chart_add_series (without, NULL, SB_CHART_BARS, planned, 12);
  sb_chart_add_series (without, NULL, SB_CHART_BARS, actual, 12);
  sb_chart_set_marker (without, 7, NULL);

  a = draw_on_white (with_text, 40, 30, &style);
  b = draw_on_white (without, 40, 30, &style);
  for (int y = 0; y < 30; y++)
    for (int x = 0; x < 40; x++)
      {
        Rgb pa = pixel (a, x, y), pb = pixel (b, x, y);

        g_assert_true (memcmp (&pa, &pb, sizeof pa) == 0);
        bars = bars || rgb_is (pa, style.palette[0]);
      }
  g_assert_true (bars);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  /* Degenerate sizes draw nothing and say so. */
  {
    cairo_surface_t *surface = new_surface (10, 10);
    cairo_t *cr = cairo_create (surface);

    sb_chart_draw (with_text, cr, 0, 0, &style);
    g_assert_false (sb_chart_get_category_x (with_text, 0, NULL));
    sb_chart_draw (with_text, cr, -5, 10, &style);
    sb_chart_draw (with_text, cr, NAN, 10, &style);
    g_assert_false (sb_chart_get_value_y (with_text, 0, NULL));
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static int n_formatted;
static int n_destroyed;

static char *
format_counting (gint64   value,
                 gpointer user_data)
{
  n_formatted++;
  g_assert_cmpstr (user_data, ==, "data");
  return g_strdup_printf ("%" G_GINT64_FORMAT " u", value);
}

static void
destroy_counting (gpointer data)
{
  g_assert_cmpstr (data, ==, "data");
  n_destroyed++;
}

static void
test_chart_format (void)
{
  SbChart *chart = budget_chart ();
  SbChartStyle style;
  cairo_surface_t *surface;

  sb_chart_style_init_light (&style);
  n_formatted = n_destroyed = 0;
  sb_chart_set_format_func (chart, format_counting, (gpointer) "data", destroy_counting);
  surface = draw_on_white (chart, 600, 400, &style);
  g_assert_cmpint (n_formatted, >=, 3);
  cairo_surface_destroy (surface);

  sb_chart_set_format_func (chart, format_counting, (gpointer) "data", destroy_counting);
  g_assert_cmpint (n_destroyed, ==, 1);
  sb_chart_free (chart);
  g_assert_cmpint (n_destroyed, ==, 2);
}

static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_chart_pdf (void)
{
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr (SbChart) chart = budget_chart ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  SbChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x;

  sb_chart_style_init_light (&style);
  /* A4 in points, the chart in a box on it as a report would place it. */
  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  cairo_translate (cr, 56, 72);
  sb_chart_set_resolution (chart, 72);
  sb_chart_draw (chart, cr, 483, 260, &style);
  g_assert_true (sb_chart_get_category_x (chart, 11, &x));
  g_assert_cmpfloat (x, <, 483);
  cairo_show_page (cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 2000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Text went in as real fonts, not as paths: an embedded font. */
  g_assert_true (contains_bytes (contents, length, "/FontFile"));

  sb_test_rm_rf (dir);
}

/* Pictures for a person to judge, when asked for. */
static void
write_samples (const char *dir)
{
  static const struct
  {
    const char *name;
    int width, height;
    gboolean dark;
  } samples[] = {
    { "budget-light.png", 900, 420, FALSE },
    { "budget-dark.png", 900, 420, TRUE },
    { "budget-narrow.png", 380, 260, FALSE },
    { "budget-small.png", 160, 110, FALSE },
    { "budget-tiny.png", 40, 30, FALSE },
  };

  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr (SbChart) chart = budget_chart ();
      g_autofree char *path = g_build_filename (dir, samples[i].name, NULL);
      cairo_surface_t *surface = new_surface (samples[i].width, samples[i].height);
      SbChartStyle style;
      cairo_t *cr = cairo_create (surface);

      if (samples[i].dark)
        sb_chart_style_init_dark (&style);
      else
        sb_chart_style_init_light (&style);
      style.paint_background = TRUE;
      sb_chart_draw (chart, cr, samples[i].width, samples[i].height, &style);
      cairo_destroy (cr);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
    }

  {
    /* Long texts everywhere and two years of months without names. */
    g_autoptr (SbChart) chart = sb_chart_new ();
    g_autofree char *path = g_build_filename (dir, "wordy-light.png", NULL);
    g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
    gint64 values[24];
    cairo_surface_t *surface = new_surface (420, 260);
    cairo_t *cr = cairo_create (surface);
    SbChartStyle style;

    for (guint i = 0; i < 24; i++)
      {
        g_ptr_array_add (labels, g_strdup_printf ("%d-%02u", 2025 + i / 12, i % 12 + 1));
        values[i] = (gint64) (1000000 + 400000 * sin (i / 2.0));
      }
    sb_chart_style_init_light (&style);
    style.paint_background = TRUE;
    sb_chart_set_title (chart, "A title that goes on and on well past the right-hand edge of the chart");
    sb_chart_set_categories (chart, (const char *const *) labels->pdata, 24);
    sb_chart_add_series (chart, "Costs of the managed workplace service", SB_CHART_BARS, values, 24);
    sb_chart_add_series (chart, "Contracted ceiling", SB_CHART_LINE, values, 24);
    sb_chart_add_series (chart, "Third series", SB_CHART_LINE, planned, 12);
    sb_chart_set_marker (chart, 23, "Today");
    sb_chart_draw (chart, cr, 420, 260, &style);
    cairo_destroy (cr);
    cairo_surface_write_to_png (surface, path);
    cairo_surface_destroy (surface);
  }

  {
    /* A chart as a report places it on an A4 page, in points. */
    g_autoptr (SbChart) chart = budget_chart ();
    g_autofree char *path = g_build_filename (dir, "budget.pdf", NULL);
    cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
    cairo_t *cr = cairo_create (surface);
    SbChartStyle style;

    sb_chart_style_init_light (&style);
    sb_chart_set_resolution (chart, 72);
    cairo_translate (cr, 56, 72);
    sb_chart_draw (chart, cr, 483, 260, &style);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  {
    g_autoptr (SbChart) chart = sb_chart_new ();
    g_autofree char *path = g_build_filename (dir, "mixed-light.png", NULL);
    gint64 margin[] = { 120000, -45000, 30000, -230000, 80000, 150000 };
    gint64 trend[] = { 100000, 50000, 20000, -60000, 10000, 90000 };
    const char *labels[] = { "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026" };
    cairo_surface_t *surface = new_surface (600, 340);
    cairo_t *cr = cairo_create (surface);
    SbChartStyle style;

    sb_chart_style_init_light (&style);
    style.paint_background = TRUE;
    sb_chart_set_title (chart, "Margin per month");
    sb_chart_set_categories (chart, labels, 6);
    sb_chart_add_series (chart, "Margin", SB_CHART_BARS, margin, 6);
    sb_chart_add_series (chart, "Trend", SB_CHART_LINE, trend, 6);
    sb_chart_set_format_func (chart, format_money, NULL, NULL);
    sb_chart_draw (chart, cr, 600, 340, &style);
    cairo_destroy (cr);
    cairo_surface_write_to_png (surface, path);
    cairo_surface_destroy (surface);
  }
}

int
main (int    argc,
      char **argv)
{
  const char *sample_dir = g_getenv ("SB_CHART_PNG_DIR");

  g_test_init (&argc, &argv, NULL);

  if (sample_dir != NULL && *sample_dir != '\0')
    write_samples (sample_dir);

  g_test_add_func ("/report/chart/axis-steps", test_chart_axis_steps);
  g_test_add_func ("/report/chart/bars", test_chart_bars);
  g_test_add_func ("/report/chart/recording", test_chart_recording);
  g_test_add_func ("/report/chart/negative", test_chart_negative);
  g_test_add_func ("/report/chart/line", test_chart_line);
  g_test_add_func ("/report/chart/marker", test_chart_marker);
  g_test_add_func ("/report/chart/inside", test_chart_inside);
  g_test_add_func ("/report/chart/empty", test_chart_empty);
  g_test_add_func ("/report/chart/huge", test_chart_huge);
  g_test_add_func ("/report/chart/tiny", test_chart_tiny);
  g_test_add_func ("/report/chart/format", test_chart_format);
  g_test_add_func ("/report/chart/pdf", test_chart_pdf);

  return g_test_run ();
}

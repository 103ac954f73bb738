/* test-chart.c — the monthly chart: layout, hit test, rendering to image, PDF and SVG
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "jd-chart.h"
#include "jd-chart-private.h"

#define CHINESE_TITLE "每月作出决定的案件数"

static double sample[24] = {
  1180, 1320, 1510, 1422, 1610, 1705, 1650, 1580, 1490, 1520, 1440, 1890,
  1250, 1400, 1620, 1530, 1760, 1810, 1700, 1690, 1600, 1580, 1510, 2010,
};

static double sample_earlier[24] = {
  1100, 1200, 1400, 1350, 1500, 1600, 1550, 1500, 1400, 1420, 1380, 1700,
  1180, 1320, 1510, 1422, 1610, 1705, 1650, 1580, 1490, 1520, 1440, 1890,
};

static JdMonthlyChart
sample_chart (void)
{
  JdMonthlyChart chart = {
    .title = CHINESE_TITLE,
    .value_label = "本期",
    .comparison_label = "上年同期",
    .first_month = 202401,
    .n_points = G_N_ELEMENTS (sample),
    .values = sample,
    .comparison = sample_earlier,
  };

  return chart;
}

static JdChartLayout *
layout_for_cr (cairo_t              *cr,
               const JdMonthlyChart *monthly,
               double                width,
               double                height,
               const JdChartTheme   *theme)
{
  g_autoptr(JdChart) chart = jd_chart_new_monthly (monthly);

  /* the layout keeps its own reference to the chart */
  return _jd_chart_layout_new_for (cr, width, height, chart, theme);
}

static JdChartLayout *
layout_for (const JdMonthlyChart *chart,
            double                width,
            double                height)
{
  JdChartTheme theme;

  jd_chart_theme_init_light (&theme);

  return layout_for_cr (NULL, chart, width, height, &theme);
}

/* The bars are the first series' marks, the comparison the second's */
#define BAR(layout, i) ((layout)->marks[(i)])
#define COMPARISON(layout, i) ((layout)->marks[(layout)->n_points + (i)])

static guint
count_visible_bars (const JdChartLayout *layout)
{
  guint n = 0;

  for (guint i = 0; i < layout->n_points && layout->n_marks > 0; i++)
    n += BAR (layout, i).visible;

  return n;
}

static gboolean
is_nice_step (double step)
{
  double mantissa = step / pow (10, floor (log10 (step)));

  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9;
}

static void
test_nice_numbers (void)
{
  static const struct {
    double x;
    gboolean round;
    double nice;
  } cases[] = {
    { 1, FALSE, 1 }, { 1.1, FALSE, 2 }, { 2.5, FALSE, 5 }, { 7, FALSE, 10 }, { 0.03, FALSE, 0.05 },
    { 1.4, TRUE, 1 }, { 1.6, TRUE, 2 }, { 3.5, TRUE, 5 }, { 8, TRUE, 10 }, { 123, TRUE, 100 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat_with_epsilon (_jd_chart_nice_number (cases[i].x, cases[i].round),
                                    cases[i].nice, 1e-12);
}

static void
test_axis_covers_data (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  JdChartAxis axis;

  for (guint i = 0; i < 2000; i++)
    {
      double max = g_rand_double_range (rand, 0, 1) * pow (10, g_rand_int_range (rand, -3, 13));
      guint target = g_rand_int_range (rand, 2, 9);
      gboolean integral = g_rand_boolean (rand);

      if (integral)
        max = ceil (max);

      _jd_chart_axis_init (&axis, 0, max, target, integral);
      g_assert_cmpfloat (axis.min, ==, 0);
      g_assert_cmpfloat (_jd_chart_axis_tick (&axis, 0), ==, 0);
      g_assert_cmpfloat (axis.max, >=, max);
      g_assert_cmpfloat (_jd_chart_axis_tick (&axis, axis.n_ticks - 1), >=, max * (1 - 1e-12));
      g_assert_cmpuint (axis.n_ticks, >=, 2);
      g_assert_cmpuint (axis.n_ticks, <=, target + 1);
      g_assert_true (is_nice_step (axis.step));
      if (integral)
        g_assert_cmpfloat (axis.step, >=, 1);
    }

  /* Nothing, or all zero: [0, 1], no division by zero */
  _jd_chart_axis_init (&axis, 0, 0, 5, TRUE);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 1);
  g_assert_cmpuint (axis.n_ticks, ==, 2);

  /* Small counts get whole steps */
  _jd_chart_axis_init (&axis, 0, 3, 6, TRUE);
  g_assert_cmpfloat (axis.step, ==, 1);
  g_assert_cmpfloat (axis.max, ==, 3);

  /* Negative values widen the axis below zero */
  _jd_chart_axis_init (&axis, -35, 80, 5, TRUE);
  g_assert_cmpfloat (axis.min, <=, -35);
  g_assert_cmpfloat (axis.max, >=, 80);
}

static void
test_axis_labels (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  JdChartAxis axis;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  _jd_chart_axis_init (&axis, 0, 12400, 6, TRUE);
  g_assert_cmpfloat (axis.step, ==, 5000);
  a = _jd_chart_axis_label (&axis, 3);
  g_assert_cmpstr (a, ==, "1.5万");
  g_clear_pointer (&a, g_free);
  _jd_chart_axis_init (&axis, 0, 12400, 11, TRUE);
  g_assert_cmpfloat (axis.step, ==, 2000);
  a = _jd_chart_axis_label (&axis, 5);
  g_assert_cmpstr (a, ==, "1万");
  b = _jd_chart_axis_label (&axis, 6);
  g_assert_cmpstr (b, ==, "1.2万");

  _jd_chart_axis_init (&axis, 0, 1.3, 7, FALSE);
  g_assert_cmpfloat (axis.step, ==, 0.5);
  c = _jd_chart_axis_label (&axis, 3);
  g_assert_cmpstr (c, ==, "1.5");

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_bars_proportional (void)
{
  JdMonthlyChart chart = sample_chart ();
  g_autoptr(JdChartLayout) layout = layout_for (&chart, 900, 360);
  double per_unit = BAR (layout, 0).rect.height / sample[0];
  double data_max = 0;

  g_assert_cmpuint (layout->n_points, ==, 24);
  g_assert_cmpuint (count_visible_bars (layout), ==, 24);
  g_assert_cmpfloat (per_unit, >, 0);

  for (guint i = 0; i < 24; i++)
    {
      const JdChartRect *r = &BAR (layout, i).rect;

      data_max = MAX (data_max, MAX (sample[i], sample_earlier[i]));
      g_assert_cmpfloat_with_epsilon (r->height / sample[i], per_unit, per_unit * 1e-9);
      /* standing on the baseline, inside the plot, inside their band */
      g_assert_cmpfloat_with_epsilon (r->y + r->height, layout->baseline, 1e-9);
      g_assert_cmpfloat (r->y, >=, layout->plot.y - 1e-9);
      g_assert_cmpfloat (r->x, >=, layout->plot.x + i * layout->band);
      g_assert_cmpfloat (r->x + r->width, <=, layout->plot.x + (i + 1) * layout->band + 1e-9);
      g_assert_cmpfloat (r->width, >, 0);
      /* the comparison point at the bar's centre */
      g_assert_true (COMPARISON (layout, i).visible);
      g_assert_cmpfloat_with_epsilon (COMPARISON (layout, i).x, r->x + r->width / 2, 1e-9);
      g_assert_cmpfloat_with_epsilon (layout->baseline - COMPARISON (layout, i).y,
                                      sample_earlier[i] * per_unit, 1e-6);
    }

  /* The ticks start at zero, on the baseline, and cover the data */
  g_assert_cmpfloat (_jd_chart_axis_tick (&layout->y_axis, 0), ==, 0);
  g_assert_cmpfloat_with_epsilon (layout->tick_y[0], layout->baseline, 1e-9);
  g_assert_cmpfloat (_jd_chart_axis_tick (&layout->y_axis, layout->y_axis.n_ticks - 1), >=, data_max);
  g_assert_cmpfloat_with_epsilon (layout->tick_y[layout->y_axis.n_ticks - 1], layout->plot.y, 1e-9);
  g_assert_cmpuint (layout->y_axis.n_ticks, >=, 3);

  /* Every month has its label at this size, and both years theirs */
  g_assert_cmpuint (layout->x_axis.month_step, ==, 1);
  g_assert_cmpuint (layout->x_axis.month_labels->len, ==, 24);
  g_assert_cmpuint (layout->x_axis.year_labels->len, ==, 2);
  g_assert_cmpuint (layout->x_axis.year_marks->len, ==, 2);
}

static void
assert_row_apart (GArray  *labels,
                  double   width,
                  double   gap)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const JdChartText *a = &g_array_index (labels, JdChartText, i);

      g_assert_cmpfloat (a->rect.x, >=, 0);
      g_assert_cmpfloat (a->rect.x + a->rect.width, <=, width);
      if (i > 0)
        {
          const JdChartText *before = &g_array_index (labels, JdChartText, i - 1);

          g_assert_false (_jd_chart_rects_overlap (&before->rect, &a->rect, gap));
          g_assert_cmpfloat (before->rect.x, <, a->rect.x);
        }
    }
}

static void
test_labels_apart (void)
{
  static const double sizes[][2] = {
    { 240, 160 }, { 320, 200 }, { 480, 240 }, { 640, 320 }, { 900, 360 }, { 1280, 800 }, { 1920, 1080 },
  };
  static const guint lengths[] = { 1, 5, 12, 13, 24, 36, 70, 120 };
  static const int starts[] = { 202401, 202307, 202212 };
  g_autofree double *values = g_new (double, 120);

  for (guint i = 0; i < 120; i++)
    values[i] = 1000 + 37 * (i % 17);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
      for (guint f = 0; f < G_N_ELEMENTS (starts); f++)
        {
          JdMonthlyChart chart = { .title = CHINESE_TITLE, .first_month = starts[f],
                                   .n_points = lengths[l], .values = values,
                                   .comparison = f == 1 ? values : NULL,
                                   .value_label = f == 2 ? "Enforcement cases decided this period" : NULL };
          g_autoptr(JdChartLayout) layout = layout_for (&chart, sizes[s][0], sizes[s][1]);
          const JdChartTimeAxis *axis = &layout->x_axis;

          assert_row_apart (axis->month_labels, sizes[s][0], 0);
          assert_row_apart (axis->year_labels, sizes[s][0], 0);
          /* title and legend inside the chart, apart */
          g_assert_cmpfloat (layout->title.rect.x + layout->title.rect.width, <=, sizes[s][0]);
          for (guint i = 0; i < layout->n_legend; i++)
            {
              const JdChartLegendItem *item = &layout->legend[i];

              g_assert_cmpfloat (item->swatch.x, >=, 0);
              g_assert_cmpfloat (item->text.rect.x + item->text.rect.width, <=, sizes[s][0]);
              g_assert_false (_jd_chart_rects_overlap (&item->text.rect, &layout->title.rect, 0));
            }
          /* some year is always named */
          g_assert_cmpuint (axis->year_labels->len, >=, 1);
          /* y labels do not touch each other */
          for (guint i = 1; i < layout->y_axis.n_ticks; i++)
            g_assert_false (_jd_chart_rects_overlap (&layout->tick_labels[i - 1].rect,
                                                     &layout->tick_labels[i].rect, 0));
          /* the plot is inside the chart and below the title */
          g_assert_cmpfloat (layout->plot.x, >=, 0);
          g_assert_cmpfloat (layout->plot.x + layout->plot.width, <=, sizes[s][0]);
          g_assert_cmpfloat (layout->plot.y, >=, layout->title.rect.y + layout->title.rect.height);
          g_assert_cmpfloat (axis->bottom, <=, sizes[s][1]);
        }

  /* The case of the issue: 70 months in 320 px */
  {
    JdMonthlyChart chart = { .first_month = 202001, .n_points = 70, .values = values };
    g_autoptr(JdChartLayout) layout = layout_for (&chart, 320, 200);

    g_assert_cmpuint (layout->x_axis.month_step, >, 1);
    g_assert_cmpuint (layout->x_axis.month_labels->len, >, 0);
    assert_row_apart (layout->x_axis.month_labels, 320, 0);
    assert_row_apart (layout->x_axis.year_labels, 320, 0);
  }
}

static void
test_degenerate (void)
{
  static const double zeros[6] = { 0, 0, 0, 0, 0, 0 };
  static const double nans[6] = { NAN, NAN, NAN, NAN, NAN, NAN };
  static const double one[1] = { 42 };
  static const double holes[6] = { 5, NAN, 7, NAN, NAN, 3 };
  const struct {
    const double *values;
    guint n;
    guint visible;
  } cases[] = {
    { NULL, 0, 0 },
    { zeros, 6, 0 },
    { nans, 6, 0 },
    { one, 1, 1 },
    { holes, 6, 3 },
  };
  JdChartTheme theme;

  jd_chart_theme_init_light (&theme);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JdMonthlyChart chart = { .title = "t", .first_month = 202403,
                               .n_points = cases[i].n, .values = cases[i].values,
                               .comparison = cases[i].values };
      g_autoptr(JdChartLayout) layout = layout_for (&chart, 400, 240);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 240);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *text = NULL;

      g_assert_cmpuint (count_visible_bars (layout), ==, cases[i].visible);
      g_assert_true (isfinite (layout->baseline));
      g_assert_cmpfloat (layout->y_axis.max, >, layout->y_axis.min);
      for (guint t = 0; t < layout->y_axis.n_ticks; t++)
        g_assert_true (isfinite (layout->tick_y[t]));

      jd_chart_draw_monthly (cr, 400, 240, &chart, &theme);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (jd_chart_monthly_hit (400, 240, &chart, 200, 120), <, (int) MAX (cases[i].n, 1));
      text = jd_chart_monthly_describe (&chart);
      g_assert_nonnull (text);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  /* A lone bar is not the width of the chart */
  {
    JdMonthlyChart chart = { .first_month = 202403, .n_points = 1, .values = one };
    g_autoptr(JdChartLayout) layout = layout_for (&chart, 900, 360);

    g_assert_cmpfloat (BAR (layout, 0).rect.width, <, layout->plot.width / 4);
  }
}

static void
test_hit (void)
{
  JdMonthlyChart chart = sample_chart ();
  g_autoptr(JdChartLayout) layout = layout_for (&chart, 900, 360);
  const JdChartRect *plot = &layout->plot;

  for (guint i = 0; i < chart.n_points; i++)
    {
      const JdChartRect *r = &BAR (layout, i).rect;
      double cx = r->x + r->width / 2, cy = r->y + r->height / 2;

      g_assert_cmpint (jd_chart_monthly_hit (900, 360, &chart, cx, cy), ==, (int) i);
      /* the whole column, above the bar too */
      g_assert_cmpint (jd_chart_monthly_hit (900, 360, &chart, cx, plot->y + 1), ==, (int) i);
    }

  g_assert_cmpint (jd_chart_monthly_hit (900, 360, &chart, 1, 1), ==, -1);
  g_assert_cmpint (jd_chart_monthly_hit (900, 360, &chart, plot->x - 1, plot->y + plot->height / 2), ==, -1);
  g_assert_cmpint (jd_chart_monthly_hit (900, 360, &chart, plot->x + plot->width + 1, plot->y + 10), ==, -1);
  g_assert_cmpint (jd_chart_monthly_hit (900, 360, &chart, plot->x + 10, plot->y + plot->height + 2), ==, -1);
  g_assert_cmpint (jd_chart_monthly_hit (900, 360, &chart, plot->x + 10, plot->y - 2), ==, -1);
  g_assert_cmpint (jd_chart_monthly_hit (900, 360, &chart, -5, -5), ==, -1);
}

/* Laid out with the context of a real surface, plain or scaled for a
 * HiDPI screen, or a PDF page: the geometry the hit test uses. */
static void
test_same_geometry_everywhere (void)
{
  JdMonthlyChart chart = sample_chart ();
  g_autoptr(JdChartLayout) reference = layout_for (&chart, 640, 300);
  cairo_surface_t *surfaces[3];
  double scales[3] = { 1, 2, 1 };
  JdChartTheme theme;

  jd_chart_theme_init_dark (&theme);
  surfaces[0] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 300);
  surfaces[1] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 600);
  surfaces[2] = cairo_pdf_surface_create_for_stream (NULL, NULL, 640, 300);

  for (guint s = 0; s < G_N_ELEMENTS (surfaces); s++)
    {
      cairo_t *cr = cairo_create (surfaces[s]);
      g_autoptr(JdChartLayout) layout = NULL;

      cairo_scale (cr, scales[s], scales[s]);
      layout = layout_for_cr (cr, &chart, 640, 300, &theme);

      g_assert_cmpfloat_with_epsilon (layout->plot.x, reference->plot.x, 1e-6);
      g_assert_cmpfloat_with_epsilon (layout->plot.y, reference->plot.y, 1e-6);
      g_assert_cmpfloat_with_epsilon (layout->plot.width, reference->plot.width, 1e-6);
      g_assert_cmpfloat_with_epsilon (layout->plot.height, reference->plot.height, 1e-6);
      g_assert_cmpuint (layout->x_axis.month_step, ==, reference->x_axis.month_step);
      for (guint i = 0; i < chart.n_points; i++)
        g_assert_cmpfloat_with_epsilon (BAR (layout, i).rect.x, BAR (reference, i).rect.x, 1e-6);

      cairo_destroy (cr);
      cairo_surface_destroy (surfaces[s]);
    }
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double           rgba[4])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 p = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  double a = (p >> 24) / 255.0;

  rgba[3] = a;
  rgba[0] = a > 0 ? ((p >> 16) & 0xff) / 255.0 / a : 0;
  rgba[1] = a > 0 ? ((p >> 8) & 0xff) / 255.0 / a : 0;
  rgba[2] = a > 0 ? (p & 0xff) / 255.0 / a : 0;
}

static void
assert_colour (const double  rgba[4],
               const JdRgba *expected)
{
  g_assert_cmpfloat_with_epsilon (rgba[0], expected->red, 2.5 / 255);
  g_assert_cmpfloat_with_epsilon (rgba[1], expected->green, 2.5 / 255);
  g_assert_cmpfloat_with_epsilon (rgba[2], expected->blue, 2.5 / 255);
  g_assert_cmpfloat_with_epsilon (rgba[3], expected->alpha, 2.5 / 255);
}

static void
test_render_image (void)
{
  JdMonthlyChart chart = sample_chart ();
  g_autoptr(JdChartLayout) layout = layout_for (&chart, 900, 360);
  gboolean dark_values[] = { FALSE, TRUE };

  for (guint d = 0; d < G_N_ELEMENTS (dark_values); d++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 360);
      cairo_t *cr = cairo_create (surface);
      const JdChartRect *bar = &BAR (layout, 23).rect;
      JdChartTheme theme;
      double rgba[4];

      if (dark_values[d])
        jd_chart_theme_init_dark (&theme);
      else
        jd_chart_theme_init_light (&theme);

      jd_chart_draw_monthly (cr, 900, 360, &chart, &theme);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surface);

      pixel_at (surface, 2, 2, rgba);
      assert_colour (rgba, &theme.background);
      /* low in the tallest bar, below the comparison line */
      pixel_at (surface, bar->x + bar->width / 2, bar->y + bar->height - 3, rgba);
      assert_colour (rgba, &theme.series[0]);
      /* a month without a bar shows the background there */
      pixel_at (surface, layout->plot.x + layout->band * 0.02, layout->baseline - 3, rgba);
      assert_colour (rgba, &theme.background);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  /* alpha 0: the surface is left as it is */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 360);
    cairo_t *cr = cairo_create (surface);
    JdChartTheme theme;
    double rgba[4];

    jd_chart_theme_init_light (&theme);
    theme.background.alpha = 0;
    jd_chart_draw_monthly (cr, 900, 360, &chart, &theme);
    cairo_surface_flush (surface);
    pixel_at (surface, 2, 2, rgba);
    g_assert_cmpfloat (rgba[3], ==, 0);

    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
test_render_svg (void)
{
  JdMonthlyChart chart = sample_chart ();
  g_autofree char *dir = g_dir_make_tmp ("jd-chart-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *contents = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  JdChartTheme theme;

  jd_chart_theme_init_light (&theme);
  surface = cairo_svg_surface_create (path, 640, 320);
  cr = cairo_create (surface);
  jd_chart_draw_monthly (cr, 640, 320, &chart, &theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  /* the bars, in the bars' blue */
  g_assert_nonnull (strstr (contents, "rgb(0%,44.705882%,69.803922%)"));
  /* the text, as glyphs */
  g_assert_nonnull (strstr (contents, "<use xlink:href=\"#glyph"));

  g_unlink (path);
  g_rmdir (dir);
}

static char *
run_tool (const char *tool,
          const char *pdf)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;

  {
    const char *argv[] = { program, pdf, "-", NULL };

    if (g_str_equal (tool, "pdffonts"))
      argv[2] = NULL;
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
test_render_pdf (void)
{
  JdMonthlyChart chart = sample_chart ();
  g_autofree char *dir = g_dir_make_tmp ("jd-chart-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  JdChartTheme theme;
  guint n_fonts = 0;

  jd_chart_theme_init_light (&theme);
  surface = cairo_pdf_surface_create (path, 640, 320);
  cr = cairo_create (surface);
  jd_chart_draw_monthly (cr, 640, 320, &chart, &theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  text = run_tool ("pdftotext", path);
  fonts = run_tool ("pdffonts", path);
  g_unlink (path);
  g_rmdir (dir);

  if (text == NULL || fonts == NULL)
    {
      g_test_skip ("pdftotext and pdffonts (poppler-utils) are not installed");
      return;
    }

  /* The Chinese is real text, with its Unicode, not just shapes */
  g_assert_nonnull (strstr (text, CHINESE_TITLE));
  g_assert_nonnull (strstr (text, "上年同期"));
  g_assert_nonnull (strstr (text, "2025"));

  /* name type encoding emb sub uni object ID: every font embedded */
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint f = 0; fields[f] != NULL; f++)
        if (fields[f][0] != '\0')
          g_ptr_array_add (words, fields[f]);
      if (words->len < 6)
        continue;

      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");  /* emb */
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 3), ==, "yes");  /* uni */
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static void
test_describe (void)
{
  static const double values[6] = { 120, 300, NAN, 80, 150, 90 };
  static const double earlier[6] = { 100, 250, 200, 100, 150, NAN };
  JdMonthlyChart chart = {
    .title = "Cases decided",
    .first_month = 202402,
    .n_points = 6,
    .values = values,
    .comparison = earlier,
  };
  g_autofree char *text = jd_chart_monthly_describe (&chart);
  static const double none[2] = { NAN, NAN };
  JdMonthlyChart empty = { .title = "Cases decided", .first_month = 202402, .n_points = 2, .values = none };
  g_autofree char *empty_text = jd_chart_monthly_describe (&empty);

  g_assert_cmpstr (text, ==,
                   "Cases decided, per month from February 2024 to July 2024. "
                   "Highest 300 in March 2024; lowest 80 in May 2024; latest 90 in July 2024. "
                   "1 month has no data. "
                   "Together 650 against 600 a year earlier (+8.3%).");
  g_assert_cmpstr (empty_text, ==, "Cases decided: no data.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/axis/nice-numbers", test_nice_numbers);
  g_test_add_func ("/chart/axis/covers-data", test_axis_covers_data);
  g_test_add_func ("/chart/axis/labels", test_axis_labels);
  g_test_add_func ("/chart/layout/bars-proportional", test_bars_proportional);
  g_test_add_func ("/chart/layout/labels-apart", test_labels_apart);
  g_test_add_func ("/chart/layout/degenerate", test_degenerate);
  g_test_add_func ("/chart/layout/same-geometry-everywhere", test_same_geometry_everywhere);
  g_test_add_func ("/chart/hit", test_hit);
  g_test_add_func ("/chart/render/image", test_render_image);
  g_test_add_func ("/chart/render/svg", test_render_svg);
  g_test_add_func ("/chart/render/pdf", test_render_pdf);
  g_test_add_func ("/chart/describe", test_describe);

  return g_test_run ();
}

/* test-chart-kit.c — every chart type: geometry, interaction, rendering to
 * image, SVG and PDF, and reference images
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JD_CHART_PNG_DIR=DIR writes every chart, light and dark, to DIR to look
 * at; JD_CHART_UPDATE_REFERENCES=1 rewrites tests/data/charts/.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "jd-chart.h"
#include "jd-chart-private.h"
#include "jd-dashboard-charts.h"
#include "jd-demo.h"

#include "chart-samples.h"

static JdChartLayout *
layout_of (const JdChart *chart,
           double         width,
           double         height)
{
  JdChartTheme theme;

  jd_chart_theme_init_light (&theme);
  return _jd_chart_layout_new_for (NULL, width, height, chart, &theme);
}

/* Every piece of text a layout places */
static GPtrArray *
all_texts (const JdChartLayout *layout)
{
  GPtrArray *texts = g_ptr_array_new ();

#define ADD(t) G_STMT_START { if ((t)->layout != NULL) g_ptr_array_add (texts, (gpointer) (t)); } G_STMT_END
  ADD (&layout->title);
  ADD (&layout->threshold_label);
  for (guint i = 0; i < layout->n_legend; i++)
    ADD (&layout->legend[i].text);
  for (guint i = 0; layout->tick_labels != NULL && i < layout->y_axis.n_ticks; i++)
    ADD (&layout->tick_labels[i]);
  for (guint i = 0; layout->has_y2 && i < layout->y2_axis.n_ticks; i++)
    ADD (&layout->tick_labels2[i]);
  for (guint i = 0; layout->category_labels != NULL && i < layout->category_labels->len; i++)
    ADD (&g_array_index (layout->category_labels, JdChartText, i));
  if (layout->time_axis)
    {
      for (guint i = 0; i < layout->x_axis.month_labels->len; i++)
        ADD (&g_array_index (layout->x_axis.month_labels, JdChartText, i));
      for (guint i = 0; i < layout->x_axis.year_labels->len; i++)
        ADD (&g_array_index (layout->x_axis.year_labels, JdChartText, i));
    }
  for (guint i = 0; i < layout->labels->len; i++)
    ADD (&g_array_index (layout->labels, JdChartLabel, i).text);
#undef ADD

  return texts;
}

static void
assert_texts_apart (const JdChartLayout *layout,
                    const char          *what)
{
  g_autoptr(GPtrArray) texts = all_texts (layout);

  for (guint i = 0; i < texts->len; i++)
    {
      const JdChartText *a = g_ptr_array_index (texts, i);
      const char *ta = pango_layout_get_text (a->layout);

      /* inside the chart (half a pixel for rounding) */
      if (a->rect.x < -0.5 || a->rect.y < -0.5 ||
          a->rect.x + a->rect.width > layout->width + 0.5 ||
          a->rect.y + a->rect.height > layout->height + 0.5)
        g_error ("%s at %g×%g: “%s” (%g, %g, %g, %g) is outside", what, layout->width, layout->height,
                 ta, a->rect.x, a->rect.y, a->rect.width, a->rect.height);

      for (guint j = i + 1; j < texts->len; j++)
        {
          const JdChartText *b = g_ptr_array_index (texts, j);
          JdChartRect ra = a->rect, rb = b->rect;

          /* logical rectangles include the line's leading: compare with
           * a little of it off, as the eye does */
          ra.y += ra.height * 0.08, ra.height *= 0.84;
          rb.y += rb.height * 0.08, rb.height *= 0.84;
          if (_jd_chart_rects_overlap (&ra, &rb, 0))
            g_error ("%s at %g×%g: “%s” (%g, %g, %g, %g) overlaps “%s” (%g, %g, %g, %g)", what,
                     layout->width, layout->height,
                     ta, a->rect.x, a->rect.y, a->rect.width, a->rect.height,
                     pango_layout_get_text (b->layout), b->rect.x, b->rect.y, b->rect.width, b->rect.height);
        }
    }
}

/* No two labels overlap, none leaves the chart, at any size */
static void
test_labels_apart (void)
{
  static const double sizes[][2] = {
    { 320, 200 }, { 480, 300 }, { 640, 360 }, { 900, 420 }, { 1280, 800 }, { 1920, 1080 },
  };

  for (guint n = 0; n < G_N_ELEMENTS (sample_names); n++)
    {
      g_autoptr(JdChart) chart = sample_chart_named (sample_names[n]);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(JdChartLayout) layout = layout_of (chart, sizes[s][0], sizes[s][1]);

          assert_texts_apart (layout, sample_names[n]);
        }
    }
}

static void
data_range (const JdChart *chart,
            gboolean       secondary,
            double        *min,
            double        *max)
{
  *min = 0;
  *max = 0;
  for (guint s = 0; s < jd_chart_get_n_series (chart); s++)
    {
      if (!chart->series->pdata[s] || !JD_CHART_SERIES (chart, s)->secondary != !secondary)
        continue;
      for (guint i = 0; i < jd_chart_get_n_points (chart); i++)
        {
          double v = jd_chart_get_value (chart, s, i);

          if (isfinite (v))
            {
              *min = MIN (*min, v);
              *max = MAX (*max, v);
            }
        }
    }
}

static void
test_ticks_cover (void)
{
  static const char * const names[] = { "line", "bar", "grouped", "hbar", "combo", "yearly" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(JdChart) chart = sample_chart_named (names[n]);
      g_autoptr(JdChartLayout) layout = layout_of (chart, 800, 400);
      double min, max;

      data_range (chart, FALSE, &min, &max);
      g_assert_cmpfloat (_jd_chart_axis_tick (&layout->y_axis, 0), <=, min);
      g_assert_cmpfloat (_jd_chart_axis_tick (&layout->y_axis, layout->y_axis.n_ticks - 1), >=, max);
      g_assert_cmpuint (layout->y_axis.n_ticks, >=, 2);

      if (layout->has_y2)
        {
          data_range (chart, TRUE, &min, &max);
          g_assert_cmpfloat (_jd_chart_axis_tick (&layout->y2_axis, 0), <=, min);
          g_assert_cmpfloat (_jd_chart_axis_tick (&layout->y2_axis, layout->y2_axis.n_ticks - 1), >=, max);
          /* the secondary axis shares the grid */
          g_assert_cmpuint (layout->y2_axis.n_ticks, ==, layout->y_axis.n_ticks);
          for (guint i = 0; i < layout->y_axis.n_ticks; i++)
            g_assert_cmpfloat_with_epsilon (layout->tick_y2[i], layout->tick_y[i], 1e-9);
        }
    }
}

/* Bar lengths are proportional to their values, on either axis */
static void
test_bars_proportional (void)
{
  static const char * const names[] = { "bar", "grouped", "hbar", "yearly", "combo" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(JdChart) chart = sample_chart_named (names[n]);
      g_autoptr(JdChartLayout) layout = layout_of (chart, 900, 500);
      double per_unit = 0;

      for (guint k = 0; k < layout->n_marks; k++)
        {
          const JdChartMark *m = &layout->marks[k];
          double length;

          if (!m->visible || _jd_chart_series_mark (chart, m->series) != JD_CHART_MARK_BAR)
            continue;
          length = layout->horizontal ? m->rect.width : m->rect.height;
          if (per_unit == 0)
            per_unit = length / m->value;
          g_assert_cmpfloat_with_epsilon (length / m->value, per_unit, per_unit * 1e-9);
          /* from the baseline */
          if (layout->horizontal)
            g_assert_cmpfloat_with_epsilon (m->rect.x, layout->baseline, 1e-9);
          else
            g_assert_cmpfloat_with_epsilon (m->rect.y + m->rect.height, layout->baseline, 1e-9);
        }
      g_assert_cmpfloat (per_unit, >, 0);
    }

  /* stacked: the segments of a bar add up to the sum of its values */
  {
    g_autoptr(JdChart) chart = sample_chart_named ("stacked");
    g_autoptr(JdChartLayout) layout = layout_of (chart, 900, 500);
    double per_unit = layout->plot.height / (layout->y_axis.max - layout->y_axis.min);

    for (guint i = 0; i < layout->n_points; i++)
      {
        double sum = 0, top = layout->baseline;

        for (guint s = 0; s < jd_chart_get_n_series (chart); s++)
          {
            const JdChartMark *m = _jd_chart_layout_mark (layout, s, i);

            sum += m->value;
            /* each segment sits on the one before */
            g_assert_cmpfloat_with_epsilon (m->rect.y + m->rect.height, top, 1e-6);
            top = m->rect.y;
          }
        g_assert_cmpfloat_with_epsilon (layout->baseline - top, sum * per_unit, 1e-6);
      }
  }
}

static void
draw_to_image (const JdChart *chart,
               double         width,
               double         height,
               gboolean       dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  JdChartTheme theme;

  if (dark)
    jd_chart_theme_init_dark (&theme);
  else
    jd_chart_theme_init_light (&theme);
  jd_chart_draw (cr, width, height, chart, &theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Zero, one point, all null, nothing at all: every type survives them */
static void
test_degenerate (void)
{
  static const JdChartType types[] = {
    JD_CHART_BAR, JD_CHART_BAR_STACKED, JD_CHART_HBAR, JD_CHART_HBAR_STACKED, JD_CHART_LINE,
    JD_CHART_DONUT, JD_CHART_SPARKLINE, JD_CHART_KPI, JD_CHART_HEAT_TABLE, JD_CHART_TABLE,
  };
  static const double zeros[5] = { 0, 0, 0, 0, 0 };
  static const double nans[5] = { NAN, NAN, NAN, NAN, NAN };
  static const double one[1] = { 42 };
  static const double negative[5] = { -5, 3, NAN, -12, 7 };
  const struct {
    const double *values;
    guint n;
  } cases[] = {
    { NULL, 0 }, { zeros, 5 }, { nans, 5 }, { one, 1 }, { negative, 5 },
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      for (guint time = 0; time < 2; time++)
        {
          g_autoptr(JdChart) chart = jd_chart_new (types[t]);
          g_autofree char *text = NULL;
          JdChartHit hit = { -1, -1, NAN };

          jd_chart_set_title (chart, "标题");
          if (time)
            jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, 202411, cases[c].n);
          else
            jd_chart_set_categories (chart, sample_agencies, cases[c].n);
          if (cases[c].values != NULL)
            {
              jd_chart_add_series (chart, "甲", cases[c].values, cases[c].n);
              jd_chart_add_series (chart, "乙", cases[c].values, cases[c].n);
            }
          if (types[t] == JD_CHART_KPI)
            jd_chart_set_kpi (chart, cases[c].n ? cases[c].values[0] : NAN, "件",
                              JD_CHART_CHANGE_POINTS, JD_CHART_POLARITY_UP_IS_GOOD, NAN, 0);

          {
            g_autoptr(JdChartLayout) layout = layout_of (chart, 400, 260);

            for (guint k = 0; k < layout->n_marks; k++)
              {
                const JdChartMark *m = &layout->marks[k];

                g_assert_true (isfinite (m->rect.x) && isfinite (m->rect.y) &&
                               isfinite (m->rect.width) && isfinite (m->rect.height));
                g_assert_true (isfinite (m->x) && isfinite (m->y));
                if (m->visible && !isfinite (m->value))
                  g_assert_true (types[t] == JD_CHART_TABLE);  /* a table shows "—" */
              }
            g_assert_true (isfinite (layout->baseline));
            if (layout->y_axis.n_ticks > 0)
              g_assert_cmpfloat (layout->y_axis.max, >, layout->y_axis.min);
            assert_texts_apart (layout, "degenerate");
          }

          draw_to_image (chart, 400, 260, c % 2);
          jd_chart_hit (chart, 400, 260, 200, 130, &hit);
          jd_chart_step (chart, &hit, 1, 0);
          text = jd_chart_describe (chart);
          g_assert_nonnull (text);
          g_assert_cmpuint (jd_chart_get_n_pages (chart, 400, 260), >=, 1);
        }
}

/* What is drawn is what the pointer finds */
static void
test_hit (void)
{
  static const char * const names[] = { "bar", "grouped", "stacked", "hbar", "combo", "line", "heat", "table" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(JdChart) chart = sample_chart_named (names[n]);
      g_autoptr(JdChartLayout) layout = layout_of (chart, 900, 500);
      guint checked = 0;

      for (guint k = 0; k < layout->n_marks; k++)
        {
          const JdChartMark *m = &layout->marks[k];
          gboolean bar = _jd_chart_series_mark (chart, m->series) == JD_CHART_MARK_BAR &&
                         chart->type != JD_CHART_HEAT_TABLE && chart->type != JD_CHART_TABLE;
          double x, y;
          JdChartHit hit;

          if (!m->visible)
            continue;
          if (bar && (m->rect.width < 2 || m->rect.height < 2))
            continue;
          if (bar || chart->type == JD_CHART_HEAT_TABLE || chart->type == JD_CHART_TABLE)
            x = m->rect.x + m->rect.width / 2, y = m->rect.y + m->rect.height / 2;
          else
            x = m->x, y = m->y;

          /* lines cross, and a line near the pointer wins over the bar
           * under it: skip points where another series' point is as near */
          if (chart->type == JD_CHART_LINE || chart->type == JD_CHART_BAR)
            {
              gboolean crowded = FALSE;

              for (guint s = 0; s < jd_chart_get_n_series (chart); s++)
                {
                  const JdChartMark *o = _jd_chart_layout_mark (layout, s, m->index);

                  crowded = crowded || (s != m->series && o->visible &&
                                        _jd_chart_series_mark (chart, s) == JD_CHART_MARK_LINE &&
                                        fabs (o->y - y) < layout->font_px * 1.5);
                }
              if (crowded)
                continue;
            }

          g_assert_true (_jd_chart_layout_hit (layout, x, y, &hit));
          g_assert_cmpint (hit.index, ==, m->index);
          g_assert_cmpint (hit.series, ==, m->series);
          if (isfinite (m->value))
            g_assert_cmpfloat (hit.value, ==, m->value);
          /* and the public API agrees */
          {
            JdChartHit again;

            g_assert_true (jd_chart_hit (chart, 900, 500, x, y, &again));
            g_assert_cmpint (again.index, ==, hit.index);
            g_assert_cmpint (again.series, ==, hit.series);
          }
          checked++;
        }
      g_assert_cmpuint (checked, >, 0);

      /* far outside: nothing */
      {
        JdChartHit hit;

        g_assert_false (jd_chart_hit (chart, 900, 500, -10, -10, &hit));
        g_assert_false (jd_chart_hit (chart, 900, 500, 2, 2, &hit));
      }
    }

  /* the donut: the middle of each slice's ring, not its hole */
  {
    g_autoptr(JdChart) chart = sample_chart_named ("donut");
    g_autoptr(JdChartLayout) layout = layout_of (chart, 800, 400);
    JdChartHit hit;

    for (guint k = 0; k < layout->n_marks; k++)
      {
        const JdChartMark *m = &layout->marks[k];
        double mid = (m->angle0 + m->angle1) / 2, r = (layout->r_inner + layout->r_outer) / 2;

        g_assert_true (_jd_chart_layout_hit (layout, layout->cx + sin (mid) * r, layout->cy - cos (mid) * r, &hit));
        g_assert_cmpint (hit.index, ==, (int) k);
      }
    g_assert_false (_jd_chart_layout_hit (layout, layout->cx, layout->cy, &hit));
    /* slices are proportional to the values */
    for (guint k = 0; k < layout->n_marks; k++)
      g_assert_cmpfloat_with_epsilon ((layout->marks[k].angle1 - layout->marks[k].angle0) / (2 * G_PI),
                                      layout->marks[k].value / 82474.0, 1e-9);
  }
}

static void
test_step (void)
{
  g_autoptr(JdChart) chart = sample_chart_named ("line");
  JdChartHit hit = { -1, -1, NAN };
  guint moves = 0;

  g_assert_true (jd_chart_step (chart, &hit, 0, 0));
  g_assert_cmpint (hit.series, ==, 0);
  g_assert_cmpint (hit.index, ==, 0);
  while (jd_chart_step (chart, &hit, 1, 0))
    moves++;
  g_assert_cmpint (hit.index, ==, 23);
  g_assert_cmpuint (moves, ==, 23);
  g_assert_false (jd_chart_step (chart, &hit, 1, 0));

  /* down to the third series, which has holes: stepping skips them */
  g_assert_true (jd_chart_step (chart, &hit, 0, 2));
  g_assert_cmpint (hit.series, ==, 2);
  hit.index = 2;
  g_assert_true (jd_chart_step (chart, &hit, 1, 0));
  g_assert_cmpint (hit.index, ==, 4);  /* 3 has no value */
  g_assert_true (isfinite (hit.value));
  g_assert_true (jd_chart_step (chart, &hit, -1, 0));
  g_assert_cmpint (hit.index, ==, 2);
  g_assert_false (jd_chart_step (chart, &hit, 0, 5) && hit.series != 2);
}

static void
test_describe (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "en", TRUE);

  {
    g_autoptr(JdChart) chart = sample_chart_named ("donut");
    g_autofree char *text = jd_chart_describe (chart);

    g_assert_cmpstr (text, ==,
                     "投诉举报来源渠道, 7 items. Total 82,474. "
                     "12345热线 61,234 (74.2%). 网站 8,840 (10.7%). 电话 5,120 (6.2%). "
                     "来信 3,120 (3.8%). 来访 2,210 (2.7%). APP 1,530 (1.9%). 其他 420 (0.5%).");
  }
  {
    g_autoptr(JdChart) chart = sample_chart_named ("combo");
    g_autofree char *text = jd_chart_describe (chart);

    g_test_message ("%s", text);
    g_assert_true (g_str_has_prefix (text, "行政诉讼一审审结数与败诉率, per month from January 2025 to June 2026. "));
    g_assert_nonnull (strstr (text, "败诉率: highest 18.0% in March 2025"));
    g_assert_nonnull (strstr (text, "Above 15.0% in 8 of 18 points."));
  }
  {
    g_autoptr(JdChart) chart = sample_chart_named ("kpi");
    g_autofree char *text = jd_chart_describe (chart);

    g_assert_cmpstr (text, ==, "投诉举报受理: 12,345 件; year on year +12.5%, period on period −3.1%.");
  }
  {
    g_autoptr(JdChart) chart = sample_chart_named ("hbar");
    g_autoptr(JdChartLayout) layout = layout_of (chart, 1280, 800);
    JdChartHit hit = { 0, 3, 0 };
    g_autofree char *tip = jd_chart_describe_point (chart, &hit);

    /* the long name is whole in the tooltip, whatever the axis shows */
    g_assert_cmpstr (tip, ==, "市城市管理综合行政执法局\n作出决定: 6,870");
  }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_tick_formats (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  JdChartAxis axis;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  /* money: 元, 万元, 亿元 */
  _jd_chart_axis_init (&axis, 0, 380e6, 5, FALSE);
  a = _jd_chart_format_tick (JD_CHART_FORMAT_YUAN, &axis, 1);
  g_assert_cmpstr (a, ==, "1亿元");
  _jd_chart_axis_init (&axis, 0, 1.3e6, 6, FALSE);
  b = _jd_chart_format_tick (JD_CHART_FORMAT_YUAN, &axis, 1);
  g_assert_cmpstr (b, ==, "50万元");
  /* percentages as many places as the step needs */
  _jd_chart_axis_init (&axis, 0, 0.18, 10, FALSE);
  c = _jd_chart_format_tick (JD_CHART_FORMAT_PERCENT, &axis, 1);
  g_assert_cmpstr (c, ==, "2%");
  _jd_chart_axis_init (&axis, 0, 0.02, 5, FALSE);
  d = _jd_chart_format_tick (JD_CHART_FORMAT_PERCENT, &axis, 1);
  g_assert_cmpstr (d, ==, "0.5%");

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_table_pages (void)
{
  g_autoptr(JdChart) chart = sample_chart_named ("table");
  guint n_pages = jd_chart_get_n_pages (chart, 640, 360);
  g_autofree guint *seen = g_new0 (guint, 30);
  double header_x = -1;

  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (jd_chart_get_n_pages (chart, 640, 2000), ==, 1);

  for (guint p = 0; p < n_pages; p++)
    {
      g_autoptr(JdChartLayout) layout = NULL;
      const JdChartLabel *header;

      jd_chart_set_page (chart, p);
      layout = layout_of (chart, 640, 360);
      g_assert_cmpuint (layout->page, ==, p);
      g_assert_cmpuint (layout->n_rows, >, 0);
      for (guint r = 0; r < layout->n_rows; r++)
        seen[layout->first_row + r]++;
      /* the header row on every page, in the same place */
      header = &g_array_index (layout->labels, JdChartLabel, 0);
      g_assert_cmpstr (pango_layout_get_text (header->text.layout), ==, "作出决定");
      if (p > 0)
        g_assert_cmpfloat (header->text.rect.x, ==, header_x);
      header_x = header->text.rect.x;
      /* the rows stay above the page number */
      g_assert_cmpfloat (layout->plot.y + layout->plot.height, <=, 360);
      assert_texts_apart (layout, "table page");
    }
  for (guint i = 0; i < 30; i++)
    g_assert_cmpuint (seen[i], ==, 1);
  jd_chart_set_page (chart, 0);
}

/* The PNGs to look at, light and dark */
static void
maybe_write_pngs (void)
{
  const char *dir = g_getenv ("JD_CHART_PNG_DIR");

  if (dir == NULL)
    return;

  g_mkdir_with_parents (dir, 0755);
  for (guint n = 0; n < G_N_ELEMENTS (sample_names); n++)
    for (guint dark = 0; dark < 2; dark++)
      {
        g_autoptr(JdChart) chart = sample_chart_named (sample_names[n]);
        g_autofree char *file = g_strdup_printf ("%s-%s.png", sample_names[n], dark ? "dark" : "light");
        g_autofree char *path = g_build_filename (dir, file, NULL);
        gboolean small = g_str_equal (sample_names[n], "kpi") || g_str_equal (sample_names[n], "sparkline");
        JdChartTheme theme;

        if (dark)
          jd_chart_theme_init_dark (&theme);
        else
          jd_chart_theme_init_light (&theme);
        g_assert_true (jd_chart_export (chart, path, small ? 320 : 800, small ? 160 : 450, 1, &theme, NULL));
      }
}

static gboolean
surface_has_ink (cairo_surface_t *surface)
{
  const guint8 *data;
  int stride, width, height;
  guint32 first;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  first = *(const guint32 *) data;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (*(const guint32 *) (data + y * stride + x * 4) != first)
        return TRUE;

  return FALSE;
}

static void
test_render_surfaces (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jd-chart-kit-XXXXXX", NULL);

  maybe_write_pngs ();

  for (guint n = 0; n < G_N_ELEMENTS (sample_names); n++)
    {
      g_autoptr(JdChart) chart = sample_chart_named (sample_names[n]);
      g_autofree char *svg = g_build_filename (dir, "c.svg", NULL);
      g_autofree char *pdf = g_build_filename (dir, "c.pdf", NULL);
      g_autofree char *png = g_build_filename (dir, "c.png", NULL);
      g_autofree char *contents = NULL;
      JdChartTheme theme;

      for (guint dark = 0; dark < 2; dark++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 700);
          cairo_t *cr = cairo_create (surface);
          JdChartHit hit = { 0, 1, NAN };

          if (dark)
            jd_chart_theme_init_dark (&theme);
          else
            jd_chart_theme_init_light (&theme);
          /* HiDPI: scale 2 */
          cairo_scale (cr, 2, 2);
          jd_chart_draw_highlighted (cr, 600, 350, chart, &theme, &hit);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          g_assert_true (surface_has_ink (surface));
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }

      jd_chart_theme_init_light (&theme);
      g_assert_true (jd_chart_export (chart, svg, 640, 360, 1, &theme, NULL));
      g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, "<svg"));
      if (!g_str_equal (sample_names[n], "sparkline"))
        g_assert_nonnull (strstr (contents, "glyph"));
      g_assert_true (jd_chart_export (chart, pdf, 640, 360, 1, &theme, NULL));
      g_assert_true (jd_chart_export (chart, png, 640, 360, 2, &theme, NULL));
      {
        cairo_surface_t *read = cairo_image_surface_create_from_png (png);

        g_assert_cmpint (cairo_image_surface_get_width (read), ==, 1280);
        g_assert_cmpint (cairo_image_surface_get_height (read), ==, 720);
        cairo_surface_destroy (read);
      }
      g_unlink (svg);
      g_unlink (pdf);
      g_unlink (png);
    }

  {
    g_autoptr(JdChart) chart = sample_chart_named ("bar");
    g_autoptr(GError) error = NULL;
    JdChartTheme theme;

    jd_chart_theme_init_light (&theme);
    g_assert_false (jd_chart_export (chart, "/tmp/chart.gif", 640, 360, 1, &theme, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  }

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
  const char *argv[] = { NULL, pdf, "-", NULL };

  if (program == NULL)
    return NULL;

  argv[0] = program;
  if (g_str_equal (tool, "pdffonts"))
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* The Chinese of every chart is text in the PDF, in embedded subsets */
static void
test_pdf_text (void)
{
  static const struct {
    const char *name;
    const char *expect[3];
  } cases[] = {
    { "line", { "一审败诉率", "上年同期", "控制线" } },
    { "hbar", { "市市场监督管理局", "作出决定", NULL } },
    { "donut", { "12345热线", "投诉举报来源渠道", NULL } },
    { "kpi", { "投诉举报受理", "12,345", NULL } },
    { "heat", { "市生态环境局", "2025", NULL } },
    { "table", { "罚没金额", "市交通运输局", NULL } },
  };
  g_autofree char *dir = g_dir_make_tmp ("jd-chart-kit-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "c.pdf", NULL);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(JdChart) chart = sample_chart_named (cases[c].name);
      g_autofree char *text = NULL;
      g_autofree char *fonts = NULL;
      g_auto(GStrv) lines = NULL;
      JdChartTheme theme;
      guint n_fonts = 0;

      /* dark asked for, light drawn: paper is white */
      jd_chart_theme_init_dark (&theme);
      g_assert_true (jd_chart_export (chart, pdf, 720, 420, 1, &theme, NULL));
      text = run_tool ("pdftotext", pdf);
      fonts = run_tool ("pdffonts", pdf);
      if (text == NULL || fonts == NULL)
        {
          g_unlink (pdf);
          g_rmdir (dir);
          g_test_skip ("pdftotext and pdffonts (poppler-utils) are not installed");
          return;
        }

      for (guint e = 0; e < G_N_ELEMENTS (cases[c].expect) && cases[c].expect[e]; e++)
        if (strstr (text, cases[c].expect[e]) == NULL)
          g_error ("%s: “%s” is not in the PDF's text:\n%s", cases[c].name, cases[c].expect[e], text);

      /* name type encoding emb sub uni object ID */
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
          g_assert_cmpstr (g_ptr_array_index (words, words->len - 4), ==, "yes");  /* sub */
          g_assert_cmpstr (g_ptr_array_index (words, words->len - 3), ==, "yes");  /* uni */
          n_fonts++;
        }
      g_assert_cmpuint (n_fonts, >, 0);

      /* the PDF's background is white */
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4, 4);

        cairo_surface_destroy (surface);
      }
    }

  g_unlink (pdf);
  g_rmdir (dir);
}

/* Reference images: the same chart, drawn the same, within a tolerance
 * for anti-aliasing and font rasteriser versions */
static void
test_reference_images (void)
{
  static const char * const names[] = {
    "line", "bar", "grouped", "stacked", "hbar", "combo", "donut", "sparkline", "kpi", "heat", "table", "yearly",
  };
  gboolean update = g_getenv ("JD_CHART_UPDATE_REFERENCES") != NULL;
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(JdChart) chart = sample_chart_named (names[n]);
      g_autofree char *file = g_strdup_printf ("%s.png", names[n]);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", file, NULL);
      gboolean small = g_str_equal (names[n], "kpi") || g_str_equal (names[n], "sparkline");
      int width = small ? 240 : 480, height = small ? 120 : 300;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_surface_t *reference;
      cairo_t *cr = cairo_create (surface);
      JdChartTheme theme;
      guint differ = 0;

      jd_chart_theme_init_light (&theme);
      g_strlcpy (theme.font_family, "Noto Sans CJK SC", sizeof theme.font_family);
      jd_chart_draw (cr, width, height, chart, &theme);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      if (update)
        {
          g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
          cairo_surface_destroy (surface);
          continue;
        }

      reference = cairo_image_surface_create_from_png (path);
      if (cairo_surface_status (reference) != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (reference);
          cairo_surface_destroy (surface);
          g_test_skip ("no reference images");
          continue;
        }
      g_assert_cmpint (cairo_image_surface_get_width (reference), ==, width);
      g_assert_cmpint (cairo_image_surface_get_height (reference), ==, height);

      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            const guint8 *a = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4;
            const guint8 *b = cairo_image_surface_get_data (reference) + y * cairo_image_surface_get_stride (reference) + x * 4;

            for (int ch = 0; ch < 4; ch++)
              if (ABS ((int) a[ch] - (int) b[ch]) > 24)
                {
                  differ++;
                  break;
                }
          }

      /* up to 1% of the pixels may differ (a glyph's edges) */
      if (differ > (guint) (width * height / 100))
        g_error ("%s: %u of %d pixels differ from %s", names[n], differ, width * height, path);

      cairo_surface_destroy (reference);
      cairo_surface_destroy (surface);
    }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* Every named chart of the dashboards, from a demo database, through the
 * library and through jiandu-cli chart */
static void
test_dashboard_charts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jd-chart-kit-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *out = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const JdDashboardChartInfo *charts;
  JdPeriod period;
  guint n;

  store = jd_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (jd_demo_generate (store, 3, 4000, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jd_period_parse ("2026-06", &period, NULL));

  charts = jd_dashboard_charts (&n);
  g_assert_cmpuint (n, >=, 8);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdChart) chart = jd_dashboard_chart_new (store, charts[i].name, &period, NULL, &error);
      g_autoptr(JdChartLayout) layout = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (chart);
      /* the catalog says what the builder makes */
      g_assert_cmpint (jd_chart_get_chart_type (chart), ==, charts[i].type);
      g_assert_nonnull (charts[i].title);
      g_assert_nonnull (jd_chart_type_to_string (charts[i].type));
      g_assert_cmpuint (charts[i].needs, !=, 0);
      g_assert_true (jd_dashboard_chart_info (charts[i].name) == &charts[i]);
      if (charts[i].type == JD_CHART_KPI)
        g_assert_true (jd_dashboard_kpi_info (charts[i].variant) == &charts[i]);
      layout = layout_of (chart, charts[i].width, charts[i].height);
      assert_texts_apart (layout, charts[i].name);
      draw_to_image (chart, charts[i].width, charts[i].height, i % 2);
      text = jd_chart_describe (chart);
      g_assert_nonnull (text);
    }

  /* the monthly chart's last bar is the period's cases decided */
  {
    g_autoptr(JdChart) chart = jd_dashboard_chart_new (store, "decided-monthly", &period, NULL, NULL);
    g_autoptr(JdMetrics) metrics = jd_metrics_compute (store, &period, NULL, NULL);

    g_assert_cmpfloat (jd_chart_get_value (chart, 0, jd_chart_get_n_points (chart) - 1), ==,
                       (double) metrics->cases.decided);
  }

  /* a KPI card: the value as drawn, the line under it, and its description */
  {
    g_autoptr(JdChart) chart = jd_dashboard_chart_new (store, "kpi-complaints", &period, NULL, NULL);
    g_autoptr(JdMetrics) metrics = jd_metrics_compute (store, &period, NULL, NULL);
    g_autofree char *value = jd_chart_format_kpi_value (chart);
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, metrics->complaints.received);
    g_autofree char *text = jd_chart_describe (chart);

    g_assert_cmpstr (value, ==, expected);
    g_assert_true (g_str_has_prefix (jd_chart_get_kpi_note (chart), "Closing rate: "));
    g_assert_nonnull (strstr (text, jd_chart_get_kpi_note (chart)));
    g_assert_cmpstr (jd_chart_get_title (chart), ==, "Complaints received");
  }

  g_assert_null (jd_dashboard_chart_new (store, "no-such-chart", &period, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&store);

  /* headless, from the command line */
  if (g_getenv ("JIANDU_CLI") != NULL)
    {
      const char *argv[] = { g_getenv ("JIANDU_CLI"), "chart", "--db", db, "--chart", "loss-rate",
                             "--period", "2026-06", "--out", out, "--size", "800x400", "--dark", NULL };
      const char *bad[] = { g_getenv ("JIANDU_CLI"), "chart", "--db", db, "--chart", "loss-rate",
                            "--period", "2026-06", "--out", out, "--size", "800by400", NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
      {
        g_autofree char *text = run_tool ("pdftotext", out);

        if (text != NULL)
          g_assert_nonnull (strstr (text, "15.0%"));
      }
      g_unlink (out);

      /* The caption under it names the period, the filter and the data's end. */
      {
        const char *filtered[] = { g_getenv ("JIANDU_CLI"), "chart", "--db", db, "--chart", "loss-rate",
                                   "--period", "2026Q2", "--level", "county", "--out", out, NULL };
        g_autofree char *text = NULL;

        g_assert_true (g_spawn_sync (NULL, (char **) filtered, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                     NULL, NULL, &status, &error));
        g_assert_no_error (error);
        g_assert_true (g_spawn_check_wait_status (status, NULL));
        text = run_tool ("pdftotext", out);
        if (text != NULL)
          {
            g_assert_nonnull (strstr (text, "Period: Q2 2026"));
            g_assert_nonnull (strstr (text, "Filter: only County"));
            g_assert_nonnull (strstr (text, "Data as of "));
          }
        g_unlink (out);
      }

      g_assert_true (g_spawn_sync (NULL, (char **) bad, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, NULL, NULL, &status, &error));
      g_assert_false (g_spawn_check_wait_status (status, NULL));

      /* --list prints the catalog: every chart, with its kind */
      {
        const char *list[] = { g_getenv ("JIANDU_CLI"), "chart", "--list", NULL };
        g_autofree char *listed = NULL;

        g_assert_true (g_spawn_sync (NULL, (char **) list, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                     &listed, NULL, &status, &error));
        g_assert_no_error (error);
        g_assert_true (g_spawn_check_wait_status (status, NULL));
        for (guint i = 0; i < n; i++)
          {
            g_autofree char *line = g_strdup_printf ("  %-22s %-11s ", charts[i].name,
                                                     jd_chart_type_to_string (charts[i].type));

            g_assert_nonnull (strstr (listed, line));
          }
      }
    }

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-kit/layout/labels-apart", test_labels_apart);
  g_test_add_func ("/chart-kit/layout/ticks-cover", test_ticks_cover);
  g_test_add_func ("/chart-kit/layout/bars-proportional", test_bars_proportional);
  g_test_add_func ("/chart-kit/layout/degenerate", test_degenerate);
  g_test_add_func ("/chart-kit/layout/tick-formats", test_tick_formats);
  g_test_add_func ("/chart-kit/table/pages", test_table_pages);
  g_test_add_func ("/chart-kit/hit", test_hit);
  g_test_add_func ("/chart-kit/step", test_step);
  g_test_add_func ("/chart-kit/describe", test_describe);
  g_test_add_func ("/chart-kit/render/surfaces", test_render_surfaces);
  g_test_add_func ("/chart-kit/render/pdf-text", test_pdf_text);
  g_test_add_func ("/chart-kit/render/reference", test_reference_images);
  g_test_add_func ("/chart-kit/dashboard-charts", test_dashboard_charts);

  return g_test_run ();
}

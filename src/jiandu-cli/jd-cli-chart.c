/* jd-cli-chart.c — jiandu-cli chart and jiandu-cli bench-charts
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "jd-chart.h"
#include "jd-cockpit-tables.h"
#include "jd-dashboard-charts.h"
#include "jd-metrics.h"

#include "jiandu-cli.h"

static gboolean
parse_size (const char *text,
            double     *width,
            double     *height)
{
  char *end = NULL;
  double w, h;

  w = g_ascii_strtod (text, &end);
  if (end == NULL || (*end != 'x' && *end != 'X'))
    return FALSE;
  h = g_ascii_strtod (end + 1, &end);
  if (end == NULL || *end != '\0' || !(w >= 16 && w <= 20000) || !(h >= 16 && h <= 20000))
    return FALSE;

  *width = w;
  *height = h;
  return TRUE;
}

/* The catalog of named charts: name, kind, what it is built from, its
 * size, and what it shows. */
static void
print_chart_list (void)
{
  const JdDashboardChartInfo *charts;
  guint n;

  charts = jd_dashboard_charts (&n);
  g_print ("%s\n", _("Charts:"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *needs = jd_chart_needs_to_string (charts[i].needs);

      g_print ("  %-22s %-11s %-28s %4.0f×%-4.0f %s\n", charts[i].name, jd_chart_type_to_string (charts[i].type),
               needs, charts[i].width, charts[i].height, _(charts[i].summary));
    }
}

int
jd_cli_chart (int    argc,
              char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *out = NULL;
  g_autofree char *size = NULL;
  g_autofree char *filter_text = NULL;
  g_autofree char *caption = NULL;
  g_auto(JdFilter) filter = { 0 };
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  const JdDashboardChartInfo *info;
  gboolean dark = FALSE, list = FALSE, describe = FALSE;
  double scale = 1, width, height;
  int page = 1;
  JdChartTheme theme;
  JdPeriod period;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &name, N_("Which chart (see --list)"), N_("NAME") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("Month (2024-07), quarter (2024Q3), year (2024) or months (2024-01..2024-09)"), "P" },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &filter.agency, N_("Only this agency (code or name)"), N_("AGENCY") },
    { "domain", 0, 0, G_OPTION_ARG_STRING, &filter.domain, N_("Only this enforcement domain (code or name)"), N_("DOMAIN") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &filter.level, N_("Only agencies of this level: city, county or township"), N_("LEVEL") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &filter.region, N_("Only agencies of this region"), N_("REGION") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write the chart to FILE (.png, .svg or .pdf)"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, N_("Size in pixels (points for SVG and PDF)"), N_("WxH") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("Pixels per unit of a PNG (2 for HiDPI)"), N_("N") },
    { "page", 0, 0, G_OPTION_ARG_INT, &page, N_("The page of a table, from 1"), N_("N") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Dark theme (PNG and SVG; a PDF is always light)"), NULL },
    { "describe", 0, 0, G_OPTION_ARG_NONE, &describe, N_("Print the chart's text description"), NULL },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the charts"), NULL },
    { NULL }
  };

  if (!jd_cli_parse_options ("chart", NULL, _("Draws one of the dashboard's charts to PNG, SVG or PDF."),
                             entries, &argc, &argv))
    return 2;

  if (list)
    {
      print_chart_list ();
      return 0;
    }

  if (name == NULL || period_text == NULL || (out == NULL && !describe))
    {
      g_printerr (_("jiandu-cli chart: --chart, --period and --out are required\n"));
      return 2;
    }

  if ((info = jd_dashboard_chart_info (name)) == NULL)
    {
      g_printerr (_("jiandu-cli chart: there is no chart called “%s”\n"), name);
      print_chart_list ();
      return 2;
    }

  width = info->width;
  height = info->height;
  if (size != NULL && !parse_size (size, &width, &height))
    {
      g_printerr (_("jiandu-cli chart: “%s” is not a size like 1280x800\n"), size);
      return 2;
    }

  if (!jd_period_parse (period_text, &period, &error))
    {
      g_printerr ("jiandu-cli chart: %s\n", error->message);
      return 2;
    }

  if ((store = jd_cli_open_store (db_path)) == NULL)
    return 1;

  chart = jd_dashboard_chart_new (store, name, &period, &filter, &error);
  if (chart == NULL)
    {
      g_printerr ("jiandu-cli chart: %s\n", error->message);
      return 1;
    }

  if (page > 1)
    jd_chart_set_page (chart, page - 1);

  if (describe)
    {
      g_autofree char *text = jd_chart_describe (chart);

      g_print ("%s\n", text);
    }

  if (out == NULL)
    return 0;

  if (dark)
    jd_chart_theme_init_dark (&theme);
  else
    jd_chart_theme_init_light (&theme);

  /* Under the chart, as the window's export writes it: what the figures are of */
  {
    g_autoptr(JdFilterChoices) choices = jd_filter_choices_load (store, NULL);
    JdTableContext context = { period, 0, NULL };
    int first_month = 0;

    filter_text = jd_filter_describe (&filter, choices);
    context.filter_text = filter_text;
    jd_store_get_month_range (store, &first_month, &context.data_end);
    caption = jd_table_context_caption (&context);
  }

  if (!jd_chart_export_captioned (chart, out, width, height, scale, &theme, caption, &error))
    {
      g_printerr ("jiandu-cli chart: %s\n", error->message);
      return 1;
    }

  return 0;
}

/* bench-charts: the render time of the two charts of the issue at 1280 × 800 */

static JdChart *
bench_line (void)
{
  JdChart *chart = jd_chart_new (JD_CHART_LINE);
  double values[60];

  jd_chart_set_title (chart, "每月作出决定的案件数");
  jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, 202101, 60);
  for (guint s = 0; s < 3; s++)
    {
      static const char * const names[] = { "本期", "上年同期", "目标" };

      for (guint i = 0; i < 60; i++)
        values[i] = round (1500 + 400 * sin ((i + 3.0 * s) * G_PI / 6) + 8.0 * i - 150.0 * s);
      jd_chart_add_series (chart, names[s], values, 60);
    }
  jd_chart_series_set_dashed (chart, 1, TRUE);

  return chart;
}

static JdChart *
bench_bars (void)
{
  JdChart *chart = jd_chart_new (JD_CHART_HBAR);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  double values[40];

  jd_chart_set_title (chart, "各执法单位作出决定的案件数");
  for (guint i = 0; i < 40; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("第%u执法单位（市场监督管理局）", i + 1));
      values[i] = round (9000 * exp (-(double) i * 0.08));
    }
  jd_chart_set_categories (chart, (const char * const *) names->pdata, 40);
  jd_chart_add_series (chart, "作出决定", values, 40);

  return chart;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
time_chart (const JdChart *chart,
            guint          runs,
            double        *best)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  JdChartTheme theme;

  jd_chart_theme_init_light (&theme);
  for (guint r = 0; r < runs + 3; r++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double ms;

      jd_chart_draw (cr, 1280, 800, chart, &theme);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
      /* the first runs warm the font caches */
      if (r >= 3)
        g_array_append_val (times, ms);
    }
  cairo_surface_destroy (surface);

  /* the median: a busy machine's outliers do not move it */
  g_array_sort (times, compare_doubles);
  *best = g_array_index (times, double, 0);
  return g_array_index (times, double, times->len / 2);
}

int
jd_cli_bench_charts (int    argc,
                     char **argv)
{
  g_autoptr(JdChart) line = bench_line ();
  g_autoptr(JdChart) bars = bench_bars ();
  int runs = 50;
  double median, best;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, N_("How many times to draw each chart"), N_("N") },
    { NULL }
  };

  if (!jd_cli_parse_options ("bench-charts", NULL,
                             _("Times the drawing of a 60-point, three-series line chart and a 40-agency bar chart at 1280×800."),
                             entries, &argc, &argv))
    return 2;
  runs = CLAMP (runs, 1, 100000);

  median = time_chart (line, runs, &best);
  g_print ("line, 60 points × 3 series, 1280×800: median %.2f ms, best %.2f ms (%d runs)\n", median, best, runs);
  median = time_chart (bars, runs, &best);
  g_print ("bars, 40 agencies, 1280×800:          median %.2f ms, best %.2f ms (%d runs)\n", median, best, runs);

  return 0;
}

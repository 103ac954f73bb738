/* jd-chart.h — charts drawn onto any cairo_t (screen, PNG, PDF, print)
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} JdRgba;

#define JD_CHART_MAX_SERIES 8

/* Colours and type of a chart.  The widget fills it from the libadwaita
 * style; PDF and print always use the light theme. */
typedef struct
{
  gboolean dark;
  JdRgba   background;     /* alpha 0: leave the surface as it is */
  JdRgba   foreground;     /* titles, values */
  JdRgba   dim;            /* axis labels */
  JdRgba   grid;
  JdRgba   series[JD_CHART_MAX_SERIES];  /* Okabe–Ito order */
  char     font_family[64];
  double   font_size;      /* points at scale 1, for axis labels */
} JdChartTheme;

void jd_chart_theme_init_light (JdChartTheme *theme);
void jd_chart_theme_init_dark  (JdChartTheme *theme);

/* A monthly time series: values[i] belongs to month jd_month_add
 * (first_month, i); NaN marks a missing point. */
typedef struct
{
  const char   *title;           /* (nullable) drawn above the plot */
  const char   *value_label;     /* (nullable) legend text of the bars */
  const char   *comparison_label;/* (nullable) legend text of the line */
  int           first_month;     /* YYYYMM */
  guint         n_points;
  const double *values;          /* drawn as bars */
  const double *comparison;      /* (nullable) the same months a year earlier, a dashed line */
} JdMonthlyChart;

void     jd_chart_draw_monthly (cairo_t               *cr,
                                double                 width,
                                double                 height,
                                const JdMonthlyChart  *chart,
                                const JdChartTheme    *theme);

/* Which point is under (x, y) in a chart drawn at width × height; -1 if none. */
int      jd_chart_monthly_hit  (double                 width,
                                double                 height,
                                const JdMonthlyChart  *chart,
                                double                 x,
                                double                 y);

/* "Cases decided per month, from … to …: highest … in …" for screen readers. */
char    *jd_chart_monthly_describe (const JdMonthlyChart *chart);

G_END_DECLS

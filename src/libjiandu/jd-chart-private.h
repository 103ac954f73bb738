/* jd-chart-private.h — the geometry of a chart, shared by drawing, hit testing and tests
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "jd-chart.h"
#include "jd-chart-axis.h"

G_BEGIN_DECLS

typedef struct
{
  JdChartRect rect;
  gboolean    visible;  /* FALSE for NaN and for zero: no bar */
} JdChartBar;

typedef struct
{
  double   x, y;
  gboolean visible;     /* FALSE for NaN */
} JdChartPoint;

typedef enum
{
  JD_CHART_LEGEND_BAR,
  JD_CHART_LEGEND_LINE,
} JdChartLegendKind;

typedef struct
{
  JdChartLegendKind kind;
  guint             series;  /* index into JdChartTheme.series */
  JdChartRect       swatch;
  JdChartText       text;
} JdChartLegendItem;

/* Everything a monthly chart places, in the units of its width × height.
 * Computed once by _jd_monthly_layout_new(); jd_chart_draw_monthly() only
 * paints it and jd_chart_monthly_hit() only reads it. */
typedef struct
{
  double             width, height;
  double             scale;       /* of text and strokes, from the size */
  double             font_px;     /* axis labels */
  double             line_width;  /* hairlines: grid, marks */

  JdChartText        title;       /* layout NULL without a title */
  guint              n_legend;
  JdChartLegendItem  legend[2];

  JdChartRect        plot;        /* the bars' area, below the top tick */
  double             baseline;    /* y of the value 0 */
  JdChartAxis        y_axis;
  double            *tick_y;      /* y_axis.n_ticks */
  JdChartText       *tick_labels; /* y_axis.n_ticks */

  guint              n_points;
  double             band;        /* width of one month */
  JdChartBar        *bars;        /* n_points */
  JdChartPoint      *comparison;  /* n_points; NULL without */
  double             marker_radius; /* 0: too crowded for markers */

  JdChartTimeAxis    x_axis;
} JdMonthlyLayout;

JdMonthlyLayout *_jd_monthly_layout_new  (PangoContext          *context,
                                          double                 width,
                                          double                 height,
                                          const JdMonthlyChart  *chart,
                                          const JdChartTheme    *theme);
JdMonthlyLayout *_jd_monthly_layout_new_for (cairo_t            *cr,
                                             double              width,
                                             double              height,
                                             const JdMonthlyChart *chart,
                                             const JdChartTheme *theme);
void             _jd_monthly_layout_free (JdMonthlyLayout       *layout);
int              _jd_monthly_layout_hit  (const JdMonthlyLayout *layout,
                                          double                 x,
                                          double                 y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdMonthlyLayout, _jd_monthly_layout_free)

G_END_DECLS

/* jd-chart-private.h — a chart's data and its geometry, shared by drawing,
 * hit testing, keyboard stepping, descriptions and tests
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "jd-chart.h"
#include "jd-chart-axis.h"

G_BEGIN_DECLS

/* A colour from 0xRRGGBB, opaque */
#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

typedef struct
{
  char           *label;
  GArray         *values;     /* double, n_points of the chart (NaN padded) */
  gboolean        dashed;
  JdChartMarkKind mark;
  gboolean        secondary;
  gboolean        has_format;
  JdChartFormat   format;
  guint           color;      /* index into JdChartTheme.series */
} JdChartSeries;

struct _JdChart
{
  gatomicrefcount  ref_count;
  JdChartType      type;
  char            *title;
  JdChartFormat    format;

  JdChartAxisKind  axis_kind;
  int              first_month;  /* YYYYMM, first month of the first period */
  guint            n_points;
  GPtrArray       *categories;   /* char *, for JD_CHART_AXIS_CATEGORY */

  GPtrArray       *series;       /* JdChartSeries */

  gboolean         has_threshold;
  double           threshold;
  char            *threshold_label;

  /* KPI */
  gboolean          has_kpi;
  double            kpi_value;
  char             *kpi_unit;
  JdChartChangeKind kpi_change_kind;
  JdChartPolarity   kpi_polarity;
  double            kpi_yoy;
  double            kpi_mom;
  char             *kpi_note;     /* a line under the value: "Closing rate: 96.1%" */

  guint            page;         /* JD_CHART_TABLE */
};

#define JD_CHART_SERIES(chart, s) ((JdChartSeries *) g_ptr_array_index ((chart)->series, (s)))
#define JD_CHART_VALUE(chart, s, i) (g_array_index (JD_CHART_SERIES (chart, s)->values, double, (i)))

typedef enum
{
  JD_CHART_LEGEND_BAR,
  JD_CHART_LEGEND_LINE,
} JdChartLegendKind;

typedef struct
{
  JdChartLegendKind kind;
  guint             series;  /* index of the chart's series */
  JdChartRect       swatch;
  JdChartText       text;
} JdChartLegendItem;

/* Whatever a chart draws for one value: a bar, a line's point, a slice, a
 * cell.  @rect is where the pointer finds it (a bar, a cell, a line
 * point's column); (x, y) the point of a line or the tip of a bar. */
typedef struct
{
  guint       series;
  guint       index;
  double      value;
  gboolean    visible;   /* FALSE for NaN, and for bars of zero */
  JdChartRect rect;
  double      x, y;
  double      angle0, angle1;  /* donut slices, radians clockwise from 12 o'clock */
} JdChartMark;

/* Text besides axes and legend: values on bars, donut labels, table
 * cells, the KPI's numbers. */
typedef enum
{
  JD_CHART_INK_FOREGROUND,
  JD_CHART_INK_DIM,
  JD_CHART_INK_GOOD,
  JD_CHART_INK_BAD,
  JD_CHART_INK_LIGHT,  /* on a dark cell */
  JD_CHART_INK_DARK,   /* on a light cell */
  JD_CHART_INK_SERIES, /* + series colour index */
} JdChartInk;

typedef struct
{
  JdChartText text;
  int         ink;
} JdChartLabel;

/* A line segment drawn in the dim ink: donut leaders, table rules */
typedef struct
{
  double x0, y0, x1, y1;
} JdChartSegment;

/* Everything a chart places, in the units of its width × height.
 * Computed once by _jd_chart_layout_new(); drawing only paints it and the
 * hit test only reads it. */
typedef struct
{
  const JdChart     *chart;
  gboolean           dark;        /* only for the ink of text on heat cells */
  double             width, height;
  double             scale;       /* of text and strokes, from the size */
  double             font_px;     /* axis labels */
  double             line_width;  /* hairlines: grid, marks */

  JdChartText        title;       /* layout NULL without a title */
  guint              n_legend;
  JdChartLegendItem  legend[JD_CHART_MAX_SERIES + 1];

  JdChartRect        plot;        /* the marks' area */
  gboolean           horizontal;  /* values run along x (HBAR) */
  double             baseline;    /* y (x if horizontal) of the value 0 */
  JdChartAxis        y_axis;      /* the value axis */
  double            *tick_y;      /* y_axis.n_ticks; x if horizontal */
  JdChartText       *tick_labels; /* y_axis.n_ticks */
  gboolean           has_y2;
  JdChartAxis        y2_axis;     /* the secondary value axis, on the right */
  double            *tick_y2;
  JdChartText       *tick_labels2;

  guint              n_points;
  double             band;        /* width (height if horizontal) of one point */
  gboolean           time_axis;   /* x_axis is used, else category_labels */
  JdChartTimeAxis    x_axis;
  GArray            *category_labels;  /* JdChartText, possibly thinned */

  guint              n_marks;
  JdChartMark       *marks;       /* series-major: marks[s * n_points + i] */
  double             marker_radius; /* 0: too crowded for markers */

  gboolean           has_threshold;
  double             threshold_y;
  JdChartText        threshold_label;

  /* Donut */
  double             cx, cy, r_outer, r_inner;

  /* Heat table: the value range of the colour ramp */
  double             heat_min, heat_max;
  JdChartRect        key;         /* the ramp's key; width 0 without */

  /* Table */
  guint              n_pages;
  guint              page;
  guint              rows_per_page;
  guint              first_row, n_rows;   /* on this page */
  JdChartRect        header;

  /* KPI: the arrows of 同比 and 环比 (up or down), and the sparkline's box */
  guint              n_arrows;
  JdChartRect        arrows[2];
  gboolean           arrow_up[2];
  int                arrow_ink[2];

  GArray            *labels;      /* JdChartLabel */
  GArray            *segments;    /* JdChartSegment */
} JdChartLayout;

JdChartLayout   *_jd_chart_layout_new     (PangoContext       *context,
                                           double              width,
                                           double              height,
                                           const JdChart      *chart,
                                           const JdChartTheme *theme);
JdChartLayout   *_jd_chart_layout_new_for (cairo_t            *cr,
                                           double              width,
                                           double              height,
                                           const JdChart      *chart,
                                           const JdChartTheme *theme);
void             _jd_chart_layout_free    (JdChartLayout      *layout);
gboolean         _jd_chart_layout_hit     (const JdChartLayout *layout,
                                           double              x,
                                           double              y,
                                           JdChartHit         *hit);
JdChartMark     *_jd_chart_layout_mark    (const JdChartLayout *layout,
                                           guint               series,
                                           guint               index);
void             _jd_chart_layout_draw    (cairo_t            *cr,
                                           const JdChartLayout *layout,
                                           const JdChartTheme *theme,
                                           const JdChartHit   *highlight);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdChartLayout, _jd_chart_layout_free)

/* Shared by the chart files */
JdChartFormat    _jd_chart_series_format  (const JdChart      *chart,
                                           guint               series);
JdChartMarkKind  _jd_chart_series_mark    (const JdChart      *chart,
                                           guint               series);
char            *_jd_chart_format_compact (JdChartFormat       format,
                                           double              value);
char            *_jd_chart_format_tick    (JdChartFormat       format,
                                           const JdChartAxis  *axis,
                                           guint               i);
void             _jd_chart_add_label      (JdChartLayout      *layout,
                                           PangoContext       *context,
                                           const PangoFontDescription *font,
                                           const char         *string,
                                           int                 ink,
                                           double              x,
                                           double              y);
JdChartLabel    *_jd_chart_last_label     (JdChartLayout      *layout);
void             _jd_chart_add_segment    (JdChartLayout      *layout,
                                           double              x0,
                                           double              y0,
                                           double              x1,
                                           double              y1);
double           _jd_chart_layout_header  (JdChartLayout      *layout,
                                           PangoContext       *context,
                                           const PangoFontDescription *font,
                                           const PangoFontDescription *title_font,
                                           gboolean            with_legend,
                                           double              pad);

/* The parts of the layout for each family of types */
void _jd_chart_layout_cartesian (JdChartLayout *layout, PangoContext *context,
                                 const PangoFontDescription *font, double top, double pad);
void _jd_chart_layout_donut     (JdChartLayout *layout, PangoContext *context,
                                 const PangoFontDescription *font, double top, double pad);
void _jd_chart_layout_kpi       (JdChartLayout *layout, PangoContext *context,
                                 const JdChartTheme *theme, double top, double pad);
void _jd_chart_layout_heat      (JdChartLayout *layout, PangoContext *context,
                                 const PangoFontDescription *font, double top, double pad);
void _jd_chart_layout_table     (JdChartLayout *layout, PangoContext *context,
                                 const PangoFontDescription *font, double top, double pad);

void _jd_chart_draw_cartesian   (cairo_t *cr, const JdChartLayout *layout,
                                 const JdChartTheme *theme, const JdChartHit *highlight);
void _jd_chart_draw_donut       (cairo_t *cr, const JdChartLayout *layout,
                                 const JdChartTheme *theme, const JdChartHit *highlight);
void _jd_chart_draw_kpi         (cairo_t *cr, const JdChartLayout *layout,
                                 const JdChartTheme *theme, const JdChartHit *highlight);
void _jd_chart_draw_heat        (cairo_t *cr, const JdChartLayout *layout,
                                 const JdChartTheme *theme, const JdChartHit *highlight);
void _jd_chart_draw_table       (cairo_t *cr, const JdChartLayout *layout,
                                 const JdChartTheme *theme, const JdChartHit *highlight);

/* Painting helpers */
void _jd_chart_hline            (cairo_t *cr, double x0, double x1, double y,
                                 double line_width, const JdRgba *color);
void _jd_chart_vline            (cairo_t *cr, double x, double y0, double y1,
                                 double line_width, const JdRgba *color);
void _jd_chart_bar_path         (cairo_t *cr, const JdChartRect *r, int direction, double radius);
void _jd_chart_fill_series      (cairo_t *cr, const JdChartTheme *theme, guint color,
                                 guint pattern, double scale);
void _jd_chart_marker           (cairo_t *cr, guint shape, double x, double y, double radius,
                                 double outline, const JdRgba *fill, const JdRgba *halo);
void _jd_chart_marker_path      (cairo_t *cr, guint shape, double x, double y, double radius);
void _jd_chart_paint_markers    (cairo_t *cr, double outline, const JdRgba *fill, const JdRgba *halo);
void _jd_chart_markers          (cairo_t *cr, const JdChartMark *marks, guint n_marks, guint shape,
                                 double radius, double outline, const JdRgba *fill, const JdRgba *halo);
void _jd_chart_set_dash         (cairo_t *cr, guint pattern, double scale);
void _jd_chart_draw_time_axis  (cairo_t *cr, const JdChartLayout *layout,
                                 const JdChartTheme *theme);
void _jd_chart_draw_labels      (cairo_t *cr, const JdChartLayout *layout,
                                 const JdChartTheme *theme);
void _jd_chart_draw_legend      (cairo_t *cr, const JdChartLayout *layout,
                                 const JdChartTheme *theme, const JdRgba *halo);
JdRgba _jd_chart_halo           (const JdChartTheme *theme);
JdRgba _jd_chart_heat_color     (const JdChartTheme *theme, double t);
const JdRgba *_jd_chart_series_color (const JdChartTheme *theme, const JdChart *chart,
                                      guint series);

G_END_DECLS

/* jd-chart.h — charts drawn onto any cairo_t (screen, PNG, SVG, PDF, print)
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

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
  JdRgba   good;           /* a change for the better (KPI arrows) */
  JdRgba   bad;            /* a change for the worse; the threshold line */
  JdRgba   highlight;      /* the hovered or focused mark's outline */
  char     font_family[64];
  double   font_size;      /* points at scale 1, for axis labels */
} JdChartTheme;

void jd_chart_theme_init_light (JdChartTheme *theme);
void jd_chart_theme_init_dark  (JdChartTheme *theme);

/* The chart kit.  A #JdChart describes what to draw (a type, labelled
 * series of values, a category or time axis, how values are written);
 * jd_chart_draw() lays it out for a size and paints it, and
 * jd_chart_hit(), jd_chart_step() and jd_chart_describe() answer from
 * the very same layout. */

typedef enum
{
  JD_CHART_BAR,            /* vertical bars, grouped side by side; line series drawn over them */
  JD_CHART_BAR_STACKED,    /* vertical bars, series stacked */
  JD_CHART_HBAR,           /* horizontal bars, one row a category (rankings) */
  JD_CHART_HBAR_STACKED,
  JD_CHART_LINE,           /* lines with markers */
  JD_CHART_DONUT,          /* the first series, one slice a category */
  JD_CHART_SPARKLINE,      /* the first series, no axes */
  JD_CHART_KPI,            /* one value, its unit, 同比 and 环比 */
  JD_CHART_HEAT_TABLE,     /* one row a series, one column a category or period */
  JD_CHART_TABLE,          /* one row a category, one column a series; paginated */
} JdChartType;

/* How values are written, on axes, labels, tooltips and tables. */
typedef enum
{
  JD_CHART_FORMAT_COUNT,    /* 12,345 ; 1.2万 on axes */
  JD_CHART_FORMAT_YUAN,     /* values in yuan: 1,234元 ; 12.5万元 ; 1.2亿元 */
  JD_CHART_FORMAT_PERCENT,  /* fractions: 0.153 is 15.3% */
  JD_CHART_FORMAT_DECIMAL,  /* 12.34 */
} JdChartFormat;

/* The axis along which the values run. */
typedef enum
{
  JD_CHART_AXIS_CATEGORY,   /* jd_chart_set_categories() */
  JD_CHART_AXIS_MONTH,      /* one point a month from first_month */
  JD_CHART_AXIS_QUARTER,    /* one point a quarter from the quarter of first_month */
  JD_CHART_AXIS_YEAR,       /* one point a year from the year of first_month */
} JdChartAxisKind;

typedef enum
{
  JD_CHART_MARK_AUTO,       /* what the chart type draws */
  JD_CHART_MARK_BAR,
  JD_CHART_MARK_LINE,
} JdChartMarkKind;

typedef enum
{
  JD_CHART_POLARITY_NEUTRAL,
  JD_CHART_POLARITY_UP_IS_GOOD,
  JD_CHART_POLARITY_UP_IS_BAD,
} JdChartPolarity;

typedef enum
{
  JD_CHART_CHANGE_RELATIVE, /* +12.5% */
  JD_CHART_CHANGE_POINTS,   /* +1.2个百分点, for rates */
} JdChartChangeKind;

typedef struct _JdChart JdChart;

/* Where a point of the chart is: which series, which category or period,
 * and its value (NaN for none). */
typedef struct
{
  int    series;
  int    index;
  double value;
} JdChartHit;

#define JD_TYPE_CHART (jd_chart_get_type ())

GType       jd_chart_get_type         (void) G_GNUC_CONST;
JdChart    *jd_chart_new              (JdChartType       type);
JdChart    *jd_chart_ref              (JdChart          *chart);
void        jd_chart_unref            (JdChart          *chart);

JdChartType jd_chart_get_chart_type   (const JdChart    *chart);
void        jd_chart_set_title        (JdChart          *chart,
                                       const char       *title);
const char *jd_chart_get_title        (const JdChart    *chart);
void        jd_chart_set_format       (JdChart          *chart,
                                       JdChartFormat     format);
void        jd_chart_set_categories   (JdChart          *chart,
                                       const char * const *labels,
                                       guint             n_labels);
void        jd_chart_set_time_axis    (JdChart          *chart,
                                       JdChartAxisKind   kind,
                                       int               first_month,
                                       guint             n_points);
guint       jd_chart_get_n_points     (const JdChart    *chart);
char       *jd_chart_get_point_label  (const JdChart    *chart,
                                       guint             index);

/* Returns the new series' index.  @values has one value a point (NaN:
 * none); the chart copies them. */
guint       jd_chart_add_series       (JdChart          *chart,
                                       const char       *label,
                                       const double     *values,
                                       guint             n_values);
guint       jd_chart_get_n_series     (const JdChart    *chart);
const char *jd_chart_get_series_label (const JdChart    *chart,
                                       guint             series);
double      jd_chart_get_value        (const JdChart    *chart,
                                       guint             series,
                                       guint             index);
void        jd_chart_series_set_dashed    (JdChart      *chart,
                                           guint         series,
                                           gboolean      dashed);
void        jd_chart_series_set_mark      (JdChart      *chart,
                                           guint         series,
                                           JdChartMarkKind mark);
void        jd_chart_series_set_secondary (JdChart      *chart,
                                           guint         series,
                                           gboolean      secondary);
void        jd_chart_series_set_format    (JdChart      *chart,
                                           guint         series,
                                           JdChartFormat format);
void        jd_chart_series_set_color     (JdChart      *chart,
                                           guint         series,
                                           guint         palette_index);

void        jd_chart_set_threshold    (JdChart          *chart,
                                       double            value,
                                       const char       *label);
double      jd_chart_get_threshold    (const JdChart    *chart);
void        jd_chart_set_kpi          (JdChart          *chart,
                                       double            value,
                                       const char       *unit,
                                       JdChartChangeKind change_kind,
                                       JdChartPolarity   polarity,
                                       double            year_on_year,
                                       double            period_on_period);
void        jd_chart_set_kpi_note     (JdChart          *chart,
                                       const char       *note);
const char *jd_chart_get_kpi_note     (const JdChart    *chart);
char       *jd_chart_format_kpi_value (const JdChart    *chart);
void        jd_chart_set_page         (JdChart          *chart,
                                       guint             page);
guint       jd_chart_get_n_pages      (const JdChart    *chart,
                                       double            width,
                                       double            height);

/* Drawing, from (0, 0) to (@width, @height) in user units of @cr. */
void        jd_chart_draw             (cairo_t          *cr,
                                       double            width,
                                       double            height,
                                       const JdChart    *chart,
                                       const JdChartTheme *theme);
void        jd_chart_draw_highlighted (cairo_t          *cr,
                                       double            width,
                                       double            height,
                                       const JdChart    *chart,
                                       const JdChartTheme *theme,
                                       const JdChartHit *highlight);

/* Interaction, in the geometry jd_chart_draw() draws. */
gboolean    jd_chart_hit              (const JdChart    *chart,
                                       double            width,
                                       double            height,
                                       double            x,
                                       double            y,
                                       JdChartHit       *hit);
gboolean    jd_chart_step             (const JdChart    *chart,
                                       JdChartHit       *hit,
                                       int               d_index,
                                       int               d_series);
char       *jd_chart_format_value     (const JdChart    *chart,
                                       guint             series,
                                       double            value);
char       *jd_chart_describe_point   (const JdChart    *chart,
                                       const JdChartHit *hit);
char       *jd_chart_describe         (const JdChart    *chart);

/* Export: PNG, SVG or PDF by the file name's extension; PDF and SVG are
 * in points.  @scale multiplies the pixels of a PNG (2 for HiDPI). */
gboolean    jd_chart_export           (const JdChart    *chart,
                                       const char       *path,
                                       double            width,
                                       double            height,
                                       double            scale,
                                       const JdChartTheme *theme,
                                       GError          **error);
gboolean    jd_chart_export_captioned (const JdChart    *chart,
                                       const char       *path,
                                       double            width,
                                       double            height,
                                       double            scale,
                                       const JdChartTheme *theme,
                                       const char       *caption,
                                       GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdChart, jd_chart_unref)

/* The dashboard's monthly chart: bars, with the same months a year
 * earlier as a dashed line.  A #JdChart of type %JD_CHART_BAR. */
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

JdChart *jd_chart_new_monthly      (const JdMonthlyChart  *chart);
void     jd_chart_draw_monthly     (cairo_t               *cr,
                                    double                 width,
                                    double                 height,
                                    const JdMonthlyChart  *chart,
                                    const JdChartTheme    *theme);
/* Which point is under (x, y) in a chart drawn at width × height; -1 if none. */
int      jd_chart_monthly_hit      (double                 width,
                                    double                 height,
                                    const JdMonthlyChart  *chart,
                                    double                 x,
                                    double                 y);
/* "Cases decided per month, from … to …: highest … in …" for screen readers. */
char    *jd_chart_monthly_describe (const JdMonthlyChart *chart);

G_END_DECLS

/* jd-chart.c — the chart kit: data, themes and value formats
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A chart is drawn in two steps.  _jd_chart_layout_new() places every
 * bar, point, slice, cell, tick and label in the chart's own width ×
 * height, measuring text with Pango; drawing then only paints that
 * layout, and the hit test, keyboard stepping and tests only read it, so
 * what is under the pointer is what was drawn.  Text is measured the same
 * way whatever the surface (see _jd_chart_context_new()), so the hit test,
 * which has no cairo_t, lays out the same chart.
 *
 * Sizes follow the chart: text, padding and strokes grow with the square
 * root of its area against an 800 × 400 reference, between 0.85 and 1.75
 * times the theme's font size, so a card on the dashboard and a 1920 ×
 * 1080 slide are both legible.
 *
 * The steps live in their own files: jd-chart-layout.c places, jd-chart-paint.c
 * paints and answers hit tests, jd-chart-export.c writes files and
 * jd-chart-describe.c puts a chart into words.  The families of chart
 * types live in theirs: jd-chart-bar.c
 * (bars, lines, sparklines: everything on a value axis), jd-chart-donut.c,
 * jd-chart-kpi.c and jd-chart-table.c (the heat table and the data table).
 */

#define G_LOG_DOMAIN "jd-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "jd-chart.h"
#include "jd-chart-private.h"
#include "jd-format.h"
#include "jd-format-private.h"
#include "jd-period.h"

/* Okabe & Ito (2008), in the order the charts use them: the bars' blue
 * and the comparison's vermillion first, as the two most distinct. */
static const JdRgba okabe_ito[JD_CHART_MAX_SERIES] = {
  RGB (0x0072b2),  /* blue */
  RGB (0xd55e00),  /* vermillion */
  RGB (0x009e73),  /* bluish green */
  RGB (0xcc79a7),  /* reddish purple */
  RGB (0xe69f00),  /* orange */
  RGB (0x56b4e9),  /* sky blue */
  RGB (0xf0e442),  /* yellow */
  RGB (0x000000),  /* black */
};

/* Pinned first, so a chart looks the same on every machine that has the
 * font the README installs; the others are fallbacks. */
#define FONT_FAMILY "Noto Sans CJK SC, Cantarell, sans-serif"

static void
theme_init_common (JdChartTheme *theme)
{
  memset (theme, 0, sizeof *theme);
  g_strlcpy (theme->font_family, FONT_FAMILY, sizeof theme->font_family);
  theme->font_size = 9.0;
}

/**
 * jd_chart_theme_init_light:
 *
 * libadwaita's light view: a white background, the dark foreground, and
 * the Okabe–Ito colours as published.  PDF and print always use this.
 */
void
jd_chart_theme_init_light (JdChartTheme *theme)
{
  g_return_if_fail (theme != NULL);

  theme_init_common (theme);
  theme->dark = FALSE;
  theme->background = (JdRgba) RGB (0xffffff);
  theme->foreground = (JdRgba) RGB (0x2e3436);
  theme->dim = (JdRgba) RGB (0x5e5c64);
  theme->grid = (JdRgba) { 0, 0, 0, 0.10 };
  memcpy (theme->series, okabe_ito, sizeof theme->series);
  /* Okabe–Ito's bluish green and vermillion: told apart by red–green
   * blind readers too, and the arrows' direction says it again */
  theme->good = (JdRgba) RGB (0x007d5c);
  theme->bad = (JdRgba) RGB (0xd55e00);
  theme->highlight = (JdRgba) RGB (0x1c71d8);
}

/**
 * jd_chart_theme_init_dark:
 *
 * libadwaita's dark view (#1e1e1e, white text); the series colours are
 * mixed a fifth of the way to white, so the blue and the vermillion keep
 * their contrast on the dark background, and black becomes a light grey.
 */
void
jd_chart_theme_init_dark (JdChartTheme *theme)
{
  g_return_if_fail (theme != NULL);

  theme_init_common (theme);
  theme->dark = TRUE;
  theme->background = (JdRgba) RGB (0x1e1e1e);
  theme->foreground = (JdRgba) RGB (0xffffff);
  theme->dim = (JdRgba) RGB (0xc0bfbc);
  theme->grid = (JdRgba) { 1, 1, 1, 0.12 };

  for (guint i = 0; i < JD_CHART_MAX_SERIES; i++)
    {
      const JdRgba *c = &okabe_ito[i];

      theme->series[i] = (JdRgba) { c->red * 0.8 + 0.2, c->green * 0.8 + 0.2, c->blue * 0.8 + 0.2, 1.0 };
    }
  theme->series[7] = (JdRgba) RGB (0xc0bfbc);
  theme->good = (JdRgba) RGB (0x33c49b);
  theme->bad = (JdRgba) RGB (0xff7b39);
  theme->highlight = (JdRgba) RGB (0x78aeed);
}

/* The data */

static void
series_free (gpointer data)
{
  JdChartSeries *series = data;

  g_free (series->label);
  g_array_unref (series->values);
  g_free (series);
}

G_DEFINE_BOXED_TYPE (JdChart, jd_chart, jd_chart_ref, jd_chart_unref)

/**
 * jd_chart_new:
 *
 * Returns: (transfer full): an empty chart of @type, counting values,
 *   with no axis yet
 */
JdChart *
jd_chart_new (JdChartType type)
{
  JdChart *self = g_new0 (JdChart, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->type = type;
  self->format = JD_CHART_FORMAT_COUNT;
  self->axis_kind = JD_CHART_AXIS_CATEGORY;
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->kpi_value = NAN;
  self->kpi_yoy = NAN;
  self->kpi_mom = NAN;

  return self;
}

JdChart *
jd_chart_ref (JdChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
jd_chart_unref (JdChart *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->title);
  g_free (self->threshold_label);
  g_free (self->kpi_unit);
  g_free (self->kpi_note);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);
  g_free (self);
}

JdChartType
jd_chart_get_chart_type (const JdChart *self)
{
  return self->type;
}

void
jd_chart_set_title (JdChart    *self,
                    const char *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = g_strdup (title);
}

const char *
jd_chart_get_title (const JdChart *self)
{
  return self->title;
}

void
jd_chart_set_format (JdChart       *self,
                     JdChartFormat  format)
{
  g_return_if_fail (self != NULL);

  self->format = format;
}

/* Every series has exactly n_points values */
static void
resize_series (JdChart *self)
{
  for (guint s = 0; s < self->series->len; s++)
    {
      GArray *values = JD_CHART_SERIES (self, s)->values;

      while (values->len < self->n_points)
        {
          double nan = NAN;

          g_array_append_val (values, nan);
        }
      g_array_set_size (values, self->n_points);
    }
}

/**
 * jd_chart_set_categories:
 *
 * Names the points of the chart: bars of a bar chart, slices of a donut,
 * rows of a table, columns of a heat table.  The chart copies them.
 */
void
jd_chart_set_categories (JdChart            *self,
                         const char * const *labels,
                         guint               n_labels)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (labels != NULL || n_labels == 0);

  g_ptr_array_set_size (self->categories, 0);
  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (self->categories, g_strdup (labels[i] ? labels[i] : ""));
  self->axis_kind = JD_CHART_AXIS_CATEGORY;
  self->n_points = n_labels;
  resize_series (self);
}

/**
 * jd_chart_set_time_axis:
 * @first_month: YYYYMM; for quarters and years, any month of the first one
 *
 * Makes the points consecutive months, quarters or years.
 */
void
jd_chart_set_time_axis (JdChart         *self,
                        JdChartAxisKind  kind,
                        int              first_month,
                        guint            n_points)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kind != JD_CHART_AXIS_CATEGORY);

  if (kind == JD_CHART_AXIS_QUARTER)
    first_month = first_month / 100 * 100 + ((first_month % 100 - 1) / 3) * 3 + 1;
  else if (kind == JD_CHART_AXIS_YEAR)
    first_month = first_month / 100 * 100 + 1;

  g_ptr_array_set_size (self->categories, 0);
  self->axis_kind = kind;
  self->first_month = first_month;
  self->n_points = n_points;
  resize_series (self);
}

guint
jd_chart_get_n_points (const JdChart *self)
{
  return self->n_points;
}

static JdPeriodKind
period_kind (JdChartAxisKind kind)
{
  return kind == JD_CHART_AXIS_QUARTER ? JD_PERIOD_QUARTER
       : kind == JD_CHART_AXIS_YEAR ? JD_PERIOD_YEAR
       : JD_PERIOD_MONTH;
}

/**
 * jd_chart_get_point_label:
 *
 * Returns: the full name of a point: its category ("市场监督管理局"), or
 *   its period as a reader writes it ("2024年7月", "2024年第三季度")
 */
char *
jd_chart_get_point_label (const JdChart *self,
                          guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->axis_kind == JD_CHART_AXIS_CATEGORY)
    return g_strdup (index < self->categories->len ? g_ptr_array_index (self->categories, index) : "");
  else
    {
      int per = self->axis_kind == JD_CHART_AXIS_QUARTER ? 3 : self->axis_kind == JD_CHART_AXIS_YEAR ? 12 : 1;
      JdPeriod period = jd_period_containing (period_kind (self->axis_kind),
                                              jd_month_add (self->first_month, index * per));

      return jd_period_format (&period);
    }
}

guint
jd_chart_add_series (JdChart      *self,
                     const char   *label,
                     const double *values,
                     guint         n_values)
{
  JdChartSeries *series;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  series = g_new0 (JdChartSeries, 1);
  series->label = g_strdup (label);
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (double), self->n_points);
  g_array_append_vals (series->values, values, MIN (n_values, self->n_points));
  series->color = self->series->len % JD_CHART_MAX_SERIES;
  g_ptr_array_add (self->series, series);
  resize_series (self);

  return self->series->len - 1;
}

guint
jd_chart_get_n_series (const JdChart *self)
{
  return self->series->len;
}

const char *
jd_chart_get_series_label (const JdChart *self,
                           guint          series)
{
  g_return_val_if_fail (series < self->series->len, NULL);

  return JD_CHART_SERIES (self, series)->label;
}

double
jd_chart_get_value (const JdChart *self,
                    guint          series,
                    guint          index)
{
  if (series >= self->series->len || index >= self->n_points)
    return NAN;

  return JD_CHART_VALUE (self, series, index);
}

/* The comparison with a year earlier: a dashed line */
void
jd_chart_series_set_dashed (JdChart  *self,
                            guint     series,
                            gboolean  dashed)
{
  g_return_if_fail (series < self->series->len);

  JD_CHART_SERIES (self, series)->dashed = dashed;
}

/* A line over bars, or bars under lines */
void
jd_chart_series_set_mark (JdChart         *self,
                          guint            series,
                          JdChartMarkKind  mark)
{
  g_return_if_fail (series < self->series->len);

  JD_CHART_SERIES (self, series)->mark = mark;
}

/* Measured on a second value axis, on the right (e.g. a rate over counts) */
void
jd_chart_series_set_secondary (JdChart  *self,
                               guint     series,
                               gboolean  secondary)
{
  g_return_if_fail (series < self->series->len);

  JD_CHART_SERIES (self, series)->secondary = secondary;
}

void
jd_chart_series_set_format (JdChart       *self,
                            guint          series,
                            JdChartFormat  format)
{
  g_return_if_fail (series < self->series->len);

  JD_CHART_SERIES (self, series)->has_format = TRUE;
  JD_CHART_SERIES (self, series)->format = format;
}

void
jd_chart_series_set_color (JdChart *self,
                           guint    series,
                           guint    palette_index)
{
  g_return_if_fail (series < self->series->len);

  JD_CHART_SERIES (self, series)->color = palette_index % JD_CHART_MAX_SERIES;
}

/**
 * jd_chart_set_threshold:
 * @label: (nullable): e.g. "控制线" (the value is added to it)
 *
 * A horizontal line at @value across a bar or line chart, such as the
 * control line of the loss rate.  NaN removes it.
 */
void
jd_chart_set_threshold (JdChart    *self,
                        double      value,
                        const char *label)
{
  g_return_if_fail (self != NULL);

  self->has_threshold = isfinite (value);
  self->threshold = value;
  g_free (self->threshold_label);
  self->threshold_label = g_strdup (label);
}

/* Returns: the threshold line's value, or NaN for none */
double
jd_chart_get_threshold (const JdChart *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->has_threshold ? self->threshold : NAN;
}

/**
 * jd_chart_set_kpi:
 * @unit: (nullable): written after the value, e.g. "件"
 * @year_on_year: the change against a year earlier (同比): a fraction for
 *   %JD_CHART_CHANGE_RELATIVE, a difference of rates for
 *   %JD_CHART_CHANGE_POINTS; NaN for none
 * @period_on_period: the same against the period before (环比)
 *
 * The figures of a KPI card; the value is written in the chart's format.
 * A first series, if any, is drawn under them as a sparkline.
 */
void
jd_chart_set_kpi (JdChart           *self,
                  double             value,
                  const char        *unit,
                  JdChartChangeKind  change_kind,
                  JdChartPolarity    polarity,
                  double             year_on_year,
                  double             period_on_period)
{
  g_return_if_fail (self != NULL);

  self->has_kpi = TRUE;
  self->kpi_value = value;
  g_free (self->kpi_unit);
  self->kpi_unit = g_strdup (unit);
  self->kpi_change_kind = change_kind;
  self->kpi_polarity = polarity;
  self->kpi_yoy = year_on_year;
  self->kpi_mom = period_on_period;
}

/* Which page of a %JD_CHART_TABLE to draw, from 0 */
void
jd_chart_set_page (JdChart *self,
                   guint    page)
{
  g_return_if_fail (self != NULL);

  self->page = page;
}

/**
 * jd_chart_get_n_pages:
 *
 * Returns: how many pages a %JD_CHART_TABLE takes at @width × @height,
 *   each with the header row repeated; 1 for the other types
 */
guint
jd_chart_get_n_pages (const JdChart *self,
                      double         width,
                      double         height)
{
  g_autoptr(JdChartLayout) layout = NULL;
  JdChartTheme theme;

  g_return_val_if_fail (self != NULL, 1);

  if (self->type != JD_CHART_TABLE)
    return 1;

  jd_chart_theme_init_light (&theme);
  layout = _jd_chart_layout_new_for (NULL, width, height, self, &theme);
  return MAX (layout->n_pages, 1);
}

JdChartFormat
_jd_chart_series_format (const JdChart *self,
                         guint          series)
{
  if (series < self->series->len && JD_CHART_SERIES (self, series)->has_format)
    return JD_CHART_SERIES (self, series)->format;

  return self->format;
}

JdChartMarkKind
_jd_chart_series_mark (const JdChart *self,
                       guint          series)
{
  JdChartMarkKind mark = JD_CHART_SERIES (self, series)->mark;

  if (mark != JD_CHART_MARK_AUTO)
    return mark;

  switch (self->type)
    {
    case JD_CHART_LINE:
    case JD_CHART_SPARKLINE:
    case JD_CHART_KPI:
      return JD_CHART_MARK_LINE;
    default:
      return JD_CHART_MARK_BAR;
    }
}

/* Formatting */

static char *
format_with_style (JdChartFormat format,
                   double        value,
                   gboolean      compact)
{
  if (!isfinite (value))
    return g_strdup ("—");

  switch (format)
    {
    case JD_CHART_FORMAT_PERCENT:
      return jd_format_rate (value);
    case JD_CHART_FORMAT_YUAN:
      return compact ? jd_format_yuan ((gint64) llround (value * 100))
                     : jd_format_yuan_exact ((gint64) llround (value * 100));
    case JD_CHART_FORMAT_DECIMAL:
      return _jd_format_decimal (value, 2, TRUE);
    case JD_CHART_FORMAT_COUNT:
    default:
      if (value == floor (value) && fabs (value) < 1e15)
        return compact ? jd_format_compact (value) : jd_format_count ((gint64) value);
      return _jd_format_decimal (value, 1, TRUE);
    }
}

/**
 * jd_chart_format_value:
 *
 * Returns: @value as the chart writes it for @series: "12,345",
 *   "1,234.50元" / "12.3万元", "15.3%"
 */
char *
jd_chart_format_value (const JdChart *self,
                       guint          series,
                       double         value)
{
  JdChartFormat format = _jd_chart_series_format (self, series);

  /* Money in a tooltip or table reads better compact above 10,000 元 */
  return format_with_style (format, value, format == JD_CHART_FORMAT_YUAN);
}

/* A compact value, for labels on the marks */
char *
_jd_chart_format_compact (JdChartFormat format,
                double        value)
{
  return format_with_style (format, value, TRUE);
}

/* A tick label: as many places as the step needs, in the value's unit:
 * "1.5万", "50万元", "12.5%" */
char *
_jd_chart_format_tick (JdChartFormat      format,
                       const JdChartAxis *axis,
                       guint              i)
{
  double tick = _jd_chart_axis_tick (axis, i);
  JdNumberStyle style = _jd_number_style_current ();

  switch (format)
    {
    case JD_CHART_FORMAT_PERCENT:
      {
        g_autofree char *number = _jd_format_decimal (tick * 100, MAX (axis->decimals - 2, 0), FALSE);

        return g_strconcat (number, "%", NULL);
      }
    case JD_CHART_FORMAT_YUAN:
      {
        g_autofree char *number = _jd_format_compact_full (style, tick, axis->decimals + 12);

        if (style == JD_NUMBER_STYLE_WESTERN)
          return g_strconcat (number[0] == '\342' ? "−¥" : "¥",
                              number[0] == '\342' ? number + 3 : number, NULL);
        return g_strconcat (number, "元", NULL);
      }
    case JD_CHART_FORMAT_COUNT:
    case JD_CHART_FORMAT_DECIMAL:
    default:
      return _jd_chart_axis_label (axis, i);
    }
}

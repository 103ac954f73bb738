/* jd-chart.c — the chart kit: data, themes, layout, interaction, export
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
 * The families of chart types live in their own files: jd-chart-bar.c
 * (bars, lines, sparklines: everything on a value axis), jd-chart-donut.c,
 * jd-chart-kpi.c and jd-chart-table.c (the heat table and the data table).
 */

#define G_LOG_DOMAIN "jd-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "jd-chart.h"
#include "jd-chart-private.h"
#include "jd-format.h"
#include "jd-format-private.h"
#include "jd-period.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

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

/* Layout */

void
_jd_chart_add_label (JdChartLayout              *self,
                     PangoContext               *context,
                     const PangoFontDescription *font,
                     const char                 *string,
                     int                         ink,
                     double                      x,
                     double                      y)
{
  JdChartLabel label = { { 0 }, ink };

  _jd_chart_text_init (&label.text, context, font, string);
  _jd_chart_text_move (&label.text, x, y);
  g_array_append_val (self->labels, label);
}

JdChartLabel *
_jd_chart_last_label (JdChartLayout *self)
{
  g_assert (self->labels->len > 0);

  return &g_array_index (self->labels, JdChartLabel, self->labels->len - 1);
}

void
_jd_chart_add_segment (JdChartLayout *self,
                       double         x0,
                       double         y0,
                       double         x1,
                       double         y1)
{
  JdChartSegment segment = { x0, y0, x1, y1 };

  g_array_append_val (self->segments, segment);
}

static gboolean
has_legend (const JdChart *chart)
{
  switch (chart->type)
    {
    case JD_CHART_BAR:
    case JD_CHART_BAR_STACKED:
    case JD_CHART_LINE:
      break;
    case JD_CHART_HBAR:
    case JD_CHART_HBAR_STACKED:
      if (chart->series->len < 2)
        return FALSE;
      break;
    default:
      return FALSE;
    }

  if (chart->series->len >= 2)
    return TRUE;

  return chart->series->len == 1 && JD_CHART_SERIES (chart, 0)->label != NULL;
}

/* The legend's items, measured; returns the width of one row of them. */
static double
legend_init (JdChartLayout              *self,
             PangoContext               *context,
             const PangoFontDescription *font)
{
  const JdChart *chart = self->chart;
  double width = 0;

  for (guint s = 0; s < chart->series->len && self->n_legend < G_N_ELEMENTS (self->legend); s++)
    {
      JdChartLegendItem *item = &self->legend[self->n_legend++];
      const char *label = JD_CHART_SERIES (chart, s)->label;

      item->kind = _jd_chart_series_mark (chart, s) == JD_CHART_MARK_LINE
                   ? JD_CHART_LEGEND_LINE : JD_CHART_LEGEND_BAR;
      item->series = s;
      _jd_chart_text_init (&item->text, context, font, label ? label : "");
      item->swatch.width = self->font_px * (item->kind == JD_CHART_LEGEND_BAR ? 0.75 : 1.8);
      item->swatch.height = self->font_px * 0.75;
      width += item->swatch.width + self->font_px * 0.4 + item->text.rect.width;
      if (s > 0)
        width += self->font_px * 1.2;
    }

  return width;
}

static double
item_width (const JdChartLayout     *self,
            const JdChartLegendItem *item)
{
  return item->swatch.width + self->font_px * 0.4 + item->text.rect.width;
}

/* Right-aligns legend items [first, last) to @right, the row at @y. */
static void
legend_place_row (JdChartLayout *self,
                  guint          first,
                  guint          last,
                  double         right,
                  double         y,
                  double         row_height)
{
  double x = right;

  for (guint i = last; i-- > first;)
    {
      JdChartLegendItem *item = &self->legend[i];
      double text_y = y + (row_height - item->text.rect.height) / 2;

      x -= item->text.rect.width;
      _jd_chart_text_move (&item->text, x, text_y);
      x -= self->font_px * 0.4 + item->swatch.width;
      item->swatch.x = x;
      item->swatch.y = text_y + (item->text.rect.height - item->swatch.height) / 2;
      x -= self->font_px * 1.2;
    }
}

static double
legend_height (const JdChartLayout *self)
{
  double height = 0;

  for (guint i = 0; i < self->n_legend; i++)
    height = MAX (height, self->legend[i].text.rect.height);

  return height;
}

/* Wraps the legend into rows of at most @available, right-aligned to
 * @right; returns the y below it. */
static double
legend_place (JdChartLayout *self,
              double         right,
              double         y,
              double         available)
{
  double row = legend_height (self);
  guint first = 0;

  while (first < self->n_legend)
    {
      double width = item_width (self, &self->legend[first]);
      guint last = first + 1;

      if (width > available)
        {
          /* too narrow even for one item: its text is shortened */
          JdChartLegendItem *item = &self->legend[first];

          _jd_chart_text_limit_width (&item->text, MAX (available - (width - item->text.rect.width), 0));
        }

      while (last < self->n_legend &&
             width + self->font_px * 1.2 + item_width (self, &self->legend[last]) <= available)
        width += self->font_px * 1.2 + item_width (self, &self->legend[last++]);

      legend_place_row (self, first, last, right, y, row);
      y += row;
      first = last;
    }

  return y;
}

/* Title and legend, on one row when they fit side by side; returns the
 * y below them. */
double
_jd_chart_layout_header (JdChartLayout              *self,
                         PangoContext               *context,
                         const PangoFontDescription *font,
                         const PangoFontDescription *title_font,
                         gboolean                    with_legend,
                         double                      pad)
{
  const JdChart *chart = self->chart;
  double available = self->width - 2 * pad;
  double right = self->width - pad;
  double y = pad;
  double legend_width = with_legend ? legend_init (self, context, font) : 0;

  if (chart->title != NULL && chart->title[0] != '\0')
    {
      _jd_chart_text_init (&self->title, context, title_font, chart->title);

      if (self->n_legend > 0 &&
          self->title.rect.width + self->font_px * 1.5 + legend_width <= available)
        {
          double row = MAX (self->title.rect.height, legend_height (self));

          _jd_chart_text_move (&self->title, pad, y + (row - self->title.rect.height) / 2);
          legend_place_row (self, 0, self->n_legend, right, y, row);
          return y + row + self->font_px * 0.5;
        }

      _jd_chart_text_limit_width (&self->title, available);
      _jd_chart_text_move (&self->title, pad, y);
      y += self->title.rect.height;
    }

  if (self->n_legend > 0)
    y = legend_place (self, right, y, available);

  return y > pad ? y + self->font_px * 0.5 : y;
}

JdChartLayout *
_jd_chart_layout_new (PangoContext       *context,
                      double              width,
                      double              height,
                      const JdChart      *chart,
                      const JdChartTheme *theme)
{
  g_autoptr(JdChartLayout) self = g_new0 (JdChartLayout, 1);
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) title_font = NULL;
  gboolean small = chart->type == JD_CHART_SPARKLINE || chart->type == JD_CHART_KPI;
  double pad, top;

  g_assert (chart != NULL);
  g_assert (theme != NULL);

  self->chart = jd_chart_ref ((JdChart *) chart);
  self->dark = theme->dark;
  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->scale = CLAMP (sqrt (self->width * self->height / (800.0 * 400.0)), 0.85, 1.75);
  self->font_px = theme->font_size * 96.0 / 72.0 * self->scale;
  self->line_width = MAX (1.0, self->scale);
  self->n_points = chart->n_points;
  self->labels = g_array_new (FALSE, TRUE, sizeof (JdChartLabel));
  self->segments = g_array_new (FALSE, TRUE, sizeof (JdChartSegment));
  self->page = chart->page;
  self->n_pages = 1;

  font = _jd_chart_font_new (theme, self->font_px, PANGO_WEIGHT_NORMAL);
  title_font = _jd_chart_font_new (theme, self->font_px * 1.25, PANGO_WEIGHT_BOLD);
  pad = small ? round (MIN (self->width, self->height) * 0.04) : round (self->font_px * 0.8);

  if (chart->type == JD_CHART_SPARKLINE || chart->type == JD_CHART_KPI)
    top = pad;
  else
    top = _jd_chart_layout_header (self, context, font, title_font, has_legend (chart), pad);

  switch (chart->type)
    {
    case JD_CHART_BAR:
    case JD_CHART_BAR_STACKED:
    case JD_CHART_HBAR:
    case JD_CHART_HBAR_STACKED:
    case JD_CHART_LINE:
    case JD_CHART_SPARKLINE:
      _jd_chart_layout_cartesian (self, context, font, top, pad);
      break;
    case JD_CHART_DONUT:
      _jd_chart_layout_donut (self, context, font, top, pad);
      break;
    case JD_CHART_KPI:
      _jd_chart_layout_kpi (self, context, theme, top, pad);
      break;
    case JD_CHART_HEAT_TABLE:
      _jd_chart_layout_heat (self, context, font, top, pad);
      break;
    case JD_CHART_TABLE:
      _jd_chart_layout_table (self, context, font, top, pad);
      break;
    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&self);
}

/* Laid out with text measured for @cr, or, if %NULL, for no surface in
 * particular; either way the same geometry. */
JdChartLayout *
_jd_chart_layout_new_for (cairo_t            *cr,
                          double              width,
                          double              height,
                          const JdChart      *chart,
                          const JdChartTheme *theme)
{
  PangoContext *context = _jd_chart_context_new (cr);
  JdChartLayout *layout;

  layout = _jd_chart_layout_new (context, width, height, chart, theme);
  g_object_unref (context);

  return layout;
}

static void
clear_texts (GArray *texts)
{
  if (texts == NULL)
    return;
  for (guint i = 0; i < texts->len; i++)
    _jd_chart_text_clear (&g_array_index (texts, JdChartText, i));
  g_array_unref (texts);
}

void
_jd_chart_layout_free (JdChartLayout *self)
{
  if (self == NULL)
    return;

  _jd_chart_text_clear (&self->title);
  _jd_chart_text_clear (&self->threshold_label);
  for (guint i = 0; i < self->n_legend; i++)
    _jd_chart_text_clear (&self->legend[i].text);
  for (guint i = 0; self->tick_labels != NULL && i < self->y_axis.n_ticks; i++)
    _jd_chart_text_clear (&self->tick_labels[i]);
  for (guint i = 0; self->tick_labels2 != NULL && i < self->y2_axis.n_ticks; i++)
    _jd_chart_text_clear (&self->tick_labels2[i]);
  g_free (self->tick_labels);
  g_free (self->tick_y);
  g_free (self->tick_labels2);
  g_free (self->tick_y2);
  g_free (self->marks);
  if (self->time_axis)
    _jd_chart_time_axis_clear (&self->x_axis);
  clear_texts (self->category_labels);
  for (guint i = 0; i < self->labels->len; i++)
    _jd_chart_text_clear (&g_array_index (self->labels, JdChartLabel, i).text);
  g_array_unref (self->labels);
  g_array_unref (self->segments);
  jd_chart_unref ((JdChart *) self->chart);
  g_free (self);
}

JdChartMark *
_jd_chart_layout_mark (const JdChartLayout *self,
                       guint                series,
                       guint                index)
{
  if (self->marks == NULL || index >= self->n_points ||
      (series + 1) * self->n_points > self->n_marks)
    return NULL;

  return &self->marks[series * self->n_points + index];
}

static gboolean
rect_contains (const JdChartRect *r,
               double             x,
               double             y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

static void
hit_from_mark (const JdChartLayout *self,
               const JdChartMark   *mark,
               JdChartHit          *hit)
{
  hit->series = mark->series;
  hit->index = mark->index;
  hit->value = jd_chart_get_value (self->chart, mark->series, mark->index);
}

/* What is under (@x, @y): for bars and cells the one that holds it; for
 * a column of a bar or line chart the nearest of its marks, so that a
 * tooltip finds a short bar and a month without data too. */
gboolean
_jd_chart_layout_hit (const JdChartLayout *self,
                      double               x,
                      double               y,
                      JdChartHit          *hit)
{
  const JdChart *chart = self->chart;
  const JdChartMark *best = NULL;
  double best_distance = G_MAXDOUBLE;

  if (self->marks == NULL || self->n_marks == 0)
    return FALSE;

  switch (chart->type)
    {
    case JD_CHART_DONUT:
      {
        double dx = x - self->cx, dy = y - self->cy;
        double r = hypot (dx, dy);
        double angle = atan2 (dx, -dy);

        if (r < self->r_inner || r > self->r_outer)
          return FALSE;
        if (angle < 0)
          angle += 2 * G_PI;
        for (guint i = 0; i < self->n_marks; i++)
          {
            const JdChartMark *m = &self->marks[i];

            if (m->visible && angle >= m->angle0 && angle < m->angle1)
              {
                hit_from_mark (self, m, hit);
                return TRUE;
              }
          }
        return FALSE;
      }

    case JD_CHART_HEAT_TABLE:
    case JD_CHART_TABLE:
    case JD_CHART_KPI:
      for (guint i = 0; i < self->n_marks; i++)
        if (rect_contains (&self->marks[i].rect, x, y))
          {
            hit_from_mark (self, &self->marks[i], hit);
            return TRUE;
          }
      return FALSE;

    default:
      break;
    }

  /* Bars and lines: the column (row, if horizontal) first */
  {
    const JdChartRect *plot = &self->plot;
    double along = self->horizontal ? y - plot->y : x - plot->x;
    double across = self->horizontal ? x : y;
    int index;

    if (self->n_points == 0 || !rect_contains (plot, x, y))
      return FALSE;

    index = CLAMP ((int) floor (along / self->band), 0, (int) self->n_points - 1);

    for (guint s = 0; s < chart->series->len; s++)
      {
        const JdChartMark *m = _jd_chart_layout_mark (self, s, index);
        double distance;

        if (m == NULL)
          continue;

        if (_jd_chart_series_mark (chart, s) == JD_CHART_MARK_BAR)
          {
            if (!m->visible)
              continue;
            /* inside the bar's slot of the column, anywhere in its height */
            if (self->horizontal ? (y >= m->rect.y && y < m->rect.y + m->rect.height)
                                 : (x >= m->rect.x && x < m->rect.x + m->rect.width))
              {
                gboolean stacked = chart->type == JD_CHART_BAR_STACKED ||
                                   chart->type == JD_CHART_HBAR_STACKED;

                if (!stacked || rect_contains (&m->rect, x, y))
                  distance = 0;
                else
                  distance = self->horizontal ? fabs (x - (m->rect.x + m->rect.width / 2))
                                              : fabs (y - (m->rect.y + m->rect.height / 2));
              }
            else
              distance = G_MAXDOUBLE / 2;
          }
        else
          {
            if (!m->visible)
              continue;
            distance = fabs (across - (self->horizontal ? m->x : m->y));
            /* a line near the pointer wins over the bar under it */
            if (distance < self->font_px)
              distance = -1 / (1 + distance);
          }

        if (distance < best_distance)
          {
            best_distance = distance;
            best = m;
          }
      }

    if (best == NULL)
      {
        /* nothing drawn here: the column itself, without a value */
        hit->series = 0;
        hit->index = index;
        hit->value = jd_chart_get_value (chart, 0, index);
        return chart->series->len > 0;
      }

    hit_from_mark (self, best, hit);
    return TRUE;
  }
}

/* Drawing helpers */

/* The colour behind the chart, opaque, for outlines that keep marks apart.
 * A theme with a transparent background still names the colour it will be
 * drawn on (the widget puts libadwaita's card colour there). */
JdRgba
_jd_chart_halo (const JdChartTheme *theme)
{
  JdRgba halo = theme->background;

  halo.alpha = 1;
  return halo;
}

const JdRgba *
_jd_chart_series_color (const JdChartTheme *theme,
                        const JdChart      *chart,
                        guint               series)
{
  guint color = series < chart->series->len ? JD_CHART_SERIES (chart, series)->color : series;

  return &theme->series[color % JD_CHART_MAX_SERIES];
}

/* A sequential ramp for heat tables, from the background towards the
 * blue of the palette: one hue, so it reads for every kind of colour
 * vision, and in grey on a black-and-white printer. */
JdRgba
_jd_chart_heat_color (const JdChartTheme *theme,
                      double              t)
{
  JdRgba from;
  JdRgba to = theme->dark ? (JdRgba) RGB (0x56b4e9) : (JdRgba) RGB (0x08306b);
  JdRgba mid = theme->dark ? (JdRgba) RGB (0x1f4e79) : (JdRgba) RGB (0x6baed6);
  JdRgba a, b;
  double u;

  t = CLAMP (isfinite (t) ? t : 0, 0, 1);
  from = theme->dark ? (JdRgba) RGB (0x2a2f36) : (JdRgba) RGB (0xeff3ff);
  if (t < 0.5)
    a = from, b = mid, u = t * 2;
  else
    a = mid, b = to, u = (t - 0.5) * 2;

  return (JdRgba) { a.red + (b.red - a.red) * u, a.green + (b.green - a.green) * u,
                    a.blue + (b.blue - a.blue) * u, 1 };
}

void
_jd_chart_hline (cairo_t      *cr,
                 double        x0,
                 double        x1,
                 double        y,
                 double        line_width,
                 const JdRgba *color)
{
  y = _jd_chart_snap (cr, y, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_set_line_width (cr, line_width);
  _jd_chart_set_source (cr, color);
  cairo_stroke (cr);
}

void
_jd_chart_vline (cairo_t      *cr,
                 double        x,
                 double        y0,
                 double        y1,
                 double        line_width,
                 const JdRgba *color)
{
  double dummy = 0;

  /* snap x the way _jd_chart_snap() snaps y, by swapping axes */
  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      double dx = line_width, dy = 0;
      long pixels;

      cairo_user_to_device_distance (cr, &dx, &dy);
      pixels = MAX (1, lround (fabs (dx)));
      cairo_user_to_device (cr, &x, &dummy);
      x = (pixels % 2) ? floor (x) + 0.5 : round (x);
      cairo_device_to_user (cr, &x, &dummy);
    }
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
  cairo_set_line_width (cr, line_width);
  _jd_chart_set_source (cr, color);
  cairo_stroke (cr);
}

/* A bar with its far corners slightly rounded; @direction: 0 up, 1 down,
 * 2 right, 3 left */
void
_jd_chart_bar_path (cairo_t           *cr,
                    const JdChartRect *r,
                    int                direction,
                    double             radius)
{
  double x0 = r->x, y0 = r->y, x1 = r->x + r->width, y1 = r->y + r->height;

  radius = MIN (radius, direction < 2 ? MIN (r->width / 4, r->height) : MIN (r->height / 4, r->width));

  if (radius < 0.5)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      return;
    }

  switch (direction)
    {
    case 0:
      cairo_move_to (cr, x0, y1);
      cairo_arc (cr, x0 + radius, y0 + radius, radius, G_PI, 1.5 * G_PI);
      cairo_arc (cr, x1 - radius, y0 + radius, radius, 1.5 * G_PI, 2 * G_PI);
      cairo_line_to (cr, x1, y1);
      break;
    case 1:
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y0);
      cairo_arc (cr, x1 - radius, y1 - radius, radius, 0, 0.5 * G_PI);
      cairo_arc (cr, x0 + radius, y1 - radius, radius, 0.5 * G_PI, G_PI);
      break;
    case 2:
      cairo_move_to (cr, x0, y0);
      cairo_arc (cr, x1 - radius, y0 + radius, radius, 1.5 * G_PI, 2 * G_PI);
      cairo_arc (cr, x1 - radius, y1 - radius, radius, 0, 0.5 * G_PI);
      cairo_line_to (cr, x0, y1);
      break;
    default:
      cairo_move_to (cr, x1, y0);
      cairo_line_to (cr, x1, y1);
      cairo_arc (cr, x0 + radius, y1 - radius, radius, 0.5 * G_PI, G_PI);
      cairo_arc (cr, x0 + radius, y0 + radius, radius, G_PI, 1.5 * G_PI);
      break;
    }
  cairo_close_path (cr);
}

/* Fills the current path in a series' colour, with a hatching for
 * @pattern 1, 2, 3 …, so that bars of different series differ without
 * colour too (print in grey, colour-blind readers). */
void
_jd_chart_fill_series (cairo_t            *cr,
                       const JdChartTheme *theme,
                       guint               color,
                       guint               pattern,
                       double              scale)
{
  double x0, y0, x1, y1, step = 5 * scale;
  JdRgba ink = _jd_chart_halo (theme);

  _jd_chart_set_source (cr, &theme->series[color % JD_CHART_MAX_SERIES]);
  pattern %= 4;
  if (pattern == 0)
    {
      cairo_fill (cr);
      return;
    }

  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip (cr);
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  ink.alpha = 0.55;
  _jd_chart_set_source (cr, &ink);
  cairo_set_line_width (cr, 1.0 * scale);
  for (double t = -(y1 - y0) - step; t < x1 - x0 + (y1 - y0) + step; t += step)
    {
      switch (pattern)
        {
        case 1:  /* diagonal ╱ */
          cairo_move_to (cr, x0 + t, y1);
          cairo_line_to (cr, x0 + t + (y1 - y0), y0);
          break;
        case 2:  /* horizontal */
          if (t >= 0 && t <= y1 - y0)
            {
              cairo_move_to (cr, x0, y0 + t);
              cairo_line_to (cr, x1, y0 + t);
            }
          break;
        default: /* diagonal ╲ */
          cairo_move_to (cr, x0 + t, y0);
          cairo_line_to (cr, x0 + t + (y1 - y0), y1);
          break;
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_new_path (cr);
}

/* Marker shapes, one a series: circle, square, triangle, diamond …
 * Adds one to the path; a series' markers are filled and outlined
 * together, as one path, which is much faster than one by one. */
void
_jd_chart_marker_path (cairo_t *cr,
                       guint    shape,
                       double   x,
                       double   y,
                       double   radius)
{
  double r = radius;

  cairo_new_sub_path (cr);
  switch (shape % 4)
    {
    case 0:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      r *= 0.9;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case 2:
      r *= 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.866, y + r * 0.5);
      cairo_line_to (cr, x - r * 0.866, y + r * 0.5);
      cairo_close_path (cr);
      break;
    default:
      r *= 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    }
}

void
_jd_chart_marker (cairo_t      *cr,
                  guint         shape,
                  double        x,
                  double        y,
                  double        radius,
                  double        outline,
                  const JdRgba *fill,
                  const JdRgba *halo)
{
  _jd_chart_marker_path (cr, shape, x, y, radius);
  _jd_chart_paint_markers (cr, outline, fill, halo);
}

/* Draws the same marker at each visible mark's (x, y).  On an image
 * surface the marker is drawn once into a small sprite and copied to
 * each place, to the nearest device pixel: a 60-month, three-series line
 * chart draws in a fraction of the time of 180 fills and strokes.
 * Vector surfaces (PDF, SVG, print) get real shapes. */
void
_jd_chart_markers (cairo_t           *cr,
                   const JdChartMark *marks,
                   guint              n_marks,
                   guint              shape,
                   double             radius,
                   double             outline,
                   const JdRgba      *fill,
                   const JdRgba      *halo)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double sx = 1, sy = 0, tx = 0, ty = 1;
  cairo_matrix_t matrix;
  cairo_surface_t *sprite;
  cairo_t *scr;
  int size;

  cairo_user_to_device_distance (cr, &sx, &sy);
  cairo_user_to_device_distance (cr, &tx, &ty);

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      sy != 0 || tx != 0 || fabs (sx - ty) > 1e-9 || sx <= 0 || n_marks < 8)
    {
      for (guint i = 0; i < n_marks; i++)
        if (marks[i].visible)
          _jd_chart_marker (cr, shape, marks[i].x, marks[i].y, radius, outline, fill, halo);
      return;
    }

  size = 2 * (int) ceil ((radius * 1.25 + outline) * sx + 1);
  sprite = cairo_surface_create_similar_image (target, CAIRO_FORMAT_ARGB32, size, size);
  scr = cairo_create (sprite);
  cairo_translate (scr, size / 2.0, size / 2.0);
  cairo_scale (scr, sx, sx);
  _jd_chart_marker (scr, shape, 0, 0, radius, outline, fill, halo);
  cairo_destroy (scr);

  cairo_get_matrix (cr, &matrix);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  for (guint i = 0; i < n_marks; i++)
    {
      double x = marks[i].x, y = marks[i].y;

      if (!marks[i].visible)
        continue;
      cairo_matrix_transform_point (&matrix, &x, &y);
      x = floor (x + 0.5) - size / 2;
      y = floor (y + 0.5) - size / 2;
      cairo_set_source_surface (cr, sprite, x, y);
      cairo_rectangle (cr, x, y, size, size);
      cairo_fill (cr);
    }
  cairo_restore (cr);
  cairo_surface_destroy (sprite);
}

void
_jd_chart_paint_markers (cairo_t      *cr,
                         double        outline,
                         const JdRgba *fill,
                         const JdRgba *halo)
{
  _jd_chart_set_source (cr, fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, outline);
  _jd_chart_set_source (cr, halo);
  cairo_stroke (cr);
}

/* Dash patterns: solid, then dashed (the year-earlier comparison),
 * dotted, dash-dot; and long dashes for threshold lines */
void
_jd_chart_set_dash (cairo_t *cr,
                    guint    pattern,
                    double   scale)
{
  static const double patterns[][4] = {
    { 0 }, { 5, 3, 0, 0 }, { 1.5, 2.5, 0, 0 }, { 6, 2.5, 1.5, 2.5 }, { 10, 3, 0, 0 },
  };
  static const int lengths[] = { 0, 2, 2, 4, 2 };
  double dashes[4];

  pattern %= 5;
  for (int i = 0; i < lengths[pattern]; i++)
    dashes[i] = patterns[pattern][i] * scale;
  cairo_set_dash (cr, dashes, lengths[pattern], 0);
}

static const JdRgba *
ink_color (const JdChartTheme *theme,
           int                 ink,
           JdRgba             *scratch)
{
  switch (ink)
    {
    case JD_CHART_INK_FOREGROUND:
      return &theme->foreground;
    case JD_CHART_INK_DIM:
      return &theme->dim;
    case JD_CHART_INK_GOOD:
      return &theme->good;
    case JD_CHART_INK_BAD:
      return &theme->bad;
    case JD_CHART_INK_LIGHT:
      *scratch = (JdRgba) RGB (0xffffff);
      return scratch;
    case JD_CHART_INK_DARK:
      *scratch = (JdRgba) RGB (0x1e1e1e);
      return scratch;
    default:
      return &theme->series[(ink - JD_CHART_INK_SERIES) % JD_CHART_MAX_SERIES];
    }
}

void
_jd_chart_draw_labels (cairo_t             *cr,
                       const JdChartLayout *self,
                       const JdChartTheme  *theme)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      const JdChartLabel *label = &g_array_index (self->labels, JdChartLabel, i);
      JdRgba scratch;

      _jd_chart_text_draw (&label->text, cr, ink_color (theme, label->ink, &scratch));
    }
}

void
_jd_chart_draw_legend (cairo_t             *cr,
                       const JdChartLayout *self,
                       const JdChartTheme  *theme,
                       const JdRgba        *halo)
{
  const JdChart *chart = self->chart;

  for (guint i = 0; i < self->n_legend; i++)
    {
      const JdChartLegendItem *item = &self->legend[i];
      const JdChartRect *s = &item->swatch;
      const JdChartSeries *series = JD_CHART_SERIES (chart, item->series);

      if (item->kind == JD_CHART_LEGEND_BAR)
        {
          _jd_chart_bar_path (cr, s, 0, 1.5 * self->scale);
          _jd_chart_fill_series (cr, theme, series->color, item->series, self->scale * 0.6);
        }
      else
        {
          double y = s->y + s->height / 2;

          cairo_move_to (cr, s->x, y);
          cairo_line_to (cr, s->x + s->width, y);
          cairo_set_line_width (cr, 1.75 * self->scale);
          _jd_chart_set_dash (cr, series->dashed ? 1 : 0, self->scale * 0.7);
          _jd_chart_set_source (cr, &theme->series[series->color]);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          _jd_chart_marker (cr, item->series, s->x + s->width / 2, y, self->font_px * 0.28,
                            self->scale, &theme->series[series->color], halo);
        }

      _jd_chart_text_draw (&item->text, cr, &theme->foreground);
    }
}

void
_jd_chart_layout_draw (cairo_t             *cr,
                       const JdChartLayout *self,
                       const JdChartTheme  *theme,
                       const JdChartHit    *highlight)
{
  if (theme->background.alpha > 0)
    {
      _jd_chart_set_source (cr, &theme->background);
      cairo_rectangle (cr, 0, 0, self->width, self->height);
      cairo_fill (cr);
    }

  switch (self->chart->type)
    {
    case JD_CHART_BAR:
    case JD_CHART_BAR_STACKED:
    case JD_CHART_HBAR:
    case JD_CHART_HBAR_STACKED:
    case JD_CHART_LINE:
    case JD_CHART_SPARKLINE:
      _jd_chart_draw_cartesian (cr, self, theme, highlight);
      break;
    case JD_CHART_DONUT:
      _jd_chart_draw_donut (cr, self, theme, highlight);
      break;
    case JD_CHART_KPI:
      _jd_chart_draw_kpi (cr, self, theme, highlight);
      break;
    case JD_CHART_HEAT_TABLE:
      _jd_chart_draw_heat (cr, self, theme, highlight);
      break;
    case JD_CHART_TABLE:
      _jd_chart_draw_table (cr, self, theme, highlight);
      break;
    default:
      g_assert_not_reached ();
    }

  {
    JdRgba halo = _jd_chart_halo (theme);

    _jd_chart_text_draw (&self->title, cr, &theme->foreground);
    _jd_chart_draw_legend (cr, self, theme, &halo);
  }
}

/* Public API: drawing and interaction */

/**
 * jd_chart_draw:
 * @cr: where to draw; (0, 0) is the chart's top-left corner
 *
 * Draws @chart into @width × @height with @theme.
 */
void
jd_chart_draw (cairo_t            *cr,
               double              width,
               double              height,
               const JdChart      *chart,
               const JdChartTheme *theme)
{
  jd_chart_draw_highlighted (cr, width, height, chart, theme, NULL);
}

/**
 * jd_chart_draw_highlighted:
 * @highlight: (nullable): the mark under the pointer or the keyboard
 *   focus, outlined
 */
void
jd_chart_draw_highlighted (cairo_t            *cr,
                           double              width,
                           double              height,
                           const JdChart      *chart,
                           const JdChartTheme *theme,
                           const JdChartHit   *highlight)
{
  g_autoptr(JdChartLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (chart != NULL);
  g_return_if_fail (theme != NULL);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  layout = _jd_chart_layout_new_for (cr, width, height, chart, theme);
  _jd_chart_layout_draw (cr, layout, theme, highlight);
  cairo_restore (cr);
}

/**
 * jd_chart_hit:
 * @hit: (out): what is under the point
 *
 * Returns: whether (@x, @y) is over a mark (or a bar or line chart's
 *   column) of @chart drawn at @width × @height
 */
gboolean
jd_chart_hit (const JdChart *chart,
              double         width,
              double         height,
              double         x,
              double         y,
              JdChartHit    *hit)
{
  g_autoptr(JdChartLayout) layout = NULL;
  JdChartTheme theme;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;

  jd_chart_theme_init_light (&theme);
  layout = _jd_chart_layout_new_for (NULL, width, height, chart, &theme);

  return _jd_chart_layout_hit (layout, x, y, hit);
}

/**
 * jd_chart_step:
 * @hit: (inout): the focused point; series -1 or index -1 to begin
 * @d_index: points to move along the axis (Left/Right)
 * @d_series: series to move (Up/Down), for charts with several
 *
 * Moves the keyboard focus, skipping points without a value.
 *
 * Returns: whether the focus moved
 */
gboolean
jd_chart_step (const JdChart *chart,
               JdChartHit    *hit,
               int            d_index,
               int            d_series)
{
  int n_series, n_points, series, index;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  n_series = chart->type == JD_CHART_DONUT || chart->type == JD_CHART_SPARKLINE ? MIN (1, (int) chart->series->len)
             : (int) chart->series->len;
  n_points = chart->n_points;
  if (n_series == 0 || n_points == 0)
    return FALSE;

  if (hit->series < 0 || hit->index < 0 || hit->series >= n_series || hit->index >= n_points)
    {
      /* the first point with a value */
      for (int s = 0; s < n_series; s++)
        for (int i = 0; i < n_points; i++)
          if (isfinite (JD_CHART_VALUE (chart, s, i)))
            {
              hit->series = s;
              hit->index = i;
              hit->value = JD_CHART_VALUE (chart, s, i);
              return TRUE;
            }
      return FALSE;
    }

  series = CLAMP (hit->series + d_series, 0, n_series - 1);
  index = hit->index;
  if (d_index != 0)
    {
      int i = index;

      for (int moved = 0; moved < abs (d_index);)
        {
          i += d_index > 0 ? 1 : -1;
          if (i < 0 || i >= n_points)
            break;
          if (isfinite (JD_CHART_VALUE (chart, series, i)))
            {
              index = i;
              moved++;
            }
        }
    }

  if (series == hit->series && index == hit->index)
    return FALSE;

  hit->series = series;
  hit->index = index;
  hit->value = JD_CHART_VALUE (chart, series, index);
  return TRUE;
}

/**
 * jd_chart_describe_point:
 *
 * Returns: the tooltip of a point: "2024年7月\n作出决定: 1,234", with the
 *   full name of a category however short its label on the axis
 */
char *
jd_chart_describe_point (const JdChart    *chart,
                         const JdChartHit *hit)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *name = NULL;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  /* a KPI card is one figure: its tooltip says it all */
  if (chart->type == JD_CHART_KPI)
    return jd_chart_describe (chart);

  if (hit->index < 0 || hit->index >= (int) chart->n_points)
    return g_strdup ("");

  if (chart->type == JD_CHART_HEAT_TABLE)
    {
      /* a row is a series (an agency), a column a period */
      g_autofree char *period = jd_chart_get_point_label (chart, hit->index);
      g_autofree char *value = jd_chart_format_value (chart, hit->series,
                                                      jd_chart_get_value (chart, hit->series, hit->index));
      const char *row = hit->series >= 0 && hit->series < (int) chart->series->len
                        ? JD_CHART_SERIES (chart, hit->series)->label : NULL;

      g_string_append_printf (out, "%s\n%s: %s", row ? row : "", period, value);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  name = jd_chart_get_point_label (chart, hit->index);
  g_string_append (out, name);

  /* every series at this point, the hit one first */
  for (guint s = 0; s < chart->series->len; s++)
    {
      const JdChartSeries *series = JD_CHART_SERIES (chart, s);
      g_autofree char *value = jd_chart_format_value (chart, s, JD_CHART_VALUE (chart, s, hit->index));

      if (chart->type == JD_CHART_DONUT && s > 0)
        break;
      if (chart->type == JD_CHART_DONUT)
        {
          double total = 0;
          g_autofree char *share = NULL;

          for (guint i = 0; i < chart->n_points; i++)
            if (isfinite (JD_CHART_VALUE (chart, 0, i)) && JD_CHART_VALUE (chart, 0, i) > 0)
              total += JD_CHART_VALUE (chart, 0, i);
          share = jd_format_rate (total > 0 ? JD_CHART_VALUE (chart, 0, hit->index) / total : NAN);
          /* Translators: a slice of a donut chart: its value and share */
          g_string_append_printf (out, _("\n%s (%s)"), value, share);
          continue;
        }
      /* Translators: one series' value in a tooltip, "label: value" */
      g_string_append_printf (out, _("\n%s: %s"), series->label ? series->label : "", value);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Export */

static gboolean
is_extension (const char *path,
              const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, extension);
}

/* The caption under an exported chart, for a reader who has the file
 * alone: the period, the filter and how far the data reach, in the dim
 * colour, wrapped to the width, in the chart's own type size. */
static PangoLayout *
caption_layout_new (cairo_t            *cr,
                    double              width,
                    double              chart_height,
                    const JdChartTheme *theme,
                    const char         *caption,
                    double             *pad,
                    double             *height)
{
  double scale = CLAMP (sqrt (width * chart_height / (800.0 * 400.0)), 0.85, 1.75);
  double px = theme->font_size * 96.0 / 72.0 * scale;
  PangoContext *context = _jd_chart_context_new (cr);
  PangoFontDescription *font = _jd_chart_font_new (theme, px, PANGO_WEIGHT_NORMAL);
  PangoLayout *layout = pango_layout_new (context);
  PangoRectangle extents;

  *pad = px;
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width - 2 * px, 1)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, caption, -1);
  pango_layout_get_pixel_extents (layout, NULL, &extents);
  *height = ceil (extents.height + 1.5 * px);

  pango_font_description_free (font);
  g_object_unref (context);

  return layout;
}

/* How tall the caption is under a chart of @width × @chart_height */
static double
caption_height (double              width,
                double              chart_height,
                const JdChartTheme *theme,
                const char         *caption)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double pad, height;

  g_object_unref (caption_layout_new (cr, width, chart_height, theme, caption, &pad, &height));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return height;
}

/* The chart in @width × @chart_height, its caption below */
static void
draw_with_caption (cairo_t            *cr,
                   double              width,
                   double              chart_height,
                   const JdChart      *chart,
                   const JdChartTheme *theme,
                   const char         *caption)
{
  double pad, height;
  PangoLayout *layout = caption_layout_new (cr, width, chart_height, theme, caption, &pad, &height);

  jd_chart_draw (cr, width, chart_height, chart, theme);
  if (theme->background.alpha > 0)
    {
      _jd_chart_set_source (cr, &theme->background);
      cairo_rectangle (cr, 0, chart_height, width, height);
      cairo_fill (cr);
    }

  _jd_chart_set_source (cr, &theme->dim);
  cairo_move_to (cr, pad, chart_height + 0.5 * pad);
  pango_cairo_show_layout (cr, layout);

  g_object_unref (layout);
}

/**
 * jd_chart_export:
 *
 * Writes @chart to @path as PNG, SVG or PDF, by the extension.  A PDF is
 * always drawn in the light theme, as it will be printed.
 */
gboolean
jd_chart_export (const JdChart      *chart,
                 const char         *path,
                 double              width,
                 double              height,
                 double              scale,
                 const JdChartTheme *theme,
                 GError            **error)
{
  return jd_chart_export_captioned (chart, path, width, height, scale, theme, NULL, error);
}

/**
 * jd_chart_export_captioned:
 * @caption: (nullable): what the figures are of
 *   (jd_table_context_caption()), drawn under the chart
 *
 * Writes @chart to @path as jd_chart_export() does, @width × @height,
 * with @caption under it: the image is as much taller.
 */
gboolean
jd_chart_export_captioned (const JdChart      *chart,
                           const char         *path,
                           double              width,
                           double              height,
                           double              scale,
                           const JdChartTheme *theme,
                           const char         *caption,
                           GError            **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  double chart_height;
  JdChartTheme light;
  gboolean png = FALSE;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (theme != NULL, FALSE);

  if (width < 1 || height < 1 || width > 20000 || height > 20000)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A chart of %g × %g is too small or too large"), width, height);
      return FALSE;
    }

  chart_height = height;
  if (caption != NULL && *caption != '\0')
    height += caption_height (width, chart_height, theme, caption);
  else
    caption = NULL;

  if (is_extension (path, ".png"))
    {
      scale = CLAMP (scale, 0.25, 8);
      if (width * scale > 32767 || height * scale > 32767)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("A chart of %g × %g is too small or too large"), width * scale, height * scale);
          return FALSE;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale), (int) ceil (height * scale));
      png = TRUE;
    }
  else if (is_extension (path, ".svg"))
    {
      surface = cairo_svg_surface_create (path, width, height);
    }
  else if (is_extension (path, ".pdf"))
    {
      surface = cairo_pdf_surface_create (path, width, height);
      if (chart->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, chart->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jiandu");
      if (theme->dark)
        {
          jd_chart_theme_init_light (&light);
          g_strlcpy (light.font_family, theme->font_family, sizeof light.font_family);
          light.font_size = theme->font_size;
          theme = &light;
        }
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s”: charts are exported as .png, .svg or .pdf"), path);
      return FALSE;
    }

  cr = cairo_create (surface);
  if (png)
    cairo_scale (cr, scale, scale);
  if (caption != NULL)
    draw_with_caption (cr, width, chart_height, chart, theme, caption);
  else
    jd_chart_draw (cr, width, height, chart, theme);
  cairo_destroy (cr);

  if (png)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* The monthly chart of the dashboard, on the chart kit */

/**
 * jd_chart_new_monthly:
 *
 * Returns: (transfer full): @monthly as a bar chart over months, its
 *   comparison a dashed line
 */
JdChart *
jd_chart_new_monthly (const JdMonthlyChart *monthly)
{
  JdChart *chart = jd_chart_new (JD_CHART_BAR);

  jd_chart_set_title (chart, monthly->title);
  jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, monthly->first_month,
                          monthly->values != NULL ? monthly->n_points : 0);
  if (monthly->values != NULL)
    {
      /* Translators: legend of the bars of a monthly chart, when the caller
       * gave none; zh_CN: "本期" */
      const char *label = monthly->value_label ? monthly->value_label
                          : monthly->comparison ? _("This period") : NULL;

      jd_chart_add_series (chart, label, monthly->values, monthly->n_points);
    }
  if (monthly->comparison != NULL)
    {
      /* Translators: legend of the dashed line of the same months a year
       * earlier; zh_CN: "上年同期" */
      guint s = jd_chart_add_series (chart, monthly->comparison_label ? monthly->comparison_label
                                                                      : _("A year earlier"),
                                     monthly->comparison, monthly->n_points);

      jd_chart_series_set_mark (chart, s, JD_CHART_MARK_LINE);
      jd_chart_series_set_dashed (chart, s, TRUE);
    }

  return chart;
}

/**
 * jd_chart_draw_monthly:
 * @cr: where to draw; (0, 0) is the chart's top-left corner
 *
 * Draws @chart as bars, one per month, with the same months a year
 * earlier as a dashed line, a value axis from zero with nice ticks, and
 * the months and years below.
 */
void
jd_chart_draw_monthly (cairo_t              *cr,
                       double                width,
                       double                height,
                       const JdMonthlyChart *monthly,
                       const JdChartTheme   *theme)
{
  g_autoptr(JdChart) chart = NULL;

  g_return_if_fail (monthly != NULL);
  g_return_if_fail (monthly->n_points == 0 || monthly->values != NULL);

  chart = jd_chart_new_monthly (monthly);
  jd_chart_draw (cr, width, height, chart, theme);
}

/**
 * jd_chart_monthly_hit:
 *
 * Returns: the month (index into chart->values) whose column holds
 *   (@x, @y), whether or not it has a value; -1 outside the plot.
 */
int
jd_chart_monthly_hit (double                width,
                      double                height,
                      const JdMonthlyChart *monthly,
                      double                x,
                      double                y)
{
  g_autoptr(JdChart) chart = NULL;
  JdChartHit hit;

  g_return_val_if_fail (monthly != NULL, -1);
  g_return_val_if_fail (monthly->n_points == 0 || monthly->values != NULL, -1);

  chart = jd_chart_new_monthly (monthly);
  if (!jd_chart_hit (chart, width, height, x, y, &hit))
    return -1;

  return hit.index;
}

/* Descriptions */

static char *
format_month (int month)
{
  JdPeriod period = { JD_PERIOD_MONTH, month / 100, month % 100 };

  return jd_period_format (&period);
}

/* Two sentences of a description, one after the other */
static void
append_sentence (GString    *out,
                 const char *sentence)
{
  g_autofree char *joined = NULL;

  if (out->len == 0)
    {
      g_string_append (out, sentence);
      return;
    }

  /* Translators: two sentences one after the other; zh_CN: "%s%s"
   * (Chinese sentences follow each other without a space) */
  joined = g_strdup_printf (C_("sentences", "%s %s"), out->str, sentence);
  g_string_assign (out, joined);
}

static char *
format_value (double value)
{
  return _jd_format_decimal (value, 2, TRUE);
}

/**
 * jd_chart_monthly_describe:
 *
 * Returns: what the chart shows, in sentences, for a screen reader: its
 *   title and months, the highest, lowest and latest values, months
 *   without data, and the total against a year earlier.
 */
char *
jd_chart_monthly_describe (const JdMonthlyChart *chart)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *sentence = NULL;
  const char *name;
  int highest = -1, lowest = -1, latest = -1;
  guint missing = 0, n_compared = 0;
  double total = 0, compared_total = 0;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (chart->n_points == 0 || chart->values != NULL, NULL);

  /* Translators: what a chart without a title is called in its description */
  name = chart->title ? chart->title : chart->value_label ? chart->value_label : _("Chart");

  for (guint i = 0; i < chart->n_points; i++)
    {
      double v = chart->values[i];

      if (!isfinite (v))
        {
          missing++;
          continue;
        }
      if (highest < 0 || v > chart->values[highest])
        highest = i;
      if (lowest < 0 || v < chart->values[lowest])
        lowest = i;
      latest = i;

      if (chart->comparison != NULL && isfinite (chart->comparison[i]))
        {
          total += v;
          compared_total += chart->comparison[i];
          n_compared++;
        }
    }

  if (chart->n_points == 0 || latest < 0)
    {
      /* Translators: %s is the chart's title */
      g_string_printf (out, _("%s: no data."), name);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  first = format_month (chart->first_month);
  last = format_month (jd_month_add (chart->first_month, chart->n_points - 1));
  /* Translators: a chart's description begins: its title, the first and
   * the last month; zh_CN: "%s，%s至%s逐月数据。" */
  sentence = g_strdup_printf (_("%s, per month from %s to %s."), name, first, last);
  append_sentence (out, sentence);

  {
    g_autofree char *high_value = format_value (chart->values[highest]);
    g_autofree char *high_month = format_month (jd_month_add (chart->first_month, highest));
    g_autofree char *low_value = format_value (chart->values[lowest]);
    g_autofree char *low_month = format_month (jd_month_add (chart->first_month, lowest));
    g_autofree char *last_value = format_value (chart->values[latest]);
    g_autofree char *last_month = format_month (jd_month_add (chart->first_month, latest));
    g_autofree char *extremes = NULL;

    /* Translators: values and their months, e.g. "Highest 1,234 in March
     * 2024; lowest 567 in July 2024; latest 890 in December 2024." */
    extremes = g_strdup_printf (_("Highest %s in %s; lowest %s in %s; latest %s in %s."),
                                high_value, high_month, low_value, low_month,
                                last_value, last_month);
    append_sentence (out, extremes);
  }

  if (missing > 0)
    {
      g_autofree char *gaps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u month has no data.",
                                                            "%u months have no data.", missing),
                                               missing);

      append_sentence (out, gaps);
    }

  if (n_compared > 0)
    {
      g_autofree char *total_text = format_value (total);
      g_autofree char *compared_text = format_value (compared_total);
      g_autofree char *change = jd_format_change (compared_total != 0
                                                  ? (total - compared_total) / fabs (compared_total)
                                                  : NAN);
      g_autofree char *together = NULL;

      /* Translators: the sum of the months that have a value in both
       * years, that of a year earlier, and the change, e.g. "Together
       * 12,345 against 11,000 a year earlier (+12.2%)." */
      together = g_strdup_printf (_("Together %s against %s a year earlier (%s)."),
                                  total_text, compared_text, change);
      append_sentence (out, together);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
chart_has_secondary (const JdChart *chart)
{
  for (guint s = 0; s < chart->series->len; s++)
    if (JD_CHART_SERIES (chart, s)->secondary)
      return TRUE;
  return FALSE;
}

/* The highest, lowest and (on a time axis) latest value of a series */
static void
describe_series (GString       *out,
                 const JdChart *chart,
                 guint          s)
{
  const JdChartSeries *series = JD_CHART_SERIES (chart, s);
  int highest = -1, lowest = -1, latest = -1;
  guint missing = 0;
  g_autofree char *sentence = NULL;

  for (guint i = 0; i < chart->n_points; i++)
    {
      double v = JD_CHART_VALUE (chart, s, i);

      if (!isfinite (v))
        {
          missing++;
          continue;
        }
      if (highest < 0 || v > JD_CHART_VALUE (chart, s, highest))
        highest = i;
      if (lowest < 0 || v < JD_CHART_VALUE (chart, s, lowest))
        lowest = i;
      latest = i;
    }

  if (latest < 0)
    {
      /* Translators: %s is a series of a chart */
      sentence = g_strdup_printf (_("%s: no data."), series->label ? series->label : "");
      append_sentence (out, sentence);
      return;
    }

  {
    g_autofree char *high_value = jd_chart_format_value (chart, s, JD_CHART_VALUE (chart, s, highest));
    g_autofree char *high_name = jd_chart_get_point_label (chart, highest);
    g_autofree char *low_value = jd_chart_format_value (chart, s, JD_CHART_VALUE (chart, s, lowest));
    g_autofree char *low_name = jd_chart_get_point_label (chart, lowest);
    g_autofree char *last_value = jd_chart_format_value (chart, s, JD_CHART_VALUE (chart, s, latest));
    g_autofree char *last_name = jd_chart_get_point_label (chart, latest);
    const char *label = series->label ? series->label : "";

    if (chart->axis_kind != JD_CHART_AXIS_CATEGORY)
      /* Translators: a series of a chart over time, e.g. "Cases decided:
       * highest 1,234 in March 2024; lowest 567 in July 2024; latest 890 in
       * December 2024." */
      sentence = g_strdup_printf (_("%s: highest %s in %s; lowest %s in %s; latest %s in %s."),
                                  label, high_value, high_name, low_value, low_name,
                                  last_value, last_name);
    else
      /* Translators: a series of a chart over categories, e.g. "Cases
       * decided: highest 1,234 (市场监管局); lowest 56 (水利局)." */
      sentence = g_strdup_printf (_("%s: highest %s (%s); lowest %s (%s)."),
                                  label, high_value, high_name, low_value, low_name);
    append_sentence (out, sentence);
  }

  if (missing > 0 && chart->axis_kind != JD_CHART_AXIS_CATEGORY)
    {
      g_autofree char *gaps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u point has no data.",
                                                            "%u points have no data.", missing),
                                               missing);

      append_sentence (out, gaps);
    }

  /* the threshold is on the secondary axis when there is one */
  if (chart->has_threshold && !series->secondary == !chart_has_secondary (chart))
    {
      guint above = 0, known = chart->n_points - missing;
      g_autofree char *limit = jd_chart_format_value (chart, s, chart->threshold);
      g_autofree char *text = NULL;

      for (guint i = 0; i < chart->n_points; i++)
        above += isfinite (JD_CHART_VALUE (chart, s, i)) && JD_CHART_VALUE (chart, s, i) > chart->threshold;
      /* Translators: how often a series is above a threshold line, e.g.
       * "Above 15.0% in 3 of 24 points." */
      text = g_strdup_printf (_("Above %s in %u of %u points."), limit, above, known);
      append_sentence (out, text);
    }
}

static void
describe_donut (GString       *out,
                const JdChart *chart)
{
  double total = 0;
  g_autofree guint *order = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *sentence = NULL;
  guint n = 0;

  if (chart->series->len == 0)
    return;

  order = g_new0 (guint, MAX (chart->n_points, 1));
  for (guint i = 0; i < chart->n_points; i++)
    {
      double v = JD_CHART_VALUE (chart, 0, i);

      if (isfinite (v) && v > 0)
        {
          total += v;
          order[n++] = i;
        }
    }

  /* largest first */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && JD_CHART_VALUE (chart, 0, order[j]) > JD_CHART_VALUE (chart, 0, order[j - 1]); j--)
      {
        guint t = order[j];
        order[j] = order[j - 1];
        order[j - 1] = t;
      }

  total_text = jd_chart_format_value (chart, 0, total);
  /* Translators: the total of a donut chart */
  sentence = g_strdup_printf (_("Total %s."), total_text);
  append_sentence (out, sentence);

  for (guint k = 0; k < n; k++)
    {
      g_autofree char *name = jd_chart_get_point_label (chart, order[k]);
      g_autofree char *value = jd_chart_format_value (chart, 0, JD_CHART_VALUE (chart, 0, order[k]));
      g_autofree char *share = jd_format_rate (JD_CHART_VALUE (chart, 0, order[k]) / total);
      g_autofree char *part = NULL;

      /* Translators: a slice of a donut chart, e.g. "12345热线 1,234 (45.0%)." */
      part = g_strdup_printf (_("%s %s (%s)."), name, value, share);
      append_sentence (out, part);
    }
}

static char *
format_change (JdChartChangeKind kind,
               double            change)
{
  return kind == JD_CHART_CHANGE_POINTS ? jd_format_points (change) : jd_format_change (change);
}

/**
 * jd_chart_describe:
 *
 * Returns: what the chart shows, in sentences, for a screen reader and
 *   for the report's alt text: its title and points, each series'
 *   highest, lowest and latest values, a threshold and how often it is
 *   passed, a donut's shares, a KPI's value and changes.
 */
char *
jd_chart_describe (const JdChart *chart)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *sentence = NULL;
  const char *name;

  g_return_val_if_fail (chart != NULL, NULL);

  /* Translators: what a chart without a title is called in its description */
  name = chart->title ? chart->title : _("Chart");

  if (chart->type == JD_CHART_KPI)
    {
      g_autofree char *value = jd_chart_format_kpi_value (chart);
      g_autofree char *yoy = format_change (chart->kpi_change_kind, chart->kpi_yoy);
      g_autofree char *mom = format_change (chart->kpi_change_kind, chart->kpi_mom);
      g_autofree char *amount = chart->kpi_unit != NULL
                                /* Translators: a value and its unit, "12,345 cases"; zh_CN: "%s%s" */
                                ? g_strdup_printf (C_("value and unit", "%s %s"), value, chart->kpi_unit)
                                : g_strdup (value);

      /* Translators: a KPI card: title, value with its unit, 同比, 环比 */
      sentence = g_strdup_printf (_("%s: %s; year on year %s, period on period %s."),
                                  name, amount, yoy, mom);
      append_sentence (out, sentence);
      if (chart->kpi_note != NULL)
        append_sentence (out, chart->kpi_note);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (chart->n_points == 0 || chart->series->len == 0)
    {
      /* Translators: %s is the chart's title */
      g_string_printf (out, _("%s: no data."), name);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (chart->axis_kind != JD_CHART_AXIS_CATEGORY)
    {
      g_autofree char *first = jd_chart_get_point_label (chart, 0);
      g_autofree char *last = jd_chart_get_point_label (chart, chart->n_points - 1);
      if (chart->axis_kind == JD_CHART_AXIS_MONTH)
        /* Translators: a chart's description begins: its title, the first and
         * the last month; zh_CN: "%s，%s至%s逐月数据。" */
        sentence = g_strdup_printf (_("%s, per month from %s to %s."), name, first, last);
      else if (chart->axis_kind == JD_CHART_AXIS_QUARTER)
        /* Translators: as above, by quarter */
        sentence = g_strdup_printf (_("%s, per quarter from %s to %s."), name, first, last);
      else
        /* Translators: as above, by year */
        sentence = g_strdup_printf (_("%s, per year from %s to %s."), name, first, last);
    }
  else
    /* Translators: a chart's description begins: its title and how many
     * categories (bars, slices, rows) it shows */
    sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u item.", "%s, %u items.",
                                             chart->n_points),
                                name, chart->n_points);
  append_sentence (out, sentence);

  if (chart->type == JD_CHART_DONUT)
    {
      describe_donut (out, chart);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (chart->type == JD_CHART_HEAT_TABLE || chart->type == JD_CHART_TABLE)
    {
      g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row.", "%u rows.",
                                                            chart->type == JD_CHART_TABLE ? chart->n_points : chart->series->len),
                                               chart->type == JD_CHART_TABLE ? chart->n_points : chart->series->len);

      append_sentence (out, rows);
      if (chart->type == JD_CHART_TABLE)
        {
          for (guint s = 0; s < chart->series->len; s++)
            describe_series (out, chart, s);
          return g_string_free (g_steal_pointer (&out), FALSE);
        }

      /* the extremes over the whole table */
      {
        int best_s = -1, best_i = -1, low_s = -1, low_i = -1;

        for (guint s = 0; s < chart->series->len; s++)
          for (guint i = 0; i < chart->n_points; i++)
            {
              double v = JD_CHART_VALUE (chart, s, i);

              if (!isfinite (v))
                continue;
              if (best_s < 0 || v > JD_CHART_VALUE (chart, best_s, best_i))
                best_s = s, best_i = i;
              if (low_s < 0 || v < JD_CHART_VALUE (chart, low_s, low_i))
                low_s = s, low_i = i;
            }
        if (best_s >= 0)
          {
            g_autofree char *hv = jd_chart_format_value (chart, best_s, JD_CHART_VALUE (chart, best_s, best_i));
            g_autofree char *hp = jd_chart_get_point_label (chart, best_i);
            g_autofree char *lv = jd_chart_format_value (chart, low_s, JD_CHART_VALUE (chart, low_s, low_i));
            g_autofree char *lp = jd_chart_get_point_label (chart, low_i);
            g_autofree char *text = NULL;

            /* Translators: the extremes of a heat table: value, row, column */
            text = g_strdup_printf (_("Highest %s (%s, %s); lowest %s (%s, %s)."),
                                    hv, JD_CHART_SERIES (chart, best_s)->label, hp,
                                    lv, JD_CHART_SERIES (chart, low_s)->label, lp);
            append_sentence (out, text);
          }
      }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  for (guint s = 0; s < chart->series->len; s++)
    {
      describe_series (out, chart, s);
      if (chart->type == JD_CHART_SPARKLINE)
        break;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* jd-chart-axis.c — text, value axes and time axes shared by the charts
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "jd-chart-axis.h"
#include "jd-format-private.h"
#include "jd-period.h"

/* Text */

/**
 * _jd_chart_context_new:
 * @cr: (nullable): where the text will be drawn, or %NULL to only measure
 *
 * Text is measured the same way on every surface: unhinted metrics and
 * unrounded glyph positions, sizes in absolute units.  So a chart laid out
 * without a cairo_t (the hit test) has the geometry of the one drawn onto
 * the screen, a PNG or a PDF page.  The language is zh-cn, so Han
 * characters take their Simplified forms.
 */
PangoContext *
_jd_chart_context_new (cairo_t *cr)
{
  PangoContext *context;
  cairo_font_options_t *options;

  if (cr != NULL)
    context = pango_cairo_create_context (cr);
  else
    context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));

  return context;
}

PangoFontDescription *
_jd_chart_font_new (const JdChartTheme *theme,
                    double              px,
                    PangoWeight         weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, theme->font_family[0] ? theme->font_family : "sans-serif");
  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);

  return font;
}

static void
text_measure (JdChartText *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (text->layout, NULL, &logical);
  text->dx = pango_units_to_double (logical.x);
  text->dy = pango_units_to_double (logical.y);
  text->rect.width = pango_units_to_double (logical.width);
  text->rect.height = pango_units_to_double (logical.height);
}

void
_jd_chart_text_init (JdChartText                *text,
                     PangoContext               *context,
                     const PangoFontDescription *font,
                     const char                 *string)
{
  text->layout = pango_layout_new (context);
  pango_layout_set_font_description (text->layout, font);
  pango_layout_set_text (text->layout, string, -1);
  text->rect.x = text->rect.y = 0;
  text_measure (text);
}

/* Ellipsizes @text to @max_width, if it is wider. */
void
_jd_chart_text_limit_width (JdChartText *text,
                            double       max_width)
{
  if (text->layout == NULL || text->rect.width <= max_width)
    return;

  pango_layout_set_width (text->layout, pango_units_from_double (MAX (max_width, 0)));
  pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
  text_measure (text);
  text->rect.width = MIN (text->rect.width, max_width);
}

void
_jd_chart_text_copy (JdChartText       *dest,
                     const JdChartText *src)
{
  *dest = *src;
  if (src->layout != NULL)
    g_object_ref (src->layout);
}

void
_jd_chart_text_clear (JdChartText *text)
{
  g_clear_object (&text->layout);
}

void
_jd_chart_text_move (JdChartText *text,
                     double       x,
                     double       y)
{
  text->rect.x = x;
  text->rect.y = y;
}

void
_jd_chart_text_draw (const JdChartText *text,
                     cairo_t           *cr,
                     const JdRgba      *color)
{
  if (text->layout == NULL)
    return;

  _jd_chart_set_source (cr, color);
  cairo_move_to (cr, text->rect.x - text->dx, text->rect.y - text->dy);
  pango_cairo_show_layout (cr, text->layout);
}

gboolean
_jd_chart_rects_overlap (const JdChartRect *a,
                         const JdChartRect *b,
                         double             gap)
{
  return a->x < b->x + b->width + gap && b->x < a->x + a->width + gap &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

void
_jd_chart_set_source (cairo_t      *cr,
                      const JdRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* The y of a horizontal line of @line_width nearest @y that covers whole
 * device pixels, so thin grid lines stay crisp on raster surfaces.  Vector
 * surfaces keep @y as it is. */
double
_jd_chart_snap (cairo_t *cr,
                double   y,
                double   line_width)
{
  double x = 0, dx = 0, dw = line_width;
  long pixels;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    return y;

  cairo_user_to_device_distance (cr, &dx, &dw);
  pixels = MAX (1, lround (fabs (dw)));
  cairo_user_to_device (cr, &x, &y);
  y = (pixels % 2) ? floor (y) + 0.5 : round (y);
  cairo_device_to_user (cr, &x, &y);

  return y;
}

/* Value axis */

/* Heckbert's nice number: 1, 2, 5 or 10 × 10ⁿ near @x, rounded to the
 * nearest if @round, else the smallest not below @x. */
double
_jd_chart_nice_number (double   x,
                       gboolean round)
{
  double exponent, fraction, nice;

  g_return_val_if_fail (x > 0 && isfinite (x), 1.0);

  exponent = floor (log10 (x));
  fraction = x / pow (10.0, exponent);

  if (round)
    nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;

  return nice * pow (10.0, exponent);
}

/**
 * _jd_chart_axis_init:
 * @integral: the data are whole numbers (counts), so the step is at least 1
 *
 * Heckbert's loose labelling: the ticks cover [@data_min, @data_max] with
 * about @target_ticks ticks, and never more than one over.  An empty range (no data, all zero) becomes
 * [0, 1] rather than a division by zero.
 */
void
_jd_chart_axis_init (JdChartAxis *axis,
                     double       data_min,
                     double       data_max,
                     guint        target_ticks,
                     gboolean     integral)
{
  double range, step;

  if (!isfinite (data_min) || !isfinite (data_max) || data_min > data_max)
    data_min = data_max = 0;
  if (data_max - data_min <= 0)
    data_max = data_min + (integral ? MAX (1.0, fabs (data_min)) : MAX (1.0, fabs (data_min) * 0.1));

  target_ticks = MAX (target_ticks, 2);
  range = _jd_chart_nice_number (data_max - data_min, FALSE);
  step = _jd_chart_nice_number (range / (target_ticks - 1), TRUE);
  if (integral && step < 1)
    step = 1;

  /* Widening the range to whole steps can overshoot the target (18,300
   * in steps of 2,000 is eleven ticks for a target of seven): then take
   * the next nice step up. */
  for (;;)
    {
      axis->step = step;
      axis->min = floor (data_min / step) * step;
      axis->max = ceil (data_max / step) * step;
      axis->n_ticks = (guint) lround ((axis->max - axis->min) / step) + 1;
      if (axis->n_ticks <= target_ticks + 1)
        break;
      step = _jd_chart_nice_number (step * 1.01, FALSE);
    }

  axis->decimals = MAX (0, (int) -floor (log10 (step) + 1e-9));
}

double
_jd_chart_axis_tick (const JdChartAxis *axis,
                     guint              i)
{
  double scale = pow (10.0, axis->decimals);
  double value = (round (axis->min / axis->step) + i) * axis->step;

  /* 6 × 0.2 is 1.2000000000000002; the tick is 1.2 */
  return round (value * scale) / scale;
}

char *
_jd_chart_axis_label (const JdChartAxis *axis,
                      guint              i)
{
  /* A tick is an exact multiple of the step, so as many places as the
   * largest unit (万亿 / T, 10¹²) could need lose nothing: 12,500 is
   * 1.25万, not 1.3万; trailing zeros are dropped. */
  return _jd_format_compact_full (_jd_number_style_current (),
                                  _jd_chart_axis_tick (axis, i),
                                  axis->decimals + 12);
}

double
_jd_chart_axis_position (const JdChartAxis *axis,
                         double             value,
                         double             from,
                         double             to)
{
  if (axis->max <= axis->min)
    return from;

  return from + (value - axis->min) / (axis->max - axis->min) * (to - from);
}

/* Time axis */

static char *
month_label (int month_of_year)
{
  /* Translators: a month under the bars of a monthly chart, 1 to 12;
   * zh_CN: "%d月" */
  return g_strdup_printf (C_("chart axis", "%d"), month_of_year);
}

static char *
year_label (int year)
{
  JdPeriod period = { JD_PERIOD_YEAR, year, 0 };

  return jd_period_format (&period);
}

double
_jd_chart_time_axis_height (PangoContext               *context,
                            const PangoFontDescription *font)
{
  JdChartText probe = { 0 };
  double height;

  /* Digits and Han characters: a CJK font's line is the taller one */
  _jd_chart_text_init (&probe, context, font, "2024年12月");
  height = probe.rect.height;
  _jd_chart_text_clear (&probe);

  return 2 * height;
}

typedef struct
{
  JdChartText text;
  int         year;
  gboolean    fits;
} YearLabel;

static void
place_centred (JdChartRect *rect,
               double       centre,
               double       min_x,
               double       max_x)
{
  rect->x = centre - rect->width / 2;
  rect->x = MIN (rect->x, max_x - rect->width);
  rect->x = MAX (rect->x, min_x);
}

/* The label of one band: "3月", "Q2" or "2024年" */
static char *
unit_label (JdPeriodKind kind,
            int          month)
{
  switch (kind)
    {
    case JD_PERIOD_QUARTER:
      /* Translators: a quarter under the bars of a quarterly chart, 1 to 4;
       * zh_CN: "%d季度" would be long; "Q%d" is usual in Chinese charts too */
      return g_strdup_printf (C_("chart axis", "Q%d"), (month % 100 - 1) / 3 + 1);
    case JD_PERIOD_YEAR:
      return year_label (month / 100);
    case JD_PERIOD_MONTH:
    default:
      return month_label (month % 100);
    }
}

/* Whether the band that starts with @month is labelled at @step */
static gboolean
unit_on_step (JdPeriodKind kind,
              int          month,
              guint        step)
{
  switch (kind)
    {
    case JD_PERIOD_QUARTER:
      return ((month % 100 - 1) / 3) % step == 0;
    case JD_PERIOD_YEAR:
      return (month / 100) % step == 0;
    case JD_PERIOD_MONTH:
    default:
      return (month % 100 - 1) % step == 0;
    }
}

static int
months_per_band (JdPeriodKind kind)
{
  return kind == JD_PERIOD_QUARTER ? 3 : kind == JD_PERIOD_YEAR ? 12 : 1;
}

void
_jd_chart_time_axis_layout (JdChartTimeAxis            *axis,
                            PangoContext               *context,
                            const PangoFontDescription *font,
                            int                         first_month,
                            guint                       n_months,
                            double                      x0,
                            double                      band,
                            double                      y,
                            double                      min_x,
                            double                      max_x,
                            double                      gap)
{
  _jd_chart_time_axis_layout_full (axis, context, font, JD_PERIOD_MONTH, first_month, n_months,
                                   x0, band, y, min_x, max_x, gap);
}

/**
 * _jd_chart_time_axis_layout_full:
 * @kind: what a band is: a month, a quarter or a year
 * @first_month: the first month of the first band
 *
 * Months (or quarters) in the first row, thinned to steps that divide a
 * year so labelled ones line up and the first of a year is always one;
 * years in the second row, once where each begins, thinned too.  For
 * years the first row holds the years and the second stays empty.
 */
void
_jd_chart_time_axis_layout_full (JdChartTimeAxis            *axis,
                                 PangoContext               *context,
                                 const PangoFontDescription *font,
                                 JdPeriodKind                kind,
                                 int                         first_month,
                                 guint                       n_bands,
                                 double                      x0,
                                 double                      band,
                                 double                      y,
                                 double                      min_x,
                                 double                      max_x,
                                 double                      gap)
{
  static const guint month_steps[] = { 1, 2, 3, 6, 12 };
  static const guint quarter_steps[] = { 1, 2, 4 };
  static const guint year_steps[] = { 1, 2, 5, 10, 20, 50, 100 };
  const guint *unit_steps;
  guint n_unit_steps;
  int per_band = months_per_band (kind);
  g_autoptr(GArray) units = NULL;  /* JdChartText, one a band */
  JdChartText first_year = { 0 };
  g_autoptr(GArray) years = NULL;  /* YearLabel; texts moved or cleared */
  double row_height = _jd_chart_time_axis_height (context, font) / 2;
  double inset = gap / 2;

  axis->month_labels = g_array_new (FALSE, TRUE, sizeof (JdChartText));
  axis->year_labels = g_array_new (FALSE, TRUE, sizeof (JdChartText));
  axis->year_marks = g_array_new (FALSE, TRUE, sizeof (double));
  axis->month_step = 0;
  axis->year_step = 0;
  axis->month_row_y = y;
  axis->year_row_y = y + row_height;
  axis->bottom = y + 2 * row_height;

  if (n_bands == 0)
    return;

  if (kind == JD_PERIOD_QUARTER)
    first_month = first_month / 100 * 100 + ((first_month % 100 - 1) / 3) * 3 + 1;
  else if (kind == JD_PERIOD_YEAR)
    first_month = first_month / 100 * 100 + 1;

  switch (kind)
    {
    case JD_PERIOD_QUARTER:
      unit_steps = quarter_steps;
      n_unit_steps = G_N_ELEMENTS (quarter_steps);
      break;
    case JD_PERIOD_YEAR:
      unit_steps = year_steps;
      n_unit_steps = G_N_ELEMENTS (year_steps);
      break;
    case JD_PERIOD_MONTH:
    default:
      unit_steps = month_steps;
      n_unit_steps = G_N_ELEMENTS (month_steps);
      break;
    }

  /* The first row: one label a band, measured once */
  units = g_array_sized_new (FALSE, TRUE, sizeof (JdChartText), n_bands);
  for (guint i = 0; i < n_bands; i++)
    {
      int month = jd_month_add (first_month, i * per_band);
      g_autofree char *label = unit_label (kind, month);
      JdChartText text = { 0 };

      /* months repeat every twelve: lay each out once */
      if (kind != JD_PERIOD_YEAR && i >= (guint) (12 / per_band))
        _jd_chart_text_copy (&text, &g_array_index (units, JdChartText, i - 12 / per_band));
      else
        _jd_chart_text_init (&text, context, font, label);
      place_centred (&text.rect, x0 + (i + 0.5) * band, min_x, max_x);
      text.rect.y = axis->month_row_y;
      g_array_append_val (units, text);
    }

  for (guint s = 0; s < n_unit_steps && axis->month_step == 0; s++)
    {
      double previous_right = -G_MAXDOUBLE;
      gboolean fits = TRUE;

      for (guint i = 0; i < n_bands && fits; i++)
        {
          const JdChartText *text = &g_array_index (units, JdChartText, i);

          if (!unit_on_step (kind, jd_month_add (first_month, i * per_band), unit_steps[s]))
            continue;
          fits = text->rect.x >= previous_right + gap;
          previous_right = text->rect.x + text->rect.width;
        }

      if (fits)
        axis->month_step = unit_steps[s];
    }

  for (guint i = 0; i < n_bands; i++)
    {
      JdChartText *text = &g_array_index (units, JdChartText, i);

      if (axis->month_step > 0 &&
          unit_on_step (kind, jd_month_add (first_month, i * per_band), axis->month_step))
        g_array_append_val (axis->month_labels, *text);
      else
        _jd_chart_text_clear (text);
    }

  if (kind == JD_PERIOD_YEAR)
    return;

  /* Years: a mark where each begins, the label just after it */
  years = g_array_new (FALSE, TRUE, sizeof (YearLabel));

  for (guint i = 0; i < n_bands; i++)
    {
      int month = jd_month_add (first_month, i * per_band);

      if (month % 100 == 1)
        {
          double x = x0 + i * band;
          g_autofree char *label = year_label (month / 100);
          YearLabel year = { .year = month / 100 };

          g_array_append_val (axis->year_marks, x);
          _jd_chart_text_init (&year.text, context, font, label);
          _jd_chart_text_move (&year.text, x + inset, axis->year_row_y);
          /* A year that starts too near the end to be named is left to
           * its mark. */
          year.fits = year.text.rect.x + year.text.rect.width <= max_x;
          g_array_append_val (years, year);
        }
    }

  for (guint s = 0; s < G_N_ELEMENTS (year_steps) && axis->year_step == 0; s++)
    {
      const JdChartRect *previous = NULL;
      gboolean fits = TRUE;

      for (guint j = 0; j < years->len && fits; j++)
        {
          const YearLabel *year = &g_array_index (years, YearLabel, j);

          if (year->year % year_steps[s] != 0 || !year->fits)
            continue;
          fits = previous == NULL || !_jd_chart_rects_overlap (previous, &year->text.rect, gap);
          previous = &year->text.rect;
        }

      if (fits)
        axis->year_step = year_steps[s];
    }

  for (guint j = 0; j < years->len; j++)
    {
      YearLabel *year = &g_array_index (years, YearLabel, j);

      if (axis->year_step > 0 && year->year % axis->year_step == 0 && year->fits)
        g_array_append_val (axis->year_labels, year->text);
      else
        _jd_chart_text_clear (&year->text);
    }

  /* The year the chart starts in, if not in January: named at the start,
   * unless that would crowd the first full year. */
  if (first_month % 100 != 1)
    {
      g_autofree char *label = year_label (first_month / 100);

      _jd_chart_text_init (&first_year, context, font, label);
      _jd_chart_text_move (&first_year, MAX (x0, min_x) + inset, axis->year_row_y);
      if (first_year.rect.x + first_year.rect.width <= max_x &&
          (axis->year_labels->len == 0 ||
           !_jd_chart_rects_overlap (&first_year.rect,
                                     &g_array_index (axis->year_labels, JdChartText, 0).rect,
                                     gap)))
        {
          g_array_prepend_val (axis->year_labels, first_year);
          first_year.layout = NULL;
        }
      _jd_chart_text_clear (&first_year);
    }
}

void
_jd_chart_time_axis_clear (JdChartTimeAxis *axis)
{
  GArray *arrays[] = { axis->month_labels, axis->year_labels };

  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    {
      if (arrays[a] == NULL)
        continue;
      for (guint i = 0; i < arrays[a]->len; i++)
        _jd_chart_text_clear (&g_array_index (arrays[a], JdChartText, i));
    }

  g_clear_pointer (&axis->month_labels, g_array_unref);
  g_clear_pointer (&axis->year_labels, g_array_unref);
  g_clear_pointer (&axis->year_marks, g_array_unref);
}

/* jd-chart.c — charts drawn onto any cairo_t (screen, PNG, PDF, print)
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A chart is drawn in two steps.  _jd_monthly_layout_new() places every
 * bar, point, tick and label in the chart's own width × height, measuring
 * text with Pango; drawing then only paints that layout, and the hit test
 * only reads it, so what is under the pointer is what was drawn.  Text is
 * measured the same way whatever the surface (see _jd_chart_context_new()),
 * so the hit test, which has no cairo_t, lays out the same chart.
 *
 * Sizes follow the chart: text, padding and strokes grow with the square
 * root of its area against an 800 × 400 reference, between 0.85 and 1.75
 * times the theme's font size, so a card on the dashboard and a 1920 ×
 * 1080 slide are both legible.
 */

#define G_LOG_DOMAIN "jd-chart"

#include "config.h"

#include <math.h>
#include <string.h>

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
}

/* Layout */

static void
scan_values (const double *values,
             guint         n,
             double       *min,
             double       *max,
             gboolean     *integral)
{
  if (values == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      if (!isfinite (values[i]))
        continue;
      *min = MIN (*min, values[i]);
      *max = MAX (*max, values[i]);
      if (values[i] != floor (values[i]))
        *integral = FALSE;
    }
}

static const char *
value_legend (const JdMonthlyChart *chart)
{
  /* Translators: legend of the bars of a monthly chart, when the caller
   * gave none; zh_CN: "本期" */
  return chart->value_label ? chart->value_label : _("This period");
}

static const char *
comparison_legend (const JdMonthlyChart *chart)
{
  /* Translators: legend of the dashed line of the same months a year
   * earlier; zh_CN: "上年同期" */
  return chart->comparison_label ? chart->comparison_label : _("A year earlier");
}

/* The legend's items, measured; returns its width. */
static double
legend_init (JdMonthlyLayout            *self,
             PangoContext               *context,
             const PangoFontDescription *font,
             const JdMonthlyChart       *chart)
{
  double width = 0;

  if (chart->value_label != NULL || chart->comparison != NULL)
    {
      JdChartLegendItem *item = &self->legend[self->n_legend++];

      item->kind = JD_CHART_LEGEND_BAR;
      item->series = 0;
      _jd_chart_text_init (&item->text, context, font, value_legend (chart));
    }

  if (chart->comparison != NULL)
    {
      JdChartLegendItem *item = &self->legend[self->n_legend++];

      item->kind = JD_CHART_LEGEND_LINE;
      item->series = 1;
      _jd_chart_text_init (&item->text, context, font, comparison_legend (chart));
    }

  for (guint i = 0; i < self->n_legend; i++)
    {
      JdChartLegendItem *item = &self->legend[i];

      item->swatch.width = self->font_px * (item->kind == JD_CHART_LEGEND_BAR ? 0.75 : 1.8);
      item->swatch.height = self->font_px * 0.75;
      width += item->swatch.width + self->font_px * 0.4 + item->text.rect.width;
      if (i > 0)
        width += self->font_px * 1.2;
    }

  return width;
}

/* Right-aligns the legend to @right, its row starting at @y. */
static void
legend_place (JdMonthlyLayout *self,
              double           right,
              double           y,
              double           row_height)
{
  double x = right;

  for (guint i = self->n_legend; i-- > 0;)
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
legend_height (const JdMonthlyLayout *self)
{
  double height = 0;

  for (guint i = 0; i < self->n_legend; i++)
    height = MAX (height, self->legend[i].text.rect.height);

  return height;
}

/* Title and legend, on one row when they fit side by side; returns the
 * y below them. */
static double
layout_header (JdMonthlyLayout            *self,
               PangoContext               *context,
               const PangoFontDescription *font,
               const PangoFontDescription *title_font,
               const JdMonthlyChart       *chart,
               double                      pad)
{
  double available = self->width - 2 * pad;
  double right = self->width - pad;
  double y = pad;
  double legend_width = legend_init (self, context, font, chart);

  if (legend_width > available)
    {
      /* Too narrow even for the legend alone: its texts share what is
       * left beside the swatches, in proportion */
      double texts = 0, others, room;

      for (guint i = 0; i < self->n_legend; i++)
        texts += self->legend[i].text.rect.width;
      others = legend_width - texts;
      room = MAX (available - others, 0);
      for (guint i = 0; i < self->n_legend; i++)
        {
          JdChartText *text = &self->legend[i].text;

          _jd_chart_text_limit_width (text, room * text->rect.width / texts);
        }
    }

  if (chart->title != NULL && chart->title[0] != '\0')
    {
      _jd_chart_text_init (&self->title, context, title_font, chart->title);

      if (self->n_legend > 0 &&
          self->title.rect.width + self->font_px * 1.5 + legend_width <= available)
        {
          double row = MAX (self->title.rect.height, legend_height (self));

          _jd_chart_text_move (&self->title, pad, y + (row - self->title.rect.height) / 2);
          legend_place (self, right, y, row);
          return y + row + self->font_px * 0.5;
        }

      _jd_chart_text_limit_width (&self->title, available);
      _jd_chart_text_move (&self->title, pad, y);
      y += self->title.rect.height;
    }

  if (self->n_legend > 0)
    {
      legend_place (self, right, y, legend_height (self));
      y += legend_height (self);
    }

  return y > pad ? y + self->font_px * 0.5 : y;
}

/* The value axis, always from zero, with about a tick per 3.5 lines of
 * text; and from the widest tick label, the plot's left edge. */
static void
layout_value_axis (JdMonthlyLayout            *self,
                   PangoContext               *context,
                   const PangoFontDescription *font,
                   const JdMonthlyChart       *chart,
                   double                      pad)
{
  double data_min = 0, data_max = 0, label_width = 0;
  double label_gap = self->font_px * 0.5;
  double bottom = self->plot.y + self->plot.height;
  gboolean integral = TRUE;
  guint target_ticks;

  scan_values (chart->values, self->n_points, &data_min, &data_max, &integral);
  scan_values (chart->comparison, self->n_points, &data_min, &data_max, &integral);
  target_ticks = (guint) CLAMP (self->plot.height / (self->font_px * 3.5), 2, 8);
  _jd_chart_axis_init (&self->y_axis, data_min, data_max, target_ticks, integral);

  self->tick_y = g_new0 (double, self->y_axis.n_ticks);
  self->tick_labels = g_new0 (JdChartText, self->y_axis.n_ticks);
  for (guint i = 0; i < self->y_axis.n_ticks; i++)
    {
      g_autofree char *label = _jd_chart_axis_label (&self->y_axis, i);

      self->tick_y[i] = _jd_chart_axis_position (&self->y_axis, _jd_chart_axis_tick (&self->y_axis, i),
                                                 bottom, self->plot.y);
      _jd_chart_text_init (&self->tick_labels[i], context, font, label);
      label_width = MAX (label_width, self->tick_labels[i].rect.width);
    }

  self->plot.x = pad + label_width + label_gap;
  self->plot.width = MAX (self->width - pad - self->plot.x, 1);
  self->baseline = _jd_chart_axis_position (&self->y_axis, 0, bottom, self->plot.y);

  for (guint i = 0; i < self->y_axis.n_ticks; i++)
    {
      JdChartText *label = &self->tick_labels[i];

      _jd_chart_text_move (label, self->plot.x - label_gap - label->rect.width,
                           self->tick_y[i] - label->rect.height / 2);
    }
}

/* One band per month across the plot; a bar in each, with some air
 * around it, and the comparison's point over its centre. */
static void
layout_marks (JdMonthlyLayout      *self,
              const JdMonthlyChart *chart)
{
  double bottom = self->plot.y + self->plot.height;
  double gap, bar_width;

  self->band = self->plot.width / MAX (self->n_points, 1);
  gap = self->band >= 5 * self->scale ? MIN (self->band * 0.3, 24 * self->scale) : self->band * 0.2;
  /* a lone bar is not the width of the chart */
  bar_width = MIN (self->band - gap, self->font_px * 6);
  self->bars = g_new0 (JdChartBar, MAX (self->n_points, 1));

  for (guint i = 0; i < self->n_points; i++)
    {
      JdChartBar *bar = &self->bars[i];
      double value = chart->values[i];
      double top;

      if (!isfinite (value))
        continue;

      top = _jd_chart_axis_position (&self->y_axis, value, bottom, self->plot.y);
      bar->rect.x = self->plot.x + i * self->band + (self->band - bar_width) / 2;
      bar->rect.width = bar_width;
      bar->rect.y = MIN (top, self->baseline);
      bar->rect.height = fabs (top - self->baseline);
      bar->visible = bar->rect.height > 0;
    }

  if (chart->comparison == NULL)
    return;

  self->comparison = g_new0 (JdChartPoint, MAX (self->n_points, 1));
  for (guint i = 0; i < self->n_points; i++)
    {
      JdChartPoint *point = &self->comparison[i];
      double value = chart->comparison[i];

      point->x = self->plot.x + (i + 0.5) * self->band;
      point->visible = isfinite (value);
      if (point->visible)
        point->y = _jd_chart_axis_position (&self->y_axis, value, bottom, self->plot.y);
    }

  self->marker_radius = MIN (self->font_px * 0.28, self->band * 0.3);
  if (self->marker_radius < 1.5 * self->scale)
    self->marker_radius = 0;
}

JdMonthlyLayout *
_jd_monthly_layout_new (PangoContext         *context,
                        double                width,
                        double                height,
                        const JdMonthlyChart *chart,
                        const JdChartTheme   *theme)
{
  g_autoptr(JdMonthlyLayout) self = g_new0 (JdMonthlyLayout, 1);
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) title_font = NULL;
  double pad, row_height, tick_gap, top, bottom;

  g_assert (chart != NULL);
  g_assert (theme != NULL);

  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->scale = CLAMP (sqrt (self->width * self->height / (800.0 * 400.0)), 0.85, 1.75);
  self->font_px = theme->font_size * 96.0 / 72.0 * self->scale;
  self->line_width = MAX (1.0, self->scale);
  self->n_points = chart->values != NULL ? chart->n_points : 0;

  font = _jd_chart_font_new (theme, self->font_px, PANGO_WEIGHT_NORMAL);
  title_font = _jd_chart_font_new (theme, self->font_px * 1.25, PANGO_WEIGHT_BOLD);
  pad = round (self->font_px * 0.8);
  tick_gap = self->font_px * 0.3;
  row_height = _jd_chart_time_axis_height (context, font) / 2;

  /* Top to bottom: title and legend; half the top tick's label; the
   * plot; the two rows of the time axis */
  top = layout_header (self, context, font, title_font, chart, pad);
  self->plot.y = top + row_height / 2;
  bottom = self->height - pad * 0.75 - 2 * row_height - tick_gap;
  self->plot.height = MAX (bottom - self->plot.y, 1);

  /* Left to right: the tick labels, the plot */
  layout_value_axis (self, context, font, chart, pad);
  layout_marks (self, chart);

  _jd_chart_time_axis_layout (&self->x_axis, context, font,
                              chart->first_month, self->n_points,
                              self->plot.x, self->band,
                              self->plot.y + self->plot.height + tick_gap,
                              self->plot.x, self->width - pad * 0.25,
                              self->font_px * 0.6);

  return g_steal_pointer (&self);
}

/* Laid out with text measured for @cr, or, if %NULL, for no surface in
 * particular; either way the same geometry. */
JdMonthlyLayout *
_jd_monthly_layout_new_for (cairo_t              *cr,
                            double                width,
                            double                height,
                            const JdMonthlyChart *chart,
                            const JdChartTheme   *theme)
{
  PangoContext *context = _jd_chart_context_new (cr);
  JdMonthlyLayout *layout;

  layout = _jd_monthly_layout_new (context, width, height, chart, theme);
  g_object_unref (context);

  return layout;
}

void
_jd_monthly_layout_free (JdMonthlyLayout *self)
{
  if (self == NULL)
    return;

  _jd_chart_text_clear (&self->title);
  for (guint i = 0; i < self->n_legend; i++)
    _jd_chart_text_clear (&self->legend[i].text);
  for (guint i = 0; self->tick_labels != NULL && i < self->y_axis.n_ticks; i++)
    _jd_chart_text_clear (&self->tick_labels[i]);
  g_free (self->tick_labels);
  g_free (self->tick_y);
  g_free (self->bars);
  g_free (self->comparison);
  _jd_chart_time_axis_clear (&self->x_axis);
  g_free (self);
}

/* The column under (@x, @y) anywhere in the plot's height, NaN or not, so
 * a tooltip can say a month has no data; -1 outside the plot. */
int
_jd_monthly_layout_hit (const JdMonthlyLayout *self,
                        double                 x,
                        double                 y)
{
  const JdChartRect *plot = &self->plot;
  int index;

  if (self->n_points == 0 ||
      x < plot->x || x >= plot->x + plot->width ||
      y < plot->y || y > plot->y + plot->height)
    return -1;

  index = (int) floor ((x - plot->x) / self->band);

  return CLAMP (index, 0, (int) self->n_points - 1);
}

/* Drawing */

static void
hline (cairo_t      *cr,
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

/* A bar with its far corners slightly rounded */
static void
bar_path (cairo_t           *cr,
          const JdChartRect *r,
          gboolean           upwards,
          double             radius)
{
  radius = MIN (radius, MIN (r->width / 4, r->height));

  if (radius < 0.5)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      return;
    }

  if (upwards)
    {
      cairo_move_to (cr, r->x, r->y + r->height);
      cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 1.5 * G_PI);
      cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, 1.5 * G_PI, 2 * G_PI);
      cairo_line_to (cr, r->x + r->width, r->y + r->height);
    }
  else
    {
      cairo_move_to (cr, r->x, r->y);
      cairo_line_to (cr, r->x + r->width, r->y);
      cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, 0.5 * G_PI);
      cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, 0.5 * G_PI, G_PI);
    }
  cairo_close_path (cr);
}

static void
marker (cairo_t      *cr,
        double        x,
        double        y,
        double        radius,
        double        outline,
        const JdRgba *fill,
        const JdRgba *halo)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  _jd_chart_set_source (cr, fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, outline);
  _jd_chart_set_source (cr, halo);
  cairo_stroke (cr);
}

static void
set_dash (cairo_t *cr,
          double   scale)
{
  double dashes[] = { 5 * scale, 3 * scale };

  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
}

static void
draw_comparison (cairo_t               *cr,
                 const JdMonthlyLayout *self,
                 const JdChartTheme    *theme,
                 const JdRgba          *halo)
{
  gboolean drawing = FALSE;

  /* The line breaks where a month is missing */
  for (guint i = 0; i < self->n_points; i++)
    {
      const JdChartPoint *p = &self->comparison[i];

      if (!p->visible)
        drawing = FALSE;
      else if (drawing)
        cairo_line_to (cr, p->x, p->y);
      else
        {
          cairo_move_to (cr, p->x, p->y);
          drawing = TRUE;
        }
    }

  cairo_set_line_width (cr, 1.75 * self->scale);
  set_dash (cr, self->scale);
  _jd_chart_set_source (cr, &theme->series[1]);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < self->n_points; i++)
    {
      const JdChartPoint *p = &self->comparison[i];
      gboolean isolated = (i == 0 || !self->comparison[i - 1].visible) &&
                          (i + 1 == self->n_points || !self->comparison[i + 1].visible);

      if (!p->visible)
        continue;

      /* Too crowded for markers, a point between gaps still needs a dot
       * to be seen at all */
      if (self->marker_radius > 0)
        marker (cr, p->x, p->y, self->marker_radius, self->scale, &theme->series[1], halo);
      else if (isolated)
        marker (cr, p->x, p->y, 1.5 * self->scale, 0.5 * self->scale, &theme->series[1], halo);
    }
}

static void
draw_legend (cairo_t               *cr,
             const JdMonthlyLayout *self,
             const JdChartTheme    *theme,
             const JdRgba          *halo)
{
  for (guint i = 0; i < self->n_legend; i++)
    {
      const JdChartLegendItem *item = &self->legend[i];
      const JdChartRect *s = &item->swatch;
      const JdRgba *color = &theme->series[item->series];

      if (item->kind == JD_CHART_LEGEND_BAR)
        {
          bar_path (cr, s, TRUE, 1.5 * self->scale);
          _jd_chart_set_source (cr, color);
          cairo_fill (cr);
        }
      else
        {
          double y = s->y + s->height / 2;

          cairo_move_to (cr, s->x, y);
          cairo_line_to (cr, s->x + s->width, y);
          cairo_set_line_width (cr, 1.75 * self->scale);
          set_dash (cr, self->scale * 0.7);
          _jd_chart_set_source (cr, color);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          marker (cr, s->x + s->width / 2, y, self->font_px * 0.28, self->scale, color, halo);
        }

      _jd_chart_text_draw (&item->text, cr, &theme->foreground);
    }
}

static void
draw_time_axis (cairo_t               *cr,
                const JdMonthlyLayout *self,
                const JdChartTheme    *theme)
{
  const JdChartTimeAxis *axis = &self->x_axis;

  /* A year begins: a tick under the axis, and a mark before its label */
  cairo_set_line_width (cr, self->line_width);
  for (guint i = 0; i < axis->year_marks->len; i++)
    {
      double x = g_array_index (axis->year_marks, double, i);

      cairo_move_to (cr, x, self->baseline);
      cairo_line_to (cr, x, axis->month_row_y);
      cairo_move_to (cr, x, axis->year_row_y);
      cairo_line_to (cr, x, axis->bottom);
    }
  _jd_chart_set_source (cr, &theme->dim);
  cairo_stroke (cr);

  for (guint i = 0; i < axis->month_labels->len; i++)
    _jd_chart_text_draw (&g_array_index (axis->month_labels, JdChartText, i), cr, &theme->dim);
  for (guint i = 0; i < axis->year_labels->len; i++)
    _jd_chart_text_draw (&g_array_index (axis->year_labels, JdChartText, i), cr, &theme->foreground);
}

static void
draw_layout (cairo_t               *cr,
             const JdMonthlyLayout *self,
             const JdChartTheme    *theme)
{
  JdRgba halo = theme->background;

  if (halo.alpha <= 0)
    halo = theme->dark ? (JdRgba) RGB (0x1e1e1e) : (JdRgba) RGB (0xffffff);

  if (theme->background.alpha > 0)
    {
      _jd_chart_set_source (cr, &theme->background);
      cairo_rectangle (cr, 0, 0, self->width, self->height);
      cairo_fill (cr);
    }

  /* Grid and value axis */
  for (guint i = 0; i < self->y_axis.n_ticks; i++)
    {
      if (fabs (self->tick_y[i] - self->baseline) > 0.5)
        hline (cr, self->plot.x, self->plot.x + self->plot.width, self->tick_y[i],
               self->line_width, &theme->grid);
      _jd_chart_text_draw (&self->tick_labels[i], cr, &theme->dim);
    }

  /* Bars */
  for (guint i = 0; i < self->n_points; i++)
    if (self->bars[i].visible)
      bar_path (cr, &self->bars[i].rect, self->bars[i].rect.y < self->baseline, 2 * self->scale);
  _jd_chart_set_source (cr, &theme->series[0]);
  cairo_fill (cr);

  hline (cr, self->plot.x, self->plot.x + self->plot.width, self->baseline,
         self->line_width, &theme->dim);

  if (self->comparison != NULL)
    draw_comparison (cr, self, theme, &halo);

  draw_time_axis (cr, self, theme);
  _jd_chart_text_draw (&self->title, cr, &theme->foreground);
  draw_legend (cr, self, theme, &halo);
}

/* Public API */

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
                       const JdMonthlyChart *chart,
                       const JdChartTheme   *theme)
{
  g_autoptr(JdMonthlyLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (chart != NULL);
  g_return_if_fail (theme != NULL);
  g_return_if_fail (chart->n_points == 0 || chart->values != NULL);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  layout = _jd_monthly_layout_new_for (cr, width, height, chart, theme);
  draw_layout (cr, layout, theme);
  cairo_restore (cr);
}

/**
 * jd_chart_monthly_hit:
 *
 * Returns: the month (index into chart->values) whose column holds
 *   (@x, @y), whether or not it has a value; -1 outside the plot.  The
 *   geometry is the one jd_chart_draw_monthly() draws with a theme from
 *   jd_chart_theme_init_light() or _dark() (both use the same type).
 */
int
jd_chart_monthly_hit (double                width,
                      double                height,
                      const JdMonthlyChart *chart,
                      double                x,
                      double                y)
{
  g_autoptr(JdMonthlyLayout) layout = NULL;
  JdChartTheme theme;

  g_return_val_if_fail (chart != NULL, -1);
  g_return_val_if_fail (chart->n_points == 0 || chart->values != NULL, -1);

  if (width <= 0 || height <= 0)
    return -1;

  jd_chart_theme_init_light (&theme);
  layout = _jd_monthly_layout_new_for (NULL, width, height, chart, &theme);

  return _jd_monthly_layout_hit (layout, x, y);
}

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

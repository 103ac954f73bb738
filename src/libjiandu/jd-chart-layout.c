/* jd-chart-layout.c — the chart kit: placing every mark, label and legend item
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "jd-chart.h"
#include "jd-chart-private.h"

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

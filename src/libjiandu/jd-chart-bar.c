/* jd-chart-bar.c — charts on a value axis: bars (vertical, horizontal,
 * grouped, stacked), lines, bars with a line on a second axis, sparklines
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-chart-private.h"
#include "jd-format.h"

static gboolean
is_stacked (const JdChart *chart)
{
  return chart->type == JD_CHART_BAR_STACKED || chart->type == JD_CHART_HBAR_STACKED;
}

static gboolean
is_bar (const JdChart *chart,
        guint          s)
{
  return _jd_chart_series_mark (chart, s) == JD_CHART_MARK_BAR;
}

static gboolean
has_secondary (const JdChart *chart)
{
  for (guint s = 0; s < chart->series->len; s++)
    if (JD_CHART_SERIES (chart, s)->secondary)
      return TRUE;
  return FALSE;
}

static JdChartFormat
axis_format (const JdChart *chart,
             gboolean       secondary)
{
  for (guint s = 0; s < chart->series->len; s++)
    if (!JD_CHART_SERIES (chart, s)->secondary == !secondary)
      return _jd_chart_series_format (chart, s);
  return chart->format;
}

/* The range of the values on one axis; stacked bars count their sums. */
static void
scan_axis (const JdChart *chart,
           gboolean       secondary,
           double        *min,
           double        *max,
           gboolean      *integral)
{
  for (guint i = 0; i < chart->n_points; i++)
    {
      double up = 0, down = 0;

      for (guint s = 0; s < chart->series->len; s++)
        {
          double v = JD_CHART_VALUE (chart, s, i);

          if (!JD_CHART_SERIES (chart, s)->secondary != !secondary || !isfinite (v))
            continue;
          if (v != floor (v))
            *integral = FALSE;
          if (is_stacked (chart) && is_bar (chart, s))
            {
              if (v > 0)
                up += v;
              else
                down += v;
              *max = MAX (*max, up);
              *min = MIN (*min, down);
            }
          else
            {
              *max = MAX (*max, v);
              *min = MIN (*min, v);
            }
        }
    }

  if (chart->has_threshold && has_secondary (chart) == secondary)
    {
      *max = MAX (*max, chart->threshold);
      *min = MIN (*min, chart->threshold);
    }

  if (_jd_chart_series_format (chart, 0) == JD_CHART_FORMAT_PERCENT ||
      axis_format (chart, secondary) == JD_CHART_FORMAT_PERCENT)
    *integral = FALSE;
}

static double
axis_pos (const JdChartLayout *self,
          const JdChartAxis   *axis,
          double               value)
{
  if (self->horizontal)
    return _jd_chart_axis_position (axis, value, self->plot.x, self->plot.x + self->plot.width);

  return _jd_chart_axis_position (axis, value, self->plot.y + self->plot.height, self->plot.y);
}

/* The secondary axis takes as many ticks as the primary, so both share
 * the grid: its step grows to a nice number that covers the data in that
 * many ticks, and its top follows. */
static void
axis_align (JdChartAxis *axis,
            guint        n_ticks)
{
  while (axis->n_ticks > n_ticks)
    {
      double step = _jd_chart_nice_number (axis->step * 1.01, FALSE);
      double min = floor (axis->min / step) * step;
      double max = ceil (axis->max / step) * step;

      axis->step = step;
      axis->min = min;
      axis->max = max;
      axis->n_ticks = (guint) lround ((max - min) / step) + 1;
      axis->decimals = MAX (0, (int) -floor (log10 (step) + 1e-9));
    }
  axis->max = axis->min + axis->step * (n_ticks - 1);
  axis->n_ticks = n_ticks;
}

static void
init_ticks (JdChartLayout              *self,
            PangoContext               *context,
            const PangoFontDescription *font,
            const JdChartAxis          *axis,
            JdChartFormat               format,
            double                    **positions,
            JdChartText               **labels,
            double                     *widest)
{
  *positions = g_new0 (double, axis->n_ticks);
  *labels = g_new0 (JdChartText, axis->n_ticks);
  *widest = 0;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_autofree char *text = _jd_chart_format_tick (format, axis, i);

      _jd_chart_text_init (&(*labels)[i], context, font, text);
      *widest = MAX (*widest, (*labels)[i].rect.width);
    }
}

static void
place_ticks (JdChartLayout     *self,
             const JdChartAxis *axis,
             double            *positions,
             JdChartText       *labels,
             gboolean           right)
{
  double gap = self->font_px * 0.5;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      JdChartText *label = &labels[i];

      positions[i] = axis_pos (self, axis, _jd_chart_axis_tick (axis, i));
      if (self->horizontal)
        _jd_chart_text_move (label, positions[i] - label->rect.width / 2,
                             self->plot.y + self->plot.height + self->font_px * 0.3);
      else if (right)
        _jd_chart_text_move (label, self->plot.x + self->plot.width + gap,
                             positions[i] - label->rect.height / 2);
      else
        _jd_chart_text_move (label, self->plot.x - gap - label->rect.width,
                             positions[i] - label->rect.height / 2);
    }
}

/* Category names under their bands; when they do not fit, every 2nd,
 * 3rd … is shown, each ellipsized to the room it has, so none overlap. */
static void
layout_categories_below (JdChartLayout              *self,
                         PangoContext               *context,
                         const PangoFontDescription *font,
                         double                      y)
{
  const JdChart *chart = self->chart;
  double gap = self->font_px * 0.6;
  double widest = 0;
  guint step = 1;
  g_autofree JdChartText *texts = g_new0 (JdChartText, MAX (self->n_points, 1));

  self->category_labels = g_array_new (FALSE, TRUE, sizeof (JdChartText));

  for (guint i = 0; i < self->n_points; i++)
    {
      g_autofree char *name = jd_chart_get_point_label (chart, i);

      _jd_chart_text_init (&texts[i], context, font, name);
      widest = MAX (widest, texts[i].rect.width);
    }

  /* the narrowest room worth a label: the whole widest, or four characters */
  while (step < self->n_points && step * self->band - gap < MIN (widest, self->font_px * 4))
    step++;

  for (guint i = 0; i < self->n_points; i++)
    {
      JdChartText *text = &texts[i];

      if (i % step != 0 || step * self->band - gap < self->font_px)
        {
          _jd_chart_text_clear (text);
          continue;
        }
      _jd_chart_text_limit_width (text, step * self->band - gap);
      _jd_chart_text_move (text, self->plot.x + (i + 0.5) * self->band - text->rect.width / 2, y);
      text->rect.x = MAX (text->rect.x, 0);
      g_array_append_val (self->category_labels, *text);
    }
}

/* Category names left of their rows, ellipsized to @max_width (the full
 * name is in the tooltip); every 2nd … when the rows are too thin. */
static double
layout_categories_left (JdChartLayout              *self,
                        PangoContext               *context,
                        const PangoFontDescription *font,
                        double                      max_width)
{
  const JdChart *chart = self->chart;
  double widest = 0;

  self->category_labels = g_array_new (FALSE, TRUE, sizeof (JdChartText));

  for (guint i = 0; i < self->n_points; i++)
    {
      g_autofree char *name = jd_chart_get_point_label (chart, i);
      JdChartText text;

      _jd_chart_text_init (&text, context, font, name);
      _jd_chart_text_limit_width (&text, max_width);
      widest = MAX (widest, text.rect.width);
      g_array_append_val (self->category_labels, text);
    }

  return widest;
}

static void
place_categories_left (JdChartLayout *self,
                       double         right)
{
  double height = 0;
  guint step = 1;
  guint kept = 0;

  for (guint i = 0; i < self->category_labels->len; i++)
    height = MAX (height, g_array_index (self->category_labels, JdChartText, i).rect.height);
  while (step < self->n_points && step * self->band < height)
    step++;

  for (guint i = 0; i < self->category_labels->len; i++)
    {
      JdChartText *text = &g_array_index (self->category_labels, JdChartText, i);

      if (i % step != 0)
        {
          _jd_chart_text_clear (text);
          continue;
        }
      _jd_chart_text_move (text, right - text->rect.width,
                           self->plot.y + (i + 0.5) * self->band - text->rect.height / 2);
      g_array_index (self->category_labels, JdChartText, kept++) = *text;
    }
  g_array_set_size (self->category_labels, kept);
}

static void
layout_sparkline (JdChartLayout *self,
                  double         pad)
{
  const JdChart *chart = self->chart;
  double min = G_MAXDOUBLE, max = -G_MAXDOUBLE;

  self->plot = (JdChartRect) { pad, pad + self->line_width, self->width - 2 * pad,
                               self->height - 2 * pad - 2 * self->line_width };
  self->plot.width = MAX (self->plot.width, 1);
  self->plot.height = MAX (self->plot.height, 1);

  for (guint s = 0; s < chart->series->len; s++)
    for (guint i = 0; i < chart->n_points; i++)
      {
        double v = JD_CHART_VALUE (chart, s, i);

        if (isfinite (v))
          {
            min = MIN (min, v);
            max = MAX (max, v);
          }
      }
  if (min > max)
    min = 0, max = 1;
  if (max - min <= 0)
    {
      min -= 1;
      max += 1;
    }

  /* the whole height for the shape: a sparkline shows a trend, not a level */
  self->y_axis = (JdChartAxis) { .min = min, .max = max, .step = max - min, .n_ticks = 0 };
  self->band = self->plot.width / MAX (self->n_points, 1);
  self->baseline = self->plot.y + self->plot.height;
}

void
_jd_chart_layout_cartesian (JdChartLayout              *self,
                            PangoContext               *context,
                            const PangoFontDescription *font,
                            double                      top,
                            double                      pad)
{
  const JdChart *chart = self->chart;
  gboolean stacked = is_stacked (chart);
  gboolean sparkline = chart->type == JD_CHART_SPARKLINE;
  double tick_gap = self->font_px * 0.3;
  double row_height = _jd_chart_time_axis_height (context, font) / 2;
  double label_gap = self->font_px * 0.5;
  g_autofree guint *bar_slot = NULL;
  guint n_bar_series = 0;
  double data_min = 0, data_max = 0;
  gboolean integral = TRUE;

  self->horizontal = chart->type == JD_CHART_HBAR || chart->type == JD_CHART_HBAR_STACKED;
  self->time_axis = !self->horizontal && !sparkline && chart->axis_kind != JD_CHART_AXIS_CATEGORY;
  self->has_y2 = !sparkline && has_secondary (chart);

  if (sparkline)
    layout_sparkline (self, pad);
  else if (!self->horizontal)
    {
      double widest = 0, widest2 = 0;
      guint rows = (self->time_axis && chart->axis_kind != JD_CHART_AXIS_YEAR) ? 2 : 1;
      double bottom;
      guint target;

      /* Top to bottom: title and legend; half the top tick's label; the
       * plot; the rows of the time or category axis */
      self->plot.y = top + row_height / 2;
      bottom = self->height - pad * 0.75 - rows * row_height - tick_gap;
      self->plot.height = MAX (bottom - self->plot.y, 1);

      target = (guint) CLAMP (self->plot.height / (self->font_px * 3.5), 2, 8);
      scan_axis (chart, FALSE, &data_min, &data_max, &integral);
      _jd_chart_axis_init (&self->y_axis, data_min, data_max, target, integral);
      init_ticks (self, context, font, &self->y_axis, axis_format (chart, FALSE),
                  &self->tick_y, &self->tick_labels, &widest);

      if (self->has_y2)
        {
          double min2 = 0, max2 = 0;
          gboolean integral2 = TRUE;

          scan_axis (chart, TRUE, &min2, &max2, &integral2);
          _jd_chart_axis_init (&self->y2_axis, min2, max2, self->y_axis.n_ticks, integral2);
          axis_align (&self->y2_axis, self->y_axis.n_ticks);
          init_ticks (self, context, font, &self->y2_axis, axis_format (chart, TRUE),
                      &self->tick_y2, &self->tick_labels2, &widest2);
        }

      /* Left to right: the tick labels, the plot, the secondary's labels */
      self->plot.x = pad + widest + label_gap;
      self->plot.width = self->width - pad - self->plot.x - (self->has_y2 ? widest2 + label_gap : 0);
      self->plot.width = MAX (self->plot.width, 1);
      place_ticks (self, &self->y_axis, self->tick_y, self->tick_labels, FALSE);
      if (self->has_y2)
        place_ticks (self, &self->y2_axis, self->tick_y2, self->tick_labels2, TRUE);

      self->band = self->plot.width / MAX (self->n_points, 1);
    }
  else
    {
      /* Horizontal: names on the left, the value axis below, each bar's
       * value after it */
      double widest_name, widest_value = 0, widest_tick = 0;
      double bottom = self->height - pad * 0.75 - row_height - tick_gap;
      g_autoptr(PangoFontDescription) row_font = pango_font_description_copy (font);
      guint target;

      self->plot.y = top;
      self->plot.height = MAX (bottom - self->plot.y, 1);
      self->band = self->plot.height / MAX (self->n_points, 1);

      /* Many rows: a smaller font before thinning the names out */
      if (self->band < row_height * 1.05)
        pango_font_description_set_absolute_size (row_font,
                                                  MAX (MAX (self->font_px * 0.55, 8.0),
                                                       self->font_px * self->band / (row_height * 1.05))
                                                  * PANGO_SCALE);
      widest_name = layout_categories_left (self, context, row_font, self->width * 0.3);

      for (guint i = 0; i < chart->n_points; i++)
        {
          double total = 0;
          gboolean any = FALSE;

          for (guint s = 0; s < chart->series->len; s++)
            {
              double v = JD_CHART_VALUE (chart, s, i);

              if (!isfinite (v))
                continue;
              any = TRUE;
              if (stacked)
                total += v;
              else if (chart->series->len == 1)
                total = v;
            }
          if (any && (stacked || chart->series->len == 1))
            {
              JdChartLabel label = { { 0 }, JD_CHART_INK_DIM };
              g_autofree char *text = _jd_chart_format_compact (_jd_chart_series_format (chart, 0), total);

              _jd_chart_text_init (&label.text, context, row_font, text);
              widest_value = MAX (widest_value, label.text.rect.width);
              label.text.rect.y = i;  /* the row, until placed */
              g_array_append_val (self->labels, label);
            }
        }

      self->plot.x = pad + widest_name + label_gap;
      self->plot.width = MAX (self->width - pad - self->plot.x - (widest_value > 0 ? widest_value + label_gap : 0), 1);

      scan_axis (chart, FALSE, &data_min, &data_max, &integral);
      /* ticks whose labels (centred under them) do not touch */
      for (target = (guint) CLAMP (self->plot.width / (self->font_px * 5), 2, 8); ; target--)
        {
          gboolean apart = TRUE;

          _jd_chart_axis_init (&self->y_axis, data_min, data_max, target, integral);
          init_ticks (self, context, font, &self->y_axis, axis_format (chart, FALSE),
                      &self->tick_y, &self->tick_labels, &widest_tick);
          place_ticks (self, &self->y_axis, self->tick_y, self->tick_labels, FALSE);
          for (guint i = 1; i < self->y_axis.n_ticks; i++)
            apart = apart && !_jd_chart_rects_overlap (&self->tick_labels[i - 1].rect,
                                                       &self->tick_labels[i].rect, self->font_px * 0.5);
          if (apart || target <= 2)
            break;
          for (guint i = 0; i < self->y_axis.n_ticks; i++)
            _jd_chart_text_clear (&self->tick_labels[i]);
          g_clear_pointer (&self->tick_labels, g_free);
          g_clear_pointer (&self->tick_y, g_free);
        }

      /* With no bar values to make room on the right (no rows), the last
       * tick's label, centred on the plot's end, would stick out */
      for (guint i = 0; i < self->y_axis.n_ticks; i++)
        {
          JdChartText *tick = &self->tick_labels[i];
          double over = tick->rect.x + tick->rect.width - (self->width - pad / 2);

          if (over > 0)
            _jd_chart_text_move (tick, tick->rect.x - over, tick->rect.y);
        }

      place_categories_left (self, self->plot.x - label_gap);
    }

  if (!sparkline)
    self->baseline = axis_pos (self, &self->y_axis, CLAMP (0, self->y_axis.min, self->y_axis.max));

  /* The marks */
  bar_slot = g_new0 (guint, MAX (chart->series->len, 1));
  for (guint s = 0; s < chart->series->len; s++)
    if (is_bar (chart, s) && !sparkline)
      bar_slot[s] = n_bar_series++;

  self->n_marks = chart->series->len * self->n_points;
  self->marks = g_new0 (JdChartMark, MAX (self->n_marks, 1));

  {
    double gap = self->band >= 5 * self->scale ? MIN (self->band * 0.3, 24 * self->scale) : self->band * 0.2;
    guint slots = stacked ? 1 : MAX (n_bar_series, 1);
    /* a lone bar is not the width of the chart */
    double group = MIN (self->band - gap, self->font_px * 6 * slots);
    double slot = group / slots;
    g_autofree double *up = g_new0 (double, MAX (self->n_points, 1));
    g_autofree double *down = g_new0 (double, MAX (self->n_points, 1));

    for (guint s = 0; s < chart->series->len; s++)
      {
        const JdChartSeries *series = JD_CHART_SERIES (chart, s);
        const JdChartAxis *axis = series->secondary && self->has_y2 ? &self->y2_axis : &self->y_axis;
        gboolean bar = is_bar (chart, s) && !sparkline;

        for (guint i = 0; i < self->n_points; i++)
          {
            JdChartMark *m = &self->marks[s * self->n_points + i];
            double v = JD_CHART_VALUE (chart, s, i);
            double centre = (self->horizontal ? self->plot.y : self->plot.x) + (i + 0.5) * self->band;
            double start = self->baseline, end;
            double offset = centre - group / 2 + (stacked ? 0 : bar_slot[s] * slot);

            m->series = s;
            m->index = i;
            m->value = v;
            if (!isfinite (v))
              continue;

            if (bar)
              {
                if (stacked)
                  {
                    double *acc = v >= 0 ? &up[i] : &down[i];

                    start = axis_pos (self, axis, *acc);
                    *acc += v;
                  }
                end = axis_pos (self, axis, stacked ? (v >= 0 ? up[i] : down[i]) : v);
                if (self->horizontal)
                  m->rect = (JdChartRect) { MIN (start, end), offset, fabs (end - start), slot };
                else
                  m->rect = (JdChartRect) { offset, MIN (start, end), slot, fabs (end - start) };
                m->visible = fabs (end - start) > 0;
                m->x = self->horizontal ? end : offset + slot / 2;
                m->y = self->horizontal ? offset + slot / 2 : end;
              }
            else
              {
                double pos = sparkline
                             ? _jd_chart_axis_position (axis, v, self->plot.y + self->plot.height, self->plot.y)
                             : axis_pos (self, axis, v);

                m->visible = TRUE;
                m->x = self->horizontal ? pos : centre;
                m->y = self->horizontal ? centre : pos;
                m->rect = self->horizontal
                          ? (JdChartRect) { self->plot.x, centre - self->band / 2, self->plot.width, self->band }
                          : (JdChartRect) { centre - self->band / 2, self->plot.y, self->band, self->plot.height };
              }
          }
      }

    self->marker_radius = MIN (self->font_px * 0.28, self->band * 0.3);
    if (self->marker_radius < 1.5 * self->scale || sparkline)
      self->marker_radius = 0;

    /* each horizontal bar's value, after its end */
    for (guint k = 0; k < self->labels->len; k++)
      {
        JdChartLabel *label = &g_array_index (self->labels, JdChartLabel, k);
        guint i = (guint) label->text.rect.y;
        double end = self->baseline;

        for (guint s = 0; s < chart->series->len; s++)
          {
            const JdChartMark *m = &self->marks[s * self->n_points + i];

            if (m->visible)
              end = MAX (end, m->rect.x + m->rect.width);
          }
        _jd_chart_text_move (&label->text, end + label_gap * 0.6,
                             self->plot.y + (i + 0.5) * self->band - label->text.rect.height / 2);
        /* rows too thin for their values: the tooltip has them */
        if (label->text.rect.height > self->band * 1.05)
          _jd_chart_text_clear (&label->text);
      }
  }

  if (chart->has_threshold && !sparkline)
    {
      const JdChartAxis *axis = self->has_y2 ? &self->y2_axis : &self->y_axis;
      JdChartFormat format = axis_format (chart, self->has_y2);
      g_autofree char *value = _jd_chart_format_compact (format, chart->threshold);
      g_autofree char *text = chart->threshold_label
                              /* Translators: the label of a threshold line, e.g. "控制线 15.0%" */
                              ? g_strdup_printf (C_("threshold", "%s %s"), chart->threshold_label, value)
                              : g_strdup (value);

      self->has_threshold = TRUE;
      self->threshold_y = axis_pos (self, axis, chart->threshold);
      _jd_chart_text_init (&self->threshold_label, context, font, text);
      if (self->horizontal)
        _jd_chart_text_move (&self->threshold_label, self->threshold_y + label_gap * 0.5,
                             self->plot.y - self->threshold_label.rect.height);
      else
        _jd_chart_text_move (&self->threshold_label,
                             self->plot.x + self->plot.width - self->threshold_label.rect.width - label_gap * 0.5,
                             self->threshold_y - self->threshold_label.rect.height - self->line_width);
      /* no room above the line: below it */
      if (!self->horizontal && self->threshold_label.rect.y < self->plot.y)
        self->threshold_label.rect.y = self->threshold_y + self->line_width;
    }

  if (sparkline || self->horizontal)
    return;

  if (self->time_axis)
    _jd_chart_time_axis_layout_full (&self->x_axis, context, font,
                                     chart->axis_kind == JD_CHART_AXIS_QUARTER ? JD_PERIOD_QUARTER
                                     : chart->axis_kind == JD_CHART_AXIS_YEAR ? JD_PERIOD_YEAR
                                     : JD_PERIOD_MONTH,
                                     chart->first_month, self->n_points,
                                     self->plot.x, self->band,
                                     self->plot.y + self->plot.height + tick_gap,
                                     self->plot.x, self->width - pad * 0.25,
                                     self->font_px * 0.6);
  else
    layout_categories_below (self, context, font, self->plot.y + self->plot.height + tick_gap);
}

/* Drawing */

void
_jd_chart_draw_time_axis (cairo_t             *cr,
                const JdChartLayout *self,
                const JdChartTheme  *theme)
{
  const JdChartTimeAxis *axis = &self->x_axis;

  /* A year begins: a tick under the axis, and a mark before its label */
  cairo_set_line_width (cr, self->line_width);
  for (guint i = 0; i < axis->year_marks->len; i++)
    {
      double x = g_array_index (axis->year_marks, double, i);

      cairo_move_to (cr, x, self->plot.y + self->plot.height);
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
draw_line_series (cairo_t             *cr,
                  const JdChartLayout *self,
                  const JdChartTheme  *theme,
                  guint                s,
                  guint                line_index,
                  const JdRgba        *halo)
{
  const JdChart *chart = self->chart;
  const JdChartSeries *series = JD_CHART_SERIES (chart, s);
  const JdRgba *color = _jd_chart_series_color (theme, chart, s);
  const JdChartMark *marks = &self->marks[s * self->n_points];
  gboolean drawing = FALSE;
  gboolean sparkline = chart->type == JD_CHART_SPARKLINE;
  guint dash = series->dashed ? 1 : line_index == 0 ? 0 : 2 + (line_index - 1) % 2;

  /* Under a sparkline, a faint area */
  if (sparkline && s == 0)
    {
      JdRgba fill = *color;
      gboolean open = FALSE;
      double last_x = 0;

      fill.alpha = 0.15;
      for (guint i = 0; i < self->n_points; i++)
        {
          if (!marks[i].visible)
            {
              if (open)
                {
                  cairo_line_to (cr, last_x, self->baseline);
                  cairo_close_path (cr);
                }
              open = FALSE;
              continue;
            }
          if (!open)
            {
              cairo_move_to (cr, marks[i].x, self->baseline);
              open = TRUE;
            }
          cairo_line_to (cr, marks[i].x, marks[i].y);
          last_x = marks[i].x;
        }
      if (open)
        {
          cairo_line_to (cr, last_x, self->baseline);
          cairo_close_path (cr);
        }
      _jd_chart_set_source (cr, &fill);
      cairo_fill (cr);
    }

  /* The line breaks where a point is missing */
  for (guint i = 0; i < self->n_points; i++)
    {
      const JdChartMark *m = &marks[i];

      if (!m->visible)
        drawing = FALSE;
      else if (drawing)
        cairo_line_to (cr, m->x, m->y);
      else
        {
          cairo_move_to (cr, m->x, m->y);
          drawing = TRUE;
        }
    }

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, (sparkline ? 1.5 : 1.75) * self->scale);
  _jd_chart_set_dash (cr, dash, self->scale);
  _jd_chart_set_source (cr, color);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (self->marker_radius > 0)
    {
      _jd_chart_markers (cr, marks, self->n_points, s, self->marker_radius, self->scale, color, halo);
      return;
    }

  for (guint i = 0; i < self->n_points; i++)
    {
      const JdChartMark *m = &marks[i];
      gboolean isolated = (i == 0 || !marks[i - 1].visible) &&
                          (i + 1 == self->n_points || !marks[i + 1].visible);
      gboolean last = sparkline && i + 1 == self->n_points;

      /* Too crowded for markers, a point between gaps still needs a dot
       * to be seen at all, and a sparkline's end a dot to be read */
      if (m->visible && (isolated || last))
        _jd_chart_marker (cr, 0, m->x, m->y, 2 * self->scale, 0.5 * self->scale, color, halo);
    }
}

static void
draw_highlight (cairo_t             *cr,
                const JdChartLayout *self,
                const JdChartTheme  *theme,
                const JdChartHit    *highlight,
                gboolean             band_only)
{
  const JdChart *chart = self->chart;
  const JdChartMark *m;

  if (highlight == NULL || highlight->series < 0 || highlight->index < 0)
    return;
  m = _jd_chart_layout_mark (self, highlight->series, highlight->index);
  if (m == NULL)
    return;

  /* the column, faintly */
  {
    JdRgba band = theme->foreground;

    band.alpha = 0.06;
    _jd_chart_set_source (cr, &band);
    if (self->horizontal)
      cairo_rectangle (cr, self->plot.x, self->plot.y + m->index * self->band, self->plot.width, self->band);
    else
      cairo_rectangle (cr, self->plot.x + m->index * self->band, self->plot.y, self->band, self->plot.height);
    cairo_fill (cr);
  }

  if (!m->visible || band_only)
    return;

  if (is_bar (chart, m->series) && chart->type != JD_CHART_SPARKLINE)
    {
      double w = 2 * self->scale;

      cairo_rectangle (cr, m->rect.x - w / 2, m->rect.y - w / 2, m->rect.width + w, m->rect.height + w);
      cairo_set_line_width (cr, w);
      _jd_chart_set_source (cr, &theme->highlight);
      cairo_stroke (cr);
    }
  else
    {
      double r = MAX (self->marker_radius, 2.5 * self->scale) * 1.6;

      _jd_chart_marker (cr, m->series, m->x, m->y, r, 2 * self->scale,
                        _jd_chart_series_color (theme, chart, m->series), &theme->highlight);
    }
}

void
_jd_chart_draw_cartesian (cairo_t             *cr,
                          const JdChartLayout *self,
                          const JdChartTheme  *theme,
                          const JdChartHit    *highlight)
{
  const JdChart *chart = self->chart;
  JdRgba halo = _jd_chart_halo (theme);
  gboolean sparkline = chart->type == JD_CHART_SPARKLINE;
  guint line_index = 0, bar_index = 0;

  /* Grid and value axes */
  for (guint i = 0; i < self->y_axis.n_ticks && !sparkline; i++)
    {
      if (fabs (self->tick_y[i] - self->baseline) > 0.5)
        {
          if (self->horizontal)
            _jd_chart_vline (cr, self->tick_y[i], self->plot.y, self->plot.y + self->plot.height,
                             self->line_width, &theme->grid);
          else
            _jd_chart_hline (cr, self->plot.x, self->plot.x + self->plot.width, self->tick_y[i],
                             self->line_width, &theme->grid);
        }
      _jd_chart_text_draw (&self->tick_labels[i], cr, &theme->dim);
    }
  for (guint i = 0; self->has_y2 && i < self->y2_axis.n_ticks; i++)
    _jd_chart_text_draw (&self->tick_labels2[i], cr, &theme->dim);

  draw_highlight (cr, self, theme, highlight, TRUE);

  /* Bars, each series with its own hatching */
  for (guint s = 0; s < chart->series->len && !sparkline; s++)
    {
      gboolean any = FALSE;
      gboolean stacked = is_stacked (chart);

      if (!is_bar (chart, s))
        continue;

      for (guint i = 0; i < self->n_points; i++)
        {
          const JdChartMark *m = &self->marks[s * self->n_points + i];
          int direction;

          if (!m->visible)
            continue;
          if (self->horizontal)
            direction = m->value >= 0 ? 2 : 3;
          else
            direction = m->value >= 0 ? 0 : 1;
          _jd_chart_bar_path (cr, &m->rect, direction, stacked ? 0 : 2 * self->scale);
          any = TRUE;
        }
      if (any)
        _jd_chart_fill_series (cr, theme, JD_CHART_SERIES (chart, s)->color, bar_index, self->scale);
      cairo_new_path (cr);
      bar_index++;
    }

  if (!sparkline)
    {
      if (self->horizontal)
        _jd_chart_vline (cr, self->baseline, self->plot.y, self->plot.y + self->plot.height,
                         self->line_width, &theme->dim);
      else
        _jd_chart_hline (cr, self->plot.x, self->plot.x + self->plot.width, self->baseline,
                         self->line_width, &theme->dim);
    }

  if (self->has_threshold)
    {
      const JdChartRect *r = &self->threshold_label.rect;
      JdRgba backdrop = halo;

      /* in the foreground's colour, long dashes: apart from every series */
      cairo_set_line_width (cr, 1.25 * self->scale);
      _jd_chart_set_dash (cr, 4, self->scale);
      _jd_chart_set_source (cr, &theme->foreground);
      if (self->horizontal)
        {
          cairo_move_to (cr, self->threshold_y, self->plot.y);
          cairo_line_to (cr, self->threshold_y, self->plot.y + self->plot.height);
        }
      else
        {
          cairo_move_to (cr, self->plot.x, self->threshold_y);
          cairo_line_to (cr, self->plot.x + self->plot.width, self->threshold_y);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      backdrop.alpha = 0.8;
      _jd_chart_set_source (cr, &backdrop);
      cairo_rectangle (cr, r->x - self->font_px * 0.2, r->y, r->width + self->font_px * 0.4, r->height);
      cairo_fill (cr);
      _jd_chart_text_draw (&self->threshold_label, cr, &theme->foreground);
    }

  for (guint s = 0; s < chart->series->len; s++)
    {
      if (is_bar (chart, s) && !sparkline)
        continue;
      draw_line_series (cr, self, theme, s, line_index++, &halo);
      if (sparkline)
        break;
    }

  draw_highlight (cr, self, theme, highlight, FALSE);

  if (self->time_axis)
    _jd_chart_draw_time_axis (cr, self, theme);
  for (guint i = 0; self->category_labels != NULL && i < self->category_labels->len; i++)
    _jd_chart_text_draw (&g_array_index (self->category_labels, JdChartText, i), cr,
                         self->horizontal ? &theme->foreground : &theme->dim);

  _jd_chart_draw_labels (cr, self, theme);
}

/* jd-chart-table.c — the heat table (agency × month) and the data table
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A heat table has a row a series and a column a point; each cell is
 * shaded on a single-hue ramp from the smallest value to the largest, and
 * carries its value when it has room.  A data table has a row a point
 * (category or period) and a column a series; when its rows do not fit the
 * height, it is cut into pages, each with the header row repeated. */

#define G_LOG_DOMAIN "jd-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-chart-private.h"
#include "jd-format.h"

/* Row names, ellipsized to @max_width, right-aligned to @right; thinned
 * when the rows are thinner than the text. */
static void
row_labels (JdChartLayout              *self,
            PangoContext               *context,
            const PangoFontDescription *font,
            guint                       n_rows,
            const char * const         *names,
            double                      max_width,
            double                      right,
            double                      top,
            double                      row_height)
{
  double height = 0;
  guint step = 1;

  self->category_labels = g_array_new (FALSE, TRUE, sizeof (JdChartText));

  for (guint i = 0; i < n_rows; i++)
    {
      JdChartText text;

      _jd_chart_text_init (&text, context, font, names[i] ? names[i] : "");
      _jd_chart_text_limit_width (&text, max_width);
      height = MAX (height, text.rect.height);
      g_array_append_val (self->category_labels, text);
    }

  while (step < n_rows && step * row_height < height * 0.95)
    step++;

  {
    guint kept = 0;

    for (guint i = 0; i < n_rows; i++)
      {
        JdChartText *text = &g_array_index (self->category_labels, JdChartText, i);

        if (i % step != 0)
          {
            _jd_chart_text_clear (text);
            continue;
          }
        _jd_chart_text_move (text, right - text->rect.width, top + (i + 0.5) * row_height - text->rect.height / 2);
        g_array_index (self->category_labels, JdChartText, kept++) = *text;
      }
    g_array_set_size (self->category_labels, kept);
  }
}

static double
widest_name (PangoContext               *context,
             const PangoFontDescription *font,
             guint                       n,
             const char * const         *names)
{
  double widest = 0;

  for (guint i = 0; i < n; i++)
    {
      JdChartText text;

      _jd_chart_text_init (&text, context, font, names[i] ? names[i] : "");
      widest = MAX (widest, text.rect.width);
      _jd_chart_text_clear (&text);
    }

  return widest;
}

void
_jd_chart_layout_heat (JdChartLayout              *self,
                       PangoContext               *context,
                       const PangoFontDescription *font,
                       double                      top,
                       double                      pad)
{
  const JdChart *chart = self->chart;
  guint n_rows = chart->series->len;
  g_autofree const char **names = g_new0 (const char *, MAX (n_rows, 1));
  double row_height = _jd_chart_time_axis_height (context, font) / 2;
  double tick_gap = self->font_px * 0.3;
  g_autoptr(PangoFontDescription) cell_font = pango_font_description_copy (font);
  double name_width, cell_h, bottom;
  guint rows;

  for (guint s = 0; s < n_rows; s++)
    names[s] = JD_CHART_SERIES (chart, s)->label;

  self->heat_min = G_MAXDOUBLE;
  self->heat_max = -G_MAXDOUBLE;
  for (guint s = 0; s < n_rows; s++)
    for (guint i = 0; i < self->n_points; i++)
      {
        double v = JD_CHART_VALUE (chart, s, i);

        if (isfinite (v))
          {
            self->heat_min = MIN (self->heat_min, v);
            self->heat_max = MAX (self->heat_max, v);
          }
      }

  /* The key: the ramp from the smallest value to the largest, beside the
   * title if there is room, else under it */
  if (self->heat_min < self->heat_max)
    {
      JdChartFormat format = _jd_chart_series_format (chart, 0);
      g_autofree char *low = _jd_chart_format_compact (format, self->heat_min);
      g_autofree char *high = _jd_chart_format_compact (format, self->heat_max);
      double gap = self->font_px * 0.4, ramp = MIN (self->font_px * 8, self->width * 0.2);
      double right = self->width - pad, row_y, total;
      JdChartLabel *lo, *hi;

      _jd_chart_add_label (self, context, font, low, JD_CHART_INK_DIM, 0, 0);
      _jd_chart_add_label (self, context, font, high, JD_CHART_INK_DIM, 0, 0);
      lo = &g_array_index (self->labels, JdChartLabel, self->labels->len - 2);
      hi = &g_array_index (self->labels, JdChartLabel, self->labels->len - 1);
      total = lo->text.rect.width + gap + ramp + gap + hi->text.rect.width;

      if (self->title.layout != NULL &&
          self->title.rect.x + self->title.rect.width + self->font_px * 1.5 + total <= right)
        row_y = self->title.rect.y + (self->title.rect.height - lo->text.rect.height) / 2;
      else
        {
          row_y = top;
          top += lo->text.rect.height + self->font_px * 0.5;
        }

      _jd_chart_text_move (&hi->text, right - hi->text.rect.width, row_y);
      self->key = (JdChartRect) { hi->text.rect.x - gap - ramp, row_y + lo->text.rect.height * 0.2,
                                  ramp, lo->text.rect.height * 0.6 };
      _jd_chart_text_move (&lo->text, self->key.x - gap - lo->text.rect.width, row_y);
    }

  self->time_axis = chart->axis_kind != JD_CHART_AXIS_CATEGORY;
  rows = self->time_axis && chart->axis_kind != JD_CHART_AXIS_YEAR ? 2 : 1;
  bottom = self->height - pad * 0.75 - rows * row_height - tick_gap;
  self->plot.y = top;
  self->plot.height = MAX (bottom - top, 1);
  cell_h = self->plot.height / MAX (n_rows, 1);

  if (cell_h < row_height * 1.05)
    pango_font_description_set_absolute_size (cell_font,
                                              MAX (MAX (self->font_px * 0.55, 8.0), self->font_px * cell_h / (row_height * 1.05))
                                              * PANGO_SCALE);
  name_width = MIN (widest_name (context, cell_font, n_rows, names), self->width * 0.25);
  self->plot.x = pad + name_width + self->font_px * 0.5;
  self->plot.width = MAX (self->width - pad - self->plot.x, 1);
  self->band = self->plot.width / MAX (self->n_points, 1);

  row_labels (self, context, cell_font, n_rows, names, name_width,
              self->plot.x - self->font_px * 0.5, self->plot.y, cell_h);

  if (self->heat_min > self->heat_max)
    self->heat_min = 0, self->heat_max = 1;

  self->n_marks = n_rows * self->n_points;
  self->marks = g_new0 (JdChartMark, MAX (self->n_marks, 1));
  for (guint s = 0; s < n_rows; s++)
    for (guint i = 0; i < self->n_points; i++)
      {
        JdChartMark *m = &self->marks[s * self->n_points + i];
        double v = JD_CHART_VALUE (chart, s, i);

        m->series = s;
        m->index = i;
        m->value = v;
        m->visible = isfinite (v);
        m->rect = (JdChartRect) { self->plot.x + i * self->band, self->plot.y + s * cell_h, self->band, cell_h };
        m->x = m->rect.x + m->rect.width / 2;
        m->y = m->rect.y + m->rect.height / 2;

        /* the value in the cell, if it fits */
        if (m->visible && cell_h >= row_height * 0.8)
          {
            g_autofree char *text = _jd_chart_format_compact (_jd_chart_series_format (chart, s), v);
            double t = self->heat_max > self->heat_min ? (v - self->heat_min) / (self->heat_max - self->heat_min) : 0.5;
            /* white on dark cells, black on light ones: the ramp's colours
             * depend on the theme's darkness only */
            JdChartTheme ramp = { .dark = self->dark };
            JdRgba cell = _jd_chart_heat_color (&ramp, t);
            gboolean dark_cell = 0.2126 * cell.red + 0.7152 * cell.green + 0.0722 * cell.blue < 0.5;
            JdChartLabel label = { { 0 }, dark_cell ? JD_CHART_INK_LIGHT : JD_CHART_INK_DARK };

            _jd_chart_text_init (&label.text, context, cell_font, text);
            if (label.text.rect.width > m->rect.width - self->font_px * 0.3 ||
                label.text.rect.height > m->rect.height)
              {
                _jd_chart_text_clear (&label.text);
                continue;
              }
            _jd_chart_text_move (&label.text, m->x - label.text.rect.width / 2, m->y - label.text.rect.height / 2);
            g_array_append_val (self->labels, label);
          }
      }

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
    {
      /* column names under the table, thinned */
      double gap = self->font_px * 0.6;
      guint step = 1;
      double widest = widest_name (context, font, self->n_points,
                                   (const char * const *) chart->categories->pdata);
      while (step < self->n_points && step * self->band - gap < MIN (widest, self->font_px * 4))
        step++;
      for (guint i = 0; i < self->n_points; i += step)
        {
          JdChartLabel label = { { 0 }, JD_CHART_INK_DIM };

          _jd_chart_text_init (&label.text, context, font, g_ptr_array_index (chart->categories, i));
          _jd_chart_text_limit_width (&label.text, MAX (step * self->band - gap, 0));
          _jd_chart_text_move (&label.text, self->plot.x + (i + 0.5) * self->band - label.text.rect.width / 2,
                               self->plot.y + self->plot.height + tick_gap);
          g_array_append_val (self->labels, label);
        }
    }
}

void
_jd_chart_draw_heat (cairo_t             *cr,
                     const JdChartLayout *self,
                     const JdChartTheme  *theme,
                     const JdChartHit    *highlight)
{
  JdRgba halo = _jd_chart_halo (theme);

  for (guint k = 0; k < self->n_marks; k++)
    {
      const JdChartMark *m = &self->marks[k];
      JdRgba color;

      if (m->visible)
        color = _jd_chart_heat_color (theme, self->heat_max > self->heat_min
                                               ? (m->value - self->heat_min) / (self->heat_max - self->heat_min)
                                               : 0.5);
      else
        color = theme->grid;
      _jd_chart_set_source (cr, &color);
      cairo_rectangle (cr, m->rect.x, m->rect.y, m->rect.width, m->rect.height);
      cairo_fill (cr);
    }

  /* hairlines between the cells, when they are big enough to show them */
  if (self->band >= 4 * self->scale)
    {
      for (guint k = 0; k < self->n_marks; k++)
        {
          const JdChartMark *m = &self->marks[k];

          cairo_rectangle (cr, m->rect.x, m->rect.y, m->rect.width, m->rect.height);
        }
      cairo_set_line_width (cr, 1);
      _jd_chart_set_source (cr, &halo);
      cairo_stroke (cr);
    }

  if (highlight != NULL)
    {
      const JdChartMark *m = _jd_chart_layout_mark (self, highlight->series, highlight->index);

      if (m != NULL)
        {
          cairo_rectangle (cr, m->rect.x + self->scale, m->rect.y + self->scale,
                           m->rect.width - 2 * self->scale, m->rect.height - 2 * self->scale);
          cairo_set_line_width (cr, 2 * self->scale);
          _jd_chart_set_source (cr, &theme->highlight);
          cairo_stroke (cr);
        }
    }

  if (self->key.width > 0)
    {
      cairo_pattern_t *ramp = cairo_pattern_create_linear (self->key.x, 0, self->key.x + self->key.width, 0);

      for (guint stop = 0; stop <= 4; stop++)
        {
          JdRgba c = _jd_chart_heat_color (theme, stop / 4.0);

          cairo_pattern_add_color_stop_rgb (ramp, stop / 4.0, c.red, c.green, c.blue);
        }
      cairo_set_source (cr, ramp);
      cairo_rectangle (cr, self->key.x, self->key.y, self->key.width, self->key.height);
      cairo_fill (cr);
      cairo_pattern_destroy (ramp);
    }

  for (guint i = 0; i < self->category_labels->len; i++)
    _jd_chart_text_draw (&g_array_index (self->category_labels, JdChartText, i), cr, &theme->foreground);
  if (self->time_axis)
    _jd_chart_draw_time_axis (cr, self, theme);
  _jd_chart_draw_labels (cr, self, theme);
}

/* The data table */

void
_jd_chart_layout_table (JdChartLayout              *self,
                        PangoContext               *context,
                        const PangoFontDescription *font,
                        double                      top,
                        double                      pad)
{
  const JdChart *chart = self->chart;
  guint n_cols = 1 + chart->series->len;
  g_autofree double *widths = g_new0 (double, n_cols);
  g_autofree double *xs = g_new0 (double, n_cols + 1);
  g_autoptr(PangoFontDescription) bold = pango_font_description_copy (font);
  g_autoptr(GPtrArray) row_names = g_ptr_array_new_with_free_func (g_free);
  double line = _jd_chart_time_axis_height (context, font) / 2;
  double row_h = line * 1.6, cell_pad = self->font_px * 0.6;
  double available = self->width - 2 * pad, total = 0, footer = 0;
  guint rows_fit;

  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);

  for (guint i = 0; i < self->n_points; i++)
    g_ptr_array_add (row_names, jd_chart_get_point_label (chart, i));

  /* Column widths from their widest text, over every page, so that the
   * columns do not move from page to page */
  widths[0] = widest_name (context, font, self->n_points, (const char * const *) row_names->pdata);
  for (guint s = 0; s < chart->series->len; s++)
    {
      JdChartText text;

      _jd_chart_text_init (&text, context, bold, JD_CHART_SERIES (chart, s)->label ? JD_CHART_SERIES (chart, s)->label : "");
      widths[s + 1] = text.rect.width;
      _jd_chart_text_clear (&text);
      for (guint i = 0; i < self->n_points; i++)
        {
          g_autofree char *value = jd_chart_format_value (chart, s, JD_CHART_VALUE (chart, s, i));

          _jd_chart_text_init (&text, context, font, value);
          widths[s + 1] = MAX (widths[s + 1], text.rect.width);
          _jd_chart_text_clear (&text);
        }
    }
  for (guint c = 0; c < n_cols; c++)
    {
      widths[c] += 2 * cell_pad;
      total += widths[c];
    }
  /* too wide: the name column gives way first, then all shrink alike */
  if (total > available)
    {
      double cut = MIN (total - available, MAX (widths[0] - available * 0.3, 0));

      widths[0] -= cut;
      total -= cut;
    }
  if (total > available)
    for (guint c = 0; c < n_cols; c++)
      widths[c] *= available / total;
  else if (total < available)
    /* spare room is shared out, so the figures stay near their names */
    for (guint c = 0; c < n_cols; c++)
      widths[c] += (available - total) / n_cols;

  xs[0] = pad;
  for (guint c = 0; c < n_cols; c++)
    xs[c + 1] = xs[c] + widths[c];

  /* Pages */
  self->header = (JdChartRect) { pad, top, available, row_h };
  rows_fit = (guint) MAX (floor ((self->height - pad - top - row_h) / row_h), 1);
  if (rows_fit < self->n_points)
    {
      footer = row_h;
      rows_fit = (guint) MAX (floor ((self->height - pad - top - row_h - footer) / row_h), 1);
    }
  self->rows_per_page = rows_fit;
  self->n_pages = MAX ((self->n_points + rows_fit - 1) / rows_fit, 1);
  self->page = MIN (chart->page, self->n_pages - 1);
  self->first_row = self->page * rows_fit;
  self->n_rows = MIN (rows_fit, self->n_points - MIN (self->first_row, self->n_points));
  self->plot = (JdChartRect) { pad, top, available, row_h * (1 + self->n_rows) };

  /* The header row */
  for (guint c = 1; c < n_cols; c++)
    {
      const char *name = JD_CHART_SERIES (chart, c - 1)->label;
      JdChartLabel *label;

      _jd_chart_add_label (self, context, bold, name ? name : "", JD_CHART_INK_FOREGROUND, 0, 0);
      label = _jd_chart_last_label (self);
      _jd_chart_text_limit_width (&label->text, widths[c] - 2 * cell_pad);
      _jd_chart_text_move (&label->text, xs[c + 1] - cell_pad - label->text.rect.width,
                           top + (row_h - label->text.rect.height) / 2);
    }
  _jd_chart_add_segment (self, pad, top + row_h, pad + available, top + row_h);

  /* The rows of this page; marks for every cell, visible on this page */
  self->n_marks = chart->series->len * self->n_points;
  self->marks = g_new0 (JdChartMark, MAX (self->n_marks, 1));
  for (guint r = 0; r < self->n_rows; r++)
    {
      guint i = self->first_row + r;
      double y = top + row_h * (1 + r);
      JdChartLabel *label;

      _jd_chart_add_label (self, context, font, g_ptr_array_index (row_names, i), JD_CHART_INK_FOREGROUND, 0, 0);
      label = _jd_chart_last_label (self);
      _jd_chart_text_limit_width (&label->text, widths[0] - 2 * cell_pad);
      _jd_chart_text_move (&label->text, xs[0] + cell_pad, y + (row_h - label->text.rect.height) / 2);

      for (guint s = 0; s < chart->series->len; s++)
        {
          JdChartMark *m = &self->marks[s * self->n_points + i];
          double v = JD_CHART_VALUE (chart, s, i);
          g_autofree char *value = jd_chart_format_value (chart, s, v);

          *m = (JdChartMark) { .series = s, .index = i, .value = v, .visible = TRUE,
                               .rect = { xs[s + 1], y, widths[s + 1], row_h } };
          _jd_chart_add_label (self, context, font, value,
                               isfinite (v) ? JD_CHART_INK_FOREGROUND : JD_CHART_INK_DIM, 0, 0);
          label = _jd_chart_last_label (self);
          _jd_chart_text_limit_width (&label->text, widths[s + 1] - 2 * cell_pad);
          _jd_chart_text_move (&label->text, xs[s + 2] - cell_pad - label->text.rect.width,
                               y + (row_h - label->text.rect.height) / 2);
        }
      _jd_chart_add_segment (self, pad, y + row_h, pad + available, y + row_h);
    }

  if (self->n_pages > 1)
    {
      g_autofree char *text = NULL;
      JdChartLabel *label;

      /* Translators: under a table cut into pages: "Page 1 of 3" */
      text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
      _jd_chart_add_label (self, context, font, text, JD_CHART_INK_DIM, 0, 0);
      label = _jd_chart_last_label (self);
      _jd_chart_text_move (&label->text, pad + available - label->text.rect.width,
                           self->height - pad - (footer + label->text.rect.height) / 2);
    }
}

void
_jd_chart_draw_table (cairo_t             *cr,
                      const JdChartLayout *self,
                      const JdChartTheme  *theme,
                      const JdChartHit    *highlight)
{
  JdRgba stripe = theme->foreground;

  /* the header's band, and every other row's */
  stripe.alpha = 0.07;
  _jd_chart_set_source (cr, &stripe);
  cairo_rectangle (cr, self->header.x, self->header.y, self->header.width, self->header.height);
  cairo_fill (cr);
  stripe.alpha = 0.03;
  for (guint r = 1; r < self->n_rows; r += 2)
    cairo_rectangle (cr, self->header.x, self->header.y + self->header.height * (1 + r),
                     self->header.width, self->header.height);
  _jd_chart_set_source (cr, &stripe);
  cairo_fill (cr);

  if (highlight != NULL)
    {
      const JdChartMark *m = _jd_chart_layout_mark (self, highlight->series, highlight->index);

      if (m != NULL && m->visible)
        {
          cairo_rectangle (cr, m->rect.x + self->scale, m->rect.y + self->scale,
                           m->rect.width - 2 * self->scale, m->rect.height - 2 * self->scale);
          cairo_set_line_width (cr, 2 * self->scale);
          _jd_chart_set_source (cr, &theme->highlight);
          cairo_stroke (cr);
        }
    }

  for (guint i = 0; i < self->segments->len; i++)
    {
      const JdChartSegment *s = &g_array_index (self->segments, JdChartSegment, i);

      _jd_chart_hline (cr, s->x0, s->x1, s->y0, i == 0 ? self->line_width * 1.5 : self->line_width,
                       i == 0 ? &theme->dim : &theme->grid);
    }

  _jd_chart_draw_labels (cr, self, theme);
}

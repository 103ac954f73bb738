/* jd-chart-kpi.c — a KPI card: a value, its unit, 同比 and 环比
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The card sizes its text from its own height, so the same card reads on
 * the dashboard and on a slide.  A change is coloured by whether it is
 * good news for that metric (fewer complaints is good, more cases decided
 * is neither), and its direction is also drawn as an arrow, so it reads
 * without colour. */

#define G_LOG_DOMAIN "jd-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-chart-private.h"
#include "jd-format.h"

static int
change_ink (JdChartPolarity polarity,
            double          change)
{
  if (!isfinite (change) || change == 0 || polarity == JD_CHART_POLARITY_NEUTRAL)
    return JD_CHART_INK_DIM;
  if ((change > 0) == (polarity == JD_CHART_POLARITY_UP_IS_GOOD))
    return JD_CHART_INK_GOOD;
  return JD_CHART_INK_BAD;
}

static char *
format_change (const JdChart *chart,
               double         change)
{
  if (chart->kpi_change_kind == JD_CHART_CHANGE_POINTS)
    return jd_format_points (change);
  return jd_format_change (change);
}

/**
 * jd_chart_format_kpi_value:
 *
 * Returns: (transfer full): a KPI card's value, written exactly as the
 *   card draws it ("12,345", "15.3%", "—" for none)
 */
char *
jd_chart_format_kpi_value (const JdChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  if (chart->format == JD_CHART_FORMAT_YUAN)
    return jd_chart_format_value (chart, 0, chart->kpi_value);
  if (chart->format == JD_CHART_FORMAT_PERCENT)
    return jd_format_rate (chart->kpi_value);
  if (isfinite (chart->kpi_value) && chart->kpi_value == floor (chart->kpi_value))
    return jd_format_count ((gint64) chart->kpi_value);
  return jd_chart_format_value (chart, 0, chart->kpi_value);
}

/**
 * jd_chart_set_kpi_note:
 * @note: (nullable): a line under a KPI card's value, e.g. "Closing
 *   rate: 96.1%"
 */
void
jd_chart_set_kpi_note (JdChart    *chart,
                       const char *note)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->kpi_note);
  chart->kpi_note = g_strdup (note);
}

const char *
jd_chart_get_kpi_note (const JdChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->kpi_note;
}

void
_jd_chart_layout_kpi (JdChartLayout      *self,
                      PangoContext       *context,
                      const JdChartTheme *theme,
                      double              top,
                      double              pad)
{
  const JdChart *chart = self->chart;
  double inner_w = self->width - 2 * pad;
  double value_px = MIN (self->height * 0.26, inner_w * 0.16);
  double small_px = MAX (value_px * 0.36, MIN (self->font_px, self->height * 0.11));
  g_autoptr(PangoFontDescription) title_font = _jd_chart_font_new (theme, small_px * 1.05, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoFontDescription) value_font = _jd_chart_font_new (theme, value_px, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoFontDescription) unit_font = _jd_chart_font_new (theme, value_px * 0.45, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoFontDescription) small_font = _jd_chart_font_new (theme, small_px, PANGO_WEIGHT_NORMAL);
  g_autofree char *value = NULL;
  JdChartLabel *label;
  double y = top, x;
  const struct {
    const char *name;
    double      change;
  } changes[] = {
    /* Translators: year on year, on a KPI card */
    { N_("YoY"), chart->kpi_yoy },
    /* Translators: period on period, on a KPI card */
    { N_("PoP"), chart->kpi_mom },
  };

  /* The title */
  if (chart->title != NULL)
    {
      _jd_chart_add_label (self, context, title_font, chart->title, JD_CHART_INK_DIM, pad, y);
      label = _jd_chart_last_label (self);
      _jd_chart_text_limit_width (&label->text, inner_w);
      y += label->text.rect.height + small_px * 0.2;
    }

  /* The value and its unit, on one baseline */
  value = jd_chart_format_kpi_value (chart);
  _jd_chart_add_label (self, context, value_font, value, JD_CHART_INK_FOREGROUND, pad, y);
  label = _jd_chart_last_label (self);
  _jd_chart_text_limit_width (&label->text, inner_w);
  {
    double value_bottom = y + label->text.rect.height;
    double baseline = y + pango_units_to_double (pango_layout_get_baseline (label->text.layout)) - label->text.dy;
    double right = pad + label->text.rect.width;

    self->n_marks = 1;
    self->marks = g_new0 (JdChartMark, 1);
    self->marks[0] = (JdChartMark) { .series = 0, .index = 0, .value = chart->kpi_value,
                                     .visible = isfinite (chart->kpi_value),
                                     .rect = { 0, 0, self->width, self->height } };

    if (chart->kpi_unit != NULL && right + value_px * 0.2 < self->width - pad)
      {
        JdChartLabel *unit;
        double unit_baseline;

        _jd_chart_add_label (self, context, unit_font, chart->kpi_unit, JD_CHART_INK_DIM, 0, 0);
        unit = _jd_chart_last_label (self);
        _jd_chart_text_limit_width (&unit->text, self->width - pad - right - value_px * 0.15);
        unit_baseline = pango_units_to_double (pango_layout_get_baseline (unit->text.layout)) - unit->text.dy;
        _jd_chart_text_move (&unit->text, right + value_px * 0.15, baseline - unit_baseline);
      }
    y = value_bottom + small_px * 0.3;
  }

  /* The note under it, "Closing rate: 96.1%" */
  if (chart->kpi_note != NULL && chart->kpi_note[0] != '\0')
    {
      _jd_chart_add_label (self, context, small_font, chart->kpi_note, JD_CHART_INK_DIM, pad, y);
      label = _jd_chart_last_label (self);
      _jd_chart_text_limit_width (&label->text, inner_w);
      y += label->text.rect.height + small_px * 0.3;
    }

  /* 同比 ▲ +12.5%   环比 ▼ −3.0% */
  x = pad;
  for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
    {
      g_autofree char *text = format_change (chart, changes[c].change);
      int ink = change_ink (chart->kpi_polarity, changes[c].change);
      JdChartLabel *name, *number;
      double arrow = small_px * 0.7;
      double name_height;

      _jd_chart_add_label (self, context, small_font, _(changes[c].name), JD_CHART_INK_DIM, x, y);
      name = _jd_chart_last_label (self);
      /* kept: adding the number's label may move the labels */
      name_height = name->text.rect.height;
      x += name->text.rect.width + small_px * 0.35;

      if (isfinite (changes[c].change) && changes[c].change != 0)
        {
          guint a = self->n_arrows++;

          self->arrows[a] = (JdChartRect) { x, y + (name_height - arrow) / 2, arrow, arrow };
          self->arrow_up[a] = changes[c].change > 0;
          self->arrow_ink[a] = ink;
          x += arrow + small_px * 0.25;
        }

      _jd_chart_add_label (self, context, small_font, text, ink, x, y);
      number = _jd_chart_last_label (self);
      x += number->text.rect.width + small_px * 1.2;

      /* no room beside: the second change goes below the first */
      if (c == 0 && x + small_px * 8 > self->width - pad)
        {
          x = pad;
          y += name_height + small_px * 0.2;
        }
      else if (c == 1)
        y += name_height;
    }

  /* The trend under it, if there is room and a series */
  if (chart->series->len > 0 && self->n_points > 1 && self->height - pad - y > small_px * 1.5)
    {
      JdChartRect box = { pad, y + small_px * 0.5, inner_w, self->height - pad - y - small_px * 0.5 };
      double min = G_MAXDOUBLE, max = -G_MAXDOUBLE;
      JdChartMark *marks;

      for (guint i = 0; i < self->n_points; i++)
        {
          double v = JD_CHART_VALUE (chart, 0, i);

          if (isfinite (v))
            min = MIN (min, v), max = MAX (max, v);
        }
      if (min > max)
        return;
      if (max - min <= 0)
        min -= 1, max += 1;

      self->plot = box;
      self->band = box.width / self->n_points;
      self->baseline = box.y + box.height;
      self->n_marks = 1 + self->n_points;
      self->marks = g_renew (JdChartMark, self->marks, self->n_marks);
      marks = self->marks + 1;
      for (guint i = 0; i < self->n_points; i++)
        {
          double v = JD_CHART_VALUE (chart, 0, i);

          marks[i] = (JdChartMark) { .series = 0, .index = i, .value = v, .visible = isfinite (v),
                                     .x = box.x + (i + 0.5) * self->band,
                                     .y = isfinite (v) ? box.y + box.height - (v - min) / (max - min) * box.height : 0 };
        }
    }
}

void
_jd_chart_draw_kpi (cairo_t             *cr,
                    const JdChartLayout *self,
                    const JdChartTheme  *theme,
                    const JdChartHit    *highlight)
{
  const JdRgba *inks[] = { &theme->foreground, &theme->dim, &theme->good, &theme->bad };

  if (self->n_marks > 1)
    {
      const JdChartMark *marks = self->marks + 1;
      gboolean drawing = FALSE;
      JdRgba line = theme->series[0];

      for (guint i = 0; i < self->n_marks - 1; i++)
        {
          if (!marks[i].visible)
            drawing = FALSE;
          else if (drawing)
            cairo_line_to (cr, marks[i].x, marks[i].y);
          else
            {
              cairo_move_to (cr, marks[i].x, marks[i].y);
              drawing = TRUE;
            }
        }
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, 1.5 * self->scale);
      _jd_chart_set_source (cr, &line);
      cairo_stroke (cr);
      for (guint i = self->n_marks - 1; i-- > 0;)
        if (marks[i].visible)
          {
            JdRgba halo = _jd_chart_halo (theme);

            _jd_chart_marker (cr, 0, marks[i].x, marks[i].y, 2.5 * self->scale, self->scale, &line, &halo);
            break;
          }
    }

  for (guint a = 0; a < self->n_arrows; a++)
    {
      const JdChartRect *r = &self->arrows[a];
      int ink = self->arrow_ink[a];

      if (self->arrow_up[a])
        {
          cairo_move_to (cr, r->x + r->width / 2, r->y);
          cairo_line_to (cr, r->x + r->width, r->y + r->height);
          cairo_line_to (cr, r->x, r->y + r->height);
        }
      else
        {
          cairo_move_to (cr, r->x, r->y);
          cairo_line_to (cr, r->x + r->width, r->y);
          cairo_line_to (cr, r->x + r->width / 2, r->y + r->height);
        }
      cairo_close_path (cr);
      _jd_chart_set_source (cr, inks[CLAMP (ink, 0, 3)]);
      cairo_fill (cr);
    }

  _jd_chart_draw_labels (cr, self, theme);
}

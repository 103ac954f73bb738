/* jd-chart-donut.c — a donut: shares of a whole, labelled outside
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Slices run clockwise from 12 o'clock in the order of the categories.
 * Each slice with a value is named outside the ring, "name 12.3%", on its
 * side of the chart, joined to it by a leader line; the labels of a side
 * are pushed apart vertically so none overlap, and when a side has more
 * labels than lines, the smallest slices lose theirs (the tooltip and
 * the description still have them).  The total sits in the hole. */

#define G_LOG_DOMAIN "jd-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-chart-private.h"
#include "jd-format.h"

typedef struct
{
  guint       index;
  double      mid;      /* angle */
  double      share;
  gboolean    right;
  gboolean    shown;
  JdChartText text;
  double      y;        /* wanted, then placed: the text's centre */
} SliceLabel;

static int
compare_y (gconstpointer a,
           gconstpointer b)
{
  const SliceLabel *la = *(SliceLabel * const *) a;
  const SliceLabel *lb = *(SliceLabel * const *) b;

  return la->y < lb->y ? -1 : la->y > lb->y;
}

/* Pushes the shown labels of one side apart within [top, bottom]; FALSE
 * if they do not fit. */
static gboolean
spread (GPtrArray *side,
        double     top,
        double     bottom,
        double     gap)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  double need = 0;

  for (guint i = 0; i < side->len; i++)
    {
      SliceLabel *l = g_ptr_array_index (side, i);

      if (l->shown)
        {
          g_ptr_array_add (shown, l);
          need += l->text.rect.height + gap;
        }
    }
  if (shown->len == 0)
    return TRUE;
  if (need - gap > bottom - top)
    return FALSE;

  g_ptr_array_sort (shown, compare_y);

  /* down from the top, then up from the bottom */
  for (guint i = 0; i < shown->len; i++)
    {
      SliceLabel *l = g_ptr_array_index (shown, i);
      double min = i == 0 ? top + l->text.rect.height / 2
                          : ((SliceLabel *) g_ptr_array_index (shown, i - 1))->y
                            + (((SliceLabel *) g_ptr_array_index (shown, i - 1))->text.rect.height + l->text.rect.height) / 2 + gap;

      l->y = MAX (l->y, min);
    }
  for (guint i = shown->len; i-- > 0;)
    {
      SliceLabel *l = g_ptr_array_index (shown, i);
      double max = i + 1 == shown->len ? bottom - l->text.rect.height / 2
                   : ((SliceLabel *) g_ptr_array_index (shown, i + 1))->y
                     - (((SliceLabel *) g_ptr_array_index (shown, i + 1))->text.rect.height + l->text.rect.height) / 2 - gap;

      l->y = MIN (l->y, max);
    }

  return TRUE;
}

void
_jd_chart_layout_donut (JdChartLayout              *self,
                        PangoContext               *context,
                        const PangoFontDescription *font,
                        double                      top,
                        double                      pad)
{
  const JdChart *chart = self->chart;
  g_autoptr(GArray) slices = g_array_new (FALSE, TRUE, sizeof (SliceLabel));
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  g_autoptr(GPtrArray) right = g_ptr_array_new ();
  double total = 0, angle = 0, widest = 0, gap = self->font_px * 0.25;
  double area_h = MAX (self->height - top - pad, 1);
  double max_label = self->width * 0.26;

  self->n_marks = chart->series->len > 0 ? self->n_points : 0;
  self->marks = g_new0 (JdChartMark, MAX (self->n_marks, 1));

  for (guint i = 0; i < self->n_marks; i++)
    {
      double v = JD_CHART_VALUE (chart, 0, i);

      if (isfinite (v) && v > 0)
        total += v;
    }

  for (guint i = 0; i < self->n_marks; i++)
    {
      JdChartMark *m = &self->marks[i];
      double v = JD_CHART_VALUE (chart, 0, i);

      m->series = 0;
      m->index = i;
      m->value = v;
      if (!isfinite (v) || v <= 0 || total <= 0)
        continue;
      m->visible = TRUE;
      m->angle0 = angle;
      angle += 2 * G_PI * v / total;
      m->angle1 = i + 1 == self->n_marks ? MAX (angle, 2 * G_PI) : angle;

      {
        SliceLabel l = { .index = i, .mid = (m->angle0 + m->angle1) / 2, .share = v / total, .shown = TRUE };
        g_autofree char *share = jd_format_rate (v / total);
        g_autofree char *name = jd_chart_get_point_label (chart, i);
        g_autofree char *text = NULL;

        /* Translators: a donut slice's label, name and share: "12345热线 45.0%" */
        text = g_strdup_printf (C_("donut", "%s %s"), name, share);
        _jd_chart_text_init (&l.text, context, font, text);
        _jd_chart_text_limit_width (&l.text, max_label);
        widest = MAX (widest, l.text.rect.width);
        l.right = sin (l.mid) >= 0;
        g_array_append_val (slices, l);
      }
    }

  /* The ring: as large as the height allows, with room for the labels
   * on both sides */
  self->r_outer = MIN (area_h / 2 - self->font_px * 0.5,
                       (self->width - 2 * pad - 2 * (widest + self->font_px * 2)) / 2);
  self->r_outer = MAX (self->r_outer, MIN (area_h, self->width) * 0.2);
  self->r_inner = self->r_outer * 0.58;
  self->cx = self->width / 2;
  self->cy = top + area_h / 2;
  self->plot = (JdChartRect) { self->cx - self->r_outer, self->cy - self->r_outer,
                               2 * self->r_outer, 2 * self->r_outer };

  for (guint k = 0; k < slices->len; k++)
    {
      SliceLabel *l = &g_array_index (slices, SliceLabel, k);

      l->y = self->cy - cos (l->mid) * self->r_outer * 1.15;
      g_ptr_array_add (l->right ? right : left, l);
    }

  /* The smallest slices give up their labels until each side fits */
  for (GPtrArray *side = left; side != NULL; side = side == left ? right : NULL)
    while (!spread (side, top, self->height - pad * 0.5, gap))
      {
        SliceLabel *smallest = NULL;

        for (guint i = 0; i < side->len; i++)
          {
            SliceLabel *l = g_ptr_array_index (side, i);

            if (l->shown && (smallest == NULL || l->share < smallest->share))
              smallest = l;
          }
        smallest->shown = FALSE;
      }

  for (guint k = 0; k < slices->len; k++)
    {
      SliceLabel *l = &g_array_index (slices, SliceLabel, k);
      double ax = self->cx + sin (l->mid) * self->r_outer;
      double ay = self->cy - cos (l->mid) * self->r_outer;
      double ex = self->cx + sin (l->mid) * (self->r_outer + self->font_px * 0.6);
      double ey = self->cy - cos (l->mid) * (self->r_outer + self->font_px * 0.6);
      double column = self->r_outer + self->font_px * 1.2;
      double tx = l->right ? self->cx + MAX (column, fabs (ex - self->cx) + self->font_px * 0.4)
                           : self->cx - MAX (column, fabs (ex - self->cx) + self->font_px * 0.4);
      JdChartLabel label = { { 0 }, JD_CHART_INK_FOREGROUND };

      if (!l->shown)
        {
          _jd_chart_text_clear (&l->text);
          continue;
        }

      _jd_chart_add_segment (self, ax, ay, ex, ey);
      _jd_chart_add_segment (self, ex, ey, tx, l->y);
      label.text = l->text;
      _jd_chart_text_move (&label.text,
                           l->right ? tx + self->font_px * 0.3 : tx - self->font_px * 0.3 - l->text.rect.width,
                           l->y - l->text.rect.height / 2);
      g_array_append_val (self->labels, label);
    }

  /* The total in the hole */
  if (total > 0)
    {
      g_autoptr(PangoFontDescription) big = pango_font_description_copy (font);
      g_autofree char *value = _jd_chart_format_compact (_jd_chart_series_format (chart, 0), total);
      JdChartLabel *number, *caption;

      pango_font_description_set_absolute_size (big, MIN (self->font_px * 1.8, self->r_inner * 0.45) * PANGO_SCALE);
      pango_font_description_set_weight (big, PANGO_WEIGHT_BOLD);
      _jd_chart_add_label (self, context, big, value, JD_CHART_INK_FOREGROUND, 0, 0);
      number = _jd_chart_last_label (self);
      _jd_chart_text_limit_width (&number->text, self->r_inner * 1.7);
      /* Translators: under the total in the middle of a donut chart */
      _jd_chart_add_label (self, context, font, _("Total"), JD_CHART_INK_DIM, 0, 0);
      caption = _jd_chart_last_label (self);
      number = &g_array_index (self->labels, JdChartLabel, self->labels->len - 2);
      {
        double h = number->text.rect.height + caption->text.rect.height;

        _jd_chart_text_move (&number->text, self->cx - number->text.rect.width / 2, self->cy - h / 2);
        _jd_chart_text_move (&caption->text, self->cx - caption->text.rect.width / 2,
                             self->cy - h / 2 + number->text.rect.height);
      }
    }
}

void
_jd_chart_draw_donut (cairo_t             *cr,
                      const JdChartLayout *self,
                      const JdChartTheme  *theme,
                      const JdChartHit    *highlight)
{
  JdRgba halo = _jd_chart_halo (theme);
  gboolean any = FALSE;

  for (guint i = 0; i < self->n_marks; i++)
    {
      const JdChartMark *m = &self->marks[i];
      gboolean lit = highlight != NULL && highlight->index == (int) i;
      double grow = lit ? self->font_px * 0.3 : 0;

      if (!m->visible)
        continue;
      any = TRUE;

      cairo_new_path (cr);
      cairo_arc (cr, self->cx, self->cy, self->r_outer + grow, m->angle0 - G_PI / 2, m->angle1 - G_PI / 2);
      cairo_arc_negative (cr, self->cx, self->cy, self->r_inner, m->angle1 - G_PI / 2, m->angle0 - G_PI / 2);
      cairo_close_path (cr);
      /* past the palette's eight colours, the hatchings tell slices apart */
      _jd_chart_fill_series (cr, theme, i, i / JD_CHART_MAX_SERIES, self->scale);

      /* a gap between slices, in the background's colour */
      cairo_move_to (cr, self->cx + sin (m->angle0) * self->r_inner, self->cy - cos (m->angle0) * self->r_inner);
      cairo_line_to (cr, self->cx + sin (m->angle0) * (self->r_outer + grow + 1),
                     self->cy - cos (m->angle0) * (self->r_outer + grow + 1));
      cairo_set_line_width (cr, 1.5 * self->scale);
      _jd_chart_set_source (cr, &halo);
      cairo_stroke (cr);
    }

  if (!any)
    {
      /* nothing to share out: an empty ring */
      cairo_new_path (cr);
      cairo_arc (cr, self->cx, self->cy, (self->r_outer + self->r_inner) / 2, 0, 2 * G_PI);
      cairo_set_line_width (cr, self->r_outer - self->r_inner);
      _jd_chart_set_source (cr, &theme->grid);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < self->segments->len; i++)
    {
      const JdChartSegment *s = &g_array_index (self->segments, JdChartSegment, i);

      cairo_move_to (cr, s->x0, s->y0);
      cairo_line_to (cr, s->x1, s->y1);
    }
  cairo_set_line_width (cr, self->line_width);
  _jd_chart_set_source (cr, &theme->dim);
  cairo_stroke (cr);

  _jd_chart_draw_labels (cr, self, theme);
}

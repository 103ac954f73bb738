/* jd-doc-paint.c — the one painter of the page model, and what is where
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The PDF writer, the print dialog and the preview all draw a page here,
 * from the layouts jd-doc-layout.c measured: what the analyst sees is what
 * prints. */

#define G_LOG_DOMAIN "jd-doc"

#include "config.h"

#include <math.h>

#include "jd-doc-private.h"

#define MM (72.0 / 25.4)

static void
set_ink (cairo_t      *cr,
         const JdRgba *ink)
{
  cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, ink->alpha);
}

static void
paint_line (JdDocLayout        *self,
            JdDocBox           *box,
            const JdDocUnit    *unit,
            cairo_t            *cr,
            double              x,
            double              y,
            const JdChartTheme *theme)
{
  const JdDocText *text = &g_array_index (box->texts, JdDocText, unit->index);
  PangoLayoutLine *line = pango_layout_get_line_readonly (text->layout, unit->line);
  double baseline = y + unit->ascent;

  if (text->mark && unit->line == 0)
    {
      /* a warning's mark: a dot in the colour of bad news, at the height
       * of the text's middle */
      set_ink (cr, &theme->bad);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + text->size * 0.45, baseline - text->size * 0.36, text->size * 0.24, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  set_ink (cr, text->dim ? &theme->dim : &theme->foreground);
  cairo_move_to (cr, x + text->x + unit->x, baseline);
  pango_cairo_show_layout_line (cr, line);
}

static void
paint_graphic (JdDocBox           *box,
               cairo_t            *cr,
               double              x,
               double              y,
               const JdChartTheme *theme)
{
  guint n = jd_block_get_n_charts (box->block);

  if (box->block->kind == JD_BLOCK_CHART)
    {
      cairo_save (cr);
      cairo_translate (cr, x, y);
      jd_chart_draw (cr, box->graphic_width, box->graphic_height, jd_block_get_chart (box->block, 0), theme);
      cairo_restore (cr);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      guint row = i / box->per_row;
      guint column = i % box->per_row;
      guint in_row = MIN (box->per_row, n - row * box->per_row);
      /* a last row that is not full is centred */
      double indent = (box->per_row - in_row) * (box->graphic_width + box->gap) / 2;

      cairo_save (cr);
      cairo_translate (cr, x + indent + column * (box->graphic_width + box->gap),
                       y + row * (box->graphic_height + box->gap));
      jd_chart_draw (cr, box->graphic_width, box->graphic_height, jd_block_get_chart (box->block, i), theme);
      cairo_restore (cr);
    }
}

static void
paint_table_unit (JdDocBox           *box,
                  const JdDocUnit    *unit,
                  gboolean            first,
                  gboolean            last,
                  cairo_t            *cr,
                  double              x,
                  double              y,
                  const JdChartTheme *theme)
{
  JdDocTable *table = box->tables->pdata[unit->line];
  double bottom = y + unit->height;

  if (unit->kind == JD_DOC_UNIT_HEAD)
    {
      /* a column group's header stands below the gap before it */
      _jd_doc_table_paint_row (table, cr, 0, x, bottom - table->row_heights[0], theme);
    }
  else
    {
      if (first)
        {
          /* the header again, at the top of a page the table goes on to */
          _jd_doc_table_paint_row (table, cr, 0, x, y, theme);
          y += table->row_heights[0];
          bottom += table->row_heights[0];
        }
      _jd_doc_table_paint_row (table, cr, unit->index + 1, x, y, theme);
    }

  /* the bottom rule, under the last row on this page */
  if (last)
    {
      set_ink (cr, &theme->foreground);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, x, bottom);
      cairo_rel_line_to (cr, _jd_doc_table_width (table), 0);
      cairo_stroke (cr);
    }
}

static void
paint_piece (JdDocLayout        *self,
             const JdDocPiece   *piece,
             cairo_t            *cr,
             const JdChartTheme *theme)
{
  JdDocBox *box = self->boxes->pdata[piece->box];
  double x = self->geometry.margin_left;
  double y = piece->y;

  for (guint k = 0; k < piece->n_units; k++)
    {
      guint u = piece->first_unit + k;
      const JdDocUnit *unit = &g_array_index (box->units, JdDocUnit, u);

      switch (unit->kind)
        {
        case JD_DOC_UNIT_LINE:
          paint_line (self, box, unit, cr, x, y, theme);
          break;

        case JD_DOC_UNIT_HEAD:
        case JD_DOC_UNIT_ROW:
          paint_table_unit (box, unit, k == 0, k + 1 == piece->n_units || (unit + 1)->kind != JD_DOC_UNIT_ROW,
                            cr, x, y, theme);
          break;

        case JD_DOC_UNIT_GRAPHIC:
          paint_graphic (box, cr, x, y, theme);
          break;

        default:
          g_assert_not_reached ();
        }

      y += unit->height;
      if (unit->kind == JD_DOC_UNIT_ROW && k == 0)
        y += ((JdDocTable *) box->tables->pdata[unit->line])->row_heights[0];
    }
}

/* A line of text at the top of a page, centred at @y or beside @x. */
static void
paint_text (cairo_t      *cr,
            PangoLayout  *layout,
            double        x,
            double        y,
            const JdRgba *ink)
{
  set_ink (cr, ink);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The running header (every page but the first) and the page number as
 * GB/T 9704 sets it: "— 1 —" 7 mm under the text block, one character in
 * from the right on odd pages and from the left on even ones, as a bound
 * report opens.  A slide carries both in its foot instead. */
static void
paint_margins (JdDocLayout        *self,
               guint               page,
               cairo_t            *cr,
               const JdChartTheme *theme)
{
  const JdPageGeometry *g = &self->geometry;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *text = g_strdup_printf ("— %u —", page + 1);
  gboolean slide = g->format == JD_PAGE_SLIDE_16_9;
  double size = slide ? g->min_text_size : MAX (g->min_text_size, 14.0);
  double number_width, x, y;
  double number_height, header_height = 0;

  font = _jd_doc_layout_font (self, g->body_family, size, PANGO_WEIGHT_NORMAL);
  number = _jd_doc_layout_text (self, font, -1, PANGO_ALIGN_LEFT);
  pango_layout_set_text (number, text, -1);
  number_width = _jd_doc_text_size (number, &number_height);
  if (self->running_header != NULL)
    _jd_doc_text_size (self->running_header, &header_height);

  if (slide)
    {
      y = g->height - (g->margin_bottom + number_height) / 2;
      x = g->width - g->margin_right - number_width;
    }
  else
    {
      y = g->height - g->margin_bottom + 7 * MM;
      if (page % 2 == 0)
        x = g->width - g->margin_right - size - number_width;
      else
        x = g->margin_left + size;
    }
  paint_text (cr, number, x, y, &theme->foreground);

  if (page == 0 || self->running_header == NULL)
    return;

  if (slide)
    {
      /* at the slide's foot, left, beside the number */
      paint_text (cr, self->running_header, g->margin_left, y, &theme->dim);
      return;
    }

  /* above the text block, over a thin rule */
  y = g->margin_top * 0.62 - header_height;
  paint_text (cr, self->running_header, g->margin_left, y, &theme->dim);
  set_ink (cr, &theme->dim);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, g->margin_left, g->margin_top * 0.62 + 3);
  cairo_rel_line_to (cr, self->text_width, 0);
  cairo_stroke (cr);
}

/**
 * jd_doc_layout_paint_page:
 *
 * Paints @page on white paper (or the dark theme's page, for a dark
 * preview).  The type of the charts is raised to the geometry's floor.
 */
void
jd_doc_layout_paint_page (JdDocLayout        *self,
                          guint               page,
                          cairo_t            *cr,
                          const JdChartTheme *theme)
{
  const JdPageGeometry *g;
  JdChartTheme paper;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);
  g_return_if_fail (cr != NULL);

  g = &self->geometry;
  if (theme != NULL)
    paper = *theme;
  else
    jd_chart_theme_init_light (&paper);
  /* a chart's smallest text is 0.85 of its font size × 96/72 */
  paper.font_size = MAX (paper.font_size, g->min_text_size * 72.0 / 96.0 / 0.85);

  cairo_save (cr);
  if (paper.background.alpha > 0)
    set_ink (cr, &paper.background);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, g->width, g->height);
  cairo_fill (cr);

  paint_margins (self, page, cr, &paper);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      const JdDocPiece *piece = &g_array_index (self->pieces, JdDocPiece, i);

      if (piece->page == page)
        paint_piece (self, piece, cr, &paper);
      else if (piece->page > page)
        break;
    }

  cairo_restore (cr);
}

/**
 * jd_doc_layout_get_block_page:
 * @y: (out) (optional): the block's top on that page, in points
 *
 * Returns: the page where block @index starts
 */
guint
jd_doc_layout_get_block_page (JdDocLayout *self,
                              guint        index,
                              double      *y)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->boxes->len, 0);

  if (y != NULL)
    *y = self->block_y[index];
  return self->block_page[index];
}

/**
 * jd_doc_layout_block_at:
 *
 * Returns: the index of the block drawn at (@x, @y) of @page, in points
 *   from the page's top left, or -1 if none is
 */
int
jd_doc_layout_block_at (JdDocLayout *self,
                        guint        page,
                        double       x,
                        double       y)
{
  const JdPageGeometry *g;

  g_return_val_if_fail (self != NULL, -1);

  g = &self->geometry;
  if (x < g->margin_left || x > g->width - g->margin_right)
    return -1;

  for (guint i = 0; i < self->pieces->len; i++)
    {
      const JdDocPiece *piece = &g_array_index (self->pieces, JdDocPiece, i);

      if (piece->page == page && y >= piece->y && y < piece->y + piece->height)
        return (int) ((JdDocBox *) self->boxes->pdata[piece->box])->index;
    }

  return -1;
}

/* jd-doc-table.c — a table of the page model: columns fitted to the text
 * block, rows measured, and a row drawn
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-doc"

#include "config.h"

#include <math.h>

#include "jd-doc-private.h"

#define CELL(t, r, c) ((t)->cells[(gsize) (r) * (t)->n_columns + (c)])

static double
sum (const double *values,
     guint         n)
{
  double total = 0;

  for (guint i = 0; i < n; i++)
    total += values[i];
  return total;
}

/* Shares @width out: each column @from[c], and the rest in proportion
 * to how much more it would take to reach @to[c] (%NULL: to @from[c]). */
static void
share_out (JdDocTable   *table,
           const double *from,
           const double *to,
           double        width)
{
  guint n = table->n_columns;
  double sum_from = sum (from, n);
  double sum_slack = to != NULL ? sum (to, n) - sum_from : sum_from;

  for (guint c = 0; c < n; c++)
    {
      double slack = to != NULL ? to[c] - from[c] : from[c];

      if (sum_from > width)
        table->widths[c] = from[c] * width / sum_from;
      else if (sum_slack > 0)
        table->widths[c] = from[c] + (width - sum_from) * slack / sum_slack;
      else
        table->widths[c] = from[c] + (width - sum_from) / n;
    }

  for (guint c = 0; c < n; c++)
    table->x[c] = c == 0 ? 0 : table->x[c - 1] + table->widths[c - 1];
}

/* Column widths: each column its natural width when they all fit, spare
 * room shared out in proportion; else the headers wrap at words first,
 * the cells keeping their width; else every column keeps its minimum (a
 * number whole, text six characters, a header on two lines) and the
 * rest of the width goes to the columns that would wrap most. */
static void
fit_columns (JdDocTable   *table,
             const double *natural,
             const double *cells,
             const double *minimum,
             double        width)
{
  guint n = table->n_columns;

  if (sum (natural, n) <= width)
    share_out (table, natural, NULL, width);
  else if (sum (cells, n) <= width)
    share_out (table, cells, natural, width);
  else
    share_out (table, minimum, cells, width);
}

/* The narrowest a cell can be: its longest word (a number is one word,
 * and Han text breaks between any two characters). */
static double
word_width (PangoLayout *layout)
{
  double width;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, 1);
  width = _jd_doc_text_size (layout, NULL);
  pango_layout_set_width (layout, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return width;
}

/* One column group: @columns of the source, their cells taken from
 * @cells (a row a source row, the header first, @sizes their unwrapped
 * width and height), copied when a cell is in more than one group.  Only
 * a cell wider than its column is wrapped: laying a layout out again
 * costs as much as the first time. */
static JdDocTable *
group_new (JdTable      *source,
           PangoLayout **cells,
           const double *sizes,
           const guint  *columns,
           guint         n_columns,
           const double *natural,
           const double *cells_natural,
           const double *minimum,
           double        size,
           double        width,
           gboolean      copy)
{
  JdDocTable *table = g_new0 (JdDocTable, 1);
  guint n_source = jd_table_get_n_columns (source);
  guint n_rows = jd_table_get_n_rows (source);
  g_autofree double *group_natural = g_new0 (double, n_columns);
  g_autofree double *group_cells = g_new0 (double, n_columns);
  g_autofree double *group_minimum = g_new0 (double, n_columns);

  table->n_columns = n_columns;
  table->n_rows = n_rows;
  table->pad_x = round (size * 0.4 * 4) / 4;
  table->pad_y = round (size * 0.3 * 4) / 4;
  table->columns = g_memdup2 (columns, n_columns * sizeof (guint));
  table->x = g_new0 (double, n_columns);
  table->widths = g_new0 (double, n_columns);
  table->cells = g_new0 (PangoLayout *, (gsize) (n_rows + 1) * n_columns);
  table->cell_widths = g_new0 (double, (gsize) (n_rows + 1) * n_columns);
  table->cell_heights = g_new0 (double, (gsize) (n_rows + 1) * n_columns);
  table->row_heights = g_new0 (double, n_rows + 1);

  for (guint c = 0; c < n_columns; c++)
    {
      group_natural[c] = natural[columns[c]];
      group_cells[c] = cells_natural[columns[c]];
      group_minimum[c] = minimum[columns[c]];
      for (guint r = 0; r <= n_rows; r++)
        {
          gsize source_cell = (gsize) r * n_source + columns[c];
          PangoLayout *cell = cells[source_cell];

          CELL (table, r, c) = copy && c == 0 ? pango_layout_copy (cell) : g_object_ref (cell);
          table->cell_widths[(gsize) r * n_columns + c] = sizes[2 * source_cell];
          table->cell_heights[(gsize) r * n_columns + c] = sizes[2 * source_cell + 1];
        }
    }
  fit_columns (table, group_natural, group_cells, group_minimum, width);

  for (guint r = 0; r <= n_rows; r++)
    {
      double height = size * 1.2;

      for (guint c = 0; c < n_columns; c++)
        {
          PangoLayout *cell = CELL (table, r, c);
          gsize i = (gsize) r * n_columns + c;
          double inner = MAX (table->widths[c] - 2 * table->pad_x, 1);

          if (table->cell_widths[i] > inner)
            {
              pango_layout_set_width (cell, pango_units_from_double (inner));
              table->cell_widths[i] = _jd_doc_text_size (cell, &table->cell_heights[i]);
            }
          height = MAX (height, table->cell_heights[i]);
        }
      table->row_heights[r] = height + 2 * table->pad_y;
    }

  return table;
}

/**
 * _jd_doc_table_measure:
 *
 * Lays @source out across @width: a bold header row, numbers
 * right-aligned, text wrapping within its column.  A table too wide for
 * the page even so is cut into column groups, one under the other, each
 * with the first column again (the agency's name).
 *
 * Returns: (transfer full) (element-type JdDocTable): the column groups
 */
GPtrArray *
_jd_doc_table_measure (JdDocLayout *layout,
                       JdTable     *source,
                       double       width)
{
  const JdPageGeometry *g = &layout->geometry;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoFontDescription) bold = NULL;
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) _jd_doc_table_free);
  double size = _jd_doc_layout_table_size (g);
  guint n_columns = jd_table_get_n_columns (source);
  guint n_rows = jd_table_get_n_rows (source);
  gsize n_cells = (gsize) (n_rows + 1) * n_columns;
  g_autofree PangoLayout **cells = g_new0 (PangoLayout *, MAX (n_cells, 1));
  g_autofree double *natural = g_new0 (double, MAX (n_columns, 1));
  g_autofree double *cells_natural = g_new0 (double, MAX (n_columns, 1));
  g_autofree double *minimum = g_new0 (double, MAX (n_columns, 1));
  g_autofree double *sizes = g_new0 (double, 2 * MAX (n_cells, 1));
  g_autofree guint *columns = g_new0 (guint, MAX (n_columns, 1));
  double pad = round (size * 0.4 * 4) / 4;
  guint next = 0;

  font = _jd_doc_layout_font (layout, g->body_family, size, PANGO_WEIGHT_NORMAL);
  bold = _jd_doc_layout_font (layout, g->heading_family, size, PANGO_WEIGHT_BOLD);

  for (guint c = 0; c < n_columns; c++)
    {
      gboolean number = jd_table_get_column_kind (source, c) != JD_COLUMN_TEXT;
      PangoLayout *cell;
      double w, floor_width;

      cell = _jd_doc_layout_text (layout, bold, -1, PANGO_ALIGN_CENTER);
      pango_layout_set_text (cell, jd_table_get_column_title (source, c), -1);
      cells[c] = cell;
      w = sizes[2 * c] = _jd_doc_text_size (cell, &sizes[2 * c + 1]);
      natural[c] = w;
      /* a header wraps onto two lines at most, unless a word is longer
       * (a text no wider than that is its own minimum: its longest word
       * need not be measured) */
      floor_width = MAX (2 * size, ceil (w / 2 / size) * size);
      minimum[c] = w <= floor_width ? w : MAX (word_width (cell), floor_width);

      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *text = jd_table_format_cell (source, r, c);
          gsize i;

          cell = _jd_doc_layout_text (layout, font, -1, number ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
          pango_layout_set_text (cell, text != NULL ? text : "", -1);
          i = (gsize) (r + 1) * n_columns + c;
          cells[i] = cell;
          w = sizes[2 * i] = _jd_doc_text_size (cell, &sizes[2 * i + 1]);
          natural[c] = MAX (natural[c], w);
          cells_natural[c] = MAX (cells_natural[c], w);
          if (number || w <= 6 * size)
            minimum[c] = MAX (minimum[c], w);
          else
            minimum[c] = MAX (minimum[c], MAX (word_width (cell), 6 * size));
        }

      /* the cells' width, with the header wrapped at its words */
      cells_natural[c] = MAX (cells_natural[c], minimum[c]);
      natural[c] += 2 * pad;
      cells_natural[c] += 2 * pad;
      minimum[c] += 2 * pad;
    }

  /* the column groups: as many columns as fit at their narrowest, the
   * first column leading each */
  do
    {
      guint n = 0;
      double sum = 0;

      if (next > 0)
        {
          columns[n++] = 0;
          sum = minimum[0];
        }
      while (next < n_columns && (n == 0 || (next == 1 && n == 1) || sum + minimum[next] <= width))
        {
          sum += minimum[next];
          columns[n++] = next++;
        }
      /* one column besides the first, at least, so that it ends */
      if (n == 1 && next > 1 && next < n_columns)
        columns[n++] = next++;

      g_ptr_array_add (groups, group_new (source, cells, sizes, columns, n, natural, cells_natural, minimum, size, width,
                                          groups->len > 0));
    }
  while (next < n_columns);

  for (gsize i = 0; i < n_cells; i++)
    g_object_unref (cells[i]);
  return groups;
}

void
_jd_doc_table_free (JdDocTable *table)
{
  gsize n_cells;

  if (table == NULL)
    return;

  n_cells = (gsize) (table->n_rows + 1) * table->n_columns;
  for (gsize i = 0; i < n_cells; i++)
    g_clear_object (&table->cells[i]);
  g_free (table->cells);
  g_free (table->cell_widths);
  g_free (table->cell_heights);
  g_free (table->row_heights);
  g_free (table->columns);
  g_free (table->x);
  g_free (table->widths);
  g_free (table);
}

double
_jd_doc_table_width (JdDocTable *table)
{
  if (table->n_columns == 0)
    return 0;
  return table->x[table->n_columns - 1] + table->widths[table->n_columns - 1];
}

static void
rule (cairo_t *cr,
      double   x,
      double   y,
      double   width,
      double   line_width)
{
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x, y);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);
}

/**
 * _jd_doc_table_paint_row:
 * @row: 0 for the header, 1 + the row's index for a row
 *
 * Draws a row with its top at (@x, @y): a three-line table (三线表), as
 * Chinese reports print them, the header shaded, thin rules between the
 * rows.
 */
void
_jd_doc_table_paint_row (JdDocTable         *table,
                         cairo_t            *cr,
                         guint               row,
                         double              x,
                         double              y,
                         const JdChartTheme *theme)
{
  double height = table->row_heights[row];
  double width = _jd_doc_table_width (table);
  const JdRgba *ink = &theme->foreground;

  g_assert (row <= table->n_rows);

  cairo_save (cr);
  if (row == 0)
    {
      cairo_set_source_rgba (cr, theme->grid.red, theme->grid.green, theme->grid.blue,
                             theme->grid.alpha * 0.6);
      cairo_rectangle (cr, x, y, width, height);
      cairo_fill (cr);
    }

  cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, ink->alpha);
  for (guint c = 0; c < table->n_columns; c++)
    {
      PangoLayout *cell = CELL (table, row, c);
      gsize i = (gsize) row * table->n_columns + c;
      double slack = 0;

      /* a cell that was not wrapped is aligned here: right for numbers,
       * centred for the header */
      if (pango_layout_get_width (cell) < 0)
        {
          slack = MAX (table->widths[c] - 2 * table->pad_x - table->cell_widths[i], 0);
          if (pango_layout_get_alignment (cell) == PANGO_ALIGN_LEFT)
            slack = 0;
          else if (pango_layout_get_alignment (cell) == PANGO_ALIGN_CENTER)
            slack /= 2;
        }

      cairo_save (cr);
      cairo_rectangle (cr, x + table->x[c], y, table->widths[c], height);
      cairo_clip (cr);
      cairo_move_to (cr, x + table->x[c] + table->pad_x + slack, y + (height - table->cell_heights[i]) / 2);
      pango_cairo_show_layout (cr, cell);
      cairo_restore (cr);
    }

  if (row == 0)
    {
      rule (cr, x, y, width, 1.0);
      rule (cr, x, y + height, width, 0.5);
    }
  else
    {
      cairo_set_source_rgba (cr, theme->grid.red, theme->grid.green, theme->grid.blue,
                             MIN (1.0, theme->grid.alpha * 2));
      rule (cr, x, y + height, width, 0.25);
    }
  cairo_restore (cr);
}

/* jd-doc-layout.c — the page model's blocks measured and broken into pages
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every block is measured once, with Pango, into a box of units: a line
 * of text, a table row, a chart.  Units never split; a unit may ask to
 * stay on the page of the one after it (a heading's line, a paragraph's
 * first line, a table's title and header).  Pagination then walks the
 * units and cuts each box into the pieces that fall on each page.  The
 * painter (jd-doc-paint.c) draws the very same PangoLayouts, so the
 * preview, the print-out and the PDF are alike to the glyph. */

#define G_LOG_DOMAIN "jd-doc"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-chart-axis.h"
#include "jd-doc-private.h"
#include "jd-warnings.h"

/* Sizes in a document, from its body size, so that a slide's are larger
 * in the same proportions; none below the geometry's floor. */
#define SLIDE_KPIS_PER_ROW 3       /* big numbers a row on a slide */
#define TITLE_SCALE     1.375   /* 22 pt (二号) over a 16 pt body */
#define FOOTNOTE_SCALE  0.75    /* 12 pt (小四) */
#define TABLE_SCALE     0.65625 /* 10.5 pt (五号), the size of Chinese tables */

/* Measuring */

/**
 * _jd_doc_layout_font:
 *
 * Every font of a document comes from here, so that none is smaller than
 * the geometry's legibility floor, and the smallest can be told.
 */
PangoFontDescription *
_jd_doc_layout_font (JdDocLayout *self,
                     const char  *family,
                     double       size,
                     PangoWeight  weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  size = MAX (size, self->geometry.min_text_size);
  self->min_font_size = MIN (self->min_font_size, size);

  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  return font;
}

/* A layout that wraps at @width (-1: no wrapping), words and, for Han
 * text, between any two characters. */
PangoLayout *
_jd_doc_layout_text (JdDocLayout                *self,
                     const PangoFontDescription *font,
                     double                      width,
                     PangoAlignment              alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, width < 0 ? -1 : pango_units_from_double (MAX (width, 1)));
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* @layout's logical width; its height in @height */
double
_jd_doc_text_size (PangoLayout *layout,
                   double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (height != NULL)
    *height = pango_units_to_double (logical.height);
  return pango_units_to_double (logical.width);
}

/* What a table's row brings above it at the top of a page: 续表 and the
 * header row. */
double
_jd_doc_box_repeat_height (JdDocBox        *box,
                           const JdDocUnit *unit)
{
  g_assert (unit->kind == JD_DOC_UNIT_ROW);

  return box->continued_height + ((JdDocTable *) box->tables->pdata[unit->line])->row_heights[0];
}

double
_jd_doc_layout_table_size (const JdPageGeometry *geometry)
{
  return MAX (geometry->min_text_size, geometry->body_size * TABLE_SCALE);
}

static gboolean
keep_attribute (PangoAttribute *attr,
                gpointer        user_data)
{
  /* Dropped: everything but bold and italic (a size would slip under the
   * floor, a colour would not print) */
  return attr->klass->type != PANGO_ATTR_WEIGHT && attr->klass->type != PANGO_ATTR_STYLE;
}

/* A paragraph's markup, keeping <b> and <i> only; text that is not
 * markup is shown as it is. */
static void
set_markup (PangoLayout *layout,
            const char  *markup)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *text = NULL;

  if (!pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, NULL))
    {
      pango_layout_set_text (layout, markup, -1);
      return;
    }

  pango_attr_list_unref (pango_attr_list_filter (attrs, keep_attribute, NULL));
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, attrs);
}

static JdDocBox *
box_new (JdBlock *block,
         guint    index)
{
  JdDocBox *box = g_new0 (JdDocBox, 1);

  box->block = block;
  box->index = index;
  box->texts = g_array_new (FALSE, TRUE, sizeof (JdDocText));
  box->units = g_array_new (FALSE, TRUE, sizeof (JdDocUnit));
  return box;
}

static void
box_free (JdDocBox *box)
{
  for (guint i = 0; i < box->texts->len; i++)
    g_object_unref (g_array_index (box->texts, JdDocText, i).layout);
  g_array_unref (box->texts);
  g_array_unref (box->units);
  g_clear_pointer (&box->tables, g_ptr_array_unref);
  g_clear_object (&box->continued);
  g_free (box);
}

typedef enum
{
  KEEP_NONE,      /* a page may break after any line */
  KEEP_ALL,       /* a heading: never the last thing on a page */
  KEEP_TOGETHER,  /* a title: not split */
  KEEP_ORPHANS,   /* a paragraph: no first or last line alone */
} Keep;

/* Adds @layout's lines to @box, one unit each, @pitch apart (baseline to
 * baseline), or further for a line higher than that. */
static void
box_add_text (JdDocBox    *box,
              PangoLayout *layout,
              double       x,
              double       size,
              double       pitch,
              gboolean     dim,
              gboolean     mark,
              Keep         keep)
{
  JdDocText text = { layout, x, size, dim, mark };
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint first = box->units->len;
  guint n_lines = pango_layout_get_line_count (layout);
  guint line = 0;

  g_array_append_val (box->texts, text);

  do
    {
      PangoRectangle logical;
      JdDocUnit unit = { JD_DOC_UNIT_LINE, box->texts->len - 1, line, 0 };
      double height, ascent;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      ascent = pango_units_to_double (pango_layout_iter_get_baseline (iter) - logical.y);
      height = pango_units_to_double (logical.height);

      unit.x = pango_units_to_double (logical.x);
      unit.height = MAX (pitch, height);
      /* the line's box centred on its pitch */
      unit.ascent = (unit.height - height) / 2 + ascent;
      switch (keep)
        {
        case KEEP_ALL:
          unit.keep_next = TRUE;
          break;
        case KEEP_TOGETHER:
          unit.keep_next = line + 1 < n_lines;
          break;
        case KEEP_ORPHANS:
          unit.keep_next = n_lines > 1 && (line == 0 || line + 2 == n_lines);
          break;
        case KEEP_NONE:
        default:
          break;
        }
      g_array_append_val (box->units, unit);
      line++;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  g_assert (box->units->len > first);
}

static void
box_add_unit (JdDocBox      *box,
              JdDocUnitKind  kind,
              guint          index,
              double         height,
              gboolean       keep_next)
{
  JdDocUnit unit = { kind, index, 0, height, 0, 0, keep_next };

  g_array_append_val (box->units, unit);
}

/* A title of two lines or more has lines of like length (not a last
 * character alone on its line, as 公文 titles are set): the narrowest
 * width that needs no more lines.  Returns the width. */
static double
balance_lines (PangoLayout *layout,
               double       width)
{
  int n_lines = pango_layout_get_line_count (layout);
  double low, high = width;

  if (n_lines < 2)
    return width;

  low = width / n_lines;
  while (high - low > 0.5)
    {
      double mid = (low + high) / 2;

      pango_layout_set_width (layout, pango_units_from_double (mid));
      if (pango_layout_get_line_count (layout) > n_lines)
        low = mid;
      else
        high = mid;
    }

  pango_layout_set_width (layout, pango_units_from_double (high));
  return high;
}

static void
measure_title (JdDocLayout *self,
               JdDocBox    *box)
{
  const JdPageGeometry *g = &self->geometry;
  g_autoptr(PangoFontDescription) font = NULL;
  double size = g->body_size * TITLE_SCALE;
  PangoLayout *layout;
  double width;

  font = _jd_doc_layout_font (self, g->heading_family, size, PANGO_WEIGHT_BOLD);
  layout = _jd_doc_layout_text (self, font, self->text_width, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, box->block->text, -1);
  width = balance_lines (layout, self->text_width);
  box_add_text (box, layout, (self->text_width - width) / 2, size, size * 1.5, FALSE, FALSE, KEEP_ALL);

  if (box->block->subtitle != NULL && *box->block->subtitle != '\0')
    {
      g_autoptr(PangoFontDescription) sub_font = NULL;

      sub_font = _jd_doc_layout_font (self, g->body_family, g->body_size, PANGO_WEIGHT_NORMAL);
      layout = _jd_doc_layout_text (self, sub_font, self->text_width, PANGO_ALIGN_CENTER);
      pango_layout_set_text (layout, box->block->subtitle, -1);
      box_add_text (box, layout, 0, g->body_size, g->line_spacing, TRUE, FALSE, KEEP_ALL);
    }

  box->space_after = g->line_spacing;
}

/* 公文 paragraphs and headings begin two characters in; a slide's text
 * stands flush with its title. */
static int
first_line_indent (const JdPageGeometry *g)
{
  return g->format == JD_PAGE_SLIDE_16_9 ? 0 : pango_units_from_double (2 * g->body_size);
}

static void
measure_heading (JdDocLayout *self,
                 JdDocBox    *box)
{
  const JdPageGeometry *g = &self->geometry;
  g_autoptr(PangoFontDescription) font = NULL;
  PangoLayout *layout;

  /* 一级标题 in the heading (黑体) face, 二级 in the body face, bold */
  font = _jd_doc_layout_font (self, box->block->level == 1 ? g->heading_family : g->body_family,
                              g->body_size, PANGO_WEIGHT_BOLD);
  layout = _jd_doc_layout_text (self, font, self->text_width, PANGO_ALIGN_LEFT);
  /* indented two characters, as the paragraphs are (GB/T 9704) */
  pango_layout_set_indent (layout, first_line_indent (g));
  pango_layout_set_text (layout, box->block->text, -1);
  box_add_text (box, layout, 0, g->body_size, g->line_spacing, FALSE, FALSE, KEEP_ALL);
  box->space_before = box->block->level == 1 ? g->body_size * 0.5 : 0;
}

static void
measure_paragraph (JdDocLayout *self,
                   JdDocBox    *box)
{
  const JdPageGeometry *g = &self->geometry;
  g_autoptr(PangoFontDescription) font = NULL;
  PangoLayout *layout;

  font = _jd_doc_layout_font (self, g->body_family, g->body_size, PANGO_WEIGHT_NORMAL);
  layout = _jd_doc_layout_text (self, font, self->text_width, PANGO_ALIGN_LEFT);
  /* 首行缩进二字, justified, as a 公文's paragraphs are */
  pango_layout_set_indent (layout, first_line_indent (g));
  pango_layout_set_justify (layout, TRUE);
  set_markup (layout, box->block->text);
  box_add_text (box, layout, 0, g->body_size, g->line_spacing, FALSE, FALSE, KEEP_ORPHANS);
}

static void
measure_footnote (JdDocLayout *self,
                  JdDocBox    *box)
{
  const JdPageGeometry *g = &self->geometry;
  g_autoptr(PangoFontDescription) font = NULL;
  double size = MAX (g->min_text_size, g->body_size * FOOTNOTE_SCALE);
  PangoLayout *layout;

  font = _jd_doc_layout_font (self, g->body_family, size, PANGO_WEIGHT_NORMAL);
  layout = _jd_doc_layout_text (self, font, self->text_width, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, box->block->text, -1);
  box_add_text (box, layout, 0, size, size * 1.6, TRUE, FALSE, KEEP_ORPHANS);
  box->space_before = g->body_size * 0.5;
}

static void
measure_warnings (JdDocLayout *self,
                  JdDocBox    *box)
{
  const JdPageGeometry *g = &self->geometry;
  g_autoptr(PangoFontDescription) font = NULL;
  GPtrArray *warnings = box->block->warnings;
  double indent = g->body_size * 1.25;

  font = _jd_doc_layout_font (self, g->body_family, g->body_size, PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < warnings->len; i++)
    {
      const JdWarning *warning = warnings->pdata[i];
      g_autofree char *markup = NULL;
      PangoLayout *layout;

      markup = g_markup_printf_escaped ("<b>%s</b>　%s", jd_warning_rule_label (warning->rule),
                                        warning->message != NULL ? warning->message : "");
      layout = _jd_doc_layout_text (self, font, self->text_width - indent, PANGO_ALIGN_LEFT);
      pango_layout_set_markup (layout, markup, -1);
      box_add_text (box, layout, indent, g->body_size, g->line_spacing, FALSE, TRUE, KEEP_ORPHANS);
    }
  box->space_before = g->body_size * 0.25;
  box->space_after = g->body_size * 0.25;
}

/* The text block's height left for a chart: room for a heading above it,
 * so that the two share a page (a slide). */
static double
graphic_max_height (JdDocLayout *self)
{
  const JdPageGeometry *g = &self->geometry;

  return g->height - g->margin_top - g->margin_bottom - 2 * g->line_spacing;
}

static void
measure_chart (JdDocLayout *self,
               JdDocBox    *box)
{
  box->graphic_width = self->text_width;
  box->graphic_height = MIN (self->text_width * box->block->aspect, graphic_max_height (self));
  box_add_unit (box, JD_DOC_UNIT_GRAPHIC, 0, box->graphic_height, FALSE);
  box->space_before = box->space_after = self->geometry.body_size * 0.5;
}

/* KPI cards side by side, as many a row as are at least eight characters
 * of body text wide; the row never splits. */
static void
measure_kpi_row (JdDocLayout *self,
                 JdDocBox    *box)
{
  const JdPageGeometry *g = &self->geometry;
  guint n = jd_block_get_n_charts (box->block);
  guint n_rows;
  double min_width = 8 * g->body_size;
  gboolean slide = g->format == JD_PAGE_SLIDE_16_9;
  double floor_height = g->min_text_size / 0.11 + 0.5;   /* small print at 0.11 of a card */

  if (n == 0)
    return;

  box->gap = g->body_size * 0.5;
  box->per_row = CLAMP ((guint) ((self->text_width + box->gap) / (min_width + box->gap)), 1, n);
  /* A slide's big numbers leave room for the trend under them: at most
   * three cards a row, none wider than a third of the slide, one row of them
   * flatter;
   * unless so many rows of three would squeeze the cards' small print
   * under the floor, when they go more to a row. */
  if (slide && n > SLIDE_KPIS_PER_ROW && box->per_row > SLIDE_KPIS_PER_ROW)
    {
      guint rows = (n + SLIDE_KPIS_PER_ROW - 1) / SLIDE_KPIS_PER_ROW;

      if ((graphic_max_height (self) - box->gap * (rows - 1)) / rows >= floor_height)
        box->per_row = SLIDE_KPIS_PER_ROW;
    }
  n_rows = (n + box->per_row - 1) / box->per_row;
  box->graphic_width = (self->text_width - box->gap * (box->per_row - 1)) / box->per_row;
  if (slide)
    box->graphic_width = MIN (box->graphic_width,
                              (self->text_width - box->gap * (SLIDE_KPIS_PER_ROW - 1)) / SLIDE_KPIS_PER_ROW);
  /* a card sizes its small print at 0.11 of its height: not below the floor */
  box->graphic_height = CLAMP (box->graphic_width * (slide && n_rows == 1 ? 0.55 : 0.72), floor_height,
                               (graphic_max_height (self) - box->gap * (n_rows - 1)) / n_rows);
  box_add_unit (box, JD_DOC_UNIT_GRAPHIC, 0,
                n_rows * box->graphic_height + (n_rows - 1) * box->gap, FALSE);
  box->space_before = box->space_after = g->body_size * 0.5;
}

static void
measure_table (JdDocLayout *self,
               JdDocBox    *box)
{
  const JdPageGeometry *g = &self->geometry;
  JdTable *table = box->block->table;
  double size = _jd_doc_layout_table_size (g);
  const char *title = jd_table_get_title (table);
  const char * const *notes;
  guint n_notes = 0;

  if (title != NULL && *title != '\0')
    {
      g_autoptr(PangoFontDescription) font = NULL;
      double title_size = MAX (g->min_text_size, g->body_size * FOOTNOTE_SCALE);
      PangoLayout *layout;

      font = _jd_doc_layout_font (self, g->heading_family, title_size, PANGO_WEIGHT_BOLD);
      layout = _jd_doc_layout_text (self, font, self->text_width, PANGO_ALIGN_CENTER);
      pango_layout_set_text (layout, title, -1);
      box_add_text (box, layout, 0, title_size, title_size * 1.8, FALSE, FALSE, KEEP_ALL);
    }

  box->tables = _jd_doc_table_measure (self, table, self->text_width);
  for (guint t = 0; t < box->tables->len; t++)
    {
      JdDocTable *group = box->tables->pdata[t];
      /* a column group after the first stands a line below it */
      double gap = t > 0 ? size * 1.5 : 0;

      /* the header keeps with the first row */
      box_add_unit (box, JD_DOC_UNIT_HEAD, 0, gap + group->row_heights[0], group->n_rows > 0);
      g_array_index (box->units, JdDocUnit, box->units->len - 1).line = t;
      for (guint r = 0; r < group->n_rows; r++)
        {
          box_add_unit (box, JD_DOC_UNIT_ROW, r, group->row_heights[r + 1], FALSE);
          g_array_index (box->units, JdDocUnit, box->units->len - 1).line = t;
        }
    }

  /* on a page the table goes on to: 续表, then the header again */
  {
    g_autoptr(PangoFontDescription) font = NULL;

    font = _jd_doc_layout_font (self, g->body_family, size, PANGO_WEIGHT_NORMAL);
    box->continued = _jd_doc_layout_text (self, font, self->text_width, PANGO_ALIGN_RIGHT);
    /* Translators: over a table's header row on a page the table goes
     * on to (续表) */
    pango_layout_set_text (box->continued, _("(continued)"), -1);
    _jd_doc_text_size (box->continued, &box->continued_height);
    box->continued_height += size * 0.3;
  }

  notes = jd_table_get_notes (table, &n_notes);
  if (n_notes > 0)
    {
      g_autoptr(PangoFontDescription) font = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      PangoLayout *layout;

      /* the notes are counted, not NULL-terminated */
      for (guint i = 0; i < n_notes; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", notes[i]);

      font = _jd_doc_layout_font (self, g->body_family, size, PANGO_WEIGHT_NORMAL);
      layout = _jd_doc_layout_text (self, font, self->text_width, PANGO_ALIGN_LEFT);
      pango_layout_set_text (layout, text->str, -1);
      box_add_text (box, layout, 0, size, size * 1.6, TRUE, FALSE, KEEP_NONE);
    }

  box->space_before = g->body_size * 0.5;
  box->space_after = g->body_size * 0.5;
}

static void
measure_box (JdDocLayout *self,
             JdDocBox    *box)
{
  switch (box->block->kind)
    {
    case JD_BLOCK_TITLE:
      measure_title (self, box);
      break;
    case JD_BLOCK_HEADING:
      measure_heading (self, box);
      break;
    case JD_BLOCK_PARAGRAPH:
      measure_paragraph (self, box);
      break;
    case JD_BLOCK_KPI_ROW:
      measure_kpi_row (self, box);
      break;
    case JD_BLOCK_CHART:
      measure_chart (self, box);
      break;
    case JD_BLOCK_TABLE:
      measure_table (self, box);
      break;
    case JD_BLOCK_WARNINGS:
      measure_warnings (self, box);
      break;
    case JD_BLOCK_FOOTNOTE:
      measure_footnote (self, box);
      break;
    case JD_BLOCK_PAGE_BREAK:
    case JD_BLOCK_NOTES:      /* nothing to place: the notes ride with their page */
    default:
      break;
    }
}

/* The chart kit's measuring context (unhinted metrics, unrounded glyph
 * positions, zh-cn), unhinted outlines too, one unit a point. */
static PangoContext *
context_new (void)
{
  PangoContext *context = _jd_chart_context_new (NULL);
  cairo_font_options_t *options;

  options = cairo_font_options_copy (pango_cairo_context_get_font_options (context));
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  return context;
}

static void
measure_running_header (JdDocLayout *self)
{
  const JdPageGeometry *g = &self->geometry;
  const char *text = self->doc->running_header;
  g_autoptr(PangoFontDescription) font = NULL;

  if (text == NULL || *text == '\0')
    return;

  font = _jd_doc_layout_font (self, g->body_family, MAX (g->min_text_size, g->body_size * FOOTNOTE_SCALE),
                              PANGO_WEIGHT_NORMAL);
  if (g->format == JD_PAGE_SLIDE_16_9)
    /* in the slide's foot, left of the page number */
    self->running_header = _jd_doc_layout_text (self, font, self->text_width - 8 * g->min_text_size,
                                                PANGO_ALIGN_LEFT);
  else
    self->running_header = _jd_doc_layout_text (self, font, self->text_width, PANGO_ALIGN_CENTER);
  pango_layout_set_ellipsize (self->running_header, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (self->running_header, text, -1);
}

/**
 * jd_doc_layout_new:
 * @doc: the document; the layout keeps a reference to it
 * @cancellable: (nullable): checked between blocks
 *
 * Measures every block of @doc for its geometry and breaks them into
 * pages.  Lay out in the thread that paints: the fonts are that thread's.
 * The layout holds what it measured: build a new one after a change.
 *
 * Returns: (transfer full) (nullable): the layout, or %NULL if cancelled
 */
JdDocLayout *
jd_doc_layout_new (JdDoc         *doc,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(JdDocLayout) self = NULL;
  const JdPageGeometry *g;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (JdDocLayout, 1);
  self->doc = jd_doc_ref (doc);
  self->geometry = doc->geometry;
  g = &self->geometry;
  self->text_width = g->width - g->margin_left - g->margin_right;
  self->context = context_new ();
  self->boxes = g_ptr_array_new_with_free_func ((GDestroyNotify) box_free);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (JdDocPiece));
  self->block_page = g_new0 (guint, doc->blocks->len);
  self->block_y = g_new0 (double, doc->blocks->len);
  self->min_font_size = G_MAXDOUBLE;

  measure_running_header (self);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      JdDocBox *box;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      box = box_new (doc->blocks->pdata[i], i);
      g_ptr_array_add (self->boxes, box);
      measure_box (self, box);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  _jd_doc_layout_paginate (self);
  return g_steal_pointer (&self);
}

void
jd_doc_layout_free (JdDocLayout *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->boxes, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_object (&self->running_header);
  g_clear_object (&self->context);
  g_free (self->block_page);
  g_free (self->block_y);
  g_clear_pointer (&self->doc, jd_doc_unref);
  g_free (self);
}

JdDoc *
jd_doc_layout_get_doc (JdDocLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->doc;
}

guint
jd_doc_layout_get_n_pages (JdDocLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

/* The smallest type the layout set, in points: for the tests of the
 * legibility floor. */
double
_jd_doc_layout_min_font_size (JdDocLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->min_font_size;
}

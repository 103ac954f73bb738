/* jd-docx.c — the page model written as a DOCX, for WPS and Word
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports are polished in WPS or Word before they go up, so the DOCX is
 * made to be edited: headings are the reader's own heading styles (its
 * navigation pane lists them), paragraphs are text in a body style,
 * tables are real tables whose header row repeats, and only the charts
 * are pictures, drawn by the chart kit at print resolution.  The package
 * is built in memory with libgsf's zip writer and libxml2's text writer,
 * then written over the file in one step.
 */

#define G_LOG_DOMAIN "jd-docx"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-outfile-zip.h>
#include <pango/pango.h>

#include "jd-docx-private.h"
#include "jd-warnings.h"

/* Charts are drawn at 2.5 pixels a point: 180 dpi, sharp in print. */
#define IMAGE_SCALE 2.5
/* The gap between the cards of a KPI row, in points. */
#define KPI_GAP 6.0

typedef struct
{
  JdDoc            *doc;
  xmlTextWriterPtr  w;
  GPtrArray        *images;      /* (element-type GBytes): word/media/imageN.png */
  double            text_width;  /* points */
} Writer;

static void
start (Writer     *self,
       const char *element)
{
  xmlTextWriterStartElement (self->w, BAD_CAST element);
}

static void
end (Writer *self)
{
  xmlTextWriterEndElement (self->w);
}

/* <w:p><w:pPr><w:pStyle/>… — left open for the runs. */
static void
paragraph_start (Writer     *self,
                 const char *style,
                 const char *jc,
                 gboolean    keep_next)
{
  start (self, "w:p");
  start (self, "w:pPr");
  _jd_docx_val (self->w, "w:pStyle", style);
  if (keep_next)
    _jd_docx_val (self->w, "w:keepNext", NULL);
  if (jc != NULL)
    _jd_docx_val (self->w, "w:jc", jc);
  end (self);
}

/* A run of text; tabs and line feeds become w:tab and w:br. */
static void
run (Writer     *self,
     const char *text,
     gssize      len,
     gboolean    bold,
     gboolean    italic)
{
  g_autofree char *slice = g_strndup (text, len < 0 ? strlen (text) : (gsize)len);
  g_autofree char *clean = _jd_docx_clean_text (slice);
  const char *p = clean;

  if (*clean == '\0')
    return;

  start (self, "w:r");
  if (bold || italic)
    {
      start (self, "w:rPr");
      if (bold)
        {
          _jd_docx_val (self->w, "w:b", NULL);
          _jd_docx_val (self->w, "w:bCs", NULL);
        }
      if (italic)
        {
          _jd_docx_val (self->w, "w:i", NULL);
          _jd_docx_val (self->w, "w:iCs", NULL);
        }
      end (self);
    }

  while (*p != '\0')
    {
      gsize n = strcspn (p, "\t\n");

      if (n > 0)
        {
          start (self, "w:t");
          _jd_docx_attr (self->w, "xml:space", "preserve");
          xmlTextWriterWriteFormatString (self->w, "%.*s", (int)n, p);
          end (self);
          p += n;
        }
      if (*p != '\0')
        {
          _jd_docx_val (self->w, *p == '\t' ? "w:tab" : "w:br", NULL);
          p++;
        }
    }
  end (self);
}

/* Pango markup as runs: the bold and italic spans are kept, every other
 * attribute dropped.  Markup that does not parse is written as it is
 * rather than lost. */
static void
markup_runs (Writer     *self,
             const char *markup)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PangoAttrList *attrs = NULL;
  PangoAttrIterator *iter;
  gsize text_len;

  if (!pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, &error))
    {
      g_debug ("Paragraph markup written as text: %s", error->message);
      run (self, markup, -1, FALSE, FALSE);
      return;
    }

  text_len = strlen (text);
  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      int range_start, range_end;
      PangoAttrInt *weight = (PangoAttrInt *)pango_attr_iterator_get (iter, PANGO_ATTR_WEIGHT);
      PangoAttrInt *style = (PangoAttrInt *)pango_attr_iterator_get (iter, PANGO_ATTR_STYLE);

      pango_attr_iterator_range (iter, &range_start, &range_end);
      range_start = MIN ((gsize)range_start, text_len);
      range_end = MIN ((gsize)range_end, text_len);
      if (range_end > range_start)
        run (self, text + range_start, range_end - range_start,
             weight != NULL && weight->value >= PANGO_WEIGHT_SEMIBOLD,
             style != NULL && style->value != PANGO_STYLE_NORMAL);
    }
  while (pango_attr_iterator_next (iter));

  pango_attr_iterator_destroy (iter);
  pango_attr_list_unref (attrs);
}

static void
text_paragraph (Writer     *self,
                const char *style,
                const char *text)
{
  paragraph_start (self, style, NULL, FALSE);
  run (self, text, -1, FALSE, FALSE);
  end (self);
}

static cairo_status_t
png_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws @n charts side by side, each @width / @n wide, on white. */
static GBytes *
render_png (JdChart * const *charts,
            guint            n,
            double           width,
            double           height,
            GError         **error)
{
  JdChartTheme theme;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  GByteArray *png = g_byte_array_new ();
  double cell = (width - KPI_GAP * (n - 1)) / n;

  jd_chart_theme_init_light (&theme);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int)ceil (width * IMAGE_SCALE),
                                        (int)ceil (height * IMAGE_SCALE));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, IMAGE_SCALE, IMAGE_SCALE);
  for (guint i = 0; i < n; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, i * (cell + KPI_GAP), 0);
      cairo_rectangle (cr, 0, 0, cell, height);
      cairo_clip (cr);
      jd_chart_draw (cr, cell, height, charts[i], &theme);
      cairo_restore (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, png_write_cb, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (png);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw a chart for the DOCX: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (png);
}

static void
attr_emu (Writer     *self,
          const char *name,
          double      points)
{
  _jd_docx_attr_int (self->w, name, JD_DOCX_EMU (points));
}

/* An inline picture (wp:inline) of word/media/imageN.png, @width ×
 * @height points, with @description as its alternative text. */
static void
drawing (Writer     *self,
         guint       image,
         double      width,
         double      height,
         const char *description)
{
  g_autofree char *rid = g_strdup_printf ("rIdImage%u", image);
  g_autofree char *name = g_strdup_printf ("image%u.png", image);

  start (self, "w:r");
  start (self, "w:drawing");
  start (self, "wp:inline");
  for (guint i = 0; i < 4; i++)
    _jd_docx_attr (self->w, (const char *[]) { "distT", "distB", "distL", "distR" }[i], "0");
  start (self, "wp:extent");
  attr_emu (self, "cx", width);
  attr_emu (self, "cy", height);
  end (self);
  start (self, "wp:docPr");
  _jd_docx_attr_int (self->w, "id", image);
  _jd_docx_attr (self->w, "name", name);
  _jd_docx_attr (self->w, "descr", description != NULL ? description : "");
  end (self);
  start (self, "wp:cNvGraphicFramePr");
  start (self, "a:graphicFrameLocks");
  _jd_docx_attr (self->w, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
  _jd_docx_attr (self->w, "noChangeAspect", "1");
  end (self);
  end (self);
  start (self, "a:graphic");
  _jd_docx_attr (self->w, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
  start (self, "a:graphicData");
  _jd_docx_attr (self->w, "uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  start (self, "pic:pic");
  _jd_docx_attr (self->w, "xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  start (self, "pic:nvPicPr");
  start (self, "pic:cNvPr");
  _jd_docx_attr_int (self->w, "id", 0);
  _jd_docx_attr (self->w, "name", name);
  end (self);
  start (self, "pic:cNvPicPr");
  end (self);
  end (self);
  start (self, "pic:blipFill");
  start (self, "a:blip");
  _jd_docx_attr (self->w, "r:embed", rid);
  end (self);
  start (self, "a:stretch");
  start (self, "a:fillRect");
  end (self);
  end (self);
  end (self);
  start (self, "pic:spPr");
  start (self, "a:xfrm");
  start (self, "a:off");
  _jd_docx_attr (self->w, "x", "0");
  _jd_docx_attr (self->w, "y", "0");
  end (self);
  start (self, "a:ext");
  attr_emu (self, "cx", width);
  attr_emu (self, "cy", height);
  end (self);
  end (self);
  start (self, "a:prstGeom");
  _jd_docx_attr (self->w, "prst", "rect");
  start (self, "a:avLst");
  end (self);
  end (self);
  end (self);
  end (self);  /* pic:pic */
  end (self);  /* a:graphicData */
  end (self);  /* a:graphic */
  end (self);  /* wp:inline */
  end (self);  /* w:drawing */
  end (self);  /* w:r */
}

/* A chart or a row of KPI cards, as one picture across the text width. */
static gboolean
charts_block (Writer        *self,
              const JdBlock *block,
              GError       **error)
{
  guint n = block->charts->len;
  JdChart * const *charts = (JdChart * const *)block->charts->pdata;
  double width = self->text_width;
  double height;
  GBytes *png;
  GString *description = g_string_new (NULL);

  if (n == 0)
    {
      g_string_free (description, TRUE);
      return TRUE;
    }

  if (block->kind == JD_BLOCK_KPI_ROW)
    {
      /* A card's text scales with its height: tall enough to read,
       * never taller than wide. */
      double cell = (width - KPI_GAP * (n - 1)) / n;

      height = CLAMP (cell * 0.75, 84.0, 132.0);
    }
  else
    height = width * block->aspect;

  png = render_png (charts, n, width, height, error);
  if (png == NULL)
    {
      g_string_free (description, TRUE);
      return FALSE;
    }
  g_ptr_array_add (self->images, png);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = jd_chart_describe (charts[i]);

      if (text != NULL && *text != '\0')
        g_string_append_printf (description, "%s%s", description->len > 0 ? " " : "", text);
    }

  paragraph_start (self, "Figure", NULL, FALSE);
  drawing (self, self->images->len, width, height, description->str);
  end (self);
  g_string_free (description, TRUE);
  return TRUE;
}

/* How wide a cell's text is, in half-ems: a Chinese character is two,
 * any other one. */
static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return width;
}

static void
border (Writer     *self,
        const char *side)
{
  start (self, side);
  _jd_docx_attr (self->w, "w:val", "single");
  _jd_docx_attr (self->w, "w:sz", "4");
  _jd_docx_attr (self->w, "w:space", "0");
  _jd_docx_attr (self->w, "w:color", "000000");
  end (self);
}

static void
table_cell (Writer     *self,
            gint64      width,
            const char *text,
            const char *jc,
            gboolean    header)
{
  start (self, "w:tc");
  start (self, "w:tcPr");
  start (self, "w:tcW");
  _jd_docx_attr_int (self->w, "w:w", width);
  _jd_docx_attr (self->w, "w:type", "dxa");
  end (self);
  if (header)
    {
      start (self, "w:shd");
      _jd_docx_attr (self->w, "w:val", "clear");
      _jd_docx_attr (self->w, "w:color", "auto");
      _jd_docx_attr (self->w, "w:fill", "E8E8E8");
      end (self);
    }
  _jd_docx_val (self->w, "w:vAlign", "center");
  end (self);
  paragraph_start (self, "TableText", jc, FALSE);
  if (text != NULL)
    run (self, text, -1, header, FALSE);
  end (self);
  end (self);
}

/* Column widths in twips across the text width, from what the columns
 * hold: the widest cell, the header allowed two lines. */
static gint64 *
column_widths (Writer  *self,
               JdTable *table)
{
  guint n_columns = jd_table_get_n_columns (table);
  guint n_rows = jd_table_get_n_rows (table);
  gint64 total = JD_DOCX_TWIPS (self->text_width);
  gint64 *widths = g_new0 (gint64, n_columns);
  double *need = g_new0 (double, n_columns);
  double sum = 0;
  gint64 given = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      need[c] = MAX (6, (text_width (jd_table_get_column_title (table, c)) + 1) / 2);
      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *cell = jd_table_format_cell (table, r, c);

          need[c] = MAX (need[c], text_width (cell));
        }
      /* The cell's padding, in half-ems. */
      need[c] += 2;
      sum += need[c];
    }

  for (guint c = 0; c < n_columns; c++)
    {
      widths[c] = c + 1 < n_columns ? (gint64)(total * need[c] / sum) : total - given;
      given += widths[c];
    }

  g_free (need);
  return widths;
}

static gboolean
table_block (Writer        *self,
             const JdBlock *block,
             GCancellable  *cancellable,
             GError       **error)
{
  JdTable *table = block->table;
  guint n_columns = jd_table_get_n_columns (table);
  guint n_rows = jd_table_get_n_rows (table);
  const char *title = jd_table_get_title (table);
  const char * const *notes;
  guint n_notes = 0;
  g_autofree gint64 *widths = NULL;

  if (n_columns == 0)
    return TRUE;

  if (title != NULL && *title != '\0')
    {
      paragraph_start (self, "Caption", NULL, TRUE);
      run (self, title, -1, FALSE, FALSE);
      end (self);
    }

  widths = column_widths (self, table);
  start (self, "w:tbl");
  start (self, "w:tblPr");
  _jd_docx_val (self->w, "w:tblStyle", "TableGrid");
  start (self, "w:tblW");
  _jd_docx_attr_int (self->w, "w:w", JD_DOCX_TWIPS (self->text_width));
  _jd_docx_attr (self->w, "w:type", "dxa");
  end (self);
  _jd_docx_val (self->w, "w:jc", "center");
  start (self, "w:tblBorders");
  for (guint i = 0; i < 6; i++)
    border (self, (const char *[]) { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" }[i]);
  end (self);
  start (self, "w:tblLayout");
  _jd_docx_attr (self->w, "w:type", "fixed");
  end (self);
  start (self, "w:tblCellMar");
  for (guint i = 0; i < 2; i++)
    {
      start (self, i == 0 ? "w:left" : "w:right");
      _jd_docx_attr_int (self->w, "w:w", 57);
      _jd_docx_attr (self->w, "w:type", "dxa");
      end (self);
    }
  end (self);
  end (self);  /* w:tblPr */

  start (self, "w:tblGrid");
  for (guint c = 0; c < n_columns; c++)
    {
      start (self, "w:gridCol");
      _jd_docx_attr_int (self->w, "w:w", widths[c]);
      end (self);
    }
  end (self);

  for (int r = -1; r < (int)n_rows; r++)
    {
      if (r > 0 && r % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      start (self, "w:tr");
      /* A row never breaks across pages; the header row repeats on each. */
      start (self, "w:trPr");
      _jd_docx_val (self->w, "w:cantSplit", NULL);
      if (r < 0)
        _jd_docx_val (self->w, "w:tblHeader", NULL);
      end (self);
      for (guint c = 0; c < n_columns; c++)
        {
          if (r < 0)
            table_cell (self, widths[c], jd_table_get_column_title (table, c), "center", TRUE);
          else
            {
              g_autofree char *text = jd_table_format_cell (table, r, c);
              gboolean number = jd_table_get_column_kind (table, c) != JD_COLUMN_TEXT;

              table_cell (self, widths[c], text, number ? "right" : "left", FALSE);
            }
        }
      end (self);
    }
  end (self);  /* w:tbl */

  notes = jd_table_get_notes (table, &n_notes);
  for (guint i = 0; i < n_notes; i++)
    text_paragraph (self, "Note", notes[i]);

  return TRUE;
}

static void
warnings_block (Writer        *self,
                const JdBlock *block)
{
  for (guint i = 0; i < block->warnings->len; i++)
    {
      const JdWarning *warning = block->warnings->pdata[i];
      /* Translators: a warning's rule, before the finding, in bold */
      g_autofree char *label = g_strdup_printf (_("%s: "), jd_warning_rule_label (warning->rule));

      paragraph_start (self, "BodyText", NULL, FALSE);
      run (self, label, -1, TRUE, FALSE);
      run (self, warning->message != NULL ? warning->message : warning->agency_name, -1, FALSE, FALSE);
      end (self);
    }
}

static gboolean
write_block (Writer         *self,
             const JdBlock  *block,
             GCancellable   *cancellable,
             GError        **error)
{
  switch (block->kind)
    {
    case JD_BLOCK_TITLE:
      text_paragraph (self, "Title", block->text);
      if (block->subtitle != NULL && *block->subtitle != '\0')
        text_paragraph (self, "Subtitle", block->subtitle);
      break;

    case JD_BLOCK_HEADING:
      text_paragraph (self, block->level <= 1 ? "Heading1" : "Heading2", block->text);
      break;

    case JD_BLOCK_PARAGRAPH:
      paragraph_start (self, "BodyText", NULL, FALSE);
      markup_runs (self, block->text);
      end (self);
      break;

    case JD_BLOCK_KPI_ROW:
    case JD_BLOCK_CHART:
      return charts_block (self, block, error);

    case JD_BLOCK_TABLE:
      return table_block (self, block, cancellable, error);

    case JD_BLOCK_WARNINGS:
      warnings_block (self, block);
      break;

    case JD_BLOCK_FOOTNOTE:
      text_paragraph (self, "Note", block->text);
      break;

    case JD_BLOCK_PAGE_BREAK:
      start (self, "w:p");
      start (self, "w:r");
      start (self, "w:br");
      _jd_docx_attr (self->w, "w:type", "page");
      end (self);
      end (self);
      end (self);
      break;

    case JD_BLOCK_NOTES:   /* the speaker's, not the reader's */
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* The section: the page's size and margins, the header and footer. */
static void
section (Writer *self)
{
  const JdPageGeometry *g = &self->doc->geometry;
  /* GB/T 9704 puts the page number 7 mm under the text block. */
  double footer = MAX (g->margin_bottom - 7.0 * 72.0 / 25.4 - g->body_size * 1.2, 18.0);

  start (self, "w:sectPr");
  start (self, "w:headerReference");
  _jd_docx_attr (self->w, "w:type", "default");
  _jd_docx_attr (self->w, "r:id", JD_DOCX_RID_HEADER);
  end (self);
  start (self, "w:footerReference");
  _jd_docx_attr (self->w, "w:type", "default");
  _jd_docx_attr (self->w, "r:id", JD_DOCX_RID_FOOTER);
  end (self);
  start (self, "w:pgSz");
  _jd_docx_attr_int (self->w, "w:w", JD_DOCX_TWIPS (g->width));
  _jd_docx_attr_int (self->w, "w:h", JD_DOCX_TWIPS (g->height));
  if (g->width > g->height)
    _jd_docx_attr (self->w, "w:orient", "landscape");
  end (self);
  start (self, "w:pgMar");
  _jd_docx_attr_int (self->w, "w:top", JD_DOCX_TWIPS (g->margin_top));
  _jd_docx_attr_int (self->w, "w:right", JD_DOCX_TWIPS (g->margin_right));
  _jd_docx_attr_int (self->w, "w:bottom", JD_DOCX_TWIPS (g->margin_bottom));
  _jd_docx_attr_int (self->w, "w:left", JD_DOCX_TWIPS (g->margin_left));
  _jd_docx_attr_int (self->w, "w:header", JD_DOCX_TWIPS (g->margin_top * 0.45));
  _jd_docx_attr_int (self->w, "w:footer", JD_DOCX_TWIPS (footer));
  _jd_docx_attr_int (self->w, "w:gutter", 0);
  end (self);
  end (self);
}

static gboolean
write_document (Writer         *self,
                GsfOutfile     *zip,
                const char     *path,
                GCancellable   *cancellable,
                JdProgressFunc  progress,
                gpointer        user_data,
                GError        **error)
{
  JdDocxPart *part = _jd_docx_part_open (zip, "word/document.xml", TRUE);
  guint n = self->doc->blocks->len;
  g_autoptr(GError) local_error = NULL;

  self->w = part->writer;
  if (!part->failed)
    {
      start (self, "w:document");
      _jd_docx_attr (self->w, "xmlns:w", JD_DOCX_NS_W);
      _jd_docx_attr (self->w, "xmlns:r", JD_DOCX_NS_R);
      _jd_docx_attr (self->w, "xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
      start (self, "w:body");

      for (guint i = 0; i < n && local_error == NULL; i++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
            break;
          if (!write_block (self, self->doc->blocks->pdata[i], cancellable, &local_error))
            break;
          if (progress != NULL)
            progress ((double)(i + 1) / (n + 1), user_data);
        }

      section (self);
      end (self);  /* w:body */
      end (self);  /* w:document */
    }
  self->w = NULL;

  /* The block's error, if any, says more than the part's. */
  _jd_docx_part_close (part, path, local_error == NULL ? &local_error : NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static void
set_file_error (GError    **error,
                const char *path,
                const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), display, reason);
}

/**
 * jd_doc_write_docx:
 *
 * Writes @doc as Office Open XML.  The file appears whole or not at all:
 * the package is built in memory and written over @path in one step, so
 * a cancelled or failed export leaves nothing behind.  @progress is
 * called after each block.
 */
gboolean
jd_doc_write_docx (JdDoc          *doc,
                   const char     *path,
                   GCancellable   *cancellable,
                   JdProgressFunc  progress,
                   gpointer        user_data,
                   GError        **error)
{
  g_autofree char *folder = NULL;
  GsfOutput *sink;
  GsfOutfile *zip;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) local_error = NULL;
  const JdPageGeometry *g;
  Writer writer = { 0 };
  gboolean ok;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folder = g_path_get_dirname (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *folder_display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: the file, then its folder */
                   _("Could not write “%s”: the folder “%s” does not exist"),
                   display, folder_display);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g = jd_doc_get_geometry (doc);
  images = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  writer.doc = doc;
  writer.images = images;
  writer.text_width = g->width - g->margin_left - g->margin_right;

  sink = gsf_output_memory_new ();
  /* No zip64 records: a report is far from 4 GiB, and older readers
   * refuse them. */
  zip = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "zip64", FALSE, NULL);

  ok = _jd_docx_write_package (zip, doc, path, &local_error)
       && write_document (&writer, zip, path, cancellable, progress, user_data, &local_error)
       && _jd_docx_write_document_rels (zip, images->len, path, &local_error);
  for (guint i = 0; ok && i < images->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("word/media/image%u.png", i + 1);

      ok = _jd_docx_write_bytes (zip, name, images->pdata[i], path, &local_error);
    }

  if (!gsf_output_close (GSF_OUTPUT (zip)) && ok)
    {
      const GError *zip_error = gsf_output_error (GSF_OUTPUT (zip));

      set_file_error (&local_error, path, zip_error != NULL ? zip_error->message : g_strerror (EIO));
      ok = FALSE;
    }
  if (!gsf_output_close (sink) && ok)
    {
      set_file_error (&local_error, path, g_strerror (EIO));
      ok = FALSE;
    }

  if (ok)
    {
      const guint8 *data = gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink));
      gsize size = gsf_output_size (sink);

      /* Written beside the file and renamed over it. */
      if (!g_file_set_contents_full (path, (const char *)data, size, G_FILE_SET_CONTENTS_CONSISTENT,
                                     0666, &local_error))
        {
          g_autofree char *reason = g_strdup (local_error->message);

          g_clear_error (&local_error);
          set_file_error (&local_error, path, reason);
          ok = FALSE;
        }
    }

  g_object_unref (zip);
  g_object_unref (sink);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

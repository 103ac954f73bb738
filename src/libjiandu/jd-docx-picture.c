/* jd-docx-picture.c — charts and KPI cards in a DOCX, as pictures
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WPS and Word cannot draw the chart kit's charts, so each chart block
 * becomes a PNG drawn by the chart kit itself at print resolution, in the
 * light theme, placed inline (wp:inline) across the text width with the
 * chart's description as its alternative text.
 */

#define G_LOG_DOMAIN "jd-docx"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-docx-private.h"

/* Charts are drawn at 2.5 pixels a point: 180 dpi, sharp in print. */
#define IMAGE_SCALE 2.5

static cairo_status_t
png_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Where the charts of a block go in its picture: @per_row a row, each
 * @width × @height points, @gap apart. */
typedef struct
{
  guint  per_row;
  double width, height, gap;
} Grid;

/* Draws the charts onto white paper, in the light theme. */
static GBytes *
render_png (JdChart * const     *charts,
            guint                n,
            const Grid          *grid,
            const JdPageGeometry *g,
            double               width,
            double               height,
            GError             **error)
{
  JdChartTheme theme;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  GByteArray *png = g_byte_array_new ();

  jd_chart_theme_init_light (&theme);
  /* As jd_doc_layout_paint_page() draws them: a chart's smallest text,
   * 0.85 of its font size × 96/72, no smaller than the page's floor. */
  theme.font_size = MAX (theme.font_size, g->min_text_size * 72.0 / 96.0 / 0.85);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int)ceil (width * IMAGE_SCALE),
                                        (int)ceil (height * IMAGE_SCALE));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, IMAGE_SCALE, IMAGE_SCALE);
  for (guint i = 0; i < n; i++)
    {
      guint row = i / grid->per_row;
      guint in_row = MIN (grid->per_row, n - row * grid->per_row);
      /* a last row that is not full is centred, as in the PDF */
      double indent = (grid->per_row - in_row) * (grid->width + grid->gap) / 2;

      cairo_save (cr);
      cairo_translate (cr, indent + (i % grid->per_row) * (grid->width + grid->gap),
                       row * (grid->height + grid->gap));
      jd_chart_draw (cr, grid->width, grid->height, charts[i], &theme);
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
attr_emu (JdDocxWriter *self,
          const char   *name,
          double        points)
{
  _jd_docx_attr_int (self->w, name, JD_DOCX_EMU (points));
}

/* An inline picture (wp:inline) of word/media/imageN.png, @width ×
 * @height points, with @description as its alternative text. */
static void
drawing (JdDocxWriter *self,
         guint         image,
         double        width,
         double        height,
         const char   *description)
{
  g_autofree char *rid = g_strdup_printf ("rIdImage%u", image);
  g_autofree char *name = g_strdup_printf ("image%u.png", image);

  _jd_docx_start (self, "w:r");
  _jd_docx_start (self, "w:drawing");
  _jd_docx_start (self, "wp:inline");
  for (guint i = 0; i < 4; i++)
    _jd_docx_attr (self->w, (const char *[]) { "distT", "distB", "distL", "distR" }[i], "0");
  _jd_docx_start (self, "wp:extent");
  attr_emu (self, "cx", width);
  attr_emu (self, "cy", height);
  _jd_docx_end (self);
  _jd_docx_start (self, "wp:docPr");
  _jd_docx_attr_int (self->w, "id", image);
  _jd_docx_attr (self->w, "name", name);
  _jd_docx_attr (self->w, "descr", description != NULL ? description : "");
  _jd_docx_end (self);
  _jd_docx_start (self, "wp:cNvGraphicFramePr");
  _jd_docx_start (self, "a:graphicFrameLocks");
  _jd_docx_attr (self->w, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
  _jd_docx_attr (self->w, "noChangeAspect", "1");
  _jd_docx_end (self);
  _jd_docx_end (self);
  _jd_docx_start (self, "a:graphic");
  _jd_docx_attr (self->w, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
  _jd_docx_start (self, "a:graphicData");
  _jd_docx_attr (self->w, "uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  _jd_docx_start (self, "pic:pic");
  _jd_docx_attr (self->w, "xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  _jd_docx_start (self, "pic:nvPicPr");
  _jd_docx_start (self, "pic:cNvPr");
  _jd_docx_attr_int (self->w, "id", 0);
  _jd_docx_attr (self->w, "name", name);
  _jd_docx_end (self);
  _jd_docx_start (self, "pic:cNvPicPr");
  _jd_docx_end (self);
  _jd_docx_end (self);
  _jd_docx_start (self, "pic:blipFill");
  _jd_docx_start (self, "a:blip");
  _jd_docx_attr (self->w, "r:embed", rid);
  _jd_docx_end (self);
  _jd_docx_start (self, "a:stretch");
  _jd_docx_start (self, "a:fillRect");
  _jd_docx_end (self);
  _jd_docx_end (self);
  _jd_docx_end (self);
  _jd_docx_start (self, "pic:spPr");
  _jd_docx_start (self, "a:xfrm");
  _jd_docx_start (self, "a:off");
  _jd_docx_attr (self->w, "x", "0");
  _jd_docx_attr (self->w, "y", "0");
  _jd_docx_end (self);
  _jd_docx_start (self, "a:ext");
  attr_emu (self, "cx", width);
  attr_emu (self, "cy", height);
  _jd_docx_end (self);
  _jd_docx_end (self);
  _jd_docx_start (self, "a:prstGeom");
  _jd_docx_attr (self->w, "prst", "rect");
  _jd_docx_start (self, "a:avLst");
  _jd_docx_end (self);
  _jd_docx_end (self);
  _jd_docx_end (self);
  _jd_docx_end (self);  /* pic:pic */
  _jd_docx_end (self);  /* a:graphicData */
  _jd_docx_end (self);  /* a:graphic */
  _jd_docx_end (self);  /* wp:inline */
  _jd_docx_end (self);  /* w:drawing */
  _jd_docx_end (self);  /* w:r */
}

/* A chart, or a row of KPI cards, as one picture across the text width,
 * the size the PDF's layout gives it: a chart no taller than the text
 * block less two lines, KPI cards as many a row as fit. */
gboolean
_jd_docx_write_pictures (JdDocxWriter    *self,
                         const JdDocBox  *box,
                         GError         **error)
{
  const JdBlock *block = box->block;
  guint n = block->charts->len;
  JdChart * const *charts = (JdChart * const *)block->charts->pdata;
  Grid grid = { 1, box->graphic_width, box->graphic_height, 0 };
  guint n_rows = 1;
  double height;
  GBytes *png;
  GString *description;

  if (n == 0 || box->graphic_width <= 0 || box->graphic_height <= 0)
    return TRUE;

  if (block->kind == JD_BLOCK_KPI_ROW)
    {
      grid.per_row = MAX (box->per_row, 1);
      grid.gap = box->gap;
      n_rows = (n + grid.per_row - 1) / grid.per_row;
    }
  /* A KPI card's small print reaches to its foot: half a gap more, that
   * the picture's edge does not cut it (the PDF's space after the row). */
  height = n_rows * grid.height + (n_rows - 1) * grid.gap + grid.gap / 2;

  png = render_png (charts, n, &grid, &self->doc->geometry, self->text_width, height, error);
  if (png == NULL)
    return FALSE;
  g_ptr_array_add (self->images, png);

  /* The picture's alternative text: what a screen reader says of each chart */
  description = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = jd_chart_describe (charts[i]);

      if (text != NULL && *text != '\0')
        g_string_append_printf (description, "%s%s", description->len > 0 ? " " : "", text);
    }

  _jd_docx_paragraph_start (self, "Figure", NULL, FALSE);
  drawing (self, self->images->len, self->text_width, height, description->str);
  _jd_docx_end (self);
  g_string_free (description, TRUE);
  return TRUE;
}

/* jd-chart-export.c — the chart kit: charts written as PNG, SVG and PDF, with a caption
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "jd-chart.h"
#include "jd-chart-private.h"

/* Export */

static gboolean
is_extension (const char *path,
              const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, extension);
}

/* The caption under an exported chart, for a reader who has the file
 * alone: the period, the filter and how far the data reach, in the dim
 * colour, wrapped to the width, in the chart's own type size. */
static PangoLayout *
caption_layout_new (cairo_t            *cr,
                    double              width,
                    double              chart_height,
                    const JdChartTheme *theme,
                    const char         *caption,
                    double             *pad,
                    double             *height)
{
  double scale = CLAMP (sqrt (width * chart_height / (800.0 * 400.0)), 0.85, 1.75);
  double px = theme->font_size * 96.0 / 72.0 * scale;
  PangoContext *context = _jd_chart_context_new (cr);
  PangoFontDescription *font = _jd_chart_font_new (theme, px, PANGO_WEIGHT_NORMAL);
  PangoLayout *layout = pango_layout_new (context);
  PangoRectangle extents;

  *pad = px;
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width - 2 * px, 1)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, caption, -1);
  pango_layout_get_pixel_extents (layout, NULL, &extents);
  *height = ceil (extents.height + 1.5 * px);

  pango_font_description_free (font);
  g_object_unref (context);

  return layout;
}

/* How tall the caption is under a chart of @width × @chart_height */
static double
caption_height (double              width,
                double              chart_height,
                const JdChartTheme *theme,
                const char         *caption)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double pad, height;

  g_object_unref (caption_layout_new (cr, width, chart_height, theme, caption, &pad, &height));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return height;
}

/* The chart in @width × @chart_height, its caption below */
static void
draw_with_caption (cairo_t            *cr,
                   double              width,
                   double              chart_height,
                   const JdChart      *chart,
                   const JdChartTheme *theme,
                   const char         *caption)
{
  double pad, height;
  PangoLayout *layout = caption_layout_new (cr, width, chart_height, theme, caption, &pad, &height);

  jd_chart_draw (cr, width, chart_height, chart, theme);
  if (theme->background.alpha > 0)
    {
      _jd_chart_set_source (cr, &theme->background);
      cairo_rectangle (cr, 0, chart_height, width, height);
      cairo_fill (cr);
    }

  _jd_chart_set_source (cr, &theme->dim);
  cairo_move_to (cr, pad, chart_height + 0.5 * pad);
  pango_cairo_show_layout (cr, layout);

  g_object_unref (layout);
}

/**
 * jd_chart_export:
 *
 * Writes @chart to @path as PNG, SVG or PDF, by the extension.  A PDF is
 * always drawn in the light theme, as it will be printed.
 */
gboolean
jd_chart_export (const JdChart      *chart,
                 const char         *path,
                 double              width,
                 double              height,
                 double              scale,
                 const JdChartTheme *theme,
                 GError            **error)
{
  return jd_chart_export_captioned (chart, path, width, height, scale, theme, NULL, error);
}

/**
 * jd_chart_export_captioned:
 * @caption: (nullable): what the figures are of
 *   (jd_table_context_caption()), drawn under the chart
 *
 * Writes @chart to @path as jd_chart_export() does, @width × @height,
 * with @caption under it: the image is as much taller.
 */
gboolean
jd_chart_export_captioned (const JdChart      *chart,
                           const char         *path,
                           double              width,
                           double              height,
                           double              scale,
                           const JdChartTheme *theme,
                           const char         *caption,
                           GError            **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  double chart_height;
  JdChartTheme light;
  gboolean png = FALSE;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (theme != NULL, FALSE);

  if (width < 1 || height < 1 || width > 20000 || height > 20000)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A chart of %g × %g is too small or too large"), width, height);
      return FALSE;
    }

  chart_height = height;
  if (caption != NULL && *caption != '\0')
    height += caption_height (width, chart_height, theme, caption);
  else
    caption = NULL;

  if (is_extension (path, ".png"))
    {
      scale = CLAMP (scale, 0.25, 8);
      if (width * scale > 32767 || height * scale > 32767)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("A chart of %g × %g is too small or too large"), width * scale, height * scale);
          return FALSE;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale), (int) ceil (height * scale));
      png = TRUE;
    }
  else if (is_extension (path, ".svg"))
    {
      surface = cairo_svg_surface_create (path, width, height);
    }
  else if (is_extension (path, ".pdf"))
    {
      surface = cairo_pdf_surface_create (path, width, height);
      if (chart->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, chart->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jiandu");
      if (theme->dark)
        {
          jd_chart_theme_init_light (&light);
          g_strlcpy (light.font_family, theme->font_family, sizeof light.font_family);
          light.font_size = theme->font_size;
          theme = &light;
        }
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s”: charts are exported as .png, .svg or .pdf"), path);
      return FALSE;
    }

  cr = cairo_create (surface);
  if (png)
    cairo_scale (cr, scale, scale);
  if (caption != NULL)
    draw_with_caption (cr, width, chart_height, chart, theme, caption);
  else
    jd_chart_draw (cr, width, height, chart, theme);
  cairo_destroy (cr);

  if (png)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

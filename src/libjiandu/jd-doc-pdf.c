/* jd-doc-pdf.c — the page model written as PDF: vector pages, an outline,
 * metadata
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-doc"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "jd-doc-private.h"

/* cairo writes through here into the temporary file; the first error is
 * kept to be told. */
typedef struct
{
  int fd;
  int saved_errno;
} Output;

static cairo_status_t
on_write_cb (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Output *output = closure;

  while (length > 0 && output->saved_errno == 0)
    {
      gssize n = write (output->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          output->saved_errno = errno;
          break;
        }
      data += n;
      length -= (unsigned int) n;
    }

  return output->saved_errno == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* The document's title at the outline's root, each level-1 heading under
 * it and each level-2 heading under the level 1 before it; each links to
 * where its heading stands. */
static void
add_outline (cairo_surface_t *surface,
             JdDocLayout     *layout)
{
  JdDoc *doc = jd_doc_layout_get_doc (layout);
  const char *title = jd_doc_get_title (doc);
  int root = CAIRO_PDF_OUTLINE_ROOT;
  int section;

  if (title != NULL && *title != '\0')
    root = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, title, "page=1 pos=[0 0]",
                                          CAIRO_PDF_OUTLINE_FLAG_OPEN);
  section = root;

  for (guint i = 0; i < jd_doc_get_n_blocks (doc); i++)
    {
      JdBlock *block = jd_doc_get_block (doc, i);
      g_autofree char *link = NULL;
      char y_text[G_ASCII_DTOSTR_BUF_SIZE];
      guint page;
      double y;
      int id;

      if (jd_block_get_kind (block) != JD_BLOCK_HEADING)
        continue;

      page = jd_doc_layout_get_block_page (layout, i, &y);
      link = g_strdup_printf ("page=%u pos=[0 %s]", page + 1, g_ascii_formatd (y_text, sizeof y_text, "%.1f", y));
      id = cairo_pdf_surface_add_outline (surface, jd_block_get_level (block) == 1 ? root : section,
                                          jd_block_get_text (block), link, 0);
      if (jd_block_get_level (block) == 1)
        section = id;
    }
}

/* Now, or SOURCE_DATE_EPOCH when it is set, so that the same document
 * can be written twice to the same bytes (reproducible builds' rule). */
static GDateTime *
creation_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_local ();
}

static void
set_metadata (cairo_surface_t *surface,
              JdDoc           *doc)
{
  g_autoptr(GDateTime) now = creation_date ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  if (jd_doc_get_title (doc) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, jd_doc_get_title (doc));
  if (jd_doc_get_author (doc) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, jd_doc_get_author (doc));
  if (jd_doc_get_subject (doc) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, jd_doc_get_subject (doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jiandu");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/* Paints every page of @layout into @output; FALSE if cancelled. */
static gboolean
write_pages (JdDocLayout    *layout,
             Output         *output,
             GCancellable   *cancellable,
             JdProgressFunc  progress,
             gpointer        user_data,
             GError        **error)
{
  JdDoc *doc = jd_doc_layout_get_doc (layout);
  const JdPageGeometry *g = jd_doc_get_geometry (doc);
  guint n_pages = jd_doc_layout_get_n_pages (layout);
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean cancelled = FALSE;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (on_write_cb, output, g->width, g->height);
  set_metadata (surface, doc);
  add_outline (surface, layout);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cancelled = TRUE;
          break;
        }

      jd_doc_layout_paint_page (layout, page, cr, NULL);
      cairo_show_page (cr);
      if (progress != NULL)
        progress ((page + 1.0) / (n_pages + 1.0), user_data);
    }
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (cancelled)
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS && output->saved_errno == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the report’s pages: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return output->saved_errno == 0;
}

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write the PDF “%s”: %s"), display, g_strerror (saved_errno));
}

/**
 * jd_doc_write_pdf:
 * @progress: (nullable): told after each page
 *
 * Lays @doc out and writes it as a PDF at @path: vector pages, fonts
 * embedded and subset, an outline of the title and headings, the title,
 * author and subject in the metadata.  The file is written beside @path
 * and renamed when whole, so a failure or a cancellation leaves no half
 * PDF and keeps a file @path had before.
 */
gboolean
jd_doc_write_pdf (JdDoc           *doc,
                  const char      *path,
                  GCancellable    *cancellable,
                  JdProgressFunc   progress,
                  gpointer         user_data,
                  GError         **error)
{
  g_autoptr(JdDocLayout) layout = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  Output output = { -1, 0 };
  gboolean ok;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = jd_doc_layout_new (doc, cancellable, error);
  if (layout == NULL)
    return FALSE;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  output.fd = g_mkstemp_full (tmp_path, O_WRONLY, 0666);
  if (output.fd < 0)
    {
      set_io_error (error, errno, path);
      return FALSE;
    }

  ok = write_pages (layout, &output, cancellable, progress, user_data, error);
  if (ok && fsync (output.fd) != 0)
    output.saved_errno = errno;
  if (close (output.fd) != 0 && output.saved_errno == 0)
    output.saved_errno = errno;

  if (output.saved_errno != 0 && (error == NULL || *error == NULL))
    {
      set_io_error (error, output.saved_errno, path);
      ok = FALSE;
    }

  if (ok && g_rename (tmp_path, path) != 0)
    {
      set_io_error (error, errno, path);
      ok = FALSE;
    }

  if (!ok)
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

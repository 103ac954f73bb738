/* jd-report-output.c — the report on paper and in files: print, PDF, DOCX
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing lays the document out again for itself (the preview's layout
 * may be replaced while the print dialog is open) and draws each page
 * with jd_doc_layout_paint_page(), the painter of the preview and the
 * PDF, scaled from points to the paper the printer has.
 */

#define G_LOG_DOMAIN "jd-report-output"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-report-output.h"

typedef struct
{
  JdDoc       *doc;
  JdDocLayout *layout;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_pointer (&data->layout, jd_doc_layout_free);
  g_clear_pointer (&data->doc, jd_doc_unref);
  g_free (data);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintData         *data)
{
  g_autoptr(GError) error = NULL;

  if (data->layout == NULL)
    data->layout = jd_doc_layout_new (data->doc, NULL, &error);
  if (data->layout == NULL)
    {
      g_warning ("Could not lay the report out for printing: %s", error->message);
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, jd_doc_layout_get_n_pages (data->layout));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 PrintData         *data)
{
  const JdPageGeometry *geometry = jd_doc_get_geometry (data->doc);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / geometry->width,
                      gtk_print_context_get_height (context) / geometry->height);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  jd_doc_layout_paint_page (data->layout, page, cr, NULL);
  cairo_restore (cr);
}

/**
 * jd_report_print_operation_new:
 *
 * Returns: (transfer full): a print operation for @doc, on A4 paper by
 *   default, drawing the full page (the document has its own margins)
 */
GtkPrintOperation *
jd_report_print_operation_new (JdDoc *doc)
{
  const JdPageGeometry *geometry;
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  PrintData *data;

  g_return_val_if_fail (doc != NULL, NULL);

  geometry = jd_doc_get_geometry (doc);
  paper = gtk_paper_size_new_custom ("jiandu-report", _("Report page"),
                                     geometry->width, geometry->height, GTK_UNIT_POINTS);
  if (geometry->format == JD_PAGE_A4_PORTRAIT)
    {
      gtk_paper_size_free (paper);
      paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
    }
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, geometry->width > geometry->height ?
                                  GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);

  data = g_new0 (PrintData, 1);
  data->doc = jd_doc_ref (doc);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (jd_doc_get_title (doc) != NULL)
    gtk_print_operation_set_job_name (operation, jd_doc_get_title (doc));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), data);
  g_object_set_data_full (G_OBJECT (operation), "jd-print-data", data, (GDestroyNotify)print_data_free);

  return operation;
}

typedef struct
{
  JdDoc          *doc;
  char           *path;
  JdReportFormat  format;
  int            *permille;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->doc, jd_doc_unref);
  g_clear_pointer (&data->path, g_free);
  g_free (data);
}

/* Worker thread */
static void
write_progress_cb (double   fraction,
                   gpointer user_data)
{
  WriteData *data = user_data;

  if (data->permille != NULL)
    g_atomic_int_set (data->permille, CLAMP ((int)(fraction * 1000), 0, 1000));
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;
  gboolean ok;

  if (data->format == JD_REPORT_FORMAT_DOCX)
    ok = jd_doc_write_docx (data->doc, data->path, cancellable, write_progress_cb, data, &error);
  else
    ok = jd_doc_write_pdf (data->doc, data->path, cancellable, write_progress_cb, data, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * jd_report_write_async:
 * @permille: (nullable): where the worker puts its progress, atomically;
 *   it must outlive the task
 *
 * Writes @doc to @file, a PDF or a DOCX, in a worker thread.
 */
void
jd_report_write_async (gpointer             source_object,
                       JdDoc               *doc,
                       GFile               *file,
                       JdReportFormat       format,
                       int                 *permille,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_report_write_async);

  data = g_new0 (WriteData, 1);
  data->doc = jd_doc_ref (doc);
  data->path = g_file_get_path (file);
  data->format = format;
  data->permille = permille;
  g_task_set_task_data (task, data, (GDestroyNotify)write_data_free);

  if (data->path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Reports can only be saved on this computer’s disks, not at “%s”"), uri);
      return;
    }

  g_task_run_in_thread (task, write_thread);
}

gboolean
jd_report_write_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* jd-report-output.h — the report on paper and in files: print, PDF, DOCX
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jd-doc.h"

G_BEGIN_DECLS

typedef enum
{
  JD_REPORT_FORMAT_PDF,
  JD_REPORT_FORMAT_DOCX,
} JdReportFormat;

GtkPrintOperation *jd_report_print_operation_new (JdDoc               *doc);

void               jd_report_write_async         (gpointer             source_object,
                                                  JdDoc               *doc,
                                                  GFile               *file,
                                                  JdReportFormat       format,
                                                  int                 *permille,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean           jd_report_write_finish        (GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS

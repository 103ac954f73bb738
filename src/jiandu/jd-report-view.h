/* jd-report-view.h — the analysis report in the window: outline, pages, editing
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jd-report-editor.h"
#include "jd-report-output.h"
#include "jd-report-preview.h"
#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_REPORT_VIEW (jd_report_view_get_type ())

G_DECLARE_FINAL_TYPE (JdReportView, jd_report_view, JD, REPORT_VIEW, GtkWidget)

GtkWidget       *jd_report_view_new            (JdSession      *session);
JdSession       *jd_report_view_get_session    (JdReportView   *self);
void             jd_report_view_set_session    (JdReportView   *self,
                                                JdSession      *session);
gboolean         jd_report_view_get_busy       (JdReportView   *self);
JdDoc           *jd_report_view_get_doc        (JdReportView   *self);
JdReportPreview *jd_report_view_get_preview    (JdReportView   *self);
JdReportEditor  *jd_report_view_edit_paragraph (JdReportView   *self,
                                                guint           index);
gboolean         jd_report_view_print          (JdReportView   *self,
                                                GtkPrintOperationAction action,
                                                const char     *export_filename,
                                                GError        **error);
void             jd_report_view_export_to      (JdReportView   *self,
                                                GFile          *file,
                                                JdReportFormat  format);

G_END_DECLS

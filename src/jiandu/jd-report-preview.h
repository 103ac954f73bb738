/* jd-report-preview.h — the report's pages on screen, drawn by the one painter
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jd-doc.h"

G_BEGIN_DECLS

#define JD_TYPE_REPORT_PREVIEW (jd_report_preview_get_type ())

G_DECLARE_FINAL_TYPE (JdReportPreview, jd_report_preview, JD, REPORT_PREVIEW, GtkWidget)

GtkWidget   *jd_report_preview_new             (void);
void         jd_report_preview_set_layout      (JdReportPreview *self,
                                                JdDocLayout     *layout);
JdDocLayout *jd_report_preview_get_layout      (JdReportPreview *self);
guint        jd_report_preview_get_n_pages     (JdReportPreview *self);
void         jd_report_preview_scroll_to_block (JdReportPreview *self,
                                                guint            index);
guint        jd_report_preview_get_top_page    (JdReportPreview *self);
int          jd_report_preview_block_at        (JdReportPreview *self,
                                                double           x,
                                                double           y);

G_END_DECLS

/* jd-report-editor.h — the analyst's wording of one paragraph of the report
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jd-doc.h"

G_BEGIN_DECLS

#define JD_TYPE_REPORT_EDITOR (jd_report_editor_get_type ())

G_DECLARE_FINAL_TYPE (JdReportEditor, jd_report_editor, JD, REPORT_EDITOR, AdwWindow)

JdReportEditor *jd_report_editor_new        (GtkWindow      *parent,
                                             const char     *section,
                                             const JdBlock  *paragraph);
const char     *jd_report_editor_get_key    (JdReportEditor *self);
GtkTextBuffer  *jd_report_editor_get_buffer (JdReportEditor *self);
gboolean        jd_report_editor_get_stale  (JdReportEditor *self);
char           *jd_report_markup_to_text    (const char     *markup);

G_END_DECLS

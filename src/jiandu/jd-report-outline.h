/* jd-report-outline.h — the report's outline: its headings and the paragraphs to edit
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jd-doc.h"

G_BEGIN_DECLS

gboolean    jd_report_block_is_editable     (const JdBlock *block);
void        jd_report_outline_fill          (GtkListBox    *list,
                                             JdDoc         *doc);
guint       jd_report_outline_row_get_block (GtkListBoxRow *row);

G_END_DECLS

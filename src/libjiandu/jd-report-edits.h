/* jd-report-edits.h — the analyst's wording of a report's paragraphs
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-report.h"

G_BEGIN_DECLS

/* Edits are kept in the database per template, period, filter and
 * paragraph key; jd_report_build() applies them. */

/* @markup: the analyst's wording (Pango markup, <b> and <i>);
 * @draft: the drafted wording the edit was made against
 * (jd_block_get_draft()), so that a later change of the figures shows. */
gboolean jd_report_edit_save   (JdStore           *store,
                                const JdPeriod    *period,
                                const JdFilter    *filter,
                                JdReportTemplate   tmpl,
                                const char        *key,
                                const char        *markup,
                                const char        *draft,
                                GError           **error);

/* Back to the drafted wording ("regenerate from the data"). */
gboolean jd_report_edit_forget (JdStore           *store,
                                const JdPeriod    *period,
                                const JdFilter    *filter,
                                JdReportTemplate   tmpl,
                                const char        *key,
                                GError           **error);

G_END_DECLS

/* jd-report.h — the analysis report (月度、季度、年度分析报告) as a page model
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jd-doc.h"
#include "jd-metrics.h"

G_BEGIN_DECLS

/* Which report: the same sections, told of a month, a quarter, a year or
 * the months of a year so far (累计). */
typedef enum
{
  JD_REPORT_MONTH,
  JD_REPORT_QUARTER,
  JD_REPORT_YEAR,
  JD_REPORT_YTD,
} JdReportTemplate;

#define JD_REPORT_ERROR (jd_report_error_quark ())

typedef enum
{
  JD_REPORT_ERROR_NO_PARAGRAPH,   /* an edit names a paragraph the report does not have */
} JdReportError;

GQuark           jd_report_error_quark          (void);

const char      *jd_report_template_to_string   (JdReportTemplate   tmpl);
gboolean         jd_report_template_from_string (const char        *text,
                                                 JdReportTemplate  *tmpl);
JdReportTemplate jd_report_template_for_period  (const JdPeriod    *period);
const char      *jd_report_template_label       (JdReportTemplate   tmpl);

/* Builds the report of @period for @filter from the figures of @store,
 * with the analyst's saved edits applied.  Blocks on the database: call
 * it from a worker.  Paragraphs the analyst may edit carry a key
 * (jd_block_get_key(): "overview", "cases", "complaints", "lawsuits",
 * "reconsiderations", "leniency", "reviews", "warnings", "problems",
 * "suggestions"), the drafted wording (jd_block_get_draft()) and a state:
 * %JD_PARAGRAPH_DRAFTED, %JD_PARAGRAPH_EDITED, or
 * %JD_PARAGRAPH_EDITED | %JD_PARAGRAPH_STALE when the figures, and so
 * the draft, have changed since the edit was saved. */
JdDoc           *jd_report_build                (JdStore           *store,
                                                 const JdPeriod    *period,
                                                 const JdFilter    *filter,
                                                 JdReportTemplate   tmpl,
                                                 GCancellable      *cancellable,
                                                 JdProgressFunc     progress,
                                                 gpointer           user_data,
                                                 GError           **error);

/* The heading of the section that holds the paragraph @key, as the
 * report prints it ("三、投诉举报"); %NULL for an unknown key. */
char            *jd_report_section_heading      (JdDoc             *doc,
                                                 const char        *key);

G_END_DECLS

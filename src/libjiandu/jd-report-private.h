/* jd-report-private.h — what the report's files share
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-cockpit.h"
#include "jd-narrative.h"
#include "jd-overview.h"
#include "jd-report.h"

G_BEGIN_DECLS

/* One saved edit of a paragraph. */
typedef struct
{
  char *markup;
  char *draft;     /* the draft it was written against */
} JdReportEdit;

/* Everything a report is built from, read once. */
typedef struct
{
  JdStore          *store;
  JdPeriod          period;
  const JdFilter   *filter;
  JdReportTemplate  tmpl;
  JdDoc            *doc;
  JdOverview       *overview;    /* the figures, their comparisons, the sparklines, the warnings */
  GPtrArray        *slices;      /* (element-type JdSlice): every agency's figures */
  gint64            min_total;   /* the minimum-denominator rule for rankings */
  JdFilterChoices  *choices;
  char             *scope;       /* (nullable): jd_filter_describe() */
  JdNarrative       narrative;
  GHashTable       *edits;       /* paragraph key → JdReportEdit */
} JdReportBuilder;

/* Reads the figures of builder->period and ->filter (store, period,
 * filter and tmpl set, doc made); the deck builds on them too. */
gboolean  _jd_report_builder_load   (JdReportBuilder  *builder,
                                     GError          **error);
void      _jd_report_builder_clear  (JdReportBuilder  *builder);
/* How many warnings a report's section lists; the rest go to an appendix. */
#define JD_REPORT_WARNINGS_IN_TEXT 10

JdTable  *_jd_report_rankings_table (JdReportBuilder  *builder);
guint     _jd_report_add_warnings   (JdReportBuilder  *builder,
                                     GPtrArray        *warnings,
                                     guint             max);
gboolean  _jd_report_add_sections   (JdReportBuilder  *builder,
                                     GCancellable     *cancellable,
                                     JdProgressFunc    progress,
                                     gpointer          user_data,
                                     GError          **error);
gboolean  _jd_report_add_appendix   (JdReportBuilder  *builder,
                                     GError          **error);
GHashTable *_jd_report_edits_load   (JdStore          *store,
                                     const JdPeriod   *period,
                                     const JdFilter   *filter,
                                     JdReportTemplate  tmpl,
                                     GError          **error);

G_END_DECLS

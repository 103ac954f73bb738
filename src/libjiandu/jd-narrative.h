/* jd-narrative.h — the sentences a report drafts from its figures
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-metrics.h"
#include "jd-warnings.h"

G_BEGIN_DECLS

/* How a figure moved against an earlier one, at the precision it is
 * printed with. */
typedef enum
{
  JD_TREND_NONE,   /* nothing to compare with: the earlier figure is 0 or missing */
  JD_TREND_UP,
  JD_TREND_DOWN,
  JD_TREND_FLAT,   /* the change rounds to 0.0% (or 0.0 points) */
} JdTrend;

/* What every drafted sentence of one report shares. */
typedef struct
{
  JdPeriod    period;
  int         data_end;           /* YYYYMM of the data's last month, 0 for none */
  const char *scope;              /* (nullable): jd_filter_describe(); NULL for the whole city */
  gboolean    period_on_period;   /* say 环比 (not for a year or a year to date) */
  double      loss_rate_line;     /* the control line of the first-instance loss rate */
} JdNarrative;

/* The figures a section's paragraph is drafted from: the period's, and
 * those it is compared with (either may be NULL: no comparison). */
typedef struct
{
  const JdMetrics *now;
  const JdMetrics *previous;       /* 环比 */
  const JdMetrics *year_earlier;   /* 同比 */
} JdNarrativeFigures;

JdTrend  jd_narrative_count_trend  (gint64              now,
                                    gint64              before,
                                    char              **change);
JdTrend  jd_narrative_rate_trend   (JdRatio             now,
                                    JdRatio             before,
                                    char              **change);
char    *jd_narrative_count_change (gint64              now,
                                    gint64              before);
char    *jd_narrative_rate_change  (JdRatio             now,
                                    JdRatio             before);
char    *jd_narrative_comparisons  (const char         *year_on_year,
                                    const char         *period_on_period);
char    *jd_narrative_sentence     (const char         *clause,
                                    const char         *comparisons);
char    *jd_narrative_money        (gint64              fen);
char    *jd_narrative_when         (const JdNarrative  *self);
const char *jd_narrative_scope     (const JdNarrative  *self);
char    *jd_narrative_agency_list  (GPtrArray          *names);

/* The paragraphs, as Pango markup: jd-narrative-sections.c. */
char    *jd_narrative_overview     (const JdNarrative        *self,
                                    const JdNarrativeFigures *figures);
char    *jd_narrative_cases        (const JdNarrative        *self,
                                    const JdNarrativeFigures *figures);
char    *jd_narrative_complaints   (const JdNarrative        *self,
                                    const JdNarrativeFigures *figures);
char    *jd_narrative_lawsuits     (const JdNarrative        *self,
                                    const JdNarrativeFigures *figures);
char    *jd_narrative_reconsiderations (const JdNarrative        *self,
                                        const JdNarrativeFigures *figures);
char    *jd_narrative_leniency     (const JdNarrative        *self,
                                    const JdNarrativeFigures *figures);
char    *jd_narrative_reviews      (const JdNarrative        *self,
                                    const JdNarrativeFigures *figures);
char    *jd_narrative_warnings     (const JdNarrative        *self,
                                    GPtrArray                *warnings);
char    *jd_narrative_problems     (const JdNarrative        *self,
                                    GPtrArray                *warnings);
char    *jd_narrative_suggestions  (const JdNarrative        *self,
                                    GPtrArray                *warnings);

G_END_DECLS

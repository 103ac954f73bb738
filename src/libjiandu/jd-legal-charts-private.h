/* jd-legal-charts-private.h — the catalog's charts of lawsuits, leniency and reviews
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-dashboard-charts.h"

G_BEGIN_DECLS

/* The variants of _jd_legal_chart_monthly(): a figure or a set of figures
 * per month (per quarter for reviews), up to the period's end. */
typedef enum
{
  JD_LEGAL_MONTHLY_LAWSUIT_RATES,     /* withdrawal and head-appearance rates */
  JD_LEGAL_MONTHLY_CORRECTION_RATE,
  JD_LEGAL_MONTHLY_LENIENCY_CASES,    /* by kind */
  JD_LEGAL_MONTHLY_EXEMPTED,
  JD_LEGAL_MONTHLY_LENIENCY_SHARE,
  JD_LEGAL_MONTHLY_REVIEW_PASS_RATE,
  JD_LEGAL_MONTHLY_REVIEW_GRADES,     /* by grade */
  JD_LEGAL_MONTHLY_REVIEW_SCORE,
} JdLegalMonthly;

/* The variants of _jd_legal_chart_breakdown(): the period's figures by
 * the values of an enumeration. */
typedef enum
{
  JD_LEGAL_BREAKDOWN_LAWSUIT_OUTCOMES,
  JD_LEGAL_BREAKDOWN_RECONSIDERATION_OUTCOMES,
  JD_LEGAL_BREAKDOWN_ITEMS_BY_KIND,
  JD_LEGAL_BREAKDOWN_REVIEW_GRADES,
} JdLegalBreakdown;

/* The variants of _jd_legal_chart_items(). */
typedef enum
{
  JD_LEGAL_ITEMS_BY_DOMAIN,
  JD_LEGAL_ITEMS_BY_AGENCY,
} JdLegalItems;

JdChart *_jd_legal_chart_monthly        (JdChartInputs              *inputs,
                                         const JdDashboardChartInfo *info,
                                         GError                    **error);
JdChart *_jd_legal_chart_breakdown      (JdChartInputs              *inputs,
                                         const JdDashboardChartInfo *info,
                                         GError                    **error);
JdChart *_jd_legal_chart_items          (JdChartInputs              *inputs,
                                         const JdDashboardChartInfo *info,
                                         GError                    **error);
JdChart *_jd_legal_chart_review_agencies (JdChartInputs              *inputs,
                                          const JdDashboardChartInfo *info,
                                          GError                    **error);

JdRanking *_jd_legal_review_ranking     (JdChartInputs              *inputs,
                                         GError                    **error);

G_END_DECLS

/* jd-dashboard-charts-cases-private.h — the builders of the cases and complaints pages' charts
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-dashboard-charts.h"

G_BEGIN_DECLS

/* How many points each granularity of the cases' trend has */
#define JD_CASES_TREND_MONTHS   24
#define JD_CASES_TREND_QUARTERS 8
#define JD_CASES_TREND_YEARS    5

void     _jd_cases_trend_window        (const JdPeriod             *period,
                                        JdPeriodKind                by,
                                        int                        *first_month,
                                        guint                      *n_points);

JdChart *_jd_category_chart            (const JdDashboardChartInfo *info,
                                        const char                 *title,
                                        GPtrArray                  *names,
                                        const double               *values,
                                        const char                 *series_label);

JdChart *_jd_chart_cases_trend         (JdChartInputs              *inputs,
                                        const JdDashboardChartInfo *info,
                                        GError                    **error);
JdChart *_jd_chart_cases_by_dimension  (JdChartInputs              *inputs,
                                        const JdDashboardChartInfo *info,
                                        GError                    **error);
JdChart *_jd_chart_fines_monthly       (JdChartInputs              *inputs,
                                        const JdDashboardChartInfo *info,
                                        GError                    **error);
JdChart *_jd_chart_complaints_by_category (JdChartInputs              *inputs,
                                        const JdDashboardChartInfo *info,
                                        GError                    **error);
JdChart *_jd_chart_complaint_rates     (JdChartInputs              *inputs,
                                        const JdDashboardChartInfo *info,
                                        GError                    **error);

G_END_DECLS

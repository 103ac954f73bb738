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

GPtrArray *_jd_cases_months            (JdStore                    *store,
                                        const JdPeriod             *period,
                                        const JdFilter             *filter,
                                        int                        *first_month,
                                        GError                    **error);
JdChart *_jd_cases_trend_chart         (const JdDashboardChartInfo *info,
                                        const JdPeriod             *period,
                                        GPtrArray                  *months,
                                        int                         months_first);
JdChart *_jd_fines_chart               (const JdDashboardChartInfo *info,
                                        const JdPeriod             *period,
                                        GPtrArray                  *months,
                                        int                         months_first);

JdChart *_jd_chart_cases_trend         (JdStore                    *store,
                                        const JdDashboardChartInfo *info,
                                        const JdPeriod             *period,
                                        const JdFilter             *filter,
                                        GError                    **error);
JdChart *_jd_chart_cases_by_dimension  (JdStore                    *store,
                                        const JdDashboardChartInfo *info,
                                        const JdPeriod             *period,
                                        const JdFilter             *filter,
                                        GError                    **error);
JdChart *_jd_chart_fines_monthly       (JdStore                    *store,
                                        const JdDashboardChartInfo *info,
                                        const JdPeriod             *period,
                                        const JdFilter             *filter,
                                        GError                    **error);
JdChart *_jd_chart_complaints_by_category (JdStore                 *store,
                                        const JdDashboardChartInfo *info,
                                        const JdPeriod             *period,
                                        const JdFilter             *filter,
                                        GError                    **error);
JdChart *_jd_chart_complaint_rates     (JdStore                    *store,
                                        const JdDashboardChartInfo *info,
                                        const JdPeriod             *period,
                                        const JdFilter             *filter,
                                        GError                    **error);

G_END_DECLS

/* jd-dashboard-kpi-private.h — the catalog's builder of KPI cards
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-dashboard-charts.h"

G_BEGIN_DECLS

/* The build function of the catalog's kpi-* rows: @info's variant is a JdKpi. */
JdChart *_jd_dashboard_kpi_build (JdStore                    *store,
                                  const JdDashboardChartInfo *info,
                                  const JdPeriod             *period,
                                  const JdFilter             *filter,
                                  GError                    **error);

G_END_DECLS

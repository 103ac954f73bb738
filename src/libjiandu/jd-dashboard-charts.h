/* jd-dashboard-charts.h — the named charts of the dashboards, from a database
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-chart.h"
#include "jd-metrics.h"

G_BEGIN_DECLS

/* The first-instance loss rate above which an agency needs attention */
#define JD_LOSS_RATE_CONTROL_LINE 0.15

typedef struct
{
  const char *name;     /* "loss-rate", for the command line */
  const char *summary;  /* translatable (N_) */
  double      width;    /* a good size to draw it at, in pixels */
  double      height;
} JdDashboardChartInfo;

const JdDashboardChartInfo *jd_dashboard_charts    (guint           *n_charts);
const JdDashboardChartInfo *jd_dashboard_chart_info (const char     *name);

JdChart *jd_dashboard_chart_new (JdStore         *store,
                                 const char      *name,
                                 const JdPeriod  *period,
                                 const JdFilter  *filter,
                                 GError         **error);

G_END_DECLS

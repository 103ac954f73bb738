/* jd-overview.h — everything the overview dashboard shows for one period
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jd-dashboard-charts.h"
#include "jd-metrics.h"

G_BEGIN_DECLS

#define JD_OVERVIEW_MONTHS 24
#define JD_OVERVIEW_SPARK_MONTHS 12

typedef struct
{
  JdPeriod   period;
  JdMetrics *current;
  /* What jd_metrics_compare() gives: for a partial period, the same
   * months of the earlier periods; %NULL both for a period after the data. */
  JdMetrics *previous;        /* 环比: the period just before */
  JdMetrics *year_earlier;    /* 同比: the same period a year before */

  /* Cases decided per month over the JD_OVERVIEW_MONTHS months that end
   * with the period (or the data's end inside it), and over the same
   * months a year earlier. */
  int        first_month;
  double     decided[JD_OVERVIEW_MONTHS];
  double     decided_year_earlier[JD_OVERVIEW_MONTHS];

  /* The figures of the JD_OVERVIEW_SPARK_MONTHS months that end with the
   * period, for the sparklines under the KPI cards: their parts only
   * (JD_KPI_PARTS), the others left zero. */
  int        first_spark_month;
  GPtrArray *spark;           /* (element-type JdMetrics) */

  GPtrArray *warnings;        /* (element-type JdWarning) of the period */
} JdOverview;

JdOverview *jd_overview_load        (JdStore              *store,
                                     const JdPeriod       *period,
                                     const JdFilter       *filter,
                                     GError              **error);
void        jd_overview_load_async  (JdStore              *store,
                                     const JdPeriod       *period,
                                     const JdFilter       *filter,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
JdOverview *jd_overview_load_finish (JdStore              *store,
                                     GAsyncResult         *result,
                                     GError              **error);
void        jd_overview_free        (JdOverview           *self);
JdChart    *jd_overview_kpi_new     (const JdOverview     *self,
                                     JdKpi                 kpi);

double      jd_change_ratio         (gint64                current,
                                     gint64                before);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdOverview, jd_overview_free)

G_END_DECLS

/* jd-dashboard-charts.h — the named charts of the dashboards, from a database
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-chart.h"
#include "jd-chart-inputs.h"
#include "jd-metrics.h"

G_BEGIN_DECLS

/* What a chart is built from, so a page, the report or a benchmark can
 * tell what it has to load. */
typedef enum
{
  JD_CHART_NEEDS_PERIOD      = 1 << 0,  /* the period's figures */
  JD_CHART_NEEDS_COMPARISONS = 1 << 1,  /* the period before (环比) and the year earlier (同比) */
  JD_CHART_NEEDS_MONTHS      = 1 << 2,  /* one set of figures a month, up to the period */
  JD_CHART_NEEDS_AGENCIES    = 1 << 3,  /* every agency's figures */
} JdChartNeeds;

/* The headline figures, each drawn as a KPI card. */
typedef enum
{
  JD_KPI_CASES_DECIDED,
  JD_KPI_COMPLAINTS_RECEIVED,
  JD_KPI_LOSS_RATE,
  JD_KPI_CORRECTION_RATE,
  JD_KPI_LENIENCY_CASES,
  JD_KPI_REVIEW_PASS_RATE,
  JD_N_KPIS
} JdKpi;

/* The parts of the figures the KPI cards' sparklines are made of */
#define JD_KPI_PARTS (JD_METRICS_PART_CASES | JD_METRICS_PART_COMPLAINTS | JD_METRICS_PART_LAWSUITS | \
                      JD_METRICS_PART_RECONSIDERATIONS | JD_METRICS_PART_REVIEWS)

typedef struct _JdDashboardChartInfo JdDashboardChartInfo;

typedef JdChart *(*JdDashboardChartBuild) (JdStore                    *store,
                                           const JdDashboardChartInfo *info,
                                           const JdPeriod             *period,
                                           const JdFilter             *filter,
                                           GError                    **error);

/* A builder that takes what it reads from inputs a page shares among its
 * charts (the newer kind: a row has one or the other). */
typedef JdChart *(*JdDashboardChartBuildFrom) (JdChartInputs              *inputs,
                                               const JdDashboardChartInfo *info,
                                               GError                    **error);

/* One row of the catalog of named charts: the app, the command line and
 * (later) the report and the slides all build their charts from it. */
struct _JdDashboardChartInfo
{
  const char            *name;      /* "loss-rate", for the command line */
  const char            *title;     /* translatable (N_): what the chart is called */
  const char            *summary;   /* translatable (N_): what it shows, for --list */
  JdChartType            type;
  JdChartNeeds           needs;
  double                 width;     /* a good size to draw it at, in pixels */
  double                 height;
  JdDashboardChartBuild  build;
  int                    variant;   /* which of its builder's charts: a JdKpi, a table or bars */
  JdDashboardChartBuildFrom build_from;  /* when @build is NULL */
};

const JdDashboardChartInfo *jd_dashboard_charts      (guint                 *n_charts);
const JdDashboardChartInfo *jd_dashboard_chart_info  (const char            *name);
const JdDashboardChartInfo *jd_dashboard_kpi_info    (JdKpi                  kpi);
gboolean                    jd_kpi_is_rate           (JdKpi                  kpi);
const char                 *jd_chart_type_to_string  (JdChartType            type);
char                       *jd_chart_needs_to_string (JdChartNeeds           needs);

JdChart *jd_dashboard_chart_new (JdStore         *store,
                                 const char      *name,
                                 const JdPeriod  *period,
                                 const JdFilter  *filter,
                                 GError         **error);

JdChart *jd_dashboard_chart_new_from (JdChartInputs  *inputs,
                                      const char     *name,
                                      GError        **error);

JdChart *jd_dashboard_kpi_new   (JdKpi            kpi,
                                 const JdMetrics *current,
                                 const JdMetrics *previous,
                                 const JdMetrics *year_earlier,
                                 const GPtrArray *months,
                                 int              first_month);

G_END_DECLS

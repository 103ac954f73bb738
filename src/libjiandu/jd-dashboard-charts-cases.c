/* jd-dashboard-charts-cases.c — the charts of the cases and complaints pages
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Builders of rows of the catalog in jd-dashboard-charts.c, apart so that
 * each file keeps to one size.  Every figure comes from jd-metrics. */

#define G_LOG_DOMAIN "jd-dashboard-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-dashboard-charts-cases-private.h"

/**
 * _jd_cases_trend_window:
 * @by: months, quarters or years
 * @first_month: (out): the first month of the trend's first point
 * @n_points: (out): how many points
 *
 * The trend of the cases page ends with the period: 24 months, 8 quarters
 * or 5 years.
 */
void
_jd_cases_trend_window (const JdPeriod *period,
                        JdPeriodKind    by,
                        int            *first_month,
                        guint          *n_points)
{
  int last = jd_period_last_month (period);
  JdPeriod quarter;

  switch (by)
    {
    case JD_PERIOD_MONTH:
      *n_points = JD_CASES_TREND_MONTHS;
      *first_month = jd_month_add (last, -(JD_CASES_TREND_MONTHS - 1));
      break;
    case JD_PERIOD_QUARTER:
      quarter = jd_period_containing (JD_PERIOD_QUARTER, last);
      *n_points = JD_CASES_TREND_QUARTERS;
      *first_month = jd_month_add (jd_period_first_month (&quarter), -3 * (JD_CASES_TREND_QUARTERS - 1));
      break;
    case JD_PERIOD_YEAR:
    default:
      *n_points = JD_CASES_TREND_YEARS;
      *first_month = jd_month_make (last / 100 - (JD_CASES_TREND_YEARS - 1), 1);
      break;
    }
}

static JdChartAxisKind
axis_of (JdPeriodKind by)
{
  switch (by)
    {
    case JD_PERIOD_MONTH:
      return JD_CHART_AXIS_MONTH;
    case JD_PERIOD_QUARTER:
      return JD_CHART_AXIS_QUARTER;
    case JD_PERIOD_YEAR:
    default:
      return JD_CHART_AXIS_YEAR;
    }
}

/* The months the charts of the cases page over time are made of: from
 * the first month of the trend by year to the period's end, so that one
 * run of months serves every one of them. */
static GPtrArray *
cases_months (JdChartInputs  *inputs,
              int            *first_month,
              GError        **error)
{
  guint n;

  _jd_cases_trend_window (jd_chart_inputs_get_period (inputs), JD_PERIOD_YEAR, first_month, &n);
  return jd_chart_inputs_series (inputs, JD_PERIOD_MONTH, *first_month,
                                 JD_METRICS_PART_CASES_TOTALS | JD_METRICS_PART_CASES_OPENED, error);
}

/* Adds up @months (from @months_first) into the @n points of the
 * window of @by that starts with @first: the figure given by @get */
static double *
add_up (GPtrArray    *months,
        int           months_first,
        JdPeriodKind  by,
        int           first,
        guint         n,
        double      (*get) (const JdMetrics *m))
{
  static const int months_per_point[] = { [JD_PERIOD_MONTH] = 1, [JD_PERIOD_QUARTER] = 3, [JD_PERIOD_YEAR] = 12 };
  double *values = g_new0 (double, n);

  for (guint i = 0; i < months->len; i++)
    {
      int diff = jd_month_diff (jd_month_add (months_first, i), first);

      if (diff < 0)
        continue;
      g_assert ((guint)(diff / months_per_point[by]) < n);
      values[diff / months_per_point[by]] += get (g_ptr_array_index (months, i));
    }

  return values;
}

static double
get_decided (const JdMetrics *m)
{
  return m->cases.decided;
}

static double
get_opened (const JdMetrics *m)
{
  return m->cases.opened;
}

static double
get_fines_yuan (const JdMetrics *m)
{
  return m->cases.fines_fen / 100.0;
}

/* @months: (element-type JdMetrics): from cases_months()
 *
 * Cases decided and opened, a pair of bars a month, quarter or year (the
 * row's variant), ending with @period: the last quarter or year holds the
 * months up to the period's end, never one after it. */
static JdChart *
cases_trend_chart (const JdDashboardChartInfo *info,
                   const JdPeriod             *period,
                   GPtrArray                  *months,
                   int                         months_first)
{
  JdPeriodKind by = info->variant;
  g_autofree double *decided = NULL;
  g_autofree double *opened = NULL;
  JdChart *chart;
  int first;
  guint n;

  _jd_cases_trend_window (period, by, &first, &n);
  decided = add_up (months, months_first, by, first, n, get_decided);
  opened = add_up (months, months_first, by, first, n, get_opened);

  chart = jd_chart_new (JD_CHART_BAR);
  jd_chart_set_title (chart, _(info->title));
  jd_chart_set_time_axis (chart, axis_of (by), first, n);
  jd_chart_add_series (chart, _("Cases decided"), decided, n);
  jd_chart_add_series (chart, _("Cases opened"), opened, n);

  return chart;
}

/* Fines and confiscations a month, over the months' trend window */
static JdChart *
fines_chart (const JdDashboardChartInfo *info,
             const JdPeriod             *period,
             GPtrArray                  *months,
             int                         months_first)
{
  g_autofree double *fines = NULL;
  JdChart *chart;
  int first;
  guint n;

  _jd_cases_trend_window (period, JD_PERIOD_MONTH, &first, &n);
  fines = add_up (months, months_first, JD_PERIOD_MONTH, first, n, get_fines_yuan);

  chart = jd_chart_new (JD_CHART_BAR);
  jd_chart_set_title (chart, _(info->title));
  jd_chart_set_format (chart, JD_CHART_FORMAT_YUAN);
  jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, first, n);
  jd_chart_add_series (chart, _("Fines and confiscations"), fines, n);

  return chart;
}

/* The catalog's builders of the two, from the page's one run of months */
JdChart *
_jd_chart_cases_trend (JdChartInputs              *inputs,
                       const JdDashboardChartInfo *info,
                       GError                    **error)
{
  int first;
  g_autoptr(GPtrArray) months = cases_months (inputs, &first, error);

  return months != NULL ? cases_trend_chart (info, jd_chart_inputs_get_period (inputs), months, first) : NULL;
}

JdChart *
_jd_chart_fines_monthly (JdChartInputs              *inputs,
                         const JdDashboardChartInfo *info,
                         GError                    **error)
{
  int first;
  g_autoptr(GPtrArray) months = cases_months (inputs, &first, error);

  return months != NULL ? fines_chart (info, jd_chart_inputs_get_period (inputs), months, first) : NULL;
}

/**
 * _jd_category_chart:
 * @title: (nullable): the chart's title; %NULL for the row's
 * @names: (element-type utf8): the categories
 * @values: one for each of @names
 *
 * A chart of the row's type with one bar (or slice) a category.
 */
JdChart *
_jd_category_chart (const JdDashboardChartInfo *info,
                    const char                 *title,
                    GPtrArray                  *names,
                    const double               *values,
                    const char                 *series_label)
{
  JdChart *chart = jd_chart_new (info->type);

  jd_chart_set_title (chart, title != NULL ? title : _(info->title));
  jd_chart_set_categories (chart, (const char * const *)names->pdata, names->len);
  jd_chart_add_series (chart, series_label, values, names->len);

  return chart;
}

/* Cases decided in the period by the row's dimension: domain, level or region */
JdChart *
_jd_chart_cases_by_dimension (JdChartInputs              *inputs,
                              const JdDashboardChartInfo *info,
                              GError                    **error)
{
  g_autoptr(GPtrArray) slices = jd_metrics_breakdown_parts (jd_chart_inputs_get_store (inputs),
                                                            jd_chart_inputs_get_period (inputs),
                                                            jd_chart_inputs_get_filter (inputs), info->variant,
                                                            JD_METRICS_PART_CASES_TOTALS, error);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree double *decided = NULL;

  if (slices == NULL)
    return NULL;

  names = g_ptr_array_new ();
  decided = g_new0 (double, MAX (slices->len, 1));
  for (guint i = 0; i < slices->len; i++)
    {
      const JdSlice *slice = g_ptr_array_index (slices, i);

      g_ptr_array_add (names, slice->label != NULL ? slice->label : slice->key);
      decided[i] = slice->metrics->cases.decided;
    }

  return _jd_category_chart (info, NULL, names, decided, _("Cases decided"));
}

JdChart *
_jd_chart_complaints_by_category (JdChartInputs              *inputs,
                                  const JdDashboardChartInfo *info,
                                  GError                    **error)
{
  g_autoptr(GPtrArray) counts = jd_metrics_complaint_categories (jd_chart_inputs_get_store (inputs),
                                                                jd_chart_inputs_get_period (inputs),
                                                                jd_chart_inputs_get_filter (inputs), error);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree double *values = NULL;

  if (counts == NULL)
    return NULL;

  names = g_ptr_array_new ();
  values = g_new0 (double, MAX (counts->len, 1));
  for (guint i = 0; i < counts->len; i++)
    {
      const JdCount *count = g_ptr_array_index (counts, i);

      /* Translators: the category of complaints that name none */
      g_ptr_array_add (names, count->key != NULL && *count->key != '\0' ? count->key : _("Not given"));
      values[i] = count->count;
    }

  return _jd_category_chart (info, NULL, names, values, _("Complaints received"));
}

/* The four rates of complaints handling, a line each, by month */
JdChart *
_jd_chart_complaint_rates (JdChartInputs              *inputs,
                           const JdDashboardChartInfo *info,
                           GError                    **error)
{
  const char *labels[] = { N_("Closing rate"), N_("On-time rate"), N_("Substantiated rate"), N_("Satisfaction rate") };
  double rates[G_N_ELEMENTS (labels)][JD_CASES_TREND_MONTHS];
  g_autoptr(GPtrArray) series = NULL;
  JdChart *chart;
  int first;
  guint n;

  _jd_cases_trend_window (jd_chart_inputs_get_period (inputs), JD_PERIOD_MONTH, &first, &n);
  series = jd_chart_inputs_series (inputs, JD_PERIOD_MONTH, first, JD_METRICS_PART_COMPLAINTS, error);
  if (series == NULL)
    return NULL;

  for (guint i = 0; i < JD_CASES_TREND_MONTHS; i++)
    {
      const JdMetrics *m = g_ptr_array_index (series, i);

      rates[0][i] = jd_ratio_rate (m->complaints.closing);
      rates[1][i] = jd_ratio_rate (m->complaints.on_time);
      rates[2][i] = jd_ratio_rate (m->complaints.substantiated);
      rates[3][i] = jd_ratio_rate (m->complaints.satisfaction);
    }

  chart = jd_chart_new (JD_CHART_LINE);
  jd_chart_set_title (chart, _(info->title));
  jd_chart_set_format (chart, JD_CHART_FORMAT_PERCENT);
  jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, first, JD_CASES_TREND_MONTHS);
  for (guint s = 0; s < G_N_ELEMENTS (labels); s++)
    jd_chart_add_series (chart, _(labels[s]), rates[s], JD_CASES_TREND_MONTHS);

  return chart;
}

/* jd-dashboard-charts.c — the named charts of the dashboards, from a database
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Chart name → data + JdChart", once, for the app, the command line
 * (jiandu-cli chart) and the report.  Every figure comes from jd-metrics,
 * so a chart agrees with the tables beside it. */

#define G_LOG_DOMAIN "jd-dashboard-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-dashboard-charts.h"
#include "jd-dashboard-charts-cases-private.h"
#include "jd-dashboard-kpi-private.h"
#include "jd-enums.h"
#include "jd-format.h"
#include "jd-legal-charts-private.h"
#include "jd-overview.h"
#include "jd-settings.h"

/* What a period after the data is compared with: no figures, so no change. */
static const JdMetrics no_figures = { 0 };

/* Data */

static double
ratio_or_nan (JdRatio ratio)
{
  return jd_ratio_rate (ratio);
}

static int
compare_decided (gconstpointer a,
                 gconstpointer b)
{
  const JdSlice *sa = *(JdSlice * const *) a;
  const JdSlice *sb = *(JdSlice * const *) b;
  gint64 da = sa->metrics->cases.decided, db = sb->metrics->cases.decided;

  if (da != db)
    return da > db ? -1 : 1;
  return g_strcmp0 (sa->key, sb->key);
}

/* Charts */

static JdChart *
decided_monthly (JdChartInputs              *inputs,
                 const JdDashboardChartInfo *info,
                 GError                    **error)
{
  JdStore *store = jd_chart_inputs_get_store (inputs);
  const JdFilter *filter = jd_chart_inputs_get_filter (inputs);
  int last = jd_period_last_month (jd_chart_inputs_get_period (inputs));
  int first = jd_month_add (last, -(JD_OVERVIEW_MONTHS - 1));
  g_autoptr(GArray) now = jd_metrics_monthly_decided (store, filter, first, last, error);
  g_autoptr(GArray) before = NULL;
  double values[JD_OVERVIEW_MONTHS], earlier[JD_OVERVIEW_MONTHS];
  JdMonthlyChart monthly = {
    .title = _(info->title),
    .value_label = _("Cases decided"),
    .comparison_label = _("A year earlier"),
    .first_month = first,
    .n_points = JD_OVERVIEW_MONTHS,
    .values = values,
    .comparison = earlier,
  };

  if (now == NULL)
    return NULL;
  before = jd_metrics_monthly_decided (store, filter, jd_month_add (first, -12), jd_month_add (last, -12), error);
  if (before == NULL)
    return NULL;

  for (guint i = 0; i < JD_OVERVIEW_MONTHS; i++)
    {
      values[i] = i < now->len ? (double) g_array_index (now, gint64, i) : NAN;
      earlier[i] = i < before->len ? (double) g_array_index (before, gint64, i) : NAN;
    }

  return jd_chart_new_monthly (&monthly);
}

static JdChart *
loss_rate (JdChartInputs              *inputs,
           const JdDashboardChartInfo *info,
           GError                    **error)
{
  gboolean with_counts = info->type == JD_CHART_BAR;
  int last = jd_period_last_month (jd_chart_inputs_get_period (inputs));
  int first = jd_month_add (last, -(JD_OVERVIEW_MONTHS - 1));
  g_autoptr(GPtrArray) series = jd_chart_inputs_series (inputs, JD_PERIOD_MONTH, jd_month_add (first, -12),
                                                        JD_METRICS_PART_LAWSUITS, error);
  double rate[JD_OVERVIEW_MONTHS], earlier[JD_OVERVIEW_MONTHS], concluded[JD_OVERVIEW_MONTHS];
  JdChart *chart;

  if (series == NULL)
    return NULL;

  for (guint i = 0; i < JD_OVERVIEW_MONTHS; i++)
    {
      const JdMetrics *now = g_ptr_array_index (series, i + 12);
      const JdMetrics *before = g_ptr_array_index (series, i);

      rate[i] = ratio_or_nan (now->lawsuits.loss);
      earlier[i] = ratio_or_nan (before->lawsuits.loss);
      concluded[i] = now->lawsuits.loss.total;
    }

  if (!with_counts)
    {
      chart = jd_chart_new (JD_CHART_LINE);
      jd_chart_set_title (chart, _(info->title));
      jd_chart_set_format (chart, JD_CHART_FORMAT_PERCENT);
      jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, first, JD_OVERVIEW_MONTHS);
      jd_chart_add_series (chart, _("Loss rate"), rate, JD_OVERVIEW_MONTHS);
      jd_chart_series_set_dashed (chart, jd_chart_add_series (chart, _("A year earlier"), earlier, JD_OVERVIEW_MONTHS),
                                  TRUE);
    }
  else
    {
      guint s;

      chart = jd_chart_new (JD_CHART_BAR);
      jd_chart_set_title (chart, _(info->title));
      jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, first, JD_OVERVIEW_MONTHS);
      jd_chart_add_series (chart, _("Concluded"), concluded, JD_OVERVIEW_MONTHS);
      s = jd_chart_add_series (chart, _("Loss rate"), rate, JD_OVERVIEW_MONTHS);
      jd_chart_series_set_mark (chart, s, JD_CHART_MARK_LINE);
      jd_chart_series_set_secondary (chart, s, TRUE);
      jd_chart_series_set_format (chart, s, JD_CHART_FORMAT_PERCENT);
    }
  /* The line the warnings use, so the chart and the warnings agree */
  /* Translators: the label of the loss rate's line, "控制线" */
  jd_chart_set_threshold (chart, jd_settings_get_double (jd_chart_inputs_get_store (inputs), "warn_loss_rate"),
                          _("Control line"));

  return chart;
}

static JdChart *
complaints_by_channel (JdChartInputs              *inputs,
                       const JdDashboardChartInfo *info,
                       GError                    **error)
{
  const JdMetrics *m = jd_chart_inputs_metrics (inputs, error);
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  const JdEnumValue *values;
  const char *names[7];
  double counts[7];
  guint n;
  JdChart *chart;

  if (m == NULL)
    return NULL;

  values = jd_enum_values (JD_ENUM_CHANNEL, &n);
  n = MIN (n, G_N_ELEMENTS (names));
  for (guint i = 0; i < n; i++)
    {
      names[i] = _(values[i].label);
      counts[i] = m->complaints.by_channel[i];
    }

  when = jd_period_format (jd_chart_inputs_get_period (inputs));
  /* Translators: a chart's title: "Complaints by channel, October 2026" */
  title = g_strdup_printf (_("Complaints by channel, %s"), when);
  chart = jd_chart_new (JD_CHART_DONUT);
  jd_chart_set_title (chart, title);
  jd_chart_set_categories (chart, names, n);
  jd_chart_add_series (chart, _("Complaints received"), counts, n);

  return chart;
}

static JdChart *
cases_by_kind (JdChartInputs              *inputs,
               const JdDashboardChartInfo *info,
               GError                    **error)
{
  int last = jd_period_last_month (jd_chart_inputs_get_period (inputs));
  int first = jd_month_add (last, -11);
  g_autoptr(GPtrArray) series = jd_chart_inputs_series (inputs, JD_PERIOD_MONTH, first,
                                                        JD_METRICS_PART_CASES, error);
  const JdEnumValue *values;
  JdChart *chart;
  guint n;

  if (series == NULL)
    return NULL;

  values = jd_enum_values (JD_ENUM_CASE_KIND, &n);
  chart = jd_chart_new (JD_CHART_BAR_STACKED);
  jd_chart_set_title (chart, _(info->title));
  jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, first, series->len);
  for (guint k = 0; k < MIN (n, 6); k++)
    {
      double counts[12];

      for (guint i = 0; i < series->len && i < 12; i++)
        counts[i] = ((JdMetrics *) g_ptr_array_index (series, i))->cases.by_kind[k];
      jd_chart_add_series (chart, _(values[k].label), counts, MIN (series->len, 12));
    }

  return chart;
}

static JdChart *
leniency_by_kind (JdChartInputs              *inputs,
                  const JdDashboardChartInfo *info,
                  GError                    **error)
{
  const JdPeriod *period = jd_chart_inputs_get_period (inputs);
  const JdMetrics *now = jd_chart_inputs_metrics (inputs, error);
  g_autoptr(JdMetrics) previous = NULL;
  g_autoptr(JdMetrics) year_earlier = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *then_text = NULL;
  const JdMetrics *then;
  const JdEnumValue *values;
  const char *names[4];
  double a[4], b[4];
  JdChart *chart;
  guint n;

  /* The same months a year earlier, when the data end inside the period. */
  if (now == NULL || !jd_metrics_compare (jd_chart_inputs_get_store (inputs), now,
                                          jd_chart_inputs_get_filter (inputs), &previous, &year_earlier, error))
    return NULL;
  then = year_earlier != NULL ? year_earlier : &no_figures;
  now_text = jd_metrics_format_period (now);
  if (year_earlier != NULL)
    then_text = jd_period_format (&year_earlier->period);
  else
    {
      JdPeriod before = jd_period_year_earlier (period);

      then_text = jd_period_format (&before);
    }

  /* the leniency kinds of cases: the enum after "none" */
  values = jd_enum_values (JD_ENUM_LENIENCY, &n);
  for (guint k = 0; k < 4 && k + 1 < n; k++)
    {
      names[k] = _(values[k + 1].label);
      a[k] = then->leniency.cases_by_kind[k];
      b[k] = now->leniency.cases_by_kind[k];
    }

  chart = jd_chart_new (JD_CHART_BAR);
  jd_chart_set_title (chart, _(info->title));
  jd_chart_set_categories (chart, names, 4);
  jd_chart_add_series (chart, then_text, a, 4);
  jd_chart_add_series (chart, now_text, b, 4);

  return chart;
}

static JdChart *
agencies_decided (JdChartInputs              *inputs,
                  const JdDashboardChartInfo *info,
                  GError                    **error)
{
  gboolean table = info->type == JD_CHART_TABLE;
  g_autoptr(GPtrArray) slices = jd_chart_inputs_agencies (inputs, error);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree double *decided = NULL;
  g_autofree double *fines = NULL;
  g_autofree double *loss = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  JdChart *chart;

  if (slices == NULL)
    return NULL;

  g_ptr_array_sort (slices, compare_decided);
  names = g_ptr_array_new ();
  decided = g_new0 (double, MAX (slices->len, 1));
  fines = g_new0 (double, MAX (slices->len, 1));
  loss = g_new0 (double, MAX (slices->len, 1));
  for (guint i = 0; i < slices->len; i++)
    {
      const JdSlice *slice = g_ptr_array_index (slices, i);

      g_ptr_array_add (names, slice->label ? slice->label : slice->key);
      decided[i] = slice->metrics->cases.decided;
      fines[i] = slice->metrics->cases.fines_fen / 100.0;
      loss[i] = ratio_or_nan (slice->metrics->lawsuits.loss);
    }

  when = jd_period_format (jd_chart_inputs_get_period (inputs));
  /* Translators: a chart's title: "Cases decided per agency, October 2026" */
  title = g_strdup_printf (table ? _("Agencies, %s") : _("Cases decided per agency, %s"), when);
  chart = jd_chart_new (info->type);
  jd_chart_set_title (chart, title);
  jd_chart_set_categories (chart, (const char * const *) names->pdata, names->len);
  jd_chart_add_series (chart, _("Cases decided"), decided, names->len);
  if (table)
    {
      jd_chart_series_set_format (chart, jd_chart_add_series (chart, _("Fines and confiscations"), fines, names->len),
                                  JD_CHART_FORMAT_YUAN);
      jd_chart_series_set_format (chart, jd_chart_add_series (chart, _("Loss rate"), loss, names->len),
                                  JD_CHART_FORMAT_PERCENT);
    }

  return chart;
}

static JdChart *
agency_heat (JdChartInputs              *inputs,
             const JdDashboardChartInfo *info,
             GError                    **error)
{
  int last = jd_period_last_month (jd_chart_inputs_get_period (inputs));
  int first = jd_month_add (last, -11);
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) rows = NULL;
  JdChart *chart;

  for (int i = 0; i < 12; i++)
    {
      int month = jd_month_add (first, i);
      JdPeriod p = jd_period_containing (JD_PERIOD_MONTH, month);
      GPtrArray *slices = jd_metrics_breakdown_parts (jd_chart_inputs_get_store (inputs), &p,
                                                      jd_chart_inputs_get_filter (inputs), JD_DIMENSION_AGENCY,
                                                      JD_METRICS_PART_CASES_TOTALS, error);

      if (slices == NULL)
        return NULL;
      g_ptr_array_add (months, slices);
    }

  /* rows in the order of the whole year's totals, busiest first */
  rows = g_ptr_array_new ();
  {
    GPtrArray *first_month = g_ptr_array_index (months, 0);
    g_autofree double *totals = g_new0 (double, MAX (first_month->len, 1));
    g_autofree guint *order = g_new0 (guint, MAX (first_month->len, 1));

    for (guint a = 0; a < first_month->len; a++)
      {
        order[a] = a;
        for (guint i = 0; i < months->len; i++)
          {
            GPtrArray *slices = g_ptr_array_index (months, i);

            if (a < slices->len)
              totals[a] += ((JdSlice *) g_ptr_array_index (slices, a))->metrics->cases.decided;
          }
      }
    for (guint a = 1; a < first_month->len; a++)
      for (guint b = a; b > 0 && totals[order[b]] > totals[order[b - 1]]; b--)
        {
          guint t = order[b];
          order[b] = order[b - 1];
          order[b - 1] = t;
        }

    chart = jd_chart_new (JD_CHART_HEAT_TABLE);
    jd_chart_set_title (chart, _(info->title));
    jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, first, 12);
    for (guint k = 0; k < first_month->len; k++)
      {
        const JdSlice *slice = g_ptr_array_index (first_month, order[k]);
        double values[12];

        for (guint i = 0; i < 12; i++)
          {
            GPtrArray *slices = g_ptr_array_index (months, i);
            const JdSlice *s = order[k] < slices->len ? g_ptr_array_index (slices, order[k]) : NULL;

            /* the same agency, the slices being in the order of codes */
            values[i] = s != NULL && g_strcmp0 (s->key, slice->key) == 0 ? s->metrics->cases.decided : NAN;
          }
        jd_chart_add_series (chart, slice->label ? slice->label : slice->key, values, 12);
      }
  }

  return chart;
}


/* The catalog */

#define COMPARED (JD_CHART_NEEDS_PERIOD | JD_CHART_NEEDS_COMPARISONS)

static const JdDashboardChartInfo charts[] = {
  { "decided-monthly", N_("Cases decided per month"),
    N_("Cases decided per month, against a year earlier (24 months)"),
    JD_CHART_BAR, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, 0, decided_monthly },
  { "loss-rate", N_("First-instance loss rate"),
    N_("First-instance loss rate per month, with the control line of the setting warn_loss_rate (24 months)"),
    JD_CHART_LINE, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, 0, loss_rate },
  { "cases-and-loss-rate", N_("First-instance lawsuits and the loss rate"),
    N_("First-instance lawsuits concluded and the loss rate, on two axes"),
    JD_CHART_BAR, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, 0, loss_rate },
  { "complaints-by-channel", N_("Complaints by channel"),
    N_("Complaints received by channel (donut)"),
    JD_CHART_DONUT, JD_CHART_NEEDS_PERIOD, 720, 400, NULL, 0, complaints_by_channel },
  { "cases-by-kind", N_("Cases decided by kind"),
    N_("Cases decided by kind per month, stacked (12 months)"),
    JD_CHART_BAR_STACKED, JD_CHART_NEEDS_MONTHS, 900, 400, NULL, 0, cases_by_kind },
  { "leniency-by-kind", N_("Leniency cases by kind"),
    N_("Leniency cases by kind, against a year earlier"),
    JD_CHART_BAR, COMPARED, 720, 400, NULL, 0, leniency_by_kind },
  { "agencies-decided", N_("Cases decided per agency"),
    N_("Cases decided per agency (horizontal bars)"),
    JD_CHART_HBAR, JD_CHART_NEEDS_AGENCIES, 1000, 800, NULL, 0, agencies_decided },
  { "agency-heat", N_("Cases decided per agency and month"),
    N_("Cases decided per agency and month (heat table, 12 months)"),
    JD_CHART_HEAT_TABLE, JD_CHART_NEEDS_AGENCIES | JD_CHART_NEEDS_MONTHS, 1200, 800, NULL, 0, agency_heat },
  { "agencies-table", N_("Agencies"),
    N_("The agencies' figures as a table, in pages"),
    JD_CHART_TABLE, JD_CHART_NEEDS_AGENCIES, 900, 600, NULL, 0, agencies_decided },
  /* The lawsuits, leniency and reviews pages */
  { "lawsuit-rates", N_("Withdrawal and head-appearance rates"),
    N_("First-instance withdrawal rate and head-appearance rate per month (12 months)"),
    JD_CHART_LINE, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, JD_LEGAL_MONTHLY_LAWSUIT_RATES, _jd_legal_chart_monthly },
  { "lawsuit-outcomes", N_("First-instance outcomes"),
    N_("First-instance lawsuits concluded in the period, by outcome"),
    JD_CHART_HBAR, JD_CHART_NEEDS_PERIOD, 720, 420, NULL, JD_LEGAL_BREAKDOWN_LAWSUIT_OUTCOMES, _jd_legal_chart_breakdown },
  { "correction-rate", N_("Reconsideration correction rate"),
    N_("Reconsideration correction rate per month (12 months)"),
    JD_CHART_LINE, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, JD_LEGAL_MONTHLY_CORRECTION_RATE, _jd_legal_chart_monthly },
  { "reconsideration-outcomes", N_("Reconsideration outcomes"),
    N_("Reconsiderations decided in the period, by outcome"),
    JD_CHART_HBAR, JD_CHART_NEEDS_PERIOD, 720, 420, NULL,
    JD_LEGAL_BREAKDOWN_RECONSIDERATION_OUTCOMES, _jd_legal_chart_breakdown },
  { "leniency-items-by-kind", N_("Leniency items in force by kind"),
    N_("Items of the leniency list in force at the period’s end, by kind (donut)"),
    JD_CHART_DONUT, JD_CHART_NEEDS_PERIOD, 720, 400, NULL, JD_LEGAL_BREAKDOWN_ITEMS_BY_KIND, _jd_legal_chart_breakdown },
  { "leniency-items-by-domain", N_("Leniency items in force by domain"),
    N_("Items of the leniency list in force at the period’s end, by domain"),
    JD_CHART_HBAR, JD_CHART_NEEDS_PERIOD, 720, 420, NULL, JD_LEGAL_ITEMS_BY_DOMAIN, _jd_legal_chart_items },
  { "leniency-items-by-agency", N_("Leniency items in force by agency"),
    N_("Items of the leniency list in force at the period’s end, by the agency that published them"),
    JD_CHART_HBAR, JD_CHART_NEEDS_AGENCIES, 720, 420, NULL, JD_LEGAL_ITEMS_BY_AGENCY, _jd_legal_chart_items },
  { "leniency-cases-monthly", N_("Leniency cases by kind per month"),
    N_("Leniency cases by kind per month, stacked (12 months)"),
    JD_CHART_BAR_STACKED, JD_CHART_NEEDS_MONTHS, 900, 400, NULL, JD_LEGAL_MONTHLY_LENIENCY_CASES, _jd_legal_chart_monthly },
  { "exempted-monthly", N_("Exempted amount per month"),
    N_("Fines not imposed under the leniency list per month (12 months)"),
    JD_CHART_BAR, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, JD_LEGAL_MONTHLY_EXEMPTED, _jd_legal_chart_monthly },
  { "leniency-share", N_("Leniency share of penalty cases"),
    N_("Leniency cases as a share of penalty cases per month (12 months)"),
    JD_CHART_LINE, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, JD_LEGAL_MONTHLY_LENIENCY_SHARE, _jd_legal_chart_monthly },
  { "review-pass-rate", N_("Case-file review pass rate"),
    N_("Case-file review pass rate per quarter (8 quarters)"),
    JD_CHART_LINE, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, JD_LEGAL_MONTHLY_REVIEW_PASS_RATE, _jd_legal_chart_monthly },
  { "review-grades", N_("Case files by grade"),
    N_("Case files reviewed in the period, by grade (donut)"),
    JD_CHART_DONUT, JD_CHART_NEEDS_PERIOD, 720, 400, NULL, JD_LEGAL_BREAKDOWN_REVIEW_GRADES, _jd_legal_chart_breakdown },
  { "review-grades-monthly", N_("Case files by grade per quarter"),
    N_("Case files reviewed by grade per quarter, stacked (8 quarters)"),
    JD_CHART_BAR_STACKED, JD_CHART_NEEDS_MONTHS, 900, 400, NULL, JD_LEGAL_MONTHLY_REVIEW_GRADES, _jd_legal_chart_monthly },
  { "review-score", N_("Mean review score"),
    N_("Mean case-file review score per quarter (8 quarters)"),
    JD_CHART_LINE, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, JD_LEGAL_MONTHLY_REVIEW_SCORE, _jd_legal_chart_monthly },
  { "review-agencies", N_("Review pass rate by agency"),
    N_("Each agency’s case-file review pass rate, best first, under the minimum-denominator rule"),
    JD_CHART_HBAR, JD_CHART_NEEDS_AGENCIES, 720, 600, NULL, 0, _jd_legal_chart_review_agencies },
  { "kpi-decided", N_("Cases decided"),
    N_("KPI card: cases decided"),
    JD_CHART_KPI, COMPARED | JD_CHART_NEEDS_MONTHS, 320, 240, _jd_dashboard_kpi_build, JD_KPI_CASES_DECIDED },
  { "kpi-complaints", N_("Complaints received"),
    N_("KPI card: complaints received"),
    JD_CHART_KPI, COMPARED | JD_CHART_NEEDS_MONTHS, 320, 240, _jd_dashboard_kpi_build, JD_KPI_COMPLAINTS_RECEIVED },
  { "kpi-loss-rate", N_("First-instance loss rate"),
    N_("KPI card: first-instance loss rate"),
    JD_CHART_KPI, COMPARED | JD_CHART_NEEDS_MONTHS, 320, 240, _jd_dashboard_kpi_build, JD_KPI_LOSS_RATE },
  { "kpi-correction-rate", N_("Reconsideration correction rate"),
    N_("KPI card: reconsideration correction rate"),
    JD_CHART_KPI, COMPARED | JD_CHART_NEEDS_MONTHS, 320, 240, _jd_dashboard_kpi_build, JD_KPI_CORRECTION_RATE },
  { "kpi-leniency", N_("Leniency cases"),
    N_("KPI card: leniency cases (免罚)"),
    JD_CHART_KPI, COMPARED | JD_CHART_NEEDS_MONTHS, 320, 240, _jd_dashboard_kpi_build, JD_KPI_LENIENCY_CASES },
  { "kpi-review-pass-rate", N_("Review pass rate"),
    N_("KPI card: case-file review pass rate"),
    JD_CHART_KPI, COMPARED | JD_CHART_NEEDS_MONTHS, 320, 240, _jd_dashboard_kpi_build, JD_KPI_REVIEW_PASS_RATE },
  /* The cases page (执法案件) */
  { "cases-trend-monthly", N_("Cases decided and opened per month"),
    N_("Cases decided and opened per month (24 months)"),
    JD_CHART_BAR, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, JD_PERIOD_MONTH, _jd_chart_cases_trend },
  { "cases-trend-quarterly", N_("Cases decided and opened per quarter"),
    N_("Cases decided and opened per quarter (8 quarters)"),
    JD_CHART_BAR, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, JD_PERIOD_QUARTER, _jd_chart_cases_trend },
  { "cases-trend-yearly", N_("Cases decided and opened per year"),
    N_("Cases decided and opened per year (5 years)"),
    JD_CHART_BAR, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, JD_PERIOD_YEAR, _jd_chart_cases_trend },
  { "cases-by-domain", N_("Cases decided by domain"),
    N_("Cases decided in the period by enforcement domain (horizontal bars)"),
    JD_CHART_HBAR, JD_CHART_NEEDS_PERIOD, 720, 480, NULL, JD_DIMENSION_DOMAIN, _jd_chart_cases_by_dimension },
  { "cases-by-level", N_("Cases decided by level"),
    N_("Cases decided in the period by agency level (bars)"),
    JD_CHART_BAR, JD_CHART_NEEDS_PERIOD, 480, 360, NULL, JD_DIMENSION_LEVEL, _jd_chart_cases_by_dimension },
  { "cases-by-region", N_("Cases decided by region"),
    N_("Cases decided in the period by region (horizontal bars)"),
    JD_CHART_HBAR, JD_CHART_NEEDS_PERIOD, 720, 480, NULL, JD_DIMENSION_REGION, _jd_chart_cases_by_dimension },
  { "fines-monthly", N_("Fines and confiscations per month"),
    N_("Fines and confiscations per month (24 months)"),
    JD_CHART_BAR, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, 0, _jd_chart_fines_monthly },
  /* The complaints page (投诉举报) */
  { "complaints-by-category", N_("Complaints by category"),
    N_("Complaints received in the period by category (horizontal bars)"),
    JD_CHART_HBAR, JD_CHART_NEEDS_PERIOD, 720, 480, NULL, 0, _jd_chart_complaints_by_category },
  { "complaint-rates", N_("Complaint handling rates"),
    N_("Closing, on-time, substantiated and satisfaction rates per month (24 months)"),
    JD_CHART_LINE, JD_CHART_NEEDS_MONTHS, 900, 360, NULL, 0, _jd_chart_complaint_rates },
};

/**
 * jd_dashboard_charts:
 * @n_charts: (out): how many
 *
 * Returns: (array length=n_charts): every named chart, in the order to list them
 */
const JdDashboardChartInfo *
jd_dashboard_charts (guint *n_charts)
{
  *n_charts = G_N_ELEMENTS (charts);
  return charts;
}

const JdDashboardChartInfo *
jd_dashboard_chart_info (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (g_strcmp0 (charts[i].name, name) == 0)
      return &charts[i];
  return NULL;
}

/* The catalog's card for @kpi */
const JdDashboardChartInfo *
jd_dashboard_kpi_info (JdKpi kpi)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (charts[i].type == JD_CHART_KPI && charts[i].variant == (int) kpi)
      return &charts[i];
  return NULL;
}

/* A chart type as --list writes it: "line", "heat-table" */
const char *
jd_chart_type_to_string (JdChartType type)
{
  static const char * const names[] = {
    [JD_CHART_BAR] = "bar",
    [JD_CHART_BAR_STACKED] = "bar-stacked",
    [JD_CHART_HBAR] = "hbar",
    [JD_CHART_HBAR_STACKED] = "hbar-stacked",
    [JD_CHART_LINE] = "line",
    [JD_CHART_DONUT] = "donut",
    [JD_CHART_SPARKLINE] = "sparkline",
    [JD_CHART_KPI] = "kpi",
    [JD_CHART_HEAT_TABLE] = "heat-table",
    [JD_CHART_TABLE] = "table",
  };

  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (names), NULL);

  return names[type];
}

/* What a chart needs, as --list writes it: "period,comparisons,months" */
char *
jd_chart_needs_to_string (JdChartNeeds needs)
{
  static const char * const names[] = { "period", "comparisons", "months", "agencies" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (needs & (1 << i))
      g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "", names[i]);

  return g_string_free (out, FALSE);
}

/**
 * jd_dashboard_chart_new:
 * @name: one of jd_dashboard_charts()
 * @period: the period the chart is about; trends end with it
 *
 * Returns: (transfer full): the chart, filled from @store, or %NULL with
 *   @error set
 */
JdChart *
jd_dashboard_chart_new (JdStore         *store,
                        const char      *name,
                        const JdPeriod  *period,
                        const JdFilter  *filter,
                        GError         **error)
{
  g_autoptr(JdChartInputs) inputs = NULL;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  inputs = jd_chart_inputs_new (store, period, filter);
  return jd_dashboard_chart_new_from (inputs, name, error);
}

/**
 * jd_dashboard_chart_new_from:
 * @inputs: the period, the filter and what is read of them, shared by the
 *   charts of a page
 * @name: one of jd_dashboard_charts()
 *
 * As jd_dashboard_chart_new(), reading what no chart built from @inputs
 * has read yet.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
JdChart *
jd_dashboard_chart_new_from (JdChartInputs  *inputs,
                             const char     *name,
                             GError        **error)
{
  const JdDashboardChartInfo *info;

  g_return_val_if_fail (inputs != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  info = jd_dashboard_chart_info (name);
  if (info == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no chart called “%s”"), name);
      return NULL;
    }

  if (info->build_from != NULL)
    return info->build_from (inputs, info, error);

  return info->build (jd_chart_inputs_get_store (inputs), info, jd_chart_inputs_get_period (inputs),
                      jd_chart_inputs_get_filter (inputs), error);
}

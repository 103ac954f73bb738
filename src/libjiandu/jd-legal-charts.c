/* jd-legal-charts.c — the catalog's charts of lawsuits, leniency and reviews
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Builders behind rows of the chart catalog (jd-dashboard-charts.c) for
 * the lawsuits, leniency and reviews pages.  Every figure comes from
 * jd-metrics or jd-leniency, as the command line's do. */

#define G_LOG_DOMAIN "jd-legal-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-dashboard-charts-cases-private.h"
#include "jd-leniency.h"
#include "jd-legal-charts-private.h"
#include "jd-settings.h"

#define N_MONTHS 12
#define N_QUARTERS 8

/* "Lawsuit outcomes, September 2026" */
static char *
period_title (const JdDashboardChartInfo *info,
              const JdPeriod             *period)
{
  g_autofree char *when = jd_period_format (period);

  /* Translators: a chart's title and its period, "诉讼结果，2026年9月" */
  return g_strdup_printf (_("%s, %s"), _(info->title), when);
}

/* Monthly */

typedef struct
{
  JdMetricsParts parts;         /* what its figures are made of */
  JdPeriodKind   by;            /* a point a month or a quarter */
  JdChartFormat  format;
  int            labels_from;   /* a JdEnum naming the series, or -1 */
  guint          skip;          /* of that enum's first values */
  guint          n_series;
  const char    *labels[2];     /* translatable, when labels_from is -1 */
} MonthlySpec;

static const MonthlySpec monthly_specs[] = {
  [JD_LEGAL_MONTHLY_LAWSUIT_RATES] = { JD_METRICS_PART_LAWSUITS, JD_PERIOD_MONTH, JD_CHART_FORMAT_PERCENT, -1, 0, 2,
                                       { N_("Withdrawal rate"), N_("Head-appearance rate") } },
  [JD_LEGAL_MONTHLY_CORRECTION_RATE] = { JD_METRICS_PART_RECONSIDERATIONS, JD_PERIOD_MONTH, JD_CHART_FORMAT_PERCENT, -1, 0, 1, { N_("Correction rate") } },
  [JD_LEGAL_MONTHLY_LENIENCY_CASES] = { JD_METRICS_PART_CASES, JD_PERIOD_MONTH, JD_CHART_FORMAT_COUNT, JD_ENUM_LENIENCY, 1, 4 },
  [JD_LEGAL_MONTHLY_EXEMPTED] = { JD_METRICS_PART_CASES, JD_PERIOD_MONTH, JD_CHART_FORMAT_YUAN, -1, 0, 1, { N_("Exempted amount") } },
  [JD_LEGAL_MONTHLY_LENIENCY_SHARE] = { JD_METRICS_PART_CASES, JD_PERIOD_MONTH, JD_CHART_FORMAT_PERCENT, -1, 0, 1, { N_("Share of penalty cases") } },
  /* Reviews come in campaigns, often one a quarter: a point a quarter */
  [JD_LEGAL_MONTHLY_REVIEW_PASS_RATE] = { JD_METRICS_PART_REVIEWS, JD_PERIOD_QUARTER, JD_CHART_FORMAT_PERCENT, -1, 0, 1, { N_("Pass rate") } },
  [JD_LEGAL_MONTHLY_REVIEW_GRADES] = { JD_METRICS_PART_REVIEWS, JD_PERIOD_QUARTER, JD_CHART_FORMAT_COUNT, JD_ENUM_GRADE, 0, 4 },
  [JD_LEGAL_MONTHLY_REVIEW_SCORE] = { JD_METRICS_PART_REVIEWS, JD_PERIOD_QUARTER, JD_CHART_FORMAT_DECIMAL, -1, 0, 1, { N_("Mean score") } },
};

/* Series @s of @variant in the figures of one month */
static double
monthly_figure (JdLegalMonthly   variant,
                const JdMetrics *m,
                guint            s)
{
  switch (variant)
    {
    case JD_LEGAL_MONTHLY_LAWSUIT_RATES:
      return jd_ratio_rate (s == 0 ? m->lawsuits.withdrawal : m->lawsuits.head_appearance);
    case JD_LEGAL_MONTHLY_CORRECTION_RATE:
      return jd_ratio_rate (m->reconsiderations.correction);
    case JD_LEGAL_MONTHLY_LENIENCY_CASES:
      return m->leniency.cases_by_kind[s];
    case JD_LEGAL_MONTHLY_EXEMPTED:
      return m->leniency.exempted_fen / 100.0;
    case JD_LEGAL_MONTHLY_LENIENCY_SHARE:
      return jd_ratio_rate (m->leniency.share_of_penalty_cases);
    case JD_LEGAL_MONTHLY_REVIEW_PASS_RATE:
      return jd_ratio_rate (m->reviews.pass);
    case JD_LEGAL_MONTHLY_REVIEW_GRADES:
      return m->reviews.by_grade[s];
    case JD_LEGAL_MONTHLY_REVIEW_SCORE:
      return m->reviews.mean_score;
    default:
      g_assert_not_reached ();
    }
}

/**
 * _jd_legal_chart_monthly:
 *
 * One of #JdLegalMonthly (the row's variant) for the twelve months (or
 * eight quarters) up to the end of @period, drawn as the row's type says.
 */
JdChart *
_jd_legal_chart_monthly (JdChartInputs              *inputs,
                         const JdDashboardChartInfo *info,
                         GError                    **error)
{
  const MonthlySpec *spec = &monthly_specs[info->variant];
  int last = jd_period_last_month (jd_chart_inputs_get_period (inputs));
  int first = spec->by == JD_PERIOD_QUARTER ? jd_month_add (last, -(3 * N_QUARTERS - 1))
                                            : jd_month_add (last, -(N_MONTHS - 1));
  g_autoptr(GPtrArray) series = jd_chart_inputs_series (inputs, spec->by, first, spec->parts, error);
  const JdEnumValue *names = NULL;
  JdChart *chart;

  if (series == NULL)
    return NULL;

  if (spec->labels_from >= 0)
    names = jd_enum_values (spec->labels_from, NULL);

  chart = jd_chart_new (info->type);
  jd_chart_set_title (chart, _(info->title));
  jd_chart_set_format (chart, spec->format);
  jd_chart_set_time_axis (chart, spec->by == JD_PERIOD_QUARTER ? JD_CHART_AXIS_QUARTER : JD_CHART_AXIS_MONTH,
                          first, series->len);
  for (guint s = 0; s < spec->n_series; s++)
    {
      g_autofree double *values = g_new (double, MAX (series->len, 1));

      for (guint i = 0; i < series->len; i++)
        values[i] = monthly_figure (info->variant, g_ptr_array_index (series, i), s);
      jd_chart_add_series (chart, names != NULL ? _(names[s + spec->skip].label) : _(spec->labels[s]),
                           values, series->len);
    }

  return chart;
}

/* Breakdowns of the period */

/* The counts of @variant in @m, in the order of its enum from @skip on */
static const gint64 *
breakdown_counts (JdLegalBreakdown  variant,
                  const JdMetrics  *m,
                  JdEnum           *which,
                  guint            *skip)
{
  switch (variant)
    {
    case JD_LEGAL_BREAKDOWN_LAWSUIT_OUTCOMES:
      *which = JD_ENUM_LAWSUIT_OUTCOME;
      *skip = 1;   /* pending: not concluded */
      return m->lawsuits.by_outcome;
    case JD_LEGAL_BREAKDOWN_RECONSIDERATION_OUTCOMES:
      *which = JD_ENUM_RECONSIDERATION_OUTCOME;
      *skip = 1;
      return m->reconsiderations.by_outcome;
    case JD_LEGAL_BREAKDOWN_ITEMS_BY_KIND:
      *which = JD_ENUM_LENIENCY_ITEM_KIND;
      *skip = 0;
      return m->leniency.items_by_kind;
    case JD_LEGAL_BREAKDOWN_REVIEW_GRADES:
      *which = JD_ENUM_GRADE;
      *skip = 0;
      return m->reviews.by_grade;
    default:
      g_assert_not_reached ();
    }
}

/**
 * _jd_legal_chart_breakdown:
 *
 * The period's counts by outcome, kind or grade (a #JdLegalBreakdown), as
 * bars or a donut.
 */
JdChart *
_jd_legal_chart_breakdown (JdChartInputs              *inputs,
                           const JdDashboardChartInfo *info,
                           GError                    **error)
{
  const JdMetrics *m = jd_chart_inputs_metrics (inputs, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree double *values = NULL;
  g_autofree char *title = NULL;
  const JdEnumValue *enum_values;
  const gint64 *counts;
  guint n_values, skip;
  JdEnum which;

  if (m == NULL)
    return NULL;

  counts = breakdown_counts (info->variant, m, &which, &skip);
  enum_values = jd_enum_values (which, &n_values);
  values = g_new (double, n_values);
  for (guint i = skip; i < n_values; i++)
    {
      g_ptr_array_add (names, (gpointer)_(enum_values[i].label));
      values[i - skip] = counts[i];
    }

  title = period_title (info, jd_chart_inputs_get_period (inputs));
  return _jd_category_chart (info, title, names, values, _(info->title));
}

/* Items of the leniency list */

/**
 * _jd_legal_chart_items:
 *
 * The items of the leniency list in force at the period's end, by domain
 * or by the agency that published them (a #JdLegalItems).
 */
JdChart *
_jd_legal_chart_items (JdChartInputs              *inputs,
                       const JdDashboardChartInfo *info,
                       GError                    **error)
{
  const JdLeniencyItems *items = jd_chart_inputs_leniency_items (inputs, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree double *values = NULL;
  g_autofree char *title = NULL;
  GPtrArray *counts;

  if (items == NULL)
    return NULL;

  counts = info->variant == JD_LEGAL_ITEMS_BY_DOMAIN ? items->by_domain : items->by_agency;
  values = g_new (double, MAX (counts->len, 1));
  for (guint i = 0; i < counts->len; i++)
    {
      const JdLeniencyCount *count = g_ptr_array_index (counts, i);

      g_ptr_array_add (names, count->label);
      values[i] = count->count;
    }

  title = period_title (info, jd_chart_inputs_get_period (inputs));
  return _jd_category_chart (info, title, names, values, _("Items in force"));
}

/* Reviews by agency */

/**
 * _jd_legal_review_ranking:
 *
 * The agencies by case-file review pass rate, the best first, under the
 * minimum-denominator rule of the setting rank_min_total: the bars of
 * review-agencies, and the rows a click on one of them opens.
 *
 * Returns: (transfer full): the ranking, or %NULL with @error set
 */
JdRanking *
_jd_legal_review_ranking (JdChartInputs  *inputs,
                          GError        **error)
{
  gint64 min_total = (gint64)jd_settings_get_double (jd_chart_inputs_get_store (inputs), "rank_min_total");
  g_autoptr(GPtrArray) slices = jd_chart_inputs_agencies (inputs, error);

  if (slices == NULL)
    return NULL;

  return jd_metrics_rank_slices (slices, JD_MEASURE_REVIEW_PASS_RATE, min_total, FALSE);
}

/**
 * _jd_legal_chart_review_agencies:
 *
 * Each agency's case-file review pass rate, the best first, under the
 * minimum-denominator rule of the setting rank_min_total.
 */
JdChart *
_jd_legal_chart_review_agencies (JdChartInputs              *inputs,
                                 const JdDashboardChartInfo *info,
                                 GError                    **error)
{
  g_autoptr(JdRanking) ranking = _jd_legal_review_ranking (inputs, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree double *values = NULL;
  g_autofree char *title = NULL;
  JdChart *chart;

  if (ranking == NULL)
    return NULL;

  values = g_new (double, MAX (ranking->rows->len, 1));
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const JdRankRow *row = g_ptr_array_index (ranking->rows, i);

      g_ptr_array_add (names, row->name);
      values[i] = row->value;
    }

  title = period_title (info, jd_chart_inputs_get_period (inputs));
  chart = _jd_category_chart (info, title, names, values, _("Pass rate"));
  jd_chart_set_format (chart, JD_CHART_FORMAT_PERCENT);

  return chart;
}

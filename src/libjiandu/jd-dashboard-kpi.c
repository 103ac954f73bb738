/* jd-dashboard-kpi.c — the headline figures (KPI cards) of the chart catalog
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one KPI card the window, the command line, print and the slides
 * draw: its title, value, unit, the line under it, 同比, 环比 and the
 * sparkline of the months up to the period.
 */

#define G_LOG_DOMAIN "jd-dashboard-kpi"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-dashboard-kpi-private.h"
#include "jd-format.h"
#include "jd-overview.h"

/* What a period after the data is compared with: no figures, so no change. */
static const JdMetrics no_figures = { 0 };

/* @kpi's figure in @m, for the sparkline under its card */
static double
kpi_figure (JdKpi            kpi,
            const JdMetrics *m)
{
  switch (kpi)
    {
    case JD_KPI_CASES_DECIDED:
      return m->cases.decided;
    case JD_KPI_COMPLAINTS_RECEIVED:
      return m->complaints.received;
    case JD_KPI_LOSS_RATE:
      return jd_ratio_rate (m->lawsuits.loss);
    case JD_KPI_CORRECTION_RATE:
      return jd_ratio_rate (m->reconsiderations.correction);
    case JD_KPI_LENIENCY_CASES:
      return m->leniency.cases;
    case JD_KPI_REVIEW_PASS_RATE:
      return jd_ratio_rate (m->reviews.pass);
    case JD_N_KPIS:
    default:
      g_assert_not_reached ();
    }
}

/* Whether @kpi is a rate (drawn as a percentage, compared in points). */
gboolean
jd_kpi_is_rate (JdKpi kpi)
{
  return kpi == JD_KPI_LOSS_RATE || kpi == JD_KPI_CORRECTION_RATE || kpi == JD_KPI_REVIEW_PASS_RATE;
}

/* A count with 同比 and 环比 as relative changes. */
static void
set_count_kpi (JdChart         *chart,
               gint64           now,
               gint64           previous,
               gint64           year_earlier,
               const char      *unit,
               JdChartPolarity  polarity)
{
  jd_chart_set_kpi (chart, now, unit, JD_CHART_CHANGE_RELATIVE, polarity,
                    jd_change_ratio (now, year_earlier), jd_change_ratio (now, previous));
}

/* A rate with 同比 and 环比 in percentage points. */
static void
set_rate_kpi (JdChart         *chart,
              JdRatio          now,
              JdRatio          previous,
              JdRatio          year_earlier,
              JdChartPolarity  polarity)
{
  double rate = jd_ratio_rate (now);

  jd_chart_set_format (chart, JD_CHART_FORMAT_PERCENT);
  jd_chart_set_kpi (chart, rate, NULL, JD_CHART_CHANGE_POINTS, polarity,
                    rate - jd_ratio_rate (year_earlier), rate - jd_ratio_rate (previous));
}

/**
 * jd_dashboard_kpi_new:
 * @current: the period's figures
 * @previous: the period before's (环比)
 * @year_earlier: the same period a year before's (同比)
 * @months: (nullable) (element-type JdMetrics): one a month from
 *   @first_month, drawn as a sparkline under the figure
 *
 * The one KPI card the window, the command line and print all draw: its
 * title, value, unit, the line under it, 同比 and 环比.
 *
 * Returns: (transfer full): a %JD_CHART_KPI chart
 */
JdChart *
jd_dashboard_kpi_new (JdKpi            kpi,
                      const JdMetrics *current,
                      const JdMetrics *previous,
                      const JdMetrics *year_earlier,
                      const GPtrArray *months,
                      int              first_month)
{
  const JdDashboardChartInfo *info = jd_dashboard_kpi_info (kpi);
  g_autofree char *note = NULL;
  JdChart *chart;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (current != NULL && previous != NULL && year_earlier != NULL, NULL);

  chart = jd_chart_new (JD_CHART_KPI);
  jd_chart_set_title (chart, _(info->title));

  if (months != NULL && months->len > 0)
    {
      g_autofree double *values = g_new (double, months->len);

      for (guint i = 0; i < months->len; i++)
        values[i] = kpi_figure (kpi, g_ptr_array_index ((GPtrArray *) months, i));
      jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, first_month, months->len);
      jd_chart_add_series (chart, NULL, values, months->len);
    }

  switch (kpi)
    {
    case JD_KPI_CASES_DECIDED:
      {
        g_autofree char *fines = jd_format_yuan (current->cases.fines_fen);

        /* Translators: the unit of a count of cases, "件" */
        set_count_kpi (chart, current->cases.decided, previous->cases.decided, year_earlier->cases.decided,
                       C_("unit", "cases"), JD_CHART_POLARITY_NEUTRAL);
        note = g_strdup_printf (_("Fines and confiscations: %s"), fines);
      }
      break;

    case JD_KPI_COMPLAINTS_RECEIVED:
      {
        g_autofree char *closing = jd_format_rate (jd_ratio_rate (current->complaints.closing));

        /* Translators: the unit of a count of complaints, "件" */
        set_count_kpi (chart, current->complaints.received, previous->complaints.received,
                       year_earlier->complaints.received, C_("unit", "complaints"), JD_CHART_POLARITY_UP_IS_BAD);
        note = g_strdup_printf (_("Closing rate: %s"), closing);
      }
      break;

    case JD_KPI_LOSS_RATE:
      {
        g_autofree char *lost = jd_format_count (current->lawsuits.loss.count);
        g_autofree char *concluded = jd_format_count (current->lawsuits.loss.total);

        set_rate_kpi (chart, current->lawsuits.loss, previous->lawsuits.loss, year_earlier->lawsuits.loss,
                      JD_CHART_POLARITY_UP_IS_BAD);
        /* Translators: under the loss rate, e.g. "3 lost of 41 concluded" */
        note = g_strdup_printf (_("%s lost of %s concluded"), lost, concluded);
      }
      break;

    case JD_KPI_CORRECTION_RATE:
      {
        g_autofree char *corrected = jd_format_count (current->reconsiderations.correction.count);
        g_autofree char *decided = jd_format_count (current->reconsiderations.correction.total);

        set_rate_kpi (chart, current->reconsiderations.correction, previous->reconsiderations.correction,
                      year_earlier->reconsiderations.correction, JD_CHART_POLARITY_UP_IS_BAD);
        /* Translators: under the reconsideration correction rate, "2 corrected of 30 decided" */
        note = g_strdup_printf (_("%s corrected of %s decided"), corrected, decided);
      }
      break;

    case JD_KPI_LENIENCY_CASES:
      {
        g_autofree char *exempted = jd_format_yuan (current->leniency.exempted_fen);

        /* Translators: the unit of a count of cases, "件" */
        set_count_kpi (chart, current->leniency.cases, previous->leniency.cases, year_earlier->leniency.cases,
                       C_("unit", "cases"), JD_CHART_POLARITY_NEUTRAL);
        /* Translators: under the leniency cases, the fines not imposed (免罚金额) */
        note = g_strdup_printf (_("Amount exempted: %s"), exempted);
      }
      break;

    case JD_KPI_REVIEW_PASS_RATE:
      {
        g_autofree char *passed = jd_format_count (current->reviews.pass.count);
        g_autofree char *reviewed = jd_format_count (current->reviews.pass.total);

        set_rate_kpi (chart, current->reviews.pass, previous->reviews.pass, year_earlier->reviews.pass,
                      JD_CHART_POLARITY_UP_IS_GOOD);
        /* Translators: under the review pass rate, "28 passed of 30 files reviewed" */
        note = g_strdup_printf (_("%s passed of %s files reviewed"), passed, reviewed);
      }
      break;

    case JD_N_KPIS:
    default:
      g_assert_not_reached ();
    }

  jd_chart_set_kpi_note (chart, note);
  return chart;
}

JdChart *
_jd_dashboard_kpi_build (JdStore                    *store,
                         const JdDashboardChartInfo *info,
                         const JdPeriod             *period,
                         const JdFilter             *filter,
                         GError                    **error)
{
  g_autoptr(JdMetrics) now = jd_metrics_compute (store, period, filter, error);
  g_autoptr(JdMetrics) previous = NULL;
  g_autoptr(JdMetrics) year_earlier = NULL;
  g_autoptr(GPtrArray) trend = NULL;
  JdPeriod covered;
  int first;

  /* 环比 and 同比 of the same months when the data end inside the
   * period; nothing to compare with after the data. */
  if (now == NULL || !jd_metrics_compare (store, now, filter, &previous, &year_earlier, error))
    return NULL;

  /* the twelve months up to the period's end (or the data's, inside
   * it), as a sparkline under it */
  jd_period_cover (period, now->data_end, &covered, NULL, NULL);
  first = jd_month_add (jd_period_last_month (&covered), -11);
  trend = jd_metrics_series_parts (store, filter, JD_PERIOD_MONTH, first, jd_period_last_month (&covered),
                                   JD_KPI_PARTS, error);
  if (trend == NULL)
    return NULL;

  return jd_dashboard_kpi_new (info->variant, now,
                               previous != NULL ? previous : &no_figures,
                               year_earlier != NULL ? year_earlier : &no_figures,
                               trend, first);
}


/* jd-cockpit-legal.c — what the lawsuits, leniency and reviews pages read, GTK-free
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-cockpit"

#include "config.h"

#include "jd-cockpit-legal.h"
#include "jd-dashboard-charts.h"
#include "jd-legal-charts-private.h"

/* Each page's charts, in the order the page lays them out; every one a
 * row of the chart catalog. */
static const char * const lawsuits_charts[] = {
  "loss-rate", "lawsuit-rates", "cases-and-loss-rate", "lawsuit-outcomes",
  "correction-rate", "reconsideration-outcomes", NULL
};

static const char * const leniency_charts[] = {
  "leniency-items-by-kind", "leniency-items-by-domain", "leniency-items-by-agency",
  "leniency-cases-monthly", "exempted-monthly", "leniency-share", NULL
};

static const char * const reviews_charts[] = {
  "review-pass-rate", "review-grades", "review-grades-monthly", "review-score",
  "review-agencies", NULL
};

static const char * const agency_charts[] = {
  "decided-monthly", "loss-rate", "complaint-rates", NULL
};

/**
 * jd_cockpit_page_charts:
 * @page: "lawsuits", "leniency", "reviews" or "agency"
 *
 * Returns: (array zero-terminated=1) (nullable): the names of the catalog's
 *   charts that @page shows, in the order of #JdFiguresData's charts
 */
const char * const *
jd_cockpit_page_charts (const char *page)
{
  if (g_strcmp0 (page, "lawsuits") == 0)
    return lawsuits_charts;
  if (g_strcmp0 (page, "leniency") == 0)
    return leniency_charts;
  if (g_strcmp0 (page, "reviews") == 0)
    return reviews_charts;
  if (g_strcmp0 (page, "agency") == 0)
    return agency_charts;

  return NULL;
}

void
jd_figures_data_free (JdFiguresData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->metrics, jd_metrics_free);
  g_clear_pointer (&data->charts, g_ptr_array_unref);
  g_clear_pointer (&data->items, jd_leniency_items_free);
  g_clear_pointer (&data->ranking, jd_ranking_free);
  g_free (data);
}

/**
 * _jd_cockpit_load_charts:
 * @inputs: what the page reads, shared by its charts
 * @names: (array zero-terminated=1): charts of the catalog
 *
 * Returns: (transfer container) (element-type JdChart): the charts
 *   @names, in their order, or %NULL on error
 */
GPtrArray *
_jd_cockpit_load_charts (JdChartInputs       *inputs,
                         const char * const  *names,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_chart_unref);

  g_return_val_if_fail (names != NULL, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      JdChart *chart;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      chart = jd_dashboard_chart_new_from (inputs, names[i], error);
      if (chart == NULL)
        return NULL;
      g_ptr_array_add (charts, chart);
    }

  return g_steal_pointer (&charts);
}

/* The figures and the charts of @page, and, for the leniency and reviews
 * pages, the list's figures and the agencies' ranking */
static gpointer
load_figures (const char      *page,
              JdStore         *store,
              const JdPeriod  *period,
              const JdFilter  *filter,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(JdChartInputs) inputs = jd_chart_inputs_new (store, period, filter);
  g_autoptr(JdFiguresData) data = g_new0 (JdFiguresData, 1);

  data->charts = _jd_cockpit_load_charts (inputs, jd_cockpit_page_charts (page), cancellable, error);
  if (data->charts == NULL)
    return NULL;

  data->metrics = jd_chart_inputs_take_metrics (inputs, error);
  if (data->metrics == NULL)
    return NULL;

  if (g_str_equal (page, "leniency") &&
      (data->items = jd_chart_inputs_take_leniency_items (inputs, error)) == NULL)
    return NULL;

  /* The same ranking as the review-agencies bars, so a bar's index is its
   * agency's row: a click on a bar opens that agency. */
  if (g_str_equal (page, "reviews") &&
      (data->ranking = _jd_legal_review_ranking (inputs, error)) == NULL)
    return NULL;

  return g_steal_pointer (&data);
}

gpointer
_jd_cockpit_load_lawsuits (JdStore         *store,
                           const JdPeriod  *period,
                           const JdFilter  *filter,
                           GCancellable    *cancellable,
                           GError         **error)
{
  return load_figures ("lawsuits", store, period, filter, cancellable, error);
}

gpointer
_jd_cockpit_load_leniency (JdStore         *store,
                           const JdPeriod  *period,
                           const JdFilter  *filter,
                           GCancellable    *cancellable,
                           GError         **error)
{
  return load_figures ("leniency", store, period, filter, cancellable, error);
}

gpointer
_jd_cockpit_load_reviews (JdStore         *store,
                          const JdPeriod  *period,
                          const JdFilter  *filter,
                          GCancellable    *cancellable,
                          GError         **error)
{
  return load_figures ("reviews", store, period, filter, cancellable, error);
}

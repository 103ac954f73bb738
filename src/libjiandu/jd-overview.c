/* jd-overview.c — everything the overview dashboard shows for one period
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-overview"

#include "config.h"

#include <math.h>

#include "jd-dashboard-charts.h"
#include "jd-overview.h"
#include "jd-warnings.h"

typedef struct
{
  JdPeriod period;
  JdFilter filter;
} LoadData;

static void
load_data_free (LoadData *data)
{
  jd_filter_clear (&data->filter);
  g_free (data);
}

/**
 * jd_change_ratio:
 *
 * Returns: the relative change from @before to @current (0.25 for +25%), or
 *   NaN when there is nothing to compare with
 */
double
jd_change_ratio (gint64 current,
                 gint64 before)
{
  if (before == 0)
    return NAN;

  return ((double)current - (double)before) / (double)before;
}

static gboolean
fill_series (JdStore        *store,
             const JdFilter *filter,
             int             first_month,
             double         *out,
             GError        **error)
{
  g_autoptr(GArray) values = NULL;

  values = jd_metrics_monthly_decided (store, filter, first_month,
                                       jd_month_add (first_month, JD_OVERVIEW_MONTHS - 1),
                                       error);
  if (values == NULL)
    return FALSE;

  g_assert (values->len == JD_OVERVIEW_MONTHS);
  for (guint i = 0; i < values->len; i++)
    out[i] = g_array_index (values, gint64, i);

  return TRUE;
}

/**
 * jd_overview_load:
 * @filter: (nullable): which agencies and domains count
 *
 * Reads everything the overview shows for @period.  Blocks on the
 * database: call it from a worker, or use jd_overview_load_async().
 *
 * Returns: (transfer full): the overview, or %NULL with @error set
 */
JdOverview *
jd_overview_load (JdStore         *store,
                  const JdPeriod  *period,
                  const JdFilter  *filter,
                  GError         **error)
{
  g_autoptr(JdOverview) self = NULL;
  JdPeriod covered;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  self = g_new0 (JdOverview, 1);
  self->period = *period;

  self->current = jd_metrics_compute (store, period, filter, error);
  if (self->current == NULL)
    return NULL;

  if (!jd_metrics_compare (store, self->current, filter, &self->previous, &self->year_earlier, error))
    return NULL;

  /* The trend ends where the figures do: with the data's last month when
   * they end inside the period. */
  jd_period_cover (period, self->current->data_end, &covered, NULL, NULL);
  self->first_month = jd_month_add (jd_period_last_month (&covered), 1 - JD_OVERVIEW_MONTHS);
  if (!fill_series (store, filter, self->first_month, self->decided, error) ||
      !fill_series (store, filter, jd_month_add (self->first_month, -12),
                    self->decided_year_earlier, error))
    return NULL;

  self->first_spark_month = jd_month_add (jd_period_last_month (&covered), 1 - JD_OVERVIEW_SPARK_MONTHS);
  self->spark = jd_metrics_series_parts (store, filter, JD_PERIOD_MONTH, self->first_spark_month,
                                         jd_period_last_month (&covered), JD_KPI_PARTS, error);
  if (self->spark == NULL)
    return NULL;

  self->warnings = jd_warnings_compute (store, period, filter, error);
  if (self->warnings == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  JdOverview *overview;

  overview = jd_overview_load (source_object, &data->period, &data->filter, &error);
  if (overview == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, overview, (GDestroyNotify)jd_overview_free);
}

void
jd_overview_load_async (JdStore             *store,
                        const JdPeriod      *period,
                        const JdFilter      *filter,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (JD_IS_STORE (store));
  g_return_if_fail (period != NULL);

  data = g_new0 (LoadData, 1);
  data->period = *period;
  if (filter != NULL)
    {
      data->filter.agency = g_strdup (filter->agency);
      data->filter.domain = g_strdup (filter->domain);
      data->filter.level = g_strdup (filter->level);
      data->filter.region = g_strdup (filter->region);
    }

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_overview_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_thread);
}

JdOverview *
jd_overview_load_finish (JdStore       *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
jd_overview_free (JdOverview *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->current, jd_metrics_free);
  g_clear_pointer (&self->previous, jd_metrics_free);
  g_clear_pointer (&self->year_earlier, jd_metrics_free);
  g_clear_pointer (&self->spark, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

/**
 * jd_overview_kpi_new:
 *
 * The KPI chart of one headline figure of the overview, with its 同比,
 * 环比 and sparkline, as the cockpit, the report and the slides show it;
 * for a period after the data there is nothing to compare with.
 *
 * Returns: (transfer full): a chart of type %JD_CHART_KPI
 */
JdChart *
jd_overview_kpi_new (const JdOverview *self,
                     JdKpi             kpi)
{
  static const JdMetrics nothing = { 0 };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kpi < JD_N_KPIS, NULL);

  return jd_dashboard_kpi_new (kpi, self->current,
                               self->previous != NULL ? self->previous : &nothing,
                               self->year_earlier != NULL ? self->year_earlier : &nothing,
                               self->spark, self->first_spark_month);
}

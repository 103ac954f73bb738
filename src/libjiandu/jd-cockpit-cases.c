/* jd-cockpit-cases.c — what the cases and complaints pages read, GTK-free
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Loaders of rows of jd-cockpit.c's list of pages.  The charts are the
 * catalog's (jd-dashboard-charts.c), so the command line draws the same. */

#define G_LOG_DOMAIN "jd-cockpit"

#include "config.h"

#include "jd-cockpit-cases.h"
#include "jd-dashboard-charts-cases-private.h"
#include "jd-warnings.h"

void
jd_cases_data_free (JdCasesData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->metrics, jd_metrics_free);
  for (guint i = 0; i < G_N_ELEMENTS (data->trend); i++)
    g_clear_pointer (&data->trend[i], jd_chart_unref);
  g_clear_pointer (&data->by_kind, jd_chart_unref);
  g_clear_pointer (&data->by_domain, jd_chart_unref);
  g_clear_pointer (&data->by_level, jd_chart_unref);
  g_clear_pointer (&data->by_region, jd_chart_unref);
  g_clear_pointer (&data->fines, jd_chart_unref);
  g_clear_pointer (&data->unreviewed, g_ptr_array_unref);
  g_free (data);
}

void
jd_complaints_data_free (JdComplaintsData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->metrics, jd_metrics_free);
  g_clear_pointer (&data->by_channel, jd_chart_unref);
  g_clear_pointer (&data->by_category, jd_chart_unref);
  g_clear_pointer (&data->rates, jd_chart_unref);
  g_clear_pointer (&data->overdue, g_ptr_array_unref);
  g_free (data);
}

/* Builds the named charts into @charts, in order; FALSE at the first error */
static gboolean
build_charts (JdStore            *store,
              const JdPeriod     *period,
              const JdFilter     *filter,
              const char * const *names,
              JdChart          ***charts,
              guint               n_charts,
              GError            **error)
{
  for (guint i = 0; i < n_charts; i++)
    {
      *charts[i] = jd_dashboard_chart_new (store, names[i], period, filter, error);
      if (*charts[i] == NULL)
        return FALSE;
    }

  return TRUE;
}

static int
compare_unreviewed (gconstpointer a,
                    gconstpointer b)
{
  const JdSlice *sa = *(JdSlice * const *)a;
  const JdSlice *sb = *(JdSlice * const *)b;
  gint64 na = sa->metrics->cases.major_unreviewed, nb = sb->metrics->cases.major_unreviewed;

  if (na != nb)
    return na > nb ? -1 : 1;
  return g_strcmp0 (sa->key, sb->key);
}

/* The agencies that made 重大执法决定 without 法制审核 in @period */
static GPtrArray *
unreviewed_agencies (JdStore         *store,
                     const JdPeriod  *period,
                     const JdFilter  *filter,
                     GError         **error)
{
  g_autoptr(GPtrArray) slices = jd_metrics_breakdown (store, period, filter, JD_DIMENSION_AGENCY, error);
  GPtrArray *kept;

  if (slices == NULL)
    return NULL;

  kept = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_slice_free);
  g_ptr_array_set_free_func (slices, NULL);
  for (guint i = 0; i < slices->len; i++)
    {
      JdSlice *slice = g_ptr_array_index (slices, i);

      if (slice->metrics->cases.major_unreviewed > 0)
        g_ptr_array_add (kept, slice);
      else
        jd_slice_free (slice);
    }
  g_ptr_array_sort (kept, compare_unreviewed);

  return kept;
}

/* The charts over time, from one series of months: the catalog's builders
 * would each read their own. */
static gboolean
build_trends (JdStore         *store,
              const JdPeriod  *period,
              const JdFilter  *filter,
              JdCasesData     *data,
              GError         **error)
{
  const char * const names[] = {
    [JD_PERIOD_MONTH] = "cases-trend-monthly",
    [JD_PERIOD_QUARTER] = "cases-trend-quarterly",
    [JD_PERIOD_YEAR] = "cases-trend-yearly",
  };
  g_autoptr(GPtrArray) months = NULL;
  int first;

  months = _jd_cases_months (store, period, filter, &first, error);
  if (months == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    data->trend[i] = _jd_cases_trend_chart (jd_dashboard_chart_info (names[i]), period, months, first);
  data->fines = _jd_fines_chart (jd_dashboard_chart_info ("fines-monthly"), period, months, first);

  return TRUE;
}

gpointer
_jd_cockpit_load_cases (JdStore         *store,
                        const JdPeriod  *period,
                        const JdFilter  *filter,
                        GCancellable    *cancellable,
                        GError         **error)
{
  JdCasesData *data = g_new0 (JdCasesData, 1);
  const char * const names[] = { "cases-by-kind", "cases-by-domain", "cases-by-level", "cases-by-region" };
  JdChart **charts[] = { &data->by_kind, &data->by_domain, &data->by_level, &data->by_region };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (charts));

  data->metrics = jd_metrics_compute (store, period, filter, error);
  if (data->metrics == NULL ||
      !build_trends (store, period, filter, data, error) ||
      !build_charts (store, period, filter, names, charts, G_N_ELEMENTS (names), error) ||
      (data->unreviewed = unreviewed_agencies (store, period, filter, error)) == NULL)
    {
      jd_cases_data_free (data);
      return NULL;
    }

  return data;
}

gpointer
_jd_cockpit_load_complaints (JdStore         *store,
                             const JdPeriod  *period,
                             const JdFilter  *filter,
                             GCancellable    *cancellable,
                             GError         **error)
{
  JdComplaintsData *data = g_new0 (JdComplaintsData, 1);
  const char * const names[] = { "complaints-by-channel", "complaints-by-category", "complaint-rates" };
  JdChart **charts[] = { &data->by_channel, &data->by_category, &data->rates };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (charts));

  data->metrics = jd_metrics_compute (store, period, filter, error);
  if (data->metrics == NULL ||
      !build_charts (store, period, filter, names, charts, G_N_ELEMENTS (names), error) ||
      (data->overdue = jd_warnings_overdue_complaints (store, period, filter, error)) == NULL)
    {
      jd_complaints_data_free (data);
      return NULL;
    }

  return data;
}

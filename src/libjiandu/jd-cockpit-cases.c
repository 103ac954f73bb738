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
#include "jd-cockpit-legal.h"
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

/* Builds the charts @names from @inputs into the @slots, in order */
static gboolean
build_charts (JdChartInputs       *inputs,
              const char * const  *names,
              JdChart           ***slots,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr(GPtrArray) charts = _jd_cockpit_load_charts (inputs, names, cancellable, error);

  if (charts == NULL)
    return FALSE;

  for (guint i = 0; i < charts->len; i++)
    *slots[i] = g_ptr_array_index (charts, i);
  g_ptr_array_set_free_func (charts, NULL);

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
  g_autoptr(GPtrArray) slices = jd_metrics_breakdown_parts (store, period, filter, JD_DIMENSION_AGENCY,
                                                            JD_METRICS_PART_CASES, error);
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

gpointer
_jd_cockpit_load_cases (JdStore         *store,
                        const JdPeriod  *period,
                        const JdFilter  *filter,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(JdChartInputs) inputs = jd_chart_inputs_new (store, period, filter);
  JdCasesData *data = g_new0 (JdCasesData, 1);
  /* The trends and the fines come from one run of months */
  const char * const names[] = {
    "cases-trend-monthly", "cases-trend-quarterly", "cases-trend-yearly", "fines-monthly",
    "cases-by-kind", "cases-by-domain", "cases-by-level", "cases-by-region", NULL
  };
  JdChart **slots[] = {
    &data->trend[JD_PERIOD_MONTH], &data->trend[JD_PERIOD_QUARTER], &data->trend[JD_PERIOD_YEAR], &data->fines,
    &data->by_kind, &data->by_domain, &data->by_level, &data->by_region
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (slots) + 1);

  if (!build_charts (inputs, names, slots, cancellable, error) ||
      (data->metrics = jd_chart_inputs_take_metrics (inputs, error)) == NULL ||
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
  g_autoptr(JdChartInputs) inputs = jd_chart_inputs_new (store, period, filter);
  JdComplaintsData *data = g_new0 (JdComplaintsData, 1);
  const char * const names[] = { "complaints-by-channel", "complaints-by-category", "complaint-rates", NULL };
  JdChart **slots[] = { &data->by_channel, &data->by_category, &data->rates };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (slots) + 1);

  if (!build_charts (inputs, names, slots, cancellable, error) ||
      (data->metrics = jd_chart_inputs_take_metrics (inputs, error)) == NULL ||
      (data->overdue = jd_warnings_overdue_complaints (store, period, filter, error)) == NULL)
    {
      jd_complaints_data_free (data);
      return NULL;
    }

  return data;
}

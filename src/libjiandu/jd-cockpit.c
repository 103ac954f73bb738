/* jd-cockpit.c — what each page of the cockpit reads, GTK-free
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-cockpit"

#include "config.h"

#include "jd-cockpit.h"
#include "jd-dashboard-charts.h"
#include "jd-overview.h"
#include "jd-settings.h"
#include "jd-warnings.h"

/* One list of the pages' loaders, so that the app's pages and `jiandu-cli
 * bench --pages` read exactly the same figures the same way. */

void
jd_agencies_data_free (JdAgenciesData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->slices, g_ptr_array_unref);
  g_clear_pointer (&data->heat, jd_chart_unref);
  g_free (data);
}

static gpointer
load_overview (JdStore         *store,
               const JdPeriod  *period,
               const JdFilter  *filter,
               GCancellable    *cancellable,
               GError         **error)
{
  return jd_overview_load (store, period, filter, error);
}

static gpointer
load_agencies (JdStore         *store,
               const JdPeriod  *period,
               const JdFilter  *filter,
               GCancellable    *cancellable,
               GError         **error)
{
  JdAgenciesData *data = g_new0 (JdAgenciesData, 1);

  data->slices = jd_metrics_breakdown (store, period, filter, JD_DIMENSION_AGENCY, error);
  if (data->slices == NULL)
    goto failed;

  data->min_total = (gint64)jd_settings_get_double (store, "rank_min_total");
  data->heat = jd_dashboard_chart_new (store, "agency-heat", period, filter, error);
  if (data->heat == NULL)
    goto failed;

  return data;

failed:
  jd_agencies_data_free (data);
  return NULL;
}

static gpointer
load_warnings (JdStore         *store,
               const JdPeriod  *period,
               const JdFilter  *filter,
               GCancellable    *cancellable,
               GError         **error)
{
  return jd_warnings_compute (store, period, filter, error);
}

static const JdCockpitPageInfo pages[] = {
  { "overview", load_overview, (GDestroyNotify)jd_overview_free },
  { "agencies", load_agencies, (GDestroyNotify)jd_agencies_data_free },
  { "warnings", load_warnings, (GDestroyNotify)g_ptr_array_unref },
};

const JdCockpitPageInfo *
jd_cockpit_pages (guint *n_pages)
{
  if (n_pages != NULL)
    *n_pages = G_N_ELEMENTS (pages);

  return pages;
}

/* Returns: (nullable): the page called @name */
const JdCockpitPageInfo *
jd_cockpit_page (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, name))
      return &pages[i];

  return NULL;
}

/* jd-cockpit.c — what each page of the cockpit reads, GTK-free
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-cockpit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-cockpit.h"
#include "jd-cockpit-agency.h"
#include "jd-cockpit-cases.h"
#include "jd-cockpit-legal.h"
#include "jd-dashboard-charts.h"
#include "jd-overview.h"
#include "jd-settings.h"
#include "jd-store-private.h"
#include "jd-warnings.h"

/* One list of the pages' loaders, so that the app's pages and `jiandu-cli
 * bench-pages` read exactly the same figures the same way. */

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

static void
filter_choice_free (JdFilterChoice *choice)
{
  g_free (choice->code);
  g_free (choice->name);
  g_free (choice->level);
  g_free (choice->region);
  g_free (choice);
}

static GPtrArray *
read_choices (JdDb        *db,
              const char  *sql,
              GError     **error)
{
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (db, sql, error);
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify)filter_choice_free);
  JdDbStep step;

  if (stmt == NULL)
    return NULL;

  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      JdFilterChoice *choice = g_new0 (JdFilterChoice, 1);

      choice->code = g_strdup (_jd_db_column_text (stmt, 0));
      choice->name = g_strdup (_jd_db_column_text (stmt, 1));
      choice->level = g_strdup (_jd_db_column_text (stmt, 2));
      choice->region = g_strdup (_jd_db_column_text (stmt, 3));
      g_ptr_array_add (choices, choice);
    }

  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not read the database"));
      return NULL;
    }

  return g_steal_pointer (&choices);
}

/**
 * jd_filter_choices_load:
 *
 * Reads what the filter bar offers: the agencies, the domains and the
 * regions of this database.  Call it from a worker.
 */
JdFilterChoices *
jd_filter_choices_load (JdStore  *store,
                        GError  **error)
{
  g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (store);
  g_autoptr(JdFilterChoices) choices = g_new0 (JdFilterChoices, 1);
  g_autoptr(GStrvBuilder) regions = g_strv_builder_new ();
  JdDb *db = _jd_store_get_conn (store);

  /* Agencies without a region first, as SQLite sorts a NULL and
   * PostgreSQL would not; of the same name, by code. */
  choices->agencies = read_choices (db,
                                    "SELECT code, name, level, region FROM agencies"
                                    " ORDER BY CASE level WHEN 'city' THEN 0 WHEN 'county' THEN 1 ELSE 2 END,"
                                    "          region IS NULL DESC, region, name, code",
                                    error);
  if (choices->agencies == NULL)
    return NULL;

  choices->domains = read_choices (db, "SELECT code, name, NULL, NULL FROM domains ORDER BY code", error);
  if (choices->domains == NULL)
    return NULL;

  {
    g_autoptr(GPtrArray) names = read_choices (db,
                                               "SELECT DISTINCT region, region, NULL, NULL FROM agencies"
                                               " WHERE region IS NOT NULL AND region <> '' ORDER BY region",
                                               error);
    if (names == NULL)
      return NULL;
    for (guint i = 0; i < names->len; i++)
      g_strv_builder_add (regions, ((JdFilterChoice *)names->pdata[i])->code);
  }
  choices->regions = g_strv_builder_end (regions);

  return g_steal_pointer (&choices);
}

void
jd_filter_choices_free (JdFilterChoices *choices)
{
  if (choices == NULL)
    return;

  g_clear_pointer (&choices->agencies, g_ptr_array_unref);
  g_clear_pointer (&choices->domains, g_ptr_array_unref);
  g_clear_pointer (&choices->regions, g_strfreev);
  g_free (choices);
}

static const JdCockpitPageInfo pages[] = {
  { "overview", load_overview, (GDestroyNotify)jd_overview_free },
  { "agencies", load_agencies, (GDestroyNotify)jd_agencies_data_free },
  { "warnings", load_warnings, (GDestroyNotify)g_ptr_array_unref },
  { "cases", _jd_cockpit_load_cases, (GDestroyNotify)jd_cases_data_free },
  { "complaints", _jd_cockpit_load_complaints, (GDestroyNotify)jd_complaints_data_free },
  { "lawsuits", _jd_cockpit_load_lawsuits, (GDestroyNotify)jd_figures_data_free },
  { "leniency", _jd_cockpit_load_leniency, (GDestroyNotify)jd_figures_data_free },
  { "reviews", _jd_cockpit_load_reviews, (GDestroyNotify)jd_figures_data_free },
  { "agency", _jd_cockpit_load_agency, (GDestroyNotify)jd_agency_profile_free, TRUE },
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

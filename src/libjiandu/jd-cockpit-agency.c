/* jd-cockpit-agency.c — what the agency profile (一单位一档) reads, GTK-free
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-cockpit"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-cockpit-agency.h"
#include "jd-cockpit-legal.h"
#include "jd-settings.h"
#include "jd-store-private.h"

/* The profile is the overview narrowed to one agency, its trends, and
 * where it stands among the agencies of its own level: a county bureau is
 * measured against county bureaus, never against the city's. */

void
jd_agency_profile_free (JdAgencyProfile *profile)
{
  if (profile == NULL)
    return;

  g_free (profile->code);
  g_free (profile->name);
  g_free (profile->level);
  g_free (profile->region);
  g_clear_pointer (&profile->overview, jd_overview_free);
  g_clear_pointer (&profile->charts, g_ptr_array_unref);
  g_free (profile);
}

/* The agency @code_or_name names: its code, name, level and region. */
static gboolean
read_agency (JdStore          *store,
             const char       *code_or_name,
             JdAgencyProfile  *profile,
             GError          **error)
{
  g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (store);
  g_autoptr(JdDbStmt) stmt = NULL;
  JdDbStep step;

  /* As the metrics' filter finds it: a code before a name, then the first added. */
  stmt = _jd_db_prepare (_jd_store_get_conn (store),
                         "SELECT code, name, level, region FROM agencies"
                         " WHERE code = ?1 OR name = ?1 ORDER BY CASE WHEN code = ?1 THEN 0 ELSE 1 END, id LIMIT 1",
                         error);
  if (stmt == NULL)
    return FALSE;

  _jd_db_bind_text (stmt, 1, code_or_name);
  step = _jd_db_step (stmt, error);
  if (step == JD_DB_DONE)
    {
      g_set_error (error, JD_METRICS_ERROR, JD_METRICS_ERROR_UNKNOWN_AGENCY,
                   _("There is no agency with the code or name “%s”"), code_or_name);
      return FALSE;
    }
  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not read the database"));
      return FALSE;
    }

  profile->code = g_strdup (_jd_db_column_text (stmt, 0));
  profile->name = g_strdup (_jd_db_column_text (stmt, 1));
  profile->level = g_strdup (_jd_db_column_text (stmt, 2));
  profile->region = g_strdup (_jd_db_column_text (stmt, 3));

  return TRUE;
}

/* Ranks the agency on every measure among the agencies of its level (and
 * of the filter's domain), best first, as `jiandu-cli metrics --rank`. */
static gboolean
rank_agency (JdStore          *store,
             const JdPeriod   *period,
             const JdFilter   *filter,
             JdAgencyProfile  *profile,
             GError          **error)
{
  g_auto(JdFilter) peers = { 0 };
  g_autoptr(GPtrArray) slices = NULL;

  peers.domain = g_strdup (filter->domain);
  peers.level = g_strdup (profile->level);

  slices = jd_metrics_breakdown (store, period, &peers, JD_DIMENSION_AGENCY, error);
  if (slices == NULL)
    return FALSE;

  profile->min_total = (gint64)jd_settings_get_double (store, "rank_min_total");

  for (guint m = 0; m < JD_N_MEASURES; m++)
    {
      const JdMeasureInfo *info = jd_measure_info (m);
      g_autoptr(JdRanking) ranking = jd_metrics_rank_slices (slices, m, profile->min_total, info->better < 0);
      JdAgencyRank *rank = &profile->ranks[m];
      GPtrArray *lists[] = { ranking->rows, ranking->left_out };

      rank->n_ranked = ranking->rows->len;
      rank->value = NAN;
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; i < lists[l]->len; i++)
          {
            const JdRankRow *row = g_ptr_array_index (lists[l], i);

            if (!g_str_equal (row->code, profile->code))
              continue;
            rank->rank = row->rank;   /* 0 in left_out */
            rank->value = row->value;
            rank->total = row->total;
          }
    }

  return TRUE;
}

/**
 * _jd_cockpit_load_agency:
 * @filter: the session's filter with agency set
 *
 * Reads the agency profile of @filter's agency.
 */
gpointer
_jd_cockpit_load_agency (JdStore         *store,
                         const JdPeriod  *period,
                         const JdFilter  *filter,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr(JdAgencyProfile) profile = g_new0 (JdAgencyProfile, 1);

  if (filter->agency == NULL)
    {
      g_set_error (error, JD_METRICS_ERROR, JD_METRICS_ERROR_UNKNOWN_AGENCY,
                   _("The agency profile needs an agency"));
      return NULL;
    }

  if (!read_agency (store, filter->agency, profile, error))
    return NULL;

  profile->overview = jd_overview_load (store, period, filter, error);
  if (profile->overview == NULL)
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  {
    g_autoptr(JdChartInputs) inputs = jd_chart_inputs_new (store, period, filter);

    profile->charts = _jd_cockpit_load_charts (inputs, jd_cockpit_page_charts ("agency"), cancellable, error);
    if (profile->charts == NULL)
      return NULL;
  }

  if (!rank_agency (store, period, filter, profile, error))
    return NULL;

  return g_steal_pointer (&profile);
}

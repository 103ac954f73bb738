/* jd-bench.c — what `jiandu-cli bench` measures against, from the core
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The benchmark's SQL lives here, beside the rest of the SQL, so the
 * command line needs only public headers. */

#define G_LOG_DOMAIN "jd-bench"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-bench.h"
#include "jd-metrics-private.h"
#include "jd-store-private.h"

/* The first column of the first row of @sql, or NULL */
static char *
first_value (JdStore    *store,
             const char *sql)
{
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (_jd_store_get_conn (store), sql, NULL);

  if (stmt != NULL && _jd_db_step (stmt, NULL) == JD_DB_ROW && !_jd_db_column_is_null (stmt, 0))
    return g_strdup (_jd_db_column_text (stmt, 0));

  return NULL;
}

/**
 * jd_bench_filters_init:
 *
 * Fills @filters with all agencies, the biggest agency, the biggest
 * domain, the county level and a region: filters that exist in any
 * database with data.  Free with jd_bench_filters_clear().
 */
void
jd_bench_filters_init (JdStore       *store,
                       JdBenchFilter  filters[JD_BENCH_N_FILTERS])
{
  g_return_if_fail (JD_IS_STORE (store));

  memset (filters, 0, sizeof (JdBenchFilter) * JD_BENCH_N_FILTERS);

  filters[0].name = N_("all agencies");
  filters[1].name = N_("the biggest agency");
  filters[1].value = filters[1].filter.agency =
    first_value (store, "SELECT a.code FROM roll_cases JOIN agencies AS a ON a.id = agency_id"
                        " GROUP BY a.id ORDER BY sum (n) DESC, a.code LIMIT 1");
  filters[2].name = N_("the biggest domain");
  filters[2].value = filters[2].filter.domain =
    first_value (store, "SELECT d.code FROM roll_cases JOIN domains AS d ON d.id = domain_id"
                        " GROUP BY d.id ORDER BY sum (n) DESC, d.code LIMIT 1");
  filters[3].name = N_("county agencies");
  filters[3].value = filters[3].filter.level = g_strdup ("county");
  filters[4].name = N_("one region");
  filters[4].value = filters[4].filter.region =
    first_value (store, "SELECT region FROM agencies WHERE region IS NOT NULL ORDER BY region LIMIT 1");
}

void
jd_bench_filters_clear (JdBenchFilter filters[JD_BENCH_N_FILTERS])
{
  for (guint f = 0; f < JD_BENCH_N_FILTERS; f++)
    {
      jd_filter_clear (&filters[f].filter);
      filters[f].value = NULL;
    }
}

/**
 * jd_bench_totals:
 * @n_cases: (out): decided cases in the database
 * @n_complaints: (out): complaints in the database
 */
gboolean
jd_bench_totals (JdStore  *store,
                 gint64   *n_cases,
                 gint64   *n_complaints,
                 GError  **error)
{
  g_autoptr(JdDbStmt) stmt = NULL;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);

  stmt = _jd_db_prepare (_jd_store_get_conn (store),
                         "SELECT (SELECT coalesce (sum (n), 0) FROM roll_cases),"
                         " (SELECT coalesce (sum (n), 0) FROM roll_complaints)", error);
  if (stmt == NULL)
    return FALSE;
  if (_jd_db_step (stmt, error) != JD_DB_ROW)
    {
      g_prefix_error (error, "%s: ", _("Could not count the rows"));
      return FALSE;
    }

  *n_cases = _jd_db_column_int64 (stmt, 0);
  *n_complaints = _jd_db_column_int64 (stmt, 1);
  return TRUE;
}

JdMetrics *
jd_bench_compute_raw (JdStore         *store,
                      const JdPeriod  *period,
                      const JdFilter  *filter,
                      GError         **error)
{
  return _jd_metrics_compute_raw (store, period, filter, error);
}

GPtrArray *
jd_bench_breakdown_raw (JdStore         *store,
                        const JdPeriod  *period,
                        const JdFilter  *filter,
                        JdDimension      dimension,
                        GError         **error)
{
  return _jd_metrics_breakdown_raw (store, period, filter, dimension, error);
}

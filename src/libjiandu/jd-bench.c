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
  g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (_jd_store_get_db (store), sql, NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return g_strdup ((const char *)sqlite3_column_text (stmt, 0));

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
                        " GROUP BY agency_id ORDER BY sum (n) DESC LIMIT 1");
  filters[2].name = N_("the biggest domain");
  filters[2].value = filters[2].filter.domain =
    first_value (store, "SELECT d.code FROM roll_cases JOIN domains AS d ON d.id = domain_id"
                        " GROUP BY domain_id ORDER BY sum (n) DESC LIMIT 1");
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
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);

  db = _jd_store_get_db (store);
  stmt = _jd_store_prepare (db, "SELECT (SELECT coalesce (sum (n), 0) FROM roll_cases),"
                                " (SELECT coalesce (sum (n), 0) FROM roll_complaints)", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _jd_store_set_error (error, db, sqlite3_errcode (db), _("Could not count the rows"));
      return FALSE;
    }

  *n_cases = sqlite3_column_int64 (stmt, 0);
  *n_complaints = sqlite3_column_int64 (stmt, 1);
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

/* test-rollup.c — the rollup tables give exactly what plain SQL on the raw rows gives
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A property test: on demo databases of several seeds, every metric of
 * every month, quarter and year, under several filters and in every
 * breakdown, is the same from the rollups as from the raw tables; and
 * stays so after raw rows change and the touched months are refreshed.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "jd-demo.h"
#include "jd-metrics-private.h"
#include "jd-rollup-private.h"
#include "jd-store-private.h"
#include "jd-test-metrics.h"
#include "jd-test-util.h"

static char *
make_demo (guint64 seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiandu-rollup-XXXXXX", &error);
  char *path;
  g_autoptr(JdStore) store = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.db", NULL);
  store = jd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_demo_generate (store, seed, 6000, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return path;
}

static void
remove_demo (char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  jd_test_remove_dir (dir);
  g_free (path);
}

static void
assert_period_agrees (JdStore        *store,
                      const JdPeriod *period,
                      const JdFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdMetrics) rolled = jd_metrics_compute (store, period, filter, &error);
  g_autoptr(JdMetrics) raw = NULL;

  g_assert_no_error (error);
  raw = _jd_metrics_compute_raw (store, period, filter, &error);
  g_assert_no_error (error);
  jd_test_assert_metrics_equal (rolled, raw);
}

static void
assert_breakdowns_agree (JdStore        *store,
                         const JdPeriod *period)
{
  for (guint d = 0; d < JD_N_DIMENSIONS; d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rolled = jd_metrics_breakdown (store, period, NULL, d, &error);
      g_autoptr(GPtrArray) raw = NULL;
      gint64 sum = 0;
      g_autoptr(JdMetrics) whole = NULL;

      g_assert_no_error (error);
      raw = _jd_metrics_breakdown_raw (store, period, NULL, d, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rolled->len, ==, raw->len);
      g_assert_cmpuint (rolled->len, >, 0);

      for (guint i = 0; i < rolled->len; i++)
        {
          JdSlice *a = g_ptr_array_index (rolled, i);
          JdSlice *b = g_ptr_array_index (raw, i);

          g_assert_cmpstr (a->key, ==, b->key);
          jd_test_assert_metrics_equal (a->metrics, b->metrics);
          sum += a->metrics->cases.decided;
        }

      /* Agencies, domains and levels partition the cases (every case has
       * an agency and a level; every demo case has a domain). */
      whole = jd_metrics_compute (store, period, NULL, &error);
      g_assert_no_error (error);
      if (d != JD_DIMENSION_REGION)
        g_assert_cmpint (sum, ==, whole->cases.decided);
    }
}

/* A series gives, period by period, what jd_metrics_compute() gives. */
static void
assert_series_agree (JdStore        *store,
                     const JdFilter *filter)
{
  static const struct {
    JdPeriodKind by;
    int first, last;
  } ranges[] = {
    { JD_PERIOD_MONTH, 202411, 202610 },
    { JD_PERIOD_QUARTER, 202102, 202610 },
    { JD_PERIOD_YEAR, 202101, 202612 },
  };

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) series = jd_metrics_series (store, filter, ranges[r].by,
                                                       ranges[r].first, ranges[r].last, &error);
      JdPeriod period = jd_period_containing (ranges[r].by, ranges[r].first);

      g_assert_no_error (error);
      g_assert_cmpuint (series->len, >, 1);
      for (guint i = 0; i < series->len; i++)
        {
          g_autoptr(JdMetrics) one = jd_metrics_compute (store, &period, filter, &error);

          g_assert_no_error (error);
          jd_test_assert_metrics_equal (g_ptr_array_index (series, i), one);
          period = jd_period_next (&period);
        }
      g_assert_cmpint (jd_period_first_month (&period), >, ranges[r].last);
    }
}

static void
assert_everything_agrees (JdStore *store)
{
  static const JdFilter filters[] = {
    { NULL, NULL, NULL, NULL },
    { "SJ-GAJ", NULL, NULL, NULL },
    { NULL, "市场监管", NULL, NULL },
    { NULL, NULL, "county", NULL },
    { NULL, NULL, NULL, "西湖区" },
    { NULL, "城市管理", "township", NULL },
  };
  static const char * const periods[] = {
    "2021-01", "2022-02", "2024-02", "2024-12", "2025-06", "2026-10",
    "2021Q1", "2023Q4", "2026Q3", "2021", "2024", "2026",
  };

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
      {
        JdPeriod period;

        g_assert_true (jd_period_parse (periods[p], &period, NULL));
        assert_period_agrees (store, &period, &filters[f]);
      }

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    assert_series_agree (store, &filters[f]);
}

static void
test_demo_seeds (void)
{
  for (guint64 seed = 1; seed <= 3; seed++)
    {
      char *path = make_demo (seed * 7919);
      g_autoptr(GError) error = NULL;
      g_autoptr(JdStore) store = jd_store_open (path, &error);
      JdPeriod period;

      g_assert_no_error (error);
      assert_everything_agrees (store);

      g_assert_true (jd_period_parse ("2025Q2", &period, NULL));
      assert_breakdowns_agree (store, &period);

      g_clear_object (&store);
      remove_demo (path);
    }
}

static void
exec (JdStore    *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_jd_store_exec (_jd_store_get_db (store), sql, &error));
  g_assert_no_error (error);
}

/* Raw rows change as an import changes them: taking the rows out of the
 * rollups before the change and adding them back after it brings the
 * rollups in step, for every kind of change. */
static void
apply_deltas (JdDb *db,
              int   sign)
{
  static const struct {
    JdRollup    rollup;
    const char *where;
  } changed[] = {
    { JD_ROLLUP_CASES, "id IN (SELECT id FROM temp.changed WHERE tbl = 'cases')" },
    { JD_ROLLUP_COMPLAINTS, "id IN (SELECT id FROM temp.changed WHERE tbl = 'complaints')" },
    { JD_ROLLUP_LAWSUITS, "id IN (SELECT id FROM temp.changed WHERE tbl = 'lawsuits')" },
    { JD_ROLLUP_RECONSIDERATIONS, "id IN (SELECT id FROM temp.changed WHERE tbl = 'reconsiderations')" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdRollupDelta) delta = _jd_rollup_delta_new (db, changed[i].rollup, changed[i].where, &error);

      g_assert_no_error (error);
      g_assert_true (_jd_rollup_delta_apply (delta, sign, 0, 0, &error));
      g_assert_no_error (error);
      if (sign > 0)
        {
          g_assert_true (_jd_rollup_finish (db, changed[i].rollup, &error));
          g_assert_no_error (error);
        }
    }
}

static void
test_delta_after_change (void)
{
  char *path = make_demo (42);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (path, &error);
  JdDb *db;

  g_assert_no_error (error);
  db = _jd_store_get_conn (store);
  g_assert_true (_jd_rollup_verify (db, &error));
  g_assert_no_error (error);

  exec (store,
        "BEGIN;"
        "CREATE TEMP TABLE changed (tbl TEXT, id INTEGER);"
        "INSERT INTO changed SELECT 'cases', min (id) FROM cases WHERE decided_month = 202403;"
        "INSERT INTO changed SELECT 'complaints', id FROM complaints WHERE received_month = 202407 AND id % 3 = 0;"
        "INSERT INTO changed SELECT 'complaints', min (id) FROM complaints WHERE received_month = 202408;"
        "INSERT INTO changed SELECT 'lawsuits', min (id) FROM lawsuits WHERE instance = 'first' AND concluded_month = 202406;"
        "INSERT INTO changed SELECT 'reconsiderations', min (id) FROM reconsiderations WHERE decided_month = 202402;");
  apply_deltas (db, -1);
  exec (store,
        /* A case moves from 2024-03 to 2025-11 and becomes a major decision without review. */
        "UPDATE cases SET decided_on = '2025-11-15', major = 1, legal_review = 0"
        " WHERE id IN (SELECT id FROM changed WHERE tbl = 'cases');"
        /* Complaints of 2024-07 go, one of 2024-08 is closed late. */
        "DELETE FROM complaints WHERE received_month = 202407 AND id % 3 = 0;"
        "UPDATE complaints SET closed_on = '2024-12-31', satisfaction = 'unsatisfied'"
        " WHERE id = (SELECT max (id) FROM changed WHERE tbl = 'complaints');"
        /* A lawsuit's outcome changes, a reconsideration moves. */
        "UPDATE lawsuits SET outcome = 'revoked' WHERE id IN (SELECT id FROM changed WHERE tbl = 'lawsuits');"
        "UPDATE reconsiderations SET decided_on = '2026-01-03'"
        " WHERE id IN (SELECT id FROM changed WHERE tbl = 'reconsiderations');");

  /* Halfway, the two sources must disagree, or this test would prove
   * nothing: the complaint of 2024-08 is out of the rollups. */
  {
    JdPeriod period;
    g_autoptr(JdMetrics) rolled = NULL;
    g_autoptr(JdMetrics) raw = NULL;

    g_assert_true (jd_period_parse ("2024-08", &period, NULL));
    rolled = jd_metrics_compute (store, &period, NULL, &error);
    raw = _jd_metrics_compute_raw (store, &period, NULL, &error);
    g_assert_cmpint (rolled->complaints.received, ==, raw->complaints.received - 1);
    g_assert_false (_jd_rollup_verify (db, &error));
    g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_SUMMARIES);
    g_clear_error (&error);
  }

  apply_deltas (db, 1);
  exec (store, "COMMIT");

  g_assert_true (_jd_rollup_verify (db, &error));
  g_assert_no_error (error);
  assert_everything_agrees (store);
  {
    JdPeriod period;

    g_assert_true (jd_period_parse ("2024", &period, NULL));
    assert_breakdowns_agree (store, &period);
  }

  g_clear_object (&store);
  remove_demo (path);
}

/* New rows summed in memory give what the SQL gives: the demo's rows,
 * read back and summed by _jd_rollup_sum_add(), rebuild every table. */
static void
test_sum_matches_sql (void)
{
  char *path = make_demo (5);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (path, &error);
  static const struct {
    JdRollup    rollup;
    const char *table;
  } raw[] = {
    { JD_ROLLUP_CASES, "cases" },
    { JD_ROLLUP_COMPLAINTS, "complaints" },
    { JD_ROLLUP_LAWSUITS, "lawsuits" },
    { JD_ROLLUP_RECONSIDERATIONS, "reconsiderations" },
  };
  sqlite3 *db;

  g_assert_no_error (error);
  db = _jd_store_get_db (store);
  exec (store, "BEGIN; DELETE FROM roll_cases; DELETE FROM roll_cases_opened; DELETE FROM roll_complaints;"
               " DELETE FROM roll_complaint_categories; DELETE FROM roll_lawsuits; DELETE FROM roll_reconsiderations;");

  for (guint r = 0; r < G_N_ELEMENTS (raw); r++)
    {
      const char * const *columns = _jd_rollup_columns (raw[r].rollup);
      g_autofree char *list = g_strjoinv (", ", (GStrv)columns);
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s", list, raw[r].table);
      g_autoptr(JdRollupSum) sum = _jd_rollup_sum_new (raw[r].rollup);
      g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (db, sql, &error);
      guint n_columns = g_strv_length ((GStrv)columns);
      guint n_rows = 0;

      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          JdRollupValue row[16];

          for (guint c = 0; c < n_columns; c++)
            {
              row[c].type = sqlite3_column_type (stmt, c);
              row[c].i = sqlite3_column_int64 (stmt, c);
              row[c].s = (const char *)sqlite3_column_text (stmt, c);
            }
          _jd_rollup_sum_add (sum, row);
          n_rows++;
        }
      g_assert_cmpuint (n_rows, >, 0);
      g_assert_true (_jd_rollup_sum_flush (sum, _jd_store_get_conn (store), &error));
      g_assert_no_error (error);
    }
  exec (store, "COMMIT");

  g_assert_true (_jd_rollup_verify (_jd_store_get_conn (store), &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  remove_demo (path);
}

/* A database of version 2, with data, gets its rollups in the migration. */
static void
test_migration_builds_rollups (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiandu-rollup-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autoptr(JdStore) store = NULL;
  JdPeriod period;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (_jd_store_migrate (db, 0, 2, &error));
  g_assert_no_error (error);
  g_assert_true (_jd_store_exec (db,
                                 "INSERT INTO agencies (code, name, level) VALUES ('A', '甲局', 'city');"
                                 "INSERT INTO cases (agency_id, case_no, kind, decided_on, fine_fen)"
                                 " VALUES (1, 'x1', 'penalty', '2024-05-02', 100), (1, 'x2', 'penalty', '2024-05-30', 250);",
                                 &error));
  sqlite3_close (db);

  store = jd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_period_parse ("2024-05", &period, NULL));
  assert_period_agrees (store, &period, NULL);
  {
    g_autoptr(JdMetrics) m = jd_metrics_compute (store, &period, NULL, &error);

    g_assert_cmpint (m->cases.decided, ==, 2);
    g_assert_cmpint (m->cases.fines_fen, ==, 350);
  }

  g_clear_object (&store);
  jd_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rollup/equals-raw/demo-seeds", test_demo_seeds);
  g_test_add_func ("/rollup/equals-raw/after-change", test_delta_after_change);
  g_test_add_func ("/rollup/sum-matches-sql", test_sum_matches_sql);
  g_test_add_func ("/rollup/migration", test_migration_builds_rollups);

  return g_test_run ();
}

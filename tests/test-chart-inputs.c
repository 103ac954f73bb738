/* test-chart-inputs.c — narrowed and shared readings give the full figures
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page's charts read only the parts of the figures they show, and share
 * one reading among them (jd_metrics_series_parts(), JdChartInputs).  On a
 * demo database, for several filters, every month's and quarter's figures
 * read that way must be those of jd_metrics_series(), which reads every
 * rollup; and a page's charts built from shared inputs must be the charts
 * each builds on its own.
 */

#include "config.h"

#include <string.h>

#include "jd-chart-inputs.h"
#include "jd-dashboard-charts.h"
#include "jd-demo.h"
#include "jd-store-private.h"
#include "jd-test-metrics.h"
#include "jd-test-util.h"

typedef struct
{
  char     *dir;
  JdStore  *store;
  JdFilter  filters[5];
  int       first_month;   /* of the data */
  int       last_month;
} Fixture;

static char *
first_value (JdStore    *store,
             const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (_jd_store_get_db (store), sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("jiandu-inputs-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "demo.db", NULL);
  fixture->store = jd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_demo_generate (fixture->store, 11, 6000, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jd_store_get_month_range (fixture->store, &fixture->first_month, &fixture->last_month));

  /* No filter; the busiest agency; the busiest domain; a level; a region */
  fixture->filters[1].agency = first_value (fixture->store,
                                            "SELECT a.code FROM agencies AS a JOIN cases AS c ON c.agency_id = a.id"
                                            " GROUP BY a.id ORDER BY count(*) DESC, a.code LIMIT 1");
  fixture->filters[2].domain = first_value (fixture->store,
                                            "SELECT d.code FROM domains AS d JOIN cases AS c ON c.domain_id = d.id"
                                            " GROUP BY d.id ORDER BY count(*) DESC, d.code LIMIT 1");
  fixture->filters[3].level = g_strdup ("county");
  fixture->filters[4].region = first_value (fixture->store,
                                            "SELECT region FROM agencies WHERE level = 'county'"
                                            " AND region IS NOT NULL ORDER BY region LIMIT 1");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->filters); i++)
    jd_filter_clear (&fixture->filters[i]);
  g_clear_object (&fixture->store);
  jd_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* @full with what lies outside @parts zeroed, as a reading of @parts only
 * must leave it: this test's own statement of which figure is which part's */
static JdMetrics
masked (const JdMetrics *full,
        JdMetricsParts   parts)
{
  JdMetrics m = *full;

  if (!(parts & JD_METRICS_PART_CASES))
    {
      gint64 opened = m.cases.opened;
      gboolean totals = (parts & JD_METRICS_PART_CASES_TOTALS) != 0;

      memset (&m.cases, 0, sizeof m.cases);
      m.cases.opened = opened;
      m.cases.decided = totals ? full->cases.decided : 0;
      m.cases.fines_fen = totals ? full->cases.fines_fen : 0;
      m.leniency.cases = 0;
      memset (m.leniency.cases_by_kind, 0, sizeof m.leniency.cases_by_kind);
      m.leniency.exempted_fen = 0;
      m.leniency.share_of_penalty_cases = (JdRatio) { 0, 0 };
    }
  if (!(parts & JD_METRICS_PART_CASES_OPENED))
    m.cases.opened = 0;
  if (!(parts & JD_METRICS_PART_COMPLAINTS))
    memset (&m.complaints, 0, sizeof m.complaints);
  if (!(parts & JD_METRICS_PART_LAWSUITS))
    memset (&m.lawsuits, 0, sizeof m.lawsuits);
  if (!(parts & JD_METRICS_PART_RECONSIDERATIONS))
    memset (&m.reconsiderations, 0, sizeof m.reconsiderations);
  if (!(parts & JD_METRICS_PART_REVIEWS))
    {
      memset (&m.reviews, 0, sizeof m.reviews);
      m.reviews.mean_score = NAN;
    }
  if (!(parts & JD_METRICS_PART_LENIENCY_ITEMS))
    {
      m.leniency.items_in_force = 0;
      memset (m.leniency.items_by_kind, 0, sizeof m.leniency.items_by_kind);
    }

  return m;
}

/* @narrow (from @offset of @full on) holds @full's figures of @parts */
static void
assert_series_part (GPtrArray      *full,
                    guint           offset,
                    GPtrArray      *narrow,
                    JdMetricsParts  parts)
{
  g_assert_cmpuint (offset + narrow->len, ==, full->len);
  for (guint i = 0; i < narrow->len; i++)
    {
      JdMetrics expected = masked (g_ptr_array_index (full, offset + i), parts);

      jd_test_assert_metrics_equal (&expected, g_ptr_array_index (narrow, i));
    }
}

/* Every part alone, two together and all of them, by month and by quarter,
 * over all the data's months, under every filter */
static void
test_series_parts (Fixture       *fixture,
                   gconstpointer  data)
{
  static const JdMetricsParts sets[] = {
    JD_METRICS_PART_CASES, JD_METRICS_PART_CASES_OPENED, JD_METRICS_PART_COMPLAINTS,
    JD_METRICS_PART_LAWSUITS, JD_METRICS_PART_RECONSIDERATIONS, JD_METRICS_PART_REVIEWS,
    JD_METRICS_PART_LENIENCY_ITEMS, JD_METRICS_PART_CASES_TOTALS,
    JD_METRICS_PART_CASES_TOTALS | JD_METRICS_PART_CASES_OPENED,
    JD_METRICS_PART_CASES_TOTALS | JD_METRICS_PART_CASES,
    JD_METRICS_PART_LAWSUITS | JD_METRICS_PART_RECONSIDERATIONS,
    JD_METRICS_PARTS_ALL,
  };
  static const JdPeriodKind kinds[] = { JD_PERIOD_MONTH, JD_PERIOD_QUARTER };

  for (guint f = 0; f < G_N_ELEMENTS (fixture->filters); f++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) full = jd_metrics_series (fixture->store, &fixture->filters[f], kinds[k],
                                                       fixture->first_month, fixture->last_month, &error);
        gint64 decided = 0;

        g_assert_no_error (error);
        for (guint i = 0; i < full->len; i++)
          decided += ((JdMetrics *)g_ptr_array_index (full, i))->cases.decided;
        /* every filter lets some cases through, or the test proves little */
        g_assert_cmpint (decided, >, 0);

        for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
          {
            g_autoptr(GPtrArray) narrow = jd_metrics_series_parts (fixture->store, &fixture->filters[f], kinds[k],
                                                                   fixture->first_month, fixture->last_month,
                                                                   sets[s], &error);

            g_assert_no_error (error);
            assert_series_part (full, 0, narrow, sets[s]);
          }
      }
}

/* A breakdown of some parts: every slice holds the full breakdown's
 * figures of those parts */
static void
test_breakdown_parts (Fixture       *fixture,
                      gconstpointer  data)
{
  static const JdMetricsParts sets[] = {
    JD_METRICS_PART_CASES, JD_METRICS_PART_CASES_TOTALS, JD_METRICS_PART_LAWSUITS | JD_METRICS_PART_REVIEWS,
  };
  JdPeriod period = jd_period_containing (JD_PERIOD_QUARTER, fixture->last_month);

  for (guint f = 0; f < G_N_ELEMENTS (fixture->filters); f++)
    for (guint d = 0; d < JD_N_DIMENSIONS; d++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) full = jd_metrics_breakdown (fixture->store, &period, &fixture->filters[f], d, &error);

        g_assert_no_error (error);
        for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
          {
            g_autoptr(GPtrArray) narrow = jd_metrics_breakdown_parts (fixture->store, &period, &fixture->filters[f],
                                                                      d, sets[s], &error);

            g_assert_no_error (error);
            g_assert_cmpuint (narrow->len, ==, full->len);
            for (guint i = 0; i < full->len; i++)
              {
                const JdSlice *a = g_ptr_array_index (full, i);
                const JdSlice *b = g_ptr_array_index (narrow, i);
                JdMetrics expected = masked (a->metrics, sets[s]);

                g_assert_cmpstr (a->key, ==, b->key);
                jd_test_assert_metrics_equal (&expected, b->metrics);
              }
          }
      }
}

/* What one JdChartInputs hands out, asked in the order a page asks */
static void
test_shared (Fixture       *fixture,
             gconstpointer  data)
{
  JdPeriod period = jd_period_containing (JD_PERIOD_MONTH, fixture->last_month);
  int last = fixture->last_month;
  struct {
    JdPeriodKind   by;
    int            first;
    JdMetricsParts parts;
  } asks[] = {
    { JD_PERIOD_MONTH, jd_month_add (last, -35), JD_METRICS_PART_LAWSUITS },
    { JD_PERIOD_MONTH, jd_month_add (last, -11), JD_METRICS_PART_LAWSUITS },   /* from the run above */
    { JD_PERIOD_MONTH, jd_month_add (last, -11), JD_METRICS_PART_RECONSIDERATIONS },
    { JD_PERIOD_MONTH, jd_month_add (last, -47), JD_METRICS_PART_LAWSUITS },   /* longer than any run */
    { JD_PERIOD_MONTH, jd_month_add (last, -23), JD_METRICS_PART_CASES },
    { JD_PERIOD_MONTH, jd_month_add (last, -11), JD_METRICS_PART_CASES_TOTALS },   /* from the cases' run */
    { JD_PERIOD_QUARTER, jd_month_add (last, -23), JD_METRICS_PART_REVIEWS },
    { JD_PERIOD_QUARTER, jd_month_add (last, -5), JD_METRICS_PART_REVIEWS },
  };

  for (guint f = 0; f < G_N_ELEMENTS (fixture->filters); f++)
    {
      g_autoptr(GError) error = NULL;
      const JdFilter *filter = &fixture->filters[f];
      g_autoptr(JdChartInputs) inputs = jd_chart_inputs_new (fixture->store, &period, filter);
      g_autoptr(JdMetrics) whole = jd_metrics_compute (fixture->store, &period, filter, &error);
      g_autoptr(GPtrArray) slices = NULL;
      g_autoptr(GPtrArray) agencies = NULL;

      g_assert_no_error (error);
      for (guint a = 0; a < G_N_ELEMENTS (asks); a++)
        {
          JdPeriod first = jd_period_containing (asks[a].by, asks[a].first);
          g_autoptr(GPtrArray) full = jd_metrics_series (fixture->store, filter, asks[a].by,
                                                         jd_period_first_month (&first), last, &error);
          g_autoptr(GPtrArray) view = NULL;

          g_assert_no_error (error);
          view = jd_chart_inputs_series (inputs, asks[a].by, asks[a].first, asks[a].parts, &error);
          g_assert_no_error (error);
          g_assert_true (jd_period_equal (&((JdMetrics *)g_ptr_array_index (view, 0))->period, &first));
          /* a run read for more parts may hold more: compare what was asked */
          g_assert_cmpuint (view->len, ==, full->len);
          for (guint i = 0; i < view->len; i++)
            {
              JdMetrics expected = masked (g_ptr_array_index (full, i), asks[a].parts);
              JdMetrics got = masked (g_ptr_array_index (view, i), asks[a].parts);

              jd_test_assert_metrics_equal (&expected, &got);
            }
        }

      jd_test_assert_metrics_equal (whole, jd_chart_inputs_metrics (inputs, &error));
      g_assert_no_error (error);

      slices = jd_metrics_breakdown (fixture->store, &period, filter, JD_DIMENSION_AGENCY, &error);
      g_assert_no_error (error);
      agencies = jd_chart_inputs_agencies (inputs, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (agencies->len, ==, slices->len);
      for (guint i = 0; i < slices->len; i++)
        {
          const JdSlice *a = g_ptr_array_index (slices, i);
          const JdSlice *b = g_ptr_array_index (agencies, i);

          g_assert_cmpstr (a->key, ==, b->key);
          jd_test_assert_metrics_equal (a->metrics, b->metrics);
        }
    }
}

static void
assert_charts_equal (const JdChart *a,
                     const JdChart *b)
{
  g_assert_cmpint (jd_chart_get_chart_type (a), ==, jd_chart_get_chart_type (b));
  g_assert_cmpstr (jd_chart_get_title (a), ==, jd_chart_get_title (b));
  g_assert_cmpuint (jd_chart_get_n_points (a), ==, jd_chart_get_n_points (b));
  g_assert_cmpuint (jd_chart_get_n_series (a), ==, jd_chart_get_n_series (b));
  for (guint s = 0; s < jd_chart_get_n_series (a); s++)
    {
      g_assert_cmpstr (jd_chart_get_series_label (a, s), ==, jd_chart_get_series_label (b, s));
      for (guint i = 0; i < jd_chart_get_n_points (a); i++)
        {
          double x = jd_chart_get_value (a, s, i), y = jd_chart_get_value (b, s, i);

          g_assert_cmpint (isnan (x), ==, isnan (y));
          if (!isnan (x))
            g_assert_cmpfloat (x, ==, y);
        }
    }
}

/* Every chart of the catalog, built after all the others from one set of
 * inputs, is the chart built on its own */
static void
test_catalog (Fixture       *fixture,
              gconstpointer  data)
{
  JdPeriod period = jd_period_containing (JD_PERIOD_MONTH, fixture->last_month);
  const JdDashboardChartInfo *charts;
  guint n_charts;

  charts = jd_dashboard_charts (&n_charts);
  for (guint f = 0; f < G_N_ELEMENTS (fixture->filters); f++)
    {
      g_autoptr(JdChartInputs) inputs = jd_chart_inputs_new (fixture->store, &period, &fixture->filters[f]);

      for (guint c = 0; c < n_charts; c++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(JdChart) alone = jd_dashboard_chart_new (fixture->store, charts[c].name, &period,
                                                              &fixture->filters[f], &error);
          g_autoptr(JdChart) shared = NULL;

          g_assert_no_error (error);
          shared = jd_dashboard_chart_new_from (inputs, charts[c].name, &error);
          g_assert_no_error (error);
          assert_charts_equal (alone, shared);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/chart-inputs/series-parts", test_series_parts);
  ADD ("/chart-inputs/breakdown-parts", test_breakdown_parts);
  ADD ("/chart-inputs/shared", test_shared);
  ADD ("/chart-inputs/catalog", test_catalog);

  return g_test_run ();
}

/* jd-cli-bench.c — jiandu-cli bench: the overview dashboard, timed
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times everything the overview dashboard shows for one period — every
 * KPI with 同比 and 环比, 24 months of every figure, the breakdowns by
 * agency and by domain, four top-10 rankings and the warnings — for
 * several filters, first from the rollup tables (what the app does), then
 * the same figures by plain SQL over the raw tables, and checks that both
 * give the same numbers.
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-bench.h"
#include "jd-warnings.h"

#include "jiandu-cli.h"

static const JdMeasure ranked[] = {
  JD_MEASURE_CASES_DECIDED, JD_MEASURE_COMPLAINTS, JD_MEASURE_LOSS_RATE, JD_MEASURE_ON_TIME_RATE,
};

typedef struct
{
  JdMetrics *current;
  JdMetrics *previous;
  JdMetrics *year_earlier;
  GPtrArray *series;      /* JdMetrics, 24 months */
  GPtrArray *agencies;    /* JdSlice */
  GPtrArray *domains;     /* JdSlice */
  GPtrArray *rankings;    /* JdRanking */
  GPtrArray *warnings;    /* JdWarning, rollups only */
} Overview;

static void
overview_clear (Overview *o)
{
  g_clear_pointer (&o->current, jd_metrics_free);
  g_clear_pointer (&o->previous, jd_metrics_free);
  g_clear_pointer (&o->year_earlier, jd_metrics_free);
  g_clear_pointer (&o->series, g_ptr_array_unref);
  g_clear_pointer (&o->agencies, g_ptr_array_unref);
  g_clear_pointer (&o->domains, g_ptr_array_unref);
  g_clear_pointer (&o->rankings, g_ptr_array_unref);
  g_clear_pointer (&o->warnings, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Overview, overview_clear)

typedef JdMetrics *(*ComputeFunc)   (JdStore *, const JdPeriod *, const JdFilter *, GError **);
typedef GPtrArray *(*BreakdownFunc) (JdStore *, const JdPeriod *, const JdFilter *, JdDimension, GError **);

static gboolean
load (Overview        *o,
      JdStore         *store,
      const JdPeriod  *period,
      const JdFilter  *filter,
      gboolean         raw,
      GError         **error)
{
  ComputeFunc compute = raw ? jd_bench_compute_raw : jd_metrics_compute;
  BreakdownFunc breakdown = raw ? jd_bench_breakdown_raw : jd_metrics_breakdown;
  JdPeriod previous, year_earlier;
  int month;

  if ((o->current = compute (store, period, filter, error)) == NULL)
    return FALSE;
  /* The periods the overview compares with (jd_metrics_compare()). */
  jd_period_cover (period, o->current->data_end, NULL, &previous, &year_earlier);
  if ((o->previous = compute (store, &previous, filter, error)) == NULL ||
      (o->year_earlier = compute (store, &year_earlier, filter, error)) == NULL)
    return FALSE;

  month = jd_month_add (jd_period_last_month (period), -23);
  if (!raw)
    {
      o->series = jd_metrics_series (store, filter, JD_PERIOD_MONTH, month,
                                     jd_period_last_month (period), error);
      if (o->series == NULL)
        return FALSE;
    }
  else
    {
      o->series = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_metrics_free);
      for (int i = 0; i < 24; i++, month = jd_month_add (month, 1))
        {
          JdPeriod point = jd_period_containing (JD_PERIOD_MONTH, month);
          JdMetrics *m = compute (store, &point, filter, error);

          if (m == NULL)
            return FALSE;
          g_ptr_array_add (o->series, m);
        }
    }

  if ((o->agencies = breakdown (store, period, filter, JD_DIMENSION_AGENCY, error)) == NULL ||
      (o->domains = breakdown (store, period, filter, JD_DIMENSION_DOMAIN, error)) == NULL)
    return FALSE;

  o->rankings = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_ranking_free);
  for (guint i = 0; i < G_N_ELEMENTS (ranked); i++)
    g_ptr_array_add (o->rankings, jd_metrics_rank_slices (o->agencies, ranked[i], 5, FALSE));

  /* Warnings exist only over the rollups. */
  if (!raw && (o->warnings = jd_warnings_compute (store, period, filter, error)) == NULL)
    return FALSE;

  return TRUE;
}

static gboolean
metrics_equal (const JdMetrics *a,
               const JdMetrics *b)
{
  g_autoptr(JsonNode) x = jd_metrics_to_json (a);
  g_autoptr(JsonNode) y = jd_metrics_to_json (b);

  return json_node_equal (x, y);
}

static gboolean
overviews_equal (const Overview *a,
                 const Overview *b)
{
  if (!metrics_equal (a->current, b->current) ||
      !metrics_equal (a->previous, b->previous) ||
      !metrics_equal (a->year_earlier, b->year_earlier))
    return FALSE;

  for (guint i = 0; i < a->series->len; i++)
    if (!metrics_equal (g_ptr_array_index (a->series, i), g_ptr_array_index (b->series, i)))
      return FALSE;

  for (guint i = 0; i < a->agencies->len; i++)
    if (!metrics_equal (((JdSlice *)g_ptr_array_index (a->agencies, i))->metrics,
                        ((JdSlice *)g_ptr_array_index (b->agencies, i))->metrics))
      return FALSE;

  for (guint i = 0; i < a->domains->len; i++)
    if (!metrics_equal (((JdSlice *)g_ptr_array_index (a->domains, i))->metrics,
                        ((JdSlice *)g_ptr_array_index (b->domains, i))->metrics))
      return FALSE;

  return TRUE;
}

int
jd_cli_bench (int    argc,
              char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *period_text = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int repeat = 5;
  JdPeriod period;
  int status;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("The period (default: the latest month with data)"), "P" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, N_("Runs of each measurement; the median is shown (default 5)"), "N" },
    { NULL }
  };
  JdBenchFilter filters[JD_BENCH_N_FILTERS];
  gint64 n_cases, n_complaints;

  if (!jd_cli_parse_options ("bench", NULL,
                             _("Times the overview dashboard from the rollups against plain SQL over the raw tables."),
                             entries, &argc, &argv))
    return 2;

  if ((status = jd_cli_open_for_period ("bench", db_path, period_text, &store, &period)) != 0)
    return status;

  jd_bench_filters_init (store, filters);
  if (!jd_bench_totals (store, &n_cases, &n_complaints, &error))
    goto failed;

  {
    g_autofree char *label = jd_period_to_string (&period);
    g_autofree char *cases = g_strdup_printf ("%" G_GINT64_FORMAT, n_cases);
    g_autofree char *complaints = g_strdup_printf ("%" G_GINT64_FORMAT, n_complaints);

    g_print (_("Overview of %s: 3 × all KPIs, 24 months, breakdowns by agency and domain, 4 rankings, warnings\n"),
             label);
    g_print (_("Database: %s decided cases, %s complaints; median of %d runs\n\n"), cases, complaints, repeat);
  }

  g_print ("%s%*s %14s %16s %10s %8s\n", _("Filter"), (int)(34 - jd_cli_display_width (_("Filter"))), "",
           _("Rollups (ms)"), _("Raw SQL (ms)"), _("Speed-up"), _("Same"));

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      g_autofree double *fast = g_new0 (double, MAX (repeat, 1));
      g_autofree double *slow = g_new0 (double, MAX (repeat, 1));
      gboolean same = TRUE;
      double fast_ms, slow_ms;

      for (int r = 0; r < MAX (repeat, 1); r++)
        {
          g_auto(Overview) rolled = { 0 };
          g_auto(Overview) raw = { 0 };
          gint64 t0 = g_get_monotonic_time ();

          if (!load (&rolled, store, &period, &filters[f].filter, FALSE, &error))
            goto failed;
          fast[r] = (g_get_monotonic_time () - t0) / 1000.0;

          t0 = g_get_monotonic_time ();
          if (!load (&raw, store, &period, &filters[f].filter, TRUE, &error))
            goto failed;
          slow[r] = (g_get_monotonic_time () - t0) / 1000.0;

          same = same && overviews_equal (&rolled, &raw);
        }

      fast_ms = jd_cli_percentile (fast, MAX (repeat, 1), 50);
      slow_ms = jd_cli_percentile (slow, MAX (repeat, 1), 50);
      {
        g_autofree char *name = filters[f].value != NULL
                                ? g_strdup_printf ("%s (%s)", _(filters[f].name), filters[f].value)
                                : g_strdup (_(filters[f].name));

        g_print ("%s%*s %14.1f %16.1f %9.0f× %8s\n", name, (int)MAX (0, 34 - (int)jd_cli_display_width (name)), "",
                 fast_ms, slow_ms, slow_ms / MAX (fast_ms, 0.001), same ? _("yes") : _("NO"));
      }

      if (!same)
        {
          g_printerr (_("jiandu-cli bench: the rollups and the raw tables disagree\n"));
          jd_bench_filters_clear (filters);
          return 1;
        }
    }

  jd_bench_filters_clear (filters);
  return 0;

failed:
  g_printerr ("jiandu-cli bench: %s\n", error->message);
  jd_bench_filters_clear (filters);
  return 1;
}

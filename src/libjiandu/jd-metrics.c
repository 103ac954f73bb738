/* jd-metrics.c — the metric definitions, the one source of every number
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-metrics"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-metrics.h"
#include "jd-metrics-sql-private.h"
#include "jd-settings.h"
#include "jd-store-private.h"

G_DEFINE_QUARK (jd-metrics-error-quark, jd_metrics_error)

/* Everything of a range of months: all but the items in force on a day */
#define PARTS_COUNTS (JD_METRICS_PARTS_ALL & ~JD_METRICS_PART_LENIENCY_ITEMS)

double
jd_ratio_rate (JdRatio ratio)
{
  if (ratio.total == 0)
    return NAN;

  return (double)ratio.count / (double)ratio.total;
}

static gint64
sum_outcomes (const gint64       *by_outcome,
              JdEnum              which,
              const char * const *set)
{
  guint n_values;
  const JdEnumValue *values = jd_enum_values (which, &n_values);
  gint64 sum = 0;

  for (guint i = 0; i < n_values; i++)
    if (jd_outcome_in (values[i].code, set))
      sum += by_outcome[i];

  return sum;
}

/* The ratios, from the counts the rows added up, after the settings. */
static void
finish_metrics (JdMetrics *m)
{
  gint64 concluded = m->lawsuits.first_instance_concluded;
  gint64 decided = m->reconsiderations.decided;

  m->complaints.closing.count = m->complaints.closed;
  m->complaints.closing.total = m->complaints.received;

  m->lawsuits.loss.count = m->lawsuits.first_instance_lost;
  m->lawsuits.loss.total = concluded;
  if (g_strcmp0 (m->loss_rate_denominator, "judgments") == 0)
    m->lawsuits.loss.total -= sum_outcomes (m->lawsuits.by_outcome, JD_ENUM_LAWSUIT_OUTCOME,
                                            jd_lawsuit_non_judgment_outcomes);
  m->lawsuits.withdrawal.count = m->lawsuits.by_outcome[_jd_metrics_enum_index (JD_ENUM_LAWSUIT_OUTCOME, "withdrawn")];
  m->lawsuits.withdrawal.total = concluded;

  m->reconsiderations.correction.count = m->reconsiderations.corrected;
  m->reconsiderations.correction.total = decided;
  if (g_strcmp0 (m->correction_rate_denominator, "merits") == 0)
    m->reconsiderations.correction.total -= sum_outcomes (m->reconsiderations.by_outcome,
                                                          JD_ENUM_RECONSIDERATION_OUTCOME,
                                                          jd_reconsideration_non_merits_outcomes);

  m->leniency.share_of_penalty_cases.count = m->leniency.cases;
  m->leniency.share_of_penalty_cases.total = m->cases.by_kind[0];

  m->reviews.pass.count = m->reviews.passed;
  m->reviews.pass.total = m->reviews.reviewed;
  /* A sum of scores such as 87.3, which no double holds exactly, comes out
   * a few units in the last place apart when it is added up in another
   * order: by another backend, or from another set of rollup rows.  Case-
   * file scores are written with two decimals at most, so their true sum
   * is a whole number of hundredths, far from the half ten-thousandth this
   * rounds at: rounded, every order gives the same sum, and the same mean
   * (to within 0.00005 of a point for a file that gives more decimals). */
  m->reviews.score_sum = round (m->reviews.score_sum * 1e4) / 1e4;
  m->reviews.mean_score = m->reviews.scored > 0 ? m->reviews.score_sum / m->reviews.scored : NAN;
}

JdMetrics *
_jd_metrics_new (const JdPeriod *period,
                 const char     *loss_rate_denominator,
                 const char     *correction_rate_denominator)
{
  JdMetrics *m = g_new0 (JdMetrics, 1);

  m->period = *period;
  m->loss_rate_denominator = g_strdup (loss_rate_denominator);
  m->correction_rate_denominator = g_strdup (correction_rate_denominator);
  m->reviews.mean_score = NAN;

  return m;
}

static JdMetrics *
compute (JdStore          *store,
         const JdPeriod   *period,
         const JdFilter   *filter,
         JdMetricsSource   source,
         GError          **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(JdMetrics) m = NULL;
  g_autofree char *loss_setting = NULL;
  g_autofree char *correction_setting = NULL;
  g_autofree char *last_day = NULL;
  int first, last;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  /* Settings and figures under one hold of the connection. */
  locker = _jd_store_locker_new (store);

  loss_setting = jd_settings_get (store, "loss_rate_denominator");
  correction_setting = jd_settings_get (store, "correction_rate_denominator");
  m = _jd_metrics_new (period, loss_setting, correction_setting);

  _jd_metrics_cover (m, _jd_metrics_data_end (store), &first, &last, &last_day);
  if (!_jd_metrics_compute_into (store, JD_METRICS_PARTS_ALL, first, last, last_day, filter, source,
                                 -1, m, NULL, error))
    return NULL;

  finish_metrics (m);
  return g_steal_pointer (&m);
}

/**
 * jd_metrics_compute:
 * @store: the database
 * @period: the month, quarter, year or range of months
 * @filter: (nullable): which agencies and domains count
 *
 * Computes every metric for @period, as docs/ARCHITECTURE.md defines it,
 * from the rollup tables.  A period the data end inside counts its months
 * up to the data's end (see jd_period_cover()).
 *
 * Returns: (transfer full): the figures, or %NULL with @error set (an
 *   unknown agency, domain, level or region, or a database error)
 */
JdMetrics *
jd_metrics_compute (JdStore         *store,
                    const JdPeriod  *period,
                    const JdFilter  *filter,
                    GError         **error)
{
  return compute (store, period, filter, JD_METRICS_SOURCE_ROLLUP, error);
}

/**
 * _jd_metrics_compute_raw:
 *
 * The same as jd_metrics_compute(), by plain SQL over the raw tables: the
 * reference the tests hold the rollups to, and the benchmark's baseline.
 */
JdMetrics *
_jd_metrics_compute_raw (JdStore         *store,
                         const JdPeriod  *period,
                         const JdFilter  *filter,
                         GError         **error)
{
  return compute (store, period, filter, JD_METRICS_SOURCE_RAW, error);
}

void
jd_slice_free (JdSlice *slice)
{
  if (slice == NULL)
    return;

  g_free (slice->key);
  g_free (slice->label);
  jd_metrics_free (slice->metrics);
  g_free (slice);
}

static GPtrArray *
breakdown (JdStore          *store,
           const JdPeriod   *period,
           const JdFilter   *filter,
           JdDimension       dimension,
           JdMetricsParts    parts,
           JdMetricsSource   source,
           GError          **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(GPtrArray) slices = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(JdMetrics) template = NULL;
  g_autofree char *loss_setting = NULL;
  g_autofree char *correction_setting = NULL;
  g_autofree char *last_day = NULL;
  g_auto(JdMetricsScope) scope = { 0 };
  int first, last;
  JdDb *db;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (dimension < JD_N_DIMENSIONS, NULL);

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_conn (store);

  if (!_jd_metrics_scope_init (&scope, db, filter, error))
    return NULL;

  loss_setting = jd_settings_get (store, "loss_rate_denominator");
  correction_setting = jd_settings_get (store, "correction_rate_denominator");
  template = _jd_metrics_new (period, loss_setting, correction_setting);
  _jd_metrics_cover (template, _jd_metrics_data_end (store), &first, &last, &last_day);

  slices = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_slice_free);
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!_jd_metrics_list_slices (db, dimension, &scope, template, slices, by_key, error))
    return NULL;

  if (!_jd_metrics_compute_into (store, parts, first, last, last_day, filter, source,
                                 dimension, NULL, by_key, error))
    return NULL;

  for (guint i = 0; i < slices->len; i++)
    finish_metrics (((JdSlice *)g_ptr_array_index (slices, i))->metrics);

  return g_steal_pointer (&slices);
}

/**
 * jd_metrics_breakdown:
 * @dimension: split by agency, domain, agency level or region
 *
 * The figures of @period for every agency (domain, level, region) that
 * @filter lets through, those with nothing to show included, in the order
 * of their codes.  Each slice's figures are exactly what
 * jd_metrics_compute() gives with a filter for that slice.
 *
 * Returns: (transfer full) (element-type JdSlice): the slices, or %NULL
 *   with @error set
 */
GPtrArray *
jd_metrics_breakdown (JdStore         *store,
                      const JdPeriod  *period,
                      const JdFilter  *filter,
                      JdDimension      dimension,
                      GError         **error)
{
  return breakdown (store, period, filter, dimension, JD_METRICS_PARTS_ALL, JD_METRICS_SOURCE_ROLLUP, error);
}

/**
 * jd_metrics_breakdown_parts:
 * @parts: the parts of the figures to read
 *
 * As jd_metrics_breakdown(), reading only the rollups of @parts; every
 * figure of the other parts is left zero.
 *
 * Returns: (transfer full) (element-type JdSlice): the slices, or %NULL
 *   with @error set
 */
GPtrArray *
jd_metrics_breakdown_parts (JdStore         *store,
                            const JdPeriod  *period,
                            const JdFilter  *filter,
                            JdDimension      dimension,
                            JdMetricsParts   parts,
                            GError         **error)
{
  return breakdown (store, period, filter, dimension, parts, JD_METRICS_SOURCE_ROLLUP, error);
}

GPtrArray *
_jd_metrics_breakdown_raw (JdStore         *store,
                           const JdPeriod  *period,
                           const JdFilter  *filter,
                           JdDimension      dimension,
                           GError         **error)
{
  return breakdown (store, period, filter, dimension, JD_METRICS_PARTS_ALL, JD_METRICS_SOURCE_RAW, error);
}

void
jd_metrics_free (JdMetrics *self)
{
  if (self == NULL)
    return;

  g_free (self->loss_rate_denominator);
  g_free (self->correction_rate_denominator);
  g_free (self);
}

/**
 * jd_metrics_series:
 * @by: months, quarters or years (not ranges)
 * @first_month: YYYYMM; the series starts with the period that holds it
 * @last_month: YYYYMM; the series ends with the period that holds it
 *
 * The figures of every period from @first_month to @last_month, for trend
 * charts: the same numbers jd_metrics_compute() gives for each.
 *
 * Returns: (transfer full) (element-type JdMetrics): one #JdMetrics a
 *   period, oldest first, or %NULL with @error set
 */
GPtrArray *
jd_metrics_series (JdStore         *store,
                   const JdFilter  *filter,
                   JdPeriodKind     by,
                   int              first_month,
                   int              last_month,
                   GError         **error)
{
  return jd_metrics_series_parts (store, filter, by, first_month, last_month, JD_METRICS_PARTS_ALL, error);
}

/**
 * jd_metrics_series_parts:
 * @parts: the parts of the figures to read
 *
 * As jd_metrics_series(), reading only the rollups of @parts: a chart of
 * lawsuits over three years need not add up three years of cases.  The
 * figures of @parts, and the ratios made of them alone, are those
 * jd_metrics_compute() gives; every other figure is left zero.
 *
 * Returns: (transfer full) (element-type JdMetrics): one #JdMetrics a
 *   period, oldest first, or %NULL with @error set
 */
GPtrArray *
jd_metrics_series_parts (JdStore         *store,
                         const JdFilter  *filter,
                         JdPeriodKind     by,
                         int              first_month,
                         int              last_month,
                         JdMetricsParts   parts,
                         GError         **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autofree char *loss_setting = NULL;
  g_autofree char *correction_setting = NULL;
  JdPeriod period;
  JdPeriod last;
  int data_end;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (by != JD_PERIOD_RANGE, NULL);
  g_return_val_if_fail (jd_month_diff (last_month, first_month) >= 0, NULL);

  locker = _jd_store_locker_new (store);
  loss_setting = jd_settings_get (store, "loss_rate_denominator");
  correction_setting = jd_settings_get (store, "correction_rate_denominator");

  series = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_metrics_free);
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  period = jd_period_containing (by, first_month);
  last = jd_period_containing (by, last_month);
  data_end = _jd_metrics_data_end (store);

  for (;;)
    {
      JdMetrics *m = _jd_metrics_new (&period, loss_setting, correction_setting);

      g_ptr_array_add (series, m);
      g_hash_table_insert (by_key, _jd_metrics_period_key (by, jd_period_first_month (&period)), m);

      if (jd_period_equal (&period, &last))
        break;
      period = jd_period_next (&period);
    }

  /* Every period's counts in one pass over the rollups, sliced by period… */
  if ((parts & PARTS_COUNTS) != 0 &&
      !_jd_metrics_compute_into (store, parts & PARTS_COUNTS,
                                 jd_period_first_month (&((JdMetrics *)g_ptr_array_index (series, 0))->period),
                                 jd_period_last_month (&last), NULL, filter, JD_METRICS_SOURCE_ROLLUP,
                                 JD_METRICS_SLICE_BY_PERIOD (by), NULL, by_key, error))
    return NULL;

  /* …and the leniency items in force on each period's last day, or on
   * the data's last day for the period they end in.  (The counts of the
   * months after the data's end are nothing, by its definition.) */
  for (guint i = 0; i < series->len; i++)
    {
      JdMetrics *m = g_ptr_array_index (series, i);
      g_autofree char *day = NULL;
      int month, first;

      _jd_metrics_cover (m, data_end, &first, &month, &day);
      if ((parts & JD_METRICS_PART_LENIENCY_ITEMS) != 0 &&
          !_jd_metrics_compute_into (store, JD_METRICS_PART_LENIENCY_ITEMS, month, month, day, filter,
                                     JD_METRICS_SOURCE_ROLLUP, -1, m, NULL, error))
        return NULL;
      finish_metrics (m);
    }

  return g_steal_pointer (&series);
}

/**
 * jd_metrics_monthly_decided:
 * @first_month: YYYYMM
 * @last_month: YYYYMM, not before @first_month
 *
 * Returns: (transfer full) (element-type gint64): cases decided in each
 *   month from @first_month to @last_month, zeros included
 */
GArray *
jd_metrics_monthly_decided (JdStore         *store,
                            const JdFilter  *filter,
                            int              first_month,
                            int              last_month,
                            GError         **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_auto(JdMetricsScope) scope = { 0 };
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autoptr(GArray) values = NULL;
  g_autofree char *sql = NULL;
  JdDb *db;
  JdDbStep step;
  guint n;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (jd_month_diff (last_month, first_month) >= 0, NULL);

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_conn (store);
  if (!_jd_metrics_scope_init (&scope, db, filter, error))
    return NULL;

  n = jd_month_diff (last_month, first_month) + 1;
  values = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n);
  g_array_set_size (values, n);

  sql = g_strdup_printf ("SELECT month, sum (n) FROM roll_cases"
                         " WHERE month BETWEEN ?1 AND ?2%s GROUP BY month",
                         scope.where);
  stmt = _jd_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  _jd_db_bind_int64 (stmt, 1, first_month);
  _jd_db_bind_int64 (stmt, 2, last_month);
  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      int index = jd_month_diff (_jd_db_column_int (stmt, 0), first_month);

      if (index >= 0 && (guint)index < n)
        g_array_index (values, gint64, index) = _jd_db_column_int64 (stmt, 1);
    }

  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not compute the figures"));
      return NULL;
    }

  return g_steal_pointer (&values);
}

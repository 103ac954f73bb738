/* jd-metrics-cover.c — how far the data reach into a period, and what its
 * figures are compared with
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-metrics"

#include "config.h"

#include "jd-metrics-private.h"

/**
 * _jd_metrics_data_end:
 *
 * Returns: the last month (YYYYMM) that holds any record, where the data
 *   end; 0 when there are none
 */
int
_jd_metrics_data_end (JdStore *store)
{
  int data_since, data_end;

  if (!jd_store_get_month_range (store, &data_since, &data_end))
    return 0;

  return data_end;
}

/**
 * _jd_metrics_cover:
 * @self: figures about to be computed for their period
 * @data_end: what _jd_metrics_data_end() says
 * @first_month: (out): the first month to count
 * @last_month: (out): the last month to count
 * @last_day: (out) (transfer full): the day the leniency items in force
 *   are taken on
 *
 * Records in @self where the data end and how much of its period they
 * cover, and gives the months to count: the whole period, or for a
 * partial one its months up to the data's end (the months after it hold
 * nothing by definition, but the items in force, and any figure "as of"
 * a day, must be taken where the data stop, not at a day still to come).
 */
void
_jd_metrics_cover (JdMetrics  *self,
                   int         data_end,
                   int        *first_month,
                   int        *last_month,
                   char      **last_day)
{
  JdPeriod covered;

  self->data_end = data_end;
  self->coverage = jd_period_cover (&self->period, data_end, &covered, NULL, NULL);
  *first_month = jd_period_first_month (&covered);
  *last_month = jd_period_last_month (&covered);
  *last_day = jd_period_last_day (&covered);
}

/**
 * jd_metrics_format_period:
 *
 * Returns: the period of @self as a reader would write it, saying so when
 *   the data end inside it: "Q4 2026 (through October)" /
 *   "2026年第四季度（截至10月）"
 */
char *
jd_metrics_format_period (const JdMetrics *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return jd_period_format_cover (&self->period, self->data_end);
}

/**
 * jd_metrics_compare:
 * @self: the figures of a period
 * @filter: (nullable): the filter @self was computed under
 * @previous: (out) (transfer full) (nullable): the figures to compare
 *   with period on period (环比)
 * @year_earlier: (out) (transfer full) (nullable): the figures to compare
 *   with year on year (同比)
 *
 * Computes what @self is compared with, after jd_period_cover(): for a
 * partial period the same months a year earlier and as many months from
 * the start of the period before, never a whole period.  A period the
 * data do not reach has nothing to compare with: both are then %NULL.
 *
 * Returns: %FALSE with @error set on a database error
 */
gboolean
jd_metrics_compare (JdStore          *store,
                    const JdMetrics  *self,
                    const JdFilter   *filter,
                    JdMetrics       **previous,
                    JdMetrics       **year_earlier,
                    GError          **error)
{
  g_autoptr(JdMetrics) before = NULL;
  g_autoptr(JdMetrics) last_year = NULL;
  JdPeriod previous_period, year_earlier_period;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (previous != NULL && year_earlier != NULL, FALSE);

  *previous = NULL;
  *year_earlier = NULL;

  if (jd_period_cover (&self->period, self->data_end, NULL,
                       &previous_period, &year_earlier_period) == JD_COVERAGE_NONE)
    return TRUE;

  if ((before = jd_metrics_compute (store, &previous_period, filter, error)) == NULL ||
      (last_year = jd_metrics_compute (store, &year_earlier_period, filter, error)) == NULL)
    return FALSE;

  *previous = g_steal_pointer (&before);
  *year_earlier = g_steal_pointer (&last_year);
  return TRUE;
}

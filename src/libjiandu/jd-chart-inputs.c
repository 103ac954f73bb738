/* jd-chart-inputs.c — what a page's charts are built from, read once
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A page shows several charts of one period and filter; most are made of
 * the same few readings: the period's figures, a run of months (or
 * quarters) of them, every agency's.  Each chart asks its inputs, which
 * read each of these on first demand and keep it for the next chart.  A
 * run of months is read for the parts of the figures asked for only
 * (jd_metrics_series_parts()); a later chart that asks for a part or a
 * month no run has gets a run of its own, so nothing is read twice. */

#define G_LOG_DOMAIN "jd-chart-inputs"

#include "config.h"

#include "jd-chart-inputs.h"
#include "jd-metrics-private.h"

/* A run of periods of one kind, ending with the period's last month */
typedef struct
{
  JdPeriodKind    by;
  int             first;     /* the first month asked for */
  JdMetricsParts  parts;
  GPtrArray      *periods;   /* (element-type JdMetrics) */
} Run;

static void
run_free (Run *run)
{
  g_ptr_array_unref (run->periods);
  g_free (run);
}

struct _JdChartInputs
{
  JdStore         *store;
  JdPeriod         period;
  JdFilter         filter;

  JdMetrics       *metrics;
  GPtrArray       *runs;                    /* (element-type Run) */
  GPtrArray       *agencies;                /* (element-type JdSlice) */
  JdLeniencyItems *items;
};

/* A list of the elements of @array from @skip on, which it keeps owning
 * (g_ptr_array_copy() would hand on its free function) */
static GPtrArray *
view_of (GPtrArray *array,
         guint      skip)
{
  GPtrArray *view = g_ptr_array_sized_new (array->len - skip);

  for (guint i = skip; i < array->len; i++)
    g_ptr_array_add (view, g_ptr_array_index (array, i));

  return view;
}

/**
 * jd_chart_inputs_new:
 * @filter: (nullable): which agencies and domains count
 *
 * Returns: (transfer full): inputs that read nothing yet
 */
JdChartInputs *
jd_chart_inputs_new (JdStore        *store,
                     const JdPeriod *period,
                     const JdFilter *filter)
{
  JdChartInputs *self;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  self = g_new0 (JdChartInputs, 1);
  self->store = g_object_ref (store);
  self->period = *period;
  jd_filter_copy (&self->filter, filter);
  self->runs = g_ptr_array_new_with_free_func ((GDestroyNotify)run_free);

  return self;
}

void
jd_chart_inputs_free (JdChartInputs *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->store);
  jd_filter_clear (&self->filter);
  g_clear_pointer (&self->metrics, jd_metrics_free);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_pointer (&self->items, jd_leniency_items_free);
  g_free (self);
}

JdStore *
jd_chart_inputs_get_store (JdChartInputs *self)
{
  return self->store;
}

const JdPeriod *
jd_chart_inputs_get_period (JdChartInputs *self)
{
  return &self->period;
}

const JdFilter *
jd_chart_inputs_get_filter (JdChartInputs *self)
{
  return &self->filter;
}

/**
 * jd_chart_inputs_metrics:
 *
 * Returns: (transfer none): the period's figures, as jd_metrics_compute()
 *   gives them, or %NULL with @error set
 */
const JdMetrics *
jd_chart_inputs_metrics (JdChartInputs  *self,
                         GError        **error)
{
  if (self->metrics == NULL)
    self->metrics = jd_metrics_compute (self->store, &self->period, &self->filter, error);

  return self->metrics;
}

/**
 * jd_chart_inputs_series:
 * @by: months, quarters or years
 * @first_month: YYYYMM: the run starts with the period that holds it
 * @parts: the parts of the figures the caller reads
 *
 * The figures of every period of kind @by from @first_month to the end of
 * the inputs' period, as jd_metrics_series_parts() gives them (@parts at
 * least: more when another chart asked for more).
 *
 * Returns: (transfer container) (element-type JdMetrics): one a period,
 *   oldest first, owned by @self; or %NULL with @error set
 */
GPtrArray *
jd_chart_inputs_series (JdChartInputs   *self,
                        JdPeriodKind     by,
                        int              first_month,
                        JdMetricsParts   parts,
                        GError         **error)
{
  Run *run = NULL;
  JdPeriod first;
  guint skip;

  g_return_val_if_fail (by < JD_PERIOD_RANGE, NULL);

  for (guint i = 0; i < self->runs->len && run == NULL; i++)
    {
      Run *r = g_ptr_array_index (self->runs, i);

      if (r->by == by && jd_month_diff (first_month, r->first) >= 0 && (parts & ~r->parts) == 0)
        run = r;
    }

  if (run == NULL)
    {
      GPtrArray *periods = jd_metrics_series_parts (self->store, &self->filter, by, first_month,
                                                    jd_period_last_month (&self->period), parts, error);

      if (periods == NULL)
        return NULL;

      run = g_new0 (Run, 1);
      run->by = by;
      run->first = first_month;
      /* the cases' figures hold their totals */
      run->parts = (parts & JD_METRICS_PART_CASES) ? parts | JD_METRICS_PART_CASES_TOTALS : parts;
      run->periods = periods;
      g_ptr_array_add (self->runs, run);
    }

  /* The periods from the one that holds @first_month on */
  first = jd_period_containing (by, first_month);
  for (skip = 0; skip < run->periods->len; skip++)
    if (jd_period_equal (&((JdMetrics *)g_ptr_array_index (run->periods, skip))->period, &first))
      break;
  g_assert (skip < run->periods->len);

  return view_of (run->periods, skip);
}

/**
 * jd_chart_inputs_agencies:
 *
 * Returns: (transfer container) (element-type JdSlice): every agency's
 *   figures for the period, as jd_metrics_breakdown() gives them, owned
 *   by @self (the caller may sort its copy of the list); or %NULL with
 *   @error set
 */
GPtrArray *
jd_chart_inputs_agencies (JdChartInputs  *self,
                          GError        **error)
{
  if (self->agencies == NULL)
    self->agencies = jd_metrics_breakdown (self->store, &self->period, &self->filter,
                                           JD_DIMENSION_AGENCY, error);
  if (self->agencies == NULL)
    return NULL;

  return view_of (self->agencies, 0);
}

/**
 * jd_chart_inputs_leniency_items:
 *
 * Returns: (transfer none): the leniency list's figures at the period's
 *   end, as jd_leniency_items_compute() gives them, or %NULL with @error set
 */
const JdLeniencyItems *
jd_chart_inputs_leniency_items (JdChartInputs  *self,
                                GError        **error)
{
  if (self->items == NULL)
    self->items = jd_leniency_items_compute (self->store, &self->period, &self->filter, error);

  return self->items;
}

/**
 * jd_chart_inputs_take_metrics:
 *
 * The period's figures, for a page that keeps them once its charts are
 * built: read now if no chart read them.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
JdMetrics *
jd_chart_inputs_take_metrics (JdChartInputs  *self,
                              GError        **error)
{
  if (jd_chart_inputs_metrics (self, error) == NULL)
    return NULL;

  return g_steal_pointer (&self->metrics);
}

/**
 * jd_chart_inputs_take_leniency_items:
 *
 * Returns: (transfer full): the leniency list's figures, as
 *   jd_chart_inputs_leniency_items(), or %NULL with @error set
 */
JdLeniencyItems *
jd_chart_inputs_take_leniency_items (JdChartInputs  *self,
                                     GError        **error)
{
  if (jd_chart_inputs_leniency_items (self, error) == NULL)
    return NULL;

  return g_steal_pointer (&self->items);
}

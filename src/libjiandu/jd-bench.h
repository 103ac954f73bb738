/* jd-bench.h — what `jiandu-cli bench` measures against, from the core
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-metrics.h"

G_BEGIN_DECLS

#define JD_BENCH_N_FILTERS 5

/* A filter a benchmark runs with, and what to call it. */
typedef struct
{
  const char *name;       /* translatable (N_): "the biggest agency" */
  const char *value;      /* (nullable): the agency, domain, level or region it picks */
  JdFilter    filter;
} JdBenchFilter;

void       jd_bench_filters_init   (JdStore          *store,
                                    JdBenchFilter     filters[JD_BENCH_N_FILTERS]);
void       jd_bench_filters_clear  (JdBenchFilter     filters[JD_BENCH_N_FILTERS]);
gboolean   jd_bench_totals         (JdStore          *store,
                                    gint64           *n_cases,
                                    gint64           *n_complaints,
                                    GError          **error);

/* The same figures as jd_metrics_compute() and jd_metrics_breakdown(), by
 * plain SQL over the raw tables: the reference the rollups are timed and
 * checked against. */
JdMetrics *jd_bench_compute_raw    (JdStore          *store,
                                    const JdPeriod   *period,
                                    const JdFilter   *filter,
                                    GError          **error);
GPtrArray *jd_bench_breakdown_raw  (JdStore          *store,
                                    const JdPeriod   *period,
                                    const JdFilter   *filter,
                                    JdDimension       dimension,
                                    GError          **error);

G_END_DECLS

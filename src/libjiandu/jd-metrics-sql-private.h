/* jd-metrics-sql-private.h — what jd-metrics.c, jd-metrics-scope.c and
 * jd-metrics-query.c share: the filter as SQL, and the reader of the
 * rollup (or raw) tables
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-db-private.h"
#include "jd-enums.h"
#include "jd-metrics-private.h"

G_BEGIN_DECLS

/* A filter turned into SQL conditions on agency_id and domain_id; the ids
 * are integers from our own tables, so they are written into the SQL. */
typedef struct
{
  char   *where;           /* " AND agency_id IN (…) AND domain_id = …", or "" */
  char   *reviews_where;   /* the same for reviews, which have no domain of their own */
  char   *agencies_where;  /* " AND a.id IN (…)" on the agencies table, or "" */
  char   *domains_where;   /* " AND id = …" on the domains table, or "" */
} JdMetricsScope;

/* The same figures from two sources: the rollup tables, which every
 * caller reads, and the raw tables, which only the tests and the benchmark
 * read, to prove the rollups right and to show what they save.  A query
 * returns the same columns from either source, so one row function reads
 * both. */
typedef enum
{
  JD_METRICS_SOURCE_ROLLUP,
  JD_METRICS_SOURCE_RAW,
} JdMetricsSource;

/* Beyond the public dimensions, a series slices the rollups by period. */
#define JD_METRICS_SLICE_BY_PERIOD(kind) (JD_N_DIMENSIONS + (kind))

/* jd-metrics-scope.c */
gboolean   _jd_metrics_scope_init    (JdMetricsScope        *scope,
                                      JdDb                  *db,
                                      const JdFilter        *filter,
                                      GError               **error);
void       _jd_metrics_scope_clear   (JdMetricsScope        *scope);
gboolean   _jd_metrics_list_slices   (JdDb                  *db,
                                      JdDimension            dimension,
                                      const JdMetricsScope  *scope,
                                      const JdMetrics       *template,
                                      GPtrArray             *slices,
                                      GHashTable            *by_key,
                                      GError               **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JdMetricsScope, _jd_metrics_scope_clear)

/* jd-metrics-query.c; @dimension of _jd_metrics_compute_into() is a
 * JdDimension, a JD_METRICS_SLICE_BY_PERIOD (), or -1 for the whole */
int        _jd_metrics_enum_index    (JdEnum                 which,
                                      const char            *code);
char      *_jd_metrics_period_key    (JdPeriodKind           kind,
                                      int                    month);
gboolean   _jd_metrics_compute_into  (JdStore               *store,
                                      JdMetricsParts         parts,
                                      int                    first,
                                      int                    last,
                                      const char            *last_day,
                                      const JdFilter        *filter,
                                      JdMetricsSource        source,
                                      int                    dimension,
                                      JdMetrics             *whole,
                                      GHashTable            *slices,
                                      GError               **error);

/* jd-metrics.c */
JdMetrics *_jd_metrics_new           (const JdPeriod        *period,
                                      const char            *loss_rate_denominator,
                                      const char            *correction_rate_denominator);

G_END_DECLS

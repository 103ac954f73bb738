/* jd-metrics-private.h
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-metrics.h"

G_BEGIN_DECLS

JdMetrics *_jd_metrics_compute_raw (JdStore         *store,
                                    const JdPeriod  *period,
                                    const JdFilter  *filter,
                                    GError         **error);

GPtrArray *_jd_metrics_breakdown_raw (JdStore         *store,
                                      const JdPeriod  *period,
                                      const JdFilter  *filter,
                                      JdDimension      dimension,
                                      GError         **error);

int        _jd_metrics_data_end      (JdStore         *store);
void       _jd_metrics_cover         (JdMetrics       *self,
                                      int              data_end,
                                      int             *first_month,
                                      int             *last_month,
                                      char           **last_day);

char      *_jd_metrics_scope_where   (JdStore         *store,
                                      const JdFilter  *filter,
                                      GError         **error);

G_END_DECLS

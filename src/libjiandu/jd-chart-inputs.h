/* jd-chart-inputs.h — what a page's charts are built from, read once
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-leniency.h"
#include "jd-metrics.h"

G_BEGIN_DECLS

typedef struct _JdChartInputs JdChartInputs;

JdChartInputs   *jd_chart_inputs_new        (JdStore         *store,
                                             const JdPeriod  *period,
                                             const JdFilter  *filter);
void             jd_chart_inputs_free       (JdChartInputs   *self);

JdStore         *jd_chart_inputs_get_store  (JdChartInputs   *self);
const JdPeriod  *jd_chart_inputs_get_period (JdChartInputs   *self);
const JdFilter  *jd_chart_inputs_get_filter (JdChartInputs   *self);

const JdMetrics *jd_chart_inputs_metrics    (JdChartInputs   *self,
                                             GError         **error);
GPtrArray       *jd_chart_inputs_series     (JdChartInputs   *self,
                                             JdPeriodKind     by,
                                             int              first_month,
                                             JdMetricsParts   parts,
                                             GError         **error);
GPtrArray       *jd_chart_inputs_agencies   (JdChartInputs   *self,
                                             GError         **error);
const JdLeniencyItems *jd_chart_inputs_leniency_items (JdChartInputs *self,
                                                       GError       **error);

JdMetrics       *jd_chart_inputs_take_metrics (JdChartInputs *self,
                                               GError       **error);
JdLeniencyItems *jd_chart_inputs_take_leniency_items (JdChartInputs *self,
                                                      GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdChartInputs, jd_chart_inputs_free)

G_END_DECLS

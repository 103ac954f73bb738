/* jd-cockpit-cases.h — what the cases and complaints pages read, GTK-free
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-chart.h"
#include "jd-metrics.h"

G_BEGIN_DECLS

/* 执法案件: the period's figures and the page's charts. */
typedef struct
{
  JdMetrics *metrics;      /* the headline figures */
  JdChart   *trend[3];     /* decided and opened, by JdPeriodKind */
  JdChart   *by_kind;
  JdChart   *by_domain;
  JdChart   *by_level;
  JdChart   *by_region;
  JdChart   *fines;
  GPtrArray *unreviewed;   /* (element-type JdSlice): agencies with 重大执法决定
                            * without 法制审核, the most first */
} JdCasesData;

/* 投诉举报: the period's figures, the page's charts and the overdue complaints. */
typedef struct
{
  JdMetrics *metrics;      /* the headline figures */
  JdChart   *by_channel;
  JdChart   *by_category;
  JdChart   *rates;
  GPtrArray *overdue;      /* (element-type JdWarning): by agency, the most first */
} JdComplaintsData;

gpointer _jd_cockpit_load_cases      (JdStore          *store,
                                      const JdPeriod   *period,
                                      const JdFilter   *filter,
                                      GCancellable     *cancellable,
                                      GError          **error);
gpointer _jd_cockpit_load_complaints (JdStore          *store,
                                      const JdPeriod   *period,
                                      const JdFilter   *filter,
                                      GCancellable     *cancellable,
                                      GError          **error);

void     jd_cases_data_free          (JdCasesData      *data);
void     jd_complaints_data_free     (JdComplaintsData *data);

G_END_DECLS

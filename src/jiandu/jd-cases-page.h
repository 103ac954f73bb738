/* jd-cases-page.h — 执法案件: the enforcement cases of the period
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-page.h"

G_BEGIN_DECLS

#define JD_TYPE_CASES_PAGE (jd_cases_page_get_type ())

G_DECLARE_FINAL_TYPE (JdCasesPage, jd_cases_page, JD, CASES_PAGE, JdPage)

const JdMetrics *jd_cases_page_get_metrics     (JdCasesPage  *self);
GPtrArray       *jd_cases_page_get_unreviewed  (JdCasesPage  *self);
void             jd_cases_page_set_granularity (JdCasesPage  *self,
                                                JdPeriodKind  by);

G_END_DECLS

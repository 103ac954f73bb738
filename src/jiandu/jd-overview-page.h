/* jd-overview-page.h — 总览: the headline figures, the main trend and the top warnings
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-kpi-card.h"
#include "jd-page.h"

G_BEGIN_DECLS

#define JD_TYPE_OVERVIEW_PAGE (jd_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (JdOverviewPage, jd_overview_page, JD, OVERVIEW_PAGE, JdPage)

JdKpiCard *jd_overview_page_get_card (JdOverviewPage *self,
                                      JdKpi           kpi);

G_END_DECLS

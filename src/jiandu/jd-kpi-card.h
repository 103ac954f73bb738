/* jd-kpi-card.h — one headline figure with its 同比 and 环比
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jd-dashboard-charts.h"

G_BEGIN_DECLS

#define JD_TYPE_KPI_CARD (jd_kpi_card_get_type ())

G_DECLARE_FINAL_TYPE (JdKpiCard, jd_kpi_card, JD, KPI_CARD, GtkWidget)

JdKpi       jd_kpi_card_get_kpi     (JdKpiCard       *self);
void        jd_kpi_card_set_kpi     (JdKpiCard       *self,
                                     JdKpi            kpi);
const char *jd_kpi_card_get_title   (JdKpiCard       *self);
const char *jd_kpi_card_get_value   (JdKpiCard       *self);
JdChart    *jd_kpi_card_get_chart   (JdKpiCard       *self);
void        jd_kpi_card_set_figures (JdKpiCard       *self,
                                     const JdMetrics *current,
                                     const JdMetrics *previous,
                                     const JdMetrics *year_earlier,
                                     const GPtrArray *months,
                                     int              first_month);

G_END_DECLS

/* jd-kpi-card.h — one headline figure with its 同比 and 环比
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  JD_KPI_NEUTRAL,      /* a change is neither good nor bad news */
  JD_KPI_UP_IS_GOOD,
  JD_KPI_UP_IS_BAD,
} JdKpiPolarity;

typedef enum
{
  JD_KPI_CHANGE_RELATIVE,  /* a count: +12.5% */
  JD_KPI_CHANGE_POINTS,    /* a rate: +1.2 percentage points */
} JdKpiChangeKind;

#define JD_TYPE_KPI_CARD (jd_kpi_card_get_type ())

G_DECLARE_FINAL_TYPE (JdKpiCard, jd_kpi_card, JD, KPI_CARD, GtkWidget)

const char *jd_kpi_card_get_title   (JdKpiCard       *self);
void        jd_kpi_card_set_title   (JdKpiCard       *self,
                                     const char      *title);
const char *jd_kpi_card_get_value   (JdKpiCard       *self);
void        jd_kpi_card_set_value   (JdKpiCard       *self,
                                     const char      *value);
void        jd_kpi_card_set_detail  (JdKpiCard       *self,
                                     const char      *detail);
void        jd_kpi_card_set_changes (JdKpiCard       *self,
                                     JdKpiChangeKind  kind,
                                     JdKpiPolarity    polarity,
                                     double           year_on_year,
                                     double           period_on_period);

G_END_DECLS

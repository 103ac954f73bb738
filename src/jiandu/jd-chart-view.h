/* jd-chart-view.h — a libjiandu chart on screen
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JD_TYPE_CHART_VIEW (jd_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (JdChartView, jd_chart_view, JD, CHART_VIEW, GtkWidget)

void jd_chart_view_set_monthly (JdChartView  *self,
                                const char   *title,
                                const char   *value_label,
                                const char   *comparison_label,
                                int           first_month,
                                guint         n_points,
                                const double *values,
                                const double *comparison);

G_END_DECLS

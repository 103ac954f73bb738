/* jd-chart-view.h — a libjiandu chart on screen
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jd-chart.h"

G_BEGIN_DECLS

#define JD_TYPE_CHART_VIEW (jd_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (JdChartView, jd_chart_view, JD, CHART_VIEW, GtkWidget)

GtkWidget *jd_chart_view_new           (void);
void       jd_chart_view_set_chart     (JdChartView  *self,
                                        JdChart      *chart);
JdChart   *jd_chart_view_get_chart     (JdChartView  *self);
void       jd_chart_view_set_monthly   (JdChartView  *self,
                                        const char   *title,
                                        const char   *value_label,
                                        const char   *comparison_label,
                                        int           first_month,
                                        guint         n_points,
                                        const double *values,
                                        const double *comparison);

/* The mark under the pointer or the keyboard focus, outlined; FALSE if none */
gboolean   jd_chart_view_get_highlight (JdChartView  *self,
                                        JdChartHit   *hit);
gboolean   jd_chart_view_step          (JdChartView  *self,
                                        int           d_index,
                                        int           d_series);
void       jd_chart_view_point_at      (JdChartView  *self,
                                        double        x,
                                        double        y);
gboolean   jd_chart_view_export        (JdChartView  *self,
                                        GFile        *file,
                                        gboolean      dark,
                                        GError      **error);

G_END_DECLS

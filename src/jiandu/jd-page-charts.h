/* jd-page-charts.h — a page's named charts, each in the view of the same name
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-chart-view.h"
#include "jd-page.h"

G_BEGIN_DECLS

void     jd_page_charts_bind        (GtkWidgetClass *widget_class,
                                     const char     *page);
void     jd_page_charts_show        (JdPage         *page,
                                     GType           type,
                                     GPtrArray      *charts);
JdChart *jd_page_charts_get         (JdPage         *page,
                                     GType           type,
                                     const char     *name);
void     jd_page_charts_show_period (JdPage         *page,
                                     GtkLabel       *label);

G_END_DECLS

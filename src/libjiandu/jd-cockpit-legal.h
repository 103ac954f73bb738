/* jd-cockpit-legal.h — what the lawsuits, leniency and reviews pages read, GTK-free
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-chart-inputs.h"
#include "jd-cockpit.h"
#include "jd-leniency.h"

G_BEGIN_DECLS

/* A page of headline figures and named charts: the lawsuits (诉讼与复议),
 * leniency (免罚清单) and reviews (案卷评查) pages. */
typedef struct
{
  JdMetrics       *metrics;   /* the period's figures, for the headline */
  GPtrArray       *charts;    /* (element-type JdChart) one for each of jd_cockpit_page_charts() */
  JdLeniencyItems *items;     /* the leniency page: the list's figures; else NULL */
  JdRanking       *ranking;   /* the reviews page: agencies by pass rate, as its bars; else NULL */
} JdFiguresData;

const char * const *jd_cockpit_page_charts (const char     *page);
void                jd_figures_data_free   (JdFiguresData  *data);

GPtrArray *_jd_cockpit_load_charts (JdChartInputs       *inputs,
                                    const char * const  *names,
                                    GCancellable        *cancellable,
                                    GError             **error);

gpointer _jd_cockpit_load_lawsuits (JdStore         *store,
                                    const JdPeriod  *period,
                                    const JdFilter  *filter,
                                    GCancellable    *cancellable,
                                    GError         **error);
gpointer _jd_cockpit_load_leniency (JdStore         *store,
                                    const JdPeriod  *period,
                                    const JdFilter  *filter,
                                    GCancellable    *cancellable,
                                    GError         **error);
gpointer _jd_cockpit_load_reviews  (JdStore         *store,
                                    const JdPeriod  *period,
                                    const JdFilter  *filter,
                                    GCancellable    *cancellable,
                                    GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdFiguresData, jd_figures_data_free)

G_END_DECLS

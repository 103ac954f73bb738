/* jd-deck-charts.h — a 16:9 deck of named dashboard charts, one a slide
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-doc.h"
#include "jd-metrics.h"

G_BEGIN_DECLS

JdDoc *jd_deck_charts_new (JdStore            *store,
                           const char         *title,
                           const JdPeriod     *period,
                           const JdFilter     *filter,
                           const char * const *charts,
                           GCancellable       *cancellable,
                           GError            **error);

G_END_DECLS

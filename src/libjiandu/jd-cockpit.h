/* jd-cockpit.h — what each page of the cockpit reads, GTK-free
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jd-chart.h"
#include "jd-metrics.h"

G_BEGIN_DECLS

/* Reads what one page shows for a period and a filter; runs in a worker.
 * Returns the page's data, or %NULL with @error set. */
typedef gpointer (*JdCockpitLoadFunc) (JdStore         *store,
                                       const JdPeriod  *period,
                                       const JdFilter  *filter,
                                       GCancellable    *cancellable,
                                       GError         **error);

typedef struct
{
  const char        *name;      /* "agencies", for the command line */
  JdCockpitLoadFunc  load;
  GDestroyNotify     free;
} JdCockpitPageInfo;

/* The agencies page: every agency's figures, the rule for ranking rates,
 * and the agency × month heat table. */
typedef struct
{
  GPtrArray *slices;      /* (element-type JdSlice) */
  gint64     min_total;   /* the minimum-denominator rule in force */
  JdChart   *heat;
} JdAgenciesData;

const JdCockpitPageInfo *jd_cockpit_pages      (guint          *n_pages);
const JdCockpitPageInfo *jd_cockpit_page       (const char     *name);

void                     jd_agencies_data_free (JdAgenciesData *data);

G_END_DECLS

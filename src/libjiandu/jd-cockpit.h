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
  gboolean           one_agency; /* about the filter's agency, which must be set */
} JdCockpitPageInfo;

/* The agencies page: every agency's figures, the rule for ranking rates,
 * and the agency × month heat table. */
typedef struct
{
  GPtrArray *slices;      /* (element-type JdSlice) */
  gint64     min_total;   /* the minimum-denominator rule in force */
  JdChart   *heat;
} JdAgenciesData;

/* What a filter can choose from: every agency and every domain. */
typedef struct
{
  char *code;
  char *name;
  char *level;    /* agencies: city, county or township; NULL for domains */
  char *region;   /* agencies: (nullable) */
} JdFilterChoice;

typedef struct
{
  GPtrArray *agencies;   /* (element-type JdFilterChoice), by level and name */
  GPtrArray *domains;    /* (element-type JdFilterChoice), by code */
  GStrv      regions;    /* every region an agency names, sorted */
} JdFilterChoices;

const JdCockpitPageInfo *jd_cockpit_pages      (guint          *n_pages);
const JdCockpitPageInfo *jd_cockpit_page       (const char     *name);

void                     jd_agencies_data_free (JdAgenciesData *data);

JdFilterChoices         *jd_filter_choices_load (JdStore        *store,
                                                 GError        **error);
void                     jd_filter_choices_free (JdFilterChoices *choices);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdFilterChoices, jd_filter_choices_free)

G_END_DECLS

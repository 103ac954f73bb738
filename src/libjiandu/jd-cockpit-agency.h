/* jd-cockpit-agency.h — what the agency profile (一单位一档) reads, GTK-free
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-cockpit.h"
#include "jd-overview.h"

G_BEGIN_DECLS

/* Where the agency stands on one measure among the agencies of its level. */
typedef struct
{
  guint   rank;       /* 1 for the best; 0: not ranked (too few cases behind the rate) */
  guint   n_ranked;   /* agencies of the level with a rank */
  double  value;      /* the agency's own figure */
  gint64  total;      /* for a rate: its denominator */
} JdAgencyRank;

typedef struct
{
  char         *code;
  char         *name;
  char         *level;
  char         *region;     /* (nullable) */

  /* The overview's figures narrowed to the agency: the KPI cards with
   * 同比 / 环比, the sparklines and the agency's warnings. */
  JdOverview   *overview;
  GPtrArray    *charts;     /* (element-type JdChart) one for each of jd_cockpit_page_charts ("agency") */

  gint64        min_total;  /* the minimum-denominator rule of the ranks */
  JdAgencyRank  ranks[JD_N_MEASURES];
} JdAgencyProfile;

void     jd_agency_profile_free   (JdAgencyProfile  *profile);

gpointer _jd_cockpit_load_agency  (JdStore          *store,
                                   const JdPeriod   *period,
                                   const JdFilter   *filter,
                                   GCancellable     *cancellable,
                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdAgencyProfile, jd_agency_profile_free)

G_END_DECLS

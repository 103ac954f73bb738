/* jd-leniency.h — the leniency list (免罚清单) of a period: in force, added, repealed
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-metrics.h"

G_BEGIN_DECLS

/* Items of the list that one domain or one agency published. */
typedef struct
{
  char   *code;    /* domain or agency code */
  char   *label;   /* its name */
  gint64  count;
} JdLeniencyCount;

typedef struct
{
  gint64     in_force;     /* on the period's last day */
  gint64     added;        /* effective_on within the period */
  gint64     repealed;     /* repealed_on within the period */
  GPtrArray *by_domain;    /* (element-type JdLeniencyCount) in force, the most first */
  GPtrArray *by_agency;    /* (element-type JdLeniencyCount) in force, the most first */
} JdLeniencyItems;

JdLeniencyItems *jd_leniency_items_compute (JdStore          *store,
                                            const JdPeriod   *period,
                                            const JdFilter   *filter,
                                            GError          **error);
void             jd_leniency_items_free    (JdLeniencyItems  *items);
JsonNode        *jd_leniency_items_to_json (const JdLeniencyItems *items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdLeniencyItems, jd_leniency_items_free)

G_END_DECLS

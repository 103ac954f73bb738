/* jd-rollup-private.h — keeping the rollup tables in step with the raw rows
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* The raw tables that have a rollup (leniency_items is small and read as it is). */
typedef enum
{
  JD_ROLLUP_CASES,             /* roll_cases (decided_month), roll_cases_opened (opened_month), and roll_reviews */
  JD_ROLLUP_COMPLAINTS,        /* roll_complaints (received_month) */
  JD_ROLLUP_LAWSUITS,          /* roll_lawsuits (concluded_month) */
  JD_ROLLUP_RECONSIDERATIONS,  /* roll_reconsiderations (decided_month) */
  JD_ROLLUP_REVIEWS,           /* roll_reviews (reviewed_month) */
  JD_N_ROLLUPS
} JdRollup;

/* Rebuilds the rollup rows of @rollup for the months @first_month to
 * @last_month (YYYYMM, inclusive) from the raw table.  Call it inside the
 * transaction that changed the raw rows, with a range that covers every
 * month a changed row had before and has now (both, for an update that
 * moves a date).  Costs a read of the raw rows of those months. */
gboolean _jd_rollup_refresh     (sqlite3   *db,
                                 JdRollup   rollup,
                                 int        first_month,
                                 int        last_month,
                                 GError   **error);

/* Rebuilds every rollup from scratch (after a migration, or the demo). */
gboolean _jd_rollup_refresh_all (sqlite3   *db,
                                 GError   **error);

G_END_DECLS

/* jd-rollup-private.h — keeping the rollup tables in step with the raw rows
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jd-db-private.h"

G_BEGIN_DECLS

/* The raw tables that have a rollup (leniency_items is small and read as it is). */
typedef enum
{
  JD_ROLLUP_CASES,             /* roll_cases (decided_month), roll_cases_opened (opened_month), and roll_reviews */
  JD_ROLLUP_COMPLAINTS,        /* roll_complaints, roll_complaint_categories (received_month) */
  JD_ROLLUP_LAWSUITS,          /* roll_lawsuits (concluded_month) */
  JD_ROLLUP_RECONSIDERATIONS,  /* roll_reconsiderations (decided_month) */
  JD_ROLLUP_REVIEWS,           /* roll_reviews (reviewed_month), always rebuilt whole */
  JD_N_ROLLUPS
} JdRollup;

/* Rebuilds every rollup from scratch (after a migration, or the demo). */
gboolean _jd_rollup_refresh_all (JdDb      *db,
                                 GError   **error);

/* Compares every rollup with a rebuild from the raw rows; FALSE, with a
 * JD_STORE_ERROR_SUMMARIES naming the table, when one differs. */
gboolean _jd_rollup_verify      (JdDb      *db,
                                 GError   **error);

/* Call once the changes to @rollup's raw table are summed in: drops rows
 * that came to nothing, and rebuilds roll_reviews when cases or reviews
 * changed. */
gboolean _jd_rollup_finish      (JdDb      *db,
                                 JdRollup   rollup,
                                 GError   **error);

/* Rows of the raw table matching a condition, added to the rollup or
 * taken away from it.  Take rows away before changing or deleting them;
 * add them once changed.  @where is an SQL condition on the raw table with
 * up to two parameters, ?1 and ?2: "id = ?1". */
typedef struct _JdRollupDelta JdRollupDelta;

JdRollupDelta *_jd_rollup_delta_new   (JdDb           *db,
                                       JdRollup        rollup,
                                       const char     *where,
                                       GError        **error);
gboolean       _jd_rollup_delta_apply (JdRollupDelta  *delta,
                                       int             sign,
                                       gint64          a,
                                       gint64          b,
                                       GError        **error);
void           _jd_rollup_delta_free  (JdRollupDelta  *delta);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdRollupDelta, _jd_rollup_delta_free)

/* New rows, summed in memory as they are written and added in one go:
 * what a bulk import can afford.  A row is given as the values of the
 * raw columns _jd_rollup_columns() names, in that order, as stored
 * (defaults included). */
typedef enum
{
  /* SQLite's codes of the same types, which the import's values carry */
  JD_ROLLUP_INTEGER = SQLITE_INTEGER,
  JD_ROLLUP_TEXT    = SQLITE_TEXT,
  JD_ROLLUP_NULL    = SQLITE_NULL,
} JdRollupType;

typedef struct
{
  int          type;   /* a JdRollupType */
  gint64       i;
  const char  *s;
} JdRollupValue;

typedef struct _JdRollupSum JdRollupSum;

const char * const *_jd_rollup_columns   (JdRollup              rollup);
JdRollupSum        *_jd_rollup_sum_new   (JdRollup              rollup);
void                _jd_rollup_sum_add   (JdRollupSum          *sum,
                                          const JdRollupValue  *row);
gboolean            _jd_rollup_sum_flush (JdRollupSum          *sum,
                                          JdDb                 *db,
                                          GError              **error);
void                _jd_rollup_sum_free  (JdRollupSum          *sum);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdRollupSum, _jd_rollup_sum_free)

G_END_DECLS

/* jd-rollup.c — keeping the rollup tables in step with the raw rows
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rollup row sums the raw rows of one month × agency × domain × the
 * categories a metric splits by.  Refreshing a range of months deletes its
 * rollup rows and sums the raw rows again: simple enough to be obviously
 * right, and cheap for the month or two an import touches.
 */

#define G_LOG_DOMAIN "jd-rollup"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-rollup-private.h"
#include "jd-store-private.h"

typedef struct
{
  const char *table;
  const char *insert;   /* ?1 first month, ?2 last month */
} Part;

static const Part cases_parts[] = {
  { "roll_cases",
    "INSERT INTO roll_cases"
    " SELECT decided_month, agency_id, coalesce (domain_id, 0), kind, leniency,"
    "        count(*), coalesce (sum (fine_fen), 0), coalesce (sum (exempted_fen), 0), coalesce (sum (major), 0),"
    "        coalesce (sum (major = 1 AND coalesce (legal_review, 0) = 0), 0)"
    " FROM cases WHERE decided_month BETWEEN ?1 AND ?2"
    " GROUP BY 1, 2, 3, 4, 5" },
  { "roll_cases_opened",
    "INSERT INTO roll_cases_opened"
    " SELECT opened_month, agency_id, coalesce (domain_id, 0), count(*)"
    " FROM cases WHERE opened_month BETWEEN ?1 AND ?2"
    " GROUP BY 1, 2, 3" },
};

static const Part complaints_parts[] = {
  { "roll_complaints",
    "INSERT INTO roll_complaints"
    " SELECT received_month, coalesce (agency_id, 0), coalesce (domain_id, 0), channel,"
    "        count(*), count(closed_on),"
    "        coalesce (sum (closed_on IS NOT NULL AND due_on IS NOT NULL AND closed_on <= due_on), 0),"
    "        coalesce (sum (closed_on IS NOT NULL AND due_on IS NOT NULL), 0),"
    "        coalesce (sum (substantiated = 1), 0), count(substantiated),"
    "        coalesce (sum (satisfaction = 'satisfied' OR satisfaction = 'basic'), 0), count(satisfaction)"
    " FROM complaints WHERE received_month BETWEEN ?1 AND ?2"
    " GROUP BY 1, 2, 3, 4" },
  { "roll_complaint_categories",
    "INSERT INTO roll_complaint_categories"
    " SELECT received_month, coalesce (agency_id, 0), coalesce (domain_id, 0),"
    "        coalesce (category, ''), count(*)"
    " FROM complaints WHERE received_month BETWEEN ?1 AND ?2"
    " GROUP BY 1, 2, 3, 4" },
};

static const Part lawsuits_parts[] = {
  { "roll_lawsuits",
    "INSERT INTO roll_lawsuits"
    " SELECT concluded_month, coalesce (agency_id, 0), coalesce (domain_id, 0), instance, outcome,"
    "        count(*), coalesce (sum (hearing_held = 1), 0), coalesce (sum (hearing_held = 1 AND head_appeared = 1), 0)"
    " FROM lawsuits WHERE concluded_month BETWEEN ?1 AND ?2"
    " GROUP BY 1, 2, 3, 4, 5" },
};

static const Part reconsiderations_parts[] = {
  { "roll_reconsiderations",
    "INSERT INTO roll_reconsiderations"
    " SELECT decided_month, coalesce (agency_id, 0), coalesce (domain_id, 0), outcome, count(*)"
    " FROM reconsiderations WHERE decided_month BETWEEN ?1 AND ?2"
    " GROUP BY 1, 2, 3, 4" },
};

/* A review counts in the domain of the case file it reviewed. */
static const Part reviews_parts[] = {
  { "roll_reviews",
    "INSERT INTO roll_reviews"
    " SELECT r.reviewed_month, r.agency_id, coalesce (c.domain_id, 0), r.grade,"
    "        count(*), total (r.score), count(r.score)"
    " FROM reviews AS r"
    " LEFT JOIN cases AS c ON c.agency_id = r.agency_id AND c.case_no = r.case_no"
    " WHERE r.reviewed_month BETWEEN ?1 AND ?2"
    " GROUP BY 1, 2, 3, 4" },
};

static const struct {
  const Part *parts;
  guint       n_parts;
} rollups[JD_N_ROLLUPS] = {
  [JD_ROLLUP_CASES] = { cases_parts, G_N_ELEMENTS (cases_parts) },
  [JD_ROLLUP_COMPLAINTS] = { complaints_parts, G_N_ELEMENTS (complaints_parts) },
  [JD_ROLLUP_LAWSUITS] = { lawsuits_parts, G_N_ELEMENTS (lawsuits_parts) },
  [JD_ROLLUP_RECONSIDERATIONS] = { reconsiderations_parts, G_N_ELEMENTS (reconsiderations_parts) },
  [JD_ROLLUP_REVIEWS] = { reviews_parts, G_N_ELEMENTS (reviews_parts) },
};

static gboolean
run_range (sqlite3     *db,
           const char  *sql,
           int          first_month,
           int          last_month,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, first_month);
  sqlite3_bind_int (stmt, 2, last_month);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_store_set_error (error, db, rc, _("Could not update the summary tables"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_jd_rollup_refresh (sqlite3   *db,
                    JdRollup   rollup,
                    int        first_month,
                    int        last_month,
                    GError   **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (rollup < JD_N_ROLLUPS, FALSE);

  if (first_month > last_month)
    return TRUE;

  for (guint i = 0; i < rollups[rollup].n_parts; i++)
    {
      const Part *part = &rollups[rollup].parts[i];
      g_autofree char *delete = g_strdup_printf ("DELETE FROM %s WHERE month BETWEEN ?1 AND ?2",
                                                 part->table);

      if (!run_range (db, delete, first_month, last_month, error) ||
          !run_range (db, part->insert, first_month, last_month, error))
        return FALSE;
    }

  /* Reviews take their domain from the cases they reviewed; there are few
   * reviews, so when cases change, all of them are summed again. */
  if (rollup == JD_ROLLUP_CASES)
    return _jd_rollup_refresh (db, JD_ROLLUP_REVIEWS, 0, G_MAXINT, error);

  return TRUE;
}

gboolean
_jd_rollup_refresh_all (sqlite3  *db,
                        GError  **error)
{
  /* Cases first: it refreshes the reviews as well. */
  for (guint rollup = 0; rollup < JD_N_ROLLUPS; rollup++)
    if (rollup != JD_ROLLUP_REVIEWS &&
        !_jd_rollup_refresh (db, rollup, 0, G_MAXINT, error))
      return FALSE;

  return TRUE;
}

/* jd-metrics-query.c — the aggregate reader: which rollup (or raw) columns
 * are summed for a period, a filter and a breakdown, and how each result
 * row adds to the figures
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-metrics"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-metrics-sql-private.h"
#include "jd-store-private.h"

/* The index of @code among the values of @which, or -1 */
int
_jd_metrics_enum_index (JdEnum      which,
                        const char *code)
{
  guint n_values;
  const JdEnumValue *values = jd_enum_values (which, &n_values);

  for (guint i = 0; code != NULL && i < n_values; i++)
    if (strcmp (values[i].code, code) == 0)
      return i;

  return -1;
}

/* Each row function adds one result row to the figures; the totals and
 * the ratios that depend on the definition settings are set afterwards,
 * in finish_metrics() of jd-metrics.c. */
typedef void (*RowFunc) (JdDbStmt  *stmt,
                         JdMetrics *metrics);

static void
cases_decided_row (JdDbStmt  *stmt,
                   JdMetrics *m)
{
  int kind = _jd_metrics_enum_index (JD_ENUM_CASE_KIND, _jd_db_column_text (stmt, 0));
  int leniency = _jd_metrics_enum_index (JD_ENUM_LENIENCY, _jd_db_column_text (stmt, 1));
  gint64 n = _jd_db_column_int64 (stmt, 2);

  if (kind >= 0)
    m->cases.by_kind[kind] += n;
  m->cases.decided += n;
  m->cases.fines_fen += _jd_db_column_int64 (stmt, 3);
  m->cases.major += _jd_db_column_int64 (stmt, 5);
  m->cases.major_unreviewed += _jd_db_column_int64 (stmt, 6);

  /* JD_ENUM_LENIENCY starts with "none". */
  if (leniency > 0)
    {
      m->leniency.cases_by_kind[leniency - 1] += n;
      m->leniency.cases += n;
      m->leniency.exempted_fen += _jd_db_column_int64 (stmt, 4);
    }
}

static void
cases_totals_row (JdDbStmt  *stmt,
                  JdMetrics *m)
{
  m->cases.decided += _jd_db_column_int64 (stmt, 0);
  m->cases.fines_fen += _jd_db_column_int64 (stmt, 1);
}

static void
cases_opened_row (JdDbStmt  *stmt,
                  JdMetrics *m)
{
  m->cases.opened += _jd_db_column_int64 (stmt, 0);
}

static void
leniency_items_row (JdDbStmt  *stmt,
                    JdMetrics *m)
{
  int kind = _jd_metrics_enum_index (JD_ENUM_LENIENCY_ITEM_KIND, _jd_db_column_text (stmt, 0));
  gint64 n = _jd_db_column_int64 (stmt, 1);

  if (kind >= 0)
    m->leniency.items_by_kind[kind] += n;
  m->leniency.items_in_force += n;
}

static void
complaints_row (JdDbStmt  *stmt,
                JdMetrics *m)
{
  int channel = _jd_metrics_enum_index (JD_ENUM_CHANNEL, _jd_db_column_text (stmt, 0));
  gint64 received = _jd_db_column_int64 (stmt, 1);

  if (channel >= 0)
    m->complaints.by_channel[channel] += received;
  m->complaints.received += received;
  m->complaints.closed += _jd_db_column_int64 (stmt, 2);
  m->complaints.on_time.count += _jd_db_column_int64 (stmt, 3);
  m->complaints.on_time.total += _jd_db_column_int64 (stmt, 4);
  m->complaints.substantiated.count += _jd_db_column_int64 (stmt, 5);
  m->complaints.substantiated.total += _jd_db_column_int64 (stmt, 6);
  m->complaints.satisfaction.count += _jd_db_column_int64 (stmt, 7);
  m->complaints.satisfaction.total += _jd_db_column_int64 (stmt, 8);
}

static void
lawsuits_row (JdDbStmt  *stmt,
              JdMetrics *m)
{
  const char *outcome = _jd_db_column_text (stmt, 0);
  int index = _jd_metrics_enum_index (JD_ENUM_LAWSUIT_OUTCOME, outcome);
  gint64 n = _jd_db_column_int64 (stmt, 1);

  if (index >= 0)
    m->lawsuits.by_outcome[index] += n;
  m->lawsuits.first_instance_concluded += n;
  if (jd_outcome_in (outcome, jd_lawsuit_lost_outcomes))
    m->lawsuits.first_instance_lost += n;
  m->lawsuits.head_appearance.count += _jd_db_column_int64 (stmt, 2);
  m->lawsuits.head_appearance.total += _jd_db_column_int64 (stmt, 3);
}

static void
reconsiderations_row (JdDbStmt  *stmt,
                      JdMetrics *m)
{
  const char *outcome = _jd_db_column_text (stmt, 0);
  int index = _jd_metrics_enum_index (JD_ENUM_RECONSIDERATION_OUTCOME, outcome);
  gint64 n = _jd_db_column_int64 (stmt, 1);

  if (index >= 0)
    m->reconsiderations.by_outcome[index] += n;
  m->reconsiderations.decided += n;
  if (jd_outcome_in (outcome, jd_reconsideration_corrected_outcomes))
    m->reconsiderations.corrected += n;
}

static void
reviews_row (JdDbStmt  *stmt,
             JdMetrics *m)
{
  const char *grade = _jd_db_column_text (stmt, 0);
  int index = _jd_metrics_enum_index (JD_ENUM_GRADE, grade);
  gint64 n = _jd_db_column_int64 (stmt, 1);

  if (index >= 0)
    m->reviews.by_grade[index] += n;
  m->reviews.reviewed += n;
  if (g_strcmp0 (grade, "fail") != 0)
    m->reviews.passed += n;
  m->reviews.score_sum += _jd_db_column_double (stmt, 2);
  m->reviews.scored += _jd_db_column_int64 (stmt, 3);
}

/* A query: SELECT <columns>[, <slice key>] FROM <from> WHERE <where>
 * <scope> GROUP BY <group_by>[, <slice key>].  ?1 and ?2 are the first
 * and last month; in the query of the items in force, ?1 is the last day
 * of the period. */
typedef struct
{
  JdMetricsParts part;      /* the one part of the figures it reads */
  RowFunc     row;
  const char *columns;
  const char *from;
  const char *where;
  const char *group_by;
  gboolean    is_reviews;   /* raw reviews have no domain of their own */
} Query;

#define ITEMS_IN_FORCE "effective_on <= ?1 AND (repealed_on IS NULL OR repealed_on > ?1)"

static const Query rollup_queries[] = {
  { JD_METRICS_PART_CASES, cases_decided_row, "kind, leniency, sum (n), sum (fines_fen), sum (exempted_fen),"
    " sum (major), sum (major_unreviewed)",
    "roll_cases", "month BETWEEN ?1 AND ?2", "kind, leniency" },
  { JD_METRICS_PART_CASES_TOTALS, cases_totals_row, "sum (n), sum (fines_fen)",
    "roll_cases", "month BETWEEN ?1 AND ?2", NULL },
  { JD_METRICS_PART_CASES_OPENED, cases_opened_row, "sum (n)", "roll_cases_opened", "month BETWEEN ?1 AND ?2", NULL },
  { JD_METRICS_PART_COMPLAINTS, complaints_row,
    "channel, sum (n), sum (closed), sum (on_time), sum (closed_with_due),"
    " sum (substantiated), sum (substantiated_known), sum (satisfied), sum (rated)",
    "roll_complaints", "month BETWEEN ?1 AND ?2", "channel" },
  { JD_METRICS_PART_LAWSUITS, lawsuits_row, "outcome, sum (n), sum (head_appeared), sum (hearing_held)",
    "roll_lawsuits", "instance = 'first' AND outcome <> 'pending' AND month BETWEEN ?1 AND ?2", "outcome" },
  { JD_METRICS_PART_RECONSIDERATIONS, reconsiderations_row, "outcome, sum (n)",
    "roll_reconsiderations", "outcome <> 'pending' AND month BETWEEN ?1 AND ?2", "outcome" },
  { JD_METRICS_PART_REVIEWS, reviews_row, "grade, sum (n), sum (score_sum), sum (scored)",
    "roll_reviews", "month BETWEEN ?1 AND ?2", "grade" },
  /* Leniency items are a few hundred rows: read as they are. */
  { JD_METRICS_PART_LENIENCY_ITEMS, leniency_items_row, "kind, count(*)",
    "leniency_items", ITEMS_IN_FORCE, "kind" },
};

static const Query raw_queries[] = {
  { JD_METRICS_PART_CASES, cases_decided_row, "kind, leniency, count(*), sum (fine_fen), sum (exempted_fen),"
    " sum (major), sum (CASE WHEN major = 1 AND coalesce (legal_review, 0) = 0 THEN 1 ELSE 0 END)",
    "cases", "decided_month BETWEEN ?1 AND ?2", "kind, leniency" },
  { JD_METRICS_PART_CASES_TOTALS, cases_totals_row, "count(*), sum (fine_fen)",
    "cases", "decided_month BETWEEN ?1 AND ?2", NULL },
  { JD_METRICS_PART_CASES_OPENED, cases_opened_row, "count(*)", "cases", "opened_month BETWEEN ?1 AND ?2", NULL },
  { JD_METRICS_PART_COMPLAINTS, complaints_row,
    "channel, count(*), count(closed_on),"
    " sum (CASE WHEN closed_on IS NOT NULL AND due_on IS NOT NULL AND closed_on <= due_on THEN 1 ELSE 0 END),"
    " sum (CASE WHEN closed_on IS NOT NULL AND due_on IS NOT NULL THEN 1 ELSE 0 END),"
    " sum (CASE WHEN substantiated = 1 THEN 1 ELSE 0 END), count(substantiated),"
    " sum (CASE WHEN satisfaction = 'satisfied' OR satisfaction = 'basic' THEN 1 ELSE 0 END), count(satisfaction)",
    "complaints", "received_month BETWEEN ?1 AND ?2", "channel" },
  { JD_METRICS_PART_LAWSUITS, lawsuits_row,
    "outcome, count(*), sum (CASE WHEN hearing_held = 1 AND head_appeared = 1 THEN 1 ELSE 0 END),"
    " sum (CASE WHEN hearing_held = 1 THEN 1 ELSE 0 END)",
    "lawsuits", "instance = 'first' AND outcome <> 'pending' AND concluded_month BETWEEN ?1 AND ?2", "outcome" },
  { JD_METRICS_PART_RECONSIDERATIONS, reconsiderations_row, "outcome, count(*)",
    "reconsiderations", "outcome <> 'pending' AND decided_month BETWEEN ?1 AND ?2", "outcome" },
  { JD_METRICS_PART_REVIEWS, reviews_row, "grade, count(*), coalesce (sum (score), 0.0), count(score)",
    "reviews", "reviewed_month BETWEEN ?1 AND ?2", "grade", TRUE },
  { JD_METRICS_PART_LENIENCY_ITEMS, leniency_items_row, "kind, count(*)",
    "leniency_items", ITEMS_IN_FORCE, "kind" },
};

/* The key of the period of kind @kind that holds @month, as the SQL of
 * slice_key_sql() writes it. */
char *
_jd_metrics_period_key (JdPeriodKind kind,
                        int          month)
{
  switch (kind)
    {
    case JD_PERIOD_MONTH:
      return g_strdup_printf ("%d", month);
    case JD_PERIOD_QUARTER:
      return g_strdup_printf ("%d", (month / 100) * 10 + (month % 100 + 2) / 3);
    case JD_PERIOD_YEAR:
    default:
      return g_strdup_printf ("%d", month / 100);
    }
}

/* The SQL that names a row's slice of a breakdown, as text. */
static const char *
slice_key_sql (int             dimension,
               JdMetricsSource source,
               gboolean        is_reviews)
{
  switch (dimension)
    {
    case JD_METRICS_SLICE_BY_PERIOD (JD_PERIOD_MONTH):
      g_assert (source == JD_METRICS_SOURCE_ROLLUP);
      return "CAST (month AS TEXT)";
    case JD_METRICS_SLICE_BY_PERIOD (JD_PERIOD_QUARTER):
      g_assert (source == JD_METRICS_SOURCE_ROLLUP);
      return "CAST (month / 100 * 10 + (month % 100 + 2) / 3 AS TEXT)";
    case JD_METRICS_SLICE_BY_PERIOD (JD_PERIOD_YEAR):
      g_assert (source == JD_METRICS_SOURCE_ROLLUP);
      return "CAST (month / 100 AS TEXT)";

    case JD_DIMENSION_AGENCY:
      return "CAST (agency_id AS TEXT)";
    case JD_DIMENSION_DOMAIN:
      if (source == JD_METRICS_SOURCE_RAW && is_reviews)
        return "CAST ((SELECT c.domain_id FROM cases AS c WHERE c.agency_id = reviews.agency_id"
               " AND c.case_no = reviews.case_no) AS TEXT)";
      return "CAST (domain_id AS TEXT)";
    case JD_DIMENSION_LEVEL:
      return "(SELECT a.level FROM agencies AS a WHERE a.id = agency_id)";
    case JD_DIMENSION_REGION:
      return "(SELECT a.region FROM agencies AS a WHERE a.id = agency_id)";
    default:
      g_assert_not_reached ();
    }
}

static char *
query_sql (const Query          *query,
           const JdMetricsScope *scope,
           JdMetricsSource       source,
           int                   dimension)   /* -1: the whole, not a breakdown */
{
  GString *sql = g_string_new ("SELECT ");
  const char *key = dimension >= 0 ? slice_key_sql (dimension, source, query->is_reviews) : NULL;

  g_string_append (sql, query->columns);
  if (key != NULL)
    g_string_append_printf (sql, ", %s AS slice", key);
  g_string_append_printf (sql, " FROM %s WHERE %s%s", query->from, query->where,
                          source == JD_METRICS_SOURCE_RAW && query->is_reviews ? scope->reviews_where : scope->where);
  if (dimension == JD_METRICS_SLICE_BY_PERIOD (JD_PERIOD_MONTH))
    {
      /* The rollups are in the order of their months: grouped by the
       * column, a month's rows are summed as they come, where the slice's
       * text would be sorted first */
      g_string_append (sql, " GROUP BY month");
      if (query->group_by != NULL)
        g_string_append_printf (sql, ", %s", query->group_by);
    }
  else if (query->group_by != NULL || key != NULL)
    {
      g_string_append (sql, " GROUP BY ");
      if (query->group_by != NULL)
        g_string_append (sql, query->group_by);
      if (key != NULL)
        g_string_append_printf (sql, "%sslice", query->group_by != NULL ? ", " : "");
    }

  return g_string_free (sql, FALSE);
}

/* Adds up the @parts of the figures of @period into @whole, or, given a
 * @dimension, into the metrics of @slices (slice key → JdMetrics) that
 * each row names. */
gboolean
_jd_metrics_compute_into (JdStore          *store,
                          JdMetricsParts    parts,
                          int               first,
                          int               last,
                          const char       *last_day,
                          const JdFilter   *filter,
                          JdMetricsSource   source,
                          int               dimension,
                          JdMetrics        *whole,
                          GHashTable       *slices,
                          GError          **error)
{
  g_auto(JdMetricsScope) scope = { 0 };
  const Query *queries = source == JD_METRICS_SOURCE_ROLLUP ? rollup_queries : raw_queries;
  guint n_queries = source == JD_METRICS_SOURCE_ROLLUP ? G_N_ELEMENTS (rollup_queries) : G_N_ELEMENTS (raw_queries);
  JdDb *db = _jd_store_get_conn (store);
  gboolean ok = TRUE;

  if (!_jd_metrics_scope_init (&scope, db, filter, error))
    return FALSE;

  /* One read transaction, so that an import landing half-way cannot make
   * the figures of one result disagree with each other, also inside a
   * caller's transaction. */
  if (!_jd_db_read_begin (db, error))
    return FALSE;

  for (guint i = 0; ok && i < n_queries; i++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(JdDbStmt) stmt = NULL;
      JdDbStep step;

      /* The totals are read with the rest of the cases when those are */
      if ((queries[i].part & parts) == 0 ||
          (queries[i].part == JD_METRICS_PART_CASES_TOTALS && (parts & JD_METRICS_PART_CASES) != 0))
        continue;

      sql = query_sql (&queries[i], &scope, source, dimension);
      stmt = _jd_db_prepare (db, sql, error);
      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }

      if (queries[i].part == JD_METRICS_PART_LENIENCY_ITEMS)
        _jd_db_bind_text (stmt, 1, last_day);
      else
        {
          _jd_db_bind_int64 (stmt, 1, first);
          _jd_db_bind_int64 (stmt, 2, last);
        }

      while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
        {
          JdMetrics *m = whole;

          if (slices != NULL)
            {
              const char *key = _jd_db_column_text (stmt, _jd_db_column_count (stmt) - 1);

              if (key == NULL || (m = g_hash_table_lookup (slices, key)) == NULL)
                continue;
            }

          queries[i].row (stmt, m);
        }

      if (step == JD_DB_ERROR)
        {
          g_prefix_error (error, "%s: ", _("Could not compute the figures"));
          ok = FALSE;
        }
    }

  _jd_db_read_end (db);
  return ok;
}

/* jd-metrics.c — DESIGN.md's metric definitions, the one source of every number
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-metrics"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-metrics.h"
#include "jd-store-private.h"

G_DEFINE_QUARK (jd-metrics-error-quark, jd_metrics_error)

/* A filter turned into SQL conditions on agency_id and domain_id; the ids
 * are integers from our own tables, so they are written into the SQL. */
typedef struct
{
  char   *where;          /* " AND agency_id IN (…) AND domain_id = …", or "" */
  char   *reviews_where;  /* the same for reviews, which have no domain of their own */
} Scope;

static void
scope_clear (Scope *scope)
{
  g_clear_pointer (&scope->where, g_free);
  g_clear_pointer (&scope->reviews_where, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scope, scope_clear)

void
jd_filter_clear (JdFilter *self)
{
  g_clear_pointer (&self->agency, g_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->level, g_free);
  g_clear_pointer (&self->region, g_free);
}

gboolean
jd_filter_is_empty (const JdFilter *self)
{
  return self == NULL ||
         (self->agency == NULL && self->domain == NULL &&
          self->level == NULL && self->region == NULL);
}

double
jd_ratio_rate (JdRatio ratio)
{
  if (ratio.total == 0)
    return NAN;

  return (double)ratio.count / (double)ratio.total;
}

static gboolean
lookup_id (sqlite3     *db,
           const char  *table,
           const char  *text,
           gint64      *out_id,
           GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* A code wins over a name, so that an agency named like another's code
   * cannot shadow it. */
  sql = g_strdup_printf ("SELECT id FROM %s WHERE code = ?1 OR name = ?1"
                         " ORDER BY code = ?1 DESC LIMIT 1", table);
  stmt = _jd_store_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      _jd_store_set_error (error, db, rc, _("Could not read the database"));
      return FALSE;
    }

  *out_id = -1;
  return TRUE;
}

static gboolean
scope_init (Scope           *scope,
            sqlite3         *db,
            const JdFilter  *filter,
            GError         **error)
{
  g_autoptr(GString) where = g_string_new (NULL);
  const char *level = NULL;

  g_autoptr(GString) reviews_where = NULL;

  if (jd_filter_is_empty (filter))
    {
      scope->where = g_strdup ("");
      scope->reviews_where = g_strdup ("");
      return TRUE;
    }

  if (filter->level != NULL)
    {
      level = jd_enum_lookup (JD_ENUM_LEVEL, filter->level);
      if (level == NULL)
        {
          g_set_error (error, JD_METRICS_ERROR, JD_METRICS_ERROR_UNKNOWN_LEVEL,
                       _("“%s” is not an agency level; use city, county or township (市, 县, 乡)"),
                       filter->level);
          return FALSE;
        }
    }

  if (filter->agency != NULL || level != NULL || filter->region != NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gint64 agency_id = 0;
      gboolean first = TRUE;
      int rc;

      if (filter->agency != NULL)
        {
          if (!lookup_id (db, "agencies", filter->agency, &agency_id, error))
            return FALSE;
          if (agency_id < 0)
            {
              g_set_error (error, JD_METRICS_ERROR, JD_METRICS_ERROR_UNKNOWN_AGENCY,
                           _("There is no agency with the code or name “%s”"), filter->agency);
              return FALSE;
            }
        }

      stmt = _jd_store_prepare (db,
                                "SELECT id FROM agencies"
                                " WHERE (?1 IS NULL OR id = ?1)"
                                "   AND (?2 IS NULL OR level = ?2)"
                                "   AND (?3 IS NULL OR region = ?3)"
                                " ORDER BY id",
                                error);
      if (stmt == NULL)
        return FALSE;

      if (filter->agency != NULL)
        sqlite3_bind_int64 (stmt, 1, agency_id);
      sqlite3_bind_text (stmt, 2, level, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, filter->region, -1, SQLITE_STATIC);

      g_string_append (where, " AND agency_id IN (");
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_string_append_printf (where, "%s%" G_GINT64_FORMAT,
                                  first ? "" : ",", (gint64)sqlite3_column_int64 (stmt, 0));
          first = FALSE;
        }
      g_string_append_c (where, ')');

      if (rc != SQLITE_DONE)
        {
          _jd_store_set_error (error, db, rc, _("Could not read the database"));
          return FALSE;
        }

      /* A region nobody is in is more likely a typo than a wish to see zeros. */
      if (first && filter->region != NULL && filter->agency == NULL && level == NULL)
        {
          g_set_error (error, JD_METRICS_ERROR, JD_METRICS_ERROR_UNKNOWN_REGION,
                       _("No agency is in the region “%s”"), filter->region);
          return FALSE;
        }
    }

  if (filter->domain != NULL)
    {
      gint64 domain_id;

      if (!lookup_id (db, "domains", filter->domain, &domain_id, error))
        return FALSE;
      if (domain_id < 0)
        {
          g_set_error (error, JD_METRICS_ERROR, JD_METRICS_ERROR_UNKNOWN_DOMAIN,
                       _("There is no enforcement domain with the code or name “%s”"),
                       filter->domain);
          return FALSE;
        }
      reviews_where = g_string_new (where->str);
      g_string_append_printf (where, " AND domain_id = %" G_GINT64_FORMAT, domain_id);
      /* A review belongs to the domain of the case file it reviewed. */
      g_string_append_printf (reviews_where,
                              " AND EXISTS (SELECT 1 FROM cases AS c WHERE c.agency_id = reviews.agency_id"
                              " AND c.case_no = reviews.case_no AND c.domain_id = %" G_GINT64_FORMAT ")",
                              domain_id);
    }
  else
    reviews_where = g_string_new (where->str);

  scope->where = g_string_free (g_steal_pointer (&where), FALSE);
  scope->reviews_where = g_string_free (g_steal_pointer (&reviews_where), FALSE);
  return TRUE;
}

/* Runs @sql (with ?1 = first month, ?2 = last month, ?3 = a day) and hands
 * each row to @row. */
typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         JdMetrics    *metrics);

static gboolean
run (sqlite3     *db,
     const char  *sql,
     int          first_month,
     int          last_month,
     const char  *day,
     RowFunc      row,
     JdMetrics   *metrics,
     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _jd_store_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, first_month);
  sqlite3_bind_int (stmt, 2, last_month);
  if (day != NULL)
    sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (stmt, metrics);

  if (rc != SQLITE_DONE)
    {
      _jd_store_set_error (error, db, rc, _("Could not compute the figures"));
      return FALSE;
    }

  return TRUE;
}

static int
enum_index (JdEnum      which,
            const char *code)
{
  guint n_values;
  const JdEnumValue *values = jd_enum_values (which, &n_values);

  for (guint i = 0; code != NULL && i < n_values; i++)
    if (strcmp (values[i].code, code) == 0)
      return i;

  return -1;
}

static void
cases_decided_row (sqlite3_stmt *stmt,
                   JdMetrics    *m)
{
  int kind = enum_index (JD_ENUM_CASE_KIND, (const char *)sqlite3_column_text (stmt, 0));
  gint64 n = sqlite3_column_int64 (stmt, 1);

  if (kind >= 0)
    m->cases.by_kind[kind] += n;
  m->cases.decided += n;
  m->cases.fines_fen += sqlite3_column_int64 (stmt, 2);
}

static void
cases_opened_row (sqlite3_stmt *stmt,
                  JdMetrics    *m)
{
  m->cases.opened = sqlite3_column_int64 (stmt, 0);
}

static void
leniency_cases_row (sqlite3_stmt *stmt,
                    JdMetrics    *m)
{
  /* JD_ENUM_LENIENCY starts with "none", which the query excludes. */
  int kind = enum_index (JD_ENUM_LENIENCY, (const char *)sqlite3_column_text (stmt, 0)) - 1;
  gint64 n = sqlite3_column_int64 (stmt, 1);

  if (kind >= 0)
    m->leniency.cases_by_kind[kind] += n;
  m->leniency.cases += n;
  m->leniency.exempted_fen += sqlite3_column_int64 (stmt, 2);
}

static void
leniency_items_row (sqlite3_stmt *stmt,
                    JdMetrics    *m)
{
  int kind = enum_index (JD_ENUM_LENIENCY_ITEM_KIND, (const char *)sqlite3_column_text (stmt, 0));
  gint64 n = sqlite3_column_int64 (stmt, 1);

  if (kind >= 0)
    m->leniency.items_by_kind[kind] += n;
  m->leniency.items_in_force += n;
}

static void
complaints_row (sqlite3_stmt *stmt,
                JdMetrics    *m)
{
  int channel = enum_index (JD_ENUM_CHANNEL, (const char *)sqlite3_column_text (stmt, 0));
  gint64 received = sqlite3_column_int64 (stmt, 1);

  if (channel >= 0)
    m->complaints.by_channel[channel] += received;
  m->complaints.received += received;
  m->complaints.closed += sqlite3_column_int64 (stmt, 2);
  m->complaints.on_time.count += sqlite3_column_int64 (stmt, 3);
  m->complaints.on_time.total += sqlite3_column_int64 (stmt, 4);
  m->complaints.substantiated.count += sqlite3_column_int64 (stmt, 5);
  m->complaints.substantiated.total += sqlite3_column_int64 (stmt, 6);
  m->complaints.satisfaction.count += sqlite3_column_int64 (stmt, 7);
  m->complaints.satisfaction.total += sqlite3_column_int64 (stmt, 8);
}

static void
lawsuits_row (sqlite3_stmt *stmt,
              JdMetrics    *m)
{
  gint64 concluded = sqlite3_column_int64 (stmt, 0);
  gint64 lost = sqlite3_column_int64 (stmt, 1);
  gint64 withdrawn = sqlite3_column_int64 (stmt, 2);
  gint64 non_judgment = sqlite3_column_int64 (stmt, 3);

  m->lawsuits.first_instance_concluded = concluded;
  m->lawsuits.first_instance_lost = lost;
  m->lawsuits.loss.count = lost;
  m->lawsuits.loss.total = g_strcmp0 (m->loss_rate_denominator, "judgments") == 0
                           ? concluded - non_judgment : concluded;
  m->lawsuits.withdrawal.count = withdrawn;
  m->lawsuits.withdrawal.total = concluded;
  m->lawsuits.head_appearance.count = sqlite3_column_int64 (stmt, 4);
  m->lawsuits.head_appearance.total = sqlite3_column_int64 (stmt, 5);
}

static void
reconsiderations_row (sqlite3_stmt *stmt,
                      JdMetrics    *m)
{
  gint64 decided = sqlite3_column_int64 (stmt, 0);
  gint64 corrected = sqlite3_column_int64 (stmt, 1);
  gint64 non_merits = sqlite3_column_int64 (stmt, 2);

  m->reconsiderations.decided = decided;
  m->reconsiderations.corrected = corrected;
  m->reconsiderations.correction.count = corrected;
  m->reconsiderations.correction.total = g_strcmp0 (m->correction_rate_denominator, "merits") == 0
                                         ? decided - non_merits : decided;
}

static void
reviews_row (sqlite3_stmt *stmt,
             JdMetrics    *m)
{
  m->reviews.reviewed = sqlite3_column_int64 (stmt, 0);
  m->reviews.passed = sqlite3_column_int64 (stmt, 1);
  m->reviews.pass.count = m->reviews.passed;
  m->reviews.pass.total = m->reviews.reviewed;
  m->reviews.mean_score = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                          ? NAN : sqlite3_column_double (stmt, 2);
}

static char *
read_setting (sqlite3    *db,
              const char *key,
              const char *fallback)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _jd_store_prepare (db, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    }

  return g_strdup (fallback);
}

/**
 * jd_metrics_compute:
 * @store: the database
 * @period: the month, quarter or year
 * @filter: (nullable): which agencies and domains count
 *
 * Computes every metric of DESIGN.md for @period, as defined there.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set (an
 *   unknown agency, domain, level or region, or a database error)
 */
JdMetrics *
jd_metrics_compute (JdStore         *store,
                    const JdPeriod  *period,
                    const JdFilter  *filter,
                    GError         **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_auto(Scope) scope = { 0 };
  g_autoptr(JdMetrics) m = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *non_judgment = NULL;
  g_autofree char *corrected = NULL;
  g_autofree char *non_merits = NULL;
  sqlite3 *db;
  int first, last;

  struct {
    const char *sql;
    RowFunc row;
  } queries[8];
  guint n_queries = 0;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_db (store);
  if (!scope_init (&scope, db, filter, error))
    return NULL;

  m = g_new0 (JdMetrics, 1);
  m->period = *period;
  m->loss_rate_denominator = read_setting (db, "loss_rate_denominator", "concluded");
  m->correction_rate_denominator = read_setting (db, "correction_rate_denominator", "decided");

  first = jd_period_first_month (period);
  last = jd_period_last_month (period);
  last_day = jd_period_last_day (period);
  lost = jd_outcome_sql_list (jd_lawsuit_lost_outcomes);
  non_judgment = jd_outcome_sql_list (jd_lawsuit_non_judgment_outcomes);
  corrected = jd_outcome_sql_list (jd_reconsideration_corrected_outcomes);
  non_merits = jd_outcome_sql_list (jd_reconsideration_non_merits_outcomes);

#define ADD_QUERY(func, ...) G_STMT_START {                              \
    char *sql_ = g_strdup_printf (__VA_ARGS__);                          \
    g_ptr_array_add (texts, sql_);                                       \
    queries[n_queries].sql = sql_;                                       \
    queries[n_queries].row = func;                                       \
    n_queries++;                                                         \
  } G_STMT_END

  ADD_QUERY (cases_decided_row,
             "SELECT kind, count(*), total (fine_fen) FROM cases"
             " WHERE decided_month BETWEEN ?1 AND ?2%s GROUP BY kind",
             scope.where);
  ADD_QUERY (cases_opened_row,
             "SELECT count(*) FROM cases WHERE opened_month BETWEEN ?1 AND ?2%s",
             scope.where);
  ADD_QUERY (leniency_cases_row,
             "SELECT leniency, count(*), total (exempted_fen) FROM cases"
             " WHERE decided_month BETWEEN ?1 AND ?2 AND leniency <> 'none'%s GROUP BY leniency",
             scope.where);
  ADD_QUERY (leniency_items_row,
             "SELECT kind, count(*) FROM leniency_items"
             " WHERE effective_on <= ?3 AND (repealed_on IS NULL OR repealed_on > ?3)%s"
             " GROUP BY kind",
             scope.where);
  ADD_QUERY (complaints_row,
             "SELECT channel, count(*), count(closed_on),"
             " sum (closed_on IS NOT NULL AND due_on IS NOT NULL AND closed_on <= due_on),"
             " sum (closed_on IS NOT NULL AND due_on IS NOT NULL),"
             " sum (substantiated = 1), count(substantiated),"
             " sum (satisfaction IN ('satisfied', 'basic')), count(satisfaction)"
             " FROM complaints WHERE received_month BETWEEN ?1 AND ?2%s GROUP BY channel",
             scope.where);
  ADD_QUERY (lawsuits_row,
             "SELECT count(*), sum (outcome IN %s), sum (outcome = 'withdrawn'),"
             " sum (outcome IN %s), sum (hearing_held = 1 AND head_appeared = 1),"
             " sum (hearing_held = 1)"
             " FROM lawsuits WHERE instance = 'first' AND outcome <> 'pending'"
             " AND concluded_month BETWEEN ?1 AND ?2%s",
             lost, non_judgment, scope.where);
  ADD_QUERY (reconsiderations_row,
             "SELECT count(*), sum (outcome IN %s), sum (outcome IN %s)"
             " FROM reconsiderations WHERE outcome <> 'pending'"
             " AND decided_month BETWEEN ?1 AND ?2%s",
             corrected, non_merits, scope.where);
  ADD_QUERY (reviews_row,
             "SELECT count(*), sum (grade <> 'fail'), avg (score) FROM reviews"
             " WHERE reviewed_month BETWEEN ?1 AND ?2%s",
             scope.reviews_where);

#undef ADD_QUERY

  g_assert (n_queries <= G_N_ELEMENTS (queries));

  if (!_jd_store_exec (db, "BEGIN", error))
    return NULL;

  for (guint i = 0; i < n_queries; i++)
    {
      if (!run (db, queries[i].sql, first, last, last_day, queries[i].row, m, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return NULL;
        }
    }

  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  m->complaints.closing.count = m->complaints.closed;
  m->complaints.closing.total = m->complaints.received;
  m->leniency.share_of_penalty_cases.count = m->leniency.cases;
  m->leniency.share_of_penalty_cases.total = m->cases.by_kind[0];

  return g_steal_pointer (&m);
}

/**
 * jd_metrics_definition_label:
 * @value: a value of a definition setting, e.g. "judgments"
 *
 * Returns: what the setting means, for reports and for the CLI
 */
const char *
jd_metrics_definition_label (const char *value)
{
  if (g_strcmp0 (value, "concluded") == 0)
    return _("all concluded first-instance cases");
  if (g_strcmp0 (value, "judgments") == 0)
    return _("judgments only (without withdrawals, dismissals and mediations)");
  if (g_strcmp0 (value, "decided") == 0)
    return _("all decided reconsiderations");
  if (g_strcmp0 (value, "merits") == 0)
    return _("decisions on the merits (without mediations, withdrawals and terminations)");

  return value;
}

void
jd_metrics_free (JdMetrics *self)
{
  if (self == NULL)
    return;

  g_free (self->loss_rate_denominator);
  g_free (self->correction_rate_denominator);
  g_free (self);
}

/**
 * jd_metrics_series:
 * @by: months, quarters or years
 * @first_month: YYYYMM; the series starts with the period that holds it
 * @last_month: YYYYMM; the series ends with the period that holds it
 *
 * The figures of every period from @first_month to @last_month, for trend
 * charts: the same numbers jd_metrics_compute() gives for each.
 *
 * Returns: (transfer full) (element-type JdMetrics): one #JdMetrics a
 *   period, oldest first, or %NULL with @error set
 */
GPtrArray *
jd_metrics_series (JdStore         *store,
                   const JdFilter  *filter,
                   JdPeriodKind     by,
                   int              first_month,
                   int              last_month,
                   GError         **error)
{
  g_autoptr(GPtrArray) series = NULL;
  JdPeriod period;
  JdPeriod last;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (jd_month_diff (last_month, first_month) >= 0, NULL);

  series = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_metrics_free);
  period = jd_period_containing (by, first_month);
  last = jd_period_containing (by, last_month);

  for (;;)
    {
      JdMetrics *metrics = jd_metrics_compute (store, &period, filter, error);

      if (metrics == NULL)
        return NULL;
      g_ptr_array_add (series, metrics);

      if (jd_period_equal (&period, &last))
        break;
      period = jd_period_next (&period);
    }

  return g_steal_pointer (&series);
}

/**
 * jd_metrics_monthly_decided:
 * @first_month: YYYYMM
 * @last_month: YYYYMM, not before @first_month
 *
 * Returns: (transfer full) (element-type gint64): cases decided in each
 *   month from @first_month to @last_month, zeros included
 */
GArray *
jd_metrics_monthly_decided (JdStore         *store,
                            const JdFilter  *filter,
                            int              first_month,
                            int              last_month,
                            GError         **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_auto(Scope) scope = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) values = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  guint n;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (jd_month_diff (last_month, first_month) >= 0, NULL);

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_db (store);
  if (!scope_init (&scope, db, filter, error))
    return NULL;

  n = jd_month_diff (last_month, first_month) + 1;
  values = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n);
  g_array_set_size (values, n);

  sql = g_strdup_printf ("SELECT decided_month, count(*) FROM cases"
                         " WHERE decided_month BETWEEN ?1 AND ?2%s GROUP BY decided_month",
                         scope.where);
  stmt = _jd_store_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, first_month);
  sqlite3_bind_int (stmt, 2, last_month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int index = jd_month_diff (sqlite3_column_int (stmt, 0), first_month);

      if (index >= 0 && (guint)index < n)
        g_array_index (values, gint64, index) = sqlite3_column_int64 (stmt, 1);
    }

  if (rc != SQLITE_DONE)
    {
      _jd_store_set_error (error, db, rc, _("Could not compute the figures"));
      return NULL;
    }

  return g_steal_pointer (&values);
}

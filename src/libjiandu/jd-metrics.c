/* jd-metrics.c — the metric definitions, the one source of every number
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-metrics"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-format.h"
#include "jd-metrics.h"
#include "jd-metrics-private.h"
#include "jd-settings.h"
#include "jd-store-private.h"

G_DEFINE_QUARK (jd-metrics-error-quark, jd_metrics_error)

/* A filter turned into SQL conditions on agency_id and domain_id; the ids
 * are integers from our own tables, so they are written into the SQL. */
typedef struct
{
  char   *where;           /* " AND agency_id IN (…) AND domain_id = …", or "" */
  char   *reviews_where;   /* the same for reviews, which have no domain of their own */
  char   *agencies_where;  /* " AND a.id IN (…)" on the agencies table, or "" */
  char   *domains_where;   /* " AND id = …" on the domains table, or "" */
} Scope;

static void
scope_clear (Scope *scope)
{
  g_clear_pointer (&scope->where, g_free);
  g_clear_pointer (&scope->reviews_where, g_free);
  g_clear_pointer (&scope->agencies_where, g_free);
  g_clear_pointer (&scope->domains_where, g_free);
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

/**
 * jd_filter_copy:
 * @dest: a filter, cleared first
 * @src: (nullable): the filter to copy; %NULL copies the empty filter
 */
void
jd_filter_copy (JdFilter       *dest,
                const JdFilter *src)
{
  g_return_if_fail (dest != NULL);

  if (dest == src)
    return;

  jd_filter_clear (dest);
  if (src == NULL)
    return;

  dest->agency = g_strdup (src->agency);
  dest->domain = g_strdup (src->domain);
  dest->level = g_strdup (src->level);
  dest->region = g_strdup (src->region);
}

/* NULL and the empty filter are equal: both restrict nothing. */
gboolean
jd_filter_equal (const JdFilter *a,
                 const JdFilter *b)
{
  if (jd_filter_is_empty (a) || jd_filter_is_empty (b))
    return jd_filter_is_empty (a) && jd_filter_is_empty (b);

  return g_strcmp0 (a->agency, b->agency) == 0 &&
         g_strcmp0 (a->domain, b->domain) == 0 &&
         g_strcmp0 (a->level, b->level) == 0 &&
         g_strcmp0 (a->region, b->region) == 0;
}

double
jd_ratio_rate (JdRatio ratio)
{
  if (ratio.total == 0)
    return NAN;

  return (double)ratio.count / (double)ratio.total;
}

static gboolean
lookup_id (JdDb        *db,
           const char  *table,
           const char  *text,
           gint64      *out_id,
           GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  JdDbStep step;

  /* A code wins over a name, so that an agency named like another's code
   * cannot shadow it; of two of the same name, the first added. */
  sql = g_strdup_printf ("SELECT id FROM %s WHERE code = ?1 OR name = ?1"
                         " ORDER BY CASE WHEN code = ?1 THEN 0 ELSE 1 END, id LIMIT 1", table);
  stmt = _jd_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  _jd_db_bind_text (stmt, 1, text);
  step = _jd_db_step (stmt, error);
  if (step == JD_DB_ROW)
    {
      *out_id = _jd_db_column_int64 (stmt, 0);
      return TRUE;
    }
  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not read the database"));
      return FALSE;
    }

  *out_id = -1;
  return TRUE;
}

static gboolean
scope_init (Scope           *scope,
            JdDb            *db,
            const JdFilter  *filter,
            GError         **error)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GString) reviews_where = NULL;
  const char *level = NULL;

  if (jd_filter_is_empty (filter))
    {
      scope->where = g_strdup ("");
      scope->reviews_where = g_strdup ("");
      scope->agencies_where = g_strdup ("");
      scope->domains_where = g_strdup ("");
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
      g_autoptr(JdDbStmt) stmt = NULL;
      g_autoptr(GString) sql = g_string_new ("SELECT id FROM agencies WHERE TRUE");
      const char *texts[2];
      guint n_texts = 0;
      gint64 agency_id = 0;
      gboolean first = TRUE;
      JdDbStep step;

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

      /* Only the conditions given: a parameter left NULL has no type
       * PostgreSQL could compare it as. */
      if (filter->agency != NULL)
        g_string_append_printf (sql, " AND id = %" G_GINT64_FORMAT, agency_id);
      if (level != NULL)
        {
          texts[n_texts++] = level;
          g_string_append_printf (sql, " AND level = ?%u", n_texts);
        }
      if (filter->region != NULL)
        {
          texts[n_texts++] = filter->region;
          g_string_append_printf (sql, " AND region = ?%u", n_texts);
        }
      g_string_append (sql, " ORDER BY id");

      stmt = _jd_db_prepare (db, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n_texts; i++)
        _jd_db_bind_text (stmt, i + 1, texts[i]);

      while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
        {
          g_string_append_printf (ids, "%s%" G_GINT64_FORMAT,
                                  first ? "" : ",", _jd_db_column_int64 (stmt, 0));
          first = FALSE;
        }
      if (step == JD_DB_ERROR)
        {
          g_prefix_error (error, "%s: ", _("Could not read the database"));
          return FALSE;
        }

      /* No agency at all: "IN ()", which only SQLite reads. */
      if (first)
        {
          g_string_append (where, " AND FALSE");
          scope->agencies_where = g_strdup (" AND FALSE");
        }
      else
        {
          g_string_append_printf (where, " AND agency_id IN (%s)", ids->str);
          scope->agencies_where = g_strdup_printf (" AND a.id IN (%s)", ids->str);
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
      scope->domains_where = g_strdup_printf (" AND id = %" G_GINT64_FORMAT, domain_id);
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
  if (scope->agencies_where == NULL)
    scope->agencies_where = g_strdup ("");
  if (scope->domains_where == NULL)
    scope->domains_where = g_strdup ("");
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

/* Each row function adds one result row to the figures; the totals and
 * the ratios that depend on the definition settings are set afterwards,
 * in finish_metrics(). */
typedef void (*RowFunc) (JdDbStmt  *stmt,
                         JdMetrics *metrics);

static void
cases_decided_row (JdDbStmt  *stmt,
                   JdMetrics *m)
{
  int kind = enum_index (JD_ENUM_CASE_KIND, _jd_db_column_text (stmt, 0));
  int leniency = enum_index (JD_ENUM_LENIENCY, _jd_db_column_text (stmt, 1));
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
  int kind = enum_index (JD_ENUM_LENIENCY_ITEM_KIND, _jd_db_column_text (stmt, 0));
  gint64 n = _jd_db_column_int64 (stmt, 1);

  if (kind >= 0)
    m->leniency.items_by_kind[kind] += n;
  m->leniency.items_in_force += n;
}

static void
complaints_row (JdDbStmt  *stmt,
                JdMetrics *m)
{
  int channel = enum_index (JD_ENUM_CHANNEL, _jd_db_column_text (stmt, 0));
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
  int index = enum_index (JD_ENUM_LAWSUIT_OUTCOME, outcome);
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
  int index = enum_index (JD_ENUM_RECONSIDERATION_OUTCOME, outcome);
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
  int index = enum_index (JD_ENUM_GRADE, grade);
  gint64 n = _jd_db_column_int64 (stmt, 1);

  if (index >= 0)
    m->reviews.by_grade[index] += n;
  m->reviews.reviewed += n;
  if (g_strcmp0 (grade, "fail") != 0)
    m->reviews.passed += n;
  m->reviews.score_sum += _jd_db_column_double (stmt, 2);
  m->reviews.scored += _jd_db_column_int64 (stmt, 3);
}

static gint64
sum_outcomes (const gint64       *by_outcome,
              JdEnum              which,
              const char * const *set)
{
  guint n_values;
  const JdEnumValue *values = jd_enum_values (which, &n_values);
  gint64 sum = 0;

  for (guint i = 0; i < n_values; i++)
    if (jd_outcome_in (values[i].code, set))
      sum += by_outcome[i];

  return sum;
}

/* The ratios, from the counts the rows added up, after the settings. */
static void
finish_metrics (JdMetrics *m)
{
  gint64 concluded = m->lawsuits.first_instance_concluded;
  gint64 decided = m->reconsiderations.decided;

  m->complaints.closing.count = m->complaints.closed;
  m->complaints.closing.total = m->complaints.received;

  m->lawsuits.loss.count = m->lawsuits.first_instance_lost;
  m->lawsuits.loss.total = concluded;
  if (g_strcmp0 (m->loss_rate_denominator, "judgments") == 0)
    m->lawsuits.loss.total -= sum_outcomes (m->lawsuits.by_outcome, JD_ENUM_LAWSUIT_OUTCOME,
                                            jd_lawsuit_non_judgment_outcomes);
  m->lawsuits.withdrawal.count = m->lawsuits.by_outcome[enum_index (JD_ENUM_LAWSUIT_OUTCOME, "withdrawn")];
  m->lawsuits.withdrawal.total = concluded;

  m->reconsiderations.correction.count = m->reconsiderations.corrected;
  m->reconsiderations.correction.total = decided;
  if (g_strcmp0 (m->correction_rate_denominator, "merits") == 0)
    m->reconsiderations.correction.total -= sum_outcomes (m->reconsiderations.by_outcome,
                                                          JD_ENUM_RECONSIDERATION_OUTCOME,
                                                          jd_reconsideration_non_merits_outcomes);

  m->leniency.share_of_penalty_cases.count = m->leniency.cases;
  m->leniency.share_of_penalty_cases.total = m->cases.by_kind[0];

  m->reviews.pass.count = m->reviews.passed;
  m->reviews.pass.total = m->reviews.reviewed;
  m->reviews.mean_score = m->reviews.scored > 0 ? m->reviews.score_sum / m->reviews.scored : NAN;
}

static JdMetrics *
metrics_new (const JdPeriod *period,
             const char     *loss_rate_denominator,
             const char     *correction_rate_denominator)
{
  JdMetrics *m = g_new0 (JdMetrics, 1);

  m->period = *period;
  m->loss_rate_denominator = g_strdup (loss_rate_denominator);
  m->correction_rate_denominator = g_strdup (correction_rate_denominator);
  m->reviews.mean_score = NAN;

  return m;
}

/* The same figures from two sources: the rollup tables, which every
 * caller reads, and the raw tables, which only the tests and the benchmark
 * read, to prove the rollups right and to show what they save.  A query
 * returns the same columns from either source, so one row function reads
 * both. */
typedef enum
{
  SOURCE_ROLLUP,
  SOURCE_RAW,
} Source;

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

/* Beyond the public dimensions, a series slices the rollups by period. */
#define SLICE_BY_PERIOD(kind) (JD_N_DIMENSIONS + (kind))

/* The key of the period of kind @kind that holds @month, as the SQL of
 * slice_key_sql() writes it. */
static char *
period_key (JdPeriodKind kind,
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
slice_key_sql (int      dimension,
               Source   source,
               gboolean is_reviews)
{
  switch (dimension)
    {
    case SLICE_BY_PERIOD (JD_PERIOD_MONTH):
      g_assert (source == SOURCE_ROLLUP);
      return "CAST (month AS TEXT)";
    case SLICE_BY_PERIOD (JD_PERIOD_QUARTER):
      g_assert (source == SOURCE_ROLLUP);
      return "CAST (month / 100 * 10 + (month % 100 + 2) / 3 AS TEXT)";
    case SLICE_BY_PERIOD (JD_PERIOD_YEAR):
      g_assert (source == SOURCE_ROLLUP);
      return "CAST (month / 100 AS TEXT)";

    case JD_DIMENSION_AGENCY:
      return "CAST (agency_id AS TEXT)";
    case JD_DIMENSION_DOMAIN:
      if (source == SOURCE_RAW && is_reviews)
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
query_sql (const Query *query,
           const Scope *scope,
           Source       source,
           int          dimension)   /* -1: the whole, not a breakdown */
{
  GString *sql = g_string_new ("SELECT ");
  const char *key = dimension >= 0 ? slice_key_sql (dimension, source, query->is_reviews) : NULL;

  g_string_append (sql, query->columns);
  if (key != NULL)
    g_string_append_printf (sql, ", %s AS slice", key);
  g_string_append_printf (sql, " FROM %s WHERE %s%s", query->from, query->where,
                          source == SOURCE_RAW && query->is_reviews ? scope->reviews_where : scope->where);
  if (dimension == SLICE_BY_PERIOD (JD_PERIOD_MONTH))
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

/* Everything of a range of months: all but the items in force on a day */
#define PARTS_COUNTS (JD_METRICS_PARTS_ALL & ~JD_METRICS_PART_LENIENCY_ITEMS)

/* Adds up the @parts of the figures of @period into @whole, or, given a
 * @dimension, into the metrics of @slices (slice key → JdMetrics) that
 * each row names. */
static gboolean
compute_into (JdStore         *store,
              JdMetricsParts   parts,
              int              first,
              int              last,
              const char      *last_day,
              const JdFilter  *filter,
              Source           source,
              int              dimension,
              JdMetrics       *whole,
              GHashTable      *slices,
              GError         **error)
{
  g_auto(Scope) scope = { 0 };
  const Query *queries = source == SOURCE_ROLLUP ? rollup_queries : raw_queries;
  guint n_queries = source == SOURCE_ROLLUP ? G_N_ELEMENTS (rollup_queries) : G_N_ELEMENTS (raw_queries);
  JdDb *db = _jd_store_get_conn (store);
  gboolean ok = TRUE;

  if (!scope_init (&scope, db, filter, error))
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

/**
 * _jd_metrics_scope_where:
 *
 * Returns: (transfer full): @filter as SQL conditions on agency_id and
 *   domain_id (" AND agency_id IN (…) AND domain_id = …", or ""), for
 *   queries of the rollup tables elsewhere in libjiandu
 */
char *
_jd_metrics_scope_where (JdStore         *store,
                         const JdFilter  *filter,
                         GError         **error)
{
  g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (store);
  g_auto(Scope) scope = { 0 };

  if (!scope_init (&scope, _jd_store_get_conn (store), filter, error))
    return NULL;

  return g_steal_pointer (&scope.where);
}

static JdMetrics *
compute (JdStore         *store,
         const JdPeriod  *period,
         const JdFilter  *filter,
         Source           source,
         GError         **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(JdMetrics) m = NULL;
  g_autofree char *loss_setting = NULL;
  g_autofree char *correction_setting = NULL;
  g_autofree char *last_day = NULL;
  int first, last;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  /* Settings and figures under one hold of the connection. */
  locker = _jd_store_locker_new (store);

  loss_setting = jd_settings_get (store, "loss_rate_denominator");
  correction_setting = jd_settings_get (store, "correction_rate_denominator");
  m = metrics_new (period, loss_setting, correction_setting);

  _jd_metrics_cover (m, _jd_metrics_data_end (store), &first, &last, &last_day);
  if (!compute_into (store, JD_METRICS_PARTS_ALL, first, last, last_day, filter, source, -1, m, NULL, error))
    return NULL;

  finish_metrics (m);
  return g_steal_pointer (&m);
}

/**
 * jd_metrics_compute:
 * @store: the database
 * @period: the month, quarter, year or range of months
 * @filter: (nullable): which agencies and domains count
 *
 * Computes every metric for @period, as docs/ARCHITECTURE.md defines it,
 * from the rollup tables.  A period the data end inside counts its months
 * up to the data's end (see jd_period_cover()).
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
  return compute (store, period, filter, SOURCE_ROLLUP, error);
}

/**
 * _jd_metrics_compute_raw:
 *
 * The same as jd_metrics_compute(), by plain SQL over the raw tables: the
 * reference the tests hold the rollups to, and the benchmark's baseline.
 */
JdMetrics *
_jd_metrics_compute_raw (JdStore         *store,
                         const JdPeriod  *period,
                         const JdFilter  *filter,
                         GError         **error)
{
  return compute (store, period, filter, SOURCE_RAW, error);
}

void
jd_slice_free (JdSlice *slice)
{
  if (slice == NULL)
    return;

  g_free (slice->key);
  g_free (slice->label);
  jd_metrics_free (slice->metrics);
  g_free (slice);
}

/* The members of @dimension that @filter lets through, zeros included: an
 * agency that decided nothing is a finding, not a missing row. */
static gboolean
list_slices (JdDb            *db,
             JdDimension      dimension,
             const Scope     *scope,
             const JdMetrics *template,
             GPtrArray       *slices,
             GHashTable      *by_key,
             GError         **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  JdDbStep step;

  switch (dimension)
    {
    case JD_DIMENSION_AGENCY:
      sql = g_strdup_printf ("SELECT CAST (id AS TEXT), code, name FROM agencies AS a"
                             " WHERE TRUE%s ORDER BY code", scope->agencies_where);
      break;
    case JD_DIMENSION_DOMAIN:
      sql = g_strdup_printf ("SELECT CAST (id AS TEXT), code, name FROM domains"
                             " WHERE TRUE%s ORDER BY code", scope->domains_where);
      break;
    case JD_DIMENSION_LEVEL:
      /* Grouped, not DISTINCT: PostgreSQL orders a DISTINCT only by what it selects. */
      sql = g_strdup_printf ("SELECT level, level, level FROM agencies AS a"
                             " WHERE TRUE%s GROUP BY level"
                             " ORDER BY CASE level WHEN 'city' THEN 0 WHEN 'county' THEN 1 ELSE 2 END",
                             scope->agencies_where);
      break;
    case JD_DIMENSION_REGION:
      sql = g_strdup_printf ("SELECT DISTINCT region, region, region FROM agencies AS a"
                             " WHERE region IS NOT NULL%s ORDER BY region", scope->agencies_where);
      break;
    case JD_N_DIMENSIONS:
    default:
      g_assert_not_reached ();
    }

  stmt = _jd_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      JdSlice *slice = g_new0 (JdSlice, 1);
      const char *label = _jd_db_column_text (stmt, 2);

      slice->key = g_strdup (_jd_db_column_text (stmt, 1));
      slice->label = g_strdup (dimension == JD_DIMENSION_LEVEL ? jd_enum_label (JD_ENUM_LEVEL, label) : label);
      slice->metrics = metrics_new (&template->period, template->loss_rate_denominator,
                                    template->correction_rate_denominator);
      slice->metrics->coverage = template->coverage;
      slice->metrics->data_end = template->data_end;
      g_ptr_array_add (slices, slice);
      g_hash_table_insert (by_key, g_strdup (_jd_db_column_text (stmt, 0)), slice->metrics);
    }

  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not read the database"));
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
breakdown (JdStore         *store,
           const JdPeriod  *period,
           const JdFilter  *filter,
           JdDimension      dimension,
           JdMetricsParts   parts,
           Source           source,
           GError         **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(GPtrArray) slices = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(JdMetrics) template = NULL;
  g_autofree char *loss_setting = NULL;
  g_autofree char *correction_setting = NULL;
  g_autofree char *last_day = NULL;
  g_auto(Scope) scope = { 0 };
  int first, last;
  JdDb *db;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (dimension < JD_N_DIMENSIONS, NULL);

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_conn (store);

  if (!scope_init (&scope, db, filter, error))
    return NULL;

  loss_setting = jd_settings_get (store, "loss_rate_denominator");
  correction_setting = jd_settings_get (store, "correction_rate_denominator");
  template = metrics_new (period, loss_setting, correction_setting);
  _jd_metrics_cover (template, _jd_metrics_data_end (store), &first, &last, &last_day);

  slices = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_slice_free);
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!list_slices (db, dimension, &scope, template, slices, by_key, error))
    return NULL;

  if (!compute_into (store, parts, first, last, last_day, filter, source, dimension, NULL, by_key, error))
    return NULL;

  for (guint i = 0; i < slices->len; i++)
    finish_metrics (((JdSlice *)g_ptr_array_index (slices, i))->metrics);

  return g_steal_pointer (&slices);
}

/**
 * jd_metrics_breakdown:
 * @dimension: split by agency, domain, agency level or region
 *
 * The figures of @period for every agency (domain, level, region) that
 * @filter lets through, those with nothing to show included, in the order
 * of their codes.  Each slice's figures are exactly what
 * jd_metrics_compute() gives with a filter for that slice.
 *
 * Returns: (transfer full) (element-type JdSlice): the slices, or %NULL
 *   with @error set
 */
GPtrArray *
jd_metrics_breakdown (JdStore         *store,
                      const JdPeriod  *period,
                      const JdFilter  *filter,
                      JdDimension      dimension,
                      GError         **error)
{
  return breakdown (store, period, filter, dimension, JD_METRICS_PARTS_ALL, SOURCE_ROLLUP, error);
}

/**
 * jd_metrics_breakdown_parts:
 * @parts: the parts of the figures to read
 *
 * As jd_metrics_breakdown(), reading only the rollups of @parts; every
 * figure of the other parts is left zero.
 *
 * Returns: (transfer full) (element-type JdSlice): the slices, or %NULL
 *   with @error set
 */
GPtrArray *
jd_metrics_breakdown_parts (JdStore         *store,
                            const JdPeriod  *period,
                            const JdFilter  *filter,
                            JdDimension      dimension,
                            JdMetricsParts   parts,
                            GError         **error)
{
  return breakdown (store, period, filter, dimension, parts, SOURCE_ROLLUP, error);
}

GPtrArray *
_jd_metrics_breakdown_raw (JdStore         *store,
                           const JdPeriod  *period,
                           const JdFilter  *filter,
                           JdDimension      dimension,
                           GError         **error)
{
  return breakdown (store, period, filter, dimension, JD_METRICS_PARTS_ALL, SOURCE_RAW, error);
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
 * @by: months, quarters or years (not ranges)
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
  return jd_metrics_series_parts (store, filter, by, first_month, last_month, JD_METRICS_PARTS_ALL, error);
}

/**
 * jd_metrics_series_parts:
 * @parts: the parts of the figures to read
 *
 * As jd_metrics_series(), reading only the rollups of @parts: a chart of
 * lawsuits over three years need not add up three years of cases.  The
 * figures of @parts, and the ratios made of them alone, are those
 * jd_metrics_compute() gives; every other figure is left zero.
 *
 * Returns: (transfer full) (element-type JdMetrics): one #JdMetrics a
 *   period, oldest first, or %NULL with @error set
 */
GPtrArray *
jd_metrics_series_parts (JdStore         *store,
                         const JdFilter  *filter,
                         JdPeriodKind     by,
                         int              first_month,
                         int              last_month,
                         JdMetricsParts   parts,
                         GError         **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autofree char *loss_setting = NULL;
  g_autofree char *correction_setting = NULL;
  JdPeriod period;
  JdPeriod last;
  int data_end;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (by != JD_PERIOD_RANGE, NULL);
  g_return_val_if_fail (jd_month_diff (last_month, first_month) >= 0, NULL);

  locker = _jd_store_locker_new (store);
  loss_setting = jd_settings_get (store, "loss_rate_denominator");
  correction_setting = jd_settings_get (store, "correction_rate_denominator");

  series = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_metrics_free);
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  period = jd_period_containing (by, first_month);
  last = jd_period_containing (by, last_month);
  data_end = _jd_metrics_data_end (store);

  for (;;)
    {
      JdMetrics *m = metrics_new (&period, loss_setting, correction_setting);

      g_ptr_array_add (series, m);
      g_hash_table_insert (by_key, period_key (by, jd_period_first_month (&period)), m);

      if (jd_period_equal (&period, &last))
        break;
      period = jd_period_next (&period);
    }

  /* Every period's counts in one pass over the rollups, sliced by period… */
  if ((parts & PARTS_COUNTS) != 0 &&
      !compute_into (store, parts & PARTS_COUNTS,
                     jd_period_first_month (&((JdMetrics *)g_ptr_array_index (series, 0))->period),
                     jd_period_last_month (&last), NULL, filter, SOURCE_ROLLUP,
                     SLICE_BY_PERIOD (by), NULL, by_key, error))
    return NULL;

  /* …and the leniency items in force on each period's last day, or on
   * the data's last day for the period they end in.  (The counts of the
   * months after the data's end are nothing, by its definition.) */
  for (guint i = 0; i < series->len; i++)
    {
      JdMetrics *m = g_ptr_array_index (series, i);
      g_autofree char *day = NULL;
      int month, first;

      _jd_metrics_cover (m, data_end, &first, &month, &day);
      if ((parts & JD_METRICS_PART_LENIENCY_ITEMS) != 0 &&
          !compute_into (store, JD_METRICS_PART_LENIENCY_ITEMS, month, month, day, filter,
                         SOURCE_ROLLUP, -1, m, NULL, error))
        return NULL;
      finish_metrics (m);
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
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autoptr(GArray) values = NULL;
  g_autofree char *sql = NULL;
  JdDb *db;
  JdDbStep step;
  guint n;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (jd_month_diff (last_month, first_month) >= 0, NULL);

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_conn (store);
  if (!scope_init (&scope, db, filter, error))
    return NULL;

  n = jd_month_diff (last_month, first_month) + 1;
  values = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n);
  g_array_set_size (values, n);

  sql = g_strdup_printf ("SELECT month, sum (n) FROM roll_cases"
                         " WHERE month BETWEEN ?1 AND ?2%s GROUP BY month",
                         scope.where);
  stmt = _jd_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  _jd_db_bind_int64 (stmt, 1, first_month);
  _jd_db_bind_int64 (stmt, 2, last_month);
  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      int index = jd_month_diff (_jd_db_column_int (stmt, 0), first_month);

      if (index >= 0 && (guint)index < n)
        g_array_index (values, gint64, index) = _jd_db_column_int64 (stmt, 1);
    }

  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not compute the figures"));
      return NULL;
    }

  return g_steal_pointer (&values);
}

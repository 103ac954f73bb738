/* jd-rollup.c — keeping the rollup tables in step with the raw rows
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rollup row sums the raw rows of one month × agency × domain × the
 * categories a metric splits by.  The sums are additive, so a change to
 * the raw rows is a change to the sums: rows an import adds are summed in
 * memory as they are written and added at the end (RollupSum); rows it
 * updates or an undo removes are taken away, and added back once changed,
 * by the same SELECT that builds the tables from scratch (JdRollupDelta).
 * Nothing reads the raw rows by month, so the raw tables need no month
 * index, which is most of what a bulk import would pay for.
 *
 * The SQL below is the definition; the C beside it (sum_*_row) must add
 * exactly what it adds for one row.  _jd_rollup_verify() compares the
 * tables with a rebuild, and the tests call it after imports, updates and
 * undos of every entity.
 */

#define G_LOG_DOMAIN "jd-rollup"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-rollup-private.h"
#include "jd-store.h"

#define MAX_SUMS 8

typedef struct
{
  const char *table;
  const char *keys;      /* the primary key: month, agency_id, domain_id, … */
  const char *sums;      /* the additive columns, n first */
  const char *select;    /* … WHERE: a condition on the raw rows can follow */
  const char *group;
} Part;

static const Part parts[] = {
#define PART_CASES 0
  { "roll_cases",
    "month, agency_id, domain_id, kind, leniency",
    "n, fines_fen, exempted_fen, major, major_unreviewed",
    "SELECT decided_month, agency_id, coalesce (domain_id, 0), kind, leniency,"
    "       count(*), coalesce (sum (fine_fen), 0), coalesce (sum (exempted_fen), 0), coalesce (sum (major), 0),"
    "       coalesce (sum (CASE WHEN major = 1 AND coalesce (legal_review, 0) = 0 THEN 1 ELSE 0 END), 0)"
    " FROM cases WHERE decided_month IS NOT NULL",
    "GROUP BY 1, 2, 3, 4, 5" },
#define PART_CASES_OPENED 1
  { "roll_cases_opened",
    "month, agency_id, domain_id",
    "n",
    "SELECT opened_month, agency_id, coalesce (domain_id, 0), count(*)"
    " FROM cases WHERE opened_month IS NOT NULL",
    "GROUP BY 1, 2, 3" },
#define PART_COMPLAINTS 2
  { "roll_complaints",
    "month, agency_id, domain_id, channel",
    "n, closed, on_time, closed_with_due, substantiated, substantiated_known, satisfied, rated",
    "SELECT received_month, coalesce (agency_id, 0), coalesce (domain_id, 0), channel,"
    "       count(*), count(closed_on),"
    "       coalesce (sum (CASE WHEN closed_on IS NOT NULL AND due_on IS NOT NULL AND closed_on <= due_on THEN 1 ELSE 0 END), 0),"
    "       coalesce (sum (CASE WHEN closed_on IS NOT NULL AND due_on IS NOT NULL THEN 1 ELSE 0 END), 0),"
    "       coalesce (sum (CASE WHEN substantiated = 1 THEN 1 ELSE 0 END), 0), count(substantiated),"
    "       coalesce (sum (CASE WHEN satisfaction = 'satisfied' OR satisfaction = 'basic' THEN 1 ELSE 0 END), 0),"
    "       count(satisfaction)"
    " FROM complaints WHERE received_month IS NOT NULL",
    "GROUP BY 1, 2, 3, 4" },
#define PART_COMPLAINT_CATEGORIES 3
  { "roll_complaint_categories",
    "month, agency_id, domain_id, category",
    "n",
    "SELECT received_month, coalesce (agency_id, 0), coalesce (domain_id, 0), coalesce (category, ''), count(*)"
    " FROM complaints WHERE received_month IS NOT NULL",
    "GROUP BY 1, 2, 3, 4" },
#define PART_LAWSUITS 4
  { "roll_lawsuits",
    "month, agency_id, domain_id, instance, outcome",
    "n, hearing_held, head_appeared",
    "SELECT concluded_month, coalesce (agency_id, 0), coalesce (domain_id, 0), instance, outcome,"
    "       count(*), coalesce (sum (CASE WHEN hearing_held = 1 THEN 1 ELSE 0 END), 0),"
    "       coalesce (sum (CASE WHEN hearing_held = 1 AND head_appeared = 1 THEN 1 ELSE 0 END), 0)"
    " FROM lawsuits WHERE concluded_month IS NOT NULL",
    "GROUP BY 1, 2, 3, 4, 5" },
#define PART_RECONSIDERATIONS 5
  { "roll_reconsiderations",
    "month, agency_id, domain_id, outcome",
    "n",
    "SELECT decided_month, coalesce (agency_id, 0), coalesce (domain_id, 0), outcome, count(*)"
    " FROM reconsiderations WHERE decided_month IS NOT NULL",
    "GROUP BY 1, 2, 3, 4" },
  /* A review counts in the domain of the case file it reviewed, so a
   * change to cases can move it; there are few reviews, and this table is
   * always rebuilt whole (_jd_rollup_finish). */
#define PART_REVIEWS 6
  { "roll_reviews",
    "month, agency_id, domain_id, grade",
    "n, score_sum, scored",
    "SELECT r.reviewed_month, r.agency_id, coalesce (c.domain_id, 0), r.grade,"
    "       count(*), coalesce (sum (r.score), 0.0), count(r.score)"
    " FROM reviews AS r"
    " LEFT JOIN cases AS c ON c.agency_id = r.agency_id AND c.case_no = r.case_no"
    " WHERE r.reviewed_month IS NOT NULL",
    "GROUP BY 1, 2, 3, 4" },
};

/* The parts summed by delta, per rollup. */
static const struct {
  guint first;
  guint n;
} rollup_parts[JD_N_ROLLUPS] = {
  [JD_ROLLUP_CASES] = { PART_CASES, 2 },
  [JD_ROLLUP_COMPLAINTS] = { PART_COMPLAINTS, 2 },
  [JD_ROLLUP_LAWSUITS] = { PART_LAWSUITS, 1 },
  [JD_ROLLUP_RECONSIDERATIONS] = { PART_RECONSIDERATIONS, 1 },
  [JD_ROLLUP_REVIEWS] = { PART_REVIEWS, 0 },
};

/* The raw columns RollupSum needs of a new row, in JdRollupValue order. */
enum { C_CASE_DECIDED, C_CASE_OPENED, C_CASE_AGENCY, C_CASE_DOMAIN, C_CASE_KIND, C_CASE_LENIENCY,
       C_CASE_FINE, C_CASE_EXEMPTED, C_CASE_MAJOR, C_CASE_REVIEW };
static const char * const case_columns[] = {
  "decided_on", "opened_on", "agency_id", "domain_id", "kind", "leniency",
  "fine_fen", "exempted_fen", "major", "legal_review", NULL
};
enum { C_COMPLAINT_RECEIVED, C_COMPLAINT_AGENCY, C_COMPLAINT_DOMAIN, C_COMPLAINT_CHANNEL,
       C_COMPLAINT_CATEGORY, C_COMPLAINT_CLOSED, C_COMPLAINT_DUE, C_COMPLAINT_SUBSTANTIATED,
       C_COMPLAINT_SATISFACTION };
static const char * const complaint_columns[] = {
  "received_on", "agency_id", "domain_id", "channel", "category", "closed_on", "due_on",
  "substantiated", "satisfaction", NULL
};
enum { C_LAWSUIT_CONCLUDED, C_LAWSUIT_AGENCY, C_LAWSUIT_DOMAIN, C_LAWSUIT_INSTANCE,
       C_LAWSUIT_OUTCOME, C_LAWSUIT_HEARING, C_LAWSUIT_HEAD };
static const char * const lawsuit_columns[] = {
  "concluded_on", "agency_id", "domain_id", "instance", "outcome", "hearing_held", "head_appeared", NULL
};
enum { C_RECONSIDERATION_DECIDED, C_RECONSIDERATION_AGENCY, C_RECONSIDERATION_DOMAIN,
       C_RECONSIDERATION_OUTCOME };
static const char * const reconsideration_columns[] = {
  "decided_on", "agency_id", "domain_id", "outcome", NULL
};
static const char * const no_columns[] = { NULL };

static const char * const * const rollup_columns[JD_N_ROLLUPS] = {
  [JD_ROLLUP_CASES] = case_columns,
  [JD_ROLLUP_COMPLAINTS] = complaint_columns,
  [JD_ROLLUP_LAWSUITS] = lawsuit_columns,
  [JD_ROLLUP_RECONSIDERATIONS] = reconsideration_columns,
  [JD_ROLLUP_REVIEWS] = no_columns,
};

static gboolean
step_done (JdDbStmt  *stmt,
           GError   **error)
{
  if (!_jd_db_step_done (stmt, error))
    {
      g_prefix_error (error, "%s: ", _("Could not update the summary tables"));
      return FALSE;
    }

  return TRUE;
}

/* The part's SELECT, of the raw rows matching @where. */
static char *
select_sql (const Part *part,
            const char *where)
{
  return g_strdup_printf ("%s AND (%s) %s", part->select, where, part->group);
}

static gboolean
rebuild_part (JdDb        *db,
              const Part  *part,
              GError     **error)
{
  g_autofree char *select = select_sql (part, "true");
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s; INSERT INTO %s (%s, %s) %s",
                                          part->table, part->table, part->keys, part->sums, select);

  return _jd_db_exec (db, sql, error);
}

/* "INSERT … ON CONFLICT DO UPDATE SET n = n ± excluded.n, …" for @part,
 * the rows coming from @source. */
static char *
upsert_sql (const Part *part,
            const char *source,
            int         sign)
{
  g_auto(GStrv) sums = g_strsplit (part->sums, ", ", -1);
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_printf (sql, "INSERT INTO %s (%s, %s) %s ON CONFLICT (%s) DO UPDATE SET ",
                   part->table, part->keys, part->sums, source, part->keys);
  for (guint i = 0; sums[i] != NULL; i++)
    /* The old row's column by the table's name: plain, it could also be
     * excluded's, which PostgreSQL refuses as ambiguous. */
    g_string_append_printf (sql, "%s%s = %s.%s %c excluded.%s", i > 0 ? ", " : "",
                            sums[i], part->table, sums[i], sign > 0 ? '+' : '-', sums[i]);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

gboolean
_jd_rollup_refresh_all (JdDb     *db,
                        GError  **error)
{
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    if (!rebuild_part (db, &parts[p], error))
      return FALSE;

  return TRUE;
}

gboolean
_jd_rollup_finish (JdDb      *db,
                   JdRollup   rollup,
                   GError   **error)
{
  g_return_val_if_fail (rollup < JD_N_ROLLUPS, FALSE);

  for (guint p = 0; p < rollup_parts[rollup].n; p++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE n = 0",
                                              parts[rollup_parts[rollup].first + p].table);

      if (!_jd_db_exec (db, sql, error))
        return FALSE;
    }

  if (rollup == JD_ROLLUP_CASES || rollup == JD_ROLLUP_REVIEWS)
    return rebuild_part (db, &parts[PART_REVIEWS], error);

  return TRUE;
}

gboolean
_jd_rollup_verify (JdDb     *db,
                   GError  **error)
{
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      g_autofree char *select = select_sql (&parts[p], "true");
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM ("
                                              " SELECT %s, %s FROM %s EXCEPT %s"
                                              " UNION ALL SELECT * FROM (%s EXCEPT SELECT %s, %s FROM %s) AS missing"
                                              ") AS differ",
                                              parts[p].keys, parts[p].sums, parts[p].table, select,
                                              select, parts[p].keys, parts[p].sums, parts[p].table);
      g_autoptr(JdDbStmt) stmt = _jd_db_prepare (db, sql, error);
      gint64 differ;

      if (stmt == NULL)
        return FALSE;
      if (_jd_db_step (stmt, error) != JD_DB_ROW)
        {
          g_prefix_error (error, "%s: ", _("Could not read the summary tables"));
          return FALSE;
        }
      differ = _jd_db_column_int64 (stmt, 0);
      if (differ != 0)
        {
          g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_SUMMARIES,
                       _("The summary table %s does not match the records (%lld rows differ)"),
                       parts[p].table, (long long)differ);
          return FALSE;
        }
    }

  return TRUE;
}

/* Changes by condition */

struct _JdRollupDelta
{
  guint         n_parts;
  JdDbStmt     *add[2];
  JdDbStmt     *take[2];
};

JdRollupDelta *
_jd_rollup_delta_new (JdDb        *db,
                      JdRollup     rollup,
                      const char  *where,
                      GError     **error)
{
  g_autoptr(JdRollupDelta) delta = g_new0 (JdRollupDelta, 1);

  g_return_val_if_fail (rollup < JD_N_ROLLUPS, NULL);

  delta->n_parts = rollup_parts[rollup].n;
  for (guint p = 0; p < delta->n_parts; p++)
    {
      const Part *part = &parts[rollup_parts[rollup].first + p];
      g_autofree char *select = select_sql (part, where);
      g_autofree char *add = upsert_sql (part, select, 1);
      g_autofree char *take = upsert_sql (part, select, -1);

      delta->add[p] = _jd_db_prepare (db, add, error);
      if (delta->add[p] == NULL)
        return NULL;
      delta->take[p] = _jd_db_prepare (db, take, error);
      if (delta->take[p] == NULL)
        return NULL;
    }

  return g_steal_pointer (&delta);
}

gboolean
_jd_rollup_delta_apply (JdRollupDelta  *delta,
                        int             sign,
                        gint64          a,
                        gint64          b,
                        GError        **error)
{
  for (guint p = 0; p < delta->n_parts; p++)
    {
      JdDbStmt *stmt = sign > 0 ? delta->add[p] : delta->take[p];
      int n = _jd_db_bind_count (stmt);

      if (n >= 1)
        _jd_db_bind_int64 (stmt, 1, a);
      if (n >= 2)
        _jd_db_bind_int64 (stmt, 2, b);
      if (!step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

void
_jd_rollup_delta_free (JdRollupDelta *delta)
{
  for (guint p = 0; p < G_N_ELEMENTS (delta->add); p++)
    {
      g_clear_pointer (&delta->add[p], _jd_db_stmt_free);
      g_clear_pointer (&delta->take[p], _jd_db_stmt_free);
    }
  g_free (delta);
}

/* New rows, summed in memory */

typedef struct
{
  guint        part;
  int          month;
  gint64       agency_id;
  gint64       domain_id;
  const char  *text[2];
  gint64       sums[MAX_SUMS];
} Entry;

struct _JdRollupSum
{
  JdRollup      rollup;
  GHashTable   *entries;   /* Entry set */
  GStringChunk *strings;
};

static guint
entry_hash (gconstpointer data)
{
  const Entry *entry = data;
  guint hash = entry->part * 1000003u ^ (guint)entry->month * 7919u;

  hash = hash * 31u + (guint)entry->agency_id;
  hash = hash * 31u + (guint)entry->domain_id;
  for (guint t = 0; t < 2; t++)
    if (entry->text[t] != NULL)
      hash = hash * 31u + g_str_hash (entry->text[t]);

  return hash;
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  return x->part == y->part && x->month == y->month &&
         x->agency_id == y->agency_id && x->domain_id == y->domain_id &&
         g_strcmp0 (x->text[0], y->text[0]) == 0 && g_strcmp0 (x->text[1], y->text[1]) == 0;
}

const char * const *
_jd_rollup_columns (JdRollup rollup)
{
  g_return_val_if_fail (rollup < JD_N_ROLLUPS, no_columns);

  return rollup_columns[rollup];
}

JdRollupSum *
_jd_rollup_sum_new (JdRollup rollup)
{
  JdRollupSum *sum = g_new0 (JdRollupSum, 1);

  sum->rollup = rollup;
  sum->entries = g_hash_table_new_full (entry_hash, entry_equal, g_free, NULL);
  sum->strings = g_string_chunk_new (4096);

  return sum;
}

void
_jd_rollup_sum_free (JdRollupSum *sum)
{
  g_hash_table_unref (sum->entries);
  g_string_chunk_free (sum->strings);
  g_free (sum);
}

/* The month key of an ISO date, as the raw tables' *_month columns
 * compute it; 0 for none. */
static int
month_of (const JdRollupValue *date)
{
  const char *s = date->s;

  if (date->type != JD_ROLLUP_TEXT || s == NULL || strlen (s) < 7)
    return 0;

  return (int)g_ascii_strtoll (s, NULL, 10) * 100 + (int)g_ascii_strtoll (s + 5, NULL, 10);
}

static gboolean
is_null (const JdRollupValue *value)
{
  return value->type == JD_ROLLUP_NULL;
}

/* An integer column: 0 for NULL, as coalesce (x, 0) gives. */
static gint64
int_of (const JdRollupValue *value)
{
  return value->type == JD_ROLLUP_INTEGER ? value->i : 0;
}

static gboolean
is_one (const JdRollupValue *value)
{
  return value->type == JD_ROLLUP_INTEGER && value->i == 1;
}

static const char *
text_of (const JdRollupValue *value)
{
  return value->type == JD_ROLLUP_TEXT ? value->s : NULL;
}

/* Adds @n sums to the entry of the given key. */
static void
add_entry (JdRollupSum   *sum,
           guint          part,
           int            month,
           gint64         agency_id,
           gint64         domain_id,
           const char    *text0,
           const char    *text1,
           const gint64  *sums,
           guint          n)
{
  Entry key = { part, month, agency_id, domain_id, { text0, text1 }, { 0 } };
  Entry *entry = g_hash_table_lookup (sum->entries, &key);

  if (entry == NULL)
    {
      entry = g_memdup2 (&key, sizeof key);
      for (guint t = 0; t < 2; t++)
        if (entry->text[t] != NULL)
          entry->text[t] = g_string_chunk_insert_const (sum->strings, entry->text[t]);
      g_hash_table_add (sum->entries, entry);
    }

  for (guint i = 0; i < n; i++)
    entry->sums[i] += sums[i];
}

static void
sum_case_row (JdRollupSum         *sum,
              const JdRollupValue *row)
{
  gint64 agency_id = int_of (&row[C_CASE_AGENCY]);
  gint64 domain_id = int_of (&row[C_CASE_DOMAIN]);
  int month;

  if ((month = month_of (&row[C_CASE_DECIDED])) != 0)
    {
      gboolean major = is_one (&row[C_CASE_MAJOR]);
      gint64 sums[] = {
        1, int_of (&row[C_CASE_FINE]), int_of (&row[C_CASE_EXEMPTED]), int_of (&row[C_CASE_MAJOR]),
        major && int_of (&row[C_CASE_REVIEW]) == 0,
      };

      add_entry (sum, PART_CASES, month, agency_id, domain_id,
                 text_of (&row[C_CASE_KIND]), text_of (&row[C_CASE_LENIENCY]), sums, G_N_ELEMENTS (sums));
    }

  if ((month = month_of (&row[C_CASE_OPENED])) != 0)
    {
      gint64 one = 1;

      add_entry (sum, PART_CASES_OPENED, month, agency_id, domain_id, NULL, NULL, &one, 1);
    }
}

static void
sum_complaint_row (JdRollupSum         *sum,
                   const JdRollupValue *row)
{
  int month = month_of (&row[C_COMPLAINT_RECEIVED]);
  gint64 agency_id = int_of (&row[C_COMPLAINT_AGENCY]);
  gint64 domain_id = int_of (&row[C_COMPLAINT_DOMAIN]);
  const char *closed = text_of (&row[C_COMPLAINT_CLOSED]);
  const char *due = text_of (&row[C_COMPLAINT_DUE]);
  const char *satisfaction = text_of (&row[C_COMPLAINT_SATISFACTION]);
  const char *category = text_of (&row[C_COMPLAINT_CATEGORY]);
  gint64 one = 1;

  if (month == 0)
    return;

  {
    gint64 sums[] = {
      1,
      closed != NULL,
      closed != NULL && due != NULL && strcmp (closed, due) <= 0,
      closed != NULL && due != NULL,
      is_one (&row[C_COMPLAINT_SUBSTANTIATED]),
      !is_null (&row[C_COMPLAINT_SUBSTANTIATED]),
      g_strcmp0 (satisfaction, "satisfied") == 0 || g_strcmp0 (satisfaction, "basic") == 0,
      !is_null (&row[C_COMPLAINT_SATISFACTION]),
    };

    add_entry (sum, PART_COMPLAINTS, month, agency_id, domain_id,
               text_of (&row[C_COMPLAINT_CHANNEL]), NULL, sums, G_N_ELEMENTS (sums));
  }

  add_entry (sum, PART_COMPLAINT_CATEGORIES, month, agency_id, domain_id,
             category != NULL ? category : "", NULL, &one, 1);
}

static void
sum_lawsuit_row (JdRollupSum         *sum,
                 const JdRollupValue *row)
{
  int month = month_of (&row[C_LAWSUIT_CONCLUDED]);
  gboolean hearing = is_one (&row[C_LAWSUIT_HEARING]);
  gint64 sums[] = { 1, hearing, hearing && is_one (&row[C_LAWSUIT_HEAD]) };

  if (month == 0)
    return;

  add_entry (sum, PART_LAWSUITS, month, int_of (&row[C_LAWSUIT_AGENCY]), int_of (&row[C_LAWSUIT_DOMAIN]),
             text_of (&row[C_LAWSUIT_INSTANCE]), text_of (&row[C_LAWSUIT_OUTCOME]), sums, G_N_ELEMENTS (sums));
}

static void
sum_reconsideration_row (JdRollupSum         *sum,
                         const JdRollupValue *row)
{
  int month = month_of (&row[C_RECONSIDERATION_DECIDED]);
  gint64 one = 1;

  if (month == 0)
    return;

  add_entry (sum, PART_RECONSIDERATIONS, month,
             int_of (&row[C_RECONSIDERATION_AGENCY]), int_of (&row[C_RECONSIDERATION_DOMAIN]),
             text_of (&row[C_RECONSIDERATION_OUTCOME]), NULL, &one, 1);
}

void
_jd_rollup_sum_add (JdRollupSum         *sum,
                    const JdRollupValue *row)
{
  switch (sum->rollup)
    {
    case JD_ROLLUP_CASES:
      sum_case_row (sum, row);
      break;
    case JD_ROLLUP_COMPLAINTS:
      sum_complaint_row (sum, row);
      break;
    case JD_ROLLUP_LAWSUITS:
      sum_lawsuit_row (sum, row);
      break;
    case JD_ROLLUP_RECONSIDERATIONS:
      sum_reconsideration_row (sum, row);
      break;
    case JD_ROLLUP_REVIEWS:
    case JD_N_ROLLUPS:
    default:
      break;
    }
}

static guint
count_columns (const char *list)
{
  guint n = 1;

  for (const char *p = list; *p != '\0'; p++)
    n += *p == ',';

  return n;
}

gboolean
_jd_rollup_sum_flush (JdRollupSum  *sum,
                      JdDb         *db,
                      GError      **error)
{
  JdDbStmt *stmts[G_N_ELEMENTS (parts)] = { NULL };
  GHashTableIter iter;
  Entry *entry;
  gboolean ok = TRUE;

  g_hash_table_iter_init (&iter, sum->entries);
  while (ok && g_hash_table_iter_next (&iter, (gpointer *)&entry, NULL))
    {
      const Part *part = &parts[entry->part];
      guint n_keys = count_columns (part->keys);
      guint n_sums = count_columns (part->sums);
      int column = 1;

      if (stmts[entry->part] == NULL)
        {
          g_autoptr(GString) values = g_string_new ("VALUES (");
          g_autofree char *sql = NULL;

          for (guint i = 1; i <= n_keys + n_sums; i++)
            g_string_append_printf (values, "%s?%u", i > 1 ? ", " : "", i);
          g_string_append_c (values, ')');
          sql = upsert_sql (part, values->str, 1);
          stmts[entry->part] = _jd_db_prepare (db, sql, error);
          if (stmts[entry->part] == NULL)
            {
              ok = FALSE;
              break;
            }
        }

      _jd_db_bind_int64 (stmts[entry->part], column++, entry->month);
      _jd_db_bind_int64 (stmts[entry->part], column++, entry->agency_id);
      _jd_db_bind_int64 (stmts[entry->part], column++, entry->domain_id);
      for (guint t = 0; t + 3 < n_keys; t++)
        _jd_db_bind_text (stmts[entry->part], column++, entry->text[t]);
      for (guint i = 0; i < n_sums; i++)
        _jd_db_bind_int64 (stmts[entry->part], column++, entry->sums[i]);
      ok = step_done (stmts[entry->part], error);
    }

  for (guint p = 0; p < G_N_ELEMENTS (stmts); p++)
    g_clear_pointer (&stmts[p], _jd_db_stmt_free);
  g_hash_table_remove_all (sum->entries);

  return ok;
}

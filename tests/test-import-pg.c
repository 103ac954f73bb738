/* test-import-pg.c — importing into a PostgreSQL store, against SQLite
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same files go into a SQLite store and into a database of their own
 * on the server JIANDU_TEST_PG names (jd-test-pg.h).  The SQLite writer is
 * the reference: every JdImportResult (counts, reasons, import ids), every
 * rollup table read in the order of its key, the raw rows and the import
 * records must come out the same from the PostgreSQL writer.  Imports run
 * at the same time on the server must land every row, one import of a
 * table after the other, with rollups that a rebuild from the raw rows
 * confirms.
 */

#include "config.h"

#include <string.h>

#include "jd-import.h"
#include "jd-rollup-private.h"
#include "jd-store-private.h"
#include "jd-test-pg.h"
#include "jd-test-util.h"

/* The agencies the files name (SJ-… city, XH-… and DC-… county), with
 * parents named by earlier rows of the same file. */
static const char agencies_csv[] =
  "单位编码,单位名称,层级,区县,上级单位\n"
  "SJ-SCJG,市市场监督管理局,市级,市本级,\n"
  "SJ-CSGL,市城市管理局,市级,市本级,\n"
  "XH-SCJG,西湖区市场监督管理局,县级,西湖区,SJ-SCJG\n"
  "DC-ZHZF,东城区综合行政执法局,县级,东城区,市城市管理局\n"
  "SJ-SCJG,市市场监督管理局,市级,市本级,\n"                       /* a duplicate */
  "SJ-CSGL,市城市管理局（旧）,市级,市本级,\n"                      /* repeats a key with other values */
  "XH-JD01,西湖区北山街道,乡镇,西湖区,西湖区市场监督管理局\n"
  "XH-JD02,西湖区灵隐街道,乡镇,西湖区,XH-NONE\n"                   /* an unknown parent */
  "DC-JD01,东城区东华街道,乡镇,东城区,DC-ZHZF\n";

static const char * const case_agencies[] = { "SJ-SCJG", "SJ-CSGL", "XH-SCJG", "DC-ZHZF", "XH-JD01", "DC-JD01" };
static const char * const case_domains[] = { "市场监管", "城管", "市场监督管理", "城市管理", "", "环保" };
static const char * const case_kinds[] = { "行政处罚", "行政检查", "行政强制", "处罚", "行政许可", "其他" };
static const char * const case_leniency[] = { "无", "首违不罚", "", "从轻", "无", "不予处罚" };

/* A cases file: rows @first … @first + @n - 1, @n of them, with a wrong
 * cell now and then, rows that repeat an earlier one (the same, or with
 * another amount), an unknown agency; @variant changes the amounts of
 * every seventh row and the kind of every eleventh. */
static char *
cases_csv (guint first,
           guint n,
           guint variant)
{
  GString *out = g_string_new ("\xEF\xBB\xBF" "执法单位,案件编号,执法领域,执法类别,立案日期,决定日期,罚没金额（元）,免罚类型,重大执法决定,法制审核,涉企,当事人\r\n");

  for (guint i = first; i < first + n; i++)
    {
      guint a = i % G_N_ELEMENTS (case_agencies);
      guint month = 1 + i % 12;
      guint fine = (i * 37) % 5000 + (variant != 0 && i % 7 == 0 ? variant : 0);
      const char *kind = case_kinds[(i / 3 + (variant != 0 && i % 11 == 0)) % G_N_ELEMENTS (case_kinds)];
      g_autofree char *line = NULL;
      char opened[16] = "";
      char decided[16] = "2025-13-40";

      if (i % 5 != 0)
        g_snprintf (opened, sizeof opened, "2025-%02u-%02u", month, 1 + i % 28);
      if (i % 97 != 3)
        g_snprintf (decided, sizeof decided, "2025/%u/%u", month, 2 + i % 27);
      line = g_strdup_printf ("%s,C-%06u,%s,%s,%s,%s,\"%u.%02u\",%s,%s,%s,%s,P%u\r\n",
                              i % 211 == 5 ? "没有这个单位" : case_agencies[a], i,
                              case_domains[i % G_N_ELEMENTS (case_domains)], kind, opened, decided,
                              fine, i % 100, case_leniency[i % G_N_ELEMENTS (case_leniency)],
                              i % 50 == 0 ? "是" : "否", i % 4 == 0 ? "" : (i % 3 ? "是" : "否"),
                              i % 3 ? "是" : "否", i % 13);
      g_string_append (out, line);
      /* A duplicate of the row, and a repeat of its key with another amount. */
      if (i % 101 == 7)
        g_string_append (out, line);
      if (i % 103 == 9)
        g_string_append_printf (out, "%s,C-%06u,%s,%s,,,\"9.99\",,,,,\r\n",
                                case_agencies[a], i, case_domains[0], case_kinds[0]);
    }

  return g_string_free (out, FALSE);
}

static const char complaints_csv[] =
  "工单编号,来源渠道,受理时间,承办单位,执法领域,诉求类型,办结时限,办结时间,是否属实,满意度\n"
  "T-001,12345热线,2025-01-03,SJ-SCJG,市场监管,食品安全,2025-01-10,2025-01-08,是,满意\n"
  "T-002,来信,2025-01-04,DC-ZHZF,城管,占道经营,2025-01-11,2025-01-20,否,不满意\n"
  "T-003,网站,2025-02-01,XH-SCJG,,价格,2025-02-08,,,\n"
  "T-004,热线,2025-02-02,,,,,,,\n"
  "T-003,网站,2025-02-01,XH-SCJG,,价格,2025-02-08,,,\n"
  "T-005,电报,2025-02-03,SJ-SCJG,,,,,,\n"
  "T-006,app,2025-03-05,XH-JD01,市场监管,噪音,2025-03-12,2025-03-12,部分属实,基本满意\n";

static const char lawsuits_csv[] =
  "案号,被告,执法领域,审级,立案日期,审结日期,裁判结果,是否开庭,负责人出庭\n"
  "L-1,SJ-SCJG,市场监管,一审,2025-01-02,2025-03-04,驳回诉讼请求,是,是\n"
  "L-2,DC-ZHZF,城市管理,一审,2025-01-05,2025-04-01,判决撤销,是,否\n"
  "L-3,SJ-CSGL,,二审,2025-02-01,,审理中,,\n"
  "L-4,XH-SCJG,,一审,2025-02-03,2025-05-06,撤诉,否,\n";

static const char reconsiderations_csv[] =
  "复议案号,被申请人,执法领域,受理日期,决定日期,复议结果\n"
  "R-1,SJ-SCJG,市场监管,2025-01-02,2025-02-03,维持\n"
  "R-2,DC-ZHZF,城管,2025-01-09,2025-03-01,撤销\n"
  "R-3,XH-JD01,,2025-02-10,,\n";

static const char reviews_csv[] =
  "被评查单位,案卷编号,评查日期,评查得分,评查等次\n"
  "SJ-SCJG,C-000010,2025-04-01,92.5,优秀\n"
  "SJ-CSGL,C-000011,2025-04-02,71,合格\n"
  "DC-ZHZF,C-000015,2025-04-03,55.25,不合格\n"
  "XH-SCJG,C-000002,2025-05-01,101,良好\n";

typedef struct
{
  char             *dir;
  JdStore          *sqlite;
  JdStore          *pg;
  JdTestPgDatabase *conninfo;
} Pair;

/* A new SQLite store and a new database on the server; FALSE when there
 * is no server (the test is skipped). */
static gboolean
pair_open (Pair *pair)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  pair->conninfo = jd_test_pg_database_new ();
  if (pair->conninfo == NULL)
    return FALSE;

  pair->dir = g_dir_make_tmp ("jiandu-import-pg-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (pair->dir, "reference.db", NULL);
  pair->sqlite = jd_store_open (path, &error);
  g_assert_no_error (error);
  pair->pg = jd_store_open (pair->conninfo, &error);
  g_assert_no_error (error);
  return TRUE;
}

static void
pair_close (Pair *pair)
{
  g_clear_object (&pair->sqlite);
  g_clear_object (&pair->pg);
  g_clear_pointer (&pair->conninfo, jd_test_pg_database_free);
  if (pair->dir != NULL)
    jd_test_remove_dir (pair->dir);
  g_clear_pointer (&pair->dir, g_free);
}

static char *
write_file (Pair       *pair,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (pair->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static GPtrArray *
import_file (JdStore    *store,
             const char *path,
             gboolean    create_agencies)
{
  JdImportOptions options = { .create_agencies = create_agencies };
  g_autoptr(GError) error = NULL;
  GPtrArray *results = jd_import_file (store, path, &options, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* Every row of @sql, a line each; numbers as numbers, whichever way the
 * database writes them (SQLite's 92.5 and 71.0, PostgreSQL's 92.5 and 71). */
static char *
dump (JdStore    *store,
      const char *sql)
{
  g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (_jd_store_get_conn (store), sql, &error);
  GString *out = g_string_new (NULL);
  JdDbStep step;

  g_assert_no_error (error);
  while ((step = _jd_db_step (stmt, &error)) == JD_DB_ROW)
    {
      for (int c = 0; c < _jd_db_column_count (stmt); c++)
        {
          const char *text = _jd_db_column_text (stmt, c);
          char *end = NULL;
          double number = text != NULL ? g_ascii_strtod (text, &end) : 0;

          if (c > 0)
            g_string_append_c (out, '|');
          if (text == NULL)
            g_string_append (out, "∅");
          else if (end != text && *end == '\0')
            g_string_append_printf (out, "%.10g", number);
          else
            g_string_append (out, text);
        }
      g_string_append_c (out, '\n');
    }
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, JD_DB_DONE);

  return g_string_free (out, FALSE);
}

/* Every rollup table in the order of its key, the raw rows, the import
 * records and the journal (its old values are JSON each database writes
 * its own way; undo reads them back, and is compared by its result). */
static const char * const compared[] = {
  "SELECT * FROM roll_cases ORDER BY month, agency_id, domain_id, kind, leniency",
  "SELECT * FROM roll_cases_opened ORDER BY month, agency_id, domain_id",
  "SELECT * FROM roll_complaints ORDER BY month, agency_id, domain_id, channel",
  "SELECT * FROM roll_complaint_categories ORDER BY month, agency_id, domain_id, category",
  "SELECT * FROM roll_lawsuits ORDER BY month, agency_id, domain_id, instance, outcome",
  "SELECT * FROM roll_reconsiderations ORDER BY month, agency_id, domain_id, outcome",
  "SELECT * FROM roll_reviews ORDER BY month, agency_id, domain_id, grade",
  "SELECT id, code, name, level, region, parent_id, import_id FROM agencies ORDER BY id",
  "SELECT id, code, name, import_id FROM domains ORDER BY id",
  "SELECT id, agency_id, case_no, domain_id, kind, opened_on, decided_on, fine_fen, leniency, leniency_item_id,"
  " exempted_fen, major, legal_review, enterprise, party, import_id, opened_month, decided_month FROM cases ORDER BY id",
  "SELECT id, ticket_no, channel, received_on, agency_id, domain_id, category, due_on, closed_on, substantiated,"
  " satisfaction, import_id FROM complaints ORDER BY id",
  "SELECT id, case_no, agency_id, domain_id, instance, filed_on, concluded_on, outcome, hearing_held, head_appeared,"
  " import_id FROM lawsuits ORDER BY id",
  "SELECT id, case_no, agency_id, domain_id, received_on, decided_on, outcome, import_id FROM reconsiderations ORDER BY id",
  "SELECT id, agency_id, case_no, reviewed_on, score, grade, problems, import_id FROM reviews ORDER BY id",
  "SELECT id, file_name, sha256, entity, sheet, accepted, updated, unchanged, rejected, first_row_id, last_row_id,"
  " CASE WHEN undone_at IS NULL THEN 0 ELSE 1 END FROM imports ORDER BY id",
  "SELECT import_id, seq, tbl, row_id, old_import_id FROM import_journal ORDER BY import_id, seq",
};

static void
assert_same_tables (Pair *pair)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (compared); i++)
    {
      g_autofree char *expected = dump (pair->sqlite, compared[i]);
      g_autofree char *actual = dump (pair->pg, compared[i]);

      g_assert_cmpstr (actual, ==, expected);
    }

  /* And the rollups say what a rebuild from the raw rows says. */
  g_assert_true (_jd_rollup_verify (_jd_store_get_conn (pair->pg), &error));
  g_assert_no_error (error);
}

static void
assert_same_results (GPtrArray *actual,
                     GPtrArray *expected)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < actual->len; i++)
    {
      const JdImportResult *a = actual->pdata[i];
      const JdImportResult *e = expected->pdata[i];

      g_assert_cmpstr (a->entity, ==, e->entity);
      g_assert_cmpint (a->import_id, ==, e->import_id);
      g_assert_cmpuint (a->n_new, ==, e->n_new);
      g_assert_cmpuint (a->n_updated, ==, e->n_updated);
      g_assert_cmpuint (a->n_unchanged, ==, e->n_unchanged);
      g_assert_cmpuint (a->n_duplicates, ==, e->n_duplicates);
      g_assert_cmpuint (a->n_rejected, ==, e->n_rejected);
      g_assert_cmpuint (a->n_errors_dropped, ==, e->n_errors_dropped);
      g_assert_cmpuint (a->errors->len, ==, e->errors->len);
      for (guint j = 0; j < a->errors->len; j++)
        {
          const JdImportRowError *x = &g_array_index (a->errors, JdImportRowError, j);
          const JdImportRowError *y = &g_array_index (e->errors, JdImportRowError, j);

          g_assert_cmpuint (x->row, ==, y->row);
          g_assert_cmpstr (x->column, ==, y->column);
          g_assert_cmpstr (x->reason, ==, y->reason);
          g_assert_cmpint (x->hint, ==, y->hint);
        }
    }
}

/* Imports @contents into both stores, checks that both say the same of
 * it, and returns what the server's store says. */
static GPtrArray *
import_both (Pair       *pair,
             const char *name,
             const char *contents,
             gboolean    create_agencies)
{
  g_autofree char *path = write_file (pair, name, contents);
  g_autoptr(GPtrArray) expected = import_file (pair->sqlite, path, create_agencies);
  GPtrArray *actual = import_file (pair->pg, path, create_agencies);

  assert_same_results (actual, expected);
  return actual;
}

static const JdImportResult *
first_result (GPtrArray *results)
{
  g_assert_cmpuint (results->len, ==, 1);
  return results->pdata[0];
}

/* What cases_csv (first, n, 0) holds, worked out from how it is made:
 * rows new, duplicated and rejected when imported into an empty table. */
static void
count_cases (guint  first,
             guint  n,
             guint *n_new,
             guint *n_duplicates,
             guint *n_rejected)
{
  *n_new = *n_duplicates = *n_rejected = 0;
  for (guint i = first; i < first + n; i++)
    {
      gboolean bad = i % 97 == 3 || i % 211 == 5;

      *(bad ? n_rejected : n_new) += 1;
      if (i % 101 == 7)
        *(bad ? n_rejected : n_duplicates) += 1;
      /* The repeat names a known agency: a key of its own when the row's
       * agency was unknown, the first of its key when the row was wrong. */
      if (i % 103 == 9)
        *(bad ? n_new : n_rejected) += 1;
    }
}

/* The agencies, then every entity: the same results and the same tables. */
static void
load_city (Pair *pair)
{
  g_autoptr(GPtrArray) agencies = import_both (pair, "agencies.csv", agencies_csv, FALSE);
  const JdImportResult *result = first_result (agencies);
  g_autofree char *cases = cases_csv (0, 3000, 0);
  g_autoptr(GPtrArray) imported = NULL;
  guint n_new, n_duplicates, n_rejected;

  /* The parents named by earlier rows were found; the repeated key and the
   * unknown parent rejected, naming the row and the agency. */
  g_assert_cmpuint (result->n_new, ==, 6);
  g_assert_cmpuint (result->n_duplicates, ==, 1);
  g_assert_cmpuint (result->n_rejected, ==, 2);
  g_assert_cmpstr (g_array_index (result->errors, JdImportRowError, 0).reason, ==,
                   "Repeats the key of row 3 with different values");
  g_assert_cmpstr (g_array_index (result->errors, JdImportRowError, 1).reason, ==, "Unknown agency “XH-NONE”");

  imported = import_both (pair, "cases.csv", cases, FALSE);
  result = first_result (imported);
  count_cases (0, 3000, &n_new, &n_duplicates, &n_rejected);
  g_assert_cmpuint (result->n_new, ==, n_new);
  g_assert_cmpuint (result->n_duplicates, ==, n_duplicates);
  g_assert_cmpuint (result->n_rejected, ==, n_rejected);
  g_clear_pointer (&imported, g_ptr_array_unref);

  for (guint i = 0; i < 4; i++)
    {
      static const char * const names[] = { "complaints.csv", "lawsuits.csv", "reconsiderations.csv", "reviews.csv" };
      const char * const files[] = { complaints_csv, lawsuits_csv, reconsiderations_csv, reviews_csv };

      imported = import_both (pair, names[i], files[i], FALSE);
      g_assert_cmpuint (first_result (imported)->n_new, >, 1);
      g_clear_pointer (&imported, g_ptr_array_unref);
    }

  assert_same_tables (pair);
}

static void
test_same_as_sqlite (void)
{
  Pair pair = { 0 };
  g_autofree char *more = cases_csv (2500, 1000, 0);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) overlap = NULL;

  if (!pair_open (&pair))
    return;

  load_city (&pair);

  /* A file half stored already: the stored half unchanged. */
  overlap = import_both (&pair, "more.csv", more, TRUE);
  g_assert_cmpuint (first_result (overlap)->n_unchanged, >, 400);
  g_assert_cmpuint (first_result (overlap)->n_new, >, 400);
  assert_same_tables (&pair);

  /* The same files again: nothing changes. */
  again = import_both (&pair, "more.csv", more, TRUE);
  g_assert_cmpuint (first_result (again)->n_new, ==, 0);
  g_assert_cmpuint (first_result (again)->n_updated, ==, 0);
  g_assert_cmpuint (first_result (again)->n_unchanged, ==, first_result (overlap)->n_new + first_result (overlap)->n_unchanged);
  assert_same_tables (&pair);

  pair_close (&pair);
}

/* Updates journalled and undone, the undo's rollups by delta. */
static void
test_update_and_undo (void)
{
  Pair pair = { 0 };
  g_autofree char *changed = cases_csv (0, 3000, 300);
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) updated = NULL;
  g_autoptr(GError) error = NULL;
  gint64 import_id;

  if (!pair_open (&pair))
    return;

  load_city (&pair);
  before = dump (pair.pg, compared[9]);

  updated = import_both (&pair, "changed.csv", changed, FALSE);
  g_assert_cmpuint (first_result (updated)->n_updated, >, 500);
  assert_same_tables (&pair);
  {
    g_autofree char *changed_dump = dump (pair.pg, compared[9]);

    g_assert_cmpstr (changed_dump, !=, before);
  }

  import_id = first_result (updated)->import_id;
  g_assert_true (jd_import_undo (pair.sqlite, import_id, &error));
  g_assert_no_error (error);
  g_assert_true (jd_import_undo (pair.pg, import_id, &error));
  g_assert_no_error (error);
  assert_same_tables (&pair);
  {
    g_autofree char *after = dump (pair.pg, compared[9]);

    g_assert_cmpstr (after, ==, before);
  }

  /* Undone already; and the agencies cannot go while the cases name them … */
  g_assert_false (jd_import_undo (pair.pg, import_id, &error));
  g_assert_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED);
  g_clear_error (&error);
  g_assert_false (jd_import_undo (pair.pg, 1, &error));
  g_assert_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED);
  g_clear_error (&error);

  /* … but the reviews can, on both, the same way. */
  g_assert_true (jd_import_undo (pair.sqlite, import_id - 1, &error));
  g_assert_no_error (error);
  g_assert_true (jd_import_undo (pair.pg, import_id - 1, &error));
  g_assert_no_error (error);
  assert_same_tables (&pair);

  /* The history lists the same imports, the undone ones said so. */
  {
    g_autoptr(GPtrArray) expected = jd_import_list (pair.sqlite, &error);
    g_autoptr(GPtrArray) actual = jd_import_list (pair.pg, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (actual->len, ==, expected->len);
    g_assert_cmpuint (actual->len, ==, import_id);
    for (guint i = 0; i < actual->len; i++)
      {
        const JdImportRecord *a = actual->pdata[i];
        const JdImportRecord *e = expected->pdata[i];

        g_assert_cmpint (a->id, ==, e->id);
        g_assert_cmpstr (a->file_name, ==, e->file_name);
        g_assert_cmpstr (a->sha256, ==, e->sha256);
        g_assert_cmpstr (a->entity, ==, e->entity);
        g_assert_cmpuint (a->n_new, ==, e->n_new);
        g_assert_cmpuint (a->n_updated, ==, e->n_updated);
        g_assert_cmpuint (a->n_unchanged, ==, e->n_unchanged);
        g_assert_cmpuint (a->n_rejected, ==, e->n_rejected);
        g_assert_cmpint (a->undone_at != NULL, ==, e->undone_at != NULL);
        g_assert_cmpint (a->undone_at != NULL, ==, a->id == import_id || a->id == import_id - 1);
      }
  }

  pair_close (&pair);
}

/* Agencies created on the way, and more reasons than are kept: the first
 * JD_IMPORT_MAX_ERRORS in the order of the rows, on both. */
static void
test_many_reasons (void)
{
  Pair pair = { 0 };
  GString *file = g_string_new ("执法单位,案件编号,执法类别,罚没金额\n");
  g_autoptr(GPtrArray) results = NULL;
  const JdImportResult *result;

  if (!pair_open (&pair))
    return;

  /* Every key twice with other values (a reason the writer finds), every
   * third amount wrong (one the parser finds), new agencies created. */
  for (guint i = 0; i < 12000; i++)
    {
      g_string_append_printf (file, "NEW-%u,M-%u,处罚,%s\n", i % 5, i, i % 3 == 0 ? "很多" : "12.5");
      g_string_append_printf (file, "NEW-%u,M-%u,处罚,13\n", i % 5, i);
    }
  results = import_both (&pair, "many.csv", file->str, TRUE);
  result = first_result (results);
  g_assert_cmpuint (result->errors->len, ==, JD_IMPORT_MAX_ERRORS);
  g_assert_cmpuint (result->n_errors_dropped, ==, 12000 - JD_IMPORT_MAX_ERRORS);
  g_assert_cmpuint (result->n_rejected, ==, 12000);
  g_assert_cmpuint (result->n_new, ==, 12000);
  assert_same_tables (&pair);

  g_string_free (file, TRUE);
  pair_close (&pair);
}

static void
on_progress_cancel_cb (double   fraction,
                       gpointer user_data)
{
  if (fraction > 0.5)
    g_cancellable_cancel (user_data);
}

/* Cancelled half-way, with rows on their way to the server: nothing of
 * the file stays, and the store takes the next import. */
static void
test_cancel (void)
{
  Pair pair = { 0 };
  g_autofree char *cases = cases_csv (0, 20000, 0);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  JdDb *db;

  if (!pair_open (&pair))
    return;

  agencies = import_both (&pair, "agencies.csv", agencies_csv, FALSE);
  path = write_file (&pair, "cases.csv", cases);
  results = jd_import_file (pair.pg, path, NULL, on_progress_cancel_cb, cancellable, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (results);
  g_clear_error (&error);

  db = _jd_store_get_conn (pair.pg);
  g_assert_cmpint (_jd_db_query_int64 (db, "SELECT count(*) FROM cases", -1, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (_jd_db_query_int64 (db, "SELECT count(*) FROM imports", -1, &error), ==, 1);
  g_assert_no_error (error);

  results = import_file (pair.pg, path, FALSE);
  g_assert_cmpuint (first_result (results)->n_new, >, 19000);
  g_assert_true (_jd_rollup_verify (db, &error));
  g_assert_no_error (error);

  pair_close (&pair);
}

/* Concurrent imports */

typedef struct
{
  const char *conninfo;
  char       *path;
  GPtrArray  *results;
  gboolean    waited;    /* told JD_PROGRESS_WAITING */
  gboolean    done;      /* atomic */
} Job;

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  Job *job = user_data;

  if (fraction == JD_PROGRESS_WAITING)
    job->waited = TRUE;
}

static gpointer
job_thread (gpointer data)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (job->conninfo, &error);

  g_assert_no_error (error);
  job->results = jd_import_file (store, job->path, NULL, on_progress_cb, job, NULL, &error);
  g_assert_no_error (error);
  g_atomic_int_set (&job->done, TRUE);
  return NULL;
}

static gint64
query_int (JdDb       *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = _jd_db_query_int64 (db, sql, -1, &error);

  g_assert_no_error (error);
  return value;
}

/* Another session holding @table's turn to merge, as an import does. */
static JdDb *
hold_turn (Pair       *pair,
           const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lock_sql = g_strdup_printf ("BEGIN; SELECT pg_advisory_xact_lock (%d, CAST (CAST (CAST ('%s' AS regclass) AS oid) AS integer))",
                                               0x4A69616E, table);
  JdDb *holder = _jd_db_connect_pg (pair->conninfo, NULL, &error);

  g_assert_no_error (error);
  _jd_db_exec (holder, lock_sql, &error);
  g_assert_no_error (error);
  return holder;
}

static void
release_turn (JdDb *holder)
{
  g_autoptr(GError) error = NULL;

  _jd_db_exec (holder, "COMMIT", &error);
  g_assert_no_error (error);
  _jd_db_free (holder);
}

/* How many sessions wait for a turn. */
static gint64
count_waiting (JdDb *db)
{
  return query_int (db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
}

/* Two imports of cases (different rows, the same agencies and months)
 * and one of complaints, on three connections at once, while another
 * session holds the cases' turn: both cases imports stage their rows and
 * wait, the complaints go through, and once the turn is free the cases
 * land one after the other.  Every row is there and the rollups are what
 * a rebuild gives, and what SQLite gives for the same files. */
static void
test_concurrent (void)
{
  Pair pair = { 0 };
  g_autofree char *first = cases_csv (0, 4000, 0);
  g_autofree char *second = cases_csv (100000, 4000, 0);
  Job jobs[3] = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  JdDb *holder;
  JdDb *db;
  guint n_rows = 0;

  if (!pair_open (&pair))
    return;

  agencies = import_both (&pair, "agencies.csv", agencies_csv, FALSE);
  db = _jd_store_get_conn (pair.pg);
  jobs[0].path = write_file (&pair, "first.csv", first);
  jobs[1].path = write_file (&pair, "second.csv", second);
  jobs[2].path = write_file (&pair, "complaints.csv", complaints_csv);

  holder = hold_turn (&pair, "cases");
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i].conninfo = pair.conninfo;
      g_thread_unref (g_thread_new ("import", job_thread, &jobs[i]));
    }

  /* The complaints land while both cases imports wait for their turn. */
  for (int tries = 0; tries < 3000 && (!g_atomic_int_get (&jobs[2].done) || count_waiting (db) < 2); tries++)
    g_usleep (10000);
  g_assert_true (g_atomic_int_get (&jobs[2].done));
  g_assert_false (g_atomic_int_get (&jobs[0].done));
  g_assert_false (g_atomic_int_get (&jobs[1].done));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM cases"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM complaints"), >, 0);

  release_turn (holder);
  for (int tries = 0; tries < 6000 && !(g_atomic_int_get (&jobs[0].done) && g_atomic_int_get (&jobs[1].done)); tries++)
    g_usleep (10000);

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      const JdImportResult *result;

      g_assert_true (g_atomic_int_get (&jobs[i].done));
      result = first_result (jobs[i].results);
      if (i < 2)
        {
          g_assert_true (jobs[i].waited);
          n_rows += result->n_new;
        }
    }
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM cases"), ==, n_rows);
  g_assert_true (_jd_rollup_verify (db, &error));
  g_assert_no_error (error);

  /* The same files into SQLite, one after the other: the same sums. */
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_autoptr(GPtrArray) expected = import_file (pair.sqlite, jobs[i].path, FALSE);

      g_assert_cmpuint (first_result (expected)->n_new, ==, first_result (jobs[i].results)->n_new);
      g_assert_cmpuint (first_result (expected)->n_rejected, ==, first_result (jobs[i].results)->n_rejected);
    }
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *expected = dump (pair.sqlite, compared[i]);
      g_autofree char *actual = dump (pair.pg, compared[i]);

      g_assert_cmpstr (actual, ==, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_ptr_array_unref (jobs[i].results);
      g_free (jobs[i].path);
    }
  pair_close (&pair);
}

/* Two undos of one import */

typedef struct
{
  const char *conninfo;
  gint64      import_id;
  gboolean    undone;
  GError     *error;
  gboolean    done;      /* atomic */
} UndoJob;

static gpointer
undo_thread (gpointer data)
{
  UndoJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (job->conninfo, &error);

  g_assert_no_error (error);
  job->undone = jd_import_undo (store, job->import_id, &job->error);
  g_atomic_int_set (&job->done, TRUE);
  return NULL;
}

/* The same import undone from two machines at once, both asking before
 * either holds the table's turn: one undoes it, the other is told it has
 * been undone already, and the rollups are those of the rows left. */
static void
test_undo_twice (void)
{
  Pair pair = { 0 };
  g_autofree char *cases = cases_csv (0, 2000, 0);
  g_autofree char *changed = cases_csv (0, 2000, 300);
  g_autofree char *path = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) update = NULL;
  g_autoptr(GError) error = NULL;
  UndoJob jobs[2] = { 0 };
  JdDb *holder;
  JdDb *db;

  if (!pair_open (&pair))
    return;

  agencies = import_both (&pair, "agencies.csv", agencies_csv, FALSE);
  db = _jd_store_get_conn (pair.pg);
  first_path = write_file (&pair, "cases.csv", cases);
  first = import_file (pair.pg, first_path, FALSE);
  before = dump (pair.pg, "SELECT month, agency_id, kind, n, fines_fen FROM roll_cases ORDER BY 1, 2, 3");
  path = write_file (&pair, "changed.csv", changed);
  update = import_file (pair.pg, path, FALSE);
  g_assert_cmpuint (first_result (update)->n_updated, >, 0);

  holder = hold_turn (&pair, "cases");
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i].conninfo = pair.conninfo;
      jobs[i].import_id = first_result (update)->import_id;
      g_thread_unref (g_thread_new ("undo", undo_thread, &jobs[i]));
    }
  for (int tries = 0; tries < 3000 && count_waiting (db) < 2; tries++)
    g_usleep (10000);
  g_assert_cmpint (count_waiting (db), ==, 2);
  release_turn (holder);
  for (int tries = 0; tries < 6000 && !(g_atomic_int_get (&jobs[0].done) && g_atomic_int_get (&jobs[1].done)); tries++)
    g_usleep (10000);
  g_assert_true (g_atomic_int_get (&jobs[0].done) && g_atomic_int_get (&jobs[1].done));

  g_assert_cmpint (jobs[0].undone + jobs[1].undone, ==, 1);
  g_assert_error (jobs[jobs[0].undone ? 1 : 0].error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED);
  g_clear_error (&jobs[0].error);
  g_clear_error (&jobs[1].error);

  after = dump (pair.pg, "SELECT month, agency_id, kind, n, fines_fen FROM roll_cases ORDER BY 1, 2, 3");
  g_assert_cmpstr (after, ==, before);
  g_assert_true (_jd_rollup_verify (db, &error));
  g_assert_no_error (error);
  pair_close (&pair);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-pg/same-as-sqlite", test_same_as_sqlite);
  g_test_add_func ("/import-pg/update-and-undo", test_update_and_undo);
  g_test_add_func ("/import-pg/many-reasons", test_many_reasons);
  g_test_add_func ("/import-pg/cancel", test_cancel);
  g_test_add_func ("/import-pg/concurrent", test_concurrent);
  g_test_add_func ("/import-pg/undo-twice", test_undo_twice);

  return g_test_run ();
}

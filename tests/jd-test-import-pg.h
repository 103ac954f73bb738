/* jd-test-import-pg.h — the same files into SQLite and into PostgreSQL
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What test-import-pg.c and test-import-pg-concurrent.c share: the files,
 * a SQLite store and a server database side by side, and how to import
 * into both and compare them.
 */

#pragma once

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
static inline char *
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
static inline gboolean
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

static inline void
pair_close (Pair *pair)
{
  g_clear_object (&pair->sqlite);
  g_clear_object (&pair->pg);
  g_clear_pointer (&pair->conninfo, jd_test_pg_database_free);
  if (pair->dir != NULL)
    jd_test_remove_dir (pair->dir);
  g_clear_pointer (&pair->dir, g_free);
}

static inline char *
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

static inline GPtrArray *
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
static inline char *
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

static inline void
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

static inline void
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
static inline GPtrArray *
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

static inline const JdImportResult *
first_result (GPtrArray *results)
{
  g_assert_cmpuint (results->len, ==, 1);
  return results->pdata[0];
}


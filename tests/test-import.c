/* test-import.c — reading CSV, XLSX and XLS, mapping, and importing safely
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <xlsxwriter.h>

#include "jd-demo.h"
#include "jd-import.h"
#include "jd-rollup-private.h"
#include "jd-store-private.h"
#include "jd-table-reader.h"
#include "jd-test-util.h"

typedef struct
{
  char    *dir;
  char    *db_path;
  JdStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jiandu-import-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = jd_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  /* The demo city gives agencies (SJ-SCJG 市市场监督管理局 …) and fields. */
  jd_demo_generate (fixture->store, 7, 1000, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Whatever a test imported, updated or undid, the rollups say exactly
   * what the raw rows say. */
  if (fixture->store != NULL)
    {
      g_assert_true (_jd_rollup_verify (_jd_store_get_conn (fixture->store), &error));
      g_assert_no_error (error);
    }
  g_clear_object (&fixture->store);
  jd_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

/* Every row a query returns, as text: for comparing database states. */
static char *
dump (JdStore    *store,
      const char *sql)
{
  sqlite3 *db = _jd_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (db, sql, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, c);

          g_string_append_printf (out, "%s%s", c > 0 ? "|" : "", text != NULL ? text : "∅");
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* Everything an import may change, but the import history itself. */
static char *
dump_all (JdStore *store)
{
  static const char * const queries[] = {
    "SELECT * FROM agencies ORDER BY id",
    "SELECT * FROM domains ORDER BY id",
    "SELECT * FROM cases ORDER BY id",
    "SELECT * FROM complaints ORDER BY id",
    "SELECT * FROM lawsuits ORDER BY id",
    "SELECT * FROM reconsiderations ORDER BY id",
    "SELECT * FROM reviews ORDER BY id",
    "SELECT * FROM leniency_items ORDER BY id",
    "SELECT * FROM roll_cases ORDER BY 1, 2, 3, 4, 5",
    "SELECT * FROM roll_cases_opened ORDER BY 1, 2, 3",
    "SELECT * FROM roll_complaints ORDER BY 1, 2, 3, 4, 5",
    "SELECT * FROM roll_complaint_categories ORDER BY 1, 2, 3, 4",
    "SELECT * FROM roll_lawsuits ORDER BY 1, 2, 3, 4, 5",
    "SELECT * FROM roll_reconsiderations ORDER BY 1, 2, 3, 4",
    "SELECT * FROM roll_reviews ORDER BY 1, 2, 3, 4",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *part = dump (store, queries[i]);

      g_string_append_printf (out, "-- %s\n%s", queries[i], part);
    }

  return g_string_free (out, FALSE);
}

static gint64
query_int (JdStore    *store,
           const char *sql)
{
  return jd_test_query_int (store, sql);
}

static GPtrArray *
import_ok (Fixture               *fixture,
           const char            *path,
           const JdImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  results = jd_import_file (fixture->store, path, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);

  return results;
}

static JdImportResult *
only_result (GPtrArray *results)
{
  g_assert_cmpuint (results->len, ==, 1);
  return results->pdata[0];
}

static void
assert_counts (const JdImportResult *result,
               guint                 n_new,
               guint                 n_updated,
               guint                 n_unchanged,
               guint                 n_rejected)
{
  g_assert_cmpuint (result->n_new, ==, n_new);
  g_assert_cmpuint (result->n_updated, ==, n_updated);
  g_assert_cmpuint (result->n_unchanged, ==, n_unchanged);
  g_assert_cmpuint (result->n_rejected, ==, n_rejected);
}

static const JdImportRowError *
error_of_row (const JdImportResult *result,
              guint                 row)
{
  for (guint i = 0; i < result->errors->len; i++)
    {
      const JdImportRowError *error = &g_array_index (result->errors, JdImportRowError, i);

      if (error->row == row)
        return error;
    }

  return NULL;
}

static void
assert_row_error (const JdImportResult *result,
                  guint                 row,
                  const char           *column,
                  const char           *reason_part)
{
  const JdImportRowError *error = error_of_row (result, row);

  if (error == NULL)
    g_error ("row %u was not rejected", row);
  g_assert_cmpstr (error->column, ==, column);
  if (strstr (error->reason, reason_part) == NULL)
    g_error ("row %u: “%s” does not mention “%s”", row, error->reason, reason_part);
}

/* Readers */

static GPtrArray *
read_all_csv (const char  *data,
              gssize       length,
              const char  *encoding,
              GArray      *row_numbers,
              char       **out_encoding,
              GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(JdTableReader) reader = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  guint row;

  if (length < 0)
    length = strlen (data);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, length), length, g_free);
  reader = jd_csv_reader_new (stream, length, encoding, error);
  if (reader == NULL)
    {
      g_ptr_array_unref (rows);
      return NULL;
    }
  if (out_encoding != NULL)
    *out_encoding = g_strdup (reader->encoding);

  for (;;)
    {
      GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

      if (!reader->next_row (reader, cells, &row, error))
        {
          g_ptr_array_unref (cells);
          break;
        }
      g_ptr_array_add (rows, cells);
      if (row_numbers != NULL)
        g_array_append_val (row_numbers, row);
    }

  if (error != NULL && *error != NULL)
    {
      g_ptr_array_unref (rows);
      return NULL;
    }

  return rows;
}

static char *
join_row (GPtrArray *cells)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cells->len; i++)
    g_string_append_printf (out, "%s[%s]", i > 0 ? "," : "", (char *)cells->pdata[i]);

  return g_string_free (out, FALSE);
}

static void
test_csv_rfc4180 (void)
{
  /* CRLF, LF and CR line ends; doubled quotes; a line break in quotes;
   * an uneven row; a blank line; quoted empties; trailing blank lines. */
  const char *data = "a,b,c\r\n1,\"x\"\"y\",\"multi\r\nline\"\r2,3\n\n4\n\"\",,\"\"\n\n\n";
  const char *expected[] = {
    "[a],[b],[c]",
    "[1],[x\"y],[multi\nline]",
    "[2],[3]",
    "[]",
    "[4]",
    "[],[],[]",
    "[]",
    "[]",
  };
  const guint expected_rows[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = read_all_csv (data, -1, NULL, numbers, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *joined = join_row (rows->pdata[i]);

      g_assert_cmpstr (joined, ==, expected[i]);
      g_assert_cmpuint (g_array_index (numbers, guint, i), ==, expected_rows[i]);
    }

  /* No line end at the very end; a quote that never closes. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = read_all_csv ("x,y\n1,2", -1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = read_all_csv ("x,y\n1,\"2\n3\n", -1, NULL, NULL, NULL, &error);
  g_assert_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT);
  g_assert_null (rows);
}

static void
test_csv_encodings (void)
{
  g_autofree char *gb_path = g_test_build_filename (G_TEST_DIST, "data", "complaints-gb18030.csv", NULL);
  g_autofree char *bom_path = g_test_build_filename (G_TEST_DIST, "data", "complaints-bom.csv", NULL);
  g_autofree char *gb = NULL;
  g_autofree char *bom = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *utf16 = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gsize gb_len, bom_len, utf16_len;

  g_assert_true (g_file_get_contents (gb_path, &gb, &gb_len, NULL));
  g_assert_true (g_file_get_contents (bom_path, &bom, &bom_len, NULL));

  /* GB18030 is told from the bytes, and the cells come out as UTF-8. */
  rows = read_all_csv (gb, gb_len, NULL, NULL, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "GB18030");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *)rows->pdata[0], 0), ==, "工单编号");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *)rows->pdata[1], 4), ==, "价格\n欺诈");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&encoding, g_free);

  /* "gbk" is read as GB18030, its superset. */
  rows = read_all_csv (gb, gb_len, "gbk", NULL, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "GB18030");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&encoding, g_free);

  /* Forcing the wrong encoding is an error, never mojibake. */
  rows = read_all_csv (gb, gb_len, "utf-8", NULL, NULL, &error);
  g_assert_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_ENCODING);
  g_assert_null (rows);
  g_clear_error (&error);

  /* The byte-order mark is not part of the first header. */
  rows = read_all_csv (bom, bom_len, NULL, NULL, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *)rows->pdata[0], 0), ==, "工单编号");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&encoding, g_free);

  /* Excel's "Unicode text": UTF-16 with a BOM, separated by tabs. */
  utf16 = g_convert ("\xEF\xBB\xBF案件编号\t执法单位\r\nA1\t市市场监督管理局\r\n", -1, "UTF-16", "UTF-8", NULL, &utf16_len, &error);
  g_assert_no_error (error);
  rows = read_all_csv (utf16, utf16_len, NULL, NULL, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "UTF-16");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *)rows->pdata[1], 1), ==, "市市场监督管理局");
}

static void
test_excel_serials (void)
{
  const struct { double serial; gboolean date1904; const char *iso; } cases[] = {
    { 1, FALSE, "1900-01-01" },
    { 59, FALSE, "1900-02-28" },
    { 60, FALSE, NULL },           /* Lotus's 1900-02-29 */
    { 61, FALSE, "1900-03-01" },
    { 45474, FALSE, "2024-07-01" },
    { 45474.5, FALSE, "2024-07-01 12:00:00" },
    { 45474.3958333333, FALSE, "2024-07-01 09:30:00" },
    { 0, TRUE, "1904-01-01" },
    { 44012, TRUE, "2024-07-01" },  /* 45474 − 1462 */
    { -1, FALSE, NULL },
    { 2958466, FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = jd_excel_serial_to_iso (cases[i].serial, cases[i].date1904);

      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

static void
test_parse_dates (void)
{
  const struct { const char *text; const char *iso; } cases[] = {
    { "2024-07-01", "2024-07-01" },
    { "2024/7/1", "2024-07-01" },
    { "2024.7.1", "2024-07-01" },
    { "2024年7月1日", "2024-07-01" },
    { "2024年07月01日", "2024-07-01" },
    { "2024-07-01 09:30", "2024-07-01" },
    { "2024-07-01 09:30:00", "2024-07-01" },
    { "2024/7/1 9:30:15", "2024-07-01" },
    { "2024-07-01T09:30:00", "2024-07-01" },
    { "2024-07-01 09:30:00.000", "2024-07-01" },
    { "20240701", "2024-07-01" },
    { "45474", "2024-07-01" },
    { "2024-02-29", "2024-02-29" },
    { "2024-13-01", NULL },
    { "2023年2月30日", NULL },
    { "2023-02-29", NULL },
    { "2024-07-32", NULL },
    { "2024-7", NULL },
    { "2024/07-01", NULL },
    { "2024-07-01 25:00", NULL },
    { "2024-07-01 9:3", NULL },
    { "07/01/2024", NULL },
    { "下周一", NULL },
    { "2024-07-01x", NULL },
    { "60", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *reason = NULL;
      char out[11] = "";
      gboolean ok = jd_import_parse_date (cases[i].text, FALSE, out, &reason);

      if (cases[i].iso != NULL)
        {
          if (!ok)
            g_error ("“%s” was refused: %s", cases[i].text, reason);
          g_assert_cmpstr (out, ==, cases[i].iso);
        }
      else
        {
          if (ok)
            g_error ("“%s” was read as %s", cases[i].text, out);
          g_assert_nonnull (strstr (reason, cases[i].text));
        }
    }

  /* In a 1904 workbook, bare serials count from 1904-01-01. */
  {
    char out[11];

    g_assert_true (jd_import_parse_date ("44012", TRUE, out, NULL));
    g_assert_cmpstr (out, ==, "2024-07-01");
  }
}

static void
test_parse_money (void)
{
  const struct { const char *text; int scale; gint64 fen; } good[] = {
    { "1234.5", 1, 123450 },
    { "1,234.50", 1, 123450 },
    { "1234.5元", 1, 123450 },
    { "¥1234.5", 1, 123450 },
    { "0.12万元", 1, 120000 },
    { "0.12万", 1, 120000 },
    { "3", 10000, 3000000 },          /* a column headed 罚没金额（万元） */
    { "3元", 10000, 300 },            /* the cell's own unit wins */
    { "0", 1, 0 },
    { "0.005", 1, 1 },                /* half a fen rounds up */
    { "0.004", 1, 0 },
    { "1234.5000000001", 1, 123450 }, /* a double as a spreadsheet stores it */
    { "1.5E+3", 1, 150000 },
    { "12，345", 1, 1234500 },
  };
  const char * const bad[] = { "abc", "12.3.4", "-5", "1234.5美元", ".", "", "万元" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *reason = NULL;
      gint64 fen = -1;

      if (!jd_import_parse_money (good[i].text, good[i].scale, &fen, &reason))
        g_error ("“%s” was refused: %s", good[i].text, reason);
      g_assert_cmpint (fen, ==, good[i].fen);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *reason = NULL;
      gint64 fen;

      if (jd_import_parse_money (bad[i], 1, &fen, &reason))
        g_error ("“%s” was read as %" G_GINT64_FORMAT, bad[i], fen);
    }
}

/* Import */

static const char *complaints_expected =
  "GD20240701001|hotline_12345|2024-07-01|SJ-SCJG|价格\n欺诈|2024-07-08|2024-07-05|1|satisfied\n"
  "GD20240701002|letter|2024-07-02|SJ-STHJ|噪声\"扰民\"|2024-07-09|∅|0|∅\n"
  "GD20240701003|web|2024-07-03|∅|其他|∅|∅|∅|basic\n";

static const char *complaints_query =
  "SELECT ticket_no, channel, received_on, a.code, category, due_on, closed_on, substantiated, satisfaction"
  " FROM complaints LEFT JOIN agencies AS a ON a.id = agency_id WHERE ticket_no LIKE 'GD2024%' AND length (ticket_no) = 13 ORDER BY ticket_no";

static void
test_import_complaints_csv (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GPtrArray) results = import_ok (fixture, path, NULL);
  JdImportResult *result = only_result (results);
  g_autofree char *rows = NULL;
  gint64 rolled;

  g_assert_cmpstr (result->entity, ==, "complaints");
  assert_counts (result, 3, 0, 0, 1);
  assert_row_error (result, 5, "来源渠道", "传真");

  rows = dump (fixture->store, complaints_query);
  g_assert_cmpstr (rows, ==, complaints_expected);

  /* The rollup of July 2024 counts the three, as the raw rows say. */
  rolled = query_int (fixture->store, "SELECT sum (n) FROM roll_complaints WHERE month = 202407");
  g_assert_cmpint (rolled, ==, query_int (fixture->store, "SELECT count(*) FROM complaints WHERE received_on LIKE '2024-07-%'"));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM complaints WHERE received_on LIKE '2024-07-%'"), >=, 3);
}

static const char *cases_expected =
  "市监罚〔2024〕101号|SJ-SCJG|SCJG|penalty|2024-06-20|2024-07-01|123450|none|0|110101199001011234\n"
  "市监罚〔2024〕102号|SJ-SCJG|SCJG|penalty|2024-06-28|2024-07-15|20000|first_offense|1|110101199001015678\n"
  "环罚〔2024〕7号|SJ-STHJ|STHJ|inspection|2024-07-02|2024-07-31|0|none|0|91110000MA01ABCD2X\n";

static const char *cases_query =
  "SELECT case_no, a.code, d.code, kind, opened_on, decided_on, fine_fen, leniency, major, party"
  " FROM cases JOIN agencies AS a ON a.id = agency_id LEFT JOIN domains AS d ON d.id = domain_id"
  " WHERE case_no IN ('市监罚〔2024〕101号', '市监罚〔2024〕102号', '环罚〔2024〕7号') ORDER BY case_no";

/* Workbooks saved by LibreOffice: a title row above the headers, dates
 * with a 年月日 format and with a time, a 1904 variant, a notes sheet. */
static void
test_import_workbook (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GPtrArray) results = import_ok (fixture, path, NULL);
  JdImportResult *result = only_result (results);
  g_autofree char *rows = NULL;

  g_assert_cmpstr (result->entity, ==, "cases");
  g_assert_cmpstr (result->sheet, ==, "案件");
  assert_counts (result, 3, 0, 0, 1);
  assert_row_error (result, 6, "立案时间", "2023年2月30日");

  rows = dump (fixture->store, cases_query);
  g_assert_cmpstr (rows, ==, cases_expected);
}

static char *
write_xlsxwriter_workbook (Fixture    *fixture,
                          const char *name,
                          gboolean    constant_memory)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  lxw_workbook_options options = { .constant_memory = constant_memory };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *cases = workbook_add_worksheet (workbook, "cases");
  lxw_worksheet *complaints = workbook_add_worksheet (workbook, "投诉");
  lxw_format *builtin_date = workbook_add_format (workbook);
  lxw_format *chinese_date = workbook_add_format (workbook);
  lxw_format *date_time = workbook_add_format (workbook);
  lxw_format *money = workbook_add_format (workbook);
  const char * const headers[] = { "agency", "Case No", "kind", "opened_on", "decided_on", "fine_fen", "major", "party" };
  lxw_datetime july_first = { 2024, 7, 1, 0, 0, 0 };
  lxw_datetime july_second = { 2024, 7, 2, 14, 5, 9 };

  format_set_num_format_index (builtin_date, 14);
  format_set_num_format (chinese_date, "yyyy\"年\"m\"月\"d\"日\"");
  format_set_num_format (date_time, "yyyy/m/d h:mm:ss");
  format_set_num_format (money, "#,##0.00");

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (cases, 0, c, headers[c], NULL);

  worksheet_write_string (cases, 1, 0, "SJ-SCJG", NULL);
  worksheet_write_number (cases, 1, 1, 20240001, NULL);            /* a number as case number */
  worksheet_write_string (cases, 1, 2, "行政处罚", NULL);
  worksheet_write_datetime (cases, 1, 3, &july_first, builtin_date);
  worksheet_write_datetime (cases, 1, 4, &july_second, chinese_date);
  worksheet_write_number (cases, 1, 5, 1234.5, money);
  worksheet_write_boolean (cases, 1, 6, 1, NULL);
  worksheet_write_string (cases, 1, 7, "110101199001011234", NULL);

  worksheet_write_string (cases, 2, 0, "市生态环境局", NULL);
  worksheet_write_string (cases, 2, 1, "XW-2", NULL);
  worksheet_write_string (cases, 2, 2, "coercion", NULL);
  worksheet_write_datetime (cases, 2, 3, &july_second, date_time);
  worksheet_write_number (cases, 2, 4, 45474, NULL);                /* a bare serial */
  worksheet_write_string (cases, 2, 5, "0.12万元", NULL);
  worksheet_write_boolean (cases, 2, 6, 0, NULL);

  worksheet_write_string (cases, 4, 0, "SJ-SCJG", NULL);            /* after a blank row */
  worksheet_write_string (cases, 4, 1, "XW-3", NULL);
  worksheet_write_string (cases, 4, 2, "罚款", NULL);               /* not a kind */

  worksheet_write_string (complaints, 0, 0, "工单编号", NULL);
  worksheet_write_string (complaints, 0, 1, "来源渠道", NULL);
  worksheet_write_string (complaints, 0, 2, "受理时间", NULL);
  worksheet_write_string (complaints, 1, 0, "GD-X1", NULL);
  worksheet_write_string (complaints, 1, 1, "12345", NULL);
  worksheet_write_datetime (complaints, 1, 2, &july_second, date_time);

  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  return path;
}

static void
test_import_xlsxwriter (Fixture       *fixture,
                        gconstpointer  data)
{
  gboolean constant_memory = GPOINTER_TO_INT (data);
  g_autofree char *path = write_xlsxwriter_workbook (fixture, "written.xlsx", constant_memory);
  g_autoptr(GPtrArray) results = import_ok (fixture, path, NULL);
  JdImportResult *cases, *complaints;
  g_autofree char *rows = NULL;

  g_assert_cmpuint (results->len, ==, 2);
  cases = results->pdata[0];
  complaints = results->pdata[1];
  g_assert_cmpstr (cases->entity, ==, "cases");
  g_assert_cmpstr (complaints->entity, ==, "complaints");
  g_assert_cmpstr (complaints->sheet, ==, "投诉");
  assert_counts (cases, 2, 0, 0, 1);
  assert_row_error (cases, 5, "kind", "罚款");
  assert_counts (complaints, 1, 0, 0, 0);

  rows = dump (fixture->store,
               "SELECT case_no, a.code, kind, opened_on, decided_on, fine_fen, major, party FROM cases"
               " JOIN agencies AS a ON a.id = agency_id WHERE case_no IN ('20240001', 'XW-2') ORDER BY case_no");
  g_assert_cmpstr (rows, ==,
                   "20240001|SJ-SCJG|penalty|2024-07-01|2024-07-02|123450|1|110101199001011234\n"
                   "XW-2|SJ-STHJ|coercion|2024-07-02|2024-07-01|120000|0|∅\n");
  g_clear_pointer (&rows, g_free);

  rows = dump (fixture->store, "SELECT ticket_no, channel, received_on FROM complaints WHERE ticket_no = 'GD-X1'");
  g_assert_cmpstr (rows, ==, "GD-X1|hotline_12345|2024-07-02\n");
}

/* A workbook with the new agencies on one sheet and their cases, naming
 * them by name, on the next: one file, one transaction. */
static void
test_agencies_then_cases (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "agencies.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *agencies = workbook_add_worksheet (workbook, "单位");
  lxw_worksheet *cases = workbook_add_worksheet (workbook, "案件");
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *rows = NULL;

  worksheet_write_string (agencies, 0, 0, "单位编码", NULL);
  worksheet_write_string (agencies, 0, 1, "单位名称", NULL);
  worksheet_write_string (agencies, 0, 2, "层级", NULL);
  worksheet_write_string (agencies, 0, 3, "上级单位", NULL);
  worksheet_write_string (agencies, 1, 0, "GX-ZHZF", NULL);
  worksheet_write_string (agencies, 1, 1, "高新区综合行政执法局", NULL);
  worksheet_write_string (agencies, 1, 2, "区县级", NULL);
  worksheet_write_string (agencies, 1, 3, "SJ-CSGL", NULL);
  worksheet_write_string (cases, 0, 0, "执法单位", NULL);
  worksheet_write_string (cases, 0, 1, "案号", NULL);
  worksheet_write_string (cases, 0, 2, "执法类别", NULL);
  worksheet_write_string (cases, 1, 0, "高新区综合行政执法局", NULL);
  worksheet_write_string (cases, 1, 1, "高综执罚〔2024〕1号", NULL);
  worksheet_write_string (cases, 1, 2, "行政处罚", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  results = import_ok (fixture, path, NULL);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpstr (((JdImportResult *)results->pdata[0])->entity, ==, "agencies");
  assert_counts (results->pdata[0], 1, 0, 0, 0);
  assert_counts (results->pdata[1], 1, 0, 0, 0);

  rows = dump (fixture->store,
               "SELECT a.code, a.level, p.code, c.case_no FROM cases AS c JOIN agencies AS a ON a.id = c.agency_id"
               " JOIN agencies AS p ON p.id = a.parent_id WHERE a.code = 'GX-ZHZF'");
  g_assert_cmpstr (rows, ==, "GX-ZHZF|county|SJ-CSGL|高综执罚〔2024〕1号\n");
}

/* Every nasty case: each rejected row names its row, column and reason. */
static const char *nasty_csv =
  "执法单位,案件编号,执法类别,决定日期,罚没金额(元),重大执法决定,执法领域,备注\n"
  "SJ-SCJG,N-1,行政处罚,2024-07-01,\"1,234.50\",是,市场监管,ok\n"   /* 2 */
  "SJ-SCJG,N-2,行政处罚,2024-13-01,1,否,,\n"                         /* 3 bad date */
  "SJ-SCJG,N-3,行政处罚,2023年2月30日,1,否,,\n"                      /* 4 no such day */
  "SJ-SCJG,N-4,罚款,2024-07-01,1,否,,\n"                             /* 5 unknown kind */
  "SJ-SCJG,,行政处罚,2024-07-01,1,否,,\n"                            /* 6 missing key */
  "不存在的局,N-6,行政处罚,2024-07-01,1,否,,\n"                      /* 7 unknown agency */
  "SJ-SCJG,N-7,行政处罚,2024-07-01,一千元,否,,\n"                    /* 8 bad money */
  "SJ-SCJG,N-8,行政处罚,2024-07-01,1,也许,,\n"                       /* 9 bad boolean */
  "SJ-SCJG,N-9,行政处罚,2024-07-01,1,否,航天,\n"                     /* 10 unknown field */
  "SJ-SCJG,N-10,行政处罚,,,,,\n"                                     /* 11 empty optionals: fine */
  "SJ-SCJG,N-1,行政处罚,2024-07-02,1,否,,\n"                         /* 12 repeated key */
  "SJ-SCJG,N-11,行政处罚,2024-07-01,1.5E+3,否,,\n"                   /* 13 fine */
  ",,,,,,,\n"                                                        /* blank: not a row */
  "市市场监督管理局,N-12,penalty,45474,0.12万元,Y\n";                /* 15 by name; short row */

static void
test_import_nasty_rows (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "nasty.csv", nasty_csv, -1);
  g_autoptr(GPtrArray) results = import_ok (fixture, path, NULL);
  JdImportResult *result = only_result (results);
  g_autofree char *rows = NULL;

  assert_counts (result, 4, 0, 0, 9);
  assert_row_error (result, 3, "决定日期", "2024-13-01");
  assert_row_error (result, 4, "决定日期", "2023年2月30日");
  assert_row_error (result, 5, "执法类别", "罚款");
  assert_row_error (result, 6, "案件编号", "Empty");
  assert_row_error (result, 7, "执法单位", "不存在的局");
  assert_row_error (result, 8, "罚没金额(元)", "一千元");
  assert_row_error (result, 9, "重大执法决定", "也许");
  assert_row_error (result, 10, "执法领域", "航天");
  assert_row_error (result, 12, NULL, "row 2 with different values");
  g_assert_null (error_of_row (result, 11));
  g_assert_null (error_of_row (result, 13));
  g_assert_null (error_of_row (result, 14));
  g_assert_null (error_of_row (result, 15));

  /* An invalid value never becomes empty: none of the rejected rows is there. */
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM cases WHERE case_no IN"
                              " ('N-2','N-3','N-4','N-6','N-7','N-8','N-9')"), ==, 0);

  rows = dump (fixture->store,
               "SELECT case_no, decided_on, fine_fen, major FROM cases WHERE case_no LIKE 'N-%' ORDER BY id");
  g_assert_cmpstr (rows, ==,
                   "N-1|2024-07-01|123450|1\n"
                   "N-10|∅|0|0\n"
                   "N-11|2024-07-01|150000|0\n"
                   "N-12|2024-07-01|120000|1\n");
}

/* Amounts beyond any fine (1.23457E+17 yuan) are refused, never stored. */
static void
test_import_huge_amount (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *reason = NULL;
  gint64 fen;

  g_assert_false (jd_import_parse_money ("1.23457E+17", 1, &fen, &reason));
  g_assert_nonnull (reason);
  g_clear_pointer (&reason, g_free);
  g_assert_false (jd_import_parse_money ("100000000000", 1, &fen, &reason));
  g_assert_nonnull (reason);
}

static void
test_detect_entity (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct { const char *header; const char *entity; } cases[] = {
    { "执法单位,案件编号,执法类别,决定日期\n", "cases" },
    { "agency,case_no,kind\n", "cases" },
    { "工单编号,来源渠道,受理时间,承办单位\n", "complaints" },
    { "案号,被告,审级,立案日期,审结日期,裁判结果\n", "lawsuits" },
    { "复议案号,被申请人,受理日期,决定日期,复议结果\n", "reconsiderations" },
    { "被评查单位,案卷编号,评查日期,评查得分,评查等次\n", "reviews" },
    { "事项编码,事项名称,免罚类型,生效日期\n", "leniency_items" },
    { "单位编码,单位名称,层级,区县\n", "agencies" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (fixture, "header.csv", cases[i].header, -1);
      g_autoptr(GPtrArray) tables = NULL;
      g_autoptr(GError) error = NULL;
      JdImportTable *table;

      tables = jd_import_preview (path, NULL, 5, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tables->len, ==, 1);
      table = tables->pdata[0];
      g_assert_cmpstr (table->entity, ==, cases[i].entity);
    }

  /* Headers that say nothing: an error that asks for --entity. */
  {
    g_autofree char *path = write_file (fixture, "unknown.csv", "甲,乙,丙\n1,2,3\n", -1);
    g_autoptr(GError) error = NULL;
    GPtrArray *results = jd_import_file (fixture->store, path, NULL, NULL, NULL, NULL, &error);

    g_assert_null (results);
    g_assert_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_NO_HEADER);
  }

  /* A mapping given by the user wins over the headers. */
  {
    g_autofree char *path = write_file (fixture, "mapped.csv",
                                        "单位,号码,种类\nSJ-SCJG,M-1,行政检查\n", -1);
    g_autoptr(GHashTable) mapping = g_hash_table_new (g_str_hash, g_str_equal);
    JdImportOptions options = { .entity = "cases", .mapping = mapping };
    g_autoptr(GPtrArray) results = NULL;

    g_hash_table_insert (mapping, (char *)"号码", (char *)"case_no");
    g_hash_table_insert (mapping, (char *)"种类", (char *)"kind");
    results = import_ok (fixture, path, &options);
    assert_counts (only_result (results), 1, 0, 0, 0);
  }
}

static void
test_reimport (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "nasty.csv", nasty_csv, -1);
  g_autofree char *xlsx = g_test_build_filename (G_TEST_DIST, "data", "cases-lo.xlsx", NULL);
  g_autoptr(GPtrArray) first = import_ok (fixture, path, NULL);
  g_autoptr(GPtrArray) first_xlsx = import_ok (fixture, xlsx, NULL);
  g_autofree char *before = dump_all (fixture->store);
  g_autoptr(GPtrArray) second = import_ok (fixture, path, NULL);
  g_autoptr(GPtrArray) second_xlsx = import_ok (fixture, xlsx, NULL);
  g_autofree char *after = dump_all (fixture->store);

  assert_counts (only_result (second), 0, 0, 4, 9);
  assert_counts (only_result (second_xlsx), 0, 0, 3, 1);
  g_assert_cmpstr (before, ==, after);
}

static const char *v1_csv =
  "agency,case_no,kind,decided_on,fine_fen\n"
  "SJ-SCJG,U-1,penalty,2024-07-01,100\n"
  "SJ-SCJG,U-2,penalty,2024-07-02,200\n"
  "SJ-SCJG,U-3,penalty,2024-07-03,300\n";

/* U-2 moves to August with a new fine; U-3 is the same; U-4 is new. */
static const char *v2_csv =
  "agency,case_no,kind,decided_on,fine_fen\n"
  "SJ-SCJG,U-2,penalty,2024-08-02,250\n"
  "SJ-SCJG,U-3,penalty,2024-07-03,300\n"
  "SJ-SCJG,U-4,penalty,2024-08-04,400\n";

static void
assert_rollups_match (JdStore *store)
{
  /* The rollups say what a scan of the raw rows says, month by month. */
  g_autofree char *rolled = dump (store,
                                  "SELECT month, sum (n), sum (fines_fen) FROM roll_cases"
                                  " WHERE month BETWEEN 202406 AND 202409 GROUP BY month ORDER BY month");
  g_autofree char *scanned = dump (store,
                                   "SELECT decided_month, count(*), sum (fine_fen) FROM cases"
                                   " WHERE decided_month BETWEEN 202406 AND 202409 GROUP BY 1 ORDER BY 1");

  g_assert_cmpstr (rolled, ==, scanned);
}

static void
test_update_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *p1 = write_file (fixture, "v1.csv", v1_csv, -1);
  g_autofree char *p2 = write_file (fixture, "v2.csv", v2_csv, -1);
  g_autofree char *original = dump_all (fixture->store);
  g_autofree char *after_v1 = NULL;
  g_autofree char *after_undo = NULL;
  g_autoptr(GPtrArray) r1 = NULL;
  g_autoptr(GPtrArray) r2 = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id1, id2;
  gint64 july_before;

  july_before = query_int (fixture->store, "SELECT coalesce (sum (n), 0) FROM roll_cases WHERE month = 202407");

  r1 = import_ok (fixture, p1, NULL);
  assert_counts (only_result (r1), 3, 0, 0, 0);
  id1 = only_result (r1)->import_id;
  after_v1 = dump_all (fixture->store);
  assert_rollups_match (fixture->store);
  g_assert_cmpint (query_int (fixture->store, "SELECT sum (n) FROM roll_cases WHERE month = 202407"), ==, july_before + 3);

  r2 = import_ok (fixture, p2, NULL);
  assert_counts (only_result (r2), 1, 1, 1, 0);
  id2 = only_result (r2)->import_id;
  assert_rollups_match (fixture->store);
  g_assert_cmpint (query_int (fixture->store, "SELECT fine_fen FROM cases WHERE case_no = 'U-2'"), ==, 25000);
  g_assert_cmpint (query_int (fixture->store, "SELECT sum (n) FROM roll_cases WHERE month = 202407"), ==, july_before + 2);

  /* The first import cannot go before the second, which changed its rows. */
  g_assert_false (jd_import_undo (fixture->store, id1, &error));
  g_assert_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED);
  g_clear_error (&error);

  records = jd_import_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpint (((JdImportRecord *)records->pdata[0])->id, ==, id2);
  g_assert_cmpuint (((JdImportRecord *)records->pdata[0])->n_updated, ==, 1);
  g_assert_cmpstr (((JdImportRecord *)records->pdata[1])->file_name, ==, "v1.csv");
  g_assert_cmpuint (strlen (((JdImportRecord *)records->pdata[1])->sha256), ==, 64);

  g_assert_true (jd_import_undo (fixture->store, id2, &error));
  g_assert_no_error (error);
  after_undo = dump_all (fixture->store);
  g_assert_cmpstr (after_undo, ==, after_v1);
  g_clear_pointer (&after_undo, g_free);

  /* Undone once is undone. */
  g_assert_false (jd_import_undo (fixture->store, id2, &error));
  g_assert_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED);
  g_clear_error (&error);

  g_assert_true (jd_import_undo (fixture->store, id1, &error));
  g_assert_no_error (error);
  after_undo = dump_all (fixture->store);
  g_assert_cmpstr (after_undo, ==, original);

  g_assert_false (jd_import_undo (fixture->store, 999, &error));
  g_assert_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_NOT_FOUND);
}

/* A file that lists a row twice over (an export concatenated with an
 * overlapping one) is not wrong: the repeat is a duplicate, counted apart
 * and stored once.  A key given two sets of values is wrong, and the
 * reason names the row it disagrees with. */
static const char *dup_csv =
  "agency,case_no,kind,decided_on,fine_fen\n"
  "SJ-SCJG,D-1,penalty,2024-07-01,100\n"        /* 2 */
  "SJ-SCJG,D-2,penalty,2024-07-02,200\n"        /* 3 */
  "SJ-SCJG,D-1,penalty,2024-07-01,100\n"        /* 4 duplicate of 2 */
  "SJ-SCJG,D-2,penalty,2024-07-09,999\n"        /* 5 differs from 3 */
  "SJ-SCJG,D-1,行政处罚,2024/7/1,100.00\n";      /* 6 the same values, written otherwise */

/* D-2 changes in row 2; row 3 repeats the change, row 4 gives the old values. */
static const char *dup_update_csv =
  "agency,case_no,kind,decided_on,fine_fen\n"
  "SJ-SCJG,D-2,penalty,2024-08-02,250\n"        /* 2 updated */
  "SJ-SCJG,D-2,penalty,2024-08-02,250\n"        /* 3 duplicate of 2 */
  "SJ-SCJG,D-2,penalty,2024-07-02,200\n"        /* 4 differs from 2 */
  "SJ-SCJG,D-1,penalty,2024-07-01,100\n"        /* 5 unchanged */
  "SJ-SCJG,D-1,penalty,2024-07-01,100\n";       /* 6 duplicate of 5 */

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "dup.csv", dup_csv, -1);
  g_autofree char *update = write_file (fixture, "dup-update.csv", dup_update_csv, -1);
  g_autoptr(GPtrArray) first = import_ok (fixture, path, NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) second = NULL;
  JdImportResult *result = only_result (first);
  g_autofree char *summary = NULL;
  g_autofree char *rows = NULL;

  assert_counts (result, 2, 0, 0, 1);
  g_assert_cmpuint (result->n_duplicates, ==, 2);
  g_assert_cmpuint (result->errors->len, ==, 1);
  assert_row_error (result, 5, NULL, "row 3 with different values");
  summary = jd_import_result_summary (result);
  g_assert_cmpstr (summary, ==, "dup.csv: Enforcement cases — 2 new, 0 updated, 0 unchanged, 2 duplicated, 1 rejected");

  /* Stored once, and summed once. */
  rows = dump (fixture->store, "SELECT case_no, decided_on, fine_fen FROM cases WHERE case_no LIKE 'D-%' ORDER BY id");
  g_assert_cmpstr (rows, ==, "D-1|2024-07-01|10000\nD-2|2024-07-02|20000\n");
  assert_rollups_match (fixture->store);

  /* Again: the first of each key is unchanged now, its repeats still
   * duplicates of it. */
  again = import_ok (fixture, path, NULL);
  assert_counts (only_result (again), 0, 0, 2, 1);
  g_assert_cmpuint (only_result (again)->n_duplicates, ==, 2);
  assert_row_error (only_result (again), 5, NULL, "row 3 with different values");

  /* A repeat of an updated row is a duplicate of the update; the values
   * the update replaced are not. */
  second = import_ok (fixture, update, NULL);
  assert_counts (only_result (second), 0, 1, 1, 1);
  g_assert_cmpuint (only_result (second)->n_duplicates, ==, 2);
  assert_row_error (only_result (second), 4, NULL, "row 2 with different values");
  g_clear_pointer (&rows, g_free);
  rows = dump (fixture->store, "SELECT case_no, decided_on, fine_fen FROM cases WHERE case_no LIKE 'D-%' ORDER BY id");
  g_assert_cmpstr (rows, ==, "D-1|2024-07-01|10000\nD-2|2024-08-02|25000\n");
  assert_rollups_match (fixture->store);
}

/* The reasons come in the order of the rows, whoever finds them: the
 * parser (a wrong amount), the names (an unknown agency) or the writer (a
 * key repeated with other values), all in one batch of rows. */
static void
test_reasons_in_order (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "order.csv",
                                      "agency,case_no,kind,decided_on,fine_fen\n"
                                      "SJ-SCJG,O-1,penalty,2024-07-01,100\n"      /* 2 */
                                      "SJ-SCJG,O-1,penalty,2024-07-01,101\n"      /* 3 repeats 2 */
                                      "SJ-SCJG,O-2,penalty,2024-07-01,many\n"     /* 4 */
                                      "SJ-SCJG,O-3,penalty,2024-07-01,100\n"      /* 5 */
                                      "SJ-SCJG,O-3,penalty,2024-07-02,100\n"      /* 6 repeats 5 */
                                      "NOBODY,O-4,penalty,2024-07-01,100\n",      /* 7 */
                                      -1);
  g_autoptr(GPtrArray) results = import_ok (fixture, path, NULL);
  const JdImportResult *result = only_result (results);
  static const guint rows[] = { 3, 4, 6, 7 };

  assert_counts (result, 2, 0, 0, 4);
  g_assert_cmpuint (result->errors->len, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpuint (g_array_index (result->errors, JdImportRowError, i).row, ==, rows[i]);
  assert_row_error (result, 3, NULL, "row 2 with different values");
  assert_row_error (result, 4, "fine_fen", "many");
  assert_row_error (result, 6, NULL, "row 5 with different values");
  assert_row_error (result, 7, "agency", "NOBODY");
}

/* When the largest rowid is taken, SQLite picks new ones at random: the
 * rows they came from are still found. */
static void
test_duplicates_random_ids (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *first = write_file (fixture, "first.csv",
                                       "agency,case_no,kind,decided_on,fine_fen\n"
                                       "SJ-SCJG,D-0,penalty,2024-07-01,1\n", -1);
  g_autofree char *path = write_file (fixture, "dup.csv", dup_csv, -1);
  g_autoptr(GPtrArray) r0 = import_ok (fixture, first, NULL);
  g_autoptr(GPtrArray) r1 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (_jd_store_exec (_jd_store_get_db (fixture->store),
                                 "UPDATE cases SET id = 9223372036854775807 WHERE case_no = 'D-0'", &error));
  g_assert_no_error (error);

  r1 = import_ok (fixture, path, NULL);
  assert_counts (only_result (r1), 2, 0, 0, 1);
  g_assert_cmpuint (only_result (r1)->n_duplicates, ==, 2);
  assert_row_error (only_result (r1), 5, NULL, "row 3 with different values");
}

/* Complaints carry the most sums (closed, on time, substantiated, rated):
 * an update that closes, rates and moves them, and its undo, keep every
 * one exact (the fixture's tear-down compares the rollups with the raw
 * rows). */
static void
test_update_and_undo_complaints (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *p1 = write_file (fixture, "c1.csv",
                                    "ticket_no,channel,received_on,agency,category,due_on,closed_on,substantiated,satisfaction\n"
                                    "T-1,hotline_12345,2024-07-01,SJ-SCJG,食品安全,2024-07-10,,,\n"
                                    "T-2,letter,2024-07-02,SJ-SCJG,,2024-07-12,2024-07-11,是,满意\n"
                                    "T-3,web,2024-07-03,,噪声扰民,,,否,\n", -1);
  g_autofree char *p2 = write_file (fixture, "c2.csv",
                                    "ticket_no,channel,received_on,agency,category,due_on,closed_on,substantiated,satisfaction\n"
                                    "T-1,hotline_12345,2024-07-01,SJ-SCJG,食品安全,2024-07-10,2024-07-20,是,不满意\n"
                                    "T-2,letter,2024-08-02,SJ-SCJG,价格,2024-08-12,2024-08-11,是,基本满意\n"
                                    "T-3,web,2024-07-03,,噪声扰民,,,否,\n", -1);
  g_autofree char *original = dump_all (fixture->store);
  g_autofree char *after_c1 = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) r1 = import_ok (fixture, p1, NULL);
  g_autoptr(GPtrArray) r2 = NULL;
  g_autoptr(GError) error = NULL;

  assert_counts (only_result (r1), 3, 0, 0, 0);
  after_c1 = dump_all (fixture->store);
  g_assert_true (_jd_rollup_verify (_jd_store_get_conn (fixture->store), &error));
  g_assert_no_error (error);

  r2 = import_ok (fixture, p2, NULL);
  assert_counts (only_result (r2), 0, 2, 1, 0);
  g_assert_true (_jd_rollup_verify (_jd_store_get_conn (fixture->store), &error));
  g_assert_no_error (error);

  g_assert_true (jd_import_undo (fixture->store, only_result (r2)->import_id, &error));
  g_assert_no_error (error);
  after = dump_all (fixture->store);
  g_assert_cmpstr (after, ==, after_c1);
  g_clear_pointer (&after, g_free);

  g_assert_true (jd_import_undo (fixture->store, only_result (r1)->import_id, &error));
  g_assert_no_error (error);
  after = dump_all (fixture->store);
  g_assert_cmpstr (after, ==, original);
}

/* An import made by a version that found its rows by an import_id index
 * can still be undone once the database is migrated to find them by
 * their range of ids. */
static void
test_undo_after_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiandu-import-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "v4.db", NULL);
  g_autoptr(JdStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (_jd_store_migrate (db, 0, 4, &error));
  g_assert_no_error (error);
  g_assert_true (_jd_store_exec (db,
                                 "INSERT INTO agencies (code, name, level) VALUES ('A', '甲局', 'city');"
                                 "INSERT INTO imports (id, file_name, sha256, entity, started_at, finished_at, accepted)"
                                 " VALUES (7, 'old.csv', 'x', 'cases', '2026-01-01 10:00:00', '2026-01-01 10:00:01', 2);"
                                 "INSERT INTO cases (agency_id, case_no, kind, decided_on, fine_fen, import_id) VALUES"
                                 " (1, 'before', 'penalty', '2024-05-02', 100, NULL),"
                                 " (1, 'x1', 'penalty', '2024-05-03', 200, 7),"
                                 " (1, 'x2', 'penalty', '2024-06-30', 300, 7);",
                                 &error));
  {
    g_autoptr(JdDb) conn = _jd_db_new_sqlite (db);

    g_assert_true (_jd_rollup_refresh_all (conn, &error));
    g_assert_no_error (error);
  }

  store = jd_store_open (path, &error);
  g_assert_no_error (error);
  db = _jd_store_get_db (store);
  {
    g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (db, "SELECT first_row_id, last_row_id FROM imports WHERE id = 7", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 3);
  }

  g_assert_true (jd_import_undo (store, 7, &error));
  g_assert_no_error (error);
  {
    g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (db, "SELECT group_concat (case_no) FROM cases", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "before");
  }
  g_assert_true (_jd_rollup_verify (_jd_store_get_conn (store), &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  jd_test_remove_dir (dir);
}

static void
test_create_agencies (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "new-agency.csv",
                                      "执法单位,案件编号,执法类别,执法领域\n"
                                      "新区城管局,C-1,行政处罚,低空经济\n新区城管局,C-2,行政检查,\n", -1);
  g_autofree char *original = dump_all (fixture->store);
  g_autofree char *after = NULL;
  JdImportOptions options = { .create_agencies = TRUE };
  g_autoptr(GPtrArray) rejected = import_ok (fixture, path, NULL);
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(GError) error = NULL;

  assert_counts (only_result (rejected), 0, 0, 0, 2);

  created = import_ok (fixture, path, &options);
  assert_counts (only_result (created), 2, 0, 0, 0);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM agencies WHERE name = '新区城管局'"), ==, 1);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM cases AS c JOIN domains AS d ON d.id = c.domain_id"
                              " WHERE c.case_no = 'C-1' AND d.name = '低空经济'"), ==, 1);

  g_assert_true (jd_import_undo (fixture->store, only_result (created)->import_id, &error));
  g_assert_no_error (error);
  after = dump_all (fixture->store);
  g_assert_cmpstr (after, ==, original);
}

/* A new database knows the standard fields of enforcement, by code, by
 * name and by the names agencies commonly write for them: a first import
 * needs its agencies, not --create-agencies.  An unknown field is still
 * rejected. */
static void
test_standard_fields (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autofree char *agencies = write_file (fixture, "agencies.csv",
                                          "单位编码,单位名称,层级\n"
                                          "SJ-SCJG,市市场监督管理局,市级\n"
                                          "SJ-ZHZF,市城市管理综合行政执法局,市级\n", -1);
  g_autofree char *cases = write_file (fixture, "cases.csv",
                                       "执法单位,案件编号,执法类别,执法领域\n"
                                       "SJ-SCJG,F-1,行政处罚,市场监管\n"
                                       "SJ-SCJG,F-2,行政处罚,市场监督管理\n"
                                       "SJ-SCJG,F-3,行政检查,SCJG\n"
                                       "SJ-ZHZF,F-4,行政处罚,城管\n"
                                       "SJ-ZHZF,F-5,行政处罚,火星管理\n"
                                       "SJ-ZHZF,F-6,行政处罚,环保\n", -1);
  g_autoptr(GPtrArray) agency_results = NULL;
  g_autoptr(GPtrArray) case_results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  gint64 n_domains;

  /* Not the demo city: a database as a bureau starts with. */
  g_clear_object (&fixture->store);
  fixture->store = jd_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_store_is_empty (fixture->store));
  n_domains = query_int (fixture->store, "SELECT count(*) FROM domains");

  agency_results = import_ok (fixture, agencies, NULL);
  assert_counts (only_result (agency_results), 2, 0, 0, 0);

  case_results = import_ok (fixture, cases, NULL);
  assert_counts (only_result (case_results), 5, 0, 0, 1);
  assert_row_error (only_result (case_results), 6, "执法领域", "火星管理");

  rows = dump (fixture->store,
               "SELECT c.case_no, d.code FROM cases AS c JOIN domains AS d ON d.id = c.domain_id ORDER BY c.case_no");
  g_assert_cmpstr (rows, ==, "F-1|SCJG\nF-2|SCJG\nF-3|SCJG\nF-4|CSGL\nF-6|STHJ\n");
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM domains"), ==, n_domains);
}

static char *
write_big_csv (Fixture *fixture,
               guint    n_rows)
{
  GString *csv = g_string_new ("执法单位,案件编号,执法类别,立案日期,决定日期,罚没金额(元)\n");
  g_autofree char *path = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "SJ-SCJG,B-%08u,行政处罚,2024-%02u-01,2024/%u/%u,%u.5\n",
                            i, 1 + i % 12, 1 + i % 12, 1 + i % 28, i % 5000);

  path = write_file (fixture, "big.csv", csv->str, csv->len);
  g_string_free (csv, TRUE);

  return g_steal_pointer (&path);
}

static void
cancel_progress_cb (double   fraction,
                    gpointer user_data)
{
  if (fraction > 0.3 && fraction < 1.0)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = write_big_csv (fixture, 20000);
  g_autofree char *before = dump_all (fixture->store);
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  results = jd_import_file (fixture->store, path, NULL, cancel_progress_cb, cancellable, cancellable, &error);
  g_assert_null (results);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = dump_all (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM imports"), ==, 0);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "nasty.csv", nasty_csv, -1);
  g_autofree char *before = dump_all (fixture->store);
  g_autofree char *after = NULL;
  JdImportOptions options = { .dry_run = TRUE };
  g_autoptr(GPtrArray) results = import_ok (fixture, path, &options);

  assert_counts (only_result (results), 4, 0, 0, 9);
  g_assert_cmpint (only_result (results)->import_id, ==, 0);
  after = dump_all (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM imports"), ==, 0);
}

static void
test_cli_json (Fixture       *fixture,
               gconstpointer  data)
{
  const char *cli = g_getenv ("JIANDU_CLI");
  g_autofree char *path = write_file (fixture, "nasty.csv", nasty_csv, -1);
  g_autofree char *good = write_file (fixture, "good.csv", v1_csv, -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *object;
  JsonObject *first_error;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("JIANDU_CLI is not set");
      return;
    }

  g_clear_object (&fixture->store);
  {
    const char *argv[] = { cli, "import", "--db", fixture->db_path, "--json", path, good, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
  }

  /* Rows were rejected: the exit status says so. */
  g_assert_false (g_spawn_check_wait_status (status, NULL));

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);

  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, "nasty.csv");
  g_assert_cmpstr (json_object_get_string_member (object, "entity"), ==, "cases");
  g_assert_cmpint (json_object_get_int_member (object, "new"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (object, "updated"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "unchanged"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "rejected"), ==, 9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")), ==, 9);
  first_error = json_array_get_object_element (json_object_get_array_member (object, "errors"), 0);
  g_assert_cmpint (json_object_get_int_member (first_error, "row"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first_error, "column"), ==, "决定日期");
  g_assert_nonnull (strstr (json_object_get_string_member (first_error, "reason"), "2024-13-01"));

  object = json_array_get_object_element (array, 1);
  g_assert_cmpint (json_object_get_int_member (object, "new"), ==, 3);

  /* A clean file exits 0; the list and the undo commands work on it. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { cli, "import", "--db", fixture->db_path, good, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "3 unchanged"));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { cli, "undo-import", "--db", fixture->db_path, "3", NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { cli, "imports", "--db", fixture->db_path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "undone"));
    g_assert_nonnull (strstr (out, "nasty.csv"));
  }
}

/* The core names no option: a row an unknown agency rejects carries a
 * hint, and an encoding error its code; the command line words both as
 * its own options (the Import window words them as its controls, tested
 * in test-ui-import). */
static void
test_cli_advice (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *cli = g_getenv ("JIANDU_CLI");
  g_autofree char *unknown = write_file (fixture, "unknown-agency.csv",
                                         "执法单位,案件编号,执法类别\n新区城管局,ADV-1,行政处罚\n", -1);
  g_autofree char *gb_path = g_test_build_filename (G_TEST_DIST, "data", "complaints-gb18030.csv", NULL);
  JdImportOptions utf8 = { .encoding = "utf-8" };
  g_autoptr(GPtrArray) results = import_ok (fixture, unknown, NULL);
  const JdImportRowError *row_error = error_of_row (only_result (results), 2);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (row_error);
  g_assert_cmpint (row_error->hint, ==, JD_IMPORT_HINT_CREATE_AGENCIES);
  g_assert_nonnull (strstr (row_error->reason, "新区城管局"));
  g_assert_null (strstr (row_error->reason, "--"));

  g_assert_null (jd_import_file (fixture->store, gb_path, &utf8, NULL, NULL, NULL, &error));
  g_assert_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_ENCODING);
  g_assert_null (strstr (error->message, "--"));
  g_clear_error (&error);

  if (cli == NULL)
    {
      g_test_skip ("JIANDU_CLI is not set");
      return;
    }

  g_clear_object (&fixture->store);
  {
    const char *argv[] = { cli, "import", "--db", fixture->db_path, unknown, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (out, "Unknown agency “新区城管局” (give --create-agencies to add it)"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { cli, "import", "--db", fixture->db_path, "--encoding", "utf-8", gb_path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
  }
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "is not valid UTF-8 text"));
  g_assert_nonnull (strstr (err, "give the file’s encoding with --encoding utf-8 or --encoding gb18030"));

  fixture->store = jd_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
}

/* An import whose only repeats are exact duplicates succeeds, and says
 * how many there were; one with a key given two sets of values fails. */
static void
test_cli_duplicates (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *cli = g_getenv ("JIANDU_CLI");
  g_autofree char *only_dups = write_file (fixture, "only-dups.csv",
                                           "agency,case_no,kind,decided_on,fine_fen\n"
                                           "SJ-SCJG,D-1,penalty,2024-07-01,100\n"
                                           "SJ-SCJG,D-1,penalty,2024-07-01,100\n"
                                           "SJ-SCJG,D-2,penalty,2024-07-02,200\n"
                                           "SJ-SCJG,D-1,penalty,2024-07-01,100\n", -1);
  g_autofree char *conflict = write_file (fixture, "dup.csv", dup_csv, -1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  if (cli == NULL)
    {
      g_test_skip ("JIANDU_CLI is not set");
      return;
    }

  g_clear_object (&fixture->store);
  {
    const char *argv[] = { cli, "import", "--db", fixture->db_path, "--json", only_dups, NULL };
    g_autofree char *out = NULL;
    int status;

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));

    json_parser_load_from_data (parser, out, -1, &error);
    g_assert_no_error (error);
    object = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
    g_assert_cmpint (json_object_get_int_member (object, "new"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (object, "duplicates"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (object, "rejected"), ==, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")), ==, 0);
  }
  {
    const char *argv[] = { cli, "import", "--db", fixture->db_path, conflict, NULL };
    g_autofree char *out = NULL;
    int status;

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "0 new, 0 updated, 2 unchanged, 2 duplicated, 1 rejected"));
    g_assert_nonnull (strstr (out, "row 5: Repeats the key of row 3 with different values"));
  }
}

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/rfc4180", test_csv_rfc4180);
  g_test_add_func ("/import/csv/encodings", test_csv_encodings);
  g_test_add_func ("/import/values/excel-serials", test_excel_serials);
  g_test_add_func ("/import/values/dates", test_parse_dates);
  g_test_add_func ("/import/values/money", test_parse_money);
  ADD ("/import/values/huge-amount", test_import_huge_amount, NULL);
  ADD ("/import/csv/gb18030", test_import_complaints_csv, "complaints-gb18030.csv");
  ADD ("/import/csv/bom", test_import_complaints_csv, "complaints-bom.csv");
  ADD ("/import/xlsx/libreoffice", test_import_workbook, "cases-lo.xlsx");
  ADD ("/import/xlsx/libreoffice-1904", test_import_workbook, "cases-lo-1904.xlsx");
  ADD ("/import/xls/libreoffice", test_import_workbook, "cases-lo.xls");
  ADD ("/import/xls/libreoffice-1904", test_import_workbook, "cases-lo-1904.xls");
  ADD ("/import/xlsx/xlsxwriter-shared-strings", test_import_xlsxwriter, GINT_TO_POINTER (FALSE));
  ADD ("/import/xlsx/xlsxwriter-inline-strings", test_import_xlsxwriter, GINT_TO_POINTER (TRUE));
  ADD ("/import/rows/nasty", test_import_nasty_rows, NULL);
  ADD ("/import/rows/duplicates", test_duplicates, NULL);
  ADD ("/import/rows/duplicates-random-ids", test_duplicates_random_ids, NULL);
  ADD ("/import/rows/reasons-in-order", test_reasons_in_order, NULL);
  ADD ("/import/mapping/agencies-then-cases", test_agencies_then_cases, NULL);
  ADD ("/import/mapping/entities", test_detect_entity, NULL);
  ADD ("/import/mapping/standard-fields", test_standard_fields, NULL);
  ADD ("/import/safety/reimport", test_reimport, NULL);
  ADD ("/import/safety/update-and-undo", test_update_and_undo, NULL);
  ADD ("/import/safety/update-and-undo-complaints", test_update_and_undo_complaints, NULL);
  ADD ("/import/safety/create-agencies", test_create_agencies, NULL);
  ADD ("/import/safety/cancel", test_cancel, NULL);
  ADD ("/import/safety/dry-run", test_dry_run, NULL);
  ADD ("/import/cli/json", test_cli_json, NULL);
  ADD ("/import/cli/advice", test_cli_advice, NULL);
  ADD ("/import/cli/duplicates", test_cli_duplicates, NULL);
  g_test_add_func ("/import/safety/undo-after-migration", test_undo_after_migration);

  return g_test_run ();
}

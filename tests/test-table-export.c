/* test-table-export.c — tables written as XLSX and CSV, read back
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gsf/gsf.h>
#include <glib/gstdio.h>

#include "jd-table-export.h"
#include "jd-table-reader.h"
#include "jd-test-util.h"

static char *test_dir;

/* Two agencies, one with a name that a spreadsheet would run as a formula,
 * and a rate with nothing to divide by. */
static JdTable *
sample_table (void)
{
  JdTable *table = jd_table_new ("单位排名 [2026年9月]");
  guint name, decided, rate, fines;

  jd_table_add_note (table, "期间：2026年9月");
  jd_table_add_note (table, "筛选：县级");
  name = jd_table_add_column (table, "执法单位", JD_COLUMN_TEXT);
  decided = jd_table_add_column (table, "作出决定", JD_COLUMN_COUNT);
  rate = jd_table_add_column (table, "一审败诉率", JD_COLUMN_RATE);
  fines = jd_table_add_column (table, "罚没金额(元)", JD_COLUMN_YUAN);

  jd_table_add_row (table);
  jd_table_set_text (table, name, "市公安局");
  jd_table_set_number (table, decided, 1234);
  jd_table_set_number (table, rate, 0.125);
  jd_table_set_number (table, fines, 123456789);

  jd_table_add_row (table);
  jd_table_set_text (table, name, "=HYPERLINK(\"http://x\",\"y\")");
  jd_table_set_number (table, decided, 0);
  jd_table_set_number (table, rate, NAN);
  jd_table_set_number (table, fines, -5);

  return table;
}

static void
test_csv (void)
{
  g_autoptr(JdTable) table = sample_table ();
  g_autofree char *csv = jd_table_to_csv (table);
  const char *expected =
    "\xEF\xBB\xBF\"单位排名 [2026年9月]\"\r\n"
    "\"期间：2026年9月\"\r\n"
    "\"筛选：县级\"\r\n"
    "\r\n"
    "\"执法单位\",\"作出决定\",\"一审败诉率\",\"罚没金额(元)\"\r\n"
    "\"市公安局\",1234,12.5000%,1234567.89\r\n"
    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",0,,-0.05\r\n";

  g_assert_cmpstr (csv, ==, expected);
}

/* What the report and its preview print: the cells as a reader sees
 * them, and the columns the table was given. */
static void
test_cells_for_print (void)
{
  g_autoptr(JdTable) table = sample_table ();
  const char * const expected[2][4] = {
    { "市公安局", "1,234", "12.5%", "¥1,234,567.89" },
    { "=HYPERLINK(\"http://x\",\"y\")", "0", "—", "−¥0.05" },
  };
  guint n_notes = 0;
  const char * const *notes = jd_table_get_notes (table, &n_notes);

  g_assert_cmpstr (jd_table_get_title (table), ==, "单位排名 [2026年9月]");
  g_assert_cmpuint (n_notes, ==, 2);
  g_assert_cmpstr (notes[1], ==, "筛选：县级");
  g_assert_cmpuint (jd_table_get_n_columns (table), ==, 4);
  g_assert_cmpstr (jd_table_get_column_title (table, 2), ==, "一审败诉率");
  g_assert_cmpint (jd_table_get_column_kind (table, 3), ==, JD_COLUMN_YUAN);

  for (guint row = 0; row < 2; row++)
    for (guint column = 0; column < 4; column++)
      {
        g_autofree char *text = jd_table_format_cell (table, row, column);

        g_assert_cmpstr (text, ==, expected[row][column]);
      }
}

/* Each of = + - @ at the start of a text field is defused; elsewhere it stays. */
static void
test_csv_formula_guard (void)
{
  const char *cases[][2] = {
    { "=1+1", "\"'=1+1\"" },
    { "+86 571", "\"'+86 571\"" },
    { "-x", "\"'-x\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "a=b", "\"a=b\"" },
    { "", "\"\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      jd_csv_append_field (out, cases[i][0]);
      g_assert_cmpstr (out->str, ==, cases[i][1]);
    }
}

static char *
zip_member (const char *path,
            const char *member)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_strsplit (member, "/", -1);
  GsfInput *input = gsf_input_stdio_new (path, &error);
  GsfInfile *zip;
  GsfInput *part;
  gsf_off_t size;
  char *text;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  part = gsf_infile_child_by_aname (zip, (const char **)names);
  g_assert_nonnull (part);
  size = gsf_input_size (part);
  text = g_malloc0 (size + 1);
  g_assert_nonnull (gsf_input_read (part, size, (guint8 *)text));

  g_object_unref (part);
  g_object_unref (zip);
  g_object_unref (input);

  return text;
}

static void
test_xlsx_reads_back (void)
{
  g_autoptr(JdTable) table = sample_table ();
  g_autofree char *path = g_build_filename (test_dir, "agencies.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdTableReader) reader = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autofree char *sheet = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *part_path = NULL;
  guint row_number;
  char **row;

  g_assert_true (jd_table_write (table, path, &error));
  g_assert_no_error (error);
  part_path = g_strdup_printf ("%s.part", path);
  g_assert_false (g_file_test (part_path, G_FILE_TEST_EXISTS));

  /* Read back by the import's own XLSX reader, a different piece of code. */
  reader = jd_table_reader_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reader->n_tables, ==, 1);
  g_assert_cmpstr (reader->table_names[0], ==, "单位排名 _2026年9月_");
  g_assert_true (reader->open_table (reader, 0, &error));
  while (reader->next_row (reader, cells, &row_number, &error))
    {
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_strdupv ((char **)cells->pdata));
    }
  g_assert_no_error (error);

  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_cmpstr (((char **)rows->pdata[0])[0], ==, "单位排名 [2026年9月]");
  g_assert_cmpstr (((char **)rows->pdata[1])[0], ==, "期间：2026年9月");
  row = rows->pdata[3];
  g_assert_cmpstr (row[0], ==, "执法单位");
  g_assert_cmpstr (row[3], ==, "罚没金额(元)");
  row = rows->pdata[4];
  g_assert_cmpstr (row[0], ==, "市公安局");
  g_assert_cmpfloat (g_ascii_strtod (row[1], NULL), ==, 1234);
  g_assert_cmpfloat (g_ascii_strtod (row[2], NULL), ==, 0.125);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[3], NULL), 1234567.89, 1e-6);
  row = rows->pdata[5];
  g_assert_cmpstr (row[0], ==, "=HYPERLINK(\"http://x\",\"y\")");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[3], NULL), -0.05, 1e-9);

  /* The header row is frozen; no cell is a formula; each column has its format. */
  sheet = zip_member (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet, "topLeftCell=\"A6\""));
  g_assert_null (strstr (sheet, "<f>"));
  styles = zip_member (path, "xl/styles.xml");
  g_assert_nonnull (strstr (styles, "formatCode=\"0.0%\""));
  g_assert_nonnull (strstr (styles, "formatCode=\"#,##0.00\""));
}

static void
test_write_failure (void)
{
  g_autoptr(JdTable) table = sample_table ();
  g_autofree char *path = g_build_filename (test_dir, "no-such-folder", "t.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (jd_table_write (table, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "t.xlsx"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  test_dir = g_dir_make_tmp ("jiandu-table-export-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/table-export/csv", test_csv);
  g_test_add_func ("/table-export/csv-formula-guard", test_csv_formula_guard);
  g_test_add_func ("/table-export/cells-for-print", test_cells_for_print);
  g_test_add_func ("/table-export/xlsx-reads-back", test_xlsx_reads_back);
  g_test_add_func ("/table-export/write-failure", test_write_failure);

  status = g_test_run ();

  jd_test_remove_dir (test_dir);
  g_free (test_dir);

  return status;
}

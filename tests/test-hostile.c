/* test-hostile.c — crafted files: bounded memory, clear errors, a safe terminal
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each workbook here is built on the spot, small once zipped, and asks
 * for far more than its size when read naively.
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-stdio.h>

#include "jd-import.h"
#include "jd-table-reader.h"
#include "jd-test-util.h"

typedef struct
{
  char    *dir;
  JdStore *store;
} Fixture;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

typedef void (*PartFunc) (GsfOutput *out,
                          gpointer   data);

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  fixture->dir = g_dir_make_tmp ("jiandu-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = jd_store_open (db_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  jd_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
put (GsfOutput  *out,
     const char *text)
{
  g_assert_true (gsf_output_write (out, strlen (text), (const guint8 *)text));
}

static void
add_part (GsfOutfile *folder,
          const char *name,
          PartFunc    func,
          const char *text,
          gpointer    data)
{
  g_autoptr(GsfOutput) part = gsf_outfile_new_child (folder, name, FALSE);

  if (func != NULL)
    func (part, data);
  else
    put (part, text);
  g_assert_true (gsf_output_close (part));
}

#define SST_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/relationships"

/* A one-sheet workbook, zipped with deflate, whose sheet rows and shared
 * strings @sheet_rows and @strings write. */
static char *
write_xlsx_full (Fixture    *fixture,
                 const char *name,
                 void      (*extra_headers) (GsfOutput *out, guint n),
                 guint       n_extra,
                 PartFunc    sheet_rows,
                 PartFunc    strings,
                 gpointer    data)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfOutput) file = gsf_output_stdio_new (path, &error);
  g_autoptr(GsfOutfile) zip = NULL;
  g_autoptr(GsfOutfile) rels = NULL;
  g_autoptr(GsfOutfile) xl = NULL;
  g_autoptr(GsfOutfile) xl_rels = NULL;
  g_autoptr(GsfOutfile) sheets = NULL;
  g_autoptr(GsfOutput) sheet = NULL;

  g_assert_no_error (error);
  zip = gsf_outfile_zip_new (file, &error);
  g_assert_no_error (error);

  rels = GSF_OUTFILE (gsf_outfile_new_child (zip, "_rels", TRUE));
  add_part (rels, ".rels", NULL,
            "<Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"rId1\" Type=\"" REL_NS
            "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>", NULL);
  gsf_output_close (GSF_OUTPUT (rels));

  xl = GSF_OUTFILE (gsf_outfile_new_child (zip, "xl", TRUE));
  add_part (xl, "workbook.xml", NULL,
            "<workbook xmlns=\"" SST_NS "\" xmlns:r=\"" REL_NS "\"><sheets>"
            "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", NULL);
  xl_rels = GSF_OUTFILE (gsf_outfile_new_child (xl, "_rels", TRUE));
  add_part (xl_rels, "workbook.xml.rels", NULL,
            "<Relationships xmlns=\"" PKG_NS "\">"
            "<Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            "<Relationship Id=\"rId2\" Type=\"" REL_NS "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            "</Relationships>", NULL);
  gsf_output_close (GSF_OUTPUT (xl_rels));
  if (strings != NULL)
    add_part (xl, "sharedStrings.xml", strings, NULL, data);
  sheets = GSF_OUTFILE (gsf_outfile_new_child (xl, "worksheets", TRUE));
  sheet = gsf_outfile_new_child (sheets, "sheet1.xml", FALSE);
  put (sheet, "<worksheet xmlns=\"" SST_NS "\"><sheetData>"
              "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>工单编号</t></is></c>"
              "<c r=\"B1\" t=\"inlineStr\"><is><t>来源渠道</t></is></c>"
              "<c r=\"C1\" t=\"inlineStr\"><is><t>受理时间</t></is></c>");
  if (extra_headers != NULL)
    extra_headers (sheet, n_extra);
  put (sheet, "</row>");
  sheet_rows (sheet, data);
  put (sheet, "</sheetData></worksheet>");
  gsf_output_close (sheet);
  gsf_output_close (GSF_OUTPUT (sheets));
  gsf_output_close (GSF_OUTPUT (xl));
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));

  return path;
}

static char *
write_xlsx (Fixture    *fixture,
            const char *name,
            PartFunc    sheet_rows,
            PartFunc    strings,
            gpointer    data)
{
  return write_xlsx_full (fixture, name, NULL, 0, sheet_rows, strings, data);
}

static void
one_shared_row (GsfOutput *out,
                gpointer   data)
{
  put (out, "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>");
}

/* Texts of @n_texts × @n_runs runs of 256 KB each. */
typedef struct
{
  guint n_texts;
  guint n_runs;
} Texts;

static void
big_texts (GsfOutput *out,
           gpointer   data)
{
  const Texts *texts = data;
  g_autofree char *run = g_strnfill (256 * 1024, 'A');

  put (out, "<sst xmlns=\"" SST_NS "\">");
  for (guint i = 0; i < texts->n_texts; i++)
    {
      put (out, "<si>");
      for (guint r = 0; r < texts->n_runs; r++)
        {
          put (out, "<r><t>");
          put (out, run);
          put (out, "</t></r>");
        }
      put (out, "</si>");
    }
  put (out, "</sst>");
}

static void
assert_refused (Fixture    *fixture,
                const char *path,
                const char *name)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = jd_import_file (fixture->store, path, NULL, NULL, NULL, NULL, &error);
  g_assert_null (results);
  g_assert_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG);
  g_assert_true (g_str_has_prefix (error->message, name));
  g_test_message ("%s", error->message);
}

/* One text of 1.25 MB in five runs: no real cell is that long. */
static void
test_xlsx_long_text (Fixture       *fixture,
                     gconstpointer  data)
{
  Texts texts = { 1, 5 };
  g_autofree char *path = write_xlsx (fixture, "long-text.xlsx", one_shared_row, big_texts, &texts);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 64 * 1024);
  assert_refused (fixture, path, "long-text.xlsx: ");
}

/* 1040 texts of 256 KB: 260 MB from a file of a few hundred KB. */
static void
test_xlsx_many_texts (Fixture       *fixture,
                      gconstpointer  data)
{
  Texts texts = { 1040, 1 };
  g_autofree char *path = write_xlsx (fixture, "many-texts.xlsx", one_shared_row, big_texts, &texts);

  assert_refused (fixture, path, "many-texts.xlsx: ");
}

#define N_FAR_ROWS 3000

/* Good rows, each with one more cell in column XFC, the next to last. */
static void
far_rows (GsfOutput *out,
          gpointer   data)
{
  for (guint i = 2; i < N_FAR_ROWS + 2; i++)
    {
      g_autofree char *row = g_strdup_printf ("<row r=\"%u\"><c r=\"A%u\" t=\"inlineStr\"><is><t>GD%06u</t></is></c>"
                                              "<c r=\"B%u\" t=\"inlineStr\"><is><t>12345热线</t></is></c>"
                                              "<c r=\"C%u\" t=\"inlineStr\"><is><t>2024-07-01</t></is></c>"
                                              "<c r=\"XFC%u\"><v>1</v></c></row>", i, i, i, i, i, i);
      put (out, row);
    }
  /* Something only right of the header: not a blank row, but a wrong one. */
  put (out, "<row><c r=\"XFC1\"><v>1</v></c></row>");
}

/* Imports @path in a process of its own, whose peak memory is its own:
 * @n_new rows are new, @n_rejected rejected, and the peak stays under
 * @max_mb. */
static void
assert_import_within (Fixture    *fixture,
                      const char *path,
                      guint       n_new,
                      guint       n_rejected,
                      long        max_mb)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GError) error = NULL;
      const JdImportResult *result;
      struct rusage usage;

      results = jd_import_file (fixture->store, path, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (results->len, ==, 1);
      result = results->pdata[0];
      g_assert_cmpuint (result->n_new, ==, n_new);
      g_assert_cmpuint (result->n_rejected, ==, n_rejected);

#ifdef __SANITIZE_ADDRESS__
      /* AddressSanitizer keeps up to 256 MB of freed blocks in quarantine
       * and pads every block with redzones: the bound grows by as much,
       * and still stands far below what the unbounded reader took. */
      max_mb = max_mb * 2 + 256;
#endif
      g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
      g_test_message ("peak: %ld KB (at most %ld MB)", usage.ru_maxrss, max_mb);
      g_assert_cmpint (usage.ru_maxrss, <, max_mb * 1024);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Padded to 16,383 cells, the rows in flight took 1.3 GB. */
static void
test_xlsx_far_column (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_xlsx (fixture, "far-column.xlsx", far_rows, NULL, NULL);

  assert_import_within (fixture, path, N_FAR_ROWS, 1, 300);
}

/* Rows whose cells D, E, … all name one shared text of 256 KB, under
 * headers of their own: each copy is a real cell of the row. */
typedef struct
{
  guint n_rows;
  guint n_copies;
} Repeats;

static void
repeat_header (GsfOutput *out,
               guint      n_copies)
{
  for (guint c = 0; c < n_copies; c++)
    {
      g_autofree char *cell = g_strdup_printf ("<c t=\"inlineStr\"><is><t>备注%u</t></is></c>", c + 1);

      put (out, cell);
    }
}

static void
repeat_rows (GsfOutput *out,
             gpointer   data)
{
  const Repeats *repeats = data;

  for (guint i = 2; i < repeats->n_rows + 2; i++)
    {
      g_autofree char *row = g_strdup_printf ("<row r=\"%u\"><c r=\"A%u\" t=\"inlineStr\"><is><t>GD%06u</t></is></c>"
                                              "<c t=\"inlineStr\"><is><t>12345热线</t></is></c>"
                                              "<c t=\"inlineStr\"><is><t>2024-07-01</t></is></c>", i, i, i);

      put (out, row);
      for (guint c = 0; c < repeats->n_copies; c++)
        put (out, "<c t=\"s\"><v>0</v></c>");
      put (out, "</row>");
    }
}

static void
one_text (GsfOutput *out,
          gpointer   data)
{
  Texts texts = { 1, 1 };

  big_texts (out, &texts);
}

/* 6.75 MB a row: the rows in flight are bounded by their bytes, not only
 * by their number (40 of them, all in one batch, took 290 MB). */
static void
test_xlsx_repeated_text (Fixture       *fixture,
                         gconstpointer  data)
{
  Repeats repeats = { 40, 27 };
  g_autofree char *path = write_xlsx_full (fixture, "repeated-text.xlsx", repeat_header, 27,
                                           repeat_rows, one_text, &repeats);

  assert_import_within (fixture, path, repeats.n_rows, 0, 200);
}

/* 70 copies, 17.5 MB: more than a row can hold. */
static void
test_xlsx_row_too_big (Fixture       *fixture,
                       gconstpointer  data)
{
  Repeats repeats = { 2, 70 };
  g_autofree char *path = write_xlsx_full (fixture, "wide-row.xlsx", repeat_header, 70,
                                           repeat_rows, one_text, &repeats);

  assert_refused (fixture, path, "wide-row.xlsx [Sheet1]: Row 2 ");
}

/* A stray NUL, which the parser skips, does not make a UTF-8 file GB18030. */
static void
test_csv_nul (void)
{
  static const char csv[] = "工单编号,来源渠道,受理时间\nGD1,12345热线\0,2024-07-01\n";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (csv, sizeof csv - 1, NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JdTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint row;

  reader = jd_csv_reader_new (stream, sizeof csv - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reader->encoding, ==, "UTF-8");
  g_assert_true (reader->next_row (reader, cells, &row, &error));
  g_assert_true (reader->next_row (reader, cells, &row, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cells->len, ==, 3);
  g_assert_cmpstr (cells->pdata[1], ==, "12345热线");
}

/* An error found while reading the rows says which file it is in. */
static void
test_csv_error_names_file (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("工单编号,来源渠道,受理时间\n");
  g_autofree char *path = g_build_filename (fixture->dir, "broken.csv", NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  /* Past the sample the encoding is told from, a byte that is not UTF-8. */
  for (guint i = 0; i < 12000; i++)
    g_string_append_printf (csv, "GD%06u,12345热线,2024-07-01\n", i);
  g_string_append (csv, "GD999999,\xff\xfe,2024-07-01\n");
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);

  results = jd_import_file (fixture->store, path, NULL, NULL, NULL, NULL, &error);
  g_assert_null (results);
  g_assert_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "broken.csv: "));
  g_assert_nonnull (strstr (error->message, "12002"));
}

/* libfreexl runs in a helper: when a file makes it crash, or send what is
 * not a workbook, the import fails for that file, and the process lives
 * on to read the next. */
static void
test_xls_helper_fails (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *fault = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "cases-lo.xls", NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("JIANDU_XLS_READER_FAULT", fault, TRUE);
  results = jd_import_file (fixture->store, path, NULL, NULL, NULL, NULL, &error);
  g_unsetenv ("JIANDU_XLS_READER_FAULT");
  g_assert_null (results);
  g_assert_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "cases-lo.xls"));
  g_assert_nonnull (strstr (error->message, g_str_equal (fault, "crash") ? "crashed" : "not a workbook"));
  g_clear_error (&error);

  /* The same file, read by a helper that behaves, gives its rows. */
  {
    g_autoptr(JdTableReader) reader = jd_table_reader_open (path, NULL, &error);
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
    guint row, n_rows = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (reader->n_tables, ==, 2);
    g_assert_true (reader->open_table (reader, 0, &error));
    while (reader->next_row (reader, cells, &row, &error))
      n_rows++;
    g_assert_no_error (error);
    g_assert_cmpuint (n_rows, ==, 6);
  }
}

/* A cell that would retitle and clear the terminal reaches it written out. */
static void
test_cli_escapes (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char csv[] = "工单编号,来源渠道,受理时间\n"
                            "GD1,12345热线,\"\x1b]0;owned\x07\x1b[2J\r\nnext\"\n";
  const char *cli = g_getenv ("JIANDU_CLI");
  g_autofree char *path = g_build_filename (fixture->dir, "escape.csv", NULL);
  g_autofree char *db_path = g_build_filename (fixture->dir, "test.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("JIANDU_CLI is not set");
      return;
    }

  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  {
    const char *argv[] = { cli, "import", "--db", db_path, path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
  }

  g_test_message ("%s", out);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_null (strchr (out, '\x1b'));
  g_assert_null (strchr (out, '\x07'));
  g_assert_null (strchr (out, '\r'));
  g_assert_nonnull (strstr (out, "\\x1b]0;owned\\x07\\x1b[2J\\nnext"));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/hostile/xlsx/long-text", test_xlsx_long_text);
  ADD ("/hostile/xlsx/many-texts", test_xlsx_many_texts);
  ADD ("/hostile/xlsx/far-column", test_xlsx_far_column);
  ADD ("/hostile/xlsx/repeated-text", test_xlsx_repeated_text);
  ADD ("/hostile/xlsx/row-too-big", test_xlsx_row_too_big);
  g_test_add_func ("/hostile/csv/nul", test_csv_nul);
  ADD ("/hostile/csv/error-names-file", test_csv_error_names_file);
  ADD ("/hostile/cli/escapes", test_cli_escapes);
  g_test_add ("/hostile/xls/helper-crash", Fixture, "crash", fixture_set_up, test_xls_helper_fails, fixture_tear_down);
  g_test_add ("/hostile/xls/helper-garbage", Fixture, "garbage", fixture_set_up, test_xls_helper_fails, fixture_tear_down);

  return g_test_run ();
}

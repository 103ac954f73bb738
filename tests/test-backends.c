/* test-backends.c — the same figures from a file and from a server
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same files, as a bureau's Excel writes them (Chinese headers, yuan,
 * codes of agencies and fields), are imported into a SQLite file and into
 * a database of the test server; `jiandu-cli metrics --json` must then
 * print the same bytes from both, for every kind of period, every filter,
 * the comparisons, the series, the rankings and the warnings.  Then the
 * same for a copy, both ways.  Each store is yielded by the fixture in
 * turn for the tests that hold on either backend.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "jd-import.h"
#include "jd-store-copy.h"
#include "jd-store.h"

#include "jd-test-pg.h"
#include "jd-test-util.h"

typedef struct
{
  const char *name;
  gboolean    server;
} Backend;

static const Backend backends[] = {
  { "sqlite", FALSE },
  { "postgresql", TRUE },
};

static char *folder;       /* of the files, the demo and the SQLite stores */
static char *demo_path;    /* a small demo city, the source of the files */
static GPtrArray *files;   /* the CSV files written from it, in import order */

/* A new, empty store of @backend: its location, or NULL when the test is
 * skipped for want of a server. */
static char *
new_location (const Backend *backend)
{
  static guint n;

  if (backend->server)
    return jd_test_pg_database_new ();
  return g_strdup_printf ("%s/store-%u.db", folder, ++n);
}

/* Runs jiandu-cli with @args; its standard output. */
static char *
cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer)g_getenv ("JIANDU_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("jiandu-cli %s failed: %s\n%s", args[0], error->message, err);

  return g_steal_pointer (&out);
}

/* Runs jiandu-cli with @args, which must fail; its standard error. */
static char *
cli_refused (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  char *err = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer)g_getenv ("JIANDU_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  return err;
}

/* The files: each kind of record of the demo as a bureau's export. */
typedef struct
{
  const char *name;
  const char *header;
  const char *sql;
  guint       yuan;   /* bit n: column n is fen, written as yuan */
} Export;

static const Export exports[] = {
  { "单位.csv", "单位编码,单位名称,层级,区县",
    "SELECT code, name, level, region FROM agencies ORDER BY id" },
  { "单位上级.csv", "单位编码,单位名称,层级,区县,上级单位编码",
    "SELECT a.code, a.name, a.level, a.region, p.code FROM agencies AS a"
    " LEFT JOIN agencies AS p ON p.id = a.parent_id ORDER BY a.id" },
  { "免罚清单.csv", "事项编码,事项名称,清单类型,执法领域,执法单位,法律依据,生效日期,废止日期",
    "SELECT i.code, i.title, i.kind, d.name, a.code, i.legal_basis, i.effective_on, i.repealed_on"
    " FROM leniency_items AS i LEFT JOIN domains AS d ON d.id = i.domain_id"
    " LEFT JOIN agencies AS a ON a.id = i.agency_id ORDER BY i.id" },
  { "执法案件.csv", "执法单位,案件编号,执法领域,执法类别,立案日期,决定日期,罚没金额(元),免罚类型,"
    "免罚清单事项编码,免罚金额(元),是否重大执法决定,是否法制审核,是否涉企,当事人",
    "SELECT a.code, c.case_no, d.name, c.kind, c.opened_on, c.decided_on, c.fine_fen, c.leniency, i.code,"
    " c.exempted_fen, c.major, c.legal_review, c.enterprise, c.party FROM cases AS c"
    " JOIN agencies AS a ON a.id = c.agency_id LEFT JOIN domains AS d ON d.id = c.domain_id"
    " LEFT JOIN leniency_items AS i ON i.id = c.leniency_item_id ORDER BY c.id",
    (1 << 6) | (1 << 9) },
  { "投诉举报.csv", "工单编号,来源渠道,受理时间,执法单位,执法领域,诉求类型,办结时限,办结时间,是否属实,满意度",
    "SELECT c.ticket_no, c.channel, c.received_on, a.code, d.name, c.category, c.due_on, c.closed_on,"
    " c.substantiated, c.satisfaction FROM complaints AS c LEFT JOIN agencies AS a ON a.id = c.agency_id"
    " LEFT JOIN domains AS d ON d.id = c.domain_id ORDER BY c.id" },
  { "行政诉讼.csv", "案号,被告,执法领域,审级,立案日期,审结日期,裁判结果,是否开庭,负责人是否出庭",
    "SELECT l.case_no, a.code, d.name, l.instance, l.filed_on, l.concluded_on, l.outcome, l.hearing_held,"
    " l.head_appeared FROM lawsuits AS l LEFT JOIN agencies AS a ON a.id = l.agency_id"
    " LEFT JOIN domains AS d ON d.id = l.domain_id ORDER BY l.id" },
  { "行政复议.csv", "复议案号,被申请人,执法领域,受理日期,决定日期,复议结果",
    "SELECT r.case_no, a.code, d.name, r.received_on, r.decided_on, r.outcome FROM reconsiderations AS r"
    " LEFT JOIN agencies AS a ON a.id = r.agency_id LEFT JOIN domains AS d ON d.id = r.domain_id ORDER BY r.id" },
  { "案卷评查.csv", "被评查单位,案卷编号,评查日期,评查得分,评查等次,存在问题",
    "SELECT a.code, r.case_no, r.reviewed_on, r.score, r.grade, r.problems FROM reviews AS r"
    " JOIN agencies AS a ON a.id = r.agency_id ORDER BY r.id" },
};

static void
write_field (GString    *csv,
             const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
write_files (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  files = g_ptr_array_new_with_free_func (g_free);

  for (guint e = 0; e < G_N_ELEMENTS (exports); e++)
    {
      g_autoptr(GString) csv = g_string_new (exports[e].header);
      g_autofree char *path = g_build_filename (folder, exports[e].name, NULL);
      sqlite3_stmt *stmt = NULL;

      g_string_append (csv, "\r\n");
      g_assert_cmpint (sqlite3_prepare_v2 (db, exports[e].sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              if (c > 0)
                g_string_append_c (csv, ',');
              if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
                continue;
              if (exports[e].yuan & (1u << c))
                {
                  sqlite3_int64 fen = sqlite3_column_int64 (stmt, c);

                  g_string_append_printf (csv, "%lld.%02lld", fen / 100, fen % 100);
                }
              else
                write_field (csv, (const char *)sqlite3_column_text (stmt, c));
            }
          g_string_append (csv, "\r\n");
        }
      sqlite3_finalize (stmt);
      g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
      g_ptr_array_add (files, g_steal_pointer (&path));
    }

  sqlite3_close (db);
}

static void
import_files (const char *location)
{
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *out = cli ((const char *[]) { "import", "--db", location, files->pdata[i], NULL });

      g_assert_nonnull (strstr (out, "0 rejected"));
    }
}

/* Every `metrics --json` a leader's question can ask, printed by @location,
 * one after the other. */
static GPtrArray *
all_metrics (const char *location)
{
  static const char * const periods[] = {
    "2026-10", "2026-09", "2026-01", "2026Q3", "2026Q1", "2025Q4", "2025", "2026", "2026-01..2026-10",
    "2025-01..2025-10",
  };
  static const char * const filters[][3] = {
    { NULL }, { "--level", "county" }, { "--level", "township" }, { "--region", "东城区" },
    { "--agency", "SJ-SCJG" }, { "--domain", "生态环境" }, { "--domain", "QT" },
  };
  static const char * const modes[][6] = {
    { NULL },
    { "--compare" },
    { "--warnings" },
    { "--rank", "loss_rate", "--top", "0" },
    { "--rank", "complaints" },
    { "--rank", "fines", "--min", "3" },
  };
  GPtrArray *outputs = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
      for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
        {
          g_autoptr(GPtrArray) args = g_ptr_array_new ();

          /* Every filter with the plain figures; the modes on all filters
           * for a month, a quarter and the year to date. */
          if (m > 0 && p != 0 && p != 3 && p != 8)
            continue;

          g_ptr_array_add (args, "metrics");
          g_ptr_array_add (args, "--json");
          g_ptr_array_add (args, "--db");
          g_ptr_array_add (args, (gpointer)location);
          g_ptr_array_add (args, "--period");
          g_ptr_array_add (args, (gpointer)periods[p]);
          for (guint i = 0; i < 3 && filters[f][i] != NULL; i++)
            g_ptr_array_add (args, (gpointer)filters[f][i]);
          for (guint i = 0; i < 6 && modes[m][i] != NULL; i++)
            g_ptr_array_add (args, (gpointer)modes[m][i]);
          g_ptr_array_add (args, NULL);
          g_ptr_array_add (outputs, cli ((const char * const *)args->pdata));
        }

  /* Trends, by each kind of period. */
  for (guint by = 0; by < 3; by++)
    {
      static const char * const bys[] = { "month", "quarter", "year" };

      g_ptr_array_add (outputs, cli ((const char *[]) { "metrics", "--json", "--db", location, "--period", "2026-10",
                                                        "--series", "2024-01", "2026-10", "--by", bys[by], NULL }));
    }

  return outputs;
}

static void
assert_same_outputs (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (a->pdata[i], b->pdata[i]) != 0)
      {
        g_auto(GStrv) lines_a = g_strsplit (a->pdata[i], "\n", -1);
        g_auto(GStrv) lines_b = g_strsplit (b->pdata[i], "\n", -1);
        guint line = 0;

        while (lines_a[line] != NULL && lines_b[line] != NULL && g_str_equal (lines_a[line], lines_b[line]))
          line++;
        g_error ("question %u differs at line %u: “%s” against “%s”", i, line + 1,
                 lines_a[line] != NULL ? lines_a[line] : "(end)", lines_b[line] != NULL ? lines_b[line] : "(end)");
      }
}

/* The files into a file and into a server: the same bytes, every question. */
static void
test_parity_import (void)
{
  g_autofree char *server = new_location (&backends[1]);
  g_autofree char *file = NULL;
  g_autoptr(GPtrArray) from_file = NULL;
  g_autoptr(GPtrArray) from_server = NULL;
  g_autoptr(GPtrArray) from_demo = NULL;

  if (server == NULL)
    return;
  file = new_location (&backends[0]);

  /* The files hold the demo city whole: its own figures are the same. */
  import_files (file);
  from_demo = all_metrics (demo_path);
  from_file = all_metrics (file);
  assert_same_outputs (from_demo, from_file);
  g_clear_pointer (&from_file, g_ptr_array_unref);

  import_files (server);

  /* Scores of one decimal, which no double holds exactly: their sums,
   * added up in another order by each backend, must still agree. */
  {
    static const char * const agencies[] = {
      "SJ-SCJG", "SJ-STHJ", "SJ-JTYS", "BT-SCJG", "DC-ZHZF", "LJ-SCJG", "NX-ZHZF", "QS-NYNC",
    };
    static const char * const grades[] = { "excellent", "good", "pass", "fail" };
    g_autoptr(GString) csv = g_string_new ("被评查单位,案卷编号,评查日期,评查得分,评查等次\r\n");
    g_autofree char *path = g_build_filename (folder, "评查补充.csv", NULL);
    guint32 seed = 9;

    for (guint i = 0; i < 3000; i++)
      {
        seed = seed * 1103515245 + 12345;
        g_string_append_printf (csv, "%s,SCORE-%u,2026-%02u-%02u,%u.%u,%s\r\n", agencies[i % G_N_ELEMENTS (agencies)],
                                i, 1 + i % 10, 1 + i % 28, 50 + (seed >> 16) % 50, (seed >> 8) % 10,
                                grades[(seed >> 4) % 4]);
      }
    g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
    for (guint b = 0; b < 2; b++)
      g_free (cli ((const char *[]) { "import", "--db", b == 0 ? file : server, path, NULL }));
  }

  from_file = all_metrics (file);
  from_server = all_metrics (server);
  assert_same_outputs (from_file, from_server);

  /* Not everything empty: the period has figures, the filters matter. */
  g_assert_nonnull (strstr (from_file->pdata[0], "\"decided\""));
  g_assert_cmpstr (from_file->pdata[0], !=, from_file->pdata[6]);
  jd_test_pg_database_free (g_steal_pointer (&server));
}

/* The demo to the server and back to a new file; again adds nothing. */
static void
test_parity_copy (void)
{
  g_autofree char *server = new_location (&backends[1]);
  g_autofree char *file = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) from_demo = NULL;
  g_autoptr(GPtrArray) from_server = NULL;
  g_autoptr(GPtrArray) from_file = NULL;

  if (server == NULL)
    return;
  file = new_location (&backends[0]);

  g_free (cli ((const char *[]) { "copy", "--from", demo_path, "--to", server, NULL }));
  out = cli ((const char *[]) { "copy", "--from", demo_path, "--to", server, NULL });
  g_assert_nonnull (strstr (out, " 0 new, 0 updated,"));
  g_clear_pointer (&out, g_free);

  /* A server that holds data gets no demo city on top, as a file does not. */
  out = cli_refused ((const char *[]) { "demo", "--db", server, "--cases", "1000", NULL });
  g_assert_nonnull (strstr (out, "already holds data"));
  g_clear_pointer (&out, g_free);
  g_free (cli ((const char *[]) { "copy", "--from", server, "--to", file, NULL }));
  out = cli ((const char *[]) { "copy", "--from", server, "--to", file, NULL });
  g_assert_nonnull (strstr (out, " 0 new, 0 updated,"));

  from_demo = all_metrics (demo_path);
  from_server = all_metrics (server);
  from_file = all_metrics (file);
  assert_same_outputs (from_demo, from_server);
  assert_same_outputs (from_demo, from_file);
  jd_test_pg_database_free (g_steal_pointer (&server));
}

/* On either backend: an import, its undo and a copy keep the rollups
 * exactly those of the records, and undo gives back the figures before. */
static void
test_store_import_undo (gconstpointer data)
{
  const Backend *backend = data;
  g_autofree char *location = new_location (backend);
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *list = NULL;
  g_autofree char *id = NULL;
  const char *line;
  g_autofree char *changed = g_build_filename (folder, "更正.csv", NULL);
  const char *changed_csv =
    "工单编号,来源渠道,受理时间,办结时限,办结时间,是否属实,满意度\r\n"
    "T-CHANGED-1,hotline_12345,2026-10-03,2026-10-10,2026-10-08,是,satisfied\r\n"
    "T-CHANGED-2,letter,2026-10-04,2026-10-10,,否,\r\n";

  if (location == NULL)
    return;

  for (guint i = 0; i < files->len; i++)
    if (i != 4)   /* the complaints come after */
      g_free (cli ((const char *[]) { "import", "--db", location, files->pdata[i], NULL }));
  before = cli ((const char *[]) { "metrics", "--json", "--db", location, "--period", "2026-10", NULL });

  g_assert_true (g_file_set_contents (changed, changed_csv, -1, NULL));
  g_free (cli ((const char *[]) { "import", "--db", location, changed, NULL }));
  after = cli ((const char *[]) { "metrics", "--json", "--db", location, "--period", "2026-10", NULL });
  g_assert_cmpstr (before, !=, after);

  store = jd_store_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (jd_store_verify (store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Its id, from the history: the line that names the file. */
  list = cli ((const char *[]) { "imports", "--db", location, NULL });
  line = strstr (list, "更正.csv");
  g_assert_nonnull (line);
  while (line > list && line[-1] != '\n')
    line--;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, g_ascii_strtoll (line, NULL, 10));
  g_assert_cmpstr (id, !=, "0");
  g_free (cli ((const char *[]) { "undo-import", "--db", location, id, NULL }));
  undone = cli ((const char *[]) { "metrics", "--json", "--db", location, "--period", "2026-10", NULL });
  g_assert_cmpstr (before, ==, undone);

  store = jd_store_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (jd_store_verify (store, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  if (backend->server)
    jd_test_pg_database_free (g_steal_pointer (&location));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *out = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  folder = g_dir_make_tmp ("jiandu-backends-XXXXXX", NULL);
  demo_path = g_build_filename (folder, "demo.db", NULL);
  out = cli ((const char *[]) { "demo", "--db", demo_path, "--cases", "20000", "--seed", "11", NULL });
  write_files ();

  g_test_add_func ("/backends/parity/import", test_parity_import);
  g_test_add_func ("/backends/parity/copy", test_parity_copy);
  for (guint b = 0; b < G_N_ELEMENTS (backends); b++)
    {
      g_autofree char *path = g_strdup_printf ("/backends/%s/import-undo", backends[b].name);

      g_test_add_data_func (path, &backends[b], test_store_import_undo);
    }

  status = g_test_run ();
  jd_test_remove_dir (folder);
  g_ptr_array_unref (files);
  g_free (demo_path);
  g_free (folder);
  return status;
}

/* test-crash.c — killed, out of disk, or shared: the store keeps its data
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * jiandu-cli runs as a child process with the store's test hooks
 * (jd-test-hooks.c): killed at an exact write, given a full disk, or held
 * at a named point while this process looks at the database.
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jd-demo.h"
#include "jd-import.h"
#include "jd-metrics.h"
#include "jd-period.h"
#include "jd-store-private.h"
#include "jd-test-util.h"

#define DEMO_SEED 7
#define DEMO_CASES 1000
#define N_ROWS 60

typedef struct
{
  char *dir;
  char *template;               /* the demo city, closed cleanly */
  char *db_path;                /* the copy each run works on */
  char *csv;                    /* N_ROWS new cases */
  char *before;                 /* what the template holds */
  char *after;                  /* what it holds once csv is imported */
} Fixture;

static char *
build_path (Fixture    *fixture,
            const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static void
copy_database (const char *from,
               const char *to)
{
  g_autofree char *contents = NULL;
  g_autofree char *wal = g_strconcat (from, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  gsize length;

  /* A clean close leaves the whole database in the one file. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  remove_database (to);
  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

static char *
write_cases (Fixture    *fixture,
             const char *name,
             const char *prefix,
             guint       n_rows)
{
  GString *csv = g_string_new ("执法单位,案件编号,执法类别,立案日期,决定日期,罚没金额(元)\n");
  g_autofree char *path = build_path (fixture, name);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "SJ-SCJG,%s-%06u,行政处罚,2024-%02u-01,2024/%u/%u,%u.5\n",
                            prefix, i, 1 + i % 12, 1 + i % 12, 1 + i % 28, i % 5000);
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  g_string_free (csv, TRUE);

  return g_steal_pointer (&path);
}

/* What a store holds, as the app shows it: the counts of every table and
 * the figures of 2024 (where the test's cases are). */
static char *
store_state (JdStore *store)
{
  static const char * const tables[] = {
    "agencies", "domains", "cases", "complaints", "lawsuits", "reconsiderations", "reviews",
    "leniency_items", "imports", "import_journal", "roll_cases",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdMetrics) metrics = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  GString *state = g_string_new (NULL);
  JdPeriod year;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      g_string_append_printf (state, "%s %" G_GINT64_FORMAT "\n", tables[i], jd_test_query_int (store, sql));
    }

  g_assert_true (jd_period_parse ("2024", &year, NULL));
  metrics = jd_metrics_compute (store, &year, NULL, &error);
  g_assert_no_error (error);
  node = jd_metrics_to_json (metrics);
  json = json_to_string (node, FALSE);
  g_string_append (state, json);

  return g_string_free (state, FALSE);
}

/* Opens @path as the app would: it must open, and verify clean. */
static char *
database_state (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (jd_store_verify (store, NULL, &error));
  g_assert_no_error (error);

  return store_state (store);
}

/* The file's bytes are still @checksum's. */
static void
assert_file_untouched (const char *path,
                       const char *checksum)
{
  g_autofree char *now = jd_test_file_checksum (path);

  g_assert_cmpstr (now, ==, checksum);
}

/* @path opens, verifies clean and holds exactly @expected. */
static void
assert_database_state (const char *path,
                       const char *expected)
{
  g_autofree char *state = database_state (path);

  g_assert_cmpstr (state, ==, expected);
}

/* Made once for all the tests of the process: they only copy it. */
static Fixture shared_fixture;

static void
fixture_make (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autofree char *reference = NULL;

  fixture->dir = g_dir_make_tmp ("jiandu-crash-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->template = build_path (fixture, "template.db");
  fixture->db_path = build_path (fixture, "work.db");
  fixture->csv = write_cases (fixture, "new.csv", "KILL", N_ROWS);

  store = jd_store_open (fixture->template, &error);
  g_assert_no_error (error);
  jd_demo_generate (store, DEMO_SEED, DEMO_CASES, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  fixture->before = database_state (fixture->template);

  reference = build_path (fixture, "reference.db");
  copy_database (fixture->template, reference);
  store = jd_store_open (reference, &error);
  g_assert_no_error (error);
  results = jd_import_file (store, fixture->csv, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  fixture->after = database_state (reference);
  g_assert_cmpstr (fixture->before, !=, fixture->after);
}

static void
fixture_init (Fixture *fixture)
{
  if (shared_fixture.dir == NULL)
    fixture_make (&shared_fixture);
  *fixture = shared_fixture;
}

static void
fixture_clear (Fixture *fixture)
{
  jd_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->template);
  g_free (fixture->db_path);
  g_free (fixture->csv);
  g_free (fixture->before);
  g_free (fixture->after);
}

static char **
cli_environ (const char *fault,
             const char *pause_at)
{
  char **envp = g_get_environ ();

  envp = fault != NULL ? g_environ_setenv (envp, "JIANDU_TEST_FAULT", fault, TRUE)
                       : g_environ_unsetenv (envp, "JIANDU_TEST_FAULT");
  envp = pause_at != NULL ? g_environ_setenv (envp, "JIANDU_TEST_PAUSE", pause_at, TRUE)
                          : g_environ_unsetenv (envp, "JIANDU_TEST_PAUSE");
  return envp;
}

/* Runs jiandu-cli with @args and the fault @fault; returns its wait status. */
static int
run_cli (const char * const  *args,
         const char          *fault,
         char               **out_stderr)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = cli_environ (fault, NULL);
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (char *)g_getenv ("JIANDU_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, out_stderr, &status, &error);
  g_assert_no_error (error);

  return status;
}

static gboolean
have_cli (void)
{
  if (g_getenv ("JIANDU_CLI") != NULL)
    return TRUE;

  g_test_skip ("JIANDU_CLI is not set");
  return FALSE;
}

/* The kill points a test tries: the first few writes, where a commit or a
 * checkpoint writes its header, then every @every-th.  JD_TEST_KILL_EVERY=1
 * (build-aux/kill-matrix) tries every write. */
static guint
next_kill_point (guint n,
                 guint every)
{
  const char *override = g_getenv ("JD_TEST_KILL_EVERY");

  if (override != NULL)
    every = MAX (1, atoi (override));

  return n < 3 ? n + 1 : n + every;
}

/* One kill point's outcome, as a kill matrix counts it. */
typedef struct
{
  guint n_points;
  guint n_before;
  guint n_after;
  guint n_wal;                  /* kills at a write, truncation or sync of the WAL */
  guint n_database;             /* … of the database */
  guint n_journal;              /* … of the rollback journal */
} Matrix;

/* A kill must come from the hook, at a write it names. */
static void
matrix_count_kill (Matrix     *matrix,
                   int         status,
                   const char *err)
{
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_assert_nonnull (strstr (err, "jiandu-test-hooks: killed at write"));
  matrix->n_points++;
  if (strstr (err, "of the WAL") != NULL)
    matrix->n_wal++;
  else if (strstr (err, "of the database") != NULL)
    matrix->n_database++;
  else
    {
      g_assert_nonnull (strstr (err, "of the journal"));
      matrix->n_journal++;
    }
}

static void
matrix_count_state (Matrix        *matrix,
                    const Fixture *fixture,
                    const char    *state)
{
  if (g_str_equal (state, fixture->before))
    matrix->n_before++;
  else
    {
      g_assert_cmpstr (state, ==, fixture->after);
      matrix->n_after++;
    }
}

static void
matrix_report (const Matrix *matrix,
               const char   *phase)
{
  g_test_message ("%s: %u kill points (%u at the WAL, %u at the database, %u at the journal);"
                  " every database opened and verified; %u held the data from before, %u from after",
                  phase, matrix->n_points, matrix->n_wal, matrix->n_database, matrix->n_journal,
                  matrix->n_before, matrix->n_after);
}

/* An import killed at every write from its commit on: the WAL frames of the
 * commit, then the checkpoint that copies them into the database. */
static void
test_kill_import_commit (void)
{
  Fixture fixture = { 0 };
  Matrix matrix = { 0 };

  if (!have_cli ())
    return;
  fixture_init (&fixture);

  for (guint n = 0;; n = next_kill_point (n, 4))
    {
      const char *args[] = { "import", "--db", fixture.db_path, fixture.csv, NULL };
      g_autofree char *fault = g_strdup_printf ("kill:%u@import-commit", n);
      g_autofree char *err = NULL;
      g_autofree char *state = NULL;
      int status;

      g_assert_cmpuint (n, <, 5000);
      copy_database (fixture.template, fixture.db_path);
      status = run_cli (args, fault, &err);
      if (WIFEXITED (status))
        {
          /* Past the last write: the import ran to its end. */
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          assert_database_state (fixture.db_path, fixture.after);
          break;
        }

      matrix_count_kill (&matrix, status, err);
      state = database_state (fixture.db_path);
      matrix_count_state (&matrix, &fixture, state);
    }

  matrix_report (&matrix, "import, from its commit");
  g_assert_cmpuint (matrix.n_before, >, 0);
  g_assert_cmpuint (matrix.n_after, >, 0);
  g_assert_cmpuint (matrix.n_database, >, 0);
}

/* A database an older Jiandu left in rollback-journal mode, killed while
 * its commit writes pages: the header already counts pages the file does
 * not have yet, and a hot -journal lies beside it.  SQLite rolls it back;
 * the store must not call the file damaged first. */
static void
test_kill_journal_commit (void)
{
  Fixture fixture = { 0 };
  Matrix matrix = { 0 };

  g_autofree char *job = g_build_filename (g_getenv ("JD_TEST_CRASH_SHARED"), "job", NULL);
  g_autofree char *fault_file = g_build_filename (g_getenv ("JD_TEST_CRASH_SHARED"), "fault", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdStore) store = NULL;
      g_autoptr(GPtrArray) results = NULL;
      g_autofree char *fault = NULL;
      g_autofree char *contents = NULL;
      g_auto(GStrv) paths = NULL;

      /* No thread has started yet in this process: setenv() is safe. */
      g_assert_true (g_file_get_contents (fault_file, &fault, NULL, NULL));
      g_setenv ("JIANDU_TEST_FAULT", fault, TRUE);
      g_assert_true (g_file_get_contents (job, &contents, NULL, NULL));
      paths = g_strsplit (contents, "\n", 2);

      store = jd_store_open (paths[0], &error);
      g_assert_no_error (error);
      g_assert_true (_jd_store_exec (_jd_store_get_db (store), "PRAGMA journal_mode = DELETE", NULL));
      results = jd_import_file (store, paths[1], NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      return;
    }

  fixture_init (&fixture);
  {
    g_autofree char *paths = g_strconcat (fixture.db_path, "\n", fixture.csv, NULL);

    g_assert_true (g_file_set_contents (job, paths, -1, NULL));
  }

  for (guint n = 0;; n = next_kill_point (n, 2))
    {
      g_autofree char *fault = g_strdup_printf ("kill:%u@import-commit", n);
      g_autofree char *journal = g_strconcat (fixture.db_path, "-journal", NULL);
      g_autofree char *state = NULL;

      g_assert_cmpuint (n, <, 5000);
      copy_database (fixture.template, fixture.db_path);
      g_assert_true (g_file_set_contents (fault_file, fault, -1, NULL));
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      if (g_test_trap_has_passed ())
        {
          assert_database_state (fixture.db_path, fixture.after);
          break;
        }

      g_test_trap_assert_stderr ("*jiandu-test-hooks: killed at write*");
      matrix.n_points++;
      if (g_file_test (journal, G_FILE_TEST_EXISTS))
        matrix.n_journal++;
      state = database_state (fixture.db_path);
      matrix_count_state (&matrix, &fixture, state);
    }

  g_test_message ("rollback-journal import, from its commit: %u kill points, %u with a hot journal;"
                  " %u held the data from before, %u from after",
                  matrix.n_points, matrix.n_journal, matrix.n_before, matrix.n_after);
  /* Deleting the journal is the commit, and the last write: every kill
   * before it rolls back. */
  g_assert_cmpuint (matrix.n_journal, >, 0);
  g_assert_cmpuint (matrix.n_before, ==, matrix.n_points);
}

/* The demo killed in its final checkpoint, which writes the header (with
 * the new page count) first and the pages after: the data was committed
 * to the WAL, so it is all there. */
static void
test_kill_demo_checkpoint (void)
{
  Fixture fixture = { 0 };
  Matrix matrix = { 0 };

  if (!have_cli ())
    return;
  fixture_init (&fixture);

  for (guint n = 0;; n = next_kill_point (n, 40))
    {
      g_autofree char *fault = g_strdup_printf ("kill:%u@checkpoint", n);
      const char *args[] = { "demo", "--db", fixture.db_path, "--seed", G_STRINGIFY (DEMO_SEED),
                             "--cases", G_STRINGIFY (DEMO_CASES), NULL };
      g_autofree char *err = NULL;
      int status;

      g_assert_cmpuint (n, <, 5000);
      remove_database (fixture.db_path);
      status = run_cli (args, fault, &err);
      assert_database_state (fixture.db_path, fixture.before);
      if (WIFEXITED (status))
        {
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          break;
        }
      matrix_count_kill (&matrix, status, err);
      matrix.n_after++;
    }

  matrix_report (&matrix, "demo, from its final checkpoint");
  g_assert_cmpuint (matrix.n_database, >, 0);
}

/* The disk fills up while the checkpoint after an import copies the new
 * pages into the database: the header is written, pages are missing.  The
 * import was committed to the WAL, so the database opens with all of it. */
static void
test_full_disk_checkpoint (void)
{
  static const guint points[] = { 1, 3 };
  Fixture fixture = { 0 };

  if (!have_cli ())
    return;
  fixture_init (&fixture);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      const char *args[] = { "import", "--db", fixture.db_path, fixture.csv, NULL };
      g_autofree char *fault = g_strdup_printf ("full:%u@checkpoint", points[i]);
      g_autofree char *wal = g_strconcat (fixture.db_path, "-wal", NULL);
      g_autofree char *err = NULL;
      int status;

      copy_database (fixture.template, fixture.db_path);
      status = run_cli (args, fault, &err);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
      assert_database_state (fixture.db_path, fixture.after);
    }

}

static void
wait_for_file (const char *path,
               GPid        pid)
{
  for (int i = 0; !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      int status;

      g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
      g_assert_cmpint (i, <, 120 * 100);
      g_usleep (10000);
    }
}

static GPid
spawn_import (const char  *db_path,
              const char  *csv,
              const char  *pause_at,
              int         *out_stderr)
{
  const char *argv[] = { g_getenv ("JIANDU_CLI"), "import", "--db", db_path, csv, NULL };
  g_auto(GStrv) envp = cli_environ (NULL, pause_at);
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_spawn_async_with_pipes (NULL, (char **)argv, envp,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                            (out_stderr == NULL ? G_SPAWN_STDERR_TO_DEV_NULL : 0),
                            NULL, NULL, &pid, NULL, NULL, out_stderr, &error);
  g_assert_no_error (error);

  return pid;
}

static void
assert_exit_ok (GPid pid)
{
  int status;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_spawn_close_pid (pid);
}

/* Reads @fd until @text has come (or the writer is gone). */
static gboolean
read_until (int         fd,
            const char *text)
{
  g_autoptr(GString) got = g_string_new (NULL);
  char buffer[256];
  gssize n;

  while (strstr (got->str, text) == NULL && (n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (got, buffer, n);

  g_test_message ("the second import said: %s", got->str);
  return strstr (got->str, text) != NULL;
}

/* Gives up as soon as the import says it waits for another. */
static void
cancel_when_waiting_cb (double   fraction,
                        gpointer user_data)
{
  if (fraction == JD_PROGRESS_WAITING)
    g_cancellable_cancel (user_data);
}

/* While an import holds the database (paused before its commit), another
 * program opens it and reads its figures, and a second import waits for
 * its turn instead of failing (a third, cancelled while it waits, gives
 * up); then both imports are there. */
static void
test_readers_and_second_import (void)
{
  Fixture fixture = { 0 };
  g_autofree char *go = NULL;
  g_autofree char *reached = NULL;
  g_autofree char *pause_at = NULL;
  g_autofree char *second_csv = NULL;
  g_autofree char *state = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *metrics_args[] = { "metrics", "--db", NULL, "--period", "2024", NULL };
  gint64 n_cases;
  GPid first;
  GPid second;
  int second_err = -1;
  int status;

  if (!have_cli ())
    return;
  fixture_init (&fixture);
  go = build_path (&fixture, "go");
  reached = g_strconcat (go, ".reached", NULL);
  pause_at = g_strconcat ("import-commit:", go, NULL);
  second_csv = write_cases (&fixture, "second.csv", "SECOND", 40);
  copy_database (fixture.template, fixture.db_path);

  first = spawn_import (fixture.db_path, fixture.csv, pause_at, NULL);
  wait_for_file (reached, first);

  /* The import has written every row and holds the write lock. */
  store = jd_store_open (fixture.db_path, &error);
  g_assert_no_error (error);
  state = store_state (store);
  g_assert_cmpstr (state, ==, fixture.before);
  n_cases = jd_test_query_int (store, "SELECT count(*) FROM cases");
  metrics_args[2] = fixture.db_path;
  status = run_cli (metrics_args, NULL, &err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpstr (err, ==, "");

  second = spawn_import (fixture.db_path, second_csv, NULL, &second_err);
  g_assert_true (read_until (second_err, "Waiting for another import into this database to finish"));

  /* The library says so through the progress callback, and can be
   * cancelled while it waits. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GPtrArray) results = NULL;

    results = jd_import_file (store, second_csv, NULL, cancel_when_waiting_cb, cancellable,
                              cancellable, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (results);
    g_clear_error (&error);
  }

  g_file_set_contents (go, "", 0, &error);
  g_assert_no_error (error);
  assert_exit_ok (first);
  assert_exit_ok (second);
  close (second_err);

  /* The reader, open all along, sees both imports. */
  g_assert_cmpint (jd_test_query_int (store, "SELECT count(*) FROM cases"), ==, n_cases + N_ROWS + 40);
  g_assert_cmpint (jd_test_query_int (store, "SELECT count(*) FROM imports"), ==, 2);
  g_assert_true (jd_store_verify (store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
}

/* A dry run, a refused import and an import that runs out of disk leave
 * the database's bytes as they were. */
static void
test_failed_import_untouched (void)
{
  Fixture fixture = { 0 };
  g_autofree char *checksum = NULL;
  g_autofree char *refused_csv = NULL;
  g_autoptr(GError) error = NULL;
  JdImportOptions dry_run = { .dry_run = TRUE };
  JdImportOptions as_cases = { .entity = "cases" };

  if (!have_cli ())
    return;
  fixture_init (&fixture);
  copy_database (fixture.template, fixture.db_path);
  checksum = jd_test_file_checksum (fixture.db_path);
  refused_csv = build_path (&fixture, "refused.csv");
  g_file_set_contents (refused_csv, "执法单位,案件编号,决定日期\nSJ-SCJG,R-1,2024-01-02\n", -1, &error);
  g_assert_no_error (error);

  {
    g_autoptr(JdStore) store = jd_store_open (fixture.db_path, &error);
    g_autoptr(GPtrArray) results = NULL;

    g_assert_no_error (error);
    results = jd_import_file (store, fixture.csv, &dry_run, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (((JdImportResult *)results->pdata[0])->n_new, ==, N_ROWS);
  }
  assert_file_untouched (fixture.db_path, checksum);

  {
    g_autoptr(JdStore) store = jd_store_open (fixture.db_path, &error);
    g_autoptr(GPtrArray) results = NULL;

    g_assert_no_error (error);
    results = jd_import_file (store, refused_csv, &as_cases, NULL, NULL, NULL, &error);
    g_assert_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_MISSING_COLUMN);
    g_assert_null (results);
    g_clear_error (&error);
  }
  assert_file_untouched (fixture.db_path, checksum);

  {
    const char *args[] = { "import", "--dry-run", "--db", fixture.db_path, fixture.csv, NULL };
    g_autofree char *err = NULL;
    int status = run_cli (args, NULL, &err);

    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  assert_file_untouched (fixture.db_path, checksum);

  {
    const char *args[] = { "import", "--db", fixture.db_path, fixture.csv, NULL };
    g_autofree char *err = NULL;
    int status = run_cli (args, "full:0@import-commit", &err);

    g_test_message ("out of disk: %s", err);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), !=, 0);
    g_assert_nonnull (strstr (err, "full"));
  }
  assert_file_untouched (fixture.db_path, checksum);
  assert_database_state (fixture.db_path, fixture.before);

}

int
main (int    argc,
      char **argv)
{
  g_autofree char *shared = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* A folder the child processes of g_test_trap_subprocess() find their
   * work in; set before any thread starts. */
  if (!g_test_subprocess ())
    {
      shared = g_dir_make_tmp ("jiandu-crash-shared-XXXXXX", NULL);
      g_assert_nonnull (shared);
      g_setenv ("JD_TEST_CRASH_SHARED", shared, TRUE);
    }

  g_test_add_func ("/crash/kill/import-commit", test_kill_import_commit);
  g_test_add_func ("/crash/kill/journal-commit", test_kill_journal_commit);
  g_test_add_func ("/crash/kill/demo-checkpoint", test_kill_demo_checkpoint);
  g_test_add_func ("/crash/full/checkpoint", test_full_disk_checkpoint);
  g_test_add_func ("/crash/shared/readers-and-second-import", test_readers_and_second_import);
  g_test_add_func ("/crash/untouched/failed-import", test_failed_import_untouched);

  status = g_test_run ();
  if (shared != NULL)
    jd_test_remove_dir (shared);
  if (shared_fixture.dir != NULL)
    fixture_clear (&shared_fixture);

  return status;
}

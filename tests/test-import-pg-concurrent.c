/* test-import-pg-concurrent.c — imports and undos at the same time on a server
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports run at the same time on the server JIANDU_TEST_PG names must
 * land every row, one import of a table after the other, with rollups that
 * a rebuild from the raw rows confirms and that SQLite gives for the same
 * files; an import undone from two places at once is undone once.
 */

#include "config.h"

#include "jd-test-import-pg.h"

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

  g_test_add_func ("/import-pg/concurrent", test_concurrent);
  g_test_add_func ("/import-pg/undo-twice", test_undo_twice);

  return g_test_run ();
}

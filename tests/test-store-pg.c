/* test-store-pg.c — the store on a PostgreSQL server
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against the server JIANDU_TEST_PG names, a database of its own a test
 * (jd-test-pg.h).  What the PostgreSQL backend answers is checked against
 * what the SQLite backend answers to the same statement: SQLite is the
 * reference the interface copies.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "jd-store-private.h"
#include "jd-test-pg.h"
#include "jd-test-util.h"

/* A new SQLite store in a temporary folder, the reference. */
typedef struct
{
  char    *dir;
  JdStore *store;
} Reference;

static void
reference_open (Reference *ref)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  ref->dir = g_dir_make_tmp ("jiandu-store-pg-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (ref->dir, "reference.db", NULL);
  ref->store = jd_store_open (path, &error);
  g_assert_no_error (error);
}

static void
reference_close (Reference *ref)
{
  g_clear_object (&ref->store);
  jd_test_remove_dir (ref->dir);
  g_free (ref->dir);
}

static void
assert_refused (const char *conninfo,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (conninfo, &error);

  g_assert_error (error, JD_STORE_ERROR, code);
  g_assert_null (store);
}

static char *
query_text (JdDb       *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (_jd_db_step (stmt, &error), ==, JD_DB_ROW);
  g_assert_no_error (error);
  return g_strdup (_jd_db_column_text (stmt, 0));
}

/* The row @stmt stands on, its columns as text joined by "|". */
static void
append_row (GString  *out,
            JdDbStmt *stmt)
{
  for (int i = 0; i < _jd_db_column_count (stmt); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                            _jd_db_column_is_null (stmt, i) ? "NULL" : _jd_db_column_text (stmt, i));
}

/* Every row of @sql, a line each. */
static char *
query_rows (JdDb       *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (db, sql, &error);
  GString *out = g_string_new (NULL);
  JdDbStep step;

  g_assert_no_error (error);
  while ((step = _jd_db_step (stmt, &error)) == JD_DB_ROW)
    {
      append_row (out, stmt);
      g_string_append_c (out, '\n');
    }
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, JD_DB_DONE);
  return g_string_free (out, FALSE);
}

/* The tables of a store and their columns in order, "table: a, b, c"
 * a line, and its indexes but the keys' own. */
static char *
describe_schema (JdDb *db)
{
  g_autofree char *tables = NULL;
  g_autofree char *indexes = NULL;

  if (_jd_db_get_kind (db) == JD_DB_SQLITE)
    {
      tables = query_rows (db,
                           "SELECT m.name || ': ' || group_concat (c.name, ', ')"
                           " FROM sqlite_master AS m, pragma_table_xinfo (m.name) AS c"
                           " WHERE m.type = 'table' GROUP BY m.name ORDER BY m.name");
      indexes = query_rows (db,
                            "SELECT name FROM sqlite_master WHERE type = 'index'"
                            " AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name");
    }
  else
    {
      tables = query_rows (db,
                           "SELECT table_name || ': ' || string_agg (column_name, ', ' ORDER BY ordinal_position)"
                           " FROM information_schema.columns WHERE table_schema = current_schema ()"
                           " AND table_name <> 'jiandu_meta'"
                           " GROUP BY table_name ORDER BY table_name COLLATE \"C\"");
      indexes = query_rows (db,
                            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema ()"
                            " AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'"
                            " ORDER BY indexname COLLATE \"C\"");
    }

  return g_strconcat (tables, "--\n", indexes, NULL);
}

static void
test_create (void)
{
  g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
  g_autoptr(JdStore) store = NULL;
  g_autofree char *version = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *expected_schema = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *expected_rows = NULL;
  Reference ref;
  int first, last;

  if (conninfo == NULL)
    return;

  store = jd_test_pg_open (conninfo, NULL);
  g_assert_cmpint (jd_store_get_schema_version (store), ==, JD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (_jd_db_get_kind (_jd_store_get_conn (store)), ==, JD_DB_POSTGRESQL);
  g_assert_null (_jd_store_get_db (store));
  g_assert_nonnull (_jd_db_get_pg (_jd_store_get_conn (store)));
  version = query_text (_jd_store_get_conn (store),
                        "SELECT value FROM jiandu_meta WHERE key = 'schema_version'");
  g_assert_cmpint (atoi (version), ==, JD_STORE_SCHEMA_VERSION);
  g_assert_true (jd_store_is_empty (store));
  g_assert_false (jd_store_get_month_range (store, &first, &last));

  /* The same tables, columns in the same order, indexes, settings and
   * standard fields with the same ids as a new SQLite file. */
  reference_open (&ref);
  schema = describe_schema (_jd_store_get_conn (store));
  expected_schema = describe_schema (_jd_store_get_conn (ref.store));
  g_assert_cmpstr (schema, ==, expected_schema);

  rows = query_rows (_jd_store_get_conn (store),
                     "SELECT 'settings', key, value FROM settings"
                     " UNION ALL SELECT 'domains', CAST (id AS TEXT), code || ' ' || name FROM domains"
                     " ORDER BY 1, 2, 3");
  expected_rows = query_rows (_jd_store_get_conn (ref.store),
                              "SELECT 'settings', key, value FROM settings"
                              " UNION ALL SELECT 'domains', CAST (id AS TEXT), code || ' ' || name FROM domains"
                              " ORDER BY 1, 2, 3");
  g_assert_cmpstr (rows, ==, expected_rows);
  g_assert_nonnull (strstr (rows, "domains|1|SCJG 市场监管\n"));
  reference_close (&ref);
}

static gpointer
open_in_thread (gpointer conninfo)
{
  g_autoptr(GError) error = NULL;
  JdStore *store = jd_store_open (conninfo, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_reopen (void)
{
  g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *agencies = NULL;
  GThread *threads[3];

  if (conninfo == NULL)
    return;

  /* Three programs opening an empty database at once: one creates the
   * schema, the others wait for the lock and find it done. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("open", open_in_thread, conninfo);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      JdStore *opened = g_thread_join (threads[i]);

      g_assert_cmpint (jd_store_get_schema_version (opened), ==, JD_STORE_SCHEMA_VERSION);
      g_object_unref (opened);
    }

  store = jd_test_pg_open (conninfo, NULL);
  jd_test_pg_exec (_jd_store_get_conn (store),
           "INSERT INTO agencies (code, name, level) VALUES ('A1', '市场监管局', 'city')");
  g_assert_true (jd_store_is_empty (store));   /* agencies are no records */
  jd_test_pg_exec (_jd_store_get_conn (store),
           "INSERT INTO leniency_items (code, title, kind, effective_on)"
           " VALUES ('L1', '首违不罚', 'first_offense', '2026-01-01')");
  g_assert_false (jd_store_is_empty (store));
  g_clear_object (&store);

  other = jd_test_pg_open (conninfo, NULL);
  agencies = query_rows (_jd_store_get_conn (other), "SELECT code, name, level FROM agencies");
  g_assert_cmpstr (agencies, ==, "A1|市场监管局|city\n");
  g_assert_cmpint (_jd_db_query_int64 (_jd_store_get_conn (other), "SELECT count(*) FROM domains", -1, &error),
                   ==, 15);
  g_assert_no_error (error);
}

static void
test_refusals (void)
{
  g_autoptr(JdTestPgDatabase) newer = jd_test_pg_database_new ();
  g_autoptr(JdTestPgDatabase) foreign = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *missing = NULL;
  JdDb *db;

  if (newer == NULL)
    return;

  /* Written by a newer Jiandu: refused, and left at its version. */
  store = jd_test_pg_open (newer, NULL);
  jd_test_pg_exec (_jd_store_get_conn (store), "UPDATE jiandu_meta SET value = '9' WHERE key = 'schema_version'");
  g_clear_object (&store);
  assert_refused (newer, JD_STORE_ERROR_TOO_NEW);
  db = _jd_db_connect_pg (newer, NULL, &error);
  g_assert_no_error (error);
  version = query_text (db, "SELECT value FROM jiandu_meta WHERE key = 'schema_version'");
  g_assert_cmpstr (version, ==, "9");

  /* Another program's tables: refused, and nothing added. */
  foreign = jd_test_pg_database_new ();
  _jd_db_free (db);
  db = _jd_db_connect_pg (foreign, NULL, &error);
  g_assert_no_error (error);
  jd_test_pg_exec (db, "CREATE TABLE invoices (id BIGINT PRIMARY KEY)");
  assert_refused (foreign, JD_STORE_ERROR_NOT_JIANDU);
  g_assert_cmpint (_jd_db_query_int64 (db, "SELECT count(*) FROM information_schema.tables"
                                       " WHERE table_schema = current_schema ()", -1, &error), ==, 1);
  g_assert_no_error (error);
  _jd_db_free (db);

  /* No server there. */
  missing = g_strdup_printf ("host=%s/missing dbname=jiandu", g_get_tmp_dir ());
  assert_refused (missing, JD_STORE_ERROR_CONNECT);
}

static void
test_path (void)
{
  g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *with_password = NULL;
  g_autofree char *host = NULL;
  g_autofree char *user = NULL;
  g_autofree char *dbname = NULL;
  g_autofree char *uri = NULL;

  if (conninfo == NULL)
    return;

  /* Shown without its password (the server trusts local users, so any
   * password logs in). */
  with_password = g_strconcat (conninfo, " password='s3cret' sslpassword='k3ypass'", NULL);
  g_assert_true (_jd_db_is_conninfo (with_password));
  store = jd_test_pg_open (with_password, NULL);
  g_assert_null (strstr (jd_store_get_path (store), "s3cret"));
  g_assert_null (strstr (jd_store_get_path (store), "k3ypass"));
  g_assert_nonnull (strstr (jd_store_get_path (store), "dbname="));
  g_clear_object (&store);

  /* Given without one: shown as given. */
  store = jd_test_pg_open (conninfo, NULL);
  g_assert_cmpstr (jd_store_get_path (store), ==, conninfo);
  g_clear_object (&store);

  /* A URI, with the socket's folder as its host. */
  host = _jd_db_pg_conninfo_get (conninfo, "host");
  user = _jd_db_pg_conninfo_get (conninfo, "user");
  dbname = _jd_db_pg_conninfo_get (conninfo, "dbname");
  uri = g_strdup_printf ("postgresql:///%s?host=%s%s%s", dbname, host,
                         user != NULL ? "&user=" : "", user != NULL ? user : "");
  g_assert_true (_jd_db_is_conninfo (uri));
  store = jd_store_open (uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jd_store_get_schema_version (store), ==, JD_STORE_SCHEMA_VERSION);
}

/* Steps @sql with one binding of each kind on both backends: the same
 * text in every column. */
static void
assert_same_answer (JdDb       *pg,
                    JdDb       *sqlite,
                    const char *sql,
                    const char *expected)
{
  JdDb *dbs[] = { sqlite, pg };
  char *answers[2] = { NULL, NULL };

  for (guint d = 0; d < G_N_ELEMENTS (dbs); d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdDbStmt) stmt = _jd_db_prepare (dbs[d], sql, &error);
      GString *out = g_string_new (NULL);
      JdDbStep step;

      g_assert_no_error (error);
      g_assert_cmpint (_jd_db_bind_count (stmt), ==, 3);
      _jd_db_bind_text (stmt, 1, "它's");
      _jd_db_bind_int64 (stmt, 2, G_GINT64_CONSTANT (9007199254740993));
      _jd_db_bind_null (stmt, 3);
      step = _jd_db_step (stmt, &error);
      g_assert_no_error (error);
      g_assert_cmpint (step, ==, JD_DB_ROW);
      append_row (out, stmt);
      g_assert_cmpint (_jd_db_step (stmt, &error), ==, JD_DB_DONE);
      answers[d] = g_string_free (out, FALSE);
    }

  g_assert_cmpstr (answers[1], ==, answers[0]);
  g_assert_cmpstr (answers[1], ==, expected);
  g_free (answers[0]);
  g_free (answers[1]);
}

static void
test_parameters (void)
{
  g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_id = 0;
  Reference ref;
  JdDb *pg;

  if (conninfo == NULL)
    return;

  store = jd_test_pg_open (conninfo, NULL);
  pg = _jd_store_get_conn (store);
  reference_open (&ref);

  /* ?N, and a bare ? numbered after the largest so far (3); a ? inside
   * quotes and comments is no parameter. */
  assert_same_answer (pg, _jd_store_get_conn (ref.store),
                      "SELECT ?1 || '?' || \"x\", ?2 + 1, CASE WHEN ? IS NULL THEN 'null' ELSE 'set' END /* ?9 */"
                      " FROM (SELECT 'q?' AS \"x\") AS t -- ?8",
                      "它's?q?|9007199254740994|null");
  assert_same_answer (pg, _jd_store_get_conn (ref.store),
                      "SELECT ?2, CASE WHEN ?3 IS NULL AND ?1 IS NOT NULL THEN 1 ELSE 0 END",
                      "9007199254740993|1");
  /* A NULL the server infers the type of from the column it meets. */
  assert_same_answer (pg, _jd_store_get_conn (ref.store),
                      "SELECT count(*), min (key) FROM settings"
                      " WHERE (?3 IS NULL OR key = ?3) AND ?2 > 0 AND ?1 IS NOT NULL",
                      "2|correction_rate_denominator");
  reference_close (&ref);

  /* NULL, bound or never bound, into typed columns; then the same
   * statement again with a value. */
  stmt = _jd_db_prepare (pg, "INSERT INTO agencies (code, name, level, parent_id, region)"
                             " VALUES (?1, ?1, 'city', ?2, ?3) RETURNING coalesce (parent_id, -1), region IS NULL",
                         &error);
  g_assert_no_error (error);
  for (int i = 0; i < 2; i++)
    {
      _jd_db_bind_text (stmt, 1, i == 0 ? "N1" : "N2");
      if (i == 0)
        _jd_db_bind_null (stmt, 2);
      else
        _jd_db_bind_int64 (stmt, 2, first_id);
      g_assert_cmpint (_jd_db_step (stmt, &error), ==, JD_DB_ROW);
      g_assert_no_error (error);
      g_assert_cmpint (_jd_db_column_int64 (stmt, 0), ==, i == 0 ? -1 : first_id);
      g_assert_cmpint (_jd_db_column_int64 (stmt, 1), ==, 1);
      _jd_db_reset (stmt);
      if (i == 0)
        first_id = _jd_db_query_int64 (pg, "SELECT id FROM agencies WHERE code = 'N1'", -1, NULL);
    }
}

/* Sums, averages and conditions read as numbers: a numeric "12.000" as
 * 12, "t" as 1; each against the sums worked out here. */
static void
test_numbers (void)
{
  g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdDbStmt) insert = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 expected_n = 0, expected_fines = 0;
  double expected_score = 0;
  int n_rows = 0;
  JdDb *pg;

  if (conninfo == NULL)
    return;

  store = jd_test_pg_open (conninfo, NULL);
  pg = _jd_store_get_conn (store);

  insert = _jd_db_prepare (pg, "INSERT INTO roll_reviews (month, agency_id, domain_id, grade, n, score_sum, scored)"
                               " VALUES (?1, ?2, 0, 'good', ?3, ?4, ?3)", &error);
  g_assert_no_error (error);
  for (int month = 202401; month <= 202412; month++)
    for (int agency = 1; agency <= 3; agency++)
      {
        gint64 n = month % 7 + agency * G_GINT64_CONSTANT (1000000000000);
        double score = (month % 10) * 0.1 + agency;

        _jd_db_bind_int64 (insert, 1, month);
        _jd_db_bind_int64 (insert, 2, agency);
        _jd_db_bind_int64 (insert, 3, n);
        _jd_db_bind_double (insert, 4, score);
        g_assert_true (_jd_db_step_done (insert, &error));
        g_assert_no_error (error);
        g_assert_cmpint (_jd_db_changes (pg), ==, 1);
        expected_n += n;
        expected_score += score;
        if (agency == 2)
          expected_fines += n;
        n_rows++;
      }

  stmt = _jd_db_prepare (pg, "SELECT sum (n), sum (score_sum), avg (n), count(*),"
                             " sum (CASE WHEN agency_id = ?1 THEN n ELSE 0 END), 1 < 2, 2 < 1,"
                             " sum (n) / 1000.0"
                             " FROM roll_reviews", &error);
  g_assert_no_error (error);
  _jd_db_bind_int64 (stmt, 1, 2);
  g_assert_cmpint (_jd_db_step (stmt, &error), ==, JD_DB_ROW);
  g_assert_no_error (error);
  g_assert_cmpint (_jd_db_column_int64 (stmt, 0), ==, expected_n);
  g_assert_cmpfloat_with_epsilon (_jd_db_column_double (stmt, 1), expected_score, 1e-9);
  g_assert_cmpint (_jd_db_column_int64 (stmt, 2), ==, expected_n / n_rows);
  g_assert_cmpfloat_with_epsilon (_jd_db_column_double (stmt, 2), (double)expected_n / n_rows, 1.0);
  g_assert_cmpint (_jd_db_column_int (stmt, 3), ==, n_rows);
  g_assert_cmpint (_jd_db_column_int64 (stmt, 4), ==, expected_fines);
  g_assert_cmpint (_jd_db_column_int64 (stmt, 5), ==, 1);
  g_assert_cmpstr (_jd_db_column_text (stmt, 5), ==, "1");
  g_assert_cmpint (_jd_db_column_int64 (stmt, 6), ==, 0);
  g_assert_cmpint (_jd_db_column_int64 (stmt, 7), ==, expected_n / 1000);
  g_assert_cmpint (_jd_db_step (stmt, &error), ==, JD_DB_DONE);
  _jd_db_stmt_free (g_steal_pointer (&stmt));

  /* Rows one by one, again after a reset; what an UPDATE changed. */
  stmt = _jd_db_prepare (pg, "SELECT month FROM roll_reviews WHERE agency_id = ? ORDER BY month", &error);
  g_assert_no_error (error);
  _jd_db_bind_int64 (stmt, 1, 3);
  for (int pass = 0; pass < 2; pass++)
    {
      int month = 202401;

      while (_jd_db_step (stmt, &error) == JD_DB_ROW)
        g_assert_cmpint (_jd_db_column_int (stmt, 0), ==, month++);
      g_assert_no_error (error);
      g_assert_cmpint (month, ==, 202413);
      _jd_db_reset (stmt);
    }
  jd_test_pg_exec (pg, "UPDATE roll_reviews SET n = n + 1 WHERE month BETWEEN 202403 AND 202405");
  g_assert_cmpint (_jd_db_changes (pg), ==, 3 * 3);

  /* A new row's id, from RETURNING. */
  _jd_db_stmt_free (g_steal_pointer (&stmt));
  stmt = _jd_db_prepare (pg, "INSERT INTO agencies (code, name, level) VALUES (?, ?, 'county') RETURNING id", &error);
  _jd_db_bind_text (stmt, 1, "B");
  _jd_db_bind_text (stmt, 2, "县局");
  g_assert_cmpint (_jd_db_step (stmt, &error), ==, JD_DB_ROW);
  g_assert_no_error (error);
  g_assert_cmpint (_jd_db_column_int64 (stmt, 0), ==,
                   _jd_db_query_int64 (pg, "SELECT max (id) FROM agencies", -1, NULL));
}

/* A read sees one state of the store, though another program commits. */
static void
test_read_snapshot (void)
{
  g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdStore) writer = NULL;
  g_autoptr(GError) error = NULL;
  const char *count = "SELECT count(*) FROM settings";
  JdDb *pg;

  if (conninfo == NULL)
    return;

  store = jd_test_pg_open (conninfo, NULL);
  writer = jd_test_pg_open (conninfo, NULL);
  pg = _jd_store_get_conn (store);

  g_assert_true (_jd_db_read_begin (pg, &error));
  g_assert_cmpint (_jd_db_query_int64 (pg, count, -1, NULL), ==, 2);
  jd_test_pg_exec (_jd_store_get_conn (writer), "INSERT INTO settings (key, value) VALUES ('a', '1')");
  g_assert_true (_jd_db_read_begin (pg, &error));   /* nested: a savepoint */
  g_assert_cmpint (_jd_db_query_int64 (pg, count, -1, NULL), ==, 2);
  _jd_db_read_end (pg);
  g_assert_cmpint (_jd_db_query_int64 (pg, count, -1, NULL), ==, 2);
  _jd_db_read_end (pg);
  g_assert_cmpint (_jd_db_query_int64 (pg, count, -1, NULL), ==, 3);
  g_assert_cmpint (PQtransactionStatus (_jd_db_get_pg (pg)), ==, PQTRANS_IDLE);

  /* Inside a write, a read is a savepoint in it. */
  g_assert_true (_jd_store_begin_write (store, NULL, NULL, NULL, &error));
  jd_test_pg_exec (pg, "INSERT INTO settings (key, value) VALUES ('b', '2')");
  g_assert_true (_jd_db_read_begin (pg, &error));
  g_assert_cmpint (_jd_db_query_int64 (pg, count, -1, NULL), ==, 4);
  _jd_db_read_end (pg);
  g_assert_cmpint (PQtransactionStatus (_jd_db_get_pg (pg)), ==, PQTRANS_INTRANS);
  jd_test_pg_exec (pg, "ROLLBACK");
  g_assert_cmpint (_jd_db_query_int64 (pg, count, -1, NULL), ==, 3);
}

static void
test_errors (void)
{
  g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
  g_autoptr(JdStore) store = NULL;
  const char *broken[] = {
    "INSERT INTO settings (key, value) VALUES ('loss_rate_denominator', 'x')",  /* unique */
    "INSERT INTO agencies (code, name, level) VALUES ('X', 'X', 'province')",    /* check */
    "INSERT INTO leniency_items (code, title, kind, effective_on, agency_id)"
    " VALUES ('X', 'X', 'lighter', '2026-01-01', 999)",                          /* foreign key */
    "INSERT INTO settings (key) VALUES ('no_value')",                            /* not null */
  };
  JdDb *pg;

  if (conninfo == NULL)
    return;

  store = jd_test_pg_open (conninfo, NULL);
  pg = _jd_store_get_conn (store);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdDbStmt) stmt = _jd_db_prepare (pg, broken[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (_jd_db_step (stmt, &error), ==, JD_DB_ERROR);
      g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CONSTRAINT);
      g_clear_error (&error);
      g_assert_false (_jd_db_exec (pg, broken[i], &error));
      g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CONSTRAINT);
    }

  {
    g_autoptr(GError) error = NULL;

    /* Not a constraint: some other failure, in the server's words. */
    g_assert_false (_jd_db_exec (pg, "SELECT nothing FROM settings", &error));
    g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, "nothing"));
  }
}

static void
test_poll (void)
{
  g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdStore) other = NULL;
  JdDb *db;

  if (conninfo == NULL)
    return;

  store = jd_test_pg_open (conninfo, NULL);
  other = jd_test_pg_open (conninfo, NULL);
  db = _jd_store_get_conn (other);
  g_assert_false (jd_store_poll_changes (store));

  jd_test_pg_exec (db, "INSERT INTO imports (file_name, sha256, entity, started_at)"
               " VALUES ('a.csv', 'x', 'cases', '2026-01-01')");
  g_assert_true (jd_store_poll_changes (store));
  g_assert_false (jd_store_poll_changes (store));

  jd_test_pg_exec (db, "UPDATE imports SET undone_at = '2026-01-02'");
  g_assert_true (jd_store_poll_changes (store));
  jd_test_pg_exec (db, "UPDATE settings SET value = 'filed' WHERE key = 'loss_rate_denominator'");
  g_assert_true (jd_store_poll_changes (store));
  jd_test_pg_exec (db, "INSERT INTO deck_slides (period, position, kind) VALUES ('2026-01', 0, 'overview')");
  g_assert_true (jd_store_poll_changes (store));
  jd_test_pg_exec (db, "UPDATE deck_slides SET hidden = 1");
  g_assert_true (jd_store_poll_changes (store));
  g_assert_false (jd_store_poll_changes (store));

  /* Checkpoints are the server's business. */
  _jd_store_checkpoint (store);
  g_assert_false (jd_store_poll_changes (store));
}

/* Checking and summing again the summary tables, which the server's
 * records disagree with when rows are written around them. */
static void
test_verify (void)
{
  g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDbStmt) insert = NULL;
  gint64 agency, fines = 0;
  int first, last;
  JdDb *pg;

  if (conninfo == NULL)
    return;

  store = jd_test_pg_open (conninfo, NULL);
  pg = _jd_store_get_conn (store);
  g_assert_true (jd_store_verify (store, NULL, &error));
  g_assert_no_error (error);

  agency = _jd_db_query_int64 (pg, "INSERT INTO agencies (code, name, level) VALUES ('A', '甲局', 'city')"
                                   " RETURNING id", -1, &error);
  g_assert_no_error (error);
  insert = _jd_db_prepare (pg, "INSERT INTO cases (agency_id, case_no, kind, opened_on, decided_on, fine_fen)"
                               " VALUES (?1, ?2, 'penalty', '2025-12-30', ?3, ?4)", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *case_no = g_strdup_printf ("C%d", i);
      g_autofree char *decided_on = g_strdup_printf ("2026-0%d-15", 1 + i % 2);

      _jd_db_bind_int64 (insert, 1, agency);
      _jd_db_bind_text (insert, 2, case_no);
      _jd_db_bind_text (insert, 3, decided_on);
      _jd_db_bind_int64 (insert, 4, 10000 * (i + 1));
      g_assert_true (_jd_db_step_done (insert, &error));
      g_assert_no_error (error);
      fines += 10000 * (i + 1);
    }

  g_assert_false (jd_store_verify (store, NULL, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_SUMMARIES);
  g_clear_error (&error);

  g_assert_true (jd_store_rebuild_summaries (store, &error));
  g_assert_no_error (error);
  g_assert_true (jd_store_verify (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (_jd_db_query_int64 (pg, "SELECT sum (n) FROM roll_cases", -1, NULL), ==, 5);
  g_assert_cmpint (_jd_db_query_int64 (pg, "SELECT sum (fines_fen) FROM roll_cases", -1, NULL), ==, fines);
  g_assert_cmpint (_jd_db_query_int64 (pg, "SELECT sum (n) FROM roll_cases WHERE month = 202602", -1, NULL), ==, 2);
  g_assert_true (jd_store_get_month_range (store, &first, &last));
  g_assert_cmpint (first, ==, 202512);
  g_assert_cmpint (last, ==, 202602);
}

/* A connection the server closed is made again for the next statement. */
static void
test_reconnect (void)
{
  g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kill = NULL;
  gint64 pid;
  JdDb *pg;

  if (conninfo == NULL)
    return;

  store = jd_test_pg_open (conninfo, NULL);
  other = jd_test_pg_open (conninfo, NULL);
  pg = _jd_store_get_conn (store);
  pid = _jd_db_query_int64 (pg, "SELECT pg_backend_pid ()", -1, &error);
  g_assert_no_error (error);

  kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", pid);
  jd_test_pg_exec (_jd_store_get_conn (other), kill);
  g_assert_false (_jd_db_exec (pg, "SELECT 1", &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CONNECT);
  g_clear_error (&error);

  g_assert_cmpint (_jd_db_query_int64 (pg, "SELECT count(*) FROM settings", -1, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (_jd_db_query_int64 (pg, "SELECT pg_backend_pid ()", -1, NULL), !=, pid);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-pg/create", test_create);
  g_test_add_func ("/store-pg/reopen", test_reopen);
  g_test_add_func ("/store-pg/refusals", test_refusals);
  g_test_add_func ("/store-pg/path", test_path);
  g_test_add_func ("/store-pg/parameters", test_parameters);
  g_test_add_func ("/store-pg/numbers", test_numbers);
  g_test_add_func ("/store-pg/read-snapshot", test_read_snapshot);
  g_test_add_func ("/store-pg/errors", test_errors);
  g_test_add_func ("/store-pg/poll", test_poll);
  g_test_add_func ("/store-pg/reconnect", test_reconnect);
  g_test_add_func ("/store-pg/verify", test_verify);

  return g_test_run ();
}

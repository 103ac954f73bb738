/* test-server-pg.c — jiandu-cli server-init: the roles of a store on a server
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against the server JIANDU_TEST_PG names (jd-test-pg.h), through the
 * built command line, as an administrator would; then as each role.  The
 * roles are the cluster's, not the database's: each test names its own,
 * and drops them after its database.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "jd-store-private.h"
#include "jd-test-pg.h"

typedef struct
{
  char *importer;
  char *reader;
} Roles;

static void
roles_init (Roles      *roles,
            const char *kind)
{
  roles->importer = g_strdup_printf ("jd_%s_importer_%d", kind, (int)getpid ());
  roles->reader = g_strdup_printf ("jd_%s_reader_%d", kind, (int)getpid ());
}

/* After the database: its grants and settings go with it. */
static void
roles_drop (Roles *roles)
{
  g_autofree char *sql = g_strdup_printf ("DROP ROLE IF EXISTS %s, %s", roles->importer, roles->reader);

  jd_test_pg_admin_exec (sql);
  g_free (roles->importer);
  g_free (roles->reader);
}

/* Runs jiandu-cli with @input on its standard input; its exit status. */
static int
run_cli (const char  *input,
         char       **out_stdout,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *)g_getenv ("JIANDU_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &output, &errors, &error);
  g_assert_no_error (error);
  if (errors != NULL && *errors != '\0')
    g_test_message ("jiandu-cli: %s", errors);
  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&output);
  return g_subprocess_get_exit_status (process);
}

static void
assert_refused (JdDb       *db,
                const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (_jd_db_exec (db, sql, &error))
    g_error ("“%s” was allowed", sql);
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_READ_ONLY);
}

/* Tries to insert into, update and delete from every table of the store;
 * returns how many tables it tried. */
static int
assert_writes_refused (JdDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDbStmt) tables = NULL;
  int n_tables = 0;

  tables = _jd_db_prepare (db,
                           "SELECT table_name, (SELECT column_name FROM information_schema.columns AS c"
                           "  WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name"
                           "  AND c.is_generated = 'NEVER' ORDER BY ordinal_position LIMIT 1)"
                           " FROM information_schema.tables AS t WHERE table_schema = current_schema ()",
                           &error);
  g_assert_no_error (error);
  while (_jd_db_step (tables, &error) == JD_DB_ROW)
    {
      const char *table = _jd_db_column_text (tables, 0);
      const char *column = _jd_db_column_text (tables, 1);
      g_autofree char *insert = g_strdup_printf ("INSERT INTO %s DEFAULT VALUES", table);
      g_autofree char *update = g_strdup_printf ("UPDATE %s SET %s = %s", table, column, column);
      g_autofree char *delete = g_strdup_printf ("DELETE FROM %s", table);

      assert_refused (db, insert);
      assert_refused (db, update);
      assert_refused (db, delete);
      n_tables++;
    }
  g_assert_no_error (error);
  return n_tables;
}

static void
test_roles (void)
{
  g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
  g_autoptr(JdStore) owner = NULL;
  g_autoptr(JdStore) reader = NULL;
  g_autoptr(JdStore) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gint64 n_tables;
  gint64 id;
  JdDb *db;
  Roles roles;

  if (conninfo == NULL)
    return;

  roles_init (&roles, "login");
  for (int run = 0; run < 2; run++)   /* and again: nothing changes */
    {
      g_clear_pointer (&output, g_free);
      g_assert_cmpint (run_cli (NULL, &output, "server-init", "--db", conninfo, "--importer", roles.importer,
                                "--reader", roles.reader, "--login", NULL), ==, 0);
      g_assert_nonnull (strstr (output, roles.reader));
    }
  owner = jd_test_pg_open (conninfo, NULL);
  n_tables = _jd_db_query_int64 (_jd_store_get_conn (owner),
                                 "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema ()",
                                 -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_tables, >, 20);

  /* The reader reads, and writes nothing, even with its read-only
   * default turned off: it has no privilege to. */
  reader = jd_test_pg_open (conninfo, roles.reader);
  db = _jd_store_get_conn (reader);
  g_assert_true (jd_store_is_empty (reader));
  g_assert_cmpint (_jd_db_query_int64 (db, "SELECT count(*) FROM domains", -1, &error), ==, 15);
  g_assert_no_error (error);
  g_assert_false (jd_store_poll_changes (reader));
  g_assert_cmpint (assert_writes_refused (db), ==, n_tables);
  jd_test_pg_exec (db, "SET default_transaction_read_only = off");
  g_assert_cmpint (assert_writes_refused (db), ==, n_tables);
  assert_refused (db, "CREATE TABLE mine (a BIGINT)");

  /* The importer writes the data, but not the schema or its version. */
  importer = jd_test_pg_open (conninfo, roles.importer);
  db = _jd_store_get_conn (importer);
  id = _jd_db_query_int64 (db, "INSERT INTO imports (file_name, sha256, entity, started_at)"
                               " VALUES ('a.csv', 'x', 'agencies', '2026-01-01') RETURNING id", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  jd_test_pg_exec (db, "INSERT INTO agencies (code, name, level) VALUES ('A', '甲局', 'city')");
  jd_test_pg_exec (db, "UPDATE agencies SET region = '东区'");
  jd_test_pg_exec (db, "DELETE FROM agencies");
  jd_test_pg_exec (db, "CREATE TEMPORARY TABLE staging (a BIGINT)");
  assert_refused (db, "UPDATE jiandu_meta SET value = '9'");
  assert_refused (db, "CREATE TABLE mine (a BIGINT)");

  /* What the importer did, the reader sees. */
  g_assert_true (jd_store_poll_changes (reader));

  g_clear_object (&owner);
  g_clear_object (&reader);
  g_clear_object (&importer);
  jd_test_pg_database_free (g_steal_pointer (&conninfo));
  roles_drop (&roles);
}

/* Without --login, the roles are groups: nobody logs in as them.  With
 * passwords, they do, and the server keeps a verifier, not the password. */
static void
test_groups_and_passwords (void)
{
  g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
  g_autoptr(JdStore) owner = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *as_reader = NULL;
  g_autofree char *check = NULL;
  Roles roles;

  if (conninfo == NULL)
    return;

  roles_init (&roles, "group");
  g_assert_cmpint (run_cli (NULL, NULL, "server-init", "--db", conninfo, "--importer", roles.importer,
                            "--reader", roles.reader, NULL), ==, 0);
  as_reader = _jd_db_pg_conninfo_set (conninfo, "user", roles.reader, NULL);
  store = jd_store_open (as_reader, &error);
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CONNECT);
  g_assert_null (store);
  g_clear_error (&error);

  /* A second line missing: refused before anything is done. */
  g_assert_cmpint (run_cli ("only-one\n", NULL, "server-init", "--db", conninfo, "--importer", roles.importer,
                            "--reader", roles.reader, "--passwords-from-stdin", NULL), ==, 2);
  g_assert_cmpint (run_cli ("imp0rter'pw\nread3r\n", NULL, "server-init", "--db", conninfo,
                            "--importer", roles.importer, "--reader", roles.reader,
                            "--passwords-from-stdin", NULL), ==, 0);
  store = jd_test_pg_open (conninfo, roles.reader);
  g_clear_object (&store);

  owner = jd_test_pg_open (conninfo, NULL);
  check = g_strdup_printf ("SELECT count(*) FROM pg_authid WHERE rolcanlogin"
                           " AND rolpassword LIKE 'SCRAM-SHA-256$%%' AND rolname IN ('%s', '%s')",
                           roles.importer, roles.reader);
  g_assert_cmpint (_jd_db_query_int64 (_jd_store_get_conn (owner), check, -1, &error), ==, 2);
  g_assert_no_error (error);

  g_clear_object (&owner);
  jd_test_pg_database_free (g_steal_pointer (&conninfo));
  roles_drop (&roles);
}

/* A file is no server: refused, and not created. */
static void
test_file_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiandu-server-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "city.db", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (run_cli (NULL, NULL, "server-init", "--db", path, NULL), ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("JIANDU_CLI") == NULL)
    g_error ("JIANDU_CLI is not set");

  g_test_add_func ("/server-pg/roles", test_roles);
  g_test_add_func ("/server-pg/groups-and-passwords", test_groups_and_passwords);
  g_test_add_func ("/server-pg/file-refused", test_file_refused);

  return g_test_run ();
}

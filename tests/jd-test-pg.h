/* jd-test-pg.h — a database of its own on the test server, for each test
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests of the PostgreSQL store run against the server JIANDU_TEST_PG
 * names ("host=DIR dbname=postgres user=postgres": the throw-away cluster
 * build-aux/jiandu-dev test starts).  Each test takes a new, empty
 * database there and drops it when done:
 *
 *   g_autoptr(JdTestPgDatabase) conninfo = jd_test_pg_database_new ();
 *
 *   if (conninfo == NULL)
 *     return;   // no server: skipped (failed when CI is set)
 *   store = jd_test_pg_open (conninfo, NULL);   // or jd_store_open (conninfo, &error)
 *
 * Without JIANDU_TEST_PG the test is skipped, unless CI is set: then it
 * fails, so that CI cannot pass without having run it.
 */

#pragma once

#include <unistd.h>

#include <glib.h>

#include "jd-db-pg-private.h"
#include "jd-store.h"

/* A connection string naming a test's own database ("… dbname='jd_test_…'"). */
typedef char JdTestPgDatabase;

/* The server, or NULL with the test skipped (or failed, on CI). */
static inline const char *
jd_test_pg_server (void)
{
  const char *server = g_getenv ("JIANDU_TEST_PG");

  if (server != NULL && *server != '\0')
    return server;

  if (g_getenv ("CI") != NULL)
    g_test_fail_printf ("JIANDU_TEST_PG is not set, and CI must test the PostgreSQL store "
                        "(build-aux/jiandu-dev test starts a server)");
  else
    g_test_skip ("JIANDU_TEST_PG is not set (build-aux/jiandu-dev test starts a server)");
  return NULL;
}

/* Runs @sql on the server's own database (dbname=postgres unless
 * JIANDU_TEST_PG names another): CREATE and DROP DATABASE, roles. */
static inline void
jd_test_pg_admin_exec (const char *sql)
{
  const char *server = jd_test_pg_server ();
  g_autofree char *dbname = NULL;
  g_autofree char *admin = NULL;
  g_autoptr(GError) error = NULL;
  JdDb *db;

  g_assert_nonnull (server);
  dbname = _jd_db_pg_conninfo_get (server, "dbname");
  admin = _jd_db_pg_conninfo_set (server, "dbname", dbname != NULL ? dbname : "postgres", &error);
  g_assert_no_error (error);

  db = _jd_db_connect_pg (admin, NULL, &error);
  g_assert_no_error (error);
  _jd_db_exec (db, sql, &error);
  g_assert_no_error (error);
  _jd_db_free (db);
}

/**
 * jd_test_pg_database_new:
 *
 * Creates an empty database, jd_test_PID_N, on the test server.
 *
 * Returns: (transfer full) (nullable): its connection string (the
 *   server's, with its dbname), for jd_store_open(); %NULL when there is
 *   no server and the test is skipped
 */
static inline JdTestPgDatabase *
jd_test_pg_database_new (void)
{
  static int counter;
  const char *server = jd_test_pg_server ();
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  char *conninfo;

  if (server == NULL)
    return NULL;

  name = g_strdup_printf ("jd_test_%d_%d", (int)getpid (), ++counter);
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8'", name);
  jd_test_pg_admin_exec (sql);

  conninfo = _jd_db_pg_conninfo_set (server, "dbname", name, &error);
  g_assert_no_error (error);
  return conninfo;
}

/* Drops the database (closing whatever connections are left on it) and
 * frees its connection string. */
static inline void
jd_test_pg_database_free (JdTestPgDatabase *conninfo)
{
  g_autofree char *name = _jd_db_pg_conninfo_get (conninfo, "dbname");
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);

  jd_test_pg_admin_exec (sql);
  g_free (conninfo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdTestPgDatabase, jd_test_pg_database_free)

/* Opens the store on @conninfo as @role (NULL: as JIANDU_TEST_PG's user,
 * who owns the test databases); asserts it opens at this version. */
static inline JdStore *
jd_test_pg_open (const char *conninfo,
                 const char *role)
{
  g_autofree char *as_role = role != NULL ? _jd_db_pg_conninfo_set (conninfo, "user", role, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  JdStore *store = jd_store_open (as_role != NULL ? as_role : conninfo, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (jd_store_get_schema_version (store), ==, JD_STORE_SCHEMA_VERSION);
  return store;
}

/* Runs @sql on @db, asserting it succeeds. */
static inline void
jd_test_pg_exec (JdDb       *db,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;

  _jd_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

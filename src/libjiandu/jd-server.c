/* jd-server.c — what the administrator of a server store sets up
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * jiandu-cli server-init: the roles that import and that only read, and
 * what each may do.  The schema itself is created (or updated) by opening
 * the store as its owner.  Everything can be run again: roles that exist
 * are kept, the grants are given again, so after an update that added
 * tables a second run covers them.
 */

#define G_LOG_DOMAIN "jd-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-db-pg-private.h"
#include "jd-server.h"
#include "jd-store-private.h"

/* Creates role @name if it does not exist; makes it log in (with
 * @password, when given) if @login. */
static gboolean
ensure_role (JdDb        *db,
             const char  *name,
             gboolean     login,
             const char  *password,
             GError     **error)
{
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autofree char *ident = _jd_db_pg_quote_ident (db, name);
  g_autofree char *secret = NULL;
  g_autofree char *sql = NULL;
  gboolean exists;

  stmt = _jd_db_prepare (db, "SELECT count(*) FROM pg_roles WHERE rolname = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _jd_db_bind_text (stmt, 1, name);
  if (_jd_db_step (stmt, error) != JD_DB_ROW)
    return FALSE;
  exists = _jd_db_column_int64 (stmt, 0) > 0;

  /* Sent as its SCRAM verifier, never in clear text the server's log
   * might keep. */
  if (password != NULL)
    {
      secret = _jd_db_pg_encrypt_password (db, password, name, error);
      if (secret == NULL)
        return FALSE;
    }

  if (exists && !login)
    return TRUE;
  sql = g_strdup_printf ("%s ROLE %s %s%s%s", exists ? "ALTER" : "CREATE", ident,
                         login ? "LOGIN" : "NOLOGIN",
                         secret != NULL ? " PASSWORD " : "", secret != NULL ? secret : "");
  return _jd_db_exec (db, sql, error);
}

/* The grants, in the store's schema, for roles @importer and @reader
 * (quoted identifiers). */
static char *
grants_sql (JdDb       *db,
            const char *importer,
            const char *reader,
            GError    **error)
{
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (db, "SELECT current_database (), current_schema ()", error);
  g_autofree char *database = NULL;
  g_autofree char *schema = NULL;

  if (stmt == NULL || _jd_db_step (stmt, error) != JD_DB_ROW)
    return NULL;
  database = _jd_db_pg_quote_ident (db, _jd_db_column_text (stmt, 0));
  schema = _jd_db_pg_quote_ident (db, _jd_db_column_text (stmt, 1));

  return g_strdup_printf (
    /* Nobody but the owner creates objects in public (PostgreSQL 15's
     * default, not older servers'). */
    "REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
    "GRANT CONNECT ON DATABASE %1$s TO %3$s, %4$s;"
    /* The import's staging tables are temporary ones. */
    "GRANT TEMPORARY ON DATABASE %1$s TO %3$s;"
    "GRANT USAGE ON SCHEMA %2$s TO %3$s, %4$s;"
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %2$s TO %3$s;"
    "GRANT USAGE ON ALL SEQUENCES IN SCHEMA %2$s TO %3$s;"
    /* The schema version is the owner's, who updates the schema. */
    "REVOKE INSERT, UPDATE, DELETE ON jiandu_meta FROM %3$s;"
    "GRANT SELECT ON ALL TABLES IN SCHEMA %2$s TO %4$s;"
    /* Tables a later version adds, when the owner updates the store. */
    "ALTER DEFAULT PRIVILEGES IN SCHEMA %2$s GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %3$s;"
    "ALTER DEFAULT PRIVILEGES IN SCHEMA %2$s GRANT USAGE ON SEQUENCES TO %3$s;"
    "ALTER DEFAULT PRIVILEGES IN SCHEMA %2$s GRANT SELECT ON TABLES TO %4$s;"
    /* And the reader's transactions are read-only from the start: a
     * write fails before the privileges are even looked at. */
    "ALTER ROLE %4$s IN DATABASE %1$s SET default_transaction_read_only = on;",
    database, schema, importer, reader);
}

/**
 * jd_server_init:
 * @store: a store on a PostgreSQL server, opened by its owner (who may
 *   create roles)
 * @roles: the roles' names and whether they log in
 *
 * Creates the role that imports and the role that only reads, if missing,
 * and gives them what they may do, in one transaction: the importer
 * SELECT, INSERT, UPDATE and DELETE on every table (but the schema
 * version) and USAGE on the sequences; the reader SELECT only, in
 * read-only transactions; CREATE on schema public is taken from PUBLIC.
 * Run again, it keeps the roles (making them log in when @roles says so)
 * and grants again.
 */
gboolean
jd_server_init (JdStore              *store,
                const JdServerRoles  *roles,
                GError              **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  const char *importer = roles->importer != NULL ? roles->importer : JD_SERVER_IMPORTER_ROLE;
  const char *reader = roles->reader != NULL ? roles->reader : JD_SERVER_READER_ROLE;
  g_autofree char *importer_ident = NULL;
  g_autofree char *reader_ident = NULL;
  g_autofree char *lock = NULL;
  g_autofree char *grants = NULL;
  JdDb *db;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);
  g_return_val_if_fail (roles != NULL, FALSE);

  db = _jd_store_get_conn (store);
  if (_jd_db_get_kind (db) != JD_DB_POSTGRESQL)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED,
                   _("“%s” is a file: roles are for a store on a PostgreSQL server"),
                   jd_store_get_path (store));
      return FALSE;
    }
  if (g_strcmp0 (importer, reader) == 0 || *importer == '\0' || *reader == '\0')
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED,
                   _("The importing role and the reading role need two names"));
      return FALSE;
    }

  locker = _jd_store_locker_new (store);
  importer_ident = _jd_db_pg_quote_ident (db, importer);
  reader_ident = _jd_db_pg_quote_ident (db, reader);
  lock = g_strdup_printf ("SELECT pg_advisory_xact_lock (%d)", JD_STORE_APPLICATION_ID);

  if (!_jd_db_exec (db, "BEGIN", error))
    return FALSE;
  if (!_jd_db_exec (db, lock, error) ||
      !ensure_role (db, importer, roles->login || roles->importer_password != NULL,
                    roles->importer_password, error) ||
      !ensure_role (db, reader, roles->login || roles->reader_password != NULL,
                    roles->reader_password, error) ||
      (grants = grants_sql (db, importer_ident, reader_ident, error)) == NULL ||
      !_jd_db_exec (db, grants, error) ||
      !_jd_db_exec (db, "COMMIT", error))
    {
      _jd_db_exec (db, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

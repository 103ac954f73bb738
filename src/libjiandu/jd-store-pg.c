/* jd-store-pg.c — the store on a PostgreSQL server
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What jd_store_open() does when it is given a server instead of a file:
 * connects, then finds the schema version in jiandu_meta.  A store at this
 * build's version is only read, so that a role that may only read opens
 * it; one that must be created or updated is, in one transaction, under an
 * advisory lock that makes a second program opening it meanwhile wait
 * and then find it done.
 */

#define G_LOG_DOMAIN "jd-store"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "jd-db-pg-private.h"
#include "jd-rollup-private.h"
#include "jd-store-private.h"

/* The version the whole schema (jd-schema-pg.sql) creates. */
#define PG_BASE_VERSION 8

/* The schema at PG_BASE_VERSION, then one file a version after it, which
 * takes it from N-1 to N: jd-schema-pg-9.sql … Only ever appended.  A new
 * SQLite migration (jd-store.c) needs its PostgreSQL one here. */
static const char * const pg_migrations[] = {
  "/io/github/jiandu/core/jd-schema-pg.sql",
};
G_STATIC_ASSERT (PG_BASE_VERSION + G_N_ELEMENTS (pg_migrations) - 1 == JD_STORE_SCHEMA_VERSION);

static char *
query_text (JdDb        *db,
            const char  *sql,
            GError     **error)
{
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  if (_jd_db_step (stmt, error) != JD_DB_ROW)
    return NULL;
  return g_strdup (_jd_db_column_text (stmt, 0));
}

/* The schema version of the store @db is connected to: 0 when the schema
 * holds no Jiandu store and nothing else, -1 with @error set when it holds
 * another program's tables or cannot be read. */
static int
read_version (JdDb        *db,
              const char  *display,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *version = NULL;
  gint64 n_tables;
  gint64 has_meta;

  has_meta = _jd_db_query_int64 (db,
                                 "SELECT count(*) FROM information_schema.tables"
                                 " WHERE table_schema = current_schema () AND table_name = 'jiandu_meta'",
                                 -1, &local_error);
  if (has_meta < 0)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }

  if (has_meta == 0)
    {
      n_tables = _jd_db_query_int64 (db,
                                     "SELECT count(*) FROM information_schema.tables"
                                     " WHERE table_schema = current_schema ()",
                                     -1, error);
      if (n_tables < 0)
        return -1;
      if (n_tables > 0)
        {
          g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_JIANDU,
                       _("“%s” holds the tables of another program, not a Jiandu store"), display);
          return -1;
        }
      return 0;
    }

  version = query_text (db, "SELECT value FROM jiandu_meta WHERE key = 'schema_version'", &local_error);
  if (version == NULL || atoi (version) < PG_BASE_VERSION)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_JIANDU,
                     _("“%s” is not a Jiandu store: it gives no valid schema version"), display);
      return -1;
    }

  return atoi (version);
}

static gboolean
refuse_newer (int          version,
              const char  *display,
              GError     **error)
{
  if (version <= JD_STORE_SCHEMA_VERSION)
    return FALSE;

  g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_TOO_NEW,
               _("“%s” was written by a newer version of Jiandu (database version %d; this version reads up to %d). Please update Jiandu."),
               display, version, JD_STORE_SCHEMA_VERSION);
  return TRUE;
}

static gboolean
run_resource (JdDb        *db,
              const char  *resource,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, error);
  g_autofree char *sql = NULL;
  const char *data;
  gsize len;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  sql = g_strndup (data, len);
  return _jd_db_exec (db, sql, error);
}

/* Creates or updates the schema, in one transaction under the lock. */
static gboolean
migrate (JdDb        *db,
         const char  *display,
         GError     **error)
{
  g_autofree char *footer = NULL;
  int version;

  if (!_jd_db_exec (db, "BEGIN ISOLATION LEVEL READ COMMITTED", error))
    return FALSE;

  /* Whoever took the lock first creates the schema; who waited finds it
   * there (each statement of READ COMMITTED sees what was committed). */
  footer = g_strdup_printf ("SELECT pg_advisory_xact_lock (%d)", JD_STORE_APPLICATION_ID);
  if (!_jd_db_exec (db, footer, error))
    goto rollback;
  g_clear_pointer (&footer, g_free);

  version = read_version (db, display, error);
  if (version < 0 || refuse_newer (version, display, error))
    goto rollback;

  if (version == 0)
    {
      if (!run_resource (db, pg_migrations[0], error))
        {
          g_prefix_error (error, _("Could not create the store: "));
          goto rollback;
        }
      version = PG_BASE_VERSION;
    }

  for (int next = version + 1; next <= JD_STORE_SCHEMA_VERSION; next++)
    if (!run_resource (db, pg_migrations[next - PG_BASE_VERSION], error))
      {
        g_prefix_error (error, _("Could not update the database to version %d: "), next);
        goto rollback;
      }

  footer = g_strdup_printf ("UPDATE jiandu_meta SET value = '%d' WHERE key = 'schema_version'",
                            JD_STORE_SCHEMA_VERSION);
  if (!_jd_db_exec (db, footer, error) || !_jd_db_exec (db, "COMMIT", error))
    goto rollback;

  return TRUE;

rollback:
  _jd_db_exec (db, "ROLLBACK", NULL);
  return FALSE;
}

/**
 * display_conninfo:
 * @conninfo: a libpq connection string
 *
 * Returns: (transfer full): @conninfo as the store shows it: without its
 *   password, if it held one
 */
static char *
display_conninfo (const char *conninfo)
{
  /* The passphrase of a client key (sslpassword) is as secret as the password. */
  static const char * const secrets[] = { "password", "sslpassword" };
  char *shown = g_strdup (conninfo);

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_autofree char *secret = _jd_db_pg_conninfo_get (shown, secrets[i]);
      char *without;

      if (secret != NULL && (without = _jd_db_pg_conninfo_set (shown, secrets[i], NULL, NULL)) != NULL)
        {
          g_free (shown);
          shown = without;
        }
    }

  return shown;
}

/* Connects to the server and makes sure it holds a Jiandu store at
 * JD_STORE_SCHEMA_VERSION: an empty schema gets one, an older one is
 * updated, a newer one (#JD_STORE_ERROR_TOO_NEW) or another program's
 * tables (#JD_STORE_ERROR_NOT_JIANDU) are refused and left as they were.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
static JdDb *
connect_store (const char  *conninfo,
               const char  *password,
               const char  *display,
               GError     **error)
{
  JdDb *db;
  int version;

  db = _jd_db_connect_pg (conninfo, password, error);
  if (db == NULL)
    return NULL;

  /* The usual case, and the only one a role that may only read can open:
   * the store is there at this version, and nothing is written. */
  version = read_version (db, display, error);
  if (version < 0 || refuse_newer (version, display, error))
    goto fail;

  if (version != JD_STORE_SCHEMA_VERSION && !migrate (db, display, error))
    goto fail;

  return db;

fail:
  _jd_db_free (db);
  return NULL;
}

/* What changes whenever anyone commits something the window shows: an
 * import (a new row in imports) or its undo, a setting, a report's
 * wording, a deck.  Each part is one index lookup or a scan of a small
 * table.  NULL when the server cannot be asked. */
static char *
read_fingerprint (JdDb *db)
{
  return query_text (db,
                     "SELECT concat_ws ('/',"
                     " (SELECT max (id) FROM imports),"
                     " (SELECT count (undone_at) FROM imports),"
                     " (SELECT md5 (string_agg (key || '=' || value, ',' ORDER BY key)) FROM settings),"
                     " (SELECT count(*) || ':' || coalesce (max (edited_at), '') FROM report_edits),"
                     " (SELECT md5 (string_agg (concat_ws (',', period, position, kind, hidden, agency, title, body),"
                     "                          ';' ORDER BY period, position)) FROM deck_slides))",
                     NULL);
}

/**
 * jd_store_open_server:
 * @conninfo: a PostgreSQL server: "postgresql://user@host/dbname", or
 *   "host=… dbname=… user=…", or "service=name" (any libpq connection
 *   string)
 * @password: (nullable): the user's password, when @conninfo, a service
 *   file or ~/.pgpass does not give it (the app's, from the keyring)
 * @error: a #GError
 *
 * Opens the Jiandu store on a server.  An empty schema gets one, at this
 * build's version, and an older one is updated, in one transaction; the
 * role that does it needs to create tables there (jiandu-cli server-init).
 * A store at this version is only read, so a role that may only read opens
 * it.  Refused with a #JdStoreError, and left as it was: a server that
 * cannot be reached or refuses the login (#JD_STORE_ERROR_CONNECT), a
 * schema with another program's tables (#JD_STORE_ERROR_NOT_JIANDU), a
 * newer store (#JD_STORE_ERROR_TOO_NEW).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
JdStore *
jd_store_open_server (const char  *conninfo,
                      const char  *password,
                      GError     **error)
{
  g_autoptr(JdStore) self = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);

  self = g_object_new (JD_TYPE_STORE, NULL);
  self->path = display_conninfo (conninfo);
  self->conn = connect_store (conninfo, password, self->path, error);
  if (self->conn == NULL)
    return NULL;

  self->schema_version = JD_STORE_SCHEMA_VERSION;
  self->fingerprint = read_fingerprint (self->conn);
  return g_steal_pointer (&self);
}

/* jd_store_poll_changes() on a server: another connection's commits, and
 * this one's, change the fingerprint. */
gboolean
_jd_store_pg_poll_changes (JdStore *self)
{
  g_autofree char *fingerprint = NULL;

  if (!g_rec_mutex_trylock (&self->lock))
    return FALSE;
  fingerprint = read_fingerprint (self->conn);
  g_rec_mutex_unlock (&self->lock);

  if (fingerprint == NULL || g_strcmp0 (fingerprint, self->fingerprint) == 0)
    return FALSE;

  g_free (self->fingerprint);
  self->fingerprint = g_steal_pointer (&fingerprint);
  return TRUE;
}

/* jd_store_verify() on a server, which keeps its pages itself: the summary
 * tables against the records, in one snapshot. */
gboolean
_jd_store_pg_verify (JdStore       *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (self);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (!_jd_db_read_begin (self->conn, error))
    return FALSE;
  ok = _jd_rollup_verify (self->conn, &local_error);
  _jd_db_read_end (self->conn);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!ok)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", self->path);
      return FALSE;
    }
  return TRUE;
}

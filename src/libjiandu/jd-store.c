/* jd-store.c — the SQLite database behind Jiandu
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jd-rollup-private.h"
#include "jd-store-private.h"
#include "jd-test-hooks-private.h"

G_DEFINE_FINAL_TYPE (JdStore, jd_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (jd-store-error-quark, jd_store_error)

/* The rollups of what the database holds, built on the handle being
 * migrated. */
static gboolean
fill_rollups (sqlite3  *db,
              GError  **error)
{
  g_autoptr(JdDb) conn = _jd_db_wrap_sqlite (db);

  return _jd_rollup_refresh_all (conn, error);
}

/* Each migration takes the schema from version N-1 to N: its SQL, then,
 * where the new tables are derived from existing rows, a function that
 * fills them.  Migrations are only ever appended: a released migration is
 * never edited. */
static const struct {
  const char *resource;
  gboolean  (*fill) (sqlite3  *db,
                     GError  **error);
} migrations[] = {
  { NULL, NULL },
  { "/io/github/jiandu/core/jd-schema.sql", NULL },
  { "/io/github/jiandu/core/jd-schema-2.sql", NULL },
  { "/io/github/jiandu/core/jd-schema-3.sql", fill_rollups },
  { "/io/github/jiandu/core/jd-schema-4.sql", NULL },
  { "/io/github/jiandu/core/jd-schema-5.sql", NULL },
  { "/io/github/jiandu/core/jd-schema-6.sql", NULL },
  { "/io/github/jiandu/core/jd-schema-7.sql", NULL },
  { "/io/github/jiandu/core/jd-schema-8.sql", NULL },
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == JD_STORE_SCHEMA_VERSION + 1);

void
_jd_store_set_error (GError     **error,
                     sqlite3     *db,
                     int          rc,
                     const char  *doing)
{
  int primary = rc & 0xff;
  JdStoreError code;

  switch (primary)
    {
    case SQLITE_CORRUPT:
      code = JD_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_NOTADB:
      code = JD_STORE_ERROR_NOT_JIANDU;
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = JD_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_CONSTRAINT:
      code = JD_STORE_ERROR_CONSTRAINT;
      break;
    default:
      code = JD_STORE_ERROR_FAILED;
      break;
    }

  if (code == JD_STORE_ERROR_CORRUPT && db != NULL)
    {
      g_autofree char *display = g_filename_display_name (sqlite3_db_filename (db, "main"));

      g_set_error (error, JD_STORE_ERROR, code,
                   _("%s: “%s” is damaged and cannot be read"), doing, display);
      return;
    }

  g_set_error (error, JD_STORE_ERROR, code,
               /* Translators: the first %s says what was being done, the second is SQLite's message */
               _("%s: %s"), doing, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

gboolean
_jd_store_exec (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if ((rc & 0xff) == SQLITE_CORRUPT)
    {
      _jd_store_set_error (error, db, rc, _("Database error"));
      sqlite3_free (message);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED,
                   _("Database error: %s"), message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static gint64
read_data_version (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (db, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

sqlite3_stmt *
_jd_store_prepare (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _jd_store_set_error (error, db, rc, _("Could not prepare a query"));
      return NULL;
    }

  return stmt;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *out_rc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;
  int value = 0;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }

  *out_rc = rc;
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql,
            int        *out_rc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *value = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
    }

  *out_rc = rc;
  return value != NULL ? value : g_strdup ("");
}

gboolean
_jd_store_migrate (sqlite3  *db,
                   int       from_version,
                   int       to_version,
                   GError  **error)
{
  g_autofree char *footer = NULL;

  g_return_val_if_fail (from_version >= 0, FALSE);
  g_return_val_if_fail (to_version <= JD_STORE_SCHEMA_VERSION, FALSE);

  if (from_version >= to_version)
    return TRUE;

  if (!_jd_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int version = from_version + 1; version <= to_version; version++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      const char *data;
      gsize len;

      bytes = g_resources_lookup_data (migrations[version].resource, 0, error);
      if (bytes == NULL)
        goto rollback;

      data = g_bytes_get_data (bytes, &len);
      sql = g_strndup (data, len);
      if (!_jd_store_exec (db, sql, error) ||
          (migrations[version].fill != NULL && !migrations[version].fill (db, error)))
        {
          g_prefix_error (error, _("Could not update the database to version %d: "), version);
          goto rollback;
        }
    }

  footer = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                            JD_STORE_APPLICATION_ID, to_version);
  if (!_jd_store_exec (db, footer, error) ||
      !_jd_store_exec (db, "COMMIT", error))
    goto rollback;

  return TRUE;

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Each connection is used by one thread at a time, under the store's
 * lock, so SQLite need not lock it again (SQLITE_OPEN_NOMUTEX).  And its
 * memory statistics, which nothing reads, take a process-wide lock on
 * every allocation: turned off, a bulk import is about a tenth faster.
 * This must happen before SQLite is first used; if something else in the
 * process used it first, the call fails harmlessly. */
static void
init_sqlite (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      _jd_test_hooks_init ();
      g_once_init_leave (&done, 1);
    }
}

static void
jd_store_finalize (GObject *object)
{
  JdStore *self = (JdStore *)object;

  if (self->conn != NULL)
    g_clear_pointer (&self->conn, _jd_db_free);
  else
    g_clear_pointer (&self->db, sqlite3_close_v2);
  self->db = NULL;
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->fingerprint, g_free);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (jd_store_parent_class)->finalize (object);
}

static void
jd_store_class_init (JdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_store_finalize;
}

static void
jd_store_init (JdStore *self)
{
  g_rec_mutex_init (&self->lock);
}

/**
 * jd_store_open:
 * @path: the database file; created (with the current schema) if missing;
 *   or a PostgreSQL server's connection string (_jd_db_is_conninfo()),
 *   opened with jd_store_open_server()
 * @error: a #GError
 *
 * Opens a Jiandu database and brings its schema up to date in one
 * transaction.  A file that is not a Jiandu database, is damaged, is
 * read-only, or was written by a newer Jiandu is refused with a
 * #JdStoreError and is left exactly as it was.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
JdStore *
jd_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(JdStore) self = NULL;
  g_autofree char *display = NULL;
  gboolean exists = FALSE;
  int flags;
  int rc;
  int application_id;
  int version;
  int n_objects;
  g_autofree char *journal_mode = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (_jd_db_is_conninfo (path))
    return jd_store_open_server (path, NULL, error);

  if (!_jd_store_check_file (path, &exists, error))
    return NULL;

  display = g_filename_display_name (path);
  self = g_object_new (JD_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  init_sqlite ();
  if (!exists && !_jd_store_create_private (path, error))
    return NULL;
  flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _jd_store_set_error (error, self->db, rc, _("Could not open the database"));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, JD_STORE_BUSY_TIMEOUT_MS);

  /* Reading these touches the header and the schema page: a damaged file
   * fails here, before anything is written.  A -journal left by a process
   * killed while it committed is rolled back first, and the pages of a
   * -wal are read, as SQLite always does. */
  application_id = query_int (self->db, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    version = query_int (self->db, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK)
    n_objects = query_int (self->db, "SELECT count(*) FROM sqlite_master", &rc);
  if (rc != SQLITE_OK)
    {
      _jd_store_set_read_error (error, self->db, rc, path);
      return NULL;
    }

  if (application_id != JD_STORE_APPLICATION_ID && !(application_id == 0 && n_objects == 0))
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_JIANDU,
                   _("“%s” is a database of another program, not of Jiandu"), display);
      return NULL;
    }

  if (application_id == 0)
    version = 0;

  if (version > JD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Jiandu (database version %d; this version reads up to %d). Please update Jiandu."),
                   display, version, JD_STORE_SCHEMA_VERSION);
      return NULL;
    }

  /* Damage beyond the header and the schema shows up as a specific error
   * when the damaged page is read (JD_STORE_ERROR_CORRUPT), or at once
   * with jd_store_verify(), which reads every page: too slow to do on every
   * open of a database of millions of cases. */

  if (!_jd_store_exec (self->db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;", error))
    return NULL;

  /* Every Jiandu database is in WAL mode, where readers never wait for a
   * writer.  Changing the mode needs the file to itself, so it is only
   * asked for when needed (a new file, or one an older Jiandu left in
   * rollback-journal mode), not on every open while an import runs. */
  journal_mode = query_text (self->db, "PRAGMA journal_mode", &rc);
  if (rc != SQLITE_OK)
    {
      _jd_store_set_read_error (error, self->db, rc, path);
      return NULL;
    }
  if (g_ascii_strcasecmp (journal_mode, "wal") != 0 &&
      !_jd_store_exec (self->db, "PRAGMA journal_mode = WAL;", error))
    return NULL;

  if (!_jd_store_migrate (self->db, version, JD_STORE_SCHEMA_VERSION, error))
    return NULL;

  self->schema_version = JD_STORE_SCHEMA_VERSION;
  self->data_version = read_data_version (self->db);
  self->conn = _jd_db_new_sqlite (self->db);

  return g_steal_pointer (&self);
}

/**
 * jd_store_poll_changes:
 *
 * Tells whether another connection — another program's import, the
 * command line, another window — committed to the database since the
 * store was opened or last polled (PRAGMA data_version: no query of the
 * data, cheap enough for a timer).  Commits made through this store do
 * not count: who made them knows.  While a worker holds the connection
 * the answer is %FALSE, and the next poll tells.
 *
 * Returns: %TRUE once per change seen
 */
gboolean
jd_store_poll_changes (JdStore *self)
{
  gint64 version;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);

  if (self->db == NULL)
    return _jd_store_pg_poll_changes (self);

  if (!g_rec_mutex_trylock (&self->lock))
    return FALSE;
  version = read_data_version (self->db);
  g_rec_mutex_unlock (&self->lock);

  if (version < 0 || version == self->data_version)
    return FALSE;

  self->data_version = version;
  return TRUE;
}

/**
 * jd_store_location_is_server:
 * @location: what the user gave as the database: a file, or a server
 *
 * Whether jd_store_open() takes @location for a PostgreSQL server (a
 * postgresql:// URI, or "key=value …" that names no file) rather than a
 * file.
 */
gboolean
jd_store_location_is_server (const char *location)
{
  return _jd_db_is_conninfo (location);
}

const char *
jd_store_get_path (JdStore *self)
{
  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  return self->path;
}

int
jd_store_get_schema_version (JdStore *self)
{
  g_return_val_if_fail (JD_IS_STORE (self), 0);

  return self->schema_version;
}

sqlite3 *
_jd_store_get_db (JdStore *self)
{
  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  return self->db;
}

/* The store's connection, SQLite or PostgreSQL (jd-db-private.h). */
JdDb *
_jd_store_get_conn (JdStore *self)
{
  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  return self->conn;
}

void
_jd_store_lock (JdStore *self)
{
  g_rec_mutex_lock (&self->lock);
}

void
_jd_store_unlock (JdStore *self)
{
  g_rec_mutex_unlock (&self->lock);
}

typedef struct
{
  JdProgressFunc  progress;
  gpointer        user_data;
  GCancellable   *cancellable;
  gboolean        told;
} WaitTurn;

static int
wait_turn_cb (gpointer user_data,
              int      n_calls)
{
  WaitTurn *wait = user_data;

  if (g_cancellable_is_cancelled (wait->cancellable))
    return 0;

  if (!wait->told && wait->progress != NULL)
    wait->progress (JD_PROGRESS_WAITING, wait->user_data);
  wait->told = TRUE;
  g_usleep (n_calls < 50 ? 2000 : 50000);

  return 1;
}

/**
 * _jd_store_begin_write:
 * @progress: (nullable): told JD_PROGRESS_WAITING, once, when another
 *   program holds the write lock
 *
 * Begins a write transaction (BEGIN IMMEDIATE), waiting as long as it
 * takes for another program's (an import's) to end, or until
 * @cancellable is cancelled.  Readers are not held up meanwhile.
 */
gboolean
_jd_store_begin_write (JdStore        *self,
                       JdProgressFunc  progress,
                       gpointer        user_data,
                       GCancellable   *cancellable,
                       GError        **error)
{
  WaitTurn wait = { progress, user_data, cancellable, FALSE };
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  /* A server lets several imports write at once. */
  if (self->db == NULL)
    return _jd_db_begin_write (self->conn, error);

  sqlite3_busy_handler (self->db, wait_turn_cb, &wait);
  ok = _jd_store_exec (self->db, "BEGIN IMMEDIATE", &local_error);
  sqlite3_busy_timeout (self->db, JD_STORE_BUSY_TIMEOUT_MS);

  if (!ok && !g_cancellable_set_error_if_cancelled (cancellable, error))
    g_propagate_error (error, g_steal_pointer (&local_error));

  return ok;
}

/**
 * _jd_store_checkpoint:
 *
 * Copies what the WAL holds into the database and empties the WAL, after
 * a bulk write that turned automatic checkpoints off (PRAGMA
 * wal_autocheckpoint = 0): one pass instead of one per thousand pages, and
 * the disk space of the WAL given back.  When a reader holds on to the
 * WAL past the busy timeout, the next commit's automatic checkpoint does it
 * instead; nothing is lost either way.
 */
void
_jd_store_checkpoint (JdStore *self)
{
  _jd_test_point ("checkpoint");
  if (self->db == NULL)
    return;   /* a server keeps its own log */
  sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
}

static void
on_verify_cancelled_cb (GCancellable *cancellable,
                        gpointer      db)
{
  sqlite3_interrupt (db);
}

/**
 * jd_store_verify:
 * @cancellable: (nullable): a #GCancellable
 *
 * Reads every page of the database and checks its structure (SQLite's
 * quick_check), then that the summary tables sum the records exactly.
 * Takes about two seconds per 100 MB.
 *
 * Returns: %FALSE with a #JD_STORE_ERROR_CORRUPT error if the file is
 *   damaged, or #JD_STORE_ERROR_SUMMARIES if a summary table disagrees
 *   with the records (jd_store_rebuild_summaries() mends that)
 */
gboolean
jd_store_verify (JdStore       *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) summaries_error = NULL;
  gboolean summaries_ok = TRUE;
  gulong handler = 0;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);

  if (self->db == NULL)
    return _jd_store_pg_verify (self, cancellable, error);

  locker = _jd_store_locker_new (self);
  display = g_filename_display_name (self->path);

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (on_verify_cancelled_cb), self->db, NULL);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  /* Then the summary tables, which every figure is read from. */
  if (rc == SQLITE_ROW && g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0)
    summaries_ok = _jd_rollup_verify (self->conn, &summaries_error);

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ||
      (rc == SQLITE_ROW && g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0))
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read"), display);
      return FALSE;
    }

  if (rc != SQLITE_ROW)
    {
      _jd_store_set_error (error, self->db, rc, _("Could not check the database"));
      return FALSE;
    }

  if (!summaries_ok)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&summaries_error), "%s: ", display);
      return FALSE;
    }

  return TRUE;
}

/**
 * jd_store_rebuild_summaries:
 *
 * Sums every summary table again from the records, in one transaction.
 * Takes about ten seconds per million records.
 */
gboolean
jd_store_rebuild_summaries (JdStore  *self,
                            GError  **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);

  locker = _jd_store_locker_new (self);
  if (!_jd_db_begin_write (self->conn, error))
    return FALSE;
  if (!_jd_rollup_refresh_all (self->conn, error) ||
      !_jd_db_exec (self->conn, "COMMIT", error))
    {
      _jd_db_exec (self->conn, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * jd_store_is_empty:
 *
 * Returns: %TRUE when the database holds no records of any kind yet
 */
gboolean
jd_store_is_empty (JdStore *self)
{
  g_autoptr(JdStoreLocker) locker = NULL;

  g_return_val_if_fail (JD_IS_STORE (self), TRUE);

  locker = _jd_store_locker_new (self);
  return _jd_db_query_int64 (self->conn,
                             "SELECT CASE WHEN EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM complaints)"
                             " OR EXISTS (SELECT 1 FROM lawsuits) OR EXISTS (SELECT 1 FROM reconsiderations)"
                             " OR EXISTS (SELECT 1 FROM reviews) OR EXISTS (SELECT 1 FROM leniency_items)"
                             " THEN 0 ELSE 1 END",
                             0, NULL) != 0;
}

/**
 * jd_store_get_month_range:
 * @first_month: (out): the earliest YYYYMM month that holds any record: a
 *   case opened or decided, a complaint received, a lawsuit concluded, a
 *   reconsideration decided or a case file reviewed (read from the
 *   rollups, one index lookup each: instant at any size)
 * @last_month: (out): the latest such month, where the data end
 *   (DESIGN.md, "Partial periods")
 *
 * Leniency items are not records of a month: an item may come into force
 * long after the list was imported, and must not move the data's end.
 *
 * Returns: %FALSE if there is no dated record at all
 */
gboolean
jd_store_get_month_range (JdStore *self,
                          int     *first_month,
                          int     *last_month)
{
  static const char * const tables[] = {
    "roll_cases", "roll_cases_opened", "roll_complaints", "roll_lawsuits",
    "roll_reconsiderations", "roll_reviews",
  };
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT min (lo), max (hi) FROM (");
  gboolean found = FALSE;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);

  /* One aggregate per subquery, so that each is a single index lookup. */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_string_append_printf (sql, "%s SELECT (SELECT min (month) FROM %s) AS lo,"
                            " (SELECT max (month) FROM %s) AS hi",
                            i > 0 ? " UNION ALL" : "", tables[i], tables[i]);
  g_string_append (sql, ") AS ranges");

  locker = _jd_store_locker_new (self);
  stmt = _jd_db_prepare (self->conn, sql->str, NULL);
  if (stmt != NULL && _jd_db_step (stmt, NULL) == JD_DB_ROW &&
      !_jd_db_column_is_null (stmt, 0))
    {
      *first_month = _jd_db_column_int (stmt, 0);
      *last_month = _jd_db_column_int (stmt, 1);
      found = TRUE;
    }

  return found;
}

/* jd-db-sqlite.c — the store's connection on a SQLite file
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin layer: every call is the sqlite3 call of the same name, so the
 * SQLite store reads and writes as fast as it did before the interface.
 */

#define G_LOG_DOMAIN "jd-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-db-backend-private.h"
#include "jd-store-private.h"

typedef struct
{
  JdDb      parent;
  sqlite3  *handle;
  gboolean  borrowed;   /* closed by whoever lent it */
} SqliteDb;

typedef struct
{
  JdDbStmt      parent;
  sqlite3_stmt *handle;
} SqliteStmt;

#define HANDLE(db) (((SqliteDb *)(db))->handle)
#define STMT(stmt) (((SqliteStmt *)(stmt))->handle)

static void
sqlite_free (JdDb *db)
{
  if (!((SqliteDb *)db)->borrowed)
    sqlite3_close_v2 (HANDLE (db));
  g_free (db);
}

static gboolean
sqlite_exec (JdDb        *db,
             const char  *sql,
             GError     **error)
{
  return _jd_store_exec (HANDLE (db), sql, error);
}

static JdDbStmt *
sqlite_prepare (JdDb        *db,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *handle = _jd_store_prepare (HANDLE (db), sql, error);
  SqliteStmt *stmt;

  if (handle == NULL)
    return NULL;

  stmt = g_new0 (SqliteStmt, 1);
  stmt->parent.db = db;
  stmt->handle = handle;
  return &stmt->parent;
}

static gint64
sqlite_changes (JdDb *db)
{
  return sqlite3_changes64 (HANDLE (db));
}

static gboolean
sqlite_read_begin (JdDb    *db,
                   GError **error)
{
  return _jd_store_exec (HANDLE (db), "SAVEPOINT jd_read", error);
}

static void
sqlite_read_end (JdDb *db)
{
  sqlite3_exec (HANDLE (db), "RELEASE jd_read", NULL, NULL, NULL);
}

static void
sqlite_stmt_free (JdDbStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static int
sqlite_bind_count (JdDbStmt *stmt)
{
  return sqlite3_bind_parameter_count (STMT (stmt));
}

static void
sqlite_bind_int64 (JdDbStmt *stmt,
                   int       index,
                   gint64    value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static void
sqlite_bind_double (JdDbStmt *stmt,
                    int       index,
                    double    value)
{
  sqlite3_bind_double (STMT (stmt), index, value);
}

static void
sqlite_bind_text (JdDbStmt   *stmt,
                  int         index,
                  const char *value)
{
  sqlite3_bind_text (STMT (stmt), index, value, -1, SQLITE_STATIC);
}

static void
sqlite_bind_null (JdDbStmt *stmt,
                  int       index)
{
  sqlite3_bind_null (STMT (stmt), index);
}

static JdDbStep
sqlite_step (JdDbStmt  *stmt,
             GError   **error)
{
  int rc = sqlite3_step (STMT (stmt));

  if (rc == SQLITE_ROW)
    return JD_DB_ROW;
  if (rc == SQLITE_DONE)
    return JD_DB_DONE;

  _jd_store_set_error (error, HANDLE (stmt->db), rc, _("Database error"));
  return JD_DB_ERROR;
}

static void
sqlite_reset (JdDbStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
}

static int
sqlite_column_count (JdDbStmt *stmt)
{
  return sqlite3_column_count (STMT (stmt));
}

static gboolean
sqlite_column_is_null (JdDbStmt *stmt,
                       int       column)
{
  return sqlite3_column_type (STMT (stmt), column) == SQLITE_NULL;
}

static gint64
sqlite_column_int64 (JdDbStmt *stmt,
                     int       column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
sqlite_column_double (JdDbStmt *stmt,
                      int       column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static const char *
sqlite_column_text (JdDbStmt *stmt,
                    int       column)
{
  return (const char *)sqlite3_column_text (STMT (stmt), column);
}

static const JdDbBackend sqlite_backend = {
  .free = sqlite_free,
  .exec = sqlite_exec,
  .prepare = sqlite_prepare,
  .changes = sqlite_changes,
  .read_begin = sqlite_read_begin,
  .read_end = sqlite_read_end,
  .stmt_free = sqlite_stmt_free,
  .bind_count = sqlite_bind_count,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_text = sqlite_bind_text,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .column_count = sqlite_column_count,
  .column_is_null = sqlite_column_is_null,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_text = sqlite_column_text,
};

JdDb *
_jd_db_new_sqlite (sqlite3 *handle)
{
  SqliteDb *db = g_new0 (SqliteDb, 1);

  db->parent.backend = &sqlite_backend;
  db->parent.kind = JD_DB_SQLITE;
  db->handle = handle;
  return &db->parent;
}

/* A connection on a handle that stays its owner's: a migration's, which
 * runs before the store has its connection. */
JdDb *
_jd_db_wrap_sqlite (sqlite3 *handle)
{
  JdDb *db = _jd_db_new_sqlite (handle);

  ((SqliteDb *)db)->borrowed = TRUE;
  return db;
}

sqlite3 *
_jd_db_get_sqlite (JdDb *db)
{
  return db->kind == JD_DB_SQLITE ? HANDLE (db) : NULL;
}

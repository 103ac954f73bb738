/* jd-db.c — one connection to the store, SQLite or PostgreSQL
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calls of jd-db-private.h, handed to the connection's backend.
 */

#define G_LOG_DOMAIN "jd-db"

#include "config.h"

#include <string.h>

#include "jd-db-backend-private.h"

/**
 * _jd_db_is_conninfo:
 * @location: what the user gave as the database: a file, or a server
 *
 * Tells a PostgreSQL connection (a postgresql:// or postgres:// URI, a
 * "key=value …" string, or "service=name") from a file name.  A file whose
 * name has an equals sign and a space is still a file if it exists.
 */
gboolean
_jd_db_is_conninfo (const char *location)
{
  if (location == NULL)
    return FALSE;
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  if (strchr (location, '=') == NULL)
    return FALSE;
  return !g_file_test (location, G_FILE_TEST_EXISTS);
}

void
_jd_db_free (JdDb *db)
{
  if (db != NULL)
    db->backend->free (db);
}

JdDbKind
_jd_db_get_kind (JdDb *db)
{
  return db->kind;
}

gboolean
_jd_db_exec (JdDb        *db,
             const char  *sql,
             GError     **error)
{
  return db->backend->exec (db, sql, error);
}

JdDbStmt *
_jd_db_prepare (JdDb        *db,
                const char  *sql,
                GError     **error)
{
  return db->backend->prepare (db, sql, error);
}

void
_jd_db_stmt_free (JdDbStmt *stmt)
{
  if (stmt != NULL)
    stmt->db->backend->stmt_free (stmt);
}

int
_jd_db_bind_count (JdDbStmt *stmt)
{
  return stmt->db->backend->bind_count (stmt);
}

void
_jd_db_bind_int64 (JdDbStmt *stmt,
                   int       index,
                   gint64    value)
{
  stmt->db->backend->bind_int64 (stmt, index, value);
}

void
_jd_db_bind_double (JdDbStmt *stmt,
                    int       index,
                    double    value)
{
  stmt->db->backend->bind_double (stmt, index, value);
}

void
_jd_db_bind_text (JdDbStmt   *stmt,
                  int         index,
                  const char *value)
{
  if (value == NULL)
    stmt->db->backend->bind_null (stmt, index);
  else
    stmt->db->backend->bind_text (stmt, index, value);
}

void
_jd_db_bind_null (JdDbStmt *stmt,
                  int       index)
{
  stmt->db->backend->bind_null (stmt, index);
}

JdDbStep
_jd_db_step (JdDbStmt  *stmt,
             GError   **error)
{
  return stmt->db->backend->step (stmt, error);
}

void
_jd_db_reset (JdDbStmt *stmt)
{
  stmt->db->backend->reset (stmt);
}

gboolean
_jd_db_step_done (JdDbStmt  *stmt,
                  GError   **error)
{
  JdDbStep step = _jd_db_step (stmt, error);

  _jd_db_reset (stmt);
  if (step == JD_DB_ROW)
    return TRUE;   /* a RETURNING nobody reads */
  return step == JD_DB_DONE;
}

int
_jd_db_column_count (JdDbStmt *stmt)
{
  return stmt->db->backend->column_count (stmt);
}

gboolean
_jd_db_column_is_null (JdDbStmt *stmt,
                       int       column)
{
  return stmt->db->backend->column_is_null (stmt, column);
}

gint64
_jd_db_column_int64 (JdDbStmt *stmt,
                     int       column)
{
  return stmt->db->backend->column_int64 (stmt, column);
}

int
_jd_db_column_int (JdDbStmt *stmt,
                   int       column)
{
  return (int)stmt->db->backend->column_int64 (stmt, column);
}

double
_jd_db_column_double (JdDbStmt *stmt,
                      int       column)
{
  return stmt->db->backend->column_double (stmt, column);
}

const char *
_jd_db_column_text (JdDbStmt *stmt,
                    int       column)
{
  return stmt->db->backend->column_text (stmt, column);
}

gint64
_jd_db_changes (JdDb *db)
{
  return db->backend->changes (db);
}

gboolean
_jd_db_begin_write (JdDb    *db,
                    GError **error)
{
  /* On a server, READ COMMITTED whatever the server's default: a writer
   * that waits for another's lock must then see what the other wrote. */
  return _jd_db_exec (db, db->kind == JD_DB_SQLITE ? "BEGIN IMMEDIATE" : "BEGIN ISOLATION LEVEL READ COMMITTED", error);
}

gboolean
_jd_db_read_begin (JdDb    *db,
                   GError **error)
{
  return db->backend->read_begin (db, error);
}

void
_jd_db_read_end (JdDb *db)
{
  db->backend->read_end (db);
}

gint64
_jd_db_query_int64 (JdDb        *db,
                    const char  *sql,
                    gint64       fallback,
                    GError     **error)
{
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (db, sql, error);
  JdDbStep step;

  if (stmt == NULL)
    return fallback;
  step = _jd_db_step (stmt, error);
  if (step != JD_DB_ROW || _jd_db_column_is_null (stmt, 0))
    return fallback;
  return _jd_db_column_int64 (stmt, 0);
}

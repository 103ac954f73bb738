/* jd-db-private.h — one connection to the store, SQLite or PostgreSQL
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything in libjiandu that reads or writes the store goes through
 * this: statements with parameters, steps and columns, as SQLite has them,
 * with two backends behind it.  The SQL handed to it is the portable subset
 * both speak (and the PostgreSQL-compatible servers: no extensions):
 *
 *  - parameters are ?1, ?2 … (or ?, numbered in order); the PostgreSQL
 *    backend sends them as $1, $2 … with the type of the value bound
 *    (int8, float8, text), and writes a NULL into the SQL as NULL;
 *  - sums of conditions are written sum (CASE WHEN … THEN 1 ELSE 0 END),
 *    never sum (a = b); WHERE clauses start TRUE, never 1;
 *  - a row's new id comes back from INSERT … RETURNING id;
 *  - INSERT … ON CONFLICT (…) DO NOTHING / DO UPDATE, never INSERT OR …;
 *  - no PRAGMA, json_*, strftime, total () or typeof outside the SQLite
 *    backend's own files.
 *
 * A column read as text stays valid until the next step, reset or free
 * of its statement, as with sqlite3_column_text(); a text bound stays the
 * caller's, and must live until the statement is stepped.
 */

#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JD_DB_SQLITE,
  JD_DB_POSTGRESQL,
} JdDbKind;

typedef struct _JdDb     JdDb;
typedef struct _JdDbStmt JdDbStmt;

/* What _jd_db_step() returns. */
typedef enum
{
  JD_DB_ERROR = -1,
  JD_DB_DONE  = 0,
  JD_DB_ROW   = 1,
} JdDbStep;

/* Backends (jd-db-sqlite.c, jd-db-pg.c) */
JdDb        *_jd_db_new_sqlite        (sqlite3      *handle);   /* takes the handle over */
JdDb        *_jd_db_wrap_sqlite       (sqlite3      *handle);   /* borrows it: free leaves it open */
JdDb        *_jd_db_connect_pg        (const char   *conninfo,
                                       const char   *password,  /* or NULL */
                                       GError      **error);
gboolean     _jd_db_is_conninfo       (const char   *location);

void         _jd_db_free              (JdDb         *db);
JdDbKind     _jd_db_get_kind          (JdDb         *db);

/* The SQLite handle, for the SQLite backend's own bulk paths; NULL on
 * PostgreSQL. */
sqlite3     *_jd_db_get_sqlite        (JdDb         *db);
/* The libpq connection (a PGconn *), for the PostgreSQL backend's own
 * bulk paths (COPY); NULL on SQLite. */
gpointer     _jd_db_get_pg            (JdDb         *db);

/* Runs @sql, which may hold several statements and no parameters. */
gboolean     _jd_db_exec              (JdDb         *db,
                                       const char   *sql,
                                       GError      **error);

JdDbStmt    *_jd_db_prepare           (JdDb         *db,
                                       const char   *sql,
                                       GError      **error);
void         _jd_db_stmt_free         (JdDbStmt     *stmt);
int          _jd_db_bind_count        (JdDbStmt     *stmt);
void         _jd_db_bind_int64        (JdDbStmt     *stmt,
                                       int           index,
                                       gint64        value);
void         _jd_db_bind_double       (JdDbStmt     *stmt,
                                       int           index,
                                       double        value);
void         _jd_db_bind_text         (JdDbStmt     *stmt,
                                       int           index,
                                       const char   *value);   /* NULL binds NULL */
void         _jd_db_bind_null         (JdDbStmt     *stmt,
                                       int           index);
/* JD_DB_ROW with a row to read, JD_DB_DONE at the end, JD_DB_ERROR with
 * @error set (JD_STORE_ERROR_CONSTRAINT for a broken constraint). */
JdDbStep     _jd_db_step              (JdDbStmt     *stmt,
                                       GError      **error);
/* Ready to step again, with the same bindings. */
void         _jd_db_reset             (JdDbStmt     *stmt);
/* Steps a statement that returns no row, then resets it. */
gboolean     _jd_db_step_done         (JdDbStmt     *stmt,
                                       GError      **error);

int          _jd_db_column_count      (JdDbStmt     *stmt);
gboolean     _jd_db_column_is_null    (JdDbStmt     *stmt,
                                       int           column);
gint64       _jd_db_column_int64      (JdDbStmt     *stmt,
                                       int           column);
int          _jd_db_column_int        (JdDbStmt     *stmt,
                                       int           column);
double       _jd_db_column_double     (JdDbStmt     *stmt,
                                       int           column);
const char  *_jd_db_column_text       (JdDbStmt     *stmt,
                                       int           column);

/* Rows the last INSERT, UPDATE or DELETE stepped on @db changed. */
gint64       _jd_db_changes           (JdDb         *db);

/* Begins a write transaction; on SQLite one that takes the write lock at
 * once (BEGIN IMMEDIATE), waiting out another writer's for the busy
 * timeout. */
gboolean     _jd_db_begin_write       (JdDb         *db,
                                       GError      **error);

/* A read that sees one state of the store, also inside a caller's
 * transaction: a savepoint on SQLite; on PostgreSQL, a REPEATABLE READ
 * transaction when none is open, a savepoint otherwise. */
gboolean     _jd_db_read_begin        (JdDb         *db,
                                       GError      **error);
void         _jd_db_read_end          (JdDb         *db);

/* A single value: the first column of the first row of @sql (no
 * parameters), or @fallback when there is no row or it is NULL. */
gint64       _jd_db_query_int64       (JdDb         *db,
                                       const char   *sql,
                                       gint64        fallback,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdDb, _jd_db_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdDbStmt, _jd_db_stmt_free)

G_END_DECLS

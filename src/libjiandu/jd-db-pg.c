/* jd-db-pg.c — the store's connection to a PostgreSQL server
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calls of jd-db-private.h on libpq.  A statement is kept as its SQL,
 * with SQLite's ?N turned into PostgreSQL's $N; its first step sends it
 * with its parameters (PQexecParams, values as text, each with the type it
 * was bound as: int8, float8 or text; a NULL is written into the SQL) and
 * takes the whole result, which the following steps walk row by row.
 * Values come back as text and are read as SQLite would convert them:
 * "12.000" (a sum) as 12, "t" as 1.
 */

#define G_LOG_DOMAIN "jd-db"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>

#include "jd-db-backend-private.h"
#include "jd-db-pg-private.h"
#include "jd-store.h"

/* The types a parameter is sent as (pg_type.oid); 0 lets the server infer
 * it, as for a NULL. */
#define PG_TYPE_BOOL   16
#define PG_TYPE_INT8   20
#define PG_TYPE_TEXT   25
#define PG_TYPE_FLOAT8 701

/* Reads nested inside reads: one bit a level, set where the level began
 * the transaction rather than a savepoint. */
#define MAX_READ_DEPTH 64

typedef struct
{
  JdDb      parent;
  PGconn   *conn;
  gint64    changes;
  char     *sqlstate;     /* of the last failure */
  guint     read_depth;
  guint64   read_began;
} PgDb;

typedef struct
{
  JdDbStmt     parent;
  char        *sql;        /* with $1, $2 … */
  int          n_params;
  const char **values;     /* NULL for NULL */
  char       **owned;      /* the values formatted here (numbers) */
  Oid         *types;      /* text for a NULL, which is written in the SQL */
  GArray      *marks;      /* of Mark */
  PGresult    *result;     /* NULL until the first step */
  int          row;
  int          n_rows;
} PgStmt;

#define PG(db) ((PgDb *)(db))
#define STMT(stmt) ((PgStmt *)(stmt))

/* Where a parameter stands in a statement's SQL. */
typedef struct
{
  gsize offset;
  gsize length;   /* of "$N" */
  int   param;    /* N */
} Mark;

/* ?N and ? (the next number after the largest so far, as SQLite counts)
 * become $N, outside quotes and comments; @marks gets where each one is. */
static char *
translate_placeholders (const char *sql,
                        int        *out_n_params,
                        GArray     *marks)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int n_params = 0;
  const char *p = sql;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          const char *end = strchr (p + 1, *p);

          end = end != NULL ? end + 1 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          end = end != NULL ? end : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          end = end != NULL ? end + 2 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '?')
        {
          Mark mark = { out->len, 0, 0 };

          p++;
          if (g_ascii_isdigit (*p))
            while (g_ascii_isdigit (*p))
              mark.param = mark.param * 10 + (*p++ - '0');
          else
            mark.param = n_params + 1;
          n_params = MAX (n_params, mark.param);
          g_string_append_printf (out, "$%d", mark.param);
          mark.length = out->len - mark.offset;
          g_array_append_val (marks, mark);
        }
      else
        g_string_append_c (out, *p++);
    }

  *out_n_params = n_params;
  return g_string_free (out, FALSE);
}

/* The statement's SQL with a NULL written in for each parameter bound to
 * NULL: the server gives a NULL literal the type its place asks for,
 * where a NULL parameter of no type fails in "$1 IS NULL OR a = $1".
 * %NULL when no parameter is NULL. */
static char *
sql_with_nulls (PgStmt *self)
{
  GString *out = NULL;
  gsize done = 0;

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);

      if (self->values[mark->param - 1] != NULL)
        continue;
      if (out == NULL)
        out = g_string_sized_new (strlen (self->sql) + 16);
      g_string_append_len (out, self->sql + done, mark->offset - done);
      g_string_append (out, "NULL");
      done = mark->offset + mark->length;
    }

  if (out == NULL)
    return NULL;
  g_string_append (out, self->sql + done);
  return g_string_free (out, FALSE);
}

static char *
strip_newline (const char *message)
{
  return g_strchomp (g_strdup (message != NULL ? message : ""));
}

/* A failure of @result (or of the connection, when @result is NULL) as a
 * JdStoreError, with the server's own message. */
static void
set_error (GError         **error,
           PgDb            *db,
           const PGresult  *result,
           const char      *doing)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *detail = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL) : NULL;
  g_autofree char *message = NULL;
  JdStoreError code = JD_STORE_ERROR_FAILED;

  g_free (db->sqlstate);
  db->sqlstate = g_strdup (state);

  if (PQstatus (db->conn) == CONNECTION_BAD || (state != NULL && g_str_has_prefix (state, "08")))
    code = JD_STORE_ERROR_CONNECT;
  else if (state != NULL && g_str_has_prefix (state, "23"))
    code = JD_STORE_ERROR_CONSTRAINT;
  else if (g_strcmp0 (state, "42501") == 0 || g_strcmp0 (state, "25006") == 0)
    code = JD_STORE_ERROR_READ_ONLY;

  if (primary != NULL && detail != NULL)
    message = g_strdup_printf ("%s (%s)", primary, detail);
  else if (primary != NULL)
    message = g_strdup (primary);
  else
    message = strip_newline (PQerrorMessage (db->conn));

  g_set_error (error, JD_STORE_ERROR, code,
               /* Translators: the first %s says what was being done, the second is the server's message */
               _("%s: %s"), doing, message);
}

/* A connection the server dropped (a restart, a network outage) is made
 * again before the next statement; whatever transaction it had is gone,
 * and the statement that found it broken has failed already. */
static gboolean
ensure_connected (PgDb    *db,
                  GError **error)
{
  if (PQstatus (db->conn) == CONNECTION_OK)
    return TRUE;

  PQreset (db->conn);
  db->read_depth = 0;
  db->read_began = 0;
  if (PQstatus (db->conn) == CONNECTION_OK)
    return TRUE;

  set_error (error, db, NULL, _("Could not connect to the server"));
  return FALSE;
}

static void
note_changes (PgDb           *db,
              const PGresult *result)
{
  const char *tuples = PQcmdTuples ((PGresult *)result);

  if (tuples != NULL && *tuples != '\0')
    db->changes = g_ascii_strtoll (tuples, NULL, 10);
}

static void
pg_free (JdDb *db)
{
  PQfinish (PG (db)->conn);
  g_free (PG (db)->sqlstate);
  g_free (db);
}

static gboolean
pg_exec (JdDb        *db,
         const char  *sql,
         GError     **error)
{
  PGresult *result;
  ExecStatusType status;

  if (!ensure_connected (PG (db), error))
    return FALSE;

  result = PQexec (PG (db)->conn, sql);
  status = PQresultStatus (result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
    {
      set_error (error, PG (db), result, _("Database error"));
      PQclear (result);
      return FALSE;
    }

  note_changes (PG (db), result);
  PQclear (result);
  return TRUE;
}

static JdDbStmt *
pg_prepare (JdDb        *db,
            const char  *sql,
            GError     **error)
{
  PgStmt *stmt = g_new0 (PgStmt, 1);

  stmt->parent.db = db;
  stmt->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  stmt->sql = translate_placeholders (sql, &stmt->n_params, stmt->marks);
  stmt->values = g_new0 (const char *, stmt->n_params + 1);
  stmt->owned = g_new0 (char *, stmt->n_params + 1);
  stmt->types = g_new0 (Oid, stmt->n_params + 1);
  for (int i = 0; i < stmt->n_params; i++)
    stmt->types[i] = PG_TYPE_TEXT;   /* unbound: NULL, as in SQLite */
  return &stmt->parent;
}

static gint64
pg_changes (JdDb *db)
{
  return PG (db)->changes;
}

static gboolean
pg_read_begin (JdDb    *db,
               GError **error)
{
  PgDb *self = PG (db);
  gboolean begin;

  g_return_val_if_fail (self->read_depth < MAX_READ_DEPTH, FALSE);

  if (!ensure_connected (self, error))
    return FALSE;

  begin = PQtransactionStatus (self->conn) == PQTRANS_IDLE;
  if (!pg_exec (db, begin ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "SAVEPOINT jd_read", error))
    return FALSE;

  if (begin)
    self->read_began |= G_GUINT64_CONSTANT (1) << self->read_depth;
  else
    self->read_began &= ~(G_GUINT64_CONSTANT (1) << self->read_depth);
  self->read_depth++;
  return TRUE;
}

static void
pg_read_end (JdDb *db)
{
  PgDb *self = PG (db);
  const char *sql;

  g_return_if_fail (self->read_depth > 0);

  self->read_depth--;
  if (self->read_began & (G_GUINT64_CONSTANT (1) << self->read_depth))
    sql = "COMMIT";   /* a failed transaction is rolled back */
  else if (PQtransactionStatus (self->conn) == PQTRANS_INERROR)
    sql = "ROLLBACK TO SAVEPOINT jd_read; RELEASE SAVEPOINT jd_read";
  else
    sql = "RELEASE SAVEPOINT jd_read";

  PQclear (PQexec (self->conn, sql));
}

static void
pg_reset (JdDbStmt *stmt)
{
  g_clear_pointer (&STMT (stmt)->result, PQclear);
  STMT (stmt)->row = 0;
  STMT (stmt)->n_rows = 0;
}

static void
pg_stmt_free (JdDbStmt *stmt)
{
  PgStmt *self = STMT (stmt);

  pg_reset (stmt);
  for (int i = 0; i < self->n_params; i++)
    g_free (self->owned[i]);
  g_free (self->owned);
  g_free (self->values);
  g_free (self->types);
  g_array_unref (self->marks);
  g_free (self->sql);
  g_free (self);
}

static int
pg_bind_count (JdDbStmt *stmt)
{
  return STMT (stmt)->n_params;
}

/* Binds @value (or NULL) as parameter @index, counted from 1 as SQLite
 * does; @owned is kept and freed here.  An index out of range is ignored,
 * as SQLite ignores it. */
static void
bind_value (JdDbStmt   *stmt,
            int         index,
            const char *value,
            char       *owned,
            Oid         type)
{
  PgStmt *self = STMT (stmt);

  if (index < 1 || index > self->n_params)
    {
      g_free (owned);
      return;
    }

  g_free (self->owned[index - 1]);
  self->owned[index - 1] = owned;
  self->values[index - 1] = owned != NULL ? owned : value;
  self->types[index - 1] = type;
}

static void
pg_bind_int64 (JdDbStmt *stmt,
               int       index,
               gint64    value)
{
  bind_value (stmt, index, NULL, g_strdup_printf ("%" G_GINT64_FORMAT, value), PG_TYPE_INT8);
}

static void
pg_bind_double (JdDbStmt *stmt,
                int       index,
                double    value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  bind_value (stmt, index, NULL, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)),
              PG_TYPE_FLOAT8);
}

static void
pg_bind_text (JdDbStmt   *stmt,
              int         index,
              const char *value)
{
  bind_value (stmt, index, value, NULL, PG_TYPE_TEXT);
}

/* Written into the SQL as NULL (sql_with_nulls()); the parameter that no
 * longer appears there needs a type all the same. */
static void
pg_bind_null (JdDbStmt *stmt,
              int       index)
{
  bind_value (stmt, index, NULL, NULL, PG_TYPE_TEXT);
}

static JdDbStep
pg_step (JdDbStmt  *stmt,
         GError   **error)
{
  PgStmt *self = STMT (stmt);
  PgDb *db = PG (stmt->db);
  g_autofree char *with_nulls = NULL;
  PGresult *result;

  if (self->result != NULL)
    {
      self->row++;
      return self->row < self->n_rows ? JD_DB_ROW : JD_DB_DONE;
    }

  if (!ensure_connected (db, error))
    return JD_DB_ERROR;

  with_nulls = sql_with_nulls (self);
  result = PQexecParams (db->conn, with_nulls != NULL ? with_nulls : self->sql,
                         self->n_params, self->types, self->values, NULL, NULL, 0);
  switch (PQresultStatus (result))
    {
    case PGRES_TUPLES_OK:
    case PGRES_COMMAND_OK:
    case PGRES_EMPTY_QUERY:
      note_changes (db, result);
      self->result = result;
      self->row = 0;
      self->n_rows = PQntuples (result);
      return self->n_rows > 0 ? JD_DB_ROW : JD_DB_DONE;

    default:
      set_error (error, db, result, _("Database error"));
      PQclear (result);
      return JD_DB_ERROR;
    }
}

static int
pg_column_count (JdDbStmt *stmt)
{
  /* Known once the statement has run: its first step. */
  return STMT (stmt)->result != NULL ? PQnfields (STMT (stmt)->result) : 0;
}

static gboolean
has_value (PgStmt *self,
           int     column)
{
  return self->result != NULL && self->row < self->n_rows &&
         column >= 0 && column < PQnfields (self->result) &&
         !PQgetisnull (self->result, self->row, column);
}

static gboolean
pg_column_is_null (JdDbStmt *stmt,
                   int       column)
{
  return !has_value (STMT (stmt), column);
}

static const char *
pg_column_text (JdDbStmt *stmt,
                int       column)
{
  PgStmt *self = STMT (stmt);
  const char *value;

  if (!has_value (self, column))
    return NULL;

  value = PQgetvalue (self->result, self->row, column);
  /* A condition reads as SQLite's 1 or 0. */
  if (PQftype (self->result, column) == PG_TYPE_BOOL)
    return value[0] == 't' ? "1" : "0";
  return value;
}

static double
pg_column_double (JdDbStmt *stmt,
                  int       column)
{
  const char *value = pg_column_text (stmt, column);

  return value != NULL ? g_ascii_strtod (value, NULL) : 0.0;
}

static gint64
pg_column_int64 (JdDbStmt *stmt,
                 int       column)
{
  const char *value = pg_column_text (stmt, column);
  char *end = NULL;
  gint64 number;

  if (value == NULL)
    return 0;

  /* A sum of BIGINTs is a NUMERIC ("12" or "12.000"), an average a
   * fraction: truncated toward zero, as SQLite turns a REAL into an
   * integer. */
  number = g_ascii_strtoll (value, &end, 10);
  if (*end == '.' || *end == 'e' || *end == 'E')
    return (gint64)g_ascii_strtod (value, NULL);
  return number;
}

static const JdDbBackend pg_backend = {
  .free = pg_free,
  .exec = pg_exec,
  .prepare = pg_prepare,
  .changes = pg_changes,
  .read_begin = pg_read_begin,
  .read_end = pg_read_end,
  .stmt_free = pg_stmt_free,
  .bind_count = pg_bind_count,
  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_text = pg_bind_text,
  .bind_null = pg_bind_null,
  .step = pg_step,
  .reset = pg_reset,
  .column_count = pg_column_count,
  .column_is_null = pg_column_is_null,
  .column_int64 = pg_column_int64,
  .column_double = pg_column_double,
  .column_text = pg_column_text,
};

/**
 * _jd_db_connect_pg:
 * @conninfo: a libpq connection string: "postgresql://user@host/db", or
 *   "host=… dbname=…", or "service=name"
 * @password: (nullable): the password, when it is not in @conninfo, a
 *   service file or ~/.pgpass
 *
 * Returns: (transfer full): the connection, or %NULL with a
 *   #JD_STORE_ERROR_CONNECT error saying why, in libpq's words
 */
JdDb *
_jd_db_connect_pg (const char  *conninfo,
                   const char  *password,
                   GError     **error)
{
  /* What comes after dbname, which holds @conninfo, overrides it. */
  const char *keys[] = { "application_name", "connect_timeout", "dbname", "client_encoding",
                         password != NULL ? "password" : NULL, NULL };
  const char *values[] = { "jiandu", "10", conninfo, "UTF8", password, NULL };
  PgDb *db;

  db = g_new0 (PgDb, 1);
  db->parent.backend = &pg_backend;
  db->parent.kind = JD_DB_POSTGRESQL;
  db->conn = PQconnectdbParams (keys, values, TRUE);

  if (db->conn == NULL || PQstatus (db->conn) != CONNECTION_OK)
    {
      g_autofree char *message = strip_newline (db->conn != NULL ? PQerrorMessage (db->conn) : NULL);

      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CONNECT,
                   /* Translators: %s is libpq's reason */
                   _("Could not connect to the server: %s"), message);
      pg_free (&db->parent);
      return NULL;
    }

  return &db->parent;
}

gpointer
_jd_db_get_pg (JdDb *db)
{
  return db->kind == JD_DB_POSTGRESQL ? PG (db)->conn : NULL;
}

const char *
_jd_db_pg_last_sqlstate (JdDb *db)
{
  g_return_val_if_fail (db->kind == JD_DB_POSTGRESQL, NULL);

  return PG (db)->sqlstate;
}

/* A value of a "key=value" connection string: in single quotes, with
 * quotes and backslashes escaped. */
static void
append_conninfo_value (GString    *out,
                       const char *value)
{
  g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

char *
_jd_db_pg_conninfo_set (const char  *conninfo,
                        const char  *key,
                        const char  *value,
                        GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (conninfo, &message);

  if (options == NULL)
    {
      g_autofree char *reason = strip_newline (message);

      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CONNECT,
                   /* Translators: %s is libpq's reason */
                   _("The server's address is not valid: %s"), reason);
      PQfreemem (message);
      return NULL;
    }

  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      if (option->val == NULL || strcmp (option->keyword, key) == 0)
        continue;
      g_string_append_printf (out, "%s%s=", out->len > 0 ? " " : "", option->keyword);
      append_conninfo_value (out, option->val);
    }
  if (value != NULL)
    {
      g_string_append_printf (out, "%s%s=", out->len > 0 ? " " : "", key);
      append_conninfo_value (out, value);
    }

  PQconninfoFree (options);
  return g_strdup (out->str);
}

char *
_jd_db_pg_conninfo_get (const char *conninfo,
                        const char *key)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  char *value = NULL;

  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    if (option->val != NULL && strcmp (option->keyword, key) == 0)
      value = g_strdup (option->val);

  PQconninfoFree (options);
  return value;
}

/* What PQescapeIdentifier() or PQescapeLiteral() make of @text, in
 * GLib's memory. */
static char *
escape (JdDb       *db,
        char     *(*escape_func) (PGconn *, const char *, size_t),
        const char *text)
{
  char *quoted = escape_func (PG (db)->conn, text, strlen (text));
  char *copy = g_strdup (quoted);

  PQfreemem (quoted);
  return copy;
}

char *
_jd_db_pg_quote_ident (JdDb       *db,
                       const char *text)
{
  return escape (db, PQescapeIdentifier, text);
}

char *
_jd_db_pg_quote_literal (JdDb       *db,
                         const char *text)
{
  return escape (db, PQescapeLiteral, text);
}

char *
_jd_db_pg_encrypt_password (JdDb        *db,
                            const char  *password,
                            const char  *user,
                            GError     **error)
{
  char *verifier = PQencryptPasswordConn (PG (db)->conn, password, user, NULL);
  char *quoted;

  if (verifier == NULL)
    {
      g_autofree char *message = strip_newline (PQerrorMessage (PG (db)->conn));

      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED,
                   /* Translators: %s is libpq's reason */
                   _("Could not encrypt the password: %s"), message);
      return NULL;
    }

  quoted = _jd_db_pg_quote_literal (db, verifier);
  PQfreemem (verifier);
  return quoted;
}

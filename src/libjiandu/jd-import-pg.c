/* jd-import-pg.c — the import's writer on a PostgreSQL server
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table's rows go by COPY (text format) into a temporary staging table,
 * the mapped columns and the row of the file each came from, while the
 * reader thread goes on parsing; jd-import-pg-merge.c then merges them
 * with set-based SQL.  The staged rows are also summed into the rollups
 * in memory, as the SQLite writer sums the rows it adds, and their keys
 * hashed: when every one of them turns out new, the sums are the rollups'
 * increment; when no two hashes meet, no key repeats.  Counts, reasons
 * and import records come out as the SQLite writer's do.
 */

#define G_LOG_DOMAIN "jd-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-import-pg-private.h"
#include "jd-store-private.h"

/* Staged rows go to the server in chunks of about this many bytes. */
#define COPY_CHUNK (256 * 1024)

/* The first key of the advisory locks: "Jian", as SQLite's application_id. */
#define LOCK_SPACE 0x4A69616E

static gboolean
set_pg_error (GError     **error,
              PGconn      *conn,
              PGresult    *result,
              const char  *doing)
{
  const char *message = result != NULL ? PQresultErrorMessage (result) : PQerrorMessage (conn);
  g_autofree char *text = g_strchomp (g_strdup (message != NULL && *message != '\0' ? message : "?"));

  g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED,
               /* Translators: the first %s says what was being done, the second is the server's message */
               _("%s: %s"), doing, text);
  g_clear_pointer (&result, PQclear);
  return FALSE;
}

gboolean
_jd_import_pg_exec (JdImportPgWriter  *self,
                    GError           **error,
                    const char        *format,
                    ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return _jd_db_exec (self->db, sql, error);
}

gboolean
_jd_import_pg_query_numbers (JdImportPgWriter  *self,
                             const char        *sql,
                             gint64            *out,
                             guint              n,
                             GError           **error)
{
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (self->db, sql, error);

  if (stmt == NULL || _jd_db_step (stmt, error) != JD_DB_ROW)
    return FALSE;
  for (guint i = 0; i < n; i++)
    out[i] = _jd_db_column_int64 (stmt, i);

  return TRUE;
}

/* The advisory lock */

gboolean
_jd_import_pg_lock_table (JdDb        *db,
                          const char  *table,
                          gboolean     wait,
                          gboolean    *taken,
                          GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s (%d, CAST (CAST (CAST ('%s' AS regclass) AS oid) AS integer))",
                                          wait ? "pg_advisory_xact_lock" : "pg_try_advisory_xact_lock",
                                          LOCK_SPACE, table);
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (db, sql, error);

  if (stmt == NULL || _jd_db_step (stmt, error) != JD_DB_ROW)
    return FALSE;
  if (taken != NULL)
    *taken = wait || _jd_db_column_int64 (stmt, 0) != 0;
  return TRUE;
}

/* The case-file reviews' rollup, rebuilt whole after cases or reviews
 * change. */
const char *
_jd_import_pg_shared_rollup (const JdImportEntity *entity)
{
  return entity->rollup == JD_ROLLUP_CASES || entity->rollup == JD_ROLLUP_REVIEWS ? "roll_reviews" : NULL;
}

gboolean
_jd_import_lock_entity (JdDb                  *db,
                        const JdImportEntity  *entity,
                        GError               **error)
{
  if (_jd_db_get_kind (db) != JD_DB_POSTGRESQL)
    return TRUE;

  return _jd_import_pg_lock_table (db, entity->table, TRUE, NULL, error) &&
         (_jd_import_pg_shared_rollup (entity) == NULL || _jd_import_pg_lock_table (db, _jd_import_pg_shared_rollup (entity), TRUE, NULL, error));
}

/* The transaction */

static gboolean
writer_begin (JdImportWriter  *writer,
              JdProgressFunc   progress,
              gpointer         user_data,
              GCancellable    *cancellable,
              GError         **error)
{
  JdImportPgWriter *self = (JdImportPgWriter *)writer;

  self->progress = progress;
  self->user_data = user_data;

  /* Each statement sees what other imports committed before it began, so
   * that the rows they stored are found once this one's turn comes.  The
   * sorts and hashes of a merge get more memory than a query's default,
   * and the notices of temporary tables dropped if they exist are not
   * printed. */
  return _jd_db_exec (self->db,
                      "BEGIN ISOLATION LEVEL READ COMMITTED;"
                      " SET LOCAL work_mem = '64MB'; SET LOCAL client_min_messages = warning",
                      error);
}

static gboolean
writer_commit (JdImportWriter  *writer,
               GError         **error)
{
  return _jd_db_exec (((JdImportPgWriter *)writer)->db, "COMMIT", error);
}

/* A COPY still open (a cancel, a file that failed half-way) is ended by
 * libpq before the ROLLBACK, and fails. */
static void
writer_rollback (JdImportWriter *writer)
{
  _jd_db_exec (((JdImportPgWriter *)writer)->db, "ROLLBACK", NULL);
}

/* A table */

static gboolean
writer_table_begin (JdImportWriter  *writer,
                    JdImportTarget  *target,
                    GError         **error)
{
  JdImportPgWriter *self = (JdImportPgWriter *)writer;
  const JdImportEntity *entity = target->entity;
  g_autofree char *added = NULL;

  self->columns = g_string_new (NULL);
  for (int pass = 0; pass < 2; pass++)
    for (guint f = 0; f < entity->n_fields; f++)
      if (target->field_column[f] >= 0 && _jd_import_field_is_key (entity, f) == (pass == 0))
        {
          g_string_append_printf (self->columns, "%s%s", self->n_fields > 0 ? ", " : "", entity->fields[f].column);
          self->fields[self->n_fields++] = f;
          self->n_keys += pass == 0;
        }
  self->copy = g_string_sized_new (COPY_CHUNK + 64 * 1024);
  self->key_hashes = g_array_new (FALSE, FALSE, sizeof (guint64));

  if (entity->rollup >= 0)
    {
      self->n_rollup_fields = _jd_import_rollup_fields (entity, self->rollup_field);
      self->sum = _jd_rollup_sum_new (entity->rollup);
      added = g_strdup_printf ("id BETWEEN ?1 AND ?2 AND import_id = %" G_GINT64_FORMAT, target->import_id);
      self->updated_delta = _jd_rollup_delta_new (self->db, entity->rollup, "id IN (SELECT id FROM jd_updated)", error);
      if (self->updated_delta == NULL)
        return FALSE;
      self->added_delta = _jd_rollup_delta_new (self->db, entity->rollup, added, error);
      if (self->added_delta == NULL)
        return FALSE;
    }

  /* The staged rows have the types and collations of the table's columns. */
  return _jd_import_pg_exec (self, error,
                             "DROP TABLE IF EXISTS jd_stage, jd_seen;"
                             " CREATE TEMP TABLE jd_stage ON COMMIT DROP AS"
                             " SELECT CAST (0 AS integer) AS file_row, %s FROM %s WITH NO DATA;"
                             " CREATE TEMP TABLE jd_seen (id bigint PRIMARY KEY, file_row integer NOT NULL) ON COMMIT DROP",
                             self->columns->str, entity->table);
}

static void
writer_table_clear (JdImportWriter *writer)
{
  JdImportPgWriter *self = (JdImportPgWriter *)writer;

  if (self->columns != NULL)
    g_string_free (g_steal_pointer (&self->columns), TRUE);
  if (self->copy != NULL)
    g_string_free (g_steal_pointer (&self->copy), TRUE);
  g_clear_pointer (&self->key_hashes, g_array_unref);
  g_clear_pointer (&self->sum, _jd_rollup_sum_free);
  g_clear_pointer (&self->updated_delta, _jd_rollup_delta_free);
  g_clear_pointer (&self->added_delta, _jd_rollup_delta_free);
  self->n_fields = 0;
  self->n_keys = 0;
  self->n_staged = 0;
  self->n_rollup_fields = 0;
  self->copying = FALSE;
  self->locked = FALSE;
  self->seen = FALSE;
}

/* COPY's text format: \N for NULL; backslash, tab, newline and carriage
 * return escaped. */
static void
append_text (GString    *out,
             const char *text)
{
  const char *p = text;
  const char *special;

  while ((special = strpbrk (p, "\\\t\n\r")) != NULL)
    {
      g_string_append_len (out, p, special - p);
      g_string_append_c (out, '\\');
      g_string_append_c (out, *special == '\t' ? 't' : *special == '\n' ? 'n' : *special == '\r' ? 'r' : '\\');
      p = special + 1;
    }
  g_string_append (out, p);
}

/* A number in decimal, without printf's parsing of a format a value: the
 * rows' numbers are most of what the import formats. */
static void
append_int (GString *out,
            gint64   value)
{
  char digits[24];
  guint64 magnitude = value < 0 ? -(guint64)value : (guint64)value;
  int n = sizeof digits;

  do
    digits[--n] = '0' + magnitude % 10;
  while ((magnitude /= 10) != 0);
  if (value < 0)
    digits[--n] = '-';
  g_string_append_len (out, digits + n, sizeof digits - n);
}

static void
append_value (GString             *out,
              const JdImportValue *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (value->type)
    {
    case SQLITE_INTEGER:
      append_int (out, value->i);
      break;
    case SQLITE_FLOAT:
      g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, value->d));
      break;
    case SQLITE_TEXT:
      append_text (out, value->s);
      break;
    default:
      g_string_append (out, "\\N");
      break;
    }
}

/* Sends the rows formatted so far, opening a COPY if none is open: the
 * server stores them while the next ones are parsed. */
static gboolean
copy_send (JdImportPgWriter  *self,
           GError           **error)
{
  if (self->copy->len == 0)
    return TRUE;

  if (!self->copying)
    {
      g_autofree char *sql = g_strdup_printf ("COPY jd_stage (file_row, %s) FROM STDIN", self->columns->str);
      PGresult *result = PQexec (self->conn, sql);

      if (PQresultStatus (result) != PGRES_COPY_IN)
        return set_pg_error (error, self->conn, result, _("Could not send the rows to the server"));
      PQclear (result);
      self->copying = TRUE;
    }

  if (PQputCopyData (self->conn, self->copy->str, self->copy->len) != 1)
    return set_pg_error (error, self->conn, NULL, _("Could not send the rows to the server"));

  g_string_truncate (self->copy, 0);
  return TRUE;
}

/* Sends the rest and closes the COPY, before any other statement. */
static gboolean
copy_end (JdImportPgWriter  *self,
          GError           **error)
{
  PGresult *result;
  gboolean ok;

  if (!copy_send (self, error))
    return FALSE;
  if (!self->copying)
    return TRUE;

  self->copying = FALSE;
  ok = PQputCopyEnd (self->conn, NULL) == 1;
  while ((result = PQgetResult (self->conn)) != NULL)
    {
      if (ok && PQresultStatus (result) != PGRES_COMMAND_OK)
        {
          ok = set_pg_error (error, self->conn, result, _("Could not send the rows to the server"));
          continue;
        }
      PQclear (result);
    }
  if (!ok && (error == NULL || *error == NULL))
    return set_pg_error (error, self->conn, NULL, _("Could not send the rows to the server"));

  return ok;
}

/* FNV-1a over the key's values, to tell cheaply whether any key of the
 * staged rows may repeat. */
static guint64
hash_key (JdImportPgWriter    *self,
          const JdImportValue *values)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  for (guint k = 0; k < self->n_keys; k++)
    {
      const JdImportValue *value = &values[self->fields[k]];
      const guchar *p = value->type == SQLITE_TEXT ? (const guchar *)value->s : (const guchar *)&value->i;
      gsize n = value->type == SQLITE_TEXT ? strlen (value->s) + 1 : sizeof value->i;

      for (gsize i = 0; i < n; i++)
        hash = (hash ^ p[i]) * G_GUINT64_CONSTANT (1099511628211);
    }

  return hash;
}

static gboolean
writer_write_rows (JdImportWriter     *writer,
                   JdImportTarget     *target,
                   const JdImportRow  *rows,
                   guint               n_rows,
                   GError            **error)
{
  JdImportPgWriter *self = (JdImportPgWriter *)writer;

  for (guint r = 0; r < n_rows; r++)
    {
      guint64 hash = hash_key (self, rows[r].values);

      g_array_append_val (self->key_hashes, hash);
      if (self->sum != NULL)
        _jd_import_sum_row (self->sum, self->rollup_field, self->n_rollup_fields, rows[r].values);
      append_int (self->copy, rows[r].row);
      for (guint i = 0; i < self->n_fields; i++)
        {
          g_string_append_c (self->copy, '\t');
          append_value (self->copy, &rows[r].values[self->fields[i]]);
        }
      g_string_append_c (self->copy, '\n');
    }
  self->n_staged += n_rows;

  return self->copy->len < COPY_CHUNK || copy_send (self, error);
}

static gint64
writer_add_reference (JdImportWriter     *writer,
                      JdImportTarget     *target,
                      JdImportFieldType   type,
                      const char         *text,
                      GError            **error)
{
  if (!copy_end ((JdImportPgWriter *)writer, error))
    return 0;

  return _jd_import_create_reference (writer->ctx, target, type, text, error);
}

static gboolean
writer_flush (JdImportWriter  *writer,
              JdImportTarget  *target,
              GError         **error)
{
  return copy_end ((JdImportPgWriter *)writer, error) &&
         _jd_import_pg_merge ((JdImportPgWriter *)writer, target, FALSE, error);
}

static gboolean
writer_table_finish (JdImportWriter  *writer,
                     JdImportTarget  *target,
                     GError         **error)
{
  JdImportPgWriter *self = (JdImportPgWriter *)writer;

  if (!copy_end (self, error) || !_jd_import_pg_merge (self, target, TRUE, error))
    return FALSE;

  if (target->entity->rollup >= 0 && self->locked && !_jd_rollup_finish (self->db, target->entity->rollup, error))
    return FALSE;

  return _jd_import_pg_exec (self, error, "DROP TABLE IF EXISTS jd_stage, jd_seen, jd_repeat, jd_match, jd_updated");
}

static void
writer_free (JdImportWriter *writer)
{
  writer_table_clear (writer);
  g_free (writer);
}

static const JdImportWriterOps pg_writer_ops = {
  .begin = writer_begin,
  .commit = writer_commit,
  .rollback = writer_rollback,
  .table_begin = writer_table_begin,
  .write_rows = writer_write_rows,
  .add_reference = writer_add_reference,
  .flush = writer_flush,
  .table_finish = writer_table_finish,
  .table_clear = writer_table_clear,
  .free = writer_free,
};

JdImportWriter *
_jd_import_writer_new_pg (JdImportContext *ctx)
{
  JdImportPgWriter *self = g_new0 (JdImportPgWriter, 1);

  self->parent.ops = &pg_writer_ops;
  self->parent.ctx = ctx;
  self->db = ctx->db;
  self->conn = _jd_db_get_pg (ctx->db);
  return &self->parent;
}

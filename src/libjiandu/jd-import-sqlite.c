/* jd-import-sqlite.c — the import's writer on a SQLite file
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Row by row, with statements prepared once a table: an insert that does
 * nothing on a key already there, then, for such a key, the stored row
 * read and compared, the file's earlier row that stored it looked up, and
 * the row journalled and updated when its values changed.  The rows it
 * adds are summed into the rollups in memory; the rows it updates are
 * taken out of them and added back by SQL.  The file's transaction runs
 * with the settings a bulk load wants (see writer_begin()).
 */

#define G_LOG_DOMAIN "jd-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-import-private.h"
#include "jd-rollup-private.h"
#include "jd-store-private.h"

typedef struct
{
  JdImportWriter    parent;
  sqlite3          *db;
  char             *restore_pragmas;

  /* The table being written. */
  int               n_mapped;
  sqlite3_stmt     *insert;
  sqlite3_stmt     *select;
  sqlite3_stmt     *update;
  sqlite3_stmt     *journal;
  sqlite3_stmt     *seen_insert;
  sqlite3_stmt     *seen_lookup;
  gboolean          agencies;         /* the agencies entity: later rows may name the new ones */

  /* The rows it adds are summed into the rollup in memory; the rows it
   * updates are taken out of it and added back by SQL. */
  JdRollupSum      *sum;
  JdRollupDelta    *delta;
  int               rollup_field[JD_IMPORT_MAX_FIELDS]; /* per rollup column: field index */
  guint             n_rollup_fields;

  /* The rows of the file the added rows came from, by id - first_id, as
   * long as their ids follow on (SQLite's rowids do, unless the largest
   * was taken): the cheap way for most rows, the temporary table for the
   * others. */
  GArray           *new_rows;         /* guint32 */
  gboolean          new_rows_broken;
} SqliteWriter;

static void
bind_value (sqlite3_stmt        *stmt,
            int                  index,
            const JdImportValue *value)
{
  switch (value->type)
    {
    case SQLITE_INTEGER:
      sqlite3_bind_int64 (stmt, index, value->i);
      break;
    case SQLITE_FLOAT:
      sqlite3_bind_double (stmt, index, value->d);
      break;
    case SQLITE_TEXT:
      sqlite3_bind_text (stmt, index, value->s, -1, SQLITE_STATIC);
      break;
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

static gboolean
value_equals_column (const JdImportValue *value,
                     sqlite3_stmt        *stmt,
                     int                  column)
{
  int type = sqlite3_column_type (stmt, column);

  switch (value->type)
    {
    case SQLITE_NULL:
      return type == SQLITE_NULL;
    case SQLITE_INTEGER:
      return type == SQLITE_INTEGER && sqlite3_column_int64 (stmt, column) == value->i;
    case SQLITE_FLOAT:
      return (type == SQLITE_FLOAT || type == SQLITE_INTEGER) && sqlite3_column_double (stmt, column) == value->d;
    case SQLITE_TEXT:
      return type == SQLITE_TEXT && g_strcmp0 ((const char *)sqlite3_column_text (stmt, column), value->s) == 0;
    default:
      return FALSE;
    }
}

/* A setting of the connection, to put back after the import. */
static int
query_pragma (sqlite3    *db,
              const char *sql,
              int         fallback)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (db, sql, NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);

  return fallback;
}

static gboolean
writer_begin (JdImportWriter  *writer,
              JdProgressFunc   progress,
              gpointer         user_data,
              GCancellable    *cancellable,
              GError         **error)
{
  SqliteWriter *self = (SqliteWriter *)writer;

  /* A bigger page cache while the indexes grow, bounded whatever the
   * size of the file; given back afterwards.  And no foreign-key checks:
   * every agency, field and leniency item a row refers to has been looked
   * up in this very transaction (rows that name unknown ones are
   * rejected), so SQLite's four lookups a row would only repeat ours.
   *
   * The store stays in WAL mode, so that other programs (the app on its
   * dashboard) go on reading while the import writes.  Automatic
   * checkpoints are off until the commit: the new pages go into the WAL
   * once, and one checkpoint after the commit copies them into the
   * database, instead of one every thousand pages.  The commit syncs
   * the WAL (synchronous = FULL), so that an import reported done
   * survives a power cut.  None of these settings is written to the
   * file: a dry run or a failed import leaves its bytes as they were. */
  self->restore_pragmas = g_strdup_printf ("PRAGMA cache_size = %d; PRAGMA foreign_keys = ON;"
                                           " PRAGMA wal_autocheckpoint = %d; PRAGMA synchronous = %d;",
                                           query_pragma (self->db, "PRAGMA cache_size", -2000),
                                           query_pragma (self->db, "PRAGMA wal_autocheckpoint", 1000),
                                           query_pragma (self->db, "PRAGMA synchronous", 1));
  if (!_jd_store_exec (self->db, "PRAGMA cache_size = -65536; PRAGMA foreign_keys = OFF;"
                                 " PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = FULL;", error) ||
      !_jd_store_begin_write (writer->ctx->store, progress, user_data, cancellable, error))
    {
      _jd_store_exec (self->db, self->restore_pragmas, NULL);
      g_clear_pointer (&self->restore_pragmas, g_free);
      return FALSE;
    }

  return TRUE;
}

static gboolean
writer_commit (JdImportWriter  *writer,
               GError         **error)
{
  SqliteWriter *self = (SqliteWriter *)writer;

  if (!_jd_store_exec (self->db, "COMMIT", error))
    return FALSE;

  _jd_store_checkpoint (writer->ctx->store);
  _jd_store_exec (self->db, self->restore_pragmas, NULL);
  g_clear_pointer (&self->restore_pragmas, g_free);
  return TRUE;
}

static void
writer_rollback (JdImportWriter *writer)
{
  SqliteWriter *self = (SqliteWriter *)writer;

  if (self->restore_pragmas == NULL)
    return;

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  _jd_store_exec (self->db, self->restore_pragmas, NULL);
  g_clear_pointer (&self->restore_pragmas, g_free);
}

/* Prepares the table's statements, built from its mapped columns. */
static gboolean
writer_table_begin (JdImportWriter  *writer,
                    JdImportTarget  *target,
                    GError         **error)
{
  SqliteWriter *self = (SqliteWriter *)writer;
  const JdImportEntity *entity = target->entity;
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) conflict = g_string_new (NULL);
  g_autoptr(GString) select = g_string_new ("SELECT id, import_id");
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GString) update = g_string_new (NULL);
  g_autoptr(GString) journal = g_string_new (NULL);
  int n = 0;
  int n_keys = 0;
  int n_others = 0;

  g_string_printf (insert, "INSERT INTO %s (", entity->table);
  g_string_printf (update, "UPDATE %s SET import_id = ?1", entity->table);
  g_string_printf (journal,
                   "INSERT INTO import_journal (import_id, seq, tbl, row_id, old_import_id, old_values)"
                   " SELECT ?1, ?2, '%s', id, import_id, json_object (", entity->table);

  /* Keys first: they are bound as ?1… in the SELECT too. */
  for (int pass = 0; pass < 2; pass++)
    for (guint f = 0; f < entity->n_fields; f++)
      {
        const JdImportField *field = &entity->fields[f];
        gboolean is_key = _jd_import_field_is_key (entity, f);

        if (target->field_column[f] < 0 || is_key != (pass == 0))
          continue;

        n++;
        g_string_append_printf (insert, "%s, ", field->column);
        g_string_append_printf (values, "?%d, ", n);
        if (is_key)
          {
            n_keys++;
            g_string_append_printf (conflict, "%s%s", n_keys > 1 ? ", " : "", field->column);
            g_string_append_printf (where, "%s%s = ?%d", n_keys > 1 ? " AND " : "", field->column, n_keys);
          }
        else
          {
            n_others++;
            g_string_append_printf (update, ", %s = ?%d", field->column, n_others + 1);
            g_string_append_printf (journal, "%s'%s', %s", journal->str[journal->len - 1] == '(' ? "" : ", ",
                                    field->column, field->column);
          }
        g_string_append_printf (select, ", %s", field->column);
      }

  g_string_append_printf (insert, "import_id) VALUES (%s?%d) ON CONFLICT (%s) DO NOTHING",
                          values->str, n + 1, conflict->str);
  g_string_append_printf (select, " FROM %s WHERE %s", entity->table, where->str);
  g_string_append_printf (update, " WHERE id = ?%d", n_others + 2);
  g_string_append_printf (journal, ") FROM %s WHERE id = ?3", entity->table);

  self->n_mapped = n;
  self->agencies = g_str_equal (entity->name, "agencies");
  self->insert = _jd_store_prepare (self->db, insert->str, error);
  self->select = self->insert != NULL ? _jd_store_prepare (self->db, select->str, error) : NULL;
  self->update = self->select != NULL ? _jd_store_prepare (self->db, update->str, error) : NULL;
  self->journal = self->update != NULL ? _jd_store_prepare (self->db, journal->str, error) : NULL;

  /* Every row the table stored (new, updated or unchanged), with the row
   * of the file it came from: a later row with the same key is a duplicate
   * of it, or names it when its values differ.  A temporary table, so that
   * memory stays flat however many rows the file updates; the rows it adds
   * are noted in new_rows, four bytes each. */
  if (self->journal == NULL ||
      !_jd_store_exec (self->db,
                       "CREATE TEMP TABLE IF NOT EXISTS import_rows (id INTEGER PRIMARY KEY, row INTEGER NOT NULL);"
                       "DELETE FROM temp.import_rows;",
                       error))
    return FALSE;
  self->seen_insert = _jd_store_prepare (self->db, "INSERT OR IGNORE INTO temp.import_rows (id, row) VALUES (?1, ?2)", error);
  self->seen_lookup = self->seen_insert != NULL ? _jd_store_prepare (self->db, "SELECT row FROM temp.import_rows WHERE id = ?1", error) : NULL;
  if (self->seen_lookup == NULL)
    return FALSE;

  if (entity->rollup >= 0)
    {
      self->n_rollup_fields = _jd_import_rollup_fields (entity, self->rollup_field);
      self->sum = _jd_rollup_sum_new (entity->rollup);
      self->delta = _jd_rollup_delta_new (writer->ctx->db, entity->rollup, "id = ?1", error);
      if (self->delta == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
writer_table_clear (JdImportWriter *writer)
{
  SqliteWriter *self = (SqliteWriter *)writer;

  g_clear_pointer (&self->insert, sqlite3_finalize);
  g_clear_pointer (&self->select, sqlite3_finalize);
  g_clear_pointer (&self->update, sqlite3_finalize);
  g_clear_pointer (&self->journal, sqlite3_finalize);
  g_clear_pointer (&self->seen_insert, sqlite3_finalize);
  g_clear_pointer (&self->seen_lookup, sqlite3_finalize);
  g_clear_pointer (&self->sum, _jd_rollup_sum_free);
  g_clear_pointer (&self->delta, _jd_rollup_delta_free);
  g_clear_pointer (&self->new_rows, g_array_unref);
  self->new_rows_broken = FALSE;
  self->n_rollup_fields = 0;
}

/* Binds the mapped fields, keys first, from @first on. */
static int
bind_fields (const JdImportTarget *target,
             const JdImportValue  *values,
             sqlite3_stmt         *stmt,
             int                   first,
             gboolean              keys,
             gboolean              others)
{
  int index = first;

  for (int pass = 0; pass < 2; pass++)
    for (guint f = 0; f < target->entity->n_fields; f++)
      {
        gboolean is_key = _jd_import_field_is_key (target->entity, f);

        if (target->field_column[f] < 0 || is_key != (pass == 0))
          continue;
        if ((is_key && keys) || (!is_key && others))
          bind_value (stmt, index++, &values[f]);
      }

  return index;
}

static gboolean
step_write (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* Notes that row @id of the database now holds row @row of the file. */
static gboolean
note_stored_row (SqliteWriter  *self,
                 gint64         id,
                 guint          row,
                 GError       **error)
{
  sqlite3_bind_int64 (self->seen_insert, 1, id);
  sqlite3_bind_int64 (self->seen_insert, 2, row);
  if (step_write (self->seen_insert))
    return TRUE;

  _jd_store_set_error (error, self->db, sqlite3_errcode (self->db), _("Could not write a row"));
  return FALSE;
}

/* As note_stored_row(), for a row it added. */
static gboolean
note_new_row (SqliteWriter    *self,
              JdImportTarget  *target,
              gint64           id,
              guint            row,
              GError         **error)
{
  guint32 row32 = row;

  if (self->new_rows == NULL)
    self->new_rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (!self->new_rows_broken && id == target->first_id + self->new_rows->len)
    {
      g_array_append_val (self->new_rows, row32);
      return TRUE;
    }

  self->new_rows_broken = TRUE;
  return note_stored_row (self, id, row, error);
}

/* The row of the file that row @id of the database was stored from by this
 * table, or 0. */
static guint
stored_from_row (SqliteWriter         *self,
                 const JdImportTarget *target,
                 gint64                id)
{
  guint row = 0;

  if (self->new_rows != NULL && id >= target->first_id && id - target->first_id < self->new_rows->len)
    return g_array_index (self->new_rows, guint32, id - target->first_id);

  sqlite3_bind_int64 (self->seen_lookup, 1, id);
  if (sqlite3_step (self->seen_lookup) == SQLITE_ROW)
    row = sqlite3_column_int64 (self->seen_lookup, 0);
  sqlite3_reset (self->seen_lookup);
  return row;
}

/* Writes a row whose key is there already: same values, or an update, or
 * a repeat of an earlier row of the file. */
static gboolean
write_stored_row (SqliteWriter         *self,
                  JdImportTarget       *target,
                  const JdImportValue  *values,
                  guint                 row,
                  GError              **error)
{
  JdImportResult *result = target->result;
  sqlite3_stmt *select = self->select;
  gboolean same = TRUE;
  guint earlier_row;
  gint64 id;
  int column = 2;
  int rc;

  bind_fields (target, values, select, 1, TRUE, FALSE);
  rc = sqlite3_step (select);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (select);
      _jd_store_set_error (error, self->db, rc, _("Could not read a row"));
      return FALSE;
    }

  id = sqlite3_column_int64 (select, 0);
  earlier_row = stored_from_row (self, target, id);

  for (int pass = 0; pass < 2; pass++)
    for (guint f = 0; f < target->entity->n_fields; f++)
      {
        gboolean is_key = _jd_import_field_is_key (target->entity, f);

        if (target->field_column[f] < 0 || is_key != (pass == 0))
          continue;
        if (!is_key && !value_equals_column (&values[f], select, column))
          same = FALSE;
        column++;
      }
  sqlite3_reset (select);

  /* A file that lists a row twice over is not wrong; one that gives a
   * key two sets of values is, and the user needs both rows to see why. */
  if (earlier_row != 0 && same)
    {
      result->n_duplicates++;
      return TRUE;
    }
  if (earlier_row != 0)
    {
      _jd_import_add_error (target, row, -1,
                            g_strdup_printf (_("Repeats the key of row %u with different values"), earlier_row),
                            JD_IMPORT_HINT_NONE);
      result->n_rejected++;
      return TRUE;
    }

  if (same)
    {
      if (!note_stored_row (self, id, row, error))
        return FALSE;
      result->n_unchanged++;
      return TRUE;
    }

  sqlite3_bind_int64 (self->journal, 1, target->import_id);
  sqlite3_bind_int64 (self->journal, 2, ++self->parent.ctx->journal_seq);
  sqlite3_bind_int64 (self->journal, 3, id);
  if (!step_write (self->journal) ||
      (self->delta != NULL && !_jd_rollup_delta_apply (self->delta, -1, id, 0, error)))
    goto failed;

  sqlite3_bind_int64 (self->update, 1, target->import_id);
  sqlite3_bind_int64 (self->update, bind_fields (target, values, self->update, 2, FALSE, TRUE), id);
  rc = sqlite3_step (self->update);
  sqlite3_reset (self->update);
  if (rc != SQLITE_DONE && (rc & 0xff) == SQLITE_CONSTRAINT)
    {
      /* The journal entry stays: undoing restores values that did not change. */
      _jd_import_add_error (target, row, -1, g_strdup (sqlite3_errmsg (self->db)), JD_IMPORT_HINT_NONE);
      result->n_rejected++;
    }
  else if (rc != SQLITE_DONE)
    goto failed;
  else if (!note_stored_row (self, id, row, error))
    return FALSE;
  else
    result->n_updated++;

  /* The row as it is now, updated or not, goes back into the sums. */
  return self->delta == NULL || _jd_rollup_delta_apply (self->delta, 1, id, 0, error);

failed:
  if (error == NULL || *error == NULL)
    _jd_store_set_error (error, self->db, sqlite3_errcode (self->db), _("Could not write a row"));
  return FALSE;
}

/* Writes one row.  Returns FALSE only on a database failure. */
static gboolean
write_row (SqliteWriter         *self,
           JdImportTarget       *target,
           const JdImportValue  *values,
           guint                 row,
           GError              **error)
{
  JdImportResult *result = target->result;
  gint64 id;
  int rc;

  bind_fields (target, values, self->insert, 1, TRUE, TRUE);
  sqlite3_bind_int64 (self->insert, self->n_mapped + 1, target->import_id);

  rc = sqlite3_step (self->insert);
  sqlite3_reset (self->insert);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        {
          _jd_import_add_error (target, row, -1, g_strdup (sqlite3_errmsg (self->db)), JD_IMPORT_HINT_NONE);
          result->n_rejected++;
          return TRUE;
        }
      _jd_store_set_error (error, self->db, rc, _("Could not write a row"));
      return FALSE;
    }

  if (sqlite3_changes (self->db) != 1)
    return write_stored_row (self, target, values, row, error);

  id = sqlite3_last_insert_rowid (self->db);
  result->n_new++;
  if (target->first_id == 0)
    target->first_id = id;
  target->last_id = id;
  if (!note_new_row (self, target, id, row, error))
    return FALSE;
  if (self->sum != NULL)
    _jd_import_sum_row (self->sum, self->rollup_field, self->n_rollup_fields, values);
  if (self->agencies)
    _jd_import_note_agency (self->parent.ctx, values[0].s, values[1].s, id);

  return TRUE;
}

static gboolean
writer_write_rows (JdImportWriter     *writer,
                   JdImportTarget     *target,
                   const JdImportRow  *rows,
                   guint               n_rows,
                   GError            **error)
{
  SqliteWriter *self = (SqliteWriter *)writer;

  for (guint i = 0; i < n_rows; i++)
    if (!write_row (self, target, rows[i].values, rows[i].row, error))
      return FALSE;

  return TRUE;
}

static gint64
writer_add_reference (JdImportWriter     *writer,
                      JdImportTarget     *target,
                      JdImportFieldType   type,
                      const char         *text,
                      GError            **error)
{
  return _jd_import_create_reference (writer->ctx, target, type, text, error);
}

/* Every row is stored as it is written. */
static gboolean
writer_flush (JdImportWriter  *writer,
              JdImportTarget  *target,
              GError         **error)
{
  return TRUE;
}

static gboolean
writer_table_finish (JdImportWriter  *writer,
                     JdImportTarget  *target,
                     GError         **error)
{
  SqliteWriter *self = (SqliteWriter *)writer;

  if (target->entity->rollup < 0)
    return TRUE;

  return _jd_rollup_sum_flush (self->sum, writer->ctx->db, error) &&
         _jd_rollup_finish (writer->ctx->db, target->entity->rollup, error);
}

static void
writer_free (JdImportWriter *writer)
{
  SqliteWriter *self = (SqliteWriter *)writer;

  writer_table_clear (writer);
  g_free (self->restore_pragmas);
  g_free (self);
}

static const JdImportWriterOps sqlite_writer_ops = {
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
_jd_import_writer_new_sqlite (JdImportContext *ctx)
{
  SqliteWriter *self = g_new0 (SqliteWriter, 1);

  self->parent.ops = &sqlite_writer_ops;
  self->parent.ctx = ctx;
  self->db = _jd_db_get_sqlite (ctx->db);
  return &self->parent;
}

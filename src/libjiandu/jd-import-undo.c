/* jd-import-undo.c — the import history, and undoing an import
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each table imported has a row in imports: written as it begins, its
 * counts and id range as it ends, the file's checksum at the commit.  An
 * import is undone from its rows' id range (the rows it added still carry
 * its id) and from import_journal, which holds the values it overwrote as
 * a JSON object per row.  Portable SQL on either store; the JSON is read
 * here, with json-glib, rather than by the database.
 */

#define G_LOG_DOMAIN "jd-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "jd-import-private.h"
#include "jd-rollup-private.h"
#include "jd-store-private.h"

/* Records */

void
jd_import_record_free (JdImportRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->file_name);
  g_free (record->sha256);
  g_free (record->entity);
  g_free (record->sheet);
  g_free (record->started_at);
  g_free (record->finished_at);
  g_free (record->undone_at);
  g_free (record);
}

/* Adds the table's row to imports, its counts still to come. */
gboolean
_jd_import_record_begin (JdImportContext  *ctx,
                         JdImportTarget   *target,
                         const char       *file_name,
                         const char       *sheet,
                         GError          **error)
{
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autofree char *started = _jd_import_now_text ();

  stmt = _jd_db_prepare (ctx->db,
                         "INSERT INTO imports (file_name, sha256, entity, sheet, started_at)"
                         " VALUES (?1, '', ?2, ?3, ?4) RETURNING id",
                         error);
  if (stmt == NULL)
    return FALSE;
  _jd_db_bind_text (stmt, 1, file_name);
  _jd_db_bind_text (stmt, 2, target->entity->name);
  _jd_db_bind_text (stmt, 3, sheet);
  _jd_db_bind_text (stmt, 4, started);
  if (_jd_db_step (stmt, error) != JD_DB_ROW)
    {
      g_prefix_error (error, "%s: ", _("Could not record the import"));
      return FALSE;
    }

  target->import_id = _jd_db_column_int64 (stmt, 0);
  g_array_append_val (ctx->import_ids, target->import_id);
  target->result->import_id = ctx->options->dry_run ? 0 : target->import_id;
  return TRUE;
}

gboolean
_jd_import_record_finish (JdImportContext  *ctx,
                          JdImportTarget   *target,
                          GError          **error)
{
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autofree char *finished = _jd_import_now_text ();
  JdImportResult *result = target->result;

  stmt = _jd_db_prepare (ctx->db,
                         "UPDATE imports SET finished_at = ?2, accepted = ?3, updated = ?4, unchanged = ?5, rejected = ?6,"
                         " first_row_id = ?7, last_row_id = ?8 WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  _jd_db_bind_int64 (stmt, 1, target->import_id);
  _jd_db_bind_text (stmt, 2, finished);
  _jd_db_bind_int64 (stmt, 3, result->n_new);
  _jd_db_bind_int64 (stmt, 4, result->n_updated);
  /* The history has no column of its own for duplicates: like unchanged
   * rows, they changed nothing. */
  _jd_db_bind_int64 (stmt, 5, result->n_unchanged + result->n_duplicates);
  _jd_db_bind_int64 (stmt, 6, result->n_rejected);
  if (target->first_id != 0)
    {
      _jd_db_bind_int64 (stmt, 7, target->first_id);
      _jd_db_bind_int64 (stmt, 8, target->last_id);
    }
  else
    {
      _jd_db_bind_null (stmt, 7);
      _jd_db_bind_null (stmt, 8);
    }
  if (!_jd_db_step_done (stmt, error))
    {
      g_prefix_error (error, "%s: ", _("Could not record the import"));
      return FALSE;
    }

  return TRUE;
}

/* Writes the file's checksum into the records of its tables. */
gboolean
_jd_import_record_checksum (JdImportContext  *ctx,
                            const char       *sha256,
                            GError          **error)
{
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (ctx->db, "UPDATE imports SET sha256 = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  _jd_db_bind_text (stmt, 2, sha256);
  for (guint i = 0; i < ctx->import_ids->len; i++)
    {
      _jd_db_bind_int64 (stmt, 1, g_array_index (ctx->import_ids, gint64, i));
      if (!_jd_db_step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static char *
column_text (JdDbStmt *stmt,
             int       column)
{
  return g_strdup (_jd_db_column_text (stmt, column));
}

/**
 * jd_import_list:
 *
 * Returns: (transfer full) (element-type JdImportRecord): every import,
 *   the latest first
 */
GPtrArray *
jd_import_list (JdStore  *store,
                GError  **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) records = NULL;
  JdDbStep step;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);

  locker = _jd_store_locker_new (store);
  stmt = _jd_db_prepare (_jd_store_get_conn (store),
                         "SELECT id, file_name, sha256, entity, sheet, started_at, finished_at, undone_at,"
                         " accepted, updated, unchanged, rejected FROM imports ORDER BY id DESC",
                         error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_import_record_free);
  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      JdImportRecord *record = g_new0 (JdImportRecord, 1);

      record->id = _jd_db_column_int64 (stmt, 0);
      record->file_name = column_text (stmt, 1);
      record->sha256 = column_text (stmt, 2);
      record->entity = column_text (stmt, 3);
      record->sheet = column_text (stmt, 4);
      record->started_at = column_text (stmt, 5);
      record->finished_at = column_text (stmt, 6);
      record->undone_at = column_text (stmt, 7);
      record->n_new = _jd_db_column_int (stmt, 8);
      record->n_updated = _jd_db_column_int (stmt, 9);
      record->n_unchanged = _jd_db_column_int (stmt, 10);
      record->n_rejected = _jd_db_column_int (stmt, 11);
      g_ptr_array_add (records, record);
    }

  if (step != JD_DB_DONE)
    {
      g_prefix_error (error, "%s: ", _("Could not read the imports"));
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* Undo */

static gboolean
step_done (JdDbStmt  *stmt,
           GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (_jd_db_step_done (stmt, &local_error))
    return TRUE;

  if (g_error_matches (local_error, JD_STORE_ERROR, JD_STORE_ERROR_CONSTRAINT))
    g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED,
                 _("Other data depend on what this import added: %s"), local_error->message);
  else
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", _("Could not undo the import"));
  return FALSE;
}

/* Puts a row back as a journal entry has it: its old import's id, and the
 * old values of the columns the entry names (the import's mapped ones). */
typedef struct
{
  JdDb                 *db;
  const JdImportEntity *entity;
  JsonParser           *parser;
  GHashTable           *statements;   /* mask of the fields restored → JdDbStmt */
} Restore;

static void
restore_clear (Restore *restore)
{
  g_clear_object (&restore->parser);
  g_clear_pointer (&restore->statements, g_hash_table_unref);
}

static void
bind_json (JdDbStmt *stmt,
           int       index,
           JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (JSON_NODE_HOLDS_NULL (node))
    _jd_db_bind_null (stmt, index);
  else if (type == G_TYPE_INT64)
    _jd_db_bind_int64 (stmt, index, json_node_get_int (node));
  else if (type == G_TYPE_BOOLEAN)
    _jd_db_bind_int64 (stmt, index, json_node_get_boolean (node));
  else if (type == G_TYPE_DOUBLE)
    _jd_db_bind_double (stmt, index, json_node_get_double (node));
  else
    _jd_db_bind_text (stmt, index, json_node_get_string (node));
}

static gboolean
restore_row (Restore     *restore,
             const char  *old_values,
             gboolean     has_old_import_id,
             gint64       old_import_id,
             gint64       row_id,
             GError     **error)
{
  const JdImportEntity *entity = restore->entity;
  JsonObject *object;
  JdDbStmt *stmt;
  guint mask = 0;
  int index = 2;

  if (!json_parser_load_from_data (restore->parser, old_values, -1, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (restore->parser)))
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED,
                   _("Could not undo the import: a journal entry of row %lld is not a JSON object"), (long long)row_id);
      return FALSE;
    }
  object = json_node_get_object (json_parser_get_root (restore->parser));

  for (guint f = 0; f < entity->n_fields; f++)
    if (!_jd_import_field_is_key (entity, f) && json_object_has_member (object, entity->fields[f].column))
      mask |= 1u << f;

  stmt = g_hash_table_lookup (restore->statements, GUINT_TO_POINTER (mask));
  if (stmt == NULL)
    {
      g_autoptr(GString) sql = g_string_new (NULL);

      g_string_printf (sql, "UPDATE %s SET import_id = ?1", entity->table);
      for (guint f = 0; f < entity->n_fields; f++)
        if (mask & (1u << f))
          g_string_append_printf (sql, ", %s = ?%d", entity->fields[f].column, index++);
      g_string_append_printf (sql, " WHERE id = ?%d", index);
      stmt = _jd_db_prepare (restore->db, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      g_hash_table_insert (restore->statements, GUINT_TO_POINTER (mask), stmt);
      index = 2;
    }

  if (has_old_import_id)
    _jd_db_bind_int64 (stmt, 1, old_import_id);
  else
    _jd_db_bind_null (stmt, 1);
  for (guint f = 0; f < entity->n_fields; f++)
    if (mask & (1u << f))
      bind_json (stmt, index++, json_object_get_member (object, entity->fields[f].column));
  _jd_db_bind_int64 (stmt, index, row_id);

  return step_done (stmt, error);
}

/* Restores the rows the import updated, the last change first, each taken
 * out of the rollups before and added back after. */
static gboolean
restore_journal (JdDb                  *db,
                 const JdImportEntity  *entity,
                 gint64                 import_id,
                 JdRollupDelta         *row_delta,
                 GError               **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT old_values, old_import_id, row_id FROM import_journal"
                                          " WHERE import_id = ?1 AND tbl = '%s' ORDER BY seq DESC", entity->table);
  g_autoptr(JdDbStmt) journal = _jd_db_prepare (db, sql, error);
  Restore restore = { db, entity, json_parser_new_immutable (),
                      g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)_jd_db_stmt_free) };
  gboolean ok = journal != NULL;
  JdDbStep step = JD_DB_DONE;

  if (ok)
    _jd_db_bind_int64 (journal, 1, import_id);
  while (ok && (step = _jd_db_step (journal, error)) == JD_DB_ROW)
    {
      gint64 row_id = _jd_db_column_int64 (journal, 2);

      ok = (row_delta == NULL || _jd_rollup_delta_apply (row_delta, -1, row_id, 0, error)) &&
           restore_row (&restore, _jd_db_column_text (journal, 0), !_jd_db_column_is_null (journal, 1),
                        _jd_db_column_int64 (journal, 1), row_id, error) &&
           (row_delta == NULL || _jd_rollup_delta_apply (row_delta, 1, row_id, 0, error));
    }
  if (ok && step != JD_DB_DONE)
    {
      g_prefix_error (error, "%s: ", _("Could not undo the import"));
      ok = FALSE;
    }

  restore_clear (&restore);
  return ok;
}

/* On a server the five large tables have no foreign keys
 * (jd-schema-pg.sql): before undo takes away the agencies, fields and
 * leniency items an import added, it looks here for rows of other imports
 * that refer to them, as SQLite's foreign keys would. */
static const struct {
  const char *table;
  const char *column;
  const char *referenced;
} references[] = {
  { "cases", "agency_id", "agencies" },
  { "cases", "domain_id", "domains" },
  { "cases", "leniency_item_id", "leniency_items" },
  { "complaints", "agency_id", "agencies" },
  { "complaints", "domain_id", "domains" },
  { "lawsuits", "agency_id", "agencies" },
  { "lawsuits", "domain_id", "domains" },
  { "reconsiderations", "agency_id", "agencies" },
  { "reconsiderations", "domain_id", "domains" },
  { "reviews", "agency_id", "agencies" },
};

static gboolean
check_references (JdDb     *db,
                  gint64    import_id,
                  GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *added_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE import_id = %lld",
                                                    references[i].referenced, (long long)import_id);
      g_autofree char *sql = NULL;
      g_autofree char *what = NULL;
      g_autoptr(GError) local_error = NULL;
      gint64 found;

      /* Mostly nothing was added: no need to read the large table. */
      if (_jd_db_query_int64 (db, added_sql, 0, &local_error) == 0)
        {
          if (local_error == NULL)
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      sql = g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM %s WHERE %s IN (SELECT id FROM %s WHERE import_id = %lld)"
                             " AND import_id IS DISTINCT FROM %lld LIMIT 1) AS referring",
                             references[i].table, references[i].column, references[i].referenced,
                             (long long)import_id, (long long)import_id);
      found = _jd_db_query_int64 (db, sql, 0, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (found > 0)
        {
          what = g_strdup_printf ("%s.%s → %s", references[i].table, references[i].column, references[i].referenced);
          g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED,
                       _("Other data depend on what this import added: %s"), what);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
undo_locked (JdDb     *db,
             gint64    import_id,
             GError  **error)
{
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autoptr(JdRollupDelta) row_delta = NULL;
  g_autoptr(JdRollupDelta) added_delta = NULL;
  g_autofree char *entity_name = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *delete_sql = NULL;
  g_autofree char *added = NULL;
  const JdImportEntity *entity;
  gint64 first_id = 0, last_id = 0;
  gint64 later;

  stmt = _jd_db_prepare (db, "SELECT entity, undone_at, first_row_id, last_row_id FROM imports WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _jd_db_bind_int64 (stmt, 1, import_id);
  if (_jd_db_step (stmt, NULL) != JD_DB_ROW)
    {
      g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_NOT_FOUND,
                   _("There is no import %lld"), (long long)import_id);
      return FALSE;
    }
  entity_name = column_text (stmt, 0);
  if (!_jd_db_column_is_null (stmt, 1))
    {
      g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED,
                   _("Import %lld has been undone already"), (long long)import_id);
      return FALSE;
    }
  if (!_jd_db_column_is_null (stmt, 2))
    {
      first_id = _jd_db_column_int64 (stmt, 2);
      last_id = _jd_db_column_int64 (stmt, 3);
    }
  g_clear_pointer (&stmt, _jd_db_stmt_free);

  entity = _jd_import_find_entity (entity_name);
  if (entity == NULL)
    {
      g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED,
                   _("Import %lld holds “%s”, which this version cannot undo"),
                   (long long)import_id, entity_name);
      return FALSE;
    }
  /* On a server, after the imports of the table under way — and after
   * another undo of this very import, which may have committed while this
   * one waited: read its state again under the lock. */
  if (!_jd_import_lock_entity (db, entity, error))
    return FALSE;
  if (_jd_db_get_kind (db) == JD_DB_POSTGRESQL)
    {
      stmt = _jd_db_prepare (db, "SELECT undone_at FROM imports WHERE id = ?1 AND undone_at IS NOT NULL", error);
      if (stmt == NULL)
        return FALSE;
      _jd_db_bind_int64 (stmt, 1, import_id);
      if (_jd_db_step (stmt, NULL) == JD_DB_ROW)
        {
          g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED,
                       _("Import %lld has been undone already"), (long long)import_id);
          return FALSE;
        }
      g_clear_pointer (&stmt, _jd_db_stmt_free);
    }

  /* A later import that changed rows of this one would be undone halfway. */
  stmt = _jd_db_prepare (db,
                         "SELECT max (j.import_id) FROM import_journal AS j JOIN imports AS i ON i.id = j.import_id"
                         " WHERE j.old_import_id = ?1 AND j.import_id <> ?1 AND i.undone_at IS NULL",
                         error);
  if (stmt == NULL)
    return FALSE;
  _jd_db_bind_int64 (stmt, 1, import_id);
  if (_jd_db_step (stmt, NULL) == JD_DB_ROW && (later = _jd_db_column_int64 (stmt, 0)) != 0)
    {
      g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED,
                   _("Import %lld changed rows of this import; undo it first"), (long long)later);
      return FALSE;
    }
  g_clear_pointer (&stmt, _jd_db_stmt_free);

  /* The rows it added are those of its range that still carry its id
   * once the rows it updated have their old values (and ids) back. */
  added = g_strdup_printf ("id BETWEEN ?1 AND ?2 AND import_id = %lld", (long long)import_id);
  if (entity->rollup >= 0 &&
      ((row_delta = _jd_rollup_delta_new (db, entity->rollup, "id = ?1", error)) == NULL ||
       (added_delta = _jd_rollup_delta_new (db, entity->rollup, added, error)) == NULL))
    return FALSE;

  if (!restore_journal (db, entity, import_id, row_delta, error))
    return FALSE;

  if (_jd_db_get_kind (db) == JD_DB_POSTGRESQL && !check_references (db, import_id, error))
    return FALSE;

  if (first_id != 0)
    {
      if (added_delta != NULL && !_jd_rollup_delta_apply (added_delta, -1, first_id, last_id, error))
        return FALSE;
      delete_sql = g_strdup_printf ("DELETE FROM %s WHERE %s", entity->table, added);
      stmt = _jd_db_prepare (db, delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      _jd_db_bind_int64 (stmt, 1, first_id);
      _jd_db_bind_int64 (stmt, 2, last_id);
      if (!step_done (stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _jd_db_stmt_free);
    }

  for (guint i = 0; i < 2; i++)
    {
      stmt = _jd_db_prepare (db, i == 0 ? "DELETE FROM agencies WHERE import_id = ?1"
                                        : "DELETE FROM domains WHERE import_id = ?1",
                             error);
      if (stmt == NULL)
        return FALSE;
      _jd_db_bind_int64 (stmt, 1, import_id);
      if (!step_done (stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _jd_db_stmt_free);
    }

  if (entity->rollup >= 0 && !_jd_rollup_finish (db, entity->rollup, error))
    return FALSE;

  undone = _jd_import_now_text ();
  stmt = _jd_db_prepare (db, "UPDATE imports SET undone_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _jd_db_bind_int64 (stmt, 1, import_id);
  _jd_db_bind_text (stmt, 2, undone);

  return step_done (stmt, error);
}

/**
 * jd_import_undo:
 * @import_id: an id of jd_import_list()
 *
 * Removes the rows the import added and restores the rows it updated, in
 * one transaction.  Refused when a later import changed rows of this one
 * (undo that first), or when later data refer to what it added.
 */
gboolean
jd_import_undo (JdStore  *store,
                gint64    import_id,
                GError  **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  JdDb *db;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_conn (store);

  if (!_jd_db_begin_write (db, error))
    return FALSE;

  if (!undo_locked (db, import_id, error) || !_jd_db_exec (db, "COMMIT", error))
    {
      _jd_db_exec (db, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

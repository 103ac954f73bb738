/* jd-import-pg-merge.c — merging the staged rows on a PostgreSQL server
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Set-based SQL, in the file's one transaction, once the other imports of
 * the same table are done (an advisory lock per table; the imports of
 * other tables go on beside it):
 *
 *  1. rows whose key a row before them repeats — one merged earlier, or an
 *     earlier one of the staged rows — are duplicates (the same values) or
 *     rejected, naming that row, as the SQLite writer finds them one at a
 *     time;
 *  2. the others are matched with the stored rows by key: the same values
 *     (IS NOT DISTINCT FROM) are unchanged; different ones are journalled,
 *     taken out of the rollups, updated and added back;
 *  3. the rest are inserted in the order of the file, and added to the
 *     rollups.
 *
 * The rollups are kept by increments, by jd-rollup.c's SQL restricted to
 * the rows changed, so that no import rewrites what another one summed.
 */

#define G_LOG_DOMAIN "jd-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-import-pg-private.h"

static int
compare_hashes (gconstpointer a,
                gconstpointer b)
{
  guint64 x = *(const guint64 *)a;
  guint64 y = *(const guint64 *)b;

  return x < y ? -1 : x > y;
}

/* Whether two staged rows may have the same key. */
static gboolean
may_repeat (JdImportPgWriter *self)
{
  g_array_sort (self->key_hashes, compare_hashes);
  for (guint i = 1; i < self->key_hashes->len; i++)
    if (g_array_index (self->key_hashes, guint64, i) == g_array_index (self->key_hashes, guint64, i - 1))
      return TRUE;

  return FALSE;
}

/* The merge */

/* "a.c1 IS NOT DISTINCT FROM b.c1 AND …" over the mapped columns, keys
 * (@keys) or the others. */
static char *
columns_equal (JdImportPgWriter     *self,
               const JdImportEntity *entity,
               const char           *a,
               const char           *b,
               gboolean              keys)
{
  GString *sql = g_string_new (NULL);

  for (guint i = keys ? 0 : self->n_keys; i < (keys ? self->n_keys : self->n_fields); i++)
    {
      const char *column = entity->fields[self->fields[i]].column;

      g_string_append_printf (sql, "%s%s.%s %s %s.%s", sql->len > 0 ? " AND " : "",
                              a, column, keys ? "=" : "IS NOT DISTINCT FROM", b, column);
    }
  if (sql->len == 0)
    g_string_append (sql, "TRUE");

  return g_string_free (sql, FALSE);
}

/* Waits for the other imports of the table, saying so once. */
static gboolean
take_turn (JdImportPgWriter      *self,
           const JdImportEntity  *entity,
           GError               **error)
{
  gboolean taken;

  if (self->locked)
    return TRUE;

  if (!_jd_import_pg_lock_table (self->db, entity->table, FALSE, &taken, error))
    return FALSE;
  if (!taken && self->progress != NULL)
    self->progress (JD_PROGRESS_WAITING, self->user_data);
  if (!taken && !_jd_import_pg_lock_table (self->db, entity->table, TRUE, NULL, error))
    return FALSE;
  if (_jd_import_pg_shared_rollup (entity) != NULL && !_jd_import_pg_lock_table (self->db, _jd_import_pg_shared_rollup (entity), TRUE, NULL, error))
    return FALSE;

  self->locked = TRUE;
  return TRUE;
}

/* Step 1: rows that repeat the key of a row stored before them, from an
 * earlier merge of this table or from among the staged rows, are taken
 * out of jd_stage into jd_repeat, with that row and whether the values
 * are the same.  Sets @found when there may be any. */
static gboolean
find_repeats (JdImportPgWriter      *self,
              const JdImportEntity  *entity,
              gboolean              *found,
              GError               **error)
{
  g_autofree char *keys_stored = columns_equal (self, entity, "t", "s", TRUE);
  g_autofree char *same_stored = columns_equal (self, entity, "t", "s", FALSE);
  g_autofree char *keys_first = columns_equal (self, entity, "f", "s", TRUE);
  g_autofree char *same_first = columns_equal (self, entity, "f", "s", FALSE);
  g_autoptr(GString) key_list = g_string_new (NULL);
  gboolean in_stage = may_repeat (self);

  *found = self->seen || in_stage;
  if (!*found)
    return TRUE;

  for (guint i = 0; i < self->n_keys; i++)
    g_string_append_printf (key_list, "%s%s", i > 0 ? ", " : "", entity->fields[self->fields[i]].column);

  if (!_jd_import_pg_exec (self, error,
                           "DROP TABLE IF EXISTS jd_repeat;"
                           " CREATE TEMP TABLE jd_repeat (file_row integer, earlier_row integer, same boolean) ON COMMIT DROP"))
    return FALSE;

  if (self->seen &&
      !_jd_import_pg_exec (self, error,
                           "INSERT INTO jd_repeat SELECT s.file_row, n.file_row, %s"
                           " FROM jd_stage AS s JOIN %s AS t ON %s JOIN jd_seen AS n ON n.id = t.id;"
                           " DELETE FROM jd_stage AS s USING jd_repeat AS r WHERE s.file_row = r.file_row",
                           same_stored, entity->table, keys_stored))
    return FALSE;

  /* The first row of a key compared with each later one. */
  return !in_stage ||
         _jd_import_pg_exec (self, error,
                             "INSERT INTO jd_repeat SELECT s.file_row, f.file_row, %s"
                             " FROM (SELECT %s, min (file_row) AS first_row FROM jd_stage GROUP BY %s HAVING count(*) > 1) AS d"
                             " JOIN jd_stage AS f ON f.file_row = d.first_row"
                             " JOIN jd_stage AS s ON %s AND s.file_row <> f.file_row;"
                             " DELETE FROM jd_stage AS s USING jd_repeat AS r WHERE s.file_row = r.file_row",
                             same_first, key_list->str, key_list->str, keys_first);
}

/* Counts the repeats, and gives the reasons of those rejected. */
static gboolean
count_repeats (JdImportPgWriter  *self,
               JdImportTarget    *target,
               gint64            *n_repeats,
               GError           **error)
{
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autoptr(GArray) reasons = NULL;
  gint64 counts[2];
  JdDbStep step;

  if (!_jd_import_pg_query_numbers (self, "SELECT count(*), coalesce (sum (CASE WHEN same THEN 1 ELSE 0 END), 0) FROM jd_repeat",
                                    counts, 2, error))
    return FALSE;
  *n_repeats = counts[0];
  if (counts[0] == 0)
    return TRUE;
  target->result->n_duplicates += counts[1];
  target->result->n_rejected += counts[0] - counts[1];

  stmt = _jd_db_prepare (self->db, "SELECT file_row, earlier_row FROM jd_repeat WHERE NOT same ORDER BY file_row LIMIT ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  _jd_db_bind_int64 (stmt, 1, JD_IMPORT_MAX_ERRORS);
  reasons = g_array_new (FALSE, FALSE, sizeof (JdImportRowError));
  g_array_set_clear_func (reasons, (GDestroyNotify)_jd_import_row_error_clear);
  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      JdImportRowError reason = { _jd_db_column_int (stmt, 0), NULL, NULL, JD_IMPORT_HINT_NONE };

      reason.reason = g_strdup_printf (_("Repeats the key of row %u with different values"),
                                       (guint)_jd_db_column_int (stmt, 1));
      g_array_append_val (reasons, reason);
    }
  if (step != JD_DB_DONE)
    return FALSE;

  _jd_import_add_late_errors (target, reasons, counts[0] - counts[1]);
  return TRUE;
}

/* Step 2: the staged rows whose key is stored, in jd_match; those whose
 * values changed, in jd_updated, journalled and updated. */
static gboolean
update_rows (JdImportPgWriter  *self,
             JdImportTarget    *target,
             gint64            *n_matched,
             GError           **error)
{
  const JdImportEntity *entity = target->entity;
  g_autofree char *keys = columns_equal (self, entity, "t", "s", TRUE);
  g_autofree char *same = columns_equal (self, entity, "t", "s", FALSE);
  g_autoptr(GString) journal = g_string_new (NULL);
  g_autoptr(GString) set = g_string_new (NULL);
  gint64 counts[2];

  if (!_jd_import_pg_exec (self, error,
                           "DROP TABLE IF EXISTS jd_match, jd_updated;"
                           " CREATE TEMP TABLE jd_match ON COMMIT DROP AS"
                           " SELECT s.file_row, t.id, %s AS same FROM jd_stage AS s JOIN %s AS t ON %s;"
                           " CREATE TEMP TABLE jd_updated ON COMMIT DROP AS SELECT id, file_row FROM jd_match WHERE NOT same;"
                           " ANALYZE jd_match; ANALYZE jd_updated",
                           same, entity->table, keys) ||
      !_jd_import_pg_query_numbers (self, "SELECT count(*), coalesce (sum (CASE WHEN same THEN 0 ELSE 1 END), 0) FROM jd_match",
                                    counts, 2, error))
    return FALSE;

  *n_matched = counts[0];
  target->result->n_unchanged += counts[0] - counts[1];
  target->result->n_updated += counts[1];
  if (counts[1] == 0)
    return TRUE;

  for (guint i = self->n_keys; i < self->n_fields; i++)
    {
      const char *column = entity->fields[self->fields[i]].column;

      g_string_append_printf (journal, "%s'%s', t.%s", journal->len > 0 ? ", " : "", column, column);
      g_string_append_printf (set, ", %s = s.%s", column, column);
    }

  /* The old values, as the SQLite writer's json_object() has them, in
   * the order of the file. */
  if (!_jd_import_pg_exec (self, error,
                           "INSERT INTO import_journal (import_id, seq, tbl, row_id, old_import_id, old_values)"
                           " SELECT %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT " + row_number () OVER (ORDER BY u.file_row),"
                           " '%s', t.id, t.import_id, CAST (json_build_object (%s) AS text)"
                           " FROM jd_updated AS u JOIN %s AS t ON t.id = u.id",
                           target->import_id, self->parent.ctx->journal_seq, entity->table, journal->str, entity->table))
    return FALSE;
  self->parent.ctx->journal_seq += counts[1];

  return (self->updated_delta == NULL || _jd_rollup_delta_apply (self->updated_delta, -1, 0, 0, error)) &&
         _jd_import_pg_exec (self, error,
                             "UPDATE %s AS t SET import_id = %" G_GINT64_FORMAT "%s"
                             " FROM jd_updated AS u JOIN jd_stage AS s ON s.file_row = u.file_row WHERE t.id = u.id",
                             entity->table, target->import_id, set->str) &&
         (self->updated_delta == NULL || _jd_rollup_delta_apply (self->updated_delta, 1, 0, 0, error));
}

/* Step 3: the rest are new, inserted in the order of the file, and
 * added to the rollups. */
static gboolean
insert_rows (JdImportPgWriter  *self,
             JdImportTarget    *target,
             gint64             range[2],
             GError           **error)
{
  const JdImportEntity *entity = target->entity;
  g_autofree char *sql = NULL;
  gint64 inserted[3];

  /* Read in the order of the file through an index, which beats sorting
   * the rows. */
  if (!_jd_import_pg_exec (self, error, "CREATE INDEX IF NOT EXISTS jd_stage_row ON jd_stage (file_row)"))
    return FALSE;

  sql = g_strdup_printf ("WITH added AS (INSERT INTO %s (%s, import_id)"
                         " SELECT %s, %" G_GINT64_FORMAT " FROM jd_stage AS s"
                         " WHERE NOT EXISTS (SELECT 1 FROM jd_match AS m WHERE m.file_row = s.file_row)"
                         " ORDER BY s.file_row RETURNING id)"
                         " SELECT count(*), min (id), max (id) FROM added",
                         entity->table, self->columns->str, self->columns->str, target->import_id);
  if (!_jd_import_pg_query_numbers (self, sql, inserted, 3, error))
    return FALSE;

  range[0] = inserted[1];
  range[1] = inserted[2];
  if (inserted[0] > 0)
    {
      target->result->n_new += inserted[0];
      if (target->first_id == 0)
        target->first_id = inserted[1];
      target->last_id = inserted[2];
    }
  if (self->sum == NULL)
    return TRUE;

  /* Every staged row new: the sums of the staged rows are theirs.  The
   * caller starts them anew. */
  if (inserted[0] == self->n_staged)
    return _jd_rollup_sum_flush (self->sum, self->db, error);

  return inserted[0] == 0 || _jd_rollup_delta_apply (self->added_delta, 1, inserted[1], inserted[2], error);
}

/* New agencies: later rows and sheets may name them by code or name. */
static gboolean
note_agencies (JdImportPgWriter  *self,
               JdImportTarget    *target,
               const gint64       range[2],
               GError           **error)
{
  g_autoptr(JdDbStmt) stmt = NULL;
  JdDbStep step;

  stmt = _jd_db_prepare (self->db, "SELECT id, code, name FROM agencies WHERE id BETWEEN ?1 AND ?2 AND import_id = ?3"
                                   " ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  _jd_db_bind_int64 (stmt, 1, range[0]);
  _jd_db_bind_int64 (stmt, 2, range[1]);
  _jd_db_bind_int64 (stmt, 3, target->import_id);
  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    _jd_import_note_agency (self->parent.ctx, _jd_db_column_text (stmt, 1), _jd_db_column_text (stmt, 2),
                            _jd_db_column_int64 (stmt, 0));

  return step == JD_DB_DONE;
}

gboolean
_jd_import_pg_merge (JdImportPgWriter  *self,
                     JdImportTarget    *target,
                     gboolean           last,
                     GError           **error)
{
  const JdImportEntity *entity = target->entity;
  gint64 range[2] = { 0, 0 };
  gint64 n_repeats = 0;
  gint64 n_matched = 0;
  gboolean repeats;

  if (self->n_staged == 0)
    return TRUE;

  if (!_jd_import_pg_exec (self, error, "ANALYZE jd_stage") ||
      !take_turn (self, entity, error) ||
      !find_repeats (self, entity, &repeats, error) ||
      (repeats && !count_repeats (self, target, &n_repeats, error)) ||
      !update_rows (self, target, &n_matched, error))
    return FALSE;
  /* A file stored already has nothing new. */
  if (n_repeats + n_matched < self->n_staged && !insert_rows (self, target, range, error))
    return FALSE;
  if (self->sum != NULL)
    {
      g_clear_pointer (&self->sum, _jd_rollup_sum_free);
      self->sum = _jd_rollup_sum_new (entity->rollup);
    }

  if (g_str_equal (entity->name, "agencies") && range[0] != 0 && !note_agencies (self, target, range, error))
    return FALSE;

  g_array_set_size (self->key_hashes, 0);
  self->n_staged = 0;
  if (last)
    return TRUE;

  {
    g_autofree char *keys = columns_equal (self, entity, "t", "s", TRUE);

    self->seen = TRUE;
    return _jd_import_pg_exec (self, error,
                               "INSERT INTO jd_seen SELECT id, file_row FROM jd_match;"
                               " INSERT INTO jd_seen SELECT t.id, s.file_row FROM jd_stage AS s JOIN %s AS t ON %s"
                               " WHERE t.id BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT " ON CONFLICT DO NOTHING;"
                               " TRUNCATE jd_stage",
                               entity->table, keys, range[0], range[1]);
  }
}


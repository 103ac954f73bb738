/* jd-import.c — importing agencies' and the hotline's exports
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file's tables are mapped onto one entity each, by their headers, and
 * every row is accounted for: new, updated, unchanged, a duplicate of an
 * earlier row of the file, or rejected with a reason.  A file is imported
 * in one transaction, with the rollups kept in step inside it.  Rows an
 * import updated have their previous values in import_journal, so that the
 * import can be undone exactly (jd-import-undo.c).
 *
 * This is the core: it reads and parses a table in a second thread
 * (jd-import-pipeline.c), resolves the names the rows give, and hands the
 * good rows to the store's writer (jd-import-private.h).
 */

#define G_LOG_DOMAIN "jd-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-import-private.h"
#include "jd-rollup-private.h"
#include "jd-store-private.h"
#include "jd-test-hooks-private.h"

G_DEFINE_QUARK (jd-import-error-quark, jd_import_error)

void
_jd_import_row_error_clear (JdImportRowError *error)
{
  g_clear_pointer (&error->column, g_free);
  g_clear_pointer (&error->reason, g_free);
}

void
jd_import_result_free (JdImportResult *result)
{
  if (result == NULL)
    return;

  g_free (result->file);
  g_free (result->sheet);
  g_free (result->entity);
  g_clear_pointer (&result->errors, g_array_unref);
  g_free (result);
}

/**
 * jd_import_result_summary:
 *
 * Returns: (transfer full): one line saying where the table was and what
 * became of its rows, as the command line and the app show it.  Rows that
 * repeat an earlier row are only named when there are any.
 */
char *
jd_import_result_summary (const JdImportResult *result)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  where = result->sheet != NULL ? g_strdup_printf ("%s [%s]", result->file, result->sheet) : g_strdup (result->file);
  if (result->n_duplicates > 0)
    /* Translators: a summary line, e.g. "cases.xlsx: Enforcement cases — 120 new, 3 updated, 5 unchanged, 4 duplicated, 2 rejected";
     * "duplicated" rows repeat an earlier row of the file, values and all */
    return g_strdup_printf (_("%s: %s — %u new, %u updated, %u unchanged, %u duplicated, %u rejected"),
                            where, jd_import_entity_label (result->entity), result->n_new, result->n_updated,
                            result->n_unchanged, result->n_duplicates, result->n_rejected);

  /* Translators: a summary line, e.g. "cases.xlsx: Enforcement cases — 120 new, 3 updated, 5 unchanged, 2 rejected" */
  return g_strdup_printf (_("%s: %s — %u new, %u updated, %u unchanged, %u rejected"),
                          where, jd_import_entity_label (result->entity), result->n_new, result->n_updated,
                          result->n_unchanged, result->n_rejected);
}

void
jd_import_table_free (JdImportTable *table)
{
  if (table == NULL)
    return;

  g_free (table->sheet);
  g_free (table->entity);
  g_clear_pointer (&table->headers, g_ptr_array_unref);
  g_clear_pointer (&table->fields, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

void
_jd_import_add_error (JdImportTarget *target,
                      guint           row,
                      int             column,
                      char           *reason,
                      JdImportHint    hint)
{
  JdImportRowError error;

  if (target->result->errors->len >= JD_IMPORT_MAX_ERRORS)
    {
      target->result->n_errors_dropped++;
      g_free (reason);
      return;
    }

  error.row = row;
  error.column = column >= 0 ? g_strdup (target->headers->pdata[column]) : NULL;
  error.reason = reason;
  error.hint = hint;
  g_array_append_val (target->result->errors, error);
}

void
_jd_import_add_late_errors (JdImportTarget *target,
                            GArray         *errors,
                            guint           n_total)
{
  JdImportResult *result = target->result;
  g_autoptr(GArray) tail = NULL;
  guint n_all = result->errors->len + result->n_errors_dropped + n_total;
  guint first = result->errors->len;
  guint i = 0, j = 0;

  if (n_total == 0)
    return;

  /* Both are in the order of the rows, and a row has its reasons in one
   * of them only; the new ones mostly come after those kept, so only the
   * kept ones after the first new one are merged again. */
  while (first > 0 && g_array_index (result->errors, JdImportRowError, first - 1).row > g_array_index (errors, JdImportRowError, 0).row)
    first--;
  tail = g_array_new (FALSE, FALSE, sizeof (JdImportRowError));
  g_array_set_clear_func (tail, (GDestroyNotify)_jd_import_row_error_clear);
  g_array_append_vals (tail, &g_array_index (result->errors, JdImportRowError, first), result->errors->len - first);
  g_array_set_clear_func (result->errors, NULL);
  g_array_set_size (result->errors, first);
  g_array_set_clear_func (result->errors, (GDestroyNotify)_jd_import_row_error_clear);

  while (result->errors->len < JD_IMPORT_MAX_ERRORS && (i < tail->len || j < errors->len))
    {
      JdImportRowError *a = i < tail->len ? &g_array_index (tail, JdImportRowError, i) : NULL;
      JdImportRowError *b = j < errors->len ? &g_array_index (errors, JdImportRowError, j) : NULL;
      JdImportRowError *next = a != NULL && (b == NULL || a->row < b->row) ? a : b;

      g_array_append_vals (result->errors, next, 1);
      memset (next, 0, sizeof *next);
      if (next == a)
        i++;
      else
        j++;
    }

  result->n_errors_dropped = n_all - result->errors->len;
}

void
_jd_import_note_agency (JdImportContext *ctx,
                        const char      *code,
                        const char      *name,
                        gint64           id)
{
  if (!g_hash_table_contains (ctx->agencies, name))
    g_hash_table_insert (ctx->agencies, g_strdup (name), GSIZE_TO_POINTER ((gsize)id));
  g_hash_table_replace (ctx->agencies, g_strdup (code), GSIZE_TO_POINTER ((gsize)id));
}

guint
_jd_import_rollup_fields (const JdImportEntity *entity,
                          int                  *rollup_field)
{
  const char * const *columns = _jd_rollup_columns (entity->rollup);
  guint n;

  for (n = 0; columns[n] != NULL; n++)
    {
      rollup_field[n] = -1;
      for (guint f = 0; f < entity->n_fields; f++)
        if (g_str_equal (entity->fields[f].column, columns[n]))
          rollup_field[n] = f;
      g_assert (rollup_field[n] >= 0);
    }

  return n;
}

void
_jd_import_sum_row (JdRollupSum         *sum,
                    const int           *rollup_field,
                    guint                n_rollup_fields,
                    const JdImportValue *values)
{
  JdRollupValue row[JD_IMPORT_MAX_FIELDS];

  for (guint c = 0; c < n_rollup_fields; c++)
    {
      const JdImportValue *value = &values[rollup_field[c]];

      row[c].type = value->type;
      row[c].i = value->i;
      row[c].s = value->s;
    }
  _jd_rollup_sum_add (sum, row);
}

char *
_jd_import_now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

static void
load_names (JdDb       *db,
            const char *sql,
            GHashTable *names)
{
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (db, sql, NULL);

  while (stmt != NULL && _jd_db_step (stmt, NULL) == JD_DB_ROW)
    {
      gint64 id = _jd_db_column_int64 (stmt, 0);

      /* A code wins over another agency's name. */
      for (int c = 2; c >= 1; c--)
        {
          const char *key = _jd_db_column_text (stmt, c);

          if (key != NULL && (c == 1 || !g_hash_table_contains (names, key)))
            g_hash_table_insert (names, g_strdup (key), GSIZE_TO_POINTER ((gsize)id));
        }
    }
}

/* With create_agencies, an agency or a field of enforcement the
 * database does not know is added, carrying the import's id for undo.
 * Another program's import may be adding the same one at the same time
 * (on a server): then it is theirs, once they commit. */
gint64
_jd_import_create_reference (JdImportContext    *ctx,
                             JdImportTarget     *target,
                             JdImportFieldType   type,
                             const char         *text,
                             GError            **error)
{
  g_autoptr(JdDbStmt) insert = NULL;
  g_autoptr(JdDbStmt) select = NULL;
  GHashTable *names = type == T_AGENCY ? ctx->agencies : ctx->domains;
  JdDbStep step;
  gint64 id = 0;

  insert = _jd_db_prepare (ctx->db,
                           type == T_AGENCY
                           ? "INSERT INTO agencies (code, name, level, import_id) VALUES (?1, ?1, 'city', ?2)"
                             " ON CONFLICT (code) DO NOTHING RETURNING id"
                           : "INSERT INTO domains (code, name, import_id) VALUES (?1, ?1, ?2)"
                             " ON CONFLICT (code) DO NOTHING RETURNING id",
                           error);
  if (insert == NULL)
    return 0;
  _jd_db_bind_text (insert, 1, text);
  _jd_db_bind_int64 (insert, 2, target->import_id);
  step = _jd_db_step (insert, error);
  if (step == JD_DB_ROW)
    id = _jd_db_column_int64 (insert, 0);
  else if (step == JD_DB_DONE)
    {
      select = _jd_db_prepare (ctx->db, type == T_AGENCY ? "SELECT id FROM agencies WHERE code = ?1"
                                                         : "SELECT id FROM domains WHERE code = ?1",
                               error);
      if (select == NULL)
        return 0;
      _jd_db_bind_text (select, 1, text);
      if (_jd_db_step (select, error) == JD_DB_ROW)
        id = _jd_db_column_int64 (select, 0);
    }
  if (id == 0)
    {
      if (error != NULL && *error != NULL)
        g_prefix_error (error, "%s: ", _("Could not add an agency"));
      else
        g_set_error_literal (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED, _("Could not add an agency"));
      return 0;
    }

  g_hash_table_insert (names, g_strdup (text), GSIZE_TO_POINTER ((gsize)id));
  return id;
}

/* The good rows of a batch, on their way to the writer. */
typedef struct
{
  JdImportContext *ctx;
  JdImportWriter  *writer;
  JdImportTarget  *target;
  GArray          *rows;       /* JdImportRow */
  /* Importing agencies: the codes and names of the rows handed to the
   * writer since it last stored them.  A row that names one of them as
   * its parent waits until they are stored. */
  GHashTable      *names;
  GArray          *reasons;    /* JdImportBatchError, of the row at hand */
  /* JdImportRowError: the reasons of the rows rejected here, which go in
   * among the writer's once it has had the batch, in the order of the rows. */
  GArray          *rejected;
} Pending;

static void
pending_init (Pending         *pending,
              JdImportContext *ctx,
              JdImportWriter  *writer,
              JdImportTarget  *target)
{
  pending->ctx = ctx;
  pending->writer = writer;
  pending->target = target;
  pending->rows = g_array_new (FALSE, FALSE, sizeof (JdImportRow));
  if (g_str_equal (target->entity->name, "agencies"))
    pending->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pending->reasons = g_array_new (FALSE, FALSE, sizeof (JdImportBatchError));
  g_array_set_clear_func (pending->reasons, (GDestroyNotify)_jd_import_batch_error_clear);
  pending->rejected = g_array_new (FALSE, FALSE, sizeof (JdImportRowError));
  g_array_set_clear_func (pending->rejected, (GDestroyNotify)_jd_import_row_error_clear);
}

static void
pending_clear (Pending *pending)
{
  g_clear_pointer (&pending->rows, g_array_unref);
  g_clear_pointer (&pending->names, g_hash_table_unref);
  g_clear_pointer (&pending->reasons, g_array_unref);
  g_clear_pointer (&pending->rejected, g_array_unref);
}

/* Hands the rows to the writer; with @store, has them stored. */
static gboolean
pending_write (Pending   *pending,
               gboolean   store,
               GError   **error)
{
  JdImportWriter *writer = pending->writer;

  if (pending->rows->len > 0 &&
      !writer->ops->write_rows (writer, pending->target, (JdImportRow *)pending->rows->data, pending->rows->len, error))
    return FALSE;
  g_array_set_size (pending->rows, 0);

  if (store && pending->names != NULL && g_hash_table_size (pending->names) > 0)
    {
      g_hash_table_remove_all (pending->names);
      return writer->ops->flush (writer, pending->target, error);
    }

  return TRUE;
}

/* Looks up, with what the writing thread knows now, the agencies, fields
 * and leniency items the parser did not know; with create_agencies,
 * notes how many agencies and fields are to be created (@missing).  The
 * reasons for the ones that cannot be had go to pending->reasons. */
static gboolean
resolve_references (Pending        *pending,
                    JdImportValue  *values,
                    guint          *missing,
                    GError        **error)
{
  JdImportContext *ctx = pending->ctx;
  JdImportTarget *target = pending->target;

  *missing = 0;

  for (guint f = 0; f < target->entity->n_fields; f++)
    {
      JdImportFieldType type = target->entity->fields[f].type;
      JdImportValue *value = &values[f];
      JdImportBatchError reason = { 0, target->field_column[f], NULL };

      if (target->field_column[f] < 0 || (type != T_AGENCY && type != T_DOMAIN && type != T_ITEM) ||
          value->type != SQLITE_INTEGER || value->i != 0)
        continue;

      /* An agency an earlier row of this table adds. */
      if (type == T_AGENCY && pending->names != NULL && g_hash_table_contains (pending->names, value->s) &&
          !pending_write (pending, TRUE, error))
        return FALSE;

      value->i = type == T_AGENCY ? _jd_import_lookup_id (ctx->agencies, value->s) :
                 type == T_DOMAIN ? _jd_import_lookup_domain (ctx->domains, value->s)
                                  : _jd_import_lookup_id (ctx->items, value->s);
      if (value->i != 0)
        continue;

      if (type == T_ITEM)
        reason.reason = g_strdup_printf (_("Unknown leniency list item “%s”"), value->s);
      else if (ctx->options->create_agencies)
        (*missing)++;
      else
        {
          reason.reason = type == T_AGENCY ? g_strdup_printf (_("Unknown agency “%s”"), value->s)
                                           : g_strdup_printf (_("Unknown field of enforcement “%s”"), value->s);
          reason.hint = JD_IMPORT_HINT_CREATE_AGENCIES;
        }
      if (reason.reason != NULL)
        g_array_append_val (pending->reasons, reason);
    }

  return TRUE;
}

static int
compare_errors (gconstpointer a,
                gconstpointer b)
{
  const JdImportBatchError *x = a;
  const JdImportBatchError *y = b;

  return x->column - y->column;
}

/* Takes one row the reader thread has parsed, given the reasons it found
 * the row wrong (in pending->reasons): rejects it, or resolves the names
 * it gives and passes it on. */
static gboolean
take_row (Pending        *pending,
          JdImportValue  *values,
          guint           row,
          GError        **error)
{
  JdImportTarget *target = pending->target;
  const JdImportEntity *entity = target->entity;
  GArray *reasons = pending->reasons;
  JdImportRow good = { values, row };
  guint missing;

  if (!resolve_references (pending, values, &missing, error))
    return FALSE;
  if (reasons->len > 0)
    {
      g_array_sort (reasons, compare_errors);
      for (guint i = 0; i < reasons->len; i++)
        {
          JdImportBatchError *reason = &g_array_index (reasons, JdImportBatchError, i);
          JdImportRowError rejected = { row, NULL, g_steal_pointer (&reason->reason), reason->hint };

          if (reason->column >= 0)
            rejected.column = g_strdup (target->headers->pdata[reason->column]);
          g_array_append_val (pending->rejected, rejected);
        }
      g_array_set_size (reasons, 0);
      target->result->n_rejected++;
      return TRUE;
    }

  /* Agencies and fields are only created for rows that are good otherwise. */
  for (guint f = 0; missing > 0 && f < entity->n_fields; f++)
    {
      JdImportFieldType type = entity->fields[f].type;

      if (target->field_column[f] >= 0 && (type == T_AGENCY || type == T_DOMAIN) &&
          values[f].type == SQLITE_INTEGER && values[f].i == 0)
        {
          values[f].i = type == T_AGENCY ? _jd_import_lookup_id (pending->ctx->agencies, values[f].s)
                                         : _jd_import_lookup_domain (pending->ctx->domains, values[f].s);
          if (values[f].i == 0 &&
              (values[f].i = pending->writer->ops->add_reference (pending->writer, target, type, values[f].s,
                                                                  error)) == 0)
            return FALSE;
          missing--;
        }
    }

  g_array_append_val (pending->rows, good);
  if (pending->names != NULL)
    {
      /* Agencies: the code, then the name (both required). */
      g_hash_table_add (pending->names, g_strdup (values[0].s));
      g_hash_table_add (pending->names, g_strdup (values[1].s));
    }

  return TRUE;
}

/* Takes every row of a batch, and hands the good ones to the writer. */
static gboolean
take_batch (Pending        *pending,
            JdImportBatch  *batch,
            GError        **error)
{
  guint e = 0;

  for (guint i = 0; i < batch->n; i++)
    {
      for (; e < batch->errors->len && g_array_index (batch->errors, JdImportBatchError, e).index == i; e++)
        {
          g_array_append_val (pending->reasons, g_array_index (batch->errors, JdImportBatchError, e));
          g_array_index (batch->errors, JdImportBatchError, e).reason = NULL;
        }
      if (!take_row (pending, &batch->values[i * JD_IMPORT_MAX_FIELDS],
                     g_array_index (batch->numbers, guint, i), error))
        return FALSE;
    }

  if (!pending_write (pending, FALSE, error))
    return FALSE;
  _jd_import_add_late_errors (pending->target, pending->rejected, pending->rejected->len);
  g_array_set_size (pending->rejected, 0);
  return TRUE;
}

static void
target_clear (JdImportTarget *target)
{
  g_clear_pointer (&target->column_field, g_free);
  g_clear_pointer (&target->headers, g_ptr_array_unref);
}

/* Reads the rows of the table in a second thread, which parses them while
 * this one hands them to the writer, batch by batch. */
static gboolean
write_table (JdImportContext  *ctx,
             JdImportWriter   *writer,
             JdImportTarget   *target,
             JdTableReader    *reader,
             guint             index,
             const char       *table_name,
             JdProgressFunc    progress,
             gpointer          user_data,
             GCancellable     *cancellable,
             GError          **error)
{
  JdImportParser parser = { 0 };
  JdImportPipeline *pipeline;
  Pending pending = { 0 };
  gboolean ok = TRUE;

  _jd_import_parser_init (&parser, ctx, target);
  pending_init (&pending, ctx, writer, target);
  pipeline = _jd_import_pipeline_start (reader, &parser);
  for (gboolean last = FALSE; !last && ok;)
    {
      JdImportBatch *batch = _jd_import_pipeline_next (pipeline);

      ok = take_batch (&pending, batch, error);
      last = batch->last;
      if (ok && batch->error != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&batch->error), "%s: ", table_name);
          ok = FALSE;
        }
      if (ok && progress != NULL)
        progress ((index + batch->progress) / reader->n_tables, user_data);
      _jd_import_pipeline_done (pipeline, batch);

      if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      if (!ok)
        _jd_import_pipeline_stop (pipeline, last);
    }
  if (ok)
    _jd_import_pipeline_stop (pipeline, TRUE);

  pending_clear (&pending);
  _jd_import_parser_clear (&parser);

  return ok;
}

static gboolean
import_table (JdImportContext  *ctx,
              JdImportWriter   *writer,
              JdTableReader    *reader,
              guint             index,
              const char       *file_name,
              JdProgressFunc    progress,
              gpointer          user_data,
              GCancellable     *cancellable,
              GPtrArray        *results,
              GError          **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *table_name = NULL;
  const char *sheet = reader->table_names != NULL ? reader->table_names[index] : NULL;
  JdImportTarget target = { 0 };
  JdImportResult *result;
  gboolean empty;
  gboolean has_keys;
  gboolean ok;
  guint header_row = 0;

  table_name = sheet != NULL ? g_strdup_printf ("%s [%s]", file_name, sheet) : g_strdup (file_name);

  reader->max_columns = 0;
  if (!reader->open_table (reader, index, error))
    {
      g_prefix_error (error, "%s: ", table_name);
      return FALSE;
    }

  target.entity = _jd_import_find_header (reader, ctx->options, cells, &header_row, &empty, error);
  if (error != NULL && *error != NULL)
    {
      g_prefix_error (error, "%s: ", table_name);
      return FALSE;
    }
  if (target.entity == NULL)
    {
      /* A blank sheet beside the data (Sheet2, Sheet3) is nothing to import. */
      if (empty && reader->n_tables > 1)
        return TRUE;
      if (empty)
        {
          g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_NO_HEADER,
                       _("%s: the file is empty"), table_name);
          return FALSE;
        }
      _jd_import_set_no_header_error (ctx->options, table_name, error);
      return FALSE;
    }

  target.headers = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < cells->len; c++)
    g_ptr_array_add (target.headers, g_strdup (cells->pdata[c]));
  target.column_field = g_new0 (int, MAX (cells->len, 1));
  /* Cells right of the header belong to no field: the rows need not hold them. */
  reader->max_columns = MAX (cells->len, 1);
  _jd_import_map_headers (target.entity, target.headers, ctx->options, target.column_field,
                          target.field_column, target.field_scale, &has_keys);

  for (guint f = 0; f < target.entity->n_fields; f++)
    if ((target.entity->fields[f].flags & JD_IMPORT_REQUIRED) && target.field_column[f] < 0)
      {
        g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_MISSING_COLUMN,
                     _("%s: %s need a column “%s” (%s)"), table_name,
                     _(target.entity->label), _(target.entity->fields[f].label), target.entity->fields[f].name);
        target_clear (&target);
        return FALSE;
      }

  result = g_new0 (JdImportResult, 1);
  result->file = g_strdup (file_name);
  result->sheet = g_strdup (sheet);
  result->entity = g_strdup (target.entity->name);
  result->errors = g_array_new (FALSE, FALSE, sizeof (JdImportRowError));
  g_array_set_clear_func (result->errors, (GDestroyNotify)_jd_import_row_error_clear);
  g_ptr_array_add (results, result);
  target.result = result;

  ok = _jd_import_record_begin (ctx, &target, file_name, sheet, error) &&
       writer->ops->table_begin (writer, &target, error) &&
       write_table (ctx, writer, &target, reader, index, table_name, progress, user_data, cancellable, error) &&
       writer->ops->table_finish (writer, &target, error) &&
       _jd_import_record_finish (ctx, &target, error);

  writer->ops->table_clear (writer);
  target_clear (&target);
  return ok;
}

/**
 * jd_import_file:
 * @path: a CSV, XLSX or XLS file
 * @options: (nullable): how to read it
 * @progress: (nullable): called now and then with the fraction done, from
 *   the calling thread
 *
 * Imports every table of @path in one transaction: on error or when
 * cancelled, the store is left exactly as it was.  Rows that cannot be
 * imported do not stop the import; they are listed in the results.
 *
 * Returns: (transfer full) (element-type JdImportResult): one result per
 *   table imported, or %NULL with @error set when the file could not be
 *   read or the store not written
 */
GPtrArray *
jd_import_file (JdStore                *store,
                const char             *path,
                const JdImportOptions  *options,
                JdProgressFunc          progress,
                gpointer                user_data,
                GCancellable           *cancellable,
                GError                **error)
{
  static const JdImportOptions no_options = { 0 };
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(JdTableReader) reader = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GHashTable) agencies = NULL;
  g_autoptr(GHashTable) domains = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autoptr(GArray) import_ids = NULL;
  g_autofree char *file_name = NULL;
  g_auto(JdImportChecksum) checksum = { 0 };
  JdImportContext ctx = { 0 };
  JdImportWriter *writer;
  const char *sha256;
  guint n_imported = 0;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (options == NULL)
    options = &no_options;
  if (!_jd_import_check_options (options, error))
    return NULL;

  file_name = g_filename_display_basename (path);
  reader = jd_table_reader_open (path, options->encoding, error);
  if (reader == NULL)
    {
      g_prefix_error (error, "%s: ", file_name);
      return NULL;
    }
  _jd_import_checksum_start (&checksum, path);

  locker = _jd_store_locker_new (store);
  ctx.store = store;
  ctx.db = _jd_store_get_conn (store);
  ctx.options = options;
  ctx.date1904 = reader->date1904;
  import_ids = ctx.import_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  writer = _jd_db_get_kind (ctx.db) == JD_DB_POSTGRESQL ? _jd_import_writer_new_pg (&ctx)
                                                         : _jd_import_writer_new_sqlite (&ctx);
  if (!writer->ops->begin (writer, progress, user_data, cancellable, error))
    {
      writer->ops->free (writer);
      return NULL;
    }

  agencies = ctx.agencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  domains = ctx.domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  items = ctx.items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  load_names (ctx.db, "SELECT id, name, code FROM agencies", ctx.agencies);
  load_names (ctx.db, "SELECT id, name, code FROM domains", ctx.domains);
  load_names (ctx.db, "SELECT id, title, code FROM leniency_items", ctx.items);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_import_result_free);

  for (guint i = 0; i < reader->n_tables; i++)
    {
      guint before = results->len;
      g_autoptr(GError) table_error = NULL;

      if (!import_table (&ctx, writer, reader, i, file_name, progress, user_data, cancellable,
                         results, &table_error))
        {
          /* In a workbook, a sheet of notes beside the data is no reason to fail. */
          if (reader->n_tables > 1 && g_error_matches (table_error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_NO_HEADER))
            continue;
          g_propagate_error (error, g_steal_pointer (&table_error));
          goto rollback;
        }
      n_imported += results->len - before;
    }

  if (n_imported == 0)
    {
      _jd_import_set_no_header_error (options, file_name, error);
      goto rollback;
    }

  sha256 = _jd_import_checksum_finish (&checksum, error);
  if (sha256 == NULL || !_jd_import_record_checksum (&ctx, sha256, error))
    goto rollback;
  _jd_test_point ("import-commit");
  if (options->dry_run)
    writer->ops->rollback (writer);
  else if (!writer->ops->commit (writer, error))
    goto rollback;

  writer->ops->free (writer);
  if (progress != NULL)
    progress (1.0, user_data);

  return g_steal_pointer (&results);

rollback:
  writer->ops->rollback (writer);
  writer->ops->free (writer);
  return NULL;
}


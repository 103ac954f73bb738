/* jd-import-pipeline.c — the threads beside an import
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table is read and parsed in a thread of its own: batches of rows go
 * from the reader thread to the importer through "full", and back through
 * "empty", so at most PIPELINE_BATCHES × BATCH_ROWS rows are in memory at
 * once, however long the file.  The file's checksum is worked out in a
 * third thread, since it would otherwise hold the import up by a tenth,
 * and written into the import records at the end.
 */

#define G_LOG_DOMAIN "jd-import"

#include "config.h"

#include <string.h>

#include "jd-import-private.h"
#include "jd-table-reader.h"

#define BATCH_ROWS 256
#define PIPELINE_BATCHES 8
/* A batch also ends once its cells hold this much text: a workbook whose
 * cells all name one long shared text would otherwise hold it over and
 * over, in every row in flight. */
#define BATCH_BYTES (4 * 1024 * 1024)

struct _JdImportPipeline
{
  JdTableReader        *reader;
  const JdImportParser *parser;
  GAsyncQueue          *full;
  GAsyncQueue          *empty;
  GThread              *thread;
  int                   stop;   /* atomic */
};

void
_jd_import_batch_error_clear (JdImportBatchError *error)
{
  g_clear_pointer (&error->reason, g_free);
}

static void
batch_free (JdImportBatch *batch)
{
  g_ptr_array_unref (batch->rows);
  g_array_unref (batch->numbers);
  g_array_unref (batch->errors);
  g_free (batch->values);
  g_clear_error (&batch->error);
  g_free (batch);
}

static GHashTable *
copy_names (GHashTable *names)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), value);

  return copy;
}

void
_jd_import_parser_init (JdImportParser        *parser,
                        const JdImportContext *ctx,
                        const JdImportTarget  *target)
{
  parser->entity = target->entity;
  parser->field_column = target->field_column;
  parser->field_scale = target->field_scale;
  parser->date1904 = ctx->date1904;
  parser->agencies = copy_names (ctx->agencies);
  parser->domains = copy_names (ctx->domains);
  parser->items = copy_names (ctx->items);
}

void
_jd_import_parser_clear (JdImportParser *parser)
{
  g_clear_pointer (&parser->agencies, g_hash_table_unref);
  g_clear_pointer (&parser->domains, g_hash_table_unref);
  g_clear_pointer (&parser->items, g_hash_table_unref);
}

static gpointer
reader_thread (gpointer data)
{
  JdImportPipeline *pipeline = data;
  JdTableReader *reader = pipeline->reader;

  for (;;)
    {
      JdImportBatch *batch = g_async_queue_pop (pipeline->empty);
      gboolean last = FALSE;
      gsize n_bytes = 0;

      batch->n = 0;
      g_array_set_size (batch->errors, 0);
      while (batch->n < BATCH_ROWS && n_bytes < BATCH_BYTES)
        {
          GPtrArray *cells;
          guint row;

          if (g_atomic_int_get (&pipeline->stop))
            {
              last = TRUE;
              break;
            }
          if (batch->n == batch->rows->len)
            {
              g_ptr_array_add (batch->rows, g_ptr_array_new_with_free_func (g_free));
              g_array_set_size (batch->numbers, batch->rows->len);
            }
          cells = batch->rows->pdata[batch->n];
          if (!reader->next_row (reader, cells, &row, &batch->error))
            {
              last = TRUE;
              break;
            }
          /* A row with something only right of the header is not blank: it
           * is rejected for what it lacks, as it was when rows were whole. */
          if (_jd_import_row_is_blank (cells) && !reader->dropped_cells)
            continue;
          _jd_import_parse_row (pipeline->parser, cells, batch->n, &batch->values[batch->n * JD_IMPORT_MAX_FIELDS],
                     batch->errors);
          g_array_index (batch->numbers, guint, batch->n++) = row;
          for (guint c = 0; c < cells->len; c++)
            n_bytes += strlen (cells->pdata[c]);
        }

      batch->last = last;
      batch->progress = reader->progress (reader);
      g_async_queue_push (pipeline->full, batch);
      if (last)
        return NULL;
    }
}

JdImportPipeline *
_jd_import_pipeline_start (JdTableReader        *reader,
                           const JdImportParser *parser)
{
  JdImportPipeline *pipeline = g_new0 (JdImportPipeline, 1);

  pipeline->reader = reader;
  pipeline->parser = parser;
  pipeline->full = g_async_queue_new_full ((GDestroyNotify)batch_free);
  pipeline->empty = g_async_queue_new_full ((GDestroyNotify)batch_free);

  for (guint i = 0; i < PIPELINE_BATCHES; i++)
    {
      JdImportBatch *batch = g_new0 (JdImportBatch, 1);

      batch->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
      batch->numbers = g_array_new (FALSE, TRUE, sizeof (guint));
      batch->values = g_new0 (JdImportValue, BATCH_ROWS * JD_IMPORT_MAX_FIELDS);
      batch->errors = g_array_new (FALSE, FALSE, sizeof (JdImportBatchError));
      g_array_set_clear_func (batch->errors, (GDestroyNotify)_jd_import_batch_error_clear);
      g_async_queue_push (pipeline->empty, batch);
    }

  pipeline->thread = g_thread_new ("jd-import-reader", reader_thread, pipeline);
  return pipeline;
}

/* The next batch the reader has parsed, to hand back with
 * _jd_import_pipeline_done() once written. */
JdImportBatch *
_jd_import_pipeline_next (JdImportPipeline *pipeline)
{
  return g_async_queue_pop (pipeline->full);
}

void
_jd_import_pipeline_done (JdImportPipeline *pipeline,
                          JdImportBatch    *batch)
{
  g_async_queue_push (pipeline->empty, batch);
}

/* Stops the reader (if @seen_last is FALSE, it has more to hand over),
 * waits for it, and frees @pipeline. */
void
_jd_import_pipeline_stop (JdImportPipeline *pipeline,
                          gboolean          seen_last)
{
  g_atomic_int_set (&pipeline->stop, 1);
  while (!seen_last)
    {
      JdImportBatch *batch = g_async_queue_pop (pipeline->full);

      seen_last = batch->last;
      g_async_queue_push (pipeline->empty, batch);
    }

  g_thread_join (pipeline->thread);
  g_async_queue_unref (pipeline->full);
  g_async_queue_unref (pipeline->empty);
  g_free (pipeline);
}

/* The checksum */

static char *
file_sha256 (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = NULL;
  gssize n;

  if (stream == NULL)
    return NULL;

  buffer = g_malloc (256 * 1024);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 256 * 1024, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

static gpointer
checksum_thread (gpointer data)
{
  JdImportChecksum *checksum = data;

  checksum->sha256 = file_sha256 (checksum->path, &checksum->error);
  return NULL;
}

void
_jd_import_checksum_start (JdImportChecksum *checksum,
                           const char       *path)
{
  checksum->path = path;
  checksum->thread = g_thread_new ("jd-import-sha256", checksum_thread, checksum);
}

/* Waits for the checksum: the SHA-256 in hex, or NULL with @error set. */
const char *
_jd_import_checksum_finish (JdImportChecksum  *checksum,
                            GError           **error)
{
  if (checksum->thread != NULL)
    g_thread_join (g_steal_pointer (&checksum->thread));
  if (checksum->sha256 == NULL)
    g_propagate_error (error, g_steal_pointer (&checksum->error));

  return checksum->sha256;
}

void
_jd_import_checksum_clear (JdImportChecksum *checksum)
{
  if (checksum->thread != NULL)
    g_thread_join (g_steal_pointer (&checksum->thread));
  g_clear_pointer (&checksum->sha256, g_free);
  g_clear_error (&checksum->error);
}


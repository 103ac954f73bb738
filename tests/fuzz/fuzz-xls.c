/* fuzz-xls.c — the .xls reader's side of the helper's pipe, on any bytes
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libfreexl runs in jiandu-xls-reader, apart; what this process parses of
 * an .xls is the helper's stream of frames, which a crafted file may bend
 * if it subverts the helper.  The seeds are what the helper writes for
 * the test workbooks.
 */

#include "config.h"

#include "jd-xls-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JdTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint row, last_row = 0;

  reader = _jd_xls_reader_new_for_stream (stream, &error);
  if (reader == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }

  g_assert (reader->n_tables > 0);
  for (guint t = 0; t < reader->n_tables; t++)
    g_assert (g_utf8_validate (reader->table_names[t], -1, NULL));

  /* Only the sheet the stream was asked for can be read. */
  reader->max_columns = data[size / 2] % 8;
  if (!reader->open_table (reader, 0, &error))
    return 0;
  while (reader->next_row (reader, cells, &row, &error))
    {
      g_assert (row > last_row);
      last_row = row;
      g_assert (reader->max_columns == 0 || cells->len <= reader->max_columns);
      for (guint i = 0; i < cells->len; i++)
        g_assert (g_utf8_validate (cells->pdata[i], -1, NULL));
      g_assert (reader->progress (reader) >= 0.0 && reader->progress (reader) <= 1.0);
    }
  if (reader->n_tables > 1)
    {
      g_clear_error (&error);
      g_assert (!reader->open_table (reader, 1, &error));
      g_assert (error != NULL);
    }

  return 0;
}

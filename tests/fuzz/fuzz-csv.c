/* fuzz-csv.c — the CSV reader on any bytes, with and without a forced encoding
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jd-table-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
read_all (const guint8 *data,
          size_t        size,
          const char   *encoding)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JdTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint row, last_row = 0;

  reader = jd_csv_reader_new (stream, size, encoding, &error);
  if (reader == NULL)
    return;

  while (reader->next_row (reader, cells, &row, &error))
    {
      /* Rows come in order, and every cell is UTF-8. */
      g_assert (row > last_row);
      last_row = row;
      for (guint i = 0; i < cells->len; i++)
        g_assert (g_utf8_validate (cells->pdata[i], -1, NULL));
      g_assert (reader->progress (reader) >= 0.0 && reader->progress (reader) <= 1.0);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  read_all (data, size, NULL);
  read_all (data, size, "gb18030");
  return 0;
}

/* fuzz-xlsx.c — the XLSX reader on any bytes
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jd-table-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JdTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint row;

  reader = jd_xlsx_reader_new_from_data (bytes, &error);
  if (reader == NULL)
    return 0;

  for (guint t = 0; t < reader->n_tables; t++)
    {
      g_clear_error (&error);
      if (!reader->open_table (reader, t, &error))
        continue;
      while (reader->next_row (reader, cells, &row, &error))
        for (guint i = 0; i < cells->len; i++)
          g_assert (cells->pdata[i] != NULL);
    }

  return 0;
}

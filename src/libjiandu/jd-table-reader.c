/* jd-table-reader.c — opening CSV, XLSX and XLS files alike
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-table-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jd-table-reader.h"

/**
 * jd_table_reader_open:
 * @path: a .csv (or .txt), .xlsx or .xls file
 * @encoding: (nullable): the encoding of a text file; %NULL detects it
 *
 * Looks at the first bytes, not at the name: a workbook saved as .csv, or
 * a CSV file named .xls (as some case systems export), still reads.
 *
 * Returns: (transfer full): a reader, or %NULL with @error set
 */
JdTableReader *
jd_table_reader_open (const char  *path,
                      const char  *encoding,
                      GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guint8 magic[8] = { 0 };
  gsize n_read = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n_read, NULL, error))
    return NULL;

  if (n_read >= 4 && memcmp (magic, "PK\x03\x04", 4) == 0)
    return jd_xlsx_reader_new (path, error);

  if (n_read >= 8 && memcmp (magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return jd_xls_reader_new (path, error);

  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, NULL, error))
    return NULL;

  return jd_csv_reader_new (G_INPUT_STREAM (stream),
                            info != NULL ? g_file_info_get_size (info) : -1,
                            encoding, error);
}

void
jd_table_reader_free (JdTableReader *self)
{
  if (self != NULL)
    self->free (self);
}

/* jd-table-reader.c — opening CSV, XLSX and XLS files alike
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-table-reader"

#include "config.h"

#include <math.h>
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

/* An Excel date serial (in the 1900 or 1904 system) as ISO text, or NULL
 * when it is no day Excel knows. */
char *
jd_excel_serial_to_iso (double   serial,
                        gboolean date1904)
{
  g_autoptr(GDate) date = NULL;
  gint64 days;
  int seconds;

  /* 2958465 is 9999-12-31, the last day Excel knows. */
  if (!isfinite (serial) || serial < 0 || serial >= 2958466)
    return NULL;

  days = (gint64)floor (serial);
  seconds = (int)llround ((serial - days) * 86400.0);
  if (seconds >= 86400)
    {
      days++;
      seconds -= 86400;
    }

  if (date1904)
    {
      date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
      g_date_add_days (date, days);
    }
  else if (days == 0)
    return seconds > 0 ? g_strdup_printf ("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                       : NULL;
  else if (days == 60)
    return NULL;   /* 1900-02-29: Lotus 1-2-3's leap day, which never was */
  else
    {
      /* Serial 1 is 1900-01-01; from 61 on, one off for the phantom day. */
      date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
      g_date_add_days (date, days < 60 ? days : days - 1);
    }

  if (seconds == 0)
    return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                            g_date_get_month (date), g_date_get_day (date));

  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date),
                          seconds / 3600, seconds / 60 % 60, seconds % 60);
}

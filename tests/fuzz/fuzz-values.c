/* fuzz-values.c — the date, money and Excel-serial parsers on any text
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte chooses the date system and the money column's unit; the
 * rest is the cell's text (up to a NUL, as a cell has none), and, read as
 * a double, a date serial.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "jd-import.h"
#include "jd-table-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* "YYYY-MM-DD", a day of the calendar. */
static void
assert_iso_date (const char *text)
{
  guint year = 0, month = 0, day = 0;
  int n;

  g_assert (strlen (text) >= 10);
  g_assert (text[4] == '-' && text[7] == '-');
  n = sscanf (text, "%4u-%2u-%2u", &year, &month, &day);
  g_assert (n == 3);
  g_assert (g_date_valid_dmy (day, month, year));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  gboolean date1904;
  int scale;

  if (size < 1)
    return 0;

  date1904 = data[0] & 1;
  scale = data[0] & 2 ? 10000 : 1;
  text = g_strndup ((const char *)data + 1, size - 1);

  {
    g_autofree char *reason = NULL;
    char out[11] = "";

    if (jd_import_parse_date (text, date1904, out, &reason))
      {
        g_assert (reason == NULL);
        g_assert (strlen (out) == 10);
        assert_iso_date (out);
      }
    else
      g_assert (reason != NULL);
  }

  {
    g_autofree char *reason = NULL;
    gint64 fen = -1;

    if (jd_import_parse_money (text, scale, &fen, &reason))
      {
        g_assert (reason == NULL);
        g_assert (fen >= 0);
      }
    else
      g_assert (reason != NULL);
  }

  if (size >= 1 + sizeof (double))
    {
      g_autofree char *iso = NULL;
      double serial;

      memcpy (&serial, data + 1, sizeof serial);
      iso = jd_excel_serial_to_iso (serial, date1904);
      if (iso != NULL && strchr (iso, '-') != NULL)
        assert_iso_date (iso);
    }

  return 0;
}

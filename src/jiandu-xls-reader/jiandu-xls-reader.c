/* jiandu-xls-reader.c — reads one .xls with libfreexl, in a process of its own
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   jiandu-xls-reader FILE [SHEET]
 *
 * Writes the workbook's sheet names and date system, then the rows of
 * sheet SHEET (0-based), as jd-xls-protocol.h describes, on stdout.  The
 * app and jiandu-cli start it with limits on its memory and time: what a
 * crafted file does to libfreexl stays in here, and reaches them as an
 * error for that file.
 */

#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <freexl.h>

#include "jd-xls-protocol.h"

static void
put_u32 (unsigned char *out,
         uint32_t       value)
{
  out[0] = value & 0xff;
  out[1] = (value >> 8) & 0xff;
  out[2] = (value >> 16) & 0xff;
  out[3] = (value >> 24) & 0xff;
}

/* A frame: the kind, the length, up to two numbers, then @text. */
static void
send (char        kind,
      int         n_numbers,
      uint32_t    a,
      uint32_t    b,
      const char *text)
{
  unsigned char header[13];
  size_t text_len = text != NULL ? strlen (text) : 0;

  if (text_len > JD_XLS_MAX_FRAME - 8)
    text_len = JD_XLS_MAX_FRAME - 8;

  header[0] = (unsigned char)kind;
  put_u32 (header + 1, (uint32_t)(4 * n_numbers + text_len));
  put_u32 (header + 5, a);
  put_u32 (header + 9, b);
  if (fwrite (header, 1, 5 + 4 * n_numbers, stdout) != (size_t)(5 + 4 * n_numbers) ||
      (text_len > 0 && fwrite (text, 1, text_len, stdout) != text_len))
    exit (EXIT_FAILURE);   /* the reading side has gone */
}

static void
fail (int      freexl_status,
      uint32_t code,
      uint32_t row)
{
  send (JD_XLS_FRAME_ERROR, 2, freexl_status == FREEXL_INSUFFICIENT_MEMORY ? JD_XLS_ERROR_MEMORY : code,
        row, NULL);
  fflush (stdout);
  exit (EXIT_SUCCESS);
}

/* The shortest text that reads back as the same double. */
static void
format_number (double value,
               char   buffer[64])
{
  if (value == floor (value) && fabs (value) < 1e15)
    {
      snprintf (buffer, 64, "%.0f", value);
      return;
    }

  for (int precision = 15; precision <= 17; precision++)
    {
      snprintf (buffer, 64, "%.*g", precision, value);
      if (strtod (buffer, NULL) == value)
        break;
    }
}

static void
send_sheet (const void   *handle,
            unsigned int  index)
{
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;
  int status;

  if ((status = freexl_select_active_worksheet (handle, index)) != FREEXL_OK ||
      (status = freexl_worksheet_dimensions (handle, &n_rows, &n_columns)) != FREEXL_OK)
    fail (status, JD_XLS_ERROR_SHEET, 0);

  send (JD_XLS_FRAME_TABLE, 1, n_rows, 0, NULL);

  for (unsigned int row = 0; row < n_rows; row++)
    {
      send (JD_XLS_FRAME_ROW, 1, row, 0, NULL);

      for (unsigned short column = 0; column < n_columns; column++)
        {
          FreeXL_CellValue cell;
          char number[64];
          const char *text = NULL;

          if ((status = freexl_get_cell_value (handle, row, column, &cell)) != FREEXL_OK)
            fail (status, JD_XLS_ERROR_ROW, row);

          switch (cell.type)
            {
            case FREEXL_CELL_INT:
              snprintf (number, sizeof number, "%d", cell.value.int_value);
              text = number;
              break;
            case FREEXL_CELL_DOUBLE:
              format_number (cell.value.double_value, number);
              text = number;
              break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
            case FREEXL_CELL_TIME:
              /* freexl writes dates as ISO text in the workbook's system. */
              text = cell.value.text_value;
              break;
            default:
              break;
            }

          if (text != NULL && text[0] != '\0')
            send (JD_XLS_FRAME_CELL, 1, column, 0, text);
        }
    }

  send (JD_XLS_FRAME_END, 0, 0, 0, NULL);
}

/* Test-only: behave as a helper that a crafted file broke would. */
static void
misbehave (void)
{
  const char *fault = getenv ("JIANDU_XLS_READER_FAULT");

  if (fault == NULL)
    return;

  fflush (stdout);
  if (strcmp (fault, "crash") == 0)
    abort ();
  if (strcmp (fault, "garbage") == 0)
    {
      fputs ("Z\xff\xff\xff\x7fnot a frame", stdout);
      fflush (stdout);
      exit (EXIT_SUCCESS);
    }
}

int
main (int    argc,
      char **argv)
{
  static char buffer[64 * 1024];
  const void *handle = NULL;
  unsigned int n_sheets = 0;
  unsigned int date_mode = FREEXL_BIFF_DATEMODE_1900;
  long sheet = -1;
  int status;

  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "usage: jiandu-xls-reader FILE [SHEET]\n");
      return 2;
    }
  if (argc == 3)
    sheet = strtol (argv[2], NULL, 10);

  setvbuf (stdout, buffer, _IOFBF, sizeof buffer);

  if ((status = freexl_open (argv[1], &handle)) != FREEXL_OK ||
      (status = freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &n_sheets)) != FREEXL_OK)
    fail (status, JD_XLS_ERROR_OPEN, 0);

  freexl_get_info (handle, FREEXL_BIFF_DATEMODE, &date_mode);
  if (n_sheets > JD_XLS_MAX_SHEETS)
    n_sheets = JD_XLS_MAX_SHEETS;

  {
    unsigned char date1904 = date_mode == FREEXL_BIFF_DATEMODE_1904;
    unsigned char header[10] = { JD_XLS_FRAME_WORKBOOK };

    put_u32 (header + 1, 5);
    put_u32 (header + 5, n_sheets);
    header[9] = date1904;
    fwrite (header, 1, sizeof header, stdout);
  }

  for (unsigned int i = 0; i < n_sheets; i++)
    {
      const char *name = NULL;

      freexl_get_worksheet_name (handle, i, &name);
      send (JD_XLS_FRAME_NAME, 0, 0, 0, name != NULL ? name : "");
    }

  misbehave ();

  if (sheet >= 0 && (unsigned long)sheet < n_sheets)
    send_sheet (handle, (unsigned int)sheet);

  freexl_close (handle);
  return fflush (stdout) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

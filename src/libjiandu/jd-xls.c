/* jd-xls.c — Excel 97–2003 workbooks (BIFF), through libfreexl
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An .xls holds at most 65,536 rows, and libfreexl reads it whole; it also
 * turns cells with a date format into ISO text, in the workbook's date
 * system, which is what the other readers hand out too.
 */

#define G_LOG_DOMAIN "jd-xls"

#include "config.h"

#include <math.h>

#include <freexl.h>
#include <glib/gi18n-lib.h>

#include "jd-table-reader.h"

typedef struct
{
  JdTableReader  parent;

  const void    *handle;
  unsigned int   n_rows;
  unsigned short n_columns;
  unsigned int   row;
} XlsReader;

static void
xls_reader_free (JdTableReader *reader)
{
  XlsReader *self = (XlsReader *)reader;

  if (self->handle != NULL)
    freexl_close (self->handle);
  g_strfreev (self->parent.table_names);
  g_free (self);
}

static gboolean
xls_open_table (JdTableReader  *reader,
                guint           index,
                GError        **error)
{
  XlsReader *self = (XlsReader *)reader;

  g_return_val_if_fail (index < reader->n_tables, FALSE);

  self->row = 0;
  self->n_rows = 0;
  self->n_columns = 0;

  if (freexl_select_active_worksheet (self->handle, index) != FREEXL_OK ||
      freexl_worksheet_dimensions (self->handle, &self->n_rows, &self->n_columns) != FREEXL_OK)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("The sheet “%s” cannot be read"), reader->table_names[index]);
      return FALSE;
    }

  return TRUE;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);

  /* The shortest text that reads back as the same double. */
  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buffer, sizeof buffer, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}

static gboolean
xls_next_row (JdTableReader  *reader,
              GPtrArray      *cells,
              guint          *row_number,
              GError        **error)
{
  XlsReader *self = (XlsReader *)reader;
  guint last_filled = 0;

  g_ptr_array_set_size (cells, 0);

  if (self->row >= self->n_rows)
    return FALSE;

  for (unsigned short column = 0; column < self->n_columns; column++)
    {
      FreeXL_CellValue cell;
      char *text;

      if (freexl_get_cell_value (self->handle, self->row, column, &cell) != FREEXL_OK)
        {
          g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                       _("Row %u cannot be read"), self->row + 1);
          return FALSE;
        }

      switch (cell.type)
        {
        case FREEXL_CELL_INT:
          text = g_strdup_printf ("%d", cell.value.int_value);
          break;
        case FREEXL_CELL_DOUBLE:
          text = format_number (cell.value.double_value);
          break;
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_DATETIME:
        case FREEXL_CELL_TIME:
          text = g_strdup (cell.value.text_value != NULL ? cell.value.text_value : "");
          break;
        default:
          text = g_strdup ("");
          break;
        }

      if (text[0] != '\0')
        last_filled = column + 1;
      g_ptr_array_add (cells, text);
    }

  g_ptr_array_set_size (cells, last_filled);
  *row_number = ++self->row;

  return TRUE;
}

static double
xls_progress (JdTableReader *reader)
{
  XlsReader *self = (XlsReader *)reader;

  return self->n_rows > 0 ? (double)self->row / self->n_rows : 0.0;
}

JdTableReader *
jd_xls_reader_new (const char  *path,
                   GError     **error)
{
  XlsReader *self;
  unsigned int n_sheets = 0;
  unsigned int date_mode = FREEXL_BIFF_DATEMODE_1900;
  GPtrArray *names;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (XlsReader, 1);
  self->parent.open_table = xls_open_table;
  self->parent.next_row = xls_next_row;
  self->parent.progress = xls_progress;
  self->parent.free = xls_reader_free;

  if (freexl_open (path, &self->handle) != FREEXL_OK ||
      freexl_get_info (self->handle, FREEXL_BIFF_SHEET_COUNT, &n_sheets) != FREEXL_OK)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("Not an Excel 97–2003 workbook (.xls), or a damaged or password-protected one"));
      xls_reader_free (&self->parent);
      return NULL;
    }

  freexl_get_info (self->handle, FREEXL_BIFF_DATEMODE, &date_mode);
  self->parent.date1904 = date_mode == FREEXL_BIFF_DATEMODE_1904;

  names = g_ptr_array_new ();
  for (unsigned int i = 0; i < n_sheets && i < G_MAXUSHORT; i++)
    {
      const char *name = NULL;

      freexl_get_worksheet_name (self->handle, i, &name);
      g_ptr_array_add (names, g_strdup (name != NULL ? name : ""));
    }
  g_ptr_array_add (names, NULL);
  self->parent.n_tables = names->len - 1;
  self->parent.table_names = (char **)g_ptr_array_free (names, FALSE);

  if (self->parent.n_tables == 0)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("The workbook has no worksheet"));
      xls_reader_free (&self->parent);
      return NULL;
    }

  return &self->parent;
}

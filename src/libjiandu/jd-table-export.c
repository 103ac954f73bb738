/* jd-table-export.c — a table of figures, written as XLSX or CSV
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-table-export"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "jd-format.h"
#include "jd-table-export.h"

/* Every table the user exports (a page's table, the rejected rows of an
 * import) goes through here, so that each is written the same way: the
 * title, period, filter and data-as-of lines above a frozen header row, a
 * number format a column, and text that no spreadsheet takes for a
 * formula. */

typedef struct
{
  char         *title;
  JdColumnKind  kind;
} Column;

typedef struct
{
  char   *text;     /* for a text column; NULL for none */
  double  number;   /* for the others; NaN for none */
} Cell;

struct _JdTable
{
  char      *title;
  GPtrArray *notes;     /* (element-type utf8) */
  GArray    *columns;   /* of Column */
  GPtrArray *rows;      /* of Cell arrays, one a column */
};

static void
column_clear (Column *column)
{
  g_free (column->title);
}

static void
row_free (Cell *cells,
          guint n)
{
  for (guint i = 0; i < n; i++)
    g_free (cells[i].text);
  g_free (cells);
}

JdTable *
jd_table_new (const char *title)
{
  JdTable *self = g_new0 (JdTable, 1);

  g_return_val_if_fail (title != NULL, NULL);

  self->title = g_strdup (title);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, (GDestroyNotify)column_clear);
  self->rows = g_ptr_array_new ();

  return self;
}

void
jd_table_free (JdTable *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    row_free (self->rows->pdata[i], self->columns->len);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->columns);
  g_ptr_array_unref (self->notes);
  g_free (self->title);
  g_free (self);
}

/**
 * jd_table_add_note:
 * @note: a line above the table: the period, the filter, data as of
 */
void
jd_table_add_note (JdTable    *self,
                   const char *note)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (note != NULL);

  g_ptr_array_add (self->notes, g_strdup (note));
}

/* Columns are added before the first row. */
guint
jd_table_add_column (JdTable      *self,
                     const char   *title,
                     JdColumnKind  kind)
{
  Column column = { g_strdup (title), kind };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->rows->len == 0, 0);

  g_array_append_val (self->columns, column);
  return self->columns->len - 1;
}

/* Starts a new row, every cell empty; the setters fill the last row. */
void
jd_table_add_row (JdTable *self)
{
  Cell *cells;

  g_return_if_fail (self != NULL);

  cells = g_new0 (Cell, self->columns->len);
  for (guint i = 0; i < self->columns->len; i++)
    cells[i].number = NAN;
  g_ptr_array_add (self->rows, cells);
}

static Cell *
last_row_cell (JdTable *self,
               guint    column)
{
  g_return_val_if_fail (self->rows->len > 0, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &((Cell *)self->rows->pdata[self->rows->len - 1])[column];
}

void
jd_table_set_text (JdTable    *self,
                   guint       column,
                   const char *text)
{
  Cell *cell;

  g_return_if_fail (self != NULL);

  cell = last_row_cell (self, column);
  if (cell == NULL)
    return;

  g_free (cell->text);
  cell->text = g_strdup (text);
}

/**
 * jd_table_set_number:
 * @value: a count, a rate as a fraction, or money in fen; NaN for none
 */
void
jd_table_set_number (JdTable *self,
                     guint    column,
                     double   value)
{
  Cell *cell;

  g_return_if_fail (self != NULL);

  cell = last_row_cell (self, column);
  if (cell != NULL)
    cell->number = value;
}

guint
jd_table_get_n_rows (JdTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
jd_table_get_n_columns (JdTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

const char *
jd_table_get_title (JdTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/* Returns: (transfer none): the notes under the title (period, filter,
 * data as of), @n_notes of them. */
const char * const *
jd_table_get_notes (JdTable *self,
                    guint   *n_notes)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_notes != NULL)
    *n_notes = self->notes->len;
  return (const char * const *)self->notes->pdata;
}

const char *
jd_table_get_column_title (JdTable *self,
                           guint    column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, Column, column).title;
}

JdColumnKind
jd_table_get_column_kind (JdTable *self,
                          guint    column)
{
  g_return_val_if_fail (self != NULL, JD_COLUMN_TEXT);
  g_return_val_if_fail (column < self->columns->len, JD_COLUMN_TEXT);

  return g_array_index (self->columns, Column, column).kind;
}

/**
 * jd_table_format_cell:
 *
 * Returns: (transfer full): the cell as a reader sees it on a page (the
 *   report, a preview): counts with separators, rates as percentages,
 *   money in yuan; "—" for a figure there is none of
 */
char *
jd_table_format_cell (JdTable *self,
                      guint    row,
                      guint    column)
{
  const Cell *cell;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  cell = &((Cell *)self->rows->pdata[row])[column];
  if (cell->text != NULL)
    return g_strdup (cell->text);
  if (isnan (cell->number))
    return g_strdup (g_array_index (self->columns, Column, column).kind == JD_COLUMN_TEXT ? "" : "—");

  switch (g_array_index (self->columns, Column, column).kind)
    {
    case JD_COLUMN_RATE:
      return jd_format_rate (cell->number);
    case JD_COLUMN_YUAN:
      return jd_format_yuan_exact ((gint64)llround (cell->number));
    case JD_COLUMN_COUNT:
    case JD_COLUMN_TEXT:
    default:
      return jd_format_count ((gint64)llround (cell->number));
    }
}

/* A spreadsheet program opening a CSV file runs any field that begins
 * with one of these as a formula (and a formula can start programs). */
static gboolean
looks_like_formula (const char *value)
{
  return value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
         value[0] == '\t' || value[0] == '\r';
}

/**
 * jd_csv_append_field:
 * @out: the line being written
 * @value: (nullable): the field's text
 *
 * Appends one field, quoted, with quotes doubled, and with a leading
 * apostrophe where the text would otherwise be taken for a formula.
 */
void
jd_csv_append_field (GString    *out,
                     const char *value)
{
  g_return_if_fail (out != NULL);

  g_string_append_c (out, '"');
  if (value != NULL)
    {
      if (looks_like_formula (value))
        g_string_append_c (out, '\'');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* Numbers go into CSV as a spreadsheet reads them back as numbers: no
 * thousands separators; rates as percentages; yuan to the fen. */
static void
append_number (GString      *out,
               JdColumnKind  kind,
               double        value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return;

  switch (kind)
    {
    case JD_COLUMN_RATE:
      g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.4f", value * 100.0));
      g_string_append_c (out, '%');
      break;

    case JD_COLUMN_YUAN:
      {
        gint64 fen = (gint64)llround (value);
        gint64 magnitude = fen < 0 ? -fen : fen;

        g_string_append_printf (out, "%s%" G_GINT64_FORMAT ".%02d", fen < 0 ? "-" : "",
                                magnitude / 100, (int)(magnitude % 100));
      }
      break;

    case JD_COLUMN_COUNT:
    case JD_COLUMN_TEXT:
    default:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64)llround (value));
      break;
    }
}

/**
 * jd_table_to_csv:
 *
 * Returns: (transfer full): the table as UTF-8 CSV with a byte-order mark
 *   (so that Excel reads it as UTF-8): the title and notes, an empty line,
 *   the header and the rows
 */
char *
jd_table_to_csv (JdTable *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new ("\xEF\xBB\xBF");
  jd_csv_append_field (out, self->title);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < self->notes->len; i++)
    {
      jd_csv_append_field (out, self->notes->pdata[i]);
      g_string_append (out, "\r\n");
    }
  g_string_append (out, "\r\n");

  for (guint c = 0; c < self->columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      jd_csv_append_field (out, g_array_index (self->columns, Column, c).title);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < self->rows->len; r++)
    {
      const Cell *cells = self->rows->pdata[r];

      for (guint c = 0; c < self->columns->len; c++)
        {
          JdColumnKind kind = g_array_index (self->columns, Column, c).kind;

          if (c > 0)
            g_string_append_c (out, ',');
          if (kind == JD_COLUMN_TEXT)
            jd_csv_append_field (out, cells[c].text);
          else
            append_number (out, kind, cells[c].number);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

gboolean
jd_table_write_csv (JdTable     *self,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = jd_table_to_csv (self);
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* Excel refuses a sheet name over 31 characters or with any of []:*?/\ */
static char *
sheet_name (const char *title)
{
  GString *name = g_string_new (NULL);
  guint n = 0;

  for (const char *p = title; *p != '\0' && n < 31; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (name, strchr ("[]:*?/\\", (int)c) != NULL && c < 128 ? '_' : c);
    }

  if (name->len == 0)
    g_string_append (name, "Sheet1");

  return g_string_free (name, FALSE);
}

static const char *
number_format (JdColumnKind kind)
{
  switch (kind)
    {
    case JD_COLUMN_RATE:
      return "0.0%";
    case JD_COLUMN_YUAN:
      return "#,##0.00";
    case JD_COLUMN_COUNT:
      return "#,##0";
    case JD_COLUMN_TEXT:
    default:
      return "@";
    }
}

static gboolean
xlsx_failed (lxw_error    code,
             const char  *path,
             GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (code == LXW_NO_ERROR)
    return FALSE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: "Could not write “agencies.xlsx”: reason" */
               _("Could not write “%s”: %s"), name, lxw_strerror (code));
  return TRUE;
}

/**
 * jd_table_write_xlsx:
 *
 * Writes one sheet: the title in bold, the notes, an empty row, the
 * header (frozen, so it stays in view) and the rows, each column with its
 * number format.  Text is always written as text: a cell that begins
 * with "=" is never a formula.
 */
gboolean
jd_table_write_xlsx (JdTable     *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *tmp_path = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *title_format, *header_format, *formats[4];
  lxw_row_t row = 0;
  lxw_row_t header_row;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Written beside the file and moved over it at the end, so that a
   * failure never leaves half a workbook where the user's file was. */
  tmp_path = g_strdup_printf ("%s.part", path);
  workbook = workbook_new_opt (tmp_path, &options);
  if (workbook == NULL)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  name = sheet_name (self->title);
  sheet = workbook_add_worksheet (workbook, name);

  title_format = workbook_add_format (workbook);
  format_set_bold (title_format);
  format_set_font_size (title_format, 14);
  header_format = workbook_add_format (workbook);
  format_set_bold (header_format);
  format_set_bottom (header_format, LXW_BORDER_THIN);
  format_set_text_wrap (header_format);
  format_set_align (header_format, LXW_ALIGN_VERTICAL_TOP);
  for (guint k = 0; k < G_N_ELEMENTS (formats); k++)
    {
      formats[k] = workbook_add_format (workbook);
      format_set_num_format (formats[k], number_format (k));
    }

  worksheet_write_string (sheet, row++, 0, self->title, title_format);
  for (guint i = 0; i < self->notes->len; i++)
    worksheet_write_string (sheet, row++, 0, self->notes->pdata[i], NULL);
  row++;

  header_row = row++;
  for (guint c = 0; c < self->columns->len; c++)
    {
      const Column *column = &g_array_index (self->columns, Column, c);

      worksheet_write_string (sheet, header_row, c, column->title, header_format);
      worksheet_set_column (sheet, c, c, column->kind == JD_COLUMN_TEXT ? 28 : 14, formats[column->kind]);
    }
  worksheet_freeze_panes (sheet, header_row + 1, 0);

  for (guint r = 0; r < self->rows->len; r++, row++)
    {
      const Cell *cells = self->rows->pdata[r];

      for (guint c = 0; c < self->columns->len; c++)
        {
          JdColumnKind kind = g_array_index (self->columns, Column, c).kind;

          if (kind == JD_COLUMN_TEXT)
            {
              if (cells[c].text != NULL)
                worksheet_write_string (sheet, row, c, cells[c].text, formats[kind]);
            }
          else if (!isnan (cells[c].number))
            worksheet_write_number (sheet, row, c,
                                    kind == JD_COLUMN_YUAN ? cells[c].number / 100.0 : cells[c].number,
                                    formats[kind]);
        }
    }

  if (xlsx_failed (workbook_close (workbook), path, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_basename (path);

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * jd_table_write:
 *
 * Writes XLSX or CSV, as the file name's ending says (CSV for any other).
 */
gboolean
jd_table_write (JdTable     *self,
                const char  *path,
                GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xlsx"))
    return jd_table_write_xlsx (self, path, error);

  return jd_table_write_csv (self, path, error);
}

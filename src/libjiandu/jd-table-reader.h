/* jd-table-reader.h — rows of cells out of CSV, XLSX and XLS files
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JD_TABLE_ERROR (jd_table_error_quark ())

typedef enum
{
  JD_TABLE_ERROR_FORMAT,     /* not a file of the kind it claims to be, or damaged */
  JD_TABLE_ERROR_ENCODING,   /* text that is not in the encoding used */
  JD_TABLE_ERROR_TOO_BIG,    /* a field or a row beyond what a real export has */
} JdTableError;

typedef struct _JdTableReader JdTableReader;

/* One file of tables: a CSV file is one table, a workbook one per sheet.
 * Rows come out as UTF-8 strings: numbers as written in the file, cells
 * with a date format as ISO dates ("2024-07-01", "2024-07-01 09:30:00"),
 * booleans as "TRUE" / "FALSE", empty cells as "". */
struct _JdTableReader
{
  /* The tables of the file (one for CSV): their names, NULL for CSV. */
  guint      n_tables;
  char     **table_names;

  /* Bare numbers in date columns are serials of this date system. */
  gboolean   date1904;

  /* Chosen or detected encoding of a text file; NULL for workbooks. */
  const char *encoding;

  /* When not 0, cells right of this many columns are left out of the rows
   * (and never padded up to): the import sets it to the width of the
   * header once it has found it, so a crafted cell in column XFD does not
   * make every row 16,384 cells wide. */
  guint      max_columns;
  /* Whether the last row had cells with something in them that were left
   * out so: such a row is not blank. */
  gboolean   dropped_cells;

  gboolean (*open_table) (JdTableReader  *self,
                          guint           index,
                          GError        **error);
  /* Fills @cells (a GPtrArray of g_free'd strings, cleared first) with the
   * next row and @row_number with its 1-based row number as a spreadsheet
   * program shows it.  Returns FALSE at the end of the table (error unset)
   * or on error. */
  gboolean (*next_row)   (JdTableReader  *self,
                          GPtrArray      *cells,
                          guint          *row_number,
                          GError        **error);
  /* How much of the current table has been read, 0.0 to 1.0. */
  double   (*progress)   (JdTableReader  *self);
  void     (*free)       (JdTableReader  *self);
};

GQuark          jd_table_error_quark     (void);

JdTableReader  *jd_csv_reader_new        (GInputStream  *stream,
                                          goffset        size,
                                          const char    *encoding,
                                          GError       **error);
JdTableReader  *jd_xlsx_reader_new       (const char    *path,
                                          GError       **error);
JdTableReader  *jd_xlsx_reader_new_from_data (GBytes    *bytes,
                                          GError       **error);
JdTableReader  *jd_xls_reader_new        (const char    *path,
                                          GError       **error);
JdTableReader  *jd_table_reader_open     (const char    *path,
                                          const char    *encoding,
                                          GError       **error);
void            jd_table_reader_free     (JdTableReader *self);

/* Shared by the readers: an Excel date serial as ISO text, or NULL. */
char           *jd_excel_serial_to_iso   (double         serial,
                                          gboolean       date1904);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdTableReader, jd_table_reader_free)

G_END_DECLS

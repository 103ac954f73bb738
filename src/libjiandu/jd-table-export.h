/* jd-table-export.h — a table of figures, written as XLSX or CSV
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a column holds, which decides its number format. */
typedef enum
{
  JD_COLUMN_TEXT,
  JD_COLUMN_COUNT,    /* an integer: 12,345 */
  JD_COLUMN_RATE,     /* a fraction, shown as a percentage: 8.3% */
  JD_COLUMN_YUAN,     /* money, given in fen, written in yuan: 1,234.50 */
} JdColumnKind;

typedef struct _JdTable JdTable;

JdTable  *jd_table_new         (const char    *title);
void      jd_table_free        (JdTable       *self);
void      jd_table_add_note    (JdTable       *self,
                                const char    *note);
guint     jd_table_add_column  (JdTable       *self,
                                const char    *title,
                                JdColumnKind   kind);
void      jd_table_add_row     (JdTable       *self);
void      jd_table_set_text    (JdTable       *self,
                                guint          column,
                                const char    *text);
void      jd_table_set_number  (JdTable       *self,
                                guint          column,
                                double         value);
guint     jd_table_get_n_rows  (JdTable       *self);
guint     jd_table_get_n_columns (JdTable     *self);
const char *jd_table_get_title (JdTable       *self);
const char * const *jd_table_get_notes (JdTable *self,
                                        guint   *n_notes);
const char *jd_table_get_column_title (JdTable *self,
                                       guint    column);
JdColumnKind jd_table_get_column_kind (JdTable  *self,
                                       guint     column);
char     *jd_table_format_cell (JdTable       *self,
                                guint          row,
                                guint          column);
char     *jd_table_to_csv      (JdTable       *self);
gboolean  jd_table_write_csv   (JdTable       *self,
                                const char    *path,
                                GError       **error);
gboolean  jd_table_write_xlsx  (JdTable       *self,
                                const char    *path,
                                GError       **error);
gboolean  jd_table_write       (JdTable       *self,
                                const char    *path,
                                GError       **error);

void      jd_csv_append_field  (GString       *out,
                                const char    *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdTable, jd_table_free)

G_END_DECLS

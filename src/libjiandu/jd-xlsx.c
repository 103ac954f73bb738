/* jd-xlsx.c — Office Open XML workbooks, read as a stream
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libgsf opens the zip container, libxml2's xmlTextReader walks each part
 * without building a tree: memory is bounded by the shared-string table
 * and the widest row (both capped below, since a zip of a megabyte can
 * unpack to a gigabyte), never by the number of rows.  The part names come
 * from the package relationships (not from guesses), so workbooks written
 * by Excel, WPS, LibreOffice, libxlsxwriter, openpyxl and others all read.
 */

#define G_LOG_DOMAIN "jd-xlsx"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-utils.h>
#include <libxml/xmlreader.h>

#include "jd-table-reader.h"
#include "jd-xlsx-private.h"

#define MAX_COLUMNS 16384

/* What a real workbook's texts come to, with room to spare: Excel keeps a
 * cell under 32,767 characters (128 KB in UTF-8), and a sheet of a
 * million rows with a few distinct texts a row stays far under these.  A
 * zip compresses a thousandfold, so without them a 1.5 MB file could ask
 * for 1.5 GB. */
#define MAX_TEXT_BYTES     (1024 * 1024)
#define MAX_SHARED_STRINGS (8 * 1024 * 1024)
#define MAX_SHARED_BYTES   (256 * 1024 * 1024)
/* Cells naming one long shared text each copy it: a row stops here. */
#define MAX_ROW_BYTES      (16 * 1024 * 1024)

typedef struct
{
  JdTableReader     parent;

  GsfInput         *input;
  GsfInfile        *zip;

  GPtrArray        *sheet_paths;      /* char*, zip paths of the sheets */
  GStringChunk     *string_chunk;
  GPtrArray        *shared_strings;   /* const char*, in string_chunk */
  GArray           *xf_is_date;       /* gboolean per cellXfs index */

  /* The sheet being read */
  GsfInput         *sheet;
  xmlTextReaderPtr  xml;
  guint             index;
  guint             last_row;
  gsize             row_bytes;
  gboolean          in_sheet_data;
  gboolean          sheet_done;
} XlsxReader;

static void
xlsx_close_sheet (XlsxReader *self)
{
  g_clear_pointer (&self->xml, xmlFreeTextReader);
  g_clear_object (&self->sheet);
}

static void
xlsx_reader_free (JdTableReader *reader)
{
  XlsxReader *self = (XlsxReader *)reader;

  xlsx_close_sheet (self);
  g_clear_object (&self->zip);
  g_clear_object (&self->input);
  g_clear_pointer (&self->sheet_paths, g_ptr_array_unref);
  g_clear_pointer (&self->shared_strings, g_ptr_array_unref);
  g_clear_pointer (&self->string_chunk, g_string_chunk_free);
  g_clear_pointer (&self->xf_is_date, g_array_unref);
  g_strfreev (self->parent.table_names);
  g_free (self);
}

/* The r, s and t attributes of a <c>, in one pass over its attributes. */
static void
get_cell_attrs (xmlTextReaderPtr   xml,
                char             **r,
                char             **s,
                char             **t)
{
  *r = *s = *t = NULL;

  if (xmlTextReaderMoveToFirstAttribute (xml) != 1)
    return;

  do
    {
      const char *name = (const char *)xmlTextReaderConstLocalName (xml);
      char **out = NULL;

      if (name != NULL && name[0] != '\0' && name[1] == '\0')
        out = name[0] == 'r' ? r : name[0] == 's' ? s : name[0] == 't' ? t : NULL;
      if (out != NULL && *out == NULL)
        *out = g_strdup ((const char *)xmlTextReaderConstValue (xml));
    }
  while (xmlTextReaderMoveToNextAttribute (xml) == 1);

  xmlTextReaderMoveToElement (xml);
}

static gboolean
ends_with_type (const char *type,
                const char *suffix)
{
  return type != NULL && g_str_has_suffix (type, suffix);
}

/* Adds one text to the shared-string table, within its bounds; the
 * pointer array and the terminating NUL count against the bytes too. */
static gboolean
add_shared_string (XlsxReader  *self,
                   const char  *text,
                   gsize        len,
                   gsize       *n_bytes,
                   GError     **error)
{
  if (self->shared_strings->len >= MAX_SHARED_STRINGS)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG,
                   _("The workbook has more than %d different texts"), MAX_SHARED_STRINGS);
      return FALSE;
    }

  *n_bytes += len + 1 + sizeof (char *);
  if (*n_bytes > MAX_SHARED_BYTES)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG,
                   _("The workbook’s texts come to more than %d MB"), MAX_SHARED_BYTES / (1024 * 1024));
      return FALSE;
    }

  g_ptr_array_add (self->shared_strings, len == 0 ? (char *)"" : g_string_chunk_insert_len (self->string_chunk, text, len));
  return TRUE;
}

static gboolean
read_shared_strings (XlsxReader  *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GsfInput) input = _jd_xlsx_open_part (self->zip, path);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_si = FALSE;
  gboolean in_t = FALSE;
  gboolean ok = TRUE;
  gsize n_bytes = 0;
  int rph_depth = 0;
  xmlTextReaderPtr xml;
  int rc = 0;

  if (input == NULL || (xml = _jd_xlsx_open_xml (input)) == NULL)
    return TRUE;

  while (ok && (rc = xmlTextReaderRead (xml)) == 1)
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (xml);

          if (_jd_xlsx_is_element (xml, "si"))
            {
              g_string_truncate (text, 0);
              in_si = !empty;
              if (empty)
                ok = add_shared_string (self, "", 0, &n_bytes, error);
            }
          else if (_jd_xlsx_is_element (xml, "rPh") && !empty)
            rph_depth++;   /* phonetic guides (pinyin, furigana) are not the text */
          else if (_jd_xlsx_is_element (xml, "t"))
            in_t = !empty;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (_jd_xlsx_is_element (xml, "si") && in_si)
            {
              ok = add_shared_string (self, text->str, text->len, &n_bytes, error);
              in_si = FALSE;
            }
          else if (_jd_xlsx_is_element (xml, "rPh"))
            rph_depth = MAX (rph_depth - 1, 0);
          else if (_jd_xlsx_is_element (xml, "t"))
            in_t = FALSE;
        }
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
               in_si && in_t && rph_depth == 0)
        {
          /* A text in many runs (<r><t>…</t></r>) grows here, run by run. */
          g_string_append (text, (const char *)xmlTextReaderConstValue (xml));
          if (text->len > MAX_TEXT_BYTES)
            {
              g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG,
                           _("Text number %u of the workbook is longer than %d MB"),
                           self->shared_strings->len + 1, MAX_TEXT_BYTES / (1024 * 1024));
              ok = FALSE;
            }
        }
    }

  xmlFreeTextReader (xml);

  if (!ok)
    return FALSE;

  if (rc < 0)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("The workbook’s text table is damaged"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
xlsx_open_table (JdTableReader  *reader,
                 guint           index,
                 GError        **error)
{
  XlsxReader *self = (XlsxReader *)reader;

  g_return_val_if_fail (index < reader->n_tables, FALSE);

  xlsx_close_sheet (self);
  self->index = index;
  self->last_row = 0;
  self->in_sheet_data = FALSE;
  self->sheet_done = FALSE;

  self->sheet = _jd_xlsx_open_part (self->zip, self->sheet_paths->pdata[index]);
  if (self->sheet == NULL || (self->xml = _jd_xlsx_open_xml (self->sheet)) == NULL)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("The sheet “%s” is missing from the workbook"), reader->table_names[index]);
      return FALSE;
    }

  return TRUE;
}

/* "AB12" → column 27 (0-based); -1 if there are no letters. */
static int
column_of_ref (const char *ref)
{
  int column = 0;
  int n = 0;

  for (; g_ascii_isalpha (*ref); ref++, n++)
    {
      column = column * 26 + (g_ascii_toupper (*ref) - 'A' + 1);
      if (column > MAX_COLUMNS)
        return MAX_COLUMNS;
    }

  return n > 0 ? column - 1 : -1;
}

static char *
cell_value (XlsxReader  *self,
            const char  *type,
            guint        style,
            GString     *value,
            gboolean     have_value)
{
  if (!have_value)
    return g_strdup ("");

  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index;
      char *end = NULL;

      index = g_ascii_strtoull (value->str, &end, 10);
      if (end == value->str || index >= self->shared_strings->len)
        return NULL;
      return g_strdup (self->shared_strings->pdata[index]);
    }

  if (g_strcmp0 (type, "b") == 0)
    return g_strdup (g_strcmp0 (g_strstrip (value->str), "1") == 0 ? "TRUE" : "FALSE");

  if (type == NULL || g_str_equal (type, "n"))
    {
      g_strstrip (value->str);
      if (style < self->xf_is_date->len && g_array_index (self->xf_is_date, gboolean, style))
        {
          char *end = NULL;
          double serial = g_ascii_strtod (value->str, &end);
          char *iso = NULL;

          if (end != value->str && *end == '\0')
            iso = jd_excel_serial_to_iso (serial, self->parent.date1904);
          if (iso != NULL)
            return iso;
        }
      /* Numbers stay as written: an 18-digit id never passes through a double. */
      return g_strdup (value->str);
    }

  /* "str" (a formula's text), "inlineStr", "e" (#N/A…), "d" (ISO date) */
  return g_strdup (value->str);
}

/* Column 27 (0-based) → "AB", as a spreadsheet program names it. */
static const char *
column_name (int   column,
             char  name[4])
{
  char reversed[4];
  int n = 0;

  for (column = CLAMP (column, 0, MAX_COLUMNS - 1) + 1; column > 0 && n < 3; column = (column - 1) / 26)
    reversed[n++] = 'A' + (column - 1) % 26;
  for (int i = 0; i < n; i++)
    name[i] = reversed[n - 1 - i];
  name[n] = '\0';

  return name;
}

/* Puts a cell's text into its column of @cells, padding the columns
 * before it, but never beyond the reader's max_columns: a crafted cell far
 * to the right costs nothing. */
static gboolean
add_cell (XlsxReader  *self,
          GPtrArray   *cells,
          int          column,
          const char  *type,
          guint        style,
          GString     *value,
          gboolean     have_value,
          GError     **error)
{
  char *text;

  if (self->parent.max_columns > 0 && (guint)column >= self->parent.max_columns)
    {
      self->parent.dropped_cells |= have_value && value->len > 0;
      return TRUE;
    }

  text = cell_value (self, type, style, value, have_value);
  if (text == NULL)
    {
      char name[4];

      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("Row %u, column %s refers to a text the workbook does not have"),
                   self->last_row, column_name (column, name));
      return FALSE;
    }

  self->row_bytes += strlen (text);
  if (self->row_bytes > MAX_ROW_BYTES)
    {
      g_free (text);
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG,
                   _("Row %u holds more than %d MB of text"), self->last_row, MAX_ROW_BYTES / (1024 * 1024));
      return FALSE;
    }

  while (cells->len < (guint)column)
    g_ptr_array_add (cells, g_strdup (""));
  if (cells->len == (guint)column)
    g_ptr_array_add (cells, text);
  else
    {
      g_free (cells->pdata[column]);
      cells->pdata[column] = text;
    }

  return TRUE;
}

static gboolean
xlsx_next_row (JdTableReader  *reader,
               GPtrArray      *cells,
               guint          *row_number,
               GError        **error)
{
  XlsxReader *self = (XlsxReader *)reader;
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *cell_type = NULL;
  gboolean in_row = FALSE;
  gboolean in_cell = FALSE;
  gboolean in_text = FALSE;
  gboolean have_value = FALSE;
  int rph_depth = 0;
  guint style = 0;
  int column = -1;
  int next_column = 0;
  int rc;

  g_ptr_array_set_size (cells, 0);
  reader->dropped_cells = FALSE;

  if (self->xml == NULL || self->sheet_done)
    return FALSE;

  while ((rc = xmlTextReaderRead (self->xml)) == 1)
    {
      int type = xmlTextReaderNodeType (self->xml);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (self->xml);

          if (!in_row && _jd_xlsx_is_element (self->xml, "sheetData"))
            {
              self->in_sheet_data = TRUE;
              if (empty)
                break;
            }
          else if (self->in_sheet_data && !in_row && _jd_xlsx_is_element (self->xml, "row"))
            {
              g_autofree char *r = _jd_xlsx_get_attr (self->xml, "r");
              guint64 number = r != NULL ? g_ascii_strtoull (r, NULL, 10) : 0;

              self->last_row = number > self->last_row && number <= G_MAXINT ? (guint)number
                                                                              : self->last_row + 1;
              next_column = 0;
              self->row_bytes = 0;
              if (empty)
                {
                  *row_number = self->last_row;
                  return TRUE;
                }
              in_row = TRUE;
            }
          else if (in_row && !in_cell && _jd_xlsx_is_element (self->xml, "c"))
            {
              g_autofree char *r = NULL;
              g_autofree char *s = NULL;

              g_clear_pointer (&cell_type, g_free);
              get_cell_attrs (self->xml, &r, &s, &cell_type);
              style = s != NULL ? (guint)MIN (g_ascii_strtoull (s, NULL, 10), G_MAXUINT) : 0;
              column = r != NULL ? column_of_ref (r) : -1;
              if (column < 0)
                column = next_column;
              if (column >= MAX_COLUMNS)
                {
                  g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG,
                               _("Row %u has more than %d columns"), self->last_row, MAX_COLUMNS);
                  return FALSE;
                }
              g_string_truncate (value, 0);
              have_value = FALSE;
              rph_depth = 0;
              if (empty)
                next_column = column + 1;
              else
                in_cell = TRUE;
            }
          else if (in_cell && _jd_xlsx_is_element (self->xml, "rPh") && !empty)
            rph_depth++;
          else if (in_cell && (_jd_xlsx_is_element (self->xml, "v") || _jd_xlsx_is_element (self->xml, "t")))
            {
              in_text = !empty;
              have_value = TRUE;
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (in_cell && _jd_xlsx_is_element (self->xml, "c"))
            {
              if (!add_cell (self, cells, column, cell_type, style, value, have_value, error))
                return FALSE;
              next_column = column + 1;
              in_cell = FALSE;
              in_text = FALSE;
            }
          else if (in_cell && _jd_xlsx_is_element (self->xml, "rPh"))
            rph_depth = MAX (rph_depth - 1, 0);
          else if (in_cell && (_jd_xlsx_is_element (self->xml, "v") || _jd_xlsx_is_element (self->xml, "t")))
            in_text = FALSE;
          else if (in_row && _jd_xlsx_is_element (self->xml, "row"))
            {
              *row_number = self->last_row;
              return TRUE;
            }
          else if (_jd_xlsx_is_element (self->xml, "sheetData"))
            break;
        }
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
               in_cell && in_text && rph_depth == 0)
        {
          g_string_append (value, (const char *)xmlTextReaderConstValue (self->xml));
          if (value->len > MAX_TEXT_BYTES)
            {
              char name[4];

              g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG,
                           _("Row %u, column %s: the cell is longer than %d MB"),
                           self->last_row, column_name (column, name), MAX_TEXT_BYTES / (1024 * 1024));
              return FALSE;
            }
        }
    }

  if (rc < 0)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("The sheet “%s” is damaged after row %u"),
                   reader->table_names[self->index], self->last_row);
      self->sheet_done = TRUE;
      return FALSE;
    }

  self->sheet_done = TRUE;
  if (in_row)
    {
      *row_number = self->last_row;
      return TRUE;
    }

  return FALSE;
}

static double
xlsx_progress (JdTableReader *reader)
{
  XlsxReader *self = (XlsxReader *)reader;
  gsf_off_t size;

  if (self->sheet == NULL || (size = gsf_input_size (self->sheet)) <= 0)
    return 0.0;

  return CLAMP ((double)gsf_input_tell (self->sheet) / size, 0.0, 1.0);
}

static JdTableReader *
xlsx_reader_new_from_input (GsfInput  *input,
                            GError   **error)
{
  XlsxReader *self;
  g_autoptr(GHashTable) package_rels = NULL;
  g_autoptr(GHashTable) workbook_rels = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *workbook_path = NULL;
  g_autofree char *workbook_dir = NULL;
  g_autofree char *workbook_base = NULL;
  g_autofree char *rels_path = NULL;
  g_autoptr(GsfInput) workbook = NULL;
  g_autoptr(GError) zip_error = NULL;
  GHashTableIter iter;
  gpointer value;
  xmlTextReaderPtr xml;

  self = g_new0 (XlsxReader, 1);
  self->parent.open_table = xlsx_open_table;
  self->parent.next_row = xlsx_next_row;
  self->parent.progress = xlsx_progress;
  self->parent.free = xlsx_reader_free;
  self->input = input;
  self->sheet_paths = g_ptr_array_new_with_free_func (g_free);
  self->string_chunk = g_string_chunk_new (64 * 1024);
  self->shared_strings = g_ptr_array_new ();
  self->xf_is_date = g_array_new (FALSE, FALSE, sizeof (gboolean));

  self->zip = gsf_infile_zip_new (input, &zip_error);
  if (self->zip == NULL)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("Not an Excel workbook (.xlsx), or a damaged one"));
      goto failed;
    }

  package_rels = _jd_xlsx_read_relationships (self->zip, "_rels/.rels", "");
  g_hash_table_iter_init (&iter, package_rels);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      char **pair = value;

      /* A package with two main parts (a damaged one) uses the first seen. */
      if (ends_with_type (pair[0], "/officeDocument") && workbook_path == NULL)
        workbook_path = g_strdup (pair[1]);
    }
  if (workbook_path == NULL)
    workbook_path = g_strdup ("xl/workbook.xml");

  workbook_dir = g_path_get_dirname (workbook_path);
  if (g_str_equal (workbook_dir, "."))
    {
      g_free (workbook_dir);
      workbook_dir = g_strdup ("");
    }
  workbook_base = g_path_get_basename (workbook_path);
  rels_path = workbook_dir[0] != '\0' ? g_strdup_printf ("%s/_rels/%s.rels", workbook_dir, workbook_base)
                                      : g_strdup_printf ("_rels/%s.rels", workbook_base);
  workbook_rels = _jd_xlsx_read_relationships (self->zip, rels_path, workbook_dir);

  workbook = _jd_xlsx_open_part (self->zip, workbook_path);
  if (workbook == NULL || (xml = _jd_xlsx_open_xml (workbook)) == NULL)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("Not an Excel workbook (.xlsx), or a damaged one"));
      goto failed;
    }

  while (xmlTextReaderRead (xml) == 1)
    {
      if (xmlTextReaderNodeType (xml) != XML_READER_TYPE_ELEMENT)
        continue;

      if (_jd_xlsx_is_element (xml, "workbookPr"))
        {
          g_autofree char *date1904 = _jd_xlsx_get_attr (xml, "date1904");

          self->parent.date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
        }
      else if (_jd_xlsx_is_element (xml, "sheet"))
        {
          g_autofree char *name = _jd_xlsx_get_attr (xml, "name");
          g_autofree char *id = _jd_xlsx_get_attr (xml, "id");
          g_autofree char *state = _jd_xlsx_get_attr (xml, "state");
          char **pair = id != NULL ? g_hash_table_lookup (workbook_rels, id) : NULL;

          /* Hidden sheets hold the lists behind drop-downs, not data. */
          if (pair == NULL || !ends_with_type (pair[0], "/worksheet") ||
              g_strcmp0 (state, "hidden") == 0 || g_strcmp0 (state, "veryHidden") == 0)
            continue;

          g_ptr_array_add (names, g_strdup (name != NULL ? name : ""));
          g_ptr_array_add (self->sheet_paths, g_strdup (pair[1]));
        }
    }
  xmlFreeTextReader (xml);

  if (self->sheet_paths->len == 0)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("The workbook has no worksheet"));
      g_ptr_array_foreach (names, (GFunc)g_free, NULL);
      goto failed;
    }

  g_ptr_array_add (names, NULL);
  self->parent.table_names = (char **)g_ptr_array_free (g_steal_pointer (&names), FALSE);
  self->parent.n_tables = self->sheet_paths->len;

  g_hash_table_iter_init (&iter, workbook_rels);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      char **pair = value;

      if (ends_with_type (pair[0], "/styles"))
        _jd_xlsx_read_styles (self->zip, pair[1], self->xf_is_date);
      else if (ends_with_type (pair[0], "/sharedStrings") &&
               !read_shared_strings (self, pair[1], error))
        goto failed;
    }

  return &self->parent;

failed:
  xlsx_reader_free (&self->parent);
  return NULL;
}

JdTableReader *
jd_xlsx_reader_new (const char  *path,
                    GError     **error)
{
  GsfInput *input;

  g_return_val_if_fail (path != NULL, NULL);

  input = gsf_input_stdio_new (path, error);
  if (input == NULL)
    return NULL;

  return xlsx_reader_new_from_input (input, error);
}

/**
 * jd_xlsx_reader_new_from_data:
 * @bytes: a whole .xlsx file, kept alive by the reader
 */
JdTableReader *
jd_xlsx_reader_new_from_data (GBytes  *bytes,
                              GError **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  GsfInput *input;

  input = gsf_input_memory_new (data, len, FALSE);
  g_object_set_data_full (G_OBJECT (input), "jd-bytes", g_bytes_ref (bytes), (GDestroyNotify)g_bytes_unref);

  return xlsx_reader_new_from_input (input, error);
}

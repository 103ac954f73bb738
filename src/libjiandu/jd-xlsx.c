/* jd-xlsx.c — Office Open XML workbooks, read as a stream
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libgsf opens the zip container, libxml2's xmlTextReader walks each part
 * without building a tree: memory is bounded by the shared-string table
 * and the widest row, never by the number of rows.  The part names come
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)

#define MAX_COLUMNS 16384
#define MAX_SHARED_STRINGS (16 * 1024 * 1024)

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

static int
xml_read_cb (void *context,
             char *buffer,
             int   len)
{
  GsfInput *input = context;
  gsf_off_t remaining = gsf_input_remaining (input);
  int n;

  if (remaining <= 0)
    return 0;

  n = (int)MIN ((gsf_off_t)len, remaining);
  if (gsf_input_read (input, n, (guint8 *)buffer) == NULL)
    return -1;

  return n;
}

static void
xml_silence_cb (void                    *arg,
                const char              *msg,
                xmlParserSeverities      severity,
                xmlTextReaderLocatorPtr  locator)
{
  /* Errors are reported through the read's result, not on stderr. */
}

static GsfInput *
open_part (XlsxReader  *self,
           const char  *path)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  GsfInput *input;

  input = gsf_infile_child_by_aname (self->zip, (const char **)names);
  /* Some producers write the first component in another case. */
  if (input == NULL && names[0] != NULL && g_ascii_strcasecmp (names[0], "xl") == 0)
    {
      g_free (names[0]);
      names[0] = g_strdup ("xl");
      input = gsf_infile_child_by_aname (self->zip, (const char **)names);
    }

  return input;
}

static xmlTextReaderPtr
open_xml (GsfInput *input)
{
  xmlTextReaderPtr xml;

  /* No network, no external entities, no DTD: a workbook is untrusted. */
  xml = xmlReaderForIO (xml_read_cb, NULL, input, NULL, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT);
  if (xml != NULL)
    xmlTextReaderSetErrorHandler (xml, xml_silence_cb, NULL);

  return xml;
}

static char *
get_attr (xmlTextReaderPtr  xml,
          const char       *local_name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (xml) != 1)
    return NULL;

  do
    {
      const char *name = (const char *)xmlTextReaderConstLocalName (xml);

      if (name != NULL && strcmp (name, local_name) == 0)
        {
          value = g_strdup ((const char *)xmlTextReaderConstValue (xml));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (xml) == 1);

  xmlTextReaderMoveToElement (xml);

  return value;
}

static gboolean
is_element (xmlTextReaderPtr  xml,
            const char       *local_name)
{
  const char *name = (const char *)xmlTextReaderConstLocalName (xml);

  /* Called for every node of a sheet: most differ in the first letter. */
  return name != NULL && name[0] == local_name[0] && strcmp (name, local_name) == 0;
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

/* "worksheets/sheet1.xml" seen from "xl" is "xl/worksheets/sheet1.xml". */
static char *
resolve_target (const char *base_dir,
                const char *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_auto(GStrv) base = NULL;
  g_auto(GStrv) rel = NULL;
  GString *path = g_string_new (NULL);

  if (target[0] != '/' && base_dir[0] != '\0')
    {
      base = g_strsplit (base_dir, "/", -1);
      for (guint i = 0; base[i] != NULL; i++)
        if (base[i][0] != '\0')
          g_ptr_array_add (parts, base[i]);
    }

  rel = g_strsplit (target, "/", -1);
  for (guint i = 0; rel[i] != NULL; i++)
    {
      if (rel[i][0] == '\0' || g_str_equal (rel[i], "."))
        continue;
      if (g_str_equal (rel[i], ".."))
        {
          if (parts->len > 0)
            g_ptr_array_remove_index (parts, parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, rel[i]);
    }

  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (path, "%s%s", i > 0 ? "/" : "", (char *)parts->pdata[i]);

  return g_string_free (path, FALSE);
}

/* Reads a .rels part into Id → (Type, Target) pairs. */
static GHashTable *
read_relationships (XlsxReader *self,
                    const char *rels_path,
                    const char *base_dir)
{
  GHashTable *rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
  g_autoptr(GsfInput) input = open_part (self, rels_path);
  xmlTextReaderPtr xml;

  if (input == NULL || (xml = open_xml (input)) == NULL)
    return rels;

  while (xmlTextReaderRead (xml) == 1)
    {
      if (xmlTextReaderNodeType (xml) == XML_READER_TYPE_ELEMENT && is_element (xml, "Relationship"))
        {
          g_autofree char *id = get_attr (xml, "Id");
          g_autofree char *type = get_attr (xml, "Type");
          g_autofree char *target = get_attr (xml, "Target");
          g_autofree char *mode = get_attr (xml, "TargetMode");

          if (id == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
            continue;

          {
            char **pair = g_new0 (char *, 3);

            pair[0] = g_strdup (type != NULL ? type : "");
            pair[1] = resolve_target (base_dir, target);
            g_hash_table_replace (rels, g_steal_pointer (&id), pair);
          }
        }
    }

  xmlFreeTextReader (xml);

  return rels;
}

static gboolean
format_code_is_date (const char *code)
{
  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return FALSE;
          break;

        case '\\':
        case '_':
        case '*':
          if (p[1] == '\0')
            return FALSE;
          p++;
          break;

        case '[':
          /* [h], [mm], [ss] are elapsed times; [Red], [$-804] are not. */
          if (strchr ("hHmMsS", p[1]) != NULL && p[1] != '\0')
            return TRUE;
          p = strchr (p + 1, ']');
          if (p == NULL)
            return FALSE;
          break;

        case ';':
          /* The first section decides. */
          return FALSE;

        case 'd': case 'D': case 'y': case 'Y': case 'm': case 'M':
        case 'h': case 'H': case 's': case 'S':
          return TRUE;

        default:
          /* 年, 月, 日 written without quotes, as Chinese Excel allows. */
          if (g_str_has_prefix (p, "年") || g_str_has_prefix (p, "月") || g_str_has_prefix (p, "日"))
            return TRUE;
          break;
        }
    }

  return FALSE;
}

static gboolean
builtin_format_is_date (guint id)
{
  /* 14–22 everywhere; 27–36 and 50–58 are the date formats of the
   * Chinese, Japanese and Korean locales (yyyy"年"m"月"d"日" and kin);
   * 45–47 are times. */
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
         (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

static void
read_styles (XlsxReader *self,
             const char *path)
{
  g_autoptr(GHashTable) custom = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, NULL);
  g_autoptr(GsfInput) input = open_part (self, path);
  gboolean in_cell_xfs = FALSE;
  xmlTextReaderPtr xml;

  if (input == NULL || (xml = open_xml (input)) == NULL)
    return;

  while (xmlTextReaderRead (xml) == 1)
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_END_ELEMENT && is_element (xml, "cellXfs"))
        in_cell_xfs = FALSE;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;

      if (is_element (xml, "numFmt"))
        {
          g_autofree char *id = get_attr (xml, "numFmtId");
          g_autofree char *code = get_attr (xml, "formatCode");

          if (id != NULL && code != NULL)
            g_hash_table_insert (custom, GUINT_TO_POINTER ((guint)g_ascii_strtoull (id, NULL, 10)),
                                 GINT_TO_POINTER (format_code_is_date (code) ? 2 : 1));
        }
      else if (is_element (xml, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (xml);
      else if (in_cell_xfs && is_element (xml, "xf"))
        {
          g_autofree char *id_text = get_attr (xml, "numFmtId");
          guint id = id_text != NULL ? (guint)g_ascii_strtoull (id_text, NULL, 10) : 0;
          int known = GPOINTER_TO_INT (g_hash_table_lookup (custom, GUINT_TO_POINTER (id)));
          gboolean is_date = known != 0 ? known == 2 : builtin_format_is_date (id);

          if (self->xf_is_date->len < 65536)
            g_array_append_val (self->xf_is_date, is_date);
        }
    }

  xmlFreeTextReader (xml);
}

static gboolean
read_shared_strings (XlsxReader  *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GsfInput) input = open_part (self, path);
  GString *text = g_string_new (NULL);
  gboolean in_si = FALSE;
  gboolean in_t = FALSE;
  int rph_depth = 0;
  xmlTextReaderPtr xml;
  int rc;

  if (input == NULL || (xml = open_xml (input)) == NULL)
    {
      g_string_free (text, TRUE);
      return TRUE;
    }

  while ((rc = xmlTextReaderRead (xml)) == 1)
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (xml);

          if (is_element (xml, "si"))
            {
              g_string_truncate (text, 0);
              in_si = !empty;
              if (empty)
                g_ptr_array_add (self->shared_strings, (char *)"");
            }
          else if (is_element (xml, "rPh") && !empty)
            rph_depth++;   /* phonetic guides (pinyin, furigana) are not the text */
          else if (is_element (xml, "t"))
            in_t = !empty;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (is_element (xml, "si") && in_si)
            {
              if (self->shared_strings->len >= MAX_SHARED_STRINGS)
                {
                  g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG,
                               _("The workbook has more than %d different texts"), MAX_SHARED_STRINGS);
                  break;
                }
              g_ptr_array_add (self->shared_strings,
                               g_string_chunk_insert_len (self->string_chunk, text->str, text->len));
              in_si = FALSE;
            }
          else if (is_element (xml, "rPh"))
            rph_depth = MAX (rph_depth - 1, 0);
          else if (is_element (xml, "t"))
            in_t = FALSE;
        }
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
               in_si && in_t && rph_depth == 0)
        g_string_append (text, (const char *)xmlTextReaderConstValue (xml));
    }

  xmlFreeTextReader (xml);
  g_string_free (text, TRUE);

  if (error != NULL && *error != NULL)
    return FALSE;

  if (rc < 0)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("The workbook’s text table is damaged"));
      return FALSE;
    }

  return TRUE;
}

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

  self->sheet = open_part (self, self->sheet_paths->pdata[index]);
  if (self->sheet == NULL || (self->xml = open_xml (self->sheet)) == NULL)
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

  if (self->xml == NULL || self->sheet_done)
    return FALSE;

  while ((rc = xmlTextReaderRead (self->xml)) == 1)
    {
      int type = xmlTextReaderNodeType (self->xml);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (self->xml);

          if (!in_row && is_element (self->xml, "sheetData"))
            {
              self->in_sheet_data = TRUE;
              if (empty)
                break;
            }
          else if (self->in_sheet_data && !in_row && is_element (self->xml, "row"))
            {
              g_autofree char *r = get_attr (self->xml, "r");
              guint64 number = r != NULL ? g_ascii_strtoull (r, NULL, 10) : 0;

              self->last_row = number > self->last_row && number <= G_MAXINT ? (guint)number
                                                                              : self->last_row + 1;
              next_column = 0;
              if (empty)
                {
                  *row_number = self->last_row;
                  return TRUE;
                }
              in_row = TRUE;
            }
          else if (in_row && !in_cell && is_element (self->xml, "c"))
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
          else if (in_cell && is_element (self->xml, "rPh") && !empty)
            rph_depth++;
          else if (in_cell && (is_element (self->xml, "v") || is_element (self->xml, "t")))
            {
              in_text = !empty;
              have_value = TRUE;
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (in_cell && is_element (self->xml, "c"))
            {
              char *text = cell_value (self, cell_type, style, value, have_value);

              if (text == NULL)
                {
                  g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                               _("Row %u refers to a text the workbook does not have"), self->last_row);
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
              next_column = column + 1;
              in_cell = FALSE;
              in_text = FALSE;
            }
          else if (in_cell && is_element (self->xml, "rPh"))
            rph_depth = MAX (rph_depth - 1, 0);
          else if (in_cell && (is_element (self->xml, "v") || is_element (self->xml, "t")))
            in_text = FALSE;
          else if (in_row && is_element (self->xml, "row"))
            {
              *row_number = self->last_row;
              return TRUE;
            }
          else if (is_element (self->xml, "sheetData"))
            break;
        }
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
               in_cell && in_text && rph_depth == 0)
        {
          g_string_append (value, (const char *)xmlTextReaderConstValue (self->xml));
          if (value->len > 4 * 1024 * 1024)
            {
              g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG,
                           _("Row %u has a cell longer than 4 MB"), self->last_row);
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

  package_rels = read_relationships (self, "_rels/.rels", "");
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
  workbook_rels = read_relationships (self, rels_path, workbook_dir);

  workbook = open_part (self, workbook_path);
  if (workbook == NULL || (xml = open_xml (workbook)) == NULL)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("Not an Excel workbook (.xlsx), or a damaged one"));
      goto failed;
    }

  while (xmlTextReaderRead (xml) == 1)
    {
      if (xmlTextReaderNodeType (xml) != XML_READER_TYPE_ELEMENT)
        continue;

      if (is_element (xml, "workbookPr"))
        {
          g_autofree char *date1904 = get_attr (xml, "date1904");

          self->parent.date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
        }
      else if (is_element (xml, "sheet"))
        {
          g_autofree char *name = get_attr (xml, "name");
          g_autofree char *id = get_attr (xml, "id");
          g_autofree char *state = get_attr (xml, "state");
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
        read_styles (self, pair[1]);
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

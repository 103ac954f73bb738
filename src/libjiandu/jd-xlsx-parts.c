/* jd-xlsx-parts.c — the parts of an Office Open XML package
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a part of the zip as a stream of XML, its relationships, and
 * which cell styles are dates: what jd-xlsx.c needs before the first row.
 */

#define G_LOG_DOMAIN "jd-xlsx"

#include "config.h"

#include <string.h>

#include "jd-xlsx-private.h"

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

GsfInput *
_jd_xlsx_open_part (GsfInfile  *zip,
                    const char *path)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  GsfInput *input;

  input = gsf_infile_child_by_aname (zip, (const char **)names);
  /* Some producers write the first component in another case. */
  if (input == NULL && names[0] != NULL && g_ascii_strcasecmp (names[0], "xl") == 0)
    {
      g_free (names[0]);
      names[0] = g_strdup ("xl");
      input = gsf_infile_child_by_aname (zip, (const char **)names);
    }

  return input;
}

xmlTextReaderPtr
_jd_xlsx_open_xml (GsfInput *input)
{
  xmlTextReaderPtr xml;

  /* No network, no external entities, no DTD: a workbook is untrusted. */
  xml = xmlReaderForIO (xml_read_cb, NULL, input, NULL, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT);
  if (xml != NULL)
    xmlTextReaderSetErrorHandler (xml, xml_silence_cb, NULL);

  return xml;
}

char *
_jd_xlsx_get_attr (xmlTextReaderPtr  xml,
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
GHashTable *
_jd_xlsx_read_relationships (GsfInfile  *zip,
                             const char *rels_path,
                             const char *base_dir)
{
  GHashTable *rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
  g_autoptr(GsfInput) input = _jd_xlsx_open_part (zip, rels_path);
  xmlTextReaderPtr xml;

  if (input == NULL || (xml = _jd_xlsx_open_xml (input)) == NULL)
    return rels;

  while (xmlTextReaderRead (xml) == 1)
    {
      if (xmlTextReaderNodeType (xml) == XML_READER_TYPE_ELEMENT && _jd_xlsx_is_element (xml, "Relationship"))
        {
          g_autofree char *id = _jd_xlsx_get_attr (xml, "Id");
          g_autofree char *type = _jd_xlsx_get_attr (xml, "Type");
          g_autofree char *target = _jd_xlsx_get_attr (xml, "Target");
          g_autofree char *mode = _jd_xlsx_get_attr (xml, "TargetMode");

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

void
_jd_xlsx_read_styles (GsfInfile  *zip,
                      const char *path,
                      GArray     *xf_is_date)
{
  g_autoptr(GHashTable) custom = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, NULL);
  g_autoptr(GsfInput) input = _jd_xlsx_open_part (zip, path);
  gboolean in_cell_xfs = FALSE;
  xmlTextReaderPtr xml;

  if (input == NULL || (xml = _jd_xlsx_open_xml (input)) == NULL)
    return;

  while (xmlTextReaderRead (xml) == 1)
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_END_ELEMENT && _jd_xlsx_is_element (xml, "cellXfs"))
        in_cell_xfs = FALSE;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;

      if (_jd_xlsx_is_element (xml, "numFmt"))
        {
          g_autofree char *id = _jd_xlsx_get_attr (xml, "numFmtId");
          g_autofree char *code = _jd_xlsx_get_attr (xml, "formatCode");

          if (id != NULL && code != NULL)
            g_hash_table_insert (custom, GUINT_TO_POINTER ((guint)g_ascii_strtoull (id, NULL, 10)),
                                 GINT_TO_POINTER (format_code_is_date (code) ? 2 : 1));
        }
      else if (_jd_xlsx_is_element (xml, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (xml);
      else if (in_cell_xfs && _jd_xlsx_is_element (xml, "xf"))
        {
          g_autofree char *id_text = _jd_xlsx_get_attr (xml, "numFmtId");
          guint id = id_text != NULL ? (guint)g_ascii_strtoull (id_text, NULL, 10) : 0;
          int known = GPOINTER_TO_INT (g_hash_table_lookup (custom, GUINT_TO_POINTER (id)));
          gboolean is_date = known != 0 ? known == 2 : builtin_format_is_date (id);

          if (xf_is_date->len < 65536)
            g_array_append_val (xf_is_date, is_date);
        }
    }

  xmlFreeTextReader (xml);
}

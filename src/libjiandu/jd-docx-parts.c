/* jd-docx-parts.c — the fixed parts of a DOCX package
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each part is a member of the zip with an XML writer streaming into it:
 * the content types, the relationships, the document's properties, the
 * styles (where the page's type lives), the settings, the fonts, the
 * running header and the footer with the page number.  jd-docx.c writes
 * word/document.xml and the images.
 */

#define G_LOG_DOMAIN "jd-docx"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf-outfile-zip.h>

#include "jd-docx-private.h"

#define NS_PACKAGE_RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define CT_WORD "application/vnd.openxmlformats-officedocument.wordprocessingml."

static int
part_write_cb (void       *context,
               const char *buffer,
               int         len)
{
  JdDocxPart *part = context;

  if (part->failed || !gsf_output_write (part->output, len, (const guint8 *)buffer))
    {
      part->failed = TRUE;
      return -1;
    }

  return len;
}

static int
part_close_cb (void *context)
{
  return 0;
}

/* Starts the zip member @name; with @xml, an XML writer streams into it,
 * its declaration written. */
JdDocxPart *
_jd_docx_part_open (GsfOutfile *zip,
                    const char *name,
                    gboolean    xml)
{
  JdDocxPart *part = g_new0 (JdDocxPart, 1);

  part->name = g_strdup (name);
  part->output = gsf_outfile_new_child_full (zip, name, FALSE,
                                             "compression-level", xml ? GSF_ZIP_DEFLATED : GSF_ZIP_STORED,
                                             NULL);
  if (part->output == NULL)
    part->failed = TRUE;
  else if (xml)
    {
      xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO (part_write_cb, part_close_cb, part, NULL);

      part->writer = xmlNewTextWriter (buffer);
      if (part->writer == NULL || xmlTextWriterStartDocument (part->writer, "1.0", "UTF-8", "yes") < 0)
        part->failed = TRUE;
    }

  return part;
}

static void
set_write_error (GError    **error,
                 const char *path,
                 const char *part,
                 const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: a DOCX file, the part of it, why */
               _("Could not write “%s” (part %s): %s"), display, part, reason);
}

/* Ends the part's XML and closes its member; frees @part. */
gboolean
_jd_docx_part_close (JdDocxPart  *part,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *reason = NULL;

  if (part->writer != NULL)
    {
      if (xmlTextWriterEndDocument (part->writer) < 0)
        part->failed = TRUE;
      xmlFreeTextWriter (part->writer);
    }

  if (part->output != NULL)
    {
      const GError *output_error = gsf_output_error (part->output);

      if (output_error != NULL)
        reason = g_strdup (output_error->message);
      if (!gsf_output_close (part->output) && reason == NULL)
        {
          output_error = gsf_output_error (part->output);
          reason = g_strdup (output_error != NULL ? output_error->message : g_strerror (EIO));
        }
      g_object_unref (part->output);
    }

  if (reason == NULL && part->failed)
    reason = g_strdup (_("the XML could not be written"));

  if (reason != NULL)
    set_write_error (error, path, part->name, reason);

  g_free (part->name);
  g_free (part);
  return reason == NULL;
}

gboolean
_jd_docx_write_bytes (GsfOutfile  *zip,
                      const char  *name,
                      GBytes      *bytes,
                      const char  *path,
                      GError     **error)
{
  JdDocxPart *part = _jd_docx_part_open (zip, name, FALSE);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (!part->failed && !gsf_output_write (part->output, size, data))
    part->failed = TRUE;

  return _jd_docx_part_close (part, path, error);
}

char *
_jd_docx_clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Carriage returns are dropped: a line ends with a line feed. */
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f
          || (c >= 0x80 && c < 0xa0) || c == 0xfffe || c == 0xffff)
        continue;

      g_string_append_len (clean, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (clean, FALSE);
}

void
_jd_docx_attr (xmlTextWriterPtr  w,
               const char       *name,
               const char       *value)
{
  g_autofree char *clean = _jd_docx_clean_text (value);

  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST clean);
}

void
_jd_docx_attr_int (xmlTextWriterPtr w,
                   const char      *name,
                   gint64           value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST buffer);
}

void
_jd_docx_val (xmlTextWriterPtr  w,
              const char       *name,
              const char       *value)
{
  xmlTextWriterStartElement (w, BAD_CAST name);
  if (value != NULL)
    _jd_docx_attr (w, "w:val", value);
  xmlTextWriterEndElement (w);
}

void
_jd_docx_val_int (xmlTextWriterPtr w,
                  const char      *name,
                  gint64           value)
{
  xmlTextWriterStartElement (w, BAD_CAST name);
  _jd_docx_attr_int (w, "w:val", value);
  xmlTextWriterEndElement (w);
}

/* w:rFonts: Latin letters and digits in Times New Roman, Chinese in
 * @east_asia. */
void
_jd_docx_fonts (xmlTextWriterPtr  w,
                const char       *east_asia)
{
  xmlTextWriterStartElement (w, BAD_CAST "w:rFonts");
  _jd_docx_attr (w, "w:ascii", JD_DOCX_FONT_LATIN);
  _jd_docx_attr (w, "w:hAnsi", JD_DOCX_FONT_LATIN);
  _jd_docx_attr (w, "w:cs", JD_DOCX_FONT_LATIN);
  _jd_docx_attr (w, "w:eastAsia", east_asia);
  xmlTextWriterEndElement (w);
}

/* An element holding text, e.g. <dc:title>. */
void
_jd_docx_text (xmlTextWriterPtr  w,
               const char       *element,
               const char       *text)
{
  g_autofree char *clean = _jd_docx_clean_text (text);

  xmlTextWriterWriteElement (w, BAD_CAST element, BAD_CAST clean);
}

static void
relationship (xmlTextWriterPtr  w,
              const char       *id,
              const char       *type,
              const char       *target)
{
  xmlTextWriterStartElement (w, BAD_CAST "Relationship");
  _jd_docx_attr (w, "Id", id);
  _jd_docx_attr (w, "Type", type);
  _jd_docx_attr (w, "Target", target);
  xmlTextWriterEndElement (w);
}

static void
content_type (xmlTextWriterPtr  w,
              const char       *element,
              const char       *key,
              const char       *name,
              const char       *type)
{
  xmlTextWriterStartElement (w, BAD_CAST element);
  _jd_docx_attr (w, key, name);
  _jd_docx_attr (w, "ContentType", type);
  xmlTextWriterEndElement (w);
}

static void
write_content_types (xmlTextWriterPtr w)
{
  static const struct { const char *part, *type; } overrides[] = {
    { "/word/document.xml", CT_WORD "document.main+xml" },
    { "/word/styles.xml", CT_WORD "styles+xml" },
    { "/word/settings.xml", CT_WORD "settings+xml" },
    { "/word/fontTable.xml", CT_WORD "fontTable+xml" },
    { "/word/header1.xml", CT_WORD "header+xml" },
    { "/word/header2.xml", CT_WORD "header+xml" },
    { "/word/header3.xml", CT_WORD "header+xml" },
    { "/word/footer1.xml", CT_WORD "footer+xml" },
    { "/word/footer2.xml", CT_WORD "footer+xml" },
    { "/word/footer3.xml", CT_WORD "footer+xml" },
    { "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml" },
    { "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml" },
  };

  xmlTextWriterStartElement (w, BAD_CAST "Types");
  _jd_docx_attr (w, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  content_type (w, "Default", "Extension", "rels", "application/vnd.openxmlformats-package.relationships+xml");
  content_type (w, "Default", "Extension", "xml", "application/xml");
  content_type (w, "Default", "Extension", "png", "image/png");
  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    content_type (w, "Override", "PartName", overrides[i].part, overrides[i].type);
  xmlTextWriterEndElement (w);
}

static void
write_package_rels (xmlTextWriterPtr w)
{
  xmlTextWriterStartElement (w, BAD_CAST "Relationships");
  _jd_docx_attr (w, "xmlns", NS_PACKAGE_RELS);
  relationship (w, "rId1", JD_DOCX_REL "officeDocument", "word/document.xml");
  relationship (w, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml");
  relationship (w, "rId3", JD_DOCX_REL "extended-properties", "docProps/app.xml");
  xmlTextWriterEndElement (w);
}

static void
write_core (xmlTextWriterPtr  w,
            JdDoc            *doc)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  xmlTextWriterStartElement (w, BAD_CAST "cp:coreProperties");
  _jd_docx_attr (w, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  _jd_docx_attr (w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  _jd_docx_attr (w, "xmlns:dcterms", "http://purl.org/dc/terms/");
  _jd_docx_attr (w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  if (doc->title != NULL)
    _jd_docx_text (w, "dc:title", doc->title);
  if (doc->subject != NULL)
    _jd_docx_text (w, "dc:subject", doc->subject);
  if (doc->author != NULL)
    {
      _jd_docx_text (w, "dc:creator", doc->author);
      _jd_docx_text (w, "cp:lastModifiedBy", doc->author);
    }
  for (guint i = 0; i < 2; i++)
    {
      xmlTextWriterStartElement (w, BAD_CAST (i == 0 ? "dcterms:created" : "dcterms:modified"));
      _jd_docx_attr (w, "xsi:type", "dcterms:W3CDTF");
      xmlTextWriterWriteString (w, BAD_CAST stamp);
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
}

static void
write_app (xmlTextWriterPtr w)
{
  xmlTextWriterStartElement (w, BAD_CAST "Properties");
  _jd_docx_attr (w, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  _jd_docx_text (w, "Application", "Jiandu " PACKAGE_VERSION);
  _jd_docx_text (w, "DocSecurity", "0");
  xmlTextWriterEndElement (w);
}

static void
write_settings (xmlTextWriterPtr      w,
                const JdPageGeometry *g)
{
  xmlTextWriterStartElement (w, BAD_CAST "w:settings");
  _jd_docx_attr (w, "xmlns:w", JD_DOCX_NS_W);
  xmlTextWriterStartElement (w, BAD_CAST "w:zoom");
  _jd_docx_attr (w, "w:percent", "100");
  xmlTextWriterEndElement (w);
  _jd_docx_val_int (w, "w:defaultTabStop", 420);
  /* Right- and left-hand pages number on their outer sides, as a bound
   * report opens (footer 1 and 2). */
  if (g->format == JD_PAGE_A4_PORTRAIT)
    _jd_docx_val (w, "w:evenAndOddHeaders", NULL);
  /* Chinese punctuation set half-width at a line's start and end, as
   * WPS and Word do for Chinese documents. */
  _jd_docx_val (w, "w:characterSpacingControl", "compressPunctuation");
  /* Word's own layout (2013 and later), not an older one's quirks. */
  xmlTextWriterStartElement (w, BAD_CAST "w:compat");
  xmlTextWriterStartElement (w, BAD_CAST "w:compatSetting");
  _jd_docx_attr (w, "w:name", "compatibilityMode");
  _jd_docx_attr (w, "w:uri", "http://schemas.microsoft.com/office/word");
  _jd_docx_attr (w, "w:val", "15");
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

static void
write_font_table (xmlTextWriterPtr w)
{
  /* The name, its other name (English or Chinese), the font's charset
   * (86: GB2312) and family, so that Word knows them before it has
   * looked at the faces installed. */
  static const struct { const char *name, *alt, *charset, *family, *pitch; } fonts[] = {
    { JD_DOCX_FONT_LATIN, NULL, "00", "roman", "variable" },
    { JD_DOCX_FONT_BODY, "FangSong", "86", "modern", "fixed" },
    { JD_DOCX_FONT_HEADING, "SimHei", "86", "modern", "fixed" },
    { JD_DOCX_FONT_NUMBER, "SimSun", "86", "auto", "variable" },
  };

  xmlTextWriterStartElement (w, BAD_CAST "w:fonts");
  _jd_docx_attr (w, "xmlns:w", JD_DOCX_NS_W);
  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    {
      xmlTextWriterStartElement (w, BAD_CAST "w:font");
      _jd_docx_attr (w, "w:name", fonts[i].name);
      if (fonts[i].alt != NULL)
        _jd_docx_val (w, "w:altName", fonts[i].alt);
      _jd_docx_val (w, "w:charset", fonts[i].charset);
      _jd_docx_val (w, "w:family", fonts[i].family);
      _jd_docx_val (w, "w:pitch", fonts[i].pitch);
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
}

static void
style_start (xmlTextWriterPtr  w,
             const char       *type,
             const char       *id,
             const char       *name,
             const char       *based_on,
             const char       *next)
{
  xmlTextWriterStartElement (w, BAD_CAST "w:style");
  _jd_docx_attr (w, "w:type", type);
  if (based_on == NULL)
    _jd_docx_attr (w, "w:default", "1");
  _jd_docx_attr (w, "w:styleId", id);
  _jd_docx_val (w, "w:name", name);
  if (based_on != NULL)
    _jd_docx_val (w, "w:basedOn", based_on);
  if (next != NULL)
    _jd_docx_val (w, "w:next", next);
  if (g_str_equal (type, "paragraph"))
    _jd_docx_val (w, "w:qFormat", NULL);
}

/* w:spacing: @line_pt exact when positive, else single; space before
 * and after in points. */
static void
spacing (xmlTextWriterPtr w,
         double           before,
         double           after,
         double           line_pt)
{
  xmlTextWriterStartElement (w, BAD_CAST "w:spacing");
  _jd_docx_attr_int (w, "w:before", JD_DOCX_TWIPS (before));
  _jd_docx_attr_int (w, "w:after", JD_DOCX_TWIPS (after));
  _jd_docx_attr_int (w, "w:line", line_pt > 0 ? JD_DOCX_TWIPS (line_pt) : 240);
  _jd_docx_attr (w, "w:lineRule", line_pt > 0 ? "exact" : "auto");
  xmlTextWriterEndElement (w);
}

/* w:rPr with the face, the size in points, bold and grey. */
static void
run_type (xmlTextWriterPtr  w,
          const char       *east_asia,
          double            size,
          gboolean          bold,
          gboolean          dim)
{
  xmlTextWriterStartElement (w, BAD_CAST "w:rPr");
  _jd_docx_fonts (w, east_asia);
  if (bold)
    {
      _jd_docx_val (w, "w:b", NULL);
      _jd_docx_val (w, "w:bCs", NULL);
    }
  if (dim)
    _jd_docx_val (w, "w:color", JD_DOCX_DIM);
  _jd_docx_val_int (w, "w:sz", (gint64)(size * 2 + 0.5));
  _jd_docx_val_int (w, "w:szCs", (gint64)(size * 2 + 0.5));
  xmlTextWriterEndElement (w);
}

/* A paragraph style, as jd-doc-layout.c sets the same block: alignment,
 * spacing (points; a line of 0 is single spacing), keep with next,
 * outline level (-1 for none), indent and type. */
typedef struct
{
  const char *id, *name;
  const char *jc;
  double      before, after, line;
  gboolean    keep_next;
  int         outline;
  double      first_line;   /* in characters */
  double      left;         /* points */
  const char *east_asia;
  double      size;
  gboolean    bold;
  gboolean    dim;
} ParagraphStyle;

static void
paragraph_style (xmlTextWriterPtr      w,
                 const ParagraphStyle *style)
{
  gboolean normal = g_str_equal (style->id, "Normal");

  style_start (w, "paragraph", style->id, style->name, normal ? NULL : "Normal",
               normal || g_str_has_prefix (style->id, "Heading") ? "BodyText" : NULL);
  xmlTextWriterStartElement (w, BAD_CAST "w:pPr");
  if (style->keep_next)
    _jd_docx_val (w, "w:keepNext", NULL);
  /* A paragraph is never left with a single line on either page. */
  _jd_docx_val (w, "w:widowControl", NULL);
  spacing (w, style->before, style->after, style->line);
  if (style->first_line > 0 || style->left > 0)
    {
      xmlTextWriterStartElement (w, BAD_CAST "w:ind");
      _jd_docx_attr_int (w, "w:left", JD_DOCX_TWIPS (style->left));
      if (style->first_line > 0)
        {
          /* In characters, as Chinese paragraphs are indented; in
           * twips too, for readers that do not count characters. */
          _jd_docx_attr_int (w, "w:firstLineChars", (gint64)(style->first_line * 100));
          _jd_docx_attr_int (w, "w:firstLine", JD_DOCX_TWIPS (style->first_line * style->size));
        }
      xmlTextWriterEndElement (w);
    }
  if (style->jc != NULL)
    _jd_docx_val (w, "w:jc", style->jc);
  if (style->outline >= 0)
    _jd_docx_val_int (w, "w:outlineLvl", style->outline);
  xmlTextWriterEndElement (w);
  run_type (w, style->east_asia, style->size, style->bold, style->dim);
  xmlTextWriterEndElement (w);
}

static void
write_styles (xmlTextWriterPtr       w,
              const JdPageGeometry  *g)
{
  double body = g->body_size;
  double line = g->line_spacing;
  /* The sizes of jd-doc-layout.c: 22 pt (二号) for the title, 16 pt
   * (三号) for headings and text, 12 pt (小四) for notes, 10.5 pt (五号)
   * in tables, on the 公文's A4; in proportion on other pages. */
  double title = body * 1.375;
  double note = MAX (g->min_text_size, body * 0.75);
  double table = MAX (g->min_text_size, body * 0.65625);
  const ParagraphStyle styles[] = {
    { "Normal", "Normal", "both", 0, 0, line, FALSE, -1, 0, 0, JD_DOCX_FONT_BODY, body, FALSE, FALSE },
    { "Title", "Title", "center", 0, line, title * 1.5, TRUE, -1, 0, 0, JD_DOCX_FONT_HEADING, title, TRUE, FALSE },
    { "Subtitle", "Subtitle", "center", 0, line, line, TRUE, -1, 0, 0, JD_DOCX_FONT_BODY, body, FALSE, TRUE },
    /* 一级标题 in 黑体, 二级 in the body face, bold, as the PDF sets them */
    { "Heading1", "heading 1", "left", body * 0.5, 0, line, TRUE, 0, 0, 0, JD_DOCX_FONT_HEADING, body, TRUE, FALSE },
    { "Heading2", "heading 2", "left", 0, 0, line, TRUE, 1, 0, 0, JD_DOCX_FONT_BODY, body, TRUE, FALSE },
    { "BodyText", "Body Text", "both", 0, 0, line, FALSE, -1, 2, 0, JD_DOCX_FONT_BODY, body, FALSE, FALSE },
    { "Warning", "Warning", "left", body * 0.25, body * 0.25, line, FALSE, -1, 0, body * 1.25,
      JD_DOCX_FONT_BODY, body, FALSE, FALSE },
    { "Caption", "caption", "center", body * 0.5, 0, note * 1.8, TRUE, -1, 0, 0, JD_DOCX_FONT_HEADING, note, TRUE, FALSE },
    { "Figure", "Figure", "center", body * 0.5, body * 0.5, 0, FALSE, -1, 0, 0, JD_DOCX_FONT_BODY, body, FALSE, FALSE },
    { "TableText", "Table Text", NULL, 0, 0, 0, FALSE, -1, 0, 0, JD_DOCX_FONT_BODY, table, FALSE, FALSE },
    { "TableNote", "Table Note", "left", 0, body * 0.5, table * 1.6, FALSE, -1, 0, 0, JD_DOCX_FONT_BODY, table, FALSE, TRUE },
    { "Note", "Note", "left", body * 0.5, 0, note * 1.6, FALSE, -1, 0, 0, JD_DOCX_FONT_BODY, note, FALSE, TRUE },
    { "Header", "header", "left", 0, 0, 0, FALSE, -1, 0, 0, JD_DOCX_FONT_BODY, table, FALSE, TRUE },
    { "Footer", "footer", NULL, 0, 0, 0, FALSE, -1, 0, 0, JD_DOCX_FONT_NUMBER, MAX (g->min_text_size, 14.0), FALSE, FALSE },
  };

  xmlTextWriterStartElement (w, BAD_CAST "w:styles");
  _jd_docx_attr (w, "xmlns:w", JD_DOCX_NS_W);

  /* Defaults for anything without a style: Chinese as the language, so
   * that the reader picks Simplified glyph forms and Chinese breaking. */
  xmlTextWriterStartElement (w, BAD_CAST "w:docDefaults");
  xmlTextWriterStartElement (w, BAD_CAST "w:rPrDefault");
  xmlTextWriterStartElement (w, BAD_CAST "w:rPr");
  _jd_docx_fonts (w, JD_DOCX_FONT_BODY);
  _jd_docx_val_int (w, "w:kern", 2);
  _jd_docx_val_int (w, "w:sz", (gint64)(body * 2 + 0.5));
  xmlTextWriterStartElement (w, BAD_CAST "w:lang");
  _jd_docx_attr (w, "w:val", "en-US");
  _jd_docx_attr (w, "w:eastAsia", "zh-CN");
  _jd_docx_attr (w, "w:bidi", "ar-SA");
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, BAD_CAST "w:pPrDefault");
  xmlTextWriterStartElement (w, BAD_CAST "w:pPr");
  spacing (w, 0, 0, 0);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    paragraph_style (w, &styles[i]);

  style_start (w, "table", "TableGrid", "Table Grid", NULL, NULL);
  xmlTextWriterEndElement (w);

  xmlTextWriterEndElement (w);
}

/* The running header, left, grey, over a rule; none on the first page. */
static void
write_header (xmlTextWriterPtr  w,
              JdDoc            *doc,
              guint             which)
{
  const char *text = which < 3 ? doc->running_header : NULL;

  xmlTextWriterStartElement (w, BAD_CAST "w:hdr");
  _jd_docx_attr (w, "xmlns:w", JD_DOCX_NS_W);
  xmlTextWriterStartElement (w, BAD_CAST "w:p");
  xmlTextWriterStartElement (w, BAD_CAST "w:pPr");
  _jd_docx_val (w, "w:pStyle", "Header");
  if (text != NULL && *text != '\0')
    {
      xmlTextWriterStartElement (w, BAD_CAST "w:pBdr");
      xmlTextWriterStartElement (w, BAD_CAST "w:bottom");
      _jd_docx_attr (w, "w:val", "single");
      _jd_docx_attr (w, "w:sz", "4");
      _jd_docx_attr (w, "w:space", "1");
      _jd_docx_attr (w, "w:color", JD_DOCX_DIM);
      xmlTextWriterEndElement (w);
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  if (text != NULL && *text != '\0')
    {
      g_autofree char *clean = _jd_docx_clean_text (text);

      g_strdelimit (clean, "\t\n", ' ');
      xmlTextWriterStartElement (w, BAD_CAST "w:r");
      xmlTextWriterStartElement (w, BAD_CAST "w:t");
      _jd_docx_attr (w, "xml:space", "preserve");
      xmlTextWriterWriteString (w, BAD_CAST clean);
      xmlTextWriterEndElement (w);
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

static void
field_char (xmlTextWriterPtr  w,
            const char       *type)
{
  xmlTextWriterStartElement (w, BAD_CAST "w:r");
  xmlTextWriterStartElement (w, BAD_CAST "w:fldChar");
  _jd_docx_attr (w, "w:fldCharType", type);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

static void
plain_run (xmlTextWriterPtr  w,
           const char       *element,
           const char       *text)
{
  xmlTextWriterStartElement (w, BAD_CAST "w:r");
  xmlTextWriterStartElement (w, BAD_CAST element);
  _jd_docx_attr (w, "xml:space", "preserve");
  xmlTextWriterWriteString (w, BAD_CAST text);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

/* The page number as GB/T 9704 sets it: "— 7 —", one character in from
 * the right on right-hand pages and from the left on left-hand ones (a
 * slide's at its right); the number a PAGE field that WPS and Word fill
 * in on each page. */
static void
write_footer (xmlTextWriterPtr      w,
              const JdPageGeometry *g,
              guint                 which)
{
  gboolean left = which == 2 && g->format == JD_PAGE_A4_PORTRAIT;
  double size = MAX (g->min_text_size, 14.0);

  xmlTextWriterStartElement (w, BAD_CAST "w:ftr");
  _jd_docx_attr (w, "xmlns:w", JD_DOCX_NS_W);
  xmlTextWriterStartElement (w, BAD_CAST "w:p");
  xmlTextWriterStartElement (w, BAD_CAST "w:pPr");
  _jd_docx_val (w, "w:pStyle", "Footer");
  if (g->format == JD_PAGE_A4_PORTRAIT)
    {
      xmlTextWriterStartElement (w, BAD_CAST "w:ind");
      _jd_docx_attr_int (w, left ? "w:left" : "w:right", JD_DOCX_TWIPS (size));
      xmlTextWriterEndElement (w);
    }
  _jd_docx_val (w, "w:jc", left ? "left" : "right");
  xmlTextWriterEndElement (w);
  plain_run (w, "w:t", "— ");
  field_char (w, "begin");
  plain_run (w, "w:instrText", " PAGE ");
  field_char (w, "separate");
  plain_run (w, "w:t", "1");
  field_char (w, "end");
  plain_run (w, "w:t", " —");
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

gboolean
_jd_docx_write_document_rels (GsfOutfile  *zip,
                              guint        n_images,
                              const char  *path,
                              GError     **error)
{
  JdDocxPart *part = _jd_docx_part_open (zip, "word/_rels/document.xml.rels", TRUE);
  xmlTextWriterPtr w = part->writer;

  if (!part->failed)
    {
      xmlTextWriterStartElement (w, BAD_CAST "Relationships");
      _jd_docx_attr (w, "xmlns", NS_PACKAGE_RELS);
      relationship (w, "rIdStyles", JD_DOCX_REL "styles", "styles.xml");
      relationship (w, "rIdSettings", JD_DOCX_REL "settings", "settings.xml");
      relationship (w, "rIdFontTable", JD_DOCX_REL "fontTable", "fontTable.xml");
      for (guint i = 1; i <= JD_DOCX_N_MARGINS; i++)
        for (guint f = 0; f < 2; f++)
          {
            const char *kind = f == 0 ? "header" : "footer";
            g_autofree char *id = g_strdup_printf ("rId%c%s%u", g_ascii_toupper (kind[0]), kind + 1, i);
            g_autofree char *type = g_strconcat (JD_DOCX_REL, kind, NULL);
            g_autofree char *target = g_strdup_printf ("%s%u.xml", kind, i);

            relationship (w, id, type, target);
          }
      for (guint i = 1; i <= n_images; i++)
        {
          g_autofree char *id = g_strdup_printf ("rIdImage%u", i);
          g_autofree char *target = g_strdup_printf ("media/image%u.png", i);

          relationship (w, id, JD_DOCX_REL "image", target);
        }
      xmlTextWriterEndElement (w);
    }

  return _jd_docx_part_close (part, path, error);
}

/* Writes every part but word/document.xml, its relationships and the
 * images. */
gboolean
_jd_docx_write_package (GsfOutfile  *zip,
                        JdDoc       *doc,
                        const char  *path,
                        GError     **error)
{
  static const char * const names[] = {
    "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
    "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
    "word/header1.xml", "word/header2.xml", "word/header3.xml",
    "word/footer1.xml", "word/footer2.xml", "word/footer3.xml",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JdDocxPart *part = _jd_docx_part_open (zip, names[i], TRUE);
      xmlTextWriterPtr w = part->writer;

      if (part->failed)
        {
          /* _jd_docx_part_close() says why */
        }
      else if (g_str_has_prefix (names[i], "word/header"))
        write_header (w, doc, names[i][strlen ("word/header")] - '0');
      else if (g_str_has_prefix (names[i], "word/footer"))
        write_footer (w, &doc->geometry, names[i][strlen ("word/footer")] - '0');
      else
        switch (i)
          {
          case 0: write_content_types (w); break;
          case 1: write_package_rels (w); break;
          case 2: write_core (w, doc); break;
          case 3: write_app (w); break;
          case 4: write_styles (w, &doc->geometry); break;
          case 5: write_settings (w, &doc->geometry); break;
          case 6: write_font_table (w); break;
          default: g_assert_not_reached ();
          }

      if (!_jd_docx_part_close (part, path, error))
        return FALSE;
    }

  return TRUE;
}

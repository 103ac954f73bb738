/* jd-docx-private.h — writing the parts of a DOCX package
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output.h>
#include <libxml/xmlwriter.h>

#include "jd-doc-private.h"

G_BEGIN_DECLS

#define JD_DOCX_NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define JD_DOCX_NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define JD_DOCX_REL    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* 1 point is 20 twips (dxa) and 12,700 EMU. */
#define JD_DOCX_TWIPS(pt) ((gint64)((pt) * 20.0 + 0.5))
#define JD_DOCX_EMU(pt)   ((gint64)((pt) * 12700.0 + 0.5))

/* The faces a DOCX names.  A DOCX cannot list fallbacks the way fontconfig
 * does, so these are the faces WPS and Word on a Chinese Windows have:
 * 仿宋 (FangSong) for body text and 黑体 (SimHei) for headings, as 公文
 * are set, Times New Roman for Latin letters and digits, 宋体 (SimSun)
 * for the page numbers.  Elsewhere (LibreOffice on Linux) the reader
 * substitutes a CJK face of its own. */
#define JD_DOCX_FONT_LATIN   "Times New Roman"
#define JD_DOCX_FONT_BODY    "仿宋"
#define JD_DOCX_FONT_HEADING "黑体"
#define JD_DOCX_FONT_NUMBER  "宋体"

/* The grey of the running header and the notes, the chart kit's dim ink. */
#define JD_DOCX_DIM "5E5C64"

/* One part of the package being written: a zip member, and an XML writer
 * streaming into it. */
typedef struct
{
  GsfOutput        *output;
  xmlTextWriterPtr  writer;
  char             *name;
  gboolean          failed;
} JdDocxPart;

JdDocxPart *_jd_docx_part_open        (GsfOutfile        *zip,
                                       const char        *name,
                                       gboolean           xml);
gboolean    _jd_docx_part_close       (JdDocxPart        *part,
                                       const char        *path,
                                       GError           **error);
gboolean    _jd_docx_write_bytes      (GsfOutfile        *zip,
                                       const char        *name,
                                       GBytes            *bytes,
                                       const char        *path,
                                       GError           **error);

/* Text as XML 1.0 allows it: valid UTF-8, no control characters but the
 * tab and the line feed. */
char       *_jd_docx_clean_text       (const char        *text);
void        _jd_docx_attr             (xmlTextWriterPtr   w,
                                       const char        *name,
                                       const char        *value);
void        _jd_docx_attr_int         (xmlTextWriterPtr   w,
                                       const char        *name,
                                       gint64             value);
/* <name val="value"/>, @val_name "w:val" unless given. */
void        _jd_docx_val              (xmlTextWriterPtr   w,
                                       const char        *name,
                                       const char        *value);
void        _jd_docx_val_int          (xmlTextWriterPtr   w,
                                       const char        *name,
                                       gint64             value);
void        _jd_docx_fonts            (xmlTextWriterPtr   w,
                                       const char        *east_asia);
void        _jd_docx_text             (xmlTextWriterPtr   w,
                                       const char        *element,
                                       const char        *text);

/* word/document.xml being written: jd-docx.c, jd-docx-picture.c. */
typedef struct
{
  JdDoc            *doc;
  JdDocLayout      *layout;      /* the PDF's: tables' columns, charts' sizes */
  xmlTextWriterPtr  w;
  GPtrArray        *images;      /* (element-type GBytes): word/media/imageN.png */
  double            text_width;  /* points */
} JdDocxWriter;

static inline void
_jd_docx_start (JdDocxWriter *self,
                const char   *element)
{
  xmlTextWriterStartElement (self->w, BAD_CAST element);
}

static inline void
_jd_docx_end (JdDocxWriter *self)
{
  xmlTextWriterEndElement (self->w);
}

/* <w:p><w:pPr>… with the paragraph style, left open for the runs. */
void        _jd_docx_paragraph_start  (JdDocxWriter      *self,
                                       const char        *style,
                                       const char        *jc,
                                       gboolean           keep_next);
/* A chart or a KPI row as an inline picture in its own paragraph. */
gboolean    _jd_docx_write_pictures   (JdDocxWriter      *self,
                                       const JdDocBox    *box,
                                       GError           **error);

/* The package's fixed parts: jd-docx-parts.c. */
gboolean    _jd_docx_write_package    (GsfOutfile        *zip,
                                       JdDoc             *doc,
                                       const char        *path,
                                       GError           **error);
gboolean    _jd_docx_write_document_rels (GsfOutfile     *zip,
                                          guint           n_images,
                                          const char     *path,
                                          GError        **error);

/* The relationship ids document.xml uses: word/headerN.xml is
 * "rIdHeaderN", word/footerN.xml "rIdFooterN", word/media/imageN.png
 * "rIdImageN".  Header and footer 1 are a right-hand page's, 2 a
 * left-hand page's, 3 the first page's (no running header there). */
#define JD_DOCX_N_MARGINS 3

G_END_DECLS

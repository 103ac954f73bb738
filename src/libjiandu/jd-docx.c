/* jd-docx.c — the page model written as a DOCX, for WPS and Word
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports are polished in WPS or Word before they go up, so the DOCX is
 * made to be edited: headings are the reader's own heading styles (its
 * navigation pane lists them), paragraphs are text in a body style,
 * tables are real tables whose header row repeats, and only the charts
 * are pictures, drawn by the chart kit at print resolution.  The package
 * is built in memory with libgsf's zip writer and libxml2's text writer,
 * then written over the file in one step.
 */

#define G_LOG_DOMAIN "jd-docx"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-outfile-zip.h>
#include <pango/pango.h>

#include "jd-docx-private.h"
#include "jd-warnings.h"

/* <w:p><w:pPr><w:pStyle/>… — left open for the runs. */
void
_jd_docx_paragraph_start (JdDocxWriter *self,
                          const char   *style,
                          const char   *jc,
                          gboolean      keep_next)
{
  _jd_docx_start (self, "w:p");
  _jd_docx_start (self, "w:pPr");
  _jd_docx_val (self->w, "w:pStyle", style);
  if (keep_next)
    _jd_docx_val (self->w, "w:keepNext", NULL);
  if (jc != NULL)
    _jd_docx_val (self->w, "w:jc", jc);
  _jd_docx_end (self);
}

/* A run of text; tabs and line feeds become w:tab and w:br. */
static void
run (JdDocxWriter *self,
     const char   *text,
     gssize        len,
     gboolean      bold,
     gboolean      italic)
{
  g_autofree char *slice = NULL;
  g_autofree char *clean = NULL;
  const char *p;

  if (text == NULL)
    return;

  slice = g_strndup (text, len < 0 ? strlen (text) : (gsize)len);
  p = clean = _jd_docx_clean_text (slice);
  if (*clean == '\0')
    return;

  _jd_docx_start (self, "w:r");
  if (bold || italic)
    {
      _jd_docx_start (self, "w:rPr");
      if (bold)
        {
          _jd_docx_val (self->w, "w:b", NULL);
          _jd_docx_val (self->w, "w:bCs", NULL);
        }
      if (italic)
        {
          _jd_docx_val (self->w, "w:i", NULL);
          _jd_docx_val (self->w, "w:iCs", NULL);
        }
      _jd_docx_end (self);
    }

  while (*p != '\0')
    {
      gsize n = strcspn (p, "\t\n");

      if (n > 0)
        {
          _jd_docx_start (self, "w:t");
          _jd_docx_attr (self->w, "xml:space", "preserve");
          xmlTextWriterWriteFormatString (self->w, "%.*s", (int)n, p);
          _jd_docx_end (self);
          p += n;
        }
      if (*p != '\0')
        {
          _jd_docx_val (self->w, *p == '\t' ? "w:tab" : "w:br", NULL);
          p++;
        }
    }
  _jd_docx_end (self);
}

/* Pango markup as runs: the bold and italic spans are kept, every other
 * attribute dropped.  Markup that does not parse is written as it is
 * rather than lost. */
static void
markup_runs (JdDocxWriter *self,
             const char   *markup)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PangoAttrList *attrs = NULL;
  PangoAttrIterator *iter;
  gsize text_len;

  if (!pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, &error))
    {
      g_debug ("Paragraph markup written as text: %s", error->message);
      run (self, markup, -1, FALSE, FALSE);
      return;
    }

  text_len = strlen (text);
  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      int range_start, range_end;
      PangoAttrInt *weight = (PangoAttrInt *)pango_attr_iterator_get (iter, PANGO_ATTR_WEIGHT);
      PangoAttrInt *style = (PangoAttrInt *)pango_attr_iterator_get (iter, PANGO_ATTR_STYLE);

      pango_attr_iterator_range (iter, &range_start, &range_end);
      range_start = MIN ((gsize)range_start, text_len);
      range_end = MIN ((gsize)range_end, text_len);
      if (range_end > range_start)
        run (self, text + range_start, range_end - range_start,
             weight != NULL && weight->value >= PANGO_WEIGHT_SEMIBOLD,
             style != NULL && style->value != PANGO_STYLE_NORMAL);
    }
  while (pango_attr_iterator_next (iter));

  pango_attr_iterator_destroy (iter);
  pango_attr_list_unref (attrs);
}

static void
text_paragraph (JdDocxWriter *self,
                const char   *style,
                const char   *text)
{
  _jd_docx_paragraph_start (self, style, NULL, FALSE);
  run (self, text, -1, FALSE, FALSE);
  _jd_docx_end (self);
}

static void
border (JdDocxWriter *self,
        const char   *side)
{
  _jd_docx_start (self, side);
  _jd_docx_attr (self->w, "w:val", "single");
  _jd_docx_attr (self->w, "w:sz", "4");
  _jd_docx_attr (self->w, "w:space", "0");
  _jd_docx_attr (self->w, "w:color", "000000");
  _jd_docx_end (self);
}

static void
table_cell (JdDocxWriter *self,
            gint64        width,
            const char   *text,
            const char   *jc,
            gboolean      header)
{
  _jd_docx_start (self, "w:tc");
  _jd_docx_start (self, "w:tcPr");
  _jd_docx_start (self, "w:tcW");
  _jd_docx_attr_int (self->w, "w:w", width);
  _jd_docx_attr (self->w, "w:type", "dxa");
  _jd_docx_end (self);
  if (header)
    {
      _jd_docx_start (self, "w:shd");
      _jd_docx_attr (self->w, "w:val", "clear");
      _jd_docx_attr (self->w, "w:color", "auto");
      _jd_docx_attr (self->w, "w:fill", "E8E8E8");
      _jd_docx_end (self);
    }
  _jd_docx_val (self->w, "w:vAlign", "center");
  _jd_docx_end (self);
  _jd_docx_paragraph_start (self, "TableText", jc, FALSE);
  if (text != NULL)
    run (self, text, -1, header, FALSE);
  _jd_docx_end (self);
  _jd_docx_end (self);
}

/* One column group of the layout's as a w:tbl: its columns as wide as
 * the PDF draws them, the header row repeated on each page, no row
 * split. */
static gboolean
table_group (JdDocxWriter      *self,
             JdTable           *table,
             const JdDocTable  *group,
             GCancellable      *cancellable,
             GError           **error)
{
  guint n_rows = jd_table_get_n_rows (table);
  g_autofree gint64 *widths = g_new0 (gint64, group->n_columns);
  gint64 total;

  /* Rounded at the column edges, so that the widths add up */
  for (guint c = 0; c < group->n_columns; c++)
    widths[c] = JD_DOCX_TWIPS (group->x[c] + group->widths[c]) - JD_DOCX_TWIPS (group->x[c]);
  total = JD_DOCX_TWIPS (group->x[group->n_columns - 1] + group->widths[group->n_columns - 1])
          - JD_DOCX_TWIPS (group->x[0]);

  _jd_docx_start (self, "w:tbl");
  _jd_docx_start (self, "w:tblPr");
  _jd_docx_val (self->w, "w:tblStyle", "TableGrid");
  _jd_docx_start (self, "w:tblW");
  _jd_docx_attr_int (self->w, "w:w", total);
  _jd_docx_attr (self->w, "w:type", "dxa");
  _jd_docx_end (self);
  _jd_docx_val (self->w, "w:jc", "center");
  _jd_docx_start (self, "w:tblBorders");
  for (guint i = 0; i < 6; i++)
    border (self, (const char *[]) { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" }[i]);
  _jd_docx_end (self);
  _jd_docx_start (self, "w:tblLayout");
  _jd_docx_attr (self->w, "w:type", "fixed");
  _jd_docx_end (self);
  _jd_docx_start (self, "w:tblCellMar");
  for (guint i = 0; i < 2; i++)
    {
      _jd_docx_start (self, i == 0 ? "w:left" : "w:right");
      _jd_docx_attr_int (self->w, "w:w", JD_DOCX_TWIPS (group->pad_x));
      _jd_docx_attr (self->w, "w:type", "dxa");
      _jd_docx_end (self);
    }
  _jd_docx_end (self);
  _jd_docx_end (self);  /* w:tblPr */

  _jd_docx_start (self, "w:tblGrid");
  for (guint c = 0; c < group->n_columns; c++)
    {
      _jd_docx_start (self, "w:gridCol");
      _jd_docx_attr_int (self->w, "w:w", widths[c]);
      _jd_docx_end (self);
    }
  _jd_docx_end (self);

  for (int r = -1; r < (int)n_rows; r++)
    {
      if (r > 0 && r % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      _jd_docx_start (self, "w:tr");
      /* A row never breaks across pages; the header row repeats on each. */
      _jd_docx_start (self, "w:trPr");
      _jd_docx_val (self->w, "w:cantSplit", NULL);
      if (r < 0)
        _jd_docx_val (self->w, "w:tblHeader", NULL);
      _jd_docx_end (self);
      for (guint c = 0; c < group->n_columns; c++)
        {
          guint column = group->columns[c];

          if (r < 0)
            table_cell (self, widths[c], jd_table_get_column_title (table, column), "center", TRUE);
          else
            {
              g_autofree char *text = jd_table_format_cell (table, r, column);
              gboolean number = jd_table_get_column_kind (table, column) != JD_COLUMN_TEXT;

              table_cell (self, widths[c], text, number ? "right" : "left", FALSE);
            }
        }
      _jd_docx_end (self);
    }
  _jd_docx_end (self);  /* w:tbl */
  return TRUE;
}

/* A table: its title, its column groups one under the other as the PDF
 * has them (a table too wide for the page goes on in further groups,
 * each led by its first column again), its notes. */
static gboolean
table_block (JdDocxWriter    *self,
             const JdDocBox  *box,
             GCancellable    *cancellable,
             GError         **error)
{
  JdTable *table = box->block->table;
  const char *title = jd_table_get_title (table);
  const char * const *notes;
  guint n_notes = 0;

  if (box->tables == NULL || jd_table_get_n_columns (table) == 0)
    return TRUE;

  if (title != NULL && *title != '\0')
    {
      _jd_docx_paragraph_start (self, "Caption", NULL, TRUE);
      run (self, title, -1, FALSE, FALSE);
      _jd_docx_end (self);
    }

  for (guint i = 0; i < box->tables->len; i++)
    {
      /* Tables side by side in the XML would be read as one: a paragraph
       * keeps them apart. */
      if (i > 0)
        text_paragraph (self, "TableText", "");
      if (!table_group (self, table, box->tables->pdata[i], cancellable, error))
        return FALSE;
    }

  notes = jd_table_get_notes (table, &n_notes);
  for (guint i = 0; i < n_notes; i++)
    text_paragraph (self, "TableNote", notes[i]);

  return TRUE;
}

/* Each warning: its rule in bold, an ideographic space, the finding. */
static void
warnings_block (JdDocxWriter  *self,
                const JdBlock *block)
{
  for (guint i = 0; i < block->warnings->len; i++)
    {
      const JdWarning *warning = block->warnings->pdata[i];

      _jd_docx_paragraph_start (self, "Warning", NULL, FALSE);
      run (self, jd_warning_rule_label (warning->rule), -1, TRUE, FALSE);
      run (self, "\u3000", -1, FALSE, FALSE);
      if (warning->message != NULL)
        run (self, warning->message, -1, FALSE, FALSE);
      _jd_docx_end (self);
    }
}

static gboolean
write_block (JdDocxWriter    *self,
             const JdDocBox  *box,
             GCancellable    *cancellable,
             GError         **error)
{
  const JdBlock *block = box->block;

  switch (block->kind)
    {
    case JD_BLOCK_TITLE:
      text_paragraph (self, "Title", block->text);
      if (block->subtitle != NULL && *block->subtitle != '\0')
        text_paragraph (self, "Subtitle", block->subtitle);
      break;

    case JD_BLOCK_HEADING:
      text_paragraph (self, block->level <= 1 ? "Heading1" : "Heading2", block->text);
      break;

    case JD_BLOCK_PARAGRAPH:
      _jd_docx_paragraph_start (self, "BodyText", NULL, FALSE);
      markup_runs (self, block->text);
      _jd_docx_end (self);
      break;

    case JD_BLOCK_KPI_ROW:
    case JD_BLOCK_CHART:
      return _jd_docx_write_pictures (self, box, error);

    case JD_BLOCK_TABLE:
      return table_block (self, box, cancellable, error);

    case JD_BLOCK_WARNINGS:
      warnings_block (self, block);
      break;

    case JD_BLOCK_FOOTNOTE:
      text_paragraph (self, "Note", block->text);
      break;

    case JD_BLOCK_PAGE_BREAK:
      _jd_docx_start (self, "w:p");
      _jd_docx_start (self, "w:r");
      _jd_docx_start (self, "w:br");
      _jd_docx_attr (self->w, "w:type", "page");
      _jd_docx_end (self);
      _jd_docx_end (self);
      _jd_docx_end (self);
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* The section: the page's size and margins, the header and footer. */
static void
section (JdDocxWriter *self)
{
  const JdPageGeometry *g = &self->doc->geometry;
  /* GB/T 9704 puts the page number 7 mm under the text block; the
   * running header's foot is at 62% of the top margin, as the PDF has
   * them. */
  double footer = MAX (g->margin_bottom - 7.0 * 72.0 / 25.4 - MAX (g->min_text_size, 14.0) * 1.3, 18.0);
  double header = MAX (g->margin_top * 0.62 - g->body_size * 0.65625 * 1.3, 18.0);
  gboolean book = g->format == JD_PAGE_A4_PORTRAIT;

  _jd_docx_start (self, "w:sectPr");
  /* A report: right- and left-hand pages number on their outer sides,
   * the first page has no running header.  A slide: one of each. */
  for (guint f = 0; f < 2; f++)
    for (guint i = 1; i <= (book ? JD_DOCX_N_MARGINS : 1); i++)
      {
        const char *kind = f == 0 ? "header" : "footer";
        g_autofree char *element = g_strdup_printf ("w:%sReference", kind);
        g_autofree char *id = g_strdup_printf ("rId%c%s%u", g_ascii_toupper (kind[0]), kind + 1, i);

        _jd_docx_start (self, element);
        _jd_docx_attr (self->w, "w:type", (const char *[]) { "default", "even", "first" }[i - 1]);
        _jd_docx_attr (self->w, "r:id", id);
        _jd_docx_end (self);
      }
  _jd_docx_start (self, "w:pgSz");
  _jd_docx_attr_int (self->w, "w:w", JD_DOCX_TWIPS (g->width));
  _jd_docx_attr_int (self->w, "w:h", JD_DOCX_TWIPS (g->height));
  if (g->width > g->height)
    _jd_docx_attr (self->w, "w:orient", "landscape");
  _jd_docx_end (self);
  _jd_docx_start (self, "w:pgMar");
  _jd_docx_attr_int (self->w, "w:top", JD_DOCX_TWIPS (g->margin_top));
  _jd_docx_attr_int (self->w, "w:right", JD_DOCX_TWIPS (g->margin_right));
  _jd_docx_attr_int (self->w, "w:bottom", JD_DOCX_TWIPS (g->margin_bottom));
  _jd_docx_attr_int (self->w, "w:left", JD_DOCX_TWIPS (g->margin_left));
  _jd_docx_attr_int (self->w, "w:header", JD_DOCX_TWIPS (header));
  _jd_docx_attr_int (self->w, "w:footer", JD_DOCX_TWIPS (footer));
  _jd_docx_attr_int (self->w, "w:gutter", 0);
  _jd_docx_end (self);
  if (book)
    _jd_docx_val (self->w, "w:titlePg", NULL);
  _jd_docx_end (self);
}

static gboolean
write_document (JdDocxWriter    *self,
                GsfOutfile      *zip,
                const char      *path,
                GCancellable    *cancellable,
                JdProgressFunc   progress,
                gpointer         user_data,
                GError         **error)
{
  JdDocxPart *part = _jd_docx_part_open (zip, "word/document.xml", TRUE);
  guint n = self->layout->boxes->len;
  g_autoptr(GError) local_error = NULL;

  self->w = part->writer;
  if (!part->failed)
    {
      _jd_docx_start (self, "w:document");
      _jd_docx_attr (self->w, "xmlns:w", JD_DOCX_NS_W);
      _jd_docx_attr (self->w, "xmlns:r", JD_DOCX_NS_R);
      _jd_docx_attr (self->w, "xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
      _jd_docx_start (self, "w:body");

      for (guint i = 0; i < n && local_error == NULL; i++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
            break;
          if (!write_block (self, self->layout->boxes->pdata[i], cancellable, &local_error))
            break;
          if (progress != NULL)
            progress ((double)(i + 1) / (n + 1), user_data);
        }

      section (self);
      _jd_docx_end (self);  /* w:body */
      _jd_docx_end (self);  /* w:document */
    }
  self->w = NULL;

  /* The block's error, if any, says more than the part's. */
  _jd_docx_part_close (part, path, local_error == NULL ? &local_error : NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static void
set_file_error (GError    **error,
                const char *path,
                const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), display, reason);
}

/**
 * jd_doc_write_docx:
 *
 * Writes @doc as Office Open XML.  The file appears whole or not at all:
 * the package is built in memory and written over @path in one step, so
 * a cancelled or failed export leaves nothing behind.  @progress is
 * called after each block.
 */
gboolean
jd_doc_write_docx (JdDoc          *doc,
                   const char     *path,
                   GCancellable   *cancellable,
                   JdProgressFunc  progress,
                   gpointer        user_data,
                   GError        **error)
{
  g_autofree char *folder = NULL;
  GsfOutput *sink;
  GsfOutfile *zip;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JdDocLayout) layout = NULL;
  const JdPageGeometry *g;
  JdDocxWriter writer = { 0 };
  gboolean ok;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folder = g_path_get_dirname (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *folder_display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: the file, then its folder */
                   _("Could not write “%s”: the folder “%s” does not exist"),
                   display, folder_display);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The PDF's layout: the DOCX takes its tables' column groups and
   * widths, and its charts' sizes, from it. */
  layout = jd_doc_layout_new (doc, cancellable, error);
  if (layout == NULL)
    return FALSE;

  g = jd_doc_get_geometry (doc);
  images = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  writer.doc = doc;
  writer.layout = layout;
  writer.images = images;
  writer.text_width = g->width - g->margin_left - g->margin_right;

  sink = gsf_output_memory_new ();
  /* No zip64 records: a report is far from 4 GiB, and older readers
   * refuse them. */
  zip = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "zip64", FALSE, NULL);

  ok = _jd_docx_write_package (zip, doc, path, &local_error)
       && write_document (&writer, zip, path, cancellable, progress, user_data, &local_error)
       && _jd_docx_write_document_rels (zip, images->len, path, &local_error);
  for (guint i = 0; ok && i < images->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("word/media/image%u.png", i + 1);

      ok = _jd_docx_write_bytes (zip, name, images->pdata[i], path, &local_error);
    }

  if (!gsf_output_close (GSF_OUTPUT (zip)) && ok)
    {
      const GError *zip_error = gsf_output_error (GSF_OUTPUT (zip));

      set_file_error (&local_error, path, zip_error != NULL ? zip_error->message : g_strerror (EIO));
      ok = FALSE;
    }
  if (!gsf_output_close (sink) && ok)
    {
      set_file_error (&local_error, path, g_strerror (EIO));
      ok = FALSE;
    }

  if (ok)
    {
      const guint8 *data = gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink));
      gsize size = gsf_output_size (sink);

      /* Written beside the file and renamed over it. */
      if (!g_file_set_contents_full (path, (const char *)data, size, G_FILE_SET_CONTENTS_CONSISTENT,
                                     0666, &local_error))
        {
          g_autofree char *reason = g_strdup (local_error->message);

          g_clear_error (&local_error);
          set_file_error (&local_error, path, reason);
          ok = FALSE;
        }
    }

  g_object_unref (zip);
  g_object_unref (sink);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

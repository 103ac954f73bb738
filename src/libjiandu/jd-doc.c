/* jd-doc.c — the page model's blocks and document
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-doc"

#include "config.h"

#include <string.h>

#include "jd-doc-private.h"

#define MM (72.0 / 25.4)

/**
 * jd_page_geometry_init:
 *
 * A4 follows GB/T 9704 (党政机关公文格式) as far as it suits an analysis
 * report: 37 mm top, 35 mm bottom, 28 mm binding and 26 mm outer margin,
 * a 156 × 225 mm text block, body text in 三号 (16 pt) with 22 lines a
 * page.  A slide is 16:9 at 960 × 540 pt, the size WPS and PowerPoint
 * give a widescreen slide, with type large enough to read from the back of
 * a meeting room.
 */
void
jd_page_geometry_init (JdPageGeometry *geometry,
                       JdPageFormat    format)
{
  g_return_if_fail (geometry != NULL);

  memset (geometry, 0, sizeof *geometry);
  geometry->format = format;

  switch (format)
    {
    case JD_PAGE_SLIDE_16_9:
      geometry->width = 960.0;
      geometry->height = 540.0;
      geometry->margin_top = 36.0;
      geometry->margin_right = 48.0;
      geometry->margin_bottom = 36.0;
      geometry->margin_left = 48.0;
      geometry->body_size = 24.0;
      geometry->line_spacing = 36.0;
      geometry->min_text_size = 16.0;
      g_strlcpy (geometry->body_family, "Noto Sans CJK SC", sizeof geometry->body_family);
      g_strlcpy (geometry->heading_family, "Noto Sans CJK SC", sizeof geometry->heading_family);
      break;

    case JD_PAGE_A4_PORTRAIT:
    default:
      geometry->width = 210.0 * MM;
      geometry->height = 297.0 * MM;
      geometry->margin_top = 37.0 * MM;
      geometry->margin_right = 26.0 * MM;
      geometry->margin_bottom = 35.0 * MM;
      geometry->margin_left = 28.0 * MM;
      geometry->body_size = 16.0;
      geometry->line_spacing = 225.0 * MM / 22.0;
      geometry->min_text_size = 9.0;
      g_strlcpy (geometry->body_family, "Noto Serif CJK SC", sizeof geometry->body_family);
      g_strlcpy (geometry->heading_family, "Noto Sans CJK SC", sizeof geometry->heading_family);
      break;
    }
}

static JdBlock *
block_new (JdBlockKind kind)
{
  JdBlock *block = g_new0 (JdBlock, 1);

  block->kind = kind;
  block->aspect = 0.5;
  return block;
}

JdBlock *
jd_block_title_new (const char *title,
                    const char *subtitle)
{
  JdBlock *block;

  g_return_val_if_fail (title != NULL, NULL);

  block = block_new (JD_BLOCK_TITLE);
  block->text = g_strdup (title);
  block->subtitle = g_strdup (subtitle);
  return block;
}

/* @level: 1 for "一、…", 2 for "（一）…". */
JdBlock *
jd_block_heading_new (guint       level,
                      const char *text)
{
  JdBlock *block;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (level >= 1 && level <= 2, NULL);

  block = block_new (JD_BLOCK_HEADING);
  block->level = level;
  block->text = g_strdup (text);
  return block;
}

/* @markup: Pango markup; only <b> and <i> are kept by every writer. */
JdBlock *
jd_block_paragraph_new (const char *markup)
{
  JdBlock *block;

  g_return_val_if_fail (markup != NULL, NULL);

  block = block_new (JD_BLOCK_PARAGRAPH);
  block->text = g_strdup (markup);
  return block;
}

JdBlock *
jd_block_kpi_row_new (JdChart * const *kpis,
                      guint            n_kpis)
{
  JdBlock *block;

  g_return_val_if_fail (kpis != NULL || n_kpis == 0, NULL);

  block = block_new (JD_BLOCK_KPI_ROW);
  block->charts = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_chart_unref);
  for (guint i = 0; i < n_kpis; i++)
    g_ptr_array_add (block->charts, jd_chart_ref (kpis[i]));
  return block;
}

/* @aspect: the chart's height over its width; it is drawn across the
 * text block's width. */
JdBlock *
jd_block_chart_new (JdChart *chart,
                    double   aspect)
{
  JdBlock *block;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (aspect > 0.0, NULL);

  block = block_new (JD_BLOCK_CHART);
  block->charts = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_chart_unref);
  g_ptr_array_add (block->charts, jd_chart_ref (chart));
  block->aspect = aspect;
  return block;
}

/* @table: (transfer full) */
JdBlock *
jd_block_table_new (JdTable *table)
{
  JdBlock *block;

  g_return_val_if_fail (table != NULL, NULL);

  block = block_new (JD_BLOCK_TABLE);
  block->table = table;
  return block;
}

/* @warnings: (element-type JdWarning): the block keeps a reference. */
JdBlock *
jd_block_warnings_new (GPtrArray *warnings)
{
  JdBlock *block;

  g_return_val_if_fail (warnings != NULL, NULL);

  block = block_new (JD_BLOCK_WARNINGS);
  block->warnings = g_ptr_array_ref (warnings);
  return block;
}

JdBlock *
jd_block_footnote_new (const char *text)
{
  JdBlock *block;

  g_return_val_if_fail (text != NULL, NULL);

  block = block_new (JD_BLOCK_FOOTNOTE);
  block->text = g_strdup (text);
  return block;
}

JdBlock *
jd_block_page_break_new (void)
{
  return block_new (JD_BLOCK_PAGE_BREAK);
}

/* The speaker's notes of the slide this block ends: what the presenter
 * view shows beside the slide; no writer draws or writes them. */
JdBlock *
jd_block_notes_new (const char *text)
{
  JdBlock *block;

  g_return_val_if_fail (text != NULL, NULL);

  block = block_new (JD_BLOCK_NOTES);
  block->text = g_strdup (text);
  return block;
}

void
jd_block_free (JdBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->text);
  g_free (block->subtitle);
  g_free (block->key);
  g_free (block->draft);
  g_clear_pointer (&block->charts, g_ptr_array_unref);
  g_clear_pointer (&block->table, jd_table_free);
  g_clear_pointer (&block->warnings, g_ptr_array_unref);
  g_free (block);
}

JdBlockKind
jd_block_get_kind (const JdBlock *block)
{
  g_return_val_if_fail (block != NULL, JD_BLOCK_PAGE_BREAK);

  return block->kind;
}

/* The title, a heading's text, a paragraph's markup or a footnote. */
const char *
jd_block_get_text (const JdBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return block->text;
}

const char *
jd_block_get_subtitle (const JdBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return block->subtitle;
}

guint
jd_block_get_level (const JdBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);

  return block->level;
}

guint
jd_block_get_n_charts (const JdBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);

  return block->charts != NULL ? block->charts->len : 0;
}

JdChart *
jd_block_get_chart (const JdBlock *block,
                    guint          index)
{
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (index < jd_block_get_n_charts (block), NULL);

  return block->charts->pdata[index];
}

double
jd_block_get_aspect (const JdBlock *block)
{
  g_return_val_if_fail (block != NULL, 0.0);

  return block->aspect;
}

JdTable *
jd_block_get_table (const JdBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return block->table;
}

GPtrArray *
jd_block_get_warnings (const JdBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return block->warnings;
}

/* A paragraph's key names it across drafts ("lawsuits"), so that the
 * analyst's edit of it is found again. */
void
jd_block_set_key (JdBlock    *block,
                  const char *key)
{
  g_return_if_fail (block != NULL);

  g_free (block->key);
  block->key = g_strdup (key);
}

const char *
jd_block_get_key (const JdBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return block->key;
}

void
jd_block_set_state (JdBlock          *block,
                    JdParagraphState  state)
{
  g_return_if_fail (block != NULL);

  block->state = state;
}

JdParagraphState
jd_block_get_state (const JdBlock *block)
{
  g_return_val_if_fail (block != NULL, JD_PARAGRAPH_DRAFTED);

  return block->state;
}

/* The wording the figures draft for a paragraph whose text is the
 * analyst's: what an edit is saved against, so that a later change of the
 * figures can be told (JD_PARAGRAPH_STALE) and the draft brought back. */
void
jd_block_set_draft (JdBlock    *block,
                    const char *markup)
{
  g_return_if_fail (block != NULL);

  g_free (block->draft);
  block->draft = g_strdup (markup);
}

const char *
jd_block_get_draft (const JdBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return block->draft != NULL ? block->draft : block->text;
}

JdDoc *
jd_doc_new (JdPageFormat format)
{
  JdDoc *doc = g_new0 (JdDoc, 1);

  g_ref_count_init (&doc->ref_count);
  jd_page_geometry_init (&doc->geometry, format);
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_block_free);
  return doc;
}

JdDoc *
jd_doc_ref (JdDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  g_ref_count_inc (&doc->ref_count);
  return doc;
}

void
jd_doc_unref (JdDoc *doc)
{
  if (doc == NULL || !g_ref_count_dec (&doc->ref_count))
    return;

  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->subject);
  g_free (doc->running_header);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

const JdPageGeometry *
jd_doc_get_geometry (JdDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return &doc->geometry;
}

static void
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
}

/* The title, author and subject go into the PDF's and the DOCX's
 * metadata; the title also heads the outline. */
void
jd_doc_set_title (JdDoc      *doc,
                  const char *title)
{
  g_return_if_fail (doc != NULL);

  set_string (&doc->title, title);
}

const char *
jd_doc_get_title (JdDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return doc->title;
}

void
jd_doc_set_author (JdDoc      *doc,
                   const char *author)
{
  g_return_if_fail (doc != NULL);

  set_string (&doc->author, author);
}

const char *
jd_doc_get_author (JdDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return doc->author;
}

void
jd_doc_set_subject (JdDoc      *doc,
                    const char *subject)
{
  g_return_if_fail (doc != NULL);

  set_string (&doc->subject, subject);
}

const char *
jd_doc_get_subject (JdDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return doc->subject;
}

/* Drawn at the top of every page but the first. */
void
jd_doc_set_running_header (JdDoc      *doc,
                           const char *text)
{
  g_return_if_fail (doc != NULL);

  set_string (&doc->running_header, text);
}

const char *
jd_doc_get_running_header (JdDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return doc->running_header;
}

/* @block: (transfer full) */
void
jd_doc_add_block (JdDoc   *doc,
                  JdBlock *block)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (block != NULL);

  g_ptr_array_add (doc->blocks, block);
}

guint
jd_doc_get_n_blocks (JdDoc *doc)
{
  g_return_val_if_fail (doc != NULL, 0);

  return doc->blocks->len;
}

JdBlock *
jd_doc_get_block (JdDoc *doc,
                  guint  index)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (index < doc->blocks->len, NULL);

  return doc->blocks->pdata[index];
}

/* Returns: the index of the first block with @key, or -1. */
int
jd_doc_find_block (JdDoc      *doc,
                   const char *key)
{
  g_return_val_if_fail (doc != NULL, -1);
  g_return_val_if_fail (key != NULL, -1);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const JdBlock *block = doc->blocks->pdata[i];

      if (g_strcmp0 (block->key, key) == 0)
        return (int)i;
    }

  return -1;
}

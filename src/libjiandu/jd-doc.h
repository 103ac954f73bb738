/* jd-doc.h — the page model: a document of blocks, laid out onto pages and
 * drawn by one painter (the PDF, the print dialog, the preview, the slides)
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jd-chart.h"
#include "jd-table-export.h"
#include "jd-types.h"

G_BEGIN_DECLS

/* The analysis report and the joint-meeting deck are the same thing: a
 * #JdDoc is a list of blocks (a heading, a paragraph, a row of KPIs, a
 * chart, a table…).  A #JdDocLayout measures the blocks for the
 * document's page geometry and breaks them into pages, once; one painter
 * then draws any page onto any cairo_t, and the DOCX writer walks the
 * same blocks.  Nothing is laid out twice by different code. */

typedef enum
{
  JD_PAGE_A4_PORTRAIT,   /* the analysis report: 210 × 297 mm, 公文 margins (GB/T 9704) */
  JD_PAGE_SLIDE_16_9,    /* the joint-meeting deck */
} JdPageFormat;

/* A page's size, margins and type, all in points (1/72 inch). */
typedef struct
{
  JdPageFormat format;
  double       width;
  double       height;
  double       margin_top;
  double       margin_right;
  double       margin_bottom;
  double       margin_left;
  double       body_size;          /* body text */
  double       line_spacing;       /* body text, baseline to baseline */
  double       min_text_size;      /* the legibility floor: nothing is drawn smaller */
  char         body_family[64];    /* "Noto Serif CJK SC" */
  char         heading_family[64]; /* "Noto Sans CJK SC" */
} JdPageGeometry;

void jd_page_geometry_init (JdPageGeometry *geometry,
                            JdPageFormat    format);

typedef enum
{
  JD_BLOCK_TITLE,       /* the document's title, centred, with an optional subtitle line */
  JD_BLOCK_HEADING,     /* level 1: "一、总体情况"; level 2: "（一）…" */
  JD_BLOCK_PARAGRAPH,   /* Pango markup: text with <b> and <i> only */
  JD_BLOCK_KPI_ROW,     /* KPI charts (JD_CHART_KPI) side by side */
  JD_BLOCK_CHART,       /* a chart of the chart kit, drawn as vectors */
  JD_BLOCK_TABLE,       /* breaks between rows only, the header row repeated on each page */
  JD_BLOCK_WARNINGS,    /* warnings (JdWarning): the rule, the agency, the finding */
  JD_BLOCK_FOOTNOTE,    /* small print: 附注, sources, definitions */
  JD_BLOCK_PAGE_BREAK,  /* what follows starts a new page (a new slide) */
  JD_BLOCK_NOTES,       /* the speaker's notes of the slide it ends; never drawn or written */
} JdBlockKind;

/* Where a paragraph's wording comes from. */
typedef enum
{
  JD_PARAGRAPH_DRAFTED = 0,       /* drafted from the figures */
  JD_PARAGRAPH_EDITED  = 1 << 0,  /* the analyst's wording */
  JD_PARAGRAPH_STALE   = 1 << 1,  /* edited, and the figures have changed since */
} JdParagraphState;

typedef struct _JdBlock JdBlock;
typedef struct _JdDoc   JdDoc;

JdBlock         *jd_block_title_new      (const char        *title,
                                          const char        *subtitle);
JdBlock         *jd_block_heading_new    (guint              level,
                                          const char        *text);
JdBlock         *jd_block_paragraph_new  (const char        *markup);
JdBlock         *jd_block_kpi_row_new    (JdChart * const   *kpis,
                                          guint              n_kpis);
JdBlock         *jd_block_chart_new      (JdChart           *chart,
                                          double             aspect);
JdBlock         *jd_block_table_new      (JdTable           *table);
JdBlock         *jd_block_warnings_new   (GPtrArray         *warnings);
JdBlock         *jd_block_footnote_new   (const char        *text);
JdBlock         *jd_block_page_break_new (void);
JdBlock         *jd_block_notes_new      (const char        *text);
void             jd_block_free           (JdBlock           *block);

JdBlockKind      jd_block_get_kind       (const JdBlock     *block);
const char      *jd_block_get_text       (const JdBlock     *block);
const char      *jd_block_get_subtitle   (const JdBlock     *block);
guint            jd_block_get_level      (const JdBlock     *block);
JdChart         *jd_block_get_chart      (const JdBlock     *block,
                                          guint              index);
guint            jd_block_get_n_charts   (const JdBlock     *block);
double           jd_block_get_aspect     (const JdBlock     *block);
JdTable         *jd_block_get_table      (const JdBlock     *block);
GPtrArray       *jd_block_get_warnings   (const JdBlock     *block);
void             jd_block_set_key        (JdBlock           *block,
                                          const char        *key);
const char      *jd_block_get_key        (const JdBlock     *block);
void             jd_block_set_state      (JdBlock           *block,
                                          JdParagraphState   state);
JdParagraphState jd_block_get_state      (const JdBlock     *block);
void             jd_block_set_draft      (JdBlock           *block,
                                          const char        *markup);
const char      *jd_block_get_draft      (const JdBlock     *block);

JdDoc           *jd_doc_new              (JdPageFormat       format);
JdDoc           *jd_doc_ref              (JdDoc             *doc);
void             jd_doc_unref            (JdDoc             *doc);
const JdPageGeometry *jd_doc_get_geometry (JdDoc            *doc);
void             jd_doc_set_title        (JdDoc             *doc,
                                          const char        *title);
const char      *jd_doc_get_title        (JdDoc             *doc);
void             jd_doc_set_author       (JdDoc             *doc,
                                          const char        *author);
const char      *jd_doc_get_author       (JdDoc             *doc);
void             jd_doc_set_subject      (JdDoc             *doc,
                                          const char        *subject);
const char      *jd_doc_get_subject      (JdDoc             *doc);
void             jd_doc_set_running_header (JdDoc           *doc,
                                            const char      *text);
const char      *jd_doc_get_running_header (JdDoc           *doc);
void             jd_doc_add_block        (JdDoc             *doc,
                                          JdBlock           *block);
guint            jd_doc_get_n_blocks     (JdDoc             *doc);
JdBlock         *jd_doc_get_block        (JdDoc             *doc,
                                          guint              index);
int              jd_doc_find_block       (JdDoc             *doc,
                                          const char        *key);

/* Layout: jd-doc-layout.c.  Measures every block with Pango for the
 * document's geometry (metrics unhinted, so that the layout is the same on
 * any surface) and breaks the blocks into pages: a table breaks between
 * rows and repeats its header row, a heading is never left alone at the
 * foot of a page, a chart or a KPI row is never split. */
typedef struct _JdDocLayout JdDocLayout;

JdDocLayout *jd_doc_layout_new            (JdDoc              *doc,
                                           GCancellable       *cancellable,
                                           GError            **error);
void         jd_doc_layout_free           (JdDocLayout        *layout);
JdDoc       *jd_doc_layout_get_doc        (JdDocLayout        *layout);
guint        jd_doc_layout_get_n_pages    (JdDocLayout        *layout);
/* The page where block @index starts, and how far down it (points). */
guint        jd_doc_layout_get_block_page (JdDocLayout        *layout,
                                           guint               index,
                                           double             *y);
/* The block under (@x, @y) of @page, in points; -1 for none. */
int          jd_doc_layout_block_at       (JdDocLayout        *layout,
                                           guint               page,
                                           double              x,
                                           double              y);
/* The one painter: draws @page from (0, 0) to the page's width and height
 * in user units of @cr, one unit a point.  @theme: %NULL for the light
 * theme, which paper always uses. */
void         jd_doc_layout_paint_page     (JdDocLayout        *layout,
                                           guint               page,
                                           cairo_t            *cr,
                                           const JdChartTheme *theme);

/* Writers: jd-doc-pdf.c and jd-docx.c. */
gboolean     jd_doc_write_pdf             (JdDoc              *doc,
                                           const char         *path,
                                           GCancellable       *cancellable,
                                           JdProgressFunc      progress,
                                           gpointer            user_data,
                                           GError            **error);
gboolean     jd_doc_write_docx            (JdDoc              *doc,
                                           const char         *path,
                                           GCancellable       *cancellable,
                                           JdProgressFunc      progress,
                                           gpointer            user_data,
                                           GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdBlock, jd_block_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdDoc, jd_doc_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdDocLayout, jd_doc_layout_free)

G_END_DECLS

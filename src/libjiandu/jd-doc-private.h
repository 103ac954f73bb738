/* jd-doc-private.h — the page model's structures, for its layout and writers
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "jd-doc.h"

G_BEGIN_DECLS

struct _JdBlock
{
  JdBlockKind       kind;
  char             *text;      /* title, heading, paragraph markup, footnote */
  char             *subtitle;  /* title */
  guint             level;     /* heading */
  GPtrArray        *charts;    /* (element-type JdChart): KPI row, chart */
  double            aspect;    /* chart: height / width */
  JdTable          *table;
  GPtrArray        *warnings;  /* (element-type JdWarning) */
  char             *key;
  char             *draft;     /* paragraph: the drafted wording, when the text is an edit */
  JdParagraphState  state;
};

struct _JdDoc
{
  gatomicrefcount  ref_count;
  JdPageGeometry   geometry;
  char            *title;
  char            *author;
  char            *subject;
  char            *running_header;
  GPtrArray       *blocks;     /* (element-type JdBlock) */
};

/* The layout (jd-doc-layout.c, jd-doc-table.c) and its painter
 * (jd-doc-paint.c).  A block is measured into a box: a list of units,
 * the pieces that cannot be split (a line of text, a table row, a chart),
 * each as high as it is drawn.  Paginating cuts the boxes into pieces, the
 * run of a box's units on one page. */

typedef enum
{
  JD_DOC_UNIT_LINE,     /* a line of one of the box's texts */
  JD_DOC_UNIT_HEAD,     /* a table's header row */
  JD_DOC_UNIT_ROW,      /* a table's row; the header is drawn above it at a page top */
  JD_DOC_UNIT_GRAPHIC,  /* a chart, or the KPI cards */
} JdDocUnitKind;

typedef struct
{
  JdDocUnitKind kind;
  guint         index;      /* line: the text; row: the table row */
  guint         line;       /* line: the line of the text's layout */
  double        height;
  double        x;          /* line: its left in the layout (alignment, indent) */
  double        ascent;     /* line: from its top to its baseline */
  gboolean      keep_next;  /* never the last unit on a page */
} JdDocUnit;

typedef struct
{
  PangoLayout *layout;
  double       x;           /* from the text block's left */
  double       size;        /* its font's size */
  gboolean     dim;         /* drawn in the theme's dim ink */
  gboolean     mark;        /* a warning: a coloured mark before its first line */
} JdDocText;

typedef struct
{
  guint         n_columns;
  guint         n_rows;     /* data rows; the header is row 0 of the cells */
  guint        *columns;    /* n_columns: which column of the source each is */
  double       *x;          /* n_columns: each column's left */
  double       *widths;     /* n_columns */
  PangoLayout **cells;      /* (n_rows + 1) × n_columns, the header first */
  double       *cell_widths;  /* as laid out */
  double       *cell_heights;
  double       *row_heights;/* n_rows + 1 */
  double        pad_x;
  double        pad_y;
} JdDocTable;

typedef struct
{
  JdBlock    *block;
  guint       index;        /* of the block in the document */
  double      space_before;
  double      space_after;
  GArray     *texts;        /* (element-type JdDocText) */
  GArray     *units;        /* (element-type JdDocUnit) */
  GPtrArray  *tables;       /* (element-type JdDocTable): a table's column groups */
  double      graphic_width;  /* a chart; a KPI card */
  double      graphic_height;
  guint       per_row;        /* KPI cards a row */
  double      gap;            /* between KPI cards */
} JdDocBox;

typedef struct
{
  guint  box;
  guint  page;
  double y;                 /* its top on the page */
  double height;
  guint  first_unit;
  guint  n_units;
} JdDocPiece;

struct _JdDocLayout
{
  JdDoc          *doc;
  JdPageGeometry  geometry;
  double          text_width;
  PangoContext   *context;
  GPtrArray      *boxes;        /* (element-type JdDocBox) one a block */
  GArray         *pieces;       /* (element-type JdDocPiece) in page order */
  guint           n_pages;
  guint          *block_page;   /* one a block */
  double         *block_y;
  PangoLayout    *running_header;
  double          min_font_size;
};

/* jd-doc-layout.c */
PangoFontDescription *_jd_doc_layout_font      (JdDocLayout  *self,
                                                const char   *family,
                                                double        size,
                                                PangoWeight   weight);
PangoLayout          *_jd_doc_layout_text      (JdDocLayout  *self,
                                                const PangoFontDescription *font,
                                                double        width,
                                                PangoAlignment alignment);
double                _jd_doc_layout_min_font_size (JdDocLayout *self);
double                _jd_doc_text_size        (PangoLayout  *layout,
                                                double       *height);

/* jd-doc-pages.c */
void                  _jd_doc_layout_paginate  (JdDocLayout  *self);
double                _jd_doc_layout_table_size (const JdPageGeometry *geometry);

/* jd-doc-table.c */
GPtrArray            *_jd_doc_table_measure    (JdDocLayout  *self,
                                                JdTable      *table,
                                                double        width);
double                _jd_doc_table_width      (JdDocTable   *table);
void                  _jd_doc_table_free       (JdDocTable   *table);
void                  _jd_doc_table_paint_row  (JdDocTable   *table,
                                                cairo_t      *cr,
                                                guint         row,
                                                double        x,
                                                double        y,
                                                const JdChartTheme *theme);

G_END_DECLS

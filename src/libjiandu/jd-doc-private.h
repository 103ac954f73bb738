/* jd-doc-private.h — the page model's structures, for its layout and writers
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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

G_END_DECLS

/* jd-doc-pages.c — the page model's measured blocks broken into pages
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pagination walks the units of every box in order.  A unit goes on the
 * current page if it fits there with every unit it keeps with (a
 * heading's lines and the next block's first unit, a paragraph's first
 * two lines, a table's title, header and first row); else a new page
 * begins.  A run of units too long for any page only asks for the unit
 * itself to fit. */

#define G_LOG_DOMAIN "jd-doc"

#include "config.h"

#include "jd-doc-private.h"

typedef struct
{
  JdDocLayout *self;
  double       top;
  double       bottom;
  guint        page;
  double       y;
  gboolean     empty;     /* nothing on the page yet */
  gboolean     breaking;  /* a page break waits for something to follow */
  JdDocPiece  *piece;     /* the open piece, or NULL */
} Pager;

static JdDocBox *
box_at (JdDocLayout *self,
        guint        index)
{
  return self->boxes->pdata[index];
}

static const JdDocUnit *
unit_at (JdDocBox *box,
         guint     index)
{
  return &g_array_index (box->units, JdDocUnit, index);
}

/* How high @unit is where it would go: a row at a piece's top brings the
 * header with it. */
static double
unit_height (JdDocBox        *box,
             const JdDocUnit *unit,
             gboolean         first_in_piece)
{
  if (unit->kind == JD_DOC_UNIT_ROW && first_in_piece)
    return unit->height + ((JdDocTable *) box->tables->pdata[unit->line])->row_heights[0];
  return unit->height;
}

static gboolean
piece_is_open (Pager *pager,
               guint  box)
{
  return pager->piece != NULL && pager->piece->box == box && pager->piece->page == pager->page;
}

/* The height that must fit below the page's current y for unit @u of box
 * @b to go there: the unit and every unit it keeps with. */
static double
chain_height (Pager *pager,
              guint  b,
              guint  u)
{
  JdDocLayout *self = pager->self;
  JdDocBox *box = box_at (self, b);
  const JdDocUnit *unit = unit_at (box, u);
  double height = unit_height (box, unit, !piece_is_open (pager, b));

  while (unit->keep_next)
    {
      if (u + 1 < box->units->len)
        {
          u++;
          unit = unit_at (box, u);
          height += unit->height;
          continue;
        }

      /* the next box with something in it, unless a page break comes first */
      do
        {
          JdDocBox *next;

          if (++b >= self->boxes->len)
            return height;
          next = box_at (self, b);
          if (next->block->kind == JD_BLOCK_PAGE_BREAK)
            return height;
          if (next->units->len > 0)
            {
              height += box->space_after + next->space_before;
              box = next;
              break;
            }
        }
      while (TRUE);

      u = 0;
      unit = unit_at (box, 0);
      height += unit_height (box, unit, TRUE);
    }

  return height;
}

static void
pager_new_page (Pager *pager)
{
  pager->page++;
  pager->y = pager->top;
  pager->empty = TRUE;
  pager->piece = NULL;
}

static void
pager_place (Pager *pager,
             guint  b,
             guint  u)
{
  JdDocLayout *self = pager->self;
  JdDocBox *box = box_at (self, b);
  const JdDocUnit *unit = unit_at (box, u);
  double gap = 0, need, height;

  if (u == 0 && !pager->empty)
    {
      guint prev = b;

      /* the space between this box and the last one on the page */
      while (prev > 0 && box_at (self, prev - 1)->units->len == 0)
        prev--;
      gap = box->space_before + (prev > 0 ? box_at (self, prev - 1)->space_after : 0);
    }

  if (pager->breaking && !pager->empty)
    {
      pager_new_page (pager);
      gap = 0;
    }
  pager->breaking = FALSE;

  need = chain_height (pager, b, u);
  if (need > pager->bottom - pager->top)
    need = unit_height (box, unit, !piece_is_open (pager, b));

  if (!pager->empty && pager->y + gap + need > pager->bottom + 1e-6)
    {
      pager_new_page (pager);
      gap = 0;
    }

  if (!piece_is_open (pager, b))
    {
      JdDocPiece piece = { b, pager->page, pager->y + gap, 0, u, 0 };

      g_array_append_val (self->pieces, piece);
      pager->piece = &g_array_index (self->pieces, JdDocPiece, self->pieces->len - 1);
      pager->y += gap;
    }

  if (u == 0)
    {
      self->block_page[b] = pager->page;
      self->block_y[b] = pager->y;
    }

  height = unit_height (box, unit, pager->piece->n_units == 0);
  pager->piece->n_units++;
  pager->piece->height += height;
  pager->y += height;
  pager->empty = FALSE;
}

void
_jd_doc_layout_paginate (JdDocLayout *self)
{
  const JdPageGeometry *g = &self->geometry;
  Pager pager = { self, g->margin_top, g->height - g->margin_bottom, 0, g->margin_top, TRUE, FALSE, NULL };

  for (guint b = 0; b < self->boxes->len; b++)
    {
      JdDocBox *box = box_at (self, b);

      /* a break at the very end leaves no blank page */
      if (box->block->kind == JD_BLOCK_PAGE_BREAK)
        pager.breaking = TRUE;

      self->block_page[b] = pager.page;
      self->block_y[b] = pager.y;
      for (guint u = 0; u < box->units->len; u++)
        pager_place (&pager, b, u);
    }

  self->n_pages = pager.page + 1;
}

/* jd-deck.h — the joint meeting's deck: which slides, in what order
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jd-doc.h"
#include "jd-metrics.h"

G_BEGIN_DECLS

/* What a slide shows.  Each kind but the text slide is drawn from the
 * figures of the deck's period and filter when the deck is built. */
typedef enum
{
  JD_SLIDE_TITLE,        /* the meeting, its date, the bureau */
  JD_SLIDE_OVERVIEW,     /* the six headline figures with 同比 and 环比 */
  JD_SLIDE_CASES,        /* enforcement cases: figures and the trend */
  JD_SLIDE_COMPLAINTS,   /* complaints: figures and channels */
  JD_SLIDE_LAWSUITS,     /* the loss rate against its control line; reconsiderations */
  JD_SLIDE_LENIENCY,     /* the leniency lists */
  JD_SLIDE_REVIEWS,      /* case-file reviews */
  JD_SLIDE_RANKING,      /* 红黑榜: top and bottom agencies, minimum-denominator rule */
  JD_SLIDE_WARNINGS,     /* the warnings that need 督办 */
  JD_SLIDE_AGENCY,       /* one agency's profile */
  JD_SLIDE_TEXT,         /* the analyst's own: the agenda, the conclusions */
  JD_N_SLIDE_KINDS
} JdSlideKind;

typedef struct
{
  JdSlideKind  kind;
  gboolean     hidden;   /* kept in the deck, neither shown nor exported */
  char        *agency;   /* JD_SLIDE_AGENCY: the agency's code */
  char        *title;    /* JD_SLIDE_TEXT */
  char        *body;     /* JD_SLIDE_TEXT: plain text, one paragraph a line */
} JdSlide;

typedef struct _JdDeck JdDeck;

const char  *jd_slide_kind_to_string   (JdSlideKind       kind);
gboolean     jd_slide_kind_from_string (const char       *text,
                                        JdSlideKind      *kind);
const char  *jd_slide_kind_label       (JdSlideKind       kind);

JdDeck      *jd_deck_new_default       (const JdPeriod   *period);
JdDeck      *jd_deck_copy              (const JdDeck     *deck);
void         jd_deck_free              (JdDeck           *deck);
gboolean     jd_deck_is_default        (const JdDeck     *deck);
guint        jd_deck_get_n_slides      (const JdDeck     *deck);
const JdSlide *jd_deck_get_slide       (const JdDeck     *deck,
                                        guint             index);
void         jd_deck_move              (JdDeck           *deck,
                                        guint             from,
                                        guint             to);
void         jd_deck_set_hidden        (JdDeck           *deck,
                                        guint             index,
                                        gboolean          hidden);
void         jd_deck_insert_text       (JdDeck           *deck,
                                        guint             index,
                                        const char       *title,
                                        const char       *body);
void         jd_deck_set_text          (JdDeck           *deck,
                                        guint             index,
                                        const char       *title,
                                        const char       *body);
void         jd_deck_insert_agency     (JdDeck           *deck,
                                        guint             index,
                                        const char       *agency);
gboolean     jd_deck_remove            (JdDeck           *deck,
                                        guint             index);

/* Kept in the database, one deck a period (jd-schema-8.sql). */
JdDeck      *jd_deck_load              (JdStore          *store,
                                        const JdPeriod   *period,
                                        GError          **error);
gboolean     jd_deck_save              (JdStore          *store,
                                        const JdPeriod   *period,
                                        const JdDeck     *deck,
                                        GError          **error);
gboolean     jd_deck_forget            (JdStore          *store,
                                        const JdPeriod   *period,
                                        GError          **error);

/* The deck as 16:9 pages, one a shown slide (jd-deck-slides.c). */
JdDoc       *jd_deck_build             (JdStore          *store,
                                        const JdPeriod   *period,
                                        const JdFilter   *filter,
                                        const JdDeck     *deck,
                                        GCancellable     *cancellable,
                                        JdProgressFunc    progress,
                                        gpointer          user_data,
                                        GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdDeck, jd_deck_free)

G_END_DECLS

/* jd-slides-view.h — the joint meeting's deck in the window: shape it, preview it, present it
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jd-deck.h"
#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_SLIDES_VIEW (jd_slides_view_get_type ())

G_DECLARE_FINAL_TYPE (JdSlidesView, jd_slides_view, JD, SLIDES_VIEW, GtkWidget)

GtkWidget    *jd_slides_view_new             (JdSession    *session);
JdSession    *jd_slides_view_get_session     (JdSlidesView *self);
void          jd_slides_view_set_session     (JdSlidesView *self,
                                              JdSession    *session);
gboolean      jd_slides_view_get_busy        (JdSlidesView *self);
const JdDeck *jd_slides_view_get_deck        (JdSlidesView *self);
JdDoc        *jd_slides_view_get_doc         (JdSlidesView *self);
guint         jd_slides_view_get_n_pages     (JdSlidesView *self);
GtkListBox   *jd_slides_view_get_list        (JdSlidesView *self);
void          jd_slides_view_reload          (JdSlidesView *self);
gboolean      jd_slides_view_get_period      (JdSlidesView *self,
                                              JdPeriod     *period);
void          jd_slides_view_set_shown       (JdSlidesView *self,
                                              guint         index,
                                              gboolean      shown);
void          jd_slides_view_move            (JdSlidesView *self,
                                              guint         index,
                                              int           direction);
void          jd_slides_view_set_text        (JdSlidesView *self,
                                              guint         index,
                                              const char   *title,
                                              const char   *body);
void          jd_slides_view_remove          (JdSlidesView *self,
                                              guint         index);
void          jd_slides_view_undo            (JdSlidesView *self);
void          jd_slides_view_add_text_slide  (JdSlidesView *self,
                                              const char   *title,
                                              const char   *body);
void          jd_slides_view_add_agency_slide (JdSlidesView *self,
                                              const char   *code);
void          jd_slides_view_reset           (JdSlidesView *self);
void          jd_slides_view_export_to       (JdSlidesView *self,
                                              GFile        *file);

G_END_DECLS

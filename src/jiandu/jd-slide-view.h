/* jd-slide-view.h — one page of a laid-out deck, scaled to fit, letterboxed in black
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jd-doc.h"

G_BEGIN_DECLS

#define JD_TYPE_SLIDE_VIEW (jd_slide_view_get_type ())

G_DECLARE_FINAL_TYPE (JdSlideView, jd_slide_view, JD, SLIDE_VIEW, GtkWidget)

GtkWidget   *jd_slide_view_new        (void);
void         jd_slide_view_set_layout (JdSlideView *self,
                                       JdDocLayout *layout);
void         jd_slide_view_set_page   (JdSlideView *self,
                                       int          page);
int          jd_slide_view_get_page   (JdSlideView *self);
void         jd_slide_view_set_blank  (JdSlideView *self,
                                       gboolean     blank);
gboolean     jd_slide_view_get_blank  (JdSlideView *self);
void         jd_slide_view_set_letterbox (JdSlideView *self,
                                          gboolean     letterbox);
void         jd_slide_view_get_slide_rect (JdSlideView     *self,
                                           graphene_rect_t *rect);

G_END_DECLS

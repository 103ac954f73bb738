/* jd-presentation-window.h — a deck full screen, driven by the keyboard
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jd-deck-player.h"
#include "jd-doc.h"
#include "jd-session.h"
#include "jd-slide-view.h"

G_BEGIN_DECLS

#define JD_TYPE_PRESENTATION_WINDOW (jd_presentation_window_get_type ())

G_DECLARE_FINAL_TYPE (JdPresentationWindow, jd_presentation_window, JD, PRESENTATION_WINDOW, GtkWindow)

JdPresentationWindow *jd_presentation_window_new            (GtkWindow            *parent,
                                                             JdDoc                *deck,
                                                             int                   monitor,
                                                             GError              **error);
JdDeckPlayer         *jd_presentation_window_get_player     (JdPresentationWindow *self);
JdSlideView          *jd_presentation_window_get_view       (JdPresentationWindow *self);
JdDocLayout          *jd_presentation_window_get_layout     (JdPresentationWindow *self);
const char           *jd_presentation_window_get_notes      (JdPresentationWindow *self,
                                                             guint                 slide);
GtkWindow            *jd_presentation_window_show_presenter (JdPresentationWindow *self,
                                                             int                   monitor);
GtkWindow            *jd_presentation_window_get_presenter  (JdPresentationWindow *self);
void                  jd_presentation_window_fullscreen     (GtkWindow           *window,
                                                             int                  index);
int                   jd_presentation_window_monitor_of     (GtkWindow           *window);
void                  jd_presentation_window_present_session (GtkWindow           *parent,
                                                              JdSession           *session);

G_END_DECLS

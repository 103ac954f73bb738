/* jd-presenter-window.h — the speaker's screen: this slide, the next, notes, time
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jd-presentation-window.h"

G_BEGIN_DECLS

#define JD_TYPE_PRESENTER_WINDOW (jd_presenter_window_get_type ())

G_DECLARE_FINAL_TYPE (JdPresenterWindow, jd_presenter_window, JD, PRESENTER_WINDOW, AdwWindow)

JdPresenterWindow *jd_presenter_window_new      (JdPresentationWindow *presentation);
JdSlideView       *jd_presenter_window_get_next (JdPresenterWindow    *self);
const char        *jd_presenter_window_get_notes (JdPresenterWindow   *self);
const char        *jd_presenter_window_get_elapsed (JdPresenterWindow *self);
void               jd_presenter_window_update   (JdPresenterWindow    *self);

G_END_DECLS

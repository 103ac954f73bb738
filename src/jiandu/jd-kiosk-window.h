/* jd-kiosk-window.h — the wall display: dashboard pages full screen, one after another
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jd-deck-player.h"
#include "jd-page.h"
#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_KIOSK_WINDOW (jd_kiosk_window_get_type ())

G_DECLARE_FINAL_TYPE (JdKioskWindow, jd_kiosk_window, JD, KIOSK_WINDOW, AdwWindow)

JdKioskWindow *jd_kiosk_window_new        (GtkWindow     *parent,
                                           JdSession     *session);
JdDeckPlayer  *jd_kiosk_window_get_player (JdKioskWindow *self);
JdPage        *jd_kiosk_window_get_page   (JdKioskWindow *self);
guint          jd_kiosk_window_get_n_pages (JdKioskWindow *self);
void           jd_kiosk_window_tick       (JdKioskWindow *self);

G_END_DECLS

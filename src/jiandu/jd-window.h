/* jd-window.h — the main window: one database, its overview dashboard
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jd-page.h"
#include "jd-period.h"
#include "jd-session.h"
#include "jd-store.h"

G_BEGIN_DECLS

#define JD_TYPE_WINDOW (jd_window_get_type ())

G_DECLARE_FINAL_TYPE (JdWindow, jd_window, JD, WINDOW, AdwApplicationWindow)

GType     jd_window_get_page_type (const char  *name);
void      jd_window_open_last   (JdWindow       *self);
void      jd_window_open_file   (JdWindow       *self,
                                 GFile          *file);
void      jd_window_open_path   (JdWindow       *self,
                                 const char     *path,
                                 gboolean        fill_if_empty);
void      jd_window_open_location (JdWindow     *self,
                                 const char     *location);
JdStore  *jd_window_get_store   (JdWindow       *self);
gboolean  jd_window_get_loading (JdWindow       *self);
gboolean  jd_window_get_period  (JdWindow       *self,
                                 JdPeriod       *period);
void      jd_window_set_period  (JdWindow       *self,
                                 const JdPeriod *period);
JdSession *jd_window_get_session (JdWindow      *self);
JdPage   *jd_window_get_page    (JdWindow       *self,
                                 const char     *name);
void      jd_window_show_page   (JdWindow       *self,
                                 const char     *name);

G_END_DECLS

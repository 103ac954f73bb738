/* jd-window-private.h — what the window's files share
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-window.h"

G_BEGIN_DECLS

void _jd_window_show_toast             (JdWindow       *self,
                                        const char     *message);

/* jd-window-files.c */
void _jd_window_class_add_file_actions (GtkWidgetClass *widget_class);
void _jd_window_add_drop_target        (JdWindow       *self);

G_END_DECLS

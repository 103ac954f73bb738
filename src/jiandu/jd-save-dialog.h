/* jd-save-dialog.h — asks where to save an export, then saves it there
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*JdSaveFunc) (GtkWidget  *widget,
                                GFile      *file,
                                GError    **error);

void jd_save_dialog_run (GtkWidget  *widget,
                         const char *title,
                         const char *suggested_name,
                         const char *failure_heading,
                         JdSaveFunc  save);

G_END_DECLS

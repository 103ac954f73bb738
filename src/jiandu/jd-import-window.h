/* jd-import-window.h — importing files, and the import history
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jd-store.h"

G_BEGIN_DECLS

#define JD_TYPE_IMPORT_WINDOW (jd_import_window_get_type ())

G_DECLARE_FINAL_TYPE (JdImportWindow, jd_import_window, JD, IMPORT_WINDOW, AdwWindow)

JdImportWindow *jd_import_window_new       (GtkWindow      *parent,
                                            JdStore        *store);
void            jd_import_window_open_file (JdImportWindow *self,
                                            GFile          *file);
gboolean        jd_import_window_get_busy  (JdImportWindow *self);
gboolean        jd_import_window_save_rejected (JdImportWindow  *self,
                                                GFile           *file,
                                                GError         **error);

G_END_DECLS

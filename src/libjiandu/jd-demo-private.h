/* jd-demo-private.h — what jd-demo.c hands to jd-demo-server.c
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-demo.h"

G_BEGIN_DECLS

/* jd_demo_generate() on a store on a server: generated into a file of its
 * own, then copied (jd-demo-server.c). */
gboolean _jd_demo_generate_on_server (JdStore         *store,
                                      guint64          seed,
                                      gint64           n_cases,
                                      JdProgressFunc   progress,
                                      gpointer         user_data,
                                      GCancellable    *cancellable,
                                      GError         **error);

G_END_DECLS

/* jd-store-copy.h — moving a database to a server, or a server's to a file
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jd-store.h"
#include "jd-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 n_new;         /* records the destination did not have */
  guint64 n_updated;     /* records it had with other values */
  guint64 n_unchanged;   /* records it had as they are */
} JdStoreCopyResult;

gboolean jd_store_copy (JdStore            *from,
                        JdStore            *to,
                        JdStoreCopyResult  *result,
                        JdProgressFunc      progress,
                        gpointer            user_data,
                        GCancellable       *cancellable,
                        GError            **error);

G_END_DECLS

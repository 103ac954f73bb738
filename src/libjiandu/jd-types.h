/* jd-types.h — forward declarations shared by libjiandu
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _JdStore   JdStore;
typedef struct _JdPeriod  JdPeriod;
typedef struct _JdFilter  JdFilter;
typedef struct _JdMetrics JdMetrics;

/* Reports how far long work has come, 0.0 to 1.0; may be called from a
 * worker thread.  JD_PROGRESS_WAITING instead says that the work waits
 * for another program (another import) to finish writing the database. */
#define JD_PROGRESS_WAITING (-1.0)

typedef void (*JdProgressFunc) (double   fraction,
                                gpointer user_data);

G_END_DECLS

/* jd-demo.h — a deterministic, realistic demo city
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jd-store.h"

G_BEGIN_DECLS

#define JD_DEMO_DEFAULT_SEED   2024
#define JD_DEMO_DEFAULT_CASES  200000
#define JD_DEMO_MAX_CASES      10000000

/* The demo city's data runs over these months (YYYYMM), whatever today is,
 * so that the same seed always gives the same database. */
#define JD_DEMO_FIRST_MONTH    202101
#define JD_DEMO_LAST_MONTH     202610

gboolean jd_demo_generate (JdStore        *store,
                           guint64         seed,
                           gint64          n_cases,
                           JdProgressFunc  progress,
                           gpointer        user_data,
                           GCancellable   *cancellable,
                           GError        **error);

G_END_DECLS

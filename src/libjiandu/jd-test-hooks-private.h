/* jd-test-hooks-private.h — faults the crash tests inject into the store
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void _jd_test_hooks_init (void);
void _jd_test_point      (const char *name);

G_END_DECLS

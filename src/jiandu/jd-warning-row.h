/* jd-warning-row.h — a row of a list of warnings (预警): the rule and what crossed it
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jd-warnings.h"

G_BEGIN_DECLS

GtkWidget *jd_warning_row_new      (const JdWarning *warning);
GtkWidget *jd_warning_row_new_none (void);

G_END_DECLS

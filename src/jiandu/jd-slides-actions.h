/* jd-slides-actions.h — the slides view's actions: what its rows, buttons and keys ask
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void jd_slides_actions_install (GtkWidgetClass *widget_class);

G_END_DECLS

/* jd-filter-bar.h — the filter every page shows: level, region, agency, domain
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_FILTER_BAR (jd_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (JdFilterBar, jd_filter_bar, JD, FILTER_BAR, GtkWidget)

JdSession *jd_filter_bar_get_session  (JdFilterBar *self);
void       jd_filter_bar_set_session  (JdFilterBar *self,
                                       JdSession   *session);
char      *jd_filter_bar_describe     (JdFilterBar *self);
void       jd_filter_bar_popup        (JdFilterBar *self);
guint      jd_filter_bar_get_n_chips  (JdFilterBar *self);
gboolean   jd_filter_bar_get_loading  (JdFilterBar *self);

G_END_DECLS

/* jd-slide-row.h — one slide of the meeting's deck in the slides view's list
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jd-deck.h"

G_BEGIN_DECLS

#define JD_TYPE_SLIDE_ROW (jd_slide_row_get_type ())

G_DECLARE_FINAL_TYPE (JdSlideRow, jd_slide_row, JD, SLIDE_ROW, AdwActionRow)

GtkWidget *jd_slide_row_new       (guint          index,
                                   guint          n_slides,
                                   const JdSlide *slide,
                                   const char    *title);
guint      jd_slide_row_get_index (JdSlideRow    *self);

G_END_DECLS

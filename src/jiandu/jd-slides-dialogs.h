/* jd-slides-dialogs.h — what the slides view asks: a text slide's words, an agency, a reset
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*JdSlidesTextFunc)    (GtkWidget  *widget,
                                     int         index,
                                     const char *title,
                                     const char *body);
typedef void (*JdSlidesAgencyFunc)  (GtkWidget  *widget,
                                     const char *code);
typedef void (*JdSlidesConfirmFunc) (GtkWidget  *widget);

GtkWindow *jd_slides_edit_text     (GtkWidget           *widget,
                                    int                  index,
                                    const char          *title,
                                    const char          *body,
                                    JdSlidesTextFunc     done);
GtkWindow *jd_slides_choose_agency (GtkWidget           *widget,
                                    GPtrArray           *agencies,
                                    JdSlidesAgencyFunc   done);
GtkWindow *jd_slides_confirm_reset (GtkWidget           *widget,
                                    const char          *period,
                                    JdSlidesConfirmFunc  done);

G_END_DECLS

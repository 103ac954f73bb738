/* jd-headline.h — a page's row of headline figures
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jd-metrics.h"

G_BEGIN_DECLS

#define JD_TYPE_HEADLINE (jd_headline_get_type ())

G_DECLARE_FINAL_TYPE (JdHeadline, jd_headline, JD, HEADLINE, GtkWidget)

GtkWidget  *jd_headline_new        (void);
void        jd_headline_set        (JdHeadline  *self,
                                    const char  *key,
                                    const char  *caption,
                                    const char  *value,
                                    const char  *note);
void        jd_headline_set_count  (JdHeadline  *self,
                                    const char  *key,
                                    const char  *caption,
                                    gint64       count);
void        jd_headline_set_rate   (JdHeadline  *self,
                                    const char  *key,
                                    const char  *caption,
                                    JdRatio      ratio);
const char *jd_headline_get_value  (JdHeadline  *self,
                                    const char  *key);

G_END_DECLS

/* jd-reviews-page.h — 案卷评查: the reviews of case files
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-page.h"

G_BEGIN_DECLS

#define JD_TYPE_REVIEWS_PAGE (jd_reviews_page_get_type ())

G_DECLARE_FINAL_TYPE (JdReviewsPage, jd_reviews_page, JD, REVIEWS_PAGE, JdPage)

const char *jd_reviews_page_get_figure  (JdReviewsPage *self,
                                         const char    *key);
JdChart    *jd_reviews_page_get_chart   (JdReviewsPage *self,
                                         const char    *name);
JdRanking  *jd_reviews_page_get_ranking (JdReviewsPage *self);

G_END_DECLS

/* jd-agencies-page.h — 单位排名: every agency's figures, the 红黑榜 and the heat table
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-page.h"

G_BEGIN_DECLS

#define JD_TYPE_AGENCIES_PAGE (jd_agencies_page_get_type ())

G_DECLARE_FINAL_TYPE (JdAgenciesPage, jd_agencies_page, JD, AGENCIES_PAGE, JdPage)

void       jd_agencies_page_set_measure (JdAgenciesPage *self,
                                         JdMeasure       measure);
GPtrArray *jd_agencies_page_get_slices  (JdAgenciesPage *self);
JdRanking *jd_agencies_page_get_ranking (JdAgenciesPage *self);

G_END_DECLS

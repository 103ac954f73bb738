/* jd-agency-page.h — 一单位一档: one agency's figures, trends, ranks and warnings
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-cockpit-agency.h"
#include "jd-kpi-card.h"
#include "jd-page.h"

G_BEGIN_DECLS

#define JD_TYPE_AGENCY_PAGE (jd_agency_page_get_type ())

G_DECLARE_FINAL_TYPE (JdAgencyPage, jd_agency_page, JD, AGENCY_PAGE, JdPage)

const char         *jd_agency_page_get_agency      (JdAgencyPage *self);
void                jd_agency_page_set_agency      (JdAgencyPage *self,
                                                    const char   *code);
const char         *jd_agency_page_get_agency_name (JdAgencyPage *self);
JdKpiCard          *jd_agency_page_get_card        (JdAgencyPage *self,
                                                    JdKpi         kpi);
JdChart            *jd_agency_page_get_chart       (JdAgencyPage *self,
                                                    const char   *name);
const JdAgencyRank *jd_agency_page_get_rank        (JdAgencyPage *self,
                                                    JdMeasure     measure,
                                                    const char  **shown);
GPtrArray          *jd_agency_page_get_warnings    (JdAgencyPage *self);

G_END_DECLS

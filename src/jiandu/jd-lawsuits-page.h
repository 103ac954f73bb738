/* jd-lawsuits-page.h — 诉讼与复议: administrative lawsuits and reconsiderations
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-page.h"

G_BEGIN_DECLS

#define JD_TYPE_LAWSUITS_PAGE (jd_lawsuits_page_get_type ())

G_DECLARE_FINAL_TYPE (JdLawsuitsPage, jd_lawsuits_page, JD, LAWSUITS_PAGE, JdPage)

const char *jd_lawsuits_page_get_figure (JdLawsuitsPage *self,
                                         const char     *key);
JdChart    *jd_lawsuits_page_get_chart  (JdLawsuitsPage *self,
                                         const char     *name);

G_END_DECLS

/* jd-leniency-page.h — 免罚清单: the leniency list and the cases it spared
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-page.h"

G_BEGIN_DECLS

#define JD_TYPE_LENIENCY_PAGE (jd_leniency_page_get_type ())

G_DECLARE_FINAL_TYPE (JdLeniencyPage, jd_leniency_page, JD, LENIENCY_PAGE, JdPage)

const char *jd_leniency_page_get_figure (JdLeniencyPage *self,
                                         const char     *key);
JdChart    *jd_leniency_page_get_chart  (JdLeniencyPage *self,
                                         const char     *name);

G_END_DECLS

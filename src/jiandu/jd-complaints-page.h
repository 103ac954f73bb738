/* jd-complaints-page.h — 投诉举报: the complaints of the period
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-page.h"

G_BEGIN_DECLS

#define JD_TYPE_COMPLAINTS_PAGE (jd_complaints_page_get_type ())

G_DECLARE_FINAL_TYPE (JdComplaintsPage, jd_complaints_page, JD, COMPLAINTS_PAGE, JdPage)

const JdMetrics *jd_complaints_page_get_metrics (JdComplaintsPage *self);
GPtrArray       *jd_complaints_page_get_overdue (JdComplaintsPage *self);

G_END_DECLS

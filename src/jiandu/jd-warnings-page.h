/* jd-warnings-page.h — 预警: every warning of the period, by rule
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-page.h"

G_BEGIN_DECLS

#define JD_TYPE_WARNINGS_PAGE (jd_warnings_page_get_type ())

G_DECLARE_FINAL_TYPE (JdWarningsPage, jd_warnings_page, JD, WARNINGS_PAGE, JdPage)

guint jd_warnings_page_get_n_warnings (JdWarningsPage *self);

G_END_DECLS

/* jd-application.h
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JD_TYPE_APPLICATION (jd_application_get_type ())

G_DECLARE_FINAL_TYPE (JdApplication, jd_application, JD, APPLICATION, AdwApplication)

JdApplication *jd_application_new            (void);
char          *jd_application_get_demo_path  (void);

G_END_DECLS

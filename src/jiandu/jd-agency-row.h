/* jd-agency-row.h — a row naming an agency and a figure, opening its profile
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jd-page.h"

G_BEGIN_DECLS

GtkWidget  *jd_agency_row_new      (JdPage              *page,
                                    const char          *name,
                                    const char          *code,
                                    const char          *value);
const char *jd_agency_row_get_code (GtkWidget           *row);
void        jd_agency_rows_clear   (AdwPreferencesGroup *group,
                                    GList              **rows);

G_END_DECLS

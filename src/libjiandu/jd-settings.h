/* jd-settings.h — the settings that change what a figure means, kept in the database
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *key;
  const char *fallback;     /* the default */
  const char *choices;      /* (nullable) "a|b" for a choice, NULL for a number */
  double      minimum;      /* for numbers */
  double      maximum;
  const char *description;  /* translatable (N_) */
  gboolean    text;         /* free text (a name); its fallback is translatable (N_) */
} JdSettingInfo;

const JdSettingInfo *jd_settings_list      (guint        *n_settings);
char                *jd_settings_get       (JdStore      *store,
                                            const char   *key);
double               jd_settings_get_double (JdStore     *store,
                                            const char   *key);
gboolean             jd_settings_set       (JdStore      *store,
                                            const char   *key,
                                            const char   *value,
                                            GError      **error);

G_END_DECLS

/* jd-enums.h — the enumerated values of the data model
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JD_ENUM_LEVEL,
  JD_ENUM_CASE_KIND,
  JD_ENUM_LENIENCY,
  JD_ENUM_LENIENCY_ITEM_KIND,
  JD_ENUM_CHANNEL,
  JD_ENUM_SATISFACTION,
  JD_ENUM_INSTANCE,
  JD_ENUM_LAWSUIT_OUTCOME,
  JD_ENUM_RECONSIDERATION_OUTCOME,
  JD_ENUM_GRADE,
  JD_N_ENUMS
} JdEnum;

typedef struct
{
  const char *code;    /* stored in the database and used in JSON */
  const char *zh;      /* the Chinese name, as agencies' exports write it */
  const char *label;   /* English display label, translatable (N_) */
  const char *alias;   /* (nullable): one more accepted spelling, e.g. 市 */
} JdEnumValue;

const JdEnumValue *jd_enum_values   (JdEnum      which,
                                     guint      *n_values);
const char        *jd_enum_lookup   (JdEnum      which,
                                     const char *text);
const char        *jd_enum_label    (JdEnum      which,
                                     const char *code);

/* Outcome sets of the metric definitions, NULL-terminated. The
 * metrics SQL is built from these, so the definition lives in one place. */
extern const char * const jd_lawsuit_lost_outcomes[];          /* 败诉 */
extern const char * const jd_lawsuit_non_judgment_outcomes[];  /* 撤诉, 驳回起诉, 调解 */
extern const char * const jd_reconsideration_corrected_outcomes[];  /* 纠错 */
extern const char * const jd_reconsideration_non_merits_outcomes[]; /* 调解, 撤回, 终止 */

gboolean  jd_outcome_in       (const char         *outcome,
                               const char * const *set);
char     *jd_outcome_sql_list (const char * const *set);

G_END_DECLS

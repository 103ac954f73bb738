/* jd-enums.c — the enumerated values of the data model
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-enums"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-enums.h"

static const JdEnumValue levels[] = {
  { "city", "市级", N_("City"), "市" },
  { "county", "县级", N_("County"), "县" },
  { "township", "乡镇", N_("Township"), "乡" },
};

static const JdEnumValue case_kinds[] = {
  { "penalty", "行政处罚", N_("Penalty") },
  { "coercion", "行政强制", N_("Coercion") },
  { "inspection", "行政检查", N_("Inspection") },
  { "license", "行政许可", N_("Licence") },
  { "levy", "行政征收", N_("Levy") },
  { "other", "其他", N_("Other") },
};

static const JdEnumValue leniencies[] = {
  { "none", "无", N_("None") },
  { "no_penalty", "不予处罚", N_("No penalty") },
  { "first_offense", "首违不罚", N_("First offence not punished") },
  { "lighter", "从轻处罚", N_("Lighter penalty") },
  { "mitigated", "减轻处罚", N_("Mitigated penalty") },
};

static const JdEnumValue leniency_item_kinds[] = {
  { "no_penalty", "不予处罚", N_("No penalty") },
  { "first_offense", "首违不罚", N_("First offence not punished") },
  { "lighter", "从轻处罚", N_("Lighter penalty") },
  { "mitigated", "减轻处罚", N_("Mitigated penalty") },
  { "no_coercion", "免予强制", N_("No coercive measure") },
};

static const JdEnumValue channels[] = {
  { "hotline_12345", "12345热线", N_("12345 hotline"), "12345" },
  { "letter", "来信", N_("Letter") },
  { "visit", "来访", N_("Visit") },
  { "web", "网站", N_("Website") },
  { "phone", "电话", N_("Telephone") },
  { "app", "APP", N_("Mobile app") },
  { "other", "其他", N_("Other") },
};

static const JdEnumValue satisfactions[] = {
  { "satisfied", "满意", N_("Satisfied") },
  { "basic", "基本满意", N_("Basically satisfied") },
  { "unsatisfied", "不满意", N_("Unsatisfied") },
};

static const JdEnumValue instances[] = {
  { "first", "一审", N_("First instance") },
  { "second", "二审", N_("Second instance") },
  { "retrial", "再审", N_("Retrial") },
};

static const JdEnumValue lawsuit_outcomes[] = {
  { "pending", "未审结", N_("Pending") },
  { "rejected_claim", "驳回诉讼请求", N_("Claim rejected") },
  { "revoked", "撤销", N_("Revoked") },
  { "modified", "变更", N_("Modified") },
  { "illegal", "确认违法", N_("Declared unlawful") },
  { "void", "确认无效", N_("Declared void") },
  { "ordered", "责令履行", N_("Ordered to perform") },
  { "compensation", "赔偿", N_("Compensation") },
  { "withdrawn", "撤诉", N_("Withdrawn") },
  { "dismissed", "驳回起诉", N_("Suit dismissed") },
  { "mediated", "调解", N_("Mediated") },
  { "other", "其他", N_("Other") },
};

static const JdEnumValue reconsideration_outcomes[] = {
  { "pending", "未办结", N_("Pending") },
  { "upheld", "维持", N_("Upheld") },
  { "rejected", "驳回", N_("Rejected") },
  { "revoked", "撤销", N_("Revoked") },
  { "modified", "变更", N_("Modified") },
  { "illegal", "确认违法", N_("Declared unlawful") },
  { "void", "确认无效", N_("Declared void") },
  { "ordered", "责令履行", N_("Ordered to perform") },
  { "mediated", "调解", N_("Mediated") },
  { "withdrawn", "撤回", N_("Withdrawn") },
  { "terminated", "终止", N_("Terminated") },
};

static const JdEnumValue grades[] = {
  { "excellent", "优秀", N_("Excellent") },
  { "good", "良好", N_("Good") },
  { "pass", "合格", N_("Pass") },
  { "fail", "不合格", N_("Fail") },
};

static const struct {
  const JdEnumValue *values;
  guint n_values;
} tables[JD_N_ENUMS] = {
  [JD_ENUM_LEVEL] = { levels, G_N_ELEMENTS (levels) },
  [JD_ENUM_CASE_KIND] = { case_kinds, G_N_ELEMENTS (case_kinds) },
  [JD_ENUM_LENIENCY] = { leniencies, G_N_ELEMENTS (leniencies) },
  [JD_ENUM_LENIENCY_ITEM_KIND] = { leniency_item_kinds, G_N_ELEMENTS (leniency_item_kinds) },
  [JD_ENUM_CHANNEL] = { channels, G_N_ELEMENTS (channels) },
  [JD_ENUM_SATISFACTION] = { satisfactions, G_N_ELEMENTS (satisfactions) },
  [JD_ENUM_INSTANCE] = { instances, G_N_ELEMENTS (instances) },
  [JD_ENUM_LAWSUIT_OUTCOME] = { lawsuit_outcomes, G_N_ELEMENTS (lawsuit_outcomes) },
  [JD_ENUM_RECONSIDERATION_OUTCOME] = { reconsideration_outcomes, G_N_ELEMENTS (reconsideration_outcomes) },
  [JD_ENUM_GRADE] = { grades, G_N_ELEMENTS (grades) },
};

const JdEnumValue *
jd_enum_values (JdEnum  which,
                guint  *n_values)
{
  g_return_val_if_fail (which < JD_N_ENUMS, NULL);

  if (n_values != NULL)
    *n_values = tables[which].n_values;

  return tables[which].values;
}

/**
 * jd_enum_lookup:
 * @text: a value as a file may write it: the English code (any case), the
 *   Chinese name, or the English label
 *
 * Returns: (nullable): the stored code, or %NULL if @text is no value of @which
 */
const char *
jd_enum_lookup (JdEnum      which,
                const char *text)
{
  g_return_val_if_fail (which < JD_N_ENUMS, NULL);

  if (text == NULL)
    return NULL;

  for (guint i = 0; i < tables[which].n_values; i++)
    {
      const JdEnumValue *value = &tables[which].values[i];

      if (g_ascii_strcasecmp (text, value->code) == 0 ||
          strcmp (text, value->zh) == 0 ||
          g_ascii_strcasecmp (text, value->label) == 0 ||
          g_strcmp0 (text, value->alias) == 0)
        return value->code;
    }

  return NULL;
}

/**
 * jd_enum_label:
 *
 * Returns: the translated display label of @code, or @code itself if unknown
 */
const char *
jd_enum_label (JdEnum      which,
               const char *code)
{
  g_return_val_if_fail (which < JD_N_ENUMS, code);

  for (guint i = 0; code != NULL && i < tables[which].n_values; i++)
    if (strcmp (code, tables[which].values[i].code) == 0)
      return _(tables[which].values[i].label);

  return code;
}

const char * const jd_lawsuit_lost_outcomes[] = {
  "revoked", "modified", "illegal", "void", "ordered", "compensation", NULL
};

const char * const jd_lawsuit_non_judgment_outcomes[] = {
  "withdrawn", "dismissed", "mediated", NULL
};

const char * const jd_reconsideration_corrected_outcomes[] = {
  "revoked", "modified", "illegal", "void", "ordered", NULL
};

const char * const jd_reconsideration_non_merits_outcomes[] = {
  "mediated", "withdrawn", "terminated", NULL
};

gboolean
jd_outcome_in (const char         *outcome,
               const char * const *set)
{
  return outcome != NULL && g_strv_contains (set, outcome);
}

/**
 * jd_outcome_sql_list:
 *
 * Returns: @set as an SQL list, e.g. "('withdrawn','dismissed','mediated')"
 */
char *
jd_outcome_sql_list (const char * const *set)
{
  GString *sql = g_string_new ("(");

  for (guint i = 0; set[i] != NULL; i++)
    g_string_append_printf (sql, "%s'%s'", i > 0 ? "," : "", set[i]);
  g_string_append_c (sql, ')');

  return g_string_free (sql, FALSE);
}

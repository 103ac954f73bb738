/* jd-narrative-sections.c — the paragraphs a report drafts, one a section
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function writes one section's opening paragraph from its figures
 * (jd-narrative.c has the pieces and the rules for changes).  A rate whose
 * denominator is 0 is never printed as "—": the sentence says instead that
 * there was nothing to count ("本期无审结的一审行政诉讼案件").  The text is
 * returned as Pango markup, escaped, since a scope or an agency name may
 * hold any character.
 */

#define G_LOG_DOMAIN "jd-narrative"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-enums.h"
#include "jd-format.h"
#include "jd-format-private.h"
#include "jd-narrative.h"

#define COUNT_AT(m, offset) G_STRUCT_MEMBER (gint64, (m), (offset))
#define RATIO_AT(m, offset) G_STRUCT_MEMBER (JdRatio, (JdMetrics *)(m), (offset))
#define COUNT_OF(field) G_STRUCT_OFFSET (JdMetrics, field)

/* 同比 and 环比 of the count at @offset of JdMetrics */
static char *
count_comparisons (const JdNarrative        *self,
                   const JdNarrativeFigures *figures,
                   gsize                     offset)
{
  g_autofree char *year_on_year = NULL;
  g_autofree char *period_on_period = NULL;
  gint64 now = COUNT_AT ((JdMetrics *)figures->now, offset);

  if (figures->year_earlier != NULL)
    year_on_year = jd_narrative_count_change (now, COUNT_AT ((JdMetrics *)figures->year_earlier, offset));
  if (self->period_on_period && figures->previous != NULL)
    period_on_period = jd_narrative_count_change (now, COUNT_AT ((JdMetrics *)figures->previous, offset));

  return jd_narrative_comparisons (year_on_year, period_on_period);
}

/* 同比 and 环比 of the rate at @offset, in percentage points */
static char *
rate_comparisons (const JdNarrative        *self,
                  const JdNarrativeFigures *figures,
                  gsize                     offset)
{
  g_autofree char *year_on_year = NULL;
  g_autofree char *period_on_period = NULL;
  JdRatio now = RATIO_AT (figures->now, offset);

  if (figures->year_earlier != NULL)
    year_on_year = jd_narrative_rate_change (now, RATIO_AT (figures->year_earlier, offset));
  if (self->period_on_period && figures->previous != NULL)
    period_on_period = jd_narrative_rate_change (now, RATIO_AT (figures->previous, offset));

  return jd_narrative_comparisons (year_on_year, period_on_period);
}

/* @clause, @comparisons: (transfer full) */
static void
add_sentence (GString *out,
              char    *clause,
              char    *comparisons)
{
  g_autofree char *owned_clause = clause;
  g_autofree char *owned_comparisons = comparisons;
  g_autofree char *sentence = jd_narrative_sentence (clause, comparisons);

  /* Sentences in English take a space between them; Chinese ones, which
   * end with "。", none. */
  if (out->len > 0 && out->str[out->len - 1] == '.')
    g_string_append_c (out, ' ');
  g_string_append (out, sentence);
}

static char *
to_markup (GString *out)
{
  return g_markup_escape_text (out->str, -1);
}

static char *
rate_text (JdRatio ratio)
{
  return jd_format_rate (jd_ratio_rate (ratio));
}

/* "行政处罚8,000件、行政检查1,000件": the non-zero counts of an enum's values */
static char *
count_list (JdEnum        which,
            guint         first_value,
            const gint64 *counts,
            guint         n_counts)
{
  g_autoptr(GString) list = g_string_new (NULL);
  const JdEnumValue *values;
  guint n_values;

  values = jd_enum_values (which, &n_values);
  for (guint i = 0; i < n_counts && first_value + i < n_values; i++)
    {
      g_autofree char *count = NULL;

      if (counts[i] == 0)
        continue;
      count = jd_format_count (counts[i]);
      if (list->len > 0)
        g_string_append (list, C_("list", ", "));
      /* Translators: a kind and how many, in a list; zh_CN: "%1$s%2$s件" */
      g_string_append_printf (list, C_("kind and count", "%1$s %2$s"),
                              jd_enum_label (which, values[first_value + i].code), count);
    }

  return list->len > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

/* "Of these: …" after a count, when there is a breakdown to give */
static void
add_breakdown (GString    *out,
               char       *list)
{
  g_autofree char *owned = list;

  if (list == NULL)
    return;

  /* Translators: the parts of a count just given; zh_CN: "其中%s" */
  add_sentence (out, g_strdup_printf (_("Of these: %s"), list), NULL);
}

/* The sentence both the overview and the cases open with: "本季度，全市共
 * 作出行政执法决定9,086件，同比增长6.8%，环比增长2.3%。" */
static void
add_decided (GString                  *out,
             const JdNarrative        *self,
             const JdNarrativeFigures *figures,
             const char               *when)
{
  g_autofree char *decided = jd_format_count (figures->now->cases.decided);

  /* Translators: %1$s is when ("This quarter"), %2$s the scope ("agencies
   * across the city"), %3$s a count; zh_CN: "%1$s，%2$s共作出行政执法决定%3$s件" */
  add_sentence (out, g_strdup_printf (_("%1$s, %2$s made %3$s enforcement decisions"),
                                      when, jd_narrative_scope (self), decided),
                count_comparisons (self, figures, COUNT_OF (cases.decided)));
}

char *
jd_narrative_overview (const JdNarrative        *self,
                       const JdNarrativeFigures *figures)
{
  const JdMetrics *m = figures->now;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *when = jd_narrative_when (self);
  g_autofree char *fines = jd_narrative_money (m->cases.fines_fen);
  g_autofree char *complaints = jd_format_count (m->complaints.received);
  g_autofree char *leniency = jd_format_count (m->leniency.cases);
  g_autofree char *exempted = jd_narrative_money (m->leniency.exempted_fen);

  add_decided (out, self, figures, when);

  /* Translators: %s is an amount, "1,234.56万元"; zh_CN: "罚没金额%s" */
  add_sentence (out, g_strdup_printf (_("Fines and confiscations came to %s"), fines),
                count_comparisons (self, figures, COUNT_OF (cases.fines_fen)));

  /* Translators: zh_CN: "受理投诉举报%s件" */
  add_sentence (out, g_strdup_printf (_("%s complaints and reports were received"), complaints),
                count_comparisons (self, figures, COUNT_OF (complaints.received)));

  if (m->lawsuits.loss.total > 0)
    {
      g_autofree char *rate = rate_text (m->lawsuits.loss);

      /* Translators: zh_CN: "一审行政诉讼败诉率为%s" */
      add_sentence (out, g_strdup_printf (_("The first-instance loss rate in administrative lawsuits was %s"), rate),
                    rate_comparisons (self, figures, COUNT_OF (lawsuits.loss)));
    }
  else
    /* Translators: a rate with no denominator; zh_CN: "本期无审结的一审行政诉讼案件" */
    add_sentence (out, g_strdup (_("No first-instance administrative lawsuit was concluded")), NULL);

  if (m->reconsiderations.correction.total > 0)
    {
      g_autofree char *rate = rate_text (m->reconsiderations.correction);

      /* Translators: zh_CN: "行政复议纠错率为%s" */
      add_sentence (out, g_strdup_printf (_("The administrative reconsideration correction rate was %s"), rate),
                    rate_comparisons (self, figures, COUNT_OF (reconsiderations.correction)));
    }
  else
    /* Translators: zh_CN: "本期无审结的行政复议案件" */
    add_sentence (out, g_strdup (_("No administrative reconsideration was decided")), NULL);

  /* Translators: %1$s a count, %2$s an amount ("1,234.56万元");
   * zh_CN: "办理免罚案件%1$s件，免罚金额%2$s" */
  add_sentence (out, g_strdup_printf (_("%1$s cases were handled under the leniency lists, exempting %2$s"),
                                      leniency, exempted),
                count_comparisons (self, figures, COUNT_OF (leniency.cases)));

  if (m->reviews.pass.total > 0)
    {
      g_autofree char *reviewed = jd_format_count (m->reviews.pass.total);
      g_autofree char *rate = rate_text (m->reviews.pass);

      /* Translators: zh_CN: "评查行政执法案卷%1$s件，合格率为%2$s" */
      add_sentence (out, g_strdup_printf (_("%1$s case files were reviewed, with a pass rate of %2$s"), reviewed, rate),
                    rate_comparisons (self, figures, COUNT_OF (reviews.pass)));
    }
  else
    /* Translators: zh_CN: "本期未开展案卷评查" */
    add_sentence (out, g_strdup (_("No case file was reviewed")), NULL);

  return to_markup (out);
}

char *
jd_narrative_cases (const JdNarrative        *self,
                    const JdNarrativeFigures *figures)
{
  const JdMetrics *m = figures->now;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *when = jd_narrative_when (self);
  g_autofree char *opened = jd_format_count (m->cases.opened);
  g_autofree char *fines = jd_narrative_money (m->cases.fines_fen);

  add_decided (out, self, figures, when);

  add_breakdown (out, count_list (JD_ENUM_CASE_KIND, 0, m->cases.by_kind, G_N_ELEMENTS (m->cases.by_kind)));

  /* Translators: zh_CN: "新立案件%s件" */
  add_sentence (out, g_strdup_printf (_("%s cases were opened"), opened),
                count_comparisons (self, figures, COUNT_OF (cases.opened)));

  add_sentence (out, g_strdup_printf (_("Fines and confiscations came to %s"), fines),
                count_comparisons (self, figures, COUNT_OF (cases.fines_fen)));

  if (m->cases.major > 0)
    {
      g_autofree char *major = jd_format_count (m->cases.major);
      g_autofree char *unreviewed = jd_format_count (m->cases.major_unreviewed);

      if (m->cases.major_unreviewed > 0)
        /* Translators: zh_CN: "作出重大执法决定%1$s件，其中未经法制审核%2$s件" */
        add_sentence (out, g_strdup_printf (_("%1$s major enforcement decisions were made, %2$s of them without legal review"),
                                            major, unreviewed), NULL);
      else
        /* Translators: zh_CN: "作出重大执法决定%s件，均经法制审核" */
        add_sentence (out, g_strdup_printf (_("%s major enforcement decisions were made, all after legal review"), major), NULL);
    }

  return to_markup (out);
}

/* Appends @item (transfer full), "办结率96.5%", to a list of rates;
 * nothing for a rate with no denominator. */
static void
add_rate (GString *rates,
          JdRatio  ratio,
          char    *item)
{
  g_autofree char *owned = item;

  if (ratio.total == 0)
    return;
  if (rates->len > 0)
    /* Translators: between clauses of one sentence; zh_CN: "，" */
    g_string_append (rates, C_("clauses", ", "));
  g_string_append (rates, item);
}

char *
jd_narrative_complaints (const JdNarrative        *self,
                         const JdNarrativeFigures *figures)
{
  const JdMetrics *m = figures->now;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) rates = g_string_new (NULL);
  g_autofree char *when = jd_narrative_when (self);
  g_autofree char *received = jd_format_count (m->complaints.received);
  /* Translators: zh_CN: "%1$s，%2$s共受理投诉举报%3$s件" */
  add_sentence (out, g_strdup_printf (_("%1$s, %2$s received %3$s complaints and reports"),
                                      when, jd_narrative_scope (self), received),
                count_comparisons (self, figures, COUNT_OF (complaints.received)));

  if (m->complaints.received > 0 && m->complaints.by_channel[0] > 0)
    {
      g_autofree char *hotline = jd_format_count (m->complaints.by_channel[0]);
      g_autofree char *share = jd_format_rate ((double)m->complaints.by_channel[0] / m->complaints.received);

      /* Translators: zh_CN: "其中12345热线%1$s件，占%2$s" */
      add_sentence (out, g_strdup_printf (_("%1$s of them came through the 12345 hotline, %2$s of the total"), hotline, share), NULL);
    }

  {
    g_autofree char *closing = rate_text (m->complaints.closing);
    g_autofree char *on_time = rate_text (m->complaints.on_time);
    g_autofree char *substantiated = rate_text (m->complaints.substantiated);
    g_autofree char *satisfaction = rate_text (m->complaints.satisfaction);

    /* Translators: in a list of rates; zh_CN: "办结率%s" */
    add_rate (rates, m->complaints.closing, g_strdup_printf (_("closing rate %s"), closing));
    /* Translators: zh_CN: "按期办结率%s" */
    add_rate (rates, m->complaints.on_time, g_strdup_printf (_("on-time closing rate %s"), on_time));
    /* Translators: zh_CN: "属实率%s" */
    add_rate (rates, m->complaints.substantiated, g_strdup_printf (_("substantiated rate %s"), substantiated));
    /* Translators: zh_CN: "满意率%s" */
    add_rate (rates, m->complaints.satisfaction, g_strdup_printf (_("satisfaction rate %s"), satisfaction));
  }
  if (rates->len > 0)
    {
      /* Translators: the rates of the complaints received; zh_CN: "%s" */
      add_sentence (out, g_strdup_printf (_("Of the complaints received: %s"), rates->str), NULL);
    }

  return to_markup (out);
}

char *
jd_narrative_lawsuits (const JdNarrative        *self,
                       const JdNarrativeFigures *figures)
{
  const JdMetrics *m = figures->now;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *when = jd_narrative_when (self);
  g_autofree char *concluded = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *line = NULL;
  double loss_rate;

  if (m->lawsuits.loss.total == 0)
    {
      /* Translators: zh_CN: "%1$s，%2$s无审结的一审行政诉讼案件" */
      add_sentence (out, g_strdup_printf (_("%1$s, no first-instance administrative lawsuit against %2$s was concluded"),
                                          when, jd_narrative_scope (self)), NULL);
      return to_markup (out);
    }

  concluded = jd_format_count (m->lawsuits.first_instance_concluded);
  lost = jd_format_count (m->lawsuits.first_instance_lost);
  rate = rate_text (m->lawsuits.loss);
  /* Translators: %1$s when, %2$s a count, %3$s the scope, %4$s a count,
   * %5$s a rate; zh_CN: "%1$s，%3$s共审结一审行政诉讼案件%2$s件，败诉%4$s件，一审败诉率为%5$s" */
  add_sentence (out, g_strdup_printf (_("%1$s, %2$s first-instance administrative lawsuits against %3$s were concluded and %4$s were lost, a loss rate of %5$s"),
                                      when, concluded, jd_narrative_scope (self), lost, rate),
                rate_comparisons (self, figures, COUNT_OF (lawsuits.loss)));

  loss_rate = jd_ratio_rate (m->lawsuits.loss);
  line = jd_format_rate (self->loss_rate_line);
  if (loss_rate > self->loss_rate_line)
    {
      g_autofree char *above = _jd_format_decimal ((loss_rate - self->loss_rate_line) * 100.0, 1, FALSE);

      /* Translators: %1$s the control line ("15.0%"), %2$s points;
       * zh_CN: "高于%1$s的控制线%2$s个百分点" */
      add_sentence (out, g_strdup_printf (_("This is above the control line of %1$s by %2$s percentage points"),
                                          line, above), NULL);
    }
  else
    /* Translators: zh_CN: "未超过%s的控制线" */
    add_sentence (out, g_strdup_printf (_("This is within the control line of %s"), line), NULL);

  {
    g_autofree char *withdrawal = rate_text (m->lawsuits.withdrawal);

    /* Translators: shown beside the loss rate; zh_CN: "撤诉率为%s" */
    add_sentence (out, g_strdup_printf (_("The withdrawal rate was %s"), withdrawal), NULL);
  }

  if (m->lawsuits.head_appearance.total > 0)
    {
      g_autofree char *appeared = rate_text (m->lawsuits.head_appearance);

      /* Translators: zh_CN: "行政机关负责人出庭应诉率为%s" */
      add_sentence (out, g_strdup_printf (_("Heads of the agencies appeared in court at %s of the hearings"), appeared), NULL);
    }
  else
    /* Translators: zh_CN: "本期无开庭审理的案件" */
    add_sentence (out, g_strdup (_("No hearing was held")), NULL);

  return to_markup (out);
}

char *
jd_narrative_reconsiderations (const JdNarrative        *self,
                               const JdNarrativeFigures *figures)
{
  const JdMetrics *m = figures->now;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *when = jd_narrative_when (self);

  if (m->reconsiderations.correction.total == 0)
    {
      /* Translators: zh_CN: "%1$s，%2$s无审结的行政复议案件" */
      add_sentence (out, g_strdup_printf (_("%1$s, no administrative reconsideration against %2$s was decided"),
                                          when, jd_narrative_scope (self)), NULL);
    }
  else
    {
      g_autofree char *decided = jd_format_count (m->reconsiderations.decided);
      g_autofree char *corrected = jd_format_count (m->reconsiderations.corrected);
      g_autofree char *rate = rate_text (m->reconsiderations.correction);

      /* Translators: %1$s when, %2$s a count, %3$s the scope, %4$s a
       * count, %5$s a rate; zh_CN: "%1$s，%3$s共审结行政复议案件%2$s件，纠错%4$s件，复议纠错率为%5$s" */
      add_sentence (out, g_strdup_printf (_("%1$s, %2$s administrative reconsiderations against %3$s were decided and %4$s decisions corrected, a correction rate of %5$s"),
                                          when, decided, jd_narrative_scope (self), corrected, rate),
                    rate_comparisons (self, figures, COUNT_OF (reconsiderations.correction)));
    }

  return to_markup (out);
}

char *
jd_narrative_leniency (const JdNarrative        *self,
                       const JdNarrativeFigures *figures)
{
  const JdMetrics *m = figures->now;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *when = jd_narrative_when (self);
  g_autofree char *items = jd_format_count (m->leniency.items_in_force);

  /* Translators: zh_CN: "%1$s，%2$s现行有效的免罚清单事项共%3$s项" */
  add_sentence (out, g_strdup_printf (_("%1$s, %2$s had %3$s items on the leniency lists in force"),
                                      when, jd_narrative_scope (self), items), NULL);

  if (m->leniency.cases == 0)
    {
      /* Translators: zh_CN: "本期无免罚案件" */
      add_sentence (out, g_strdup (_("No case was handled under the leniency lists")), NULL);
      return to_markup (out);
    }

  {
    g_autofree char *cases = jd_format_count (m->leniency.cases);

    /* Translators: zh_CN: "办理免罚案件%s件" */
    add_sentence (out, g_strdup_printf (_("%s cases were handled under the lists"), cases),
                  count_comparisons (self, figures, COUNT_OF (leniency.cases)));
  }

  add_breakdown (out, count_list (JD_ENUM_LENIENCY, 1, m->leniency.cases_by_kind,
                                  G_N_ELEMENTS (m->leniency.cases_by_kind)));

  {
    g_autofree char *exempted = jd_narrative_money (m->leniency.exempted_fen);

    if (m->leniency.share_of_penalty_cases.total > 0)
      {
        g_autofree char *share = rate_text (m->leniency.share_of_penalty_cases);

        /* Translators: zh_CN: "免罚金额%1$s，免罚案件占行政处罚案件的%2$s" */
        add_sentence (out, g_strdup_printf (_("The fines not imposed came to %1$s; leniency cases were %2$s of penalty cases"),
                                            exempted, share), NULL);
      }
    else
      /* Translators: zh_CN: "免罚金额%s" */
      add_sentence (out, g_strdup_printf (_("The fines not imposed came to %s"), exempted), NULL);
  }

  return to_markup (out);
}

char *
jd_narrative_reviews (const JdNarrative        *self,
                      const JdNarrativeFigures *figures)
{
  const JdMetrics *m = figures->now;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *when = jd_narrative_when (self);
  g_autofree char *reviewed = NULL;
  g_autofree char *passed = NULL;
  g_autofree char *rate = NULL;

  if (m->reviews.pass.total == 0)
    {
      /* Translators: zh_CN: "%1$s，%2$s未开展案卷评查" */
      add_sentence (out, g_strdup_printf (_("%1$s, %2$s reviewed no case file"), when, jd_narrative_scope (self)), NULL);
      return to_markup (out);
    }

  reviewed = jd_format_count (m->reviews.pass.total);
  passed = jd_format_count (m->reviews.pass.count);
  rate = rate_text (m->reviews.pass);
  /* Translators: zh_CN: "%1$s，%2$s共评查行政执法案卷%3$s件，合格%4$s件，合格率为%5$s" */
  add_sentence (out, g_strdup_printf (_("%1$s, %2$s reviewed %3$s case files, of which %4$s passed, a pass rate of %5$s"),
                                      when, jd_narrative_scope (self), reviewed, passed, rate),
                rate_comparisons (self, figures, COUNT_OF (reviews.pass)));

  add_breakdown (out, count_list (JD_ENUM_GRADE, 0, m->reviews.by_grade, G_N_ELEMENTS (m->reviews.by_grade)));

  if (!isnan (m->reviews.mean_score))
    {
      g_autofree char *score = _jd_format_decimal (m->reviews.mean_score, 1, FALSE);

      /* Translators: zh_CN: "平均得分%s分" */
      add_sentence (out, g_strdup_printf (_("The mean score was %s"), score), NULL);
    }

  return to_markup (out);
}

/* The warnings of @rule: how many, and the agencies (or the scope) named */
static guint
rule_agencies (const JdNarrative *self,
               GPtrArray         *warnings,
               JdWarningRule      rule,
               GPtrArray         *names)
{
  guint n = 0;

  for (guint i = 0; i < warnings->len; i++)
    {
      const JdWarning *warning = warnings->pdata[i];
      const char *name;
      gboolean seen = FALSE;

      if (warning->rule != rule)
        continue;
      n++;
      name = warning->agency_name != NULL ? warning->agency_name : jd_narrative_scope (self);
      for (guint j = 0; j < names->len && !seen; j++)
        seen = g_str_equal (names->pdata[j], name);
      if (!seen)
        g_ptr_array_add (names, (gpointer)name);
    }

  return n;
}

char *
jd_narrative_warnings (const JdNarrative *self,
                       GPtrArray         *warnings)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *when = jd_narrative_when (self);
  g_autofree char *count = jd_format_count (warnings->len);

  if (warnings->len == 0)
    {
      /* Translators: zh_CN: "%s，未触发预警" */
      add_sentence (out, g_strdup_printf (_("%s, no warning was raised"), when), NULL);
      return to_markup (out);
    }

  for (guint rule = 0; rule < JD_N_WARNING_RULES; rule++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      guint n = rule_agencies (self, warnings, rule, names);
      g_autofree char *n_text = NULL;

      if (n == 0)
        continue;
      n_text = jd_format_count (n);
      if (list->len > 0)
        g_string_append (list, C_("list", ", "));
      /* Translators: a kind of warning and how many were raised;
       * zh_CN: "%1$s%2$s条" */
      g_string_append_printf (list, C_("warning rule and count", "%1$s (%2$s)"),
                              jd_warning_rule_label (rule), n_text);
    }

  /* Translators: zh_CN: "%1$s，共触发预警%2$s条，其中%3$s" */
  add_sentence (out, g_strdup_printf (_("%1$s, %2$s warnings were raised: %3$s"), when, count, list->str), NULL);
  return to_markup (out);
}

char *
jd_narrative_problems (const JdNarrative *self,
                       GPtrArray         *warnings)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint rule = 0; rule < JD_N_WARNING_RULES; rule++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *who = NULL;
      g_autofree char *clause = NULL;
      g_autofree char *line = NULL;

      if (rule_agencies (self, warnings, rule, names) == 0)
        continue;
      who = jd_narrative_agency_list (names);

      switch ((JdWarningRule)rule)
        {
        case JD_WARNING_LOSS_RATE:
          line = jd_format_rate (self->loss_rate_line);
          /* Translators: %1$s agencies, %2$s the control line;
           * zh_CN: "%1$s一审行政诉讼败诉率高于%2$s的控制线" */
          clause = g_strdup_printf (_("The first-instance loss rate of %1$s is above the control line of %2$s"), who, line);
          break;
        case JD_WARNING_COMPLAINT_SPIKE:
          /* Translators: zh_CN: "%s投诉举报量明显高于以往水平" */
          clause = g_strdup_printf (_("Complaints about %s rose well above their usual level"), who);
          break;
        case JD_WARNING_OVERDUE_COMPLAINTS:
          /* Translators: zh_CN: "%s存在逾期未办结的投诉举报" */
          clause = g_strdup_printf (_("%s have complaints past their due date that are not closed"), who);
          break;
        case JD_WARNING_NO_DECISIONS:
          /* Translators: zh_CN: "%s连续数月无执法决定，存在履职不到位的风险" */
          clause = g_strdup_printf (_("%s decided no case for months"), who);
          break;
        case JD_WARNING_MAJOR_WITHOUT_REVIEW:
          /* Translators: zh_CN: "%s存在重大执法决定未经法制审核的情况" */
          clause = g_strdup_printf (_("%s made major enforcement decisions without legal review"), who);
          break;
        case JD_WARNING_REVIEW_PASS_RATE:
        case JD_N_WARNING_RULES:
        default:
          /* Translators: zh_CN: "%s案卷评查合格率低于预警线" */
          clause = g_strdup_printf (_("The case-file review pass rate of %s is below the warning line"), who);
          break;
        }
      add_sentence (out, g_steal_pointer (&clause), NULL);
    }

  if (out->len == 0)
    /* Translators: zh_CN: "本期各项指标均未触发预警，数据未反映出突出问题" */
    add_sentence (out, g_strdup (_("No warning was raised in the period, and the figures show no prominent problem")), NULL);

  return to_markup (out);
}

char *
jd_narrative_suggestions (const JdNarrative *self,
                          GPtrArray         *warnings)
{
  static const char * const advice[JD_N_WARNING_RULES] = {
    /* Translators: zh_CN: "深入剖析败诉案件成因，严格落实执法决定作出前的法制审核，切实降低一审败诉率" */
    [JD_WARNING_LOSS_RATE] = N_("Analyse every lost lawsuit for its causes and review decisions for legality before they are taken, to bring the loss rate down"),
    /* Translators: zh_CN: "分析投诉举报量异常增长的原因，从源头上化解矛盾纠纷" */
    [JD_WARNING_COMPLAINT_SPIKE] = N_("Find out why complaints rose and resolve their causes at the source"),
    /* Translators: zh_CN: "督促相关单位限期办结逾期工单，提高按期办结率" */
    [JD_WARNING_OVERDUE_COMPLAINTS] = N_("Urge the agencies concerned to close overdue complaints without delay"),
    /* Translators: zh_CN: "对长期无执法决定的单位开展专项督查，防止不作为、慢作为" */
    [JD_WARNING_NO_DECISIONS] = N_("Inspect the agencies that decided nothing for months, to prevent inaction"),
    /* Translators: zh_CN: "严格落实重大执法决定法制审核制度，做到应审必审" */
    [JD_WARNING_MAJOR_WITHOUT_REVIEW] = N_("Enforce the legal review of every major enforcement decision before it is taken"),
    /* Translators: zh_CN: "加强对案卷评查不合格单位的培训指导，并适时开展复查" */
    [JD_WARNING_REVIEW_PASS_RATE] = N_("Train the agencies whose case files failed review, and review their files again"),
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint rule = 0; rule < JD_N_WARNING_RULES; rule++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      if (rule_agencies (self, warnings, rule, names) > 0)
        add_sentence (out, g_strdup (_(advice[rule])), NULL);
    }

  /* Translators: the suggestion every report ends with;
   * zh_CN: "持续加强行政执法监督，不断提升严格规范公正文明执法水平" */
  add_sentence (out, g_strdup (_("Keep strengthening the supervision of administrative law enforcement, so that it is strict, fair and civil")), NULL);

  return to_markup (out);
}

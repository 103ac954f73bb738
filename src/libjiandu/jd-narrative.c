/* jd-narrative.c — the pieces every drafted sentence is made of
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report's sentences are drafted from the figures in the UI language.
 * Chinese and English do not put a sentence together in the same order,
 * so each sentence is one msgid with numbered arguments ("%1$s，%2$s共作出
 * 行政执法决定%3$s件"), and only the parts that really are phrases of
 * their own are translated on their own: how a figure moved ("增长6.8%",
 * "下降1.2个百分点", "持平"), the 同比 / 环比 clause that holds them, the
 * time ("本季度", "2026年1–10月累计") and the scope ("全市").
 *
 * A change is said at the precision it is printed with: one that rounds
 * to 0.0% (or 0.0 points) is "持平" / "unchanged", never "增长0.0%".  A
 * change against nothing (the earlier figure is 0, or there are no data
 * for it) is not said at all.
 */

#define G_LOG_DOMAIN "jd-narrative"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-format.h"
#include "jd-format-private.h"
#include "jd-narrative.h"

/* What a change looks like when it rounds to nothing. */
static gboolean
is_zero_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (*p >= '1' && *p <= '9')
      return FALSE;

  return TRUE;
}

/**
 * jd_narrative_count_trend:
 * @change: (out) (optional) (transfer full): the size of the change as
 *   printed, "6.8%", or %NULL when there is nothing to compare with
 *
 * Returns: how @now moved against @before, relatively
 */
JdTrend
jd_narrative_count_trend (gint64   now,
                          gint64   before,
                          char   **change)
{
  g_autofree char *size = NULL;
  double ratio;

  if (change != NULL)
    *change = NULL;
  if (before == 0)
    return JD_TREND_NONE;

  ratio = ((double)now - (double)before) / (double)before;
  size = jd_format_rate (fabs (ratio));
  if (change != NULL)
    *change = g_strdup (size);

  if (is_zero_text (size))
    return JD_TREND_FLAT;

  return ratio > 0 ? JD_TREND_UP : JD_TREND_DOWN;
}

/**
 * jd_narrative_rate_trend:
 * @change: (out) (optional) (transfer full): the size of the change in
 *   percentage points as printed, "1.2", or %NULL
 *
 * Returns: how the rate @now moved against @before, in percentage points;
 *   %JD_TREND_NONE when either rate has no denominator
 */
JdTrend
jd_narrative_rate_trend (JdRatio   now,
                         JdRatio   before,
                         char    **change)
{
  g_autofree char *size = NULL;
  double delta;

  if (change != NULL)
    *change = NULL;
  if (now.total == 0 || before.total == 0)
    return JD_TREND_NONE;

  delta = jd_ratio_rate (now) - jd_ratio_rate (before);
  size = _jd_format_decimal (fabs (delta) * 100.0, 1, FALSE);
  if (change != NULL)
    *change = g_strdup (size);

  if (is_zero_text (size))
    return JD_TREND_FLAT;

  return delta > 0 ? JD_TREND_UP : JD_TREND_DOWN;
}

/**
 * jd_narrative_count_change:
 *
 * Returns: (transfer full) (nullable): how a count moved: "增长6.8%",
 *   "下降2.1%", "持平"; %NULL when there is nothing to compare with
 */
char *
jd_narrative_count_change (gint64 now,
                           gint64 before)
{
  g_autofree char *size = NULL;

  switch (jd_narrative_count_trend (now, before, &size))
    {
    case JD_TREND_UP:
      /* Translators: a count grew by %s ("6.8%"), in a 同比 / 环比
       * clause; zh_CN: "增长%s" */
      return g_strdup_printf (C_("change of a count", "up %s"), size);
    case JD_TREND_DOWN:
      /* Translators: a count fell by %s ("2.1%"); zh_CN: "下降%s" */
      return g_strdup_printf (C_("change of a count", "down %s"), size);
    case JD_TREND_FLAT:
      /* Translators: a figure did not change at the printed precision;
       * zh_CN: "持平" */
      return g_strdup (C_("change", "unchanged"));
    case JD_TREND_NONE:
    default:
      return NULL;
    }
}

/**
 * jd_narrative_rate_change:
 *
 * Returns: (transfer full) (nullable): how a rate moved, in percentage
 *   points: "上升1.2个百分点", "下降0.4个百分点", "持平"; %NULL when
 *   either rate has no denominator
 */
char *
jd_narrative_rate_change (JdRatio now,
                          JdRatio before)
{
  g_autofree char *size = NULL;

  switch (jd_narrative_rate_trend (now, before, &size))
    {
    case JD_TREND_UP:
      /* Translators: a rate rose by %s ("1.2") percentage points;
       * zh_CN: "上升%s个百分点" */
      return g_strdup_printf (C_("change of a rate", "up %s percentage points"), size);
    case JD_TREND_DOWN:
      /* Translators: a rate fell by %s ("1.2") percentage points;
       * zh_CN: "下降%s个百分点" */
      return g_strdup_printf (C_("change of a rate", "down %s percentage points"), size);
    case JD_TREND_FLAT:
      return g_strdup (C_("change", "unchanged"));
    case JD_TREND_NONE:
    default:
      return NULL;
    }
}

/**
 * jd_narrative_comparisons:
 * @year_on_year: (nullable): jd_narrative_count_change() against the year
 *   before (同比)
 * @period_on_period: (nullable): … against the period before (环比)
 *
 * Returns: (transfer full) (nullable): "同比增长6.8%，环比增长2.3%", or
 *   one of them, or %NULL when neither can be said
 */
char *
jd_narrative_comparisons (const char *year_on_year,
                          const char *period_on_period)
{
  if (year_on_year != NULL && period_on_period != NULL)
    /* Translators: both comparisons of a figure, each "up 6.8%" or
     * "unchanged"; zh_CN: "同比%1$s，环比%2$s" */
    return g_strdup_printf (_("%1$s year on year and %2$s on the previous period"),
                            year_on_year, period_on_period);
  if (year_on_year != NULL)
    /* Translators: zh_CN: "同比%s" */
    return g_strdup_printf (_("%s year on year"), year_on_year);
  if (period_on_period != NULL)
    /* Translators: zh_CN: "环比%s" */
    return g_strdup_printf (_("%s on the previous period"), period_on_period);

  return NULL;
}

/**
 * jd_narrative_sentence:
 * @clause: what the sentence says
 * @comparisons: (nullable): jd_narrative_comparisons()
 *
 * Returns: (transfer full): the sentence, with its comparisons after a
 *   comma and its full stop: "…9,086件，同比增长6.8%，环比增长2.3%。"
 */
char *
jd_narrative_sentence (const char *clause,
                       const char *comparisons)
{
  if (comparisons != NULL)
    /* Translators: a statement and how its figure moved; zh_CN: "%1$s，%2$s。" */
    return g_strdup_printf (C_("sentence", "%1$s, %2$s."), clause, comparisons);

  /* Translators: a statement as a sentence; zh_CN: "%s。" */
  return g_strdup_printf (C_("sentence", "%s."), clause);
}

/* @fen rounded half up to hundredths of @unit fen: "1,234.56" */
static char *
money_in_units (gint64 fen,
                gint64 unit)
{
  gint64 hundredths = (fen + unit / 200) / (unit / 100);
  g_autofree char *whole = jd_format_count (hundredths / 100);

  return g_strdup_printf ("%s.%02d", whole, (int)(hundredths % 100));
}

/**
 * jd_narrative_money:
 *
 * Returns: (transfer full): an amount as reports write it: in 万元 to two
 *   places for Chinese readers ("1,234.56万元"), in millions of yuan for
 *   others ("¥12.35 million")
 */
char *
jd_narrative_money (gint64 fen)
{
  g_autofree char *number = NULL;

  fen = MAX (fen, 0);

  switch (_jd_number_style_current ())
    {
    case JD_NUMBER_STYLE_SIMPLIFIED:
      number = money_in_units (fen, 1000000);
      return g_strdup_printf ("%s万元", number);
    case JD_NUMBER_STYLE_TRADITIONAL:
      number = money_in_units (fen, 1000000);
      return g_strdup_printf ("%s萬元", number);
    case JD_NUMBER_STYLE_WESTERN:
    default:
      number = money_in_units (fen, 100000000);
      return g_strdup_printf ("¥%s million", number);
    }
}

static char *
format_month (int         month,
              const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (month / 100, month % 100, 1, 0, 0, 0);

  return g_date_time_format (dt, format);
}

/**
 * jd_narrative_when:
 *
 * Returns: (transfer full): when the figures are of, as a sentence opens:
 *   "本月", "本季度", "本年度", "本季度（截至11月）", or, for months added
 *   up, "2026年1–10月累计" (a year the data end inside included)
 */
char *
jd_narrative_when (const JdNarrative *self)
{
  JdPeriod covered;
  JdCoverage coverage = jd_period_cover (&self->period, self->data_end, &covered, NULL, NULL);

  if (self->period.kind == JD_PERIOD_RANGE ||
      (self->period.kind == JD_PERIOD_YEAR && coverage == JD_COVERAGE_PARTIAL))
    {
      g_autofree char *months = jd_period_format (coverage == JD_COVERAGE_PARTIAL ? &covered : &self->period);

      /* Translators: months added up, %s is "January–October 2026";
       * zh_CN: "%s累计" (2026年1–10月累计) */
      return g_strdup_printf (_("In %s"), months);
    }

  switch (self->period.kind)
    {
    case JD_PERIOD_MONTH:
      /* Translators: opens a sentence about a monthly report's month; zh_CN: "本月" */
      return g_strdup (_("This month"));

    case JD_PERIOD_QUARTER:
      if (coverage == JD_COVERAGE_PARTIAL)
        {
          /* Translators: the month the data reach, as strftime; zh_CN: "%-m月" */
          g_autofree char *through = format_month (self->data_end, C_("through a month", "%B"));

          /* Translators: a quarter the data end inside; zh_CN: "本季度（截至%s）" */
          return g_strdup_printf (_("This quarter, through %s"), through);
        }
      /* Translators: zh_CN: "本季度" */
      return g_strdup (_("This quarter"));

    case JD_PERIOD_YEAR:
    case JD_PERIOD_RANGE:
    default:
      /* Translators: opens a sentence about an annual report's year; zh_CN: "本年度" */
      return g_strdup (_("This year"));
    }
}

/**
 * jd_narrative_scope:
 *
 * Returns: (transfer none): whose figures they are: "全市", or what the
 *   filter restricts to
 */
const char *
jd_narrative_scope (const JdNarrative *self)
{
  if (self->scope != NULL)
    return self->scope;

  /* Translators: the scope of an unfiltered report's figures, the subject
   * of its sentences; zh_CN: "全市" */
  return _("agencies across the city");
}

/**
 * jd_narrative_agency_list:
 * @names: (element-type utf8): agency names, no two the same
 *
 * Returns: (transfer full): the first three, and how many there are in
 *   all when there are more: "甲、乙、丙等5个单位"
 */
char *
jd_narrative_agency_list (GPtrArray *names)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < MIN (names->len, 3); i++)
    {
      if (i > 0)
        /* Translators: between the items of a list in a sentence; zh_CN: "、" */
        g_string_append (list, C_("list", ", "));
      g_string_append (list, names->pdata[i]);
    }

  if (names->len > 3)
    /* Translators: the first agencies named, and how many there are in
     * all; zh_CN: "%1$s等%2$u个单位" */
    return g_strdup_printf (_("%1$s (%2$u agencies in all)"), list->str, names->len);

  return g_string_free (g_steal_pointer (&list), FALSE);
}

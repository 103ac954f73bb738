/* test-narrative.c — the sentences a report drafts, on crafted figures
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each expected sentence is written out by hand, in English and in
 * Chinese; the Chinese comes from po/zh_CN.po compiled into a catalogue
 * for this test, so the translations are tested with the code.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pango.h>

#include "jd-narrative.h"

#include "jd-test-util.h"

static char *locale_dir;
static gboolean have_chinese;

/* Compiles po/zh_CN.po into a catalogue in a temporary folder. */
static void
compile_catalogue (void)
{
  g_autoptr(GError) error = NULL;

  locale_dir = g_dir_make_tmp ("jiandu-narrative-XXXXXX", &error);
  g_assert_no_error (error);
  if (setlocale (LC_MESSAGES, "C.UTF-8") == NULL || !jd_test_compile_catalogue (locale_dir))
    return;
  have_chinese = TRUE;

  /* GLib decides once, at the first translation, whether to translate at
   * all: in a language the catalogue has, so that it does. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "This month"), ==, "本月");
}

static void
remove_catalogue (void)
{
  g_autofree char *mo_dir = g_build_filename (locale_dir, "zh_CN", "LC_MESSAGES", NULL);
  g_autofree char *lang_dir = g_build_filename (locale_dir, "zh_CN", NULL);

  jd_test_remove_dir (mo_dir);
  g_rmdir (lang_dir);
  g_rmdir (locale_dir);
  g_free (locale_dir);
}

/* Switches the UI language: "zh_CN" or "en". */
static gboolean
use_language (const char *language)
{
  if (g_str_equal (language, "zh_CN") && !have_chinese)
    {
      g_test_skip ("msgfmt or the C.UTF-8 locale is missing");
      return FALSE;
    }

  g_setenv ("LANGUAGE", language, TRUE);
  /* glibc keeps the translations it found until the locale changes:
   * change it there and back, so that it looks again */
  setlocale (LC_MESSAGES, "C");
  setlocale (LC_MESSAGES, "C.UTF-8");
  return TRUE;
}

static JdNarrative
narrative (const char *period_text,
           int         data_end,
           const char *scope)
{
  JdNarrative n = { 0 };

  g_assert_true (jd_period_parse (period_text, &n.period, NULL));
  n.data_end = data_end;
  n.scope = scope;
  n.period_on_period = n.period.kind == JD_PERIOD_MONTH || n.period.kind == JD_PERIOD_QUARTER;
  n.loss_rate_line = 0.15;
  return n;
}

/* The first sentence of a paragraph, up to and with its full stop. */
static char *
first_sentence (const char *paragraph)
{
  const char *zh = strstr (paragraph, "。");
  const char *en = strstr (paragraph, ". ");

  if (zh != NULL)
    return g_strndup (paragraph, zh + strlen ("。") - paragraph);
  if (en != NULL)
    return g_strndup (paragraph, en + 1 - paragraph);
  return g_strdup (paragraph);
}

static char *
cases_sentence (const JdNarrative *n,
                gint64             now,
                gint64             previous,
                gint64             year_earlier,
                gboolean           compared)
{
  JdMetrics m_now = { 0 }, m_previous = { 0 }, m_year_earlier = { 0 };
  JdNarrativeFigures figures = { &m_now, compared ? &m_previous : NULL, compared ? &m_year_earlier : NULL };
  g_autofree char *paragraph = NULL;

  m_now.cases.decided = now;
  m_previous.cases.decided = previous;
  m_year_earlier.cases.decided = year_earlier;
  paragraph = jd_narrative_cases (n, &figures);
  return first_sentence (paragraph);
}

static void
test_count_sentences (void)
{
  JdNarrative n = narrative ("2026Q3", 202612, NULL);
  struct {
    gint64      now, previous, year_earlier;
    gboolean    compared;
    const char *zh, *en;
  } cases[] = {
    /* up on both: 9,086 / 8,508 = +6.79%, 9,086 / 8,882 = +2.30% */
    { 9086, 8882, 8508, TRUE,
      "本季度，全市共作出行政执法决定9,086件，同比增长6.8%，环比增长2.3%。",
      "This quarter, agencies across the city made 9,086 enforcement decisions, up 6.8% year on year and up 2.3% on the previous period." },
    /* down: 900 against 1,000 a year earlier, 960 the quarter before */
    { 900, 960, 1000, TRUE,
      "本季度，全市共作出行政执法决定900件，同比下降10.0%，环比下降6.3%。",
      "This quarter, agencies across the city made 900 enforcement decisions, down 10.0% year on year and down 6.3% on the previous period." },
    /* flat: −0.04% rounds to 0.0%; the period before had nothing */
    { 10000, 0, 10004, TRUE,
      "本季度，全市共作出行政执法决定10,000件，同比持平。",
      "This quarter, agencies across the city made 10,000 enforcement decisions, unchanged year on year." },
    /* +0.05% rounds up to 0.1%: not flat */
    { 20010, 20010, 20000, TRUE,
      "本季度，全市共作出行政执法决定20,010件，同比增长0.1%，环比持平。",
      "This quarter, agencies across the city made 20,010 enforcement decisions, up 0.1% year on year and unchanged on the previous period." },
    /* no comparison at all: nothing said of it */
    { 9086, 0, 0, FALSE,
      "本季度，全市共作出行政执法决定9,086件。",
      "This quarter, agencies across the city made 9,086 enforcement decisions." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *en = NULL;
      g_autofree char *zh = NULL;

      use_language ("en");
      en = cases_sentence (&n, cases[i].now, cases[i].previous, cases[i].year_earlier, cases[i].compared);
      g_assert_cmpstr (en, ==, cases[i].en);
      if (!use_language ("zh_CN"))
        return;
      zh = cases_sentence (&n, cases[i].now, cases[i].previous, cases[i].year_earlier, cases[i].compared);
      g_assert_cmpstr (zh, ==, cases[i].zh);
    }
}

static void
test_trends (void)
{
  g_autofree char *size = NULL;

  g_assert_cmpint (jd_narrative_count_trend (1068, 1000, &size), ==, JD_TREND_UP);
  g_assert_cmpstr (size, ==, "6.8%");
  g_clear_pointer (&size, g_free);
  g_assert_cmpint (jd_narrative_count_trend (5, 0, &size), ==, JD_TREND_NONE);
  g_assert_null (size);
  g_assert_cmpint (jd_narrative_count_trend (0, 5, NULL), ==, JD_TREND_DOWN);
  g_assert_cmpint (jd_narrative_count_trend (10000, 10004, NULL), ==, JD_TREND_FLAT);
  /* points: 30% against 25% is 5.0 points up; 0.04 points is flat */
  g_assert_cmpint (jd_narrative_rate_trend ((JdRatio){ 30, 100 }, (JdRatio){ 25, 100 }, &size), ==, JD_TREND_UP);
  g_assert_cmpstr (size, ==, "5.0");
  g_assert_cmpint (jd_narrative_rate_trend ((JdRatio){ 2501, 10000 }, (JdRatio){ 2500, 10000 }, NULL), ==,
                   JD_TREND_FLAT);
  g_assert_cmpint (jd_narrative_rate_trend ((JdRatio){ 3, 10 }, (JdRatio){ 0, 0 }, NULL), ==, JD_TREND_NONE);
  g_assert_cmpint (jd_narrative_rate_trend ((JdRatio){ 0, 0 }, (JdRatio){ 1, 3 }, NULL), ==, JD_TREND_NONE);
}

/* A loss rate in points against the year before, against the control
 * line, and a zero denominator. */
static void
test_rates (void)
{
  JdNarrative n = narrative ("2026Q3", 202612, NULL);
  JdMetrics now = { 0 }, year_earlier = { 0 };
  JdNarrativeFigures figures = { &now, NULL, &year_earlier };
  g_autofree char *above_en = NULL;
  g_autofree char *above_zh = NULL;
  g_autofree char *none_en = NULL;
  g_autofree char *none_zh = NULL;
  g_autofree char *within = NULL;

  now.lawsuits.first_instance_concluded = 20;
  now.lawsuits.first_instance_lost = 4;
  now.lawsuits.loss = (JdRatio){ 4, 20 };
  now.lawsuits.withdrawal = (JdRatio){ 3, 20 };
  now.lawsuits.head_appearance = (JdRatio){ 9, 10 };
  year_earlier.lawsuits.loss = (JdRatio){ 2, 25 };

  use_language ("en");
  above_en = jd_narrative_lawsuits (&n, &figures);
  g_assert_cmpstr (above_en, ==,
                   "This quarter, 20 first-instance administrative lawsuits against agencies across the city were "
                   "concluded and 4 were lost, a loss rate of 20.0%, up 12.0 percentage points year on year. "
                   "This is above the control line of 15.0% by 5.0 percentage points. "
                   "The withdrawal rate was 15.0%. Heads of the agencies appeared in court at 90.0% of the hearings.");

  now.lawsuits.loss = (JdRatio){ 0, 0 };
  none_en = jd_narrative_lawsuits (&n, &figures);
  g_assert_cmpstr (none_en, ==,
                   "This quarter, no first-instance administrative lawsuit against agencies across the city was concluded.");

  if (!use_language ("zh_CN"))
    return;
  now.lawsuits.loss = (JdRatio){ 4, 20 };
  above_zh = jd_narrative_lawsuits (&n, &figures);
  g_assert_cmpstr (above_zh, ==,
                   "本季度，全市共审结一审行政诉讼案件20件，败诉4件，一审败诉率为20.0%，同比上升12.0个百分点。"
                   "高于15.0%的控制线5.0个百分点。撤诉率为15.0%。行政机关负责人出庭应诉率为90.0%。");

  /* 3 of 20 is on the line, not above it; no hearing held */
  now.lawsuits.loss = (JdRatio){ 3, 20 };
  now.lawsuits.first_instance_lost = 3;
  now.lawsuits.head_appearance = (JdRatio){ 0, 0 };
  year_earlier.lawsuits.loss = (JdRatio){ 3, 20 };
  within = jd_narrative_lawsuits (&n, &figures);
  g_assert_cmpstr (within, ==,
                   "本季度，全市共审结一审行政诉讼案件20件，败诉3件，一审败诉率为15.0%，同比持平。"
                   "未超过15.0%的控制线。撤诉率为15.0%。本期无开庭审理的案件。");

  now.lawsuits.loss = (JdRatio){ 0, 0 };
  none_zh = jd_narrative_lawsuits (&n, &figures);
  g_assert_cmpstr (none_zh, ==, "本季度，全市无审结的一审行政诉讼案件。");
}

/* Reviews over nothing, and a zero denominator inside the overview. */
static void
test_zero_denominators (void)
{
  JdNarrative n = narrative ("2026-07", 202612, NULL);
  JdMetrics now = { 0 };
  JdNarrativeFigures figures = { &now, NULL, NULL };
  g_autofree char *reviews = NULL;
  g_autofree char *overview = NULL;

  if (!use_language ("zh_CN"))
    return;

  reviews = jd_narrative_reviews (&n, &figures);
  g_assert_cmpstr (reviews, ==, "本月，全市未开展案卷评查。");

  now.cases.decided = 12;
  overview = jd_narrative_overview (&n, &figures);
  g_assert_cmpstr (overview, ==,
                   "本月，全市共作出行政执法决定12件。罚没金额0.00万元。受理投诉举报0件。"
                   "本期无审结的一审行政诉讼案件。本期无审结的行政复议案件。"
                   "办理免罚案件0件，免罚金额0.00万元。本期未开展案卷评查。");
}

static void
test_money (void)
{
  g_autofree char *zh = NULL;
  g_autofree char *zh_half = NULL;
  g_autofree char *zh_big = NULL;
  g_autofree char *en = NULL;

  use_language ("en");
  /* 1,234,567.89 yuan */
  en = jd_narrative_money (123456789);
  g_assert_cmpstr (en, ==, "¥1.23 million");

  /* money is formatted from the digits: no translation needed, only the language */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  zh = jd_narrative_money (123456789);
  g_assert_cmpstr (zh, ==, "123.46万元");
  /* 50 yuan is 0.005万元, rounded half up */
  zh_half = jd_narrative_money (5000);
  g_assert_cmpstr (zh_half, ==, "0.01万元");
  /* 9,876,543,210.00 yuan, exactly */
  zh_big = jd_narrative_money (G_GINT64_CONSTANT (987654321000));
  g_assert_cmpstr (zh_big, ==, "987,654.32万元");
}

/* Partial periods, months added up, and the filter as the scope. */
static void
test_when_and_scope (void)
{
  struct {
    const char *period;
    int         data_end;
    const char *zh, *en;
  } cases[] = {
    { "2026-07", 202612, "本月", "This month" },
    { "2026Q3", 202612, "本季度", "This quarter" },
    { "2026Q4", 202611, "本季度（截至11月）", "This quarter, through November" },
    { "2025", 202612, "本年度", "This year" },
    { "2026", 202610, "2026年1–10月累计", "In January–October 2026" },
    { "2026-01..2026-10", 202612, "2026年1–10月累计", "In January–October 2026" },
    { "2026-01..2026-12", 202610, "2026年1–10月累计", "In January–October 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JdNarrative n = narrative (cases[i].period, cases[i].data_end, NULL);
      g_autofree char *en = NULL;
      g_autofree char *zh = NULL;

      use_language ("en");
      en = jd_narrative_when (&n);
      g_assert_cmpstr (en, ==, cases[i].en);
      if (!use_language ("zh_CN"))
        return;
      zh = jd_narrative_when (&n);
      g_assert_cmpstr (zh, ==, cases[i].zh);
    }

  {
    JdNarrative n = narrative ("2026Q4", 202611, "县级 · 西湖区");
    g_autofree char *sentence = cases_sentence (&n, 300, 0, 250, TRUE);

    g_assert_cmpstr (sentence, ==, "本季度（截至11月），县级 · 西湖区共作出行政执法决定300件，同比增长20.0%。");
  }
}

/* A scope or an agency name is text, not markup. */
static void
test_markup_escaped (void)
{
  JdNarrative n = narrative ("2026Q3", 202612, "A & <B>");
  JdMetrics now = { 0 };
  JdNarrativeFigures figures = { &now, NULL, NULL };
  g_autofree char *paragraph = NULL;

  use_language ("en");
  paragraph = jd_narrative_reviews (&n, &figures);
  g_assert_cmpstr (paragraph, ==, "This quarter, A &amp; &lt;B&gt; reviewed no case file.");
  g_assert_true (pango_parse_markup (paragraph, -1, 0, NULL, NULL, NULL, NULL));
}

static JdWarning *
warning_new (JdWarningRule  rule,
             const char    *agency)
{
  JdWarning *warning = g_new0 (JdWarning, 1);

  warning->rule = rule;
  warning->agency_name = g_strdup (agency);
  return warning;
}

/* 存在的问题 and 建议 from the warnings: agencies named, at most three */
static void
test_problems (void)
{
  JdNarrative n = narrative ("2026Q3", 202612, NULL);
  g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_warning_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_warning_free);
  g_autofree char *problems = NULL;
  g_autofree char *no_problems = NULL;
  g_autofree char *suggestions = NULL;
  g_autofree char *count = NULL;

  if (!use_language ("zh_CN"))
    return;

  no_problems = jd_narrative_problems (&n, none);
  g_assert_cmpstr (no_problems, ==, "本期各项指标均未触发预警，数据未反映出突出问题。");

  g_ptr_array_add (warnings, warning_new (JD_WARNING_LOSS_RATE, "甲局"));
  g_ptr_array_add (warnings, warning_new (JD_WARNING_LOSS_RATE, "乙局"));
  g_ptr_array_add (warnings, warning_new (JD_WARNING_LOSS_RATE, "丙局"));
  g_ptr_array_add (warnings, warning_new (JD_WARNING_LOSS_RATE, "丁局"));
  g_ptr_array_add (warnings, warning_new (JD_WARNING_MAJOR_WITHOUT_REVIEW, "甲局"));
  g_ptr_array_add (warnings, warning_new (JD_WARNING_MAJOR_WITHOUT_REVIEW, "甲局"));
  problems = jd_narrative_problems (&n, warnings);
  g_assert_cmpstr (problems, ==,
                   "甲局、乙局、丙局等4个单位一审行政诉讼败诉率高于15.0%的控制线。"
                   "甲局存在重大执法决定未经法制审核的情况。");

  suggestions = jd_narrative_suggestions (&n, warnings);
  g_assert_cmpstr (suggestions, ==,
                   "深入剖析败诉案件成因，严格落实执法决定作出前的法制审核，切实降低一审败诉率。"
                   "严格落实重大执法决定法制审核制度，做到应审必审。"
                   "持续加强行政执法监督，不断提升严格规范公正文明执法水平。");

  count = jd_narrative_warnings (&n, warnings);
  g_assert_true (g_str_has_prefix (count, "本季度，共触发预警6条，其中"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  compile_catalogue ();

  g_test_add_func ("/narrative/trends", test_trends);
  g_test_add_func ("/narrative/counts", test_count_sentences);
  g_test_add_func ("/narrative/rates", test_rates);
  g_test_add_func ("/narrative/zero-denominators", test_zero_denominators);
  g_test_add_func ("/narrative/money", test_money);
  g_test_add_func ("/narrative/when-and-scope", test_when_and_scope);
  g_test_add_func ("/narrative/markup-escaped", test_markup_escaped);
  g_test_add_func ("/narrative/problems", test_problems);

  status = g_test_run ();
  remove_catalogue ();
  return status;
}

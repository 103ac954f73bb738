/* test-format.c — numbers as readers expect them
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "jd-format.h"
#include "jd-format-private.h"

#define MINUS "\342\210\222"

static void
test_count (void)
{
  static const struct {
    gint64 value;
    const char *text;
  } cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 999, "999" },
    { 1000, "1,000" },
    { 9999, "9,999" },
    { 10000, "10,000" },
    { 12345, "12,345" },
    { 123456, "123,456" },
    { 12345678, "12,345,678" },
    { -1, MINUS "1" },
    { -999, MINUS "999" },
    { -1234567, MINUS "1,234,567" },
    { G_MAXINT64, "9,223,372,036,854,775,807" },
    { G_MININT64, MINUS "9,223,372,036,854,775,808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = jd_format_count (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_rate (void)
{
  static const struct {
    double fraction;
    const char *text;
  } cases[] = {
    { 0, "0.0%" },
    { 1, "100.0%" },
    { 0.083, "8.3%" },
    { 0.0834999, "8.3%" },
    { 0.0835, "8.4%" },
    /* half away from zero, on the decimal a reader would type */
    { 0.0005, "0.1%" },
    { 0.00049999, "0.0%" },
    { 0.0045, "0.5%" },
    { 0.285, "28.5%" },
    { 0.28549999999, "28.5%" },
    { 0.2855, "28.6%" },
    { 0.9995, "100.0%" },
    { 0.99949, "99.9%" },
    { -0.0005, MINUS "0.1%" },
    { -0.0004, "0.0%" },
    { 12.345, "1,234.5%" },
    { 1e-300, "0.0%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = jd_format_rate (cases[i].fraction);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* Computed, not typed: the double is a hair below the half */
  {
    g_autofree char *a = jd_format_rate (9.0 / 2000.0);
    g_autofree char *b = jd_format_rate (57.0 / 200.0);
    g_autofree char *c = jd_format_rate (1.0 / 3.0);
    g_autofree char *d = jd_format_rate (2.0 / 3.0);
    g_autofree char *e = jd_format_rate (1.0 / 2000.0);

    g_assert_cmpstr (a, ==, "0.5%");
    g_assert_cmpstr (b, ==, "28.5%");
    g_assert_cmpstr (c, ==, "33.3%");
    g_assert_cmpstr (d, ==, "66.7%");
    g_assert_cmpstr (e, ==, "0.1%");
  }

  {
    g_autofree char *nan_text = jd_format_rate (NAN);
    g_autofree char *inf_text = jd_format_rate (INFINITY);

    g_assert_cmpstr (nan_text, ==, "—");
    g_assert_cmpstr (inf_text, ==, "—");
  }
}

static void
test_change (void)
{
  static const struct {
    double fraction;
    const char *text;
  } cases[] = {
    { 0.125, "+12.5%" },
    { -0.03, MINUS "3.0%" },
    { 0, "0.0%" },
    { -0.0, "0.0%" },
    { 0.0004, "0.0%" },
    { -0.0004, "0.0%" },
    /* the KPI card shows an arrow from 0.0005 on: the text agrees */
    { 0.0005, "+0.1%" },
    { -0.0005, MINUS "0.1%" },
    { 1.0, "+100.0%" },
    { -1.0, MINUS "100.0%" },
    { 25.0, "+2,500.0%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = jd_format_change (cases[i].fraction);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *nan_text = jd_format_change (NAN);
    g_autofree char *inf_text = jd_format_change (INFINITY);
    g_autofree char *minf_text = jd_format_change (-INFINITY);

    g_assert_cmpstr (nan_text, ==, "—");
    g_assert_cmpstr (inf_text, ==, "—");
    g_assert_cmpstr (minf_text, ==, "—");
  }
}

/* Rate differences in percentage points round as rates do. */
static void
test_points (void)
{
  static const struct {
    double delta;
    const char *text;
  } cases[] = {
    { 0.012, "+1.2 pp" },
    { -0.021, "−2.1 pp" },
    { 0.0, "0.0 pp" },
    { 0.0005, "+0.1 pp" },      /* half away from zero */
    { -0.0005, "−0.1 pp" },
    { 0.00049, "0.0 pp" },
    { 0.15 - 0.06, "+9.0 pp" }, /* 0.09 in binary is 0.0899999…: still 9.0 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = jd_format_points (cases[i].delta);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *nan_text = jd_format_points (NAN);

    g_assert_cmpstr (nan_text, ==, "—");
  }
}

typedef struct {
  double value;
  const char *western;
  const char *simplified;
  const char *traditional;
} CompactCase;

static void
test_compact (void)
{
  static const CompactCase cases[] = {
    { 0, "0", "0", "0" },
    { 7, "7", "7", "7" },
    { 2.5, "2.5", "2.5", "2.5" },
    { 0.25, "0.3", "0.3", "0.3" },
    { 0.04, "0", "0", "0" },
    { 999, "999", "999", "999" },
    { 1000, "1,000", "1,000", "1,000" },
    { 1234.56, "1,234.6", "1,234.6", "1,234.6" },
    { 9999, "9,999", "9,999", "9,999" },
    /* rounding carries into the next unit */
    { 9999.96, "10K", "1万", "1萬" },
    { 10000, "10K", "1万", "1萬" },
    { 12345, "12.3K", "1.2万", "1.2萬" },
    { 15000, "15K", "1.5万", "1.5萬" },
    { 999949, "999.9K", "100万", "100萬" },
    { 999449, "999.4K", "99.9万", "99.9萬" },
    { 999950, "1M", "100万", "100萬" },
    { 12345678, "12.3M", "1,234.6万", "1,234.6萬" },
    { 99994999, "100M", "9,999.5万", "9,999.5萬" },
    { 99999999, "100M", "1亿", "1億" },
    { 340000000, "340M", "3.4亿", "3.4億" },
    { 3.4e9, "3.4B", "34亿", "34億" },
    { 1.5e12, "1.5T", "1.5万亿", "1.5萬億" },
    { 1.5e16, "15,000T", "15,000万亿", "15,000萬億" },
    { -12345, MINUS "12.3K", MINUS "1.2万", MINUS "1.2萬" },
    { -0.04, "0", "0", "0" },
    { NAN, "—", "—", "—" },
    { INFINITY, "—", "—", "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *western = _jd_format_compact_full (JD_NUMBER_STYLE_WESTERN, cases[i].value, 1);
      g_autofree char *simplified = _jd_format_compact_full (JD_NUMBER_STYLE_SIMPLIFIED, cases[i].value, 1);
      g_autofree char *traditional = _jd_format_compact_full (JD_NUMBER_STYLE_TRADITIONAL, cases[i].value, 1);

      g_assert_cmpstr (western, ==, cases[i].western);
      g_assert_cmpstr (simplified, ==, cases[i].simplified);
      g_assert_cmpstr (traditional, ==, cases[i].traditional);
    }

  /* Axis labels ask for more places: nothing is rounded away */
  {
    g_autofree char *a = _jd_format_compact_full (JD_NUMBER_STYLE_SIMPLIFIED, 12500, 3);
    g_autofree char *b = _jd_format_compact_full (JD_NUMBER_STYLE_WESTERN, 12500, 3);
    g_autofree char *c = _jd_format_compact_full (JD_NUMBER_STYLE_SIMPLIFIED, 0.30000000000000004, 13);

    g_assert_cmpstr (a, ==, "1.25万");
    g_assert_cmpstr (b, ==, "12.5K");
    g_assert_cmpstr (c, ==, "0.3");
  }
}

typedef struct {
  gint64 fen;
  const char *exact;
  const char *compact;
  const char *western_exact;
  const char *western_compact;
} YuanCase;

static void
test_yuan (void)
{
  static const YuanCase cases[] = {
    { 0, "0.00元", "0.00元", "¥0.00", "¥0.00" },
    { 1, "0.01元", "0.01元", "¥0.01", "¥0.01" },
    { 123450, "1,234.50元", "1,234.50元", "¥1,234.50", "¥1,234.50" },
    { 999999, "9,999.99元", "9,999.99元", "¥9,999.99", "¥9,999.99" },
    { 1000000, "10,000.00元", "1万元", "¥10,000.00", "¥10K" },
    { 12345678, "123,456.78元", "12.3万元", "¥123,456.78", "¥123.5K" },
    { 123456789, "1,234,567.89元", "123.5万元", "¥1,234,567.89", "¥1.2M" },
    { 99999999, "999,999.99元", "100万元", "¥999,999.99", "¥1M" },
    { G_GINT64_CONSTANT (12000000000), "120,000,000.00元", "1.2亿元", "¥120,000,000.00", "¥120M" },
    /* 999.995亿 rounds up into the next thousand 亿 */
    { G_GINT64_CONSTANT (9999950000000), "99,999,500,000.00元", "1,000亿元", "¥99,999,500,000.00", "¥100B" },
    { -5, MINUS "0.05元", MINUS "0.05元", MINUS "¥0.05", MINUS "¥0.05" },
    { -12345678, MINUS "123,456.78元", MINUS "12.3万元", MINUS "¥123,456.78", MINUS "¥123.5K" },
    { G_MAXINT64, "92,233,720,368,547,758.07元", "92,233.7万亿元",
      "¥92,233,720,368,547,758.07", "¥92,233.7T" },
    { G_MININT64, MINUS "92,233,720,368,547,758.08元", MINUS "92,233.7万亿元",
      MINUS "¥92,233,720,368,547,758.08", MINUS "¥92,233.7T" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *exact = _jd_format_yuan_full (JD_NUMBER_STYLE_SIMPLIFIED, cases[i].fen, FALSE);
      g_autofree char *compact = _jd_format_yuan_full (JD_NUMBER_STYLE_SIMPLIFIED, cases[i].fen, TRUE);
      g_autofree char *western_exact = _jd_format_yuan_full (JD_NUMBER_STYLE_WESTERN, cases[i].fen, FALSE);
      g_autofree char *western_compact = _jd_format_yuan_full (JD_NUMBER_STYLE_WESTERN, cases[i].fen, TRUE);

      g_assert_cmpstr (exact, ==, cases[i].exact);
      g_assert_cmpstr (compact, ==, cases[i].compact);
      g_assert_cmpstr (western_exact, ==, cases[i].western_exact);
      g_assert_cmpstr (western_compact, ==, cases[i].western_compact);
    }

  {
    g_autofree char *traditional = _jd_format_yuan_full (JD_NUMBER_STYLE_TRADITIONAL, 12345678, TRUE);

    g_assert_cmpstr (traditional, ==, "12.3萬元");
  }
}

static void
test_decimal (void)
{
  static const struct {
    double value;
    int decimals;
    gboolean strip;
    const char *text;
  } cases[] = {
    { 2.5, 0, FALSE, "3" },
    { -2.5, 0, FALSE, MINUS "3" },
    { 1.005, 2, FALSE, "1.01" },
    { 1.5, 2, FALSE, "1.50" },
    { 1.5, 2, TRUE, "1.5" },
    { 1234567.891, 2, TRUE, "1,234,567.89" },
    { 0.000001, 2, FALSE, "0.00" },
    { 999.999, 2, FALSE, "1,000.00" },
    { 1e20, 0, FALSE, "100,000,000,000,000,000,000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _jd_format_decimal (cases[i].value, cases[i].decimals, cases[i].strip);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_style_for_language (void)
{
  static const struct {
    const char *language;
    JdNumberStyle style;
  } cases[] = {
    { "zh_CN.UTF-8", JD_NUMBER_STYLE_SIMPLIFIED },
    { "zh_CN", JD_NUMBER_STYLE_SIMPLIFIED },
    { "zh_SG", JD_NUMBER_STYLE_SIMPLIFIED },
    { "zh", JD_NUMBER_STYLE_SIMPLIFIED },
    { "zh_TW.UTF-8", JD_NUMBER_STYLE_TRADITIONAL },
    { "zh_HK", JD_NUMBER_STYLE_TRADITIONAL },
    { "zh_MO", JD_NUMBER_STYLE_TRADITIONAL },
    { "en_US.UTF-8", JD_NUMBER_STYLE_WESTERN },
    { "C.UTF-8", JD_NUMBER_STYLE_WESTERN },
    { "C", JD_NUMBER_STYLE_WESTERN },
    { "zha", JD_NUMBER_STYLE_WESTERN },
    { NULL, JD_NUMBER_STYLE_WESTERN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (_jd_number_style_for_language (cases[i].language), ==, cases[i].style);
}

/* The public functions follow the UI language, as LANGUAGE sets it */
static void
test_language (void)
{
  static const struct {
    const char *language;
    const char *compact;
    const char *yuan;
  } cases[] = {
    { "zh_CN", "1.2万", "12.3万元" },
    { "zh_TW", "1.2萬", "12.3萬元" },
    { "en_US", "12.3K", "¥123.5K" },
    { "zh_CN:en_US", "1.2万", "12.3万元" },
  };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *compact = NULL;
      g_autofree char *yuan = NULL;
      g_autofree char *rate = NULL;

      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      compact = jd_format_compact (12345);
      yuan = jd_format_yuan (12345678);
      rate = jd_format_rate (0.083);
      g_assert_cmpstr (compact, ==, cases[i].compact);
      g_assert_cmpstr (yuan, ==, cases[i].yuan);
      /* rates read the same in every language */
      g_assert_cmpstr (rate, ==, "8.3%");
    }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  /* the test environment runs in C.UTF-8 */
  if (g_getenv ("LANGUAGE") == NULL && g_strcmp0 (g_getenv ("LC_ALL"), "C.UTF-8") == 0)
    {
      g_autofree char *compact = jd_format_compact (12345);
      g_autofree char *exact = jd_format_yuan_exact (123456789);

      g_assert_cmpstr (compact, ==, "12.3K");
      g_assert_cmpstr (exact, ==, "¥1,234,567.89");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/points", test_points);
  g_test_add_func ("/format/count", test_count);
  g_test_add_func ("/format/rate", test_rate);
  g_test_add_func ("/format/change", test_change);
  g_test_add_func ("/format/compact", test_compact);
  g_test_add_func ("/format/yuan", test_yuan);
  g_test_add_func ("/format/decimal", test_decimal);
  g_test_add_func ("/format/style-for-language", test_style_for_language);
  g_test_add_func ("/format/language", test_language);

  return g_test_run ();
}

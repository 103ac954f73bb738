/* test-period.c — periods and month keys
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jd-period.h"

static void
test_parse (void)
{
  static const struct {
    const char *text;
    JdPeriodKind kind;
    int year;
    int index;
    const char *canonical;
  } good[] = {
    { "2024-07", JD_PERIOD_MONTH, 2024, 7, "2024-07" },
    { "2024-7", JD_PERIOD_MONTH, 2024, 7, "2024-07" },
    { "2024Q3", JD_PERIOD_QUARTER, 2024, 3, "2024Q3" },
    { "2024q1", JD_PERIOD_QUARTER, 2024, 1, "2024Q1" },
    { "2024", JD_PERIOD_YEAR, 2024, 0, "2024" },
    { "2026-01..2026-10", JD_PERIOD_RANGE, 2026, 1, "2026-01..2026-10" },
    { "2025-11..2026-2", JD_PERIOD_RANGE, 2025, 11, "2025-11..2026-02" },
    { "2024-07..2024-07", JD_PERIOD_RANGE, 2024, 7, "2024-07..2024-07" },
    /* Either end may be a quarter or a year: it stands for its months. */
    { "2024Q2..2024Q3", JD_PERIOD_RANGE, 2024, 4, "2024-04..2024-09" },
    { "2024..2025-03", JD_PERIOD_RANGE, 2024, 1, "2024-01..2025-03" },
  };
  static const char * const bad[] = {
    "", "2024-13", "2024-00", "2024Q5", "2024Q0", "24-07", "2024-07-01", "abc", "2024Q", "-07",
    "2026-10..2026-01", "2026-01..", "..2026-10", "2026-01..2026-13", "2026-01...2026-03",
    "2026-01..2026-02..2026-03", "..", "2026Q4..2026-09",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      JdPeriod period;

      g_assert_true (jd_period_parse (good[i].text, &period, &error));
      g_assert_no_error (error);
      g_assert_cmpint (period.kind, ==, good[i].kind);
      g_assert_cmpint (period.year, ==, good[i].year);
      g_assert_cmpint (period.index, ==, good[i].index);
      text = jd_period_to_string (&period);
      g_assert_cmpstr (text, ==, good[i].canonical);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      JdPeriod period;

      g_assert_false (jd_period_parse (bad[i], &period, &error));
      g_assert_error (error, JD_PERIOD_ERROR, JD_PERIOD_ERROR_INVALID);
    }
}

static void
test_bounds (void)
{
  JdPeriod period;
  g_autofree char *q_first = NULL;
  g_autofree char *q_last = NULL;
  g_autofree char *feb_last = NULL;
  g_autofree char *feb_last_common = NULL;

  g_assert_true (jd_period_parse ("2024Q4", &period, NULL));
  g_assert_cmpint (jd_period_first_month (&period), ==, 202410);
  g_assert_cmpint (jd_period_last_month (&period), ==, 202412);
  q_first = jd_period_first_day (&period);
  q_last = jd_period_last_day (&period);
  g_assert_cmpstr (q_first, ==, "2024-10-01");
  g_assert_cmpstr (q_last, ==, "2024-12-31");

  g_assert_true (jd_period_parse ("2024-02", &period, NULL));
  feb_last = jd_period_last_day (&period);
  g_assert_cmpstr (feb_last, ==, "2024-02-29");
  g_assert_true (jd_period_parse ("2023-02", &period, NULL));
  feb_last_common = jd_period_last_day (&period);
  g_assert_cmpstr (feb_last_common, ==, "2023-02-28");

  g_assert_true (jd_period_parse ("2024", &period, NULL));
  g_assert_cmpint (jd_period_first_month (&period), ==, 202401);
  g_assert_cmpint (jd_period_last_month (&period), ==, 202412);
  g_assert_cmpint (jd_period_n_months (&period), ==, 12);

  {
    g_autofree char *first = NULL;
    g_autofree char *last = NULL;

    g_assert_true (jd_period_parse ("2023-11..2024-02", &period, NULL));
    g_assert_cmpint (jd_period_first_month (&period), ==, 202311);
    g_assert_cmpint (jd_period_last_month (&period), ==, 202402);
    g_assert_cmpint (jd_period_n_months (&period), ==, 4);
    first = jd_period_first_day (&period);
    last = jd_period_last_day (&period);
    g_assert_cmpstr (first, ==, "2023-11-01");
    g_assert_cmpstr (last, ==, "2024-02-29");
  }
}

static void
test_navigation (void)
{
  static const struct {
    const char *from;
    const char *previous;
    const char *next;
    const char *year_earlier;
  } cases[] = {
    { "2024-01", "2023-12", "2024-02", "2023-01" },
    { "2024-12", "2024-11", "2025-01", "2023-12" },
    { "2024Q1", "2023Q4", "2024Q2", "2023Q1" },
    { "2024Q4", "2024Q3", "2025Q1", "2023Q4" },
    { "2024", "2023", "2025", "2023" },
    /* A range: as many months just before (环比) and after, and the same
     * months a year earlier (同比). */
    { "2026-01..2026-10", "2025-03..2025-12", "2026-11..2027-08", "2025-01..2025-10" },
    { "2025-11..2026-02", "2025-07..2025-10", "2026-03..2026-06", "2024-11..2025-02" },
    { "2024-07..2024-07", "2024-06..2024-06", "2024-08..2024-08", "2023-07..2023-07" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JdPeriod period, other;
      g_autofree char *previous = NULL;
      g_autofree char *next = NULL;
      g_autofree char *year_earlier = NULL;

      g_assert_true (jd_period_parse (cases[i].from, &period, NULL));
      other = jd_period_previous (&period);
      previous = jd_period_to_string (&other);
      other = jd_period_next (&period);
      next = jd_period_to_string (&other);
      other = jd_period_year_earlier (&period);
      year_earlier = jd_period_to_string (&other);

      g_assert_cmpstr (previous, ==, cases[i].previous);
      g_assert_cmpstr (next, ==, cases[i].next);
      g_assert_cmpstr (year_earlier, ==, cases[i].year_earlier);
    }
}

static void
test_months (void)
{
  JdPeriod period;

  g_assert_cmpint (jd_month_add (202412, 1), ==, 202501);
  g_assert_cmpint (jd_month_add (202401, -1), ==, 202312);
  g_assert_cmpint (jd_month_add (202410, -23), ==, 202211);
  g_assert_cmpint (jd_month_add (202406, 0), ==, 202406);
  g_assert_cmpint (jd_month_diff (202501, 202412), ==, 1);
  g_assert_cmpint (jd_month_diff (202410, 202211), ==, 23);
  g_assert_true (jd_month_is_valid (202412));
  g_assert_false (jd_month_is_valid (202413));
  g_assert_false (jd_month_is_valid (202400));

  /* Adding and subtracting agree with each other over a long range. */
  for (int n = -200; n <= 200; n++)
    g_assert_cmpint (jd_month_diff (jd_month_add (202406, n), 202406), ==, n);

  period = jd_period_containing (JD_PERIOD_QUARTER, 202408);
  g_assert_cmpint (period.index, ==, 3);
  period = jd_period_containing (JD_PERIOD_QUARTER, 202412);
  g_assert_cmpint (period.index, ==, 4);
  period = jd_period_containing (JD_PERIOD_YEAR, 202412);
  g_assert_cmpint (period.year, ==, 2024);
}

static char *
period_text (const JdPeriod *period)
{
  return jd_period_to_string (period);
}

static void
test_ranges (void)
{
  static const struct {
    int first;
    int last;
    const char *name;
  } simplest[] = {
    { 202607, 202607, "2026-07" },
    { 202610, 202612, "2026Q4" },
    { 202501, 202512, "2025" },
    { 202611, 202612, "2026-11..2026-12" },
    { 202602, 202604, "2026-02..2026-04" },     /* three months, not a quarter */
    { 202507, 202606, "2025-07..2026-06" },     /* twelve months, not a year */
  };
  JdPeriod period;

  /* The year to date that ends with a month: 累计. */
  period = jd_period_containing (JD_PERIOD_RANGE, 202610);
  {
    g_autofree char *text = period_text (&period);

    g_assert_cmpstr (text, ==, "2026-01..2026-10");
  }
  g_assert_true (jd_period_is_year_to_date (&period));
  period = jd_period_containing (JD_PERIOD_RANGE, 202601);
  g_assert_true (jd_period_is_year_to_date (&period));
  g_assert_cmpint (jd_period_n_months (&period), ==, 1);
  g_assert_true (jd_period_parse ("2025-11..2026-02", &period, NULL));
  g_assert_false (jd_period_is_year_to_date (&period));
  g_assert_true (jd_period_parse ("2026-10", &period, NULL));
  g_assert_false (jd_period_is_year_to_date (&period));

  for (guint i = 0; i < G_N_ELEMENTS (simplest); i++)
    {
      g_autofree char *text = NULL;

      period = jd_period_from_months (simplest[i].first, simplest[i].last);
      text = period_text (&period);
      g_assert_cmpstr (text, ==, simplest[i].name);
      g_assert_cmpint (jd_period_first_month (&period), ==, simplest[i].first);
      g_assert_cmpint (jd_period_last_month (&period), ==, simplest[i].last);
    }

  /* A range is not the quarter of the same months: the user's name stays. */
  {
    JdPeriod quarter;

    g_assert_true (jd_period_parse ("2026-10..2026-12", &period, NULL));
    g_assert_true (jd_period_parse ("2026Q4", &quarter, NULL));
    g_assert_false (jd_period_equal (&period, &quarter));
  }
}

/* Labels in the source language (the tests run in C.UTF-8). */
static void
test_format (void)
{
  static const struct {
    const char *period;
    const char *label;
  } cases[] = {
    { "2024-07", "July 2024" },
    { "2024Q3", "Q3 2024" },
    { "2024", "2024" },
    { "2026-01..2026-10", "January–October 2026" },
    { "2025-11..2026-02", "November 2025 – February 2026" },
    { "2024-07..2024-07", "July 2024" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = NULL;
      JdPeriod period;

      g_assert_true (jd_period_parse (cases[i].period, &period, NULL));
      label = jd_period_format (&period);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

/* DESIGN.md's "Partial periods", worked out by hand for each case. */
static void
test_cover (void)
{
  static const struct {
    const char *period;
    int data_end;
    JdCoverage coverage;
    const char *covered;
    const char *previous;
    const char *year_earlier;
    const char *label;
  } cases[] = {
    /* The data end with the quarter's first month: that month, against
     * the first month of the quarter before and October a year earlier. */
    { "2026Q4", 202610, JD_COVERAGE_PARTIAL, "2026-10", "2026-07", "2025-10", "Q4 2026 (through October)" },
    { "2026Q4", 202611, JD_COVERAGE_PARTIAL, "2026-10..2026-11", "2026-07..2026-08", "2025-10..2025-11",
      "Q4 2026 (through November)" },
    { "2026Q4", 202612, JD_COVERAGE_COMPLETE, "2026Q4", "2026Q3", "2025Q4", "Q4 2026" },
    { "2026Q4", 202703, JD_COVERAGE_COMPLETE, "2026Q4", "2026Q3", "2025Q4", "Q4 2026" },
    { "2026", 202610, JD_COVERAGE_PARTIAL, "2026-01..2026-10", "2025-01..2025-10", "2025-01..2025-10",
      "2026 (through October)" },
    { "2026-10", 202610, JD_COVERAGE_COMPLETE, "2026-10", "2026-09", "2025-10", "October 2026" },
    { "2026-01..2026-10", 202610, JD_COVERAGE_COMPLETE, "2026-01..2026-10", "2025-03..2025-12",
      "2025-01..2025-10", "January–October 2026" },
    /* A year to date past the data: its months up to them, against the
     * same months of the twelve before. */
    { "2026-01..2026-12", 202603, JD_COVERAGE_PARTIAL, "2026Q1", "2025Q1", "2025Q1",
      "January–December 2026 (through March)" },
    { "2025-11..2026-02", 202512, JD_COVERAGE_PARTIAL, "2025-11..2025-12", "2025-07..2025-08", "2024-11..2024-12",
      "November 2025 – February 2026 (through December 2025)" },
    /* Wholly after the data, or no data at all: nothing to compare. */
    { "2027-01", 202610, JD_COVERAGE_NONE, "2027-01", "2026-12", "2026-01", "January 2027 (no data yet)" },
    { "2026-10", 0, JD_COVERAGE_NONE, "2026-10", "2026-09", "2025-10", "October 2026 (no data yet)" },
    /* Before the data begin is not partial: those months are known empty. */
    { "2019Q1", 202610, JD_COVERAGE_COMPLETE, "2019Q1", "2018Q4", "2018Q1", "Q1 2019" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *covered_text = NULL;
      g_autofree char *previous_text = NULL;
      g_autofree char *year_earlier_text = NULL;
      g_autofree char *label = NULL;
      JdPeriod period, covered, previous, year_earlier;

      g_test_message ("%s with data to %d", cases[i].period, cases[i].data_end);
      g_assert_true (jd_period_parse (cases[i].period, &period, NULL));
      g_assert_cmpint (jd_period_cover (&period, cases[i].data_end, &covered, &previous, &year_earlier),
                       ==, cases[i].coverage);
      covered_text = period_text (&covered);
      previous_text = period_text (&previous);
      year_earlier_text = period_text (&year_earlier);
      g_assert_cmpstr (covered_text, ==, cases[i].covered);
      g_assert_cmpstr (previous_text, ==, cases[i].previous);
      g_assert_cmpstr (year_earlier_text, ==, cases[i].year_earlier);

      /* A partial period's comparisons are as long as what it covers. */
      g_assert_cmpint (jd_period_n_months (&previous), ==, jd_period_n_months (&covered));
      g_assert_cmpint (jd_period_n_months (&year_earlier), ==, jd_period_n_months (&covered));

      label = jd_period_format_cover (&period, cases[i].data_end);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/parse", test_parse);
  g_test_add_func ("/period/bounds", test_bounds);
  g_test_add_func ("/period/navigation", test_navigation);
  g_test_add_func ("/period/months", test_months);
  g_test_add_func ("/period/ranges", test_ranges);
  g_test_add_func ("/period/format", test_format);
  g_test_add_func ("/period/cover", test_cover);

  return g_test_run ();
}

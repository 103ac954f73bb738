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
  };
  static const char * const bad[] = {
    "", "2024-13", "2024-00", "2024Q5", "2024Q0", "24-07", "2024-07-01", "abc", "2024Q", "-07",
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/parse", test_parse);
  g_test_add_func ("/period/bounds", test_bounds);
  g_test_add_func ("/period/navigation", test_navigation);
  g_test_add_func ("/period/months", test_months);

  return g_test_run ();
}

/* test-ui-page-lawsuits.c — 诉讼与复议 against the command line
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb: the page on a session over a demo database shows the
 * figures `jiandu-cli metrics --json` prints for the same period and
 * filter, and its loss-rate chart draws the control line of the setting.
 */

#include "config.h"

#include "jd-lawsuits-page.h"
#include "jd-test-figures.h"

static void
assert_page_matches_cli (JdLawsuitsPage *page,
                         const char     *period,
                         const char     *level)
{
  g_autoptr(JsonNode) root = jd_test_cli_metrics (period, level);
  JsonObject *lawsuits = jd_test_json_section (root, "lawsuits");
  JsonObject *reconsiderations = jd_test_json_section (root, "reconsiderations");

  jd_test_assert_count_shown (jd_lawsuits_page_get_figure (page, "first_instance_concluded"),
                              lawsuits, "first_instance_concluded");
  jd_test_assert_count_shown (jd_lawsuits_page_get_figure (page, "first_instance_lost"),
                              lawsuits, "first_instance_lost");
  jd_test_assert_rate_shown (jd_lawsuits_page_get_figure (page, "loss_rate"), lawsuits, "loss_rate");
  jd_test_assert_rate_shown (jd_lawsuits_page_get_figure (page, "withdrawal_rate"), lawsuits, "withdrawal_rate");
  jd_test_assert_rate_shown (jd_lawsuits_page_get_figure (page, "head_appearance_rate"),
                             lawsuits, "head_appearance_rate");
  jd_test_assert_count_shown (jd_lawsuits_page_get_figure (page, "decided"), reconsiderations, "decided");
  jd_test_assert_count_shown (jd_lawsuits_page_get_figure (page, "corrected"), reconsiderations, "corrected");
  jd_test_assert_rate_shown (jd_lawsuits_page_get_figure (page, "correction_rate"),
                             reconsiderations, "correction_rate");

  /* The outcome bars are the period's outcomes, in the JSON's order. */
  {
    JdChart *outcomes = jd_lawsuits_page_get_chart (page, "lawsuit-outcomes");
    JsonObject *by_outcome = json_object_get_object_member (lawsuits, "by_outcome");
    g_autoptr(GList) names = json_object_get_members (by_outcome);
    guint i = 0;

    g_assert_cmpuint (jd_chart_get_n_points (outcomes), ==, g_list_length (names));
    for (GList *l = names; l != NULL; l = l->next, i++)
      g_assert_cmpfloat (jd_chart_get_value (outcomes, 0, i), ==,
                         (double)json_object_get_int_member (by_outcome, l->data));
  }
}

/* A month's charts end with that month, as the command line has it. */
static void
assert_charts_end_with_month (JdLawsuitsPage *page,
                              const char     *month,
                              const char     *level)
{
  g_autoptr(JsonNode) root = jd_test_cli_metrics (month, level);
  JsonObject *lawsuits = jd_test_json_section (root, "lawsuits");
  JsonObject *reconsiderations = jd_test_json_section (root, "reconsiderations");

  jd_test_assert_last_month (jd_lawsuits_page_get_chart (page, "loss-rate"), 0,
                             jd_test_json_rate (lawsuits, "loss_rate"));
  jd_test_assert_last_month (jd_lawsuits_page_get_chart (page, "lawsuit-rates"), 0,
                             jd_test_json_rate (lawsuits, "withdrawal_rate"));
  jd_test_assert_last_month (jd_lawsuits_page_get_chart (page, "lawsuit-rates"), 1,
                             jd_test_json_rate (lawsuits, "head_appearance_rate"));
  jd_test_assert_last_month (jd_lawsuits_page_get_chart (page, "cases-and-loss-rate"), 0,
                             json_object_get_int_member (lawsuits, "first_instance_concluded"));
  jd_test_assert_last_month (jd_lawsuits_page_get_chart (page, "correction-rate"), 0,
                             jd_test_json_rate (reconsiderations, "correction_rate"));
}

static void
check_page (JdPage     *page,
            const char *period,
            const char *last,
            const char *level)
{
  assert_page_matches_cli (JD_LAWSUITS_PAGE (page), period, level);
  assert_charts_end_with_month (JD_LAWSUITS_PAGE (page), last, level);
}

static void
test_lawsuits_page (void)
{
  jd_test_page_walk (JD_TYPE_LAWSUITS_PAGE, FALSE, check_page);
}

/* The control line of the loss rate is the warnings' setting, not a
 * constant: changing the setting moves it. */
static void
test_control_line_follows_setting (void)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2026-09");
  JdLawsuitsPage *page = g_object_new (JD_TYPE_LAWSUITS_PAGE, "session", session, NULL);
  GtkWindow *window = jd_test_show_page (JD_PAGE (page));

  g_assert_cmpfloat (jd_chart_get_threshold (jd_lawsuits_page_get_chart (page, "loss-rate")), ==, 0.15);

  jd_test_cli_setting ("warn_loss_rate", "0.2");
  jd_session_data_changed (session, jd_test_demo.first_month, jd_test_demo.last_month);
  jd_test_wait_for_page (JD_PAGE (page));
  g_assert_cmpfloat (jd_chart_get_threshold (jd_lawsuits_page_get_chart (page, "loss-rate")), ==, 0.2);
  g_assert_cmpfloat (jd_chart_get_threshold (jd_lawsuits_page_get_chart (page, "cases-and-loss-rate")), ==, 0.2);

  jd_test_cli_setting ("warn_loss_rate", "0.15");
  gtk_window_destroy (window);
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/pages/lawsuits", test_lawsuits_page);
  g_test_add_func ("/ui/pages/lawsuits/control-line", test_control_line_follows_setting);
}

int
main (int    argc,
      char **argv)
{
  return jd_test_pages_main (&argc, &argv, add_tests);
}

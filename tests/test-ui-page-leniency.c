/* test-ui-page-leniency.c — 免罚清单 against the command line
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb: the page on a session over a demo database shows the
 * figures `jiandu-cli metrics --json` prints for the same period and
 * filter: the list's items in force, added and repealed, by kind, domain
 * and agency, and the cases it spared.
 */

#include "config.h"

#include "jd-leniency-page.h"
#include "jd-test-figures.h"

/* Bars of @chart, one a category, are the counts of the JSON object
 * @member, in its order. */
static void
assert_bars_match (JdChart    *chart,
                   JsonObject *object,
                   const char *member)
{
  JsonObject *counts = json_object_get_object_member (object, member);
  g_autoptr(GList) names = json_object_get_members (counts);
  guint i = 0;

  g_assert_nonnull (chart);
  g_assert_cmpuint (jd_chart_get_n_points (chart), ==, g_list_length (names));
  for (GList *l = names; l != NULL; l = l->next, i++)
    g_assert_cmpfloat (jd_chart_get_value (chart, 0, i), ==, (double)json_object_get_int_member (counts, l->data));
}

static void
assert_page_matches_cli (JdLeniencyPage *page,
                         const char     *period,
                         const char     *level)
{
  g_autoptr(JsonNode) root = jd_test_cli_metrics (period, level);
  JsonObject *leniency = jd_test_json_section (root, "leniency");
  JsonObject *by_kind = json_object_get_object_member (leniency, "cases_by_kind");
  g_autoptr(GList) kinds = json_object_get_members (by_kind);
  g_autofree char *exempted = jd_format_yuan (json_object_get_int_member (leniency, "exempted_fen"));

  jd_test_assert_count_shown (jd_leniency_page_get_figure (page, "items_in_force"), leniency, "items_in_force");
  jd_test_assert_count_shown (jd_leniency_page_get_figure (page, "items_added"), leniency, "items_added");
  jd_test_assert_count_shown (jd_leniency_page_get_figure (page, "items_repealed"), leniency, "items_repealed");
  jd_test_assert_count_shown (jd_leniency_page_get_figure (page, "cases"), leniency, "cases");
  for (GList *l = kinds; l != NULL; l = l->next)
    jd_test_assert_count_shown (jd_leniency_page_get_figure (page, l->data), by_kind, l->data);
  g_assert_cmpstr (jd_leniency_page_get_figure (page, "exempted"), ==, exempted);
  jd_test_assert_rate_shown (jd_leniency_page_get_figure (page, "share_of_penalty_cases"),
                             leniency, "share_of_penalty_cases");

  /* the donut of kinds, the bars by domain and by agency */
  assert_bars_match (jd_leniency_page_get_chart (page, "leniency-items-by-kind"), leniency, "items_by_kind");
  assert_bars_match (jd_leniency_page_get_chart (page, "leniency-items-by-domain"), leniency, "items_by_domain");
  assert_bars_match (jd_leniency_page_get_chart (page, "leniency-items-by-agency"), leniency, "items_by_agency");
}

/* A month's charts end with that month, as the command line has it. */
static void
assert_charts_end_with_month (JdLeniencyPage *page,
                              const char     *month,
                              const char     *level)
{
  g_autoptr(JsonNode) root = jd_test_cli_metrics (month, level);
  JsonObject *leniency = jd_test_json_section (root, "leniency");
  JsonObject *by_kind = json_object_get_object_member (leniency, "cases_by_kind");
  g_autoptr(GList) kinds = json_object_get_members (by_kind);
  guint s = 0;

  for (GList *l = kinds; l != NULL; l = l->next, s++)
    jd_test_assert_last_month (jd_leniency_page_get_chart (page, "leniency-cases-monthly"), s,
                               json_object_get_int_member (by_kind, l->data));
  jd_test_assert_last_month (jd_leniency_page_get_chart (page, "exempted-monthly"), 0,
                             json_object_get_int_member (leniency, "exempted_fen") / 100.0);
  jd_test_assert_last_month (jd_leniency_page_get_chart (page, "leniency-share"), 0,
                             jd_test_json_rate (leniency, "share_of_penalty_cases"));
}

static void
check_page (JdPage     *page,
            const char *period,
            const char *last,
            const char *level)
{
  assert_page_matches_cli (JD_LENIENCY_PAGE (page), period, level);
  assert_charts_end_with_month (JD_LENIENCY_PAGE (page), last, level);
}

static void
test_leniency_page (void)
{
  jd_test_page_walk (JD_TYPE_LENIENCY_PAGE, FALSE, check_page);
}

/* Items come and go: a year of the demo adds items and repeals some, and
 * the page counts them as the table has them. */
static void
test_items_added_and_repealed (void)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2025");
  JdLeniencyPage *page = g_object_new (JD_TYPE_LENIENCY_PAGE, "session", session, NULL);
  GtkWindow *window = jd_test_show_page (JD_PAGE (page));
  g_autoptr(JsonNode) root = jd_test_cli_metrics ("2025", NULL);
  JsonObject *leniency = jd_test_json_section (root, "leniency");

  g_assert_cmpint (json_object_get_int_member (leniency, "items_added"), >, 0);
  g_assert_cmpint (json_object_get_int_member (leniency, "items_repealed"), >, 0);
  assert_page_matches_cli (page, "2025", NULL);

  gtk_window_destroy (window);
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/pages/leniency", test_leniency_page);
  g_test_add_func ("/ui/pages/leniency/added-and-repealed", test_items_added_and_repealed);
}

int
main (int    argc,
      char **argv)
{
  return jd_test_pages_main (&argc, &argv, add_tests);
}

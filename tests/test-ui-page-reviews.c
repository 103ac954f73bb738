/* test-ui-page-reviews.c — 案卷评查 against the command line
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb: the page on a session over a demo database shows the
 * figures `jiandu-cli metrics --json` prints for the same period and
 * filter, ranks the agencies as `metrics --rank review_pass_rate` does,
 * and a bar opens its agency.
 */

#include "config.h"

#include "jd-chart-view.h"
#include "jd-reviews-page.h"
#include "jd-test-figures.h"

static void
assert_page_matches_cli (JdReviewsPage *page,
                         const char    *period,
                         const char    *level)
{
  g_autoptr(JsonNode) root = jd_test_cli_metrics (period, level);
  JsonObject *reviews = jd_test_json_section (root, "reviews");
  JsonObject *by_grade = json_object_get_object_member (reviews, "by_grade");
  g_autoptr(GList) grades = json_object_get_members (by_grade);
  double mean = jd_test_json_rate (reviews, "mean_score");
  g_autofree char *mean_text = isnan (mean) ? g_strdup ("—") : g_strdup_printf ("%.1f", mean);
  guint g = 0;

  jd_test_assert_count_shown (jd_reviews_page_get_figure (page, "reviewed"), reviews, "reviewed");
  jd_test_assert_rate_shown (jd_reviews_page_get_figure (page, "pass_rate"), reviews, "pass_rate");
  g_assert_cmpstr (jd_reviews_page_get_figure (page, "mean_score"), ==, mean_text);
  for (GList *l = grades; l != NULL; l = l->next, g++)
    {
      jd_test_assert_count_shown (jd_reviews_page_get_figure (page, l->data), by_grade, l->data);
      g_assert_cmpfloat (jd_chart_get_value (jd_reviews_page_get_chart (page, "review-grades"), 0, g), ==,
                         (double)json_object_get_int_member (by_grade, l->data));
    }
}

/* The by-agency bars are the command line's ranking, best first. */
static void
assert_ranking_matches_cli (JdReviewsPage *page,
                            const char    *period,
                            const char    *level)
{
  const char *options[] = { "--period", period, "--rank", "review_pass_rate", "--top", "0",
                            level != NULL ? "--level" : NULL, level, NULL };
  g_autoptr(JsonNode) root = jd_test_cli_json (options);
  JsonArray *rows = json_object_get_array_member (json_node_get_object (root), "rows");
  JsonArray *left_out = json_object_get_array_member (json_node_get_object (root), "left_out");
  JdRanking *ranking = jd_reviews_page_get_ranking (page);
  JdChart *bars = jd_reviews_page_get_chart (page, "review-agencies");

  g_assert_nonnull (ranking);
  g_assert_cmpuint (ranking->rows->len, ==, json_array_get_length (rows));
  g_assert_cmpuint (ranking->left_out->len, ==, json_array_get_length (left_out));
  g_assert_cmpuint (jd_chart_get_n_points (bars), ==, ranking->rows->len);
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const JdRankRow *row = g_ptr_array_index (ranking->rows, i);
      JsonObject *cli = json_array_get_object_element (rows, i);

      g_assert_cmpstr (row->code, ==, json_object_get_string_member (cli, "agency"));
      g_assert_cmpfloat_with_epsilon (jd_chart_get_value (bars, 0, i),
                                      json_object_get_double_member (cli, "value"), 1e-9);
    }
}

/* The charts over time, a point a quarter, end with the quarter that holds
 * the period's end. */
static void
assert_charts_end_with_quarter (JdReviewsPage *page,
                                const char    *quarter,
                                const char    *level)
{
  g_autoptr(JsonNode) root = jd_test_cli_metrics (quarter, level);
  JsonObject *reviews = jd_test_json_section (root, "reviews");

  jd_test_assert_last_month (jd_reviews_page_get_chart (page, "review-pass-rate"), 0,
                             jd_test_json_rate (reviews, "pass_rate"));
  jd_test_assert_last_month (jd_reviews_page_get_chart (page, "review-score"), 0,
                             jd_test_json_rate (reviews, "mean_score"));
  jd_test_assert_last_month (jd_reviews_page_get_chart (page, "review-grades-monthly"), 0,
                             json_object_get_int_member (json_object_get_object_member (reviews, "by_grade"),
                                                         "excellent"));
}

static void
on_open_agency_cb (JdPage     *page,
                   const char *code,
                   char      **opened)
{
  g_free (*opened);
  *opened = g_strdup (code);
}

static void
check_page (JdPage     *page,
            const char *period,
            const char *last,
            const char *level)
{
  assert_page_matches_cli (JD_REVIEWS_PAGE (page), period, level);
  assert_ranking_matches_cli (JD_REVIEWS_PAGE (page), period, level);
  assert_charts_end_with_quarter (JD_REVIEWS_PAGE (page), last, level);
}

static void
test_reviews_page (void)
{
  jd_test_page_walk (JD_TYPE_REVIEWS_PAGE, TRUE, check_page);
}

/* The minimum-denominator rule is the setting's; a bar opens its agency. */
static void
test_agency_bars (void)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2026Q2");
  JdReviewsPage *page = g_object_new (JD_TYPE_REVIEWS_PAGE, "session", session, NULL);
  GtkWindow *window = jd_test_show_page (JD_PAGE (page));
  GObject *bars = gtk_widget_get_template_child (GTK_WIDGET (page), JD_TYPE_REVIEWS_PAGE, "review_agencies_chart");
  g_autofree char *opened = NULL;
  guint ranked = jd_reviews_page_get_ranking (page)->rows->len;
  const JdRankRow *second;

  /* Fewer files behind a rate are enough: more agencies are ranked. */
  jd_test_cli_setting ("rank_min_total", "1");
  jd_session_data_changed (session, jd_test_demo.first_month, jd_test_demo.last_month);
  jd_test_wait_for_page (JD_PAGE (page));
  g_assert_cmpuint (jd_reviews_page_get_ranking (page)->rows->len, >, ranked);
  g_assert_cmpuint (jd_reviews_page_get_ranking (page)->rows->len, >=, 2);
  assert_ranking_matches_cli (page, "2026Q2", NULL);

  g_signal_connect (page, "open-agency", G_CALLBACK (on_open_agency_cb), &opened);
  g_signal_emit_by_name (bars, "point-activated", 0, 1);
  second = g_ptr_array_index (jd_reviews_page_get_ranking (page)->rows, 1);
  g_assert_cmpstr (opened, ==, second->code);

  jd_test_cli_setting ("rank_min_total", "5");
  gtk_window_destroy (window);
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/pages/reviews", test_reviews_page);
  g_test_add_func ("/ui/pages/reviews/agency-bars", test_agency_bars);
}

int
main (int    argc,
      char **argv)
{
  return jd_test_pages_main (&argc, &argv, add_tests);
}

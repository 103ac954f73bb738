/* jd-test-figures.h — a page's headline figures and charts against
 * `jiandu-cli metrics --json`, for the tests of the figure pages
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "jd-format.h"
#include "jd-kpi-card.h"
#include "jd-test-pages.h"

/* `jiandu-cli metrics --json --period PERIOD [--level LEVEL]` */
static inline JsonNode *
jd_test_cli_metrics (const char *period,
                     const char *level)
{
  const char *options[] = { "--period", period, level != NULL ? "--level" : NULL, level, NULL };

  return jd_test_cli_json (options);
}

static inline JsonObject *
jd_test_json_section (JsonNode   *root,
                      const char *section)
{
  return json_object_get_object_member (json_node_get_object (root), section);
}

/* A rate of the JSON, NaN for null */
static inline double
jd_test_json_rate (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

/* What the page shows for a count is the command line's count, written
 * the same way. */
static inline void
jd_test_assert_count_shown (const char *shown,
                            JsonObject *object,
                            const char *member)
{
  g_autofree char *expected = jd_format_count (json_object_get_int_member (object, member));

  g_assert_nonnull (shown);
  g_assert_cmpstr (shown, ==, expected);
}

static inline void
jd_test_assert_rate_shown (const char *shown,
                           JsonObject *object,
                           const char *member)
{
  g_autofree char *expected = jd_format_rate (jd_test_json_rate (object, member));

  g_assert_nonnull (shown);
  g_assert_cmpstr (shown, ==, expected);
}

/* A page's card of @kpi: jd_overview_page_get_card(), jd_agency_page_get_card() */
typedef JdKpiCard *(*JdTestCardFunc) (gpointer page,
                                      JdKpi    kpi);

/* The six KPI cards of @page say what `jiandu-cli metrics --json` (@root)
 * says, written as the app writes figures (jd_format_*). */
static inline void
jd_test_assert_cards_shown (JdTestCardFunc  card,
                            gpointer        page,
                            JsonNode       *root)
{
  jd_test_assert_count_shown (jd_kpi_card_get_value (card (page, JD_KPI_CASES_DECIDED)),
                              jd_test_json_section (root, "cases"), "decided");
  jd_test_assert_count_shown (jd_kpi_card_get_value (card (page, JD_KPI_COMPLAINTS_RECEIVED)),
                              jd_test_json_section (root, "complaints"), "received");
  jd_test_assert_count_shown (jd_kpi_card_get_value (card (page, JD_KPI_LENIENCY_CASES)),
                              jd_test_json_section (root, "leniency"), "cases");
  jd_test_assert_rate_shown (jd_kpi_card_get_value (card (page, JD_KPI_LOSS_RATE)),
                             jd_test_json_section (root, "lawsuits"), "loss_rate");
  jd_test_assert_rate_shown (jd_kpi_card_get_value (card (page, JD_KPI_CORRECTION_RATE)),
                             jd_test_json_section (root, "reconsiderations"), "correction_rate");
  jd_test_assert_rate_shown (jd_kpi_card_get_value (card (page, JD_KPI_REVIEW_PASS_RATE)),
                             jd_test_json_section (root, "reviews"), "pass_rate");
}

/* The last point of @series of a chart over time is @expected, the
 * command line's figure of the last month or quarter. */
static inline void
jd_test_assert_last_month (JdChart    *chart,
                           guint       series,
                           double      expected)
{
  double shown;

  g_assert_nonnull (chart);
  shown = jd_chart_get_value (chart, series, jd_chart_get_n_points (chart) - 1);
  if (isnan (expected))
    g_assert_true (isnan (shown));
  else
    g_assert_cmpfloat_with_epsilon (shown, expected, 1e-9);
}

/* Sets @period on the session and waits for @page to show it */
static inline void
jd_test_page_set_period (JdSession  *session,
                         JdPage     *page,
                         const char *text)
{
  JdPeriod period;

  g_assert_true (jd_period_parse (text, &period, NULL));
  jd_session_set_period (session, &period);
  jd_test_wait_for_page (page);
}

/* `jiandu-cli settings --db DEMO KEY VALUE` */
static inline void
jd_test_cli_setting (const char *key,
                     const char *value)
{
  const char *argv[] = { g_getenv ("JIANDU_CLI"), "settings", "--db", jd_test_demo.path, key, value, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

/* Checks what @page shows for @period (and @level, nullable); @last is
 * the period's last month, or its quarter for charts a point a quarter. */
typedef void (*JdTestPageCheck) (JdPage     *page,
                                 const char *period,
                                 const char *last,
                                 const char *level);

/* Puts a page of @type on a session over the demo and runs @check for
 * 2026-09, then for 2026Q2, then for 2026Q2 with the county filter chip,
 * as a user would switch them. */
static inline void
jd_test_page_walk (GType           type,
                   gboolean        by_quarter,
                   JdTestPageCheck check)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2026-09");
  JdPage *page = g_object_new (type, "session", session, NULL);
  GtkWindow *window = jd_test_show_page (page);

  check (page, "2026-09", by_quarter ? "2026Q3" : "2026-09", NULL);

  jd_test_page_set_period (session, page, "2026Q2");
  check (page, "2026Q2", by_quarter ? "2026Q2" : "2026-06", NULL);

  jd_session_set_filter_field (session, JD_DIMENSION_LEVEL, "county");
  jd_test_wait_for_page (page);
  check (page, "2026Q2", by_quarter ? "2026Q2" : "2026-06", "county");

  gtk_window_destroy (window);
}

/* main() of a page test: @add_tests adds them; the demo database is
 * built before and removed after. */
static inline int
jd_test_pages_main (int    *argc,
                    char ***argv,
                    void  (*add_tests) (void))
{
  int status;

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  jd_test_demo_setup ();

  add_tests ();
  status = g_test_run ();

  jd_test_demo_teardown ();

  return status;
}

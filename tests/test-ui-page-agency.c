/* test-ui-page-agency.c — 一单位一档 against the command line
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb: the agency profile on a session over a demo database
 * shows what `jiandu-cli metrics --json --agency CODE` prints for the
 * session's period, ranks the agency where `jiandu-cli metrics --rank
 * MEASURE --level LEVEL` puts it, lists its warnings, and follows the
 * session's period while ignoring a level chip that would hide it.
 */

#include "config.h"

#include "jd-agency-page.h"
#include "jd-test-figures.h"

/* `jiandu-cli metrics --json --period PERIOD --agency CODE [--domain DOMAIN]` */
static JsonNode *
cli_agency (const char *period,
            const char *agency,
            const char *domain)
{
  const char *options[] = { "--period", period, "--agency", agency,
                            domain != NULL ? "--domain" : NULL, domain, NULL };

  return jd_test_cli_json (options);
}

/* Where `jiandu-cli metrics --rank` puts @agency among @level, best first:
 * its rank (0 when left out) and how many are ranked. */
static guint
cli_rank (const char *period,
          const char *agency,
          const char *level,
          const char *domain,
          JdMeasure   measure,
          guint      *n_ranked)
{
  const JdMeasureInfo *info = jd_measure_info (measure);
  g_autoptr(GPtrArray) options = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *always[] = { "--period", period, "--rank", info->name, "--level", level, "--top", "0" };
  JsonArray *rows;
  guint rank = 0;

  for (guint i = 0; i < G_N_ELEMENTS (always); i++)
    g_ptr_array_add (options, (char *)always[i]);
  if (info->better < 0)
    g_ptr_array_add (options, "--ascending");
  if (domain != NULL)
    {
      g_ptr_array_add (options, "--domain");
      g_ptr_array_add (options, (char *)domain);
    }
  g_ptr_array_add (options, NULL);

  root = jd_test_cli_json ((const char * const *)options->pdata);
  rows = json_object_get_array_member (json_node_get_object (root), "rows");
  *n_ranked = json_array_get_length (rows);
  for (guint i = 0; i < *n_ranked; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (row, "agency"), agency))
        rank = json_object_get_int_member (row, "rank");
    }

  return rank;
}

/* Each check spawns the command line once a measure: every measure on
 * the first look, a count and two rates after that. */
static gboolean every_measure;

static void
assert_ranks_match_cli (JdAgencyPage *page,
                        const char   *period,
                        const char   *agency,
                        const char   *level,
                        const char   *domain)
{
  guint n_ranked_somewhere = 0;

  for (guint m = 0; m < JD_N_MEASURES; m++)
    {
      if (!every_measure && m != JD_MEASURE_CASES_DECIDED && m != JD_MEASURE_COMPLAINTS &&
          m != JD_MEASURE_CLOSING_RATE && m != JD_MEASURE_LOSS_RATE)
        continue;

      const char *shown = NULL;
      const JdAgencyRank *rank = jd_agency_page_get_rank (page, m, &shown);
      guint n_ranked;
      guint expected = cli_rank (period, agency, level, domain, m, &n_ranked);

      g_test_message ("%s: %u of %u", jd_measure_info (m)->name, expected, n_ranked);
      g_assert_cmpuint (rank->rank, ==, expected);
      g_assert_cmpuint (rank->n_ranked, ==, n_ranked);
      if (expected > 0)
        {
          g_autofree char *text = g_strdup_printf ("%u of %u", expected, n_ranked);

          g_assert_cmpstr (shown, ==, text);
          n_ranked_somewhere++;
        }
    }

  /* The demo's agencies have cases: a profile that ranks nothing is wrong. */
  g_assert_cmpuint (n_ranked_somewhere, >, 0);
}

static void
assert_warnings_match_cli (JdAgencyPage *page,
                           const char   *period,
                           const char   *agency)
{
  const char *options[] = { "--period", period, "--warnings", "--agency", agency, NULL };
  g_autoptr(JsonNode) root = jd_test_cli_json (options);
  JsonArray *warnings = JSON_NODE_HOLDS_ARRAY (root)
                        ? json_node_get_array (root)
                        : json_object_get_array_member (json_node_get_object (root), "warnings");
  GPtrArray *shown = jd_agency_page_get_warnings (page);

  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->len, ==, json_array_get_length (warnings));
}

static void
check_profile (JdAgencyPage *page,
               const char   *period,
               const char   *month,
               const char   *agency,
               const char   *level,
               const char   *domain)
{
  g_autoptr(JsonNode) root = cli_agency (period, agency, domain);
  g_autoptr(JsonNode) last = cli_agency (month, agency, domain);

  g_assert_cmpstr (jd_agency_page_get_agency (page), ==, agency);
  jd_test_assert_cards_shown ((JdTestCardFunc)jd_agency_page_get_card, page, root);
  assert_ranks_match_cli (page, period, agency, level, domain);
  assert_warnings_match_cli (page, period, agency);

  /* The trends end with the period's last month, the agency's. */
  jd_test_assert_last_month (jd_agency_page_get_chart (page, "decided-monthly"), 0,
                             json_object_get_int_member (jd_test_json_section (last, "cases"), "decided"));
  jd_test_assert_last_month (jd_agency_page_get_chart (page, "loss-rate"), 0,
                             jd_test_json_rate (jd_test_json_section (last, "lawsuits"), "loss_rate"));
}

static void
test_agency_profile (void)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2026-09");
  JdAgencyPage *page = g_object_new (JD_TYPE_AGENCY_PAGE, "session", session, "agency", "DC-SCJG", NULL);
  GtkWindow *window = jd_test_show_page (JD_PAGE (page));

  g_assert_cmpstr (jd_agency_page_get_agency_name (page), ==, "东城区市场监督管理局");
  every_measure = TRUE;
  check_profile (page, "2026-09", "2026-09", "DC-SCJG", "county", NULL);
  every_measure = FALSE;

  /* A new period on the session: the profile follows it. */
  jd_test_page_set_period (session, JD_PAGE (page), "2026Q2");
  check_profile (page, "2026Q2", "2026-06", "DC-SCJG", "county", NULL);

  /* Another agency, of another level. */
  jd_agency_page_set_agency (page, "SJ-GAJ");
  g_assert_null (jd_agency_page_get_agency_name (page));
  jd_test_wait_for_page (JD_PAGE (page));
  g_assert_cmpstr (jd_agency_page_get_agency_name (page), ==, "市公安局");
  check_profile (page, "2026Q2", "2026-06", "SJ-GAJ", "city", NULL);

  /* A level chip that would hide the agency does not empty its profile;
   * a domain chip narrows it, and its ranks, to that domain. */
  jd_session_set_filter_field (session, JD_DIMENSION_LEVEL, "county");
  jd_test_wait_for_page (JD_PAGE (page));
  check_profile (page, "2026Q2", "2026-06", "SJ-GAJ", "city", NULL);

  jd_session_set_filter_field (session, JD_DIMENSION_LEVEL, NULL);
  jd_session_set_filter_field (session, JD_DIMENSION_DOMAIN, "GAZA");
  jd_test_wait_for_page (JD_PAGE (page));
  check_profile (page, "2026Q2", "2026-06", "SJ-GAJ", "city", "GAZA");

  gtk_window_destroy (window);
}

static void
add_tests (void)
{
  g_test_add_func ("/ui/pages/agency", test_agency_profile);
}

int
main (int    argc,
      char **argv)
{
  return jd_test_pages_main (&argc, &argv, add_tests);
}

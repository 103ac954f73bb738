/* test-ui-page-complaints.c — the complaints page (投诉举报) against the command line
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb.  Puts the page on a session over a demo database and
 * checks that every figure it shows is what `jiandu-cli metrics --json`
 * says for the same period and filter, before and after changes.
 */

#include "config.h"

#include <math.h>

#include "jd-complaints-page.h"
#include "jd-format.h"
#include "jd-test-pages.h"
#include "jd-warnings.h"

#define PAGE_TYPE JD_TYPE_COMPLAINTS_PAGE

static const char * const rate_names[] = { "closing_rate", "on_time_rate", "substantiated_rate", "satisfaction_rate" };
static const char * const rate_labels[] = { "closing_label", "on_time_label", "substantiated_label", "satisfaction_label" };

static JsonObject *
cli_complaints (JsonNode *root)
{
  return json_object_get_object_member (json_node_get_object (root), "complaints");
}

/* A rate of the JSON, NaN for null */
static double
cli_rate (JsonObject *complaints,
          const char *name)
{
  JsonNode *node = json_object_get_member (complaints, name);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static void
assert_rate_equal (double a,
                   double b)
{
  g_assert_cmpint (isnan (a), ==, isnan (b));
  if (!isnan (a))
    g_assert_cmpfloat (fabs (a - b), <, 1e-9);
}

static void
assert_headline_matches_cli (JdComplaintsPage *page,
                             JsonObject       *complaints)
{
  const JdMetrics *m = jd_complaints_page_get_metrics (page);
  JdRatio ratios[] = { m->complaints.closing, m->complaints.on_time,
                       m->complaints.substantiated, m->complaints.satisfaction };
  g_autofree char *received = jd_format_count (json_object_get_int_member (complaints, "received"));

  g_assert_cmpint (m->complaints.received, ==, json_object_get_int_member (complaints, "received"));
  g_assert_cmpstr (jd_test_page_label (page, PAGE_TYPE, "received_label"), ==, received);

  for (guint i = 0; i < G_N_ELEMENTS (rate_names); i++)
    {
      double rate = cli_rate (complaints, rate_names[i]);
      g_autofree char *text = jd_format_rate (rate);

      assert_rate_equal (jd_ratio_rate (ratios[i]), rate);
      g_assert_cmpstr (jd_test_page_label (page, PAGE_TYPE, rate_labels[i]), ==, text);
    }
}

/* The donut's slices are the command line's channels, in their order */
static void
assert_channels_match_cli (JdComplaintsPage *page,
                           JsonObject       *complaints)
{
  JdChart *chart = jd_test_page_chart (page, PAGE_TYPE, "channel_chart");
  JsonObject *by_channel = json_object_get_object_member (complaints, "by_channel");
  const JdEnumValue *values;
  guint n;

  values = jd_enum_values (JD_ENUM_CHANNEL, &n);
  g_assert_cmpuint (jd_chart_get_n_points (chart), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (jd_chart_get_value (chart, 0, i), ==, json_object_get_int_member (by_channel, values[i].code));
}

/* Every category's bar is the command line's count, and none is missing */
static void
assert_categories_match_cli (JdComplaintsPage *page,
                             JsonObject       *complaints)
{
  JdChart *chart = jd_test_page_chart (page, PAGE_TYPE, "category_chart");
  JsonObject *by_category = json_object_get_object_member (complaints, "by_category");
  gint64 sum = 0;

  g_assert_nonnull (by_category);
  g_assert_cmpuint (jd_chart_get_n_points (chart), ==, json_object_get_size (by_category));
  for (guint i = 0; i < jd_chart_get_n_points (chart); i++)
    {
      g_autofree char *label = jd_chart_get_point_label (chart, i);
      const char *key = g_str_equal (label, "Not given") ? "" : label;

      g_assert_true (json_object_has_member (by_category, key));
      g_assert_cmpfloat (jd_chart_get_value (chart, 0, i), ==, json_object_get_int_member (by_category, key));
      sum += json_object_get_int_member (by_category, key);
    }
  g_assert_cmpint (sum, ==, json_object_get_int_member (complaints, "received"));
}

/* The rates over time match `--series` month by month */
static void
assert_rates_match_cli (JdComplaintsPage *page,
                        const JdFilter   *filter,
                        const char       *first,
                        const char       *last)
{
  g_autoptr(JsonNode) root = jd_test_cli_json_filtered (filter, "--series", first, last, NULL);
  JsonArray *months = json_node_get_array (root);
  JdChart *chart = jd_test_page_chart (page, PAGE_TYPE, "rates_chart");

  g_assert_cmpuint (json_array_get_length (months), ==, 24);
  g_assert_cmpuint (jd_chart_get_n_points (chart), ==, 24);
  g_assert_cmpuint (jd_chart_get_n_series (chart), ==, G_N_ELEMENTS (rate_names));

  for (guint i = 0; i < 24; i++)
    {
      JsonObject *complaints = json_object_get_object_member (json_array_get_object_element (months, i), "complaints");

      for (guint s = 0; s < G_N_ELEMENTS (rate_names); s++)
        assert_rate_equal (jd_chart_get_value (chart, s, i), cli_rate (complaints, rate_names[s]));
    }
}

/* The overdue list is the command line's overdue-complaints warnings */
static void
assert_overdue_matches_cli (JdComplaintsPage *page,
                            const JdFilter   *filter,
                            const char       *period)
{
  g_autoptr(JsonNode) root = jd_test_cli_json_filtered (filter, "--period", period, "--warnings", NULL);
  JsonArray *warnings = json_node_get_array (root);
  GPtrArray *overdue = jd_complaints_page_get_overdue (page);
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (warnings); i++)
    {
      JsonObject *warning = json_array_get_object_element (warnings, i);
      const JdWarning *shown;

      if (!g_str_equal (json_object_get_string_member (warning, "rule"), "overdue_complaints"))
        continue;

      g_assert_cmpuint (n, <, overdue->len);
      shown = g_ptr_array_index (overdue, n++);
      g_assert_cmpstr (shown->agency_code, ==, json_object_get_string_member (warning, "agency"));
      g_assert_cmpint (shown->count, ==, json_object_get_int_member (warning, "count"));
    }
  g_assert_cmpuint (n, ==, overdue->len);

  /* Export Table: the list, a warning a row, with its count */
  {
    guint first = 0;
    g_autoptr(GPtrArray) rows = jd_test_export_table (JD_PAGE (page), "overdue.csv", "Warning", &first);

    g_assert_cmpuint (rows->len - first, ==, overdue->len);
    for (guint i = 0; i < overdue->len; i++)
      {
        const JdWarning *shown = g_ptr_array_index (overdue, i);
        char **cells = rows->pdata[first + i];

        g_assert_cmpstr (cells[1], ==, shown->agency_name);
        g_assert_cmpint (g_ascii_strtoll (cells[4], NULL, 10), ==, shown->count);
      }
  }
}

static void
assert_page_matches_cli (JdComplaintsPage *page,
                         JdSession        *session,
                         const char       *period,
                         const char       *first_month,
                         const char       *last_month)
{
  const JdFilter *filter = jd_session_get_filter (session);
  g_autoptr(JsonNode) root = jd_test_cli_json_filtered (filter, "--period", period, NULL);
  JsonObject *complaints = cli_complaints (root);

  assert_headline_matches_cli (page, complaints);
  assert_channels_match_cli (page, complaints);
  assert_categories_match_cli (page, complaints);
  assert_rates_match_cli (page, filter, first_month, last_month);
  assert_overdue_matches_cli (page, filter, period);
}

static void
test_complaints_page (void)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2026-09");
  JdComplaintsPage *page = g_object_new (JD_TYPE_COMPLAINTS_PAGE, "session", session, NULL);
  GtkWindow *window = jd_test_show_page (JD_PAGE (page));
  JdPeriod period;

  assert_page_matches_cli (page, session, "2026-09", "2024-10", "2026-09");
  g_assert_cmpuint (jd_complaints_page_get_overdue (page)->len, >, 0);

  jd_session_set_filter_field (session, JD_DIMENSION_LEVEL, "county");
  jd_test_wait_for_page (JD_PAGE (page));
  assert_page_matches_cli (page, session, "2026-09", "2024-10", "2026-09");

  g_assert_true (jd_period_parse ("2026Q2", &period, NULL));
  jd_session_set_period (session, &period);
  jd_session_set_filter_field (session, JD_DIMENSION_DOMAIN, "SCJG");
  jd_test_wait_for_page (JD_PAGE (page));
  assert_page_matches_cli (page, session, "2026Q2", "2024-07", "2026-06");

  jd_session_set_filter (session, NULL);
  jd_test_wait_for_page (JD_PAGE (page));
  assert_page_matches_cli (page, session, "2026Q2", "2024-07", "2026-06");

  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  jd_test_demo_setup ();

  g_test_add_func ("/ui/page/complaints", test_complaints_page);

  status = g_test_run ();

  jd_test_demo_teardown ();

  return status;
}

/* test-ui-page-cases.c — the cases page (执法案件) against the command line
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

#include "jd-cases-page.h"
#include "jd-format.h"
#include "jd-test-pages.h"

#define PAGE_TYPE JD_TYPE_CASES_PAGE

static gint64
cli_int (JsonNode   *root,
         const char *part,
         const char *name)
{
  JsonObject *object = json_object_get_object_member (json_node_get_object (root), part);

  return json_object_get_int_member (object, name);
}

static void
assert_label_count (JdCasesPage *page,
                    const char  *name,
                    gint64       value)
{
  g_autofree char *text = jd_format_count (value);

  g_assert_cmpstr (jd_test_page_label (page, PAGE_TYPE, name), ==, text);
}

/* The index of the point labelled @label; fails if there is none */
static guint
point_named (JdChart    *chart,
             const char *label)
{
  for (guint i = 0; i < jd_chart_get_n_points (chart); i++)
    {
      g_autofree char *text = jd_chart_get_point_label (chart, i);

      if (g_strcmp0 (text, label) == 0)
        return i;
    }

  g_error ("no point “%s” in the chart “%s”", label, jd_chart_get_title (chart));
}

/* The trend in @by is the command line's months from @first to @last (the
 * period's end), added up @per_point at a time: the last quarter or year
 * holds no month after the period. */
static void
assert_trend_matches_cli (JdCasesPage    *page,
                          const JdFilter *filter,
                          JdPeriodKind    by,
                          const char     *first,
                          const char     *last,
                          guint           n_points,
                          guint           per_point)
{
  g_autoptr(JsonNode) root = jd_test_cli_json_filtered (filter, "--series", first, last, "--by", "month", NULL);
  JsonArray *months = json_node_get_array (root);
  g_autofree double *decided = g_new0 (double, n_points);
  g_autofree double *opened = g_new0 (double, n_points);
  JdChart *chart;

  jd_cases_page_set_granularity (page, by);
  chart = jd_test_page_chart (page, PAGE_TYPE, "trend_chart");
  g_assert_cmpuint (jd_chart_get_n_points (chart), ==, n_points);
  g_assert_cmpuint (json_array_get_length (months), >, (n_points - 1) * per_point);
  g_assert_cmpuint (json_array_get_length (months), <=, n_points * per_point);

  for (guint i = 0; i < json_array_get_length (months); i++)
    {
      g_autoptr(JsonNode) month = json_node_copy (json_array_get_element (months, i));

      decided[i / per_point] += cli_int (month, "cases", "decided");
      opened[i / per_point] += cli_int (month, "cases", "opened");
    }

  for (guint i = 0; i < n_points; i++)
    {
      g_assert_cmpfloat (jd_chart_get_value (chart, 0, i), ==, decided[i]);
      g_assert_cmpfloat (jd_chart_get_value (chart, 1, i), ==, opened[i]);
    }
}

/* A bar of a breakdown chart: the figure the command line gives with a
 * filter for that bar alone (on top of the session's). */
static void
assert_bar_matches_cli (JdCasesPage *page,
                        const char  *chart_name,
                        const char  *period,
                        const char  *label,
                        const char  *option,
                        const char  *value,
                        const JdFilter *filter)
{
  JdChart *chart = jd_test_page_chart (page, PAGE_TYPE, chart_name);
  g_autoptr(JsonNode) root = jd_test_cli_json_filtered (filter, "--period", period, option, value, NULL);
  guint i = point_named (chart, label);

  g_assert_cmpfloat (jd_chart_get_value (chart, 0, i), ==, cli_int (root, "cases", "decided"));
}

static double
sum_series (JdChart *chart)
{
  double sum = 0;

  for (guint i = 0; i < jd_chart_get_n_points (chart); i++)
    sum += jd_chart_get_value (chart, 0, i);
  return sum;
}

static void
assert_page_matches_cli (JdCasesPage *page,
                         JdSession   *session,
                         const char  *period)
{
  const JdFilter *filter = jd_session_get_filter (session);
  g_autoptr(JsonNode) root = jd_test_cli_json_filtered (filter, "--period", period, NULL);
  const JdMetrics *m = jd_cases_page_get_metrics (page);
  g_autofree char *fines = jd_format_yuan (cli_int (root, "cases", "fines_fen"));
  GPtrArray *unreviewed = jd_cases_page_get_unreviewed (page);
  gint64 unreviewed_sum = 0;

  g_assert_nonnull (m);
  g_assert_cmpint (m->cases.decided, ==, cli_int (root, "cases", "decided"));
  g_assert_cmpint (m->cases.opened, ==, cli_int (root, "cases", "opened"));
  g_assert_cmpint (m->cases.fines_fen, ==, cli_int (root, "cases", "fines_fen"));
  g_assert_cmpint (m->cases.major, ==, cli_int (root, "cases", "major"));
  g_assert_cmpint (m->cases.major_unreviewed, ==, cli_int (root, "cases", "major_without_legal_review"));

  /* …and the headline shows exactly those */
  assert_label_count (page, "decided_label", cli_int (root, "cases", "decided"));
  assert_label_count (page, "opened_label", cli_int (root, "cases", "opened"));
  assert_label_count (page, "major_label", cli_int (root, "cases", "major"));
  assert_label_count (page, "unreviewed_label", cli_int (root, "cases", "major_without_legal_review"));
  g_assert_cmpstr (jd_test_page_label (page, PAGE_TYPE, "fines_label"), ==, fines);

  /* Every agency listed, and their sum, as the command line counts them */
  for (guint i = 0; i < unreviewed->len; i++)
    {
      const JdSlice *slice = g_ptr_array_index (unreviewed, i);
      g_autoptr(JsonNode) agency = jd_test_cli_json_filtered (filter, "--period", period, "--agency", slice->key, NULL);

      g_assert_cmpint (slice->metrics->cases.major_unreviewed, >, 0);
      g_assert_cmpint (slice->metrics->cases.major_unreviewed, ==, cli_int (agency, "cases", "major_without_legal_review"));
      unreviewed_sum += slice->metrics->cases.major_unreviewed;
    }
  g_assert_cmpint (unreviewed_sum, ==, cli_int (root, "cases", "major_without_legal_review"));

  /* The bars by level and by region add up to the cases decided; one
   * level, region and domain each against the command line. */
  g_assert_cmpfloat (sum_series (jd_test_page_chart (page, PAGE_TYPE, "level_chart")), ==,
                     cli_int (root, "cases", "decided"));
  g_assert_cmpfloat (sum_series (jd_test_page_chart (page, PAGE_TYPE, "domain_chart")), <=,
                     cli_int (root, "cases", "decided"));
  if (filter->level == NULL)
    assert_bar_matches_cli (page, "level_chart", period, "County", "--level", "county", filter);
  if (filter->region == NULL && (filter->level == NULL || g_str_equal (filter->level, "county")))
    assert_bar_matches_cli (page, "region_chart", period, "东城区", "--region", "东城区", filter);
  if (filter->domain == NULL)
    assert_bar_matches_cli (page, "domain_chart", period, "市场监管", "--domain", "SCJG", filter);
}

/* The charts of months end with the period's last month: its figures. */
static void
assert_last_month_matches_cli (JdCasesPage    *page,
                               const JdFilter *filter,
                               const char     *month)
{
  g_autoptr(JsonNode) root = jd_test_cli_json_filtered (filter, "--period", month, NULL);
  JsonObject *by_kind = json_object_get_object_member (json_object_get_object_member (json_node_get_object (root),
                                                                                      "cases"), "by_kind");
  JdChart *kinds = jd_test_page_chart (page, PAGE_TYPE, "kind_chart");
  JdChart *fines = jd_test_page_chart (page, PAGE_TYPE, "fines_chart");
  guint last = jd_chart_get_n_points (kinds) - 1;
  const JdEnumValue *values;
  guint n;

  values = jd_enum_values (JD_ENUM_CASE_KIND, &n);
  g_assert_cmpuint (jd_chart_get_n_series (kinds), ==, n);
  for (guint k = 0; k < n; k++)
    g_assert_cmpfloat (jd_chart_get_value (kinds, k, last), ==, json_object_get_int_member (by_kind, values[k].code));

  g_assert_cmpfloat (fabs (jd_chart_get_value (fines, 0, jd_chart_get_n_points (fines) - 1) * 100
                           - cli_int (root, "cases", "fines_fen")), <, 0.5);
}

static void
test_cases_page (void)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2026-09");
  JdCasesPage *page = g_object_new (JD_TYPE_CASES_PAGE, "session", session, NULL);
  GtkWindow *window = jd_test_show_page (JD_PAGE (page));
  JdPeriod period;

  assert_page_matches_cli (page, session, "2026-09");
  assert_last_month_matches_cli (page, jd_session_get_filter (session), "2026-09");
  assert_trend_matches_cli (page, NULL, JD_PERIOD_MONTH, "2024-10", "2026-09", 24, 1);
  assert_trend_matches_cli (page, NULL, JD_PERIOD_QUARTER, "2024-10", "2026-09", 8, 3);
  assert_trend_matches_cli (page, NULL, JD_PERIOD_YEAR, "2022-01", "2026-09", 5, 12);

  /* A filter chip: the county agencies */
  jd_session_set_filter_field (session, JD_DIMENSION_LEVEL, "county");
  jd_test_wait_for_page (JD_PAGE (page));
  assert_page_matches_cli (page, session, "2026-09");
  assert_last_month_matches_cli (page, jd_session_get_filter (session), "2026-09");
  assert_trend_matches_cli (page, jd_session_get_filter (session), JD_PERIOD_QUARTER, "2024-10", "2026-09", 8, 3);

  /* A quarter, and a domain on top of the level */
  g_assert_true (jd_period_parse ("2026Q2", &period, NULL));
  jd_session_set_period (session, &period);
  jd_session_set_filter_field (session, JD_DIMENSION_DOMAIN, "SCJG");
  jd_test_wait_for_page (JD_PAGE (page));
  assert_page_matches_cli (page, session, "2026Q2");
  assert_last_month_matches_cli (page, jd_session_get_filter (session), "2026-06");
  assert_trend_matches_cli (page, jd_session_get_filter (session), JD_PERIOD_MONTH, "2024-07", "2026-06", 24, 1);
  assert_trend_matches_cli (page, jd_session_get_filter (session), JD_PERIOD_YEAR, "2022-01", "2026-06", 5, 12);
  assert_trend_matches_cli (page, jd_session_get_filter (session), JD_PERIOD_QUARTER, "2024-07", "2026-06", 8, 3);

  gtk_window_destroy (window);
}

/* A quarter with 重大执法决定 without 法制审核: the agencies are listed,
 * and activating one opens its profile. */
static void
on_open_agency_cb (JdPage     *page,
                   const char *code,
                   char      **opened)
{
  g_free (*opened);
  *opened = g_strdup (code);
}

static GtkListBox *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return GTK_LIST_BOX (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_list_box (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_cases_page_unreviewed (void)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2026Q3");
  JdCasesPage *page = g_object_new (JD_TYPE_CASES_PAGE, "session", session, NULL);
  GtkWindow *window = jd_test_show_page (JD_PAGE (page));
  g_autofree char *opened = NULL;
  GPtrArray *unreviewed;
  GObject *group;
  GtkWidget *row;

  assert_page_matches_cli (page, session, "2026Q3");
  unreviewed = jd_cases_page_get_unreviewed (page);
  g_assert_cmpuint (unreviewed->len, >, 0);

  g_signal_connect (page, "open-agency", G_CALLBACK (on_open_agency_cb), &opened);
  group = gtk_widget_get_template_child (GTK_WIDGET (page), PAGE_TYPE, "unreviewed_group");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (find_list_box (GTK_WIDGET (group)), 0));
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (opened, ==, ((JdSlice *)g_ptr_array_index (unreviewed, 0))->key);

  /* Export Table: the list, an agency a row, with its counts */
  {
    guint first = 0;
    g_autoptr(GPtrArray) rows = jd_test_export_table (JD_PAGE (page), "unreviewed.xlsx", "Agency", &first);

    g_assert_cmpuint (rows->len - first, ==, unreviewed->len);
    for (guint i = 0; i < unreviewed->len; i++)
      {
        const JdSlice *slice = g_ptr_array_index (unreviewed, i);
        char **cells = rows->pdata[first + i];

        g_assert_cmpstr (cells[0], ==, slice->label);
        g_assert_cmpint (g_ascii_strtoll (cells[1], NULL, 10), ==, slice->metrics->cases.major);
        g_assert_cmpint (g_ascii_strtoll (cells[2], NULL, 10), ==, slice->metrics->cases.major_unreviewed);
      }
  }

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

  g_test_add_func ("/ui/page/cases", test_cases_page);
  g_test_add_func ("/ui/page/cases/unreviewed", test_cases_page_unreviewed);

  status = g_test_run ();

  jd_test_demo_teardown ();

  return status;
}

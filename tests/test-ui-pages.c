/* test-ui-pages.c — each cockpit page against the command line
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb.  Puts each page on screen on a session of its own over a
 * demo database, and checks that what it shows is what `jiandu-cli metrics
 * --json` says for the same period and filter, before and after the filter
 * changes.
 */

#include "config.h"

#include <math.h>

#include "jd-warnings.h"

#include "jd-agencies-page.h"
#include "jd-chart-view.h"
#include "jd-dashboard-charts.h"
#include "jd-filter-bar.h"
#include "jd-warnings-page.h"
#include "jd-test-pages.h"

/* Every agency's figure on the page is the command line's, in its order. */
static void
assert_ranking_matches_cli (JdAgenciesPage *page,
                            const char     *period,
                            const char     *measure,
                            const char     *level)
{
  g_autoptr(GPtrArray) options = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *rows;
  JsonArray *left_out;
  JdRanking *ranking;
  GPtrArray *slices;
  JdMeasure m;

  g_assert_true (jd_measure_from_name (measure, &m));

  g_ptr_array_add (options, "--period");
  g_ptr_array_add (options, (char *)period);
  g_ptr_array_add (options, "--rank");
  g_ptr_array_add (options, (char *)measure);
  g_ptr_array_add (options, "--top");
  g_ptr_array_add (options, "0");
  /* The page ranks the best first: ascending where lower is better. */
  if (jd_measure_info (m)->better < 0)
    g_ptr_array_add (options, "--ascending");
  if (level != NULL)
    {
      g_ptr_array_add (options, "--level");
      g_ptr_array_add (options, (char *)level);
    }
  g_ptr_array_add (options, NULL);

  jd_agencies_page_set_measure (page, m);
  root = jd_test_cli_json ((const char * const *)options->pdata);
  object = json_node_get_object (root);
  rows = json_object_get_array_member (object, "rows");
  left_out = json_object_get_array_member (object, "left_out");

  ranking = jd_agencies_page_get_ranking (page);
  slices = jd_agencies_page_get_slices (page);
  g_assert_nonnull (ranking);
  g_assert_nonnull (slices);

  g_assert_cmpuint (ranking->rows->len, ==, json_array_get_length (rows));
  g_assert_cmpuint (ranking->left_out->len, ==, json_array_get_length (left_out));
  g_assert_cmpuint (slices->len, ==, ranking->rows->len + ranking->left_out->len);

  for (guint i = 0; i < ranking->rows->len; i++)
    {
      const JdRankRow *row = g_ptr_array_index (ranking->rows, i);
      JsonObject *cli = json_array_get_object_element (rows, i);

      g_assert_cmpstr (row->code, ==, json_object_get_string_member (cli, "agency"));
      g_assert_cmpuint (row->rank, ==, json_object_get_int_member (cli, "rank"));
      g_assert_cmpint (row->count, ==, json_object_get_int_member (cli, "count"));
      g_assert_cmpint (row->total, ==, json_object_get_int_member (cli, "total"));
    }
}

/* A number as the export wrote it, in the unit the command line gives:
 * a CSV rate is a percentage, XLSX money is in yuan. */
static double
exported_value (const char *cell,
                JdMeasure   measure,
                gboolean    csv)
{
  double value;

  if (cell == NULL || *cell == '\0')
    return NAN;

  value = g_ascii_strtod (cell, NULL);
  if (jd_measure_info (measure)->is_rate && csv)
    {
      g_assert_true (g_str_has_suffix (cell, "%"));
      value /= 100.0;
    }
  if (measure == JD_MEASURE_FINES || measure == JD_MEASURE_EXEMPTED)
    value *= 100.0;

  return value;
}

/* "Export Table…" of the agencies page, read back: its notes name the
 * period, the filter and the last month with data, and every agency's
 * row holds what `jiandu-cli metrics --rank` gives for every measure. */
static void
assert_export_matches_cli (JdAgenciesPage *page,
                           const char     *period_text,
                           const char     *level,
                           const char     *filter_text,
                           const char     *extension)
{
  JdSession *session = jd_page_get_session (JD_PAGE (page));
  g_autofree char *file_name = g_strdup_printf ("export.%s", extension);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *period_note = NULL;
  g_autofree char *end_note = NULL;
  gboolean csv = g_str_equal (extension, "csv");
  JdPeriod period, last;
  char **header;
  guint first_row = 0;
  g_autofree char *last_text = NULL;

  rows = jd_test_export_table (JD_PAGE (page), file_name, "Agency", &first_row);

  g_assert_true (jd_session_get_period (session, &period));
  cover = jd_period_format_cover (&period, jd_test_demo.last_month);
  period_note = g_strdup_printf ("Period: %s", cover);
  last = jd_period_containing (JD_PERIOD_MONTH, jd_test_demo.last_month);
  last_text = jd_period_format (&last);
  end_note = g_strdup_printf ("Data as of %s", last_text);
  g_assert_cmpstr (((char **)rows->pdata[0])[0], ==, "Agency Ranking");
  g_assert_cmpstr (((char **)rows->pdata[1])[0], ==, period_note);
  g_assert_nonnull (strstr (((char **)rows->pdata[2])[0], filter_text));
  g_assert_cmpstr (((char **)rows->pdata[3])[0], ==, end_note);

  header = rows->pdata[first_row - 1];
  g_assert_cmpuint (g_strv_length (header), ==, 1 + JD_N_MEASURES);

  for (JdMeasure m = 0; m < JD_N_MEASURES; m++)
    {
      const char *options[] = { "--period", period_text, "--rank", jd_measure_info (m)->name,
                                "--top", "0", level != NULL ? "--level" : NULL, level, NULL };
      g_autoptr(JsonNode) root = jd_test_cli_json (options);
      g_autoptr(GHashTable) cli_values = g_hash_table_new (g_str_hash, g_str_equal);
      const char *members[] = { "rows", "left_out" };

      g_assert_cmpstr (header[1 + m], ==, jd_measure_info (m)->label);
      for (guint k = 0; k < G_N_ELEMENTS (members); k++)
        {
          JsonArray *array = json_object_get_array_member (json_node_get_object (root), members[k]);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonObject *row = json_array_get_object_element (array, i);

              g_hash_table_insert (cli_values, (char *)json_object_get_string_member (row, "name"),
                                   json_object_get_member (row, "value"));
            }
        }

      g_assert_cmpuint (rows->len - first_row, ==, g_hash_table_size (cli_values));
      for (guint r = first_row; r < rows->len; r++)
        {
          char **row = rows->pdata[r];
          JsonNode *cli = g_hash_table_lookup (cli_values, row[0]);
          /* a row ends at its last cell with something in it */
          const char *cell = g_strv_length (row) > 1 + m ? row[1 + m] : NULL;
          double value = exported_value (cell, m, csv);

          g_assert_nonnull (cli);
          if (JSON_NODE_HOLDS_NULL (cli))
            g_assert_true (isnan (value));
          else
            g_assert_cmpfloat_with_epsilon (value, json_node_get_double (cli), 1e-6 + fabs (value) * 1e-9);
        }
    }
}

static void
test_agencies_page (void)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2026-09");
  JdAgenciesPage *page = g_object_new (JD_TYPE_AGENCIES_PAGE, "session", session, NULL);
  GtkWindow *window = jd_test_show_page (JD_PAGE (page));

  assert_ranking_matches_cli (page, "2026-09", "cases_decided", NULL);
  assert_ranking_matches_cli (page, "2026-09", "loss_rate", NULL);
  assert_ranking_matches_cli (page, "2026-09", "review_pass_rate", NULL);
  assert_export_matches_cli (page, "2026-09", NULL, "Filter: none", "xlsx");

  /* A filter chip narrows the page to the county agencies. */
  jd_session_set_filter_field (session, JD_DIMENSION_LEVEL, "county");
  jd_test_wait_for_page (JD_PAGE (page));
  assert_ranking_matches_cli (page, "2026-09", "complaints", "county");
  assert_export_matches_cli (page, "2026-09", "county", "Filter: only County", "xlsx");
  assert_export_matches_cli (page, "2026-09", "county", "Filter: only County", "csv");

  /* A chart exported from the page: the period, the filter and the data's
   * end under it, and a file name with the period in it. */
  {
    GObject *view = gtk_widget_get_template_child (GTK_WIDGET (page), JD_TYPE_AGENCIES_PAGE, "heat_chart");
    g_autofree char *path = g_build_filename (jd_test_demo.dir, "heat.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *name = jd_page_get_export_name (JD_PAGE (page), "Loss: by month", "pdf");
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;
    const char *argv[] = { "pdftotext", path, "-", NULL };
    int status;

    g_assert_cmpstr (name, ==, "Loss- by month-2026-09.pdf");
    g_assert_true (jd_chart_view_export (JD_CHART_VIEW (view), file, FALSE, &error));
    g_assert_no_error (error);
    if (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &text, NULL, &status, NULL))
      {
        g_assert_true (g_spawn_check_wait_status (status, NULL));
        g_assert_nonnull (strstr (text, "Period: September 2026"));
        g_assert_nonnull (strstr (text, "Filter: only County"));
        g_assert_nonnull (strstr (text, "Data as of "));
      }
  }

  gtk_window_destroy (window);
}

static void
test_warnings_page (void)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2026-09");
  JdWarningsPage *page = g_object_new (JD_TYPE_WARNINGS_PAGE, "session", session, NULL);
  GtkWindow *window = jd_test_show_page (JD_PAGE (page));
  const char *options[] = { "--period", "2026-09", "--warnings", NULL };
  g_autoptr(JsonNode) root = jd_test_cli_json (options);
  guint n = json_array_get_length (json_node_get_array (root));

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (jd_warnings_page_get_n_warnings (page), ==, n);
  if (g_getenv ("JD_SCREENSHOT_DIR") != NULL)
    g_object_unref (jd_test_render (GTK_WIDGET (window), "warnings-page.png"));

  /* Export Table: a row a warning, under the header, each naming its rule. */
  {
    guint first = 0;
    g_autoptr(GPtrArray) rows = jd_test_export_table (JD_PAGE (page), "warnings.csv", "Warning", &first);

    g_assert_cmpuint (rows->len - first, ==, n);
    for (guint i = 0; i < n; i++)
      {
        JsonObject *cli = json_array_get_object_element (json_node_get_array (root), i);
        JdWarningRule rule = 0;

        while (g_strcmp0 (jd_warning_rule_name (rule), json_object_get_string_member (cli, "rule")) != 0)
          rule++;
        g_assert_cmpstr (((char **)rows->pdata[first + i])[0], ==, jd_warning_rule_label (rule));
      }
  }

  /* Another period: the page follows the session. */
  {
    const char *q_options[] = { "--period", "2026Q2", "--warnings", NULL };
    g_autoptr(JsonNode) q_root = jd_test_cli_json (q_options);
    JdPeriod quarter;

    g_assert_true (jd_period_parse ("2026Q2", &quarter, NULL));
    jd_session_set_period (session, &quarter);
    jd_test_wait_for_page (JD_PAGE (page));
    g_assert_cmpuint (jd_warnings_page_get_n_warnings (page), ==,
                      json_array_get_length (json_node_get_array (q_root)));
  }

  gtk_window_destroy (window);
}

/* A page that is not on screen does not read anything until it is. */
static void
test_hidden_page_waits (void)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2026-09");
  JdWarningsPage *page = g_object_ref_sink (g_object_new (JD_TYPE_WARNINGS_PAGE, "session", session, NULL));
  GtkWindow *window;
  JdPeriod period;

  g_assert_false (jd_page_get_loading (JD_PAGE (page)));
  g_assert_true (jd_period_parse ("2026-08", &period, NULL));
  jd_session_set_period (session, &period);
  g_assert_false (jd_page_get_loading (JD_PAGE (page)));
  g_assert_cmpuint (jd_warnings_page_get_n_warnings (page), ==, 0);

  window = jd_test_show_page (JD_PAGE (page));
  g_assert_false (jd_page_get_loading (JD_PAGE (page)));
  {
    const char *options[] = { "--period", "2026-08", "--warnings", NULL };
    g_autoptr(JsonNode) root = jd_test_cli_json (options);

    g_assert_cmpuint (jd_warnings_page_get_n_warnings (page), ==,
                      json_array_get_length (json_node_get_array (root)));
  }

  gtk_window_destroy (window);
  g_object_unref (page);
}

static void
wait_for_filter_bar (JdFilterBar *bar)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, jd_test_timeout_cb, &timed_out);

  while (jd_filter_bar_get_loading (bar) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_false (timed_out);
  g_source_remove (id);
}

static GtkDropDown *
bar_dropdown (JdFilterBar *bar,
              const char  *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (bar), JD_TYPE_FILTER_BAR, name);

  g_assert_nonnull (child);
  return GTK_DROP_DOWN (child);
}

/* Chips and drop-downs follow the session; a chip removes its part. */
static void
test_filter_bar (void)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2026-09");
  JdFilterBar *bar = g_object_new (JD_TYPE_FILTER_BAR, "session", session, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autofree char *description = NULL;
  g_autofree char *session_description = NULL;
  GtkDropDown *agency;
  GtkStringObject *item;
  GtkWidget *chip;

  gtk_window_set_child (window, GTK_WIDGET (bar));
  gtk_window_present (window);
  wait_for_filter_bar (bar);

  g_assert_cmpuint (jd_filter_bar_get_n_chips (bar), ==, 0);
  g_assert_null (jd_filter_bar_describe (bar));

  /* A drill-down sets the level in the session: a chip appears, named. */
  jd_session_set_filter_field (session, JD_DIMENSION_LEVEL, "county");
  g_assert_cmpuint (jd_filter_bar_get_n_chips (bar), ==, 1);
  description = jd_filter_bar_describe (bar);
  g_assert_cmpstr (description, ==, "County");
  g_assert_cmpuint (gtk_drop_down_get_selected (bar_dropdown (bar, "level_dropdown")), ==, 2);

  /* Choosing an agency by hand filters by its code and names it. */
  agency = bar_dropdown (bar, "agency_dropdown");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (agency)), >, 10);
  gtk_drop_down_set_selected (agency, 1);
  item = gtk_drop_down_get_selected_item (agency);
  g_assert_nonnull (jd_session_get_filter (session)->agency);
  g_assert_cmpuint (jd_filter_bar_get_n_chips (bar), ==, 2);
  g_clear_pointer (&description, g_free);
  description = jd_filter_bar_describe (bar);
  g_assert_true (g_str_has_suffix (description, gtk_string_object_get_string (item)));
  g_assert_cmpstr (jd_session_get_filter (session)->agency, !=, gtk_string_object_get_string (item));

  /* The names the bar read are the session's, which exports name the
   * filter by; new data drops them until the bar has read them again. */
  g_assert_nonnull (jd_session_get_filter_choices (session));
  session_description = jd_session_describe_filter (session);
  g_assert_cmpstr (session_description, ==, description);
  jd_session_data_changed (session, jd_test_demo.first_month, jd_test_demo.last_month);
  g_assert_null (jd_session_get_filter_choices (session));
  wait_for_filter_bar (bar);
  g_assert_nonnull (jd_session_get_filter_choices (session));

  /* The first chip (the level) removes the level, and only that. */
  chip = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (
           GTK_FLOW_BOX (gtk_widget_get_template_child (GTK_WIDGET (bar), JD_TYPE_FILTER_BAR, "chips")), 0));
  g_signal_emit_by_name (chip, "clicked");
  g_assert_null (jd_session_get_filter (session)->level);
  g_assert_nonnull (jd_session_get_filter (session)->agency);
  g_assert_cmpuint (gtk_drop_down_get_selected (bar_dropdown (bar, "level_dropdown")), ==, 0);
  g_assert_cmpuint (jd_filter_bar_get_n_chips (bar), ==, 1);

  gtk_window_destroy (window);
}

static gboolean
on_waited_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window lay out and draw for a moment. */
static void
wait_for_frames (void)
{
  gboolean done = FALSE;

  g_timeout_add (300, on_waited_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* How many pixels of the band just above @bounds differ between @a and @b */
static guint
count_changed_pixels (GdkTexture            *a,
                      GdkTexture            *b,
                      const graphene_rect_t *bounds)
{
  int width = gdk_texture_get_width (a);
  int height = gdk_texture_get_height (a);
  gsize stride = width * 4;
  g_autofree guint32 *pixels_a = g_new (guint32, width * height);
  g_autofree guint32 *pixels_b = g_new (guint32, width * height);
  guint changed = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, width);
  gdk_texture_download (a, (guchar *)pixels_a, stride);
  gdk_texture_download (b, (guchar *)pixels_b, stride);

  for (int y = MAX (0, (int)bounds->origin.y - 5); y < (int)bounds->origin.y; y++)
    for (int x = (int)bounds->origin.x; x < (int)(bounds->origin.x + bounds->size.width) && x < width; x++)
      if (pixels_a[y * width + x] != pixels_b[y * width + x])
        changed++;

  return changed;
}

/* A chart that has the keyboard focus shows a ring round it (issue 8,
 * item 5): the pixels just outside it change when it takes the focus. */
static void
test_chart_focus_ring (void)
{
  g_autoptr(JdSession) session = jd_test_session_new ("2026-09");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdChart) chart = NULL;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *button = gtk_button_new_with_label ("Before");
  GtkWidget *view = g_object_new (JD_TYPE_CHART_VIEW, NULL);
  graphene_rect_t bounds;
  JdPeriod period;

  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  /* The application's own style sheet, as AdwApplication loads it */
  gtk_css_provider_load_from_resource (css, "/io/github/jiandu/Jiandu/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_true (jd_session_get_period (session, &period));
  chart = jd_dashboard_chart_new (jd_session_get_store (session), "loss-rate", &period,
                                  jd_session_get_filter (session), &error);
  g_assert_no_error (error);
  jd_chart_view_set_chart (JD_CHART_VIEW (view), chart);
  gtk_widget_set_size_request (view, 480, 280);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "chart-card");
  g_object_set (box, "margin-top", 24, "margin-bottom", 24, "margin-start", 24, "margin-end", 24, NULL);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), view);
  gtk_window_set_child (window, box);
  gtk_window_present (window);
  gtk_widget_grab_focus (button);
  gtk_window_set_focus_visible (window, TRUE);
  wait_for_frames ();
  before = jd_test_render (GTK_WIDGET (window), "chart-focus-0.png");

  /* Tab, as a keyboard user moves from the button to the chart */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (view));
  gtk_window_set_focus_visible (window, TRUE);
  wait_for_frames ();
  after = jd_test_render (GTK_WIDGET (window), "chart-focus-1.png");

  g_assert_true (gtk_widget_compute_bounds (view, GTK_WIDGET (window), &bounds));
  g_assert_cmpuint (count_changed_pixels (before, after, &bounds), >, bounds.size.width / 2);

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

  g_test_add_func ("/ui/pages/agencies", test_agencies_page);
  g_test_add_func ("/ui/pages/warnings", test_warnings_page);
  g_test_add_func ("/ui/pages/hidden-page-waits", test_hidden_page_waits);
  g_test_add_func ("/ui/pages/filter-bar", test_filter_bar);
  g_test_add_func ("/ui/pages/chart-focus-ring", test_chart_focus_ring);

  status = g_test_run ();

  jd_test_demo_teardown ();

  return status;
}

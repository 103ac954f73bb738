/* test-ui.c — the window as a user sees it, against the command line
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb.  Builds a demo database, opens it in a real JdWindow and
 * checks that the KPI cards say what `jiandu-cli metrics --json` says for
 * the same period, before and after the user moves to another period.
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jd-demo.h"
#include "jd-kpi-card.h"
#include "jd-window.h"
#include "jd-test-util.h"

static char *test_dir;
static char *demo_path;

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until the window has finished its work. */
static void
wait_until_idle (JdWindow *window)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (120, on_timeout_cb, &timed_out);

  /* Let the request start before asking whether it is done. */
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);

  while (jd_window_get_loading (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  /* The stack cross-fades to the new page: wait for the fade to end. */
  while (gtk_stack_get_transition_running (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), JD_TYPE_WINDOW, "stack"))) &&
         !timed_out)
    g_main_context_iteration (NULL, TRUE);

  /* And let the result reach the screen. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_false (timed_out);
  g_source_remove (id);
}

static GtkWidget *
template_child (JdWindow   *window,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), JD_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static const char *
visible_page (JdWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (template_child (window, "stack")));
}

static JsonObject *
cli_metrics (const char *period,
             JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { g_getenv ("JIANDU_CLI"), "metrics", "--db", demo_path,
                         "--period", period, "--json", NULL };
  int status;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

/* "12,345" → 12345: what the card shows, read back as a number. */
static gint64
card_count (JdWindow   *window,
            const char *card)
{
  const char *text = jd_kpi_card_get_value (JD_KPI_CARD (template_child (window, card)));
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else
        g_assert_true (*p == ',');
    }

  g_assert_cmpuint (digits->len, >, 0);
  return g_ascii_strtoll (digits->str, NULL, 10);
}

static void
assert_cards_match_cli (JdWindow *window)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *period_text = NULL;
  JsonObject *root;
  JsonObject *lawsuits;
  const char *loss_text;
  JdPeriod period;

  g_assert_true (jd_window_get_period (window, &period));
  period_text = jd_period_to_string (&period);
  root = cli_metrics (period_text, parser);
  g_test_message ("comparing the cards with jiandu-cli for %s", period_text);

  g_assert_cmpint (card_count (window, "cases_card"), ==,
                   json_object_get_int_member (json_object_get_object_member (root, "cases"), "decided"));
  g_assert_cmpint (card_count (window, "complaints_card"), ==,
                   json_object_get_int_member (json_object_get_object_member (root, "complaints"), "received"));

  lawsuits = json_object_get_object_member (root, "lawsuits");
  loss_text = jd_kpi_card_get_value (JD_KPI_CARD (template_child (window, "loss_rate_card")));
  if (json_object_get_null_member (lawsuits, "loss_rate"))
    g_assert_cmpstr (loss_text, ==, "—");
  else
    {
      double rate = json_object_get_double_member (lawsuits, "loss_rate");
      g_autofree char *expected = g_strdup_printf ("%.1f%%", floor (rate * 1000.0 + 0.5) / 10.0);

      g_assert_cmpstr (loss_text, ==, expected);
    }
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* The warnings list shows what "jiandu-cli metrics --warnings" finds: the
 * first eight, and a row that shows the rest. */
static void
assert_warnings_match_cli (JdWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *list = template_child (window, "warnings_list");
  JdPeriod period;
  guint n;
  int status;

  g_assert_true (jd_window_get_period (window, &period));
  period_text = jd_period_to_string (&period);
  {
    const char *argv[] = { g_getenv ("JIANDU_CLI"), "metrics", "--db", demo_path,
                           "--period", period_text, "--warnings", "--json", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  n = json_array_get_length (json_node_get_array (json_parser_get_root (parser)));

  heading = g_strdup_printf ("Warnings (%u)", n);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (template_child (window, "warnings_heading"))), ==, heading);
  if (n == 0)
    g_assert_cmpuint (count_rows (list), ==, 1);
  else if (n <= 8)
    g_assert_cmpuint (count_rows (list), ==, n);
  else
    {
      GtkWidget *more;

      g_assert_cmpuint (count_rows (list), ==, 9);
      more = gtk_widget_get_last_child (list);
      g_signal_emit_by_name (more, "activate");
      g_assert_cmpuint (count_rows (list), ==, n);
    }
}

static GdkTexture *
render_window (gpointer window)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (window)));

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* A blank or one-colour window has few distinct colours; a dashboard with
 * text, cards and a chart has many. */
static guint
count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize)width * height * 4);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, pixels, width * 4);
  for (int i = 0; i < width * height; i++)
    {
      guint32 pixel;

      memcpy (&pixel, pixels + i * 4, 4);
      g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
    }

  return g_hash_table_size (colours);
}

/* A card draws the chart kit's KPI card, and says what it draws: the
 * figure the tests read is the one drawn, and the description (its
 * accessible label) and the tooltip hold it. */
static void
assert_card_draws (JdWindow   *window,
                   const char *name)
{
  JdKpiCard *card = JD_KPI_CARD (template_child (window, name));
  JdChart *chart = jd_kpi_card_get_chart (card);
  int width = gtk_widget_get_width (GTK_WIDGET (card));
  int height = gtk_widget_get_height (GTK_WIDGET (card));
  g_autofree char *drawn = NULL;
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  JdChartHit hit;

  g_assert_nonnull (chart);
  g_assert_cmpint (jd_chart_get_chart_type (chart), ==, JD_CHART_KPI);
  drawn = jd_chart_format_kpi_value (chart);
  g_assert_cmpstr (drawn, ==, jd_kpi_card_get_value (card));
  g_assert_cmpstr (jd_chart_get_title (chart), ==, jd_kpi_card_get_title (card));

  description = jd_chart_describe (chart);
  g_assert_nonnull (strstr (description, jd_kpi_card_get_title (card)));
  g_assert_nonnull (strstr (description, drawn));
  g_assert_true (jd_chart_hit (chart, width, height, width / 2.0, height / 2.0, &hit));
  tooltip = jd_chart_describe_point (chart, &hit);
  g_assert_nonnull (strstr (tooltip, drawn));

  /* the card is drawn, not blank: text in several colours, antialiased */
  g_assert_cmpint (width, >=, 200);
  g_assert_cmpint (height, >=, 120);
  texture = render_window (card);
  g_assert_cmpuint (count_colours (texture), >, 20);
}

static void
test_dashboard_matches_cli (void)
{
  JdWindow *window = g_object_new (JD_TYPE_WINDOW, NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *screenshot = NULL;
  JdPeriod period, before;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_open_path (window, demo_path, FALSE);
  wait_until_idle (window);

  g_assert_cmpstr (visible_page (window), ==, "dashboard");
  g_assert_true (jd_window_get_period (window, &period));
  /* The window starts at the latest month with data. */
  g_assert_cmpint (period.kind, ==, JD_PERIOD_MONTH);
  g_assert_cmpint (jd_period_first_month (&period), ==, JD_DEMO_LAST_MONTH);
  assert_cards_match_cli (window);

  /* What a user sees: not blank. */
  texture = render_window (window);
  g_assert_cmpuint (count_colours (texture), >, 200);
  assert_card_draws (window, "cases_card");
  assert_card_draws (window, "complaints_card");
  assert_card_draws (window, "loss_rate_card");
  screenshot = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "ui-overview.png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, screenshot));
  g_test_message ("screenshot: %s", screenshot);

  assert_warnings_match_cli (window);
  wait_until_idle (window);

  /* At the latest month there is no next one. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-period", NULL) &&
                  jd_window_get_loading (window));

  /* Alt+Left goes back a month: the cards follow. */
  before = period;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-period", NULL));
  wait_until_idle (window);
  g_assert_true (jd_window_get_period (window, &period));
  g_assert_false (jd_period_equal (&period, &before));
  g_assert_cmpint (jd_period_first_month (&period), ==, 202609);
  assert_cards_match_cli (window);

  /* A quarter, chosen from the drop-down. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (template_child (window, "kind_dropdown")), JD_PERIOD_QUARTER);
  wait_until_idle (window);
  g_assert_true (jd_window_get_period (window, &period));
  g_assert_cmpint (period.kind, ==, JD_PERIOD_QUARTER);
  g_assert_cmpint (period.year, ==, 2026);
  g_assert_cmpint (period.index, ==, 3);
  assert_cards_match_cli (window);
  assert_warnings_match_cli (window);

  /* A click on the chart's first bar shows that month: 24 months back. */
  g_signal_emit_by_name (template_child (window, "decided_chart"), "point-activated", 0, 0);
  wait_until_idle (window);
  g_assert_true (jd_window_get_period (window, &period));
  g_assert_cmpint (period.kind, ==, JD_PERIOD_MONTH);
  g_assert_cmpint (jd_period_first_month (&period), ==, jd_month_add (202609, -23));
  assert_cards_match_cli (window);

  /* And a whole year, a year back. */
  period.kind = JD_PERIOD_YEAR;
  period.year = 2024;
  period.index = 0;
  jd_window_set_period (window, &period);
  wait_until_idle (window);
  assert_cards_match_cli (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty_state (void)
{
  JdWindow *window = g_object_new (JD_TYPE_WINDOW, NULL);
  g_autofree char *path = g_build_filename (test_dir, "empty.db", NULL);

  gtk_window_present (GTK_WINDOW (window));
  jd_window_open_path (window, path, FALSE);
  wait_until_idle (window);

  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_assert_nonnull (jd_window_get_store (window));
  g_assert_false (gtk_widget_get_sensitive (template_child (window, "kind_dropdown")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_error_state (void)
{
  JdWindow *window = g_object_new (JD_TYPE_WINDOW, NULL);
  g_autofree char *path = g_build_filename (test_dir, "notes.txt", NULL);
  const char *description;

  g_assert_true (g_file_set_contents (path, "not a database", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  jd_window_open_path (window, path, FALSE);
  wait_until_idle (window);

  g_assert_cmpstr (visible_page (window), ==, "error");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (template_child (window, "error_page")));
  g_assert_nonnull (strstr (description, "notes.txt"));
  g_assert_null (jd_window_get_store (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* `jiandu PATH` with a path that does not exist refuses, says why and
 * how to make a new database, and creates no file. */
static void
test_missing_file (void)
{
  JdWindow *window = g_object_new (JD_TYPE_WINDOW, NULL);
  g_autofree char *path = g_build_filename (test_dir, "mistyped.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *description;

  gtk_window_present (GTK_WINDOW (window));
  jd_window_open_file (window, file);
  wait_until_idle (window);

  g_assert_cmpstr (visible_page (window), ==, "error");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (template_child (window, "error_page")));
  g_assert_nonnull (strstr (description, "mistyped.db"));
  g_assert_nonnull (strstr (description, "New Empty Database"));
  g_assert_null (jd_window_get_store (window));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window size and the database are there again next time. */
static void
test_remembers (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = NULL;
  JdWindow *window = g_object_new (JD_TYPE_WINDOW, NULL);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 1010, 707);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_open_path (window, demo_path, FALSE);
  wait_until_idle (window);
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, demo_path);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1010);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 707);

  window = g_object_new (JD_TYPE_WINDOW, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 707);

  jd_window_open_last (window);
  wait_until_idle (window);
  g_assert_cmpstr (jd_store_get_path (jd_window_get_store (window)), ==, demo_path);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  test_dir = g_dir_make_tmp ("jiandu-ui-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (test_dir, "demo.db", NULL);

  store = jd_store_open (demo_path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_demo_generate (store, 7, 20000, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_test_add_func ("/ui/dashboard-matches-cli", test_dashboard_matches_cli);
  g_test_add_func ("/ui/empty-state", test_empty_state);
  g_test_add_func ("/ui/error-state", test_error_state);
  g_test_add_func ("/ui/missing-file", test_missing_file);
  g_test_add_func ("/ui/remembers", test_remembers);

  status = g_test_run ();

  jd_test_remove_dir (test_dir);

  return status;
}

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

#include <locale.h>
#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jd-agencies-page.h"
#include "jd-agency-page.h"
#include "jd-application.h"
#include "jd-demo.h"
#include "jd-kpi-card.h"
#include "jd-overview-page.h"
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

/* A widget of the window's template or, for the dashboard's figures, of
 * its overview page's. */
static GtkWidget *
template_child (JdWindow   *window,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), JD_TYPE_WINDOW, name);

  if (child == NULL)
    {
      JdOverviewPage *page = JD_OVERVIEW_PAGE (jd_window_get_page (window, "overview"));
      const char * const cards[] = { "cases_card", "complaints_card", "loss_rate_card",
                                     "correction_rate_card", "leniency_card", "review_card" };

      child = gtk_widget_get_template_child (GTK_WIDGET (page), JD_TYPE_OVERVIEW_PAGE, name);
      for (guint kpi = 0; child == NULL && kpi < G_N_ELEMENTS (cards); kpi++)
        if (g_str_equal (name, cards[kpi]))
          child = G_OBJECT (jd_overview_page_get_card (page, kpi));
    }
  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static const char *
visible_page (JdWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (template_child (window, "stack")));
}

/* `jiandu-cli metrics --json` for @period, of one agency or (NULL) all. */
static JsonObject *
cli_metrics (const char *period,
             const char *agency,
             JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { g_getenv ("JIANDU_CLI"), "metrics", "--db", demo_path,
                         "--period", period, "--json",
                         agency != NULL ? "--agency" : NULL, agency, NULL };
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
card_count (JdKpiCard *card)
{
  const char *text = jd_kpi_card_get_value (card);
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

/* A rate card shows the CLI's rate to one decimal, or "—" for null. */
static void
assert_rate_card (JdKpiCard  *card,
                  JsonObject *object,
                  const char *member)
{
  const char *text = jd_kpi_card_get_value (card);

  if (json_object_get_null_member (object, member))
    g_assert_cmpstr (text, ==, "—");
  else
    {
      double rate = json_object_get_double_member (object, member);
      g_autofree char *expected = g_strdup_printf ("%.1f%%", floor (rate * 1000.0 + 0.5) / 10.0);

      g_assert_cmpstr (text, ==, expected);
    }
}

/* The card of @kpi on the overview or, for @agency, on its profile */
static JdKpiCard *
window_card (JdWindow   *window,
             const char *agency,
             JdKpi       kpi)
{
  if (agency != NULL)
    return jd_agency_page_get_card (JD_AGENCY_PAGE (jd_window_get_page (window, "agency")), kpi);

  return jd_overview_page_get_card (JD_OVERVIEW_PAGE (jd_window_get_page (window, "overview")), kpi);
}

/* All six cards say what `jiandu-cli metrics --json` says: the overview's
 * or, for @agency, its profile's. */
static void
assert_cards_match_filtered_cli (JdWindow   *window,
                                 const char *agency)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *period_text = NULL;
  JsonObject *root;
  JdPeriod period;

  g_assert_true (jd_window_get_period (window, &period));
  period_text = jd_period_to_string (&period);
  root = cli_metrics (period_text, agency, parser);
  g_test_message ("comparing the cards with jiandu-cli for %s", period_text);

  g_assert_cmpint (card_count (window_card (window, agency, JD_KPI_CASES_DECIDED)), ==,
                   json_object_get_int_member (json_object_get_object_member (root, "cases"), "decided"));
  g_assert_cmpint (card_count (window_card (window, agency, JD_KPI_COMPLAINTS_RECEIVED)), ==,
                   json_object_get_int_member (json_object_get_object_member (root, "complaints"), "received"));
  g_assert_cmpint (card_count (window_card (window, agency, JD_KPI_LENIENCY_CASES)), ==,
                   json_object_get_int_member (json_object_get_object_member (root, "leniency"), "cases"));
  assert_rate_card (window_card (window, agency, JD_KPI_LOSS_RATE),
                    json_object_get_object_member (root, "lawsuits"), "loss_rate");
  assert_rate_card (window_card (window, agency, JD_KPI_CORRECTION_RATE),
                    json_object_get_object_member (root, "reconsiderations"), "correction_rate");
  assert_rate_card (window_card (window, agency, JD_KPI_REVIEW_PASS_RATE),
                    json_object_get_object_member (root, "reviews"), "pass_rate");
}

static void
assert_cards_match_cli (JdWindow *window)
{
  assert_cards_match_filtered_cli (window, NULL);
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

static const char *
label_text (JdWindow   *window,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (template_child (window, name)));
}

/* The year to date, a partial quarter and reloading, as DESIGN.md's
 * "Partial periods" says: the demo's data end with October 2026. */
static void
test_periods (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  JdWindow *window = NULL;
  GtkWidget *kinds;
  JdPeriod period, kept;

  /* With quarters chosen, the window opens on the last complete one:
   * 2026Q3, not 2026Q4 through October. */
  g_settings_set_string (settings, "period-kind", "quarter");
  window = g_object_new (JD_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_open_path (window, demo_path, FALSE);
  wait_until_idle (window);
  g_assert_true (jd_window_get_period (window, &period));
  g_assert_cmpint (period.kind, ==, JD_PERIOD_QUARTER);
  g_assert_cmpint (jd_period_first_month (&period), ==, 202607);
  g_assert_cmpstr (label_text (window, "period_label"), ==, "Q3 2026");
  assert_cards_match_cli (window);

  /* 累计, from 2026Q3: January to September, labelled as a range. */
  kinds = template_child (window, "kind_dropdown");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kinds), JD_PERIOD_RANGE);
  wait_until_idle (window);
  g_assert_true (jd_window_get_period (window, &period));
  g_assert_true (jd_period_is_year_to_date (&period));
  g_assert_cmpint (jd_period_first_month (&period), ==, 202601);
  g_assert_cmpint (jd_period_last_month (&period), ==, 202609);
  g_assert_cmpstr (label_text (window, "period_label"), ==, "January–September 2026");
  assert_cards_match_cli (window);

  /* A step forward moves the year to date's end to the data's last month. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-period", NULL));
  wait_until_idle (window);
  g_assert_true (jd_window_get_period (window, &period));
  g_assert_true (jd_period_is_year_to_date (&period));
  g_assert_cmpint (jd_period_last_month (&period), ==, JD_DEMO_LAST_MONTH);
  g_assert_cmpstr (label_text (window, "period_label"), ==, "January–October 2026");
  g_assert_cmpstr (label_text (window, "period_note"), ==,
                   "Year on year: compared with January–October 2025. "
                   "Period on period: compared with March–December 2025.");
  assert_cards_match_cli (window);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-period", NULL) &&
                  jd_window_get_loading (window));

  /* The quarter the data end inside is labelled so, and compared with
   * October a year earlier and with July, never with a whole quarter. */
  g_assert_true (jd_period_parse ("2026Q4", &period, NULL));
  jd_window_set_period (window, &period);
  wait_until_idle (window);
  g_assert_cmpstr (label_text (window, "period_label"), ==, "Q4 2026 (through October)");
  g_assert_cmpstr (label_text (window, "period_note"), ==,
                   "Year on year: compared with October 2025. Period on period: compared with July 2026.");
  assert_cards_match_cli (window);

  /* Reload keeps the period the user was on (it used to jump back to the
   * latest one). */
  g_assert_true (jd_period_parse ("2025-03", &kept, NULL));
  jd_window_set_period (window, &kept);
  wait_until_idle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_until_idle (window);
  g_assert_cmpstr (visible_page (window), ==, "dashboard");
  g_assert_true (jd_window_get_period (window, &period));
  g_assert_true (jd_period_equal (&period, &kept));
  assert_cards_match_cli (window);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "period-kind", "month");
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

/* The first open window of @type, or NULL */
static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* The About dialog speaks the user's language, its copyright line too:
 * with the Chinese translation compiled from po/, every line of it is
 * translated. */
static void
test_about_translated (void)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *po = g_test_build_filename (G_TEST_DIST, "..", "po", "zh_CN.po", NULL);
  g_autofree char *locale_dir = g_build_filename (test_dir, "locale", NULL);
  g_autofree char *mo_dir = g_build_filename (locale_dir, "zh_CN", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (mo_dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdApplication) app = NULL;
  g_autofree char *copyright = NULL;
  g_autofree char *developer = NULL;
  g_autofree char *saved_locale = NULL;
  AdwAboutWindow *about;
  int status;

  if (msgfmt == NULL)
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (mo_dir, 0700), ==, 0);
  {
    const char *argv[] = { msgfmt, "-o", mo, po, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* gtk_test_init() leaves the "C" locale, where gettext ignores LANGUAGE */
  saved_locale = g_strdup (setlocale (LC_MESSAGES, NULL));
  if (setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
    {
      g_test_skip ("no C.UTF-8 locale");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  app = jd_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_object_get (about, "copyright", &copyright, "developer-name", &developer, NULL);
  g_assert_cmpstr (developer, ==, "监督开发者");
  g_assert_cmpstr (copyright, ==, "© 2026 监督开发者");

  gtk_window_destroy (GTK_WINDOW (about));
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_MESSAGES, saved_locale);
}

/* The pages of the cockpit: one shortcut a page, a drill-down to an
 * agency that every page and the subtitle follow, and a reload that keeps
 * the page and the filter the user was on. */
static void
test_cockpit (void)
{
  JdWindow *window = g_object_new (JD_TYPE_WINDOW, NULL);
  GtkStack *pages;
  GtkStack *content;
  GtkDropDown *measure;
  AdwWindowTitle *title;
  JdSession *session;
  const char *subtitle;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_open_path (window, demo_path, FALSE);
  wait_until_idle (window);
  g_assert_cmpstr (visible_page (window), ==, "dashboard");

  pages = GTK_STACK (template_child (window, "pages"));
  content = GTK_STACK (template_child (window, "content"));
  title = ADW_WINDOW_TITLE (template_child (window, "window_title"));
  session = jd_window_get_session (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "overview");

  /* Ctrl+2 shows the agencies, Ctrl+3 the warnings. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "agencies"));
  wait_until_idle (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "agencies");
  g_assert_nonnull (jd_agencies_page_get_slices (JD_AGENCIES_PAGE (jd_window_get_page (window, "agencies"))));

  /* A click on an agency opens its profile over the page, without
   * filtering the other pages; the title names the agency. */
  measure = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (jd_window_get_page (window, "agencies")),
                                                          JD_TYPE_AGENCIES_PAGE, "measure_dropdown"));
  gtk_drop_down_set_selected (measure, 3);
  wait_until_idle (window);
  g_signal_emit_by_name (jd_window_get_page (window, "agencies"), "open-agency", "SJ-GAJ");
  wait_until_idle (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "agency");
  g_assert_cmpstr (jd_agency_page_get_agency (JD_AGENCY_PAGE (jd_window_get_page (window, "agency"))), ==, "SJ-GAJ");
  g_assert_null (jd_session_get_filter (session)->agency);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "市公安局");
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), "demo.db"));
  g_assert_true (gtk_widget_get_visible (template_child (window, "back_button")));
  assert_cards_match_filtered_cli (window, "SJ-GAJ");

  /* Alt+←: the profile follows the period. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-period", NULL));
  wait_until_idle (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "agency");
  assert_cards_match_filtered_cli (window, "SJ-GAJ");

  /* Back (Escape, the header's button): the agencies page as it was left. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  wait_until_idle (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "pages");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "agencies");
  g_assert_cmpuint (gtk_drop_down_get_selected (measure), ==, 3);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Jiandu");
  g_assert_false (gtk_widget_get_visible (template_child (window, "back_button")));

  /* From a warning of the overview; a page chosen in the sidebar then
   * replaces the profile. */
  jd_window_show_page (window, "overview");
  g_signal_emit_by_name (jd_window_get_page (window, "overview"), "open-agency", "DC-SCJG");
  wait_until_idle (window);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "东城区市场监督管理局");
  assert_cards_match_filtered_cli (window, "DC-SCJG");
  gtk_stack_set_visible_child_name (pages, "warnings");
  wait_until_idle (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "pages");

  /* A filter chip still narrows every page, and the subtitle says so. */
  jd_session_set_filter_field (session, JD_DIMENSION_AGENCY, "SJ-GAJ");
  wait_until_idle (window);
  subtitle = adw_window_title_get_subtitle (title);
  g_assert_nonnull (strstr (subtitle, "demo.db"));
  g_assert_nonnull (strstr (subtitle, "市公安局"));

  /* Reload keeps the page and the filter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_until_idle (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "warnings");
  g_assert_cmpstr (jd_session_get_filter (session)->agency, ==, "SJ-GAJ");

  /* Reload keeps the profile too; another database leaves it. */
  g_signal_emit_by_name (jd_window_get_page (window, "warnings"), "open-agency", "DC-SCJG");
  wait_until_idle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_until_idle (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "agency");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "东城区市场监督管理局");
  {
    g_autofree char *other = g_build_filename (test_dir, "other.db", NULL);
    g_autoptr(JdStore) store = jd_store_open (other, NULL);

    g_assert_nonnull (store);
    jd_window_open_path (window, other, FALSE);
    wait_until_idle (window);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "pages");
  }

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
  g_test_add_func ("/ui/about-translated", test_about_translated);
  g_test_add_func ("/ui/remembers", test_remembers);
  g_test_add_func ("/ui/periods", test_periods);
  g_test_add_func ("/ui/cockpit", test_cockpit);

  status = g_test_run ();

  jd_test_remove_dir (test_dir);

  return status;
}

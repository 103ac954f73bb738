/* jd-test-pages.h — what the page tests share: a demo database, a session
 * over it, a page on screen, and the command line's figures to compare with
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "jd-chart-view.h"
#include "jd-demo.h"
#include "jd-page.h"
#include "jd-session.h"
#include "jd-table-reader.h"
#include "jd-test-util.h"

typedef struct
{
  char *dir;
  char *path;          /* the demo database */
  int   first_month;   /* of its data */
  int   last_month;
} JdTestDemo;

static JdTestDemo jd_test_demo;

/* Builds the demo city (seed 7, 20,000 cases) in a temporary folder. */
static inline void
jd_test_demo_setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;

  jd_test_demo.dir = g_dir_make_tmp ("jiandu-ui-pages-XXXXXX", &error);
  g_assert_no_error (error);
  jd_test_demo.path = g_build_filename (jd_test_demo.dir, "demo.db", NULL);

  store = jd_store_open (jd_test_demo.path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_demo_generate (store, 7, 20000, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jd_store_get_month_range (store, &jd_test_demo.first_month, &jd_test_demo.last_month));
}

static inline void
jd_test_demo_teardown (void)
{
  jd_test_remove_dir (jd_test_demo.dir);
  g_clear_pointer (&jd_test_demo.dir, g_free);
  g_clear_pointer (&jd_test_demo.path, g_free);
}

static inline gboolean
jd_test_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*JdTestBusyFunc) (gpointer object);

/* Spins the main loop while @busy says @object is at work, then until
 * nothing is pending; fails after two minutes. */
static inline void
jd_test_wait_while (JdTestBusyFunc busy,
                    gpointer       object)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (120, jd_test_timeout_cb, &timed_out);

  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);

  while (busy (object) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Spins the main loop until @page has shown what it was loading. */
static inline void
jd_test_wait_for_page (JdPage *page)
{
  jd_test_wait_while ((JdTestBusyFunc)jd_page_get_loading, page);
}

/* `jiandu-cli metrics --db DEMO --json OPTIONS…`, parsed. */
static inline JsonNode *
jd_test_cli_json (const char * const *options)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  int status;

  g_ptr_array_add (argv, (char *)g_getenv ("JIANDU_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  g_ptr_array_add (argv, "metrics");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, jd_test_demo.path);
  g_ptr_array_add (argv, "--json");
  for (guint i = 0; options[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)options[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* A session over the demo database, on @period_text ("2026-09"). */
static inline JdSession *
jd_test_session_new (const char *period_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (jd_test_demo.path, &error);
  JdSession *session = jd_session_new ();
  JdPeriod period;

  g_assert_no_error (error);
  g_assert_true (jd_period_parse (period_text, &period, &error));
  g_assert_no_error (error);

  jd_session_set_store (session, store, jd_test_demo.first_month, jd_test_demo.last_month);
  jd_session_set_period (session, &period);

  return session;
}

/* Puts @page in a window of its own and waits for its figures; destroy
 * the window with gtk_window_destroy(). */
static inline GtkWindow *
jd_test_show_page (JdPage *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1200, 900);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  jd_test_wait_for_page (page);

  return window;
}

/* The chart a page shows in its template child @name, a JdChartView */
static inline JdChart *
jd_test_page_chart (gpointer    page,
                    GType       page_type,
                    const char *name)
{
  GObject *view = gtk_widget_get_template_child (GTK_WIDGET (page), page_type, name);

  g_assert_nonnull (view);
  return jd_chart_view_get_chart (JD_CHART_VIEW (view));
}

/* The text of the page's template child @name, a GtkLabel */
static inline const char *
jd_test_page_label (gpointer    page,
                    GType       page_type,
                    const char *name)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (page), page_type, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* `jiandu-cli metrics --json OPTIONS… FILTER`: the options, NULL-terminated,
 * then the parts of @filter as options. */
static inline JsonNode *
jd_test_cli_json_filtered (const JdFilter *filter,
                           const char     *first_option,
                           ...)
{
  g_autoptr(GPtrArray) options = g_ptr_array_new ();
  const char *names[] = { "--level", "--domain", "--region", "--agency" };
  const char *values[4] = { NULL };
  va_list args;

  va_start (args, first_option);
  for (const char *option = first_option; option != NULL; option = va_arg (args, const char *))
    g_ptr_array_add (options, (char *)option);
  va_end (args);

  if (filter != NULL)
    {
      values[0] = filter->level;
      values[1] = filter->domain;
      values[2] = filter->region;
      values[3] = filter->agency;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (values[i] != NULL)
      {
        g_ptr_array_add (options, (char *)names[i]);
        g_ptr_array_add (options, (char *)values[i]);
      }
  g_ptr_array_add (options, NULL);

  return jd_test_cli_json ((const char * const *)options->pdata);
}

/* What @widget shows, as its window draws it; saved as @name under
 * $JD_SCREENSHOT_DIR when that is set, for a person to look at. */
static inline GdkTexture *
jd_test_render (GtkWidget  *widget,
                const char *name)
{
  const char *dir = g_getenv ("JD_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  int width, height;
  GdkTexture *texture;

  /* On a busy machine the window may not have laid the widget out, or
   * drawn it, yet: wait for it by the clock, not by turns of the loop. */
  for (;;)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (gtk_widget_get_mapped (widget) && width > 0 && height > 0)
        {
          gdk_paintable_snapshot (paintable, snapshot, width, height);
          node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
        }
      if (node != NULL || g_get_monotonic_time () > deadline)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (gdk_texture_save_to_png (texture, path));
    }

  return texture;
}

/* Every row of the first table of the file at @path, each a NULL-terminated strv */
static inline GPtrArray *
jd_test_read_table (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdTableReader) reader = jd_table_reader_open (path, NULL, &error);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  guint row_number;

  g_assert_no_error (error);
  g_assert_true (reader->open_table (reader, 0, &error));
  while (reader->next_row (reader, cells, &row_number, &error))
    {
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_strdupv ((char **)cells->pdata));
    }
  g_assert_no_error (error);

  return rows;
}

/* Exports @page's table as "Export Table…" does to @file_name (its
 * extension chooses XLSX or CSV) in the demo's folder, and reads it back;
 * @first is set to the first row of figures, below the one whose first
 * cell is @header. */
static inline GPtrArray *
jd_test_export_table (JdPage     *page,
                      const char *file_name,
                      const char *header,
                      guint      *first)
{
  g_autofree char *path = g_build_filename (jd_test_demo.dir, file_name, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  g_assert_true (jd_page_export_table (page, path, &error));
  g_assert_no_error (error);
  rows = jd_test_read_table (path);

  for (guint r = 0; r < rows->len; r++)
    if (g_strcmp0 (((char **)rows->pdata[r])[0], header) == 0)
      {
        *first = r + 1;
        return rows;
      }

  g_assert_not_reached ();
}

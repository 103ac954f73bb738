/* test-ui-chart.c — the chart widget as a user meets it
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb: the pointer and the arrow keys move the highlight, a
 * click reports its point, the theme follows libadwaita's dark style, and
 * the context menu's exports write PNG, SVG and PDF.
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "jd-chart-private.h"
#include "jd-chart-view.h"

#include "chart-samples.h"

static void
spin (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
show_chart (const char *name,
            GtkWidget **window_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = jd_chart_view_new ();
  g_autoptr(JdChart) chart = sample_chart_named (name);

  jd_chart_view_set_chart (JD_CHART_VIEW (view), chart);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 450);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  for (int i = 0; i < 200 && gtk_widget_get_width (view) < 700; i++)
    {
      g_usleep (5000);
      spin ();
    }
  g_assert_cmpint (gtk_widget_get_width (view), >=, 700);

  *window_out = window;
  return view;
}

static void
on_point_activated_cb (JdChartView *view,
                       int          series,
                       int          index,
                       int         *out)
{
  out[0] = series;
  out[1] = index;
}

static void
test_keyboard (void)
{
  GtkWidget *window;
  GtkWidget *view = show_chart ("line", &window);
  int activated[2] = { -1, -1 };
  JdChartHit hit;

  g_signal_connect (view, "point-activated", G_CALLBACK (on_point_activated_cb), activated);
  g_assert_false (jd_chart_view_get_highlight (JD_CHART_VIEW (view), NULL));

  /* the arrow keys' actions */
  g_assert_true (gtk_widget_activate_action (view, "chart.step", "(ii)", 1, 0));
  g_assert_true (jd_chart_view_get_highlight (JD_CHART_VIEW (view), &hit));
  g_assert_cmpint (hit.series, ==, 0);
  g_assert_cmpint (hit.index, ==, 0);
  gtk_widget_activate_action (view, "chart.step", "(ii)", 1, 0);
  gtk_widget_activate_action (view, "chart.step", "(ii)", 1, 0);
  jd_chart_view_get_highlight (JD_CHART_VIEW (view), &hit);
  g_assert_cmpint (hit.index, ==, 2);
  gtk_widget_activate_action (view, "chart.step", "(ii)", 0, 1);
  jd_chart_view_get_highlight (JD_CHART_VIEW (view), &hit);
  g_assert_cmpint (hit.series, ==, 1);
  gtk_widget_activate_action (view, "chart.step", "(ii)", 100000, 0);
  jd_chart_view_get_highlight (JD_CHART_VIEW (view), &hit);
  g_assert_cmpint (hit.index, ==, 23);

  /* Enter on it: drill down */
  gtk_widget_activate_action (view, "chart.activate-point", NULL);
  g_assert_cmpint (activated[0], ==, 1);
  g_assert_cmpint (activated[1], ==, 23);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_hover (void)
{
  GtkWidget *window;
  GtkWidget *view = show_chart ("grouped", &window);
  g_autoptr(JdChartLayout) layout = NULL;
  JdChartTheme theme;
  JdChartHit hit;

  jd_chart_theme_init_light (&theme);
  layout = _jd_chart_layout_new_for (NULL, gtk_widget_get_width (view), gtk_widget_get_height (view),
                                     jd_chart_view_get_chart (JD_CHART_VIEW (view)), &theme);

  for (guint k = 0; k < layout->n_marks; k++)
    {
      const JdChartMark *m = &layout->marks[k];

      jd_chart_view_point_at (JD_CHART_VIEW (view), m->rect.x + m->rect.width / 2, m->rect.y + m->rect.height / 2);
      g_assert_true (jd_chart_view_get_highlight (JD_CHART_VIEW (view), &hit));
      g_assert_cmpint (hit.series, ==, m->series);
      g_assert_cmpint (hit.index, ==, m->index);
    }

  jd_chart_view_point_at (JD_CHART_VIEW (view), 1, 1);
  g_assert_false (jd_chart_view_get_highlight (JD_CHART_VIEW (view), NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export (void)
{
  GtkWidget *window;
  GtkWidget *view = show_chart ("donut", &window);
  g_autofree char *dir = g_dir_make_tmp ("jd-ui-chart-XXXXXX", NULL);
  static const char * const names[] = { "c.png", "c.svg", "c.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      GStatBuf st;

      g_assert_true (jd_chart_view_export (JD_CHART_VIEW (view), file, FALSE, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 1000);
      g_unlink (path);
    }
  g_rmdir (dir);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What is on screen: the chart, drawn, and redrawn dark */
static void
test_dark (void)
{
  GtkWidget *window;
  GtkWidget *view = show_chart ("bar", &window);
  AdwStyleManager *manager = adw_style_manager_get_default ();

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (view);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;

      adw_style_manager_set_color_scheme (manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      spin ();
      g_assert_cmpint (adw_style_manager_get_dark (manager), ==, dark);
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (view), gtk_widget_get_height (view));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);

      /* the first bar, in the theme's first series colour */
      {
        int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
        cairo_t *cr = cairo_create (surface);
        g_autoptr(JdChartLayout) layout = NULL;
        const JdChartMark *bar;
        JdChartTheme theme;
        const guint8 *p;

        if (dark)
          jd_chart_theme_init_dark (&theme);
        else
          jd_chart_theme_init_light (&theme);
        layout = _jd_chart_layout_new_for (NULL, width, height, jd_chart_view_get_chart (JD_CHART_VIEW (view)), &theme);
        bar = &layout->marks[0];
        gsk_render_node_draw (node, cr);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        p = cairo_image_surface_get_data (surface)
            + (int) (bar->rect.y + bar->rect.height - 4) * cairo_image_surface_get_stride (surface)
            + (int) (bar->rect.x + bar->rect.width / 2) * 4;
        /* BGRA */
        g_assert_cmpint (ABS (p[2] - (int) round (theme.series[0].red * 255)), <=, 3);
        g_assert_cmpint (ABS (p[1] - (int) round (theme.series[0].green * 255)), <=, 3);
        g_assert_cmpint (ABS (p[0] - (int) round (theme.series[0].blue * 255)), <=, 3);
        cairo_surface_destroy (surface);
      }
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui-chart/keyboard", test_keyboard);
  g_test_add_func ("/ui-chart/hover", test_hover);
  g_test_add_func ("/ui-chart/export", test_export);
  g_test_add_func ("/ui-chart/dark", test_dark);

  return g_test_run ();
}

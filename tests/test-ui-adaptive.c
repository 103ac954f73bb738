/* test-ui-adaptive.c — the window at phone size, contrast, the keyboard
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb.  Checks that every page fits a 360 px wide window, that
 * every step of the Import window fits a 600 px tall screen, that dim text
 * keeps 4.5 : 1 contrast in the light theme, and that the shortcuts window
 * lists every key the window, the application and the charts bind.
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jd-application.h"
#include "jd-import-window.h"
#include "jd-window.h"
#include "jd-test-pages.h"

/* Spins the main loop until @window is no longer @busy. */
static void
wait_while (gpointer   window,
            gboolean (*busy) (gpointer window))
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, jd_test_timeout_cb, &timed_out);

  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  while (busy (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
wait_until_idle (JdWindow *window)
{
  wait_while (window, (gboolean (*) (gpointer))jd_window_get_loading);
}

static GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static int
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int            *natural)
{
  int minimum;

  gtk_widget_measure (widget, orientation, -1, &minimum, natural, NULL, NULL);
  return minimum;
}

static gboolean
leaflet_unfolded (gpointer leaflet)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  return !adw_leaflet_get_folded (ADW_LEAFLET (leaflet));
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* At 360 px the sidebar folds away behind a button, Import moves into the
 * menu, and no page asks for more width than the window has. */
static void
test_narrow (void)
{
  static const char *names[] = {
    "overview", "cases", "complaints", "lawsuits", "leniency", "reviews", "agencies", "warnings", "report",
  };
  JdWindow *window = g_object_new (JD_TYPE_WINDOW, NULL);
  GtkWidget *leaflet, *import_button, *pages_button, *header_bar;
  GtkStack *pages;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_open_path (window, jd_test_demo.path, FALSE);
  wait_until_idle (window);

  leaflet = template_child (window, JD_TYPE_WINDOW, "leaflet");
  import_button = template_child (window, JD_TYPE_WINDOW, "import_button");
  pages_button = template_child (window, JD_TYPE_WINDOW, "pages_button");
  header_bar = gtk_widget_get_ancestor (pages_button, ADW_TYPE_HEADER_BAR);
  pages = GTK_STACK (template_child (window, JD_TYPE_WINDOW, "pages"));

  /* The leaflet folds when the window first lays it out at 360 px, which
   * a busy machine may not have done yet. */
  jd_test_wait_while (leaflet_unfolded, leaflet);
  g_assert_true (gtk_widget_get_visible (pages_button));
  g_assert_false (gtk_widget_get_visible (import_button));
  g_assert_cmpint (measure (header_bar, GTK_ORIENTATION_HORIZONTAL, NULL), <=, 360);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[i]));
      wait_until_idle (window);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, names[i]);
      if (measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, NULL) > 360)
        g_error ("the %s page needs %d px", names[i],
                 measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, NULL));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
    }

  /* Wide again: the sidebar and the Import button come back. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  /* The header follows the leaflet from an idle: wait for it by the
   * clock (a loaded machine needs more than a few turns of the loop). */
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (30, jd_test_timeout_cb, &timed_out);

    while (!gtk_widget_get_visible (import_button) && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    if (!timed_out)
      g_source_remove (id);
  }
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (gtk_widget_get_visible (import_button));
  g_assert_false (gtk_widget_get_visible (pages_button));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
import_busy (gpointer window)
{
  GtkStack *stack = GTK_STACK (template_child (window, JD_TYPE_IMPORT_WINDOW, "stack"));

  return jd_import_window_get_busy (window) || gtk_stack_get_transition_running (stack);
}

/* Neither the minimum nor the natural height of the step on show is over
 * 600 px, so its buttons stay on a 600 px tall screen. */
static void
assert_fits_600 (JdImportWindow *window,
                 const char     *step)
{
  GtkStack *stack = GTK_STACK (template_child (window, JD_TYPE_IMPORT_WINDOW, "stack"));
  int minimum, natural;

  wait_while (window, import_busy);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, step);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 800, &minimum, &natural, NULL, NULL);
  if (minimum > 600 || natural > 600)
    g_error ("the import window's %s step is %d px tall (natural %d px)", step, minimum, natural);
}

static void
test_import_fits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiandu-ui-adaptive-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "cases.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("执法单位,案件编号,执法类别,决定日期,罚没金额（元）\n");
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  JdImportWindow *window;

  g_assert_no_error (error);
  store = jd_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_demo_generate (store, 3, 1000, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Enough rows, good and bad, to fill a tall preview and a long list of
   * rejected rows. */
  for (int i = 0; i < 200; i++)
    g_string_append_printf (csv, "SJ-SCJG,FIT-%d,行政处罚,%s,100\n", i, i % 2 ? "2024-07-01" : "2024-13-01");
  g_assert_true (g_file_set_contents (csv_path, csv->str, -1, &error));

  window = jd_import_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 560);
  gtk_window_present (GTK_WINDOW (window));
  assert_fits_600 (window, "choose");

  file = g_file_new_for_path (csv_path);
  jd_import_window_open_file (window, file);
  assert_fits_600 (window, "preview");

  gtk_widget_activate_action (GTK_WIDGET (window), "import.run", NULL);
  assert_fits_600 (window, "summary");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  jd_test_remove_dir (dir);
}

static double
luminance (const guchar *pixel)
{
  double sum[3];

  for (int i = 0; i < 3; i++)
    {
      double c = pixel[i] / 255.0;

      sum[i] = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
    }

  return 0.2126 * sum[0] + 0.7152 * sum[1] + 0.0722 * sum[2];
}

/* The contrast of the dim swatch inside @box against @box's own
 * background, both read off the rendered window. */
static double
contrast_in (GtkWidget *window,
             GtkWidget *box,
             GtkWidget *swatch)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  graphene_point_t inside, outside;
  const guchar *fg, *bg;
  double l1, l2;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize)width * height * 4);
  gdk_texture_download (texture, pixels, (gsize)width * 4);

  g_assert_true (gtk_widget_compute_point (swatch, window, &GRAPHENE_POINT_INIT (10, 10), &inside));
  g_assert_true (gtk_widget_compute_point (box, window, &GRAPHENE_POINT_INIT (4, 4), &outside));
  /* Cairo's ARGB32: blue, green, red, alpha on little-endian machines;
   * all three are grey here, so the order does not matter. */
  fg = pixels + ((gsize)inside.y * width + (gsize)inside.x) * 4;
  bg = pixels + ((gsize)outside.y * width + (gsize)outside.x) * 4;
  g_assert_cmpint (fg[0], !=, bg[0]);

  l1 = luminance (fg);
  l2 = luminance (bg);
  return (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);
}

/* A box in @css_class holding a dim swatch painted in the text colour: the
 * colour dim text has, without the anti-aliasing of glyph edges. */
static GtkWidget *
add_sample (GtkWidget   *parent,
            const char  *css_class,
            GtkWidget  **swatch)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *dim = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  gtk_widget_add_css_class (dim, "dim-label");
  *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (*swatch, "swatch");
  gtk_widget_set_margin_start (dim, 12);
  gtk_widget_set_margin_top (dim, 12);
  gtk_widget_set_margin_end (dim, 12);
  gtk_widget_set_margin_bottom (dim, 12);
  gtk_box_append (GTK_BOX (dim), *swatch);
  gtk_box_append (GTK_BOX (box), dim);
  gtk_box_append (GTK_BOX (parent), box);

  return box;
}

/* Dim text in the light theme, with the app's style sheet, is at least
 * 4.5 : 1 against the window, a card and the header bar. */
static void
test_dim_contrast (void)
{
  g_autoptr(GtkCssProvider) app_css = gtk_css_provider_new ();
  g_autoptr(GtkCssProvider) swatch_css = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header, *title_box;
  GtkWidget *on_window, *on_card, *on_header;
  GtkWidget *window_swatch, *card_swatch, *header_swatch;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_css_provider_load_from_resource (app_css, "/io/github/jiandu/Jiandu/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (app_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_css_provider_load_from_data (swatch_css,
                                   ".swatch { background-color: currentColor; min-width: 20px; min-height: 20px; }", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (swatch_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  header = adw_header_bar_new ();
  title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title_box);
  gtk_box_append (GTK_BOX (content), header);
  on_header = add_sample (title_box, NULL, &header_swatch);
  on_window = add_sample (content, NULL, &window_swatch);
  on_card = add_sample (content, "card", &card_swatch);
  gtk_window_set_child (GTK_WINDOW (window), content);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  while (gtk_widget_get_width (window_swatch) == 0)
    g_main_context_iteration (NULL, TRUE);

  g_test_message ("dim contrast: window %.2f, card %.2f, header bar %.2f",
                  contrast_in (window, on_window, window_swatch),
                  contrast_in (window, on_card, card_swatch),
                  contrast_in (window, on_header, header_swatch));
  g_assert_cmpfloat (contrast_in (window, on_window, window_swatch), >=, 4.5);
  g_assert_cmpfloat (contrast_in (window, on_card, card_swatch), >=, 4.5);
  g_assert_cmpfloat (contrast_in (window, on_header, header_swatch), >=, 4.5);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (swatch_css));
  gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (app_css));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* A key as the lists below hold it; the keypad's Enter is Enter. */
static char *
key_string (guint           keyval,
            GdkModifierType modifiers)
{
  if (keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    keyval = GDK_KEY_Return;

  return g_strdup_printf ("%u:%u", gdk_keyval_to_lower (keyval), modifiers);
}

/* What the shortcuts window lists: its accelerators as "keyval:modifiers"
 * strings, and the actions whose application accelerators it shows. */
static void
collect_listed (GtkBuilder  *builder,
                GHashTable  *keys,
                GHashTable  *actions)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) accels = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action_name, "title", &title, NULL);
      g_assert_true (title != NULL && *title != '\0');
      if (action_name != NULL)
        g_hash_table_add (actions, g_steal_pointer (&action_name));
      accels = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        {
          guint key;
          GdkModifierType mods;

          if (*accels[i] == '\0')
            continue;
          g_assert_true (gtk_accelerator_parse (accels[i], &key, &mods));
          g_hash_table_add (keys, key_string (key, mods));
        }
    }
}

/* Every key that @widget's class binds to one of the app's actions is in
 * @keys, or its action is listed by name (its keys are then the
 * application's accelerators, which the overlay looks up itself).  GTK's
 * own bindings (focus moves, the inspector) are signals, not actions. */
static void
assert_bindings_listed (GtkWidget  *widget,
                        GHashTable *keys,
                        GHashTable *actions)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *key = NULL;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
            continue;
          key = key_string (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                            gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          if (!g_hash_table_contains (keys, key) &&
              !g_hash_table_contains (actions, gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))))
            {
              g_autofree char *label = gtk_shortcut_trigger_to_string (trigger);

              g_error ("%s binds %s to %s, which the shortcuts window does not list",
                       G_OBJECT_TYPE_NAME (widget), label,
                       gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
            }
          checked++;
        }
    }

  g_assert_cmpuint (checked, >, 0);
}

/* The shortcuts window lists every accelerator the application sets and
 * every key the main window and the charts bind. */
static void
test_shortcuts_listed (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/jiandu/Jiandu/gtk/help-overlay.ui");
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JdApplication) app = jd_application_new ();
  g_auto(GStrv) described = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *chart;

  collect_listed (builder, keys, actions);

  /* Registering runs startup, which sets the accelerators. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_assert_nonnull (described[0]);
  for (guint i = 0; described[i] != NULL; i++)
    if (!g_hash_table_contains (actions, described[i]))
      g_error ("%s has keys the shortcuts window does not list", described[i]);

  window = g_object_new (JD_TYPE_WINDOW, NULL);
  assert_bindings_listed (window, keys, actions);
  gtk_window_destroy (GTK_WINDOW (window));

  chart = g_object_ref_sink (jd_chart_view_new ());
  assert_bindings_listed (chart, keys, actions);
  g_object_unref (chart);
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  jd_test_demo_setup ();

  g_test_add_func ("/ui/adaptive/narrow", test_narrow);
  g_test_add_func ("/ui/adaptive/import-fits-600", test_import_fits);
  g_test_add_func ("/ui/adaptive/dim-contrast", test_dim_contrast);
  g_test_add_func ("/ui/adaptive/shortcuts-listed", test_shortcuts_listed);

  status = g_test_run ();
  jd_test_demo_teardown ();
  return status;
}

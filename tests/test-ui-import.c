/* test-ui-import.c — the Import window as a user goes through it
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb.  Opens a CSV file in the Import window, checks the
 * preview (entity and column mapping), imports, reads the summary and the
 * rejected rows, then undoes the import from the History page.  With
 * JD_SCREENSHOT_DIR set, saves what each step looks like.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jd-demo.h"
#include "jd-import.h"
#include "jd-import-window.h"
#include "jd-store-private.h"
#include "jd-test-util.h"
#include "jd-window.h"

static const char *csv =
  "执法单位,案件编号,执法类别,决定日期,罚没金额（元）,备注\n"
  "SJ-SCJG,UI-1,行政处罚,2024-07-01,\"1,234.50\",\n"
  "SJ-SCJG,UI-2,行政处罚,2024-13-01,1,日期错误\n"
  "SJ-STHJ,UI-3,行政检查,2024年7月2日,,\n";

/* Each case twice over, the second time written otherwise: nothing wrong. */
static const char *duplicates_csv =
  "执法单位,案件编号,执法类别,决定日期,罚没金额（元）\n"
  "SJ-SCJG,UI-4,行政处罚,2024-07-03,10\n"
  "SJ-SCJG,UI-5,行政处罚,2024-07-04,20\n"
  "SJ-SCJG,UI-4,行政处罚,2024/7/3,10.00\n"
  "SJ-SCJG,UI-5,行政处罚,2024-07-04,20\n";

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @window (a JdImportWindow or a JdWindow, of
 * @type) is no longer @busy and its stack has finished cross-fading. */
static void
wait_for_window (gpointer   window,
                 GType      type,
                 gboolean (*busy) (gpointer window))
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), type, "stack"));
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, on_timeout_cb, &timed_out);

  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  while (busy (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  while (gtk_stack_get_transition_running (stack) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
wait_until_idle (JdImportWindow *window)
{
  wait_for_window (window, JD_TYPE_IMPORT_WINDOW, (gboolean (*) (gpointer))jd_import_window_get_busy);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("JD_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static void
on_imported_cb (JdImportWindow *window,
                guint          *count)
{
  (*count)++;
}

static gint64
count_cases (JdStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (_jd_store_get_db (store),
                                                    "SELECT count(*) FROM cases WHERE case_no LIKE 'UI-%'", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_import_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiandu-ui-import-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "2024年7月案件.csv", NULL);
  g_autofree char *dup_path = g_build_filename (dir, "重复.csv", NULL);
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) records = NULL;
  JdImportWindow *window;
  GtkWidget *stack, *entity_dropdown, *grid, *summary, *errors, *history, *button;
  const char * const *entities = jd_import_entities ();
  guint imported = 0;
  guint cases_index = 0;

  g_assert_no_error (error);
  store = jd_store_open (db_path, &error);
  g_assert_no_error (error);
  jd_demo_generate (store, 3, 1000, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (csv_path, csv, -1, &error);
  g_assert_no_error (error);

  window = jd_import_window_new (NULL, store);
  g_signal_connect (window, "imported", G_CALLBACK (on_imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_idle (window);
  screenshot (GTK_WIDGET (window), "import-1-choose.png");

  stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), JD_TYPE_IMPORT_WINDOW, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "choose");

  /* The preview: the entity told from the headers, each column mapped. */
  file = g_file_new_for_path (csv_path);
  jd_import_window_open_file (window, file);
  wait_until_idle (window);
  screenshot (GTK_WIDGET (window), "import-2-preview.png");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "preview");

  while (g_strcmp0 (entities[cases_index], "cases") != 0)
    cases_index++;
  entity_dropdown = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), JD_TYPE_IMPORT_WINDOW, "entity_dropdown"));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (entity_dropdown)), ==, cases_index);

  grid = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), JD_TYPE_IMPORT_WINDOW, "preview_grid"));
  {
    GtkWidget *header = gtk_grid_get_child_at (GTK_GRID (grid), 1, 1);
    GtkWidget *mapped = gtk_grid_get_child_at (GTK_GRID (grid), 1, 0);
    GtkWidget *ignored = gtk_grid_get_child_at (GTK_GRID (grid), 5, 0);
    GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (grid), 1, 3);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, "案件编号");
    /* 案件编号 is the case number, the second field of cases; 备注 is ignored. */
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (mapped)), ==, 2);
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (ignored)), ==, 0);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "UI-2");
  }

  /* Import: the summary counts, and the rejected row says why. */
  gtk_widget_activate_action (GTK_WIDGET (window), "import.run", NULL);
  wait_until_idle (window);
  screenshot (GTK_WIDGET (window), "import-3-summary.png");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "summary");
  summary = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), JD_TYPE_IMPORT_WINDOW, "summary_label"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (summary)), "2 new, 0 updated, 0 unchanged, 1 rejected"));
  errors = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), JD_TYPE_IMPORT_WINDOW, "errors_list"));
  g_assert_cmpuint (count_rows (GTK_LIST_BOX (errors)), ==, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (errors), 0))),
                            "2024-13-01"));
  g_assert_cmpuint (imported, ==, 1);
  g_assert_cmpint (count_cases (store), ==, 2);

  /* History: one import, and its Undo removes the two cases again. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), JD_TYPE_IMPORT_WINDOW, "view_stack")),
                                         "history");
  wait_until_idle (window);
  screenshot (GTK_WIDGET (window), "import-4-history.png");
  history = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), JD_TYPE_IMPORT_WINDOW, "history_list"));
  g_assert_cmpuint (count_rows (GTK_LIST_BOX (history)), ==, 1);
  button = find_descendant (history, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_until_idle (window);

  g_assert_cmpuint (imported, ==, 2);
  g_assert_cmpint (count_cases (store), ==, 0);
  records = jd_import_list (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (((JdImportRecord *)records->pdata[0])->undone_at);
  button = find_descendant (history, GTK_TYPE_BUTTON);
  g_assert_false (gtk_widget_get_sensitive (button));

  /* Rows that only repeat earlier ones are counted, not rejected. */
  g_file_set_contents (dup_path, duplicates_csv, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&file);
  file = g_file_new_for_path (dup_path);
  jd_import_window_open_file (window, file);
  wait_until_idle (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "preview");
  gtk_widget_activate_action (GTK_WIDGET (window), "import.run", NULL);
  wait_until_idle (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "summary");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), JD_TYPE_IMPORT_WINDOW, "summary_title"))),
                   ==, "Imported");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (summary)), "2 new, 0 updated, 0 unchanged, 2 duplicated, 0 rejected"));
  g_assert_false (gtk_widget_get_visible (errors));
  g_assert_cmpint (count_cases (store), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);

  jd_test_remove_dir (dir);
}

/* The first item of @model of @type, or NULL; its owner keeps it alive. */
static gpointer
find_in_model (GListModel *model,
               GType       type)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        return item;
    }

  return NULL;
}

/* What a drop of @path on @window hands the window's drop target. */
static gboolean
drop_file (JdWindow   *window,
           const char *path)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = find_in_model (controllers, GTK_TYPE_DROP_TARGET);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSList) files = g_slist_prepend (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_assert_nonnull (target);
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target), GDK_TYPE_FILE_LIST));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &handled);

  return handled;
}

/* Whether a label under @widget (a toast, say) says @text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

/* The Import window open on top of the others, or NULL. */
static JdImportWindow *
find_import_window (void)
{
  return find_in_model (gtk_window_get_toplevels (), JD_TYPE_IMPORT_WINDOW);
}

static void
wait_until_window_idle (JdWindow *window)
{
  wait_for_window (window, JD_TYPE_WINDOW, (gboolean (*) (gpointer))jd_window_get_loading);
}

static void
close_import_window (JdImportWindow *import_window)
{
  gtk_window_close (GTK_WINDOW (import_window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_import_window ());
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

static const char *
visible_page (gpointer window,
              GType    type)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (template_child (window, type, "stack")));
}

/* Files dropped on the main window: a CSV opens the Import window on its
 * preview; a text file that is no table says so there; a database is
 * opened; anything else is refused in a toast, leaving the dashboard. */
static void
test_drop (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiandu-ui-drop-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "city.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "dropped.csv", NULL);
  g_autofree char *txt_path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *png_path = g_build_filename (dir, "photo.png", NULL);
  g_autofree char *other_db_path = g_build_filename (dir, "county.db", NULL);
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x06\0\0\0";
  const char * const *entities = jd_import_entities ();
  JdWindow *window;
  JdImportWindow *import_window;
  GtkWidget *entity_dropdown, *grid, *note;
  guint cases_index = 0;
  JdPeriod period, kept;

  g_assert_no_error (error);
  {
    g_autoptr(JdStore) store = jd_store_open (db_path, &error);

    g_assert_no_error (error);
    jd_demo_generate (store, 3, 1000, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_set_contents (csv_path, csv, -1, NULL));
  g_assert_true (g_file_set_contents (txt_path, "Meeting notes\nBring the July report.\n", -1, NULL));
  g_assert_true (g_file_set_contents (png_path, png, sizeof png - 1, NULL));
  {
    g_autoptr(JdStore) other = jd_store_open (other_db_path, &error);

    g_assert_no_error (error);
  }

  window = g_object_new (JD_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_open_path (window, db_path, FALSE);
  wait_until_window_idle (window);
  g_assert_cmpstr (visible_page (window, JD_TYPE_WINDOW), ==, "dashboard");
  g_assert_null (find_import_window ());

  /* The user looks at an earlier month than the one the window opened on. */
  g_assert_true (jd_period_parse ("2025-03", &kept, NULL));
  jd_window_set_period (window, &kept);
  wait_until_window_idle (window);

  /* A CSV: the Import window, over the main one, with the file's preview. */
  g_assert_true (drop_file (window, csv_path));
  import_window = find_import_window ();
  g_assert_nonnull (import_window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (import_window)) == GTK_WINDOW (window));
  wait_until_idle (import_window);
  g_assert_cmpstr (visible_page (import_window, JD_TYPE_IMPORT_WINDOW), ==, "preview");
  note = template_child (import_window, JD_TYPE_IMPORT_WINDOW, "preview_note");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), "dropped.csv"));

  while (g_strcmp0 (entities[cases_index], "cases") != 0)
    cases_index++;
  entity_dropdown = template_child (import_window, JD_TYPE_IMPORT_WINDOW, "entity_dropdown");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (entity_dropdown)), ==, cases_index);
  grid = template_child (import_window, JD_TYPE_IMPORT_WINDOW, "preview_grid");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 2))), ==, "SJ-SCJG");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 2))), ==, "UI-1");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 4))), ==, "UI-3");

  /* Importing it shows the new figures of the period the user was on
   * (the dashboard used to jump back to the latest month). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (import_window), "import.run", NULL));
  wait_until_idle (import_window);
  wait_until_window_idle (window);
  g_assert_cmpstr (visible_page (window, JD_TYPE_WINDOW), ==, "dashboard");
  g_assert_true (jd_window_get_period (window, &period));
  g_assert_true (jd_period_equal (&period, &kept));
  close_import_window (import_window);

  /* Text that is no table: the Import window says it cannot tell what
   * the file holds, and nothing can be imported until the user says. */
  g_assert_true (drop_file (window, txt_path));
  import_window = find_import_window ();
  g_assert_nonnull (import_window);
  wait_until_idle (import_window);
  note = template_child (import_window, JD_TYPE_IMPORT_WINDOW, "preview_note");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), "The headers of “notes.txt” do not say what it holds"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (import_window), "import.run", NULL) &&
                  jd_import_window_get_busy (import_window));
  close_import_window (import_window);

  /* A picture is neither: it is refused by name, and the dashboard stays. */
  g_assert_false (drop_file (window, png_path));
  wait_until_window_idle (window);
  g_assert_null (find_import_window ());
  g_assert_cmpstr (visible_page (window, JD_TYPE_WINDOW), ==, "dashboard");
  g_assert_cmpstr (jd_store_get_path (jd_window_get_store (window)), ==, db_path);
  g_assert_true (has_label (GTK_WIDGET (window),
                            "“photo.png” is neither a table to import (CSV, XLSX, XLS) nor a database"));

  /* Another database is opened. */
  g_assert_true (drop_file (window, other_db_path));
  wait_until_window_idle (window);
  g_assert_cmpstr (jd_store_get_path (jd_window_get_store (window)), ==, other_db_path);

  gtk_window_destroy (GTK_WINDOW (window));
  jd_test_remove_dir (dir);
}

static guint
count_descendants (GtkWidget *widget,
                   GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += G_TYPE_CHECK_INSTANCE_TYPE (child, type) + count_descendants (child, type);

  return n;
}

static void
import_file (JdImportWindow *window,
             const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  jd_import_window_open_file (window, file);
  wait_until_idle (window);
  g_assert_cmpstr (visible_page (window, JD_TYPE_IMPORT_WINDOW), ==, "preview");
  gtk_widget_activate_action (GTK_WIDGET (window), "import.run", NULL);
  wait_until_idle (window);
  g_assert_cmpstr (visible_page (window, JD_TYPE_IMPORT_WINDOW), ==, "summary");
}

static const char *
summary_text (JdImportWindow *window,
              const char     *name)
{
  return gtk_label_get_text (GTK_LABEL (template_child (window, JD_TYPE_IMPORT_WINDOW, name)));
}

/* What an import that wrote nothing is called, and what it offers; and
 * the advice for a rejected row or a misread file names this window's
 * own controls, by their labels, never the command line's options. */
static void
test_nothing_written (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jiandu-ui-import-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *unknown_path = g_build_filename (dir, "unknown.csv", NULL);
  g_autofree char *good_path = g_build_filename (dir, "good.csv", NULL);
  g_autofree char *bad_text_path = g_build_filename (dir, "bad-text.csv", NULL);
  g_autoptr(GString) bad_text = g_string_new ("执法单位,案件编号,执法类别\n");
  g_autoptr(JdStore) store = NULL;
  JdImportWindow *window;
  GtkWidget *errors, *history, *encoding;
  const char *reason;

  g_assert_no_error (error);
  store = jd_store_open (db_path, &error);
  g_assert_no_error (error);
  jd_demo_generate (store, 3, 1000, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (unknown_path, "执法单位,案件编号,执法类别\n新区城管局,NW-1,行政处罚\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (good_path, "执法单位,案件编号,执法类别\nSJ-SCJG,NW-2,行政处罚\n", -1, &error);
  g_assert_no_error (error);
  /* Good UTF-8 for the preview's rows, then a byte that is not */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (bad_text, "SJ-SCJG,NW-T%u,行政处罚\n", i);
  g_string_append (bad_text, "SJ-SCJG,NW-\xff,行政处罚\n");
  g_file_set_contents (bad_text_path, bad_text->str, bad_text->len, &error);
  g_assert_no_error (error);

  window = jd_import_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_idle (window);

  /* Every row rejected: no rows imported, and the reason names the check box. */
  import_file (window, unknown_path);
  g_assert_cmpstr (summary_text (window, "summary_title"), ==, "No Rows Imported");
  errors = template_child (window, JD_TYPE_IMPORT_WINDOW, "errors_list");
  g_assert_cmpuint (count_rows (GTK_LIST_BOX (errors)), ==, 1);
  reason = adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (errors), 0)));
  g_assert_cmpstr (reason, ==, "Unknown agency “新区城管局” (turn on “Add unknown agencies and fields” to add it)");

  /* A new row, then the same file again: nothing new. */
  import_file (window, good_path);
  g_assert_cmpstr (summary_text (window, "summary_title"), ==, "Imported");
  import_file (window, good_path);
  g_assert_cmpstr (summary_text (window, "summary_title"), ==, "Nothing New to Import");
  g_assert_nonnull (strstr (summary_text (window, "summary_label"), "0 new, 0 updated, 1 unchanged, 0 rejected"));

  /* Three imports in the history; only the one that wrote a row has an Undo. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (template_child (window, JD_TYPE_IMPORT_WINDOW, "view_stack")),
                                         "history");
  wait_until_idle (window);
  history = template_child (window, JD_TYPE_IMPORT_WINDOW, "history_list");
  g_assert_cmpuint (count_rows (GTK_LIST_BOX (history)), ==, 3);
  g_assert_cmpuint (count_descendants (history, GTK_TYPE_BUTTON), ==, 1);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (template_child (window, JD_TYPE_IMPORT_WINDOW, "view_stack")),
                                         "import");

  /* Read as UTF-8 as chosen, the file fails: back on the preview, the
   * advice names the drop-down, which is right there. */
  encoding = template_child (window, JD_TYPE_IMPORT_WINDOW, "encoding_dropdown");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (encoding), 1);
  {
    g_autoptr(GFile) file = g_file_new_for_path (bad_text_path);

    jd_import_window_open_file (window, file);
    wait_until_idle (window);
    gtk_widget_activate_action (GTK_WIDGET (window), "import.run", NULL);
    wait_until_idle (window);
  }
  screenshot (GTK_WIDGET (window), "import-5-encoding.png");
  g_assert_cmpstr (visible_page (window, JD_TYPE_IMPORT_WINDOW), ==, "preview");
  g_assert_true (gtk_widget_get_mapped (encoding));
  g_assert_nonnull (strstr (summary_text (window, "preview_note"), "is not valid UTF-8 text"));
  g_assert_nonnull (strstr (summary_text (window, "preview_note"), "choose the file’s encoding under “Encoding”"));
  g_assert_null (strstr (summary_text (window, "preview_note"), "--"));

  /* A file that cannot even be previewed as UTF-8: the same page and
   * advice, and choosing GB18030 there previews it. */
  {
    g_autofree char *gb_path = g_test_build_filename (G_TEST_DIST, "data", "complaints-gb18030.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (gb_path);

    jd_import_window_open_file (window, file);
    wait_until_idle (window);
    g_assert_cmpstr (visible_page (window, JD_TYPE_IMPORT_WINDOW), ==, "preview");
    g_assert_nonnull (strstr (summary_text (window, "preview_note"), "choose the file’s encoding under “Encoding”"));
    g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "import.run", NULL) &&
                    jd_import_window_get_busy (window));

    gtk_drop_down_set_selected (GTK_DROP_DOWN (encoding), 2);
    wait_until_idle (window);
    g_assert_cmpstr (visible_page (window, JD_TYPE_IMPORT_WINDOW), ==, "preview");
    g_assert_nonnull (strstr (summary_text (window, "preview_note"), "the headers are in row"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  jd_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  /* The suite runs in English; with LANGUAGE=zh_CN and an installed
   * prefix, the screenshots show the translation. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/import/preview-import-undo", test_import_window);
  g_test_add_func ("/ui/import/drop", test_drop);
  g_test_add_func ("/ui/import/nothing-written", test_nothing_written);

  return g_test_run ();
}

/* test-ui-report.c — the Report view: pages, editing, print and export
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jd-report.h"
#include "jd-report-edits.h"
#include "jd-report-outline.h"
#include "jd-report-view.h"
#include "jd-test-pages.h"

/* The demo's last quarter (partial or not). */
static JdPeriod
demo_quarter (void)
{
  return jd_period_containing (JD_PERIOD_QUARTER, jd_test_demo.last_month);
}

static JdSession *
session_new (const JdPeriod *period)
{
  g_autofree char *text = jd_period_to_string (period);

  return jd_test_session_new (text);
}

/* Spins the main loop until the view has written (or exported) its report. */
static void
wait_for_view (JdReportView *view)
{
  jd_test_wait_while ((JdTestBusyFunc)jd_report_view_get_busy, view);
}

static GtkWindow *
show_view (JdReportView *view)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  wait_for_view (view);

  return window;
}

static const char *
visible_state (JdReportView *view)
{
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (view), JD_TYPE_REPORT_VIEW, "stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* The same report, written and laid out here, without the view. */
static JdDoc *
build_report (const JdPeriod *period)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (jd_test_demo.path, &error);
  JdFilter filter = { 0 };
  JdDoc *doc;

  g_assert_no_error (error);
  doc = jd_report_build (store, period, &filter, jd_report_template_for_period (period),
                         NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static guint
count_pages (JdDoc *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDocLayout) layout = jd_doc_layout_new (doc, NULL, &error);

  g_assert_no_error (error);
  return jd_doc_layout_get_n_pages (layout);
}

/* The first paragraph the analyst can edit. */
static int
first_editable (JdDoc *doc)
{
  for (guint i = 0; i < jd_doc_get_n_blocks (doc); i++)
    {
      JdBlock *block = jd_doc_get_block (doc, i);

      if (jd_block_get_kind (block) == JD_BLOCK_PARAGRAPH && jd_block_get_key (block) != NULL)
        return i;
    }
  g_assert_not_reached ();
}

/* How many pixels of @texture are near white, and how many are dark. */
static void
count_ink (GdkTexture *texture,
           guint      *white,
           guint      *dark)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize)width * height * 4);

  gdk_texture_download (texture, pixels, width * 4);
  *white = *dark = 0;
  for (gsize i = 0; i < (gsize)width * height; i++)
    {
      guint sum = pixels[i * 4] + pixels[i * 4 + 1] + pixels[i * 4 + 2];

      if (sum > 3 * 250)
        (*white)++;
      else if (sum < 3 * 100)
        (*dark)++;
    }
}

/* The view shows as many pages as the layout of the same report has, on
 * paper that is drawn (white, with dark text), and an outline of its
 * headings; a new period writes the report again. */
static void
test_pages (void)
{
  JdPeriod period = demo_quarter ();
  JdPeriod previous = jd_period_previous (&period);
  g_autoptr(JdSession) session = session_new (&period);
  JdReportView *view = JD_REPORT_VIEW (jd_report_view_new (session));
  GtkWindow *window = show_view (view);
  g_autoptr(JdDoc) expected = build_report (&period);
  g_autoptr(JdDoc) expected_previous = build_report (&previous);
  JdReportPreview *preview = jd_report_view_get_preview (view);
  GObject *outline = gtk_widget_get_template_child (GTK_WIDGET (view), JD_TYPE_REPORT_VIEW, "outline");
  g_autoptr(GdkTexture) texture = NULL;
  guint n_headings = 0, n_rows = 0;
  guint white, dark;
  JdDoc *doc;

  g_assert_cmpstr (visible_state (view), ==, "report");
  doc = jd_report_view_get_doc (view);
  g_assert_nonnull (doc);
  g_assert_cmpstr (jd_doc_get_title (doc), ==, jd_doc_get_title (expected));
  g_assert_cmpuint (jd_report_preview_get_n_pages (preview), ==, count_pages (expected));
  g_assert_cmpuint (jd_report_preview_get_n_pages (preview), >, 1);

  for (guint i = 0; i < jd_doc_get_n_blocks (doc); i++)
    n_headings += jd_block_get_kind (jd_doc_get_block (doc, i)) == JD_BLOCK_HEADING;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (outline)); row; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_headings, >=, 9);
  g_assert_cmpuint (n_rows, >, n_headings);

  texture = jd_test_render (GTK_WIDGET (preview), "report-preview.png");
  count_ink (texture, &white, &dark);
  g_assert_cmpuint (white, >, (guint)(gdk_texture_get_width (texture) * gdk_texture_get_height (texture) / 4));
  g_assert_cmpuint (dark, >, 200);

  /* The outline's last heading scrolls to a later page. */
  jd_report_preview_scroll_to_block (preview, jd_doc_get_n_blocks (doc) - 1);
  g_assert_cmpuint (jd_report_preview_get_top_page (preview), >, 0);

  jd_session_set_period (session, &previous);
  g_assert_true (jd_report_view_get_busy (view));
  wait_for_view (view);
  g_assert_cmpstr (jd_doc_get_title (jd_report_view_get_doc (view)), ==, jd_doc_get_title (expected_previous));
  g_assert_cmpuint (jd_report_preview_get_n_pages (preview), ==, count_pages (expected_previous));

  gtk_window_destroy (window);
}

static void
activate_editor (JdReportEditor *editor,
                 const char     *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL));
}

/* The toast's Undo button, wherever the overlay put it. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static JdBlock *
block_of (JdReportView *view,
          const char   *key)
{
  JdDoc *doc = jd_report_view_get_doc (view);
  int index = jd_doc_find_block (doc, key);

  g_assert_cmpint (index, >=, 0);
  return jd_doc_get_block (doc, index);
}

/* An edited paragraph is saved (escaped: the analyst types plain text),
 * is in the report written again and in a view opened later; Regenerate
 * brings the draft back, and Undo the analyst's wording. */
static void
test_edit (void)
{
  JdPeriod period = demo_quarter ();
  g_autoptr(JdSession) session = session_new (&period);
  JdReportView *view = JD_REPORT_VIEW (jd_report_view_new (session));
  GtkWindow *window = show_view (view);
  const char *typed = "本季度执法工作总体平稳 <b>须</b> & 关注";
  g_autofree char *expected = g_markup_escape_text (typed, -1);
  g_autofree char *key = NULL;
  g_autofree char *draft = NULL;
  JdReportEditor *editor;
  GtkWidget *undo;
  JdBlock *block;
  int index;

  index = first_editable (jd_report_view_get_doc (view));
  block = jd_doc_get_block (jd_report_view_get_doc (view), index);
  key = g_strdup (jd_block_get_key (block));
  draft = g_strdup (jd_block_get_text (block));
  g_assert_cmpint (jd_block_get_state (block), ==, JD_PARAGRAPH_DRAFTED);

  editor = jd_report_view_edit_paragraph (view, index);
  g_assert_nonnull (editor);
  g_assert_cmpstr (jd_report_editor_get_key (editor), ==, key);
  gtk_text_buffer_set_text (jd_report_editor_get_buffer (editor), typed, -1);
  activate_editor (editor, "editor.save");
  wait_for_view (view);

  block = block_of (view, key);
  g_assert_cmpstr (jd_block_get_text (block), ==, expected);
  g_assert_true (jd_block_get_state (block) & JD_PARAGRAPH_EDITED);
  g_assert_false (jd_block_get_state (block) & JD_PARAGRAPH_STALE);
  gtk_window_destroy (window);

  /* Opened again, on a session of its own */
  {
    g_autoptr(JdSession) again = session_new (&period);

    view = JD_REPORT_VIEW (jd_report_view_new (again));
    window = show_view (view);
    block = block_of (view, key);
    g_assert_cmpstr (jd_block_get_text (block), ==, expected);
    g_assert_true (jd_block_get_state (block) & JD_PARAGRAPH_EDITED);

    editor = jd_report_view_edit_paragraph (view, jd_doc_find_block (jd_report_view_get_doc (view), key));
    activate_editor (editor, "editor.regenerate");
    wait_for_view (view);
    block = block_of (view, key);
    g_assert_cmpstr (jd_block_get_text (block), ==, draft);
    g_assert_cmpint (jd_block_get_state (block), ==, JD_PARAGRAPH_DRAFTED);

    /* The toast's Undo puts the analyst's wording back. */
    undo = find_button (GTK_WIDGET (view), "_Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    wait_for_view (view);
    block = block_of (view, key);
    g_assert_cmpstr (jd_block_get_text (block), ==, expected);
    g_assert_true (jd_block_get_state (block) & JD_PARAGRAPH_EDITED);

    /* Leave the database as it was for the other tests. */
    g_assert_true (jd_report_edit_forget (jd_session_get_store (again), &period, jd_session_get_filter (again),
                                          jd_report_template_for_period (&period), key, NULL));
    gtk_window_destroy (window);
  }
}

static char *
run (const char *program,
     const char *path)
{
  const char *argv[] = { program, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *line;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "\nPages:");
  g_assert_nonnull (line);
  return (guint)g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static int
compare_unichar (const gunichar *a,
                 const gunichar *b)
{
  return (*a > *b) - (*a < *b);
}

/* The characters of @text but its white space, in order of code point:
 * both PDFs are painted by the same code, but the print context's paper
 * is a hair off the page model's A4, and pdftotext may then read two runs
 * of text side by side in another order. */
static char *
sorted_chars (const char *text)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_array_append_val (chars, c);
    }
  g_array_sort (chars, (GCompareFunc)compare_unichar);
  for (guint i = 0; i < chars->len; i++)
    g_string_append_unichar (out, g_array_index (chars, gunichar, i));
  return g_string_free (out, FALSE);
}

/* Printing (to a PDF file, as the print dialog's "Print to File" does)
 * draws the same pages as the PDF writer: the same count, the same text. */
static void
test_print (void)
{
  JdPeriod period = demo_quarter ();
  g_autoptr(JdSession) session = session_new (&period);
  JdReportView *view = JD_REPORT_VIEW (jd_report_view_new (session));
  GtkWindow *window = show_view (view);
  g_autofree char *printed = g_build_filename (jd_test_demo.dir, "printed.pdf", NULL);
  g_autofree char *written = g_build_filename (jd_test_demo.dir, "written.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *written_text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = jd_report_preview_get_n_pages (jd_report_view_get_preview (view));

  g_assert_true (jd_report_view_print (view, GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &error));
  g_assert_no_error (error);
  g_assert_true (jd_doc_write_pdf (jd_report_view_get_doc (view), written, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pdf_pages (printed), ==, n_pages);
  g_assert_cmpuint (pdf_pages (written), ==, n_pages);

  printed_text = run ("pdftotext", printed);
  written_text = run ("pdftotext", written);
  g_assert_nonnull (strstr (printed_text, jd_doc_get_title (jd_report_view_get_doc (view))));
  a = sorted_chars (printed_text);
  b = sorted_chars (written_text);
  g_assert_cmpuint (strlen (a), >, 1000);
  g_assert_cmpstr (a, ==, b);

  gtk_window_destroy (window);
}

/* Export PDF and DOCX write their files in a worker, with the view busy
 * meanwhile. */
static void
test_export (void)
{
  JdPeriod period = demo_quarter ();
  g_autoptr(JdSession) session = session_new (&period);
  JdReportView *view = JD_REPORT_VIEW (jd_report_view_new (session));
  GtkWindow *window = show_view (view);
  g_autofree char *pdf = g_build_filename (jd_test_demo.dir, "exported.pdf", NULL);
  g_autofree char *docx = g_build_filename (jd_test_demo.dir, "exported.docx", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) docx_file = g_file_new_for_path (docx);
  g_autofree char *contents = NULL;
  gsize length;

  jd_report_view_export_to (view, pdf_file, JD_REPORT_FORMAT_PDF);
  g_assert_true (jd_report_view_get_busy (view));
  wait_for_view (view);
  g_assert_cmpuint (pdf_pages (pdf), ==, jd_report_preview_get_n_pages (jd_report_view_get_preview (view)));

  jd_report_view_export_to (view, docx_file, JD_REPORT_FORMAT_DOCX);
  wait_for_view (view);
  g_assert_true (g_file_get_contents (docx, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 2, "PK", 2);

  gtk_window_destroy (window);
}

/* Cancel stops the writing and says so; Try Again writes it. */
static void
test_cancel (void)
{
  JdPeriod period = demo_quarter ();
  g_autoptr(JdSession) session = session_new (&period);
  JdReportView *view = JD_REPORT_VIEW (jd_report_view_new (session));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  while (!jd_report_view_get_busy (view))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (visible_state (view), ==, "building");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "report.cancel", NULL));
  wait_for_view (view);
  g_assert_cmpstr (visible_state (view), ==, "error");
  g_assert_null (jd_report_view_get_doc (view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "report.rebuild", NULL));
  wait_for_view (view);
  g_assert_cmpstr (visible_state (view), ==, "report");
  g_assert_nonnull (jd_report_view_get_doc (view));

  gtk_window_destroy (window);
}

/* Whether @widget or a widget inside it shows the icon @name. */
static gboolean
shows_icon (GtkWidget  *widget,
            const char *name)
{
  if (GTK_IS_IMAGE (widget) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), name) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_icon (child, name))
      return TRUE;
  return FALSE;
}

/* An edit made against a draft the figures no longer give is flagged:
 * in the outline, and in the editor, which shows today's draft. */
static void
test_stale (void)
{
  JdPeriod period = demo_quarter ();
  g_autoptr(JdSession) session = session_new (&period);
  g_autoptr(JdDoc) doc = build_report (&period);
  JdBlock *block = jd_doc_get_block (doc, first_editable (doc));
  g_autofree char *key = g_strdup (jd_block_get_key (block));
  g_autoptr(GError) error = NULL;
  JdReportView *view;
  JdReportEditor *editor;
  GtkWindow *window;
  GObject *outline, *stale_box;
  GtkWidget *row = NULL;

  /* As if the edit was made before an import changed the figures */
  g_assert_true (jd_report_edit_save (jd_session_get_store (session), &period, jd_session_get_filter (session),
                                      jd_report_template_for_period (&period), key,
                                      "分析员写的段落", "A draft of other figures.", &error));
  g_assert_no_error (error);

  view = JD_REPORT_VIEW (jd_report_view_new (session));
  window = show_view (view);
  block = block_of (view, key);
  g_assert_true (jd_block_get_state (block) & JD_PARAGRAPH_STALE);

  outline = gtk_widget_get_template_child (GTK_WIDGET (view), JD_TYPE_REPORT_VIEW, "outline");
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (outline)); child; child = gtk_widget_get_next_sibling (child))
    if (jd_report_outline_row_get_block (GTK_LIST_BOX_ROW (child)) == (guint)jd_doc_find_block (jd_report_view_get_doc (view), key))
      row = child;
  g_assert_nonnull (row);
  g_assert_true (shows_icon (row, "dialog-warning-symbolic"));

  editor = jd_report_view_edit_paragraph (view, jd_doc_find_block (jd_report_view_get_doc (view), key));
  g_assert_true (jd_report_editor_get_stale (editor));
  stale_box = gtk_widget_get_template_child (GTK_WIDGET (editor), JD_TYPE_REPORT_EDITOR, "stale_box");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (stale_box)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (jd_test_render (GTK_WIDGET (editor), "report-editor-stale.png"));

  g_assert_true (jd_report_edit_forget (jd_session_get_store (session), &period, jd_session_get_filter (session),
                                        jd_report_template_for_period (&period), key, NULL));
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (window);
}

/* Without data the view asks for an import. */
static void
test_empty (void)
{
  g_autofree char *path = g_build_filename (jd_test_demo.dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (path, &error);
  g_autoptr(JdSession) session = jd_session_new ();
  JdReportView *view;
  GtkWindow *window;

  g_assert_no_error (error);
  jd_session_set_store (session, store, 0, 0);
  view = JD_REPORT_VIEW (jd_report_view_new (session));
  window = show_view (view);
  g_assert_cmpstr (visible_state (view), ==, "empty");
  g_assert_null (jd_report_view_get_doc (view));

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

  g_test_add_func ("/ui/report/pages", test_pages);
  g_test_add_func ("/ui/report/edit", test_edit);
  g_test_add_func ("/ui/report/print", test_print);
  g_test_add_func ("/ui/report/export", test_export);
  g_test_add_func ("/ui/report/stale", test_stale);
  g_test_add_func ("/ui/report/cancel", test_cancel);
  g_test_add_func ("/ui/report/empty", test_empty);

  status = g_test_run ();
  jd_test_demo_teardown ();
  return status;
}

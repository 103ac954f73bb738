/* test-ui-slides.c — the slides view: the period's deck shaped, saved, drawn and exported
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jd-presentation-window.h"
#include "jd-slide-row.h"
#include "jd-slides-view.h"
#include "jd-test-figures.h"

static char *
demo_period_text (void)
{
  return g_strdup_printf ("%04d-%02d", jd_test_demo.last_month / 100, jd_test_demo.last_month % 100);
}

static void
demo_period (JdPeriod *period)
{
  g_autofree char *text = demo_period_text ();
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_period_parse (text, period, &error));
  g_assert_no_error (error);
}

/* Spins the main loop until @view has read, saved and drawn its deck. */
static void
wait_for_view (JdSlidesView *view)
{
  jd_test_wait_while ((JdTestBusyFunc)jd_slides_view_get_busy, view);
}

typedef struct
{
  JdSession    *session;
  GtkWindow    *window;
  JdSlidesView *view;
} Shown;

static void
shown_free (Shown *shown)
{
  gtk_window_destroy (shown->window);
  g_clear_object (&shown->session);
  g_free (shown);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Shown, shown_free)

/* A new view, on a new session over the demo database, in its own window */
static Shown *
show_view (int width)
{
  g_autofree char *period = demo_period_text ();
  Shown *shown = g_new0 (Shown, 1);

  shown->session = jd_test_session_new (period);
  shown->view = JD_SLIDES_VIEW (jd_slides_view_new (shown->session));
  shown->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (shown->window, width, 800);
  gtk_window_set_child (shown->window, GTK_WIDGET (shown->view));
  gtk_window_present (shown->window);
  wait_for_view (shown->view);

  return shown;
}

static JdDeck *
load_saved (JdSlidesView *view)
{
  g_autoptr(GError) error = NULL;
  JdSession *session = jd_slides_view_get_session (view);
  JdPeriod period;
  JdDeck *deck;

  g_assert_true (jd_session_get_period (session, &period));
  deck = jd_deck_load (jd_session_get_store (session), &period, &error);
  g_assert_no_error (error);
  return deck;
}

static void
forget_saved (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (jd_test_demo.path, &error);
  JdPeriod period;

  g_assert_no_error (error);
  demo_period (&period);
  g_assert_true (jd_deck_forget (store, &period, &error));
  g_assert_no_error (error);
}

static void
assert_same_deck (const JdDeck *a,
                  const JdDeck *b)
{
  g_assert_cmpuint (jd_deck_get_n_slides (a), ==, jd_deck_get_n_slides (b));
  for (guint i = 0; i < jd_deck_get_n_slides (a); i++)
    {
      const JdSlide *x = jd_deck_get_slide (a, i);
      const JdSlide *y = jd_deck_get_slide (b, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->hidden, ==, y->hidden);
      g_assert_cmpstr (x->agency, ==, y->agency);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->body, ==, y->body);
    }
}

static guint
count_shown (const JdDeck *deck)
{
  guint n = 0;

  for (guint i = 0; i < jd_deck_get_n_slides (deck); i++)
    n += !jd_deck_get_slide (deck, i)->hidden;
  return n;
}

static JdSlideRow *
row_at (JdSlidesView *view,
        guint         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (jd_slides_view_get_list (view), index);

  g_assert_true (JD_IS_SLIDE_ROW (row));
  g_assert_cmpuint (jd_slide_row_get_index (JD_SLIDE_ROW (row)), ==, index);
  return JD_SLIDE_ROW (row);
}

static gpointer
row_child (JdSlideRow *row,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (row), JD_TYPE_SLIDE_ROW, name);

  g_assert_nonnull (child);
  return child;
}

/* A click, at once (gtk_widget_activate() presses a button for a while) */
static void
click (GtkButton *button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

static guint
n_rows (JdSlidesView *view)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (jd_slides_view_get_list (view), n) != NULL)
    n++;
  return n;
}

/* The list shows the default deck of the session's period, a row a slide
 * named as the deck names it, and the preview a page a shown slide. */
static void
test_default (void)
{
  g_autoptr(Shown) shown = NULL;
  g_autoptr(JdDeck) expected = NULL;
  JdPeriod period;

  forget_saved ();
  demo_period (&period);
  expected = jd_deck_new_default (&period);
  shown = show_view (1280);

  assert_same_deck (jd_slides_view_get_deck (shown->view), expected);
  g_assert_cmpuint (n_rows (shown->view), ==, jd_deck_get_n_slides (expected));
  for (guint i = 0; i < jd_deck_get_n_slides (expected); i++)
    {
      JdSlideRow *row = row_at (shown->view, i);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       jd_slide_kind_label (jd_deck_get_slide (expected, i)->kind));
      g_assert_true (gtk_switch_get_active (row_child (row, "shown_switch")));
    }
  g_assert_cmpuint (jd_slides_view_get_n_pages (shown->view), ==, jd_deck_get_n_slides (expected));
}

/* Hiding a slide with its switch and adding a text slide save the deck,
 * and the preview follows: a page a shown slide. */
static void
test_hide_and_add (void)
{
  g_autoptr(Shown) shown = NULL;
  g_autoptr(JdDeck) saved = NULL;
  const JdDeck *deck;
  guint n;

  forget_saved ();
  shown = show_view (1280);
  n = jd_deck_get_n_slides (jd_slides_view_get_deck (shown->view));

  gtk_switch_set_active (row_child (row_at (shown->view, 3), "shown_switch"), FALSE);
  wait_for_view (shown->view);
  deck = jd_slides_view_get_deck (shown->view);
  g_assert_true (jd_deck_get_slide (deck, 3)->hidden);
  saved = load_saved (shown->view);
  assert_same_deck (saved, deck);
  g_assert_cmpuint (jd_slides_view_get_n_pages (shown->view), ==, n - 1);
  g_clear_pointer (&saved, jd_deck_free);

  jd_slides_view_add_text_slide (shown->view, "会议议程", "一、通报本月执法数据\n二、研究督办事项");
  wait_for_view (shown->view);
  deck = jd_slides_view_get_deck (shown->view);
  g_assert_cmpuint (jd_deck_get_n_slides (deck), ==, n + 1);
  g_assert_cmpint (jd_deck_get_slide (deck, n)->kind, ==, JD_SLIDE_TEXT);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (shown->view, n))), ==, "会议议程");
  g_assert_true (gtk_widget_get_visible (row_child (row_at (shown->view, n), "remove_button")));
  g_assert_false (gtk_widget_get_visible (row_child (row_at (shown->view, 0), "remove_button")));
  saved = load_saved (shown->view);
  assert_same_deck (saved, deck);
  g_assert_cmpuint (jd_slides_view_get_n_pages (shown->view), ==, count_shown (deck));
  g_assert_cmpuint (jd_slides_view_get_n_pages (shown->view), ==, n);
  g_clear_pointer (&saved, jd_deck_free);

  /* Removed with its button, then brought back by the toast's Undo */
  click (row_child (row_at (shown->view, n), "remove_button"));
  wait_for_view (shown->view);
  g_assert_cmpuint (jd_deck_get_n_slides (jd_slides_view_get_deck (shown->view)), ==, n);
  saved = load_saved (shown->view);
  g_assert_cmpuint (jd_deck_get_n_slides (saved), ==, n);
  g_clear_pointer (&saved, jd_deck_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown->view), "slides.undo", NULL));
  wait_for_view (shown->view);
  saved = load_saved (shown->view);
  g_assert_cmpuint (jd_deck_get_n_slides (saved), ==, n + 1);
  g_assert_cmpstr (jd_deck_get_slide (saved, n)->title, ==, "会议议程");
}

/* The move buttons and Alt+↑ reorder the deck, and the order is saved. */
static void
test_reorder (void)
{
  g_autoptr(Shown) shown = NULL;
  g_autoptr(JdDeck) saved = NULL;
  g_autoptr(JdDeck) before = NULL;
  const JdDeck *deck;

  forget_saved ();
  shown = show_view (1280);
  before = jd_deck_copy (jd_slides_view_get_deck (shown->view));

  g_assert_false (gtk_widget_get_sensitive (row_child (row_at (shown->view, 0), "up_button")));
  click (row_child (row_at (shown->view, 1), "down_button"));
  wait_for_view (shown->view);
  deck = jd_slides_view_get_deck (shown->view);
  g_assert_cmpint (jd_deck_get_slide (deck, 1)->kind, ==, jd_deck_get_slide (before, 2)->kind);
  g_assert_cmpint (jd_deck_get_slide (deck, 2)->kind, ==, jd_deck_get_slide (before, 1)->kind);
  saved = load_saved (shown->view);
  assert_same_deck (saved, deck);
  g_clear_pointer (&saved, jd_deck_free);

  /* The moved row keeps the focus: Alt+↑ takes it back up. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row_at (shown->view, 2))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown->view), "slides.move-focused", "i", -1));
  wait_for_view (shown->view);
  saved = load_saved (shown->view);
  assert_same_deck (saved, before);
}

/* What the analyst made of the deck is there for a new view on the same
 * database, and reset forgets it. */
static void
test_survives (void)
{
  g_autoptr(JdDeck) made = NULL;
  g_autoptr(JdDeck) saved = NULL;
  JdPeriod period;

  forget_saved ();
  {
    g_autoptr(Shown) shown = show_view (1280);

    jd_slides_view_add_text_slide (shown->view, "结论", "执法质效稳中有升");
    click (row_child (row_at (shown->view, 0), "down_button"));
    wait_for_view (shown->view);
    made = jd_deck_copy (jd_slides_view_get_deck (shown->view));
  }
  {
    g_autoptr(Shown) shown = show_view (1280);

    assert_same_deck (jd_slides_view_get_deck (shown->view), made);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (shown->view, 0))), ==,
                     jd_slide_kind_label (JD_SLIDE_OVERVIEW));

    jd_slides_view_reset (shown->view);
    wait_for_view (shown->view);
    demo_period (&period);
    saved = load_saved (shown->view);
    g_assert_true (jd_deck_is_default (saved));
    g_assert_true (jd_deck_is_default (jd_slides_view_get_deck (shown->view)));
    g_assert_cmpuint (n_rows (shown->view), ==, jd_deck_get_n_slides (saved));
  }
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Export PDF writes the deck on show: 16:9, a page a shown slide. */
static void
test_export (void)
{
  g_autoptr(Shown) shown = NULL;
  g_autofree char *path = g_build_filename (jd_test_demo.dir, "联席会议.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  const JdDeck *deck;

  forget_saved ();
  shown = show_view (1280);
  jd_slides_view_set_shown (shown->view, 2, FALSE);
  jd_slides_view_set_shown (shown->view, 4, FALSE);
  wait_for_view (shown->view);
  deck = jd_slides_view_get_deck (shown->view);
  g_assert_cmpuint (count_shown (deck), ==, jd_deck_get_n_slides (deck) - 2);

  jd_slides_view_export_to (shown->view, file);
  g_assert_true (jd_slides_view_get_busy (shown->view));
  wait_for_view (shown->view);

  info = run_tool ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "Page size:       960 x 540 pts"));
  pages = g_strdup_printf ("Pages:           %u\n", count_shown (deck));
  g_assert_nonnull (strstr (info, pages));
  g_assert_cmpuint (jd_slides_view_get_n_pages (shown->view), ==, count_shown (deck));
}

/* Present (F5) opens the deck on show full screen: its shown slides. */
static void
test_present (void)
{
  g_autoptr(Shown) shown = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  JdPresentationWindow *presentation = NULL;

  forget_saved ();
  shown = show_view (1280);
  jd_slides_view_set_shown (shown->view, 1, FALSE);
  wait_for_view (shown->view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown->view), "slides.present", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JD_IS_PRESENTATION_WINDOW (window))
        presentation = JD_PRESENTATION_WINDOW (window);
    }
  g_assert_nonnull (presentation);
  g_assert_true (jd_presentation_window_get_player (presentation) != NULL);
  g_assert_cmpuint (jd_deck_player_get_n_slides (jd_presentation_window_get_player (presentation)), ==,
                    count_shown (jd_slides_view_get_deck (shown->view)));
  g_assert_true (jd_doc_layout_get_doc (jd_presentation_window_get_layout (presentation)) ==
                 jd_slides_view_get_doc (shown->view));
  gtk_window_destroy (GTK_WINDOW (presentation));
}

/* Lets the frame clock lay the window out again (a quarter of a second) */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (250, jd_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gpointer
view_child (JdSlidesView *view,
            const char   *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (view), JD_TYPE_SLIDES_VIEW, name);

  g_assert_nonnull (child);
  return child;
}

/* At 360 px the list and the preview take turns, chosen in the toolbar;
 * nothing is wider than the window.  With $JD_SCREENSHOT_DIR set, both
 * are saved there as PNG. */
static void
test_narrow (void)
{
  g_autoptr(Shown) shown = NULL;
  g_autoptr(GdkTexture) list = NULL;
  g_autoptr(GdkTexture) preview = NULL;

  forget_saved ();
  shown = show_view (360);
  settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (shown->view)), ==, 360);
  g_assert_true (adw_leaflet_get_folded (view_child (shown->view, "leaflet")));
  g_assert_true (gtk_widget_get_visible (view_child (shown->view, "switcher")));
  g_assert_true (adw_leaflet_get_visible_child (view_child (shown->view, "leaflet")) ==
                 view_child (shown->view, "list_side"));
  list = jd_test_render (GTK_WIDGET (shown->window), "slides-narrow-list.png");

  gtk_toggle_button_set_active (view_child (shown->view, "preview_toggle"), TRUE);
  wait_for_view (shown->view);
  settle ();
  g_assert_true (adw_leaflet_get_visible_child (view_child (shown->view, "leaflet")) ==
                 view_child (shown->view, "preview_side"));
  g_assert_cmpuint (jd_slides_view_get_n_pages (shown->view), >, 0);
  preview = jd_test_render (GTK_WIDGET (shown->window), "slides-narrow-preview.png");
  g_assert_cmpint (gdk_texture_get_width (preview), ==, 360);
}

/* The dialog the view presented, called @heading */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  g_assert_not_reached ();
}

/* Add Agency… names the chosen agency in the list by its name; a text
 * slide's words are edited in a dialog and saved. */
static void
test_dialogs (void)
{
  g_autoptr(Shown) shown = NULL;
  g_autoptr(JdDeck) saved = NULL;
  const JdFilterChoices *choices;
  const JdFilterChoice *second;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkTextBuffer *buffer;
  guint n;

  forget_saved ();
  shown = show_view (1280);
  n = jd_deck_get_n_slides (jd_slides_view_get_deck (shown->view));
  choices = jd_session_get_filter_choices (shown->session);
  g_assert_nonnull (choices);
  g_assert_cmpuint (choices->agencies->len, >, 1);
  second = choices->agencies->pdata[1];

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown->view), "slides.add-agency", NULL));
  dialog = find_dialog ("Add an Agency’s Profile");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog)), 1);
  adw_message_dialog_response (dialog, "add");
  wait_for_view (shown->view);
  saved = load_saved (shown->view);
  g_assert_cmpuint (jd_deck_get_n_slides (saved), ==, n + 1);
  g_assert_cmpint (jd_deck_get_slide (saved, n)->kind, ==, JD_SLIDE_AGENCY);
  g_assert_cmpstr (jd_deck_get_slide (saved, n)->agency, ==, second->code);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (shown->view, n))), ==, second->name);
  g_assert_cmpuint (jd_slides_view_get_n_pages (shown->view), ==, n + 1);
  g_clear_pointer (&saved, jd_deck_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown->view), "slides.add-text", NULL));
  dialog = find_dialog ("New Text Slide");
  box = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_first_child (box)), "会议结论");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (
    GTK_SCROLLED_WINDOW (gtk_widget_get_last_child (box)))));
  gtk_text_buffer_set_text (buffer, "一、加强督办\n二、按月通报", -1);
  adw_message_dialog_response (dialog, "save");
  wait_for_view (shown->view);
  saved = load_saved (shown->view);
  g_assert_cmpuint (jd_deck_get_n_slides (saved), ==, n + 2);
  g_assert_cmpstr (jd_deck_get_slide (saved, n + 1)->title, ==, "会议结论");
  g_assert_cmpstr (jd_deck_get_slide (saved, n + 1)->body, ==, "一、加强督办\n二、按月通报");
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  jd_test_demo_setup ();

  g_test_add_func ("/ui/slides/default", test_default);
  g_test_add_func ("/ui/slides/hide-and-add", test_hide_and_add);
  g_test_add_func ("/ui/slides/reorder", test_reorder);
  g_test_add_func ("/ui/slides/survives", test_survives);
  g_test_add_func ("/ui/slides/dialogs", test_dialogs);
  g_test_add_func ("/ui/slides/export", test_export);
  g_test_add_func ("/ui/slides/present", test_present);
  g_test_add_func ("/ui/slides/narrow", test_narrow);

  status = g_test_run ();
  jd_test_demo_teardown ();
  return status;
}

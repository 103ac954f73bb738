/* test-ui-present.c — the presentation window, the presenter's view and the wall display
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb.  The keys are pressed through the windows' own key
 * bindings (the shortcut a key is bound to, activated as GTK would);
 * time moves on a test clock.  JD_PRESENT_SHOTS=DIR saves what the
 * windows show there as PNG, to look at.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "jd-deck.h"
#include "jd-kiosk-window.h"
#include "jd-presentation-window.h"
#include "jd-presenter-window.h"
#include "jd-test-pages.h"
#include "jd-window.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

typedef struct
{
  gint64 now;
} TestClock;

static gint64
test_clock (gpointer user_data)
{
  return ((TestClock *)user_data)->now;
}

/* A deck made by hand: a title slide, then slides with a heading, a
 * paragraph, and on the third a row of KPIs; the second has notes,
 * the speaker's notes. */
static JdDoc *
make_deck (guint n_slides)
{
  JdDoc *deck = jd_doc_new (JD_PAGE_SLIDE_16_9);

  jd_doc_set_title (deck, "联席会议");
  jd_doc_add_block (deck, jd_block_title_new ("2026年第三季度行政执法监督联席会议", "市司法局"));
  for (guint i = 1; i < n_slides; i++)
    {
      g_autofree char *heading = g_strdup_printf ("第%u页：行政执法案件", i + 1);
      g_autofree char *paragraph = g_strdup_printf ("本季度全市共作出行政执法决定%u件，同比增长6.8%%。", 9000 + i);

      jd_doc_add_block (deck, jd_block_page_break_new ());
      jd_doc_add_block (deck, jd_block_heading_new (1, heading));
      jd_doc_add_block (deck, jd_block_paragraph_new (paragraph));
      if (i == 1)
        jd_doc_add_block (deck, jd_block_notes_new ("先讲败诉率，再讲复议纠错。"));
      if (i == 2)
        {
          g_autoptr(JdChart) decided = jd_chart_new (JD_CHART_KPI);
          g_autoptr(JdChart) loss = jd_chart_new (JD_CHART_KPI);

          jd_chart_set_title (decided, "行政执法决定");
          jd_chart_set_kpi (decided, 9086, "件", JD_CHART_CHANGE_RELATIVE, JD_CHART_POLARITY_NEUTRAL, 0.068, 0.023);
          jd_chart_set_title (loss, "一审败诉率");
          jd_chart_set_format (loss, JD_CHART_FORMAT_PERCENT);
          jd_chart_set_kpi (loss, 0.121, NULL, JD_CHART_CHANGE_POINTS, JD_CHART_POLARITY_UP_IS_BAD, -0.012, 0.004);
          jd_doc_add_block (deck, jd_block_kpi_row_new ((JdChart *[]) { decided, loss }, 2));
        }
    }

  return deck;
}

static void
spin (void)
{
  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Presses @keyval (no modifiers) the way GTK would: runs the action a
 * shortcut of the widget binds the key to, those of the capture phase
 * first.  Fails if the key is bound to nothing. */
static void
press (gpointer widget,
       guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));
  guint n = g_list_model_get_n_items (controllers);

  for (guint k = 0; k < 2 * n; k++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, k % n);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          (k < n) != (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == gdk_keyval_to_lower (keyval) &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (widget),
                                                           gtk_shortcut_get_arguments (shortcut)));
              spin ();
              return;
            }
        }
    }

  g_error ("%s binds no action to %s", G_OBJECT_TYPE_NAME (widget), gdk_keyval_name (keyval));
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  (*(guint *)user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Lets the window lay out what changed (a label shown, a resize) before
 * it is drawn: two frames of its clock. */
static void
wait_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  while (frames < 2)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  spin ();
}

/* What @widget shows, once the window has laid out and drawn it. */
static GdkTexture *
render (gpointer widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  int width, height;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (widget)));

  wait_frames (GTK_WIDGET (widget));
  width = gtk_widget_get_width (GTK_WIDGET (widget));
  height = gtk_widget_get_height (GTK_WIDGET (widget));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (widget));
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    node = gsk_color_node_new (&(GdkRGBA) { 0, 0, 0, 0 }, &GRAPHENE_RECT_INIT (0, 0, width, height));

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
save_shot (GdkTexture *texture,
           const char *name)
{
  const char *dir = g_getenv ("JD_PRESENT_SHOTS");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static guchar *
download (GdkTexture *texture)
{
  guchar *pixels = g_malloc ((gsize)gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4);

  gdk_texture_download (texture, pixels, gdk_texture_get_width (texture) * 4);
  return pixels;
}

/* The mean difference, 0–255, of @texture from @page painted straight
 * into an image of the same size where the view puts it (the same
 * painter): small for the page on show, large for any other. */
static double
difference_from_page (GdkTexture      *texture,
                      JdDocLayout     *layout,
                      guint            page,
                      graphene_rect_t *rect)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  const JdPageGeometry *geometry = jd_doc_get_geometry (jd_doc_layout_get_doc (layout));
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autofree guchar *shown = download (texture);
  cairo_t *cr = cairo_create (surface);
  const guchar *expected;
  int stride;
  double sum = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_translate (cr, rect->origin.x, rect->origin.y);
  cairo_scale (cr, rect->size.width / geometry->width, rect->size.height / geometry->height);
  jd_doc_layout_paint_page (layout, page, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  expected = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      sum += fabs ((double)shown[y * width * 4 + x] - expected[y * stride + x]);

  return sum / ((double)width * height * 4);
}

static gboolean
all_black (GdkTexture *texture)
{
  g_autofree guchar *pixels = download (texture);
  gsize n = (gsize)gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;

  for (gsize i = 0; i < n; i += 4)
    if (pixels[i] != 0 || pixels[i + 1] != 0 || pixels[i + 2] != 0)
      return FALSE;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Times in ms, the first round (fonts and glyphs loaded, cold caches)
 * apart from the others. */
static void
report_times (const char *what,
              GArray     *times,
              guint       per_round)
{
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));
  double cold = 0;

  for (guint i = 0; i < times->len; i++)
    if (i < per_round)
      cold = MAX (cold, g_array_index (times, double, i));
    else
      g_array_append_val (warm, g_array_index (times, double, i));
  g_array_sort (warm, compare_doubles);

  g_test_message ("%s: median %.2f ms, slowest %.2f ms over %u changes; first showing of a slide up to %.2f ms",
                  what, g_array_index (warm, double, warm->len / 2), g_array_index (warm, double, warm->len - 1),
                  warm->len, cold);
}

static JdPresentationWindow *
open_presentation (JdDoc *deck,
                   int    width,
                   int    height)
{
  g_autoptr(GError) error = NULL;
  JdPresentationWindow *window = jd_presentation_window_new (NULL, deck, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (window);
  gtk_window_unfullscreen (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  return window;
}

/* The slide the view shows is the page it is told, and looks like it. */
static void
assert_shows (JdPresentationWindow *window,
              guint                 page)
{
  JdSlideView *view = jd_presentation_window_get_view (window);
  JdDocLayout *layout = jd_presentation_window_get_layout (window);
  g_autoptr(GdkTexture) texture = render (view);
  graphene_rect_t rect;
  double same, other;

  g_assert_cmpuint (jd_deck_player_get_current (jd_presentation_window_get_player (window)), ==, page);
  g_assert_cmpint (jd_slide_view_get_page (view), ==, page);
  jd_slide_view_get_slide_rect (view, &rect);
  same = difference_from_page (texture, layout, page, &rect);
  other = difference_from_page (texture, layout, page == 0 ? 1 : page - 1, &rect);
  g_test_message ("slide %u: %.4f from its page, %.4f from another (%g×%g at %g,%g)", page, same, other,
                  rect.size.width, rect.size.height, rect.origin.x, rect.origin.y);
  if (same >= 0.01)
    save_shot (texture, "failed.png");
  g_assert_cmpfloat (same, <, 0.01);
  g_assert_cmpfloat (other, >, 4 * same + 0.01);
}

static void
test_keys (void)
{
  g_autoptr(JdDoc) deck = make_deck (5);
  JdPresentationWindow *window = open_presentation (deck, 1280, 720);
  g_autoptr(GdkTexture) black = NULL;
  g_autoptr(GdkTexture) typed = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_assert_cmpuint (jd_deck_player_get_n_slides (jd_presentation_window_get_player (window)), ==, 5);
  assert_shows (window, 0);

  press (window, GDK_KEY_Right);
  assert_shows (window, 1);
  press (window, GDK_KEY_space);
  assert_shows (window, 2);
  press (window, GDK_KEY_Page_Down);
  assert_shows (window, 3);
  press (window, GDK_KEY_Left);
  assert_shows (window, 2);
  press (window, GDK_KEY_Page_Up);
  assert_shows (window, 1);
  press (window, GDK_KEY_End);
  assert_shows (window, 4);
  press (window, GDK_KEY_Right);
  assert_shows (window, 4);
  press (window, GDK_KEY_Home);
  assert_shows (window, 0);

  /* A number, then Enter: the typed number shows until Enter. */
  press (window, GDK_KEY_4);
  g_assert_cmpuint (jd_deck_player_get_typed_number (jd_presentation_window_get_player (window)), ==, 4);
  typed = render (window);
  save_shot (typed, "present-typed.png");
  press (window, GDK_KEY_Return);
  assert_shows (window, 3);
  press (window, GDK_KEY_KP_2);
  press (window, GDK_KEY_KP_Enter);
  assert_shows (window, 1);

  /* B: black, and the slide back. */
  press (window, GDK_KEY_b);
  g_assert_true (jd_slide_view_get_blank (jd_presentation_window_get_view (window)));
  black = render (jd_presentation_window_get_view (window));
  g_assert_true (all_black (black));
  press (window, GDK_KEY_b);
  assert_shows (window, 1);

  /* Esc leaves. */
  press (window, GDK_KEY_Escape);
  spin ();
  g_assert_null (window);
}

static void
test_auto_advance (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(JdDoc) deck = make_deck (3);
  JdPresentationWindow *window;
  JdDeckPlayer *player;
  TestClock clock = { 0 };

  g_settings_set_uint (settings, "slide-interval", 15);
  window = open_presentation (deck, 960, 540);
  player = jd_presentation_window_get_player (window);
  jd_deck_player_set_clock (player, test_clock, &clock);

  press (window, GDK_KEY_p);
  g_assert_true (jd_deck_player_get_playing (player));
  clock.now += 14 * G_USEC_PER_SEC;
  jd_deck_player_tick (player);
  assert_shows (window, 0);
  clock.now += G_USEC_PER_SEC;
  jd_deck_player_tick (player);
  spin ();
  assert_shows (window, 1);

  /* Any key pauses: time moves, the slide does not. */
  press (window, GDK_KEY_Left);
  assert_shows (window, 0);
  clock.now += 60 * G_USEC_PER_SEC;
  jd_deck_player_tick (player);
  spin ();
  assert_shows (window, 0);

  press (window, GDK_KEY_P);
  clock.now += 15 * G_USEC_PER_SEC;
  jd_deck_player_tick (player);
  spin ();
  assert_shows (window, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "slide-interval");
}

/* The presenter's view follows the deck: this slide and the next, the
 * notes (the slide's notes blocks), the time since the start. */
static void
test_presenter (void)
{
  g_autoptr(JdDoc) deck = make_deck (3);
  JdPresentationWindow *window = open_presentation (deck, 960, 540);
  JdDeckPlayer *player = jd_presentation_window_get_player (window);
  JdPresenterWindow *presenter;
  TestClock clock = { 5 * G_USEC_PER_SEC };
  g_autoptr(GdkTexture) texture = NULL;

  jd_deck_player_set_clock (player, test_clock, &clock);
  presenter = JD_PRESENTER_WINDOW (jd_presentation_window_show_presenter (window, -1));
  gtk_window_set_default_size (GTK_WINDOW (presenter), 1280, 720);
  spin ();

  g_assert_cmpint (jd_slide_view_get_page (jd_presenter_window_get_next (presenter)), ==, 1);
  g_assert_cmpstr (jd_presenter_window_get_notes (presenter), ==, "");

  press (window, GDK_KEY_Right);
  g_assert_cmpint (jd_slide_view_get_page (jd_presenter_window_get_next (presenter)), ==, 2);
  g_assert_cmpstr (jd_presenter_window_get_notes (presenter), ==, "先讲败诉率，再讲复议纠错。");
  texture = render (presenter);
  save_shot (texture, "presenter.png");

  press (window, GDK_KEY_End);
  g_assert_cmpint (jd_slide_view_get_page (jd_presenter_window_get_next (presenter)), ==, -1);

  clock.now += 75 * G_USEC_PER_SEC;
  jd_presenter_window_update (presenter);
  g_assert_cmpstr (jd_presenter_window_get_elapsed (presenter), ==, "01:15");

  /* Leaving the presentation closes the presenter's view with it. */
  g_object_add_weak_pointer (G_OBJECT (presenter), (gpointer *)&presenter);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_null (presenter);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  *(gint64 *)user_data = g_get_monotonic_time ();
}

/* A 4:3 projector letterboxes the slide; a slide change paints one page,
 * fast (measured and reported, never asserted). */
static void
test_sizes (void)
{
  static const struct { int width, height; double x, y, w, h; } sizes[] = {
    { 1920, 1080, 0, 0, 1920, 1080 },
    { 1024, 768, 0, 96, 1024, 576 },
  };
  g_autoptr(JdDoc) deck = make_deck (4);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      JdPresentationWindow *window = open_presentation (deck, sizes[i].width, sizes[i].height);
      JdSlideView *view = jd_presentation_window_get_view (window);
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      graphene_rect_t rect;

      wait_frames (GTK_WIDGET (view));
      jd_slide_view_get_slide_rect (view, &rect);
      g_assert_cmpfloat (rect.origin.x, ==, sizes[i].x);
      g_assert_cmpfloat (rect.origin.y, ==, sizes[i].y);
      g_assert_cmpfloat (rect.size.width, ==, sizes[i].w);
      g_assert_cmpfloat (rect.size.height, ==, sizes[i].h);

      for (guint round = 0; round < 5; round++)
        for (guint page = 0; page < 4; page++)
          {
            GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
            gint64 painted = 0, start;
            gulong id;

            /* The other slide first, so that each change paints. */
            jd_deck_player_go_to (jd_presentation_window_get_player (window), page == 0 ? 1 : 0);
            wait_frames (GTK_WIDGET (view));

            id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
            start = g_get_monotonic_time ();
            jd_deck_player_go_to (jd_presentation_window_get_player (window), page);
            while (painted == 0)
              g_main_context_iteration (NULL, TRUE);
            g_signal_handler_disconnect (clock, id);
            g_array_append_val (times, (double) { (painted - start) / 1000.0 });

            if (round == 0)
              {
                g_autoptr(GdkTexture) texture = render (view);
                g_autofree char *name = g_strdup_printf ("present-%dx%d-%u.png", sizes[i].width, sizes[i].height, page + 1);

                save_shot (texture, name);
              }
          }

      {
        g_autofree char *what = g_strdup_printf ("slide change at %d×%d, key to frame painted (the frame clock's wait and, under Xvfb, the X server compositing the slide in software)",
                                                 sizes[i].width, sizes[i].height);

        report_times (what, times, 4);
      }

      gtk_window_destroy (GTK_WINDOW (window));
    }

  /* The painter alone, into an image of the screen's size: what a slide
   * change costs beyond the frame clock's wait. */
  for (guint scale = 2; scale <= 4; scale += 2)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdDocLayout) layout = jd_doc_layout_new (deck, NULL, &error);
      g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960 * scale, 540 * scale);
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *what = g_strdup_printf ("slide painted at %u×%u (the painter alone, into an image)",
                                               960 * scale, 540 * scale);

      g_assert_no_error (error);
      for (guint round = 0; round < 5; round++)
        for (guint page = 0; page < jd_doc_layout_get_n_pages (layout); page++)
          {
            gint64 start = g_get_monotonic_time ();
            cairo_t *cr = cairo_create (surface);

            cairo_scale (cr, scale, scale);
            jd_doc_layout_paint_page (layout, page, cr, NULL);
            cairo_destroy (cr);
            cairo_surface_flush (surface);
            g_array_append_val (times, (double) { (g_get_monotonic_time () - start) / 1000.0 });
          }
      report_times (what, times, jd_doc_layout_get_n_pages (layout));
    }
}

static gboolean
find_presentation (gpointer *out)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JD_IS_PRESENTATION_WINDOW (window))
        {
          *out = window;
          return TRUE;
        }
    }

  return FALSE;
}

/* F5 in the main window: the period's deck, from the session's figures. */
static void
test_window_action (void)
{
  JdWindow *window = g_object_new (JD_TYPE_WINDOW, NULL);
  g_autoptr(JdDeck) shape = NULL;
  JdPeriod period;
  gpointer presentation = NULL;
  gboolean timed_out = FALSE;
  guint id;

  gtk_window_present (GTK_WINDOW (window));
  jd_window_open_path (window, jd_test_demo.path, FALSE);
  id = g_timeout_add_seconds (120, jd_test_timeout_cb, &timed_out);
  while (!jd_session_is_ready (jd_window_get_session (window)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  while (!find_presentation (&presentation) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);

  /* The period's deck: the default one, a page a slide, the overview's
   * drafted paragraph as its notes. */
  g_assert_true (jd_session_get_period (jd_window_get_session (window), &period));
  shape = jd_deck_new_default (&period);
  g_assert_cmpuint (jd_deck_player_get_n_slides (jd_presentation_window_get_player (presentation)), ==,
                    jd_deck_get_n_slides (shape));
  g_assert_cmpstr (jd_presentation_window_get_notes (presentation, 0), ==, "");
  g_assert_cmpuint (strlen (jd_presentation_window_get_notes (presentation, 1)), >, 20);
  g_object_add_weak_pointer (G_OBJECT (presentation), &presentation);
  press (presentation, GDK_KEY_Escape);
  spin ();
  g_assert_null (presentation);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_data_cb (JdSession *session,
               guint      what,
               gpointer   user_data)
{
  if (what & JD_SESSION_CHANGED_DATA)
    (*(guint *)user_data)++;
}

static const char *
page_name (JdKioskWindow *kiosk)
{
  JdPage *page = jd_kiosk_window_get_page (kiosk);

  g_assert_nonnull (page);
  return G_OBJECT_TYPE_NAME (page);
}

/* The wall display cycles the pages of the settings, each for its
 * interval, and reads the figures again after another program imports. */
/* Spins until the session's check has come back and told its change, if
 * it found one; not waiting for the pages it starts loading. */
static void
wait_for_change (JdSession *session,
                 guint     *changes)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while ((jd_session_get_checking (session) || *changes == 0) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
test_kiosk (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(JdSession) session = jd_test_session_new ("2024-07");
  g_autofree char *csv = g_build_filename (jd_test_demo.dir, "complaints.csv", NULL);
  const char *argv[] = { g_getenv ("JIANDU_CLI"), "import", "--db", jd_test_demo.path,
                         "--create-agencies", csv, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GListModel) controllers = NULL;
  JdKioskWindow *kiosk;
  TestClock clock = { 0 };
  guint data_changes = 0;
  gboolean handled = FALSE;
  int status;

  g_assert_true (g_file_set_contents (csv,
                                     "工单编号,来源渠道,受理时间,承办单位,诉求类型,办结时限,办结时间,是否属实,满意度\n"
                                     "GDKIOSK0001,12345热线,2024-07-01 09:30,市市场监督管理局,价格欺诈,2024/7/8,2024年7月5日,是,满意\n"
                                     "GDKIOSK0002,网站,2024-07-03,,其他,,,,基本满意\n",
                                     -1, &error));
  g_assert_no_error (error);
  g_settings_set_strv (settings, "kiosk-pages", (const char *[]) { "overview", "no-such-page", "complaints", "warnings", NULL });
  g_settings_set_uint (settings, "kiosk-interval", 20);

  kiosk = jd_kiosk_window_new (NULL, session);
  g_object_add_weak_pointer (G_OBJECT (kiosk), (gpointer *)&kiosk);
  gtk_window_unfullscreen (GTK_WINDOW (kiosk));
  gtk_window_set_default_size (GTK_WINDOW (kiosk), 1280, 800);
  gtk_window_present (GTK_WINDOW (kiosk));
  jd_deck_player_set_clock (jd_kiosk_window_get_player (kiosk), test_clock, &clock);
  g_signal_connect (session, "changed", G_CALLBACK (count_data_cb), &data_changes);

  /* A name that is no page is left out. */
  g_assert_cmpuint (jd_kiosk_window_get_n_pages (kiosk), ==, 3);
  jd_test_wait_for_page (jd_kiosk_window_get_page (kiosk));
  g_assert_cmpstr (page_name (kiosk), ==, "JdOverviewPage");
  texture = render (kiosk);
  save_shot (texture, "kiosk.png");

  clock.now += 19 * G_USEC_PER_SEC;
  jd_kiosk_window_tick (kiosk);
  g_assert_cmpstr (page_name (kiosk), ==, "JdOverviewPage");
  clock.now += G_USEC_PER_SEC;
  jd_kiosk_window_tick (kiosk);
  g_assert_cmpstr (page_name (kiosk), ==, "JdComplaintsPage");
  jd_test_wait_for_page (jd_kiosk_window_get_page (kiosk));
  clock.now += 20 * G_USEC_PER_SEC;
  jd_kiosk_window_tick (kiosk);
  g_assert_cmpstr (page_name (kiosk), ==, "JdWarningsPage");
  clock.now += 20 * G_USEC_PER_SEC;
  jd_kiosk_window_tick (kiosk);
  g_assert_cmpstr (page_name (kiosk), ==, "JdOverviewPage");
  jd_test_wait_for_page (jd_kiosk_window_get_page (kiosk));
  /* The data are checked in a worker: wait for the check to come back. */
  jd_test_wait_while ((JdTestBusyFunc)jd_session_get_checking, session);
  g_assert_cmpuint (data_changes, ==, 0);

  /* Another program imports: the next tick reads the figures again. */
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  jd_kiosk_window_tick (kiosk);
  wait_for_change (session, &data_changes);
  g_assert_cmpuint (data_changes, ==, 1);
  g_assert_true (jd_page_get_loading (jd_kiosk_window_get_page (kiosk)));
  jd_test_wait_for_page (jd_kiosk_window_get_page (kiosk));
  jd_kiosk_window_tick (kiosk);
  jd_test_wait_while ((JdTestBusyFunc)jd_session_get_checking, session);
  g_assert_cmpuint (data_changes, ==, 1);

  /* Any key leaves. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (kiosk));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_a, 0, 0, &handled);
    }
  g_clear_object (&controllers);
  g_assert_true (handled);
  spin ();
  g_assert_null (kiosk);

  g_settings_reset (settings, "kiosk-pages");
  g_settings_reset (settings, "kiosk-interval");
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  jd_test_demo_setup ();

  g_test_add_func ("/ui/present/keys", test_keys);
  g_test_add_func ("/ui/present/auto-advance", test_auto_advance);
  g_test_add_func ("/ui/present/presenter", test_presenter);
  g_test_add_func ("/ui/present/sizes", test_sizes);
  g_test_add_func ("/ui/present/window-action", test_window_action);
  g_test_add_func ("/ui/kiosk/cycle-and-reload", test_kiosk);

  status = g_test_run ();
  jd_test_demo_teardown ();
  return status;
}

/* jd-presentation-window.c — a deck full screen, driven by the keyboard
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-presentation-window"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-deck-charts.h"
#include "jd-presentation-window.h"
#include "jd-presenter-window.h"

/* The joint meeting's slides on the projector: the deck laid out once
 * when the window opens, then one page painted per slide change.  The
 * keys are those of every presentation program: → Space PgDn forward,
 * ← PgUp back, Home End, a number then Enter, B for black, Esc to leave;
 * P starts or pauses auto-advance (any other key pauses it too). */
struct _JdPresentationWindow
{
  GtkWindow     parent_instance;

  JdDoc        *deck;
  JdDocLayout  *layout;
  JdDeckPlayer *player;
  GPtrArray    *notes;       /* one string a slide: its footnotes' text */
  GSettings    *settings;
  GtkWindow    *presenter;   /* on a second monitor, when there is one */
  guint         timer;

  JdSlideView  *view;
  GtkLabel     *typed_label;
};

G_DEFINE_FINAL_TYPE (JdPresentationWindow, jd_presentation_window, GTK_TYPE_WINDOW)

/* The speaker's notes of each slide: until slides have notes of their
 * own, the text of the footnote blocks that start on it. */
static void
collect_notes (JdPresentationWindow *self)
{
  guint n_pages = jd_doc_layout_get_n_pages (self->layout);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  self->notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_pages; i++)
    g_ptr_array_add (texts, g_string_new (NULL));

  for (guint i = 0; i < jd_doc_get_n_blocks (self->deck); i++)
    {
      JdBlock *block = jd_doc_get_block (self->deck, i);
      GString *text;
      guint page;

      if (jd_block_get_kind (block) != JD_BLOCK_FOOTNOTE || jd_block_get_text (block) == NULL)
        continue;

      page = jd_doc_layout_get_block_page (self->layout, i, NULL);
      if (page >= n_pages)
        continue;
      text = g_ptr_array_index (texts, page);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, jd_block_get_text (block));
    }

  for (guint i = 0; i < n_pages; i++)
    g_ptr_array_add (self->notes, g_string_free (g_ptr_array_index (texts, i), FALSE));
}

static void
on_current_cb (JdPresentationWindow *self,
               GParamSpec           *pspec,
               JdDeckPlayer         *player)
{
  jd_slide_view_set_page (self->view, jd_deck_player_get_current (player));
}

static void
on_blank_cb (JdPresentationWindow *self,
             GParamSpec           *pspec,
             JdDeckPlayer         *player)
{
  jd_slide_view_set_blank (self->view, jd_deck_player_get_blank (player));
}

static void
on_typed_cb (JdPresentationWindow *self,
             GParamSpec           *pspec,
             JdDeckPlayer         *player)
{
  guint typed = jd_deck_player_get_typed_number (player);
  g_autofree char *text = g_strdup_printf ("%u", typed);

  gtk_label_set_label (self->typed_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->typed_label), typed > 0);
}

static gboolean
tick_cb (gpointer user_data)
{
  JdPresentationWindow *self = user_data;

  jd_deck_player_tick (self->player);

  return G_SOURCE_CONTINUE;
}

/* slides.next, slides.digit(3)…: what each key asks of the player. */
static void
command_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JdPresentationWindow *self = JD_PRESENTATION_WINDOW (widget);
  static const struct {
    const char    *name;
    JdDeckCommand  command;
  } commands[] = {
    { "slides.next", JD_DECK_NEXT },
    { "slides.previous", JD_DECK_PREVIOUS },
    { "slides.first", JD_DECK_FIRST },
    { "slides.last", JD_DECK_LAST },
    { "slides.digit", JD_DECK_DIGIT },
    { "slides.jump", JD_DECK_JUMP },
    { "slides.blank", JD_DECK_BLANK },
    { "slides.play", JD_DECK_PLAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (action_name, commands[i].name))
      jd_deck_player_command (self->player, commands[i].command,
                              parameter != NULL ? g_variant_get_uint32 (parameter) : 0);
}

/* A click goes forward, a right click back, as in a slide show. */
static void
on_pressed_cb (JdPresentationWindow *self,
               int                   n_press,
               double                x,
               double                y,
               GtkGestureClick      *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  jd_deck_player_command (self->player, button == GDK_BUTTON_SECONDARY ? JD_DECK_PREVIOUS : JD_DECK_NEXT, 0);
}

static void
jd_presentation_window_dispose (GObject *object)
{
  JdPresentationWindow *self = (JdPresentationWindow *)object;

  g_clear_handle_id (&self->timer, g_source_remove);
  /* The presenter's views draw from the layout freed below. */
  if (self->presenter != NULL)
    gtk_window_destroy (g_steal_pointer (&self->presenter));
  if (self->view != NULL)
    jd_slide_view_set_layout (self->view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_PRESENTATION_WINDOW);

  G_OBJECT_CLASS (jd_presentation_window_parent_class)->dispose (object);
}

static void
jd_presentation_window_finalize (GObject *object)
{
  JdPresentationWindow *self = (JdPresentationWindow *)object;

  g_clear_pointer (&self->layout, jd_doc_layout_free);
  g_clear_pointer (&self->deck, jd_doc_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_object (&self->player);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_presentation_window_parent_class)->finalize (object);
}

/* The slide show's keys.  They sit in a controller of the capture phase:
 * GtkWindow binds the arrow keys to moving the focus, which a slide show
 * has no use for. */
static const struct {
  guint       keyval;
  const char *action;
} slide_keys[] = {
  { GDK_KEY_Right, "slides.next" },
  { GDK_KEY_Down, "slides.next" },
  { GDK_KEY_space, "slides.next" },
  { GDK_KEY_Page_Down, "slides.next" },
  { GDK_KEY_KP_Page_Down, "slides.next" },
  { GDK_KEY_Left, "slides.previous" },
  { GDK_KEY_Up, "slides.previous" },
  { GDK_KEY_Page_Up, "slides.previous" },
  { GDK_KEY_KP_Page_Up, "slides.previous" },
  { GDK_KEY_BackSpace, "slides.previous" },
  { GDK_KEY_Home, "slides.first" },
  { GDK_KEY_KP_Home, "slides.first" },
  { GDK_KEY_End, "slides.last" },
  { GDK_KEY_KP_End, "slides.last" },
  { GDK_KEY_Return, "slides.jump" },
  { GDK_KEY_KP_Enter, "slides.jump" },
  { GDK_KEY_b, "slides.blank" },
  { GDK_KEY_period, "slides.blank" },
  { GDK_KEY_p, "slides.play" },
  { GDK_KEY_Escape, "window.close" },
};

/* A keyval trigger matches a letter in either case. */
static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action,
              GVariant              *arguments)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0), gtk_named_action_new (action));

  if (arguments != NULL)
    gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_slide_keys (JdPresentationWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (slide_keys); i++)
    add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), slide_keys[i].keyval, slide_keys[i].action, NULL);
  for (guint i = 0; i <= 9; i++)
    {
      add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_0 + i, "slides.digit", g_variant_new_uint32 (i));
      add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_0 + i, "slides.digit", g_variant_new_uint32 (i));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
jd_presentation_window_class_init (JdPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const commands[] = {
    "slides.next", "slides.previous", "slides.first", "slides.last", "slides.jump",
    "slides.blank", "slides.play",
  };

  object_class->dispose = jd_presentation_window_dispose;
  object_class->finalize = jd_presentation_window_finalize;

  g_type_ensure (JD_TYPE_SLIDE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdPresentationWindow, view);
  gtk_widget_class_bind_template_child (widget_class, JdPresentationWindow, typed_label);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    gtk_widget_class_install_action (widget_class, commands[i], NULL, command_action);
  gtk_widget_class_install_action (widget_class, "slides.digit", "u", command_action);
}

static void
jd_presentation_window_init (JdPresentationWindow *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_slide_keys (self);

  self->settings = g_settings_new (APP_ID);
  self->player = jd_deck_player_new (0);
  jd_deck_player_set_interval (self->player, g_settings_get_uint (self->settings, "slide-interval"));
  g_signal_connect_object (self->player, "notify::current", G_CALLBACK (on_current_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::blank", G_CALLBACK (on_blank_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::typed-number", G_CALLBACK (on_typed_cb), self, G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));

  /* Auto-advance to within a quarter second is close enough for slides. */
  self->timer = g_timeout_add (250, tick_cb, self);
}

static void
on_presenter_destroy_cb (JdPresentationWindow *self,
                         GtkWindow            *presenter)
{
  if (self->presenter == presenter)
    self->presenter = NULL;
}

static GdkMonitor *
get_monitor (GdkDisplay *display,
             int         index)
{
  GListModel *monitors = gdk_display_get_monitors (display);

  if (index < 0 || (guint)index >= g_list_model_get_n_items (monitors))
    return NULL;

  return g_list_model_get_item (monitors, index);
}

/**
 * jd_presentation_window_fullscreen:
 * @window: the slides, the presenter's view or the wall display
 * @index: a monitor, as an index of gdk_display_get_monitors(); -1 for
 *   whichever the window manager chooses
 *
 * Full screen on that monitor, and at its size even with no window
 * manager to make it so (a kiosk session often has none).
 */
void
jd_presentation_window_fullscreen (GtkWindow *window,
                                   int        index)
{
  GdkMonitor *monitor = get_monitor (gtk_widget_get_display (GTK_WIDGET (window)), index);
  GdkRectangle geometry;

  if (monitor == NULL)
    {
      gtk_window_fullscreen (window);
      return;
    }

  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (window, geometry.width, geometry.height);
  gtk_window_fullscreen_on_monitor (window, monitor);
  g_object_unref (monitor);
}

/**
 * jd_presentation_window_new:
 * @parent: (nullable): the window it presents for
 * @deck: a deck of 16:9 slides (page breaks between slides)
 * @monitor: the monitor to present on (an index of
 *   gdk_display_get_monitors()); -1 for the first.  With a second monitor
 *   there, the presenter's view opens on it.
 *
 * Lays the deck out (once) and opens it full screen on its first slide.
 *
 * Returns: (transfer none): the window, or %NULL with @error set when the
 *   deck cannot be laid out
 */
JdPresentationWindow *
jd_presentation_window_new (GtkWindow  *parent,
                            JdDoc      *deck,
                            int         monitor,
                            GError    **error)
{
  JdPresentationWindow *self;
  JdDocLayout *layout;
  GListModel *monitors;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (deck != NULL, NULL);

  layout = jd_doc_layout_new (deck, NULL, error);
  if (layout == NULL)
    return NULL;

  self = g_object_new (JD_TYPE_PRESENTATION_WINDOW, NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->deck = jd_doc_ref (deck);
  self->layout = layout;
  collect_notes (self);
  jd_slide_view_set_layout (self->view, layout);
  jd_slide_view_set_page (self->view, 0);
  jd_deck_player_set_n_slides (self->player, jd_doc_layout_get_n_pages (layout));
  if (jd_doc_get_title (deck) != NULL)
    gtk_window_set_title (GTK_WINDOW (self), jd_doc_get_title (deck));

  monitor = MAX (monitor, 0);
  jd_presentation_window_fullscreen (GTK_WINDOW (self), monitor);

  monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  if (g_list_model_get_n_items (monitors) > 1)
    jd_presentation_window_show_presenter (self, monitor == 0 ? 1 : 0);

  return self;
}

/**
 * jd_presentation_window_get_player:
 *
 * Returns: (transfer none): the slide on show, the black screen, the
 *   auto-advance; tests give it their clock
 */
JdDeckPlayer *
jd_presentation_window_get_player (JdPresentationWindow *self)
{
  g_return_val_if_fail (JD_IS_PRESENTATION_WINDOW (self), NULL);

  return self->player;
}

JdSlideView *
jd_presentation_window_get_view (JdPresentationWindow *self)
{
  g_return_val_if_fail (JD_IS_PRESENTATION_WINDOW (self), NULL);

  return self->view;
}

/**
 * jd_presentation_window_get_layout:
 *
 * Returns: (transfer none): the deck as laid out, once, when the window
 *   opened
 */
JdDocLayout *
jd_presentation_window_get_layout (JdPresentationWindow *self)
{
  g_return_val_if_fail (JD_IS_PRESENTATION_WINDOW (self), NULL);

  return self->layout;
}

/**
 * jd_presentation_window_get_notes:
 *
 * Returns: the speaker's notes of @slide, "" for none
 */
const char *
jd_presentation_window_get_notes (JdPresentationWindow *self,
                                  guint                 slide)
{
  g_return_val_if_fail (JD_IS_PRESENTATION_WINDOW (self), NULL);

  return slide < self->notes->len ? g_ptr_array_index (self->notes, slide) : "";
}

/**
 * jd_presentation_window_show_presenter:
 * @monitor: where, as an index of gdk_display_get_monitors(); -1 for
 *   wherever the window manager puts it (not full screen)
 *
 * Opens the presenter's view: the slide on show and the next, the notes,
 * the time elapsed and the clock.  Its keys drive the slides too.
 *
 * Returns: (transfer none): the presenter's window
 */
GtkWindow *
jd_presentation_window_show_presenter (JdPresentationWindow *self,
                                       int                   monitor)
{
  g_return_val_if_fail (JD_IS_PRESENTATION_WINDOW (self), NULL);

  if (self->presenter == NULL)
    {
      self->presenter = GTK_WINDOW (jd_presenter_window_new (self));
      g_signal_connect_object (self->presenter, "destroy", G_CALLBACK (on_presenter_destroy_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_window_set_application (self->presenter, gtk_window_get_application (GTK_WINDOW (self)));
    }

  if (monitor >= 0)
    jd_presentation_window_fullscreen (self->presenter, monitor);
  gtk_window_present (self->presenter);

  return self->presenter;
}

GtkWindow *
jd_presentation_window_get_presenter (JdPresentationWindow *self)
{
  g_return_val_if_fail (JD_IS_PRESENTATION_WINDOW (self), NULL);

  return self->presenter;
}

/* The charts of the deck "Present" shows until the analyst's own deck
 * exists: the trend, the breakdowns, the rates the meeting asks about. */
static const char * const session_deck_charts[] = {
  "decided-monthly", "cases-by-domain", "complaints-by-channel", "loss-rate",
  "correction-rate", "leniency-share", "review-pass-rate", "agencies-decided", NULL
};

typedef struct
{
  JdStore  *store;
  JdPeriod  period;
  JdFilter  filter;
} DeckData;

static void
deck_data_free (DeckData *data)
{
  g_clear_object (&data->store);
  jd_filter_clear (&data->filter);
  g_free (data);
}

static void
build_deck_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  DeckData *data = task_data;
  GError *error = NULL;
  JdDoc *deck;

  deck = jd_deck_charts_new (data->store, _("Joint Meeting on Administrative Law Enforcement"),
                             &data->period, &data->filter, session_deck_charts, cancellable, &error);
  if (deck == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, deck, (GDestroyNotify)jd_doc_unref);
}

/**
 * jd_presentation_window_monitor_of:
 *
 * Returns: the monitor @window is on, as an index of the display's
 *   monitors; 0 before it is on screen
 */
int
jd_presentation_window_monitor_of (GtkWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkMonitor *monitor = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;

  for (guint i = 0; monitor != NULL && i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) item = g_list_model_get_item (monitors, i);

      if (item == monitor)
        return i;
    }

  return 0;
}

static void
build_deck_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(JdDoc) deck = NULL;
  g_autoptr(GError) error = NULL;
  JdPresentationWindow *window;
  int own, n_monitors;

  deck = g_task_propagate_pointer (G_TASK (result), &error);
  if (deck != NULL)
    {
      /* With a projector beside the laptop, the slides go to the
       * projector and the presenter's view stays with the speaker. */
      own = jd_presentation_window_monitor_of (parent);
      n_monitors = g_list_model_get_n_items (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (parent))));
      window = jd_presentation_window_new (parent, deck, n_monitors > 1 && own == 0 ? 1 : 0, &error);
      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          return;
        }
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not present the slides: %s", error->message);
}

/**
 * jd_presentation_window_present_session:
 * @parent: the window presenting
 * @session: the database, period and filter the slides show
 *
 * Builds a deck of the session's figures in a worker and presents it
 * full screen (F5 in the main window).
 */
void
jd_presentation_window_present_session (GtkWindow *parent,
                                        JdSession *session)
{
  g_autoptr(GTask) task = NULL;
  DeckData *data;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (JD_IS_SESSION (session));

  if (!jd_session_is_ready (session))
    return;

  data = g_new0 (DeckData, 1);
  data->store = g_object_ref (jd_session_get_store (session));
  jd_session_get_period (session, &data->period);
  jd_filter_copy (&data->filter, jd_session_get_filter (session));

  task = g_task_new (NULL, NULL, build_deck_done_cb, g_object_ref (parent));
  g_task_set_task_data (task, data, (GDestroyNotify)deck_data_free);
  g_task_run_in_thread (task, build_deck_thread);
}

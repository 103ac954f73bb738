/* jd-presenter-window.c — the speaker's screen: this slide, the next, notes, time
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-presenter-window"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-presenter-window.h"

/* On the laptop while the projector shows the slides: what the room sees,
 * what comes next, the notes, how long the speaker has talked and the
 * time.  It draws from the presentation window's layout and player; its
 * keys are handed to the presentation window, so either drives the deck. */
struct _JdPresenterWindow
{
  AdwWindow             parent_instance;

  JdPresentationWindow *presentation;   /* not owned: it owns this window */
  guint                 timer;

  JdSlideView          *current_view;
  JdSlideView          *next_view;
  GtkLabel             *position_label;
  GtkLabel             *state_label;
  GtkLabel             *notes_label;
  GtkLabel             *elapsed_label;
  GtkLabel             *clock_label;
};

G_DEFINE_FINAL_TYPE (JdPresenterWindow, jd_presenter_window, ADW_TYPE_WINDOW)

static void
update_time (JdPresenterWindow *self)
{
  JdDeckPlayer *player = jd_presentation_window_get_player (self->presentation);
  gint64 seconds = jd_deck_player_get_elapsed (player) / G_USEC_PER_SEC;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *elapsed = NULL;
  g_autofree char *clock = g_date_time_format (now, "%H:%M");

  if (seconds >= 3600)
    elapsed = g_strdup_printf ("%d:%02d:%02d", (int)(seconds / 3600), (int)(seconds / 60 % 60), (int)(seconds % 60));
  else
    elapsed = g_strdup_printf ("%02d:%02d", (int)(seconds / 60), (int)(seconds % 60));

  gtk_label_set_label (self->elapsed_label, elapsed);
  gtk_label_set_label (self->clock_label, clock);
}

static void
on_player_notify_cb (JdPresenterWindow *self,
                     GParamSpec        *pspec,
                     JdDeckPlayer      *player)
{
  jd_presenter_window_update (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  update_time (user_data);

  return G_SOURCE_CONTINUE;
}

static gboolean
on_key_pressed_cb (JdPresenterWindow     *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  return gtk_event_controller_key_forward (controller, GTK_WIDGET (self->presentation));
}

static void
jd_presenter_window_dispose (GObject *object)
{
  JdPresenterWindow *self = (JdPresenterWindow *)object;

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->current_view != NULL)
    {
      jd_slide_view_set_layout (self->current_view, NULL);
      jd_slide_view_set_layout (self->next_view, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_PRESENTER_WINDOW);

  G_OBJECT_CLASS (jd_presenter_window_parent_class)->dispose (object);
}

static void
jd_presenter_window_class_init (JdPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_presenter_window_dispose;

  g_type_ensure (JD_TYPE_SLIDE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdPresenterWindow, current_view);
  gtk_widget_class_bind_template_child (widget_class, JdPresenterWindow, next_view);
  gtk_widget_class_bind_template_child (widget_class, JdPresenterWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, JdPresenterWindow, state_label);
  gtk_widget_class_bind_template_child (widget_class, JdPresenterWindow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, JdPresenterWindow, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, JdPresenterWindow, clock_label);
}

static void
jd_presenter_window_init (JdPresenterWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

JdPresenterWindow *
jd_presenter_window_new (JdPresentationWindow *presentation)
{
  JdPresenterWindow *self;
  JdDeckPlayer *player;
  JdDocLayout *layout;

  g_return_val_if_fail (JD_IS_PRESENTATION_WINDOW (presentation), NULL);

  self = g_object_new (JD_TYPE_PRESENTER_WINDOW, NULL);
  self->presentation = presentation;
  player = jd_presentation_window_get_player (presentation);
  layout = jd_presentation_window_get_layout (presentation);

  jd_slide_view_set_layout (self->current_view, layout);
  jd_slide_view_set_layout (self->next_view, layout);
  jd_slide_view_set_letterbox (self->current_view, FALSE);
  jd_slide_view_set_letterbox (self->next_view, FALSE);
  g_signal_connect_object (player, "notify", G_CALLBACK (on_player_notify_cb), self, G_CONNECT_SWAPPED);
  self->timer = g_timeout_add_seconds (1, tick_cb, self);
  jd_presenter_window_update (self);

  return self;
}

/**
 * jd_presenter_window_update:
 *
 * Shows the player's state: done on every change of it, and once a
 * second for the clocks.
 */
void
jd_presenter_window_update (JdPresenterWindow *self)
{
  JdDeckPlayer *player;
  guint current, n_slides;
  g_autofree char *position = NULL;
  g_autofree char *state = NULL;

  g_return_if_fail (JD_IS_PRESENTER_WINDOW (self));

  player = jd_presentation_window_get_player (self->presentation);
  current = jd_deck_player_get_current (player);
  n_slides = jd_deck_player_get_n_slides (player);

  /* The speaker sees the slide even while the room sees black. */
  jd_slide_view_set_page (self->current_view, current);
  jd_slide_view_set_page (self->next_view, current + 1 < n_slides ? (int)current + 1 : -1);
  gtk_label_set_label (self->notes_label, jd_presentation_window_get_notes (self->presentation, current));

  if (jd_deck_player_get_typed_number (player) > 0)
    /* Translators: the presenter's view while a slide number is typed */
    position = g_strdup_printf (_("Go to slide %u…"), jd_deck_player_get_typed_number (player));
  else
    /* Translators: the presenter's view: "Slide 3 of 12" */
    position = g_strdup_printf (_("Slide %u of %u"), current + 1, n_slides);
  gtk_label_set_label (self->position_label, position);

  if (jd_deck_player_get_blank (player))
    state = g_strdup (_("The screen is black"));
  else if (jd_deck_player_get_playing (player))
    state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Next slide every %u second", "Next slide every %u seconds",
                                          jd_deck_player_get_interval (player)),
                             jd_deck_player_get_interval (player));
  gtk_label_set_label (self->state_label, state != NULL ? state : "");

  update_time (self);
}

JdSlideView *
jd_presenter_window_get_next (JdPresenterWindow *self)
{
  g_return_val_if_fail (JD_IS_PRESENTER_WINDOW (self), NULL);

  return self->next_view;
}

const char *
jd_presenter_window_get_notes (JdPresenterWindow *self)
{
  g_return_val_if_fail (JD_IS_PRESENTER_WINDOW (self), NULL);

  return gtk_label_get_label (self->notes_label);
}

const char *
jd_presenter_window_get_elapsed (JdPresenterWindow *self)
{
  g_return_val_if_fail (JD_IS_PRESENTER_WINDOW (self), NULL);

  return gtk_label_get_label (self->elapsed_label);
}

/* jd-kiosk-window.c — the wall display: dashboard pages full screen, one after another
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-kiosk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-kiosk-window.h"
#include "jd-presentation-window.h"
#include "jd-window.h"

/* A screen in the bureau's hall, as Grafana's playlists run one: the
 * pages the settings name, each for an interval, round and round, with
 * the figures read again whenever an import lands in the database.  Any
 * key leaves.  The pages share the main window's session: the same
 * database, period and filter. */
struct _JdKioskWindow
{
  AdwWindow     parent_instance;

  JdSession    *session;
  JdDeckPlayer *player;
  GSettings    *settings;
  guint         timer;
  GDateTime    *updated;     /* when the figures were last read again */

  GtkStack     *stack;
  GtkLabel     *page_label;
  GtkLabel     *status_label;
};

G_DEFINE_FINAL_TYPE (JdKioskWindow, jd_kiosk_window, ADW_TYPE_WINDOW)

static void
update_labels (JdKioskWindow *self)
{
  JdPage *page = jd_kiosk_window_get_page (self);
  g_autofree char *period_text = NULL;
  g_autofree char *time = NULL;
  g_autofree char *status = NULL;
  JdPeriod period;

  if (page == NULL)
    return;

  if (jd_session_get_period (self->session, &period))
    period_text = jd_period_format (&period);
  gtk_label_set_label (self->page_label, jd_page_get_title (page));

  time = g_date_time_format (self->updated, "%H:%M");
  /* Translators: the wall display's corner: the period on show, when the
   * figures were read, the page's number and how many there are */
  status = g_strdup_printf (_("%s · updated %s · %u of %u"),
                            period_text != NULL ? period_text : "",
                            time,
                            jd_deck_player_get_current (self->player) + 1,
                            jd_deck_player_get_n_slides (self->player));
  gtk_label_set_label (self->status_label, status);
}

static void
on_current_cb (JdKioskWindow *self,
               GParamSpec    *pspec,
               JdDeckPlayer  *player)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));

  for (guint i = 0; child != NULL && i < jd_deck_player_get_current (player); i++)
    child = gtk_widget_get_next_sibling (child);
  if (child != NULL)
    gtk_stack_set_visible_child (self->stack, child);

  update_labels (self);
}

static void
on_session_changed_cb (JdKioskWindow *self,
                       guint          what,
                       JdSession     *session)
{
  if (what & (JD_SESSION_CHANGED_DATA | JD_SESSION_CHANGED_STORE))
    {
      g_clear_pointer (&self->updated, g_date_time_unref);
      self->updated = g_date_time_new_now_local ();
    }

  update_labels (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  jd_kiosk_window_tick (user_data);

  return G_SOURCE_CONTINUE;
}

/* Any key leaves; the mouse does not, a nudged mouse is no wish to leave. */
static gboolean
on_key_pressed_cb (JdKioskWindow         *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  gtk_window_close (GTK_WINDOW (self));

  return GDK_EVENT_STOP;
}

static void
add_pages (JdKioskWindow *self)
{
  g_auto(GStrv) names = g_settings_get_strv (self->settings, "kiosk-pages");
  guint n_pages = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      GType type = jd_window_get_page_type (names[i]);

      if (type == G_TYPE_INVALID)
        {
          g_debug ("No page “%s” for the wall display", names[i]);
          continue;
        }

      gtk_stack_add_named (self->stack, g_object_new (type, "session", self->session, NULL), names[i]);
      n_pages++;
    }

  /* Settings that name no page there is still show something. */
  if (n_pages == 0)
    {
      gtk_stack_add_named (self->stack,
                           g_object_new (jd_window_get_page_type ("overview"), "session", self->session, NULL),
                           "overview");
      n_pages = 1;
    }

  jd_deck_player_set_n_slides (self->player, n_pages);
}

static void
jd_kiosk_window_dispose (GObject *object)
{
  JdKioskWindow *self = (JdKioskWindow *)object;

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_KIOSK_WINDOW);

  G_OBJECT_CLASS (jd_kiosk_window_parent_class)->dispose (object);
}

static void
jd_kiosk_window_finalize (GObject *object)
{
  JdKioskWindow *self = (JdKioskWindow *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->player);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (jd_kiosk_window_parent_class)->finalize (object);
}

static void
jd_kiosk_window_class_init (JdKioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_kiosk_window_dispose;
  object_class->finalize = jd_kiosk_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdKioskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JdKioskWindow, page_label);
  gtk_widget_class_bind_template_child (widget_class, JdKioskWindow, status_label);
}

static void
jd_kiosk_window_init (JdKioskWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk");
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");

  self->settings = g_settings_new (APP_ID);
  self->player = jd_deck_player_new (0);
  self->updated = g_date_time_new_now_local ();
  jd_deck_player_set_loop (self->player, TRUE);
  g_signal_connect_object (self->player, "notify::current", G_CALLBACK (on_current_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * jd_kiosk_window_new:
 * @parent: (nullable): the window whose monitor the display takes
 * @session: the database, period and filter to show
 *
 * Opens full screen and starts cycling at once, reading which pages and
 * how long each from the settings (kiosk-pages, kiosk-interval).
 */
JdKioskWindow *
jd_kiosk_window_new (GtkWindow *parent,
                     JdSession *session)
{
  JdKioskWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JD_IS_SESSION (session), NULL);

  self = g_object_new (JD_TYPE_KIOSK_WINDOW, NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);

  add_pages (self);
  jd_deck_player_set_interval (self->player, g_settings_get_uint (self->settings, "kiosk-interval"));
  jd_deck_player_set_playing (self->player, TRUE);
  self->timer = g_timeout_add_seconds (1, tick_cb, self);
  update_labels (self);

  jd_presentation_window_fullscreen (GTK_WINDOW (self),
                                     parent != NULL ? jd_presentation_window_monitor_of (parent) : -1);

  return self;
}

/**
 * jd_kiosk_window_get_player:
 *
 * Returns: (transfer none): what cycles the pages; tests give it a clock
 */
JdDeckPlayer *
jd_kiosk_window_get_player (JdKioskWindow *self)
{
  g_return_val_if_fail (JD_IS_KIOSK_WINDOW (self), NULL);

  return self->player;
}

/**
 * jd_kiosk_window_get_page:
 *
 * Returns: (transfer none) (nullable): the page on show
 */
JdPage *
jd_kiosk_window_get_page (JdKioskWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (JD_IS_KIOSK_WINDOW (self), NULL);

  child = gtk_stack_get_visible_child (self->stack);
  return child != NULL ? JD_PAGE (child) : NULL;
}

guint
jd_kiosk_window_get_n_pages (JdKioskWindow *self)
{
  g_return_val_if_fail (JD_IS_KIOSK_WINDOW (self), 0);

  return jd_deck_player_get_n_slides (self->player);
}

/**
 * jd_kiosk_window_tick:
 *
 * What the display's timer does every second: the next page when it is
 * due, and the figures again when the database changed.
 */
void
jd_kiosk_window_tick (JdKioskWindow *self)
{
  g_return_if_fail (JD_IS_KIOSK_WINDOW (self));

  jd_deck_player_tick (self->player);
  jd_session_check_data (self->session);
}

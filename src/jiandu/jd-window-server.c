/* jd-window-server.c — the window on a shared store: Connect to Server, the keyring
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's ways in for a server: the Connect dialog (Ctrl+Shift+O),
 * and a server of last time or of the command line, connected to again
 * with the password the GNOME keyring keeps for it.  The servers are
 * remembered in the settings by their connection strings, which never hold
 * a password; without a keyring the user is told so, and connects anyway.
 */

#define G_LOG_DOMAIN "jd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-server.h"
#include "jd-server-dialog.h"
#include "jd-window.h"
#include "jd-window-private.h"

/* How many servers the Connect dialog offers again. */
#define MAX_RECENT_SERVERS 8

/* A server's password asked of the keyring, to connect with. */
typedef struct
{
  JdWindow *window;
  char     *location;
} LookupData;

static void
lookup_data_free (LookupData *data)
{
  g_object_unref (data->window);
  g_free (data->location);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LookupData, lookup_data_free)

static void
on_password_stored_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(JdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!jd_server_store_password_finish (result, &error))
    {
      /* The keyring's own words are for developers (no such D-Bus name…). */
      g_debug ("Could not store a password in the keyring: %s", error->message);
      _jd_window_show_toast (self, _("No keyring is available to remember the password: Jiandu will ask for it next time"));
    }
}

static void
on_connected_cb (JdWindow       *self,
                 JdStore        *store,
                 JdServerDialog *dialog)
{
  const JdServer *server = jd_server_dialog_get_server (dialog);
  const char *password = jd_server_dialog_get_password (dialog);

  if (password != NULL && jd_server_dialog_get_remember (dialog))
    jd_server_store_password (server, password, NULL, on_password_stored_cb, g_object_ref (self));
  else
    jd_server_forget_password (server);

  _jd_window_open_location (self, server->conninfo, password, store, FALSE);
}

/* The server the dialog offers first: the window's, or the last one. */
static JdServer *
server_to_offer (JdWindow *self)
{
  g_auto(GStrv) recent = NULL;

  if (self->location != NULL && jd_store_location_is_server (self->location))
    return jd_server_parse (self->location, NULL, NULL);

  recent = g_settings_get_strv (self->settings, "recent-servers");
  return recent[0] != NULL ? jd_server_parse (recent[0], NULL, NULL) : NULL;
}

/* Ctrl+Shift+O */
static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  JdServerDialog *dialog = jd_server_dialog_new (GTK_WINDOW (self));
  g_autoptr(JdServer) server = server_to_offer (self);

  if (server != NULL)
    jd_server_dialog_set_server (dialog, server);

  /* The server of last time refused: the dialog says why, where the user
   * corrects it. */
  if (server != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    jd_server_dialog_show_error (dialog, adw_status_page_get_description (self->error_page));

  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_connected_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_jd_window_class_add_server_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.connect", NULL);
}

static void
on_password_found_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LookupData) data = user_data;
  g_autoptr(GError) error = NULL;
  char *password = jd_server_lookup_password_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      g_debug ("Could not ask the keyring for a password: %s", error->message);
      _jd_window_show_toast (data->window, _("No keyring is available: connecting without a saved password"));
    }

  _jd_window_open_location (data->window, data->location, password, NULL, FALSE);
  jd_server_password_free (password);
}

/**
 * _jd_window_open_server:
 * @location: a server's connection string
 *
 * Connects to @location with the password it holds or, if none, the one
 * the keyring keeps for the server.
 */
void
_jd_window_open_server (JdWindow   *self,
                        const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdServer) server = NULL;
  char *password = NULL;
  LookupData *data;

  server = jd_server_parse (location, &password, &error);
  if (server == NULL)
    {
      _jd_window_fail_open (self, error);
      return;
    }

  if (password != NULL)
    {
      _jd_window_open_location (self, server->conninfo, password, NULL, FALSE);
      jd_server_password_free (password);
      return;
    }

  /* A newer open (or lookup) makes this one's answer useless. */
  g_cancellable_cancel (self->open_cancellable);
  g_cancellable_cancel (self->keyring_cancellable);
  g_clear_object (&self->keyring_cancellable);
  self->keyring_cancellable = g_cancellable_new ();
  _jd_window_show_loading (self, server->conninfo);

  data = g_new0 (LookupData, 1);
  data->window = g_object_ref (self);
  data->location = g_strdup (server->conninfo);
  jd_server_lookup_password (server, self->keyring_cancellable, on_password_found_cb, data);
}

/**
 * _jd_window_remember_server:
 * @location: a server's connection string, without its password
 *
 * Puts @location first in the Connect dialog's recent servers.
 */
void
_jd_window_remember_server (JdWindow   *self,
                            const char *location)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-servers");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, location);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_SERVERS; i++)
    if (!g_str_equal (recent[i], location))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-servers", (const char * const *)updated);
}

/* jd-window-open.c — the window opens a store: a file or a server
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every way in (Open, the demo, a dropped file, the Connect dialog, the
 * command line, Reload, an import done) ends in _jd_window_open_location():
 * a worker opens the store (or takes the one the Connect dialog opened),
 * reads whether it is empty and which months it holds, and the window hands
 * it to its session.  A server's location is kept without its password,
 * which stays in this window's memory for reloading.
 */

#define G_LOG_DOMAIN "jd-window"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jd-application.h"
#include "jd-demo.h"
#include "jd-server.h"
#include "jd-window.h"
#include "jd-window-private.h"

/* What the worker that opens a database hands back. */
typedef struct
{
  char     *location;
  char     *password;        /* a server's, or NULL */
  gboolean  fill_if_empty;
  int       permille;        /* progress of the demo generator, atomic */

  JdStore  *store;           /* given already open, or opened by the worker */
  gboolean  empty;
  gboolean  has_range;
  int       first_month;
  int       last_month;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_pointer (&data->location, g_free);
  g_clear_pointer (&data->password, jd_server_password_free);
  g_clear_object (&data->store);
  g_free (data);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  JdWindow *self = user_data;
  OpenData *data;
  int permille;

  if (self->open_task == NULL)
    {
      self->progress_source = 0;
      return G_SOURCE_REMOVE;
    }

  data = g_task_get_task_data (self->open_task);
  permille = g_atomic_int_get (&data->permille);
  if (permille > 0)
    {
      adw_status_page_set_title (self->loading_page, _("Building the Demo City…"));
      adw_status_page_set_description (self->loading_page,
                                       _("Five years of cases, complaints, lawsuits and reviews of a made-up city, for a first look around. This takes a few seconds, once."));
      gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
      gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
    }
  else
    gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

/* Worker thread: runs the demo generator's progress into OpenData. */
static void
demo_progress_cb (double   fraction,
                  gpointer user_data)
{
  OpenData *data = user_data;

  g_atomic_int_set (&data->permille, CLAMP ((int)(fraction * 1000.0), 1, 1000));
}

/* Worker thread: a file, or a server (with the password, if any). */
static JdStore *
open_store (OpenData  *data,
            GError   **error)
{
  g_autoptr(JdServer) server = NULL;

  if (!jd_store_location_is_server (data->location))
    return jd_store_open (data->location, error);

  server = jd_server_parse (data->location, NULL, error);
  return server != NULL ? jd_server_open_store (server, data->password, NULL, error) : NULL;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  g_autofree char *dir = NULL;

  if (data->fill_if_empty && data->store == NULL)
    {
      dir = g_path_get_dirname (data->location);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                   _("Could not create the folder “%s”: %s"),
                                   dir, g_strerror (saved_errno));
          return;
        }
    }

  if (data->store == NULL)
    data->store = open_store (data, &error);
  if (data->store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->fill_if_empty && jd_store_is_empty (data->store))
    {
      if (!jd_demo_generate (data->store, JD_DEMO_DEFAULT_SEED, JD_DEMO_DEFAULT_CASES,
                             demo_progress_cb, data, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  data->empty = jd_store_is_empty (data->store);
  data->has_range = jd_store_get_month_range (data->store, &data->first_month, &data->last_month);

  g_task_return_boolean (task, TRUE);
}

/* The period a database opens on: the last complete month (or quarter,
 * year, year to date, after the kind chosen) — never one the data end
 * inside.  The data's last month is complete by definition, and so is the
 * year to date that ends with it. */
static JdPeriod
last_complete_period (JdPeriodKind kind,
                      int          data_end)
{
  JdPeriod period = jd_period_containing (kind, data_end);

  if (jd_period_cover (&period, data_end, NULL, NULL, NULL) == JD_COVERAGE_PARTIAL)
    period = jd_period_previous (&period);

  return period;
}

/* What a server's store leaves out: the demo city is no one's to pour
 * into a store that bureaus share. */
static void
show_kind_of_store (JdWindow   *self,
                    const char *location)
{
  gboolean server = jd_store_location_is_server (location);

  gtk_widget_set_visible (self->fill_demo_button, !server);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.fill-demo", !server);
  adw_status_page_set_description (self->empty_page,
                                   server ? _("This database on the server is empty. Import the monthly Excel or CSV exports of your agencies and the 12345 hotline into it.")
                                          : _("This database is empty. Import the monthly Excel or CSV exports of your agencies and the 12345 hotline, or fill it with the demo city to look around."));
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  OpenData *data = g_task_get_task_data (G_TASK (result));
  JdStore *old_store;
  gboolean same_database;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if ((gpointer)result == (gpointer)self->open_task)
        _jd_window_fail_open (self, error);
      return;
    }

  /* A newer open started since: its result is the one that counts. */
  if ((gpointer)result != (gpointer)self->open_task)
    return;
  g_clear_object (&self->open_task);

  /* Reload, import and undo open the same database again: the user stays
   * on the period, the filter and the page they were looking at. */
  old_store = jd_session_get_store (self->session);
  same_database = old_store != NULL && jd_session_get_period (self->session, NULL) &&
                  g_strcmp0 (self->shown_location, data->location) == 0;
  g_free (self->shown_location);
  self->shown_location = g_strdup (data->location);
  /* Never a password: the location of a server has none. */
  g_settings_set_string (self->settings, "last-database", data->location);
  if (jd_store_location_is_server (data->location))
    _jd_window_remember_server (self, data->location);
  show_kind_of_store (self, data->location);

  /* Another database has other agencies: its profile would name none. */
  if (!same_database)
    {
      jd_session_set_filter (self->session, NULL);
      gtk_stack_set_visible_child_name (self->content, "pages");
    }
  if (data->has_range && !same_database)
    {
      JdPeriod period = last_complete_period (gtk_drop_down_get_selected (self->kind_dropdown),
                                              data->last_month);

      jd_session_set_period (self->session, &period);
    }
  jd_session_set_store (self->session, data->store,
                        data->has_range ? data->first_month : 0,
                        data->has_range ? data->last_month : 0);
  _jd_window_update_title (self);

  gtk_stack_set_visible_child_name (self->stack, data->empty || !data->has_range ? "empty" : "dashboard");
  _jd_window_set_opening (self, FALSE);
  _jd_window_update_actions (self);
}

/**
 * _jd_window_open_location:
 * @location: a file, or a server's connection string
 * @password: (nullable): a server's password
 * @store: (nullable): the store at @location, already open (the Connect
 *   dialog opened it), or %NULL to open it here
 * @fill_if_empty: whether to build the demo city in an empty file
 *
 * Opens @location on a worker thread and shows it.  A password that
 * @location holds is taken out of it before it is kept anywhere.
 */
void
_jd_window_open_location (JdWindow   *self,
                          const char *location,
                          const char *password,
                          JdStore    *store,
                          gboolean    fill_if_empty)
{
  g_autofree char *kept_location = NULL;
  char *kept_password = NULL;
  OpenData *data;

  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (location != NULL);

  g_cancellable_cancel (self->keyring_cancellable);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  if (jd_store_location_is_server (location))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdServer) server = jd_server_parse (location, &kept_password, &error);

      if (server == NULL)
        {
          _jd_window_fail_open (self, error);
          return;
        }
      kept_location = g_strdup (server->conninfo);
      if (password != NULL)
        {
          jd_server_password_free (kept_password);
          kept_password = g_strdup (password);
        }
    }
  else
    kept_location = g_strdup (location);

  /* @location and @password may be the window's own (a reload). */
  g_free (self->location);
  self->location = g_steal_pointer (&kept_location);
  jd_server_password_free (self->password);
  self->password = kept_password;

  data = g_new0 (OpenData, 1);
  data->location = g_strdup (self->location);
  data->password = g_strdup (self->password);
  data->fill_if_empty = fill_if_empty && store == NULL;
  data->store = store != NULL ? g_object_ref (store) : NULL;

  g_clear_object (&self->open_task);
  self->open_task = g_task_new (self, self->open_cancellable, open_done_cb, g_object_ref (self));
  g_task_set_task_data (self->open_task, data, (GDestroyNotify)open_data_free);
  g_task_run_in_thread (self->open_task, open_thread);

  _jd_window_show_loading (self, self->location);
}

/**
 * _jd_window_show_loading:
 * @location: what the window is opening
 *
 * The loading page, in place of the pages, until the store is open.
 */
void
_jd_window_show_loading (JdWindow   *self,
                         const char *location)
{
  adw_status_page_set_title (self->loading_page, jd_store_location_is_server (location)
                                                 ? _("Connecting to the Server…") : _("Opening the Database…"));
  adw_status_page_set_description (self->loading_page, NULL);
  gtk_progress_bar_set_show_text (self->progress_bar, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (self->progress_source == 0)
    self->progress_source = g_timeout_add (100, update_progress_cb, self);

  _jd_window_set_opening (self, TRUE);
  _jd_window_update_actions (self);
}

void
jd_window_open_path (JdWindow   *self,
                     const char *path,
                     gboolean    fill_if_empty)
{
  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  _jd_window_open_location (self, path, NULL, NULL, fill_if_empty);
}

/* Reload, an import or undo done, the demo poured in: the same store again. */
void
_jd_window_reopen (JdWindow *self,
                   gboolean  fill_if_empty)
{
  if (self->location != NULL)
    _jd_window_open_location (self, self->location, self->password, NULL, fill_if_empty);
}

/**
 * _jd_window_fail_open:
 *
 * Says why the store could not be opened, in place of the pages; the
 * window then has no store, and Reload tries again.
 */
void
_jd_window_fail_open (JdWindow     *self,
                      const GError *error)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_task);
  g_clear_pointer (&self->shown_location, g_free);
  jd_session_set_store (self->session, NULL, 0, 0);
  adw_status_page_set_title (self->error_page,
                             self->location != NULL && jd_store_location_is_server (self->location)
                             ? _("Could Not Connect to the Server") : _("Could Not Open the Database"));
  _jd_window_show_error (self, error);
  _jd_window_set_opening (self, FALSE);
  _jd_window_update_actions (self);
  _jd_window_update_title (self);
}

/**
 * jd_window_open_last:
 *
 * Opens the database of last time; on the first run, or if that file is
 * gone, the demo database (built on the spot when it does not exist yet).
 * A server of last time is connected to again, with the keyring's password.
 */
void
jd_window_open_last (JdWindow *self)
{
  g_autofree char *last = NULL;
  g_autofree char *demo = NULL;

  g_return_if_fail (JD_IS_WINDOW (self));

  last = g_settings_get_string (self->settings, "last-database");
  demo = jd_application_get_demo_path ();

  if (jd_store_location_is_server (last))
    _jd_window_open_server (self, last);
  else if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    jd_window_open_path (self, last, g_str_equal (last, demo));
  else
    jd_window_open_path (self, demo, TRUE);
}

void
jd_window_open_file (JdWindow *self,
                     GFile    *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      _jd_window_show_toast (self, _("Databases can only be opened from this computer’s disks"));
      return;
    }

  /* A mistyped path on the command line (`jiandu PATH`) must not leave
   * an empty database behind: opening never creates one, only “New Empty
   * Database…” does. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autoptr(GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no file “%s”. To start a new database there, choose “New Empty Database…” in the main menu."),
                   display);
      g_clear_pointer (&self->location, g_free);
      g_clear_pointer (&self->password, jd_server_password_free);
      _jd_window_fail_open (self, error);
      return;
    }

  jd_window_open_path (self, path, FALSE);
}

/**
 * jd_window_open_location:
 * @location: a file, or a server's connection string
 *
 * `jiandu --db LOCATION`: a file as jd_window_open_file() opens it, a
 * server with the password the keyring holds for it.
 */
void
jd_window_open_location (JdWindow   *self,
                         const char *location)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (location != NULL);

  if (jd_store_location_is_server (location))
    {
      _jd_window_open_server (self, location);
      return;
    }

  file = g_file_new_for_commandline_arg (location);
  jd_window_open_file (self, file);
}

/* Ctrl+R: the same store again, or another try at one that failed. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _jd_window_reopen (JD_WINDOW (widget), FALSE);
}

void
_jd_window_class_add_open_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
}

/* dispose: no open, no password left behind. */
void
_jd_window_clear_open (JdWindow *self)
{
  g_cancellable_cancel (self->open_cancellable);
  g_cancellable_cancel (self->keyring_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->password, jd_server_password_free);
  g_clear_pointer (&self->shown_location, g_free);
}

/* jd-application.c — application-wide actions, settings and windows
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-application.h"
#include "jd-window.h"

struct _JdApplication
{
  AdwApplication parent_instance;

  gboolean       kiosk;   /* `jiandu --kiosk`: start on the wall display */
  char          *db;      /* `jiandu --db LOCATION`: a file or a server to open */
};

G_DEFINE_FINAL_TYPE (JdApplication, jd_application, ADW_TYPE_APPLICATION)

/**
 * jd_application_get_demo_path:
 *
 * Returns: (transfer full): where the demo database lives, in the user's
 *   data folder
 */
char *
jd_application_get_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "jiandu", "demo.db", NULL);
}

static JdWindow *
new_window (JdApplication *self)
{
  return g_object_new (JD_TYPE_WINDOW, "application", self, NULL);
}

static void
jd_application_activate (GApplication *app)
{
  JdApplication *self = JD_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (self->db != NULL)
    {
      g_autofree char *db = g_steal_pointer (&self->db);

      window = GTK_WINDOW (new_window (self));
      jd_window_open_location (JD_WINDOW (window), db);
    }
  else if (window == NULL)
    {
      window = GTK_WINDOW (new_window (self));
      jd_window_open_last (JD_WINDOW (window));
    }

  gtk_window_present (window);

  if (self->kiosk)
    {
      self->kiosk = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk", NULL);
    }
}

/* `jiandu --kiosk` and `jiandu --db LOCATION`: in the first instance, the
 * wall display or the store opens with the window; an instance already
 * running is asked to open it. */
static int
jd_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  JdApplication *self = JD_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  gboolean kiosk = g_variant_dict_contains (options, "kiosk");
  const char *db = NULL;

  g_variant_dict_lookup (options, "db", "&s", &db);
  if (!kiosk && db == NULL)
    return -1;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (app))
    {
      if (db != NULL)
        g_action_group_activate_action (G_ACTION_GROUP (app), "open-location", g_variant_new_string (db));
      if (kiosk)
        g_action_group_activate_action (G_ACTION_GROUP (app), "kiosk", NULL);
      return 0;
    }

  self->kiosk = kiosk;
  g_free (self->db);
  self->db = g_strdup (db);
  return -1;
}

/* app.open-location: `jiandu --db LOCATION` in an instance already running */
static void
on_open_location_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  JdApplication *self = user_data;

  g_free (self->db);
  self->db = g_variant_dup_string (parameter, NULL);
  g_application_activate (G_APPLICATION (self));
}

/* `jiandu postgresql://…` names a server the way a URI names a file. */
static gboolean
is_server_uri (GFile *file)
{
  return g_file_has_uri_scheme (file, "postgresql") || g_file_has_uri_scheme (file, "postgres");
}

static void
on_kiosk_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  JdApplication *self = user_data;

  self->kiosk = TRUE;
  g_application_activate (G_APPLICATION (self));
}

static void
jd_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  JdApplication *self = JD_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      JdWindow *window = new_window (self);

      if (is_server_uri (files[i]))
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          jd_window_open_location (window, uri);
        }
      else
        jd_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));

      /* `jiandu --kiosk FILE`: the wall display of that database. */
      if (self->kiosk)
        {
          self->kiosk = FALSE;
          gtk_widget_activate_action (GTK_WIDGET (window), "win.kiosk", NULL);
        }
    }
}

static void
on_about_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  JdApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Jiandu developers", NULL };

  adw_show_about_window (window,
                         "application-name", _("Jiandu"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Jiandu developers"),
                         "developers", developers,
                         "comments", _("Supervision analytics for administrative law enforcement: dashboards, analysis reports and meeting slides from the data your agencies already send."),
                         "website", "https://github.com/jiandu/jiandu",
                         "issue-url", "https://github.com/jiandu/jiandu/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: the About dialog's copyright line */
                         "copyright", _("© 2026 The Jiandu developers"),
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
on_quit_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  JdApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window saves its size, as the close button would. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
on_new_window_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  JdWindow *window = new_window (user_data);

  jd_window_open_last (window);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "about", on_about_cb },
  { "quit", on_quit_cb },
  { "new-window", on_new_window_cb },
  { "kiosk", on_kiosk_cb },
  { "open-location", on_open_location_cb, "s" },
};

static void
jd_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control><Shift>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *connect_accels[] = { "<Control><Shift>o", NULL };
  static const char *new_db_accels[] = { "<Control>n", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *previous_accels[] = { "<Alt>Left", "<Control>Page_Up", NULL };
  static const char *next_accels[] = { "<Alt>Right", "<Control>Page_Down", NULL };
  static const char *reload_accels[] = { "<Control>r", NULL };
  static const char *present_accels[] = { "F5", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };

  G_APPLICATION_CLASS (jd_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.connect", connect_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-database", new_db_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.previous-period", previous_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.next-period", next_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.reload", reload_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.present", present_accels);
}

static void
jd_application_finalize (GObject *object)
{
  JdApplication *self = (JdApplication *)object;

  g_clear_pointer (&self->db, g_free);

  G_OBJECT_CLASS (jd_application_parent_class)->finalize (object);
}

static void
jd_application_class_init (JdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = jd_application_finalize;

  app_class->activate = jd_application_activate;
  app_class->open = jd_application_open;
  app_class->startup = jd_application_startup;
  app_class->handle_local_options = jd_application_handle_local_options;
}

static void
jd_application_init (JdApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "kiosk", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Show the dashboard pages full screen, one after another, as a wall display"),
                                 NULL);
  g_application_add_main_option (G_APPLICATION (self), "db", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING,
                                 _("Open a database file, or a store on a PostgreSQL server (postgresql://user@server/database); the password comes from the keyring, never from the command line"),
                                 _("LOCATION"));
}

JdApplication *
jd_application_new (void)
{
  return g_object_new (JD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/jiandu/Jiandu",
                       NULL);
}

/* test-ui-server.c — Connect to Server, against a real PostgreSQL server
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb, with the test server JIANDU_TEST_PG names (skipped
 * without it, failed on CI).  A database of the test's own is filled by
 * `jiandu-cli demo` as a role that must give its password (a line of the
 * server's pg_hba.conf, for that role only, added here and taken out at the
 * end).  The user fills the Connect dialog; the overview's KPI cards must
 * say what `jiandu-cli metrics --json` says of the same server.  A wrong
 * password or user is said in the dialog; the password never reaches the
 * settings or the title; the keyring (a private gnome-keyring-daemon on the
 * test's own D-Bus) keeps it and gives it back to connect again.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "jd-overview-page.h"
#include "jd-server.h"
#include "jd-server-dialog.h"
#include "jd-window.h"
#include "jd-test-figures.h"
#include "jd-test-pg.h"

/* The test's database on the server, and the role that owns it */
static struct
{
  gboolean          ready;
  JdTestPgDatabase *admin;        /* as the server's superuser */
  char             *dbname;
  char             *host;         /* the socket folder */
  char             *port;         /* NULL: 5432 */
  char             *role;
  char             *password;
  char             *dir;          /* the passfile, the keyring's home */
} server;

/* The role's pg_hba.conf line: its password is asked, whatever the rest
 * of the throw-away cluster trusts. */
static char *
hba_line (void)
{
  return g_strdup_printf ("local all %s scram-sha-256", server.role);
}

/* Rewrites the server's pg_hba.conf (with @line first, or without it) as
 * the server's own user, through a large object, and reloads it. */
static void
rewrite_hba (const char *line,
             gboolean    add)
{
  g_autofree char *content = add ? g_strdup_printf ("'%s' || chr (10) || pg_read_file (current_setting ('hba_file'))", line)
                                 : g_strdup_printf ("replace (pg_read_file (current_setting ('hba_file')), '%s' || chr (10), '')", line);
  g_autofree char *sql = g_strdup_printf ("DO $$ DECLARE o oid; BEGIN "
                                          "o := lo_from_bytea (0, convert_to (%s, 'UTF8')); "
                                          "PERFORM lo_export (o, current_setting ('hba_file')); "
                                          "PERFORM lo_unlink (o); PERFORM pg_reload_conf (); END $$",
                                          content);

  jd_test_pg_admin_exec (sql);
  /* The postmaster reloads on a signal: let it. */
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
}

/* The command line's way to the test database: as the role, with its
 * password in a passfile, never on the command line nor in this process's
 * environment (where the app's own connections would find it). */
static char *
cli_conninfo (void)
{
  g_autofree char *passfile = g_build_filename (server.dir, "pgpass", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *as_role = _jd_db_pg_conninfo_set (server.admin, "user", server.role, &error);
  char *conninfo;

  g_assert_no_error (error);
  conninfo = _jd_db_pg_conninfo_set (as_role, "passfile", passfile, &error);
  g_assert_no_error (error);
  return conninfo;
}

static void
run_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *)g_getenv ("JIANDU_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (argv->pdata[0]);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

/* Once: the database, the role, the demo city in it.  FALSE: no server,
 * and the test is skipped (failed on CI). */
static gboolean
setup_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *line = NULL;
  g_autofree char *passfile = NULL;
  g_autofree char *passline = NULL;

  if (server.ready)
    return TRUE;

  server.admin = jd_test_pg_database_new ();
  if (server.admin == NULL)
    return FALSE;

  server.dbname = _jd_db_pg_conninfo_get (server.admin, "dbname");
  server.host = _jd_db_pg_conninfo_get (server.admin, "host");
  server.port = _jd_db_pg_conninfo_get (server.admin, "port");
  g_assert_nonnull (server.host);
  server.role = g_strdup_printf ("jd_ui_%d", (int)getpid ());
  server.password = g_uuid_string_random ();
  server.dir = g_dir_make_tmp ("jiandu-ui-server-XXXXXX", &error);
  g_assert_no_error (error);

  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD '%s'; ALTER DATABASE %s OWNER TO %s",
                         server.role, server.password, server.dbname, server.role);
  jd_test_pg_admin_exec (sql);
  line = hba_line ();
  rewrite_hba (line, TRUE);

  passfile = g_build_filename (server.dir, "pgpass", NULL);
  passline = g_strdup_printf ("*:*:*:%s:%s\n", server.role, server.password);
  g_assert_true (g_file_set_contents (passfile, passline, -1, NULL));
  g_assert_cmpint (g_chmod (passfile, 0600), ==, 0);

  /* jd-test-pages.h's jiandu-cli calls read this "database". */
  jd_test_demo.path = cli_conninfo ();
  {
    const char *args[] = { "demo", "--db", jd_test_demo.path, "--seed", "11", "--cases", "4000", NULL };

    run_cli (args);
  }

  server.ready = TRUE;
  return TRUE;
}

static void
teardown_server (void)
{
  g_autofree char *line = NULL;
  g_autofree char *sql = NULL;

  if (!server.ready)
    return;

  line = hba_line ();
  rewrite_hba (line, FALSE);
  g_clear_pointer (&server.admin, jd_test_pg_database_free);
  sql = g_strdup_printf ("DROP ROLE IF EXISTS %s", server.role);
  jd_test_pg_admin_exec (sql);
  jd_test_remove_dir (server.dir);
  g_clear_pointer (&jd_test_demo.path, g_free);
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static const char *
visible_page (JdWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (window, JD_TYPE_WINDOW, "stack")));
}

static gboolean
window_busy (gpointer window)
{
  return jd_window_get_loading (window) ||
         gtk_stack_get_transition_running (GTK_STACK (child (window, JD_TYPE_WINDOW, "stack")));
}

/* The Connect dialog of @window, opened by its action */
static JdServerDialog *
open_dialog (JdWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.connect", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (JD_IS_SERVER_DIALOG (toplevel) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return JD_SERVER_DIALOG (toplevel);
    }

  g_assert_not_reached ();
}

static void
set_field (JdServerDialog *dialog,
           const char     *name,
           const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, JD_TYPE_SERVER_DIALOG, name)), text);
}

/* Fills the dialog as the user would and presses Connect. */
static void
fill_and_connect (JdServerDialog *dialog,
                  const char     *dbname,
                  const char     *user,
                  const char     *password,
                  gboolean        remember)
{
  set_field (dialog, "server_row", server.host);
  set_field (dialog, "port_row", server.port != NULL ? server.port : "5432");
  set_field (dialog, "database_row", dbname);
  set_field (dialog, "user_row", user);
  set_field (dialog, "password_row", password);
  gtk_switch_set_active (GTK_SWITCH (child (dialog, JD_TYPE_SERVER_DIALOG, "remember_switch")), remember);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "server.connect", NULL));
}

static gboolean
dialog_connecting (gpointer dialog)
{
  return jd_server_dialog_get_connecting (dialog);
}

static gboolean
dialog_open (gpointer pointer)
{
  return *(gpointer *)pointer != NULL;
}

/* Connects through the dialog and waits for the window's overview. */
static void
connect_window (JdWindow   *window,
                const char *password,
                gboolean    remember)
{
  JdServerDialog *dialog = open_dialog (window);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  fill_and_connect (dialog, server.dbname, server.role, password, remember);
  g_assert_true (dialog == NULL || jd_server_dialog_get_connecting (dialog));
  jd_test_wait_while (dialog_open, &dialog);
  jd_test_wait_while (window_busy, window);
  jd_test_wait_for_page (jd_window_get_page (window, "overview"));
}

/* Whether a label somewhere in @widget says @text (a toast, for one). */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;

  return FALSE;
}

static gboolean
no_keyring_toast (gpointer window)
{
  return !shows_text (window, "No keyring is available");
}

/* The six cards of the overview say what the command line says of the
 * same server, for the period on show, in the same words (jd_format_*). */
static void
assert_cards_match_cli (JdWindow *window)
{
  JdOverviewPage *page = JD_OVERVIEW_PAGE (jd_window_get_page (window, "overview"));
  g_autofree char *period_text = NULL;
  g_autoptr(JsonNode) root = NULL;
  JdPeriod period;

  g_assert_true (jd_window_get_period (window, &period));
  period_text = jd_period_to_string (&period);
  root = jd_test_cli_metrics (period_text, NULL);
  g_test_message ("comparing the cards with jiandu-cli for %s", period_text);

  jd_test_assert_cards_shown ((JdTestCardFunc)jd_overview_page_get_card, page, root);
  /* Figures, not a blank page: the demo city decides cases every month. */
  g_assert_cmpint (json_object_get_int_member (jd_test_json_section (root, "cases"), "decided"), >, 0);
}

/* Nothing the app keeps holds the password. */
static void
assert_no_password_kept (JdWindow *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-database");
  g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-servers");
  const char *subtitle = adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child (window, JD_TYPE_WINDOW, "window_title")));

  g_assert_nonnull (strstr (last, server.dbname));
  g_assert_null (strstr (last, server.password));
  g_assert_nonnull (recent[0]);
  for (guint i = 0; recent[i] != NULL; i++)
    g_assert_null (strstr (recent[i], server.password));
  g_assert_null (strstr (subtitle, server.password));
}

/* A wrong password, an unknown user, a database that is not there, an
 * empty field: each said in the dialog, in its words; nothing opens. */
static void
test_refused (void)
{
  JdWindow *window;
  JdServerDialog *dialog;
  g_autofree char *no_database = NULL;
  g_autofree char *stranger = NULL;

  if (!setup_server ())
    return;

  window = g_object_new (JD_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  dialog = open_dialog (window);

  fill_and_connect (dialog, server.dbname, server.role, "not the password", FALSE);
  jd_test_wait_while (dialog_connecting, dialog);
  g_assert_cmpstr (jd_server_dialog_get_error (dialog), ==, "The server refused the user name or password.");
  g_assert_null (jd_window_get_store (window));

  stranger = g_strdup_printf ("%s_nobody", server.role);
  fill_and_connect (dialog, server.dbname, stranger, server.password, FALSE);
  jd_test_wait_while (dialog_connecting, dialog);
  g_assert_cmpstr (jd_server_dialog_get_error (dialog), ==, "The server refused the user name or password.");

  fill_and_connect (dialog, server.dbname, server.role, "", FALSE);
  jd_test_wait_while (dialog_connecting, dialog);
  g_assert_nonnull (strstr (jd_server_dialog_get_error (dialog), "asks for the password"));

  no_database = g_strdup_printf ("%s_missing", server.dbname);
  fill_and_connect (dialog, no_database, server.role, server.password, FALSE);
  jd_test_wait_while (dialog_connecting, dialog);
  g_assert_nonnull (strstr (jd_server_dialog_get_error (dialog), "has no database"));
  g_assert_nonnull (strstr (jd_server_dialog_get_error (dialog), no_database));

  fill_and_connect (dialog, "", server.role, server.password, FALSE);
  g_assert_false (jd_server_dialog_get_connecting (dialog));
  g_assert_nonnull (strstr (jd_server_dialog_get_error (dialog), "name of the database"));

  /* Still open, nothing opened; Cancel closes it. */
  g_assert_null (jd_window_get_store (window));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "server.cancel", NULL));
  jd_test_wait_while (dialog_open, &dialog);
  g_assert_null (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Connected through the dialog, the overview shows the server's figures,
 * as the command line reads them, for two periods and after a reload. */
static void
test_connect (void)
{
  g_autofree char *expected_title = NULL;
  JdWindow *window;
  JdPeriod period;

  if (!setup_server ())
    return;

  window = g_object_new (JD_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  connect_window (window, server.password, TRUE);

  g_assert_cmpstr (visible_page (window), ==, "dashboard");
  assert_cards_match_cli (window);
  assert_no_password_kept (window);
  expected_title = g_strdup_printf ("%s on %s", server.dbname, server.host);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child (window, JD_TYPE_WINDOW, "window_title"))),
                   ==, expected_title);

  /* No demo city poured into a shared store. */
  g_assert_false (gtk_widget_get_visible (child (window, JD_TYPE_WINDOW, "fill_demo_button")));

  /* A period back, the same agreement. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-period", NULL));
  jd_test_wait_while (window_busy, window);
  jd_test_wait_for_page (jd_window_get_page (window, "overview"));
  assert_cards_match_cli (window);

  /* Reload connects again with the password the window kept. */
  g_assert_true (jd_window_get_period (window, &period));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  jd_test_wait_while (window_busy, window);
  jd_test_wait_for_page (jd_window_get_page (window, "overview"));
  g_assert_cmpstr (visible_page (window), ==, "dashboard");
  {
    JdPeriod kept;

    g_assert_true (jd_window_get_period (window, &kept));
    g_assert_true (jd_period_equal (&kept, &period));
  }
  assert_cards_match_cli (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Starts gnome-keyring-daemon on the test's own session bus, with a
 * login keyring of its own under the test's folder.  FALSE: not installed. */
static gboolean
start_keyring (void)
{
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *home = g_build_filename (server.dir, "home", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *runtime = g_build_filename (server.dir, "run", NULL);
  const char *argv[] = { daemon, "--unlock", "--components=secrets", "--daemonize", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  GPid pid;
  int in_fd;
  int status;

  if (daemon == NULL)
    return FALSE;

  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  envp = g_environ_setenv (envp, "HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", runtime, TRUE);

  /* --unlock reads the new keyring's password on its input; --daemonize
   * returns once the daemon is on the bus.  It leaves with the bus. */
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, envp, G_SPAWN_DO_NOT_REAP_CHILD |
                                           G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                           NULL, NULL, &pid, &in_fd, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (write (in_fd, "test", 4), ==, 4);
  close (in_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return g_spawn_check_wait_status (status, NULL);
}

/* The keyring's password for the test's server, by the dialog's
 * attributes (schema io.github.jiandu.Server). */
static char *
keyring_password (void)
{
  const SecretSchema schema = {
    "io.github.jiandu.Server", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };
  g_autoptr(GError) error = NULL;
  char *password;

  password = secret_password_lookup_sync (&schema, NULL, &error,
                                          "server", server.host,
                                          "port", server.port != NULL ? server.port : "5432",
                                          "database", server.dbname,
                                          "user", server.role,
                                          NULL);
  g_assert_no_error (error);
  return password;
}

static gboolean
keyring_has_password (gpointer unused)
{
  g_autofree char *password = keyring_password ();

  return password != NULL;
}

static gboolean
password_empty (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row))[0] == '\0';
}

/* The server as the settings keep it: without the password. */
static char *
server_location (void)
{
  g_autoptr(JdServer) kept = jd_server_new (server.host, server.port, server.dbname, server.role);

  return g_strdup (kept->conninfo);
}

/* Without a keyring the user is told the password is not remembered,
 * and still connects; with one, the password is kept there, and a window
 * that opens the server by its location alone connects with it. */
static void
test_keyring (void)
{
  g_autofree char *location = NULL;
  g_autofree char *kept = NULL;
  JdServerDialog *dialog;
  GtkWidget *password_row;
  JdWindow *window;

  if (!setup_server ())
    return;

  location = server_location ();

  window = g_object_new (JD_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  connect_window (window, server.password, TRUE);
  g_assert_cmpstr (visible_page (window), ==, "dashboard");
  jd_test_wait_while (no_keyring_toast, window);
  g_assert_true (shows_text (GTK_WIDGET (window), "No keyring is available"));
  gtk_window_destroy (GTK_WINDOW (window));

  if (!start_keyring ())
    {
      g_test_skip ("gnome-keyring-daemon is not installed");
      return;
    }

  window = g_object_new (JD_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  connect_window (window, server.password, TRUE);
  g_assert_cmpstr (visible_page (window), ==, "dashboard");
  g_assert_false (shows_text (GTK_WIDGET (window), "No keyring is available"));
  gtk_window_destroy (GTK_WINDOW (window));

  kept = keyring_password ();
  g_assert_cmpstr (kept, ==, server.password);

  /* `jiandu --db LOCATION`: the password from the keyring, or no way in. */
  window = g_object_new (JD_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_open_location (window, location);
  jd_test_wait_while (window_busy, window);
  jd_test_wait_for_page (jd_window_get_page (window, "overview"));
  g_assert_cmpstr (visible_page (window), ==, "dashboard");
  assert_cards_match_cli (window);
  assert_no_password_kept (window);

  /* The dialog offers the window's server, the password filled in from
   * the keyring. */
  dialog = open_dialog (window);
  password_row = child (dialog, JD_TYPE_SERVER_DIALOG, "password_row");
  jd_test_wait_while (password_empty, password_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password_row)), ==, server.password);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, JD_TYPE_SERVER_DIALOG, "database_row"))),
                   ==, server.dbname);

  /* Connected with Remember Password off, the keyring forgets it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  fill_and_connect (dialog, server.dbname, server.role, server.password, FALSE);
  jd_test_wait_while (dialog_open, &dialog);
  jd_test_wait_while (window_busy, window);
  jd_test_wait_while (keyring_has_password, NULL);
  g_assert_cmpstr (visible_page (window), ==, "dashboard");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
not_mapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

/* Spins the main loop for @ms milliseconds: a revealer's slide, a
 * window's first frames. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, jd_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* @widget lies inside @dialog's width. */
static void
assert_inside (GtkWidget      *widget,
               JdServerDialog *dialog)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (dialog), &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (dialog)));
}

/* The dialog fits a 360 px wide window (a phone, a tiled half screen):
 * nothing in it asks for more, a long error included. */
static void
test_narrow (void)
{
  const char * const rows[] = { "server_row", "port_row", "database_row", "user_row",
                                "password_row", "remember_switch", "connect_button" };
  JdWindow *window = g_object_new (JD_TYPE_WINDOW, NULL);
  JdServerDialog *dialog;
  GtkWidget *title;
  int minimum;

  gtk_window_present (GTK_WINDOW (window));
  dialog = open_dialog (window);
  jd_server_dialog_show_error (dialog, "No server answers for “a_database_with_a_rather_long_name on db-primary.supervision.province.example.gov.cn:6432”. Check the server’s name or address and the port, and that this computer can reach it.");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  jd_test_wait_while (not_mapped, dialog);
  wait_ms (500);

  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  /* Without a window manager, a frame of client-side decoration is
   * taken from the default size. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), >, 320);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    assert_inside (child (dialog, JD_TYPE_SERVER_DIALOG, rows[i]), dialog);
  assert_inside (child (dialog, JD_TYPE_SERVER_DIALOG, "error_label"), dialog);

  /* The title is whole, or not there: never "Connect to Ser…". */
  title = child (dialog, JD_TYPE_SERVER_DIALOG, "title");
  if (gtk_widget_get_visible (title))
    {
      int natural;

      gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (title), >=, natural);
    }
  else
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Connect to Server");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/server/narrow", test_narrow);
  g_test_add_func ("/ui/server/refused", test_refused);
  g_test_add_func ("/ui/server/connect", test_connect);
  g_test_add_func ("/ui/server/keyring", test_keyring);

  status = g_test_run ();
  teardown_server ();
  return status;
}

/* jd-server-dialog.c — “Connect to Server”: a server, a user, a password
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form for a shared store on a PostgreSQL server.  Connect opens the
 * store on a worker thread while a spinner turns; Cancel stops waiting for
 * it.  What goes wrong is said in the dialog, above the fields, and the
 * user corrects it there.  On success the dialog emits ::connected with
 * the open store, and the window takes it over (jd-window-server.c),
 * keeping the password in the keyring if the user wants it remembered.
 */

#define G_LOG_DOMAIN "jd-server-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-server-dialog.h"

struct _JdServerDialog
{
  AdwWindow     parent_instance;

  GSettings    *settings;
  GTask        *task;                 /* the connection under way, or NULL */
  GCancellable *cancellable;
  GCancellable *lookup_cancellable;   /* a password asked of the keyring */
  JdServer     *server;               /* once connected */
  char         *password;

  /* Template widgets */
  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  AdwEntryRow  *server_row;
  AdwEntryRow  *port_row;
  AdwEntryRow  *database_row;
  AdwEntryRow  *user_row;
  AdwEntryRow  *password_row;
  GtkSwitch    *remember_switch;
  GtkWidget    *recent_group;
  GtkListBox   *recent_list;
  GtkSpinner   *spinner;
  GtkWidget    *title;
  GtkWidget    *cancel_button;
  GtkWidget    *connect_button;
};

G_DEFINE_FINAL_TYPE (JdServerDialog, jd_server_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONNECTING,
  N_PROPS
};

enum {
  CONNECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the worker that connects owns: the dialog may be gone before the
 * server answers. */
typedef struct
{
  JdServer        *server;
  char            *password;
  JdServerProblem  problem;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  jd_server_free (data->server);
  jd_server_password_free (data->password);
  g_free (data);
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The fields a connection needs, trimmed; NULL for an empty one. */
static char *
field (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (row_text (row)));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
set_connecting (JdServerDialog *self,
                gboolean        connecting)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->server_row), GTK_WIDGET (self->port_row),
                        GTK_WIDGET (self->database_row), GTK_WIDGET (self->user_row),
                        GTK_WIDGET (self->password_row), GTK_WIDGET (self->remember_switch),
                        self->recent_group };

  /* The field with the cursor is about to be insensitive: Cancel takes
   * the focus (GTK 4.8's text blinks on in a field that lost it). */
  if (connecting)
    gtk_widget_grab_focus (self->cancel_button);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_sensitive (rows[i], !connecting);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), connecting);
  gtk_spinner_set_spinning (self->spinner, connecting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "server.connect", !connecting);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTING]);
}

static void
hide_error (JdServerDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_label_set_text (self->error_label, "");
}

/* A field the user must fill or correct: said, and the cursor put there. */
static void
refuse_field (JdServerDialog *self,
              AdwEntryRow    *row,
              const char     *message)
{
  jd_server_dialog_show_error (self, message);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* The field to correct for what the server said */
static AdwEntryRow *
field_of_problem (JdServerDialog  *self,
                  JdServerProblem  problem)
{
  switch (problem)
    {
    case JD_SERVER_PROBLEM_ADDRESS:
      return self->server_row;
    case JD_SERVER_PROBLEM_DATABASE:
      return self->database_row;
    case JD_SERVER_PROBLEM_LOGIN:
      return self->password_row;
    case JD_SERVER_PROBLEM_NONE:
    case JD_SERVER_PROBLEM_BUSY:
    default:
      return NULL;
    }
}

static gboolean
port_is_valid (const char *port)
{
  guint64 number = 0;

  return port == NULL ||
         (g_ascii_string_to_unsigned (port, 10, 1, 65535, &number, NULL) && number > 0);
}

static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ConnectData *data = task_data;
  GError *error = NULL;
  JdStore *store;

  store = jd_server_open_store (data->server, data->password, &data->problem, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
connect_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JdServerDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;
  ConnectData *data = g_task_get_task_data (G_TASK (result));

  store = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled, or an older attempt: the dialog has moved on. */
  if ((gpointer)result != (gpointer)self->task)
    return;
  g_clear_object (&self->task);
  set_connecting (self, FALSE);

  if (store == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        refuse_field (self, field_of_problem (self, data->problem), error->message);
      return;
    }

  jd_server_free (self->server);
  self->server = g_steal_pointer (&data->server);
  jd_server_password_free (self->password);
  self->password = g_steal_pointer (&data->password);

  g_signal_emit (self, signals[CONNECTED], 0, store);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JdServerDialog *self = JD_SERVER_DIALOG (widget);
  g_autofree char *host = field (self->server_row);
  g_autofree char *port = field (self->port_row);
  g_autofree char *dbname = field (self->database_row);
  g_autofree char *user = field (self->user_row);
  const char *password = row_text (self->password_row);
  ConnectData *data;

  if (self->task != NULL)
    return;

  if (host == NULL)
    {
      refuse_field (self, self->server_row,
                    _("Enter the server’s name or address, or the folder of its socket on this computer."));
      return;
    }
  if (!port_is_valid (port))
    {
      refuse_field (self, self->port_row, _("The port is a number from 1 to 65535; most servers use 5432."));
      return;
    }
  if (dbname == NULL)
    {
      refuse_field (self, self->database_row, _("Enter the name of the database on the server."));
      return;
    }

  hide_error (self);
  g_cancellable_cancel (self->lookup_cancellable);

  data = g_new0 (ConnectData, 1);
  data->server = jd_server_new (host, port, dbname, user);
  data->password = password[0] != '\0' ? g_strdup (password) : NULL;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->task = g_task_new (NULL, self->cancellable, connect_done_cb, g_object_ref (self));
  g_task_set_task_data (self->task, data, (GDestroyNotify)connect_data_free);
  /* libpq cannot be interrupted while it connects: Cancel stops waiting,
   * and the worker's store is dropped when it is done. */
  g_task_set_return_on_cancel (self->task, TRUE);
  g_task_run_in_thread (self->task, connect_thread);

  set_connecting (self, TRUE);
}

/* Cancel (or Escape): stops waiting for the server, or closes the dialog. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JdServerDialog *self = JD_SERVER_DIALOG (widget);

  if (self->task == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->task);
  set_connecting (self, FALSE);
}

static void
on_password_found_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(JdServerDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = jd_server_lookup_password_finish (result, &error);

  /* No keyring, or nothing in it: the user types the password. */
  if (password != NULL && !g_cancellable_is_cancelled (self->lookup_cancellable) &&
      row_text (self->password_row)[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  jd_server_password_free (password);
}

static void
on_recent_activated_cb (JdServerDialog *self,
                        GtkListBoxRow  *row,
                        GtkListBox     *list)
{
  const char *conninfo = g_object_get_data (G_OBJECT (row), "conninfo");
  g_autoptr(JdServer) server = jd_server_parse (conninfo, NULL, NULL);

  if (server != NULL)
    jd_server_dialog_set_server (self, server);
}

/* The servers connected to before, most recent first, from the settings
 * (which never hold a password). */
static void
fill_recent (JdServerDialog *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-servers");

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(JdServer) server = jd_server_parse (recent[i], NULL, NULL);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (server == NULL)
        continue;

      title = jd_server_describe (server);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (server->user != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), server->user);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "conninfo", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
      gtk_widget_set_visible (self->recent_group, TRUE);
    }
}

/* At 360 px, Cancel and Connect leave the title too little room in some
 * languages ("Connect to Ser…"): then the header bar has none, as the
 * window manager still names the window. */
static void
on_default_width_cb (JdServerDialog *self,
                     GParamSpec     *pspec,
                     gpointer        user_data)
{
  GtkWidget *sides[] = { self->title, self->cancel_button, self->connect_button };
  /* The header bar's padding and spacing, and a frame the window may draw */
  int width, height, needed = 4 * 6 + 12;

  /* GTK 4.8 wants both. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_widget_set_visible (self->title, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      int natural;

      gtk_widget_measure (sides[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      needed += natural;
    }
  gtk_widget_set_visible (self->title, width <= 0 || needed <= width);
}

static void
jd_server_dialog_dispose (GObject *object)
{
  JdServerDialog *self = (JdServerDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->task);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_SERVER_DIALOG);

  G_OBJECT_CLASS (jd_server_dialog_parent_class)->dispose (object);
}

static void
jd_server_dialog_finalize (GObject *object)
{
  JdServerDialog *self = (JdServerDialog *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_clear_pointer (&self->server, jd_server_free);
  g_clear_pointer (&self->password, jd_server_password_free);

  G_OBJECT_CLASS (jd_server_dialog_parent_class)->finalize (object);
}

static void
jd_server_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JdServerDialog *self = JD_SERVER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONNECTING:
      g_value_set_boolean (value, jd_server_dialog_get_connecting (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_server_dialog_class_init (JdServerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_server_dialog_dispose;
  object_class->finalize = jd_server_dialog_finalize;
  object_class->get_property = jd_server_dialog_get_property;

  /**
   * JdServerDialog:connecting:
   *
   * Whether the dialog waits for the server.
   */
  properties[PROP_CONNECTING] =
    g_param_spec_boolean ("connecting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JdServerDialog::connected:
   * @store: the store on the server, open
   *
   * Emitted once the server has answered and the store is open, just
   * before the dialog closes.
   */
  signals[CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, JD_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-server-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, recent_group);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, recent_list);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, title);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JdServerDialog, connect_button);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated_cb);

  gtk_widget_class_install_action (widget_class, "server.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "server.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "server.cancel", NULL);
}

static void
jd_server_dialog_init (JdServerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  fill_recent (self);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_default_width_cb), NULL);
}

JdServerDialog *
jd_server_dialog_new (GtkWindow *parent)
{
  return g_object_new (JD_TYPE_SERVER_DIALOG, "transient-for", parent, NULL);
}

/**
 * jd_server_dialog_set_server:
 *
 * Fills the fields with @server's, and the password with the keyring's
 * when it has one for @server.
 */
void
jd_server_dialog_set_server (JdServerDialog *self,
                             const JdServer *server)
{
  g_return_if_fail (JD_IS_SERVER_DIALOG (self));
  g_return_if_fail (server != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server->host != NULL ? server->host : "");
  gtk_editable_set_text (GTK_EDITABLE (self->port_row),
                         server->port != NULL ? server->port : JD_SERVER_DEFAULT_PORT);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), server->dbname != NULL ? server->dbname : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), server->user != NULL ? server->user : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  hide_error (self);

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  self->lookup_cancellable = g_cancellable_new ();
  jd_server_lookup_password (server, self->lookup_cancellable, on_password_found_cb, g_object_ref (self));
}

/**
 * jd_server_dialog_show_error:
 * @message: what went wrong, in words for the user
 */
void
jd_server_dialog_show_error (JdServerDialog *self,
                             const char     *message)
{
  g_return_if_fail (JD_IS_SERVER_DIALOG (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/**
 * jd_server_dialog_get_error:
 *
 * Returns: (nullable): the error on show, or %NULL
 */
const char *
jd_server_dialog_get_error (JdServerDialog *self)
{
  g_return_val_if_fail (JD_IS_SERVER_DIALOG (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

gboolean
jd_server_dialog_get_connecting (JdServerDialog *self)
{
  g_return_val_if_fail (JD_IS_SERVER_DIALOG (self), FALSE);

  return self->task != NULL;
}

/**
 * jd_server_dialog_get_server:
 *
 * Returns: (nullable): the server connected to, in ::connected
 */
const JdServer *
jd_server_dialog_get_server (JdServerDialog *self)
{
  g_return_val_if_fail (JD_IS_SERVER_DIALOG (self), NULL);

  return self->server;
}

/**
 * jd_server_dialog_get_password:
 *
 * Returns: (nullable): the password the server took, in ::connected
 */
const char *
jd_server_dialog_get_password (JdServerDialog *self)
{
  g_return_val_if_fail (JD_IS_SERVER_DIALOG (self), NULL);

  return self->password;
}

gboolean
jd_server_dialog_get_remember (JdServerDialog *self)
{
  g_return_val_if_fail (JD_IS_SERVER_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->remember_switch);
}

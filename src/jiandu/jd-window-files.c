/* jd-window-files.c — files into the window: opening, creating, importing, dropping
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's ways in for a file: the Open and New Database dialogs,
 * the demo city, the Import window, and a file dropped on the window (a
 * table is imported, a database opened).  Opening itself is
 * _jd_window_open_location()'s, in jd-window-open.c.
 */

#define G_LOG_DOMAIN "jd-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "jd-application.h"
#include "jd-import-window.h"
#include "jd-window.h"
#include "jd-window-private.h"

/* After an import or an undo, the dashboard shows the new figures. */
static void
on_imported_cb (JdImportWindow *import_window,
                JdWindow       *self)
{
  if (jd_session_get_store (jd_window_get_session (self)) != NULL)
    _jd_window_reopen (self, FALSE);
}

static JdImportWindow *
show_import_window (JdWindow *self)
{
  JdStore *store = jd_session_get_store (jd_window_get_session (self));
  JdImportWindow *import_window;

  if (store == NULL)
    {
      _jd_window_show_toast (self, _("Open a database first, then import into it"));
      return NULL;
    }

  import_window = jd_import_window_new (GTK_WINDOW (self), store);
  g_signal_connect_object (import_window, "imported", G_CALLBACK (on_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (import_window));

  return import_window;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  show_import_window (JD_WINDOW (widget));
}

static gboolean
is_import_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".xlsx") ||
                           g_str_has_suffix (lower, ".xls") || g_str_has_suffix (lower, ".txt"));
}

/* Whether @file starts as an SQLite database does: the 16 bytes of its
 * header, read on the spot.  Anything else dropped on the window is
 * neither to import nor to open, and must not cost the user the
 * dashboard they are looking at. */
static gboolean
is_database_file (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char header[16];
  gsize n = 0;

  return stream != NULL &&
         g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n, NULL, NULL) &&
         n == sizeof header && memcmp (header, "SQLite format 3", sizeof header) == 0;
}

static gboolean
on_drop_cb (JdWindow      *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  /* A spreadsheet or CSV export is imported; a database is opened. */
  if (is_import_file (files->data))
    {
      JdImportWindow *import_window = show_import_window (self);

      if (import_window != NULL)
        jd_import_window_open_file (import_window, files->data);
      return TRUE;
    }

  if (!is_database_file (files->data))
    {
      g_autofree char *name = g_file_get_basename (files->data);
      g_autofree char *display = g_filename_display_name (name);
      g_autofree char *message = g_strdup_printf (_("“%s” is neither a table to import (CSV, XLSX, XLS) nor a database"),
                                                  display);

      _jd_window_show_toast (self, message);
      return FALSE;
    }

  jd_window_open_file (self, files->data);
  return TRUE;
}

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Jiandu databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.jiandu");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");

  return filter;
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(JdWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      jd_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = database_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_new_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(JdWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      /* A new database never replaces a file that is already there, even
       * if the file chooser asked about overwriting it. */
      if (path == NULL)
        _jd_window_show_toast (self, _("Databases can only be created on this computer’s disks"));
      else if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_autofree char *message = g_strdup_printf (_("“%s” already exists; choose another name"), name);

          _jd_window_show_toast (self, message);
        }
      else
        jd_window_open_path (self, path, FALSE);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = database_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("New Empty Database"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* Translators: the file name offered for a new database */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("supervision.db"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autofree char *path = jd_application_get_demo_path ();

  jd_window_open_path (JD_WINDOW (widget), path, TRUE);
}

static void
fill_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  /* Disabled on a server's store (jd-window-open.c). */
  if (jd_session_get_store (jd_window_get_session (self)) != NULL)
    _jd_window_reopen (self, TRUE);
}

void
_jd_window_class_add_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.fill-demo", NULL, fill_demo_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
}

/* Dropping a table on the window imports it; a database, opens it. */
void
_jd_window_add_drop_target (JdWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* jd-save-dialog.c — asks where to save an export, then saves it there
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts and tables export the same way: a save dialog with a suggested
 * name, then the widget's own save function, and a message when that
 * fails.  GtkFileDialog where GTK has it (4.10), the native chooser else.
 */

#define G_LOG_DOMAIN "jd-save-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "jd-save-dialog.h"

typedef struct
{
  GtkWidget  *widget;
  char       *failure_heading;
  JdSaveFunc  save;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->widget);
  g_free (data->failure_heading);
  g_free (data);
}

static void
save_to (SaveData *data,
         GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (!data->save (data->widget, file, &error))
    {
      GtkRoot *root = gtk_widget_get_root (data->widget);
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       data->failure_heading, error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    save_to (data, file);
  save_data_free (data);
}
#else
static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  SaveData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        save_to (data, file);
    }
  save_data_free (data);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}
#endif

/**
 * jd_save_dialog_run:
 * @widget: what is exported; kept alive until the dialog is answered
 * @failure_heading: the message's heading when @save fails
 * @save: writes @widget's export to the file chosen
 *
 * Asks where to save, offering @suggested_name, and saves there.
 */
void
jd_save_dialog_run (GtkWidget  *widget,
                    const char *title,
                    const char *suggested_name,
                    const char *failure_heading,
                    JdSaveFunc  save)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  SaveData *data = g_new0 (SaveData, 1);

  data->widget = g_object_ref (widget);
  data->failure_heading = g_strdup (failure_heading);
  data->save = save;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_initial_name (dialog, suggested_name);
    gtk_file_dialog_save (dialog, parent, NULL, on_save_done_cb, data);
  }
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Export"), _("_Cancel"));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), data);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

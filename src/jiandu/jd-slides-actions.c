/* jd-slides-actions.c — the slides view's actions: what its rows, buttons and keys ask
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "slides." actions of JdSlidesView: each asks what it needs (a
 * dialog of jd-slides-dialogs.c) and changes the deck through the view's
 * public functions, which save it and draw it again.
 */

#define G_LOG_DOMAIN "jd-slides-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "jd-cockpit-tables.h"
#include "jd-presentation-window.h"
#include "jd-save-dialog.h"
#include "jd-slide-row.h"
#include "jd-slides-actions.h"
#include "jd-slides-dialogs.h"
#include "jd-slides-view.h"

/* slides.show((index, shown)): a row's switch */
static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  guint index;
  gboolean shown;

  g_variant_get (parameter, "(ub)", &index, &shown);
  jd_slides_view_set_shown (JD_SLIDES_VIEW (widget), index, shown);
}

/* slides.move((index, direction)): a row's arrows */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  guint index;
  int direction;

  g_variant_get (parameter, "(ui)", &index, &direction);
  jd_slides_view_move (JD_SLIDES_VIEW (widget), index, direction);
}

/* Alt+↑ and Alt+↓: the slide whose row has the focus. */
static void
move_focused_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, JD_TYPE_SLIDE_ROW) : NULL;

  if (row != NULL && gtk_widget_is_ancestor (row, widget))
    jd_slides_view_move (JD_SLIDES_VIEW (widget), jd_slide_row_get_index (JD_SLIDE_ROW (row)),
                         g_variant_get_int32 (parameter));
}

static void
on_text_edited_cb (GtkWidget  *widget,
                   int         index,
                   const char *title,
                   const char *body)
{
  JdSlidesView *self = JD_SLIDES_VIEW (widget);

  if (jd_slides_view_get_deck (self) == NULL)
    return;

  if (index < 0)
    jd_slides_view_add_text_slide (self, title, body);
  else
    jd_slides_view_set_text (self, index, title, body);
}

/* slides.edit(index): a text slide's row, or its edit button */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const JdDeck *deck = jd_slides_view_get_deck (JD_SLIDES_VIEW (widget));
  guint index = g_variant_get_uint32 (parameter);
  const JdSlide *slide;

  if (deck == NULL || index >= jd_deck_get_n_slides (deck))
    return;

  slide = jd_deck_get_slide (deck, index);
  if (slide->kind == JD_SLIDE_TEXT)
    jd_slides_edit_text (widget, index, slide->title, slide->body, on_text_edited_cb);
}

static void
add_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  jd_slides_edit_text (widget, -1, NULL, NULL, on_text_edited_cb);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  jd_slides_view_remove (JD_SLIDES_VIEW (widget), g_variant_get_uint32 (parameter));
}

/* The removal toast's Undo */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  jd_slides_view_undo (JD_SLIDES_VIEW (widget));
}

static void
on_agency_chosen_cb (GtkWidget  *widget,
                     const char *code)
{
  if (jd_slides_view_get_deck (JD_SLIDES_VIEW (widget)) != NULL)
    jd_slides_view_add_agency_slide (JD_SLIDES_VIEW (widget), code);
}

/* Enabled once the session has the agencies' names (the view reads them
 * with the deck when no one has). */
static void
add_agency_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JdSession *session = jd_slides_view_get_session (JD_SLIDES_VIEW (widget));
  const JdFilterChoices *choices = session != NULL ? jd_session_get_filter_choices (session) : NULL;

  if (choices != NULL && choices->agencies->len > 0)
    jd_slides_choose_agency (widget, choices->agencies, on_agency_chosen_cb);
}

static void
on_reset_confirmed_cb (GtkWidget *widget)
{
  if (jd_slides_view_get_deck (JD_SLIDES_VIEW (widget)) != NULL)
    jd_slides_view_reset (JD_SLIDES_VIEW (widget));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autofree char *text = NULL;
  JdPeriod period;

  if (!jd_slides_view_get_period (JD_SLIDES_VIEW (widget), &period))
    return;

  text = jd_period_format (&period);
  jd_slides_confirm_reset (widget, text, on_reset_confirmed_cb);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  jd_slides_view_reload (JD_SLIDES_VIEW (widget));
}

static gboolean
save_pdf (GtkWidget  *widget,
          GFile      *file,
          GError    **error)
{
  jd_slides_view_export_to (JD_SLIDES_VIEW (widget), file);
  return TRUE;
}

/* "Export PDF…": a save dialog, then a worker writes the deck on show. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autofree char *name = NULL;
  JdPeriod period;

  if (jd_slides_view_get_doc (JD_SLIDES_VIEW (widget)) == NULL ||
      !jd_slides_view_get_period (JD_SLIDES_VIEW (widget), &period))
    return;

  /* Translators: the file name offered for the slides, before
   * "-2026-10.pdf"; zh_CN: "联席会议" */
  name = jd_table_file_name (_("Joint Meeting"), &period, "pdf");
  jd_save_dialog_run (widget, _("Export the Slides as PDF"), name, _("Could Not Export the Slides"), save_pdf);
}

/* "Present" and F5: the deck as shaped and drawn, full screen; on the
 * projector when the window is on the laptop's screen. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JdDoc *doc = jd_slides_view_get_doc (JD_SLIDES_VIEW (widget));
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  JdPresentationWindow *window;
  guint n_monitors;
  int own;

  if (doc == NULL || !GTK_IS_WINDOW (root))
    return;

  own = jd_presentation_window_monitor_of (GTK_WINDOW (root));
  n_monitors = g_list_model_get_n_items (gdk_display_get_monitors (gtk_widget_get_display (widget)));
  window = jd_presentation_window_new (GTK_WINDOW (root), doc, n_monitors > 1 && own == 0 ? 1 : 0, &error);
  if (window == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Could Not Present the Slides"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  gtk_window_present (GTK_WINDOW (window));
}

void
jd_slides_actions_install (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "slides.show", "(ub)", show_action);
  gtk_widget_class_install_action (widget_class, "slides.move", "(ui)", move_action);
  gtk_widget_class_install_action (widget_class, "slides.move-focused", "i", move_focused_action);
  gtk_widget_class_install_action (widget_class, "slides.edit", "u", edit_action);
  gtk_widget_class_install_action (widget_class, "slides.remove", "u", remove_action);
  gtk_widget_class_install_action (widget_class, "slides.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "slides.add-text", NULL, add_text_action);
  gtk_widget_class_install_action (widget_class, "slides.add-agency", NULL, add_agency_action);
  gtk_widget_class_install_action (widget_class, "slides.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "slides.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "slides.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "slides.present", NULL, present_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "slides.move-focused", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "slides.move-focused", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "slides.present", NULL);
}

/* jd-slides-dialogs.c — what the slides view asks: a text slide's words, an agency, a reset
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each is an AdwMessageDialog over the view's window, answering through a
 * callback with the view; the view applies the answer to its deck.
 */

#define G_LOG_DOMAIN "jd-slides-dialogs"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "jd-cockpit.h"
#include "jd-slides-dialogs.h"

typedef struct
{
  GtkWidget   *widget;   /* the view, kept until the dialog is answered */
  int          index;
  GtkEditable *title;
  GtkTextView *body;
  GtkDropDown *agency;
  GPtrArray   *codes;    /* the agencies' codes, in the drop-down's order */
  GCallback    done;
} Asked;

static void
asked_free (Asked *asked)
{
  g_clear_object (&asked->widget);
  g_clear_pointer (&asked->codes, g_ptr_array_unref);
  g_free (asked);
}

static GtkWidget *
dialog_new (GtkWidget  *widget,
            const char *heading,
            const char *body,
            const char *confirm_id,
            const char *confirm_label)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    confirm_id, confirm_label,
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), confirm_id);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return dialog;
}

static void
on_text_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Asked            *asked)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (asked->body);
  GtkTextIter start, end;
  g_autofree char *body = NULL;

  if (g_strcmp0 (response, "save") == 0)
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      ((JdSlidesTextFunc)asked->done) (asked->widget, asked->index, gtk_editable_get_text (asked->title), body);
    }
}

/**
 * jd_slides_edit_text:
 * @index: the text slide's place in the deck; -1 for a new slide
 * @done: called with @widget and the words when the user saves them
 *
 * Asks for a text slide's title and body.
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWindow *
jd_slides_edit_text (GtkWidget        *widget,
                     int               index,
                     const char       *title,
                     const char       *body,
                     JdSlidesTextFunc  done)
{
  Asked *asked = g_new0 (Asked, 1);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *text = gtk_text_view_new ();

  dialog = dialog_new (widget, index < 0 ? _("New Text Slide") : _("Text Slide"),
                       _("A title, and the slide’s text: one paragraph a line."),
                       "save", index < 0 ? _("_Add") : _("_Save"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);

  /* Translators: the placeholder of a text slide's title; zh_CN: "标题，如：会议议程" */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Title, e.g. Agenda"));
  gtk_editable_set_text (GTK_EDITABLE (entry), title != NULL ? title : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), body != NULL ? body : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, _("The Slide’s Text"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_overflow (scroller, GTK_OVERFLOW_HIDDEN);

  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  asked->widget = g_object_ref (widget);
  asked->index = index;
  asked->title = GTK_EDITABLE (entry);
  asked->body = GTK_TEXT_VIEW (text);
  asked->done = G_CALLBACK (done);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_text_response_cb), asked,
                         (GClosureNotify)asked_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);

  return GTK_WINDOW (dialog);
}

static void
on_agency_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Asked            *asked)
{
  guint chosen = gtk_drop_down_get_selected (asked->agency);

  if (g_strcmp0 (response, "add") == 0 && chosen < asked->codes->len)
    ((JdSlidesAgencyFunc)asked->done) (asked->widget, asked->codes->pdata[chosen]);
}

/**
 * jd_slides_choose_agency:
 * @agencies: (element-type JdFilterChoice): the agencies to choose from
 * @done: called with @widget and the agency's code once one is chosen
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWindow *
jd_slides_choose_agency (GtkWidget          *widget,
                         GPtrArray          *agencies,
                         JdSlidesAgencyFunc  done)
{
  Asked *asked = g_new0 (Asked, 1);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkExpression *expression;
  GtkWidget *dialog;
  GtkWidget *dropdown;

  asked->codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < agencies->len; i++)
    {
      const JdFilterChoice *choice = agencies->pdata[i];

      gtk_string_list_append (names, choice->name != NULL ? choice->name : choice->code);
      g_ptr_array_add (asked->codes, g_strdup (choice->code));
    }

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Agency"), -1);

  dialog = dialog_new (widget, _("Add an Agency’s Profile"),
                       _("A slide with the agency’s figures and its rank among the agencies, after the last slide."),
                       "add", _("_Add"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);

  asked->widget = g_object_ref (widget);
  asked->agency = GTK_DROP_DOWN (dropdown);
  asked->done = G_CALLBACK (done);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_agency_response_cb), asked,
                         (GClosureNotify)asked_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
on_reset_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Asked            *asked)
{
  if (g_strcmp0 (response, "reset") == 0)
    ((JdSlidesConfirmFunc)asked->done) (asked->widget);
}

/**
 * jd_slides_confirm_reset:
 * @period: the period whose deck goes back to the default, as the title says it
 * @done: called with @widget when the user confirms
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWindow *
jd_slides_confirm_reset (GtkWidget           *widget,
                         const char          *period,
                         JdSlidesConfirmFunc  done)
{
  Asked *asked = g_new0 (Asked, 1);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the period, "2026年10月"; zh_CN: "%s的幻灯片将恢复为默认：
   * 删除您添加的文字页和单位页，恢复默认的顺序，显示所有隐藏的页。" */
  body = g_strdup_printf (_("The slides of %s go back to the default deck: the text and agency slides you added are removed, the order and the hidden slides are forgotten."),
                          period);
  dialog = dialog_new (widget, _("Reset the Slides?"), body, "reset", _("_Reset"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  asked->widget = g_object_ref (widget);
  asked->done = G_CALLBACK (done);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_reset_response_cb), asked,
                         (GClosureNotify)asked_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

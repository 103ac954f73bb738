/* jd-report-editor.c — the analyst's wording of one paragraph of the report
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A paragraph's wording is Pango markup (bold figures); the analyst edits
 * it as plain text, and what they save is that text, escaped.  The editor
 * only asks: the report view saves, regenerates and rebuilds.
 */

#define G_LOG_DOMAIN "jd-report-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-report-editor.h"

struct _JdReportEditor
{
  AdwWindow        parent_instance;

  char            *key;
  char            *text;      /* what the paragraph says now, as plain text */
  char            *draft;     /* what the figures say, as plain text */
  JdParagraphState state;

  AdwWindowTitle  *window_title;
  GtkWidget       *stale_box;
  GtkLabel        *draft_label;
  GtkTextView     *text_view;
  GtkLabel        *state_label;
};

G_DEFINE_FINAL_TYPE (JdReportEditor, jd_report_editor, ADW_TYPE_WINDOW)

enum {
  SAVE,
  REGENERATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
buffer_text (JdReportEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* Save: the text as markup, if the analyst changed it at all — saving an
 * untouched draft would freeze it against later figures. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdReportEditor *self = JD_REPORT_EDITOR (widget);
  g_autofree char *text = buffer_text (self);

  if (text[0] != '\0' && g_strcmp0 (text, self->text) != 0)
    {
      g_autofree char *markup = g_markup_escape_text (text, -1);

      g_signal_emit (self, signals[SAVE], 0, markup);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* An edited paragraph goes back to the draft (the view offers Undo); an
 * unedited one only loses what was typed here. */
static void
regenerate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JdReportEditor *self = JD_REPORT_EDITOR (widget);

  if (self->state & JD_PARAGRAPH_EDITED)
    {
      g_signal_emit (self, signals[REGENERATE], 0);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), self->draft, -1);
}

static void
jd_report_editor_finalize (GObject *object)
{
  JdReportEditor *self = (JdReportEditor *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->draft, g_free);

  G_OBJECT_CLASS (jd_report_editor_parent_class)->finalize (object);
}

static void
jd_report_editor_class_init (JdReportEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jd_report_editor_finalize;

  /**
   * JdReportEditor::save:
   * @markup: the analyst's wording, escaped as Pango markup
   */
  signals[SAVE] =
    g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * JdReportEditor::regenerate:
   *
   * The analyst threw their wording away for the draft.
   */
  signals[REGENERATE] =
    g_signal_new ("regenerate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-report-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JdReportEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, JdReportEditor, stale_box);
  gtk_widget_class_bind_template_child (widget_class, JdReportEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, JdReportEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, JdReportEditor, state_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.regenerate", NULL, regenerate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jd_report_editor_init (JdReportEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jd_report_markup_to_text:
 *
 * Returns: (transfer full): @markup without its tags and entities
 */
char *
jd_report_markup_to_text (const char *markup)
{
  char *text = NULL;

  if (markup == NULL)
    return g_strdup ("");
  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    return g_strdup (markup);
  return text;
}

/**
 * jd_report_editor_new:
 * @section: the heading the paragraph stands under
 * @paragraph: a paragraph block with a key
 */
JdReportEditor *
jd_report_editor_new (GtkWindow     *parent,
                      const char    *section,
                      const JdBlock *paragraph)
{
  JdReportEditor *self;
  const char *draft;

  g_return_val_if_fail (paragraph != NULL, NULL);
  g_return_val_if_fail (jd_block_get_key (paragraph) != NULL, NULL);

  self = g_object_new (JD_TYPE_REPORT_EDITOR, "transient-for", parent, NULL);
  draft = jd_block_get_draft (paragraph);
  self->key = g_strdup (jd_block_get_key (paragraph));
  self->state = jd_block_get_state (paragraph);
  self->text = jd_report_markup_to_text (jd_block_get_text (paragraph));
  self->draft = jd_report_markup_to_text (draft != NULL ? draft : jd_block_get_text (paragraph));
  g_strstrip (self->text);
  g_strstrip (self->draft);

  adw_window_title_set_subtitle (self->window_title, section);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), self->text, -1);
  gtk_label_set_text (self->draft_label, self->draft);
  gtk_widget_set_visible (self->stale_box, (self->state & JD_PARAGRAPH_STALE) != 0);
  gtk_label_set_text (self->state_label,
                      (self->state & JD_PARAGRAPH_EDITED) ? _("Your wording") : _("Drafted from the figures"));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  return self;
}

const char *
jd_report_editor_get_key (JdReportEditor *self)
{
  g_return_val_if_fail (JD_IS_REPORT_EDITOR (self), NULL);

  return self->key;
}

GtkTextBuffer *
jd_report_editor_get_buffer (JdReportEditor *self)
{
  g_return_val_if_fail (JD_IS_REPORT_EDITOR (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

gboolean
jd_report_editor_get_stale (JdReportEditor *self)
{
  g_return_val_if_fail (JD_IS_REPORT_EDITOR (self), FALSE);

  return (self->state & JD_PARAGRAPH_STALE) != 0;
}

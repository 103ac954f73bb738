/* jd-report-outline.c — the report's outline: its headings and the paragraphs to edit
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-report-outline"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-report-editor.h"
#include "jd-report-outline.h"

/* A paragraph with a key: the analyst may reword it. */
gboolean
jd_report_block_is_editable (const JdBlock *block)
{
  return jd_block_get_kind (block) == JD_BLOCK_PARAGRAPH && jd_block_get_key (block) != NULL;
}

static GtkWidget *
state_icon (JdParagraphState state)
{
  GtkWidget *icon;

  if (state & JD_PARAGRAPH_STALE)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("The figures changed after this paragraph was edited"));
    }
  else if (state & JD_PARAGRAPH_EDITED)
    {
      icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_tooltip_text (icon, _("Your wording"));
    }
  else
    return NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (icon), -1);
  return icon;
}

/* A row of the outline: a heading, or the opening words of a paragraph
 * the analyst can edit, with its state. */
static GtkWidget *
outline_row_new (const JdBlock *block,
                 guint          index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *icon = NULL;

  if (jd_block_get_kind (block) == JD_BLOCK_HEADING)
    {
      label = gtk_label_new (jd_block_get_text (block));
      if (jd_block_get_level (block) <= 1)
        gtk_widget_add_css_class (label, "heading");
      else
        gtk_widget_set_margin_start (box, 12);
    }
  else
    {
      g_autofree char *text = jd_report_markup_to_text (jd_block_get_text (block));

      label = gtk_label_new (g_strstrip (text));
      gtk_widget_set_margin_start (box, 24);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_tooltip_text (row, _("Edit this paragraph"));
      icon = state_icon (jd_block_get_state (block));
    }

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (icon != NULL)
    gtk_box_append (GTK_BOX (box), icon);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "jd-block", GUINT_TO_POINTER (index));
  return row;
}

/**
 * jd_report_outline_fill:
 * @doc: (nullable): the report, or %NULL to empty @list
 *
 * Fills @list with the report's section headings and the paragraphs the
 * analyst can edit.
 */
void
jd_report_outline_fill (GtkListBox *list,
                        JdDoc      *doc)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  if (doc == NULL)
    return;

  for (guint i = 0; i < jd_doc_get_n_blocks (doc); i++)
    {
      JdBlock *block = jd_doc_get_block (doc, i);

      if (jd_block_get_kind (block) == JD_BLOCK_HEADING || jd_report_block_is_editable (block))
        gtk_list_box_append (list, outline_row_new (block, i));
    }
}

/* The block a row of the outline stands for. */
guint
jd_report_outline_row_get_block (GtkListBoxRow *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "jd-block"));
}

/* jd-slide-row.c — one slide of the meeting's deck in the slides view's list
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row changes nothing itself: its switch and buttons activate the
 * slides view's actions (slides.show, slides.move, slides.edit,
 * slides.remove) with the slide's index, and the view rebuilds its list
 * from the deck after each change.
 */

#define G_LOG_DOMAIN "jd-slide-row"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-slide-row.h"

struct _JdSlideRow
{
  AdwActionRow  parent_instance;

  guint         index;
  gboolean      constructing;   /* the switch set from the slide, not the user */

  GtkLabel     *number_label;
  GtkSwitch    *shown_switch;
  GtkButton    *up_button;
  GtkButton    *down_button;
  GtkButton    *edit_button;
  GtkButton    *remove_button;
};

G_DEFINE_FINAL_TYPE (JdSlideRow, jd_slide_row, ADW_TYPE_ACTION_ROW)

static void
on_shown_cb (JdSlideRow *self,
             GParamSpec *pspec,
             GtkSwitch  *shown_switch)
{
  if (self->constructing)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "slides.show", "(ub)", self->index,
                              gtk_switch_get_active (shown_switch));
}

/* The target first: an action with a parameter refuses a button without one. */
static void
set_action (GtkButton  *button,
            const char *name,
            GVariant   *target)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
}

static void
on_activated_cb (JdSlideRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "slides.edit", "u", self->index);
}

static void
jd_slide_row_class_init (JdSlideRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-slide-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JdSlideRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, JdSlideRow, shown_switch);
  gtk_widget_class_bind_template_child (widget_class, JdSlideRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, JdSlideRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, JdSlideRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, JdSlideRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_shown_cb);
}

static void
jd_slide_row_init (JdSlideRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jd_slide_row_new:
 * @index: the slide's place in the deck
 * @n_slides: how many the deck has, so that the last cannot move down
 * @title: what the row calls the slide
 *
 * Returns: (transfer floating): the row of @slide
 */
GtkWidget *
jd_slide_row_new (guint          index,
                  guint          n_slides,
                  const JdSlide *slide,
                  const char    *title)
{
  JdSlideRow *self;
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  gboolean added;

  g_return_val_if_fail (slide != NULL, NULL);
  g_return_val_if_fail (index < n_slides, NULL);

  self = g_object_new (JD_TYPE_SLIDE_ROW, NULL);
  self->index = index;
  added = slide->kind == JD_SLIDE_TEXT || slide->kind == JD_SLIDE_AGENCY;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  /* The analyst's own slides say what they are; the others' titles do. */
  if (added)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), jd_slide_kind_label (slide->kind));
  gtk_label_set_text (self->number_label, number);

  self->constructing = TRUE;
  gtk_switch_set_active (self->shown_switch, !slide->hidden);
  self->constructing = FALSE;
  if (slide->hidden)
    gtk_widget_add_css_class (GTK_WIDGET (self), "hidden-slide");

  /* The first cannot move up, the last down: their buttons have no
   * action, whose helper would make them sensitive again. */
  if (index > 0)
    set_action (self->up_button, "slides.move", g_variant_new ("(ui)", index, -1));
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), FALSE);
  if (index + 1 < n_slides)
    set_action (self->down_button, "slides.move", g_variant_new ("(ui)", index, 1));
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), added);
  if (added)
    set_action (self->remove_button, "slides.remove", g_variant_new_uint32 (index));
  if (slide->kind == JD_SLIDE_TEXT)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->edit_button), TRUE);
      set_action (self->edit_button, "slides.edit", g_variant_new_uint32 (index));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
      g_signal_connect (self, "activated", G_CALLBACK (on_activated_cb), NULL);
    }

  return GTK_WIDGET (self);
}

guint
jd_slide_row_get_index (JdSlideRow *self)
{
  g_return_val_if_fail (JD_IS_SLIDE_ROW (self), 0);

  return self->index;
}

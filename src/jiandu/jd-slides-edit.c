/* jd-slides-edit.c — the analyst's changes to the deck in the slides view
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each change is applied to the deck the list shows, on the UI thread;
 * _jd_slides_view_deck_changed() then has it saved and drawn in workers.
 */

#define G_LOG_DOMAIN "jd-slides-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "jd-slides-view-private.h"

/* Shows or hides the slide at @index. */
void
jd_slides_view_set_shown (JdSlidesView *self,
                          guint         index,
                          gboolean      shown)
{
  g_return_if_fail (JD_IS_SLIDES_VIEW (self));

  if (self->deck == NULL || index >= jd_deck_get_n_slides (self->deck) ||
      jd_deck_get_slide (self->deck, index)->hidden == !shown)
    return;

  jd_deck_set_hidden (self->deck, index, !shown);
  _jd_slides_view_deck_changed (self, index);
}

/* Moves the slide at @index one place up (@direction -1) or down (1). */
void
jd_slides_view_move (JdSlidesView *self,
                     guint         index,
                     int           direction)
{
  int to = (int)index + direction;

  g_return_if_fail (JD_IS_SLIDES_VIEW (self));

  if (self->deck == NULL || index >= jd_deck_get_n_slides (self->deck) ||
      to < 0 || to >= (int)jd_deck_get_n_slides (self->deck))
    return;

  jd_deck_move (self->deck, index, to);
  _jd_slides_view_deck_changed (self, to);
}

/* The words of the text slide at @index */
void
jd_slides_view_set_text (JdSlidesView *self,
                         guint         index,
                         const char   *title,
                         const char   *body)
{
  g_return_if_fail (JD_IS_SLIDES_VIEW (self));

  if (self->deck == NULL || index >= jd_deck_get_n_slides (self->deck) ||
      jd_deck_get_slide (self->deck, index)->kind != JD_SLIDE_TEXT)
    return;

  jd_deck_set_text (self->deck, index, title, body);
  _jd_slides_view_deck_changed (self, index);
}

/* Removes the text or agency slide at @index, with a toast to undo it. */
void
jd_slides_view_remove (JdSlidesView *self,
                       guint         index)
{
  g_autoptr(JdDeck) before = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  g_return_if_fail (JD_IS_SLIDES_VIEW (self));

  if (self->deck == NULL || index >= jd_deck_get_n_slides (self->deck))
    return;

  before = jd_deck_copy (self->deck);
  title = _jd_slides_view_slide_title (self, jd_deck_get_slide (self->deck, index));
  if (!jd_deck_remove (self->deck, index))
    return;

  g_clear_pointer (&self->undo_deck, jd_deck_free);
  self->undo_deck = g_steal_pointer (&before);
  _jd_slides_view_deck_changed (self, MIN (index, jd_deck_get_n_slides (self->deck) - 1));

  /* Translators: a toast; %s is the slide's title */
  text = g_strdup_printf (_("“%s” removed"), title);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "slides.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _jd_slides_view_update_actions (self);
}

/* Brings back the deck as it was before the last removal. */
void
jd_slides_view_undo (JdSlidesView *self)
{
  g_return_if_fail (JD_IS_SLIDES_VIEW (self));

  if (self->undo_deck == NULL || self->deck == NULL)
    return;

  jd_deck_free (self->deck);
  self->deck = g_steal_pointer (&self->undo_deck);
  _jd_slides_view_deck_changed (self, -1);
  _jd_slides_view_update_actions (self);
}

/* Adds a text slide after the deck's last slide. */
void
jd_slides_view_add_text_slide (JdSlidesView *self,
                               const char   *title,
                               const char   *body)
{
  guint n;

  g_return_if_fail (JD_IS_SLIDES_VIEW (self));
  g_return_if_fail (self->deck != NULL);

  n = jd_deck_get_n_slides (self->deck);
  jd_deck_insert_text (self->deck, n, title, body);
  _jd_slides_view_deck_changed (self, n);
  _jd_slides_view_update_actions (self);
}

/* Adds the profile of agency @code after the deck's last slide. */
void
jd_slides_view_add_agency_slide (JdSlidesView *self,
                                 const char   *code)
{
  guint n;

  g_return_if_fail (JD_IS_SLIDES_VIEW (self));
  g_return_if_fail (self->deck != NULL);
  g_return_if_fail (code != NULL);

  n = jd_deck_get_n_slides (self->deck);
  jd_deck_insert_agency (self->deck, n, code);
  _jd_slides_view_deck_changed (self, n);
  _jd_slides_view_update_actions (self);
}

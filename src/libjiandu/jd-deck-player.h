/* jd-deck-player.h — which slide is on show, and when the next one comes
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a key asks of the player.  The presentation window maps keys to
 * these (→ Space PgDn: NEXT, B: BLANK…); the player knows no toolkit, so
 * the tests drive it without a display. */
typedef enum
{
  JD_DECK_NEXT,
  JD_DECK_PREVIOUS,
  JD_DECK_FIRST,
  JD_DECK_LAST,
  JD_DECK_DIGIT,     /* a digit of a slide number to jump to; the argument is the digit */
  JD_DECK_JUMP,      /* Enter: go to the slide whose number was typed */
  JD_DECK_BLANK,     /* black screen on or off */
  JD_DECK_PLAY,      /* auto-advance on or off */
} JdDeckCommand;

/* A monotonic clock in microseconds, as g_get_monotonic_time(). */
typedef gint64 (*JdClockFunc) (gpointer user_data);

#define JD_TYPE_DECK_PLAYER (jd_deck_player_get_type ())

G_DECLARE_FINAL_TYPE (JdDeckPlayer, jd_deck_player, JD, DECK_PLAYER, GObject)

JdDeckPlayer *jd_deck_player_new              (guint          n_slides);
guint         jd_deck_player_get_n_slides     (JdDeckPlayer  *self);
void          jd_deck_player_set_n_slides     (JdDeckPlayer  *self,
                                               guint          n_slides);
guint         jd_deck_player_get_current      (JdDeckPlayer  *self);
gboolean      jd_deck_player_go_to            (JdDeckPlayer  *self,
                                               guint          slide);
gboolean      jd_deck_player_get_blank        (JdDeckPlayer  *self);
void          jd_deck_player_set_blank        (JdDeckPlayer  *self,
                                               gboolean       blank);
guint         jd_deck_player_get_typed_number (JdDeckPlayer  *self);
gboolean      jd_deck_player_command          (JdDeckPlayer  *self,
                                               JdDeckCommand  command,
                                               guint          argument);

void          jd_deck_player_set_loop         (JdDeckPlayer  *self,
                                               gboolean       loop);
void          jd_deck_player_set_interval     (JdDeckPlayer  *self,
                                               guint          seconds);
guint         jd_deck_player_get_interval     (JdDeckPlayer  *self);
gboolean      jd_deck_player_get_playing      (JdDeckPlayer  *self);
void          jd_deck_player_set_playing      (JdDeckPlayer  *self,
                                               gboolean       playing);
gint64        jd_deck_player_get_next_advance (JdDeckPlayer  *self);
void          jd_deck_player_tick             (JdDeckPlayer  *self);
gint64        jd_deck_player_get_elapsed      (JdDeckPlayer  *self);
void          jd_deck_player_set_clock        (JdDeckPlayer  *self,
                                               JdClockFunc    clock,
                                               gpointer       user_data);

G_END_DECLS

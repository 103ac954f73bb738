/* test-deck-player.c — the presentation's keys and auto-advance, on a test clock
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jd-deck-player.h"

typedef struct
{
  gint64 now;
} TestClock;

static gint64
test_clock (gpointer user_data)
{
  TestClock *clock = user_data;

  return clock->now;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_navigation (void)
{
  g_autoptr(JdDeckPlayer) player = jd_deck_player_new (5);
  guint changes = 0;

  g_signal_connect (player, "notify::current", G_CALLBACK (count_cb), &changes);

  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 0);
  g_assert_false (jd_deck_player_command (player, JD_DECK_PREVIOUS, 0));
  g_assert_true (jd_deck_player_command (player, JD_DECK_NEXT, 0));
  g_assert_true (jd_deck_player_command (player, JD_DECK_NEXT, 0));
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 2);
  g_assert_true (jd_deck_player_command (player, JD_DECK_PREVIOUS, 0));
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 1);
  g_assert_true (jd_deck_player_command (player, JD_DECK_LAST, 0));
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 4);
  /* A presentation ends on its last slide; it does not start over. */
  g_assert_false (jd_deck_player_command (player, JD_DECK_NEXT, 0));
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 4);
  g_assert_true (jd_deck_player_command (player, JD_DECK_FIRST, 0));
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 0);
  g_assert_false (jd_deck_player_command (player, JD_DECK_FIRST, 0));
  g_assert_cmpuint (changes, ==, 5);

  /* A deck built again, shorter: the last slide there is. */
  jd_deck_player_command (player, JD_DECK_LAST, 0);
  jd_deck_player_set_n_slides (player, 3);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 2);
}

static void
test_jump (void)
{
  g_autoptr(JdDeckPlayer) player = jd_deck_player_new (12);

  jd_deck_player_command (player, JD_DECK_DIGIT, 1);
  g_assert_cmpuint (jd_deck_player_get_typed_number (player), ==, 1);
  jd_deck_player_command (player, JD_DECK_DIGIT, 1);
  g_assert_cmpuint (jd_deck_player_get_typed_number (player), ==, 11);
  g_assert_true (jd_deck_player_command (player, JD_DECK_JUMP, 0));
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 10);
  g_assert_cmpuint (jd_deck_player_get_typed_number (player), ==, 0);

  /* Past the end, or 0: nothing happens but the number is forgotten. */
  jd_deck_player_command (player, JD_DECK_DIGIT, 4);
  jd_deck_player_command (player, JD_DECK_DIGIT, 0);
  jd_deck_player_command (player, JD_DECK_JUMP, 0);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 10);
  g_assert_cmpuint (jd_deck_player_get_typed_number (player), ==, 0);
  jd_deck_player_command (player, JD_DECK_DIGIT, 0);
  jd_deck_player_command (player, JD_DECK_JUMP, 0);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 10);
  g_assert_false (jd_deck_player_command (player, JD_DECK_JUMP, 0));

  /* Another key in between forgets the digits. */
  jd_deck_player_command (player, JD_DECK_DIGIT, 3);
  jd_deck_player_command (player, JD_DECK_PREVIOUS, 0);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 9);
  jd_deck_player_command (player, JD_DECK_JUMP, 0);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 9);

  /* A leaning finger does not overflow. */
  for (int i = 0; i < 30; i++)
    jd_deck_player_command (player, JD_DECK_DIGIT, 9);
  g_assert_cmpuint (jd_deck_player_get_typed_number (player), ==, 999999);
  jd_deck_player_command (player, JD_DECK_DIGIT, 1);
  g_assert_cmpuint (jd_deck_player_get_typed_number (player), ==, 999999);
  jd_deck_player_command (player, JD_DECK_JUMP, 0);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 9);

  jd_deck_player_command (player, JD_DECK_DIGIT, 1);
  jd_deck_player_command (player, JD_DECK_JUMP, 0);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 0);
}

static void
test_blank (void)
{
  g_autoptr(JdDeckPlayer) player = jd_deck_player_new (3);

  g_assert_true (jd_deck_player_command (player, JD_DECK_BLANK, 0));
  g_assert_true (jd_deck_player_get_blank (player));
  g_assert_true (jd_deck_player_command (player, JD_DECK_BLANK, 0));
  g_assert_false (jd_deck_player_get_blank (player));

  /* From black, the next key brings the same slide back first. */
  jd_deck_player_command (player, JD_DECK_BLANK, 0);
  g_assert_true (jd_deck_player_command (player, JD_DECK_NEXT, 0));
  g_assert_false (jd_deck_player_get_blank (player));
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 0);
  jd_deck_player_command (player, JD_DECK_BLANK, 0);
  g_assert_true (jd_deck_player_command (player, JD_DECK_PREVIOUS, 0));
  g_assert_false (jd_deck_player_get_blank (player));

  /* Home, End and a jump leave the black screen for their slide. */
  jd_deck_player_command (player, JD_DECK_BLANK, 0);
  jd_deck_player_command (player, JD_DECK_LAST, 0);
  g_assert_false (jd_deck_player_get_blank (player));
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 2);
  jd_deck_player_command (player, JD_DECK_BLANK, 0);
  jd_deck_player_command (player, JD_DECK_DIGIT, 2);
  g_assert_true (jd_deck_player_get_blank (player));
  jd_deck_player_command (player, JD_DECK_JUMP, 0);
  g_assert_false (jd_deck_player_get_blank (player));
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 1);
}

static void
test_auto_advance (void)
{
  g_autoptr(JdDeckPlayer) player = jd_deck_player_new (3);
  TestClock clock = { 1000000 };

  jd_deck_player_set_clock (player, test_clock, &clock);
  g_assert_cmpint (jd_deck_player_get_elapsed (player), ==, 0);

  /* Without an interval there is nothing to play. */
  g_assert_false (jd_deck_player_command (player, JD_DECK_PLAY, 0));
  g_assert_false (jd_deck_player_get_playing (player));
  g_assert_cmpint (jd_deck_player_get_next_advance (player), ==, -1);

  jd_deck_player_set_interval (player, 10);
  g_assert_true (jd_deck_player_command (player, JD_DECK_PLAY, 0));
  g_assert_true (jd_deck_player_get_playing (player));
  g_assert_cmpint (jd_deck_player_get_next_advance (player), ==, clock.now + 10 * G_USEC_PER_SEC);

  clock.now += 9 * G_USEC_PER_SEC;
  jd_deck_player_tick (player);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 0);
  clock.now += G_USEC_PER_SEC;
  jd_deck_player_tick (player);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 1);
  g_assert_cmpint (jd_deck_player_get_elapsed (player), ==, 10 * G_USEC_PER_SEC);

  /* Any key pauses; the clock then moves nothing. */
  g_assert_true (jd_deck_player_command (player, JD_DECK_BLANK, 0));
  g_assert_false (jd_deck_player_get_playing (player));
  clock.now += 60 * G_USEC_PER_SEC;
  jd_deck_player_tick (player);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 1);

  /* Play again (from black: the slide comes back), a full interval on. */
  jd_deck_player_command (player, JD_DECK_PLAY, 0);
  g_assert_false (jd_deck_player_get_blank (player));
  clock.now += 5 * G_USEC_PER_SEC;
  jd_deck_player_tick (player);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 1);
  clock.now += 5 * G_USEC_PER_SEC;
  jd_deck_player_tick (player);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 2);

  /* The last slide stays: auto-advance stops there. */
  clock.now += 10 * G_USEC_PER_SEC;
  jd_deck_player_tick (player);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 2);
  g_assert_false (jd_deck_player_get_playing (player));

  /* PLAY while playing pauses, as a toggle. */
  jd_deck_player_command (player, JD_DECK_FIRST, 0);
  jd_deck_player_command (player, JD_DECK_PLAY, 0);
  g_assert_true (jd_deck_player_get_playing (player));
  jd_deck_player_command (player, JD_DECK_PLAY, 0);
  g_assert_false (jd_deck_player_get_playing (player));

  /* A key that moves nothing still pauses. */
  jd_deck_player_command (player, JD_DECK_PLAY, 0);
  g_assert_true (jd_deck_player_command (player, JD_DECK_FIRST, 0));
  g_assert_false (jd_deck_player_get_playing (player));
}

static void
test_loop (void)
{
  g_autoptr(JdDeckPlayer) player = jd_deck_player_new (3);
  TestClock clock = { 0 };
  guint seen[4];

  jd_deck_player_set_clock (player, test_clock, &clock);
  jd_deck_player_set_loop (player, TRUE);
  jd_deck_player_set_interval (player, 30);
  jd_deck_player_set_playing (player, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (seen); i++)
    {
      /* A tick late by minutes (a suspended machine) moves one slide. */
      clock.now += (i == 2 ? 300 : 30) * G_USEC_PER_SEC;
      jd_deck_player_tick (player);
      seen[i] = jd_deck_player_get_current (player);
    }

  g_assert_cmpuint (seen[0], ==, 1);
  g_assert_cmpuint (seen[1], ==, 2);
  g_assert_cmpuint (seen[2], ==, 0);
  g_assert_cmpuint (seen[3], ==, 1);
  g_assert_true (jd_deck_player_get_playing (player));

  /* Looping, ← from the first slide shows the last. */
  jd_deck_player_go_to (player, 0);
  jd_deck_player_command (player, JD_DECK_PREVIOUS, 0);
  g_assert_cmpuint (jd_deck_player_get_current (player), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deck-player/navigation", test_navigation);
  g_test_add_func ("/deck-player/jump", test_jump);
  g_test_add_func ("/deck-player/blank", test_blank);
  g_test_add_func ("/deck-player/auto-advance", test_auto_advance);
  g_test_add_func ("/deck-player/loop", test_loop);

  return g_test_run ();
}

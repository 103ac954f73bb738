/* jd-deck-player.c — which slide is on show, and when the next one comes
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-deck-player"

#include "config.h"

#include "jd-deck-player.h"

/* The presentation window and the wall display share this: the slide on
 * show, the black screen, a slide number being typed, and auto-advance on
 * a clock the tests can replace.  It draws nothing and knows no keys. */
struct _JdDeckPlayer
{
  GObject      parent_instance;

  guint        n_slides;
  guint        current;
  gboolean     blank;
  gboolean     loop;          /* after the last slide, the first (the wall display) */
  guint        typed;         /* the slide number typed so far, 0 for none */

  guint        interval;      /* seconds between slides; 0: no auto-advance */
  gboolean     playing;
  gint64       next_advance;  /* on the clock, while playing */
  gint64       started;       /* on the clock: when the show began */

  JdClockFunc  clock;
  gpointer     clock_data;
};

G_DEFINE_FINAL_TYPE (JdDeckPlayer, jd_deck_player, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_SLIDES,
  PROP_CURRENT,
  PROP_BLANK,
  PROP_TYPED_NUMBER,
  PROP_PLAYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Six digits reach any deck there is; more are a finger on a key. */
#define MAX_TYPED 999999

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
now (JdDeckPlayer *self)
{
  return self->clock (self->clock_data);
}

static void
set_typed (JdDeckPlayer *self,
           guint         typed)
{
  if (self->typed == typed)
    return;

  self->typed = typed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPED_NUMBER]);
}

static void
schedule (JdDeckPlayer *self)
{
  self->next_advance = now (self) + (gint64)self->interval * G_USEC_PER_SEC;
}

static void
jd_deck_player_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JdDeckPlayer *self = JD_DECK_PLAYER (object);

  switch (prop_id)
    {
    case PROP_N_SLIDES:
      g_value_set_uint (value, self->n_slides);
      break;

    case PROP_CURRENT:
      g_value_set_uint (value, self->current);
      break;

    case PROP_BLANK:
      g_value_set_boolean (value, self->blank);
      break;

    case PROP_TYPED_NUMBER:
      g_value_set_uint (value, self->typed);
      break;

    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_deck_player_class_init (JdDeckPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = jd_deck_player_get_property;

  properties[PROP_N_SLIDES] =
    g_param_spec_uint ("n-slides", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * JdDeckPlayer:current:
   *
   * The slide on show, from 0; notified when the slide changes.
   */
  properties[PROP_CURRENT] =
    g_param_spec_uint ("current", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLANK] =
    g_param_spec_boolean ("blank", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * JdDeckPlayer:typed-number:
   *
   * The slide number typed so far (1 for the first slide), 0 for none.
   */
  properties[PROP_TYPED_NUMBER] =
    g_param_spec_uint ("typed-number", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_deck_player_init (JdDeckPlayer *self)
{
  self->clock = monotonic_clock;
  self->started = now (self);
}

JdDeckPlayer *
jd_deck_player_new (guint n_slides)
{
  JdDeckPlayer *self = g_object_new (JD_TYPE_DECK_PLAYER, NULL);

  self->n_slides = n_slides;

  return self;
}

guint
jd_deck_player_get_n_slides (JdDeckPlayer *self)
{
  g_return_val_if_fail (JD_IS_DECK_PLAYER (self), 0);

  return self->n_slides;
}

/**
 * jd_deck_player_set_n_slides:
 *
 * For a deck that was built again: the slide on show stays, or becomes
 * the last one if the deck got shorter.
 */
void
jd_deck_player_set_n_slides (JdDeckPlayer *self,
                             guint         n_slides)
{
  g_return_if_fail (JD_IS_DECK_PLAYER (self));

  if (self->n_slides == n_slides)
    return;

  self->n_slides = n_slides;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SLIDES]);
  if (self->current >= n_slides)
    jd_deck_player_go_to (self, n_slides > 0 ? n_slides - 1 : 0);
}

guint
jd_deck_player_get_current (JdDeckPlayer *self)
{
  g_return_val_if_fail (JD_IS_DECK_PLAYER (self), 0);

  return self->current;
}

/**
 * jd_deck_player_go_to:
 * @slide: from 0
 *
 * Shows @slide, if the deck has it.  Auto-advance goes on from there.
 *
 * Returns: whether the slide on show changed
 */
gboolean
jd_deck_player_go_to (JdDeckPlayer *self,
                      guint         slide)
{
  g_return_val_if_fail (JD_IS_DECK_PLAYER (self), FALSE);

  if (slide == self->current || (slide >= self->n_slides && slide > 0))
    return FALSE;

  self->current = slide;
  if (self->playing)
    schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);

  return TRUE;
}

gboolean
jd_deck_player_get_blank (JdDeckPlayer *self)
{
  g_return_val_if_fail (JD_IS_DECK_PLAYER (self), FALSE);

  return self->blank;
}

void
jd_deck_player_set_blank (JdDeckPlayer *self,
                          gboolean      blank)
{
  g_return_if_fail (JD_IS_DECK_PLAYER (self));

  blank = !!blank;
  if (self->blank == blank)
    return;

  self->blank = blank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK]);
}

guint
jd_deck_player_get_typed_number (JdDeckPlayer *self)
{
  g_return_val_if_fail (JD_IS_DECK_PLAYER (self), 0);

  return self->typed;
}

/* One slide forward (@step 1) or back (-1): from a black screen, the
 * first key brings the same slide back, as in every presentation program. */
static gboolean
step (JdDeckPlayer *self,
      int           direction)
{
  if (self->blank)
    {
      jd_deck_player_set_blank (self, FALSE);
      return TRUE;
    }

  if (direction > 0 && self->current + 1 < self->n_slides)
    return jd_deck_player_go_to (self, self->current + 1);
  if (direction > 0 && self->loop)
    return jd_deck_player_go_to (self, 0);
  if (direction < 0 && self->current > 0)
    return jd_deck_player_go_to (self, self->current - 1);
  if (direction < 0 && self->loop && self->n_slides > 0)
    return jd_deck_player_go_to (self, self->n_slides - 1);

  return FALSE;
}

/**
 * jd_deck_player_command:
 * @argument: the digit for %JD_DECK_DIGIT, else ignored
 *
 * Does what a key asks.  Every command but %JD_DECK_PLAY pauses
 * auto-advance: the speaker has taken over, and %JD_DECK_PLAY hands the
 * deck back to the clock.  A slide number is typed digit by digit and
 * taken by %JD_DECK_JUMP; any other command forgets it.
 *
 * Returns: whether anything changed
 */
gboolean
jd_deck_player_command (JdDeckPlayer  *self,
                        JdDeckCommand  command,
                        guint          argument)
{
  gboolean changed = FALSE;
  guint typed;

  g_return_val_if_fail (JD_IS_DECK_PLAYER (self), FALSE);

  typed = self->typed;
  if (command != JD_DECK_DIGIT)
    set_typed (self, 0);

  if (command != JD_DECK_PLAY && self->playing)
    {
      jd_deck_player_set_playing (self, FALSE);
      changed = TRUE;
    }

  switch (command)
    {
    case JD_DECK_NEXT:
      return step (self, 1) || changed;

    case JD_DECK_PREVIOUS:
      return step (self, -1) || changed;

    case JD_DECK_FIRST:
    case JD_DECK_LAST:
      changed |= self->blank;
      jd_deck_player_set_blank (self, FALSE);
      if (self->n_slides == 0)
        return changed;
      return jd_deck_player_go_to (self, command == JD_DECK_FIRST ? 0 : self->n_slides - 1) || changed;

    case JD_DECK_DIGIT:
      g_return_val_if_fail (argument <= 9, changed);
      if (typed <= (MAX_TYPED - argument) / 10)
        set_typed (self, typed * 10 + argument);
      return TRUE;

    case JD_DECK_JUMP:
      /* A number outside the deck is ignored, as a mistyped one should be. */
      if (typed == 0 || typed > self->n_slides)
        return changed || typed != 0;
      jd_deck_player_set_blank (self, FALSE);
      jd_deck_player_go_to (self, typed - 1);
      return TRUE;

    case JD_DECK_BLANK:
      jd_deck_player_set_blank (self, !self->blank);
      return TRUE;

    case JD_DECK_PLAY:
      if (self->interval == 0)
        return changed;
      jd_deck_player_set_blank (self, FALSE);
      jd_deck_player_set_playing (self, !self->playing);
      return TRUE;

    default:
      g_return_val_if_reached (changed);
    }
}

/**
 * jd_deck_player_set_loop:
 *
 * Whether the last slide is followed by the first, for a wall display;
 * otherwise auto-advance stops on the last slide.
 */
void
jd_deck_player_set_loop (JdDeckPlayer *self,
                         gboolean      loop)
{
  g_return_if_fail (JD_IS_DECK_PLAYER (self));

  self->loop = !!loop;
}

/**
 * jd_deck_player_set_interval:
 * @seconds: between one slide and the next; 0 turns auto-advance off
 */
void
jd_deck_player_set_interval (JdDeckPlayer *self,
                             guint         seconds)
{
  g_return_if_fail (JD_IS_DECK_PLAYER (self));

  self->interval = seconds;
  if (seconds == 0)
    jd_deck_player_set_playing (self, FALSE);
  else if (self->playing)
    schedule (self);
}

guint
jd_deck_player_get_interval (JdDeckPlayer *self)
{
  g_return_val_if_fail (JD_IS_DECK_PLAYER (self), 0);

  return self->interval;
}

gboolean
jd_deck_player_get_playing (JdDeckPlayer *self)
{
  g_return_val_if_fail (JD_IS_DECK_PLAYER (self), FALSE);

  return self->playing;
}

/**
 * jd_deck_player_set_playing:
 *
 * Starts auto-advance (the next slide comes one interval from now) or
 * pauses it.  Without an interval there is nothing to start.
 */
void
jd_deck_player_set_playing (JdDeckPlayer *self,
                            gboolean      playing)
{
  g_return_if_fail (JD_IS_DECK_PLAYER (self));

  playing = !!playing && self->interval > 0;
  if (playing)
    schedule (self);
  if (self->playing == playing)
    return;

  self->playing = playing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

/**
 * jd_deck_player_get_next_advance:
 *
 * Returns: when, on the player's clock, the next slide is due; -1 while
 *   auto-advance is off
 */
gint64
jd_deck_player_get_next_advance (JdDeckPlayer *self)
{
  g_return_val_if_fail (JD_IS_DECK_PLAYER (self), -1);

  return self->playing ? self->next_advance : -1;
}

/**
 * jd_deck_player_tick:
 *
 * Reads the clock and, if a slide is due, shows it: the window calls
 * this from a timeout, a test after moving its clock on.  A tick late by
 * several intervals moves one slide only.
 */
void
jd_deck_player_tick (JdDeckPlayer *self)
{
  gint64 time;

  g_return_if_fail (JD_IS_DECK_PLAYER (self));

  /* A black screen holds until the speaker brings the slides back. */
  if (!self->playing || self->blank)
    return;

  time = now (self);
  if (time < self->next_advance)
    return;

  if (self->current + 1 >= self->n_slides && !self->loop)
    {
      jd_deck_player_set_playing (self, FALSE);
      return;
    }

  step (self, 1);
  /* go_to() scheduled the next slide from now; a single slide deck that
   * loops does not move, and waits another interval all the same. */
  schedule (self);
}

/**
 * jd_deck_player_get_elapsed:
 *
 * Returns: microseconds since the player was made (or given its clock):
 *   the presenter's elapsed time
 */
gint64
jd_deck_player_get_elapsed (JdDeckPlayer *self)
{
  g_return_val_if_fail (JD_IS_DECK_PLAYER (self), 0);

  return now (self) - self->started;
}

/**
 * jd_deck_player_set_clock:
 * @clock: (nullable): the monotonic clock in µs; %NULL for
 *   g_get_monotonic_time()
 *
 * Tests replace the clock to move time on without waiting.  The elapsed
 * time starts again from the new clock's now.
 */
void
jd_deck_player_set_clock (JdDeckPlayer *self,
                          JdClockFunc   clock,
                          gpointer      user_data)
{
  g_return_if_fail (JD_IS_DECK_PLAYER (self));

  self->clock = clock != NULL ? clock : monotonic_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
  self->started = now (self);
  if (self->playing)
    schedule (self);
}

/* jd-deck.c — the joint meeting's deck: which slides, in what order
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analyst shapes a deck for each meeting: reorders the slides, hides
 * some, adds the agenda or the conclusions as text slides and the profile
 * of an agency to be discussed.  The shape is kept in the database per
 * period (table deck_slides), the figures are not: each build draws them
 * afresh, so a deck shaped before the last import shows the last import.
 */

#define G_LOG_DOMAIN "jd-deck"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-deck.h"
#include "jd-store-private.h"

struct _JdDeck
{
  GArray   *slides;     /* of JdSlide */
  gboolean  is_default; /* as jd_deck_new_default() made it, not loaded */
};

static const struct {
  const char *name;
  const char *label;
} kinds[JD_N_SLIDE_KINDS] = {
  /* Translators: the slide that opens the deck: the meeting's name and
   * date; zh_CN: "封面" */
  [JD_SLIDE_TITLE] = { "title", NC_("slide kind", "Title") },
  [JD_SLIDE_OVERVIEW] = { "overview", N_("Overview") },
  [JD_SLIDE_CASES] = { "cases", N_("Enforcement cases") },
  [JD_SLIDE_COMPLAINTS] = { "complaints", N_("Complaints") },
  [JD_SLIDE_LAWSUITS] = { "lawsuits", N_("Lawsuits and reconsiderations") },
  [JD_SLIDE_LENIENCY] = { "leniency", N_("Leniency lists") },
  [JD_SLIDE_REVIEWS] = { "reviews", N_("Case-file reviews") },
  [JD_SLIDE_RANKING] = { "ranking", N_("Best and worst agencies") },
  [JD_SLIDE_WARNINGS] = { "warnings", N_("Warnings to follow up") },
  [JD_SLIDE_AGENCY] = { "agency", N_("Agency profile") },
  [JD_SLIDE_TEXT] = { "text", N_("Text") },
};

const char *
jd_slide_kind_to_string (JdSlideKind kind)
{
  g_return_val_if_fail (kind < JD_N_SLIDE_KINDS, NULL);

  return kinds[kind].name;
}

gboolean
jd_slide_kind_from_string (const char  *text,
                           JdSlideKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; text != NULL && i < JD_N_SLIDE_KINDS; i++)
    if (g_strcmp0 (text, kinds[i].name) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

/* Returns: what the slide is about, translated */
const char *
jd_slide_kind_label (JdSlideKind kind)
{
  g_return_val_if_fail (kind < JD_N_SLIDE_KINDS, NULL);

  /* The title slide's label alone has a context: "Title" is also the
   * name of an imported column. */
  if (kind == JD_SLIDE_TITLE)
    return g_dpgettext2 (GETTEXT_PACKAGE, "slide kind", kinds[kind].label);
  return _(kinds[kind].label);
}

static void
slide_clear (JdSlide *slide)
{
  g_clear_pointer (&slide->agency, g_free);
  g_clear_pointer (&slide->title, g_free);
  g_clear_pointer (&slide->body, g_free);
}

static JdDeck *
deck_new (void)
{
  JdDeck *deck = g_new0 (JdDeck, 1);

  deck->slides = g_array_new (FALSE, TRUE, sizeof (JdSlide));
  g_array_set_clear_func (deck->slides, (GDestroyNotify)slide_clear);
  return deck;
}

static void
append (JdDeck      *deck,
        JdSlideKind  kind)
{
  JdSlide slide = { kind, FALSE, NULL, NULL, NULL };

  g_array_append_val (deck->slides, slide);
}

/**
 * jd_deck_new_default:
 *
 * The deck a meeting starts from.  A month's meeting looks at the month;
 * a quarter's, a year's and the year to date's also at the case-file
 * reviews, which bureaus hold quarterly.
 *
 * Returns: (transfer full): the default deck for @period
 */
JdDeck *
jd_deck_new_default (const JdPeriod *period)
{
  static const JdSlideKind month[] = {
    JD_SLIDE_TITLE, JD_SLIDE_OVERVIEW, JD_SLIDE_CASES, JD_SLIDE_COMPLAINTS,
    JD_SLIDE_LAWSUITS, JD_SLIDE_LENIENCY, JD_SLIDE_RANKING, JD_SLIDE_WARNINGS,
  };
  static const JdSlideKind longer[] = {
    JD_SLIDE_TITLE, JD_SLIDE_OVERVIEW, JD_SLIDE_CASES, JD_SLIDE_COMPLAINTS,
    JD_SLIDE_LAWSUITS, JD_SLIDE_LENIENCY, JD_SLIDE_REVIEWS, JD_SLIDE_RANKING,
    JD_SLIDE_WARNINGS,
  };
  JdDeck *deck = deck_new ();
  gboolean is_month = period == NULL || period->kind == JD_PERIOD_MONTH;
  const JdSlideKind *list = is_month ? month : longer;
  guint n = is_month ? G_N_ELEMENTS (month) : G_N_ELEMENTS (longer);

  for (guint i = 0; i < n; i++)
    append (deck, list[i]);
  deck->is_default = TRUE;

  return deck;
}

JdDeck *
jd_deck_copy (const JdDeck *deck)
{
  JdDeck *copy;

  g_return_val_if_fail (deck != NULL, NULL);

  copy = deck_new ();
  copy->is_default = deck->is_default;
  for (guint i = 0; i < deck->slides->len; i++)
    {
      const JdSlide *slide = &g_array_index (deck->slides, JdSlide, i);
      JdSlide dup = { slide->kind, slide->hidden, g_strdup (slide->agency),
                      g_strdup (slide->title), g_strdup (slide->body) };

      g_array_append_val (copy->slides, dup);
    }

  return copy;
}

void
jd_deck_free (JdDeck *deck)
{
  if (deck == NULL)
    return;

  g_array_unref (deck->slides);
  g_free (deck);
}

/* Returns: %TRUE for a deck no one has shaped (nothing saved for its period) */
gboolean
jd_deck_is_default (const JdDeck *deck)
{
  g_return_val_if_fail (deck != NULL, FALSE);

  return deck->is_default;
}

guint
jd_deck_get_n_slides (const JdDeck *deck)
{
  g_return_val_if_fail (deck != NULL, 0);

  return deck->slides->len;
}

const JdSlide *
jd_deck_get_slide (const JdDeck *deck,
                   guint         index)
{
  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (index < deck->slides->len, NULL);

  return &g_array_index (deck->slides, JdSlide, index);
}

/* Moves slide @from to position @to, the slides between moving up or down one. */
void
jd_deck_move (JdDeck *deck,
              guint   from,
              guint   to)
{
  JdSlide slide;

  g_return_if_fail (deck != NULL);
  g_return_if_fail (from < deck->slides->len && to < deck->slides->len);

  if (from == to)
    return;

  slide = g_array_index (deck->slides, JdSlide, from);
  /* The slide's strings travel with it: take it out without clearing. */
  g_array_set_clear_func (deck->slides, NULL);
  g_array_remove_index (deck->slides, from);
  g_array_set_clear_func (deck->slides, (GDestroyNotify)slide_clear);
  g_array_insert_val (deck->slides, to, slide);
  deck->is_default = FALSE;
}

void
jd_deck_set_hidden (JdDeck   *deck,
                    guint     index,
                    gboolean  hidden)
{
  g_return_if_fail (deck != NULL);
  g_return_if_fail (index < deck->slides->len);

  g_array_index (deck->slides, JdSlide, index).hidden = !!hidden;
  deck->is_default = FALSE;
}

/* @index: where the new slide goes; the deck's length to add it last */
void
jd_deck_insert_text (JdDeck     *deck,
                     guint       index,
                     const char *title,
                     const char *body)
{
  JdSlide slide = { JD_SLIDE_TEXT, FALSE, NULL, g_strdup (title != NULL ? title : ""),
                    g_strdup (body != NULL ? body : "") };

  g_return_if_fail (deck != NULL);
  g_return_if_fail (index <= deck->slides->len);

  g_array_insert_val (deck->slides, index, slide);
  deck->is_default = FALSE;
}

void
jd_deck_set_text (JdDeck     *deck,
                  guint       index,
                  const char *title,
                  const char *body)
{
  JdSlide *slide;

  g_return_if_fail (deck != NULL);
  g_return_if_fail (index < deck->slides->len);

  slide = &g_array_index (deck->slides, JdSlide, index);
  g_return_if_fail (slide->kind == JD_SLIDE_TEXT);

  g_free (slide->title);
  slide->title = g_strdup (title != NULL ? title : "");
  g_free (slide->body);
  slide->body = g_strdup (body != NULL ? body : "");
  deck->is_default = FALSE;
}

void
jd_deck_insert_agency (JdDeck     *deck,
                       guint       index,
                       const char *agency)
{
  JdSlide slide = { JD_SLIDE_AGENCY, FALSE, g_strdup (agency), NULL, NULL };

  g_return_if_fail (deck != NULL);
  g_return_if_fail (agency != NULL);
  g_return_if_fail (index <= deck->slides->len);

  g_array_insert_val (deck->slides, index, slide);
  deck->is_default = FALSE;
}

/* Only slides the analyst added (text and agency slides) can be removed;
 * the others are hidden instead.  Returns: whether it was removed */
gboolean
jd_deck_remove (JdDeck *deck,
                guint   index)
{
  JdSlideKind kind;

  g_return_val_if_fail (deck != NULL, FALSE);
  g_return_val_if_fail (index < deck->slides->len, FALSE);

  kind = g_array_index (deck->slides, JdSlide, index).kind;
  if (kind != JD_SLIDE_TEXT && kind != JD_SLIDE_AGENCY)
    return FALSE;

  g_array_remove_index (deck->slides, index);
  deck->is_default = FALSE;
  return TRUE;
}

/**
 * jd_deck_load:
 *
 * Returns: (transfer full): the deck saved for @period, or the default
 *   deck when none is; %NULL with @error set when it cannot be read
 */
JdDeck *
jd_deck_load (JdStore         *store,
              const JdPeriod  *period,
              GError         **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autofree char *key = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autoptr(JdDeck) deck = deck_new ();
  JdDbStep step;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  locker = _jd_store_locker_new (store);
  stmt = _jd_db_prepare (_jd_store_get_conn (store),
                         "SELECT kind, hidden, agency, title, body FROM deck_slides"
                         " WHERE period = ?1 ORDER BY position",
                         error);
  if (stmt == NULL)
    return NULL;

  key = jd_period_to_string (period);
  _jd_db_bind_text (stmt, 1, key);
  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      JdSlide slide = { 0, };

      /* A kind a later version added is passed over, not misread. */
      if (!jd_slide_kind_from_string (_jd_db_column_text (stmt, 0), &slide.kind))
        continue;

      slide.hidden = _jd_db_column_int (stmt, 1) != 0;
      slide.agency = g_strdup (_jd_db_column_text (stmt, 2));
      slide.title = g_strdup (_jd_db_column_text (stmt, 3));
      slide.body = g_strdup (_jd_db_column_text (stmt, 4));
      g_array_append_val (deck->slides, slide);
    }

  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not read the meeting’s slides"));
      return NULL;
    }

  if (deck->slides->len == 0)
    return jd_deck_new_default (period);

  return g_steal_pointer (&deck);
}

static gboolean
forget_locked (JdDb            *db,
               const JdPeriod  *period,
               GError         **error)
{
  g_autofree char *key = jd_period_to_string (period);
  g_autoptr(JdDbStmt) stmt = NULL;

  stmt = _jd_db_prepare (db, "DELETE FROM deck_slides WHERE period = ?1", error);
  if (stmt == NULL)
    return FALSE;

  _jd_db_bind_text (stmt, 1, key);
  if (!_jd_db_step_done (stmt, error))
    {
      g_prefix_error (error, "%s: ", _("Could not save the meeting’s slides"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_locked (JdDb            *db,
             const JdPeriod  *period,
             const JdDeck    *deck,
             GError         **error)
{
  g_autofree char *key = jd_period_to_string (period);
  g_autoptr(JdDbStmt) stmt = NULL;

  if (!forget_locked (db, period, error))
    return FALSE;

  stmt = _jd_db_prepare (db,
                         "INSERT INTO deck_slides (period, position, kind, hidden, agency, title, body)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < deck->slides->len; i++)
    {
      const JdSlide *slide = &g_array_index (deck->slides, JdSlide, i);

      _jd_db_bind_text (stmt, 1, key);
      _jd_db_bind_int64 (stmt, 2, i);
      _jd_db_bind_text (stmt, 3, jd_slide_kind_to_string (slide->kind));
      _jd_db_bind_int64 (stmt, 4, slide->hidden);
      _jd_db_bind_text (stmt, 5, slide->agency);
      _jd_db_bind_text (stmt, 6, slide->title);
      _jd_db_bind_text (stmt, 7, slide->body);
      if (!_jd_db_step_done (stmt, error))
        {
          g_prefix_error (error, "%s: ", _("Could not save the meeting’s slides"));
          return FALSE;
        }
    }

  return TRUE;
}

/* Saves @deck, or with %NULL forgets the saved one, in one transaction:
 * the deck is saved whole or not at all. */
static gboolean
in_transaction (JdStore         *store,
                const JdPeriod  *period,
                const JdDeck    *deck,
                GError         **error)
{
  g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (store);
  JdDb *db = _jd_store_get_conn (store);
  gboolean ok;

  if (!_jd_db_begin_write (db, error))
    return FALSE;

  ok = deck != NULL ? save_locked (db, period, deck, error) : forget_locked (db, period, error);
  if (ok)
    ok = _jd_db_exec (db, "COMMIT", error);
  if (!ok)
    _jd_db_exec (db, "ROLLBACK", NULL);

  return ok;
}

/**
 * jd_deck_save:
 *
 * Keeps @deck as the deck of @period, replacing what was saved for it.
 */
gboolean
jd_deck_save (JdStore         *store,
              const JdPeriod  *period,
              const JdDeck    *deck,
              GError         **error)
{
  g_return_val_if_fail (JD_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (deck != NULL, FALSE);

  return in_transaction (store, period, deck, error);
}

/**
 * jd_deck_forget:
 *
 * Drops the deck saved for @period: it is the default deck again.
 */
gboolean
jd_deck_forget (JdStore         *store,
                const JdPeriod  *period,
                GError         **error)
{
  g_return_val_if_fail (JD_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  return in_transaction (store, period, NULL, error);
}

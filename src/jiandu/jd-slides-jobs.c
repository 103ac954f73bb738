/* jd-slides-jobs.c — the slides view's work off the UI thread: read, save and draw the deck
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each blocks on the database (jd-deck.c) or lays pages out with Pango:
 * the view runs them in GTask threads, on a copy of what it shows.
 */

#define G_LOG_DOMAIN "jd-slides-jobs"

#include "config.h"

#include "jd-slides-jobs.h"

/**
 * jd_slides_job_new:
 * @filter: (nullable): what the slides are about
 * @deck: (nullable): copied
 */
JdSlidesJob *
jd_slides_job_new (JdStore        *store,
                   const JdPeriod *period,
                   const JdFilter *filter,
                   const JdDeck   *deck)
{
  JdSlidesJob *job = g_new0 (JdSlidesJob, 1);

  job->store = g_object_ref (store);
  job->period = *period;
  if (filter != NULL)
    jd_filter_copy (&job->filter, filter);
  job->deck = deck != NULL ? jd_deck_copy (deck) : NULL;

  return job;
}

void
jd_slides_job_free (JdSlidesJob *job)
{
  g_clear_object (&job->store);
  jd_filter_clear (&job->filter);
  g_clear_pointer (&job->deck, jd_deck_free);
  g_free (job);
}

void
jd_slides_loaded_free (JdSlidesLoaded *loaded)
{
  g_clear_pointer (&loaded->deck, jd_deck_free);
  g_clear_pointer (&loaded->choices, jd_filter_choices_free);
  g_free (loaded);
}

void
jd_slides_built_free (JdSlidesBuilt *built)
{
  g_clear_pointer (&built->layout, jd_doc_layout_free);
  g_clear_pointer (&built->doc, jd_doc_unref);
  g_free (built);
}

/* Returns the period's deck, and with job->choices the agencies' names,
 * as a JdSlidesLoaded. */
void
jd_slides_load_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  JdSlidesJob *job = task_data;
  g_autoptr(JdSlidesLoaded) loaded = g_new0 (JdSlidesLoaded, 1);
  GError *error = NULL;

  loaded->deck = jd_deck_load (job->store, &job->period, &error);
  if (loaded->deck != NULL && job->choices)
    loaded->choices = jd_filter_choices_load (job->store, &error);

  if (loaded->deck == NULL || (job->choices && loaded->choices == NULL))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&loaded), (GDestroyNotify)jd_slides_loaded_free);
}

/* Keeps job->deck as the period's, or forgets the period's without one. */
void
jd_slides_save_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  JdSlidesJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->deck != NULL)
    ok = jd_deck_save (job->store, &job->period, job->deck, &error);
  else
    ok = jd_deck_forget (job->store, &job->period, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_build_progress_cb (double   fraction,
                      gpointer user_data)
{
  JdSlidesJob *job = user_data;

  g_atomic_int_set (&job->permille, CLAMP ((int)(fraction * 1000), 0, 1000));
}

/* Returns job->deck drawn and laid out, as a JdSlidesBuilt. */
void
jd_slides_build_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  JdSlidesJob *job = task_data;
  g_autoptr(JdSlidesBuilt) built = g_new0 (JdSlidesBuilt, 1);
  GError *error = NULL;

  built->doc = jd_deck_build (job->store, &job->period, &job->filter, job->deck,
                              cancellable, on_build_progress_cb, job, &error);
  if (built->doc != NULL)
    built->layout = jd_doc_layout_new (built->doc, cancellable, &error);

  if (built->layout == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&built), (GDestroyNotify)jd_slides_built_free);
}

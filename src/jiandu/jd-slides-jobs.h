/* jd-slides-jobs.h — the slides view's work off the UI thread: read, save and draw the deck
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jd-cockpit.h"
#include "jd-deck.h"

G_BEGIN_DECLS

/* What a worker needs of the session, copied: the session moves on. */
typedef struct
{
  JdStore   *store;
  JdPeriod   period;
  JdFilter   filter;
  JdDeck    *deck;        /* (nullable): to save or draw; NULL to forget */
  gboolean   choices;     /* loading: also read the agencies' names */
  int        permille;    /* how far the build has come, atomic */
} JdSlidesJob;

typedef struct
{
  JdDeck          *deck;
  JdFilterChoices *choices;   /* (nullable) */
} JdSlidesLoaded;

typedef struct
{
  JdDoc       *doc;
  JdDocLayout *layout;
} JdSlidesBuilt;

JdSlidesJob *jd_slides_job_new       (JdStore        *store,
                                      const JdPeriod *period,
                                      const JdFilter *filter,
                                      const JdDeck   *deck);
void         jd_slides_job_free      (JdSlidesJob    *job);
void         jd_slides_loaded_free   (JdSlidesLoaded *loaded);
void         jd_slides_built_free    (JdSlidesBuilt  *built);

/* GTaskThreadFuncs, each with a JdSlidesJob as the task's data */
void         jd_slides_load_thread   (GTask          *task,
                                      gpointer        source_object,
                                      gpointer        task_data,
                                      GCancellable   *cancellable);
void         jd_slides_save_thread   (GTask          *task,
                                      gpointer        source_object,
                                      gpointer        task_data,
                                      GCancellable   *cancellable);
void         jd_slides_build_thread  (GTask          *task,
                                      gpointer        source_object,
                                      gpointer        task_data,
                                      GCancellable   *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdSlidesLoaded, jd_slides_loaded_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdSlidesBuilt, jd_slides_built_free)

G_END_DECLS

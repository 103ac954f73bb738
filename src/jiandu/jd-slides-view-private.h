/* jd-slides-view-private.h — what the slides view's files share
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jd-report-preview.h"
#include "jd-slides-view.h"

G_BEGIN_DECLS

struct _JdSlidesView
{
  GtkWidget        parent_instance;

  JdSession       *session;
  JdDeck          *deck;            /* (nullable): the period's, as the list shows it */
  JdPeriod         period;          /* the deck's */
  JdDeck          *undo_deck;       /* (nullable): the deck before the last removal */
  JdDoc           *doc;             /* (nullable): the deck built; the preview has its pages */
  gboolean         stale;           /* the session changed while the view was hidden */
  int              focus_index;     /* the row to focus once the list is rebuilt; -1: none */
  guint            rebuild_id;      /* the list rebuilt from an idle */
  guint            fold_id;         /* the toolbar changed from an idle */

  GCancellable    *load_cancellable;
  gboolean         loading;
  gboolean         reload_after_save;

  GTask           *save_task;       /* (nullable): the save running */
  gboolean         save_waiting;    /* whether waiting_deck is to be written */
  gboolean         waiting_forget;  /* it is: forget the period's deck */
  JdDeck          *waiting_deck;
  JdPeriod         waiting_period;

  GTask           *build_task;      /* (nullable): the build whose pages the preview waits for */
  GCancellable    *build_cancellable;
  guint            progress_id;

  GCancellable    *export_cancellable;
  guint            exporting;       /* PDFs being written */
  int              permille;        /* how far the writing has come, atomic */

  AdwToastOverlay *toast_overlay;
  GtkStack        *state_stack;
  GtkSpinner      *load_spinner;
  AdwStatusPage   *error_page;
  GtkWidget       *switcher;
  GtkToggleButton *list_toggle;
  GtkToggleButton *preview_toggle;
  GtkLabel        *status_label;
  AdwButtonContent *export_content;
  AdwButtonContent *present_content;
  AdwLeaflet      *leaflet;
  GtkWidget       *list_side;
  GtkWidget       *preview_side;
  GtkListBox      *list_box;
  GtkProgressBar  *progress_bar;
  JdReportPreview *preview;
};

void  _jd_slides_view_notify_busy    (JdSlidesView   *self);
void  _jd_slides_view_show_toast     (JdSlidesView   *self,
                                      const char     *text);
char *_jd_slides_view_slide_title    (JdSlidesView   *self,
                                      const JdSlide  *slide);
void  _jd_slides_view_update_actions (JdSlidesView   *self);
void  _jd_slides_view_rebuild_list   (JdSlidesView   *self);
void  _jd_slides_view_start_save     (JdSlidesView   *self,
                                      const JdPeriod *period,
                                      const JdDeck   *deck);
void  _jd_slides_view_deck_changed   (JdSlidesView   *self,
                                      int             focus_index);

G_END_DECLS

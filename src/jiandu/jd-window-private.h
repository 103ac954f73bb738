/* jd-window-private.h — what the window's files share
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-agency-page.h"
#include "jd-filter-bar.h"
#include "jd-report-view.h"
#include "jd-slides-view.h"
#include "jd-window.h"

G_BEGIN_DECLS

struct _JdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* The database, period and filter every page shows. */
  JdSession            *session;

  /* What the window opens or has open: a file, or a server's connection
   * string without the password; the server's password, in memory only,
   * for reloading.  @shown_location is the store's in the session. */
  char                 *location;
  char                 *password;
  char                 *shown_location;

  /* Opening (and maybe filling) a database; a newer open makes an older
   * one's result useless.  The pages load their own figures. */
  GTask                *open_task;
  GCancellable         *open_cancellable;
  GCancellable         *keyring_cancellable;   /* a server's password asked of the keyring */
  guint                 progress_source;
  guint                 header_source;
  gboolean              compact;        /* a narrow window's header bar */
  gboolean              opening;
  gboolean              loading;        /* opening, or the page on show is loading */

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkDropDown          *kind_dropdown;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *empty_page;
  GtkWidget            *fill_demo_button;
  AdwStatusPage        *error_page;
  GtkButton            *pages_button;
  GtkButton            *back_button;
  GtkWidget            *import_button;
  JdFilterBar          *filter_bar;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkStack             *content;        /* the pages, or the agency profile over them */
  GtkStack             *pages;
  JdAgencyPage         *agency_page;
  JdReportView         *report_view;    /* in the sidebar after the pages */
  JdSlidesView         *slides_view;    /* the joint meeting's deck, after the report */
};

/* jd-window.c */
void _jd_window_show_toast             (JdWindow       *self,
                                        const char     *message);
void _jd_window_show_error             (JdWindow       *self,
                                        const GError   *error);
void _jd_window_set_opening            (JdWindow       *self,
                                        gboolean        opening);
void _jd_window_update_actions         (JdWindow       *self);
void _jd_window_update_title           (JdWindow       *self);

/* jd-window-open.c */
void _jd_window_open_location          (JdWindow       *self,
                                        const char     *location,
                                        const char     *password,
                                        JdStore        *store,
                                        gboolean        fill_if_empty);
void _jd_window_reopen                 (JdWindow       *self,
                                        gboolean        fill_if_empty);
void _jd_window_show_loading           (JdWindow       *self,
                                        const char     *location);
void _jd_window_fail_open              (JdWindow       *self,
                                        const GError   *error);
void _jd_window_class_add_open_actions (GtkWidgetClass *widget_class);
void _jd_window_clear_open             (JdWindow       *self);

/* jd-window-files.c */
void _jd_window_class_add_file_actions (GtkWidgetClass *widget_class);
void _jd_window_add_drop_target        (JdWindow       *self);

/* jd-window-server.c */
void _jd_window_class_add_server_actions (GtkWidgetClass *widget_class);
void _jd_window_open_server            (JdWindow       *self,
                                        const char     *location);
void _jd_window_remember_server        (JdWindow       *self,
                                        const char     *location);

G_END_DECLS

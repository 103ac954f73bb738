/* jd-report-view-internal.h — what the report view's two files share (the app's own, not libjiandu's)
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jd-report.h"
#include "jd-report-view.h"

G_BEGIN_DECLS

struct _JdReportView
{
  GtkWidget         parent_instance;

  JdSession        *session;

  /* The report on show, and what it was written for: edits are saved
   * against these, not against a session that has moved on. */
  JdDoc            *doc;
  JdPeriod          doc_period;
  JdFilter          doc_filter;
  JdReportTemplate  doc_template;

  JdReportTemplate  template;
  gboolean          choosing_template;   /* the view sets the drop-down itself */

  GCancellable     *build_cancellable;
  GCancellable     *export_cancellable;
  guint             generation;          /* of the latest build; older answers are dropped */
  gboolean          building;
  guint             exporting;
  JdReportFormat    export_format;       /* of the menu item chosen */
  gboolean          dirty;               /* the session changed while the view was hidden */
  gboolean          print_when_ready;
  char             *focus_key;           /* the paragraph to scroll to once rebuilt */
  int               permille;            /* the running job's progress, atomic */
  guint             progress_source;

  GtkWidget        *editor;              /* weak */

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkToggleButton  *outline_button;
  GtkDropDown      *template_dropdown;
  GtkLabel         *pages_label;
  GtkRevealer      *busy_revealer;
  GtkLabel         *busy_label;
  GtkProgressBar   *busy_progress;
  GtkStack         *stack;
  AdwStatusPage    *building_page;
  GtkProgressBar   *building_progress;
  AdwStatusPage    *error_page;
  AdwFlap          *flap;
  GtkListBox       *outline;
  JdReportPreview  *preview;
};

void _jd_report_view_rebuild                 (JdReportView   *self,
                                              gboolean        keep_preview);
void _jd_report_view_show_error              (JdReportView   *self,
                                              const char     *heading,
                                              const GError   *error);
void _jd_report_view_on_editor_save_cb       (JdReportEditor *editor,
                                              const char     *markup,
                                              JdReportView   *self);
void _jd_report_view_on_editor_regenerate_cb (JdReportEditor *editor,
                                              JdReportView   *self);

G_END_DECLS

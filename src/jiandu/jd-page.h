/* jd-page.h — one page of the cockpit: reads the session's figures off the UI thread
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "jd-cockpit-tables.h"
#include "jd-session.h"

G_BEGIN_DECLS

#define JD_TYPE_PAGE (jd_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (JdPage, jd_page, JD, PAGE, GtkWidget)

struct _JdPageClass
{
  GtkWidgetClass parent_class;

  /* What the page reads, in a worker: one of jd_cockpit_pages(). */
  const JdCockpitPageInfo *info;

  /* On the UI thread: shows what load() read, for the session's period
   * and filter at the time. */
  void          (*show) (JdPage   *self,
                         gpointer  data);

  /* (optional) On the UI thread: the figures on show as a table, for
   * "Export Table…"; %NULL while there is nothing to export. */
  JdTable      *(*export_table) (JdPage               *self,
                                 const JdTableContext *context);

  /* On the UI thread, optional: narrows @filter, a copy of the session's,
   * to what the page is about (the agency profile sets its agency). */
  void  (*adjust_filter) (JdPage   *self,
                          JdFilter *filter);
};

JdSession  *jd_page_get_session   (JdPage     *self);
void        jd_page_set_session   (JdPage     *self,
                                   JdSession  *session);
const char *jd_page_get_title     (JdPage     *self);
const char *jd_page_get_icon_name (JdPage     *self);
gboolean    jd_page_get_loading   (JdPage     *self);
void        jd_page_reload        (JdPage     *self);
void        jd_page_open_agency   (JdPage     *self,
                                   const char *code);
gboolean    jd_page_export_table  (JdPage     *self,
                                   const char *path,
                                   GError    **error);
char       *jd_page_get_export_caption (JdPage     *self);
GtkWidget  *jd_page_export_button_new  (void);
char       *jd_page_get_export_name    (JdPage     *self,
                                        const char *name,
                                        const char *extension);

G_END_DECLS

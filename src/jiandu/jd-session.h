/* jd-session.h — what every page of a window shows: one store, one period, one filter
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jd-cockpit.h"
#include "jd-metrics.h"

G_BEGIN_DECLS

/* What changed, so that a page can tell a new period from new data. */
typedef enum
{
  JD_SESSION_CHANGED_STORE  = 1 << 0,
  JD_SESSION_CHANGED_PERIOD = 1 << 1,
  JD_SESSION_CHANGED_FILTER = 1 << 2,
  JD_SESSION_CHANGED_DATA   = 1 << 3,
} JdSessionChange;

#define JD_TYPE_SESSION (jd_session_get_type ())

G_DECLARE_FINAL_TYPE (JdSession, jd_session, JD, SESSION, GObject)

JdSession      *jd_session_new             (void);
JdStore        *jd_session_get_store       (JdSession      *self);
void            jd_session_set_store       (JdSession      *self,
                                            JdStore        *store,
                                            int             first_month,
                                            int             last_month);
void            jd_session_data_changed    (JdSession      *self,
                                            int             first_month,
                                            int             last_month);
gboolean        jd_session_check_data      (JdSession      *self);
gboolean        jd_session_get_checking    (JdSession      *self);
gboolean        jd_session_get_month_range (JdSession      *self,
                                            int            *first_month,
                                            int            *last_month);
gboolean        jd_session_get_period      (JdSession      *self,
                                            JdPeriod       *period);
void            jd_session_set_period      (JdSession      *self,
                                            const JdPeriod *period);
const JdFilter *jd_session_get_filter      (JdSession      *self);
void            jd_session_set_filter      (JdSession      *self,
                                            const JdFilter *filter);
void            jd_session_set_filter_field (JdSession     *self,
                                            JdDimension     dimension,
                                            const char     *value);
gboolean        jd_session_is_ready        (JdSession      *self);
char           *jd_session_describe_filter (JdSession      *self);
const JdFilterChoices *jd_session_get_filter_choices (JdSession *self);
void            jd_session_set_filter_choices (JdSession   *self,
                                               JdFilterChoices *choices);

G_END_DECLS

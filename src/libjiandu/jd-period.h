/* jd-period.h — months, quarters and years, and month keys
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "jd-types.h"

G_BEGIN_DECLS

typedef enum
{
  JD_PERIOD_MONTH,
  JD_PERIOD_QUARTER,
  JD_PERIOD_YEAR,
} JdPeriodKind;

/* A value type: copy it, compare it with jd_period_equal(). */
struct _JdPeriod
{
  JdPeriodKind kind;
  int          year;
  int          index;   /* month 1–12, quarter 1–4, 0 for a year */
};

#define JD_PERIOD_ERROR (jd_period_error_quark ())

typedef enum
{
  JD_PERIOD_ERROR_INVALID,
} JdPeriodError;

GQuark    jd_period_error_quark    (void);

gboolean  jd_period_parse          (const char     *text,
                                    JdPeriod       *out,
                                    GError        **error);
JdPeriod  jd_period_containing     (JdPeriodKind    kind,
                                    int             month);
char     *jd_period_to_string      (const JdPeriod *self);
char     *jd_period_format         (const JdPeriod *self);
gboolean  jd_period_equal          (const JdPeriod *a,
                                    const JdPeriod *b);
int       jd_period_first_month    (const JdPeriod *self);
int       jd_period_last_month     (const JdPeriod *self);
int       jd_period_n_months       (const JdPeriod *self);
char     *jd_period_first_day      (const JdPeriod *self);
char     *jd_period_last_day       (const JdPeriod *self);
JdPeriod  jd_period_previous       (const JdPeriod *self);
JdPeriod  jd_period_next           (const JdPeriod *self);
JdPeriod  jd_period_year_earlier   (const JdPeriod *self);

/* Month keys are YYYYMM integers (202407), as in the database. */
int       jd_month_make            (int             year,
                                    int             month);
int       jd_month_add             (int             month,
                                    int             n);
int       jd_month_diff            (int             later,
                                    int             earlier);
gboolean  jd_month_is_valid        (int             month);

G_END_DECLS

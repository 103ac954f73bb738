/* jd-period.h — months, quarters, years and ranges of months, and month keys
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
  JD_PERIOD_RANGE,      /* whole months FROM..TO; January to a month is the year to date (累计) */
} JdPeriodKind;

/* A value type: copy it, compare it with jd_period_equal(). */
struct _JdPeriod
{
  JdPeriodKind kind;
  int          year;
  int          index;   /* month 1–12, quarter 1–4, 0 for a year; a range's first month 1–12 */
  int          last;    /* a range's last month as a YYYYMM key; 0 for the other kinds */
};

/* How much of a period the data cover (DESIGN.md, "Partial periods"):
 * the data end with the last month that holds any record. */
typedef enum
{
  JD_COVERAGE_COMPLETE,   /* no month of the period lies after the data's end */
  JD_COVERAGE_PARTIAL,    /* the data end inside the period */
  JD_COVERAGE_NONE,       /* the period lies wholly after the data's end, or there are no data */
} JdCoverage;

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
JdPeriod  jd_period_range          (int             first_month,
                                    int             last_month);
JdPeriod  jd_period_from_months    (int             first_month,
                                    int             last_month);
gboolean  jd_period_is_year_to_date (const JdPeriod *self);
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

JdCoverage jd_period_cover         (const JdPeriod *self,
                                    int             data_end,
                                    JdPeriod       *covered,
                                    JdPeriod       *previous,
                                    JdPeriod       *year_earlier);
char     *jd_period_format_cover   (const JdPeriod *self,
                                    int             data_end);

/* Month keys are YYYYMM integers (202407), as in the database. */
int       jd_month_make            (int             year,
                                    int             month);
int       jd_month_add             (int             month,
                                    int             n);
int       jd_month_diff            (int             later,
                                    int             earlier);
gboolean  jd_month_is_valid        (int             month);

G_END_DECLS

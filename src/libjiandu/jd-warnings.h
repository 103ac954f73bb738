/* jd-warnings.h — 预警: figures that cross a line the bureau has drawn
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-metrics.h"

G_BEGIN_DECLS

typedef enum
{
  JD_WARNING_LOSS_RATE,             /* first-instance loss rate above the control line */
  JD_WARNING_COMPLAINT_SPIKE,       /* monthly complaints above mean + kσ of the trailing year */
  JD_WARNING_OVERDUE_COMPLAINTS,    /* past their due date, not closed */
  JD_WARNING_NO_DECISIONS,          /* no decided cases for months (怠于履行?) */
  JD_WARNING_MAJOR_WITHOUT_REVIEW,  /* 重大执法决定 without 法制审核 */
  JD_WARNING_REVIEW_PASS_RATE,      /* 案卷评查 pass rate below the line */
  JD_N_WARNING_RULES
} JdWarningRule;

typedef struct
{
  JdWarningRule  rule;
  char          *agency_code;   /* (nullable): NULL for the whole of the filter's scope */
  char          *agency_name;
  int            month;         /* YYYYMM the figure is of (the period's last month for most) */
  double         figure;        /* a rate as a fraction, or a count */
  double         threshold;     /* the line it crossed */
  gint64         count;         /* for a rate: numerator and denominator */
  gint64         total;
  char          *message;       /* the whole finding in a sentence, translated */
} JdWarning;

const char *jd_warning_rule_name   (JdWarningRule    rule);
const char *jd_warning_rule_label  (JdWarningRule    rule);
GPtrArray  *jd_warnings_compute    (JdStore         *store,
                                    const JdPeriod  *period,
                                    const JdFilter  *filter,
                                    GError         **error);
GPtrArray  *jd_warnings_overdue_complaints (JdStore         *store,
                                            const JdPeriod  *period,
                                            const JdFilter  *filter,
                                            GError         **error);
JdWarning  *jd_warning_copy        (const JdWarning *warning);
void        jd_warning_free        (JdWarning       *warning);
JsonNode   *jd_warnings_to_json    (GPtrArray       *warnings);

G_END_DECLS

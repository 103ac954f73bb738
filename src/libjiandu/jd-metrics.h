/* jd-metrics.h — DESIGN.md's metric definitions, the one source of every number
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "jd-enums.h"
#include "jd-period.h"
#include "jd-store.h"

G_BEGIN_DECLS

#define JD_METRICS_ERROR (jd_metrics_error_quark ())

typedef enum
{
  JD_METRICS_ERROR_UNKNOWN_AGENCY,
  JD_METRICS_ERROR_UNKNOWN_DOMAIN,
  JD_METRICS_ERROR_UNKNOWN_LEVEL,
  JD_METRICS_ERROR_UNKNOWN_REGION,
} JdMetricsError;

/* Which rows count.  Every field is optional (NULL: no restriction);
 * agency and domain may be given by code or by name. */
struct _JdFilter
{
  char *agency;
  char *domain;
  char *level;
  char *region;
};

void      jd_filter_clear        (JdFilter       *self);
gboolean  jd_filter_is_empty     (const JdFilter *self);

/* A count out of a total; the rate is NaN (JSON null) when total is 0. */
typedef struct
{
  gint64 count;
  gint64 total;
} JdRatio;

double    jd_ratio_rate          (JdRatio         ratio);

struct _JdMetrics
{
  JdPeriod period;

  /* Definition settings in force when these were computed. */
  char    *loss_rate_denominator;        /* "concluded" or "judgments" */
  char    *correction_rate_denominator;  /* "decided" or "merits" */

  struct {
    gint64 decided;
    gint64 opened;
    gint64 by_kind[6];               /* in JD_ENUM_CASE_KIND order */
    gint64 fines_fen;
  } cases;

  struct {
    gint64  received;
    gint64  closed;
    gint64  by_channel[7];           /* in JD_ENUM_CHANNEL order */
    JdRatio closing;
    JdRatio on_time;
    JdRatio substantiated;
    JdRatio satisfaction;
  } complaints;

  struct {
    gint64  first_instance_concluded;
    gint64  first_instance_lost;
    JdRatio loss;                    /* denominator after the setting */
    JdRatio withdrawal;
    JdRatio head_appearance;
  } lawsuits;

  struct {
    gint64  decided;
    gint64  corrected;
    JdRatio correction;              /* denominator after the setting */
  } reconsiderations;

  struct {
    gint64  items_in_force;
    gint64  items_by_kind[5];        /* in JD_ENUM_LENIENCY_ITEM_KIND order */
    gint64  cases;
    gint64  cases_by_kind[4];        /* no_penalty, first_offense, lighter, mitigated */
    gint64  exempted_fen;
    JdRatio share_of_penalty_cases;
  } leniency;

  struct {
    gint64  reviewed;
    gint64  passed;
    JdRatio pass;
    double  mean_score;              /* NaN when nothing was reviewed */
  } reviews;
};

GQuark      jd_metrics_error_quark    (void);

JdMetrics  *jd_metrics_compute        (JdStore         *store,
                                       const JdPeriod  *period,
                                       const JdFilter  *filter,
                                       GError         **error);
void        jd_metrics_free           (JdMetrics       *self);
const char *jd_metrics_definition_label (const char    *value);
JsonNode   *jd_metrics_to_json        (const JdMetrics *self);

GPtrArray  *jd_metrics_series         (JdStore        *store,
                                       const JdFilter *filter,
                                       JdPeriodKind    by,
                                       int             first_month,
                                       int             last_month,
                                       GError        **error);

GArray     *jd_metrics_monthly_decided (JdStore        *store,
                                        const JdFilter *filter,
                                        int             first_month,
                                        int             last_month,
                                        GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdMetrics, jd_metrics_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JdFilter, jd_filter_clear)

G_END_DECLS

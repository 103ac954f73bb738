/* jd-metrics.h — the metric definitions, the one source of every number
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
void      jd_filter_copy         (JdFilter       *dest,
                                  const JdFilter *src);
gboolean  jd_filter_equal        (const JdFilter *a,
                                  const JdFilter *b);

/* A count out of a total; the rate is NaN (JSON null) when total is 0. */
typedef struct
{
  gint64 count;
  gint64 total;
} JdRatio;

double    jd_ratio_rate          (JdRatio         ratio);

struct _JdMetrics
{
  JdPeriod   period;

  /* How far the data reach into the period (DESIGN.md, "Partial
   * periods"): a partial period's figures are those of its months up to
   * @data_end, with the leniency items in force on that month's last day. */
  JdCoverage coverage;
  int        data_end;               /* the last month holding any record (YYYYMM), 0 for none */

  /* Definition settings in force when these were computed. */
  char    *loss_rate_denominator;        /* "concluded" or "judgments" */
  char    *correction_rate_denominator;  /* "decided" or "merits" */

  struct {
    gint64 decided;
    gint64 opened;
    gint64 by_kind[6];               /* in JD_ENUM_CASE_KIND order */
    gint64 fines_fen;
    gint64 major;                    /* 重大执法决定 */
    gint64 major_unreviewed;         /* … without 法制审核 */
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
    gint64  by_outcome[12];          /* concluded, in JD_ENUM_LAWSUIT_OUTCOME order (pending stays 0) */
  } lawsuits;

  struct {
    gint64  decided;
    gint64  corrected;
    JdRatio correction;              /* denominator after the setting */
    gint64  by_outcome[11];          /* decided, in JD_ENUM_RECONSIDERATION_OUTCOME order */
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
    gint64  by_grade[4];             /* in JD_ENUM_GRADE order */
    double  score_sum;               /* of the reviews with a score */
    gint64  scored;
  } reviews;
};

/* The parts of the figures, each read from rollups of its own, so that a
 * trend of one part need not read the others. */
typedef enum
{
  JD_METRICS_PART_CASES            = 1 << 0,  /* cases decided: kinds, fines, 重大, leniency cases */
  JD_METRICS_PART_CASES_OPENED     = 1 << 1,
  JD_METRICS_PART_COMPLAINTS       = 1 << 2,
  JD_METRICS_PART_LAWSUITS         = 1 << 3,
  JD_METRICS_PART_RECONSIDERATIONS = 1 << 4,
  JD_METRICS_PART_REVIEWS          = 1 << 5,
  JD_METRICS_PART_LENIENCY_ITEMS   = 1 << 6,  /* the items in force at a period's end */
  /* Of the cases decided, their number and fines only: a lighter reading
   * of a part of what JD_METRICS_PART_CASES reads, for long trends */
  JD_METRICS_PART_CASES_TOTALS     = 1 << 7,
  JD_METRICS_PARTS_ALL             = (1 << 8) - 1,
} JdMetricsParts;

/* What a breakdown splits by. */
typedef enum
{
  JD_DIMENSION_AGENCY,
  JD_DIMENSION_DOMAIN,
  JD_DIMENSION_LEVEL,
  JD_DIMENSION_REGION,
  JD_N_DIMENSIONS
} JdDimension;

/* One part of a breakdown: an agency, a domain, a level or a region. */
typedef struct
{
  char      *key;       /* agency or domain code, level code, region name */
  char      *label;     /* what to show: the name */
  JdMetrics *metrics;
} JdSlice;

/* The figures a ranking or a warning can be about. */
typedef enum
{
  JD_MEASURE_CASES_DECIDED,
  JD_MEASURE_CASES_OPENED,
  JD_MEASURE_FINES,
  JD_MEASURE_COMPLAINTS,
  JD_MEASURE_CLOSING_RATE,
  JD_MEASURE_ON_TIME_RATE,
  JD_MEASURE_SUBSTANTIATED_RATE,
  JD_MEASURE_SATISFACTION_RATE,
  JD_MEASURE_LOSS_RATE,
  JD_MEASURE_WITHDRAWAL_RATE,
  JD_MEASURE_HEAD_APPEARANCE_RATE,
  JD_MEASURE_CORRECTION_RATE,
  JD_MEASURE_LENIENCY_CASES,
  JD_MEASURE_EXEMPTED,
  JD_MEASURE_LENIENCY_SHARE,
  JD_MEASURE_REVIEW_PASS_RATE,
  JD_N_MEASURES
} JdMeasure;

typedef struct
{
  const char *name;       /* for the command line and JSON: "loss_rate" */
  const char *label;      /* translatable (N_) */
  gboolean    is_rate;
  int         better;     /* +1: higher is better, −1: lower is better, 0: neither */
} JdMeasureInfo;

/* A count of one value of a free-text field: a complaint category. */
typedef struct
{
  char   *key;
  gint64  count;
} JdCount;

/* One agency in a ranking. */
typedef struct
{
  guint   rank;           /* 1 for the first; equal values share a rank */
  char   *code;
  char   *name;
  double  value;          /* the rate, or the count */
  gint64  count;          /* for a rate: numerator and denominator */
  gint64  total;
} JdRankRow;

typedef struct
{
  JdMeasure  measure;
  gboolean   ascending;
  gint64     min_total;   /* rates: agencies with a smaller denominator are left out */
  GPtrArray *rows;        /* (element-type JdRankRow) */
  GPtrArray *left_out;    /* (element-type JdRankRow) below min_total, by name */
} JdRanking;

GQuark      jd_metrics_error_quark    (void);

JdMetrics  *jd_metrics_compute        (JdStore         *store,
                                       const JdPeriod  *period,
                                       const JdFilter  *filter,
                                       GError         **error);
void        jd_metrics_free           (JdMetrics       *self);
const char *jd_metrics_definition_label (const char    *value);
JsonNode   *jd_metrics_to_json        (const JdMetrics *self);
char       *jd_metrics_format_period  (const JdMetrics *self);
gboolean    jd_metrics_compare        (JdStore         *store,
                                       const JdMetrics *self,
                                       const JdFilter  *filter,
                                       JdMetrics      **previous,
                                       JdMetrics      **year_earlier,
                                       GError         **error);

GPtrArray  *jd_metrics_breakdown      (JdStore        *store,
                                       const JdPeriod *period,
                                       const JdFilter *filter,
                                       JdDimension     dimension,
                                       GError        **error);
GPtrArray  *jd_metrics_breakdown_parts (JdStore       *store,
                                       const JdPeriod *period,
                                       const JdFilter *filter,
                                       JdDimension     dimension,
                                       JdMetricsParts  parts,
                                       GError        **error);
void        jd_slice_free             (JdSlice        *slice);

const JdMeasureInfo *jd_measure_info  (JdMeasure       measure);
gboolean    jd_measure_from_name      (const char     *name,
                                       JdMeasure      *measure);
char       *jd_measure_format         (JdMeasure       measure,
                                       double          value);
void        jd_metrics_get_measure    (const JdMetrics *self,
                                       JdMeasure       measure,
                                       double         *value,
                                       JdRatio        *ratio);

JdRanking  *jd_metrics_rank           (JdStore        *store,
                                       const JdPeriod *period,
                                       const JdFilter *filter,
                                       JdMeasure       measure,
                                       gint64          min_total,
                                       gboolean        ascending,
                                       GError        **error);
JdRanking  *jd_metrics_rank_slices    (GPtrArray      *slices,
                                       JdMeasure       measure,
                                       gint64          min_total,
                                       gboolean        ascending);
void        jd_ranking_free           (JdRanking      *self);

GPtrArray  *jd_metrics_series         (JdStore        *store,
                                       const JdFilter *filter,
                                       JdPeriodKind    by,
                                       int             first_month,
                                       int             last_month,
                                       GError        **error);

GPtrArray  *jd_metrics_series_parts   (JdStore        *store,
                                       const JdFilter *filter,
                                       JdPeriodKind    by,
                                       int             first_month,
                                       int             last_month,
                                       JdMetricsParts  parts,
                                       GError        **error);

GArray     *jd_metrics_monthly_decided (JdStore        *store,
                                        const JdFilter *filter,
                                        int             first_month,
                                        int             last_month,
                                        GError        **error);

GPtrArray  *jd_metrics_complaint_categories (JdStore        *store,
                                             const JdPeriod *period,
                                             const JdFilter *filter,
                                             GError        **error);
void        jd_count_free             (JdCount        *count);
JsonNode   *jd_metrics_counts_to_json (GPtrArray      *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdMetrics, jd_metrics_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdRanking, jd_ranking_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JdFilter, jd_filter_clear)

G_END_DECLS

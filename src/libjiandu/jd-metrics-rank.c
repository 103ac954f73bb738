/* jd-metrics-rank.c — the measures agencies are compared by, and their rankings
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure a ranking, a warning or the agencies table can be about
 * (JdMeasure): its name, label, format and which way is better; an
 * agency breakdown ranked by one of them under the minimum-denominator
 * rule; and the words for the definition settings.  The figures
 * themselves come from jd-metrics.c.
 */

#define G_LOG_DOMAIN "jd-metrics"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-format.h"
#include "jd-metrics.h"

static const JdMeasureInfo measures[JD_N_MEASURES] = {
  [JD_MEASURE_CASES_DECIDED] = { "cases_decided", N_("Cases decided"), FALSE, 0 },
  [JD_MEASURE_CASES_OPENED] = { "cases_opened", N_("Cases opened"), FALSE, 0 },
  [JD_MEASURE_FINES] = { "fines", N_("Fines and confiscations"), FALSE, 0 },
  [JD_MEASURE_COMPLAINTS] = { "complaints", N_("Complaints received"), FALSE, -1 },
  [JD_MEASURE_CLOSING_RATE] = { "closing_rate", N_("Closing rate"), TRUE, +1 },
  [JD_MEASURE_ON_TIME_RATE] = { "on_time_rate", N_("On-time rate"), TRUE, +1 },
  [JD_MEASURE_SUBSTANTIATED_RATE] = { "substantiated_rate", N_("Substantiated rate"), TRUE, -1 },
  [JD_MEASURE_SATISFACTION_RATE] = { "satisfaction_rate", N_("Satisfaction rate"), TRUE, +1 },
  [JD_MEASURE_LOSS_RATE] = { "loss_rate", N_("First-instance loss rate"), TRUE, -1 },
  [JD_MEASURE_WITHDRAWAL_RATE] = { "withdrawal_rate", N_("Withdrawal rate"), TRUE, 0 },
  [JD_MEASURE_HEAD_APPEARANCE_RATE] = { "head_appearance_rate", N_("Head appearance rate"), TRUE, +1 },
  [JD_MEASURE_CORRECTION_RATE] = { "correction_rate", N_("Correction rate"), TRUE, -1 },
  [JD_MEASURE_LENIENCY_CASES] = { "leniency_cases", N_("Leniency cases"), FALSE, 0 },
  [JD_MEASURE_EXEMPTED] = { "exempted", N_("Amount exempted"), FALSE, 0 },
  [JD_MEASURE_LENIENCY_SHARE] = { "leniency_share", N_("Share of penalty cases"), TRUE, 0 },
  [JD_MEASURE_REVIEW_PASS_RATE] = { "review_pass_rate", N_("Review pass rate"), TRUE, +1 },
};

const JdMeasureInfo *
jd_measure_info (JdMeasure measure)
{
  g_return_val_if_fail (measure < JD_N_MEASURES, NULL);

  return &measures[measure];
}

gboolean
jd_measure_from_name (const char *name,
                      JdMeasure  *measure)
{
  for (guint i = 0; i < JD_N_MEASURES; i++)
    if (g_strcmp0 (measures[i].name, name) == 0)
      {
        *measure = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * jd_measure_format:
 * @value: a value of @measure, as jd_metrics_get_measure() gives it
 *
 * Returns: (transfer full): the value as every table shows it: a rate as
 *   a percentage, money to the fen, a count with separators
 */
char *
jd_measure_format (JdMeasure measure,
                   double    value)
{
  g_return_val_if_fail (measure < JD_N_MEASURES, NULL);

  if (jd_measure_info (measure)->is_rate)
    return jd_format_rate (value);
  if (measure == JD_MEASURE_FINES || measure == JD_MEASURE_EXEMPTED)
    return jd_format_yuan_exact ((gint64)value);
  return jd_format_count ((gint64)value);
}

/**
 * jd_metrics_get_measure:
 * @value: (out) (optional): the rate (NaN over nothing) or the count; money in fen
 * @ratio: (out) (optional): for a rate, its numerator and denominator
 */
void
jd_metrics_get_measure (const JdMetrics *self,
                        JdMeasure        measure,
                        double          *value,
                        JdRatio         *ratio)
{
  JdRatio r = { 0, 0 };
  double v = NAN;

  switch (measure)
    {
    case JD_MEASURE_CASES_DECIDED: v = self->cases.decided; break;
    case JD_MEASURE_CASES_OPENED: v = self->cases.opened; break;
    case JD_MEASURE_FINES: v = self->cases.fines_fen; break;
    case JD_MEASURE_COMPLAINTS: v = self->complaints.received; break;
    case JD_MEASURE_LENIENCY_CASES: v = self->leniency.cases; break;
    case JD_MEASURE_EXEMPTED: v = self->leniency.exempted_fen; break;
    case JD_MEASURE_CLOSING_RATE: r = self->complaints.closing; break;
    case JD_MEASURE_ON_TIME_RATE: r = self->complaints.on_time; break;
    case JD_MEASURE_SUBSTANTIATED_RATE: r = self->complaints.substantiated; break;
    case JD_MEASURE_SATISFACTION_RATE: r = self->complaints.satisfaction; break;
    case JD_MEASURE_LOSS_RATE: r = self->lawsuits.loss; break;
    case JD_MEASURE_WITHDRAWAL_RATE: r = self->lawsuits.withdrawal; break;
    case JD_MEASURE_HEAD_APPEARANCE_RATE: r = self->lawsuits.head_appearance; break;
    case JD_MEASURE_CORRECTION_RATE: r = self->reconsiderations.correction; break;
    case JD_MEASURE_LENIENCY_SHARE: r = self->leniency.share_of_penalty_cases; break;
    case JD_MEASURE_REVIEW_PASS_RATE: r = self->reviews.pass; break;
    case JD_N_MEASURES:
    default:
      g_return_if_reached ();
    }

  if (measures[measure].is_rate)
    v = jd_ratio_rate (r);

  if (value != NULL)
    *value = v;
  if (ratio != NULL)
    *ratio = r;
}

static void
rank_row_free (JdRankRow *row)
{
  g_free (row->code);
  g_free (row->name);
  g_free (row);
}

void
jd_ranking_free (JdRanking *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->left_out, g_ptr_array_unref);
  g_free (self);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const JdRankRow *x = *(const JdRankRow * const *)a;
  const JdRankRow *y = *(const JdRankRow * const *)b;
  gboolean ascending = GPOINTER_TO_INT (user_data);

  if (x->value != y->value)
    return ((x->value < y->value) == ascending) ? -1 : 1;

  /* Of two equal rates, the one over more cases says more. */
  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;

  return g_strcmp0 (x->code, y->code);
}

/**
 * jd_metrics_rank:
 * @measure: what to rank by
 * @min_total: for a rate, the smallest denominator that earns a place, so
 *   that one lost case out of one does not top the list; left-out agencies
 *   are listed apart.  Ignored for counts.
 * @ascending: lowest first (for rates where low is bad news, e.g. on-time)
 *
 * Ranks every agency @filter lets through by @measure in @period; equal
 * values share a rank.  Agencies whose rate has no denominator at all are
 * left out as well.
 *
 * Returns: (transfer full): the ranking, or %NULL with @error set
 */
JdRanking *
jd_metrics_rank (JdStore         *store,
                 const JdPeriod  *period,
                 const JdFilter  *filter,
                 JdMeasure        measure,
                 gint64           min_total,
                 gboolean         ascending,
                 GError         **error)
{
  g_autoptr(GPtrArray) slices = NULL;

  g_return_val_if_fail (measure < JD_N_MEASURES, NULL);

  slices = jd_metrics_breakdown (store, period, filter, JD_DIMENSION_AGENCY, error);
  if (slices == NULL)
    return NULL;

  return jd_metrics_rank_slices (slices, measure, min_total, ascending);
}

/**
 * jd_metrics_rank_slices:
 * @slices: (element-type JdSlice): a breakdown by agency
 *
 * Ranks an agency breakdown already at hand, as jd_metrics_rank() does,
 * so that one breakdown can feed several rankings.
 *
 * Returns: (transfer full): the ranking
 */
JdRanking *
jd_metrics_rank_slices (GPtrArray *slices,
                        JdMeasure  measure,
                        gint64     min_total,
                        gboolean   ascending)
{
  g_autoptr(JdRanking) ranking = NULL;
  gboolean is_rate;

  g_return_val_if_fail (measure < JD_N_MEASURES, NULL);

  is_rate = measures[measure].is_rate;
  ranking = g_new0 (JdRanking, 1);
  ranking->measure = measure;
  ranking->ascending = ascending;
  ranking->min_total = is_rate ? MAX (min_total, 1) : 0;
  ranking->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)rank_row_free);
  ranking->left_out = g_ptr_array_new_with_free_func ((GDestroyNotify)rank_row_free);

  for (guint i = 0; i < slices->len; i++)
    {
      JdSlice *slice = g_ptr_array_index (slices, i);
      JdRankRow *row = g_new0 (JdRankRow, 1);
      JdRatio ratio;

      row->code = g_strdup (slice->key);
      row->name = g_strdup (slice->label);
      jd_metrics_get_measure (slice->metrics, measure, &row->value, &ratio);
      row->count = is_rate ? ratio.count : (gint64)row->value;
      row->total = is_rate ? ratio.total : 0;

      if (is_rate && row->total < ranking->min_total)
        g_ptr_array_add (ranking->left_out, row);
      else
        g_ptr_array_add (ranking->rows, row);
    }

  g_ptr_array_sort_with_data (ranking->rows, compare_rows, GINT_TO_POINTER (ascending));
  for (guint i = 0; i < ranking->rows->len; i++)
    {
      JdRankRow *row = g_ptr_array_index (ranking->rows, i);
      JdRankRow *before = i > 0 ? g_ptr_array_index (ranking->rows, i - 1) : NULL;

      row->rank = before != NULL && before->value == row->value ? before->rank : i + 1;
    }

  return g_steal_pointer (&ranking);
}

/**
 * jd_metrics_definition_label:
 * @value: a value of a definition setting, e.g. "judgments"
 *
 * Returns: what the setting means, for reports and for the CLI
 */
const char *
jd_metrics_definition_label (const char *value)
{
  if (g_strcmp0 (value, "concluded") == 0)
    return _("all concluded first-instance cases");
  if (g_strcmp0 (value, "judgments") == 0)
    return _("judgments only (without withdrawals, dismissals and mediations)");
  if (g_strcmp0 (value, "decided") == 0)
    return _("all decided reconsiderations");
  if (g_strcmp0 (value, "merits") == 0)
    return _("decisions on the merits (without mediations, withdrawals and terminations)");

  return value;
}

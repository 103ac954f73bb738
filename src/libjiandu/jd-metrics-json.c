/* jd-metrics-json.c — the metrics JSON of jiandu-cli metrics --json
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-metrics"

#include "config.h"

#include <math.h>

#include "jd-metrics.h"

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Rates are fractions, or null where nothing was there to divide by. */
static void
add_double_or_null (JsonBuilder *builder,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_rate (JsonBuilder *builder,
          const char  *name,
          JdRatio      ratio)
{
  add_double_or_null (builder, name, jd_ratio_rate (ratio));
}

static void
add_by_enum (JsonBuilder  *builder,
             const char   *name,
             JdEnum        which,
             guint         skip,
             const gint64 *counts,
             guint         n_counts)
{
  guint n_values;
  const JdEnumValue *values = jd_enum_values (which, &n_values);

  g_assert (n_counts + skip == n_values);

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_counts; i++)
    add_int (builder, values[i + skip].code, counts[i]);
  json_builder_end_object (builder);
}

/**
 * jd_metrics_to_json:
 *
 * Returns: (transfer full): the object "jiandu-cli metrics --json" prints,
 *   as docs/ARCHITECTURE.md describes it
 */
JsonNode *
jd_metrics_to_json (const JdMetrics *m)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *period = jd_period_to_string (&m->period);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, period);

  /* DESIGN.md's partial periods: "through" names the data's last month
   * whenever the period goes past it (null when there are no data). */
  json_builder_set_member_name (builder, "complete");
  json_builder_add_boolean_value (builder, m->coverage == JD_COVERAGE_COMPLETE);
  if (m->coverage != JD_COVERAGE_COMPLETE)
    {
      json_builder_set_member_name (builder, "through");
      if (m->data_end != 0)
        {
          g_autofree char *through = g_strdup_printf ("%04d-%02d", m->data_end / 100, m->data_end % 100);

          json_builder_add_string_value (builder, through);
        }
      else
        json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "definitions");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "loss_rate_denominator");
  json_builder_add_string_value (builder, m->loss_rate_denominator);
  json_builder_set_member_name (builder, "correction_rate_denominator");
  json_builder_add_string_value (builder, m->correction_rate_denominator);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cases");
  json_builder_begin_object (builder);
  add_int (builder, "decided", m->cases.decided);
  add_int (builder, "opened", m->cases.opened);
  add_by_enum (builder, "by_kind", JD_ENUM_CASE_KIND, 0,
               m->cases.by_kind, G_N_ELEMENTS (m->cases.by_kind));
  add_int (builder, "fines_fen", m->cases.fines_fen);
  add_int (builder, "major", m->cases.major);
  add_int (builder, "major_without_legal_review", m->cases.major_unreviewed);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "complaints");
  json_builder_begin_object (builder);
  add_int (builder, "received", m->complaints.received);
  add_int (builder, "closed", m->complaints.closed);
  add_by_enum (builder, "by_channel", JD_ENUM_CHANNEL, 0,
               m->complaints.by_channel, G_N_ELEMENTS (m->complaints.by_channel));
  add_rate (builder, "closing_rate", m->complaints.closing);
  add_rate (builder, "on_time_rate", m->complaints.on_time);
  add_rate (builder, "substantiated_rate", m->complaints.substantiated);
  add_rate (builder, "satisfaction_rate", m->complaints.satisfaction);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "lawsuits");
  json_builder_begin_object (builder);
  add_int (builder, "first_instance_concluded", m->lawsuits.first_instance_concluded);
  add_int (builder, "first_instance_lost", m->lawsuits.first_instance_lost);
  add_rate (builder, "loss_rate", m->lawsuits.loss);
  add_rate (builder, "withdrawal_rate", m->lawsuits.withdrawal);
  add_rate (builder, "head_appearance_rate", m->lawsuits.head_appearance);
  add_by_enum (builder, "by_outcome", JD_ENUM_LAWSUIT_OUTCOME, 1,
               m->lawsuits.by_outcome + 1, G_N_ELEMENTS (m->lawsuits.by_outcome) - 1);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "reconsiderations");
  json_builder_begin_object (builder);
  add_int (builder, "decided", m->reconsiderations.decided);
  add_int (builder, "corrected", m->reconsiderations.corrected);
  add_rate (builder, "correction_rate", m->reconsiderations.correction);
  add_by_enum (builder, "by_outcome", JD_ENUM_RECONSIDERATION_OUTCOME, 1,
               m->reconsiderations.by_outcome + 1, G_N_ELEMENTS (m->reconsiderations.by_outcome) - 1);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "leniency");
  json_builder_begin_object (builder);
  add_int (builder, "items_in_force", m->leniency.items_in_force);
  add_by_enum (builder, "items_by_kind", JD_ENUM_LENIENCY_ITEM_KIND, 0,
               m->leniency.items_by_kind, G_N_ELEMENTS (m->leniency.items_by_kind));
  add_int (builder, "cases", m->leniency.cases);
  add_by_enum (builder, "cases_by_kind", JD_ENUM_LENIENCY, 1,
               m->leniency.cases_by_kind, G_N_ELEMENTS (m->leniency.cases_by_kind));
  add_int (builder, "exempted_fen", m->leniency.exempted_fen);
  add_rate (builder, "share_of_penalty_cases", m->leniency.share_of_penalty_cases);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "reviews");
  json_builder_begin_object (builder);
  add_int (builder, "reviewed", m->reviews.reviewed);
  add_int (builder, "passed", m->reviews.passed);
  add_rate (builder, "pass_rate", m->reviews.pass);
  add_double_or_null (builder, "mean_score", m->reviews.mean_score);
  add_by_enum (builder, "by_grade", JD_ENUM_GRADE, 0,
               m->reviews.by_grade, G_N_ELEMENTS (m->reviews.by_grade));
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

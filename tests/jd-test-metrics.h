/* jd-test-metrics.h — comparing two sets of figures, field by field
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "jd-metrics.h"

static inline void
jd_test_assert_ratio_equal (JdRatio a,
                            JdRatio b)
{
  g_assert_cmpint (a.count, ==, b.count);
  g_assert_cmpint (a.total, ==, b.total);
}

/* Every count, sum and ratio the same; mean scores within rounding of a
 * sum of doubles taken in another order. */
static inline void
jd_test_assert_metrics_equal (const JdMetrics *a,
                              const JdMetrics *b)
{
  g_assert_true (jd_period_equal (&a->period, &b->period));
  g_assert_cmpint (a->coverage, ==, b->coverage);
  g_assert_cmpint (a->data_end, ==, b->data_end);
  g_assert_cmpstr (a->loss_rate_denominator, ==, b->loss_rate_denominator);
  g_assert_cmpstr (a->correction_rate_denominator, ==, b->correction_rate_denominator);

  g_assert_cmpint (a->cases.decided, ==, b->cases.decided);
  g_assert_cmpint (a->cases.opened, ==, b->cases.opened);
  g_assert_cmpint (a->cases.fines_fen, ==, b->cases.fines_fen);
  g_assert_cmpint (a->cases.major, ==, b->cases.major);
  g_assert_cmpint (a->cases.major_unreviewed, ==, b->cases.major_unreviewed);
  for (guint i = 0; i < G_N_ELEMENTS (a->lawsuits.by_outcome); i++)
    g_assert_cmpint (a->lawsuits.by_outcome[i], ==, b->lawsuits.by_outcome[i]);
  for (guint i = 0; i < G_N_ELEMENTS (a->reconsiderations.by_outcome); i++)
    g_assert_cmpint (a->reconsiderations.by_outcome[i], ==, b->reconsiderations.by_outcome[i]);
  for (guint i = 0; i < G_N_ELEMENTS (a->reviews.by_grade); i++)
    g_assert_cmpint (a->reviews.by_grade[i], ==, b->reviews.by_grade[i]);
  for (guint i = 0; i < G_N_ELEMENTS (a->cases.by_kind); i++)
    g_assert_cmpint (a->cases.by_kind[i], ==, b->cases.by_kind[i]);

  g_assert_cmpint (a->complaints.received, ==, b->complaints.received);
  g_assert_cmpint (a->complaints.closed, ==, b->complaints.closed);
  for (guint i = 0; i < G_N_ELEMENTS (a->complaints.by_channel); i++)
    g_assert_cmpint (a->complaints.by_channel[i], ==, b->complaints.by_channel[i]);
  jd_test_assert_ratio_equal (a->complaints.closing, b->complaints.closing);
  jd_test_assert_ratio_equal (a->complaints.on_time, b->complaints.on_time);
  jd_test_assert_ratio_equal (a->complaints.substantiated, b->complaints.substantiated);
  jd_test_assert_ratio_equal (a->complaints.satisfaction, b->complaints.satisfaction);

  g_assert_cmpint (a->lawsuits.first_instance_concluded, ==, b->lawsuits.first_instance_concluded);
  g_assert_cmpint (a->lawsuits.first_instance_lost, ==, b->lawsuits.first_instance_lost);
  jd_test_assert_ratio_equal (a->lawsuits.loss, b->lawsuits.loss);
  jd_test_assert_ratio_equal (a->lawsuits.withdrawal, b->lawsuits.withdrawal);
  jd_test_assert_ratio_equal (a->lawsuits.head_appearance, b->lawsuits.head_appearance);

  g_assert_cmpint (a->reconsiderations.decided, ==, b->reconsiderations.decided);
  g_assert_cmpint (a->reconsiderations.corrected, ==, b->reconsiderations.corrected);
  jd_test_assert_ratio_equal (a->reconsiderations.correction, b->reconsiderations.correction);

  g_assert_cmpint (a->leniency.items_in_force, ==, b->leniency.items_in_force);
  for (guint i = 0; i < G_N_ELEMENTS (a->leniency.items_by_kind); i++)
    g_assert_cmpint (a->leniency.items_by_kind[i], ==, b->leniency.items_by_kind[i]);
  g_assert_cmpint (a->leniency.cases, ==, b->leniency.cases);
  for (guint i = 0; i < G_N_ELEMENTS (a->leniency.cases_by_kind); i++)
    g_assert_cmpint (a->leniency.cases_by_kind[i], ==, b->leniency.cases_by_kind[i]);
  g_assert_cmpint (a->leniency.exempted_fen, ==, b->leniency.exempted_fen);
  jd_test_assert_ratio_equal (a->leniency.share_of_penalty_cases, b->leniency.share_of_penalty_cases);

  g_assert_cmpint (a->reviews.reviewed, ==, b->reviews.reviewed);
  g_assert_cmpint (a->reviews.passed, ==, b->reviews.passed);
  jd_test_assert_ratio_equal (a->reviews.pass, b->reviews.pass);
  g_assert_cmpint (isnan (a->reviews.mean_score), ==, isnan (b->reviews.mean_score));
  if (!isnan (a->reviews.mean_score))
    g_assert_cmpfloat_with_epsilon (a->reviews.mean_score, b->reviews.mean_score, 1e-9);
}

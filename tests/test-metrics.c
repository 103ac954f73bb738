/* test-metrics.c — the metric definitions against figures worked out by hand
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dataset below is small enough to count on paper; every expected value
 * in this file was counted that way (the comments say which rows count), not
 * computed by the code under test.
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "jd-leniency.h"
#include "jd-metrics.h"
#include "jd-metrics-private.h"
#include "jd-test-metrics.h"
#include "jd-rollup-private.h"
#include "jd-store-private.h"
#include "jd-test-util.h"

static const char dataset[] =
  "INSERT INTO agencies (id, code, name, level, region) VALUES"
  " (1, 'A1', '市市场监督管理局', 'city', '市本级'),"
  " (2, 'A2', '东城区市场监督管理局', 'county', '东城区'),"
  " (3, 'A3', '东城区柳镇人民政府', 'township', '东城区');"
  /* Two fields of its own, in place of the standard ones a new database has. */
  "DELETE FROM domains;"
  "INSERT INTO domains (id, code, name) VALUES (1, 'D1', '市场监管'), (2, 'D2', '生态环境');"

  /* cases: id, agency, domain, kind, opened, decided, fine, leniency, exempted */
  "INSERT INTO cases (id, agency_id, case_no, domain_id, kind, opened_on, decided_on, fine_fen, leniency, exempted_fen) VALUES"
  " (1, 1, 'C1', 1, 'penalty',    '2024-06-20', '2024-07-01', 100000, 'none', 0),"
  " (2, 1, 'C2', 1, 'penalty',    '2024-07-10', '2024-09-30', 50000, 'first_offense', 20000),"
  " (3, 1, 'C3', 2, 'inspection', '2024-09-20', '2024-10-01', 0, 'none', 0),"
  " (4, 2, 'C4', 1, 'penalty',    '2024-08-01', '2024-08-15', 30000, 'no_penalty', 30000),"
  " (5, 2, 'C5', 1, 'coercion',   '2024-06-01', '2024-06-30', 0, 'none', 0),"
  " (6, 3, 'C6', 2, 'penalty',    '2024-02-01', '2024-02-29', 7000, 'none', 0),"
  " (7, 3, 'C7', 2, 'penalty',    '2023-07-01', '2023-08-01', 9000, 'none', 0),"
  " (8, 1, 'C8', 1, 'penalty',    '2024-07-05', NULL, 0, 'none', 0);"

  "INSERT INTO complaints (ticket_no, channel, received_on, agency_id, domain_id, due_on, closed_on, substantiated, satisfaction) VALUES"
  " ('T1', 'hotline_12345', '2024-07-01', 1, 1, '2024-07-15', '2024-07-10', 1, 'satisfied'),"
  " ('T2', 'letter',        '2024-07-31', 1, 1, '2024-08-15', '2024-08-20', 0, 'unsatisfied'),"
  " ('T3', 'hotline_12345', '2024-08-10', 2, 1, '2024-08-25', NULL, NULL, NULL),"
  " ('T4', 'visit',         '2024-09-30', 3, 2, NULL, '2024-09-30', 1, 'basic'),"
  " ('T5', 'hotline_12345', '2024-10-01', 1, 1, '2024-10-15', NULL, NULL, NULL),"
  " ('T6', 'hotline_12345', '2024-06-30', 1, 1, '2024-07-15', '2024-07-01', 1, 'satisfied');"

  "INSERT INTO lawsuits (case_no, agency_id, domain_id, instance, concluded_on, outcome, hearing_held, head_appeared) VALUES"
  " ('L1', 1, 1, 'first',  '2024-07-15', 'revoked', 1, 1),"
  " ('L2', 1, 1, 'first',  '2024-08-01', 'rejected_claim', 1, 0),"
  " ('L3', 2, 1, 'first',  '2024-09-30', 'withdrawn', 0, 0),"
  " ('L4', 2, 1, 'first',  '2024-09-01', 'ordered', 1, 1),"
  " ('L5', 3, 2, 'first',  '2024-08-20', 'dismissed', 0, 0),"
  " ('L6', 1, 1, 'first',  '2024-10-02', 'revoked', 1, 1),"
  " ('L7', 1, 1, 'second', '2024-08-01', 'revoked', 1, 1),"
  " ('L8', 1, 1, 'first',  NULL, 'pending', NULL, NULL),"
  " ('L9', 2, 1, 'first',  '2024-07-20', 'mediated', 1, 1);"

  "INSERT INTO reconsiderations (case_no, agency_id, domain_id, received_on, decided_on, outcome) VALUES"
  " ('R1', 1, 1, '2024-06-01', '2024-07-05', 'revoked'),"
  " ('R2', 1, 1, '2024-06-01', '2024-08-05', 'upheld'),"
  " ('R3', 2, 1, '2024-06-01', '2024-09-05', 'terminated'),"
  " ('R4', 2, 1, '2024-06-01', NULL, 'pending');"

  "INSERT INTO leniency_items (code, title, kind, domain_id, effective_on, repealed_on) VALUES"
  " ('I1', '甲', 'no_penalty', 1, '2021-01-01', NULL),"
  " ('I2', '乙', 'first_offense', 1, '2024-09-30', NULL),"
  " ('I3', '丙', 'lighter', 2, '2024-10-01', NULL),"
  " ('I4', '丁', 'no_penalty', 2, '2022-01-01', '2024-09-30'),"
  " ('I5', '戊', 'mitigated', 1, '2023-01-01', '2024-10-01');"

  "INSERT INTO reviews (agency_id, case_no, reviewed_on, score, grade) VALUES"
  " (1, 'C1', '2024-07-10', 92, 'excellent'),"
  " (2, 'C4', '2024-08-10', 55, 'fail'),"
  " (3, 'C6', '2024-09-30', 81, 'good'),"
  " (1, 'C3', '2024-10-01', 70, 'pass');";

typedef struct
{
  char    *dir;
  char    *path;
  JdStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jiandu-metrics-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "known.db", NULL);
  fixture->store = jd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (_jd_store_exec (_jd_store_get_db (fixture->store), dataset, &error));
  g_assert_no_error (error);
  /* As an import does, once the rows are in. */
  g_assert_true (_jd_rollup_refresh_all (_jd_store_get_conn (fixture->store), &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  jd_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static JdMetrics *
compute (Fixture    *fixture,
         const char *period_text,
         const char *agency,
         const char *domain,
         const char *level,
         const char *region)
{
  g_autoptr(GError) error = NULL;
  JdFilter filter = { (char *)agency, (char *)domain, (char *)level, (char *)region };
  JdPeriod period;
  JdMetrics *metrics;

  g_autoptr(JdMetrics) raw = NULL;

  g_assert_true (jd_period_parse (period_text, &period, &error));
  metrics = jd_metrics_compute (fixture->store, &period, &filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (metrics);

  /* Every hand-checked figure also holds for plain SQL on the raw rows. */
  raw = _jd_metrics_compute_raw (fixture->store, &period, &filter, &error);
  g_assert_no_error (error);
  jd_test_assert_metrics_equal (metrics, raw);

  return metrics;
}

static void
assert_ratio (JdRatio ratio,
              gint64  count,
              gint64  total)
{
  g_assert_cmpint (ratio.count, ==, count);
  g_assert_cmpint (ratio.total, ==, total);
  if (total == 0)
    g_assert_true (isnan (jd_ratio_rate (ratio)));
  else
    g_assert_cmpfloat_with_epsilon (jd_ratio_rate (ratio), (double)count / total, 1e-12);
}

static void
test_cases (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JdMetrics) q3 = compute (fixture, "2024Q3", NULL, NULL, NULL, NULL);
  g_autoptr(JdMetrics) q3_last_year = compute (fixture, "2023Q3", NULL, NULL, NULL, NULL);
  g_autoptr(JdMetrics) leap = compute (fixture, "2024-02", NULL, NULL, NULL, NULL);
  g_autoptr(JdMetrics) year = compute (fixture, "2024", NULL, NULL, NULL, NULL);

  /* C1 (07-01, first day), C2 (09-30, last day), C4; not C3 (10-01), C5 (06-30). */
  g_assert_cmpint (q3->cases.decided, ==, 3);
  g_assert_cmpint (q3->cases.by_kind[0], ==, 3);   /* penalty */
  g_assert_cmpint (q3->cases.by_kind[1], ==, 0);   /* coercion */
  g_assert_cmpint (q3->cases.fines_fen, ==, 100000 + 50000 + 30000);
  /* opened: C2, C3, C4, C8 (C8 not decided yet). */
  g_assert_cmpint (q3->cases.opened, ==, 4);

  g_assert_cmpint (q3_last_year->cases.decided, ==, 1);     /* C7 */
  g_assert_cmpint (leap->cases.decided, ==, 1);             /* C6 on Feb 29 */
  g_assert_cmpint (year->cases.decided, ==, 6);             /* C1–C6 */
  g_assert_cmpint (year->cases.by_kind[2], ==, 1);          /* inspection: C3 */
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JdMetrics) by_name = compute (fixture, "2024Q3", "市市场监督管理局", NULL, NULL, NULL);
  g_autoptr(JdMetrics) by_code = compute (fixture, "2024Q3", "A1", NULL, NULL, NULL);
  g_autoptr(JdMetrics) county = compute (fixture, "2024Q3", NULL, NULL, "county", NULL);
  g_autoptr(JdMetrics) county_zh = compute (fixture, "2024Q3", NULL, NULL, "县", NULL);
  g_autoptr(JdMetrics) region = compute (fixture, "2024Q3", NULL, NULL, NULL, "东城区");
  g_autoptr(JdMetrics) domain = compute (fixture, "2024", NULL, "生态环境", NULL, NULL);
  g_autoptr(JdMetrics) both = compute (fixture, "2024", "A3", "D2", NULL, NULL);
  g_autoptr(JdMetrics) none = compute (fixture, "2024", "A3", "D1", NULL, NULL);
  g_autoptr(JdMetrics) reviews_domain = compute (fixture, "2024Q3", NULL, "市场监管", NULL, NULL);
  g_autoptr(JdMetrics) nobody = compute (fixture, "2024Q3", "A1", NULL, "county", NULL);
  g_autoptr(JdMetrics) county_east = compute (fixture, "2024", NULL, NULL, "county", "东城区");

  g_assert_cmpint (by_name->cases.decided, ==, 2);           /* C1, C2 */
  g_assert_cmpint (by_code->cases.decided, ==, 2);
  g_assert_cmpint (by_name->complaints.received, ==, 2);     /* T1, T2 */
  g_assert_cmpint (by_name->lawsuits.first_instance_concluded, ==, 2); /* L1, L2 */
  g_assert_cmpint (county->cases.decided, ==, 1);            /* C4 */
  g_assert_cmpint (county_zh->cases.decided, ==, 1);
  g_assert_cmpint (region->cases.decided, ==, 1);            /* A2 and A3: C4 */
  g_assert_cmpint (region->complaints.received, ==, 2);      /* T3, T4 */
  g_assert_cmpint (domain->cases.decided, ==, 2);            /* C3, C6 */
  g_assert_cmpint (both->cases.decided, ==, 1);              /* C6 */
  g_assert_cmpint (none->cases.decided, ==, 0);
  /* A review counts in the domain of the case it reviewed: C1 and C4 are
   * 市场监管, C6 is not. */
  g_assert_cmpint (reviews_domain->reviews.reviewed, ==, 2);
  g_assert_cmpint (reviews_domain->reviews.passed, ==, 1);
  /* Leniency items follow the domain filter: I1, I2, I5 are 市场监管. */
  g_assert_cmpint (reviews_domain->leniency.items_in_force, ==, 3);
  /* A1 is no county agency: no agency is left, and nothing counts. */
  g_assert_cmpint (nobody->cases.decided, ==, 0);
  g_assert_cmpint (nobody->complaints.received, ==, 0);
  g_assert_cmpint (nobody->reviews.reviewed, ==, 0);
  /* Level and region together: A2, C4 and C5. */
  g_assert_cmpint (county_east->cases.decided, ==, 2);
}

static void
test_filter_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    JdFilter filter;
    JdMetricsError code;
  } cases[] = {
    { { "市不存在局", NULL, NULL, NULL }, JD_METRICS_ERROR_UNKNOWN_AGENCY },
    { { NULL, "航天", NULL, NULL }, JD_METRICS_ERROR_UNKNOWN_DOMAIN },
    { { NULL, NULL, "province", NULL }, JD_METRICS_ERROR_UNKNOWN_LEVEL },
    { { NULL, NULL, NULL, "西湖区" }, JD_METRICS_ERROR_UNKNOWN_REGION },
  };
  JdPeriod period;

  g_assert_true (jd_period_parse ("2024", &period, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdMetrics) metrics = jd_metrics_compute (fixture->store, &period, &cases[i].filter, &error);

      g_assert_null (metrics);
      g_assert_error (error, JD_METRICS_ERROR, (int)cases[i].code);
    }
}

static void
test_complaints (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JdMetrics) q3 = compute (fixture, "2024Q3", NULL, NULL, NULL, NULL);

  /* T1–T4; not T5 (10-01) nor T6 (06-30). */
  g_assert_cmpint (q3->complaints.received, ==, 4);
  g_assert_cmpint (q3->complaints.by_channel[0], ==, 2);  /* hotline: T1, T3 */
  g_assert_cmpint (q3->complaints.by_channel[1], ==, 1);  /* letter: T2 */
  g_assert_cmpint (q3->complaints.by_channel[2], ==, 1);  /* visit: T4 */
  g_assert_cmpint (q3->complaints.closed, ==, 3);         /* T1, T2, T4 */
  assert_ratio (q3->complaints.closing, 3, 4);
  assert_ratio (q3->complaints.on_time, 1, 2);            /* of T1, T2 (T4 has no due date): T1 */
  assert_ratio (q3->complaints.substantiated, 2, 3);      /* known T1, T2, T4; yes T1, T4 */
  assert_ratio (q3->complaints.satisfaction, 2, 3);       /* rated T1, T2, T4; T1, T4 content */
}

static void
test_lawsuits (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JdMetrics) q3 = NULL;
  g_autoptr(JdMetrics) judgments = NULL;
  g_autoptr(JdMetrics) empty = compute (fixture, "2020-01", NULL, NULL, NULL, NULL);

  q3 = compute (fixture, "2024Q3", NULL, NULL, NULL, NULL);
  /* First instance, concluded in Q3: L1, L2, L3, L4, L5, L9 (L6 is Q4, L7
   * second instance, L8 pending); lost: L1 revoked, L4 ordered. */
  g_assert_cmpint (q3->lawsuits.first_instance_concluded, ==, 6);
  g_assert_cmpint (q3->lawsuits.first_instance_lost, ==, 2);
  assert_ratio (q3->lawsuits.loss, 2, 6);
  assert_ratio (q3->lawsuits.withdrawal, 1, 6);           /* L3 */
  assert_ratio (q3->lawsuits.head_appearance, 3, 4);      /* hearings L1 L2 L4 L9; heads L1 L4 L9 */
  g_assert_cmpstr (q3->loss_rate_denominator, ==, "concluded");

  /* Judgments only: without L3 withdrawn, L5 dismissed, L9 mediated. */
  g_assert_true (_jd_store_exec (_jd_store_get_db (fixture->store),
                                 "UPDATE settings SET value = 'judgments' WHERE key = 'loss_rate_denominator'",
                                 NULL));
  judgments = compute (fixture, "2024Q3", NULL, NULL, NULL, NULL);
  assert_ratio (judgments->lawsuits.loss, 2, 3);
  g_assert_cmpstr (judgments->loss_rate_denominator, ==, "judgments");

  /* Nothing concluded: a rate of nothing is null, not zero. */
  assert_ratio (empty->lawsuits.loss, 0, 0);
  assert_ratio (empty->lawsuits.head_appearance, 0, 0);
}

static void
test_reconsiderations (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JdMetrics) q3 = compute (fixture, "2024Q3", NULL, NULL, NULL, NULL);
  g_autoptr(JdMetrics) merits = NULL;

  g_assert_cmpint (q3->reconsiderations.decided, ==, 3);  /* R1, R2, R3 */
  g_assert_cmpint (q3->reconsiderations.corrected, ==, 1); /* R1 */
  assert_ratio (q3->reconsiderations.correction, 1, 3);

  g_assert_true (_jd_store_exec (_jd_store_get_db (fixture->store),
                                 "UPDATE settings SET value = 'merits' WHERE key = 'correction_rate_denominator'",
                                 NULL));
  merits = compute (fixture, "2024Q3", NULL, NULL, NULL, NULL);
  assert_ratio (merits->reconsiderations.correction, 1, 2); /* without R3 terminated */
}

static void
test_leniency (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JdMetrics) q3 = compute (fixture, "2024Q3", NULL, NULL, NULL, NULL);
  g_autoptr(JdMetrics) q4 = compute (fixture, "2024Q4", NULL, NULL, NULL, NULL);

  /* In force on 2024-09-30: I1, I2 (from that day), I5 (repealed the day
   * after); not I3 (from 10-01) nor I4 (repealed that day). */
  g_assert_cmpint (q3->leniency.items_in_force, ==, 3);
  g_assert_cmpint (q3->leniency.items_by_kind[0], ==, 1);  /* no_penalty I1 */
  g_assert_cmpint (q3->leniency.items_by_kind[1], ==, 1);  /* first_offense I2 */
  g_assert_cmpint (q3->leniency.items_by_kind[3], ==, 1);  /* mitigated I5 */
  /* On 2024-12-31: I1, I2, I3. */
  g_assert_cmpint (q4->leniency.items_in_force, ==, 3);
  g_assert_cmpint (q4->leniency.items_by_kind[2], ==, 1);  /* lighter I3 */
  g_assert_cmpint (q4->leniency.items_by_kind[3], ==, 0);

  /* Leniency cases decided in Q3: C2 first offence, C4 no penalty. */
  g_assert_cmpint (q3->leniency.cases, ==, 2);
  g_assert_cmpint (q3->leniency.cases_by_kind[0], ==, 1);
  g_assert_cmpint (q3->leniency.cases_by_kind[1], ==, 1);
  g_assert_cmpint (q3->leniency.exempted_fen, ==, 50000);
  assert_ratio (q3->leniency.share_of_penalty_cases, 2, 3);
}

static JdLeniencyItems *
compute_items (Fixture    *fixture,
               const char *period_text,
               const char *domain)
{
  g_autoptr(GError) error = NULL;
  JdFilter filter = { NULL, (char *)domain, NULL, NULL };
  JdLeniencyItems *items;
  JdPeriod period;

  g_assert_true (jd_period_parse (period_text, &period, NULL));
  items = jd_leniency_items_compute (fixture->store, &period, &filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);

  return items;
}

static void
assert_item_count (GPtrArray  *counts,
                   guint       index,
                   const char *code,
                   gint64      count)
{
  const JdLeniencyCount *c = g_ptr_array_index (counts, index);

  g_assert_cmpstr (c->code, ==, code);
  g_assert_cmpint (c->count, ==, count);
}

/* The list's items added and repealed within a period, and those in force
 * at its end by domain, for the leniency page and metrics --json. */
static void
test_leniency_items (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JdLeniencyItems) q3 = compute_items (fixture, "2024Q3", NULL);
  g_autoptr(JdLeniencyItems) q4 = compute_items (fixture, "2024Q4", NULL);
  g_autoptr(JdLeniencyItems) q4_d2 = compute_items (fixture, "2024Q4", "D2");

  /* Q3: I2 takes effect on its last day, I4 is repealed that day; in force
   * on 09-30 are I1, I2 and I5, all of D1.  No item names an agency. */
  g_assert_cmpint (q3->added, ==, 1);
  g_assert_cmpint (q3->repealed, ==, 1);
  g_assert_cmpint (q3->in_force, ==, 3);
  g_assert_cmpuint (q3->by_domain->len, ==, 1);
  assert_item_count (q3->by_domain, 0, "D1", 3);
  g_assert_cmpuint (q3->by_agency->len, ==, 0);

  /* Q4: I3 added and I5 repealed on its first day; in force I1, I2 (D1)
   * and I3 (D2), the larger first. */
  g_assert_cmpint (q4->added, ==, 1);
  g_assert_cmpint (q4->repealed, ==, 1);
  g_assert_cmpint (q4->in_force, ==, 3);
  g_assert_cmpuint (q4->by_domain->len, ==, 2);
  assert_item_count (q4->by_domain, 0, "D1", 2);
  assert_item_count (q4->by_domain, 1, "D2", 1);

  /* The domain filter keeps D2's items only */
  g_assert_cmpint (q4_d2->added, ==, 1);
  g_assert_cmpint (q4_d2->repealed, ==, 0);
  g_assert_cmpint (q4_d2->in_force, ==, 1);
}

static void
test_reviews (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JdMetrics) q3 = compute (fixture, "2024Q3", NULL, NULL, NULL, NULL);
  g_autoptr(JdMetrics) empty = compute (fixture, "2020", NULL, NULL, NULL, NULL);

  g_assert_cmpint (q3->reviews.reviewed, ==, 3);
  g_assert_cmpint (q3->reviews.passed, ==, 2);
  assert_ratio (q3->reviews.pass, 2, 3);
  g_assert_cmpfloat_with_epsilon (q3->reviews.mean_score, (92.0 + 55.0 + 81.0) / 3.0, 1e-9);
  g_assert_true (isnan (empty->reviews.mean_score));
}

static void
test_monthly_series (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) values = NULL;

  values = jd_metrics_monthly_decided (fixture->store, NULL, 202406, 202410, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 5);
  g_assert_cmpint (g_array_index (values, gint64, 0), ==, 1);   /* June: C5 */
  g_assert_cmpint (g_array_index (values, gint64, 1), ==, 1);   /* July: C1 */
  g_assert_cmpint (g_array_index (values, gint64, 2), ==, 1);   /* August: C4 */
  g_assert_cmpint (g_array_index (values, gint64, 3), ==, 1);   /* September: C2 */
  g_assert_cmpint (g_array_index (values, gint64, 4), ==, 1);   /* October: C3 */
}

static JdRanking *
rank (Fixture    *fixture,
      const char *period_text,
      JdMeasure   measure,
      gint64      min_total,
      gboolean    ascending)
{
  g_autoptr(GError) error = NULL;
  JdRanking *ranking;
  JdPeriod period;

  g_assert_true (jd_period_parse (period_text, &period, NULL));
  ranking = jd_metrics_rank (fixture->store, &period, NULL, measure, min_total, ascending, &error);
  g_assert_no_error (error);

  return ranking;
}

#define ROW(ranking, i) ((JdRankRow *)g_ptr_array_index ((ranking)->rows, (i)))

static void
test_rankings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JdRanking) all = rank (fixture, "2024Q3", JD_MEASURE_LOSS_RATE, 1, FALSE);
  g_autoptr(JdRanking) strict = rank (fixture, "2024Q3", JD_MEASURE_LOSS_RATE, 3, FALSE);
  g_autoptr(JdRanking) lowest = rank (fixture, "2024Q3", JD_MEASURE_LOSS_RATE, 1, TRUE);
  g_autoptr(JdRanking) complaints = rank (fixture, "2024Q3", JD_MEASURE_COMPLAINTS, 100, FALSE);

  /* Q3 first-instance: A1 lost 1 of 2 (L1, L2), A2 1 of 3 (L3, L4, L9),
   * A3 0 of 1 (L5). */
  g_assert_cmpuint (all->rows->len, ==, 3);
  g_assert_cmpstr (ROW (all, 0)->code, ==, "A1");
  g_assert_cmpfloat_with_epsilon (ROW (all, 0)->value, 0.5, 1e-12);
  g_assert_cmpint (ROW (all, 0)->count, ==, 1);
  g_assert_cmpint (ROW (all, 0)->total, ==, 2);
  g_assert_cmpstr (ROW (all, 1)->code, ==, "A2");
  g_assert_cmpstr (ROW (all, 2)->code, ==, "A3");
  g_assert_cmpuint (ROW (all, 2)->rank, ==, 3);

  /* At least three concluded: only A2 is ranked, one lost case of two
   * does not top the list. */
  g_assert_cmpuint (strict->rows->len, ==, 1);
  g_assert_cmpstr (ROW (strict, 0)->code, ==, "A2");
  g_assert_cmpuint (strict->left_out->len, ==, 2);

  g_assert_cmpstr (ROW (lowest, 0)->code, ==, "A3");
  g_assert_cmpstr (ROW (lowest, 2)->code, ==, "A1");

  /* Counts ignore the minimum; A2 (T3) and A3 (T4) tie and share rank 2. */
  g_assert_cmpuint (complaints->rows->len, ==, 3);
  g_assert_cmpstr (ROW (complaints, 0)->code, ==, "A1");
  g_assert_cmpfloat (ROW (complaints, 0)->value, ==, 2);
  g_assert_cmpuint (ROW (complaints, 1)->rank, ==, 2);
  g_assert_cmpuint (ROW (complaints, 2)->rank, ==, 2);
}

static void
test_breakdown (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GPtrArray) domains = NULL;
  JdPeriod period;

  g_assert_true (jd_period_parse ("2024Q3", &period, NULL));
  levels = jd_metrics_breakdown (fixture->store, &period, NULL, JD_DIMENSION_LEVEL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (levels->len, ==, 3);
  /* city A1: C1, C2; county A2: C4; township A3: none. */
  g_assert_cmpstr (((JdSlice *)g_ptr_array_index (levels, 0))->key, ==, "city");
  g_assert_cmpint (((JdSlice *)g_ptr_array_index (levels, 0))->metrics->cases.decided, ==, 2);
  g_assert_cmpint (((JdSlice *)g_ptr_array_index (levels, 1))->metrics->cases.decided, ==, 1);
  g_assert_cmpint (((JdSlice *)g_ptr_array_index (levels, 2))->metrics->cases.decided, ==, 0);

  domains = jd_metrics_breakdown (fixture->store, &period, NULL, JD_DIMENSION_DOMAIN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (domains->len, ==, 2);
  /* D1 市场监管: reviews of C1 and C4; D2: of C6. */
  g_assert_cmpint (((JdSlice *)g_ptr_array_index (domains, 0))->metrics->reviews.reviewed, ==, 2);
  g_assert_cmpint (((JdSlice *)g_ptr_array_index (domains, 1))->metrics->reviews.reviewed, ==, 1);
  g_assert_cmpstr (((JdSlice *)g_ptr_array_index (domains, 1))->label, ==, "生态环境");

  /* A filter no agency passes leaves no slice, and is no error. */
  {
    JdFilter nobody = { (char *)"A1", NULL, (char *)"county", NULL };
    g_autoptr(GPtrArray) agencies = jd_metrics_breakdown (fixture->store, &period, &nobody,
                                                          JD_DIMENSION_AGENCY, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (agencies->len, ==, 0);
  }
}

static JsonNode *
run_cli (Fixture    *fixture,
         JsonParser *parser,
         ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("JIANDU_CLI");
  const char *arg;
  va_list args;
  int status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *)cli);
  g_ptr_array_add (argv, "metrics");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, fixture->path);
  g_ptr_array_add (argv, "--json");
  va_start (args, parser);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", error->message, err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);

  return json_parser_get_root (parser);
}

static JsonObject *
run_cli_json (Fixture    *fixture,
              const char *period,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("JIANDU_CLI");
  const char *argv[] = { cli, "metrics", "--db", fixture->path, "--period", period, "--json", NULL };
  int status;

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

/* A count by plain SQL on the raw rows, by their dates: the figures below
 * are held to it, not to anything the metrics code computes. */
static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (_jd_store_get_db (fixture->store), sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The data end with 2024-10 (C3, T5, L6 and a review that month): 2024Q4
 * holds one month of data.  DESIGN.md: it counts October, and is compared
 * with October 2023 and with July 2024, never with a whole quarter. */
static void
test_partial_period (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdMetrics) q4 = NULL;
  g_autoptr(JdMetrics) previous = NULL;
  g_autoptr(JdMetrics) year_earlier = NULL;
  g_autoptr(JdMetrics) year = NULL;
  g_autoptr(JdMetrics) year_previous = NULL;
  g_autoptr(JdMetrics) year_year_earlier = NULL;
  g_autoptr(JdMetrics) after = NULL;
  g_autoptr(JdMetrics) after_previous = NULL;
  g_autoptr(JdMetrics) after_year_earlier = NULL;
  g_autoptr(JdMetrics) q3 = NULL;
  g_autoptr(JsonNode) q4_json = NULL;
  g_autoptr(JsonNode) q3_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  g_autoptr(GPtrArray) by_agency = NULL;
  g_autofree char *label = NULL;
  g_autofree char *previous_text = NULL;
  g_autofree char *year_earlier_text = NULL;
  JdPeriod period;

  /* A last quarter of 2023 with a record in each month, so that October
   * 2023 and all of 2023Q4 differ: cases decided 10-15, 11-20, 12-05;
   * complaints received 10-08 and 11-11; first-instance lawsuits
   * concluded 10-20 (lost) and 12-01 (not lost). */
  g_assert_true (_jd_store_exec (_jd_store_get_db (fixture->store),
    "INSERT INTO cases (agency_id, case_no, domain_id, kind, opened_on, decided_on, fine_fen, leniency, exempted_fen) VALUES"
    " (1, 'P1', 1, 'penalty', '2023-10-01', '2023-10-15', 1000, 'none', 0),"
    " (2, 'P2', 1, 'penalty', '2023-11-01', '2023-11-20', 2000, 'none', 0),"
    " (1, 'P3', 1, 'penalty', '2023-12-01', '2023-12-05', 4000, 'none', 0);"
    "INSERT INTO complaints (ticket_no, channel, received_on, agency_id, domain_id) VALUES"
    " ('PT1', 'letter', '2023-10-08', 1, 1), ('PT2', 'letter', '2023-11-11', 2, 1);"
    "INSERT INTO lawsuits (case_no, agency_id, domain_id, instance, concluded_on, outcome, hearing_held, head_appeared) VALUES"
    " ('PL1', 1, 1, 'first', '2023-10-20', 'revoked', 1, 1),"
    " ('PL2', 1, 1, 'first', '2023-12-01', 'rejected_claim', 1, 0);", &error));
  g_assert_no_error (error);
  g_assert_true (_jd_rollup_refresh_all (_jd_store_get_conn (fixture->store), &error));
  g_assert_no_error (error);

  q4 = compute (fixture, "2024Q4", NULL, NULL, NULL, NULL);
  g_assert_cmpint (q4->coverage, ==, JD_COVERAGE_PARTIAL);
  g_assert_cmpint (q4->data_end, ==, 202410);
  label = jd_metrics_format_period (q4);
  g_assert_cmpstr (label, ==, "Q4 2024 (through October)");
  /* C3 (10-01); T5 (10-01); L6 (10-02, lost) */
  g_assert_cmpint (q4->cases.decided, ==, 1);
  g_assert_cmpint (q4->cases.decided, ==,
                   count_rows (fixture, "SELECT count(*) FROM cases WHERE decided_on BETWEEN '2024-10-01' AND '2024-10-31'"));
  g_assert_cmpint (q4->complaints.received, ==, 1);
  assert_ratio (q4->lawsuits.loss, 1, 1);
  /* Items in force on 10-31, where the data stop: I1, I2, I3 (I4 and I5
   * repealed by then). */
  g_assert_cmpint (q4->leniency.items_in_force, ==, 3);

  g_assert_true (jd_metrics_compare (fixture->store, q4, NULL, &previous, &year_earlier, &error));
  g_assert_no_error (error);
  previous_text = jd_period_to_string (&previous->period);
  year_earlier_text = jd_period_to_string (&year_earlier->period);
  g_assert_cmpstr (previous_text, ==, "2024-07");
  g_assert_cmpstr (year_earlier_text, ==, "2023-10");
  g_assert_cmpint (previous->coverage, ==, JD_COVERAGE_COMPLETE);
  g_assert_cmpint (year_earlier->coverage, ==, JD_COVERAGE_COMPLETE);

  /* 环比: July 2024 alone, C1 (07-01); all of Q3 would be 3. */
  g_assert_cmpint (previous->cases.decided, ==, 1);
  g_assert_cmpint (previous->cases.decided, ==,
                   count_rows (fixture, "SELECT count(*) FROM cases WHERE decided_on BETWEEN '2024-07-01' AND '2024-07-31'"));
  /* T1 (07-01) and T2 (07-31); all of Q3 would be 4. */
  g_assert_cmpint (previous->complaints.received, ==,
                   count_rows (fixture, "SELECT count(*) FROM complaints WHERE received_on BETWEEN '2024-07-01' AND '2024-07-31'"));
  g_assert_cmpint (previous->complaints.received, ==, 2);

  /* 同比: October 2023 alone, P1; all of 2023Q4 would be 3 (P1–P3). */
  g_assert_cmpint (year_earlier->cases.decided, ==, 1);
  g_assert_cmpint (year_earlier->cases.decided, ==,
                   count_rows (fixture, "SELECT count(*) FROM cases WHERE decided_on BETWEEN '2023-10-01' AND '2023-10-31'"));
  g_assert_cmpint (year_earlier->cases.fines_fen, ==, 1000);
  g_assert_cmpint (year_earlier->complaints.received, ==, 1);   /* PT1, not PT2 */
  assert_ratio (year_earlier->lawsuits.loss, 1, 1);             /* PL1, not PL2 */
  g_assert_cmpint (year_earlier->leniency.items_in_force, ==,
                   count_rows (fixture, "SELECT count(*) FROM leniency_items WHERE effective_on <= '2023-10-31'"
                                        " AND (repealed_on IS NULL OR repealed_on > '2023-10-31')"));

  /* A breakdown says the same of every slice. */
  g_assert_true (jd_period_parse ("2024Q4", &period, NULL));
  by_agency = jd_metrics_breakdown (fixture->store, &period, NULL, JD_DIMENSION_AGENCY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < by_agency->len; i++)
    g_assert_cmpint (((JdSlice *)g_ptr_array_index (by_agency, i))->metrics->coverage, ==, JD_COVERAGE_PARTIAL);

  /* The year 2024 through October: January–October 2023 against it, P1
   * and C7 (08-01), not P2 and P3; the period before is the same months
   * of 2023. */
  year = compute (fixture, "2024", NULL, NULL, NULL, NULL);
  g_assert_cmpint (year->coverage, ==, JD_COVERAGE_PARTIAL);
  g_assert_true (jd_metrics_compare (fixture->store, year, NULL, &year_previous, &year_year_earlier, &error));
  g_clear_pointer (&year_earlier_text, g_free);
  year_earlier_text = jd_period_to_string (&year_year_earlier->period);
  g_assert_cmpstr (year_earlier_text, ==, "2023-01..2023-10");
  g_assert_cmpint (year_year_earlier->cases.decided, ==, 2);
  g_assert_cmpint (year_year_earlier->cases.decided, ==,
                   count_rows (fixture, "SELECT count(*) FROM cases WHERE decided_on BETWEEN '2023-01-01' AND '2023-10-31'"));
  g_assert_true (jd_period_equal (&year_previous->period, &year_year_earlier->period));

  /* The JSON says which periods are whole. */
  q4_json = jd_metrics_to_json (q4);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (q4_json), "complete"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (q4_json), "through"), ==, "2024-10");
  q3 = compute (fixture, "2024Q3", NULL, NULL, NULL, NULL);
  g_assert_cmpint (q3->coverage, ==, JD_COVERAGE_COMPLETE);
  q3_json = jd_metrics_to_json (q3);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (q3_json), "complete"));
  g_assert_false (json_object_has_member (json_node_get_object (q3_json), "through"));

  /* A period after the data: no figures to compare. */
  after = compute (fixture, "2025-01", NULL, NULL, NULL, NULL);
  g_assert_cmpint (after->coverage, ==, JD_COVERAGE_NONE);
  g_assert_true (jd_metrics_compare (fixture->store, after, NULL, &after_previous, &after_year_earlier, &error));
  g_assert_null (after_previous);
  g_assert_null (after_year_earlier);
  after_json = jd_metrics_to_json (after);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (after_json), "complete"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after_json), "through"), ==, "2024-10");
}

/* Ranges and partial periods through the real command line. */
static void
test_cli_periods (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonParser) compare = json_parser_new ();
  g_autoptr(JsonParser) range = json_parser_new ();
  g_autoptr(JsonParser) after = json_parser_new ();
  g_autoptr(JsonParser) series = json_parser_new ();
  g_autoptr(JsonParser) ranking = json_parser_new ();
  g_autoptr(JsonParser) warnings = json_parser_new ();
  JsonObject *root;
  JsonObject *other;
  JsonArray *points;
  gint64 decided;

  /* 2024-01..2024-10: C1–C6 (C7 is of 2023, C8 not decided). */
  decided = count_rows (fixture, "SELECT count(*) FROM cases WHERE decided_on BETWEEN '2024-01-01' AND '2024-10-31'");
  g_assert_cmpint (decided, ==, 6);
  g_clear_object (&fixture->store);

  root = json_node_get_object (run_cli (fixture, compare, "--period", "2024Q4", "--compare", NULL));
  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "2024Q4");
  g_assert_false (json_object_get_boolean_member (root, "complete"));
  g_assert_cmpstr (json_object_get_string_member (root, "through"), ==, "2024-10");
  other = json_object_get_object_member (root, "previous_period");
  g_assert_cmpstr (json_object_get_string_member (other, "period"), ==, "2024-07");
  g_assert_true (json_object_get_boolean_member (other, "complete"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (other, "cases"), "decided"), ==, 1);  /* C1 */
  other = json_object_get_object_member (root, "previous_year");
  g_assert_cmpstr (json_object_get_string_member (other, "period"), ==, "2023-10");

  root = json_node_get_object (run_cli (fixture, range, "--period", "2024-01..2024-10", "--compare", NULL));
  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "2024-01..2024-10");
  g_assert_true (json_object_get_boolean_member (root, "complete"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "cases"), "decided"), ==, decided);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "previous_period"), "period"),
                   ==, "2023-03..2023-12");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "previous_year"), "period"),
                   ==, "2023-01..2023-10");

  root = json_node_get_object (run_cli (fixture, after, "--period", "2025Q1", "--compare", NULL));
  g_assert_false (json_object_get_boolean_member (root, "complete"));
  g_assert_true (json_object_get_null_member (root, "previous_period"));
  g_assert_true (json_object_get_null_member (root, "previous_year"));

  /* Quarters up to the one the data end inside, which says so. */
  points = json_node_get_array (run_cli (fixture, series, "--series", "2024-07", "2024-12", "--by", "quarter", NULL));
  g_assert_cmpuint (json_array_get_length (points), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (points, 0), "complete"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (points, 1), "complete"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (points, 1), "through"), ==, "2024-10");

  /* Rankings and warnings take ranges too: A1 decided C1, C2, C3. */
  root = json_node_get_object (run_cli (fixture, ranking, "--period", "2024-07..2024-10", "--rank", "cases_decided", NULL));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "rows"), 0),
                                                  "agency"), ==, "A1");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (root, "rows"), 0),
                                               "count"), ==, 3);
  points = json_node_get_array (run_cli (fixture, warnings, "--period", "2024-07..2024-09", "--warnings", NULL));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (points, 0), "rule"), ==, "loss_rate");
}

/* The metrics JSON of docs/ARCHITECTURE.md, through the real command line. */
static void
test_cli_json (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) empty_parser = json_parser_new ();
  JsonObject *root;
  JsonObject *lawsuits;

  /* The CLI opens the file itself: let go of ours first. */
  g_clear_object (&fixture->store);

  root = run_cli_json (fixture, "2024Q3", parser);
  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "2024Q3");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "cases"), "decided"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "cases"), "fines_fen"), ==, 180000);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "complaints"), "received"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (root, "complaints"), "by_channel"), "hotline_12345"), ==, 2);
  lawsuits = json_object_get_object_member (root, "lawsuits");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (lawsuits, "loss_rate"), 2.0 / 6.0, 1e-12);
  g_assert_cmpint (json_object_get_int_member (lawsuits, "first_instance_lost"), ==, 2);
  g_assert_true (json_object_has_member (root, "reconsiderations"));
  g_assert_true (json_object_has_member (root, "leniency"));
  g_assert_true (json_object_has_member (root, "reviews"));

  root = run_cli_json (fixture, "2020-01", empty_parser);
  lawsuits = json_object_get_object_member (root, "lawsuits");
  g_assert_true (json_object_get_null_member (lawsuits, "loss_rate"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "cases"), "decided"), ==, 0);
}

/* --compare, --series, --rank and --warnings through the real command line. */
static void
test_cli_modes (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonParser) compare = json_parser_new ();
  g_autoptr(JsonParser) series = json_parser_new ();
  g_autoptr(JsonParser) ranking = json_parser_new ();
  g_autoptr(JsonParser) warnings = json_parser_new ();
  JsonObject *root;
  JsonArray *points;
  JsonArray *rows;

  g_clear_object (&fixture->store);

  root = json_node_get_object (run_cli (fixture, compare, "--period", "2024Q3", "--compare", NULL));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "cases"), "decided"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "previous_period"), "period"), ==, "2024Q2");
  /* Q2: C5 (06-30) and C6 (02-29 is Q1: no). */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (root, "previous_period"), "cases"), "decided"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "previous_year"), "period"), ==, "2023Q3");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (root, "previous_year"), "cases"), "decided"), ==, 1);

  points = json_node_get_array (run_cli (fixture, series, "--series", "2024-06", "2024-10", NULL));
  g_assert_cmpuint (json_array_get_length (points), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (points, 0), "period"), ==, "2024-06");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_array_get_object_element (points, 2), "cases"), "decided"), ==, 1);

  root = json_node_get_object (run_cli (fixture, ranking, "--period", "2024Q3", "--rank", "loss_rate", "--min", "3", NULL));
  rows = json_object_get_array_member (root, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "agency"), ==, "A2");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "left_out")), ==, 2);

  /* A definition changed with "jiandu-cli settings" changes the figure:
   * judgments only, the Q3 loss rate is 2 of 3. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonParser) after = json_parser_new ();
    const char *argv[] = { g_getenv ("JIANDU_CLI"), "settings", "--db", fixture->path,
                           "loss_rate_denominator", "judgments", NULL };
    const char *bad[] = { g_getenv ("JIANDU_CLI"), "settings", "--db", fixture->path,
                          "warn_loss_rate", "1.5", NULL };
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_spawn_sync (NULL, (char **)bad, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));

    root = json_node_get_object (run_cli (fixture, after, "--period", "2024Q3", NULL));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "definitions"),
                                                    "loss_rate_denominator"), ==, "judgments");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (root, "lawsuits"),
                                                                   "loss_rate"), 2.0 / 3.0, 1e-12);
  }

  /* The dataset's first-instance loss rate is 2 of 6, above 15%. */
  points = json_node_get_array (run_cli (fixture, warnings, "--period", "2024Q3", "--warnings", NULL));
  g_assert_cmpuint (json_array_get_length (points), >, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (points, 0), "rule"), ==, "loss_rate");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (points, 0), "agency"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/metrics/cases", test_cases);
  ADD ("/metrics/filters", test_filters);
  ADD ("/metrics/filter-errors", test_filter_errors);
  ADD ("/metrics/complaints", test_complaints);
  ADD ("/metrics/lawsuits", test_lawsuits);
  ADD ("/metrics/reconsiderations", test_reconsiderations);
  ADD ("/metrics/leniency", test_leniency);
  ADD ("/metrics/leniency-items", test_leniency_items);
  ADD ("/metrics/reviews", test_reviews);
  ADD ("/metrics/monthly-series", test_monthly_series);
  ADD ("/metrics/rankings", test_rankings);
  ADD ("/metrics/breakdown", test_breakdown);
  ADD ("/metrics/cli-json", test_cli_json);
  ADD ("/metrics/cli-json/modes", test_cli_modes);
  ADD ("/metrics/partial-period", test_partial_period);
  ADD ("/metrics/cli-json/periods", test_cli_periods);

#undef ADD

  return g_test_run ();
}

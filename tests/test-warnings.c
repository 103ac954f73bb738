/* test-warnings.c — each warning rule, firing and not firing, on data built for it
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three agencies, 2023-01 to 2024-01; the period under test is 2024-01.
 * W1 should trip every rule, W2 sits just inside every line (or trips the
 * rule with a different branch, where noted), W3 gives no rule anything.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "jd-rollup-private.h"
#include "jd-settings.h"
#include "jd-store-private.h"
#include "jd-warnings.h"
#include "jd-test-util.h"

typedef struct
{
  char    *dir;
  JdStore *store;
} Fixture;

static void
exec (JdStore    *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_jd_store_exec (_jd_store_get_db (store), sql, &error));
  g_assert_no_error (error);
}

static void
add_complaints (JdStore    *store,
                int         agency,
                int         month,
                int         n,
                const char *due_on,
                const char *closed_on)
{
  for (int i = 0; i < n; i++)
    {
      g_autofree char *sql = NULL;
      g_autofree char *due = due_on != NULL ? g_strdup_printf ("'%s'", due_on) : g_strdup_printf ("'%04d-%02d-20'", month / 100, month % 100);
      g_autofree char *closed = closed_on != NULL ? g_strdup_printf ("'%s'", closed_on) : g_strdup_printf ("'%04d-%02d-10'", month / 100, month % 100);

      sql = g_strdup_printf ("INSERT INTO complaints (ticket_no, channel, received_on, agency_id, due_on, closed_on)"
                             " VALUES ('W%d-%d-%d-%s', 'hotline_12345', '%04d-%02d-05', %d, %s, %s)",
                             agency, month, i, due_on != NULL ? due_on : "x",
                             month / 100, month % 100, agency, due,
                             g_str_equal (closed_on != NULL ? closed_on : "", "open") ? "NULL" : closed);
      exec (store, sql);
    }
}

static void
add_case (JdStore    *store,
          int         agency,
          const char *case_no,
          const char *decided_on,
          int         major,
          int         legal_review)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO cases (agency_id, case_no, kind, decided_on, major, legal_review)"
                                          " VALUES (%d, '%s', 'penalty', '%s', %d, %d)",
                                          agency, case_no, decided_on, major, legal_review);

  exec (store, sql);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int month;

  fixture->dir = g_dir_make_tmp ("jiandu-warnings-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "w.db", NULL);
  fixture->store = jd_store_open (path, &error);
  g_assert_no_error (error);

  exec (fixture->store,
        "BEGIN;"
        "INSERT INTO agencies (id, code, name, level) VALUES"
        " (1, 'W1', '甲局', 'city'), (2, 'W2', '乙局', 'county'), (3, 'W3', '丙镇', 'township');");

  /* Complaints: 8 and 12 in turn over 2023 (mean 10, sample standard
   * deviation √(48/11) ≈ 2.089, so the 2σ line is ≈ 14.18); in 2024-01 W1
   * gets 15 (over the line), W2 14 (under it). */
  for (month = 202301; month <= 202312; month = month % 100 == 12 ? month + 89 : month + 1)
    {
      int n = (month % 2 == 1) ? 8 : 12;

      add_complaints (fixture->store, 1, month, n, NULL, NULL);
      add_complaints (fixture->store, 2, month, n, NULL, NULL);
    }
  /* Of W1's 15: one still open past its due date (overdue on 01-31). */
  add_complaints (fixture->store, 1, 202401, 14, NULL, NULL);
  add_complaints (fixture->store, 1, 202401, 1, "2024-01-20", "open");
  /* Of W2's 14: one closed late but before 01-31 (not overdue then), one
   * closed late after 01-31 (overdue on 01-31). */
  add_complaints (fixture->store, 2, 202401, 12, NULL, NULL);
  add_complaints (fixture->store, 2, 202401, 1, "2024-01-20", "2024-01-25");
  add_complaints (fixture->store, 2, 202401, 1, "2024-01-21", "2024-02-05");
  /* W3: one open complaint, not yet due on 01-31. */
  add_complaints (fixture->store, 3, 202401, 1, "2024-02-10", "open");

  /* Decided cases: W1 every month to 2023-10, then none (3 silent months
   * at 2024-01); W2 every month including 2024-01, one of them a major
   * decision without legal review; W3 never decides anything. */
  for (month = 202301; month <= 202401; month = month % 100 == 12 ? month + 89 : month + 1)
    {
      g_autofree char *day = g_strdup_printf ("%04d-%02d-15", month / 100, month % 100);
      g_autofree char *w1 = g_strdup_printf ("C1-%d", month);
      g_autofree char *w2 = g_strdup_printf ("C2-%d", month);

      if (month <= 202310)
        add_case (fixture->store, 1, w1, day, 0, 0);
      add_case (fixture->store, 2, w2, day, month == 202401, month == 202401 ? 0 : 1);
    }
  add_case (fixture->store, 2, "C2-major-ok", "2024-01-16", 1, 1);

  exec (fixture->store,
        /* First-instance lawsuits concluded in 2024-01: W1 1 lost of 4
         * (25% > 15%); W2 0 of 3. */
        "INSERT INTO lawsuits (case_no, agency_id, instance, concluded_on, outcome) VALUES"
        " ('L1', 1, 'first', '2024-01-03', 'revoked'), ('L2', 1, 'first', '2024-01-04', 'rejected_claim'),"
        " ('L3', 1, 'first', '2024-01-05', 'rejected_claim'), ('L4', 1, 'first', '2024-01-06', 'withdrawn'),"
        " ('L5', 2, 'first', '2024-01-03', 'rejected_claim'), ('L6', 2, 'first', '2024-01-04', 'rejected_claim'),"
        " ('L7', 2, 'first', '2024-01-05', 'dismissed');"
        /* Reviews in 2024-01: W1 1 pass of 3 (33% < 90%); W2 1 of 2, too few to judge. */
        "INSERT INTO reviews (agency_id, case_no, reviewed_on, score, grade) VALUES"
        " (1, 'C1-202301', '2024-01-10', 50, 'fail'), (1, 'C1-202302', '2024-01-10', 55, 'fail'),"
        " (1, 'C1-202303', '2024-01-10', 85, 'good'),"
        " (2, 'C2-202301', '2024-01-10', 50, 'fail'), (2, 'C2-202302', '2024-01-10', 95, 'excellent');");

  g_assert_true (_jd_rollup_refresh_all (_jd_store_get_conn (fixture->store), &error));
  g_assert_no_error (error);
  exec (fixture->store, "COMMIT");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  jd_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GPtrArray *
warnings_for (Fixture    *fixture,
              const char *period_text)
{
  g_autoptr(GError) error = NULL;
  JdPeriod period;
  GPtrArray *warnings;

  g_assert_true (jd_period_parse (period_text, &period, NULL));
  warnings = jd_warnings_compute (fixture->store, &period, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (warnings);

  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("%s", ((JdWarning *)g_ptr_array_index (warnings, i))->message);

  return warnings;
}

static const JdWarning *
find (GPtrArray     *warnings,
      JdWarningRule  rule,
      const char    *agency)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      const JdWarning *warning = g_ptr_array_index (warnings, i);

      if (warning->rule == rule && g_strcmp0 (warning->agency_code, agency) == 0)
        return warning;
    }

  return NULL;
}

static void
test_loss_rate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) warnings = warnings_for (fixture, "2024-01");
  g_autoptr(GPtrArray) raised = NULL;
  const JdWarning *w1 = find (warnings, JD_WARNING_LOSS_RATE, "W1");

  g_assert_nonnull (w1);
  g_assert_cmpfloat_with_epsilon (w1->figure, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (w1->threshold, 0.15, 1e-12);
  g_assert_cmpint (w1->count, ==, 1);
  g_assert_cmpint (w1->total, ==, 4);
  g_assert_nonnull (strstr (w1->message, "甲局"));
  g_assert_null (find (warnings, JD_WARNING_LOSS_RATE, "W2"));
  /* All agencies: 1 of 7, 14.3%, under the line. */
  g_assert_null (find (warnings, JD_WARNING_LOSS_RATE, NULL));

  /* The user moves the line: 25% is no longer above 30%. */
  g_assert_true (jd_settings_set (fixture->store, "warn_loss_rate", "0.3", NULL));
  raised = warnings_for (fixture, "2024-01");
  g_assert_null (find (raised, JD_WARNING_LOSS_RATE, "W1"));
}

static void
test_loss_rate_min_concluded (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) warnings = NULL;

  /* Five concluded cases needed: W1's four are too few to judge. */
  g_assert_true (jd_settings_set (fixture->store, "warn_loss_rate_min_concluded", "5", NULL));
  warnings = warnings_for (fixture, "2024-01");
  g_assert_null (find (warnings, JD_WARNING_LOSS_RATE, "W1"));
}

static void
test_complaint_spike (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) warnings = warnings_for (fixture, "2024-01");
  g_autoptr(GPtrArray) wider = NULL;
  g_autoptr(GPtrArray) early = NULL;
  const JdWarning *w1 = find (warnings, JD_WARNING_COMPLAINT_SPIKE, "W1");

  g_assert_nonnull (w1);
  g_assert_cmpfloat (w1->figure, ==, 15);
  g_assert_cmpfloat_with_epsilon (w1->threshold, 10.0 + 2.0 * sqrt (48.0 / 11.0), 1e-9);
  g_assert_cmpint (w1->month, ==, 202401);
  g_assert_null (find (warnings, JD_WARNING_COMPLAINT_SPIKE, "W2"));   /* 14 < 14.18 */
  g_assert_null (find (warnings, JD_WARNING_COMPLAINT_SPIKE, "W3"));

  /* Three standard deviations: 15 < 16.27. */
  g_assert_true (jd_settings_set (fixture->store, "warn_complaint_sigma", "3", NULL));
  wider = warnings_for (fixture, "2024-01");
  g_assert_null (find (wider, JD_WARNING_COMPLAINT_SPIKE, "W1"));

  /* In 2023 the year before has no data: no month there is a spike. */
  early = warnings_for (fixture, "2023");
  g_assert_null (find (early, JD_WARNING_COMPLAINT_SPIKE, "W1"));
  g_assert_null (find (early, JD_WARNING_COMPLAINT_SPIKE, "W2"));
}

static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) warnings = warnings_for (fixture, "2024-01");
  g_autoptr(GPtrArray) after_data = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GError) error = NULL;
  const JdWarning *w1 = find (warnings, JD_WARNING_OVERDUE_COMPLAINTS, "W1");
  const JdWarning *w2 = find (warnings, JD_WARNING_OVERDUE_COMPLAINTS, "W2");

  g_assert_nonnull (w1);
  g_assert_cmpint (w1->count, ==, 1);         /* still open */
  g_assert_nonnull (w2);
  g_assert_cmpint (w2->count, ==, 1);         /* closed late, after 01-31 */
  g_assert_null (find (warnings, JD_WARNING_OVERDUE_COMPLAINTS, "W3"));  /* due 02-10 */

  /* The data end with January: February has nothing to warn about yet
   * (not every agency silent, not W3's complaint overdue on a day nobody
   * has reported on). */
  after_data = warnings_for (fixture, "2024-02");
  g_assert_cmpuint (after_data->len, ==, 0);

  /* Once February holds a record (a second-instance judgment, which no
   * rule looks at), its last day is one to judge: on 2024-02-29 W2's has
   * been closed, W3's is overdue, W1's still is. */
  exec (fixture->store,
        "INSERT INTO lawsuits (case_no, agency_id, instance, concluded_on, outcome) VALUES"
        " ('L-feb', 2, 'second', '2024-02-20', 'rejected_claim');");
  g_assert_true (_jd_rollup_refresh_all (_jd_store_get_conn (fixture->store), &error));
  g_assert_no_error (error);
  later = warnings_for (fixture, "2024-02");
  g_assert_nonnull (find (later, JD_WARNING_OVERDUE_COMPLAINTS, "W1"));
  g_assert_null (find (later, JD_WARNING_OVERDUE_COMPLAINTS, "W2"));
  g_assert_nonnull (find (later, JD_WARNING_OVERDUE_COMPLAINTS, "W3"));
}

static void
test_no_decisions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) warnings = warnings_for (fixture, "2024-01");
  g_autoptr(GPtrArray) earlier = warnings_for (fixture, "2023-12");
  const JdWarning *w1 = find (warnings, JD_WARNING_NO_DECISIONS, "W1");

  g_assert_nonnull (w1);
  g_assert_cmpint (w1->count, ==, 3);         /* 2023-11, 2023-12, 2024-01 */
  g_assert_null (find (warnings, JD_WARNING_NO_DECISIONS, "W2"));
  /* Never deciding anything is not falling silent. */
  g_assert_null (find (warnings, JD_WARNING_NO_DECISIONS, "W3"));
  /* Two silent months are not yet three. */
  g_assert_null (find (earlier, JD_WARNING_NO_DECISIONS, "W1"));
}

static void
test_major_without_review (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) warnings = warnings_for (fixture, "2024-01");
  g_autoptr(GPtrArray) before = warnings_for (fixture, "2023-12");
  const JdWarning *w2 = find (warnings, JD_WARNING_MAJOR_WITHOUT_REVIEW, "W2");

  g_assert_nonnull (w2);
  g_assert_cmpint (w2->count, ==, 1);
  g_assert_cmpint (w2->total, ==, 2);
  g_assert_null (find (warnings, JD_WARNING_MAJOR_WITHOUT_REVIEW, "W1"));
  g_assert_null (find (before, JD_WARNING_MAJOR_WITHOUT_REVIEW, "W2"));
}

static void
test_review_pass_rate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) warnings = warnings_for (fixture, "2024-01");
  g_autoptr(GPtrArray) fewer = NULL;
  const JdWarning *w1 = find (warnings, JD_WARNING_REVIEW_PASS_RATE, "W1");

  g_assert_nonnull (w1);
  g_assert_cmpint (w1->count, ==, 1);
  g_assert_cmpint (w1->total, ==, 3);
  /* W2: 1 of 2 is below the line, but 2 reviews are too few. */
  g_assert_null (find (warnings, JD_WARNING_REVIEW_PASS_RATE, "W2"));

  g_assert_true (jd_settings_set (fixture->store, "warn_review_min_reviewed", "2", NULL));
  fewer = warnings_for (fixture, "2024-01");
  g_assert_nonnull (find (fewer, JD_WARNING_REVIEW_PASS_RATE, "W2"));
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  JdFilter filter = { NULL, NULL, "county", NULL };
  JdPeriod period;

  /* Only W2 is a county agency: nothing of W1's may show. */
  g_assert_true (jd_period_parse ("2024-01", &period, NULL));
  warnings = jd_warnings_compute (fixture->store, &period, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < warnings->len; i++)
    g_assert_cmpstr (((JdWarning *)g_ptr_array_index (warnings, i))->agency_code, !=, "W1");
  g_assert_nonnull (find (warnings, JD_WARNING_MAJOR_WITHOUT_REVIEW, "W2"));
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_false (jd_settings_set (fixture->store, "warn_loss_rate", "1.5", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (jd_settings_set (fixture->store, "warn_loss_rate", "abc", &error));
  g_clear_error (&error);
  g_assert_false (jd_settings_set (fixture->store, "loss_rate_denominator", "some", &error));
  g_clear_error (&error);
  g_assert_false (jd_settings_set (fixture->store, "no_such_setting", "1", &error));
  g_clear_error (&error);

  value = jd_settings_get (fixture->store, "warn_loss_rate");
  g_assert_cmpstr (value, ==, "0.15");
  g_assert_true (jd_settings_set (fixture->store, "loss_rate_denominator", "judgments", &error));
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = jd_settings_get (fixture->store, "loss_rate_denominator");
  g_assert_cmpstr (value, ==, "judgments");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/warnings/loss-rate", test_loss_rate);
  ADD ("/warnings/loss-rate/min-concluded", test_loss_rate_min_concluded);
  ADD ("/warnings/complaint-spike", test_complaint_spike);
  ADD ("/warnings/overdue-complaints", test_overdue);
  ADD ("/warnings/no-decisions", test_no_decisions);
  ADD ("/warnings/major-without-review", test_major_without_review);
  ADD ("/warnings/review-pass-rate", test_review_pass_rate);
  ADD ("/warnings/filter", test_filter);
  ADD ("/warnings/settings", test_settings);

#undef ADD

  return g_test_run ();
}

/* test-demo.c — the deterministic demo city
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <glib/gstdio.h>

#include "jd-bench.h"
#include "jd-demo.h"
#include "jd-store-private.h"

#define SANITY_CASES 50000

static char *tmp_dir;
static JdStore *sanity;   /* generated once, read by the sanity tests */

static char *
tmp_db (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static JdStore *
open_store (const char *name)
{
  g_autofree char *path = tmp_db (name);
  g_autoptr(GError) error = NULL;
  JdStore *store;

  store = jd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static JdStore *
generate (const char *name,
          guint64     seed,
          gint64      n_cases)
{
  g_autoptr(GError) error = NULL;
  JdStore *store = open_store (name);
  gboolean ok;

  ok = jd_demo_generate (store, seed, n_cases, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  return store;
}

static gint64
query (JdStore    *store,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = _jd_store_prepare (_jd_store_get_db (store), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static double
query_double (JdStore    *store,
              const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = _jd_store_prepare (_jd_store_get_db (store), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (stmt, 0), !=, SQLITE_NULL);

  return sqlite3_column_double (stmt, 0);
}

/* Every table's full contents, in natural-key order, hashed. */
static char *
digest (JdStore *store)
{
  static const char * const queries[] = {
    "SELECT * FROM domains ORDER BY code",
    "SELECT * FROM agencies ORDER BY code",
    "SELECT * FROM leniency_items ORDER BY code",
    "SELECT * FROM cases ORDER BY agency_id, case_no",
    "SELECT * FROM complaints ORDER BY ticket_no",
    "SELECT * FROM lawsuits ORDER BY case_no",
    "SELECT * FROM reconsiderations ORDER BY case_no",
    "SELECT * FROM reviews ORDER BY agency_id, case_no, reviewed_on",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = _jd_store_get_db (store);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autoptr(GError) error = NULL;
      gint64 n_rows = 0;
      int rc;

      stmt = _jd_store_prepare (db, queries[q], &error);
      g_assert_no_error (error);

      g_checksum_update (checksum, (const guchar *) queries[q], -1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *text = sqlite3_column_text (stmt, c);

              if (text != NULL)
                g_checksum_update (checksum, text, sqlite3_column_bytes (stmt, c));
              else
                g_checksum_update (checksum, (const guchar *) "\x01NULL", 5);
              g_checksum_update (checksum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (checksum, (const guchar *) "\x1e", 1);
          n_rows++;
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      g_assert_cmpint (n_rows, >, 0);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static void
remove_db (JdStore    *store,
           const char *name)
{
  g_autofree char *path = tmp_db (name);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_object_unref (store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static JdStore *
sanity_store (void)
{
  if (sanity == NULL)
    sanity = generate ("sanity.db", JD_DEMO_DEFAULT_SEED, SANITY_CASES);

  return sanity;
}

static void
test_deterministic (void)
{
  JdStore *a = generate ("a.db", 7, 5000);
  JdStore *b = generate ("b.db", 7, 5000);
  JdStore *c = generate ("c.db", 8, 5000);
  g_autofree char *digest_a = digest (a);
  g_autofree char *digest_b = digest (b);
  g_autofree char *digest_c = digest (c);

  g_assert_cmpstr (digest_a, ==, digest_b);
  g_assert_cmpstr (digest_a, !=, digest_c);

  remove_db (a, "a.db");
  remove_db (b, "b.db");
  remove_db (c, "c.db");
}

static void
test_counts (void)
{
  JdStore *store = sanity_store ();

  g_assert_cmpint (query (store, "SELECT count(*) FROM cases"), ==, SANITY_CASES);
  g_assert_cmpint (query (store, "SELECT count(*) FROM complaints"), ==, SANITY_CASES / 2);
  g_assert_cmpint (query (store, "SELECT count(*) FROM domains"), >=, 14);
  g_assert_cmpint (query (store, "SELECT count(*) FROM agencies"), >=, 30);
  g_assert_cmpint (query (store, "SELECT count(DISTINCT region) FROM agencies"), >=, 8);
  g_assert_cmpint (query (store, "SELECT count(DISTINCT level) FROM agencies"), ==, 3);
  g_assert_cmpint (query (store, "SELECT count(*) FROM lawsuits"), >=, SANITY_CASES / 150);
  g_assert_cmpint (query (store, "SELECT count(*) FROM reconsiderations"), >=, SANITY_CASES / 120);

  /* every channel, kind, leniency, instance, grade is there */
  g_assert_cmpint (query (store, "SELECT count(DISTINCT channel) FROM complaints"), ==, 7);
  g_assert_cmpint (query (store, "SELECT count(DISTINCT kind) FROM cases"), ==, 6);
  g_assert_cmpint (query (store, "SELECT count(DISTINCT leniency) FROM cases"), ==, 5);
  g_assert_cmpint (query (store, "SELECT count(DISTINCT instance) FROM lawsuits"), ==, 3);
  g_assert_cmpint (query (store, "SELECT count(DISTINCT grade) FROM reviews"), ==, 4);

  /* the 12345 hotline dominates */
  g_assert_cmpfloat (query_double (store,
                                   "SELECT avg (channel = 'hotline_12345') FROM complaints"),
                     >, 0.5);
  /* penalties are the main kind */
  g_assert_cmpfloat (query_double (store, "SELECT avg (kind = 'penalty') FROM cases"), >, 0.45);
}

static void
test_dates (void)
{
  JdStore *store = sanity_store ();

  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM cases WHERE opened_on < '2021-01-01' OR opened_on > '2026-10-31'"
                          " OR decided_on < '2021-01-01' OR decided_on > '2026-10-31'"),
                   ==, 0);
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases WHERE decided_on < opened_on"), ==, 0);
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases WHERE decided_on IS NULL"), >, 0);
  g_assert_cmpint (query (store, "SELECT min (decided_month) FROM cases"), ==, JD_DEMO_FIRST_MONTH);
  g_assert_cmpint (query (store, "SELECT max (decided_month) FROM cases"), ==, JD_DEMO_LAST_MONTH);
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM complaints WHERE received_on < '2021-01-01'"
                          " OR received_on > '2026-10-31' OR closed_on > '2026-10-31'"
                          " OR closed_on < received_on OR due_on <= received_on"),
                   ==, 0);
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM lawsuits WHERE filed_on < '2021-01-01'"
                          " OR concluded_on > '2026-10-31' OR concluded_on < filed_on"
                          " OR (concluded_on IS NULL) <> (outcome = 'pending')"),
                   ==, 0);
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM reconsiderations WHERE received_on < '2021-01-01'"
                          " OR decided_on > '2026-10-31' OR decided_on < received_on"
                          " OR (decided_on IS NULL) <> (outcome = 'pending')"),
                   ==, 0);
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM reviews WHERE reviewed_on < '2021-01-01'"
                          " OR reviewed_on > '2026-10-31'"),
                   ==, 0);
  /* date text is ISO and real: date() normalises it to itself */
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases WHERE date (opened_on) IS NOT opened_on"), ==, 0);
  g_assert_cmpint (query (store, "SELECT count(*) FROM complaints WHERE date (due_on) IS NOT due_on"), ==, 0);
  /* some recent complaints are open and past due */
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM complaints WHERE closed_on IS NULL AND due_on < '2026-10-31'"),
                   >, 0);
}

static void
test_shapes (void)
{
  JdStore *store = sanity_store ();
  double loss_2021, loss_2025;
  double head_2021, head_2025;
  double on_time;

  loss_2021 = query_double (store,
                            "SELECT avg (outcome IN ('revoked', 'modified', 'illegal', 'void', 'ordered', 'compensation'))"
                            " FROM lawsuits WHERE instance = 'first' AND outcome <> 'pending'"
                            " AND concluded_month BETWEEN 202101 AND 202112");
  loss_2025 = query_double (store,
                            "SELECT avg (outcome IN ('revoked', 'modified', 'illegal', 'void', 'ordered', 'compensation'))"
                            " FROM lawsuits WHERE instance = 'first' AND outcome <> 'pending'"
                            " AND concluded_month BETWEEN 202501 AND 202512");
  g_assert_cmpfloat (loss_2021, >, loss_2025);
  g_assert_cmpfloat (loss_2021, >, 0.10);
  g_assert_cmpfloat (loss_2025, <, 0.10);

  head_2021 = query_double (store,
                            "SELECT 1.0 * sum (head_appeared) / sum (hearing_held) FROM lawsuits"
                            " WHERE instance = 'first' AND concluded_month BETWEEN 202101 AND 202112");
  head_2025 = query_double (store,
                            "SELECT 1.0 * sum (head_appeared) / sum (hearing_held) FROM lawsuits"
                            " WHERE instance = 'first' AND concluded_month BETWEEN 202501 AND 202512");
  g_assert_cmpfloat (head_2021, <, head_2025);

  /* leniency items in force at the end */
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM leniency_items WHERE effective_on <= '2026-10-31'"
                          " AND (repealed_on IS NULL OR repealed_on > '2026-10-31')"),
                   >=, 200);
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM leniency_items WHERE effective_on <= '2026-10-31'"
                          " AND (repealed_on IS NULL OR repealed_on > '2026-10-31')"),
                   <=, 400);
  g_assert_cmpint (query (store, "SELECT count(*) FROM leniency_items WHERE repealed_on IS NOT NULL"), >, 0);
  g_assert_cmpint (query (store, "SELECT count(DISTINCT domain_id) FROM leniency_items"), >=, 14);

  /* leniency cases: on penalties only, with an exempted amount, pointing
   * at an item of their own field that was in force */
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM cases WHERE leniency <> 'none'"
                          " AND (kind <> 'penalty' OR exempted_fen <= 0)"),
                   ==, 0);
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM cases c JOIN leniency_items i ON i.id = c.leniency_item_id"
                          " WHERE i.domain_id <> c.domain_id OR i.effective_on > c.decided_on"
                          " OR i.repealed_on <= c.decided_on"),
                   ==, 0);
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases WHERE leniency_item_id IS NOT NULL"), >, 0);
  g_assert_cmpfloat (query_double (store,
                                   "SELECT avg (leniency <> 'none') FROM cases"
                                   " WHERE kind = 'penalty' AND decided_month BETWEEN 202101 AND 202112"),
                     <,
                     query_double (store,
                                   "SELECT avg (leniency <> 'none') FROM cases"
                                   " WHERE kind = 'penalty' AND decided_month BETWEEN 202501 AND 202512"));

  /* major decisions: about 2 %, a few without legal review */
  g_assert_cmpfloat (query_double (store, "SELECT avg (major) FROM cases"), >, 0.01);
  g_assert_cmpfloat (query_double (store, "SELECT avg (major) FROM cases"), <, 0.04);
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases WHERE major = 1 AND legal_review = 0"), >, 0);

  /* complaints: mostly on time */
  on_time = query_double (store,
                          "SELECT avg (closed_on <= due_on) FROM complaints WHERE closed_on IS NOT NULL");
  g_assert_cmpfloat (on_time, >, 0.85);
  g_assert_cmpfloat (on_time, <, 0.98);

  /* reviews: grades agree with scores, and review real cases */
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM reviews WHERE grade <> CASE WHEN score >= 90 THEN 'excellent'"
                          " WHEN score >= 80 THEN 'good' WHEN score >= 60 THEN 'pass' ELSE 'fail' END"),
                   ==, 0);
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM reviews r LEFT JOIN cases c"
                          " ON c.agency_id = r.agency_id AND c.case_no = r.case_no"
                          " WHERE c.id IS NULL OR c.decided_on >= r.reviewed_on"),
                   ==, 0);
  g_assert_cmpint (query (store, "SELECT count(*) FROM reviews WHERE reviewed_month BETWEEN 202401 AND 202412"),
                   >=, 200);

  /* parties: hashed, some seen more than once */
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases WHERE length (party) <> 16"), ==, 0);
  g_assert_cmpint (query (store, "SELECT count(DISTINCT party) FROM cases"), <, SANITY_CASES);

  /* a Spring Festival dip: February 2024 (春节 on 10 February) has fewer
   * decisions than January and March */
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases WHERE decided_month = 202402"), <,
                   query (store, "SELECT count(*) FROM cases WHERE decided_month = 202401"));
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases WHERE decided_month = 202402"), <,
                   query (store, "SELECT count(*) FROM cases WHERE decided_month = 202403"));
  /* and growth */
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases WHERE decided_month BETWEEN 202101 AND 202112"), <,
                   query (store, "SELECT count(*) FROM cases WHERE decided_month BETWEEN 202501 AND 202512"));
}

static void
test_anomalies (void)
{
  JdStore *store = sanity_store ();

  /* An agency that decided cases every month until May 2026 and none
   * since, though it still opens some. */
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM agencies a WHERE"
                          " (SELECT count(DISTINCT decided_month) FROM cases c WHERE c.agency_id = a.id"
                          "   AND decided_month BETWEEN 202601 AND 202605) = 5"
                          " AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.agency_id = a.id"
                          "   AND decided_month BETWEEN 202606 AND 202610)"),
                   >=, 1);
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM cases c JOIN agencies a ON a.id = c.agency_id"
                          " WHERE a.code = 'BT-ZHZF' AND decided_month >= 202606"),
                   ==, 0);
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM cases c JOIN agencies a ON a.id = c.agency_id"
                          " WHERE a.code = 'BT-ZHZF' AND decided_on IS NULL"),
                   >, 0);

  /* An agency whose complaints in Aug–Oct 2026 run at three times its
   * monthly rate of Jan–Jul 2026. */
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM ("
                          " SELECT agency_id,"
                          "  sum (received_month BETWEEN 202608 AND 202610) / 3.0 AS recent,"
                          "  sum (received_month BETWEEN 202601 AND 202607) / 7.0 AS before"
                          " FROM complaints GROUP BY agency_id)"
                          " WHERE recent > 3 * before AND before > 0"),
                   >=, 1);
  g_assert_cmpint (query (store,
                          "SELECT count(*) FROM ("
                          " SELECT sum (received_month BETWEEN 202608 AND 202610) / 3.0 AS recent,"
                          "  sum (received_month BETWEEN 202601 AND 202607) / 7.0 AS before"
                          " FROM complaints c JOIN agencies a ON a.id = c.agency_id WHERE a.code = 'XH-SCJG')"
                          " WHERE recent > 3 * before"),
                   ==, 1);
}

/* The generator skips CHECK and foreign-key evaluation while it writes:
 * the rows must satisfy them all the same, and the settings come back. */
static void
test_constraints (void)
{
  JdStore *store = sanity_store ();
  sqlite3 *db = _jd_store_get_db (store);
  g_autoptr(sqlite3_stmt) integrity = NULL;
  g_autoptr(sqlite3_stmt) foreign = NULL;
  g_autoptr(GError) error = NULL;

  integrity = _jd_store_prepare (db, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (integrity), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (integrity, 0), ==, "ok");

  foreign = _jd_store_prepare (db, "PRAGMA foreign_key_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (foreign), ==, SQLITE_DONE);

  g_assert_cmpint (query (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query (store, "PRAGMA ignore_check_constraints"), ==, 0);

  {
    JdStore *fresh = open_store ("fresh.db");

    g_assert_cmpint (query (store, "PRAGMA cache_size"), ==, query (fresh, "PRAGMA cache_size"));
    remove_db (fresh, "fresh.db");
  }
}

static void
test_small (void)
{
  JdStore *store = generate ("small.db", 1, 1000);

  /* even the smallest demo has each year's figures */
  for (int year = 2021; year <= 2026; year++)
    {
      g_autofree char *lawsuits = g_strdup_printf ("SELECT count(*) FROM lawsuits WHERE filed_on LIKE '%d-%%'", year);
      g_autofree char *reviews = g_strdup_printf ("SELECT count(*) FROM reviews WHERE reviewed_on LIKE '%d-%%'", year);
      g_autofree char *reconsiderations = g_strdup_printf ("SELECT count(*) FROM reconsiderations"
                                                           " WHERE received_on LIKE '%d-%%'", year);

      g_assert_cmpint (query (store, lawsuits), >, 0);
      g_assert_cmpint (query (store, reviews), >, 0);
      g_assert_cmpint (query (store, reconsiderations), >, 0);
    }
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases"), ==, 1000);
  g_assert_cmpint (query (store, "SELECT count(*) FROM complaints"), ==, 500);

  remove_db (store, "small.db");
}

static void
test_refuse_non_empty (void)
{
  JdStore *store = generate ("full.db", 3, 1000);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = digest (store);
  g_autofree char *after = NULL;

  g_assert_false (jd_demo_generate (store, 3, 1000, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  after = digest (store);
  g_assert_cmpstr (before, ==, after);

  remove_db (store, "full.db");
}

/* A new database holds the standard fields already: the demo uses those
 * rows, ids and all, and adds a field only where one is missing. */
static void
test_standard_fields (void)
{
  JdStore *store = open_store ("standard.db");
  g_autoptr(GError) error = NULL;
  gint64 n_standard = query (store, "SELECT count(*) FROM domains");
  gint64 scjg = query (store, "SELECT id FROM domains WHERE code = 'SCJG'");

  g_assert_cmpint (n_standard, >=, 14);
  g_assert_true (_jd_store_exec (_jd_store_get_db (store), "DELETE FROM domains WHERE code = 'JY'", &error));

  g_assert_true (jd_demo_generate (store, 3, 1000, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query (store, "SELECT id FROM domains WHERE code = 'SCJG'"), ==, scjg);
  g_assert_cmpint (query (store, "SELECT count(*) FROM domains"), ==, n_standard);
  g_assert_cmpint (query (store, "SELECT count(DISTINCT name) FROM domains"), ==, n_standard);
  g_assert_cmpint (query (store, "SELECT count(*) FROM domains WHERE code = 'JY' AND name = '教育'"), ==, 1);
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases WHERE domain_id = (SELECT id FROM domains WHERE code = 'SCJG')"), >, 0);

  remove_db (store, "standard.db");
}

static void
test_refuse_sizes (void)
{
  JdStore *store = open_store ("sizes.db");
  const gint64 sizes[] = { -1, 0, 999, JD_DEMO_MAX_CASES + 1, G_MAXINT64 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (jd_demo_generate (store, 1, sizes[i], NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }
  g_assert_true (jd_store_is_empty (store));

  remove_db (store, "sizes.db");
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
  gboolean      backwards;
} Progress;

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  Progress *progress = user_data;

  if (fraction < progress->last)
    progress->backwards = TRUE;
  progress->last = fraction;
  progress->calls++;

  if (progress->cancellable != NULL && fraction >= 0.3)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_progress (void)
{
  JdStore *store = open_store ("progress.db");
  g_autoptr(GError) error = NULL;
  Progress progress = { NULL, 0.0, 0, FALSE };

  g_assert_true (jd_demo_generate (store, 5, 20000, on_progress_cb, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (progress.backwards);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >=, 50);
  g_assert_cmpuint (progress.calls, <=, 110);

  remove_db (store, "progress.db");
}

static void
test_cancel (void)
{
  JdStore *store = open_store ("cancel.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { cancellable, 0.0, 0, FALSE };
  gint64 n_domains = query (store, "SELECT count(*) FROM domains");

  g_assert_false (jd_demo_generate (store, 5, 20000, on_progress_cb, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (progress.last, <, 0.5);

  g_assert_true (jd_store_is_empty (store));
  g_assert_cmpint (query (store, "SELECT count(*) FROM agencies"), ==, 0);
  g_assert_cmpint (query (store, "SELECT count(*) FROM domains"), ==, n_domains);
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases"), ==, 0);

  /* and the store still works: a second try without cancelling succeeds */
  g_clear_error (&error);
  g_assert_true (jd_demo_generate (store, 5, 1000, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (store, "SELECT count(*) FROM cases"), ==, 1000);

  remove_db (store, "cancel.db");
}

/* The benchmark's filters pick something real in a demo city, and its
 * raw-SQL reference agrees with the rollups under each. */
static void
test_bench_filters (void)
{
  JdStore *store = sanity_store ();
  g_autoptr(GError) error = NULL;
  JdBenchFilter filters[JD_BENCH_N_FILTERS];
  gint64 n_cases, n_complaints;
  int first, last;
  JdPeriod period;

  g_assert_true (jd_bench_totals (store, &n_cases, &n_complaints, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_cases, ==, query (store, "SELECT count(*) FROM cases WHERE decided_on IS NOT NULL"));
  g_assert_cmpint (n_complaints, ==, query (store, "SELECT count(*) FROM complaints"));

  g_assert_true (jd_store_get_month_range (store, &first, &last));
  period = jd_period_containing (JD_PERIOD_YEAR, last);
  jd_bench_filters_init (store, filters);
  g_assert_null (filters[0].value);
  for (guint f = 0; f < JD_BENCH_N_FILTERS; f++)
    {
      g_autoptr(JdMetrics) rolled = jd_metrics_compute (store, &period, &filters[f].filter, &error);
      g_autoptr(JdMetrics) raw = NULL;

      g_assert_no_error (error);
      raw = jd_bench_compute_raw (store, &period, &filters[f].filter, &error);
      g_assert_no_error (error);
      g_assert_nonnull (filters[f].name);
      g_assert_true (f == 0 || filters[f].value != NULL);
      g_assert_cmpint (rolled->cases.decided, >, 0);
      g_assert_cmpint (rolled->cases.decided, ==, raw->cases.decided);
      g_assert_cmpint (rolled->complaints.received, ==, raw->complaints.received);
    }
  jd_bench_filters_clear (filters);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("jiandu-test-demo-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/counts", test_counts);
  g_test_add_func ("/demo/dates", test_dates);
  g_test_add_func ("/demo/shapes", test_shapes);
  g_test_add_func ("/demo/anomalies", test_anomalies);
  g_test_add_func ("/demo/constraints", test_constraints);
  g_test_add_func ("/demo/small", test_small);
  g_test_add_func ("/demo/standard-fields", test_standard_fields);
  g_test_add_func ("/demo/refuse/non-empty", test_refuse_non_empty);
  g_test_add_func ("/demo/refuse/sizes", test_refuse_sizes);
  g_test_add_func ("/demo/progress", test_progress);
  g_test_add_func ("/demo/cancel", test_cancel);
  g_test_add_func ("/demo/bench-filters", test_bench_filters);

  result = g_test_run ();

  if (sanity != NULL)
    remove_db (sanity, "sanity.db");
  g_rmdir (tmp_dir);
  g_free (tmp_dir);

  return result;
}

/* test-store.c — opening, creating, migrating and refusing databases
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "jd-rollup-private.h"
#include "jd-store-private.h"
#include "jd-test-util.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jiandu-store-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jd_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static int
db_int (sqlite3    *db,
        const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
db_exec (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Opens @path and expects it refused with @code, the file's bytes unchanged. */
static void
assert_refused (const char   *path,
                JdStoreError  code)
{
  g_autofree char *before = jd_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;

  store = jd_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, JD_STORE_ERROR, (int)code);
  g_assert_nonnull (error->message);
  g_test_message ("refused as expected: %s", error->message);

  after = jd_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;
  static const char * const tables[] = {
    "agencies", "domains", "cases", "leniency_items", "complaints", "lawsuits",
    "reconsiderations", "reviews", "imports", "settings",
  };
  sqlite3 *db;

  store = jd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (jd_store_get_schema_version (store), ==, JD_STORE_SCHEMA_VERSION);
  g_assert_true (jd_store_is_empty (store));

  db = _jd_store_get_db (store);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, JD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (db_int (db, "PRAGMA application_id"), ==, JD_STORE_APPLICATION_ID);
  g_assert_cmpint (db_int (db, "PRAGMA foreign_keys"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master"
                                              " WHERE type = 'table' AND name = '%s'", tables[i]);
      g_assert_cmpint (db_int (db, sql), ==, 1);
    }

  /* The standard fields of enforcement are there from the start, as no
   * import's doing, and a database holding only them counts as empty. */
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains"), ==, 15);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains WHERE import_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains WHERE code = 'SCJG' AND name = '市场监管'"), ==, 1);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains WHERE code = 'CSGL' AND name = '城市管理'"), ==, 1);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains WHERE code = 'QT' AND name = '其他'"), ==, 1);

  /* Natural keys are unique, foreign keys are enforced, enumerations checked. */
  db_exec (db, "INSERT INTO agencies (code, name, level) VALUES ('A1', '市市场监督管理局', 'city')");
  db_exec (db, "INSERT INTO cases (agency_id, case_no, kind, decided_on) VALUES (1, 'X-1', 'penalty', '2024-03-31')");
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO cases (agency_id, case_no, kind) VALUES (1, 'X-1', 'penalty')",
                                 NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO cases (agency_id, case_no, kind) VALUES (99, 'X-2', 'penalty')",
                                 NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO cases (agency_id, case_no, kind) VALUES (1, 'X-3', 'fine')",
                                 NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_false (jd_store_is_empty (store));

  /* The month key is derived from the date, never stored apart from it. */
  g_assert_cmpint (db_int (db, "SELECT decided_month FROM cases WHERE case_no = 'X-1'"), ==, 202403);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "again.db", NULL);
  g_autoptr(GError) error = NULL;
  JdStore *store;

  store = jd_store_open (path, &error);
  g_assert_no_error (error);
  db_exec (_jd_store_get_db (store),
           "INSERT INTO agencies (code, name, level) VALUES ('A1', '市公安局', 'city')");
  g_object_unref (store);

  store = jd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (db_int (_jd_store_get_db (store), "SELECT count(*) FROM agencies"), ==, 1);
  g_object_unref (store);
}

/* Writes a database at @path as version @version of the schema left it,
 * runs @sql on it, then opens it with the current code, which migrates it. */
static JdStore *
open_old_database (const char *path,
                   int         version,
                   const char *sql)
{
  g_autoptr(GError) error = NULL;
  JdStore *store;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (_jd_store_migrate (db, 0, version, &error));
  g_assert_no_error (error);
  db_exec (db, sql);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, version);
  sqlite3_close (db);

  store = jd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (db_int (_jd_store_get_db (store), "PRAGMA user_version"), ==, JD_STORE_SCHEMA_VERSION);

  return store;
}

static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "old.db", NULL);
  g_autoptr(JdStore) store = NULL;
  sqlite3 *db;

  /* A database as version 1 of Jiandu wrote it, with data in it. */
  store = open_old_database (path, 1,
                             "INSERT INTO agencies (code, name, level) VALUES ('A1', '市生态环境局', 'city');"
                             "INSERT INTO cases (agency_id, case_no, kind, decided_on, fine_fen)"
                             " VALUES (1, 'H-9', 'penalty', '2023-12-31', 500000);");
  db = _jd_store_get_db (store);

  g_assert_cmpint (db_int (db, "SELECT fine_fen FROM cases WHERE case_no = 'H-9'"), ==, 500000);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM settings WHERE key = 'loss_rate_denominator'"), ==, 1);
}

/* Migration 5 adds the standard fields a version 4 database lacks, and
 * leaves the fields it has alone: their rows, ids and names. */
static void
test_migrate_standard_fields (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "v4.db", NULL);
  g_autoptr(JdStore) store = NULL;
  sqlite3 *db;

  store = open_old_database (path, 4,
                             /* a standard code under the bureau's own name */
                             "INSERT INTO domains (id, code, name) VALUES (7, 'SCJG', '市场监督管理');"
                             /* a standard name, as an import with --create-agencies adds it */
                             "INSERT INTO domains (id, code, name) VALUES (3, '生态环境', '生态环境');"
                             /* a field of its own */
                             "INSERT INTO domains (id, code, name) VALUES (20, 'HYYY', '海洋渔业');"
                             "INSERT INTO agencies (code, name, level) VALUES ('A1', '市生态环境局', 'city');"
                             "INSERT INTO cases (agency_id, case_no, domain_id, kind) VALUES (1, 'H-1', 3, 'penalty');");
  db = _jd_store_get_db (store);

  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains WHERE id = 7 AND code = 'SCJG' AND name = '市场监督管理'"), ==, 1);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains WHERE id = 3 AND code = '生态环境'"), ==, 1);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains WHERE id = 20 AND code = 'HYYY'"), ==, 1);
  g_assert_cmpint (db_int (db, "SELECT domain_id FROM cases WHERE case_no = 'H-1'"), ==, 3);

  /* 生态环境 is known by name already: no second one under STHJ. */
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains WHERE name = '生态环境'"), ==, 1);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains WHERE code = 'STHJ'"), ==, 0);

  /* The other thirteen standard fields are added. */
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains"), ==, 3 + 13);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains WHERE code = 'JTYS' AND name = '交通运输'"), ==, 1);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM domains WHERE code = 'QT' AND name = '其他'"), ==, 1);
}

static void
test_migrate_failure_rolls_back (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "half.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;
  sqlite3 *db = NULL;

  /* Something in the way of migration 2 makes it fail half-way: nothing of
   * it may stay behind, and the version must not move. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (_jd_store_migrate (db, 0, 1, &error));
  db_exec (db, "CREATE TABLE settings (unrelated TEXT)");
  sqlite3_close (db);

  store = jd_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED);
  g_test_message ("%s", error->message);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (db_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (db_int (db, "SELECT count(*) FROM pragma_table_info ('settings')"), ==, 1);
  sqlite3_close (db);
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "cases.csv", NULL);

  g_assert_true (g_file_set_contents (text, "这不是数据库 — not a database\n", -1, NULL));
  assert_refused (text, JD_STORE_ERROR_NOT_JIANDU);

  g_assert_true (g_file_set_contents (csv, "案件编号,执法单位\nA-1,市公安局\n", -1, NULL));
  assert_refused (csv, JD_STORE_ERROR_NOT_JIANDU);
}

static void
test_other_program (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "other.sqlite", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  db_exec (db, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('a')");
  sqlite3_close (db);

  assert_refused (path, JD_STORE_ERROR_NOT_JIANDU);
}

/* Writes a small Jiandu database at @path and closes it. */
static void
make_database (const char *path,
               int         n_cases)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (path, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  db = _jd_store_get_db (store);
  db_exec (db, "BEGIN; INSERT INTO agencies (code, name, level) VALUES ('A1', '市交通运输局', 'city')");
  for (int i = 0; i < n_cases; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO cases (agency_id, case_no, kind, decided_on, party)"
                                              " VALUES (1, 'JT-%06d', 'penalty', '2024-05-01',"
                                              " '%064d')", i, i);
      db_exec (db, sql);
    }
  g_assert_true (_jd_rollup_refresh_all (_jd_store_get_conn (store), &error));
  g_assert_no_error (error);
  db_exec (db, "COMMIT");
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "future.db", NULL);
  sqlite3 *db = NULL;

  make_database (path, 3);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  db_exec (db, "PRAGMA user_version = 99");
  sqlite3_close (db);

  assert_refused (path, JD_STORE_ERROR_TOO_NEW);
}

static void
overwrite (const char *path,
           goffset     offset,
           gsize       length)
{
  FILE *fp = g_fopen (path, "r+b");

  g_assert_nonnull (fp);
  g_assert_cmpint (fseek (fp, offset, SEEK_SET), ==, 0);
  for (gsize i = 0; i < length; i++)
    fputc ((int)((i * 131 + 7) & 0xff), fp);
  fclose (fp);
}

static void
test_corrupt_schema_page (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "damaged.db", NULL);

  make_database (path, 50);
  /* Keep the 100-byte file header, damage the rest of page 1. */
  overwrite (path, 100, 1000);
  assert_refused (path, JD_STORE_ERROR_CORRUPT);
}

/* Damage deep in the data, in a leaf page of the cases table: found by
 * jd_store_verify(), and reported as damage (not as some SQL error) when a
 * query reads that page. */
static void
test_corrupt_data_page (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "damaged-data.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  int page;
  int rc;

  make_database (path, 400);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat WHERE name = 'cases' AND pagetype = 'leaf'"
                              " ORDER BY pageno LIMIT 1 OFFSET 3", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      g_test_skip ("this SQLite has no dbstat table to find a data page with");
      return;
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);

  overwrite (path, (goffset)(page - 1) * 4096, 4096);
  before = jd_test_file_checksum (path);

  store = jd_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_false (jd_store_verify (store, NULL, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_prepare_v2 (_jd_store_get_db (store), "SELECT sum (length (party)) FROM cases",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CORRUPT);
  _jd_store_set_error (&error, _jd_store_get_db (store), rc, "Reading");
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged-data.db"));
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_object (&store);

  after = jd_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_verify_sound (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sound.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;

  make_database (path, 50);
  store = jd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_store_verify (store, NULL, &error));
  g_assert_no_error (error);
}

/* A summary table that no longer sums the records is damage too: every
 * figure is read from it. */
static void
test_verify_summaries (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "summaries.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;

  make_database (path, 50);
  store = jd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (_jd_store_exec (_jd_store_get_db (store),
                                 "UPDATE roll_cases SET fines_fen = fines_fen + 1",
                                 &error));
  g_assert_no_error (error);
  g_assert_false (jd_store_verify (store, NULL, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_SUMMARIES);
  g_assert_nonnull (strstr (error->message, "roll_cases"));
  g_clear_error (&error);

  /* Summing them again mends it. */
  g_assert_true (jd_store_rebuild_summaries (store, &error));
  g_assert_no_error (error);
  g_assert_true (jd_store_verify (store, NULL, &error));
  g_assert_no_error (error);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "half-copied.db", NULL);
  GStatBuf st;

  make_database (path, 400);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (truncate (path, st.st_size / 2), ==, 0);
  assert_refused (path, JD_STORE_ERROR_CORRUPT);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "locked.db", NULL);

  make_database (path, 2);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_refused (path, JD_STORE_ERROR_READ_ONLY);
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (fixture->dir, &error);

  g_assert_null (store);
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_JIANDU);
}

static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Databases hold party identifiers and complaint records: a new one and
 * every file SQLite puts beside it are the owner's alone, whatever the
 * umask says. */
static void
test_private_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;
  mode_t saved_umask = umask (0);
  sqlite3 *db;

  store = jd_store_open (path, &error);
  umask (saved_umask);
  g_assert_no_error (error);
  db = _jd_store_get_db (store);
  db_exec (db, "INSERT INTO agencies (code, name, level) VALUES ('A1', '市交通运输局', 'city')");
  assert_private (path);
  assert_private (wal);
  assert_private (shm);

  /* A rollback journal, as an older Jiandu used during imports. */
  umask (0);
  db_exec (db, "PRAGMA journal_mode = DELETE; BEGIN;"
               " INSERT INTO agencies (code, name, level) VALUES ('A2', '市生态环境局', 'city')");
  umask (saved_umask);
  assert_private (journal);
  db_exec (db, "ROLLBACK");
}

typedef struct
{
  JdStore *store;
  int      holding;
  int      release;
} Holder;

/* A worker reading: holds the store's connection until told to let go. */
static gpointer
hold_store_thread (gpointer user_data)
{
  Holder *holder = user_data;

  _jd_store_lock (holder->store);
  g_atomic_int_set (&holder->holding, TRUE);
  while (!g_atomic_int_get (&holder->release))
    g_usleep (1000);
  _jd_store_unlock (holder->store);

  return NULL;
}

/* A commit by another connection is seen once; the store's own are not. */
static void
test_poll_changes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "watched.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) shown = NULL;
  g_autoptr(JdStore) writer = NULL;
  Holder holder = { NULL, FALSE, FALSE };
  GThread *thread;

  shown = jd_store_open (path, &error);
  g_assert_no_error (error);
  writer = jd_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_false (jd_store_poll_changes (shown));
  db_exec (_jd_store_get_db (shown), "INSERT INTO agencies (code, name, level) VALUES ('A1', '市公安局', 'city')");
  g_assert_false (jd_store_poll_changes (shown));

  db_exec (_jd_store_get_db (writer), "INSERT INTO agencies (code, name, level) VALUES ('A2', '市生态环境局', 'city')");
  g_assert_true (jd_store_poll_changes (shown));
  g_assert_false (jd_store_poll_changes (shown));

  /* While a worker holds the connection, the poll waits for the next time. */
  db_exec (_jd_store_get_db (writer), "DELETE FROM agencies WHERE code = 'A2'");
  holder.store = shown;
  thread = g_thread_new ("holder", hold_store_thread, &holder);
  while (!g_atomic_int_get (&holder.holding))
    g_usleep (1000);
  g_assert_false (jd_store_poll_changes (shown));
  g_atomic_int_set (&holder.release, TRUE);
  g_thread_join (thread);
  g_assert_true (jd_store_poll_changes (shown));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/create", test_create);
  ADD ("/store/create/private", test_private_files);
  ADD ("/store/reopen", test_reopen);
  ADD ("/store/migrate/from-1", test_migrate);
  ADD ("/store/migrate/standard-fields", test_migrate_standard_fields);
  ADD ("/store/migrate/failure-rolls-back", test_migrate_failure_rolls_back);
  ADD ("/store/refuse/not-a-database", test_not_a_database);
  ADD ("/store/refuse/other-program", test_other_program);
  ADD ("/store/refuse/newer-version", test_newer_version);
  ADD ("/store/refuse/corrupt-schema-page", test_corrupt_schema_page);
  ADD ("/store/refuse/corrupt-data-page", test_corrupt_data_page);
  ADD ("/store/refuse/truncated", test_truncated);
  ADD ("/store/refuse/read-only", test_read_only);
  ADD ("/store/verify/sound", test_verify_sound);
  ADD ("/store/verify/summaries", test_verify_summaries);
  ADD ("/store/refuse/directory", test_directory);
  ADD ("/store/poll-changes", test_poll_changes);

#undef ADD

  return g_test_run ();
}

/* test-import-pg.c — importing into a PostgreSQL store, against SQLite
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same files go into a SQLite store and into a database of their own
 * on the server JIANDU_TEST_PG names (jd-test-pg.h).  The SQLite writer is
 * the reference: every JdImportResult (counts, reasons, import ids), every
 * rollup table read in the order of its key, the raw rows and the import
 * records must come out the same from the PostgreSQL writer.  Imports at
 * the same time are test-import-pg-concurrent.c's.
 */

#include "config.h"

#include "jd-test-import-pg.h"

/* What cases_csv (first, n, 0) holds, worked out from how it is made:
 * rows new, duplicated and rejected when imported into an empty table. */
static void
count_cases (guint  first,
             guint  n,
             guint *n_new,
             guint *n_duplicates,
             guint *n_rejected)
{
  *n_new = *n_duplicates = *n_rejected = 0;
  for (guint i = first; i < first + n; i++)
    {
      gboolean bad = i % 97 == 3 || i % 211 == 5;

      *(bad ? n_rejected : n_new) += 1;
      if (i % 101 == 7)
        *(bad ? n_rejected : n_duplicates) += 1;
      /* The repeat names a known agency: a key of its own when the row's
       * agency was unknown, the first of its key when the row was wrong. */
      if (i % 103 == 9)
        *(bad ? n_new : n_rejected) += 1;
    }
}

/* The agencies, then every entity: the same results and the same tables. */
static void
load_city (Pair *pair)
{
  g_autoptr(GPtrArray) agencies = import_both (pair, "agencies.csv", agencies_csv, FALSE);
  const JdImportResult *result = first_result (agencies);
  g_autofree char *cases = cases_csv (0, 3000, 0);
  g_autoptr(GPtrArray) imported = NULL;
  guint n_new, n_duplicates, n_rejected;

  /* The parents named by earlier rows were found; the repeated key and the
   * unknown parent rejected, naming the row and the agency. */
  g_assert_cmpuint (result->n_new, ==, 6);
  g_assert_cmpuint (result->n_duplicates, ==, 1);
  g_assert_cmpuint (result->n_rejected, ==, 2);
  g_assert_cmpstr (g_array_index (result->errors, JdImportRowError, 0).reason, ==,
                   "Repeats the key of row 3 with different values");
  g_assert_cmpstr (g_array_index (result->errors, JdImportRowError, 1).reason, ==, "Unknown agency “XH-NONE”");

  imported = import_both (pair, "cases.csv", cases, FALSE);
  result = first_result (imported);
  count_cases (0, 3000, &n_new, &n_duplicates, &n_rejected);
  g_assert_cmpuint (result->n_new, ==, n_new);
  g_assert_cmpuint (result->n_duplicates, ==, n_duplicates);
  g_assert_cmpuint (result->n_rejected, ==, n_rejected);
  g_clear_pointer (&imported, g_ptr_array_unref);

  for (guint i = 0; i < 4; i++)
    {
      static const char * const names[] = { "complaints.csv", "lawsuits.csv", "reconsiderations.csv", "reviews.csv" };
      const char * const files[] = { complaints_csv, lawsuits_csv, reconsiderations_csv, reviews_csv };

      imported = import_both (pair, names[i], files[i], FALSE);
      g_assert_cmpuint (first_result (imported)->n_new, >, 1);
      g_clear_pointer (&imported, g_ptr_array_unref);
    }

  assert_same_tables (pair);
}

static void
test_same_as_sqlite (void)
{
  Pair pair = { 0 };
  g_autofree char *more = cases_csv (2500, 1000, 0);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) overlap = NULL;

  if (!pair_open (&pair))
    return;

  load_city (&pair);

  /* A file half stored already: the stored half unchanged. */
  overlap = import_both (&pair, "more.csv", more, TRUE);
  g_assert_cmpuint (first_result (overlap)->n_unchanged, >, 400);
  g_assert_cmpuint (first_result (overlap)->n_new, >, 400);
  assert_same_tables (&pair);

  /* The same files again: nothing changes. */
  again = import_both (&pair, "more.csv", more, TRUE);
  g_assert_cmpuint (first_result (again)->n_new, ==, 0);
  g_assert_cmpuint (first_result (again)->n_updated, ==, 0);
  g_assert_cmpuint (first_result (again)->n_unchanged, ==, first_result (overlap)->n_new + first_result (overlap)->n_unchanged);
  assert_same_tables (&pair);

  pair_close (&pair);
}

/* Updates journalled and undone, the undo's rollups by delta. */
static void
test_update_and_undo (void)
{
  Pair pair = { 0 };
  g_autofree char *changed = cases_csv (0, 3000, 300);
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) updated = NULL;
  g_autoptr(GError) error = NULL;
  gint64 import_id;

  if (!pair_open (&pair))
    return;

  load_city (&pair);
  before = dump (pair.pg, compared[9]);

  updated = import_both (&pair, "changed.csv", changed, FALSE);
  g_assert_cmpuint (first_result (updated)->n_updated, >, 500);
  assert_same_tables (&pair);
  {
    g_autofree char *changed_dump = dump (pair.pg, compared[9]);

    g_assert_cmpstr (changed_dump, !=, before);
  }

  import_id = first_result (updated)->import_id;
  g_assert_true (jd_import_undo (pair.sqlite, import_id, &error));
  g_assert_no_error (error);
  g_assert_true (jd_import_undo (pair.pg, import_id, &error));
  g_assert_no_error (error);
  assert_same_tables (&pair);
  {
    g_autofree char *after = dump (pair.pg, compared[9]);

    g_assert_cmpstr (after, ==, before);
  }

  /* Undone already; and the agencies cannot go while the cases name them … */
  g_assert_false (jd_import_undo (pair.pg, import_id, &error));
  g_assert_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED);
  g_clear_error (&error);
  g_assert_false (jd_import_undo (pair.pg, 1, &error));
  g_assert_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED);
  g_clear_error (&error);

  /* … but the reviews can, on both, the same way. */
  g_assert_true (jd_import_undo (pair.sqlite, import_id - 1, &error));
  g_assert_no_error (error);
  g_assert_true (jd_import_undo (pair.pg, import_id - 1, &error));
  g_assert_no_error (error);
  assert_same_tables (&pair);

  /* The history lists the same imports, the undone ones said so. */
  {
    g_autoptr(GPtrArray) expected = jd_import_list (pair.sqlite, &error);
    g_autoptr(GPtrArray) actual = jd_import_list (pair.pg, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (actual->len, ==, expected->len);
    g_assert_cmpuint (actual->len, ==, import_id);
    for (guint i = 0; i < actual->len; i++)
      {
        const JdImportRecord *a = actual->pdata[i];
        const JdImportRecord *e = expected->pdata[i];

        g_assert_cmpint (a->id, ==, e->id);
        g_assert_cmpstr (a->file_name, ==, e->file_name);
        g_assert_cmpstr (a->sha256, ==, e->sha256);
        g_assert_cmpstr (a->entity, ==, e->entity);
        g_assert_cmpuint (a->n_new, ==, e->n_new);
        g_assert_cmpuint (a->n_updated, ==, e->n_updated);
        g_assert_cmpuint (a->n_unchanged, ==, e->n_unchanged);
        g_assert_cmpuint (a->n_rejected, ==, e->n_rejected);
        g_assert_cmpint (a->undone_at != NULL, ==, e->undone_at != NULL);
        g_assert_cmpint (a->undone_at != NULL, ==, a->id == import_id || a->id == import_id - 1);
      }
  }

  pair_close (&pair);
}

/* Agencies created on the way, and more reasons than are kept: the first
 * JD_IMPORT_MAX_ERRORS in the order of the rows, on both. */
static void
test_many_reasons (void)
{
  Pair pair = { 0 };
  GString *file = g_string_new ("执法单位,案件编号,执法类别,罚没金额\n");
  g_autoptr(GPtrArray) results = NULL;
  const JdImportResult *result;

  if (!pair_open (&pair))
    return;

  /* Every key twice with other values (a reason the writer finds), every
   * third amount wrong (one the parser finds), new agencies created. */
  for (guint i = 0; i < 12000; i++)
    {
      g_string_append_printf (file, "NEW-%u,M-%u,处罚,%s\n", i % 5, i, i % 3 == 0 ? "很多" : "12.5");
      g_string_append_printf (file, "NEW-%u,M-%u,处罚,13\n", i % 5, i);
    }
  results = import_both (&pair, "many.csv", file->str, TRUE);
  result = first_result (results);
  g_assert_cmpuint (result->errors->len, ==, JD_IMPORT_MAX_ERRORS);
  g_assert_cmpuint (result->n_errors_dropped, ==, 12000 - JD_IMPORT_MAX_ERRORS);
  g_assert_cmpuint (result->n_rejected, ==, 12000);
  g_assert_cmpuint (result->n_new, ==, 12000);
  assert_same_tables (&pair);

  g_string_free (file, TRUE);
  pair_close (&pair);
}

static void
on_progress_cancel_cb (double   fraction,
                       gpointer user_data)
{
  if (fraction > 0.5)
    g_cancellable_cancel (user_data);
}

/* Cancelled half-way, with rows on their way to the server: nothing of
 * the file stays, and the store takes the next import. */
static void
test_cancel (void)
{
  Pair pair = { 0 };
  g_autofree char *cases = cases_csv (0, 20000, 0);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  JdDb *db;

  if (!pair_open (&pair))
    return;

  agencies = import_both (&pair, "agencies.csv", agencies_csv, FALSE);
  path = write_file (&pair, "cases.csv", cases);
  results = jd_import_file (pair.pg, path, NULL, on_progress_cancel_cb, cancellable, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (results);
  g_clear_error (&error);

  db = _jd_store_get_conn (pair.pg);
  g_assert_cmpint (_jd_db_query_int64 (db, "SELECT count(*) FROM cases", -1, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (_jd_db_query_int64 (db, "SELECT count(*) FROM imports", -1, &error), ==, 1);
  g_assert_no_error (error);

  results = import_file (pair.pg, path, FALSE);
  g_assert_cmpuint (first_result (results)->n_new, >, 19000);
  g_assert_true (_jd_rollup_verify (db, &error));
  g_assert_no_error (error);

  pair_close (&pair);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-pg/same-as-sqlite", test_same_as_sqlite);
  g_test_add_func ("/import-pg/update-and-undo", test_update_and_undo);
  g_test_add_func ("/import-pg/many-reasons", test_many_reasons);
  g_test_add_func ("/import-pg/cancel", test_cancel);

  return g_test_run ();
}

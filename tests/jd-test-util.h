/* jd-test-util.h — what the test programs share
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "jd-store-private.h"

/* Removes a test's temporary folder and the files in it (a database, its
 * -wal and -shm, files made read-only on purpose). */
static inline void
jd_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_chmod (file, 0600);
      g_remove (file);
    }

  g_rmdir (path);
}

/* The SHA-256 of a file's bytes, to show that something left it alone. */
static inline char *
jd_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* The one number a query gives. */
static inline gint64
jd_test_query_int (JdStore    *store,
                   const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (_jd_store_get_db (store), sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

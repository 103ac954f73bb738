/* jd-test-util.h — what the test programs share
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <libintl.h>

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

/* Compiles po/zh_CN.po into @locale_dir/zh_CN/LC_MESSAGES and binds the
 * text domain to it, so that a test reads the Chinese the users will.
 * Returns: %FALSE when msgfmt is not installed. */
static inline gboolean
jd_test_compile_catalogue (const char *locale_dir)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *po = g_test_build_filename (G_TEST_DIST, "..", "po", "zh_CN.po", NULL);
  g_autofree char *mo_dir = g_build_filename (locale_dir, "zh_CN", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (mo_dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { msgfmt, "-o", mo, po, NULL };
  int status;

  if (msgfmt == NULL)
    return FALSE;

  g_assert_cmpint (g_mkdir_with_parents (mo_dir, 0700), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

/* Converts @docx with LibreOffice headless into @outdir (@format:
 * "txt:Text", "pdf"), with a profile and a home of its own there, as it
 * needs when run as root. */
static inline gboolean
jd_test_run_soffice (const char  *soffice,
                     const char  *format,
                     const char  *docx,
                     const char  *outdir,
                     GError     **error)
{
  g_autofree char *profile = g_build_filename (outdir, "lo", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  const char *argv[] = { soffice, "--headless", "--norestore", env_arg, "--convert-to", format,
                         "--outdir", outdir, docx, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "HOME", outdir, TRUE);
  g_autofree char *out = NULL, *err = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s%s: ", out, err);
      return FALSE;
    }

  return TRUE;
}

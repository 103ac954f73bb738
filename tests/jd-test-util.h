/* jd-test-util.h — what the test programs share
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

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

/* jd-demo-server.c — the demo city on a PostgreSQL server
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jd-demo-private.h"
#include "jd-store-copy.h"
#include "jd-store-private.h"

/* A server's demo: the city is generated into a file of its own, as fast
 * as SQLite writes, then copied onto the server as a copy of any file is
 * (jd-store-copy.c): the same records, and the server's rollups kept by
 * its own import. */
typedef struct
{
  JdProgressFunc progress;
  gpointer       user_data;
  double         start;
  double         span;
} Stage;

static void
stage_progress_cb (double   fraction,
                   gpointer user_data)
{
  Stage *stage = user_data;

  if (stage->progress != NULL && fraction >= 0)
    stage->progress (stage->start + fraction * stage->span, stage->user_data);
}

gboolean
_jd_demo_generate_on_server (JdStore         *store,
                             guint64          seed,
                             gint64           n_cases,
                             JdProgressFunc   progress,
                             gpointer         user_data,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autofree char *folder = g_dir_make_tmp ("jiandu-demo-XXXXXX", error);
  g_autofree char *path = NULL;
  g_autoptr(JdStore) file = NULL;
  JdStoreCopyResult result;
  Stage generating = { progress, user_data, 0.0, 0.3 };
  Stage copying = { progress, user_data, 0.3, 0.7 };
  static const char * const sqlite_files[] = { "", "-wal", "-shm" };
  gboolean ok;

  if (folder == NULL)
    return FALSE;

  /* As on a file: only into a store that holds nothing yet. */
  {
    g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (store);

    if (!jd_store_is_empty (store) ||
        _jd_db_query_int64 (_jd_store_get_conn (store), "SELECT count(*) FROM agencies", 1, NULL) != 0)
      {
        g_rmdir (folder);
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("The database already holds data; demo data can only be generated into an empty database"));
        return FALSE;
      }
  }

  path = g_build_filename (folder, "demo.db", NULL);
  ok = (file = jd_store_open (path, error)) != NULL &&
       jd_demo_generate (file, seed, n_cases, stage_progress_cb, &generating, cancellable, error) &&
       jd_store_copy (file, store, &result, stage_progress_cb, &copying, cancellable, error);

  g_clear_object (&file);
  for (guint i = 0; i < G_N_ELEMENTS (sqlite_files); i++)
    {
      g_autofree char *name = g_strconcat (path, sqlite_files[i], NULL);

      g_unlink (name);
    }
  g_rmdir (folder);
  return ok;
}

/* jd-cli-copy.c — jiandu-cli copy
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "jd-store-copy.h"

#include "jiandu-cli.h"

int
jd_cli_copy (int    argc,
             char **argv)
{
  g_autofree char *from_path = NULL;
  g_autofree char *to_path = NULL;
  g_autoptr(JdStore) from = NULL;
  g_autoptr(JdStore) to = NULL;
  g_autoptr(GError) error = NULL;
  JdStoreCopyResult result;
  JdCliProgress progress = { isatty (STDERR_FILENO), -1, _("Copying…") };
  gint64 started;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from_path, N_("The database to copy: a file or a server"), N_("FILE|CONNINFO") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to_path, N_("The database to copy into: a file (created if missing) or a server"), N_("FILE|CONNINFO") },
    { NULL }
  };

  if (!jd_cli_parse_options ("copy", NULL,
                             _("Copies every record of one database into another, a file to a server or a "
                               "server to a file, matching records by their keys: copying again adds nothing twice."),
                             entries, &argc, &argv))
    return 2;

  if (from_path == NULL || to_path == NULL)
    {
      g_printerr (_("jiandu-cli copy: both --from and --to are required\n"));
      return 2;
    }

  if ((from = jd_cli_open_store (from_path)) == NULL || (to = jd_cli_open_store (to_path)) == NULL)
    return 1;

  started = g_get_monotonic_time ();
  if (!jd_store_copy (from, to, &result, jd_cli_progress_cb, &progress, NULL, &error))
    {
      if (progress.on_terminal)
        g_printerr ("\n");
      g_printerr ("jiandu-cli copy: %s\n", error->message);
      return 1;
    }

  if (progress.on_terminal)
    g_printerr ("\r\033[K");
  g_print (_("Copied in %.1f s: %llu new, %llu updated, %llu unchanged records\n"),
           (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC,
           (unsigned long long)result.n_new, (unsigned long long)result.n_updated,
           (unsigned long long)result.n_unchanged);

  return 0;
}

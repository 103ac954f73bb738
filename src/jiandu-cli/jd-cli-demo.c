/* jd-cli-demo.c — jiandu-cli demo
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "jd-demo.h"

#include "jiandu-cli.h"

int
jd_cli_demo (int    argc,
              char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seed = JD_DEMO_DEFAULT_SEED;
  gint64 n_cases = JD_DEMO_DEFAULT_CASES;
  JdCliProgress progress = { isatty (STDERR_FILENO), -1, _("Generating demo data…") };
  gint64 started;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database to create"), N_("FILE") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Random seed (the same seed gives the same data)"), "N" },
    { "cases", 0, 0, G_OPTION_ARG_INT64, &n_cases, N_("Number of enforcement cases (default 200,000)"), "N" },
    { NULL }
  };

  if (!jd_cli_parse_options ("demo", NULL, _("Fills a new database with a deterministic demo city."),
                      entries, &argc, &argv))
    return 2;

  if (seed < 0)
    {
      g_printerr (_("jiandu-cli demo: --seed must not be negative\n"));
      return 2;
    }

  if ((store = jd_cli_open_store (db_path)) == NULL)
    return 1;

  started = g_get_monotonic_time ();
  if (!jd_demo_generate (store, (guint64)seed, n_cases, jd_cli_progress_cb, &progress, NULL, &error))
    {
      if (progress.on_terminal)
        g_printerr ("\n");
      g_printerr ("jiandu-cli demo: %s\n", error->message);
      return 1;
    }

  if (progress.on_terminal)
    g_printerr ("\r\033[K");
  g_printerr (_("Demo data written to %s in %.1f s\n"), db_path,
              (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);

  return 0;
}

/* jd-cli-check.c — jiandu-cli check
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "jiandu-cli.h"

int
jd_cli_check (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean repair = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { "repair", 0, 0, G_OPTION_ARG_NONE, &repair, N_("Sum the summary tables again if they disagree with the records"), NULL },
    { NULL }
  };

  if (!jd_cli_parse_options ("check", NULL, _("Reads every page of a database and reports damage."),
                      entries, &argc, &argv))
    return 2;

  if ((store = jd_cli_open_store (db_path)) == NULL)
    return 1;

  if (!jd_store_verify (store, NULL, &error))
    {
      g_printerr ("jiandu-cli check: %s\n", error->message);
      if (!g_error_matches (error, JD_STORE_ERROR, JD_STORE_ERROR_SUMMARIES))
        return 1;
      if (!repair)
        {
          g_printerr (_("The records are sound; give --repair to sum the summary tables again.\n"));
          return 1;
        }
      g_clear_error (&error);
      if (!jd_store_rebuild_summaries (store, &error) || !jd_store_verify (store, NULL, &error))
        {
          g_printerr ("jiandu-cli check: %s\n", error->message);
          return 1;
        }
      g_print (_("%s: the summary tables were summed again from the records\n"), db_path);
      return 0;
    }

  g_print (_("%s: no damage found\n"), db_path);
  return 0;
}

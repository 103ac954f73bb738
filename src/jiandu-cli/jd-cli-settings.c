/* jd-cli-settings.c — jiandu-cli settings: the definitions and thresholds of a database
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-settings.h"

#include "jiandu-cli.h"

int
jd_cli_settings (int    argc,
                 char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const JdSettingInfo *settings;
  guint n_settings;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { NULL }
  };

  if (!jd_cli_parse_options ("settings", _("[KEY [VALUE]]"),
                             _("Shows or changes the settings kept in a database: what a rate is divided by, and when to warn. Every report states them."),
                             entries, &argc, &argv))
    return 2;

  if (argc > 3)
    {
      g_printerr (_("jiandu-cli settings: give at most a key and a value\n"));
      return 2;
    }

  if ((store = jd_cli_open_store (db_path)) == NULL)
    return 1;

  if (argc == 3)
    {
      g_autofree char *value = NULL;

      if (!jd_settings_set (store, argv[1], argv[2], &error))
        {
          g_printerr ("jiandu-cli settings: %s\n", error->message);
          return 1;
        }
      value = jd_settings_get (store, argv[1]);
      g_print ("%s = %s\n", argv[1], value);
      return 0;
    }

  settings = jd_settings_list (&n_settings);
  for (guint i = 0; i < n_settings; i++)
    {
      g_autofree char *value = NULL;

      if (argc == 2 && !g_str_equal (argv[1], settings[i].key))
        continue;

      value = jd_settings_get (store, settings[i].key);
      g_print ("%s = %s\n    %s\n", settings[i].key, value, _(settings[i].description));
      if (argc == 2)
        return 0;
    }

  if (argc == 2)
    {
      g_printerr (_("jiandu-cli settings: there is no setting “%s”\n"), argv[1]);
      return 1;
    }

  return 0;
}

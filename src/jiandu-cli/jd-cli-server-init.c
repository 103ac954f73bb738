/* jd-cli-server-init.c — jiandu-cli server-init: a store on a server, and its roles
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "jd-server.h"

#include "jiandu-cli.h"

/* A line of standard input without its line break, or NULL at its end. */
static char *
read_line (void)
{
  char buffer[1024];

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;
  buffer[strcspn (buffer, "\r\n")] = '\0';
  return g_strdup (buffer);
}

int
jd_cli_server_init (int    argc,
                    char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *importer = NULL;
  g_autofree char *reader = NULL;
  g_autofree char *importer_password = NULL;
  g_autofree char *reader_password = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean login = FALSE;
  gboolean passwords = FALSE;
  JdServerRoles roles = { 0 };
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_STRING, &db_path, N_("The server, as a PostgreSQL connection string"), N_("CONNINFO") },
    { "importer", 0, 0, G_OPTION_ARG_STRING, &importer, N_("The role that imports (default jiandu_importer)"), N_("NAME") },
    { "reader", 0, 0, G_OPTION_ARG_STRING, &reader, N_("The role that only reads (default jiandu_reader)"), N_("NAME") },
    { "login", 0, 0, G_OPTION_ARG_NONE, &login, N_("Let the roles log in (otherwise they are groups to grant to users)"), NULL },
    { "passwords-from-stdin", 0, 0, G_OPTION_ARG_NONE, &passwords, N_("Read the importer's password, then the reader's, a line each, and let the roles log in"), NULL },
    { NULL }
  };

  if (!jd_cli_parse_options ("server-init", NULL,
                             _("Creates the Jiandu store on a PostgreSQL server, or updates it, and the two roles: one that imports and one that only reads. Run it as the owner of the database; it can be run again."),
                             entries, &argc, &argv))
    return 2;

  /* Not a file, which opening would create. */
  if (db_path != NULL && !g_str_has_prefix (db_path, "postgresql://") &&
      !g_str_has_prefix (db_path, "postgres://") && strchr (db_path, '=') == NULL)
    {
      g_printerr (_("jiandu-cli server-init: --db must name a PostgreSQL server, not a file\n"));
      return 2;
    }

  if (passwords &&
      ((importer_password = read_line ()) == NULL || (reader_password = read_line ()) == NULL))
    {
      g_printerr (_("jiandu-cli server-init: give the importer's password and the reader's on two lines of standard input\n"));
      return 2;
    }

  /* Opening as the owner creates the schema, or brings it up to date. */
  if ((store = jd_cli_open_store (db_path)) == NULL)
    return 1;

  roles.importer = importer;
  roles.reader = reader;
  roles.login = login;
  roles.importer_password = importer_password;
  roles.reader_password = reader_password;
  if (!jd_server_init (store, &roles, &error))
    {
      g_printerr ("jiandu-cli server-init: %s\n", error->message);
      return 1;
    }

  g_print (_("%s: the store at version %d; role %s imports, role %s only reads\n"),
           jd_store_get_path (store), jd_store_get_schema_version (store),
           importer != NULL ? importer : JD_SERVER_IMPORTER_ROLE,
           reader != NULL ? reader : JD_SERVER_READER_ROLE);
  return 0;
}

/* jd-server.c — a database server: where it is, what to call it, its password
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window opens a store by its location, a file or a libpq connection
 * string.  For a server the app needs more than the store does: a name to
 * show ("jiandu on db.example.gov.cn"), the options to keep without the
 * password, and the password itself, which lives only in the GNOME keyring
 * (libsecret) and in the memory of the window that uses it.
 */

#define G_LOG_DOMAIN "jd-server"

#include "config.h"

#include <poll.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <libsecret/secret.h>

#include "jd-server.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PQconninfoOption, PQconninfoFree)

/* The keyring's items for Jiandu's servers; seahorse shows their labels. */
static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    "io.github.jiandu.Server", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* A value as a libpq connection string wants it: in single quotes, with
 * quotes and backslashes escaped, so that a socket folder with a space or
 * a name with a quote reads back whole. */
static void
append_option (GString    *conninfo,
               const char *keyword,
               const char *value)
{
  if (conninfo->len > 0)
    g_string_append_c (conninfo, ' ');
  g_string_append_printf (conninfo, "%s='", keyword);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *p);
    }
  g_string_append_c (conninfo, '\'');
}

/* Each option is read once; the last of two wins, as in libpq. */
static void
set_field (char       **field,
           const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static char *
nonempty_dup (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/**
 * jd_server_new:
 * @host: a host name, an address or a socket folder
 * @port: (nullable): the port, or %NULL for 5432
 * @dbname: the database
 * @user: (nullable): the user, or %NULL for the login name
 *
 * The server the Connect dialog's fields name.
 */
JdServer *
jd_server_new (const char *host,
               const char *port,
               const char *dbname,
               const char *user)
{
  JdServer *server = g_new0 (JdServer, 1);
  GString *conninfo = g_string_new (NULL);

  server->host = nonempty_dup (host);
  server->port = nonempty_dup (port);
  server->dbname = nonempty_dup (dbname);
  server->user = nonempty_dup (user);

  if (server->host != NULL)
    append_option (conninfo, "host", server->host);
  if (server->port != NULL)
    append_option (conninfo, "port", server->port);
  if (server->dbname != NULL)
    append_option (conninfo, "dbname", server->dbname);
  if (server->user != NULL)
    append_option (conninfo, "user", server->user);
  server->conninfo = g_string_free (conninfo, FALSE);

  return server;
}

/**
 * jd_server_parse:
 * @location: a libpq connection string or URI
 * @password: (out) (optional) (nullable): the password @location holds, if any
 *
 * Reads a location as libpq does.  The password, if @location has one, is
 * handed out in @password and left out of the server's @conninfo.
 *
 * Returns: (nullable): the server, or %NULL with @error set when libpq
 *   cannot read @location
 */
JdServer *
jd_server_parse (const char  *location,
                 char       **password,
                 GError     **error)
{
  g_autoptr(PQconninfoOption) options = NULL;
  JdServer *server;
  GString *conninfo;
  char *message = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (password != NULL)
    *password = NULL;

  options = PQconninfoParse (location, &message);
  if (options == NULL)
    {
      g_autofree char *reason = g_strchomp (g_strdup (message != NULL ? message : ""));

      /* libpq's words, which never repeat a password. */
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CONNECT,
                   _("This is no server address Jiandu can read: %s"), reason);
      PQfreemem (message);
      return NULL;
    }

  server = g_new0 (JdServer, 1);
  conninfo = g_string_new (NULL);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      const char *value = option->val;

      if (value == NULL)
        continue;
      if (g_str_equal (option->keyword, "password"))
        {
          if (password != NULL)
            *password = g_strdup (value);
          continue;
        }
      /* The passphrase of a client key is a secret too: it is used for
       * this connection and never kept or shown. */
      if (g_str_equal (option->keyword, "sslpassword"))
        continue;

      append_option (conninfo, option->keyword, value);
      if (g_str_equal (option->keyword, "host"))
        set_field (&server->host, value);
      else if (g_str_equal (option->keyword, "hostaddr"))
        set_field (&server->hostaddr, value);
      else if (g_str_equal (option->keyword, "port"))
        set_field (&server->port, value);
      else if (g_str_equal (option->keyword, "dbname"))
        set_field (&server->dbname, value);
      else if (g_str_equal (option->keyword, "user"))
        set_field (&server->user, value);
      else if (g_str_equal (option->keyword, "service"))
        set_field (&server->service, value);
    }
  server->conninfo = g_string_free (conninfo, FALSE);

  return server;
}

void
jd_server_free (JdServer *server)
{
  if (server == NULL)
    return;

  g_free (server->host);
  g_free (server->hostaddr);
  g_free (server->port);
  g_free (server->dbname);
  g_free (server->user);
  g_free (server->service);
  g_free (server->conninfo);
  g_free (server);
}

/**
 * jd_server_describe:
 *
 * Returns: (transfer full): the server as the window's title names it:
 *   "jiandu on db.example.gov.cn", never with the password
 */
char *
jd_server_describe (const JdServer *server)
{
  const char *database;
  const char *name;
  g_autofree char *host = NULL;

  g_return_val_if_fail (server != NULL, NULL);

  /* libpq's defaults: the database named as the user, the user as the
   * login; a service names both in pg_service.conf. */
  database = server->dbname != NULL ? server->dbname :
             server->service != NULL ? server->service :
             server->user != NULL ? server->user : g_get_user_name ();

  name = server->host != NULL ? server->host : server->hostaddr;
  if (name == NULL && server->service != NULL)
    return g_strdup (database);

  if (name == NULL)
    host = g_strdup (_("this computer"));
  else if (server->port != NULL && !g_str_equal (server->port, JD_SERVER_DEFAULT_PORT))
    host = g_strdup_printf ("%s:%s", name, server->port);
  else
    host = g_strdup (name);

  /* Translators: a database on a server, as the window's subtitle and
   * the recent servers name it: "jiandu on db.example.gov.cn" */
  return g_strdup_printf (_("%s on %s"), database, host);
}

/**
 * jd_location_describe:
 * @location: a file or a server
 *
 * Returns: (transfer full): the file's name, or the server's description
 */
char *
jd_location_describe (const char *location)
{
  g_autoptr(JdServer) server = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (!jd_store_location_is_server (location))
    return g_filename_display_basename (location);

  server = jd_server_parse (location, NULL, NULL);
  return server != NULL ? jd_server_describe (server) : g_strdup (_("a database server"));
}

/* Five digits or capitals, at least one a digit (the word FATAL before
 * it is five capitals too), then a colon */
static gboolean
is_sqlstate (const char *code)
{
  gboolean digit = FALSE;

  for (int i = 0; i < 5; i++)
    {
      if (!g_ascii_isdigit (code[i]) && !g_ascii_isupper (code[i]))
        return FALSE;
      digit = digit || g_ascii_isdigit (code[i]);
    }

  return digit && code[5] == ':';
}

/* The SQLSTATE in a connection's error message, which libpq writes as
 * "FATAL:  28P01: password authentication failed…" at PQERRORS_VERBOSE:
 * the code, unlike the words around it, is the same in every language. */
static gboolean
find_sqlstate (const char *message,
               char        sqlstate[6])
{
  for (const char *p = strchr (message, ':'); p != NULL; p = strchr (p + 1, ':'))
    {
      const char *code = p + 1;

      while (*code == ' ')
        code++;
      if (code > p + 1 && strnlen (code, 6) == 6 && is_sqlstate (code))
        {
          memcpy (sqlstate, code, 5);
          sqlstate[5] = '\0';
          return TRUE;
        }
    }

  return FALSE;
}

/* Worker thread: connects as the store did, without the store, to learn
 * why the server refused.  Returns the problem and, in @message, the
 * dialog's words for it. */
static JdServerProblem
diagnose (const JdServer  *server,
          const char      *password,
          char           **message)
{
  const char *keywords[] = { "dbname", "connect_timeout", "password", NULL };
  const char *values[] = { server->conninfo, "10", password, NULL };
  const char *user = server->user != NULL ? server->user : g_get_user_name ();
  const char *database = server->dbname != NULL ? server->dbname : user;
  PostgresPollingStatusType status = PGRES_POLLING_WRITING;
  JdServerProblem problem = JD_SERVER_PROBLEM_NONE;
  char sqlstate[6];
  PGconn *conn;

  *message = NULL;
  conn = PQconnectStartParams (keywords, values, TRUE);
  if (conn == NULL)
    return JD_SERVER_PROBLEM_NONE;

  PQsetErrorVerbosity (conn, PQERRORS_VERBOSE);
  while (PQstatus (conn) != CONNECTION_BAD && status != PGRES_POLLING_OK && status != PGRES_POLLING_FAILED)
    {
      struct pollfd pollfd = { PQsocket (conn), status == PGRES_POLLING_READING ? POLLIN : POLLOUT, 0 };

      if (poll (&pollfd, 1, 10000) <= 0)
        break;
      status = PQconnectPoll (conn);
    }

  if (PQstatus (conn) == CONNECTION_OK)
    problem = JD_SERVER_PROBLEM_NONE;
  else if (PQconnectionNeedsPassword (conn))
    {
      problem = JD_SERVER_PROBLEM_LOGIN;
      *message = g_strdup_printf (_("The server asks for the password of the user “%s”."), user);
    }
  else if (!find_sqlstate (PQerrorMessage (conn), sqlstate))
    {
      g_autofree char *where = jd_server_describe (server);

      problem = JD_SERVER_PROBLEM_ADDRESS;
      *message = g_strdup_printf (_("No server answers for “%s”. Check the server’s name or address and the port, and that this computer can reach it."),
                                  where);
    }
  else if (g_str_has_prefix (sqlstate, "28"))   /* invalid_password, invalid_authorization_specification */
    {
      problem = JD_SERVER_PROBLEM_LOGIN;
      *message = g_strdup (_("The server refused the user name or password."));
    }
  else if (g_str_equal (sqlstate, "3D000"))     /* invalid_catalog_name */
    {
      problem = JD_SERVER_PROBLEM_DATABASE;
      *message = g_strdup_printf (_("The server has no database “%s”."), database);
    }
  else if (g_str_equal (sqlstate, "42501"))     /* insufficient_privilege */
    {
      problem = JD_SERVER_PROBLEM_DATABASE;
      *message = g_strdup_printf (_("The user “%s” may not use the database “%s”."), user, database);
    }
  else if (g_str_has_prefix (sqlstate, "53") || g_str_has_prefix (sqlstate, "57"))
    {
      problem = JD_SERVER_PROBLEM_BUSY;
      *message = g_strdup (_("The server cannot take a connection now (it is busy, starting or stopping). Try again in a moment."));
    }

  PQfinish (conn);
  return problem;
}

/**
 * jd_server_open_store:
 * @password: (nullable): the password, or %NULL to connect without
 * @problem: (out) (optional): what kept the store from opening
 *
 * Connects to @server and opens the store there.  When the server cannot
 * be reached or refuses the login, the error says so in Jiandu's words
 * ("The server refused the user name or password."), not libpq's.
 * Blocks: call it from a worker thread.
 */
JdStore *
jd_server_open_store (const JdServer   *server,
                      const char       *password,
                      JdServerProblem  *problem,
                      GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  JdServerProblem found;
  JdStore *store;

  g_return_val_if_fail (server != NULL, NULL);

  if (problem != NULL)
    *problem = JD_SERVER_PROBLEM_NONE;
  if (password != NULL && password[0] == '\0')
    password = NULL;

  store = jd_store_open_server (server->conninfo, password, &local_error);
  if (store != NULL)
    return store;

  if (g_error_matches (local_error, JD_STORE_ERROR, JD_STORE_ERROR_CONNECT) &&
      (found = diagnose (server, password, &message)) != JD_SERVER_PROBLEM_NONE)
    {
      g_debug ("%s", local_error->message);
      g_set_error_literal (error, JD_STORE_ERROR, JD_STORE_ERROR_CONNECT, message);
      if (problem != NULL)
        *problem = found;
      return NULL;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * jd_server_password_free:
 *
 * Clears a password from memory, then frees it.
 */
void
jd_server_password_free (char *password)
{
  if (password == NULL)
    return;

  secret_password_wipe (password);
  g_free (password);
}

/* The keyring's attributes for @server: each always set, so that a
 * password stored from the Connect dialog is found again from the same
 * server in the recent list or on the command line. */
static GHashTable *
server_attributes (const JdServer *server)
{
  /* Copies: libsecret reads them once it has found the keyring, when
   * @server may be gone. */
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  /* A location that names a host but connects to another address
   * (hostaddr) is another server: the password saved for the host is not
   * handed to it. */
  if (server->hostaddr != NULL)
    g_hash_table_insert (attributes, "server",
                         g_strdup_printf ("%s@%s", server->host != NULL ? server->host : "", server->hostaddr));
  else
    g_hash_table_insert (attributes, "server",
                         g_strdup (server->host != NULL ? server->host : server->service != NULL ? server->service : ""));
  g_hash_table_insert (attributes, "port", g_strdup (server->port != NULL ? server->port : JD_SERVER_DEFAULT_PORT));
  g_hash_table_insert (attributes, "database", g_strdup (server->dbname != NULL ? server->dbname : ""));
  g_hash_table_insert (attributes, "user", g_strdup (server->user != NULL ? server->user : ""));

  return attributes;
}

void
jd_server_lookup_password (const JdServer      *server,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (server != NULL);

  attributes = server_attributes (server);
  secret_password_lookupv (server_schema (), attributes, cancellable, callback, user_data);
}

/**
 * jd_server_lookup_password_finish:
 *
 * Returns: (transfer full) (nullable): the password (free it with
 *   jd_server_password_free()), or %NULL when the keyring has none, with
 *   @error set when there is no keyring to ask
 */
char *
jd_server_lookup_password_finish (GAsyncResult  *result,
                                  GError       **error)
{
  char *secret = secret_password_lookup_finish (result, error);
  char *password = g_strdup (secret);

  secret_password_free (secret);
  return password;
}

void
jd_server_store_password (const JdServer      *server,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (server != NULL);
  g_return_if_fail (password != NULL);

  attributes = server_attributes (server);
  description = jd_server_describe (server);
  /* Translators: the keyring's name for a server's password, as Passwords and Keys lists it */
  label = g_strdup_printf (_("Jiandu: %s"), description);
  secret_password_storev (server_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, password,
                          cancellable, callback, user_data);
}

gboolean
jd_server_store_password_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return secret_password_store_finish (result, error);
}

static void
on_cleared_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing to forget, or no keyring: nothing is kept either way. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_debug ("Could not clear a password from the keyring: %s", error->message);
}

/**
 * jd_server_forget_password:
 *
 * Removes @server's password from the keyring, if it is there: the user
 * connected with "Remember password" off.
 */
void
jd_server_forget_password (const JdServer *server)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (server != NULL);

  attributes = server_attributes (server);
  secret_password_clearv (server_schema (), attributes, NULL, on_cleared_cb, NULL);
}

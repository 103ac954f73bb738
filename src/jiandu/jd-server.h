/* jd-server.h — a database server: where it is, what to call it, its password
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jd-store.h"

G_BEGIN_DECLS

/* A PostgreSQL store as the app names it.  @conninfo is what the window,
 * the settings and the recent list keep: every option the user gave, but
 * never the password (nor the passphrase of a key, sslpassword). */
typedef struct
{
  char *host;       /* a host name, an address or a socket folder; NULL: libpq's default */
  char *hostaddr;   /* the address libpq connects to instead of looking the host up, or NULL */
  char *port;       /* NULL: libpq's default */
  char *dbname;
  char *user;
  char *service;    /* a pg_service.conf entry, or NULL */
  char *conninfo;
} JdServer;

#define JD_SERVER_DEFAULT_PORT "5432"

/* What kept the store on a server from opening, for the field to correct */
typedef enum
{
  JD_SERVER_PROBLEM_NONE,       /* connected: the store itself was refused */
  JD_SERVER_PROBLEM_ADDRESS,    /* no server answers there */
  JD_SERVER_PROBLEM_DATABASE,   /* no such database, or not this user's */
  JD_SERVER_PROBLEM_LOGIN,      /* the user name or password */
  JD_SERVER_PROBLEM_BUSY,       /* try again later */
} JdServerProblem;

JdServer *jd_server_new              (const char      *host,
                                      const char      *port,
                                      const char      *dbname,
                                      const char      *user);
JdServer *jd_server_parse            (const char      *location,
                                      char           **password,
                                      GError         **error);
void      jd_server_free             (JdServer        *server);
char     *jd_server_describe         (const JdServer  *server);
char     *jd_location_describe       (const char      *location);

JdStore  *jd_server_open_store       (const JdServer  *server,
                                      const char      *password,
                                      JdServerProblem *problem,
                                      GError         **error);

void      jd_server_password_free    (char            *password);

/* The GNOME keyring (libsecret), by server, port, database and user */
void      jd_server_lookup_password        (const JdServer      *server,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
char     *jd_server_lookup_password_finish (GAsyncResult        *result,
                                            GError             **error);
void      jd_server_store_password         (const JdServer      *server,
                                            const char          *password,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  jd_server_store_password_finish  (GAsyncResult        *result,
                                            GError             **error);
void      jd_server_forget_password        (const JdServer      *server);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdServer, jd_server_free)

G_END_DECLS

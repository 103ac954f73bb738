/* jd-server.h — what the administrator of a server store sets up
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-store.h"

G_BEGIN_DECLS

#define JD_SERVER_IMPORTER_ROLE "jiandu_importer"
#define JD_SERVER_READER_ROLE   "jiandu_reader"

/* The two roles of a store on a server: one that imports (and undoes
 * imports, edits reports and decks), one that only reads (for leaders'
 * machines and the wall display). */
typedef struct
{
  const char *importer;            /* NULL: JD_SERVER_IMPORTER_ROLE */
  const char *reader;              /* NULL: JD_SERVER_READER_ROLE */
  gboolean    login;               /* roles users log in as, or (FALSE) groups to grant to users */
  const char *importer_password;   /* nullable; given, the role logs in */
  const char *reader_password;     /* nullable; given, the role logs in */
} JdServerRoles;

gboolean  jd_server_init  (JdStore              *store,
                           const JdServerRoles  *roles,
                           GError              **error);

G_END_DECLS

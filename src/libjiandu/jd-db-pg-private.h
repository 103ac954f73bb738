/* jd-db-pg-private.h — what the PostgreSQL side of the store shares
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-db-private.h"

G_BEGIN_DECLS

/* PostgreSQL's SQLSTATE of the last statement that failed on @db, or NULL
 * ("42710": the role exists already; "23505": a unique key). */
const char  *_jd_db_pg_last_sqlstate  (JdDb         *db);

/* @conninfo (a URI or "key=value …") with @key set to @value, or left out
 * when @value is NULL, as a "key='value' …" string: the password taken
 * out for display, another dbname or user for the tests.  NULL when
 * @conninfo does not parse, with @error set. */
char        *_jd_db_pg_conninfo_set   (const char   *conninfo,
                                       const char   *key,
                                       const char   *value,
                                       GError      **error);

/* The value @conninfo gives @key, or NULL. */
char        *_jd_db_pg_conninfo_get   (const char   *conninfo,
                                       const char   *key);

/* @text as an SQL identifier or literal, quoted by libpq for the server
 * @db talks to: for the names of roles and databases, which no statement
 * takes as a parameter. */
char        *_jd_db_pg_quote_ident    (JdDb         *db,
                                       const char   *text);
char        *_jd_db_pg_quote_literal  (JdDb         *db,
                                       const char   *text);

/* @password as the verifier the server keeps for role @user (SCRAM, or
 * what the server's password_encryption asks for), quoted as a literal;
 * NULL with @error set when libpq cannot make it. */
char        *_jd_db_pg_encrypt_password (JdDb       *db,
                                         const char *password,
                                         const char *user,
                                         GError    **error);

G_END_DECLS

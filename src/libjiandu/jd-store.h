/* jd-store.h — the database behind Jiandu: a SQLite file or a PostgreSQL server
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jd-types.h"

G_BEGIN_DECLS

#define JD_STORE_ERROR (jd_store_error_quark ())

typedef enum
{
  JD_STORE_ERROR_NOT_JIANDU,    /* some other file, or another program's SQLite database */
  JD_STORE_ERROR_CORRUPT,       /* a SQLite database that SQLite cannot read */
  JD_STORE_ERROR_READ_ONLY,     /* the file or its folder cannot be written */
  JD_STORE_ERROR_TOO_NEW,       /* written by a newer Jiandu */
  JD_STORE_ERROR_FAILED,        /* anything else SQLite reported */
  JD_STORE_ERROR_SUMMARIES,     /* a summary table disagrees with the records */
  JD_STORE_ERROR_CONSTRAINT,    /* a row broke a constraint of its table */
  JD_STORE_ERROR_CONNECT,       /* the server could not be reached or refused the login */
} JdStoreError;

/* The schema version this build reads and writes (PRAGMA user_version). */
#define JD_STORE_SCHEMA_VERSION 8

#define JD_TYPE_STORE (jd_store_get_type ())

G_DECLARE_FINAL_TYPE (JdStore, jd_store, JD, STORE, GObject)

GQuark       jd_store_error_quark     (void);

JdStore     *jd_store_open            (const char   *path,
                                       GError      **error);
gboolean     jd_store_location_is_server (const char *location);
JdStore     *jd_store_open_server     (const char   *conninfo,
                                       const char   *password,
                                       GError      **error);
const char  *jd_store_get_path        (JdStore      *self);
int          jd_store_get_schema_version (JdStore   *self);
gboolean     jd_store_rebuild_summaries (JdStore    *self,
                                         GError    **error);
gboolean     jd_store_verify          (JdStore      *self,
                                       GCancellable *cancellable,
                                       GError      **error);
gboolean     jd_store_is_empty        (JdStore      *self);
gboolean     jd_store_poll_changes    (JdStore      *self);
gboolean     jd_store_get_month_range (JdStore      *self,
                                       int          *first_month,
                                       int          *last_month);

G_END_DECLS

/* jd-store-private.h — what other libjiandu files need of the store
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "jd-db-private.h"
#include "jd-store.h"

G_BEGIN_DECLS

/* "Jian" — PRAGMA application_id of every Jiandu database. */
#define JD_STORE_APPLICATION_ID 0x4A69616E

/* How long a statement waits for another program's lock on the database
 * before it gives up with "database is locked". */
#define JD_STORE_BUSY_TIMEOUT_MS 5000

struct _JdStore
{
  GObject  parent_instance;

  char    *path;   /* a file, or a server's connection string without its password */
  JdDb    *conn;   /* the connection, of either backend */
  sqlite3 *db;     /* its SQLite handle, or NULL on PostgreSQL */
  int      schema_version;
  gint64   data_version;   /* PRAGMA data_version when last looked at */
  char    *fingerprint;    /* on PostgreSQL, what jd_store_poll_changes() last saw */

  /* One connection, used from the UI thread and from workers in turn:
   * whoever runs a transaction on it holds this. */
  GRecMutex lock;
};

sqlite3  *_jd_store_get_db        (JdStore     *self);
JdDb     *_jd_store_get_conn      (JdStore     *self);
gboolean  _jd_store_migrate       (sqlite3     *db,
                                   int          from_version,
                                   int          to_version,
                                   GError     **error);
gboolean  _jd_store_exec          (sqlite3     *db,
                                   const char  *sql,
                                   GError     **error);
void      _jd_store_set_error     (GError     **error,
                                   sqlite3     *db,
                                   int          rc,
                                   const char  *doing);
sqlite3_stmt *_jd_store_prepare   (sqlite3     *db,
                                   const char  *sql,
                                   GError     **error);

gboolean  _jd_store_begin_write   (JdStore        *self,
                                   JdProgressFunc  progress,
                                   gpointer        user_data,
                                   GCancellable   *cancellable,
                                   GError        **error);
void      _jd_store_checkpoint    (JdStore     *self);

/* jd-store-file.c */
gboolean  _jd_store_check_file    (const char  *path,
                                   gboolean    *out_exists,
                                   GError     **error);
gboolean  _jd_store_create_private (const char *path,
                                   GError     **error);
void      _jd_store_set_read_error (GError    **error,
                                   sqlite3     *db,
                                   int          rc,
                                   const char  *path);

/* jd-store-pg.c */
gboolean  _jd_store_pg_poll_changes (JdStore      *self);
gboolean  _jd_store_pg_verify     (JdStore      *self,
                                   GCancellable *cancellable,
                                   GError      **error);

void      _jd_store_lock          (JdStore     *self);
void      _jd_store_unlock        (JdStore     *self);

/* g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (store); holds the
 * store's connection for this thread until the end of the scope. */
typedef JdStore JdStoreLocker;

static inline JdStoreLocker *
_jd_store_locker_new (JdStore *self)
{
  _jd_store_lock (self);
  return self;
}

static inline void
_jd_store_locker_free (JdStoreLocker *locker)
{
  _jd_store_unlock (locker);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdStoreLocker, _jd_store_locker_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS

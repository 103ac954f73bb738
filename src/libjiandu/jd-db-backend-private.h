/* jd-db-backend-private.h — what a backend of jd-db-private.h implements
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-db-private.h"

G_BEGIN_DECLS

typedef struct
{
  void         (*free)          (JdDb *db);
  gboolean     (*exec)          (JdDb *db, const char *sql, GError **error);
  JdDbStmt    *(*prepare)       (JdDb *db, const char *sql, GError **error);
  gint64       (*changes)       (JdDb *db);
  gboolean     (*read_begin)    (JdDb *db, GError **error);
  void         (*read_end)      (JdDb *db);

  void         (*stmt_free)     (JdDbStmt *stmt);
  int          (*bind_count)    (JdDbStmt *stmt);
  void         (*bind_int64)    (JdDbStmt *stmt, int index, gint64 value);
  void         (*bind_double)   (JdDbStmt *stmt, int index, double value);
  void         (*bind_text)     (JdDbStmt *stmt, int index, const char *value);
  void         (*bind_null)     (JdDbStmt *stmt, int index);
  JdDbStep     (*step)          (JdDbStmt *stmt, GError **error);
  void         (*reset)         (JdDbStmt *stmt);
  int          (*column_count)  (JdDbStmt *stmt);
  gboolean     (*column_is_null)(JdDbStmt *stmt, int column);
  gint64       (*column_int64)  (JdDbStmt *stmt, int column);
  double       (*column_double) (JdDbStmt *stmt, int column);
  const char  *(*column_text)   (JdDbStmt *stmt, int column);
} JdDbBackend;

/* The first member of each backend's connection and statement. */
struct _JdDb
{
  const JdDbBackend *backend;
  JdDbKind           kind;
};

struct _JdDbStmt
{
  JdDb *db;
};

G_END_DECLS

/* jd-import-pg-private.h — the PostgreSQL writer's parts
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * jd-import-pg.c stages a table's rows by COPY; jd-import-pg-merge.c
 * merges them with set-based SQL.
 */

#pragma once

#include <libpq-fe.h>

#include "jd-import-private.h"

G_BEGIN_DECLS

typedef struct _JdImportPgWriter JdImportPgWriter;

struct _JdImportPgWriter
{
  JdImportWriter   parent;
  JdDb            *db;
  PGconn          *conn;
  JdProgressFunc   progress;
  gpointer         user_data;

  /* The table being written. */
  GString         *columns;     /* the mapped columns, keys first */
  int              fields[JD_IMPORT_MAX_FIELDS];   /* the mapped fields, in that order */
  guint            n_fields;
  guint            n_keys;
  GString         *copy;        /* rows formatted for COPY, not sent yet */
  gboolean         copying;     /* a COPY into jd_stage is open */
  guint            n_staged;
  GArray          *key_hashes;  /* guint64: of the staged rows' keys */
  gboolean         locked;      /* the table's turn has come */
  gboolean         seen;        /* jd_seen holds the rows merged before */

  /* The staged rows summed in memory, as the SQLite writer sums the rows
   * it adds: when they all turn out new, these are the rollups'
   * increment, and the new rows need not be read again. */
  JdRollupSum     *sum;
  int              rollup_field[JD_IMPORT_MAX_FIELDS];
  guint            n_rollup_fields;
  JdRollupDelta   *updated_delta;
  JdRollupDelta   *added_delta;
};

gboolean     _jd_import_pg_exec          (JdImportPgWriter      *self,
                                          GError               **error,
                                          const char            *format,
                                          ...) G_GNUC_PRINTF (3, 4);
/* One row of numbers from @sql: the columns into @out, 0 for NULL. */
gboolean     _jd_import_pg_query_numbers (JdImportPgWriter      *self,
                                          const char            *sql,
                                          gint64                *out,
                                          guint                  n,
                                          GError               **error);
/* The table's turn: @wait for it, or see whether it can be had now (@taken). */
gboolean     _jd_import_pg_lock_table    (JdDb                  *db,
                                          const char            *table,
                                          gboolean               wait,
                                          gboolean              *taken,
                                          GError               **error);
/* The table an import or undo of @entity writes besides its own, or NULL. */
const char  *_jd_import_pg_shared_rollup (const JdImportEntity  *entity);

/* Merges the staged rows into the entity's table (jd-import-pg-merge.c),
 * once the COPY is closed.  Unless @last, notes which row of the file each stored row came from,
 * for the rows staged next. */
gboolean     _jd_import_pg_merge         (JdImportPgWriter      *self,
                                          JdImportTarget        *target,
                                          gboolean               last,
                                          GError               **error);

G_END_DECLS

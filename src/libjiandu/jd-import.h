/* jd-import.h — importing agencies' and the hotline's exports
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "jd-store.h"
#include "jd-types.h"

G_BEGIN_DECLS

#define JD_IMPORT_ERROR (jd_import_error_quark ())

typedef enum
{
  JD_IMPORT_ERROR_NO_HEADER,       /* no row looks like a header of the entity */
  JD_IMPORT_ERROR_UNKNOWN_ENTITY,  /* --entity names no entity */
  JD_IMPORT_ERROR_MISSING_COLUMN,  /* a key or required column is missing */
  JD_IMPORT_ERROR_NOT_FOUND,       /* no import of that id */
  JD_IMPORT_ERROR_UNDO_REFUSED,    /* undone already, or later imports depend on it */
} JdImportError;

typedef struct
{
  const char *entity;           /* (nullable): "cases", …; NULL detects it from the headers */
  const char *encoding;         /* (nullable): of CSV files; NULL detects it */
  gboolean    create_agencies;  /* an unknown agency is created instead of rejecting the row */
  gboolean    dry_run;          /* count and check everything, write nothing */
  GHashTable *mapping;          /* (nullable): header text → field name, "" ignores the column */
} JdImportOptions;

/* What would have let a rejected row in.  The core names no control of
 * its own: the command line and the Import window each word the advice
 * for their option or switch. */
typedef enum
{
  JD_IMPORT_HINT_NONE,
  JD_IMPORT_HINT_CREATE_AGENCIES,  /* JdImportOptions.create_agencies would have added it */
} JdImportHint;

typedef struct
{
  guint         row;            /* as a spreadsheet program numbers it */
  char         *column;         /* the header as the file writes it; NULL for the row as a whole */
  char         *reason;         /* translated */
  JdImportHint  hint;
} JdImportRowError;

/* What became of one table (a CSV file, or one sheet of a workbook). */
typedef struct
{
  char     *file;               /* display name */
  char     *sheet;              /* (nullable) */
  char     *entity;             /* "cases", … */
  gint64    import_id;          /* 0 on a dry run */
  guint     n_new;
  guint     n_updated;
  guint     n_unchanged;
  guint     n_duplicates;       /* rows that repeat an earlier row of the table, values and all */
  guint     n_rejected;
  GArray   *errors;             /* JdImportRowError, the first JD_IMPORT_MAX_ERRORS */
  guint     n_errors_dropped;   /* errors beyond those kept */
} JdImportResult;

#define JD_IMPORT_MAX_ERRORS 10000

/* The first rows of each table, and how its columns would be read. */
typedef struct
{
  char      *sheet;             /* (nullable) */
  char      *entity;            /* (nullable): NULL when none could be told */
  guint      header_row;        /* 0 when no header was found */
  GPtrArray *headers;           /* char* */
  GPtrArray *fields;            /* char* field name, or NULL for an ignored column; one per header */
  GPtrArray *rows;              /* GPtrArray of char*, the first rows after the header */
} JdImportTable;

/* One row of the import history. */
typedef struct
{
  gint64  id;
  char   *file_name;
  char   *sha256;
  char   *entity;
  char   *sheet;                /* (nullable) */
  char   *started_at;
  char   *finished_at;          /* (nullable) */
  char   *undone_at;            /* (nullable) */
  guint   n_new;
  guint   n_updated;
  guint   n_unchanged;
  guint   n_rejected;
} JdImportRecord;

GQuark              jd_import_error_quark     (void);

const char * const *jd_import_entities        (void);
const char         *jd_import_entity_label    (const char              *entity);
const char * const *jd_import_entity_fields   (const char              *entity);
const char         *jd_import_field_label     (const char              *entity,
                                               const char              *field);

GPtrArray          *jd_import_preview         (const char              *path,
                                               const JdImportOptions   *options,
                                               guint                    max_rows,
                                               GError                 **error);
GPtrArray          *jd_import_file            (JdStore                 *store,
                                               const char              *path,
                                               const JdImportOptions   *options,
                                               JdProgressFunc           progress,
                                               gpointer                 user_data,
                                               GCancellable            *cancellable,
                                               GError                 **error);
GPtrArray          *jd_import_list            (JdStore                 *store,
                                               GError                 **error);
gboolean            jd_import_undo            (JdStore                 *store,
                                               gint64                   import_id,
                                               GError                 **error);

char               *jd_import_result_summary  (const JdImportResult    *result);
void                jd_import_result_free     (JdImportResult          *result);
void                jd_import_table_free      (JdImportTable           *table);
void                jd_import_record_free     (JdImportRecord          *record);

/* Value parsers, exposed for the tests. */
gboolean            jd_import_parse_date      (const char              *text,
                                               gboolean                 date1904,
                                               char                     out[11],
                                               char                   **reason);
gboolean            jd_import_parse_money     (const char              *text,
                                               int                      scale,
                                               gint64                  *out_fen,
                                               char                   **reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdImportResult, jd_import_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdImportTable, jd_import_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdImportRecord, jd_import_record_free)

G_END_DECLS

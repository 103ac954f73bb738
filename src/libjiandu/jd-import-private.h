/* jd-import-private.h — the import's parts, and the writer a store has
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import core (jd-import.c) maps a table's headers onto an entity
 * (jd-import-fields.c), parses its cells (jd-import-values.c), resolves the
 * agencies, fields and leniency items they name, and hands the good rows
 * to a writer, which stores them and says what became of each: new,
 * updated, unchanged, a duplicate of an earlier row of the file, or
 * rejected.  The writer is the store's: jd-import-sqlite.c writes row by
 * row with prepared statements, jd-import-pg.c copies the rows into a
 * staging table and merges them with set-based SQL.  Both give the same
 * JdImportResult for the same file.
 */

#pragma once

#include <sqlite3.h>

#include "jd-db-private.h"
#include "jd-enums.h"
#include "jd-import.h"
#include "jd-rollup-private.h"
#include "jd-table-reader.h"

G_BEGIN_DECLS

/* Fields */

typedef enum
{
  T_TEXT,
  T_ID,
  T_AGENCY,
  T_DOMAIN,
  T_ITEM,
  T_DATE,
  T_MONEY,
  T_BOOL,
  T_ENUM,
  T_SCORE,
} JdImportFieldType;

enum
{
  JD_IMPORT_KEY      = 1 << 0,
  JD_IMPORT_REQUIRED = 1 << 1,
};

typedef struct
{
  const char        *name;       /* the English field name, as a mapping gives it */
  const char        *column;     /* in the table */
  JdImportFieldType  type;
  JdEnum             which;      /* for T_ENUM */
  guint              flags;
  const char        *fallback;   /* stored for an empty cell; NULL stores NULL */
  const char        *label;      /* translatable */
  const char        *aliases;    /* headers that mean this field, "|"-separated */
} JdImportField;

typedef struct
{
  const char          *name;
  const char          *table;
  const char          *label;
  const JdImportField *fields;
  guint                n_fields;
  int                  rollup;   /* JdRollup, or -1 */
} JdImportEntity;

#define JD_IMPORT_MAX_FIELDS 16

static inline gboolean
_jd_import_field_is_key (const JdImportEntity *entity,
                         guint                 f)
{
  return (entity->fields[f].flags & JD_IMPORT_KEY) != 0;
}

const JdImportEntity *_jd_import_find_entity   (const char             *name);
guint                 _jd_import_map_headers   (const JdImportEntity   *entity,
                                                GPtrArray              *headers,
                                                const JdImportOptions  *options,
                                                int                    *column_field,
                                                int                    *field_column,
                                                int                    *field_scale,
                                                gboolean               *has_keys);
const JdImportEntity *_jd_import_detect_entity (GPtrArray              *headers,
                                                const JdImportOptions  *options);
const JdImportEntity *_jd_import_find_header   (JdTableReader          *reader,
                                                const JdImportOptions  *options,
                                                GPtrArray              *cells,
                                                guint                  *header_row,
                                                gboolean               *empty,
                                                GError                **error);
void                  _jd_import_set_no_header_error (const JdImportOptions  *options,
                                                      const char             *table_name,
                                                      GError                **error);
gboolean              _jd_import_check_options (const JdImportOptions  *options,
                                                GError                **error);

/* Values */

/* A parsed cell, ready to bind. */
typedef struct
{
  int          type;      /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT */
  gint64       i;
  double       d;
  const char  *s;
  char         date[11];
} JdImportValue;

/* What parsing a table's cells needs: read-only while the reader thread
 * parses, with its own copies of the names known when the table began.
 * A name it does not find is looked up again, and perhaps created, by the
 * writing thread. */
typedef struct
{
  const JdImportEntity *entity;
  const int            *field_column;
  const int            *field_scale;
  gboolean              date1904;
  GHashTable           *agencies;
  GHashTable           *domains;
  GHashTable           *items;
} JdImportParser;

char     *_jd_import_trim          (char                  *text);
gboolean  _jd_import_row_is_blank  (GPtrArray             *cells);
gint64    _jd_import_lookup_id     (GHashTable            *names,
                                    const char            *text);
gint64    _jd_import_lookup_domain (GHashTable            *domains,
                                    const char            *text);
/* Parses the cells of a row into @values, every field (the ones the file
 * lacks get what the database would store for them); the reasons the row
 * is wrong go to @errors (JdImportBatchError, of row @index). */
void      _jd_import_parse_row     (const JdImportParser  *parser,
                                    GPtrArray             *cells,
                                    guint                  index,
                                    JdImportValue         *values,
                                    GArray                *errors);

/* The import core, as the writers see it */

/* One file's import. */
typedef struct
{
  JdStore               *store;
  JdDb                  *db;
  const JdImportOptions *options;
  gboolean               date1904;

  GHashTable            *agencies;      /* code and name → id */
  GHashTable            *domains;       /* code and name → id */
  GHashTable            *items;         /* code and title → id */
  gint64                 journal_seq;   /* of import_journal, across the file's tables */
  GArray                *import_ids;    /* gint64: the imports rows of the file's tables */
} JdImportContext;

/* One table being imported. */
typedef struct
{
  const JdImportEntity *entity;
  GPtrArray            *headers;
  int                  *column_field;     /* per column: field index, or -1 */
  int                   field_column[JD_IMPORT_MAX_FIELDS]; /* per field: column, or -1 */
  int                   field_scale[JD_IMPORT_MAX_FIELDS];  /* money given in 万元 */

  gint64                import_id;        /* its row of imports */
  JdImportResult       *result;
  gint64                first_id;         /* the ids of the rows it added, 0 for none */
  gint64                last_id;
} JdImportTarget;

/* A row parsed and resolved, for the writer: every field of the entity,
 * the ones the file lacks with what the database would store for them. */
typedef struct
{
  JdImportValue *values;
  guint          row;                     /* as a spreadsheet numbers it */
} JdImportRow;

void      _jd_import_row_error_clear  (JdImportRowError       *error);
/* Keeps the first JD_IMPORT_MAX_ERRORS reasons, in the order of the rows,
 * and counts the others. */
void      _jd_import_add_error        (JdImportTarget         *target,
                                       guint                   row,
                                       int                     column,
                                       char                   *reason,
                                       JdImportHint            hint);
/* Reasons found apart from the others (the rows the core rejected, or the
 * keys a writer found repeated once it had the rows), sorted by row,
 * merged in among them: @errors holds the first of them (JdImportRowError,
 * those merged taken over), @n_total counts them all. */
void      _jd_import_add_late_errors  (JdImportTarget         *target,
                                       GArray                 *errors,
                                       guint                   n_total);
/* A new agency: later sheets may name it by code or name. */
void      _jd_import_note_agency      (JdImportContext        *ctx,
                                       const char             *code,
                                       const char             *name,
                                       gint64                  id);
char     *_jd_import_now_text         (void);
/* With create_agencies: adds the agency or field of enforcement @text,
 * carrying the import's id for undo; its id, or 0 with @error set. */
gint64    _jd_import_create_reference (JdImportContext        *ctx,
                                       JdImportTarget         *target,
                                       JdImportFieldType       type,
                                       const char             *text,
                                       GError                **error);

/* New rows summed into the rollups in memory, as jd-rollup.c's SQL would
 * sum them: the fields of @entity that _jd_rollup_columns() names, in its
 * order (returns how many), and a row summed with them. */
guint     _jd_import_rollup_fields    (const JdImportEntity   *entity,
                                       int                    *rollup_field);
void      _jd_import_sum_row          (JdRollupSum            *sum,
                                       const int              *rollup_field,
                                       guint                   n_rollup_fields,
                                       const JdImportValue    *values);

/* The import history (jd-import-undo.c) */
gboolean  _jd_import_record_begin     (JdImportContext        *ctx,
                                       JdImportTarget         *target,
                                       const char             *file_name,
                                       const char             *sheet,
                                       GError                **error);
gboolean  _jd_import_record_finish    (JdImportContext        *ctx,
                                       JdImportTarget         *target,
                                       GError                **error);
gboolean  _jd_import_record_checksum  (JdImportContext        *ctx,
                                       const char             *sha256,
                                       GError                **error);

/* Reading and parsing in a thread of its own (jd-import-pipeline.c) */

typedef struct _JdImportPipeline JdImportPipeline;

/* A reason a row is wrong, while it is being imported. */
typedef struct
{
  guint         index;    /* the row's place in its batch */
  int           column;
  char         *reason;
  JdImportHint  hint;
} JdImportBatchError;

typedef struct
{
  GPtrArray     *rows;       /* GPtrArray of cells, reused */
  GArray        *numbers;    /* guint row numbers */
  JdImportValue *values;     /* JD_IMPORT_MAX_FIELDS per row, parsed from the cells */
  GArray        *errors;     /* JdImportBatchError, by row */
  guint          n;
  double         progress;
  gboolean       last;
  GError        *error;
} JdImportBatch;

void              _jd_import_batch_error_clear (JdImportBatchError    *error);
void              _jd_import_parser_init       (JdImportParser        *parser,
                                                const JdImportContext *ctx,
                                                const JdImportTarget  *target);
void              _jd_import_parser_clear      (JdImportParser        *parser);
JdImportPipeline *_jd_import_pipeline_start    (JdTableReader         *reader,
                                                const JdImportParser  *parser);
JdImportBatch    *_jd_import_pipeline_next     (JdImportPipeline      *pipeline);
void              _jd_import_pipeline_done     (JdImportPipeline      *pipeline,
                                                JdImportBatch         *batch);
void              _jd_import_pipeline_stop     (JdImportPipeline      *pipeline,
                                                gboolean               seen_last);

typedef struct
{
  const char *path;
  GThread    *thread;
  char       *sha256;
  GError     *error;
} JdImportChecksum;

void              _jd_import_checksum_start    (JdImportChecksum      *checksum,
                                                const char            *path);
const char       *_jd_import_checksum_finish   (JdImportChecksum      *checksum,
                                                GError               **error);
void              _jd_import_checksum_clear    (JdImportChecksum      *checksum);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JdImportChecksum, _jd_import_checksum_clear)

/* The writer */

typedef struct _JdImportWriter JdImportWriter;

typedef struct
{
  /* The file's transaction: every table of the file lands, or none. */
  gboolean (*begin)        (JdImportWriter   *writer,
                            JdProgressFunc    progress,
                            gpointer          user_data,
                            GCancellable     *cancellable,
                            GError          **error);
  gboolean (*commit)       (JdImportWriter   *writer,
                            GError          **error);
  void     (*rollback)     (JdImportWriter   *writer);

  /* A table, once the core has recorded its import (target->import_id). */
  gboolean (*table_begin)  (JdImportWriter   *writer,
                            JdImportTarget   *target,
                            GError          **error);
  /* Rows of the file, in its order; @rows' values are the writer's to
   * change until it returns. */
  gboolean (*write_rows)   (JdImportWriter   *writer,
                            JdImportTarget   *target,
                            const JdImportRow *rows,
                            guint             n_rows,
                            GError          **error);
  /* With create_agencies: adds an agency or field of enforcement a row
   * names (_jd_import_create_reference()), between rows. */
  gint64   (*add_reference) (JdImportWriter   *writer,
                             JdImportTarget   *target,
                             JdImportFieldType type,
                             const char       *text,
                             GError          **error);
  /* Stores the rows written so far, so that the rows after them can
   * refer to them (an agency naming its parent, a few rows before). */
  gboolean (*flush)        (JdImportWriter   *writer,
                            JdImportTarget   *target,
                            GError          **error);
  /* Stores the rest, counts every row in target->result, sets the id
   * range and keeps the rollups in step. */
  gboolean (*table_finish) (JdImportWriter   *writer,
                            JdImportTarget   *target,
                            GError          **error);
  void     (*table_clear)  (JdImportWriter   *writer);
  void     (*free)         (JdImportWriter   *writer);
} JdImportWriterOps;

struct _JdImportWriter
{
  const JdImportWriterOps *ops;
  JdImportContext         *ctx;
};

JdImportWriter *_jd_import_writer_new_sqlite (JdImportContext       *ctx);
JdImportWriter *_jd_import_writer_new_pg     (JdImportContext       *ctx);

/* On a server, waits for the imports and undos of @entity's table under
 * way in other transactions, and keeps the next ones waiting until this
 * transaction ends; imports of other tables go on beside it.  Nothing to
 * do on SQLite, where a write transaction has the whole file. */
gboolean        _jd_import_lock_entity       (JdDb                  *db,
                                              const JdImportEntity  *entity,
                                              GError               **error);

G_END_DECLS

/* jd-store-copy.c — moving a database to a server, or a server's to a file
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A copy goes through the front door: the records of each kind are read
 * from the source in pages, written as CSV files of the import's own
 * field names, and imported into the destination as any file would be.
 * So the destination checks every row as it checks a file, keeps its
 * rollups, journals what it changed (each part of the copy is an import
 * that can be undone), and matches rows by their natural keys (agency
 * and case number, ticket number …), never by ids, which differ from
 * store to store: copying again adds nothing twice.  The small tables
 * that no file imports (fields of enforcement, the definitions, the
 * analyst's report wording and slide decks) are upserted by their keys.
 */

#define G_LOG_DOMAIN "jd-store-copy"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jd-import.h"
#include "jd-store-copy.h"
#include "jd-store-private.h"

/* Rows read from the source at a time, and rows a CSV file (one import)
 * holds: an import is one transaction of the destination. */
#define PAGE_ROWS 20000
#define FILE_ROWS 500000

typedef struct
{
  const char *entity;     /* the import's entity */
  const char *table;
  const char *headers;    /* the import's field names, in the order of the SELECT after the id */
  guint       money;      /* bit n: column n holds fen, written as yuan */
  const char *select;     /* id, the columns; ?1: the last id read, ?2: the page size */
} Kind;

/* Agencies twice: their parents may come after them, so the first pass
 * leaves the parent out and the second adds it. */
static const Kind kinds[] = {
  { "agencies", "agencies", "code,name,level,region", 0,
    "SELECT id, code, name, level, region FROM agencies WHERE id > ?1 ORDER BY id LIMIT ?2" },
  { "agencies", "agencies", "code,name,level,region,parent", 0,
    "SELECT a.id, a.code, a.name, a.level, a.region, p.code FROM agencies AS a"
    " JOIN agencies AS p ON p.id = a.parent_id WHERE a.id > ?1 ORDER BY a.id LIMIT ?2" },
  { "leniency_items", "leniency_items", "code,title,kind,domain,agency,legal_basis,effective_on,repealed_on", 0,
    "SELECT i.id, i.code, i.title, i.kind, d.code, a.code, i.legal_basis, i.effective_on, i.repealed_on"
    " FROM leniency_items AS i LEFT JOIN domains AS d ON d.id = i.domain_id"
    " LEFT JOIN agencies AS a ON a.id = i.agency_id WHERE i.id > ?1 ORDER BY i.id LIMIT ?2" },
  { "cases", "cases",
    "agency,case_no,domain,kind,opened_on,decided_on,fine_fen,leniency,leniency_item,exempted_fen,"
    "major,legal_review,enterprise,party", (1 << 6) | (1 << 9),
    "SELECT c.id, a.code, c.case_no, d.code, c.kind, c.opened_on, c.decided_on, c.fine_fen, c.leniency,"
    " i.code, c.exempted_fen, c.major, c.legal_review, c.enterprise, c.party"
    " FROM cases AS c JOIN agencies AS a ON a.id = c.agency_id LEFT JOIN domains AS d ON d.id = c.domain_id"
    " LEFT JOIN leniency_items AS i ON i.id = c.leniency_item_id WHERE c.id > ?1 ORDER BY c.id LIMIT ?2" },
  { "complaints", "complaints",
    "ticket_no,channel,received_on,agency,domain,category,due_on,closed_on,substantiated,satisfaction", 0,
    "SELECT c.id, c.ticket_no, c.channel, c.received_on, a.code, d.code, c.category, c.due_on, c.closed_on,"
    " c.substantiated, c.satisfaction FROM complaints AS c LEFT JOIN agencies AS a ON a.id = c.agency_id"
    " LEFT JOIN domains AS d ON d.id = c.domain_id WHERE c.id > ?1 ORDER BY c.id LIMIT ?2" },
  { "lawsuits", "lawsuits",
    "case_no,agency,domain,instance,filed_on,concluded_on,outcome,hearing_held,head_appeared", 0,
    "SELECT l.id, l.case_no, a.code, d.code, l.instance, l.filed_on, l.concluded_on, l.outcome,"
    " l.hearing_held, l.head_appeared FROM lawsuits AS l LEFT JOIN agencies AS a ON a.id = l.agency_id"
    " LEFT JOIN domains AS d ON d.id = l.domain_id WHERE l.id > ?1 ORDER BY l.id LIMIT ?2" },
  { "reconsiderations", "reconsiderations", "case_no,agency,domain,received_on,decided_on,outcome", 0,
    "SELECT r.id, r.case_no, a.code, d.code, r.received_on, r.decided_on, r.outcome"
    " FROM reconsiderations AS r LEFT JOIN agencies AS a ON a.id = r.agency_id"
    " LEFT JOIN domains AS d ON d.id = r.domain_id WHERE r.id > ?1 ORDER BY r.id LIMIT ?2" },
  { "reviews", "reviews", "agency,case_no,reviewed_on,score,grade,problems", 0,
    "SELECT r.id, a.code, r.case_no, r.reviewed_on, r.score, r.grade, r.problems"
    " FROM reviews AS r JOIN agencies AS a ON a.id = r.agency_id WHERE r.id > ?1 ORDER BY r.id LIMIT ?2" },
};

typedef struct
{
  JdStore        *from;
  JdStore        *to;
  JdProgressFunc  progress;
  gpointer        user_data;
  GCancellable   *cancellable;
  char           *folder;        /* of the CSV files */
  gint64          total;         /* rows to copy, for the progress */
  gint64          done;
  JdStoreCopyResult *result;
} Copy;

static void
copy_clear (Copy *copy)
{
  if (copy->folder != NULL)
    {
      g_rmdir (copy->folder);
      g_free (copy->folder);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Copy, copy_clear)

static void
report_progress (Copy *copy)
{
  if (copy->progress != NULL && copy->total > 0)
    copy->progress (MIN (1.0, (double)copy->done / copy->total), copy->user_data);
}

static void
append_csv_field (GString    *line,
                  const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* Fen as yuan, exactly: 123456 → "1234.56". */
static void
append_yuan (GString *line,
             gint64   fen)
{
  if (fen < 0)
    {
      g_string_append_c (line, '-');
      fen = -fen;
    }
  g_string_append_printf (line, "%" G_GINT64_FORMAT ".%02d", fen / 100, (int)(fen % 100));
}

static gint64
count_rows (JdStore     *store,
            const char  *table,
            GError     **error)
{
  g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (store);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return _jd_db_query_int64 (_jd_store_get_conn (store), sql, 0, error);
}

/* Imports one CSV file of the copy, and fails if any row of it was not
 * taken: a copy that drops a record is no copy. */
static gboolean
import_part (Copy        *copy,
             const Kind  *kind,
             const char  *path,
             GError     **error)
{
  JdImportOptions options = { .entity = kind->entity, .encoding = "utf-8" };
  g_autoptr(GPtrArray) results = NULL;

  results = jd_import_file (copy->to, path, &options, NULL, NULL, copy->cancellable, error);
  if (results == NULL)
    return FALSE;

  for (guint i = 0; i < results->len; i++)
    {
      const JdImportResult *result = results->pdata[i];

      copy->result->n_new += result->n_new;
      copy->result->n_updated += result->n_updated;
      copy->result->n_unchanged += result->n_unchanged;
      if (result->n_rejected > 0)
        {
          const JdImportRowError *first = result->errors != NULL && result->errors->len > 0
                                          ? &g_array_index (result->errors, JdImportRowError, 0) : NULL;

          g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED,
                       /* Translators: %u is a number of records, %s their kind ("cases"), the last %s the reason */
                       _("%u records of %s could not be copied: %s"),
                       result->n_rejected, kind->entity, first != NULL ? first->reason : "");
          return FALSE;
        }
    }

  return TRUE;
}

/* Reads one page of @kind after @last_id into @csv; returns the rows read
 * (0 at the end), -1 on error. */
static gint64
read_page (Copy        *copy,
           const Kind  *kind,
           gint64      *last_id,
           GString     *csv,
           GError     **error)
{
  g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (copy->from);
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (_jd_store_get_conn (copy->from), kind->select, error);
  gint64 n = 0;
  JdDbStep step;

  if (stmt == NULL)
    return -1;
  _jd_db_bind_int64 (stmt, 1, *last_id);
  _jd_db_bind_int64 (stmt, 2, PAGE_ROWS);

  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      int n_columns = _jd_db_column_count (stmt);

      *last_id = _jd_db_column_int64 (stmt, 0);
      for (int c = 1; c < n_columns; c++)
        {
          if (c > 1)
            g_string_append_c (csv, ',');
          if (_jd_db_column_is_null (stmt, c))
            continue;
          if (kind->money & (1u << (c - 1)))
            append_yuan (csv, _jd_db_column_int64 (stmt, c));
          else
            append_csv_field (csv, _jd_db_column_text (stmt, c));
        }
      g_string_append (csv, "\r\n");
      n++;
    }

  return step == JD_DB_DONE ? n : -1;
}

static gboolean
copy_kind (Copy        *copy,
           const Kind  *kind,
           GError     **error)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  gint64 last_id = 0;
  gint64 in_file = 0;
  guint part = 0;
  gboolean more = TRUE;

  while (more)
    {
      gint64 n;

      if (g_cancellable_set_error_if_cancelled (copy->cancellable, error))
        return FALSE;
      if (csv->len == 0)
        g_string_append_printf (csv, "%s\r\n", kind->headers);

      n = read_page (copy, kind, &last_id, csv, error);
      if (n < 0)
        return FALSE;
      in_file += n;
      copy->done += n;
      more = n == PAGE_ROWS;

      if (in_file > 0 && (in_file >= FILE_ROWS || !more))
        {
          g_autofree char *name = g_strdup_printf ("copy-%s-%u.csv", kind->entity, ++part);
          g_autofree char *path = g_build_filename (copy->folder, name, NULL);
          gboolean ok;

          if (!g_file_set_contents (path, csv->str, csv->len, error))
            return FALSE;
          ok = import_part (copy, kind, path, error);
          g_unlink (path);
          if (!ok)
            return FALSE;
          g_string_truncate (csv, 0);
          in_file = 0;
        }
      report_progress (copy);
    }

  return TRUE;
}

/* The small tables no file imports, upserted by their keys in one
 * transaction of the destination. */
typedef struct
{
  const char *select;
  int         n_columns;
  const char *upsert;   /* ?1 … ?n: the columns */
} Small;

static const Small smalls[] = {
  /* A field the destination has under the same code or name keeps its row. */
  { "SELECT code, name FROM domains ORDER BY id", 2,
    "INSERT INTO domains (code, name) SELECT ?1, ?2"
    " WHERE NOT EXISTS (SELECT 1 FROM domains WHERE code = ?1 OR name = ?2)" },
  { "SELECT key, value FROM settings ORDER BY key", 2,
    "INSERT INTO settings (key, value) VALUES (?1, ?2)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value" },
  { "SELECT template, period, filter, paragraph, markup, draft, edited_at FROM report_edits"
    " ORDER BY template, period, filter, paragraph", 7,
    "INSERT INTO report_edits (template, period, filter, paragraph, markup, draft, edited_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (template, period, filter, paragraph)"
    " DO UPDATE SET markup = excluded.markup, draft = excluded.draft, edited_at = excluded.edited_at" },
  { "SELECT period, position, kind, hidden, agency, title, body FROM deck_slides ORDER BY period, position", 7,
    "INSERT INTO deck_slides (period, position, kind, hidden, agency, title, body)"
    " VALUES (?1, CAST (?2 AS INTEGER), ?3, CAST (?4 AS INTEGER), ?5, ?6, ?7) ON CONFLICT (period, position)"
    " DO UPDATE SET kind = excluded.kind, hidden = excluded.hidden, agency = excluded.agency,"
    " title = excluded.title, body = excluded.body" },
};

/* All rows of @small in the source, as text: one GStrv a row. */
static GPtrArray *
read_small (Copy         *copy,
            const Small  *small,
            GError      **error)
{
  g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (copy->from);
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (_jd_store_get_conn (copy->from), small->select, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  JdDbStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      char **row = g_new0 (char *, small->n_columns + 1);

      for (int c = 0; c < small->n_columns; c++)
        row[c] = _jd_db_column_is_null (stmt, c) ? NULL : g_strdup (_jd_db_column_text (stmt, c));
      g_ptr_array_add (rows, row);
    }

  return step == JD_DB_DONE ? g_steal_pointer (&rows) : NULL;
}

static gboolean
write_smalls (Copy     *copy,
              GError  **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(JdStoreLocker) locker = NULL;
  JdDb *db = _jd_store_get_conn (copy->to);

  /* Read first, so that copying a store onto itself cannot deadlock. */
  for (guint s = 0; s < G_N_ELEMENTS (smalls); s++)
    {
      GPtrArray *rows = read_small (copy, &smalls[s], error);

      if (rows == NULL)
        return FALSE;
      g_ptr_array_add (all, rows);
    }

  locker = _jd_store_locker_new (copy->to);
  if (!_jd_store_begin_write (copy->to, NULL, NULL, copy->cancellable, error))
    return FALSE;

  for (guint s = 0; s < G_N_ELEMENTS (smalls); s++)
    {
      GPtrArray *rows = all->pdata[s];
      g_autoptr(JdDbStmt) stmt = _jd_db_prepare (db, smalls[s].upsert, error);

      if (stmt == NULL)
        goto failed;
      for (guint r = 0; r < rows->len; r++)
        {
          char **row = rows->pdata[r];

          for (int c = 0; c < smalls[s].n_columns; c++)
            _jd_db_bind_text (stmt, c + 1, row[c]);
          if (!_jd_db_step_done (stmt, error))
            goto failed;
        }
    }

  return _jd_db_exec (db, "COMMIT", error);

failed:
  _jd_db_exec (db, "ROLLBACK", NULL);
  return FALSE;
}

/**
 * jd_store_copy:
 * @from: the store to copy
 * @to: the store to copy into: a file or a server, new or not
 * @result: (out caller-allocates): what the copy did
 *
 * Copies every record of @from into @to, as imports of @to that can be
 * undone, matching rows by their natural keys: running it again adds
 * nothing twice, and only the records that changed in @from since are
 * updated.  Also copies the fields of enforcement, the definitions
 * (settings), the report wording and the slide decks.  Each part of up
 * to FILE_ROWS records is one transaction of @to; a failure or a cancel
 * leaves the parts done before it, which the next copy counts unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
jd_store_copy (JdStore            *from,
               JdStore            *to,
               JdStoreCopyResult  *result,
               JdProgressFunc      progress,
               gpointer            user_data,
               GCancellable       *cancellable,
               GError            **error)
{
  g_auto(Copy) copy = { from, to, progress, user_data, cancellable };

  g_return_val_if_fail (JD_IS_STORE (from), FALSE);
  g_return_val_if_fail (JD_IS_STORE (to), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  copy.result = result;
  copy.folder = g_dir_make_tmp ("jiandu-copy-XXXXXX", error);
  if (copy.folder == NULL)
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GError) local_error = NULL;

      copy.total += count_rows (from, kinds[k].table, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!write_smalls (&copy, error))
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (!copy_kind (&copy, &kinds[k], error))
      return FALSE;

  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

/* jd-report-edits.c — the analyst's wording of a report's paragraphs
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept in the database (table report_edits, jd-schema-7.sql), so that
 * they travel with the figures they describe.  An edit belongs to one
 * report: template, period, filter and paragraph.  The filter is keyed by
 * its parts in the order jd_filter_dimensions() names them, agencies and
 * domains by code, so that "市场监管局" and "SCJGJ" find the same edits.
 */

#define G_LOG_DOMAIN "jd-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pango.h>

#include "jd-cockpit-tables.h"
#include "jd-report-edits.h"
#include "jd-report-private.h"
#include "jd-store-private.h"

static void
report_edit_free (JdReportEdit *edit)
{
  g_free (edit->markup);
  g_free (edit->draft);
  g_free (edit);
}

/* An agency or a domain given by name, as its code; anything else as
 * given.  A code wins over a name, and of two of the same name the first
 * added, as the metrics' filter finds them. */
static char *
canonical_value (JdDb        *db,
                 JdDimension  dimension,
                 const char  *value)
{
  const char *sql;
  g_autoptr(JdDbStmt) stmt = NULL;

  if (dimension == JD_DIMENSION_AGENCY)
    sql = "SELECT code FROM agencies WHERE code = ?1 OR name = ?1"
          " ORDER BY CASE WHEN code = ?1 THEN 0 ELSE 1 END, id LIMIT 1";
  else if (dimension == JD_DIMENSION_DOMAIN)
    sql = "SELECT code FROM domains WHERE code = ?1 OR name = ?1"
          " ORDER BY CASE WHEN code = ?1 THEN 0 ELSE 1 END, id LIMIT 1";
  else
    return g_strdup (value);

  stmt = _jd_db_prepare (db, sql, NULL);
  if (stmt != NULL)
    {
      _jd_db_bind_text (stmt, 1, value);
      if (_jd_db_step (stmt, NULL) == JD_DB_ROW)
        return g_strdup (_jd_db_column_text (stmt, 0));
    }

  return g_strdup (value);
}

/* "level=county&region=%E8%A5%BF%E6%B9%96%E5%8C%BA": "" for no filter */
static char *
filter_key (JdDb           *db,
            const JdFilter *filter)
{
  g_autoptr(GString) key = g_string_new (NULL);
  static const char * const names[JD_N_DIMENSIONS] = {
    [JD_DIMENSION_AGENCY] = "agency", [JD_DIMENSION_DOMAIN] = "domain",
    [JD_DIMENSION_LEVEL] = "level", [JD_DIMENSION_REGION] = "region",
  };
  const JdDimension *dimensions;
  guint n_dimensions;

  if (filter == NULL)
    return g_strdup ("");

  dimensions = jd_filter_dimensions (&n_dimensions);
  for (guint i = 0; i < n_dimensions; i++)
    {
      const char *value = jd_filter_get_value (filter, dimensions[i]);
      g_autofree char *canonical = NULL;
      g_autofree char *escaped = NULL;

      if (value == NULL)
        continue;
      canonical = canonical_value (db, dimensions[i], value);
      escaped = g_uri_escape_string (canonical, NULL, FALSE);
      if (key->len > 0)
        g_string_append_c (key, '&');
      g_string_append_printf (key, "%s=%s", names[dimensions[i]], escaped);
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* One report's key in report_edits, as text */
typedef struct
{
  char *period;
  char *filter;
} ReportKey;

static void
report_key_clear (ReportKey *key)
{
  g_clear_pointer (&key->period, g_free);
  g_clear_pointer (&key->filter, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportKey, report_key_clear)

/* Binds template, period and filter to parameters 1, 2 and 3; @key holds
 * the texts until the statement is done with. */
static void
bind_report (JdDbStmt         *stmt,
             JdDb             *db,
             ReportKey        *key,
             const JdPeriod   *period,
             const JdFilter   *filter,
             JdReportTemplate  tmpl)
{
  key->period = jd_period_to_string (period);
  key->filter = filter_key (db, filter);
  _jd_db_bind_text (stmt, 1, jd_report_template_to_string (tmpl));
  _jd_db_bind_text (stmt, 2, key->period);
  _jd_db_bind_text (stmt, 3, key->filter);
}

/**
 * _jd_report_edits_load:
 *
 * Returns: (transfer full) (element-type utf8 JdReportEdit): the saved
 *   edits of one report by paragraph key, or %NULL with @error set
 */
GHashTable *
_jd_report_edits_load (JdStore          *store,
                       const JdPeriod   *period,
                       const JdFilter   *filter,
                       JdReportTemplate  tmpl,
                       GError          **error)
{
  g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (store);
  JdDb *db = _jd_store_get_conn (store);
  g_autoptr(GHashTable) edits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)report_edit_free);
  g_auto(ReportKey) report = { 0 };
  g_autoptr(JdDbStmt) stmt = NULL;
  JdDbStep step;

  stmt = _jd_db_prepare (db,
                         "SELECT paragraph, markup, draft FROM report_edits"
                         " WHERE template = ?1 AND period = ?2 AND filter = ?3",
                         error);
  if (stmt == NULL)
    return NULL;

  bind_report (stmt, db, &report, period, filter, tmpl);
  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      JdReportEdit *edit = g_new0 (JdReportEdit, 1);

      edit->markup = g_strdup (_jd_db_column_text (stmt, 1));
      edit->draft = g_strdup (_jd_db_column_text (stmt, 2));
      g_hash_table_insert (edits, g_strdup (_jd_db_column_text (stmt, 0)), edit);
    }

  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not read the report’s edited paragraphs"));
      return NULL;
    }

  return g_steal_pointer (&edits);
}

/**
 * jd_report_edit_save:
 * @filter: (nullable): the report's filter
 * @key: the paragraph's key (jd_block_get_key())
 * @markup: the analyst's wording
 * @draft: the drafted wording it was written against (jd_block_get_draft())
 *
 * Keeps the analyst's wording of one paragraph of one report, replacing
 * an earlier edit of it.
 */
gboolean
jd_report_edit_save (JdStore           *store,
                     const JdPeriod    *period,
                     const JdFilter    *filter,
                     JdReportTemplate   tmpl,
                     const char        *key,
                     const char        *markup,
                     const char        *draft,
                     GError           **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_auto(ReportKey) report = { 0 };
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *edited_at = g_date_time_format_iso8601 (now);
  JdDb *db;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (key != NULL && markup != NULL && draft != NULL, FALSE);

  if (!pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, error))
    return FALSE;

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_conn (store);
  stmt = _jd_db_prepare (db,
                         "INSERT INTO report_edits (template, period, filter, paragraph, markup, draft, edited_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                         " ON CONFLICT (template, period, filter, paragraph) DO UPDATE"
                         " SET markup = excluded.markup, draft = excluded.draft, edited_at = excluded.edited_at",
                         error);
  if (stmt == NULL)
    return FALSE;

  bind_report (stmt, db, &report, period, filter, tmpl);
  _jd_db_bind_text (stmt, 4, key);
  _jd_db_bind_text (stmt, 5, markup);
  _jd_db_bind_text (stmt, 6, draft);
  _jd_db_bind_text (stmt, 7, edited_at);
  if (!_jd_db_step_done (stmt, error))
    {
      g_prefix_error (error, "%s: ", _("Could not save the edited paragraph"));
      return FALSE;
    }

  return TRUE;
}

/**
 * jd_report_edit_forget:
 *
 * Drops the analyst's wording of one paragraph, which is drafted from
 * the figures again ("regenerate from the data").  Forgetting a paragraph
 * that was never edited is no error.
 */
gboolean
jd_report_edit_forget (JdStore           *store,
                       const JdPeriod    *period,
                       const JdFilter    *filter,
                       JdReportTemplate   tmpl,
                       const char        *key,
                       GError           **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_auto(ReportKey) report = { 0 };
  g_autoptr(JdDbStmt) stmt = NULL;
  JdDb *db;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_conn (store);
  stmt = _jd_db_prepare (db,
                         "DELETE FROM report_edits"
                         " WHERE template = ?1 AND period = ?2 AND filter = ?3 AND paragraph = ?4",
                         error);
  if (stmt == NULL)
    return FALSE;

  bind_report (stmt, db, &report, period, filter, tmpl);
  _jd_db_bind_text (stmt, 4, key);
  if (!_jd_db_step_done (stmt, error))
    {
      g_prefix_error (error, "%s: ", _("Could not forget the edited paragraph"));
      return FALSE;
    }

  return TRUE;
}

/* jd-metrics-scope.c — a filter as SQL conditions, and the members of a
 * breakdown that it lets through
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-metrics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-metrics-sql-private.h"
#include "jd-store-private.h"

void
jd_filter_clear (JdFilter *self)
{
  g_clear_pointer (&self->agency, g_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->level, g_free);
  g_clear_pointer (&self->region, g_free);
}

gboolean
jd_filter_is_empty (const JdFilter *self)
{
  return self == NULL ||
         (self->agency == NULL && self->domain == NULL &&
          self->level == NULL && self->region == NULL);
}

/**
 * jd_filter_copy:
 * @dest: a filter, cleared first
 * @src: (nullable): the filter to copy; %NULL copies the empty filter
 */
void
jd_filter_copy (JdFilter       *dest,
                const JdFilter *src)
{
  g_return_if_fail (dest != NULL);

  if (dest == src)
    return;

  jd_filter_clear (dest);
  if (src == NULL)
    return;

  dest->agency = g_strdup (src->agency);
  dest->domain = g_strdup (src->domain);
  dest->level = g_strdup (src->level);
  dest->region = g_strdup (src->region);
}

/* NULL and the empty filter are equal: both restrict nothing. */
gboolean
jd_filter_equal (const JdFilter *a,
                 const JdFilter *b)
{
  if (jd_filter_is_empty (a) || jd_filter_is_empty (b))
    return jd_filter_is_empty (a) && jd_filter_is_empty (b);

  return g_strcmp0 (a->agency, b->agency) == 0 &&
         g_strcmp0 (a->domain, b->domain) == 0 &&
         g_strcmp0 (a->level, b->level) == 0 &&
         g_strcmp0 (a->region, b->region) == 0;
}

static gboolean
lookup_id (JdDb        *db,
           const char  *table,
           const char  *text,
           gint64      *out_id,
           GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  JdDbStep step;

  /* A code wins over a name, so that an agency named like another's code
   * cannot shadow it; of two of the same name, the first added. */
  sql = g_strdup_printf ("SELECT id FROM %s WHERE code = ?1 OR name = ?1"
                         " ORDER BY CASE WHEN code = ?1 THEN 0 ELSE 1 END, id LIMIT 1", table);
  stmt = _jd_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  _jd_db_bind_text (stmt, 1, text);
  step = _jd_db_step (stmt, error);
  if (step == JD_DB_ROW)
    {
      *out_id = _jd_db_column_int64 (stmt, 0);
      return TRUE;
    }
  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not read the database"));
      return FALSE;
    }

  *out_id = -1;
  return TRUE;
}

void
_jd_metrics_scope_clear (JdMetricsScope *scope)
{
  g_clear_pointer (&scope->where, g_free);
  g_clear_pointer (&scope->reviews_where, g_free);
  g_clear_pointer (&scope->agencies_where, g_free);
  g_clear_pointer (&scope->domains_where, g_free);
}

gboolean
_jd_metrics_scope_init (JdMetricsScope  *scope,
                        JdDb            *db,
                        const JdFilter  *filter,
                        GError         **error)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GString) reviews_where = NULL;
  const char *level = NULL;

  if (jd_filter_is_empty (filter))
    {
      scope->where = g_strdup ("");
      scope->reviews_where = g_strdup ("");
      scope->agencies_where = g_strdup ("");
      scope->domains_where = g_strdup ("");
      return TRUE;
    }

  if (filter->level != NULL)
    {
      level = jd_enum_lookup (JD_ENUM_LEVEL, filter->level);
      if (level == NULL)
        {
          g_set_error (error, JD_METRICS_ERROR, JD_METRICS_ERROR_UNKNOWN_LEVEL,
                       _("“%s” is not an agency level; use city, county or township (市, 县, 乡)"),
                       filter->level);
          return FALSE;
        }
    }

  if (filter->agency != NULL || level != NULL || filter->region != NULL)
    {
      g_autoptr(JdDbStmt) stmt = NULL;
      g_autoptr(GString) sql = g_string_new ("SELECT id FROM agencies WHERE TRUE");
      const char *texts[2];
      guint n_texts = 0;
      gint64 agency_id = 0;
      gboolean first = TRUE;
      JdDbStep step;

      if (filter->agency != NULL)
        {
          if (!lookup_id (db, "agencies", filter->agency, &agency_id, error))
            return FALSE;
          if (agency_id < 0)
            {
              g_set_error (error, JD_METRICS_ERROR, JD_METRICS_ERROR_UNKNOWN_AGENCY,
                           _("There is no agency with the code or name “%s”"), filter->agency);
              return FALSE;
            }
        }

      /* Only the conditions given: a parameter left NULL has no type
       * PostgreSQL could compare it as. */
      if (filter->agency != NULL)
        g_string_append_printf (sql, " AND id = %" G_GINT64_FORMAT, agency_id);
      if (level != NULL)
        {
          texts[n_texts++] = level;
          g_string_append_printf (sql, " AND level = ?%u", n_texts);
        }
      if (filter->region != NULL)
        {
          texts[n_texts++] = filter->region;
          g_string_append_printf (sql, " AND region = ?%u", n_texts);
        }
      g_string_append (sql, " ORDER BY id");

      stmt = _jd_db_prepare (db, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n_texts; i++)
        _jd_db_bind_text (stmt, i + 1, texts[i]);

      while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
        {
          g_string_append_printf (ids, "%s%" G_GINT64_FORMAT,
                                  first ? "" : ",", _jd_db_column_int64 (stmt, 0));
          first = FALSE;
        }
      if (step == JD_DB_ERROR)
        {
          g_prefix_error (error, "%s: ", _("Could not read the database"));
          return FALSE;
        }

      /* No agency at all: "IN ()", which only SQLite reads. */
      if (first)
        {
          g_string_append (where, " AND FALSE");
          scope->agencies_where = g_strdup (" AND FALSE");
        }
      else
        {
          g_string_append_printf (where, " AND agency_id IN (%s)", ids->str);
          scope->agencies_where = g_strdup_printf (" AND a.id IN (%s)", ids->str);
        }

      /* A region nobody is in is more likely a typo than a wish to see zeros. */
      if (first && filter->region != NULL && filter->agency == NULL && level == NULL)
        {
          g_set_error (error, JD_METRICS_ERROR, JD_METRICS_ERROR_UNKNOWN_REGION,
                       _("No agency is in the region “%s”"), filter->region);
          return FALSE;
        }
    }

  if (filter->domain != NULL)
    {
      gint64 domain_id;

      if (!lookup_id (db, "domains", filter->domain, &domain_id, error))
        return FALSE;
      if (domain_id < 0)
        {
          g_set_error (error, JD_METRICS_ERROR, JD_METRICS_ERROR_UNKNOWN_DOMAIN,
                       _("There is no enforcement domain with the code or name “%s”"),
                       filter->domain);
          return FALSE;
        }
      reviews_where = g_string_new (where->str);
      g_string_append_printf (where, " AND domain_id = %" G_GINT64_FORMAT, domain_id);
      scope->domains_where = g_strdup_printf (" AND id = %" G_GINT64_FORMAT, domain_id);
      /* A review belongs to the domain of the case file it reviewed. */
      g_string_append_printf (reviews_where,
                              " AND EXISTS (SELECT 1 FROM cases AS c WHERE c.agency_id = reviews.agency_id"
                              " AND c.case_no = reviews.case_no AND c.domain_id = %" G_GINT64_FORMAT ")",
                              domain_id);
    }
  else
    reviews_where = g_string_new (where->str);

  scope->where = g_string_free (g_steal_pointer (&where), FALSE);
  scope->reviews_where = g_string_free (g_steal_pointer (&reviews_where), FALSE);
  if (scope->agencies_where == NULL)
    scope->agencies_where = g_strdup ("");
  if (scope->domains_where == NULL)
    scope->domains_where = g_strdup ("");
  return TRUE;
}

/**
 * _jd_metrics_scope_where:
 *
 * Returns: (transfer full): @filter as SQL conditions on agency_id and
 *   domain_id (" AND agency_id IN (…) AND domain_id = …", or ""), for
 *   queries of the rollup tables elsewhere in libjiandu
 */
char *
_jd_metrics_scope_where (JdStore         *store,
                         const JdFilter  *filter,
                         GError         **error)
{
  g_autoptr(JdStoreLocker) locker = _jd_store_locker_new (store);
  g_auto(JdMetricsScope) scope = { 0 };

  if (!_jd_metrics_scope_init (&scope, _jd_store_get_conn (store), filter, error))
    return NULL;

  return g_steal_pointer (&scope.where);
}

/* The members of @dimension that @filter lets through, zeros included: an
 * agency that decided nothing is a finding, not a missing row. */
gboolean
_jd_metrics_list_slices (JdDb                  *db,
                         JdDimension            dimension,
                         const JdMetricsScope  *scope,
                         const JdMetrics       *template,
                         GPtrArray             *slices,
                         GHashTable            *by_key,
                         GError               **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  JdDbStep step;

  switch (dimension)
    {
    case JD_DIMENSION_AGENCY:
      sql = g_strdup_printf ("SELECT CAST (id AS TEXT), code, name FROM agencies AS a"
                             " WHERE TRUE%s ORDER BY code", scope->agencies_where);
      break;
    case JD_DIMENSION_DOMAIN:
      sql = g_strdup_printf ("SELECT CAST (id AS TEXT), code, name FROM domains"
                             " WHERE TRUE%s ORDER BY code", scope->domains_where);
      break;
    case JD_DIMENSION_LEVEL:
      /* Grouped, not DISTINCT: PostgreSQL orders a DISTINCT only by what it selects. */
      sql = g_strdup_printf ("SELECT level, level, level FROM agencies AS a"
                             " WHERE TRUE%s GROUP BY level"
                             " ORDER BY CASE level WHEN 'city' THEN 0 WHEN 'county' THEN 1 ELSE 2 END",
                             scope->agencies_where);
      break;
    case JD_DIMENSION_REGION:
      sql = g_strdup_printf ("SELECT DISTINCT region, region, region FROM agencies AS a"
                             " WHERE region IS NOT NULL%s ORDER BY region", scope->agencies_where);
      break;
    case JD_N_DIMENSIONS:
    default:
      g_assert_not_reached ();
    }

  stmt = _jd_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      JdSlice *slice = g_new0 (JdSlice, 1);
      const char *label = _jd_db_column_text (stmt, 2);

      slice->key = g_strdup (_jd_db_column_text (stmt, 1));
      slice->label = g_strdup (dimension == JD_DIMENSION_LEVEL ? jd_enum_label (JD_ENUM_LEVEL, label) : label);
      slice->metrics = _jd_metrics_new (&template->period, template->loss_rate_denominator,
                                        template->correction_rate_denominator);
      slice->metrics->coverage = template->coverage;
      slice->metrics->data_end = template->data_end;
      g_ptr_array_add (slices, slice);
      g_hash_table_insert (by_key, g_strdup (_jd_db_column_text (stmt, 0)), slice->metrics);
    }

  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not read the database"));
      return FALSE;
    }

  return TRUE;
}

/* jd-leniency.c — the leniency list (免罚清单) of a period: in force, added, repealed
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The list is a few hundred rows, so its figures are read from the table
 * itself with grouped queries rather than from a rollup.  The filter
 * applies as it does to every other figure: to the agency that published
 * an item and to its domain. */

#define G_LOG_DOMAIN "jd-leniency"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-leniency.h"
#include "jd-metrics-private.h"
#include "jd-store-private.h"

static void
leniency_count_free (JdLeniencyCount *count)
{
  g_free (count->code);
  g_free (count->label);
  g_free (count);
}

void
jd_leniency_items_free (JdLeniencyItems *items)
{
  if (items == NULL)
    return;

  g_clear_pointer (&items->by_domain, g_ptr_array_unref);
  g_clear_pointer (&items->by_agency, g_ptr_array_unref);
  g_free (items);
}

/* Runs @sql with ?1 and ?2 the period's first and last day; calls back
 * with each row. */
/* Reads the rows of @sql, whose ?1 is @day and ?2, if any, @other_day. */
static gboolean
read_rows (JdDb        *db,
           const char  *sql,
           const char  *day,
           const char  *other_day,
           void       (*row) (JdDbStmt *stmt, JdLeniencyItems *items, gpointer user_data),
           JdLeniencyItems *items,
           gpointer     user_data,
           GError     **error)
{
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (db, sql, error);
  JdDbStep step;

  if (stmt == NULL)
    return FALSE;

  _jd_db_bind_text (stmt, 1, day);
  if (other_day != NULL)
    _jd_db_bind_text (stmt, 2, other_day);
  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    row (stmt, items, user_data);

  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not read the leniency list"));
      return FALSE;
    }

  return TRUE;
}

static void
totals_row (JdDbStmt        *stmt,
            JdLeniencyItems *items,
            gpointer         user_data)
{
  items->in_force = _jd_db_column_int64 (stmt, 0);
  items->added = _jd_db_column_int64 (stmt, 1);
  items->repealed = _jd_db_column_int64 (stmt, 2);
}

static void
count_row (JdDbStmt        *stmt,
           JdLeniencyItems *items,
           gpointer         user_data)
{
  GPtrArray *counts = user_data;
  JdLeniencyCount *count = g_new0 (JdLeniencyCount, 1);

  count->code = g_strdup (_jd_db_column_text (stmt, 0));
  count->label = g_strdup (_jd_db_column_text (stmt, 1));
  count->count = _jd_db_column_int64 (stmt, 2);
  g_ptr_array_add (counts, count);
}

/* In force on the day @p, a parameter */
#define IN_FORCE(p) "effective_on <= " p " AND (repealed_on IS NULL OR repealed_on > " p ")"

/**
 * jd_leniency_items_compute:
 *
 * The items of the leniency list that the filter covers: how many are in
 * force on the period's last day (by domain and by publishing agency), how
 * many took effect and how many were repealed within the period.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
JdLeniencyItems *
jd_leniency_items_compute (JdStore         *store,
                           const JdPeriod  *period,
                           const JdFilter  *filter,
                           GError         **error)
{
  g_autoptr(JdLeniencyItems) items = g_new0 (JdLeniencyItems, 1);
  g_autofree char *where = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *totals_sql = NULL;
  g_autofree char *domains_sql = NULL;
  g_autofree char *agencies_sql = NULL;
  g_autoptr(JdStoreLocker) locker = NULL;
  JdDb *db;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  where = _jd_metrics_scope_where (store, filter, error);
  if (where == NULL)
    return NULL;

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_conn (store);
  first_day = jd_period_first_day (period);
  last_day = jd_period_last_day (period);
  items->by_domain = g_ptr_array_new_with_free_func ((GDestroyNotify)leniency_count_free);
  items->by_agency = g_ptr_array_new_with_free_func ((GDestroyNotify)leniency_count_free);

  totals_sql = g_strdup_printf ("SELECT coalesce (sum (CASE WHEN " IN_FORCE ("?2") " THEN 1 ELSE 0 END), 0),"
                                " coalesce (sum (CASE WHEN effective_on BETWEEN ?1 AND ?2 THEN 1 ELSE 0 END), 0),"
                                " coalesce (sum (CASE WHEN repealed_on BETWEEN ?1 AND ?2 THEN 1 ELSE 0 END), 0)"
                                " FROM leniency_items WHERE TRUE%s", where);
  domains_sql = g_strdup_printf ("SELECT d.code, d.name, count(*) FROM leniency_items"
                                 " JOIN domains AS d ON d.id = domain_id"
                                 " WHERE " IN_FORCE ("?1") "%s GROUP BY d.id ORDER BY 3 DESC, d.code", where);
  agencies_sql = g_strdup_printf ("SELECT a.code, a.name, count(*) FROM leniency_items"
                                  " JOIN agencies AS a ON a.id = agency_id"
                                  " WHERE " IN_FORCE ("?1") "%s GROUP BY a.id ORDER BY 3 DESC, a.code", where);

  if (!read_rows (db, totals_sql, first_day, last_day, totals_row, items, NULL, error) ||
      !read_rows (db, domains_sql, last_day, NULL, count_row, items, items->by_domain, error) ||
      !read_rows (db, agencies_sql, last_day, NULL, count_row, items, items->by_agency, error))
    return NULL;

  return g_steal_pointer (&items);
}

static void
add_counts (JsonBuilder *builder,
            const char  *name,
            GPtrArray   *counts)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint i = 0; i < counts->len; i++)
    {
      const JdLeniencyCount *count = g_ptr_array_index (counts, i);

      json_builder_set_member_name (builder, count->code);
      json_builder_add_int_value (builder, count->count);
    }
  json_builder_end_object (builder);
}

/**
 * jd_leniency_items_to_json:
 *
 * Returns: (transfer full): the members `metrics --json` adds to its
 *   "leniency" object: items_added, items_repealed, items_by_domain and
 *   items_by_agency (codes to counts of items in force)
 */
JsonNode *
jd_leniency_items_to_json (const JdLeniencyItems *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items_added");
  json_builder_add_int_value (builder, items->added);
  json_builder_set_member_name (builder, "items_repealed");
  json_builder_add_int_value (builder, items->repealed);
  add_counts (builder, "items_by_domain", items->by_domain);
  add_counts (builder, "items_by_agency", items->by_agency);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

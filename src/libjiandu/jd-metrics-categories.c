/* jd-metrics-categories.c — complaints by category (诉求类型), from their rollup
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Categories are free text, so they cannot be a fixed array of JdMetrics
 * as channels are; they have a rollup of their own
 * (roll_complaint_categories, migration 3), read here. */

#define G_LOG_DOMAIN "jd-metrics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-metrics-private.h"
#include "jd-store-private.h"

void
jd_count_free (JdCount *count)
{
  if (count == NULL)
    return;

  g_free (count->key);
  g_free (count);
}

/**
 * jd_metrics_complaint_categories:
 *
 * Complaints received in @period under @filter, by category: the most
 * frequent first, then by name; "" stands for complaints without one.
 *
 * Returns: (transfer full) (element-type JdCount): the categories, or
 *   %NULL with @error set
 */
GPtrArray *
jd_metrics_complaint_categories (JdStore         *store,
                                 const JdPeriod  *period,
                                 const JdFilter  *filter,
                                 GError         **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  JdDbStep step;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  where = _jd_metrics_scope_where (store, filter, error);
  if (where == NULL)
    return NULL;

  locker = _jd_store_locker_new (store);
  /* HAVING by the sum, not its name, which PostgreSQL does not know there */
  sql = g_strdup_printf ("SELECT category, sum (n) AS total FROM roll_complaint_categories"
                         " WHERE month BETWEEN ?1 AND ?2%s"
                         " GROUP BY category HAVING sum (n) > 0 ORDER BY total DESC, category",
                         where);
  stmt = _jd_db_prepare (_jd_store_get_conn (store), sql, error);
  if (stmt == NULL)
    return NULL;

  _jd_db_bind_int64 (stmt, 1, jd_period_first_month (period));
  _jd_db_bind_int64 (stmt, 2, jd_period_last_month (period));

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_count_free);
  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      JdCount *count = g_new0 (JdCount, 1);

      count->key = g_strdup (_jd_db_column_text (stmt, 0));
      count->count = _jd_db_column_int64 (stmt, 1);
      g_ptr_array_add (counts, count);
    }

  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not compute the figures"));
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/**
 * jd_metrics_counts_to_json:
 * @counts: (element-type JdCount)
 *
 * Returns: (transfer full): {"category": n, …} in the order of @counts
 */
JsonNode *
jd_metrics_counts_to_json (GPtrArray *counts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (guint i = 0; i < counts->len; i++)
    {
      const JdCount *count = g_ptr_array_index (counts, i);

      json_builder_set_member_name (builder, count->key != NULL ? count->key : "");
      json_builder_add_int_value (builder, count->count);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

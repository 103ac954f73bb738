/* jd-warnings.c — 预警: figures that cross a line the bureau has drawn
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule reads its thresholds from the database's settings
 * (jd-settings.c), names the agency, the figure and the line it crossed,
 * and reads the rollup tables, as the dashboards do.
 */

#define G_LOG_DOMAIN "jd-warnings"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-format.h"
#include "jd-metrics-private.h"
#include "jd-settings.h"
#include "jd-store-private.h"
#include "jd-warnings.h"

/* How far back the trailing statistics look. */
#define TRAILING_MONTHS 12
#define SILENCE_LOOKBACK 24

static const struct {
  const char *name;
  const char *label;
} rules[JD_N_WARNING_RULES] = {
  [JD_WARNING_LOSS_RATE] = { "loss_rate", N_("First-instance loss rate above the control line") },
  [JD_WARNING_COMPLAINT_SPIKE] = { "complaint_spike", N_("Complaints far above the usual") },
  [JD_WARNING_OVERDUE_COMPLAINTS] = { "overdue_complaints", N_("Complaints past their due date") },
  [JD_WARNING_NO_DECISIONS] = { "no_decisions", N_("No decided cases for months") },
  [JD_WARNING_MAJOR_WITHOUT_REVIEW] = { "major_without_review", N_("Major decisions without legal review") },
  [JD_WARNING_REVIEW_PASS_RATE] = { "review_pass_rate", N_("Case-file review pass rate below the line") },
};

const char *
jd_warning_rule_name (JdWarningRule rule)
{
  g_return_val_if_fail (rule < JD_N_WARNING_RULES, NULL);

  return rules[rule].name;
}

const char *
jd_warning_rule_label (JdWarningRule rule)
{
  g_return_val_if_fail (rule < JD_N_WARNING_RULES, NULL);

  return _(rules[rule].label);
}

void
jd_warning_free (JdWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->agency_code);
  g_free (warning->agency_name);
  g_free (warning->message);
  g_free (warning);
}

/* Returns: (transfer full): a copy of @warning */
JdWarning *
jd_warning_copy (const JdWarning *warning)
{
  JdWarning *copy;

  g_return_val_if_fail (warning != NULL, NULL);

  copy = g_memdup2 (warning, sizeof *warning);
  copy->agency_code = g_strdup (warning->agency_code);
  copy->agency_name = g_strdup (warning->agency_name);
  copy->message = g_strdup (warning->message);
  return copy;
}

static JdWarning *
add_warning (GPtrArray     *warnings,
             JdWarningRule  rule,
             const char    *code,
             const char    *name,
             int            month,
             double         figure,
             double         threshold)
{
  JdWarning *warning = g_new0 (JdWarning, 1);

  warning->rule = rule;
  warning->agency_code = g_strdup (code);
  warning->agency_name = g_strdup (name);
  warning->month = month;
  warning->figure = figure;
  warning->threshold = threshold;
  g_ptr_array_add (warnings, warning);

  return warning;
}

static const char *
who (const char *name)
{
  /* Translators: the subject of a warning about the whole city or county */
  return name != NULL ? name : _("All agencies");
}

static void
check_loss_rate (GPtrArray       *warnings,
                 const char      *code,
                 const char      *name,
                 const JdMetrics *m,
                 double           line,
                 gint64           min_concluded)
{
  g_autofree char *rate = NULL;
  g_autofree char *limit = NULL;
  JdWarning *warning;
  double value = jd_ratio_rate (m->lawsuits.loss);

  if (m->lawsuits.loss.total < min_concluded || isnan (value) || value <= line)
    return;

  warning = add_warning (warnings, JD_WARNING_LOSS_RATE, code, name,
                         jd_period_last_month (&m->period), value, line);
  warning->count = m->lawsuits.loss.count;
  warning->total = m->lawsuits.loss.total;

  rate = jd_format_rate (value);
  limit = jd_format_rate (line);
  /* Translators: "市公安局: first-instance loss rate 23.1% (3 of 13), above the control line of 15.0%" */
  warning->message = g_strdup_printf (_("%s: first-instance loss rate %s (%lld of %lld), above the control line of %s"),
                                      who (name), rate, (long long)warning->count, (long long)warning->total, limit);
}

static void
check_major (GPtrArray       *warnings,
             const char      *code,
             const char      *name,
             const JdMetrics *m)
{
  JdWarning *warning;

  if (m->cases.major_unreviewed == 0)
    return;

  warning = add_warning (warnings, JD_WARNING_MAJOR_WITHOUT_REVIEW, code, name,
                         jd_period_last_month (&m->period), m->cases.major_unreviewed, 0);
  warning->count = m->cases.major_unreviewed;
  warning->total = m->cases.major;
  warning->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %lld of %lld major enforcement decision was made without legal review",
                                                   "%s: %lld of %lld major enforcement decisions were made without legal review",
                                                   warning->total),
                                      who (name), (long long)warning->count, (long long)warning->total);
}

static void
check_reviews (GPtrArray       *warnings,
               const char      *code,
               const char      *name,
               const JdMetrics *m,
               double           line,
               gint64           min_reviewed)
{
  g_autofree char *rate = NULL;
  g_autofree char *limit = NULL;
  JdWarning *warning;
  double value = jd_ratio_rate (m->reviews.pass);

  if (m->reviews.pass.total < min_reviewed || isnan (value) || value >= line)
    return;

  warning = add_warning (warnings, JD_WARNING_REVIEW_PASS_RATE, code, name,
                         jd_period_last_month (&m->period), value, line);
  warning->count = m->reviews.pass.count;
  warning->total = m->reviews.pass.total;

  rate = jd_format_rate (value);
  limit = jd_format_rate (line);
  warning->message = g_strdup_printf (_("%s: case-file review pass rate %s (%lld of %lld), below %s"),
                                      who (name), rate, (long long)warning->count, (long long)warning->total, limit);
}

/* Monthly counts per agency from a rollup table: agency id → gint64[n_months]. */
static GHashTable *
monthly_counts (JdDb        *db,
                const char  *table,
                const char  *where,
                int          first_month,
                int          n_months,
                GError     **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  JdDbStep step;

  sql = g_strdup_printf ("SELECT agency_id, month, sum (n) FROM %s"
                         " WHERE month BETWEEN ?1 AND ?2%s GROUP BY agency_id, month",
                         table, where);
  stmt = _jd_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  _jd_db_bind_int64 (stmt, 1, first_month);
  _jd_db_bind_int64 (stmt, 2, jd_month_add (first_month, n_months - 1));

  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      gint64 agency = _jd_db_column_int64 (stmt, 0);
      int index = jd_month_diff (_jd_db_column_int (stmt, 1), first_month);
      gint64 *months = g_hash_table_lookup (counts, &agency);

      if (months == NULL)
        {
          months = g_new0 (gint64, n_months);
          g_hash_table_insert (counts, g_memdup2 (&agency, sizeof agency), months);
        }
      if (index >= 0 && index < n_months)
        months[index] = _jd_db_column_int64 (stmt, 2);
    }

  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not compute the figures"));
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/* A month whose complaints exceed the mean of the 12 before it by more
 * than k standard deviations (sample standard deviation). */
static void
check_spikes (GPtrArray     *warnings,
              const char    *code,
              const char    *name,
              const gint64  *months,       /* TRAILING_MONTHS before the period, then the period */
              int            first_month,
              int            n_period_months,
              int            data_since,   /* the first month with any data */
              double         sigmas,
              double         min_mean)
{
  for (int p = 0; p < n_period_months; p++)
    {
      int at = TRAILING_MONTHS + p;
      double mean = 0, variance = 0, line;
      g_autofree char *month_text = NULL;
      JdWarning *warning;
      JdPeriod month;

      /* Months before the data begin are not quiet months. */
      if (jd_month_add (first_month, at - TRAILING_MONTHS) < data_since)
        continue;

      for (int i = at - TRAILING_MONTHS; i < at; i++)
        mean += months[i];
      mean /= TRAILING_MONTHS;
      for (int i = at - TRAILING_MONTHS; i < at; i++)
        variance += (months[i] - mean) * (months[i] - mean);
      variance /= TRAILING_MONTHS - 1;
      line = mean + sigmas * sqrt (variance);

      if (mean < min_mean || months[at] <= line)
        continue;

      month = jd_period_containing (JD_PERIOD_MONTH, jd_month_add (first_month, at));
      month_text = jd_period_format (&month);
      warning = add_warning (warnings, JD_WARNING_COMPLAINT_SPIKE, code, name,
                             jd_month_add (first_month, at), months[at], line);
      warning->count = months[at];
      warning->message = g_strdup_printf (_("%s: %lld complaints in %s, above %.2f (the mean of the 12 months before, %.2f, plus %g standard deviations)"),
                                          who (name), (long long)months[at], month_text, line, mean, sigmas);
    }
}

/* The months up to the period's end without a decided case, if the agency
 * decided cases in the two years before them. */
static void
check_silence (GPtrArray     *warnings,
               const char    *code,
               const char    *name,
               const gint64  *months,       /* SILENCE_LOOKBACK months ending with the period's last */
               int            last_month,
               int            min_months)
{
  g_autofree char *since = NULL;
  JdWarning *warning;
  JdPeriod first_silent;
  int silent = 0;

  while (silent < SILENCE_LOOKBACK && months[SILENCE_LOOKBACK - 1 - silent] == 0)
    silent++;

  if (silent < min_months || silent == SILENCE_LOOKBACK)
    return;

  first_silent = jd_period_containing (JD_PERIOD_MONTH, jd_month_add (last_month, 1 - silent));
  since = jd_period_format (&first_silent);
  warning = add_warning (warnings, JD_WARNING_NO_DECISIONS, code, name, last_month, silent, min_months);
  warning->count = silent;
  warning->message = g_strdup_printf (_("%s: no decided cases for %d months, since %s"),
                                      who (name), silent, since);
}

static gboolean
check_overdue (JdDb        *db,
               GPtrArray   *warnings,
               GHashTable  *names,     /* agency id → JdSlice */
               const char  *where,
               const char  *as_of,
               int          month,
               GError     **error)
{
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  JdDbStep step;

  /* A complaint open and overdue on a day was either never closed, or
   * closed late and after that day: each half reads one small index
   * (complaints_open, complaints_closed_late). */
  sql = g_strdup_printf ("SELECT agency_id, sum (n) FROM ("
                         " SELECT agency_id, count(*) AS n FROM complaints"
                         "  WHERE closed_on IS NULL AND due_on < ?1 AND received_on <= ?1%s"
                         "  GROUP BY agency_id"
                         " UNION ALL"
                         " SELECT agency_id, count(*) FROM complaints"
                         "  WHERE closed_on > due_on AND closed_on > ?1 AND due_on < ?1 AND received_on <= ?1%s"
                         "  GROUP BY agency_id) AS overdue"
                         " GROUP BY agency_id ORDER BY agency_id IS NULL DESC, agency_id", where, where);
  stmt = _jd_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  _jd_db_bind_text (stmt, 1, as_of);
  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      gint64 agency = _jd_db_column_int64 (stmt, 0);
      JdSlice *slice = g_hash_table_lookup (names, &agency);
      gint64 n = _jd_db_column_int64 (stmt, 1);
      JdWarning *warning;

      if (slice == NULL)
        continue;

      warning = add_warning (warnings, JD_WARNING_OVERDUE_COMPLAINTS, slice->key, slice->label,
                             month, n, 0);
      warning->count = n;
      warning->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%s: %lld complaint past its due date and not closed on %s",
                                                       "%s: %lld complaints past their due date and not closed on %s",
                                                       n),
                                          slice->label, (long long)n, as_of);
    }

  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not compute the figures"));
      return FALSE;
    }

  return TRUE;
}

/* agency id → its slice of the breakdown */
static GHashTable *
slices_by_id (JdDb       *db,
              GPtrArray  *slices)
{
  GHashTable *by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(JdDbStmt) stmt = _jd_db_prepare (db, "SELECT id FROM agencies WHERE code = ?", NULL);

  for (guint i = 0; stmt != NULL && i < slices->len; i++)
    {
      JdSlice *slice = g_ptr_array_index (slices, i);

      _jd_db_reset (stmt);
      _jd_db_bind_text (stmt, 1, slice->key);
      if (_jd_db_step (stmt, NULL) == JD_DB_ROW)
        {
          gint64 id = _jd_db_column_int64 (stmt, 0);

          g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), slice);
        }
    }

  return by_id;
}

/* How far past its line a warning is: the worst of a rule come first. */
static double
severity (const JdWarning *warning)
{
  switch (warning->rule)
    {
    case JD_WARNING_REVIEW_PASS_RATE:
      return warning->threshold - warning->figure;
    case JD_WARNING_COMPLAINT_SPIKE:
      return warning->threshold > 0 ? warning->figure / warning->threshold : warning->figure;
    case JD_WARNING_LOSS_RATE:
    case JD_WARNING_OVERDUE_COMPLAINTS:
    case JD_WARNING_NO_DECISIONS:
    case JD_WARNING_MAJOR_WITHOUT_REVIEW:
    case JD_N_WARNING_RULES:
    default:
      return warning->figure - warning->threshold;
    }
}

static int
compare_warnings (gconstpointer a,
                  gconstpointer b)
{
  const JdWarning *x = *(const JdWarning * const *)a;
  const JdWarning *y = *(const JdWarning * const *)b;
  double sx, sy;

  if (x->rule != y->rule)
    return x->rule < y->rule ? -1 : 1;
  if ((x->agency_code == NULL) != (y->agency_code == NULL))
    return x->agency_code == NULL ? -1 : 1;
  sx = severity (x);
  sy = severity (y);
  if (sx != sy)
    return sx > sy ? -1 : 1;
  if (x->month != y->month)
    return x->month < y->month ? -1 : 1;
  return g_strcmp0 (x->agency_code, y->agency_code);
}

/**
 * jd_warnings_compute:
 *
 * Applies every warning rule to @period under @filter: for the whole scope
 * where a rule makes sense for it (the loss rate), and for every agency.
 *
 * Returns: (transfer full) (element-type JdWarning): the warnings, by rule
 *   and agency, or %NULL with @error set
 */
GPtrArray *
jd_warnings_compute (JdStore         *store,
                     const JdPeriod  *period,
                     const JdFilter  *filter,
                     GError         **error)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) slices = NULL;
  g_autoptr(JdMetrics) whole = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) complaints = NULL;
  g_autoptr(GHashTable) decided = NULL;
  g_autofree char *where = NULL;
  g_autofree char *as_of = NULL;
  g_autoptr(JdStoreLocker) locker = NULL;
  double loss_line, sigmas, min_mean, pass_line;
  gint64 min_concluded, min_reviewed;
  int silent_months;
  int first_month, last_month, n_period_months;
  int data_since = 0, data_until = 0;
  JdPeriod covered;
  JdDb *db;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  loss_line = jd_settings_get_double (store, "warn_loss_rate");
  min_concluded = (gint64)jd_settings_get_double (store, "warn_loss_rate_min_concluded");
  sigmas = jd_settings_get_double (store, "warn_complaint_sigma");
  min_mean = jd_settings_get_double (store, "warn_complaint_min_mean");
  silent_months = (int)jd_settings_get_double (store, "warn_silent_months");
  pass_line = jd_settings_get_double (store, "warn_review_pass_rate");
  min_reviewed = (gint64)jd_settings_get_double (store, "warn_review_min_reviewed");

  /* A period the data end inside is judged on the months they reach, as
   * of the data's last day: a complaint due after that day is not overdue
   * yet, and an agency is not silent for months nobody has reported.  A
   * period they do not reach has nothing to warn about. */
  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_warning_free);
  if (!jd_store_get_month_range (store, &data_since, &data_until) ||
      jd_period_cover (period, data_until, &covered, NULL, NULL) == JD_COVERAGE_NONE)
    return g_steal_pointer (&warnings);
  period = &covered;

  whole = jd_metrics_compute (store, period, filter, error);
  if (whole == NULL)
    return NULL;
  slices = jd_metrics_breakdown (store, period, filter, JD_DIMENSION_AGENCY, error);
  if (slices == NULL)
    return NULL;
  where = _jd_metrics_scope_where (store, filter, error);
  if (where == NULL)
    return NULL;

  first_month = jd_period_first_month (period);
  last_month = jd_period_last_month (period);
  n_period_months = jd_period_n_months (period);

  check_loss_rate (warnings, NULL, NULL, whole, loss_line, min_concluded);
  for (guint i = 0; i < slices->len; i++)
    {
      JdSlice *slice = g_ptr_array_index (slices, i);

      check_loss_rate (warnings, slice->key, slice->label, slice->metrics, loss_line, min_concluded);
      check_major (warnings, slice->key, slice->label, slice->metrics);
      check_reviews (warnings, slice->key, slice->label, slice->metrics, pass_line, min_reviewed);
    }

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_conn (store);
  by_id = slices_by_id (db, slices);

  complaints = monthly_counts (db, "roll_complaints", where,
                               jd_month_add (first_month, -TRAILING_MONTHS),
                               TRAILING_MONTHS + n_period_months, error);
  if (complaints == NULL)
    return NULL;
  decided = monthly_counts (db, "roll_cases", where,
                            jd_month_add (last_month, 1 - SILENCE_LOOKBACK), SILENCE_LOOKBACK, error);
  if (decided == NULL)
    return NULL;

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, by_id);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        JdSlice *slice = value;
        gint64 *months;

        if ((months = g_hash_table_lookup (complaints, key)) != NULL)
          check_spikes (warnings, slice->key, slice->label, months,
                        jd_month_add (first_month, -TRAILING_MONTHS), n_period_months,
                        data_since, sigmas, min_mean);
        if ((months = g_hash_table_lookup (decided, key)) != NULL)
          check_silence (warnings, slice->key, slice->label, months, last_month, silent_months);
      }
  }

  as_of = jd_period_last_day (period);
  if (!check_overdue (db, warnings, by_id, where, as_of, last_month, error))
    return NULL;

  g_ptr_array_sort (warnings, compare_warnings);
  return g_steal_pointer (&warnings);
}

/**
 * jd_warnings_overdue_complaints:
 *
 * The overdue-complaints rule of jd_warnings_compute() alone: every agency
 * under @filter with complaints past their due date and not closed on the
 * last day of @period, the most first.
 *
 * Returns: (transfer full) (element-type JdWarning): the warnings, or %NULL
 *   with @error set
 */
GPtrArray *
jd_warnings_overdue_complaints (JdStore         *store,
                                const JdPeriod  *period,
                                const JdFilter  *filter,
                                GError         **error)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  g_autofree char *where = NULL;
  g_autofree char *as_of = NULL;
  JdDb *db;
  JdDbStep step;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  where = _jd_metrics_scope_where (store, filter, error);
  if (where == NULL)
    return NULL;

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_conn (store);

  /* check_overdue() names agencies by id: every agency, as slices without figures */
  stmt = _jd_db_prepare (db, "SELECT id, code, name FROM agencies", error);
  if (stmt == NULL)
    return NULL;
  agencies = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_slice_free);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((step = _jd_db_step (stmt, error)) == JD_DB_ROW)
    {
      JdSlice *slice = g_new0 (JdSlice, 1);
      gint64 id = _jd_db_column_int64 (stmt, 0);

      slice->key = g_strdup (_jd_db_column_text (stmt, 1));
      slice->label = g_strdup (_jd_db_column_text (stmt, 2));
      g_ptr_array_add (agencies, slice);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), slice);
    }
  if (step == JD_DB_ERROR)
    {
      g_prefix_error (error, "%s: ", _("Could not read the database"));
      return NULL;
    }

  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_warning_free);
  as_of = jd_period_last_day (period);
  if (!check_overdue (db, warnings, by_id, where, as_of, jd_period_last_month (period), error))
    return NULL;

  g_ptr_array_sort (warnings, compare_warnings);
  return g_steal_pointer (&warnings);
}

/**
 * jd_warnings_to_json:
 *
 * Returns: (transfer full): the warnings as a JSON array of objects
 *   {"rule", "agency", "agency_name", "month", "figure", "threshold",
 *   "count", "total", "message"}
 */
JsonNode *
jd_warnings_to_json (GPtrArray *warnings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    {
      const JdWarning *warning = g_ptr_array_index (warnings, i);
      g_autofree char *month = g_strdup_printf ("%04d-%02d", warning->month / 100, warning->month % 100);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, jd_warning_rule_name (warning->rule));
      json_builder_set_member_name (builder, "agency");
      if (warning->agency_code != NULL)
        json_builder_add_string_value (builder, warning->agency_code);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "agency_name");
      if (warning->agency_name != NULL)
        json_builder_add_string_value (builder, warning->agency_name);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "month");
      json_builder_add_string_value (builder, month);
      json_builder_set_member_name (builder, "figure");
      json_builder_add_double_value (builder, warning->figure);
      json_builder_set_member_name (builder, "threshold");
      json_builder_add_double_value (builder, warning->threshold);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, warning->count);
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, warning->total);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, warning->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

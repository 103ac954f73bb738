/* jd-cockpit-tables.c — the cockpit pages' tables, for export and the report
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page shows its figures in widgets; the same figures, with the period,
 * the filter and how far the data reach, become a JdTable here, so that
 * "Export Table…" and (later) the report write one and the same table.
 */

#define G_LOG_DOMAIN "jd-cockpit-tables"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "jd-cockpit-tables.h"
#include "jd-enums.h"
#include "jd-format.h"
#include "jd-warnings.h"

/* The order the parts of a filter are named in: the widest first. */
static const JdDimension describe_order[] = {
  JD_DIMENSION_LEVEL, JD_DIMENSION_REGION, JD_DIMENSION_AGENCY, JD_DIMENSION_DOMAIN,
};

/**
 * jd_filter_dimensions:
 * @n_dimensions: (out): how many
 *
 * Returns: (array length=n_dimensions): the parts of a filter in the order
 *   the description and the filter bar's chips name them
 */
const JdDimension *
jd_filter_dimensions (guint *n_dimensions)
{
  *n_dimensions = G_N_ELEMENTS (describe_order);
  return describe_order;
}

/**
 * jd_filter_get_value:
 *
 * Returns: (transfer none) (nullable): what @filter restricts @dimension
 *   to; %NULL when it does not
 */
const char *
jd_filter_get_value (const JdFilter *filter,
                     JdDimension     dimension)
{
  switch (dimension)
    {
    case JD_DIMENSION_AGENCY:
      return filter->agency;
    case JD_DIMENSION_DOMAIN:
      return filter->domain;
    case JD_DIMENSION_LEVEL:
      return filter->level;
    case JD_DIMENSION_REGION:
      return filter->region;
    case JD_N_DIMENSIONS:
    default:
      g_assert_not_reached ();
    }
}

/**
 * jd_filter_choices_label:
 * @choices: (nullable): the names of agencies and domains
 *
 * Returns: (transfer none): what a filter chip says for @value: a name,
 *   never a code, where @choices know it
 */
const char *
jd_filter_choices_label (const JdFilterChoices *choices,
                         JdDimension            dimension,
                         const char            *value)
{
  GPtrArray *list;

  if (dimension == JD_DIMENSION_LEVEL)
    return jd_enum_label (JD_ENUM_LEVEL, value);
  if (dimension == JD_DIMENSION_REGION || choices == NULL)
    return value;

  list = dimension == JD_DIMENSION_AGENCY ? choices->agencies : choices->domains;
  for (guint i = 0; i < list->len; i++)
    {
      const JdFilterChoice *choice = list->pdata[i];

      if (g_strcmp0 (choice->code, value) == 0 || g_strcmp0 (choice->name, value) == 0)
        return choice->name;
    }

  return value;
}

/**
 * jd_filter_describe:
 * @choices: (nullable): the names of agencies and domains; without them
 *   the codes are named
 *
 * Returns: (transfer full) (nullable): what @filter restricts to, by name
 *   ("县级 · 西湖区"), for the window's subtitle and the exports; %NULL
 *   when nothing is filtered
 */
char *
jd_filter_describe (const JdFilter        *filter,
                    const JdFilterChoices *choices)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (filter != NULL, NULL);

  for (guint o = 0; o < G_N_ELEMENTS (describe_order); o++)
    {
      const char *value = jd_filter_get_value (filter, describe_order[o]);

      if (value == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, jd_filter_choices_label (choices, describe_order[o], value));
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * jd_table_file_name:
 * @page: the page's name ("agencies")
 * @extension: "xlsx" or "csv"
 *
 * Returns: (transfer full): the name offered for an export of @page,
 *   with the period in it: "agencies-2026-Q3.xlsx"
 */
char *
jd_table_file_name (const char     *page,
                    const JdPeriod *period,
                    const char     *extension)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  when = jd_period_to_string (period);
  return g_strdup_printf ("%s-%s.%s", page, when, extension);
}

/**
 * jd_table_context_notes:
 *
 * Returns: (transfer full): what every exported table and chart says of
 *   its figures: the period as far as the data reach, the filter, and
 *   the last month with data
 */
GStrv
jd_table_context_notes (const JdTableContext *context)
{
  GPtrArray *notes;
  g_autofree char *period = NULL;

  g_return_val_if_fail (context != NULL, NULL);

  notes = g_ptr_array_new ();
  period = jd_period_format_cover (&context->period, context->data_end);
  g_ptr_array_add (notes, g_strdup_printf (_("Period: %s"), period));
  if (context->filter_text != NULL)
    g_ptr_array_add (notes, g_strdup_printf (_("Filter: only %s"), context->filter_text));
  else
    g_ptr_array_add (notes, g_strdup (_("Filter: none (every agency and domain)")));
  if (context->data_end > 0)
    {
      JdPeriod month = jd_period_containing (JD_PERIOD_MONTH, context->data_end);
      g_autofree char *end = jd_period_format (&month);

      g_ptr_array_add (notes, g_strdup_printf (_("Data as of %s"), end));
    }
  else
    g_ptr_array_add (notes, g_strdup (_("No data yet")));

  g_ptr_array_add (notes, NULL);
  return (GStrv)g_ptr_array_free (notes, FALSE);
}

/**
 * jd_table_context_caption:
 *
 * Returns: (transfer full): jd_table_context_notes() on one line, for
 *   the caption under an exported chart
 */
char *
jd_table_context_caption (const JdTableContext *context)
{
  g_auto(GStrv) notes = jd_table_context_notes (context);

  /* Translators: between the parts of the caption under an exported chart */
  return g_strjoinv (_("  ·  "), notes);
}

static JdTable *
table_new (const char           *title,
           const JdTableContext *context)
{
  JdTable *table = jd_table_new (title);
  g_auto(GStrv) notes = jd_table_context_notes (context);

  for (guint i = 0; notes[i] != NULL; i++)
    jd_table_add_note (table, notes[i]);

  return table;
}

/**
 * jd_agencies_table_new:
 * @slices: (element-type JdSlice): every agency's figures, as the agencies
 *   page shows them
 *
 * Returns: (transfer full): a row an agency, a column a measure, in the
 *   order the page shows them
 */
JdTable *
jd_agencies_table_new (GPtrArray            *slices,
                       const JdTableContext *context)
{
  JdTable *table;
  guint agency_column;
  guint measure_column[JD_N_MEASURES];

  g_return_val_if_fail (slices != NULL, NULL);
  g_return_val_if_fail (context != NULL, NULL);

  table = table_new (_("Agency Ranking"), context);
  agency_column = jd_table_add_column (table, _("Agency"), JD_COLUMN_TEXT);
  for (guint m = 0; m < JD_N_MEASURES; m++)
    {
      const JdMeasureInfo *info = jd_measure_info (m);
      JdColumnKind kind = JD_COLUMN_COUNT;

      if (info->is_rate)
        kind = JD_COLUMN_RATE;
      else if (m == JD_MEASURE_FINES || m == JD_MEASURE_EXEMPTED)
        kind = JD_COLUMN_YUAN;
      measure_column[m] = jd_table_add_column (table, _(info->label), kind);
    }

  for (guint i = 0; i < slices->len; i++)
    {
      const JdSlice *slice = g_ptr_array_index (slices, i);

      jd_table_add_row (table);
      jd_table_set_text (table, agency_column, slice->label);
      for (guint m = 0; m < JD_N_MEASURES; m++)
        {
          double value = NAN;

          jd_metrics_get_measure (slice->metrics, m, &value, NULL);
          jd_table_set_number (table, measure_column[m], value);
        }
    }

  return table;
}

static gboolean
rule_is_rate (JdWarningRule rule)
{
  return rule == JD_WARNING_LOSS_RATE || rule == JD_WARNING_REVIEW_PASS_RATE;
}

/**
 * jd_warnings_table_new:
 * @warnings: (element-type JdWarning): as jd_warnings_compute() gives them
 * @title: the table's: the page's or the list's
 *
 * Returns: (transfer full): a row a warning: its rule, the agency, the
 *   month, the figure (a rate or a count), the line it crossed and the
 *   finding in a sentence
 */
JdTable *
jd_warnings_table_new (GPtrArray            *warnings,
                       const char           *title,
                       const JdTableContext *context)
{
  JdTable *table;
  guint rule_column, agency_column, month_column, rate_column, count_column;
  guint total_column, line_column, message_column;

  g_return_val_if_fail (warnings != NULL, NULL);
  g_return_val_if_fail (context != NULL, NULL);

  table = table_new (title, context);
  rule_column = jd_table_add_column (table, _("Warning"), JD_COLUMN_TEXT);
  agency_column = jd_table_add_column (table, _("Agency"), JD_COLUMN_TEXT);
  month_column = jd_table_add_column (table, _("Month"), JD_COLUMN_TEXT);
  rate_column = jd_table_add_column (table, _("Rate"), JD_COLUMN_RATE);
  count_column = jd_table_add_column (table, _("Count"), JD_COLUMN_COUNT);
  total_column = jd_table_add_column (table, _("Out of"), JD_COLUMN_COUNT);
  line_column = jd_table_add_column (table, _("Line crossed"), JD_COLUMN_TEXT);
  message_column = jd_table_add_column (table, _("Finding"), JD_COLUMN_TEXT);

  for (guint i = 0; i < warnings->len; i++)
    {
      const JdWarning *warning = g_ptr_array_index (warnings, i);
      g_autofree char *month_text = NULL;
      g_autofree char *line = rule_is_rate (warning->rule) ? jd_format_rate (warning->threshold)
                                                           : jd_format_count ((gint64)warning->threshold);

      if (jd_month_is_valid (warning->month))
        {
          JdPeriod month = jd_period_containing (JD_PERIOD_MONTH, warning->month);

          month_text = jd_period_format (&month);
        }

      jd_table_add_row (table);
      jd_table_set_text (table, rule_column, jd_warning_rule_label (warning->rule));
      jd_table_set_text (table, agency_column, warning->agency_name != NULL ? warning->agency_name : _("All agencies"));
      jd_table_set_text (table, month_column, month_text);
      if (rule_is_rate (warning->rule))
        {
          jd_table_set_number (table, rate_column, warning->figure);
          jd_table_set_number (table, count_column, warning->count);
          jd_table_set_number (table, total_column, warning->total);
        }
      else
        jd_table_set_number (table, count_column, warning->figure);
      jd_table_set_text (table, line_column, line);
      jd_table_set_text (table, message_column, warning->message);
    }

  return table;
}

/**
 * jd_unreviewed_table_new:
 * @slices: (element-type JdSlice): the agencies that made major decisions
 *   without legal review, as the cases page lists them
 *
 * Returns: (transfer full): a row an agency: its major decisions and how
 *   many of them had no legal review
 */
JdTable *
jd_unreviewed_table_new (GPtrArray            *slices,
                         const JdTableContext *context)
{
  JdTable *table;
  guint agency_column, major_column, unreviewed_column;

  g_return_val_if_fail (slices != NULL, NULL);
  g_return_val_if_fail (context != NULL, NULL);

  table = table_new (_("Major Decisions Without Legal Review"), context);
  agency_column = jd_table_add_column (table, _("Agency"), JD_COLUMN_TEXT);
  major_column = jd_table_add_column (table, _("Major decisions"), JD_COLUMN_COUNT);
  unreviewed_column = jd_table_add_column (table, _("Without legal review"), JD_COLUMN_COUNT);

  for (guint i = 0; i < slices->len; i++)
    {
      const JdSlice *slice = g_ptr_array_index (slices, i);

      jd_table_add_row (table);
      jd_table_set_text (table, agency_column, slice->label);
      jd_table_set_number (table, major_column, slice->metrics->cases.major);
      jd_table_set_number (table, unreviewed_column, slice->metrics->cases.major_unreviewed);
    }

  return table;
}

/* jd-cli-metrics.c — jiandu-cli metrics
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "jd-format.h"
#include "jd-leniency.h"
#include "jd-metrics.h"
#include "jd-settings.h"
#include "jd-warnings.h"

#include "jiandu-cli.h"

void
jd_cli_print_row (const char *label,
                  const char *value,
                  const char *note)
{
  /* Labels are agency and field names, imported from files. */
  g_autofree char *shown = jd_cli_escape (label);
  guint label_width = jd_cli_display_width (shown);
  guint value_width = jd_cli_display_width (value);

  g_print ("  %s%*s %*s%s%s\n",
           shown, (int)(label_width < 28 ? 28 - label_width : 0), "",
           (int)(value_width < 14 ? 14 - value_width : 0), "", value,
           note != NULL ? note : "");
}

static void
print_ratio_row (const char *label,
                 JdRatio     ratio)
{
  g_autofree char *rate = jd_format_rate (jd_ratio_rate (ratio));
  g_autofree char *count = jd_format_count (ratio.count);
  g_autofree char *total = jd_format_count (ratio.total);
  g_autofree char *note = g_strdup_printf ("   (%s / %s)", count, total);

  jd_cli_print_row (label, rate, note);
}

static void
print_count_row (const char *label,
                 gint64      value)
{
  g_autofree char *text = jd_format_count (value);

  jd_cli_print_row (label, text, NULL);
}

static void
print_table (const JdMetrics *m)
{
  g_autofree char *period = jd_metrics_format_period (m);
  g_autofree char *fines = jd_format_yuan_exact (m->cases.fines_fen);
  g_autofree char *exempted = jd_format_yuan_exact (m->leniency.exempted_fen);

  g_print ("%s\n\n", period);

  g_print ("%s\n", _("Enforcement cases"));
  print_count_row (_("Decided"), m->cases.decided);
  print_count_row (_("Opened"), m->cases.opened);
  jd_cli_print_row (_("Fines and confiscations"), fines, NULL);

  g_print ("%s\n", _("Complaints"));
  print_count_row (_("Received"), m->complaints.received);
  print_ratio_row (_("Closing rate"), m->complaints.closing);
  print_ratio_row (_("On-time rate"), m->complaints.on_time);
  print_ratio_row (_("Substantiated rate"), m->complaints.substantiated);
  print_ratio_row (_("Satisfaction rate"), m->complaints.satisfaction);

  g_print ("%s\n", _("Administrative lawsuits (first instance)"));
  print_ratio_row (_("Loss rate"), m->lawsuits.loss);
  print_ratio_row (_("Withdrawal rate"), m->lawsuits.withdrawal);
  print_ratio_row (_("Head appearance rate"), m->lawsuits.head_appearance);

  g_print ("%s\n", _("Administrative reconsideration"));
  print_ratio_row (_("Correction rate"), m->reconsiderations.correction);

  g_print ("%s\n", _("Leniency lists"));
  print_count_row (_("Items in force"), m->leniency.items_in_force);
  print_count_row (_("Leniency cases"), m->leniency.cases);
  jd_cli_print_row (_("Amount exempted"), exempted, NULL);
  print_ratio_row (_("Share of penalty cases"), m->leniency.share_of_penalty_cases);

  g_print ("%s\n", _("Case-file reviews"));
  print_ratio_row (_("Pass rate"), m->reviews.pass);

  g_print ("\n");
  /* Translators: a label and its value, as "Loss-rate denominator: …" */
  g_print (_("%s: %s"), _("Loss-rate denominator"), jd_metrics_definition_label (m->loss_rate_denominator));
  g_print ("\n");
  g_print (_("%s: %s"), _("Correction-rate denominator"), jd_metrics_definition_label (m->correction_rate_denominator));
  g_print ("\n");
}

/* Adds every member of the object @members to @object; new keys only */
static void
add_members (JsonObject *object,
             JsonNode   *members)
{
  JsonObject *from = json_node_get_object (members);
  g_autoptr(GList) names = json_object_get_members (from);

  for (GList *l = names; l != NULL; l = l->next)
    {
      g_assert (!json_object_has_member (object, l->data));
      json_object_set_member (object, l->data, json_object_dup_member (from, l->data));
    }
  json_node_unref (members);
}

static void
print_json (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  g_print ("%s\n", text);
}

static void
print_series (GPtrArray *series,
              gboolean   json)
{
  if (json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (series->len);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < series->len; i++)
        json_array_add_element (array, jd_metrics_to_json (g_ptr_array_index (series, i)));
      json_node_set_array (node, array);
      print_json (node);
      return;
    }

  g_print ("%-16s %12s %12s %10s %10s %10s\n", _("Period"), _("Decided"), _("Complaints"),
           _("Loss rate"), _("Closing rate"), _("Pass rate"));
  for (guint i = 0; i < series->len; i++)
    {
      const JdMetrics *m = g_ptr_array_index (series, i);
      g_autofree char *name = jd_period_to_string (&m->period);
      /* A period the data end inside is marked, and explained below. */
      g_autofree char *period = g_strconcat (name, m->coverage == JD_COVERAGE_COMPLETE ? "" : "*", NULL);
      g_autofree char *decided = jd_format_count (m->cases.decided);
      g_autofree char *complaints = jd_format_count (m->complaints.received);
      g_autofree char *loss = jd_format_rate (jd_ratio_rate (m->lawsuits.loss));
      g_autofree char *closing = jd_format_rate (jd_ratio_rate (m->complaints.closing));
      g_autofree char *pass = jd_format_rate (jd_ratio_rate (m->reviews.pass));

      g_print ("%-16s %12s %12s %10s %10s %10s\n", period, decided, complaints, loss, closing, pass);
    }

  if (series->len > 0)
    {
      const JdMetrics *last = g_ptr_array_index (series, series->len - 1);

      if (last->coverage != JD_COVERAGE_COMPLETE && last->data_end != 0)
        {
          JdPeriod month = jd_period_containing (JD_PERIOD_MONTH, last->data_end);
          g_autofree char *data_end = jd_period_format (&month);

          /* Translators: under a trend whose last periods go past the data */
          g_print (_("* The data end with %s: these periods count only the months up to it.\n"), data_end);
        }
    }
}

static void
add_rank_rows (JsonBuilder *builder,
               const char  *name,
               GPtrArray   *rows,
               guint        top)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len && (top == 0 || i < top); i++)
    {
      const JdRankRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rank");
      json_builder_add_int_value (builder, row->rank);
      json_builder_set_member_name (builder, "agency");
      json_builder_add_string_value (builder, row->code);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, row->name);
      json_builder_set_member_name (builder, "value");
      if (isnan (row->value))
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, row->value);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, row->count);
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, row->total);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_ranking (const JdRanking *ranking,
               guint            top,
               gboolean         json)
{
  const JdMeasureInfo *info = jd_measure_info (ranking->measure);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "measure");
      json_builder_add_string_value (builder, info->name);
      json_builder_set_member_name (builder, "ascending");
      json_builder_add_boolean_value (builder, ranking->ascending);
      json_builder_set_member_name (builder, "min_total");
      json_builder_add_int_value (builder, ranking->min_total);
      add_rank_rows (builder, "rows", ranking->rows, top);
      add_rank_rows (builder, "left_out", ranking->left_out, 0);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      print_json (node);
      return;
    }

  g_print ("%s\n", _(info->label));
  for (guint i = 0; i < ranking->rows->len && (top == 0 || i < top); i++)
    {
      const JdRankRow *row = g_ptr_array_index (ranking->rows, i);
      g_autofree char *value = jd_measure_format (ranking->measure, row->value);
      g_autofree char *note = NULL;

      if (info->is_rate)
        note = g_strdup_printf ("   (%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT ")", row->count, row->total);
      g_print ("%3u  ", row->rank);
      jd_cli_print_row (row->name, value, note);
    }

  if (ranking->left_out->len > 0)
    g_print (ngettext ("(%u agency left out: fewer than %lld cases to rate)\n",
                       "(%u agencies left out: fewer than %lld cases to rate)\n",
                       ranking->left_out->len),
             ranking->left_out->len, (long long)ranking->min_total);
}

static void
print_warnings (GPtrArray *warnings,
                gboolean   json)
{
  if (json)
    {
      g_autoptr(JsonNode) node = jd_warnings_to_json (warnings);

      print_json (node);
      return;
    }

  if (warnings->len == 0)
    g_print ("%s\n", _("No warnings."));

  for (guint i = 0; i < warnings->len; i++)
    {
      const JdWarning *warning = g_ptr_array_index (warnings, i);

      g_print ("• [%s] %s\n", jd_warning_rule_label (warning->rule), warning->message);
    }
}

static gboolean
parse_period (const char *text,
              JdPeriod   *period)
{
  g_autoptr(GError) error = NULL;

  if (!jd_period_parse (text, period, &error))
    {
      g_printerr ("jiandu-cli metrics: %s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

int
jd_cli_metrics (int    argc,
                char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *series_from = NULL;
  g_autofree char *by = NULL;
  g_autofree char *rank = NULL;
  g_auto(JdFilter) filter = { 0 };
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gboolean compare = FALSE;
  gboolean warnings = FALSE;
  gboolean ascending = FALSE;
  gint64 min_total = -1;
  int top = 10;
  JdPeriod period;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("Month (2024-07), quarter (2024Q3), year (2024) or months (2024-01..2024-09)"), "P" },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &filter.agency, N_("Only this agency (code or name)"), N_("AGENCY") },
    { "domain", 0, 0, G_OPTION_ARG_STRING, &filter.domain, N_("Only this enforcement domain (code or name)"), N_("DOMAIN") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &filter.level, N_("Only agencies of this level: city, county or township"), N_("LEVEL") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &filter.region, N_("Only agencies of this region"), N_("REGION") },
    { "compare", 0, 0, G_OPTION_ARG_NONE, &compare, N_("Add the previous period (环比) and the same period a year earlier (同比)"), NULL },
    { "series", 0, 0, G_OPTION_ARG_STRING, &series_from, N_("A trend from FROM to TO (the next argument), e.g. --series 2025-01 2026-10"), N_("FROM") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Points of the trend: month, quarter or year (default month)"), N_("UNIT") },
    { "rank", 0, 0, G_OPTION_ARG_STRING, &rank, N_("Rank the agencies by a measure, e.g. loss_rate, complaints"), N_("MEASURE") },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, N_("How many agencies to list in a ranking (0: all; default 10)"), "N" },
    { "min", 0, 0, G_OPTION_ARG_INT64, &min_total, N_("Rank by a rate only agencies with at least N cases behind it"), "N" },
    { "ascending", 0, 0, G_OPTION_ARG_NONE, &ascending, N_("Rank lowest first"), NULL },
    { "warnings", 0, 0, G_OPTION_ARG_NONE, &warnings, N_("List the warnings (预警) of the period"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!jd_cli_parse_options ("metrics", NULL, _("Prints the figures of one period, a trend, a ranking or the warnings."),
                             entries, &argc, &argv))
    return 2;

  if ((store = jd_cli_open_store (db_path)) == NULL)
    return 1;

  if (series_from != NULL)
    {
      g_autoptr(GPtrArray) series = NULL;
      JdPeriod from, to;
      JdPeriodKind kind = JD_PERIOD_MONTH;

      if (argc != 2)
        {
          g_printerr (_("jiandu-cli metrics: --series needs FROM and TO, e.g. --series 2025-01 2026-10\n"));
          return 2;
        }
      if (!parse_period (series_from, &from) || !parse_period (argv[1], &to))
        return 2;
      if (by != NULL)
        {
          if (g_str_equal (by, "quarter"))
            kind = JD_PERIOD_QUARTER;
          else if (g_str_equal (by, "year"))
            kind = JD_PERIOD_YEAR;
          else if (!g_str_equal (by, "month"))
            {
              g_printerr (_("jiandu-cli metrics: --by takes month, quarter or year, not “%s”\n"), by);
              return 2;
            }
        }
      if (jd_period_first_month (&from) > jd_period_last_month (&to))
        {
          g_printerr (_("jiandu-cli metrics: the series ends before it starts\n"));
          return 2;
        }

      series = jd_metrics_series (store, &filter, kind, jd_period_first_month (&from),
                                  jd_period_last_month (&to), &error);
      if (series == NULL)
        goto failed;
      print_series (series, json);
      return 0;
    }

  if (period_text == NULL)
    {
      g_printerr (_("jiandu-cli metrics: --period is required\n"));
      return 2;
    }
  if (!parse_period (period_text, &period))
    return 2;

  if (rank != NULL)
    {
      g_autoptr(JdRanking) ranking = NULL;
      JdMeasure measure;

      if (!jd_measure_from_name (rank, &measure))
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint i = 0; i < JD_N_MEASURES; i++)
            g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", jd_measure_info (i)->name);
          g_printerr (_("jiandu-cli metrics: “%s” is no measure to rank by; choose one of %s\n"),
                      rank, names->str);
          return 2;
        }
      if (min_total < 0)
        min_total = (gint64)jd_settings_get_double (store, "rank_min_total");

      ranking = jd_metrics_rank (store, &period, &filter, measure, min_total, ascending, &error);
      if (ranking == NULL)
        goto failed;
      print_ranking (ranking, MAX (top, 0), json);
      return 0;
    }

  if (warnings)
    {
      g_autoptr(GPtrArray) list = jd_warnings_compute (store, &period, &filter, &error);

      if (list == NULL)
        goto failed;
      print_warnings (list, json);
      return 0;
    }

  {
    g_autoptr(JdMetrics) metrics = jd_metrics_compute (store, &period, &filter, &error);
    g_autoptr(JdMetrics) previous = NULL;
    g_autoptr(JdMetrics) year_earlier = NULL;

    if (metrics == NULL)
      goto failed;

    /* DESIGN.md's partial periods: a period the data end inside is
     * compared with the same months of the earlier periods, and one they
     * do not reach with nothing (null). */
    if (compare && !jd_metrics_compare (store, metrics, &filter, &previous, &year_earlier, &error))
      goto failed;

    if (json)
      {
        g_autoptr(JsonNode) node = jd_metrics_to_json (metrics);
        g_autoptr(GPtrArray) categories = jd_metrics_complaint_categories (store, &period, &filter, &error);
        g_autoptr(JdLeniencyItems) items = NULL;

        if (categories == NULL)
          goto failed;
        json_object_set_member (json_object_get_object_member (json_node_get_object (node), "complaints"),
                                "by_category", jd_metrics_counts_to_json (categories));

        items = jd_leniency_items_compute (store, &period, &filter, &error);
        if (items == NULL)
          goto failed;
        add_members (json_object_get_object_member (json_node_get_object (node), "leniency"),
                     jd_leniency_items_to_json (items));
        if (compare)
          {
            JsonObject *object = json_node_get_object (node);

            if (previous != NULL)
              {
                json_object_set_member (object, "previous_period", jd_metrics_to_json (previous));
                json_object_set_member (object, "previous_year", jd_metrics_to_json (year_earlier));
              }
            else
              {
                json_object_set_null_member (object, "previous_period");
                json_object_set_null_member (object, "previous_year");
              }
          }
        print_json (node);
      }
    else
      {
        print_table (metrics);
        if (compare && previous != NULL)
          {
            g_print ("\n");
            print_table (previous);
            g_print ("\n");
            print_table (year_earlier);
          }
        else if (compare)
          g_print ("\n%s\n", _("No records reach this period yet, so there is nothing to compare."));
      }
  }

  return 0;

failed:
  g_printerr ("jiandu-cli metrics: %s\n", error->message);
  return 1;
}

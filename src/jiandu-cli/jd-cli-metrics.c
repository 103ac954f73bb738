/* jd-cli-metrics.c — jiandu-cli metrics
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-format.h"
#include "jd-metrics.h"

#include "jiandu-cli.h"

/* Columns on a terminal: a Chinese character takes two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return width;
}

static void
print_row (const char *label,
           const char *value,
           const char *note)
{
  guint label_width = display_width (label);
  guint value_width = display_width (value);

  g_print ("  %s%*s %*s%s%s\n",
           label, (int)(label_width < 28 ? 28 - label_width : 0), "",
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

  print_row (label, rate, note);
}

static void
print_count_row (const char *label,
                 gint64      value)
{
  g_autofree char *text = jd_format_count (value);

  print_row (label, text, NULL);
}

static void
print_table (const JdMetrics *m)
{
  g_autofree char *period = jd_period_format (&m->period);
  g_autofree char *fines = jd_format_yuan_exact (m->cases.fines_fen);
  g_autofree char *exempted = jd_format_yuan_exact (m->leniency.exempted_fen);

  g_print ("%s\n\n", period);

  g_print ("%s\n", _("Enforcement cases"));
  print_count_row (_("Decided"), m->cases.decided);
  print_count_row (_("Opened"), m->cases.opened);
  print_row (_("Fines and confiscations"), fines, NULL);

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
  print_row (_("Amount exempted"), exempted, NULL);
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

int
jd_cli_metrics (int    argc,
                 char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *period_text = NULL;
  g_auto(JdFilter) filter = { 0 };
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdMetrics) metrics = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  JdPeriod period;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("Month (2024-07), quarter (2024Q3) or year (2024)"), "P" },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &filter.agency, N_("Only this agency (code or name)"), N_("AGENCY") },
    { "domain", 0, 0, G_OPTION_ARG_STRING, &filter.domain, N_("Only this enforcement domain (code or name)"), N_("DOMAIN") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &filter.level, N_("Only agencies of this level: city, county or township"), N_("LEVEL") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &filter.region, N_("Only agencies of this region"), N_("REGION") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!jd_cli_parse_options ("metrics", NULL, _("Prints the figures of one period."),
                      entries, &argc, &argv))
    return 2;

  if (period_text == NULL)
    {
      g_printerr (_("jiandu-cli metrics: --period is required\n"));
      return 2;
    }

  if (!jd_period_parse (period_text, &period, &error))
    {
      g_printerr ("jiandu-cli metrics: %s\n", error->message);
      return 2;
    }

  if ((store = jd_cli_open_store (db_path)) == NULL)
    return 1;

  metrics = jd_metrics_compute (store, &period, &filter, &error);
  if (metrics == NULL)
    {
      g_printerr ("jiandu-cli metrics: %s\n", error->message);
      return 1;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = jd_metrics_to_json (metrics);
      g_autofree char *text = json_to_string (node, TRUE);

      g_print ("%s\n", text);
    }
  else
    print_table (metrics);

  return 0;
}

/* jiandu-cli.c — Jiandu without a display
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "jd-demo.h"
#include "jd-format.h"
#include "jd-metrics.h"
#include "jd-store.h"

typedef int (*CommandFunc) (int    argc,
                            char **argv);

/* Parses @argv with @entries plus the --db option every command has. */
static gboolean
parse_options (const char    *command,
               const char    *parameters,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("%s %s", command, parameters != NULL ? parameters : "");

  context = g_option_context_new (title);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("jiandu-cli %s: %s\n", command, error->message);
      return FALSE;
    }

  return TRUE;
}

static JdStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  JdStore *store;

  if (path == NULL)
    {
      g_printerr (_("jiandu-cli: --db FILE is required\n"));
      return NULL;
    }

  store = jd_store_open (path, &error);
  if (store == NULL)
    g_printerr ("jiandu-cli: %s\n", error->message);

  return store;
}

typedef struct
{
  gboolean on_terminal;
  int      last_percent;
} Progress;

static void
print_progress (double   fraction,
                gpointer user_data)
{
  Progress *progress = user_data;
  int percent = (int)floor (fraction * 100.0);

  if (!progress->on_terminal || percent == progress->last_percent)
    return;

  progress->last_percent = percent;
  g_printerr ("\r%s %3d%%", _("Generating demo data…"), percent);
}

static int
command_demo (int    argc,
              char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seed = JD_DEMO_DEFAULT_SEED;
  gint64 n_cases = JD_DEMO_DEFAULT_CASES;
  Progress progress = { isatty (STDERR_FILENO), -1 };
  gint64 started;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database to create"), N_("FILE") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Random seed (the same seed gives the same data)"), "N" },
    { "cases", 0, 0, G_OPTION_ARG_INT64, &n_cases, N_("Number of enforcement cases (default 200,000)"), "N" },
    { NULL }
  };

  if (!parse_options ("demo", NULL, _("Fills a new database with a deterministic demo city."),
                      entries, &argc, &argv))
    return 2;

  if (seed < 0)
    {
      g_printerr (_("jiandu-cli demo: --seed must not be negative\n"));
      return 2;
    }

  if ((store = open_store (db_path)) == NULL)
    return 1;

  started = g_get_monotonic_time ();
  if (!jd_demo_generate (store, (guint64)seed, n_cases, print_progress, &progress, NULL, &error))
    {
      if (progress.on_terminal)
        g_printerr ("\n");
      g_printerr ("jiandu-cli demo: %s\n", error->message);
      return 1;
    }

  if (progress.on_terminal)
    g_printerr ("\r\033[K");
  g_printerr (_("Demo data written to %s in %.1f s\n"), db_path,
              (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);

  return 0;
}

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

static int
command_metrics (int    argc,
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

  if (!parse_options ("metrics", NULL, _("Prints the figures of one period."),
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

  if ((store = open_store (db_path)) == NULL)
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

static int
command_check (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { NULL }
  };

  if (!parse_options ("check", NULL, _("Reads every page of a database and reports damage."),
                      entries, &argc, &argv))
    return 2;

  if ((store = open_store (db_path)) == NULL)
    return 1;

  if (!jd_store_verify (store, NULL, &error))
    {
      g_printerr ("jiandu-cli check: %s\n", error->message);
      return 1;
    }

  g_print (_("%s: no damage found\n"), db_path);
  return 0;
}

static const struct {
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} commands[] = {
  { "check", command_check, N_("Check a database for damage") },
  { "demo", command_demo, N_("Create a database with deterministic demo data") },
  { "metrics", command_metrics, N_("Print the figures of a month, quarter or year") },
};

static void
print_usage (void)
{
  g_printerr ("%s\n  jiandu-cli %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_printerr ("\n%s\n", _("Run “jiandu-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage ();
      return argc < 2 ? 2 : 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("jiandu-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 1, argv + 1);

  g_printerr (_("jiandu-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage ();
  return 2;
}

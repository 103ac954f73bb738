/* jiandu-cli.c — Jiandu without a display
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "jiandu-cli.h"

/* Parses @argv with @entries plus the --db option every command has. */
gboolean
jd_cli_parse_options (const char    *command,
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

JdStore *
jd_cli_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  JdStore *store;

  if (path == NULL)
    {
      g_printerr (_("jiandu-cli: --db is required: a database file or a server's connection string\n"));
      return NULL;
    }

  store = jd_store_open (path, &error);
  if (store == NULL)
    g_printerr ("jiandu-cli: %s\n", error->message);

  return store;
}

/**
 * jd_cli_open_for_period:
 * @command: the command's name, for its messages
 * @period_text: (nullable): the period given, or %NULL for the latest
 *   month with data
 *
 * Opens the database a benchmark reads and finds the period it reads:
 * what `bench` and `bench-pages` both begin with.
 *
 * Returns: 0, or the exit status to return (1: no database or no data,
 *   2: a period that does not parse), with the reason printed
 */
int
jd_cli_open_for_period (const char  *command,
                        const char  *db_path,
                        const char  *period_text,
                        JdStore    **store,
                        JdPeriod    *period)
{
  g_autoptr(GError) error = NULL;
  int first_month, last_month;

  if ((*store = jd_cli_open_store (db_path)) == NULL)
    return 1;

  if (!jd_store_get_month_range (*store, &first_month, &last_month))
    {
      /* Translators: %s is the command, "bench" */
      g_printerr (_("jiandu-cli %s: the database has no data\n"), command);
      return 1;
    }

  if (period_text == NULL)
    *period = jd_period_containing (JD_PERIOD_MONTH, last_month);
  else if (!jd_period_parse (period_text, period, &error))
    {
      g_printerr ("jiandu-cli %s: %s\n", command, error->message);
      return 2;
    }

  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/**
 * jd_cli_percentile:
 * @values: (array length=n): timings, sorted in place
 * @p: 50 for the median, 95…
 *
 * Returns: the nearest-rank @p-th percentile of @values
 */
double
jd_cli_percentile (double *values,
                   guint   n,
                   double  p)
{
  guint rank;

  g_return_val_if_fail (n > 0, NAN);

  qsort (values, n, sizeof (double), compare_doubles);
  rank = (guint)ceil (p / 100.0 * n);

  return values[CLAMP (rank, 1, n) - 1];
}

/**
 * jd_cli_escape:
 * @text: text from a file (a cell, a header, a sheet or file name), in
 *   any bytes
 *
 * What the command line prints of a file's text: control characters
 * written out (a newline as \n, ESC as \x1b, C1 controls as \u009b) and
 * bytes that are not UTF-8 as \xNN, so that a crafted cell cannot retitle,
 * clear or otherwise drive the user's terminal.
 *
 * Returns: (transfer full): printable UTF-8
 */
char *
jd_cli_escape (const char *text)
{
  GString *out;
  const char *p = text;
  const char *end;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  end = text + strlen (text);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar)*p);
          p++;
          continue;
        }

      switch (c)
        {
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\x%02x", c);
          else if ((c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/* Columns on a terminal: a Chinese character takes two. */
guint
jd_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return width;
}

void
jd_cli_progress_cb (double   fraction,
                    gpointer user_data)
{
  JdCliProgress *progress = user_data;
  int percent = (int)floor (fraction * 100.0);

  /* Said whether or not stderr is a terminal: a script waiting on a
   * second import should see why it waits. */
  if (fraction == JD_PROGRESS_WAITING)
    {
      g_printerr ("%s%s\n", progress->on_terminal ? "\r\033[K" : "",
                  _("Waiting for another import into this database to finish…"));
      progress->last_percent = -1;
      return;
    }

  if (!progress->on_terminal || percent == progress->last_percent)
    return;

  progress->last_percent = percent;
  g_printerr ("\r%s %3d%%", progress->label, percent);
}

/* One line a command, in alphabetical order; each lives in jd-cli-NAME.c. */
static const struct {
  const char  *name;
  JdCliCommand func;
  const char  *summary;
} commands[] = {
  { "bench", jd_cli_bench, N_("Time the overview dashboard against plain SQL") },
  { "bench-charts", jd_cli_bench_charts, N_("Time the drawing of two large charts") },
  { "bench-pages", jd_cli_bench_pages, N_("Time what each page of the window reads") },
  { "bench-report", jd_cli_bench_report, N_("Time the quarterly report, built and written") },
  { "bench-slides", jd_cli_bench_slides, N_("Time the meeting's deck, built, written and changing slides") },
  { "chart", jd_cli_chart, N_("Draw a dashboard chart to PNG, SVG or PDF") },
  { "check", jd_cli_check, N_("Check a database for damage") },
  { "copy", jd_cli_copy, N_("Copy a database to a server, or a server's to a file") },
  { "demo", jd_cli_demo, N_("Create a database with deterministic demo data") },
  { "import", jd_cli_import, N_("Import CSV, XLSX and XLS files") },
  { "imports", jd_cli_imports, N_("List the imports into a database") },
  { "metrics", jd_cli_metrics, N_("Print the figures of a month, quarter or year") },
  { "report", jd_cli_report, N_("Write the analysis report as PDF or DOCX") },
  { "server-init", jd_cli_server_init, N_("Create the store on a PostgreSQL server and its two roles") },
  { "settings", jd_cli_settings, N_("Show or change what a rate is divided by, and when to warn") },
  { "slides", jd_cli_slides, N_("Write the joint meeting's deck as a 16:9 PDF") },
  { "undo-import", jd_cli_undo_import, N_("Undo an import") },
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

/* jd-cli-report.c — jiandu-cli report and bench-report: the analysis report
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jd-report.h"

#include "jiandu-cli.h"

typedef enum
{
  OUTPUT_PDF,
  OUTPUT_DOCX,
} OutputKind;

static gboolean
output_kind (const char *path,
             OutputKind *kind)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    *kind = OUTPUT_PDF;
  else if (g_str_has_suffix (lower, ".docx"))
    *kind = OUTPUT_DOCX;
  else
    return FALSE;

  return TRUE;
}

static gboolean
write_doc (JdDoc          *doc,
           const char     *path,
           OutputKind      kind,
           JdProgressFunc  progress,
           gpointer        user_data,
           GError        **error)
{
  if (kind == OUTPUT_DOCX)
    return jd_doc_write_docx (doc, path, NULL, progress, user_data, error);

  return jd_doc_write_pdf (doc, path, NULL, progress, user_data, error);
}

/* Names every paragraph the analyst edited before the figures changed,
 * so that a report written by a script is checked before it goes up.
 * Returns: how many there are. */
static guint
warn_stale (JdDoc *doc)
{
  guint n_stale = 0;

  for (guint i = 0; i < jd_doc_get_n_blocks (doc); i++)
    {
      JdBlock *block = jd_doc_get_block (doc, i);
      const char *key = jd_block_get_key (block);
      g_autofree char *heading = NULL;

      if (key == NULL || !(jd_block_get_state (block) & JD_PARAGRAPH_STALE))
        continue;

      heading = jd_report_section_heading (doc, key);
      /* Translators: %s is a section heading, "三、投诉举报" */
      g_printerr (_("Paragraph “%s” was edited before the figures changed; check it or regenerate it in the app.\n"),
                  heading != NULL ? heading : key);
      n_stale++;
    }

  return n_stale;
}

/* Parses the options report and bench-report share. */
static int
open_report (const char        *command,
             const char        *db_path,
             const char        *period_text,
             const char        *template_text,
             JdStore          **store,
             JdPeriod          *period,
             JdReportTemplate  *tmpl)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (period_text == NULL)
    {
      /* Translators: %s is the command, "report" */
      g_printerr (_("jiandu-cli %s: --period is required\n"), command);
      return 2;
    }

  if ((status = jd_cli_open_for_period (command, db_path, period_text, store, period)) != 0)
    return status;

  *tmpl = jd_report_template_for_period (period);
  if (template_text != NULL && !jd_report_template_from_string (template_text, tmpl))
    {
      g_printerr (_("jiandu-cli %s: “%s” is not a template; choose month, quarter, year or ytd\n"),
                  command, template_text);
      return 2;
    }

  return 0;
}

int
jd_cli_report (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *template_text = NULL;
  g_autofree char *out_path = NULL;
  g_auto(JdFilter) filter = { 0 };
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  JdCliProgress progress = { isatty (STDERR_FILENO), -1, _("Writing the report") };
  JdReportTemplate tmpl;
  OutputKind kind;
  JdPeriod period;
  int status;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("Month (2024-07), quarter (2024Q3), year (2024) or months (2024-01..2024-09)"), "P" },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_text, N_("The report: month, quarter, year or ytd (default: the period’s)"), N_("TEMPLATE") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &filter.agency, N_("Only this agency (code or name)"), N_("AGENCY") },
    { "domain", 0, 0, G_OPTION_ARG_STRING, &filter.domain, N_("Only this enforcement domain (code or name)"), N_("DOMAIN") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &filter.level, N_("Only agencies of this level: city, county or township"), N_("LEVEL") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &filter.region, N_("Only agencies of this region"), N_("REGION") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_path, N_("The file to write: .pdf or .docx"), N_("FILE") },
    { NULL }
  };

  if (!jd_cli_parse_options ("report", NULL,
                             _("Writes the analysis report of a month, quarter, year or the year to date as PDF or DOCX, with the analyst’s edits."),
                             entries, &argc, &argv))
    return 2;

  if (out_path == NULL || !output_kind (out_path, &kind))
    {
      g_printerr (_("jiandu-cli report: --out FILE.pdf or --out FILE.docx is required\n"));
      return 2;
    }

  if ((status = open_report ("report", db_path, period_text, template_text, &store, &period, &tmpl)) != 0)
    return status;

  doc = jd_report_build (store, &period, &filter, tmpl, NULL, jd_cli_progress_cb, &progress, &error);
  if (doc == NULL || !write_doc (doc, out_path, kind, jd_cli_progress_cb, &progress, &error))
    {
      if (progress.on_terminal)
        g_printerr ("\r\033[K");
      g_printerr ("jiandu-cli report: %s\n", error->message);
      return 1;
    }
  if (progress.on_terminal)
    g_printerr ("\r\033[K");

  warn_stale (doc);
  return 0;
}

int
jd_cli_bench_report (int    argc,
                     char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *template_text = NULL;
  g_autofree char *out_path = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *build_times = NULL;
  g_autofree double *total_times = NULL;
  g_autofree char *scratch_dir = NULL;
  g_autofree char *path = NULL;
  JdReportTemplate tmpl;
  JdPeriod period;
  OutputKind kind = OUTPUT_PDF;
  int repeat = 5;
  int status;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("Month (2024-07), quarter (2024Q3), year (2024) or months (2024-01..2024-09)"), "P" },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_text, N_("The report: month, quarter, year or ytd (default: the period’s)"), N_("TEMPLATE") },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, N_("How many times to time it (default 5)"), "N" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_path, N_("Keep the last report written here (.pdf or .docx; default: a temporary PDF)"), N_("FILE") },
    { NULL }
  };

  if (!jd_cli_parse_options ("bench-report", NULL,
                             _("Times building the analysis report from the database and writing it, for the whole city."),
                             entries, &argc, &argv))
    return 2;

  if (repeat < 1 || (out_path != NULL && !output_kind (out_path, &kind)))
    {
      g_printerr (_("jiandu-cli bench-report: --repeat takes a number from 1, --out a .pdf or .docx file\n"));
      return 2;
    }

  if ((status = open_report ("bench-report", db_path, period_text, template_text, &store, &period, &tmpl)) != 0)
    return status;

  if (out_path == NULL)
    {
      scratch_dir = g_dir_make_tmp ("jiandu-bench-report-XXXXXX", &error);
      if (scratch_dir == NULL)
        {
          g_printerr ("jiandu-cli bench-report: %s\n", error->message);
          return 1;
        }
      path = g_build_filename (scratch_dir, "report.pdf", NULL);
    }
  else
    path = g_strdup (out_path);

  build_times = g_new (double, repeat);
  total_times = g_new (double, repeat);
  for (int i = 0; i < repeat; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(JdDoc) doc = jd_report_build (store, &period, NULL, tmpl, NULL, NULL, NULL, &error);

      build_times[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (doc == NULL || !write_doc (doc, path, kind, NULL, NULL, &error))
        {
          g_printerr ("jiandu-cli bench-report: %s\n", error->message);
          break;
        }
      total_times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  if (scratch_dir != NULL)
    {
      g_remove (path);
      g_rmdir (scratch_dir);
    }
  if (error != NULL)
    return 1;

  {
    g_autofree char *name = jd_period_to_string (&period);
    /* The first run, before the sort of the percentiles: a cold cache */
    double first_build = build_times[0], first_total = total_times[0];

    g_print (_("%s report of %s, %d runs (milliseconds)\n"), jd_report_template_to_string (tmpl), name, repeat);
    g_print ("  %-22s %10s %10s %10s\n", "", _("median"), _("p95"), _("first"));
    g_print ("  %-22s %10.1f %10.1f %10.1f\n", _("build (figures, charts)"),
             jd_cli_percentile (build_times, repeat, 50), jd_cli_percentile (build_times, repeat, 95),
             first_build);
    g_print ("  %-22s %10.1f %10.1f %10.1f\n", kind == OUTPUT_DOCX ? _("build + DOCX") : _("build + PDF"),
             jd_cli_percentile (total_times, repeat, 50), jd_cli_percentile (total_times, repeat, 95),
             first_total);
  }

  return 0;
}

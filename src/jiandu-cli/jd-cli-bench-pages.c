/* jd-cli-bench-pages.c — jiandu-cli bench-pages: every cockpit page's figures, timed
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs each page's loader — the very function the window's page runs in
 * its worker on a page switch or a filter change — for the five benchmark
 * filters, several times each, and prints the 50th and 95th percentile
 * per page.  The target is that a page shows its new figures within 50 ms
 * at 10,000,000 cases.
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "jd-bench.h"
#include "jd-cockpit.h"

#include "jiandu-cli.h"

int
jd_cli_bench_pages (int    argc,
                    char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *period_text = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int repeat = 10;
  JdPeriod period;
  int status;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("The period (default: the latest month with data)"), "P" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, N_("Runs of each page for each filter (default 10)"), "N" },
    { NULL }
  };
  JdBenchFilter filters[JD_BENCH_N_FILTERS];
  const JdCockpitPageInfo *pages;
  guint n_pages;

  if (!jd_cli_parse_options ("bench-pages", NULL,
                             _("Times what each page of the window reads, for five filters."),
                             entries, &argc, &argv))
    return 2;

  if ((status = jd_cli_open_for_period ("bench-pages", db_path, period_text, &store, &period)) != 0)
    return status;
  repeat = MAX (repeat, 1);

  jd_bench_filters_init (store, filters);
  pages = jd_cockpit_pages (&n_pages);

  {
    g_autofree char *label = jd_period_to_string (&period);

    g_print (_("Every page of %s, %d runs for each of %d filters:\n"), label, repeat, JD_BENCH_N_FILTERS);
    for (guint f = 0; f < JD_BENCH_N_FILTERS; f++)
      {
        if (filters[f].value != NULL)
          g_print ("  %s (%s)\n", _(filters[f].name), filters[f].value);
        else
          g_print ("  %s\n", _(filters[f].name));
      }
    g_print ("\n%-14s %10s %10s %10s\n", _("Page"), _("p50 (ms)"), _("p95 (ms)"), _("max (ms)"));
  }

  for (guint p = 0; p < n_pages; p++)
    {
      guint n = JD_BENCH_N_FILTERS * repeat;
      g_autofree double *times = g_new0 (double, n);
      guint i = 0;
      double p50, p95, worst;

      for (int r = 0; r < repeat; r++)
        for (guint f = 0; f < JD_BENCH_N_FILTERS; f++)
          {
            g_auto(JdFilter) filter = { 0 };
            gint64 t0;
            gpointer data;

            /* The agency profile, without an agency, is the biggest one's. */
            jd_filter_copy (&filter, &filters[f].filter);
            if (pages[p].one_agency && filter.agency == NULL)
              filter.agency = g_strdup (filters[1].filter.agency);

            t0 = g_get_monotonic_time ();
            data = pages[p].load (store, &period, &filter, NULL, &error);

            if (data == NULL)
              {
                g_printerr ("jiandu-cli bench-pages: %s: %s\n", pages[p].name, error->message);
                jd_bench_filters_clear (filters);
                return 1;
              }
            times[i++] = (g_get_monotonic_time () - t0) / 1000.0;
            pages[p].free (data);
          }

      p95 = jd_cli_percentile (times, n, 95);
      p50 = jd_cli_percentile (times, n, 50);
      worst = times[n - 1];
      g_print ("%-14s %10.1f %10.1f %10.1f\n", pages[p].name, p50, p95, worst);
    }

  jd_bench_filters_clear (filters);
  return 0;
}

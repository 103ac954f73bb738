/* jd-cli-slides.c — jiandu-cli slides and bench-slides: the joint meeting's deck
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jd-deck.h"

#include "jiandu-cli.h"

/* The deck saved for the period, or the default one. */
static JdDoc *
build_deck (JdStore         *store,
            const JdPeriod  *period,
            const JdFilter  *filter,
            JdProgressFunc   progress,
            gpointer         user_data,
            GError         **error)
{
  g_autoptr(JdDeck) deck = jd_deck_load (store, period, error);

  if (deck == NULL)
    return NULL;

  return jd_deck_build (store, period, filter, deck, NULL, progress, user_data, error);
}

int
jd_cli_slides (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *out_path = NULL;
  g_auto(JdFilter) filter = { 0 };
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  JdCliProgress progress = { isatty (STDERR_FILENO), -1, _("Writing the slides") };
  JdPeriod period;
  int status;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("Month (2024-07), quarter (2024Q3), year (2024) or months (2024-01..2024-09)"), "P" },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &filter.agency, N_("Only this agency (code or name)"), N_("AGENCY") },
    { "domain", 0, 0, G_OPTION_ARG_STRING, &filter.domain, N_("Only this enforcement domain (code or name)"), N_("DOMAIN") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &filter.level, N_("Only agencies of this level: city, county or township"), N_("LEVEL") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &filter.region, N_("Only agencies of this region"), N_("REGION") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_path, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };

  if (!jd_cli_parse_options ("slides", NULL,
                             _("Writes the joint meeting’s deck of a period as a 16:9 PDF, one slide a page, as the analyst shaped it in the app."),
                             entries, &argc, &argv))
    return 2;

  if (out_path == NULL || !g_str_has_suffix (out_path, ".pdf"))
    {
      g_printerr (_("jiandu-cli slides: --out FILE.pdf is required\n"));
      return 2;
    }
  if (period_text == NULL)
    {
      g_printerr (_("jiandu-cli %s: --period is required\n"), "slides");
      return 2;
    }
  if ((status = jd_cli_open_for_period ("slides", db_path, period_text, &store, &period)) != 0)
    return status;

  doc = build_deck (store, &period, &filter, jd_cli_progress_cb, &progress, &error);
  if (doc == NULL || !jd_doc_write_pdf (doc, out_path, NULL, jd_cli_progress_cb, &progress, &error))
    {
      if (progress.on_terminal)
        g_printerr ("\r\033[K");
      g_printerr ("jiandu-cli slides: %s\n", error->message);
      return 1;
    }
  if (progress.on_terminal)
    g_printerr ("\r\033[K");

  return 0;
}

/* Paints every page of @layout onto a @width × @height screen, as the
 * presentation window does on a slide change; returns each page's time
 * in milliseconds. */
static double *
time_slide_changes (JdDocLayout *layout,
                    int          width,
                    int          height)
{
  const JdPageGeometry *geometry = jd_doc_get_geometry (jd_doc_layout_get_doc (layout));
  guint n_pages = jd_doc_layout_get_n_pages (layout);
  double *times = g_new (double, n_pages);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  double scale = MIN (width / geometry->width, height / geometry->height);

  for (guint page = 0; page < n_pages; page++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_paint (cr);
      cairo_translate (cr, (width - geometry->width * scale) / 2, (height - geometry->height * scale) / 2);
      cairo_scale (cr, scale, scale);
      jd_doc_layout_paint_page (layout, page, cr, NULL);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[page] = (g_get_monotonic_time () - start) / 1000.0;
    }

  cairo_surface_destroy (surface);
  return times;
}

int
jd_cli_bench_slides (int    argc,
                     char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *period_text = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *build_times = NULL;
  g_autofree double *total_times = NULL;
  g_autofree double *change_times = NULL;
  g_autofree char *scratch_dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JdDoc) last = NULL;
  JdPeriod period;
  guint n_changes = 0;
  int repeat = 5;
  int status;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("Month (2024-07), quarter (2024Q3), year (2024) or months (2024-01..2024-09)"), "P" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, N_("How many times to time it (default 5)"), "N" },
    { NULL }
  };

  if (!jd_cli_parse_options ("bench-slides", NULL,
                             _("Times building the joint meeting’s deck and writing its PDF, and changing slides at 1920 × 1080."),
                             entries, &argc, &argv))
    return 2;

  if (repeat < 1 || period_text == NULL)
    {
      g_printerr (_("jiandu-cli bench-slides: --period is required and --repeat takes a number from 1\n"));
      return 2;
    }
  if ((status = jd_cli_open_for_period ("bench-slides", db_path, period_text, &store, &period)) != 0)
    return status;

  scratch_dir = g_dir_make_tmp ("jiandu-bench-slides-XXXXXX", &error);
  if (scratch_dir == NULL)
    {
      g_printerr ("jiandu-cli bench-slides: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (scratch_dir, "deck.pdf", NULL);

  build_times = g_new (double, repeat);
  total_times = g_new (double, repeat);
  for (int i = 0; i < repeat; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(JdDoc) doc = build_deck (store, &period, NULL, NULL, NULL, &error);

      build_times[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (doc == NULL || !jd_doc_write_pdf (doc, path, NULL, NULL, NULL, &error))
        break;
      total_times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_clear_pointer (&last, jd_doc_unref);
      last = g_steal_pointer (&doc);
    }

  g_remove (path);
  g_rmdir (scratch_dir);
  if (error == NULL)
    {
      g_autoptr(JdDocLayout) layout = jd_doc_layout_new (last, NULL, &error);

      if (layout != NULL)
        {
          n_changes = jd_doc_layout_get_n_pages (layout);
          change_times = time_slide_changes (layout, 1920, 1080);
        }
    }
  if (error != NULL)
    {
      g_printerr ("jiandu-cli bench-slides: %s\n", error->message);
      return 1;
    }

  {
    g_autofree char *name = jd_period_to_string (&period);

    g_print (_("deck of %s, %d runs, %u slides (milliseconds)\n"), name, repeat, n_changes);
    g_print ("  %-26s %10s %10s %10s\n", "", _("median"), _("p95"), _("max"));
    g_print ("  %-26s %10.1f %10.1f %10.1f\n", _("build (figures, charts)"),
             jd_cli_percentile (build_times, repeat, 50), jd_cli_percentile (build_times, repeat, 95),
             jd_cli_percentile (build_times, repeat, 100));
    g_print ("  %-26s %10.1f %10.1f %10.1f\n", _("build + PDF"),
             jd_cli_percentile (total_times, repeat, 50), jd_cli_percentile (total_times, repeat, 95),
             jd_cli_percentile (total_times, repeat, 100));
    g_print ("  %-26s %10.1f %10.1f %10.1f\n", _("slide change at 1920 × 1080"),
             jd_cli_percentile (change_times, n_changes, 50), jd_cli_percentile (change_times, n_changes, 95),
             jd_cli_percentile (change_times, n_changes, 100));
  }

  return 0;
}

/* jd-deck-charts.c — a 16:9 deck of named dashboard charts, one a slide
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-deck-charts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-dashboard-charts.h"
#include "jd-deck-charts.h"

/* The headline figures, side by side on the slide after the title. */
static const char * const kpi_charts[] = {
  "kpi-decided", "kpi-complaints", "kpi-loss-rate", "kpi-correction-rate",
};

static void
add_slide_title (JdDoc      *deck,
                 const char *text)
{
  if (jd_doc_get_n_blocks (deck) > 0)
    jd_doc_add_block (deck, jd_block_page_break_new ());
  jd_doc_add_block (deck, jd_block_heading_new (1, text));
}

/**
 * jd_deck_charts_new:
 * @title: the title slide's title
 * @charts: names of the chart catalog (jd_dashboard_charts()), one a slide
 *
 * The simplest deck there is, straight from the chart catalog: a title
 * slide naming the period, the headline figures, then one chart a slide
 * under its title.  It is what "Present" shows until the analyst shapes a
 * deck of their own; every slide is a block of the page model, drawn by
 * the one painter.  Reads the database: call it in a worker.
 *
 * Returns: (transfer full): the deck, 16:9, or %NULL with @error set
 */
JdDoc *
jd_deck_charts_new (JdStore            *store,
                    const char         *title,
                    const JdPeriod     *period,
                    const JdFilter     *filter,
                    const char * const *charts,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(JdDoc) deck = jd_doc_new (JD_PAGE_SLIDE_16_9);
  g_autofree char *period_text = jd_period_format (period);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_chart_unref);

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (charts != NULL, NULL);

  jd_doc_set_title (deck, title);
  jd_doc_set_subject (deck, period_text);
  jd_doc_add_block (deck, jd_block_title_new (title, period_text));

  for (guint i = 0; i < G_N_ELEMENTS (kpi_charts); i++)
    {
      JdChart *kpi = jd_dashboard_chart_new (store, kpi_charts[i], period, filter, error);

      if (kpi == NULL)
        return NULL;
      g_ptr_array_add (kpis, kpi);
    }
  /* Translators: the title of a slide of the headline figures */
  add_slide_title (deck, _("The period at a glance"));
  jd_doc_add_block (deck, jd_block_kpi_row_new ((JdChart * const *)kpis->pdata, kpis->len));

  for (guint i = 0; charts[i] != NULL; i++)
    {
      const JdDashboardChartInfo *info = jd_dashboard_chart_info (charts[i]);
      JdChart *chart;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (info == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("There is no chart “%s” for a slide"), charts[i]);
          return NULL;
        }

      chart = jd_dashboard_chart_new (store, charts[i], period, filter, error);
      if (chart == NULL)
        return NULL;

      /* The chart's own title (naming the period) becomes the slide's, once. */
      add_slide_title (deck, jd_chart_get_title (chart) != NULL ? jd_chart_get_title (chart) : _(info->title));
      jd_chart_set_title (chart, NULL);
      jd_doc_add_block (deck, jd_block_chart_new (chart, info->width / info->height));
      jd_chart_unref (chart);
    }

  return g_steal_pointer (&deck);
}

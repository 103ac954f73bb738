/* jd-page-charts.c — a page's named charts, each in the view of the same name
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A page lists the catalog charts it shows (jd_cockpit_page_charts()) and
 * its template holds a JdChartView for each, whose id is the chart's name
 * with '_' for '-' and "_chart" after it: "loss-rate" is in "loss_rate_chart".
 * So the list, the loader and the template cannot drift apart unnoticed. */

#define G_LOG_DOMAIN "jd-page-charts"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-cockpit-legal.h"
#include "jd-page-charts.h"

static char *
view_id (const char *chart)
{
  g_autofree char *id = g_strdup_printf ("%s_chart", chart);

  return g_strdelimit (g_steal_pointer (&id), "-", '_');
}

/**
 * jd_page_charts_bind:
 * @page: the page's name in jd_cockpit_pages()
 *
 * Declares the template's chart views of @page; call from class_init,
 * after setting the template.
 */
void
jd_page_charts_bind (GtkWidgetClass *widget_class,
                     const char     *page)
{
  const char * const *names = jd_cockpit_page_charts (page);

  g_return_if_fail (names != NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *id = view_id (names[i]);

      gtk_widget_class_bind_template_child_full (widget_class, id, FALSE, 0);
    }
}

static JdChartView *
lookup_view (JdPage     *page,
             GType       type,
             const char *name)
{
  g_autofree char *id = view_id (name);
  GObject *view = gtk_widget_get_template_child (GTK_WIDGET (page), type, id);

  g_assert (JD_IS_CHART_VIEW (view));
  return JD_CHART_VIEW (view);
}

/**
 * jd_page_charts_show:
 * @type: the page's type, whose template holds the views
 * @charts: (element-type JdChart): one for each of the page's chart names
 */
void
jd_page_charts_show (JdPage    *page,
                     GType      type,
                     GPtrArray *charts)
{
  const char * const *names = jd_cockpit_page_charts (JD_PAGE_GET_CLASS (page)->info->name);

  g_return_if_fail (names != NULL);
  g_return_if_fail (g_strv_length ((char **)names) == charts->len);

  for (guint i = 0; names[i] != NULL; i++)
    jd_chart_view_set_chart (lookup_view (page, type, names[i]), g_ptr_array_index (charts, i));
}

/* Returns: (transfer none) (nullable): the chart on show called @name */
JdChart *
jd_page_charts_get (JdPage     *page,
                    GType       type,
                    const char *name)
{
  return jd_chart_view_get_chart (lookup_view (page, type, name));
}

/* Writes the period on show into @label: "Figures for September 2026" */
void
jd_page_charts_show_period (JdPage   *page,
                            GtkLabel *label)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  JdPeriod period;

  if (!jd_session_get_period (jd_page_get_session (page), &period))
    return;

  when = jd_period_format (&period);
  /* Translators: above a page's figures, "2026年9月的数据" */
  text = g_strdup_printf (_("Figures for %s"), when);
  gtk_label_set_text (label, text);
}

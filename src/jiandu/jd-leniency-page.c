/* jd-leniency-page.c — 免罚清单: the leniency list and the cases it spared
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-leniency-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-cockpit-legal.h"
#include "jd-format.h"
#include "jd-headline.h"
#include "jd-leniency-page.h"
#include "jd-page-charts.h"

struct _JdLeniencyPage
{
  JdPage      parent_instance;

  /* Template widgets */
  GtkLabel   *period_label;
  JdHeadline *items_headline;
  JdHeadline *cases_headline;
};

G_DEFINE_FINAL_TYPE (JdLeniencyPage, jd_leniency_page, JD_TYPE_PAGE)

static void
jd_leniency_page_show (JdPage   *page,
                       gpointer  user_data)
{
  JdLeniencyPage *self = JD_LENIENCY_PAGE (page);
  JdFiguresData *data = user_data;
  const JdMetrics *m = data->metrics;
  const JdEnumValue *kinds = jd_enum_values (JD_ENUM_LENIENCY, NULL);
  g_autofree char *exempted = jd_format_yuan (m->leniency.exempted_fen);

  jd_page_charts_show_period (page, self->period_label);

  /* Translators: 现行有效的清单事项, at the period's end */
  jd_headline_set_count (self->items_headline, "items_in_force", _("Items in force"), m->leniency.items_in_force);
  /* Translators: 本期新增的清单事项 */
  jd_headline_set_count (self->items_headline, "items_added", _("Added in the period"), data->items->added);
  /* Translators: 本期废止的清单事项 */
  jd_headline_set_count (self->items_headline, "items_repealed", _("Repealed in the period"), data->items->repealed);

  /* Translators: 适用免罚清单的案件 */
  jd_headline_set_count (self->cases_headline, "cases", _("Leniency cases"), m->leniency.cases);
  /* the four kinds after "none", as cases_by_kind holds them */
  for (guint k = 0; k < G_N_ELEMENTS (m->leniency.cases_by_kind); k++)
    jd_headline_set_count (self->cases_headline, kinds[k + 1].code, _(kinds[k + 1].label),
                           m->leniency.cases_by_kind[k]);
  jd_headline_set (self->cases_headline, "exempted", _("Exempted amount"), exempted, NULL);
  jd_headline_set_rate (self->cases_headline, "share_of_penalty_cases", _("Share of penalty cases"),
                        m->leniency.share_of_penalty_cases);

  jd_page_charts_show (page, JD_TYPE_LENIENCY_PAGE, data->charts);
}

static void
jd_leniency_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_LENIENCY_PAGE);

  G_OBJECT_CLASS (jd_leniency_page_parent_class)->dispose (object);
}

static void
jd_leniency_page_class_init (JdLeniencyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JdPageClass *page_class = JD_PAGE_CLASS (klass);

  object_class->dispose = jd_leniency_page_dispose;

  page_class->info = jd_cockpit_page ("leniency");
  page_class->show = jd_leniency_page_show;

  g_type_ensure (JD_TYPE_CHART_VIEW);
  g_type_ensure (JD_TYPE_HEADLINE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-leniency-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdLeniencyPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, JdLeniencyPage, items_headline);
  gtk_widget_class_bind_template_child (widget_class, JdLeniencyPage, cases_headline);
  jd_page_charts_bind (widget_class, "leniency");
}

static void
jd_leniency_page_init (JdLeniencyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jd_leniency_page_get_figure:
 * @key: a headline figure, named as in `metrics --json`'s "leniency":
 *   "items_in_force", "items_added", "cases", "no_penalty", "exempted"…
 *
 * Returns: (nullable): the figure as the page shows it
 */
const char *
jd_leniency_page_get_figure (JdLeniencyPage *self,
                             const char     *key)
{
  const char *value;

  g_return_val_if_fail (JD_IS_LENIENCY_PAGE (self), NULL);

  value = jd_headline_get_value (self->items_headline, key);
  return value != NULL ? value : jd_headline_get_value (self->cases_headline, key);
}

/* Returns: (transfer none) (nullable): the catalog chart @name on show */
JdChart *
jd_leniency_page_get_chart (JdLeniencyPage *self,
                            const char     *name)
{
  g_return_val_if_fail (JD_IS_LENIENCY_PAGE (self), NULL);

  return jd_page_charts_get (JD_PAGE (self), JD_TYPE_LENIENCY_PAGE, name);
}

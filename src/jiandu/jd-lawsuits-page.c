/* jd-lawsuits-page.c — 诉讼与复议: administrative lawsuits and reconsiderations
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-lawsuits-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-cockpit-legal.h"
#include "jd-headline.h"
#include "jd-lawsuits-page.h"
#include "jd-page-charts.h"

struct _JdLawsuitsPage
{
  JdPage      parent_instance;

  /* Template widgets */
  GtkLabel   *period_label;
  JdHeadline *lawsuits_headline;
  JdHeadline *reconsiderations_headline;
};

G_DEFINE_FINAL_TYPE (JdLawsuitsPage, jd_lawsuits_page, JD_TYPE_PAGE)

static void
jd_lawsuits_page_show (JdPage   *page,
                       gpointer  user_data)
{
  JdLawsuitsPage *self = JD_LAWSUITS_PAGE (page);
  JdFiguresData *data = user_data;
  const JdMetrics *m = data->metrics;

  jd_page_charts_show_period (page, self->period_label);

  /* Translators: 一审审结, first-instance lawsuits concluded */
  jd_headline_set_count (self->lawsuits_headline, "first_instance_concluded", _("Concluded"),
                         m->lawsuits.first_instance_concluded);
  /* Translators: 一审败诉, first-instance lawsuits lost */
  jd_headline_set_count (self->lawsuits_headline, "first_instance_lost", _("Lost"),
                         m->lawsuits.first_instance_lost);
  jd_headline_set_rate (self->lawsuits_headline, "loss_rate", _("Loss rate"), m->lawsuits.loss);
  jd_headline_set_rate (self->lawsuits_headline, "withdrawal_rate", _("Withdrawal rate"), m->lawsuits.withdrawal);
  jd_headline_set_rate (self->lawsuits_headline, "head_appearance_rate", _("Head-appearance rate"),
                        m->lawsuits.head_appearance);

  /* Translators: 复议决定, reconsiderations decided */
  jd_headline_set_count (self->reconsiderations_headline, "decided", _("Decided"),
                         m->reconsiderations.decided);
  /* Translators: 复议纠错, reconsiderations that corrected the decision */
  jd_headline_set_count (self->reconsiderations_headline, "corrected", _("Corrected"),
                         m->reconsiderations.corrected);
  jd_headline_set_rate (self->reconsiderations_headline, "correction_rate", _("Correction rate"),
                        m->reconsiderations.correction);

  jd_page_charts_show (page, JD_TYPE_LAWSUITS_PAGE, data->charts);
}

static void
jd_lawsuits_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_LAWSUITS_PAGE);

  G_OBJECT_CLASS (jd_lawsuits_page_parent_class)->dispose (object);
}

static void
jd_lawsuits_page_class_init (JdLawsuitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JdPageClass *page_class = JD_PAGE_CLASS (klass);

  object_class->dispose = jd_lawsuits_page_dispose;

  page_class->info = jd_cockpit_page ("lawsuits");
  page_class->show = jd_lawsuits_page_show;

  g_type_ensure (JD_TYPE_CHART_VIEW);
  g_type_ensure (JD_TYPE_HEADLINE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-lawsuits-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdLawsuitsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, JdLawsuitsPage, lawsuits_headline);
  gtk_widget_class_bind_template_child (widget_class, JdLawsuitsPage, reconsiderations_headline);
  jd_page_charts_bind (widget_class, "lawsuits");
}

static void
jd_lawsuits_page_init (JdLawsuitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jd_lawsuits_page_get_figure:
 * @key: a headline figure, named as in `metrics --json`: "loss_rate",
 *   "first_instance_concluded", "correction_rate", "decided"…
 *
 * Returns: (nullable): the figure as the page shows it
 */
const char *
jd_lawsuits_page_get_figure (JdLawsuitsPage *self,
                             const char     *key)
{
  const char *value;

  g_return_val_if_fail (JD_IS_LAWSUITS_PAGE (self), NULL);

  value = jd_headline_get_value (self->lawsuits_headline, key);
  return value != NULL ? value : jd_headline_get_value (self->reconsiderations_headline, key);
}

/* Returns: (transfer none) (nullable): the catalog chart @name on show */
JdChart *
jd_lawsuits_page_get_chart (JdLawsuitsPage *self,
                            const char     *name)
{
  g_return_val_if_fail (JD_IS_LAWSUITS_PAGE (self), NULL);

  return jd_page_charts_get (JD_PAGE (self), JD_TYPE_LAWSUITS_PAGE, name);
}

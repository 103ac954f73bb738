/* jd-reviews-page.c — 案卷评查: the reviews of case files
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-reviews-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "jd-cockpit-legal.h"
#include "jd-format.h"
#include "jd-headline.h"
#include "jd-page-charts.h"
#include "jd-reviews-page.h"

struct _JdReviewsPage
{
  JdPage      parent_instance;

  JdRanking  *ranking;   /* the agencies' bars, in their order */

  /* Template widgets */
  GtkLabel   *period_label;
  GtkLabel   *rule_label;
  JdHeadline *headline;
};

G_DEFINE_FINAL_TYPE (JdReviewsPage, jd_reviews_page, JD_TYPE_PAGE)

/* A bar of the agencies' chart opens that agency's profile. */
static void
on_agency_activated_cb (JdReviewsPage *self,
                        int            series,
                        int            index,
                        JdChartView   *view)
{
  const JdRankRow *row;

  if (self->ranking == NULL || index < 0 || (guint)index >= self->ranking->rows->len)
    return;

  row = g_ptr_array_index (self->ranking->rows, index);
  jd_page_open_agency (JD_PAGE (self), row->code);
}

static void
show_rule (JdReviewsPage *self)
{
  g_autofree char *text = NULL;
  g_autofree char *min_total = jd_format_count (self->ranking->min_total);
  guint n_left_out = self->ranking->left_out->len;

  if (n_left_out > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The best first. %u agency with fewer than %s files reviewed is not ranked.",
                                         "The best first. %u agencies with fewer than %s files reviewed are not ranked.",
                                         n_left_out),
                            n_left_out, min_total);
  else
    text = g_strdup (_("The best first. Click an agency to open its profile."));
  gtk_label_set_text (self->rule_label, text);
}

static void
jd_reviews_page_show (JdPage   *page,
                      gpointer  user_data)
{
  JdReviewsPage *self = JD_REVIEWS_PAGE (page);
  JdFiguresData *data = user_data;
  const JdMetrics *m = data->metrics;
  const JdEnumValue *grades = jd_enum_values (JD_ENUM_GRADE, NULL);
  g_autofree char *mean = isnan (m->reviews.mean_score) ? g_strdup ("—")
                                                          : g_strdup_printf ("%.1f", m->reviews.mean_score);

  jd_page_charts_show_period (page, self->period_label);

  /* Translators: 评查案卷数 */
  jd_headline_set_count (self->headline, "reviewed", _("Files reviewed"), m->reviews.reviewed);
  jd_headline_set_rate (self->headline, "pass_rate", _("Pass rate"), m->reviews.pass);
  jd_headline_set (self->headline, "mean_score", _("Mean score"), mean, NULL);
  for (guint g = 0; g < G_N_ELEMENTS (m->reviews.by_grade); g++)
    jd_headline_set_count (self->headline, grades[g].code, _(grades[g].label), m->reviews.by_grade[g]);

  g_clear_pointer (&self->ranking, jd_ranking_free);
  self->ranking = g_steal_pointer (&data->ranking);
  show_rule (self);

  jd_page_charts_show (page, JD_TYPE_REVIEWS_PAGE, data->charts);
}

static void
jd_reviews_page_dispose (GObject *object)
{
  JdReviewsPage *self = (JdReviewsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_REVIEWS_PAGE);
  g_clear_pointer (&self->ranking, jd_ranking_free);

  G_OBJECT_CLASS (jd_reviews_page_parent_class)->dispose (object);
}

static void
jd_reviews_page_class_init (JdReviewsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JdPageClass *page_class = JD_PAGE_CLASS (klass);

  object_class->dispose = jd_reviews_page_dispose;

  page_class->info = jd_cockpit_page ("reviews");
  page_class->show = jd_reviews_page_show;

  g_type_ensure (JD_TYPE_CHART_VIEW);
  g_type_ensure (JD_TYPE_HEADLINE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-reviews-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdReviewsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewsPage, rule_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewsPage, headline);
  gtk_widget_class_bind_template_callback (widget_class, on_agency_activated_cb);
  jd_page_charts_bind (widget_class, "reviews");
}

static void
jd_reviews_page_init (JdReviewsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jd_reviews_page_get_figure:
 * @key: a headline figure, named as in `metrics --json`'s "reviews":
 *   "reviewed", "pass_rate", "mean_score", or a grade ("excellent"…)
 *
 * Returns: (nullable): the figure as the page shows it
 */
const char *
jd_reviews_page_get_figure (JdReviewsPage *self,
                            const char    *key)
{
  g_return_val_if_fail (JD_IS_REVIEWS_PAGE (self), NULL);

  return jd_headline_get_value (self->headline, key);
}

/* Returns: (transfer none) (nullable): the catalog chart @name on show */
JdChart *
jd_reviews_page_get_chart (JdReviewsPage *self,
                           const char    *name)
{
  g_return_val_if_fail (JD_IS_REVIEWS_PAGE (self), NULL);

  return jd_page_charts_get (JD_PAGE (self), JD_TYPE_REVIEWS_PAGE, name);
}

/* Returns: (transfer none) (nullable): the ranking behind the agencies' bars */
JdRanking *
jd_reviews_page_get_ranking (JdReviewsPage *self)
{
  g_return_val_if_fail (JD_IS_REVIEWS_PAGE (self), NULL);

  return self->ranking;
}

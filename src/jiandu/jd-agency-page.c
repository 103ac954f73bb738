/* jd-agency-page.c — 一单位一档: one agency's figures, trends, ranks and warnings
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-agency-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "jd-agency-page.h"
#include "jd-chart-view.h"
#include "jd-page-charts.h"
#include "jd-warning-row.h"

/* The profile is the session's period and filter narrowed to one agency:
 * it follows Alt+← / Alt+→ and the domain chip like every other page, and
 * its level and region are the agency's own. */

struct _JdAgencyPage
{
  JdPage        parent_instance;

  char         *agency;        /* the code the user opened */
  char         *agency_name;   /* of the profile on show */
  JdAgencyRank  ranks[JD_N_MEASURES];
  GtkLabel     *rank_labels[JD_N_MEASURES];
  GPtrArray    *warnings;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel     *name_label;
  GtkLabel     *details_label;
  GtkLabel     *period_label;
  JdKpiCard    *cards[JD_N_KPIS];
  GtkLabel     *rank_heading;
  GtkLabel     *rank_rule;
  GtkListBox   *ranks_list;        /* cases and complaints */
  GtkListBox   *more_ranks_list;   /* lawsuits, leniency and reviews */
  GtkLabel     *warnings_heading;
  GtkListBox   *warnings_list;
};

G_DEFINE_FINAL_TYPE (JdAgencyPage, jd_agency_page, JD_TYPE_PAGE)

enum {
  PROP_0,
  PROP_AGENCY,
  PROP_AGENCY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The template ids of the cards, in JdKpi order. */
static const char * const card_ids[JD_N_KPIS] = {
  "cases_card", "complaints_card", "loss_rate_card",
  "correction_rate_card", "leniency_card", "review_card",
};

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* "3 of 12", or why there is no rank: the rule above the list says why */
static char *
format_rank (const JdAgencyRank *rank)
{
  if (rank->rank > 0)
    /* Translators: the agency's rank among those of its level: 第3名（共12家） */
    return g_strdup_printf (_("%u of %u"), rank->rank, rank->n_ranked);

  if (isnan (rank->value))
    return g_strdup (_("No cases"));

  /* Translators: a rate with too few cases behind it to be ranked */
  return g_strdup (_("Not ranked"));
}

/* The best quarter of a ranking reads green, the worst quarter red, for
 * measures where higher or lower is better. */
static void
style_rank (GtkWidget          *label,
            JdMeasure           measure,
            const JdAgencyRank *rank)
{
  guint quarter = rank->n_ranked / 4;

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  if (jd_measure_info (measure)->better == 0 || rank->rank == 0 || quarter == 0)
    return;

  if (rank->rank <= quarter)
    gtk_widget_add_css_class (label, "success");
  else if (rank->rank > rank->n_ranked - quarter)
    gtk_widget_add_css_class (label, "error");
}

static void
show_ranks (JdAgencyPage          *self,
            const JdAgencyProfile *profile)
{
  const char *level = jd_enum_label (JD_ENUM_LEVEL, profile->level);
  g_autofree char *heading = NULL;
  g_autofree char *rule = NULL;

  /* Translators: the heading of the ranks; %s is the level, "County" */
  heading = g_strdup_printf (_("Rank Among Agencies of the Same Level (%s)"), level);
  gtk_label_set_text (self->rank_heading, heading);
  rule = g_strdup_printf (_("1 is the best, or the highest where neither is better. A rate ranks only agencies with at least %lld cases behind it."),
                          (long long)profile->min_total);
  gtk_label_set_text (self->rank_rule, rule);

  for (guint m = 0; m < JD_N_MEASURES; m++)
    {
      g_autofree char *text = format_rank (&profile->ranks[m]);
      g_autofree char *value = NULL;

      self->ranks[m] = profile->ranks[m];
      gtk_label_set_text (self->rank_labels[m], text);
      style_rank (GTK_WIDGET (self->rank_labels[m]), m, &profile->ranks[m]);

      value = isnan (profile->ranks[m].value) ? g_strdup ("—") : jd_measure_format (m, profile->ranks[m].value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (self->rank_labels[m]),
                                                                            ADW_TYPE_ACTION_ROW)),
                                   value);
    }
}

static void
show_warnings (JdAgencyPage *self,
               GPtrArray    *warnings)
{
  g_autofree char *heading = NULL;

  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = g_ptr_array_ref (warnings);
  remove_rows (self->warnings_list);

  /* Translators: the heading of the agency's warnings (预警), with their number */
  heading = g_strdup_printf (_("Warnings (%u)"), warnings->len);
  gtk_label_set_text (self->warnings_heading, heading);

  if (warnings->len == 0)
    gtk_list_box_append (self->warnings_list, jd_warning_row_new_none ());

  for (guint i = 0; i < warnings->len; i++)
    gtk_list_box_append (self->warnings_list, jd_warning_row_new (g_ptr_array_index (warnings, i)));
}

static void
jd_agency_page_show (JdPage   *page,
                     gpointer  data)
{
  JdAgencyPage *self = JD_AGENCY_PAGE (page);
  const JdAgencyProfile *profile = data;
  const JdOverview *overview = profile->overview;
  /* A period after the data has nothing to compare with. */
  static const JdMetrics nothing = { 0 };
  g_autofree char *period_text = jd_metrics_format_period (overview->current);
  g_autofree char *details = NULL;
  g_autofree char *when = NULL;

  if (g_strcmp0 (self->agency_name, profile->name) != 0)
    {
      g_free (self->agency_name);
      self->agency_name = g_strdup (profile->name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENCY_NAME]);
    }

  gtk_label_set_text (self->name_label, profile->name);
  if (profile->region != NULL && *profile->region != '\0')
    /* Translators: under the agency's name: its level, then its region */
    details = g_strdup_printf (_("%s · %s · %s"), jd_enum_label (JD_ENUM_LEVEL, profile->level),
                               profile->region, profile->code);
  else
    details = g_strdup_printf ("%s · %s", jd_enum_label (JD_ENUM_LEVEL, profile->level), profile->code);
  gtk_label_set_text (self->details_label, details);
  /* Translators: above the profile's figures, "2026年9月的数据" */
  when = g_strdup_printf (_("Figures for %s"), period_text);
  gtk_label_set_text (self->period_label, when);

  for (guint kpi = 0; kpi < JD_N_KPIS; kpi++)
    jd_kpi_card_set_figures (self->cards[kpi], overview->current,
                             overview->previous != NULL ? overview->previous : &nothing,
                             overview->year_earlier != NULL ? overview->year_earlier : &nothing,
                             overview->spark, overview->first_spark_month);

  jd_page_charts_show (page, JD_TYPE_AGENCY_PAGE, profile->charts);
  show_ranks (self, profile);
  show_warnings (self, overview->warnings);
}

/* The agency decides the level and the region: a county bureau's profile
 * under a "city" chip would be empty. */
static void
jd_agency_page_adjust_filter (JdPage   *page,
                              JdFilter *filter)
{
  JdAgencyPage *self = JD_AGENCY_PAGE (page);

  g_clear_pointer (&filter->level, g_free);
  g_clear_pointer (&filter->region, g_free);
  g_free (filter->agency);
  filter->agency = g_strdup (self->agency);
}

/* One row for each measure, made once; show_ranks() fills them in. */
static void
add_rank_rows (JdAgencyPage *self)
{
  for (guint m = 0; m < JD_N_MEASURES; m++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(jd_measure_info (m)->label));
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (m < JD_MEASURE_LOSS_RATE ? self->ranks_list : self->more_ranks_list, row);
      self->rank_labels[m] = GTK_LABEL (label);
    }
}

static void
jd_agency_page_dispose (GObject *object)
{
  JdAgencyPage *self = (JdAgencyPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_AGENCY_PAGE);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_agency_page_parent_class)->dispose (object);
}

static void
jd_agency_page_finalize (GObject *object)
{
  JdAgencyPage *self = (JdAgencyPage *)object;

  g_clear_pointer (&self->agency, g_free);
  g_clear_pointer (&self->agency_name, g_free);

  G_OBJECT_CLASS (jd_agency_page_parent_class)->finalize (object);
}

static void
jd_agency_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JdAgencyPage *self = JD_AGENCY_PAGE (object);

  switch (prop_id)
    {
    case PROP_AGENCY:
      g_value_set_string (value, self->agency);
      break;

    case PROP_AGENCY_NAME:
      g_value_set_string (value, self->agency_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_agency_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JdAgencyPage *self = JD_AGENCY_PAGE (object);

  switch (prop_id)
    {
    case PROP_AGENCY:
      jd_agency_page_set_agency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_agency_page_class_init (JdAgencyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JdPageClass *page_class = JD_PAGE_CLASS (klass);

  object_class->dispose = jd_agency_page_dispose;
  object_class->finalize = jd_agency_page_finalize;
  object_class->get_property = jd_agency_page_get_property;
  object_class->set_property = jd_agency_page_set_property;

  page_class->info = jd_cockpit_page ("agency");
  page_class->show = jd_agency_page_show;
  page_class->adjust_filter = jd_agency_page_adjust_filter;

  /**
   * JdAgencyPage:agency:
   *
   * The code of the agency the profile is about.
   */
  properties[PROP_AGENCY] =
    g_param_spec_string ("agency", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * JdAgencyPage:agency-name:
   *
   * The name of the agency on show, once its figures are read.
   */
  properties[PROP_AGENCY_NAME] =
    g_param_spec_string ("agency-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JD_TYPE_KPI_CARD);
  g_type_ensure (JD_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-agency-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdAgencyPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyPage, rank_heading);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyPage, rank_rule);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyPage, ranks_list);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyPage, more_ranks_list);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyPage, warnings_heading);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyPage, warnings_list);
  for (guint kpi = 0; kpi < JD_N_KPIS; kpi++)
    gtk_widget_class_bind_template_child_full (widget_class, card_ids[kpi], FALSE,
                                               G_STRUCT_OFFSET (JdAgencyPage, cards) + kpi * sizeof (JdKpiCard *));
  jd_page_charts_bind (widget_class, "agency");
}

static void
jd_agency_page_init (JdAgencyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_rank_rows (self);
}

const char *
jd_agency_page_get_agency (JdAgencyPage *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_PAGE (self), NULL);

  return self->agency;
}

/**
 * jd_agency_page_set_agency:
 * @code: an agency's code or name
 *
 * Shows the profile of @code: reads its figures for the session's period
 * and filter, and scrolls back to the top.
 */
void
jd_agency_page_set_agency (JdAgencyPage *self,
                           const char   *code)
{
  JdSession *session;

  g_return_if_fail (JD_IS_AGENCY_PAGE (self));

  if (g_strcmp0 (self->agency, code) == 0)
    return;

  g_free (self->agency);
  self->agency = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENCY]);

  /* The name of the last agency is no longer the one on its way. */
  if (self->agency_name != NULL)
    {
      g_clear_pointer (&self->agency_name, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENCY_NAME]);
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  session = jd_page_get_session (JD_PAGE (self));
  if (code != NULL && session != NULL && jd_session_is_ready (session))
    jd_page_reload (JD_PAGE (self));
}

/* Returns: (nullable): the name of the agency on show */
const char *
jd_agency_page_get_agency_name (JdAgencyPage *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_PAGE (self), NULL);

  return self->agency_name;
}

/**
 * jd_agency_page_get_card:
 *
 * Returns: (transfer none): the card of @kpi
 */
JdKpiCard *
jd_agency_page_get_card (JdAgencyPage *self,
                         JdKpi         kpi)
{
  g_return_val_if_fail (JD_IS_AGENCY_PAGE (self), NULL);
  g_return_val_if_fail (kpi < JD_N_KPIS, NULL);

  return self->cards[kpi];
}

/* Returns: (transfer none) (nullable): the chart on show called @name */
JdChart *
jd_agency_page_get_chart (JdAgencyPage *self,
                          const char   *name)
{
  g_return_val_if_fail (JD_IS_AGENCY_PAGE (self), NULL);

  return jd_page_charts_get (JD_PAGE (self), JD_TYPE_AGENCY_PAGE, name);
}

/**
 * jd_agency_page_get_rank:
 * @shown: (out) (optional): what the row says, "3 of 12"
 *
 * Returns: where the agency on show stands on @measure
 */
const JdAgencyRank *
jd_agency_page_get_rank (JdAgencyPage  *self,
                         JdMeasure      measure,
                         const char   **shown)
{
  g_return_val_if_fail (JD_IS_AGENCY_PAGE (self), NULL);
  g_return_val_if_fail (measure < JD_N_MEASURES, NULL);

  if (shown != NULL)
    *shown = gtk_label_get_text (self->rank_labels[measure]);

  return &self->ranks[measure];
}

/**
 * jd_agency_page_get_warnings:
 *
 * Returns: (transfer none) (element-type JdWarning) (nullable): the warnings on show
 */
GPtrArray *
jd_agency_page_get_warnings (JdAgencyPage *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_PAGE (self), NULL);

  return self->warnings;
}

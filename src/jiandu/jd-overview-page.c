/* jd-overview-page.c — 总览: the headline figures, the main trend and the top warnings
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "jd-chart-view.h"
#include "jd-kpi-card.h"
#include "jd-overview.h"
#include "jd-overview-page.h"
#include "jd-warning-row.h"
#include "jd-warnings.h"

/* The most the list shows before a row offers the rest. */
#define MAX_WARNING_ROWS 8

struct _JdOverviewPage
{
  JdPage        parent_instance;

  GPtrArray    *warnings;          /* of the period on show */
  int           chart_first_month; /* of the monthly chart on show */
  gboolean      all_warnings;      /* the user asked to see them all */

  /* Template widgets */
  GtkLabel     *period_label;
  GtkLabel     *period_note;
  GtkFlowBox   *kpi_box;
  JdChartView  *decided_chart;
  GtkLabel     *warnings_heading;
  GtkListBox   *warnings_list;
};

G_DEFINE_FINAL_TYPE (JdOverviewPage, jd_overview_page, JD_TYPE_PAGE)

static void show_warnings (JdOverviewPage *self);

static void
on_more_warnings_cb (JdOverviewPage *self,
                     AdwActionRow   *row)
{
  self->all_warnings = TRUE;
  show_warnings (self);
}

static void
on_warning_activated_cb (JdOverviewPage *self,
                         AdwActionRow   *row)
{
  const char *code = g_object_get_data (G_OBJECT (row), "agency-code");

  if (code != NULL)
    jd_page_open_agency (JD_PAGE (self), code);
}

/* The warnings come by rule, the worst first; a leader reading the top of
 * the list should see the worst of every rule, so take them in turns. */
static GPtrArray *
interleave_rules (GPtrArray *warnings)
{
  GPtrArray *order = g_ptr_array_sized_new (warnings->len);
  guint first[JD_N_WARNING_RULES + 1] = { 0 };

  for (guint rule = 0, i = 0; rule <= JD_N_WARNING_RULES; rule++)
    {
      while (i < warnings->len && ((JdWarning *)g_ptr_array_index (warnings, i))->rule < rule)
        i++;
      first[rule] = i;
    }

  for (guint round = 0; order->len < warnings->len; round++)
    for (guint rule = 0; rule < JD_N_WARNING_RULES; rule++)
      if (first[rule] + round < first[rule + 1])
        g_ptr_array_add (order, g_ptr_array_index (warnings, first[rule] + round));

  return order;
}

static void
show_warnings (JdOverviewPage *self)
{
  g_autofree char *heading = NULL;
  g_autoptr(GPtrArray) warnings = interleave_rules (self->warnings);
  guint limit = self->all_warnings ? G_MAXUINT : MAX_WARNING_ROWS;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);

  /* Translators: the heading of the list of warnings (预警), with their number */
  heading = g_strdup_printf (_("Warnings (%u)"), warnings->len);
  gtk_label_set_text (self->warnings_heading, heading);

  if (warnings->len == 0)
    {
      gtk_list_box_append (self->warnings_list, jd_warning_row_new_none ());
      return;
    }

  for (guint i = 0; i < warnings->len && i < limit; i++)
    {
      const JdWarning *warning = g_ptr_array_index (warnings, i);
      GtkWidget *row = jd_warning_row_new (warning);

      /* A warning about one agency opens its profile. */
      if (warning->agency_code != NULL)
        {
          g_object_set_data_full (G_OBJECT (row), "agency-code", g_strdup (warning->agency_code), g_free);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect_object (row, "activated", G_CALLBACK (on_warning_activated_cb), self, G_CONNECT_SWAPPED);
        }
      gtk_list_box_append (self->warnings_list, row);
    }

  if (warnings->len > limit)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = NULL;
      guint n = warnings->len - limit;

      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More Warning", "Show %u More Warnings", n), n);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_more_warnings_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_css_class (row, "accent");
      gtk_list_box_append (self->warnings_list, row);
    }
}

/* What the heading says under the period: which periods 同比 and 环比
 * compare with (for a partial period, the same months of them). */
static char *
comparison_note (const JdOverview *overview)
{
  const JdMetrics *now = overview->current;
  g_autofree char *previous_text = NULL;
  g_autofree char *year_earlier_text = NULL;
  g_autofree char *data_end = NULL;
  JdPeriod month;

  if (overview->previous != NULL)
    {
      previous_text = jd_period_format (&overview->previous->period);
      year_earlier_text = jd_period_format (&overview->year_earlier->period);
      /* Translators: under the period heading; the first %s is the same
       * period a year earlier (同比), the second the period before (环比) */
      return g_strdup_printf (_("Year on year: compared with %s. Period on period: compared with %s."),
                              year_earlier_text, previous_text);
    }

  if (now->data_end == 0)
    return g_strdup (_("No records reach this period yet, so there is nothing to compare."));

  month = jd_period_containing (JD_PERIOD_MONTH, now->data_end);
  data_end = jd_period_format (&month);
  /* Translators: under a period after the data; %s is their last month */
  return g_strdup_printf (_("No records reach this period yet: the data end with %s, so there is nothing to compare."),
                          data_end);
}

static void
jd_overview_page_show (JdPage   *page,
                       gpointer  data)
{
  JdOverviewPage *self = JD_OVERVIEW_PAGE (page);
  const JdOverview *overview = data;
  /* A period after the data has nothing to compare with: all zeros give
   * no change to show. */
  static const JdMetrics nothing = { 0 };
  const JdMetrics *prev = overview->previous != NULL ? overview->previous : &nothing;
  const JdMetrics *last_year = overview->year_earlier != NULL ? overview->year_earlier : &nothing;
  g_autofree char *period_text = jd_metrics_format_period (overview->current);
  g_autofree char *note = comparison_note (overview);
  GtkWidget *child;

  gtk_label_set_text (self->period_label, period_text);
  gtk_label_set_text (self->period_note, note);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    jd_kpi_card_set_figures (JD_KPI_CARD (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))),
                             overview->current, prev, last_year,
                             overview->spark, overview->first_spark_month);

  self->chart_first_month = overview->first_month;
  jd_chart_view_set_monthly (self->decided_chart,
                             _(jd_dashboard_chart_info ("decided-monthly")->title),
                             _("Cases decided"),
                             _("A year earlier"),
                             overview->first_month,
                             JD_OVERVIEW_MONTHS,
                             overview->decided,
                             overview->decided_year_earlier);

  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = g_ptr_array_ref (overview->warnings);
  self->all_warnings = FALSE;
  show_warnings (self);
}

/* A click on a month of the chart shows that month. */
static void
on_chart_point_activated_cb (JdOverviewPage *self,
                             int             series,
                             int             index,
                             JdChartView    *chart)
{
  JdSession *session = jd_page_get_session (JD_PAGE (self));
  JdPeriod month;

  if (session == NULL || self->chart_first_month == 0 || index < 0)
    return;

  month = jd_period_containing (JD_PERIOD_MONTH, jd_month_add (self->chart_first_month, index));
  jd_session_set_period (session, &month);
}

static void
jd_overview_page_dispose (GObject *object)
{
  JdOverviewPage *self = (JdOverviewPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_OVERVIEW_PAGE);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_overview_page_parent_class)->dispose (object);
}

static void
jd_overview_page_class_init (JdOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JdPageClass *page_class = JD_PAGE_CLASS (klass);

  object_class->dispose = jd_overview_page_dispose;

  page_class->info = jd_cockpit_page ("overview");
  page_class->show = jd_overview_page_show;

  g_type_ensure (JD_TYPE_KPI_CARD);
  g_type_ensure (JD_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, period_note);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, kpi_box);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, decided_chart);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, warnings_heading);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, warnings_list);
}

static void
jd_overview_page_init (JdOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->decided_chart, "point-activated",
                           G_CALLBACK (on_chart_point_activated_cb), self, G_CONNECT_SWAPPED);
}

/**
 * jd_overview_page_get_card:
 *
 * Returns: (transfer none): the card of @kpi
 */
JdKpiCard *
jd_overview_page_get_card (JdOverviewPage *self,
                           JdKpi           kpi)
{
  GtkWidget *child;

  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), NULL);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      JdKpiCard *card = JD_KPI_CARD (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));

      if (jd_kpi_card_get_kpi (card) == kpi)
        return card;
    }

  g_return_val_if_reached (NULL);
}

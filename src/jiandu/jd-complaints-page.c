/* jd-complaints-page.c — 投诉举报: the complaints of the period
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-complaints-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "jd-agency-row.h"
#include "jd-chart-view.h"
#include "jd-cockpit-cases.h"
#include "jd-complaints-page.h"
#include "jd-format.h"
#include "jd-warnings.h"

struct _JdComplaintsPage
{
  JdPage        parent_instance;

  JdMetrics    *metrics;      /* of the period on show */
  GPtrArray    *overdue;      /* (element-type JdWarning) */
  GList        *rows;         /* in overdue_group */

  /* Template widgets */
  GtkLabel            *received_label;
  GtkLabel            *closing_label;
  GtkLabel            *on_time_label;
  GtkLabel            *substantiated_label;
  GtkLabel            *satisfaction_label;
  JdChartView         *channel_chart;
  JdChartView         *category_chart;
  JdChartView         *rates_chart;
  AdwPreferencesGroup *overdue_group;
};

G_DEFINE_FINAL_TYPE (JdComplaintsPage, jd_complaints_page, JD_TYPE_PAGE)

static void
set_rate (GtkLabel *label,
          JdRatio   ratio)
{
  g_autofree char *text = jd_format_rate (jd_ratio_rate (ratio));
  g_autofree char *count = jd_format_count (ratio.count);
  g_autofree char *total = jd_format_count (ratio.total);
  /* Translators: what a rate is made of, in a tooltip: "412 of 530" */
  g_autofree char *tooltip = g_strdup_printf (_("%s of %s"), count, total);

  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

static void
show_overdue (JdComplaintsPage *self)
{
  g_autofree char *description = NULL;
  gint64 total = 0;

  jd_agency_rows_clear (self->overdue_group, &self->rows);

  for (guint i = 0; i < self->overdue->len; i++)
    {
      const JdWarning *warning = g_ptr_array_index (self->overdue, i);
      g_autofree char *count = jd_format_count (warning->count);
      GtkWidget *row = jd_agency_row_new (JD_PAGE (self), warning->agency_name, warning->agency_code, count);

      adw_preferences_group_add (self->overdue_group, row);
      self->rows = g_list_append (self->rows, row);
      total += warning->count;
    }

  if (self->overdue->len == 0)
    description = g_strdup (_("No complaint was past its due date and open at the end of the period."));
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%lld complaint past its due date and not closed at the end of the period, by agency.",
                                                "%lld complaints past their due date and not closed at the end of the period, by agency.",
                                                total),
                                   (long long)total);
  adw_preferences_group_set_description (self->overdue_group, description);
}

static void
jd_complaints_page_show (JdPage   *page,
                         gpointer  user_data)
{
  JdComplaintsPage *self = JD_COMPLAINTS_PAGE (page);
  JdComplaintsData *data = user_data;
  g_autofree char *received = NULL;

  g_clear_pointer (&self->metrics, jd_metrics_free);
  self->metrics = g_steal_pointer (&data->metrics);
  g_clear_pointer (&self->overdue, g_ptr_array_unref);
  self->overdue = g_steal_pointer (&data->overdue);

  received = jd_format_count (self->metrics->complaints.received);
  gtk_label_set_text (self->received_label, received);
  set_rate (self->closing_label, self->metrics->complaints.closing);
  set_rate (self->on_time_label, self->metrics->complaints.on_time);
  set_rate (self->substantiated_label, self->metrics->complaints.substantiated);
  set_rate (self->satisfaction_label, self->metrics->complaints.satisfaction);

  jd_chart_view_set_chart (self->channel_chart, data->by_channel);
  jd_chart_view_set_chart (self->category_chart, data->by_category);
  jd_chart_view_set_chart (self->rates_chart, data->rates);

  show_overdue (self);
}

static JdTable *
jd_complaints_page_export_table (JdPage               *page,
                                 const JdTableContext *context)
{
  JdComplaintsPage *self = JD_COMPLAINTS_PAGE (page);

  return self->overdue != NULL ? jd_warnings_table_new (self->overdue, _("Overdue Complaints"), context) : NULL;
}

static void
jd_complaints_page_dispose (GObject *object)
{
  JdComplaintsPage *self = (JdComplaintsPage *)object;

  g_clear_pointer (&self->rows, g_list_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_COMPLAINTS_PAGE);
  g_clear_pointer (&self->metrics, jd_metrics_free);
  g_clear_pointer (&self->overdue, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_complaints_page_parent_class)->dispose (object);
}

static void
jd_complaints_page_class_init (JdComplaintsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JdPageClass *page_class = JD_PAGE_CLASS (klass);

  object_class->dispose = jd_complaints_page_dispose;

  page_class->info = jd_cockpit_page ("complaints");
  page_class->show = jd_complaints_page_show;
  page_class->export_table = jd_complaints_page_export_table;

  g_type_ensure (JD_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-complaints-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdComplaintsPage, received_label);
  gtk_widget_class_bind_template_child (widget_class, JdComplaintsPage, closing_label);
  gtk_widget_class_bind_template_child (widget_class, JdComplaintsPage, on_time_label);
  gtk_widget_class_bind_template_child (widget_class, JdComplaintsPage, substantiated_label);
  gtk_widget_class_bind_template_child (widget_class, JdComplaintsPage, satisfaction_label);
  gtk_widget_class_bind_template_child (widget_class, JdComplaintsPage, channel_chart);
  gtk_widget_class_bind_template_child (widget_class, JdComplaintsPage, category_chart);
  gtk_widget_class_bind_template_child (widget_class, JdComplaintsPage, rates_chart);
  gtk_widget_class_bind_template_child (widget_class, JdComplaintsPage, overdue_group);
}

static void
jd_complaints_page_init (JdComplaintsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_preferences_group_set_header_suffix (self->overdue_group, jd_page_export_button_new ());
}

/* Returns: (transfer none) (nullable): the figures on show */
const JdMetrics *
jd_complaints_page_get_metrics (JdComplaintsPage *self)
{
  g_return_val_if_fail (JD_IS_COMPLAINTS_PAGE (self), NULL);

  return self->metrics;
}

/**
 * jd_complaints_page_get_overdue:
 *
 * Returns: (transfer none) (nullable) (element-type JdWarning): the agencies
 *   listed under "Overdue complaints", in their order
 */
GPtrArray *
jd_complaints_page_get_overdue (JdComplaintsPage *self)
{
  g_return_val_if_fail (JD_IS_COMPLAINTS_PAGE (self), NULL);

  return self->overdue;
}

/* jd-cases-page.c — 执法案件: the enforcement cases of the period
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-cases-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "jd-agency-row.h"
#include "jd-cases-page.h"
#include "jd-chart-view.h"
#include "jd-cockpit-cases.h"
#include "jd-format.h"

struct _JdCasesPage
{
  JdPage        parent_instance;

  JdMetrics    *metrics;      /* of the period on show */
  JdChart      *trend[3];     /* by JdPeriodKind */
  JdPeriodKind  granularity;  /* of the trend on show */
  GPtrArray    *unreviewed;   /* (element-type JdSlice) */
  GList        *rows;         /* in unreviewed_group */

  /* Template widgets */
  GtkLabel            *decided_label;
  GtkLabel            *opened_label;
  GtkLabel            *fines_label;
  GtkLabel            *major_label;
  GtkLabel            *unreviewed_label;
  GtkToggleButton     *months_button;
  GtkToggleButton     *quarters_button;
  GtkToggleButton     *years_button;
  JdChartView         *trend_chart;
  JdChartView         *kind_chart;
  JdChartView         *domain_chart;
  JdChartView         *level_chart;
  JdChartView         *region_chart;
  JdChartView         *fines_chart;
  AdwPreferencesGroup *unreviewed_group;
};

G_DEFINE_FINAL_TYPE (JdCasesPage, jd_cases_page, JD_TYPE_PAGE)

static void
set_count (GtkLabel *label,
           gint64    value)
{
  g_autofree char *text = jd_format_count (value);

  gtk_label_set_text (label, text);
}

static void
on_granularity_toggled_cb (JdCasesPage     *self,
                           GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->quarters_button)
    self->granularity = JD_PERIOD_QUARTER;
  else if (button == self->years_button)
    self->granularity = JD_PERIOD_YEAR;
  else
    self->granularity = JD_PERIOD_MONTH;

  jd_chart_view_set_chart (self->trend_chart, self->trend[self->granularity]);
}

static void
show_unreviewed (JdCasesPage *self)
{
  jd_agency_rows_clear (self->unreviewed_group, &self->rows);

  for (guint i = 0; i < self->unreviewed->len; i++)
    {
      const JdSlice *slice = g_ptr_array_index (self->unreviewed, i);
      g_autofree char *count = jd_format_count (slice->metrics->cases.major_unreviewed);
      GtkWidget *row = jd_agency_row_new (JD_PAGE (self), slice->label, slice->key, count);

      adw_preferences_group_add (self->unreviewed_group, row);
      self->rows = g_list_append (self->rows, row);
    }

  adw_preferences_group_set_description (self->unreviewed_group,
                                         self->unreviewed->len == 0
                                         ? _("Every major decision of the period had its legal review.")
                                         : _("Agencies that made major decisions without legal review, the most first."));
}

static void
jd_cases_page_show (JdPage   *page,
                    gpointer  user_data)
{
  JdCasesPage *self = JD_CASES_PAGE (page);
  JdCasesData *data = user_data;
  g_autofree char *fines = NULL;

  g_clear_pointer (&self->metrics, jd_metrics_free);
  self->metrics = g_steal_pointer (&data->metrics);
  for (guint i = 0; i < G_N_ELEMENTS (self->trend); i++)
    {
      g_clear_pointer (&self->trend[i], jd_chart_unref);
      self->trend[i] = g_steal_pointer (&data->trend[i]);
    }
  g_clear_pointer (&self->unreviewed, g_ptr_array_unref);
  self->unreviewed = g_steal_pointer (&data->unreviewed);

  set_count (self->decided_label, self->metrics->cases.decided);
  set_count (self->opened_label, self->metrics->cases.opened);
  fines = jd_format_yuan (self->metrics->cases.fines_fen);
  gtk_label_set_text (self->fines_label, fines);
  set_count (self->major_label, self->metrics->cases.major);
  set_count (self->unreviewed_label, self->metrics->cases.major_unreviewed);

  jd_chart_view_set_chart (self->trend_chart, self->trend[self->granularity]);
  jd_chart_view_set_chart (self->kind_chart, data->by_kind);
  jd_chart_view_set_chart (self->domain_chart, data->by_domain);
  jd_chart_view_set_chart (self->level_chart, data->by_level);
  jd_chart_view_set_chart (self->region_chart, data->by_region);
  jd_chart_view_set_chart (self->fines_chart, data->fines);

  show_unreviewed (self);
}

static JdTable *
jd_cases_page_export_table (JdPage               *page,
                            const JdTableContext *context)
{
  JdCasesPage *self = JD_CASES_PAGE (page);

  return self->unreviewed != NULL ? jd_unreviewed_table_new (self->unreviewed, context) : NULL;
}

static void
jd_cases_page_dispose (GObject *object)
{
  JdCasesPage *self = (JdCasesPage *)object;

  g_clear_pointer (&self->rows, g_list_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_CASES_PAGE);
  g_clear_pointer (&self->metrics, jd_metrics_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->trend); i++)
    g_clear_pointer (&self->trend[i], jd_chart_unref);
  g_clear_pointer (&self->unreviewed, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_cases_page_parent_class)->dispose (object);
}

static void
jd_cases_page_class_init (JdCasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JdPageClass *page_class = JD_PAGE_CLASS (klass);

  object_class->dispose = jd_cases_page_dispose;

  page_class->info = jd_cockpit_page ("cases");
  page_class->show = jd_cases_page_show;
  page_class->export_table = jd_cases_page_export_table;

  g_type_ensure (JD_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-cases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, decided_label);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, opened_label);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, fines_label);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, major_label);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, unreviewed_label);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, months_button);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, quarters_button);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, years_button);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, kind_chart);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, domain_chart);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, level_chart);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, region_chart);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, fines_chart);
  gtk_widget_class_bind_template_child (widget_class, JdCasesPage, unreviewed_group);
  gtk_widget_class_bind_template_callback (widget_class, on_granularity_toggled_cb);
}

static void
jd_cases_page_init (JdCasesPage *self)
{
  self->granularity = JD_PERIOD_MONTH;

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_preferences_group_set_header_suffix (self->unreviewed_group, jd_page_export_button_new ());
}

/* Returns: (transfer none) (nullable): the figures on show */
const JdMetrics *
jd_cases_page_get_metrics (JdCasesPage *self)
{
  g_return_val_if_fail (JD_IS_CASES_PAGE (self), NULL);

  return self->metrics;
}

/**
 * jd_cases_page_get_unreviewed:
 *
 * Returns: (transfer none) (nullable) (element-type JdSlice): the agencies
 *   listed under "Major decisions without legal review", in their order
 */
GPtrArray *
jd_cases_page_get_unreviewed (JdCasesPage *self)
{
  g_return_val_if_fail (JD_IS_CASES_PAGE (self), NULL);

  return self->unreviewed;
}

/* Shows the trend by month, quarter or year, as the switch on the page does. */
void
jd_cases_page_set_granularity (JdCasesPage  *self,
                               JdPeriodKind  by)
{
  GtkToggleButton *buttons[] = { self->months_button, self->quarters_button, self->years_button };

  g_return_if_fail (JD_IS_CASES_PAGE (self));
  g_return_if_fail (by <= JD_PERIOD_YEAR);

  gtk_toggle_button_set_active (buttons[by], TRUE);
}

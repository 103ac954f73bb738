/* jd-kpi-card.c — one headline figure with its 同比 and 环比
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card is the chart kit's KPI card (jd_dashboard_kpi_new(), drawn by
 * jd-chart-kpi.c) in a JdChartView: the very drawing the command line
 * exports and the report prints, here in the window's theme colours.
 * What it draws is also its accessible label and its tooltip, and
 * jd_kpi_card_get_value() gives the figure exactly as drawn.
 */

#define G_LOG_DOMAIN "jd-kpi-card"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "jd-chart-view.h"
#include "jd-kpi-card.h"

struct _JdKpiCard
{
  GtkWidget    parent_instance;

  JdKpi        kpi;
  char        *value;           /* as drawn */

  JdChartView *view;
};

G_DEFINE_FINAL_TYPE (JdKpiCard, jd_kpi_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KPI,
  PROP_TITLE,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_chart (JdKpiCard *self,
            JdChart   *chart)
{
  g_autofree char *value = jd_chart_format_kpi_value (chart);
  g_autofree char *description = jd_chart_describe (chart);

  jd_chart_view_set_chart (self->view, chart);

  /* A screen reader reads the card as one sentence: title, figure, 同比,
   * 环比 and the line under it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  if (g_strcmp0 (value, self->value) != 0)
    {
      g_free (self->value);
      self->value = g_steal_pointer (&value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
}

/* Before the figures come: the title and "—" */
static void
show_placeholder (JdKpiCard *self)
{
  const JdDashboardChartInfo *info = jd_dashboard_kpi_info (self->kpi);
  g_autoptr(JdChart) chart = jd_chart_new (JD_CHART_KPI);

  jd_chart_set_title (chart, _(info->title));
  if (jd_kpi_is_rate (self->kpi))
    jd_chart_set_format (chart, JD_CHART_FORMAT_PERCENT);
  jd_chart_set_kpi (chart, NAN, NULL, JD_CHART_CHANGE_RELATIVE, JD_CHART_POLARITY_NEUTRAL, NAN, NAN);
  show_chart (self, chart);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
jd_kpi_card_dispose (GObject *object)
{
  JdKpiCard *self = (JdKpiCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_KPI_CARD);

  G_OBJECT_CLASS (jd_kpi_card_parent_class)->dispose (object);
}

static void
jd_kpi_card_finalize (GObject *object)
{
  JdKpiCard *self = (JdKpiCard *)object;

  g_free (self->value);

  G_OBJECT_CLASS (jd_kpi_card_parent_class)->finalize (object);
}

static void
jd_kpi_card_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JdKpiCard *self = JD_KPI_CARD (object);

  switch (prop_id)
    {
    case PROP_KPI:
      g_value_set_int (value, self->kpi);
      break;

    case PROP_TITLE:
      g_value_set_string (value, jd_kpi_card_get_title (self));
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_kpi_card_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  JdKpiCard *self = JD_KPI_CARD (object);

  switch (prop_id)
    {
    case PROP_KPI:
      jd_kpi_card_set_kpi (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_kpi_card_class_init (JdKpiCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_kpi_card_dispose;
  object_class->finalize = jd_kpi_card_finalize;
  object_class->get_property = jd_kpi_card_get_property;
  object_class->set_property = jd_kpi_card_set_property;

  /**
   * JdKpiCard:kpi:
   *
   * Which headline figure the card shows, a #JdKpi.
   */
  properties[PROP_KPI] =
    g_param_spec_int ("kpi", NULL, NULL, JD_KPI_CASES_DECIDED, JD_N_KPIS - 1, JD_KPI_CASES_DECIDED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * JdKpiCard:value:
   *
   * The figure exactly as the card draws it ("12,345", "15.3%", "—").
   */
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-kpi-card.ui");
  gtk_widget_class_bind_template_child (widget_class, JdKpiCard, view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kpicard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
jd_kpi_card_init (JdKpiCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_placeholder (self);
}

JdKpi
jd_kpi_card_get_kpi (JdKpiCard *self)
{
  g_return_val_if_fail (JD_IS_KPI_CARD (self), JD_KPI_CASES_DECIDED);

  return self->kpi;
}

/* Which figure the card shows; it shows "—" until jd_kpi_card_set_figures() */
void
jd_kpi_card_set_kpi (JdKpiCard *self,
                     JdKpi      kpi)
{
  g_return_if_fail (JD_IS_KPI_CARD (self));
  g_return_if_fail (jd_dashboard_kpi_info (kpi) != NULL);

  if (kpi == self->kpi)
    return;

  self->kpi = kpi;
  show_placeholder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI]);
}

const char *
jd_kpi_card_get_title (JdKpiCard *self)
{
  g_return_val_if_fail (JD_IS_KPI_CARD (self), NULL);

  return jd_chart_get_title (jd_chart_view_get_chart (self->view));
}

/**
 * jd_kpi_card_get_value:
 *
 * Returns: the figure exactly as the card draws it
 */
const char *
jd_kpi_card_get_value (JdKpiCard *self)
{
  g_return_val_if_fail (JD_IS_KPI_CARD (self), NULL);

  return self->value;
}

/**
 * jd_kpi_card_get_chart:
 *
 * Returns: (transfer none): the KPI chart the card draws
 */
JdChart *
jd_kpi_card_get_chart (JdKpiCard *self)
{
  g_return_val_if_fail (JD_IS_KPI_CARD (self), NULL);

  return jd_chart_view_get_chart (self->view);
}

/**
 * jd_kpi_card_set_figures:
 * @current: the period's figures
 * @previous: the period before's (环比)
 * @year_earlier: the same period a year before's (同比)
 * @months: (nullable) (element-type JdMetrics): the figures of each month
 *   from @first_month, drawn as a sparkline
 */
void
jd_kpi_card_set_figures (JdKpiCard       *self,
                         const JdMetrics *current,
                         const JdMetrics *previous,
                         const JdMetrics *year_earlier,
                         const GPtrArray *months,
                         int              first_month)
{
  g_autoptr(JdChart) chart = NULL;

  g_return_if_fail (JD_IS_KPI_CARD (self));

  chart = jd_dashboard_kpi_new (self->kpi, current, previous, year_earlier, months, first_month);
  show_chart (self, chart);
}

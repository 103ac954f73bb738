/* jd-chart-view.c — a libjiandu chart on screen
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart itself is drawn by jd_chart_draw_monthly() onto a cairo_t,
 * the same function the PDF report and PNG export call; this widget only
 * hands it the theme and answers hover and tooltips.
 */

#define G_LOG_DOMAIN "jd-chart-view"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jd-chart.h"
#include "jd-chart-view.h"
#include "jd-format.h"
#include "jd-period.h"

struct _JdChartView
{
  GtkWidget       parent_instance;

  char           *title;
  char           *value_label;
  char           *comparison_label;
  int             first_month;
  GArray         *values;
  GArray         *comparison;

  JdChartTheme    theme;
};

G_DEFINE_FINAL_TYPE (JdChartView, jd_chart_view, GTK_TYPE_WIDGET)

static void
fill_chart (JdChartView    *self,
            JdMonthlyChart *chart)
{
  chart->title = self->title;
  chart->value_label = self->value_label;
  chart->comparison_label = self->comparison_label;
  chart->first_month = self->first_month;
  chart->n_points = self->values != NULL ? self->values->len : 0;
  chart->values = self->values != NULL ? (const double *)(gpointer)self->values->data : NULL;
  chart->comparison = self->comparison != NULL ? (const double *)(gpointer)self->comparison->data : NULL;
}

static void
rgba_from_gdk (JdRgba        *out,
               const GdkRGBA *in)
{
  out->red = in->red;
  out->green = in->green;
  out->blue = in->blue;
  out->alpha = in->alpha;
}

/* Picks the theme from libadwaita's dark setting and the widget's own text
 * colour, so high-contrast and custom styles carry through. */
static void
update_theme (JdChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GdkRGBA color;

  if (adw_style_manager_get_dark (manager))
    jd_chart_theme_init_dark (&self->theme);
  else
    jd_chart_theme_init_light (&self->theme);

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (self), &color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
#endif
  rgba_from_gdk (&self->theme.foreground, &color);
  color.alpha *= 0.7;
  rgba_from_gdk (&self->theme.dim, &color);

  /* The card behind us already has the window's background. */
  self->theme.background.alpha = 0;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed_cb (JdChartView     *self,
                    GParamSpec      *pspec,
                    AdwStyleManager *manager)
{
  update_theme (self);
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  JdChartView *self = JD_CHART_VIEW (widget);
  JdMonthlyChart chart = { 0 };
  g_autofree char *month = NULL;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  JdPeriod period;
  int index;

  fill_chart (self, &chart);
  if (chart.n_points == 0)
    return FALSE;

  index = jd_chart_monthly_hit (gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                                &chart, x, y);
  if (index < 0)
    return FALSE;

  period = jd_period_containing (JD_PERIOD_MONTH, jd_month_add (self->first_month, index));
  month = jd_period_format (&period);

  if (isnan (chart.values[index]))
    value = g_strdup ("—");
  else
    value = jd_format_count ((gint64)chart.values[index]);

  if (chart.comparison != NULL && !isnan (chart.comparison[index]))
    {
      g_autofree char *before = jd_format_count ((gint64)chart.comparison[index]);

      text = g_strdup_printf ("%s\n%s: %s\n%s: %s", month,
                              self->value_label, value, self->comparison_label, before);
    }
  else
    text = g_strdup_printf ("%s\n%s: %s", month, self->value_label, value);

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
jd_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  JdChartView *self = JD_CHART_VIEW (widget);
  JdMonthlyChart chart = { 0 };
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  fill_chart (self, &chart);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  jd_chart_draw_monthly (cr, width, height, &chart, &self->theme);
  cairo_destroy (cr);
}

static void
jd_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (jd_chart_view_parent_class)->css_changed (widget, change);

  update_theme (JD_CHART_VIEW (widget));
}

static void
jd_chart_view_finalize (GObject *object)
{
  JdChartView *self = (JdChartView *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->value_label, g_free);
  g_clear_pointer (&self->comparison_label, g_free);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->comparison, g_array_unref);

  G_OBJECT_CLASS (jd_chart_view_parent_class)->finalize (object);
}

static void
jd_chart_view_class_init (JdChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jd_chart_view_finalize;

  widget_class->snapshot = jd_chart_view_snapshot;
  widget_class->css_changed = jd_chart_view_css_changed;

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jd_chart_view_init (JdChartView *self)
{
  jd_chart_theme_init_light (&self->theme);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

static GArray *
copy_values (const double *values,
             guint         n_points)
{
  GArray *array;

  if (values == NULL)
    return NULL;

  array = g_array_sized_new (FALSE, FALSE, sizeof (double), n_points);
  g_array_append_vals (array, values, n_points);
  return array;
}

/**
 * jd_chart_view_set_monthly:
 * @values: @n_points values, one a month from @first_month (drawn as bars)
 * @comparison: (nullable): the same months a year earlier (a dashed line)
 *
 * Shows a monthly chart; the view keeps copies of the values.
 */
void
jd_chart_view_set_monthly (JdChartView  *self,
                           const char   *title,
                           const char   *value_label,
                           const char   *comparison_label,
                           int           first_month,
                           guint         n_points,
                           const double *values,
                           const double *comparison)
{
  JdMonthlyChart chart = { 0 };
  g_autofree char *description = NULL;

  g_return_if_fail (JD_IS_CHART_VIEW (self));
  g_return_if_fail (values != NULL || n_points == 0);

  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->value_label);
  self->value_label = g_strdup (value_label);
  g_free (self->comparison_label);
  self->comparison_label = g_strdup (comparison_label);
  self->first_month = first_month;
  g_clear_pointer (&self->values, g_array_unref);
  self->values = copy_values (values, n_points);
  g_clear_pointer (&self->comparison, g_array_unref);
  self->comparison = copy_values (comparison, n_points);

  fill_chart (self, &chart);
  description = jd_chart_monthly_describe (&chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* jd-chart-view.c — a libjiandu chart on screen
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart itself is drawn by jd_chart_draw_highlighted() onto the
 * cairo_t of gtk_snapshot_append_cairo(), the same function the PDF
 * report, PNG export and the command line call; this widget hands it the
 * theme, and turns the pointer and the keyboard into a highlighted point:
 * hover and arrow keys move it, the tooltip describes it, a click or Enter
 * activates it (for drill-down), and the context menu exports the chart.
 */

#define G_LOG_DOMAIN "jd-chart-view"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jd-chart.h"
#include "jd-chart-view.h"
#include "jd-page.h"
#include "jd-save-dialog.h"

struct _JdChartView
{
  GtkWidget       parent_instance;

  JdChart        *chart;
  JdChartTheme    theme;

  JdChartHit      highlight;     /* series -1: none */
  gboolean        from_keyboard; /* the highlight follows the focus, not the pointer */

  GtkWidget      *menu;          /* GtkPopoverMenu */
};

G_DEFINE_FINAL_TYPE (JdChartView, jd_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

enum {
  POINT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
rgba_from_gdk (JdRgba        *out,
               const GdkRGBA *in)
{
  out->red = in->red;
  out->green = in->green;
  out->blue = in->blue;
  out->alpha = in->alpha;
}

/* Picks the theme from libadwaita's dark setting and the widget's own
 * colours, so high-contrast and custom styles carry through.  On GTK 4.8
 * the named colours come from the style context (gtk_widget_get_color()
 * is 4.10). */
static void
update_theme (JdChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkStyleContext *context;
  GdkRGBA color;

  if (adw_style_manager_get_dark (manager))
    jd_chart_theme_init_dark (&self->theme);
  else
    jd_chart_theme_init_light (&self->theme);

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (self), &color);
#else
  gtk_style_context_get_color (context, &color);
#endif
  rgba_from_gdk (&self->theme.foreground, &color);
  color.alpha *= 0.7;
  rgba_from_gdk (&self->theme.dim, &color);
  if (gtk_style_context_lookup_color (context, "accent_color", &color))
    rgba_from_gdk (&self->theme.highlight, &color);
  /* good and bad news (a KPI's arrows) in the theme's own text colours */
  if (gtk_style_context_lookup_color (context, "success_color", &color))
    rgba_from_gdk (&self->theme.good, &color);
  if (gtk_style_context_lookup_color (context, "error_color", &color))
    rgba_from_gdk (&self->theme.bad, &color);
  /* The card's colour over the window's (libadwaita's card colour is
   * translucent), opaque: the halos around markers take it */
  {
    GdkRGBA window, card;

    if (gtk_style_context_lookup_color (context, "window_bg_color", &window) &&
        gtk_style_context_lookup_color (context, "card_bg_color", &card))
      {
        self->theme.background.red = card.red * card.alpha + window.red * (1 - card.alpha);
        self->theme.background.green = card.green * card.alpha + window.green * (1 - card.alpha);
        self->theme.background.blue = card.blue * card.alpha + window.blue * (1 - card.alpha);
      }
  }
G_GNUC_END_IGNORE_DEPRECATIONS

  /* The card behind us already has the window's background. */
  self->theme.background.alpha = 0;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (JdChartView *self)
{
  g_autofree char *description = NULL;
  const char *title = NULL;

  if (self->chart != NULL)
    {
      title = jd_chart_get_title (self->chart);
      if (self->from_keyboard && self->highlight.series >= 0)
        description = jd_chart_describe_point (self->chart, &self->highlight);
      else
        description = jd_chart_describe (self->chart);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static void
set_highlight (JdChartView      *self,
               const JdChartHit *hit,
               gboolean          from_keyboard)
{
  JdChartHit none = { -1, -1, NAN };

  if (hit == NULL)
    hit = &none;

  if (hit->series == self->highlight.series && hit->index == self->highlight.index &&
      from_keyboard == self->from_keyboard)
    return;

  self->highlight = *hit;
  self->from_keyboard = from_keyboard;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (from_keyboard)
    {
      update_accessible (self);
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
    }
}

static void
on_dark_changed_cb (JdChartView     *self,
                    GParamSpec      *pspec,
                    AdwStyleManager *manager)
{
  update_theme (self);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              JdChartView              *self)
{
  jd_chart_view_point_at (self, x, y);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             JdChartView              *self)
{
  if (!self->from_keyboard)
    set_highlight (self, NULL, FALSE);
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      JdChartView     *self)
{
  JdChartHit hit;

  if (self->chart == NULL)
    return;

  if (jd_chart_hit (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)), x, y, &hit))
    {
      g_signal_emit (self, signals[POINT_ACTIVATED], 0, hit.series, hit.index);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static void
popup_menu (JdChartView *self,
            double       x,
            double       y)
{
  if (self->chart == NULL)
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_context_pressed_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       JdChartView     *self)
{
  popup_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
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
  g_autofree char *text = NULL;
  JdChartHit hit;

  if (self->chart == NULL)
    return FALSE;

  if (keyboard_mode || self->from_keyboard)
    {
      if (self->highlight.series < 0)
        return FALSE;
      hit = self->highlight;
    }
  else if (!jd_chart_hit (self->chart, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                          x, y, &hit))
    return FALSE;

  text = jd_chart_describe_point (self->chart, &hit);
  if (text == NULL || text[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Export */

static gboolean
save_chart (GtkWidget  *widget,
            GFile      *file,
            GError    **error)
{
  return jd_chart_view_export (JD_CHART_VIEW (widget), file, FALSE, error);
}

static gboolean
save_chart_dark (GtkWidget  *widget,
                 GFile      *file,
                 GError    **error)
{
  return jd_chart_view_export (JD_CHART_VIEW (widget), file, TRUE, error);
}

/* A file name from the chart's title and, on a page, the period */
static char *
suggested_name (JdChartView *self,
                const char  *extension)
{
  const char *title = self->chart ? jd_chart_get_title (self->chart) : NULL;
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), JD_TYPE_PAGE);
  g_autofree char *base = g_strdup (title && *title ? title : _("Chart"));
  char *name = page != NULL ? jd_page_get_export_name (JD_PAGE (page), base, extension) : NULL;

  if (name != NULL)
    return name;

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  return g_strconcat (base, ".", extension, NULL);
}

/* "png", "svg" or "pdf"; "png-dark" for a PNG in the dark theme */
static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JdChartView *self = JD_CHART_VIEW (widget);
  g_auto(GStrv) format = g_strsplit (g_variant_get_string (parameter, NULL), "-", 2);
  gboolean dark = g_strcmp0 (format[1], "dark") == 0;
  g_autofree char *name = suggested_name (self, format[0]);

  if (self->chart == NULL)
    return;

  jd_save_dialog_run (widget, _("Export Chart"), name, _("Could not export the chart"),
                      dark ? save_chart_dark : save_chart);
}

static void
step_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  int d_index = 0, d_series = 0;

  g_variant_get (parameter, "(ii)", &d_index, &d_series);
  jd_chart_view_step (JD_CHART_VIEW (widget), d_index, d_series);
}

static void
activate_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JdChartView *self = JD_CHART_VIEW (widget);

  if (self->highlight.series >= 0 && self->highlight.index >= 0)
    g_signal_emit (self, signals[POINT_ACTIVATED], 0, self->highlight.series, self->highlight.index);
}

static void
menu_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  popup_menu (JD_CHART_VIEW (widget), gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

/* GtkWidget */

static void
jd_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  JdChartView *self = JD_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->chart == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  jd_chart_draw_highlighted (cr, width, height, self->chart, &self->theme,
                             self->highlight.series >= 0 ? &self->highlight : NULL);
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
jd_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  JdChartView *self = JD_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (jd_chart_view_parent_class)->size_allocate (widget, width, height, baseline);
  gtk_popover_present (GTK_POPOVER (self->menu));
}

static gboolean
jd_chart_view_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  JdChartView *self = JD_CHART_VIEW (widget);

  if (gtk_widget_is_focus (widget))
    return FALSE;
  if (self->chart == NULL)
    return FALSE;

  return gtk_widget_grab_focus (widget);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   JdChartView             *self)
{
  if (self->from_keyboard)
    {
      set_highlight (self, NULL, FALSE);
      update_accessible (self);
    }
}

static void
jd_chart_view_dispose (GObject *object)
{
  JdChartView *self = (JdChartView *)object;

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->chart, jd_chart_unref);

  G_OBJECT_CLASS (jd_chart_view_parent_class)->dispose (object);
}

static void
jd_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JdChartView *self = JD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JdChartView *self = JD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      jd_chart_view_set_chart (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_chart_view_class_init (JdChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_chart_view_dispose;
  object_class->get_property = jd_chart_view_get_property;
  object_class->set_property = jd_chart_view_set_property;

  /**
   * JdChartView:chart:
   *
   * The chart on show; the view draws it, never changes it.
   */
  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL, JD_TYPE_CHART,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->snapshot = jd_chart_view_snapshot;
  widget_class->css_changed = jd_chart_view_css_changed;
  widget_class->size_allocate = jd_chart_view_size_allocate;
  widget_class->focus = jd_chart_view_focus;

  /**
   * JdChartView::point-activated:
   * @series: the series clicked
   * @index: the point (category, period) clicked
   *
   * A point was clicked, or Enter pressed on it: for drill-down.
   */
  signals[POINT_ACTIVATED] = g_signal_new ("point-activated",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.step", "(ii)", step_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.activate-point", NULL, activate_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.menu", NULL, menu_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.step", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.step", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.step", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.step", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.step", "(ii)", -100000, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.step", "(ii)", 100000, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate-point", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate-point", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate-point", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "chart.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jd_chart_view_init (JdChartView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  jd_chart_theme_init_light (&self->theme);
  self->highlight = (JdChartHit) { -1, -1, NAN };

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_context_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (popup_menu), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  g_menu_append (section, _("Export as _PNG…"), "chart.export::png");
  g_menu_append (section, _("Export as _SVG…"), "chart.export::svg");
  g_menu_append (section, _("Export as P_DF…"), "chart.export::pdf");
  g_menu_append (section, _("Export as PNG, Dar_k…"), "chart.export::png-dark");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
jd_chart_view_new (void)
{
  return g_object_new (JD_TYPE_CHART_VIEW, NULL);
}

/**
 * jd_chart_view_set_chart:
 * @chart: (nullable) (transfer none): the chart to show
 */
void
jd_chart_view_set_chart (JdChartView *self,
                         JdChart     *chart)
{
  g_return_if_fail (JD_IS_CHART_VIEW (self));

  if (chart == self->chart)
    return;

  if (chart != NULL)
    jd_chart_ref (chart);
  g_clear_pointer (&self->chart, jd_chart_unref);
  self->chart = chart;

  self->highlight = (JdChartHit) { -1, -1, NAN };
  self->from_keyboard = FALSE;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/**
 * jd_chart_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart on show
 */
JdChart *
jd_chart_view_get_chart (JdChartView *self)
{
  g_return_val_if_fail (JD_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * jd_chart_view_set_monthly:
 * @values: @n_points values, one a month from @first_month (drawn as bars)
 * @comparison: (nullable): the same months a year earlier (a dashed line)
 *
 * Shows the dashboard's monthly chart; the view keeps copies of the values.
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
  JdMonthlyChart monthly = {
    .title = title,
    .value_label = value_label,
    .comparison_label = comparison_label,
    .first_month = first_month,
    .n_points = n_points,
    .values = values,
    .comparison = comparison,
  };
  g_autoptr(JdChart) chart = NULL;

  g_return_if_fail (JD_IS_CHART_VIEW (self));
  g_return_if_fail (values != NULL || n_points == 0);

  chart = jd_chart_new_monthly (&monthly);
  jd_chart_view_set_chart (self, chart);
}

gboolean
jd_chart_view_get_highlight (JdChartView *self,
                             JdChartHit  *hit)
{
  g_return_val_if_fail (JD_IS_CHART_VIEW (self), FALSE);

  if (hit != NULL)
    *hit = self->highlight;
  return self->highlight.series >= 0;
}

/**
 * jd_chart_view_step:
 *
 * Moves the keyboard's highlight @d_index points along and @d_series
 * series across (the arrow keys), from the first point if there is none.
 *
 * Returns: whether it moved
 */
gboolean
jd_chart_view_step (JdChartView *self,
                    int          d_index,
                    int          d_series)
{
  JdChartHit hit;

  g_return_val_if_fail (JD_IS_CHART_VIEW (self), FALSE);

  if (self->chart == NULL)
    return FALSE;

  hit = self->highlight;
  if (!jd_chart_step (self->chart, &hit, d_index, d_series))
    return FALSE;

  set_highlight (self, &hit, TRUE);
  return TRUE;
}

/* The pointer is at (@x, @y): highlights what is under it */
void
jd_chart_view_point_at (JdChartView *self,
                        double       x,
                        double       y)
{
  JdChartHit hit;

  g_return_if_fail (JD_IS_CHART_VIEW (self));

  if (self->chart != NULL &&
      jd_chart_hit (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)), x, y, &hit))
    set_highlight (self, &hit, FALSE);
  else
    set_highlight (self, NULL, FALSE);
}

/**
 * jd_chart_view_export:
 * @file: a .png, .svg or .pdf file
 * @dark: draw a PNG or SVG in the dark theme (a PDF is always light)
 *
 * Writes the chart at the size it has on screen, a PNG at the screen's
 * scale, in the light theme unless asked; on a page, with a caption that
 * names the period, the filter and how far the data reach.
 */
gboolean
jd_chart_view_export (JdChartView  *self,
                      GFile        *file,
                      gboolean      dark,
                      GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *caption = NULL;
  GtkWidget *page;
  JdChartTheme theme;
  double width, height;

  g_return_val_if_fail (JD_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no chart to export"));
      return FALSE;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Charts are exported to local files only"));
      return FALSE;
    }

  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 640);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 360);

  /* An exported chart stands alone: it takes its own background */
  if (dark)
    jd_chart_theme_init_dark (&theme);
  else
    jd_chart_theme_init_light (&theme);

  page = gtk_widget_get_ancestor (GTK_WIDGET (self), JD_TYPE_PAGE);
  if (page != NULL)
    caption = jd_page_get_export_caption (JD_PAGE (page));

  return jd_chart_export_captioned (self->chart, path, width, height,
                                    MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1),
                                    &theme, caption, error);
}

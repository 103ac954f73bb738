/* jd-window.c — the main window: one database, its overview dashboard
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-agencies-page.h"
#include "jd-agency-page.h"
#include "jd-cases-page.h"
#include "jd-complaints-page.h"
#include "jd-filter-bar.h"
#include "jd-import-window.h"
#include "jd-kiosk-window.h"
#include "jd-lawsuits-page.h"
#include "jd-leniency-page.h"
#include "jd-overview-page.h"
#include "jd-presentation-window.h"
#include "jd-report-view.h"
#include "jd-reviews-page.h"
#include "jd-server.h"
#include "jd-session.h"
#include "jd-slides-view.h"
#include "jd-warnings-page.h"
#include "jd-window.h"
#include "jd-window-private.h"

G_DEFINE_FINAL_TYPE (JdWindow, jd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pages of the cockpit, in the sidebar's order; their names are what
 * win.show-page and jd_window_get_page() take. */
static const struct {
  const char *name;
  GType     (*get_type) (void);
} page_types[] = {
  { "overview", jd_overview_page_get_type },
  { "cases", jd_cases_page_get_type },
  { "complaints", jd_complaints_page_get_type },
  { "lawsuits", jd_lawsuits_page_get_type },
  { "leniency", jd_leniency_page_get_type },
  { "reviews", jd_reviews_page_get_type },
  { "agencies", jd_agencies_page_get_type },
  { "warnings", jd_warnings_page_get_type },
};

/**
 * jd_window_get_page_type:
 * @name: a page's name, as the sidebar and win.show-page name it
 *
 * Returns: the page's type, or %G_TYPE_INVALID for no such page
 */
GType
jd_window_get_page_type (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    if (g_strcmp0 (name, page_types[i].name) == 0)
      return page_types[i].get_type ();

  return G_TYPE_INVALID;
}

static gboolean step_period (JdWindow *self,
                             int       direction,
                             JdPeriod *out);

static gboolean
showing_agency (JdWindow *self)
{
  return self->content != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->content), "agency") == 0;
}

static JdPage *
visible_page (JdWindow *self)
{
  GtkWidget *page = showing_agency (self) ? GTK_WIDGET (self->agency_page) : gtk_stack_get_visible_child (self->pages);

  /* The report view is no cockpit page: it loads on its own. */
  return page != NULL && JD_IS_PAGE (page) ? JD_PAGE (page) : NULL;
}

/* The window is loading while it opens a database, while the page on
 * show reads its figures, and while the report on show is written. */
static void
update_loading (JdWindow *self)
{
  JdPage *page = visible_page (self);
  gboolean dashboard = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "dashboard") == 0;
  gboolean writing = dashboard && self->report_view != NULL && !showing_agency (self) &&
                     gtk_stack_get_visible_child (self->pages) == GTK_WIDGET (self->report_view) &&
                     jd_report_view_get_busy (self->report_view);
  gboolean loading = self->opening || writing || (page != NULL && dashboard && jd_page_get_loading (page));

  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
_jd_window_set_opening (JdWindow *self,
                        gboolean  opening)
{
  self->opening = opening;
  update_loading (self);
}

void
_jd_window_update_actions (JdWindow *self)
{
  JdStore *store = jd_session_get_store (self->session);
  gboolean ready = jd_session_is_ready (self->session);
  JdPeriod other;
  gboolean can_previous = ready && step_period (self, -1, &other);
  gboolean can_next = ready && step_period (self, 1, &other);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-period", can_previous);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-period", can_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", self->location != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", showing_agency (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), ready);
}

void
_jd_window_show_error (JdWindow     *self,
                       const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

void
_jd_window_show_toast (JdWindow   *self,
                       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The subtitle names the database and, when the pages are filtered, what
 * they are filtered to: a leader must never take a county's figures for
 * the city's. */
void
_jd_window_update_title (JdWindow *self)
{
  /* A file's name, or "jiandu on db.example.gov.cn": never a password. */
  g_autofree char *database = self->shown_location != NULL ? jd_location_describe (self->shown_location) : NULL;
  g_autofree char *filter = jd_filter_bar_describe (self->filter_bar);
  g_autofree char *subtitle = NULL;

  if (database != NULL && filter != NULL)
    /* Translators: the window's subtitle: the database, then the filter */
    subtitle = g_strdup_printf (_("%s — only %s"), database, filter);
  else
    subtitle = g_strdup (database);

  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* The profile names its agency where the window's name was. */
  if (showing_agency (self))
    {
      const char *name = jd_agency_page_get_agency_name (self->agency_page);

      adw_window_title_set_title (self->window_title,
                                  name != NULL ? name : jd_page_get_title (JD_PAGE (self->agency_page)));
    }
  else
    adw_window_title_set_title (self->window_title, _("Jiandu"));
}

/* The period kinds in the drop-down's order, as the settings and
 * win.period-kind name them */
static const char * const period_kind_names[] = { "month", "quarter", "year", "year-to-date" };

/* win.period-kind: the main menu's stand-in for the drop-down when the
 * window is too narrow for it. */
static void
on_period_kind_change_state_cb (GSimpleAction *action,
                                GVariant      *state,
                                gpointer       user_data)
{
  JdWindow *self = user_data;
  const char *name = g_variant_get_string (state, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (period_kind_names); i++)
    if (g_str_equal (name, period_kind_names[i]))
      gtk_drop_down_set_selected (self->kind_dropdown, i);
}

static void
on_kind_selected_cb (JdWindow    *self,
                     GParamSpec  *pspec,
                     GtkDropDown *dropdown)
{
  JdPeriodKind kind = gtk_drop_down_get_selected (dropdown);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "period-kind");
  JdPeriod period;
  int last_month;

  if (kind > JD_PERIOD_RANGE)
    return;

  g_settings_set_string (self->settings, "period-kind", period_kind_names[kind]);
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (period_kind_names[kind]));

  if (!jd_session_get_period (self->session, &period) || period.kind == kind)
    return;

  /* Keep the latest month in view: from 2024-08, Quarter shows 2024Q3 and
   * Year to Date 2024-01..2024-08. */
  jd_session_get_month_range (self->session, NULL, &last_month);
  period = jd_period_containing (kind, MIN (jd_period_last_month (&period), last_month));
  jd_window_set_period (self, &period);
}

/* One period back (@direction -1) or forward (1) at the same granularity:
 * a year to date moves its last month, January–October to January–
 * November.  Returns FALSE where the step would find no new data. */
static gboolean
step_period (JdWindow *self,
             int       direction,
             JdPeriod *out)
{
  JdPeriod period;
  int first_month, last_month;

  if (!jd_session_get_period (self->session, &period) ||
      !jd_session_get_month_range (self->session, &first_month, &last_month))
    return FALSE;

  if (jd_period_is_year_to_date (&period))
    *out = jd_period_containing (JD_PERIOD_RANGE, jd_month_add (jd_period_last_month (&period), direction));
  else if (direction < 0)
    *out = jd_period_previous (&period);
  else
    *out = jd_period_next (&period);

  /* Forward only while months with data lie ahead, back while the step
   * still reaches some. */
  if (direction > 0)
    return jd_period_last_month (&period) < last_month;
  return jd_period_last_month (out) >= first_month;
}

/* Alt+← and Alt+→: one period back or forward, at the same granularity. */
static void
step_period_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  JdPeriod period;

  if (step_period (self, g_str_equal (action_name, "win.previous-period") ? -1 : 1, &period))
    jd_window_set_period (self, &period);
}

static void
on_session_changed_cb (JdWindow  *self,
                       guint      what,
                       JdSession *session)
{
  JdPeriod period;

  /* A drill-down (a month of a chart) may change the kind of period. */
  if ((what & JD_SESSION_CHANGED_PERIOD) && jd_session_get_period (session, &period) &&
      gtk_drop_down_get_selected (self->kind_dropdown) != (guint)period.kind)
    gtk_drop_down_set_selected (self->kind_dropdown, period.kind);

  if (what & JD_SESSION_CHANGED_FILTER)
    _jd_window_update_title (self);

  _jd_window_update_actions (self);
}

/* The profile's Back takes the place of the narrow window's button to the
 * list of pages: the header has no room for both at 360 px. */
static void
update_header_buttons (JdWindow *self)
{
  gboolean agency = showing_agency (self);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), agency);
  gtk_widget_set_visible (GTK_WIDGET (self->pages_button), self->compact && !agency);
}

/* Called for the pages' stack and for the content's: a page chosen in
 * the sidebar while the profile shows replaces the profile. */
static void
on_page_changed_cb (JdWindow   *self,
                    GParamSpec *pspec,
                    GtkStack   *stack)
{
  if (self->back_button == NULL)   /* the template is still being built */
    return;

  if (stack == self->pages && showing_agency (self))
    gtk_stack_set_visible_child_name (self->content, "pages");

  if (stack == self->content)
    {
      update_header_buttons (self);
      _jd_window_update_title (self);
      _jd_window_update_actions (self);
    }

  update_loading (self);
}

/* A narrow window's header bar: the pages button instead of the sidebar,
 * and no room for Import and the period's kind beside ← and →; the main
 * menu has both then (and Ctrl+I still imports). */
static void
set_compact (JdWindow *self,
             gboolean  compact)
{
  GAction *period_kind = g_action_map_lookup_action (G_ACTION_MAP (self), "period-kind");

  self->compact = compact;
  update_header_buttons (self);
  gtk_widget_set_visible (self->import_button, !compact);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_dropdown), !compact);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (period_kind), compact);
}

static gboolean
update_header_cb (gpointer user_data)
{
  JdWindow *self = user_data;

  self->header_source = 0;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  set_compact (self, adw_leaflet_get_folded (self->leaflet));
  G_GNUC_END_IGNORE_DEPRECATIONS

  return G_SOURCE_REMOVE;
}

/* Before the window is on screen the leaflet has not folded yet: a window
 * opening narrower than the sidebar and a page starts compact, or its
 * header bar would widen it. */
static void
on_default_width_cb (JdWindow   *self,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  int width, height, sidebar, page;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_widget_get_size_request (self->sidebar, &sidebar, NULL);
  gtk_widget_get_size_request (GTK_WIDGET (self->content), &page, NULL);
  set_compact (self, width > 0 && width < sidebar + page);
}

static void
on_folded_cb (JdWindow   *self,
              GParamSpec *pspec,
              AdwLeaflet *leaflet)
{
  /* Folded (a narrow window), the pages take the whole width and the
   * sidebar is one button away. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (adw_leaflet_get_folded (leaflet))
    adw_leaflet_set_visible_child (leaflet, GTK_WIDGET (self->content));
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The leaflet folds while the window lays out its children, after the
   * header bar has had its size: the header's buttons change after this
   * frame, or the header bar is drawn with no allocation. */
  if (self->header_source == 0)
    self->header_source = g_idle_add (update_header_cb, self);
}

static void
on_page_loading_cb (JdWindow   *self,
                    GParamSpec *pspec,
                    JdPage     *page)
{
  update_loading (self);
}

static void
on_page_failed_cb (JdWindow     *self,
                   const GError *error,
                   JdPage       *page)
{
  _jd_window_show_error (self, error);
}

/* A click on an agency anywhere (a row, a bar, a warning) opens its
 * profile over the page; Back returns to that page as it was. */
static void
on_page_open_agency_cb (JdWindow   *self,
                        const char *code,
                        JdPage     *page)
{
  jd_agency_page_set_agency (self->agency_page, code);
  gtk_stack_set_visible_child_name (self->content, "agency");
  _jd_window_update_title (self);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content));
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
on_agency_name_cb (JdWindow     *self,
                   GParamSpec   *pspec,
                   JdAgencyPage *page)
{
  _jd_window_update_title (self);
}

static void
connect_page (JdWindow *self,
              JdPage   *page)
{
  g_signal_connect_object (page, "notify::loading", G_CALLBACK (on_page_loading_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "failed", G_CALLBACK (on_page_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "open-agency", G_CALLBACK (on_page_open_agency_cb), self, G_CONNECT_SWAPPED);
}

static void
add_pages (JdWindow *self)
{
  GtkStackPage *stack_page;

  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    {
      JdPage *page = g_object_new (page_types[i].get_type (), "session", self->session, NULL);

      stack_page = gtk_stack_add_titled (self->pages, GTK_WIDGET (page), page_types[i].name,
                                         jd_page_get_title (page));
      gtk_stack_page_set_icon_name (stack_page, jd_page_get_icon_name (page));
      connect_page (self, page);
    }

  /* The report writes a document, not a page of figures, but it sits in
   * the sidebar with the pages. */
  self->report_view = JD_REPORT_VIEW (jd_report_view_new (self->session));
  stack_page = gtk_stack_add_titled (self->pages, GTK_WIDGET (self->report_view), "report", _("Report"));
  gtk_stack_page_set_icon_name (stack_page, "x-office-document-symbolic");
  g_signal_connect_object (self->report_view, "notify::busy", G_CALLBACK (on_page_loading_cb),
                           self, G_CONNECT_SWAPPED);

  self->slides_view = JD_SLIDES_VIEW (jd_slides_view_new (self->session));
  /* Translators: the sidebar's entry for the joint meeting's slides; zh_CN: "联席会议" */
  stack_page = gtk_stack_add_titled (self->pages, GTK_WIDGET (self->slides_view), "slides", _("Meeting Slides"));
  gtk_stack_page_set_icon_name (stack_page, "x-office-presentation-symbolic");

  /* The profile is no page of the sidebar's: it opens over the others. */
  jd_page_set_session (JD_PAGE (self->agency_page), self->session);
  connect_page (self, JD_PAGE (self->agency_page));
  g_signal_connect_object (self->agency_page, "notify::agency-name", G_CALLBACK (on_agency_name_cb),
                           self, G_CONNECT_SWAPPED);
}

/* Escape, the header's back button and the mouse's back button: from the
 * agency profile to the page the user came from, as they left it. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  if (showing_agency (self))
    gtk_stack_set_visible_child_name (self->content, "pages");
}

static void
on_back_button_pressed_cb (JdWindow        *self,
                           int              n_press,
                           double           x,
                           double           y,
                           GtkGestureClick *gesture)
{
  if (showing_agency (self))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

/* Ctrl+1 … Ctrl+8 */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  jd_window_show_page (JD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Ctrl+P: the report, printed (once it is written, if it is not yet). */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "dashboard") != 0)
    return;

  jd_window_show_page (self, "report");
  if (!jd_report_view_print (self->report_view, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    _jd_window_show_toast (self, error->message);
}

/* F9, and the button of a narrow window: back to the list of pages. */
static void
show_pages_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_widget_grab_focus (self->sidebar);
}

/* The wall display, over this window's database, period and filter.
 * Always enabled: `jiandu --kiosk` opens it while the database opens,
 * and its pages fill in when the figures are there. */
static void
kiosk_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (jd_kiosk_window_new (GTK_WINDOW (self), self->session)));
}

/* F5: the session's figures as slides, full screen (the shaped deck on the Meeting Slides page). */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  /* On the Meeting Slides page, F5 presents the deck as the analyst shaped it. */
  if (!showing_agency (self) && gtk_stack_get_visible_child (self->pages) == GTK_WIDGET (self->slides_view))
    {
      gtk_widget_activate_action (GTK_WIDGET (self->slides_view), "slides.present", NULL);
      return;
    }

  jd_presentation_window_present_session (GTK_WINDOW (self), self->session);
}

/* Ctrl+Shift+F */
static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "dashboard") == 0)
    jd_filter_bar_popup (self->filter_bar);
}

static gboolean
jd_window_close_request (GtkWindow *window)
{
  JdWindow *self = JD_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  g_cancellable_cancel (self->open_cancellable);

  return GTK_WINDOW_CLASS (jd_window_parent_class)->close_request (window);
}

static void
jd_window_dispose (GObject *object)
{
  JdWindow *self = (JdWindow *)object;

  _jd_window_clear_open (self);
  g_clear_handle_id (&self->header_source, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_WINDOW);

  G_OBJECT_CLASS (jd_window_parent_class)->dispose (object);
}

static void
jd_window_finalize (GObject *object)
{
  JdWindow *self = (JdWindow *)object;

  g_clear_object (&self->open_task);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->keyring_cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_window_parent_class)->finalize (object);
}

static void
jd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JdWindow *self = JD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, jd_window_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_window_class_init (JdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jd_window_dispose;
  object_class->finalize = jd_window_finalize;
  object_class->get_property = jd_window_get_property;

  window_class->close_request = jd_window_close_request;

  /**
   * JdWindow:loading:
   *
   * Whether the window is opening a database or reading figures.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JD_TYPE_FILTER_BAR);
  g_type_ensure (JD_TYPE_AGENCY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, fill_demo_button);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, pages_button);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, content);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, agency_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, pages);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_cb);

  gtk_widget_class_install_action (widget_class, "win.previous-period", NULL, step_period_action);
  gtk_widget_class_install_action (widget_class, "win.next-period", NULL, step_period_action);
  _jd_window_class_add_open_actions (widget_class);
  _jd_window_class_add_file_actions (widget_class);
  _jd_window_class_add_server_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-pages", NULL, show_pages_action);
  gtk_widget_class_install_action (widget_class, "win.filter", NULL, filter_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.kiosk", NULL, kiosk_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);

  /* Without a GtkApplication (as in tests) the same keys still work. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.previous-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-pages", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);
  /* Ctrl+1 … Ctrl+8: the pages, in the sidebar's order. */
  for (guint i = 0; i < G_N_ELEMENTS (page_types) && i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", page_types[i].name);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK, "win.show-page", "s", "report");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.show-page", "s", "slides");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}

static void
jd_window_init (JdWindow *self)
{
  g_autofree char *kind = NULL;
  g_autoptr(GSimpleAction) period_kind = NULL;
  GtkGesture *back_gesture;

  /* First: the template's signal handlers may ask it for the period. */
  self->session = jd_session_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  period_kind = g_simple_action_new_stateful ("period-kind", G_VARIANT_TYPE_STRING,
                                              g_variant_new_string (period_kind_names[0]));
  g_simple_action_set_enabled (period_kind, FALSE);
  g_signal_connect_object (period_kind, "change-state", G_CALLBACK (on_period_kind_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (period_kind));
  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_default_width_cb), NULL);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  kind = g_settings_get_string (self->settings, "period-kind");
  gtk_drop_down_set_selected (self->kind_dropdown,
                              g_str_equal (kind, "year-to-date") ? JD_PERIOD_RANGE :
                              g_str_equal (kind, "year") ? JD_PERIOD_YEAR :
                              g_str_equal (kind, "quarter") ? JD_PERIOD_QUARTER : JD_PERIOD_MONTH);

  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  jd_filter_bar_set_session (self->filter_bar, self->session);
  add_pages (self);

  _jd_window_add_drop_target (self);

  /* The mouse's back button (button 8) leaves the agency profile. */
  back_gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (back_gesture), 8);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (back_gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (back_gesture, "pressed", G_CALLBACK (on_back_button_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (back_gesture));

  _jd_window_update_actions (self);
}

JdStore *
jd_window_get_store (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return jd_session_get_store (self->session);
}

gboolean
jd_window_get_loading (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), FALSE);

  return self->loading;
}

/**
 * jd_window_get_period:
 * @period: (out): the period on show
 *
 * Returns: %FALSE when no period is on show (no database, or an empty one)
 */
gboolean
jd_window_get_period (JdWindow *self,
                      JdPeriod *period)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), FALSE);

  return jd_session_get_period (self->session, period);
}

void
jd_window_set_period (JdWindow       *self,
                      const JdPeriod *period)
{
  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (period != NULL);

  if (jd_session_get_store (self->session) == NULL)
    return;

  jd_session_set_period (self->session, period);
}

/**
 * jd_window_get_session:
 *
 * Returns: (transfer none): the store, period and filter the pages show
 */
JdSession *
jd_window_get_session (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * jd_window_get_page:
 * @name: "overview", "agencies", "warnings"…
 *
 * Returns: (transfer none) (nullable): the page called @name
 */
JdPage *
jd_window_get_page (JdWindow   *self,
                    const char *name)
{
  GtkWidget *page;

  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "agency"))
    return JD_PAGE (self->agency_page);

  page = gtk_stack_get_child_by_name (self->pages, name);
  return page != NULL && JD_IS_PAGE (page) ? JD_PAGE (page) : NULL;
}

/**
 * jd_window_show_page:
 * @name: the page to show, as jd_window_get_page() names it
 */
void
jd_window_show_page (JdWindow   *self,
                     const char *name)
{
  g_return_if_fail (JD_IS_WINDOW (self));

  if (gtk_stack_get_child_by_name (self->pages, name) == NULL)
    return;

  gtk_stack_set_visible_child_name (self->pages, name);
  gtk_stack_set_visible_child_name (self->content, "pages");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content));
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* jd-window.c — the main window: one database, its overview dashboard
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-window"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jd-application.h"
#include "jd-chart-view.h"
#include "jd-demo.h"
#include "jd-format.h"
#include "jd-import-window.h"
#include "jd-kpi-card.h"
#include "jd-overview.h"
#include "jd-warnings.h"
#include "jd-window.h"

struct _JdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* The database on show, and what we know of it. */
  JdStore              *store;
  int                   first_month;
  int                   last_month;
  gboolean              has_period;
  JdPeriod              period;

  /* Work under way: opening (and maybe filling) a database, or loading
   * the figures of a period.  Each has its own cancellable, replaced when
   * newer work makes the old result useless. */
  GTask                *open_task;
  GCancellable         *open_cancellable;
  GCancellable         *load_cancellable;
  guint                 progress_source;
  gboolean              loading;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkDropDown          *kind_dropdown;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *error_page;
  GtkLabel             *period_label;
  GtkLabel             *period_note;
  JdKpiCard            *cases_card;
  JdKpiCard            *complaints_card;
  JdKpiCard            *loss_rate_card;
  JdChartView          *decided_chart;
  GtkLabel             *warnings_heading;
  GtkListBox           *warnings_list;

  GPtrArray            *warnings;          /* of the period on show */
  int                   chart_first_month; /* of the monthly chart on show */
  gboolean              all_warnings;      /* the user asked to see them all */
};

G_DEFINE_FINAL_TYPE (JdWindow, jd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker that opens a database hands back. */
typedef struct
{
  char     *path;
  gboolean  fill_if_empty;
  int       permille;        /* progress of the demo generator, atomic */

  JdStore  *store;
  gboolean  empty;
  gboolean  has_range;
  int       first_month;
  int       last_month;
} OpenData;

static void load_overview (JdWindow *self);

static void
open_data_free (OpenData *data)
{
  g_clear_pointer (&data->path, g_free);
  g_clear_object (&data->store);
  g_free (data);
}

static void
set_loading (JdWindow *self,
             gboolean  loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_actions (JdWindow *self)
{
  gboolean ready = self->store != NULL && self->has_period;
  gboolean can_previous = ready && jd_period_first_month (&self->period) > self->first_month;
  gboolean can_next = ready && jd_period_last_month (&self->period) < self->last_month;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-period", can_previous);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-period", can_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), ready);
}

static void
show_error (JdWindow     *self,
            const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
show_toast (JdWindow   *self,
            const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gboolean
update_progress_cb (gpointer user_data)
{
  JdWindow *self = user_data;
  OpenData *data;
  int permille;

  if (self->open_task == NULL)
    {
      self->progress_source = 0;
      return G_SOURCE_REMOVE;
    }

  data = g_task_get_task_data (self->open_task);
  permille = g_atomic_int_get (&data->permille);
  if (permille > 0)
    {
      adw_status_page_set_title (self->loading_page, _("Building the Demo City…"));
      adw_status_page_set_description (self->loading_page,
                                       _("Five years of cases, complaints, lawsuits and reviews of a made-up city, for a first look around. This takes a few seconds, once."));
      gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
      gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
    }
  else
    gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

/* Worker thread: runs the demo generator's progress into OpenData. */
static void
demo_progress_cb (double   fraction,
                  gpointer user_data)
{
  OpenData *data = user_data;

  g_atomic_int_set (&data->permille, CLAMP ((int)(fraction * 1000.0), 1, 1000));
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  g_autofree char *dir = NULL;

  if (data->fill_if_empty)
    {
      dir = g_path_get_dirname (data->path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                   _("Could not create the folder “%s”: %s"),
                                   dir, g_strerror (saved_errno));
          return;
        }
    }

  data->store = jd_store_open (data->path, &error);
  if (data->store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->fill_if_empty && jd_store_is_empty (data->store))
    {
      if (!jd_demo_generate (data->store, JD_DEMO_DEFAULT_SEED, JD_DEMO_DEFAULT_CASES,
                             demo_progress_cb, data, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  data->empty = jd_store_is_empty (data->store);
  data->has_range = jd_store_get_month_range (data->store, &data->first_month, &data->last_month);

  g_task_return_boolean (task, TRUE);
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  OpenData *data = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if ((gpointer)result == (gpointer)self->open_task)
        {
          g_clear_object (&self->open_task);
          show_error (self, error);
          set_loading (self, FALSE);
          update_actions (self);
        }
      return;
    }

  /* A newer open started since: its result is the one that counts. */
  if ((gpointer)result != (gpointer)self->open_task)
    return;
  g_clear_object (&self->open_task);

  g_set_object (&self->store, data->store);
  g_settings_set_string (self->settings, "last-database", data->path);

  basename = g_filename_display_basename (data->path);
  adw_window_title_set_subtitle (self->window_title, basename);

  self->has_period = FALSE;
  if (data->has_range)
    {
      JdPeriodKind kind = gtk_drop_down_get_selected (self->kind_dropdown);

      self->first_month = data->first_month;
      self->last_month = data->last_month;
      self->period = jd_period_containing (kind, data->last_month);
      self->has_period = TRUE;
    }

  if (data->empty || !data->has_range)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_loading (self, FALSE);
      update_actions (self);
      return;
    }

  load_overview (self);
}

void
jd_window_open_path (JdWindow   *self,
                     const char *path,
                     gboolean    fill_if_empty)
{
  OpenData *data;

  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->fill_if_empty = fill_if_empty;

  g_clear_object (&self->open_task);
  self->open_task = g_task_new (self, self->open_cancellable, open_done_cb, g_object_ref (self));
  g_task_set_task_data (self->open_task, data, (GDestroyNotify)open_data_free);
  g_task_run_in_thread (self->open_task, open_thread);

  adw_status_page_set_title (self->loading_page, _("Opening the Database…"));
  adw_status_page_set_description (self->loading_page, NULL);
  gtk_progress_bar_set_show_text (self->progress_bar, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (self->progress_source == 0)
    self->progress_source = g_timeout_add (100, update_progress_cb, self);

  set_loading (self, TRUE);
  update_actions (self);
}

static void
show_overview (JdWindow         *self,
               const JdOverview *overview)
{
  const JdMetrics *now = overview->current;
  const JdMetrics *prev = overview->previous;
  const JdMetrics *last_year = overview->year_earlier;
  g_autofree char *period_text = jd_period_format (&overview->period);
  g_autofree char *previous_text = NULL;
  g_autofree char *year_earlier_text = NULL;
  g_autofree char *note = NULL;
  JdPeriod other;

  gtk_label_set_text (self->period_label, period_text);

  other = jd_period_previous (&overview->period);
  previous_text = jd_period_format (&other);
  other = jd_period_year_earlier (&overview->period);
  year_earlier_text = jd_period_format (&other);
  /* Translators: under the period heading; the first %s is the same
   * period a year earlier (同比), the second the period before (环比) */
  note = g_strdup_printf (_("Year on year: compared with %s. Period on period: compared with %s."),
                          year_earlier_text, previous_text);
  gtk_label_set_text (self->period_note, note);

  jd_kpi_card_set_figures (self->cases_card, now, prev, last_year,
                           overview->spark, overview->first_spark_month);
  jd_kpi_card_set_figures (self->complaints_card, now, prev, last_year,
                           overview->spark, overview->first_spark_month);
  jd_kpi_card_set_figures (self->loss_rate_card, now, prev, last_year,
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
}

/* The most the list shows before a row offers the rest. */
#define MAX_WARNING_ROWS 8

static void show_warnings (JdWindow *self);

static void
on_more_warnings_cb (JdWindow      *self,
                     AdwActionRow  *row)
{
  self->all_warnings = TRUE;
  show_warnings (self);
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
show_warnings (JdWindow *self)
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
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No warnings in this period"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->warnings_list, row);
      return;
    }

  for (guint i = 0; i < warnings->len && i < limit; i++)
    {
      const JdWarning *warning = g_ptr_array_index (warnings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jd_warning_rule_label (warning->rule));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), warning->message);
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

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JdWindow) self = user_data;
  g_autoptr(JdOverview) overview = NULL;
  g_autoptr(GError) error = NULL;

  overview = jd_overview_load_finish (JD_STORE (object), result, &error);
  if (overview == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_error (self, error);
          set_loading (self, FALSE);
        }
      return;
    }

  /* An answer for a period the user has already left is of no use. */
  if (!self->has_period || !jd_period_equal (&overview->period, &self->period) ||
      JD_STORE (object) != self->store)
    return;

  show_overview (self, overview);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = g_ptr_array_ref (overview->warnings);
  self->all_warnings = FALSE;
  show_warnings (self);
  gtk_stack_set_visible_child_name (self->stack, "dashboard");
  set_loading (self, FALSE);
  update_actions (self);
}

static void
load_overview (JdWindow *self)
{
  g_return_if_fail (self->store != NULL);
  g_return_if_fail (self->has_period);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  update_actions (self);
  set_loading (self, TRUE);
  jd_overview_load_async (self->store, &self->period, NULL, self->load_cancellable,
                          load_done_cb, g_object_ref (self));
}

static void
on_kind_selected_cb (JdWindow    *self,
                     GParamSpec  *pspec,
                     GtkDropDown *dropdown)
{
  JdPeriodKind kind = gtk_drop_down_get_selected (dropdown);
  const char * const names[] = { "month", "quarter", "year" };

  if (kind > JD_PERIOD_YEAR)
    return;

  g_settings_set_string (self->settings, "period-kind", names[kind]);

  if (!self->has_period || self->period.kind == kind)
    return;

  /* Keep the latest month in view: from 2024-08, Quarter shows 2024Q3. */
  self->period = jd_period_containing (kind, MIN (jd_period_last_month (&self->period),
                                                  self->last_month));
  load_overview (self);
}

/* After an import or an undo, the dashboard shows the new figures. */
static void
on_imported_cb (JdImportWindow *import_window,
                JdWindow       *self)
{
  if (self->store != NULL)
    jd_window_open_path (self, jd_store_get_path (self->store), FALSE);
}

static JdImportWindow *
show_import_window (JdWindow *self)
{
  JdImportWindow *import_window;

  if (self->store == NULL)
    {
      show_toast (self, _("Open a database first, then import into it"));
      return NULL;
    }

  import_window = jd_import_window_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (import_window, "imported", G_CALLBACK (on_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (import_window));

  return import_window;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  show_import_window (JD_WINDOW (widget));
}

static gboolean
is_import_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".xlsx") ||
                           g_str_has_suffix (lower, ".xls") || g_str_has_suffix (lower, ".txt"));
}

/* Whether @file starts as an SQLite database does: the 16 bytes of its
 * header, read on the spot.  Anything else dropped on the window is
 * neither to import nor to open, and must not cost the user the
 * dashboard they are looking at. */
static gboolean
is_database_file (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char header[16];
  gsize n = 0;

  return stream != NULL &&
         g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n, NULL, NULL) &&
         n == sizeof header && memcmp (header, "SQLite format 3", sizeof header) == 0;
}

/* A click on a month of the chart shows that month. */
static void
on_chart_point_activated_cb (JdWindow    *self,
                             int          series,
                             int          index,
                             JdChartView *chart)
{
  JdPeriod month;

  if (self->chart_first_month == 0 || index < 0)
    return;

  month = jd_period_containing (JD_PERIOD_MONTH, jd_month_add (self->chart_first_month, index));
  jd_window_set_period (self, &month);
}

static gboolean
on_drop_cb (JdWindow      *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  /* A spreadsheet or CSV export is imported; a database is opened. */
  if (is_import_file (files->data))
    {
      JdImportWindow *import_window = show_import_window (self);

      if (import_window != NULL)
        jd_import_window_open_file (import_window, files->data);
      return TRUE;
    }

  if (!is_database_file (files->data))
    {
      g_autofree char *name = g_file_get_basename (files->data);
      g_autofree char *display = g_filename_display_name (name);
      g_autofree char *message = g_strdup_printf (_("“%s” is neither a table to import (CSV, XLSX, XLS) nor a database"),
                                                  display);

      show_toast (self, message);
      return FALSE;
    }

  jd_window_open_file (self, files->data);
  return TRUE;
}

/* Alt+← and Alt+→: one period back or forward, at the same granularity. */
static void
step_period_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  JdPeriod period;

  if (!self->has_period)
    return;

  if (g_str_equal (action_name, "win.previous-period"))
    period = jd_period_previous (&self->period);
  else
    period = jd_period_next (&self->period);

  jd_window_set_period (self, &period);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  if (self->store != NULL)
    jd_window_open_path (self, jd_store_get_path (self->store), FALSE);
}

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Jiandu databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.jiandu");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");

  return filter;
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(JdWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      jd_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = database_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_new_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(JdWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      /* A new database never replaces a file that is already there, even
       * if the file chooser asked about overwriting it. */
      if (path == NULL)
        show_toast (self, _("Databases can only be created on this computer’s disks"));
      else if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_autofree char *message = g_strdup_printf (_("“%s” already exists; choose another name"), name);

          show_toast (self, message);
        }
      else
        jd_window_open_path (self, path, FALSE);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = database_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("New Empty Database"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* Translators: the file name offered for a new database */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("supervision.db"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autofree char *path = jd_application_get_demo_path ();

  jd_window_open_path (JD_WINDOW (widget), path, TRUE);
}

static void
fill_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  if (self->store != NULL)
    jd_window_open_path (self, jd_store_get_path (self->store), TRUE);
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
  g_cancellable_cancel (self->load_cancellable);

  return GTK_WINDOW_CLASS (jd_window_parent_class)->close_request (window);
}

static void
jd_window_dispose (GObject *object)
{
  JdWindow *self = (JdWindow *)object;

  g_cancellable_cancel (self->open_cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_WINDOW);

  G_OBJECT_CLASS (jd_window_parent_class)->dispose (object);
}

static void
jd_window_finalize (GObject *object)
{
  JdWindow *self = (JdWindow *)object;

  g_clear_object (&self->open_task);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

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

  g_type_ensure (JD_TYPE_KPI_CARD);
  g_type_ensure (JD_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, period_label);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, period_note);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, cases_card);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, complaints_card);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, loss_rate_card);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, decided_chart);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, warnings_heading);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, warnings_list);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.previous-period", NULL, step_period_action);
  gtk_widget_class_install_action (widget_class, "win.next-period", NULL, step_period_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.fill-demo", NULL, fill_demo_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);

  /* Without a GtkApplication (as in tests) the same keys still work. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.previous-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
}

static void
jd_window_init (JdWindow *self)
{
  g_autofree char *kind = NULL;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  kind = g_settings_get_string (self->settings, "period-kind");
  gtk_drop_down_set_selected (self->kind_dropdown,
                              g_str_equal (kind, "year") ? JD_PERIOD_YEAR :
                              g_str_equal (kind, "quarter") ? JD_PERIOD_QUARTER : JD_PERIOD_MONTH);

  g_signal_connect_object (self->decided_chart, "point-activated",
                           G_CALLBACK (on_chart_point_activated_cb), self, G_CONNECT_SWAPPED);

  /* Dropping a database file on the window opens it. */
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  update_actions (self);
}

/**
 * jd_window_open_last:
 *
 * Opens the database of last time; on the first run, or if that file is
 * gone, the demo database (built on the spot when it does not exist yet).
 */
void
jd_window_open_last (JdWindow *self)
{
  g_autofree char *last = NULL;
  g_autofree char *demo = NULL;

  g_return_if_fail (JD_IS_WINDOW (self));

  last = g_settings_get_string (self->settings, "last-database");
  demo = jd_application_get_demo_path ();

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    jd_window_open_path (self, last, g_str_equal (last, demo));
  else
    jd_window_open_path (self, demo, TRUE);
}

void
jd_window_open_file (JdWindow *self,
                     GFile    *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (self, _("Databases can only be opened from this computer’s disks"));
      return;
    }

  /* A mistyped path on the command line (`jiandu PATH`) must not leave
   * an empty database behind: opening never creates one, only “New Empty
   * Database…” does. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autoptr(GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no file “%s”. To start a new database there, choose “New Empty Database…” in the main menu."),
                   display);
      g_cancellable_cancel (self->open_cancellable);
      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->open_task);
      g_clear_object (&self->store);
      self->has_period = FALSE;
      show_error (self, error);
      set_loading (self, FALSE);
      update_actions (self);
      return;
    }

  jd_window_open_path (self, path, FALSE);
}

JdStore *
jd_window_get_store (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->store;
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

  if (self->has_period)
    *period = self->period;

  return self->has_period;
}

void
jd_window_set_period (JdWindow       *self,
                      const JdPeriod *period)
{
  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (period != NULL);

  if (self->store == NULL)
    return;

  if (self->has_period && jd_period_equal (period, &self->period))
    return;

  self->period = *period;
  self->has_period = TRUE;
  if (gtk_drop_down_get_selected (self->kind_dropdown) != (guint)period->kind)
    gtk_drop_down_set_selected (self->kind_dropdown, period->kind);

  load_overview (self);
}

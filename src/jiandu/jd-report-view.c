/* jd-report-view.c — the analysis report in the window: outline, pages, editing
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view writes the report for the session's period and filter in a
 * worker (jd_report_build, then the layout), with its progress and a
 * Cancel; it shows the section headings and the paragraphs that can be
 * edited in an outline beside the pages, which the preview draws with the
 * one painter.  The analyst's wording is saved per period, filter and
 * template (jd_report_edit_save) and the report is written again; the
 * same document prints and exports.
 */

#define G_LOG_DOMAIN "jd-report-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jd-cockpit-tables.h"
#include "jd-report.h"
#include "jd-report-edits.h"
#include "jd-report-outline.h"
#include "jd-report-view-internal.h"
#include "jd-save-dialog.h"

G_DEFINE_FINAL_TYPE (JdReportView, jd_report_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
show_toast (JdReportView *self,
            const char   *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
_jd_report_view_show_error (JdReportView *self,
                            const char   *heading,
                            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (JdReportView *self)
{
  gboolean ready = self->doc != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "report") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.cancel", self->building || self->exporting > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->outline_button), ready);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  JdReportView *self = user_data;
  double fraction = g_atomic_int_get (&self->permille) / 1000.0;

  gtk_progress_bar_set_fraction (self->building_progress, fraction);
  gtk_progress_bar_set_fraction (self->busy_progress, fraction);

  return G_SOURCE_CONTINUE;
}

/* The running job shows on the status page while there is no report to
 * look at, else in a bar over the pages. */
static void
update_busy (JdReportView *self,
             const char   *what)
{
  gboolean busy = self->building || self->exporting > 0;

  if (what != NULL)
    gtk_label_set_text (self->busy_label, what);
  gtk_revealer_set_reveal_child (self->busy_revealer,
                                 busy && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "building") != 0);

  if (busy && self->progress_source == 0)
    {
      g_atomic_int_set (&self->permille, 0);
      update_progress_cb (self);
      self->progress_source = g_timeout_add (100, update_progress_cb, self);
    }
  else if (!busy)
    g_clear_handle_id (&self->progress_source, g_source_remove);

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_doc (JdReportView *self,
          JdReportBuild    *data)
{
  guint n_pages = jd_doc_layout_get_n_pages (data->layout);
  g_autofree char *pages = g_strdup_printf (ngettext ("%u page", "%u pages", n_pages), n_pages);
  int focus;

  /* The old layout goes before the old document it was made of. */
  jd_report_preview_set_layout (self->preview, g_steal_pointer (&data->layout));
  g_clear_pointer (&self->doc, jd_doc_unref);
  self->doc = g_steal_pointer (&data->doc);
  self->doc_period = data->period;
  jd_filter_clear (&self->doc_filter);
  jd_filter_copy (&self->doc_filter, &data->filter);
  self->doc_template = data->template;

  gtk_label_set_text (self->pages_label, pages);
  jd_report_outline_fill (self->outline, self->doc);

  focus = self->focus_key != NULL ? jd_doc_find_block (self->doc, self->focus_key) : -1;
  if (focus >= 0)
    jd_report_preview_scroll_to_block (self->preview, focus);
  g_clear_pointer (&self->focus_key, g_free);

  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
build_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  JdReportView *self = JD_REPORT_VIEW (object);
  JdReportBuild *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean print = self->print_when_ready;

  /* A newer build is on its way: this one is for a period or filter the
   * user has left. */
  if (data->generation != self->generation)
    return;

  self->building = FALSE;
  self->print_when_ready = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* A report already on show stays; without one, say so. */
          if (self->doc == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "building") == 0)
            {
              adw_status_page_set_title (self->error_page, _("The Report Was Not Written"));
              adw_status_page_set_description (self->error_page, _("You cancelled it. Write it again when you are ready."));
              gtk_stack_set_visible_child_name (self->stack, "error");
            }
        }
      else
        {
          adw_status_page_set_title (self->error_page, _("Could Not Write the Report"));
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      self->dirty = TRUE;
      update_busy (self, NULL);
      return;
    }

  show_doc (self, data);
  update_busy (self, NULL);

  if (print)
    gtk_widget_activate_action (GTK_WIDGET (self), "report.print", NULL);
}

/* Whether the session's period has data to write about. */
static gboolean
has_data (JdReportView *self,
          JdPeriod     *period)
{
  int first_month, last_month;

  return jd_session_is_ready (self->session) &&
         jd_session_get_period (self->session, period) &&
         jd_session_get_month_range (self->session, &first_month, &last_month) &&
         jd_period_last_month (period) >= first_month &&
         jd_period_cover (period, last_month, NULL, NULL, NULL) != JD_COVERAGE_NONE;
}

/* Writes the report again, for the session's period and filter; with
 * @keep_preview (after an edit) the pages stay on show meanwhile. */
void
_jd_report_view_rebuild (JdReportView *self,
                         gboolean      keep_preview)
{
  g_autoptr(GTask) task = NULL;
  JdReportBuild *data;
  JdPeriod period;

  g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  self->generation++;
  self->building = FALSE;

  if (self->session == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      update_busy (self, NULL);
      return;
    }
  self->dirty = FALSE;

  if (!has_data (self, &period))
    {
      jd_report_preview_set_layout (self->preview, NULL);
      g_clear_pointer (&self->doc, jd_doc_unref);
      jd_report_outline_fill (self->outline, self->doc);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_busy (self, NULL);
      return;
    }

  data = g_new0 (JdReportBuild, 1);
  data->store = g_object_ref (jd_session_get_store (self->session));
  data->period = period;
  jd_filter_copy (&data->filter, jd_session_get_filter (self->session));
  data->template = self->template;
  data->permille = &self->permille;
  data->generation = self->generation;

  self->build_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->build_cancellable, build_done_cb, NULL);
  g_task_set_source_tag (task, _jd_report_view_rebuild);
  jd_report_build_run (task, data);

  self->building = TRUE;
  if (!keep_preview || self->doc == NULL)
    gtk_stack_set_visible_child_name (self->stack, "building");
  g_clear_handle_id (&self->progress_source, g_source_remove);
  update_busy (self, _("Writing the report…"));
}

static void
on_session_changed_cb (JdReportView *self,
                       guint         what,
                       JdSession    *session)
{
  JdPeriod period;

  /* A new period brings its own template (a quarter, the quarterly
   * report); the analyst may choose another for it. */
  if ((what & (JD_SESSION_CHANGED_PERIOD | JD_SESSION_CHANGED_STORE)) &&
      jd_session_get_period (session, &period))
    {
      self->template = jd_report_template_for_period (&period);
      self->choosing_template = TRUE;
      gtk_drop_down_set_selected (self->template_dropdown, self->template);
      self->choosing_template = FALSE;
    }

  _jd_report_view_rebuild (self, FALSE);
}

static void
on_template_selected_cb (JdReportView *self,
                         GParamSpec   *pspec,
                         GtkDropDown  *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->choosing_template || selected > JD_REPORT_YTD || selected == self->template)
    return;

  self->template = selected;
  _jd_report_view_rebuild (self, FALSE);
}

static void
on_outline_row_activated_cb (JdReportView  *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  guint index = jd_report_outline_row_get_block (row);

  jd_report_preview_scroll_to_block (self->preview, index);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);

  if (jd_report_block_is_editable (jd_doc_get_block (self->doc, index)))
    jd_report_view_edit_paragraph (self, index);
}

static void
on_paragraph_activated_cb (JdReportView    *self,
                           guint            index,
                           JdReportPreview *preview)
{
  jd_report_view_edit_paragraph (self, index);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  JdReportView            *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        _jd_report_view_show_error (self, _("Could Not Print the Report"), error);
    }
}

/* Ctrl+P: the print dialog, drawing with the preview's painter. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!jd_report_view_print (JD_REPORT_VIEW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    _jd_report_view_show_error (JD_REPORT_VIEW (widget), _("Could Not Print the Report"), error);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  JdReportView *self = JD_REPORT_VIEW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  self->exporting--;
  if (self->stack == NULL)   /* disposed meanwhile */
    return;
  update_busy (self, NULL);

  if (jd_report_write_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

      show_toast (self, message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, _("Export cancelled"));
  else
    _jd_report_view_show_error (self, _("Could Not Export the Report"), error);
}

/* The file's extension says PDF or DOCX; without either, the format of
 * the menu item chosen. */
static gboolean
save_report (GtkWidget  *widget,
             GFile      *file,
             GError    **error)
{
  JdReportView *self = JD_REPORT_VIEW (widget);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);
  JdReportFormat format = g_str_has_suffix (lower, ".docx") ? JD_REPORT_FORMAT_DOCX :
                          g_str_has_suffix (lower, ".pdf") ? JD_REPORT_FORMAT_PDF : self->export_format;

  jd_report_view_export_to (self, file, format);
  return TRUE;
}

/* report.export("pdf" | "docx"): a save dialog, then a worker writes. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JdReportView *self = JD_REPORT_VIEW (widget);
  gboolean docx = g_str_equal (g_variant_get_string (parameter, NULL), "docx");
  g_autofree char *name = NULL;

  if (self->doc == NULL)
    return;

  self->export_format = docx ? JD_REPORT_FORMAT_DOCX : JD_REPORT_FORMAT_PDF;
  /* Translators: the file name offered for the report, before "-2026-Q3.pdf" */
  name = jd_table_file_name (_("Law-Enforcement Supervision Report"), &self->doc_period, docx ? "docx" : "pdf");
  jd_save_dialog_run (widget, docx ? _("Export the Report as DOCX") : _("Export the Report as PDF"),
                      name, _("Could Not Export the Report"), save_report);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JdReportView *self = JD_REPORT_VIEW (widget);

  g_cancellable_cancel (self->build_cancellable);
  g_cancellable_cancel (self->export_cancellable);
}

static void
rebuild_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _jd_report_view_rebuild (JD_REPORT_VIEW (widget), FALSE);
}

static void
jd_report_view_map (GtkWidget *widget)
{
  JdReportView *self = JD_REPORT_VIEW (widget);

  GTK_WIDGET_CLASS (jd_report_view_parent_class)->map (widget);

  if (self->dirty || (self->doc == NULL && !self->building))
    _jd_report_view_rebuild (self, FALSE);
}

static void
jd_report_view_dispose (GObject *object)
{
  JdReportView *self = (JdReportView *)object;

  /* Answers still on their way are for nobody now. */
  self->generation++;
  g_cancellable_cancel (self->build_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->editor != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->editor), (gpointer *)&self->editor);
      gtk_window_destroy (GTK_WINDOW (self->editor));
      self->editor = NULL;
    }
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_REPORT_VIEW);

  G_OBJECT_CLASS (jd_report_view_parent_class)->dispose (object);
}

static void
jd_report_view_finalize (GObject *object)
{
  JdReportView *self = (JdReportView *)object;

  g_clear_object (&self->build_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->doc, jd_doc_unref);
  g_clear_pointer (&self->focus_key, g_free);
  jd_filter_clear (&self->doc_filter);

  G_OBJECT_CLASS (jd_report_view_parent_class)->finalize (object);
}

static void
jd_report_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JdReportView *self = JD_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, jd_report_view_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_report_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JdReportView *self = JD_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jd_report_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_report_view_class_init (JdReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_report_view_dispose;
  object_class->finalize = jd_report_view_finalize;
  object_class->get_property = jd_report_view_get_property;
  object_class->set_property = jd_report_view_set_property;

  widget_class->map = jd_report_view_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * JdReportView:busy:
   *
   * Whether the report is being written, or exported.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JD_TYPE_REPORT_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JdReportView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, outline_button);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, template_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, pages_label);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, busy_label);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, busy_progress);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, stack);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, building_page);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, building_progress);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, error_page);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, flap);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, outline);
  gtk_widget_class_bind_template_child (widget_class, JdReportView, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paragraph_activated_cb);

  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "report.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "report.rebuild", NULL, rebuild_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reportview");
}

static void
jd_report_view_init (JdReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self->flap, "reveal-flap", self->outline_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  update_actions (self);
}

GtkWidget *
jd_report_view_new (JdSession *session)
{
  return g_object_new (JD_TYPE_REPORT_VIEW, "session", session, NULL);
}

JdSession *
jd_report_view_get_session (JdReportView *self)
{
  g_return_val_if_fail (JD_IS_REPORT_VIEW (self), NULL);

  return self->session;
}

void
jd_report_view_set_session (JdReportView *self,
                            JdSession    *session)
{
  g_return_if_fail (JD_IS_REPORT_VIEW (self));
  g_return_if_fail (session == NULL || JD_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
      on_session_changed_cb (self, JD_SESSION_CHANGED_STORE, session);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* Writing the report, or exporting it. */
gboolean
jd_report_view_get_busy (JdReportView *self)
{
  g_return_val_if_fail (JD_IS_REPORT_VIEW (self), FALSE);

  return self->building || self->exporting > 0;
}

/**
 * jd_report_view_get_doc:
 *
 * Returns: (transfer none) (nullable): the report on show
 */
JdDoc *
jd_report_view_get_doc (JdReportView *self)
{
  g_return_val_if_fail (JD_IS_REPORT_VIEW (self), NULL);

  return self->doc;
}

JdReportPreview *
jd_report_view_get_preview (JdReportView *self)
{
  g_return_val_if_fail (JD_IS_REPORT_VIEW (self), NULL);

  return self->preview;
}

/**
 * jd_report_view_edit_paragraph:
 * @index: a paragraph block of the report on show, with a key
 *
 * Opens the editor of that paragraph.
 *
 * Returns: (transfer none) (nullable): the editor
 */
JdReportEditor *
jd_report_view_edit_paragraph (JdReportView *self,
                               guint         index)
{
  g_autofree char *section = NULL;
  GtkRoot *root;
  JdBlock *block;
  JdReportEditor *editor;

  g_return_val_if_fail (JD_IS_REPORT_VIEW (self), NULL);

  if (self->doc == NULL || index >= jd_doc_get_n_blocks (self->doc))
    return NULL;
  block = jd_doc_get_block (self->doc, index);
  if (!jd_report_block_is_editable (block))
    return NULL;

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  section = jd_report_section_heading (self->doc, jd_block_get_key (block));
  editor = jd_report_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, section, block);
  g_signal_connect_object (editor, "save", G_CALLBACK (_jd_report_view_on_editor_save_cb), self, 0);
  g_signal_connect_object (editor, "regenerate", G_CALLBACK (_jd_report_view_on_editor_regenerate_cb), self, 0);
  self->editor = GTK_WIDGET (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&self->editor);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

/**
 * jd_report_view_print:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, or EXPORT with
 *   @export_filename (a PDF)
 *
 * Prints the report on show; without one yet (it is being written), it
 * prints once it is there.
 */
gboolean
jd_report_view_print (JdReportView             *self,
                      GtkPrintOperationAction   action,
                      const char               *export_filename,
                      GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkRoot *root;

  g_return_val_if_fail (JD_IS_REPORT_VIEW (self), FALSE);

  if (self->doc == NULL)
    {
      self->print_when_ready = self->building && action == GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
      return TRUE;
    }

  operation = jd_report_print_operation_new (self->doc);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  gtk_print_operation_set_allow_async (operation, action == GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return gtk_print_operation_run (operation, action, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * jd_report_view_export_to:
 *
 * Writes the report on show to @file in a worker, with its progress over
 * the pages; a toast says when it is saved, a dialog why not.
 */
void
jd_report_view_export_to (JdReportView   *self,
                          GFile          *file,
                          JdReportFormat  format)
{
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;

  g_return_if_fail (JD_IS_REPORT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->doc == NULL)
    return;

  if (self->exporting == 0)
    {
      g_clear_object (&self->export_cancellable);
      self->export_cancellable = g_cancellable_new ();
    }

  name = g_file_get_basename (file);
  what = g_strdup_printf (_("Saving “%s”…"), name);
  self->exporting++;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  update_busy (self, what);

  jd_report_write_async (self, self->doc, file, format, &self->permille, self->export_cancellable,
                         on_export_done_cb, g_object_ref (file));
}

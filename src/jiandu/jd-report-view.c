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
#include "jd-report-view.h"
#include "jd-save-dialog.h"

struct _JdReportView
{
  GtkWidget         parent_instance;

  JdSession        *session;

  /* The report on show, and what it was written for: edits are saved
   * against these, not against a session that has moved on. */
  JdDoc            *doc;
  JdPeriod          doc_period;
  JdFilter          doc_filter;
  JdReportTemplate  doc_template;

  JdReportTemplate  template;
  gboolean          choosing_template;   /* the view sets the drop-down itself */

  GCancellable     *build_cancellable;
  GCancellable     *export_cancellable;
  guint             generation;          /* of the latest build; older answers are dropped */
  gboolean          building;
  guint             exporting;
  gboolean          dirty;               /* the session changed while the view was hidden */
  gboolean          print_when_ready;
  char             *focus_key;           /* the paragraph to scroll to once rebuilt */
  int               permille;            /* the running job's progress, atomic */
  guint             progress_source;

  GtkWidget        *editor;              /* weak */

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkToggleButton  *outline_button;
  GtkDropDown      *template_dropdown;
  GtkLabel         *pages_label;
  GtkRevealer      *busy_revealer;
  GtkLabel         *busy_label;
  GtkProgressBar   *busy_progress;
  GtkStack         *stack;
  AdwStatusPage    *building_page;
  GtkProgressBar   *building_progress;
  AdwStatusPage    *error_page;
  AdwFlap          *flap;
  GtkListBox       *outline;
  JdReportPreview  *preview;
};

G_DEFINE_FINAL_TYPE (JdReportView, jd_report_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  JdStore          *store;
  JdPeriod          period;
  JdFilter          filter;
  JdReportTemplate  template;
  int              *permille;
  guint             generation;
  JdDoc            *doc;
  JdDocLayout      *layout;
} BuildData;

static void rebuild (JdReportView *self,
                     gboolean      keep_preview);

static void
build_data_free (BuildData *data)
{
  g_clear_object (&data->store);
  jd_filter_clear (&data->filter);
  g_clear_pointer (&data->layout, jd_doc_layout_free);
  g_clear_pointer (&data->doc, jd_doc_unref);
  g_free (data);
}

static void
show_toast (JdReportView *self,
            const char   *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_error_dialog (JdReportView *self,
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

/* Worker thread */
static void
build_progress_cb (double   fraction,
                   gpointer user_data)
{
  BuildData *data = user_data;

  /* The layout, after the figures, takes the last tenth. */
  g_atomic_int_set (data->permille, CLAMP ((int)(fraction * 900), 0, 900));
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *data = task_data;
  GError *error = NULL;

  data->doc = jd_report_build (data->store, &data->period, &data->filter, data->template,
                               cancellable, build_progress_cb, data, &error);
  if (data->doc == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->layout = jd_doc_layout_new (data->doc, cancellable, &error);
  if (data->layout == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_atomic_int_set (data->permille, 1000);
  g_task_return_boolean (task, TRUE);
}

static gboolean
is_editable (const JdBlock *block)
{
  return jd_block_get_kind (block) == JD_BLOCK_PARAGRAPH && jd_block_get_key (block) != NULL;
}

/* The heading a block stands under: the editor's subtitle. */
static const char *
section_of (JdDoc *doc,
            guint  index)
{
  for (guint i = index + 1; i-- > 0;)
    {
      JdBlock *block = jd_doc_get_block (doc, i);

      if (jd_block_get_kind (block) == JD_BLOCK_HEADING)
        return jd_block_get_text (block);
    }
  return jd_doc_get_title (doc);
}

static GtkWidget *
state_icon (JdParagraphState state)
{
  GtkWidget *icon;

  if (state & JD_PARAGRAPH_STALE)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("The figures changed after this paragraph was edited"));
    }
  else if (state & JD_PARAGRAPH_EDITED)
    {
      icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_tooltip_text (icon, _("Your wording"));
    }
  else
    return NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (icon), -1);
  return icon;
}

/* A row of the outline: a heading, or the opening words of a paragraph
 * the analyst can edit, with its state. */
static GtkWidget *
outline_row_new (const JdBlock *block,
                 guint          index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *icon = NULL;

  if (jd_block_get_kind (block) == JD_BLOCK_HEADING)
    {
      label = gtk_label_new (jd_block_get_text (block));
      if (jd_block_get_level (block) <= 1)
        gtk_widget_add_css_class (label, "heading");
      else
        gtk_widget_set_margin_start (box, 12);
    }
  else
    {
      g_autofree char *text = jd_report_markup_to_text (jd_block_get_text (block));

      label = gtk_label_new (g_strstrip (text));
      gtk_widget_set_margin_start (box, 24);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_tooltip_text (row, _("Edit this paragraph"));
      icon = state_icon (jd_block_get_state (block));
    }

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (icon != NULL)
    gtk_box_append (GTK_BOX (box), icon);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "jd-block", GUINT_TO_POINTER (index));
  return row;
}

static void
fill_outline (JdReportView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline))) != NULL)
    gtk_list_box_remove (self->outline, child);

  if (self->doc == NULL)
    return;

  for (guint i = 0; i < jd_doc_get_n_blocks (self->doc); i++)
    {
      JdBlock *block = jd_doc_get_block (self->doc, i);

      if (jd_block_get_kind (block) == JD_BLOCK_HEADING || is_editable (block))
        gtk_list_box_append (self->outline, outline_row_new (block, i));
    }
}

static void
show_doc (JdReportView *self,
          BuildData    *data)
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
  fill_outline (self);

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
  BuildData *data = g_task_get_task_data (G_TASK (result));
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
static void
rebuild (JdReportView *self,
         gboolean      keep_preview)
{
  g_autoptr(GTask) task = NULL;
  BuildData *data;
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
      fill_outline (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_busy (self, NULL);
      return;
    }

  data = g_new0 (BuildData, 1);
  data->store = g_object_ref (jd_session_get_store (self->session));
  data->period = period;
  jd_filter_copy (&data->filter, jd_session_get_filter (self->session));
  data->template = self->template;
  data->permille = &self->permille;
  data->generation = self->generation;

  self->build_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->build_cancellable, build_done_cb, NULL);
  g_task_set_source_tag (task, rebuild);
  g_task_set_task_data (task, data, (GDestroyNotify)build_data_free);
  g_task_run_in_thread (task, build_thread);

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

  rebuild (self, FALSE);
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
  rebuild (self, FALSE);
}

static void
on_outline_row_activated_cb (JdReportView  *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "jd-block"));

  jd_report_preview_scroll_to_block (self->preview, index);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);

  if (is_editable (jd_doc_get_block (self->doc, index)))
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
on_editor_save_cb (JdReportEditor *editor,
                   const char     *markup,
                   JdReportView   *self)
{
  const char *key = jd_report_editor_get_key (editor);
  int index = self->doc != NULL ? jd_doc_find_block (self->doc, key) : -1;
  g_autoptr(GError) error = NULL;
  const char *draft;

  if (index < 0)
    return;

  /* The draft the analyst's wording replaces: when the figures no longer
   * draft the same, the paragraph is flagged. */
  draft = jd_block_get_draft (jd_doc_get_block (self->doc, index));
  if (draft == NULL)
    draft = jd_block_get_text (jd_doc_get_block (self->doc, index));

  if (!jd_report_edit_save (jd_session_get_store (self->session), &self->doc_period, &self->doc_filter,
                            self->doc_template, key, markup, draft, &error))
    {
      show_error_dialog (self, _("Could Not Save the Paragraph"), error);
      return;
    }

  g_free (self->focus_key);
  self->focus_key = g_strdup (key);
  rebuild (self, TRUE);
}

/* What Undo puts back after a paragraph was regenerated. */
typedef struct
{
  JdReportView     *view;
  JdStore          *store;
  JdPeriod          period;
  JdFilter          filter;
  JdReportTemplate  template;
  char             *key;
  char             *markup;
  char             *draft;
} UndoData;

static void
undo_data_free (UndoData *data)
{
  g_clear_weak_pointer (&data->view);
  g_clear_object (&data->store);
  jd_filter_clear (&data->filter);
  g_free (data->key);
  g_free (data->markup);
  g_free (data->draft);
  g_free (data);
}

static void
undo_data_notify (gpointer  data,
                  GClosure *closure)
{
  undo_data_free (data);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    UndoData *data)
{
  JdReportView *self = data->view;
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;

  if (!jd_report_edit_save (data->store, &data->period, &data->filter, data->template,
                            data->key, data->markup, data->draft, &error))
    {
      show_error_dialog (self, _("Could Not Restore Your Wording"), error);
      return;
    }

  g_free (self->focus_key);
  self->focus_key = g_strdup (data->key);
  rebuild (self, TRUE);
}

/* Regenerating throws the analyst's wording away: a toast offers it back. */
static void
on_editor_regenerate_cb (JdReportEditor *editor,
                         JdReportView   *self)
{
  const char *key = jd_report_editor_get_key (editor);
  int index = self->doc != NULL ? jd_doc_find_block (self->doc, key) : -1;
  g_autoptr(GError) error = NULL;
  UndoData *undo;
  JdBlock *block;
  AdwToast *toast;

  if (index < 0)
    return;

  block = jd_doc_get_block (self->doc, index);
  undo = g_new0 (UndoData, 1);
  g_set_weak_pointer (&undo->view, self);
  undo->store = g_object_ref (jd_session_get_store (self->session));
  undo->period = self->doc_period;
  jd_filter_copy (&undo->filter, &self->doc_filter);
  undo->template = self->doc_template;
  undo->key = g_strdup (key);
  undo->markup = g_strdup (jd_block_get_text (block));
  undo->draft = g_strdup (jd_block_get_draft (block) != NULL ? jd_block_get_draft (block) : jd_block_get_text (block));

  if (!jd_report_edit_forget (undo->store, &undo->period, &undo->filter, undo->template, key, &error))
    {
      undo_data_free (undo);
      show_error_dialog (self, _("Could Not Regenerate the Paragraph"), error);
      return;
    }

  toast = adw_toast_new (_("Paragraph drafted from the figures again"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo,
                         undo_data_notify, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  g_free (self->focus_key);
  self->focus_key = g_strdup (key);
  rebuild (self, TRUE);
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
        show_error_dialog (self, _("Could Not Print the Report"), error);
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
    show_error_dialog (JD_REPORT_VIEW (widget), _("Could Not Print the Report"), error);
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
    show_error_dialog (self, _("Could Not Export the Report"), error);
}

static gboolean
save_pdf (GtkWidget  *widget,
          GFile      *file,
          GError    **error)
{
  jd_report_view_export_to (JD_REPORT_VIEW (widget), file, JD_REPORT_FORMAT_PDF);
  return TRUE;
}

static gboolean
save_docx (GtkWidget  *widget,
           GFile      *file,
           GError    **error)
{
  jd_report_view_export_to (JD_REPORT_VIEW (widget), file, JD_REPORT_FORMAT_DOCX);
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

  /* Translators: the file name offered for the report, before "-2026-Q3.pdf" */
  name = jd_table_file_name (_("Law-Enforcement Supervision Report"), &self->doc_period, docx ? "docx" : "pdf");
  jd_save_dialog_run (widget, docx ? _("Export the Report as DOCX") : _("Export the Report as PDF"),
                      name, _("Could Not Export the Report"), docx ? save_docx : save_pdf);
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
  rebuild (JD_REPORT_VIEW (widget), FALSE);
}

static void
jd_report_view_map (GtkWidget *widget)
{
  JdReportView *self = JD_REPORT_VIEW (widget);

  GTK_WIDGET_CLASS (jd_report_view_parent_class)->map (widget);

  if (self->dirty || (self->doc == NULL && !self->building))
    rebuild (self, FALSE);
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
  GtkRoot *root;
  JdBlock *block;
  JdReportEditor *editor;

  g_return_val_if_fail (JD_IS_REPORT_VIEW (self), NULL);

  if (self->doc == NULL || index >= jd_doc_get_n_blocks (self->doc))
    return NULL;
  block = jd_doc_get_block (self->doc, index);
  if (!is_editable (block))
    return NULL;

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = jd_report_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 section_of (self->doc, index), block);
  g_signal_connect_object (editor, "save", G_CALLBACK (on_editor_save_cb), self, 0);
  g_signal_connect_object (editor, "regenerate", G_CALLBACK (on_editor_regenerate_cb), self, 0);
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

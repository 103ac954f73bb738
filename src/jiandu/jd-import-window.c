/* jd-import-window.c — importing files, and the import history
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows how a file would be read (the entity, and what each column holds,
 * both editable) before anything is written; imports it in a worker with
 * progress and Cancel; then lists the rejected rows.  The History page
 * lists every import with an Undo.
 */

#define G_LOG_DOMAIN "jd-import-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "jd-import.h"
#include "jd-import-window.h"
#include "jd-table-reader.h"

#define PREVIEW_ROWS 20
#define MAX_LISTED_ERRORS 500

struct _JdImportWindow
{
  AdwWindow        parent_instance;

  JdStore         *store;
  char            *path;
  GPtrArray       *tables;        /* JdImportTable, of the preview */
  JdImportTable   *table;         /* the one shown, in tables */
  char            *entity;        /* chosen by the user, or NULL */
  GHashTable      *mapping;       /* header → field, "" to ignore */
  GPtrArray       *results;       /* JdImportResult, of the last import */
  GCancellable    *cancellable;
  GTask           *task;
  guint            progress_source;
  gboolean         busy;
  gboolean         loading_history;
  gboolean         filling;       /* dropdowns being filled, not chosen */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwViewStack    *view_stack;
  GtkStack        *stack;
  GtkButton       *import_button;
  GtkDropDown     *entity_dropdown;
  GtkLabel        *encoding_label;
  GtkDropDown     *encoding_dropdown;
  GtkCheckButton  *create_agencies_check;
  GtkLabel        *preview_note;
  GtkGrid         *preview_grid;
  GtkProgressBar  *run_progress;
  GtkLabel        *summary_title;
  GtkLabel        *summary_label;
  GtkListBox      *errors_list;
  GtkListBox      *history_list;
};

G_DEFINE_FINAL_TYPE (JdImportWindow, jd_import_window, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char            *path;
  JdImportOptions  options;
  char            *entity;
  char            *encoding;
  GHashTable      *mapping;
  int              permille;     /* atomic; -1 while another import holds the database */
  gint64           undo_id;
} Work;

static void
work_free (Work *work)
{
  g_free (work->path);
  g_free (work->entity);
  g_free (work->encoding);
  g_clear_pointer (&work->mapping, g_hash_table_unref);
  g_free (work);
}

static void load_preview (JdImportWindow *self);
static void reload_history (JdImportWindow *self);

static void
show_toast (JdImportWindow *self,
            const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* A control's label as the user sees it: "_Encoding" → "Encoding",
 * "编码(_E)" → "编码". */
static char *
visible_name (const char *label)
{
  GString *out = g_string_new (NULL);
  const char *mnemonic = strstr (label, "(_");

  for (const char *p = label; *p != '\0'; p++)
    {
      if (p == mnemonic && p[2] != '\0' && p[3] == ')')
        p += 3;
      else if (*p != '_')
        g_string_append_c (out, *p);
      else if (p[1] == '_')
        g_string_append_c (out, *++p);
    }

  return g_string_free (out, FALSE);
}

/* A rejected row's reason, with the switch of this window that would let
 * it in, named as it reads on screen. */
static char *
row_reason (JdImportWindow         *self,
            const JdImportRowError *error)
{
  if (error->hint == JD_IMPORT_HINT_CREATE_AGENCIES)
    {
      g_autofree char *check = visible_name (gtk_check_button_get_label (self->create_agencies_check));

      /* Translators: a rejected row's reason, then the Import window's
       * check box that adds unknown agencies, by its label */
      return g_strdup_printf (_("%s (turn on “%s” to add it)"), error->reason, check);
    }

  return g_strdup (error->reason);
}

/* A file's error, with the drop-down of this window that helps with it. */
static char *
file_error_message (JdImportWindow *self,
                    const GError   *error)
{
  if (g_error_matches (error, JD_TABLE_ERROR, JD_TABLE_ERROR_ENCODING))
    {
      g_autofree char *encoding = visible_name (gtk_label_get_label (self->encoding_label));

      /* Translators: an encoding error, then the Import window's
       * drop-down of encodings, by its label */
      return g_strdup_printf (_("%s — choose the file’s encoding under “%s”"), error->message, encoding);
    }

  return g_strdup (error->message);
}

static const char *
selected_encoding (JdImportWindow *self)
{
  switch (gtk_drop_down_get_selected (self->encoding_dropdown))
    {
    case 1:
      return "utf-8";
    case 2:
      return "gb18030";
    default:
      return NULL;
    }
}

static void
update_actions (JdImportWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean can_run = !self->busy && self->table != NULL && self->table->entity != NULL &&
                     g_strcmp0 (page, "preview") == 0;
  gboolean has_errors = FALSE;

  for (guint i = 0; self->results != NULL && i < self->results->len; i++)
    if (((JdImportResult *)self->results->pdata[i])->errors->len > 0)
      has_errors = TRUE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", can_run);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.copy-errors", has_errors);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-errors", has_errors);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), g_strcmp0 (page, "preview") == 0);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
on_column_selected_cb (GtkDropDown    *dropdown,
                       GParamSpec     *pspec,
                       JdImportWindow *self)
{
  const char *header = g_object_get_data (G_OBJECT (dropdown), "jd-header");
  const char * const *fields;
  guint selected;

  if (self->filling || self->table == NULL || self->table->entity == NULL)
    return;

  fields = jd_import_entity_fields (self->table->entity);
  selected = gtk_drop_down_get_selected (dropdown);
  g_hash_table_replace (self->mapping, g_strdup (header),
                        g_strdup (selected == 0 || selected == GTK_INVALID_LIST_POSITION ? ""
                                                                                         : fields[selected - 1]));
}

static GtkWidget *
cell_label (const char *text,
            gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (header)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

static void
fill_preview (JdImportWindow *self)
{
  const char * const *entities = jd_import_entities ();
  const char * const *fields = NULL;
  g_autofree char *note = NULL;
  g_autofree char *basename = g_filename_display_basename (self->path);

  self->filling = TRUE;
  clear_grid (self->preview_grid);
  gtk_widget_remove_css_class (GTK_WIDGET (self->preview_note), "error");

  self->table = NULL;
  for (guint i = 0; i < self->tables->len && self->table == NULL; i++)
    if (((JdImportTable *)self->tables->pdata[i])->entity != NULL)
      self->table = self->tables->pdata[i];
  if (self->table == NULL && self->tables->len > 0)
    self->table = self->tables->pdata[0];

  gtk_drop_down_set_selected (self->entity_dropdown, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; self->table != NULL && entities[i] != NULL; i++)
    if (g_strcmp0 (entities[i], self->table->entity) == 0)
      gtk_drop_down_set_selected (self->entity_dropdown, i);

  if (self->table == NULL || self->table->entity == NULL)
    {
      /* Translators: %s is a file name */
      note = g_strdup_printf (_("The headers of “%s” do not say what it holds. Choose it above."), basename);
      gtk_label_set_text (self->preview_note, note);
      self->filling = FALSE;
      return;
    }

  fields = jd_import_entity_fields (self->table->entity);

  if (self->table->sheet != NULL)
    /* Translators: the file name, the sheet name, the row number of the header */
    note = g_strdup_printf (_("“%s”, sheet “%s”: the headers are in row %u. Check what each column holds; columns set to “Ignore” are not imported."),
                            basename, self->table->sheet, self->table->header_row);
  else
    note = g_strdup_printf (_("“%s”: the headers are in row %u. Check what each column holds; columns set to “Ignore” are not imported."),
                            basename, self->table->header_row);
  gtk_label_set_text (self->preview_note, note);

  for (guint c = 0; c < self->table->headers->len; c++)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      const char *field = self->table->fields->pdata[c];
      GtkWidget *dropdown;
      guint selected = 0;

      gtk_string_list_append (model, _("Ignore"));
      for (guint f = 0; fields[f] != NULL; f++)
        {
          gtk_string_list_append (model, jd_import_field_label (self->table->entity, fields[f]));
          if (g_strcmp0 (fields[f], field) == 0)
            selected = f + 1;
        }

      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
      g_object_set_data_full (G_OBJECT (dropdown), "jd-header",
                              g_strdup (self->table->headers->pdata[c]), g_free);
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_column_selected_cb), self, 0);
      gtk_grid_attach (self->preview_grid, dropdown, c, 0, 1, 1);
      gtk_grid_attach (self->preview_grid, cell_label (self->table->headers->pdata[c], TRUE), c, 1, 1, 1);
    }

  for (guint r = 0; r < self->table->rows->len; r++)
    {
      GPtrArray *cells = self->table->rows->pdata[r];

      for (guint c = 0; c < self->table->headers->len; c++)
        gtk_grid_attach (self->preview_grid,
                         cell_label (c < cells->len ? cells->pdata[c] : "", FALSE),
                         c, r + 2, 1, 1);
    }

  self->filling = FALSE;
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;
  GPtrArray *tables;

  tables = jd_import_preview (work->path, &work->options, PREVIEW_ROWS, &error);
  if (tables == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, tables, (GDestroyNotify)g_ptr_array_unref);
}

/* A file misread in the encoding chosen: the preview page, whose
 * Encoding drop-down the message names, says so. */
static void
show_encoding_error (JdImportWindow *self,
                     const GError   *error)
{
  g_autofree char *message = file_error_message (self, error);

  gtk_label_set_text (self->preview_note, message);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_note), "error");
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
preview_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  JdImportWindow *self = JD_IMPORT_WINDOW (object);
  g_autoptr(GError) error = NULL;
  GPtrArray *tables;

  if ((gpointer)result != (gpointer)self->task)
    return;
  g_clear_object (&self->task);
  self->busy = FALSE;

  tables = g_task_propagate_pointer (G_TASK (result), &error);
  if (tables == NULL)
    {
      if (g_error_matches (error, JD_TABLE_ERROR, JD_TABLE_ERROR_ENCODING))
        {
          /* Nothing to preview, but the Encoding drop-down the message
           * names is on this page: choosing there previews again. */
          self->filling = TRUE;
          clear_grid (self->preview_grid);
          self->filling = FALSE;
          self->table = NULL;
          g_clear_pointer (&self->tables, g_ptr_array_unref);
          show_encoding_error (self, error);
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_stack_set_visible_child_name (self->stack, "choose");
          show_toast (self, error->message);
        }
      update_actions (self);
      return;
    }

  g_clear_pointer (&self->tables, g_ptr_array_unref);
  self->tables = tables;
  fill_preview (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_actions (self);
}

static Work *
work_new (JdImportWindow *self)
{
  Work *work = g_new0 (Work, 1);
  GHashTableIter iter;
  gpointer key, value;

  work->path = g_strdup (self->path);
  work->entity = g_strdup (self->entity);
  work->encoding = g_strdup (selected_encoding (self));
  /* A copy: the user may change a column while the worker reads. */
  work->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, self->mapping);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (work->mapping, g_strdup (key), g_strdup (value));
  work->options.entity = work->entity;
  work->options.encoding = work->encoding;
  work->options.create_agencies = gtk_check_button_get_active (self->create_agencies_check);
  work->options.mapping = work->mapping;

  return work;
}

static void
start_task (JdImportWindow  *self,
            Work            *work,
            GTaskThreadFunc  func,
            GAsyncReadyCallback done)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_clear_object (&self->task);
  self->task = g_task_new (self, self->cancellable, done, NULL);
  g_task_set_task_data (self->task, work, (GDestroyNotify)work_free);
  g_task_run_in_thread (self->task, func);
  self->busy = TRUE;
  update_actions (self);
}

static void
load_preview (JdImportWindow *self)
{
  if (self->path == NULL)
    return;

  start_task (self, work_new (self), preview_thread, preview_done_cb);
}

static void
on_entity_selected_cb (JdImportWindow *self,
                       GParamSpec     *pspec,
                       GtkDropDown    *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char * const *entities = jd_import_entities ();

  if (self->filling || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (self->table != NULL && g_strcmp0 (self->table->entity, entities[selected]) == 0)
    return;

  /* Another entity: its own fields, so the mapping starts again. */
  g_free (self->entity);
  self->entity = g_strdup (entities[selected]);
  g_hash_table_remove_all (self->mapping);
  load_preview (self);
}

static void
on_encoding_selected_cb (JdImportWindow *self,
                         GParamSpec     *pspec,
                         GtkDropDown    *dropdown)
{
  if (!self->filling)
    load_preview (self);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  JdImportWindow *self = user_data;
  Work *work;
  int permille;

  if (self->task == NULL)
    {
      self->progress_source = 0;
      return G_SOURCE_REMOVE;
    }

  work = g_task_get_task_data (self->task);
  permille = g_atomic_int_get (&work->permille);
  if (permille < 0)
    {
      /* Another program (jiandu-cli) imports into the same database. */
      gtk_progress_bar_set_text (self->run_progress, _("Waiting for another import into this database to finish…"));
      gtk_progress_bar_pulse (self->run_progress);
    }
  else
    {
      gtk_progress_bar_set_text (self->run_progress, NULL);
      gtk_progress_bar_set_fraction (self->run_progress, permille / 1000.0);
    }

  return G_SOURCE_CONTINUE;
}

/* Worker thread */
static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  Work *work = user_data;

  g_atomic_int_set (&work->permille, fraction == JD_PROGRESS_WAITING ? -1 : (int)(fraction * 1000.0));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  JdImportWindow *self = source_object;
  Work *work = task_data;
  GError *error = NULL;
  GPtrArray *results;

  results = jd_import_file (self->store, work->path, &work->options, import_progress_cb, work,
                            cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify)g_ptr_array_unref);
}

static void
add_error_row (JdImportWindow *self,
               const char     *title,
               const char     *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (self->errors_list, row);
}

static void
show_summary (JdImportWindow *self,
              const GError   *error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *heading;
  guint n_listed = 0;
  guint n_written = 0;
  guint n_rejected = 0;
  guint n_errors = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->errors_list))) != NULL)
    gtk_list_box_remove (self->errors_list, child);

  if (error != NULL)
    {
      gtk_label_set_text (self->summary_title, _("Nothing Was Imported"));
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->errors_list), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "summary");
      return;
    }

  for (guint i = 0; i < self->results->len; i++)
    {
      JdImportResult *result = self->results->pdata[i];
      g_autofree char *summary = jd_import_result_summary (result);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, summary);
      n_rejected += result->n_rejected;
      n_written += result->n_new + result->n_updated;
      n_errors += result->errors->len + result->n_errors_dropped;

      for (guint e = 0; e < result->errors->len && n_listed < MAX_LISTED_ERRORS; e++, n_listed++)
        {
          const JdImportRowError *row_error = &g_array_index (result->errors, JdImportRowError, e);
          g_autofree char *reason = row_reason (self, row_error);
          g_autofree char *title = NULL;

          if (row_error->column != NULL)
            /* Translators: a rejected row: its number and the column */
            title = g_strdup_printf (_("Row %u · %s"), row_error->row, row_error->column);
          else
            title = g_strdup_printf (_("Row %u"), row_error->row);
          add_error_row (self, title, reason);
        }
    }

  if (n_errors > n_listed)
    {
      g_autofree char *more = g_strdup_printf (_("… and %u more; save the rejected rows to see them all"),
                                               n_errors - n_listed);

      add_error_row (self, more, NULL);
    }

  /* Rows that were all unchanged, or all rejected, wrote nothing: the
   * title says so rather than "Imported". */
  if (n_written == 0 && n_rejected > 0)
    heading = _("No Rows Imported");
  else if (n_written == 0)
    heading = _("Nothing New to Import");
  else if (n_rejected > 0)
    heading = _("Imported, With Rejected Rows");
  else
    heading = _("Imported");
  gtk_label_set_text (self->summary_title, heading);
  gtk_label_set_text (self->summary_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_list), n_listed > 0);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  JdImportWindow *self = JD_IMPORT_WINDOW (object);
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  if ((gpointer)result != (gpointer)self->task)
    return;
  g_clear_object (&self->task);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  self->busy = FALSE;

  results = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = results;

  if (results == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_stack_set_visible_child_name (self->stack, "preview");
      show_toast (self, _("Import cancelled; nothing was written"));
      update_actions (self);
      return;
    }

  if (g_error_matches (error, JD_TABLE_ERROR, JD_TABLE_ERROR_ENCODING))
    {
      show_encoding_error (self, error);
      show_toast (self, _("Nothing was imported"));
    }
  else
    show_summary (self, error);
  update_actions (self);

  if (results != NULL)
    {
      reload_history (self);
      g_signal_emit (self, signals[IMPORTED], 0);
    }
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  JdImportWindow *self = JD_IMPORT_WINDOW (widget);
  Work *work;

  if (self->path == NULL || self->busy || self->table == NULL || self->table->entity == NULL)
    return;

  work = work_new (self);
  /* Import as previewed: the entity on show, even if it was detected. */
  g_free (work->entity);
  work->entity = g_strdup (self->table->entity);
  work->options.entity = work->entity;

  gtk_progress_bar_set_text (self->run_progress, NULL);
  gtk_progress_bar_set_fraction (self->run_progress, 0);
  gtk_stack_set_visible_child_name (self->stack, "running");
  start_task (self, work, import_thread, import_done_cb);
  if (self->progress_source == 0)
    self->progress_source = g_timeout_add (100, update_progress_cb, self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_cancellable_cancel (JD_IMPORT_WINDOW (widget)->cancellable);
}

static GtkFileFilter *
import_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets and CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "xls");

  return filter;
}

static void
on_choose_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  g_autoptr(JdImportWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      jd_import_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JdImportWindow *self = JD_IMPORT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = import_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Import File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_choose_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The rejected rows as text: CSV (for a file) or tab-separated (for pasting). */
static char *
errors_text (JdImportWindow *self,
             gboolean        csv)
{
  GString *out = g_string_new (csv ? "\xEF\xBB\xBF" : "");
  const char *headers[] = { _("File"), _("Sheet"), _("Row"), _("Column"), _("Reason") };

  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    g_string_append_printf (out, "%s%s", h > 0 ? (csv ? "," : "\t") : "", headers[h]);
  g_string_append (out, csv ? "\r\n" : "\n");

  for (guint i = 0; self->results != NULL && i < self->results->len; i++)
    {
      JdImportResult *result = self->results->pdata[i];

      for (guint e = 0; e < result->errors->len; e++)
        {
          const JdImportRowError *row_error = &g_array_index (result->errors, JdImportRowError, e);
          g_autofree char *row = g_strdup_printf ("%u", row_error->row);
          g_autofree char *reason = row_reason (self, row_error);
          const char *fields[] = { result->file, result->sheet, row, row_error->column, reason };

          for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
            {
              const char *value = fields[f] != NULL ? fields[f] : "";

              if (f > 0)
                g_string_append_c (out, csv ? ',' : '\t');
              if (csv)
                {
                  g_string_append_c (out, '"');
                  for (const char *p = value; *p != '\0'; p++)
                    {
                      if (*p == '"')
                        g_string_append_c (out, '"');
                      g_string_append_c (out, *p);
                    }
                  g_string_append_c (out, '"');
                }
              else
                g_string_append (out, value);
            }
          g_string_append (out, csv ? "\r\n" : "\n");
        }
    }

  return g_string_free (out, FALSE);
}

static void
copy_errors_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JdImportWindow *self = JD_IMPORT_WINDOW (widget);
  g_autofree char *text = errors_text (self, FALSE);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Rejected rows copied"));
}

static void
on_save_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(JdImportWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *text = errors_text (self, TRUE);
      g_autoptr(GError) error = NULL;

      if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, NULL, &error))
        show_toast (self, error->message);
      else
        show_toast (self, _("Rejected rows saved"));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_errors_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JdImportWindow *self = JD_IMPORT_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save Rejected Rows"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  /* Translators: the file name offered for the rejected rows */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("rejected-rows.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
undo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  JdImportWindow *self = source_object;
  Work *work = task_data;
  GError *error = NULL;

  if (jd_import_undo (self->store, work->undo_id, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
undo_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  JdImportWindow *self = JD_IMPORT_WINDOW (object);
  g_autoptr(GError) error = NULL;

  if ((gpointer)result == (gpointer)self->task)
    {
      g_clear_object (&self->task);
      self->busy = FALSE;
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_toast (self, error->message);
  else
    {
      show_toast (self, _("Import undone"));
      g_signal_emit (self, signals[IMPORTED], 0);
    }

  reload_history (self);
  update_actions (self);
}

static void
on_undo_clicked_cb (GtkButton      *button,
                    JdImportWindow *self)
{
  Work *work;

  if (self->busy)
    return;

  work = g_new0 (Work, 1);
  work->undo_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "jd-import-id"));
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  start_task (self, work, undo_thread, undo_done_cb);
}

static void
show_history (JdImportWindow *self,
              GPtrArray      *records)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  if (records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No imports yet"));
      gtk_list_box_append (self->history_list, row);
      return;
    }

  for (guint i = 0; i < records->len; i++)
    {
      const JdImportRecord *record = records->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      g_autofree char *title = record->sheet != NULL ? g_strdup_printf ("%s [%s]", record->file_name, record->sheet)
                                                     : g_strdup (record->file_name);
      g_autofree char *counts = g_strdup_printf (_("%u new, %u updated, %u unchanged, %u rejected"),
                                                 record->n_new, record->n_updated,
                                                 record->n_unchanged, record->n_rejected);
      g_autofree char *subtitle = NULL;

      if (record->undone_at != NULL)
        /* Translators: entity · time of import · counts · time undone */
        subtitle = g_strdup_printf (_("%s · %s · %s · undone %s"), jd_import_entity_label (record->entity),
                                    record->started_at, counts, record->undone_at);
      else
        subtitle = g_strdup_printf ("%s · %s · %s", jd_import_entity_label (record->entity),
                                    record->started_at, counts);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->history_list, row);

      /* An import that wrote no row has nothing to undo. */
      if (record->n_new + record->n_updated == 0)
        continue;

      button = gtk_button_new_with_mnemonic (_("_Undo"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, record->undone_at == NULL);
      gtk_widget_set_tooltip_text (button, _("Remove what this import added and restore what it changed"));
      g_object_set_data (G_OBJECT (button), "jd-import-id", GSIZE_TO_POINTER ((gsize)record->id));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
}

static void
history_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *records = jd_import_list (task_data, &error);

  if (records == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, records, (GDestroyNotify)g_ptr_array_unref);
}

static void
history_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  JdImportWindow *self = JD_IMPORT_WINDOW (object);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  self->loading_history = FALSE;
  records = g_task_propagate_pointer (G_TASK (result), &error);
  if (records == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  show_history (self, records);
}

/* The history is read in a worker: an import in another window may hold
 * the database for a while, and the window must not freeze meanwhile. */
static void
reload_history (JdImportWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL)
    return;

  self->loading_history = TRUE;
  task = g_task_new (self, self->cancellable, history_done_cb, NULL);
  g_task_set_source_tag (task, reload_history);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, history_thread);
}

static gboolean
on_drop_cb (JdImportWindow *self,
            const GValue   *value,
            double          x,
            double          y,
            GtkDropTarget  *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || (files = g_value_get_boxed (value)) == NULL)
    return FALSE;

  jd_import_window_open_file (self, files->data);
  return TRUE;
}

static void
jd_import_window_dispose (GObject *object)
{
  JdImportWindow *self = (JdImportWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_IMPORT_WINDOW);

  G_OBJECT_CLASS (jd_import_window_parent_class)->dispose (object);
}

static void
jd_import_window_finalize (GObject *object)
{
  JdImportWindow *self = (JdImportWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->task);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_hash_table_unref);

  G_OBJECT_CLASS (jd_import_window_parent_class)->finalize (object);
}

static gboolean
jd_import_window_close_request (GtkWindow *window)
{
  JdImportWindow *self = JD_IMPORT_WINDOW (window);

  /* Closing while importing cancels: the import rolls back. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (jd_import_window_parent_class)->close_request (window);
}

static void
jd_import_window_class_init (JdImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jd_import_window_dispose;
  object_class->finalize = jd_import_window_finalize;
  window_class->close_request = jd_import_window_close_request;

  /**
   * JdImportWindow::imported:
   *
   * Emitted when an import or an undo has changed the database.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, entity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, encoding_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, encoding_label);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, create_agencies_check);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, preview_note);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, run_progress);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, summary_title);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, errors_list);
  gtk_widget_class_bind_template_child (widget_class, JdImportWindow, history_list);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.copy-errors", NULL, copy_errors_action);
  gtk_widget_class_install_action (widget_class, "import.save-errors", NULL, save_errors_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jd_import_window_init (JdImportWindow *self)
{
  g_autoptr(GtkStringList) entities = gtk_string_list_new (NULL);
  const char * const *names = jd_import_entities ();
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; names[i] != NULL; i++)
    gtk_string_list_append (entities, jd_import_entity_label (names[i]));
  self->filling = TRUE;
  gtk_drop_down_set_model (self->entity_dropdown, G_LIST_MODEL (entities));
  gtk_drop_down_set_selected (self->entity_dropdown, GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;
  g_signal_connect_object (self->entity_dropdown, "notify::selected",
                           G_CALLBACK (on_entity_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->encoding_dropdown, "notify::selected",
                           G_CALLBACK (on_encoding_selected_cb), self, G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  update_actions (self);
}

/**
 * jd_import_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the database to import into
 */
JdImportWindow *
jd_import_window_new (GtkWindow *parent,
                      JdStore   *store)
{
  JdImportWindow *self;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);

  self = g_object_new (JD_TYPE_IMPORT_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  reload_history (self);

  return self;
}

/**
 * jd_import_window_open_file:
 *
 * Reads the start of @file and shows how it would be imported.
 */
void
jd_import_window_open_file (JdImportWindow *self,
                            GFile          *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (JD_IS_IMPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy && self->task != NULL && gtk_stack_get_visible_child_name (self->stack) != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->stack), "running"))
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (self, _("Files can only be imported from this computer’s disks"));
      return;
    }

  g_free (self->path);
  self->path = g_steal_pointer (&path);
  g_clear_pointer (&self->entity, g_free);
  g_hash_table_remove_all (self->mapping);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->table = NULL;

  adw_view_stack_set_visible_child_name (self->view_stack, "import");
  load_preview (self);
}

/**
 * jd_import_window_get_busy:
 *
 * Returns: %TRUE while a preview, an import or an undo is running
 */
gboolean
jd_import_window_get_busy (JdImportWindow *self)
{
  g_return_val_if_fail (JD_IS_IMPORT_WINDOW (self), FALSE);

  return self->busy || self->loading_history;
}

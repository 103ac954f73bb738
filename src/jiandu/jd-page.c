/* jd-page.c — one page of the cockpit: reads the session's figures off the UI thread
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-page.h"
#include "jd-save-dialog.h"

/* Every page loads the same way: when the session changes, a page that
 * is on screen reads its figures in a worker and shows them; a page that
 * is not waits until it is mapped.  An answer for a period or filter the
 * user has already left is dropped, so a quick Alt+→ Alt+→ never shows
 * the middle period last. */
typedef struct
{
  JdSession    *session;
  char         *title;
  char         *icon_name;

  GCancellable *cancellable;
  guint         generation;   /* of the latest load; older answers are dropped */
  gboolean      dirty;        /* the session changed while the page was hidden */
  gboolean      loading;
} JdPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (JdPage, jd_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_LOADING,
  N_PROPS
};

enum {
  OPEN_AGENCY,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  JdStore  *store;
  JdPeriod  period;
  JdFilter  filter;
  guint     generation;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->store);
  jd_filter_clear (&data->filter);
  g_free (data);
}

static void
set_loading (JdPage   *self,
             gboolean  loading)
{
  JdPagePrivate *priv = jd_page_get_instance_private (self);

  if (priv->loading == loading)
    return;

  priv->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  JdPageClass *klass = JD_PAGE_GET_CLASS (source_object);
  GError *error = NULL;
  gpointer result;

  result = klass->info->load (data->store, &data->period, &data->filter, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, klass->info->free);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  JdPage *self = JD_PAGE (object);
  JdPagePrivate *priv = jd_page_get_instance_private (self);
  JdPageClass *klass = JD_PAGE_GET_CLASS (self);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gpointer page_data;

  page_data = g_task_propagate_pointer (G_TASK (result), &error);

  if (data->generation != priv->generation)
    {
      if (page_data != NULL)
        klass->info->free (page_data);
      return;
    }

  set_loading (self, FALSE);

  if (page_data == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  klass->show (self, page_data);
  klass->info->free (page_data);
}

static void
on_session_changed_cb (JdPage    *self,
                       guint      what,
                       JdSession *session)
{
  JdPagePrivate *priv = jd_page_get_instance_private (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    jd_page_reload (self);
  else
    priv->dirty = TRUE;
}

static void
jd_page_map (GtkWidget *widget)
{
  JdPage *self = JD_PAGE (widget);
  JdPagePrivate *priv = jd_page_get_instance_private (self);

  GTK_WIDGET_CLASS (jd_page_parent_class)->map (widget);

  if (priv->dirty)
    jd_page_reload (self);
}

static void
jd_page_dispose (GObject *object)
{
  JdPage *self = (JdPage *)object;
  JdPagePrivate *priv = jd_page_get_instance_private (self);
  GtkWidget *child;

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  if (priv->session != NULL)
    g_signal_handlers_disconnect_by_func (priv->session, on_session_changed_cb, self);
  g_clear_object (&priv->session);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (jd_page_parent_class)->dispose (object);
}

static void
jd_page_finalize (GObject *object)
{
  JdPage *self = (JdPage *)object;
  JdPagePrivate *priv = jd_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->icon_name, g_free);

  G_OBJECT_CLASS (jd_page_parent_class)->finalize (object);
}

static void
jd_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JdPage *self = JD_PAGE (object);
  JdPagePrivate *priv = jd_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;

    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, priv->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (JdPage      *self,
            char       **field,
            const char  *value,
            GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
jd_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JdPage *self = JD_PAGE (object);
  JdPagePrivate *priv = jd_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      jd_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_TITLE:
      set_string (self, &priv->title, g_value_get_string (value), pspec);
      break;

    case PROP_ICON_NAME:
      set_string (self, &priv->icon_name, g_value_get_string (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Export Table */

/* What the figures on show are of: the session's period, the last month
 * with data, and the filter by name (@filter_text keeps the string). */
static gboolean
get_context (JdPage          *self,
             JdTableContext  *context,
             char           **filter_text)
{
  JdPagePrivate *priv = jd_page_get_instance_private (self);
  int first_month = 0;

  if (priv->session == NULL || !jd_session_get_period (priv->session, &context->period))
    return FALSE;

  jd_session_get_month_range (priv->session, &first_month, &context->data_end);
  *filter_text = jd_session_describe_filter (priv->session);
  context->filter_text = *filter_text;

  return TRUE;
}

static gboolean
save_table (GtkWidget  *widget,
            GFile      *file,
            GError    **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Tables are exported to local files only"));
      return FALSE;
    }

  return jd_page_export_table (JD_PAGE (widget), path, error);
}

static void
export_table_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JdPage *self = JD_PAGE (widget);
  g_autofree char *name = jd_page_get_export_name (self, JD_PAGE_GET_CLASS (self)->info->name,
                                                   g_variant_get_string (parameter, NULL));

  if (name == NULL)
    return;

  jd_save_dialog_run (widget, _("Export Table"), name, _("Could not export the table"), save_table);
}

static void
jd_page_class_init (JdPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_page_dispose;
  object_class->finalize = jd_page_finalize;
  object_class->get_property = jd_page_get_property;
  object_class->set_property = jd_page_set_property;

  widget_class->map = jd_page_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JdPage::open-agency:
   * @code: the agency's code
   *
   * The user asked for one agency's profile (a bar, a row, a warning).
   */
  signals[OPEN_AGENCY] =
    g_signal_new ("open-agency", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * JdPage::failed:
   * @error: why the figures could not be read
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /* "xlsx" or "csv"; pages without export_table() leave it unused */
  gtk_widget_class_install_action (widget_class, "page.export-table", "s", export_table_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jd_page_init (JdPage *self)
{
}

JdSession *
jd_page_get_session (JdPage *self)
{
  JdPagePrivate *priv = jd_page_get_instance_private (self);

  g_return_val_if_fail (JD_IS_PAGE (self), NULL);

  return priv->session;
}

void
jd_page_set_session (JdPage    *self,
                     JdSession *session)
{
  JdPagePrivate *priv = jd_page_get_instance_private (self);

  g_return_if_fail (JD_IS_PAGE (self));
  g_return_if_fail (session == NULL || JD_IS_SESSION (session));

  if (priv->session == session)
    return;

  if (priv->session != NULL)
    g_signal_handlers_disconnect_by_func (priv->session, on_session_changed_cb, self);
  g_set_object (&priv->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  on_session_changed_cb (self, JD_SESSION_CHANGED_STORE, session);
}

const char *
jd_page_get_title (JdPage *self)
{
  JdPagePrivate *priv = jd_page_get_instance_private (self);

  g_return_val_if_fail (JD_IS_PAGE (self), NULL);

  return priv->title;
}

const char *
jd_page_get_icon_name (JdPage *self)
{
  JdPagePrivate *priv = jd_page_get_instance_private (self);

  g_return_val_if_fail (JD_IS_PAGE (self), NULL);

  return priv->icon_name;
}

/* Whether the page is reading figures that it has not shown yet. */
gboolean
jd_page_get_loading (JdPage *self)
{
  JdPagePrivate *priv = jd_page_get_instance_private (self);

  g_return_val_if_fail (JD_IS_PAGE (self), FALSE);

  return priv->loading;
}

/**
 * jd_page_reload:
 *
 * Reads the page's figures again for the session's period and filter, in
 * a worker; what an earlier call was still reading is dropped.
 */
void
jd_page_reload (JdPage *self)
{
  JdPagePrivate *priv = jd_page_get_instance_private (self);
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (JD_IS_PAGE (self));

  priv->dirty = FALSE;
  priv->generation++;
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);

  if (priv->session == NULL || !jd_session_is_ready (priv->session))
    {
      set_loading (self, FALSE);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->store = g_object_ref (jd_session_get_store (priv->session));
  jd_session_get_period (priv->session, &data->period);
  jd_filter_copy (&data->filter, jd_session_get_filter (priv->session));
  if (JD_PAGE_GET_CLASS (self)->adjust_filter != NULL)
    JD_PAGE_GET_CLASS (self)->adjust_filter (self, &data->filter);
  data->generation = priv->generation;

  priv->cancellable = g_cancellable_new ();
  task = g_task_new (self, priv->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, jd_page_reload);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_run_in_thread (task, load_thread);

  set_loading (self, TRUE);
}

/**
 * jd_page_open_agency:
 * @code: an agency's code
 *
 * Asks the window for the profile of one agency (一单位一档).
 */
void
jd_page_open_agency (JdPage     *self,
                     const char *code)
{
  g_return_if_fail (JD_IS_PAGE (self));
  g_return_if_fail (code != NULL);

  g_signal_emit (self, signals[OPEN_AGENCY], 0, code);
}

/**
 * jd_page_export_table:
 * @path: where to write; XLSX when it ends in .xlsx, CSV else
 *
 * Writes the figures on show as a table, with the period, the filter and
 * how far the data reach in its notes, as "Export Table…" does.
 */
gboolean
jd_page_export_table (JdPage      *self,
                      const char  *path,
                      GError     **error)
{
  JdPageClass *klass;
  JdTableContext context = { 0 };
  g_autofree char *filter_text = NULL;
  g_autoptr(JdTable) table = NULL;

  g_return_val_if_fail (JD_IS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  klass = JD_PAGE_GET_CLASS (self);
  if (klass->export_table != NULL && get_context (self, &context, &filter_text))
    table = klass->export_table (self, &context);

  if (table == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” shows no table to export yet"), jd_page_get_title (self));
      return FALSE;
    }

  return jd_table_write (table, path, error);
}

/**
 * jd_page_get_export_caption:
 *
 * Returns: (transfer full) (nullable): the line under a chart of this
 *   page exported alone: the period, the filter, how far the data reach
 */
char *
jd_page_get_export_caption (JdPage *self)
{
  JdTableContext context = { 0 };
  g_autofree char *filter_text = NULL;

  g_return_val_if_fail (JD_IS_PAGE (self), NULL);

  if (!get_context (self, &context, &filter_text))
    return NULL;

  return jd_table_context_caption (&context);
}

/**
 * jd_page_get_export_name:
 * @name: what is exported: the page's or a chart's name
 *
 * Returns: (transfer full) (nullable): the file name offered for an
 *   export of @name, with the period in it
 */
char *
jd_page_get_export_name (JdPage     *self,
                         const char *name,
                         const char *extension)
{
  JdPagePrivate *priv = jd_page_get_instance_private (self);
  g_autofree char *safe = NULL;
  JdPeriod period;

  g_return_val_if_fail (JD_IS_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (priv->session == NULL || !jd_session_get_period (priv->session, &period))
    return NULL;

  safe = g_strdelimit (g_strdup (name), "/\\:*?\"<>|", '-');
  return jd_table_file_name (safe, &period, extension);
}

/**
 * jd_page_export_button_new:
 *
 * Returns: (transfer floating): the "Export Table" menu button (XLSX or
 *   CSV) that a page puts above or beside its table or list
 */
GtkWidget *
jd_page_export_button_new (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _("Export as _XLSX…"), "page.export-table::xlsx");
  g_menu_append (menu, _("Export as _CSV…"), "page.export-table::csv");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Export Table"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_tooltip_text (button, _("Save this table as a spreadsheet"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

/* jd-page.c — one page of the cockpit: reads the session's figures off the UI thread
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-page"

#include "config.h"

#include "jd-page.h"

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

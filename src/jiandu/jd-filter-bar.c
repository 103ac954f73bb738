/* jd-filter-bar.c — the filter every page shows: level, region, agency, domain
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-cockpit-tables.h"
#include "jd-enums.h"
#include "jd-filter-bar.h"

/* The bar holds no filter of its own: the drop-downs and the chips show
 * the session's, and change it.  A drill-down elsewhere (a click on an
 * agency) changes the session, and the bar follows. */
struct _JdFilterBar
{
  GtkWidget        parent_instance;

  JdSession       *session;
  GCancellable    *cancellable;
  gboolean         syncing;      /* setting the drop-downs from the session */
  gboolean         loading;
  guint            n_chips;

  /* For each drop-down, the filter values of its items; item 0 is "all" (NULL). */
  GPtrArray       *values[JD_N_DIMENSIONS];

  /* Template widgets */
  GtkMenuButton   *filter_button;
  GtkDropDown     *level_dropdown;
  GtkDropDown     *region_dropdown;
  GtkDropDown     *agency_dropdown;
  GtkDropDown     *domain_dropdown;
  GtkFlowBox      *chips;
};

G_DEFINE_FINAL_TYPE (JdFilterBar, jd_filter_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const levels[] = { "city", "county", "township" };

static GtkDropDown *
dropdown_for (JdFilterBar *self,
              JdDimension  dimension)
{
  switch (dimension)
    {
    case JD_DIMENSION_AGENCY:
      return self->agency_dropdown;
    case JD_DIMENSION_DOMAIN:
      return self->domain_dropdown;
    case JD_DIMENSION_LEVEL:
      return self->level_dropdown;
    case JD_DIMENSION_REGION:
      return self->region_dropdown;
    case JD_N_DIMENSIONS:
    default:
      g_assert_not_reached ();
    }
}

/* The names to filter by live in the session, which every export and
 * report reads them from; NULL until the worker has read them. */
static const JdFilterChoices *
choices_of (JdFilterBar *self)
{
  return self->session != NULL ? jd_session_get_filter_choices (self->session) : NULL;
}

static void
fill_dropdown (JdFilterBar *self,
               JdDimension  dimension,
               const char  *all_label)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (model, all_label);
  g_ptr_array_add (values, NULL);

  if (dimension == JD_DIMENSION_LEVEL)
    for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
      {
        gtk_string_list_append (model, jd_enum_label (JD_ENUM_LEVEL, levels[i]));
        g_ptr_array_add (values, g_strdup (levels[i]));
      }
  else if (dimension == JD_DIMENSION_REGION && choices_of (self) != NULL)
    for (guint i = 0; choices_of (self)->regions[i] != NULL; i++)
      {
        gtk_string_list_append (model, choices_of (self)->regions[i]);
        g_ptr_array_add (values, g_strdup (choices_of (self)->regions[i]));
      }
  else if (choices_of (self) != NULL)
    {
      GPtrArray *list = dimension == JD_DIMENSION_AGENCY ? choices_of (self)->agencies : choices_of (self)->domains;

      for (guint i = 0; i < list->len; i++)
        {
          const JdFilterChoice *choice = list->pdata[i];

          gtk_string_list_append (model, choice->name);
          g_ptr_array_add (values, g_strdup (choice->code));
        }
    }

  g_clear_pointer (&self->values[dimension], g_ptr_array_unref);
  self->values[dimension] = values;

  self->syncing = TRUE;
  gtk_drop_down_set_model (dropdown_for (self, dimension), G_LIST_MODEL (model));
  self->syncing = FALSE;
}

static void
on_chip_clicked_cb (GtkButton   *chip,
                    JdFilterBar *self)
{
  JdDimension dimension = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chip), "dimension"));

  if (self->session != NULL)
    jd_session_set_filter_field (self->session, dimension, NULL);
}

static void
add_chip (JdFilterBar *self,
          JdDimension  dimension,
          const char  *label)
{
  GtkWidget *chip = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *text = gtk_label_new (label);
  g_autofree char *accessible = NULL;

  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 24);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (chip), box);
  gtk_widget_add_css_class (chip, "filter-chip");
  gtk_widget_set_tooltip_text (chip, _("Remove this filter"));
  /* Translators: what a screen reader says of a filter chip, "Remove filter: 县级" */
  accessible = g_strdup_printf (_("Remove filter: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (chip), "dimension", GUINT_TO_POINTER (dimension));
  g_signal_connect_object (chip, "clicked", G_CALLBACK (on_chip_clicked_cb), self, 0);

  gtk_flow_box_append (self->chips, chip);
  self->n_chips++;
}

/* The drop-downs and chips say what the session's filter is. */
static void
sync_from_session (JdFilterBar *self)
{
  const JdFilter *filter;
  const JdDimension *order;
  guint n_order;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))) != NULL)
    gtk_flow_box_remove (self->chips, child);
  self->n_chips = 0;

  if (self->session == NULL)
    return;

  filter = jd_session_get_filter (self->session);
  order = jd_filter_dimensions (&n_order);
  self->syncing = TRUE;
  for (guint o = 0; o < n_order; o++)
    {
      JdDimension d = order[o];
      const char *value = jd_filter_get_value (filter, d);
      guint selected = 0;

      for (guint i = 1; value != NULL && self->values[d] != NULL && i < self->values[d]->len; i++)
        if (g_strcmp0 (self->values[d]->pdata[i], value) == 0)
          selected = i;
      gtk_drop_down_set_selected (dropdown_for (self, d), selected);

      if (value != NULL)
        /* a name, never a code */
        add_chip (self, d, jd_filter_choices_label (choices_of (self), d, value));
    }
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->chips), self->n_chips > 0);
}

static void
on_selected_cb (GtkDropDown *dropdown,
                GParamSpec  *pspec,
                JdFilterBar *self)
{
  JdDimension dimension = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "dimension"));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || self->session == NULL || self->values[dimension] == NULL ||
      selected >= self->values[dimension]->len)
    return;

  jd_session_set_filter_field (self->session, dimension, self->values[dimension]->pdata[selected]);
}

static void
fill_dropdowns (JdFilterBar *self)
{
  fill_dropdown (self, JD_DIMENSION_LEVEL, _("All levels"));
  fill_dropdown (self, JD_DIMENSION_REGION, _("All regions"));
  fill_dropdown (self, JD_DIMENSION_AGENCY, _("All agencies"));
  fill_dropdown (self, JD_DIMENSION_DOMAIN, _("All domains"));
  sync_from_session (self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  JdFilterChoices *choices = jd_filter_choices_load (task_data, &error);

  if (choices == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, choices, (GDestroyNotify)jd_filter_choices_free);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  JdFilterBar *self = JD_FILTER_BAR (object);
  g_autoptr(GError) error = NULL;
  JdFilterChoices *choices = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (choices == NULL)
    {
      g_warning ("Could not read the agencies and domains to filter by: %s", error->message);
      return;
    }

  if (self->session != NULL)
    jd_session_set_filter_choices (self->session, choices);
  else
    jd_filter_choices_free (choices);
  fill_dropdowns (self);
}

static void
load_choices (JdFilterBar *self)
{
  g_autoptr(GTask) task = NULL;
  JdStore *store = self->session != NULL ? jd_session_get_store (self->session) : NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  fill_dropdowns (self);

  if (store == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_thread);
  self->loading = TRUE;
}

static void
on_session_changed_cb (JdSession   *session,
                       guint        what,
                       JdFilterBar *self)
{
  /* New data may bring new agencies (an import with "create agencies"). */
  if (what & (JD_SESSION_CHANGED_STORE | JD_SESSION_CHANGED_DATA))
    load_choices (self);
  else if (what & JD_SESSION_CHANGED_FILTER)
    sync_from_session (self);
}

static void
jd_filter_bar_dispose (GObject *object)
{
  JdFilterBar *self = (JdFilterBar *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  jd_filter_bar_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_FILTER_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (jd_filter_bar_parent_class)->dispose (object);
}

static void
jd_filter_bar_finalize (GObject *object)
{
  JdFilterBar *self = (JdFilterBar *)object;

  for (guint d = 0; d < JD_N_DIMENSIONS; d++)
    g_clear_pointer (&self->values[d], g_ptr_array_unref);

  G_OBJECT_CLASS (jd_filter_bar_parent_class)->finalize (object);
}

static void
jd_filter_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JdFilterBar *self = JD_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_filter_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JdFilterBar *self = JD_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jd_filter_bar_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_filter_bar_class_init (JdFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_filter_bar_dispose;
  object_class->finalize = jd_filter_bar_finalize;
  object_class->get_property = jd_filter_bar_get_property;
  object_class->set_property = jd_filter_bar_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, JdFilterBar, filter_button);
  gtk_widget_class_bind_template_child (widget_class, JdFilterBar, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdFilterBar, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdFilterBar, agency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdFilterBar, domain_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdFilterBar, chips);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "filterbar");
}

static void
jd_filter_bar_init (JdFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (JdDimension d = 0; d < JD_N_DIMENSIONS; d++)
    {
      GtkDropDown *dropdown = dropdown_for (self, d);
      GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      g_object_set_data (G_OBJECT (dropdown), "dimension", GUINT_TO_POINTER (d));
      /* The drop-down takes a reference of its own. */
      gtk_drop_down_set_expression (dropdown, expression);
      gtk_expression_unref (expression);
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_selected_cb), self, 0);
    }

  fill_dropdowns (self);
}

JdSession *
jd_filter_bar_get_session (JdFilterBar *self)
{
  g_return_val_if_fail (JD_IS_FILTER_BAR (self), NULL);

  return self->session;
}

void
jd_filter_bar_set_session (JdFilterBar *self,
                           JdSession   *session)
{
  g_return_if_fail (JD_IS_FILTER_BAR (self));
  g_return_if_fail (session == NULL || JD_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_changed_cb, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, 0);

  load_choices (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * jd_filter_bar_describe:
 *
 * Returns: (transfer full) (nullable): what the filter restricts to, by
 *   name ("县级 · 西湖区"), for the window's subtitle and exports; %NULL
 *   when nothing is filtered
 */
char *
jd_filter_bar_describe (JdFilterBar *self)
{
  g_return_val_if_fail (JD_IS_FILTER_BAR (self), NULL);

  if (self->session == NULL)
    return NULL;

  return jd_filter_describe (jd_session_get_filter (self->session), choices_of (self));
}

/* Opens the drop-downs, as the Filter button and Ctrl+Shift+F do. */
void
jd_filter_bar_popup (JdFilterBar *self)
{
  g_return_if_fail (JD_IS_FILTER_BAR (self));

  gtk_menu_button_popup (self->filter_button);
}

/* How many filter chips the bar shows. */
guint
jd_filter_bar_get_n_chips (JdFilterBar *self)
{
  g_return_val_if_fail (JD_IS_FILTER_BAR (self), 0);

  return self->n_chips;
}

/* Whether the bar is still reading what it offers to filter by. */
gboolean
jd_filter_bar_get_loading (JdFilterBar *self)
{
  g_return_val_if_fail (JD_IS_FILTER_BAR (self), FALSE);

  return self->loading;
}

/* jd-warnings-page.c — 预警: every warning of the period, by rule
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-warnings-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "jd-warnings.h"
#include "jd-warnings-page.h"

struct _JdWarningsPage
{
  JdPage      parent_instance;

  guint       n_warnings;
  GPtrArray  *warnings;   /* (element-type JdWarning) on show */

  /* Template widgets */
  GtkBox              *export_box;
  GtkStack   *stack;
  GtkBox     *groups_box;
};

G_DEFINE_FINAL_TYPE (JdWarningsPage, jd_warnings_page, JD_TYPE_PAGE)

static void
on_row_activated_cb (JdWarningsPage *self,
                     AdwActionRow   *row)
{
  const char *code = g_object_get_data (G_OBJECT (row), "agency-code");

  if (code != NULL)
    jd_page_open_agency (JD_PAGE (self), code);
}

static GtkWidget *
warning_row_new (JdWarningsPage  *self,
                 const JdWarning *warning)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 warning->agency_name != NULL ? warning->agency_name : _("All agencies in view"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), warning->message);

  /* A warning about one agency opens that agency's profile. */
  if (warning->agency_code != NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "agency-code", g_strdup (warning->agency_code), g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, G_CONNECT_SWAPPED);
    }

  return row;
}

static void
jd_warnings_page_show (JdPage   *page,
                       gpointer  data)
{
  JdWarningsPage *self = JD_WARNINGS_PAGE (page);
  GPtrArray *warnings = data;
  AdwPreferencesGroup *group = NULL;
  GtkWidget *child;
  int rule = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  /* jd_warnings_compute() gives them by rule, the worst first. */
  for (guint i = 0; i < warnings->len; i++)
    {
      const JdWarning *warning = g_ptr_array_index (warnings, i);

      if ((int)warning->rule != rule)
        {
          guint n = 0;
          g_autofree char *description = NULL;

          for (guint j = i; j < warnings->len && ((JdWarning *)g_ptr_array_index (warnings, j))->rule == warning->rule; j++)
            n++;

          rule = warning->rule;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, jd_warning_rule_label (warning->rule));
          description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n), n);
          adw_preferences_group_set_description (group, description);
          gtk_box_append (self->groups_box, GTK_WIDGET (group));
        }

      adw_preferences_group_add (group, warning_row_new (self, warning));
    }

  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = g_ptr_array_ref (warnings);
  self->n_warnings = warnings->len;
  gtk_stack_set_visible_child_name (self->stack, warnings->len > 0 ? "list" : "empty");
}

static JdTable *
jd_warnings_page_export_table (JdPage               *page,
                               const JdTableContext *context)
{
  JdWarningsPage *self = JD_WARNINGS_PAGE (page);

  return self->warnings != NULL ? jd_warnings_table_new (self->warnings, jd_page_get_title (page), context) : NULL;
}

static void
jd_warnings_page_dispose (GObject *object)
{
  g_clear_pointer (&JD_WARNINGS_PAGE (object)->warnings, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_WARNINGS_PAGE);

  G_OBJECT_CLASS (jd_warnings_page_parent_class)->dispose (object);
}

static void
jd_warnings_page_class_init (JdWarningsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JdPageClass *page_class = JD_PAGE_CLASS (klass);

  object_class->dispose = jd_warnings_page_dispose;

  page_class->info = jd_cockpit_page ("warnings");
  page_class->show = jd_warnings_page_show;
  page_class->export_table = jd_warnings_page_export_table;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-warnings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdWarningsPage, export_box);
  gtk_widget_class_bind_template_child (widget_class, JdWarningsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, JdWarningsPage, groups_box);
}

static void
jd_warnings_page_init (JdWarningsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_append (self->export_box, jd_page_export_button_new ());
}

/* How many warnings the page shows, for tests and the sidebar. */
guint
jd_warnings_page_get_n_warnings (JdWarningsPage *self)
{
  g_return_val_if_fail (JD_IS_WARNINGS_PAGE (self), 0);

  return self->n_warnings;
}

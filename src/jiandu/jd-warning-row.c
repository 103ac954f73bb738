/* jd-warning-row.c — a row of a list of warnings (预警): the rule and what crossed it
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-warning-row"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-warning-row.h"

/* The overview and the agency profile list warnings the same way, so a
 * leader reads them alike on both. */

/* Returns: (transfer floating): a row titled with @warning's rule */
GtkWidget *
jd_warning_row_new (const JdWarning *warning)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  g_return_val_if_fail (warning != NULL, NULL);

  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jd_warning_rule_label (warning->rule));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), warning->message);

  return row;
}

/* Returns: (transfer floating): the row of a list without warnings */
GtkWidget *
jd_warning_row_new_none (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No warnings in this period"));
  gtk_widget_add_css_class (row, "dim-label");

  return row;
}

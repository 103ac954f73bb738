/* jd-agency-row.c — a row naming an agency and a figure, opening its profile
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-agency-row"

#include "config.h"

#include "jd-agency-row.h"

static void
on_row_activated_cb (AdwActionRow *row,
                     JdPage       *page)
{
  jd_page_open_agency (page, jd_agency_row_get_code (GTK_WIDGET (row)));
}

/**
 * jd_agency_row_new:
 * @page: the page the row is on; activating the row opens the agency there
 * @value: the figure, already formatted, shown at the end of the row
 *
 * Returns: (transfer floating): an activatable #AdwActionRow
 */
GtkWidget *
jd_agency_row_new (JdPage     *page,
                   const char *name,
                   const char *code,
                   const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  g_return_val_if_fail (JD_IS_PAGE (page), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  gtk_widget_add_css_class (label, "numeric");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : code);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "agency-code", g_strdup (code), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), page, 0);

  return row;
}

/* Returns: the code of the agency @row opens */
const char *
jd_agency_row_get_code (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "agency-code");
}

/* Removes @rows (added to @group) from @group, and empties the list. */
void
jd_agency_rows_clear (AdwPreferencesGroup  *group,
                      GList               **rows)
{
  for (GList *l = *rows; l != NULL; l = l->next)
    adw_preferences_group_remove (group, l->data);
  g_clear_pointer (rows, g_list_free);
}

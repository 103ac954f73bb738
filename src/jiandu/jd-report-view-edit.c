/* jd-report-view-edit.c — the report view's paragraph editing: save,
 * regenerate from the figures, and Undo
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-report-view"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-report-edits.h"
#include "jd-report-view-internal.h"

void
_jd_report_view_on_editor_save_cb (JdReportEditor *editor,
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
      _jd_report_view_show_error (self, _("Could Not Save the Paragraph"), error);
      return;
    }

  g_free (self->focus_key);
  self->focus_key = g_strdup (key);
  _jd_report_view_rebuild (self, TRUE);
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
      _jd_report_view_show_error (self, _("Could Not Restore Your Wording"), error);
      return;
    }

  g_free (self->focus_key);
  self->focus_key = g_strdup (data->key);
  _jd_report_view_rebuild (self, TRUE);
}

/* Regenerating throws the analyst's wording away: a toast offers it back. */
void
_jd_report_view_on_editor_regenerate_cb (JdReportEditor *editor,
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
      _jd_report_view_show_error (self, _("Could Not Regenerate the Paragraph"), error);
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
  _jd_report_view_rebuild (self, TRUE);
}

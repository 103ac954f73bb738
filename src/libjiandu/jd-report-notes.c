/* jd-report-notes.c — the report's 附表 and 附注
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The appendix holds every agency's figures (the agencies page's table),
 * and the notes what a reader needs to trust them: the period as far as
 * the data reach, the filter, the definitions and settings in force, and
 * the import batches the figures rest on.
 */

#define G_LOG_DOMAIN "jd-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-cockpit-tables.h"
#include "jd-format.h"
#include "jd-import.h"
#include "jd-report-private.h"
#include "jd-settings.h"

/* The imports named one by one; older ones are counted. */
#define MAX_IMPORTS_NAMED 12

static void
add_note (JdReportBuilder *builder,
          const char      *text)
{
  jd_doc_add_block (builder->doc, jd_block_footnote_new (text));
}

static void
add_settings_notes (JdReportBuilder *builder)
{
  const JdMetrics *m = builder->overview->current;
  const JdSettingInfo *settings;
  guint n_settings;
  g_autofree char *loss = NULL;
  g_autofree char *correction = NULL;

  /* Reuses the command line's "Loss-rate denominator: …" */
  loss = g_strdup_printf (_("%s: %s"), _("Loss-rate denominator"),
                          jd_metrics_definition_label (m->loss_rate_denominator));
  add_note (builder, loss);
  correction = g_strdup_printf (_("%s: %s"), _("Correction-rate denominator"),
                                jd_metrics_definition_label (m->correction_rate_denominator));
  add_note (builder, correction);

  /* The thresholds of the warnings and the rankings */
  settings = jd_settings_list (&n_settings);
  for (guint i = 0; i < n_settings; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *note = NULL;

      if (settings[i].text || settings[i].choices != NULL)
        continue;
      /* a line between 0 and 1 is a rate, printed as the figures are */
      if (settings[i].minimum == 0 && settings[i].maximum == 1)
        value = jd_format_rate (jd_settings_get_double (builder->store, settings[i].key));
      else
        value = jd_settings_get (builder->store, settings[i].key);
      note = g_strdup_printf (_("%s: %s"), _(settings[i].description), value);
      add_note (builder, note);
    }
}

static gboolean
add_import_notes (JdReportBuilder  *builder,
                  GError          **error)
{
  g_autoptr(GPtrArray) records = jd_import_list (builder->store, error);
  guint named = 0, older = 0;

  if (records == NULL)
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      const JdImportRecord *record = records->pdata[i];
      g_autofree char *note = NULL;
      g_autofree char *id = NULL;

      if (record->undone_at != NULL || record->finished_at == NULL)
        continue;
      if (named == MAX_IMPORTS_NAMED)
        {
          older++;
          continue;
        }

      id = g_strdup_printf ("%" G_GINT64_FORMAT, record->id);
      /* Translators: one import the figures rest on: its number, file,
       * what it held, when it finished and how many rows it added and
       * changed; zh_CN: "第%1$s批：%2$s（%3$s），%4$s导入，新增%5$u行，更新%6$u行" */
      note = g_strdup_printf (_("Import %1$s: %2$s (%3$s), finished %4$s, %5$u rows new, %6$u updated"),
                              id, record->file_name, record->entity, record->finished_at,
                              record->n_new, record->n_updated);
      add_note (builder, note);
      named++;
    }

  if (older > 0)
    {
      /* Translators: zh_CN: "另有更早的导入%u批" */
      g_autofree char *note = g_strdup_printf (_("and %u earlier imports"), older);

      add_note (builder, note);
    }
  else if (named == 0)
    /* Translators: zh_CN: "本数据库无导入记录，数据为演示数据或由其他数据库复制" */
    add_note (builder, _("No import is recorded in this database: its data are demo data or were copied from another"));

  return TRUE;
}

gboolean
_jd_report_add_appendix (JdReportBuilder  *builder,
                         GError          **error)
{
  JdTableContext context = {
    builder->period, builder->overview->current->data_end, builder->scope,
  };
  g_auto(GStrv) context_notes = jd_table_context_notes (&context);

  jd_doc_add_block (builder->doc, jd_block_page_break_new ());
  /* Translators: zh_CN: "附表：各执法单位主要指标" */
  jd_doc_add_block (builder->doc, jd_block_heading_new (1, _("Appendix: Figures by Agency")));
  jd_doc_add_block (builder->doc, jd_block_table_new (jd_agencies_table_new (builder->slices, &context)));

  /* Every warning, when the section could list only the first */
  if (builder->overview->warnings->len > JD_REPORT_WARNINGS_IN_TEXT)
    {
      /* Translators: zh_CN: "附：预警清单" */
      jd_doc_add_block (builder->doc, jd_block_heading_new (1, _("Appendix: Warnings")));
      jd_doc_add_block (builder->doc, jd_block_warnings_new (builder->overview->warnings));
    }

  /* Translators: zh_CN: "附注" */
  jd_doc_add_block (builder->doc, jd_block_heading_new (1, _("Notes")));
  for (guint i = 0; context_notes[i] != NULL; i++)
    add_note (builder, context_notes[i]);
  add_settings_notes (builder);

  /* Translators: zh_CN: "本报告数据来源于以下导入批次：" */
  add_note (builder, _("The figures rest on these imports:"));
  return add_import_notes (builder, error);
}

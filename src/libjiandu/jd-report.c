/* jd-report.c — the analysis report (月度、季度、年度分析报告) as a page model
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * jd_report_build() reads the figures once (jd_overview_load() for the
 * period, its comparisons, sparklines and warnings; jd_metrics_breakdown()
 * for the agencies), then lays the sections out as Chinese analysis
 * reports do (jd-report-sections.c) and ends with the agency table and
 * the notes (jd-report-notes.c).  Every number in it comes from
 * jd-metrics, so the report, the dashboard and `jiandu-cli metrics` agree.
 */

#define G_LOG_DOMAIN "jd-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-cockpit-tables.h"
#include "jd-report-private.h"
#include "jd-settings.h"

G_DEFINE_QUARK (jd-report-error-quark, jd_report_error)

static const struct
{
  const char *name;
  const char *label;
} templates[] = {
  /* Translators: the kinds of analysis report */
  [JD_REPORT_MONTH] = { "month", N_("Monthly Analysis Report") },
  [JD_REPORT_QUARTER] = { "quarter", N_("Quarterly Analysis Report") },
  [JD_REPORT_YEAR] = { "year", N_("Annual Analysis Report") },
  [JD_REPORT_YTD] = { "ytd", N_("Year-to-Date Analysis Report") },
};

const char *
jd_report_template_to_string (JdReportTemplate tmpl)
{
  g_return_val_if_fail (tmpl <= JD_REPORT_YTD, NULL);

  return templates[tmpl].name;
}

gboolean
jd_report_template_from_string (const char       *text,
                                JdReportTemplate *tmpl)
{
  g_return_val_if_fail (tmpl != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_strcmp0 (text, templates[i].name) == 0)
      {
        *tmpl = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * jd_report_template_for_period:
 *
 * Returns: the report a period asks for: a month's, a quarter's, a
 *   year's; any range of months (January to a month, typically) is told
 *   as months added up, the year-to-date report
 */
JdReportTemplate
jd_report_template_for_period (const JdPeriod *period)
{
  g_return_val_if_fail (period != NULL, JD_REPORT_MONTH);

  switch (period->kind)
    {
    case JD_PERIOD_MONTH:
      return JD_REPORT_MONTH;
    case JD_PERIOD_QUARTER:
      return JD_REPORT_QUARTER;
    case JD_PERIOD_YEAR:
      return JD_REPORT_YEAR;
    case JD_PERIOD_RANGE:
    default:
      return JD_REPORT_YTD;
    }
}

/* Returns: (transfer none): "月度分析报告" … */
const char *
jd_report_template_label (JdReportTemplate tmpl)
{
  g_return_val_if_fail (tmpl <= JD_REPORT_YTD, NULL);

  return _(templates[tmpl].label);
}

static char *
title_period (const JdPeriod   *period,
              JdReportTemplate  tmpl)
{
  if (period->kind == JD_PERIOD_YEAR)
    /* Translators: the year of an annual report's title; zh_CN: "%d年度" */
    return g_strdup_printf (_("Year %d"), period->year);

  return jd_period_format (period);
}

void
_jd_report_builder_clear (JdReportBuilder *builder)
{
  g_clear_pointer (&builder->overview, jd_overview_free);
  g_clear_pointer (&builder->slices, g_ptr_array_unref);
  g_clear_pointer (&builder->choices, jd_filter_choices_free);
  g_clear_pointer (&builder->scope, g_free);
  g_clear_pointer (&builder->edits, g_hash_table_unref);
  g_clear_pointer (&builder->doc, jd_doc_unref);
}

gboolean
_jd_report_builder_load (JdReportBuilder  *builder,
                         GError          **error)
{
  JdStore *store = builder->store;

  builder->overview = jd_overview_load (store, &builder->period, builder->filter, error);
  if (builder->overview == NULL)
    return FALSE;

  builder->slices = jd_metrics_breakdown (store, &builder->period, builder->filter, JD_DIMENSION_AGENCY, error);
  if (builder->slices == NULL)
    return FALSE;
  builder->min_total = (gint64)jd_settings_get_double (store, "rank_min_total");

  builder->choices = jd_filter_choices_load (store, error);
  if (builder->choices == NULL)
    return FALSE;
  if (builder->filter != NULL)
    builder->scope = jd_filter_describe (builder->filter, builder->choices);

  builder->edits = _jd_report_edits_load (store, &builder->period, builder->filter, builder->tmpl, error);
  if (builder->edits == NULL)
    return FALSE;

  builder->narrative.period = builder->period;
  builder->narrative.data_end = builder->overview->current->data_end;
  builder->narrative.scope = builder->scope;
  /* A year's period before is the year before: 环比 would repeat 同比;
   * months added up are compared with the same months a year earlier. */
  builder->narrative.period_on_period = builder->tmpl == JD_REPORT_MONTH || builder->tmpl == JD_REPORT_QUARTER;
  builder->narrative.loss_rate_line = jd_settings_get_double (store, "warn_loss_rate");

  return TRUE;
}

static void
add_title (JdReportBuilder *builder)
{
  g_autofree char *region = jd_settings_get (builder->store, "report_region_name");
  g_autofree char *bureau = jd_settings_get (builder->store, "report_bureau_name");
  g_autofree char *when = title_period (&builder->period, builder->tmpl);
  g_autofree char *cover = jd_metrics_format_period (builder->overview->current);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *subject = NULL;

  /* Translators: a report's title: %1$s the city ("××市"), %2$s the
   * period ("2026年第三季度"); zh_CN: "%1$s%2$s行政执法监督分析报告" */
  title = g_strdup_printf (_("%1$s Administrative Law Enforcement Supervision Report, %2$s"), region, when);
  if (builder->scope != NULL)
    /* Translators: under the title: the bureau, the period as far as the
     * data reach, and the filter; zh_CN: "%1$s · %2$s · %3$s" */
    subtitle = g_strdup_printf (C_("report subtitle", "%1$s · %2$s · %3$s"), bureau, cover, builder->scope);
  else
    /* Translators: under the title: the bureau and the period as far as
     * the data reach; zh_CN: "%1$s · %2$s" */
    subtitle = g_strdup_printf (C_("report subtitle", "%1$s · %2$s"), bureau, cover);
  /* Translators: the document's subject in its metadata: "季度分析报告 · 2026年第三季度" */
  subject = g_strdup_printf (C_("report subject", "%1$s · %2$s"), jd_report_template_label (builder->tmpl), cover);

  jd_doc_set_title (builder->doc, title);
  jd_doc_set_author (builder->doc, bureau);
  jd_doc_set_subject (builder->doc, subject);
  jd_doc_set_running_header (builder->doc, title);
  jd_doc_add_block (builder->doc, jd_block_title_new (title, subtitle));
}

/**
 * jd_report_build:
 * @filter: (nullable): which agencies and domains the report is about
 * @progress: (nullable): told how far the report has come
 *
 * Returns: (transfer full): the report, or %NULL with @error set (and
 *   %G_IO_ERROR_CANCELLED when @cancellable was cancelled)
 */
JdDoc *
jd_report_build (JdStore           *store,
                 const JdPeriod    *period,
                 const JdFilter    *filter,
                 JdReportTemplate   tmpl,
                 GCancellable      *cancellable,
                 JdProgressFunc     progress,
                 gpointer           user_data,
                 GError           **error)
{
  JdReportBuilder builder = { 0 };
  JdDoc *doc = NULL;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (tmpl <= JD_REPORT_YTD, NULL);

  builder.store = store;
  builder.period = *period;
  builder.filter = filter != NULL && !jd_filter_is_empty (filter) ? filter : NULL;
  builder.tmpl = tmpl;
  builder.doc = jd_doc_new (JD_PAGE_A4_PORTRAIT);

  if (progress != NULL)
    progress (0.0, user_data);

  if (!g_cancellable_set_error_if_cancelled (cancellable, error) &&
      _jd_report_builder_load (&builder, error) &&
      !g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (progress != NULL)
        progress (0.3, user_data);
      add_title (&builder);
      if (_jd_report_add_sections (&builder, cancellable, progress, user_data, error) &&
          _jd_report_add_appendix (&builder, error))
        doc = g_steal_pointer (&builder.doc);
    }

  _jd_report_builder_clear (&builder);
  if (doc != NULL && progress != NULL)
    progress (1.0, user_data);

  return doc;
}

/**
 * jd_report_section_heading:
 * @key: a paragraph's key
 *
 * Returns: (transfer full) (nullable): the level-1 heading of the section
 *   that holds the paragraph @key in @doc ("三、投诉举报"), %NULL when
 *   @doc has no such paragraph
 */
char *
jd_report_section_heading (JdDoc      *doc,
                           const char *key)
{
  int index;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  index = jd_doc_find_block (doc, key);
  for (int i = index; i >= 0; i--)
    {
      JdBlock *block = jd_doc_get_block (doc, i);

      if (jd_block_get_kind (block) == JD_BLOCK_HEADING && jd_block_get_level (block) == 1)
        return g_strdup (jd_block_get_text (block));
    }

  return NULL;
}

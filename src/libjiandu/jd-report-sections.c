/* jd-report-sections.c — the nine sections of an analysis report
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the order Chinese analysis reports use: 一、总体情况 … 九、下一步
 * 工作建议.  Each section opens with its drafted paragraph (or the
 * analyst's edit of it) and shows the one or two charts of the catalog
 * that matter for it, built for the report's period and filter.
 */

#define G_LOG_DOMAIN "jd-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-dashboard-charts.h"
#include "jd-format.h"
#include "jd-report-private.h"

static void
add_heading (JdReportBuilder *builder,
             guint            level,
             const char      *text)
{
  jd_doc_add_block (builder->doc, jd_block_heading_new (level, text));
}

/* @draft: (transfer full): the drafted markup.  The analyst's edit of
 * @key, if there is one, takes its place; it is stale when the draft it
 * was written against is not today's. */
static void
add_paragraph (JdReportBuilder *builder,
               const char      *key,
               char            *draft)
{
  g_autofree char *owned = draft;
  const JdReportEdit *edit = g_hash_table_lookup (builder->edits, key);
  JdParagraphState state = JD_PARAGRAPH_DRAFTED;
  JdBlock *block;

  if (edit != NULL)
    {
      block = jd_block_paragraph_new (edit->markup);
      state = JD_PARAGRAPH_EDITED;
      if (g_strcmp0 (edit->draft, draft) != 0)
        state |= JD_PARAGRAPH_STALE;
    }
  else
    block = jd_block_paragraph_new (draft);

  jd_block_set_key (block, key);
  jd_block_set_draft (block, draft);
  jd_block_set_state (block, state);
  jd_doc_add_block (builder->doc, block);
}

static gboolean
add_chart (JdReportBuilder  *builder,
           const char       *name,
           GError          **error)
{
  const JdDashboardChartInfo *info = jd_dashboard_chart_info (name);
  g_autoptr(JdChart) chart = NULL;

  g_assert (info != NULL);
  chart = jd_dashboard_chart_new (builder->store, name, &builder->period, builder->filter, error);
  if (chart == NULL)
    return FALSE;

  jd_doc_add_block (builder->doc, jd_block_chart_new (chart, info->height / info->width));
  return TRUE;
}

static JdNarrativeFigures
figures (JdReportBuilder *builder)
{
  JdNarrativeFigures f = {
    builder->overview->current, builder->overview->previous, builder->overview->year_earlier,
  };

  return f;
}

static gboolean
add_overview (JdReportBuilder  *builder,
              GError          **error)
{
  const JdOverview *o = builder->overview;
  JdNarrativeFigures f = figures (builder);
  JdChart *kpis[JD_N_KPIS];

  /* Translators: the report's first section; zh_CN: "一、总体情况" */
  add_heading (builder, 1, _("1. Overview"));
  for (guint k = 0; k < JD_N_KPIS; k++)
    kpis[k] = jd_overview_kpi_new (o, k);
  jd_doc_add_block (builder->doc, jd_block_kpi_row_new (kpis, JD_N_KPIS));
  for (guint k = 0; k < JD_N_KPIS; k++)
    jd_chart_unref (kpis[k]);

  add_paragraph (builder, "overview", jd_narrative_overview (&builder->narrative, &f));
  return TRUE;
}

static gboolean
add_cases (JdReportBuilder  *builder,
           GError          **error)
{
  JdNarrativeFigures f = figures (builder);
  const char *trend;

  /* Translators: zh_CN: "二、行政执法案件" */
  add_heading (builder, 1, _("2. Enforcement Cases"));
  add_paragraph (builder, "cases", jd_narrative_cases (&builder->narrative, &f));

  switch (builder->tmpl)
    {
    case JD_REPORT_QUARTER:
      trend = "cases-trend-quarterly";
      break;
    case JD_REPORT_YEAR:
      trend = "cases-trend-yearly";
      break;
    case JD_REPORT_MONTH:
    case JD_REPORT_YTD:
    default:
      trend = "decided-monthly";
      break;
    }

  return add_chart (builder, trend, error) && add_chart (builder, "cases-by-domain", error);
}

static gboolean
add_complaints (JdReportBuilder  *builder,
                GError          **error)
{
  JdNarrativeFigures f = figures (builder);

  /* Translators: zh_CN: "三、投诉举报" */
  add_heading (builder, 1, _("3. Complaints and Reports"));
  add_paragraph (builder, "complaints", jd_narrative_complaints (&builder->narrative, &f));

  return add_chart (builder, "complaints-by-channel", error) &&
         add_chart (builder, "complaint-rates", error);
}

static gboolean
add_legal (JdReportBuilder  *builder,
           GError          **error)
{
  JdNarrativeFigures f = figures (builder);

  /* Translators: zh_CN: "四、行政诉讼与行政复议" */
  add_heading (builder, 1, _("4. Administrative Lawsuits and Reconsideration"));
  /* Translators: zh_CN: "（一）行政诉讼" */
  add_heading (builder, 2, _("(1) Administrative lawsuits"));
  add_paragraph (builder, "lawsuits", jd_narrative_lawsuits (&builder->narrative, &f));
  if (!add_chart (builder, "cases-and-loss-rate", error))
    return FALSE;

  /* Translators: zh_CN: "（二）行政复议" */
  add_heading (builder, 2, _("(2) Administrative reconsideration"));
  add_paragraph (builder, "reconsiderations", jd_narrative_reconsiderations (&builder->narrative, &f));
  return add_chart (builder, "correction-rate", error);
}

static gboolean
add_leniency (JdReportBuilder  *builder,
              GError          **error)
{
  JdNarrativeFigures f = figures (builder);

  /* Translators: zh_CN: "五、免罚清单执行情况" */
  add_heading (builder, 1, _("5. Leniency Lists"));
  add_paragraph (builder, "leniency", jd_narrative_leniency (&builder->narrative, &f));
  return add_chart (builder, "leniency-by-kind", error);
}

static gboolean
add_reviews (JdReportBuilder  *builder,
             GError          **error)
{
  JdNarrativeFigures f = figures (builder);

  /* Translators: zh_CN: "六、案卷评查" */
  add_heading (builder, 1, _("6. Case-File Reviews"));
  add_paragraph (builder, "reviews", jd_narrative_reviews (&builder->narrative, &f));
  return add_chart (builder, "review-grades", error);
}

/* "甲（12.3%）、乙（10.0%）": @n rows of @ranking from @first, going
 * down the ranking (@step 1) or up it from the last (@step −1) */
static char *
ranking_names (const JdRanking *ranking,
               guint            first,
               guint            n,
               int              step)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint k = 0; k < n; k++)
    {
      const JdRankRow *row = ranking->rows->pdata[(int)first + step * (int)k];
      g_autofree char *value = jd_measure_format (ranking->measure, row->value);

      if (text->len > 0)
        g_string_append (text, C_("list", ", "));
      /* Translators: an agency and its figure in a ranking; zh_CN: "%1$s（%2$s）" */
      g_string_append_printf (text, C_("ranked agency", "%1$s (%2$s)"), row->name, value);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define RANKED 3

/* The first and the last three agencies by the measures leaders watch,
 * rates only over agencies with enough cases (the minimum-denominator
 * rule of the agencies page). */
JdTable *
_jd_report_rankings_table (JdReportBuilder *builder)
{
  static const JdMeasure measures[] = {
    JD_MEASURE_CASES_DECIDED, JD_MEASURE_COMPLAINTS, JD_MEASURE_CLOSING_RATE,
    JD_MEASURE_LOSS_RATE, JD_MEASURE_CORRECTION_RATE, JD_MEASURE_REVIEW_PASS_RATE,
  };
  g_autofree char *min_total = jd_format_count (builder->min_total);
  g_autofree char *note = NULL;
  JdTable *table;
  guint measure_column, first_column, last_column;

  /* Translators: zh_CN: "执法单位排名" */
  table = jd_table_new (_("Agency rankings"));
  /* Translators: zh_CN: "按比率排名的，仅含分母不少于%s件的单位" */
  note = g_strdup_printf (_("Rates rank only agencies with at least %s cases in the denominator"), min_total);
  jd_table_add_note (table, note);
  /* Translators: a table column; zh_CN: "指标" */
  measure_column = jd_table_add_column (table, _("Measure"), JD_COLUMN_TEXT);
  /* Translators: a table column: the agencies ranked first; zh_CN: "靠前单位" */
  first_column = jd_table_add_column (table, _("Best"), JD_COLUMN_TEXT);
  /* Translators: a table column: the agencies ranked last; zh_CN: "靠后单位" */
  last_column = jd_table_add_column (table, _("Worst"), JD_COLUMN_TEXT);

  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      const JdMeasureInfo *info = jd_measure_info (measures[i]);
      /* Best first: the highest, unless lower is better. */
      g_autoptr(JdRanking) ranking = jd_metrics_rank_slices (builder->slices, measures[i],
                                                             builder->min_total, info->better < 0);
      guint n = ranking->rows->len;
      g_autofree char *best = NULL;
      g_autofree char *worst = NULL;

      if (n == 0)
        continue;
      /* the best three, best first; the worst (never one of the best), worst first */
      best = ranking_names (ranking, 0, MIN (n, RANKED), 1);
      worst = n > RANKED ? ranking_names (ranking, n - 1, MIN (n - RANKED, RANKED), -1) : g_strdup ("");

      jd_table_add_row (table);
      jd_table_set_text (table, measure_column, _(info->label));
      jd_table_set_text (table, first_column, best);
      jd_table_set_text (table, last_column, worst);
    }

  return table;
}

/**
 * _jd_report_add_warnings:
 *
 * Adds the first @max of @warnings as a warnings block: at 10,000,000
 * cases a city has hundreds of overdue complaints, which would fill pages
 * of a report's section or a slide.
 *
 * Returns: how many were left out
 */
guint
_jd_report_add_warnings (JdReportBuilder *builder,
                         GPtrArray       *warnings,
                         guint            max)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_warning_free);

  if (warnings->len == 0)
    return 0;

  for (guint i = 0; i < warnings->len && i < max; i++)
    g_ptr_array_add (shown, jd_warning_copy (warnings->pdata[i]));
  jd_doc_add_block (builder->doc, jd_block_warnings_new (shown));

  return warnings->len > max ? warnings->len - max : 0;
}

static gboolean
add_warnings (JdReportBuilder  *builder,
              GError          **error)
{
  GPtrArray *warnings = builder->overview->warnings;
  guint n_more;

  /* Translators: zh_CN: "七、预警与排名" */
  add_heading (builder, 1, _("7. Warnings and Rankings"));
  /* Translators: zh_CN: "（一）预警情况" */
  add_heading (builder, 2, _("(1) Warnings"));
  add_paragraph (builder, "warnings", jd_narrative_warnings (&builder->narrative, warnings));
  n_more = _jd_report_add_warnings (builder, warnings, JD_REPORT_WARNINGS_IN_TEXT);
  if (n_more > 0)
    {
      g_autofree char *count = jd_format_count (n_more);
      /* Translators: under the report's first warnings; zh_CN: "另有%s条预警，见附：预警清单。" */
      g_autofree char *text = g_strdup_printf (_("%s more warnings are listed in the appendix “Warnings”."), count);

      jd_doc_add_block (builder->doc, jd_block_footnote_new (text));
    }

  /* Translators: zh_CN: "（二）排名情况" */
  add_heading (builder, 2, _("(2) Rankings"));
  jd_doc_add_block (builder->doc, jd_block_table_new (_jd_report_rankings_table (builder)));
  return TRUE;
}

static gboolean
add_problems (JdReportBuilder  *builder,
              GError          **error)
{
  GPtrArray *warnings = builder->overview->warnings;

  /* Translators: zh_CN: "八、存在的问题" */
  add_heading (builder, 1, _("8. Problems"));
  add_paragraph (builder, "problems", jd_narrative_problems (&builder->narrative, warnings));
  /* Translators: zh_CN: "九、下一步工作建议" */
  add_heading (builder, 1, _("9. Next Steps"));
  add_paragraph (builder, "suggestions", jd_narrative_suggestions (&builder->narrative, warnings));
  return TRUE;
}

gboolean
_jd_report_add_sections (JdReportBuilder  *builder,
                         GCancellable     *cancellable,
                         JdProgressFunc    progress,
                         gpointer          user_data,
                         GError          **error)
{
  static gboolean (* const sections[]) (JdReportBuilder *, GError **) = {
    add_overview, add_cases, add_complaints, add_legal, add_leniency, add_reviews,
    add_warnings, add_problems,
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !sections[i] (builder, error))
        return FALSE;
      if (progress != NULL)
        progress (0.3 + 0.6 * (i + 1) / G_N_ELEMENTS (sections), user_data);
    }

  return TRUE;
}

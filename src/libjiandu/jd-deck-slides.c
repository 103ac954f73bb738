/* jd-deck-slides.c — the joint meeting's deck drawn from the figures, as 16:9 pages
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The slides are the report's page model at 16:9 (JD_PAGE_SLIDE_16_9):
 * each shown slide of the deck is a page, its title a heading, its big
 * numbers a KPI row, its trend a chart of the catalog, its 红黑榜 the
 * report's ranking table; the report's drafted paragraph of the same
 * figures becomes the slide's speaker notes.  The figures are read once,
 * by the report's own loader, so the report and the slides cannot differ.
 */

#define G_LOG_DOMAIN "jd-deck"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pango.h>

#include "jd-cockpit-agency.h"
#include "jd-dashboard-charts.h"
#include "jd-deck.h"
#include "jd-format.h"
#include "jd-report-private.h"
#include "jd-settings.h"

/* The most warnings a slide lists; the rest are counted under them. */
#define MAX_WARNINGS 4
/* An agency's slide has its cards and ranks above its warnings. */
#define MAX_AGENCY_WARNINGS 2

/* A chart fills what a title and a row of KPI cards leave of a 16:9
 * slide: its height over its width. */
#define CHART_UNDER_KPIS 0.25

typedef struct
{
  JdReportBuilder  report;   /* the figures, read once */
  guint            n_slides; /* pages so far */
} Deck;

/* Every slide after the first starts a page. */
static void
begin_slide (Deck       *deck,
             const char *title)
{
  if (deck->n_slides++ > 0)
    jd_doc_add_block (deck->report.doc, jd_block_page_break_new ());
  if (title != NULL)
    jd_doc_add_block (deck->report.doc, jd_block_heading_new (1, title));
}

/* @markup: (transfer full): the drafted paragraph, as the speaker's notes */
static void
add_notes (Deck *deck,
           char *markup)
{
  g_autofree char *owned = markup;
  g_autofree char *text = NULL;

  if (owned == NULL || !pango_parse_markup (owned, -1, 0, NULL, &text, NULL, NULL))
    return;

  jd_doc_add_block (deck->report.doc, jd_block_notes_new (text));
}

static void
add_kpis (Deck        *deck,
          const JdKpi *kpis,
          guint        n_kpis)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_chart_unref);

  for (guint i = 0; i < n_kpis; i++)
    g_ptr_array_add (charts, jd_overview_kpi_new (deck->report.overview, kpis[i]));

  jd_doc_add_block (deck->report.doc, jd_block_kpi_row_new ((JdChart * const *)charts->pdata, charts->len));
}

static gboolean
add_chart (Deck        *deck,
           const char  *name,
           double       aspect,
           GError     **error)
{
  g_autoptr(JdChart) chart = jd_dashboard_chart_new (deck->report.store, name, &deck->report.period,
                                                     deck->report.filter, error);

  if (chart == NULL)
    return FALSE;

  jd_doc_add_block (deck->report.doc, jd_block_chart_new (chart, aspect));
  return TRUE;
}

static JdNarrativeFigures
figures (Deck *deck)
{
  JdNarrativeFigures f = {
    deck->report.overview->current, deck->report.overview->previous, deck->report.overview->year_earlier,
  };

  return f;
}

/* "2026年10月" as the title says it, or "2026年1–10月（截至10月）" */
static char *
period_text (Deck *deck)
{
  return jd_metrics_format_period (deck->report.overview->current);
}

static char *
meeting_name (Deck *deck)
{
  g_autofree char *region = jd_settings_get (deck->report.store, "report_region_name");

  /* Translators: the deck's title: %s the city ("××市"); zh_CN:
   * "%s行政执法协调监督工作联席会议" */
  return g_strdup_printf (_("%s Joint Meeting on Administrative Law Enforcement Supervision"), region);
}

static gboolean
title_slide (Deck     *deck,
             GError  **error)
{
  g_autofree char *name = meeting_name (deck);
  g_autofree char *bureau = jd_settings_get (deck->report.store, "report_bureau_name");
  g_autofree char *when = period_text (deck);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: the meeting's date on the title slide, as
   * g_date_time_format() takes it; zh_CN: "%Y年%-m月%-d日" */
  today = g_date_time_format (now, _("%-d %B %Y"));
  if (deck->report.scope != NULL)
    /* Translators: under the deck's title: the figures' period, the
     * filter, the bureau and the date; zh_CN: "%1$s · %2$s\n%3$s · %4$s" */
    subtitle = g_strdup_printf (C_("deck subtitle", "%1$s · %2$s\n%3$s · %4$s"),
                                when, deck->report.scope, bureau, today);
  else
    /* Translators: under the deck's title: the figures' period, the
     * bureau and the date; zh_CN: "%1$s\n%2$s · %3$s" */
    subtitle = g_strdup_printf (C_("deck subtitle", "%1$s\n%2$s · %3$s"), when, bureau, today);

  begin_slide (deck, NULL);
  jd_doc_add_block (deck->report.doc, jd_block_title_new (name, subtitle));
  return TRUE;
}

static gboolean
overview_slide (Deck     *deck,
                GError  **error)
{
  static const JdKpi kpis[] = {
    JD_KPI_CASES_DECIDED, JD_KPI_COMPLAINTS_RECEIVED, JD_KPI_LOSS_RATE,
    JD_KPI_CORRECTION_RATE, JD_KPI_LENIENCY_CASES, JD_KPI_REVIEW_PASS_RATE,
  };
  JdNarrativeFigures f = figures (deck);
  g_autofree char *when = period_text (deck);
  /* Translators: a slide's title; zh_CN: "总体情况（%s）" */
  g_autofree char *title = g_strdup_printf (_("Overview, %s"), when);

  begin_slide (deck, title);
  add_kpis (deck, kpis, G_N_ELEMENTS (kpis));
  add_notes (deck, jd_narrative_overview (&deck->report.narrative, &f));
  return TRUE;
}

/* A theme's slide: its big numbers, its trend and the report's paragraph
 * of it as notes. */
static gboolean
theme_slide (Deck         *deck,
             const char   *title,
             const JdKpi  *kpis,
             guint         n_kpis,
             const char   *chart,
             char         *notes,
             GError      **error)
{
  begin_slide (deck, title);
  add_kpis (deck, kpis, n_kpis);
  if (!add_chart (deck, chart, CHART_UNDER_KPIS, error))
    {
      g_free (notes);
      return FALSE;
    }
  add_notes (deck, notes);
  return TRUE;
}

static gboolean
cases_slide (Deck     *deck,
             GError  **error)
{
  static const JdKpi kpis[] = { JD_KPI_CASES_DECIDED };
  JdNarrativeFigures f = figures (deck);

  /* Translators: a slide's title; zh_CN: "行政执法案件" */
  return theme_slide (deck, _("Enforcement Cases"), kpis, G_N_ELEMENTS (kpis), "decided-monthly",
                      jd_narrative_cases (&deck->report.narrative, &f), error);
}

static gboolean
complaints_slide (Deck     *deck,
                  GError  **error)
{
  static const JdKpi kpis[] = { JD_KPI_COMPLAINTS_RECEIVED };
  JdNarrativeFigures f = figures (deck);

  /* Translators: a slide's title; zh_CN: "投诉举报" */
  return theme_slide (deck, _("Complaints and Reports"), kpis, G_N_ELEMENTS (kpis), "complaint-rates",
                      jd_narrative_complaints (&deck->report.narrative, &f), error);
}

static gboolean
lawsuits_slide (Deck     *deck,
                GError  **error)
{
  static const JdKpi kpis[] = { JD_KPI_LOSS_RATE, JD_KPI_CORRECTION_RATE };
  JdNarrativeFigures f = figures (deck);
  g_autofree char *lawsuits = jd_narrative_lawsuits (&deck->report.narrative, &f);
  g_autofree char *reconsiderations = jd_narrative_reconsiderations (&deck->report.narrative, &f);

  /* Translators: a slide's title; zh_CN: "行政诉讼与行政复议" */
  return theme_slide (deck, _("Lawsuits and Reconsiderations"), kpis, G_N_ELEMENTS (kpis), "loss-rate",
                      g_strconcat (lawsuits, "\n", reconsiderations, NULL), error);
}

static gboolean
leniency_slide (Deck     *deck,
                GError  **error)
{
  static const JdKpi kpis[] = { JD_KPI_LENIENCY_CASES };
  JdNarrativeFigures f = figures (deck);

  /* Translators: a slide's title; zh_CN: "免罚清单执行情况" */
  return theme_slide (deck, _("Leniency Lists"), kpis, G_N_ELEMENTS (kpis), "leniency-by-kind",
                      jd_narrative_leniency (&deck->report.narrative, &f), error);
}

static gboolean
reviews_slide (Deck     *deck,
               GError  **error)
{
  static const JdKpi kpis[] = { JD_KPI_REVIEW_PASS_RATE };
  JdNarrativeFigures f = figures (deck);

  /* Translators: a slide's title; zh_CN: "案卷评查" */
  return theme_slide (deck, _("Case-File Reviews"), kpis, G_N_ELEMENTS (kpis), "review-grades",
                      jd_narrative_reviews (&deck->report.narrative, &f), error);
}

static gboolean
ranking_slide (Deck     *deck,
               GError  **error)
{
  /* Translators: a slide's title: the best and the worst agencies;
   * zh_CN: "红黑榜" */
  begin_slide (deck, _("Best and Worst Agencies"));
  jd_doc_add_block (deck->report.doc, jd_block_table_new (_jd_report_rankings_table (&deck->report)));
  return TRUE;
}

/* The first @max of @warnings, and how many more there are. */
static void
add_warnings (Deck      *deck,
              GPtrArray *warnings,
              guint      max)
{
  guint n_more = _jd_report_add_warnings (&deck->report, warnings, max);

  if (n_more > 0)
    {
      g_autofree char *count = jd_format_count (n_more);
      /* Translators: under a slide's warnings; zh_CN: "另有%s条预警，详见分析报告。" */
      g_autofree char *text = g_strdup_printf (_("%s more warnings are listed in the analysis report."), count);

      jd_doc_add_block (deck->report.doc, jd_block_footnote_new (text));
    }
}

static gboolean
warnings_slide (Deck     *deck,
                GError  **error)
{
  GPtrArray *warnings = deck->report.overview->warnings;

  /* Translators: a slide's title: the warnings the bureau follows up
   * (督办); zh_CN: "预警督办事项" */
  begin_slide (deck, _("Warnings to Follow Up"));
  if (warnings->len == 0)
    {
      /* Translators: zh_CN: "本期无预警。" */
      jd_doc_add_block (deck->report.doc, jd_block_paragraph_new (_("No warnings in this period.")));
      return TRUE;
    }

  add_warnings (deck, warnings, MAX_WARNINGS);
  add_notes (deck, jd_narrative_warnings (&deck->report.narrative, warnings));
  return TRUE;
}

/* "案件办结数：第3名（共12个单位）；一审败诉率：未排名" */
static char *
ranks_text (const JdAgencyProfile *profile)
{
  static const JdMeasure measures[] = {
    JD_MEASURE_CASES_DECIDED, JD_MEASURE_CLOSING_RATE, JD_MEASURE_LOSS_RATE, JD_MEASURE_REVIEW_PASS_RATE,
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      const JdAgencyRank *rank = &profile->ranks[measures[i]];
      const char *label = _(jd_measure_info (measures[i])->label);

      if (text->len > 0)
        g_string_append (text, C_("list of ranks", "; "));
      if (rank->rank == 0)
        /* Translators: an agency not ranked on a rate (too few cases);
         * zh_CN: "%s：未排名" */
        g_string_append_printf (text, _("%s: not ranked"), label);
      else
        /* Translators: an agency's rank among those of its level;
         * zh_CN: "%1$s：第%2$u名（共%3$u个单位）" */
        g_string_append_printf (text, _("%1$s: %2$u of %3$u"), label, rank->rank, rank->n_ranked);
    }

  return g_string_free (text, FALSE);
}

static gboolean
agency_slide (Deck           *deck,
              const JdSlide  *slide,
              GCancellable   *cancellable,
              GError        **error)
{
  static const JdKpi kpis[] = { JD_KPI_CASES_DECIDED, JD_KPI_COMPLAINTS_RECEIVED, JD_KPI_LOSS_RATE };
  JdFilter filter = { 0 };
  g_autoptr(JdAgencyProfile) profile = NULL;
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_chart_unref);
  g_autofree char *ranks = NULL;
  g_autofree char *escaped = NULL;

  jd_filter_copy (&filter, deck->report.filter);
  g_free (filter.agency);
  filter.agency = g_strdup (slide->agency);
  profile = _jd_cockpit_load_agency (deck->report.store, &deck->report.period, &filter, cancellable, error);
  jd_filter_clear (&filter);
  if (profile == NULL)
    return FALSE;

  begin_slide (deck, profile->name);
  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    g_ptr_array_add (charts, jd_overview_kpi_new (profile->overview, kpis[i]));
  jd_doc_add_block (deck->report.doc, jd_block_kpi_row_new ((JdChart * const *)charts->pdata, charts->len));

  ranks = ranks_text (profile);
  escaped = g_markup_escape_text (ranks, -1);
  jd_doc_add_block (deck->report.doc, jd_block_paragraph_new (escaped));
  if (profile->overview->warnings->len > 0)
    add_warnings (deck, profile->overview->warnings, MAX_AGENCY_WARNINGS);

  return TRUE;
}

/* The analyst's slide: a title and a paragraph a line. */
static gboolean
text_slide (Deck           *deck,
            const JdSlide  *slide,
            GError        **error)
{
  g_auto(GStrv) lines = g_strsplit (slide->body != NULL ? slide->body : "", "\n", -1);

  begin_slide (deck, slide->title != NULL && *slide->title != '\0' ? slide->title : NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autofree char *escaped = NULL;

      if (*line == '\0')
        continue;
      escaped = g_markup_escape_text (line, -1);
      jd_doc_add_block (deck->report.doc, jd_block_paragraph_new (escaped));
    }

  return TRUE;
}

static gboolean
add_slide (Deck           *deck,
           const JdSlide  *slide,
           GCancellable   *cancellable,
           GError        **error)
{
  switch (slide->kind)
    {
    case JD_SLIDE_TITLE:
      return title_slide (deck, error);
    case JD_SLIDE_OVERVIEW:
      return overview_slide (deck, error);
    case JD_SLIDE_CASES:
      return cases_slide (deck, error);
    case JD_SLIDE_COMPLAINTS:
      return complaints_slide (deck, error);
    case JD_SLIDE_LAWSUITS:
      return lawsuits_slide (deck, error);
    case JD_SLIDE_LENIENCY:
      return leniency_slide (deck, error);
    case JD_SLIDE_REVIEWS:
      return reviews_slide (deck, error);
    case JD_SLIDE_RANKING:
      return ranking_slide (deck, error);
    case JD_SLIDE_WARNINGS:
      return warnings_slide (deck, error);
    case JD_SLIDE_AGENCY:
      return agency_slide (deck, slide, cancellable, error);
    case JD_SLIDE_TEXT:
      return text_slide (deck, slide, error);
    case JD_N_SLIDE_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
set_metadata (Deck *deck)
{
  g_autofree char *name = meeting_name (deck);
  g_autofree char *bureau = jd_settings_get (deck->report.store, "report_bureau_name");
  g_autofree char *when = period_text (deck);
  /* Translators: the deck's title in its metadata and at each slide's
   * foot; zh_CN: "%1$s · %2$s" */
  g_autofree char *title = g_strdup_printf (C_("deck title", "%1$s · %2$s"), name, when);

  jd_doc_set_title (deck->report.doc, title);
  jd_doc_set_author (deck->report.doc, bureau);
  jd_doc_set_subject (deck->report.doc, name);
  jd_doc_set_running_header (deck->report.doc, title);
}

/**
 * jd_deck_build:
 * @filter: (nullable): which agencies and domains the slides are about
 * @progress: (nullable): told how far the deck has come
 *
 * Draws @deck's shown slides from the figures of @period.  Blocks on the
 * database: call it from a worker.
 *
 * Returns: (transfer full): the deck as a 16:9 document, one page a shown
 *   slide, or %NULL with @error set
 */
JdDoc *
jd_deck_build (JdStore         *store,
               const JdPeriod  *period,
               const JdFilter  *filter,
               const JdDeck    *deck,
               GCancellable    *cancellable,
               JdProgressFunc   progress,
               gpointer         user_data,
               GError         **error)
{
  Deck d = { { 0 }, 0 };
  JdDoc *doc = NULL;
  gboolean ok;
  guint n;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (deck != NULL, NULL);

  d.report.store = store;
  d.report.period = *period;
  d.report.filter = filter != NULL && !jd_filter_is_empty (filter) ? filter : NULL;
  d.report.tmpl = jd_report_template_for_period (period);
  d.report.doc = jd_doc_new (JD_PAGE_SLIDE_16_9);

  if (progress != NULL)
    progress (0.0, user_data);

  ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       _jd_report_builder_load (&d.report, error);
  if (ok)
    set_metadata (&d);

  n = jd_deck_get_n_slides (deck);
  for (guint i = 0; ok && i < n; i++)
    {
      const JdSlide *slide = jd_deck_get_slide (deck, i);

      if (slide->hidden)
        continue;
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           add_slide (&d, slide, cancellable, error);
      if (ok && progress != NULL)
        progress (0.3 + 0.7 * (i + 1) / n, user_data);
    }

  if (ok)
    doc = g_steal_pointer (&d.report.doc);
  _jd_report_builder_clear (&d.report);

  return doc;
}

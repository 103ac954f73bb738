/* test-report.c — the analysis report: its sections, its figures, the analyst's edits
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <pango/pango.h>

#include "jd-cockpit.h"
#include "jd-demo.h"
#include "jd-format.h"
#include "jd-import.h"
#include "jd-metrics-private.h"
#include "jd-narrative.h"
#include "jd-report-edits.h"
#include "jd-settings.h"

#include "jd-test-metrics.h"
#include "jd-test-util.h"

#define DEMO_SEED  7
#define DEMO_CASES 4000

typedef struct
{
  char    *dir;
  char    *path;
  JdStore *store;
} Fixture;

static const char * const paragraph_keys[] = {
  "overview", "cases", "complaints", "lawsuits", "reconsiderations", "leniency", "reviews",
  "warnings", "problems", "suggestions",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jiandu-report-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "demo.db", NULL);
  fixture->store = jd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_demo_generate (fixture->store, DEMO_SEED, DEMO_CASES, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  jd_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static JdDoc *
build (Fixture          *fixture,
       const char       *period_text,
       const JdFilter   *filter,
       JdReportTemplate  tmpl)
{
  g_autoptr(GError) error = NULL;
  JdPeriod period;
  JdDoc *doc;

  g_assert_true (jd_period_parse (period_text, &period, NULL));
  doc = jd_report_build (fixture->store, &period, filter, tmpl, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static JdBlock *
paragraph (JdDoc      *doc,
           const char *key)
{
  int index = jd_doc_find_block (doc, key);

  g_assert_cmpint (index, >=, 0);
  return jd_doc_get_block (doc, index);
}

static void
test_templates (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const headings[] = {
    "1. Overview", "2. Enforcement Cases", "3. Complaints and Reports",
    "4. Administrative Lawsuits and Reconsideration", "5. Leniency Lists", "6. Case-File Reviews",
    "7. Warnings and Rankings", "8. Problems", "9. Next Steps", "Appendix: Figures by Agency", "Notes",
  };
  const struct {
    const char       *period;
    JdReportTemplate  tmpl;
    const char       *name;
    const char       *title;
  } reports[] = {
    { "2026-09", JD_REPORT_MONTH, "month", "Sample City Administrative Law Enforcement Supervision Report, September 2026" },
    { "2026Q3", JD_REPORT_QUARTER, "quarter", "Sample City Administrative Law Enforcement Supervision Report, Q3 2026" },
    { "2025", JD_REPORT_YEAR, "year", "Sample City Administrative Law Enforcement Supervision Report, Year 2025" },
    { "2026-01..2026-09", JD_REPORT_YTD, "ytd", "Sample City Administrative Law Enforcement Supervision Report, January–September 2026" },
  };

  for (guint r = 0; r < G_N_ELEMENTS (reports); r++)
    {
      g_autoptr(JdDoc) doc = NULL;
      JdReportTemplate parsed;
      JdPeriod period;
      guint h = 0, k = 0;

      g_assert_true (jd_period_parse (reports[r].period, &period, NULL));
      g_assert_cmpint (jd_report_template_for_period (&period), ==, reports[r].tmpl);
      g_assert_cmpstr (jd_report_template_to_string (reports[r].tmpl), ==, reports[r].name);
      g_assert_true (jd_report_template_from_string (reports[r].name, &parsed));
      g_assert_cmpint (parsed, ==, reports[r].tmpl);

      doc = build (fixture, reports[r].period, NULL, reports[r].tmpl);
      g_assert_cmpstr (jd_doc_get_title (doc), ==, reports[r].title);
      g_assert_cmpint (jd_block_get_kind (jd_doc_get_block (doc, 0)), ==, JD_BLOCK_TITLE);

      for (guint i = 0; i < jd_doc_get_n_blocks (doc); i++)
        {
          JdBlock *block = jd_doc_get_block (doc, i);

          if (jd_block_get_kind (block) == JD_BLOCK_HEADING && jd_block_get_level (block) == 1)
            {
              g_assert_cmpuint (h, <, G_N_ELEMENTS (headings));
              g_assert_cmpstr (jd_block_get_text (block), ==, headings[h]);
              h++;
            }
          if (jd_block_get_key (block) != NULL)
            {
              g_assert_cmpint (jd_block_get_kind (block), ==, JD_BLOCK_PARAGRAPH);
              g_assert_cmpuint (k, <, G_N_ELEMENTS (paragraph_keys));
              g_assert_cmpstr (jd_block_get_key (block), ==, paragraph_keys[k]);
              g_assert_cmpint (jd_block_get_state (block), ==, JD_PARAGRAPH_DRAFTED);
              g_assert_cmpstr (jd_block_get_draft (block), ==, jd_block_get_text (block));
              g_assert_true (pango_parse_markup (jd_block_get_text (block), -1, 0, NULL, NULL, NULL, NULL));
              k++;
            }
        }
      g_assert_cmpuint (h, ==, G_N_ELEMENTS (headings));
      g_assert_cmpuint (k, ==, G_N_ELEMENTS (paragraph_keys));
    }

  {
    g_autofree char *heading = NULL;
    g_autoptr(JdDoc) doc = build (fixture, "2026Q3", NULL, JD_REPORT_QUARTER);

    heading = jd_report_section_heading (doc, "reconsiderations");
    g_assert_cmpstr (heading, ==, "4. Administrative Lawsuits and Reconsideration");
    g_assert_null (jd_report_section_heading (doc, "nothing"));
  }
}

static void
assert_in_text (const char *text,
                char       *figure)
{
  g_autofree char *owned = figure;

  if (strstr (text, figure) == NULL)
    g_error ("“%s” is not in the report's text", figure);
}

/* The overview paragraph says the figures plain SQL over the raw rows
 * gives, with their 同比 and 环比. */
static void
test_overview_figures (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDoc) doc = build (fixture, "2026Q3", NULL, JD_REPORT_QUARTER);
  g_autoptr(JdMetrics) now = NULL;
  g_autoptr(JdMetrics) raw = NULL;
  g_autoptr(JdMetrics) raw_previous = NULL;
  g_autoptr(JdMetrics) raw_year_earlier = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *yoy = NULL;
  g_autofree char *pop = NULL;
  g_autofree char *comparisons = NULL;
  g_autofree char *clause = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *received = NULL;
  g_autofree char *loss = NULL;
  g_autofree char *pass = NULL;
  g_autofree char *fines = NULL;
  JdPeriod period, previous, year_earlier;
  const char *text;

  g_assert_true (jd_period_parse ("2026Q3", &period, NULL));
  year_earlier = jd_period_year_earlier (&period);
  previous = jd_period_previous (&period);

  now = jd_metrics_compute (fixture->store, &period, NULL, &error);
  g_assert_no_error (error);
  raw = _jd_metrics_compute_raw (fixture->store, &period, NULL, &error);
  g_assert_no_error (error);
  jd_test_assert_metrics_equal (now, raw);
  raw_previous = _jd_metrics_compute_raw (fixture->store, &previous, NULL, &error);
  g_assert_no_error (error);
  raw_year_earlier = _jd_metrics_compute_raw (fixture->store, &year_earlier, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw->cases.decided, >, 0);
  g_assert_cmpint (raw->lawsuits.loss.total, >, 0);
  g_assert_cmpint (raw->reviews.pass.total, >, 0);

  decided = jd_format_count (raw->cases.decided);
  yoy = jd_narrative_count_change (raw->cases.decided, raw_year_earlier->cases.decided);
  pop = jd_narrative_count_change (raw->cases.decided, raw_previous->cases.decided);
  g_assert_nonnull (yoy);
  g_assert_nonnull (pop);
  comparisons = jd_narrative_comparisons (yoy, pop);
  clause = g_strdup_printf ("This quarter, agencies across the city made %s enforcement decisions", decided);
  expected = jd_narrative_sentence (clause, comparisons);

  text = jd_block_get_text (paragraph (doc, "overview"));
  g_assert_true (g_str_has_prefix (text, expected));

  received = jd_format_count (raw->complaints.received);
  assert_in_text (text, g_strdup_printf (" %s complaints and reports were received", received));
  loss = jd_format_rate (jd_ratio_rate (raw->lawsuits.loss));
  assert_in_text (text, g_strdup_printf ("loss rate in administrative lawsuits was %s,", loss));
  pass = jd_format_rate (jd_ratio_rate (raw->reviews.pass));
  assert_in_text (text, g_strdup_printf ("with a pass rate of %s", pass));
  fines = jd_narrative_money (raw->cases.fines_fen);
  assert_in_text (text, g_strdup_printf ("Fines and confiscations came to %s,", fines));
}

static GPtrArray *
import_cases (Fixture    *fixture,
              const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "more-cases.csv", NULL);
  GPtrArray *results;

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  results = jd_import_file (fixture->store, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static char *
first_agency (Fixture *fixture,
              gboolean name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdFilterChoices) choices = jd_filter_choices_load (fixture->store, &error);
  const JdFilterChoice *choice;

  g_assert_no_error (error);
  g_assert_cmpuint (choices->agencies->len, >, 0);
  choice = choices->agencies->pdata[0];
  return g_strdup (name ? choice->name : choice->code);
}

/* Saved → edited; figures changed by an import → stale; forgotten →
 * drafted again. */
static void
test_edits (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDoc) first = build (fixture, "2026Q3", NULL, JD_REPORT_QUARTER);
  g_autoptr(JdDoc) edited = NULL;
  g_autoptr(JdDoc) after_import = NULL;
  g_autoptr(JdDoc) forgotten = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *overview_draft = g_strdup (jd_block_get_draft (paragraph (first, "overview")));
  g_autofree char *complaints_draft = g_strdup (jd_block_get_draft (paragraph (first, "complaints")));
  g_autofree char *agency = first_agency (fixture, FALSE);
  g_autofree char *csv = NULL;
  JdBlock *block;
  JdPeriod period;

  g_assert_true (jd_period_parse ("2026Q3", &period, NULL));
  g_assert_true (jd_report_edit_save (fixture->store, &period, NULL, JD_REPORT_QUARTER, "overview",
                                      "The quarter went <b>well</b>.", overview_draft, &error));
  g_assert_no_error (error);
  g_assert_true (jd_report_edit_save (fixture->store, &period, NULL, JD_REPORT_QUARTER, "complaints",
                                      "Complaints rose.", complaints_draft, &error));
  g_assert_no_error (error);
  /* saved again: the later wording replaces the earlier */
  g_assert_true (jd_report_edit_save (fixture->store, &period, NULL, JD_REPORT_QUARTER, "complaints",
                                      "Complaints rose, as every summer.", complaints_draft, &error));
  g_assert_no_error (error);

  /* Not markup: refused, nothing kept */
  g_assert_false (jd_report_edit_save (fixture->store, &period, NULL, JD_REPORT_QUARTER, "cases",
                                       "<b>unclosed", "draft", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  edited = build (fixture, "2026Q3", NULL, JD_REPORT_QUARTER);
  block = paragraph (edited, "overview");
  g_assert_cmpstr (jd_block_get_text (block), ==, "The quarter went <b>well</b>.");
  g_assert_cmpstr (jd_block_get_draft (block), ==, overview_draft);
  g_assert_cmpint (jd_block_get_state (block), ==, JD_PARAGRAPH_EDITED);
  block = paragraph (edited, "complaints");
  g_assert_cmpstr (jd_block_get_text (block), ==, "Complaints rose, as every summer.");
  g_assert_cmpint (jd_block_get_state (block), ==, JD_PARAGRAPH_EDITED);
  g_assert_cmpint (jd_block_get_state (paragraph (edited, "cases")), ==, JD_PARAGRAPH_DRAFTED);

  /* Three more cases decided in August 2026: the number of decisions in
   * the overview changes, the complaints do not. */
  csv = g_strdup_printf ("agency,case_no,kind,decided_on,fine_fen\n"
                         "%1$s,REPORT-1,penalty,2026-08-03,100\n"
                         "%1$s,REPORT-2,penalty,2026-08-04,200\n"
                         "%1$s,REPORT-3,inspection,2026-08-05,0\n", agency);
  results = import_cases (fixture, csv);
  g_assert_cmpuint (((JdImportResult *)results->pdata[0])->n_new, ==, 3);

  after_import = build (fixture, "2026Q3", NULL, JD_REPORT_QUARTER);
  block = paragraph (after_import, "overview");
  g_assert_cmpstr (jd_block_get_text (block), ==, "The quarter went <b>well</b>.");
  g_assert_cmpstr (jd_block_get_draft (block), !=, overview_draft);
  g_assert_cmpint (jd_block_get_state (block), ==, JD_PARAGRAPH_EDITED | JD_PARAGRAPH_STALE);
  g_assert_cmpint (jd_block_get_state (paragraph (after_import, "complaints")), ==, JD_PARAGRAPH_EDITED);

  /* The command line names the stale paragraph, and still writes the report. */
  {
    g_autofree char *out = g_build_filename (fixture->dir, "stale.pdf", NULL);
    const char *argv[] = { g_getenv ("JIANDU_CLI"), "report", "--db", fixture->path, "--period", "2026Q3",
                           "--out", out, NULL };
    g_autofree char *standard_error = NULL;
    int status;

    g_assert_nonnull (argv[0]);
    g_clear_object (&fixture->store);
    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &standard_error, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpstr (standard_error, ==,
                     "Paragraph “1. Overview” was edited before the figures changed; check it or regenerate it in the app.\n");
    g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
    fixture->store = jd_store_open (fixture->path, &error);
    g_assert_no_error (error);
  }

  g_assert_true (jd_report_edit_forget (fixture->store, &period, NULL, JD_REPORT_QUARTER, "overview", &error));
  g_assert_no_error (error);
  /* forgetting what was never edited is no error */
  g_assert_true (jd_report_edit_forget (fixture->store, &period, NULL, JD_REPORT_QUARTER, "cases", &error));
  g_assert_no_error (error);

  forgotten = build (fixture, "2026Q3", NULL, JD_REPORT_QUARTER);
  block = paragraph (forgotten, "overview");
  g_assert_cmpint (jd_block_get_state (block), ==, JD_PARAGRAPH_DRAFTED);
  g_assert_cmpstr (jd_block_get_text (block), ==, jd_block_get_draft (paragraph (after_import, "overview")));
  g_assert_cmpint (jd_block_get_state (paragraph (forgotten, "complaints")), ==, JD_PARAGRAPH_EDITED);
}

/* An edit belongs to its template, period and filter only; a filter
 * naming an agency by name finds the edit saved with its code. */
static void
test_edits_scoped (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = first_agency (fixture, FALSE);
  g_autofree char *name = first_agency (fixture, TRUE);
  JdFilter by_code = { code, NULL, NULL, NULL };
  JdFilter by_name = { name, NULL, NULL, NULL };
  JdFilter county = { NULL, NULL, (char *)"county", NULL };
  JdPeriod period;
  const struct {
    const char       *period;
    const JdFilter   *filter;
    JdReportTemplate  tmpl;
    JdParagraphState  state;
  } reports[] = {
    { "2026Q3", &by_name, JD_REPORT_QUARTER, JD_PARAGRAPH_EDITED },
    { "2026Q3", &by_code, JD_REPORT_QUARTER, JD_PARAGRAPH_EDITED },
    { "2026Q3", NULL, JD_REPORT_QUARTER, JD_PARAGRAPH_DRAFTED },
    { "2026Q3", &county, JD_REPORT_QUARTER, JD_PARAGRAPH_DRAFTED },
    { "2026Q2", &by_code, JD_REPORT_QUARTER, JD_PARAGRAPH_DRAFTED },
    { "2026Q3", &by_code, JD_REPORT_YTD, JD_PARAGRAPH_DRAFTED },
  };

  g_assert_true (jd_period_parse ("2026Q3", &period, NULL));
  {
    g_autoptr(JdDoc) doc = build (fixture, "2026Q3", &by_code, JD_REPORT_QUARTER);

    /* the filter is the scope of the sentences */
    g_assert_nonnull (strstr (jd_block_get_text (paragraph (doc, "overview")), name));
    g_assert_true (jd_report_edit_save (fixture->store, &period, &by_code, JD_REPORT_QUARTER, "reviews",
                                        "Edited for one agency.",
                                        jd_block_get_draft (paragraph (doc, "reviews")), &error));
    g_assert_no_error (error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autoptr(JdDoc) doc = build (fixture, reports[i].period, reports[i].filter, reports[i].tmpl);

      g_assert_cmpint (jd_block_get_state (paragraph (doc, "reviews")), ==, reports[i].state);
    }
}

/* The figures in parentheses of a ranking cell, in order */
static GArray *
ranked_values (const char *cell)
{
  g_autoptr(GRegex) number = g_regex_new ("\\(([0-9,]+)\\)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_regex_match (number, cell, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *text = g_match_info_fetch (match, 1);
      g_autofree char *digits = g_strdelimit (g_strdup (text), ",", ' ');
      g_autoptr(GString) plain = g_string_new (NULL);
      gint64 value;

      for (const char *p = digits; *p != '\0'; p++)
        if (*p != ' ')
          g_string_append_c (plain, *p);
      value = g_ascii_strtoll (plain->str, NULL, 10);
      g_array_append_val (values, value);
      g_match_info_next (match, NULL);
    }

  return values;
}

/* 七、预警与排名: the best three by cases decided, most first; the worst
 * three, fewest first, none of them among the best. */
static void
test_rankings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JdDoc) doc = build (fixture, "2026Q3", NULL, JD_REPORT_QUARTER);
  JdTable *table = NULL;

  for (guint i = 0; i < jd_doc_get_n_blocks (doc) && table == NULL; i++)
    {
      JdBlock *block = jd_doc_get_block (doc, i);

      if (jd_block_get_kind (block) == JD_BLOCK_TABLE &&
          g_str_equal (jd_table_get_title (jd_block_get_table (block)), "Agency rankings"))
        table = jd_block_get_table (block);
    }
  g_assert_nonnull (table);

  for (guint r = 0; r < jd_table_get_n_rows (table); r++)
    {
      g_autofree char *measure = jd_table_format_cell (table, r, 0);
      g_autofree char *best = jd_table_format_cell (table, r, 1);
      g_autofree char *worst = jd_table_format_cell (table, r, 2);
      g_autoptr(GArray) high = NULL;
      g_autoptr(GArray) low = NULL;

      if (!g_str_equal (measure, "Cases decided"))
        continue;
      high = ranked_values (best);
      low = ranked_values (worst);
      g_assert_cmpuint (high->len, ==, 3);
      g_assert_cmpuint (low->len, ==, 3);
      for (guint i = 1; i < 3; i++)
        {
          g_assert_cmpint (g_array_index (high, gint64, i - 1), >=, g_array_index (high, gint64, i));
          g_assert_cmpint (g_array_index (low, gint64, i - 1), <=, g_array_index (low, gint64, i));
        }
      g_assert_cmpint (g_array_index (low, gint64, 2), <=, g_array_index (high, gint64, 2));

      /* the worst named first: the last of the ranking */
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(JdRanking) ranking = NULL;
        const JdRankRow *last;
        JdPeriod period;

        g_assert_true (jd_period_parse ("2026Q3", &period, NULL));
        ranking = jd_metrics_rank (fixture->store, &period, NULL, JD_MEASURE_CASES_DECIDED, 0, FALSE, &error);
        g_assert_no_error (error);
        last = ranking->rows->pdata[ranking->rows->len - 1];
        g_assert_true (g_str_has_prefix (worst, last->name));
        g_assert_true (g_str_has_prefix (best, ((JdRankRow *)ranking->rows->pdata[0])->name));
      }
      return;
    }

  g_assert_not_reached ();
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDoc) doc = NULL;
  JdPeriod period;

  g_assert_true (jd_period_parse ("2026Q3", &period, NULL));
  g_cancellable_cancel (cancellable);
  doc = jd_report_build (fixture->store, &period, NULL, JD_REPORT_QUARTER, cancellable, NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A partial period: the quarter the data end inside is told as far as
 * they reach, and compared with the same months. */
static void
test_partial (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JdDoc) quarter = build (fixture, "2026Q4", NULL, JD_REPORT_QUARTER);
  g_autoptr(JdDoc) year = build (fixture, "2026", NULL, JD_REPORT_YEAR);

  g_assert_true (g_str_has_prefix (jd_block_get_text (paragraph (quarter, "overview")),
                                   "This quarter, through October, agencies across the city made "));
  g_assert_true (g_str_has_prefix (jd_block_get_text (paragraph (year, "overview")),
                                   "In January–October 2026, agencies across the city made "));
  g_assert_cmpstr (jd_block_get_subtitle (jd_doc_get_block (year, 0)), ==,
                   "Sample City Bureau of Justice · 2026 (through October)");
}

/* 附注: the period, the filter, the data's end, the definitions and the
 * lines in force (a rate as a rate), and where the figures come from */
static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDoc) doc = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  gboolean in_notes = FALSE;

  g_assert_true (jd_settings_set (fixture->store, "warn_loss_rate", "0.125", &error));
  g_assert_no_error (error);
  doc = build (fixture, "2026Q3", NULL, JD_REPORT_QUARTER);
  for (guint i = 0; i < jd_doc_get_n_blocks (doc); i++)
    {
      JdBlock *block = jd_doc_get_block (doc, i);

      if (jd_block_get_kind (block) == JD_BLOCK_HEADING)
        in_notes = g_str_equal (jd_block_get_text (block), "Notes");
      else if (in_notes)
        {
          g_assert_cmpint (jd_block_get_kind (block), ==, JD_BLOCK_FOOTNOTE);
          g_string_append_printf (notes, "%s\n", jd_block_get_text (block));
        }
    }

  g_assert_true (g_str_has_prefix (notes->str, "Period: Q3 2026\nFilter: none (every agency and domain)\n"
                                               "Data as of October 2026\n"));
  g_assert_nonnull (strstr (notes->str, "\nLoss-rate denominator: all concluded first-instance cases\n"));
  g_assert_nonnull (strstr (notes->str, "(the common control line is 15%): 12.5%\n"));
  g_assert_nonnull (strstr (notes->str, "\nRank an agency by a rate only if the rate is over at least this many cases: 5\n"));
  g_assert_true (g_str_has_suffix (notes->str, "The figures rest on these imports:\n"
                                               "No import is recorded in this database: its data are demo data "
                                               "or were copied from another\n"));
}

static char *
run_cli (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *standard_output = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &standard_output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return standard_output;
}

/* The text of the report jiandu-cli writes to @path: pdftotext's for a
 * PDF, LibreOffice's for a DOCX; NULL when the tool is missing (and CI
 * is not set: there its absence fails). */
static char *
report_text (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GError) error = NULL;

  if (g_str_has_suffix (path, ".docx"))
    {
      g_autofree char *soffice = g_find_program_in_path ("soffice");
      g_autofree char *outdir = g_build_filename (fixture->dir, "libreoffice", NULL);
      g_autofree char *txt = g_build_filename (outdir, "q3.txt", NULL);
      char *text = NULL;

      if (soffice == NULL)
        {
          if (g_getenv ("CI") != NULL)
            g_error ("soffice (LibreOffice) is not installed, and CI is set");
          return NULL;
        }
      g_assert_cmpint (g_mkdir_with_parents (outdir, 0700), ==, 0);
      if (!jd_test_run_soffice (soffice, "txt:Text", path, outdir, &error))
        g_error ("LibreOffice could not convert the report: %s", error->message);
      g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
      return text;
    }
  else
    {
      g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
      const char *argv[] = { pdftotext, path, "-", NULL };

      return pdftotext != NULL ? run_cli (argv) : NULL;
    }
}

/* Every headline figure of `jiandu-cli metrics --json` is in the text of
 * the report, as PDF and (@data) as DOCX opened in LibreOffice. */
static void
test_cli_pdf_figures (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, data != NULL ? data : "q3.pdf", NULL);
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *cases, *complaints, *lawsuits, *reconsiderations, *leniency, *reviews;

  g_clear_object (&fixture->store);
  {
    const char *argv[] = { g_getenv ("JIANDU_CLI"), "report", "--db", fixture->path, "--period", "2026Q3",
                           "--out", pdf, NULL };
    g_autofree char *out = run_cli (argv);
  }
  {
    const char *argv[] = { g_getenv ("JIANDU_CLI"), "metrics", "--db", fixture->path, "--period", "2026Q3",
                           "--json", NULL };
    json = run_cli (argv);
  }
  {
    g_autofree char *raw = report_text (fixture, pdf);
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

    if (raw == NULL)
      {
        g_test_skip ("pdftotext or LibreOffice is not installed");
        fixture->store = jd_store_open (fixture->path, &error);
        return;
      }
    /* one space between words, however the lines broke */
    text = g_regex_replace_literal (spaces, raw, -1, 0, " ", 0, NULL);
  }

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  cases = json_object_get_object_member (root, "cases");
  complaints = json_object_get_object_member (root, "complaints");
  lawsuits = json_object_get_object_member (root, "lawsuits");
  reconsiderations = json_object_get_object_member (root, "reconsiderations");
  leniency = json_object_get_object_member (root, "leniency");
  reviews = json_object_get_object_member (root, "reviews");

  {
    g_autofree char *decided = jd_format_count (json_object_get_int_member (cases, "decided"));
    g_autofree char *money = jd_narrative_money (json_object_get_int_member (cases, "fines_fen"));

    assert_in_text (text, g_strdup_printf ("made %s enforcement", decided));
    /* "¥6.13 million": the number, whichever line "million" goes on */
    *strchr (money, ' ') = '\0';
    assert_in_text (text, g_strdup_printf ("came to %s", money));
  }
  assert_in_text (text, jd_format_count (json_object_get_int_member (cases, "opened")));
  assert_in_text (text, jd_format_count (json_object_get_int_member (complaints, "received")));
  assert_in_text (text, jd_format_rate (json_object_get_double_member (complaints, "closing_rate")));
  assert_in_text (text, jd_format_rate (json_object_get_double_member (complaints, "on_time_rate")));
  assert_in_text (text, jd_format_rate (json_object_get_double_member (complaints, "satisfaction_rate")));
  assert_in_text (text, jd_format_count (json_object_get_int_member (lawsuits, "first_instance_concluded")));
  assert_in_text (text, jd_format_rate (json_object_get_double_member (lawsuits, "loss_rate")));
  assert_in_text (text, jd_format_rate (json_object_get_double_member (lawsuits, "withdrawal_rate")));
  assert_in_text (text, jd_format_rate (json_object_get_double_member (reconsiderations, "correction_rate")));
  assert_in_text (text, jd_format_count (json_object_get_int_member (leniency, "items_in_force")));
  assert_in_text (text, jd_format_count (json_object_get_int_member (leniency, "cases")));
  assert_in_text (text, jd_format_rate (json_object_get_double_member (leniency, "share_of_penalty_cases")));
  assert_in_text (text, jd_format_count (json_object_get_int_member (reviews, "reviewed")));
  assert_in_text (text, jd_format_rate (json_object_get_double_member (reviews, "pass_rate")));

  fixture->store = jd_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/report/templates", test_templates);
  ADD ("/report/overview-figures", test_overview_figures);
  ADD ("/report/edits", test_edits);
  ADD ("/report/edits/scoped", test_edits_scoped);
  ADD ("/report/rankings", test_rankings);
  ADD ("/report/cancel", test_cancel);
  ADD ("/report/partial", test_partial);
  ADD ("/report/notes", test_notes);
  ADD ("/report/cli/pdf-figures", test_cli_pdf_figures);
#undef ADD
  g_test_add ("/report/cli/docx-figures", Fixture, "q3.docx", fixture_set_up, test_cli_pdf_figures,
              fixture_tear_down);

  return g_test_run ();
}

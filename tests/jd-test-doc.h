/* jd-test-doc.h — what the page model's tests share: documents to lay
 * out, poppler-utils to read the PDFs
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "jd-doc-private.h"
#include "jd-test-util.h"

/* Tools */

/* The output of poppler-utils' @tool on @pdf, with @args first; NULL
 * (and the test skipped) if the tool is missing. */
static inline char *
run_tool (const char *tool,
          const char *pdf,
          const char *arg1,
          const char *arg2,
          const char *arg3,
          const char *arg4)
{
  const char *argv[8] = { tool };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = g_find_program_in_path (tool);
  guint n = 1;
  int status;

  if (found == NULL)
    {
      g_test_skip_printf ("%s (poppler-utils) is not installed", tool);
      return NULL;
    }

  for (const char * const *a = (const char *[]) { arg1, arg2, arg3, arg4 }; n < 5 && *a != NULL; a++)
    argv[n++] = *a;
  argv[n++] = pdf;
  if (g_str_equal (tool, "pdftotext"))
    argv[n++] = "-";

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* A line of pdfinfo's output, after its "Key:" */
static inline char *
pdfinfo_field (const char *info,
               const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

static inline guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

typedef struct
{
  char *dir;
  char *pdf;
} Fixture;

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jd-doc-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->pdf = g_build_filename (fixture->dir, "报告.pdf", NULL);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jd_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->pdf);
}

/* Documents */

#define PARAGRAPH_TEXT \
  "本季度全市共作出行政执法决定<b>9,086</b>件，同比增长6.8%，环比增长2.3%。" \
  "其中行政处罚决定7,412件，行政许可决定1,674件；罚没款金额合计1,236.5万元。" \
  "各执法机关按照“谁执法谁普法”的要求，持续推进行政执法“三项制度”。"

static inline JdTable *
long_table (guint n_rows)
{
  JdTable *table = jd_table_new ("附表　各执法机关案件情况");

  jd_table_add_column (table, "执法机关", JD_COLUMN_TEXT);
  jd_table_add_column (table, "决定数", JD_COLUMN_COUNT);
  jd_table_add_column (table, "一审败诉率", JD_COLUMN_RATE);
  jd_table_add_column (table, "罚没款（元）", JD_COLUMN_YUAN);
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *name = g_strdup_printf ("执法机关R%03u", r);

      jd_table_add_row (table);
      jd_table_set_text (table, 0, name);
      jd_table_set_number (table, 1, 1000 + r * 7);
      jd_table_set_number (table, 2, (r % 13) / 100.0);
      jd_table_set_number (table, 3, 123456.0 * (r + 1));
    }
  jd_table_add_note (table, "注：败诉率为一审败诉案件数除以一审审结案件数。");
  return table;
}

static inline JdDoc *
report_doc (JdPageFormat format,
            guint        n_rows)
{
  JdDoc *doc = jd_doc_new (format);

  jd_doc_set_title (doc, "××市2026年第三季度行政执法监督分析报告");
  jd_doc_set_author (doc, "××市司法局");
  jd_doc_set_subject (doc, "行政执法监督");
  jd_doc_set_running_header (doc, "××市2026年第三季度行政执法监督分析报告");
  jd_doc_add_block (doc, jd_block_title_new ("××市2026年第三季度行政执法监督分析报告", "（数据截至2026年9月30日）"));
  jd_doc_add_block (doc, jd_block_heading_new (1, "一、总体情况"));
  jd_doc_add_block (doc, jd_block_paragraph_new (PARAGRAPH_TEXT));
  jd_doc_add_block (doc, jd_block_heading_new (2, "（一）行政执法案件"));
  jd_doc_add_block (doc, jd_block_paragraph_new (PARAGRAPH_TEXT));
  jd_doc_add_block (doc, jd_block_heading_new (1, "二、附表"));
  jd_doc_add_block (doc, jd_block_table_new (long_table (n_rows)));
  jd_doc_add_block (doc, jd_block_footnote_new ("附注：数据来源于各执法机关报送的行政执法数据。"));
  return doc;
}

static inline JdDocLayout *
layout_of (JdDoc *doc)
{
  g_autoptr(GError) error = NULL;
  JdDocLayout *layout = jd_doc_layout_new (doc, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

static inline void
write_pdf (JdDoc      *doc,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_doc_write_pdf (doc, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* No row is cut by a page's foot, and nothing runs past the text block. */
static inline void
check_inside_text_block (JdDocLayout *layout)
{
  const JdPageGeometry *g = &layout->geometry;

  for (guint i = 0; i < layout->pieces->len; i++)
    {
      const JdDocPiece *piece = &g_array_index (layout->pieces, JdDocPiece, i);
      JdDocBox *box = layout->boxes->pdata[piece->box];

      if (piece->y + piece->height > g->height - g->margin_bottom + 1e-6)
        g_test_message ("block %u (kind %d) page %u: %g + %g, %u units from %u", box->index, box->block->kind,
                        piece->page, piece->y, piece->height, piece->n_units, piece->first_unit);
      g_assert_cmpfloat (piece->y, >=, g->margin_top - 1e-6);
      g_assert_cmpfloat (piece->y + piece->height, <=, g->height - g->margin_bottom + 1e-6);
      for (guint t = 0; box->tables != NULL && t < box->tables->len; t++)
        g_assert_cmpfloat (_jd_doc_table_width (box->tables->pdata[t]), <=, layout->text_width + 1e-6);
    }
}

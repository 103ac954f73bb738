/* test-doc.c — the page model: layout, pagination, the painter, the PDF
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JD_DOC_SAMPLE_OUT=FILE.pdf makes /doc/sample write a sample report (a
 * demo database's KPIs, a chart, warnings and a long table) to look at,
 * and FILE-slides.pdf beside it in the 16:9 format.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "jd-cockpit-tables.h"
#include "jd-dashboard-charts.h"
#include "jd-demo.h"
#include "jd-doc-private.h"
#include "jd-test-util.h"
#include "jd-warnings.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

/* Tools */

/* The output of poppler-utils' @tool on @pdf, with @args first; NULL
 * (and the test skipped) if the tool is missing. */
static char *
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
static char *
pdfinfo_field (const char *info,
               const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

static guint
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jd-doc-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->pdf = g_build_filename (fixture->dir, "报告.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jd_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->pdf);
}

/* Documents */

static const char *paragraph_text =
  "本季度全市共作出行政执法决定<b>9,086</b>件，同比增长6.8%，环比增长2.3%。"
  "其中行政处罚决定7,412件，行政许可决定1,674件；罚没款金额合计1,236.5万元。"
  "各执法机关按照“谁执法谁普法”的要求，持续推进行政执法“三项制度”。";

static JdTable *
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

static JdDoc *
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
  jd_doc_add_block (doc, jd_block_paragraph_new (paragraph_text));
  jd_doc_add_block (doc, jd_block_heading_new (2, "（一）行政执法案件"));
  jd_doc_add_block (doc, jd_block_paragraph_new (paragraph_text));
  jd_doc_add_block (doc, jd_block_heading_new (1, "二、附表"));
  jd_doc_add_block (doc, jd_block_table_new (long_table (n_rows)));
  jd_doc_add_block (doc, jd_block_footnote_new ("附注：数据来源于各执法机关报送的行政执法数据。"));
  return doc;
}

static JdDocLayout *
layout_of (JdDoc *doc)
{
  g_autoptr(GError) error = NULL;
  JdDocLayout *layout = jd_doc_layout_new (doc, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

static void
write_pdf (JdDoc      *doc,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_doc_write_pdf (doc, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Geometry */

static void
check_page_size (Fixture      *fixture,
                 JdPageFormat  format,
                 double        width,
                 double        height)
{
  g_autoptr(JdDoc) doc = report_doc (format, 3);
  g_autofree char *info = NULL;
  g_autofree char *size = NULL;
  double w, h;

  write_pdf (doc, fixture->pdf);
  if ((info = run_tool ("pdfinfo", fixture->pdf, NULL, NULL, NULL, NULL)) == NULL)
    return;

  size = pdfinfo_field (info, "Page size");
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "%lf x %lf", &w, &h), ==, 2);
  g_assert_cmpfloat_with_epsilon (w, width, 0.05);
  g_assert_cmpfloat_with_epsilon (h, height, 0.05);
}

static void
test_geometry_a4 (Fixture       *fixture,
                  gconstpointer  data)
{
  check_page_size (fixture, JD_PAGE_A4_PORTRAIT, 595.28, 841.89);
}

static void
test_geometry_slide (Fixture       *fixture,
                     gconstpointer  data)
{
  check_page_size (fixture, JD_PAGE_SLIDE_16_9, 960, 540);
}

/* Tables */

static void
test_table_split (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JdDoc) doc = report_doc (JD_PAGE_A4_PORTRAIT, 200);
  g_autoptr(JdDocLayout) layout = layout_of (doc);
  guint n_pages = jd_doc_layout_get_n_pages (layout);
  g_autofree guint *seen = g_new0 (guint, 200);
  guint table_pages = 0;

  g_assert_cmpuint (n_pages, >=, 4);
  write_pdf (doc, fixture->pdf);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *first = g_strdup_printf ("%u", page);
      g_autofree char *text = run_tool ("pdftotext", fixture->pdf, "-f", first, "-l", first);
      guint rows = 0;

      if (text == NULL)
        return;

      for (guint r = 0; r < 200; r++)
        {
          g_autofree char *name = g_strdup_printf ("执法机关R%03u", r);
          guint n = count_occurrences (text, name);

          seen[r] += n;
          rows += n;
        }

      if (rows > 0)
        {
          /* the header row on every page the table covers */
          g_assert_cmpuint (count_occurrences (text, "一审败诉率"), >=, 1);
          g_assert_cmpuint (count_occurrences (text, "罚没款（元）"), ==, 1);
          table_pages++;
        }
    }

  /* every row on exactly one page */
  for (guint r = 0; r < 200; r++)
    g_assert_cmpuint (seen[r], ==, 1);
  g_assert_cmpuint (table_pages, >=, 3);
}

/* No row is cut by a page's foot, and nothing runs past the text block. */
static void
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

static void
test_table_fits (void)
{
  for (JdPageFormat format = JD_PAGE_A4_PORTRAIT; format <= JD_PAGE_SLIDE_16_9; format++)
    {
      g_autoptr(JdDoc) doc = report_doc (format, 60);
      g_autoptr(JdDocLayout) layout = layout_of (doc);

      check_inside_text_block (layout);
      g_assert_cmpfloat (_jd_doc_layout_min_font_size (layout), >=, jd_doc_get_geometry (doc)->min_text_size);
    }
}

/* A name far longer than the page wraps on a slide, inside the page. */
static void
test_slide_long_names (void)
{
  g_autoptr(JdDoc) doc = jd_doc_new (JD_PAGE_SLIDE_16_9);
  g_autoptr(GString) name = g_string_new (NULL);
  JdTable *table = jd_table_new ("排名");
  g_autoptr(JdDocLayout) layout = NULL;
  JdDocBox *box;

  for (guint i = 0; i < 12; i++)
    g_string_append (name, "某某区市场监督管理局综合行政执法支队");
  jd_table_add_column (table, "执法机关", JD_COLUMN_TEXT);
  jd_table_add_column (table, "决定数", JD_COLUMN_COUNT);
  jd_table_add_column (table, "复议纠错率", JD_COLUMN_RATE);
  for (guint r = 0; r < 3; r++)
    {
      jd_table_add_row (table);
      jd_table_set_text (table, 0, name->str);
      jd_table_set_number (table, 1, 123456789);
      jd_table_set_number (table, 2, 0.123);
    }
  jd_doc_add_block (doc, jd_block_heading_new (1, name->str));
  jd_doc_add_block (doc, jd_block_table_new (table));

  layout = layout_of (doc);
  check_inside_text_block (layout);
  g_assert_cmpfloat (_jd_doc_layout_min_font_size (layout), >=, 16.0);

  /* the heading wraps onto several lines, the name in its cell too */
  box = layout->boxes->pdata[0];
  g_assert_cmpuint (box->units->len, >, 1);
  box = layout->boxes->pdata[1];
  g_assert_cmpfloat (((JdDocTable *) box->tables->pdata[0])->row_heights[1], >,
                     2 * ((JdDocTable *) box->tables->pdata[0])->row_heights[0]);
}

/* Keep with next */

/* @n_lines one-line paragraphs, then a heading and a paragraph of three
 * lines. */
static JdDoc *
heading_doc (guint n_lines)
{
  JdDoc *doc = jd_doc_new (JD_PAGE_A4_PORTRAIT);

  for (guint i = 0; i < n_lines; i++)
    jd_doc_add_block (doc, jd_block_paragraph_new ("一行。"));
  jd_doc_add_block (doc, jd_block_heading_new (1, "三、投诉举报"));
  jd_doc_add_block (doc, jd_block_paragraph_new (paragraph_text));
  return doc;
}

static void
test_keep_heading (void)
{
  gboolean moved = FALSE;

  for (guint n = 14; n <= 24; n++)
    {
      g_autoptr(JdDoc) doc = heading_doc (n);
      g_autoptr(JdDocLayout) layout = layout_of (doc);
      const JdPageGeometry *g = jd_doc_get_geometry (doc);
      double heading_y, para_y, last_y;
      guint heading_page = jd_doc_layout_get_block_page (layout, n, &heading_y);
      guint para_page = jd_doc_layout_get_block_page (layout, n + 1, &para_y);
      guint last_page = jd_doc_layout_get_block_page (layout, n - 1, &last_y);
      JdDocBox *heading = layout->boxes->pdata[n];

      /* never alone: its paragraph starts on its page */
      g_assert_cmpuint (heading_page, ==, para_page);
      g_assert_cmpfloat (para_y, >, heading_y);

      /* moved, though there was room for the heading itself */
      if (heading_page > last_page)
        {
          g_assert_cmpfloat (heading_y, ==, g->margin_top);
          if (last_y + 2 * g->line_spacing + heading->space_before <= g->height - g->margin_bottom)
            moved = TRUE;
        }
    }

  g_assert_true (moved);
}

/* Preview */

static void
test_block_at (void)
{
  g_autoptr(JdDoc) doc = report_doc (JD_PAGE_A4_PORTRAIT, 80);
  g_autoptr(JdDocLayout) layout = layout_of (doc);
  const JdPageGeometry *g = jd_doc_get_geometry (doc);
  guint n_found = 0;

  for (guint i = 0; i < jd_doc_get_n_blocks (doc); i++)
    {
      JdBlock *block = jd_doc_get_block (doc, i);
      g_autoptr(cairo_surface_t) surface = NULL;
      guint page;
      double y;
      int ink = 0, stride;
      cairo_t *cr;
      guchar *data;

      if (jd_block_get_kind (block) != JD_BLOCK_PARAGRAPH)
        continue;

      page = jd_doc_layout_get_block_page (layout, i, &y);
      g_assert_cmpint (jd_doc_layout_block_at (layout, page, g->width / 2, y + g->line_spacing / 2), ==, i);
      g_assert_cmpint (jd_doc_layout_block_at (layout, page, g->margin_left / 2, y + 5), ==, -1);

      /* and the paragraph is painted there: ink in its first line */
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (g->width), (int) ceil (g->height));
      cr = cairo_create (surface);
      jd_doc_layout_paint_page (layout, page, cr, NULL);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int py = (int) y; py < (int) (y + g->line_spacing); py++)
        for (int px = (int) g->margin_left; px < (int) (g->width - g->margin_right); px++)
          if ((((guint32 *) (data + py * stride))[px] & 0xffffff) != 0xffffff)
            ink++;
      g_assert_cmpint (ink, >, 100);
      n_found++;
    }

  g_assert_cmpuint (n_found, ==, 2);
  g_assert_cmpint (jd_doc_layout_block_at (layout, 0, g->width / 2, g->height - 5), ==, -1);
}

static cairo_surface_t *
paint_to_image (JdDocLayout *layout,
                guint        page)
{
  const JdPageGeometry *g = &layout->geometry;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (g->width), (int) ceil (g->height));
  cr = cairo_create (surface);
  jd_doc_layout_paint_page (layout, page, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_paint_twice (void)
{
  g_autoptr(JdDoc) doc = report_doc (JD_PAGE_A4_PORTRAIT, 80);
  g_autoptr(JdDocLayout) layout = layout_of (doc);

  for (guint page = 0; page < jd_doc_layout_get_n_pages (layout); page++)
    {
      g_autoptr(cairo_surface_t) a = paint_to_image (layout, page);
      g_autoptr(cairo_surface_t) b = paint_to_image (layout, page);
      gsize size = (gsize) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a);
      const guint32 *pixels = (const guint32 *) cairo_image_surface_get_data (a);
      gboolean blank = TRUE;

      g_assert_cmpmem (cairo_image_surface_get_data (a), size, cairo_image_surface_get_data (b), size);
      for (gsize i = 0; i < size / 4 && blank; i++)
        blank = pixels[i] == pixels[0];
      g_assert_false (blank);
    }
}

/* PDF */

static void
test_pdf_fonts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JdDoc) doc = report_doc (JD_PAGE_A4_PORTRAIT, 40);
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;

  write_pdf (doc, fixture->pdf);
  if ((fonts = run_tool ("pdffonts", fixture->pdf, NULL, NULL, NULL, NULL)) == NULL)
    return;

  /* name, type, encoding, emb, sub, uni, object, ID: after two header lines */
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      GPtrArray *words = g_ptr_array_new ();
      const char *emb, *sub;

      for (guint k = 0; fields[k] != NULL; k++)
        if (*fields[k] != '\0')
          g_ptr_array_add (words, fields[k]);
      if (words->len == 0)
        {
          g_ptr_array_unref (words);
          continue;
        }

      g_assert_cmpuint (words->len, >=, 7);
      emb = words->pdata[words->len - 5];
      sub = words->pdata[words->len - 4];
      g_assert_cmpstr (emb, ==, "yes");
      g_assert_cmpstr (sub, ==, "yes");
      /* a subset's name: six capitals and a plus */
      g_assert_nonnull (strchr (words->pdata[0], '+'));
      n_fonts++;
      g_ptr_array_unref (words);
    }

  g_assert_cmpuint (n_fonts, >=, 2);
}

/* g_strstr_len() stops at a NUL: a PDF has them */
static const char *
find_bytes (const char *haystack,
            const char *end,
            const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack; p + n <= end; p++)
    if (memcmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* Every string of the PDF's outline items, decoded: cairo writes a
 * title as (ASCII) or as <FEFF…> in UTF-16BE. */
static GPtrArray *
outline_titles (const char *pdf)
{
  g_autofree char *contents = NULL;
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  gsize length;

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_nonnull (find_bytes (contents, contents + length, "/Outlines"));

  for (const char *p = find_bytes (contents, contents + length, "/Title"); p != NULL;
       p = find_bytes (p + 1, contents + length, "/Title"))
    {
      const char *s = p + strlen ("/Title");

      while (*s == ' ')
        s++;
      if (*s == '<')
        {
          g_autoptr(GByteArray) bytes = g_byte_array_new ();
          char *utf8;

          for (s++; g_ascii_isxdigit (s[0]) && g_ascii_isxdigit (s[1]); s += 2)
            {
              guint8 byte = g_ascii_xdigit_value (s[0]) << 4 | g_ascii_xdigit_value (s[1]);

              g_byte_array_append (bytes, &byte, 1);
            }
          g_assert_cmpuint (bytes->len, >=, 2);
          g_assert_cmpuint (bytes->data[0], ==, 0xfe);
          g_assert_cmpuint (bytes->data[1], ==, 0xff);
          utf8 = g_convert ((char *) bytes->data + 2, bytes->len - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
          g_assert_nonnull (utf8);
          g_ptr_array_add (titles, utf8);
        }
      else if (*s == '(')
        {
          const char *end = strchr (s, ')');

          g_assert_nonnull (end);
          g_ptr_array_add (titles, g_strndup (s + 1, end - s - 1));
        }
    }

  return titles;
}

static gboolean
has_string (GPtrArray  *strings,
            const char *string)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (strings->pdata[i], string))
      return TRUE;
  return FALSE;
}

static void
test_pdf_outline (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JdDoc) doc = report_doc (JD_PAGE_A4_PORTRAIT, 120);
  g_autoptr(GPtrArray) titles = NULL;
  guint n_headings = 0;

  write_pdf (doc, fixture->pdf);
  titles = outline_titles (fixture->pdf);

  g_assert_true (has_string (titles, jd_doc_get_title (doc)));
  for (guint i = 0; i < jd_doc_get_n_blocks (doc); i++)
    {
      JdBlock *block = jd_doc_get_block (doc, i);

      if (jd_block_get_kind (block) != JD_BLOCK_HEADING)
        continue;
      g_assert_true (has_string (titles, jd_block_get_text (block)));
      n_headings++;
    }
  g_assert_cmpuint (n_headings, ==, 3);
  g_assert_false (has_string (titles, "附注：数据来源于各执法机关报送的行政执法数据。"));
}

static void
test_pdf_metadata (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JdDoc) doc = report_doc (JD_PAGE_A4_PORTRAIT, 10);
  g_autofree char *info = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *text = NULL;

  write_pdf (doc, fixture->pdf);
  if ((info = run_tool ("pdfinfo", fixture->pdf, NULL, NULL, NULL, NULL)) == NULL)
    return;

  title = pdfinfo_field (info, "Title");
  author = pdfinfo_field (info, "Author");
  subject = pdfinfo_field (info, "Subject");
  creator = pdfinfo_field (info, "Creator");
  g_assert_cmpstr (title, ==, jd_doc_get_title (doc));
  g_assert_cmpstr (author, ==, "××市司法局");
  g_assert_cmpstr (subject, ==, "行政执法监督");
  g_assert_cmpstr (creator, ==, "Jiandu");

  /* the text is there to find, its Simplified forms as written */
  text = run_tool ("pdftotext", fixture->pdf, NULL, NULL, NULL, NULL);
  g_assert_nonnull (strstr (text, "一、总体情况"));
  g_assert_nonnull (strstr (text, "行政执法决定"));
}

static void
test_pdf_missing_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JdDoc) doc = report_doc (JD_PAGE_A4_PORTRAIT, 3);
  g_autofree char *missing = g_build_filename (fixture->dir, "缺少的文件夹", NULL);
  g_autofree char *path = g_build_filename (missing, "报告.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (jd_doc_write_pdf (doc, path, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
} Progress;

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  progress->calls++;
  if (progress->cancellable != NULL && progress->calls == 2)
    g_cancellable_cancel (progress->cancellable);
}

static guint
n_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_pdf_progress (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JdDoc) doc = report_doc (JD_PAGE_A4_PORTRAIT, 120);
  g_autoptr(JdDocLayout) layout = layout_of (doc);
  g_autoptr(GError) error = NULL;
  Progress progress = { NULL, 0, 0 };

  g_assert_true (jd_doc_write_pdf (doc, fixture->pdf, NULL, on_progress_cb, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, ==, jd_doc_layout_get_n_pages (layout) + 1);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  /* the file, and no temporary one beside it */
  g_assert_cmpuint (n_files (fixture->dir), ==, 1);
}

static void
test_pdf_cancel (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JdDoc) doc = report_doc (JD_PAGE_A4_PORTRAIT, 200);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { cancellable, 0, 0 };

  /* while the pages are written */
  g_assert_false (jd_doc_write_pdf (doc, fixture->pdf, cancellable, on_progress_cb, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 2);
  g_assert_cmpuint (n_files (fixture->dir), ==, 0);
  g_clear_error (&error);

  /* before the layout: nothing is measured */
  g_assert_null (jd_doc_layout_new (doc, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* an earlier file stays as it was */
  g_assert_true (g_file_set_contents (fixture->pdf, "earlier", -1, NULL));
  g_assert_false (jd_doc_write_pdf (doc, fixture->pdf, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n_files (fixture->dir), ==, 1);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (fixture->pdf, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "earlier");
  }
}

/* The sample: what a report built from a database holds */

static JdDoc *
sample_doc (JdStore      *store,
            JdPageFormat  format)
{
  static const char *kpis[] = { "kpi-decided", "kpi-complaints", "kpi-loss-rate",
                                "kpi-correction-rate", "kpi-leniency", "kpi-review-pass-rate" };
  JdDoc *doc = jd_doc_new (format);
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_chart_unref);
  g_autoptr(GPtrArray) slices = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  JdTableContext context = { { 0 }, 0, NULL };
  JdPeriod period;

  g_assert_true (jd_period_parse ("2026Q3", &period, &error));
  g_assert_no_error (error);
  context.period = period;
  context.data_end = JD_DEMO_LAST_MONTH;

  jd_doc_set_title (doc, "演示市2026年第三季度行政执法监督分析报告");
  jd_doc_set_author (doc, "演示市司法局");
  jd_doc_set_subject (doc, "行政执法监督分析报告");
  jd_doc_set_running_header (doc, "演示市2026年第三季度行政执法监督分析报告");
  jd_doc_add_block (doc, jd_block_title_new ("演示市2026年第三季度行政执法监督分析报告",
                                             "演示市司法局　2026年10月"));
  jd_doc_add_block (doc, jd_block_heading_new (1, "一、总体情况"));
  jd_doc_add_block (doc, jd_block_paragraph_new (paragraph_text));

  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    {
      JdChart *chart = jd_dashboard_chart_new (store, kpis[i], &period, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (charts, chart);
    }
  jd_doc_add_block (doc, jd_block_kpi_row_new ((JdChart * const *) charts->pdata, 3));
  jd_doc_add_block (doc, jd_block_heading_new (1, "二、行政执法案件"));
  jd_doc_add_block (doc, jd_block_heading_new (2, "（一）案件数量"));
  jd_doc_add_block (doc, jd_block_paragraph_new (paragraph_text));
  {
    g_autoptr(JdChart) chart = jd_dashboard_chart_new (store, "decided-monthly", &period, NULL, &error);

    g_assert_no_error (error);
    jd_doc_add_block (doc, jd_block_chart_new (chart, 0.5));
  }
  jd_doc_add_block (doc, jd_block_heading_new (2, "（二）执法质量"));
  jd_doc_add_block (doc, jd_block_paragraph_new (paragraph_text));
  jd_doc_add_block (doc, jd_block_paragraph_new (paragraph_text));
  jd_doc_add_block (doc, jd_block_kpi_row_new ((JdChart * const *) charts->pdata + 2, 4));

  jd_doc_add_block (doc, jd_block_heading_new (1, "七、预警与排名"));
  warnings = jd_warnings_compute (store, &period, NULL, &error);
  g_assert_no_error (error);
  jd_doc_add_block (doc, jd_block_warnings_new (warnings));

  if (format == JD_PAGE_SLIDE_16_9)
    jd_doc_add_block (doc, jd_block_page_break_new ());
  jd_doc_add_block (doc, jd_block_heading_new (1, "附表"));
  slices = jd_metrics_breakdown (store, &period, NULL, JD_DIMENSION_AGENCY, &error);
  g_assert_no_error (error);
  jd_doc_add_block (doc, jd_block_table_new (jd_agencies_table_new (slices, &context)));
  jd_doc_add_block (doc, jd_block_footnote_new ("附注：本报告数据来源于各执法机关报送的行政执法数据，"
                                                "截至2026年10月；一审败诉率=一审败诉案件数÷一审审结案件数。"));
  return doc;
}

static void
test_sample (void)
{
  const char *out = g_getenv ("JD_DOC_SAMPLE_OUT");
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *slides = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (out == NULL)
    {
      g_test_skip ("JD_DOC_SAMPLE_OUT=FILE.pdf writes a sample report");
      return;
    }

  dir = g_dir_make_tmp ("jd-doc-sample-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "demo.db", NULL);
  store = jd_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (jd_demo_generate (store, JD_DEMO_DEFAULT_SEED, 20000, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  for (JdPageFormat format = JD_PAGE_A4_PORTRAIT; format <= JD_PAGE_SLIDE_16_9; format++)
    {
      g_autoptr(JdDoc) doc = sample_doc (store, format);
      g_autoptr(JdDocLayout) layout = layout_of (doc);
      g_autofree char *base = g_strndup (out, strlen (out) - (g_str_has_suffix (out, ".pdf") ? 4 : 0));
      g_autofree char *path = format == JD_PAGE_SLIDE_16_9 ? g_strconcat (base, "-slides.pdf", NULL)
                                                           : g_strdup (out);

      check_inside_text_block (layout);
      g_assert_cmpfloat (_jd_doc_layout_min_font_size (layout), >=, jd_doc_get_geometry (doc)->min_text_size);
      write_pdf (doc, path);
      g_test_message ("wrote %s: %u pages", path, jd_doc_layout_get_n_pages (layout));
    }

  g_clear_object (&store);
  jd_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_F(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_F ("/doc/geometry/a4", test_geometry_a4);
  ADD_F ("/doc/geometry/slide", test_geometry_slide);
  ADD_F ("/doc/table/split", test_table_split);
  g_test_add_func ("/doc/table/fits", test_table_fits);
  g_test_add_func ("/doc/slide/long-names", test_slide_long_names);
  g_test_add_func ("/doc/keep/heading", test_keep_heading);
  g_test_add_func ("/doc/preview/block-at", test_block_at);
  g_test_add_func ("/doc/preview/paint-twice", test_paint_twice);
  ADD_F ("/doc/pdf/fonts", test_pdf_fonts);
  ADD_F ("/doc/pdf/outline", test_pdf_outline);
  ADD_F ("/doc/pdf/metadata", test_pdf_metadata);
  ADD_F ("/doc/pdf/missing-folder", test_pdf_missing_folder);
  ADD_F ("/doc/pdf/progress", test_pdf_progress);
  ADD_F ("/doc/pdf/cancel", test_pdf_cancel);
  g_test_add_func ("/doc/sample", test_sample);

  return g_test_run ();
}

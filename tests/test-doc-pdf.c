/* test-doc-pdf.c — the page model written as PDF, read back with
 * poppler-utils
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JD_DOC_SAMPLE_OUT=FILE.pdf makes /doc/sample write a sample report (a
 * demo database's KPIs, a chart, warnings and a long table) to look at,
 * and FILE-slides.pdf beside it in the 16:9 format.
 */

#include "config.h"

#include "jd-cockpit-tables.h"
#include "jd-dashboard-charts.h"
#include "jd-demo.h"
#include "jd-test-doc.h"
#include "jd-warnings.h"

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

typedef struct
{
  int   id;
  int   parent;   /* -1 for none */
  char *title;
} OutlineItem;

static void
outline_item_clear (gpointer data)
{
  g_free (((OutlineItem *) data)->title);
}

/* The number of the PDF object @p is in: "N 0 obj" before it */
static int
object_number (const char *start,
               const char *p)
{
  for (; p - 4 >= start; p--)
    if (memcmp (p - 4, " obj", 4) == 0)
      {
        const char *q = p - 4;

        while (q > start && q[-1] != '\n')
          q--;
        return atoi (q);
      }
  return -1;
}

/* Every dictionary of the PDF with a /Title (the outline items, and the
 * document information), its title decoded and its /Parent: cairo writes
 * a title as (ASCII) or as <FEFF…> in UTF-16BE. */
static GArray *
outline_items (const char *pdf)
{
  g_autofree char *contents = NULL;
  GArray *items = g_array_new (FALSE, TRUE, sizeof (OutlineItem));
  const char *end;
  gsize length;

  g_array_set_clear_func (items, outline_item_clear);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  end = contents + length;
  g_assert_nonnull (find_bytes (contents, end, "/Outlines"));

  for (const char *p = find_bytes (contents, end, "/Title"); p != NULL; p = find_bytes (p + 1, end, "/Title"))
    {
      const char *s = p + strlen ("/Title");
      const char *dict_end = find_bytes (p, end, ">>");
      const char *parent = find_bytes (p, end, "/Parent ");
      OutlineItem item = { object_number (contents, p), -1, NULL };

      while (*s == ' ')
        s++;
      if (*s == '<')
        {
          g_autoptr(GByteArray) bytes = g_byte_array_new ();

          for (s++; g_ascii_isxdigit (s[0]) && g_ascii_isxdigit (s[1]); s += 2)
            {
              guint8 byte = g_ascii_xdigit_value (s[0]) << 4 | g_ascii_xdigit_value (s[1]);

              g_byte_array_append (bytes, &byte, 1);
            }
          g_assert_cmpuint (bytes->len, >=, 2);
          g_assert_cmpuint (bytes->data[0], ==, 0xfe);
          g_assert_cmpuint (bytes->data[1], ==, 0xff);
          item.title = g_convert ((char *) bytes->data + 2, bytes->len - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
          g_assert_nonnull (item.title);
        }
      else if (*s == '(')
        {
          const char *close = strchr (s, ')');

          g_assert_nonnull (close);
          item.title = g_strndup (s + 1, close - s - 1);
        }
      else
        continue;

      if (parent != NULL && dict_end != NULL && parent < dict_end)
        item.parent = atoi (parent + strlen ("/Parent "));
      g_array_append_val (items, item);
    }

  return items;
}

static const OutlineItem *
find_item (GArray     *items,
           const char *title,
           int         id)
{
  for (guint i = 0; i < items->len; i++)
    {
      const OutlineItem *item = &g_array_index (items, OutlineItem, i);

      if (title != NULL ? g_str_equal (item->title, title) && item->parent >= 0 : item->id == id)
        return item;
    }
  return NULL;
}

/* The title of the outline item above @title's: the document's title
 * for a section, the section for a subsection. */
static const char *
parent_title (GArray     *items,
              const char *title)
{
  const OutlineItem *item = find_item (items, title, 0);
  const OutlineItem *parent;

  if (item == NULL)
    return NULL;
  parent = find_item (items, NULL, item->parent);
  return parent != NULL ? parent->title : "(root)";
}

static void
test_pdf_outline (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JdDoc) doc = report_doc (JD_PAGE_A4_PORTRAIT, 120);
  g_autoptr(GArray) items = NULL;
  const char *title = jd_doc_get_title (doc);

  write_pdf (doc, fixture->pdf);
  items = outline_items (fixture->pdf);

  /* the title at the root; level 1 under it, level 2 under its level 1 */
  g_assert_cmpstr (parent_title (items, title), ==, "(root)");
  g_assert_cmpstr (parent_title (items, "一、总体情况"), ==, title);
  g_assert_cmpstr (parent_title (items, "（一）行政执法案件"), ==, "一、总体情况");
  g_assert_cmpstr (parent_title (items, "二、附表"), ==, title);
  /* paragraphs and notes are not in it */
  g_assert_null (parent_title (items, "附注：数据来源于各执法机关报送的行政执法数据。"));
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

  /* the creation date: SOURCE_DATE_EPOCH when set, and then the same
   * document gives the same bytes */
  {
    g_autofree char *again = g_build_filename (fixture->dir, "again.pdf", NULL);
    g_autofree char *iso = NULL;
    g_autofree char *date = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    g_setenv ("SOURCE_DATE_EPOCH", "1790000000", TRUE);
    write_pdf (doc, fixture->pdf);
    write_pdf (doc, again);
    g_unsetenv ("SOURCE_DATE_EPOCH");
    iso = run_tool ("pdfinfo", fixture->pdf, "-isodates", NULL, NULL, NULL);
    date = pdfinfo_field (iso, "CreationDate");
    g_assert_cmpstr (date, ==, "2026-09-21T14:13:20Z");
    first = jd_test_file_checksum (fixture->pdf);
    second = jd_test_file_checksum (again);
    g_assert_cmpstr (first, ==, second);
  }

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
  jd_doc_add_block (doc, jd_block_paragraph_new (PARAGRAPH_TEXT));

  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    {
      JdChart *chart = jd_dashboard_chart_new (store, kpis[i], &period, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (charts, chart);
    }
  jd_doc_add_block (doc, jd_block_kpi_row_new ((JdChart * const *) charts->pdata, 3));
  jd_doc_add_block (doc, jd_block_heading_new (1, "二、行政执法案件"));
  jd_doc_add_block (doc, jd_block_heading_new (2, "（一）案件数量"));
  jd_doc_add_block (doc, jd_block_paragraph_new (PARAGRAPH_TEXT));
  {
    g_autoptr(JdChart) chart = jd_dashboard_chart_new (store, "decided-monthly", &period, NULL, &error);

    g_assert_no_error (error);
    jd_doc_add_block (doc, jd_block_chart_new (chart, 0.5));
  }
  jd_doc_add_block (doc, jd_block_heading_new (2, "（二）执法质量"));
  jd_doc_add_block (doc, jd_block_paragraph_new (PARAGRAPH_TEXT));
  jd_doc_add_block (doc, jd_block_paragraph_new (PARAGRAPH_TEXT));
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

      gint64 start;

      check_inside_text_block (layout);
      g_assert_cmpfloat (_jd_doc_layout_min_font_size (layout), >=, jd_doc_get_geometry (doc)->min_text_size);
      start = g_get_monotonic_time ();
      write_pdf (doc, path);
      g_test_message ("wrote %s: %u pages in %.0f ms", path, jd_doc_layout_get_n_pages (layout),
                      (g_get_monotonic_time () - start) / 1000.0);
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
  ADD_F ("/doc/pdf/fonts", test_pdf_fonts);
  ADD_F ("/doc/pdf/outline", test_pdf_outline);
  ADD_F ("/doc/pdf/metadata", test_pdf_metadata);
  ADD_F ("/doc/pdf/missing-folder", test_pdf_missing_folder);
  ADD_F ("/doc/pdf/progress", test_pdf_progress);
  ADD_F ("/doc/pdf/cancel", test_pdf_cancel);
  g_test_add_func ("/doc/sample", test_sample);

  return g_test_run ();
}

/* test-docx.c — the page model written as DOCX, read back and opened by
 * LibreOffice
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gsf/gsf.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "jd-doc.h"
#include "jd-warnings.h"
#include "jd-test-util.h"

#define N_TABLE_ROWS 120

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

static char *test_dir;

static JdChart *
sample_kpi (const char *title,
            double      value,
            double      year_on_year)
{
  JdChart *kpi = jd_chart_new (JD_CHART_KPI);

  jd_chart_set_title (kpi, title);
  jd_chart_set_kpi (kpi, value, "件", JD_CHART_CHANGE_RELATIVE, JD_CHART_POLARITY_UP_IS_GOOD,
                    year_on_year, 0.023);
  return kpi;
}

static JdChart *
sample_chart (void)
{
  static const double decided[] = { 700, 720, 810, 760, 790, 905, 880, 860, 940 };
  static const double earlier[] = { 650, 700, 760, 770, 720, 850, 800, 820, 880 };
  JdChart *chart = jd_chart_new (JD_CHART_BAR);

  jd_chart_set_title (chart, "各月作出行政执法决定件数");
  jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, 202601, G_N_ELEMENTS (decided));
  jd_chart_add_series (chart, "2026年", decided, G_N_ELEMENTS (decided));
  jd_chart_add_series (chart, "2025年", earlier, G_N_ELEMENTS (earlier));
  jd_chart_series_set_mark (chart, 1, JD_CHART_MARK_LINE);
  jd_chart_series_set_dashed (chart, 1, TRUE);
  return chart;
}

static JdTable *
sample_table (void)
{
  JdTable *table = jd_table_new ("附表 各执法单位主要指标");
  guint name = jd_table_add_column (table, "执法单位", JD_COLUMN_TEXT);
  guint decided = jd_table_add_column (table, "作出决定（件）", JD_COLUMN_COUNT);
  guint rate = jd_table_add_column (table, "一审败诉率", JD_COLUMN_RATE);
  guint fines = jd_table_add_column (table, "罚没金额（元）", JD_COLUMN_YUAN);

  jd_table_add_note (table, "注：败诉率的分母为审结的一审案件。");
  for (guint r = 0; r < N_TABLE_ROWS; r++)
    {
      g_autofree char *agency = g_strdup_printf ("第%03u执法单位", r + 1);

      jd_table_add_row (table);
      jd_table_set_text (table, name, agency);
      jd_table_set_number (table, decided, 1000 + r * 37);
      jd_table_set_number (table, rate, r == 3 ? NAN : r / 1000.0);
      jd_table_set_number (table, fines, 12345600 + r);
    }

  return table;
}

static GPtrArray *
sample_warnings (void)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_warning_free);
  JdWarning *warning = g_new0 (JdWarning, 1);

  warning->rule = JD_WARNING_LOSS_RATE;
  warning->agency_code = g_strdup ("A01");
  warning->agency_name = g_strdup ("市市场监督管理局");
  warning->month = 202609;
  warning->figure = 0.2;
  warning->threshold = 0.15;
  warning->message = g_strdup ("市市场监督管理局一审败诉率20.0%，高于控制线15.0%。");
  g_ptr_array_add (warnings, warning);
  return warnings;
}

/* A report in small: every kind of block, and text that XML cannot hold
 * as it is. */
static JdDoc *
sample_doc (void)
{
  JdDoc *doc = jd_doc_new (JD_PAGE_A4_PORTRAIT);
  g_autoptr(JdChart) kpi1 = sample_kpi ("作出行政执法决定", 9086, 0.068);
  g_autoptr(JdChart) kpi2 = sample_kpi ("投诉举报", 1520, -0.031);
  g_autoptr(JdChart) kpi3 = sample_kpi ("行政诉讼", 87, 0.0);
  JdChart *kpis[] = { kpi1, kpi2, kpi3 };
  g_autoptr(JdChart) chart = sample_chart ();
  g_autoptr(GPtrArray) warnings = sample_warnings ();

  jd_doc_set_title (doc, "××市2026年第三季度行政执法监督分析报告");
  jd_doc_set_author (doc, "××市司法局");
  jd_doc_set_subject (doc, "2026年第三季度");
  jd_doc_set_running_header (doc, "××市行政执法监督分析报告");

  jd_doc_add_block (doc, jd_block_title_new ("××市2026年第三季度行政执法监督分析报告", "（2026年7—9月）"));
  jd_doc_add_block (doc, jd_block_heading_new (1, "一、总体情况"));
  jd_doc_add_block (doc, jd_block_paragraph_new ("本季度全市共作出行政执法决定<b>9,086件</b>，"
                                                 "同比增长6.8%，<i>环比增长2.3%</i>。"
                                                 "R&amp;D &lt;试点&gt;\x01单位。"));
  jd_doc_add_block (doc, jd_block_kpi_row_new (kpis, G_N_ELEMENTS (kpis)));
  jd_doc_add_block (doc, jd_block_heading_new (2, "（一）案件办理"));
  jd_doc_add_block (doc, jd_block_chart_new (chart, 0.5));
  jd_doc_add_block (doc, jd_block_heading_new (1, "七、预警与排名"));
  jd_doc_add_block (doc, jd_block_warnings_new (warnings));
  jd_doc_add_block (doc, jd_block_page_break_new ());
  jd_doc_add_block (doc, jd_block_table_new (sample_table ()));
  jd_doc_add_block (doc, jd_block_footnote_new ("附注：数据截至2026年10月8日。"));
  return doc;
}

static char *
write_sample (const char *name)
{
  g_autoptr(JdDoc) doc = sample_doc ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (test_dir, name, NULL);

  g_assert_true (jd_doc_write_docx (doc, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* A member of the zip, whole, NUL-terminated; NULL if there is none. */
static char *
read_part (GsfInfile  *zip,
           const char *name)
{
  g_auto(GStrv) names = g_strsplit (name, "/", -1);
  g_autoptr(GsfInput) input = gsf_infile_child_by_aname (zip, (const char **)names);
  gsf_off_t size;
  char *data;

  if (input == NULL)
    return NULL;

  size = gsf_input_size (input);
  data = g_malloc0 (size + 1);
  g_assert_nonnull (gsf_input_read (input, size, (guint8 *)data));
  return data;
}

static xmlDocPtr
parse_part (GsfInfile  *zip,
            const char *name)
{
  g_autofree char *data = read_part (zip, name);
  xmlDocPtr xml;

  g_assert_nonnull (data);
  xml = xmlReadMemory (data, strlen (data), name, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOWARNING);
  if (xml == NULL)
    g_error ("%s is not well-formed XML", name);
  return xml;
}

static xmlXPathObjectPtr
xpath (xmlDocPtr   xml,
       const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (xml);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (context, BAD_CAST "w", BAD_CAST "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
  xmlXPathRegisterNs (context, BAD_CAST "r", BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
  xmlXPathRegisterNs (context, BAD_CAST "wp", BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
  xmlXPathRegisterNs (context, BAD_CAST "a", BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/main");
  xmlXPathRegisterNs (context, BAD_CAST "pic", BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/picture");
  xmlXPathRegisterNs (context, BAD_CAST "rel", BAD_CAST "http://schemas.openxmlformats.org/package/2006/relationships");
  xmlXPathRegisterNs (context, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  xmlXPathFreeContext (context);
  g_assert_nonnull (result);
  return result;
}

static double
xpath_number (xmlDocPtr   xml,
              const char *expression)
{
  xmlXPathObjectPtr result = xpath (xml, expression);
  double value = xmlXPathCastToNumber (result);

  xmlXPathFreeObject (result);
  return value;
}

static char *
xpath_string (xmlDocPtr   xml,
              const char *expression)
{
  xmlXPathObjectPtr result = xpath (xml, expression);
  xmlChar *value = xmlXPathCastToString (result);
  char *copy = g_strdup ((const char *)value);

  xmlFree (value);
  xmlXPathFreeObject (result);
  return copy;
}

static GsfInfile *
open_zip (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfInput) input = gsf_input_stdio_new (path, &error);
  GsfInfile *zip;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  return zip;
}

static void
test_parts (void)
{
  g_autofree char *path = write_sample ("parts.docx");
  g_autoptr(GsfInfile) zip = open_zip (path);
  static const char * const parts[] = {
    "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
    "word/settings.xml", "word/fontTable.xml", "word/_rels/document.xml.rels",
    "word/header1.xml", "word/header2.xml", "word/header3.xml",
    "word/footer1.xml", "word/footer2.xml", "word/footer3.xml", "docProps/core.xml", "docProps/app.xml",
  };
  xmlDocPtr xml;
  g_autofree char *text = NULL;
  const JdPageGeometry *g;
  g_autoptr(JdDoc) doc = sample_doc ();

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      xml = parse_part (zip, parts[i]);
      xmlFreeDoc (xml);
    }

  /* The properties */
  xml = parse_part (zip, "docProps/core.xml");
  text = xpath_string (xml, "string(//dc:title)");
  g_assert_cmpstr (text, ==, "××市2026年第三季度行政执法监督分析报告");
  g_clear_pointer (&text, g_free);
  text = xpath_string (xml, "string(//dc:creator)");
  g_assert_cmpstr (text, ==, "××市司法局");
  g_clear_pointer (&text, g_free);
  text = xpath_string (xml, "string(//dc:subject)");
  g_assert_cmpstr (text, ==, "2026年第三季度");
  g_clear_pointer (&text, g_free);
  xmlFreeDoc (xml);

  /* Heading styles the navigation pane lists: outline levels 0 and 1 */
  xml = parse_part (zip, "word/styles.xml");
  g_assert_cmpfloat (xpath_number (xml, "count(//w:style[@w:styleId='Heading1']/w:pPr/w:outlineLvl[@w:val='0'])"), ==, 1);
  g_assert_cmpfloat (xpath_number (xml, "count(//w:style[@w:styleId='Heading2']/w:pPr/w:outlineLvl[@w:val='1'])"), ==, 1);
  g_assert_cmpfloat (xpath_number (xml, "count(//w:style[@w:styleId='BodyText']/w:pPr/w:ind[@w:firstLineChars='200'])"), ==, 1);
  text = xpath_string (xml, "string(//w:style[@w:styleId='Title']/w:rPr/w:sz/@w:val)");
  g_assert_cmpstr (text, ==, "44");
  g_clear_pointer (&text, g_free);
  text = xpath_string (xml, "string(//w:style[@w:styleId='Normal']/w:rPr/w:rFonts/@w:eastAsia)");
  g_assert_cmpstr (text, ==, "仿宋");
  g_clear_pointer (&text, g_free);
  xmlFreeDoc (xml);

  /* The page number is a field, "— 1 —", on the outer side of right-
   * and left-hand pages; the running header is there but on the first
   * page */
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("word/footer%u.xml", i);
      g_autofree char *header = g_strdup_printf ("word/header%u.xml", i);

      xml = parse_part (zip, name);
      text = xpath_string (xml, "string(//w:instrText)");
      g_assert_cmpstr (g_strstrip (text), ==, "PAGE");
      g_clear_pointer (&text, g_free);
      g_assert_cmpfloat (xpath_number (xml, "count(//w:t)"), ==, 3);
      text = xpath_string (xml, "concat((//w:t)[1], (//w:t)[2], (//w:t)[3])");
      g_assert_cmpstr (text, ==, "— 1 —");
      g_clear_pointer (&text, g_free);
      text = xpath_string (xml, "string(//w:p/w:pPr/w:jc/@w:val)");
      g_assert_cmpstr (text, ==, i == 2 ? "left" : "right");
      g_clear_pointer (&text, g_free);
      xmlFreeDoc (xml);

      xml = parse_part (zip, header);
      text = xpath_string (xml, "string(//w:p)");
      g_assert_cmpstr (text, ==, i < 3 ? "××市行政执法监督分析报告" : "");
      g_clear_pointer (&text, g_free);
      xmlFreeDoc (xml);
    }
  xml = parse_part (zip, "word/settings.xml");
  g_assert_cmpfloat (xpath_number (xml, "count(/w:settings/w:evenAndOddHeaders)"), ==, 1);
  xmlFreeDoc (xml);

  xml = parse_part (zip, "word/document.xml");
  g_assert_cmpfloat (xpath_number (xml, "count(//w:p[w:pPr/w:pStyle/@w:val='Title'])"), ==, 1);
  g_assert_cmpfloat (xpath_number (xml, "count(//w:p[w:pPr/w:pStyle/@w:val='Heading1'])"), ==, 2);
  g_assert_cmpfloat (xpath_number (xml, "count(//w:p[w:pPr/w:pStyle/@w:val='Heading2'])"), ==, 1);
  text = xpath_string (xml, "string(//w:p[w:pPr/w:pStyle/@w:val='Heading2'])");
  g_assert_cmpstr (text, ==, "（一）案件办理");
  g_clear_pointer (&text, g_free);

  /* The markup: bold and italic runs, entities decoded, the control
   * character gone */
  text = xpath_string (xml, "string(//w:r[w:rPr/w:b]/w:t)");
  g_assert_cmpstr (text, ==, "9,086件");
  g_clear_pointer (&text, g_free);
  text = xpath_string (xml, "string(//w:r[w:rPr/w:i]/w:t)");
  g_assert_cmpstr (text, ==, "环比增长2.3%");
  g_clear_pointer (&text, g_free);
  text = xpath_string (xml, "string(//w:p[w:pPr/w:pStyle/@w:val='BodyText'][1])");
  g_assert_cmpstr (text, ==, "本季度全市共作出行政执法决定9,086件，同比增长6.8%，环比增长2.3%。R&D <试点>单位。");
  g_clear_pointer (&text, g_free);

  /* The table: a header row that repeats, rows that never split */
  g_assert_cmpfloat (xpath_number (xml, "count(//w:tbl)"), ==, 1);
  g_assert_cmpfloat (xpath_number (xml, "count(//w:tbl/w:tr)"), ==, N_TABLE_ROWS + 1);
  g_assert_cmpfloat (xpath_number (xml, "count(//w:tbl/w:tr[1]/w:trPr/w:tblHeader)"), ==, 1);
  g_assert_cmpfloat (xpath_number (xml, "count(//w:tbl/w:tr/w:trPr/w:tblHeader)"), ==, 1);
  g_assert_cmpfloat (xpath_number (xml, "count(//w:tbl/w:tr/w:trPr/w:cantSplit)"), ==, N_TABLE_ROWS + 1);
  g_assert_cmpfloat (xpath_number (xml, "count(//w:tbl/w:tr[1]/w:tc)"), ==, 4);
  text = xpath_string (xml, "string(//w:tbl/w:tr[3]/w:tc[2])");
  g_assert_cmpstr (text, ==, "1,037");
  g_clear_pointer (&text, g_free);
  text = xpath_string (xml, "string(//w:tbl/w:tr[3]/w:tc[2]/w:p/w:pPr/w:jc/@w:val)");
  g_assert_cmpstr (text, ==, "right");
  g_clear_pointer (&text, g_free);
  text = xpath_string (xml, "string(//w:tbl/w:tr[121]/w:tc[1])");
  g_assert_cmpstr (text, ==, "第120执法单位");
  g_clear_pointer (&text, g_free);
  /* The columns fill the text width */
  g = jd_doc_get_geometry (doc);
  g_assert_cmpfloat_with_epsilon (xpath_number (xml, "sum(//w:tblGrid/w:gridCol/@w:w)"),
                                  (g->width - g->margin_left - g->margin_right) * 20, 1.0);

  /* The warning: its rule's label in bold, then the finding */
  text = xpath_string (xml, "string(//w:p[contains(., '高于控制线')]/w:r[1][w:rPr/w:b])");
  g_assert_true (g_str_has_prefix (text, jd_warning_rule_label (JD_WARNING_LOSS_RATE)));
  g_clear_pointer (&text, g_free);

  g_assert_cmpfloat (xpath_number (xml, "count(//w:br[@w:type='page'])"), ==, 1);
  g_assert_cmpfloat (xpath_number (xml, "count(//w:p[w:pPr/w:pStyle/@w:val='Note'])"), ==, 1);
  g_assert_cmpfloat (xpath_number (xml, "count(//w:p[w:pPr/w:pStyle/@w:val='TableNote'])"), ==, 1);

  /* The page */
  g_assert_cmpfloat (xpath_number (xml, "number(//w:sectPr/w:pgSz/@w:w)"), ==, 11906);
  g_assert_cmpfloat (xpath_number (xml, "number(//w:sectPr/w:pgSz/@w:h)"), ==, 16838);
  g_assert_cmpfloat (xpath_number (xml, "number(//w:sectPr/w:pgMar/@w:left)"), ==, round (g->margin_left * 20));
  g_assert_cmpfloat (xpath_number (xml, "count(//w:sectPr/w:titlePg)"), ==, 1);
  for (guint i = 1; i <= 3; i++)
    {
      static const char * const types[] = { "default", "even", "first" };
      g_autofree char *query = g_strdup_printf ("count(//w:sectPr/w:footerReference[@w:type='%s'][@r:id='rIdFooter%u'])",
                                                types[i - 1], i);

      g_assert_cmpfloat (xpath_number (xml, query), ==, 1);
    }

  /* Two pictures, the KPI row and the chart, across the text width,
   * each naming a PNG that is in the package */
  {
    xmlXPathObjectPtr blips = xpath (xml, "//pic:pic/pic:blipFill/a:blip");
    xmlDocPtr rels = parse_part (zip, "word/_rels/document.xml.rels");
    double text_emu = (g->width - g->margin_left - g->margin_right) * 12700;

    g_assert_cmpint (xmlXPathNodeSetGetLength (blips->nodesetval), ==, 2);
    for (int i = 0; i < xmlXPathNodeSetGetLength (blips->nodesetval); i++)
      {
        xmlChar *id = xmlGetNsProp (blips->nodesetval->nodeTab[i], BAD_CAST "embed",
                                    BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        g_autofree char *query = g_strdup_printf ("string(//rel:Relationship[@Id='%s']/@Target)", id);
        g_autofree char *target = xpath_string (rels, query);
        g_autofree char *member = g_strconcat ("word/", target, NULL);
        g_autofree char *png = read_part (zip, member);

        g_assert_true (g_str_has_prefix (target, "media/"));
        g_assert_nonnull (png);
        g_assert_cmpmem (png, 4, "\x89PNG", 4);
        xmlFree (id);
      }
    xmlXPathFreeObject (blips);
    xmlFreeDoc (rels);

    g_assert_cmpfloat (xpath_number (xml, "count(//wp:inline)"), ==, 2);
    /* Three KPI cards: one row, as wide as the text */
    g_assert_cmpfloat_with_epsilon (xpath_number (xml, "number((//wp:inline/wp:extent)[1]/@cx)"), text_emu, 1.0);
    g_assert_cmpfloat (xpath_number (xml, "number((//wp:inline/wp:extent)[1]/@cy)"), <, text_emu / 3);
    g_assert_cmpfloat_with_epsilon (xpath_number (xml, "number((//wp:inline/wp:extent)[2]/@cx)"), text_emu, 1.0);
    /* The chart keeps its aspect: half as high as wide */
    g_assert_cmpfloat_with_epsilon (xpath_number (xml, "number((//wp:inline/wp:extent)[2]/@cy)"), text_emu * 0.5, 1.0);
  }

  xmlFreeDoc (xml);
  g_unlink (path);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_progress (void)
{
  g_autoptr(JdDoc) doc = sample_doc ();
  g_autofree char *path = g_build_filename (test_dir, "progress.docx", NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_doc_write_docx (doc, path, NULL, on_progress_cb, fractions, &error));
  g_assert_no_error (error);
  /* Once a block, and once at the end */
  g_assert_cmpuint (fractions->len, ==, jd_doc_get_n_blocks (doc) + 1);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_unlink (path);
}

static void
on_cancel_cb (double   fraction,
              gpointer user_data)
{
  /* Halfway through the blocks */
  if (fraction > 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(JdDoc) doc = sample_doc ();
  g_autofree char *path = g_build_filename (test_dir, "cancel.docx", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A file already there is left as it was. */
  g_assert_true (g_file_set_contents (path, "the analyst's own file", -1, NULL));
  before = jd_test_file_checksum (path);
  g_assert_false (jd_doc_write_docx (doc, path, cancellable, on_cancel_cb, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = jd_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_unlink (path);
  g_clear_error (&error);

  g_assert_false (jd_doc_write_docx (doc, path, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_missing_folder (void)
{
  g_autoptr(JdDoc) doc = sample_doc ();
  g_autofree char *folder = g_build_filename (test_dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (folder, "report.docx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (jd_doc_write_docx (doc, path, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "report.docx"));
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* Slides are landscape pages */
static void
test_slide_page (void)
{
  g_autoptr(JdDoc) doc = jd_doc_new (JD_PAGE_SLIDE_16_9);
  g_autofree char *path = g_build_filename (test_dir, "slides.docx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfInfile) zip = NULL;
  xmlDocPtr xml;
  g_autofree char *orient = NULL;

  jd_doc_add_block (doc, jd_block_heading_new (1, "联席会议"));
  g_assert_true (jd_doc_write_docx (doc, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  zip = open_zip (path);
  xml = parse_part (zip, "word/document.xml");
  orient = xpath_string (xml, "string(//w:pgSz/@w:orient)");
  g_assert_cmpstr (orient, ==, "landscape");
  g_assert_cmpfloat (xpath_number (xml, "number(//w:pgSz/@w:w)"), ==, 960 * 20);
  xmlFreeDoc (xml);
  g_unlink (path);
}

/* A table of eighteen columns is too wide for A4: it goes on in column
 * groups one under the other, as in the PDF, each a table of its own led
 * by the agency's name, together holding every column once. */
static void
test_wide_table (void)
{
  g_autoptr(JdDoc) doc = jd_doc_new (JD_PAGE_A4_PORTRAIT);
  g_autofree char *path = g_build_filename (test_dir, "wide.docx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfInfile) zip = NULL;
  JdTable *table = jd_table_new ("附表 各执法单位指标");
  const JdPageGeometry *g = jd_doc_get_geometry (doc);
  xmlDocPtr xml;
  double n_tables;
  guint n_cells = 0;

  jd_table_add_column (table, "执法单位", JD_COLUMN_TEXT);
  for (guint c = 1; c < 18; c++)
    {
      g_autofree char *title = g_strdup_printf ("指标%02u（件）", c);

      jd_table_add_column (table, title, JD_COLUMN_COUNT);
    }
  for (guint r = 0; r < 5; r++)
    {
      jd_table_add_row (table);
      jd_table_set_text (table, 0, "市市场监督管理局");
      for (guint c = 1; c < 18; c++)
        jd_table_set_number (table, c, 1234567 + r * c);
    }
  jd_doc_add_block (doc, jd_block_table_new (table));

  g_assert_true (jd_doc_write_docx (doc, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  zip = open_zip (path);
  xml = parse_part (zip, "word/document.xml");

  n_tables = xpath_number (xml, "count(//w:tbl)");
  g_assert_cmpfloat (n_tables, >, 1);
  for (guint t = 1; t <= n_tables; t++)
    {
      g_autofree char *first = g_strdup_printf ("string((//w:tbl)[%u]/w:tr[1]/w:tc[1])", t);
      g_autofree char *header = g_strdup_printf ("count((//w:tbl)[%u]/w:tr[1]/w:trPr/w:tblHeader)", t);
      g_autofree char *rows = g_strdup_printf ("count((//w:tbl)[%u]/w:tr)", t);
      g_autofree char *cells = g_strdup_printf ("count((//w:tbl)[%u]/w:tr[1]/w:tc)", t);
      g_autofree char *width = g_strdup_printf ("sum((//w:tbl)[%u]/w:tblGrid/w:gridCol/@w:w)", t);
      g_autofree char *name = xpath_string (xml, first);

      g_assert_cmpstr (name, ==, "执法单位");
      g_assert_cmpfloat (xpath_number (xml, header), ==, 1);
      g_assert_cmpfloat (xpath_number (xml, rows), ==, 6);
      g_assert_cmpfloat (xpath_number (xml, width), <=, (g->width - g->margin_left - g->margin_right) * 20 + 1);
      n_cells += (guint)xpath_number (xml, cells) - 1;
    }
  g_assert_cmpuint (n_cells, ==, 17);
  /* the last column's header, once */
  g_assert_cmpfloat (xpath_number (xml, "count(//w:tc[string(.)='指标17（件）'])"), ==, 1);

  xmlFreeDoc (xml);
  g_unlink (path);
}

/* What XML cannot hold never reaches it: control characters, bytes that
 * are not UTF-8; markup that does not parse is kept as text; a document
 * of no blocks still has a paragraph. */
static void
test_hostile_text (void)
{
  g_autoptr(JdDoc) doc = jd_doc_new (JD_PAGE_A4_PORTRAIT);
  g_autoptr(JdDoc) empty = jd_doc_new (JD_PAGE_A4_PORTRAIT);
  g_autofree char *path = g_build_filename (test_dir, "hostile.docx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfInfile) zip = NULL;
  JdTable *table = jd_table_new ("表\x1b");
  xmlDocPtr xml;
  g_autofree char *text = NULL;

  jd_doc_set_title (doc, "报告\x07\xff标题");
  jd_doc_set_running_header (doc, "页眉\x0c");
  jd_table_add_column (table, "单位\x01", JD_COLUMN_TEXT);
  jd_table_add_row (table);
  jd_table_set_text (table, 0, "A\x02&B");
  jd_doc_add_block (doc, jd_block_heading_new (1, "一、\x1f总体"));
  jd_doc_add_block (doc, jd_block_paragraph_new ("<b>未闭合 & 5 < 6"));
  jd_doc_add_block (doc, jd_block_table_new (table));

  g_assert_true (jd_doc_write_docx (doc, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  zip = open_zip (path);
  xml = parse_part (zip, "word/document.xml");
  text = xpath_string (xml, "string(//w:p[w:pPr/w:pStyle/@w:val='Heading1'])");
  g_assert_cmpstr (text, ==, "一、总体");
  g_clear_pointer (&text, g_free);
  text = xpath_string (xml, "string(//w:p[w:pPr/w:pStyle/@w:val='BodyText'])");
  g_assert_cmpstr (text, ==, "<b>未闭合 & 5 < 6");
  g_clear_pointer (&text, g_free);
  text = xpath_string (xml, "string(//w:tbl/w:tr[2]/w:tc[1])");
  g_assert_cmpstr (text, ==, "A&B");
  g_clear_pointer (&text, g_free);
  xmlFreeDoc (xml);
  xml = parse_part (zip, "docProps/core.xml");
  text = xpath_string (xml, "string(//dc:title)");
  g_assert_cmpstr (text, ==, "报告\xef\xbf\xbd标题");
  g_clear_pointer (&text, g_free);
  xmlFreeDoc (xml);
  xml = parse_part (zip, "word/header1.xml");
  xmlFreeDoc (xml);
  g_clear_object (&zip);
  g_unlink (path);

  g_assert_true (jd_doc_write_docx (empty, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  zip = open_zip (path);
  xml = parse_part (zip, "word/document.xml");
  g_assert_cmpfloat (xpath_number (xml, "count(/w:document/w:body/w:p)"), ==, 1);
  g_assert_cmpfloat (xpath_number (xml, "count(/w:document/w:body/*[last()][self::w:sectPr])"), ==, 1);
  xmlFreeDoc (xml);
  g_unlink (path);
}

/* The DOCX opens in LibreOffice, which finds the headings, the text and
 * the table's cells in it. */
static void
test_libreoffice (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *outdir = NULL;
  g_autofree char *docx = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdf_data = NULL;
  g_autoptr(GError) error = NULL;
  gsize pdf_len = 0;
  static const char * const expected[] = {
    "××市2026年第三季度行政执法监督分析报告", "一、总体情况", "（一）案件办理", "七、预警与排名",
    "本季度全市共作出行政执法决定9,086件", "R&D <试点>单位", "高于控制线15.0%",
    "附表 各执法单位主要指标", "执法单位", "第001执法单位", "第120执法单位", "1,037", "附注：数据截至2026年10月8日",
  };

  if (soffice == NULL)
    {
      /* Continuous integration has LibreOffice (jiandu-dev installs it):
       * there, its absence is a failure. */
      if (g_getenv ("CI") == NULL)
        {
          g_test_skip ("soffice (LibreOffice) is not installed");
          return;
        }
      g_error ("soffice (LibreOffice) is not installed, and CI is set");
    }

  outdir = g_build_filename (test_dir, "libreoffice", NULL);
  g_assert_cmpint (g_mkdir_with_parents (outdir, 0700), ==, 0);
  docx = write_sample ("report.docx");

  if (!jd_test_run_soffice (soffice, "txt:Text", docx, outdir, &error))
    g_error ("LibreOffice could not convert the DOCX to text: %s", error->message);
  txt = g_build_filename (outdir, "report.txt", NULL);
  g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” is not in LibreOffice's text of the DOCX:\n%s", expected[i], text);

  if (!jd_test_run_soffice (soffice, "pdf", docx, outdir, &error))
    g_error ("LibreOffice could not convert the DOCX to PDF: %s", error->message);
  pdf = g_build_filename (outdir, "report.pdf", NULL);
  g_assert_true (g_file_get_contents (pdf, &pdf_data, &pdf_len, NULL));
  g_assert_cmpuint (pdf_len, >, 1000);
  g_assert_cmpmem (pdf_data, 5, "%PDF-", 5);

  /* JD_TEST_KEEP: a folder to leave the DOCX and its PDF in, to look at */
  if (g_getenv ("JD_TEST_KEEP") != NULL)
    {
      g_autofree char *keep_docx = g_build_filename (g_getenv ("JD_TEST_KEEP"), "report.docx", NULL);
      g_autofree char *keep_pdf = g_build_filename (g_getenv ("JD_TEST_KEEP"), "report.pdf", NULL);
      g_autofree char *docx_data = NULL;
      gsize docx_len;

      g_assert_true (g_file_get_contents (docx, &docx_data, &docx_len, NULL));
      g_assert_true (g_file_set_contents (keep_docx, docx_data, docx_len, NULL));
      g_assert_true (g_file_set_contents (keep_pdf, pdf_data, pdf_len, NULL));
    }

  g_unlink (txt);
  g_unlink (pdf);
  g_unlink (docx);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }

  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_autofree char *lo_dir = NULL;

  g_test_init (&argc, &argv, NULL);
  test_dir = g_dir_make_tmp ("jd-test-docx-XXXXXX", NULL);
  g_assert_nonnull (test_dir);

  g_test_add_func ("/docx/parts", test_parts);
  g_test_add_func ("/docx/progress", test_progress);
  g_test_add_func ("/docx/cancel", test_cancel);
  g_test_add_func ("/docx/missing-folder", test_missing_folder);
  g_test_add_func ("/docx/slide-page", test_slide_page);
  g_test_add_func ("/docx/wide-table", test_wide_table);
  g_test_add_func ("/docx/hostile-text", test_hostile_text);
  g_test_add_func ("/docx/libreoffice", test_libreoffice);

  status = g_test_run ();

  /* LibreOffice's profile is a tree of its own */
  lo_dir = g_build_filename (test_dir, "libreoffice", NULL);
  remove_tree (lo_dir);
  jd_test_remove_dir (test_dir);
  g_free (test_dir);
  return status;
}

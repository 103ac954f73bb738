/* test-doc.c — the page model: layout, pagination, the painter
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "jd-test-doc.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

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

/* A table of many measures: too wide for any page at its narrowest */
static JdTable *
wide_table (guint n_rows)
{
  JdTable *table = jd_table_new ("各执法机关主要指标");

  jd_table_add_column (table, "执法机关", JD_COLUMN_TEXT);
  for (guint c = 1; c < 17; c++)
    {
      g_autofree char *title = g_strdup_printf ("Measure %u of the agency", c);

      jd_table_add_column (table, title, c % 2 ? JD_COLUMN_COUNT : JD_COLUMN_YUAN);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *name = g_strdup_printf ("西湖区市场监督管理局%u", r);

      jd_table_add_row (table);
      jd_table_set_text (table, 0, name);
      for (guint c = 1; c < 17; c++)
        jd_table_set_number (table, c, 1234567.0 * c + r);
    }
  return table;
}

static void
test_table_column_groups (void)
{
  for (JdPageFormat format = JD_PAGE_A4_PORTRAIT; format <= JD_PAGE_SLIDE_16_9; format++)
    {
      g_autoptr(JdDoc) doc = jd_doc_new (format);
      g_autoptr(JdDocLayout) layout = NULL;
      g_autofree guint *seen = g_new0 (guint, 17);
      JdDocBox *box;

      jd_doc_add_block (doc, jd_block_table_new (wide_table (30)));
      layout = layout_of (doc);
      check_inside_text_block (layout);

      box = layout->boxes->pdata[0];
      g_assert_cmpuint (box->tables->len, >, 1);
      for (guint t = 0; t < box->tables->len; t++)
        {
          JdDocTable *group = box->tables->pdata[t];

          /* the agency's name leads every group; every other column is
           * in one group only */
          g_assert_cmpuint (group->columns[0], ==, 0);
          g_assert_cmpuint (group->n_columns, >=, 2);
          for (guint c = 0; c < group->n_columns; c++)
            seen[group->columns[c]]++;
          /* a number is never wrapped: one line high */
          for (guint c = 1; c < group->n_columns; c++)
            g_assert_cmpfloat (group->cell_heights[group->n_columns + c], <,
                               1.6 * _jd_doc_layout_table_size (&layout->geometry));
        }
      g_assert_cmpuint (seen[0], ==, box->tables->len);
      for (guint c = 1; c < 17; c++)
        g_assert_cmpuint (seen[c], ==, 1);
    }
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
  jd_doc_add_block (doc, jd_block_paragraph_new (PARAGRAPH_TEXT));
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

/* A table's title is never the last thing on a page: it goes on with the
 * header and the first row. */
static void
test_keep_table_title (void)
{
  gboolean moved = FALSE;

  for (guint n = 16; n <= 24; n++)
    {
      g_autoptr(JdDoc) doc = jd_doc_new (JD_PAGE_A4_PORTRAIT);
      g_autoptr(JdDocLayout) layout = NULL;
      JdDocBox *box;
      guint title_page = G_MAXUINT, row_page = G_MAXUINT;

      for (guint i = 0; i < n; i++)
        jd_doc_add_block (doc, jd_block_paragraph_new ("一行。"));
      jd_doc_add_block (doc, jd_block_table_new (long_table (20)));
      layout = layout_of (doc);
      box = layout->boxes->pdata[n];

      for (guint i = 0; i < layout->pieces->len; i++)
        {
          const JdDocPiece *piece = &g_array_index (layout->pieces, JdDocPiece, i);

          if (piece->box != n)
            continue;
          for (guint u = piece->first_unit; u < piece->first_unit + piece->n_units; u++)
            {
              const JdDocUnit *unit = &g_array_index (box->units, JdDocUnit, u);

              if (u == 0)
                title_page = piece->page;
              if (unit->kind == JD_DOC_UNIT_ROW && row_page == G_MAXUINT)
                row_page = piece->page;
            }
        }

      g_assert_cmpuint (title_page, ==, row_page);
      if (title_page > jd_doc_layout_get_block_page (layout, n - 1, NULL))
        moved = TRUE;
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

/* The dark preview paints a dark page; paper is white */
static void
test_paint_dark (void)
{
  g_autoptr(JdDoc) doc = report_doc (JD_PAGE_A4_PORTRAIT, 3);
  g_autoptr(JdDocLayout) layout = layout_of (doc);
  g_autoptr(cairo_surface_t) light = paint_to_image (layout, 0);
  g_autoptr(cairo_surface_t) dark = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 850);
  JdChartTheme theme;
  cairo_t *cr;

  jd_chart_theme_init_dark (&theme);
  cr = cairo_create (dark);
  jd_doc_layout_paint_page (layout, 0, cr, &theme);
  cairo_destroy (cr);
  cairo_surface_flush (dark);

  g_assert_cmphex (((guint32 *) cairo_image_surface_get_data (light))[0], ==, 0xffffffff);
  g_assert_cmphex (((guint32 *) cairo_image_surface_get_data (dark))[0] & 0xffffff, <, 0x404040);
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

/* A paragraph keeps <b> and <i> only: a size in its markup would slip
 * under the floor, a colour would not print.  Text that is not markup is
 * shown as written. */
static void
test_paragraph_markup (void)
{
  g_autoptr(JdDoc) doc = jd_doc_new (JD_PAGE_A4_PORTRAIT);
  g_autoptr(JdDocLayout) layout = NULL;
  g_autoptr(GSList) attrs = NULL;
  PangoLayout *text;
  guint n_kept = 0;

  jd_doc_add_block (doc, jd_block_paragraph_new ("<b>粗</b><i>斜</i><span size=\"2000\" foreground=\"red\">小字</span>"
                                                 "<small>更小</small>"));
  jd_doc_add_block (doc, jd_block_paragraph_new ("败诉率 < 15% & 撤诉率 > 5%"));
  layout = layout_of (doc);

  text = g_array_index (((JdDocBox *) layout->boxes->pdata[0])->texts, JdDocText, 0).layout;
  g_assert_cmpstr (pango_layout_get_text (text), ==, "粗斜小字更小");
  attrs = pango_attr_list_get_attributes (pango_layout_get_attributes (text));
  for (GSList *l = attrs; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      g_assert_true (attr->klass->type == PANGO_ATTR_WEIGHT || attr->klass->type == PANGO_ATTR_STYLE);
      n_kept++;
    }
  g_slist_free_full (g_steal_pointer (&attrs), (GDestroyNotify) pango_attribute_destroy);
  g_assert_cmpuint (n_kept, ==, 2);

  text = g_array_index (((JdDocBox *) layout->boxes->pdata[1])->texts, JdDocText, 0).layout;
  g_assert_cmpstr (pango_layout_get_text (text), ==, "败诉率 < 15% & 撤诉率 > 5%");
}

/* Nothing, or only page breaks: one blank page, and no blank page after
 * a break at the end */
static void
test_empty (void)
{
  g_autoptr(JdDoc) empty = jd_doc_new (JD_PAGE_A4_PORTRAIT);
  g_autoptr(JdDoc) breaks = jd_doc_new (JD_PAGE_SLIDE_16_9);
  g_autoptr(JdDocLayout) layout = layout_of (empty);
  g_autoptr(JdDocLayout) break_layout = NULL;

  g_assert_cmpuint (jd_doc_layout_get_n_pages (layout), ==, 1);
  g_assert_cmpint (jd_doc_layout_block_at (layout, 0, 200, 200), ==, -1);

  jd_doc_add_block (breaks, jd_block_page_break_new ());
  jd_doc_add_block (breaks, jd_block_heading_new (1, "一、总体情况"));
  jd_doc_add_block (breaks, jd_block_page_break_new ());
  jd_doc_add_block (breaks, jd_block_heading_new (1, "二、行政执法案件"));
  jd_doc_add_block (breaks, jd_block_page_break_new ());
  break_layout = layout_of (breaks);
  g_assert_cmpuint (jd_doc_layout_get_n_pages (break_layout), ==, 2);
  g_assert_cmpuint (jd_doc_layout_get_block_page (break_layout, 1, NULL), ==, 0);
  g_assert_cmpuint (jd_doc_layout_get_block_page (break_layout, 3, NULL), ==, 1);
}

/* KPI cards side by side, as many a row as are wide enough, drawn by the
 * chart kit: narrow cards put 环比 under 同比 */
static void
test_kpi_row (void)
{
  for (JdPageFormat format = JD_PAGE_A4_PORTRAIT; format <= JD_PAGE_SLIDE_16_9; format++)
    {
      g_autoptr(JdDoc) doc = jd_doc_new (format);
      g_autoptr(JdDocLayout) layout = NULL;
      g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_chart_unref);
      const JdPageGeometry *g = jd_doc_get_geometry (doc);
      JdDocBox *box;

      for (guint i = 0; i < 7; i++)
        {
          JdChart *kpi = jd_chart_new (JD_CHART_KPI);

          /* with a unit and a note, or without either: a card's labels
           * differ in number */
          jd_chart_set_title (kpi, "行政执法决定");
          jd_chart_set_kpi (kpi, 9086 + i, i % 3 == 0 ? NULL : "件", JD_CHART_CHANGE_RELATIVE,
                            JD_CHART_POLARITY_UP_IS_GOOD, 0.068, -0.023);
          if (i % 3 == 2)
            jd_chart_set_kpi_note (kpi, "罚没款：1,236.5万元");
          g_ptr_array_add (kpis, kpi);
        }
      jd_doc_add_block (doc, jd_block_paragraph_new (PARAGRAPH_TEXT));
      jd_doc_add_block (doc, jd_block_kpi_row_new ((JdChart * const *) kpis->pdata, kpis->len));
      layout = layout_of (doc);
      check_inside_text_block (layout);

      box = layout->boxes->pdata[1];
      g_assert_cmpuint (box->per_row, >=, 3);
      g_assert_cmpuint (box->per_row, <, 7);
      /* the card's small print (0.11 of its height) is not below the floor */
      g_assert_cmpfloat (box->graphic_height * 0.11, >=, g->min_text_size);
      g_assert_cmpfloat (box->graphic_width * box->per_row + box->gap * (box->per_row - 1), <=,
                         layout->text_width + 1e-6);

      for (guint page = 0; page < jd_doc_layout_get_n_pages (layout); page++)
        {
          g_autoptr(cairo_surface_t) surface = paint_to_image (layout, page);

          g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/doc/empty", test_empty);
  g_test_add_func ("/doc/paragraph/markup", test_paragraph_markup);
  g_test_add_func ("/doc/kpi-row", test_kpi_row);
  g_test_add_func ("/doc/table/fits", test_table_fits);
  g_test_add_func ("/doc/table/column-groups", test_table_column_groups);
  g_test_add_func ("/doc/slide/long-names", test_slide_long_names);
  g_test_add_func ("/doc/keep/heading", test_keep_heading);
  g_test_add_func ("/doc/keep/table-title", test_keep_table_title);
  g_test_add_func ("/doc/preview/block-at", test_block_at);
  g_test_add_func ("/doc/preview/paint-twice", test_paint_twice);
  g_test_add_func ("/doc/preview/dark", test_paint_dark);

  return g_test_run ();
}

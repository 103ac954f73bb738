/* jd-agencies-page.c — 单位排名: every agency's figures, the 红黑榜 and the heat table
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-agencies-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "jd-agencies-page.h"
#include "jd-chart-view.h"
#include "jd-format.h"

/* How many agencies each of the 红榜 and the 黑榜 names. */
#define LIST_LENGTH 5

/* One row of the table: an agency and its figures for the period. */
#define JD_TYPE_AGENCY_ITEM (jd_agency_item_get_type ())
G_DECLARE_FINAL_TYPE (JdAgencyItem, jd_agency_item, JD, AGENCY_ITEM, GObject)

struct _JdAgencyItem
{
  GObject  parent_instance;
  JdSlice *slice;   /* owned by the page's slices array */
};

G_DEFINE_FINAL_TYPE (JdAgencyItem, jd_agency_item, G_TYPE_OBJECT)

static void
jd_agency_item_class_init (JdAgencyItemClass *klass)
{
}

static void
jd_agency_item_init (JdAgencyItem *self)
{
}

static double
item_value (JdAgencyItem *item,
            JdMeasure     measure)
{
  double value = NAN;

  jd_metrics_get_measure (item->slice->metrics, measure, &value, NULL);
  return value;
}

struct _JdAgenciesPage
{
  JdPage       parent_instance;

  GPtrArray   *slices;      /* (element-type JdSlice) of the period on show */
  gint64       min_total;   /* the minimum-denominator rule in force */
  JdMeasure    measure;     /* what the 红黑榜 ranks by */
  JdRanking   *ranking;     /* by that measure, the best first */
  GListStore  *items;

  /* Template widgets */
  GtkDropDown         *measure_dropdown;
  GtkLabel            *rule_label;
  AdwPreferencesGroup *top_group;
  AdwPreferencesGroup *bottom_group;
  GtkColumnView       *table;
  JdChartView         *heat_chart;
  GList               *list_rows;   /* the rows now in the two groups */
};

G_DEFINE_FINAL_TYPE (JdAgenciesPage, jd_agencies_page, JD_TYPE_PAGE)

static void
on_list_row_activated_cb (JdAgenciesPage *self,
                          AdwActionRow   *row)
{
  jd_page_open_agency (JD_PAGE (self), g_object_get_data (G_OBJECT (row), "agency-code"));
}

static void
add_list_row (JdAgenciesPage      *self,
              AdwPreferencesGroup *group,
              const JdRankRow     *rank_row)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *rank = g_strdup_printf ("%u", rank_row->rank);
  g_autofree char *value = jd_measure_format (self->measure, rank_row->value);
  GtkWidget *rank_label = gtk_label_new (rank);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_widget_add_css_class (rank_label, "numeric");
  gtk_widget_add_css_class (rank_label, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (rank_label), 2);
  gtk_widget_add_css_class (value_label, "numeric");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rank_row->name);
  if (jd_measure_info (self->measure)->is_rate)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT,
                                                rank_row->count, rank_row->total);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), count);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), rank_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label);
  g_object_set_data_full (G_OBJECT (row), "agency-code", g_strdup (rank_row->code), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_list_row_activated_cb), self, G_CONNECT_SWAPPED);

  adw_preferences_group_add (group, row);
  self->list_rows = g_list_prepend (self->list_rows, row);
}

static void
clear_lists (JdAgenciesPage *self)
{
  for (GList *l = self->list_rows; l != NULL; l = l->next)
    {
      GtkWidget *row = l->data;
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_clear_pointer (&self->list_rows, g_list_free);
}

/* The 红黑榜: the first and the last LIST_LENGTH of the ranking, under
 * the minimum-denominator rule.  A measure where neither direction is
 * better (cases decided) gets "highest" and "lowest" instead. */
static void
update_lists (JdAgenciesPage *self)
{
  const JdMeasureInfo *info = jd_measure_info (self->measure);
  g_autofree char *rule = NULL;
  guint n;

  clear_lists (self);
  g_clear_pointer (&self->ranking, jd_ranking_free);
  if (self->slices == NULL)
    return;

  /* Best first: ascending where lower is better. */
  self->ranking = jd_metrics_rank_slices (self->slices, self->measure,
                                          info->is_rate ? self->min_total : 0,
                                          info->better < 0);
  n = self->ranking->rows->len;

  if (info->better == 0)
    {
      adw_preferences_group_set_title (self->top_group, _("Highest"));
      adw_preferences_group_set_title (self->bottom_group, _("Lowest"));
    }
  else
    {
      adw_preferences_group_set_title (self->top_group, _("Best (红榜)"));
      adw_preferences_group_set_title (self->bottom_group, _("Worst (黑榜)"));
    }

  for (guint i = 0; i < n && i < LIST_LENGTH; i++)
    add_list_row (self, self->top_group, g_ptr_array_index (self->ranking->rows, i));

  /* The worst first, and no agency on both lists. */
  for (guint i = 0; i < LIST_LENGTH && n > LIST_LENGTH + i; i++)
    add_list_row (self, self->bottom_group, g_ptr_array_index (self->ranking->rows, n - 1 - i));

  if (info->is_rate && self->ranking->left_out->len > 0)
    {
      g_autofree char *min_total = jd_format_count (self->min_total);

      /* Translators: under the 红黑榜: the measure, how many agencies are
       * left out, and the minimum number of cases a rate needs */
      rule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Ranked by %s. %u agency with fewer than %s cases behind the rate is not ranked.",
                                           "Ranked by %s. %u agencies with fewer than %s cases behind the rate are not ranked.",
                                           self->ranking->left_out->len),
                              _(info->label), self->ranking->left_out->len, min_total);
    }
  else
    rule = g_strdup_printf (_("Ranked by %s."), _(info->label));
  gtk_label_set_text (self->rule_label, rule);
}

static void
on_measure_selected_cb (JdAgenciesPage *self,
                        GParamSpec     *pspec,
                        GtkDropDown    *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected >= JD_N_MEASURES || selected == self->measure)
    return;

  self->measure = selected;
  update_lists (self);
}

static void
on_table_activate_cb (JdAgenciesPage *self,
                      guint           position,
                      GtkColumnView  *table)
{
  g_autoptr(JdAgencyItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)), position);

  if (item != NULL)
    jd_page_open_agency (JD_PAGE (self), item->slice->key);
}

static void
jd_agencies_page_show (JdPage   *page,
                       gpointer  user_data)
{
  JdAgenciesPage *self = JD_AGENCIES_PAGE (page);
  JdAgenciesData *data = user_data;

  g_clear_pointer (&self->slices, g_ptr_array_unref);
  self->slices = g_steal_pointer (&data->slices);
  self->min_total = data->min_total;

  g_list_store_remove_all (self->items);
  for (guint i = 0; i < self->slices->len; i++)
    {
      g_autoptr(JdAgencyItem) item = g_object_new (JD_TYPE_AGENCY_ITEM, NULL);

      item->slice = g_ptr_array_index (self->slices, i);
      g_list_store_append (self->items, item);
    }

  update_lists (self);
  jd_chart_view_set_chart (self->heat_chart, data->heat);
}

/* Table columns: the agency's name, then one column a measure. */
static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) < 0 ? 0.0 : 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  JdAgencyItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  int measure = GPOINTER_TO_INT (user_data);

  if (measure < 0)
    gtk_label_set_text (label, item->slice->label);
  else
    {
      g_autofree char *text = jd_measure_format (measure, item_value (item, measure));

      gtk_label_set_text (label, text);
    }
}

/* NaN (nothing to divide by) sorts after every number, either way round. */
static int
compare_items_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  JdAgencyItem *item_a = (JdAgencyItem *)a;
  JdAgencyItem *item_b = (JdAgencyItem *)b;
  int measure = GPOINTER_TO_INT (user_data);
  double va, vb;

  if (measure < 0)
    return g_utf8_collate (item_a->slice->label, item_b->slice->label);

  va = item_value (item_a, measure);
  vb = item_value (item_b, measure);
  if (isnan (va) || isnan (vb))
    return isnan (va) - isnan (vb);

  return (va > vb) - (va < vb);
}

static void
add_column (JdAgenciesPage *self,
            const char     *title,
            int             measure)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (measure));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (measure));

  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items_cb, GINT_TO_POINTER (measure), NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (measure < 0)
    gtk_column_view_column_set_expand (column, TRUE);
  g_object_unref (sorter);

  gtk_column_view_append_column (self->table, column);
}

static void
jd_agencies_page_dispose (GObject *object)
{
  JdAgenciesPage *self = (JdAgenciesPage *)object;

  g_clear_pointer (&self->list_rows, g_list_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_AGENCIES_PAGE);
  g_clear_object (&self->items);
  g_clear_pointer (&self->ranking, jd_ranking_free);
  g_clear_pointer (&self->slices, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_agencies_page_parent_class)->dispose (object);
}

static void
jd_agencies_page_class_init (JdAgenciesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JdPageClass *page_class = JD_PAGE_CLASS (klass);

  object_class->dispose = jd_agencies_page_dispose;

  page_class->info = jd_cockpit_page ("agencies");
  page_class->show = jd_agencies_page_show;

  g_type_ensure (JD_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-agencies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, rule_label);
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, top_group);
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, bottom_group);
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, table);
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, heat_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_measure_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_activate_cb);
}

static void
jd_agencies_page_init (JdAgenciesPage *self)
{
  g_autoptr(GtkStringList) measures = gtk_string_list_new (NULL);
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  self->measure = JD_MEASURE_LOSS_RATE;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Agency first, then every measure in its catalogue order. */
  add_column (self, _("Agency"), -1);
  for (guint m = 0; m < JD_N_MEASURES; m++)
    {
      gtk_string_list_append (measures, _(jd_measure_info (m)->label));
      add_column (self, _(jd_measure_info (m)->label), m);
    }

  self->items = g_list_store_new (JD_TYPE_AGENCY_ITEM);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  gtk_drop_down_set_model (self->measure_dropdown, G_LIST_MODEL (measures));
  gtk_drop_down_set_selected (self->measure_dropdown, self->measure);
}

/**
 * jd_agencies_page_set_measure:
 *
 * Ranks the 红黑榜 by @measure, as choosing it in "Rank by" does.
 */
void
jd_agencies_page_set_measure (JdAgenciesPage *self,
                              JdMeasure       measure)
{
  g_return_if_fail (JD_IS_AGENCIES_PAGE (self));
  g_return_if_fail (measure < JD_N_MEASURES);

  gtk_drop_down_set_selected (self->measure_dropdown, measure);
}

/**
 * jd_agencies_page_get_slices:
 *
 * Returns: (transfer none) (nullable) (element-type JdSlice): every
 *   agency's figures on show
 */
GPtrArray *
jd_agencies_page_get_slices (JdAgenciesPage *self)
{
  g_return_val_if_fail (JD_IS_AGENCIES_PAGE (self), NULL);

  return self->slices;
}

/**
 * jd_agencies_page_get_ranking:
 *
 * Returns: (transfer none) (nullable): the ranking behind the 红黑榜
 */
JdRanking *
jd_agencies_page_get_ranking (JdAgenciesPage *self)
{
  g_return_val_if_fail (JD_IS_AGENCIES_PAGE (self), NULL);

  return self->ranking;
}

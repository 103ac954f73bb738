/* jd-headline.c — a page's row of headline figures
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The big numbers at the top of a page: a value, what it is, and a line
 * under it (the count behind a rate).  They flow onto as many lines as the
 * width needs, so the row works from a phone to a wide screen. */

#define G_LOG_DOMAIN "jd-headline"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-format.h"
#include "jd-headline.h"

struct _JdHeadline
{
  GtkWidget   parent_instance;

  GtkFlowBox *box;
  GHashTable *figures;   /* key → Figure, in the box */
};

typedef struct
{
  GtkWidget *child;
  GtkLabel  *value;
  GtkLabel  *caption;
  GtkLabel  *note;
} Figure;

G_DEFINE_FINAL_TYPE (JdHeadline, jd_headline, GTK_TYPE_WIDGET)

static GtkLabel *
figure_label (GtkBox     *box,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return GTK_LABEL (label);
}

/* The figure called @key, made the first time it is set */
static Figure *
lookup_figure (JdHeadline *self,
               const char *key)
{
  Figure *figure = g_hash_table_lookup (self->figures, key);
  GtkWidget *box;

  if (figure != NULL)
    return figure;

  figure = g_new0 (Figure, 1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (box, "headline-figure");
  figure->caption = figure_label (GTK_BOX (box), "caption-heading");
  figure->value = figure_label (GTK_BOX (box), "title-1");
  gtk_widget_add_css_class (GTK_WIDGET (figure->value), "numeric");
  figure->note = figure_label (GTK_BOX (box), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (figure->note), "caption");
  figure->child = box;

  gtk_flow_box_append (self->box, box);
  g_hash_table_insert (self->figures, g_strdup (key), figure);

  return figure;
}

static void
jd_headline_dispose (GObject *object)
{
  JdHeadline *self = (JdHeadline *)object;

  if (self->box != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->box));
      self->box = NULL;
    }
  g_clear_pointer (&self->figures, g_hash_table_unref);

  G_OBJECT_CLASS (jd_headline_parent_class)->dispose (object);
}

static void
jd_headline_class_init (JdHeadlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_headline_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "headline");
}

static void
jd_headline_init (JdHeadline *self)
{
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->box, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (self->box, TRUE);
  gtk_flow_box_set_min_children_per_line (self->box, 1);
  gtk_flow_box_set_max_children_per_line (self->box, 8);
  gtk_flow_box_set_column_spacing (self->box, 12);
  gtk_flow_box_set_row_spacing (self->box, 12);
  gtk_widget_set_parent (GTK_WIDGET (self->box), GTK_WIDGET (self));
}

GtkWidget *
jd_headline_new (void)
{
  return g_object_new (JD_TYPE_HEADLINE, NULL);
}

/**
 * jd_headline_set:
 * @key: names the figure, for jd_headline_get_value(); figures keep the
 *   order in which their keys were first set
 * @note: (nullable): the line under the value
 */
void
jd_headline_set (JdHeadline *self,
                 const char *key,
                 const char *caption,
                 const char *value,
                 const char *note)
{
  Figure *figure;

  g_return_if_fail (JD_IS_HEADLINE (self));
  g_return_if_fail (key != NULL);

  figure = lookup_figure (self, key);
  gtk_label_set_text (figure->caption, caption);
  gtk_label_set_text (figure->value, value);
  gtk_label_set_text (figure->note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (figure->note), note != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (figure->child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, caption, -1);
}

void
jd_headline_set_count (JdHeadline *self,
                       const char *key,
                       const char *caption,
                       gint64      count)
{
  g_autofree char *value = jd_format_count (count);

  jd_headline_set (self, key, caption, value, NULL);
}

/* A rate, with the count out of the total under it */
void
jd_headline_set_rate (JdHeadline *self,
                      const char *key,
                      const char *caption,
                      JdRatio     ratio)
{
  g_autofree char *value = jd_format_rate (jd_ratio_rate (ratio));
  g_autofree char *count = jd_format_count (ratio.count);
  g_autofree char *total = jd_format_count (ratio.total);
  /* Translators: under a rate, "3 of 41" */
  g_autofree char *note = g_strdup_printf (_("%s of %s"), count, total);

  jd_headline_set (self, key, caption, value, note);
}

/* Returns: (nullable): the value shown for @key, as the user reads it */
const char *
jd_headline_get_value (JdHeadline *self,
                       const char *key)
{
  Figure *figure;

  g_return_val_if_fail (JD_IS_HEADLINE (self), NULL);

  figure = g_hash_table_lookup (self->figures, key);
  return figure != NULL ? gtk_label_get_text (figure->value) : NULL;
}

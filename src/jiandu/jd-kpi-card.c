/* jd-kpi-card.c — one headline figure with its 同比 and 环比
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-kpi-card"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "jd-format.h"
#include "jd-kpi-card.h"

struct _JdKpiCard
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *title_label;
  GtkLabel  *value_label;
  GtkLabel  *detail_label;
  GtkLabel  *yoy_label;
  GtkLabel  *pop_label;
};

G_DEFINE_FINAL_TYPE (JdKpiCard, jd_kpi_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_change (GtkLabel        *label,
             JdKpiChangeKind  kind,
             JdKpiPolarity    polarity,
             double           change)
{
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  const char *arrow = "";

  gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");

  text = kind == JD_KPI_CHANGE_POINTS ? jd_format_points (change) : jd_format_change (change);

  if (!isnan (change) && fabs (change) >= 0.0005)
    {
      gboolean up = change > 0;

      /* The arrow tells the direction without colour; the colour adds
       * whether that direction is good news. */
      arrow = up ? "▲ " : "▼ ";
      if (polarity != JD_KPI_NEUTRAL)
        gtk_widget_add_css_class (GTK_WIDGET (label),
                                  (up == (polarity == JD_KPI_UP_IS_GOOD)) ? "success" : "error");
    }

  markup = g_strconcat (arrow, text, NULL);
  gtk_label_set_text (label, markup);
}

static void
update_accessible_label (JdKpiCard *self)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (_("%s: %s; year on year %s; period on period %s"),
                          gtk_label_get_text (self->title_label),
                          gtk_label_get_text (self->value_label),
                          gtk_label_get_text (self->yoy_label),
                          gtk_label_get_text (self->pop_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
jd_kpi_card_dispose (GObject *object)
{
  JdKpiCard *self = (JdKpiCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_KPI_CARD);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (jd_kpi_card_parent_class)->dispose (object);
}

static void
jd_kpi_card_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JdKpiCard *self = JD_KPI_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, jd_kpi_card_get_title (self));
      break;

    case PROP_VALUE:
      g_value_set_string (value, jd_kpi_card_get_value (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_kpi_card_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  JdKpiCard *self = JD_KPI_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      jd_kpi_card_set_title (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      jd_kpi_card_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_kpi_card_class_init (JdKpiCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_kpi_card_dispose;
  object_class->get_property = jd_kpi_card_get_property;
  object_class->set_property = jd_kpi_card_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-kpi-card.ui");
  gtk_widget_class_bind_template_child (widget_class, JdKpiCard, box);
  gtk_widget_class_bind_template_child (widget_class, JdKpiCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, JdKpiCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, JdKpiCard, detail_label);
  gtk_widget_class_bind_template_child (widget_class, JdKpiCard, yoy_label);
  gtk_widget_class_bind_template_child (widget_class, JdKpiCard, pop_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kpicard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
jd_kpi_card_init (JdKpiCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
jd_kpi_card_get_title (JdKpiCard *self)
{
  g_return_val_if_fail (JD_IS_KPI_CARD (self), NULL);

  return gtk_label_get_text (self->title_label);
}

void
jd_kpi_card_set_title (JdKpiCard  *self,
                       const char *title)
{
  g_return_if_fail (JD_IS_KPI_CARD (self));

  if (g_strcmp0 (title, gtk_label_get_text (self->title_label)) == 0)
    return;

  gtk_label_set_text (self->title_label, title);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * jd_kpi_card_get_value:
 *
 * Returns: the figure exactly as the card shows it
 */
const char *
jd_kpi_card_get_value (JdKpiCard *self)
{
  g_return_val_if_fail (JD_IS_KPI_CARD (self), NULL);

  return gtk_label_get_text (self->value_label);
}

void
jd_kpi_card_set_value (JdKpiCard  *self,
                       const char *value)
{
  g_return_if_fail (JD_IS_KPI_CARD (self));

  if (value == NULL)
    value = "—";

  if (g_strcmp0 (value, gtk_label_get_text (self->value_label)) == 0)
    return;

  gtk_label_set_text (self->value_label, value);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/**
 * jd_kpi_card_set_detail:
 * @detail: (nullable): a line under the figure, e.g. "2 of 31 concluded"
 */
void
jd_kpi_card_set_detail (JdKpiCard  *self,
                        const char *detail)
{
  g_return_if_fail (JD_IS_KPI_CARD (self));

  gtk_label_set_text (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL && *detail != '\0');
}

/**
 * jd_kpi_card_set_changes:
 * @year_on_year: 同比, relative (0.1 for +10%) or in points (0.01 for +1
 *   percentage point) after @kind; NaN when there is nothing to compare with
 * @period_on_period: 环比, likewise
 */
void
jd_kpi_card_set_changes (JdKpiCard       *self,
                         JdKpiChangeKind  kind,
                         JdKpiPolarity    polarity,
                         double           year_on_year,
                         double           period_on_period)
{
  g_return_if_fail (JD_IS_KPI_CARD (self));

  show_change (self->yoy_label, kind, polarity, year_on_year);
  show_change (self->pop_label, kind, polarity, period_on_period);
  update_accessible_label (self);
}

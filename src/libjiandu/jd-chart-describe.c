/* jd-chart-describe.c — the chart kit: the monthly chart, and charts told in words for screen readers
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "jd-chart.h"
#include "jd-chart-private.h"
#include "jd-format.h"
#include "jd-format-private.h"
#include "jd-period.h"

/* The monthly chart of the dashboard, on the chart kit */

/**
 * jd_chart_new_monthly:
 *
 * Returns: (transfer full): @monthly as a bar chart over months, its
 *   comparison a dashed line
 */
JdChart *
jd_chart_new_monthly (const JdMonthlyChart *monthly)
{
  JdChart *chart = jd_chart_new (JD_CHART_BAR);

  jd_chart_set_title (chart, monthly->title);
  jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, monthly->first_month,
                          monthly->values != NULL ? monthly->n_points : 0);
  if (monthly->values != NULL)
    {
      /* Translators: legend of the bars of a monthly chart, when the caller
       * gave none; zh_CN: "本期" */
      const char *label = monthly->value_label ? monthly->value_label
                          : monthly->comparison ? _("This period") : NULL;

      jd_chart_add_series (chart, label, monthly->values, monthly->n_points);
    }
  if (monthly->comparison != NULL)
    {
      /* Translators: legend of the dashed line of the same months a year
       * earlier; zh_CN: "上年同期" */
      guint s = jd_chart_add_series (chart, monthly->comparison_label ? monthly->comparison_label
                                                                      : _("A year earlier"),
                                     monthly->comparison, monthly->n_points);

      jd_chart_series_set_mark (chart, s, JD_CHART_MARK_LINE);
      jd_chart_series_set_dashed (chart, s, TRUE);
    }

  return chart;
}

/**
 * jd_chart_draw_monthly:
 * @cr: where to draw; (0, 0) is the chart's top-left corner
 *
 * Draws @chart as bars, one per month, with the same months a year
 * earlier as a dashed line, a value axis from zero with nice ticks, and
 * the months and years below.
 */
void
jd_chart_draw_monthly (cairo_t              *cr,
                       double                width,
                       double                height,
                       const JdMonthlyChart *monthly,
                       const JdChartTheme   *theme)
{
  g_autoptr(JdChart) chart = NULL;

  g_return_if_fail (monthly != NULL);
  g_return_if_fail (monthly->n_points == 0 || monthly->values != NULL);

  chart = jd_chart_new_monthly (monthly);
  jd_chart_draw (cr, width, height, chart, theme);
}

/**
 * jd_chart_monthly_hit:
 *
 * Returns: the month (index into chart->values) whose column holds
 *   (@x, @y), whether or not it has a value; -1 outside the plot.
 */
int
jd_chart_monthly_hit (double                width,
                      double                height,
                      const JdMonthlyChart *monthly,
                      double                x,
                      double                y)
{
  g_autoptr(JdChart) chart = NULL;
  JdChartHit hit;

  g_return_val_if_fail (monthly != NULL, -1);
  g_return_val_if_fail (monthly->n_points == 0 || monthly->values != NULL, -1);

  chart = jd_chart_new_monthly (monthly);
  if (!jd_chart_hit (chart, width, height, x, y, &hit))
    return -1;

  return hit.index;
}

/* Descriptions */

static char *
format_month (int month)
{
  JdPeriod period = { JD_PERIOD_MONTH, month / 100, month % 100 };

  return jd_period_format (&period);
}

/* Two sentences of a description, one after the other */
static void
append_sentence (GString    *out,
                 const char *sentence)
{
  g_autofree char *joined = NULL;

  if (out->len == 0)
    {
      g_string_append (out, sentence);
      return;
    }

  /* Translators: two sentences one after the other; zh_CN: "%s%s"
   * (Chinese sentences follow each other without a space) */
  joined = g_strdup_printf (C_("sentences", "%s %s"), out->str, sentence);
  g_string_assign (out, joined);
}

static char *
format_value (double value)
{
  return _jd_format_decimal (value, 2, TRUE);
}

/**
 * jd_chart_monthly_describe:
 *
 * Returns: what the chart shows, in sentences, for a screen reader: its
 *   title and months, the highest, lowest and latest values, months
 *   without data, and the total against a year earlier.
 */
char *
jd_chart_monthly_describe (const JdMonthlyChart *chart)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *sentence = NULL;
  const char *name;
  int highest = -1, lowest = -1, latest = -1;
  guint missing = 0, n_compared = 0;
  double total = 0, compared_total = 0;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (chart->n_points == 0 || chart->values != NULL, NULL);

  /* Translators: what a chart without a title is called in its description */
  name = chart->title ? chart->title : chart->value_label ? chart->value_label : _("Chart");

  for (guint i = 0; i < chart->n_points; i++)
    {
      double v = chart->values[i];

      if (!isfinite (v))
        {
          missing++;
          continue;
        }
      if (highest < 0 || v > chart->values[highest])
        highest = i;
      if (lowest < 0 || v < chart->values[lowest])
        lowest = i;
      latest = i;

      if (chart->comparison != NULL && isfinite (chart->comparison[i]))
        {
          total += v;
          compared_total += chart->comparison[i];
          n_compared++;
        }
    }

  if (chart->n_points == 0 || latest < 0)
    {
      /* Translators: %s is the chart's title */
      g_string_printf (out, _("%s: no data."), name);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  first = format_month (chart->first_month);
  last = format_month (jd_month_add (chart->first_month, chart->n_points - 1));
  /* Translators: a chart's description begins: its title, the first and
   * the last month; zh_CN: "%s，%s至%s逐月数据。" */
  sentence = g_strdup_printf (_("%s, per month from %s to %s."), name, first, last);
  append_sentence (out, sentence);

  {
    g_autofree char *high_value = format_value (chart->values[highest]);
    g_autofree char *high_month = format_month (jd_month_add (chart->first_month, highest));
    g_autofree char *low_value = format_value (chart->values[lowest]);
    g_autofree char *low_month = format_month (jd_month_add (chart->first_month, lowest));
    g_autofree char *last_value = format_value (chart->values[latest]);
    g_autofree char *last_month = format_month (jd_month_add (chart->first_month, latest));
    g_autofree char *extremes = NULL;

    /* Translators: values and their months, e.g. "Highest 1,234 in March
     * 2024; lowest 567 in July 2024; latest 890 in December 2024." */
    extremes = g_strdup_printf (_("Highest %s in %s; lowest %s in %s; latest %s in %s."),
                                high_value, high_month, low_value, low_month,
                                last_value, last_month);
    append_sentence (out, extremes);
  }

  if (missing > 0)
    {
      g_autofree char *gaps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u month has no data.",
                                                            "%u months have no data.", missing),
                                               missing);

      append_sentence (out, gaps);
    }

  if (n_compared > 0)
    {
      g_autofree char *total_text = format_value (total);
      g_autofree char *compared_text = format_value (compared_total);
      g_autofree char *change = jd_format_change (compared_total != 0
                                                  ? (total - compared_total) / fabs (compared_total)
                                                  : NAN);
      g_autofree char *together = NULL;

      /* Translators: the sum of the months that have a value in both
       * years, that of a year earlier, and the change, e.g. "Together
       * 12,345 against 11,000 a year earlier (+12.2%)." */
      together = g_strdup_printf (_("Together %s against %s a year earlier (%s)."),
                                  total_text, compared_text, change);
      append_sentence (out, together);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
chart_has_secondary (const JdChart *chart)
{
  for (guint s = 0; s < chart->series->len; s++)
    if (JD_CHART_SERIES (chart, s)->secondary)
      return TRUE;
  return FALSE;
}

/* The highest, lowest and (on a time axis) latest value of a series */
static void
describe_series (GString       *out,
                 const JdChart *chart,
                 guint          s)
{
  const JdChartSeries *series = JD_CHART_SERIES (chart, s);
  int highest = -1, lowest = -1, latest = -1;
  guint missing = 0;
  g_autofree char *sentence = NULL;

  for (guint i = 0; i < chart->n_points; i++)
    {
      double v = JD_CHART_VALUE (chart, s, i);

      if (!isfinite (v))
        {
          missing++;
          continue;
        }
      if (highest < 0 || v > JD_CHART_VALUE (chart, s, highest))
        highest = i;
      if (lowest < 0 || v < JD_CHART_VALUE (chart, s, lowest))
        lowest = i;
      latest = i;
    }

  if (latest < 0)
    {
      /* Translators: %s is a series of a chart */
      sentence = g_strdup_printf (_("%s: no data."), series->label ? series->label : "");
      append_sentence (out, sentence);
      return;
    }

  {
    g_autofree char *high_value = jd_chart_format_value (chart, s, JD_CHART_VALUE (chart, s, highest));
    g_autofree char *high_name = jd_chart_get_point_label (chart, highest);
    g_autofree char *low_value = jd_chart_format_value (chart, s, JD_CHART_VALUE (chart, s, lowest));
    g_autofree char *low_name = jd_chart_get_point_label (chart, lowest);
    g_autofree char *last_value = jd_chart_format_value (chart, s, JD_CHART_VALUE (chart, s, latest));
    g_autofree char *last_name = jd_chart_get_point_label (chart, latest);
    const char *label = series->label ? series->label : "";

    if (chart->axis_kind != JD_CHART_AXIS_CATEGORY)
      /* Translators: a series of a chart over time, e.g. "Cases decided:
       * highest 1,234 in March 2024; lowest 567 in July 2024; latest 890 in
       * December 2024." */
      sentence = g_strdup_printf (_("%s: highest %s in %s; lowest %s in %s; latest %s in %s."),
                                  label, high_value, high_name, low_value, low_name,
                                  last_value, last_name);
    else
      /* Translators: a series of a chart over categories, e.g. "Cases
       * decided: highest 1,234 (市场监管局); lowest 56 (水利局)." */
      sentence = g_strdup_printf (_("%s: highest %s (%s); lowest %s (%s)."),
                                  label, high_value, high_name, low_value, low_name);
    append_sentence (out, sentence);
  }

  if (missing > 0 && chart->axis_kind != JD_CHART_AXIS_CATEGORY)
    {
      g_autofree char *gaps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u point has no data.",
                                                            "%u points have no data.", missing),
                                               missing);

      append_sentence (out, gaps);
    }

  /* the threshold is on the secondary axis when there is one */
  if (chart->has_threshold && !series->secondary == !chart_has_secondary (chart))
    {
      guint above = 0, known = chart->n_points - missing;
      g_autofree char *limit = jd_chart_format_value (chart, s, chart->threshold);
      g_autofree char *text = NULL;

      for (guint i = 0; i < chart->n_points; i++)
        above += isfinite (JD_CHART_VALUE (chart, s, i)) && JD_CHART_VALUE (chart, s, i) > chart->threshold;
      /* Translators: how often a series is above a threshold line, e.g.
       * "Above 15.0% in 3 of 24 points." */
      text = g_strdup_printf (_("Above %s in %u of %u points."), limit, above, known);
      append_sentence (out, text);
    }
}

static void
describe_donut (GString       *out,
                const JdChart *chart)
{
  double total = 0;
  g_autofree guint *order = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *sentence = NULL;
  guint n = 0;

  if (chart->series->len == 0)
    return;

  order = g_new0 (guint, MAX (chart->n_points, 1));
  for (guint i = 0; i < chart->n_points; i++)
    {
      double v = JD_CHART_VALUE (chart, 0, i);

      if (isfinite (v) && v > 0)
        {
          total += v;
          order[n++] = i;
        }
    }

  /* largest first */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && JD_CHART_VALUE (chart, 0, order[j]) > JD_CHART_VALUE (chart, 0, order[j - 1]); j--)
      {
        guint t = order[j];
        order[j] = order[j - 1];
        order[j - 1] = t;
      }

  total_text = jd_chart_format_value (chart, 0, total);
  /* Translators: the total of a donut chart */
  sentence = g_strdup_printf (_("Total %s."), total_text);
  append_sentence (out, sentence);

  for (guint k = 0; k < n; k++)
    {
      g_autofree char *name = jd_chart_get_point_label (chart, order[k]);
      g_autofree char *value = jd_chart_format_value (chart, 0, JD_CHART_VALUE (chart, 0, order[k]));
      g_autofree char *share = jd_format_rate (JD_CHART_VALUE (chart, 0, order[k]) / total);
      g_autofree char *part = NULL;

      /* Translators: a slice of a donut chart, e.g. "12345热线 1,234 (45.0%)." */
      part = g_strdup_printf (_("%s %s (%s)."), name, value, share);
      append_sentence (out, part);
    }
}

static char *
format_change (JdChartChangeKind kind,
               double            change)
{
  return kind == JD_CHART_CHANGE_POINTS ? jd_format_points (change) : jd_format_change (change);
}

/**
 * jd_chart_describe:
 *
 * Returns: what the chart shows, in sentences, for a screen reader and
 *   for the report's alt text: its title and points, each series'
 *   highest, lowest and latest values, a threshold and how often it is
 *   passed, a donut's shares, a KPI's value and changes.
 */
char *
jd_chart_describe (const JdChart *chart)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *sentence = NULL;
  const char *name;

  g_return_val_if_fail (chart != NULL, NULL);

  /* Translators: what a chart without a title is called in its description */
  name = chart->title ? chart->title : _("Chart");

  if (chart->type == JD_CHART_KPI)
    {
      g_autofree char *value = jd_chart_format_kpi_value (chart);
      g_autofree char *yoy = format_change (chart->kpi_change_kind, chart->kpi_yoy);
      g_autofree char *mom = format_change (chart->kpi_change_kind, chart->kpi_mom);
      g_autofree char *amount = chart->kpi_unit != NULL
                                /* Translators: a value and its unit, "12,345 cases"; zh_CN: "%s%s" */
                                ? g_strdup_printf (C_("value and unit", "%s %s"), value, chart->kpi_unit)
                                : g_strdup (value);

      /* Translators: a KPI card: title, value with its unit, 同比, 环比 */
      sentence = g_strdup_printf (_("%s: %s; year on year %s, period on period %s."),
                                  name, amount, yoy, mom);
      append_sentence (out, sentence);
      if (chart->kpi_note != NULL)
        append_sentence (out, chart->kpi_note);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (chart->n_points == 0 || chart->series->len == 0)
    {
      /* Translators: %s is the chart's title */
      g_string_printf (out, _("%s: no data."), name);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (chart->axis_kind != JD_CHART_AXIS_CATEGORY)
    {
      g_autofree char *first = jd_chart_get_point_label (chart, 0);
      g_autofree char *last = jd_chart_get_point_label (chart, chart->n_points - 1);
      if (chart->axis_kind == JD_CHART_AXIS_MONTH)
        /* Translators: a chart's description begins: its title, the first and
         * the last month; zh_CN: "%s，%s至%s逐月数据。" */
        sentence = g_strdup_printf (_("%s, per month from %s to %s."), name, first, last);
      else if (chart->axis_kind == JD_CHART_AXIS_QUARTER)
        /* Translators: as above, by quarter */
        sentence = g_strdup_printf (_("%s, per quarter from %s to %s."), name, first, last);
      else
        /* Translators: as above, by year */
        sentence = g_strdup_printf (_("%s, per year from %s to %s."), name, first, last);
    }
  else
    /* Translators: a chart's description begins: its title and how many
     * categories (bars, slices, rows) it shows */
    sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u item.", "%s, %u items.",
                                             chart->n_points),
                                name, chart->n_points);
  append_sentence (out, sentence);

  if (chart->type == JD_CHART_DONUT)
    {
      describe_donut (out, chart);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (chart->type == JD_CHART_HEAT_TABLE || chart->type == JD_CHART_TABLE)
    {
      g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row.", "%u rows.",
                                                            chart->type == JD_CHART_TABLE ? chart->n_points : chart->series->len),
                                               chart->type == JD_CHART_TABLE ? chart->n_points : chart->series->len);

      append_sentence (out, rows);
      if (chart->type == JD_CHART_TABLE)
        {
          for (guint s = 0; s < chart->series->len; s++)
            describe_series (out, chart, s);
          return g_string_free (g_steal_pointer (&out), FALSE);
        }

      /* the extremes over the whole table */
      {
        int best_s = -1, best_i = -1, low_s = -1, low_i = -1;

        for (guint s = 0; s < chart->series->len; s++)
          for (guint i = 0; i < chart->n_points; i++)
            {
              double v = JD_CHART_VALUE (chart, s, i);

              if (!isfinite (v))
                continue;
              if (best_s < 0 || v > JD_CHART_VALUE (chart, best_s, best_i))
                best_s = s, best_i = i;
              if (low_s < 0 || v < JD_CHART_VALUE (chart, low_s, low_i))
                low_s = s, low_i = i;
            }
        if (best_s >= 0)
          {
            g_autofree char *hv = jd_chart_format_value (chart, best_s, JD_CHART_VALUE (chart, best_s, best_i));
            g_autofree char *hp = jd_chart_get_point_label (chart, best_i);
            g_autofree char *lv = jd_chart_format_value (chart, low_s, JD_CHART_VALUE (chart, low_s, low_i));
            g_autofree char *lp = jd_chart_get_point_label (chart, low_i);
            g_autofree char *text = NULL;

            /* Translators: the extremes of a heat table: value, row, column */
            text = g_strdup_printf (_("Highest %s (%s, %s); lowest %s (%s, %s)."),
                                    hv, JD_CHART_SERIES (chart, best_s)->label, hp,
                                    lv, JD_CHART_SERIES (chart, low_s)->label, lp);
            append_sentence (out, text);
          }
      }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  for (guint s = 0; s < chart->series->len; s++)
    {
      describe_series (out, chart, s);
      if (chart->type == JD_CHART_SPARKLINE)
        break;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

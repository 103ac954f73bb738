/* jd-chart-axis.h — text, value axes and time axes shared by the charts
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "jd-chart.h"
#include "jd-period.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} JdChartRect;

/* A laid-out piece of text and the place of its logical rectangle. */
typedef struct
{
  PangoLayout *layout;  /* NULL: nothing */
  JdChartRect  rect;
  double       dx, dy;  /* logical origin within the layout */
} JdChartText;

/* Measuring and drawing */
PangoContext *_jd_chart_context_new        (cairo_t                    *cr);
PangoFontDescription *
              _jd_chart_font_new           (const JdChartTheme         *theme,
                                            double                      px,
                                            PangoWeight                 weight);
void          _jd_chart_text_init          (JdChartText                *text,
                                            PangoContext               *context,
                                            const PangoFontDescription *font,
                                            const char                 *string);
void          _jd_chart_text_limit_width   (JdChartText                *text,
                                            double                      max_width);
void          _jd_chart_text_copy          (JdChartText                *dest,
                                            const JdChartText          *src);
void          _jd_chart_text_clear         (JdChartText                *text);
void          _jd_chart_text_move          (JdChartText                *text,
                                            double                      x,
                                            double                      y);
void          _jd_chart_text_draw          (const JdChartText          *text,
                                            cairo_t                    *cr,
                                            const JdRgba               *color);
gboolean      _jd_chart_rects_overlap      (const JdChartRect          *a,
                                            const JdChartRect          *b,
                                            double                      gap);
void          _jd_chart_set_source         (cairo_t                    *cr,
                                            const JdRgba               *color);
double        _jd_chart_snap               (cairo_t                    *cr,
                                            double                      y,
                                            double                      line_width);

/* A linear value axis with "nice" ticks (Heckbert, Graphics Gems I, 1990):
 * steps of 1, 2 or 5 × 10ⁿ, the range widened to whole steps. */
typedef struct
{
  double min, max, step;
  guint  n_ticks;
  int    decimals;  /* places the step needs: 0 for 5, 1 for 0.5 */
} JdChartAxis;

double        _jd_chart_nice_number        (double                      x,
                                            gboolean                    round);
void          _jd_chart_axis_init          (JdChartAxis                *axis,
                                            double                      data_min,
                                            double                      data_max,
                                            guint                       target_ticks,
                                            gboolean                    integral);
double        _jd_chart_axis_tick          (const JdChartAxis          *axis,
                                            guint                       i);
char         *_jd_chart_axis_label         (const JdChartAxis          *axis,
                                            guint                       i);
/* The pixel of @value, with axis->min at @from and axis->max at @to. */
double        _jd_chart_axis_position      (const JdChartAxis          *axis,
                                            double                      value,
                                            double                      from,
                                            double                      to);

/* A two-level time axis under a row of monthly bands: month numbers
 * centred under their bands, thinned to every 2nd, 3rd or 6th month so no
 * two touch, and the year once, where it begins. */
typedef struct
{
  GArray *month_labels;  /* JdChartText */
  GArray *year_labels;   /* JdChartText */
  GArray *year_marks;    /* double: x where a year begins */
  guint   month_step;    /* 0: no month labels fit */
  guint   year_step;     /* 0: no year labels fit */
  double  month_row_y;
  double  year_row_y;
  double  bottom;
} JdChartTimeAxis;

double        _jd_chart_time_axis_height   (PangoContext               *context,
                                            const PangoFontDescription *font);
void          _jd_chart_time_axis_layout   (JdChartTimeAxis            *axis,
                                            PangoContext               *context,
                                            const PangoFontDescription *font,
                                            int                         first_month,
                                            guint                       n_months,
                                            double                      x0,
                                            double                      band,
                                            double                      y,
                                            double                      min_x,
                                            double                      max_x,
                                            double                      gap);
void          _jd_chart_time_axis_layout_full (JdChartTimeAxis       *axis,
                                            PangoContext               *context,
                                            const PangoFontDescription *font,
                                            JdPeriodKind                kind,
                                            int                         first_month,
                                            guint                       n_bands,
                                            double                      x0,
                                            double                      band,
                                            double                      y,
                                            double                      min_x,
                                            double                      max_x,
                                            double                      gap);
void          _jd_chart_time_axis_clear    (JdChartTimeAxis            *axis);

G_END_DECLS

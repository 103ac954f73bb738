/* chart-samples.h — one chart of every type, with the data a city would show
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "jd-chart.h"

static const char * const sample_agencies[] = {
  "市市场监督管理局", "市生态环境局", "市交通运输局", "市城市管理综合行政执法局",
  "市农业农村局", "市文化广电旅游局", "市应急管理局", "市自然资源和规划局",
  "市卫生健康委员会", "市人力资源和社会保障局", "市住房和城乡建设局", "市公安局治安管理支队",
  "市水利局", "东湖区市场监督管理局", "东湖区城市管理局", "西湖区市场监督管理局",
  "西湖区生态环境分局", "青山湖区综合行政执法局", "青云谱区市场监督管理局", "新建区农业农村局",
  "新建区自然资源局", "南昌县市场监督管理局", "南昌县交通运输局", "进贤县市场监督管理局",
  "进贤县生态环境分局", "安义县市场监督管理局", "安义县应急管理局", "红谷滩区城市管理局",
  "经开区综合执法局", "高新区市场监督管理局", "湾里管理局综合执法大队", "市消防救援支队",
  "市烟草专卖局", "市气象局", "市林业局", "市商务局", "市教育局", "市民政局",
  "市体育局", "市医疗保障局",
};

static const char * const sample_channels[] = {
  "12345热线", "来信", "来访", "网站", "电话", "APP", "其他",
};

static const char * const sample_kinds[] = {
  "行政处罚", "行政强制", "行政检查", "行政许可", "行政征收", "其他",
};

/* Deterministic values with a season and a trend */
static inline double
sample_value (guint series,
              guint i,
              double base)
{
  return round (base * (1 + 0.15 * sin ((i + series * 2) * G_PI / 6) + 0.01 * i) * (1 - 0.12 * series));
}

static inline JdChart *
sample_chart_named (const char *name)
{
  JdChart *chart = NULL;
  double v[64], w[64], x[64];

  if (g_str_equal (name, "line"))
    {
      chart = jd_chart_new (JD_CHART_LINE);
      jd_chart_set_title (chart, "一审败诉率");
      jd_chart_set_format (chart, JD_CHART_FORMAT_PERCENT);
      jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, 202311, 24);
      for (guint i = 0; i < 24; i++)
        {
          v[i] = 0.08 + 0.05 * sin (i * 0.7) + 0.004 * i;
          w[i] = 0.11 + 0.04 * cos (i * 0.5);
          x[i] = i % 7 == 3 ? NAN : 0.05 + 0.02 * sin (i);
        }
      jd_chart_add_series (chart, "本期", v, 24);
      jd_chart_series_set_dashed (chart, jd_chart_add_series (chart, "上年同期", w, 24), TRUE);
      jd_chart_add_series (chart, "撤诉率", x, 24);
      jd_chart_set_threshold (chart, 0.15, "控制线");
    }
  else if (g_str_equal (name, "bar"))
    {
      chart = jd_chart_new (JD_CHART_BAR);
      jd_chart_set_title (chart, "各类执法案件数");
      jd_chart_set_categories (chart, sample_kinds, G_N_ELEMENTS (sample_kinds));
      for (guint i = 0; i < 6; i++)
        v[i] = sample_value (0, i * 3, 12000) / (1 + i);
      jd_chart_add_series (chart, NULL, v, 6);
    }
  else if (g_str_equal (name, "grouped"))
    {
      chart = jd_chart_new (JD_CHART_BAR);
      jd_chart_set_title (chart, "免罚案件按类型");
      jd_chart_set_categories (chart, (const char * const[]) { "不予处罚", "首违不罚", "从轻处罚", "减轻处罚" }, 4);
      for (guint s = 0; s < 3; s++)
        {
          static const char * const years[] = { "2024年", "2025年", "2026年" };

          for (guint i = 0; i < 4; i++)
            v[i] = sample_value (s, i * 2, 900 + 300 * s);
          jd_chart_add_series (chart, years[s], v, 4);
        }
    }
  else if (g_str_equal (name, "stacked"))
    {
      static const char * const kinds[] = { "行政处罚", "行政强制", "行政检查" };

      chart = jd_chart_new (JD_CHART_BAR_STACKED);
      jd_chart_set_title (chart, "各季度案件构成");
      jd_chart_set_time_axis (chart, JD_CHART_AXIS_QUARTER, 202401, 11);
      for (guint s = 0; s < 3; s++)
        {
          for (guint i = 0; i < 11; i++)
            v[i] = sample_value (s, i, 30000 / (s + 1));
          jd_chart_add_series (chart, kinds[s], v, 11);
        }
    }
  else if (g_str_equal (name, "hbar"))
    {
      chart = jd_chart_new (JD_CHART_HBAR);
      jd_chart_set_title (chart, "各执法单位作出决定的案件数");
      jd_chart_set_categories (chart, sample_agencies, 40);
      for (guint i = 0; i < 40; i++)
        v[i] = round (9000 * exp (-(double) i * 0.09));
      jd_chart_add_series (chart, "作出决定", v, 40);
    }
  else if (g_str_equal (name, "combo"))
    {
      chart = jd_chart_new (JD_CHART_BAR);
      jd_chart_set_title (chart, "行政诉讼一审审结数与败诉率");
      jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, 202501, 18);
      for (guint i = 0; i < 18; i++)
        {
          v[i] = sample_value (0, i, 40);
          w[i] = 0.06 + 0.12 * fabs (sin (i * 0.8));
        }
      jd_chart_add_series (chart, "一审审结", v, 18);
      {
        guint s = jd_chart_add_series (chart, "败诉率", w, 18);

        jd_chart_series_set_mark (chart, s, JD_CHART_MARK_LINE);
        jd_chart_series_set_secondary (chart, s, TRUE);
        jd_chart_series_set_format (chart, s, JD_CHART_FORMAT_PERCENT);
      }
      jd_chart_set_threshold (chart, 0.15, "控制线");
    }
  else if (g_str_equal (name, "donut"))
    {
      static const double channels[] = { 61234, 3120, 2210, 8840, 5120, 1530, 420 };

      chart = jd_chart_new (JD_CHART_DONUT);
      jd_chart_set_title (chart, "投诉举报来源渠道");
      jd_chart_set_categories (chart, sample_channels, 7);
      jd_chart_add_series (chart, "投诉举报", channels, 7);
    }
  else if (g_str_equal (name, "sparkline"))
    {
      chart = jd_chart_new (JD_CHART_SPARKLINE);
      jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, 202401, 24);
      for (guint i = 0; i < 24; i++)
        v[i] = sample_value (0, i, 1500);
      jd_chart_add_series (chart, "作出决定", v, 24);
    }
  else if (g_str_equal (name, "kpi"))
    {
      chart = jd_chart_new (JD_CHART_KPI);
      jd_chart_set_title (chart, "投诉举报受理");
      jd_chart_set_kpi (chart, 12345, "件", JD_CHART_CHANGE_RELATIVE, JD_CHART_POLARITY_UP_IS_BAD,
                        0.125, -0.031);
      jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, 202401, 12);
      for (guint i = 0; i < 12; i++)
        v[i] = sample_value (0, i, 1000);
      jd_chart_add_series (chart, "投诉举报", v, 12);
    }
  else if (g_str_equal (name, "heat"))
    {
      chart = jd_chart_new (JD_CHART_HEAT_TABLE);
      jd_chart_set_title (chart, "各执法单位每月作出决定的案件数");
      jd_chart_set_time_axis (chart, JD_CHART_AXIS_MONTH, 202411, 12);
      for (guint s = 0; s < 12; s++)
        {
          for (guint i = 0; i < 12; i++)
            v[i] = sample_value (s % 3, i + s, 900 * exp (-(double) s * 0.15));
          jd_chart_add_series (chart, sample_agencies[s], v, 12);
        }
    }
  else if (g_str_equal (name, "table"))
    {
      chart = jd_chart_new (JD_CHART_TABLE);
      jd_chart_set_title (chart, "各执法单位执法情况");
      jd_chart_set_categories (chart, sample_agencies, 30);
      for (guint i = 0; i < 30; i++)
        {
          v[i] = round (9000 * exp (-(double) i * 0.09));
          w[i] = v[i] * 812.5;
          x[i] = i == 4 ? NAN : 0.02 + 0.01 * (i % 9);
        }
      jd_chart_add_series (chart, "作出决定", v, 30);
      jd_chart_series_set_format (chart, jd_chart_add_series (chart, "罚没金额", w, 30), JD_CHART_FORMAT_YUAN);
      jd_chart_series_set_format (chart, jd_chart_add_series (chart, "败诉率", x, 30), JD_CHART_FORMAT_PERCENT);
    }
  else if (g_str_equal (name, "yearly"))
    {
      chart = jd_chart_new (JD_CHART_BAR);
      jd_chart_set_title (chart, "历年罚没金额");
      jd_chart_set_format (chart, JD_CHART_FORMAT_YUAN);
      jd_chart_set_time_axis (chart, JD_CHART_AXIS_YEAR, 201901, 8);
      for (guint i = 0; i < 8; i++)
        v[i] = 1.8e8 + 2.5e7 * i + 1.1e7 * sin (i);
      jd_chart_add_series (chart, "罚没金额", v, 8);
    }

  g_assert (chart != NULL);
  return chart;
}

static const char * const sample_names[] = {
  "line", "bar", "grouped", "stacked", "hbar", "combo", "donut",
  "sparkline", "kpi", "heat", "table", "yearly",
};

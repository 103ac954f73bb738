/* jd-period.c — months, quarters and years, and month keys
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-period"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-period.h"

G_DEFINE_QUARK (jd-period-error-quark, jd_period_error)

int
jd_month_make (int year,
               int month)
{
  return year * 100 + month;
}

gboolean
jd_month_is_valid (int month)
{
  return month / 100 >= 1 && month % 100 >= 1 && month % 100 <= 12;
}

int
jd_month_add (int month,
              int n)
{
  int linear = (month / 100) * 12 + (month % 100 - 1) + n;

  return jd_month_make (linear / 12, linear % 12 + 1);
}

int
jd_month_diff (int later,
               int earlier)
{
  return ((later / 100) * 12 + later % 100) - ((earlier / 100) * 12 + earlier % 100);
}

static gboolean
parse_int (const char *start,
           const char *end,
           int        *out)
{
  int value = 0;

  if (start == end)
    return FALSE;

  for (const char *p = start; p < end; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = value * 10 + (*p - '0');
      if (value > 99999)
        return FALSE;
    }

  *out = value;
  return TRUE;
}

/**
 * jd_period_parse:
 * @text: "2024-07" (a month), "2024Q3" (a quarter) or "2024" (a year)
 * @out: (out): the period
 *
 * Returns: %FALSE with @error set if @text names no period
 */
gboolean
jd_period_parse (const char  *text,
                 JdPeriod    *out,
                 GError     **error)
{
  const char *sep;
  const char *end;
  JdPeriod period = { 0 };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  end = text + strlen (text);

  if ((sep = strchr (text, '-')) != NULL)
    {
      period.kind = JD_PERIOD_MONTH;
      if (!parse_int (text, sep, &period.year) ||
          !parse_int (sep + 1, end, &period.index) ||
          period.index < 1 || period.index > 12)
        goto invalid;
    }
  else if ((sep = strpbrk (text, "Qq")) != NULL)
    {
      period.kind = JD_PERIOD_QUARTER;
      if (!parse_int (text, sep, &period.year) ||
          !parse_int (sep + 1, end, &period.index) ||
          period.index < 1 || period.index > 4)
        goto invalid;
    }
  else
    {
      period.kind = JD_PERIOD_YEAR;
      if (!parse_int (text, end, &period.year))
        goto invalid;
    }

  if (period.year < 1900 || period.year > 9999)
    goto invalid;

  *out = period;
  return TRUE;

invalid:
  g_set_error (error, JD_PERIOD_ERROR, JD_PERIOD_ERROR_INVALID,
               _("“%s” is not a period; write a month as 2024-07, a quarter as 2024Q3 or a year as 2024"),
               text);
  return FALSE;
}

/**
 * jd_period_containing:
 * @month: a YYYYMM month key
 *
 * Returns: the month, quarter or year (after @kind) that contains @month
 */
JdPeriod
jd_period_containing (JdPeriodKind kind,
                      int          month)
{
  JdPeriod period = { kind, month / 100, 0 };

  switch (kind)
    {
    case JD_PERIOD_MONTH:
      period.index = month % 100;
      break;
    case JD_PERIOD_QUARTER:
      period.index = (month % 100 - 1) / 3 + 1;
      break;
    case JD_PERIOD_YEAR:
    default:
      break;
    }

  return period;
}

char *
jd_period_to_string (const JdPeriod *self)
{
  switch (self->kind)
    {
    case JD_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", self->year, self->index);
    case JD_PERIOD_QUARTER:
      return g_strdup_printf ("%04dQ%d", self->year, self->index);
    case JD_PERIOD_YEAR:
    default:
      return g_strdup_printf ("%04d", self->year);
    }
}

/**
 * jd_period_format:
 *
 * Returns: the period as a reader would write it in the UI language:
 *   "July 2024" / "2024年7月", "Q3 2024" / "2024年第三季度", "2024" / "2024年"
 */
char *
jd_period_format (const JdPeriod *self)
{
  static const char * const quarters[] = {
    /* Translators: the quarters in a period label; zh_CN: 第一季度 … 第四季度 */
    N_("Q1"), N_("Q2"), N_("Q3"), N_("Q4"),
  };

  switch (self->kind)
    {
    case JD_PERIOD_MONTH:
      {
        g_autoptr(GDateTime) dt = g_date_time_new_utc (self->year, self->index, 1, 0, 0, 0);

        /* Translators: a month in a period label, as strftime; zh_CN: "%Y年%-m月" */
        return g_date_time_format (dt, _("%B %Y"));
      }
    case JD_PERIOD_QUARTER:
      /* Translators: a quarter; %1$d is the year, %2$s one of the quarter names */
      return g_strdup_printf (_("%2$s %1$d"), self->year, _(quarters[self->index - 1]));
    case JD_PERIOD_YEAR:
    default:
      /* Translators: a year in a period label; zh_CN: "%d年" */
      return g_strdup_printf (_("%d"), self->year);
    }
}

gboolean
jd_period_equal (const JdPeriod *a,
                 const JdPeriod *b)
{
  return a->kind == b->kind && a->year == b->year && a->index == b->index;
}

int
jd_period_first_month (const JdPeriod *self)
{
  switch (self->kind)
    {
    case JD_PERIOD_MONTH:
      return jd_month_make (self->year, self->index);
    case JD_PERIOD_QUARTER:
      return jd_month_make (self->year, (self->index - 1) * 3 + 1);
    case JD_PERIOD_YEAR:
    default:
      return jd_month_make (self->year, 1);
    }
}

int
jd_period_n_months (const JdPeriod *self)
{
  switch (self->kind)
    {
    case JD_PERIOD_MONTH:
      return 1;
    case JD_PERIOD_QUARTER:
      return 3;
    case JD_PERIOD_YEAR:
    default:
      return 12;
    }
}

int
jd_period_last_month (const JdPeriod *self)
{
  return jd_month_add (jd_period_first_month (self), jd_period_n_months (self) - 1);
}

char *
jd_period_first_day (const JdPeriod *self)
{
  int month = jd_period_first_month (self);

  return g_strdup_printf ("%04d-%02d-01", month / 100, month % 100);
}

char *
jd_period_last_day (const JdPeriod *self)
{
  int month = jd_period_last_month (self);

  return g_strdup_printf ("%04d-%02d-%02d", month / 100, month % 100,
                          g_date_get_days_in_month (month % 100, month / 100));
}

JdPeriod
jd_period_previous (const JdPeriod *self)
{
  return jd_period_containing (self->kind, jd_month_add (jd_period_first_month (self), -1));
}

JdPeriod
jd_period_next (const JdPeriod *self)
{
  return jd_period_containing (self->kind, jd_month_add (jd_period_last_month (self), 1));
}

JdPeriod
jd_period_year_earlier (const JdPeriod *self)
{
  JdPeriod period = *self;

  period.year--;
  return period;
}

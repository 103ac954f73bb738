/* jd-period.c — months, quarters, years and ranges of months, and month keys
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

/* A month, a quarter or a year, from the whole of @text. */
static gboolean
parse_one (const char *text,
           JdPeriod   *out)
{
  const char *sep;
  const char *end = text + strlen (text);
  JdPeriod period = { 0 };

  if ((sep = strchr (text, '-')) != NULL)
    {
      period.kind = JD_PERIOD_MONTH;
      if (!parse_int (text, sep, &period.year) ||
          !parse_int (sep + 1, end, &period.index) ||
          period.index < 1 || period.index > 12)
        return FALSE;
    }
  else if ((sep = strpbrk (text, "Qq")) != NULL)
    {
      period.kind = JD_PERIOD_QUARTER;
      if (!parse_int (text, sep, &period.year) ||
          !parse_int (sep + 1, end, &period.index) ||
          period.index < 1 || period.index > 4)
        return FALSE;
    }
  else
    {
      period.kind = JD_PERIOD_YEAR;
      if (!parse_int (text, end, &period.year))
        return FALSE;
    }

  if (period.year < 1900 || period.year > 9999)
    return FALSE;

  *out = period;
  return TRUE;
}

/**
 * jd_period_parse:
 * @text: "2024-07" (a month), "2024Q3" (a quarter), "2024" (a year) or
 *   "2024-01..2024-09" (the whole months from one to the other; either
 *   end may also be a quarter or a year, which stands for its months)
 * @out: (out): the period
 *
 * A range stays a range, even when its months make up a quarter or a
 * year: what the user asked for is what the figures are labelled with.
 *
 * Returns: %FALSE with @error set if @text names no period
 */
gboolean
jd_period_parse (const char  *text,
                 JdPeriod    *out,
                 GError     **error)
{
  const char *dots;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if ((dots = strstr (text, "..")) != NULL)
    {
      g_autofree char *from_text = g_strndup (text, dots - text);
      JdPeriod from, to;

      if (!parse_one (from_text, &from) || !parse_one (dots + 2, &to))
        goto invalid;

      if (jd_period_first_month (&from) > jd_period_last_month (&to))
        {
          g_set_error (error, JD_PERIOD_ERROR, JD_PERIOD_ERROR_INVALID,
                       _("“%s” ends before it starts; write the earlier month first, as 2024-01..2024-09"),
                       text);
          return FALSE;
        }

      *out = jd_period_range (jd_period_first_month (&from), jd_period_last_month (&to));
      return TRUE;
    }

  if (parse_one (text, out))
    return TRUE;

invalid:
  g_set_error (error, JD_PERIOD_ERROR, JD_PERIOD_ERROR_INVALID,
               _("“%s” is not a period; write a month as 2024-07, a quarter as 2024Q3, a year as 2024 or a range of months as 2024-01..2024-09"),
               text);
  return FALSE;
}

/**
 * jd_period_range:
 * @first_month: a YYYYMM month key
 * @last_month: a YYYYMM month key, not before @first_month
 *
 * Returns: the range of whole months from @first_month to @last_month
 */
JdPeriod
jd_period_range (int first_month,
                 int last_month)
{
  JdPeriod period = { JD_PERIOD_RANGE, first_month / 100, first_month % 100, last_month };

  g_return_val_if_fail (jd_month_diff (last_month, first_month) >= 0, period);

  return period;
}

/**
 * jd_period_from_months:
 *
 * Returns: the months from @first_month to @last_month under the simplest
 *   name they have: a month, a quarter, a year, or else a range
 */
JdPeriod
jd_period_from_months (int first_month,
                       int last_month)
{
  int n = jd_month_diff (last_month, first_month) + 1;
  int month = first_month % 100;

  if (n == 1)
    return jd_period_containing (JD_PERIOD_MONTH, first_month);
  if (n == 3 && month % 3 == 1)
    return jd_period_containing (JD_PERIOD_QUARTER, first_month);
  if (n == 12 && month == 1)
    return jd_period_containing (JD_PERIOD_YEAR, first_month);

  return jd_period_range (first_month, last_month);
}

/**
 * jd_period_is_year_to_date:
 *
 * Returns: whether @self runs from a January to a month of the same year
 *   (累计)
 */
gboolean
jd_period_is_year_to_date (const JdPeriod *self)
{
  return self->kind == JD_PERIOD_RANGE && self->index == 1 && self->last / 100 == self->year;
}

/**
 * jd_period_containing:
 * @month: a YYYYMM month key
 *
 * Returns: the month, quarter or year (after @kind) that contains @month;
 *   for %JD_PERIOD_RANGE, the year to date that ends with @month
 */
JdPeriod
jd_period_containing (JdPeriodKind kind,
                      int          month)
{
  JdPeriod period = { kind, month / 100, 0, 0 };

  switch (kind)
    {
    case JD_PERIOD_MONTH:
      period.index = month % 100;
      break;
    case JD_PERIOD_QUARTER:
      period.index = (month % 100 - 1) / 3 + 1;
      break;
    case JD_PERIOD_RANGE:
      period = jd_period_range (jd_month_make (month / 100, 1), month);
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
    case JD_PERIOD_RANGE:
      return g_strdup_printf ("%04d-%02d..%04d-%02d", self->year, self->index,
                              self->last / 100, self->last % 100);
    case JD_PERIOD_YEAR:
    default:
      return g_strdup_printf ("%04d", self->year);
    }
}

static char *
format_month (int         month,
              const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (month / 100, month % 100, 1, 0, 0, 0);

  return g_date_time_format (dt, format);
}

static char *
format_range (const JdPeriod *self)
{
  int first = jd_period_first_month (self);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (first == self->last)
    /* Translators: a month in a period label, as strftime; zh_CN: "%Y年%-m月" */
    return format_month (first, _("%B %Y"));

  if (first / 100 == self->last / 100)
    {
      /* Translators: the first month of a range of months within one
       * year, as strftime: "January" of "January–September 2024";
       * zh_CN: "%Y年%-m" (2024年1–9月) */
      from = format_month (first, C_("first month of a range", "%B"));
      /* Translators: the last month of a range of months within one
       * year, as strftime: "September 2024" of "January–September 2024";
       * zh_CN: "%-m月" (2024年1–9月) */
      to = format_month (self->last, C_("last month of a range", "%B %Y"));
      /* Translators: a range of months within one year; zh_CN: "%s–%s" */
      return g_strdup_printf (C_("range of months", "%s–%s"), from, to);
    }

  from = format_month (first, _("%B %Y"));
  to = format_month (self->last, _("%B %Y"));
  /* Translators: a range of months over more than one year,
   * "November 2024 – February 2025"; zh_CN: "%s至%s" */
  return g_strdup_printf (C_("range of months over years", "%s – %s"), from, to);
}

/**
 * jd_period_format:
 *
 * Returns: the period as a reader would write it in the UI language:
 *   "July 2024" / "2024年7月", "Q3 2024" / "2024年第三季度", "2024" / "2024年",
 *   "January–September 2024" / "2024年1–9月",
 *   "November 2024 – February 2025" / "2024年11月至2025年2月"
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
      /* Translators: a month in a period label, as strftime; zh_CN: "%Y年%-m月" */
      return format_month (jd_month_make (self->year, self->index), _("%B %Y"));
    case JD_PERIOD_QUARTER:
      /* Translators: a quarter; %1$d is the year, %2$s one of the quarter names */
      return g_strdup_printf (_("%2$s %1$d"), self->year, _(quarters[self->index - 1]));
    case JD_PERIOD_RANGE:
      return format_range (self);
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
  return a->kind == b->kind && a->year == b->year && a->index == b->index && a->last == b->last;
}

int
jd_period_first_month (const JdPeriod *self)
{
  switch (self->kind)
    {
    case JD_PERIOD_MONTH:
    case JD_PERIOD_RANGE:
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
    case JD_PERIOD_RANGE:
      return jd_month_diff (self->last, jd_period_first_month (self)) + 1;
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

/**
 * jd_period_previous:
 *
 * Returns: the period just before @self, of the same length (环比): the
 *   month, quarter or year before, or the range of as many months that
 *   ends where @self begins
 */
JdPeriod
jd_period_previous (const JdPeriod *self)
{
  int n = jd_period_n_months (self);

  if (self->kind == JD_PERIOD_RANGE)
    return jd_period_range (jd_month_add (jd_period_first_month (self), -n), jd_month_add (self->last, -n));

  return jd_period_containing (self->kind, jd_month_add (jd_period_first_month (self), -1));
}

JdPeriod
jd_period_next (const JdPeriod *self)
{
  int n = jd_period_n_months (self);

  if (self->kind == JD_PERIOD_RANGE)
    return jd_period_range (jd_month_add (jd_period_first_month (self), n), jd_month_add (self->last, n));

  return jd_period_containing (self->kind, jd_month_add (jd_period_last_month (self), 1));
}

/**
 * jd_period_year_earlier:
 *
 * Returns: the same months one year earlier (同比)
 */
JdPeriod
jd_period_year_earlier (const JdPeriod *self)
{
  JdPeriod period = *self;

  period.year--;
  if (period.kind == JD_PERIOD_RANGE)
    period.last -= 100;
  return period;
}

/**
 * jd_period_cover:
 * @data_end: the last month (YYYYMM) that holds any record; 0 for none
 * @covered: (out) (optional): the months of @self the data reach
 * @previous: (out) (optional): what @self is compared with period on
 *   period (环比)
 * @year_earlier: (out) (optional): what @self is compared with year on
 *   year (同比)
 *
 * DESIGN.md's rule for partial periods.  A complete period is compared
 * with the period before it and with the same period a year earlier.  A
 * partial one, say 2026Q4 when the data end in October 2026, counts only
 * its months up to @data_end (2026-10), and is compared with the same
 * months a year earlier (2025-10, not all of 2025Q4) and, period on
 * period, with as many months from the start of the previous period
 * (2026-07, not all of 2026Q3): both comparisons set the same stretch of
 * a period against each other, so that a part-filled period never meets a
 * whole one.  The comparison periods get their simplest name (2026-07
 * rather than 2026-07..2026-07).
 *
 * Returns: whether the data cover @self wholly, partly or not at all; a
 *   period they do not reach has no figures to compare, and @covered,
 *   @previous and @year_earlier are then those of the whole period
 */
JdCoverage
jd_period_cover (const JdPeriod *self,
                 int             data_end,
                 JdPeriod       *covered,
                 JdPeriod       *previous,
                 JdPeriod       *year_earlier)
{
  int first = jd_period_first_month (self);
  JdPeriod whole_previous = jd_period_previous (self);
  int n;

  if (data_end == 0 || first > data_end || jd_period_last_month (self) <= data_end)
    {
      if (covered != NULL)
        *covered = *self;
      if (previous != NULL)
        *previous = whole_previous;
      if (year_earlier != NULL)
        *year_earlier = jd_period_year_earlier (self);

      return data_end == 0 || first > data_end ? JD_COVERAGE_NONE : JD_COVERAGE_COMPLETE;
    }

  n = jd_month_diff (data_end, first);
  if (covered != NULL)
    *covered = jd_period_from_months (first, data_end);
  if (previous != NULL)
    *previous = jd_period_from_months (jd_period_first_month (&whole_previous),
                                       jd_month_add (jd_period_first_month (&whole_previous), n));
  if (year_earlier != NULL)
    *year_earlier = jd_period_from_months (jd_month_add (first, -12), jd_month_add (data_end, -12));

  return JD_COVERAGE_PARTIAL;
}

/**
 * jd_period_format_cover:
 * @data_end: the last month (YYYYMM) that holds any record; 0 for none
 *
 * Returns: the period as jd_period_format() writes it, saying how far the
 *   data reach when they end inside it ("Q4 2026 (through October)" /
 *   "2026年第四季度（截至10月）") or before it ("… (no data yet)")
 */
char *
jd_period_format_cover (const JdPeriod *self,
                        int             data_end)
{
  g_autofree char *label = jd_period_format (self);
  g_autofree char *through = NULL;

  switch (jd_period_cover (self, data_end, NULL, NULL, NULL))
    {
    case JD_COVERAGE_PARTIAL:
      if (jd_period_first_month (self) / 100 == jd_period_last_month (self) / 100)
        /* Translators: the month the data reach, within a period of one
         * year, as strftime: "October" in "Q4 2026 (through October)";
         * zh_CN: "%-m月" */
        through = format_month (data_end, C_("through a month", "%B"));
      else
        /* Translators: a month in a period label, as strftime; zh_CN: "%Y年%-m月" */
        through = format_month (data_end, _("%B %Y"));
      /* Translators: a period the data end inside, "Q4 2026 (through
       * October)"; zh_CN: "%s（截至%s）" */
      return g_strdup_printf (_("%s (through %s)"), label, through);

    case JD_COVERAGE_NONE:
      /* Translators: a period after the last month with any record;
       * zh_CN: "%s（尚无数据）" */
      return g_strdup_printf (_("%s (no data yet)"), label);

    case JD_COVERAGE_COMPLETE:
    default:
      return g_steal_pointer (&label);
    }
}

/* jd-format.c — numbers as Chinese and English readers expect them
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One set of rules, used by the dashboard, the PDF report, the slides and
 * the command line, so the same number reads the same everywhere:
 *
 * Rounding.  Half away from zero, always: 0.05% → 0.1%, −2.5 → −3.  The
 * rounding works on the decimal digits of a value, not on its binary
 * double: a double is first written with the fewest significant digits
 * (15, 16 or 17) that read back as the very same double, and those digits
 * are rounded.  So a rate of 9/2000, stored as 0.004499999999999999…, is
 * the 0.0045 a reader would type into a calculator, and shows as 0.5%.
 * Money arrives as integer fen and is formatted from its digits alone, so
 * no amount, however large, meets floating point.
 *
 * Signs.  Negative numbers take the minus sign U+2212 "−", not the hyphen;
 * a value that rounds to zero has no sign ("0.0%", never "−0.0%").  A
 * change carries an explicit "+" when it rounds above zero.  NaN and the
 * infinities (a rate or change over a zero denominator) show as "—".
 *
 * Units.  Chinese readers count in myriads: 9,999, 1.2万, 3.4亿, 5.6万亿;
 * English readers in thousands: 9,999, 12.3K, 3.4M, 5.6B, 7.8T.  Both
 * switch to units at 10,000, so smaller numbers read the same in either
 * language.  The style follows the UI language, the first entry of
 * g_get_language_names() (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): any "zh"
 * locale is Chinese, written with 萬/億 for zh_TW, zh_HK and zh_MO and
 * with 万/亿 otherwise; every other language is Western.  This is locale
 * data rather than a translation, so it holds whether or not a catalogue
 * is installed, and a test can choose it by setting LANGUAGE.  Money is
 * "1,234.50元" / "12.3万元" in Chinese, "¥1,234.50" / "¥12.3K" in English;
 * thousands are grouped with "," in both.
 */

#define G_LOG_DOMAIN "jd-format"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-format.h"
#include "jd-format-private.h"

#define MINUS_SIGN "\342\210\222"  /* U+2212 */
#define NO_VALUE   "\342\200\224"  /* U+2014 em dash */

/* The value 0.d₁d₂d₃… × 10^point: digits[0, point) is the integer part. */
typedef struct
{
  gboolean negative;
  int      n_digits;   /* 0 for zero */
  int      point;
  char     digits[32]; /* no leading or trailing zeros */
} Decimal;

typedef struct
{
  int         exponent;  /* the unit is 10^exponent */
  const char *name;
} Unit;

static const Unit western_units[] = {
  { 3, "K" }, { 6, "M" }, { 9, "B" }, { 12, "T" },
};

static const Unit simplified_units[] = {
  { 4, "万" }, { 8, "亿" }, { 12, "万亿" },
};

static const Unit traditional_units[] = {
  { 4, "萬" }, { 8, "億" }, { 12, "萬億" },
};

/* Below 10^4 a number is written out in full, in every style. */
#define COMPACT_FROM_EXPONENT 4

static void
decimal_trim (Decimal *d)
{
  while (d->n_digits > 0 && d->digits[d->n_digits - 1] == '0')
    d->n_digits--;
  if (d->n_digits == 0)
    {
      d->negative = FALSE;
      d->point = 0;
    }
}

static void
decimal_from_digits (Decimal    *d,
                     gboolean    negative,
                     const char *digits,
                     int         point)
{
  while (*digits == '0')
    {
      digits++;
      point--;
    }

  d->negative = negative;
  d->n_digits = MIN ((int) strlen (digits), (int) sizeof d->digits);
  memcpy (d->digits, digits, d->n_digits);
  d->point = point;
  decimal_trim (d);
}

static void
decimal_from_int (Decimal *d,
                  gint64   value)
{
  char buf[32];
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, magnitude);
  decimal_from_digits (d, value < 0, buf, strlen (buf));
}

/* The shortest of 15, 16 or 17 significant digits that reads back as
 * @value: the number as it was meant, before binary rounding. */
static void
decimal_from_double (Decimal *d,
                     double   value)
{
  static const char * const formats[] = { "%.14e", "%.15e", "%.16e" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[24];
  const char *p;
  int n = 0;
  int exponent;

  g_assert (isfinite (value));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  /* buf is "[-]d.ddde[+-]xx" */
  p = buf;
  if (*p == '-')
    p++;
  for (; *p != 'e' && *p != '\0'; p++)
    if (g_ascii_isdigit (*p) && n < (int) sizeof digits - 1)
      digits[n++] = *p;
  digits[n] = '\0';
  exponent = *p == 'e' ? atoi (p + 1) : 0;

  decimal_from_digits (d, buf[0] == '-', digits, exponent + 1);
}

static void
decimal_shift (Decimal *d,
               int      exponent)
{
  if (d->n_digits > 0)
    d->point += exponent;
}

/* Half away from zero: the magnitude goes up when the first dropped digit
 * is 5 or more. */
static void
decimal_round (Decimal *d,
               int      decimals)
{
  int keep = d->point + decimals;
  gboolean up;

  if (keep >= d->n_digits)
    return;

  if (keep < 0)
    {
      d->n_digits = 0;
      decimal_trim (d);
      return;
    }

  up = d->digits[keep] >= '5';
  d->n_digits = keep;

  if (up)
    {
      int i = keep - 1;

      while (i >= 0 && d->digits[i] == '9')
        d->digits[i--] = '0';

      if (i >= 0)
        {
          d->digits[i]++;
        }
      else
        {
          /* 9.96 → 10.0: one more integer digit */
          if (d->n_digits == (int) sizeof d->digits)
            d->n_digits--;
          memmove (d->digits + 1, d->digits, d->n_digits);
          d->digits[0] = '1';
          d->n_digits++;
          d->point++;
        }
    }

  decimal_trim (d);
}

/* Integer digits of the magnitude; 0 when it is below 1. */
static int
decimal_integer_digits (const Decimal *d)
{
  return d->n_digits > 0 ? MAX (d->point, 0) : 0;
}

static char
decimal_digit (const Decimal *d,
               int            i)
{
  return i >= 0 && i < d->n_digits ? d->digits[i] : '0';
}

/* Appends the magnitude, grouped by thousands, with @decimals places (or
 * fewer, without trailing zeros, if @strip). */
static void
decimal_append_magnitude (GString       *out,
                          const Decimal *d,
                          int            decimals,
                          gboolean       strip)
{
  int int_digits = decimal_integer_digits (d);
  int frac_digits = decimals;

  if (int_digits == 0)
    g_string_append_c (out, '0');
  for (int i = 0; i < int_digits; i++)
    {
      if (i > 0 && (int_digits - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, decimal_digit (d, i));
    }

  if (strip)
    frac_digits = CLAMP (d->n_digits - d->point, 0, decimals);

  if (frac_digits > 0)
    {
      g_string_append_c (out, '.');
      for (int j = 0; j < frac_digits; j++)
        g_string_append_c (out, decimal_digit (d, d->point + j));
    }
}

static void
decimal_append (GString       *out,
                const Decimal *d,
                int            decimals,
                gboolean       strip)
{
  if (d->negative)
    g_string_append (out, MINUS_SIGN);
  decimal_append_magnitude (out, d, decimals, strip);
}

static const Unit *
style_units (JdNumberStyle  style,
             guint         *n_units)
{
  switch (style)
    {
    case JD_NUMBER_STYLE_SIMPLIFIED:
      *n_units = G_N_ELEMENTS (simplified_units);
      return simplified_units;
    case JD_NUMBER_STYLE_TRADITIONAL:
      *n_units = G_N_ELEMENTS (traditional_units);
      return traditional_units;
    case JD_NUMBER_STYLE_WESTERN:
    default:
      *n_units = G_N_ELEMENTS (western_units);
      return western_units;
    }
}

/* The largest unit a number with @integer_digits digits fills, or -1
 * when it is written out in full. */
static int
unit_for_digits (const Unit *units,
                 guint       n_units,
                 int         integer_digits)
{
  int u = -1;

  if (integer_digits <= COMPACT_FROM_EXPONENT)
    return -1;

  for (guint i = 0; i < n_units; i++)
    if (integer_digits > units[i].exponent)
      u = i;

  return u;
}

/* Rounds @value (not yet rounded) to @decimals places in the largest unit
 * it fills, moving up a unit when rounding carries into it (999.96K is
 * 1M, 9,999.96 is 1万), and appends number and unit. */
static void
append_compact (GString       *out,
                JdNumberStyle  style,
                const Decimal *value,
                int            decimals)
{
  const Unit *units;
  guint n_units;
  Decimal rounded;
  int u;

  units = style_units (style, &n_units);
  u = unit_for_digits (units, n_units, decimal_integer_digits (value));

  for (;;)
    {
      int exponent = u >= 0 ? units[u].exponent : 0;
      int carried;

      rounded = *value;
      decimal_shift (&rounded, -exponent);
      decimal_round (&rounded, decimals);

      /* Rounding only ever grows the magnitude, so this ends. */
      carried = unit_for_digits (units, n_units, decimal_integer_digits (&rounded) + exponent);
      if (carried <= u)
        break;
      u = carried;
    }

  decimal_append (out, &rounded, decimals, TRUE);
  if (u >= 0)
    g_string_append (out, units[u].name);
}

JdNumberStyle
_jd_number_style_for_language (const char *language)
{
  static const char * const traditional[] = { "_TW", "_HK", "_MO", "Hant", "hant" };

  if (language == NULL || !g_str_has_prefix (language, "zh") ||
      (language[2] != '\0' && strchr ("_.@-", language[2]) == NULL))
    return JD_NUMBER_STYLE_WESTERN;

  for (guint i = 0; i < G_N_ELEMENTS (traditional); i++)
    if (strstr (language, traditional[i]) != NULL)
      return JD_NUMBER_STYLE_TRADITIONAL;

  return JD_NUMBER_STYLE_SIMPLIFIED;
}

JdNumberStyle
_jd_number_style_current (void)
{
  const char * const *names = g_get_language_names ();

  return _jd_number_style_for_language (names[0]);
}

char *
_jd_format_decimal (double   value,
                    int      decimals,
                    gboolean strip)
{
  GString *out;
  Decimal d;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);

  out = g_string_new (NULL);
  decimal_from_double (&d, value);
  decimal_round (&d, decimals);
  decimal_append (out, &d, decimals, strip);

  return g_string_free (out, FALSE);
}

char *
_jd_format_compact_full (JdNumberStyle style,
                         double        value,
                         int           max_decimals)
{
  GString *out;
  Decimal d;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);

  out = g_string_new (NULL);
  decimal_from_double (&d, value);
  append_compact (out, style, &d, MAX (max_decimals, 0));

  return g_string_free (out, FALSE);
}

char *
_jd_format_yuan_full (JdNumberStyle style,
                      gint64        fen,
                      gboolean      compact)
{
  GString *out = g_string_new (NULL);
  gboolean chinese = style != JD_NUMBER_STYLE_WESTERN;
  Decimal yuan;

  decimal_from_int (&yuan, fen);
  decimal_shift (&yuan, -2);

  if (yuan.negative)
    g_string_append (out, MINUS_SIGN);
  yuan.negative = FALSE;

  if (!chinese)
    g_string_append (out, "¥");

  if (compact && decimal_integer_digits (&yuan) > COMPACT_FROM_EXPONENT)
    append_compact (out, style, &yuan, 1);
  else
    decimal_append_magnitude (out, &yuan, 2, FALSE);

  if (chinese)
    g_string_append (out, "元");

  return g_string_free (out, FALSE);
}

/**
 * jd_format_count:
 *
 * Returns: @value with thousands grouped: "12,345", "−7".
 */
char *
jd_format_count (gint64 value)
{
  GString *out = g_string_new (NULL);
  Decimal d;

  decimal_from_int (&d, value);
  decimal_append (out, &d, 0, FALSE);

  return g_string_free (out, FALSE);
}

/* A fraction in percent with one place, signed if asked: the number of
 * jd_format_rate(), jd_format_change() and jd_format_points(). */
static GString *
percent_number (double   fraction,
                gboolean with_sign)
{
  GString *out = g_string_new (NULL);
  Decimal d;

  decimal_from_double (&d, fraction);
  decimal_shift (&d, 2);
  decimal_round (&d, 1);
  if (with_sign && d.n_digits > 0 && !d.negative)
    g_string_append_c (out, '+');
  decimal_append (out, &d, 1, FALSE);

  return out;
}

/**
 * jd_format_rate:
 *
 * Returns: a fraction as a percentage with one place: "8.3%", "100.0%";
 *   "—" for NaN (a rate over a zero denominator).
 */
char *
jd_format_rate (double fraction)
{
  if (!isfinite (fraction))
    return g_strdup (NO_VALUE);

  return g_string_free (g_string_append_c (percent_number (fraction, FALSE), '%'), FALSE);
}

/**
 * jd_format_change:
 *
 * Returns: a relative change with its sign: "+12.5%", "−3.0%", "0.0%";
 *   "—" for NaN and the infinities (a change from zero).
 */
char *
jd_format_change (double fraction)
{
  if (!isfinite (fraction))
    return g_strdup (NO_VALUE);

  return g_string_free (g_string_append_c (percent_number (fraction, TRUE), '%'), FALSE);
}

/**
 * jd_format_points:
 * @delta: the difference of two rates, as a fraction (0.012 for 1.2 points)
 *
 * Returns: how far a rate moved, in percentage points: "+1.2 pp",
 *   "−0.4 pp" ("+1.2个百分点" in Chinese); "—" for NaN.
 */
char *
jd_format_points (double delta)
{
  g_autoptr(GString) number = NULL;

  if (!isfinite (delta))
    return g_strdup (NO_VALUE);

  number = percent_number (delta, TRUE);
  /* Translators: a change of a rate in percentage points, e.g. "+1.2 pp";
   * zh_CN: "%s个百分点" */
  return g_strdup_printf (_("%s pp"), number->str);
}

/**
 * jd_format_compact:
 *
 * Returns: @value in at most a few characters: "9,999", "1.2万", "3.4亿"
 *   in Chinese, "9,999", "12.3K", "3.4M" in English; one place at most,
 *   without a trailing ".0"; "—" for NaN.
 */
char *
jd_format_compact (double value)
{
  return _jd_format_compact_full (_jd_number_style_current (), value, 1);
}

/**
 * jd_format_yuan:
 *
 * Returns: an amount of money given in fen: exact below 10,000 yuan
 *   ("1,234.50元"), then in 万元 / 亿元 with one place ("12.3万元",
 *   "1.2亿元"); "¥1,234.50", "¥12.3K" in English.
 */
char *
jd_format_yuan (gint64 fen)
{
  return _jd_format_yuan_full (_jd_number_style_current (), fen, TRUE);
}

/**
 * jd_format_yuan_exact:
 *
 * Returns: an amount of money given in fen, to the fen and never
 *   abbreviated: "1,234,567.89元" ("¥1,234,567.89" in English), for
 *   tables where the amount must add up.
 */
char *
jd_format_yuan_exact (gint64 fen)
{
  return _jd_format_yuan_full (_jd_number_style_current (), fen, FALSE);
}

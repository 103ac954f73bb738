/* jd-format-private.h — number styles and the formatting core, for libjiandu and its tests
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How large numbers are grouped into units, and how money is written.
 * Chosen from the UI language (see _jd_number_style_current()). */
typedef enum
{
  JD_NUMBER_STYLE_WESTERN,     /* 12.3K, 3.4M, 5.6B; ¥1,234.50, ¥12.3K */
  JD_NUMBER_STYLE_SIMPLIFIED,  /* 1.2万, 3.4亿, 5.6万亿; 1,234.50元, 12.3万元 */
  JD_NUMBER_STYLE_TRADITIONAL, /* 1.2萬, 3.4億, 5.6萬億; 1,234.50元, 12.3萬元 */
} JdNumberStyle;

JdNumberStyle  _jd_number_style_current      (void);
JdNumberStyle  _jd_number_style_for_language (const char    *language);

/* A decimal with grouped thousands, rounded half away from zero to
 * @decimals places; trailing zeros of the fraction dropped if @strip. */
char          *_jd_format_decimal            (double         value,
                                              int            decimals,
                                              gboolean       strip);
/* jd_format_compact() in a given style, with up to @max_decimals places
 * (trailing zeros dropped).  Axis labels ask for as many places as their
 * tick step needs, so 1.25万 is not rounded to 1.3万. */
char          *_jd_format_compact_full       (JdNumberStyle  style,
                                              double         value,
                                              int            max_decimals);
char          *_jd_format_yuan_full          (JdNumberStyle  style,
                                              gint64         fen,
                                              gboolean       compact);

G_END_DECLS

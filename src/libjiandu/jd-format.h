/* jd-format.h — numbers as Chinese and English readers expect them
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every function rounds half away from zero, on the shortest decimal that
 * reads back as the same double (so 0.0045 is 0.5%, as on a calculator);
 * negative numbers take U+2212 "−"; NaN and infinities are "—".  Units
 * (万/亿 or K/M) follow the UI language; see jd-format.c. */

char *jd_format_count      (gint64  value);     /* 12,345 */
char *jd_format_rate       (double  fraction);  /* 8.3% ; "—" for NaN */
char *jd_format_change     (double  fraction);  /* +12.5% / −3.0% ; "—" for NaN */
char *jd_format_points     (double  delta);     /* +1.2 pp / −0.4 pp ; "—" for NaN */
char *jd_format_compact    (double  value);     /* 9,999 ; 1.2万 ; 3.4亿 (or 12.3K / 3.4M in English) */
char *jd_format_yuan       (gint64  fen);       /* 1,234.50元 ; 12.3万元 ; 1.2亿元 */
char *jd_format_yuan_exact (gint64  fen);       /* 1,234,567.89元, to the fen, never abbreviated */

G_END_DECLS

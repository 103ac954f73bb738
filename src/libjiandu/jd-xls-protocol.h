/* jd-xls-protocol.h — what jiandu-xls-reader sends, and jd-xls.c reads
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libfreexl has read out of bounds on crafted .xls files, so it runs in a
 * helper process of its own, limited in memory and time.  The helper
 * writes frames on its stdout: a kind byte, a little-endian 32-bit
 * payload length, the payload.  In order:
 *
 *   'W'  u32 number of sheets, u8 1 if dates count from 1904
 *   'N'  a sheet name (UTF-8), once per sheet
 *   'T'  u32 number of rows: the sheet asked for is open
 *   'R'  u32 0-based row index, rising: a row begins
 *   'C'  u32 0-based column, rising within a row, then the text (UTF-8);
 *        empty cells are not sent
 *   'E'  the end of the sheet
 *
 * or, instead of what cannot follow, 'X' u32 error code, u32 row index.
 * Everything else, and a stream that stops before 'E', is an error.
 */

#pragma once

#define JD_XLS_FRAME_WORKBOOK 'W'
#define JD_XLS_FRAME_NAME     'N'
#define JD_XLS_FRAME_TABLE    'T'
#define JD_XLS_FRAME_ROW      'R'
#define JD_XLS_FRAME_CELL     'C'
#define JD_XLS_FRAME_END      'E'
#define JD_XLS_FRAME_ERROR    'X'

/* A cell holds at most 32,767 characters: 128 KB of UTF-8, with room. */
#define JD_XLS_MAX_FRAME      (1024 * 1024)
/* BIFF8 has 256 columns and 65,536 rows; freexl counts in 16 and 32 bits. */
#define JD_XLS_MAX_COLUMNS    65536
#define JD_XLS_MAX_SHEETS     65535

typedef enum
{
  JD_XLS_ERROR_OPEN = 1,   /* not an .xls, damaged, or password-protected */
  JD_XLS_ERROR_SHEET,      /* the sheet cannot be read */
  JD_XLS_ERROR_ROW,        /* a row cannot be read */
  JD_XLS_ERROR_MEMORY,     /* freexl ran out of the memory it may use */
} JdXlsErrorCode;

/* jd-xls-private.h — the .xls reader without its helper process, for fuzzing
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-table-reader.h"

G_BEGIN_DECLS

JdTableReader *_jd_xls_reader_new_for_stream (GInputStream  *stream,
                                              GError       **error);

G_END_DECLS

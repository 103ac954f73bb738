/* jd-cockpit-tables.h — the cockpit pages' tables, for export and the report
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-cockpit.h"
#include "jd-table-export.h"

G_BEGIN_DECLS

/* What a table's notes say about where its figures come from. */
typedef struct
{
  JdPeriod    period;
  int         data_end;      /* YYYYMM of the last month with data; 0: none */
  const char *filter_text;   /* (nullable): jd_filter_describe(); NULL when unfiltered */
} JdTableContext;

const char *jd_filter_get_value     (const JdFilter        *filter,
                                     JdDimension            dimension);
const char *jd_filter_choices_label (const JdFilterChoices *choices,
                                     JdDimension            dimension,
                                     const char            *value);
const JdDimension *jd_filter_dimensions (guint *n_dimensions);
char    *jd_filter_describe       (const JdFilter        *filter,
                                   const JdFilterChoices *choices);
GStrv    jd_table_context_notes   (const JdTableContext  *context);
char    *jd_table_context_caption (const JdTableContext  *context);
char    *jd_table_file_name       (const char            *page,
                                   const JdPeriod        *period,
                                   const char            *extension);
JdTable *jd_agencies_table_new    (GPtrArray             *slices,
                                   const JdTableContext  *context);
JdTable *jd_warnings_table_new    (GPtrArray             *warnings,
                                   const char            *title,
                                   const JdTableContext  *context);
JdTable *jd_unreviewed_table_new  (GPtrArray             *slices,
                                   const JdTableContext  *context);

G_END_DECLS

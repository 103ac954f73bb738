/* jd-xlsx-private.h — what the XLSX reader's files share
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <gsf/gsf-infile.h>
#include <gsf/gsf-input.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)

GsfInput         *_jd_xlsx_open_part          (GsfInfile        *zip,
                                               const char       *path);
xmlTextReaderPtr  _jd_xlsx_open_xml           (GsfInput         *input);
char             *_jd_xlsx_get_attr           (xmlTextReaderPtr  xml,
                                               const char       *local_name);
/* Id → { Type, Target } of a .rels part, targets resolved from @base_dir. */
GHashTable       *_jd_xlsx_read_relationships (GsfInfile        *zip,
                                               const char       *rels_path,
                                               const char       *base_dir);
/* Appends to @xf_is_date (gboolean) whether each cell style is a date. */
void              _jd_xlsx_read_styles        (GsfInfile        *zip,
                                               const char       *path,
                                               GArray           *xf_is_date);

static inline gboolean
_jd_xlsx_is_element (xmlTextReaderPtr  xml,
                     const char       *local_name)
{
  const char *name = (const char *)xmlTextReaderConstLocalName (xml);

  /* Called for every node of a sheet: most differ in the first letter. */
  return name != NULL && name[0] == local_name[0] && strcmp (name, local_name) == 0;
}

G_END_DECLS

/* fuzz-sniff.c — a file of any bytes, as the import previews it
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the import does before it writes anything: tell the kind of file
 * from its first bytes (CSV, XLSX, or XLS through the helper process),
 * the encoding and the separator of a CSV, then find the header row,
 * which entity it is and which column holds which field.
 */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "jd-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *path = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    path = g_strdup_printf ("%s/jiandu-fuzz-sniff-%d", g_get_tmp_dir (), (int)getpid ());
  if (!g_file_set_contents (path, (const char *)data, size, NULL))
    return 0;

  tables = jd_import_preview (path, NULL, 3, &error);
  g_assert ((tables == NULL) == (error != NULL));
  for (guint t = 0; tables != NULL && t < tables->len; t++)
    {
      const JdImportTable *table = tables->pdata[t];

      g_assert (table->entity != NULL || table->headers->len == 0);
      g_assert (table->fields->len == table->headers->len);
      for (guint c = 0; c < table->headers->len; c++)
        g_assert (g_utf8_validate (table->headers->pdata[c], -1, NULL));
    }

  g_unlink (path);
  return 0;
}

/* test-icons.c — the app's icons are recognised as SVG
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Icon themes and gdk-pixbuf tell an SVG file by sniffing its first 256
 * bytes for "<svg" (shared-mime-info's magic).  An icon whose comments
 * push the tag further down is taken for plain XML and does not load.
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#define SNIFF_LENGTH 256

static void
collect_svgs (const char *dir_path,
              GPtrArray  *paths)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_svgs (path, paths);
      else if (g_str_has_suffix (name, ".svg"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
test_sniffed_as_svg (void)
{
  g_autofree char *icons = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  collect_svgs (icons, paths);
  /* the full-colour icon and the symbolic one */
  g_assert_cmpuint (paths->len, >=, 2);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      g_autofree char *type = NULL;
      const char *tag;
      gsize length;

      g_test_message ("%s", path);
      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);

      tag = g_strstr_len (data, MIN (length, SNIFF_LENGTH), "<svg");
      g_assert_nonnull (tag);

      /* what a loader guesses from the bytes alone, without the name */
      type = g_content_type_guess (NULL, (const guchar *)data, MIN (length, SNIFF_LENGTH), NULL);
      g_assert_true (g_content_type_is_a (type, "image/svg+xml"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/icons/sniffed-as-svg", test_sniffed_as_svg);

  return g_test_run ();
}

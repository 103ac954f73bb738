/* fuzz-main.c — runs a fuzz target on files, for the regression test
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built without libFuzzer, each fuzz target reads the files (or the files
 * in the folders) named on the command line: the seed corpus and every
 * input the fuzzers once crashed on stay in the test suite.
 */

#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static int
run_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return 1;

  LLVMFuzzerTestOneInput ((const guint8 *)contents, length);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  int n = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *path = g_build_filename (argv[i], name, NULL);

              if (run_file (path) != 0)
                return 1;
              n++;
            }
        }
      else if (run_file (argv[i]) != 0)
        return 1;
      else
        n++;
    }

  g_print ("1..1\nok 1 %d inputs\n", n);
  return 0;
}

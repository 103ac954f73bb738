/* jd-store-file.c — what the store decides about a database file itself
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before SQLite opens a file: is it there, a SQLite file at all, writable?
 * When it is new: created private.  When SQLite finds it damaged: how to
 * say so.
 */

#define G_LOG_DOMAIN "jd-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jd-store-private.h"

/* Everything that can be decided without SQLite touching the file. */
gboolean
_jd_store_check_file (const char  *path,
                      gboolean    *out_exists,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;
  guchar header[100];
  FILE *fp;
  size_t n_read;

  if (g_stat (path, &st) != 0)
    {
      if (errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }

      *out_exists = FALSE;
      dir = g_path_get_dirname (path);
      if (g_access (dir, W_OK) != 0)
        {
          g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_READ_ONLY,
                       _("Could not create “%s”: the folder cannot be written to"), display);
          return FALSE;
        }
      return TRUE;
    }

  *out_exists = TRUE;

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_JIANDU,
                   _("“%s” is not a Jiandu database"), display);
      return FALSE;
    }

  if (st.st_size > 0)
    {
      fp = g_fopen (path, "rb");
      if (fp == NULL)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }
      n_read = fread (header, 1, sizeof header, fp);
      fclose (fp);

      if (n_read < 16 || memcmp (header, "SQLite format 3", 16) != 0)
        {
          g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_JIANDU,
                       _("“%s” is not a Jiandu database"), display);
          return FALSE;
        }

      /* A header cut short is damage no journal can mend.  A file shorter
       * than the page count its header gives is not, by itself: that is
       * what a kill or a power cut leaves while a commit or a checkpoint
       * writes pages, with the -journal or -wal beside it that SQLite
       * mends it from on the first read.  SQLite checks the page count
       * itself, after that (see _jd_store_set_read_error()). */
      if (n_read < sizeof header)
        {
          g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged and cannot be read"), display);
          return FALSE;
        }
    }

  /* root passes access(W_OK) on any file, so look at the mode bits too:
   * a file someone made read-only is not to be written, whoever we are. */
  dir = g_path_get_dirname (path);
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
      g_access (path, W_OK) != 0 ||
      g_access (dir, W_OK) != 0)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only; Jiandu needs to write to the database and its folder"),
                   display);
      return FALSE;
    }

  return TRUE;
}

/* After SQLite has found the file damaged (it has rolled back any hot
 * journal by then, and counts the pages of a WAL), tells a copy that
 * stopped half-way (a full USB stick, a dropped network share) from other
 * damage: without a WAL beside it, it is shorter than its header says. */
static gboolean
is_incomplete_copy (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guchar header[100];
  GStatBuf st;
  FILE *fp;
  size_t n_read;
  guint32 page_size;
  guint32 n_pages;

  if (g_file_test (wal, G_FILE_TEST_EXISTS) || g_stat (path, &st) != 0 ||
      (fp = g_fopen (path, "rb")) == NULL)
    return FALSE;
  n_read = fread (header, 1, sizeof header, fp);
  fclose (fp);
  if (n_read < sizeof header)
    return FALSE;

  /* The header's page count is only meaningful while its "valid-for"
   * counter matches the change counter. */
  if (memcmp (header + 24, header + 92, 4) != 0)
    return FALSE;
  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = GUINT32_FROM_BE (*(guint32 *)(gpointer)(header + 28));

  return (guint64)n_pages * page_size > (guint64)st.st_size;
}

void
_jd_store_set_read_error (GError     **error,
                          sqlite3     *db,
                          int          rc,
                          const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  if ((rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_JIANDU,
                 _("“%s” is not a Jiandu database"), display);
  else if ((rc & 0xff) == SQLITE_CORRUPT && is_incomplete_copy (path))
    g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged: the file is shorter than the database it holds (an incomplete copy?)"),
                 display);
  else if ((rc & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be read"), display);
  else
    _jd_store_set_error (error, db, rc, _("Could not read the database"));
}

/* A new database holds party identifiers and complaint records: it is
 * created readable by its owner only, whatever the umask.  SQLite gives
 * its -journal, -wal and -shm the database's own mode. */
gboolean
_jd_store_create_private (const char  *path,
                          GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  /* Someone else created it meanwhile: SQLite opens theirs. */
  if (fd < 0 && errno == EEXIST)
    return TRUE;

  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      if (fd >= 0)
        {
          close (fd);
          g_unlink (path);
        }
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

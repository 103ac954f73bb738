/* jd-test-hooks.c — faults the crash tests inject into the store
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The crash tests need to stop a process at an exact moment of its work,
 * not after a lucky sleep.  Two environment variables, read once when the
 * store first uses SQLite, do it; unset, as for every user, nothing here
 * is installed and every hook returns at once.
 *
 *   JIANDU_TEST_FAULT=ACTION:N[@POINT]
 *     After the first N writes (N = 0: at the first one), ACTION happens
 *     instead of the next write: "kill" raises SIGKILL on the process,
 *     "full" fails that write and every later one as a full disk would.
 *     A write is a write, truncation or sync of a database, its WAL or its
 *     rollback journal, or the deletion of a journal.  Writes are counted
 *     from the start of the process or, with @POINT, from when the code
 *     reaches the named point (see _jd_test_point()).  A kill prints which
 *     write it was on stderr, so a script can tell the phases apart.
 *
 *   JIANDU_TEST_PAUSE=POINT:FILE
 *     At the named point, creates FILE.reached and waits until FILE
 *     exists: the test holds the process there while it looks around.
 *
 * The faults come from a thin SQLite VFS wrapped around the default one
 * and registered as the default.
 */

#define G_LOG_DOMAIN "jd-test-hooks"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "jd-test-hooks-private.h"

typedef enum
{
  FAULT_NONE,
  FAULT_KILL,
  FAULT_FULL,
} FaultAction;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;           /* the wrapped VFS's file, right after this struct */
  const char   *kind;           /* "database", "WAL", "journal"; NULL for files not counted */
} HookFile;

static FaultAction  fault_action;
static guint        fault_after;
static char        *fault_point;
static int          fault_armed;
static guint        n_writes;
static char        *pause_point;
static char        *pause_file;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs  hook_vfs;

/* Counts one write; returns the SQLite error to fail it with, or kills. */
static int
count_write (const char *kind,
             const char *op)
{
  guint n;

  if (kind == NULL || !g_atomic_int_get (&fault_armed))
    return SQLITE_OK;

  n = (guint)g_atomic_int_add (&n_writes, 1);
  if (n < fault_after)
    return SQLITE_OK;

  if (fault_action == FAULT_KILL)
    {
      fprintf (stderr, "jiandu-test-hooks: killed at write %u: %s of the %s\n", n, op, kind);
      fflush (stderr);
      kill (getpid (), SIGKILL);
      pause ();
    }

  return SQLITE_FULL;
}

static int
hook_close (sqlite3_file *file)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xClose (self->real);
}

static int
hook_read (sqlite3_file *file,
           void         *buffer,
           int           amount,
           sqlite3_int64 offset)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xRead (self->real, buffer, amount, offset);
}

static int
hook_write (sqlite3_file *file,
            const void   *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  HookFile *self = (HookFile *)file;
  int rc = count_write (self->kind, "write");

  if (rc != SQLITE_OK)
    return rc;

  return self->real->pMethods->xWrite (self->real, buffer, amount, offset);
}

static int
hook_truncate (sqlite3_file *file,
               sqlite3_int64 size)
{
  HookFile *self = (HookFile *)file;

  /* A full disk still lets a file shrink. */
  count_write (self->kind, "truncation");
  return self->real->pMethods->xTruncate (self->real, size);
}

static int
hook_sync (sqlite3_file *file,
           int           flags)
{
  HookFile *self = (HookFile *)file;

  count_write (self->kind, "sync");
  return self->real->pMethods->xSync (self->real, flags);
}

static int
hook_file_size (sqlite3_file  *file,
                sqlite3_int64 *size)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xFileSize (self->real, size);
}

static int
hook_lock (sqlite3_file *file,
           int           level)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xLock (self->real, level);
}

static int
hook_unlock (sqlite3_file *file,
             int           level)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xUnlock (self->real, level);
}

static int
hook_check_reserved_lock (sqlite3_file *file,
                          int          *out)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xCheckReservedLock (self->real, out);
}

static int
hook_file_control (sqlite3_file *file,
                   int           op,
                   void         *arg)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
hook_sector_size (sqlite3_file *file)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
hook_device_characteristics (sqlite3_file *file)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

static int
hook_shm_map (sqlite3_file  *file,
              int            region,
              int            size,
              int            extend,
              void volatile **out)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xShmMap (self->real, region, size, extend, out);
}

static int
hook_shm_lock (sqlite3_file *file,
               int           offset,
               int           n,
               int           flags)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
hook_shm_barrier (sqlite3_file *file)
{
  HookFile *self = (HookFile *)file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
hook_shm_unmap (sqlite3_file *file,
                int           delete)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xShmUnmap (self->real, delete);
}

static int
hook_fetch (sqlite3_file  *file,
            sqlite3_int64  offset,
            int            amount,
            void         **out)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xFetch (self->real, offset, amount, out);
}

static int
hook_unfetch (sqlite3_file  *file,
              sqlite3_int64  offset,
              void          *page)
{
  HookFile *self = (HookFile *)file;

  return self->real->pMethods->xUnfetch (self->real, offset, page);
}

static const sqlite3_io_methods hook_methods = {
  3,
  hook_close,
  hook_read,
  hook_write,
  hook_truncate,
  hook_sync,
  hook_file_size,
  hook_lock,
  hook_unlock,
  hook_check_reserved_lock,
  hook_file_control,
  hook_sector_size,
  hook_device_characteristics,
  hook_shm_map,
  hook_shm_lock,
  hook_shm_barrier,
  hook_shm_unmap,
  hook_fetch,
  hook_unfetch,
};

static int
hook_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  HookFile *self = (HookFile *)file;
  int rc;

  self->real = (sqlite3_file *)(self + 1);
  if (flags & SQLITE_OPEN_MAIN_DB)
    self->kind = "database";
  else if (flags & SQLITE_OPEN_WAL)
    self->kind = "WAL";
  else if (flags & SQLITE_OPEN_MAIN_JOURNAL)
    self->kind = "journal";
  else
    self->kind = NULL;

  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);
  /* SQLite calls xClose only on files whose pMethods is set. */
  self->base.pMethods = self->real->pMethods != NULL ? &hook_methods : NULL;
  if (self->real->pMethods != NULL)
    g_assert (self->real->pMethods->iVersion >= 3);

  return rc;
}

static int
hook_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  if (g_str_has_suffix (name, "-journal"))
    count_write ("journal", "deletion");
  else if (g_str_has_suffix (name, "-wal"))
    count_write ("WAL", "deletion");

  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static gboolean
parse_fault (const char *spec)
{
  g_autofree char *copy = g_strdup (spec);
  char *count = strchr (copy, ':');
  char *point;
  char *end = NULL;

  if (count == NULL)
    return FALSE;
  *count++ = '\0';
  point = strchr (count, '@');
  if (point != NULL)
    *point++ = '\0';

  if (g_str_equal (copy, "kill"))
    fault_action = FAULT_KILL;
  else if (g_str_equal (copy, "full"))
    fault_action = FAULT_FULL;
  else
    return FALSE;

  fault_after = (guint)g_ascii_strtoull (count, &end, 10);
  if (end == count || *end != '\0')
    return FALSE;

  fault_point = g_strdup (point);
  g_atomic_int_set (&fault_armed, point == NULL);

  return TRUE;
}

/**
 * _jd_test_hooks_init:
 *
 * Reads JIANDU_TEST_FAULT and JIANDU_TEST_PAUSE, and wraps SQLite's
 * default VFS when a fault is asked for.  Call once, before SQLite opens
 * a file.
 */
void
_jd_test_hooks_init (void)
{
  const char *fault = g_getenv ("JIANDU_TEST_FAULT");
  const char *pause_spec = g_getenv ("JIANDU_TEST_PAUSE");

  if (pause_spec != NULL)
    {
      const char *colon = strchr (pause_spec, ':');

      if (colon == NULL)
        g_error ("JIANDU_TEST_PAUSE is POINT:FILE, not “%s”", pause_spec);
      pause_point = g_strndup (pause_spec, colon - pause_spec);
      pause_file = g_strdup (colon + 1);
    }

  if (fault == NULL)
    return;

  if (!parse_fault (fault))
    g_error ("JIANDU_TEST_FAULT is kill:N[@POINT] or full:N[@POINT], not “%s”", fault);

  real_vfs = sqlite3_vfs_find (NULL);
  hook_vfs = *real_vfs;
  hook_vfs.szOsFile = sizeof (HookFile) + real_vfs->szOsFile;
  hook_vfs.zName = "jiandu-test-hooks";
  hook_vfs.pNext = NULL;
  hook_vfs.xOpen = hook_open;
  hook_vfs.xDelete = hook_delete;
  sqlite3_vfs_register (&hook_vfs, 1);
}

/**
 * _jd_test_point:
 * @name: where the code is: "import-commit", "demo-checkpoint", …
 *
 * Marks a moment the crash tests can stop at (JIANDU_TEST_PAUSE) or count
 * writes from (JIANDU_TEST_FAULT=…@POINT).  Does nothing otherwise.
 */
void
_jd_test_point (const char *name)
{
  if (fault_point != NULL && g_str_equal (name, fault_point))
    g_atomic_int_set (&fault_armed, TRUE);

  if (pause_point != NULL && g_str_equal (name, pause_point))
    {
      g_autofree char *reached = g_strconcat (pause_file, ".reached", NULL);

      if (!g_file_set_contents (reached, name, -1, NULL))
        g_error ("JIANDU_TEST_PAUSE: cannot write %s", reached);
      while (!g_file_test (pause_file, G_FILE_TEST_EXISTS))
        g_usleep (5000);
    }
}

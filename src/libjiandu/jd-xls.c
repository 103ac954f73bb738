/* jd-xls.c — Excel 97–2003 workbooks (BIFF), read by a helper process
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libfreexl reads .xls files, but has read out of bounds on crafted ones:
 * it runs in jiandu-xls-reader, a process of its own limited in memory
 * and CPU time (as GNOME sandboxes its image loaders), which streams the
 * rows back over a pipe (jd-xls-protocol.h).  A crash, a time-out or a
 * stream that does not follow the protocol is an error for that file;
 * this process only ever parses frames it has checked.  One helper runs
 * per sheet read; an .xls holds at most 65,536 rows.
 */

#define G_LOG_DOMAIN "jd-xls"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gi18n-lib.h>

#include "jd-table-reader.h"
#include "jd-xls-private.h"
#include "jd-xls-protocol.h"

#define HELPER_NAME "jiandu-xls-reader"
/* Far above what reading a real 65,536-row workbook takes. */
#define HELPER_CPU_SECONDS 60
#define HELPER_MEMORY_MB   1024

typedef struct
{
  JdTableReader  parent;

  char          *path;         /* NULL when reading a given stream */
  GSubprocess   *process;
  GInputStream  *stream;       /* buffered, over the helper's stdout */
  gboolean       fresh;        /* the stream is at the start of its sheet */
  guint          stream_table; /* the sheet the helper was asked for */

  GByteArray    *payload;
  char           kind;         /* of the frame in payload, 0 if none */

  guint          n_rows;
  gint64         row;          /* index of the last row read, -1 */
  gboolean       done;
} XlsReader;

static void
stop_helper (XlsReader *self)
{
  g_clear_object (&self->stream);
  if (self->process != NULL)
    {
      g_subprocess_force_exit (self->process);
      g_subprocess_wait (self->process, NULL, NULL);
      g_clear_object (&self->process);
    }
  self->kind = 0;
}

static void
xls_reader_free (JdTableReader *reader)
{
  XlsReader *self = (XlsReader *)reader;

  stop_helper (self);
  g_clear_pointer (&self->payload, g_byte_array_unref);
  g_free (self->path);
  g_strfreev (self->parent.table_names);
  g_free (self);
}

static guint32
get_u32 (const guint8 *data)
{
  return (guint32)data[0] | (guint32)data[1] << 8 | (guint32)data[2] << 16 | (guint32)data[3] << 24;
}

static void
set_broken_error (XlsReader  *self,
                  GError    **error)
{
  /* The stream ended or went wrong: the helper's end says why. */
  if (self->process != NULL)
    {
      g_subprocess_wait (self->process, NULL, NULL);
      if (g_subprocess_get_if_signaled (self->process))
        {
          int signal = g_subprocess_get_term_sig (self->process);

          if (signal == SIGXCPU || signal == SIGKILL)
            g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG,
                         _("Reading the workbook took more than %d seconds; the file is damaged or crafted"),
                         HELPER_CPU_SECONDS);
          else
            g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                         _("The reader of .xls files crashed on this workbook (signal %d); the file is damaged or crafted"),
                         signal);
          return;
        }
    }

  g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
               _("The reader of .xls files stopped in the middle of this workbook; the file is damaged or crafted"));
}

static void
set_helper_error (XlsReader  *self,
                  GError    **error)
{
  guint32 code = self->payload->len >= 8 ? get_u32 (self->payload->data) : 0;
  guint32 row = self->payload->len >= 8 ? get_u32 (self->payload->data + 4) : 0;

  switch (code)
    {
    case JD_XLS_ERROR_OPEN:
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("Not an Excel 97–2003 workbook (.xls), or a damaged or password-protected one"));
      break;
    case JD_XLS_ERROR_SHEET:
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("The sheet “%s” cannot be read"),
                   self->parent.table_names != NULL && self->stream_table < self->parent.n_tables
                   ? self->parent.table_names[self->stream_table] : "");
      break;
    case JD_XLS_ERROR_ROW:
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("Row %u cannot be read"), row + 1);
      break;
    case JD_XLS_ERROR_MEMORY:
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG,
                   _("Reading the workbook takes more than %d MB; the file is damaged or crafted"),
                   HELPER_MEMORY_MB);
      break;
    default:
      set_broken_error (self, error);
      break;
    }
}

static void
set_protocol_error (GError **error)
{
  g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
               _("The reader of .xls files sent what is not a workbook; the file is damaged or crafted"));
}

/* Reads the next frame into kind / payload; a helper's error frame
 * becomes @error. */
static gboolean
read_frame (XlsReader  *self,
            GError    **error)
{
  guint8 header[5];
  gsize n_read = 0;
  guint32 length;

  self->kind = 0;
  if (self->stream == NULL ||
      !g_input_stream_read_all (self->stream, header, sizeof header, &n_read, NULL, NULL) ||
      n_read != sizeof header)
    {
      set_broken_error (self, error);
      return FALSE;
    }

  length = get_u32 (header + 1);
  if (length > JD_XLS_MAX_FRAME || strchr ("WNTRCEX", header[0]) == NULL || header[0] == '\0')
    {
      set_protocol_error (error);
      return FALSE;
    }

  g_byte_array_set_size (self->payload, length);
  if (!g_input_stream_read_all (self->stream, self->payload->data, length, &n_read, NULL, NULL) ||
      n_read != length)
    {
      set_broken_error (self, error);
      return FALSE;
    }

  self->kind = header[0];
  if (self->kind == JD_XLS_FRAME_ERROR)
    {
      set_helper_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* The text after @offset bytes of the payload, as valid UTF-8. */
static char *
payload_text (XlsReader *self,
              guint      offset)
{
  return g_utf8_make_valid ((const char *)self->payload->data + offset, self->payload->len - offset);
}

/* Reads the workbook frames at the start of every helper's stream; the
 * first time, they fill in the sheet names. */
static gboolean
read_workbook (XlsReader  *self,
               GError    **error)
{
  guint32 n_sheets;
  gboolean first = self->parent.table_names == NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (!read_frame (self, error))
    return FALSE;
  if (self->kind != JD_XLS_FRAME_WORKBOOK || self->payload->len != 5 ||
      (n_sheets = get_u32 (self->payload->data)) > JD_XLS_MAX_SHEETS ||
      (!first && n_sheets != self->parent.n_tables))
    {
      set_protocol_error (error);
      return FALSE;
    }
  if (first)
    self->parent.date1904 = self->payload->data[4] != 0;

  for (guint i = 0; i < n_sheets; i++)
    {
      if (!read_frame (self, error))
        return FALSE;
      if (self->kind != JD_XLS_FRAME_NAME)
        {
          set_protocol_error (error);
          return FALSE;
        }
      if (first)
        g_ptr_array_add (names, payload_text (self, 0));
    }

  if (first)
    {
      g_ptr_array_add (names, NULL);
      self->parent.n_tables = n_sheets;
      self->parent.table_names = (char **)g_ptr_array_steal (names, NULL);
    }

  self->kind = 0;
  return TRUE;
}

static void
limit_helper_cb (gpointer data)
{
  /* Runs in the child between fork and exec: only system calls here. */
  struct rlimit cpu = { HELPER_CPU_SECONDS, HELPER_CPU_SECONDS + 5 };
  struct rlimit none = { 0, 0 };

  setrlimit (RLIMIT_CPU, &cpu);
  setrlimit (RLIMIT_CORE, &none);
  setrlimit (RLIMIT_FSIZE, &none);
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JD_ADDRESS_SANITIZER 1
#endif
#endif
#if !defined(__SANITIZE_ADDRESS__) && !defined(JD_ADDRESS_SANITIZER)
  {
    /* AddressSanitizer reserves terabytes of address space up front. */
    struct rlimit memory = { (rlim_t)HELPER_MEMORY_MB << 20, (rlim_t)HELPER_MEMORY_MB << 20 };

    setrlimit (RLIMIT_AS, &memory);
  }
#endif
}

/* $JIANDU_XLS_READER; beside the running program, or where the build
 * tree puts the helper; then where it is installed. */
static char *
find_helper (void)
{
  const char *env = g_getenv ("JIANDU_XLS_READER");
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      const char *candidates[] = { HELPER_NAME, "../" HELPER_NAME "/" HELPER_NAME };

      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          char *path = g_build_filename (dir, candidates[i], NULL);

          if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE) && !g_file_test (path, G_FILE_TEST_IS_DIR))
            return path;
          g_free (path);
        }
    }

  return g_build_filename (LIBEXECDIR, HELPER_NAME, NULL);
}

static gboolean
start_helper (XlsReader  *self,
              guint       table,
              GError    **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *helper = find_helper ();
  g_autofree char *index = g_strdup_printf ("%u", table);
  g_autoptr(GError) local = NULL;

  stop_helper (self);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, limit_helper_cb, NULL, NULL);
  self->process = g_subprocess_launcher_spawn (launcher, &local, helper, self->path, index, NULL);
  if (self->process == NULL)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("Cannot start the reader of .xls files (%s): %s"), helper, local->message);
      return FALSE;
    }

  self->stream = g_buffered_input_stream_new_sized (g_subprocess_get_stdout_pipe (self->process), 64 * 1024);
  self->stream_table = table;
  self->fresh = TRUE;

  return read_workbook (self, error);
}

static gboolean
xls_open_table (JdTableReader  *reader,
                guint           index,
                GError        **error)
{
  XlsReader *self = (XlsReader *)reader;

  g_return_val_if_fail (index < reader->n_tables, FALSE);

  self->n_rows = 0;
  self->row = -1;
  self->done = TRUE;

  if (!self->fresh || self->stream_table != index)
    {
      if (self->path == NULL)
        {
          set_protocol_error (error);
          return FALSE;
        }
      if (!start_helper (self, index, error))
        return FALSE;
    }
  self->fresh = FALSE;

  if (!read_frame (self, error))
    return FALSE;
  if (self->kind != JD_XLS_FRAME_TABLE || self->payload->len != 4)
    {
      set_protocol_error (error);
      return FALSE;
    }
  self->n_rows = get_u32 (self->payload->data);
  self->done = FALSE;

  /* The first row's frame, read ahead. */
  return read_frame (self, error);
}

static gboolean
xls_next_row (JdTableReader  *reader,
              GPtrArray      *cells,
              guint          *row_number,
              GError        **error)
{
  XlsReader *self = (XlsReader *)reader;
  gint64 last_column = -1;
  guint32 row;

  g_ptr_array_set_size (cells, 0);
  reader->dropped_cells = FALSE;

  if (self->done)
    return FALSE;

  if (self->kind == JD_XLS_FRAME_END && self->payload->len == 0)
    {
      self->done = TRUE;
      return FALSE;
    }
  if (self->kind != JD_XLS_FRAME_ROW || self->payload->len != 4 ||
      (row = get_u32 (self->payload->data)) <= self->row || row >= self->n_rows)
    goto broken;
  self->row = row;

  while (read_frame (self, error))
    {
      guint32 column;

      if (self->kind != JD_XLS_FRAME_CELL)
        {
          *row_number = row + 1;
          return TRUE;
        }
      if (self->payload->len < 4 || (column = get_u32 (self->payload->data)) <= last_column ||
          column >= JD_XLS_MAX_COLUMNS)
        goto broken;
      last_column = column;

      if (reader->max_columns > 0 && column >= reader->max_columns)
        {
          reader->dropped_cells |= self->payload->len > 4;
          continue;
        }
      while (cells->len < column)
        g_ptr_array_add (cells, g_strdup (""));
      g_ptr_array_add (cells, payload_text (self, 4));
    }

  self->done = TRUE;
  return FALSE;

broken:
  self->done = TRUE;
  set_protocol_error (error);
  return FALSE;
}

static double
xls_progress (JdTableReader *reader)
{
  XlsReader *self = (XlsReader *)reader;

  return self->n_rows > 0 && self->row >= 0 ? (double)(self->row + 1) / self->n_rows : 0.0;
}

static XlsReader *
xls_reader_alloc (void)
{
  XlsReader *self = g_new0 (XlsReader, 1);

  self->parent.open_table = xls_open_table;
  self->parent.next_row = xls_next_row;
  self->parent.progress = xls_progress;
  self->parent.free = xls_reader_free;
  self->payload = g_byte_array_new ();
  self->row = -1;
  self->done = TRUE;

  return self;
}

static JdTableReader *
check_tables (XlsReader  *self,
              GError    **error)
{
  if (self->parent.n_tables == 0)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                   _("The workbook has no worksheet"));
      xls_reader_free (&self->parent);
      return NULL;
    }

  return &self->parent;
}

JdTableReader *
jd_xls_reader_new (const char  *path,
                   GError     **error)
{
  XlsReader *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = xls_reader_alloc ();
  self->path = g_strdup (path);

  /* The helper for the first sheet also says what the workbook holds. */
  if (!start_helper (self, 0, error))
    {
      xls_reader_free (&self->parent);
      return NULL;
    }

  return check_tables (self, error);
}

/**
 * _jd_xls_reader_new_for_stream:
 * @stream: what a helper would write, asked for the first sheet
 *
 * Reads the first sheet of a helper's stream with no helper: what the
 * fuzzers try the protocol's checks with.
 */
JdTableReader *
_jd_xls_reader_new_for_stream (GInputStream  *stream,
                               GError       **error)
{
  XlsReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = xls_reader_alloc ();
  self->stream = g_object_ref (stream);
  self->fresh = TRUE;
  if (!read_workbook (self, error))
    {
      xls_reader_free (&self->parent);
      return NULL;
    }

  return check_tables (self, error);
}

/* jd-csv.c — CSV as RFC 4180 describes it and as Excel writes it
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handles a UTF-8 byte-order mark, CRLF / LF / CR line ends, quoted fields
 * with line breaks and doubled quotes, uneven rows and blank lines.  The
 * encoding is UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
 * "Unicode text"), or GB18030 (which reads GBK and GB2312 too) when the
 * start of the file is not valid UTF-8; a caller may force one.  The
 * separator is a comma, or a tab or semicolon when the header row has
 * more of those.  Memory is bounded by the longest row, not the file.
 */

#define G_LOG_DOMAIN "jd-csv"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-table-reader.h"

#define SAMPLE_SIZE   (256 * 1024)
#define CHUNK_SIZE    (64 * 1024)
#define MAX_FIELD     (4 * 1024 * 1024)
#define MAX_FIELDS    16384

typedef struct
{
  JdTableReader  parent;

  GInputStream  *stream;
  goffset        size;
  goffset        consumed;
  gboolean       eof;
  gboolean       done;

  GIConv         conv;           /* (GIConv)-1 for UTF-8 */
  char          *encoding;

  guint8        *raw;            /* undecoded bytes */
  gsize          raw_len;

  GByteArray    *text;           /* decoded UTF-8 */
  gsize          text_pos;

  char           delimiter;
  guint          row;
  GString       *field;
  GError        *read_error;
} CsvReader;

G_DEFINE_QUARK (jd-table-error-quark, jd_table_error)

static void
csv_reader_free (JdTableReader *reader)
{
  CsvReader *self = (CsvReader *)reader;

  g_clear_object (&self->stream);
  if (self->conv != (GIConv)-1)
    g_iconv_close (self->conv);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->raw, g_free);
  g_clear_pointer (&self->text, g_byte_array_unref);
  if (self->field != NULL)
    g_string_free (self->field, TRUE);
  g_clear_error (&self->read_error);
  g_free (self);
}

/* Reads until @want bytes are buffered in raw, or the end. */
static gboolean
fill_raw (CsvReader  *self,
          gsize       want,
          GError    **error)
{
  while (!self->eof && self->raw_len < want)
    {
      gssize n = g_input_stream_read (self->stream, self->raw + self->raw_len,
                                      want - self->raw_len, NULL, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        self->eof = TRUE;
      self->raw_len += n;
      self->consumed += n;
    }

  return TRUE;
}

/* Moves raw bytes into the decoded text buffer. */
static gboolean
decode_raw (CsvReader  *self,
            GError    **error)
{
  if (self->conv == (GIConv)-1)
    {
      g_byte_array_append (self->text, self->raw, self->raw_len);
      self->raw_len = 0;
      return TRUE;
    }

  while (self->raw_len > 0)
    {
      char out[CHUNK_SIZE];
      char *inbuf = (char *)self->raw;
      gsize inleft = self->raw_len;
      char *outbuf = out;
      gsize outleft = sizeof out;
      gsize r;

      r = g_iconv (self->conv, &inbuf, &inleft, &outbuf, &outleft);
      g_byte_array_append (self->text, (guint8 *)out, sizeof out - outleft);
      memmove (self->raw, inbuf, inleft);
      self->raw_len = inleft;

      if (r == (gsize)-1)
        {
          if (errno == E2BIG)
            continue;
          if (errno == EINVAL && !self->eof)
            break;   /* a character cut by the chunk end: wait for the rest */

          g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_ENCODING,
                       _("The file is not valid %s text after row %u"),
                       self->encoding, self->row);
          return FALSE;
        }
    }

  return TRUE;
}

/* Returns the next decoded byte, or -1 at the end (or on a read error,
 * kept in read_error). */
static inline int
next_byte (CsvReader *self)
{
  if (G_UNLIKELY (self->text_pos >= self->text->len))
    {
      g_byte_array_set_size (self->text, 0);
      self->text_pos = 0;

      while (self->text->len == 0)
        {
          if (self->eof && self->raw_len == 0)
            return -1;
          if (!fill_raw (self, CHUNK_SIZE, &self->read_error) ||
              !decode_raw (self, &self->read_error))
            return -1;
          if (self->eof && self->raw_len > 0 && self->text->len == 0)
            {
              g_set_error (&self->read_error, JD_TABLE_ERROR, JD_TABLE_ERROR_ENCODING,
                           _("The file ends in the middle of a character; is it really %s?"),
                           self->encoding);
              return -1;
            }
        }
    }

  return self->text->data[self->text_pos++];
}

static inline int
peek_byte (CsvReader *self)
{
  int c = next_byte (self);

  if (c >= 0)
    self->text_pos--;

  return c;
}

static gboolean
push_field (CsvReader  *self,
            GPtrArray  *cells,
            GError    **error)
{
  if (!g_utf8_validate_len (self->field->str, self->field->len, NULL))
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_ENCODING,
                   _("Row %u is not valid %s text"),
                   self->row, self->encoding);
      return FALSE;
    }

  if (self->parent.max_columns > 0 && cells->len >= self->parent.max_columns)
    {
      self->parent.dropped_cells |= self->field->len > 0;
      g_string_truncate (self->field, 0);
      return TRUE;
    }

  if (cells->len >= MAX_FIELDS)
    {
      g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG,
                   _("Row %u has more than %d columns"), self->row, MAX_FIELDS);
      return FALSE;
    }

  g_ptr_array_add (cells, g_strndup (self->field->str, self->field->len));
  g_string_truncate (self->field, 0);

  return TRUE;
}

static gboolean
csv_next_row (JdTableReader  *reader,
              GPtrArray      *cells,
              guint          *row_number,
              GError        **error)
{
  CsvReader *self = (CsvReader *)reader;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;
  gboolean any = FALSE;
  guint start_row;

  g_ptr_array_set_size (cells, 0);
  g_string_truncate (self->field, 0);
  reader->dropped_cells = FALSE;

  if (self->done)
    return FALSE;

  self->row++;
  start_row = self->row;

  for (;;)
    {
      int c = next_byte (self);

      if (c < 0)
        {
          if (self->read_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&self->read_error));
              return FALSE;
            }
          self->done = TRUE;
          if (quoted)
            {
              g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_FORMAT,
                           _("Row %u: a quoted field is not closed before the end of the file"),
                           start_row);
              return FALSE;
            }
          if (!any)
            return FALSE;
          if (!push_field (self, cells, error))
            return FALSE;
          break;
        }

      any = TRUE;

      if (c == 0)
        continue;

      if (quoted)
        {
          if (c == '"')
            {
              if (peek_byte (self) == '"')
                {
                  next_byte (self);
                  g_string_append_c (self->field, '"');
                }
              else
                quoted = FALSE;
            }
          else if (c == '\r')
            {
              if (peek_byte (self) == '\n')
                next_byte (self);
              g_string_append_c (self->field, '\n');
            }
          else
            g_string_append_c (self->field, c);
        }
      else if (c == self->delimiter)
        {
          if (!push_field (self, cells, error))
            return FALSE;
          was_quoted = FALSE;
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && peek_byte (self) == '\n')
            next_byte (self);
          if (!push_field (self, cells, error))
            return FALSE;
          break;
        }
      else if (c == '"' && self->field->len == 0 && !was_quoted)
        quoted = was_quoted = TRUE;
      else
        g_string_append_c (self->field, c);

      if (G_UNLIKELY (self->field->len > MAX_FIELD))
        {
          g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_TOO_BIG,
                       _("Row %u has a field longer than %d MB (a quote that is never closed?)"),
                       start_row, MAX_FIELD / (1024 * 1024));
          return FALSE;
        }
    }

  /* A line break inside quotes is part of the row, as Excel shows it. */
  *row_number = start_row;
  return TRUE;
}

static double
csv_progress (JdTableReader *reader)
{
  CsvReader *self = (CsvReader *)reader;

  if (self->size <= 0)
    return 0.0;

  return CLAMP ((double)(self->consumed - self->raw_len) / self->size, 0.0, 1.0);
}

static gboolean
csv_open_table (JdTableReader  *reader,
                guint           index,
                GError        **error)
{
  return index == 0;
}

static char
detect_delimiter (const guint8 *text,
                  gsize         len)
{
  gsize counts[3] = { 0, 0, 0 };
  const char delimiters[3] = { ',', '\t', ';' };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && (text[i] == '\n' || text[i] == '\r'))
        {
          /* The first row with anything in it decides. */
          if (counts[0] + counts[1] + counts[2] > 0)
            break;
        }
      else if (!quoted)
        for (guint d = 0; d < 3; d++)
          if (text[i] == delimiters[d])
            counts[d]++;
    }

  for (guint d = 1; d < 3; d++)
    if (counts[d] > counts[best])
      best = d;

  return delimiters[best];
}

static const char *
canonical_encoding (const char *name)
{
  if (g_ascii_strcasecmp (name, "utf8") == 0 || g_ascii_strcasecmp (name, "utf-8") == 0)
    return "UTF-8";
  /* GB18030 is a superset of GBK and GB2312, and what Excel really writes
   * under those names (CP936 with a few extras). */
  if (g_ascii_strcasecmp (name, "gbk") == 0 || g_ascii_strcasecmp (name, "gb2312") == 0 ||
      g_ascii_strcasecmp (name, "cp936") == 0 || g_ascii_strcasecmp (name, "gb18030") == 0)
    return "GB18030";
  return NULL;
}

/* Valid UTF-8, allowing a character cut off by the end of the sample.
 * NUL bytes are skipped here as the parser skips them: a stray one in a
 * UTF-8 file does not make it GB18030. */
static gboolean
looks_like_utf8 (const guint8 *data,
                 gsize         len,
                 gboolean      complete)
{
  const guint8 *p = data;
  const guint8 *end = data + len;

  while (p < end)
    {
      const guint8 *nul = memchr (p, '\0', end - p);
      const guint8 *stop = nul != NULL ? nul : end;
      const char *valid_end = NULL;

      if (!g_utf8_validate_len ((const char *)p, stop - p, &valid_end))
        return nul == NULL && !complete && (gsize)(end - (const guint8 *)valid_end) < 4;
      p = stop + (nul != NULL);
    }

  return TRUE;
}

/**
 * jd_csv_reader_new:
 * @stream: the CSV bytes
 * @size: the size of @stream for progress, or -1
 * @encoding: (nullable): "utf-8", "gb18030" (also "gbk", "gb2312") or any
 *   iconv name; %NULL detects
 *
 * Returns: (transfer full): a reader of one table
 */
JdTableReader *
jd_csv_reader_new (GInputStream  *stream,
                   goffset        size,
                   const char    *encoding,
                   GError       **error)
{
  CsvReader *self;
  const char *chosen = NULL;
  gsize skip = 0;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (CsvReader, 1);
  self->parent.n_tables = 1;
  self->parent.open_table = csv_open_table;
  self->parent.next_row = csv_next_row;
  self->parent.progress = csv_progress;
  self->parent.free = csv_reader_free;
  self->stream = g_object_ref (stream);
  self->size = size;
  self->conv = (GIConv)-1;
  self->raw = g_malloc (MAX (SAMPLE_SIZE, CHUNK_SIZE));
  self->text = g_byte_array_sized_new (CHUNK_SIZE * 4);
  self->field = g_string_sized_new (256);

  if (!fill_raw (self, SAMPLE_SIZE, error))
    {
      csv_reader_free (&self->parent);
      return NULL;
    }

  if (self->raw_len >= 3 && memcmp (self->raw, "\xEF\xBB\xBF", 3) == 0)
    {
      chosen = "UTF-8";
      skip = 3;
    }
  else if (self->raw_len >= 2 && (memcmp (self->raw, "\xFF\xFE", 2) == 0 ||
                                  memcmp (self->raw, "\xFE\xFF", 2) == 0))
    chosen = "UTF-16";

  if (encoding != NULL && encoding[0] != '\0')
    {
      const char *canonical = canonical_encoding (encoding);

      chosen = canonical != NULL ? canonical : encoding;
      /* A forced UTF-8 still drops the byte-order mark. */
      if (!g_str_equal (chosen, "UTF-8"))
        skip = 0;
    }
  else if (chosen == NULL)
    chosen = looks_like_utf8 (self->raw, self->raw_len, self->eof) ? "UTF-8" : "GB18030";

  self->encoding = g_strdup (chosen);
  self->parent.encoding = self->encoding;

  if (!g_str_equal (chosen, "UTF-8"))
    {
      self->conv = g_iconv_open ("UTF-8", chosen);
      if (self->conv == (GIConv)-1)
        {
          g_set_error (error, JD_TABLE_ERROR, JD_TABLE_ERROR_ENCODING,
                       _("Unknown text encoding “%s”"), encoding != NULL ? encoding : chosen);
          csv_reader_free (&self->parent);
          return NULL;
        }
    }

  memmove (self->raw, self->raw + skip, self->raw_len - skip);
  self->raw_len -= skip;

  if (!decode_raw (self, error))
    {
      csv_reader_free (&self->parent);
      return NULL;
    }

  self->delimiter = detect_delimiter (self->text->data, self->text->len);

  return &self->parent;
}

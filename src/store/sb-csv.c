/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-csv.h"

/*
 * CSV as people's spreadsheets really write it: RFC 4180 quoting (a field
 * in double quotes may hold separators, line ends and doubled quotes), a
 * UTF-8 byte order mark or none, `;` (European Excel), `,` or a tab as
 * the separator, CRLF, LF or CR line ends, no line end after the last
 * record, blank lines anywhere.
 *
 * The reader is lenient where a spreadsheet would be (a quote inside an
 * unquoted field is kept as it is; text after the closing quote of a
 * field is kept) and strict where guessing would lose data: text that is
 * neither UTF-8 nor Windows-1252, and a quote that is never closed, are
 * refused with the line to look at.
 *
 * Encoding: a file that is valid UTF-8 is read as UTF-8. A file without a
 * byte order mark in which no byte sequence is UTF-8 at all (only single
 * bytes above 127) was written by a spreadsheet on Windows in its "ANSI"
 * code page and is converted from Windows-1252. A file that mixes UTF-8
 * with invalid bytes is damaged and refused with the line of the first
 * invalid byte.
 */

struct _SbCsvReader
{
  char          *text;       /* the whole file, UTF-8, without BOM */
  gsize          length;
  gsize          pos;
  guint          line;       /* physical line at pos, from 1 */
  char           separator;
  SbCsvEncoding  encoding;
  gboolean       had_bom;
};

G_DEFINE_QUARK (sb-csv-error-quark, sb_csv_error)

/* Windows-1252 for the bytes 0x80–0x9F; 0 where the code page leaves a
 * byte undefined. 0xA0–0xFF are the same as in Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The physical line (from 1) of the byte at @offset: CRLF, LF and a lone
 * CR each end a line. */
static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
      else if (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n'))
        line++;
    }

  return line;
}

static gboolean
set_encoding_error (GError    **error,
                    const char *data,
                    gsize       offset)
{
  guint line = line_at (data, offset);

  if (data[offset] == '\0')
    g_set_error (error, SB_CSV_ERROR, SB_CSV_ERROR_ENCODING,
                 _("Line %u holds a zero byte: this is not a text file. "
                   "Save the spreadsheet as CSV and choose that file."),
                 line);
  else
    g_set_error (error, SB_CSV_ERROR, SB_CSV_ERROR_ENCODING,
                 _("Line %u is not valid UTF-8 text. Save the file again "
                   "as “CSV UTF-8” and import that file."),
                 line);

  return FALSE;
}

static char *
convert_from_cp1252 (const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(GString) out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar)data[i];

      if (c == 0)
        {
          set_encoding_error (error, data, i);
          return NULL;
        }
      else if (c < 0x80)
        g_string_append_c (out, (char)c);
      else if (c < 0xA0)
        {
          if (cp1252_high[c - 0x80] == 0)
            {
              set_encoding_error (error, data, i);
              return NULL;
            }
          g_string_append_unichar (out, cp1252_high[c - 0x80]);
        }
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether any multi-byte sequence in @data is valid UTF-8: then the file
 * is UTF-8, and an invalid byte elsewhere means it is damaged. */
static gboolean
has_utf8_sequence (const char *data,
                   gsize       length)
{
  gsize i = 0;

  while (i < length)
    {
      guchar c = (guchar)data[i];
      gunichar ch;

      if (c < 0x80)
        {
          i++;
          continue;
        }

      ch = g_utf8_get_char_validated (data + i, length - i);
      if (ch != (gunichar)-1 && ch != (gunichar)-2)
        return TRUE;
      i++;
    }

  return FALSE;
}

static gboolean
decode (SbCsvReader  *self,
        const char   *data,
        gsize         length,
        GError      **error)
{
  const char *end = NULL;

  if (length >= 2 &&
      (((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE) ||
       ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)))
    {
      g_set_error_literal (error, SB_CSV_ERROR, SB_CSV_ERROR_ENCODING,
                           _("The file is UTF-16 text (“Unicode text” in a "
                             "spreadsheet). Save it as “CSV UTF-8” and import "
                             "that file."));
      return FALSE;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      self->had_bom = TRUE;
      data += 3;
      length -= 3;
    }

  if (g_utf8_validate_len (data, length, &end))
    {
      self->text = g_strndup (data, length);
      self->length = length;
      self->encoding = SB_CSV_ENCODING_UTF8;
      return TRUE;
    }

  if (self->had_bom || *end == '\0' || has_utf8_sequence (data, length))
    return set_encoding_error (error, data, end - data);

  self->text = convert_from_cp1252 (data, length, error);
  if (self->text == NULL)
    return FALSE;

  self->length = strlen (self->text);
  self->encoding = SB_CSV_ENCODING_WINDOWS_1252;

  return TRUE;
}

/* The separator is the most frequent of `;`, `,` and tab outside quotes
 * in the first record (the header); `,` when there is none at all. On a
 * tie `;` wins, as a spreadsheet that writes `;` writes decimal commas. */
static char
detect_separator (const char *text,
                  gsize       length)
{
  guint n_semicolon = 0;
  guint n_comma = 0;
  guint n_tab = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        {
          /* Blank lines before the header do not count as the header. */
          if (n_semicolon + n_comma + n_tab > 0)
            break;
        }
      else if (c == ';')
        n_semicolon++;
      else if (c == ',')
        n_comma++;
      else if (c == '\t')
        n_tab++;
    }

  if (n_semicolon == 0 && n_comma == 0 && n_tab == 0)
    return ',';
  if (n_semicolon >= n_comma && n_semicolon >= n_tab)
    return ';';
  if (n_comma >= n_tab)
    return ',';

  return '\t';
}

static void
set_too_large_error (GError  **error,
                     guint64   length)
{
  g_autofree char *size = g_format_size (length);

  g_set_error (error, SB_CSV_ERROR, SB_CSV_ERROR_TOO_LARGE,
               _("The file is too large to import (%s); a CSV file of "
                 "up to 64 MB can be read."),
               size);
}

static SbCsvReader *
reader_new (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(SbCsvReader) self = NULL;

  if (length > SB_CSV_MAX_SIZE)
    {
      set_too_large_error (error, length);
      return NULL;
    }

  self = g_new0 (SbCsvReader, 1);

  if (!decode (self, data, length, error))
    return NULL;

  self->line = 1;
  self->separator = detect_separator (self->text, self->length);

  return g_steal_pointer (&self);
}

/* Consumes a line end at pos (CRLF, LF or CR); returns whether there was
 * one. */
static gboolean
consume_line_end (SbCsvReader *self)
{
  char c = self->text[self->pos];

  if (c == '\r')
    {
      self->pos++;
      if (self->pos < self->length && self->text[self->pos] == '\n')
        self->pos++;
      self->line++;
      return TRUE;
    }

  if (c == '\n')
    {
      self->pos++;
      self->line++;
      return TRUE;
    }

  return FALSE;
}

/* Reads a quoted field's content after its opening quote, up to and
 * including the closing quote. Line ends inside are kept as LF. */
static gboolean
read_quoted (SbCsvReader  *self,
             GString      *field,
             GError      **error)
{
  guint opened_on = self->line;

  while (self->pos < self->length)
    {
      char c = self->text[self->pos];

      if (c == '"')
        {
          if (self->pos + 1 < self->length && self->text[self->pos + 1] == '"')
            {
              g_string_append_c (field, '"');
              self->pos += 2;
              continue;
            }

          self->pos++;
          return TRUE;
        }

      if (consume_line_end (self))
        {
          g_string_append_c (field, '\n');
          continue;
        }

      g_string_append_c (field, c);
      self->pos++;
    }

  g_set_error (error, SB_CSV_ERROR, SB_CSV_ERROR_UNTERMINATED_QUOTE,
               _("Line %u opens a quoted field that is never closed: a "
                 "quote mark (\") is missing, or one inside the text is not "
                 "doubled (\"\")."),
               opened_on);
  return FALSE;
}

static gboolean
row_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);

      if (field != NULL && *field != '\0')
        return FALSE;
    }

  return TRUE;
}

/**
 * sb_csv_reader_new_from_data:
 * @data: the bytes of a CSV file
 * @length: the length of @data, or -1 when it ends with a zero byte
 * @error: return location for a #GError
 *
 * Makes a reader over a copy of @data: skips a UTF-8 byte order mark,
 * checks the encoding (converting Windows-1252 when the file holds no
 * UTF-8 at all) and detects the separator from the header line.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with @error set
 *   when the text cannot be read
 */
SbCsvReader *
sb_csv_reader_new_from_data (const char  *data,
                             gssize       length,
                             GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  return reader_new (data ? data : "", length, error);
}

/**
 * sb_csv_reader_new_from_bytes:
 * @bytes: the bytes of a CSV file
 * @error: return location for a #GError
 *
 * Like sb_csv_reader_new_from_data(), for a #GBytes.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with @error set
 */
SbCsvReader *
sb_csv_reader_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  return reader_new (data ? data : "", length, error);
}

/**
 * sb_csv_reader_new_for_file:
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads all of @file and makes a reader over it. Files larger than
 * %SB_CSV_MAX_SIZE are refused.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with @error set
 */
SbCsvReader *
sb_csv_reader_new_for_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);

  /* Look at the size first, so a huge file is not read into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > SB_CSV_MAX_SIZE)
    {
      set_too_large_error (error, g_file_info_get_size (info));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, SB_CSV_ERROR, SB_CSV_ERROR_IO,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return reader_new (contents, length, error);
}

/**
 * sb_csv_reader_free:
 * @self: (nullable): a reader
 *
 * Frees the reader and its copy of the text.
 */
void
sb_csv_reader_free (SbCsvReader *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self);
}

/**
 * sb_csv_reader_get_separator:
 * @self: a reader
 *
 * Returns: the separator found in the header line: `;`, `,` or a tab
 */
char
sb_csv_reader_get_separator (SbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

/**
 * sb_csv_table_row_free:
 * @row: (transfer full) (nullable): a row of sb_csv_read_table()
 */
void
sb_csv_table_row_free (SbCsvTableRow *row)
{
  if (row == NULL)
    return;

  g_strfreev (row->cells);
  g_free (row);
}

static void
strip_all (char **cells)
{
  for (guint c = 0; cells[c] != NULL; c++)
    g_strstrip (cells[c]);
}

/**
 * sb_csv_read_table:
 * @file: a CSV file
 * @out_header: (out) (transfer full): the column names, stripped
 * @out_header_line: (out): the line the header is on
 * @rows: where the rows go, as #SbCsvTableRow (free them with
 *   sb_csv_table_row_free()), cells stripped
 * @out_encoding: (out): the encoding the file was read in
 * @error: return location for a #GError
 *
 * Reads the whole of @file as the imports do. A file without even a
 * line of column names is refused with %SB_CSV_ERROR_IO, saying so.
 *
 * Returns: %TRUE when the file was read
 */
gboolean
sb_csv_read_table (GFile          *file,
                   char         ***out_header,
                   guint          *out_header_line,
                   GPtrArray      *rows,
                   SbCsvEncoding  *out_encoding,
                   GError        **error)
{
  g_autoptr(SbCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  char **cells = NULL;
  guint line = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (out_header != NULL && out_header_line != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader = sb_csv_reader_new_for_file (file, NULL, error);
  if (reader == NULL)
    return FALSE;

  if (!sb_csv_reader_next_row (reader, out_header, out_header_line, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, SB_CSV_ERROR, SB_CSV_ERROR_IO,
                   _("“%s” is empty: a CSV file starts with a line of column names"), name);
      return FALSE;
    }
  strip_all (*out_header);

  while (sb_csv_reader_next_row (reader, &cells, &line, &local_error))
    {
      SbCsvTableRow *row = g_new (SbCsvTableRow, 1);

      row->line = line;
      row->cells = g_steal_pointer (&cells);
      row->n_cells = g_strv_length (row->cells);
      strip_all (row->cells);
      g_ptr_array_add (rows, row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (out_encoding != NULL)
    *out_encoding = sb_csv_reader_get_encoding (reader);

  return TRUE;
}

/**
 * sb_csv_reader_get_encoding:
 * @self: a reader
 *
 * Returns: the encoding the file was read in
 */
SbCsvEncoding
sb_csv_reader_get_encoding (SbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, SB_CSV_ENCODING_UTF8);

  return self->encoding;
}

/**
 * sb_csv_reader_get_had_bom:
 * @self: a reader
 *
 * Returns: whether the file started with a UTF-8 byte order mark
 */
gboolean
sb_csv_reader_get_had_bom (SbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->had_bom;
}

/**
 * sb_csv_reader_next_row:
 * @self: a reader
 * @out_row: (out) (transfer full): the fields of the next record
 * @out_line: (out) (optional): the physical line the record starts on,
 *   from 1, for messages
 * @error: return location for a #GError
 *
 * Reads the next record. Blank lines, and records whose fields are all
 * empty (as spreadsheets write after the data), are skipped. Fields are
 * returned as written, without trimming; line ends inside quoted fields
 * become LF.
 *
 * Returns: %TRUE with a record in @out_row; %FALSE at the end of the text
 *   (@error unset) or when the text cannot be read (@error set)
 */
gboolean
sb_csv_reader_next_row (SbCsvReader   *self,
                        char        ***out_row,
                        guint         *out_line,
                        GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_row = NULL;

  while (self->pos < self->length)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) field = g_string_new (NULL);
      guint start_line = self->line;
      gboolean at_field_start = TRUE;
      gboolean record_done = FALSE;

      while (!record_done)
        {
          char c;

          if (self->pos >= self->length)
            break;

          c = self->text[self->pos];

          if (at_field_start && c == '"')
            {
              self->pos++;
              if (!read_quoted (self, field, error))
                return FALSE;
              at_field_start = FALSE;
            }
          else if (c == self->separator)
            {
              g_ptr_array_add (fields, g_strdup (field->str));
              g_string_truncate (field, 0);
              at_field_start = TRUE;
              self->pos++;
            }
          else if (consume_line_end (self))
            record_done = TRUE;
          else
            {
              g_string_append_c (field, c);
              at_field_start = FALSE;
              self->pos++;
            }
        }

      g_ptr_array_add (fields, g_strdup (field->str));

      if (row_is_blank (fields))
        continue;

      g_ptr_array_add (fields, NULL);
      *out_row = (char **)g_ptr_array_steal (fields, NULL);
      if (out_line != NULL)
        *out_line = start_line;

      return TRUE;
    }

  return FALSE;
}

/**
 * sb_csv_write_start:
 * @out: the text being written
 * @flags: how to write
 *
 * Starts a CSV text: writes the UTF-8 byte order mark when @flags ask for
 * %SB_CSV_WRITE_BOM, nothing otherwise.
 */
void
sb_csv_write_start (GString         *out,
                    SbCsvWriteFlags  flags)
{
  g_return_if_fail (out != NULL);

  if (flags & SB_CSV_WRITE_BOM)
    g_string_append (out, "\xEF\xBB\xBF");
}

static void
write_field (GString    *out,
             const char *field,
             char        separator)
{
  gboolean needs_quotes = FALSE;

  if (field == NULL)
    return;

  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == separator || *p == '"' || *p == '\n' || *p == '\r')
        {
          needs_quotes = TRUE;
          break;
        }
    }

  /* Spaces at either end are lost by some readers unless quoted. */
  if (*field == ' ' || (*field != '\0' && field[strlen (field) - 1] == ' '))
    needs_quotes = TRUE;

  if (!needs_quotes)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * sb_csv_write_row:
 * @out: the text being written
 * @fields: (array length=n_fields): the fields; %NULL entries are written
 *   as empty fields
 * @n_fields: the number of fields, or -1 when @fields is %NULL-terminated
 * @separator: the separator, usually `,`
 * @flags: how to write; %SB_CSV_WRITE_CRLF for CRLF line ends
 *
 * Appends one record to @out with RFC 4180 quoting: a field holding the
 * separator, a quote or a line end is put in quotes, with quotes doubled.
 * @fields must be UTF-8.
 */
void
sb_csv_write_row (GString            *out,
                  const char * const *fields,
                  gssize              n_fields,
                  char                separator,
                  SbCsvWriteFlags     flags)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields <= 0);
  g_return_if_fail (separator != '"' && separator != '\n' && separator != '\r');

  if (n_fields < 0)
    n_fields = fields ? g_strv_length ((char **)fields) : 0;

  for (gssize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      write_field (out, fields[i], separator);
    }

  g_string_append (out, (flags & SB_CSV_WRITE_CRLF) ? "\r\n" : "\n");
}

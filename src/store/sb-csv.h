/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SB_CSV_ERROR (sb_csv_error_quark ())

/**
 * SbCsvError:
 * @SB_CSV_ERROR_ENCODING: the file is not UTF-8 text (nor Windows-1252)
 * @SB_CSV_ERROR_UNTERMINATED_QUOTE: a quoted field is never closed
 * @SB_CSV_ERROR_TOO_LARGE: the file is larger than a CSV file we read
 * @SB_CSV_ERROR_IO: the file could not be read or written
 *
 * Errors of the CSV reader and writer. Messages name the line.
 */
typedef enum
{
  SB_CSV_ERROR_ENCODING,
  SB_CSV_ERROR_UNTERMINATED_QUOTE,
  SB_CSV_ERROR_TOO_LARGE,
  SB_CSV_ERROR_IO,
} SbCsvError;

/**
 * SbCsvEncoding:
 * @SB_CSV_ENCODING_UTF8: the file was UTF-8 (with or without a BOM)
 * @SB_CSV_ENCODING_WINDOWS_1252: the file held no UTF-8 at all and was
 *   read as Windows-1252, what spreadsheets on Windows write by default
 */
typedef enum
{
  SB_CSV_ENCODING_UTF8,
  SB_CSV_ENCODING_WINDOWS_1252,
} SbCsvEncoding;

/**
 * SbCsvWriteFlags:
 * @SB_CSV_WRITE_DEFAULT: LF line ends, no byte order mark
 * @SB_CSV_WRITE_CRLF: CRLF line ends, as RFC 4180 asks
 * @SB_CSV_WRITE_BOM: start with a UTF-8 byte order mark, so spreadsheets
 *   on Windows recognise the encoding
 */
typedef enum
{
  SB_CSV_WRITE_DEFAULT = 0,
  SB_CSV_WRITE_CRLF    = 1 << 0,
  SB_CSV_WRITE_BOM     = 1 << 1,
} SbCsvWriteFlags;

/* Larger CSV files are refused: a catalogue is a few hundred lines. */
#define SB_CSV_MAX_SIZE (64 * 1024 * 1024)

typedef struct _SbCsvReader SbCsvReader;

GQuark         sb_csv_error_quark             (void);

SbCsvReader   *sb_csv_reader_new_from_bytes   (GBytes        *bytes,
                                               GError       **error);
SbCsvReader   *sb_csv_reader_new_from_data    (const char    *data,
                                               gssize         length,
                                               GError       **error);
SbCsvReader   *sb_csv_reader_new_for_file     (GFile         *file,
                                               GCancellable  *cancellable,
                                               GError       **error);
void           sb_csv_reader_free             (SbCsvReader   *self);

char           sb_csv_reader_get_separator    (SbCsvReader   *self);
SbCsvEncoding  sb_csv_reader_get_encoding     (SbCsvReader   *self);
gboolean       sb_csv_reader_get_had_bom      (SbCsvReader   *self);
gboolean       sb_csv_reader_next_row         (SbCsvReader   *self,
                                               char        ***out_row,
                                               guint         *out_line,
                                               GError       **error);

/* A whole file read as a table, as the imports read it: the header and
 * every row, their cells stripped of surrounding space. */
typedef struct
{
  guint   line;
  guint   n_cells;
  char  **cells;
} SbCsvTableRow;

void           sb_csv_table_row_free          (SbCsvTableRow *row);
gboolean       sb_csv_read_table              (GFile         *file,
                                               char        ***out_header,
                                               guint         *out_header_line,
                                               GPtrArray     *rows,
                                               SbCsvEncoding *out_encoding,
                                               GError       **error);

void           sb_csv_write_start             (GString       *out,
                                               SbCsvWriteFlags flags);
void           sb_csv_write_row               (GString       *out,
                                               const char * const *fields,
                                               gssize         n_fields,
                                               char           separator,
                                               SbCsvWriteFlags flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbCsvReader, sb_csv_reader_free)

G_END_DECLS

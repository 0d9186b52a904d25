/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sb-csv.h"
#include "sb-test-utils.h"

/* The CSV reader on what spreadsheets really write, and the writer. */

typedef struct
{
  char  **fields;   /* NULL-terminated */
  guint   line;
} Row;

static void
row_clear (Row *row)
{
  g_strfreev (row->fields);
}

/* Reads every record; fails the test on a read error. */
static GArray *
read_all (const char *data,
          gssize      length,
          char       *out_separator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbCsvReader) reader = NULL;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  Row row = { 0 };

  g_array_set_clear_func (rows, (GDestroyNotify)row_clear);

  reader = sb_csv_reader_new_from_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);

  while (sb_csv_reader_next_row (reader, &row.fields, &row.line, &error))
    g_array_append_val (rows, row);
  g_assert_no_error (error);

  if (out_separator != NULL)
    *out_separator = sb_csv_reader_get_separator (reader);

  return rows;
}

/* Reads until the error; returns it. */
static GError *
read_error (const char *data,
            gssize      length)
{
  GError *error = NULL;
  g_autoptr(SbCsvReader) reader = NULL;
  char **fields = NULL;

  reader = sb_csv_reader_new_from_data (data, length, &error);
  if (reader == NULL)
    {
      g_assert_nonnull (error);
      return error;
    }

  while (sb_csv_reader_next_row (reader, &fields, NULL, &error))
    g_clear_pointer (&fields, g_strfreev);

  g_assert_nonnull (error);
  g_assert_null (fields);

  return error;
}

static void
assert_row (GArray     *rows,
            guint       index,
            guint       line,
            const char *first,
            ...)
{
  Row *row;
  va_list args;
  const char *expected;
  guint i = 0;

  g_assert_cmpuint (index, <, rows->len);
  row = &g_array_index (rows, Row, index);
  g_assert_cmpuint (row->line, ==, line);

  va_start (args, first);
  for (expected = first; expected != NULL; expected = va_arg (args, const char *))
    {
      g_assert_nonnull (row->fields[i]);
      g_assert_cmpstr (row->fields[i], ==, expected);
      i++;
    }
  va_end (args);

  g_assert_cmpuint (g_strv_length (row->fields), ==, i);
}

static void
test_reader_plain (void)
{
  g_autoptr(GArray) rows = NULL;
  char separator = 0;

  rows = read_all ("code,name,price\nEMAIL,Email,12.50\nWEB,Web hosting,\n", -1, &separator);

  g_assert_cmpint (separator, ==, ',');
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, 1, "code", "name", "price", NULL);
  assert_row (rows, 1, 2, "EMAIL", "Email", "12.50", NULL);
  assert_row (rows, 2, 3, "WEB", "Web hosting", "", NULL);
}

static void
test_reader_bom_semicolon_crlf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbCsvReader) reader = NULL;
  g_autoptr(GArray) rows = NULL;
  const char *data = "\xEF\xBB\xBF" "Code;Name;Price\r\nEMAIL;Correo electrónico;12,50\r\nWEB;Web, hosting;3";
  char separator = 0;

  /* Comma inside a field of a `;` file: the header decides. No final
   * line end: the last record still counts. */
  rows = read_all (data, -1, &separator);
  g_assert_cmpint (separator, ==, ';');
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, 1, "Code", "Name", "Price", NULL);
  assert_row (rows, 1, 2, "EMAIL", "Correo electrónico", "12,50", NULL);
  assert_row (rows, 2, 3, "WEB", "Web, hosting", "3", NULL);

  reader = sb_csv_reader_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_true (sb_csv_reader_get_had_bom (reader));
  g_assert_cmpint (sb_csv_reader_get_encoding (reader), ==, SB_CSV_ENCODING_UTF8);
}

static void
test_reader_quotes (void)
{
  g_autoptr(GArray) rows = NULL;
  const char *data =
    "code,description,notes\r\n"
    "EMAIL,\"Mail, calendars\r\nand contacts\",\"She said \"\"hi\"\"\"\r\n"
    "\"WEB\",\"\",\"three\nline\nnote\"\r\n"
    "LAN,5\" cable,\"quoted\" tail\r\n"
    "\"A;B\",\"\"\"\",x\r\n";

  rows = read_all (data, -1, NULL);
  g_assert_cmpuint (rows->len, ==, 5);
  assert_row (rows, 0, 1, "code", "description", "notes", NULL);
  /* Line ends inside quotes become LF and count as physical lines. */
  assert_row (rows, 1, 2, "EMAIL", "Mail, calendars\nand contacts", "She said \"hi\"", NULL);
  assert_row (rows, 2, 4, "WEB", "", "three\nline\nnote", NULL);
  /* Lenient as a spreadsheet: a quote inside an unquoted field is text,
   * and text after a closing quote is kept. */
  assert_row (rows, 3, 7, "LAN", "5\" cable", "quoted tail", NULL);
  assert_row (rows, 4, 8, "A;B", "\"", "x", NULL);
}

static void
test_reader_blank_lines (void)
{
  g_autoptr(GArray) rows = NULL;
  const char *data = "\n\ncode;name\n\nEMAIL;Email\n;\n  \nWEB;Web\n;;\n\r\n\n";

  rows = read_all (data, -1, NULL);
  /* A line of spaces is not blank: it is a record of one field. */
  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 0, 3, "code", "name", NULL);
  assert_row (rows, 1, 5, "EMAIL", "Email", NULL);
  assert_row (rows, 2, 7, "  ", NULL);
  assert_row (rows, 3, 8, "WEB", "Web", NULL);

  g_clear_pointer (&rows, g_array_unref);
  rows = read_all ("", 0, NULL);
  g_assert_cmpuint (rows->len, ==, 0);

  g_clear_pointer (&rows, g_array_unref);
  rows = read_all ("\r\n\r\n", -1, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_reader_separators (void)
{
  g_autoptr(GArray) rows = NULL;
  char separator = 0;

  rows = read_all ("code\tname\tnote\nEMAIL\tEmail\ta, b; c\n", -1, &separator);
  g_assert_cmpint (separator, ==, '\t');
  assert_row (rows, 1, 2, "EMAIL", "Email", "a, b; c", NULL);

  /* Separators inside a quoted header name do not count. */
  g_clear_pointer (&rows, g_array_unref);
  rows = read_all ("\"a;b;c\",d,e\n1,2,3\n", -1, &separator);
  g_assert_cmpint (separator, ==, ',');
  assert_row (rows, 0, 1, "a;b;c", "d", "e", NULL);

  /* One column: no separator at all. */
  g_clear_pointer (&rows, g_array_unref);
  rows = read_all ("name\nAcme\n", -1, &separator);
  g_assert_cmpint (separator, ==, ',');
  assert_row (rows, 1, 2, "Acme", NULL);

  /* Old Mac line ends (CR alone). */
  g_clear_pointer (&rows, g_array_unref);
  rows = read_all ("a;b\rc;d\r", -1, &separator);
  g_assert_cmpint (separator, ==, ';');
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 1, 2, "c", "d", NULL);
}

static void
test_reader_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;

  /* UTF-8 elsewhere in the file: an invalid byte is damage, not another
   * encoding. */
  error = read_error ("code,name\nEMAIL,Correo electrónico\nWEB,Web \xC3\x28 bad\n", -1);
  g_assert_error (error, SB_CSV_ERROR, SB_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  /* A byte order mark promises UTF-8. */
  error = read_error ("\xEF\xBB\xBF" "code\nA\n\nB\xE9\n", -1);
  g_assert_error (error, SB_CSV_ERROR, SB_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 4"));
  g_clear_error (&error);

  /* A zero byte: not a text file. */
  error = read_error ("code\r\nA\r\nB\0C\r\n", 13);
  g_assert_error (error, SB_CSV_ERROR, SB_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);

  /* UTF-16, as "Unicode text" from a spreadsheet. */
  error = read_error ("\xFF\xFE" "c\0o\0d\0e\0", 10);
  g_assert_error (error, SB_CSV_ERROR, SB_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
  g_clear_error (&error);

  /* Windows-1252 with a byte the code page leaves undefined. */
  error = read_error ("name\nCaf\xE9\nX\x81Y\n", -1);
  g_assert_error (error, SB_CSV_ERROR, SB_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

static void
test_reader_windows_1252 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbCsvReader) reader = NULL;
  g_autoptr(GArray) rows = NULL;
  const char *data = "name;contact\r\nCaf\xE9 M\xFCller;\x93Jos\xE9\x94 \x96 \x80" "5\r\n";

  rows = read_all (data, -1, NULL);
  assert_row (rows, 1, 2, "Café Müller", "“José” – €5", NULL);

  reader = sb_csv_reader_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_csv_reader_get_encoding (reader), ==, SB_CSV_ENCODING_WINDOWS_1252);
}

static void
test_reader_unterminated_quote (void)
{
  g_autoptr(GError) error = NULL;

  error = read_error ("code,name\nEMAIL,Email\nWEB,\"Web\nhosting\n\nLAN,Local\n", -1);
  g_assert_error (error, SB_CSV_ERROR, SB_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "Line 3 "));
  g_clear_error (&error);

  /* After a quoted field with line ends, the line is still right. */
  error = read_error ("a,b\r\n\"x\r\ny\",z\r\n1,\"open", -1);
  g_assert_error (error, SB_CSV_ERROR, SB_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "Line 4 "));
}

static void
test_reader_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "in.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(SbCsvReader) reader = NULL;
  char **fields = NULL;
  guint line = 0;

  g_assert_true (g_file_set_contents (path, "a;b\n1;2", -1, &error));
  g_assert_no_error (error);

  reader = sb_csv_reader_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sb_csv_reader_next_row (reader, &fields, &line, &error));
  g_strfreev (fields);
  g_assert_true (sb_csv_reader_next_row (reader, &fields, &line, &error));
  g_assert_cmpstr (fields[1], ==, "2");
  g_assert_cmpuint (line, ==, 2);
  g_strfreev (fields);
  g_assert_false (sb_csv_reader_next_row (reader, &fields, &line, &error));
  g_assert_no_error (error);
  g_assert_null (fields);

  g_assert_null (sb_csv_reader_new_for_file (missing_file, NULL, &error));
  g_assert_error (error, SB_CSV_ERROR, SB_CSV_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.csv"));

  sb_test_rm_rf (dir);
}

static void
check_round_trip (char            separator,
                  SbCsvWriteFlags flags)
{
  static const char *records[][5] = {
    { "code", "name", "description", "price", "note" },
    { "EMAIL", "Email; calendars, contacts", "Line one\nline two", "12.50", "" },
    { "WEB", "He said \"fine\"", "\"", " leading and trailing ", "tab\there" },
    { "LAN", "Ünïcødé – “quotes”", "a\n\nb", "", "x" },
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) rows = NULL;
  char read_separator = 0;

  sb_csv_write_start (out, flags);
  for (guint r = 0; r < G_N_ELEMENTS (records); r++)
    sb_csv_write_row (out, records[r], G_N_ELEMENTS (records[r]), separator, flags);

  g_assert_true (g_utf8_validate (out->str + ((flags & SB_CSV_WRITE_BOM) ? 3 : 0), -1, NULL));
  g_assert_true (g_str_has_suffix (out->str, (flags & SB_CSV_WRITE_CRLF) ? "x\r\n" : "x\n"));
  g_assert_cmpint (g_str_has_prefix (out->str, "\xEF\xBB\xBF"), ==, (flags & SB_CSV_WRITE_BOM) != 0);

  rows = read_all (out->str, out->len, &read_separator);
  g_assert_cmpint (read_separator, ==, separator);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (records));

  for (guint r = 0; r < G_N_ELEMENTS (records); r++)
    {
      Row *row = &g_array_index (rows, Row, r);

      g_assert_cmpuint (g_strv_length (row->fields), ==, 5);
      for (guint c = 0; c < 5; c++)
        g_assert_cmpstr (row->fields[c], ==, records[r][c]);
    }
}

static void
test_writer_round_trip (void)
{
  check_round_trip (',', SB_CSV_WRITE_DEFAULT);
  check_round_trip (',', SB_CSV_WRITE_CRLF | SB_CSV_WRITE_BOM);
  check_round_trip (';', SB_CSV_WRITE_CRLF);
  check_round_trip ('\t', SB_CSV_WRITE_BOM);
}

static void
test_writer_quoting (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *fields[] = { "plain", NULL, "a,b", "say \"hi\"", "two\nlines", "semi;colon" };

  sb_csv_write_row (out, fields, G_N_ELEMENTS (fields), ',', SB_CSV_WRITE_CRLF);
  /* Only what needs quotes gets them (RFC 4180); NULL is empty. */
  g_assert_cmpstr (out->str, ==,
                   "plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",semi;colon\r\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/csv/reader/plain", test_reader_plain);
  g_test_add_func ("/store/csv/reader/bom-semicolon-crlf", test_reader_bom_semicolon_crlf);
  g_test_add_func ("/store/csv/reader/quotes", test_reader_quotes);
  g_test_add_func ("/store/csv/reader/blank-lines", test_reader_blank_lines);
  g_test_add_func ("/store/csv/reader/separators", test_reader_separators);
  g_test_add_func ("/store/csv/reader/invalid-utf8", test_reader_invalid_utf8);
  g_test_add_func ("/store/csv/reader/windows-1252", test_reader_windows_1252);
  g_test_add_func ("/store/csv/reader/unterminated-quote", test_reader_unterminated_quote);
  g_test_add_func ("/store/csv/reader/file", test_reader_file);
  g_test_add_func ("/store/csv/writer/round-trip", test_writer_round_trip);
  g_test_add_func ("/store/csv/writer/quoting", test_writer_quoting);

  return g_test_run ();
}

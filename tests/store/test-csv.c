/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sb-catalog.h"
#include "sb-catalog-csv.h"
#include "sb-csv.h"
#include "sb-store-private.h"
#include "sb-test-utils.h"

/* The CSV reader on what spreadsheets really write, the writer, and the
 * import and export of services and customers built on them. */

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

/* ------------------------------------------------------------------ */
/* Services and customers                                              */

typedef struct
{
  char    *dir;
  char    *path;
  SbStore *store;
} Book;

static void
book_set_up (Book          *b,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  b->dir = sb_test_make_tmpdir ();
  b->path = g_build_filename (b->dir, "book.sqlite", NULL);
  b->store = sb_store_open (b->path, SB_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
book_tear_down (Book          *b,
                gconstpointer  data)
{
  g_clear_object (&b->store);
  sb_test_rm_rf (b->dir);
  g_free (b->dir);
  g_free (b->path);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static SbImportPreview *
preview_fixture (Book             *b,
                 SbCatalogCsvKind  kind,
                 const char       *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (name);
  SbImportPreview *preview = NULL;

  gboolean ok = sb_catalog_csv_preview_path (b->store, kind, path, &preview, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (preview);

  return preview;
}

static SbImportPreview *
preview_text (Book             *b,
              SbCatalogCsvKind  kind,
              const char       *text,
              gssize            length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (b->dir, "in.csv", NULL);
  SbImportPreview *preview = NULL;

  g_assert_true (g_file_set_contents (path, text, length, &error));
  g_assert_true (sb_catalog_csv_preview_path (b->store, kind, path, &preview, &error));
  g_assert_no_error (error);

  return preview;
}

static void
import_fixture (Book             *b,
                SbCatalogCsvKind  kind,
                const char       *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbImportPreview) preview = preview_fixture (b, kind, name);

  g_assert_false (sb_import_preview_has_problems (preview));
  g_assert_true (sb_catalog_csv_apply (b->store, preview, &error));
  g_assert_no_error (error);
}

static gint64
count (Book       *b,
       const char *sql)
{
  return sb_test_raw_count (b->path, sql);
}

static void
assert_counts (SbImportPreview *preview,
               guint            create,
               guint            update,
               guint            unchanged,
               guint            skip)
{
  g_autofree char *summary = sb_import_preview_summarize (preview);

  g_test_message ("%s", summary);
  g_assert_cmpuint (sb_import_preview_count (preview, SB_IMPORT_ACTION_CREATE), ==, create);
  g_assert_cmpuint (sb_import_preview_count (preview, SB_IMPORT_ACTION_UPDATE), ==, update);
  g_assert_cmpuint (sb_import_preview_count (preview, SB_IMPORT_ACTION_UNCHANGED), ==, unchanged);
  g_assert_cmpuint (sb_import_preview_count (preview, SB_IMPORT_ACTION_SKIP), ==, skip);
}

static const SbImportItem *
item_on_line (SbImportPreview *preview,
              guint            line)
{
  for (guint i = 0; i < sb_import_preview_get_n_items (preview); i++)
    {
      const SbImportItem *item = sb_import_preview_get_item (preview, i);

      if (item->line == line)
        return item;
    }

  g_error ("no item on line %u", line);
  return NULL;
}

static void
test_catalog_customers (Book          *b,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbImportPreview) preview = NULL;
  g_autoptr(SbCustomer) cafe = NULL;
  g_autoptr(SbCustomer) borealis = NULL;

  preview = preview_fixture (b, SB_CATALOG_CSV_CUSTOMERS, "customers.csv");
  assert_counts (preview, 3, 0, 0, 0);
  g_assert_cmpuint (item_on_line (preview, 4)->action, ==, SB_IMPORT_ACTION_CREATE);
  g_assert_cmpstr (item_on_line (preview, 4)->key, ==, "Café Central");
  g_assert_cmpint (count (b, "SELECT count(*) FROM customer"), ==, 0);

  g_assert_true (sb_catalog_csv_apply (b->store, preview, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (b, "SELECT count(*) FROM customer"), ==, 3);

  cafe = sb_catalog_find_customer (b->store, "café central");
  g_assert_nonnull (cafe);
  g_assert_cmpstr (sb_customer_get_status (cafe), ==, "inactive");
  g_assert_cmpstr (sb_customer_get_notes (cafe), ==, "Seasonal:\nclosed in August");
  g_assert_null (sb_customer_get_email (cafe));

  borealis = sb_catalog_find_customer (b->store, "Borealis Logistics");
  g_assert_cmpstr (sb_customer_get_email (borealis), ==, "jonas@borealis.example");
  g_assert_cmpstr (sb_customer_get_status (borealis), ==, "active");

  /* The same file again changes nothing. */
  g_clear_pointer (&preview, sb_import_preview_free);
  preview = preview_fixture (b, SB_CATALOG_CSV_CUSTOMERS, "customers.csv");
  assert_counts (preview, 0, 0, 3, 0);
}

static void
test_catalog_services (Book          *b,
                       gconstpointer  data)
{
  g_autoptr(SbService) email = NULL;
  g_autoptr(SbService) net = NULL;
  g_autoptr(SbService) backup = NULL;
  g_autoptr(SbImportPreview) preview = NULL;
  const char * const *ids;

  import_fixture (b, SB_CATALOG_CSV_CUSTOMERS, "customers.csv");

  preview = preview_fixture (b, SB_CATALOG_CSV_SERVICES, "services.csv");
  assert_counts (preview, 3, 0, 0, 0);
  /* Codes are stored in capitals; lines count the quoted line end. */
  g_assert_cmpstr (item_on_line (preview, 5)->key, ==, "BACKUP");
  g_assert_cmpstr (item_on_line (preview, 5)->name, ==, "Backup");
  g_clear_pointer (&preview, sb_import_preview_free);

  import_fixture (b, SB_CATALOG_CSV_SERVICES, "services.csv");
  g_assert_cmpint (count (b, "SELECT count(*) FROM service WHERE deleted = 0"), ==, 3);

  email = sb_catalog_find_service (b->store, "EMAIL");
  net = sb_catalog_find_service (b->store, "NET");
  backup = sb_catalog_find_service (b->store, "BACKUP");
  g_assert_nonnull (email);
  g_assert_nonnull (net);
  g_assert_nonnull (backup);

  g_assert_cmpstr (sb_service_get_name (email), ==, "Email and calendars");
  g_assert_cmpstr (sb_service_get_status (email), ==, "live");
  g_assert_cmpstr (sb_service_get_criticality (email), ==, "high");
  g_assert_cmpstr (sb_service_get_description (email), ==, "Mailboxes, shared calendars\nand contacts");
  g_assert_cmpstr (sb_service_get_outcomes (email), ==, "Staff can mail \"anyone\" from anywhere");
  g_assert_cmpstr (sb_service_get_calendar_name (email), ==, "Office hours");
  g_assert_cmpint (sb_service_get_price_amount (email), ==, 1250);
  g_assert_cmpstr (sb_service_get_price_currency (email), ==, "EUR");
  g_assert_cmpstr (sb_service_get_price_period (email), ==, "month");
  g_assert_cmpint (sb_service_get_availability_target (email), ==, 9950);
  g_assert_cmpint (sb_service_get_workload_limit (email), ==, 20);
  g_assert_true (sb_service_stops_clock_for (email, SB_HOLD_AWAITING_CUSTOMER));
  g_assert_true (sb_service_stops_clock_for (email, SB_HOLD_AWAITING_CHANGE));
  g_assert_false (sb_service_stops_clock_for (email, SB_HOLD_AWAITING_SUPPLIER));
  g_assert_cmpstr (sb_service_get_next_review (email), ==, "2027-01-15");
  g_assert_cmpint (sb_service_get_response_target (email, 1), ==, 30);
  g_assert_cmpint (sb_service_get_resolution_target (email, 1), ==, 240);
  g_assert_cmpint (sb_service_get_response_target (email, 3), ==, 120);
  g_assert_cmpint (sb_service_get_resolution_target (email, 5), ==, 2400);
  g_assert_cmpuint (g_strv_length ((char **)sb_service_get_customer_ids (email)), ==, 2);

  /* Dependencies on services further down the same file. */
  ids = sb_service_get_depends_on_ids (email);
  g_assert_cmpuint (g_strv_length ((char **)ids), ==, 2);
  g_assert_true (g_strv_contains (ids, sb_service_get_id (net)));
  g_assert_true (g_strv_contains (ids, sb_service_get_id (backup)));
  g_assert_true (g_strv_contains (sb_service_get_depends_on_ids (backup), sb_service_get_id (net)));

  g_assert_cmpint (sb_service_get_availability_target (net), ==, 9990);
  g_assert_cmpstr (sb_service_get_service_type (net), ==, "supporting");
  g_assert_cmpstr (sb_service_get_service_type (backup), ==, "third-party");
  g_assert_cmpstr (sb_service_get_status (backup), ==, "pipeline");
  g_assert_null (sb_service_get_price_currency (backup));
  g_assert_cmpint (sb_service_get_price_amount (backup), ==, -1);

  /* One transaction: one commit made every record. */
  g_assert_cmpint (count (b, "SELECT count(*) FROM service_dependency WHERE deleted = 0"), ==, 3);
}

static void
test_catalog_round_trip (Book          *b,
                         gconstpointer  data)
{
  const SbCatalogCsvKind kinds[] = { SB_CATALOG_CSV_CUSTOMERS, SB_CATALOG_CSV_SERVICES };

  import_fixture (b, SB_CATALOG_CSV_CUSTOMERS, "customers.csv");
  import_fixture (b, SB_CATALOG_CSV_SERVICES, "services.csv");

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SbImportPreview) preview = NULL;
      g_autofree char *out = g_build_filename (b->dir, "export.csv", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (out);
      g_autofree char *text = NULL;
      gint64 journal = count (b, "SELECT count(*) FROM sb_journal");

      g_assert_true (sb_catalog_csv_export_to_file (b->store, kinds[k], file,
                                                    SB_CSV_WRITE_CRLF | SB_CSV_WRITE_BOM, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (out, &text, NULL, &error));
      g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));

      if (kinds[k] == SB_CATALOG_CSV_SERVICES)
        {
          g_assert_true (g_str_has_prefix (text + 3, "Code,Name,Status,Type,Category,Owner,"));
          g_assert_nonnull (strstr (text, "P5 resolution (min)\r\n"));
          g_assert_nonnull (strstr (text, "\"Mailboxes, shared calendars\nand contacts\""));
          g_assert_nonnull (strstr (text, ",Office hours,Acme Dental; Borealis Logistics,"
                                          "BACKUP; NET,"));
          g_assert_nonnull (strstr (text, ",12.50,EUR,month,99.5,20,"));
          g_assert_nonnull (strstr (text, ",99.9,"));
        }
      else
        g_assert_true (g_str_has_prefix (text + 3, "Name,Contact person,Email,Phone,Status,Notes\r\n"));

      preview = preview_text (b, kinds[k], text, -1);
      assert_counts (preview, 0, 0, 3, 0);

      /* Applying an all-unchanged preview writes nothing. */
      g_assert_true (sb_catalog_csv_apply (b->store, preview, &error));
      g_assert_no_error (error);
      g_assert_cmpint (count (b, "SELECT count(*) FROM sb_journal"), ==, journal);

      bytes = sb_catalog_csv_export (b->store, kinds[k], SB_CSV_WRITE_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_false (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "\xEF\xBB\xBF"));
    }
}

static void
test_catalog_update (Book          *b,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbImportPreview) preview = NULL;
  g_autoptr(SbService) net = NULL;
  g_autoptr(SbService) email = NULL;
  const SbImportItem *item;

  import_fixture (b, SB_CATALOG_CSV_CUSTOMERS, "customers.csv");
  import_fixture (b, SB_CATALOG_CSV_SERVICES, "services.csv");

  /* Columns the file lacks stay as they are; codes match in any case. */
  preview = preview_text (b, SB_CATALOG_CSV_SERVICES,
                          "code;owner;p2 resolution\nnet;Pablo Díaz;240\nEmail;Ana Ruiz;480\n", -1);
  assert_counts (preview, 0, 1, 1, 0);
  item = item_on_line (preview, 2);
  g_assert_cmpuint (item->action, ==, SB_IMPORT_ACTION_UPDATE);
  g_assert_cmpstr (item->changes, ==, "Owner");
  g_assert_cmpuint (item_on_line (preview, 3)->action, ==, SB_IMPORT_ACTION_UNCHANGED);

  g_assert_true (sb_catalog_csv_apply (b->store, preview, &error));
  g_assert_no_error (error);

  net = sb_catalog_find_service (b->store, "NET");
  g_assert_cmpstr (sb_service_get_owner (net), ==, "Pablo Díaz");
  g_assert_cmpstr (sb_service_get_name (net), ==, "Network");
  g_assert_cmpint (sb_service_get_response_target (net, 1), ==, 15);
  email = sb_catalog_find_service (b->store, "EMAIL");
  g_assert_cmpuint (g_strv_length ((char **)sb_service_get_depends_on_ids (email)), ==, 2);

  /* The audit trail holds the one changed field. */
  g_assert_cmpint (count (b, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'service' "
                             "AND field = 'owner' AND new_value = 'Pablo Díaz'"), ==, 1);

  /* An empty cell clears the field. */
  g_clear_pointer (&preview, sb_import_preview_free);
  preview = preview_text (b, SB_CATALOG_CSV_SERVICES, "Code,Name,Owner\nNET,Network,\n", -1);
  assert_counts (preview, 0, 1, 0, 0);
  g_assert_true (sb_catalog_csv_apply (b->store, preview, &error));
  g_clear_object (&net);
  net = sb_catalog_find_service (b->store, "NET");
  g_assert_null (sb_service_get_owner (net));
}

static void
test_catalog_problems (Book          *b,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbImportPreview) preview = NULL;
  gint64 journal;
  struct
  {
    guint       line;
    const char *words[3];
  } expected[] = {
    { 3, { "unknown status “actve”", "pipeline, live, retiring or retired", NULL } },
    { 4, { "2026-02-30", "YYYY-MM-DD", NULL } },
    { 6, { "price “twelve”", "EUR", NULL } },
    { 7, { "unknown calendar “Weekends”", "Office hours", NULL } },
    { 8, { "unknown customer “Nobody Inc”", NULL } },
    { 9, { "unknown service code “PAYROLL”", NULL } },
  };

  import_fixture (b, SB_CATALOG_CSV_CUSTOMERS, "customers.csv");
  journal = count (b, "SELECT count(*) FROM sb_journal");

  preview = preview_fixture (b, SB_CATALOG_CSV_SERVICES, "services-problems.csv");
  assert_counts (preview, 2, 0, 0, 6);
  g_assert_true (sb_import_preview_has_problems (preview));
  g_assert_cmpuint (item_on_line (preview, 2)->action, ==, SB_IMPORT_ACTION_CREATE);
  /* DOCS depends on EMAIL, made by the same file. */
  g_assert_cmpuint (item_on_line (preview, 10)->action, ==, SB_IMPORT_ACTION_CREATE);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SbImportItem *item = item_on_line (preview, expected[i].line);

      g_test_message ("line %u: %s", item->line, item->problem);
      g_assert_cmpuint (item->action, ==, SB_IMPORT_ACTION_SKIP);
      g_assert_nonnull (item->problem);
      for (guint w = 0; expected[i].words[w] != NULL; w++)
        g_assert_nonnull (strstr (item->problem, expected[i].words[w]));
    }

  /* With problems, apply writes nothing at all. */
  g_assert_false (sb_catalog_csv_apply (b->store, preview, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_cmpint (count (b, "SELECT count(*) FROM service"), ==, 0);
  g_assert_cmpint (count (b, "SELECT count(*) FROM sb_journal"), ==, journal);

  /* A missing required column is named, on the header line. */
  g_clear_pointer (&preview, sb_import_preview_free);
  preview = preview_fixture (b, SB_CATALOG_CSV_SERVICES, "services-no-code.csv");
  g_assert_cmpuint (sb_import_preview_get_n_items (preview), ==, 1);
  g_assert_cmpuint (item_on_line (preview, 1)->action, ==, SB_IMPORT_ACTION_SKIP);
  g_assert_nonnull (strstr (item_on_line (preview, 1)->problem, "“Code”"));

  /* A duplicate, a cycle within the file, an unquoted separator, an
   * unknown column (a note, not a problem). */
  g_clear_pointer (&preview, sb_import_preview_free);
  preview = preview_text (b, SB_CATALOG_CSV_SERVICES,
                          "Code,Name,Depends on,Colour\n"
                          "A,Alpha,B,red\n"
                          "B,Beta,A,blue\n"
                          "C,Gamma,,green\n"
                          "c,Gamma again,,\n"
                          "D,Delta,,blue, green\n",
                          -1);
  g_assert_nonnull (strstr (item_on_line (preview, 2)->problem, "circle"));
  g_assert_nonnull (strstr (item_on_line (preview, 3)->problem, "circle"));
  g_assert_cmpuint (item_on_line (preview, 4)->action, ==, SB_IMPORT_ACTION_CREATE);
  g_assert_nonnull (strstr (item_on_line (preview, 5)->problem, "line 4"));
  g_assert_nonnull (strstr (item_on_line (preview, 6)->problem, "quotes"));
  g_assert_nonnull (strstr (sb_import_preview_get_notes (preview)[0], "“Colour”"));

  /* An unreadable file is an error naming the line. */
  {
    g_autofree char *path = g_build_filename (b->dir, "open.csv", NULL);
    SbImportPreview *none = NULL;

    g_assert_true (g_file_set_contents (path, "Code,Name\nA,\"Alpha\nB,Beta\n", -1, NULL));
    g_clear_error (&error);
    g_assert_false (sb_catalog_csv_preview_path (b->store, SB_CATALOG_CSV_SERVICES, path,
                                                 &none, &error));
    g_assert_error (error, SB_CSV_ERROR, SB_CSV_ERROR_UNTERMINATED_QUOTE);
    g_assert_nonnull (strstr (error->message, "Line 2 "));
    g_assert_null (none);
  }
}

static void
test_catalog_preview_writes_nothing (Book          *b,
                                     gconstpointer  data)
{
  g_autoptr(SbImportPreview) preview = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A brand-new book: not even the built-in calendars are written,
   * though the file names one of them. */
  g_clear_object (&b->store);
  before = sb_test_file_checksum (b->path);
  b->store = sb_store_open (b->path, SB_STORE_OPEN_DEFAULT, NULL);

  preview = preview_fixture (b, SB_CATALOG_CSV_CUSTOMERS, "customers.csv");
  assert_counts (preview, 3, 0, 0, 0);
  g_clear_pointer (&preview, sb_import_preview_free);

  preview = preview_fixture (b, SB_CATALOG_CSV_SERVICES, "services-problems.csv");
  g_assert_cmpuint (item_on_line (preview, 2)->action, ==, SB_IMPORT_ACTION_SKIP);
  /* "Office hours" is known before the calendars exist. */
  g_assert_null (strstr (item_on_line (preview, 2)->problem, "calendar"));

  g_assert_cmpint (count (b, "SELECT count(*) FROM calendar"), ==, 0);
  g_assert_cmpint (count (b, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_cmpint (count (b, "SELECT count(*) FROM sb_journal WHERE tbl <> 'book_setting'"), ==, 0);

  g_clear_object (&b->store);
  after = sb_test_file_checksum (b->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_catalog_one_transaction (Book          *b,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbImportPreview) preview = NULL;
  gint64 journal;
  gint64 audit;

  import_fixture (b, SB_CATALOG_CSV_CUSTOMERS, "customers.csv");
  preview = preview_fixture (b, SB_CATALOG_CSV_SERVICES, "services.csv");
  assert_counts (preview, 3, 0, 0, 0);

  /* The calendars exist before the failure is armed, so the counts
   * below compare the import only. */
  {
    g_autoptr(GListModel) calendars = sb_catalog_list_calendars (b->store, &error);

    g_assert_no_error (error);
  }
  journal = count (b, "SELECT count(*) FROM sb_journal");
  audit = count (b, "SELECT count(*) FROM sb_audit_trail");

  /* BACKUP is the last line: EMAIL and NET are written before it fails. */
  g_assert_true (sb_store_exec (b->store,
                                "CREATE TEMP TRIGGER fail_backup BEFORE INSERT ON service "
                                "WHEN NEW.code = 'BACKUP' "
                                "BEGIN SELECT RAISE (ABORT, 'injected failure'); END",
                                &error));
  g_assert_no_error (error);

  g_assert_false (sb_catalog_csv_apply (b->store, preview, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Line 5"));
  g_clear_error (&error);

  g_assert_cmpint (count (b, "SELECT count(*) FROM service"), ==, 0);
  g_assert_cmpint (count (b, "SELECT count(*) FROM service_target"), ==, 0);
  g_assert_cmpint (count (b, "SELECT count(*) FROM service_customer"), ==, 0);
  g_assert_cmpint (count (b, "SELECT count(*) FROM sb_journal"), ==, journal);
  g_assert_cmpint (count (b, "SELECT count(*) FROM sb_audit_trail"), ==, audit);

  /* Without the failure the same preview goes through. */
  g_assert_true (sb_store_exec (b->store, "DROP TRIGGER temp.fail_backup", &error));
  g_assert_true (sb_catalog_csv_apply (b->store, preview, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (b, "SELECT count(*) FROM service"), ==, 3);
}

static void
test_catalog_stale_preview (Book          *b,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbImportPreview) first = NULL;
  g_autoptr(SbImportPreview) second = NULL;

  first = preview_text (b, SB_CATALOG_CSV_CUSTOMERS, "Name\nAcme\n", -1);
  second = preview_text (b, SB_CATALOG_CSV_CUSTOMERS, "Name;Notes\nACME;new\n", -1);
  assert_counts (second, 1, 0, 0, 0);

  g_assert_true (sb_catalog_csv_apply (b->store, first, &error));
  g_assert_no_error (error);

  /* The second file would now update, not create: it is refused. */
  g_assert_false (sb_catalog_csv_apply (b->store, second, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_cmpint (count (b, "SELECT count(*) FROM customer"), ==, 1);
}

static void
test_catalog_kinds (void)
{
  SbCatalogCsvKind kind;

  g_assert_true (sb_catalog_csv_kind_from_string ("services", &kind));
  g_assert_cmpint (kind, ==, SB_CATALOG_CSV_SERVICES);
  g_assert_true (sb_catalog_csv_kind_from_string ("customers", &kind));
  g_assert_cmpint (kind, ==, SB_CATALOG_CSV_CUSTOMERS);
  g_assert_true (sb_catalog_csv_kind_from_string ("suppliers", &kind));
  g_assert_cmpint (kind, ==, SB_CATALOG_CSV_SUPPLIERS);
  g_assert_true (sb_catalog_csv_kind_from_string ("contracts", &kind));
  g_assert_cmpint (kind, ==, SB_CATALOG_CSV_CONTRACTS);
  g_assert_false (sb_catalog_csv_kind_from_string ("vendors", &kind));
  g_assert_cmpstr (sb_catalog_csv_kind_to_string (SB_CATALOG_CSV_CUSTOMERS), ==, "customers");
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
  g_test_add_func ("/store/csv/catalog/kinds", test_catalog_kinds);

#define ADD(name, func) \
  g_test_add ("/store/csv/catalog/" name, Book, NULL, book_set_up, func, book_tear_down)

  ADD ("customers", test_catalog_customers);
  ADD ("services", test_catalog_services);
  ADD ("round-trip", test_catalog_round_trip);
  ADD ("update", test_catalog_update);
  ADD ("problems", test_catalog_problems);
  ADD ("preview-writes-nothing", test_catalog_preview_writes_nothing);
  ADD ("one-transaction", test_catalog_one_transaction);
  ADD ("stale-preview", test_catalog_stale_preview);

#undef ADD

  return g_test_run ();
}

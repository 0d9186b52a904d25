/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sb-report-document.h"
#include "sb-report-format.h"
#include "sb-report-output.h"
#include "sb-report-render.h"
#include "sb-test-utils.h"

/*
 * The report engine, checked on real PDF files read back with poppler's
 * pdftotext and pdfinfo: page count, page size, the header and footer of
 * every page, a long table's rows in order with its header repeated and no
 * row cut in two, and the CSV of the same document. Setting
 * SB_REPORT_PDF_DIR keeps the sample PDF there for a person to look at.
 */

#define TITLE "Service level report: Northwind Traders"
#define N_ROWS 120
#define GENERATED_AT G_GINT64_CONSTANT (1795248600000) /* 21 Nov 2026, 08:10 UTC */

static const char *const services[] = {
  "Email and calendar", "Accounting system", "Website", "Office network", "Backup",
};

static char *tmpdir;

static char *
row_ref (guint r)
{
  return g_strdup_printf ("INC-%04u", r + 1);
}

static char *
row_cost (guint r)
{
  guint cents = 100000 + r * 733;

  return g_strdup_printf ("%u,%03u.%02u", cents / 100000, (cents / 100) % 1000, cents % 100);
}

static char *
euro_format (gint64   value,
             gpointer user_data)
{
  return g_strdup_printf ("€%" G_GINT64_FORMAT, value / 100);
}

static SbChart *
make_chart (void)
{
  static const char *const months[] = { "Jun", "Jul", "Aug", "Sep", "Oct", "Nov" };
  static const gint64 planned[] = { 820000, 820000, 900000, 950000, 950000, 1100000 };
  static const gint64 actual[] = { 765432, 861000, 912345, 887000, 1023456, 1150000 };
  SbChart *chart = sb_chart_new ();

  sb_chart_set_title (chart, "Support cost by month");
  sb_chart_set_categories (chart, months, G_N_ELEMENTS (months));
  sb_chart_add_series (chart, "Budget", SB_CHART_BARS, planned, G_N_ELEMENTS (planned));
  sb_chart_add_series (chart, "Actual", SB_CHART_BARS, actual, G_N_ELEMENTS (actual));
  sb_chart_set_format_func (chart, euro_format, NULL, NULL);
  return chart;
}

static SbReportDocument *
make_document (SbReportTable **out_table)
{
  SbReportDocument *doc = sb_report_document_new (TITLE);
  SbReportTable *table;
  SbReportTable *small;

  sb_report_document_set_purpose (doc, "How the agreed services performed against their "
                                  "targets in October, with the incidents behind the figures.");
  sb_report_document_set_audience (doc, "Service owner at Northwind Traders");
  sb_report_document_set_period (doc, "October 2026");
  sb_report_document_set_data_source (doc, "Servicebook, book “Main office”");
  sb_report_document_set_generated_at (doc, GENERATED_AT);

  sb_report_document_add_section (doc, "Summary");
  sb_report_document_add_paragraph (doc, "All five services met their availability targets. "
                                    "Two incidents breached their resolution target; both "
                                    "were caused by the supplier's network outage on "
                                    "14 October & are explained below <in detail>.");
  sb_report_document_add_key_figure (doc, "Availability", "99.82 %", "target 99.5 %");
  sb_report_document_add_key_figure (doc, "Incidents", "120", "31 more than September");
  sb_report_document_add_key_figure (doc, "Resolved in time", "98.3 %", "target 95 %");
  sb_report_document_add_key_figure (doc, "Support cost", "€11,500", "budget €11,000");

  sb_report_document_add_section (doc, "Incidents");
  sb_report_document_add_heading (doc, 2, "Incidents by service");
  sb_report_document_add_paragraph (doc, "Every incident of the period, in the order it was "
                                    "reported, with the time spent and its cost.");

  table = sb_report_document_add_table (doc, "Incident log");
  sb_report_table_add_column (table, "Reference", SB_REPORT_ALIGN_START, 1.5);
  sb_report_table_add_column (table, "Service", SB_REPORT_ALIGN_START, 2.2);
  sb_report_table_add_column (table, "Summary", SB_REPORT_ALIGN_START, 4);
  sb_report_table_add_column (table, "Priority", SB_REPORT_ALIGN_CENTER, 1);
  sb_report_table_add_column (table, "Minutes", SB_REPORT_ALIGN_END, 1.1);
  sb_report_table_add_column (table, "Cost (€)", SB_REPORT_ALIGN_END, 1.4);
  for (guint r = 0; r < N_ROWS; r++)
    {
      g_autofree char *ref = row_ref (r);
      g_autofree char *cost = row_cost (r);
      g_autofree char *minutes = g_strdup_printf ("%u", 15 + (r * 37) % 400);
      g_autofree char *summary = NULL;
      g_autofree char *priority = g_strdup_printf ("P%u", 1 + r % 4);

      summary = r % 9 == 4
                  ? g_strdup ("Users could not reach the shared drive after the overnight "
                              "update; restored from the previous configuration")
                  : g_strdup_printf ("Reported problem number %u", r + 1);
      sb_report_table_add_row (table, ref, services[r % G_N_ELEMENTS (services)], summary,
                               priority, minutes, cost);
    }
  {
    const char *total[] = { "Total", NULL, NULL, NULL, "24,613", "140,903.52" };

    sb_report_table_add_total_rowv (table, total);
  }

  sb_report_document_add_section (doc, "Costs");
  sb_report_document_add_heading (doc, 3, "Budget against actual");
  sb_report_document_add_chart (doc, make_chart (), 220);

  small = sb_report_document_add_table (doc, "Spend per supplier");
  sb_report_table_add_column (small, "Supplier", SB_REPORT_ALIGN_START, 3);
  sb_report_table_add_column (small, "Spend", SB_REPORT_ALIGN_END, 1);
  sb_report_table_begin_group (small);
  sb_report_table_add_row (small, "Fabrikam, \"Networks\"", "8,200.00");
  sb_report_table_add_row (small, "Contoso Ltd", "3,300.00");
  sb_report_table_end_group (small);

  *out_table = table;
  return doc;
}

/* Poppler */

static char *
run (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *n = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", n, "-l", n, path, "-", NULL };

  if (page == 0)
    {
      const char *all[] = { "pdftotext", "-layout", path, "-", NULL };

      return run (all);
    }
  return run (argv);
}

static char *
pdf_info (const char *path,
          const char *key)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

static char *
write_sample (SbReportDocument        *doc,
              const SbReportPageSetup *setup,
              const char              *name)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);
  const char *keep = g_getenv ("SB_REPORT_PDF_DIR");

  g_assert_true (sb_report_write_pdf (doc, path, setup, &error));
  g_assert_no_error (error);
  if (keep != NULL)
    {
      g_autofree char *copy = g_build_filename (keep, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }
  return path;
}

/* Tests */

static void
test_pdf_pages (void)
{
  SbReportTable *table;
  g_autoptr (SbReportDocument) doc = make_document (&table);
  g_autoptr (SbReportRenderer) renderer = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *all = NULL;
  SbReportPageSetup setup;
  guint n_pages;
  const char *last = NULL;

  sb_report_page_setup_init (&setup);
  setup.paper = SB_REPORT_PAPER_A4;
  renderer = sb_report_renderer_new (doc, &setup);
  n_pages = sb_report_renderer_get_n_pages (renderer);
  g_assert_cmpuint (n_pages, >=, 4);

  path = write_sample (doc, &setup, "report-a4.pdf");
  pages = pdf_info (path, "Pages");
  g_assert_cmpuint (g_ascii_strtoull (pages, NULL, 10), ==, n_pages);
  size = pdf_info (path, "Page size");
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts"));
  title = pdf_info (path, "Title");
  g_assert_cmpstr (title, ==, TITLE);
  creator = pdf_info (path, "Creator");
  g_assert_cmpstr (creator, ==, "Servicebook");

  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_text (path, p);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p, n_pages);

      g_assert_nonnull (strstr (text, TITLE));
      g_assert_nonnull (strstr (text, "October 2026"));
      g_assert_nonnull (strstr (text, footer));
      g_assert_nonnull (strstr (text, "Generated 21 Nov 2026, 08:10"));
      /* Every page with rows of the table has its header row. */
      if (strstr (text, "INC-") != NULL)
        {
          g_assert_nonnull (strstr (text, "Reference"));
          g_assert_nonnull (strstr (text, "Minutes"));
          g_assert_nonnull (strstr (text, "Cost (€)"));
          if (p > 1 && strstr (text, "Incidents by service") == NULL)
            g_assert_nonnull (strstr (text, "Incident log (continued)"));
        }
    }

  /* The first page has the title block; the escaped text came through. */
  {
    g_autofree char *first = pdf_text (path, 1);

    g_assert_nonnull (strstr (first, "AUDIENCE"));
    g_assert_nonnull (strstr (first, "Service owner at Northwind"));
    g_assert_nonnull (strstr (first, "DATA SOURCE"));
    g_assert_nonnull (strstr (first, "& are explained below <in detail>."));
    g_assert_nonnull (strstr (first, "99.82 %"));
  }

  /* Every row, in order, whole on the page the renderer says. */
  all = pdf_text (path, 0);
  for (guint r = 0; r < N_ROWS; r++)
    {
      g_autofree char *ref = row_ref (r);
      g_autofree char *cost = row_cost (r);
      g_autofree char *text = NULL;
      const char *at = strstr (all, ref);
      guint first, last_page;

      g_assert_nonnull (at);
      g_assert_true (last == NULL || at > last);
      last = at;

      g_assert_true (sb_report_renderer_get_row_pages (renderer, table, r, &first, &last_page));
      g_assert_cmpuint (first, ==, last_page);
      text = pdf_text (path, first + 1);
      g_assert_nonnull (strstr (text, ref));
      g_assert_nonnull (strstr (text, cost));
      g_assert_nonnull (strstr (text, services[r % G_N_ELEMENTS (services)]));
    }
  g_assert_nonnull (strstr (all, "140,903.52"));

  /* A heading is on the page of what follows it. */
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_text (path, p);

      if (strstr (text, "Incidents by service") != NULL)
        g_assert_nonnull (strstr (text, "INC-0001"));
      if (strstr (text, "Budget against actual") != NULL)
        g_assert_nonnull (strstr (text, "Support cost by month"));
      if (strstr (text, "Spend per supplier") != NULL)
        {
          g_assert_nonnull (strstr (text, "Fabrikam, \"Networks\""));
          g_assert_nonnull (strstr (text, "Contoso Ltd"));
        }
    }
}

static void
test_pdf_letter_landscape (void)
{
  SbReportTable *table;
  g_autoptr (SbReportDocument) doc = make_document (&table);
  g_autoptr (SbReportRenderer) portrait = NULL;
  g_autoptr (SbReportRenderer) landscape = NULL;
  g_autofree char *path = NULL;
  g_autofree char *size = NULL;
  g_autofree char *pages = NULL;
  SbReportPageSetup setup;
  double w, h;

  sb_report_page_setup_init (&setup);
  setup.paper = SB_REPORT_PAPER_LETTER;
  portrait = sb_report_renderer_new (doc, &setup);
  sb_report_renderer_get_page_size (portrait, &w, &h);
  g_assert_cmpfloat (w, ==, 612);
  g_assert_cmpfloat (h, ==, 792);

  setup.orientation = SB_REPORT_LANDSCAPE;
  landscape = sb_report_renderer_new (doc, &setup);
  sb_report_renderer_get_page_size (landscape, &w, &h);
  g_assert_cmpfloat (w, ==, 792);
  /* Shorter pages hold fewer rows. */
  g_assert_cmpuint (sb_report_renderer_get_n_pages (landscape), >,
                    sb_report_renderer_get_n_pages (portrait));

  path = write_sample (doc, &setup, "report-letter-landscape.pdf");
  size = pdf_info (path, "Page size");
  g_assert_true (g_str_has_prefix (size, "792 x 612 pts"));
  pages = pdf_info (path, "Pages");
  g_assert_cmpuint (g_ascii_strtoull (pages, NULL, 10), ==,
                    sb_report_renderer_get_n_pages (landscape));
}

static void
test_tall_row (void)
{
  g_autoptr (SbReportDocument) doc = sb_report_document_new ("Tall row");
  g_autoptr (SbReportRenderer) renderer = NULL;
  g_autoptr (GString) tall = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  SbReportTable *table;
  guint first, last;

  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (tall, "Timeline entry %u\n", i);
  g_string_append (tall, "Closed");

  table = sb_report_document_add_table (doc, NULL);
  sb_report_table_add_column (table, "When", SB_REPORT_ALIGN_START, 1);
  sb_report_table_add_column (table, "What", SB_REPORT_ALIGN_START, 3);
  sb_report_table_add_row (table, "Before", "A short row");
  sb_report_table_add_row (table, "1 Oct", tall->str);
  sb_report_table_add_row (table, "After", "Another short row");

  renderer = sb_report_renderer_new (doc, NULL);
  g_assert_true (sb_report_renderer_get_row_pages (renderer, table, 1, &first, &last));
  g_assert_cmpuint (last, >, first);
  g_assert_true (sb_report_renderer_get_row_pages (renderer, table, 2, &first, NULL));
  g_assert_cmpuint (first, ==, last);

  path = write_sample (doc, NULL, "report-tall-row.pdf");
  all = pdf_text (path, 0);
  g_assert_nonnull (strstr (all, "Continued on the next page"));
  /* Each line of the tall cell is there once: none lost or doubled at a cut. */
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *line = g_strdup_printf ("Timeline entry %u\n", i);
      const char *at = strstr (all, line);

      if (at == NULL)
        {
          g_autofree char *spaced = g_strdup_printf ("Timeline entry %u ", i);

          at = strstr (all, spaced);
        }
      g_assert_nonnull (at);
    }
  g_assert_nonnull (strstr (all, "Closed"));
}

static void
test_empty_and_breaks (void)
{
  g_autoptr (SbReportDocument) doc = sb_report_document_new ("Nothing happened");
  g_autoptr (SbReportRenderer) renderer = NULL;
  g_autofree char *path = NULL;
  g_autofree char *second = NULL;
  SbReportTable *table;

  table = sb_report_document_add_table (doc, "Breaches");
  sb_report_table_add_column (table, "Incident", SB_REPORT_ALIGN_START, 1);
  sb_report_document_add_page_break (doc);
  sb_report_document_add_heading (doc, 1, "Appendix");
  sb_report_document_add_page_break (doc);
  sb_report_document_add_page_break (doc);

  renderer = sb_report_renderer_new (doc, NULL);
  g_assert_cmpuint (sb_report_renderer_get_n_pages (renderer), ==, 2);
  path = write_sample (doc, NULL, "report-empty.pdf");
  second = pdf_text (path, 2);
  g_assert_nonnull (strstr (second, "Appendix"));
  g_assert_nonnull (strstr (second, "Page 2 of 2"));
  g_assert_null (strstr (second, "Nothing to show for this period."));
  {
    g_autofree char *first = pdf_text (path, 1);

    g_assert_nonnull (strstr (first, "Nothing to show for this period."));
  }
}

static void
test_image_surface (void)
{
  SbReportTable *table;
  g_autoptr (SbReportDocument) doc = make_document (&table);
  g_autoptr (SbReportRenderer) renderer = sb_report_renderer_new (doc, NULL);
  double w, h;
  int width, height, stride;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint dark = 0, outside = 0;
  unsigned char *data;

  sb_report_renderer_get_page_size (renderer, &w, &h);
  sb_report_renderer_set_resolution (renderer, 48);
  width = (int) (w * 48 / 72);
  height = (int) (h * 48 / 72);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  sb_report_renderer_draw_page (renderer, cr, 1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Ink on the page, none in the side margins (20 mm = 37 pixels here). */
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4) & 0xffffff;

        if (pixel != 0xffffff)
          {
            dark++;
            if (x < 30 || x >= width - 30)
              outside++;
          }
      }
  g_assert_cmpuint (dark, >, 1000);
  g_assert_cmpuint (outside, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_csv (void)
{
  SbReportTable *table;
  g_autoptr (SbReportDocument) doc = make_document (&table);
  g_autoptr (SbCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "report.csv", NULL);
  g_autofree char *csv = NULL;
  char **row = NULL;
  guint line;
  guint n = 0;

  g_assert_true (sb_report_write_csv (doc, path, SB_CSV_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "\n\nSpend per supplier\n"));

  reader = sb_csv_reader_new_from_data (csv, -1, &error);
  g_assert_no_error (error);
  g_assert_true (sb_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_cmpstr (row[0], ==, "Incident log");
  g_strfreev (row);
  g_assert_true (sb_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_cmpstr (row[0], ==, "Reference");
  g_assert_cmpstr (row[5], ==, "Cost (€)");
  g_strfreev (row);
  for (guint r = 0; r < N_ROWS; r++)
    {
      g_autofree char *ref = row_ref (r);
      g_autofree char *cost = row_cost (r);

      g_assert_true (sb_csv_reader_next_row (reader, &row, &line, &error));
      g_assert_cmpuint (g_strv_length (row), ==, 6);
      g_assert_cmpstr (row[0], ==, ref);
      g_assert_cmpstr (row[5], ==, cost);
      g_strfreev (row);
      n++;
    }
  g_assert_true (sb_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_cmpstr (row[0], ==, "Total");
  g_assert_cmpstr (row[5], ==, "140,903.52");
  g_strfreev (row);

  /* The reader skips the blank line; the next table follows. */
  g_assert_true (sb_csv_reader_next_row (reader, &row, &line, &error));
  if (row[0] != NULL && row[0][0] == '\0')
    {
      g_strfreev (row);
      g_assert_true (sb_csv_reader_next_row (reader, &row, &line, &error));
    }
  g_assert_cmpstr (row[0], ==, "Spend per supplier");
  g_strfreev (row);
  g_assert_true (sb_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_cmpstr (row[0], ==, "Supplier");
  g_strfreev (row);
  g_assert_true (sb_csv_reader_next_row (reader, &row, &line, &error));
  g_assert_cmpstr (row[0], ==, "Fabrikam, \"Networks\"");
  g_assert_cmpstr (row[1], ==, "8,200.00");
  g_strfreev (row);
  g_assert_cmpuint (n, ==, N_ROWS);
}

static void
assert_dir_empty_but (const char *dir,
                      const char *except)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_cmpstr (name, ==, except);
}

static void
test_unwritable (void)
{
  SbReportTable *table;
  g_autoptr (SbReportDocument) doc = make_document (&table);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (tmpdir, "unwritable", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "report.pdf", NULL);
  g_autofree char *under_file = g_build_filename (blocker, "report.pdf", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));

  g_assert_false (sb_report_write_pdf (doc, missing, NULL, &error));
  g_assert_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  g_clear_error (&error);

  g_assert_false (sb_report_write_pdf (doc, under_file, NULL, &error));
  g_assert_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  g_clear_error (&error);

  g_assert_false (sb_report_write_csv (doc, under_file, SB_CSV_WRITE_DEFAULT, &error));
  g_assert_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_IO);
  g_clear_error (&error);

  /* A folder where the file should go: the rename fails, no temporary
   * file is left next to it. */
  {
    g_autofree char *taken = g_build_filename (dir, "taken.pdf", NULL);
    g_autofree char *inside = g_build_filename (taken, "child", NULL);

    g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
    g_assert_true (g_file_set_contents (inside, "x", 1, NULL));
    g_assert_false (sb_report_write_pdf (doc, taken, NULL, &error));
    g_assert_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "taken.pdf"));
    g_clear_error (&error);
    g_assert_cmpint (g_unlink (inside), ==, 0);
    g_assert_cmpint (g_rmdir (taken), ==, 0);
  }

  assert_dir_empty_but (dir, "not-a-folder");

}

static void
test_paper_and_labels (void)
{
  GDate a, b;
  g_autofree char *month = NULL;
  g_autofree char *quarter = NULL;
  g_autofree char *year = NULL;
  g_autofree char *range = NULL;
  g_autofree char *across = NULL;
  g_autofree char *generated = NULL;
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();

  g_assert_cmpint (sb_report_paper_for_locale ("en_US.UTF-8"), ==, SB_REPORT_PAPER_LETTER);
  g_assert_cmpint (sb_report_paper_for_locale ("fr_CA"), ==, SB_REPORT_PAPER_LETTER);
  g_assert_cmpint (sb_report_paper_for_locale ("es_MX.UTF-8"), ==, SB_REPORT_PAPER_LETTER);
  g_assert_cmpint (sb_report_paper_for_locale ("fil_PH"), ==, SB_REPORT_PAPER_LETTER);
  g_assert_cmpint (sb_report_paper_for_locale ("en_GB.UTF-8"), ==, SB_REPORT_PAPER_A4);
  g_assert_cmpint (sb_report_paper_for_locale ("de_DE@euro"), ==, SB_REPORT_PAPER_A4);
  g_assert_cmpint (sb_report_paper_for_locale ("C"), ==, SB_REPORT_PAPER_A4);

  g_date_set_dmy (&a, 1, 10, 2026);
  g_date_set_dmy (&b, 31, 10, 2026);
  month = sb_report_format_period (&a, &b);
  g_assert_cmpstr (month, ==, "October 2026");
  g_date_set_dmy (&a, 1, 7, 2026);
  g_date_set_dmy (&b, 30, 9, 2026);
  quarter = sb_report_format_period (&a, &b);
  g_assert_cmpstr (quarter, ==, "Q3 2026");
  g_date_set_dmy (&a, 1, 1, 2026);
  g_date_set_dmy (&b, 31, 12, 2026);
  year = sb_report_format_period (&a, &b);
  g_assert_cmpstr (year, ==, "2026");
  g_date_set_dmy (&a, 3, 2, 2026);
  g_date_set_dmy (&b, 17, 3, 2026);
  range = sb_report_format_period (&a, &b);
  g_assert_cmpstr (range, ==, "3 Feb – 17 Mar 2026");
  g_date_set_dmy (&a, 21, 11, 2026);
  g_date_set_dmy (&b, 3, 1, 2027);
  across = sb_report_format_period (&a, &b);
  g_assert_cmpstr (across, ==, "21 Nov 2026 – 3 Jan 2027");

  generated = sb_report_format_generated_at (GENERATED_AT, utc);
  g_assert_cmpstr (generated, ==, "Generated 21 Nov 2026, 08:10");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  int status;

  g_test_init (&argc, &argv, NULL);

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_print ("1..0 # SKIP pdftotext not installed\n");
      return 0;
    }

  /* The footer's instant is shown in the local zone: fix it. */
  g_setenv ("TZ", "UTC", TRUE);
  tmpdir = sb_test_make_tmpdir ();

  g_test_add_func ("/report/render/pdf-pages", test_pdf_pages);
  g_test_add_func ("/report/render/letter-landscape", test_pdf_letter_landscape);
  g_test_add_func ("/report/render/tall-row", test_tall_row);
  g_test_add_func ("/report/render/empty-and-breaks", test_empty_and_breaks);
  g_test_add_func ("/report/render/image-surface", test_image_surface);
  g_test_add_func ("/report/render/csv", test_csv);
  g_test_add_func ("/report/render/unwritable", test_unwritable);
  g_test_add_func ("/report/render/paper-and-labels", test_paper_and_labels);

  status = g_test_run ();
  sb_test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}

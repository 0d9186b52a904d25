/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sb-catalog.h"
#include "sb-contract-editor.h"
#include "sb-contracts.h"
#include "sb-incident-detail.h"
#include "sb-incidents.h"
#include "sb-report-output.h"
#include "sb-report-preview.h"
#include "sb-report-print.h"
#include "sb-reports-page.h"
#include "sb-sample-data.h"
#include "sb-store-private.h"   /* a query for a sample incident */
#include "sb-supplier-detail.h"
#include "sb-supplier.h"
#include "sb-suppliers.h"
#include "sb-test-utils.h"
#include "sb-ui-test-utils.h"

/* The Reports page in a real window on a real display (Xvfb in CI), over
 * the sample book: every report previewed, a report that needs a
 * supplier saying so, the PDF and the CSV written as the file chooser
 * writes them, the print operation's pages drawn into a PDF, and Print
 * from an incident, a contract and a supplier's reviews. */

typedef struct
{
  SbTestBook    *book;
  GtkWindow     *window;
  SbReportsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->book = sb_test_book_new ();
  g_assert_true (sb_sample_data_load (f->book->store, &error));
  g_assert_no_error (error);

  f->page = SB_REPORTS_PAGE (sb_reports_page_new (f->book->store));
  f->window = sb_ui_test_present_in_window (GTK_WIDGET (f->page), 1300, 900);
  sb_ui_test_settle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sb_report_print_set_export_filename_for_test (NULL);
  sb_ui_test_destroy_windows (f->window);
  g_clear_pointer (&f->book, sb_test_book_free);
}

static char *
first_id (SbStore    *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = sb_store_prepare (store, sql, &error);
  char *id = NULL;

  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  g_assert_nonnull (id);
  return id;
}

static char *
sample_supplier_id (SbStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) suppliers = sb_suppliers_list (store, &error);
  g_autoptr(SbSupplier) supplier = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (suppliers), >, 0);
  supplier = g_list_model_get_item (suppliers, 0);

  return g_strdup (sb_supplier_get_id (supplier));
}

static gboolean
file_is_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return length > 5 && memcmp (contents, "%PDF-", 5) == 0;
}

/* pdfinfo's page count, or 0 without pdfinfo */
static guint
pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  const char *argv[] = { NULL, path, NULL };
  const char *line;
  int status = 0;

  if (pdfinfo == NULL)
    return 0;

  argv[0] = pdfinfo;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);

  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

/* Text of a PDF, or NULL without pdftotext */
static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, path, "-", NULL };
  char *out = NULL;

  if (pdftotext == NULL)
    return NULL;

  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, NULL, NULL));
  return out;
}

static void
pick (Fixture    *f,
      const char *name)
{
  g_assert_true (sb_reports_page_select_report (f->page, name));
  sb_ui_test_settle ();
  sb_reports_page_build_now (f->page);
  sb_ui_test_settle ();
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  SbReportDocument *before;

  pick (f, "catalogue");
  before = sb_reports_page_get_document (f->page);
  g_assert_nonnull (before);
  g_assert_false (sb_reports_page_select_report (f->page, "no-such-report"));
  sb_ui_test_settle ();
  g_assert_true (sb_reports_page_get_document (f->page) == before);

  /* Another report replaces the preview from its first page */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "page.next-page", NULL);
  pick (f, "contracts");
  g_assert_true (sb_reports_page_get_document (f->page) != before);
  g_assert_cmpuint (sb_report_preview_get_page (sb_reports_page_get_preview (f->page)), ==, 0);
}

/* Each report of the registry, previewed from the sample book. */
static void
test_preview_each (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *supplier_id = sample_supplier_id (f->book->store);
  g_autofree char *incident_id = first_id (f->book->store, "SELECT id FROM incident ORDER BY reference LIMIT 1");
  SbReportPreview *preview = sb_reports_page_get_preview (f->page);
  const SbReportInfo *reports;
  guint n_reports;

  reports = sb_reports_get_all (&n_reports);
  g_assert_cmpuint (n_reports, ==, 8);

  for (guint i = 0; i < n_reports; i++)
    {
      SbReportFilters filters = { 0 };
      guint n_pages;

      g_assert_true (sb_reports_page_select_report (f->page, reports[i].name));
      sb_ui_test_settle ();
      if (reports[i].needs & SB_REPORT_NEEDS_SUPPLIER)
        filters.supplier_id = supplier_id;
      if (reports[i].needs & SB_REPORT_NEEDS_INCIDENT)
        filters.incident_id = incident_id;
      sb_reports_page_set_filters (f->page, &filters);
      sb_reports_page_build_now (f->page);
      sb_ui_test_settle ();

      g_test_message ("%s: %s", reports[i].name,
                      sb_reports_page_get_problem (f->page) != NULL
                      ? sb_reports_page_get_problem (f->page) : "built");
      g_assert_null (sb_reports_page_get_problem (f->page));
      g_assert_nonnull (sb_reports_page_get_document (f->page));

      n_pages = sb_report_preview_get_n_pages (preview);
      g_assert_cmpuint (n_pages, >=, 1);
      g_assert_cmpuint (sb_report_preview_get_page (preview), ==, 0);
      g_assert_true (g_str_has_prefix (sb_report_preview_get_page_text (preview), "Page 1 of "));

      /* Page Down turns to the next page, as far as the last */
      gtk_widget_activate_action (GTK_WIDGET (f->page), "page.next-page", NULL);
      sb_ui_test_settle ();
      g_assert_cmpuint (sb_report_preview_get_page (preview), ==, MIN (1, n_pages - 1));
      gtk_widget_activate_action (GTK_WIDGET (f->page), "page.previous-page", NULL);
      g_assert_cmpuint (sb_report_preview_get_page (preview), ==, 0);
    }
}

static void
test_needs (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *supplier_id = sample_supplier_id (f->book->store);
  SbReportFilters filters = { 0 };
  GtkWidget *header = NULL;
  GtkWidget *print;

  pick (f, "supplier-review");
  g_assert_cmpstr (sb_reports_page_get_problem (f->page), ==, "Choose a supplier for the supplier review.");
  g_assert_null (sb_reports_page_get_document (f->page));
  g_assert_cmpuint (sb_report_preview_get_n_pages (sb_reports_page_get_preview (f->page)), ==, 0);

  /* The header's Print button follows the action */
  g_object_get (f->page, "header-widget", &header, NULL);
  print = gtk_widget_get_first_child (header);
  g_object_unref (header);
  g_assert_false (gtk_widget_get_sensitive (print));

  filters.supplier_id = supplier_id;
  sb_reports_page_set_filters (f->page, &filters);
  sb_reports_page_build_now (f->page);
  sb_ui_test_settle ();
  g_assert_null (sb_reports_page_get_problem (f->page));
  g_assert_true (gtk_widget_get_sensitive (print));

  /* The single-incident report asks for a reference, then a right one */
  pick (f, "incident");
  g_assert_nonnull (sb_reports_page_get_problem (f->page));
  g_assert_nonnull (strstr (sb_reports_page_get_problem (f->page), "reference"));
}

/* Export PDF… and Export CSV… write what the file chooser's callback
 * writes with the file chosen. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->book->dir, "log.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->book->dir, "log.csv", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  guint n_pages;

  pick (f, "incident-log");
  g_assert_null (sb_reports_page_get_problem (f->page));
  n_pages = sb_report_preview_get_n_pages (sb_reports_page_get_preview (f->page));

  g_assert_true (sb_reports_page_export_to_file (f->page, SB_REPORT_FORMAT_PDF, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_true (file_is_pdf (pdf));
  if (pdf_pages (pdf) > 0)
    g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);

  g_assert_true (sb_reports_page_export_to_file (f->page, SB_REPORT_FORMAT_CSV, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));   /* for spreadsheets */
  g_assert_nonnull (strstr (contents, "Reference"));

  name = sb_report_suggest_file_name (sb_reports_page_get_document (f->page), SB_REPORT_FORMAT_PDF);
  g_assert_true (g_str_has_prefix (name, "Incident log"));
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  g_assert_null (strchr (name, '/'));

  /* A colon in a title makes a dash between words */
  {
    g_autoptr(SbReportDocument) colon = sb_report_document_new ("Supplier review: A/B");
    g_autofree char *colon_name = NULL;

    sb_report_document_set_period (colon, "Q3 2026");
    colon_name = sb_report_suggest_file_name (colon, SB_REPORT_FORMAT_CSV);
    g_assert_cmpstr (colon_name, ==, "Supplier review - A-B, Q3 2026.csv");
  }

  /* Landscape paper gives the same report on other pages */
  {
    g_autofree char *landscape = g_build_filename (f->book->dir, "landscape.pdf", NULL);
    g_autoptr(GFile) landscape_file = g_file_new_for_path (landscape);
    double width, height;

    sb_reports_page_set_paper (f->page, SB_REPORT_PAPER_A4, SB_REPORT_LANDSCAPE);
    sb_reports_page_build_now (f->page);
    sb_ui_test_settle ();
    sb_report_renderer_get_page_size (sb_report_preview_get_renderer (sb_reports_page_get_preview (f->page)),
                                      &width, &height);
    g_assert_cmpfloat (width, >, height);
    g_assert_true (sb_reports_page_export_to_file (f->page, SB_REPORT_FORMAT_PDF, landscape_file, &error));
    g_assert_no_error (error);
    g_assert_true (file_is_pdf (landscape));
  }

  /* A folder that does not exist is said in words */
  {
    g_autofree char *nowhere = g_build_filename (f->book->dir, "no-such-folder", "log.pdf", NULL);
    g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);

    g_assert_false (sb_reports_page_export_to_file (f->page, SB_REPORT_FORMAT_PDF, nowhere_file, &error));
    g_assert_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_IO);
  }
}

/* The print operation's begin-print and draw-page, exported to a PDF
 * file: as many pages as the renderer has for that paper. */
static void
test_print_operation (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->book->dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(SbReportRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SbReportPageSetup setup;
  SbReportDocument *document;
  GtkPrintOperationResult result;

  pick (f, "service-levels");
  document = sb_reports_page_get_document (f->page);
  g_assert_nonnull (document);

  sb_report_page_setup_init (&setup);
  setup.paper = SB_REPORT_PAPER_A4;
  renderer = sb_report_renderer_new (document, &setup);

  operation = sb_report_print_operation_new (document, &setup);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, f->window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  sb_ui_test_settle ();

  g_assert_true (file_is_pdf (path));
  if (pdf_pages (path) > 0)
    g_assert_cmpuint (pdf_pages (path), ==, sb_report_renderer_get_n_pages (renderer));
  else
    g_test_message ("pdfinfo not found: the page count is not checked");

  text = pdf_text (path);
  if (text != NULL)
    g_assert_nonnull (strstr (text, sb_report_document_get_title (document)));
}

/* The action a widget's own Ctrl+P runs, read from its class's shortcuts */
static char *
ctrl_p_action (GtkWidget *widget)
{
  GtkShortcut *shortcut = sb_ui_test_find_shortcut (widget, NULL, GDK_KEY_p, GDK_CONTROL_MASK);
  GtkShortcutAction *action = shortcut != NULL ? gtk_shortcut_get_action (shortcut) : NULL;

  if (!GTK_IS_NAMED_ACTION (action))
    return NULL;

  return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
}

/* Ctrl+P in an incident's detail prints its record */
static void
test_print_incident (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->book->dir, "incident.pdf", NULL);
  g_autofree char *incident_id = first_id (f->book->store, "SELECT id FROM incident ORDER BY reference DESC LIMIT 1");
  g_autoptr(SbIncident) incident = sb_incidents_get (f->book->store, incident_id, NULL);
  g_autofree char *action = NULL;
  g_autofree char *text = NULL;
  GtkWidget *window = gtk_window_new ();
  SbIncidentDetail *detail = SB_INCIDENT_DETAIL (sb_incident_detail_new (f->book->store));

  g_assert_nonnull (incident);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  gtk_window_present (GTK_WINDOW (window));
  sb_incident_detail_set_incident_id (detail, incident_id);
  sb_ui_test_settle ();

  sb_report_print_set_export_filename_for_test (path);
  action = ctrl_p_action (GTK_WIDGET (detail));
  g_assert_cmpstr (action, ==, "incident.print");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), action, NULL));
  sb_ui_test_settle ();

  g_assert_true (file_is_pdf (path));
  text = pdf_text (path);
  if (text != NULL)
    g_assert_nonnull (strstr (text, sb_incident_get_reference (incident)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Print from a contract: its supplier's contract register */
static void
test_print_contract (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->book->dir, "contract.pdf", NULL);
  g_autofree char *contract_id = first_id (f->book->store, "SELECT id FROM contract ORDER BY reference LIMIT 1");
  g_autoptr(SbContract) contract = sb_contracts_get (f->book->store, contract_id, NULL);
  g_autofree char *action = NULL;
  g_autofree char *text = NULL;
  GtkWidget *window = gtk_window_new ();
  SbContractEditor *editor = g_object_new (SB_TYPE_CONTRACT_EDITOR, NULL);

  g_assert_nonnull (contract);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  sb_contract_editor_set_store (editor, f->book->store);
  sb_contract_editor_set_contract (editor, contract);
  gtk_window_present (GTK_WINDOW (window));
  sb_ui_test_settle ();

  sb_report_print_set_export_filename_for_test (path);
  action = ctrl_p_action (GTK_WIDGET (editor));
  g_assert_cmpstr (action, ==, "editor.print");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL));
  sb_ui_test_settle ();

  g_assert_true (file_is_pdf (path));
  text = pdf_text (path);
  if (text != NULL)
    g_assert_nonnull (strstr (text, sb_contract_get_reference (contract)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Print from a supplier's reviews: the supplier performance review */
static void
test_print_review (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->book->dir, "review.pdf", NULL);
  g_autofree char *supplier_id = first_id (f->book->store, "SELECT supplier_id FROM supplier_review LIMIT 1");
  g_autoptr(SbSupplier) supplier = sb_suppliers_get (f->book->store, supplier_id, NULL);
  g_autofree char *action = NULL;
  g_autofree char *text = NULL;
  GtkWidget *window = gtk_window_new ();
  SbSupplierDetail *detail = g_object_new (SB_TYPE_SUPPLIER_DETAIL, NULL);

  g_assert_nonnull (supplier);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  sb_supplier_detail_set_store (detail, f->book->store);
  sb_supplier_detail_set_supplier (detail, supplier);
  gtk_window_present (GTK_WINDOW (window));
  sb_ui_test_settle ();
  g_assert_cmpuint (sb_supplier_detail_get_n_reviews (detail), >, 0);

  sb_report_print_set_export_filename_for_test (path);
  action = ctrl_p_action (GTK_WIDGET (detail));
  g_assert_cmpstr (action, ==, "detail.print-review");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), action, "s", ""));
  sb_ui_test_settle ();

  g_assert_true (file_is_pdf (path));
  text = pdf_text (path);
  if (text != NULL)
    g_assert_nonnull (strstr (text, sb_supplier_get_name (supplier)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  gboolean folded_on_report = FALSE;
  int minimum = 0;

  pick (f, "incident-log");
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* Folded: the list, then the settings and the preview with Back */
  gtk_window_set_default_size (f->window, 360, 800);
  sb_ui_test_settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page)), <=, 360);
  g_object_get (f->page, "can-navigate-back", &folded_on_report, NULL);
  g_assert_true (folded_on_report);
  g_assert_cmpuint (sb_report_preview_get_n_pages (sb_reports_page_get_preview (f->page)), >=, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "page.back", NULL);
  sb_ui_test_settle ();
  g_object_get (f->page, "can-navigate-back", &folded_on_report, NULL);
  g_assert_false (folded_on_report);
}

int
main (int   argc,
      char *argv[])
{
  if (!sb_ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/ui/reports/list", test_list);
  ADD ("/ui/reports/preview-each", test_preview_each);
  ADD ("/ui/reports/needs", test_needs);
  ADD ("/ui/reports/export", test_export);
  ADD ("/ui/reports/print-operation", test_print_operation);
  ADD ("/ui/reports/print-incident", test_print_incident);
  ADD ("/ui/reports/print-contract", test_print_contract);
  ADD ("/ui/reports/print-review", test_print_review);
  ADD ("/ui/reports/narrow", test_narrow);

#undef ADD

  return g_test_run ();
}

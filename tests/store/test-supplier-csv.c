/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sb-catalog.h"
#include "sb-catalog-csv.h"
#include "sb-contracts.h"
#include "sb-suppliers.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/* Suppliers and contracts from and to CSV files on real books: a clean
 * import, the second import of the same file, every problem line with its
 * reason and nothing written while there is one, and export read back as
 * unchanged. */

/* 2026-06-15T12:00:00Z */
#define NOW_MS G_GINT64_CONSTANT (1781524800000)

typedef struct
{
  SbTestBook *book;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (f->book->store, NOW_MS);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->book, sb_test_book_free);
}

static gint64
count (Fixture    *f,
       const char *sql,
       const char *arg)
{
  return sb_test_store_count (f->book->store, sql, arg);
}

/* Every row written anywhere, the journal and the audit trail included. */
static gint64
footprint (Fixture *f)
{
  return count (f, "SELECT (SELECT count(*) FROM supplier) + (SELECT count(*) FROM supplier_contact)"
                   " + (SELECT count(*) FROM contract) + (SELECT count(*) FROM contract_target)"
                   " + (SELECT count(*) FROM contract_service)", NULL) * 1000000 +
         count (f, "SELECT count(*) FROM sb_journal", NULL) * 1000 +
         count (f, "SELECT count(*) FROM sb_audit_trail", NULL);
}

static void
add_service (Fixture    *f,
             const char *code)
{
  g_autoptr(SbService) service = sb_service_new ();
  g_autofree char *id = NULL;

  sb_service_set_code (service, code);
  sb_service_set_name (service, code);
  id = sb_test_save_service (f->book->store, service);
  g_assert_nonnull (id);
}

static SbImportPreview *
preview_path (Fixture          *f,
              SbCatalogCsvKind  kind,
              const char       *path)
{
  g_autoptr(GError) error = NULL;
  SbImportPreview *preview = NULL;

  g_assert_true (sb_catalog_csv_preview_path (f->book->store, kind, path, &preview, &error));
  g_assert_no_error (error);
  g_assert_nonnull (preview);

  return preview;
}

static SbImportPreview *
preview_fixture (Fixture          *f,
                 SbCatalogCsvKind  kind,
                 const char       *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  return preview_path (f, kind, path);
}

static void
apply (Fixture         *f,
       SbImportPreview *preview)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_catalog_csv_apply (f->book->store, preview, &error));
  g_assert_no_error (error);
}

static void
import_fixture (Fixture          *f,
                SbCatalogCsvKind  kind,
                const char       *name)
{
  g_autoptr(SbImportPreview) preview = preview_fixture (f, kind, name);

  if (sb_import_preview_has_problems (preview))
    {
      for (guint i = 0; i < sb_import_preview_get_n_items (preview); i++)
        {
          const SbImportItem *item = sb_import_preview_get_item (preview, i);

          if (item->problem != NULL)
            g_test_message ("line %u: %s", item->line, item->problem);
        }
      g_assert_not_reached ();
    }
  apply (f, preview);
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

  g_assert_not_reached ();
  return NULL;
}

static void
assert_problem (SbImportPreview *preview,
                guint            line,
                const char      *words)
{
  const SbImportItem *item = item_on_line (preview, line);

  g_assert_cmpint (item->action, ==, SB_IMPORT_ACTION_SKIP);
  g_assert_nonnull (item->problem);
  if (strstr (item->problem, words) == NULL)
    g_error ("line %u: “%s” does not say “%s”", line, item->problem, words);
}

static void
import_suppliers_and_services (Fixture *f)
{
  add_service (f, "WEB");
  add_service (f, "MAIL");
  import_fixture (f, SB_CATALOG_CSV_SUPPLIERS, "suppliers.csv");
}

/* ------------------------------------------------------------------ */

static void
test_suppliers_clean (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SbImportPreview) preview = preview_fixture (f, SB_CATALOG_CSV_SUPPLIERS,
                                                        "suppliers.csv");
  g_autoptr(SbSupplier) acme = NULL;
  g_autoptr(SbSupplier) team = NULL;
  g_autoptr(SbSupplier) northwind = NULL;
  SbSupplierContact *contact;

  g_assert_false (sb_import_preview_has_problems (preview));
  g_assert_cmpuint (sb_import_preview_count (preview, SB_IMPORT_ACTION_CREATE), ==, 3);
  g_assert_cmpstr (item_on_line (preview, 2)->key, ==, "Acme Hosting");
  /* The notes hold a newline: the next record starts two lines further. */
  g_assert_cmpstr (item_on_line (preview, 4)->key, ==, "Northwind Licences");

  /* The preview writes nothing. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM supplier", NULL), ==, 0);

  apply (f, preview);
  g_assert_cmpint (count (f, "SELECT count(*) FROM supplier WHERE deleted = 0", NULL), ==, 3);

  acme = sb_suppliers_find (f->book->store, "ACME hosting");
  g_assert_nonnull (acme);
  g_assert_cmpstr (sb_supplier_get_kind (acme), ==, "external");
  g_assert_cmpstr (sb_supplier_get_criticality (acme), ==, "high");
  g_assert_cmpstr (sb_supplier_get_account_number (acme), ==, "AC-1001");
  g_assert_cmpstr (sb_supplier_get_notes (acme), ==, "Hosts the web shop.\nSecond line of the notes.");
  g_assert_cmpuint (sb_supplier_get_contacts (acme)->len, ==, 1);
  contact = g_ptr_array_index (sb_supplier_get_contacts (acme), 0);
  g_assert_cmpstr (contact->name, ==, "Sam Ortiz");
  g_assert_cmpstr (contact->role, ==, "Account manager");
  g_assert_cmpstr (contact->email, ==, "sam@acme.example");

  northwind = sb_suppliers_find (f->book->store, "Northwind Licences");
  g_assert_cmpstr (sb_supplier_get_status (northwind), ==, "under-review");

  /* "internal team" is the internal kind; empty contact columns: none. */
  team = sb_suppliers_find (f->book->store, "Internal Network Team");
  g_assert_cmpstr (sb_supplier_get_kind (team), ==, "internal");
  g_assert_cmpuint (sb_supplier_get_contacts (team)->len, ==, 0);
}

static void
test_suppliers_synonyms (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SbSupplier) supplier = NULL;
  SbSupplierContact *contact;

  /* Spanish headers and values, separated by ";" */
  import_fixture (f, SB_CATALOG_CSV_SUPPLIERS, "suppliers-es.csv");

  supplier = sb_suppliers_find (f->book->store, "Telefónica Empresas");
  g_assert_nonnull (supplier);
  g_assert_cmpstr (sb_supplier_get_kind (supplier), ==, "external");
  g_assert_cmpstr (sb_supplier_get_criticality (supplier), ==, "high");
  contact = g_ptr_array_index (sb_supplier_get_contacts (supplier), 0);
  g_assert_cmpstr (contact->name, ==, "Lucía Gómez");
  g_assert_cmpstr (contact->phone, ==, "+34 900 000 000");
}

static void
test_suppliers_second_import (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SbImportPreview) again = NULL;
  g_autoptr(SbImportPreview) changed = NULL;
  g_autoptr(SbSupplier) acme = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  gint64 before;

  import_fixture (f, SB_CATALOG_CSV_SUPPLIERS, "suppliers.csv");
  before = footprint (f);

  again = preview_fixture (f, SB_CATALOG_CSV_SUPPLIERS, "suppliers.csv");
  g_assert_cmpuint (sb_import_preview_count (again, SB_IMPORT_ACTION_UNCHANGED), ==, 3);
  g_assert_cmpuint (sb_import_preview_get_n_writes (again), ==, 0);
  apply (f, again);
  g_assert_cmpint (footprint (f), ==, before);

  /* Another case of the name is the same supplier; a changed contact
   * email is an update that names the column. */
  dir = sb_test_make_tmpdir ();
  path = g_build_filename (dir, "suppliers.csv", NULL);
  g_assert_true (g_file_set_contents (path,
                                      "name,contact email,status\n"
                                      "ACME HOSTING,desk@acme.example,exiting\n",
                                      -1, NULL));
  changed = preview_path (f, SB_CATALOG_CSV_SUPPLIERS, path);
  g_assert_cmpint (item_on_line (changed, 2)->action, ==, SB_IMPORT_ACTION_UPDATE);
  g_assert_nonnull (strstr (item_on_line (changed, 2)->changes, "Contact email"));
  g_assert_nonnull (strstr (item_on_line (changed, 2)->changes, "Status"));
  apply (f, changed);

  acme = sb_suppliers_find (f->book->store, "Acme Hosting");
  g_assert_cmpstr (sb_supplier_get_name (acme), ==, "ACME HOSTING");
  g_assert_cmpstr (sb_supplier_get_status (acme), ==, "exiting");
  g_assert_cmpstr (((SbSupplierContact *)g_ptr_array_index (sb_supplier_get_contacts (acme), 0))->email,
                   ==, "desk@acme.example");
  /* Columns the file lacks are left as they were. */
  g_assert_cmpstr (sb_supplier_get_account_number (acme), ==, "AC-1001");
  g_assert_cmpint (count (f, "SELECT count(*) FROM supplier", NULL), ==, 3);

  sb_test_rm_rf (dir);
}

static void
test_contracts_clean (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SbImportPreview) preview = NULL;
  g_autoptr(SbImportPreview) again = NULL;
  g_autoptr(SbContract) host = NULL;
  g_autoptr(SbContract) nw = NULL;
  g_autoptr(SbContract) dr = NULL;
  const SbContractTerms *terms;
  g_autofree char *start = NULL;
  gint64 before;

  import_suppliers_and_services (f);

  preview = preview_fixture (f, SB_CATALOG_CSV_CONTRACTS, "contracts.csv");
  g_assert_false (sb_import_preview_has_problems (preview));
  g_assert_cmpuint (sb_import_preview_count (preview, SB_IMPORT_ACTION_CREATE), ==, 3);
  g_assert_cmpstr (item_on_line (preview, 2)->key, ==, "Acme Hosting / HOST-2024");
  g_assert_cmpstr (item_on_line (preview, 2)->name, ==, "Web hosting");
  apply (f, preview);

  host = sb_contracts_find (f->book->store, NULL, "host-2024");
  g_assert_nonnull (host);
  g_assert_cmpstr (sb_contract_get_contract_type (host), ==, "hosting");
  terms = sb_contract_get_terms (host);
  start = sb_date_format (&terms->start);
  g_assert_cmpstr (start, ==, "2024-01-31");
  g_assert_cmpint (terms->initial_months, ==, 36);
  g_assert_cmpint (terms->renewal, ==, SB_RENEWAL_AUTOMATIC);
  g_assert_cmpint (terms->renewal_months, ==, 12);
  g_assert_cmpint (terms->notice_amount, ==, 3);
  g_assert_cmpint (terms->notice_unit, ==, SB_NOTICE_MONTHS);
  g_assert_cmpint (sb_contract_get_cost_amount (host), ==, 125050);
  g_assert_cmpstr (sb_contract_get_cost_currency (host), ==, "EUR");
  g_assert_cmpint (sb_contract_get_billing_period (host), ==, SB_BILLING_MONTHLY);
  g_assert_cmpstr (sb_contract_get_cost_category (host), ==, "cloud");
  g_assert_cmpuint (g_strv_length ((char **)sb_contract_get_service_ids (host)), ==, 2);
  g_assert_cmpuint (sb_contract_get_response_target (host, 1), ==, 30);
  g_assert_cmpuint (sb_contract_get_resolution_target (host, 1), ==, 4 * 60);
  g_assert_cmpuint (sb_contract_get_response_target (host, 2), ==, 60);
  g_assert_cmpuint (sb_contract_get_resolution_target (host, 2), ==, 24 * 60);

  nw = sb_contracts_find (f->book->store, NULL, "NW-SUB-1");
  g_assert_cmpstr (sb_contract_get_contract_type (nw), ==, "licence");
  g_assert_cmpint (sb_contract_get_terms (nw)->renewal, ==, SB_RENEWAL_AGREEMENT);
  g_assert_cmpint (sb_contract_get_terms (nw)->notice_amount, ==, 60);
  g_assert_cmpint (sb_contract_get_terms (nw)->notice_unit, ==, SB_NOTICE_DAYS);
  g_assert_cmpint (sb_contract_get_billing_period (nw), ==, SB_BILLING_YEARLY);
  g_assert_cmpstr (sb_contract_get_notes (nw), ==, "Renewed each July, \"by agreement\"");

  /* "no" renewal; a bare notice number is days */
  dr = sb_contracts_find (f->book->store, NULL, "HOST-DR");
  g_assert_cmpint (sb_contract_get_terms (dr)->renewal, ==, SB_RENEWAL_NONE);
  g_assert_cmpint (sb_contract_get_terms (dr)->notice_amount, ==, 30);
  g_assert_cmpint (sb_contract_get_billing_period (dr), ==, SB_BILLING_QUARTERLY);

  /* The same file again: unchanged, nothing written */
  before = footprint (f);
  again = preview_fixture (f, SB_CATALOG_CSV_CONTRACTS, "contracts.csv");
  g_assert_cmpuint (sb_import_preview_count (again, SB_IMPORT_ACTION_UNCHANGED), ==, 3);
  apply (f, again);
  g_assert_cmpint (footprint (f), ==, before);
}

static void
test_contracts_problems (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SbImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gint64 before;

  import_suppliers_and_services (f);
  before = footprint (f);

  preview = preview_fixture (f, SB_CATALOG_CSV_CONTRACTS, "contracts-problems.csv");
  g_assert_true (sb_import_preview_has_problems (preview));

  g_assert_cmpint (item_on_line (preview, 2)->action, ==, SB_IMPORT_ACTION_CREATE);
  assert_problem (preview, 3, "2026-02-30");
  assert_problem (preview, 3, "is not a date that exists");
  assert_problem (preview, 4, "unknown supplier “Nobody Ltd”");
  assert_problem (preview, 4, "import the suppliers first");
  assert_problem (preview, 5, "negative");
  assert_problem (preview, 6, "longer than the initial term");
  assert_problem (preview, 7, "unknown renewal “sometimes”");
  /* A quoted newline keeps the line number of the record's first line;
   * the stray value after it is the problem. */
  assert_problem (preview, 8, "a value holding the separator needs quotes");
  g_assert_cmpuint (sb_import_preview_count (preview, SB_IMPORT_ACTION_SKIP), ==, 6);

  summary = sb_import_preview_summarize (preview);
  g_assert_cmpstr (summary, ==, "1 to create, 0 to update, 0 unchanged, 6 lines with problems");

  /* Nothing is written while any line has a problem, not even the good
   * one. */
  g_assert_false (sb_catalog_csv_apply (f->book->store, preview, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_cmpint (footprint (f), ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contract", NULL), ==, 0);
}

static void
test_contracts_header (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SbImportPreview) preview = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "contracts.csv", NULL);
  const char * const *notes;

  /* No reference column: the header is the one problem. Unknown columns
   * are notes; derived ones are ignored quietly. */
  g_assert_true (g_file_set_contents (path,
                                      "Supplier,Title,Colour,Next renewal\n"
                                      "Acme Hosting,Web hosting,blue,2027-01-01\n",
                                      -1, NULL));
  preview = preview_path (f, SB_CATALOG_CSV_CONTRACTS, path);
  g_assert_cmpuint (sb_import_preview_get_n_items (preview), ==, 1);
  assert_problem (preview, 1, "no “Reference” column");
  notes = sb_import_preview_get_notes (preview);
  g_assert_cmpuint (g_strv_length ((char **)notes), ==, 1);
  g_assert_nonnull (strstr (notes[0], "Colour"));

  sb_test_rm_rf (dir);
}

static void
test_contracts_unknown_service (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SbImportPreview) preview = NULL;
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "contracts.csv", NULL);

  import_suppliers_and_services (f);
  g_assert_true (g_file_set_contents (path,
                                      "Supplier,Reference,Title,Start,Initial term,Services,"
                                      "P1 response,Notice,Notice unit\n"
                                      "Acme Hosting,X-1,Thing,2025-01-01,12,WEB;NOPE,soon,2,weeks\n"
                                      "Acme Hosting,X-2,Thing,2025-01-01,12,web,1 h 30 min,2,months\n",
                                      -1, NULL));
  preview = preview_path (f, SB_CATALOG_CSV_CONTRACTS, path);
  assert_problem (preview, 2, "unknown service code “NOPE”");
  assert_problem (preview, 2, "P1 response “soon” is not a duration");
  g_assert_cmpint (item_on_line (preview, 3)->action, ==, SB_IMPORT_ACTION_CREATE);

  sb_test_rm_rf (dir);
}

/* Export, then import the export: every line unchanged, nothing written. */
static void
round_trip (Fixture          *f,
            SbCatalogCsvKind  kind,
            guint             n_records)
{
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbImportPreview) preview = NULL;
  g_autofree char *contents = NULL;
  gint64 before = footprint (f);

  g_assert_true (sb_catalog_csv_export_to_file (f->book->store, kind, file,
                                                SB_CSV_WRITE_CRLF | SB_CSV_WRITE_BOM, &error));
  g_assert_no_error (error);

  preview = preview_path (f, kind, path);
  g_assert_false (sb_import_preview_has_problems (preview));
  g_assert_cmpuint (sb_import_preview_count (preview, SB_IMPORT_ACTION_UNCHANGED), ==, n_records);
  g_assert_cmpuint (sb_import_preview_get_n_writes (preview), ==, 0);
  /* Every column is known: no notes about ignored ones. */
  g_assert_null (sb_import_preview_get_notes (preview)[0]);
  apply (f, preview);
  g_assert_cmpint (footprint (f), ==, before);

  sb_test_rm_rf (dir);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv;

  import_suppliers_and_services (f);
  import_fixture (f, SB_CATALOG_CSV_CONTRACTS, "contracts.csv");

  round_trip (f, SB_CATALOG_CSV_SUPPLIERS, 3);
  round_trip (f, SB_CATALOG_CSV_CONTRACTS, 3);

  /* The derived columns are there for people, as of the book's today
   * (2026-06-15): HOST-2024 is in its initial term until 2027-01-30,
   * with notice due three months before. */
  bytes = sb_catalog_csv_export (f->book->store, SB_CATALOG_CSV_CONTRACTS,
                                 SB_CSV_WRITE_DEFAULT, &error);
  g_assert_no_error (error);
  csv = g_bytes_get_data (bytes, NULL);
  g_assert_true (g_str_has_prefix (csv, "Supplier,Reference,Title,Type,Status,Start,"));
  g_assert_nonnull (strstr (csv, "Current term end,Next renewal,Last day to give notice"));
  g_assert_nonnull (strstr (csv, "Acme Hosting,HOST-2024,Web hosting,hosting,active,2024-01-31,"
                                 "36,automatic,12,3 months,2027-01-30,2027-01-31,2026-10-30,"));
  g_assert_nonnull (strstr (csv, ",30 min,4h,1h,1d,"));
}

static void
test_round_trip_after_edit (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SbContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  SbContractTerms terms;

  import_suppliers_and_services (f);
  import_fixture (f, SB_CATALOG_CSV_CONTRACTS, "contracts.csv");

  /* Fields the fixture leaves out, set through the register */
  contract = sb_contracts_find (f->book->store, NULL, "NW-SUB-1");
  terms = *sb_contract_get_terms (contract);
  terms.renewals_agreed = 1;
  g_date_set_dmy (&terms.notice_given, 1, G_DATE_MARCH, 2026);
  sb_contract_set_terms (contract, &terms);
  sb_contract_set_scope (contract, "Fifty seats; \"Pro\" plan,\nbilled yearly");
  sb_contract_set_cost (contract, -1, NULL);
  g_assert_true (sb_contracts_save (f->book->store, contract, &error));
  g_assert_no_error (error);

  round_trip (f, SB_CATALOG_CSV_CONTRACTS, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/supplier-csv/suppliers/clean", test_suppliers_clean);
  ADD ("/store/supplier-csv/suppliers/synonyms", test_suppliers_synonyms);
  ADD ("/store/supplier-csv/suppliers/second-import", test_suppliers_second_import);
  ADD ("/store/supplier-csv/contracts/clean", test_contracts_clean);
  ADD ("/store/supplier-csv/contracts/problems", test_contracts_problems);
  ADD ("/store/supplier-csv/contracts/header", test_contracts_header);
  ADD ("/store/supplier-csv/contracts/unknown-service", test_contracts_unknown_service);
  ADD ("/store/supplier-csv/round-trip", test_round_trip);
  ADD ("/store/supplier-csv/round-trip-after-edit", test_round_trip_after_edit);

#undef ADD

  return g_test_run ();
}

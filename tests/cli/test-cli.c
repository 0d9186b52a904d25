/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <sys/wait.h>

#include "sb-test-utils.h"

/* The real servicebook binary, run as a person would from a shell, with
 * no display. */

typedef struct
{
  char *dir;
  char *book;
  char *out;
  char *err;
  int   status;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sb_test_make_tmpdir ();
  f->book = g_build_filename (f->dir, "book.sqlite", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sb_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->book);
  g_free (f->out);
  g_free (f->err);
}

/* Runs servicebook with the arguments given, NULL-terminated. */
static void
run (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *binary = NULL;
  const char *build_dir = g_getenv ("SERVICEBOOK_BUILD_DIR");
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_assert_nonnull (build_dir);
  binary = g_build_filename (build_dir, "src", "servicebook", NULL);

  /* No display: the command line must not need one. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", f->dir, TRUE);

  g_ptr_array_add (argv, binary);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &f->out, &f->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  f->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", f->status, f->out, f->err);
}

static void
test_version_and_help (Fixture       *f,
                       gconstpointer  data)
{
  run (f, "--version", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "servicebook " PACKAGE_VERSION "\n");

  run (f, "--help", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Usage: servicebook"));
  g_assert_nonnull (strstr (f->out, "backup FILE"));
  g_assert_nonnull (strstr (f->out, "--book PATH"));
  g_assert_cmpstr (f->err, ==, "");
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  run (f, "--frobnicate", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "--frobnicate"));
  g_assert_nonnull (strstr (f->err, "Usage: servicebook"));
  g_assert_cmpstr (f->out, ==, "");

  run (f, "frobnicate", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "frobnicate"));

  run (f, "--book", NULL);
  g_assert_cmpint (f->status, ==, 2);

  run (f, "--book", f->book, "check", "extra", NULL);
  g_assert_cmpint (f->status, ==, 2);

  run (f, "--book", f->book, "backup", NULL);
  g_assert_cmpint (f->status, ==, 2);

  run (f, "--book", f->book, "backup", "--force", "x", NULL);
  g_assert_cmpint (f->status, ==, 2);

  /* None of that created a book. */
  g_assert_false (g_file_test (f->book, G_FILE_TEST_EXISTS));
}

static void
test_check_missing_book (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *default_book = g_build_filename (f->dir, "servicebook", "book.sqlite", NULL);

  run (f, "--book", f->book, "check", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no book"));
  g_assert_false (g_file_test (f->book, G_FILE_TEST_EXISTS));

  /* The default book lives under XDG_DATA_HOME. */
  run (f, "check", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, default_book));
  g_assert_false (g_file_test (default_book, G_FILE_TEST_EXISTS));
}

static void
test_sample_check_backup_restore (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.sqlite", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.sqlite", NULL);
  g_autoptr(GError) error = NULL;

  run (f, "--book", f->book, "sample-data", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_file_test (f->book, G_FILE_TEST_EXISTS));

  run (f, "--book", f->book, "check", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Integrity: ok"));
  g_assert_nonnull (strstr (f->out, "Format: "));

  run (f, "--book", f->book, "backup", backup, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  run (f, "--book", f->book, "backup", backup, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "already exists"));

  run (f, "--book", backup, "check", NULL);
  g_assert_cmpint (f->status, ==, 0);

  g_assert_true (g_file_set_contents (junk, "hello", -1, &error));
  run (f, "--book", f->book, "restore", junk, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "not a Servicebook book"));

  run (f, "--book", f->book, "restore", backup, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "before-restore"));

  run (f, "--book", f->book, "check", NULL);
  g_assert_cmpint (f->status, ==, 0);
}

static void
test_refused_books (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->book, "SQLite format 3\0 but not really", 32, &error));
  before = sb_test_file_checksum (f->book);

  run (f, "--book", f->book, "check", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_cmpstr (f->err, !=, "");

  run (f, "--book", f->book, "backup", "x.sqlite", NULL);
  g_assert_cmpint (f->status, ==, 1);

  run (f, "--book", f->book, "sample-data", NULL);
  g_assert_cmpint (f->status, ==, 1);

  after = sb_test_file_checksum (f->book);
  g_assert_cmpstr (before, ==, after);
}

static char *
fixture (const char *name)
{
  const char *source_dir = g_getenv ("SERVICEBOOK_SOURCE_DIR");

  g_assert_nonnull (source_dir);

  return g_build_filename (source_dir, "tests", "fixtures", name, NULL);
}

static void
test_csv_import_export (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *customers = fixture ("customers.csv");
  g_autofree char *services = fixture ("services.csv");
  g_autofree char *problems = fixture ("services-problems.csv");
  g_autofree char *exported = g_build_filename (f->dir, "services-export.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *header_only = NULL;

  /* A dry run never creates a book. */
  run (f, "--book", f->book, "import", "customers", customers, "--dry-run", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_false (g_file_test (f->book, G_FILE_TEST_EXISTS));

  run (f, "--book", f->book, "import", "customers", customers, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "3 to create"));

  /* --dry-run, before or after the file, writes nothing. */
  run (f, "--book", f->book, "import", "--dry-run", "services", services, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "3 to create"));
  g_assert_nonnull (strstr (f->out, "line 5: create BACKUP"));
  g_assert_nonnull (strstr (f->out, "Dry run"));
  run (f, "--book", f->book, "export", "services", "-o", "-", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Code,Name,Status,"));
  g_assert_cmpint (strchr (f->out, '\n') - f->out + 1, ==, strlen (f->out));
  header_only = g_strdup (f->out);

  /* A file with problems: every line named, exit 1, nothing written. */
  run (f, "--book", f->book, "import", "services", problems, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "line 3: unknown status “actve”"));
  g_assert_nonnull (strstr (f->err, "line 4: "));
  g_assert_nonnull (strstr (f->err, "line 9: unknown service code “PAYROLL”"));
  g_assert_nonnull (strstr (f->err, "Nothing was imported"));
  run (f, "--book", f->book, "export", "services", "-o", "-", NULL);
  g_assert_cmpstr (f->out, ==, header_only);

  run (f, "--book", f->book, "import", "services", services, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Wrote 3 records"));

  /* To standard output: plain LF, no byte order mark. */
  run (f, "--book", f->book, "export", "services", "-o", "-", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Code,Name,Status,"));
  g_assert_nonnull (strstr (f->out, "\nEMAIL,Email and calendars,live,"));
  g_assert_null (strstr (f->out, "\r\n"));
  g_assert_cmpstr (f->err, ==, "");

  /* To a file: for spreadsheets, and it reads back unchanged. */
  run (f, "--book", f->book, "export", "services", "--output", exported, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Code,Name,"));
  g_assert_nonnull (strstr (text, "\r\nNET,Network,"));

  run (f, "--book", f->book, "import", "services", exported, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "0 to create, 0 to update, 3 unchanged"));

  run (f, "--book", f->book, "export", "customers", "-o", "-", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Café Central"));
}

static void
test_csv_usage_errors (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *services = fixture ("services.csv");

  /* A wrong kind lists the valid ones. */
  run (f, "--book", f->book, "import", "vendors", services, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "“vendors”"));
  g_assert_nonnull (strstr (f->err, "services, customers, suppliers or contracts"));

  run (f, "--book", f->book, "export", "invoices", "-o", "-", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "services, customers, suppliers or contracts"));

  /* Deadlines: -o is needed, --months is a number of months */
  run (f, "--book", f->book, "export", "deadlines", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "-o FILE.ics"));

  run (f, "--book", f->book, "export", "deadlines", "-o", "d.ics", "--months", "soon", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "“soon”"));

  run (f, "--book", f->book, "export", "deadlines", "-o", "d.ics", "--dry-run", NULL);
  g_assert_cmpint (f->status, ==, 2);

  run (f, "--book", f->book, "export", "-o", "-", "deadlines", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "right after the command"));

  run (f, "--book", f->book, "export", "services", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "-o FILE"));

  run (f, "--book", f->book, "export", "services", "-o", NULL);
  g_assert_cmpint (f->status, ==, 2);

  run (f, "--book", f->book, "export", "services", "--dry-run", "-o", "-", NULL);
  g_assert_cmpint (f->status, ==, 2);

  run (f, "--book", f->book, "import", "services", services, "-o", "x", NULL);
  g_assert_cmpint (f->status, ==, 2);

  run (f, "--book", f->book, "import", "services", NULL);
  g_assert_cmpint (f->status, ==, 2);

  g_assert_false (g_file_test (f->book, G_FILE_TEST_EXISTS));
}

static void
test_supplier_csv (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *suppliers = fixture ("suppliers.csv");
  g_autofree char *problems = fixture ("contracts-problems.csv");
  g_autofree char *contracts = g_build_filename (f->dir, "contracts.csv", NULL);
  g_autofree char *exported = g_build_filename (f->dir, "suppliers-export.csv", NULL);
  g_autofree char *text = NULL;

  /* Contracts before their suppliers: every line says so, exit 1. */
  g_assert_true (g_file_set_contents (contracts,
                                      "Supplier,Reference,Title,Start,Initial term (months),"
                                      "Renewal,Renewal term (months),Notice period,Cost,Currency\n"
                                      "Acme Hosting,HOST-2024,Web hosting,2026-01-01,12,automatic,"
                                      "12,2 months,100,EUR\n"
                                      "acme hosting,HOST-DR,Disaster recovery,2026-03-01,24,no,,"
                                      "90 days,,\n",
                                      -1, NULL));
  run (f, "--book", f->book, "import", "contracts", contracts, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "line 2: unknown supplier “Acme Hosting”: import the "
                                    "suppliers first"));
  g_assert_nonnull (strstr (f->err, "line 3: unknown supplier"));
  g_assert_nonnull (strstr (f->err, "Nothing was imported"));

  /* A dry run writes nothing. */
  run (f, "--book", f->book, "import", "suppliers", suppliers, "--dry-run", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "3 to create"));
  g_assert_nonnull (strstr (f->out, "line 2: create Acme Hosting"));
  g_assert_nonnull (strstr (f->out, "Dry run"));
  run (f, "--book", f->book, "export", "suppliers", "-o", "-", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "Name,Kind,Status,Criticality,Website,Account number,"
                               "Relationship owner,Contact name,Contact role,Contact email,"
                               "Contact phone,Notes\n");

  run (f, "--book", f->book, "import", "suppliers", suppliers, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Wrote 3 records"));

  run (f, "--book", f->book, "import", "contracts", contracts, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "line 2: create Acme Hosting / HOST-2024"));
  g_assert_nonnull (strstr (f->out, "Wrote 2 records"));

  /* Problem lines each with their reason, exit 1, nothing written */
  run (f, "--book", f->book, "import", "contracts", problems, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "line 3: Start “2026-02-30” is not a date that exists"));
  g_assert_nonnull (strstr (f->err, "line 4: unknown supplier “Nobody Ltd”"));
  g_assert_nonnull (strstr (f->err, "line 5: the cost cannot be negative"));
  g_assert_nonnull (strstr (f->err, "line 6: the notice period (6 months) is longer"));
  g_assert_nonnull (strstr (f->err, "line 7: unknown renewal “sometimes”"));
  g_assert_nonnull (strstr (f->err, "line 8: the line has"));
  run (f, "--book", f->book, "export", "contracts", "-o", "-", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Supplier,Reference,Title,Type,Status,Start,"));
  g_assert_nonnull (strstr (f->out, "\nAcme Hosting,HOST-2024,Web hosting,support,"));
  g_assert_null (strstr (f->out, "GOOD-1"));

  /* Export to a file reads back unchanged. */
  run (f, "--book", f->book, "export", "suppliers", "-o", exported, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Exported the suppliers"));
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Name,Kind,"));
  run (f, "--book", f->book, "import", "suppliers", exported, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "0 to create, 0 to update, 3 unchanged"));

  run (f, "--book", f->book, "export", "contracts", "-o", contracts, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Exported the contracts"));
  run (f, "--book", f->book, "import", "contracts", contracts, "--dry-run", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "0 to create, 0 to update, 2 unchanged"));
}

static void
test_export_deadlines (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *suppliers = fixture ("suppliers.csv");
  g_autofree char *contracts = g_build_filename (f->dir, "contracts.csv", NULL);
  g_autofree char *ics = g_build_filename (f->dir, "deadlines.ics", NULL);
  g_autofree char *text = NULL;
  g_autofree char *start = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* No book: nothing to export, and none is created */
  run (f, "--book", f->book, "export", "deadlines", "-o", ics, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_false (g_file_test (f->book, G_FILE_TEST_EXISTS));

  /* A contract that started a month ago: its notice deadline and term
   * end fall within the next months. */
  start = g_date_time_format (now, "%Y-%m-01");
  text = g_strdup_printf ("Supplier,Reference,Title,Start,Initial term (months),Renewal,"
                          "Renewal term (months),Notice period\n"
                          "Acme Hosting,HOST-1,Web hosting,%s,6,automatic,6,30 days\n",
                          start);
  g_assert_true (g_file_set_contents (contracts, text, -1, NULL));
  g_clear_pointer (&text, g_free);

  run (f, "--book", f->book, "import", "suppliers", suppliers, NULL);
  g_assert_cmpint (f->status, ==, 0);
  run (f, "--book", f->book, "import", "contracts", contracts, NULL);
  g_assert_cmpint (f->status, ==, 0);

  run (f, "--book", f->book, "export", "deadlines", "-o", ics, "--months", "12", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Exported the deadlines"));
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:VEVENT"));
  g_assert_nonnull (strstr (text, "HOST-1"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
}

static void
test_incidents_import_export (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *servicenow = fixture ("incidents-servicenow.csv");
  g_autofree char *messy = fixture ("incidents-messy.csv");
  g_autofree char *no_title = fixture ("incidents-no-title.csv");
  g_autofree char *exported = g_build_filename (f->dir, "incidents.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *undo_line = NULL;
  const char *batch;

  /* A dry run never creates a book. */
  run (f, "--book", f->book, "import", "incidents", servicenow, "--dry-run", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_false (g_file_test (f->book, G_FILE_TEST_EXISTS));

  run (f, "--book", f->book, "import", "incidents", servicenow, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Number → reference"));
  g_assert_nonnull (strstr (f->out, "5 incidents will be imported."));
  g_assert_nonnull (strstr (f->out, "Imported 5 incidents"));
  g_assert_cmpint (sb_test_raw_count (f->book, "SELECT count(*) FROM incident"), ==, 5);
  g_assert_cmpint (sb_test_raw_count (f->book, "SELECT count(*) FROM service"), ==, 3);
  batch = strstr (f->out, "servicebook import undo ");
  g_assert_nonnull (batch);
  undo_line = g_strstrip (g_strdup (batch + strlen ("servicebook import undo ")));

  /* A dry run of a messy file lists its problems and writes nothing. */
  run (f, "--book", f->book, "import", "--dry-run", "incidents", messy, NULL);
  g_assert_cmpint (f->status, ==, 2);
  run (f, "--book", f->book, "import", "incidents", "--dry-run", messy, "--date-format",
       "day-first", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->err, "line 4 (M-2): Date opened: “31/02/2026 10:00”"));
  g_assert_nonnull (strstr (f->err, "line 5 (M-3): Unknown status “Parked”"));
  g_assert_nonnull (strstr (f->err, "line 6 (M-4): no title"));
  g_assert_nonnull (strstr (f->out, "Dry run: nothing was written."));
  g_assert_cmpint (sb_test_raw_count (f->book, "SELECT count(*) FROM incident"), ==, 5);

  /* Mapping the value on the command line solves a line. */
  run (f, "--book", f->book, "import", "incidents", messy, "--value",
       "status:Parked=on-hold:awaiting-customer", "--unknown", "leave", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Imported 3 incidents"));
  g_assert_nonnull (strstr (f->out, "2 lines with problems were left out"));
  g_assert_cmpint (sb_test_raw_count (f->book, "SELECT count(*) FROM incident "
                                      "WHERE hold_reason = 'awaiting-customer'"), ==, 2);
  g_assert_cmpint (sb_test_raw_count (f->book, "SELECT count(*) FROM customer "
                                      "WHERE name = 'Acme Dental'"), ==, 1);

  /* The same file again changes nothing. */
  run (f, "--book", f->book, "import", "incidents", servicenow, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "remembered"));
  g_assert_nonnull (strstr (f->out, "Nothing new to import."));
  g_assert_cmpint (sb_test_raw_count (f->book, "SELECT count(*) FROM incident"), ==, 8);

  /* Nothing importable: exit 1 */
  run (f, "--book", f->book, "import", "incidents", no_title, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "line 1: No column holds the title"));
  g_assert_nonnull (strstr (f->err, "Nothing could be imported"));

  /* Export with a filter */
  run (f, "--book", f->book, "export", "incidents", "-o", "-", "--status", "closed,resolved", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Reference,Title,Description,Service,Customer,"));
  g_assert_nonnull (strstr (f->out, "\nINC0010001,"));
  g_assert_nonnull (strstr (f->out, "\nINC0010004,"));
  g_assert_nonnull (strstr (f->out, "\nM-5,"));
  g_assert_null (strstr (f->out, "INC0010002"));

  run (f, "--book", f->book, "export", "incidents", "--output", exported, "--service", "EMAIL",
       "--from", "2026-03-01", "--to", "2026-03-02", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Reference,"));
  g_assert_nonnull (strstr (text, "\r\nINC0010001,"));
  g_assert_null (strstr (text, "INC0010004"));

  run (f, "--book", f->book, "export", "incidents", "-o", "-", "--service", "NOPE", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "NOPE"));

  /* Undo the first import by its batch, then the latest one. */
  run (f, "--book", f->book, "import", "undo", undo_line, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpint (sb_test_raw_count (f->book, "SELECT count(*) FROM incident WHERE deleted = 0"),
                   ==, 3);
  g_assert_cmpint (sb_test_raw_count (f->book, "SELECT count(*) FROM service WHERE deleted = 0"),
                   ==, 0);
  run (f, "--book", f->book, "import", "undo", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpint (sb_test_raw_count (f->book, "SELECT count(*) FROM incident WHERE deleted = 0"),
                   ==, 0);
  run (f, "--book", f->book, "import", "undo", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "no import to undo"));
}

static void
test_incidents_usage_errors (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *servicenow = fixture ("incidents-servicenow.csv");

  run (f, "--book", f->book, "import", "incidents", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "import incidents FILE"));

  run (f, "--book", f->book, "import", "incidents", servicenow, "--unknown", "maybe", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "create or leave"));

  run (f, "--book", f->book, "export", "incidents", "-o", "-", "--view", "urgent", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "open, at-risk, breached, major, recently-resolved or all"));

  run (f, "--book", f->book, "export", "incidents", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "-o FILE"));

  run (f, "--book", f->book, "import", "undo", "a", "b", NULL);
  g_assert_cmpint (f->status, ==, 2);

  /* These need the file's columns: a book to read it against. */
  run (f, "--book", f->book, "sample-data", NULL);
  g_assert_cmpint (f->status, ==, 0);

  run (f, "--book", f->book, "import", "incidents", servicenow, "--date-format", "yesterday",
       NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "auto, iso, day-first or month-first"));

  run (f, "--book", f->book, "import", "incidents", servicenow, "--map", "Caller=person", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "reference, title"));

  run (f, "--book", f->book, "import", "incidents", servicenow, "--map", "Nope=title", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "Short description"));

  run (f, "--book", f->book, "import", "incidents", servicenow, "--value", "priority:2 - High=9",
       NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "1, 2, 3, 4, 5"));

  run (f, "--book", f->book, "export", "incidents", "-o", "-", "--status", "parked", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "in-progress"));

  run (f, "--book", f->book, "export", "incidents", "-o", "-", "--from", "31/12/2026", NULL);
  g_assert_cmpint (f->status, ==, 2);
}

static void
test_costs_import_export (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *bank = fixture ("costs-bank-de.csv");
  g_autofree char *problems = fixture ("costs-problems.csv");
  g_autofree char *exported = g_build_filename (f->dir, "costs.csv", NULL);
  g_autofree char *contents = NULL;

  /* A German bank export into a new book. */
  run (f, "--book", f->book, "import", "costs", bank, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Dates: day-first; decimal mark: comma"));
  g_assert_nonnull (strstr (f->out, "Verwendungszweck → description"));
  g_assert_nonnull (strstr (f->out, "3 costs will be imported."));
  g_assert_nonnull (strstr (f->out, "2 suppliers will be created: Stratus Cloud, Neuer Lieferant AG."));
  g_assert_nonnull (strstr (f->out, "line 2: skipped, a balance line, not a cost"));
  g_assert_nonnull (strstr (f->out, "line 6: skipped, no amount"));
  g_assert_nonnull (strstr (f->out, "Imported 3 costs into"));
  g_assert_nonnull (strstr (f->out, "servicebook import undo "));

  /* Again: nothing doubles. */
  run (f, "--book", f->book, "import", "costs", bank, "--dry-run", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Columns (as remembered from the last import)"));
  g_assert_nonnull (strstr (f->out, "0 costs will be imported. 3 are already in the book"));
  g_assert_nonnull (strstr (f->out, "line 3: skipped, already in the book"));
  run (f, "--book", f->book, "import", "costs", bank, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Nothing new to import."));

  /* Problem lines on stderr, each with its reason; the good ones go in. */
  run (f, "--book", f->book, "import", "costs", problems, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->err, "line 2: Date: "));
  g_assert_nonnull (strstr (f->err, "line 3: Unknown category “Snacks”"));
  g_assert_nonnull (strstr (f->err, "line 4: Unknown currency “XYZ”"));
  g_assert_nonnull (strstr (f->err, "line 5: No exchange rate for USD"));
  g_assert_nonnull (strstr (f->out, "Imported 2 costs into"));
  g_assert_nonnull (strstr (f->out, "4 lines with problems were left out"));

  /* Without a category column nor --category, nothing can be read. */
  run (f, "--book", f->book, "import", "costs", problems, "--map", "Category=ignore",
       "--dry-run", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "No column holds the category"));
  run (f, "--book", f->book, "import", "costs", problems, "--map", "Category=ignore",
       "--category", "other", "--dry-run", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Dry run: nothing was written."));

  run (f, "--book", f->book, "export", "costs", "-o", exported, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_true (g_file_get_contents (exported, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Date,Amount,Currency,Rate,Category,Supplier,Contract,"
                                      "Service,Invoice,Description\r\n"));
  g_assert_nonnull (strstr (contents, "2026-03-02,1234.56,EUR,"));
  g_assert_nonnull (strstr (contents, "2026-03-13,-34.56,EUR,"));
  g_assert_nonnull (strstr (contents, "2026-03-04,100.00,USD,0.92,software,Acme Software"));

  run (f, "--book", f->book, "export", "costs", "-o", "-", "--category", "cloud", "--to",
       "2026-03-05", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "2026-03-02,1234.56,EUR"));
  g_assert_null (strstr (f->out, "-34.56"));
  g_assert_null (strstr (f->out, "99.00"));

  run (f, "--book", f->book, "export", "costs", "-o", "-", "--supplier", "Nobody", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "no supplier named “Nobody”"));

  /* Undo takes back the latest import, a cost import. */
  run (f, "--book", f->book, "import", "undo", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Undid the latest cost import"));
  run (f, "--book", f->book, "export", "costs", "-o", "-", NULL);
  g_assert_null (strstr (f->out, "USD"));
  g_assert_nonnull (strstr (f->out, "1234.56"));

  run (f, "--book", f->book, "export", "budget", "Anything", "-o", "-", NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no budget named “Anything”. The book has no "
                                    "budgets yet."));
}

static void
test_export_budget (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *exported = g_build_filename (f->dir, "budget.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  const char *listed;

  run (f, "--book", f->book, "sample-data", NULL);
  g_assert_cmpint (f->status, ==, 0);

  /* A wrong name lists the budgets. */
  run (f, "--book", f->book, "export", "budget", "Nope", "-o", exported, NULL);
  g_assert_cmpint (f->status, ==, 1);
  listed = strstr (f->err, "The budgets are: ");
  g_assert_nonnull (listed);
  name = g_strstrip (g_strdup (listed + strlen ("The budgets are: ")));
  g_assert_true (g_str_has_prefix (name, "IT budget "));
  g_assert_false (g_file_test (exported, G_FILE_TEST_EXISTS));

  run (f, "--book", f->book, "export", "budget", name, "-o", exported, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Exported the budget"));
  g_assert_true (g_file_get_contents (exported, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFLine,Category,"));
  g_assert_nonnull (strstr (contents, " planned,"));
  g_assert_nonnull (strstr (contents, " actual,"));
  g_assert_nonnull (strstr (contents, " variance,"));
  g_assert_nonnull (strstr (contents, "Total planned,Total actual,Committed,Forecast,Variance,"
                                      "Variance %\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nTotal,"));

  run (f, "--book", f->book, "export", "budget", name, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "-o FILE"));

  run (f, "--book", f->book, "import", "costs", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "import costs FILE"));

  run (f, "--book", f->book, "import", "costs", exported, "--decimal", "dot", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "auto, point or comma"));

  run (f, "--book", f->book, "import", "costs", exported, "--category", "snacks", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "supplier-services"));
}

/* ---- report ---- */

typedef struct
{
  const char *name;
  const char *title;    /* as report --list shows it */
  const char *text;     /* in its PDF's first page; NULL: the record's name */
  const char *header;   /* the start of a header row its CSV has */
} ReportName;

static const ReportName report_names[] = {
  { "catalogue", "Service catalogue", "Service catalogue", "Service,Code,Category," },
  { "service-levels", "Service level report", "Service level report",
    "Priority,Incidents,Response target," },
  { "incident-log", "Incident log", "Incident log", "Reference,Opened," },
  { "incident", "Incident record", NULL, "Field,Value\r\n" },
  { "supplier-review", "Supplier performance review", NULL, "Contract,Terms,Status," },
  { "contracts", "Contract register and renewal calendar", "Contract register",
    "Supplier,Reference,Title," },
  { "budget", "Budget against actual", "Budget against actual", "Line,Figure," },
  { "management-review", "Management review pack", "Management review",
    "Priority,Opened,Resolved," },
};

/* The first field of the first record of an export to standard output:
 * a supplier's name, an incident's reference. */
static char *
first_exported (Fixture    *f,
                const char *kind)
{
  g_auto(GStrv) lines = NULL;
  char *comma;

  run (f, "--book", f->book, "export", kind, "-o", "-", NULL);
  g_assert_cmpint (f->status, ==, 0);
  lines = g_strsplit (f->out, "\n", 3);
  g_assert_nonnull (lines[0]);
  g_assert_nonnull (lines[1]);
  g_assert_cmpstr (lines[1], !=, "");
  g_assert_true (lines[1][0] != '"');
  comma = strchr (lines[1], ',');
  g_assert_nonnull (comma);

  return g_strndup (lines[1], comma - lines[1]);
}

/* Runs a program of poppler-utils; FALSE when it is not installed. */
static gboolean
run_tool (const char  *tool,
          const char  *pdf,
          char       **out_text)
{
  g_autofree char *path = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (path == NULL)
    return FALSE;

  if (g_str_equal (tool, "pdftotext"))
    {
      const char *argv[] = { path, "-layout", pdf, "-", NULL };

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, out_text, NULL, &wait_status, &error));
    }
  else
    {
      const char *argv[] = { path, pdf, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, out_text, NULL, &wait_status, &error));
    }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return TRUE;
}

/* Every run of white space as one space: titles may wrap in a PDF. */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n\f", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

static void
check_report_pdf (const char *pdf,
                  const char *title)
{
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char *pages;
  gsize length = 0;

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  if (!run_tool ("pdfinfo", pdf, &info) || !run_tool ("pdftotext", pdf, &text))
    {
      g_test_skip ("pdfinfo or pdftotext (poppler-utils) is not installed");
      return;
    }

  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpint (atoi (pages + strlen ("Pages:")), >=, 1);

  /* The title in the first page's heading, and "Page 1 of N" in the
   * footer of every page. */
  flat = squeeze (text);
  g_assert_nonnull (strstr (flat, title));
  g_assert_nonnull (strstr (flat, "1 of"));
}

/* The CSV has a header row for each table: a spreadsheet's byte order
 * mark, then a table's title or its column titles, every row as wide as
 * the header row above it. */
static void
check_report_csv (const char *csv,
                  const char *header)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_headers = 0;
  gboolean at_table_start = TRUE;

  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));

  lines = g_strsplit (contents + 3, "\r\n", -1);
  g_assert_cmpstr (lines[0], !=, "");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        {
          at_table_start = TRUE;
          continue;
        }
      if (at_table_start)
        {
          /* A title line (one field) is followed by the column titles;
           * either way a header row starts every table. */
          g_assert_cmpstr (lines[i], !=, "");
          n_headers++;
          at_table_start = FALSE;
        }
    }
  g_assert_cmpuint (n_headers, >=, 1);

  /* The column titles of one of its tables, on a line of their own. */
  if (header != NULL)
    {
      g_autofree char *line = g_strconcat ("\n", header, NULL);
      g_autofree char *text = g_strconcat ("\n", contents + 3, NULL);

      g_assert_nonnull (strstr (text, line));
    }
}

static void
test_report_list (Fixture       *f,
                  gconstpointer  data)
{
  run (f, "--book", f->book, "report", "--list", NULL);
  g_assert_cmpint (f->status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (report_names); i++)
    {
      g_autofree char *line = g_strdup_printf ("  %-18s %s\n", report_names[i].name,
                                               report_names[i].title);

      g_assert_nonnull (strstr (f->out, line));
    }
  g_assert_nonnull (strstr (f->out, "--incident REF"));
  g_assert_nonnull (strstr (f->out, "--supplier NAME"));
  g_assert_cmpstr (f->err, ==, "");

  /* Without a name: the same list; the book need not exist. */
  run (f, "--book", f->book, "report", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "  incident-log "));
  g_assert_nonnull (strstr (f->out, "  management-review "));
  g_assert_false (g_file_test (f->book, G_FILE_TEST_EXISTS));

  run (f, "--help", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_nonnull (strstr (f->out, "report NAME -o FILE.pdf|FILE.csv"));
  g_assert_nonnull (strstr (f->out, "--period 2026-10|2026-Q3|2026"));
}

static void
test_report_each (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *supplier = NULL;
  g_autofree char *incident = NULL;

  run (f, "--book", f->book, "sample-data", NULL);
  g_assert_cmpint (f->status, ==, 0);
  supplier = first_exported (f, "suppliers");
  incident = first_exported (f, "incidents");

  for (guint i = 0; i < G_N_ELEMENTS (report_names); i++)
    {
      const char *name = report_names[i].name;
      g_autofree char *base = g_build_filename (f->dir, name, NULL);
      g_autofree char *pdf = g_strconcat (base, ".pdf", NULL);
      g_autofree char *csv = g_strconcat (base, ".csv", NULL);
      const char *option = NULL;
      const char *value = NULL;
      g_autofree char *title = g_strdup (report_names[i].text);
      const char *outputs[] = { pdf, csv };

      g_test_message ("report %s", name);
      if (g_str_equal (name, "incident"))
        {
          option = "--incident";
          value = incident;
          /* A record's report is titled by the record. */
          g_free (title);
          title = g_strdup (incident);
        }
      else if (g_str_equal (name, "supplier-review"))
        {
          option = "--supplier";
          value = supplier;
          g_free (title);
          title = g_strdup (supplier);
        }

      for (guint k = 0; k < G_N_ELEMENTS (outputs); k++)
        {
          run (f, "--book", f->book, "report", name, "-o", outputs[k], option, value, NULL);
          g_assert_cmpint (f->status, ==, 0);
          g_assert_cmpstr (f->err, ==, "");
          g_assert_true (g_str_has_prefix (f->out, "Wrote "));
          g_assert_nonnull (strstr (f->out, outputs[k]));
        }

      check_report_csv (csv, report_names[i].header);
      check_report_pdf (pdf, title);
    }

  /* A quarter, US Letter on its side, a customer, a service. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "levels.PDF", NULL);
    g_autofree char *info = NULL;

    run (f, "--book", f->book, "report", "service-levels", "--period", "2026-Q3",
         "--customer", "bluebell bakery", "--service", "HELPDESK", "--paper", "letter",
         "--landscape", "-o", pdf, NULL);
    g_assert_cmpint (f->status, ==, 0);
    g_assert_nonnull (strstr (f->out, "Q3 2026"));
    check_report_pdf (pdf, "Service level report");
    if (run_tool ("pdfinfo", pdf, &info))
      g_assert_nonnull (strstr (info, "792 x 612 pts"));
  }

  /* One contract, by its reference, with or without its supplier. */
  {
    g_autofree char *csv = g_build_filename (f->dir, "contract.csv", NULL);
    g_autofree char *contents = NULL;

    run (f, "--book", f->book, "report", "contracts", "--contract", "BW-WAR-5Y", "-o", csv, NULL);
    g_assert_cmpint (f->status, ==, 0);
    g_assert_nonnull (strstr (f->out, "BW-WAR-5Y"));
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "BW-WAR-5Y"));
    g_assert_null (strstr (contents, "BW-LEASE-LAPTOPS"));

    run (f, "--book", f->book, "report", "contracts", "--supplier", "brightwave systems",
         "--contract", "BW-WAR-5Y", "-o", csv, NULL);
    g_assert_cmpint (f->status, ==, 0);

    run (f, "--book", f->book, "report", "contracts", "--contract", "NO-SUCH-REF", "-o", csv,
         NULL);
    g_assert_cmpint (f->status, ==, 1);
    g_assert_nonnull (strstr (f->err, "“NO-SUCH-REF”"));

    run (f, "--book", f->book, "report", "incident-log", "--contract", "BW-WAR-5Y", "-o", csv,
         NULL);
    g_assert_cmpint (f->status, ==, 2);
    g_assert_nonnull (strstr (f->err, "takes no --contract"));
  }

  /* CSV to standard output: plain line ends, no byte order mark. */
  run (f, "--book", f->book, "report", "catalogue", "-o", "-", NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_false (g_str_has_prefix (f->out, "\xEF\xBB\xBF"));
  g_assert_null (strstr (f->out, "\r\n"));
  g_assert_cmpuint (strlen (f->out), >, 0);
}

static void
test_report_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *odt = g_build_filename (f->dir, "out.odt", NULL);

  run (f, "--book", f->book, "sample-data", NULL);
  g_assert_cmpint (f->status, ==, 0);

  /* A wrong name: the names with their descriptions. */
  run (f, "--book", f->book, "report", "incidents-log", "-o", pdf, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "There is no report named “incidents-log”"));
  for (guint i = 0; i < G_N_ELEMENTS (report_names); i++)
    g_assert_nonnull (strstr (f->err, report_names[i].name));
  g_assert_nonnull (strstr (f->err, "Every incident opened in a period"));
  g_assert_cmpstr (f->out, ==, "");

  /* A wrong period: the three forms with examples. */
  run (f, "--book", f->book, "report", "incident-log", "--period", "2026-13", "-o", pdf, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "2026-13"));
  g_assert_nonnull (strstr (f->err, "2026-10"));
  g_assert_nonnull (strstr (f->err, "2026-Q3"));
  run (f, "--book", f->book, "report", "incident-log", "--period", "Q3", "-o", pdf, NULL);
  g_assert_cmpint (f->status, ==, 2);

  /* A wrong extension names both. */
  run (f, "--book", f->book, "report", "incident-log", "-o", odt, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, ".pdf"));
  g_assert_nonnull (strstr (f->err, ".csv"));
  g_assert_nonnull (strstr (f->err, "out.odt"));

  run (f, "--book", f->book, "report", "incident-log", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "-o FILE.pdf"));

  run (f, "--book", f->book, "report", "incident-log", "--paper", "a3", "-o", pdf, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "a4 or letter"));

  /* What a report needs, and what it has no use for. */
  run (f, "--book", f->book, "report", "supplier-review", "-o", pdf, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "needs --supplier NAME"));
  run (f, "--book", f->book, "report", "incident", "-o", pdf, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "needs --incident REF"));
  run (f, "--book", f->book, "report", "catalogue", "--supplier", "Anyone", "-o", pdf, NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "takes no --supplier"));

  /* Names the book lacks: failures that say which. */
  run (f, "--book", f->book, "report", "supplier-review", "--supplier", "Nobody Ltd", "-o", pdf,
       NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no supplier named “Nobody Ltd”"));
  run (f, "--book", f->book, "report", "incident-log", "--customer", "Nobody", "-o", pdf, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no customer named “Nobody”"));
  run (f, "--book", f->book, "report", "incident-log", "--service", "NOPE", "-o", pdf, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no service with the code “NOPE”"));
  run (f, "--book", f->book, "report", "incident", "--incident", "INC-0000", "-o", pdf, NULL);
  g_assert_cmpint (f->status, ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no incident with the reference “INC-0000”"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* A book that is not there is not created. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.sqlite", NULL);

    run (f, "--book", missing, "report", "catalogue", "-o", pdf, NULL);
    g_assert_cmpint (f->status, ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("version-help", test_version_and_help);
  ADD ("usage-errors", test_usage_errors);
  ADD ("check-missing", test_check_missing_book);
  ADD ("round-trip", test_sample_check_backup_restore);
  ADD ("refused", test_refused_books);
  ADD ("csv-import-export", test_csv_import_export);
  ADD ("csv-usage-errors", test_csv_usage_errors);
  ADD ("supplier-csv", test_supplier_csv);
  ADD ("export-deadlines", test_export_deadlines);
  ADD ("incidents-import-export", test_incidents_import_export);
  ADD ("incidents-usage-errors", test_incidents_usage_errors);
  ADD ("costs-import-export", test_costs_import_export);
  ADD ("export-budget", test_export_budget);
  ADD ("report-list", test_report_list);
  ADD ("report-each", test_report_each);
  ADD ("report-errors", test_report_errors);

#undef ADD

  return g_test_run ();
}

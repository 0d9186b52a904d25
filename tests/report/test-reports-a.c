/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sb-catalog.h"
#include "sb-change.h"
#include "sb-escalations.h"
#include "sb-incidents.h"
#include "sb-money.h"
#include "sb-report-output.h"
#include "sb-report-util.h"
#include "sb-reports.h"
#include "sb-sample-data.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/*
 * The catalogue, service level, incident log and single-incident reports,
 * and report periods and the registry. Each report is built from a book
 * this test writes (services with targets on office hours, customers,
 * incidents at fixed instants) and from the sample book, written as PDF
 * and read back with pdftotext; the figures checked are counted by the
 * test from what it wrote and from the store's own per-incident clocks.
 * SB_REPORT_PDF_DIR keeps the PDFs for a person to look at.
 */

#define MINUTE G_GINT64_CONSTANT (60000)
#define HOUR (60 * MINUTE)

static char *tmpdir;

static gint64
at (int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (2026, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt) * 1000;
}

/* Poppler {{{1 */

static char *
run (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  const char *line = strstr (out, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + 6, NULL, 10);
}

/* The text with runs of spaces squeezed to one, so that phrases can be
 * looked for whatever the layout. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autofree char *out = run (argv);
  GString *squeezed = g_string_new (NULL);

  for (const char *p = out; *p != '\0'; p++)
    if (*p != ' ' || squeezed->len == 0 || squeezed->str[squeezed->len - 1] != ' ')
      g_string_append_c (squeezed, *p);
  return g_string_free (squeezed, FALSE);
}

static char *
write_pdf (SbReportDocument *doc,
           const char       *name,
           guint            *out_pages)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  char *path = g_build_filename (tmpdir, file, NULL);
  const char *keep = g_getenv ("SB_REPORT_PDF_DIR");
  SbReportPageSetup setup;

  sb_report_page_setup_init (&setup);
  g_assert_true (sb_report_write_pdf (doc, path, &setup, &error));
  g_assert_no_error (error);
  if (keep != NULL)
    {
      g_autofree char *copy = g_build_filename (keep, file, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }
  *out_pages = pdf_pages (path);
  return path;
}

static char *
pdf_of (SbReportDocument *doc,
        const char       *name,
        guint             min_pages,
        guint             max_pages)
{
  g_autofree char *path = NULL;
  guint pages;

  path = write_pdf (doc, name, &pages);
  g_assert_cmpuint (pages, >=, min_pages);
  g_assert_cmpuint (pages, <=, max_pages);
  return pdf_text (path);
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '\n')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* pdftotext sets words apart by how far they are drawn from each other, so
 * a short space ("1 h") may come out as none: compare without spaces. */
static void
assert_has (const char *text,
            const char *needle)
{
  g_autofree char *haystack = without_spaces (text);
  g_autofree char *wanted = without_spaces (needle);

  if (strstr (haystack, wanted) == NULL)
    g_error ("“%s” is not in the report:\n%s", needle, text);
}

/* A reference such as INC-MAW3-0002 in a narrow column may wrap after
 * a hyphen; with -layout, pdftotext then puts the neighbouring columns'
 * text between its two parts. Each part must be there, in order. */
static void
assert_has_reference (const char *text,
                      const char *reference)
{
  g_autofree char *haystack = without_spaces (text);
  const char *hyphen = strrchr (reference, '-');
  g_autofree char *head = NULL;
  const char *found;

  if (strstr (haystack, reference) != NULL || hyphen == NULL)
    {
      assert_has (text, reference);
      return;
    }

  head = g_strndup (reference, hyphen + 1 - reference);
  found = strstr (haystack, head);
  if (found == NULL || strstr (found + strlen (head), hyphen + 1) == NULL)
    g_error ("“%s” is not in the report, whole or wrapped:\n%s", reference, text);
}

/* The table of @doc titled @title */
static SbReportTable *
table_of (SbReportDocument *doc,
          const char       *title)
{
  for (guint i = 0; i < sb_report_document_get_n_tables (doc); i++)
    {
      SbReportTable *table = sb_report_document_get_table (doc, i);

      if (g_strcmp0 (sb_report_table_get_title (table), title) == 0)
        return table;
    }
  g_error ("no table “%s”", title);
  return NULL;
}

static guint
column_of (SbReportTable *table,
           const char    *title,
           guint          nth)
{
  for (guint c = 0; c < sb_report_table_get_n_columns (table); c++)
    if (g_strcmp0 (sb_report_table_get_column_title (table, c), title) == 0 && nth-- == 0)
      return c;
  g_error ("no column “%s”", title);
  return 0;
}

static int
row_of (SbReportTable *table,
        guint          column,
        const char    *value)
{
  for (guint r = 0; r < sb_report_table_get_n_rows (table); r++)
    if (g_strcmp0 (sb_report_table_get_cell (table, r, column), value) == 0)
      return (int) r;
  return -1;
}

/* A known book {{{1 */

typedef struct
{
  SbTestBook *book;
  char       *office_hours;
  char       *northwind;
  char       *contoso;
  char       *email;        /* office hours, P2 1 h / 4 h, P3 2 h / 8 h */
  char       *web;          /* 24×7, P2 30 min / 2 h */
  char       *supplier;
  GPtrArray  *incidents;    /* ids, in order A…H */
} Book;

enum { A, B, C, D, E, F, G, H };

static char *
insert (SbStore    *store,
        const char *table,
        ...)
{
  g_autoptr (SbChange) change = sb_change_insert (table);
  g_autoptr (GError) error = NULL;
  const char *column;
  va_list args;

  va_start (args, table);
  while ((column = va_arg (args, const char *)) != NULL)
    sb_change_set_string (change, column, va_arg (args, const char *));
  va_end (args);

  g_assert_true (sb_store_apply (store, change, &error));
  g_assert_no_error (error);
  return g_strdup (sb_change_get_id (change));
}

static char *
add_service (Book       *b,
             const char *code,
             const char *name,
             const char *category,
             const char *type,
             const char *calendar_id,
             const char *customers[])
{
  g_autoptr (SbService) service = sb_service_new ();

  sb_service_set_code (service, code);
  sb_service_set_name (service, name);
  sb_service_set_category (service, category);
  sb_service_set_service_type (service, type);
  sb_service_set_status (service, SB_SERVICE_STATUS_LIVE);
  sb_service_set_calendar_id (service, calendar_id);
  sb_service_set_customer_ids (service, customers);
  sb_service_set_description (service, "Hosted mailboxes and shared calendars for every member of staff.");
  sb_service_set_outcomes (service, "Mail delivered within a minute, anywhere.");
  sb_service_set_support_channel (service, "Phone and email");
  sb_service_set_support_contact (service, "helpdesk@example.com, +44 20 7946 0000");
  sb_service_set_exclusions (service, "Personal devices");
  if (g_str_equal (code, "EMAIL"))
    {
      sb_service_set_targets (service, 2, 60, 240);
      sb_service_set_targets (service, 3, 120, 480);
      sb_service_set_availability_target (service, 9950);
      sb_service_set_workload_limit (service, 3);
      sb_service_set_price_amount (service, 12000);
      sb_service_set_price_currency (service, "EUR");
      sb_service_set_price_period (service, "month");
    }
  else
    sb_service_set_targets (service, 2, 30, 120);

  return sb_test_save_service (b->book->store, service);
}

static const char *
incident (Book       *b,
          const char *service_id,
          const char *customer_id,
          guint       impact,
          const char *title,
          gint64      opened_ms)
{
  g_autoptr (SbIncident) draft = sb_incident_new ();
  g_autoptr (GError) error = NULL;

  sb_incident_set_title (draft, title);
  sb_incident_set_service_id (draft, service_id);
  sb_incident_set_customer_id (draft, customer_id);
  sb_incident_set_impact (draft, impact);   /* urgency 2: impact 1 → P2, 2 → P3 */
  sb_incident_set_urgency (draft, 2);
  sb_incident_set_opened_ms (draft, opened_ms);
  g_assert_true (sb_incidents_create (b->book->store, draft, &error));
  g_assert_no_error (error);
  g_ptr_array_add (b->incidents, g_strdup (sb_incident_get_id (draft)));
  return g_ptr_array_index (b->incidents, b->incidents->len - 1);
}

#define OK(call) G_STMT_START { g_autoptr (GError) e_ = NULL; g_assert_true (call); g_assert_no_error (e_); } G_STMT_END

static Book *
book_new (void)
{
  Book *b = g_new0 (Book, 1);
  SbStore *store;
  g_autoptr (SbCalendar) office = sb_calendar_new_office_hours ("UTC");
  const char *both[3];
  const char *contoso_only[2];
  const char *id;

  b->book = sb_test_book_new ();
  store = b->book->store;
  b->incidents = g_ptr_array_new_with_free_func (g_free);
  /* Saturday 21 November 2026, 10:00 UTC */
  sb_test_store_set_fixed_clock (store, at (11, 21, 10, 0));

  OK (sb_catalog_save_calendar (store, NULL, office, &b->office_hours, &e_));
  b->northwind = sb_test_add_customer (store, "Northwind Traders");
  b->contoso = sb_test_add_customer (store, "Contoso");
  both[0] = b->northwind, both[1] = b->contoso, both[2] = NULL;
  contoso_only[0] = b->contoso, contoso_only[1] = NULL;

  b->email = add_service (b, "EMAIL", "Email and calendar", "Communication",
                          SB_SERVICE_TYPE_CUSTOMER_FACING, b->office_hours, both);
  b->web = add_service (b, "WEB", "Website hosting", "Web",
                        SB_SERVICE_TYPE_CUSTOMER_FACING, NULL, contoso_only);
  g_free (add_service (b, "MONITOR", "Internal monitoring", "Tools",
                       SB_SERVICE_TYPE_SUPPORTING, NULL, both));
  b->supplier = insert (store, "supplier", "name", "Northline Networks", "status", "active", NULL);

  /* A: EMAIL P2, Mon 5 Oct 09:00; answered in 30 min, resolved in 2 h: met, met */
  id = incident (b, b->email, b->northwind, 1, "Cannot send mail", at (10, 5, 9, 0));
  OK (sb_incidents_respond (store, id, "Looking into it", 10, at (10, 5, 9, 30), &e_));
  OK (sb_incidents_resolve (store, id, "fixed", "Restarted the transport", NULL, 20, at (10, 5, 11, 0), &e_));

  /* B: EMAIL P2, Mon 5 Oct 16:00; answered Tue 10:00 (2 business hours),
   * resolved Tue 13:00 (5 h): breached, breached; escalated to a supplier */
  id = incident (b, b->email, b->northwind, 1, "Mailboxes full", at (10, 5, 16, 0));
  OK (sb_incidents_respond (store, id, "We are on it", 0, at (10, 6, 10, 0), &e_));
  OK (sb_escalations_escalate (store, id, b->supplier, NULL, "NL-4711", at (10, 6, 10, 30),
                               NULL, NULL, &e_));
  OK (sb_incidents_add_note (store, id, "Internal: storage vendor slow", FALSE, 45, at (10, 6, 11, 0), &e_));
  OK (sb_incidents_resolve (store, id, "supplier-fixed", "Mail server disk full", NULL, 30,
                            at (10, 6, 13, 0), &e_));

  /* C: EMAIL P2, Fri 9 Oct 16:30; answered Mon 09:15 (45 business
   * minutes over the weekend), resolved Mon 12:00 (3 h 30): met, met */
  id = incident (b, b->email, b->contoso, 1, "Calendar not syncing", at (10, 9, 16, 30));
  OK (sb_incidents_respond (store, id, NULL, 0, at (10, 12, 9, 15), &e_));
  OK (sb_incidents_resolve (store, id, "fixed", NULL, NULL, 0, at (10, 12, 12, 0), &e_));

  /* D: EMAIL P3, Wed 14 Oct 10:00; answered at 10:20, on hold awaiting
   * the customer from 11:00 to Mon 19 Oct 11:00, resolved at 15:00: 5
   * business hours of 8: met (without the pause it would be breached) */
  id = incident (b, b->email, b->contoso, 2, "Shared mailbox permissions", at (10, 14, 10, 0));
  OK (sb_incidents_respond (store, id, "Which mailbox?", 0, at (10, 14, 10, 20), &e_));
  OK (sb_incidents_hold (store, id, "awaiting-customer", "Waiting for the mailbox name", 0,
                         at (10, 14, 11, 0), &e_));
  OK (sb_incidents_start (store, id, "Customer replied", 0, at (10, 19, 11, 0), &e_));
  OK (sb_incidents_resolve (store, id, "fixed", NULL, NULL, 0, at (10, 19, 15, 0), &e_));

  /* E: WEB P2 (around the clock), Tue 20 Oct 08:00; answered 08:45,
   * resolved 09:30: breached, met */
  id = incident (b, b->web, b->contoso, 1, "Website slow", at (10, 20, 8, 0));
  OK (sb_incidents_respond (store, id, NULL, 0, at (10, 20, 8, 45), &e_));
  OK (sb_incidents_resolve (store, id, "fixed", "Cache rebuilt", NULL, 0, at (10, 20, 9, 30), &e_));

  /* F: EMAIL P2, Wed 28 Oct 09:00, never answered: both still running
   * and long past their targets */
  incident (b, b->email, b->northwind, 1, "Spam filter blocks invoices", at (10, 28, 9, 0));

  /* G: WEB P2 in September, met and met: only in the trend */
  id = incident (b, b->web, b->contoso, 1, "Certificate warning", at (9, 15, 12, 0));
  OK (sb_incidents_respond (store, id, NULL, 0, at (9, 15, 12, 10), &e_));
  OK (sb_incidents_resolve (store, id, "fixed", NULL, NULL, 0, at (9, 15, 13, 0), &e_));

  /* H: EMAIL P3 in November: after the period */
  incident (b, b->email, b->contoso, 2, "Out of office reply", at (11, 2, 10, 0));

  return b;
}

static void
book_free (Book *b)
{
  g_free (b->office_hours);
  g_free (b->northwind);
  g_free (b->contoso);
  g_free (b->email);
  g_free (b->web);
  g_free (b->supplier);
  g_ptr_array_unref (b->incidents);
  sb_test_book_free (b->book);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Book, book_free)

static SbReportPeriod
period (const char *text)
{
  SbReportPeriod p;
  g_autoptr (GError) error = NULL;

  g_assert_true (sb_report_period_parse (text, &p, &error));
  g_assert_no_error (error);
  return p;
}

static SbReportDocument *
build (const char            *name,
       SbStore               *store,
       const SbReportPeriod  *p,
       const SbReportFilters *filters)
{
  g_autoptr (GError) error = NULL;
  SbReportDocument *doc = sb_reports_build (sb_reports_lookup (name), store, p, filters, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Periods {{{1 */

static void
assert_period (const char *text,
               const char *first,
               const char *last,
               const char *canonical,
               const char *label)
{
  SbReportPeriod p = period (text);
  g_autofree char *a = sb_date_format (&p.first);
  g_autofree char *b = sb_date_format (&p.last);
  g_autofree char *s = sb_report_period_to_string (&p);
  g_autofree char *l = sb_report_period_get_label (&p);

  g_assert_cmpstr (a, ==, first);
  g_assert_cmpstr (b, ==, last);
  g_assert_cmpstr (s, ==, canonical);
  g_assert_cmpstr (l, ==, label);
}

static void
assert_previous (const char *text,
                 guint       n,
                 const char *expected)
{
  SbReportPeriod p = period (text);
  SbReportPeriod q;
  g_autofree char *s = NULL;

  sb_report_period_previous (&p, n, &q);
  s = sb_report_period_to_string (&q);
  g_assert_cmpstr (s, ==, expected);
}

static void
test_period (void)
{
  static const char *const wrong[] = {
    "", "26", "2026-13", "2026-00", "2026-1", "2026-Q0", "2026-Q5", "2026/10", "2026-10-01",
    "0000", "20261", "2026-Q", "Q3-2026", "October", "2026-1O", "-2026", NULL,
  };
  SbReportPeriod p, q;
  GDate day;
  gint64 from, to;

  assert_period ("2026-10", "2026-10-01", "2026-10-31", "2026-10", "October 2026");
  assert_period ("2024-02", "2024-02-01", "2024-02-29", "2024-02", "February 2024");
  assert_period ("2026-Q3", "2026-07-01", "2026-09-30", "2026-Q3", "Q3 2026 (Jul – Sep)");
  assert_period ("2026-q1", "2026-01-01", "2026-03-31", "2026-Q1", "Q1 2026 (Jan – Mar)");
  assert_period (" 2026 ", "2026-01-01", "2026-12-31", "2026", "2026");

  for (guint i = 0; wrong[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (sb_report_period_parse (wrong[i], &p, &error));
      g_assert_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "2026-10"));
      g_assert_nonnull (strstr (error->message, "2026-Q3"));
      g_assert_nonnull (strstr (error->message, "(2026)"));
    }

  assert_previous ("2026-01", 1, "2025-12");
  assert_previous ("2026-10", 12, "2025-10");
  assert_previous ("2026-03", 15, "2024-12");
  assert_previous ("2026-Q1", 1, "2025-Q4");
  assert_previous ("2026-Q3", 12, "2023-Q3");
  assert_previous ("2026", 12, "2014");
  assert_previous ("2026-10", 0, "2026-10");

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 29, 2, 2028);
  sb_report_period_for_day (SB_REPORT_PERIOD_QUARTER, &day, &q);
  g_assert_cmpint (q.kind, ==, SB_REPORT_PERIOD_QUARTER);
  g_assert_cmpuint (g_date_get_month (&q.first), ==, 1);
  g_assert_cmpuint (g_date_get_day (&q.last), ==, 31);
  g_assert_cmpuint (g_date_get_month (&q.last), ==, 3);
  sb_report_period_for_day (SB_REPORT_PERIOD_MONTH, &day, &q);
  g_assert_cmpuint (g_date_get_day (&q.last), ==, 29);

  /* TZ is UTC in this test */
  p = period ("2026-10");
  sb_report_period_get_range_ms (&p, &from, &to);
  g_assert_cmpint (from, ==, at (10, 1, 0, 0));
  g_assert_cmpint (to, ==, at (11, 1, 0, 0));
}

/* Registry {{{1 */

static void
test_registry (void)
{
  static const char *const names[] = {
    "catalogue", "service-levels", "incident-log", "incident", "supplier-review",
    "contracts", "budget", "management-review",
  };
  g_autoptr (Book) b = book_new ();
  g_autoptr (GError) error = NULL;
  const SbReportInfo *all;
  const SbReportInfo *info;
  SbReportFilters filters = { 0 };
  guint n;

  all = sb_reports_get_all (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (all[i].name, ==, names[i]);
      g_assert_true (sb_reports_lookup (names[i]) == &all[i]);
      g_assert_nonnull (all[i].build);
      g_assert_nonnull (all[i].title);
      g_assert_nonnull (all[i].description);
    }
  g_assert_null (sb_reports_lookup ("incidents"));

  info = sb_reports_lookup ("service-levels");
  g_assert_null (sb_reports_build (info, b->book->store, NULL, &filters, &error));
  g_assert_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Service level report"));
  g_assert_nonnull (strstr (error->message, "2026-Q3"));
  g_clear_error (&error);

  info = sb_reports_lookup ("incident");
  g_assert_null (sb_reports_build (info, b->book->store, NULL, NULL, &error));
  g_assert_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "needs an incident"));
  g_clear_error (&error);

  filters.incident_id = "INC-9999";
  g_assert_null (sb_reports_build (info, b->book->store, NULL, &filters, &error));
  g_assert_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "INC-9999"));
}

/* Catalogue {{{1 */

static void
test_catalogue (void)
{
  g_autoptr (Book) b = book_new ();
  g_autoptr (SbReportDocument) doc = NULL;
  g_autoptr (SbReportDocument) mine = NULL;
  g_autofree char *text = NULL;
  g_autofree char *own = NULL;
  g_autofree char *price = sb_money_format (12000, "EUR");
  g_autofree char *per_month = g_strdup_printf ("%s per month", price);
  SbReportFilters filters = { 0 };
  SbReportTable *overview;

  doc = build ("catalogue", b->book->store, NULL, NULL);
  text = pdf_of (doc, "catalogue", 2, 6);
  assert_has (text, "Service catalogue");
  assert_has (text, "As of 21 Nov 2026, 10:00");
  assert_has (text, "book.sqlite");
  assert_has (text, "Email and calendar (EMAIL)");
  assert_has (text, "Website hosting (WEB)");
  assert_has (text, "Communication");
  assert_has (text, "Mon–Fri 09:00–17:00");
  assert_has (text, "Around the clock");
  assert_has (text, per_month);
  assert_has (text, "99.5 % per month");
  assert_has (text, "Up to 3 incidents per month");
  assert_has (text, "Personal devices");
  assert_has (text, "helpdesk@example.com");
  assert_has (text, "P2 High 1 h 4 h");
  assert_has (text, "P3 Moderate 2 h 8 h");
  assert_has (text, "P2 High 30 min 2 h");
  /* supporting services stay inside */
  g_assert_null (strstr (text, "MONITOR"));

  overview = table_of (doc, "Services");
  g_assert_cmpuint (sb_report_table_get_n_rows (overview), ==, 2);
  g_assert_cmpstr (sb_report_table_get_cell (overview, 0, 1), ==, "EMAIL");
  g_assert_cmpstr (sb_report_table_get_cell (overview, 1, 1), ==, "WEB");

  /* a customer sees only its services */
  filters.customer_id = b->northwind;
  mine = build ("catalogue", b->book->store, NULL, &filters);
  own = pdf_of (mine, "catalogue-northwind", 1, 4);
  assert_has (own, "Service catalogue for Northwind Traders");
  assert_has (own, "EMAIL");
  g_assert_null (strstr (own, "Website hosting"));
}

/* Service levels {{{1 */

typedef struct
{
  guint incidents, response_met, response_breached, resolution_met, resolution_breached;
  guint breached_incidents;
} Counts;

/* Counts from the store's own clock of each incident, one by one. */
static Counts
count_with_store (Book       *b,
                  const char *service_id,
                  guint       priority,
                  gint64      from_ms,
                  gint64      to_ms)
{
  Counts c = { 0 };

  for (guint i = 0; i < b->incidents->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SbIncident) inc = sb_incidents_get (b->book->store, g_ptr_array_index (b->incidents, i), &error);
      SbSla sla;

      g_assert_no_error (error);
      if (sb_incident_get_opened_ms (inc) < from_ms || sb_incident_get_opened_ms (inc) >= to_ms)
        continue;
      if (service_id != NULL && g_strcmp0 (sb_incident_get_service_id (inc), service_id) != 0)
        continue;
      if (priority != 0 && sb_incident_get_priority (inc) != priority)
        continue;
      g_assert_true (sb_incidents_get_sla (b->book->store, inc, at (11, 21, 10, 0), &sla, &error));
      c.incidents++;
      c.response_breached += sla.response.state == SB_SLA_STATE_BREACHED;
      c.response_met += sla.response.done && sla.response.state != SB_SLA_STATE_BREACHED;
      c.resolution_breached += sla.resolution.state == SB_SLA_STATE_BREACHED;
      c.resolution_met += sla.resolution.done && sla.resolution.state != SB_SLA_STATE_BREACHED;
      c.breached_incidents += sla.state == SB_SLA_STATE_BREACHED;
    }
  return c;
}

static char *
count_text (guint n)
{
  return g_strdup_printf ("%u", n);
}

static void
assert_priority_row (SbReportDocument *doc,
                     const char       *service_title,
                     const char       *priority,
                     const Counts     *c)
{
  SbReportTable *table = table_of (doc, service_title);
  int row = row_of (table, 0, priority);
  g_autofree char *n = count_text (c->incidents);
  g_autofree char *rm = count_text (c->response_met);
  g_autofree char *rb = count_text (c->response_breached);
  g_autofree char *sm = count_text (c->resolution_met);
  g_autofree char *sb = count_text (c->resolution_breached);
  g_autofree char *rp = sb_report_util_format_percent (c->response_met, c->response_met + c->response_breached);

  g_assert_cmpint (row, >=, 0);
  g_assert_cmpstr (sb_report_table_get_cell (table, row, column_of (table, "Incidents", 0)), ==, n);
  g_assert_cmpstr (sb_report_table_get_cell (table, row, column_of (table, "Met", 0)), ==, rm);
  g_assert_cmpstr (sb_report_table_get_cell (table, row, column_of (table, "Breached", 0)), ==, rb);
  g_assert_cmpstr (sb_report_table_get_cell (table, row, column_of (table, "% met", 0)), ==, rp);
  g_assert_cmpstr (sb_report_table_get_cell (table, row, column_of (table, "Met", 1)), ==, sm);
  g_assert_cmpstr (sb_report_table_get_cell (table, row, column_of (table, "Breached", 1)), ==, sb);
}

static void
test_service_levels (void)
{
  g_autoptr (Book) b = book_new ();
  g_autoptr (SbReportDocument) doc = NULL;
  g_autoptr (SbReportDocument) web = NULL;
  g_autofree char *text = NULL;
  g_autofree char *web_text = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *breached = NULL;
  SbReportPeriod october = period ("2026-10");
  SbReportFilters filters = { 0 };
  SbReportTable *table;
  Counts p2, p3, all, september;
  gint64 from, to;

  sb_report_period_get_range_ms (&october, &from, &to);
  p2 = count_with_store (b, b->email, 2, from, to);
  p3 = count_with_store (b, b->email, 3, from, to);
  all = count_with_store (b, NULL, 0, from, to);
  september = count_with_store (b, NULL, 0, at (9, 1, 0, 0), from);

  /* What the scenario was written to give, worked out by hand */
  g_assert_cmpuint (p2.incidents, ==, 4);          /* A B C F */
  g_assert_cmpuint (p2.response_breached, ==, 2);  /* B F */
  g_assert_cmpuint (p2.resolution_met, ==, 2);     /* A C */
  g_assert_cmpuint (p3.incidents, ==, 1);          /* D, met thanks to the pause */
  g_assert_cmpuint (p3.resolution_met, ==, 1);
  g_assert_cmpuint (all.incidents, ==, 6);
  g_assert_cmpuint (all.breached_incidents, ==, 3); /* B E F */

  doc = build ("service-levels", b->book->store, &october, NULL);
  text = pdf_of (doc, "service-levels", 2, 8);
  assert_has (text, "Service level report");
  assert_has (text, "October 2026");
  assert_has (text, "Targets met, per period");
  assert_has (text, "not measured");
  assert_has (text, "Mail server disk full");
  assert_has (text, "September 2026");
  assert_has (text, "October 2025");

  assert_priority_row (doc, "Email and calendar (EMAIL)", "P2 High", &p2);
  assert_priority_row (doc, "Email and calendar (EMAIL)", "P3 Moderate", &p3);

  /* the breaches: the incidents the store finds breached, and no other */
  table = table_of (doc, "Breaches");
  g_assert_cmpuint (sb_report_table_get_n_rows (table), ==, all.breached_incidents);
  for (guint i = 0; i < b->incidents->len; i++)
    {
      g_autoptr (SbIncident) inc = sb_incidents_get (b->book->store, g_ptr_array_index (b->incidents, i), NULL);
      gboolean listed = row_of (table, 0, sb_incident_get_reference (inc)) >= 0;

      g_assert_true (listed == (i == B || i == E || i == F));
      if (i == B)
        g_assert_cmpstr (sb_report_table_get_cell (table, row_of (table, 0, sb_incident_get_reference (inc)), 7),
                         ==, "Mail server disk full\nEscalated to Northline Networks (NL-4711)");
      if (listed)
        assert_has_reference (text, sb_incident_get_reference (inc));
    }

  /* key figures: the response percentage over the whole period */
  breached = sb_report_util_format_percent (all.response_met, all.response_met + all.response_breached);
  assert_has (text, breached);

  /* the trend's last two rows: September and October */
  table = table_of (doc, "Trend over the last 13 periods");
  g_assert_cmpuint (sb_report_table_get_n_rows (table), ==, 13);
  g_assert_cmpstr (sb_report_table_get_cell (table, 12, 0), ==, "October 2026");
  g_assert_cmpstr (sb_report_table_get_cell (table, 12, 1), ==, "6");
  g_assert_cmpstr (sb_report_table_get_cell (table, 11, 1), ==, "1");
  g_assert_cmpuint (september.incidents, ==, 1);
  g_assert_cmpstr (sb_report_table_get_cell (table, 11, 4), ==, "100 %");
  g_assert_cmpstr (sb_report_table_get_cell (table, 0, 1), ==, "0");

  /* workload: EMAIL has a limit of 3 a month and had 5 */
  table = table_of (doc, "Services");
  g_assert_cmpstr (sb_report_table_get_cell (table, row_of (table, 0, "Email and calendar"),
                                             column_of (table, "Workload (limit)", 0)), ==, "5 of 3");

  csv = sb_report_document_to_csv (doc, 0);
  g_assert_nonnull (strstr (csv, "P2 High,4,1 h,2,2,50 %,4 h,2,2,50 %"));

  /* one service only */
  filters.service_id = b->web;
  web = build ("service-levels", b->book->store, &october, &filters);
  web_text = pdf_of (web, "service-levels-web", 1, 6);
  assert_has (web_text, "Limited to the service Website hosting.");
  g_assert_null (strstr (web_text, "Email and calendar (EMAIL)"));
  table = table_of (web, "Breaches");
  g_assert_cmpuint (sb_report_table_get_n_rows (table), ==, 1);
}

/* Incident log {{{1 */

static void
test_incident_log (void)
{
  g_autoptr (Book) b = book_new ();
  g_autoptr (SbReportDocument) doc = NULL;
  g_autoptr (SbReportDocument) contoso = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv_path = g_build_filename (tmpdir, "incident-log.csv", NULL);
  g_autofree char *csv = NULL;
  SbReportPeriod october = period ("2026-10");
  SbReportFilters filters = { 0 };
  SbReportTable *table;

  doc = build ("incident-log", b->book->store, &october, NULL);
  text = pdf_of (doc, "incident-log", 1, 3);
  assert_has (text, "Incident log");
  assert_has (text, "October 2026");
  assert_has (text, "Incidents logged");
  assert_has (text, "1 still open, 5 resolved or closed");
  assert_has (text, "Website slow");
  g_assert_null (strstr (text, "Certificate warning"));   /* September */
  g_assert_null (strstr (text, "Out of office reply"));   /* November */

  table = table_of (doc, "Incidents logged in the period");
  /* six incidents and a total */
  g_assert_cmpuint (sb_report_table_get_n_rows (table), ==, 7);
  g_assert_true (sb_report_table_is_total_row (table, 6));
  g_assert_cmpstr (sb_report_table_get_cell (table, 6, 5), ==, "6 incidents");
  /* A: 10 + 20 min spent; B: 45 + 30 min; order of opening */
  g_assert_cmpstr (sb_report_table_get_cell (table, 0, 5), ==, "Cannot send mail");
  g_assert_cmpstr (sb_report_table_get_cell (table, 0, 2), ==, "EMAIL\nNorthwind Traders");
  g_assert_cmpstr (sb_report_table_get_cell (table, 0, 7), ==, "0:30");
  g_assert_cmpstr (sb_report_table_get_cell (table, 1, 7), ==, "1:15");
  g_assert_cmpstr (sb_report_table_get_cell (table, 6, 7), ==, "1:45");
  g_assert_cmpstr (sb_report_table_get_cell (table, 0, 6), ==, "Met / Met");
  g_assert_cmpstr (sb_report_table_get_cell (table, 1, 6), ==, "Breached / Breached");
  g_assert_cmpstr (sb_report_table_get_cell (table, 4, 6), ==, "Breached / Met");
  g_assert_cmpstr (sb_report_table_get_cell (table, 3, 3), ==, "P3");
  g_assert_cmpstr (sb_report_table_get_cell (table, 5, 4), ==, "New");

  /* counts by status and priority, against what the test wrote */
  table = table_of (doc, "Incidents by status and priority");
  g_assert_cmpstr (sb_report_table_get_cell (table, row_of (table, 0, "Resolved"), 2), ==, "4");
  g_assert_cmpstr (sb_report_table_get_cell (table, row_of (table, 0, "Resolved"), 3), ==, "1");
  g_assert_cmpstr (sb_report_table_get_cell (table, row_of (table, 0, "New"), 2), ==, "1");
  g_assert_cmpstr (sb_report_table_get_cell (table, row_of (table, 0, "Total"), 6), ==, "6");

  g_assert_true (sb_report_write_csv (doc, csv_path, 0, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "Reference,Opened,\"Service, customer\",Prio.,Status,Title,\"Response, resolution\",Time spent (h:mm)"));
  g_assert_nonnull (strstr (csv, ",\"EMAIL\nNorthwind Traders\",P2,Resolved,Cannot send mail,Met / Met,0:30"));
  g_assert_nonnull (strstr (csv, ",P2,New,Spam filter blocks invoices,Breached / Breached,–"));

  filters.customer_id = b->contoso;
  contoso = build ("incident-log", b->book->store, &october, &filters);
  table = table_of (contoso, "Incidents logged in the period");
  g_assert_cmpuint (sb_report_table_get_n_rows (table), ==, 4);   /* C D E and the total */
}

/* One incident {{{1 */

static void
test_incident (void)
{
  g_autoptr (Book) b = book_new ();
  g_autoptr (SbReportDocument) doc = NULL;
  g_autoptr (SbIncident) inc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  SbReportFilters filters = { 0 };
  SbReportTable *timeline;
  int note;

  inc = sb_incidents_get (b->book->store, g_ptr_array_index (b->incidents, B), NULL);
  filters.incident_id = sb_incident_get_reference (inc);
  doc = build ("incident", b->book->store, NULL, &filters);
  text = pdf_of (doc, "incident", 1, 3);
  title = g_strdup_printf ("Incident %s", sb_incident_get_reference (inc));
  assert_has (text, title);
  assert_has (text, "Mailboxes full");
  assert_has (text, "Northwind Traders");
  assert_has (text, "Email and calendar (EMAIL)");
  assert_has (text, "Mail server disk full");
  /* response: 2 business hours against 1; resolution: 5 against 4 */
  assert_has (text, "breached by 1 h");
  assert_has (text, "Northline Networks");
  assert_has (text, "NL-4711");
  assert_has (text, "Internal: storage vendor slow");
  assert_has (text, "We are on it");

  timeline = table_of (doc, "Timeline");
  /* no entry has an author here: no column for them */
  g_assert_cmpuint (sb_report_table_get_n_columns (timeline), ==, 5);
  note = row_of (timeline, 2, "We are on it");
  g_assert_cmpint (note, >=, 0);
  g_assert_cmpstr (sb_report_table_get_cell (timeline, note, 3), ==, "Customer");
  note = row_of (timeline, 2, "Internal: storage vendor slow");
  g_assert_cmpint (note, >=, 0);
  g_assert_cmpstr (sb_report_table_get_cell (timeline, note, 3), ==, "Internal");
  g_assert_cmpstr (sb_report_table_get_cell (timeline, note, 4), ==, "45 min");
  g_assert_true (sb_report_table_is_total_row (timeline, sb_report_table_get_n_rows (timeline) - 1));
  g_assert_cmpstr (sb_report_table_get_cell (timeline, sb_report_table_get_n_rows (timeline) - 1, 4),
                   ==, "1 h 15 min");

  /* by id as well as by reference */
  filters.incident_id = sb_incident_get_id (inc);
  g_clear_object (&doc);
  doc = build ("incident", b->book->store, NULL, &filters);
  g_assert_cmpstr (sb_report_document_get_title (doc), ==, title);
}

/* The sample book {{{1 */

static void
test_sample_book (void)
{
  g_autoptr (SbTestBook) book = sb_test_book_new ();
  g_autoptr (GError) error = NULL;
  static const char *const names[] = { "catalogue", "service-levels", "incident-log" };
  SbReportPeriod p;
  GDate today;
  gint64 now;

  g_assert_true (sb_sample_data_load (book->store, &error));
  g_assert_no_error (error);
  now = g_get_real_time () / 1000;
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, (time_t) (now / 1000));

  for (guint k = 0; k < 3; k++)
    {
      sb_report_period_for_day (k == 0 ? SB_REPORT_PERIOD_MONTH
                                : k == 1 ? SB_REPORT_PERIOD_QUARTER : SB_REPORT_PERIOD_YEAR,
                                &today, &p);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autoptr (SbReportDocument) doc = build (names[i], book->store, &p, NULL);
          g_autofree char *file = g_strdup_printf ("sample-%s-%u", names[i], k);
          g_autofree char *text = pdf_of (doc, file, 1, 200);

          assert_has (text, sb_report_document_get_title (doc));
        }
    }

  /* the sample incident with the longest timeline, printed */
  {
    g_autofree char *reference = NULL;
    g_autoptr (SbReportDocument) doc = NULL;
    g_autofree char *text = NULL;
    SbReportFilters filters = { 0 };

    reference = sb_test_store_text (book->store,
                                    "SELECT reference FROM incident WHERE deleted = 0 "
                                    "ORDER BY (SELECT count(*) FROM incident_event e WHERE e.incident_id = incident.id) DESC LIMIT 1",
                                    NULL);
    filters.incident_id = reference;
    doc = build ("incident", book->store, NULL, &filters);
    text = pdf_of (doc, "sample-incident", 1, 6);
    assert_has (text, reference);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  int status;

  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_print ("1..0 # SKIP pdftotext not installed\n");
      return 0;
    }

  tmpdir = sb_test_make_tmpdir ();

  g_test_add_func ("/report/a/period", test_period);
  g_test_add_func ("/report/a/registry", test_registry);
  g_test_add_func ("/report/a/catalogue", test_catalogue);
  g_test_add_func ("/report/a/service-levels", test_service_levels);
  g_test_add_func ("/report/a/incident-log", test_incident_log);
  g_test_add_func ("/report/a/incident", test_incident);
  g_test_add_func ("/report/a/sample-book", test_sample_book);

  status = g_test_run ();
  sb_test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}

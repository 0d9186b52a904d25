/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sb-contracts.h"
#include "sb-deadlines.h"
#include "sb-store-private.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/* Deadlines derived from contract terms and supplier reviews on real
 * books: exact dates, notifications shown once per device, and the
 * iCalendar export. */

/* 2026-06-15T12:00:00Z */
#define NOW_MS G_GINT64_CONSTANT (1781524800000)

typedef struct
{
  SbTestBook *book;
  char       *supplier_id;
} Fixture;

static char *
add_supplier (SbStore    *store,
              const char *name)
{
  g_autoptr(SbChange) change = sb_change_insert ("supplier");
  g_autoptr(GError) error = NULL;

  sb_change_set_string (change, "name", name);
  g_assert_true (sb_store_apply (store, change, &error));
  g_assert_no_error (error);

  return g_strdup (sb_change_get_id (change));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (f->book->store, NOW_MS);
  f->supplier_id = add_supplier (f->book->store, "Acme Hosting");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->supplier_id, g_free);
  g_clear_pointer (&f->book, sb_test_book_free);
}

static GDate
date (const char *text)
{
  GDate d;

  g_assert_true (sb_date_parse (text, &d, NULL));

  return d;
}

/* Saves a contract of @f's supplier and returns its id. */
static char *
add_contract (Fixture         *f,
              const char      *reference,
              SbContractTerms *terms,
              const char      *method)
{
  g_autoptr(SbContract) contract = sb_contract_new (f->supplier_id);
  g_autoptr(GError) error = NULL;

  sb_contract_set_reference (contract, reference);
  sb_contract_set_title (contract, "Hosting");
  sb_contract_set_cancellation_method (contract, method);
  sb_contract_set_early_termination (contract, "Pay the remaining months");
  sb_contract_set_terms (contract, terms);
  g_assert_true (sb_contracts_save (f->book->store, contract, &error));
  g_assert_no_error (error);

  return g_strdup (sb_contract_get_id (contract));
}

/* 36 months from 1 January 2024, automatic 12-month renewals, 3 months' notice */
static void
automatic_terms (SbContractTerms *terms)
{
  sb_contract_terms_init (terms);
  terms->start = date ("2024-01-01");
  terms->initial_months = 36;
  terms->renewal = SB_RENEWAL_AUTOMATIC;
  terms->renewal_months = 12;
  terms->notice_amount = 3;
  terms->notice_unit = SB_NOTICE_MONTHS;
}

static GPtrArray *
list (Fixture    *f,
      const char *from,
      const char *to)
{
  g_autoptr(GError) error = NULL;
  GDate first = date (from);
  GDate last = date (to);
  GPtrArray *deadlines = sb_deadlines_list (f->book->store, &first, &last, &error);

  g_assert_no_error (error);
  g_assert_nonnull (deadlines);

  return deadlines;
}

/* "notice 2026-09-30, renewal 2026-12-31" */
static char *
describe (GPtrArray *deadlines)
{
  static const char * const kinds[] = { "notice", "renewal", "end", "review" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < deadlines->len; i++)
    {
      SbDeadline *deadline = g_ptr_array_index (deadlines, i);
      g_autofree char *day = sb_date_format (&deadline->date);

      g_string_append_printf (out, "%s%s %s", i ? ", " : "", kinds[deadline->kind], day);
    }

  return g_string_free (out, FALSE);
}

static void
test_automatic (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) year = NULL;
  g_autoptr(GPtrArray) three_years = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) given = NULL;
  g_autoptr(SbContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  SbContractTerms terms;
  SbDeadline *notice;

  automatic_terms (&terms);
  id = add_contract (f, "HOST-2024", &terms, "by email to legal@acme.example");

  /* The next 12 months */
  year = list (f, "2026-06-15", "2027-06-15");
  text = describe (year);
  g_assert_cmpstr (text, ==, "notice 2026-09-30, renewal 2026-12-31");

  notice = g_ptr_array_index (year, 0);
  key = g_strdup_printf ("notice:%s:2026-09-30", id);
  g_assert_cmpstr (notice->key, ==, key);
  g_assert_cmpstr (notice->contract_id, ==, id);
  g_assert_cmpstr (notice->contract_reference, ==, "HOST-2024");
  g_assert_cmpstr (notice->contract_title, ==, "Hosting");
  g_assert_cmpstr (notice->supplier_id, ==, f->supplier_id);
  g_assert_cmpstr (notice->supplier_name, ==, "Acme Hosting");
  g_assert_cmpstr (notice->summary, ==, "Last day to give notice: Acme Hosting — HOST-2024");
  g_assert_nonnull (strstr (notice->detail, "Renews for 12 months on 1 Jan 2027 unless notice is given"));
  g_assert_nonnull (strstr (notice->detail, "unless notice is given (3 months’ notice)."));
  g_assert_nonnull (strstr (notice->detail, "by email to legal@acme.example"));
  g_assert_nonnull (strstr (((SbDeadline *)g_ptr_array_index (year, 1))->detail, "1 Jan 2027"));

  /* Several renewals */
  g_clear_pointer (&text, g_free);
  three_years = list (f, "2026-06-15", "2029-06-15");
  text = describe (three_years);
  g_assert_cmpstr (text, ==,
                   "notice 2026-09-30, renewal 2026-12-31, notice 2027-09-30, renewal 2027-12-31, "
                   "notice 2028-09-30, renewal 2028-12-31");

  /* The same in days: 90 days before 31 December */
  contract = sb_contracts_get (f->book->store, id, &error);
  g_assert_no_error (error);
  terms.notice_amount = 90;
  terms.notice_unit = SB_NOTICE_DAYS;
  sb_contract_set_terms (contract, &terms);
  g_assert_true (sb_contracts_save (f->book->store, contract, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  days = list (f, "2026-06-15", "2027-06-15");
  text = describe (days);
  g_assert_cmpstr (text, ==, "notice 2026-10-02, renewal 2026-12-31");

  /* Notice given in time: no more notice deadlines, the term end is the end */
  terms.notice_given = date ("2026-08-01");
  sb_contract_set_terms (contract, &terms);
  g_assert_true (sb_contracts_save (f->book->store, contract, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  given = list (f, "2026-06-15", "2029-06-15");
  text = describe (given);
  g_assert_cmpstr (text, ==, "end 2026-12-31");
  g_assert_cmpstr (((SbDeadline *)g_ptr_array_index (given, 0))->summary, ==,
                   "Contract ends: Acme Hosting — HOST-2024");
}

static void
test_agreement (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) renewed = NULL;
  g_autoptr(SbContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  SbContractTerms terms;
  SbDeadline *agree;

  sb_contract_terms_init (&terms);
  terms.start = date ("2025-07-01");
  terms.initial_months = 12;
  terms.renewal = SB_RENEWAL_AGREEMENT;
  terms.renewal_months = 12;
  terms.notice_amount = 60;
  terms.notice_unit = SB_NOTICE_DAYS;
  id = add_contract (f, "LIC-7", &terms, NULL);

  /* It expires unless renewed: the last day to agree, then the end */
  first = list (f, "2026-04-01", "2027-07-31");
  text = describe (first);
  g_assert_cmpstr (text, ==, "notice 2026-05-01, end 2026-06-30");
  agree = g_ptr_array_index (first, 0);
  g_assert_cmpstr (agree->summary, ==, "Last day to agree a renewal: Acme Hosting — LIC-7");
  g_assert_nonnull (strstr (agree->detail, "unless a renewal for 12 months is agreed"));
  g_assert_nonnull (strstr (((SbDeadline *)g_ptr_array_index (first, 1))->detail, "unless a renewal is agreed"));

  /* One renewal agreed: that term end renews, the next is the decision */
  contract = sb_contracts_get (f->book->store, id, &error);
  g_assert_no_error (error);
  terms.renewals_agreed = 1;
  sb_contract_set_terms (contract, &terms);
  g_assert_true (sb_contracts_save (f->book->store, contract, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  renewed = list (f, "2026-04-01", "2027-07-31");
  text = describe (renewed);
  g_assert_cmpstr (text, ==, "renewal 2026-06-30, notice 2027-05-01, end 2027-06-30");
}

/* A monthly rolling contract with 30 days' notice: the deadline of a
 * term falls in the term before it, worked out from the term's end; and
 * only the next decision and renewal are listed, not one every month. */
static void
test_monthly_rolling (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  SbContractTerms terms;

  sb_contract_terms_init (&terms);
  terms.start = date ("2026-01-11");
  terms.initial_months = 1;
  terms.renewal = SB_RENEWAL_AUTOMATIC;
  terms.renewal_months = 1;
  terms.notice_amount = 30;
  terms.notice_unit = SB_NOTICE_DAYS;
  id = add_contract (f, "SIM-ROLL", &terms, NULL);

  /* Terms end on the 10th; today is 15 Jun 2026. The term ending 10 Jul
   * had its deadline on 10 Jun (passed, and not listed as missed: it comes
   * back every month); the one ending 10 Aug has 11 Jul. */
  deadlines = list (f, "2026-05-16", "2027-06-15");
  text = describe (deadlines);
  g_assert_cmpstr (text, ==, "renewal 2026-07-10, notice 2026-07-11");
  g_assert_nonnull (strstr (((SbDeadline *)g_ptr_array_index (deadlines, 1))->detail,
                            "Renews for 1 month on 11 Aug 2026 unless notice is given (30 days’ notice)."));
}

/* A single month's or day's notice is said in the singular, as a
 * sentence a person reads: "1 month’s notice", never "1 month’ notice". */
static void
test_notice_singular (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *id = NULL;
  g_autofree char *other = NULL;
  SbContractTerms terms;

  automatic_terms (&terms);
  terms.notice_amount = 1;
  id = add_contract (f, "ONE-MONTH", &terms, NULL);
  months = list (f, "2026-11-01", "2026-11-30");
  g_assert_cmpuint (months->len, ==, 1);
  g_assert_cmpstr (((SbDeadline *)g_ptr_array_index (months, 0))->detail, ==,
                   "Renews for 12 months on 1 Jan 2027 unless notice is given (1 month’s notice).");

  terms.notice_amount = 1;
  terms.notice_unit = SB_NOTICE_DAYS;
  other = add_contract (f, "ONE-DAY", &terms, NULL);
  days = list (f, "2026-12-30", "2026-12-30");
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpstr (((SbDeadline *)g_ptr_array_index (days, 0))->detail, ==,
                   "Renews for 12 months on 1 Jan 2027 unless notice is given (1 day’s notice).");
}

static void
test_terminated (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *none_id = NULL;
  SbContractTerms terms;
  SbDeadline *end;

  automatic_terms (&terms);
  terms.terminated = date ("2026-08-31");
  id = add_contract (f, "HOST-2024", &terms, NULL);

  /* A contract without renewal: its end only */
  sb_contract_terms_init (&terms);
  terms.start = date ("2026-02-01");
  terms.initial_months = 12;
  terms.notice_amount = 1;
  terms.notice_unit = SB_NOTICE_MONTHS;
  none_id = add_contract (f, "ONE-OFF", &terms, NULL);

  deadlines = list (f, "2026-06-15", "2027-06-15");
  text = describe (deadlines);
  g_assert_cmpstr (text, ==, "end 2026-08-31, end 2027-01-31");

  end = g_ptr_array_index (deadlines, 0);
  g_assert_cmpstr (end->contract_id, ==, id);
  g_assert_nonnull (strstr (end->detail, "Terminated early"));
  g_assert_nonnull (strstr (end->detail, "Pay the remaining months"));
  g_assert_cmpstr (((SbDeadline *)g_ptr_array_index (deadlines, 1))->contract_id, ==, none_id);
}

static void
add_review (Fixture    *f,
            const char *supplier_id,
            const char *review_date,
            const char *next_review)
{
  g_autoptr(SbChange) change = sb_change_insert ("supplier_review");
  g_autoptr(GError) error = NULL;

  sb_change_set_string (change, "supplier_id", supplier_id);
  sb_change_set_string (change, "review_date", review_date);
  sb_change_set_string (change, "period_from", "2025-01-01");
  sb_change_set_string (change, "period_to", review_date);
  sb_change_set_string (change, "next_review", next_review);
  g_assert_true (sb_store_apply (f->book->store, change, &error));
  g_assert_no_error (error);
}

static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *gone = add_supplier (f->book->store, "Gone Ltd");
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(SbChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  SbDeadline *review;

  /* Only the latest review sets the next one */
  add_review (f, f->supplier_id, "2025-09-01", "2026-07-01");
  add_review (f, f->supplier_id, "2026-03-01", "2026-09-01");
  add_review (f, gone, "2026-03-01", "2026-08-01");
  change = sb_change_delete ("supplier", gone);
  g_assert_true (sb_store_apply (f->book->store, change, &error));
  g_assert_no_error (error);

  deadlines = list (f, "2026-06-15", "2027-06-15");
  text = describe (deadlines);
  g_assert_cmpstr (text, ==, "review 2026-09-01");

  review = g_ptr_array_index (deadlines, 0);
  key = g_strdup_printf ("review:%s:2026-09-01", f->supplier_id);
  g_assert_cmpstr (review->key, ==, key);
  g_assert_null (review->contract_id);
  g_assert_cmpstr (review->supplier_name, ==, "Acme Hosting");
  g_assert_cmpstr (review->summary, ==, "Supplier review due: Acme Hosting");
  g_assert_nonnull (strstr (review->detail, "1 Mar 2026"));
  g_assert_cmpstr (sb_deadline_kind_get_label (SB_DEADLINE_REVIEW), ==, "Review due");
}

static GPtrArray *
due (SbStore    *store,
     const char *today)
{
  g_autoptr(GError) error = NULL;
  GDate day = date (today);
  GPtrArray *deadlines = sb_deadlines_due_for_notification (store, &day, &error);

  g_assert_no_error (error);
  g_assert_nonnull (deadlines);

  return deadlines;
}

static void
test_notification (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) early = NULL;
  g_autoptr(GPtrArray) wider = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  SbContractTerms terms;
  gint64 journal;

  automatic_terms (&terms);
  id = add_contract (f, "HOST-2024", &terms, NULL);
  add_review (f, f->supplier_id, "2026-03-01", "2026-09-15");
  key = g_strdup_printf ("notice:%s:2026-09-30", id);

  /* 46 days before: outside the default 30-day window, inside 60 days */
  early = due (f->book->store, "2026-08-15");
  g_assert_cmpuint (early->len, ==, 0);
  g_assert_true (sb_contracts_set_warning_days (f->book->store, 60, &error));
  g_assert_no_error (error);
  wider = due (f->book->store, "2026-08-15");
  g_assert_cmpuint (wider->len, ==, 1);
  g_assert_true (sb_contracts_set_warning_days (f->book->store, 30, &error));
  g_assert_no_error (error);

  /* In the window: due once (the review is never a notification) */
  first = due (f->book->store, "2026-09-10");
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpstr (((SbDeadline *)g_ptr_array_index (first, 0))->key, ==, key);

  journal = sb_test_store_count (f->book->store, "SELECT count(*) FROM sb_journal", NULL);
  g_assert_true (sb_deadlines_mark_notified (f->book->store, g_ptr_array_index (first, 0), &error));
  g_assert_no_error (error);
  /* Marking twice is harmless */
  g_assert_true (sb_deadlines_mark_notified (f->book->store, g_ptr_array_index (first, 0), &error));
  g_assert_no_error (error);
  /* Device-local: nothing journalled */
  g_assert_cmpint (sb_test_store_count (f->book->store, "SELECT count(*) FROM sb_journal", NULL), ==, journal);
  g_assert_cmpint (sb_test_store_count (f->book->store, "SELECT count(*) FROM sb_deadline_notified WHERE key = ?1", key), ==, 1);

  again = due (f->book->store, "2026-09-11");
  g_assert_cmpuint (again->len, ==, 0);

  /* Not again after the book is closed and opened */
  g_clear_object (&f->book->store);
  f->book->store = sb_test_store_open (f->book->path);
  sb_test_store_set_fixed_clock (f->book->store, NOW_MS);
  reopened = due (f->book->store, "2026-09-20");
  g_assert_cmpuint (reopened->len, ==, 0);

  /* The next year's deadline is a new one */
  g_clear_pointer (&reopened, g_ptr_array_unref);
  reopened = due (f->book->store, "2027-09-20");
  g_assert_cmpuint (reopened->len, ==, 1);
}

/* The file's lines, unfolded (RFC 5545, 3.1); asserts CRLF line ends. */
static GPtrArray *
read_ical_lines (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) raw = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (contents, "\r\n"));

  raw = g_strsplit (contents, "\r\n", -1);
  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_assert_null (strchr (raw[i], '\n'));
      if (raw[i][0] == ' ' && lines->len > 0)
        {
          char *joined = g_strconcat (g_ptr_array_index (lines, lines->len - 1), raw[i] + 1, NULL);

          g_free (g_ptr_array_index (lines, lines->len - 1));
          g_ptr_array_index (lines, lines->len - 1) = joined;
        }
      else if (raw[i][0] != '\0')
        {
          g_ptr_array_add (lines, g_strdup (raw[i]));
        }
    }

  return lines;
}

static guint
count_lines (GPtrArray  *lines,
             const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      if (g_str_has_prefix (g_ptr_array_index (lines, i), prefix))
        n++;
    }

  return n;
}

static char *
join_values (GPtrArray  *lines,
             const char *prefix)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (g_str_has_prefix (line, prefix))
        g_string_append_printf (out, "%s%s", out->len ? " " : "", line + strlen (prefix));
    }

  return g_string_free (out, FALSE);
}

static void
test_ical (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *uids = NULL;
  g_autofree char *expected_uids = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  SbContractTerms terms;
  GDate from = date ("2026-06-15");
  GDate to = date ("2027-06-15");

  automatic_terms (&terms);
  id = add_contract (f, "HOST-2024", &terms, "by email; or letter");
  add_review (f, f->supplier_id, "2026-03-01", "2026-09-01");

  path = g_build_filename (f->book->dir, "deadlines.ics", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (sb_deadlines_export_ical (f->book->store, &from, &to, file, &error));
  g_assert_no_error (error);

  lines = read_ical_lines (path);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "END:VCALENDAR");
  g_assert_cmpuint (count_lines (lines, "BEGIN:VEVENT"), ==, 3);
  g_assert_cmpuint (count_lines (lines, "END:VEVENT"), ==, 3);

  starts = join_values (lines, "DTSTART;VALUE=DATE:");
  g_assert_cmpstr (starts, ==, "20260901 20260930 20261231");

  uids = join_values (lines, "UID:");
  expected_uids = g_strdup_printf ("review:%s:2026-09-01@servicebook notice:%s:2026-09-30@servicebook "
                                   "renewal:%s:2026-12-31@servicebook",
                                   f->supplier_id, id, id);
  g_assert_cmpstr (uids, ==, expected_uids);

  /* A reminder the warning window before the notice deadline only */
  g_assert_cmpuint (count_lines (lines, "BEGIN:VALARM"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "TRIGGER:-P30D"), ==, 1);
  g_assert_cmpuint (count_lines (lines, "SUMMARY:Last day to give notice: Acme Hosting — HOST-2024"), ==, 1);
  /* TEXT values are escaped */
  g_assert_cmpuint (count_lines (lines, "DESCRIPTION:"), >=, 3);
  {
    g_autofree char *descriptions = join_values (lines, "DESCRIPTION:");

    g_assert_nonnull (strstr (descriptions, "by email\\; or letter"));
  }
}

static void
test_ical_unwritable (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->book->dir, "missing", "deadlines.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  SbContractTerms terms;
  GDate from = date ("2026-06-15");
  GDate to = date ("2027-06-15");

  automatic_terms (&terms);
  id = add_contract (f, "HOST-2024", &terms, NULL);

  g_assert_false (sb_deadlines_export_ical (f->book->store, &from, &to, file, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, "deadlines.ics"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/deadlines/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("automatic", test_automatic);
  ADD ("agreement", test_agreement);
  ADD ("monthly-rolling", test_monthly_rolling);
  ADD ("notice-singular", test_notice_singular);
  ADD ("terminated", test_terminated);
  ADD ("review", test_review);
  ADD ("notification", test_notification);
  ADD ("ical", test_ical);
  ADD ("ical-unwritable", test_ical_unwritable);

#undef ADD

  return g_test_run ();
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-contract-terms"

#include "config.h"

#include <locale.h>

#include <glib.h>

#include "sb-contract-terms.h"
#include "sb-core-error.h"
#include "sb-time.h"

/* Every expectation is worked out by hand in the comment beside it.
 * Terms are counted from the start: term n ends the day before
 * start + initial + n × renewal months, days clamped to the month. */

/* Helpers {{{1 */

static GDate
day (const char *text)
{
  GDate d;
  g_autoptr (GError) error = NULL;

  g_assert_true (sb_date_parse (text, &d, &error));
  g_assert_no_error (error);
  return d;
}

/* The date as YYYY-MM-DD, or "-" when invalid, so one assertion shows both. */
static char *
text_of (const GDate *d)
{
  return g_date_valid (d) ? sb_date_format (d) : g_strdup ("-");
}

#define assert_date(d, expected)                 \
  G_STMT_START                                   \
  {                                              \
    g_autofree char *_text = text_of (d);        \
    g_assert_cmpstr (_text, ==, (expected));     \
  }                                              \
  G_STMT_END

/* The running example: 36 months from 2024-01-01, then automatic 12-month
 * renewals with 3 months' notice. Terms: 2024-01-01…2026-12-31 (notice by
 * 2026-09-30), 2027-01-01…2027-12-31 (by 2027-09-30), 2028-… and so on. */
static SbContractTerms
example (void)
{
  SbContractTerms t;

  sb_contract_terms_init (&t);
  t.start = day ("2024-01-01");
  t.initial_months = 36;
  t.renewal = SB_RENEWAL_AUTOMATIC;
  t.renewal_months = 12;
  t.notice_amount = 3;
  t.notice_unit = SB_NOTICE_MONTHS;
  return t;
}

static SbContractState
state_on (const SbContractTerms *t, const char *on)
{
  SbContractState s;
  GDate d = day (on);

  sb_contract_terms_compute (t, &d, SB_CONTRACT_DEFAULT_WARNING_DAYS, &s);
  return s;
}

static void
assert_state (const SbContractState *s,
              SbContractStatus       status,
              int                    term_index,
              const char            *term_start,
              const char            *term_end,
              const char            *next_renewal,
              const char            *notice_deadline,
              const char            *final_end)
{
  g_assert_cmpstr (sb_contract_status_to_string (s->status), ==,
                   sb_contract_status_to_string (status));
  g_assert_cmpint (s->term_index, ==, term_index);
  assert_date (&s->term_start, term_start);
  assert_date (&s->term_end, term_end);
  assert_date (&s->next_renewal, next_renewal);
  assert_date (&s->notice_deadline, notice_deadline);
  assert_date (&s->final_end, final_end);
}

static void
assert_invalid (const SbContractTerms *t, const char *message)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (sb_contract_terms_validate (t, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

/* Dates and terms {{{1 */

static void
test_add_months (void)
{
  GDate d = day ("2024-01-31");

  sb_date_add_months_clamped (&d, 1);   /* February 2024 has 29 days */
  assert_date (&d, "2024-02-29");
  sb_date_add_months_clamped (&d, 12);  /* February 2025 has 28 */
  assert_date (&d, "2025-02-28");

  d = day ("2023-01-31");
  sb_date_add_months_clamped (&d, 1);
  assert_date (&d, "2023-02-28");

  d = day ("2024-03-31");
  sb_date_add_months_clamped (&d, -1);  /* back into a leap February */
  assert_date (&d, "2024-02-29");

  d = day ("2024-05-15");
  sb_date_add_months_clamped (&d, -17); /* 17 months back: 2022-12-15 */
  assert_date (&d, "2022-12-15");

  d = day ("0001-02-01");
  sb_date_add_months_clamped (&d, -2);  /* before year 1 */
  g_assert_false (g_date_valid (&d));
}

static void
test_terms_from_start (void)
{
  SbContractTerms t = example ();
  GDate s, e;

  g_assert_true (sb_contract_terms_validate (&t, NULL));

  g_assert_true (sb_contract_terms_get_term (&t, 0, &s, &e));
  assert_date (&s, "2024-01-01");
  assert_date (&e, "2026-12-31");   /* 2024-01-01 + 36 months − 1 day */
  g_assert_true (sb_contract_terms_get_term (&t, 1, &s, &e));
  assert_date (&s, "2027-01-01");
  assert_date (&e, "2027-12-31");
  g_assert_true (sb_contract_terms_get_term (&t, 5, &s, &e));
  assert_date (&s, "2031-01-01");   /* + 36 + 4 × 12 months */
  assert_date (&e, "2031-12-31");

  g_assert_false (sb_contract_terms_get_term (&t, -1, &s, &e));
  g_assert_false (g_date_valid (&s));

  t.renewal = SB_RENEWAL_NONE;
  g_assert_false (sb_contract_terms_get_term (&t, 1, &s, &e));
}

static void
test_terms_from_31st (void)
{
  SbContractTerms t;
  GDate s, e;

  /* 13 months from 31 Jan 2024: + 13 months is 31 Feb 2025, clamped to
   * the 28th, so the last day is 27 Feb 2025. */
  sb_contract_terms_init (&t);
  t.start = day ("2024-01-31");
  t.initial_months = 13;
  t.renewal = SB_RENEWAL_AUTOMATIC;
  t.renewal_months = 1;
  g_assert_true (sb_contract_terms_validate (&t, NULL));

  g_assert_true (sb_contract_terms_get_term (&t, 0, &s, &e));
  assert_date (&s, "2024-01-31");
  assert_date (&e, "2025-02-27");
  /* Renewal 1: start + 13 = 2025-02-28, ends start + 14 − 1 = 2025-03-30. */
  g_assert_true (sb_contract_terms_get_term (&t, 1, &s, &e));
  assert_date (&s, "2025-02-28");
  assert_date (&e, "2025-03-30");
  /* Renewal 2: 2025-03-31 to start + 15 (2025-04-30) − 1. */
  g_assert_true (sb_contract_terms_get_term (&t, 2, &s, &e));
  assert_date (&s, "2025-03-31");
  assert_date (&e, "2025-04-29");

  /* 12 months from 31 January ends on 30 January (the header's example). */
  t.initial_months = 12;
  g_assert_true (sb_contract_terms_get_term (&t, 0, &s, &e));
  assert_date (&e, "2025-01-30");
}

static void
test_terms_from_29_february (void)
{
  SbContractTerms t;
  SbContractState st;
  GDate s, e;

  sb_contract_terms_init (&t);
  t.start = day ("2024-02-29");
  t.initial_months = 12;
  t.renewal = SB_RENEWAL_AUTOMATIC;
  t.renewal_months = 12;
  t.notice_amount = 1;
  t.notice_unit = SB_NOTICE_MONTHS;
  g_assert_true (sb_contract_terms_validate (&t, NULL));

  /* + 12 months: 2025-02-28 (clamped), so the first term ends 2025-02-27. */
  g_assert_true (sb_contract_terms_get_term (&t, 0, &s, &e));
  assert_date (&e, "2025-02-27");
  g_assert_true (sb_contract_terms_get_term (&t, 1, &s, &e));
  assert_date (&s, "2025-02-28");
  assert_date (&e, "2026-02-27");
  /* Counted from the start, not chained: + 48 months is 29 Feb 2028 again. */
  g_assert_true (sb_contract_terms_get_term (&t, 3, &s, &e));
  assert_date (&s, "2027-02-28");
  assert_date (&e, "2028-02-28");
  g_assert_true (sb_contract_terms_get_term (&t, 4, &s, &e));
  assert_date (&s, "2028-02-29");

  /* Notice for the term ending 2025-02-27: (2025-02-28 − 1 month) − 1 day
   * = 2025-01-27, 31 days before. On 2025-01-10 that is 17 days ahead. */
  st = state_on (&t, "2025-01-10");
  assert_state (&st, SB_CONTRACT_IN_NOTICE_WINDOW, 0, "2024-02-29", "2025-02-27",
                "2025-02-28", "2025-01-27", "-");
  g_assert_cmpint (st.days_to_notice, ==, 17);
}

/* The running example across renewals {{{1 */

static void
test_auto_before_start (void)
{
  SbContractTerms t = example ();
  SbContractState s = state_on (&t, "2023-12-15");

  assert_state (&s, SB_CONTRACT_NOT_STARTED, 0, "2024-01-01", "2026-12-31",
                "2027-01-01", "2026-09-30", "-");
  /* 2023-12-15 → 2024-12-15: 366 (29 Feb 2024); → 2025-12-15: 365;
   * → 2026-09-15: 31+31+28+31+30+31+30+31+31 = 274; → 2026-09-30: 15. */
  g_assert_cmpint (s.days_to_notice, ==, 1020);
  g_assert_cmpint (s.days_to_end, ==, 0);
}

static void
test_auto_inside_initial_term (void)
{
  SbContractTerms t = example ();
  SbContractState s = state_on (&t, "2025-06-15");

  assert_state (&s, SB_CONTRACT_ACTIVE, 0, "2024-01-01", "2026-12-31",
                "2027-01-01", "2026-09-30", "-");

  /* 2026-08-30 is 31 days before the deadline: still active. */
  s = state_on (&t, "2026-08-30");
  g_assert_cmpint (s.status, ==, SB_CONTRACT_ACTIVE);
  g_assert_cmpint (s.days_to_notice, ==, 31);

  /* 2026-08-31 is 30 days before: the notice window opens. */
  s = state_on (&t, "2026-08-31");
  g_assert_cmpint (s.status, ==, SB_CONTRACT_IN_NOTICE_WINDOW);
  g_assert_cmpint (s.days_to_notice, ==, 30);
}

static void
test_auto_on_deadline (void)
{
  SbContractTerms t = example ();
  SbContractState s = state_on (&t, "2026-09-30");

  assert_state (&s, SB_CONTRACT_IN_NOTICE_WINDOW, 0, "2024-01-01", "2026-12-31",
                "2027-01-01", "2026-09-30", "-");
  g_assert_cmpint (s.days_to_notice, ==, 0);
}

static void
test_auto_day_after_deadline (void)
{
  SbContractTerms t = example ();
  SbContractState s = state_on (&t, "2026-10-01");

  /* Too late to stop the first renewal: the deadline that matters is the
   * first renewal's, 2027-09-30, 365 − 1 = 364 days ahead. */
  assert_state (&s, SB_CONTRACT_ACTIVE, 0, "2024-01-01", "2026-12-31",
                "2027-01-01", "2027-09-30", "-");
  g_assert_cmpint (s.days_to_notice, ==, 364);
}

static void
test_auto_term_end (void)
{
  SbContractTerms t = example ();
  SbContractState s = state_on (&t, "2026-12-31");

  /* → 2027-09-30: 31+28+31+30+31+30+31+31+30 = 273 days. */
  assert_state (&s, SB_CONTRACT_ACTIVE, 0, "2024-01-01", "2026-12-31",
                "2027-01-01", "2027-09-30", "-");
  g_assert_cmpint (s.days_to_notice, ==, 273);
}

static void
test_auto_first_renewal (void)
{
  SbContractTerms t = example ();
  SbContractState s = state_on (&t, "2027-01-01");

  assert_state (&s, SB_CONTRACT_ACTIVE, 1, "2027-01-01", "2027-12-31",
                "2028-01-01", "2027-09-30", "-");
  g_assert_cmpint (s.days_to_notice, ==, 272);
}

static void
test_auto_later_renewals (void)
{
  SbContractTerms t = example ();
  SbContractState s = state_on (&t, "2028-09-15");

  /* Second renewal (2028), 15 days before its deadline. */
  assert_state (&s, SB_CONTRACT_IN_NOTICE_WINDOW, 2, "2028-01-01", "2028-12-31",
                "2029-01-01", "2028-09-30", "-");
  g_assert_cmpint (s.days_to_notice, ==, 15);

  /* 2030: the fourth renewal (2029 is the third). */
  s = state_on (&t, "2030-02-10");
  assert_state (&s, SB_CONTRACT_ACTIVE, 4, "2030-01-01", "2030-12-31",
                "2031-01-01", "2030-09-30", "-");

  /* Far on: 2024 + 36 months + 96 renewals ends 2123-12-31. */
  s = state_on (&t, "2123-12-31");
  g_assert_cmpint (s.term_index, ==, 97);
  assert_date (&s.term_start, "2123-01-01");
  assert_date (&s.next_renewal, "2124-01-01");
  assert_date (&s.notice_deadline, "2124-09-30");
}

/* Notice given {{{1 */

static void
test_notice_given_in_time (void)
{
  SbContractTerms t = example ();
  SbContractState s;
  GDate end;

  t.notice_given = day ("2026-09-30");  /* on the deadline: ends with this term */
  g_assert_true (sb_contract_terms_validate (&t, NULL));
  g_assert_true (sb_contract_terms_final_end (&t, &end));
  assert_date (&end, "2026-12-31");

  /* Oct 30 + Nov 30 + Dec 31 = 91 days left; nothing follows. */
  s = state_on (&t, "2026-10-01");
  assert_state (&s, SB_CONTRACT_ACTIVE, 0, "2024-01-01", "2026-12-31",
                "-", "-", "2026-12-31");
  g_assert_cmpint (s.days_to_end, ==, 91);

  s = state_on (&t, "2026-12-01");
  g_assert_cmpint (s.status, ==, SB_CONTRACT_EXPIRING);
  g_assert_cmpint (s.days_to_end, ==, 30);

  s = state_on (&t, "2027-01-01");
  assert_state (&s, SB_CONTRACT_EXPIRED, 0, "2024-01-01", "2026-12-31",
                "-", "-", "2026-12-31");
  g_assert_cmpint (s.days_to_end, ==, -1);
}

static void
test_notice_given_late (void)
{
  SbContractTerms t = example ();
  SbContractState s;
  GDate end;

  t.notice_given = day ("2026-10-01");  /* a day late: one more term */
  g_assert_true (sb_contract_terms_final_end (&t, &end));
  assert_date (&end, "2027-12-31");

  s = state_on (&t, "2026-11-01");
  assert_state (&s, SB_CONTRACT_ACTIVE, 0, "2024-01-01", "2026-12-31",
                "2027-01-01", "-", "2027-12-31");

  s = state_on (&t, "2027-12-15");
  assert_state (&s, SB_CONTRACT_EXPIRING, 1, "2027-01-01", "2027-12-31",
                "-", "-", "2027-12-31");
  g_assert_cmpint (s.days_to_end, ==, 16);

  s = state_on (&t, "2029-06-01");  /* long after: the last term is shown */
  assert_state (&s, SB_CONTRACT_EXPIRED, 1, "2027-01-01", "2027-12-31",
                "-", "-", "2027-12-31");

  /* Notice given within a renewal term, before its deadline. */
  t.notice_given = day ("2028-05-01");
  g_assert_true (sb_contract_terms_final_end (&t, &end));
  assert_date (&end, "2028-12-31");
}

static void
test_notice_days_against_months (void)
{
  SbContractTerms t = example ();
  SbContractState s;
  GDate end = day ("2026-12-31");

  /* 3 months before 2026-12-31: 2026-09-30, Oct 31 + Nov 30 + Dec 31 = 92. */
  g_assert_cmpint (sb_contract_terms_notice_days (&t, &end), ==, 92);
  /* Month ends of different lengths, one month each:
   * 2025-02-28: (03-01 − 1 month) − 1 day = 01-31, 28 days;
   * 2025-03-31: (04-01 − 1 month) − 1 day = 02-28, 31 days;
   * 2024-02-28: (02-29 − 1 month) − 1 day = 01-28, 31 days. */
  t.notice_amount = 1;
  end = day ("2025-02-28");
  g_assert_cmpint (sb_contract_terms_notice_days (&t, &end), ==, 28);
  end = day ("2025-03-31");
  g_assert_cmpint (sb_contract_terms_notice_days (&t, &end), ==, 31);
  end = day ("2024-02-28");
  g_assert_cmpint (sb_contract_terms_notice_days (&t, &end), ==, 31);

  /* 90 days' notice on the same term end: 2026-10-02, a day after the
   * months deadline, so on 2026-10-01 it is still open. */
  t.notice_amount = 90;
  t.notice_unit = SB_NOTICE_DAYS;
  end = day ("2026-12-31");
  g_assert_cmpint (sb_contract_terms_notice_days (&t, &end), ==, 90);
  s = state_on (&t, "2026-10-01");
  assert_state (&s, SB_CONTRACT_IN_NOTICE_WINDOW, 0, "2024-01-01", "2026-12-31",
                "2027-01-01", "2026-10-02", "-");
  g_assert_cmpint (s.days_to_notice, ==, 1);

  /* No notice period: the deadline is the term's last day. */
  t.notice_amount = 0;
  g_assert_cmpint (sb_contract_terms_notice_days (&t, &end), ==, 0);
  s = state_on (&t, "2026-10-01");
  assert_date (&s.notice_deadline, "2026-12-31");
}

/* Early termination {{{1 */

static void
test_terminated_in_past (void)
{
  SbContractTerms t = example ();
  SbContractState s;

  t.terminated = day ("2025-03-31");
  g_assert_true (sb_contract_terms_validate (&t, NULL));

  s = state_on (&t, "2025-06-01");
  assert_state (&s, SB_CONTRACT_TERMINATED, 0, "2024-01-01", "2026-12-31",
                "-", "-", "2025-03-31");
  g_assert_cmpint (s.days_to_end, ==, -62);  /* Apr 30 + May 31 + 1 */
}

static void
test_terminated_in_future (void)
{
  SbContractTerms t = example ();
  SbContractState s;

  t.terminated = day ("2026-06-30");

  s = state_on (&t, "2026-05-01");  /* 60 days left */
  assert_state (&s, SB_CONTRACT_ACTIVE, 0, "2024-01-01", "2026-12-31",
                "-", "-", "2026-06-30");
  g_assert_cmpint (s.days_to_end, ==, 60);

  s = state_on (&t, "2026-06-10");
  g_assert_cmpint (s.status, ==, SB_CONTRACT_EXPIRING);
  g_assert_cmpint (s.days_to_end, ==, 20);

  s = state_on (&t, "2026-06-30");  /* the last day is still in force */
  g_assert_cmpint (s.status, ==, SB_CONTRACT_EXPIRING);

  s = state_on (&t, "2026-07-01");
  g_assert_cmpint (s.status, ==, SB_CONTRACT_TERMINATED);

  /* An early end after the notice already stops it changes nothing. */
  t.notice_given = day ("2026-01-10");
  t.terminated = day ("2027-03-31");
  s = state_on (&t, "2026-07-01");
  assert_date (&s.final_end, "2026-12-31");
}

/* Renewal by agreement and none {{{1 */

static SbContractTerms
agreement (int agreed)
{
  SbContractTerms t;

  /* 12 months from 2024-01-01, renewable by agreement for 12 months with
   * 2 months' notice: the last day to agree is (2025-01-01 − 2 months) −
   * 1 day = 2024-10-31. */
  sb_contract_terms_init (&t);
  t.start = day ("2024-01-01");
  t.initial_months = 12;
  t.renewal = SB_RENEWAL_AGREEMENT;
  t.renewal_months = 12;
  t.notice_amount = 2;
  t.notice_unit = SB_NOTICE_MONTHS;
  t.renewals_agreed = agreed;
  return t;
}

static void
test_agreement_not_renewed (void)
{
  SbContractTerms t = agreement (0);
  SbContractState s;

  g_assert_true (sb_contract_terms_validate (&t, NULL));

  /* 2024-06-01 → 2024-10-31: 29+31+31+30+31 = 152; → 2024-12-31: + 61 = 213. */
  s = state_on (&t, "2024-06-01");
  assert_state (&s, SB_CONTRACT_ACTIVE, 0, "2024-01-01", "2024-12-31",
                "-", "2024-10-31", "2024-12-31");
  g_assert_cmpint (s.days_to_notice, ==, 152);
  g_assert_cmpint (s.days_to_end, ==, 213);

  s = state_on (&t, "2024-10-15");
  g_assert_cmpint (s.status, ==, SB_CONTRACT_IN_NOTICE_WINDOW);
  g_assert_cmpint (s.days_to_notice, ==, 16);

  /* Past the day to agree, 30 days before the end: expiring; the missed
   * deadline stays shown. */
  s = state_on (&t, "2024-12-01");
  g_assert_cmpint (s.status, ==, SB_CONTRACT_EXPIRING);
  assert_date (&s.notice_deadline, "2024-10-31");
  g_assert_cmpint (s.days_to_notice, ==, -31);

  s = state_on (&t, "2025-01-01");
  assert_state (&s, SB_CONTRACT_EXPIRED, 0, "2024-01-01", "2024-12-31",
                "-", "-", "2024-12-31");
}

static void
test_agreement_renewed_once (void)
{
  SbContractTerms t = agreement (1);
  SbContractState s;

  g_assert_true (sb_contract_terms_validate (&t, NULL));

  /* The agreed renewal follows; the next decision is for 2025's term. */
  s = state_on (&t, "2024-06-01");
  assert_state (&s, SB_CONTRACT_ACTIVE, 0, "2024-01-01", "2024-12-31",
                "2025-01-01", "2025-10-31", "2025-12-31");

  s = state_on (&t, "2025-01-01");
  assert_state (&s, SB_CONTRACT_ACTIVE, 1, "2025-01-01", "2025-12-31",
                "-", "2025-10-31", "2025-12-31");

  s = state_on (&t, "2025-12-31");
  g_assert_cmpint (s.status, ==, SB_CONTRACT_EXPIRING);
  g_assert_cmpint (s.days_to_end, ==, 0);

  s = state_on (&t, "2026-01-01");
  assert_state (&s, SB_CONTRACT_EXPIRED, 1, "2025-01-01", "2025-12-31",
                "-", "-", "2025-12-31");
}

static void
test_no_renewal (void)
{
  SbContractTerms t;
  SbContractState s;

  sb_contract_terms_init (&t);
  t.start = day ("2024-01-01");
  t.initial_months = 12;
  t.notice_amount = 1;
  t.notice_unit = SB_NOTICE_MONTHS;
  g_assert_true (sb_contract_terms_validate (&t, NULL));

  s = state_on (&t, "2024-12-15");
  assert_state (&s, SB_CONTRACT_EXPIRING, 0, "2024-01-01", "2024-12-31",
                "-", "-", "2024-12-31");
  g_assert_cmpint (s.days_to_end, ==, 16);

  s = state_on (&t, "2024-03-01");
  g_assert_cmpint (s.status, ==, SB_CONTRACT_ACTIVE);
}

/* Validation {{{1 */

static void
test_validate_messages (void)
{
  SbContractTerms t;

  sb_contract_terms_init (&t);
  assert_invalid (&t, "The start date is missing");

  t.start = day ("2024-01-01");
  t.initial_months = 0;
  assert_invalid (&t, "The initial term must be 1 to 1200 months (it is 0)");
  t.initial_months = 1201;
  assert_invalid (&t, "The initial term must be 1 to 1200 months (it is 1201)");

  t.initial_months = 3;
  t.notice_amount = 4;
  t.notice_unit = SB_NOTICE_MONTHS;
  assert_invalid (&t, "The notice period (4 months) is longer than the initial term (3 months)");
  t.notice_amount = 3;
  assert_invalid (&t, "The notice period (3 months) is as long as the initial term (3 months)");
  /* In days, against the longest three months can be (July to
   * September, 92 days), whichever month this term starts in. */
  t.notice_unit = SB_NOTICE_DAYS;
  t.notice_amount = 93;
  assert_invalid (&t, "The notice period (93 days) is longer than the initial term (3 months)");
  t.notice_amount = 92;
  assert_invalid (&t, "The notice period (92 days) is as long as the initial term (3 months)");
  t.notice_amount = 91;
  g_assert_true (sb_contract_terms_validate (&t, NULL));
  t.notice_amount = -1;
  assert_invalid (&t, "The notice period cannot be negative");

  t = example ();
  t.renewal_months = 0;
  assert_invalid (&t, "A contract that renews needs a renewal term of 1 to 1200 months");
  t.renewal_months = 1;
  t.notice_amount = 2;
  assert_invalid (&t, "The notice period (2 months) is longer than the renewal term (1 month)");

  /* Monthly renewals with 30 days' notice are common: notice in days is
   * compared with the longest such term (31 days), so a February term's
   * notice simply falls in January. */
  t.notice_unit = SB_NOTICE_DAYS;
  t.notice_amount = 32;
  assert_invalid (&t, "The notice period (32 days) is longer than the renewal term (1 month)");
  t.notice_amount = 31;
  assert_invalid (&t, "The notice period (31 days) is as long as the renewal term (1 month)");
  t.notice_amount = 30;
  g_assert_true (sb_contract_terms_validate (&t, NULL));
  /* …also when the first month itself has 30 days (11 Sep – 10 Oct) */
  t.start = day ("2025-09-11");
  t.initial_months = 1;
  g_assert_true (sb_contract_terms_validate (&t, NULL));

  t = example ();
  t.renewals_agreed = 1;
  assert_invalid (&t, "Agreed renewals are counted only for a contract that renews by agreement");

  t = example ();
  t.notice_given = day ("2023-12-31");
  assert_invalid (&t, "Notice is given on 31 Dec 2023, before the start on 1 Jan 2024");

  t = example ();
  t.terminated = day ("2023-06-01");
  assert_invalid (&t, "The contract ends early on 1 Jun 2023, before the start on 1 Jan 2024");
  t.terminated = day ("2024-01-01");  /* in force for one day only */
  g_assert_true (sb_contract_terms_validate (&t, NULL));
}

/* Text {{{1 */

static void
test_describe (void)
{
  SbContractTerms t = example ();
  g_autofree char *automatic = sb_contract_terms_describe (&t);
  g_autofree char *by_agreement = NULL;
  g_autofree char *none = NULL;

  g_assert_cmpstr (automatic, ==,
                   "36 months from 1 Jan 2024, then renews automatically for 12 months "
                   "at a time; 3 months’ notice");

  t.renewal = SB_RENEWAL_AGREEMENT;
  t.renewal_months = 1;
  t.notice_amount = 1;
  t.notice_unit = SB_NOTICE_DAYS;
  by_agreement = sb_contract_terms_describe (&t);
  g_assert_cmpstr (by_agreement, ==,
                   "36 months from 1 Jan 2024, then renews by agreement for 1 month "
                   "at a time; 1 day’s notice");

  t.renewal = SB_RENEWAL_NONE;
  t.initial_months = 1;
  t.start = day ("2024-02-29");
  none = sb_contract_terms_describe (&t);
  g_assert_cmpstr (none, ==, "1 month from 29 Feb 2024, without renewal");
}

static void
test_strings (void)
{
  SbRenewal r;
  SbNoticeUnit u;
  SbContractStatus st;
  SbBillingPeriod p;

  g_assert_cmpstr (sb_renewal_to_string (SB_RENEWAL_AGREEMENT), ==, "agreement");
  g_assert_true (sb_renewal_from_string ("automatic", &r));
  g_assert_cmpint (r, ==, SB_RENEWAL_AUTOMATIC);
  g_assert_false (sb_renewal_from_string ("Automatic", &r));
  g_assert_false (sb_renewal_from_string (NULL, &r));
  g_assert_cmpstr (sb_renewal_get_label (SB_RENEWAL_NONE), ==, "No renewal");

  g_assert_cmpstr (sb_notice_unit_to_string (SB_NOTICE_MONTHS), ==, "months");
  g_assert_true (sb_notice_unit_from_string ("days", &u));
  g_assert_cmpint (u, ==, SB_NOTICE_DAYS);
  g_assert_false (sb_notice_unit_from_string ("weeks", &u));
  g_assert_cmpstr (sb_notice_unit_get_label (SB_NOTICE_MONTHS), ==, "Months");

  g_assert_cmpstr (sb_contract_status_to_string (SB_CONTRACT_NOT_STARTED), ==, "not-started");
  g_assert_cmpstr (sb_contract_status_to_string (SB_CONTRACT_IN_NOTICE_WINDOW), ==,
                   "in-notice-window");
  g_assert_true (sb_contract_status_from_string ("terminated", &st));
  g_assert_cmpint (st, ==, SB_CONTRACT_TERMINATED);
  g_assert_cmpstr (sb_contract_status_get_label (SB_CONTRACT_EXPIRING), ==, "Expiring");

  g_assert_cmpstr (sb_billing_period_to_string (SB_BILLING_ONE_OFF), ==, "one-off");
  g_assert_true (sb_billing_period_from_string ("quarter", &p));
  g_assert_cmpint (p, ==, SB_BILLING_QUARTERLY);
  g_assert_false (sb_billing_period_from_string ("monthly", &p));
  g_assert_cmpstr (sb_billing_period_get_label (SB_BILLING_YEARLY), ==, "Yearly");
}

/* Billing {{{1 */

static void
assert_charges (GArray *charges, const char *const *dates, gint64 amount)
{
  guint n = g_strv_length ((char **) dates);

  g_assert_nonnull (charges);
  g_assert_cmpuint (charges->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const SbBillingCharge *c = &g_array_index (charges, SbBillingCharge, i);

      assert_date (&c->date, dates[i]);
      g_assert_cmpint (c->amount, ==, amount);
    }
}

static SbContractTerms
from_31_january (SbRenewal renewal)
{
  SbContractTerms t;

  /* 13 months from 2024-01-31: the last day is 2025-02-27. */
  sb_contract_terms_init (&t);
  t.start = day ("2024-01-31");
  t.initial_months = 13;
  t.renewal = renewal;
  t.renewal_months = renewal == SB_RENEWAL_NONE ? 0 : 12;
  return t;
}

static void
test_billing_monthly_from_31st (void)
{
  SbContractTerms t = from_31_january (SB_RENEWAL_NONE);
  GDate from = day ("2024-01-01");
  GDate to = day ("2024-12-31");
  g_autoptr (GArray) year = NULL;
  g_autoptr (GArray) end = NULL;
  const char *const dates_2024[] = {
    "2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31", "2024-06-30",
    "2024-07-31", "2024-08-31", "2024-09-30", "2024-10-31", "2024-11-30", "2024-12-31",
    NULL
  };
  /* 2025-02-28 is after the last day (2025-02-27): no charge. */
  const char *const dates_end[] = { "2024-12-31", "2025-01-31", NULL };

  year = sb_billing_project (&t, SB_BILLING_MONTHLY, 1000, &from, &to);
  assert_charges (year, dates_2024, 1000);

  from = day ("2024-12-01");
  to = day ("2025-12-31");
  end = sb_billing_project (&t, SB_BILLING_MONTHLY, 1000, &from, &to);
  assert_charges (end, dates_end, 1000);

  /* The whole contract: 13 charges of 10.00. */
  from = day ("2020-01-01");
  g_assert_cmpint (sb_billing_total (&t, SB_BILLING_MONTHLY, 1000, &from, &to), ==, 13000);
}

static void
test_billing_window_far_on (void)
{
  SbContractTerms t = from_31_january (SB_RENEWAL_AUTOMATIC);
  GDate from = day ("2030-03-01");
  GDate to = day ("2030-05-31");
  g_autoptr (GArray) charges = NULL;
  const char *const dates[] = { "2030-03-31", "2030-04-30", "2030-05-31", NULL };

  /* Open-ended: charges go on; only those in the window are listed. */
  charges = sb_billing_project (&t, SB_BILLING_MONTHLY, 250, &from, &to);
  assert_charges (charges, dates, 250);

  /* An empty window. */
  g_clear_pointer (&charges, g_array_unref);
  charges = sb_billing_project (&t, SB_BILLING_MONTHLY, 250, &to, &from);
  g_assert_cmpuint (charges->len, ==, 0);
}

static void
test_billing_quarterly (void)
{
  SbContractTerms t;
  GDate from = day ("2024-01-01");
  GDate to = day ("2026-12-31");
  g_autoptr (GArray) charges = NULL;
  /* 12 months from 2024-11-30 end on 2025-11-29; quarters from the start:
   * 2024-11-30, 2025-02-28 (clamped), 2025-05-30, 2025-08-30; 2025-11-30
   * is after the end. */
  const char *const dates[] = { "2024-11-30", "2025-02-28", "2025-05-30", "2025-08-30", NULL };

  sb_contract_terms_init (&t);
  t.start = day ("2024-11-30");
  t.initial_months = 12;

  charges = sb_billing_project (&t, SB_BILLING_QUARTERLY, 30000, &from, &to);
  assert_charges (charges, dates, 30000);
  g_assert_cmpint (sb_billing_total (&t, SB_BILLING_QUARTERLY, 30000, &from, &to), ==, 120000);
}

static void
test_billing_yearly_across_renewals (void)
{
  SbContractTerms t = example ();
  GDate from = day ("2024-06-01");
  GDate to = day ("2028-12-31");
  g_autoptr (GArray) open = NULL;
  g_autoptr (GArray) stopped = NULL;
  const char *const open_dates[] = { "2025-01-01", "2026-01-01", "2027-01-01", "2028-01-01", NULL };
  const char *const stopped_dates[] = { "2025-01-01", "2026-01-01", NULL };

  open = sb_billing_project (&t, SB_BILLING_YEARLY, 120000, &from, &to);
  assert_charges (open, open_dates, 120000);

  /* Notice given in time: the contract ends 2026-12-31. */
  t.notice_given = day ("2026-09-01");
  stopped = sb_billing_project (&t, SB_BILLING_YEARLY, 120000, &from, &to);
  assert_charges (stopped, stopped_dates, 120000);
  g_assert_cmpint (sb_billing_total (&t, SB_BILLING_YEARLY, 120000, &from, &to), ==, 240000);
}

static void
test_billing_one_off (void)
{
  SbContractTerms t = from_31_january (SB_RENEWAL_AUTOMATIC);
  GDate from = day ("2024-01-01");
  GDate to = day ("2030-12-31");
  g_autoptr (GArray) charges = NULL;
  const char *const dates[] = { "2024-01-31", NULL };

  charges = sb_billing_project (&t, SB_BILLING_ONE_OFF, 5000, &from, &to);
  assert_charges (charges, dates, 5000);

  from = day ("2024-02-01");
  g_assert_cmpint (sb_billing_total (&t, SB_BILLING_ONE_OFF, 5000, &from, &to), ==, 0);
}

static void
test_billing_stops_at_early_end (void)
{
  SbContractTerms t = from_31_january (SB_RENEWAL_AUTOMATIC);
  GDate from = day ("2024-01-01");
  GDate to = day ("2024-12-31");
  g_autoptr (GArray) charges = NULL;
  /* Ended 2024-05-15: 2024-05-31 falls after it. */
  const char *const dates[] = { "2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", NULL };

  t.terminated = day ("2024-05-15");
  charges = sb_billing_project (&t, SB_BILLING_MONTHLY, 999, &from, &to);
  assert_charges (charges, dates, 999);
  g_assert_cmpint (sb_billing_total (&t, SB_BILLING_MONTHLY, 999, &from, &to), ==, 3996);
}

static void
test_billing_amounts (void)
{
  SbContractTerms t = example ();
  GDate from = day ("2024-01-01");
  GDate to = day ("2024-03-31");

  g_assert_cmpint (sb_billing_yearly_amount (SB_BILLING_MONTHLY, 1000), ==, 12000);
  g_assert_cmpint (sb_billing_yearly_amount (SB_BILLING_QUARTERLY, 2500), ==, 10000);
  g_assert_cmpint (sb_billing_yearly_amount (SB_BILLING_YEARLY, 7700), ==, 7700);
  g_assert_cmpint (sb_billing_yearly_amount (SB_BILLING_ONE_OFF, 4200), ==, 4200);
  g_assert_cmpint (sb_billing_yearly_amount (SB_BILLING_MONTHLY, G_MAXINT64 / 2), ==, G_MAXINT64);
  g_assert_cmpint (sb_billing_yearly_amount (SB_BILLING_QUARTERLY, G_MININT64 / 2), ==, G_MININT64);

  /* Three monthly charges of half the range do not wrap around. */
  g_assert_cmpint (sb_billing_total (&t, SB_BILLING_MONTHLY, G_MAXINT64 / 2, &from, &to), ==,
                   G_MAXINT64);
  g_assert_cmpint (sb_billing_total (&t, SB_BILLING_MONTHLY, -7, &from, &to), ==, -21);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contract-terms/add-months", test_add_months);
  g_test_add_func ("/contract-terms/terms/from-start", test_terms_from_start);
  g_test_add_func ("/contract-terms/terms/from-31st", test_terms_from_31st);
  g_test_add_func ("/contract-terms/terms/from-29-february", test_terms_from_29_february);
  g_test_add_func ("/contract-terms/automatic/before-start", test_auto_before_start);
  g_test_add_func ("/contract-terms/automatic/inside-initial-term", test_auto_inside_initial_term);
  g_test_add_func ("/contract-terms/automatic/on-deadline", test_auto_on_deadline);
  g_test_add_func ("/contract-terms/automatic/day-after-deadline", test_auto_day_after_deadline);
  g_test_add_func ("/contract-terms/automatic/term-end", test_auto_term_end);
  g_test_add_func ("/contract-terms/automatic/first-renewal", test_auto_first_renewal);
  g_test_add_func ("/contract-terms/automatic/later-renewals", test_auto_later_renewals);
  g_test_add_func ("/contract-terms/notice/given-in-time", test_notice_given_in_time);
  g_test_add_func ("/contract-terms/notice/given-late", test_notice_given_late);
  g_test_add_func ("/contract-terms/notice/days-against-months", test_notice_days_against_months);
  g_test_add_func ("/contract-terms/terminated/in-past", test_terminated_in_past);
  g_test_add_func ("/contract-terms/terminated/in-future", test_terminated_in_future);
  g_test_add_func ("/contract-terms/agreement/not-renewed", test_agreement_not_renewed);
  g_test_add_func ("/contract-terms/agreement/renewed-once", test_agreement_renewed_once);
  g_test_add_func ("/contract-terms/none", test_no_renewal);
  g_test_add_func ("/contract-terms/validate", test_validate_messages);
  g_test_add_func ("/contract-terms/describe", test_describe);
  g_test_add_func ("/contract-terms/strings", test_strings);

  g_test_add_func ("/contract-terms/billing/monthly-from-31st", test_billing_monthly_from_31st);
  g_test_add_func ("/contract-terms/billing/window-far-on", test_billing_window_far_on);
  g_test_add_func ("/contract-terms/billing/quarterly", test_billing_quarterly);
  g_test_add_func ("/contract-terms/billing/yearly-across-renewals",
                   test_billing_yearly_across_renewals);
  g_test_add_func ("/contract-terms/billing/one-off", test_billing_one_off);
  g_test_add_func ("/contract-terms/billing/stops-at-early-end", test_billing_stops_at_early_end);
  g_test_add_func ("/contract-terms/billing/amounts", test_billing_amounts);

  return g_test_run ();
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-contract-terms"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-contract-terms.h"
#include "sb-core-error.h"
#include "sb-time.h"

/*
 * The rules, in one place (the header says what the numbers mean):
 *
 * Validation: the start is a valid date; the initial term is 1…1200
 * months; a contract that renews has a renewal term of 1…1200 months; the
 * notice period is not negative and shorter than the initial term and,
 * when the contract renews, than the renewal term (in days: than the
 * longest a term of that many months can be, so that the common "monthly,
 * 30 days' notice" holds even though February is shorter: notice for a
 * term then falls in the term before it); renewals can be
 * agreed only when renewal is by agreement; notice and an early end are
 * not dated before the start.
 *
 * The final end (last day in force): without renewal, the end of the
 * initial term; by agreement, the end of the last agreed renewal term;
 * automatic, none (open-ended) until notice is given: notice given on or
 * before the notice deadline of the term it falls in ends the contract
 * with that term, later notice with the term after it. An early end
 * (terminated) wins whenever it is earlier.
 *
 * Status on a day, first match wins: terminated (after an early end),
 * not started, expired (after the final end), in notice window (the
 * notice deadline is 0…warning days ahead), expiring (the final end is
 * 0…warning days ahead), active.
 *
 * The notice deadline shown: automatic renewal without notice given, the
 * deadline of the term in force; once it has passed, the renewal is
 * locked in and the next term's deadline is the one that matters. By
 * agreement, the last day to agree a renewal of the last agreed term (the
 * term in force once the agreed renewals have started); it stays shown,
 * with a negative day count, after it passed, as a late agreement still
 * renews. No deadline without renewal, after notice was given, when an
 * early end is recorded, and after the final end.
 */

#define MAX_TERM_MONTHS 1200
#define MAX_YEAR        G_MAXUINT16

/* How many start months are looked at for the longest term: enough to
 * see every month and a common and a leap February. */
#define TERMS_SCANNED   48

static const char *const renewal_strings[] = { "none", "automatic", "agreement" };
static const char *const renewal_labels[] = {
  N_ ("No renewal"),
  N_ ("Renews automatically"),
  N_ ("Renewal by agreement"),
};

static const char *const notice_unit_strings[] = { "days", "months" };
static const char *const notice_unit_labels[] = {
  N_ ("Days"),
  N_ ("Months"),
};

static const char *const status_strings[] = {
  "not-started",
  "active",
  "in-notice-window",
  "expiring",
  "expired",
  "terminated",
};
static const char *const status_labels[] = {
  N_ ("Not started"),
  N_ ("Active"),
  N_ ("In notice window"),
  N_ ("Expiring"),
  N_ ("Expired"),
  N_ ("Terminated"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (renewal_strings) == SB_RENEWAL_AGREEMENT + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (renewal_labels) == G_N_ELEMENTS (renewal_strings));
G_STATIC_ASSERT (G_N_ELEMENTS (notice_unit_strings) == SB_NOTICE_MONTHS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (notice_unit_labels) == G_N_ELEMENTS (notice_unit_strings));
G_STATIC_ASSERT (G_N_ELEMENTS (status_strings) == SB_CONTRACT_TERMINATED + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (status_labels) == G_N_ELEMENTS (status_strings));

static gboolean
find_string (const char *const *list, gsize n, const char *text, int *out_index)
{
  if (text == NULL)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    if (strcmp (list[i], text) == 0)
      {
        *out_index = (int) i;
        return TRUE;
      }

  return FALSE;
}

/* Dates {{{1 */

/**
 * sb_date_add_months_clamped:
 * @date: a valid date
 * @months: months to add; negative to go back
 *
 * Moves @date by whole months, keeping its day of the month unless the
 * month reached is shorter, where it becomes that month's last day
 * (31 January + 1 month is 29 February in a leap year). A result outside
 * the years GDate can hold leaves @date invalid.
 */
void
sb_date_add_months_clamped (GDate *date,
                            int    months)
{
  gint64 index;
  gint64 year;
  int month;
  int day;

  g_return_if_fail (date != NULL);
  g_return_if_fail (g_date_valid (date));

  index = (gint64) g_date_get_year (date) * 12 + (g_date_get_month (date) - 1) + months;
  year = index >= 0 ? index / 12 : -1;
  if (year < 1 || year > MAX_YEAR)
    {
      g_date_clear (date, 1);
      return;
    }

  month = (int) (index % 12) + 1;
  day = MIN (g_date_get_day (date),
             g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
date_valid (const GDate *d)
{
  return d != NULL && g_date_valid (d);
}

static int
date_cmp (const GDate *a, const GDate *b)
{
  return g_date_compare (a, b);
}

/* @start moved by @months months, clamped; FALSE when out of range. */
static gboolean
date_plus_months (const GDate *start, gint64 months, GDate *out)
{
  if (months > (gint64) MAX_YEAR * 12 || months < -(gint64) MAX_YEAR * 12)
    {
      g_date_clear (out, 1);
      return FALSE;
    }

  *out = *start;
  sb_date_add_months_clamped (out, (int) months);
  return g_date_valid (out);
}

/* Terms {{{1 */

/**
 * sb_contract_terms_init:
 * @terms: (out caller-allocates): terms to fill
 *
 * Sets @terms to no start date, a 12-month initial term without renewal,
 * no notice, nothing agreed, given or ended.
 */
void
sb_contract_terms_init (SbContractTerms *terms)
{
  g_return_if_fail (terms != NULL);

  memset (terms, 0, sizeof *terms);
  g_date_clear (&terms->start, 1);
  terms->initial_months = 12;
  terms->renewal = SB_RENEWAL_NONE;
  terms->renewal_months = 0;
  terms->notice_amount = 0;
  terms->notice_unit = SB_NOTICE_DAYS;
  terms->renewals_agreed = 0;
  g_date_clear (&terms->notice_given, 1);
  g_date_clear (&terms->terminated, 1);
}

static gboolean
term_bounds (const SbContractTerms *terms, gint64 index, GDate *out_start, GDate *out_end)
{
  gint64 months_start;
  gint64 months_end;

  if (index < 0 || (index > 0 && terms->renewal == SB_RENEWAL_NONE))
    return FALSE;
  if (index > 0 && terms->renewal_months <= 0)
    return FALSE;
  if (index > (gint64) MAX_YEAR * 12)
    return FALSE;

  months_start = index == 0 ? 0 : terms->initial_months + (index - 1) * terms->renewal_months;
  months_end = terms->initial_months + index * (gint64) (index > 0 ? terms->renewal_months : 0);

  if (!date_plus_months (&terms->start, months_start, out_start) ||
      !date_plus_months (&terms->start, months_end, out_end))
    return FALSE;

  g_date_subtract_days (out_end, 1);
  return TRUE;
}

/**
 * sb_contract_terms_get_term:
 * @terms: valid terms
 * @index: 0 for the initial term, n for the n-th renewal term
 * @out_start: (out) (optional): the term's first day
 * @out_end: (out) (optional): the term's last day
 *
 * Works out the days of one term, counted from the start date.
 *
 * Returns: %FALSE when the term cannot exist: a negative index, a renewal
 *   of a contract that does not renew, or a day beyond the calendar
 */
gboolean
sb_contract_terms_get_term (const SbContractTerms *terms,
                            int                    index,
                            GDate                 *out_start,
                            GDate                 *out_end)
{
  GDate s, e;

  g_return_val_if_fail (terms != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (&terms->start), FALSE);

  g_date_clear (&s, 1);
  g_date_clear (&e, 1);
  if (!term_bounds (terms, index, &s, &e))
    {
      g_date_clear (&s, 1);
      g_date_clear (&e, 1);
    }

  if (out_start != NULL)
    *out_start = s;
  if (out_end != NULL)
    *out_end = e;

  return g_date_valid (&s);
}

/* The index of the term @day falls in; 0 before the start and for
 * contracts that do not renew. */
static gint64
term_index_of (const SbContractTerms *terms, const GDate *day)
{
  GDate s, e;
  gint64 months;
  gint64 n;

  if (terms->renewal == SB_RENEWAL_NONE || terms->renewal_months <= 0 ||
      date_cmp (day, &terms->start) < 0)
    return 0;

  if (!term_bounds (terms, 0, &s, &e) || date_cmp (day, &e) <= 0)
    return 0;

  months = ((gint64) g_date_get_year (day) - g_date_get_year (&terms->start)) * 12 +
           ((gint64) g_date_get_month (day) - g_date_get_month (&terms->start));
  n = months >= terms->initial_months
        ? (months - terms->initial_months) / terms->renewal_months + 1
        : 1;

  /* Clamped days shift a term by a few days at most: one step either way. */
  while (n > 1 && term_bounds (terms, n, &s, &e) && date_cmp (day, &s) < 0)
    n--;
  while (term_bounds (terms, n, &s, &e) && date_cmp (day, &e) > 0)
    n++;

  return n;
}

/**
 * sb_contract_terms_notice_days:
 * @terms: valid terms
 * @term_end: the last day of a term
 *
 * Counts how many days before @term_end the notice deadline falls: the
 * notice amount in days, or for notice in months the days between the
 * deadline ((@term_end + 1 day − N months) − 1 day) and @term_end.
 *
 * Returns: days from the deadline to @term_end; 0 without a notice period
 */
int
sb_contract_terms_notice_days (const SbContractTerms *terms,
                               const GDate           *term_end)
{
  GDate d;

  g_return_val_if_fail (terms != NULL, 0);
  g_return_val_if_fail (date_valid (term_end), 0);

  if (terms->notice_amount <= 0)
    return 0;

  if (terms->notice_unit == SB_NOTICE_DAYS)
    return terms->notice_amount;

  d = *term_end;
  g_date_add_days (&d, 1);
  if (!date_plus_months (&d, -(gint64) terms->notice_amount, &d))
    return (int) g_date_get_julian (term_end) - 1;  /* before the calendar: on its first day */
  g_date_subtract_days (&d, 1);

  return g_date_days_between (&d, term_end);
}

/* The notice deadline of a term ending on @term_end. */
static void
deadline_of (const SbContractTerms *terms, const GDate *term_end, GDate *out)
{
  int days = sb_contract_terms_notice_days (terms, term_end);

  *out = *term_end;
  if ((guint) days >= g_date_get_julian (out))
    g_date_set_julian (out, 1);
  else
    g_date_subtract_days (out, (guint) days);
}

/* The final end the terms give, not counting an early end. */
static gboolean
natural_end (const SbContractTerms *terms, GDate *out)
{
  GDate s;
  gint64 k;

  switch (terms->renewal)
    {
    case SB_RENEWAL_NONE:
      return term_bounds (terms, 0, &s, out);

    case SB_RENEWAL_AGREEMENT:
      return term_bounds (terms, MAX (terms->renewals_agreed, 0), &s, out);

    case SB_RENEWAL_AUTOMATIC:
      {
        GDate end, deadline;

        if (!g_date_valid (&terms->notice_given))
          return FALSE;

        k = term_index_of (terms, &terms->notice_given);
        if (!term_bounds (terms, k, &s, &end))
          return FALSE;

        deadline_of (terms, &end, &deadline);
        if (date_cmp (&terms->notice_given, &deadline) <= 0)
          {
            *out = end;
            return TRUE;
          }

        return term_bounds (terms, k + 1, &s, out);
      }

    default:
      return FALSE;
    }
}

/**
 * sb_contract_terms_final_end:
 * @terms: valid terms
 * @out_end: (out): the last day in force, when known
 *
 * Works out the contract's last day in force: the end of the initial term
 * without renewal, of the last agreed term by agreement, and with
 * automatic renewal the end of the term that the given notice stops. An
 * early end wins when it is earlier.
 *
 * Returns: %FALSE (and @out_end invalid) while automatic renewal goes on
 */
gboolean
sb_contract_terms_final_end (const SbContractTerms *terms,
                             GDate                 *out_end)
{
  GDate end;
  gboolean known;

  g_return_val_if_fail (terms != NULL, FALSE);
  g_return_val_if_fail (out_end != NULL, FALSE);

  g_date_clear (out_end, 1);
  g_return_val_if_fail (g_date_valid (&terms->start), FALSE);

  g_date_clear (&end, 1);
  known = natural_end (terms, &end);

  if (g_date_valid (&terms->terminated) &&
      (!known || date_cmp (&terms->terminated, &end) < 0))
    {
      end = terms->terminated;
      known = TRUE;
    }

  if (known)
    *out_end = end;

  return known;
}

/* Validation {{{1 */

/**
 * sb_contract_terms_format_months:
 * @months: a number of months
 *
 * Says a term's length, as in "12 months" or "1 month".
 *
 * Returns: (transfer full): the text; free with g_free()
 */
char *
sb_contract_terms_format_months (int months)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", months), months);
}

/**
 * sb_contract_terms_format_notice_period:
 * @terms: terms
 *
 * Says the notice period's length in its unit, as in "90 days" or
 * "3 months".
 *
 * Returns: (transfer full): the text; free with g_free()
 */
char *
sb_contract_terms_format_notice_period (const SbContractTerms *terms)
{
  int n;

  g_return_val_if_fail (terms != NULL, NULL);

  n = terms->notice_amount;
  if (terms->notice_unit == SB_NOTICE_MONTHS)
    return sb_contract_terms_format_months (n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", n), n);
}

/**
 * sb_contract_terms_format_notice:
 * @terms: terms
 *
 * Says the notice period as a phrase, as in "3 months’ notice",
 * "1 month’s notice" or "no notice period".
 *
 * Returns: (transfer full): the text; free with g_free()
 */
char *
sb_contract_terms_format_notice (const SbContractTerms *terms)
{
  int n;

  g_return_val_if_fail (terms != NULL, NULL);

  n = terms->notice_amount;
  if (n <= 0)
    return g_strdup (_("no notice period"));
  if (terms->notice_unit == SB_NOTICE_MONTHS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month’s notice", "%d months’ notice", n), n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day’s notice", "%d days’ notice", n), n);
}

/* The most days a term of @months months can last, whatever month it
 * starts in: "1 month" is up to 31 days. Notice in days is compared with
 * this, so that the common "monthly, 30 days' notice" holds even for a
 * term that happens to start in a 30-day month or in February: its notice
 * then simply falls in the term before. */
static gint64
longest_days_of_months (gint64 months)
{
  gint64 longest = 0;
  GDate first;

  /* Four years of start months see every month and a leap February. */
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, 2024);
  for (gint64 i = 0; i < TERMS_SCANNED; i++)
    {
      GDate s, e;

      if (!date_plus_months (&first, i, &s) || !date_plus_months (&s, months, &e))
        break;
      longest = MAX (longest, (gint64) g_date_days_between (&s, &e));
    }

  return longest;
}

/* -1: the notice is shorter than the term; 0: as long; 1: longer. */
static int
compare_notice (const SbContractTerms *terms, gboolean renewal)
{
  gint64 notice = terms->notice_amount;
  gint64 term;

  if (terms->notice_unit == SB_NOTICE_MONTHS)
    term = renewal ? terms->renewal_months : terms->initial_months;
  else
    term = longest_days_of_months (renewal ? terms->renewal_months : terms->initial_months);

  return notice < term ? -1 : notice == term ? 0 : 1;
}

static gboolean
check_date_after_start (const SbContractTerms *terms,
                        const GDate           *date,
                        gboolean               is_notice,
                        GError               **error)
{
  g_autofree char *date_text = NULL;
  g_autofree char *start_text = NULL;

  if (!g_date_valid (date) || date_cmp (date, &terms->start) >= 0)
    return TRUE;

  date_text = sb_date_format_local (date);
  start_text = sb_date_format_local (&terms->start);
  if (is_notice)
    g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                 /* Translators: the day notice was given, then the start date */
                 _("Notice is given on %s, before the start on %s"),
                 date_text, start_text);
  else
    g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                 /* Translators: the last day in force, then the start date */
                 _("The contract ends early on %s, before the start on %s"),
                 date_text, start_text);
  return FALSE;
}

/**
 * sb_contract_terms_validate:
 * @terms: terms to check
 * @error: return location for a #GError
 *
 * Checks that @terms describe a contract that can exist (the rules are at
 * the top of this file). The message names the field at fault.
 *
 * Returns: %TRUE when valid; otherwise %FALSE with @error set to
 *   %SB_CORE_ERROR_INVALID
 */
gboolean
sb_contract_terms_validate (const SbContractTerms *terms,
                            GError               **error)
{
  GDate s, e;
  int cmp;

  g_return_val_if_fail (terms != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_date_valid (&terms->start))
    {
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _("The start date is missing"));
      return FALSE;
    }

  if (terms->initial_months < 1 || terms->initial_months > MAX_TERM_MONTHS)
    {
      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   _("The initial term must be 1 to %d months (it is %d)"),
                   MAX_TERM_MONTHS, terms->initial_months);
      return FALSE;
    }

  if ((guint) terms->renewal > SB_RENEWAL_AGREEMENT)
    {
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _("The renewal rule is not one of none, automatic or by agreement"));
      return FALSE;
    }

  if (terms->renewal != SB_RENEWAL_NONE &&
      (terms->renewal_months < 1 || terms->renewal_months > MAX_TERM_MONTHS))
    {
      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   _("A contract that renews needs a renewal term of 1 to %d months"),
                   MAX_TERM_MONTHS);
      return FALSE;
    }

  if ((guint) terms->notice_unit > SB_NOTICE_MONTHS)
    {
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _("The notice period is neither in days nor in months"));
      return FALSE;
    }

  if (terms->notice_amount < 0)
    {
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _("The notice period cannot be negative"));
      return FALSE;
    }

  if (!term_bounds (terms, 0, &s, &e))
    {
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _("The initial term ends beyond the calendar"));
      return FALSE;
    }

  cmp = compare_notice (terms, FALSE);
  if (cmp >= 0)
    {
      g_autofree char *notice = sb_contract_terms_format_notice_period (terms);
      g_autofree char *term = sb_contract_terms_format_months (terms->initial_months);

      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   cmp > 0
                     /* Translators: "The notice period (4 months) is longer than the initial term (3 months)" */
                     ? _("The notice period (%s) is longer than the initial term (%s)")
                     : _("The notice period (%s) is as long as the initial term (%s)"),
                   notice, term);
      return FALSE;
    }

  if (terms->renewal != SB_RENEWAL_NONE)
    {
      cmp = compare_notice (terms, TRUE);
      if (cmp >= 0)
        {
          g_autofree char *notice = sb_contract_terms_format_notice_period (terms);
          g_autofree char *term = sb_contract_terms_format_months (terms->renewal_months);

          g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                       cmp > 0
                         ? _("The notice period (%s) is longer than the renewal term (%s)")
                         : _("The notice period (%s) is as long as the renewal term (%s)"),
                       notice, term);
          return FALSE;
        }
    }

  if (terms->renewals_agreed < 0 ||
      (terms->renewals_agreed > 0 && terms->renewal != SB_RENEWAL_AGREEMENT))
    {
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _("Agreed renewals are counted only for a contract that renews by agreement"));
      return FALSE;
    }

  if (terms->renewals_agreed > 0 && !term_bounds (terms, terms->renewals_agreed, &s, &e))
    {
      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   _("The agreed renewals (%d) reach beyond the calendar"),
                   terms->renewals_agreed);
      return FALSE;
    }

  if (!check_date_after_start (terms, &terms->notice_given, TRUE, error) ||
      !check_date_after_start (terms, &terms->terminated, FALSE, error))
    return FALSE;

  return TRUE;
}

/* State on a day {{{1 */

/**
 * sb_contract_terms_compute:
 * @terms: valid terms
 * @day: the day to look at (usually today)
 * @warning_days: how many days ahead a deadline or the end makes the
 *   contract need attention (%SB_CONTRACT_DEFAULT_WARNING_DAYS when the
 *   book sets none)
 * @out_state: (out caller-allocates): what the terms mean on @day
 *
 * Works out the term in force on @day, the next renewal, the notice
 * deadline that matters, the final end and the status (the rules are at
 * the top of this file). Dates that do not apply are left invalid.
 */
void
sb_contract_terms_compute (const SbContractTerms *terms,
                           const GDate           *day,
                           int                    warning_days,
                           SbContractState       *out_state)
{
  gboolean known_end;
  gint64 index;

  g_return_if_fail (terms != NULL);
  g_return_if_fail (date_valid (day));
  g_return_if_fail (out_state != NULL);

  memset (out_state, 0, sizeof *out_state);
  g_date_clear (&out_state->term_start, 1);
  g_date_clear (&out_state->term_end, 1);
  g_date_clear (&out_state->next_renewal, 1);
  g_date_clear (&out_state->notice_deadline, 1);
  g_date_clear (&out_state->final_end, 1);
  out_state->status = SB_CONTRACT_NOT_STARTED;

  g_return_if_fail (g_date_valid (&terms->start));

  if (warning_days < 0)
    warning_days = 0;

  known_end = sb_contract_terms_final_end (terms, &out_state->final_end);

  /* The term in force: the first before the start, the last after the end. */
  if (known_end && date_cmp (day, &out_state->final_end) > 0)
    index = term_index_of (terms, &out_state->final_end);
  else
    index = term_index_of (terms, day);

  if (!term_bounds (terms, index, &out_state->term_start, &out_state->term_end))
    {
      /* Beyond the calendar: report the start only. */
      out_state->status = date_cmp (day, &terms->start) < 0 ? SB_CONTRACT_NOT_STARTED
                                                             : SB_CONTRACT_ACTIVE;
      return;
    }
  out_state->term_index = (int) MIN (index, G_MAXINT);

  /* A next term follows when the contract renews and is in force after
   * this one (by agreement: only when already agreed). */
  if (terms->renewal == SB_RENEWAL_AUTOMATIC ||
      (terms->renewal == SB_RENEWAL_AGREEMENT && index < terms->renewals_agreed))
    {
      if (!known_end || date_cmp (&out_state->term_end, &out_state->final_end) < 0)
        {
          out_state->next_renewal = out_state->term_end;
          g_date_add_days (&out_state->next_renewal, 1);
        }
    }

  /* The notice deadline that matters. */
  if (!g_date_valid (&terms->terminated) &&
      (!known_end || date_cmp (day, &out_state->final_end) <= 0))
    {
      if (terms->renewal == SB_RENEWAL_AUTOMATIC && !g_date_valid (&terms->notice_given))
        {
          GDate s, e;

          deadline_of (terms, &out_state->term_end, &out_state->notice_deadline);
          if (date_cmp (day, &out_state->notice_deadline) > 0)
            {
              /* Too late for this term: the renewal is locked in. */
              if (term_bounds (terms, index + 1, &s, &e))
                deadline_of (terms, &e, &out_state->notice_deadline);
              else
                g_date_clear (&out_state->notice_deadline, 1);
            }
        }
      else if (terms->renewal == SB_RENEWAL_AGREEMENT && known_end)
        {
          deadline_of (terms, &out_state->final_end, &out_state->notice_deadline);
        }
    }

  if (g_date_valid (&out_state->notice_deadline))
    out_state->days_to_notice = g_date_days_between (day, &out_state->notice_deadline);
  if (known_end)
    out_state->days_to_end = g_date_days_between (day, &out_state->final_end);

  if (g_date_valid (&terms->terminated) && date_cmp (day, &terms->terminated) > 0)
    out_state->status = SB_CONTRACT_TERMINATED;
  else if (date_cmp (day, &terms->start) < 0)
    out_state->status = SB_CONTRACT_NOT_STARTED;
  else if (known_end && out_state->days_to_end < 0)
    out_state->status = SB_CONTRACT_EXPIRED;
  else if (g_date_valid (&out_state->notice_deadline) &&
           out_state->days_to_notice >= 0 && out_state->days_to_notice <= warning_days)
    out_state->status = SB_CONTRACT_IN_NOTICE_WINDOW;
  else if (known_end && out_state->days_to_end <= warning_days)
    out_state->status = SB_CONTRACT_EXPIRING;
  else
    out_state->status = SB_CONTRACT_ACTIVE;
}

/* Text {{{1 */

/**
 * sb_contract_terms_describe:
 * @terms: valid terms
 *
 * Says the terms in one sentence, as in "36 months from 1 Jan 2024, then
 * renews automatically for 12 months at a time; 3 months' notice".
 *
 * Returns: (transfer full): the sentence; free with g_free()
 */
char *
sb_contract_terms_describe (const SbContractTerms *terms)
{
  g_autofree char *start = NULL;
  g_autofree char *initial = NULL;
  g_autofree char *renewal = NULL;
  g_autofree char *notice = NULL;
  int n;

  g_return_val_if_fail (terms != NULL, NULL);
  g_return_val_if_fail (g_date_valid (&terms->start), NULL);

  start = sb_date_format_local (&terms->start);
  n = terms->initial_months;
  /* Translators: the initial term and its start date, as in "36 months from 1 Jan 2024" */
  initial = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month from %s", "%d months from %s", n),
                             n, start);

  if (terms->renewal == SB_RENEWAL_NONE)
    /* Translators: a contract term that does not renew, as in "12 months from 1 Jan 2024, without renewal" */
    return g_strdup_printf (_("%s, without renewal"), initial);

  n = terms->renewal_months;
  if (terms->renewal == SB_RENEWAL_AUTOMATIC)
    renewal = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "then renews automatically for %d month at a time",
                                            "then renews automatically for %d months at a time", n),
                               n);
  else
    renewal = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "then renews by agreement for %d month at a time",
                                            "then renews by agreement for %d months at a time", n),
                               n);

  notice = sb_contract_terms_format_notice (terms);

  /* Translators: the initial term, the renewal and the notice period, as in
   * "36 months from 1 Jan 2024, then renews automatically for 12 months at
   * a time; 3 months' notice" */
  return g_strdup_printf (_("%s, %s; %s"), initial, renewal, notice);
}

/**
 * sb_renewal_to_string:
 * @renewal: a renewal rule
 *
 * Returns: the rule as stored in the book: "none", "automatic" or "agreement"
 */
const char *
sb_renewal_to_string (SbRenewal renewal)
{
  g_return_val_if_fail ((guint) renewal < G_N_ELEMENTS (renewal_strings), NULL);
  return renewal_strings[renewal];
}

/**
 * sb_renewal_from_string:
 * @text: (nullable): the stored form
 * @out_renewal: (out): the rule
 *
 * Returns: %FALSE when @text is not a renewal rule
 */
gboolean
sb_renewal_from_string (const char *text,
                        SbRenewal  *out_renewal)
{
  int i;

  g_return_val_if_fail (out_renewal != NULL, FALSE);

  if (!find_string (renewal_strings, G_N_ELEMENTS (renewal_strings), text, &i))
    return FALSE;
  *out_renewal = (SbRenewal) i;
  return TRUE;
}

/**
 * sb_renewal_get_label:
 * @renewal: a renewal rule
 *
 * Returns: the rule's translated name
 */
const char *
sb_renewal_get_label (SbRenewal renewal)
{
  g_return_val_if_fail ((guint) renewal < G_N_ELEMENTS (renewal_labels), NULL);
  return _(renewal_labels[renewal]);
}

/**
 * sb_notice_unit_to_string:
 * @unit: a notice unit
 *
 * Returns: the unit as stored in the book: "days" or "months"
 */
const char *
sb_notice_unit_to_string (SbNoticeUnit unit)
{
  g_return_val_if_fail ((guint) unit < G_N_ELEMENTS (notice_unit_strings), NULL);
  return notice_unit_strings[unit];
}

/**
 * sb_notice_unit_from_string:
 * @text: (nullable): the stored form
 * @out_unit: (out): the unit
 *
 * Returns: %FALSE when @text is not a notice unit
 */
gboolean
sb_notice_unit_from_string (const char   *text,
                            SbNoticeUnit *out_unit)
{
  int i;

  g_return_val_if_fail (out_unit != NULL, FALSE);

  if (!find_string (notice_unit_strings, G_N_ELEMENTS (notice_unit_strings), text, &i))
    return FALSE;
  *out_unit = (SbNoticeUnit) i;
  return TRUE;
}

/**
 * sb_notice_unit_get_label:
 * @unit: a notice unit
 *
 * Returns: the unit's translated name ("Days", "Months")
 */
const char *
sb_notice_unit_get_label (SbNoticeUnit unit)
{
  g_return_val_if_fail ((guint) unit < G_N_ELEMENTS (notice_unit_labels), NULL);
  return _(notice_unit_labels[unit]);
}

/**
 * sb_contract_status_to_string:
 * @status: a contract status
 *
 * Returns: the status in its stable text form, as in "in-notice-window"
 */
const char *
sb_contract_status_to_string (SbContractStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_strings), NULL);
  return status_strings[status];
}

/**
 * sb_contract_status_from_string:
 * @text: (nullable): the text form
 * @out_status: (out): the status
 *
 * Returns: %FALSE when @text is not a contract status
 */
gboolean
sb_contract_status_from_string (const char       *text,
                                SbContractStatus *out_status)
{
  int i;

  g_return_val_if_fail (out_status != NULL, FALSE);

  if (!find_string (status_strings, G_N_ELEMENTS (status_strings), text, &i))
    return FALSE;
  *out_status = (SbContractStatus) i;
  return TRUE;
}

/**
 * sb_contract_status_get_label:
 * @status: a contract status
 *
 * Returns: the status's translated name
 */
const char *
sb_contract_status_get_label (SbContractStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_labels), NULL);
  return _(status_labels[status]);
}

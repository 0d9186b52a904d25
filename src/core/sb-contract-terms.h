/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The one term model of every contract (DOMAIN.md, Suppliers and
 * contracts): a start date, an initial term, a renewal rule, a renewal term
 * and a notice period. Everything a person needs to decide on (the current
 * term's end, the next renewal, the last day to give notice, the status)
 * is derived here and never typed in.
 *
 * Dates are whole days (GDate); a term's end is its last day in force.
 * Terms are counted from the start date, never chained: term n ends the
 * day before start + initial + n × renewal months, each month added with
 * the day clamped to the month's length (a term from 31 January ends on
 * 30 January; a month from 31 January reaches 29 February in a leap
 * year). The last day to give notice of N days is the term's end minus N
 * days; of N months, the day before the term end's following day minus N
 * months (a term ending 31 December with 3 months' notice: 30 September).
 */

typedef enum
{
  SB_RENEWAL_NONE,       /* ends with the initial term */
  SB_RENEWAL_AUTOMATIC,  /* renews unless notice is given in time */
  SB_RENEWAL_AGREEMENT,  /* expires unless a renewal is agreed */
} SbRenewal;

typedef enum
{
  SB_NOTICE_DAYS,
  SB_NOTICE_MONTHS,
} SbNoticeUnit;

typedef enum
{
  SB_CONTRACT_NOT_STARTED,
  SB_CONTRACT_ACTIVE,
  SB_CONTRACT_IN_NOTICE_WINDOW,  /* the last day to give notice is near */
  SB_CONTRACT_EXPIRING,          /* its final day is near */
  SB_CONTRACT_EXPIRED,
  SB_CONTRACT_TERMINATED,        /* ended early */
} SbContractStatus;

/* The warning window, in days, when the book sets none. */
#define SB_CONTRACT_DEFAULT_WARNING_DAYS 30

typedef struct
{
  GDate        start;             /* first day in force */
  int          initial_months;    /* ≥ 1 */
  SbRenewal    renewal;
  int          renewal_months;    /* ≥ 1 unless renewal is NONE */
  int          notice_amount;     /* 0: no notice needed */
  SbNoticeUnit notice_unit;
  int          renewals_agreed;   /* AGREEMENT: renewal terms agreed so far */
  GDate        notice_given;      /* invalid (g_date_clear) when none was given */
  GDate        terminated;        /* ended early: last day in force; invalid when not */
} SbContractTerms;

/*
 * What the terms mean on one day. Dates that do not apply are invalid
 * (g_date_valid() is FALSE).
 */
typedef struct
{
  SbContractStatus status;
  int              term_index;       /* 0: initial term, n: the n-th renewal */
  GDate            term_start;       /* the term in force (the first before the
                                        start, the last after the end) */
  GDate            term_end;         /* its last day */
  GDate            next_renewal;     /* first day of the next term, if one will follow */
  GDate            notice_deadline;  /* last day to give notice (AUTOMATIC) or to agree
                                        a renewal (AGREEMENT) for the term in force */
  GDate            final_end;        /* last day in force, when known; invalid while
                                        automatic renewal goes on */
  int              days_to_notice;   /* notice_deadline − day, when valid */
  int              days_to_end;      /* final_end − day, when valid */
} SbContractState;

void              sb_contract_terms_init        (SbContractTerms       *terms);
gboolean          sb_contract_terms_validate    (const SbContractTerms *terms,
                                                 GError               **error);
gboolean          sb_contract_terms_get_term    (const SbContractTerms *terms,
                                                 int                    index,
                                                 GDate                 *out_start,
                                                 GDate                 *out_end);
void              sb_contract_terms_compute     (const SbContractTerms *terms,
                                                 const GDate           *day,
                                                 int                    warning_days,
                                                 SbContractState       *out_state);
gboolean          sb_contract_terms_final_end   (const SbContractTerms *terms,
                                                 GDate                 *out_end);
int               sb_contract_terms_notice_days (const SbContractTerms *terms,
                                                 const GDate           *term_end);
char             *sb_contract_terms_describe    (const SbContractTerms *terms);
char             *sb_contract_terms_format_months (int                  months);
char             *sb_contract_terms_format_notice_period (const SbContractTerms *terms);
char             *sb_contract_terms_format_notice (const SbContractTerms *terms);

void              sb_date_add_months_clamped    (GDate                 *date,
                                                 int                    months);

const char       *sb_renewal_to_string          (SbRenewal              renewal);
gboolean          sb_renewal_from_string        (const char            *text,
                                                 SbRenewal             *out_renewal);
const char       *sb_renewal_get_label          (SbRenewal              renewal);
const char       *sb_notice_unit_to_string      (SbNoticeUnit           unit);
gboolean          sb_notice_unit_from_string    (const char            *text,
                                                 SbNoticeUnit          *out_unit);
const char       *sb_contract_status_to_string  (SbContractStatus       status);
const char       *sb_contract_status_get_label  (SbContractStatus       status);
const char       *sb_notice_unit_get_label      (SbNoticeUnit           unit);
gboolean          sb_contract_status_from_string (const char           *text,
                                                 SbContractStatus      *out_status);

/*
 * The billing schedule: a contract's cost, billed in advance on the first
 * day of each billing period counted from the contract's start (clamped
 * like the terms), as long as the contract is in force. A one-off cost is
 * billed once, on the start date.
 */
typedef enum
{
  SB_BILLING_MONTHLY,
  SB_BILLING_QUARTERLY,
  SB_BILLING_YEARLY,
  SB_BILLING_ONE_OFF,
} SbBillingPeriod;

typedef struct
{
  GDate  date;
  gint64 amount;   /* minor units of the contract's currency */
} SbBillingCharge;

GArray           *sb_billing_project            (const SbContractTerms *terms,
                                                 SbBillingPeriod        period,
                                                 gint64                 amount,
                                                 const GDate           *from,
                                                 const GDate           *to);
gint64            sb_billing_total              (const SbContractTerms *terms,
                                                 SbBillingPeriod        period,
                                                 gint64                 amount,
                                                 const GDate           *from,
                                                 const GDate           *to);
gint64            sb_billing_yearly_amount      (SbBillingPeriod        period,
                                                 gint64                 amount);
const char       *sb_billing_period_to_string   (SbBillingPeriod        period);
gboolean          sb_billing_period_from_string (const char            *text,
                                                 SbBillingPeriod       *out_period);
const char       *sb_billing_period_get_label   (SbBillingPeriod        period);

G_END_DECLS

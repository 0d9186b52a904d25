/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-store.h"

G_BEGIN_DECLS

/*
 * How a supplier performed in a period: computed from the incidents
 * escalated to it (response and resolution in business minutes of the
 * contract's calendar, against the contract's targets for the
 * escalation's priority), the reviews made in the period and its
 * disputes. Nothing of it is stored.
 *
 * An escalation still waiting for the supplier counts as breached once its
 * target has passed. One with no contract, or whose contract has no target
 * for its priority, is counted but not judged.
 */
typedef struct
{
  GDate   from;                      /* first day of the period */
  GDate   to;                        /* last day */
  guint   n_escalated;
  guint   n_open;                    /* not yet resolved by the supplier */
  guint   n_response_met;
  guint   n_response_breached;
  guint   n_resolution_met;
  guint   n_resolution_breached;
  guint   n_not_judged;              /* no contract target */
  gint64  median_response_minutes;   /* -1: none responded */
  gint64  median_resolution_minutes; /* -1: none resolved */
  guint   n_reviews;
  double  mean_scores[4];            /* SbReviewScore order; 0: not scored */
  guint   n_disputes_raised;
  guint   n_disputes_open;           /* open at the period's end */
} SbSupplierPerformance;

/* @contract_id may be NULL for all of the supplier's contracts. */
gboolean sb_supplier_performance_compute  (SbStore               *store,
                                           const char            *supplier_id,
                                           const char            *contract_id,
                                           const GDate           *from,
                                           const GDate           *to,
                                           SbSupplierPerformance *out,
                                           GError               **error);
/* @n_months calendar months ending with the month of @last_month_day,
 * oldest first: the trend. */
GArray  *sb_supplier_performance_by_month (SbStore               *store,
                                           const char            *supplier_id,
                                           const GDate           *last_month_day,
                                           guint                  n_months,
                                           GError               **error);   /* of SbSupplierPerformance */

/* Per cent of judged escalations that met the target; -1 when none. */
int      sb_supplier_performance_response_percent   (const SbSupplierPerformance *perf);
int      sb_supplier_performance_resolution_percent (const SbSupplierPerformance *perf);

/*
 * What a business owner wants at a glance, for the supplier list: the
 * contracts in force, what they cost over the next 12 months (per
 * currency), the next deadline and the open risks.
 */
typedef struct
{
  guint    n_contracts;          /* live */
  guint    n_in_force;           /* in force on the day */
  /* the cost over the next 12 months; when the contracts use more than
   * one currency, the base currency's total and mixed_currencies set */
  gint64   cost_12_months;
  char     currency[4];
  gboolean mixed_currencies;
  GDate    next_deadline;        /* invalid: none within 12 months */
  char    *next_deadline_what;   /* the deadline's summary */
  guint    n_alignment_gaps;
  guint    n_open_escalations;
  guint    n_open_disputes;
  double   last_review_score;    /* mean of the latest review; 0: none */
  GDate    last_review;          /* invalid: never reviewed */
} SbSupplierSummary;

void     sb_supplier_summary_clear        (SbSupplierSummary     *summary);
gboolean sb_suppliers_get_summary         (SbStore               *store,
                                           const char            *supplier_id,
                                           const GDate           *day,
                                           SbSupplierSummary     *out,
                                           GError               **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SbSupplierSummary, sb_supplier_summary_clear)

G_END_DECLS

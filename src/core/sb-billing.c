/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-billing"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-contract-terms.h"

/*
 * The billing schedule of a contract (declared in sb-contract-terms.h):
 * charges in advance on the first day of each billing period, counted
 * from the start like the terms (start + k periods, never chained, the
 * day clamped to the month), while the contract is in force. Sums never
 * wrap around: they stop at the limits of a gint64.
 */

/* Months GDate can move a date by (years 1…65535). */
#define MAX_MONTHS ((gint64) G_MAXUINT16 * 12)

static const char *const billing_strings[] = { "month", "quarter", "year", "one-off" };
static const char *const billing_labels[] = {
  N_ ("Monthly"),
  N_ ("Quarterly"),
  N_ ("Yearly"),
  N_ ("One-off"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (billing_strings) == SB_BILLING_ONE_OFF + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (billing_labels) == G_N_ELEMENTS (billing_strings));

static int
period_months (SbBillingPeriod period)
{
  switch (period)
    {
    case SB_BILLING_MONTHLY:
      return 1;
    case SB_BILLING_QUARTERLY:
      return 3;
    case SB_BILLING_YEARLY:
      return 12;
    case SB_BILLING_ONE_OFF:
    default:
      return 0;
    }
}

/**
 * sb_billing_project:
 * @terms: valid terms
 * @period: how often the contract bills
 * @amount: the amount of one charge, in minor units
 * @from: the first day of the window
 * @to: the last day of the window
 *
 * Lists the charges from @from to @to inclusive: one on the first day of
 * each billing period counted from the start (start + k periods, the day
 * clamped like the terms), as long as the contract is in force on that
 * day (on or before its final end; open-ended automatic renewal goes on
 * through @to). A one-off charge falls on the start date.
 *
 * Returns: (transfer full) (element-type SbBillingCharge): the charges by
 *   date; empty when none fall in the window
 */
GArray *
sb_billing_project (const SbContractTerms *terms,
                    SbBillingPeriod        period,
                    gint64                 amount,
                    const GDate           *from,
                    const GDate           *to)
{
  g_autoptr (GArray) charges = NULL;
  GDate last;
  gboolean known_end;
  int months;
  gint64 k;

  g_return_val_if_fail (terms != NULL, NULL);
  g_return_val_if_fail (g_date_valid (&terms->start), NULL);
  g_return_val_if_fail ((guint) period <= SB_BILLING_ONE_OFF, NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  charges = g_array_new (FALSE, FALSE, sizeof (SbBillingCharge));

  /* The last day a charge can fall on. */
  known_end = sb_contract_terms_final_end (terms, &last);
  if (!known_end || g_date_compare (to, &last) < 0)
    last = *to;

  if (g_date_compare (from, to) > 0 || g_date_compare (&terms->start, &last) > 0)
    return g_steal_pointer (&charges);

  months = period_months (period);
  if (months == 0)
    {
      if (g_date_compare (&terms->start, from) >= 0)
        {
          SbBillingCharge charge = { terms->start, amount };
          g_array_append_val (charges, charge);
        }
      return g_steal_pointer (&charges);
    }

  /* Skip to about the first period in the window, then step. */
  k = 0;
  if (g_date_compare (from, &terms->start) > 0)
    {
      gint64 diff = ((gint64) g_date_get_year (from) - g_date_get_year (&terms->start)) * 12 +
                    ((gint64) g_date_get_month (from) - g_date_get_month (&terms->start));
      k = MAX (diff / months - 1, 0);
    }

  for (;; k++)
    {
      SbBillingCharge charge;

      if (k * months > MAX_MONTHS)
        break;
      charge.date = terms->start;
      sb_date_add_months_clamped (&charge.date, (int) (k * months));
      if (!g_date_valid (&charge.date) || g_date_compare (&charge.date, &last) > 0)
        break;
      if (g_date_compare (&charge.date, from) < 0)
        continue;

      charge.amount = amount;
      g_array_append_val (charges, charge);
    }

  return g_steal_pointer (&charges);
}

static gint64
add_saturated (gint64 a, gint64 b)
{
  if (b > 0 && a > G_MAXINT64 - b)
    return G_MAXINT64;
  if (b < 0 && a < G_MININT64 - b)
    return G_MININT64;
  return a + b;
}

/**
 * sb_billing_total:
 * @terms: valid terms
 * @period: how often the contract bills
 * @amount: the amount of one charge, in minor units
 * @from: the first day of the window
 * @to: the last day of the window
 *
 * Adds up the charges sb_billing_project() lists. A sum beyond what a
 * #gint64 holds stops at %G_MAXINT64 (or %G_MININT64 for credits).
 *
 * Returns: the total in minor units
 */
gint64
sb_billing_total (const SbContractTerms *terms,
                  SbBillingPeriod        period,
                  gint64                 amount,
                  const GDate           *from,
                  const GDate           *to)
{
  g_autoptr (GArray) charges = NULL;
  gint64 total = 0;

  charges = sb_billing_project (terms, period, amount, from, to);
  g_return_val_if_fail (charges != NULL, 0);

  for (guint i = 0; i < charges->len; i++)
    total = add_saturated (total, g_array_index (charges, SbBillingCharge, i).amount);

  return total;
}

/**
 * sb_billing_yearly_amount:
 * @period: how often the contract bills
 * @amount: the amount of one charge, in minor units
 *
 * Gives the cost of a year: 12 monthly or 4 quarterly charges, one yearly
 * charge; a one-off charge as it is. A result beyond what a #gint64 holds
 * stops at %G_MAXINT64 (or %G_MININT64).
 *
 * Returns: the yearly amount in minor units
 */
gint64
sb_billing_yearly_amount (SbBillingPeriod period,
                          gint64          amount)
{
  int times;

  switch (period)
    {
    case SB_BILLING_MONTHLY:
      times = 12;
      break;
    case SB_BILLING_QUARTERLY:
      times = 4;
      break;
    case SB_BILLING_YEARLY:
    case SB_BILLING_ONE_OFF:
      times = 1;
      break;
    default:
      g_return_val_if_reached (0);
    }

  if (amount > G_MAXINT64 / times)
    return G_MAXINT64;
  if (amount < G_MININT64 / times)
    return G_MININT64;
  return amount * times;
}

/**
 * sb_billing_period_to_string:
 * @period: a billing period
 *
 * Returns: the period as stored in the book: "month", "quarter", "year"
 *   or "one-off"
 */
const char *
sb_billing_period_to_string (SbBillingPeriod period)
{
  g_return_val_if_fail ((guint) period < G_N_ELEMENTS (billing_strings), NULL);
  return billing_strings[period];
}

/**
 * sb_billing_period_from_string:
 * @text: (nullable): the stored form
 * @out_period: (out): the period
 *
 * Returns: %FALSE when @text is not a billing period
 */
gboolean
sb_billing_period_from_string (const char      *text,
                               SbBillingPeriod *out_period)
{
  g_return_val_if_fail (out_period != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (billing_strings); i++)
    if (strcmp (billing_strings[i], text) == 0)
      {
        *out_period = (SbBillingPeriod) i;
        return TRUE;
      }

  return FALSE;
}

/**
 * sb_billing_period_get_label:
 * @period: a billing period
 *
 * Returns: the period's translated name ("Monthly", "One-off"…)
 */
const char *
sb_billing_period_get_label (SbBillingPeriod period)
{
  g_return_val_if_fail ((guint) period < G_N_ELEMENTS (billing_labels), NULL);
  return _(billing_labels[period]);
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sb-budget-math.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * Optional charging (DOMAIN.md, Budgets and costs): the price of a
 * service for one customer, giving income and margin per service.
 *
 * A charge is billed in advance on its start date and then every billing
 * period (month, quarter, year) counted from it, day clamped to the end of
 * shorter months, until its end date (included) or for ever; a one-off
 * charge is billed once, on its start date. A customer who uses a service
 * without a charge of their own pays the service's price: billed from the
 * first day of the period asked, every month; every quarter or year from
 * the first month of the financial year; a one-off price, having no date,
 * is never counted. Income is in the book's base currency: a price in
 * another currency is converted at the rate last used for that currency
 * (sb_costs_get_last_rate()), or one for one, marked estimated, when no
 * rate is known.
 */

typedef struct
{
  char    *id;            /* NULL until saved */
  char    *service_id;
  char    *customer_id;
  gint64   amount;        /* minor units of currency, not negative */
  char     currency[4];
  char    *period;        /* month, quarter, year, one-off */
  GDate    start;
  GDate    end;           /* invalid: open-ended */
  /* Joined on reads */
  char    *service_code;
  char    *customer_name;
} SbServiceCharge;

SbServiceCharge *sb_service_charge_new      (const char      *service_id,
                                             const char      *customer_id,
                                             gint64           amount,
                                             const char      *currency,
                                             const char      *period,
                                             const GDate     *start);
void             sb_service_charge_free     (SbServiceCharge *charge);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbServiceCharge, sb_service_charge_free)

/* Live charges of @service_id (all services when NULL), by service code
 * and customer name. */
GPtrArray       *sb_charges_list            (SbStore         *store,
                                             const char      *service_id,
                                             GError         **error);   /* of SbServiceCharge */
gboolean         sb_charges_save            (SbStore         *store,
                                             SbServiceCharge *charge,
                                             GError         **error);
gboolean         sb_charges_delete          (SbStore         *store,
                                             const char      *id,
                                             GError         **error);

/* The income of @service_id (every service when NULL) in each of the
 * @n_months months from @from, in the base currency. */
gboolean         sb_charges_income_per_month (SbStore        *store,
                                              const char     *service_id,
                                              SbMonth         from,
                                              guint           n_months,
                                              gint64         *out_months,
                                              gboolean       *out_estimated,
                                              GError        **error);

/* Income, actual costs and margin of one service over a period. */
typedef struct
{
  char    *service_id;
  char    *service_code;
  char    *service_name;
  gint64   income;
  gint64   costs;         /* cost entries of the service (base currency) */
  gint64   labour;        /* incident time on the service × the hourly rate */
  gint64   margin;        /* income − costs − labour */
  gboolean estimated;     /* some income converted without a known rate */
} SbServiceMargin;

void             sb_service_margin_free     (SbServiceMargin *margin);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbServiceMargin, sb_service_margin_free)

/* One row per live service with income or costs in the @n_months months
 * from @from, by service code. */
GPtrArray       *sb_charges_list_margins    (SbStore         *store,
                                             SbMonth          from,
                                             guint            n_months,
                                             GError         **error);   /* of SbServiceMargin */

G_END_DECLS

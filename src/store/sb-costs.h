/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sb-budget-math.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * Costs (DOMAIN.md, Budgets and costs): cost entries typed in, imported or
 * confirmed from a contract's billing schedule (the actuals); the
 * committed costs still to come from the billing schedules; and labour
 * from the time spent on incidents × the book's hourly rate. Only the
 * entries are stored; committed and labour are computed.
 */
#define SB_TYPE_COST_ENTRY (sb_cost_entry_get_type ())
G_DECLARE_FINAL_TYPE (SbCostEntry, sb_cost_entry, SB, COST_ENTRY, GObject)

SbCostEntry *sb_cost_entry_new                 (void);   /* today, base currency set on save */
SbCostEntry *sb_cost_entry_copy                (SbCostEntry *self);
const char  *sb_cost_entry_get_id              (SbCostEntry *self);
const char  *sb_cost_entry_get_date            (SbCostEntry *self);   /* YYYY-MM-DD */
void         sb_cost_entry_set_date            (SbCostEntry *self, const char *date);
gint64       sb_cost_entry_get_amount          (SbCostEntry *self);   /* minor units; < 0: credit */
const char  *sb_cost_entry_get_currency        (SbCostEntry *self);
void         sb_cost_entry_set_amount          (SbCostEntry *self, gint64 amount, const char *currency);
/* units of base currency per unit of currency × 1,000,000; 1,000,000 for
 * the base currency itself */
gint64       sb_cost_entry_get_rate_micro      (SbCostEntry *self);
void         sb_cost_entry_set_rate_micro      (SbCostEntry *self, gint64 rate_micro);
gint64       sb_cost_entry_get_base_amount     (SbCostEntry *self);   /* set by the store */
const char  *sb_cost_entry_get_category        (SbCostEntry *self);
void         sb_cost_entry_set_category        (SbCostEntry *self, const char *category);
const char  *sb_cost_entry_get_supplier_id     (SbCostEntry *self);
void         sb_cost_entry_set_supplier_id     (SbCostEntry *self, const char *id);
const char  *sb_cost_entry_get_contract_id     (SbCostEntry *self);
void         sb_cost_entry_set_contract_id     (SbCostEntry *self, const char *id);
const char  *sb_cost_entry_get_service_id      (SbCostEntry *self);
void         sb_cost_entry_set_service_id      (SbCostEntry *self, const char *id);
const char  *sb_cost_entry_get_invoice_ref     (SbCostEntry *self);
void         sb_cost_entry_set_invoice_ref     (SbCostEntry *self, const char *ref);
const char  *sb_cost_entry_get_description     (SbCostEntry *self);
void         sb_cost_entry_set_description     (SbCostEntry *self, const char *text);
/* manual, contract, import; set by the store */
const char  *sb_cost_entry_get_source          (SbCostEntry *self);
const char  *sb_cost_entry_get_billing_date    (SbCostEntry *self);   /* source contract */
/* Joined on reads, for lists: supplier name, service code, contract reference */
const char  *sb_cost_entry_get_supplier_name   (SbCostEntry *self);
const char  *sb_cost_entry_get_service_code    (SbCostEntry *self);
const char  *sb_cost_entry_get_contract_reference (SbCostEntry *self);

/* What to list; every field may be unset (NULL, invalid date). */
typedef struct
{
  GDate       from;
  GDate       to;
  const char *category;
  const char *supplier_id;
  const char *contract_id;
  const char *service_id;
  const char *search;      /* description, invoice reference, names */
} SbCostFilter;

void         sb_cost_filter_init               (SbCostFilter *filter);

/* Newest date first. */
GListModel  *sb_costs_list                     (SbStore       *store,
                                                const SbCostFilter *filter,
                                                GError       **error);   /* of SbCostEntry */
SbCostEntry *sb_costs_get                      (SbStore       *store,
                                                const char    *id,
                                                GError       **error);
/* Checks: a real date, an amount other than zero, a known currency, a
 * rate of exactly 1 for the base currency and a positive one otherwise, a
 * known category, existing supplier/contract/service, a contract that
 * belongs to the supplier (the supplier is taken from the contract when
 * unset). Computes base_amount. */
gboolean     sb_costs_validate                 (SbStore       *store,
                                                SbCostEntry   *entry,
                                                GError       **error);
gboolean     sb_costs_save                     (SbStore       *store,
                                                SbCostEntry   *entry,
                                                GError       **error);
gboolean     sb_costs_delete                   (SbStore       *store,
                                                const char    *id,
                                                GError       **error);
gboolean     sb_costs_undelete                 (SbStore       *store,
                                                const char    *id,
                                                GError       **error);
/* The rate last used for @currency, 0 when never used. */
gint64       sb_costs_get_last_rate            (SbStore       *store,
                                                const char    *currency);

/* A charge of a contract's billing schedule not yet confirmed as an
 * actual: committed. */
typedef struct
{
  char   *contract_id;
  char   *contract_reference;
  char   *contract_title;
  char   *supplier_id;
  char   *supplier_name;
  char   *category;
  char   *service_id;      /* the single service it underpins, else NULL */
  GDate   date;
  gint64  amount;          /* in currency */
  char    currency[4];
  gint64  base_amount;     /* in the base currency, at the last rate used */
  gboolean estimated;      /* no rate known for the currency yet: 1:1 */
} SbCommittedCost;

void         sb_committed_cost_free            (SbCommittedCost *cost);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbCommittedCost, sb_committed_cost_free)

/* Unconfirmed charges dated from @from to @to (inclusive), by date. */
GPtrArray   *sb_costs_list_committed           (SbStore       *store,
                                                const GDate   *from,
                                                const GDate   *to,
                                                GError       **error);   /* of SbCommittedCost */
/* Turns one charge into an actual cost entry (source contract), with the
 * rate for a foreign currency (0: the last rate used) and an invoice
 * reference. Refused when already confirmed. */
gboolean     sb_costs_confirm_committed        (SbStore       *store,
                                                const char    *contract_id,
                                                const GDate   *billing_date,
                                                gint64         rate_micro,
                                                const char    *invoice_ref,
                                                char         **out_id,
                                                GError       **error);
/* Confirms every charge dated up to @up_to in one transaction; returns
 * how many (0 with @error set on failure). */
guint        sb_costs_confirm_due              (SbStore       *store,
                                                const GDate   *up_to,
                                                GError       **error);

/* Labour: minutes of time spent logged on incidents in a month (the
 * timeline entries' time), per service, × the hourly rate. */
typedef struct
{
  SbMonth  month;
  char    *service_id;     /* NULL: incidents without a service */
  gint64   minutes;
  gint64   amount;         /* base currency, rounded half away from zero */
} SbLabourCost;

void         sb_labour_cost_free               (SbLabourCost *cost);
GPtrArray   *sb_costs_list_labour              (SbStore       *store,
                                                SbMonth        from,
                                                SbMonth        to,
                                                GError       **error);   /* of SbLabourCost */

G_END_DECLS

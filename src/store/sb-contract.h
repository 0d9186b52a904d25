/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sb-contract-terms.h"

G_BEGIN_DECLS

/*
 * SbContract: one contract with a supplier (DOMAIN.md, Suppliers and
 * contracts), with its terms, its cost, the supplier's targets per
 * priority and the services it underpins. A value object: the store hands
 * out fresh copies; edits are written with sb_contracts_save().
 * Enumerations are the schema's strings (migrations/0004-suppliers.sql).
 */
#define SB_TYPE_CONTRACT (sb_contract_get_type ())
G_DECLARE_FINAL_TYPE (SbContract, sb_contract, SB, CONTRACT, GObject)

/* A draft for @supplier_id: type support, renewal none, 12 months from
 * no date (the start must be set), billed monthly, supplier services. */
SbContract  *sb_contract_new                      (const char *supplier_id);
SbContract  *sb_contract_copy                     (SbContract *self);
const char  *sb_contract_get_id                   (SbContract *self);   /* NULL for a draft */
const char  *sb_contract_get_supplier_id          (SbContract *self);
void         sb_contract_set_supplier_id          (SbContract *self, const char *id);
/* Set by the store on reads, for lists */
const char  *sb_contract_get_supplier_name        (SbContract *self);
void         sb_contract_set_supplier_name        (SbContract *self, const char *name);

const char  *sb_contract_get_reference            (SbContract *self);
void         sb_contract_set_reference            (SbContract *self, const char *reference);
const char  *sb_contract_get_title                (SbContract *self);
void         sb_contract_set_title                (SbContract *self, const char *title);
/* support, licence, hosting, lease, warranty, consultancy, other */
const char  *sb_contract_get_contract_type        (SbContract *self);
void         sb_contract_set_contract_type        (SbContract *self, const char *type);
const char  *sb_contract_get_scope                (SbContract *self);
void         sb_contract_set_scope                (SbContract *self, const char *text);
const char  *sb_contract_get_our_responsibilities (SbContract *self);
void         sb_contract_set_our_responsibilities (SbContract *self, const char *text);
const char  *sb_contract_get_supplier_responsibilities (SbContract *self);
void         sb_contract_set_supplier_responsibilities (SbContract *self, const char *text);
const char  *sb_contract_get_how_to_raise         (SbContract *self);
void         sb_contract_set_how_to_raise         (SbContract *self, const char *text);
const char  *sb_contract_get_support_hours        (SbContract *self);
void         sb_contract_set_support_hours        (SbContract *self, const char *text);
const char  *sb_contract_get_escalation_path      (SbContract *self);
void         sb_contract_set_escalation_path      (SbContract *self, const char *text);
/* The calendar the supplier targets count in; NULL: around the clock */
const char  *sb_contract_get_calendar_id          (SbContract *self);
void         sb_contract_set_calendar_id          (SbContract *self, const char *id);

/* The term model; notice_given and terminated are part of it. */
const SbContractTerms *sb_contract_get_terms      (SbContract *self);
void         sb_contract_set_terms                (SbContract *self, const SbContractTerms *terms);
const char  *sb_contract_get_cancellation_method  (SbContract *self);
void         sb_contract_set_cancellation_method  (SbContract *self, const char *text);
const char  *sb_contract_get_early_termination    (SbContract *self);
void         sb_contract_set_early_termination    (SbContract *self, const char *text);
/* The terms on @day (local date), with the warning window in days. */
void         sb_contract_get_state                (SbContract *self,
                                                   const GDate *day,
                                                   int warning_days,
                                                   SbContractState *out_state);

/* Cost: minor units of the currency per billing period; -1: no cost */
gint64       sb_contract_get_cost_amount          (SbContract *self);
const char  *sb_contract_get_cost_currency        (SbContract *self);
void         sb_contract_set_cost                 (SbContract *self, gint64 amount, const char *currency);
SbBillingPeriod sb_contract_get_billing_period    (SbContract *self);
void         sb_contract_set_billing_period       (SbContract *self, SbBillingPeriod period);
/* hardware, software, cloud, supplier-services, labour, facilities, training, other */
const char  *sb_contract_get_cost_category        (SbContract *self);
void         sb_contract_set_cost_category        (SbContract *self, const char *category);
const char  *sb_contract_get_budget_id            (SbContract *self);
void         sb_contract_set_budget_id            (SbContract *self, const char *id);
const char  *sb_contract_get_notes                (SbContract *self);
void         sb_contract_set_notes                (SbContract *self, const char *notes);

/* Supplier targets, business minutes of the contract's calendar; 0: none.
 * priority 1 critical … 5 planning. */
guint        sb_contract_get_response_target      (SbContract *self, guint priority);
guint        sb_contract_get_resolution_target    (SbContract *self, guint priority);
void         sb_contract_set_targets              (SbContract *self, guint priority,
                                                   guint response_minutes, guint resolution_minutes);
/* The services it underpins: ids, NULL-terminated (never NULL) */
const char * const *sb_contract_get_service_ids   (SbContract *self);
void         sb_contract_set_service_ids          (SbContract *self, const char * const *ids);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-costs.h"
#include "sb-store-private.h"

G_BEGIN_DECLS

/*
 * Shared inside the store between the cost register, the CSV import of
 * costs and the sample data. Not for the UI.
 */

/* What only the store sets on a cost entry (sb-cost-entry.c). */
void     sb_cost_entry_set_id             (SbCostEntry   *self,
                                           const char    *id);
void     sb_cost_entry_set_base_amount    (SbCostEntry   *self,
                                           gint64         base_amount);
/* manual, contract or import; @billing_date only for contract */
void     sb_cost_entry_set_source         (SbCostEntry   *self,
                                           const char    *source,
                                           const char    *billing_date);
void     sb_cost_entry_set_names          (SbCostEntry   *self,
                                           const char    *supplier_name,
                                           const char    *service_code,
                                           const char    *contract_reference);

/* The same save as sb_costs_save(), inside a transaction that is already
 * open (an import, the sample data). A new entry is written with
 * @source ('manual' or 'import'; @import_batch with 'import'); an
 * existing one keeps its source. Sets the new id on @entry at once; the
 * caller restores it if the transaction fails. */
gboolean sb_costs_save_in                 (SbTransaction *tx,
                                           SbStore       *store,
                                           SbCostEntry   *entry,
                                           const char    *source,
                                           const char    *import_batch,
                                           GError       **error);

/* Confirms one charge inside an open transaction (the sample data, a
 * confirmation of every due charge). */
gboolean sb_costs_confirm_committed_in    (SbTransaction *tx,
                                           SbStore       *store,
                                           const char    *contract_id,
                                           const GDate   *billing_date,
                                           gint64         rate_micro,
                                           const char    *invoice_ref,
                                           char         **out_id,
                                           GError       **error);

/* @amount of @currency in the base currency at the last rate used for
 * @currency (sb_costs_get_last_rate()); one for one, with
 * @out_estimated set, when no rate is known yet (sb-costs-committed.c). */
gboolean sb_costs_to_base_at_last_rate    (SbStore       *store,
                                           gint64         amount,
                                           const char    *currency,
                                           gint64        *out_base,
                                           gboolean      *out_estimated,
                                           GError       **error);

G_END_DECLS

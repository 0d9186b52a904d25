/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-contracts.h"

G_BEGIN_DECLS

/* What only the store sets on a contract. */
void     sb_contract_set_id    (SbContract     *self,
                                const char     *id);

/* sb_contracts_save() inside a transaction that is already open (the
 * sample data, an import); @contract gets its id on success. */
gboolean sb_contracts_save_in  (SbTransaction  *tx,
                                SbStore        *store,
                                SbContract     *contract,
                                GError        **error);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include "sb-budget-figures-private.h"
#include "sb-catalog-private.h"
#include "sb-escalations-private.h"
#include "sb-incidents-private.h"
#include "sb-sample-data.h"

typedef gboolean (*SbSampleLoader) (SbTransaction  *tx,
                                    SbStore        *store,
                                    GError        **error);

static gboolean
load_incidents (SbTransaction  *tx,
                SbStore        *store,
                GError        **error)
{
  return sb_incidents_load_sample (tx, error);
}

/* Each register adds its loader here, in the order their records depend on
 * each other (services before incidents, suppliers before contracts). */
static const SbSampleLoader loaders[] = {
  sb_catalog_load_sample,
  load_incidents,
  sb_suppliers_load_sample,
  sb_budget_load_sample,
};

/**
 * sb_sample_data_load:
 * @store: a store
 * @error: return location for a #GError
 *
 * Fills the book with the sample records of every register, in one
 * transaction: all of them or none.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_sample_data_load (SbStore  *store,
                     GError  **error)
{
  g_autoptr(SbTransaction) tx = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (loaders); i++)
    {
      if (loaders[i] != NULL && !loaders[i] (tx, store, error))
        return FALSE;
    }

  if (!sb_transaction_commit (tx, error))
    return FALSE;

  return sb_store_set_welcome_done (store, error);
}

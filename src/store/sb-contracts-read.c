/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-contract-private.h"
#include "sb-time.h"

/*
 * Reading the contract register: contracts with their supplier targets
 * and underpinned services, one, all of a supplier, or those of a
 * service.
 */

#define N_PRIORITIES 5

#define CONTRACT_SELECT                                                               \
  "SELECT c.id, c.supplier_id, s.name, c.reference, c.title, c.contract_type, "       \
  "       c.scope, c.our_responsibilities, c.supplier_responsibilities, "             \
  "       c.how_to_raise, c.support_hours, c.escalation_path, c.calendar_id, "        \
  "       c.cancellation_method, c.early_termination, c.cost_category, c.budget_id, " \
  "       c.notes, c.start_date, c.initial_months, c.renewal, c.renewal_months, "     \
  "       c.notice_amount, c.notice_unit, c.renewals_agreed, c.notice_given_on, "     \
  "       c.terminated_on, c.cost_amount, c.cost_currency, c.billing_period "         \
  "  FROM contract c JOIN supplier s ON s.id = c.supplier_id "                        \
  " WHERE c.deleted = 0 "

static void
column_date (sqlite3_stmt *stmt,
             int           column,
             GDate        *out)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  g_date_clear (out, 1);
  if (text != NULL)
    sb_date_parse (text, out, NULL);
}

static SbContract *
contract_from_row (sqlite3_stmt *stmt)
{
  static void (* const setters[]) (SbContract *, const char *) = {
    sb_contract_set_id, sb_contract_set_supplier_id, sb_contract_set_supplier_name,
    sb_contract_set_reference, sb_contract_set_title, sb_contract_set_contract_type,
    sb_contract_set_scope, sb_contract_set_our_responsibilities,
    sb_contract_set_supplier_responsibilities, sb_contract_set_how_to_raise,
    sb_contract_set_support_hours, sb_contract_set_escalation_path,
    sb_contract_set_calendar_id, sb_contract_set_cancellation_method,
    sb_contract_set_early_termination, sb_contract_set_cost_category,
    sb_contract_set_budget_id, sb_contract_set_notes,
  };
  SbContract *contract = sb_contract_new (NULL);
  SbContractTerms terms;
  SbBillingPeriod period = SB_BILLING_MONTHLY;

  for (guint i = 0; i < G_N_ELEMENTS (setters); i++)
    setters[i] (contract, (const char *)sqlite3_column_text (stmt, i));

  sb_contract_terms_init (&terms);
  column_date (stmt, 18, &terms.start);
  terms.initial_months = sqlite3_column_int (stmt, 19);
  sb_renewal_from_string ((const char *)sqlite3_column_text (stmt, 20), &terms.renewal);
  terms.renewal_months = sqlite3_column_int (stmt, 21);
  terms.notice_amount = sqlite3_column_int (stmt, 22);
  sb_notice_unit_from_string ((const char *)sqlite3_column_text (stmt, 23), &terms.notice_unit);
  terms.renewals_agreed = sqlite3_column_int (stmt, 24);
  column_date (stmt, 25, &terms.notice_given);
  column_date (stmt, 26, &terms.terminated);
  sb_contract_set_terms (contract, &terms);

  sb_contract_set_cost (contract,
                        sqlite3_column_type (stmt, 27) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 27),
                        (const char *)sqlite3_column_text (stmt, 28));
  sb_billing_period_from_string ((const char *)sqlite3_column_text (stmt, 29), &period);
  sb_contract_set_billing_period (contract, period);

  return contract;
}

/* Fills the targets and services of @contracts (id -> SbContract),
 * reading only those of @only_id when it is given. */
static gboolean
fill_children (SbStore     *store,
               GHashTable  *contracts,
               const char  *only_id,
               GError     **error)
{
  g_autoptr(GHashTable) services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)g_ptr_array_unref);
  GHashTableIter iter;
  const char *id;
  GPtrArray *ids;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT contract_id, priority, response_minutes, resolution_minutes "
                           "FROM contract_target WHERE deleted = 0 AND (?1 IS NULL OR contract_id = ?1)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, only_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbContract *contract = g_hash_table_lookup (contracts, sqlite3_column_text (stmt, 0));
      int priority = sqlite3_column_int (stmt, 1);

      if (contract != NULL && priority >= 1 && priority <= N_PRIORITIES)
        sb_contract_set_targets (contract, priority,
                                 sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the supplier targets"), error);

  /* Links to deleted services stay, hidden with them. */
  stmt = sb_store_prepare (store,
                           "SELECT l.contract_id, v.id FROM contract_service l "
                           "JOIN service v ON v.id = l.service_id AND v.deleted = 0 "
                           "WHERE l.deleted = 0 AND (?1 IS NULL OR l.contract_id = ?1) "
                           "ORDER BY v.code, v.id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, only_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *contract_id = (const char *)sqlite3_column_text (stmt, 0);
      const char *service_id = (const char *)sqlite3_column_text (stmt, 1);

      ids = g_hash_table_lookup (services, contract_id);
      if (ids == NULL)
        {
          ids = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (services, g_strdup (contract_id), ids);
        }
      if (!g_ptr_array_find_with_equal_func (ids, service_id, g_str_equal, NULL))
        g_ptr_array_add (ids, g_strdup (service_id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the services of the contracts"), error);

  g_hash_table_iter_init (&iter, services);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, (gpointer *)&ids))
    {
      SbContract *contract = g_hash_table_lookup (contracts, id);

      g_ptr_array_add (ids, NULL);
      if (contract != NULL)
        sb_contract_set_service_ids (contract, (const char * const *)ids->pdata);
    }

  return TRUE;
}

/* Contracts of @sql (CONTRACT_SELECT and more), with up to two text
 * parameters bound to ?1 and ?2. */
static GPtrArray *
read_contracts (SbStore     *store,
                const char  *sql,
                const char  *first,
                const char  *second,
                GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbContract *contract = contract_from_row (stmt);

      g_ptr_array_add (found, contract);
      g_hash_table_insert (by_id, (gpointer)sb_contract_get_id (contract), contract);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the contracts"), error);
      return NULL;
    }

  if (found->len > 0 &&
      !fill_children (store, by_id,
                      found->len == 1 ? sb_contract_get_id (g_ptr_array_index (found, 0)) : NULL,
                      error))
    return NULL;

  return g_steal_pointer (&found);
}

/**
 * sb_contracts_list:
 * @store: a store
 * @supplier_id: (nullable): one supplier's id, or %NULL for all
 * @error: return location for a #GError
 *
 * Lists the live contracts of live suppliers, ordered by supplier name,
 * then reference, each with its targets and services.
 *
 * Returns: (transfer full) (nullable): a list model of #SbContract
 */
GListModel *
sb_contracts_list (SbStore     *store,
                   const char  *supplier_id,
                   GError     **error)
{
  g_autoptr(GPtrArray) contracts = NULL;
  GListStore *list;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contracts = read_contracts (store,
                              CONTRACT_SELECT
                              "AND s.deleted = 0 AND (?1 IS NULL OR c.supplier_id = ?1) "
                              "ORDER BY s.name COLLATE NOCASE, s.id, c.reference COLLATE NOCASE, c.id",
                              supplier_id, NULL, error);
  if (contracts == NULL)
    return NULL;

  list = g_list_store_new (SB_TYPE_CONTRACT);
  g_list_store_splice (list, 0, 0, contracts->pdata, contracts->len);

  return G_LIST_MODEL (list);
}

/**
 * sb_contracts_get:
 * @store: a store
 * @id: the contract's id
 * @error: return location for a #GError
 *
 * Reads one live contract with its targets and services.
 *
 * Returns: (transfer full) (nullable): the contract, or %NULL with
 *   %SB_STORE_ERROR_INVALID when there is no live contract @id
 */
SbContract *
sb_contracts_get (SbStore     *store,
                  const char  *id,
                  GError     **error)
{
  g_autoptr(GPtrArray) contracts = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contracts = read_contracts (store, CONTRACT_SELECT "AND c.id = ?1", id, NULL, error);
  if (contracts == NULL)
    return NULL;

  if (contracts->len == 0)
    {
      sb_catalog_invalid (error, _("There is no contract with the id %s; it may have been deleted"), id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (contracts, 0));
}

/**
 * sb_contracts_find:
 * @store: a store
 * @supplier_id: (nullable): the supplier's id
 * @reference: a contract reference, in any case
 *
 * Finds a live contract by its reference. Without @supplier_id the
 * reference must be unique among live contracts.
 *
 * Returns: (transfer full) (nullable): the contract, or %NULL
 */
SbContract *
sb_contracts_find (SbStore    *store,
                   const char *supplier_id,
                   const char *reference)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  stripped = sb_catalog_strip (reference);
  if (stripped == NULL)
    return NULL;

  contracts = read_contracts (store,
                              CONTRACT_SELECT
                              "AND c.reference = ?1 COLLATE NOCASE "
                              "AND (?2 IS NULL OR c.supplier_id = ?2) LIMIT 2",
                              stripped, supplier_id, NULL);
  if (contracts == NULL || contracts->len != 1)
    return NULL;

  return g_object_ref (g_ptr_array_index (contracts, 0));
}

/* For a service */

static gboolean
in_force (SbContract  *contract,
          const GDate *day)
{
  SbContractState state;

  sb_contract_get_state (contract, day, SB_CONTRACT_DEFAULT_WARNING_DAYS, &state);

  return state.status != SB_CONTRACT_NOT_STARTED &&
         state.status != SB_CONTRACT_EXPIRED &&
         state.status != SB_CONTRACT_TERMINATED;
}

/**
 * sb_contracts_for_service:
 * @store: a store
 * @service_id: a service's id
 * @day: the day that decides which contracts are in force
 * @error: return location for a #GError
 *
 * Lists the live contracts (of live suppliers) underpinning a service:
 * those in force on @day first, each group ordered by supplier name, then
 * reference.
 *
 * Returns: (transfer full) (element-type SbContract) (nullable): the
 *   contracts
 */
GPtrArray *
sb_contracts_for_service (SbStore      *store,
                          const char   *service_id,
                          const GDate  *day,
                          GError      **error)
{
  g_autoptr(GPtrArray) contracts = NULL;
  GPtrArray *ordered;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (service_id != NULL, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contracts = read_contracts (store,
                              CONTRACT_SELECT
                              "AND s.deleted = 0 AND EXISTS (SELECT 1 FROM contract_service l "
                              "  WHERE l.contract_id = c.id AND l.service_id = ?1 AND l.deleted = 0) "
                              "ORDER BY s.name COLLATE NOCASE, s.id, c.reference COLLATE NOCASE, c.id",
                              service_id, NULL, error);
  if (contracts == NULL)
    return NULL;

  ordered = g_ptr_array_new_full (contracts->len, g_object_unref);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < contracts->len; i++)
        {
          SbContract *contract = g_ptr_array_index (contracts, i);

          if (in_force (contract, day) == (pass == 0))
            g_ptr_array_add (ordered, g_object_ref (contract));
        }
    }

  return ordered;
}

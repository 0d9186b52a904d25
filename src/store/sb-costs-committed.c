/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sb-budgets.h"
#include "sb-catalog-private.h"
#include "sb-contracts.h"
#include "sb-costs-private.h"
#include "sb-time.h"

/*
 * The costs the store computes instead of storing (declared in
 * sb-costs.h): committed costs, the charges of the live contracts'
 * billing schedules (sb_billing_project()) not yet confirmed as a cost
 * entry with source 'contract' and the same billing date; their
 * confirmation into actuals; and labour, the time spent on incidents
 * (incident_event.minutes) per month and service × the book's hourly
 * rate.
 */

#define BASE_RATE G_GINT64_CONSTANT (1000000)

/* Committed costs */

/**
 * sb_committed_cost_free:
 * @cost: (nullable): a committed cost
 *
 * Frees a committed cost.
 */
void
sb_committed_cost_free (SbCommittedCost *cost)
{
  if (cost == NULL)
    return;

  g_free (cost->contract_id);
  g_free (cost->contract_reference);
  g_free (cost->contract_title);
  g_free (cost->supplier_id);
  g_free (cost->supplier_name);
  g_free (cost->category);
  g_free (cost->service_id);
  g_free (cost);
}

/* The contract's currency: its own, or the base currency when unset. */
static const char *
contract_currency (SbStore    *store,
                   SbContract *contract)
{
  const char *currency = sb_contract_get_cost_currency (contract);

  return currency != NULL ? currency : sb_store_get_base_currency (store);
}

/* The single service @contract underpins, or NULL. */
static const char *
single_service (SbContract *contract)
{
  const char * const *ids = sb_contract_get_service_ids (contract);

  return ids[0] != NULL && ids[1] == NULL ? ids[0] : NULL;
}

/* The charges of @contract's schedule from @from to @to; NULL (no error)
 * when it has no cost. */
static GArray *
project_contract (SbContract  *contract,
                  const GDate *from,
                  const GDate *to)
{
  const SbContractTerms *terms = sb_contract_get_terms (contract);
  gint64 amount = sb_contract_get_cost_amount (contract);

  if (amount <= 0 || !g_date_valid (&terms->start))
    return NULL;

  return sb_billing_project (terms, sb_contract_get_billing_period (contract), amount, from, to);
}

/* "contract id|YYYY-MM-DD" of every confirmed charge dated from @from to
 * @to. */
static GHashTable *
read_confirmed (SbStore      *store,
                const GDate  *from,
                const GDate  *to,
                GError      **error)
{
  g_autoptr(GHashTable) confirmed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT contract_id, billing_date FROM cost_entry "
                           " WHERE deleted = 0 AND source = 'contract' "
                           "   AND billing_date BETWEEN ?1 AND ?2",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, sb_date_format (from), -1, g_free);
  sqlite3_bind_text (stmt, 2, sb_date_format (to), -1, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (confirmed, g_strdup_printf ("%s|%s",
                                                  (const char *) sqlite3_column_text (stmt, 0),
                                                  (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the confirmed contract charges"), error);
      return NULL;
    }

  return g_steal_pointer (&confirmed);
}

static int
compare_committed (gconstpointer a,
                   gconstpointer b)
{
  const SbCommittedCost *x = *(SbCommittedCost * const *) a;
  const SbCommittedCost *y = *(SbCommittedCost * const *) b;
  int cmp = g_date_compare (&x->date, &y->date);

  if (cmp == 0)
    cmp = g_utf8_collate (x->supplier_name != NULL ? x->supplier_name : "",
                          y->supplier_name != NULL ? y->supplier_name : "");
  if (cmp == 0)
    cmp = g_strcmp0 (x->contract_reference, y->contract_reference);
  if (cmp == 0)
    cmp = g_strcmp0 (x->contract_id, y->contract_id);

  return cmp;
}

/**
 * sb_costs_to_base_at_last_rate:
 * @store: a store
 * @amount: minor units of @currency
 * @currency: (nullable): an ISO 4217 code; %NULL for the base currency
 * @out_base: (out): the amount in minor units of the base currency
 * @out_estimated: (out): whether no rate was known, so it is one for one
 * @error: return location for a #GError
 *
 * Converts @amount at the last rate used for @currency, as committed
 * costs and income are counted before a rate is agreed.
 *
 * Returns: %TRUE on success; %FALSE when the result does not fit
 */
gboolean
sb_costs_to_base_at_last_rate (SbStore     *store,
                               gint64       amount,
                               const char  *currency,
                               gint64      *out_base,
                               gboolean    *out_estimated,
                               GError     **error)
{
  gint64 rate;

  if (currency == NULL)
    currency = sb_store_get_base_currency (store);
  rate = sb_costs_get_last_rate (store, currency);

  *out_estimated = rate <= 0;

  return sb_money_convert (amount, currency, rate > 0 ? rate : BASE_RATE,
                           sb_store_get_base_currency (store), out_base, error);
}

/**
 * sb_costs_list_committed:
 * @store: a store
 * @from: the first day
 * @to: the last day
 * @error: return location for a #GError
 *
 * Lists the committed costs: the charges of every live contract with a
 * cost, as its billing schedule projects them from @from to @to
 * (inclusive), except those already confirmed as a cost entry. Each has
 * the contract's category, its supplier and, when the contract underpins
 * exactly one service, that service; its base amount is converted at the
 * last rate used for its currency, or one to one, marked estimated, when
 * no rate is known yet.
 *
 * Returns: (transfer full) (element-type SbCommittedCost) (nullable): the
 *   charges by date, then supplier and contract
 */
GPtrArray *
sb_costs_list_committed (SbStore      *store,
                         const GDate  *from,
                         const GDate  *to,
                         GError      **error)
{
  g_autoptr(GPtrArray) costs = NULL;
  g_autoptr(GListModel) contracts = NULL;
  g_autoptr(GHashTable) confirmed = NULL;
  guint n;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  costs = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_committed_cost_free);
  if (g_date_compare (from, to) > 0)
    return g_steal_pointer (&costs);

  contracts = sb_contracts_list (store, NULL, error);
  if (contracts == NULL)
    return NULL;
  confirmed = read_confirmed (store, from, to, error);
  if (confirmed == NULL)
    return NULL;

  n = g_list_model_get_n_items (contracts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (contracts, i);
      g_autoptr(GArray) charges = project_contract (contract, from, to);
      const char *currency = contract_currency (store, contract);

      for (guint k = 0; charges != NULL && k < charges->len; k++)
        {
          const SbBillingCharge *charge = &g_array_index (charges, SbBillingCharge, k);
          g_autofree char *date = sb_date_format (&charge->date);
          g_autofree char *key = g_strdup_printf ("%s|%s", sb_contract_get_id (contract), date);
          g_autoptr(SbCommittedCost) cost = NULL;

          if (g_hash_table_contains (confirmed, key))
            continue;

          cost = g_new0 (SbCommittedCost, 1);
          cost->contract_id = g_strdup (sb_contract_get_id (contract));
          cost->contract_reference = g_strdup (sb_contract_get_reference (contract));
          cost->contract_title = g_strdup (sb_contract_get_title (contract));
          cost->supplier_id = g_strdup (sb_contract_get_supplier_id (contract));
          cost->supplier_name = g_strdup (sb_contract_get_supplier_name (contract));
          cost->category = g_strdup (sb_contract_get_cost_category (contract));
          cost->service_id = g_strdup (single_service (contract));
          cost->date = charge->date;
          cost->amount = charge->amount;
          g_strlcpy (cost->currency, currency, sizeof cost->currency);
          if (!sb_costs_to_base_at_last_rate (store, charge->amount, currency, &cost->base_amount,
                                              &cost->estimated, error))
            return NULL;

          g_ptr_array_add (costs, g_steal_pointer (&cost));
        }
    }

  g_ptr_array_sort (costs, compare_committed);

  return g_steal_pointer (&costs);
}

/* Whether the charge of @contract_id on @date is confirmed already. */
static gboolean
is_confirmed (SbStore     *store,
              const char  *contract_id,
              const char  *date,
              gboolean    *out_confirmed,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT 1 FROM cost_entry WHERE deleted = 0 AND source = 'contract' "
                           "   AND contract_id = ? AND billing_date = ?",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, contract_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *out_confirmed = rc == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the confirmed contract charges"), error);

  return TRUE;
}

/* Writes the charge of @contract on @billing_date as a cost entry. */
static gboolean
confirm_charge (SbTransaction  *tx,
                SbStore        *store,
                SbContract     *contract,
                const GDate    *billing_date,
                gint64          rate_micro,
                const char     *invoice_ref,
                char          **out_id,
                GError        **error)
{
  g_autoptr(SbCostEntry) entry = NULL;
  g_autoptr(GArray) charges = NULL;
  g_autofree char *date = sb_date_format (billing_date);
  const char *currency = contract_currency (store, contract);
  const char *reference = sb_contract_get_reference (contract);
  gboolean confirmed = FALSE;

  charges = project_contract (contract, billing_date, billing_date);
  if (charges == NULL)
    return sb_catalog_invalid (error, _("The contract “%s” has no cost to confirm: enter its cost first"),
                               reference);
  if (charges->len == 0)
    return sb_catalog_invalid (error, _("The contract “%s” has no charge on %s: choose a date of its billing schedule"),
                               reference, date);

  if (!is_confirmed (store, sb_contract_get_id (contract), date, &confirmed, error))
    return FALSE;
  if (confirmed)
    return sb_catalog_invalid (error, _("The charge of contract “%s” on %s is already confirmed"),
                               reference, date);

  /* The base currency's rate is 1 whatever was asked. */
  if (rate_micro <= 0 || g_strcmp0 (currency, sb_store_get_base_currency (store)) == 0)
    rate_micro = sb_costs_get_last_rate (store, currency);
  if (rate_micro <= 0)
    return sb_catalog_invalid (error, _("No exchange rate is known for %s yet: confirm the charge of contract “%s” with the rate used"),
                               currency, reference);

  entry = g_object_new (SB_TYPE_COST_ENTRY, NULL);
  sb_cost_entry_set_date (entry, date);
  sb_cost_entry_set_amount (entry, g_array_index (charges, SbBillingCharge, 0).amount, currency);
  sb_cost_entry_set_rate_micro (entry, rate_micro);
  sb_cost_entry_set_category (entry, sb_contract_get_cost_category (contract));
  sb_cost_entry_set_supplier_id (entry, sb_contract_get_supplier_id (contract));
  sb_cost_entry_set_contract_id (entry, sb_contract_get_id (contract));
  sb_cost_entry_set_service_id (entry, single_service (contract));
  sb_cost_entry_set_invoice_ref (entry, invoice_ref);
  sb_cost_entry_set_description (entry, sb_contract_get_title (contract));
  sb_cost_entry_set_source (entry, "contract", date);

  if (!sb_costs_save_in (tx, store, entry, "contract", NULL, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = g_strdup (sb_cost_entry_get_id (entry));

  return TRUE;
}

gboolean
sb_costs_confirm_committed_in (SbTransaction  *tx,
                               SbStore        *store,
                               const char     *contract_id,
                               const GDate    *billing_date,
                               gint64          rate_micro,
                               const char     *invoice_ref,
                               char          **out_id,
                               GError        **error)
{
  g_autoptr(SbContract) contract = NULL;

  contract = sb_contracts_get (store, contract_id, error);
  if (contract == NULL)
    return FALSE;

  return confirm_charge (tx, store, contract, billing_date, rate_micro, invoice_ref, out_id, error);
}

/**
 * sb_costs_confirm_committed:
 * @store: a store
 * @contract_id: a live contract with a cost
 * @billing_date: a date of its billing schedule
 * @rate_micro: the exchange rate for a contract in a foreign currency;
 *   0 for the last rate used
 * @invoice_ref: (nullable): the supplier's invoice reference
 * @out_id: (out) (optional) (transfer full): the new entry's id
 * @error: return location for a #GError
 *
 * Turns one committed charge into an actual: a cost entry with source
 * contract, dated and with the billing date of the charge, its amount
 * and currency, the contract's category, supplier and (when it underpins
 * exactly one) service, and the contract's title as description.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID when
 *   the date is not a charge of the schedule, the charge is already
 *   confirmed, or no rate is known for a foreign currency
 */
gboolean
sb_costs_confirm_committed (SbStore      *store,
                            const char   *contract_id,
                            const GDate  *billing_date,
                            gint64        rate_micro,
                            const char   *invoice_ref,
                            char        **out_id,
                            GError      **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (contract_id != NULL, FALSE);
  g_return_val_if_fail (billing_date != NULL && g_date_valid (billing_date), FALSE);
  g_return_val_if_fail (rate_micro >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_costs_confirm_committed_in (tx, store, contract_id, billing_date, rate_micro,
                                      invoice_ref, &id, error) ||
      !sb_transaction_commit (tx, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = g_steal_pointer (&id);

  return TRUE;
}

/**
 * sb_costs_confirm_due:
 * @store: a store
 * @up_to: the last day
 * @error: return location for a #GError
 *
 * Confirms every committed charge dated up to @up_to (see
 * sb_costs_list_committed()) as a cost entry, each at the last rate used
 * for its currency, all in one transaction: either every charge is
 * confirmed or none.
 *
 * Returns: how many charges were confirmed; 0 with @error set on failure
 *   (a foreign currency without a known rate, for example)
 */
guint
sb_costs_confirm_due (SbStore      *store,
                      const GDate  *up_to,
                      GError      **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GHashTable) contracts = NULL;
  GDate from;

  g_return_val_if_fail (SB_IS_STORE (store), 0);
  g_return_val_if_fail (up_to != NULL && g_date_valid (up_to), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  /* Every charge since the first day a contract can start. */
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 1);

  due = sb_costs_list_committed (store, &from, up_to, error);
  if (due == NULL)
    return 0;
  if (due->len == 0)
    return 0;

  contracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return 0;
  sb_transaction_set_all_or_nothing (tx);

  for (guint i = 0; i < due->len; i++)
    {
      const SbCommittedCost *cost = g_ptr_array_index (due, i);
      SbContract *contract = g_hash_table_lookup (contracts, cost->contract_id);

      if (contract == NULL)
        {
          contract = sb_contracts_get (store, cost->contract_id, error);
          if (contract == NULL)
            return 0;
          g_hash_table_insert (contracts, g_strdup (cost->contract_id), contract);
        }

      if (!confirm_charge (tx, store, contract, &cost->date, 0, NULL, NULL, error))
        return 0;
    }

  if (!sb_transaction_commit (tx, error))
    return 0;

  return due->len;
}

/* Labour */

/**
 * sb_labour_cost_free:
 * @cost: (nullable): a labour cost
 *
 * Frees a labour cost.
 */
void
sb_labour_cost_free (SbLabourCost *cost)
{
  if (cost == NULL)
    return;

  g_free (cost->service_id);
  g_free (cost);
}

static int
compare_labour (gconstpointer a,
                gconstpointer b)
{
  const SbLabourCost *x = *(SbLabourCost * const *) a;
  const SbLabourCost *y = *(SbLabourCost * const *) b;

  if (x->month != y->month)
    return x->month < y->month ? -1 : 1;
  /* Incidents without a service last. */
  if ((x->service_id == NULL) != (y->service_id == NULL))
    return x->service_id == NULL ? 1 : -1;

  return g_strcmp0 (x->service_id, y->service_id);
}

/* @minutes × @rate / 60 (minor units per hour), rounded half away from
 * zero; FALSE on overflow. */
static gboolean
labour_amount (gint64  minutes,
               gint64  rate,
               gint64 *out)
{
  gint64 product;
  gint64 q;
  gint64 r;

  if (minutes != 0 && rate > G_MAXINT64 / minutes)
    return FALSE;

  product = minutes * rate;
  q = product / 60;
  r = product % 60;
  if (r * 2 >= 60)
    q++;
  *out = q;

  return TRUE;
}

/* The instant text of the first moment of the UTC day @days away from
 * the first (or @last) day of @month. */
static char *
bound_instant (SbMonth month,
               gboolean last,
               int      days)
{
  GDate day;
  g_autoptr(GDateTime) dt = NULL;

  if (last)
    sb_month_get_last_day (month, &day);
  else
    sb_month_get_first_day (month, &day);
  if (days < 0)
    g_date_subtract_days (&day, -days);
  else
    g_date_add_days (&day, days);
  dt = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day),
                            g_date_get_day (&day), 0, 0, 0);

  return sb_time_format_instant (g_date_time_to_unix (dt) * 1000);
}

/**
 * sb_costs_list_labour:
 * @store: a store
 * @from: the first month
 * @to: the last month
 * @error: return location for a #GError
 *
 * Sums the time spent logged on the timelines of live incidents
 * (incident_event.minutes) per month, in the local time of each entry,
 * and per service of the incident, from @from to @to, and costs it at the
 * book's hourly rate (sb_budgets_get_hourly_rate()): minutes × rate / 60,
 * rounded half away from zero. Empty when the rate is 0.
 *
 * Returns: (transfer full) (element-type SbLabourCost) (nullable): the
 *   labour costs by month, then service (incidents without one last)
 */
GPtrArray *
sb_costs_list_labour (SbStore   *store,
                      SbMonth    from,
                      SbMonth    to,
                      GError   **error)
{
  g_autoptr(GPtrArray) costs = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *upper = NULL;
  sqlite3_stmt *stmt;
  gint64 rate;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  costs = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_labour_cost_free);
  rate = sb_budgets_get_hourly_rate (store);
  if (rate <= 0 || from > to)
    return g_steal_pointer (&costs);

  /* A day either side covers every local time zone; the month of each
   * entry is then taken in local time. */
  lower = bound_instant (from, FALSE, -1);
  upper = bound_instant (to, TRUE, 2);

  stmt = sb_store_prepare (store,
                           "SELECT i.service_id, ev.at, ev.minutes FROM incident_event ev "
                           "  JOIN incident i ON i.id = ev.incident_id "
                           " WHERE ev.deleted = 0 AND i.deleted = 0 AND ev.minutes > 0 "
                           "   AND ev.at >= ?1 AND ev.at < ?2",
                           error);
  if (stmt == NULL)
    return NULL;

  tz = g_time_zone_new_local ();
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *service_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *at = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *key = NULL;
      SbLabourCost *cost;
      SbMonth month;
      gint64 ms;

      if (at == NULL || !sb_time_parse_instant (at, &ms, NULL))
        continue;
      utc = g_date_time_new_from_unix_utc (ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
      local = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;
      if (local == NULL)
        continue;
      month = sb_month_from_ymd (g_date_time_get_year (local), g_date_time_get_month (local));
      if (month < from || month > to)
        continue;

      key = g_strdup_printf ("%d|%s", month, service_id != NULL ? service_id : "");
      cost = g_hash_table_lookup (by_key, key);
      if (cost == NULL)
        {
          cost = g_new0 (SbLabourCost, 1);
          cost->month = month;
          cost->service_id = g_strdup (service_id);
          g_ptr_array_add (costs, cost);
          g_hash_table_insert (by_key, g_steal_pointer (&key), cost);
        }
      cost->minutes += sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the time spent on incidents"), error);
      return NULL;
    }

  for (guint i = 0; i < costs->len; i++)
    {
      SbLabourCost *cost = g_ptr_array_index (costs, i);

      if (!labour_amount (cost->minutes, rate, &cost->amount))
        {
          sb_catalog_invalid (error, _("The labour cost is too large to count"));
          return NULL;
        }
    }

  g_ptr_array_sort (costs, compare_labour);

  return g_steal_pointer (&costs);
}

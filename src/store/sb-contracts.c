/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-contract-private.h"
#include "sb-suppliers-private.h"
#include "sb-money.h"
#include "sb-time.h"

/*
 * The contract register: checking contracts, and writing a contract, its
 * targets and its service links in one transaction (reading them is in
 * sb-contracts-read.c). Links are rows of
 * their own; removing one leaves a tombstone and adding it again brings
 * the same row back.
 */

#define N_PRIORITIES 5
#define WARNING_DAYS_KEY "notice-warning-days"

static const char * const contract_types[] = {
  "support", "licence", "hosting", "lease", "warranty", "consultancy", "other", NULL
};
static const char * const cost_categories[] = {
  "hardware", "software", "cloud", "supplier-services", "labour", "facilities", "training",
  "other", NULL
};

/* Checking */

/* A contract's text fields as they are written: stripped, %NULL for none. */
typedef struct
{
  char      *supplier_id;
  char      *reference;
  char      *title;
  char      *text[13];
  char      *cost_currency;
  GPtrArray *service_ids;
} Normalized;

static const struct
{
  const char *column;
  const char *(*get) (SbContract *self);
} text_columns[] = {
  { "scope", sb_contract_get_scope },
  { "our_responsibilities", sb_contract_get_our_responsibilities },
  { "supplier_responsibilities", sb_contract_get_supplier_responsibilities },
  { "how_to_raise", sb_contract_get_how_to_raise },
  { "support_hours", sb_contract_get_support_hours },
  { "escalation_path", sb_contract_get_escalation_path },
  { "calendar_id", sb_contract_get_calendar_id },
  { "cancellation_method", sb_contract_get_cancellation_method },
  { "early_termination", sb_contract_get_early_termination },
  { "budget_id", sb_contract_get_budget_id },
  { "notes", sb_contract_get_notes },
  { "contract_type", sb_contract_get_contract_type },
  { "cost_category", sb_contract_get_cost_category },
};

G_STATIC_ASSERT (G_N_ELEMENTS (text_columns) == G_N_ELEMENTS (((Normalized *)NULL)->text));

enum
{
  TEXT_CALENDAR_ID = 6,
  TEXT_CONTRACT_TYPE = 11,
  TEXT_COST_CATEGORY = 12,
};

static void
normalized_clear (Normalized *n)
{
  g_free (n->supplier_id);
  g_free (n->reference);
  g_free (n->title);
  for (guint i = 0; i < G_N_ELEMENTS (n->text); i++)
    g_free (n->text[i]);
  g_free (n->cost_currency);
  g_clear_pointer (&n->service_ids, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Normalized, normalized_clear)

/* Reads the name and deleted flag of the record @id of @table; FALSE with
 * @error only when SQLite fails. */
static gboolean
read_name (SbStore     *store,
           const char  *sql,
           const char  *id,
           char       **out_name,
           gboolean    *out_deleted,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_name = NULL;
  *out_deleted = FALSE;

  stmt = sb_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      *out_deleted = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Checking the contract"), error);

  return TRUE;
}

/* The reference of another live contract of @supplier_id equal to
 * @reference (case-insensitive). */
static gboolean
find_reference_holder (SbStore     *store,
                       const char  *supplier_id,
                       const char  *reference,
                       const char  *except_id,
                       char       **out_title,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_title = NULL;

  stmt = sb_store_prepare (store,
                           "SELECT title FROM contract WHERE deleted = 0 AND supplier_id = ? "
                           "AND reference = ? COLLATE NOCASE AND id IS NOT ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, reference, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, except_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_title = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Checking the contract reference"), error);

  return TRUE;
}

static GPtrArray *
unique_ids (const char * const *ids)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *id = sb_catalog_strip (ids[i]);

      if (id != NULL && !g_ptr_array_find_with_equal_func (out, id, g_str_equal, NULL))
        g_ptr_array_add (out, g_steal_pointer (&id));
    }

  return out;
}

static gboolean
check_targets (SbContract  *contract,
               GError     **error)
{
  for (guint p = 1; p <= N_PRIORITIES; p++)
    {
      guint response = sb_contract_get_response_target (contract, p);
      guint resolution = sb_contract_get_resolution_target (contract, p);

      if (response > G_MAXINT32 || resolution > G_MAXINT32)
        return sb_catalog_invalid (error, _("The supplier targets for priority %u are too long: type a number of minutes a contract can promise"),
                                   p);

      if (response > 0 && resolution > 0 && response > resolution)
        {
          g_autofree char *response_text = sb_duration_format (response);
          g_autofree char *resolution_text = sb_duration_format (resolution);

          return sb_catalog_invalid (error, _("For priority %u the supplier’s response target (%s) is longer than its resolution target (%s): the response must come no later than the resolution"),
                                     p, response_text, resolution_text);
        }
    }

  return TRUE;
}

static gboolean
validate_contract (SbStore     *store,
                   SbContract  *contract,
                   Normalized  *n,
                   GError     **error)
{
  const char *id = sb_contract_get_id (contract);
  gint64 amount = sb_contract_get_cost_amount (contract);
  g_autofree char *name = NULL;
  g_autofree char *holder = NULL;
  gboolean deleted = FALSE;

  n->supplier_id = sb_catalog_strip (sb_contract_get_supplier_id (contract));
  n->reference = sb_catalog_strip (sb_contract_get_reference (contract));
  n->title = sb_catalog_strip (sb_contract_get_title (contract));
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    n->text[i] = sb_catalog_strip (text_columns[i].get (contract));

  if (n->supplier_id == NULL)
    return sb_catalog_invalid (error, _("The contract needs a supplier: choose the supplier it was made with"));
  if (!read_name (store, "SELECT name, deleted FROM supplier WHERE id = ?", n->supplier_id,
                  &name, &deleted, error))
    return FALSE;
  if (name == NULL)
    return sb_catalog_invalid (error, _("The supplier of the contract does not exist: choose one of the suppliers"));
  if (deleted)
    return sb_catalog_invalid (error, _("The supplier “%s” was deleted: choose another supplier or restore it first"),
                               name);

  if (n->reference == NULL)
    return sb_catalog_invalid (error, _("The contract needs a reference, the number or name both sides know it by: type one"));
  if (!find_reference_holder (store, n->supplier_id, n->reference, id, &holder, error))
    return FALSE;
  if (holder != NULL)
    return sb_catalog_invalid (error, _("The reference %s is already used by the contract “%s” of %s: choose another reference"),
                               n->reference, holder, name);

  if (n->title == NULL)
    return sb_catalog_invalid (error, _("The contract needs a title: type what it covers, such as Web hosting"));

  if (n->text[TEXT_CONTRACT_TYPE] == NULL ||
      !g_strv_contains (contract_types, n->text[TEXT_CONTRACT_TYPE]))
    return sb_catalog_invalid (error, _("The contract type “%s” is unknown: choose support, licence, hosting, lease, warranty, consultancy or other"),
                               n->text[TEXT_CONTRACT_TYPE] ? n->text[TEXT_CONTRACT_TYPE] : "");

  if (!sb_contract_terms_validate (sb_contract_get_terms (contract), error))
    {
      /* The terms' own errors already name the field; only the domain
       * changes, so callers see one kind of error for every rule. */
      if (error != NULL && *error != NULL && (*error)->domain != SB_STORE_ERROR)
        {
          GError *terms_error = *error;

          *error = g_error_new_literal (SB_STORE_ERROR, SB_STORE_ERROR_INVALID, terms_error->message);
          g_error_free (terms_error);
        }
      return FALSE;
    }

  if (amount < -1)
    return sb_catalog_invalid (error, _("The cost cannot be negative: type an amount, or leave it empty for no cost"));
  if (amount >= 0)
    {
      g_autofree char *currency = sb_catalog_strip (sb_contract_get_cost_currency (contract));

      if (currency == NULL)
        return sb_catalog_invalid (error, _("The cost needs a currency: choose one such as EUR"));
      n->cost_currency = g_ascii_strup (currency, -1);
      if (strlen (n->cost_currency) != 3 || !sb_currency_is_valid (n->cost_currency))
        return sb_catalog_invalid (error, _("The cost currency “%s” is not an ISO 4217 code: choose one such as EUR or USD"),
                                   currency);
    }
  if (sb_contract_get_billing_period (contract) > SB_BILLING_ONE_OFF)
    return sb_catalog_invalid (error, _("The billing period is unknown: choose monthly, quarterly, yearly or one-off"));

  if (n->text[TEXT_COST_CATEGORY] == NULL ||
      !g_strv_contains (cost_categories, n->text[TEXT_COST_CATEGORY]))
    return sb_catalog_invalid (error, _("The cost category “%s” is unknown: choose hardware, software, cloud, supplier-services, labour, facilities, training or other"),
                               n->text[TEXT_COST_CATEGORY] ? n->text[TEXT_COST_CATEGORY] : "");

  if (!check_targets (contract, error))
    return FALSE;

  if (n->text[TEXT_CALENDAR_ID] != NULL)
    {
      g_autofree char *calendar = NULL;

      if (!read_name (store, "SELECT name, deleted FROM calendar WHERE id = ?",
                      n->text[TEXT_CALENDAR_ID], &calendar, &deleted, error))
        return FALSE;
      if (calendar == NULL)
        return sb_catalog_invalid (error, _("The calendar of the supplier targets does not exist: choose one of the calendars"));
      if (deleted)
        return sb_catalog_invalid (error, _("The calendar “%s” of the supplier targets was deleted: choose another calendar"),
                                   calendar);
    }

  n->service_ids = unique_ids (sb_contract_get_service_ids (contract));
  for (guint i = 0; i < n->service_ids->len; i++)
    {
      gboolean exists = FALSE;

      if (!sb_catalog_record_exists (store, "service", g_ptr_array_index (n->service_ids, i),
                                     TRUE, &exists, error))
        return FALSE;
      if (!exists)
        return sb_catalog_invalid (error, _("One of the services the contract underpins no longer exists: remove it from the services"));
    }

  return TRUE;
}

/**
 * sb_contracts_validate:
 * @store: a store
 * @contract: the contract
 * @error: return location for a #GError
 *
 * Checks every rule sb_contracts_save() checks, without writing: for a
 * form that validates as the person types.
 *
 * Returns: %TRUE when the contract can be saved; otherwise %FALSE with
 *   %SB_STORE_ERROR_INVALID and a message naming the field and the fix
 */
gboolean
sb_contracts_validate (SbStore     *store,
                       SbContract  *contract,
                       GError     **error)
{
  g_auto(Normalized) n = { 0 };

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_CONTRACT (contract), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_contract (store, contract, &n, error);
}

/* Writing */

static void
set_date (SbChange    *change,
          const char  *column,
          const GDate *date)
{
  if (g_date_valid (date))
    {
      g_autofree char *text = sb_date_format (date);

      sb_change_set_string (change, column, text);
    }
  else
    {
      sb_change_set_null (change, column);
    }
}

/* A target row per priority that has one; a priority whose targets were
 * cleared loses its row (a tombstone). */
static gboolean
save_targets (SbTransaction  *tx,
              SbStore        *store,
              const char     *contract_id,
              SbContract     *contract,
              GError        **error)
{
  char *live[N_PRIORITIES + 1] = { NULL };
  gboolean ok = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT priority, id FROM contract_target "
                           "WHERE contract_id = ? AND deleted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, contract_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int p = sqlite3_column_int (stmt, 0);

      if (p >= 1 && p <= N_PRIORITIES && live[p] == NULL)
        live[p] = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the supplier targets"), error);
      goto out;
    }

  for (guint p = 1; p <= N_PRIORITIES; p++)
    {
      g_autoptr(SbChange) change = NULL;
      guint response = sb_contract_get_response_target (contract, p);
      guint resolution = sb_contract_get_resolution_target (contract, p);

      if (response == 0 && resolution == 0)
        {
          if (live[p] != NULL)
            change = sb_change_delete ("contract_target", live[p]);
        }
      else
        {
          if (live[p] != NULL)
            change = sb_change_update ("contract_target", live[p]);
          else
            {
              change = sb_change_insert ("contract_target");
              sb_change_set_string (change, "contract_id", contract_id);
              sb_change_set_int (change, "priority", p);
            }
          sb_change_set_int (change, "response_minutes", response);
          sb_change_set_int (change, "resolution_minutes", resolution);
        }

      if (change != NULL && !sb_transaction_apply (tx, change, error))
        goto out;
    }

  ok = TRUE;

out:
  for (guint p = 0; p <= N_PRIORITIES; p++)
    g_free (live[p]);

  return ok;
}

/* Makes the live service links of @contract_id exactly @wanted: new ones
 * are inserted, removed ones become tombstones, re-added ones are brought
 * back. A link to a deleted service is left alone: it is hidden with the
 * service and returns with it. */
static gboolean
save_services (SbTransaction  *tx,
               SbStore        *store,
               const char     *contract_id,
               GPtrArray      *wanted,
               GError        **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *service_id;
  const char *row_id;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT l.id, l.service_id, l.deleted, v.deleted FROM contract_service l "
                           "LEFT JOIN service v ON v.id = l.service_id "
                           "WHERE l.contract_id = ? ORDER BY l.deleted, l.updated_at DESC, l.id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, contract_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *other = (const char *)sqlite3_column_text (stmt, 1);

      /* Live rows come first: one row per service is enough. */
      if (g_hash_table_contains (rows, other))
        continue;

      g_hash_table_insert (rows, g_strdup (other), g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      if (sqlite3_column_int (stmt, 2) == 0)
        g_hash_table_add (live, g_strdup (other));
      if (sqlite3_column_int (stmt, 3) != 0)
        g_hash_table_add (hidden, g_strdup (other));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the services of the contract"), error);

  for (guint i = 0; i < wanted->len; i++)
    {
      const char *want = g_ptr_array_index (wanted, i);
      g_autoptr(SbChange) change = NULL;

      row_id = g_hash_table_lookup (rows, want);
      if (row_id == NULL)
        {
          change = sb_change_insert ("contract_service");
          sb_change_set_string (change, "contract_id", contract_id);
          sb_change_set_string (change, "service_id", want);
        }
      else if (!g_hash_table_contains (live, want))
        {
          change = sb_change_undelete ("contract_service", row_id);
        }

      if (change != NULL && !sb_transaction_apply (tx, change, error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, (gpointer *)&service_id, (gpointer *)&row_id))
    {
      g_autoptr(SbChange) change = NULL;

      if (!g_hash_table_contains (live, service_id) || g_hash_table_contains (hidden, service_id))
        continue;
      if (g_ptr_array_find_with_equal_func (wanted, service_id, g_str_equal, NULL))
        continue;

      change = sb_change_delete ("contract_service", row_id);
      if (!sb_transaction_apply (tx, change, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
sb_contracts_save_in (SbTransaction  *tx,
                      SbStore        *store,
                      SbContract     *contract,
                      GError        **error)
{
  g_auto(Normalized) n = { 0 };
  g_autoptr(SbChange) change = NULL;
  g_autofree char *contract_id = NULL;
  const SbContractTerms *terms = sb_contract_get_terms (contract);
  const char *id = sb_contract_get_id (contract);
  gint64 amount = sb_contract_get_cost_amount (contract);
  gboolean exists = FALSE;

  if (!validate_contract (store, contract, &n, error))
    return FALSE;

  if (id != NULL && !sb_catalog_record_exists (store, "contract", id, FALSE, &exists, error))
    return FALSE;

  if (id == NULL)
    change = sb_change_insert ("contract");
  else if (exists)
    change = sb_change_update ("contract", id);
  else
    change = sb_change_insert_with_id ("contract", id);

  /* The store leaves out what does not change, so an update writes (and
   * journals) only the columns that were edited. */
  sb_change_set_string (change, "supplier_id", n.supplier_id);
  sb_change_set_string (change, "reference", n.reference);
  sb_change_set_string (change, "title", n.title);
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    sb_change_set_string (change, text_columns[i].column, n.text[i]);
  set_date (change, "start_date", &terms->start);
  sb_change_set_int (change, "initial_months", terms->initial_months);
  sb_change_set_string (change, "renewal", sb_renewal_to_string (terms->renewal));
  sb_change_set_int (change, "renewal_months", terms->renewal_months);
  sb_change_set_int (change, "notice_amount", terms->notice_amount);
  sb_change_set_string (change, "notice_unit", sb_notice_unit_to_string (terms->notice_unit));
  sb_change_set_int (change, "renewals_agreed", terms->renewals_agreed);
  set_date (change, "notice_given_on", &terms->notice_given);
  set_date (change, "terminated_on", &terms->terminated);
  if (amount >= 0)
    sb_change_set_int (change, "cost_amount", amount);
  else
    sb_change_set_null (change, "cost_amount");
  sb_change_set_string (change, "cost_currency", n.cost_currency);
  sb_change_set_string (change, "billing_period",
                        sb_billing_period_to_string (sb_contract_get_billing_period (contract)));

  if (!sb_transaction_apply (tx, change, error))
    return FALSE;

  contract_id = g_strdup (sb_change_get_id (change));

  if (!save_targets (tx, store, contract_id, contract, error) ||
      !save_services (tx, store, contract_id, n.service_ids, error))
    return FALSE;

  sb_contract_set_id (contract, contract_id);
  sb_contract_set_reference (contract, n.reference);
  sb_contract_set_title (contract, n.title);
  sb_contract_set_cost (contract, amount, n.cost_currency);

  return TRUE;
}

/**
 * sb_contracts_save:
 * @store: a store
 * @contract: the contract; a new one gets its id when saved
 * @error: return location for a #GError
 *
 * Checks the contract (see sb_contracts_validate()) and writes it, its
 * supplier targets and the services it underpins in one transaction
 * through the write path. Only what changed is written; targets cleared
 * and services taken away become tombstones.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID and
 *   nothing written when a rule is broken
 */
gboolean
sb_contracts_save (SbStore     *store,
                   SbContract  *contract,
                   GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autofree char *old_id = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_CONTRACT (contract), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_id = g_strdup (sb_contract_get_id (contract));

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_contracts_save_in (tx, store, contract, error) ||
      !sb_transaction_commit (tx, error))
    {
      /* Nothing was written, so the object keeps its old id. */
      sb_contract_set_id (contract, old_id);
      return FALSE;
    }

  return TRUE;
}

/* Deleting */

/* The contract's row: its reference, supplier, deleted flag and when it
 * last changed. */
static gboolean
read_contract_row (SbStore     *store,
                   const char  *id,
                   char       **out_reference,
                   char       **out_supplier_id,
                   gboolean    *out_deleted,
                   char       **out_updated_at,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_reference = NULL;
  stmt = sb_store_prepare (store,
                           "SELECT reference, supplier_id, deleted, updated_at FROM contract WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_reference = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      *out_supplier_id = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      *out_deleted = sqlite3_column_int (stmt, 2) != 0;
      *out_updated_at = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the contract"), error);
  if (*out_reference == NULL)
    return sb_catalog_invalid (error, _("There is no contract with the id %s"), id);

  return TRUE;
}

/**
 * sb_contracts_delete:
 * @store: a store
 * @id: the contract's id
 * @error: return location for a #GError
 *
 * Deletes a contract (a tombstone) with its supplier targets and service
 * links, in one transaction; sb_contracts_undelete() brings them back.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_contracts_delete (SbStore     *store,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbChange) change = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) links = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  targets = sb_suppliers_read_ids (store, "SELECT id FROM contract_target WHERE contract_id = ?1 AND deleted = 0",
                                   id, NULL, _("Reading the supplier targets"), error);
  if (targets == NULL)
    return FALSE;
  links = sb_suppliers_read_ids (store, "SELECT id FROM contract_service WHERE contract_id = ?1 AND deleted = 0",
                                 id, NULL, _("Reading the services of the contract"), error);
  if (links == NULL)
    return FALSE;

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  /* The contract first: its rows are stamped no earlier than it, which
   * is how sb_contracts_undelete() tells them from rows removed before. */
  change = sb_change_delete ("contract", id);
  if (!sb_transaction_apply (tx, change, error) ||
      !sb_transaction_delete_rows (tx, "contract_target", targets, FALSE, error) ||
      !sb_transaction_delete_rows (tx, "contract_service", links, FALSE, error))
    return FALSE;

  return sb_transaction_commit (tx, error);
}

/**
 * sb_contracts_undelete:
 * @store: a store
 * @id: the id of a deleted contract
 * @error: return location for a #GError
 *
 * Brings a deleted contract back with the targets and service links that
 * were deleted with it, as the undo of a delete. Refused when a live
 * contract of the same supplier took its reference meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_contracts_undelete (SbStore     *store,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbChange) change = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *supplier_id = NULL;
  g_autofree char *deleted_at = NULL;
  g_autofree char *holder = NULL;
  gboolean deleted = FALSE;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_contract_row (store, id, &reference, &supplier_id, &deleted, &deleted_at, error))
    return FALSE;
  if (!deleted)
    return TRUE;

  if (!find_reference_holder (store, supplier_id, reference, id, &holder, error))
    return FALSE;
  if (holder != NULL)
    return sb_catalog_invalid (error, _("The contract %s cannot be restored: “%s” uses that reference now; change one of the references first"),
                               reference, holder);

  /* Per priority and per service the latest row tombstoned with the
   * contract, unless a live one exists. */
  targets = sb_suppliers_read_ids (store,
                                   "SELECT t.id FROM contract_target t "
                                   "WHERE t.contract_id = ?1 AND t.deleted = 1 AND t.updated_at >= ?2 "
                                   "AND NOT EXISTS (SELECT 1 FROM contract_target o WHERE o.contract_id = t.contract_id "
                                   "  AND o.priority = t.priority AND (o.deleted = 0 OR o.updated_at > t.updated_at "
                                   "  OR (o.updated_at = t.updated_at AND o.id > t.id)))",
                                   id, deleted_at, _("Reading the supplier targets"), error);
  if (targets == NULL)
    return FALSE;
  links = sb_suppliers_read_ids (store,
                                 "SELECT l.id FROM contract_service l "
                                 "WHERE l.contract_id = ?1 AND l.deleted = 1 AND l.updated_at >= ?2 "
                                 "AND NOT EXISTS (SELECT 1 FROM contract_service o WHERE o.contract_id = l.contract_id "
                                 "  AND o.service_id = l.service_id AND (o.deleted = 0 OR o.updated_at > l.updated_at "
                                 "  OR (o.updated_at = l.updated_at AND o.id > l.id)))",
                                 id, deleted_at, _("Reading the services of the contract"), error);
  if (links == NULL)
    return FALSE;

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  change = sb_change_undelete ("contract", id);
  if (!sb_transaction_apply (tx, change, error) ||
      !sb_transaction_delete_rows (tx, "contract_target", targets, TRUE, error) ||
      !sb_transaction_delete_rows (tx, "contract_service", links, TRUE, error))
    return FALSE;

  return sb_transaction_commit (tx, error);
}

/* Settings */

/**
 * sb_contracts_get_warning_days:
 * @store: a store
 *
 * Returns: the warning window for notice deadlines and expiry in days:
 *   the book's setting, or %SB_CONTRACT_DEFAULT_WARNING_DAYS when it is
 *   unset or out of range
 */
int
sb_contracts_get_warning_days (SbStore *store)
{
  g_autofree char *text = NULL;
  gint64 days;
  char *end = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), SB_CONTRACT_DEFAULT_WARNING_DAYS);

  text = sb_store_get_setting (store, WARNING_DAYS_KEY);
  if (text == NULL)
    return SB_CONTRACT_DEFAULT_WARNING_DAYS;

  days = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || days < 1 || days > 365)
    return SB_CONTRACT_DEFAULT_WARNING_DAYS;

  return (int)days;
}

/**
 * sb_contracts_set_warning_days:
 * @store: a store
 * @days: 1 … 365
 * @error: return location for a #GError
 *
 * Sets the warning window of the book.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID when
 *   @days is out of range
 */
gboolean
sb_contracts_set_warning_days (SbStore  *store,
                               int       days,
                               GError  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (days < 1 || days > 365)
    return sb_catalog_invalid (error, _("The warning window of %d days is out of range: type from 1 to 365 days"),
                               days);

  text = g_strdup_printf ("%d", days);

  return sb_store_set_setting (store, WARNING_DAYS_KEY, text, error);
}

/**
 * sb_contracts_get_today:
 * @store: a store
 * @out_day: (out caller-allocates): today
 *
 * Today in the user's local time zone, by the store's clock (which tests
 * may stop).
 */
void
sb_contracts_get_today (SbStore *store,
                        GDate   *out_day)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  gint64 now_ms;

  g_return_if_fail (SB_IS_STORE (store));
  g_return_if_fail (out_day != NULL);

  now_ms = sb_store_now_ms (store);
  utc = g_date_time_new_from_unix_utc (now_ms / 1000);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  g_date_clear (out_day, 1);
  if (local != NULL)
    g_date_set_dmy (out_day, g_date_time_get_day_of_month (local),
                    g_date_time_get_month (local), g_date_time_get_year (local));
}

/* Labels */

static const char * const type_labels[] = {
  NC_("contract type", "Support and maintenance"),
  NC_("contract type", "Licence or subscription"),
  NC_("contract type", "Hosting or cloud"),
  NC_("contract type", "Lease"),
  NC_("contract type", "Warranty"),
  NC_("contract type", "Consultancy"),
  NC_("contract type", "Other"),
};

static const char * const category_labels[] = {
  NC_("cost category", "Hardware"),
  NC_("cost category", "Software"),
  NC_("cost category", "Cloud"),
  NC_("cost category", "Supplier services"),
  NC_("cost category", "Labour"),
  NC_("cost category", "Facilities"),
  NC_("cost category", "Training"),
  NC_("cost category", "Other"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (type_labels) == G_N_ELEMENTS (contract_types) - 1);
G_STATIC_ASSERT (G_N_ELEMENTS (category_labels) == G_N_ELEMENTS (cost_categories) - 1);

/* The translated label of @value, one of @values, in @context; NULL for
 * an unknown value. */
static const char *
label_of (const char * const *values,
          const char * const *labels,
          const char         *context,
          const char         *value)
{
  for (guint i = 0; value != NULL && values[i] != NULL; i++)
    {
      if (g_str_equal (value, values[i]))
        return g_dpgettext2 (GETTEXT_PACKAGE, context, labels[i]);
    }

  return NULL;
}

/**
 * sb_contract_types:
 *
 * Returns: (transfer none) (array zero-terminated=1): the contract types
 *   the schema allows, in the order to offer them
 */
const char * const *
sb_contract_types (void)
{
  return contract_types;
}

/**
 * sb_contract_type_get_label:
 * @type: a contract type
 *
 * Returns: (transfer none) (nullable): its translated label, %NULL for an
 *   unknown type
 */
const char *
sb_contract_type_get_label (const char *type)
{
  return label_of (contract_types, type_labels, "contract type", type);
}

/**
 * sb_cost_categories:
 *
 * Returns: (transfer none) (array zero-terminated=1): the cost categories
 *   the schema allows
 */
const char * const *
sb_cost_categories (void)
{
  return cost_categories;
}

/**
 * sb_cost_category_get_label:
 * @category: a cost category
 *
 * Returns: (transfer none) (nullable): its translated label, %NULL for an
 *   unknown category
 */
const char *
sb_cost_category_get_label (const char *category)
{
  return label_of (cost_categories, category_labels, "cost category", category);
}

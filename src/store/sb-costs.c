/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-contracts.h"
#include "sb-costs-private.h"
#include "sb-money.h"
#include "sb-time.h"

/*
 * The cost register (DOMAIN.md, Budgets and costs): reading, checking and
 * writing cost entries, deleting and restoring them, and the rate last
 * used per currency. An entry's base_amount is converted once, when it is
 * saved, with the rate stored beside it, so totals never move when rates
 * do. Committed costs from the contracts' billing schedules and labour
 * from incident time are in sb-costs-committed.c.
 */

#define BASE_RATE G_GINT64_CONSTANT (1000000)

/* Reading */

#define COST_SELECT                                                             \
  "SELECT e.id, e.date, e.amount, e.currency, e.rate_micro, e.base_amount, "    \
  "       e.category, e.supplier_id, e.contract_id, e.service_id, "            \
  "       e.invoice_ref, e.description, e.source, e.billing_date, "             \
  "       s.name, v.code, c.reference "                                         \
  "  FROM cost_entry e "                                                        \
  "  LEFT JOIN supplier s ON s.id = e.supplier_id "                             \
  "  LEFT JOIN service v ON v.id = e.service_id "                               \
  "  LEFT JOIN contract c ON c.id = e.contract_id "                             \
  " WHERE e.deleted = 0 "

static SbCostEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  SbCostEntry *entry = g_object_new (SB_TYPE_COST_ENTRY, NULL);

#define COL(i) ((const char *) sqlite3_column_text (stmt, (i)))
  sb_cost_entry_set_id (entry, COL (0));
  sb_cost_entry_set_date (entry, COL (1));
  sb_cost_entry_set_amount (entry, sqlite3_column_int64 (stmt, 2), COL (3));
  sb_cost_entry_set_rate_micro (entry, sqlite3_column_int64 (stmt, 4));
  sb_cost_entry_set_base_amount (entry, sqlite3_column_int64 (stmt, 5));
  sb_cost_entry_set_category (entry, COL (6));
  sb_cost_entry_set_supplier_id (entry, COL (7));
  sb_cost_entry_set_contract_id (entry, COL (8));
  sb_cost_entry_set_service_id (entry, COL (9));
  sb_cost_entry_set_invoice_ref (entry, COL (10));
  sb_cost_entry_set_description (entry, COL (11));
  sb_cost_entry_set_source (entry, COL (12), COL (13));
  sb_cost_entry_set_names (entry, COL (14), COL (15), COL (16));
#undef COL

  return entry;
}

/**
 * sb_cost_filter_init:
 * @filter: a filter to initialise
 *
 * Clears every field of @filter: no dates, no category, supplier,
 * contract, service or search.
 */
void
sb_cost_filter_init (SbCostFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  g_date_clear (&filter->from, 1);
  g_date_clear (&filter->to, 1);
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  if (date != NULL && g_date_valid (date))
    sqlite3_bind_text (stmt, index, sb_date_format (date), -1, g_free);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* "%text%" with LIKE's wildcards and the escape character escaped. */
static char *
like_pattern (const char *search)
{
  g_autofree char *stripped = sb_catalog_strip (search);
  GString *pattern;

  if (stripped == NULL)
    return NULL;

  pattern = g_string_new ("%");
  for (const char *p = stripped; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/**
 * sb_costs_list:
 * @store: a store
 * @filter: (nullable): what to list; %NULL for every live entry
 * @error: return location for a #GError
 *
 * Lists the live cost entries that match every field set in @filter:
 * dated from @filter->from to @filter->to (inclusive), of its category,
 * supplier, contract and service, and containing the search text
 * (case-insensitive for ASCII) in the description, the invoice
 * reference, the supplier's name, the service's code or name, or the
 * contract's reference or title. Newest date first, then the latest
 * entered. Each entry has the supplier's name, service code and contract
 * reference filled in.
 *
 * Returns: (transfer full) (nullable): a list model of #SbCostEntry
 */
GListModel *
sb_costs_list (SbStore             *store,
               const SbCostFilter  *filter,
               GError             **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autofree char *pattern = NULL;
  SbCostFilter none;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    {
      sb_cost_filter_init (&none);
      filter = &none;
    }

  stmt = sb_store_prepare (store,
                           COST_SELECT
                           "   AND (?1 IS NULL OR e.date >= ?1) "
                           "   AND (?2 IS NULL OR e.date <= ?2) "
                           "   AND (?3 IS NULL OR e.category = ?3) "
                           "   AND (?4 IS NULL OR e.supplier_id = ?4) "
                           "   AND (?5 IS NULL OR e.contract_id = ?5) "
                           "   AND (?6 IS NULL OR e.service_id = ?6) "
                           "   AND (?7 IS NULL "
                           "        OR e.description LIKE ?7 ESCAPE '\\' "
                           "        OR e.invoice_ref LIKE ?7 ESCAPE '\\' "
                           "        OR s.name LIKE ?7 ESCAPE '\\' "
                           "        OR v.code LIKE ?7 ESCAPE '\\' "
                           "        OR v.name LIKE ?7 ESCAPE '\\' "
                           "        OR c.reference LIKE ?7 ESCAPE '\\' "
                           "        OR c.title LIKE ?7 ESCAPE '\\') "
                           " ORDER BY e.date DESC, e.created_at DESC, e.rowid DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  pattern = filter->search != NULL ? like_pattern (filter->search) : NULL;

  bind_date (stmt, 1, &filter->from);
  bind_date (stmt, 2, &filter->to);
  bind_text_or_null (stmt, 3, filter->category);
  bind_text_or_null (stmt, 4, filter->supplier_id);
  bind_text_or_null (stmt, 5, filter->contract_id);
  bind_text_or_null (stmt, 6, filter->service_id);
  bind_text_or_null (stmt, 7, pattern);

  list = g_list_store_new (SB_TYPE_COST_ENTRY);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SbCostEntry) entry = entry_from_row (stmt);

      g_list_store_append (list, entry);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the costs"), error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * sb_costs_get:
 * @store: a store
 * @id: the entry's id
 * @error: return location for a #GError
 *
 * Reads one live cost entry with the names of what it is linked to.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with
 *   %SB_STORE_ERROR_INVALID when there is no live entry @id
 */
SbCostEntry *
sb_costs_get (SbStore     *store,
              const char  *id,
              GError     **error)
{
  g_autoptr(SbCostEntry) entry = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = sb_store_prepare (store, COST_SELECT "AND e.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the cost"), error);
      return NULL;
    }
  if (entry == NULL)
    sb_catalog_invalid (error, _("There is no cost with the id %s; it may have been deleted"), id);

  return g_steal_pointer (&entry);
}

/**
 * sb_costs_get_last_rate:
 * @store: a store
 * @currency: an ISO 4217 code
 *
 * The exchange rate of the live cost entry in @currency with the latest
 * date (the latest entered among those of that day): what a new entry in
 * that currency proposes, and what committed costs are converted with.
 * The base currency's rate is always 1,000,000.
 *
 * Returns: units of the base currency per unit of @currency × 1,000,000,
 *   or 0 when no entry in @currency exists (or it cannot be read)
 */
gint64
sb_costs_get_last_rate (SbStore    *store,
                        const char *currency)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 rate = 0;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), 0);
  g_return_val_if_fail (currency != NULL, 0);

  if (g_ascii_strcasecmp (currency, sb_store_get_base_currency (store)) == 0)
    return BASE_RATE;

  stmt = sb_store_prepare (store,
                           "SELECT rate_micro FROM cost_entry "
                           " WHERE deleted = 0 AND currency = ? "
                           " ORDER BY date DESC, created_at DESC, rowid DESC LIMIT 1",
                           &error);
  if (stmt == NULL)
    {
      g_warning ("Reading the last rate of %s: %s", currency, error->message);
      return 0;
    }

  sqlite3_bind_text (stmt, 1, g_ascii_strup (currency, -1), -1, g_free);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rate = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the last exchange rate"), &error);
      g_warning ("%s", error->message);
      return 0;
    }

  return rate;
}

/* Checking */

/* What an entry links to, as read while checking it. */
typedef struct
{
  char *supplier_name;
  char *service_code;
  char *contract_reference;
} Names;

static void
names_clear (Names *n)
{
  g_free (n->supplier_name);
  g_free (n->service_code);
  g_free (n->contract_reference);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Names, names_clear)

static gboolean
check_exists (SbStore     *store,
              const char  *table,
              const char  *id,
              const char  *message,
              GError     **error)
{
  gboolean exists = FALSE;

  if (id == NULL)
    return TRUE;
  if (!sb_catalog_record_exists (store, table, id, TRUE, &exists, error))
    return FALSE;
  if (!exists)
    return sb_catalog_invalid (error, "%s", message);

  return TRUE;
}

/* The contract's supplier (id and name) and reference. */
static gboolean
read_contract_owner (SbStore     *store,
                     const char  *contract_id,
                     char       **out_supplier_id,
                     char       **out_supplier_name,
                     char       **out_reference,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT c.supplier_id, s.name, c.reference FROM contract c "
                           "  JOIN supplier s ON s.id = c.supplier_id "
                           " WHERE c.id = ? AND c.deleted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, contract_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *out_supplier_id = rc == SQLITE_ROW ? sb_catalog_column_text (stmt, 0) : NULL;
  *out_supplier_name = rc == SQLITE_ROW ? sb_catalog_column_text (stmt, 1) : NULL;
  *out_reference = rc == SQLITE_ROW ? sb_catalog_column_text (stmt, 2) : NULL;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Checking the contract of the cost"), error);
  if (rc == SQLITE_DONE)
    return sb_catalog_invalid (error, _("The contract of the cost no longer exists: it may have been deleted; choose another contract or none"));

  return TRUE;
}

static gboolean
read_names (SbStore     *store,
            const char  *supplier_id,
            const char  *service_id,
            Names       *n,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT (SELECT name FROM supplier WHERE id = ?1), "
                           "       (SELECT code FROM service WHERE id = ?2)",
                           error);
  if (stmt == NULL)
    return FALSE;

  bind_text_or_null (stmt, 1, supplier_id);
  bind_text_or_null (stmt, 2, service_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_free (n->supplier_name);
      n->supplier_name = sb_catalog_column_text (stmt, 0);
      n->service_code = sb_catalog_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW)
    return sb_catalog_step_error (store, rc, _("Reading the cost"), error);

  return TRUE;
}

/* Checks @entry and fills in what the store derives (currency, rate,
 * supplier from the contract, base amount, names). */
static gboolean
validate_entry (SbStore      *store,
                SbCostEntry  *entry,
                Names        *n,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *base = sb_store_get_base_currency (store);
  const char *date = sb_cost_entry_get_date (entry);
  const char *currency = sb_cost_entry_get_currency (entry);
  const char *category = sb_cost_entry_get_category (entry);
  const char *supplier_id = sb_cost_entry_get_supplier_id (entry);
  const char *contract_id = sb_cost_entry_get_contract_id (entry);
  gint64 amount = sb_cost_entry_get_amount (entry);
  gint64 rate = sb_cost_entry_get_rate_micro (entry);
  gint64 base_amount = 0;
  g_autofree char *upper = NULL;

  if (date == NULL)
    return sb_catalog_invalid (error, _("The cost needs a date: write it as YYYY-MM-DD, for example 2026-03-31"));
  if (!sb_date_parse (date, NULL, NULL))
    return sb_catalog_invalid (error, _("The date “%s” is not a day of the calendar: write it as YYYY-MM-DD, for example 2026-03-31"),
                               date);

  if (amount == 0)
    return sb_catalog_invalid (error, _("The amount cannot be zero: enter what was paid, or a negative amount for a credit note"));

  if (currency == NULL)
    currency = base;
  upper = g_ascii_strup (currency, -1);
  if (!sb_currency_is_valid (upper))
    return sb_catalog_invalid (error, _("The currency “%s” is not a known ISO 4217 code such as EUR or USD"),
                               currency);

  if (g_strcmp0 (upper, base) == 0)
    {
      if (rate != 0 && rate != BASE_RATE)
        return sb_catalog_invalid (error, _("The exchange rate of %s, the book’s base currency, must be 1"),
                                   base);
      rate = BASE_RATE;
    }
  else if (rate <= 0)
    {
      return sb_catalog_invalid (error, _("The exchange rate is missing: enter how many %s one %s was worth"),
                                 base, upper);
    }

  if (category == NULL || !g_strv_contains (sb_cost_categories (), category))
    return sb_catalog_invalid (error, _("The category “%s” is not one of the cost categories"),
                               category != NULL ? category : "");

  if (contract_id != NULL)
    {
      g_autofree char *owner = NULL;

      if (!read_contract_owner (store, contract_id, &owner, &n->supplier_name,
                                &n->contract_reference, error))
        return FALSE;
      if (supplier_id == NULL)
        supplier_id = owner;
      else if (g_strcmp0 (supplier_id, owner) != 0)
        return sb_catalog_invalid (error, _("The contract “%s” is with %s, not with the supplier of the cost: choose another contract or supplier"),
                                   n->contract_reference, n->supplier_name);
      sb_cost_entry_set_supplier_id (entry, owner);
      supplier_id = sb_cost_entry_get_supplier_id (entry);
    }

  if (!check_exists (store, "supplier", supplier_id,
                     _("The supplier of the cost no longer exists: it may have been deleted; choose another supplier or none"),
                     error) ||
      !check_exists (store, "service", sb_cost_entry_get_service_id (entry),
                     _("The service of the cost no longer exists: it may have been deleted; choose another service or none"),
                     error))
    return FALSE;

  if (!sb_money_convert (amount, upper, rate, base, &base_amount, &local_error))
    return sb_catalog_invalid (error, _("The amount cannot be converted to %s: %s"),
                               base, local_error->message);

  if (!read_names (store, supplier_id, sb_cost_entry_get_service_id (entry), n, error))
    return FALSE;

  sb_cost_entry_set_amount (entry, amount, upper);
  sb_cost_entry_set_rate_micro (entry, rate);
  sb_cost_entry_set_base_amount (entry, base_amount);
  sb_cost_entry_set_names (entry, n->supplier_name, n->service_code, n->contract_reference);

  return TRUE;
}

/**
 * sb_costs_validate:
 * @store: a store
 * @entry: a cost entry
 * @error: return location for a #GError
 *
 * Checks @entry as sb_costs_save() would: a real date, an amount other
 * than zero, a known currency, a rate of exactly 1 (or unset) for the
 * base currency and a positive one otherwise, a known category, a live
 * supplier, contract and service, and a contract with the supplier. Fills
 * in what the store derives: the base currency when none was set, the
 * supplier of the contract when none was set, the base amount and the
 * names of the links.
 *
 * Returns: %TRUE when @entry can be saved; otherwise %FALSE with
 *   %SB_STORE_ERROR_INVALID and a message naming the field
 */
gboolean
sb_costs_validate (SbStore      *store,
                   SbCostEntry  *entry,
                   GError      **error)
{
  g_auto(Names) n = { 0 };

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_COST_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_entry (store, entry, &n, error);
}

/* Writing */

/* Whether entry @id exists: 0 no, 1 live, 2 deleted. */
static gboolean
entry_state (SbStore     *store,
             const char  *id,
             int         *out_state,
             GError     **error)
{
  gboolean exists = FALSE;
  gboolean live = FALSE;

  if (!sb_catalog_record_exists (store, "cost_entry", id, FALSE, &exists, error) ||
      !sb_catalog_record_exists (store, "cost_entry", id, TRUE, &live, error))
    return FALSE;

  *out_state = !exists ? 0 : live ? 1 : 2;

  return TRUE;
}

static void
set_text_or_null (SbChange   *change,
                  const char *column,
                  const char *value)
{
  if (value != NULL)
    sb_change_set_string (change, column, value);
  else
    sb_change_set_null (change, column);
}

gboolean
sb_costs_save_in (SbTransaction  *tx,
                  SbStore        *store,
                  SbCostEntry    *entry,
                  const char     *source,
                  const char     *import_batch,
                  GError        **error)
{
  g_auto(Names) n = { 0 };
  g_autoptr(SbChange) change = NULL;
  g_autofree char *description = NULL;
  g_autofree char *invoice_ref = NULL;
  const char *id = sb_cost_entry_get_id (entry);
  int state = 0;

  g_return_val_if_fail (tx != NULL, FALSE);
  g_return_val_if_fail (SB_IS_COST_ENTRY (entry), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (!validate_entry (store, entry, &n, error))
    return FALSE;

  if (id != NULL && !entry_state (store, id, &state, error))
    return FALSE;
  if (state == 2)
    return sb_catalog_invalid (error, _("The cost was deleted meanwhile: restore it first, or save it as a new cost"));

  if (id == NULL)
    change = sb_change_insert ("cost_entry");
  else if (state == 1)
    change = sb_change_update ("cost_entry", id);
  else
    change = sb_change_insert_with_id ("cost_entry", id);

  if (state != 1)
    {
      sb_change_set_string (change, "source", source);
      if (sb_cost_entry_get_billing_date (entry) != NULL && g_strcmp0 (source, "contract") == 0)
        sb_change_set_string (change, "billing_date", sb_cost_entry_get_billing_date (entry));
      if (import_batch != NULL)
        sb_change_set_string (change, "import_batch", import_batch);
    }

  description = sb_catalog_strip (sb_cost_entry_get_description (entry));
  invoice_ref = sb_catalog_strip (sb_cost_entry_get_invoice_ref (entry));

  sb_change_set_string (change, "date", sb_cost_entry_get_date (entry));
  sb_change_set_int (change, "amount", sb_cost_entry_get_amount (entry));
  sb_change_set_string (change, "currency", sb_cost_entry_get_currency (entry));
  sb_change_set_int (change, "rate_micro", sb_cost_entry_get_rate_micro (entry));
  sb_change_set_int (change, "base_amount", sb_cost_entry_get_base_amount (entry));
  sb_change_set_string (change, "category", sb_cost_entry_get_category (entry));
  set_text_or_null (change, "supplier_id", sb_cost_entry_get_supplier_id (entry));
  set_text_or_null (change, "contract_id", sb_cost_entry_get_contract_id (entry));
  set_text_or_null (change, "service_id", sb_cost_entry_get_service_id (entry));
  set_text_or_null (change, "invoice_ref", invoice_ref);
  set_text_or_null (change, "description", description);

  if (!sb_transaction_apply (tx, change, error))
    return FALSE;

  sb_cost_entry_set_id (entry, sb_change_get_id (change));
  sb_cost_entry_set_description (entry, description);
  sb_cost_entry_set_invoice_ref (entry, invoice_ref);
  if (state != 1)
    sb_cost_entry_set_source (entry, source,
                              g_strcmp0 (source, "contract") == 0 ? sb_cost_entry_get_billing_date (entry) : NULL);

  return TRUE;
}

/* Copies every field of @from into @to (notifying what changed). */
static void
assign_entry (SbCostEntry *to,
              SbCostEntry *from)
{
  g_object_freeze_notify (G_OBJECT (to));
  sb_cost_entry_set_id (to, sb_cost_entry_get_id (from));
  sb_cost_entry_set_date (to, sb_cost_entry_get_date (from));
  sb_cost_entry_set_amount (to, sb_cost_entry_get_amount (from), sb_cost_entry_get_currency (from));
  sb_cost_entry_set_rate_micro (to, sb_cost_entry_get_rate_micro (from));
  sb_cost_entry_set_base_amount (to, sb_cost_entry_get_base_amount (from));
  sb_cost_entry_set_category (to, sb_cost_entry_get_category (from));
  sb_cost_entry_set_supplier_id (to, sb_cost_entry_get_supplier_id (from));
  sb_cost_entry_set_contract_id (to, sb_cost_entry_get_contract_id (from));
  sb_cost_entry_set_service_id (to, sb_cost_entry_get_service_id (from));
  sb_cost_entry_set_invoice_ref (to, sb_cost_entry_get_invoice_ref (from));
  sb_cost_entry_set_description (to, sb_cost_entry_get_description (from));
  sb_cost_entry_set_source (to, sb_cost_entry_get_source (from), sb_cost_entry_get_billing_date (from));
  sb_cost_entry_set_names (to, sb_cost_entry_get_supplier_name (from),
                           sb_cost_entry_get_service_code (from),
                           sb_cost_entry_get_contract_reference (from));
  g_object_thaw_notify (G_OBJECT (to));
}

/**
 * sb_costs_save:
 * @store: a store
 * @entry: the entry; a new one gets its id when saved
 * @error: return location for a #GError
 *
 * Checks the entry (see sb_costs_validate()) and writes it through the
 * write path. A new entry is a manual one; an existing entry keeps its
 * source (a confirmed contract charge stays one). On success @entry holds
 * what was stored, the base amount and the supplier taken from the
 * contract included; on failure it is left as it was.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID and
 *   nothing written when a rule is broken
 */
gboolean
sb_costs_save (SbStore      *store,
               SbCostEntry  *entry,
               GError      **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbCostEntry) work = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_COST_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  work = sb_cost_entry_copy (entry);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_costs_save_in (tx, store, work, "manual", NULL, error) ||
      !sb_transaction_commit (tx, error))
    return FALSE;

  assign_entry (entry, work);

  return TRUE;
}

/* Deleting */

/**
 * sb_costs_delete:
 * @store: a store
 * @id: the entry's id
 * @error: return location for a #GError
 *
 * Deletes a cost entry (a tombstone). A deleted contract charge becomes
 * committed again. Deleting a deleted entry does nothing.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID when
 *   there is no entry @id
 */
gboolean
sb_costs_delete (SbStore     *store,
                 const char  *id,
                 GError     **error)
{
  g_autoptr(SbChange) change = NULL;
  int state = 0;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!entry_state (store, id, &state, error))
    return FALSE;
  if (state == 0)
    return sb_catalog_invalid (error, _("There is no cost with the id %s"), id);
  if (state == 2)
    return TRUE;

  change = sb_change_delete ("cost_entry", id);

  return sb_store_apply (store, change, error);
}

/* The contract and billing date of a deleted contract charge, when its
 * charge has been confirmed again meanwhile. */
static gboolean
confirmed_again (SbStore     *store,
                 const char  *id,
                 char       **out_billing_date,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT e.billing_date FROM cost_entry e "
                           "  JOIN cost_entry o ON o.contract_id = e.contract_id "
                           "   AND o.billing_date = e.billing_date "
                           "   AND o.source = 'contract' AND o.deleted = 0 AND o.id <> e.id "
                           " WHERE e.id = ? AND e.source = 'contract'",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *out_billing_date = rc == SQLITE_ROW ? sb_catalog_column_text (stmt, 0) : NULL;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the cost"), error);

  return TRUE;
}

/**
 * sb_costs_undelete:
 * @store: a store
 * @id: the id of a deleted entry
 * @error: return location for a #GError
 *
 * Brings a deleted cost entry back, as the undo of a delete. Refused for
 * a contract charge that has been confirmed again meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_costs_undelete (SbStore     *store,
                   const char  *id,
                   GError     **error)
{
  g_autoptr(SbChange) change = NULL;
  g_autofree char *billing_date = NULL;
  int state = 0;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!entry_state (store, id, &state, error))
    return FALSE;
  if (state == 0)
    return sb_catalog_invalid (error, _("There is no cost with the id %s"), id);
  if (state == 1)
    return TRUE;

  if (!confirmed_again (store, id, &billing_date, error))
    return FALSE;
  if (billing_date != NULL)
    return sb_catalog_invalid (error, _("The cost cannot be restored: the contract’s charge of %s has been confirmed again meanwhile"),
                               billing_date);

  change = sb_change_undelete ("cost_entry", id);

  return sb_store_apply (store, change, error);
}

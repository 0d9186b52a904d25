/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-budgets-private.h"
#include "sb-catalog-private.h"
#include "sb-suppliers-private.h"
#include "sb-time.h"

/*
 * The life of a budget: a draft is approved (with the day), an approved
 * budget is revised into a new draft and approving that draft supersedes
 * it, kept for history; closing ends it. Only drafts are deleted. Also
 * the book's budget settings and the labels of the statuses.
 */

#define FISCAL_START_KEY "fiscal-year-start-month"
#define HOURLY_RATE_KEY "labour-hourly-rate"

static const char * const statuses[] = { "draft", "approved", "superseded", "closed", NULL };

/* Sets the status of budget @id, and its approval day when @day is set. */
static gboolean
set_status (SbTransaction  *tx,
            const char     *id,
            const char     *status,
            const char     *day,
            GError        **error)
{
  g_autoptr(SbChange) change = sb_change_update ("budget", id);

  sb_change_set_string (change, "status", status);
  if (day != NULL)
    sb_change_set_string (change, "approved_on", day);

  return sb_transaction_apply (tx, change, error);
}

/**
 * sb_budgets_approve_in:
 * @tx: an open transaction
 * @store: its store
 * @id: a draft's id
 * @on: the day it was approved
 * @error: return location for a #GError
 *
 * sb_budgets_approve() inside a transaction that is already open.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_budgets_approve_in (SbTransaction  *tx,
                       SbStore        *store,
                       const char     *id,
                       const GDate    *on,
                       GError        **error)
{
  g_auto(SbBudgetRow) row = { 0 };
  g_autoptr(SbBudget) budget = NULL;
  g_autofree char *day = NULL;

  if (on == NULL || !g_date_valid (on))
    return sb_catalog_invalid (error, _("The approval needs the day the budget was approved: choose a date"));

  if (!sb_budgets_read_live_row (store, id, &row, error))
    return FALSE;
  if (g_strcmp0 (row.status, "draft") != 0)
    return sb_catalog_invalid (error, _("The budget “%s” (revision %u) is already approved; only a draft can be approved"),
                               row.name, row.revision);

  /* What was right when the draft was saved may not be now (the base
   * currency, a deleted service). */
  budget = sb_budgets_get (store, id, error);
  if (budget == NULL || !sb_budgets_validate (store, budget, error))
    return FALSE;

  if (row.revision_of != NULL)
    {
      g_auto(SbBudgetRow) earlier = { 0 };

      if (!sb_budgets_read_row (store, row.revision_of, &earlier, error))
        return FALSE;
      if (g_strcmp0 (earlier.status, "superseded") == 0)
        return sb_catalog_invalid (error, _("The draft revises revision %u of “%s”, which a later revision replaced: revise the current revision instead"),
                                   earlier.revision, earlier.name);
      /* Closed after the draft was made: as for revising a closed
       * budget, its period's figures are final. */
      if (g_strcmp0 (earlier.status, "closed") == 0)
        return sb_catalog_invalid (error, _("The draft revises “%s”, which was closed since: its period’s figures are final, so the draft cannot be approved; delete it"),
                                   earlier.name);
      if (g_strcmp0 (earlier.status, "approved") == 0 &&
          !set_status (tx, row.revision_of, "superseded", NULL, error))
        return FALSE;
    }

  day = sb_date_format (on);

  return set_status (tx, id, "approved", day, error);
}

/**
 * sb_budgets_approve:
 * @store: a store
 * @id: a draft's id
 * @on: the day it was approved
 * @error: return location for a #GError
 *
 * Approves a draft: from then on it cannot change. When the draft
 * revises an approved budget, that one becomes superseded in the same
 * transaction and stays for history. The draft is checked again first.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID when
 *   the budget is not a draft or breaks a rule
 */
gboolean
sb_budgets_approve (SbStore      *store,
                    const char   *id,
                    const GDate  *on,
                    GError      **error)
{
  g_autoptr(SbTransaction) tx = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  return sb_budgets_approve_in (tx, store, id, on, error) &&
         sb_transaction_commit (tx, error);
}

/**
 * sb_budgets_revise:
 * @store: a store
 * @id: an approved budget's id
 * @out_new_id: (out) (optional): the new draft's id
 * @error: return location for a #GError
 *
 * Makes a new draft of an approved budget: the same fields, lines and
 * plan, one revision more, pointing at the approved one, which stays
 * approved until the draft is approved. Refused when a draft revision of
 * it exists already.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_budgets_revise (SbStore      *store,
                   const char   *id,
                   char        **out_new_id,
                   GError      **error)
{
  g_auto(SbBudgetRow) row = { 0 };
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbBudget) approved = NULL;
  g_autoptr(SbBudget) draft = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  GPtrArray *lines;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sb_budgets_read_live_row (store, id, &row, error))
    return FALSE;
  if (g_strcmp0 (row.status, "draft") == 0)
    return sb_catalog_invalid (error, _("The budget “%s” is a draft: change it directly, only an approved budget is revised"),
                               row.name);
  if (g_strcmp0 (row.status, "superseded") == 0)
    return sb_catalog_invalid (error, _("Revision %u of “%s” was replaced by a later revision: revise the current revision"),
                               row.revision, row.name);
  if (g_strcmp0 (row.status, "closed") == 0)
    return sb_catalog_invalid (error, _("The budget “%s” is closed: its period’s figures are final and it cannot be revised"),
                               row.name);

  drafts = sb_suppliers_read_ids (store,
                                  "SELECT revision FROM budget "
                                  "WHERE revision_of = ?1 AND deleted = 0 AND status = 'draft' "
                                  "ORDER BY revision DESC",
                                  id, NULL, _("Reading the revisions of the budget"), error);
  if (drafts == NULL)
    return FALSE;
  if (drafts->len > 0)
    return sb_catalog_invalid (error, _("The budget “%s” already has a draft revision, revision %s: change that draft or delete it first"),
                               row.name, (const char *)g_ptr_array_index (drafts, 0));

  approved = sb_budgets_get (store, id, error);
  if (approved == NULL)
    return FALSE;

  draft = sb_budget_new (sb_budget_get_name (approved), sb_budget_get_start (approved),
                         sb_budget_get_currency (approved));
  sb_budget_set_n_months (draft, sb_budget_get_n_months (approved));
  sb_budget_set_notes (draft, sb_budget_get_notes (approved));
  sb_budget_set_revision (draft, row.revision + 1, id);
  lines = sb_budget_get_lines (approved);
  for (guint i = 0; i < lines->len; i++)
    {
      g_autoptr(SbBudgetLine) line = sb_budget_line_copy (g_ptr_array_index (lines, i));

      sb_budget_line_set_id (line, NULL);
      sb_budget_add_line (draft, line);
    }

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  if (!sb_budgets_save_in (tx, store, draft, error) ||
      !sb_transaction_commit (tx, error))
    return FALSE;

  if (out_new_id != NULL)
    *out_new_id = g_strdup (sb_budget_get_id (draft));

  return TRUE;
}

/**
 * sb_budgets_close_in:
 * @tx: an open transaction
 * @store: its store
 * @id: an approved budget's id
 * @error: return location for a #GError
 *
 * sb_budgets_close() inside a transaction that is already open.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_budgets_close_in (SbTransaction  *tx,
                     SbStore        *store,
                     const char     *id,
                     GError        **error)
{
  g_auto(SbBudgetRow) row = { 0 };

  if (!sb_budgets_read_live_row (store, id, &row, error))
    return FALSE;
  if (g_strcmp0 (row.status, "closed") == 0)
    return TRUE;
  if (g_strcmp0 (row.status, "draft") == 0)
    return sb_catalog_invalid (error, _("The budget “%s” is a draft: approve it before closing it"),
                               row.name);
  if (g_strcmp0 (row.status, "superseded") == 0)
    return sb_catalog_invalid (error, _("Revision %u of “%s” was replaced by a later revision: close the current revision"),
                               row.revision, row.name);

  return set_status (tx, id, "closed", NULL, error);
}

/**
 * sb_budgets_close:
 * @store: a store
 * @id: an approved budget's id
 * @error: return location for a #GError
 *
 * Closes an approved budget at the end of its period; it stays as the
 * approved history of the period. Closing a closed budget does nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_budgets_close (SbStore     *store,
                  const char  *id,
                  GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  return sb_budgets_close_in (tx, store, id, error) &&
         sb_transaction_commit (tx, error);
}

/* Reads budget @id, live or deleted; refused when there is none. */
static gboolean
read_known_row (SbStore      *store,
                const char   *id,
                SbBudgetRow  *row,
                GError      **error)
{
  if (!sb_budgets_read_row (store, id, row, error))
    return FALSE;
  if (row->name == NULL)
    return sb_catalog_invalid (error, _("There is no budget with the id %s"), id);

  return TRUE;
}

/* Deletes (or restores) budget @id with its @lines and @plan rows in one
 * transaction. The budget comes first: its rows are stamped no earlier
 * than it, which is how sb_budgets_undelete() tells them from rows
 * removed before. */
static gboolean
apply_with_rows (SbStore     *store,
                 const char  *id,
                 GPtrArray   *lines,
                 GPtrArray   *plan,
                 gboolean     undelete,
                 GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbChange) change = undelete ? sb_change_undelete ("budget", id)
                                        : sb_change_delete ("budget", id);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  return sb_transaction_apply (tx, change, error) &&
         sb_transaction_delete_rows (tx, "budget_line", lines, undelete, error) &&
         sb_transaction_delete_rows (tx, "budget_plan", plan, undelete, error) &&
         sb_transaction_commit (tx, error);
}

/**
 * sb_budgets_delete:
 * @store: a store
 * @id: a draft's id
 * @error: return location for a #GError
 *
 * Deletes a draft (a tombstone) with its lines and plan, in one
 * transaction; sb_budgets_undelete() brings them back. An approved budget
 * is history and cannot be deleted.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_budgets_delete (SbStore     *store,
                   const char  *id,
                   GError     **error)
{
  g_auto(SbBudgetRow) row = { 0 };
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) plan = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_known_row (store, id, &row, error))
    return FALSE;
  if (row.deleted)
    return TRUE;
  if (g_strcmp0 (row.status, "draft") != 0)
    return sb_catalog_invalid (error, _("The budget “%s” (revision %u) was approved and is kept for history: only a draft can be deleted"),
                               row.name, row.revision);

  lines = sb_suppliers_read_ids (store, "SELECT id FROM budget_line WHERE budget_id = ?1 AND deleted = 0",
                                 id, NULL, _("Reading the budget lines"), error);
  if (lines == NULL)
    return FALSE;
  plan = sb_suppliers_read_ids (store,
                                "SELECT p.id FROM budget_plan p JOIN budget_line l ON l.id = p.line_id "
                                "WHERE l.budget_id = ?1 AND l.deleted = 0 AND p.deleted = 0",
                                id, NULL, _("Reading the budget plan"), error);
  if (plan == NULL)
    return FALSE;

  return apply_with_rows (store, id, lines, plan, FALSE, error);
}

/**
 * sb_budgets_undelete:
 * @store: a store
 * @id: a deleted draft's id
 * @error: return location for a #GError
 *
 * Brings a deleted draft back with the lines and plan rows that were
 * deleted with it, as the undo of a delete. Refused when it is a
 * revision and another draft revision of the same budget exists now.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_budgets_undelete (SbStore     *store,
                     const char  *id,
                     GError     **error)
{
  g_auto(SbBudgetRow) row = { 0 };
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) plan = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_known_row (store, id, &row, error))
    return FALSE;
  if (!row.deleted)
    return TRUE;

  if (row.revision_of != NULL && g_strcmp0 (row.status, "draft") == 0)
    {
      g_autoptr(GPtrArray) drafts = NULL;

      drafts = sb_suppliers_read_ids (store,
                                      "SELECT revision FROM budget WHERE revision_of = ?1 "
                                      "AND deleted = 0 AND status = 'draft'",
                                      row.revision_of, NULL, _("Reading the revisions of the budget"), error);
      if (drafts == NULL)
        return FALSE;
      if (drafts->len > 0)
        return sb_catalog_invalid (error, _("Revision %u of “%s” cannot be restored: revision %s is the draft revision now; delete that one first"),
                                   row.revision, row.name, (const char *)g_ptr_array_index (drafts, 0));
    }

  lines = sb_suppliers_read_ids (store,
                                 "SELECT id FROM budget_line "
                                 "WHERE budget_id = ?1 AND deleted = 1 AND updated_at >= ?2",
                                 id, row.updated_at, _("Reading the budget lines"), error);
  if (lines == NULL)
    return FALSE;
  /* Per line and month the latest row tombstoned with the budget, unless
   * a live one exists. */
  plan = sb_suppliers_read_ids (store,
                                "SELECT p.id FROM budget_plan p JOIN budget_line l ON l.id = p.line_id "
                                "WHERE l.budget_id = ?1 AND l.deleted = 1 AND l.updated_at >= ?2 "
                                "AND p.deleted = 1 AND p.updated_at >= ?2 "
                                "AND NOT EXISTS (SELECT 1 FROM budget_plan o WHERE o.line_id = p.line_id "
                                "  AND o.month = p.month AND (o.deleted = 0 OR o.updated_at > p.updated_at "
                                "  OR (o.updated_at = p.updated_at AND o.id > p.id)))",
                                id, row.updated_at, _("Reading the budget plan"), error);
  if (plan == NULL)
    return FALSE;

  return apply_with_rows (store, id, lines, plan, TRUE, error);
}

/* Settings */

/* The integer setting @key, or @fallback when it is unset or outside
 * @min … @max. */
static gint64
get_int_setting (SbStore    *store,
                 const char *key,
                 gint64      min,
                 gint64      max,
                 gint64      fallback)
{
  g_autofree char *text = sb_store_get_setting (store, key);
  char *end = NULL;
  gint64 value;

  if (text == NULL)
    return fallback;

  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || value < min || value > max)
    return fallback;

  return value;
}

/**
 * sb_budgets_get_fiscal_start_month:
 * @store: a store
 *
 * Returns: the month the book's financial year starts, 1 … 12 (1, a
 *   calendar year, when unset)
 */
int
sb_budgets_get_fiscal_start_month (SbStore *store)
{
  g_return_val_if_fail (SB_IS_STORE (store), 1);

  return (int)get_int_setting (store, FISCAL_START_KEY, 1, 12, 1);
}

/**
 * sb_budgets_set_fiscal_start_month:
 * @store: a store
 * @month: 1 … 12; 4 for a year from April to March
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID when
 *   @month is out of range
 */
gboolean
sb_budgets_set_fiscal_start_month (SbStore  *store,
                                   int       month,
                                   GError  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (month < 1 || month > 12)
    return sb_catalog_invalid (error, _("The financial year cannot start in month %d: choose a month from January (1) to December (12)"),
                               month);

  text = g_strdup_printf ("%d", month);

  return sb_store_set_setting (store, FISCAL_START_KEY, text, error);
}

/**
 * sb_budgets_get_hourly_rate:
 * @store: a store
 *
 * Returns: the cost of an hour of incident work in minor units of the
 *   base currency; 0 (labour is not costed) when unset
 */
gint64
sb_budgets_get_hourly_rate (SbStore *store)
{
  g_return_val_if_fail (SB_IS_STORE (store), 0);

  return get_int_setting (store, HOURLY_RATE_KEY, 0, G_MAXINT64, 0);
}

/**
 * sb_budgets_set_hourly_rate:
 * @store: a store
 * @rate: minor units of the base currency per hour, 0 or more
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID when
 *   @rate is negative
 */
gboolean
sb_budgets_set_hourly_rate (SbStore  *store,
                            gint64    rate,
                            GError  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rate < 0)
    return sb_catalog_invalid (error, _("The hourly rate for labour cannot be negative: type an amount, or 0 not to cost incident time"));
  /* An hour costing more than this is a typing error, and the labour of
   * a year stays far from overflowing. */
  if (rate > G_GINT64_CONSTANT (100000000000))
    return sb_catalog_invalid (error, _("The hourly rate for labour is too large: type the cost of one hour"));

  text = g_strdup_printf ("%" G_GINT64_FORMAT, rate);

  return sb_store_set_setting (store, HOURLY_RATE_KEY, text, error);
}

/* Labels */

static const char * const status_labels[] = {
  NC_("budget status", "Draft"),
  NC_("budget status", "Approved"),
  NC_("budget status", "Superseded"),
  NC_("budget status", "Closed"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_labels) == G_N_ELEMENTS (statuses) - 1);

/**
 * sb_budget_statuses:
 *
 * Returns: (transfer none) (array zero-terminated=1): the statuses the
 *   schema allows, in the order of a budget's life
 */
const char * const *
sb_budget_statuses (void)
{
  return statuses;
}

/**
 * sb_budget_status_get_label:
 * @status: a budget status
 *
 * Returns: (transfer none) (nullable): its translated label, %NULL for an
 *   unknown status
 */
const char *
sb_budget_status_get_label (const char *status)
{
  for (guint i = 0; status != NULL && statuses[i] != NULL; i++)
    {
      if (g_str_equal (status, statuses[i]))
        return g_dpgettext2 (GETTEXT_PACKAGE, "budget status", status_labels[i]);
    }

  return NULL;
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-budgets-private.h"
#include "sb-catalog-private.h"
#include "sb-contracts.h"
#include "sb-suppliers-private.h"

/*
 * The budget register: reading budgets with their lines and plan,
 * checking and writing drafts, and the life of a budget (approve, revise,
 * close, delete). A line's plan is one budget_plan row per month that has
 * an amount or had one, so that two devices editing different months
 * never conflict; a month set back to 0 keeps its row with 0.
 */

/* No plan of one month above this (a thousand billion units of a
 * currency with two decimals): sums of many lines and months stay far
 * from overflowing. */
#define MAX_AMOUNT G_GINT64_CONSTANT (100000000000000)

/* Reading */

#define BUDGET_SELECT                                                          \
  "SELECT b.id, b.name, b.start_month, b.n_months, b.currency, b.status, "     \
  "       b.approved_on, b.revision_of, b.revision, b.notes "                  \
  "  FROM budget b WHERE b.deleted = 0 "

/* The same with the planned total of the live lines as column 10. */
#define BUDGET_SELECT_TOTAL                                                    \
  "SELECT b.id, b.name, b.start_month, b.n_months, b.currency, b.status, "     \
  "       b.approved_on, b.revision_of, b.revision, b.notes, "                 \
  "       (SELECT coalesce (sum (p.amount), 0) FROM budget_plan p "            \
  "          JOIN budget_line l ON l.id = p.line_id "                          \
  "         WHERE l.budget_id = b.id AND l.deleted = 0 AND p.deleted = 0) "    \
  "  FROM budget b WHERE b.deleted = 0 "

static SbBudget *
budget_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *start_text = sb_catalog_column_text (stmt, 2);
  SbMonth start = 0;
  SbBudget *budget;

  if (start_text != NULL)
    sb_month_parse (start_text, &start);

  budget = sb_budget_new ((const char *)sqlite3_column_text (stmt, 1), start,
                          (const char *)sqlite3_column_text (stmt, 4));
  sb_budget_set_id (budget, (const char *)sqlite3_column_text (stmt, 0));
  sb_budget_set_n_months (budget, sqlite3_column_int (stmt, 3));
  sb_budget_set_status (budget, (const char *)sqlite3_column_text (stmt, 5));
  sb_budget_set_approved_on (budget, (const char *)sqlite3_column_text (stmt, 6));
  sb_budget_set_revision (budget, MAX (1, sqlite3_column_int (stmt, 8)),
                          (const char *)sqlite3_column_text (stmt, 7));
  sb_budget_set_notes (budget, (const char *)sqlite3_column_text (stmt, 9));

  return budget;
}

/* Replaces the lines of @budget by its live lines in the book, with
 * their plan. */
static gboolean
read_lines (SbStore   *store,
            SbBudget  *budget,
            GError   **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  SbMonth start = sb_budget_get_start (budget);
  sqlite3_stmt *stmt;
  int rc;

  sb_budget_clear_lines (budget);

  stmt = sb_store_prepare (store,
                           "SELECT id, category, service_id, contract_id, description "
                           "FROM budget_line WHERE budget_id = ? AND deleted = 0 "
                           "ORDER BY position, created_at, id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sb_budget_get_id (budget), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SbBudgetLine) line = sb_budget_line_new ((const char *)sqlite3_column_text (stmt, 1));

      sb_budget_line_set_id (line, (const char *)sqlite3_column_text (stmt, 0));
      sb_budget_line_set_service_id (line, (const char *)sqlite3_column_text (stmt, 2));
      sb_budget_line_set_contract_id (line, (const char *)sqlite3_column_text (stmt, 3));
      sb_budget_line_set_description (line, (const char *)sqlite3_column_text (stmt, 4));
      sb_budget_add_line (budget, line);
      g_hash_table_insert (by_id, (gpointer)sb_budget_line_get_id (line), line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the budget lines"), error);

  stmt = sb_store_prepare (store,
                           "SELECT p.line_id, p.month, p.amount FROM budget_plan p "
                           "JOIN budget_line l ON l.id = p.line_id "
                           "WHERE l.budget_id = ? AND l.deleted = 0 AND p.deleted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sb_budget_get_id (budget), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbBudgetLine *line = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));
      SbMonth month;

      if (line != NULL &&
          sb_month_parse ((const char *)sqlite3_column_text (stmt, 1), &month) &&
          month >= start && month - start < SB_BUDGET_MAX_MONTHS)
        sb_budget_line_set_planned (line, month - start, sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the budget plan"), error);

  return TRUE;
}

/**
 * sb_budgets_list:
 * @store: a store
 * @error: return location for a #GError
 *
 * Reads the live budgets, newest period first and, within a period, the
 * newest revision first. They come without lines (cheap for a list); their
 * planned total is read all the same.
 *
 * Returns: (transfer full): a list of #SbBudget, or %NULL on failure
 */
GListModel *
sb_budgets_list (SbStore  *store,
                 GError  **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = sb_store_prepare (store,
                           BUDGET_SELECT_TOTAL
                           "ORDER BY b.start_month DESC, b.revision DESC, b.created_at DESC, b.id DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  list = g_list_store_new (SB_TYPE_BUDGET);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SbBudget) budget = budget_from_row (stmt);

      sb_budget_set_summary (budget, sqlite3_column_int64 (stmt, 10));
      g_list_store_append (list, budget);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the budgets"), error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * sb_budgets_get:
 * @store: a store
 * @id: a budget's id
 * @error: return location for a #GError
 *
 * Reads one live budget with its lines, in order, and their plan.
 *
 * Returns: (transfer full): the budget, or %NULL with
 *   %SB_STORE_ERROR_INVALID when there is no live budget @id
 */
SbBudget *
sb_budgets_get (SbStore     *store,
                const char  *id,
                GError     **error)
{
  g_autoptr(SbBudget) budget = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = sb_store_prepare (store, BUDGET_SELECT "AND b.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    budget = budget_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the budget"), error);
      return NULL;
    }
  if (budget == NULL)
    {
      sb_catalog_invalid (error, _("There is no budget with the id %s; it may have been deleted"), id);
      return NULL;
    }

  if (!read_lines (store, budget, error))
    return NULL;

  return g_steal_pointer (&budget);
}

/* The id of the first row of @sql with @arg bound to ?1; NULL and no
 * error when there is none. */
static gboolean
read_first_id (SbStore     *store,
               const char  *sql,
               const char  *arg,
               char       **out_id,
               GError     **error)
{
  g_autoptr(GPtrArray) ids = sb_suppliers_read_ids (store, sql, arg, NULL,
                                                    _("Reading the budgets"), error);

  *out_id = NULL;
  if (ids == NULL)
    return FALSE;
  if (ids->len > 0)
    *out_id = g_strdup (g_ptr_array_index (ids, 0));

  return TRUE;
}

/**
 * sb_budgets_find:
 * @store: a store
 * @name: a budget's name, in any case
 *
 * Finds the budget called @name, as the command line does: of the
 * latest period with that name (a name may come back every year), the
 * newest live revision. A failure to read the book is logged.
 *
 * Returns: (transfer full) (nullable): the budget with its lines, or %NULL
 */
SbBudget *
sb_budgets_find (SbStore    *store,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *id = NULL;
  SbBudget *budget;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);

  stripped = sb_catalog_strip (name);
  if (stripped == NULL)
    return NULL;

  if (!read_first_id (store,
                      "SELECT id FROM budget WHERE deleted = 0 AND name = ?1 COLLATE NOCASE "
                      "ORDER BY start_month DESC, revision DESC, created_at DESC, id DESC",
                      stripped, &id, &error))
    {
      g_warning ("%s", error->message);
      return NULL;
    }
  if (id == NULL)
    return NULL;

  budget = sb_budgets_get (store, id, &error);
  if (budget == NULL)
    g_warning ("%s", error->message);

  return budget;
}

/**
 * sb_budgets_find_current:
 * @store: a store
 * @day: a valid day
 * @error: return location for a #GError
 *
 * Finds the budget whose period covers @day: an approved one (a closed
 * one counts as approved history) before a draft, then the latest
 * period, then the newest revision. A superseded budget never counts.
 *
 * Returns: (transfer full) (nullable): the budget with its lines, or
 *   %NULL (without an error) when no budget covers @day
 */
SbBudget *
sb_budgets_find_current (SbStore      *store,
                         const GDate  *day,
                         GError      **error)
{
  g_autofree char *best_id = NULL;
  int best_rank = -1;
  SbMonth best_start = 0;
  guint best_revision = 0;
  SbMonth month;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  month = sb_month_of_date (day);

  stmt = sb_store_prepare (store,
                           "SELECT id, start_month, n_months, status, revision FROM budget "
                           "WHERE deleted = 0 AND status IN ('draft', 'approved', 'closed')",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *)sqlite3_column_text (stmt, 3);
      int n_months = sqlite3_column_int (stmt, 2);
      guint revision = sqlite3_column_int (stmt, 4);
      int rank = g_strcmp0 (status, "draft") == 0 ? 0 : 1;
      SbMonth start;

      if (!sb_month_parse ((const char *)sqlite3_column_text (stmt, 1), &start) ||
          month < start || month >= start + n_months)
        continue;

      if (rank > best_rank ||
          (rank == best_rank && (start > best_start ||
                                 (start == best_start && revision > best_revision))))
        {
          g_free (best_id);
          best_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
          best_rank = rank;
          best_start = start;
          best_revision = revision;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the budgets"), error);
      return NULL;
    }

  if (best_id == NULL)
    return NULL;

  return sb_budgets_get (store, best_id, error);
}

/* Checking */

void
sb_budget_row_clear (SbBudgetRow *row)
{
  g_free (row->name);
  g_free (row->status);
  g_free (row->revision_of);
  g_free (row->updated_at);
}

/* Fills @row; its name stays %NULL when there is no budget @id. */
gboolean
sb_budgets_read_row (SbStore      *store,
                     const char   *id,
                     SbBudgetRow  *row,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT name, status, revision_of, updated_at, revision, deleted "
                           "FROM budget WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      row->status = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      row->revision_of = sb_catalog_column_text (stmt, 2);
      row->updated_at = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      row->revision = sqlite3_column_int (stmt, 4);
      row->deleted = sqlite3_column_int (stmt, 5) != 0;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the budget"), error);

  return TRUE;
}

/* Like read_budget_row(), refusing a budget that does not exist or was
 * deleted. */
gboolean
sb_budgets_read_live_row (SbStore      *store,
                          const char   *id,
                          SbBudgetRow  *row,
                          GError      **error)
{
  if (!sb_budgets_read_row (store, id, row, error))
    return FALSE;
  if (row->name == NULL || row->deleted)
    return sb_catalog_invalid (error, _("There is no budget with the id %s; it may have been deleted"), id);

  return TRUE;
}

/* Why a budget of @status (not a draft) cannot change. */
gboolean
sb_budgets_refuse_change (const SbBudgetRow  *row,
                          GError            **error)
{
  if (g_strcmp0 (row->status, "closed") == 0)
    return sb_catalog_invalid (error, _("A closed budget cannot be changed; its period’s figures are final"));
  if (g_strcmp0 (row->status, "superseded") == 0)
    return sb_catalog_invalid (error, _("A superseded budget is kept for history and cannot be changed; revise the current revision to make a new draft"));

  return sb_catalog_invalid (error, _("An approved budget cannot be changed; revise it to make a new draft"));
}

/* The stored lines of a budget: id -> StoredLine. */
typedef struct
{
  char    *service_id;
  char    *contract_id;
  gboolean kept;
} StoredLine;

static void
stored_line_free (gpointer data)
{
  StoredLine *line = data;

  g_free (line->service_id);
  g_free (line->contract_id);
  g_free (line);
}

static GHashTable *
read_stored_lines (SbStore     *store,
                   const char  *budget_id,
                   GError     **error)
{
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stored_line_free);
  sqlite3_stmt *stmt;
  int rc;

  if (budget_id == NULL)
    return g_steal_pointer (&lines);

  stmt = sb_store_prepare (store,
                           "SELECT id, service_id, contract_id FROM budget_line "
                           "WHERE budget_id = ? AND deleted = 0",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, budget_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StoredLine *line = g_new0 (StoredLine, 1);

      line->service_id = sb_catalog_column_text (stmt, 1);
      line->contract_id = sb_catalog_column_text (stmt, 2);
      g_hash_table_insert (lines, sb_catalog_column_text (stmt, 0), line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the budget lines"), error);
      return NULL;
    }

  return g_steal_pointer (&lines);
}

/* How a message names line @index (0-based) of a budget. */
static char *
line_title (SbBudgetLine *line,
            guint         index)
{
  const char *what = sb_budget_line_get_description (line);

  if (what == NULL)
    what = sb_cost_category_get_label (sb_budget_line_get_category (line));
  if (what == NULL)
    return g_strdup_printf (_("Line %u"), index + 1);

  /* TRANSLATORS: a budget line in a message: "Line 2 (Email hosting)" */
  return g_strdup_printf (_("Line %u (%s)"), index + 1, what);
}

/* Checks that @id of @table (service or contract) exists; a deleted one
 * only when the line already pointed at it. */
static gboolean
check_link (SbStore      *store,
            const char   *table,
            const char   *id,
            const char   *stored_id,
            const char   *title,
            GError      **error)
{
  gboolean exists = FALSE;
  gboolean live = FALSE;
  gboolean is_service = g_str_equal (table, "service");

  if (!sb_catalog_record_exists (store, table, id, FALSE, &exists, error) ||
      !sb_catalog_record_exists (store, table, id, TRUE, &live, error))
    return FALSE;

  if (!exists)
    return is_service
      ? sb_catalog_invalid (error, _("%s: its service does not exist: choose one of the services"), title)
      : sb_catalog_invalid (error, _("%s: its contract does not exist: choose one of the contracts"), title);
  if (!live && g_strcmp0 (id, stored_id) != 0)
    return is_service
      ? sb_catalog_invalid (error, _("%s: its service was deleted: choose another service or restore it first"), title)
      : sb_catalog_invalid (error, _("%s: its contract was deleted: choose another contract or restore it first"), title);

  return TRUE;
}

static gboolean
validate_lines (SbStore     *store,
                SbBudget    *budget,
                GHashTable  *stored,
                GError     **error)
{
  GPtrArray *lines = sb_budget_get_lines (budget);
  guint n_months = sb_budget_get_n_months (budget);
  SbMonth start = sb_budget_get_start (budget);

  for (guint i = 0; i < lines->len; i++)
    {
      SbBudgetLine *line = g_ptr_array_index (lines, i);
      const char *line_id = sb_budget_line_get_id (line);
      StoredLine *old = line_id != NULL ? g_hash_table_lookup (stored, line_id) : NULL;
      g_autofree char *title = line_title (line, i);
      g_autofree char *service_id = sb_catalog_strip (sb_budget_line_get_service_id (line));
      g_autofree char *contract_id = sb_catalog_strip (sb_budget_line_get_contract_id (line));
      const char *category = sb_budget_line_get_category (line);

      if (category == NULL)
        return sb_catalog_invalid (error, _("%s needs a cost category: choose hardware, software, cloud, supplier-services, labour, facilities, training or other"),
                                   title);
      if (!g_strv_contains (sb_cost_categories (), category))
        return sb_catalog_invalid (error, _("%s has an unknown cost category “%s”: choose hardware, software, cloud, supplier-services, labour, facilities, training or other"),
                                   title, category);

      if (service_id != NULL &&
          !check_link (store, "service", service_id, old ? old->service_id : NULL, title, error))
        return FALSE;
      if (contract_id != NULL &&
          !check_link (store, "contract", contract_id, old ? old->contract_id : NULL, title, error))
        return FALSE;

      for (guint m = 0; m < SB_BUDGET_MAX_MONTHS; m++)
        {
          gint64 amount = sb_budget_line_get_planned (line, m);
          g_autofree char *month = NULL;

          if (amount == 0)
            continue;

          month = sb_month_get_label (start + m, TRUE);
          if (m >= n_months)
            return sb_catalog_invalid (error, _("%s plans an amount for %s, after the budget’s period of %u months: clear that month or make the period longer"),
                                       title, month, n_months);
          if (amount < 0)
            return sb_catalog_invalid (error, _("%s plans a negative amount for %s: type 0 or more"),
                                       title, month);
          if (amount > MAX_AMOUNT)
            return sb_catalog_invalid (error, _("%s plans too large an amount for %s: type a smaller amount"),
                                       title, month);
        }
    }

  return TRUE;
}

static gboolean
validate_budget (SbStore     *store,
                 SbBudget    *budget,
                 GHashTable  *stored,
                 GError     **error)
{
  g_autofree char *name = sb_catalog_strip (sb_budget_get_name (budget));
  g_autofree char *currency = sb_catalog_strip (sb_budget_get_currency (budget));
  const char *base = sb_store_get_base_currency (store);
  const char *id = sb_budget_get_id (budget);
  guint n_months = sb_budget_get_n_months (budget);
  SbMonth start = sb_budget_get_start (budget);

  if (id != NULL)
    {
      g_auto(SbBudgetRow) row = { 0 };

      if (!sb_budgets_read_row (store, id, &row, error))
        return FALSE;
      if (row.name != NULL && row.deleted)
        return sb_catalog_invalid (error, _("The budget “%s” was deleted: restore it before changing it"),
                                   row.name);
      if (row.name != NULL && g_strcmp0 (row.status, "draft") != 0)
        return sb_budgets_refuse_change (&row, error);
    }

  if (name == NULL)
    return sb_catalog_invalid (error, _("The budget needs a name: type one, such as IT budget 2026"));

  if (sb_month_get_year (start) < 1900 || sb_month_get_year (start) > 9999)
    return sb_catalog_invalid (error, _("The budget’s first month is not a valid month: choose a month and a year"));

  if (n_months < 1 || n_months > SB_BUDGET_MAX_MONTHS)
    return sb_catalog_invalid (error, _("The budget’s period of %u months is out of range: a budget covers 1 to 24 months"),
                               n_months);

  if (currency == NULL)
    return sb_catalog_invalid (error, _("The budget needs a currency: choose %s, the currency the book keeps its costs in"),
                               base);
  if (g_ascii_strcasecmp (currency, base) != 0)
    return sb_catalog_invalid (error, _("The budget’s currency %s is not the book’s base currency: budgets are kept in %s, like the costs"),
                               currency, base);

  return validate_lines (store, budget, stored, error);
}

/**
 * sb_budgets_validate:
 * @store: a store
 * @budget: the budget
 * @error: return location for a #GError
 *
 * Checks every rule sb_budgets_save() checks, without writing: a name; a
 * valid first month and a period of 1 to 24 months; the book's base
 * currency; lines with a known cost category and a service and contract
 * that exist; no negative plan and none after the period; and that the
 * budget in the book is still a draft.
 *
 * Returns: %TRUE when the budget can be saved; otherwise %FALSE with
 *   %SB_STORE_ERROR_INVALID and a message naming the field and the fix
 */
gboolean
sb_budgets_validate (SbStore   *store,
                     SbBudget  *budget,
                     GError   **error)
{
  g_autoptr(GHashTable) stored = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_BUDGET (budget), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stored = read_stored_lines (store, sb_budget_get_id (budget), error);
  if (stored == NULL)
    return FALSE;

  return validate_budget (store, budget, stored, error);
}

/* Writing */

/* The plan of @line_id, written for the @n_months months from @start:
 * a row per month with an amount or with a row already; rows of months
 * outside the period become tombstones. */
static gboolean
save_plan (SbTransaction  *tx,
           SbStore        *store,
           const char     *line_id,
           SbBudgetLine   *line,
           SbMonth         start,
           guint           n_months,
           GError        **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) amounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  const char *row_id;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT month, id, amount FROM budget_plan WHERE line_id = ? AND deleted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, line_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *amount = g_new (gint64, 1);

      *amount = sqlite3_column_int64 (stmt, 2);
      g_hash_table_insert (rows, sb_catalog_column_text (stmt, 0), sb_catalog_column_text (stmt, 1));
      g_hash_table_insert (amounts, sb_catalog_column_text (stmt, 0), amount);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the budget plan"), error);

  for (guint m = 0; m < n_months; m++)
    {
      g_autofree char *month = sb_month_format (start + m);
      gint64 amount = sb_budget_line_get_planned (line, m);
      g_autoptr(SbChange) change = NULL;
      const gint64 *old = g_hash_table_lookup (amounts, month);

      row_id = g_hash_table_lookup (rows, month);
      if (row_id != NULL)
        {
          if (*old != amount)
            {
              change = sb_change_update ("budget_plan", row_id);
              sb_change_set_int (change, "amount", amount);
            }
          g_hash_table_remove (rows, month);
        }
      else if (amount != 0)
        {
          change = sb_change_insert ("budget_plan");
          sb_change_set_string (change, "line_id", line_id);
          sb_change_set_string (change, "month", month);
          sb_change_set_int (change, "amount", amount);
        }

      if (change != NULL && !sb_transaction_apply (tx, change, error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&row_id))
    {
      g_autoptr(SbChange) change = sb_change_delete ("budget_plan", row_id);

      if (!sb_transaction_apply (tx, change, error))
        return FALSE;
    }

  return TRUE;
}

/* Tombstones line @line_id and its live plan rows. */
static gboolean
delete_line (SbTransaction  *tx,
             SbStore        *store,
             const char     *line_id,
             GError        **error)
{
  g_autoptr(SbChange) change = sb_change_delete ("budget_line", line_id);
  g_autoptr(GPtrArray) plan = NULL;

  plan = sb_suppliers_read_ids (store, "SELECT id FROM budget_plan WHERE line_id = ?1 AND deleted = 0",
                                line_id, NULL, _("Reading the budget plan"), error);
  if (plan == NULL)
    return FALSE;

  return sb_transaction_apply (tx, change, error) &&
         sb_transaction_delete_rows (tx, "budget_plan", plan, FALSE, error);
}

static gboolean
save_lines (SbTransaction  *tx,
            SbStore        *store,
            const char     *budget_id,
            SbBudget       *budget,
            GHashTable     *stored,
            GError        **error)
{
  GPtrArray *lines = sb_budget_get_lines (budget);
  GHashTableIter iter;
  const char *line_id;
  StoredLine *old;

  for (guint i = 0; i < lines->len; i++)
    {
      SbBudgetLine *line = g_ptr_array_index (lines, i);
      g_autoptr(SbChange) change = NULL;
      g_autofree char *service_id = sb_catalog_strip (sb_budget_line_get_service_id (line));
      g_autofree char *contract_id = sb_catalog_strip (sb_budget_line_get_contract_id (line));
      g_autofree char *description = sb_catalog_strip (sb_budget_line_get_description (line));

      line_id = sb_budget_line_get_id (line);
      old = line_id != NULL ? g_hash_table_lookup (stored, line_id) : NULL;

      /* A line of another budget (a copy) is a new line of this one. */
      if (old != NULL && !old->kept)
        {
          old->kept = TRUE;
          change = sb_change_update ("budget_line", line_id);
        }
      else
        {
          change = sb_change_insert ("budget_line");
          sb_change_set_string (change, "budget_id", budget_id);
        }
      sb_change_set_string (change, "category", sb_budget_line_get_category (line));
      sb_change_set_string (change, "service_id", service_id);
      sb_change_set_string (change, "contract_id", contract_id);
      sb_change_set_string (change, "description", description);
      sb_change_set_int (change, "position", i);

      if (!sb_transaction_apply (tx, change, error) ||
          !save_plan (tx, store, sb_change_get_id (change), line,
                      sb_budget_get_start (budget), sb_budget_get_n_months (budget), error))
        return FALSE;

      sb_budget_line_set_id (line, sb_change_get_id (change));
      sb_budget_line_set_service_id (line, service_id);
      sb_budget_line_set_contract_id (line, contract_id);
      sb_budget_line_set_description (line, description);
    }

  g_hash_table_iter_init (&iter, stored);
  while (g_hash_table_iter_next (&iter, (gpointer *)&line_id, (gpointer *)&old))
    {
      if (!old->kept && !delete_line (tx, store, line_id, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sb_budgets_save_in:
 * @tx: an open transaction
 * @store: its store
 * @budget: the budget; a new one and its new lines get their ids
 * @error: return location for a #GError
 *
 * sb_budgets_save() inside a transaction that is already open. A budget
 * from sb_budgets_list() has its lines read first, so that saving it
 * keeps them.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_budgets_save_in (SbTransaction  *tx,
                    SbStore        *store,
                    SbBudget       *budget,
                    GError        **error)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(SbChange) change = NULL;
  g_autofree char *name = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *start = NULL;
  const char *id = sb_budget_get_id (budget);
  gboolean exists = FALSE;

  if (id != NULL && !sb_budget_has_lines (budget) && !read_lines (store, budget, error))
    return FALSE;

  stored = read_stored_lines (store, id, error);
  if (stored == NULL || !validate_budget (store, budget, stored, error))
    return FALSE;

  if (id != NULL && !sb_catalog_record_exists (store, "budget", id, FALSE, &exists, error))
    return FALSE;

  name = sb_catalog_strip (sb_budget_get_name (budget));
  notes = sb_catalog_strip (sb_budget_get_notes (budget));
  currency = g_ascii_strup (sb_budget_get_currency (budget), -1);
  g_strstrip (currency);
  start = sb_month_format (sb_budget_get_start (budget));

  if (exists)
    {
      change = sb_change_update ("budget", id);
    }
  else
    {
      change = id != NULL ? sb_change_insert_with_id ("budget", id) : sb_change_insert ("budget");
      sb_change_set_string (change, "status", "draft");
      sb_change_set_int (change, "revision", sb_budget_get_revision (budget));
      sb_change_set_string (change, "revision_of", sb_budget_get_revision_of (budget));
    }

  /* The store leaves out what does not change, so an update writes (and
   * journals) only the columns that were edited. */
  sb_change_set_string (change, "name", name);
  sb_change_set_string (change, "start_month", start);
  sb_change_set_int (change, "n_months", sb_budget_get_n_months (budget));
  sb_change_set_string (change, "currency", currency);
  sb_change_set_string (change, "notes", notes);

  if (!sb_transaction_apply (tx, change, error) ||
      !save_lines (tx, store, sb_change_get_id (change), budget, stored, error))
    return FALSE;

  sb_budget_set_id (budget, sb_change_get_id (change));
  sb_budget_set_name (budget, name);
  sb_budget_set_notes (budget, notes);
  sb_budget_set_currency (budget, currency);
  if (!exists)
    sb_budget_set_status (budget, "draft");

  return TRUE;
}

/**
 * sb_budgets_save:
 * @store: a store
 * @budget: the draft; a new one and its new lines get their ids
 * @error: return location for a #GError
 *
 * Checks the budget (see sb_budgets_validate()) and writes it, its lines
 * in order and their plan in one transaction through the write path. Only
 * what changed is written: editing one month writes one plan row. Lines
 * taken away become tombstones with their plan.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID and
 *   nothing written when a rule is broken
 */
gboolean
sb_budgets_save (SbStore   *store,
                 SbBudget  *budget,
                 GError   **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(GPtrArray) line_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *old_id = NULL;
  g_autofree char *old_status = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_BUDGET (budget), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_id = g_strdup (sb_budget_get_id (budget));
  old_status = g_strdup (sb_budget_get_status (budget));
  lines = g_ptr_array_ref (sb_budget_get_lines (budget));
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (line_ids, g_strdup (sb_budget_line_get_id (g_ptr_array_index (lines, i))));

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_budgets_save_in (tx, store, budget, error) ||
      !sb_transaction_commit (tx, error))
    {
      /* Nothing was written, so the objects keep their old ids. */
      sb_budget_set_id (budget, old_id);
      sb_budget_set_status (budget, old_status);
      for (guint i = 0; i < lines->len && i < line_ids->len; i++)
        sb_budget_line_set_id (g_ptr_array_index (lines, i), g_ptr_array_index (line_ids, i));
      return FALSE;
    }

  return TRUE;
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-budget-figures-private.h"
#include "sb-budgets.h"
#include "sb-catalog-private.h"
#include "sb-contracts.h"
#include "sb-costs.h"
#include "sb-store-private.h"
#include "sb-time.h"

/*
 * The sources of a budget's figures, one query each: the budget, its
 * lines with their plan, the names for the labels, the cost entries; and
 * the committed charges and the labour from the costs register.
 */

static gboolean
read_error (SbStore     *store,
            int          rc,
            GError     **error)
{
  return sb_catalog_step_error (store, rc, _("Reading the budget figures"), error);
}

/* The code or name of every record of a small table, for the labels. */
GHashTable *
sb_budget_figures_read_names (SbStore     *store,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = sb_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, sb_catalog_column_text (stmt, 0), sb_catalog_column_text (stmt, 1));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      read_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&names);
}

gboolean
sb_budget_figures_read_budget (SbBudgetFigures  *self,
             SbStore          *store,
             const char       *budget_id,
             GError          **error)
{
  sqlite3_stmt *stmt = sb_store_prepare (store,
                                         "SELECT start_month, n_months, currency FROM budget "
                                         "WHERE id = ?1 AND deleted = 0",
                                         error);
  g_autofree char *start = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, budget_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      start = sb_catalog_column_text (stmt, 0);
      self->n_months = CLAMP (sqlite3_column_int (stmt, 1), 1, SB_FIGURES_MAX_MONTHS);
      self->currency = sb_catalog_column_text (stmt, 2);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return read_error (store, rc, error);
  if (rc == SQLITE_DONE || !sb_month_parse (start, &self->start))
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                   _("There is no budget with the id “%s”."), budget_id);
      return FALSE;
    }

  return TRUE;
}

static char *
line_label (const char *category,
            const char *service_code,
            const char *contract_reference,
            const char *description)
{
  GString *label = g_string_new (sb_budget_figures_category_label (category));

  if (service_code != NULL)
    g_string_append_printf (label, " — %s", service_code);
  if (contract_reference != NULL)
    g_string_append_printf (label, " — %s", contract_reference);
  if (service_code == NULL && contract_reference == NULL && description != NULL && *description != '\0')
    g_string_append_printf (label, " — %s", description);

  return g_string_free (label, FALSE);
}

gboolean
sb_budget_figures_read_lines (SbBudgetFigures  *self,
            SbStore          *store,
            const char       *budget_id,
            GError          **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT l.id, l.category, l.service_id, l.contract_id, c.supplier_id, "
                           "  s.code, c.reference, l.description "
                           "FROM budget_line l "
                           "LEFT JOIN service s ON s.id = l.service_id "
                           "LEFT JOIN contract c ON c.id = l.contract_id "
                           "WHERE l.budget_id = ?1 AND l.deleted = 0 "
                           "ORDER BY l.position, l.rowid",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, budget_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbFigureLine *line = g_new0 (SbFigureLine, 1);

      line->id = sb_catalog_column_text (stmt, 0);
      line->category = sb_catalog_column_text (stmt, 1);
      line->service_id = sb_catalog_column_text (stmt, 2);
      line->contract_id = sb_catalog_column_text (stmt, 3);
      line->supplier_id = sb_catalog_column_text (stmt, 4);
      line->label = line_label (line->category,
                                (const char *)sqlite3_column_text (stmt, 5),
                                (const char *)sqlite3_column_text (stmt, 6),
                                (const char *)sqlite3_column_text (stmt, 7));
      g_ptr_array_add (self->lines, line);
      g_hash_table_insert (by_id, line->id, line);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return read_error (store, rc, error);

  stmt = sb_store_prepare (store,
                           "SELECT p.line_id, p.month, p.amount FROM budget_plan p "
                           "JOIN budget_line l ON l.id = p.line_id "
                           "WHERE l.budget_id = ?1 AND l.deleted = 0 AND p.deleted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, budget_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbFigureLine *line = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));
      SbMonth month;
      gint64 index;

      if (line == NULL || !sb_month_parse ((const char *)sqlite3_column_text (stmt, 1), &month))
        continue;
      index = (gint64) month - self->start;
      if (index >= 0 && index < self->n_months)
        line->planned[index] += sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return read_error (store, rc, error);

  return TRUE;
}
static SbFigureSource
entry_source (const char *source)
{
  if (g_strcmp0 (source, "contract") == 0)
    return SB_FIGURE_FROM_CONTRACT;
  if (g_strcmp0 (source, "import") == 0)
    return SB_FIGURE_FROM_IMPORT;
  return SB_FIGURE_FROM_ENTRY;
}

/* "Invoice 2026-114 — Stratus Cloud" */
static char *
describe_entry (const char *invoice_ref,
                const char *description,
                const char *contract_reference,
                const char *category,
                const char *supplier_name)
{
  GString *text = g_string_new (NULL);

  if (invoice_ref != NULL && *invoice_ref != '\0')
    g_string_append_printf (text, _("Invoice %s"), invoice_ref);
  else if (description != NULL && *description != '\0')
    g_string_append (text, description);
  else if (contract_reference != NULL)
    g_string_append_printf (text, _("Charge of %s"), contract_reference);
  else
    g_string_append (text, sb_budget_figures_category_label (category));

  if (supplier_name != NULL)
    g_string_append_printf (text, " — %s", supplier_name);

  return g_string_free (text, FALSE);
}

static gboolean
add_entries (SbBudgetFigures  *self,
             SbStore          *store,
             GError          **error)
{
  GDate first;
  GDate last;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sb_month_get_first_day (self->start, &first);
  sb_month_get_last_day (self->start + (SbMonth) self->n_months - 1, &last);
  from = sb_date_format (&first);
  to = sb_date_format (&last);

  stmt = sb_store_prepare (store,
                           "SELECT e.id, e.date, e.base_amount, e.category, e.service_id, e.contract_id, "
                           "  coalesce (e.supplier_id, c.supplier_id), e.source, e.invoice_ref, "
                           "  e.description, c.reference, s.name "
                           "FROM cost_entry e "
                           "LEFT JOIN contract c ON c.id = e.contract_id "
                           "LEFT JOIN supplier s ON s.id = coalesce (e.supplier_id, c.supplier_id) "
                           "WHERE e.deleted = 0 AND e.date BETWEEN ?1 AND ?2 "
                           "ORDER BY e.date, e.rowid",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbFigureCost cost = { 0 };

      if (!sb_date_parse ((const char *)sqlite3_column_text (stmt, 1), &cost.date, NULL))
        continue;
      cost.record_id = (const char *)sqlite3_column_text (stmt, 0);
      cost.amount = sqlite3_column_int64 (stmt, 2);
      cost.category = (const char *)sqlite3_column_text (stmt, 3);
      cost.service_id = (const char *)sqlite3_column_text (stmt, 4);
      cost.contract_id = (const char *)sqlite3_column_text (stmt, 5);
      cost.supplier_id = (const char *)sqlite3_column_text (stmt, 6);
      cost.source = entry_source ((const char *)sqlite3_column_text (stmt, 7));
      cost.description = describe_entry ((const char *)sqlite3_column_text (stmt, 8),
                                         (const char *)sqlite3_column_text (stmt, 9),
                                         (const char *)sqlite3_column_text (stmt, 10),
                                         cost.category,
                                         (const char *)sqlite3_column_text (stmt, 11));
      sb_budget_figures_add_cost (self, &cost);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return read_error (store, rc, error);

  return TRUE;
}

static gboolean
add_committed (SbBudgetFigures  *self,
               SbStore          *store,
               GError          **error)
{
  g_autoptr(GPtrArray) charges = NULL;
  GDate first;
  GDate last;

  sb_month_get_first_day (self->start, &first);
  sb_month_get_last_day (self->start + (SbMonth) self->n_months - 1, &last);
  charges = sb_costs_list_committed (store, &first, &last, error);
  if (charges == NULL)
    return FALSE;

  for (guint i = 0; i < charges->len; i++)
    {
      SbCommittedCost *charge = g_ptr_array_index (charges, i);
      SbFigureCost cost = { 0 };
      GString *text = g_string_new (NULL);

      g_string_append_printf (text, _("Charge of %s to confirm"),
                              charge->contract_reference != NULL ? charge->contract_reference
                                                                 : charge->contract_title);
      if (charge->supplier_name != NULL)
        g_string_append_printf (text, " — %s", charge->supplier_name);
      if (charge->estimated)
        g_string_append_printf (text, " (%s)", _("no exchange rate yet: counted one to one"));

      cost.source = SB_FIGURE_FROM_COMMITTED;
      cost.date = charge->date;
      cost.amount = charge->base_amount;
      cost.category = charge->category;
      cost.service_id = charge->service_id;
      cost.contract_id = charge->contract_id;
      cost.supplier_id = charge->supplier_id;
      cost.record_id = charge->contract_id;
      cost.description = g_string_free (text, FALSE);
      sb_budget_figures_add_cost (self, &cost);
    }

  return TRUE;
}

/* "12 h 30 min": hours, never days, for time worked. */
static char *
format_hours (gint64 minutes)
{
  /* A month's labour: hours fit an int */
  int hours = (int) MIN (minutes / 60, G_MAXINT);
  int rest = (int) (minutes % 60);

  if (hours == 0)
    return g_strdup_printf (_("%d min"), rest);
  if (rest == 0)
    return g_strdup_printf (_("%d h"), hours);

  return g_strdup_printf (_("%d h %d min"), hours, rest);
}

static gboolean
add_labour (SbBudgetFigures  *self,
            SbStore          *store,
            GError          **error)
{
  g_autoptr(GPtrArray) labour = NULL;

  if (sb_budgets_get_hourly_rate (store) <= 0)
    return TRUE;

  labour = sb_costs_list_labour (store, self->start, self->start + (SbMonth) self->n_months - 1, error);
  if (labour == NULL)
    return FALSE;

  for (guint i = 0; i < labour->len; i++)
    {
      SbLabourCost *item = g_ptr_array_index (labour, i);
      g_autofree char *duration = NULL;
      const char *code;
      SbFigureCost cost = { 0 };

      if (item->amount == 0)
        continue;

      duration = format_hours (item->minutes);
      code = item->service_id != NULL ? g_hash_table_lookup (self->services, item->service_id) : NULL;
      cost.source = SB_FIGURE_FROM_LABOUR;
      /* Labour of a month is dated its last day. */
      sb_month_get_last_day (item->month, &cost.date);
      cost.amount = item->amount;
      cost.category = "labour";
      cost.service_id = item->service_id;
      cost.description = code != NULL
                           ? g_strdup_printf (_("%s on incidents of %s"), duration, code)
                           : g_strdup_printf (_("%s on incidents"), duration);
      sb_budget_figures_add_cost (self, &cost);
    }

  return TRUE;
}

gboolean
sb_budget_figures_read_costs (SbBudgetFigures  *self,
                              SbStore          *store,
                              GError          **error)
{
  return add_entries (self, store, error) &&
         add_committed (self, store, error) &&
         add_labour (self, store, error);
}

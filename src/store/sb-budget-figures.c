/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-budget-figures.h"
#include "sb-budgets.h"
#include "sb-catalog-private.h"
#include "sb-contracts.h"
#include "sb-costs.h"
#include "sb-store-private.h"
#include "sb-time.h"

/*
 * The figures of a budget are read with one query per source (the
 * budget, its lines, their plan, the cost entries, the services and
 * suppliers for the labels) plus the committed charges and the labour of
 * the costs register, then summed into rows in memory. Every cost keeps
 * a detail in its row, so that "where did this come from" needs no
 * second read.
 */

/* One cost on its way into a row. */
typedef struct
{
  SbFigureSource source;
  GDate          date;
  gint64         amount;
  const char    *category;
  const char    *service_id;     /* nullable */
  const char    *contract_id;    /* nullable */
  const char    *supplier_id;    /* nullable */
  const char    *record_id;      /* nullable */
  char          *description;    /* taken */
} Cost;

typedef struct
{
  char   *id;
  char   *category;
  char   *service_id;
  char   *contract_id;
  char   *supplier_id;    /* of the contract */
  char   *label;
  gint64  planned[SB_FIGURES_MAX_MONTHS];
} Line;

typedef struct
{
  guint          month;
  SbFigureDetail detail;
} Detail;

typedef struct
{
  SbFiguresRow row;          /* first: handed out as is */
  int          order;
  gboolean     seen;         /* a category was noted */
  gboolean     mixed;        /* categories differ */
  GArray      *details;      /* of Detail */
} Row;

struct _SbBudgetFigures
{
  SbMonth            start;
  guint              n_months;
  int                current;
  char              *currency;
  SbFiguresGrouping  grouping;
  GPtrArray         *rows;       /* of Row */
  GHashTable        *by_key;     /* key -> Row, not owned */
  Row               *total;
  GPtrArray         *lines;      /* of Line */
  GHashTable        *services;   /* id -> code */
  GHashTable        *suppliers;  /* id -> name */
};

static void
detail_clear (gpointer data)
{
  Detail *d = data;

  g_free (d->detail.record_id);
  g_free (d->detail.description);
}

static Row *
row_new (const char *key,
         char       *label,
         const char *category,
         int         order)
{
  Row *row = g_new0 (Row, 1);

  row->row.key = g_strdup (key != NULL ? key : "");
  row->row.label = label;
  row->row.category = g_strdup (category);
  row->seen = category != NULL;
  row->order = order;
  row->details = g_array_new (FALSE, TRUE, sizeof (Detail));
  g_array_set_clear_func (row->details, detail_clear);

  return row;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->row.key);
  g_free (row->row.label);
  g_free (row->row.category);
  g_array_unref (row->details);
  g_free (row);
}

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->id);
  g_free (line->category);
  g_free (line->service_id);
  g_free (line->contract_id);
  g_free (line->supplier_id);
  g_free (line->label);
  g_free (line);
}

/**
 * sb_figure_detail_free:
 * @detail: (transfer full) (nullable): a detail from
 *   sb_budget_figures_explain()
 *
 * Frees @detail.
 */
void
sb_figure_detail_free (SbFigureDetail *detail)
{
  if (detail == NULL)
    return;

  g_free (detail->record_id);
  g_free (detail->description);
  g_free (detail);
}

/**
 * sb_budget_figures_free:
 * @self: (transfer full) (nullable): figures
 *
 * Frees the figures with their rows and details.
 */
void
sb_budget_figures_free (SbBudgetFigures *self)
{
  if (self == NULL)
    return;

  g_free (self->currency);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->total, row_free);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->services, g_hash_table_unref);
  g_clear_pointer (&self->suppliers, g_hash_table_unref);
  g_free (self);
}

static int
category_order (const char *category)
{
  const char * const *all = sb_cost_categories ();

  for (int i = 0; all[i] != NULL; i++)
    {
      if (g_strcmp0 (all[i], category) == 0)
        return i;
    }

  return 100;
}

static const char *
category_label (const char *category)
{
  const char *label = sb_cost_category_get_label (category);

  return label != NULL ? label : category;
}

static gboolean
read_error (SbStore     *store,
            int          rc,
            GError     **error)
{
  return sb_catalog_step_error (store, rc, _("Reading the budget figures"), error);
}

/* The code or name of every record of a small table, for the labels. */
static GHashTable *
read_names (SbStore     *store,
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

static gboolean
read_budget (SbBudgetFigures  *self,
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
  GString *label = g_string_new (category_label (category));

  if (service_code != NULL)
    g_string_append_printf (label, " — %s", service_code);
  if (contract_reference != NULL)
    g_string_append_printf (label, " — %s", contract_reference);
  if (service_code == NULL && contract_reference == NULL && description != NULL && *description != '\0')
    g_string_append_printf (label, " — %s", description);

  return g_string_free (label, FALSE);
}

static gboolean
read_lines (SbBudgetFigures  *self,
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
      Line *line = g_new0 (Line, 1);

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
      Line *line = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));
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

/* The line a cost goes to: the line of its category and contract (one
 * that also names the cost's service first, then one for any service),
 * else the line of its category and service without a contract, else a
 * line of the category alone; NULL when none matches. */
static Line *
match_line (SbBudgetFigures *self,
            const Cost      *cost)
{
  Line *by_contract = NULL;
  Line *by_service = NULL;
  Line *by_category = NULL;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);

      if (g_strcmp0 (line->category, cost->category) != 0)
        continue;

      if (line->contract_id != NULL)
        {
          if (cost->contract_id == NULL || strcmp (line->contract_id, cost->contract_id) != 0)
            continue;
          if (line->service_id != NULL && g_strcmp0 (line->service_id, cost->service_id) == 0)
            return line;
          if (by_contract == NULL || (by_contract->service_id != NULL && line->service_id == NULL))
            by_contract = line;
        }
      else if (line->service_id != NULL)
        {
          if (by_service == NULL && g_strcmp0 (line->service_id, cost->service_id) == 0)
            by_service = line;
        }
      else if (by_category == NULL)
        {
          by_category = line;
        }
    }

  if (by_contract != NULL)
    return by_contract;
  if (by_service != NULL)
    return by_service;
  return by_category;
}

static const char *
lookup_name (GHashTable *names,
             const char *id)
{
  return id != NULL ? g_hash_table_lookup (names, id) : NULL;
}

/* The row of @key in a grouping other than by line, made on first use. */
static Row *
group_row (SbBudgetFigures *self,
           const char      *key,
           const char      *category)
{
  Row *row;
  char *label = NULL;
  int order = 0;

  if (key == NULL)
    key = "";

  row = g_hash_table_lookup (self->by_key, key);
  if (row != NULL)
    return row;

  switch (self->grouping)
    {
    case SB_FIGURES_BY_CATEGORY:
      label = g_strdup (category_label (key));
      order = category_order (key);
      break;
    case SB_FIGURES_BY_SERVICE:
      label = g_strdup (*key != '\0' ? lookup_name (self->services, key) : NULL);
      if (label == NULL)
        label = g_strdup (_("No service"));
      order = *key != '\0' ? 0 : 1;
      break;
    case SB_FIGURES_BY_SUPPLIER:
      label = g_strdup (*key != '\0' ? lookup_name (self->suppliers, key) : NULL);
      if (label == NULL)
        label = g_strdup (_("No supplier"));
      order = *key != '\0' ? 0 : 1;
      break;
    case SB_FIGURES_BY_LINE:
    default:
      /* An unbudgeted row of @key, a category */
      label = g_strdup_printf (_("Unbudgeted — %s"), category_label (key));
      order = 1000 + category_order (key);
      break;
    }

  /* Rows by service or supplier learn their category from their figures. */
  if (self->grouping == SB_FIGURES_BY_SERVICE || self->grouping == SB_FIGURES_BY_SUPPLIER)
    category = NULL;
  row = row_new (key, label, category, order);
  row->row.unbudgeted = self->grouping == SB_FIGURES_BY_LINE;
  g_ptr_array_add (self->rows, row);
  g_hash_table_insert (self->by_key, row->row.key, row);

  return row;
}

/* Keeps the category of a row while all its figures share one. */
static void
note_category (Row        *row,
               const char *category)
{
  if (row->mixed)
    return;

  if (!row->seen)
    {
      row->seen = TRUE;
      row->row.category = g_strdup (category);
      return;
    }

  if (category == NULL || g_strcmp0 (row->row.category, category) != 0)
    {
      row->mixed = TRUE;
      g_clear_pointer (&row->row.category, g_free);
    }
}

static void
add_line_rows (SbBudgetFigures *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      Row *row;
      const char *key;

      switch (self->grouping)
        {
        case SB_FIGURES_BY_LINE:
          row = row_new (line->id, g_strdup (line->label), line->category, (int) i);
          g_ptr_array_add (self->rows, row);
          g_hash_table_insert (self->by_key, row->row.key, row);
          break;
        case SB_FIGURES_BY_CATEGORY:
          row = group_row (self, line->category, line->category);
          break;
        case SB_FIGURES_BY_SERVICE:
        case SB_FIGURES_BY_SUPPLIER:
        default:
          key = self->grouping == SB_FIGURES_BY_SERVICE ? line->service_id : line->supplier_id;
          row = group_row (self, key, line->category);
          note_category (row, line->category);
          break;
        }

      for (guint m = 0; m < self->n_months; m++)
        {
          row->row.planned[m] += line->planned[m];
          row->row.planned_total += line->planned[m];
        }
    }
}

/* Adds @cost (its description taken) to its row. */
static void
add_cost (SbBudgetFigures *self,
          Cost            *cost)
{
  gint64 index = (gint64) sb_month_of_date (&cost->date) - self->start;
  Line *line;
  Row *row;
  Detail detail = { 0 };
  const char *key;

  if (index < 0 || index >= self->n_months)
    {
      g_free (cost->description);
      return;
    }

  line = match_line (self, cost);
  switch (self->grouping)
    {
    case SB_FIGURES_BY_LINE:
      row = line != NULL ? g_hash_table_lookup (self->by_key, line->id)
                         : group_row (self, cost->category, cost->category);
      break;
    case SB_FIGURES_BY_CATEGORY:
      row = group_row (self, cost->category, cost->category);
      break;
    case SB_FIGURES_BY_SERVICE:
      /* A cost without a service counts for the service of its line. */
      key = cost->service_id != NULL ? cost->service_id : line != NULL ? line->service_id : NULL;
      row = group_row (self, key, cost->category);
      note_category (row, cost->category);
      break;
    case SB_FIGURES_BY_SUPPLIER:
    default:
      key = cost->supplier_id != NULL ? cost->supplier_id : line != NULL ? line->supplier_id : NULL;
      row = group_row (self, key, cost->category);
      note_category (row, cost->category);
      break;
    }

  if (cost->source == SB_FIGURE_FROM_COMMITTED)
    {
      row->row.committed[index] += cost->amount;
      row->row.committed_total += cost->amount;
    }
  else
    {
      row->row.actual[index] += cost->amount;
      row->row.actual_total += cost->amount;
    }
  row->row.sources |= cost->source;

  detail.month = (guint) index;
  detail.detail.source = cost->source;
  detail.detail.date = cost->date;
  detail.detail.amount = cost->amount;
  detail.detail.record_id = g_strdup (cost->record_id);
  detail.detail.description = cost->description;
  g_array_append_val (row->details, detail);
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
    g_string_append (text, category_label (category));

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
      Cost cost = { 0 };

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
      add_cost (self, &cost);
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
      Cost cost = { 0 };
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
      add_cost (self, &cost);
    }

  return TRUE;
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
      Cost cost = { 0 };

      if (item->amount == 0)
        continue;

      duration = sb_duration_format (item->minutes);
      code = lookup_name (self->services, item->service_id);
      cost.source = SB_FIGURE_FROM_LABOUR;
      /* Labour of a month is dated its last day. */
      sb_month_get_last_day (item->month, &cost.date);
      cost.amount = item->amount;
      cost.category = "labour";
      cost.service_id = item->service_id;
      cost.description = code != NULL
                           ? g_strdup_printf (_("%s on incidents of %s"), duration, code)
                           : g_strdup_printf (_("%s on incidents"), duration);
      add_cost (self, &cost);
    }

  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = *(Row * const *)a;
  const Row *rb = *(Row * const *)b;

  if (ra->order != rb->order)
    return ra->order < rb->order ? -1 : 1;

  return g_utf8_collate (ra->row.label, rb->row.label);
}

static void
finish_row (SbBudgetFigures *self,
            SbFiguresRow    *row,
            gboolean         forecast_known)
{
  int last = MIN (self->current, (int) self->n_months - 1);

  row->planned_to_date = 0;
  row->actual_to_date = 0;
  for (int m = 0; m <= last; m++)
    {
      row->planned_to_date += row->planned[m];
      row->actual_to_date += row->actual[m];
    }

  if (!forecast_known)
    row->forecast = sb_budget_forecast (row->planned, row->actual, row->committed,
                                        self->n_months, self->current);
  row->variance = sb_variance (row->forecast, row->planned_total);
  row->variance_defined = sb_variance_percent_bp (row->forecast, row->planned_total,
                                                  &row->variance_bp);
}

static void
finish (SbBudgetFigures *self)
{
  SbFiguresRow *total;

  g_ptr_array_sort (self->rows, compare_rows);

  self->total = row_new ("", g_strdup (_("Total")), NULL, 0);
  total = &self->total->row;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      finish_row (self, &row->row, FALSE);

      for (guint m = 0; m < self->n_months; m++)
        {
          total->planned[m] += row->row.planned[m];
          total->actual[m] += row->row.actual[m];
          total->committed[m] += row->row.committed[m];
        }
      total->planned_total += row->row.planned_total;
      total->actual_total += row->row.actual_total;
      total->committed_total += row->row.committed_total;
      /* The total's forecast is the sum of the rows' own. */
      total->forecast += row->row.forecast;
      total->sources |= row->row.sources;
      note_category (self->total, row->row.category);
    }

  finish_row (self, total, TRUE);
}

/**
 * sb_budget_figures_compute:
 * @store: a store
 * @budget_id: a live budget
 * @today: the day to compute the figures on (its month is the current one)
 * @grouping: how to group the rows
 * @error: return location for a #GError
 *
 * Computes the figures of a budget on @today (see sb-budget-figures.h).
 * Rows by line come in the budget's order, then the unbudgeted rows in
 * the order of the cost categories; rows by category in that order; rows
 * by service or supplier by their label, the one for none last. A cost
 * without a service (or supplier) counts for that of its line.
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with @error
 *   set (%SB_STORE_ERROR_INVALID when there is no such budget)
 */
SbBudgetFigures *
sb_budget_figures_compute (SbStore            *store,
                           const char         *budget_id,
                           const GDate        *today,
                           SbFiguresGrouping   grouping,
                           GError            **error)
{
  g_autoptr(SbBudgetFigures) self = NULL;
  gint64 current;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (budget_id != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_new0 (SbBudgetFigures, 1);
  self->grouping = grouping;
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->lines = g_ptr_array_new_with_free_func (line_free);

  if (!read_budget (self, store, budget_id, error))
    return NULL;

  current = (gint64) sb_month_of_date (today) - self->start;
  self->current = (int) CLAMP (current, -1, (gint64) self->n_months);

  self->services = read_names (store, "SELECT id, code FROM service", error);
  if (self->services == NULL)
    return NULL;
  self->suppliers = read_names (store, "SELECT id, name FROM supplier", error);
  if (self->suppliers == NULL)
    return NULL;

  if (!read_lines (self, store, budget_id, error))
    return NULL;
  add_line_rows (self);

  if (!add_entries (self, store, error) ||
      !add_committed (self, store, error) ||
      !add_labour (self, store, error))
    return NULL;

  finish (self);

  return g_steal_pointer (&self);
}

/**
 * sb_budget_figures_get_start:
 * @self: figures
 *
 * Returns: the first month of the budget's period
 */
SbMonth
sb_budget_figures_get_start (SbBudgetFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->start;
}

/**
 * sb_budget_figures_get_n_months:
 * @self: figures
 *
 * Returns: the number of months of the period
 */
guint
sb_budget_figures_get_n_months (SbBudgetFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_months;
}

/**
 * sb_budget_figures_get_current:
 * @self: figures
 *
 * Returns: the index of the day's month in the period; -1 before the
 *   period, the number of months after it
 */
int
sb_budget_figures_get_current (SbBudgetFigures *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->current;
}

/**
 * sb_budget_figures_get_currency:
 * @self: figures
 *
 * Returns: (transfer none): the budget's currency, that of every amount
 */
const char *
sb_budget_figures_get_currency (SbBudgetFigures *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->currency;
}

/**
 * sb_budget_figures_get_n_rows:
 * @self: figures
 *
 * Returns: the number of rows, without the total
 */
guint
sb_budget_figures_get_n_rows (SbBudgetFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/**
 * sb_budget_figures_get_row:
 * @self: figures
 * @index: a row, below sb_budget_figures_get_n_rows()
 *
 * Returns: (transfer none): the row
 */
const SbFiguresRow *
sb_budget_figures_get_row (SbBudgetFigures *self,
                           guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return &((Row *) g_ptr_array_index (self->rows, index))->row;
}

/**
 * sb_budget_figures_get_total:
 * @self: figures
 *
 * The sum of every row, month by month; its forecast is the sum of the
 * rows' forecasts, its variance that forecast against the whole plan.
 *
 * Returns: (transfer none): the total row
 */
const SbFiguresRow *
sb_budget_figures_get_total (SbBudgetFigures *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->total->row;
}

static void
collect_details (GPtrArray *out,
                 Row       *row,
                 guint      month_index)
{
  for (guint i = 0; i < row->details->len; i++)
    {
      const Detail *d = &g_array_index (row->details, Detail, i);
      SbFigureDetail *copy;

      if (d->month != month_index)
        continue;

      copy = g_new0 (SbFigureDetail, 1);
      copy->source = d->detail.source;
      copy->date = d->detail.date;
      copy->amount = d->detail.amount;
      copy->record_id = g_strdup (d->detail.record_id);
      copy->description = g_strdup (d->detail.description);
      g_ptr_array_add (out, copy);
    }
}

static int
compare_details (gconstpointer a,
                 gconstpointer b)
{
  const SbFigureDetail *da = *(SbFigureDetail * const *)a;
  const SbFigureDetail *db = *(SbFigureDetail * const *)b;
  int cmp = g_date_compare (&da->date, &db->date);

  if (cmp != 0)
    return cmp;
  if (da->source != db->source)
    return da->source < db->source ? -1 : 1;

  return g_strcmp0 (da->description, db->description);
}

/**
 * sb_budget_figures_explain:
 * @self: figures
 * @row: a row index, or sb_budget_figures_get_n_rows() for the total
 * @month_index: a month of the period (0 = its first)
 *
 * Lists the costs behind the actual and committed figures of one row and
 * month: cost entries, charges still to confirm and labour, by date.
 *
 * Returns: (transfer container) (element-type SbFigureDetail): the costs;
 *   empty when there are none
 */
GPtrArray *
sb_budget_figures_explain (SbBudgetFigures *self,
                           guint            row,
                           guint            month_index)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_figure_detail_free);

  g_return_val_if_fail (self != NULL, out);
  g_return_val_if_fail (row <= self->rows->len, out);

  if (month_index >= self->n_months)
    return out;

  if (row == self->rows->len)
    {
      for (guint i = 0; i < self->rows->len; i++)
        collect_details (out, g_ptr_array_index (self->rows, i), month_index);
    }
  else
    {
      collect_details (out, g_ptr_array_index (self->rows, row), month_index);
    }

  g_ptr_array_sort (out, compare_details);

  return out;
}

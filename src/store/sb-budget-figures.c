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
 * The figures of a budget are read with one query per source (the
 * budget, its lines, their plan, the cost entries, the services and
 * suppliers for the labels) plus the committed charges and the labour of
 * the costs register, then summed into rows in memory. Every cost keeps
 * a detail in its row, so that "where did this come from" needs no
 * second read.
 */

typedef struct
{
  guint          month;
  SbFigureDetail detail;
} Detail;

struct _SbFiguresRowPriv
{
  SbFiguresRow row;          /* first: handed out as is */
  int          order;
  gboolean     seen;         /* a category was noted */
  gboolean     mixed;        /* categories differ */
  GArray      *details;      /* of Detail */
};

static void
detail_clear (gpointer data)
{
  Detail *d = data;

  g_free (d->detail.record_id);
  g_free (d->detail.description);
}

static SbFiguresRowPriv *
row_new (const char *key,
         char       *label,
         const char *category,
         int         order)
{
  SbFiguresRowPriv *row = g_new0 (SbFiguresRowPriv, 1);

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
  SbFiguresRowPriv *row = data;

  g_free (row->row.key);
  g_free (row->row.label);
  g_free (row->row.category);
  g_array_unref (row->details);
  g_free (row);
}

void
sb_budget_figures_line_free (gpointer data)
{
  SbFigureLine *line = data;

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
  g_clear_pointer (&self->unmatched, g_hash_table_unref);
  g_clear_pointer (&self->services, g_hash_table_unref);
  g_clear_pointer (&self->suppliers, g_hash_table_unref);
  g_free (self);
}

/* The translated name of a cost category. */
const char *
sb_budget_figures_category_label (const char *category)
{
  const char *label = sb_cost_category_get_label (category);

  return label != NULL ? label : category;
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


/* The line a cost goes to: the line of its category and contract (one
 * that also names the cost's service first, then one for any service),
 * else the line of its category and service without a contract, else a
 * line of the category alone; NULL when none matches. */
static SbFigureLine *
match_line (SbBudgetFigures *self,
            const SbFigureCost      *cost)
{
  SbFigureLine *by_contract = NULL;
  SbFigureLine *by_service = NULL;
  SbFigureLine *by_category = NULL;

  for (guint i = 0; i < self->lines->len; i++)
    {
      SbFigureLine *line = g_ptr_array_index (self->lines, i);

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
static SbFiguresRowPriv *
group_row (SbBudgetFigures *self,
           const char      *key,
           const char      *category)
{
  SbFiguresRowPriv *row;
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
      label = g_strdup (sb_budget_figures_category_label (key));
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
      label = g_strdup_printf (_("Unbudgeted — %s"), sb_budget_figures_category_label (key));
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
note_category (SbFiguresRowPriv        *row,
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
      SbFigureLine *line = g_ptr_array_index (self->lines, i);
      SbFiguresRowPriv *row;
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

/* The figures of each line, and of what matches no line per category,
 * whatever the grouping: the total's forecast is always theirs. */
static void
add_to_line (SbBudgetFigures *self,
             SbFigureLine            *line,
             const SbFigureCost      *cost,
             guint            index)
{
  if (line == NULL)
    {
      line = g_hash_table_lookup (self->unmatched, cost->category);
      if (line == NULL)
        {
          line = g_new0 (SbFigureLine, 1);
          line->category = g_strdup (cost->category);
          g_hash_table_insert (self->unmatched, line->category, line);
        }
    }

  if (cost->source == SB_FIGURE_FROM_COMMITTED)
    line->committed[index] += cost->amount;
  else
    line->actual[index] += cost->amount;
}

static gint64
line_forecast (SbBudgetFigures *self,
               const SbFigureLine      *line)
{
  return sb_budget_forecast (line->planned, line->actual, line->committed,
                             self->n_months, self->current);
}

/* Adds @cost (its description taken) to its row. */
void
sb_budget_figures_add_cost (SbBudgetFigures *self,
          SbFigureCost            *cost)
{
  gint64 index = (gint64) sb_month_of_date (&cost->date) - self->start;
  SbFigureLine *line;
  SbFiguresRowPriv *row;
  Detail detail = { 0 };
  const char *key;

  if (index < 0 || index >= self->n_months)
    {
      g_free (cost->description);
      return;
    }

  line = match_line (self, cost);
  add_to_line (self, line, cost, (guint) index);
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


static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const SbFiguresRowPriv *ra = *(SbFiguresRowPriv * const *)a;
  const SbFiguresRowPriv *rb = *(SbFiguresRowPriv * const *)b;

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
  GHashTableIter iter;
  gpointer value;

  g_ptr_array_sort (self->rows, compare_rows);

  self->total = row_new ("", g_strdup (_("Total")), NULL, 0);
  total = &self->total->row;

  for (guint i = 0; i < self->rows->len; i++)
    {
      SbFiguresRowPriv *row = g_ptr_array_index (self->rows, i);

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
      total->sources |= row->row.sources;
      note_category (self->total, row->row.category);
    }

  /* The forecast of the whole budget is that of its lines and of the
   * unbudgeted costs, in every grouping: the sum of the rows by line. */
  for (guint i = 0; i < self->lines->len; i++)
    total->forecast += line_forecast (self, g_ptr_array_index (self->lines, i));
  g_hash_table_iter_init (&iter, self->unmatched);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total->forecast += line_forecast (self, value);

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
  self->lines = g_ptr_array_new_with_free_func (sb_budget_figures_line_free);
  self->unmatched = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, sb_budget_figures_line_free);

  if (!sb_budget_figures_read_budget (self, store, budget_id, error))
    return NULL;

  current = (gint64) sb_month_of_date (today) - self->start;
  self->current = (int) CLAMP (current, -1, (gint64) self->n_months);

  self->services = sb_budget_figures_read_names (store, "SELECT id, code FROM service", error);
  if (self->services == NULL)
    return NULL;
  self->suppliers = sb_budget_figures_read_names (store, "SELECT id, name FROM supplier", error);
  if (self->suppliers == NULL)
    return NULL;

  if (!sb_budget_figures_read_lines (self, store, budget_id, error))
    return NULL;
  add_line_rows (self);

  if (!sb_budget_figures_read_costs (self, store, error))
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

  return &((SbFiguresRowPriv *) g_ptr_array_index (self->rows, index))->row;
}

/**
 * sb_budget_figures_get_total:
 * @self: figures
 *
 * The sum of every row, month by month. Its forecast is the sum of the
 * forecasts of the rows by line (a line's remaining plan is not used up
 * by another line's costs), the same in every grouping; its variance is
 * that forecast against the whole plan.
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
                 SbFiguresRowPriv       *row,
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

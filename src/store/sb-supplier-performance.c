/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-calendar.h"
#include "sb-catalog-private.h"
#include "sb-contracts.h"
#include "sb-deadlines.h"
#include "sb-escalations-private.h"
#include "sb-incident.h"
#include "sb-supplier-performance.h"
#include "sb-supplier.h"
#include "sb-time.h"

/*
 * Supplier performance, computed on demand from the escalations (in
 * business minutes of each contract's calendar against its targets for
 * the escalation's priority), the reviews and the disputes; and the
 * supplier summary of the supplier list. Nothing here is stored.
 */

/* One escalation as the numbers need it. */
typedef struct
{
  char   *calendar_id;   /* NULL: around the clock */
  gboolean has_contract;
  gint64 escalated_ms;
  gint64 responded_ms;
  gint64 resolved_ms;
  gint64 response_target;    /* 0: none */
  gint64 resolution_target;  /* 0: none */
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->calendar_id);
}

static gint64
column_instant (sqlite3_stmt *stmt,
                int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  gint64 ms = SB_INCIDENT_NO_TIME;

  if (text == NULL || !sb_time_parse_instant (text, &ms, NULL))
    return SB_INCIDENT_NO_TIME;

  return ms;
}

static void
bind_nullable (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static GArray *
read_rows (SbStore     *store,
           const char  *supplier_id,
           const char  *contract_id,
           gint64       from_ms,
           gint64       to_ms,
           GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autofree char *from = sb_time_format_instant (from_ms);
  g_autofree char *to = sb_time_format_instant (to_ms);
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (rows, row_clear);

  /* The targets of a contract deleted since are still the ones agreed. */
  stmt = sb_store_prepare (store,
                           "SELECT e.contract_id, c.calendar_id, e.escalated_at, e.responded_at, "
                           "e.resolved_at, t.response_minutes, t.resolution_minutes "
                           "FROM incident_escalation e "
                           "JOIN incident i ON i.id = e.incident_id AND i.deleted = 0 "
                           "LEFT JOIN contract c ON c.id = e.contract_id "
                           "LEFT JOIN contract_target t ON t.contract_id = e.contract_id "
                           "AND t.priority = e.priority AND t.deleted = 0 "
                           "WHERE e.deleted = 0 AND e.supplier_id = ?1 "
                           "AND (?2 IS NULL OR e.contract_id = ?2) "
                           "AND e.escalated_at >= ?3 AND e.escalated_at < ?4 "
                           "ORDER BY e.escalated_at",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_TRANSIENT);
  bind_nullable (stmt, 2, contract_id);
  sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, to, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = { 0 };

      row.has_contract = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
      row.calendar_id = sb_catalog_column_text (stmt, 1);
      row.escalated_ms = column_instant (stmt, 2);
      row.responded_ms = column_instant (stmt, 3);
      row.resolved_ms = column_instant (stmt, 4);
      row.response_target = sqlite3_column_int64 (stmt, 5);
      row.resolution_target = sqlite3_column_int64 (stmt, 6);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the escalations"), error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* A new reference to the calendar @id (deleted ones too: a contract may
 * still point at one), read once per computation; @id NULL: around the
 * clock. */
static SbCalendar *
lookup_calendar (SbStore     *store,
                 GHashTable  *cache,
                 const char  *id,
                 GError     **error)
{
  g_autoptr(SbCalendar) calendar = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *definition = NULL;
  SbCalendar *cached;
  sqlite3_stmt *stmt;
  int rc;

  cached = g_hash_table_lookup (cache, id != NULL ? id : "");
  if (cached != NULL)
    return sb_calendar_ref (cached);

  if (id == NULL)
    {
      calendar = sb_calendar_new_24x7 ();
      g_hash_table_insert (cache, g_strdup (""), sb_calendar_ref (calendar));
      return g_steal_pointer (&calendar);
    }

  stmt = sb_store_prepare (store, "SELECT name, definition FROM calendar WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      name = sb_catalog_column_text (stmt, 0);
      definition = sb_catalog_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the support calendars"), error);
      return NULL;
    }

  /* A calendar that has gone entirely: count around the clock. */
  if (definition == NULL)
    calendar = sb_calendar_new_24x7 ();
  else
    calendar = sb_calendar_new_from_string (definition, &local_error);

  if (calendar == NULL)
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                   /* Translators: %s is a calendar's name, then the reason */
                   _("The support calendar “%s” cannot be read: %s"),
                   name != NULL ? name : id, local_error->message);
      return NULL;
    }

  g_hash_table_insert (cache, g_strdup (id), sb_calendar_ref (calendar));

  return g_steal_pointer (&calendar);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* The median, the mean of the two middle values when there are two;
 * -1 for none. */
static gint64
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return -1;

  g_array_sort (values, compare_gint64);
  if (n % 2 == 1)
    return g_array_index (values, gint64, n / 2);

  return (g_array_index (values, gint64, n / 2 - 1) + g_array_index (values, gint64, n / 2)) / 2;
}

/* Judges one clock: met, breached, or not yet either. */
typedef enum
{
  VERDICT_NONE,
  VERDICT_MET,
  VERDICT_BREACHED,
} Verdict;

static gboolean
judge (SbCalendar  *calendar,
       gint64       start_ms,
       gint64       end_ms,      /* SB_INCIDENT_NO_TIME: still running */
       gint64       now_ms,
       gint64       target,
       GArray      *durations,
       Verdict     *out,
       GError     **error)
{
  gint64 minutes = 0;

  *out = VERDICT_NONE;

  if (end_ms != SB_INCIDENT_NO_TIME)
    {
      if (!sb_calendar_business_minutes_between (calendar, start_ms, end_ms, &minutes, error))
        return FALSE;
      g_array_append_val (durations, minutes);
      if (target > 0)
        *out = minutes <= target ? VERDICT_MET : VERDICT_BREACHED;
      return TRUE;
    }

  if (target <= 0 || now_ms <= start_ms)
    return TRUE;

  if (!sb_calendar_business_minutes_between (calendar, start_ms, now_ms, &minutes, error))
    return FALSE;
  if (minutes > target)
    *out = VERDICT_BREACHED;

  return TRUE;
}

static gboolean
add_escalations (SbStore               *store,
                 const char            *supplier_id,
                 const char            *contract_id,
                 gint64                 from_ms,
                 gint64                 to_ms,
                 SbSupplierPerformance *out,
                 GError               **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GHashTable) calendars = NULL;
  g_autoptr(GArray) responses = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) resolutions = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 now_ms = sb_store_now_ms (store);

  rows = read_rows (store, supplier_id, contract_id, from_ms, to_ms, error);
  if (rows == NULL)
    return FALSE;

  calendars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify)sb_calendar_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autoptr(SbCalendar) calendar = lookup_calendar (store, calendars, row->calendar_id, error);
      Verdict response;
      Verdict resolution;

      if (calendar == NULL)
        return FALSE;

      out->n_escalated++;
      if (row->resolved_ms == SB_INCIDENT_NO_TIME)
        out->n_open++;

      if (!row->has_contract)
        row->response_target = row->resolution_target = 0;
      if (row->response_target <= 0 && row->resolution_target <= 0)
        out->n_not_judged++;

      if (!judge (calendar, row->escalated_ms, row->responded_ms, now_ms, row->response_target,
                  responses, &response, error) ||
          !judge (calendar, row->escalated_ms, row->resolved_ms, now_ms, row->resolution_target,
                  resolutions, &resolution, error))
        return FALSE;

      out->n_response_met += response == VERDICT_MET;
      out->n_response_breached += response == VERDICT_BREACHED;
      out->n_resolution_met += resolution == VERDICT_MET;
      out->n_resolution_breached += resolution == VERDICT_BREACHED;
    }

  out->median_response_minutes = median (responses);
  out->median_resolution_minutes = median (resolutions);

  return TRUE;
}

static gboolean
add_reviews (SbStore               *store,
             const char            *supplier_id,
             const char            *contract_id,
             const char            *from,
             const char            *to,
             SbSupplierPerformance *out,
             GError               **error)
{
  sqlite3_stmt *stmt;
  double sums[SB_REVIEW_N_SCORES] = { 0 };
  guint counts[SB_REVIEW_N_SCORES] = { 0 };
  int rc;

  /* With a contract: its own reviews and those of the whole supplier. */
  stmt = sb_store_prepare (store,
                           "SELECT quality, delivery, responsiveness, value FROM supplier_review "
                           "WHERE deleted = 0 AND supplier_id = ?1 "
                           "AND (?2 IS NULL OR contract_id IS NULL OR contract_id = ?2) "
                           "AND review_date >= ?3 AND review_date <= ?4",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_TRANSIENT);
  bind_nullable (stmt, 2, contract_id);
  sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, to, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      out->n_reviews++;
      for (int k = 0; k < SB_REVIEW_N_SCORES; k++)
        {
          if (sqlite3_column_type (stmt, k) == SQLITE_NULL)
            continue;
          sums[k] += sqlite3_column_int (stmt, k);
          counts[k]++;
        }
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the supplier reviews"), error);

  for (int k = 0; k < SB_REVIEW_N_SCORES; k++)
    out->mean_scores[k] = counts[k] > 0 ? sums[k] / counts[k] : 0;

  return TRUE;
}

static gboolean
add_disputes (SbStore               *store,
              const char            *supplier_id,
              const char            *contract_id,
              const char            *from,
              const char            *to,
              SbSupplierPerformance *out,
              GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Open at the end of the period: raised by then and not closed by
   * then (a closed one without its date counts by its status). */
  stmt = sb_store_prepare (store,
                           "SELECT count (*) FILTER (WHERE raised_on >= ?3), "
                           "count (*) FILTER (WHERE (closed_on IS NULL AND status IN ('open', 'in-progress')) "
                           "OR closed_on > ?4) "
                           "FROM supplier_dispute "
                           "WHERE deleted = 0 AND supplier_id = ?1 "
                           "AND (?2 IS NULL OR contract_id IS NULL OR contract_id = ?2) "
                           "AND raised_on <= ?4",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_TRANSIENT);
  bind_nullable (stmt, 2, contract_id);
  sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, to, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->n_disputes_raised = sqlite3_column_int (stmt, 0);
      out->n_disputes_open = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW)
    return sb_catalog_step_error (store, rc, _("Reading the supplier disputes"), error);

  return TRUE;
}

/**
 * sb_supplier_performance_compute:
 * @store: a store
 * @supplier_id: the supplier
 * @contract_id: (nullable): one of its contracts, or %NULL for all
 * @from: the first day of the period
 * @to: the last day of the period
 * @out: (out caller-allocates): the numbers
 * @error: return location for a #GError
 *
 * How the supplier performed from @from to @to (local days, both
 * included): the escalations raised in the period judged against the
 * contract's targets for their priority (in business minutes of the
 * contract's calendar, around the clock without one; one still waiting
 * for the supplier is breached once its target has passed at the store's
 * now); the reviews made in the period with the mean of each score; the
 * disputes raised in it and those open at its end. With @contract_id,
 * the reviews and disputes of the whole supplier count too.
 *
 * An escalation with no contract, or whose contract has neither target
 * for its priority, counts in n_not_judged; one with only one of the two
 * targets is judged on that one.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_supplier_performance_compute (SbStore               *store,
                                 const char            *supplier_id,
                                 const char            *contract_id,
                                 const GDate           *from,
                                 const GDate           *to,
                                 SbSupplierPerformance *out,
                                 GError               **error)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  GDate after;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (supplier_id != NULL, FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (out, 0, sizeof *out);
  out->from = *from;
  out->to = *to;
  out->median_response_minutes = -1;
  out->median_resolution_minutes = -1;

  if (g_date_compare (to, from) < 0)
    return sb_catalog_invalid (error, _("The period ends before it starts"));

  after = *to;
  g_date_add_days (&after, 1);
  from_text = sb_date_format (from);
  to_text = sb_date_format (to);

  return add_escalations (store, supplier_id, contract_id,
                          sb_escalations_day_start_ms (from), sb_escalations_day_start_ms (&after),
                          out, error) &&
         add_reviews (store, supplier_id, contract_id, from_text, to_text, out, error) &&
         add_disputes (store, supplier_id, contract_id, from_text, to_text, out, error);
}

/**
 * sb_supplier_performance_by_month:
 * @store: a store
 * @supplier_id: the supplier
 * @last_month_day: a day of the last month
 * @n_months: how many months
 * @error: return location for a #GError
 *
 * The performance of @n_months calendar months ending with the month of
 * @last_month_day, oldest first: the trend.
 *
 * Returns: (transfer full) (element-type SbSupplierPerformance): the
 *   months, or %NULL on error
 */
GArray *
sb_supplier_performance_by_month (SbStore     *store,
                                  const char  *supplier_id,
                                  const GDate *last_month_day,
                                  guint        n_months,
                                  GError     **error)
{
  g_autoptr(GArray) months = NULL;
  GDate first;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (supplier_id != NULL, NULL);
  g_return_val_if_fail (last_month_day != NULL && g_date_valid (last_month_day), NULL);

  months = g_array_sized_new (FALSE, TRUE, sizeof (SbSupplierPerformance), n_months);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (last_month_day), g_date_get_year (last_month_day));
  if (n_months > 1)
    g_date_subtract_months (&first, n_months - 1);

  for (guint i = 0; i < n_months; i++)
    {
      SbSupplierPerformance perf;
      GDate last = first;

      g_date_add_months (&last, 1);
      g_date_subtract_days (&last, 1);

      if (!sb_supplier_performance_compute (store, supplier_id, NULL, &first, &last, &perf, error))
        return NULL;
      g_array_append_val (months, perf);

      g_date_add_months (&first, 1);
    }

  return g_steal_pointer (&months);
}

static int
percent (guint met,
         guint breached)
{
  guint judged = met + breached;

  if (judged == 0)
    return -1;

  return (int)((met * 100 + judged / 2) / judged);
}

/**
 * sb_supplier_performance_response_percent:
 * @perf: computed performance
 *
 * Returns: the per cent of judged responses that met the target, rounded;
 *   -1 when none was judged
 */
int
sb_supplier_performance_response_percent (const SbSupplierPerformance *perf)
{
  g_return_val_if_fail (perf != NULL, -1);

  return percent (perf->n_response_met, perf->n_response_breached);
}

/**
 * sb_supplier_performance_resolution_percent:
 * @perf: computed performance
 *
 * Returns: the per cent of judged resolutions that met the target,
 *   rounded; -1 when none was judged
 */
int
sb_supplier_performance_resolution_percent (const SbSupplierPerformance *perf)
{
  g_return_val_if_fail (perf != NULL, -1);

  return percent (perf->n_resolution_met, perf->n_resolution_breached);
}

/* The summary */

/**
 * sb_supplier_summary_clear:
 * @summary: a summary filled by sb_suppliers_get_summary()
 *
 * Frees what the summary holds and empties it.
 */
void
sb_supplier_summary_clear (SbSupplierSummary *summary)
{
  g_return_if_fail (summary != NULL);

  g_free (summary->next_deadline_what);
  memset (summary, 0, sizeof *summary);
  g_date_clear (&summary->next_deadline, 1);
  g_date_clear (&summary->last_review, 1);
}

/* A step of one counting query with one text argument. */
static gboolean
count_one (SbStore     *store,
           const char  *sql,
           const char  *arg,
           guint       *out,
           const char  *doing,
           GError     **error)
{
  sqlite3_stmt *stmt = sb_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW)
    return sb_catalog_step_error (store, rc, doing, error);

  return TRUE;
}

static gboolean
add_contracts (SbStore           *store,
               const char        *supplier_id,
               const GDate       *day,
               SbSupplierSummary *out,
               GError           **error)
{
  g_autoptr(GListModel) contracts = sb_contracts_list (store, supplier_id, error);
  g_autoptr(GHashTable) totals = NULL;   /* currency → gint64 * */
  const char *base = sb_store_get_base_currency (store);
  int warning_days = sb_contracts_get_warning_days (store);
  guint n;
  GDate last;

  if (contracts == NULL)
    return FALSE;

  totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  last = *day;
  sb_date_add_months_clamped (&last, 12);
  g_date_subtract_days (&last, 1);

  n = g_list_model_get_n_items (contracts);
  out->n_contracts = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (contracts, i);
      g_autoptr(GPtrArray) gaps = NULL;
      SbContractState state;
      gint64 amount = sb_contract_get_cost_amount (contract);
      const char *currency = sb_contract_get_cost_currency (contract);

      sb_contract_get_state (contract, day, warning_days, &state);
      if (state.status == SB_CONTRACT_ACTIVE || state.status == SB_CONTRACT_IN_NOTICE_WINDOW ||
          state.status == SB_CONTRACT_EXPIRING)
        out->n_in_force++;

      if (amount >= 0)
        {
          gint64 total = sb_billing_total (sb_contract_get_terms (contract),
                                           sb_contract_get_billing_period (contract),
                                           amount, day, &last);
          gint64 *sum;

          if (currency == NULL)
            currency = base;
          /* A contract that costs nothing in the window does not make the
           * total one of mixed currencies. */
          if (total > 0)
            {
              sum = g_hash_table_lookup (totals, currency);
              if (sum == NULL)
                {
                  sum = g_new0 (gint64, 1);
                  g_hash_table_insert (totals, g_strdup (currency), sum);
                }
              *sum += total;
            }
        }

      gaps = sb_contracts_check_alignment (store, sb_contract_get_id (contract), NULL, error);
      if (gaps == NULL)
        return FALSE;
      out->n_alignment_gaps += gaps->len;
    }

  if (g_hash_table_size (totals) == 1)
    {
      GHashTableIter iter;
      gpointer key;
      gpointer value;

      g_hash_table_iter_init (&iter, totals);
      g_hash_table_iter_next (&iter, &key, &value);
      g_strlcpy (out->currency, key, sizeof out->currency);
      out->cost_12_months = *(gint64 *)value;
    }
  else
    {
      gint64 *sum = g_hash_table_lookup (totals, base);

      g_strlcpy (out->currency, base, sizeof out->currency);
      out->cost_12_months = sum != NULL ? *sum : 0;
      out->mixed_currencies = g_hash_table_size (totals) > 1;
    }

  return TRUE;
}

static gboolean
add_next_deadline (SbStore           *store,
                   const char        *supplier_id,
                   const GDate       *day,
                   SbSupplierSummary *out,
                   GError           **error)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  GDate last = *day;

  sb_date_add_months_clamped (&last, 12);

  deadlines = sb_deadlines_list (store, day, &last, error);
  if (deadlines == NULL)
    return FALSE;

  for (guint i = 0; i < deadlines->len; i++)
    {
      SbDeadline *deadline = g_ptr_array_index (deadlines, i);

      if (g_strcmp0 (deadline->supplier_id, supplier_id) != 0)
        continue;

      out->next_deadline = deadline->date;
      out->next_deadline_what = g_strdup (deadline->summary);
      break;
    }

  return TRUE;
}

static gboolean
add_last_review (SbStore           *store,
                 const char        *supplier_id,
                 SbSupplierSummary *out,
                 GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT review_date, quality, delivery, responsiveness, value "
                           "FROM supplier_review WHERE deleted = 0 AND supplier_id = ? "
                           "ORDER BY review_date DESC, created_at DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      double sum = 0;
      guint n = 0;

      sb_date_parse ((const char *)sqlite3_column_text (stmt, 0), &out->last_review, NULL);
      for (int k = 0; k < SB_REVIEW_N_SCORES; k++)
        {
          if (sqlite3_column_type (stmt, k + 1) == SQLITE_NULL)
            continue;
          sum += sqlite3_column_int (stmt, k + 1);
          n++;
        }
      out->last_review_score = n > 0 ? sum / n : 0;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the supplier reviews"), error);

  return TRUE;
}

/**
 * sb_suppliers_get_summary:
 * @store: a store
 * @supplier_id: the supplier
 * @day: the day to look from (today, usually)
 * @out: (out caller-allocates): the summary; free with
 *   sb_supplier_summary_clear()
 * @error: return location for a #GError
 *
 * What the supplier list shows: live contracts and those in force on
 * @day; their cost over the 12 months from @day (the billing schedule),
 * in their currency, or, when they use several, the base currency's
 * contracts only with mixed_currencies set; the supplier's next deadline
 * within 12 months; the alignment gaps of its contracts; its escalations
 * still waiting for it; its open disputes; its latest review.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_suppliers_get_summary (SbStore           *store,
                          const char        *supplier_id,
                          const GDate       *day,
                          SbSupplierSummary *out,
                          GError           **error)
{
  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (supplier_id != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (out, 0, sizeof *out);
  g_date_clear (&out->next_deadline, 1);
  g_date_clear (&out->last_review, 1);

  if (!add_contracts (store, supplier_id, day, out, error) ||
      !add_next_deadline (store, supplier_id, day, out, error) ||
      !count_one (store,
                  "SELECT count (*) FROM incident_escalation e "
                  "JOIN incident i ON i.id = e.incident_id AND i.deleted = 0 "
                  "WHERE e.deleted = 0 AND e.supplier_id = ? AND e.resolved_at IS NULL",
                  supplier_id, &out->n_open_escalations, _("Reading the escalations"), error) ||
      !count_one (store,
                  "SELECT count (*) FROM supplier_dispute "
                  "WHERE deleted = 0 AND supplier_id = ? AND status IN ('open', 'in-progress')",
                  supplier_id, &out->n_open_disputes, _("Reading the supplier disputes"), error) ||
      !add_last_review (store, supplier_id, out, error))
    {
      sb_supplier_summary_clear (out);
      return FALSE;
    }

  return TRUE;
}

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
#include "sb-charges.h"
#include "sb-contract-terms.h"
#include "sb-costs-private.h"
#include "sb-money.h"
#include "sb-time.h"

/*
 * Optional charging: the price of a service per customer (service_charge),
 * and the income and margin per service derived from it. Nothing derived
 * is stored. See sb-charges.h for the rules.
 */

/* Months between two billings of @period; 0 for one-off, -1 unknown. */
static int
period_step (const char *period)
{
  if (g_strcmp0 (period, "month") == 0)
    return 1;
  if (g_strcmp0 (period, "quarter") == 0)
    return 3;
  if (g_strcmp0 (period, "year") == 0)
    return 12;
  if (g_strcmp0 (period, "one-off") == 0)
    return 0;
  return -1;
}

/**
 * sb_service_charge_new:
 * @service_id: the service
 * @customer_id: the customer paying for it
 * @amount: the price per @period, in minor units of @currency
 * @currency: an ISO 4217 code
 * @period: month, quarter, year or one-off
 * @start: the first billing day
 *
 * Returns: (transfer full): a new, unsaved charge without an end
 */
SbServiceCharge *
sb_service_charge_new (const char  *service_id,
                       const char  *customer_id,
                       gint64       amount,
                       const char  *currency,
                       const char  *period,
                       const GDate *start)
{
  SbServiceCharge *charge = g_new0 (SbServiceCharge, 1);

  charge->service_id = g_strdup (service_id);
  charge->customer_id = g_strdup (customer_id);
  charge->amount = amount;
  g_strlcpy (charge->currency, currency != NULL ? currency : "", sizeof charge->currency);
  charge->period = g_strdup (period);
  g_date_clear (&charge->start, 1);
  g_date_clear (&charge->end, 1);
  if (start != NULL && g_date_valid (start))
    charge->start = *start;

  return charge;
}

/**
 * sb_service_charge_free:
 * @charge: (nullable): a charge
 *
 * Frees @charge.
 */
void
sb_service_charge_free (SbServiceCharge *charge)
{
  if (charge == NULL)
    return;

  g_free (charge->id);
  g_free (charge->service_id);
  g_free (charge->customer_id);
  g_free (charge->period);
  g_free (charge->service_code);
  g_free (charge->customer_name);
  g_free (charge);
}

/**
 * sb_service_margin_free:
 * @margin: (nullable): a margin row
 *
 * Frees @margin.
 */
void
sb_service_margin_free (SbServiceMargin *margin)
{
  if (margin == NULL)
    return;

  g_free (margin->service_id);
  g_free (margin->service_code);
  g_free (margin->service_name);
  g_free (margin);
}

/* Reading */

/* A date column, or an invalid date for NULL. */
static void
column_date (sqlite3_stmt *stmt,
             int           column,
             GDate        *out)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_date_clear (out, 1);
  if (text != NULL && !sb_date_parse (text, out, NULL))
    g_date_clear (out, 1);
}

/* @sql prepared with @service_id (nullable) bound to ?1. */
static sqlite3_stmt *
prepare_for_service (SbStore     *store,
                     const char  *sql,
                     const char  *service_id,
                     GError     **error)
{
  sqlite3_stmt *stmt = sb_store_prepare (store, sql, error);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, service_id, -1, SQLITE_TRANSIENT);

  return stmt;
}

/**
 * sb_charges_list:
 * @store: a store
 * @service_id: (nullable): a service, or %NULL for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SbServiceCharge): the live
 *   charges, by service code and customer name, or %NULL on error
 */
GPtrArray *
sb_charges_list (SbStore     *store,
                 const char  *service_id,
                 GError     **error)
{
  g_autoptr(GPtrArray) charges = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare_for_service (store,
                              "SELECT ch.id, ch.service_id, ch.customer_id, ch.amount, ch.currency, "
                              "       ch.period, ch.start_date, ch.end_date, s.code, c.name "
                              "  FROM service_charge ch "
                              "  JOIN service s ON s.id = ch.service_id "
                              "  JOIN customer c ON c.id = ch.customer_id "
                              " WHERE ch.deleted = 0 AND (?1 IS NULL OR ch.service_id = ?1) "
                              " ORDER BY s.code, c.name COLLATE NOCASE, ch.start_date",
                              service_id, error);
  if (stmt == NULL)
    return NULL;

  charges = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_service_charge_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbServiceCharge *charge = sb_service_charge_new ((const char *) sqlite3_column_text (stmt, 1),
                                                       (const char *) sqlite3_column_text (stmt, 2),
                                                       sqlite3_column_int64 (stmt, 3),
                                                       (const char *) sqlite3_column_text (stmt, 4),
                                                       (const char *) sqlite3_column_text (stmt, 5),
                                                       NULL);

      charge->id = sb_catalog_column_text (stmt, 0);
      column_date (stmt, 6, &charge->start);
      column_date (stmt, 7, &charge->end);
      charge->service_code = sb_catalog_column_text (stmt, 8);
      charge->customer_name = sb_catalog_column_text (stmt, 9);
      g_ptr_array_add (charges, charge);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the charges of services"), error);
      return NULL;
    }

  return g_steal_pointer (&charges);
}

/* Writing */

/* The id of the live charge of the same service and customer other than
 * @id, or NULL. */
static gboolean
find_other_charge (SbStore          *store,
                   SbServiceCharge  *charge,
                   char            **out_id,
                   GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT id FROM service_charge "
                           " WHERE deleted = 0 AND service_id = ?1 AND customer_id = ?2 "
                           "   AND (?3 IS NULL OR id <> ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, charge->service_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, charge->customer_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, charge->id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *out_id = rc == SQLITE_ROW ? sb_catalog_column_text (stmt, 0) : NULL;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the charges of services"), error);

  return TRUE;
}

static gboolean
validate_charge (SbStore          *store,
                 SbServiceCharge  *charge,
                 GError          **error)
{
  g_autofree char *other = NULL;
  gboolean exists = FALSE;

  if (charge->service_id == NULL || charge->service_id[0] == '\0')
    return sb_catalog_invalid (error, _("A charge needs a service: choose one"));
  if (!sb_catalog_record_exists (store, "service", charge->service_id, TRUE, &exists, error))
    return FALSE;
  if (!exists)
    return sb_catalog_invalid (error, _("The charge’s service no longer exists: choose another"));

  if (charge->customer_id == NULL || charge->customer_id[0] == '\0')
    return sb_catalog_invalid (error, _("A charge needs the customer who pays it: choose one"));
  if (!sb_catalog_record_exists (store, "customer", charge->customer_id, TRUE, &exists, error))
    return FALSE;
  if (!exists)
    return sb_catalog_invalid (error, _("The charge’s customer no longer exists: choose another"));

  if (charge->amount < 0)
    return sb_catalog_invalid (error, _("The price of a service cannot be negative"));
  if (!sb_currency_is_valid (charge->currency))
    return sb_catalog_invalid (error, _("The charge’s currency “%s” is not a known ISO 4217 code such as EUR"),
                               charge->currency);
  if (period_step (charge->period) < 0)
    return sb_catalog_invalid (error, _("A charge is billed every month, quarter or year, or once: choose one"));

  if (!g_date_valid (&charge->start))
    return sb_catalog_invalid (error, _("A charge needs the day it starts: choose a date"));
  if (g_date_valid (&charge->end) && g_date_compare (&charge->end, &charge->start) < 0)
    return sb_catalog_invalid (error, _("The charge ends before it starts: the end date must be on or after the start date"));

  if (!find_other_charge (store, charge, &other, error))
    return FALSE;
  if (other != NULL)
    return sb_catalog_invalid (error, _("The customer already has a charge for this service: change that one instead"));

  return TRUE;
}

/**
 * sb_charges_save:
 * @store: a store
 * @charge: a new or edited charge; its id is set when new
 * @error: return location for a #GError
 *
 * Checks and saves @charge: a live service and customer, a price not
 * below zero in a known currency, a billing period, a start date and an
 * end not before it, and no other live charge of the same customer for
 * the same service.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID naming
 *   the field at fault
 */
gboolean
sb_charges_save (SbStore          *store,
                 SbServiceCharge  *charge,
                 GError          **error)
{
  g_autoptr(SbChange) change = NULL;
  g_autofree char *start = NULL;
  gboolean exists = TRUE;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (charge != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (char *p = charge->currency; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);

  if (!validate_charge (store, charge, error))
    return FALSE;

  if (charge->id != NULL &&
      !sb_catalog_record_exists (store, "service_charge", charge->id, TRUE, &exists, error))
    return FALSE;
  if (!exists)
    return sb_catalog_invalid (error, _("The charge was deleted meanwhile: save it as a new charge"));

  change = charge->id != NULL ? sb_change_update ("service_charge", charge->id)
                              : sb_change_insert ("service_charge");
  start = sb_date_format (&charge->start);
  sb_change_set_string (change, "service_id", charge->service_id);
  sb_change_set_string (change, "customer_id", charge->customer_id);
  sb_change_set_int (change, "amount", charge->amount);
  sb_change_set_string (change, "currency", charge->currency);
  sb_change_set_string (change, "period", charge->period);
  sb_change_set_string (change, "start_date", start);
  if (g_date_valid (&charge->end))
    {
      g_autofree char *end = sb_date_format (&charge->end);

      sb_change_set_string (change, "end_date", end);
    }
  else
    {
      sb_change_set_null (change, "end_date");
    }

  if (!sb_store_apply (store, change, error))
    return FALSE;

  if (charge->id == NULL)
    charge->id = g_strdup (sb_change_get_id (change));

  return TRUE;
}

/**
 * sb_charges_delete:
 * @store: a store
 * @id: a charge's id
 * @error: return location for a #GError
 *
 * Deletes a charge (a tombstone); the customer pays the service's own
 * price again. Deleting a deleted charge does nothing.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID when
 *   there is no charge @id
 */
gboolean
sb_charges_delete (SbStore     *store,
                   const char  *id,
                   GError     **error)
{
  g_autoptr(SbChange) change = NULL;
  gboolean exists = FALSE;
  gboolean live = FALSE;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sb_catalog_record_exists (store, "service_charge", id, FALSE, &exists, error) ||
      !sb_catalog_record_exists (store, "service_charge", id, TRUE, &live, error))
    return FALSE;
  if (!exists)
    return sb_catalog_invalid (error, _("There is no charge with the id %s"), id);
  if (!live)
    return TRUE;

  change = sb_change_delete ("service_charge", id);

  return sb_store_apply (store, change, error);
}

/* Income */

typedef struct
{
  SbStore    *store;
  SbMonth     from;
  guint       n_months;
  int         fiscal_start;      /* 1…12 */
  GHashTable *per_service;       /* service id → gint64[n_months] */
  GHashTable *estimated;         /* service ids with income at no known rate */
} Income;

static gint64 *
service_months (Income     *income,
                const char *service_id)
{
  gint64 *months = g_hash_table_lookup (income->per_service, service_id);

  if (months == NULL)
    {
      months = g_new0 (gint64, income->n_months);
      g_hash_table_insert (income->per_service, g_strdup (service_id), months);
    }

  return months;
}

/* @amount of @currency in the base currency, for @service_id. */
static gboolean
to_base (Income      *income,
         const char  *service_id,
         gint64       amount,
         const char  *currency,
         gint64      *out,
         GError     **error)
{
  gboolean estimated = FALSE;

  if (!sb_costs_to_base_at_last_rate (income->store, amount, currency, out, &estimated, error))
    return FALSE;
  if (estimated)
    g_hash_table_add (income->estimated, g_strdup (service_id));

  return TRUE;
}

/* Adds @amount on each billing day of a charge from @start every @step
 * months (once for 0) up to @end (invalid: open) that falls in the
 * period. */
static void
add_billings (Income      *income,
              gint64      *months,
              const GDate *start,
              const GDate *end,
              int          step,
              gint64       amount)
{
  SbMonth last = income->from + (SbMonth) income->n_months - 1;
  SbMonth first_billed = sb_month_of_date (start);
  int k = 0;

  /* Skip the billings before the period without walking them. */
  if (step > 0 && first_billed < income->from)
    k = (income->from - first_billed) / step;

  for (;; k++)
    {
      GDate day = *start;
      SbMonth month;

      if (step == 0 && k > 0)
        break;
      sb_date_add_months_clamped (&day, k * step);
      if (!g_date_valid (&day))
        break;
      if (end != NULL && g_date_valid (end) && g_date_compare (&day, end) > 0)
        break;
      month = sb_month_of_date (&day);
      if (month > last)
        break;
      if (month >= income->from)
        months[month - income->from] += amount;
    }
}

static gboolean
add_charges (Income      *income,
             const char  *service_id,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_for_service (income->store,
                              "SELECT ch.service_id, ch.amount, ch.currency, ch.period, "
                              "       ch.start_date, ch.end_date "
                              "  FROM service_charge ch "
                              "  JOIN service s ON s.id = ch.service_id AND s.deleted = 0 "
                              "  JOIN customer c ON c.id = ch.customer_id AND c.deleted = 0 "
                              " WHERE ch.deleted = 0 AND (?1 IS NULL OR ch.service_id = ?1)",
                              service_id, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      GDate start, end;
      gint64 amount = 0;

      /* The schema holds a real start date. */
      column_date (stmt, 4, &start);
      column_date (stmt, 5, &end);
      if (!g_date_valid (&start))
        continue;

      if (!to_base (income, id, sqlite3_column_int64 (stmt, 1),
                    (const char *) sqlite3_column_text (stmt, 2), &amount, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }

      add_billings (income, service_months (income, id), &start, &end,
                    period_step ((const char *) sqlite3_column_text (stmt, 3)), amount);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (income->store, rc, _("Reading the charges of services"), error);

  return TRUE;
}

/* The service's own price, for each customer using it without a charge
 * of their own. */
static gboolean
add_service_prices (Income      *income,
                    const char  *service_id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_for_service (income->store,
                              "SELECT s.id, s.price_amount, s.price_currency, s.price_period "
                              "  FROM service_customer sc "
                              "  JOIN service s ON s.id = sc.service_id AND s.deleted = 0 "
                              "  JOIN customer c ON c.id = sc.customer_id AND c.deleted = 0 "
                              " WHERE sc.deleted = 0 AND s.price_amount IS NOT NULL "
                              "   AND (?1 IS NULL OR sc.service_id = ?1) "
                              "   AND NOT EXISTS (SELECT 1 FROM service_charge ch "
                              "                    WHERE ch.deleted = 0 AND ch.service_id = sc.service_id "
                              "                      AND ch.customer_id = sc.customer_id)",
                              service_id, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      int step = period_step ((const char *) sqlite3_column_text (stmt, 3));
      gint64 amount = 0;
      gint64 *months;

      /* A one-off price has no day to be billed on. */
      if (step <= 0)
        continue;

      if (!to_base (income, id, sqlite3_column_int64 (stmt, 1),
                    (const char *) sqlite3_column_text (stmt, 2), &amount, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }

      months = service_months (income, id);
      for (guint i = 0; i < income->n_months; i++)
        {
          int from_year_start = (sb_month_get_month (income->from + (SbMonth) i)
                                 - income->fiscal_start + 12) % 12;

          if (step == 1 || from_year_start % step == 0)
            months[i] += amount;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (income->store, rc, _("Reading the prices of services"), error);

  return TRUE;
}

static void
income_clear (Income *income)
{
  g_clear_pointer (&income->per_service, g_hash_table_unref);
  g_clear_pointer (&income->estimated, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Income, income_clear)

static gboolean
compute_income (SbStore     *store,
                const char  *service_id,
                SbMonth      from,
                guint        n_months,
                Income      *income,
                GError     **error)
{
  income->store = store;
  income->from = from;
  income->n_months = n_months;
  income->fiscal_start = sb_budgets_get_fiscal_start_month (store);
  income->per_service = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  income->estimated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return add_charges (income, service_id, error) &&
         add_service_prices (income, service_id, error);
}

/**
 * sb_charges_income_per_month:
 * @store: a store
 * @service_id: (nullable): a service, or %NULL for every service
 * @from: the first month
 * @n_months: how many months, at least 1
 * @out_months: (out caller-allocates) (array length=n_months): the income
 *   of each month, in minor units of the base currency
 * @out_estimated: (out) (optional): whether some income was converted
 *   without a known exchange rate
 * @error: return location for a #GError
 *
 * The income from the charges of customers, and from the service's own
 * price for customers without a charge, billed in each month.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_charges_income_per_month (SbStore     *store,
                             const char  *service_id,
                             SbMonth      from,
                             guint        n_months,
                             gint64      *out_months,
                             gboolean    *out_estimated,
                             GError     **error)
{
  g_auto(Income) income = { 0 };
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_months >= 1, FALSE);
  g_return_val_if_fail (out_months != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (out_months, 0, n_months * sizeof (gint64));
  if (!compute_income (store, service_id, from, n_months, &income, error))
    return FALSE;

  g_hash_table_iter_init (&iter, income.per_service);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const gint64 *months = value;

      for (guint i = 0; i < n_months; i++)
        out_months[i] += months[i];
    }

  if (out_estimated != NULL)
    *out_estimated = g_hash_table_size (income.estimated) > 0;

  return TRUE;
}

/* Margins */

static SbServiceMargin *
margin_for (GHashTable *margins,
            const char *service_id)
{
  SbServiceMargin *margin = g_hash_table_lookup (margins, service_id);

  if (margin == NULL)
    {
      margin = g_new0 (SbServiceMargin, 1);
      margin->service_id = g_strdup (service_id);
      g_hash_table_insert (margins, margin->service_id, margin);
    }

  return margin;
}

static gboolean
add_cost_entries (SbStore     *store,
                  GHashTable  *margins,
                  SbMonth      from,
                  SbMonth      last,
                  GError     **error)
{
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  sqlite3_stmt *stmt;
  GDate day;
  int rc;

  sb_month_get_first_day (from, &day);
  first_day = sb_date_format (&day);
  sb_month_get_last_day (last, &day);
  last_day = sb_date_format (&day);

  stmt = sb_store_prepare (store,
                           "SELECT service_id, SUM (base_amount) FROM cost_entry "
                           " WHERE deleted = 0 AND service_id IS NOT NULL "
                           "   AND date BETWEEN ?1 AND ?2 "
                           " GROUP BY service_id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_day, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    margin_for (margins, (const char *) sqlite3_column_text (stmt, 0))->costs +=
      sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the costs of services"), error);

  return TRUE;
}

static gint
compare_margins (gconstpointer a,
                 gconstpointer b)
{
  const SbServiceMargin *x = *(SbServiceMargin * const *) a;
  const SbServiceMargin *y = *(SbServiceMargin * const *) b;

  return g_strcmp0 (x->service_code, y->service_code);
}

/* Names the rows of live services and moves them into @out; costs of
 * deleted services are left out, as the services are. */
static gboolean
name_services (SbStore     *store,
               GHashTable  *margins,
               GPtrArray   *out,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store, "SELECT id, code, name FROM service WHERE deleted = 0", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbServiceMargin *margin;
      gpointer key = NULL;

      if (!g_hash_table_steal_extended (margins, sqlite3_column_text (stmt, 0), &key,
                                        (gpointer *) &margin))
        continue;

      margin->service_code = sb_catalog_column_text (stmt, 1);
      margin->service_name = sb_catalog_column_text (stmt, 2);
      margin->margin = margin->income - margin->costs - margin->labour;
      g_ptr_array_add (out, margin);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the services"), error);

  g_ptr_array_sort (out, compare_margins);
  return TRUE;
}

/**
 * sb_charges_list_margins:
 * @store: a store
 * @from: the first month
 * @n_months: how many months, at least 1
 * @error: return location for a #GError
 *
 * The margin of each service over the period: its income (see
 * sb_charges_income_per_month()) less its actual costs, the cost entries
 * naming the service and the labour of incident time on it. Committed
 * costs are not actual yet and are left out.
 *
 * Returns: (transfer full) (element-type SbServiceMargin): one row per
 *   live service with income or costs, by code; %NULL on error
 */
GPtrArray *
sb_charges_list_margins (SbStore     *store,
                         SbMonth      from,
                         guint        n_months,
                         GError     **error)
{
  g_auto(Income) income = { 0 };
  g_autoptr(GHashTable) margins = NULL;
  g_autoptr(GPtrArray) labour = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SbMonth last = from + (SbMonth) n_months - 1;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (n_months >= 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!compute_income (store, NULL, from, n_months, &income, error))
    return NULL;

  margins = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) sb_service_margin_free);
  g_hash_table_iter_init (&iter, income.per_service);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SbServiceMargin *margin = margin_for (margins, key);
      const gint64 *months = value;

      for (guint i = 0; i < n_months; i++)
        margin->income += months[i];
      margin->estimated = g_hash_table_contains (income.estimated, key);
    }

  if (!add_cost_entries (store, margins, from, last, error))
    return NULL;

  labour = sb_costs_list_labour (store, from, last, error);
  if (labour == NULL)
    return NULL;
  for (guint i = 0; i < labour->len; i++)
    {
      const SbLabourCost *cost = g_ptr_array_index (labour, i);

      if (cost->service_id != NULL)
        margin_for (margins, cost->service_id)->labour += cost->amount;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_service_margin_free);
  if (!name_services (store, margins, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

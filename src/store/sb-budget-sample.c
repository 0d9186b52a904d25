/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-budget-figures-private.h"
#include "sb-budgets-private.h"
#include "sb-catalog-private.h"
#include "sb-contract-terms.h"
#include "sb-costs-private.h"
#include "sb-escalations-private.h"
#include "sb-time.h"

/*
 * The sample budget of the current financial year (from the book's
 * fiscal start month), approved, with fourteen lines over every cost
 * category: some per contract of the sample suppliers, some per service,
 * some for a category alone; plans spread from a yearly figure or
 * seasonal (quarterly lease, yearly licence, summer cooling, training
 * twice a year). And a year of costs: the contracts' charges confirmed up
 * to the end of last month (the hosting in dollars at a rate), hardware,
 * software, training and other invoices, a cost in a second currency, a
 * supplier's credit note, the server room's monthly recharge; an hourly
 * rate so that the time logged on the sample incidents is costed as
 * labour. The fibre line, the hosting and the accounting licence cost
 * more than planned; backup and training less; the tape collection that
 * ended has no line (unbudgeted).
 *
 * Written inside the transaction of sb_sample_data_load(), after the
 * suppliers and contracts. Every date is counted from the store's now. A
 * book that has a budget already is left as it is.
 */

/* 45.00 an hour */
#define SAMPLE_HOURLY_RATE 4500
#define HOURLY_RATE_KEY    "labour-hourly-rate"

typedef enum
{
  PLAN_SPREAD,       /* amount is the yearly figure */
  PLAN_MONTHLY,      /* amount every month */
  PLAN_CHARGES,      /* amount in each month the contract bills */
  PLAN_SUMMER,       /* amount, and half as much again June to August */
  PLAN_TWICE,        /* amount in the 3rd and the 9th month */
} PlanKind;

typedef struct
{
  const char *category;
  const char *service;       /* code; NULL: none */
  const char *contract;      /* reference; NULL: none */
  const char *description;
  PlanKind    plan;
  gint64      amount;
} SampleLine;

static const SampleLine sample_lines[] = {
  { "supplier-services", "NETWORK", "NT-FIBRE-36", N_("Office fibre line"), PLAN_MONTHLY, 40000 },
  { "supplier-services", NULL, "NT-SIM-ROLL", N_("Backup router SIMs"), PLAN_MONTHLY, 3500 },
  { "supplier-services", NULL, "HC-SEC-REVIEW", N_("Yearly security review"), PLAN_CHARGES, 450000 },
  { "cloud", NULL, "SC-HOST-2024", N_("Cloud servers"), PLAN_MONTHLY, 75000 },
  { "cloud", "BACKUP", NULL, N_("Off-site backup"), PLAN_SPREAD, 240000 },
  { "hardware", NULL, "BW-LEASE-LAPTOPS", N_("Laptop lease"), PLAN_CHARGES, 270000 },
  { "hardware", NULL, NULL, N_("Replacements and spares"), PLAN_SPREAD, 600000 },
  { "software", "ERP", "LL-ERP-SUP", N_("Accounting application"), PLAN_CHARGES, 900000 },
  { "software", NULL, NULL, N_("Other licences"), PLAN_SPREAD, 120000 },
  { "labour", "NETWORK", NULL, N_("Network incidents"), PLAN_MONTHLY, 12000 },
  { "labour", NULL, NULL, N_("Incident work"), PLAN_MONTHLY, 100000 },
  { "facilities", NULL, NULL, N_("Server room power and cooling"), PLAN_SUMMER, 20000 },
  { "training", NULL, NULL, N_("Courses"), PLAN_TWICE, 150000 },
  { "other", NULL, NULL, N_("Domains, couriers and sundries"), PLAN_SPREAD, 60000 },
};

/* A cost typed in: months before today's month, on a day (clamped). */
typedef struct
{
  int         months_ago;
  int         day;
  gint64      amount;
  gboolean    foreign;         /* in dollars (euros when the base is dollars) */
  const char *category;
  const char *supplier_of;     /* the supplier of this contract reference */
  const char *contract;        /* reference */
  const char *service;         /* code */
  const char *invoice_ref;
  const char *description;
} SampleCost;

static const SampleCost sample_costs[] = {
  { 10, 12, 185000, FALSE, "hardware", "BW-WAR-5Y", NULL, "NETWORK", "BW-INV-4471",
    N_("Core switch replacement") },
  { 7, 3, 240000, FALSE, "hardware", "BW-WAR-5Y", NULL, "ENDPOINT", "BW-INV-4520",
    N_("Two laptops for new starters") },
  { 4, 21, 420000, FALSE, "hardware", "BW-WAR-5Y", NULL, NULL, "BW-INV-4610",
    N_("Server disks and memory") },
  { 1, 8, 64000, FALSE, "hardware", "BW-WAR-5Y", NULL, NULL, "BW-INV-4702",
    N_("Spare disks") },
  { 6, 15, 48000, TRUE, "software", NULL, NULL, NULL, "PM-2291",
    N_("Password manager, 40 users, one year") },
  { 3, 2, 18000, FALSE, "software", NULL, NULL, NULL, NULL,
    N_("Diagram tool licences") },
  { 4, 10, -19000, FALSE, "cloud", NULL, "VK-OFFSITE", "BACKUP", "VK-CN-0192",
    N_("Service credit for a two-day restore") },
  { 8, 20, 145000, FALSE, "training", NULL, NULL, NULL, "TR-1108",
    N_("ITIL Foundation course, two people") },
  { 2, 5, 59000, FALSE, "training", NULL, NULL, NULL, "TR-1187",
    N_("Cloud security workshop") },
  { 9, 1, 12000, FALSE, "other", NULL, NULL, NULL, NULL,
    N_("Domain name renewals") },
  { 5, 17, 8500, FALSE, "other", NULL, NULL, NULL, NULL,
    N_("Courier for the tape hand-over") },
};

typedef struct
{
  SbTransaction *tx;
  SbStore       *store;
  const char    *base;
  GDate          today;
  SbMonth        start;          /* of the financial year */
  GPtrArray     *charges;        /* of SbCommittedCost, a year back to the year's end */
} Loader;

static gboolean
lookup_id (Loader      *loader,
           const char  *sql,
           const char  *arg,
           char       **out,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out = NULL;
  if (arg == NULL)
    return TRUE;

  stmt = sb_store_prepare (loader->store, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sb_catalog_column_text (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (loader->store, rc, _("Reading the sample data"), error);

  return TRUE;
}

#define SERVICE_BY_CODE   "SELECT id FROM service WHERE code = ?1 AND deleted = 0"
#define CONTRACT_BY_REF   "SELECT id FROM contract WHERE reference = ?1 AND deleted = 0"
#define SUPPLIER_BY_REF   "SELECT supplier_id FROM contract WHERE reference = ?1 AND deleted = 0"

/* Dollars, or euros in a book kept in dollars; and its rate into the
 * base currency, a little different each month. */
static const char *
foreign_currency (Loader *loader)
{
  return g_strcmp0 (loader->base, "USD") != 0 ? "USD" : "EUR";
}

static gint64
foreign_rate (Loader      *loader,
              const GDate *day)
{
  gint64 wobble = (g_date_get_month (day) % 3) * 10000;

  return g_strcmp0 (loader->base, "USD") != 0 ? 910000 + wobble : 1080000 + wobble;
}

/* The plan of a line with its contract's charges in the year. */
static void
plan_charges (Loader       *loader,
              SbBudgetLine *line,
              const char   *contract_id,
              gint64        amount)
{
  for (guint i = 0; i < loader->charges->len; i++)
    {
      SbCommittedCost *charge = g_ptr_array_index (loader->charges, i);
      gint64 index = (gint64) sb_month_of_date (&charge->date) - loader->start;

      if (g_strcmp0 (charge->contract_id, contract_id) == 0 && index >= 0 && index < 12)
        sb_budget_line_set_planned (line, (guint) index,
                                    sb_budget_line_get_planned (line, (guint) index) + amount);
    }
}

static void
plan_line (Loader           *loader,
           SbBudgetLine     *line,
           const SampleLine *sample,
           const char       *contract_id)
{
  for (guint m = 0; m < 12; m++)
    sb_budget_line_set_planned (line, m, 0);

  switch (sample->plan)
    {
    case PLAN_SPREAD:
      sb_budget_line_spread (line, sample->amount, 12);
      break;
    case PLAN_MONTHLY:
      for (guint m = 0; m < 12; m++)
        sb_budget_line_set_planned (line, m, sample->amount);
      break;
    case PLAN_CHARGES:
      plan_charges (loader, line, contract_id, sample->amount);
      break;
    case PLAN_SUMMER:
      for (guint m = 0; m < 12; m++)
        {
          int month = sb_month_get_month (loader->start + (SbMonth) m);

          sb_budget_line_set_planned (line, m, month >= 6 && month <= 8 ? sample->amount * 3 / 2
                                                                       : sample->amount);
        }
      break;
    case PLAN_TWICE:
    default:
      sb_budget_line_set_planned (line, 2, sample->amount);
      sb_budget_line_set_planned (line, 8, sample->amount);
      break;
    }
}

static gboolean
write_budget (Loader  *loader,
              GError **error)
{
  g_autofree char *period = sb_fiscal_period_get_label (loader->start, 12);
  g_autofree char *name = g_strdup_printf (_("IT budget %s"), period);
  g_autoptr(SbBudget) budget = sb_budget_new (name, loader->start, loader->base);
  GDate approved;

  sb_budget_set_notes (budget, _("Approved by the management team. Hosting is billed in dollars; "
                                 "the plan assumed the old exchange rate."));

  for (guint i = 0; i < G_N_ELEMENTS (sample_lines); i++)
    {
      const SampleLine *sample = &sample_lines[i];
      g_autoptr(SbBudgetLine) line = sb_budget_line_new (sample->category);
      g_autofree char *service_id = NULL;
      g_autofree char *contract_id = NULL;

      if (!lookup_id (loader, SERVICE_BY_CODE, sample->service, &service_id, error) ||
          !lookup_id (loader, CONTRACT_BY_REF, sample->contract, &contract_id, error))
        return FALSE;
      /* A book without the sample contract or service: a line for the category */
      sb_budget_line_set_service_id (line, service_id);
      sb_budget_line_set_contract_id (line, contract_id);
      sb_budget_line_set_description (line, _(sample->description));
      plan_line (loader, line, sample, contract_id);
      sb_budget_add_line (budget, line);
    }

  if (!sb_budgets_save_in (loader->tx, loader->store, budget, error))
    return FALSE;

  /* Approved two weeks before the year began, or today when it began today */
  sb_month_get_first_day (loader->start, &approved);
  g_date_subtract_days (&approved, 14);
  if (g_date_compare (&approved, &loader->today) > 0)
    approved = loader->today;

  return sb_budgets_approve_in (loader->tx, loader->store, sb_budget_get_id (budget), &approved, error);
}

/* The contracts' charges up to the end of last month, confirmed with an
 * invoice reference; the later ones stay committed. */
static gboolean
confirm_charges (Loader  *loader,
                 GError **error)
{
  SbMonth this_month = sb_month_of_date (&loader->today);

  for (guint i = 0; i < loader->charges->len; i++)
    {
      SbCommittedCost *charge = g_ptr_array_index (loader->charges, i);
      g_autofree char *ref = NULL;
      gint64 rate = 1000000;

      if (sb_month_of_date (&charge->date) >= this_month)
        continue;

      if (g_strcmp0 (charge->currency, loader->base) != 0)
        rate = foreign_rate (loader, &charge->date);
      ref = g_strdup_printf ("%s-%04d%02d", charge->contract_reference,
                             g_date_get_year (&charge->date), g_date_get_month (&charge->date));
      if (!sb_costs_confirm_committed_in (loader->tx, loader->store, charge->contract_id,
                                          &charge->date, rate, ref, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_cost (Loader      *loader,
            const GDate *day,
            gint64       amount,
            gboolean     foreign,
            const char  *category,
            const char  *supplier_of,
            const char  *contract,
            const char  *service,
            const char  *invoice_ref,
            const char  *description,
            GError     **error)
{
  g_autoptr(SbCostEntry) entry = sb_cost_entry_new ();
  g_autofree char *date = sb_date_format (day);
  g_autofree char *supplier_id = NULL;
  g_autofree char *contract_id = NULL;
  g_autofree char *service_id = NULL;

  if (!lookup_id (loader, SUPPLIER_BY_REF, supplier_of, &supplier_id, error) ||
      !lookup_id (loader, CONTRACT_BY_REF, contract, &contract_id, error) ||
      !lookup_id (loader, SERVICE_BY_CODE, service, &service_id, error))
    return FALSE;

  sb_cost_entry_set_date (entry, date);
  if (foreign)
    {
      sb_cost_entry_set_amount (entry, amount, foreign_currency (loader));
      sb_cost_entry_set_rate_micro (entry, foreign_rate (loader, day));
    }
  else
    {
      sb_cost_entry_set_amount (entry, amount, loader->base);
      sb_cost_entry_set_rate_micro (entry, 1000000);
    }
  sb_cost_entry_set_category (entry, category);
  sb_cost_entry_set_supplier_id (entry, supplier_id);
  sb_cost_entry_set_contract_id (entry, contract_id);
  sb_cost_entry_set_service_id (entry, service_id);
  sb_cost_entry_set_invoice_ref (entry, invoice_ref);
  sb_cost_entry_set_description (entry, description);

  return sb_costs_save_in (loader->tx, loader->store, entry, "manual", NULL, error);
}

static void
day_in_month (Loader *loader,
              int     months_ago,
              int     day,
              GDate  *out)
{
  SbMonth month = sb_month_of_date (&loader->today) - months_ago;
  GDate last;

  sb_month_get_last_day (month, &last);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) MIN (day, (int) g_date_get_day (&last)),
                  (GDateMonth) sb_month_get_month (month), (GDateYear) sb_month_get_year (month));
}

static gboolean
write_costs (Loader  *loader,
             GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_costs); i++)
    {
      const SampleCost *c = &sample_costs[i];
      GDate day;

      day_in_month (loader, c->months_ago, c->day, &day);
      if (!write_cost (loader, &day, c->amount, c->foreign, c->category, c->supplier_of, c->contract,
                       c->service, c->invoice_ref, _(c->description), error))
        return FALSE;
    }

  /* The server room's power and cooling, recharged by the facilities team
   * at the end of each month: more in summer. */
  for (int months_ago = 11; months_ago >= 1; months_ago--)
    {
      g_autofree char *month = NULL;
      g_autofree char *description = NULL;
      gint64 amount;
      GDate day;

      day_in_month (loader, months_ago, 28, &day);
      amount = g_date_get_month (&day) >= 6 && g_date_get_month (&day) <= 8 ? 34500 : 17800;
      amount += (months_ago % 4) * 350;
      month = sb_month_get_label (sb_month_of_date (&day), TRUE);
      description = g_strdup_printf (_("Server room power and cooling, %s"), month);
      if (!write_cost (loader, &day, amount, FALSE, "facilities", "FAC-SERVER-ROOM", "FAC-SERVER-ROOM",
                       NULL, NULL, description, error))
        return FALSE;
    }

  return TRUE;
}

/* The hourly rate, unless the book has one. */
static gboolean
write_hourly_rate (Loader  *loader,
                   GError **error)
{
  g_autofree char *value = NULL;

  if (sb_budgets_get_hourly_rate (loader->store) > 0)
    return TRUE;

  value = g_strdup_printf ("%d", SAMPLE_HOURLY_RATE);

  return sb_transaction_set_setting (loader->tx, HOURLY_RATE_KEY, value, error);
}

/**
 * sb_budget_load_sample:
 * @tx: the open transaction of sb_sample_data_load(), after the sample
 *   suppliers and contracts
 * @store: the store
 * @error: return location for a #GError
 *
 * Writes the sample budget of the current financial year, a year of
 * costs, confirmed contract charges and the hourly rate for labour. A
 * book that already has a budget is left as it is.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_budget_load_sample (SbTransaction  *tx,
                       SbStore        *store,
                       GError        **error)
{
  Loader loader = { 0 };
  g_autofree char *any = NULL;
  g_autoptr(GPtrArray) charges = NULL;
  gint64 now_ms;
  GDate from;
  GDate to;

  g_return_val_if_fail (tx != NULL, FALSE);

  loader.tx = tx;
  loader.store = store;
  loader.base = sb_store_get_base_currency (store);

  if (!lookup_id (&loader, "SELECT id FROM budget WHERE ?1 IS NOT NULL LIMIT 1", "", &any, error))
    return FALSE;
  if (any != NULL)
    return TRUE;

  now_ms = sb_store_now_ms (store);
  sb_escalations_local_day (now_ms, &loader.today);
  loader.start = sb_fiscal_year_start (&loader.today, sb_budgets_get_fiscal_start_month (store));

  /* Every charge since the oldest sample contract began (ten years back is
   * plenty) to the year's end: a provider who keeps books has recorded the
   * past invoices, so only this month's and later charges stay committed. */
  sb_month_get_first_day (MIN (loader.start, sb_month_of_date (&loader.today) - 120), &from);
  sb_month_get_last_day (loader.start + 11, &to);
  charges = sb_costs_list_committed (store, &from, &to, error);
  if (charges == NULL)
    return FALSE;
  loader.charges = charges;

  return write_hourly_rate (&loader, error) &&
         write_budget (&loader, error) &&
         confirm_charges (&loader, error) &&
         write_costs (&loader, error);
}

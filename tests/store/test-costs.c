/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sb-budgets.h"
#include "sb-catalog.h"
#include "sb-contracts.h"
#include "sb-costs.h"
#include "sb-incidents.h"
#include "sb-store-private.h"
#include "sb-suppliers.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/* The cost register on real books: entries read back as saved, credit
 * notes and a second currency, each rule refused with its reason, the
 * list's filters and search, committed costs from a contract's billing
 * schedule and their confirmation, and labour from incident time. Every
 * expected amount is worked out by hand in the comments. */

/* 2026-06-15T12:00:00Z */
#define NOW_MS G_GINT64_CONSTANT (1781524800000)

typedef struct
{
  SbTestBook *book;
  char       *acme_id;       /* supplier Acme Hosting */
  char       *globex_id;     /* supplier Globex */
  char       *email_id;      /* service EMAIL */
  char       *web_id;        /* service WEB */
  char       *hosting_id;    /* Acme's H-1: 100.00 EUR a month from 2026-01-01, EMAIL */
  char       *globex_contract_id;   /* Globex's G-7, no cost */
} Fixture;

static SbStore *
store_of (Fixture *f)
{
  return f->book->store;
}

static char *
add_supplier (Fixture    *f,
              const char *name)
{
  g_autoptr(SbSupplier) supplier = sb_supplier_new ();
  g_autoptr(GError) error = NULL;

  sb_supplier_set_name (supplier, name);
  g_assert_true (sb_suppliers_save (store_of (f), supplier, &error));
  g_assert_no_error (error);

  return g_strdup (sb_supplier_get_id (supplier));
}

static char *
add_service (Fixture    *f,
             const char *code,
             const char *name)
{
  g_autoptr(SbService) service = sb_service_new ();

  sb_service_set_code (service, code);
  sb_service_set_name (service, name);

  return sb_test_save_service (store_of (f), service);
}

static void
set_date (GDate      *date,
          const char *text)
{
  g_date_clear (date, 1);
  g_assert_true (sb_date_parse (text, date, NULL));
}

/* 12 months from @start without renewal, billed monthly. */
static char *
add_contract (Fixture    *f,
              const char *supplier_id,
              const char *reference,
              const char *start,
              gint64      amount,
              const char *currency,
              const char *service_id)
{
  g_autoptr(SbContract) contract = sb_contract_new (supplier_id);
  g_autoptr(GError) error = NULL;
  const char *services[] = { service_id, NULL };
  SbContractTerms terms;

  sb_contract_terms_init (&terms);
  set_date (&terms.start, start);
  terms.initial_months = 12;
  sb_contract_set_terms (contract, &terms);
  sb_contract_set_reference (contract, reference);
  sb_contract_set_title (contract, "Mail hosting");
  if (amount >= 0)
    sb_contract_set_cost (contract, amount, currency);
  sb_contract_set_billing_period (contract, SB_BILLING_MONTHLY);
  sb_contract_set_cost_category (contract, "cloud");
  if (service_id != NULL)
    sb_contract_set_service_ids (contract, services);

  g_assert_true (sb_contracts_save (store_of (f), contract, &error));
  g_assert_no_error (error);

  return g_strdup (sb_contract_get_id (contract));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (store_of (f), NOW_MS);
  g_assert_true (sb_store_set_base_currency (store_of (f), "EUR", &error));
  g_assert_no_error (error);

  f->acme_id = add_supplier (f, "Acme Hosting");
  f->globex_id = add_supplier (f, "Globex");
  f->email_id = add_service (f, "EMAIL", "Email");
  f->web_id = add_service (f, "WEB", "Web shop");
  f->hosting_id = add_contract (f, f->acme_id, "H-1", "2026-01-01", 10000, "EUR", f->email_id);
  f->globex_contract_id = add_contract (f, f->globex_id, "G-7", "2026-01-01", -1, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->acme_id);
  g_free (f->globex_id);
  g_free (f->email_id);
  g_free (f->web_id);
  g_free (f->hosting_id);
  g_free (f->globex_contract_id);
  g_clear_pointer (&f->book, sb_test_book_free);
}

static gint64
count (Fixture    *f,
       const char *sql,
       const char *arg)
{
  return sb_test_store_count (store_of (f), sql, arg);
}

static SbCostEntry *
entry_new (const char *date,
           gint64      amount,
           const char *currency,
           const char *category)
{
  SbCostEntry *entry = sb_cost_entry_new ();

  sb_cost_entry_set_date (entry, date);
  sb_cost_entry_set_amount (entry, amount, currency);
  sb_cost_entry_set_category (entry, category);

  return entry;
}

static char *
save (Fixture     *f,
      SbCostEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_costs_save (store_of (f), entry, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sb_cost_entry_get_id (entry));

  return g_strdup (sb_cost_entry_get_id (entry));
}

static void
assert_refused (Fixture     *f,
                SbCostEntry *entry,
                const char  *expected)
{
  g_autoptr(GError) error = NULL;
  gint64 before = count (f, "SELECT count(*) FROM cost_entry", NULL);

  g_assert_false (sb_costs_save (store_of (f), entry, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, expected);
  g_assert_null (sb_cost_entry_get_id (entry));
  g_assert_cmpint (count (f, "SELECT count(*) FROM cost_entry", NULL), ==, before);
}

static GListModel *
list (Fixture            *f,
      const SbCostFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = sb_costs_list (store_of (f), filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);

  return model;
}

/* The descriptions of the entries of @model, joined with commas. */
static char *
descriptions (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SbCostEntry) entry = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, sb_cost_entry_get_description (entry));
    }

  return g_string_free (out, FALSE);
}

static char *
list_descriptions (Fixture            *f,
                   const SbCostFilter *filter)
{
  g_autoptr(GListModel) model = list (f, filter);

  return descriptions (model);
}

/* Save and read */

static void
test_save_read (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SbCostEntry) entry = entry_new ("2026-03-10", 12345, NULL, "software");
  g_autoptr(SbCostEntry) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *supplier_name = NULL;
  gint64 base_amount = 0;

  /* The supplier comes from the contract; the currency is the base one. */
  sb_cost_entry_set_contract_id (entry, f->hosting_id);
  sb_cost_entry_set_service_id (entry, f->email_id);
  sb_cost_entry_set_invoice_ref (entry, "  INV-2026-031 ");
  sb_cost_entry_set_description (entry, "Mailbox storage");
  id = save (f, entry);

  g_assert_cmpstr (sb_cost_entry_get_supplier_id (entry), ==, f->acme_id);
  g_assert_cmpstr (sb_cost_entry_get_currency (entry), ==, "EUR");
  g_assert_cmpint (sb_cost_entry_get_rate_micro (entry), ==, 1000000);
  g_assert_cmpint (sb_cost_entry_get_base_amount (entry), ==, 12345);
  g_assert_cmpstr (sb_cost_entry_get_invoice_ref (entry), ==, "INV-2026-031");

  read = sb_costs_get (store_of (f), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_cost_entry_get_id (read), ==, id);
  g_assert_cmpstr (sb_cost_entry_get_date (read), ==, "2026-03-10");
  g_assert_cmpint (sb_cost_entry_get_amount (read), ==, 12345);
  g_assert_cmpstr (sb_cost_entry_get_currency (read), ==, "EUR");
  g_assert_cmpint (sb_cost_entry_get_base_amount (read), ==, 12345);
  g_assert_cmpstr (sb_cost_entry_get_category (read), ==, "software");
  g_assert_cmpstr (sb_cost_entry_get_supplier_id (read), ==, f->acme_id);
  g_assert_cmpstr (sb_cost_entry_get_contract_id (read), ==, f->hosting_id);
  g_assert_cmpstr (sb_cost_entry_get_service_id (read), ==, f->email_id);
  g_assert_cmpstr (sb_cost_entry_get_invoice_ref (read), ==, "INV-2026-031");
  g_assert_cmpstr (sb_cost_entry_get_description (read), ==, "Mailbox storage");
  g_assert_cmpstr (sb_cost_entry_get_source (read), ==, "manual");
  g_assert_null (sb_cost_entry_get_billing_date (read));
  g_assert_cmpstr (sb_cost_entry_get_supplier_name (read), ==, "Acme Hosting");
  g_assert_cmpstr (sb_cost_entry_get_service_code (read), ==, "EMAIL");
  g_assert_cmpstr (sb_cost_entry_get_contract_reference (read), ==, "H-1");

  /* The list columns are properties. */
  g_object_get (read, "supplier-name", &supplier_name, "base-amount", &base_amount, NULL);
  g_assert_cmpstr (supplier_name, ==, "Acme Hosting");
  g_assert_cmpint (base_amount, ==, 12345);

  /* An edit is an update of the same row; it stays manual. */
  sb_cost_entry_set_amount (read, 13000, "EUR");
  g_assert_true (sb_costs_save (store_of (f), read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cost_entry", NULL), ==, 1);
  g_assert_cmpint (count (f, "SELECT base_amount FROM cost_entry WHERE id = ?", id), ==, 13000);

  /* Delete and undelete */
  g_assert_true (sb_costs_delete (store_of (f), id, &error));
  g_assert_no_error (error);
  g_assert_null (sb_costs_get (store_of (f), id, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT deleted FROM cost_entry WHERE id = ?", id), ==, 1);
  g_assert_true (sb_costs_undelete (store_of (f), id, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = sb_costs_get (store_of (f), id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_cost_entry_get_amount (read), ==, 13000);
}

static void
test_credit_note (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SbCostEntry) invoice = entry_new ("2026-04-01", 50000, "EUR", "hardware");
  g_autoptr(SbCostEntry) credit = entry_new ("2026-04-20", -12050, "EUR", "hardware");
  g_autoptr(GListModel) model = NULL;
  g_autofree char *credit_id = NULL;
  gint64 total = 0;

  sb_cost_entry_set_supplier_id (credit, f->globex_id);
  g_free (save (f, invoice));
  credit_id = save (f, credit);
  g_assert_cmpint (sb_cost_entry_get_base_amount (credit), ==, -12050);

  model = list (f, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SbCostEntry) entry = g_list_model_get_item (model, i);

      total += sb_cost_entry_get_base_amount (entry);
    }
  /* 500.00 − 120.50 */
  g_assert_cmpint (total, ==, 37950);
}

static void
test_foreign_currency (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SbCostEntry) usd = entry_new ("2026-05-02", 123456, "usd", "cloud");
  g_autoptr(SbCostEntry) later = entry_new ("2026-05-20", 1000, "USD", "cloud");
  g_autoptr(SbCostEntry) jpy = entry_new ("2026-05-03", 15000, "JPY", "cloud");

  g_assert_cmpint (sb_costs_get_last_rate (store_of (f), "USD"), ==, 0);
  g_assert_cmpint (sb_costs_get_last_rate (store_of (f), "EUR"), ==, 1000000);

  /* 1,234.56 USD × 0.92 = 1,135.7952 EUR → 1,135.80 */
  sb_cost_entry_set_rate_micro (usd, 920000);
  g_free (save (f, usd));
  g_assert_cmpstr (sb_cost_entry_get_currency (usd), ==, "USD");
  g_assert_cmpint (sb_cost_entry_get_base_amount (usd), ==, 113580);
  g_assert_cmpint (sb_costs_get_last_rate (store_of (f), "USD"), ==, 920000);

  /* 10.00 USD × 0.9312 = 9.312 → 9.31; it is now the last rate */
  sb_cost_entry_set_rate_micro (later, 931200);
  g_free (save (f, later));
  g_assert_cmpint (sb_cost_entry_get_base_amount (later), ==, 931);
  g_assert_cmpint (sb_costs_get_last_rate (store_of (f), "USD"), ==, 931200);

  /* 15,000 JPY (no minor unit) × 0.0061 = 91.50 EUR */
  sb_cost_entry_set_rate_micro (jpy, 6100);
  g_free (save (f, jpy));
  g_assert_cmpint (sb_cost_entry_get_base_amount (jpy), ==, 9150);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SbCostEntry) zero = entry_new ("2026-03-10", 0, "EUR", "other");
  g_autoptr(SbCostEntry) no_day = entry_new ("2026-02-30", 100, "EUR", "other");
  g_autoptr(SbCostEntry) base_rate = entry_new ("2026-03-10", 100, "EUR", "other");
  g_autoptr(SbCostEntry) no_rate = entry_new ("2026-03-10", 100, "USD", "other");
  g_autoptr(SbCostEntry) currency = entry_new ("2026-03-10", 100, "EUX", "other");
  g_autoptr(SbCostEntry) category = entry_new ("2026-03-10", 100, "EUR", "snacks");
  g_autoptr(SbCostEntry) other = entry_new ("2026-03-10", 100, "EUR", "other");
  g_autoptr(SbCostEntry) gone = entry_new ("2026-03-10", 100, "EUR", "other");
  g_autoptr(SbCostEntry) ok = entry_new ("2026-03-10", 100, "EUR", "other");
  g_autoptr(GError) error = NULL;

  assert_refused (f, zero, "amount cannot be zero");
  assert_refused (f, no_day, "2026-02-30");

  sb_cost_entry_set_rate_micro (base_rate, 920000);
  assert_refused (f, base_rate, "EUR, the book’s base currency, must be 1");

  assert_refused (f, no_rate, "exchange rate is missing");
  assert_refused (f, currency, "EUX");
  assert_refused (f, category, "snacks");

  /* A contract of Acme with Globex as the supplier */
  sb_cost_entry_set_supplier_id (other, f->globex_id);
  sb_cost_entry_set_contract_id (other, f->hosting_id);
  assert_refused (f, other, "The contract “H-1” is with Acme Hosting");
  /* the object keeps what was typed */
  g_assert_cmpstr (sb_cost_entry_get_supplier_id (other), ==, f->globex_id);

  sb_cost_entry_set_service_id (gone, "no-such-service");
  assert_refused (f, gone, "service of the cost no longer exists");

  /* validate alone checks and derives without writing */
  sb_cost_entry_set_contract_id (ok, f->globex_contract_id);
  g_assert_true (sb_costs_validate (store_of (f), ok, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sb_cost_entry_get_supplier_id (ok), ==, f->globex_id);
  g_assert_cmpint (sb_cost_entry_get_base_amount (ok), ==, 100);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cost_entry", NULL), ==, 0);
}

/* List, filter and search */

static void
add_listed (Fixture    *f,
            const char *date,
            gint64      amount,
            const char *category,
            const char *supplier_id,
            const char *contract_id,
            const char *service_id,
            const char *invoice_ref,
            const char *description)
{
  g_autoptr(SbCostEntry) entry = entry_new (date, amount, "EUR", category);
  g_autofree char *id = NULL;

  sb_cost_entry_set_supplier_id (entry, supplier_id);
  sb_cost_entry_set_contract_id (entry, contract_id);
  sb_cost_entry_set_service_id (entry, service_id);
  sb_cost_entry_set_invoice_ref (entry, invoice_ref);
  sb_cost_entry_set_description (entry, description);
  id = save (f, entry);
}

static void
test_list_filter (Fixture       *f,
                  gconstpointer  data)
{
  SbCostFilter filter;
  g_autofree char *all = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *category = NULL;
  g_autofree char *supplier = NULL;
  g_autofree char *contract = NULL;
  g_autofree char *service = NULL;
  g_autofree char *by_invoice = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *by_code = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *combined = NULL;

  add_listed (f, "2026-01-15", 1000, "software", f->acme_id, NULL, f->email_id, "A-100", "licences");
  add_listed (f, "2026-03-01", 2000, "cloud", NULL, f->hosting_id, f->email_id, "A-200", "mail march");
  add_listed (f, "2026-02-10", 3000, "hardware", f->globex_id, NULL, f->web_id, "G-1", "laptop 50% off");
  add_listed (f, "2026-03-01", 4000, "cloud", f->globex_id, NULL, NULL, NULL, "cdn");
  add_listed (f, "2026-04-30", 5000, "training", NULL, NULL, NULL, "T-9", "course 500 off");

  /* Newest first; the same day, the latest entered first */
  all = list_descriptions (f, NULL);
  g_assert_cmpstr (all, ==, "course 500 off,cdn,mail march,laptop 50% off,licences");

  sb_cost_filter_init (&filter);
  set_date (&filter.from, "2026-02-01");
  set_date (&filter.to, "2026-03-01");
  dates = list_descriptions (f, &filter);
  g_assert_cmpstr (dates, ==, "cdn,mail march,laptop 50% off");

  sb_cost_filter_init (&filter);
  filter.category = "cloud";
  category = list_descriptions (f, &filter);
  g_assert_cmpstr (category, ==, "cdn,mail march");

  /* The supplier filled from the contract counts */
  sb_cost_filter_init (&filter);
  filter.supplier_id = f->acme_id;
  supplier = list_descriptions (f, &filter);
  g_assert_cmpstr (supplier, ==, "mail march,licences");

  sb_cost_filter_init (&filter);
  filter.contract_id = f->hosting_id;
  contract = list_descriptions (f, &filter);
  g_assert_cmpstr (contract, ==, "mail march");

  sb_cost_filter_init (&filter);
  filter.service_id = f->email_id;
  service = list_descriptions (f, &filter);
  g_assert_cmpstr (service, ==, "mail march,licences");

  sb_cost_filter_init (&filter);
  filter.search = "a-1";
  by_invoice = list_descriptions (f, &filter);
  g_assert_cmpstr (by_invoice, ==, "licences");

  sb_cost_filter_init (&filter);
  filter.search = "globex";
  by_name = list_descriptions (f, &filter);
  g_assert_cmpstr (by_name, ==, "cdn,laptop 50% off");

  /* The service's code and the contract's reference */
  sb_cost_filter_init (&filter);
  filter.search = "h-1";
  by_code = list_descriptions (f, &filter);
  g_assert_cmpstr (by_code, ==, "mail march");

  /* % is a character, not a wildcard: "50%" is not in "500 off" */
  sb_cost_filter_init (&filter);
  filter.search = " 50% ";
  percent = list_descriptions (f, &filter);
  g_assert_cmpstr (percent, ==, "laptop 50% off");

  sb_cost_filter_init (&filter);
  filter.search = "EMAIL";
  filter.category = "software";
  set_date (&filter.to, "2026-01-31");
  combined = list_descriptions (f, &filter);
  g_assert_cmpstr (combined, ==, "licences");
}

/* Committed costs */

static GPtrArray *
committed (Fixture    *f,
           const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *costs;
  GDate a, b;

  set_date (&a, from);
  set_date (&b, to);
  costs = sb_costs_list_committed (store_of (f), &a, &b, &error);
  g_assert_no_error (error);
  g_assert_nonnull (costs);

  return costs;
}

static char *
committed_dates (GPtrArray *costs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < costs->len; i++)
    {
      const SbCommittedCost *cost = g_ptr_array_index (costs, i);
      g_autofree char *date = sb_date_format (&cost->date);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, date);
    }

  return g_string_free (out, FALSE);
}

static void
test_committed_confirm (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) quarter = committed (f, "2026-04-01", "2026-06-30");
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(SbCostEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dates = committed_dates (quarter);
  g_autofree char *after_dates = NULL;
  g_autofree char *id = NULL;
  g_autofree char *again_id = NULL;
  const SbCommittedCost *first;
  GDate may, mid_may;

  /* H-1 bills 100.00 EUR on the first of each month; G-7 has no cost */
  g_assert_cmpstr (dates, ==, "2026-04-01,2026-05-01,2026-06-01");
  first = g_ptr_array_index (quarter, 0);
  g_assert_cmpstr (first->contract_id, ==, f->hosting_id);
  g_assert_cmpstr (first->contract_reference, ==, "H-1");
  g_assert_cmpstr (first->contract_title, ==, "Mail hosting");
  g_assert_cmpstr (first->supplier_id, ==, f->acme_id);
  g_assert_cmpstr (first->supplier_name, ==, "Acme Hosting");
  g_assert_cmpstr (first->category, ==, "cloud");
  g_assert_cmpstr (first->service_id, ==, f->email_id);
  g_assert_cmpstr (first->currency, ==, "EUR");
  g_assert_cmpint (first->amount, ==, 10000);
  g_assert_cmpint (first->base_amount, ==, 10000);
  g_assert_false (first->estimated);

  set_date (&may, "2026-05-01");
  g_assert_true (sb_costs_confirm_committed (store_of (f), f->hosting_id, &may, 0, "INV-0501", &id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (id);

  entry = sb_costs_get (store_of (f), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_cost_entry_get_source (entry), ==, "contract");
  g_assert_cmpstr (sb_cost_entry_get_billing_date (entry), ==, "2026-05-01");
  g_assert_cmpstr (sb_cost_entry_get_date (entry), ==, "2026-05-01");
  g_assert_cmpint (sb_cost_entry_get_amount (entry), ==, 10000);
  g_assert_cmpstr (sb_cost_entry_get_category (entry), ==, "cloud");
  g_assert_cmpstr (sb_cost_entry_get_supplier_id (entry), ==, f->acme_id);
  g_assert_cmpstr (sb_cost_entry_get_contract_id (entry), ==, f->hosting_id);
  g_assert_cmpstr (sb_cost_entry_get_service_id (entry), ==, f->email_id);
  g_assert_cmpstr (sb_cost_entry_get_invoice_ref (entry), ==, "INV-0501");

  after = committed (f, "2026-04-01", "2026-06-30");
  after_dates = committed_dates (after);
  g_assert_cmpstr (after_dates, ==, "2026-04-01,2026-06-01");

  /* Once only */
  g_assert_false (sb_costs_confirm_committed (store_of (f), f->hosting_id, &may, 0, NULL, &again_id, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already confirmed"));
  g_assert_null (again_id);
  g_clear_error (&error);

  /* Only a date of the schedule */
  set_date (&mid_may, "2026-05-15");
  g_assert_false (sb_costs_confirm_committed (store_of (f), f->hosting_id, &mid_may, 0, NULL, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no charge on 2026-05-15"));
  g_clear_error (&error);

  /* Nor a contract without a cost */
  g_assert_false (sb_costs_confirm_committed (store_of (f), f->globex_contract_id, &may, 0, NULL, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cost_entry", NULL), ==, 1);

  /* A deleted confirmation makes the charge committed again */
  g_assert_true (sb_costs_delete (store_of (f), id, &error));
  g_assert_no_error (error);
  restored = committed (f, "2026-04-01", "2026-06-30");
  g_assert_cmpuint (restored->len, ==, 3);

  /* …and once confirmed anew, the old one cannot come back */
  g_assert_true (sb_costs_confirm_committed (store_of (f), f->hosting_id, &may, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (sb_costs_undelete (store_of (f), id, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
}

static void
count_changed (SbStore    *store,
               const char *table,
               gpointer    user_data)
{
  guint *n = user_data;

  if (g_strcmp0 (table, "cost_entry") == 0)
    (*n)++;
}

static void
test_confirm_due (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) july = NULL;
  g_autofree char *usd_id = NULL;
  g_autoptr(SbCostEntry) usd = NULL;
  GDate up_to, march;
  guint n_changed = 0;
  guint n;

  /* March confirmed by hand first: it is not confirmed twice */
  set_date (&march, "2026-03-01");
  g_assert_true (sb_costs_confirm_committed (store_of (f), f->hosting_id, &march, 0, NULL, NULL, &error));
  g_assert_no_error (error);

  /* A USD contract with no USD rate known: all or nothing */
  usd_id = add_contract (f, f->globex_id, "G-8", "2026-06-01", 5000, "USD", NULL);
  set_date (&up_to, "2026-06-15");
  n = sb_costs_confirm_due (store_of (f), &up_to, &error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "USD"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cost_entry", NULL), ==, 1);

  /* With a USD rate: H-1 January to June but March (5), G-8 June (1) */
  usd = entry_new ("2026-05-30", 100, "USD", "other");
  sb_cost_entry_set_rate_micro (usd, 900000);
  g_free (save (f, usd));

  g_signal_connect (store_of (f), "changed", G_CALLBACK (count_changed), &n_changed);
  n = sb_costs_confirm_due (store_of (f), &up_to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6);
  /* one transaction: one "changed" */
  g_assert_cmpuint (n_changed, ==, 1);
  g_signal_handlers_disconnect_by_func (store_of (f), count_changed, &n_changed);

  g_assert_cmpint (count (f, "SELECT count(*) FROM cost_entry WHERE source = 'contract' AND deleted = 0", NULL),
                   ==, 7);
  /* 50.00 USD × 0.90 = 45.00 EUR */
  g_assert_cmpint (count (f, "SELECT base_amount FROM cost_entry WHERE contract_id = ?", usd_id), ==, 4500);

  left = committed (f, "2026-01-01", "2026-06-15");
  g_assert_cmpuint (left->len, ==, 0);
  july = committed (f, "2026-01-01", "2026-07-31");
  g_assert_cmpuint (july->len, ==, 2);

  /* Nothing more due */
  n = sb_costs_confirm_due (store_of (f), &up_to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_committed_foreign (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *usd_id = add_contract (f, f->globex_id, "G-9", "2026-04-01", 20000, "USD", NULL);
  g_autoptr(SbCostEntry) usd = entry_new ("2026-03-31", 100, "USD", "other");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  const SbCommittedCost *cost;

  before = committed (f, "2026-04-01", "2026-04-30");
  /* H-1 and G-9, both on 2026-04-01: Acme before Globex */
  g_assert_cmpuint (before->len, ==, 2);
  cost = g_ptr_array_index (before, 1);
  g_assert_cmpstr (cost->contract_id, ==, usd_id);
  g_assert_cmpstr (cost->currency, ==, "USD");
  g_assert_null (cost->service_id);
  g_assert_cmpint (cost->amount, ==, 20000);
  /* no USD rate yet: 200.00 USD counted as 200.00 EUR, estimated */
  g_assert_true (cost->estimated);
  g_assert_cmpint (cost->base_amount, ==, 20000);

  sb_cost_entry_set_rate_micro (usd, 920000);
  g_free (save (f, usd));

  after = committed (f, "2026-04-01", "2026-04-30");
  cost = g_ptr_array_index (after, 1);
  /* 200.00 × 0.92 = 184.00 EUR */
  g_assert_false (cost->estimated);
  g_assert_cmpint (cost->base_amount, ==, 18400);
}

/* Labour */

#define HOUR_MS G_GINT64_CONSTANT (3600000)

static gint64
instant (const char *text)
{
  gint64 ms = 0;

  g_assert_true (sb_time_parse_instant (text, &ms, NULL));

  return ms;
}

static char *
add_incident (Fixture    *f,
              const char *title,
              const char *service_id)
{
  g_autoptr(SbIncident) incident = sb_incident_new ();
  g_autoptr(GError) error = NULL;

  sb_incident_set_title (incident, title);
  sb_incident_set_service_id (incident, service_id);
  sb_incident_set_opened_ms (incident, instant ("2026-02-01T08:00:00Z"));
  g_assert_true (sb_incidents_create (store_of (f), incident, &error));
  g_assert_no_error (error);

  return g_strdup (sb_incident_get_id (incident));
}

static void
add_time (Fixture    *f,
          const char *incident_id,
          const char *at,
          guint       minutes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_incidents_add_note (store_of (f), incident_id, "Worked on it", FALSE,
                                        minutes, instant (at), &error));
  g_assert_no_error (error);
}

static GPtrArray *
labour (Fixture *f,
        SbMonth  from,
        SbMonth  to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *costs = sb_costs_list_labour (store_of (f), from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (costs);

  return costs;
}

static void
assert_labour (GPtrArray  *costs,
               guint       index,
               SbMonth     month,
               const char *service_id,
               gint64      minutes,
               gint64      amount)
{
  const SbLabourCost *cost;

  g_assert_cmpuint (index, <, costs->len);
  cost = g_ptr_array_index (costs, index);
  g_assert_cmpint (cost->month, ==, month);
  g_assert_cmpstr (cost->service_id, ==, service_id);
  g_assert_cmpint (cost->minutes, ==, minutes);
  g_assert_cmpint (cost->amount, ==, amount);
}

static void
test_labour (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *mail = add_incident (f, "Mail bounces", f->email_id);
  g_autofree char *shop = add_incident (f, "Shop is slow", f->web_id);
  g_autofree char *misc = add_incident (f, "Printer jam", NULL);
  g_autofree char *gone = add_incident (f, "Logged twice", f->email_id);
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(GPtrArray) spring = NULL;
  g_autoptr(GPtrArray) february = NULL;
  g_autoptr(GPtrArray) rounded = NULL;
  g_autoptr(GError) error = NULL;
  SbMonth feb = sb_month_from_ymd (2026, 2);
  SbMonth mar = sb_month_from_ymd (2026, 3);
  SbMonth apr = sb_month_from_ymd (2026, 4);

  /* The test runs in Europe/Berlin (main): 23:30 UTC on 28 February is
   * 00:30 on 1 March there. */
  add_time (f, mail, "2026-03-10T09:00:00Z", 30);
  add_time (f, mail, "2026-03-20T09:00:00Z", 20);
  add_time (f, mail, "2026-04-05T09:00:00Z", 45);
  add_time (f, shop, "2026-02-28T23:30:00Z", 10);
  add_time (f, shop, "2026-03-15T14:00:00Z", 50);
  add_time (f, shop, "2026-03-31T22:30:00Z", 25);   /* 00:30 on 1 April */
  add_time (f, misc, "2026-04-07T10:00:00Z", 7);
  add_time (f, gone, "2026-03-11T10:00:00Z", 100);
  g_assert_true (sb_incidents_delete (store_of (f), gone, &error));
  g_assert_no_error (error);

  /* No rate: no labour cost */
  empty = labour (f, feb, apr);
  g_assert_cmpuint (empty->len, ==, 0);

  g_assert_true (sb_budgets_set_hourly_rate (store_of (f), 4500, &error));
  g_assert_no_error (error);

  /* 45.00 an hour is 0.75 a minute:
   *   March EMAIL 30 + 20 = 50 min → 37.50
   *   March WEB   10 + 50 = 60 min → 45.00
   *   April EMAIL 45 min            → 33.75
   *   April WEB   25 min            → 18.75
   *   April none  7 min             →  5.25 */
  spring = labour (f, mar, apr);
  g_assert_cmpuint (spring->len, ==, 5);
  assert_labour (spring, 0, mar, f->email_id, 50, 3750);
  assert_labour (spring, 1, mar, f->web_id, 60, 4500);
  assert_labour (spring, 2, apr, f->email_id, 45, 3375);
  assert_labour (spring, 3, apr, f->web_id, 25, 1875);
  assert_labour (spring, 4, apr, NULL, 7, 525);

  /* Nothing is February's in local time */
  february = labour (f, feb, feb);
  g_assert_cmpuint (february->len, ==, 0);

  /* 45.10 an hour: 7 min → 5.261… → 5.26; 25 min → 18.791… → 18.79;
   * 45 min → 33.825 → 33.83 (half away from zero) */
  g_assert_true (sb_budgets_set_hourly_rate (store_of (f), 4510, &error));
  g_assert_no_error (error);
  rounded = labour (f, apr, apr);
  g_assert_cmpuint (rounded->len, ==, 3);
  assert_labour (rounded, 0, apr, f->email_id, 45, 3383);
  assert_labour (rounded, 1, apr, f->web_id, 25, 1879);
  assert_labour (rounded, 2, apr, NULL, 7, 526);
}

int
main (int    argc,
      char **argv)
{
  /* Labour months are taken in local time. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/costs/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("save-read", test_save_read);
  ADD ("credit-note", test_credit_note);
  ADD ("foreign-currency", test_foreign_currency);
  ADD ("validation", test_validation);
  ADD ("list-filter", test_list_filter);
  ADD ("committed-confirm", test_committed_confirm);
  ADD ("confirm-due", test_confirm_due);
  ADD ("committed-foreign", test_committed_foreign);
  ADD ("labour", test_labour);

#undef ADD

  return g_test_run ();
}

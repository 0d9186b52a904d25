/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sb-catalog.h"
#include "sb-contracts.h"
#include "sb-store-private.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/* The contract register on real books: every field read back as saved,
 * each rule refused with its reason, tombstones with their targets and
 * links, contracts of a service, and the alignment check. */

/* 2026-06-15T12:00:00Z */
#define NOW_MS G_GINT64_CONSTANT (1781524800000)

typedef struct
{
  SbTestBook *book;
  char       *supplier_id;
} Fixture;

static char *
add_supplier (SbStore    *store,
              const char *name)
{
  g_autoptr(SbChange) change = sb_change_insert ("supplier");
  g_autoptr(GError) error = NULL;

  sb_change_set_string (change, "name", name);
  g_assert_true (sb_store_apply (store, change, &error));
  g_assert_no_error (error);

  return g_strdup (sb_change_get_id (change));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (f->book->store, NOW_MS);
  f->supplier_id = add_supplier (f->book->store, "Acme Hosting");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->supplier_id, g_free);
  g_clear_pointer (&f->book, sb_test_book_free);
}

static gint64
count (Fixture    *f,
       const char *sql,
       const char *arg)
{
  return sb_test_store_count (f->book->store, sql, arg);
}

static void
set_date (GDate      *date,
          const char *text)
{
  g_assert_true (sb_date_parse (text, date, NULL));
}

/* 36 months from @start, then automatic 12-month renewals, 3 months' notice. */
static SbContract *
make_contract (const char *supplier_id,
               const char *reference,
               const char *start)
{
  SbContract *contract = sb_contract_new (supplier_id);
  SbContractTerms terms;

  sb_contract_terms_init (&terms);
  set_date (&terms.start, start);
  terms.initial_months = 36;
  terms.renewal = SB_RENEWAL_AUTOMATIC;
  terms.renewal_months = 12;
  terms.notice_amount = 3;
  terms.notice_unit = SB_NOTICE_MONTHS;
  sb_contract_set_terms (contract, &terms);
  sb_contract_set_reference (contract, reference);
  sb_contract_set_title (contract, "Web hosting");

  return contract;
}

static char *
save (Fixture    *f,
      SbContract *contract)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_contracts_save (f->book->store, contract, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sb_contract_get_id (contract));

  return g_strdup (sb_contract_get_id (contract));
}

static char *
add_service (Fixture    *f,
             const char *code,
             int         p1_response,
             int         p1_resolution,
             int         p2_response,
             int         p2_resolution)
{
  g_autoptr(SbService) service = sb_service_new ();

  sb_service_set_code (service, code);
  sb_service_set_name (service, code);
  sb_service_set_targets (service, 1, p1_response, p1_resolution);
  sb_service_set_targets (service, 2, p2_response, p2_resolution);

  return sb_test_save_service (f->book->store, service);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SbContract) contract = make_contract (f->supplier_id, "  HOST-2024 ", "2024-01-01");
  g_autoptr(SbContract) read = NULL;
  g_autoptr(SbContract) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *email = add_service (f, "EMAIL", 60, 240, 240, 480);
  g_autofree char *web = add_service (f, "WEB", 60, 240, 0, 0);
  g_autofree char *reference = NULL;
  g_autofree char *supplier_name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *start = NULL;
  const char *services[] = { web, email, web, NULL };
  const SbContractTerms *terms;
  SbContractTerms edited;
  gint64 amount = 0;

  g_autoptr(SbCalendar) calendar = sb_calendar_new_office_hours ("Europe/Madrid");
  g_autofree char *calendar_id = NULL;

  sb_calendar_set_name (calendar, "Acme office hours");
  g_assert_true (sb_catalog_save_calendar (f->book->store, NULL, calendar, &calendar_id, &error));
  g_assert_no_error (error);

  sb_contract_set_contract_type (contract, "hosting");
  sb_contract_set_scope (contract, "Hosting of the web site");
  sb_contract_set_our_responsibilities (contract, "Pay on time");
  sb_contract_set_supplier_responsibilities (contract, "Keep it running");
  sb_contract_set_how_to_raise (contract, "support@acme.example");
  sb_contract_set_support_hours (contract, "Mon–Fri 8–18");
  sb_contract_set_escalation_path (contract, "Account manager, then director");
  sb_contract_set_calendar_id (contract, calendar_id);
  sb_contract_set_cancellation_method (contract, "by registered letter");
  sb_contract_set_early_termination (contract, "Three months' fees");
  sb_contract_set_cost (contract, 12345, "eur");
  sb_contract_set_billing_period (contract, SB_BILLING_QUARTERLY);
  sb_contract_set_cost_category (contract, "cloud");
  sb_contract_set_budget_id (contract, "budget-1");
  sb_contract_set_notes (contract, "Renegotiate in 2026");
  sb_contract_set_targets (contract, 1, 30, 240);
  sb_contract_set_targets (contract, 2, 120, 960);
  sb_contract_set_service_ids (contract, services);

  id = save (f, contract);
  g_assert_cmpstr (sb_contract_get_reference (contract), ==, "HOST-2024");
  g_assert_cmpstr (sb_contract_get_cost_currency (contract), ==, "EUR");

  read = sb_contracts_get (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpstr (sb_contract_get_id (read), ==, id);
  g_assert_cmpstr (sb_contract_get_supplier_id (read), ==, f->supplier_id);
  g_assert_cmpstr (sb_contract_get_supplier_name (read), ==, "Acme Hosting");
  g_assert_cmpstr (sb_contract_get_reference (read), ==, "HOST-2024");
  g_assert_cmpstr (sb_contract_get_title (read), ==, "Web hosting");
  g_assert_cmpstr (sb_contract_get_contract_type (read), ==, "hosting");
  g_assert_cmpstr (sb_contract_get_scope (read), ==, "Hosting of the web site");
  g_assert_cmpstr (sb_contract_get_our_responsibilities (read), ==, "Pay on time");
  g_assert_cmpstr (sb_contract_get_supplier_responsibilities (read), ==, "Keep it running");
  g_assert_cmpstr (sb_contract_get_how_to_raise (read), ==, "support@acme.example");
  g_assert_cmpstr (sb_contract_get_support_hours (read), ==, "Mon–Fri 8–18");
  g_assert_cmpstr (sb_contract_get_escalation_path (read), ==, "Account manager, then director");
  g_assert_cmpstr (sb_contract_get_calendar_id (read), ==, calendar_id);
  g_assert_cmpstr (sb_contract_get_cancellation_method (read), ==, "by registered letter");
  g_assert_cmpstr (sb_contract_get_early_termination (read), ==, "Three months' fees");
  g_assert_cmpint (sb_contract_get_cost_amount (read), ==, 12345);
  g_assert_cmpstr (sb_contract_get_cost_currency (read), ==, "EUR");
  g_assert_cmpint (sb_contract_get_billing_period (read), ==, SB_BILLING_QUARTERLY);
  g_assert_cmpstr (sb_contract_get_cost_category (read), ==, "cloud");
  g_assert_cmpstr (sb_contract_get_budget_id (read), ==, "budget-1");
  g_assert_cmpstr (sb_contract_get_notes (read), ==, "Renegotiate in 2026");
  g_assert_cmpuint (sb_contract_get_response_target (read, 1), ==, 30);
  g_assert_cmpuint (sb_contract_get_resolution_target (read, 1), ==, 240);
  g_assert_cmpuint (sb_contract_get_response_target (read, 2), ==, 120);
  g_assert_cmpuint (sb_contract_get_resolution_target (read, 2), ==, 960);
  g_assert_cmpuint (sb_contract_get_response_target (read, 3), ==, 0);
  g_assert_cmpuint (sb_contract_get_resolution_target (read, 5), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **)sb_contract_get_service_ids (read)), ==, 2);
  /* Ordered by service code */
  g_assert_cmpstr (sb_contract_get_service_ids (read)[0], ==, email);
  g_assert_cmpstr (sb_contract_get_service_ids (read)[1], ==, web);

  terms = sb_contract_get_terms (read);
  g_assert_cmpint (g_date_get_year (&terms->start), ==, 2024);
  g_assert_cmpint (g_date_get_month (&terms->start), ==, 1);
  g_assert_cmpint (g_date_get_day (&terms->start), ==, 1);
  g_assert_cmpint (terms->initial_months, ==, 36);
  g_assert_cmpint (terms->renewal, ==, SB_RENEWAL_AUTOMATIC);
  g_assert_cmpint (terms->renewal_months, ==, 12);
  g_assert_cmpint (terms->notice_amount, ==, 3);
  g_assert_cmpint (terms->notice_unit, ==, SB_NOTICE_MONTHS);
  g_assert_false (g_date_valid (&terms->notice_given));
  g_assert_false (g_date_valid (&terms->terminated));

  /* The list columns as properties */
  g_object_get (read, "reference", &reference, "supplier-name", &supplier_name,
                "contract-type", &type, "cost-amount", &amount, "start-date", &start, NULL);
  g_assert_cmpstr (reference, ==, "HOST-2024");
  g_assert_cmpstr (supplier_name, ==, "Acme Hosting");
  g_assert_cmpstr (type, ==, "hosting");
  g_assert_cmpstr (start, ==, "2024-01-01");
  g_assert_cmpint (amount, ==, 12345);

  found = sb_contracts_find (f->book->store, NULL, "host-2024");
  g_assert_nonnull (found);
  g_assert_cmpstr (sb_contract_get_id (found), ==, id);
  g_clear_object (&found);
  found = sb_contracts_find (f->book->store, "no-such-supplier", "HOST-2024");
  g_assert_null (found);

  /* An update writes only what changed: the title, one target, the
   * notice given, a removed service and a cleared target. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'contract' AND row_id = ?1", id), ==, 1);
  sb_contract_set_title (read, "Web and mail hosting");
  edited = *sb_contract_get_terms (read);
  set_date (&edited.notice_given, "2026-08-01");
  sb_contract_set_terms (read, &edited);
  sb_contract_set_targets (read, 2, 0, 0);
  {
    const char *only_email[] = { email, NULL };

    sb_contract_set_service_ids (read, only_email);
  }
  g_assert_true (sb_contracts_save (f->book->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'contract' AND row_id = ?1", id), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'contract' AND row_id = ?1 "
                             "AND field IN ('title', 'notice_given_on')", id), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contract_target WHERE contract_id = ?1 AND deleted = 1", id), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contract_service WHERE contract_id = ?1 AND deleted = 1", id), ==, 1);

  g_clear_object (&read);
  read = sb_contracts_get (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_contract_get_title (read), ==, "Web and mail hosting");
  g_assert_true (g_date_valid (&sb_contract_get_terms (read)->notice_given));
  g_assert_cmpuint (sb_contract_get_resolution_target (read, 2), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **)sb_contract_get_service_ids (read)), ==, 1);

  /* Adding the service again brings the same link row back. */
  sb_contract_set_service_ids (read, services);
  g_assert_true (sb_contracts_save (f->book->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contract_service WHERE contract_id = ?1", id), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contract_service WHERE contract_id = ?1 AND deleted = 0", id), ==, 2);

  /* Saving unchanged writes nothing */
  {
    gint64 journal = count (f, "SELECT count(*) FROM sb_journal", NULL);

    g_assert_true (sb_contracts_save (f->book->store, read, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal", NULL), ==, journal);
  }
}

static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *zeta = add_supplier (f->book->store, "Zeta Networks");
  g_autofree char *beta = add_supplier (f->book->store, "beta Licences");
  const struct
  {
    const char *supplier;
    const char *reference;
  } contracts[] = {
    { zeta, "Z-1" }, { f->supplier_id, "HOST-B" }, { beta, "LIC-1" }, { f->supplier_id, "host-a" },
  };
  const char *expected[] = { "host-a", "HOST-B", "LIC-1", "Z-1" };
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) acme = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (contracts); i++)
    {
      g_autoptr(SbContract) contract = make_contract (contracts[i].supplier, contracts[i].reference, "2025-01-01");
      g_autofree char *id = save (f, contract);
    }

  all = sb_contracts_list (f->book->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (all, i);

      g_assert_cmpstr (sb_contract_get_reference (contract), ==, expected[i]);
    }

  acme = sb_contracts_list (f->book->store, f->supplier_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (acme), ==, 2);
}

typedef void (*Breaker) (SbContract *contract, Fixture *f);

static void break_no_supplier (SbContract *c, Fixture *f) { sb_contract_set_supplier_id (c, NULL); }
static void break_unknown_supplier (SbContract *c, Fixture *f) { sb_contract_set_supplier_id (c, "nobody"); }
static void break_no_reference (SbContract *c, Fixture *f) { sb_contract_set_reference (c, "   "); }
static void break_no_title (SbContract *c, Fixture *f) { sb_contract_set_title (c, NULL); }
static void break_type (SbContract *c, Fixture *f) { sb_contract_set_contract_type (c, "rental"); }
static void break_negative (SbContract *c, Fixture *f) { sb_contract_set_cost (c, -500, "EUR"); }
static void break_no_currency (SbContract *c, Fixture *f) { sb_contract_set_cost (c, 500, NULL); }
static void break_currency (SbContract *c, Fixture *f) { sb_contract_set_cost (c, 500, "EURO"); }
static void break_unknown_currency (SbContract *c, Fixture *f) { sb_contract_set_cost (c, 500, "QQQ"); }
static void break_category (SbContract *c, Fixture *f) { sb_contract_set_cost_category (c, "snacks"); }
static void break_calendar (SbContract *c, Fixture *f) { sb_contract_set_calendar_id (c, "no-calendar"); }
static void break_targets (SbContract *c, Fixture *f) { sb_contract_set_targets (c, 2, 600, 60); }

static void
break_service (SbContract *c,
               Fixture    *f)
{
  const char *ids[] = { "no-service", NULL };

  sb_contract_set_service_ids (c, ids);
}

static void
break_start (SbContract *c,
             Fixture    *f)
{
  SbContractTerms terms = *sb_contract_get_terms (c);

  g_date_clear (&terms.start, 1);
  sb_contract_set_terms (c, &terms);
}

static void
break_terminated (SbContract *c,
                  Fixture    *f)
{
  SbContractTerms terms = *sb_contract_get_terms (c);

  set_date (&terms.terminated, "2023-12-31");
  sb_contract_set_terms (c, &terms);
}

static void
break_notice (SbContract *c,
              Fixture    *f)
{
  SbContractTerms terms = *sb_contract_get_terms (c);

  terms.notice_amount = 13;
  sb_contract_set_terms (c, &terms);
}

static void
break_renewal_months (SbContract *c,
                      Fixture    *f)
{
  SbContractTerms terms = *sb_contract_get_terms (c);

  terms.renewal_months = 0;
  sb_contract_set_terms (c, &terms);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  const struct
  {
    Breaker     breaker;
    const char *words;
  } rules[] = {
    { break_no_supplier, "needs a supplier" },
    { break_unknown_supplier, "supplier of the contract does not exist" },
    { break_no_reference, "needs a reference" },
    { break_no_title, "needs a title" },
    { break_type, "contract type “rental” is unknown" },
    { break_start, "start date is missing" },
    { break_terminated, "ends early on" },
    { break_notice, "longer than the renewal term" },
    { break_renewal_months, "renewal term" },
    { break_negative, "cost cannot be negative" },
    { break_no_currency, "cost needs a currency" },
    { break_currency, "not an ISO 4217 code" },
    { break_unknown_currency, "not an ISO 4217 code" },
    { break_category, "cost category “snacks” is unknown" },
    { break_targets, "response target" },
    { break_calendar, "calendar of the supplier targets does not exist" },
    { break_service, "services the contract underpins no longer exists" },
  };
  gint64 before = count (f, "SELECT count(*) FROM sb_journal", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(SbContract) contract = make_contract (f->supplier_id, "HOST-2024", "2024-01-01");
      g_autoptr(GError) error = NULL;

      rules[i].breaker (contract, f);

      g_assert_false (sb_contracts_validate (f->book->store, contract, &error));
      g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
      if (strstr (error->message, rules[i].words) == NULL)
        g_error ("rule %u: “%s” does not say “%s”", i, error->message, rules[i].words);
      g_clear_error (&error);

      g_assert_false (sb_contracts_save (f->book->store, contract, &error));
      g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
      g_assert_null (sb_contract_get_id (contract));
    }

  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal", NULL), ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contract", NULL), ==, 0);

  /* A deleted supplier or service is refused too. */
  {
    g_autofree char *gone = add_supplier (f->book->store, "Gone Ltd");
    g_autofree char *service = add_service (f, "OLD", 0, 0, 0, 0);
    g_autoptr(SbChange) change = sb_change_delete ("supplier", gone);
    g_autoptr(SbContract) contract = make_contract (gone, "G-1", "2024-01-01");
    g_autoptr(SbContract) other = make_contract (f->supplier_id, "O-1", "2024-01-01");
    g_autoptr(GError) error = NULL;
    const char *ids[] = { service, NULL };

    g_assert_true (sb_store_apply (f->book->store, change, &error));
    g_assert_no_error (error);
    g_assert_false (sb_contracts_validate (f->book->store, contract, &error));
    g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“Gone Ltd” was deleted"));
    g_clear_error (&error);

    g_assert_true (sb_catalog_delete_service (f->book->store, service, &error));
    g_assert_no_error (error);
    sb_contract_set_service_ids (other, ids);
    g_assert_false (sb_contracts_validate (f->book->store, other, &error));
    g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  }
}

static void
test_unique_reference (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SbContract) first = make_contract (f->supplier_id, "HOST-2024", "2024-01-01");
  g_autoptr(SbContract) second = make_contract (f->supplier_id, "host-2024", "2025-01-01");
  g_autoptr(GError) error = NULL;
  g_autofree char *other_supplier = add_supplier (f->book->store, "Other Ltd");
  g_autofree char *first_id = save (f, first);
  g_autofree char *second_id = NULL;

  g_assert_false (sb_contracts_save (f->book->store, second, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already used by the contract “Web hosting” of Acme Hosting"));
  g_clear_error (&error);

  /* Saving the first again is not a clash with itself */
  g_assert_true (sb_contracts_save (f->book->store, first, &error));
  g_assert_no_error (error);

  /* The same reference with another supplier is fine */
  sb_contract_set_supplier_id (second, other_supplier);
  g_assert_true (sb_contracts_validate (f->book->store, second, &error));
  g_assert_no_error (error);

  /* Free again once the first is deleted; the first cannot come back then */
  sb_contract_set_supplier_id (second, f->supplier_id);
  g_assert_true (sb_contracts_delete (f->book->store, first_id, &error));
  g_assert_no_error (error);
  second_id = save (f, second);
  g_assert_false (sb_contracts_undelete (f->book->store, first_id, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot be restored"));
}

static void
test_delete_undelete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SbContract) contract = make_contract (f->supplier_id, "HOST-2024", "2024-01-01");
  g_autoptr(SbContract) back = NULL;
  g_autoptr(SbContract) gone = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = add_service (f, "EMAIL", 60, 240, 240, 480);
  g_autofree char *web = add_service (f, "WEB", 60, 240, 0, 0);
  const char *both[] = { email, web, NULL };
  const char *only_email[] = { email, NULL };
  g_autofree char *id = NULL;

  sb_contract_set_targets (contract, 1, 30, 120);
  sb_contract_set_targets (contract, 3, 0, 2880);
  sb_contract_set_service_ids (contract, both);
  id = save (f, contract);

  /* A link removed before the delete stays removed after the undo */
  sb_test_store_set_fixed_clock (f->book->store, NOW_MS + 1000);
  sb_contract_set_service_ids (contract, only_email);
  g_assert_true (sb_contracts_save (f->book->store, contract, &error));
  g_assert_no_error (error);

  sb_test_store_set_fixed_clock (f->book->store, NOW_MS + 2000);
  g_assert_true (sb_contracts_delete (f->book->store, id, &error));
  g_assert_no_error (error);

  gone = sb_contracts_get (f->book->store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  list = sb_contracts_list (f->book->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contract_target WHERE contract_id = ?1 AND deleted = 0", id), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contract_service WHERE contract_id = ?1 AND deleted = 0", id), ==, 0);
  g_assert_null (sb_contracts_find (f->book->store, NULL, "HOST-2024"));

  sb_test_store_set_fixed_clock (f->book->store, NOW_MS + 3000);
  g_assert_true (sb_contracts_undelete (f->book->store, id, &error));
  g_assert_no_error (error);

  back = sb_contracts_get (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sb_contract_get_response_target (back, 1), ==, 30);
  g_assert_cmpuint (sb_contract_get_resolution_target (back, 1), ==, 120);
  g_assert_cmpuint (sb_contract_get_resolution_target (back, 3), ==, 2880);
  g_assert_cmpuint (g_strv_length ((char **)sb_contract_get_service_ids (back)), ==, 1);
  g_assert_cmpstr (sb_contract_get_service_ids (back)[0], ==, email);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contract_target WHERE contract_id = ?1 AND deleted = 0", id), ==, 2);
}

static void
set_terms (SbContract *contract,
           const char *start,
           int         months,
           SbRenewal   renewal)
{
  SbContractTerms terms = *sb_contract_get_terms (contract);

  set_date (&terms.start, start);
  terms.initial_months = months;
  terms.renewal = renewal;
  terms.renewal_months = renewal == SB_RENEWAL_NONE ? 0 : 12;
  terms.notice_amount = 1;
  sb_contract_set_terms (contract, &terms);
}

static void
test_for_service (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *beta = add_supplier (f->book->store, "Beta Support");
  g_autofree char *zeta = add_supplier (f->book->store, "Zeta Networks");
  g_autofree char *email = add_service (f, "EMAIL", 60, 240, 240, 480);
  g_autofree char *web = add_service (f, "WEB", 60, 240, 0, 0);
  const char *ids[] = { email, NULL };
  const char *web_ids[] = { web, NULL };
  const struct
  {
    const char *supplier;
    const char *reference;
    const char *start;
    int         months;
    SbRenewal   renewal;
    const char **services;
  } contracts[] = {
    { zeta, "Z-OLD", "2020-01-01", 12, SB_RENEWAL_NONE, ids },           /* expired */
    { zeta, "Z-NOW", "2025-01-01", 24, SB_RENEWAL_NONE, ids },           /* in force */
    { beta, "B-NEXT", "2027-01-01", 12, SB_RENEWAL_AUTOMATIC, ids },     /* not started */
    { f->supplier_id, "A-NOW", "2024-01-01", 36, SB_RENEWAL_AUTOMATIC, ids }, /* in force */
    { beta, "B-WEB", "2024-01-01", 36, SB_RENEWAL_AUTOMATIC, web_ids },  /* another service */
  };
  const char *expected[] = { "A-NOW", "Z-NOW", "B-NEXT", "Z-OLD" };
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  for (guint i = 0; i < G_N_ELEMENTS (contracts); i++)
    {
      g_autoptr(SbContract) contract = make_contract (contracts[i].supplier, contracts[i].reference, "2024-01-01");
      g_autofree char *id = NULL;

      set_terms (contract, contracts[i].start, contracts[i].months, contracts[i].renewal);
      sb_contract_set_service_ids (contract, contracts[i].services);
      id = save (f, contract);
    }

  set_date (&day, "2026-06-15");
  found = sb_contracts_for_service (f->book->store, email, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpstr (sb_contract_get_reference (g_ptr_array_index (found, i)), ==, expected[i]);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_assert_cmpint (sb_contracts_get_warning_days (f->book->store), ==, SB_CONTRACT_DEFAULT_WARNING_DAYS);
  g_assert_true (sb_contracts_set_warning_days (f->book->store, 45, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_contracts_get_warning_days (f->book->store), ==, 45);

  g_assert_false (sb_contracts_set_warning_days (f->book->store, 0, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_contracts_set_warning_days (f->book->store, 366, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sb_contracts_get_warning_days (f->book->store), ==, 45);

  /* Noon UTC is 15 June in every time zone from UTC−11 to UTC+11. */
  sb_contracts_get_today (f->book->store, &today);
  g_assert_true (g_date_valid (&today));
  g_assert_cmpint (g_date_get_year (&today), ==, 2026);
  g_assert_cmpint (g_date_get_month (&today), ==, 6);
  g_assert_cmpint (g_date_get_day (&today), ==, 15);
}

static void
test_labels (void)
{
  const char * const *types = sb_contract_types ();
  const char * const *categories = sb_cost_categories ();

  g_assert_cmpuint (g_strv_length ((char **)types), ==, 7);
  for (guint i = 0; types[i] != NULL; i++)
    g_assert_nonnull (sb_contract_type_get_label (types[i]));
  g_assert_cmpstr (sb_contract_type_get_label ("hosting"), ==, "Hosting or cloud");
  g_assert_null (sb_contract_type_get_label ("rental"));

  g_assert_cmpuint (g_strv_length ((char **)categories), ==, 8);
  for (guint i = 0; categories[i] != NULL; i++)
    g_assert_nonnull (sb_cost_category_get_label (categories[i]));
  g_assert_cmpstr (sb_cost_category_get_label ("supplier-services"), ==, "Supplier services");
  g_assert_null (sb_cost_category_get_label ("snacks"));
}

static void
test_alignment (Fixture       *f,
                gconstpointer  data)
{
  /* EMAIL: P1 1 h / 4 h, P2 4 h / 8 h; WEB: P1 1 h / 4 h only */
  g_autofree char *email = add_service (f, "EMAIL", 60, 240, 240, 480);
  g_autofree char *web = add_service (f, "WEB", 60, 240, 0, 0);
  g_autoptr(SbContract) gappy = make_contract (f->supplier_id, "GAPPY", "2024-01-01");
  g_autoptr(SbContract) aligned = make_contract (f->supplier_id, "ALIGNED", "2024-01-01");
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gappy_id = NULL;
  g_autofree char *aligned_id = NULL;
  g_autofree char *text = NULL;
  const char *both[] = { email, web, NULL };
  SbAlignmentGap *gap;

  /* P1: response 2 h (longer than 1 h), resolution 4 h (fits);
   * P2: response 4 h (fits), resolution 16 h (longer than 8 h). */
  sb_contract_set_targets (gappy, 1, 120, 240);
  sb_contract_set_targets (gappy, 2, 240, 960);
  sb_contract_set_service_ids (gappy, both);
  gappy_id = save (f, gappy);

  sb_contract_set_targets (aligned, 1, 30, 180);
  sb_contract_set_targets (aligned, 2, 240, 480);
  sb_contract_set_targets (aligned, 4, 600, 6000);
  sb_contract_set_service_ids (aligned, both);
  aligned_id = save (f, aligned);

  gaps = sb_contracts_check_alignment (f->book->store, aligned_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 0);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  gaps = sb_contracts_check_alignment (f->book->store, gappy_id, NULL, &error);
  g_assert_no_error (error);
  /* EMAIL P1 response, EMAIL P2 resolution, WEB P1 response */
  g_assert_cmpuint (gaps->len, ==, 3);

  gap = g_ptr_array_index (gaps, 0);
  g_assert_cmpint (gap->kind, ==, SB_ALIGNMENT_RESPONSE_LONGER);
  g_assert_cmpstr (gap->service_code, ==, "EMAIL");
  g_assert_cmpstr (gap->contract_reference, ==, "GAPPY");
  g_assert_cmpstr (gap->supplier_name, ==, "Acme Hosting");
  g_assert_cmpuint (gap->priority, ==, 1);
  g_assert_cmpuint (gap->supplier_minutes, ==, 120);
  g_assert_cmpuint (gap->customer_minutes, ==, 60);

  gap = g_ptr_array_index (gaps, 1);
  g_assert_cmpint (gap->kind, ==, SB_ALIGNMENT_RESOLUTION_LONGER);
  g_assert_cmpuint (gap->priority, ==, 2);
  text = sb_alignment_gap_describe (gap);
  g_assert_cmpstr (text, ==, "P2 resolution: the supplier has 16 h, EMAIL promises 8 h");

  gap = g_ptr_array_index (gaps, 2);
  g_assert_cmpstr (gap->service_code, ==, "WEB");
  g_assert_cmpstr (gap->service_id, ==, web);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* A target the service has and the contract has not */
  sb_contract_set_targets (gappy, 2, 240, 0);
  g_assert_true (sb_contracts_save (f->book->store, gappy, &error));
  g_assert_no_error (error);
  gaps = sb_contracts_check_alignment (f->book->store, NULL, email, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 2);
  gap = g_ptr_array_index (gaps, 1);
  g_assert_cmpint (gap->kind, ==, SB_ALIGNMENT_NO_RESOLUTION_TARGET);
  g_assert_cmpuint (gap->supplier_minutes, ==, 0);
  g_assert_cmpuint (gap->customer_minutes, ==, 480);
  g_clear_pointer (&text, g_free);
  text = sb_alignment_gap_describe (gap);
  g_assert_cmpstr (text, ==, "P2 resolution: the supplier has no target, EMAIL promises 8 h");
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* A deleted contract has no gaps */
  g_assert_true (sb_contracts_delete (f->book->store, gappy_id, &error));
  g_assert_no_error (error);
  gaps = sb_contracts_check_alignment (f->book->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/contracts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("list-order", test_list_order);
  ADD ("validation", test_validation);
  ADD ("unique-reference", test_unique_reference);
  ADD ("delete-undelete", test_delete_undelete);
  ADD ("for-service", test_for_service);
  ADD ("settings", test_settings);
  ADD ("alignment", test_alignment);
  g_test_add_func ("/store/contracts/labels", test_labels);

#undef ADD

  return g_test_run ();
}

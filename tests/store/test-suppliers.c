/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sb-store-private.h"
#include "sb-suppliers.h"
#include "sb-test-utils.h"

/* The supplier register on real books: suppliers with their contacts,
 * deleting and restoring them, reviews, disputes, the journal and the
 * audit trail, and what survives reopening the book. */

typedef struct
{
  SbTestBook *book;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->book = sb_test_book_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->book, sb_test_book_free);
}

static gint64
count (Fixture    *f,
       const char *sql,
       const char *arg)
{
  return sb_test_store_count (f->book->store, sql, arg);
}

/* Everything written anywhere: records, journal and audit rows. */
static gint64
footprint (Fixture *f)
{
  return count (f, "SELECT (SELECT count(*) FROM supplier) + (SELECT count(*) FROM supplier_contact)"
                   " + (SELECT count(*) FROM supplier_review) + (SELECT count(*) FROM supplier_dispute)",
                NULL) * 1000000 +
         count (f, "SELECT count(*) FROM sb_journal", NULL) * 1000 +
         count (f, "SELECT count(*) FROM sb_audit_trail", NULL);
}

static void
add_contact (SbSupplier *supplier,
             const char *name,
             const char *role,
             const char *email,
             const char *phone)
{
  g_ptr_array_add (sb_supplier_get_contacts (supplier),
                   sb_supplier_contact_new (name, role, email, phone));
}

static SbSupplierContact *
contact_at (SbSupplier *supplier,
            guint       index)
{
  GPtrArray *contacts = sb_supplier_get_contacts (supplier);

  g_assert_cmpuint (index, <, contacts->len);

  return g_ptr_array_index (contacts, index);
}

static char *
add_supplier (Fixture    *f,
              const char *name)
{
  g_autoptr(SbSupplier) supplier = sb_supplier_new ();
  g_autoptr(GError) error = NULL;

  sb_supplier_set_name (supplier, name);
  g_assert_true (sb_suppliers_save (f->book->store, supplier, &error));
  g_assert_no_error (error);

  return g_strdup (sb_supplier_get_id (supplier));
}

/* A contract row with only the columns it cannot do without. */
static char *
add_contract (Fixture    *f,
              const char *supplier_id,
              const char *reference)
{
  g_autoptr(SbChange) change = sb_change_insert ("contract");
  g_autoptr(GError) error = NULL;

  sb_change_set_string (change, "supplier_id", supplier_id);
  sb_change_set_string (change, "reference", reference);
  sb_change_set_string (change, "title", "Support and maintenance");
  sb_change_set_string (change, "start_date", "2026-01-01");
  sb_change_set_int (change, "initial_months", 12);
  g_assert_true (sb_store_apply (f->book->store, change, &error));
  g_assert_no_error (error);

  return g_strdup (sb_change_get_id (change));
}

static void
assert_invalid (GError     *error,
                const char *expected)
{
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not name “%s”", error->message, expected);
}

static SbSupplier *
new_acme (void)
{
  SbSupplier *supplier = sb_supplier_new ();

  sb_supplier_set_name (supplier, "  Acme Hosting ");
  sb_supplier_set_kind (supplier, "external");
  sb_supplier_set_status (supplier, "under-review");
  sb_supplier_set_criticality (supplier, "high");
  sb_supplier_set_website (supplier, "https://acme.example/support");
  sb_supplier_set_account_number (supplier, "AC-1042");
  sb_supplier_set_relationship_owner (supplier, "Maria");
  sb_supplier_set_notes (supplier, "Hosts the mail servers.");
  add_contact (supplier, "Ann Account", "Account manager", "ann@acme.example", "+34 600 000 001");
  add_contact (supplier, " Sam Support ", "Support desk", "support@acme.example", NULL);
  add_contact (supplier, "Bill Billing", "Billing", NULL, "+34 600 000 003");

  return supplier;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SbSupplier) supplier = new_acme ();
  g_autoptr(SbSupplier) read = NULL;
  g_autoptr(SbSupplier) found = NULL;
  g_autoptr(SbSupplier) again = NULL;
  g_autoptr(SbSupplier) copy = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bravo = add_supplier (f, "bravo networks");
  g_autofree char *main_contact = NULL;
  g_autofree char *removed_id = NULL;
  g_autofree char *sam_id = NULL;
  const char *id;
  guint n_contacts = 0;
  gint64 before;

  g_assert_true (sb_suppliers_save (f->book->store, supplier, &error));
  g_assert_no_error (error);
  id = sb_supplier_get_id (supplier);
  g_assert_nonnull (id);
  /* The object holds what was stored: trimmed, contacts with ids. */
  g_assert_cmpstr (sb_supplier_get_name (supplier), ==, "Acme Hosting");
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (contact_at (supplier, i)->id);

  read = sb_suppliers_get (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_supplier_get_name (read), ==, "Acme Hosting");
  g_assert_cmpstr (sb_supplier_get_kind (read), ==, "external");
  g_assert_cmpstr (sb_supplier_get_status (read), ==, "under-review");
  g_assert_cmpstr (sb_supplier_get_criticality (read), ==, "high");
  g_assert_cmpstr (sb_supplier_get_website (read), ==, "https://acme.example/support");
  g_assert_cmpstr (sb_supplier_get_account_number (read), ==, "AC-1042");
  g_assert_cmpstr (sb_supplier_get_relationship_owner (read), ==, "Maria");
  g_assert_cmpstr (sb_supplier_get_notes (read), ==, "Hosts the mail servers.");
  g_assert_cmpuint (sb_supplier_get_contacts (read)->len, ==, 3);
  g_assert_cmpstr (contact_at (read, 0)->name, ==, "Ann Account");
  g_assert_cmpstr (contact_at (read, 0)->role, ==, "Account manager");
  g_assert_cmpstr (contact_at (read, 0)->email, ==, "ann@acme.example");
  g_assert_cmpstr (contact_at (read, 0)->phone, ==, "+34 600 000 001");
  g_assert_cmpstr (contact_at (read, 1)->name, ==, "Sam Support");
  g_assert_null (contact_at (read, 1)->phone);
  g_assert_cmpstr (contact_at (read, 2)->name, ==, "Bill Billing");
  g_assert_null (contact_at (read, 2)->email);

  /* Properties for the list views. */
  g_object_get (read, "main-contact", &main_contact, "n-contacts", &n_contacts, NULL);
  g_assert_cmpstr (main_contact, ==, "Ann Account");
  g_assert_cmpuint (n_contacts, ==, 3);

  /* Listed by name whatever the case; found by name whatever the case. */
  list = sb_suppliers_list (f->book->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(SbSupplier) first = g_list_model_get_item (list, 0);
    g_autoptr(SbSupplier) second = g_list_model_get_item (list, 1);

    g_assert_cmpstr (sb_supplier_get_name (first), ==, "Acme Hosting");
    g_assert_cmpuint (sb_supplier_get_contacts (first)->len, ==, 3);
    g_assert_cmpstr (sb_supplier_get_id (second), ==, bravo);
    g_assert_cmpuint (sb_supplier_get_contacts (second)->len, ==, 0);
  }
  found = sb_suppliers_find (f->book->store, " ACME hosting");
  g_assert_nonnull (found);
  g_assert_cmpstr (sb_supplier_get_id (found), ==, id);
  g_assert_null (sb_suppliers_find (f->book->store, "Acme"));

  /* Saving what did not change writes nothing. */
  before = footprint (f);
  g_assert_true (sb_suppliers_save (f->book->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (footprint (f), ==, before);

  /* A copy is deep: editing it leaves the original alone. */
  copy = sb_supplier_copy (read);
  g_free (contact_at (copy, 0)->name);
  contact_at (copy, 0)->name = g_strdup ("Someone else");
  g_assert_cmpstr (contact_at (read, 0)->name, ==, "Ann Account");
  g_assert_cmpstr (sb_supplier_get_id (copy), ==, id);

  /* Edit a contact, remove one, add one, and move Sam to the front. */
  sam_id = g_strdup (contact_at (read, 1)->id);
  removed_id = g_strdup (contact_at (read, 2)->id);
  g_free (contact_at (read, 1)->email);
  contact_at (read, 1)->email = g_strdup ("desk@acme.example");
  g_ptr_array_remove_index (sb_supplier_get_contacts (read), 2);
  g_ptr_array_insert (sb_supplier_get_contacts (read), 0,
                      g_ptr_array_steal_index (sb_supplier_get_contacts (read), 1));
  add_contact (read, "Nina Network", "Network engineer", "nina@acme.example", NULL);
  sb_supplier_set_status (read, "active");

  g_assert_true (sb_suppliers_save (f->book->store, read, &error));
  g_assert_no_error (error);

  again = sb_suppliers_get (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_supplier_get_status (again), ==, "active");
  g_assert_cmpuint (sb_supplier_get_contacts (again)->len, ==, 3);
  g_assert_cmpstr (contact_at (again, 0)->id, ==, sam_id);
  g_assert_cmpstr (contact_at (again, 0)->email, ==, "desk@acme.example");
  g_assert_cmpstr (contact_at (again, 1)->name, ==, "Ann Account");
  g_assert_cmpstr (contact_at (again, 2)->name, ==, "Nina Network");

  /* The removed contact is a tombstone; the edit kept Sam's row. */
  g_assert_cmpint (count (f, "SELECT deleted FROM supplier_contact WHERE id = ?", removed_id), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM supplier_contact", NULL), ==, 4);
  /* Only the changed columns went to the audit trail: Sam's email and
   * position, not the name that stayed the same. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE row_id = ? AND field = 'email'", sam_id), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE row_id = ? AND field = 'name'", sam_id), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE row_id = ? AND field = 'status'", id), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE row_id = ? AND field = 'name'", id), ==, 0);
}

static void
test_duplicate_name (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SbSupplier) twin = sb_supplier_new ();
  g_autoptr(SbSupplier) acme = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = add_supplier (f, "Acme Ltd");
  gint64 before = footprint (f);

  sb_supplier_set_name (twin, " ACME LTD ");
  g_assert_false (sb_suppliers_save (f->book->store, twin, &error));
  assert_invalid (error, "name");
  g_assert_null (sb_supplier_get_id (twin));
  g_assert_cmpint (footprint (f), ==, before);
  g_clear_error (&error);

  /* The supplier itself keeps its name, in another case too. */
  acme = sb_suppliers_get (f->book->store, id, &error);
  g_assert_no_error (error);
  sb_supplier_set_name (acme, "ACME Ltd");
  g_assert_true (sb_suppliers_save (f->book->store, acme, &error));
  g_assert_no_error (error);

  /* A deleted supplier's name is free again, and then it cannot come back. */
  g_assert_true (sb_suppliers_delete (f->book->store, id, &error));
  g_assert_no_error (error);
  g_assert_true (sb_suppliers_save (f->book->store, twin, &error));
  g_assert_no_error (error);
  g_assert_false (sb_suppliers_undelete (f->book->store, id, &error));
  assert_invalid (error, "name");
}

typedef void (*Breaker) (SbSupplier *supplier);

static void break_name (SbSupplier *s) { sb_supplier_set_name (s, "   "); }
static void break_kind (SbSupplier *s) { sb_supplier_set_kind (s, "vendor"); }
static void break_status (SbSupplier *s) { sb_supplier_set_status (s, "paused"); }
static void break_criticality (SbSupplier *s) { sb_supplier_set_criticality (s, "extreme"); }
static void break_website_space (SbSupplier *s) { sb_supplier_set_website (s, "acme example.com"); }
static void break_website_scheme (SbSupplier *s) { sb_supplier_set_website (s, "ftp://acme.example"); }
static void break_website_word (SbSupplier *s) { sb_supplier_set_website (s, "acme"); }
static void break_contact_name (SbSupplier *s) { g_clear_pointer (&contact_at (s, 1)->name, g_free); }
static void break_contact_email (SbSupplier *s) { contact_at (s, 2)->email = g_strdup ("bill.acme.example"); }

static void
test_invalid_fields (Fixture       *f,
                     gconstpointer  data)
{
  static const struct
  {
    Breaker     breaker;
    const char *field;
  } cases[] = {
    { break_name, "name" },
    { break_kind, "kind" },
    { break_status, "status" },
    { break_criticality, "criticality" },
    { break_website_space, "website" },
    { break_website_scheme, "website" },
    { break_website_word, "website" },
    { break_contact_name, "Contact 2" },
    { break_contact_email, "email" },
  };
  static const char * const good_websites[] = {
    "acme.example", "www.acme.example/support?lang=en", "http://intranet", "HTTPS://acme.example:8443/",
  };
  gint64 before = footprint (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SbSupplier) supplier = new_acme ();
      g_autoptr(GError) error = NULL;

      cases[i].breaker (supplier);
      g_assert_false (sb_suppliers_validate (f->book->store, supplier, &error));
      assert_invalid (error, cases[i].field);
      g_clear_error (&error);

      g_assert_false (sb_suppliers_save (f->book->store, supplier, &error));
      assert_invalid (error, cases[i].field);
      /* Nothing was given an id. */
      g_assert_null (sb_supplier_get_id (supplier));
      g_assert_null (contact_at (supplier, 0)->id);
    }
  g_assert_cmpint (footprint (f), ==, before);

  for (guint i = 0; i < G_N_ELEMENTS (good_websites); i++)
    {
      g_autoptr(SbSupplier) supplier = new_acme ();
      g_autoptr(GError) error = NULL;

      sb_supplier_set_website (supplier, good_websites[i]);
      g_assert_true (sb_suppliers_validate (f->book->store, supplier, &error));
      g_assert_no_error (error);
    }
}

static void
test_delete_with_contracts (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SbSupplier) supplier = new_acme ();
  g_autoptr(SbSupplier) edited = NULL;
  g_autoptr(SbSupplier) back = NULL;
  g_autoptr(SbSupplier) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbChange) end_first = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *edited_out = NULL;
  const char *id;

  sb_supplier_set_name (supplier, "Acme");
  g_assert_true (sb_suppliers_save (f->book->store, supplier, &error));
  g_assert_no_error (error);
  id = sb_supplier_get_id (supplier);

  /* A contact removed by an edit before the delete stays removed. */
  edited = sb_supplier_copy (supplier);
  edited_out = g_strdup (contact_at (edited, 2)->id);
  g_ptr_array_remove_index (sb_supplier_get_contacts (edited), 2);
  g_assert_true (sb_suppliers_save (f->book->store, edited, &error));
  g_assert_no_error (error);

  first = add_contract (f, id, "AC-1");
  second = add_contract (f, id, "AC-2");

  g_assert_false (sb_suppliers_delete (f->book->store, id, &error));
  assert_invalid (error, "Acme has 2 contracts; end or delete them first");
  g_clear_error (&error);

  end_first = sb_change_delete ("contract", first);
  g_assert_true (sb_store_apply (f->book->store, end_first, &error));
  g_assert_no_error (error);

  g_assert_false (sb_suppliers_delete (f->book->store, id, &error));
  assert_invalid (error, "Acme has 1 contract; end or delete it first");
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM supplier_contact WHERE deleted = 0", NULL), ==, 2);

  {
    g_autoptr(SbChange) end_second = sb_change_delete ("contract", second);

    g_assert_true (sb_store_apply (f->book->store, end_second, &error));
    g_assert_no_error (error);
  }

  g_assert_true (sb_suppliers_delete (f->book->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT deleted FROM supplier WHERE id = ?", id), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM supplier_contact WHERE deleted = 0", NULL), ==, 0);
  gone = sb_suppliers_get (f->book->store, id, &error);
  g_assert_null (gone);
  assert_invalid (error, id);
  g_clear_error (&error);
  {
    g_autoptr(GListModel) list = sb_suppliers_list (f->book->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  }

  g_assert_true (sb_suppliers_undelete (f->book->store, id, &error));
  g_assert_no_error (error);
  back = sb_suppliers_get (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sb_supplier_get_contacts (back)->len, ==, 2);
  g_assert_cmpstr (contact_at (back, 0)->name, ==, "Ann Account");
  g_assert_cmpstr (contact_at (back, 1)->name, ==, "Sam Support");
  g_assert_cmpint (count (f, "SELECT deleted FROM supplier_contact WHERE id = ?", edited_out), ==, 1);
}

static SbSupplierReview *
new_review (const char *supplier_id,
            const char *date,
            int         quality,
            int         delivery)
{
  SbSupplierReview *review = sb_supplier_review_new (supplier_id);

  sb_supplier_review_set_review_date (review, date);
  sb_supplier_review_set_period_from (review, "2026-01-01");
  sb_supplier_review_set_period_to (review, "2026-03-31");
  sb_supplier_review_set_score (review, SB_REVIEW_QUALITY, quality);
  sb_supplier_review_set_score (review, SB_REVIEW_DELIVERY, delivery);

  return review;
}

static void
test_reviews (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *id = add_supplier (f, "Acme");
  g_autofree char *other = add_supplier (f, "Bravo");
  g_autofree char *contract = add_contract (f, id, "AC-1");
  g_autoptr(SbSupplierReview) april = new_review (id, "2026-04-10", 4, 2);
  g_autoptr(SbSupplierReview) july = new_review (id, "2026-07-08", 5, 0);
  g_autoptr(SbSupplierReview) january = new_review (id, "2026-01-15", 0, 0);
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  SbSupplierReview *newest;
  double mean = 0;

  sb_supplier_review_set_contract_id (april, contract);
  sb_supplier_review_set_score (april, SB_REVIEW_RESPONSIVENESS, 3);
  sb_supplier_review_set_score (april, SB_REVIEW_VALUE, 3);
  sb_supplier_review_set_notes (april, "Slow on two P2 tickets.");
  sb_supplier_review_set_actions (april, "Weekly call until June.");
  sb_supplier_review_set_next_review (april, "2026-07-10");
  sb_supplier_review_set_reviewer (april, "Maria");
  g_assert_cmpfloat_with_epsilon (sb_supplier_review_get_mean_score (april), 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (sb_supplier_review_get_mean_score (july), 5.0, 1e-9);
  g_assert_cmpfloat (sb_supplier_review_get_mean_score (january), ==, 0.0);

  g_assert_true (sb_suppliers_add_review (f->book->store, april, &error));
  g_assert_no_error (error);
  g_assert_true (sb_suppliers_add_review (f->book->store, july, &error));
  g_assert_no_error (error);
  g_assert_true (sb_suppliers_add_review (f->book->store, january, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sb_supplier_review_get_id (april));

  /* Append-only: a saved review is not saved again. */
  g_assert_false (sb_suppliers_add_review (f->book->store, april, &error));
  assert_invalid (error, "review");
  g_clear_error (&error);

  reviews = sb_suppliers_list_reviews (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 3);
  g_assert_cmpstr (sb_supplier_review_get_review_date (g_ptr_array_index (reviews, 0)), ==, "2026-07-08");
  g_assert_cmpstr (sb_supplier_review_get_review_date (g_ptr_array_index (reviews, 1)), ==, "2026-04-10");
  g_assert_cmpstr (sb_supplier_review_get_review_date (g_ptr_array_index (reviews, 2)), ==, "2026-01-15");

  newest = g_ptr_array_index (reviews, 1);
  g_assert_cmpstr (sb_supplier_review_get_id (newest), ==, sb_supplier_review_get_id (april));
  g_assert_cmpstr (sb_supplier_review_get_contract_id (newest), ==, contract);
  g_assert_cmpint (sb_supplier_review_get_score (newest, SB_REVIEW_QUALITY), ==, 4);
  g_assert_cmpint (sb_supplier_review_get_score (newest, SB_REVIEW_DELIVERY), ==, 2);
  g_assert_cmpstr (sb_supplier_review_get_notes (newest), ==, "Slow on two P2 tickets.");
  g_assert_cmpstr (sb_supplier_review_get_actions (newest), ==, "Weekly call until June.");
  g_assert_cmpstr (sb_supplier_review_get_next_review (newest), ==, "2026-07-10");
  g_assert_cmpstr (sb_supplier_review_get_reviewer (newest), ==, "Maria");
  g_object_get (newest, "mean-score", &mean, NULL);
  g_assert_cmpfloat_with_epsilon (mean, 3.0, 1e-9);
  /* Not scored is stored as NULL, as the schema wants. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM supplier_review WHERE quality IS NULL", NULL), ==, 1);
  g_clear_pointer (&reviews, g_ptr_array_unref);

  g_assert_true (sb_suppliers_delete_review (f->book->store, sb_supplier_review_get_id (july), &error));
  g_assert_no_error (error);
  reviews = sb_suppliers_list_reviews (f->book->store, id, &error);
  g_assert_cmpuint (reviews->len, ==, 2);
  g_clear_pointer (&reviews, g_ptr_array_unref);

  g_assert_true (sb_suppliers_undelete_review (f->book->store, sb_supplier_review_get_id (july), &error));
  g_assert_no_error (error);
  reviews = sb_suppliers_list_reviews (f->book->store, id, &error);
  g_assert_cmpuint (reviews->len, ==, 3);
  g_clear_pointer (&reviews, g_ptr_array_unref);

  reviews = sb_suppliers_list_reviews (f->book->store, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 0);
}

static void
test_review_validation (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = add_supplier (f, "Acme");
  g_autofree char *other = add_supplier (f, "Bravo");
  g_autofree char *others_contract = add_contract (f, other, "BR-1");
  gint64 before = footprint (f);
  struct
  {
    const char *date;
    const char *from;
    const char *to;
    const char *next;
    int         quality;
    const char *contract;
    const char *expected;
  } cases[] = {
    { NULL, "2026-01-01", "2026-03-31", NULL, 3, NULL, "review date" },
    { "2026-04-31", "2026-01-01", "2026-03-31", NULL, 3, NULL, "review date" },
    { "10/04/2026", "2026-01-01", "2026-03-31", NULL, 3, NULL, "review date" },
    { "2026-04-10", NULL, "2026-03-31", NULL, 3, NULL, "period from" },
    { "2026-04-10", "2026-01-01", NULL, NULL, 3, NULL, "period to" },
    { "2026-04-10", "2026-03-31", "2026-01-01", NULL, 3, NULL, "period" },
    { "2026-04-10", "2026-01-01", "2026-03-31", NULL, 6, NULL, "Quality" },
    { "2026-04-10", "2026-01-01", "2026-03-31", NULL, -1, NULL, "Quality" },
    { "2026-04-10", "2026-01-01", "2026-03-31", "2026-04-10", 3, NULL, "next review" },
    { "2026-04-10", "2026-01-01", "2026-03-31", "2026-02-01", 3, NULL, "next review" },
    { "2026-04-10", "2026-01-01", "2026-03-31", NULL, 3, others_contract, "contract" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SbSupplierReview) review = sb_supplier_review_new (id);
      g_autoptr(GError) error = NULL;

      sb_supplier_review_set_review_date (review, cases[i].date);
      sb_supplier_review_set_period_from (review, cases[i].from);
      sb_supplier_review_set_period_to (review, cases[i].to);
      sb_supplier_review_set_next_review (review, cases[i].next);
      sb_supplier_review_set_score (review, SB_REVIEW_QUALITY, cases[i].quality);
      sb_supplier_review_set_contract_id (review, cases[i].contract);

      g_assert_false (sb_suppliers_add_review (f->book->store, review, &error));
      assert_invalid (error, cases[i].expected);
      g_assert_null (sb_supplier_review_get_id (review));
    }

  /* A review of a deleted supplier is refused too. */
  {
    g_autoptr(SbSupplierReview) review = new_review (other, "2026-04-10", 3, 3);
    g_autoptr(GError) error = NULL;
    g_autoptr(SbChange) change = sb_change_delete ("contract", others_contract);

    g_assert_true (sb_store_apply (f->book->store, change, &error));
    g_assert_no_error (error);
    g_assert_true (sb_suppliers_delete (f->book->store, other, &error));
    g_assert_no_error (error);
    before = footprint (f);

    g_assert_false (sb_suppliers_add_review (f->book->store, review, &error));
    assert_invalid (error, "supplier");
  }

  g_assert_cmpint (footprint (f), ==, before);
}

static SbSupplierDispute *
new_dispute (const char *supplier_id,
             const char *raised_on,
             const char *title)
{
  SbSupplierDispute *dispute = sb_supplier_dispute_new (supplier_id);

  sb_supplier_dispute_set_raised_on (dispute, raised_on);
  sb_supplier_dispute_set_title (dispute, title);

  return dispute;
}

static void
save_dispute (Fixture           *f,
              SbSupplierDispute *dispute)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_suppliers_save_dispute (f->book->store, dispute, &error));
  g_assert_no_error (error);
}

static void
refuse_dispute (Fixture           *f,
                SbSupplierDispute *dispute,
                const char        *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (sb_supplier_dispute_get_id (dispute));
  gint64 before = footprint (f);

  g_assert_false (sb_suppliers_save_dispute (f->book->store, dispute, &error));
  assert_invalid (error, expected);
  g_assert_cmpstr (sb_supplier_dispute_get_id (dispute), ==, id);
  g_assert_cmpint (footprint (f), ==, before);
}

static void
test_disputes (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *id = add_supplier (f, "Acme");
  g_autoptr(SbSupplierDispute) invoice = new_dispute (id, "2026-03-02", "Invoice 2026-118 charged twice");
  g_autoptr(SbSupplierDispute) outage = new_dispute (id, "2026-02-10", "Outage credit not paid");
  g_autoptr(SbSupplierDispute) scope = new_dispute (id, "2026-05-20", "Backup not in scope?");
  g_autoptr(GPtrArray) disputes = NULL;
  g_autoptr(GError) error = NULL;
  SbSupplierDispute *read;
  const char *invoice_id;

  g_assert_true (sb_supplier_dispute_is_open (invoice));
  sb_supplier_dispute_set_amount (invoice, 125000, "eur");
  sb_supplier_dispute_set_description (invoice, "The March invoice bills the hosting twice.");
  save_dispute (f, invoice);
  invoice_id = sb_supplier_dispute_get_id (invoice);
  g_assert_nonnull (invoice_id);
  save_dispute (f, outage);
  save_dispute (f, scope);

  /* A closed date while open is refused; so is a resolution without one,
   * or one before the dispute was raised. */
  sb_supplier_dispute_set_closed_on (invoice, "2026-03-20");
  refuse_dispute (f, invoice, "closed date");
  sb_supplier_dispute_set_status (invoice, "in-progress");
  refuse_dispute (f, invoice, "closed date");
  sb_supplier_dispute_set_closed_on (invoice, NULL);
  save_dispute (f, invoice);

  sb_supplier_dispute_set_status (invoice, "resolved");
  refuse_dispute (f, invoice, "closed date");
  sb_supplier_dispute_set_closed_on (invoice, "2026-03-01");
  refuse_dispute (f, invoice, "closed date");
  sb_supplier_dispute_set_closed_on (invoice, "2026-03-32");
  refuse_dispute (f, invoice, "closed date");
  sb_supplier_dispute_set_closed_on (invoice, "2026-03-20");
  sb_supplier_dispute_set_outcome (invoice, "Credit note for the second charge.");
  g_assert_false (sb_supplier_dispute_is_open (invoice));
  save_dispute (f, invoice);
  g_assert_cmpstr (sb_supplier_dispute_get_id (invoice), ==, invoice_id);

  /* Other fields. */
  {
    g_autoptr(SbSupplierDispute) bad = sb_supplier_dispute_copy (outage);

    sb_supplier_dispute_set_title (bad, "  ");
    refuse_dispute (f, bad, "title");
    sb_supplier_dispute_set_title (bad, "Outage credit not paid");
    sb_supplier_dispute_set_raised_on (bad, NULL);
    refuse_dispute (f, bad, "raised");
    sb_supplier_dispute_set_raised_on (bad, "2026-2-10");
    refuse_dispute (f, bad, "raised date");
    sb_supplier_dispute_set_raised_on (bad, "2026-02-10");
    sb_supplier_dispute_set_status (bad, "closed");
    refuse_dispute (f, bad, "status");
    sb_supplier_dispute_set_status (bad, "open");
    sb_supplier_dispute_set_amount (bad, -500, "EUR");
    refuse_dispute (f, bad, "amount");
    sb_supplier_dispute_set_amount (bad, 500, NULL);
    refuse_dispute (f, bad, "currency");
    sb_supplier_dispute_set_amount (bad, 500, "EURO");
    refuse_dispute (f, bad, "currency");
    sb_supplier_dispute_set_amount (bad, 500, "XYZ");
    refuse_dispute (f, bad, "currency");
  }

  /* Open ones first, newest raised first within each group. */
  disputes = sb_suppliers_list_disputes (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (disputes->len, ==, 3);
  g_assert_cmpstr (sb_supplier_dispute_get_title (g_ptr_array_index (disputes, 0)), ==, "Backup not in scope?");
  g_assert_cmpstr (sb_supplier_dispute_get_title (g_ptr_array_index (disputes, 1)), ==, "Outage credit not paid");
  read = g_ptr_array_index (disputes, 2);
  g_assert_cmpstr (sb_supplier_dispute_get_id (read), ==, invoice_id);
  g_assert_cmpstr (sb_supplier_dispute_get_status (read), ==, "resolved");
  g_assert_cmpstr (sb_supplier_dispute_get_closed_on (read), ==, "2026-03-20");
  g_assert_cmpstr (sb_supplier_dispute_get_raised_on (read), ==, "2026-03-02");
  g_assert_cmpint (sb_supplier_dispute_get_amount (read), ==, 125000);
  g_assert_cmpstr (sb_supplier_dispute_get_currency (read), ==, "EUR");
  g_assert_cmpstr (sb_supplier_dispute_get_outcome (read), ==, "Credit note for the second charge.");
  g_assert_cmpstr (sb_supplier_dispute_get_description (read), ==, "The March invoice bills the hosting twice.");
  g_assert_cmpint (sb_supplier_dispute_get_amount (g_ptr_array_index (disputes, 0)), ==, -1);
  g_assert_null (sb_supplier_dispute_get_currency (g_ptr_array_index (disputes, 0)));
  g_clear_pointer (&disputes, g_ptr_array_unref);

  /* The status went open → in-progress → resolved: three audited values. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE row_id = ? AND field IN ('status', '*')",
                          invoice_id), ==, 3);

  /* Withdrawn closes too. */
  sb_supplier_dispute_set_status (scope, "withdrawn");
  sb_supplier_dispute_set_closed_on (scope, "2026-05-20");
  save_dispute (f, scope);

  g_assert_true (sb_suppliers_delete_dispute (f->book->store, sb_supplier_dispute_get_id (outage), &error));
  g_assert_no_error (error);
  refuse_dispute (f, outage, "deleted");
  disputes = sb_suppliers_list_disputes (f->book->store, id, &error);
  g_assert_cmpuint (disputes->len, ==, 2);
  g_assert_cmpstr (sb_supplier_dispute_get_title (g_ptr_array_index (disputes, 0)), ==, "Backup not in scope?");
  g_clear_pointer (&disputes, g_ptr_array_unref);

  g_assert_true (sb_suppliers_undelete_dispute (f->book->store, sb_supplier_dispute_get_id (outage), &error));
  g_assert_no_error (error);
  disputes = sb_suppliers_list_disputes (f->book->store, id, &error);
  g_assert_cmpuint (disputes->len, ==, 3);
  g_assert_cmpstr (sb_supplier_dispute_get_title (g_ptr_array_index (disputes, 0)), ==, "Outage credit not paid");
}

static void
test_journal (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SbSupplier) supplier = new_acme ();
  g_autoptr(GError) error = NULL;
  gint64 journal = count (f, "SELECT count(*) FROM sb_journal", NULL);
  const char *id;

  g_assert_true (sb_suppliers_save (f->book->store, supplier, &error));
  g_assert_no_error (error);
  id = sb_supplier_get_id (supplier);

  /* One journal row per record written, the same in the audit trail. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal", NULL), ==, journal + 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'supplier' AND row_id = ?", id), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal WHERE tbl = 'supplier_contact'", NULL), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'supplier' AND field = '*'", NULL), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE tbl = 'supplier_contact' AND field = '*'", NULL), ==, 3);

  /* Delete: the supplier and its three contacts, one row each. */
  g_assert_true (sb_suppliers_delete (f->book->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal", NULL), ==, journal + 8);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_audit_trail WHERE field = 'deleted' AND new_value = '1'", NULL), ==, 4);

  g_assert_true (sb_suppliers_undelete (f->book->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sb_journal", NULL), ==, journal + 12);
  g_assert_cmpint (count (f, "SELECT count(*) FROM supplier_contact WHERE deleted = 0", NULL), ==, 3);
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SbSupplier) supplier = new_acme ();
  g_autoptr(SbSupplier) read = NULL;
  g_autoptr(SbSupplierReview) review = NULL;
  g_autoptr(SbSupplierDispute) dispute = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) disputes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (sb_suppliers_save (f->book->store, supplier, &error));
  g_assert_no_error (error);
  id = g_strdup (sb_supplier_get_id (supplier));

  review = new_review (id, "2026-04-10", 4, 5);
  g_assert_true (sb_suppliers_add_review (f->book->store, review, &error));
  g_assert_no_error (error);
  dispute = new_dispute (id, "2026-03-02", "Invoice charged twice");
  save_dispute (f, dispute);

  g_clear_object (&f->book->store);
  f->book->store = sb_test_store_open (f->book->path);

  read = sb_suppliers_get (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_supplier_get_name (read), ==, "Acme Hosting");
  g_assert_cmpstr (sb_supplier_get_criticality (read), ==, "high");
  g_assert_cmpuint (sb_supplier_get_contacts (read)->len, ==, 3);
  g_assert_cmpstr (contact_at (read, 2)->name, ==, "Bill Billing");

  reviews = sb_suppliers_list_reviews (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (sb_supplier_review_get_mean_score (g_ptr_array_index (reviews, 0)), 4.5, 1e-9);

  disputes = sb_suppliers_list_disputes (f->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (disputes->len, ==, 1);
  g_assert_cmpstr (sb_supplier_dispute_get_title (g_ptr_array_index (disputes, 0)), ==, "Invoice charged twice");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *)user_data)++;
}

static void
test_objects (void)
{
  g_autoptr(SbSupplier) supplier = sb_supplier_new ();
  g_autoptr(SbSupplierReview) review = sb_supplier_review_new ("s1");
  g_autoptr(SbSupplierDispute) dispute = sb_supplier_dispute_new ("s1");
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func ((GDestroyNotify)sb_supplier_contact_free);
  g_autofree char *kind = NULL;
  guint name_notes = 0;
  guint main_notes = 0;
  guint mean_notes = 0;
  guint open_notes = 0;
  gboolean is_open = FALSE;
  int quality = -1;

  g_assert_cmpstr (sb_supplier_get_kind (supplier), ==, "external");
  g_assert_cmpstr (sb_supplier_get_status (supplier), ==, "active");
  g_assert_cmpstr (sb_supplier_get_criticality (supplier), ==, "medium");
  g_assert_null (sb_supplier_get_id (supplier));
  g_object_get (supplier, "kind", &kind, NULL);
  g_assert_cmpstr (kind, ==, "external");

  /* Notified on a change only. */
  g_signal_connect (supplier, "notify::name", G_CALLBACK (count_notify), &name_notes);
  g_signal_connect (supplier, "notify::main-contact", G_CALLBACK (count_notify), &main_notes);
  sb_supplier_set_name (supplier, "Acme");
  sb_supplier_set_name (supplier, "Acme");
  g_object_set (supplier, "name", "Acme", NULL);
  g_assert_cmpuint (name_notes, ==, 1);
  sb_supplier_set_name (supplier, "");
  g_assert_null (sb_supplier_get_name (supplier));
  g_assert_cmpuint (name_notes, ==, 2);

  g_ptr_array_add (contacts, sb_supplier_contact_new ("Ann", NULL, "", NULL));
  sb_supplier_set_contacts (supplier, contacts);
  sb_supplier_set_contacts (supplier, contacts);
  g_assert_cmpuint (main_notes, ==, 1);
  g_assert_null (contact_at (supplier, 0)->email);
  /* The supplier holds copies. */
  g_assert_true (g_ptr_array_index (contacts, 0) != contact_at (supplier, 0));
  sb_supplier_set_contacts (supplier, sb_supplier_get_contacts (supplier));
  g_assert_cmpstr (contact_at (supplier, 0)->name, ==, "Ann");

  g_signal_connect (review, "notify::mean-score", G_CALLBACK (count_notify), &mean_notes);
  sb_supplier_review_set_score (review, SB_REVIEW_VALUE, 4);
  sb_supplier_review_set_score (review, SB_REVIEW_VALUE, 4);
  sb_supplier_review_set_score (review, SB_REVIEW_QUALITY, 4);
  g_assert_cmpuint (mean_notes, ==, 1);
  g_object_get (review, "quality", &quality, NULL);
  g_assert_cmpint (quality, ==, 4);
  g_assert_cmpstr (sb_supplier_review_get_supplier_id (review), ==, "s1");

  g_signal_connect (dispute, "notify::is-open", G_CALLBACK (count_notify), &open_notes);
  g_assert_cmpint (sb_supplier_dispute_get_amount (dispute), ==, -1);
  sb_supplier_dispute_set_status (dispute, "in-progress");
  g_assert_cmpuint (open_notes, ==, 0);
  sb_supplier_dispute_set_status (dispute, "resolved");
  g_assert_cmpuint (open_notes, ==, 1);
  g_object_get (dispute, "is-open", &is_open, NULL);
  g_assert_false (is_open);

  /* Every value has a label. */
  for (const char * const *v = sb_supplier_kinds (); *v != NULL; v++)
    g_assert_true (sb_supplier_kind_get_label (*v) != *v);
  for (const char * const *v = sb_supplier_statuses (); *v != NULL; v++)
    g_assert_true (sb_supplier_status_get_label (*v) != *v);
  for (const char * const *v = sb_supplier_criticalities (); *v != NULL; v++)
    g_assert_true (sb_supplier_criticality_get_label (*v) != *v);
  for (const char * const *v = sb_dispute_statuses (); *v != NULL; v++)
    g_assert_true (sb_dispute_status_get_label (*v) != *v);
  g_assert_cmpstr (sb_supplier_status_get_label ("under-review"), ==, "Under review");
  g_assert_cmpstr (sb_dispute_status_get_label ("in-progress"), ==, "In progress");
  g_assert_cmpstr (sb_review_score_get_label (SB_REVIEW_RESPONSIVENESS), ==, "Responsiveness");
  g_assert_cmpstr (sb_supplier_kind_get_label ("unknown"), ==, "unknown");
}

#define ADD(path, func) \
  g_test_add ("/store/suppliers/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/suppliers/objects", test_objects);
  ADD ("round-trip", test_round_trip);
  ADD ("duplicate-name", test_duplicate_name);
  ADD ("invalid-fields", test_invalid_fields);
  ADD ("delete-with-contracts", test_delete_with_contracts);
  ADD ("reviews", test_reviews);
  ADD ("review-validation", test_review_validation);
  ADD ("disputes", test_disputes);
  ADD ("journal", test_journal);
  ADD ("reopen", test_reopen);

  return g_test_run ();
}

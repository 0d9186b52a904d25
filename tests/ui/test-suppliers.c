/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sb-contracts.h"
#include "sb-dispute-dialog.h"
#include "sb-review-dialog.h"
#include "sb-sample-data.h"
#include "sb-supplier-detail.h"
#include "sb-supplier-performance.h"
#include "sb-suppliers-page.h"
#include "sb-suppliers.h"
#include "sb-ui-format.h"
#include "sb-store.h"
#include "sb-time.h"
#include "sb-window.h"
#include "sb-test-utils.h"
#include "sb-ui-test-utils.h"

/* The Suppliers page in a real window on a real display (Xvfb in CI),
 * driven through its widgets and actions the way a person would: typing
 * into the fields, then pressing what the buttons and shortcuts press. */

typedef struct
{
  SbTestBook *book;
  GtkWindow  *window;
  GtkWidget  *page;
} Fixture;

/* As a click does; activating a button clicks it only after a delay. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  SbWindow *window;

  fixture->book = sb_test_book_new ();
  window = sb_ui_test_present_window (fixture->book->store, data != NULL ? GPOINTER_TO_INT (data) : 1300, 800,
                                      "suppliers");
  fixture->window = GTK_WINDOW (window);
  sb_ui_test_settle ();

  fixture->page = sb_window_get_page (window, "suppliers");
  g_assert_true (SB_IS_SUPPLIERS_PAGE (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sb_ui_test_destroy_windows (fixture->window);
  g_clear_pointer (&fixture->book, sb_test_book_free);
}

static SbSupplierDetail *
detail (Fixture *fixture)
{
  return SB_SUPPLIER_DETAIL (sb_suppliers_page_get_detail (SB_SUPPLIERS_PAGE (fixture->page)));
}

static guint
n_listed (Fixture *fixture)
{
  return g_list_model_get_n_items (sb_suppliers_page_get_model (SB_SUPPLIERS_PAGE (fixture->page)));
}

/* The search entry waits a moment after typing before it searches (a
 * delay that a loaded machine stretches): wait for the list, up to 5 s. */
static guint
n_listed_after_search (Fixture *fixture,
                       guint    expected)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (n_listed (fixture) != expected && g_get_monotonic_time () < give_up)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  return n_listed (fixture);
}

static gboolean
listed (Fixture    *fixture,
        const char *name)
{
  GListModel *model = sb_suppliers_page_get_model (SB_SUPPLIERS_PAGE (fixture->page));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (model, i);

      if (g_strcmp0 (sb_supplier_get_name (supplier), name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* @trigger is @keyval with @mods (alternatives included). */
static gboolean
trigger_is (GtkShortcutTrigger *trigger,
            guint               keyval,
            GdkModifierType     mods)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_is (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods) ||
           trigger_is (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
}

/* Runs the first shortcut of @widget's controllers of @scope that @keyval
 * with @mods triggers and that acts. */
static gboolean
run_shortcut (GtkWidget        *widget,
              guint             keyval,
              GdkModifierType   mods,
              GtkShortcutScope  scope)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != scope)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_is (gtk_shortcut_get_trigger (shortcut), keyval, mods) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

/* Presses @keyval with @mods as the window hands it on: the focused widget
 * and its ancestors first (the detail's own bindings), then the page's
 * shortcuts, which the window runs wherever the focus is. */
static gboolean
press_shortcut (Fixture         *fixture,
                guint            keyval,
                GdkModifierType  mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  gboolean done = FALSE;

  for (GtkWidget *w = focus; w != NULL && !done; w = gtk_widget_get_parent (w))
    done = run_shortcut (w, keyval, mods, GTK_SHORTCUT_SCOPE_LOCAL);
  if (!done)
    done = run_shortcut (fixture->page, keyval, mods, GTK_SHORTCUT_SCOPE_MANAGED);
  sb_ui_test_settle ();

  return done;
}

/* A new supplier typed into the detail, then saved with the page's Save
 * (Ctrl+S). */
static void
create_supplier (Fixture    *fixture,
                 const char *name)
{
  gtk_widget_activate_action (fixture->page, "page.new", NULL);
  sb_ui_test_settle ();
  g_assert_false (sb_supplier_detail_get_can_save (detail (fixture)));

  sb_ui_test_type_into (detail (fixture), SB_TYPE_SUPPLIER_DETAIL, "name_row", name);
  sb_ui_test_type_into (detail (fixture), SB_TYPE_SUPPLIER_DETAIL, "owner_row", "Dana Ruiz");
  g_assert_true (sb_supplier_detail_get_can_save (detail (fixture)));

  gtk_widget_activate_action (fixture->page, "page.save", NULL);
  sb_ui_test_settle ();
}

static void
test_empty_then_sample (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkStack *stack = sb_ui_test_template_child (fixture->page, SB_TYPE_SUPPLIERS_PAGE, "content_stack");
  guint n;
  gboolean some_contracts = FALSE;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (sb_ui_test_find_widget (fixture->page, "_Add Supplier"));

  gtk_widget_activate_action (fixture->page, "page.load-sample-data", NULL);
  sb_ui_test_settle ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  n = n_listed (fixture);
  g_assert_cmpuint (n, >=, 6);
  g_assert_cmpuint (n, <=, 8);

  /* Each supplier opens with its contracts and performance. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (sb_suppliers_page_get_model (SB_SUPPLIERS_PAGE (fixture->page)), i);

      /* Selecting shows it at once: no need to wait for a frame. */
      sb_suppliers_page_select_supplier (SB_SUPPLIERS_PAGE (fixture->page), sb_supplier_get_id (supplier));
      g_assert_cmpstr (sb_supplier_get_id (sb_supplier_detail_get_supplier (detail (fixture))), ==,
                       sb_supplier_get_id (supplier));
      if (sb_supplier_detail_get_n_contracts (detail (fixture)) > 0)
        some_contracts = TRUE;

      sb_supplier_detail_set_period (detail (fixture), SB_PERFORMANCE_THIS_YEAR);
      sb_supplier_detail_set_period (detail (fixture), SB_PERFORMANCE_LAST_12_MONTHS);
    }
  g_assert_true (some_contracts);
}

static void
test_create_and_validate (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SbSupplier) saved = NULL;
  g_autoptr(SbSupplier) with_contact = NULL;
  GtkWidget *name_row;
  GtkWidget *focus;

  create_supplier (fixture, "Acme Hosting");

  saved = sb_suppliers_find (fixture->book->store, "Acme Hosting");
  g_assert_nonnull (saved);
  g_assert_cmpstr (sb_supplier_get_relationship_owner (saved), ==, "Dana Ruiz");
  g_assert_true (listed (fixture, "Acme Hosting"));
  g_assert_false (sb_supplier_detail_get_modified (detail (fixture)));
  g_assert_cmpstr (sb_supplier_get_id (sb_supplier_detail_get_supplier (detail (fixture))), ==,
                   sb_supplier_get_id (saved));

  /* An empty name: said under the field, Save refused. */
  name_row = sb_ui_test_template_child (detail (fixture), SB_TYPE_SUPPLIER_DETAIL, "name_row");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  g_assert_false (sb_supplier_detail_get_can_save (detail (fixture)));
  g_assert_nonnull (sb_supplier_detail_get_problem (detail (fixture)));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (sb_ui_test_template_child (detail (fixture), SB_TYPE_SUPPLIER_DETAIL,
                                                           "save_button")));

  /* Revert brings the saved name back. */
  gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "detail.revert", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Acme Hosting");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (sb_supplier_detail_get_modified (detail (fixture)));

  /* A second supplier may not take the first one's name. */
  create_supplier (fixture, "Bolt Networks");
  name_row = sb_ui_test_template_child (detail (fixture), SB_TYPE_SUPPLIER_DETAIL, "name_row");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "acme hosting");
  g_assert_false (sb_supplier_detail_get_can_save (detail (fixture)));
  g_assert_nonnull (sb_supplier_detail_get_problem (detail (fixture)));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Bolt Networks");

  /* A contact, saved with the supplier. */
  gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "detail.add-contact", NULL);
  sb_ui_test_settle ();
  /* The focus is in the new contact's name. */
  focus = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (focus);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus)), ==, "Name");
  gtk_editable_set_text (GTK_EDITABLE (focus), "Lee Park");
  g_assert_true (sb_supplier_detail_get_can_save (detail (fixture)));
  gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "detail.save", NULL);
  sb_ui_test_settle ();

  with_contact = sb_suppliers_find (fixture->book->store, "Bolt Networks");
  g_assert_nonnull (with_contact);
  g_assert_cmpuint (sb_supplier_get_contacts (with_contact)->len, ==, 1);
  g_assert_cmpstr (((SbSupplierContact *) g_ptr_array_index (sb_supplier_get_contacts (with_contact), 0))->name,
                   ==, "Lee Park");
  g_assert_cmpuint (n_listed (fixture), ==, 2);
}

static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SbSupplier) supplier = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  SbReviewDialog *dialog;
  SbSupplierReview *review;
  GtkWidget *date_row;

  create_supplier (fixture, "Acme Hosting");
  supplier = sb_suppliers_find (fixture->book->store, "Acme Hosting");
  g_assert_cmpuint (sb_supplier_detail_get_n_reviews (detail (fixture)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "detail.add-review", NULL);
  sb_ui_test_settle ();
  dialog = sb_ui_test_find_toplevel (SB_TYPE_REVIEW_DIALOG);
  g_assert_nonnull (dialog);

  /* A date that is no date is refused as typed. */
  date_row = sb_ui_test_template_child (dialog, SB_TYPE_REVIEW_DIALOG, "review_date_row");
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-02-30");
  g_assert_nonnull (sb_review_dialog_get_problem (dialog));
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (sb_ui_test_template_child (dialog, SB_TYPE_REVIEW_DIALOG, "save_button")));

  /* A period that ends before it starts, too. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-03-31");
  sb_ui_test_type_into (dialog, SB_TYPE_REVIEW_DIALOG, "period_from_row", "2026-03-31");
  sb_ui_test_type_into (dialog, SB_TYPE_REVIEW_DIALOG, "period_to_row", "2026-01-01");
  g_assert_nonnull (sb_review_dialog_get_problem (dialog));
  sb_ui_test_type_into (dialog, SB_TYPE_REVIEW_DIALOG, "period_from_row", "2026-01-01");
  sb_ui_test_type_into (dialog, SB_TYPE_REVIEW_DIALOG, "period_to_row", "2026-03-31");
  sb_ui_test_type_into (dialog, SB_TYPE_REVIEW_DIALOG, "next_review_row", "2026-06-30");
  g_assert_null (sb_review_dialog_get_problem (dialog));

  sb_review_dialog_set_score (dialog, SB_REVIEW_QUALITY, 4);
  sb_review_dialog_set_score (dialog, SB_REVIEW_DELIVERY, 3);
  sb_review_dialog_set_score (dialog, SB_REVIEW_RESPONSIVENESS, 5);
  sb_review_dialog_set_score (dialog, SB_REVIEW_VALUE, 4);
  sb_ui_test_type_into (dialog, SB_TYPE_REVIEW_DIALOG, "notes_row", "Slow restores in February");

  /* Enter in a field saves. */
  g_signal_emit_by_name (sb_ui_test_template_child (dialog, SB_TYPE_REVIEW_DIALOG, "notes_row"), "entry-activated");
  sb_ui_test_settle ();
  g_assert_null (sb_ui_test_find_toplevel (SB_TYPE_REVIEW_DIALOG));

  reviews = sb_suppliers_list_reviews (fixture->book->store, sb_supplier_get_id (supplier), NULL);
  g_assert_cmpuint (reviews->len, ==, 1);
  review = g_ptr_array_index (reviews, 0);
  g_assert_cmpstr (sb_supplier_review_get_review_date (review), ==, "2026-03-31");
  g_assert_cmpint (sb_supplier_review_get_score (review, SB_REVIEW_RESPONSIVENESS), ==, 5);
  g_assert_cmpfloat_with_epsilon (sb_supplier_review_get_mean_score (review), 4.0, 0.001);
  g_assert_cmpuint (sb_supplier_detail_get_n_reviews (detail (fixture)), ==, 1);
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (detail (fixture)), "Delete Review"));

  /* Delete, then Undo. */
  click (sb_ui_test_find_widget (GTK_WIDGET (detail (fixture)), "Delete Review"));
  sb_ui_test_settle ();
  {
    g_autoptr(GPtrArray) left = sb_suppliers_list_reviews (fixture->book->store, sb_supplier_get_id (supplier), NULL);
    g_assert_cmpuint (left->len, ==, 0);
  }
  g_assert_cmpuint (sb_supplier_detail_get_n_reviews (detail (fixture)), ==, 0);
  click (sb_ui_test_find_widget (GTK_WIDGET (fixture->window), "_Undo"));
  sb_ui_test_settle ();
  g_assert_cmpuint (sb_supplier_detail_get_n_reviews (detail (fixture)), ==, 1);
}

static void
test_dispute (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SbSupplier) supplier = NULL;
  g_autoptr(GPtrArray) disputes = NULL;
  g_autoptr(GPtrArray) closed = NULL;
  SbDisputeDialog *dialog;
  SbSupplierDispute *dispute;
  GtkWidget *closed_row;

  create_supplier (fixture, "Acme Hosting");
  supplier = sb_suppliers_find (fixture->book->store, "Acme Hosting");

  gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "detail.raise-dispute", NULL);
  sb_ui_test_settle ();
  dialog = sb_ui_test_find_toplevel (SB_TYPE_DISPUTE_DIALOG);
  g_assert_nonnull (dialog);

  /* Nothing typed: Save cannot, and Enter says why. */
  g_assert_false (gtk_widget_is_sensitive (sb_ui_test_template_child (dialog, SB_TYPE_DISPUTE_DIALOG, "save_button")));
  g_signal_emit_by_name (sb_ui_test_template_child (dialog, SB_TYPE_DISPUTE_DIALOG, "raised_row"), "entry-activated");
  g_assert_nonnull (sb_dispute_dialog_get_problem (dialog));
  g_assert_nonnull (sb_ui_test_find_toplevel (SB_TYPE_DISPUTE_DIALOG));

  sb_ui_test_type_into (dialog, SB_TYPE_DISPUTE_DIALOG, "title_row", "Invoice for March charged twice");
  sb_ui_test_type_into (dialog, SB_TYPE_DISPUTE_DIALOG, "amount_row", "-5");
  g_assert_nonnull (sb_dispute_dialog_get_problem (dialog));
  sb_ui_test_type_into (dialog, SB_TYPE_DISPUTE_DIALOG, "amount_row", "1200");
  g_assert_null (sb_dispute_dialog_get_problem (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dispute.save", NULL);
  sb_ui_test_settle ();
  g_assert_null (sb_ui_test_find_toplevel (SB_TYPE_DISPUTE_DIALOG));

  disputes = sb_suppliers_list_disputes (fixture->book->store, sb_supplier_get_id (supplier), NULL);
  g_assert_cmpuint (disputes->len, ==, 1);
  dispute = g_ptr_array_index (disputes, 0);
  g_assert_true (sb_supplier_dispute_is_open (dispute));
  g_assert_cmpint (sb_supplier_dispute_get_amount (dispute), ==, 120000);
  g_assert_cmpuint (sb_supplier_detail_get_n_disputes (detail (fixture)), ==, 1);

  /* Resolve it through its Edit button: the closed day comes with it. */
  click (sb_ui_test_find_widget (GTK_WIDGET (detail (fixture)), "Edit Dispute or Change Its Status"));
  sb_ui_test_settle ();
  dialog = sb_ui_test_find_toplevel (SB_TYPE_DISPUTE_DIALOG);
  g_assert_nonnull (dialog);
  closed_row = sb_ui_test_template_child (dialog, SB_TYPE_DISPUTE_DIALOG, "closed_row");
  g_assert_false (gtk_widget_get_visible (closed_row));
  sb_dispute_dialog_set_status (dialog, "resolved");
  g_assert_true (gtk_widget_get_visible (closed_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (closed_row)), !=, "");
  sb_ui_test_type_into (dialog, SB_TYPE_DISPUTE_DIALOG, "outcome_row", "Credit note received");
  gtk_editable_set_text (GTK_EDITABLE (closed_row), "1999-01-01");
  g_assert_nonnull (sb_dispute_dialog_get_problem (dialog));
  gtk_editable_set_text (GTK_EDITABLE (closed_row), sb_supplier_dispute_get_raised_on (dispute));
  g_assert_null (sb_dispute_dialog_get_problem (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dispute.save", NULL);
  sb_ui_test_settle ();
  g_assert_null (sb_ui_test_find_toplevel (SB_TYPE_DISPUTE_DIALOG));

  closed = sb_suppliers_list_disputes (fixture->book->store, sb_supplier_get_id (supplier), NULL);
  g_assert_cmpuint (closed->len, ==, 1);
  dispute = g_ptr_array_index (closed, 0);
  g_assert_false (sb_supplier_dispute_is_open (dispute));
  g_assert_cmpstr (sb_supplier_dispute_get_status (dispute), ==, "resolved");
  g_assert_cmpstr (sb_supplier_dispute_get_outcome (dispute), ==, "Credit note received");
  g_assert_nonnull (sb_supplier_dispute_get_closed_on (dispute));

  /* Escape closes a dialog without saving. */
  gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "detail.raise-dispute", NULL);
  sb_ui_test_settle ();
  dialog = sb_ui_test_find_toplevel (SB_TYPE_DISPUTE_DIALOG);
  sb_ui_test_type_into (dialog, SB_TYPE_DISPUTE_DIALOG, "title_row", "Never saved");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  sb_ui_test_settle ();
  g_assert_null (sb_ui_test_find_toplevel (SB_TYPE_DISPUTE_DIALOG));
  g_assert_cmpuint (sb_supplier_detail_get_n_disputes (detail (fixture)), ==, 1);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SbSupplier) gone = NULL;
  g_autoptr(SbSupplier) back = NULL;
  GtkWidget *undo;

  create_supplier (fixture, "Acme Hosting");
  g_assert_true (listed (fixture, "Acme Hosting"));

  gtk_widget_activate_action (fixture->page, "page.delete", NULL);
  sb_ui_test_settle ();
  gone = sb_suppliers_find (fixture->book->store, "Acme Hosting");
  g_assert_null (gone);
  g_assert_false (listed (fixture, "Acme Hosting"));

  undo = sb_ui_test_find_widget (GTK_WIDGET (fixture->window), "_Undo");
  g_assert_nonnull (undo);
  click (undo);
  sb_ui_test_settle ();

  back = sb_suppliers_find (fixture->book->store, "Acme Hosting");
  g_assert_nonnull (back);
  g_assert_true (listed (fixture, "Acme Hosting"));
  g_assert_cmpstr (sb_supplier_get_id (sb_supplier_detail_get_supplier (detail (fixture))), ==,
                   sb_supplier_get_id (back));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *entry = sb_ui_test_template_child (fixture->page, SB_TYPE_SUPPLIERS_PAGE, "search_entry");
  g_autoptr(GError) error = NULL;
  guint all;

  g_assert_true (sb_sample_data_load (fixture->book->store, &error));
  g_assert_no_error (error);
  sb_ui_test_settle ();
  all = n_listed (fixture);
  g_assert_cmpuint (all, >=, 6);

  /* Ctrl+F goes to the search; a contact's address finds its supplier. */
  gtk_widget_activate_action (fixture->page, "page.search", NULL);
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "vaultkeep");
  sb_ui_test_settle ();
  g_assert_cmpuint (n_listed_after_search (fixture, 1), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "no supplier is called this");
  sb_ui_test_settle ();
  g_assert_cmpuint (n_listed_after_search (fixture, 0), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sb_ui_test_template_child (fixture->page, SB_TYPE_SUPPLIERS_PAGE,
                                                                     "results_stack")), ==, "no-results");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  sb_ui_test_settle ();
  g_assert_cmpuint (n_listed_after_search (fixture, all), ==, all);
}

/* The first label under @root that says @text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static SbSupplier *
supplier_named (Fixture    *fixture,
                const char *name)
{
  SbSupplier *supplier = sb_suppliers_find (fixture->book->store, name);

  g_assert_nonnull (supplier);
  return supplier;
}

/* The On Target column: the share of the contract's targets met in the
 * last 12 months, as the performance of the store works it out; costs of
 * nothing say so with a dash. */
static void
test_on_target (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *view = sb_ui_test_template_child (fixture->page, SB_TYPE_SUPPLIERS_PAGE, "column_view");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) suppliers = NULL;
  gboolean some_judged = FALSE;
  gboolean some_not_judged = FALSE;
  GDate today, from;

  g_assert_true (sb_sample_data_load (fixture->book->store, &error));
  g_assert_no_error (error);
  sb_ui_test_settle ();

  sb_contracts_get_today (fixture->book->store, &today);
  from = today;
  sb_date_add_months_clamped (&from, -12);
  g_date_add_days (&from, 1);

  suppliers = sb_suppliers_list (fixture->book->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (suppliers); i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (suppliers, i);
      SbSupplierPerformance perf;
      guint met, judged;
      int shown;

      g_assert_true (sb_supplier_performance_compute (fixture->book->store, sb_supplier_get_id (supplier), NULL,
                                                      &from, &today, &perf, &error));
      g_assert_no_error (error);

      met = perf.n_response_met + perf.n_resolution_met;
      judged = met + perf.n_response_breached + perf.n_resolution_breached;
      shown = sb_suppliers_page_get_on_target (SB_SUPPLIERS_PAGE (fixture->page), sb_supplier_get_id (supplier));
      if (judged == 0)
        {
          g_assert_cmpint (shown, ==, -1);
          some_not_judged = TRUE;
          continue;
        }

      g_assert_cmpint (shown, ==, (int) ((met * 100 + judged / 2) / judged));
      some_judged = TRUE;
    }
  g_assert_true (some_judged);
  g_assert_true (some_not_judged);

  /* Northline Telecom's cell says its per cent, with a warning below 80 %. */
  {
    g_autoptr(SbSupplier) northline = supplier_named (fixture, "Northline Telecom");
    int percent = sb_suppliers_page_get_on_target (SB_SUPPLIERS_PAGE (fixture->page), sb_supplier_get_id (northline));
    g_autofree char *text = g_strdup_printf ("%d %%", percent);
    GtkWidget *label;

    g_assert_cmpint (percent, >=, 0);
    label = find_label (view, text);
    g_assert_nonnull (label);
    g_assert_cmpint (gtk_widget_has_css_class (gtk_widget_get_parent (label), "warning"), ==, percent < 80);
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (label)), "Response on target: "));
  }

  /* The Facilities team costs nothing ahead: a dash, not €0.00. */
  g_assert_nonnull (sb_ui_test_find_widget (view, "No costs in the next 12 months"));
  g_assert_null (find_label (view, "€0.00"));
}

static AdwMessageDialog *
open_message_dialog (void)
{
  return sb_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* Clicks the answer's button, which also closes the dialog. */
static void
answer (AdwMessageDialog *dialog,
        const char       *label)
{
  click (sb_ui_test_find_widget (GTK_WIDGET (dialog), label));
  sb_ui_test_settle ();
  g_assert_null (open_message_dialog ());
}

/* Another supplier, or a new one, while edits are not saved: the page
 * asks first, and does what the answer says. */
static void
test_unsaved_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  SbSuppliersPage *page = SB_SUPPLIERS_PAGE (fixture->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbSupplier) stratus = NULL;
  g_autoptr(SbSupplier) vault = NULL;
  g_autoptr(SbSupplier) saved = NULL;
  g_autoptr(SbSupplier) kept = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (sb_sample_data_load (fixture->book->store, &error));
  sb_ui_test_settle ();
  stratus = supplier_named (fixture, "Stratus Cloud");
  vault = supplier_named (fixture, "Vaultkeep Backup");

  sb_suppliers_page_select_supplier (page, sb_supplier_get_id (stratus));
  sb_ui_test_settle ();
  sb_ui_test_type_into (detail (fixture), SB_TYPE_SUPPLIER_DETAIL, "owner_row", "Morgan Lee");
  g_assert_true (sb_supplier_detail_get_modified (detail (fixture)));

  /* Keep Editing: nothing moves. */
  sb_suppliers_page_select_supplier (page, sb_supplier_get_id (vault));
  sb_ui_test_settle ();
  dialog = open_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (sb_supplier_get_id (sb_supplier_detail_get_supplier (detail (fixture))), ==,
                   sb_supplier_get_id (stratus));
  answer (dialog, "_Keep Editing");
  g_assert_true (sb_supplier_detail_get_modified (detail (fixture)));
  g_assert_cmpstr (sb_supplier_get_id (sb_supplier_detail_get_supplier (detail (fixture))), ==,
                   sb_supplier_get_id (stratus));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sb_ui_test_template_child (detail (fixture), SB_TYPE_SUPPLIER_DETAIL,
                                                                        "owner_row"))), ==, "Morgan Lee");

  /* Discard: the other supplier shows, the edit is gone. */
  sb_suppliers_page_select_supplier (page, sb_supplier_get_id (vault));
  sb_ui_test_settle ();
  dialog = open_message_dialog ();
  g_assert_nonnull (dialog);
  answer (dialog, "_Discard");
  g_assert_cmpstr (sb_supplier_get_id (sb_supplier_detail_get_supplier (detail (fixture))), ==,
                   sb_supplier_get_id (vault));
  g_assert_false (sb_supplier_detail_get_modified (detail (fixture)));
  kept = sb_suppliers_get (fixture->book->store, sb_supplier_get_id (stratus), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_supplier_get_relationship_owner (kept), !=, "Morgan Lee");

  /* Save, from Ctrl+N: written, then a new supplier to type. */
  sb_ui_test_type_into (detail (fixture), SB_TYPE_SUPPLIER_DETAIL, "owner_row", "Morgan Lee");
  gtk_widget_activate_action (fixture->page, "page.new", NULL);
  sb_ui_test_settle ();
  dialog = open_message_dialog ();
  g_assert_nonnull (dialog);
  answer (dialog, "_Save");
  saved = sb_suppliers_get (fixture->book->store, sb_supplier_get_id (vault), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_supplier_get_relationship_owner (saved), ==, "Morgan Lee");
  g_assert_null (sb_supplier_detail_get_supplier (detail (fixture)));
  g_assert_false (sb_supplier_detail_get_modified (detail (fixture)));

  /* A new supplier being typed is asked about too. */
  sb_ui_test_type_into (detail (fixture), SB_TYPE_SUPPLIER_DETAIL, "name_row", "Quill Print");
  sb_suppliers_page_select_supplier (page, sb_supplier_get_id (stratus));
  sb_ui_test_settle ();
  dialog = open_message_dialog ();
  g_assert_nonnull (dialog);
  answer (dialog, "_Save");
  g_clear_object (&saved);
  saved = sb_suppliers_find (fixture->book->store, "Quill Print");
  g_assert_nonnull (saved);
  g_assert_cmpstr (sb_supplier_get_id (sb_supplier_detail_get_supplier (detail (fixture))), ==,
                   sb_supplier_get_id (stratus));
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  AdwLeaflet *leaflet = sb_ui_test_template_child (fixture->page, SB_TYPE_SUPPLIERS_PAGE, "leaflet");
  GtkColumnView *view = sb_ui_test_template_child (fixture->page, SB_TYPE_SUPPLIERS_PAGE, "column_view");
  g_autoptr(GError) error = NULL;
  gboolean can_back;

  g_assert_true (sb_sample_data_load (fixture->book->store, &error));
  sb_ui_test_settle ();
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  /* Enter on a row opens it; Back returns to the list. */
  g_signal_emit_by_name (view, "activate", 0);
  sb_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  g_object_get (fixture->page, "can-navigate-back", &can_back, NULL);
  g_assert_true (can_back);

  gtk_widget_activate_action (fixture->page, "page.back", NULL);
  sb_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_object_get (fixture->page, "can-navigate-back", &can_back, NULL);
  g_assert_false (can_back);
}

/* Ctrl+R and Ctrl+D with the focus in the list act on the selected
 * supplier, as they do inside its detail; not on a new one. */
static void
test_shortcuts_from_list (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkColumnView *view = sb_ui_test_template_child (fixture->page, SB_TYPE_SUPPLIERS_PAGE, "column_view");
  GtkSingleSelection *selection = sb_ui_test_template_child (fixture->page, SB_TYPE_SUPPLIERS_PAGE, "selection");
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) disputes = NULL;
  g_autoptr(GError) error = NULL;
  SbSupplier *selected;
  g_autofree char *id = NULL;
  SbReviewDialog *review;
  SbDisputeDialog *dispute;
  GtkWidget *focus;
  guint n_reviews;
  guint n_disputes;

  create_supplier (fixture, "Acme Hosting");
  create_supplier (fixture, "Borealis Networks");
  gtk_single_selection_set_selected (selection, 0);
  sb_ui_test_settle ();
  selected = gtk_single_selection_get_selected_item (selection);
  id = g_strdup (sb_supplier_get_id (selected));
  g_assert_cmpstr (sb_supplier_get_name (selected), ==, "Acme Hosting");
  n_reviews = sb_supplier_detail_get_n_reviews (detail (fixture));
  n_disputes = sb_supplier_detail_get_n_disputes (detail (fixture));

  gtk_widget_grab_focus (GTK_WIDGET (view));
  sb_ui_test_settle ();
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == GTK_WIDGET (view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (view)));

  /* Ctrl+R: a review of the selected supplier */
  g_assert_true (press_shortcut (fixture, GDK_KEY_r, GDK_CONTROL_MASK));
  review = sb_ui_test_find_toplevel (SB_TYPE_REVIEW_DIALOG);
  g_assert_nonnull (review);
  sb_ui_test_type_into (review, SB_TYPE_REVIEW_DIALOG, "review_date_row", "2026-03-31");
  sb_ui_test_type_into (review, SB_TYPE_REVIEW_DIALOG, "period_from_row", "2026-01-01");
  sb_ui_test_type_into (review, SB_TYPE_REVIEW_DIALOG, "period_to_row", "2026-03-31");
  sb_ui_test_type_into (review, SB_TYPE_REVIEW_DIALOG, "next_review_row", "2026-06-30");
  sb_review_dialog_set_score (review, SB_REVIEW_QUALITY, 4);
  sb_review_dialog_set_score (review, SB_REVIEW_DELIVERY, 3);
  sb_review_dialog_set_score (review, SB_REVIEW_RESPONSIVENESS, 5);
  sb_review_dialog_set_score (review, SB_REVIEW_VALUE, 4);
  g_assert_null (sb_review_dialog_get_problem (review));
  g_signal_emit_by_name (sb_ui_test_template_child (review, SB_TYPE_REVIEW_DIALOG, "notes_row"), "entry-activated");
  sb_ui_test_settle ();
  g_assert_null (sb_ui_test_find_toplevel (SB_TYPE_REVIEW_DIALOG));
  reviews = sb_suppliers_list_reviews (fixture->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpuint (sb_supplier_detail_get_n_reviews (detail (fixture)), ==, n_reviews + 1);

  /* Ctrl+D: a dispute with it, the focus back in the list */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  sb_ui_test_settle ();
  g_assert_true (press_shortcut (fixture, GDK_KEY_d, GDK_CONTROL_MASK));
  dispute = sb_ui_test_find_toplevel (SB_TYPE_DISPUTE_DIALOG);
  g_assert_nonnull (dispute);
  sb_ui_test_type_into (dispute, SB_TYPE_DISPUTE_DIALOG, "title_row", "Invoice for March charged twice");
  sb_ui_test_type_into (dispute, SB_TYPE_DISPUTE_DIALOG, "amount_row", "300");
  g_assert_null (sb_dispute_dialog_get_problem (dispute));
  gtk_widget_activate_action (GTK_WIDGET (dispute), "dispute.save", NULL);
  sb_ui_test_settle ();
  g_assert_null (sb_ui_test_find_toplevel (SB_TYPE_DISPUTE_DIALOG));
  disputes = sb_suppliers_list_disputes (fixture->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (disputes->len, ==, 1);
  g_assert_cmpuint (sb_supplier_detail_get_n_disputes (detail (fixture)), ==, n_disputes + 1);

  /* From the search entry too */
  gtk_widget_grab_focus (sb_ui_test_template_child (fixture->page, SB_TYPE_SUPPLIERS_PAGE, "search_entry"));
  sb_ui_test_settle ();
  g_assert_true (press_shortcut (fixture, GDK_KEY_d, GDK_CONTROL_MASK));
  dispute = sb_ui_test_find_toplevel (SB_TYPE_DISPUTE_DIALOG);
  g_assert_nonnull (dispute);
  gtk_widget_activate_action (GTK_WIDGET (dispute), "window.close", NULL);
  sb_ui_test_settle ();
  g_assert_null (sb_ui_test_find_toplevel (SB_TYPE_DISPUTE_DIALOG));

  /* A new supplier still to be saved has nothing to review yet */
  gtk_widget_activate_action (fixture->page, "page.new", NULL);
  sb_ui_test_settle ();
  gtk_widget_grab_focus (GTK_WIDGET (view));
  sb_ui_test_settle ();
  press_shortcut (fixture, GDK_KEY_r, GDK_CONTROL_MASK);
  g_assert_null (sb_ui_test_find_toplevel (SB_TYPE_REVIEW_DIALOG));
}

static guint
n_visible_columns (Fixture *fixture)
{
  GtkColumnView *view = sb_ui_test_template_child (fixture->page, SB_TYPE_SUPPLIERS_PAGE, "column_view");
  GListModel *columns = gtk_column_view_get_columns (view);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      n += gtk_column_view_column_get_visible (column) ? 1 : 0;
    }

  return n;
}

/* Narrow, then wide again: the columns follow the width at once, with
 * nothing clicked in between. */
static void
test_resize_follows (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *scroller = sb_ui_test_template_child (fixture->page, SB_TYPE_SUPPLIERS_PAGE, "list_scroller");
  g_autoptr(GError) error = NULL;
  guint wide;

  g_assert_true (sb_sample_data_load (fixture->book->store, &error));
  sb_ui_test_settle ();
  wide = n_visible_columns (fixture);
  g_assert_cmpuint (wide, >=, 3);

  gtk_window_set_default_size (fixture->window, 360, 800);
  sb_ui_test_settle ();
  g_assert_cmpint (gtk_widget_get_width (scroller), <=, 360);
  g_assert_cmpuint (n_visible_columns (fixture), <, wide);
  g_assert_cmpuint (n_visible_columns (fixture), >=, 1);

  gtk_window_set_default_size (fixture->window, 1300, 800);
  sb_ui_test_settle ();
  g_assert_cmpint (gtk_widget_get_width (scroller), >, 500);
  g_assert_cmpuint (n_visible_columns (fixture), ==, wide);
}

static void
test_relative_dates (void)
{
  GDate today, date;
  g_autofree char *same = NULL, *next = NULL, *days = NULL, *weeks = NULL, *months = NULL, *ago = NULL;

  g_date_set_dmy (&today, 15, G_DATE_MARCH, 2026);
  date = today;
  same = sb_format_date_relative (&date, &today);
  g_date_add_days (&date, 1);
  next = sb_format_date_relative (&date, &today);
  g_date_add_days (&date, 4);
  days = sb_format_date_relative (&date, &today);
  g_date_add_days (&date, 16);
  weeks = sb_format_date_relative (&date, &today);
  g_date_add_days (&date, 100);
  months = sb_format_date_relative (&date, &today);
  g_date_set_dmy (&date, 12, G_DATE_MARCH, 2026);
  ago = sb_format_date_relative (&date, &today);

  g_assert_cmpstr (same, ==, "today");
  g_assert_cmpstr (next, ==, "tomorrow");
  g_assert_cmpstr (days, ==, "in 5 days");
  g_assert_cmpstr (weeks, ==, "in 3 weeks");
  g_assert_cmpstr (months, ==, "in 4 months");
  g_assert_cmpstr (ago, ==, "3 days ago");
}

int
main (int   argc,
      char *argv[])
{
  if (!sb_ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/ui/suppliers/empty-then-sample", test_empty_then_sample);
  ADD ("/ui/suppliers/create-and-validate", test_create_and_validate);
  ADD ("/ui/suppliers/review", test_review);
  ADD ("/ui/suppliers/dispute", test_dispute);
  ADD ("/ui/suppliers/delete-and-undo", test_delete_and_undo);
  ADD ("/ui/suppliers/search", test_search);
  ADD ("/ui/suppliers/on-target", test_on_target);
  ADD ("/ui/suppliers/unsaved-changes", test_unsaved_changes);
  ADD ("/ui/suppliers/shortcuts-from-list", test_shortcuts_from_list);
  ADD ("/ui/suppliers/resize-follows", test_resize_follows);
  g_test_add ("/ui/suppliers/narrow", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_narrow,
              fixture_tear_down);
  g_test_add_func ("/ui/suppliers/relative-dates", test_relative_dates);

#undef ADD

  return g_test_run ();
}

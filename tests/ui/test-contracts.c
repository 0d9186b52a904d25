/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sb-catalog.h"
#include "sb-contract-editor.h"
#include "sb-contracts.h"
#include "sb-contracts-page.h"
#include "sb-sample-data.h"
#include "sb-store.h"
#include "sb-suppliers.h"
#include "sb-time.h"
#include "sb-test-utils.h"
#include "sb-ui-test-utils.h"

/* The Contracts page in a real window on a real display (Xvfb in CI): a
 * contract typed into the editor with what its terms mean shown as they
 * are typed, the register's rules refusing impossible input with their
 * reason, alignment risks, delete with undo, the unsaved-changes guard
 * and the sample book. */

typedef struct
{
  SbTestBook      *book;
  GtkWindow       *window;
  SbContractsPage *page;
  char            *supplier_id;
  char            *service_id;
} Fixture;

static char *
save_supplier (SbStore    *store,
               const char *name)
{
  g_autoptr(SbSupplier) supplier = sb_supplier_new ();
  g_autoptr(GError) error = NULL;

  sb_supplier_set_name (supplier, name);
  g_assert_true (sb_suppliers_save (store, supplier, &error));
  g_assert_no_error (error);

  return g_strdup (sb_supplier_get_id (supplier));
}

/* A service promising a first response within 30 minutes at priority 1. */
static char *
save_service (SbStore *store)
{
  g_autoptr(SbService) service = sb_service_new ();
  g_autoptr(GError) error = NULL;

  sb_service_set_code (service, "MAIL");
  sb_service_set_name (service, "Email and calendars");
  sb_service_set_targets (service, 1, 30, 240);
  g_assert_true (sb_catalog_save_service (store, service, &error));
  g_assert_no_error (error);

  return g_strdup (sb_service_get_id (service));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 9, 1, 12, 0, 0);

  fixture->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (fixture->book->store, g_date_time_to_unix (now) * 1000);

  if (data != NULL)
    {
      fixture->supplier_id = save_supplier (fixture->book->store, "Acme Networks");
      fixture->service_id = save_service (fixture->book->store);
    }

  fixture->page = g_object_new (SB_TYPE_CONTRACTS_PAGE, "store", fixture->book->store, NULL);
  fixture->window = sb_ui_test_present_in_window (GTK_WIDGET (fixture->page), 1180, 800);
  sb_ui_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sb_ui_test_destroy_windows (fixture->window);
  g_clear_pointer (&fixture->book, sb_test_book_free);
  g_clear_pointer (&fixture->supplier_id, g_free);
  g_clear_pointer (&fixture->service_id, g_free);
}

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), SB_TYPE_CONTRACTS_PAGE, name);

  g_assert_nonnull (child);

  return child;
}

static SbContractEditor *
editor (Fixture *fixture)
{
  return SB_CONTRACT_EDITOR (sb_contracts_page_get_editor (fixture->page));
}

static gpointer
editor_child (Fixture    *fixture,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (editor (fixture)), SB_TYPE_CONTRACT_EDITOR, name);

  g_assert_nonnull (child);

  return child;
}

static void
type_text (Fixture    *fixture,
           const char *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editor_child (fixture, row)), text);
  sb_ui_test_settle ();
}

static gboolean
row_shows_problem (GtkWidget *row)
{
  GtkWidget *problem = g_object_get_data (G_OBJECT (row), "sb-problem-row");

  return problem != NULL && gtk_widget_get_visible (problem);
}

/* Types a contract with Acme: a year from 1 January 2026, renewing for a
 * year at a time unless notice is given 3 months ahead. */
static void
type_contract (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.new", NULL);
  sb_ui_test_settle ();

  adw_combo_row_set_selected (editor_child (fixture, "supplier_row"), 1);
  type_text (fixture, "reference_row", "AC-2291");
  type_text (fixture, "title_row", "Firewall support");
  type_text (fixture, "start_row", "2026-01-01");
  gtk_spin_button_set_value (editor_child (fixture, "initial_spin"), 12);
  adw_combo_row_set_selected (editor_child (fixture, "renewal_row"), 1);   /* automatic */
  gtk_spin_button_set_value (editor_child (fixture, "renewal_spin"), 12);
  gtk_spin_button_set_value (editor_child (fixture, "notice_spin"), 3);
  gtk_drop_down_set_selected (editor_child (fixture, "notice_unit_dropdown"), 1);   /* months */
  type_text (fixture, "amount_row", "1200");
  sb_ui_test_settle ();
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkStack *stack = page_child (fixture, "contracts_stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (sb_contracts_page_get_model (fixture->page)), ==, 0);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *model = sb_contracts_page_get_model (fixture->page);
  SbContractState state;
  GDate expected;
  g_autoptr(SbContract) saved = NULL;
  g_autofree char *problems = NULL;
  const char *subtitle;

  type_contract (fixture);

  /* The last day to give notice shows as the terms are typed: the term
   * ends 31 December, 3 months before is 30 September. */
  g_assert_true (sb_contract_editor_get_state (editor (fixture), &state));
  g_date_set_dmy (&expected, 30, G_DATE_SEPTEMBER, 2026);
  g_assert_true (g_date_valid (&state.notice_deadline));
  g_assert_cmpint (g_date_compare (&state.notice_deadline, &expected), ==, 0);
  g_assert_cmpint (state.status, ==, SB_CONTRACT_IN_NOTICE_WINDOW);
  subtitle = adw_action_row_get_subtitle (editor_child (fixture, "notice_deadline_row"));
  g_assert_nonnull (strstr (subtitle, "30 Sep 2026"));

  /* The header names the contract by its short reference; the title is
   * in the form, and in the tooltip. */
  g_assert_cmpstr (gtk_label_get_label (editor_child (fixture, "title_label")), ==, "AC-2291");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (editor_child (fixture, "title_label")), ==,
                   "AC-2291 · Firewall support");

  problems = sb_contract_editor_get_problems (editor (fixture));
  g_assert_cmpstr (problems, ==, "");
  g_assert_true (sb_contract_editor_get_can_save (editor (fixture)));

  /* Ctrl+S */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.save", NULL);
  sb_ui_test_settle ();

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  saved = g_list_model_get_item (model, 0);
  g_assert_cmpstr (sb_contract_get_reference (saved), ==, "AC-2291");
  g_assert_cmpstr (sb_contract_get_supplier_name (saved), ==, "Acme Networks");
  g_assert_cmpint (sb_contract_get_cost_amount (saved), ==, 120000);
  g_assert_false (sb_contract_editor_get_modified (editor (fixture)));
  g_assert_false (sb_contract_editor_get_can_save (editor (fixture)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "contracts_stack")), ==, "list");
}

static void
test_notice_longer_than_term (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *problems = NULL;

  type_contract (fixture);
  g_assert_true (sb_contract_editor_get_can_save (editor (fixture)));

  /* 13 months' notice of a 12-month term cannot be given. */
  gtk_spin_button_set_value (editor_child (fixture, "notice_spin"), 13);
  sb_ui_test_settle ();

  problems = sb_contract_editor_get_problems (editor (fixture));
  g_assert_cmpstr (problems, !=, "");
  g_assert_true (row_shows_problem (editor_child (fixture, "notice_row")));
  g_assert_false (sb_contract_editor_get_can_save (editor (fixture)));
  g_assert_false (gtk_widget_is_sensitive (editor_child (fixture, "save_button")));

  /* Back to 3 months: fine again. */
  gtk_spin_button_set_value (editor_child (fixture, "notice_spin"), 3);
  sb_ui_test_settle ();
  g_assert_false (row_shows_problem (editor_child (fixture, "notice_row")));
  g_assert_true (sb_contract_editor_get_can_save (editor (fixture)));
}

static void
test_negative_amount (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *problems = NULL;

  type_contract (fixture);
  type_text (fixture, "amount_row", "-100");

  problems = sb_contract_editor_get_problems (editor (fixture));
  g_assert_cmpstr (problems, !=, "");
  g_assert_true (row_shows_problem (editor_child (fixture, "amount_row")));
  g_assert_false (sb_contract_editor_get_can_save (editor (fixture)));

  /* Save refuses too: nothing reaches the book. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.save", NULL);
  sb_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (sb_contracts_page_get_model (fixture->page)), ==, 0);
}

static char *
save_contract (Fixture    *fixture,
               const char *reference,
               guint       p1_response)
{
  g_autoptr(SbContract) contract = sb_contract_new (fixture->supplier_id);
  g_autoptr(GError) error = NULL;
  SbContractTerms terms;
  const char *services[] = { fixture->service_id, NULL };

  sb_contract_terms_init (&terms);
  g_date_set_dmy (&terms.start, 1, G_DATE_JANUARY, 2026);
  terms.initial_months = 24;
  sb_contract_set_terms (contract, &terms);
  sb_contract_set_reference (contract, reference);
  sb_contract_set_title (contract, "Mail relay support");
  sb_contract_set_targets (contract, 1, p1_response, 240);
  sb_contract_set_service_ids (contract, services);
  g_assert_true (sb_contracts_save (fixture->book->store, contract, &error));
  g_assert_no_error (error);

  return g_strdup (sb_contract_get_id (contract));
}

static void
test_alignment_gap (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = save_contract (fixture, "MR-1", 60);
  g_autofree char *gaps = NULL;

  sb_ui_test_settle ();
  sb_contracts_page_select_contract (fixture->page, id);
  sb_ui_test_settle ();

  /* The supplier answers within an hour; MAIL promises 30 minutes. */
  gaps = sb_contract_editor_get_gaps_text (editor (fixture));
  g_assert_nonnull (strstr (gaps, "MAIL"));
  g_assert_true (gtk_widget_get_visible (editor_child (fixture, "gaps_group")));
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *model = sb_contracts_page_get_model (fixture->page);
  g_autofree char *id = save_contract (fixture, "MR-1", 30);
  g_autoptr(SbContract) back = NULL;
  GtkWidget *undo;

  sb_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  sb_contracts_page_select_contract (fixture->page, id);
  sb_ui_test_settle ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.delete", NULL);
  sb_ui_test_settle ();
  g_assert_null (sb_contracts_get (fixture->book->store, id, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  undo = sb_ui_test_find_button (GTK_WIDGET (fixture->window), "_Undo");
  g_assert_nonnull (undo);
  /* A button activated from the keyboard clicks after a short press. */
  gtk_widget_activate (undo);
  for (guint i = 0; i < 10 && g_list_model_get_n_items (model) == 0; i++)
    sb_ui_test_settle ();

  back = sb_contracts_get (fixture->book->store, id, NULL);
  g_assert_nonnull (back);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (sb_contract_get_id (sb_contract_editor_get_contract (editor (fixture))), ==, id);
}

/* Changes not saved are never dropped without asking. */
static void
test_unsaved_guard (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *first = save_contract (fixture, "MR-1", 30);
  g_autofree char *second = save_contract (fixture, "MR-2", 30);
  GList *toplevels;
  AdwMessageDialog *dialog = NULL;

  sb_ui_test_settle ();
  sb_contracts_page_select_contract (fixture->page, first);
  sb_ui_test_settle ();
  type_text (fixture, "title_row", "Mail relay support, renegotiated");
  g_assert_true (sb_contract_editor_get_modified (editor (fixture)));

  sb_contracts_page_select_contract (fixture->page, second);
  sb_ui_test_settle ();

  /* Still on the first, asked what to do. */
  g_assert_cmpstr (sb_contract_get_id (sb_contract_editor_get_contract (editor (fixture))), ==, first);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);

  /* Save, then go on. */
  adw_message_dialog_response (dialog, "save");
  sb_ui_test_settle ();
  g_assert_cmpstr (sb_contract_get_id (sb_contract_editor_get_contract (editor (fixture))), ==, second);
  {
    g_autoptr(SbContract) saved = sb_contracts_get (fixture->book->store, first, NULL);

    g_assert_cmpstr (sb_contract_get_title (saved), ==, "Mail relay support, renegotiated");
  }
}

/* Whether the list shows the column titled @title. */
static gboolean
column_shown (Fixture    *fixture,
              const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (page_child (fixture, "column_view"));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_sample_book (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *model = sb_contracts_page_get_model (fixture->page);
  GtkDropDown *status = page_child (fixture, "status_dropdown");
  guint n;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.load-sample-data", NULL);
  sb_ui_test_settle ();

  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 10);
  g_assert_cmpuint (n, <=, 12);

  /* Each one says what it asks of you next, or that it is over. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (model, i);

      g_assert_nonnull (sb_contract_get_supplier_name (contract));
    }

  /* The supplier is what a person scans first: always a column, with
   * the reference beside it while the width allows. */
  g_assert_true (column_shown (fixture, "Supplier"));
  g_assert_true (column_shown (fixture, "Reference"));
  g_assert_true (column_shown (fixture, "Title"));
  g_assert_true (column_shown (fixture, "Next Deadline"));

  /* The status filter narrows the list. */
  gtk_drop_down_set_selected (status, 3);   /* active */
  sb_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n);
  gtk_drop_down_set_selected (status, 0);
  sb_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);

  /* Search */
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "search_entry")), "zzz-nothing");
  for (guint i = 0; i < 10 && g_list_model_get_n_items (model) > 0; i++)
    sb_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "results_stack")), ==, "no-results");
}

/* The entries of the supplier targets whose placeholder is @placeholder. */
static void
collect_entries (GtkWidget  *root,
                 const char *placeholder,
                 GPtrArray  *found)
{
  if (GTK_IS_ENTRY (root) &&
      g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (root)), placeholder) == 0)
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entries (child, placeholder, found);
}

/* At 360 px, what the editor says reads whole: the targets' empty
 * entries are as wide as their placeholder, and a long choice (a type, a
 * calendar) is the row's subtitle, which wraps, not a value cut short
 * beside the title. */
static void
assert_editor_reads_whole (Fixture *fixture)
{
  static const char * const placeholders[] = { "Respond", "Resolve" };

  for (guint p = 0; p < G_N_ELEMENTS (placeholders); p++)
    {
      g_autoptr(GPtrArray) entries = g_ptr_array_new ();

      collect_entries (GTK_WIDGET (editor (fixture)), placeholders[p], entries);
      g_assert_cmpuint (entries->len, ==, 5);
      for (guint i = 0; i < entries->len; i++)
        {
          GtkWidget *entry = g_ptr_array_index (entries, i);
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (entry, placeholders[p]);
          int width = 0;

          pango_layout_get_pixel_size (layout, &width, NULL);
          /* An entry's width is that of its text area, inside its padding. */
          g_assert_cmpint (width, <=, gtk_widget_get_width (entry));
        }
    }

  g_assert_true (adw_combo_row_get_use_subtitle (editor_child (fixture, "type_row")));
  g_assert_true (adw_combo_row_get_use_subtitle (editor_child (fixture, "calendar_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (editor_child (fixture, "calendar_row")), ==, "Around the Clock (24×7)");
}

/* Narrow, the list folds: then the editor, with Back to the list. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  AdwLeaflet *leaflet = page_child (fixture, "leaflet");
  g_autofree char *id = save_contract (fixture, "MR-1", 30);
  gboolean can_back = FALSE;

  gtk_window_set_default_size (fixture->window, 360, 700);
  sb_ui_test_settle ();
  sb_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->page)), <=, 400);
  g_assert_true (column_shown (fixture, "Supplier"));
  g_assert_true (column_shown (fixture, "Next Deadline"));
  g_assert_false (column_shown (fixture, "Title"));
  g_assert_false (column_shown (fixture, "Reference"));

  sb_contracts_page_select_contract (fixture->page, id);
  sb_ui_test_settle ();
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  g_object_get (fixture->page, "can-navigate-back", &can_back, NULL);
  g_assert_true (can_back);
  assert_editor_reads_whole (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.back", NULL);
  sb_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_object_get (fixture->page, "can-navigate-back", &can_back, NULL);
  g_assert_false (can_back);
}

/* The next deadline in a few words: the date, then how far away it is,
 * in days while close and in months or years when far. */
static void
test_deadline_words (void)
{
  SbContractTerms terms;
  SbContractState state;
  GDate today;
  GDate deadline;
  g_autofree char *notice = NULL;
  g_autofree char *agree = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *close = NULL;

  g_date_set_dmy (&today, 16, G_DATE_SEPTEMBER, 2026);

  /* 12 months from 1 Jan 2026, renewing automatically, 3 months' notice */
  sb_contract_terms_init (&terms);
  g_date_set_dmy (&terms.start, 1, G_DATE_JANUARY, 2026);
  terms.initial_months = 12;
  terms.renewal = SB_RENEWAL_AUTOMATIC;
  terms.renewal_months = 12;
  terms.notice_amount = 3;
  terms.notice_unit = SB_NOTICE_MONTHS;
  sb_contract_terms_compute (&terms, &today, 30, &state);
  notice = sb_contract_editor_format_deadline (&terms, &state, &today, &deadline);
  g_assert_cmpstr (notice, ==, "Give notice by 30 Sep 2026 · in 2 weeks");
  g_assert_cmpint (g_date_get_day (&deadline), ==, 30);

  terms.renewal = SB_RENEWAL_AGREEMENT;
  sb_contract_terms_compute (&terms, &today, 30, &state);
  agree = sb_contract_editor_format_deadline (&terms, &state, &today, NULL);
  g_assert_cmpstr (agree, ==, "Agree renewal by 30 Sep 2026 · in 2 weeks");

  /* 36 months from 21 May 2026, no renewal: the end, years away */
  sb_contract_terms_init (&terms);
  g_date_set_dmy (&terms.start, 21, G_DATE_MAY, 2026);
  terms.initial_months = 36;
  terms.renewal = SB_RENEWAL_NONE;
  sb_contract_terms_compute (&terms, &today, 30, &state);
  ends = sb_contract_editor_format_deadline (&terms, &state, &today, NULL);
  g_assert_cmpstr (ends, ==, "Ends 20 May 2029 · in 2 years");

  /* Days while it is close */
  g_date_set_dmy (&today, 15, G_DATE_MAY, 2029);
  sb_contract_terms_compute (&terms, &today, 30, &state);
  close = sb_contract_editor_format_deadline (&terms, &state, &today, NULL);
  g_assert_cmpstr (close, ==, "Ends 20 May 2029 · in 5 days");
}

int
main (int   argc,
      char *argv[])
{
  if (!sb_ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, with_data, func) \
  g_test_add ((path), Fixture, (with_data) ? "data" : NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/ui/contracts/empty", FALSE, test_empty);
  ADD ("/ui/contracts/create", TRUE, test_create);
  ADD ("/ui/contracts/notice-longer-than-term", TRUE, test_notice_longer_than_term);
  ADD ("/ui/contracts/negative-amount", TRUE, test_negative_amount);
  ADD ("/ui/contracts/alignment-gap", TRUE, test_alignment_gap);
  ADD ("/ui/contracts/delete-and-undo", TRUE, test_delete_and_undo);
  ADD ("/ui/contracts/unsaved-guard", TRUE, test_unsaved_guard);
  ADD ("/ui/contracts/sample-book", FALSE, test_sample_book);
  ADD ("/ui/contracts/narrow", TRUE, test_narrow);
  g_test_add_func ("/ui/contracts/deadline-words", test_deadline_words);

#undef ADD

  return g_test_run ();
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sb-budget-card.h"
#include "sb-budget-figures.h"
#include "sb-budgets.h"
#include "sb-contracts.h"
#include "sb-costs-view-private.h"
#include "sb-money.h"
#include "sb-preferences-window.h"
#include "sb-sample-data.h"
#include "sb-test-utils.h"
#include "sb-window.h"
#include "sb-ui-test-utils.h"

/* The costs view, the Overview's budget card and the Budgets group of
 * Preferences on a real display (Xvfb in CI), on a book in a temporary
 * folder with a fixed clock: typing costs in the quick-entry row, a cost
 * in dollars, refusals in words, delete and undo, the filters and their
 * total, confirming committed charges, and the card's figures. */

#define NOW_MS G_GINT64_CONSTANT (1778839200000)   /* 2026-05-15T10:00:00Z */

typedef struct
{
  SbTestBook  *book;
  GtkWidget   *window;
  SbCostsView *view;
} Fixture;

/* The view alone settles sooner than a whole page. */
static void
settle (void)
{
  sb_ui_test_settle_for (30, 2000);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  fixture->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (fixture->book->store, NOW_MS);
  g_assert_true (sb_store_set_base_currency (fixture->book->store, "EUR", &error));
  g_assert_no_error (error);

  if (data != NULL)
    {
      g_assert_true (sb_sample_data_load (fixture->book->store, &error));
      g_assert_no_error (error);
    }

  fixture->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1300, 800);
  overlay = adw_toast_overlay_new ();
  fixture->view = SB_COSTS_VIEW (sb_costs_view_new (fixture->book->store));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->view));
  adw_window_set_content (ADW_WINDOW (fixture->window), overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  settle ();
  g_clear_pointer (&fixture->book, sb_test_book_free);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
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

static void
type_text (GtkWidget  *entry,
           const char *text)
{
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Enter in a field of the row, as the person presses it. */
static void
press_enter (GtkWidget *entry)
{
  g_signal_emit_by_name (entry, "activate");
  settle ();
}

static guint
category_index (const char *category)
{
  const char * const *codes = sb_cost_categories ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], category) == 0)
      return i + 1;   /* after "Category" / "All Categories" */

  g_assert_not_reached ();
}

static void
show_all_dates (Fixture *fixture)
{
  sb_costs_view_show_period (fixture->view, NULL, NULL);
  settle ();
}

static GListModel *
list_all (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SbCostFilter filter;
  GListModel *list;

  sb_cost_filter_init (&filter);
  list = sb_costs_list (fixture->book->store, &filter, &error);
  g_assert_no_error (error);

  return list;
}

static void
test_quick_entry (Fixture       *fixture,
                  gconstpointer  data)
{
  SbCostForm *form = &fixture->view->form;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SbCostEntry) first = NULL;
  g_autoptr(SbCostEntry) second = NULL;

  show_all_dates (fixture);
  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, 0);

  /* The row starts on today in the base currency, without a rate. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form->date_entry)), ==, "2026-05-15");
  g_assert_cmpstr (sb_cost_form_get_currency (form), ==, "EUR");
  g_assert_false (gtk_widget_get_visible (form->rate_entry));

  type_text (form->date_entry, "2026-05-02");
  type_text (form->amount_entry, "120.50");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (form->category_dropdown), category_index ("software"));
  type_text (form->description_entry, "Accounting licence");
  type_text (form->invoice_entry, "INV-1");
  press_enter (form->invoice_entry);

  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, 1);
  g_assert_cmpint (sb_costs_view_get_total (fixture->view), ==, 12050);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->view->entry_message)));

  /* Ready for the next invoice: the amount and text empty, the date and
   * the category kept, the focus back on the amount. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form->amount_entry)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form->description_entry)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form->invoice_entry)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form->date_entry)), ==, "2026-05-02");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (form->category_dropdown)), ==,
                    category_index ("software"));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), form->amount_entry) ||
                 gtk_root_get_focus (GTK_ROOT (fixture->window)) == form->amount_entry);

  type_text (form->amount_entry, "80");
  press_enter (form->amount_entry);

  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, 2);
  g_assert_cmpint (sb_costs_view_get_total (fixture->view), ==, 20050);

  list = list_all (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  second = g_list_model_get_item (list, 1);
  for (guint i = 0; i < 2; i++)
    {
      SbCostEntry *entry = i == 0 ? first : second;

      g_assert_cmpstr (sb_cost_entry_get_date (entry), ==, "2026-05-02");
      g_assert_cmpstr (sb_cost_entry_get_category (entry), ==, "software");
      g_assert_cmpstr (sb_cost_entry_get_source (entry), ==, "manual");
    }

  /* The total says it in words. */
  {
    g_autofree char *money = sb_money_format (20050, "EUR");

    g_assert_nonnull (strstr (gtk_label_get_text (fixture->view->totals_label), money));
    g_assert_nonnull (strstr (gtk_label_get_text (fixture->view->totals_label), "2"));
  }
}

static void
test_foreign_currency (Fixture       *fixture,
                       gconstpointer  data)
{
  SbCostForm *form = &fixture->view->form;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SbCostEntry) entry = NULL;
  g_autofree char *dollars = NULL;
  g_autofree char *euros = NULL;

  show_all_dates (fixture);

  /* A foreign currency asks for the rate. */
  sb_cost_form_select_currency (form, "USD");
  settle ();
  g_assert_true (gtk_widget_get_visible (form->rate_entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form->rate_entry)), ==, "");

  type_text (form->amount_entry, "100");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (form->category_dropdown), category_index ("cloud"));
  type_text (form->rate_entry, "0.9");
  press_enter (form->rate_entry);

  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, 1);
  g_assert_cmpint (sb_costs_view_get_total (fixture->view), ==, 9000);
  list = list_all (fixture);
  entry = g_list_model_get_item (list, 0);
  g_assert_cmpstr (sb_cost_entry_get_currency (entry), ==, "USD");
  g_assert_cmpint (sb_cost_entry_get_amount (entry), ==, 10000);
  g_assert_cmpint (sb_cost_entry_get_base_amount (entry), ==, 9000);

  /* The list shows the dollars and, below them, the euros. */
  dollars = sb_money_format (10000, "USD");
  euros = sb_money_format (9000, "EUR");
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view->column_view), dollars));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view->column_view), euros));

  /* The next dollar cost starts from the rate just used. */
  sb_cost_form_select_currency (form, "EUR");
  sb_cost_form_select_currency (form, "USD");
  settle ();
  g_assert_cmpint (sb_costs_get_last_rate (fixture->book->store, "USD"), ==, 900000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form->rate_entry)), !=, "");
}

static void
assert_refused (Fixture    *fixture,
                GtkWidget  *field,
                const char *words)
{
  const char *message = gtk_label_get_text (fixture->view->entry_message);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->view->entry_message)));
  if (strstr (message, words) == NULL)
    g_error ("“%s” does not say “%s”", message, words);
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, 0);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  SbCostForm *form = &fixture->view->form;

  show_all_dates (fixture);

  /* No amount */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (form->category_dropdown), category_index ("hardware"));
  press_enter (form->amount_entry);
  assert_refused (fixture, form->amount_entry, "amount");

  /* A day that does not exist */
  type_text (form->amount_entry, "10");
  type_text (form->date_entry, "2026-02-30");
  press_enter (form->amount_entry);
  assert_refused (fixture, form->date_entry, "does not exist");

  /* No category */
  type_text (form->date_entry, "2026-05-01");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (form->category_dropdown), 0);
  press_enter (form->amount_entry);
  assert_refused (fixture, form->category_dropdown, "category");

  /* A zero amount */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (form->category_dropdown), category_index ("hardware"));
  type_text (form->amount_entry, "0");
  press_enter (form->amount_entry);
  assert_refused (fixture, form->amount_entry, "zero");

  /* Fixed, it goes in and the message goes away. */
  type_text (form->amount_entry, "10");
  press_enter (form->amount_entry);
  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->view->entry_message)));
  g_assert_false (gtk_widget_has_css_class (form->amount_entry, "error"));
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  SbCostForm *form = &fixture->view->form;
  g_autoptr(SbCostEntry) entry = NULL;
  g_autofree char *id = NULL;

  show_all_dates (fixture);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (form->category_dropdown), category_index ("training"));
  type_text (form->amount_entry, "300");
  press_enter (form->amount_entry);
  type_text (form->amount_entry, "45");
  press_enter (form->amount_entry);
  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, 2);

  entry = g_list_model_get_item (G_LIST_MODEL (fixture->view->selection), 0);
  id = g_strdup (sb_cost_entry_get_id (entry));
  gtk_single_selection_set_selected (fixture->view->selection, 0);
  sb_costs_view_delete_entry (fixture->view, id);
  settle ();
  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, 1);
  g_assert_nonnull (fixture->view->last_toast);
  g_assert_cmpstr (adw_toast_get_button_label (fixture->view->last_toast), ==, "_Undo");

  g_signal_emit_by_name (fixture->view->last_toast, "button-clicked");
  settle ();
  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, 2);
  g_assert_cmpint (sb_costs_view_get_total (fixture->view), ==, 34500);
}

static GtkWidget *
find_entry_with_text (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_ENTRY (root) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_with_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_error_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) && gtk_widget_has_css_class (root, "error"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWindow *
find_window_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0 && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  SbCostForm *form = &fixture->view->form;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SbCostEntry) entry = NULL;
  GtkWindow *dialog;
  GtkWidget *amount;
  GtkWidget *label;

  show_all_dates (fixture);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (form->category_dropdown), category_index ("training"));
  type_text (form->amount_entry, "300");
  press_enter (form->amount_entry);

  /* Enter on a row opens the entry in a small window. */
  g_signal_emit_by_name (fixture->view->column_view, "activate", 0);
  settle ();
  dialog = find_window_titled ("Edit Cost");
  g_assert_nonnull (dialog);
  amount = find_entry_with_text (GTK_WIDGET (dialog), "300.00");
  g_assert_nonnull (amount);

  /* A refusal stays in the window, in words. */
  gtk_editable_set_text (GTK_EDITABLE (amount), "three hundred");
  g_signal_emit_by_name (amount, "activate");
  settle ();
  g_assert_true (find_window_titled ("Edit Cost") == dialog);
  label = find_error_label (GTK_WIDGET (dialog));
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Amount"));
  list = list_all (fixture);
  entry = g_list_model_get_item (list, 0);
  g_assert_cmpint (sb_cost_entry_get_amount (entry), ==, 30000);
  g_clear_object (&entry);
  g_clear_object (&list);

  gtk_editable_set_text (GTK_EDITABLE (amount), "310");
  g_signal_emit_by_name (amount, "activate");
  settle ();
  g_assert_null (find_window_titled ("Edit Cost"));

  list = list_all (fixture);
  entry = g_list_model_get_item (list, 0);
  g_assert_cmpint (sb_cost_entry_get_amount (entry), ==, 31000);
  g_assert_cmpstr (sb_cost_entry_get_category (entry), ==, "training");
  g_assert_cmpint (sb_costs_view_get_total (fixture->view), ==, 31000);
}

static gint64
sum (GListModel *list)
{
  gint64 total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SbCostEntry) entry = g_list_model_get_item (list, i);

      total += sb_cost_entry_get_base_amount (entry);
    }

  return total;
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) hardware = NULL;
  g_autoptr(GError) error = NULL;
  SbCostFilter filter;
  guint n_all;
  gint64 total_all;
  guint n;

  show_all_dates (fixture);
  all = list_all (fixture);
  n_all = sb_costs_view_get_n_costs (fixture->view);
  total_all = sb_costs_view_get_total (fixture->view);
  g_assert_cmpuint (n_all, ==, g_list_model_get_n_items (all));
  g_assert_cmpuint (n_all, >, 10);
  g_assert_cmpint (total_all, ==, sum (all));

  /* A category */
  gtk_drop_down_set_selected (fixture->view->category_filter, category_index ("hardware"));
  settle ();
  sb_cost_filter_init (&filter);
  filter.category = "hardware";
  hardware = sb_costs_list (fixture->book->store, &filter, &error);
  g_assert_no_error (error);
  n = sb_costs_view_get_n_costs (fixture->view);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_all);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (hardware));
  g_assert_cmpint (sb_costs_view_get_total (fixture->view), ==, sum (hardware));
  g_assert_cmpint (sb_costs_view_get_total (fixture->view), <, total_all);
  gtk_drop_down_set_selected (fixture->view->category_filter, 0);

  /* A supplier: every cost listed is theirs. */
  gtk_drop_down_set_selected (fixture->view->supplier_filter, 1);
  settle ();
  n = sb_costs_view_get_n_costs (fixture->view);
  g_assert_cmpuint (n, <, n_all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbCostEntry) entry = g_list_model_get_item (G_LIST_MODEL (fixture->view->costs), i);

      g_assert_cmpstr (sb_cost_entry_get_supplier_id (entry), ==,
                       g_ptr_array_index (fixture->view->filter_supplier_ids, 1));
    }
  gtk_drop_down_set_selected (fixture->view->supplier_filter, 0);
  settle ();
  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, n_all);

  /* This month, then last month: fewer, and within the month. */
  gtk_drop_down_set_selected (fixture->view->period_dropdown, 1);
  settle ();
  n = sb_costs_view_get_n_costs (fixture->view);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbCostEntry) entry = g_list_model_get_item (G_LIST_MODEL (fixture->view->costs), i);

      g_assert_true (g_str_has_prefix (sb_cost_entry_get_date (entry), "2026-04-"));
    }

  /* A search */
  gtk_drop_down_set_selected (fixture->view->period_dropdown, 3);
  gtk_editable_set_text (GTK_EDITABLE (fixture->view->search_entry), "zzz-nothing-like-it");
  for (guint i = 0; i < 20 && sb_costs_view_get_n_costs (fixture->view) > 0; i++)
    {
      settle ();
      g_usleep (20000);
    }
  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, 0);
  g_assert_cmpint (sb_costs_view_get_total (fixture->view), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->view->list_stack), ==, "empty");
}

static guint
count_due (Fixture *fixture)
{
  g_autoptr(GPtrArray) committed = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, today;
  guint n = 0;

  sb_contracts_get_today (fixture->book->store, &today);
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 1);
  committed = sb_costs_list_committed (fixture->book->store, &from, &today, &error);
  g_assert_no_error (error);
  n = committed->len;

  return n;
}

static void
test_committed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *button;
  GtkWidget *entry;
  guint n_due = count_due (fixture);
  guint n_committed = sb_costs_view_get_n_committed (fixture->view);
  guint n_costs;
  gboolean found = FALSE;

  show_all_dates (fixture);
  n_costs = sb_costs_view_get_n_costs (fixture->view);

  /* The sample confirmed the charges up to last month: this month's are due. */
  g_assert_cmpuint (n_due, >=, 2);
  g_assert_cmpuint (n_committed, >=, n_due);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->view->committed_expander)));
  g_assert_true (gtk_widget_get_sensitive (fixture->view->confirm_due_button));
  /* Its heading says which charges it counts: not the budget's committed. */
  g_assert_true (g_str_has_prefix (gtk_label_get_text (fixture->view->committed_title), "Due to confirm: "));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->view->committed_title), " up to today, "));

  /* One, with its invoice reference */
  button = sb_ui_test_find_button (GTK_WIDGET (fixture->view->committed_list), "Confirm");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  settle ();
  dialog = sb_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  entry = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "CONF-77");
  adw_message_dialog_response (dialog, "confirm");
  settle ();

  g_assert_cmpuint (count_due (fixture), ==, n_due - 1);
  g_assert_cmpuint (sb_costs_view_get_n_committed (fixture->view), ==, n_committed - 1);
  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, n_costs + 1);
  list = list_all (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SbCostEntry) cost = g_list_model_get_item (list, i);

      if (g_strcmp0 (sb_cost_entry_get_invoice_ref (cost), "CONF-77") == 0)
        {
          g_assert_cmpstr (sb_cost_entry_get_source (cost), ==, "contract");
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* The rest in one go: nothing due is left, the costs grew by as many. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "costs.confirm-due", NULL);
  settle ();
  g_assert_cmpuint (count_due (fixture), ==, 0);
  g_assert_cmpuint (sb_costs_view_get_n_committed (fixture->view), ==, n_committed - n_due);
  g_assert_cmpuint (sb_costs_view_get_n_costs (fixture->view), ==, n_costs + n_due);
  g_assert_false (gtk_widget_get_sensitive (fixture->view->confirm_due_button));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (fixture->view->committed_title), "Nothing"));
}

static void
test_budget_card (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(SbBudgetFigures) figures = NULL;
  g_autofree char *actual = NULL;
  const SbFiguresRow *total;
  GtkWidget *window = adw_window_new ();
  GtkWidget *card;
  GDate today;

  card = g_object_new (SB_TYPE_BUDGET_CARD, "store", fixture->book->store, NULL);
  adw_window_set_content (ADW_WINDOW (window), card);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  sb_contracts_get_today (fixture->book->store, &today);
  budget = sb_budgets_find_current (fixture->book->store, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (budget);
  figures = sb_budget_figures_compute (fixture->book->store, sb_budget_get_id (budget), &today,
                                       SB_FIGURES_BY_LINE, &error);
  g_assert_no_error (error);
  total = sb_budget_figures_get_total (figures);

  g_assert_true (gtk_widget_get_visible (card));
  g_assert_cmpstr (sb_budget_card_get_budget_id (SB_BUDGET_CARD (card)), ==, sb_budget_get_id (budget));
  g_assert_cmpint (sb_budget_card_get_planned_to_date (SB_BUDGET_CARD (card)), ==, total->planned_to_date);
  g_assert_cmpint (sb_budget_card_get_actual_to_date (SB_BUDGET_CARD (card)), ==, total->actual_to_date);
  g_assert_cmpint (sb_budget_card_get_forecast (SB_BUDGET_CARD (card)), ==, total->forecast);
  g_assert_cmpint (sb_budget_card_get_planned_total (SB_BUDGET_CARD (card)), ==, total->planned_total);
  g_assert_cmpint (total->actual_to_date, >, 0);
  /* The sample has lines over plan; the card names a few. */
  g_assert_cmpuint (sb_budget_card_get_n_over (SB_BUDGET_CARD (card)), >=, 1);
  g_assert_cmpuint (sb_budget_card_get_n_over (SB_BUDGET_CARD (card)), <=, SB_BUDGET_CARD_MAX_OVER);

  /* The figures are on the card as a person reads them. */
  actual = sb_money_format (total->actual_to_date, sb_budget_figures_get_currency (figures));
  {
    g_autofree char *planned = sb_money_format (total->planned_to_date, sb_budget_figures_get_currency (figures));
    g_autofree char *title = g_strdup_printf ("%s spent of %s planned to date", actual, planned);

    g_assert_nonnull (find_label (card, title));
  }

  /* Its committed part is the budget's, named as the Budgets page names
   * it, so that it is not read as the Costs view's charges due. */
  g_assert_cmpint (sb_budget_card_get_committed (SB_BUDGET_CARD (card)), ==, total->committed_total);
  g_assert_cmpint (total->committed_total, >, 0);
  {
    g_autofree char *committed = sb_money_format (total->committed_total, sb_budget_figures_get_currency (figures));
    g_autofree char *variance = NULL;
    g_autofree char *subtitle = NULL;
    g_autofree char *money = sb_money_format (ABS (total->variance), sb_budget_figures_get_currency (figures));
    g_autofree char *percent = sb_percent_bp_format (total->variance_bp, TRUE);

    g_assert_true (total->variance_defined && total->variance != 0);
    variance = g_strdup_printf (total->variance > 0 ? "%s over plan (%s)" : "%s under plan (%s)", money, percent);
    subtitle = g_strdup_printf ("%s — the costs so far, %s committed in the period and the rest of the plan",
                                variance, committed);
    g_assert_nonnull (find_label (card, subtitle));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
test_budget_card_empty (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *card = g_object_new (SB_TYPE_BUDGET_CARD, "store", fixture->book->store, NULL);

  adw_window_set_content (ADW_WINDOW (window), card);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  /* A book without budgets has nothing to say. */
  g_assert_false (gtk_widget_get_visible (card));
  g_assert_null (sb_budget_card_get_budget_id (SB_BUDGET_CARD (card)));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
test_show_budgets (Fixture       *fixture,
                   gconstpointer  data)
{
  SbWindow *window = sb_window_new (NULL, fixture->book->store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
  settle ();
  g_assert_cmpstr (sb_window_get_visible_page (window), ==, "overview");

  /* The card's "Show Budget" */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-budgets", NULL));
  settle ();
  g_assert_cmpstr (sb_window_get_visible_page (window), ==, "budgets");

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  SbPreferencesWindow *preferences = sb_preferences_window_new (fixture->book->store);
  g_autofree char *subtitle = NULL;
  AdwActionRow *rate_row;
  GtkEntry *rate;
  AdwComboRow *month;

  gtk_window_present (GTK_WINDOW (preferences));
  settle ();

  rate = GTK_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (preferences), SB_TYPE_PREFERENCES_WINDOW,
                                                   "hourly_rate_entry"));
  month = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences), SB_TYPE_PREFERENCES_WINDOW,
                                                        "fiscal_month_row"));
  rate_row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences), SB_TYPE_PREFERENCES_WINDOW,
                                                            "hourly_rate_row"));
  subtitle = g_strdup (adw_action_row_get_subtitle (rate_row));

  g_assert_cmpint (sb_budgets_get_hourly_rate (fixture->book->store), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (month), ==, sb_budgets_get_fiscal_start_month (fixture->book->store) - 1);

  gtk_editable_set_text (GTK_EDITABLE (rate), "52.50");
  g_signal_emit_by_name (rate, "activate");
  settle ();
  g_assert_cmpint (sb_budgets_get_hourly_rate (fixture->book->store), ==, 5250);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rate), "error"));

  /* Refused: the book keeps its rate and the entry says so. */
  gtk_editable_set_text (GTK_EDITABLE (rate), "-3");
  g_signal_emit_by_name (rate, "activate");
  settle ();
  g_assert_cmpint (sb_budgets_get_hourly_rate (fixture->book->store), ==, 5250);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rate), "error"));

  gtk_editable_set_text (GTK_EDITABLE (rate), "abc");
  g_signal_emit_by_name (rate, "activate");
  settle ();
  g_assert_cmpint (sb_budgets_get_hourly_rate (fixture->book->store), ==, 5250);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rate), "error"));

  /* The reason is said whole on the row, where it wraps, not in a toast's
   * single line; the row's own words come back once a rate is accepted. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (rate_row), "“abc” is not an amount of money"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rate_row), "error"));
  gtk_editable_set_text (GTK_EDITABLE (rate), "50");
  g_signal_emit_by_name (rate, "activate");
  settle ();
  g_assert_cmpint (sb_budgets_get_hourly_rate (fixture->book->store), ==, 5000);
  g_assert_cmpstr (adw_action_row_get_subtitle (rate_row), ==, subtitle);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rate_row), "error"));

  /* April to March */
  adw_combo_row_set_selected (month, 3);
  settle ();
  g_assert_cmpint (sb_budgets_get_fiscal_start_month (fixture->book->store), ==, 4);

  gtk_window_destroy (GTK_WINDOW (preferences));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  if (!sb_ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func, sample) \
  g_test_add ((path), Fixture, (sample) ? "sample" : NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/ui/costs/quick-entry", test_quick_entry, FALSE);
  ADD ("/ui/costs/foreign-currency", test_foreign_currency, FALSE);
  ADD ("/ui/costs/refused", test_refused, FALSE);
  ADD ("/ui/costs/delete-undo", test_delete_undo, FALSE);
  ADD ("/ui/costs/edit", test_edit, FALSE);
  ADD ("/ui/costs/filters", test_filters, TRUE);
  ADD ("/ui/costs/committed", test_committed, TRUE);
  ADD ("/ui/costs/budget-card", test_budget_card, TRUE);
  ADD ("/ui/costs/budget-card-empty", test_budget_card_empty, FALSE);
  ADD ("/ui/costs/show-budgets", test_show_budgets, TRUE);
  ADD ("/ui/costs/preferences", test_preferences, FALSE);

  return g_test_run ();
}

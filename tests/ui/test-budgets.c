/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sb-budget-figures.h"
#include "sb-budget-grid-private.h"   /* the cell editor */
#include "sb-budgets.h"
#include "sb-budgets-page.h"
#include "sb-chart-view.h"
#include "sb-money.h"
#include "sb-sample-data.h"
#include "sb-store.h"
#include "sb-test-utils.h"
#include "sb-ui-test-utils.h"

/* The Budgets page in a real window on a real display (Xvfb in CI): the
 * empty state, a budget created and planned with the keyboard cell by
 * cell, a yearly figure spread, approving and revising, the sample book's
 * key figures against the store's own, the chart drawn and the grouping
 * of the grid's rows. */

typedef struct
{
  SbTestBook    *book;
  GtkWindow     *window;
  SbBudgetsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 9, 15, 12, 0, 0);

  fixture->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (fixture->book->store, g_date_time_to_unix (now) * 1000);

  fixture->page = g_object_new (SB_TYPE_BUDGETS_PAGE, "store", fixture->book->store, NULL);
  fixture->window = sb_ui_test_present_in_window (GTK_WIDGET (fixture->page), 1300, 900);
  sb_ui_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sb_ui_test_destroy_windows (fixture->window);
  g_clear_pointer (&fixture->book, sb_test_book_free);
}

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), SB_TYPE_BUDGETS_PAGE, name);

  g_assert_nonnull (child);

  return child;
}

static SbBudgetGrid *
grid (Fixture *fixture)
{
  return SB_BUDGET_GRID (sb_budgets_page_get_grid (fixture->page));
}

/* The newest dialog shown, other than the test's window. */
static AdwMessageDialog *
find_dialog (Fixture *fixture)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static void
respond (Fixture    *fixture,
         const char *response)
{
  AdwMessageDialog *dialog = find_dialog (fixture);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sb_ui_test_settle ();
}

/* Presses a key on the grid's cells as the person would: through the
 * cells' own key controller. */
static gboolean
press_key (Fixture *fixture,
           guint    keyval)
{
  GtkWidget *cells = GTK_WIDGET (grid (fixture)->value_grid);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (cells);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
          break;
        }
    }
  sb_ui_test_settle ();

  return handled;
}

/* Types @text into the cell under the cursor: the first key starts
 * editing, the rest goes into the cell's entry, Enter saves. */
static void
type_into_cell (Fixture    *fixture,
                const char *text)
{
  GtkWidget *editor;

  g_assert_true (press_key (fixture, gdk_unicode_to_keyval (text[0])));
  editor = grid (fixture)->editor;
  g_assert_nonnull (editor);
  g_assert_cmpint (gtk_editable_get_text (GTK_EDITABLE (editor))[0], ==, text[0]);

  {
    int position = -1;

    gtk_editable_insert_text (GTK_EDITABLE (editor), text + 1, -1, &position);
  }
  g_signal_emit_by_name (editor, "activate");
  sb_ui_test_settle ();
}

static char *
create_budget_with_line (Fixture *fixture)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.new", NULL);
  sb_ui_test_settle ();
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "name"), "Budget 2026");
  respond (fixture, "create");

  /* Creating it asks for its first line. */
  respond (fixture, "add");

  g_assert_nonnull (sb_budgets_page_get_budget_id (fixture->page));
  return g_strdup (sb_budgets_page_get_budget_id (fixture->page));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkStack *stack = page_child (fixture, "budget_stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (sb_budgets_page_get_budget_id (fixture->page));
  g_assert_false (gtk_widget_is_sensitive (page_child (fixture, "approve_button")) &&
                  gtk_widget_get_visible (page_child (fixture, "approve_button")));
}

static void
test_create_and_type (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = create_budget_with_line (fixture);
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  SbBudgetLine *line;
  g_autofree char *expected_total = NULL;
  guint months;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "budget_stack")), ==, "budget");
  g_assert_cmpuint (sb_budget_grid_get_n_rows (grid (fixture)), ==, 1);

  /* Starts in the financial year of the fixed day (January by default). */
  budget = sb_budgets_get (fixture->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_budget_get_start (budget), ==, sb_month_from_ymd (2026, 1));
  months = sb_budget_get_n_months (budget);
  g_assert_cmpuint (months, ==, 12);
  g_clear_object (&budget);

  /* The cursor on the first month of the line; the second month by the
   * arrow key; typed amounts saved one by one, Enter moving down. */
  sb_budget_grid_set_cursor (grid (fixture), 0, 0);
  type_into_cell (fixture, "1200");
  g_assert_true (press_key (fixture, GDK_KEY_Up));
  g_assert_true (press_key (fixture, GDK_KEY_Right));
  {
    guint row, column;

    sb_budget_grid_get_cursor (grid (fixture), &row, &column);
    g_assert_cmpuint (row, ==, 0);
    g_assert_cmpuint (column, ==, 1);
  }
  type_into_cell (fixture, "300.50");

  budget = sb_budgets_get (fixture->book->store, id, &error);
  g_assert_no_error (error);
  line = g_ptr_array_index (sb_budget_get_lines (budget), 0);
  g_assert_cmpint (sb_budget_line_get_planned (line, 0), ==, 120000);
  g_assert_cmpint (sb_budget_line_get_planned (line, 1), ==, 30050);

  /* The total row and the key figure follow. */
  expected_total = sb_money_format (150050, sb_budget_get_currency (budget));
  g_assert_cmpstr (sb_budget_grid_get_cell_text (grid (fixture), 1, months), ==, expected_total);
  g_assert_cmpstr (sb_budgets_page_get_key_figure (fixture->page, 0), ==, expected_total);

  /* Escape drops what was typed. */
  sb_budget_grid_set_cursor (grid (fixture), 0, 2);
  g_assert_true (press_key (fixture, GDK_KEY_9));
  g_assert_nonnull (grid (fixture)->editor);
  {
    GtkEventController *controller = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (grid (fixture)->editor);
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && controller == NULL; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (item))
          controller = GTK_EVENT_CONTROLLER (item);
      }
    g_assert_nonnull (controller);
    g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
    g_assert_true (handled);
  }
  sb_ui_test_settle ();
  g_assert_null (grid (fixture)->editor);
  g_clear_object (&budget);
  budget = sb_budgets_get (fixture->book->store, id, &error);
  line = g_ptr_array_index (sb_budget_get_lines (budget), 0);
  g_assert_cmpint (sb_budget_line_get_planned (line, 2), ==, 0);

  /* A refused amount keeps the cell open. */
  sb_budget_grid_set_cursor (grid (fixture), 0, 3);
  type_into_cell (fixture, "-5");
  g_assert_nonnull (grid (fixture)->editor);
  gtk_editable_set_text (GTK_EDITABLE (grid (fixture)->editor), "");
  g_signal_emit_by_name (grid (fixture)->editor, "activate");
  sb_ui_test_settle ();
  g_assert_null (grid (fixture)->editor);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                char            **out)
{
  g_free (*out);
  *out = g_strdup (response);
}

/* Whether @window is still shown: a dialog closes itself on a response
 * only once it is realized, which a test may outrun. */
static gboolean
is_toplevel (gpointer window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  return g_list_find (toplevels, window) != NULL;
}

/* Runs the main loop until *@response is set, or two seconds. A button
 * activated by the keyboard shows itself pressed for a moment before it
 * clicks. */
static void
wait_for_response (char **response)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (*response == NULL && g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  sb_ui_test_settle ();
}

/* Return in the New Budget dialog, as the person presses it: the text
 * field of the name, then of the months, is activated and the dialog
 * gives its default response, which creates the budget. */
static void
test_create_with_return (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *field;
    guint       months;
  } cases[] = {
    { "Return in the name", "name", 12 },
    { "Return in the months", "months", 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) budgets = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AdwMessageDialog) dialog = NULL;
      g_autofree char *response = NULL;
      GtkEditable *name, *field;
      AdwMessageDialog *next;
      gboolean found = FALSE;

      gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.new", NULL);
      sb_ui_test_settle ();
      dialog = g_object_ref (find_dialog (fixture));
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "New Budget");
      g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), &response);
      name = g_object_get_data (G_OBJECT (dialog), "name");

      /* An empty name cannot be confirmed, not even by Return. */
      gtk_editable_set_text (name, "  ");
      g_signal_emit_by_name (gtk_editable_get_delegate (name), "activate");
      wait_for_response (&response);
      g_assert_null (response);

      gtk_editable_set_text (name, cases[i].name);
      field = g_object_get_data (G_OBJECT (dialog), cases[i].field);
      if (GTK_IS_SPIN_BUTTON (field))
        gtk_editable_set_text (field, "6");
      g_signal_emit_by_name (gtk_editable_get_delegate (field), "activate");
      wait_for_response (&response);
      g_assert_cmpstr (response, ==, "create");
      g_signal_handlers_disconnect_by_func (dialog, on_response_cb, &response);
      if (is_toplevel (dialog))
        gtk_window_destroy (GTK_WINDOW (dialog));

      /* The budget is there and selected. */
      budgets = sb_budgets_list (fixture->book->store, &error);
      g_assert_no_error (error);
      for (guint b = 0; b < g_list_model_get_n_items (budgets); b++)
        {
          g_autoptr(SbBudget) budget = g_list_model_get_item (budgets, b);

          if (g_strcmp0 (sb_budget_get_name (budget), cases[i].name) != 0)
            continue;
          found = TRUE;
          g_assert_cmpuint (sb_budget_get_n_months (budget), ==, cases[i].months);
          g_assert_cmpstr (sb_budgets_page_get_budget_id (fixture->page), ==, sb_budget_get_id (budget));
        }
      g_assert_true (found);

      /* Creating it asks for its first line: not wanted here. */
      next = find_dialog (fixture);
      g_assert_nonnull (next);
      g_assert_cmpstr (adw_message_dialog_get_heading (next), ==, "Add a Budget Line");
      respond (fixture, "cancel");
    }
}

static void
test_spread (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = create_budget_with_line (fixture);
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  SbBudgetLine *line;

  sb_budget_grid_set_cursor (grid (fixture), 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (grid (fixture)), "grid.spread", NULL);
  sb_ui_test_settle ();
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "entry"), "1000.06");
  respond (fixture, "spread");

  budget = sb_budgets_get (fixture->book->store, id, &error);
  g_assert_no_error (error);
  line = g_ptr_array_index (sb_budget_get_lines (budget), 0);
  g_assert_cmpint (sb_budget_line_get_planned_total (line), ==, 100006);
  /* 100006 = 12 × 8333 + 10: the first ten months get a cent more. */
  g_assert_cmpint (sb_budget_line_get_planned (line, 0), ==, 8334);
  g_assert_cmpint (sb_budget_line_get_planned (line, 11), ==, 8333);
}

static void
test_approve_and_revise (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *id = create_budget_with_line (fixture);
  g_autoptr(SbBudget) approved = NULL;
  g_autoptr(SbBudget) revision = NULL;
  g_autoptr(GError) error = NULL;

  sb_budget_grid_set_cursor (grid (fixture), 0, 0);
  type_into_cell (fixture, "500");
  g_assert_true (sb_budget_grid_get_editable (grid (fixture)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.approve", NULL);
  sb_ui_test_settle ();
  respond (fixture, "approve");

  approved = sb_budgets_get (fixture->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_budget_get_status (approved), ==, "approved");
  g_assert_nonnull (strstr (sb_budgets_page_get_status_text (fixture->page), "Approved on"));

  /* Read-only: typing starts no editor, and the plan stays. */
  sb_budget_grid_set_cursor (grid (fixture), 0, 0);
  g_assert_false (sb_budget_grid_get_editable (grid (fixture)));
  press_key (fixture, GDK_KEY_7);
  g_assert_null (grid (fixture)->editor);
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "revise_button")));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "approve_button")));

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.revise", NULL);
  sb_ui_test_settle ();

  g_assert_cmpstr (sb_budgets_page_get_budget_id (fixture->page), !=, id);
  revision = sb_budgets_get (fixture->book->store, sb_budgets_page_get_budget_id (fixture->page), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_budget_get_status (revision), ==, "draft");
  g_assert_cmpuint (sb_budget_get_revision (revision), ==, 2);
  g_assert_cmpstr (sb_budget_get_revision_of (revision), ==, id);
  g_assert_nonnull (strstr (sb_budgets_page_get_status_text (fixture->page), "revision 2"));

  sb_budget_grid_set_cursor (grid (fixture), 0, 0);
  g_assert_true (sb_budget_grid_get_editable (grid (fixture)));
}

static void
test_sample_book (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBudgetFigures) figures = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *forecast = NULL;
  const SbFiguresRow *total;
  SbChartView *chart;
  GDate today;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.load-sample-data", NULL);
  sb_ui_test_settle ();
  g_assert_nonnull (sb_budgets_page_get_budget_id (fixture->page));

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_SEPTEMBER, 2026);
  figures = sb_budget_figures_compute (fixture->book->store, sb_budgets_page_get_budget_id (fixture->page),
                                       &today, SB_FIGURES_BY_LINE, &error);
  g_assert_no_error (error);
  total = sb_budget_figures_get_total (figures);
  g_assert_cmpint (total->planned_total, >, 0);
  g_assert_cmpint (total->actual_to_date, >, 0);

  planned = sb_money_format (total->planned_total, sb_budget_figures_get_currency (figures));
  actual = sb_money_format (total->actual_to_date, sb_budget_figures_get_currency (figures));
  forecast = sb_money_format (total->forecast, sb_budget_figures_get_currency (figures));
  g_assert_cmpstr (sb_budgets_page_get_key_figure (fixture->page, 0), ==, planned);
  g_assert_cmpstr (sb_budgets_page_get_key_figure (fixture->page, 1), ==, actual);
  g_assert_cmpstr (sb_budgets_page_get_key_figure (fixture->page, 3), ==, forecast);
  g_assert_cmpuint (sb_budget_grid_get_n_rows (grid (fixture)), >=, 10);

  /* The chart was drawn, and its tooltip names the month under the
   * pointer with its figures. */
  chart = SB_CHART_VIEW (sb_budgets_page_get_chart (fixture->page));
  gtk_widget_queue_draw (GTK_WIDGET (chart));
  sb_ui_test_settle ();
  g_assert_true (sb_chart_view_get_drawn (chart));
  {
    double x;
    g_autofree char *text = NULL;

    g_assert_true (sb_chart_get_category_x (sb_chart_view_get_chart (chart), 0, &x));
    text = sb_chart_view_describe_at (chart, x);
    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "Planned"));
  }

  /* The costs behind a figure: the popover lists them. */
  sb_budget_grid_set_cursor (grid (fixture), 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (grid (fixture)), "grid.explain", NULL);
  sb_ui_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (grid (fixture)->explain_popover)));
  gtk_popover_popdown (grid (fixture)->explain_popover);
  sb_ui_test_settle ();
}

static void
test_grouping (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBudgetFigures) by_category = NULL;
  guint by_line;
  GDate today;

  g_assert_true (sb_sample_data_load (fixture->book->store, &error));
  g_assert_no_error (error);
  sb_ui_test_settle ();

  by_line = sb_budget_grid_get_n_rows (grid (fixture));
  g_assert_cmpuint (by_line, >, 0);

  sb_budget_grid_set_grouping (grid (fixture), SB_FIGURES_BY_CATEGORY);
  sb_ui_test_settle ();

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_SEPTEMBER, 2026);
  by_category = sb_budget_figures_compute (fixture->book->store, sb_budgets_page_get_budget_id (fixture->page),
                                           &today, SB_FIGURES_BY_CATEGORY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sb_budget_grid_get_n_rows (grid (fixture)), ==, sb_budget_figures_get_n_rows (by_category));
  g_assert_cmpuint (sb_budget_grid_get_n_rows (grid (fixture)), <, by_line);
  g_assert_cmpstr (sb_budget_grid_get_row_label (grid (fixture), 0), ==,
                   sb_budget_figures_get_row (by_category, 0)->label);

  /* Grouped, the plan is not typed in. */
  sb_budget_grid_set_cursor (grid (fixture), 0, 0);
  g_assert_false (sb_budget_grid_get_editable (grid (fixture)));

  /* The search narrows the rows. */
  sb_budget_grid_set_grouping (grid (fixture), SB_FIGURES_BY_LINE);
  sb_ui_test_settle ();
  gtk_editable_set_text (GTK_EDITABLE (grid (fixture)->search_entry), "zzz-no-such-line");
  g_signal_emit_by_name (grid (fixture)->search_entry, "search-changed");
  sb_ui_test_settle ();
  g_assert_cmpuint (sb_budget_grid_get_n_rows (grid (fixture)), ==, 0);
}

static void
test_remove_line (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = create_budget_with_line (fixture);
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(GError) error = NULL;

  /* Tab moves along the row, past the months into the totals. */
  sb_budget_grid_set_cursor (grid (fixture), 0, 11);
  g_assert_true (press_key (fixture, GDK_KEY_Tab));
  {
    guint row, column;

    sb_budget_grid_get_cursor (grid (fixture), &row, &column);
    g_assert_cmpuint (column, ==, 12);
    g_assert_false (sb_budget_grid_get_editable (grid (fixture)));
  }

  sb_budget_grid_set_cursor (grid (fixture), 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (grid (fixture)), "grid.remove-line", NULL);
  sb_ui_test_settle ();

  budget = sb_budgets_get (fixture->book->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sb_budget_get_lines (budget)->len, ==, 0);
  g_assert_cmpuint (sb_budget_grid_get_n_rows (grid (fixture)), ==, 0);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int minimum = 0;

  g_assert_true (sb_sample_data_load (fixture->book->store, &error));
  sb_ui_test_settle ();

  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

int
main (int   argc,
      char *argv[])
{
  if (!sb_ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/ui/budgets/empty", test_empty);
  ADD ("/ui/budgets/create-and-type", test_create_and_type);
  ADD ("/ui/budgets/create-with-return", test_create_with_return);
  ADD ("/ui/budgets/spread", test_spread);
  ADD ("/ui/budgets/approve-and-revise", test_approve_and_revise);
  ADD ("/ui/budgets/sample-book", test_sample_book);
  ADD ("/ui/budgets/grouping", test_grouping);
  ADD ("/ui/budgets/remove-line", test_remove_line);
  ADD ("/ui/budgets/narrow", test_narrow);

#undef ADD

  return g_test_run ();
}

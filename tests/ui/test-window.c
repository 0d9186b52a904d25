/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sb-book-card.h"
#include "sb-contracts.h"
#include "sb-money.h"
#include "sb-overview-page.h"
#include "sb-preferences-window.h"
#include "sb-store.h"
#include "sb-window.h"
#include "sb-test-utils.h"
#include "sb-ui-test-utils.h"

/* The window, its pages and its memory, on a real display (Xvfb in CI).
 * Each test works in its own temporary directory; settings live in the
 * memory backend set by the test environment. */

typedef struct
{
  SbTestBook *book;
  SbWindow   *window;
} Fixture;

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (data));
}

static gboolean
is_unfolded (gpointer data)
{
  return !adw_leaflet_get_folded (ADW_LEAFLET (data));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *keys[] = { "window-width", "window-height", "window-maximized",
                         "last-page", "book-path" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static void
present_window (Fixture *fixture)
{
  fixture->window = sb_window_new (NULL, fixture->book->store, NULL);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (sb_ui_test_wait_until (sb_ui_test_is_mapped, fixture->window));
}

static void
close_window (Fixture *fixture)
{
  if (fixture->window == NULL)
    return;

  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_true (sb_ui_test_wait_until (is_null, &fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  reset_settings ();
  fixture->book = sb_test_book_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      fixture->window = NULL;
    }
  sb_ui_test_drain ();

  g_clear_pointer (&fixture->book, sb_test_book_free);
}

static SbOverviewPage *
overview_page (Fixture *fixture)
{
  GtkWidget *page = sb_window_get_page (fixture->window, "overview");

  g_assert_true (SB_IS_OVERVIEW_PAGE (page));

  return SB_OVERVIEW_PAGE (page);
}

static const char *
overview_state (Fixture *fixture)
{
  GtkStack *stack = sb_ui_test_template_child (overview_page (fixture), SB_TYPE_OVERVIEW_PAGE, "stack");

  return gtk_stack_get_visible_child_name (stack);
}

static void
test_welcome_then_start_empty (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkStack *main_stack;
  GtkBox *cards;
  GtkWidget *card;
  guint n_cards = 0;

  present_window (fixture);

  main_stack = sb_ui_test_template_child (fixture->window, SB_TYPE_WINDOW, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "book");
  g_assert_cmpstr (sb_window_get_visible_page (fixture->window), ==, "overview");

  /* An empty book welcomes the person. */
  g_assert_cmpstr (overview_state (fixture), ==, "welcome");

  gtk_widget_activate_action (GTK_WIDGET (overview_page (fixture)), "overview.start-empty", NULL);
  g_assert_true (sb_store_get_welcome_done (fixture->book->store));
  g_assert_cmpstr (overview_state (fixture), ==, "overview");

  /* The cards are there, with "Your Book" among them. */
  cards = sb_ui_test_template_child (overview_page (fixture), SB_TYPE_OVERVIEW_PAGE, "cards");
  for (card = gtk_widget_get_first_child (GTK_WIDGET (cards));
       card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      if (SB_IS_BOOK_CARD (card))
        {
          AdwActionRow *location = sb_ui_test_template_child (card, SB_TYPE_BOOK_CARD, "location_row");

          g_assert_true (gtk_widget_get_visible (card));
          g_assert_cmpstr (adw_action_row_get_subtitle (location), ==, fixture->book->path);
        }
      n_cards++;
    }
  g_assert_cmpuint (n_cards, >=, 1);
}

static void
test_load_sample_data (Fixture       *fixture,
                       gconstpointer  data)
{
  present_window (fixture);
  g_assert_cmpstr (overview_state (fixture), ==, "welcome");

  /* Whatever the registers add, the welcome is done afterwards. */
  gtk_widget_activate_action (GTK_WIDGET (overview_page (fixture)), "overview.load-sample-data", NULL);
  g_assert_true (sb_store_get_welcome_done (fixture->book->store));
  g_assert_cmpstr (overview_state (fixture), ==, "overview");
}

static void
test_every_page (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkStack *page_stack;
  GtkListBox *sidebar;
  AdwWindowTitle *title;
  g_autoptr(GtkSelectionModel) stack_pages = NULL;
  guint n_pages;

  present_window (fixture);

  page_stack = sb_ui_test_template_child (fixture->window, SB_TYPE_WINDOW, "page_stack");
  sidebar = sb_ui_test_template_child (fixture->window, SB_TYPE_WINDOW, "sidebar_list");
  title = sb_ui_test_template_child (fixture->window, SB_TYPE_WINDOW, "page_title");
  stack_pages = gtk_stack_get_pages (page_stack);
  n_pages = g_list_model_get_n_items (G_LIST_MODEL (stack_pages));
  g_assert_cmpuint (n_pages, >=, 1);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (stack_pages), i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      const char *name = gtk_stack_page_get_name (page);
      GtkWidget *child = gtk_stack_page_get_child (page);
      g_autoptr(SbStore) page_store = NULL;

      /* One sidebar row per page, in the same order. */
      g_assert_nonnull (gtk_list_box_get_row_at_index (sidebar, i));

      /* Every page was given the window's store. */
      g_object_get (child, "store", &page_store, NULL);
      g_assert_true (page_store == fixture->book->store);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                                 "win.show-page", "s", name));
      g_assert_cmpstr (sb_window_get_visible_page (fixture->window), ==, name);
      g_assert_true (gtk_stack_get_visible_child (page_stack) == child);
      g_assert_cmpstr (adw_window_title_get_title (title), ==, gtk_stack_page_get_title (page));
    }
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, n_pages));

  /* An unknown page falls back to the Overview. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "no-such-page");
  g_assert_cmpstr (sb_window_get_visible_page (fixture->window), ==, "overview");
}

/* DESIGN.md's order, each page with its own Alt+number. */
static const struct
{
  const char *id;
  guint       keyval;
} sidebar[] = {
  { "overview", GDK_KEY_1 },
  { "services", GDK_KEY_2 },
  { "suppliers", GDK_KEY_3 },
  { "contracts", GDK_KEY_4 },
  { "budgets", GDK_KEY_5 },
  { "incidents", GDK_KEY_6 },
  { "reports", GDK_KEY_7 },
};

static void
test_sidebar_order (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkStack *page_stack;
  g_autoptr(GtkSelectionModel) stack_pages = NULL;

  present_window (fixture);

  page_stack = sb_ui_test_template_child (fixture->window, SB_TYPE_WINDOW, "page_stack");
  stack_pages = gtk_stack_get_pages (page_stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stack_pages)), ==, G_N_ELEMENTS (sidebar));

  for (guint i = 0; i < G_N_ELEMENTS (sidebar); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (stack_pages), i);

      g_assert_cmpstr (gtk_stack_page_get_name (GTK_STACK_PAGE (page)), ==, sidebar[i].id);
    }
}

/* The Alt+number bindings, read from the window class's own shortcuts. */
static const char *
page_for_alt_key (SbWindow *window,
                  guint     keyval)
{
  GtkShortcut *shortcut = sb_ui_test_find_shortcut (GTK_WIDGET (window), NULL, keyval, GDK_ALT_MASK);
  GtkShortcutAction *action = shortcut != NULL ? gtk_shortcut_get_action (shortcut) : NULL;
  GVariant *arguments = shortcut != NULL ? gtk_shortcut_get_arguments (shortcut) : NULL;

  if (!GTK_IS_NAMED_ACTION (action) ||
      g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win.show-page") != 0 ||
      arguments == NULL)
    return NULL;

  return g_variant_get_string (arguments, NULL);
}

static void
test_alt_shortcuts (Fixture       *fixture,
                    gconstpointer  data)
{
  present_window (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (sidebar); i++)
    g_assert_cmpstr (page_for_alt_key (fixture->window, sidebar[i].keyval), ==, sidebar[i].id);

  g_assert_null (page_for_alt_key (fixture->window, GDK_KEY_8));
}

static void
test_show_contract_and_supplier (Fixture       *fixture,
                                 gconstpointer  data)
{
  present_window (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.show-contract", "s", "no-such-contract"));
  g_assert_cmpstr (sb_window_get_visible_page (fixture->window), ==, "contracts");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.show-supplier", "s", "no-such-supplier"));
  g_assert_cmpstr (sb_window_get_visible_page (fixture->window), ==, "suppliers");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-deadlines", NULL));
  g_assert_cmpstr (sb_window_get_visible_page (fixture->window), ==, "contracts");
}

static void
test_folds_when_narrow (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_box;
  GtkWidget *content_box;
  GtkWidget *back_button;

  present_window (fixture);

  leaflet = sb_ui_test_template_child (fixture->window, SB_TYPE_WINDOW, "leaflet");
  sidebar_box = sb_ui_test_template_child (fixture->window, SB_TYPE_WINDOW, "sidebar_box");
  content_box = sb_ui_test_template_child (fixture->window, SB_TYPE_WINDOW, "content_box");
  back_button = sb_ui_test_template_child (fixture->window, SB_TYPE_WINDOW, "back_button");

  /* The default size shows the sidebar beside the page. */
  g_assert_true (sb_ui_test_wait_until (is_unfolded, leaflet));
  g_assert_false (gtk_widget_get_visible (back_button));

  /* At phone width the page stays in view, with a back button to the
   * sidebar; picking a page from the sidebar shows it again. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  g_assert_true (sb_ui_test_wait_until (is_folded, leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content_box);
  g_assert_true (gtk_widget_get_visible (back_button));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);

  g_signal_emit_by_name (back_button, "clicked");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar_box);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "overview");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content_box);
  g_assert_true (gtk_widget_get_visible (back_button));

  g_signal_emit_by_name (back_button, "clicked");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar_box);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  g_assert_true (sb_ui_test_wait_until (is_unfolded, leaflet));
}

static void
test_remembers_state (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int width = 0;
  int height = 0;

  present_window (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 650);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "overview");
  close_window (fixture);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpstr (g_settings_get_string (settings, "last-page"), ==, "overview");

  /* The next window opens at that size, on that page. */
  present_window (fixture);
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  g_assert_cmpstr (sb_window_get_visible_page (fixture->window), ==, "overview");
  close_window (fixture);

  /* A page that no longer exists is not an error. */
  g_settings_set_string (settings, "last-page", "retired-page");
  present_window (fixture);
  g_assert_cmpstr (sb_window_get_visible_page (fixture->window), ==, "overview");
}

static void
test_error_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *foreign = g_build_filename (fixture->book->dir, "notes.sqlite", NULL);
  const char *contents = "These are my notes, not a Servicebook book.\n";
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  GtkStack *main_stack;
  AdwStatusPage *error_page;

  g_file_set_contents (foreign, contents, -1, &error);
  g_assert_no_error (error);

  store = sb_store_open (foreign, SB_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_nonnull (error);

  g_clear_object (&fixture->book->store);
  present_window (fixture);
  sb_window_show_book_error (fixture->window, foreign, error);

  main_stack = sb_ui_test_template_child (fixture->window, SB_TYPE_WINDOW, "main_stack");
  error_page = sb_ui_test_template_child (fixture->window, SB_TYPE_WINDOW, "error_page");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), error->message));
  g_assert_null (sb_window_get_visible_page (fixture->window));

  /* Showing pages is a no-op without a book, not a crash. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "overview");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "error");

  /* The file was not touched. */
  g_file_get_contents (foreign, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, contents);
}

static void
test_switch_store (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->book->dir, "other.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) other = NULL;
  g_autoptr(SbStore) page_store = NULL;
  GtkStack *main_stack;

  other = sb_store_open (other_path, SB_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  present_window (fixture);
  main_stack = sb_ui_test_template_child (fixture->window, SB_TYPE_WINDOW, "main_stack");

  /* From an error back to a book: the pages come back, with the new store. */
  g_set_error_literal (&error, SB_STORE_ERROR, SB_STORE_ERROR_IO, "The disk is full.");
  sb_window_show_book_error (fixture->window, fixture->book->path, error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "error");

  sb_window_set_store (fixture->window, other);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "book");
  g_assert_true (sb_window_get_store (fixture->window) == other);
  g_object_get (sb_window_get_page (fixture->window, "overview"), "store", &page_store, NULL);
  g_assert_true (page_store == other);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  SbPreferencesWindow *preferences;
  AdwActionRow *location;
  AdwComboRow *currency;
  const char *const *codes;
  const char *wanted = NULL;
  GtkSpinButton *warning;

  preferences = sb_preferences_window_new (fixture->book->store);
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_true (sb_ui_test_wait_until (sb_ui_test_is_mapped, preferences));

  location = sb_ui_test_template_child (preferences, SB_TYPE_PREFERENCES_WINDOW, "location_row");
  currency = sb_ui_test_template_child (preferences, SB_TYPE_PREFERENCES_WINDOW, "currency_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (location), ==, fixture->book->path);

  /* The row shows the book's currency... */
  codes = sb_currency_get_codes ();
  g_assert_cmpstr (codes[adw_combo_row_get_selected (currency)], ==,
                   sb_store_get_base_currency (fixture->book->store));

  /* ...and choosing another one changes the book. */
  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (g_strcmp0 (codes[i], sb_store_get_base_currency (fixture->book->store)) != 0)
        {
          wanted = codes[i];
          adw_combo_row_set_selected (currency, i);
          break;
        }
    }
  g_assert_nonnull (wanted);
  g_assert_cmpstr (sb_store_get_base_currency (fixture->book->store), ==, wanted);

  /* The warning window is the book's. */
  warning = sb_ui_test_template_child (preferences, SB_TYPE_PREFERENCES_WINDOW, "warning_spin");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (warning), ==, sb_contracts_get_warning_days (fixture->book->store));
  gtk_spin_button_set_value (warning, 45);
  g_assert_cmpint (sb_contracts_get_warning_days (fixture->book->store), ==, 45);

  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  if (!sb_ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/ui/window/welcome-then-start-empty", test_welcome_then_start_empty);
  ADD ("/ui/window/load-sample-data", test_load_sample_data);
  ADD ("/ui/window/every-page", test_every_page);
  ADD ("/ui/window/sidebar-order", test_sidebar_order);
  ADD ("/ui/window/alt-shortcuts", test_alt_shortcuts);
  ADD ("/ui/window/show-contract-and-supplier", test_show_contract_and_supplier);
  ADD ("/ui/window/folds-when-narrow", test_folds_when_narrow);
  ADD ("/ui/window/remembers-state", test_remembers_state);
  ADD ("/ui/window/error-page", test_error_page);
  ADD ("/ui/window/switch-store", test_switch_store);
  ADD ("/ui/preferences/book-currency-and-warning", test_preferences);

#undef ADD

  return g_test_run ();
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sb-calendars-view.h"
#include "sb-catalog.h"
#include "sb-customers-view.h"
#include "sb-preferences-window.h"
#include "sb-priority-matrix-group.h"
#include "sb-service-editor.h"
#include "sb-services-page.h"
#include "sb-store.h"
#include "sb-window.h"
#include "sb-test-utils.h"
#include "sb-ui-test-utils.h"

/* The Services page in a real window on a real display (Xvfb in CI),
 * driven through its widgets the way a person would: typing into the
 * fields, then activating the actions the buttons and shortcuts use. */

typedef struct
{
  SbTestBook *book;
  SbWindow   *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->book = sb_test_book_new ();
  fixture->window = sb_ui_test_present_window (fixture->book->store, 1200, 800, "services");
  sb_ui_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sb_ui_test_destroy_windows (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->book, sb_test_book_free);
}

static SbServicesPage *
services_page (Fixture *fixture)
{
  GtkWidget *page = sb_window_get_page (fixture->window, "services");

  g_assert_true (SB_IS_SERVICES_PAGE (page));

  return SB_SERVICES_PAGE (page);
}

static SbServiceEditor *
editor (Fixture *fixture)
{
  return SB_SERVICE_EDITOR (sb_services_page_get_editor (services_page (fixture)));
}

static void
type_target (Fixture    *fixture,
             int         priority,
             const char *response,
             const char *resolution)
{
  g_autofree char *response_tip = g_strdup_printf ("Response time for priority %d", priority);
  g_autofree char *resolution_tip = g_strdup_printf ("Resolution time for priority %d", priority);
  GtkWidget *response_entry = sb_ui_test_find_widget (GTK_WIDGET (editor (fixture)), response_tip);
  GtkWidget *resolution_entry = sb_ui_test_find_widget (GTK_WIDGET (editor (fixture)), resolution_tip);

  g_assert_nonnull (response_entry);
  g_assert_nonnull (resolution_entry);
  gtk_editable_set_text (GTK_EDITABLE (response_entry), response);
  gtk_editable_set_text (GTK_EDITABLE (resolution_entry), resolution);
}

static gboolean
listed (Fixture    *fixture,
        const char *code)
{
  GListModel *model = sb_services_page_get_model (services_page (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (model, i);

      if (g_strcmp0 (sb_service_get_code (service), code) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A new service typed in with targets: Save writes it to the book and the
 * list shows it. */
static void
create_mail_service (Fixture *fixture)
{
  SbServicesPage *page = services_page (fixture);

  gtk_widget_activate_action (GTK_WIDGET (page), "page.new", NULL);
  sb_ui_test_settle ();
  g_assert_false (sb_service_editor_get_can_save (editor (fixture)));

  sb_ui_test_type_into (editor (fixture), SB_TYPE_SERVICE_EDITOR, "code_row", "MAIL");
  sb_ui_test_type_into (editor (fixture), SB_TYPE_SERVICE_EDITOR, "name_row", "Mail");
  type_target (fixture, 1, "30 min", "4 h");
  type_target (fixture, 2, "1:00", "1 h 30 min");
  g_assert_true (sb_service_editor_get_can_save (editor (fixture)));

  gtk_widget_activate_action (GTK_WIDGET (editor (fixture)), "editor.save", NULL);
  sb_ui_test_settle ();
}

static void
test_empty_then_sample (Fixture       *fixture,
                        gconstpointer  data)
{
  SbServicesPage *page = services_page (fixture);
  GtkStack *stack = sb_ui_test_template_child (page, SB_TYPE_SERVICES_PAGE, "services_stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  gtk_widget_activate_action (GTK_WIDGET (page), "page.load-sample-data", NULL);
  sb_ui_test_settle ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (sb_services_page_get_model (page)), >=, 8);
}

static void
test_create_and_edit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SbService) saved = NULL;
  g_autoptr(SbService) renamed = NULL;

  create_mail_service (fixture);

  saved = sb_catalog_find_service (fixture->book->store, "MAIL");
  g_assert_nonnull (saved);
  g_assert_cmpstr (sb_service_get_name (saved), ==, "Mail");
  g_assert_cmpint (sb_service_get_response_target (saved, 1), ==, 30);
  g_assert_cmpint (sb_service_get_resolution_target (saved, 1), ==, 240);
  g_assert_cmpint (sb_service_get_response_target (saved, 2), ==, 60);
  g_assert_cmpint (sb_service_get_resolution_target (saved, 2), ==, 90);
  g_assert_true (listed (fixture, "MAIL"));
  g_assert_false (sb_service_editor_get_modified (editor (fixture)));

  /* Edit: the name changes, Save keeps it. */
  sb_ui_test_type_into (editor (fixture), SB_TYPE_SERVICE_EDITOR, "name_row", "Mail and calendars");
  g_assert_true (sb_service_editor_get_modified (editor (fixture)));
  g_assert_true (sb_service_editor_get_can_save (editor (fixture)));
  gtk_widget_activate_action (GTK_WIDGET (services_page (fixture)), "page.save", NULL);
  sb_ui_test_settle ();

  renamed = sb_catalog_find_service (fixture->book->store, "MAIL");
  g_assert_nonnull (renamed);
  g_assert_cmpstr (sb_service_get_name (renamed), ==, "Mail and calendars");
  g_assert_cmpstr (sb_service_get_id (renamed), ==, sb_service_get_id (saved));
}

static void
test_invalid_input (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *code_row;
  g_autofree char *problems = NULL;
  g_autofree char *target_problems = NULL;
  g_autofree char *date_problems = NULL;

  create_mail_service (fixture);
  code_row = sb_ui_test_template_child (editor (fixture), SB_TYPE_SERVICE_EDITOR, "code_row");

  /* An empty code */
  gtk_editable_set_text (GTK_EDITABLE (code_row), "");
  g_assert_false (sb_service_editor_get_can_save (editor (fixture)));
  g_assert_false (gtk_widget_is_sensitive (sb_ui_test_template_child (editor (fixture), SB_TYPE_SERVICE_EDITOR,
                                                           "save_button")));
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  problems = sb_service_editor_get_problems (editor (fixture));
  g_assert_nonnull (strstr (problems, "needs a code"));

  gtk_editable_set_text (GTK_EDITABLE (code_row), "MAIL");
  g_assert_true (sb_service_editor_get_can_save (editor (fixture)));
  g_assert_false (gtk_widget_has_css_class (code_row, "error"));

  /* A response slower than the resolution */
  type_target (fixture, 3, "5 h", "4 h");
  g_assert_false (sb_service_editor_get_can_save (editor (fixture)));
  target_problems = sb_service_editor_get_problems (editor (fixture));
  g_assert_nonnull (strstr (target_problems, "longer than the resolution"));
  g_assert_nonnull (sb_ui_test_find_widget (GTK_WIDGET (editor (fixture)), "Response time for priority 3"));

  /* Text that is no time */
  type_target (fixture, 3, "soon", "4 h");
  g_assert_false (sb_service_editor_get_can_save (editor (fixture)));
  type_target (fixture, 3, "", "");
  g_assert_true (sb_service_editor_get_can_save (editor (fixture)));

  /* A date that is no date */
  sb_ui_test_type_into (editor (fixture), SB_TYPE_SERVICE_EDITOR, "next_review_row", "2026-13-45");
  g_assert_false (sb_service_editor_get_can_save (editor (fixture)));
  date_problems = sb_service_editor_get_problems (editor (fixture));
  g_assert_cmpstr (date_problems, !=, "");
  g_assert_true (gtk_widget_has_css_class (sb_ui_test_template_child (editor (fixture), SB_TYPE_SERVICE_EDITOR,
                                                           "next_review_row"),
                                           "error"));

  /* Cancel brings back what was saved. */
  gtk_widget_activate_action (GTK_WIDGET (editor (fixture)), "editor.revert", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sb_ui_test_template_child (editor (fixture),
                                                                         SB_TYPE_SERVICE_EDITOR,
                                                                         "next_review_row"))), ==, "");
  g_assert_false (sb_service_editor_get_modified (editor (fixture)));
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SbService) back = NULL;
  g_autoptr(SbService) gone = NULL;
  GtkWidget *undo;

  create_mail_service (fixture);
  g_assert_true (listed (fixture, "MAIL"));

  gtk_widget_activate_action (GTK_WIDGET (services_page (fixture)), "page.delete", NULL);
  sb_ui_test_settle ();
  gone = sb_catalog_find_service (fixture->book->store, "MAIL");
  g_assert_null (gone);
  g_assert_false (listed (fixture, "MAIL"));

  /* The toast offers Undo. */
  undo = sb_ui_test_find_widget (GTK_WIDGET (fixture->window), "_Undo");
  g_assert_nonnull (undo);
  gtk_widget_activate (undo);
  sb_ui_test_settle ();

  back = sb_catalog_find_service (fixture->book->store, "MAIL");
  g_assert_nonnull (back);
  g_assert_true (listed (fixture, "MAIL"));
}

static void
test_customers_and_calendars (Fixture       *fixture,
                              gconstpointer  data)
{
  SbServicesPage *page = services_page (fixture);
  SbCustomersView *customers = sb_ui_test_template_child (page, SB_TYPE_SERVICES_PAGE, "customers_view");
  SbCalendarsView *calendars = sb_ui_test_template_child (page, SB_TYPE_SERVICES_PAGE, "calendars_view");
  GtkStringList *calendar_names;
  g_autoptr(SbCustomer) customer = NULL;
  g_autoptr(GListModel) calendar_list = NULL;
  g_autofree char *explanation = NULL;
  GtkWidget *monday;
  guint position = GTK_INVALID_LIST_POSITION;

  /* A customer */
  sb_services_page_show_view (page, "customers");
  gtk_widget_activate_action (GTK_WIDGET (page), "page.new", NULL);
  sb_ui_test_settle ();
  sb_ui_test_type_into (customers, SB_TYPE_CUSTOMERS_VIEW, "name_row", "Bluebell Bakery");
  sb_ui_test_type_into (customers, SB_TYPE_CUSTOMERS_VIEW, "email_row", "not an address");
  g_assert_true (gtk_widget_has_css_class (sb_ui_test_template_child (customers, SB_TYPE_CUSTOMERS_VIEW, "email_row"),
                                           "error"));
  sb_ui_test_type_into (customers, SB_TYPE_CUSTOMERS_VIEW, "email_row", "help@bluebell.example");
  gtk_widget_activate_action (GTK_WIDGET (page), "page.save", NULL);
  sb_ui_test_settle ();
  customer = sb_catalog_find_customer (fixture->book->store, "Bluebell Bakery");
  g_assert_nonnull (customer);
  g_assert_cmpstr (sb_customer_get_email (customer), ==, "help@bluebell.example");
  g_assert_cmpuint (g_list_model_get_n_items (sb_customers_view_get_model (customers)), ==, 1);

  /* A calendar, with a mistake first */
  sb_services_page_show_view (page, "calendars");
  gtk_widget_activate_action (GTK_WIDGET (page), "page.new", NULL);
  sb_ui_test_settle ();
  sb_ui_test_type_into (calendars, SB_TYPE_CALENDARS_VIEW, "name_row", "Support hours");
  sb_ui_test_type_into (calendars, SB_TYPE_CALENDARS_VIEW, "tz_row", "Europe/Madrid");
  monday = sb_ui_test_template_child (calendars, SB_TYPE_CALENDARS_VIEW, "monday_row");
  gtk_editable_set_text (GTK_EDITABLE (monday), "08:00–25:00");
  g_assert_true (gtk_widget_has_css_class (monday, "error"));
  gtk_editable_set_text (GTK_EDITABLE (monday), "08:00–12:00, 13:00-18:00");
  g_assert_false (gtk_widget_has_css_class (monday, "error"));
  gtk_widget_activate_action (GTK_WIDGET (page), "page.save", NULL);
  sb_ui_test_settle ();

  calendar_list = sb_catalog_list_calendars (fixture->book->store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (calendar_list); i++)
    {
      g_autoptr(SbCalendarItem) item = g_list_model_get_item (calendar_list, i);

      if (g_strcmp0 (sb_calendar_item_get_name (item), "Support hours") == 0)
        {
          guint n = 0;
          const SbCalendarInterval *intervals =
            sb_calendar_get_intervals (sb_calendar_item_get_calendar (item), G_DATE_MONDAY, &n);

          g_assert_cmpuint (n, ==, 2);
          g_assert_cmpuint (intervals[1].end_minute, ==, 18 * 60);
          g_assert_cmpstr (sb_calendar_get_time_zone_id (sb_calendar_item_get_calendar (item)), ==,
                           "Europe/Madrid");
          position = i;
        }
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  /* A service on that calendar explains its targets with it. */
  sb_services_page_show_view (page, "services");
  create_mail_service (fixture);
  calendar_names = sb_ui_test_template_child (editor (fixture), SB_TYPE_SERVICE_EDITOR, "calendar_names");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (calendar_names)); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (calendar_names, i), "Support hours") == 0)
        adw_combo_row_set_selected (sb_ui_test_template_child (editor (fixture), SB_TYPE_SERVICE_EDITOR, "calendar_row"), i);
    }

  explanation = sb_service_editor_get_explanation (editor (fixture));
  g_assert_nonnull (strstr (explanation, "respond within 30 min, resolve within 4 h"));
  g_assert_nonnull (strstr (explanation, "Support hours"));
  g_assert_nonnull (strstr (explanation, "Europe/Madrid"));
  g_assert_nonnull (strstr (explanation, "Logged now → respond by"));
}

static void
test_priority_matrix (Fixture       *fixture,
                      gconstpointer  data)
{
  SbPreferencesWindow *preferences = sb_preferences_window_new (fixture->book->store);
  GtkWidget *group;
  GtkWidget *cell;
  g_autoptr(SbPriorityMatrix) before = sb_catalog_get_priority_matrix (fixture->book->store);
  g_autoptr(SbPriorityMatrix) after = NULL;

  gtk_window_present (GTK_WINDOW (preferences));
  sb_ui_test_settle ();

  group = sb_ui_test_find_type (GTK_WIDGET (preferences), SB_TYPE_PRIORITY_MATRIX_GROUP);
  g_assert_nonnull (group);
  g_assert_cmpint (sb_priority_matrix_get (before, 1, 1), ==, SB_PRIORITY_CRITICAL);
  g_assert_cmpint (sb_priority_matrix_get (before, 3, 3), ==, SB_PRIORITY_PLANNING);

  /* The cell for high impact and high urgency shows the book's matrix;
   * choosing another priority there saves it. */
  cell = sb_ui_test_find_widget (group, "Priority for impact High and urgency High");
  g_assert_true (GTK_IS_DROP_DOWN (cell));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cell)), ==, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cell), 1);
  g_assert_true (sb_priority_matrix_group_choose (SB_PRIORITY_MATRIX_GROUP (group), 3, 3, 4));

  after = sb_catalog_get_priority_matrix (fixture->book->store);
  g_assert_cmpint (sb_priority_matrix_get (after, 1, 1), ==, SB_PRIORITY_HIGH);
  g_assert_cmpint (sb_priority_matrix_get (after, 3, 3), ==, SB_PRIORITY_LOW);

  gtk_window_destroy (GTK_WINDOW (preferences));
  sb_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  if (!sb_ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/ui/services/empty-then-sample", test_empty_then_sample);
  ADD ("/ui/services/create-and-edit", test_create_and_edit);
  ADD ("/ui/services/invalid-input", test_invalid_input);
  ADD ("/ui/services/delete-and-undo", test_delete_and_undo);
  ADD ("/ui/services/customers-and-calendars", test_customers_and_calendars);
  ADD ("/ui/preferences/priority-matrix", test_priority_matrix);

#undef ADD

  return g_test_run ();
}

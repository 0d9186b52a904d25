/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sb-application-private.h"
#include "sb-catalog.h"
#include "sb-contracts.h"
#include "sb-deadlines-card.h"
#include "sb-deadlines-view.h"
#include "sb-deadlines.h"
#include "sb-service-editor.h"
#include "sb-suppliers.h"
#include "sb-test-utils.h"
#include "sb-ui-test-utils.h"

/* The deadlines timeline, the Overview card, the notifications and the
 * service editor's alignment gaps, on a real display (Xvfb in CI) and a
 * private session bus with a stand-in notification server.  The book's
 * clock is stopped on 2 March 2026 at noon UTC. */

#define NOW_MS G_GINT64_CONSTANT (1772452800000)   /* 2026-03-02T12:00:00Z */

typedef struct
{
  SbTestBook *book;
  char       *supplier_id;
  char       *contract_id;
  GtkWidget  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (fixture->book->store, NOW_MS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->window)));
  sb_ui_test_drain ();

  g_clear_pointer (&fixture->supplier_id, g_free);
  g_clear_pointer (&fixture->contract_id, g_free);
  g_clear_pointer (&fixture->book, sb_test_book_free);
}

static void
get_today (Fixture *fixture,
           GDate   *today)
{
  sb_contracts_get_today (fixture->book->store, today);
  g_assert_true (g_date_valid (today));
}

/* A supplier and a hosting contract of 12 months with 30 days' notice
 * whose last day to give notice is 10 days from today; underpinning
 * @service_id, when given, with supplier targets longer than the
 * service's. */
static void
add_contract (Fixture    *fixture,
              const char *service_id)
{
  g_autoptr(SbSupplier) supplier = sb_supplier_new ();
  g_autoptr(SbContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  SbContractTerms terms;
  GDate today;

  get_today (fixture, &today);

  sb_supplier_set_name (supplier, "Acme Hosting");
  g_assert_true (sb_suppliers_save (fixture->book->store, supplier, &error));
  g_assert_no_error (error);
  fixture->supplier_id = g_strdup (sb_supplier_get_id (supplier));

  /* The term ends 40 days from today: it started 12 months before the
   * day after that. */
  sb_contract_terms_init (&terms);
  terms.start = today;
  g_date_add_days (&terms.start, 41);
  g_date_subtract_months (&terms.start, 12);
  terms.initial_months = 12;
  terms.renewal = SB_RENEWAL_AUTOMATIC;
  terms.renewal_months = 12;
  terms.notice_amount = 30;
  terms.notice_unit = SB_NOTICE_DAYS;

  contract = sb_contract_new (fixture->supplier_id);
  sb_contract_set_reference (contract, "HOST-1");
  sb_contract_set_title (contract, "Web hosting");
  sb_contract_set_contract_type (contract, "hosting");
  sb_contract_set_terms (contract, &terms);
  if (service_id != NULL)
    {
      const char *ids[] = { service_id, NULL };

      sb_contract_set_service_ids (contract, ids);
      sb_contract_set_targets (contract, 1, 120, 960);
    }
  g_assert_true (sb_contracts_save (fixture->book->store, contract, &error));
  g_assert_no_error (error);
  fixture->contract_id = g_strdup (sb_contract_get_id (contract));
}

static char *
add_service (Fixture *fixture)
{
  g_autoptr(SbService) service = sb_service_new ();

  sb_service_set_code (service, "WEB");
  sb_service_set_name (service, "Website");
  sb_service_set_targets (service, 1, 30, 240);

  return sb_test_save_service (fixture->book->store, service);
}

static void
present (Fixture   *fixture,
         GtkWidget *child)
{
  fixture->window = GTK_WIDGET (sb_ui_test_present_in_window (child, 800, 700));
  g_assert_true (sb_ui_test_wait_until (sb_ui_test_is_mapped, child));
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child) && gtk_widget_get_visible (child))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

/* The store's own first deadline: the notice deadline, 10 days ahead. */
static SbDeadline *
first_deadline (Fixture *fixture)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  GDate to;

  get_today (fixture, &today);
  to = today;
  g_date_add_months (&to, 12);
  deadlines = sb_deadlines_list (fixture->book->store, &today, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deadlines->len, >=, 1);

  return g_ptr_array_steal_index (deadlines, 0);
}

static void
assert_first_row_is_notice (Fixture   *fixture,
                            GtkWidget *container)
{
  g_autoptr(SbDeadline) deadline = first_deadline (fixture);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *row;
  GDate today;

  get_today (fixture, &today);
  g_assert_cmpint (deadline->kind, ==, SB_DEADLINE_NOTICE);
  g_assert_cmpint (g_date_days_between (&today, &deadline->date), ==, 10);
  g_assert_cmpstr (deadline->contract_id, ==, fixture->contract_id);

  collect_rows (container, rows);
  g_assert_cmpuint (rows->len, >=, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, deadline->summary);
  g_assert_true (has_label (row, "in 10 days"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.show-contract");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)), NULL),
                   ==, fixture->contract_id);
}

static const char *
view_state (GtkWidget *view)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (view, SB_TYPE_DEADLINES_VIEW, "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static GtkWidget *
export_button (GtkWidget *view)
{
  return GTK_WIDGET (gtk_widget_get_template_child (view, SB_TYPE_DEADLINES_VIEW, "export_button"));
}

static void
test_view_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *view = sb_deadlines_view_new (fixture->book->store);

  present (fixture, view);

  g_assert_cmpstr (view_state (view), ==, "empty");
  g_assert_cmpuint (sb_deadlines_view_get_n_deadlines (SB_DEADLINES_VIEW (view)), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (export_button (view)));
}

static void
test_view_next_first (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *view = sb_deadlines_view_new (fixture->book->store);

  present (fixture, view);
  g_assert_cmpstr (view_state (view), ==, "empty");

  /* The view follows the book. */
  add_contract (fixture, NULL);
  g_assert_cmpstr (view_state (view), ==, "list");
  g_assert_cmpuint (sb_deadlines_view_get_n_deadlines (SB_DEADLINES_VIEW (view)), >=, 2);
  g_assert_true (gtk_widget_get_sensitive (export_button (view)));

  assert_first_row_is_notice (fixture, view);
}

static void
test_view_export (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->book->dir, "servicebook-deadlines.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  add_contract (fixture, NULL);
  view = sb_deadlines_view_new (fixture->book->store);
  present (fixture, view);

  g_assert_true (sb_deadlines_view_export_to_file (SB_DEADLINES_VIEW (view), file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (contents, "HOST-1"));
}

static void
test_card_shows_next (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *service_id = add_service (fixture);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *card = g_object_new (SB_TYPE_DEADLINES_CARD, "store", fixture->book->store, NULL);

  gtk_box_append (GTK_BOX (box), card);
  present (fixture, box);

  /* Nothing to say in a book without contracts. */
  g_assert_false (gtk_widget_get_visible (card));

  add_contract (fixture, service_id);
  g_assert_true (gtk_widget_get_visible (card));
  g_assert_cmpuint (sb_deadlines_card_get_n_deadlines (SB_DEADLINES_CARD (card)), >=, 1);
  assert_first_row_is_notice (fixture, card);

  /* The contract's P1 targets (2 h, 16 h) do not fit the service's
   * (30 min, 4 h). */
  g_assert_cmpuint (sb_deadlines_card_get_n_risky_contracts (SB_DEADLINES_CARD (card)), ==, 1);
  g_assert_true (has_label (card, "1 contract does not cover its services’ targets"));

  /* Outside a narrower warning window the deadline leaves the card. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (sb_contracts_set_warning_days (fixture->book->store, 5, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (sb_deadlines_card_get_n_deadlines (SB_DEADLINES_CARD (card)), ==, 0);
    g_assert_true (has_label (card, "No deadlines in the next 5 days"));
  }
}

static void
test_service_editor_gaps (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *service_id = add_service (fixture);
  g_autoptr(SbService) service = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  SbServiceEditor *editor;
  GtkWidget *group;

  editor = g_object_new (SB_TYPE_SERVICE_EDITOR, "store", fixture->book->store, NULL);
  present (fixture, GTK_WIDGET (editor));

  service = sb_catalog_get_service (fixture->book->store, service_id, &error);
  g_assert_no_error (error);
  sb_service_editor_set_service (editor, service);

  group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), SB_TYPE_SERVICE_EDITOR,
                                                     "alignment_group"));
  g_assert_false (gtk_widget_get_visible (group));

  /* A contract underpinning it with longer targets: the gaps show at
   * once, each leading to the contract. */
  add_contract (fixture, service_id);
  g_assert_true (gtk_widget_get_visible (group));
  collect_rows (group, rows);
  g_assert_cmpuint (rows->len, >=, 1);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (g_ptr_array_index (rows, 0))),
                   ==, "win.show-contract");
}

/* A stand-in for the desktop's notification server on the private bus. */

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "      <arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GPtrArray *received;   /* of char *: "summary\nbody" */

/* Registered on the private bus for the whole run: GIO 2.74 crashes when
 * an application that has sent notifications is finalized while the bus
 * is still up, so it lives until the bus is stopped. */
static GApplication *application;

static void
on_notifications_call_cb (GDBusConnection       *connection,
                          const char            *sender,
                          const char            *object_path,
                          const char            *interface_name,
                          const char            *method_name,
                          GVariant              *parameters,
                          GDBusMethodInvocation *invocation,
                          gpointer               user_data)
{
  if (g_strcmp0 (method_name, "Notify") == 0)
    {
      const char *summary = NULL;
      const char *body = NULL;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_variant_get_child (parameters, 4, "&s", &body);
      g_ptr_array_add (received, g_strconcat (summary, "\n", body, NULL));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", received->len));
    }
  else
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static const GDBusInterfaceVTable notifications_vtable = { on_notifications_call_cb, NULL, NULL, { 0 } };

static gboolean
has_received (gpointer data)
{
  return received->len >= GPOINTER_TO_UINT (data);
}

static gboolean
name_acquired;

static void
on_name_acquired_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  name_acquired = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Let the notification server's replies come back to the application
 * before the test moves on.  The bus keeps the order, so a round trip
 * after them is enough. */
static void
settle_bus (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus.Peer", "Ping", NULL, NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  sb_ui_test_drain ();
}

static void
test_notifications (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  guint object_id;
  guint owner_id;
  GDate today;

  add_contract (fixture, NULL);
  get_today (fixture, &today);

  received = g_ptr_array_new_with_free_func (g_free);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  node = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  object_id = g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications",
                                                 node->interfaces[0], &notifications_vtable,
                                                 NULL, NULL, &error);
  g_assert_no_error (error);
  name_acquired = FALSE;
  owner_id = g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications",
                                           G_BUS_NAME_OWNER_FLAGS_NONE,
                                           on_name_acquired_cb, NULL, NULL, NULL);
  g_assert_true (sb_ui_test_wait_until (is_true, &name_acquired));

  /* Due: the notice deadline 10 days ahead, inside the 30-day window. */
  due = sb_deadlines_due_for_notification (fixture->book->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_clear_pointer (&due, g_ptr_array_unref);

  g_assert_cmpuint (sb_application_notify_deadlines (application, fixture->book->store), ==, 1);
  g_assert_true (sb_ui_test_wait_until (has_received, GUINT_TO_POINTER (1)));
  settle_bus (bus);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (received, 0), "Notice deadline in 10 days\n"));
  g_assert_nonnull (strstr (g_ptr_array_index (received, 0), "Acme Hosting"));
  g_assert_nonnull (strstr (g_ptr_array_index (received, 0), "HOST-1"));

  /* Never twice. */
  due = sb_deadlines_due_for_notification (fixture->book->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_assert_cmpuint (sb_application_notify_deadlines (application, fixture->book->store), ==, 0);
  g_assert_cmpuint (received->len, ==, 1);

  g_bus_unown_name (owner_id);
  g_dbus_connection_unregister_object (bus, object_id);
  g_clear_pointer (&received, g_ptr_array_unref);
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  g_autofree char *display = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (sb_ui_test_skip_without_display ())
    return 0;

  g_test_init (&argc, &argv, NULL);

  /* A private session bus, before anything asks for one.  Bringing it up
   * unsets DISPLAY as well; the widgets still need it. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  application = g_application_new ("io.github.servicebook.Servicebook.Test", G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (application, NULL, &error))
    g_error ("The test application cannot be registered: %s", error->message);

  adw_init ();

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/ui/deadlines/view-empty", test_view_empty);
  ADD ("/ui/deadlines/view-next-first", test_view_next_first);
  ADD ("/ui/deadlines/view-export", test_view_export);
  ADD ("/ui/deadlines/card", test_card_shows_next);
  ADD ("/ui/deadlines/service-editor-gaps", test_service_editor_gaps);
  ADD ("/ui/deadlines/notifications", test_notifications);

#undef ADD

  status = g_test_run ();

  /* The application keeps the bus connection: stop the bus without
   * waiting for the connection to go (see above).  Finalizing @bus would
   * wait for it all the same, so @bus stays too, until the exit. */
  g_test_dbus_stop (bus);

  return status;
}

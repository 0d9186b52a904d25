/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include "sb-catalog.h"
#include "sb-ui-test-incident.h"
#include "sb-ui-test-utils.h"

/**
 * sb_ui_test_incident_add:
 * @store: the book
 * @title: the incident's title
 * @service_id: (nullable): the service it is about
 *
 * Logs a new incident through the store.
 *
 * Returns: (transfer full): its id
 */
char *
sb_ui_test_incident_add (SbStore    *store,
                         const char *title,
                         const char *service_id)
{
  g_autoptr(SbIncident) draft = sb_incident_new ();
  g_autoptr(GError) error = NULL;

  sb_incident_set_title (draft, title);
  sb_incident_set_service_id (draft, service_id);
  g_assert_true (sb_incidents_create (store, draft, &error));
  g_assert_no_error (error);

  return g_strdup (sb_incident_get_id (draft));
}

/**
 * sb_ui_test_incident_set_up:
 * @f: the fixture
 * @data: unused
 *
 * A #GTestFixtureFunc: a temporary book with a customer, a service and
 * one incident on it, which the detail pane shows in a window of its own.
 */
void
sb_ui_test_incident_set_up (SbUiTestIncident *f,
                            gconstpointer     data)
{
  g_autoptr(SbService) service = sb_service_new ();

  f->book = sb_test_book_new ();
  f->customer_id = sb_test_add_customer (f->book->store, "Acme Ltd");

  sb_service_set_code (service, "EMAIL");
  sb_service_set_name (service, "Email and calendars");
  sb_service_set_targets (service, 3, 60, 480);
  f->service_id = sb_test_save_service (f->book->store, service);

  f->incident_id = sb_ui_test_incident_add (f->book->store, "Mail server down", f->service_id);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 800);
  f->detail = SB_INCIDENT_DETAIL (sb_incident_detail_new (f->book->store));
  gtk_window_set_child (f->window, GTK_WIDGET (f->detail));
  gtk_window_present (f->window);
  sb_incident_detail_set_incident_id (f->detail, f->incident_id);
  sb_ui_test_settle_briefly ();
}

/**
 * sb_ui_test_incident_tear_down:
 * @f: the fixture
 * @data: unused
 *
 * A #GTestFixtureFunc: closes the window and removes the book.
 */
void
sb_ui_test_incident_tear_down (SbUiTestIncident *f,
                               gconstpointer     data)
{
  gtk_window_destroy (f->window);
  sb_ui_test_settle_briefly ();

  g_clear_pointer (&f->book, sb_test_book_free);
  g_free (f->service_id);
  g_free (f->customer_id);
  g_free (f->incident_id);
}

/**
 * sb_ui_test_incident_stored:
 * @f: the fixture
 *
 * The fixture's incident as the book has it now.
 *
 * Returns: (transfer full): the incident
 */
SbIncident *
sb_ui_test_incident_stored (SbUiTestIncident *f)
{
  g_autoptr(GError) error = NULL;
  SbIncident *incident = sb_incidents_get (f->book->store, f->incident_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (incident);

  return incident;
}

/**
 * sb_ui_test_incident_enabled:
 * @f: the fixture
 * @action: the name of one of the detail pane's actions
 *
 * Returns: whether the pane offers @action now
 */
gboolean
sb_ui_test_incident_enabled (SbUiTestIncident *f,
                             const char       *action)
{
  return g_action_group_get_action_enabled (sb_incident_detail_get_actions (f->detail), action);
}

/**
 * sb_ui_test_incident_run:
 * @f: the fixture
 * @action: the name of one of the detail pane's actions
 *
 * Activates @action, which must be enabled, as its button or key does,
 * and lets the pane settle.
 */
void
sb_ui_test_incident_run (SbUiTestIncident *f,
                         const char       *action)
{
  g_assert_true (sb_ui_test_incident_enabled (f, action));
  g_action_group_activate_action (sb_incident_detail_get_actions (f->detail), action, NULL);
  sb_ui_test_settle_briefly ();
}

/**
 * sb_ui_test_incident_count_events:
 * @f: the fixture
 * @kind: an event kind, as the timeline stores it
 * @field: (nullable): the field changed, or %NULL for any
 *
 * Returns: how many events of @kind (on @field) the incident's timeline has
 */
guint
sb_ui_test_incident_count_events (SbUiTestIncident *f,
                                  const char       *kind,
                                  const char       *field)
{
  g_autoptr(GPtrArray) events = sb_incidents_list_timeline (f->book->store, f->incident_id, NULL);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      SbIncidentEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (sb_incident_event_get_kind (event), kind) == 0 &&
          (field == NULL || g_strcmp0 (sb_incident_event_get_field (event), field) == 0))
        n++;
    }

  return n;
}

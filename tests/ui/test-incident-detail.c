/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "sb-catalog.h"
#include "sb-incident-detail.h"
#include "sb-incident-import-dialog.h"
#include "sb-incident-new-dialog.h"
#include "sb-incidents.h"
#include "sb-store.h"
#include "sb-ui-test-incident.h"
#include "sb-ui-test-utils.h"

/* The incident detail pane, the new-incident dialog and the import
 * dialog on a real display (Xvfb in CI), each built on its own over a
 * temporary book and driven through its actions and fields the way a
 * person's keys and clicks drive them; every outcome is read back from
 * the book. */

typedef SbUiTestIncident Fixture;

/* Every combo row under @root, in order. */
static void
collect_combo_rows (GtkWidget *root,
                    GPtrArray *rows)
{
  if (ADW_IS_COMBO_ROW (root))
    {
      g_ptr_array_add (rows, root);
      return;
    }

  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    collect_combo_rows (w, rows);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
assert_enabled (Fixture    *f,
                const char *expected)
{
  static const char * const all[] = {
    "respond", "start", "hold", "resolve", "close", "reopen", "cancel", "duplicate", "note", "edit", NULL
  };
  g_auto(GStrv) on = g_strsplit (expected, " ", -1);

  for (guint i = 0; all[i] != NULL; i++)
    {
      if (g_strv_contains ((const char * const *) on, all[i]) != sb_ui_test_incident_enabled (f, all[i]))
        g_error ("action %s should be %s", all[i], g_strv_contains ((const char * const *) on, all[i]) ? "enabled" : "disabled");
    }
}

static guint
timeline_rows (Fixture *f)
{
  GtkListView *view = sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "timeline_view");

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)));
}

static void
test_enabled_by_status (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SbIncident) incident = NULL;
  g_autoptr(GError) error = NULL;

  assert_enabled (f, "respond start hold resolve cancel duplicate note edit");
  g_assert_cmpstr (gtk_label_get_label (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "title_label")), ==,
                   "Mail server down");

  /* Respond acts at once: in progress, responded, and once only */
  sb_ui_test_incident_run (f, "respond");
  incident = sb_ui_test_incident_stored (f);
  g_assert_cmpint (sb_incident_get_status (incident), ==, SB_INCIDENT_IN_PROGRESS);
  g_assert_cmpint (sb_incident_get_responded_ms (incident), !=, SB_INCIDENT_NO_TIME);
  assert_enabled (f, "hold resolve cancel duplicate note edit");

  g_assert_true (sb_incidents_hold (f->book->store, f->incident_id, "awaiting-customer", NULL, 0,
                                    SB_INCIDENT_NO_TIME, &error));
  g_assert_no_error (error);
  sb_incident_detail_refresh (f->detail);
  assert_enabled (f, "start resolve cancel duplicate note edit");

  g_assert_true (sb_incidents_resolve (f->book->store, f->incident_id, "fixed", NULL, NULL, 0,
                                       SB_INCIDENT_NO_TIME, &error));
  g_assert_no_error (error);
  sb_incident_detail_refresh (f->detail);
  assert_enabled (f, "close reopen note edit");

  /* The page's refresh after a close elsewhere: final, notes only */
  g_assert_true (sb_incidents_close (f->book->store, f->incident_id, NULL, SB_INCIDENT_NO_TIME, &error));
  g_assert_no_error (error);
  sb_incident_detail_refresh (f->detail);
  assert_enabled (f, "note");
  g_assert_false (gtk_widget_get_sensitive (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "fields_group")));

  /* No incident: nothing to do */
  sb_incident_detail_set_incident_id (f->detail, NULL);
  assert_enabled (f, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "main_stack")),
                   ==, "empty");
}

static void
test_lifecycle_through_dialogs (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SbIncident) held = NULL;
  g_autoptr(SbIncident) resolved = NULL;
  g_autoptr(SbIncident) reopened = NULL;
  g_autoptr(SbIncident) closed = NULL;
  guint changes = 0;

  g_signal_connect_swapped (f->detail, "changed", G_CALLBACK (count_cb), &changes);

  /* Hold: the reason defaults to awaiting customer; choose another */
  sb_ui_test_incident_run (f, "hold");
  g_assert_nonnull (sb_incident_detail_get_dialog_for_test (f->detail));
  g_assert_true (sb_incident_detail_complete_dialog_for_test (f->detail, "awaiting-supplier",
                                                              "Waiting for the hosting company"));
  sb_ui_test_settle_briefly ();
  g_assert_null (sb_incident_detail_get_dialog_for_test (f->detail));
  held = sb_ui_test_incident_stored (f);
  g_assert_cmpint (sb_incident_get_status (held), ==, SB_INCIDENT_ON_HOLD);
  g_assert_cmpstr (sb_incident_get_hold_reason (held), ==, "awaiting-supplier");
  g_assert_cmpuint (sb_ui_test_incident_count_events (f, SB_INCIDENT_EVENT_NOTE, NULL), ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  /* Resume, then resolve with the default code and notes */
  sb_ui_test_incident_run (f, "start");
  g_assert_cmpint (sb_incident_get_status (sb_ui_test_incident_stored (f)), ==, SB_INCIDENT_IN_PROGRESS);
  sb_ui_test_incident_run (f, "resolve");
  g_assert_true (sb_incident_detail_complete_dialog_for_test (f->detail, NULL, "Restarted the mail service"));
  sb_ui_test_settle_briefly ();
  resolved = sb_ui_test_incident_stored (f);
  g_assert_cmpint (sb_incident_get_status (resolved), ==, SB_INCIDENT_RESOLVED);
  g_assert_cmpstr (sb_incident_get_resolution_code (resolved), ==, "fixed");
  g_assert_cmpstr (sb_incident_get_resolution_notes (resolved), ==, "Restarted the mail service");
  g_assert_true (gtk_widget_get_visible (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "resolution_group")));

  /* Reopen needs a reason: the dialog refuses to complete without one */
  sb_ui_test_incident_run (f, "reopen");
  g_assert_false (sb_incident_detail_complete_dialog_for_test (f->detail, NULL, "  "));
  g_assert_nonnull (sb_incident_detail_get_dialog_for_test (f->detail));
  g_assert_true (sb_incident_detail_complete_dialog_for_test (f->detail, NULL, "Mail bounces again"));
  sb_ui_test_settle_briefly ();
  reopened = sb_ui_test_incident_stored (f);
  g_assert_cmpint (sb_incident_get_status (reopened), ==, SB_INCIDENT_IN_PROGRESS);
  g_assert_cmpuint (sb_incident_get_reopen_count (reopened), ==, 1);

  sb_ui_test_incident_run (f, "resolve");
  g_assert_true (sb_incident_detail_complete_dialog_for_test (f->detail, "workaround", "Moved to the backup relay"));
  sb_ui_test_settle_briefly ();
  sb_ui_test_incident_run (f, "close");
  closed = sb_ui_test_incident_stored (f);
  g_assert_cmpint (sb_incident_get_status (closed), ==, SB_INCIDENT_CLOSED);
  g_assert_cmpstr (sb_incident_get_resolution_code (closed), ==, "workaround");
  assert_enabled (f, "note");

  /* A closed incident still takes notes */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "note_view")),
                            "Customer confirmed by phone", -1);
  sb_ui_test_incident_run (f, "add-note");
  g_assert_cmpuint (sb_ui_test_incident_count_events (f, SB_INCIDENT_EVENT_NOTE, NULL), ==, 3);
  {
    g_autoptr(GPtrArray) events = sb_incidents_list_timeline (f->book->store, f->incident_id, NULL);

    g_assert_cmpuint (timeline_rows (f), ==, events->len);
  }
}

static void
test_cancel_and_duplicate (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *original_id = sb_ui_test_incident_add (f->book->store, "Mail is down for everyone", f->service_id);
  g_autoptr(SbIncident) original = NULL;
  g_autoptr(SbIncident) duplicate = NULL;
  g_autofree char *other_id = sb_ui_test_incident_add (f->book->store, "Logged by mistake", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbIncident) cancelled = NULL;

  original = sb_incidents_get (f->book->store, original_id, &error);
  g_assert_no_error (error);

  /* Duplicate: the reference is checked as it is typed */
  sb_ui_test_incident_run (f, "duplicate");
  g_assert_false (sb_incident_detail_complete_dialog_for_test (f->detail, NULL, "INC-NONE-9999"));
  {
    g_autoptr(SbIncident) self_incident = sb_ui_test_incident_stored (f);

    g_assert_false (sb_incident_detail_complete_dialog_for_test (f->detail, NULL,
                                                                 sb_incident_get_reference (self_incident)));
  }
  g_assert_true (sb_incident_detail_complete_dialog_for_test (f->detail, NULL,
                                                              sb_incident_get_reference (original)));
  sb_ui_test_settle_briefly ();
  duplicate = sb_ui_test_incident_stored (f);
  g_assert_cmpint (sb_incident_get_status (duplicate), ==, SB_INCIDENT_DUPLICATE);
  g_assert_cmpstr (sb_incident_get_duplicate_of (duplicate), ==, original_id);
  assert_enabled (f, "note");

  /* Cancel, with a note; Escape (the close response) leaves it alone */
  sb_incident_detail_set_incident_id (f->detail, other_id);
  sb_ui_test_incident_run (f, "cancel");
  gtk_window_close (GTK_WINDOW (sb_incident_detail_get_dialog_for_test (f->detail)));
  sb_ui_test_settle_briefly ();
  g_assert_null (sb_incident_detail_get_dialog_for_test (f->detail));
  cancelled = sb_incidents_get (f->book->store, other_id, &error);
  g_assert_cmpint (sb_incident_get_status (cancelled), ==, SB_INCIDENT_NEW);
  g_clear_object (&cancelled);

  sb_ui_test_incident_run (f, "cancel");
  g_assert_true (sb_incident_detail_complete_dialog_for_test (f->detail, NULL, "Typed twice"));
  sb_ui_test_settle_briefly ();
  cancelled = sb_incidents_get (f->book->store, other_id, &error);
  g_assert_cmpint (sb_incident_get_status (cancelled), ==, SB_INCIDENT_CANCELLED);
}

static void
test_note_composer (Fixture       *f,
                    gconstpointer  data)
{
  GtkTextView *view = sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "note_view");
  GtkCheckButton *visible = sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "visible_check");
  GtkSpinButton *minutes = sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "minutes_spin");
  GtkLabel *problem = sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "note_problem_label");
  g_autoptr(GPtrArray) events = NULL;
  SbIncidentEvent *note = NULL;
  guint rows_before = timeline_rows (f);

  /* N puts the cursor in the composer */
  sb_ui_test_incident_run (f, "note");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));

  /* Nothing written: says so, writes nothing */
  sb_ui_test_incident_run (f, "add-note");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_cmpuint (sb_ui_test_incident_count_events (f, SB_INCIDENT_EVENT_NOTE, NULL), ==, 0);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Called the customer back.\nThey can send mail again.", -1);
  gtk_check_button_set_active (visible, TRUE);
  gtk_spin_button_set_value (minutes, 15);
  sb_ui_test_incident_run (f, "add-note");

  events = sb_incidents_list_timeline (f->book->store, f->incident_id, NULL);
  for (guint i = 0; i < events->len; i++)
    {
      SbIncidentEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (sb_incident_event_get_kind (event), SB_INCIDENT_EVENT_NOTE) == 0)
        note = event;
    }
  g_assert_nonnull (note);
  g_assert_cmpstr (sb_incident_event_get_body (note), ==, "Called the customer back.\nThey can send mail again.");
  g_assert_true (sb_incident_event_get_customer_visible (note));
  g_assert_cmpuint (sb_incident_event_get_minutes (note), ==, 15);
  g_assert_cmpint (sb_incidents_get_time_spent (f->book->store, f->incident_id), ==, 15);

  /* The composer is empty again and the timeline shows the note first */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_false (gtk_check_button_get_active (visible));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (minutes), ==, 0);
  g_assert_cmpuint (timeline_rows (f), ==, rows_before + 1);
  {
    GtkListView *list = sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "timeline_view");
    g_autoptr(SbIncidentEvent) first = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), 0);

    g_assert_cmpstr (sb_incident_event_get_id (first), ==, sb_incident_event_get_id (note));
  }
}

static void
test_edit_and_save (Fixture       *f,
                    gconstpointer  data)
{
  GtkEditable *title = sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "title_row");
  AdwComboRow *priority = sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "priority_row");
  AdwComboRow *impact = sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "impact_row");
  GtkEditable *reason = sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "priority_reason_row");
  g_autoptr(SbIncident) renamed = NULL;
  g_autoptr(SbIncident) raised = NULL;
  g_autoptr(SbIncident) overridden = NULL;

  g_assert_false (sb_ui_test_incident_enabled (f, "save"));

  /* E goes to the fields */
  sb_ui_test_incident_run (f, "edit");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "view_stack")),
                   ==, "details");

  /* An empty title cannot be saved */
  gtk_editable_set_text (title, "   ");
  g_assert_false (sb_ui_test_incident_enabled (f, "save"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (title), "error"));

  gtk_editable_set_text (title, "Mail server down at the Madrid office");
  g_assert_true (sb_ui_test_incident_enabled (f, "save"));
  g_assert_true (sb_ui_test_incident_enabled (f, "revert"));
  sb_ui_test_incident_run (f, "save");
  renamed = sb_ui_test_incident_stored (f);
  g_assert_cmpstr (sb_incident_get_title (renamed), ==, "Mail server down at the Madrid office");
  g_assert_cmpuint (sb_ui_test_incident_count_events (f, SB_INCIDENT_EVENT_FIELD, "title"), ==, 1);
  g_assert_false (sb_ui_test_incident_enabled (f, "save"));
  g_assert_cmpstr (gtk_label_get_label (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "title_label")), ==,
                   "Mail server down at the Madrid office");

  /* Impact high: the matrix derives the priority (2, 2 → 3; 1, 2 → 2) */
  adw_combo_row_set_selected (impact, 0);
  sb_ui_test_incident_run (f, "save");
  raised = sb_ui_test_incident_stored (f);
  g_assert_cmpuint (sb_incident_get_impact (raised), ==, 1);
  g_assert_cmpuint (sb_incident_get_priority (raised), ==, 2);

  /* An override needs a reason before it can be saved */
  adw_combo_row_set_selected (priority, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reason)));
  g_assert_false (sb_ui_test_incident_enabled (f, "save"));
  gtk_editable_set_text (reason, "The whole company is without mail");
  g_assert_true (sb_ui_test_incident_enabled (f, "save"));
  sb_ui_test_incident_run (f, "save");
  overridden = sb_ui_test_incident_stored (f);
  g_assert_cmpuint (sb_incident_get_priority (overridden), ==, 1);
  g_assert_cmpstr (sb_incident_get_priority_reason (overridden), ==, "The whole company is without mail");

  /* Revert brings back what is saved */
  gtk_editable_set_text (title, "Something else");
  sb_ui_test_incident_run (f, "revert");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Mail server down at the Madrid office");
  g_assert_false (sb_ui_test_incident_enabled (f, "save"));
}

static void
test_long_timeline (Fixture       *f,
                    gconstpointer  data)
{
  GtkButton *older = sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "older_button");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;

  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *text = g_strdup_printf ("Note %u", i);

      g_assert_true (sb_incidents_add_note (f->book->store, f->incident_id, text, FALSE, 1,
                                            SB_INCIDENT_NO_TIME, &error));
      g_assert_no_error (error);
    }
  sb_incident_detail_refresh (f->detail);
  sb_ui_test_settle_briefly ();

  /* The newest entries first, the older ones on request */
  events = sb_incidents_list_timeline (f->book->store, f->incident_id, NULL);
  g_assert_cmpuint (events->len, ==, 81);
  g_assert_cmpuint (timeline_rows (f), ==, 50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (older)));
  g_assert_cmpstr (gtk_button_get_label (older), ==, "Show 31 Older Entries");
  g_signal_emit_by_name (older, "clicked");
  g_assert_cmpuint (timeline_rows (f), ==, 81);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (older)));
  g_assert_cmpint (sb_incidents_get_time_spent (f->book->store, f->incident_id), ==, 80);
}

/* New-incident dialog */

static void
on_created_cb (SbIncidentNewDialog *dialog,
               const char          *id,
               char               **out_id)
{
  g_free (*out_id);
  *out_id = g_strdup (id);
}

static void
test_new_incident (Fixture       *f,
                   gconstpointer  data)
{
  SbIncidentNewDialog *dialog = sb_incident_new_dialog_new (f->window, f->book->store);
  g_autofree char *created_id = NULL;
  g_autoptr(SbIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "created", G_CALLBACK (on_created_cb), &created_id);
  gtk_window_present (GTK_WINDOW (dialog));
  sb_ui_test_settle_briefly ();

  /* The title has the focus; nothing to log without one */
  g_assert_true (gtk_widget_is_focus (gtk_window_get_focus (GTK_WINDOW (dialog))));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_NEW_DIALOG, "title_row")));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "new.log", NULL) && created_id != NULL);

  /* The only service is chosen, its priority shown live from the matrix */
  g_assert_cmpuint (adw_combo_row_get_selected (sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_NEW_DIALOG, "service_row")), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_NEW_DIALOG, "priority_label")), ==,
                   "3 Moderate");
  adw_combo_row_set_selected (sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_NEW_DIALOG, "impact_row"), 0);
  adw_combo_row_set_selected (sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_NEW_DIALOG, "urgency_row"), 0);
  g_assert_cmpstr (gtk_label_get_label (sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_NEW_DIALOG, "priority_label")), ==,
                   "1 Critical");

  gtk_editable_set_text (sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_NEW_DIALOG, "title_row"), "Nobody can print");
  gtk_editable_set_text (sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_NEW_DIALOG, "contact_row"), "Ana, +34 600 000 000");
  g_signal_emit_by_name (sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_NEW_DIALOG, "title_row"), "entry-activated");
  sb_ui_test_settle_briefly ();

  g_assert_nonnull (created_id);
  g_assert_null (dialog);   /* closed */
  incident = sb_incidents_get (f->book->store, created_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sb_incident_get_title (incident), ==, "Nobody can print");
  g_assert_cmpuint (sb_incident_get_priority (incident), ==, 1);
  g_assert_null (sb_incident_get_priority_reason (incident));
  g_assert_cmpstr (sb_incident_get_service_id (incident), ==, f->service_id);
  g_assert_cmpstr (sb_incident_get_channel (incident), ==, "phone");
  g_assert_cmpstr (sb_incident_get_contact (incident), ==, "Ana, +34 600 000 000");
  g_assert_nonnull (sb_incident_get_reference (incident));

  last = sb_store_get_setting (f->book->store, "incident-last-service");
  g_assert_cmpstr (last, ==, f->service_id);
}

/* Import dialog */

static void
on_imported_cb (SbIncidentImportDialog *dialog,
                const char             *batch_id,
                guint                   n,
                guint                  *out_n)
{
  g_assert_nonnull (batch_id);
  *out_n = n;
}

static gboolean
at_preview (gpointer data)
{
  GtkStack *stack = sb_ui_test_template_child (data, SB_TYPE_INCIDENT_IMPORT_DIALOG, "stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "preview") == 0;
}

static gboolean
import_done (gpointer data)
{
  return *(guint *) data != G_MAXUINT;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  static const char csv[] =
    "Number,Short description,Priority,State,Opened,Service\r\n"
    "HD-1001,Mail bounces,2 - High,New,2026-01-05 09:00,EMAIL\r\n"
    "HD-1002,VPN drops every hour,3 - Moderate,Closed,2026-01-06 10:30,Remote access\r\n"
    "HD-1003,,4 - Low,New,2026-01-07 11:00,EMAIL\r\n";
  g_autofree char *path = g_build_filename (f->book->dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SbIncidentImportDialog *dialog;
  SbIncidentImport *import;
  AdwPreferencesGroup *columns;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n_rows = 0;
  guint imported = G_MAXUINT;
  g_autoptr(SbIncident) first = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  g_assert_no_error (error);

  dialog = sb_incident_import_dialog_new (f->window, f->book->store, file);
  g_object_ref (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  sb_ui_test_settle_briefly ();

  /* Step 1: one row per column, showing the guessed field */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_IMPORT_DIALOG, "stack")),
                   ==, "columns");
  import = sb_incident_import_dialog_get_import (dialog);
  g_assert_nonnull (import);
  g_assert_cmpuint (sb_incident_import_get_n_columns (import), ==, 6);
  g_assert_cmpint (sb_incident_import_get_mapping (import, 0), ==, SB_INCIDENT_FIELD_REFERENCE);
  g_assert_cmpint (sb_incident_import_get_mapping (import, 1), ==, SB_INCIDENT_FIELD_TITLE);
  columns = sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_IMPORT_DIALOG, "columns_group");
  collect_combo_rows (GTK_WIDGET (columns), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (rows, i)), ==,
                        sb_incident_import_get_mapping (import, i));
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, 6);

  /* Step 2, then the preview: the line without a title is left out */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_IMPORT_DIALOG, "stack")),
                   ==, "values");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  g_assert_true (sb_ui_test_spin_until (at_preview, dialog));
  g_assert_cmpuint (sb_incident_import_get_n_new (import), ==, 2);
  g_assert_cmpuint (sb_incident_import_get_n_problems (import), ==, 1);
  g_assert_null (sb_incidents_find (f->book->store, "HD-1001"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  g_assert_true (sb_ui_test_spin_until (import_done, &imported));
  g_assert_cmpuint (imported, ==, 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  first = sb_incidents_find (f->book->store, "HD-1001");
  g_assert_nonnull (first);
  g_assert_cmpstr (sb_incident_get_title (first), ==, "Mail bounces");
  g_assert_cmpuint (sb_incident_get_priority (first), ==, 2);
  g_assert_cmpstr (sb_incident_get_service_id (first), ==, f->service_id);
  g_assert_nonnull (sb_incidents_find (f->book->store, "HD-1002"));
  g_assert_null (sb_incidents_find (f->book->store, "HD-1003"));
}

static gboolean
import_under_way (gpointer data)
{
  GtkProgressBar *bar = sb_ui_test_template_child (data, SB_TYPE_INCIDENT_IMPORT_DIALOG, "progress_bar");
  double fraction = gtk_progress_bar_get_fraction (bar);

  return gtk_widget_get_visible (GTK_WIDGET (bar)) && fraction > 0.0 && fraction < 1.0;
}

/* A large file goes in slices with a progress bar; closing the dialog
 * half-way leaves the book as it was and ready for other changes. */
static void
test_import_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->book->dir, "large.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) csv = g_string_new ("Number,Short description,State,Opened,Service\r\n");
  g_autoptr(GError) error = NULL;
  SbIncidentImportDialog *dialog;
  GtkLabel *label;
  guint imported = G_MAXUINT;

  for (guint i = 1; i <= 4000; i++)
    g_string_append_printf (csv, "BIG-%u,Printer %u jams,Closed,2026-01-05 09:%02u,EMAIL\r\n",
                            i, i, i % 60);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);

  dialog = sb_incident_import_dialog_new (f->window, f->book->store, file);
  g_object_ref (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  sb_ui_test_settle_briefly ();
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  g_assert_true (sb_ui_test_spin_until (at_preview, dialog));
  g_assert_cmpuint (sb_incident_import_get_n_new (sb_incident_import_dialog_get_import (dialog)), ==,
                    4000);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  g_assert_true (sb_ui_test_spin_until (import_under_way, dialog));
  label = sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_IMPORT_DIALOG, "busy_label");
  {
    /* digits grouped as the locale does, or not at all */
    g_autofree char *progress = g_strdup (gtk_label_get_label (label));
    g_auto(GStrv) parts = g_strsplit_set (progress, ",. \u00a0", -1);
    g_autofree char *joined = g_strjoinv ("", parts);

    g_assert_true (g_str_has_prefix (progress, "Importing "));
    g_assert_nonnull (strstr (joined, "of4000incidents"));
  }

  /* Cancel, as the button in the header bar */
  g_signal_emit_by_name (sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_IMPORT_DIALOG, "cancel_button"), "clicked");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  sb_ui_test_settle_briefly ();
  g_assert_cmpuint (imported, ==, G_MAXUINT);
  g_object_unref (dialog);

  g_assert_null (sb_incidents_find (f->book->store, "BIG-1"));
  g_assert_null (sb_incidents_find (f->book->store, "BIG-4000"));
  g_assert_true (sb_store_set_setting (f->book->store, "after-cancel", "1", &error));
  g_assert_no_error (error);
}

static void
test_import_unreadable (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->book->dir, "missing.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SbIncidentImportDialog *dialog = sb_incident_import_dialog_new (f->window, f->book->store, file);

  gtk_window_present (GTK_WINDOW (dialog));
  sb_ui_test_settle_briefly ();
  g_assert_null (sb_incident_import_dialog_get_import (dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sb_ui_test_template_child (dialog, SB_TYPE_INCIDENT_IMPORT_DIALOG, "stack")),
                   ==, "error");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL) &&
                  sb_incidents_find (f->book->store, "HD-1001") != NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!sb_ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, sb_ui_test_incident_set_up, (func), sb_ui_test_incident_tear_down)

  ADD ("/ui/incident-detail/enabled-by-status", test_enabled_by_status);
  ADD ("/ui/incident-detail/lifecycle", test_lifecycle_through_dialogs);
  ADD ("/ui/incident-detail/cancel-and-duplicate", test_cancel_and_duplicate);
  ADD ("/ui/incident-detail/note", test_note_composer);
  ADD ("/ui/incident-detail/edit-and-save", test_edit_and_save);
  ADD ("/ui/incident-detail/long-timeline", test_long_timeline);
  ADD ("/ui/incident-new/log", test_new_incident);
  ADD ("/ui/incident-import/csv", test_import);
  ADD ("/ui/incident-import/cancel", test_import_cancel);
  ADD ("/ui/incident-import/unreadable", test_import_unreadable);

#undef ADD

  return g_test_run ();
}

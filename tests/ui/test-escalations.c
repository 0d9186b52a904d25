/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "sb-catalog.h"
#include "sb-escalate-dialog.h"
#include "sb-escalations.h"
#include "sb-incident-detail.h"
#include "sb-incidents.h"
#include "sb-store.h"
#include "sb-ui-test-incident.h"
#include "sb-ui-test-utils.h"

/* Escalation of an incident to a supplier from its detail pane, on a
 * real display (Xvfb in CI) over a temporary book: the Escalate dialog,
 * the Supplier group, and the dialogs that record the supplier's
 * response and resolution, driven through their actions and fields the
 * way a person's keys and clicks drive them; every outcome is read back
 * from the book. */

typedef SbUiTestIncident Fixture;

/* Escalation to a supplier */

static char *
insert_row (Fixture    *f,
            const char *table,
            ...)
{
  g_autoptr(SbChange) change = sb_change_insert (table);
  g_autoptr(GError) error = NULL;
  const char *column;
  va_list args;

  va_start (args, table);
  while ((column = va_arg (args, const char *)) != NULL)
    sb_change_set_string (change, column, va_arg (args, const char *));
  va_end (args);

  g_assert_true (sb_store_apply (f->book->store, change, &error));
  g_assert_no_error (error);

  return g_strdup (sb_change_get_id (change));
}

static char *
add_contract (Fixture    *f,
              const char *supplier_id,
              const char *reference)
{
  return insert_row (f, "contract", "supplier_id", supplier_id, "reference", reference,
                     "title", "Internet access", "start_date", "2024-01-01", "initial_months", "12",
                     "renewal", "automatic", "renewal_months", "12", NULL);
}

/* Northline (contract NT-1 underpins the mail service: response 1 h,
 * resolution 8 h, and NT-2), Aardvark (first by name, AH-1, underpins
 * nothing) and an ended supplier. Returns Northline's id. */
static char *
add_suppliers (Fixture  *f,
               char    **out_contract_id)
{
  g_autofree char *northline = insert_row (f, "supplier", "name", "Northline Telecom", "status", "active", NULL);
  g_autofree char *aardvark = insert_row (f, "supplier", "name", "Aardvark Hosting", "status", "active", NULL);
  g_autofree char *gone = insert_row (f, "supplier", "name", "Bygone Ltd", "status", "ended", NULL);
  g_autofree char *ah1 = add_contract (f, aardvark, "AH-1");
  g_autofree char *nt2 = add_contract (f, northline, "NT-2");
  g_autofree char *nt1 = add_contract (f, northline, "NT-1");
  g_autofree char *link = insert_row (f, "contract_service", "contract_id", nt1, "service_id", f->service_id, NULL);

  for (int p = 1; p <= 5; p++)
    {
      g_autofree char *priority = g_strdup_printf ("%d", p);
      g_autofree char *target = insert_row (f, "contract_target", "contract_id", nt1, "priority", priority,
                                            "response_minutes", "60", "resolution_minutes", "480", NULL);
    }

  *out_contract_id = g_steal_pointer (&nt1);

  return g_steal_pointer (&northline);
}

static void
collect_rows (GtkWidget *root,
              GType      type,
              GPtrArray *rows)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (rows, root);

  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    collect_rows (w, type, rows);
}

/* The subtitle of the row titled @title in the Supplier group. */
static const char *
supplier_row_subtitle (Fixture    *f,
                       GType       type,
                       const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "supplier_group"), type, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
        return type == ADW_TYPE_EXPANDER_ROW ? adw_expander_row_get_subtitle (g_ptr_array_index (rows, i))
                                             : adw_action_row_get_subtitle (g_ptr_array_index (rows, i));
    }

  return NULL;
}

static gboolean
timeline_says (Fixture    *f,
               const char *words)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL,
                                                                    "timeline_view")));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SbIncidentEvent) event = g_list_model_get_item (model, i);
      g_autofree char *line = sb_incident_event_describe (event);

      if (g_strcmp0 (line, words) == 0)
        return TRUE;
    }

  return FALSE;
}

/* In a response or resolution dialog: the row titled @text, the button
 * labelled @text, or (a label, @text NULL) the error line under the
 * rows, not one under a row (those are captions). */
static gpointer
find_in (GtkWidget  *root,
         GType       type,
         const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      if (type == GTK_TYPE_LABEL)
        {
          if (gtk_widget_has_css_class (root, "error") && !gtk_widget_has_css_class (root, "caption"))
            return root;
        }
      else if (g_strcmp0 (type == GTK_TYPE_BUTTON ? gtk_button_get_label (GTK_BUTTON (root))
                                                  : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)),
                          text) == 0)
        {
          return root;
        }
    }

  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      gpointer found = find_in (w, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
step_hint (GtkWidget *dialog)
{
  GtkLabel *hint = find_in (dialog, GTK_TYPE_LABEL, NULL);

  g_assert_nonnull (hint);

  return gtk_widget_get_visible (GTK_WIDGET (hint)) ? gtk_label_get_label (hint) : "";
}

/* What is said right under @row (sb_service_editor_set_row_problem()), or NULL. */
static const char *
row_problem (gpointer row)
{
  GtkWidget *line = g_object_get_data (G_OBJECT (row), "sb-problem-row");

  if (line == NULL || !gtk_widget_get_visible (line) || !gtk_widget_has_css_class (row, "error"))
    return NULL;

  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (line))));
}

static void
type_when (GtkWidget *dialog,
           gint64     ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  gtk_editable_set_text (find_in (dialog, ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)"), date);
  gtk_editable_set_text (find_in (dialog, ADW_TYPE_ENTRY_ROW, "Time (HH:MM)"), time);
  sb_ui_test_settle_briefly ();
}

static void
test_escalate (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *contract_id = NULL;
  g_autofree char *supplier_id = add_suppliers (f, &contract_id);
  g_autoptr(GPtrArray) escalations = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *step;
  g_autoptr(SbIncident) held = NULL;
  g_autoptr(GError) error = NULL;
  SbEscalateDialog *dialog;
  SbEscalation *escalation;
  const char *id;

  g_assert_true (sb_incidents_start (f->book->store, f->incident_id, NULL, 0, SB_INCIDENT_NO_TIME, &error));
  g_assert_no_error (error);
  sb_incident_detail_refresh (f->detail);
  g_assert_cmpstr (adw_preferences_group_get_description (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL,
                                                                 "supplier_group")),
                   ==, "Not escalated. Escalate when a supplier has to act (U).");

  /* The supplier and contract come from the service's underpinning
   * contract; the ended supplier is not offered; in progress: hold */
  sb_ui_test_incident_run (f, "escalate");
  dialog = SB_ESCALATE_DIALOG (sb_incident_detail_get_dialog_for_test (f->detail));
  g_assert_cmpstr (sb_escalate_dialog_get_supplier_id (dialog), ==, supplier_id);
  g_assert_cmpstr (sb_escalate_dialog_get_contract_id (dialog), ==, contract_id);
  g_assert_null (sb_escalate_dialog_get_problem (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG,
                                                                    "supplier_names"))), ==, 2);
  g_assert_true (gtk_check_button_get_active (sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG, "hold_check")));

  /* Another supplier: its contracts, none suggested; back again */
  adw_combo_row_set_selected (sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG, "supplier_row"), 0);
  g_assert_null (sb_escalate_dialog_get_contract_id (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG,
                                                                    "contract_names"))), ==, 2);
  adw_combo_row_set_selected (sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG, "supplier_row"), 1);
  g_assert_cmpstr (sb_escalate_dialog_get_contract_id (dialog), ==, contract_id);

  /* A time that cannot be read keeps it from being written */
  gtk_editable_set_text (sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG, "time_row"), "25:00");
  g_assert_false (sb_escalate_dialog_confirm (dialog));
  g_assert_nonnull (strstr (sb_escalate_dialog_get_problem (dialog), "Time:"));
  sb_when_rows_set (sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG, "date_row"),
                    sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG, "time_row"), g_get_real_time () / 1000);
  g_assert_null (sb_escalate_dialog_get_problem (dialog));

  /* Enter in the ticket reference escalates */
  gtk_editable_set_text (sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG, "ref_row"), "NT-48213");
  gtk_editable_set_text (sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG, "note_row"), "Line down at the office");
  g_signal_emit_by_name (sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG, "ref_row"), "entry-activated");
  sb_ui_test_settle_briefly ();
  g_assert_null (sb_incident_detail_get_dialog_for_test (f->detail));

  escalations = sb_escalations_list_for_incident (f->book->store, f->incident_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (escalations->len, ==, 1);
  escalation = g_ptr_array_index (escalations, 0);
  id = sb_escalation_get_id (escalation);
  g_assert_cmpstr (sb_escalation_get_supplier_id (escalation), ==, supplier_id);
  g_assert_cmpstr (sb_escalation_get_contract_id (escalation), ==, contract_id);
  g_assert_cmpstr (sb_escalation_get_supplier_ref (escalation), ==, "NT-48213");
  held = sb_ui_test_incident_stored (f);
  g_assert_cmpint (sb_incident_get_status (held), ==, SB_INCIDENT_ON_HOLD);
  g_assert_cmpstr (sb_incident_get_hold_reason (held), ==, "awaiting-supplier");
  g_assert_cmpuint (sb_ui_test_incident_count_events (f, SB_INCIDENT_EVENT_ESCALATION, "escalated"), ==, 1);
  g_assert_true (timeline_says (f, "Escalated to Northline Telecom NT-48213"));

  /* The Supplier group shows it, waiting for the response */
  g_assert_cmpstr (supplier_row_subtitle (f, ADW_TYPE_EXPANDER_ROW, "Northline Telecom"), ==,
                   "Contract NT-1 · ticket NT-48213");
  g_assert_true (g_str_has_prefix (supplier_row_subtitle (f, ADW_TYPE_ACTION_ROW, "Response"), "Waiting "));
  g_assert_nonnull (strstr (supplier_row_subtitle (f, ADW_TYPE_ACTION_ROW, "Response"), "target 1 h"));

  /* The supplier responds, then resolves, each with a note */
  g_action_group_activate_action (sb_incident_detail_get_actions (f->detail), "supplier-response",
                                  g_variant_new_string (id));
  sb_ui_test_settle_briefly ();
  g_assert_true (ADW_IS_MESSAGE_DIALOG (sb_incident_detail_get_dialog_for_test (f->detail)));
  g_assert_true (sb_incident_detail_complete_dialog_for_test (f->detail, NULL, "Engineer on the way"));
  sb_ui_test_settle_briefly ();
  g_assert_cmpuint (sb_ui_test_incident_count_events (f, SB_INCIDENT_EVENT_ESCALATION, "supplier-response"), ==, 1);
  g_assert_true (g_str_has_prefix (supplier_row_subtitle (f, ADW_TYPE_ACTION_ROW, "Response"),
                                   "Responded in 0 min, target 1 h: met · "));

  g_action_group_activate_action (sb_incident_detail_get_actions (f->detail), "supplier-resolution",
                                  g_variant_new_string (id));
  sb_ui_test_settle_briefly ();
  g_assert_true (sb_incident_detail_complete_dialog_for_test (f->detail, NULL, "Line card replaced"));
  sb_ui_test_settle_briefly ();
  g_assert_cmpuint (sb_ui_test_incident_count_events (f, SB_INCIDENT_EVENT_ESCALATION, "supplier-resolution"), ==, 1);
  g_assert_true (g_str_has_prefix (supplier_row_subtitle (f, ADW_TYPE_ACTION_ROW, "Resolution"),
                                   "Resolved in 0 min, target 8 h: met · "));
  g_assert_true (timeline_says (f, "Supplier responded: Northline Telecom NT-48213"));
  g_assert_true (timeline_says (f, "Supplier resolved: Northline Telecom NT-48213"));

  /* A response cannot be recorded twice: the dialog says so and stays */
  g_action_group_activate_action (sb_incident_detail_get_actions (f->detail), "supplier-response",
                                  g_variant_new_string (id));
  sb_ui_test_settle_briefly ();
  g_assert_false (sb_incident_detail_complete_dialog_for_test (f->detail, NULL, NULL));
  sb_ui_test_settle_briefly ();
  step = sb_incident_detail_get_dialog_for_test (f->detail);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (step));
  g_assert_nonnull (strstr (step_hint (step), "recorded already"));
  g_assert_false (gtk_widget_get_visible (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "action_problem_label")));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (step), "cancel");
  sb_ui_test_settle_briefly ();
  g_assert_null (sb_incident_detail_get_dialog_for_test (f->detail));

  /* The ticket reference is corrected in place; Enter saves it */
  collect_rows (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "supplier_group"), ADW_TYPE_ENTRY_ROW, entries);
  g_assert_cmpuint (entries->len, ==, 1);
  gtk_editable_set_text (g_ptr_array_index (entries, 0), "NT-48214");
  g_signal_emit_by_name (g_ptr_array_index (entries, 0), "entry-activated");
  sb_ui_test_settle_briefly ();
  g_assert_cmpuint (sb_ui_test_incident_count_events (f, SB_INCIDENT_EVENT_ESCALATION, "supplier-ref"), ==, 1);
  g_assert_cmpstr (supplier_row_subtitle (f, ADW_TYPE_EXPANDER_ROW, "Northline Telecom"), ==,
                   "Contract NT-1 · ticket NT-48214");
}

static void
test_escalate_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *contract_id = NULL;
  g_autofree char *supplier_id = add_suppliers (f, &contract_id);
  g_autoptr(GPtrArray) escalations = NULL;
  g_autoptr(GError) error = NULL;
  SbEscalateDialog *dialog;

  /* New: no hold offered by default. The incident is closed elsewhere
   * while the dialog is open: the store's refusal is shown in words and
   * the dialog stays. */
  sb_ui_test_incident_run (f, "escalate");
  dialog = SB_ESCALATE_DIALOG (sb_incident_detail_get_dialog_for_test (f->detail));
  g_assert_false (gtk_check_button_get_active (sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG, "hold_check")));
  g_assert_true (sb_incidents_resolve (f->book->store, f->incident_id, "fixed", NULL, NULL, 0, SB_INCIDENT_NO_TIME, &error));
  g_assert_no_error (error);
  g_assert_true (sb_incidents_close (f->book->store, f->incident_id, NULL, SB_INCIDENT_NO_TIME, &error));
  g_assert_no_error (error);

  g_assert_false (sb_escalate_dialog_confirm (dialog));
  g_assert_nonnull (strstr (sb_escalate_dialog_get_problem (dialog),
                            "a finished incident cannot be escalated any more"));
  g_assert_true (gtk_widget_get_visible (sb_ui_test_template_child (dialog, SB_TYPE_ESCALATE_DIALOG, "problem_label")));
  g_assert_true (sb_incident_detail_get_dialog_for_test (f->detail) == GTK_WIDGET (dialog));
  escalations = sb_escalations_list_for_incident (f->book->store, f->incident_id, &error);
  g_assert_cmpuint (escalations->len, ==, 0);

  /* Escape closes it; the closed incident offers no escalation */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  sb_ui_test_settle_briefly ();
  g_assert_null (sb_incident_detail_get_dialog_for_test (f->detail));
  sb_incident_detail_refresh (f->detail);
  g_assert_false (sb_ui_test_incident_enabled (f, "escalate"));
  g_assert_cmpstr (adw_preferences_group_get_description (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL,
                                                                 "supplier_group")),
                   ==, "It was not escalated to a supplier.");
}

/* A wrong time in the response dialog: said under the row as it is
 * typed, Record insensitive, Enter does nothing, the dialog stays with
 * what was typed; a right time is then recorded. A refusal of the book
 * (recorded elsewhere meanwhile) is said in the dialog, which stays. */
static void
test_step_wrong_time (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *contract_id = NULL;
  g_autofree char *supplier_id = add_suppliers (f, &contract_id);
  g_autofree char *id = NULL;
  g_autoptr(SbIncident) draft = sb_incident_new ();
  g_autoptr(GPtrArray) escalations = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 escalated = (g_get_real_time () / 1000 / 60000 - 120) * 60000;
  gint64 answered = escalated + 30 * 60000;
  GtkWidget *dialog;
  AdwEntryRow *time_row;
  AdwEntryRow *note_row;
  GtkWidget *record;
  gboolean found = FALSE;

  /* An incident opened three hours ago, escalated two hours ago */
  sb_incident_set_title (draft, "Line down");
  sb_incident_set_service_id (draft, f->service_id);
  sb_incident_set_opened_ms (draft, escalated - 60 * 60000);
  g_assert_true (sb_incidents_create (f->book->store, draft, &error));
  g_assert_no_error (error);
  g_free (f->incident_id);
  f->incident_id = g_strdup (sb_incident_get_id (draft));
  sb_incident_detail_set_incident_id (f->detail, f->incident_id);

  g_assert_true (sb_escalations_escalate (f->book->store, f->incident_id, supplier_id, contract_id, "NT-7", escalated,
                                          NULL, &id, &error));
  g_assert_no_error (error);
  sb_incident_detail_refresh (f->detail);
  sb_ui_test_settle_briefly ();

  g_action_group_activate_action (sb_incident_detail_get_actions (f->detail), "supplier-response",
                                  g_variant_new_string (id));
  sb_ui_test_settle_briefly ();
  dialog = sb_incident_detail_get_dialog_for_test (f->detail);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  time_row = find_in (dialog, ADW_TYPE_ENTRY_ROW, "Time (HH:MM)");
  note_row = find_in (dialog, ADW_TYPE_ENTRY_ROW, "Note (optional)");
  record = find_in (dialog, GTK_TYPE_BUTTON, "_Record");
  g_assert_nonnull (time_row);
  g_assert_nonnull (record);
  g_assert_null (row_problem (time_row));
  g_assert_true (gtk_widget_get_sensitive (record));
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Engineer called back");

  /* Unreadable */
  gtk_editable_set_text (GTK_EDITABLE (time_row), "25:00");
  sb_ui_test_settle_briefly ();
  g_assert_true (g_str_has_prefix (row_problem (time_row), "Time: "));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok"));
  g_assert_false (gtk_widget_get_sensitive (record));

  /* Before the supplier was told; Enter in the row leaves it open */
  type_when (dialog, escalated - 60 * 60000);
  g_assert_nonnull (strstr (row_problem (time_row), "they cannot have answered before that"));
  g_assert_false (gtk_widget_get_sensitive (record));
  gtk_widget_activate_default (GTK_WIDGET (time_row));
  sb_ui_test_settle_briefly ();
  g_assert_true (sb_incident_detail_get_dialog_for_test (f->detail) == dialog);
  g_assert_true (gtk_widget_get_visible (dialog));

  /* Still to come */
  type_when (dialog, g_get_real_time () / 1000 + 3 * 3600 * 1000);
  g_assert_nonnull (strstr (row_problem (time_row), "still to come"));
  g_assert_false (gtk_widget_get_sensitive (record));
  g_assert_false (sb_incident_detail_complete_dialog_for_test (f->detail, NULL, NULL));
  g_assert_true (sb_incident_detail_get_dialog_for_test (f->detail) == dialog);
  g_assert_cmpuint (sb_ui_test_incident_count_events (f, SB_INCIDENT_EVENT_ESCALATION, "supplier-response"), ==, 0);
  g_assert_false (gtk_widget_get_visible (sb_ui_test_template_child (f->detail, SB_TYPE_INCIDENT_DETAIL, "action_problem_label")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, "Engineer called back");

  /* Right: half an hour after the escalation, with the note kept */
  type_when (dialog, answered);
  g_assert_null (row_problem (time_row));
  g_assert_true (gtk_widget_get_sensitive (record));
  g_signal_emit_by_name (record, "clicked");
  sb_ui_test_settle_briefly ();
  g_assert_null (sb_incident_detail_get_dialog_for_test (f->detail));
  g_assert_cmpuint (sb_ui_test_incident_count_events (f, SB_INCIDENT_EVENT_ESCALATION, "supplier-response"), ==, 1);
  g_assert_true (timeline_says (f, "Supplier responded: Northline Telecom NT-7"));
  events = sb_incidents_list_timeline (f->book->store, f->incident_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      SbIncidentEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (sb_incident_event_get_field (event), "supplier-response") == 0)
        {
          g_assert_cmpint (sb_incident_event_get_at_ms (event), ==, answered);
          g_assert_cmpstr (sb_incident_event_get_body (event), ==, "Engineer called back");
          found = TRUE;
        }
    }
  g_assert_true (found);
  escalations = sb_escalations_list_for_incident (f->book->store, f->incident_id, &error);
  g_assert_cmpint (sb_escalation_get_responded_ms (g_ptr_array_index (escalations, 0)), ==, answered);

  /* The resolution is recorded elsewhere while its dialog is open: the
   * book's refusal is said in the dialog, which keeps what was typed */
  g_action_group_activate_action (sb_incident_detail_get_actions (f->detail), "supplier-resolution",
                                  g_variant_new_string (id));
  sb_ui_test_settle_briefly ();
  dialog = sb_incident_detail_get_dialog_for_test (f->detail);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  type_when (dialog, answered - 10 * 60000);
  g_assert_nonnull (strstr (row_problem (find_in (dialog, ADW_TYPE_ENTRY_ROW, "Time (HH:MM)")),
                            "cannot have resolved before that"));
  type_when (dialog, answered + 60 * 60000);
  gtk_editable_set_text (find_in (dialog, ADW_TYPE_ENTRY_ROW, "Note (optional)"), "Line card replaced");
  g_assert_true (sb_escalations_record_resolution (f->book->store, id, SB_INCIDENT_NO_TIME, NULL, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (find_in (dialog, GTK_TYPE_BUTTON, "_Record"), "clicked");
  sb_ui_test_settle_briefly ();
  g_assert_true (sb_incident_detail_get_dialog_for_test (f->detail) == dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_nonnull (strstr (step_hint (dialog), "recorded already"));
  g_assert_cmpstr (gtk_editable_get_text (find_in (dialog, ADW_TYPE_ENTRY_ROW, "Note (optional)")), ==,
                   "Line card replaced");

  /* Escape closes it */
  gtk_widget_activate_action (dialog, "window.close", NULL);
  sb_ui_test_settle_briefly ();
  g_assert_null (sb_incident_detail_get_dialog_for_test (f->detail));
}

int
main (int   argc,
      char *argv[])
{
  if (!sb_ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, sb_ui_test_incident_set_up, (func), sb_ui_test_incident_tear_down)

  ADD ("/ui/escalation/escalate", test_escalate);
  ADD ("/ui/escalation/escalate-refused", test_escalate_refused);
  ADD ("/ui/escalation/step-wrong-time", test_step_wrong_time);

#undef ADD

  return g_test_run ();
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-catalog.h"
#include "sb-contracts.h"
#include "sb-escalate-dialog.h"
#include "sb-escalations.h"
#include "sb-incident-detail-private.h"
#include "sb-review-dialog.h"
#include "sb-service-editor.h"
#include "sb-time.h"

/*
 * The incident's escalations to suppliers: the "Supplier" group of the
 * detail pane, the Escalate dialog, and the small dialogs that record the
 * supplier's response and resolution. Response and resolution are
 * counted as the supplier performance is (sb-supplier-performance.c): in
 * business minutes of the contract's calendar from the escalation, against
 * the contract's targets for the escalation's priority.
 */

/* The rows of one escalation, kept so a refresh with the same
 * escalations updates them in place (the person may be typing in one). */
typedef struct
{
  char           *id;
  char           *supplier_ref;
  AdwExpanderRow *expander;
  AdwActionRow   *escalated_row;
  AdwActionRow   *response_row;
  GtkImage       *response_icon;
  GtkWidget      *response_button;
  AdwActionRow   *resolution_row;
  GtkImage       *resolution_icon;
  GtkWidget      *resolution_button;
  AdwEntryRow    *ref_row;
  GtkWidget      *ref_button;
} EscalationRows;

void
sb_incident_detail_free_escalation_rows (gpointer data)
{
  EscalationRows *rows = data;

  g_free (rows->id);
  g_free (rows->supplier_ref);
  g_free (rows);
}

/* What one response or resolution dialog holds; owned by the dialog. */
typedef struct
{
  SbIncidentDetail *detail;        /* not owned: the pane closes its dialog on dispose */
  gboolean          resolution;
  char             *incident_id;
  char             *escalation_id;
  gint64            shown_ms;
  gint64            escalated_ms;
  gint64            responded_ms;    /* SB_INCIDENT_NO_TIME: none yet */
  gboolean          recorded;        /* this step is recorded already */
  AdwEntryRow      *date_row;
  AdwEntryRow      *time_row;
  AdwEntryRow      *note_row;
  GtkLabel         *hint;
} StepData;

static void
step_data_free (StepData *data)
{
  g_free (data->incident_id);
  g_free (data->escalation_id);
  g_free (data);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* "3 Nov 14:30" in the local time zone. */
static char *
format_when (gint64 ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  /* Translators: when a supplier was told or answered, as in "3 Nov 14:30"; codes of g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %H:%M"));
}

static void
set_verdict_style (GtkWidget  *widget,
                   const char *style)
{
  const char *classes[] = { "success", "warning", "error", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

/*
 * One step (response or resolution) in words, with an icon and its
 * colour: "Responded in 45 min, target 1 h: met · 3 Nov 15:15",
 * "Waiting 20 min so far, target 1 h", "Resolved in 3 h, no target in
 * the contract · 3 Nov 17:30".
 */
static void
describe_step (SbIncidentDetail *self,
               SbEscalation     *escalation,
               SbCalendar       *calendar,
               guint             target,
               gboolean          resolution,
               AdwActionRow     *row,
               GtkImage         *icon)
{
  gint64 start = sb_escalation_get_escalated_ms (escalation);
  gint64 done = resolution ? sb_escalation_get_resolved_ms (escalation)
                           : sb_escalation_get_responded_ms (escalation);
  gint64 end = done != SB_INCIDENT_NO_TIME ? done : sb_incident_detail_now (self);
  gint64 minutes = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *took = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *text = NULL;
  const char *icon_name;
  const char *style;

  if (!sb_calendar_business_minutes_between (calendar, start, MAX (start, end), &minutes, &error))
    {
      adw_action_row_set_subtitle (row, error->message);
      gtk_image_set_from_icon_name (icon, "dialog-warning-symbolic");
      set_verdict_style (GTK_WIDGET (icon), "warning");
      return;
    }

  took = sb_duration_format (minutes);
  if (target > 0)
    target_text = sb_duration_format (target);

  if (done != SB_INCIDENT_NO_TIME)
    {
      g_autofree char *when = format_when (done);
      g_autofree char *line = NULL;

      if (target == 0)
        line = resolution
                 /* Translators: as in "Resolved in 3 h, no target in the contract" */
                 ? g_strdup_printf (_("Resolved in %s, no target in the contract"), took)
                 /* Translators: as in "Responded in 45 min, no target in the contract" */
                 : g_strdup_printf (_("Responded in %s, no target in the contract"), took);
      else if (minutes <= target)
        line = resolution
                 /* Translators: as in "Resolved in 3 h, target 8 h: met" */
                 ? g_strdup_printf (_("Resolved in %s, target %s: met"), took, target_text)
                 /* Translators: as in "Responded in 45 min, target 1 h: met" */
                 : g_strdup_printf (_("Responded in %s, target %s: met"), took, target_text);
      else
        line = resolution
                 /* Translators: as in "Resolved in 9 h, target 8 h: missed" */
                 ? g_strdup_printf (_("Resolved in %s, target %s: missed"), took, target_text)
                 /* Translators: as in "Responded in 2 h, target 1 h: missed" */
                 : g_strdup_printf (_("Responded in %s, target %s: missed"), took, target_text);

      /* Translators: a supplier's step and when it happened, as in "Responded in 45 min, target 1 h: met · 3 Nov 15:15" */
      text = g_strdup_printf (_("%s · %s"), line, when);
      icon_name = target == 0 ? "emblem-ok-symbolic" : minutes <= target ? "emblem-ok-symbolic" : "dialog-error-symbolic";
      style = target == 0 ? "dim-label" : minutes <= target ? "success" : "error";
    }
  else if (target == 0)
    {
      /* Translators: the supplier has not answered yet, as in "Waiting 20 min so far" */
      text = g_strdup_printf (_("Waiting %s so far"), took);
      icon_name = "alarm-symbolic";
      style = "dim-label";
    }
  else if (minutes <= target)
    {
      /* Translators: as in "Waiting 20 min so far, target 1 h" */
      text = g_strdup_printf (_("Waiting %s so far, target %s"), took, target_text);
      icon_name = "alarm-symbolic";
      style = NULL;
    }
  else
    {
      /* Translators: as in "Waiting 2 h so far, target 1 h: missed" */
      text = g_strdup_printf (_("Waiting %s so far, target %s: missed"), took, target_text);
      icon_name = "dialog-error-symbolic";
      style = "error";
    }

  adw_action_row_set_subtitle (row, text);
  gtk_image_set_from_icon_name (icon, icon_name);
  set_verdict_style (GTK_WIDGET (icon), style);
  gtk_widget_set_tooltip_text (GTK_WIDGET (icon), text);
}

/* Building the rows */

static void
on_ref_changed_cb (AdwEntryRow    *row,
                   EscalationRows *rows)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  gtk_widget_set_visible (rows->ref_button, g_strcmp0 (text, or_empty (rows->supplier_ref)) != 0);
}

static void
apply_ref (SbIncidentDetail *self,
           EscalationRows   *rows)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->ref_row))));
  g_autofree char *id = g_strdup (rows->id);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (text, or_empty (rows->supplier_ref)) == 0)
    return;

  if (!sb_escalations_set_supplier_ref (self->store, id, *text != '\0' ? text : NULL, &error))
    {
      sb_incident_detail_show_action_problem (self, error->message);
      return;
    }

  sb_incident_detail_after_write (self);
}

static void
on_ref_apply_cb (GtkWidget *widget,
                 gpointer   user_data)
{
  SbIncidentDetail *self = SB_INCIDENT_DETAIL (gtk_widget_get_ancestor (widget, SB_TYPE_INCIDENT_DETAIL));

  if (self != NULL)
    apply_ref (self, user_data);
}

static GtkWidget *
step_button (const char *label,
             const char *action,
             const char *escalation_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", escalation_id);

  return button;
}

static AdwActionRow *
add_step_row (AdwExpanderRow *expander,
              const char     *title,
              GtkImage      **icon,
              GtkWidget      *button)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  if (button != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_expander_row_add_row (expander, row);
  *icon = GTK_IMAGE (image);

  return ADW_ACTION_ROW (row);
}

static EscalationRows *
build_rows (SbIncidentDetail *self,
            SbEscalation     *escalation)
{
  EscalationRows *rows = g_new0 (EscalationRows, 1);
  const char *id = sb_escalation_get_id (escalation);
  GtkWidget *image;

  rows->id = g_strdup (id);
  rows->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->expander), FALSE);
  adw_expander_row_set_expanded (rows->expander, sb_escalation_get_resolved_ms (escalation) == SB_INCIDENT_NO_TIME);
  adw_expander_row_add_prefix (rows->expander, gtk_image_new_from_icon_name ("send-to-symbolic"));

  rows->escalated_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->escalated_row), _("Escalated"));
  adw_action_row_set_subtitle_lines (rows->escalated_row, 0);
  image = gtk_image_new_from_icon_name ("send-to-symbolic");
  gtk_widget_add_css_class (image, "dim-label");
  adw_action_row_add_prefix (rows->escalated_row, image);
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->escalated_row));

  rows->response_button = step_button (_("Supplier _Responded…"), "incident.supplier-response", id);
  gtk_widget_set_tooltip_text (rows->response_button, _("Record when the supplier answered"));
  rows->response_row = add_step_row (rows->expander, _("Response"), &rows->response_icon, rows->response_button);

  rows->resolution_button = step_button (_("Supplier Re_solved…"), "incident.supplier-resolution", id);
  gtk_widget_set_tooltip_text (rows->resolution_button, _("Record when the supplier resolved their part"));
  rows->resolution_row = add_step_row (rows->expander, _("Resolution"), &rows->resolution_icon,
                                       rows->resolution_button);

  rows->ref_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->ref_row), _("Supplier’s ticket reference"));
  rows->ref_button = gtk_button_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_valign (rows->ref_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (rows->ref_button, _("Save the ticket reference (Enter)"));
  gtk_widget_add_css_class (rows->ref_button, "suggested-action");
  gtk_widget_add_css_class (rows->ref_button, "circular");
  gtk_widget_set_visible (rows->ref_button, FALSE);
  adw_entry_row_add_suffix (rows->ref_row, rows->ref_button);
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->ref_row));
  g_signal_connect (rows->ref_row, "changed", G_CALLBACK (on_ref_changed_cb), rows);
  g_signal_connect (rows->ref_row, "entry-activated", G_CALLBACK (on_ref_apply_cb), rows);
  g_signal_connect (rows->ref_button, "clicked", G_CALLBACK (on_ref_apply_cb), rows);

  adw_preferences_group_add (self->supplier_group, GTK_WIDGET (rows->expander));

  return rows;
}

static void
update_rows (SbIncidentDetail *self,
             EscalationRows   *rows,
             SbEscalation     *escalation,
             gboolean          final)
{
  const char *contract_id = sb_escalation_get_contract_id (escalation);
  const char *contract_ref = sb_escalation_get_contract_reference (escalation);
  const char *ticket = sb_escalation_get_supplier_ref (escalation);
  guint priority = sb_escalation_get_priority (escalation);
  g_autoptr(SbContract) contract = NULL;
  g_autoptr(SbCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *contract_text = NULL;
  g_autofree char *ticket_text = NULL;
  g_autofree char *when = format_when (sb_escalation_get_escalated_ms (escalation));
  g_autofree char *escalated_text = NULL;
  gboolean responded = sb_escalation_get_responded_ms (escalation) != SB_INCIDENT_NO_TIME;
  gboolean resolved = sb_escalation_get_resolved_ms (escalation) != SB_INCIDENT_NO_TIME;
  GtkRoot *root;
  GtkWidget *focus;

  if (contract_id != NULL)
    contract = sb_contracts_get (self->store, contract_id, NULL);
  calendar = sb_catalog_get_calendar (self->store, contract != NULL ? sb_contract_get_calendar_id (contract) : NULL,
                                      &error);
  if (calendar == NULL)
    calendar = sb_calendar_new_24x7 ();

  if (contract_ref != NULL)
    /* Translators: the contract an escalation was raised under, as in "Contract NT-2024-01" */
    contract_text = g_strdup_printf (_("Contract %s"), contract_ref);
  else
    contract_text = g_strdup (_("No contract"));
  if (ticket != NULL)
    /* Translators: the supplier's own ticket reference, as in "ticket NT-48213" */
    ticket_text = g_strdup_printf (_("ticket %s"), ticket);
  else
    ticket_text = g_strdup (_("no ticket reference yet"));
  /* Translators: under the supplier's name, as in "Contract NT-2024-01 · ticket NT-48213" */
  subtitle = g_strdup_printf (_("%s · %s"), contract_text, ticket_text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->expander), sb_escalation_get_supplier_name (escalation));
  adw_expander_row_set_subtitle (rows->expander, subtitle);

  if (priority >= 1 && priority <= 5)
    /* Translators: when it was escalated and at what priority, as in "3 Nov 14:30 · priority 2 High" */
    escalated_text = g_strdup_printf (_("%s · priority %u %s"), when, priority, sb_priority_get_name (priority));
  else
    escalated_text = g_strdup (when);
  if (contract != NULL && sb_contract_get_calendar_id (contract) != NULL)
    {
      g_autofree char *plain = g_steal_pointer (&escalated_text);

      /* Translators: the times below count only the contract's support hours, as in
       * "3 Nov 14:30 · priority 2 High · times in the contract’s support hours" */
      escalated_text = g_strdup_printf (_("%s · times in the contract’s support hours"), plain);
    }
  adw_action_row_set_subtitle (rows->escalated_row, escalated_text);

  describe_step (self, escalation, calendar,
                 contract != NULL ? sb_contract_get_response_target (contract, priority) : 0,
                 FALSE, rows->response_row, rows->response_icon);
  describe_step (self, escalation, calendar,
                 contract != NULL ? sb_contract_get_resolution_target (contract, priority) : 0,
                 TRUE, rows->resolution_row, rows->resolution_icon);
  if (error != NULL)
    adw_action_row_set_subtitle (rows->escalated_row, error->message);

  /* What the supplier has still to do; a resolution without a response
   * records both. Finished incidents keep their history as it is. */
  gtk_widget_set_visible (rows->response_button, !final && !responded && !resolved);
  gtk_widget_set_visible (rows->resolution_button, !final && !resolved);

  /* Keep what the person is typing in the ticket reference. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (g_strcmp0 (rows->supplier_ref, ticket) != 0 || focus == NULL ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (rows->ref_row)))
    {
      g_free (rows->supplier_ref);
      rows->supplier_ref = g_strdup (ticket);
      gtk_editable_set_text (GTK_EDITABLE (rows->ref_row), or_empty (ticket));
    }
  gtk_editable_set_editable (GTK_EDITABLE (rows->ref_row), !final);
  on_ref_changed_cb (rows->ref_row, rows);
}

/**
 * sb_incident_detail_show_suppliers:
 * @self: a detail pane showing an incident
 *
 * Lists the incident's escalations in the Supplier group, updating the
 * rows in place when they are the same escalations as before.
 */
void
sb_incident_detail_show_suppliers (SbIncidentDetail *self)
{
  g_autoptr(GPtrArray) escalations = NULL;
  g_autoptr(GError) error = NULL;
  gboolean same;
  gboolean final;

  if (self->incident == NULL)
    return;

  final = sb_incident_status_is_final (sb_incident_get_status (self->incident));
  escalations = sb_escalations_list_for_incident (self->store, self->incident_id, &error);
  if (escalations == NULL)
    {
      adw_preferences_group_set_description (self->supplier_group, error->message);
      return;
    }

  same = escalations->len == self->escalation_rows->len;
  for (guint i = 0; same && i < escalations->len; i++)
    {
      EscalationRows *rows = g_ptr_array_index (self->escalation_rows, i);

      same = g_strcmp0 (rows->id, sb_escalation_get_id (g_ptr_array_index (escalations, i))) == 0;
    }

  if (!same)
    {
      for (guint i = 0; i < self->escalation_rows->len; i++)
        {
          EscalationRows *rows = g_ptr_array_index (self->escalation_rows, i);

          adw_preferences_group_remove (self->supplier_group, GTK_WIDGET (rows->expander));
        }
      g_ptr_array_set_size (self->escalation_rows, 0);
      for (guint i = 0; i < escalations->len; i++)
        g_ptr_array_add (self->escalation_rows, build_rows (self, g_ptr_array_index (escalations, i)));
    }

  for (guint i = 0; i < escalations->len; i++)
    update_rows (self, g_ptr_array_index (self->escalation_rows, i), g_ptr_array_index (escalations, i), final);

  if (escalations->len == 0)
    adw_preferences_group_set_description (self->supplier_group,
                                           final ? _("It was not escalated to a supplier.")
                                                 : _("Not escalated. Escalate when a supplier has to act (U)."));
  else
    adw_preferences_group_set_description (self->supplier_group, NULL);
}

/* Only what concerns escalations; the pane refreshes itself after its
 * own writes and on the page's clock. */
void
sb_incident_detail_on_store_changed (SbIncidentDetail *self,
                                     const char       *table)
{
  if (self->incident == NULL)
    return;

  if (g_strcmp0 (table, "incident_escalation") == 0 || g_strcmp0 (table, "supplier") == 0 ||
      g_strcmp0 (table, "contract") == 0 || g_strcmp0 (table, "contract_target") == 0)
    sb_incident_detail_show_suppliers (self);
}

/* The Escalate dialog */

static void
on_escalated_cb (SbEscalateDialog *dialog,
                 const char       *id,
                 const char       *hold_problem,
                 SbIncidentDetail *self)
{
  if (g_strcmp0 (sb_escalate_dialog_get_incident_id (dialog), self->incident_id) != 0)
    return;

  sb_incident_detail_after_write (self);
  if (hold_problem != NULL)
    sb_incident_detail_show_action_problem (self, hold_problem);
}

static void
on_escalate_destroyed_cb (SbIncidentDetail *self,
                          GtkWidget        *dialog)
{
  if (self->escalate_dialog == (SbEscalateDialog *) dialog)
    {
      self->escalate_dialog = NULL;
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }
}

void
sb_incident_detail_open_escalate (SbIncidentDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->incident == NULL)
    return;

  sb_incident_detail_close_dialog (self);
  self->escalate_dialog = sb_escalate_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  self->store, self->incident, self->now_ms);
  g_signal_connect_object (self->escalate_dialog, "escalated", G_CALLBACK (on_escalated_cb), self, 0);
  g_signal_connect_object (self->escalate_dialog, "destroy", G_CALLBACK (on_escalate_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->escalate_dialog));
}

void
sb_incident_detail_close_escalate (SbIncidentDetail *self)
{
  SbEscalateDialog *dialog = g_steal_pointer (&self->escalate_dialog);

  if (dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

/* The response and resolution dialogs */

/*
 * Why the instant typed cannot be recorded, or NULL; @at is moved to the
 * escalation (or the response) when it falls in the same minute, as the
 * rows only show minutes.
 */
static char *
step_time_problem (StepData *data,
                   gint64   *at)
{
  gint64 now = sb_incident_detail_now (data->detail);

  if (*at / 60000 > now / 60000)
    return g_strdup (_("That time is still to come: record it once it has happened."));

  if (*at / 60000 < data->escalated_ms / 60000)
    {
      g_autofree char *when = format_when (data->escalated_ms);

      return data->resolution
               /* Translators: %s is when the supplier was told, as in "3 Nov 14:30" */
               ? g_strdup_printf (_("The supplier was told on %s: they cannot have resolved before that."), when)
               /* Translators: %s is when the supplier was told, as in "3 Nov 14:30" */
               : g_strdup_printf (_("The supplier was told on %s: they cannot have answered before that."), when);
    }
  *at = MAX (*at, data->escalated_ms);

  if (data->resolution && data->responded_ms != SB_INCIDENT_NO_TIME)
    {
      if (*at / 60000 < data->responded_ms / 60000)
        {
          g_autofree char *when = format_when (data->responded_ms);

          /* Translators: %s is when the supplier answered, as in "3 Nov 15:15" */
          return g_strdup_printf (_("The supplier answered on %s: they cannot have resolved before that."), when);
        }
      *at = MAX (*at, data->responded_ms);
    }

  return NULL;
}

static void
show_step_problem (StepData   *data,
                   const char *message)
{
  gtk_label_set_label (data->hint, or_empty (message));
  gtk_widget_set_visible (GTK_WIDGET (data->hint), message != NULL);
}

/* Checks what is typed, as it is typed: the reason under the row, the
 * Record button insensitive while it is wrong. */
static gboolean
read_step_when (StepData *data,
                gint64   *out_ms)
{
  g_autofree char *problem = NULL;
  g_autofree char *range_problem = NULL;
  gint64 now = sb_incident_detail_now (data->detail);
  gint64 typed = 0;
  gint64 at = 0;
  gboolean as_shown = FALSE;
  gboolean ok = sb_when_rows_get (data->date_row, data->time_row, &typed, &problem);

  /* A parse problem is said under its row by sb_when_rows_get() */
  if (ok)
    {
      /* Left as shown: now, to the millisecond. */
      as_shown = typed / 60000 == data->shown_ms / 60000;
      at = as_shown ? now : typed;
      range_problem = step_time_problem (data, &at);
      sb_service_editor_set_row_problem (GTK_WIDGET (data->time_row), range_problem);
      ok = range_problem == NULL;
    }

  if (data->recorded)
    {
      show_step_problem (data, data->resolution ? _("The supplier’s resolution is recorded already.")
                                                : _("The supplier’s response is recorded already."));
      ok = FALSE;
    }
  else
    {
      show_step_problem (data, NULL);
    }

  if (data->detail->dialog != NULL)
    adw_message_dialog_set_response_enabled (data->detail->dialog, "ok", ok);

  if (ok && out_ms != NULL)
    *out_ms = as_shown && at == now ? data->detail->now_ms : at;

  return ok;
}

static void
on_step_when_changed_cb (GtkEditable *editable,
                         StepData    *data)
{
  read_step_when (data, NULL);
}

/* Writes the step; a refusal is said in the dialog, which stays. */
static gboolean
apply_step (StepData *data)
{
  SbIncidentDetail *self = data->detail;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->note_row))));
  gint64 at = SB_INCIDENT_NO_TIME;
  gboolean ok;

  if (!read_step_when (data, &at))
    return FALSE;

  if (data->resolution)
    ok = sb_escalations_record_resolution (self->store, data->escalation_id, at, *note != '\0' ? note : NULL, &error);
  else
    ok = sb_escalations_record_response (self->store, data->escalation_id, at, *note != '\0' ? note : NULL, &error);

  if (!ok)
    {
      show_step_problem (data, error->message);
      return FALSE;
    }

  sb_incident_detail_after_write (self);

  return TRUE;
}

static void
on_step_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     StepData         *data)
{
  SbIncidentDetail *self = data->detail;

  if (g_strcmp0 (response, "ok") == 0 && g_strcmp0 (data->incident_id, self->incident_id) == 0 &&
      !apply_step (data))
    {
      gtk_widget_error_bell (GTK_WIDGET (dialog));
      return;
    }

  if (self->dialog == dialog)
    self->dialog = NULL;
  g_signal_handlers_disconnect_by_data (dialog, data);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* A message dialog closes itself on any answer; this one closes only
 * once the answer is taken (on_step_response_cb()), so that a time the
 * book refuses can be corrected without typing it again. */
static gboolean
on_step_close_request_cb (GtkWindow *dialog,
                          StepData  *data)
{
  return TRUE;
}

static AdwEntryRow *
add_entry (GtkListBox *list,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (list, row);

  return ADW_ENTRY_ROW (row);
}

static void
open_step_dialog (SbIncidentDetail *self,
                  const char       *escalation_id,
                  gboolean          resolution)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GPtrArray) escalations = NULL;
  SbEscalation *escalation = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  StepData *data;

  if (self->incident == NULL || escalation_id == NULL)
    return;

  escalations = sb_escalations_list_for_incident (self->store, self->incident_id, NULL);
  for (guint i = 0; escalations != NULL && i < escalations->len; i++)
    {
      if (g_strcmp0 (sb_escalation_get_id (g_ptr_array_index (escalations, i)), escalation_id) == 0)
        escalation = g_ptr_array_index (escalations, i);
    }
  if (escalation == NULL)
    return;

  sb_incident_detail_close_dialog (self);

  data = g_new0 (StepData, 1);
  data->detail = self;
  data->resolution = resolution;
  data->incident_id = g_strdup (self->incident_id);
  data->escalation_id = g_strdup (escalation_id);
  data->shown_ms = sb_incident_detail_now (self);
  data->escalated_ms = sb_escalation_get_escalated_ms (escalation);
  data->responded_ms = sb_escalation_get_responded_ms (escalation);
  data->recorded = resolution ? sb_escalation_get_resolved_ms (escalation) != SB_INCIDENT_NO_TIME
                              : data->responded_ms != SB_INCIDENT_NO_TIME;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);
  data->date_row = add_entry (GTK_LIST_BOX (list), _("Date (YYYY-MM-DD)"));
  data->time_row = add_entry (GTK_LIST_BOX (list), _("Time (HH:MM)"));
  data->note_row = add_entry (GTK_LIST_BOX (list), _("Note (optional)"));
  data->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (data->hint, TRUE);
  gtk_label_set_xalign (data->hint, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (data->hint), "error");
  gtk_widget_set_visible (GTK_WIDGET (data->hint), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->hint));
  sb_when_rows_set (data->date_row, data->time_row, data->shown_ms);

  /* Translators: the escalation a dialog is about, then what it asks,
   * as in "Northline Telecom · ticket NT-48213\n\nWhen did…" */
  body = g_strdup_printf (_("%s · %s\n\n%s"), sb_escalation_get_supplier_name (escalation),
                          sb_escalation_get_supplier_ref (escalation) != NULL
                            ? sb_escalation_get_supplier_ref (escalation) : _("no ticket reference"),
                          resolution
                            ? _("When did the supplier resolve their part? Without a recorded response, "
                                "the response is taken to be at the same time.")
                            : _("When did the supplier first answer?"));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   resolution ? _("Supplier Resolved") : _("Supplier Responded"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Back"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_Record"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sb-dialog-data", data, (GDestroyNotify) step_data_free);
  g_object_set_data (G_OBJECT (dialog), "sb-supplier-step", data);
  g_signal_connect (dialog, "response", G_CALLBACK (on_step_response_cb), data);
  g_signal_connect_after (dialog, "close-request", G_CALLBACK (on_step_close_request_cb), data);
  g_signal_connect (data->date_row, "changed", G_CALLBACK (on_step_when_changed_cb), data);
  g_signal_connect (data->time_row, "changed", G_CALLBACK (on_step_when_changed_cb), data);

  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  read_step_when (data, NULL);
  sb_date_row_add_picker (data->date_row);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->note_row));
}

void
sb_incident_detail_supplier_step (SbIncidentDetail *self,
                                  const char       *escalation_id,
                                  gboolean          resolution)
{
  open_step_dialog (self, escalation_id, resolution);
}

/* For tests (sb_incident_detail_complete_dialog_for_test()): @when is
 * "YYYY-MM-DD HH:MM" or NULL to keep now; @note the note. */
gboolean
sb_incident_detail_complete_step_for_test (SbIncidentDetail *self,
                                           const char       *when,
                                           const char       *note)
{
  StepData *data;

  if (self->dialog == NULL ||
      (data = g_object_get_data (G_OBJECT (self->dialog), "sb-supplier-step")) == NULL)
    return FALSE;

  if (when != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (when, " ", 2);

      gtk_editable_set_text (GTK_EDITABLE (data->date_row), parts[0]);
      gtk_editable_set_text (GTK_EDITABLE (data->time_row), parts[1] != NULL ? parts[1] : "");
    }
  if (note != NULL)
    gtk_editable_set_text (GTK_EDITABLE (data->note_row), note);

  return TRUE;
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-contracts.h"
#include "sb-escalate-dialog.h"
#include "sb-escalations.h"
#include "sb-incidents.h"
#include "sb-review-dialog.h"
#include "sb-service-editor.h"
#include "sb-service.h"
#include "sb-suppliers.h"
#include "sb-time.h"

/*
 * Escalation of one incident to a supplier. The contracts underpinning
 * the incident's service choose the supplier and contract shown first;
 * the time is now unless the person changes it (then it is read from
 * the rows, to the minute). Putting the incident on hold goes through
 * the incident's own lifecycle call after the escalation is written: the
 * escalation stands even if the hold is refused, and the refusal travels
 * with the "escalated" signal.
 */

struct _SbEscalateDialog
{
  AdwWindow            parent_instance;

  SbStore             *store;
  SbIncident          *incident;
  gint64               now_ms;         /* SB_INCIDENT_NO_TIME: real time */
  gint64               shown_ms;       /* the instant the rows were filled with */
  GPtrArray           *supplier_ids;
  GPtrArray           *contract_ids;   /* [0] NULL: no contract */
  GPtrArray           *suggested;      /* of SbContract */
  char                *problem;

  /* Template widgets */
  GtkLabel            *incident_label;
  GtkLabel            *problem_label;
  GtkWidget           *confirm_button;
  AdwPreferencesGroup *supplier_group;
  AdwComboRow         *supplier_row;
  GtkStringList       *supplier_names;
  AdwComboRow         *contract_row;
  GtkStringList       *contract_names;
  AdwEntryRow         *ref_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *time_row;
  AdwEntryRow         *note_row;
  GtkWidget           *hold_row;
  GtkCheckButton      *hold_check;
};

enum
{
  ESCALATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbEscalateDialog, sb_escalate_dialog, ADW_TYPE_WINDOW)

/* The date and time rows */

static gboolean
parse_clock (const char *text,
             int        *hour,
             int        *minute)
{
  g_auto(GStrv) parts = NULL;
  guint64 h, m;

  parts = g_strsplit_set (text, ":.", -1);
  if (g_strv_length (parts) != 2 || *parts[0] == '\0' || strlen (parts[1]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &h, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL))
    return FALSE;

  *hour = (int) h;
  *minute = (int) m;

  return TRUE;
}

/**
 * sb_when_rows_set:
 * @date_row: the date row
 * @time_row: the time row
 * @ms: an instant, UTC milliseconds
 *
 * Shows @ms in the local time zone, to the minute.
 */
void
sb_when_rows_set (AdwEntryRow *date_row,
                  AdwEntryRow *time_row,
                  gint64       ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  gtk_editable_set_text (GTK_EDITABLE (date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (time_row), time);
}

/**
 * sb_when_rows_get:
 * @date_row: the date row
 * @time_row: the time row
 * @out_ms: (out): the instant typed, UTC milliseconds
 * @problem: (out) (transfer full): the reason when it cannot be read
 *
 * Reads the local date and time typed; a problem is also shown under
 * the row it concerns.
 *
 * Returns: %TRUE when both could be read
 */
gboolean
sb_when_rows_get (AdwEntryRow  *date_row,
                  AdwEntryRow  *time_row,
                  gint64       *out_ms,
                  char        **problem)
{
  g_autofree char *date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (date_row))));
  g_autofree char *time_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (time_row))));
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;
  int hour = 0;
  int minute = 0;

  *problem = NULL;
  if (!sb_date_parse (date_text, &date, &error))
    /* Translators: the date typed cannot be read; %s says why */
    *problem = g_strdup_printf (_("Date: %s"), error->message);
  sb_service_editor_set_row_problem (GTK_WIDGET (date_row), *problem);
  if (*problem != NULL)
    return FALSE;

  if (!parse_clock (time_text, &hour, &minute))
    *problem = g_strdup (_("Time: type hours and minutes on the 24-hour clock, such as 14:30."));
  sb_service_editor_set_row_problem (GTK_WIDGET (time_row), *problem);
  if (*problem != NULL)
    return FALSE;

  local = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), hour, minute, 0);
  if (local == NULL)
    {
      *problem = g_strdup (_("That time does not exist here: choose another."));
      sb_service_editor_set_row_problem (GTK_WIDGET (time_row), *problem);
      return FALSE;
    }

  *out_ms = g_date_time_to_unix (local) * 1000;

  return TRUE;
}

/* Helpers */

static void
set_problem (SbEscalateDialog *self,
             const char       *message)
{
  if (g_strcmp0 (self->problem, message) != 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (message);
    }
  gtk_label_set_label (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static gint64
now (SbEscalateDialog *self)
{
  return self->now_ms != SB_INCIDENT_NO_TIME ? self->now_ms : sb_time_now_ms ();
}

static gboolean
is_suggested (SbEscalateDialog *self,
              const char       *contract_id)
{
  for (guint i = 0; i < self->suggested->len; i++)
    {
      if (g_strcmp0 (sb_contract_get_id (g_ptr_array_index (self->suggested, i)), contract_id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The supplier's contracts; the first suggested one chosen. */
static void
fill_contracts (SbEscalateDialog *self)
{
  const char *supplier_id = sb_escalate_dialog_get_supplier_id (self);
  g_autoptr(GListModel) contracts = NULL;
  g_autoptr(GError) error = NULL;
  guint chosen = 0;
  guint n;

  g_ptr_array_set_size (self->contract_ids, 0);
  gtk_string_list_splice (self->contract_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->contract_names)), NULL);
  g_ptr_array_add (self->contract_ids, NULL);
  gtk_string_list_append (self->contract_names, _("No contract"));

  if (supplier_id != NULL && (contracts = sb_contracts_list (self->store, supplier_id, &error)) == NULL)
    set_problem (self, error->message);

  n = contracts != NULL ? g_list_model_get_n_items (contracts) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (contracts, i);
      const char *title = sb_contract_get_title (contract);
      g_autofree char *label = NULL;

      if (title != NULL && *title != '\0')
        /* Translators: a contract in a list, reference and title, as in "NT-2024-01 · Internet access" */
        label = g_strdup_printf (_("%s · %s"), sb_contract_get_reference (contract), title);
      else
        label = g_strdup (sb_contract_get_reference (contract));

      if (is_suggested (self, sb_contract_get_id (contract)))
        {
          g_autofree char *plain = g_steal_pointer (&label);

          /* Translators: a contract that underpins the incident's service, as in "NT-2024-01 · Internet access (suggested)" */
          label = g_strdup_printf (_("%s (suggested)"), plain);
          if (chosen == 0)
            chosen = self->contract_ids->len;
        }

      g_ptr_array_add (self->contract_ids, g_strdup (sb_contract_get_id (contract)));
      gtk_string_list_append (self->contract_names, label);
    }

  adw_combo_row_set_selected (self->contract_row, chosen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->contract_row), n > 0);
}

static void
fill_suppliers (SbEscalateDialog *self)
{
  g_autoptr(GListModel) suppliers = NULL;
  g_autoptr(GError) error = NULL;
  const char *suggested_supplier = NULL;
  guint chosen = 0;
  guint n;

  if (self->suggested->len > 0)
    suggested_supplier = sb_contract_get_supplier_id (g_ptr_array_index (self->suggested, 0));

  suppliers = sb_suppliers_list (self->store, &error);
  if (suppliers == NULL)
    {
      set_problem (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (suppliers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (suppliers, i);

      /* The store refuses a supplier the relationship with has ended. */
      if (g_strcmp0 (sb_supplier_get_status (supplier), "ended") == 0)
        continue;

      if (g_strcmp0 (sb_supplier_get_id (supplier), suggested_supplier) == 0)
        chosen = self->supplier_ids->len;
      g_ptr_array_add (self->supplier_ids, g_strdup (sb_supplier_get_id (supplier)));
      gtk_string_list_append (self->supplier_names, sb_supplier_get_name (supplier));
    }

  adw_combo_row_set_selected (self->supplier_row, chosen);
}

static gboolean
validate (SbEscalateDialog *self)
{
  g_autofree char *problem = NULL;
  gint64 at = 0;

  if (self->supplier_ids->len == 0)
    problem = g_strdup (_("There are no suppliers to escalate to yet: add one on the Suppliers page."));
  else if (!sb_when_rows_get (self->date_row, self->time_row, &at, &problem))
    ;
  else if (at > now (self) + 60 * 1000)
    problem = g_strdup (_("That time is still to come: record an escalation when it has happened."));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "escalate.confirm", problem == NULL);
  set_problem (self, problem);

  return problem == NULL;
}

/* The last change of status: a hold cannot be slipped in before it. */
static gint64
last_status_change (SbEscalateDialog *self)
{
  g_autoptr(GPtrArray) events = sb_incidents_list_timeline (self->store, sb_incident_get_id (self->incident), NULL);
  gint64 last = sb_incident_get_opened_ms (self->incident);

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      SbIncidentEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (sb_incident_event_get_kind (event), SB_INCIDENT_EVENT_STATUS) == 0)
        last = MAX (last, sb_incident_event_get_at_ms (event));
    }

  return last;
}

/* Callbacks */

static void
on_supplier_changed_cb (SbEscalateDialog *self)
{
  fill_contracts (self);
}

static void
on_when_changed_cb (SbEscalateDialog *self)
{
  validate (self);
}

static void
on_entry_activated_cb (SbEscalateDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "escalate.confirm", NULL);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (!sb_escalate_dialog_confirm (SB_ESCALATE_DIALOG (widget)))
    gtk_widget_error_bell (widget);
}

/* GObject */

static void
sb_escalate_dialog_dispose (GObject *object)
{
  SbEscalateDialog *self = SB_ESCALATE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->incident);

  G_OBJECT_CLASS (sb_escalate_dialog_parent_class)->dispose (object);
}

static void
sb_escalate_dialog_finalize (GObject *object)
{
  SbEscalateDialog *self = SB_ESCALATE_DIALOG (object);

  g_ptr_array_unref (self->supplier_ids);
  g_ptr_array_unref (self->contract_ids);
  g_ptr_array_unref (self->suggested);
  g_free (self->problem);

  G_OBJECT_CLASS (sb_escalate_dialog_parent_class)->finalize (object);
}

static void
sb_escalate_dialog_class_init (SbEscalateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_escalate_dialog_dispose;
  object_class->finalize = sb_escalate_dialog_finalize;

  /**
   * SbEscalateDialog::escalated:
   * @id: the new escalation's id
   * @hold_problem: (nullable): why the incident could not be put on hold
   *
   * The escalation was written to the book; the dialog closes.
   */
  signals[ESCALATED] =
    g_signal_new ("escalated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-escalate-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SbEscalateDialog, name)
  BIND (incident_label);
  BIND (problem_label);
  BIND (confirm_button);
  BIND (supplier_group);
  BIND (supplier_row);
  BIND (supplier_names);
  BIND (contract_row);
  BIND (contract_names);
  BIND (ref_row);
  BIND (date_row);
  BIND (time_row);
  BIND (note_row);
  BIND (hold_row);
  BIND (hold_check);
#undef BIND

  gtk_widget_class_install_action (widget_class, "escalate.confirm", NULL, confirm_action);
}

static void
sb_escalate_dialog_init (SbEscalateDialog *self)
{
  AdwEntryRow *entries[] = { NULL, NULL, NULL, NULL };

  self->now_ms = SB_INCIDENT_NO_TIME;
  self->supplier_ids = g_ptr_array_new_with_free_func (g_free);
  self->contract_ids = g_ptr_array_new_with_free_func (g_free);
  self->suggested = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  entries[0] = self->ref_row;
  entries[1] = self->date_row;
  entries[2] = self->time_row;
  entries[3] = self->note_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_swapped (entries[i], "entry-activated", G_CALLBACK (on_entry_activated_cb), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (on_when_changed_cb), self);
  g_signal_connect_swapped (self->time_row, "changed", G_CALLBACK (on_when_changed_cb), self);
  sb_date_row_add_picker (self->date_row);
}

/* Public API */

/**
 * sb_escalate_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the book
 * @incident: the incident to escalate
 * @now_ms: the time to start from, or %SB_INCIDENT_NO_TIME for now
 *
 * Returns: (transfer none): the dialog, owned by the window list
 */
SbEscalateDialog *
sb_escalate_dialog_new (GtkWindow  *parent,
                        SbStore    *store,
                        SbIncident *incident,
                        gint64      now_ms)
{
  SbEscalateDialog *self;
  g_autoptr(GPtrArray) suggested = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  SbIncidentStatus status;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (SB_IS_INCIDENT (incident), NULL);

  self = g_object_new (SB_TYPE_ESCALATE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->incident = g_object_ref (incident);
  self->now_ms = now_ms;
  status = sb_incident_get_status (incident);

  /* Translators: the incident escalated, as in "INC-K7QX-0042 · Mail server down" */
  heading = g_strdup_printf (_("%s · %s"), sb_incident_get_reference (incident),
                             sb_incident_get_title (incident));
  gtk_label_set_label (self->incident_label, heading);

  suggested = sb_escalations_suggest_contracts (store, sb_incident_get_id (incident), &error);
  if (suggested != NULL)
    g_ptr_array_extend_and_steal (self->suggested, g_steal_pointer (&suggested));
  adw_preferences_group_set_description (self->supplier_group,
                                         self->suggested->len > 0
                                           ? _("Suggested from the contracts that underpin the incident’s service.")
                                           : _("No contract underpins the incident’s service: choose the supplier."));

  g_signal_handlers_block_by_func (self->supplier_row, on_supplier_changed_cb, self);
  fill_suppliers (self);
  g_signal_connect_swapped (self->supplier_row, "notify::selected", G_CALLBACK (on_supplier_changed_cb), self);
  fill_contracts (self);

  self->shown_ms = now (self);
  sb_when_rows_set (self->date_row, self->time_row, self->shown_ms);

  gtk_widget_set_visible (self->hold_row,
                          sb_incident_check_transition (status, SB_INCIDENT_ON_HOLD, SB_HOLD_AWAITING_SUPPLIER, NULL));
  gtk_check_button_set_active (self->hold_check, status == SB_INCIDENT_IN_PROGRESS);

  validate (self);
  if (error != NULL)
    set_problem (self, error->message);

  gtk_widget_grab_focus (GTK_WIDGET (self->ref_row));

  return self;
}

const char *
sb_escalate_dialog_get_incident_id (SbEscalateDialog *self)
{
  g_return_val_if_fail (SB_IS_ESCALATE_DIALOG (self), NULL);

  return sb_incident_get_id (self->incident);
}

const char *
sb_escalate_dialog_get_supplier_id (SbEscalateDialog *self)
{
  guint index;

  g_return_val_if_fail (SB_IS_ESCALATE_DIALOG (self), NULL);

  index = adw_combo_row_get_selected (self->supplier_row);

  return index < self->supplier_ids->len ? g_ptr_array_index (self->supplier_ids, index) : NULL;
}

const char *
sb_escalate_dialog_get_contract_id (SbEscalateDialog *self)
{
  guint index;

  g_return_val_if_fail (SB_IS_ESCALATE_DIALOG (self), NULL);

  index = adw_combo_row_get_selected (self->contract_row);

  return index < self->contract_ids->len ? g_ptr_array_index (self->contract_ids, index) : NULL;
}

const char *
sb_escalate_dialog_get_problem (SbEscalateDialog *self)
{
  g_return_val_if_fail (SB_IS_ESCALATE_DIALOG (self), NULL);

  return self->problem;
}

/**
 * sb_escalate_dialog_confirm:
 * @self: an escalate dialog
 *
 * Escalates as the form says, then puts the incident on hold if asked;
 * on success emits "escalated" and closes the dialog.
 *
 * Returns: %FALSE when the form or the store refused it
 */
gboolean
sb_escalate_dialog_confirm (SbEscalateDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) hold_error = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *note = NULL;
  g_autofree char *id = NULL;
  g_autofree char *problem = NULL;
  gint64 at_ms = SB_INCIDENT_NO_TIME;
  gint64 typed = 0;
  gboolean hold;

  g_return_val_if_fail (SB_IS_ESCALATE_DIALOG (self), FALSE);

  if (!validate (self))
    return FALSE;

  /* Left as shown: the instant itself, not the minute it falls in (an
   * incident opened seconds ago would otherwise be escalated before it
   * was opened). */
  sb_when_rows_get (self->date_row, self->time_row, &typed, &problem);
  if (typed / 60000 == self->shown_ms / 60000)
    at_ms = self->now_ms;
  else
    at_ms = typed;

  ref = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ref_row))));
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  hold = gtk_widget_get_visible (self->hold_row) && gtk_check_button_get_active (self->hold_check);

  if (!sb_escalations_escalate (self->store, sb_incident_get_id (self->incident),
                                sb_escalate_dialog_get_supplier_id (self),
                                sb_escalate_dialog_get_contract_id (self),
                                *ref != '\0' ? ref : NULL, at_ms,
                                *note != '\0' ? note : NULL, &id, &error))
    {
      set_problem (self, error->message);
      return FALSE;
    }

  if (hold)
    {
      /* From the escalation on, unless the incident changed status
       * after that time: then from now. */
      gint64 hold_at = at_ms;

      if (at_ms != SB_INCIDENT_NO_TIME && at_ms < last_status_change (self))
        hold_at = self->now_ms;

      if (!sb_incidents_hold (self->store, sb_incident_get_id (self->incident), SB_HOLD_AWAITING_SUPPLIER,
                              NULL, 0, hold_at, &hold_error))
        g_prefix_error (&hold_error, "%s", _("Escalated, but the incident could not be put on hold: "));
    }

  g_object_ref (self);
  g_signal_emit (self, signals[ESCALATED], 0, id, hold_error != NULL ? hold_error->message : NULL);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);

  return TRUE;
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-catalog.h"
#include "sb-incident-detail-private.h"
#include "sb-service-editor.h"
#include "sb-time.h"
#include "sb-ui-widgets.h"

/*
 * The detail pane of one incident. Its header keeps what matters while
 * working in sight (reference, status, priority, both SLA clocks, the
 * one-key actions); below it the timeline with its note composer, the
 * editable fields, and the escalations to suppliers (their rows and
 * dialogs live in sb-incident-supplier.c). Fields are edited on the pane
 * itself and saved with Ctrl+S; nothing reaches the book before. The actions and their
 * small dialogs live in sb-incident-actions.c.
 */

enum
{
  PROP_0,
  PROP_STORE,
  PROP_INCIDENT_ID,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbIncidentDetail, sb_incident_detail, GTK_TYPE_WIDGET)

static void validate (SbIncidentDetail *self);

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static char *
get_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Empty and blank text is stored as no text at all. */
static char *
stripped_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (or_empty (text)));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static void
set_state_style (GtkWidget  *widget,
                 SbSlaState  state)
{
  gtk_widget_remove_css_class (widget, "success");
  gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "dim-label");

  switch (state)
    {
    case SB_SLA_STATE_WITHIN:
      gtk_widget_add_css_class (widget, "success");
      break;
    case SB_SLA_STATE_AT_RISK:
      gtk_widget_add_css_class (widget, "warning");
      break;
    case SB_SLA_STATE_BREACHED:
      gtk_widget_add_css_class (widget, "error");
      break;
    case SB_SLA_STATE_NONE:
    default:
      gtk_widget_add_css_class (widget, "dim-label");
      break;
    }
}

/* An icon per state, so colour is not the only cue. */
static const char *
state_icon_name (const SbSlaClock *clock)
{
  if (clock->state == SB_SLA_STATE_BREACHED)
    return "dialog-error-symbolic";
  if (clock->state == SB_SLA_STATE_AT_RISK)
    return "dialog-warning-symbolic";
  if (clock->state == SB_SLA_STATE_NONE)
    return "action-unavailable-symbolic";
  if (clock->paused)
    return "media-playback-pause-symbolic";
  if (clock->done)
    return "emblem-ok-symbolic";

  return "alarm-symbolic";
}

/* "Tue 14:30" within the coming week, "3 Nov 14:30" further away. */
static char *
format_due (gint64 due_ms,
            gint64 now_ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (due_ms / 1000);
  g_autoptr(GDateTime) local = NULL;
  gint64 distance = ABS (due_ms - now_ms);

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);

  if (distance < 6 * G_GINT64_CONSTANT (86400000))
    /* Translators: a due instant within a week, as in "Tue 14:30"; codes of g_date_time_format() */
    return g_date_time_format (local, _("%a %H:%M"));

  /* Translators: a due instant further away, as in "3 Nov 14:30"; codes of g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %H:%M"));
}

/* The clock in words with its due instant: "2 h 10 min left · due Tue 14:30" */
static char *
describe_clock (const SbSlaClock *clock,
                gint64            now_ms)
{
  g_autofree char *words = sb_sla_clock_describe (clock, now_ms);

  if (clock->due_ms != SB_SLA_NO_TIME && !clock->done)
    {
      g_autofree char *due = format_due (clock->due_ms, now_ms);

      /* Translators: an SLA clock and when it is due, as in "2 h 10 min left · due Tue 14:30" */
      return g_strdup_printf (_("%s · due %s"), words, due);
    }

  return g_steal_pointer (&words);
}

static void
show_clock (SbIncidentDetail *self,
            const SbSlaClock *clock,
            const char       *name,
            GtkImage         *header_icon,
            GtkLabel         *header_label,
            AdwActionRow     *row,
            GtkImage         *row_icon)
{
  gint64 now = sb_incident_detail_now (self);
  g_autofree char *text = describe_clock (clock, now);
  g_autofree char *line = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon = state_icon_name (clock);

  /* Translators: one SLA clock in the header, as in "Resolution: 2 h 10 min left · due Tue 14:30" */
  line = g_strdup_printf (_("%s: %s"), name, text);
  gtk_label_set_label (header_label, line);
  gtk_widget_set_tooltip_text (GTK_WIDGET (header_label), line);
  gtk_image_set_from_icon_name (header_icon, icon);
  set_state_style (GTK_WIDGET (header_icon), clock->state);
  set_state_style (GTK_WIDGET (header_label), clock->state);
  gtk_widget_set_tooltip_text (GTK_WIDGET (header_icon), sb_sla_state_get_label (clock->state));

  if (clock->target_minutes > 0)
    {
      g_autofree char *target = sb_duration_format (clock->target_minutes);

      /* Translators: SLA state, the clock in words and the target, as in
       * "At risk · 2 h left · due Tue 14:30 · target 8 h" */
      subtitle = g_strdup_printf (_("%s · %s · target %s"),
                                  sb_sla_state_get_label (clock->state), text, target);
    }
  else
    {
      subtitle = g_strdup (text);
    }
  adw_action_row_set_subtitle (row, subtitle);
  gtk_image_set_from_icon_name (row_icon, icon);
  set_state_style (GTK_WIDGET (row_icon), clock->state);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row_icon), sb_sla_state_get_label (clock->state));
}

static void
show_sla (SbIncidentDetail *self)
{
  g_autoptr(GError) error = NULL;
  gint64 now = sb_incident_detail_now (self);
  gint64 spent = sb_incidents_get_time_spent (self->store, self->incident_id);
  g_autofree char *spent_text = sb_duration_format (spent);
  g_autofree char *elapsed_text = NULL;
  g_autofree char *paused_text = NULL;
  g_autofree char *time_text = NULL;
  SbSla sla = { 0 };

  if (!sb_incidents_get_sla (self->store, self->incident, now, &sla, &error))
    {
      /* The clock cannot be computed (a calendar without open hours…):
       * say so where the clocks would be. */
      gtk_label_set_label (self->response_label, error->message);
      gtk_label_set_label (self->resolution_label, "");
      adw_action_row_set_subtitle (self->sla_response_row, error->message);
      adw_action_row_set_subtitle (self->sla_resolution_row, "");
      /* Translators: the time spent on an incident, as in "45 min spent" */
      time_text = g_strdup_printf (_("%s spent"), spent_text);
      adw_action_row_set_subtitle (self->sla_time_row, time_text);
      return;
    }

  show_clock (self, &sla.response, _("Response"), self->response_icon, self->response_label,
              self->sla_response_row, self->sla_response_icon);
  show_clock (self, &sla.resolution, _("Resolution"), self->resolution_icon,
              self->resolution_label, self->sla_resolution_row, self->sla_resolution_icon);

  elapsed_text = sb_duration_format (sla.resolution.elapsed_minutes);
  paused_text = sb_duration_format (sla.resolution.paused_minutes);
  /* Translators: as in "Business time elapsed 3 h 5 min · paused 20 min · 45 min spent" */
  time_text = g_strdup_printf (_("Business time elapsed %s · paused %s · %s spent"),
                               elapsed_text, paused_text, spent_text);
  adw_action_row_set_subtitle (self->sla_time_row, time_text);
}

static void
show_header (SbIncidentDetail *self)
{
  SbIncident *incident = self->incident;
  SbIncidentStatus status = sb_incident_get_status (incident);
  const char *hold = sb_incident_get_hold_reason (incident);
  guint priority = sb_incident_get_priority (incident);
  g_autofree char *status_text = NULL;
  g_autofree char *priority_text = NULL;
  g_autofree char *priority_tip = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *classes[] = { "accent", "success", "warning", "error", "dim-label" };

  gtk_label_set_label (self->reference_label, or_empty (sb_incident_get_reference (incident)));
  gtk_label_set_label (self->title_label, or_empty (sb_incident_get_title (incident)));

  if (status == SB_INCIDENT_ON_HOLD && hold != NULL)
    /* Translators: a status with its hold reason, as in "On hold · Awaiting customer" */
    status_text = g_strdup_printf (_("%s · %s"), sb_incident_status_get_label (status),
                                   sb_incident_hold_reason_get_label (hold));
  else
    status_text = g_strdup (sb_incident_status_get_label (status));
  gtk_label_set_label (self->status_label, status_text);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), classes[i]);
  if (status == SB_INCIDENT_NEW)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "accent");
  else if (status == SB_INCIDENT_ON_HOLD)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "warning");
  else if (status == SB_INCIDENT_RESOLVED)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
  else if (sb_incident_status_is_final (status))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");

  if (priority >= 1 && priority <= 5)
    {
      /* Translators: the short priority in the header, as in "P3 Moderate" */
      priority_text = g_strdup_printf (_("P%u %s"), priority, sb_priority_get_name (priority));
      if (sb_incident_get_priority_reason (incident) != NULL)
        /* Translators: the tooltip of an overridden priority; %s is the reason given */
        priority_tip = g_strdup_printf (_("Priority set by hand: %s"),
                                        sb_incident_get_priority_reason (incident));
      else
        priority_tip = g_strdup (_("Priority from the impact and urgency"));
    }
  gtk_label_set_label (self->priority_label, or_empty (priority_text));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->priority_label), priority_tip);
  gtk_widget_set_visible (GTK_WIDGET (self->priority_label), priority_text != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->priority_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->priority_label), "warning");
  if (priority == 1)
    gtk_widget_add_css_class (GTK_WIDGET (self->priority_label), "error");
  else if (priority == 2)
    gtk_widget_add_css_class (GTK_WIDGET (self->priority_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->major_label), sb_incident_get_major (incident));

  /* Who and where: service, customer, opened */
  if (sb_incident_get_service_id (incident) != NULL)
    {
      g_autoptr(SbService) service = sb_catalog_get_service (self->store,
                                                             sb_incident_get_service_id (incident),
                                                             NULL);

      if (service != NULL)
        g_string_append (subtitle, or_empty (sb_service_get_name (service)));
    }
  if (sb_incident_get_customer_id (incident) != NULL)
    {
      g_autoptr(SbCustomer) customer = sb_catalog_get_customer (self->store,
                                                                sb_incident_get_customer_id (incident),
                                                                NULL);

      if (customer != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "",
                                or_empty (sb_customer_get_name (customer)));
    }
  if (sb_incident_get_opened_ms (incident) != SB_INCIDENT_NO_TIME)
    {
      g_autofree char *opened = sb_time_format_local (sb_incident_get_opened_ms (incident), NULL);
      /* Translators: when the incident was logged, as in "opened 21 Nov 2026, 10:30" */
      g_autofree char *text = g_strdup_printf (_("opened %s"), opened);

      g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", text);
    }
  if (sb_incident_get_reopen_count (incident) > 0)
    {
      guint n = sb_incident_get_reopen_count (incident);
      g_autofree char *text = g_strdup_printf (ngettext ("reopened %u time", "reopened %u times", n), n);

      g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", text);
    }
  gtk_label_set_label (self->subtitle_label, subtitle->str);
}

static void
show_resolution (SbIncidentDetail *self)
{
  const char *code = sb_incident_get_resolution_code (self->incident);
  const char *notes = sb_incident_get_resolution_notes (self->incident);
  const char *workaround = sb_incident_get_workaround (self->incident);
  g_autofree char *notes_markup = g_markup_escape_text (notes != NULL ? notes : _("None"), -1);
  g_autofree char *workaround_markup = g_markup_escape_text (workaround != NULL ? workaround : _("None"), -1);

  gtk_widget_set_visible (GTK_WIDGET (self->resolution_group),
                          code != NULL || notes != NULL || workaround != NULL);
  adw_action_row_set_subtitle (self->resolution_code_row,
                               code != NULL ? sb_incident_resolution_code_get_label (code) : _("None"));
  adw_action_row_set_subtitle (self->resolution_notes_row, notes_markup);
  adw_action_row_set_subtitle (self->workaround_row, workaround_markup);
}

/* Services and customers of the book, listed anew on every load. */
static void
refresh_choices (SbIncidentDetail *self)
{
  g_autoptr(GListModel) services = sb_catalog_list_services (self->store, NULL);
  g_autoptr(GListModel) customers = sb_catalog_list_customers (self->store, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_set_size (self->service_ids, 0);
  g_ptr_array_add (self->service_ids, NULL);
  g_ptr_array_add (names, g_strdup (_("No service")));
  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (services, i);

      g_ptr_array_add (self->service_ids, g_strdup (sb_service_get_id (service)));
      /* Translators: a service in a list, as in "EMAIL · Email and calendars" */
      g_ptr_array_add (names, g_strdup_printf (_("%s · %s"), sb_service_get_code (service),
                                               sb_service_get_name (service)));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->service_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->service_names)),
                          (const char * const *) names->pdata);

  g_ptr_array_set_size (names, 0);
  g_ptr_array_set_size (self->customer_ids, 0);
  g_ptr_array_add (self->customer_ids, NULL);
  g_ptr_array_add (names, g_strdup (_("No customer")));
  for (guint i = 0; customers != NULL && i < g_list_model_get_n_items (customers); i++)
    {
      g_autoptr(SbCustomer) customer = g_list_model_get_item (customers, i);

      g_ptr_array_add (self->customer_ids, g_strdup (sb_customer_get_id (customer)));
      g_ptr_array_add (names, g_strdup (sb_customer_get_name (customer)));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->customer_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->customer_names)),
                          (const char * const *) names->pdata);
}

static guint
index_of_id (GPtrArray  *ids,
             const char *id)
{
  for (guint i = 1; id != NULL && i < ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
        return i;
    }

  return 0;
}

static guint
index_of_value (const char * const *values,
                const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (g_strcmp0 (values[i], value) == 0)
        return i;
    }

  return 0;
}

static guint
level_at (AdwComboRow *row)
{
  return MIN (adw_combo_row_get_selected (row), 2) + 1;
}

static guint
matrix_priority (SbIncidentDetail *self,
                 guint             impact,
                 guint             urgency)
{
  g_autoptr(SbPriorityMatrix) matrix = sb_catalog_get_priority_matrix (self->store);

  return matrix != NULL ? sb_priority_matrix_get (matrix, impact, urgency) : 3;
}

static void
set_editable (SbIncidentDetail *self,
              gboolean          editable)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->priority_group), editable);
  gtk_text_view_set_editable (self->description_view, editable);
  gtk_widget_set_visible (self->save_button, editable);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (GTK_WIDGET (self->edit_hint_label)), editable);
  gtk_label_set_label (self->edit_hint_label,
                       editable ? _("Changes are recorded in the timeline when you save.")
                                : _("This incident has ended and cannot change. Notes can still be added."));
}

static void
set_modified (SbIncidentDetail *self,
              gboolean          modified)
{
  self->modified = !!modified;
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                                             "revert")),
                               modified);
}

static void
load_fields (SbIncidentDetail *self)
{
  SbIncident *incident = self->incident;
  const char *reason = sb_incident_get_priority_reason (incident);

  self->loading = TRUE;

  refresh_choices (self);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), or_empty (sb_incident_get_title (incident)));
  adw_combo_row_set_selected (self->service_row,
                              index_of_id (self->service_ids, sb_incident_get_service_id (incident)));
  adw_combo_row_set_selected (self->customer_row,
                              index_of_id (self->customer_ids, sb_incident_get_customer_id (incident)));
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), or_empty (sb_incident_get_contact (incident)));
  adw_combo_row_set_selected (self->channel_row,
                              index_of_value (sb_incident_get_channels (), sb_incident_get_channel (incident)));
  gtk_editable_set_text (GTK_EDITABLE (self->category_row), or_empty (sb_incident_get_category (incident)));
  adw_combo_row_set_selected (self->impact_row, CLAMP (sb_incident_get_impact (incident), 1, 3) - 1);
  adw_combo_row_set_selected (self->urgency_row, CLAMP (sb_incident_get_urgency (incident), 1, 3) - 1);
  adw_combo_row_set_selected (self->priority_row,
                              reason != NULL ? CLAMP (sb_incident_get_priority (incident), 1, 5) : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->priority_reason_row), or_empty (reason));
  gtk_switch_set_active (self->major_switch, sb_incident_get_major (incident));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            or_empty (sb_incident_get_description (incident)), -1);

  set_editable (self, !sb_incident_status_is_final (sb_incident_get_status (incident)));

  self->loading = FALSE;
  set_modified (self, FALSE);
  validate (self);
}

/* The incident as the form says it is, and whether it can be saved. */
static SbIncident *
build_draft (SbIncidentDetail *self,
             gboolean         *valid)
{
  SbIncident *draft = sb_incident_copy (self->incident);
  g_autofree char *title = stripped_or_null (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_autofree char *contact = stripped_or_null (gtk_editable_get_text (GTK_EDITABLE (self->contact_row)));
  g_autofree char *category = stripped_or_null (gtk_editable_get_text (GTK_EDITABLE (self->category_row)));
  g_autofree char *reason = stripped_or_null (gtk_editable_get_text (GTK_EDITABLE (self->priority_reason_row)));
  g_autofree char *description_text = get_view_text (self->description_view);
  g_autofree char *description = stripped_or_null (description_text);
  const char * const *channels = sb_incident_get_channels ();
  guint service = adw_combo_row_get_selected (self->service_row);
  guint customer = adw_combo_row_get_selected (self->customer_row);
  guint channel = adw_combo_row_get_selected (self->channel_row);
  guint impact = level_at (self->impact_row);
  guint urgency = level_at (self->urgency_row);
  guint chosen = adw_combo_row_get_selected (self->priority_row);
  guint derived = matrix_priority (self, impact, urgency);
  g_autofree char *derived_text = NULL;

  *valid = TRUE;
  g_string_truncate (self->problems, 0);

  sb_incident_set_title (draft, title);
  if (title == NULL)
    {
      g_string_append (self->problems, _("An incident needs a title: a few words that say what is wrong."));
      sb_service_editor_set_row_problem (GTK_WIDGET (self->title_row), self->problems->str);
      *valid = FALSE;
    }
  else
    {
      sb_service_editor_set_row_problem (GTK_WIDGET (self->title_row), NULL);
    }

  sb_incident_set_description (draft, description);
  sb_incident_set_service_id (draft, service < self->service_ids->len ? g_ptr_array_index (self->service_ids, service) : NULL);
  sb_incident_set_customer_id (draft, customer < self->customer_ids->len ? g_ptr_array_index (self->customer_ids, customer) : NULL);
  sb_incident_set_contact (draft, contact);
  if (channel < g_strv_length ((char **) channels))
    sb_incident_set_channel (draft, channels[channel]);
  sb_incident_set_category (draft, category);
  sb_incident_set_impact (draft, impact);
  sb_incident_set_urgency (draft, urgency);
  sb_incident_set_major (draft, gtk_switch_get_active (self->major_switch));

  /* Translators: the priority the matrix gives, as in "The matrix gives 3 Moderate" */
  derived_text = g_strdup_printf (_("The matrix gives %u %s"), derived, sb_priority_get_name (derived));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->priority_row), derived_text);

  gtk_widget_set_visible (GTK_WIDGET (self->priority_reason_row), chosen != 0 && chosen != derived);
  if (chosen == 0 || chosen == derived)
    {
      /* Leave a derived priority to the store: an unrelated edit keeps
       * one the matrix gave before it changed. Dropping an override
       * derives it again. */
      if (sb_incident_get_priority_reason (self->incident) != NULL)
        sb_incident_set_priority (draft, chosen == 0 ? 0 : chosen, NULL);
      else if (chosen != 0 && chosen != sb_incident_get_priority (self->incident))
        sb_incident_set_priority (draft, chosen, NULL);
      sb_service_editor_set_row_problem (GTK_WIDGET (self->priority_reason_row), NULL);
    }
  else
    {
      sb_incident_set_priority (draft, chosen, reason);
      if (reason == NULL)
        {
          g_autofree char *message = NULL;

          /* Translators: %u %s is the matrix's priority, as in "3 Moderate" */
          message = g_strdup_printf (_("A priority other than the matrix’s (%u %s) needs a reason."),
                                     derived, sb_priority_get_name (derived));
          g_string_append_printf (self->problems, "%s%s", self->problems->len > 0 ? "\n" : "", message);
          sb_service_editor_set_row_problem (GTK_WIDGET (self->priority_reason_row), message);
          *valid = FALSE;
        }
      else
        {
          sb_service_editor_set_row_problem (GTK_WIDGET (self->priority_reason_row), NULL);
        }
    }

  return draft;
}

static void
validate (SbIncidentDetail *self)
{
  g_autoptr(SbIncident) draft = NULL;
  gboolean valid = FALSE;
  gboolean can_save;

  if (self->loading || self->incident == NULL)
    return;

  draft = build_draft (self, &valid);
  can_save = valid && self->modified &&
             !sb_incident_status_is_final (sb_incident_get_status (self->incident));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                                             "save")),
                               can_save);
  gtk_widget_set_tooltip_text (self->save_button, valid ? _("Save (Ctrl+S)") : self->problems->str);
}

static void
on_field_changed_cb (SbIncidentDetail *self)
{
  if (self->loading || self->incident == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  set_modified (self, TRUE);
  validate (self);
}

static void
on_service_changed_cb (SbIncidentDetail *self)
{
  on_field_changed_cb (self);
}

/* Private API */

gint64
sb_incident_detail_now (SbIncidentDetail *self)
{
  return self->now_ms != SB_INCIDENT_NO_TIME ? self->now_ms : sb_time_now_ms ();
}

void
sb_incident_detail_show_action_problem (SbIncidentDetail *self,
                                        const char       *message)
{
  gtk_label_set_label (self->action_problem_label, or_empty (message));
  gtk_widget_set_visible (GTK_WIDGET (self->action_problem_label), message != NULL);
}

/* After an action or a save wrote to the book. */
void
sb_incident_detail_after_write (SbIncidentDetail *self)
{
  sb_incident_detail_show_action_problem (self, NULL);
  sb_incident_detail_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
sb_incident_detail_save (SbIncidentDetail *self)
{
  g_autoptr(SbIncident) draft = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid = FALSE;

  if (self->incident == NULL || !self->modified)
    return;

  draft = build_draft (self, &valid);
  if (!valid)
    return;

  if (!sb_incidents_update (self->store, draft, &error))
    {
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  set_modified (self, FALSE);
  sb_incident_detail_after_write (self);
}

void
sb_incident_detail_revert (SbIncidentDetail *self)
{
  if (self->incident == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  load_fields (self);
}

/* GObject */

static void
sb_incident_detail_dispose (GObject *object)
{
  SbIncidentDetail *self = SB_INCIDENT_DETAIL (object);

  sb_incident_detail_close_dialog (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_INCIDENT_DETAIL);

  g_clear_object (&self->store);
  g_clear_object (&self->incident);
  g_clear_object (&self->actions);
  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (sb_incident_detail_parent_class)->dispose (object);
}

static void
sb_incident_detail_finalize (GObject *object)
{
  SbIncidentDetail *self = SB_INCIDENT_DETAIL (object);

  g_free (self->incident_id);
  g_ptr_array_unref (self->service_ids);
  g_ptr_array_unref (self->customer_ids);
  g_ptr_array_unref (self->escalation_rows);
  g_string_free (self->problems, TRUE);

  G_OBJECT_CLASS (sb_incident_detail_parent_class)->finalize (object);
}

static void
sb_incident_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SbIncidentDetail *self = SB_INCIDENT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_INCIDENT_ID:
      g_value_set_string (value, self->incident_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_incident_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SbIncidentDetail *self = SB_INCIDENT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      if (self->store != NULL)
        g_signal_connect_object (self->store, "changed", G_CALLBACK (sb_incident_detail_on_store_changed),
                                 self, G_CONNECT_SWAPPED);
      break;

    case PROP_INCIDENT_ID:
      sb_incident_detail_set_incident_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_style (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
      GdkDisplay *display = gdk_display_get_default ();

      gtk_css_provider_load_from_data (provider,
                                       ".sb-pill { border-radius: 999px; padding: 1px 9px;"
                                       "  font-size: smaller; font-weight: bold;"
                                       "  background-color: alpha(currentColor, 0.1); }"
                                       ".sb-pill.sb-major { color: @error_color; }",
                                       -1);
      if (display != NULL)
        gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&done, 1);
    }
}

static void
sb_incident_detail_class_init (SbIncidentDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_incident_detail_dispose;
  object_class->finalize = sb_incident_detail_finalize;
  object_class->get_property = sb_incident_detail_get_property;
  object_class->set_property = sb_incident_detail_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_INCIDENT_ID] =
    g_param_spec_string ("incident-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbIncidentDetail::changed:
   *
   * The pane wrote something to the book (an action, a note, a save).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-incident-detail.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SbIncidentDetail, name)
  BIND (main_stack);
  BIND (reference_label);
  BIND (status_label);
  BIND (priority_label);
  BIND (major_label);
  BIND (title_label);
  BIND (subtitle_label);
  BIND (response_icon);
  BIND (response_label);
  BIND (resolution_icon);
  BIND (resolution_label);
  BIND (action_problem_label);
  BIND (actions_box);
  BIND (actions_compact);
  BIND (view_stack);
  BIND (note_view);
  BIND (visible_check);
  BIND (minutes_spin);
  BIND (note_problem_label);
  BIND (timeline_view);
  BIND (older_button);
  BIND (edit_hint_label);
  BIND (save_button);
  BIND (details_scroller);
  BIND (problem_label);
  BIND (sla_response_row);
  BIND (sla_response_icon);
  BIND (sla_resolution_row);
  BIND (sla_resolution_icon);
  BIND (sla_time_row);
  BIND (supplier_group);
  BIND (resolution_group);
  BIND (resolution_code_row);
  BIND (resolution_notes_row);
  BIND (workaround_row);
  BIND (fields_group);
  BIND (title_row);
  BIND (service_row);
  BIND (service_names);
  BIND (customer_row);
  BIND (customer_names);
  BIND (contact_row);
  BIND (channel_row);
  BIND (channel_names);
  BIND (category_row);
  BIND (priority_group);
  BIND (impact_row);
  BIND (impact_names);
  BIND (urgency_row);
  BIND (urgency_names);
  BIND (priority_row);
  BIND (priority_names);
  BIND (priority_reason_row);
  BIND (major_switch);
  BIND (description_group);
  BIND (description_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_service_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "incident.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "incident.print", NULL);
}

static void
sb_incident_detail_init (SbIncidentDetail *self)
{
  const char * const *channels = sb_incident_get_channels ();

  load_style ();

  self->now_ms = SB_INCIDENT_NO_TIME;
  self->timeline_limit = SB_INCIDENT_TIMELINE_FIRST;
  self->service_ids = g_ptr_array_new_with_free_func (g_free);
  self->customer_ids = g_ptr_array_new_with_free_func (g_free);
  self->escalation_rows = g_ptr_array_new_with_free_func (sb_incident_detail_free_escalation_rows);
  self->problems = g_string_new (NULL);
  self->timeline = g_list_store_new (SB_TYPE_INCIDENT_EVENT);

  gtk_widget_init_template (GTK_WIDGET (self));
  sb_ui_scroll_past_spin_buttons (GTK_WIDGET (self));

  for (guint i = 0; channels[i] != NULL; i++)
    gtk_string_list_append (self->channel_names, sb_incident_channel_get_label (channels[i]));
  for (guint level = 1; level <= 3; level++)
    {
      gtk_string_list_append (self->impact_names, sb_incident_level_get_label (level));
      gtk_string_list_append (self->urgency_names, sb_incident_level_get_label (level));
    }
  gtk_string_list_append (self->priority_names, _("From impact and urgency"));
  for (guint priority = 1; priority <= 5; priority++)
    {
      /* Translators: a priority in a list, as in "3 Moderate" */
      g_autofree char *name = g_strdup_printf (_("%u %s"), priority, sb_priority_get_name (priority));

      gtk_string_list_append (self->priority_names, name);
    }

  sb_incident_detail_init_timeline (self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (on_field_changed_cb), self);

  sb_incident_detail_init_actions (self);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

/* Public API */

/**
 * sb_incident_detail_new:
 * @store: the book
 *
 * Returns: (transfer floating): a new, empty detail pane
 */
GtkWidget *
sb_incident_detail_new (SbStore *store)
{
  g_return_val_if_fail (SB_IS_STORE (store), NULL);

  return g_object_new (SB_TYPE_INCIDENT_DETAIL, "store", store, NULL);
}

SbStore *
sb_incident_detail_get_store (SbIncidentDetail *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_DETAIL (self), NULL);

  return self->store;
}

const char *
sb_incident_detail_get_incident_id (SbIncidentDetail *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_DETAIL (self), NULL);

  return self->incident_id;
}

/**
 * sb_incident_detail_set_incident_id:
 * @self: a detail pane
 * @id: (nullable): the incident to show, or %NULL for none
 *
 * Shows another incident. Unsaved edits of the one shown before are
 * dropped, as in the other registers' editors when another row is chosen.
 */
void
sb_incident_detail_set_incident_id (SbIncidentDetail *self,
                                    const char       *id)
{
  g_return_if_fail (SB_IS_INCIDENT_DETAIL (self));

  if (g_strcmp0 (self->incident_id, id) == 0)
    return;

  g_free (self->incident_id);
  self->incident_id = g_strdup (id);
  g_clear_object (&self->incident);
  self->timeline_limit = SB_INCIDENT_TIMELINE_FIRST;
  set_modified (self, FALSE);
  sb_incident_detail_close_dialog (self);
  sb_incident_detail_show_action_problem (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->note_problem_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  gtk_check_button_set_active (self->visible_check, FALSE);
  gtk_spin_button_set_value (self->minutes_spin, 0);
  sb_incident_detail_refresh (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->details_scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCIDENT_ID]);
}

/**
 * sb_incident_detail_refresh:
 * @self: a detail pane
 *
 * Reads the incident again, recomputes its clocks and lists its timeline.
 * Fields the person is editing keep what they typed.
 */
void
sb_incident_detail_refresh (SbIncidentDetail *self)
{
  g_autoptr(SbIncident) fresh = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SB_IS_INCIDENT_DETAIL (self));

  if (self->store == NULL || self->incident_id == NULL ||
      (fresh = sb_incidents_get (self->store, self->incident_id, &error)) == NULL)
    {
      g_clear_object (&self->incident);
      g_list_store_remove_all (self->timeline);
      if (error != NULL)
        adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->main_stack, "empty")),
                                         error->message);
      else
        adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->main_stack, "empty")),
                                         _("Choose an incident in the list to see its timeline and clocks."));
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      sb_incident_detail_update_actions (self);
      return;
    }

  g_set_object (&self->incident, fresh);
  gtk_stack_set_visible_child_name (self->main_stack, "incident");

  show_header (self);
  show_sla (self);
  show_resolution (self);
  sb_incident_detail_show_suppliers (self);
  sb_incident_detail_show_timeline (self);
  if (!self->modified)
    load_fields (self);
  else
    set_editable (self, !sb_incident_status_is_final (sb_incident_get_status (fresh)));
  sb_incident_detail_update_actions (self);
}

void
sb_incident_detail_set_now (SbIncidentDetail *self,
                            gint64            now_ms)
{
  g_return_if_fail (SB_IS_INCIDENT_DETAIL (self));

  self->now_ms = now_ms;
  if (self->incident != NULL)
    show_sla (self);
}

/**
 * sb_incident_detail_get_actions:
 * @self: a detail pane
 *
 * Returns: (transfer none): the "incident" action group the pane
 *   installs on itself
 */
GActionGroup *
sb_incident_detail_get_actions (SbIncidentDetail *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_DETAIL (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

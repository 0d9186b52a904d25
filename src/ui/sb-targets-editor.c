/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "sb-priority-matrix.h"
#include "sb-service-editor.h"
#include "sb-targets-editor.h"
#include "sb-time.h"

/* The service level targets of one service: response and resolution per
 * priority, availability, workload, exceptions and the hold reasons that
 * stop the clock, with what they mean said in plain words. */

struct _SbTargetsEditor
{
  AdwBin                parent_instance;

  GtkWidget            *priority_rows[SB_SERVICE_N_PRIORITIES];
  GtkEditable          *response_entries[SB_SERVICE_N_PRIORITIES];
  GtkEditable          *resolution_entries[SB_SERVICE_N_PRIORITIES];
  AdwActionRow         *plain_rows[SB_SERVICE_N_PRIORITIES];
  guint                 loading : 1;

  /* Template widgets */
  AdwPreferencesGroup  *levels_group;
  AdwPreferencesGroup  *plain_group;
  AdwEntryRow          *availability_row;
  AdwEntryRow          *workload_row;
  AdwEntryRow          *exceptions_row;
  GtkCheckButton       *stop_customer_check;
  GtkCheckButton       *stop_supplier_check;
  GtkCheckButton       *stop_change_check;
  GtkCheckButton       *stop_other_check;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbTargetsEditor, sb_targets_editor, ADW_TYPE_BIN)

static void
set_text (GtkEditable *editable,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

static void
set_minutes (GtkEditable *editable,
             int          minutes)
{
  g_autofree char *text = minutes > 0 ? sb_duration_format (minutes) : NULL;

  set_text (editable, text);
}

static const char *
priority_name (int priority)
{
  switch (priority)
    {
    case 1: return C_("priority", "Critical");
    case 2: return C_("priority", "High");
    case 3: return C_("priority", "Moderate");
    case 4: return C_("priority", "Low");
    default: return C_("priority", "Planning");
    }
}

static char *
format_due (gint64     ms,
            GTimeZone *tz,
            gint64     now_ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  /* Within a week the weekday says enough; later, the date too. */
  if (ms - now_ms < 6 * 24 * 3600 * G_GINT64_CONSTANT (1000))
    /* Translators: a due time within the week, as in “Tue 14:00”; see strftime */
    return g_date_time_format (local, _("%a %H:%M"));

  /* Translators: a due time further ahead, as in “Tue 3 Mar 14:00”; see strftime */
  return g_date_time_format (local, _("%a %-d %b %H:%M"));
}

static void
on_entry_changed_cb (SbTargetsEditor *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
build_priority_rows (SbTargetsEditor *self)
{
  for (int i = 0; i < SB_SERVICE_N_PRIORITIES; i++)
    {
      int priority = i + 1;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *response = gtk_entry_new ();
      GtkWidget *resolution = gtk_entry_new ();
      GtkWidget *plain = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *response_label = NULL;
      g_autofree char *resolution_label = NULL;

      /* Translators: a priority row, as in “Priority 1 · Critical” */
      title = g_strdup_printf (_("Priority %d · %s"), priority, priority_name (priority));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Respond within · Resolve within"));

      /* Translators: accessible name of an entry, as in “Response time for priority 1” */
      response_label = g_strdup_printf (_("Response time for priority %d"), priority);
      /* Translators: accessible name of an entry, as in “Resolution time for priority 1” */
      resolution_label = g_strdup_printf (_("Resolution time for priority %d"), priority);

      gtk_entry_set_placeholder_text (GTK_ENTRY (response), _("Respond"));
      gtk_entry_set_placeholder_text (GTK_ENTRY (resolution), _("Resolve"));
      gtk_widget_set_tooltip_text (response, response_label);
      gtk_widget_set_tooltip_text (resolution, resolution_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (response),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, response_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (resolution),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, resolution_label, -1);
      gtk_editable_set_width_chars (GTK_EDITABLE (response), 5);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (response), 9);
      gtk_editable_set_width_chars (GTK_EDITABLE (resolution), 5);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (resolution), 9);
      gtk_widget_set_valign (response, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (resolution, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (response, "changed", G_CALLBACK (on_entry_changed_cb), self);
      g_signal_connect_swapped (resolution, "changed", G_CALLBACK (on_entry_changed_cb), self);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), response);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), resolution);
      adw_preferences_group_add (self->levels_group, row);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (plain), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (plain), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (plain), 0);
      adw_preferences_group_add (self->plain_group, plain);

      self->priority_rows[i] = row;
      self->response_entries[i] = GTK_EDITABLE (response);
      self->resolution_entries[i] = GTK_EDITABLE (resolution);
      self->plain_rows[i] = ADW_ACTION_ROW (plain);
    }
}

static void
sb_targets_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SB_TYPE_TARGETS_EDITOR);

  G_OBJECT_CLASS (sb_targets_editor_parent_class)->dispose (object);
}

static void
sb_targets_editor_class_init (SbTargetsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_targets_editor_dispose;

  /**
   * SbTargetsEditor::changed:
   *
   * The person changed one of the targets.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-targets-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SbTargetsEditor, levels_group);
  gtk_widget_class_bind_template_child (widget_class, SbTargetsEditor, plain_group);
  gtk_widget_class_bind_template_child (widget_class, SbTargetsEditor, availability_row);
  gtk_widget_class_bind_template_child (widget_class, SbTargetsEditor, workload_row);
  gtk_widget_class_bind_template_child (widget_class, SbTargetsEditor, exceptions_row);
  gtk_widget_class_bind_template_child (widget_class, SbTargetsEditor, stop_customer_check);
  gtk_widget_class_bind_template_child (widget_class, SbTargetsEditor, stop_supplier_check);
  gtk_widget_class_bind_template_child (widget_class, SbTargetsEditor, stop_change_check);
  gtk_widget_class_bind_template_child (widget_class, SbTargetsEditor, stop_other_check);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
}

static void
sb_targets_editor_init (SbTargetsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_priority_rows (self);
}

/**
 * sb_targets_parse_duration:
 * @text: what the person typed: "30 min", "4 h", "1 h 30 min", "1:30" or
 *   nothing
 * @out_minutes: (out): the minutes, 0 for an empty text
 *
 * Returns: %TRUE when @text is a duration
 */
gboolean
sb_targets_parse_duration (const char *text,
                           int        *out_minutes)
{
  const char *p = text;
  gint64 total = 0;
  gboolean any = FALSE;

  g_return_val_if_fail (out_minutes != NULL, FALSE);

  *out_minutes = 0;
  if (text == NULL)
    return TRUE;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '\0')
    return TRUE;

  /* H:MM, as on a clock */
  if (strchr (p, ':') != NULL)
    {
      char *end = NULL;
      gint64 hours = g_ascii_strtoll (p, &end, 10);
      gint64 minutes;

      if (end == p || *end != ':' || hours < 0)
        return FALSE;
      p = end + 1;
      minutes = g_ascii_strtoll (p, &end, 10);
      if (end - p != 2 || minutes < 0 || minutes > 59)
        return FALSE;
      while (g_ascii_isspace (*end))
        end++;
      if (*end != '\0' || hours > 100000)
        return FALSE;
      *out_minutes = (int) (hours * 60 + minutes);
      return TRUE;
    }

  /* Pairs of a number and a unit: d, h, min (or m) */
  while (*p != '\0')
    {
      char *end = NULL;
      gint64 value;
      gint64 factor;

      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = g_ascii_strtoll (p, &end, 10);
      p = end;
      while (g_ascii_isspace (*p))
        p++;

      if (g_ascii_strncasecmp (p, "min", 3) == 0)
        factor = 1, p += 3;
      else if (*p == 'm' || *p == 'M')
        factor = 1, p += 1;
      else if (*p == 'h' || *p == 'H')
        factor = 60, p += 1;
      else if (*p == 'd' || *p == 'D')
        factor = 24 * 60, p += 1;
      else
        return FALSE;

      if (value > 1000000)
        return FALSE;
      total += value * factor;
      any = TRUE;

      while (g_ascii_isspace (*p))
        p++;
    }

  if (!any || total > G_MAXINT)
    return FALSE;

  *out_minutes = (int) total;
  return TRUE;
}

/**
 * sb_targets_editor_load:
 * @self: a targets editor
 * @service: the service whose targets to show
 *
 * Shows the targets of @service.
 */
void
sb_targets_editor_load (SbTargetsEditor *self,
                        SbService       *service)
{
  int availability;
  int workload;
  g_autofree char *availability_text = NULL;
  g_autofree char *workload_text = NULL;

  g_return_if_fail (SB_IS_TARGETS_EDITOR (self));
  g_return_if_fail (SB_IS_SERVICE (service));

  self->loading = TRUE;

  for (int i = 0; i < SB_SERVICE_N_PRIORITIES; i++)
    {
      set_minutes (self->response_entries[i], sb_service_get_response_target (service, i + 1));
      set_minutes (self->resolution_entries[i], sb_service_get_resolution_target (service, i + 1));
    }

  availability = sb_service_get_availability_target (service);
  if (availability > 0)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (buffer, sizeof buffer, "%.2f", availability / 100.0);
      /* Trailing zeros say nothing: 99.50 reads as 99.5, 100.00 as 100. */
      availability_text = g_strdup (buffer);
      if (strchr (availability_text, '.') != NULL)
        {
          char *end = availability_text + strlen (availability_text) - 1;

          while (*end == '0')
            *end-- = '\0';
          if (*end == '.')
            *end = '\0';
        }
    }
  set_text (GTK_EDITABLE (self->availability_row), availability_text);

  workload = sb_service_get_workload_limit (service);
  if (workload > 0)
    workload_text = g_strdup_printf ("%d", workload);
  set_text (GTK_EDITABLE (self->workload_row), workload_text);
  set_text (GTK_EDITABLE (self->exceptions_row), sb_service_get_exceptions (service));

  gtk_check_button_set_active (self->stop_customer_check,
                               sb_service_stops_clock_for (service, SB_HOLD_AWAITING_CUSTOMER));
  gtk_check_button_set_active (self->stop_supplier_check,
                               sb_service_stops_clock_for (service, SB_HOLD_AWAITING_SUPPLIER));
  gtk_check_button_set_active (self->stop_change_check,
                               sb_service_stops_clock_for (service, SB_HOLD_AWAITING_CHANGE));
  gtk_check_button_set_active (self->stop_other_check,
                               sb_service_stops_clock_for (service, SB_HOLD_OTHER));

  self->loading = FALSE;
}

/**
 * sb_targets_editor_apply:
 * @self: a targets editor
 * @service: the service to write the targets into
 *
 * Writes what the person typed into @service. A field that cannot be read
 * keeps the service's value and shows what is wrong under it.
 *
 * Returns: %TRUE when every field could be read
 */
gboolean
sb_targets_editor_apply (SbTargetsEditor *self,
                         SbService       *service)
{
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  gboolean ok = TRUE;
  const char *text;

  g_return_val_if_fail (SB_IS_TARGETS_EDITOR (self), FALSE);
  g_return_val_if_fail (SB_IS_SERVICE (service), FALSE);

  for (int i = 0; i < SB_SERVICE_N_PRIORITIES; i++)
    {
      int response = sb_service_get_response_target (service, i + 1);
      int resolution = sb_service_get_resolution_target (service, i + 1);
      gboolean read_response = sb_targets_parse_duration (gtk_editable_get_text (self->response_entries[i]),
                                                          &response);
      gboolean read_resolution = sb_targets_parse_duration (gtk_editable_get_text (self->resolution_entries[i]),
                                                            &resolution);

      if (!read_response || !read_resolution)
        {
          sb_targets_editor_set_problem (self, i + 1,
                                         _("Type a time such as 30 min, 4 h, 1 h 30 min or 1:30, or leave it empty for no target"));
          ok = FALSE;
          continue;
        }

      sb_service_set_targets (service, i + 1, response, resolution);
    }

  text = gtk_editable_get_text (GTK_EDITABLE (self->availability_row));
  if (*text == '\0')
    sb_service_set_availability_target (service, 0);
  else
    {
      g_autofree char *copy = g_strstrip (g_strdelimit (g_strdup (text), ",%", ' '));
      char *end = NULL;
      double value;

      /* A decimal comma is as good as a point; the percent sign is optional. */
      g_strdelimit (copy, " ", '\0');
      value = g_ascii_strtod (copy, &end);
      if (end == copy || *end != '\0' || value < 0 || value > 100)
        {
          sb_targets_editor_set_problem (self, SB_TARGETS_SLOT_AVAILABILITY,
                                         _("Type a percentage from 0 to 100, such as 99.5, or leave it empty for no target"));
          ok = FALSE;
        }
      else
        sb_service_set_availability_target (service, (int) (value * 100 + 0.5));
    }

  text = gtk_editable_get_text (GTK_EDITABLE (self->workload_row));
  if (*text == '\0')
    sb_service_set_workload_limit (service, 0);
  else
    {
      char *end = NULL;
      gint64 value = g_ascii_strtoll (text, &end, 10);

      if (end == text || *end != '\0' || value < 0 || value > G_MAXINT)
        {
          sb_targets_editor_set_problem (self, SB_TARGETS_SLOT_WORKLOAD,
                                         _("Type a whole number of incidents per month, or leave it empty for no limit"));
          ok = FALSE;
        }
      else
        sb_service_set_workload_limit (service, (int) value);
    }

  sb_service_set_exceptions (service, gtk_editable_get_text (GTK_EDITABLE (self->exceptions_row)));

  if (gtk_check_button_get_active (self->stop_customer_check))
    g_ptr_array_add (stops, (gpointer) SB_HOLD_AWAITING_CUSTOMER);
  if (gtk_check_button_get_active (self->stop_supplier_check))
    g_ptr_array_add (stops, (gpointer) SB_HOLD_AWAITING_SUPPLIER);
  if (gtk_check_button_get_active (self->stop_change_check))
    g_ptr_array_add (stops, (gpointer) SB_HOLD_AWAITING_CHANGE);
  if (gtk_check_button_get_active (self->stop_other_check))
    g_ptr_array_add (stops, (gpointer) SB_HOLD_OTHER);
  g_ptr_array_add (stops, NULL);
  sb_service_set_clock_stop_reasons (service, (const char * const *) stops->pdata);

  return ok;
}

/**
 * sb_targets_editor_set_problem:
 * @self: a targets editor
 * @slot: a priority 1–5, %SB_TARGETS_SLOT_AVAILABILITY or
 *   %SB_TARGETS_SLOT_WORKLOAD
 * @message: (nullable): what is wrong, or %NULL
 *
 * Shows @message under the field of @slot.
 */
void
sb_targets_editor_set_problem (SbTargetsEditor *self,
                               int              slot,
                               const char      *message)
{
  GtkWidget *row = NULL;

  g_return_if_fail (SB_IS_TARGETS_EDITOR (self));

  if (slot >= 1 && slot <= SB_SERVICE_N_PRIORITIES)
    row = self->priority_rows[slot - 1];
  else if (slot == SB_TARGETS_SLOT_AVAILABILITY)
    row = GTK_WIDGET (self->availability_row);
  else if (slot == SB_TARGETS_SLOT_WORKLOAD)
    row = GTK_WIDGET (self->workload_row);

  g_return_if_fail (row != NULL);

  sb_service_editor_set_row_problem (row, message);
}

/**
 * sb_targets_editor_clear_problems:
 * @self: a targets editor
 *
 * Takes away every problem shown.
 */
void
sb_targets_editor_clear_problems (SbTargetsEditor *self)
{
  g_return_if_fail (SB_IS_TARGETS_EDITOR (self));

  for (int slot = 1; slot <= SB_TARGETS_SLOT_WORKLOAD; slot++)
    sb_targets_editor_set_problem (self, slot, NULL);
}

/**
 * sb_targets_editor_explain:
 * @self: a targets editor
 * @service: the service as edited
 * @calendar: its support calendar
 * @calendar_text: the calendar in words, e.g. "Office hours: Mon–Fri
 *   09:00–17:30, Europe/Madrid"
 *
 * Says in plain words what each priority's targets promise, and when an
 * incident logged now would be due, counted on @calendar.
 */
void
sb_targets_editor_explain (SbTargetsEditor *self,
                           SbService       *service,
                           SbCalendar      *calendar,
                           const char      *calendar_text)
{
  gint64 now_ms = sb_time_now_ms ();
  GTimeZone *tz;

  g_return_if_fail (SB_IS_TARGETS_EDITOR (self));
  g_return_if_fail (SB_IS_SERVICE (service));
  g_return_if_fail (calendar != NULL);

  tz = sb_calendar_get_time_zone (calendar);

  for (int i = 0; i < SB_SERVICE_N_PRIORITIES; i++)
    {
      int priority = i + 1;
      int response = sb_service_get_response_target (service, priority);
      int resolution = sb_service_get_resolution_target (service, priority);
      g_autofree char *response_text = sb_duration_format (response);
      g_autofree char *resolution_text = sb_duration_format (resolution);
      g_autofree char *sentence = NULL;
      g_autoptr(GString) preview = g_string_new (NULL);

      if (response > 0 && resolution > 0)
        /* Translators: “Priority 1 (Critical): respond within 30 min, resolve within 4 h
         * of business time (Office hours: Mon–Fri 09:00–17:30, Europe/Madrid)” */
        sentence = g_strdup_printf (_("Priority %d (%s): respond within %s, resolve within %s of business time (%s)"),
                                    priority, priority_name (priority),
                                    response_text, resolution_text, calendar_text);
      else if (response > 0)
        sentence = g_strdup_printf (_("Priority %d (%s): respond within %s of business time (%s); no resolution target"),
                                    priority, priority_name (priority), response_text, calendar_text);
      else if (resolution > 0)
        sentence = g_strdup_printf (_("Priority %d (%s): resolve within %s of business time (%s); no response target"),
                                    priority, priority_name (priority), resolution_text, calendar_text);
      else
        sentence = g_strdup_printf (_("Priority %d (%s): no targets"),
                                    priority, priority_name (priority));

      if (response > 0 || resolution > 0)
        {
          g_autoptr(GError) error = NULL;
          gint64 respond_ms = 0;
          gint64 resolve_ms = 0;

          if ((response > 0 &&
               !sb_calendar_add_business_minutes (calendar, now_ms, response, &respond_ms, &error)) ||
              (resolution > 0 &&
               !sb_calendar_add_business_minutes (calendar, now_ms, resolution, &resolve_ms, &error)))
            {
              g_string_append (preview, error->message);
            }
          else
            {
              g_autofree char *respond_by = response > 0 ? format_due (respond_ms, tz, now_ms) : NULL;
              g_autofree char *resolve_by = resolution > 0 ? format_due (resolve_ms, tz, now_ms) : NULL;

              if (respond_by != NULL && resolve_by != NULL)
                /* Translators: “Logged now → respond by Tue 10:30, resolve by Tue 14:00” */
                g_string_append_printf (preview, _("Logged now → respond by %s, resolve by %s"),
                                        respond_by, resolve_by);
              else if (respond_by != NULL)
                g_string_append_printf (preview, _("Logged now → respond by %s"), respond_by);
              else
                g_string_append_printf (preview, _("Logged now → resolve by %s"), resolve_by);
            }
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->plain_rows[i]), sentence);
      adw_action_row_set_subtitle (self->plain_rows[i], preview->str);
    }
}

/**
 * sb_targets_editor_get_explanation:
 * @self: a targets editor
 *
 * Returns: (transfer full): the plain words shown, one priority a line
 */
char *
sb_targets_editor_get_explanation (SbTargetsEditor *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (SB_IS_TARGETS_EDITOR (self), NULL);

  for (int i = 0; i < SB_SERVICE_N_PRIORITIES; i++)
    g_string_append_printf (text, "%s\n%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->plain_rows[i])),
                            adw_action_row_get_subtitle (self->plain_rows[i]));

  return g_string_free (text, FALSE);
}

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sb-calendars-view.h"
#include "sb-catalog.h"
#include "sb-service-editor.h"
#include "sb-time.h"

/* Support calendars: a list with each calendar's hours in words, and a
 * form for one of them. Hours are typed per weekday as "09:00–13:00,
 * 14:00–17:30"; holidays one a line. */

#define N_WEEKDAYS 7

struct _SbCalendarsView
{
  AdwBin               parent_instance;

  SbStore             *store;
  gulong               changed_id;
  char                *id;          /* of the calendar shown; NULL: new */
  SbCalendar          *original;
  AdwEntryRow         *day_rows[N_WEEKDAYS];
  guint                loading : 1;
  guint                refreshing : 1;
  guint                modified : 1;
  guint                saving : 1;
  guint                stale : 1;

  /* Template objects */
  GListStore          *calendars;
  GtkSingleSelection  *selection;
  GtkStack            *main_stack;
  AdwLeaflet          *leaflet;
  GtkStack            *detail_stack;
  GtkColumnView       *column_view;
  GtkLabel            *title_label;
  GtkLabel            *problem_label;
  GtkScrolledWindow   *scroller;
  AdwEntryRow         *name_row;
  AdwEntryRow         *tz_row;
  AdwEntryRow         *monday_row;
  AdwEntryRow         *tuesday_row;
  AdwEntryRow         *wednesday_row;
  AdwEntryRow         *thursday_row;
  AdwEntryRow         *friday_row;
  AdwEntryRow         *saturday_row;
  AdwEntryRow         *sunday_row;
  GtkTextView         *holidays_view;
  GtkLabel            *holidays_problem;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbCalendarsView, sb_calendars_view, ADW_TYPE_BIN)

static void validate (SbCalendarsView *self);

static void
add_toast (SbCalendarsView *self,
           AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_error (SbCalendarsView *self,
            const GError    *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  add_toast (self, toast);
}

static void
set_entry (gpointer    editable,
           const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

static char *
format_minute (guint minute)
{
  return g_strdup_printf ("%02u:%02u", minute / 60, minute % 60);
}

static char *
format_intervals (SbCalendar   *calendar,
                  GDateWeekday  weekday)
{
  guint n = 0;
  const SbCalendarInterval *intervals = sb_calendar_get_intervals (calendar, weekday, &n);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *start = format_minute (intervals[i].start_minute);
      g_autofree char *end = format_minute (intervals[i].end_minute);

      g_string_append_printf (text, "%s%s–%s", i > 0 ? ", " : "", start, end);
    }

  return g_string_free (text, FALSE);
}

static char *
format_holidays (SbCalendar *calendar)
{
  guint n = 0;
  const SbCalendarHoliday *holidays = sb_calendar_get_holidays (calendar, &n);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const SbCalendarHoliday *h = &holidays[i];

      if (h->kind == SB_CALENDAR_HOLIDAY_YEARLY)
        g_string_append_printf (text, "every %02d-%02d\n", h->month, h->day);
      else
        {
          g_autofree char *first = sb_date_format (&h->first);

          if (h->kind == SB_CALENDAR_HOLIDAY_RANGE)
            {
              g_autofree char *last = sb_date_format (&h->last);

              g_string_append_printf (text, "%s..%s\n", first, last);
            }
          else
            g_string_append_printf (text, "%s\n", first);
        }
    }

  return g_string_free (text, FALSE);
}

static gboolean
parse_minute (const char *text,
              gboolean    is_end,
              guint      *out)
{
  guint hours;
  guint minutes;
  char extra;

  if (sscanf (text, "%u:%u%c", &hours, &minutes, &extra) != 2 ||
      strlen (text) < 4 || minutes > 59)
    return FALSE;

  if (hours > 24 || (hours == 24 && (minutes != 0 || !is_end)))
    return FALSE;

  *out = hours * 60 + minutes;
  return TRUE;
}

/* "09:00–13:00, 14:00–17:30" into @calendar's hours of @weekday; the
 * message says what is wrong. */
static gboolean
parse_day (SbCalendar    *calendar,
           GDateWeekday   weekday,
           const char    *text,
           char         **message)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (SbCalendarInterval));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      g_autofree char *start_text = NULL;
      const char *dash;
      SbCalendarInterval interval;

      if (*part == '\0')
        continue;

      /* An en dash as shown, or the hyphen a keyboard has */
      dash = strstr (part, "–");
      if (dash != NULL)
        {
          start_text = g_strstrip (g_strndup (part, dash - part));
          dash += strlen ("–");
        }
      else if ((dash = strchr (part, '-')) != NULL)
        {
          start_text = g_strstrip (g_strndup (part, dash - part));
          dash += 1;
        }

      if (start_text == NULL)
        {
          /* Translators: %s is what the person typed */
          *message = g_strdup_printf (_("“%s” is not a stretch of time: write it as 09:00–17:30"), part);
          return FALSE;
        }

      {
        g_autofree char *end_text = g_strstrip (g_strdup (dash));

        if (!parse_minute (start_text, FALSE, &interval.start_minute) ||
            !parse_minute (end_text, TRUE, &interval.end_minute))
          {
            *message = g_strdup_printf (_("“%s” is not a stretch of time: write it as 09:00–17:30, with times from 00:00 to 24:00"),
                                        part);
            return FALSE;
          }
      }

      if (interval.end_minute <= interval.start_minute)
        {
          *message = g_strdup_printf (_("“%s” ends before it starts: put the opening time first"), part);
          return FALSE;
        }

      g_array_append_val (intervals, interval);
    }

  if (!sb_calendar_set_intervals (calendar, weekday,
                                  (const SbCalendarInterval *) intervals->data, intervals->len,
                                  &error))
    {
      *message = g_strdup (error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_holidays (SbCalendar  *calendar,
                const char  *text,
                char       **message)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  sb_calendar_clear_holidays (calendar);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autoptr(GError) error = NULL;
      const char *dots;
      gboolean ok;

      if (*line == '\0' || *line == '#')
        continue;

      if (g_str_has_prefix (line, "every "))
        {
          guint month = 0;
          guint day = 0;
          char extra;

          if (sscanf (line + strlen ("every "), "%u-%u%c", &month, &day, &extra) != 2 ||
              !g_date_valid_dmy (day, month, 2024))
            {
              g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("“%s” is not a yearly holiday: write it as every 12-25 (month, then day)"), line);
              ok = FALSE;
            }
          else
            ok = sb_calendar_add_holiday_yearly (calendar, month, day, &error);
        }
      else if ((dots = strstr (line, "..")) != NULL)
        {
          g_autofree char *first_text = g_strstrip (g_strndup (line, dots - line));
          g_autofree char *last_text = g_strstrip (g_strdup (dots + 2));
          GDate first;
          GDate last;

          ok = sb_date_parse (first_text, &first, &error) &&
               sb_date_parse (last_text, &last, &error) &&
               sb_calendar_add_holiday_range (calendar, &first, &last, &error);
        }
      else
        {
          GDate date;

          ok = sb_date_parse (line, &date, &error) &&
               sb_calendar_add_holiday_date (calendar, &date, &error);
        }

      if (!ok)
        {
          /* Translators: the line of the holidays with a problem, then the problem */
          *message = g_strdup_printf (_("Line %u: %s"), i + 1, error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static SbCalendar *
build_draft (SbCalendarsView *self,
             gboolean        *valid)
{
  SbCalendar *draft = sb_calendar_copy (self->original);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *tz = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tz_row))));
  g_autofree char *holidays_message = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->holidays_view);
  g_autofree char *holidays = NULL;
  GtkTextIter start;
  GtkTextIter end;

  *valid = TRUE;

  sb_calendar_set_name (draft, name);
  if (*name == '\0')
    {
      if (self->id != NULL || self->modified)
        sb_service_editor_set_row_problem (GTK_WIDGET (self->name_row),
                                           _("The calendar needs a name: type one such as Office hours"));
      *valid = FALSE;
    }
  else
    sb_service_editor_set_row_problem (GTK_WIDGET (self->name_row), NULL);

  if (!sb_calendar_set_time_zone (draft, *tz != '\0' ? tz : "UTC", &error))
    {
      sb_service_editor_set_row_problem (GTK_WIDGET (self->tz_row), error->message);
      *valid = FALSE;
    }
  else
    sb_service_editor_set_row_problem (GTK_WIDGET (self->tz_row), NULL);

  for (guint i = 0; i < N_WEEKDAYS; i++)
    {
      g_autofree char *message = NULL;

      if (!parse_day (draft, G_DATE_MONDAY + i,
                      gtk_editable_get_text (GTK_EDITABLE (self->day_rows[i])), &message))
        {
          sb_service_editor_set_row_problem (GTK_WIDGET (self->day_rows[i]), message);
          *valid = FALSE;
        }
      else
        sb_service_editor_set_row_problem (GTK_WIDGET (self->day_rows[i]), NULL);
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  holidays = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!parse_holidays (draft, holidays, &holidays_message))
    *valid = FALSE;
  gtk_label_set_label (self->holidays_problem, holidays_message != NULL ? holidays_message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->holidays_problem), holidays_message != NULL);
  if (holidays_message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->holidays_view), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->holidays_view), "error");

  return draft;
}

static void
validate (SbCalendarsView *self)
{
  g_autoptr(SbCalendar) draft = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid;

  if (self->loading || self->original == NULL)
    return;

  draft = build_draft (self, &valid);
  if (valid && !sb_calendar_validate (draft, &error))
    {
      gtk_label_set_label (self->problem_label, error->message);
      valid = FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), error != NULL);

  gtk_label_set_label (self->title_label,
                       sb_calendar_get_name (draft) != NULL && *sb_calendar_get_name (draft) != '\0'
                       ? sb_calendar_get_name (draft) : _("New Calendar"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendars.save",
                                 valid && (self->modified || self->id == NULL));
}

static void
set_modified (SbCalendarsView *self,
              gboolean         modified)
{
  self->modified = !!modified;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendars.revert", modified);
}

static void
load (SbCalendarsView *self,
      const char      *id,
      SbCalendar      *calendar)
{
  g_autofree char *holidays = format_holidays (calendar);

  g_free (self->id);
  self->id = g_strdup (id);
  if (self->original != calendar)
    {
      g_clear_pointer (&self->original, sb_calendar_unref);
      self->original = sb_calendar_ref (calendar);
    }

  self->loading = TRUE;
  set_entry (self->name_row, sb_calendar_get_name (calendar));
  set_entry (self->tz_row, sb_calendar_get_time_zone_id (calendar));
  for (guint i = 0; i < N_WEEKDAYS; i++)
    {
      g_autofree char *text = format_intervals (calendar, G_DATE_MONDAY + i);

      set_entry (self->day_rows[i], text);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->holidays_view), holidays, -1);
  self->loading = FALSE;

  set_modified (self, FALSE);
  validate (self);
}

static void
select_by_id (SbCalendarsView *self,
              const char      *id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  self->refreshing = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(SbCalendarItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (sb_calendar_item_get_id (item), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
  self->refreshing = FALSE;
}

static void
update_empty (SbCalendarsView *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->calendars)) > 0;
  gboolean editing = g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "form") == 0;

  gtk_stack_set_visible_child_name (self->main_stack, any || editing ? "list" : "empty");
}

static void
refresh (SbCalendarsView *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *id = g_strdup (self->id);

  if (self->store == NULL || self->saving)
    return;

  /* Listing the calendars writes the built-in ones into a new book; a
   * book nobody looked at the calendars of stays empty. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  list = sb_catalog_list_calendars (self->store, &error);
  if (list == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));

  self->refreshing = TRUE;
  g_list_store_splice (self->calendars, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->calendars)),
                       items->pdata, items->len);
  self->refreshing = FALSE;
  select_by_id (self, id);

  if (id != NULL && !self->modified)
    {
      g_autoptr(SbCalendar) fresh = sb_catalog_get_calendar (self->store, id, NULL);

      if (fresh != NULL)
        load (self, id, fresh);
    }

  update_empty (self);
}

static void
show_form (SbCalendarsView *self)
{
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_empty (self);
}

static void
on_selected_item_changed_cb (SbCalendarsView *self)
{
  SbCalendarItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (self->refreshing || item == NULL)
    return;

  load (self, sb_calendar_item_get_id (item), sb_calendar_item_get_calendar (item));
  show_form (self);
}

static void
on_entry_changed_cb (SbCalendarsView *self)
{
  if (self->loading)
    return;

  set_modified (self, TRUE);
  validate (self);
}

static void
on_store_changed_cb (SbCalendarsView *self,
                     const char      *table)
{
  refresh (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SbCalendarsView *self = SB_CALENDARS_VIEW (widget);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(SbCalendar) calendar = sb_calendar_new_office_hours (g_time_zone_get_identifier (local));

  sb_calendar_set_name (calendar, NULL);
  select_by_id (self, NULL);
  load (self, NULL, calendar);
  show_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbCalendarsView *self = SB_CALENDARS_VIEW (widget);
  g_autoptr(SbCalendar) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;
  gboolean valid;
  gboolean saved;

  if (self->store == NULL || self->original == NULL)
    return;

  draft = build_draft (self, &valid);
  if (!valid)
    return;

  self->saving = TRUE;
  saved = sb_catalog_save_calendar (self->store, self->id, draft, &new_id, &error);
  self->saving = FALSE;

  if (!saved)
    {
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }

  if (self->id == NULL)
    self->id = g_strdup (new_id);
  set_modified (self, FALSE);
  refresh (self);
  add_toast (self, adw_toast_new (_("Calendar saved")));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbCalendarsView *self = SB_CALENDARS_VIEW (widget);
  g_autofree char *id = g_strdup (self->id);

  if (self->original != NULL)
    load (self, id, self->original);
}

static void
on_undo_delete_cb (AdwToast *toast,
                   gpointer  user_data)
{
  SbCalendarsView *self = SB_CALENDARS_VIEW (user_data);
  SbCalendar *calendar = g_object_get_data (G_OBJECT (toast), "calendar");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->store == NULL)
    return;

  /* Deleted calendars are not brought back: the same hours are saved as
   * a calendar again. */
  if (!sb_catalog_save_calendar (self->store, NULL, calendar, &id, &error))
    {
      show_error (self, error);
      return;
    }

  select_by_id (self, id);
  load (self, id, calendar);
  show_form (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbCalendarsView *self = SB_CALENDARS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->store == NULL || self->original == NULL)
    return;

  if (self->id != NULL && !sb_catalog_delete_calendar (self->store, self->id, &error))
    {
      show_error (self, error);
      return;
    }

  toast = adw_toast_new (_("Calendar deleted"));
  if (self->id != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_object_set_data_full (G_OBJECT (toast), "calendar", sb_calendar_ref (self->original),
                              (GDestroyNotify) sb_calendar_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
    }

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->original, sb_calendar_unref);
  set_modified (self, FALSE);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  update_empty (self);
  add_toast (self, toast);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbCalendarsView *self = SB_CALENDARS_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
sb_calendars_view_map (GtkWidget *widget)
{
  SbCalendarsView *self = SB_CALENDARS_VIEW (widget);

  GTK_WIDGET_CLASS (sb_calendars_view_parent_class)->map (widget);

  if (self->stale)
    refresh (self);
}

static void
sb_calendars_view_dispose (GObject *object)
{
  SbCalendarsView *self = SB_CALENDARS_VIEW (object);

  /* AdwBin keeps its own pointer to the child: let it go first, so the
   * template does not leave it pointing at a widget already gone. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_CALENDARS_VIEW);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->original, sb_calendar_unref);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (sb_calendars_view_parent_class)->dispose (object);
}

static void
sb_calendars_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbCalendarsView *self = SB_CALENDARS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_calendars_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbCalendarsView *self = SB_CALENDARS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sb_calendars_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_calendars_view_class_init (SbCalendarsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_calendars_view_dispose;
  object_class->get_property = sb_calendars_view_get_property;
  object_class->set_property = sb_calendars_view_set_property;

  widget_class->map = sb_calendars_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_CALENDAR_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-calendars-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, calendars);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, selection);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, name_row);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, tz_row);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, monday_row);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, tuesday_row);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, wednesday_row);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, thursday_row);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, friday_row);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, saturday_row);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, sunday_row);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, holidays_view);
  gtk_widget_class_bind_template_child (widget_class, SbCalendarsView, holidays_problem);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "calendars.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "calendars.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "calendars.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "calendars.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "calendars.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "calendars.revert", NULL);
}

static void
sb_calendars_view_init (SbCalendarsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->day_rows[0] = self->monday_row;
  self->day_rows[1] = self->tuesday_row;
  self->day_rows[2] = self->wednesday_row;
  self->day_rows[3] = self->thursday_row;
  self->day_rows[4] = self->friday_row;
  self->day_rows[5] = self->saturday_row;
  self->day_rows[6] = self->sunday_row;

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->holidays_view), "changed",
                            G_CALLBACK (on_entry_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendars.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendars.revert", FALSE);
}

/**
 * sb_calendars_view_set_store:
 * @self: a calendars view
 * @store: (nullable): the book
 *
 * Shows the support calendars of @store, and follows its changes.
 */
void
sb_calendars_view_set_store (SbCalendarsView *self,
                             SbStore         *store)
{
  g_return_if_fail (SB_IS_CALENDARS_VIEW (self));
  g_return_if_fail (store == NULL || SB_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed",
                                                G_CALLBACK (on_store_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sb_calendars_view_get_model:
 * @self: a calendars view
 *
 * Returns: (transfer none): the calendars as listed
 */
GListModel *
sb_calendars_view_get_model (SbCalendarsView *self)
{
  g_return_val_if_fail (SB_IS_CALENDARS_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

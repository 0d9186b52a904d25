/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-contracts.h"
#include "sb-deadlines-view.h"

/* The deadlines of the next 12 months, one group per month, with those
 * missed lately (a last day to give notice or a review that passed) on
 * top.  Nothing is kept but what is on screen: the list is read again
 * whenever the book changes, and when the view is shown (the day may have
 * changed). */

#define AHEAD_MONTHS 12

struct _SbDeadlinesView
{
  GtkWidget             parent_instance;

  SbStore              *store;
  gulong                changed_id;
  guint                 n_deadlines;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkBox               *groups;
  GtkWidget            *export_button;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbDeadlinesView, sb_deadlines_view, GTK_TYPE_WIDGET)

static void
get_range (SbStore *store,
           GDate   *today,
           GDate   *from,
           GDate   *to)
{
  sb_contracts_get_today (store, today);

  *from = *today;
  g_date_subtract_days (from, SB_DEADLINES_PAST_DAYS);
  *to = *today;
  g_date_add_months (to, AHEAD_MONTHS);
}

static char *
format_month (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date),
                                                   g_date_get_month (date),
                                                   1, 12, 0, 0);

  /* Translators: a month heading of the deadlines, as in “May 2026”; see
   * g_date_time_format() (%OB is the month name standing alone) */
  return g_date_time_format (dt, C_("deadlines month", "%OB %Y"));
}

static void
clear_groups (SbDeadlinesView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);
}

static AdwPreferencesGroup *
add_group (SbDeadlinesView *self,
           const char      *title,
           const char      *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->groups, group);

  return ADW_PREFERENCES_GROUP (group);
}

static void
show_error (SbDeadlinesView *self,
            const GError    *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  clear_groups (self);
  self->n_deadlines = 0;
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deadlines.export", FALSE);
}

static void
refresh (SbDeadlinesView *self)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *missed = NULL;
  AdwPreferencesGroup *month = NULL;
  GDate month_of = { 0, };
  GDate today;
  GDate from;
  GDate to;

  if (self->store == NULL)
    return;

  get_range (self->store, &today, &from, &to);
  deadlines = sb_deadlines_list (self->store, &from, &to, &error);
  if (deadlines == NULL)
    {
      show_error (self, error);
      return;
    }

  clear_groups (self);
  self->n_deadlines = 0;

  /* The store orders by date, so the missed ones come first. */
  for (guint i = 0; i < deadlines->len; i++)
    {
      const SbDeadline *deadline = g_ptr_array_index (deadlines, i);
      AdwPreferencesGroup *group;

      if (g_date_compare (&deadline->date, &today) < 0)
        {
          /* A renewal or an end that passed just happened; only what was
           * to be done and was not is worth showing. */
          if (!sb_deadline_is_missed (deadline, &today))
            continue;

          if (missed == NULL)
            missed = add_group (self, _("Missed"),
                                _("Last days to give notice and reviews that passed in the last 30 days"));
          group = missed;
        }
      else
        {
          if (month == NULL ||
              g_date_get_month (&month_of) != g_date_get_month (&deadline->date) ||
              g_date_get_year (&month_of) != g_date_get_year (&deadline->date))
            {
              g_autofree char *title = format_month (&deadline->date);

              month = add_group (self, title, NULL);
              month_of = deadline->date;
            }
          group = month;
        }

      adw_preferences_group_add (group, sb_deadline_row_new (deadline, &today));
      self->n_deadlines++;
    }

  gtk_stack_set_visible_child_name (self->stack, self->n_deadlines > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deadlines.export", self->n_deadlines > 0);
}

static void
on_store_changed_cb (SbDeadlinesView *self,
                     const char      *table)
{
  refresh (self);
}

static void
add_toast (SbDeadlinesView *self,
           const char      *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }

  /* A toast's title is markup; a file name is plain text. */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_export_error (SbDeadlinesView *self,
                   const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Deadlines Not Exported"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response_cb (SbDeadlinesView *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  if (!sb_deadlines_view_export_to_file (self, file, &error))
    {
      show_export_error (self, error);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Deadlines saved to “%s”"), name);

      add_toast (self, title);
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbDeadlinesView *self = SB_DEADLINES_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) calendars = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->store == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Deadlines to Calendar"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "servicebook-deadlines.ics");

  gtk_file_filter_set_name (calendars, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (calendars, "text/calendar");
  gtk_file_filter_add_suffix (calendars, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), calendars);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
sb_deadlines_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sb_deadlines_view_parent_class)->map (widget);

  /* "in 3 days" is only true on the day it was written. */
  refresh (SB_DEADLINES_VIEW (widget));
}

static void
sb_deadlines_view_constructed (GObject *object)
{
  SbDeadlinesView *self = SB_DEADLINES_VIEW (object);

  G_OBJECT_CLASS (sb_deadlines_view_parent_class)->constructed (object);

  if (self->store != NULL)
    self->changed_id = g_signal_connect_object (self->store, "changed",
                                                G_CALLBACK (on_store_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  refresh (self);
}

static void
sb_deadlines_view_dispose (GObject *object)
{
  SbDeadlinesView *self = SB_DEADLINES_VIEW (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_DEADLINES_VIEW);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_deadlines_view_parent_class)->dispose (object);
}

static void
sb_deadlines_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbDeadlinesView *self = SB_DEADLINES_VIEW (object);

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
sb_deadlines_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbDeadlinesView *self = SB_DEADLINES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_deadlines_view_class_init (SbDeadlinesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_deadlines_view_constructed;
  object_class->dispose = sb_deadlines_view_dispose;
  object_class->get_property = sb_deadlines_view_get_property;
  object_class->set_property = sb_deadlines_view_set_property;

  widget_class->map = sb_deadlines_view_map;

  /**
   * SbDeadlinesView:store:
   *
   * The book whose deadlines are shown.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-deadlines-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SbDeadlinesView, stack);
  gtk_widget_class_bind_template_child (widget_class, SbDeadlinesView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SbDeadlinesView, groups);
  gtk_widget_class_bind_template_child (widget_class, SbDeadlinesView, export_button);

  gtk_widget_class_install_action (widget_class, "deadlines.export", NULL, export_action);
}

static void
sb_deadlines_view_init (SbDeadlinesView *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Shift+E works wherever the focus is, as long as the view is
   * shown: a managed controller only fires while its widget is mapped. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>e"),
                                                          gtk_named_action_new ("deadlines.export")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deadlines.export", FALSE);
}

/**
 * sb_deadlines_view_new:
 * @store: the book
 *
 * Returns: (transfer full): a new deadlines view
 */
GtkWidget *
sb_deadlines_view_new (SbStore *store)
{
  g_return_val_if_fail (SB_IS_STORE (store), NULL);

  return g_object_new (SB_TYPE_DEADLINES_VIEW,
                       "store", store,
                       NULL);
}

SbStore *
sb_deadlines_view_get_store (SbDeadlinesView *self)
{
  g_return_val_if_fail (SB_IS_DEADLINES_VIEW (self), NULL);

  return self->store;
}

/**
 * sb_deadlines_view_get_n_deadlines:
 * @self: a deadlines view
 *
 * Returns: the number of deadlines shown
 */
guint
sb_deadlines_view_get_n_deadlines (SbDeadlinesView *self)
{
  g_return_val_if_fail (SB_IS_DEADLINES_VIEW (self), 0);

  return self->n_deadlines;
}

/**
 * sb_deadlines_view_refresh:
 * @self: a deadlines view
 *
 * Reads the deadlines again (the view does so itself when the book
 * changes and when it is shown).
 */
void
sb_deadlines_view_refresh (SbDeadlinesView *self)
{
  g_return_if_fail (SB_IS_DEADLINES_VIEW (self));

  refresh (self);
}

/**
 * sb_deadlines_view_export_to_file:
 * @self: a deadlines view
 * @file: where to write
 * @error: return location for an error
 *
 * Writes the deadlines of the next 12 months to @file as an iCalendar
 * file, with a reminder the warning window before each notice deadline.
 *
 * Returns: %TRUE when written
 */
gboolean
sb_deadlines_view_export_to_file (SbDeadlinesView  *self,
                                  GFile            *file,
                                  GError          **error)
{
  GDate today;
  GDate from;
  GDate to;

  g_return_val_if_fail (SB_IS_DEADLINES_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  /* A calendar wants what is ahead; a reminder for a day gone is noise. */
  get_range (self->store, &today, &from, &to);

  return sb_deadlines_export_ical (self->store, &today, &to, file, error);
}

/**
 * sb_deadline_format_days_left:
 * @days: days from today; negative for the past
 *
 * Returns: (transfer full): “today”, “in 12 days”, “3 days ago”…
 */
char *
sb_deadline_format_days_left (int days)
{
  if (days == 0)
    return g_strdup (_("today"));
  if (days == 1)
    return g_strdup (_("tomorrow"));
  if (days == -1)
    return g_strdup (_("yesterday"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days), days);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", -days), -days);
}

/**
 * sb_deadline_format_date:
 * @date: a valid date
 *
 * Returns: (transfer full): the date in short words, as in “Tue 12 May”
 */
char *
sb_deadline_format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 12, 0, 0);

  /* Translators: a deadline's date, as in “Tue 12 May”; see g_date_time_format() */
  return g_date_time_format (dt, C_("deadline date", "%a %-d %b"));
}

/**
 * sb_deadline_kind_get_icon_name:
 * @kind: a deadline kind
 *
 * Returns: the symbolic icon that stands for @kind
 */
const char *
sb_deadline_kind_get_icon_name (SbDeadlineKind kind)
{
  switch (kind)
    {
    case SB_DEADLINE_NOTICE:
      return "alarm-symbolic";
    case SB_DEADLINE_RENEWAL:
      return "media-playlist-repeat-symbolic";
    case SB_DEADLINE_END:
      return "process-stop-symbolic";
    case SB_DEADLINE_REVIEW:
      return "starred-symbolic";
    default:
      return "x-office-calendar-symbolic";
    }
}

/**
 * sb_deadline_is_missed:
 * @deadline: a deadline
 * @today: the day
 *
 * Returns: whether @deadline asked for something to be done before
 *   @today (a notice or a review), so that it is now overdue
 */
gboolean
sb_deadline_is_missed (const SbDeadline *deadline,
                       const GDate      *today)
{
  g_return_val_if_fail (deadline != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return g_date_compare (&deadline->date, today) < 0 &&
         (deadline->kind == SB_DEADLINE_NOTICE || deadline->kind == SB_DEADLINE_REVIEW);
}

/**
 * sb_deadline_row_new:
 * @deadline: a deadline
 * @today: the day its “in N days” counts from
 *
 * A row for @deadline: its kind's icon, its summary and detail, the date
 * and the days left; activating it shows its contract (or, for a review,
 * its supplier).
 *
 * Returns: (transfer floating): an AdwActionRow
 */
GtkWidget *
sb_deadline_row_new (const SbDeadline *deadline,
                     const GDate      *today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (sb_deadline_kind_get_icon_name (deadline->kind));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *date_label;
  GtkWidget *days_label;
  g_autofree char *date = sb_deadline_format_date (&deadline->date);
  g_autofree char *days = NULL;
  g_autofree char *tooltip = NULL;
  int days_left = g_date_days_between (today, &deadline->date);

  days = sb_deadline_format_days_left (days_left);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), deadline->summary);
  if (deadline->detail != NULL && deadline->detail[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), deadline->detail);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_widget_set_tooltip_text (icon, sb_deadline_kind_get_label (deadline->kind));
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  date_label = gtk_label_new (date);
  days_label = gtk_label_new (days);
  gtk_label_set_xalign (GTK_LABEL (date_label), 1.0);
  gtk_label_set_xalign (GTK_LABEL (days_label), 1.0);
  gtk_widget_add_css_class (date_label, "numeric");
  gtk_widget_add_css_class (days_label, "caption");
  if (days_left < 0)
    {
      gtk_widget_add_css_class (icon, "error");
      gtk_widget_add_css_class (days_label, "error");
    }
  else if (days_left <= 7 && deadline->kind != SB_DEADLINE_RENEWAL)
    {
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_add_css_class (days_label, "warning");
    }
  else
    {
      gtk_widget_add_css_class (days_label, "dim-label");
    }
  gtk_box_append (GTK_BOX (box), date_label);
  gtk_box_append (GTK_BOX (box), days_label);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  /* Translators: a deadline's kind, date and days left, as in
   * “Last day to give notice, Tue 12 May, in 12 days” */
  tooltip = g_strdup_printf (_("%s, %s, %s"), sb_deadline_kind_get_label (deadline->kind), date, days);
  gtk_widget_set_tooltip_text (box, tooltip);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (deadline->contract_id != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", deadline->contract_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-contract");
    }
  else if (deadline->supplier_id != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", deadline->supplier_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-supplier");
    }

  return row;
}

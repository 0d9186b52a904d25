/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-escalations.h"
#include "sb-incident-detail-private.h"
#include "sb-report-print.h"
#include "sb-service.h"
#include "sb-time.h"

/*
 * The "incident" actions of the detail pane, their small dialogs, and
 * the timeline with its note composer.
 * Respond, Start and Close act at once: they need nothing more, and one
 * key should be enough while on the phone (a response note, when there is
 * one, is a customer-visible note from the composer). Hold, Resolve,
 * Reopen, Cancel and Duplicate ask in a small dialog whose sensible
 * default is chosen and whose text field has the focus, so Enter
 * completes it and Escape leaves it.
 */

typedef enum
{
  DIALOG_HOLD,
  DIALOG_RESOLVE,
  DIALOG_REOPEN,
  DIALOG_CANCEL,
  DIALOG_DUPLICATE,
} DialogKind;

/* What one open dialog holds; owned by the dialog. */
typedef struct
{
  SbIncidentDetail *detail;        /* not owned: the pane closes its dialog on dispose */
  DialogKind        kind;
  char             *incident_id;
  const char * const *values;      /* behind the combo row, if any */
  AdwComboRow      *combo;
  AdwEntryRow      *entry;         /* the main text field */
  AdwEntryRow      *extra_entry;   /* resolve: workaround */
  GtkSpinButton    *minutes;
  GtkLabel         *hint;          /* duplicate: what the reference names */
  char             *original_id;   /* duplicate: the incident it names */
} DialogData;

static void
dialog_data_free (DialogData *data)
{
  g_free (data->incident_id);
  g_free (data->original_id);
  g_free (data);
}

static GSimpleAction *
lookup (SbIncidentDetail *self,
        const char       *name)
{
  return G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), name));
}

static gboolean
allowed (SbIncidentStatus from,
         SbIncidentStatus to,
         const char      *detail)
{
  return sb_incident_check_transition (from, to, detail, NULL);
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = NULL;

  if (row == NULL)
    return NULL;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Run one write; on failure say why above the actions. */
static void
finish_write (SbIncidentDetail *self,
              gboolean          ok,
              GError           *error)
{
  if (!ok)
    {
      sb_incident_detail_show_action_problem (self, error != NULL ? error->message : _("The change was refused."));
      return;
    }

  sb_incident_detail_after_write (self);
}

/* Dialogs */

static AdwEntryRow *
add_entry_row (GtkListBox *list,
               const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (list, row);

  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
add_combo_row (GtkListBox         *list,
               const char         *title,
               const char * const *values,
               const char        *(*get_label) (const char *value),
               const char         *selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint index = 0;

  for (guint i = 0; values[i] != NULL; i++)
    {
      gtk_string_list_append (names, get_label (values[i]));
      if (g_strcmp0 (values[i], selected) == 0)
        index = i;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), index);
  gtk_list_box_append (list, row);

  return ADW_COMBO_ROW (row);
}

static GtkSpinButton *
add_minutes_row (GtkListBox *list)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 1440, 5);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Minutes spent"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (spin))), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_list_box_append (list, row);

  return GTK_SPIN_BUTTON (spin);
}

static const char *
selected_value (DialogData *data)
{
  guint index;

  if (data->combo == NULL || data->values == NULL)
    return NULL;

  index = adw_combo_row_get_selected (data->combo);
  if (index >= g_strv_length ((char **) data->values))
    return data->values[0];

  return data->values[index];
}

/* Duplicate: the reference must name another live incident. */
static void
on_reference_changed_cb (GtkEditable *editable,
                         DialogData  *data)
{
  SbIncidentDetail *self = data->detail;
  g_autofree char *reference = entry_text (data->entry);
  g_autoptr(SbIncident) original = NULL;
  g_autofree char *hint = NULL;
  gboolean valid = FALSE;

  g_clear_pointer (&data->original_id, g_free);

  if (reference == NULL)
    hint = g_strdup (_("Type the reference of the incident this one repeats, such as INC-K7QX-0042."));
  else if ((original = sb_incidents_find (self->store, reference)) == NULL)
    /* Translators: %s is what the person typed as a reference */
    hint = g_strdup_printf (_("No incident has the reference “%s”."), reference);
  else if (g_strcmp0 (sb_incident_get_id (original), data->incident_id) == 0)
    hint = g_strdup (_("That is this incident. Name the one it repeats."));
  else
    {
      /* Translators: the incident a reference names, as in "Same as: Mail server down (In progress)" */
      hint = g_strdup_printf (_("Same as: %s (%s)"), sb_incident_get_title (original),
                              sb_incident_status_get_label (sb_incident_get_status (original)));
      data->original_id = g_strdup (sb_incident_get_id (original));
      valid = TRUE;
    }

  gtk_label_set_label (data->hint, hint);
  if (valid || reference == NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (data->hint), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (data->hint), "error");
  if (reference != NULL && !valid)
    gtk_widget_add_css_class (GTK_WIDGET (data->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (data->entry), "error");
  if (self->dialog != NULL)
    adw_message_dialog_set_response_enabled (self->dialog, "ok", valid);
}

/* Reopen: a reason is required. */
static void
on_reason_changed_cb (GtkEditable *editable,
                      DialogData  *data)
{
  g_autofree char *reason = entry_text (data->entry);

  if (data->detail->dialog != NULL)
    adw_message_dialog_set_response_enabled (data->detail->dialog, "ok", reason != NULL);
}

static void
apply_dialog (DialogData *data)
{
  SbIncidentDetail *self = data->detail;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = entry_text (data->entry);
  g_autofree char *extra = entry_text (data->extra_entry);
  guint minutes = data->minutes != NULL ? (guint) gtk_spin_button_get_value_as_int (data->minutes) : 0;
  gboolean ok = FALSE;

  switch (data->kind)
    {
    case DIALOG_HOLD:
      ok = sb_incidents_hold (self->store, data->incident_id, selected_value (data), text,
                              minutes, self->now_ms, &error);
      break;
    case DIALOG_RESOLVE:
      ok = sb_incidents_resolve (self->store, data->incident_id, selected_value (data), text,
                                 extra, minutes, self->now_ms, &error);
      break;
    case DIALOG_REOPEN:
      if (text == NULL)
        return;
      ok = sb_incidents_reopen (self->store, data->incident_id, text, self->now_ms, &error);
      break;
    case DIALOG_CANCEL:
      ok = sb_incidents_cancel (self->store, data->incident_id, text, self->now_ms, &error);
      break;
    case DIALOG_DUPLICATE:
      if (data->original_id == NULL)
        return;
      ok = sb_incidents_mark_duplicate (self->store, data->incident_id, data->original_id,
                                        self->now_ms, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  finish_write (self, ok, error);
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DialogData       *data)
{
  SbIncidentDetail *self = data->detail;

  if (self->dialog == dialog)
    self->dialog = NULL;

  /* The pane may have moved on to another incident meanwhile. */
  if (g_strcmp0 (response, "ok") == 0 && g_strcmp0 (data->incident_id, self->incident_id) == 0)
    apply_dialog (data);

  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
open_dialog (SbIncidentDetail *self,
             DialogKind        kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  DialogData *data;
  const char *heading = NULL;
  const char *body = NULL;
  const char *ok_label = NULL;
  GtkWidget *focus = NULL;
  g_autofree char *body_text = NULL;

  if (self->incident == NULL)
    return;

  sb_incident_detail_close_dialog (self);

  data = g_new0 (DialogData, 1);
  data->detail = self;
  data->kind = kind;
  data->incident_id = g_strdup (self->incident_id);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);

  switch (kind)
    {
    case DIALOG_HOLD:
      heading = _("Put on Hold");
      body = _("The resolution clock pauses while the service’s terms say it may.");
      ok_label = _("_Hold");
      data->values = sb_incident_get_hold_reasons ();
      data->combo = add_combo_row (GTK_LIST_BOX (list), _("Reason"), data->values,
                                   sb_incident_hold_reason_get_label, SB_HOLD_AWAITING_CUSTOMER);
      data->entry = add_entry_row (GTK_LIST_BOX (list), _("Note (optional)"));
      data->minutes = add_minutes_row (GTK_LIST_BOX (list));
      focus = GTK_WIDGET (data->entry);
      break;

    case DIALOG_RESOLVE:
      heading = _("Resolve Incident");
      body = _("The service is working again. The customer can confirm before you close it.");
      ok_label = _("_Resolve");
      data->values = sb_incident_get_resolution_codes ();
      data->combo = add_combo_row (GTK_LIST_BOX (list), _("Resolution"), data->values,
                                   sb_incident_resolution_code_get_label, "fixed");
      data->entry = add_entry_row (GTK_LIST_BOX (list), _("What was done"));
      data->extra_entry = add_entry_row (GTK_LIST_BOX (list), _("Workaround (optional)"));
      data->minutes = add_minutes_row (GTK_LIST_BOX (list));
      if (sb_incident_get_resolution_notes (self->incident) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (data->entry), sb_incident_get_resolution_notes (self->incident));
      if (sb_incident_get_workaround (self->incident) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (data->extra_entry), sb_incident_get_workaround (self->incident));
      focus = GTK_WIDGET (data->entry);
      break;

    case DIALOG_REOPEN:
      heading = _("Reopen Incident");
      body = _("Say why it is not resolved after all. Reopens are counted.");
      ok_label = _("_Reopen");
      data->entry = add_entry_row (GTK_LIST_BOX (list), _("Reason"));
      g_signal_connect (data->entry, "changed", G_CALLBACK (on_reason_changed_cb), data);
      focus = GTK_WIDGET (data->entry);
      break;

    case DIALOG_CANCEL:
      heading = _("Cancel Incident");
      body = _("It ends without a resolution, for example when it was logged by mistake. This cannot be undone.");
      ok_label = _("Cancel _Incident");
      data->entry = add_entry_row (GTK_LIST_BOX (list), _("Note (optional)"));
      focus = GTK_WIDGET (data->entry);
      break;

    case DIALOG_DUPLICATE:
      heading = _("Mark as Duplicate");
      body = _("It ends here; the work goes on in the incident it repeats.");
      ok_label = _("_Mark as Duplicate");
      data->entry = add_entry_row (GTK_LIST_BOX (list), _("Reference of the original"));
      data->hint = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (data->hint, TRUE);
      gtk_label_set_xalign (data->hint, 0.0);
      gtk_widget_add_css_class (GTK_WIDGET (data->hint), "caption");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->hint));
      g_signal_connect (data->entry, "changed", G_CALLBACK (on_reference_changed_cb), data);
      focus = GTK_WIDGET (data->entry);
      break;

    default:
      g_assert_not_reached ();
    }

  /* Translators: the incident an action dialog is about, then what it does,
   * as in "INC-K7QX-0042 · Mail server down\n\nSay why…" */
  body_text = g_strdup_printf (_("%s · %s\n\n%s"),
                               sb_incident_get_reference (self->incident),
                               sb_incident_get_title (self->incident), body);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body_text);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Back"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", ok_label);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              kind == DIALOG_CANCEL ? ADW_RESPONSE_DESTRUCTIVE
                                                                    : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sb-dialog-data", data, (GDestroyNotify) dialog_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response_cb), data);

  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  if (kind == DIALOG_REOPEN)
    on_reason_changed_cb (NULL, data);
  else if (kind == DIALOG_DUPLICATE)
    on_reference_changed_cb (NULL, data);

  gtk_window_present (GTK_WINDOW (dialog));
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

/* Actions */

static void
respond_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  SbIncidentDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sb_incidents_respond (self->store, self->incident_id, NULL, 0, self->now_ms, &error);
  finish_write (self, ok, error);
}

static void
start_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  SbIncidentDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sb_incidents_start (self->store, self->incident_id, NULL, 0, self->now_ms, &error);
  finish_write (self, ok, error);
}

static void
close_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  SbIncidentDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sb_incidents_close (self->store, self->incident_id, NULL, self->now_ms, &error);
  finish_write (self, ok, error);
}

static void
hold_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  open_dialog (user_data, DIALOG_HOLD);
}

static void
resolve_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  open_dialog (user_data, DIALOG_RESOLVE);
}

static void
reopen_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  open_dialog (user_data, DIALOG_REOPEN);
}

static void
cancel_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  open_dialog (user_data, DIALOG_CANCEL);
}

static void
duplicate_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  open_dialog (user_data, DIALOG_DUPLICATE);
}

static void
note_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  SbIncidentDetail *self = user_data;

  gtk_stack_set_visible_child_name (self->view_stack, "timeline");
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
add_note_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  sb_incident_detail_add_note_from_composer (user_data);
}

static void
edit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  SbIncidentDetail *self = user_data;

  gtk_stack_set_visible_child_name (self->view_stack, "details");
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
save_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  sb_incident_detail_save (user_data);
}

static void
revert_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  sb_incident_detail_revert (user_data);
}

/* The incident record report: every field, its clocks and its timeline,
 * as saved (unsaved edits are not in it). */
static void
print_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  SbIncidentDetail *self = user_data;
  SbReportFilters filters = { 0 };

  if (self->incident == NULL)
    return;

  filters.incident_id = self->incident_id;
  sb_report_print_from_store (GTK_WIDGET (self), self->store, "incident", NULL, &filters);
}

static void
escalate_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  sb_incident_detail_open_escalate (user_data);
}

static void
supplier_response_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  sb_incident_detail_supplier_step (user_data, g_variant_get_string (parameter, NULL), FALSE);
}

static void
supplier_resolution_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  sb_incident_detail_supplier_step (user_data, g_variant_get_string (parameter, NULL), TRUE);
}

static const GActionEntry entries[] = {
  { "respond", respond_cb },
  { "start", start_cb },
  { "hold", hold_cb },
  { "resolve", resolve_cb },
  { "close", close_cb },
  { "reopen", reopen_cb },
  { "note", note_cb },
  { "add-note", add_note_cb },
  { "cancel", cancel_cb },
  { "duplicate", duplicate_cb },
  { "edit", edit_cb },
  { "save", save_cb },
  { "revert", revert_cb },
  { "escalate", escalate_cb },
  { "print", print_cb },
  { "supplier-response", supplier_response_cb, "s" },
  { "supplier-resolution", supplier_resolution_cb, "s" },
};

/* Timeline rows: newest first, in a list view so hundreds of entries
 * cost only the rows on screen. */

static const char *
event_icon_name (SbIncidentEvent *event)
{
  const char *kind = sb_incident_event_get_kind (event);

  if (g_strcmp0 (kind, SB_INCIDENT_EVENT_OPENED) == 0)
    return "document-new-symbolic";
  if (g_strcmp0 (kind, SB_INCIDENT_EVENT_NOTE) == 0)
    return sb_incident_event_get_customer_visible (event) ? "mail-send-symbolic" : "accessories-text-editor-symbolic";
  if (g_strcmp0 (kind, SB_INCIDENT_EVENT_STATUS) == 0)
    return "emblem-synchronizing-symbolic";
  if (g_strcmp0 (kind, SB_INCIDENT_EVENT_FIELD) == 0)
    return "document-edit-symbolic";
  if (g_strcmp0 (kind, SB_INCIDENT_EVENT_ESCALATION) == 0)
    {
      /* The supplier's steps as the incident's own: answered, resolved. */
      const char *field = sb_incident_event_get_field (event);

      if (g_strcmp0 (field, SB_ESCALATION_EVENT_RESPONSE) == 0)
        return "mail-reply-sender-symbolic";
      if (g_strcmp0 (field, SB_ESCALATION_EVENT_RESOLUTION) == 0)
        return "object-select-symbolic";
      if (g_strcmp0 (field, SB_ESCALATION_EVENT_SUPPLIER_REF) == 0)
        return "document-edit-symbolic";
      return "send-to-symbolic";
    }
  if (g_strcmp0 (kind, SB_INCIDENT_EVENT_TIME) == 0)
    return "preferences-system-time-symbolic";

  return "view-list-symbolic";
}

static void
setup_event_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *what = gtk_label_new (NULL);
  GtkWidget *tag = gtk_label_new (_("Customer-visible"));
  GtkWidget *minutes = gtk_label_new (NULL);
  GtkWidget *when = gtk_label_new (NULL);
  GtkWidget *body = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_hexpand (column, TRUE);

  gtk_label_set_xalign (GTK_LABEL (what), 0.0);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (what), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (what), 40);
  gtk_widget_set_hexpand (what, TRUE);
  gtk_widget_add_css_class (what, "heading");
  gtk_widget_add_css_class (tag, "sb-pill");
  gtk_widget_add_css_class (tag, "accent");
  gtk_widget_set_valign (tag, GTK_ALIGN_START);
  gtk_widget_add_css_class (minutes, "dim-label");
  gtk_widget_add_css_class (minutes, "numeric");
  gtk_widget_set_valign (minutes, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (when), 0.0);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "caption");
  gtk_label_set_xalign (GTK_LABEL (body), 0.0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 50);

  gtk_box_append (GTK_BOX (top), what);
  gtk_box_append (GTK_BOX (top), tag);
  gtk_box_append (GTK_BOX (top), minutes);
  gtk_box_append (GTK_BOX (column), top);
  gtk_box_append (GTK_BOX (column), when);
  gtk_box_append (GTK_BOX (column), body);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), column);

  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "what", what);
  g_object_set_data (G_OBJECT (box), "tag", tag);
  g_object_set_data (G_OBJECT (box), "minutes", minutes);
  g_object_set_data (G_OBJECT (box), "when", when);
  g_object_set_data (G_OBJECT (box), "body", body);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_event_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  SbIncidentEvent *event = gtk_list_item_get_item (item);
  GObject *box = G_OBJECT (gtk_list_item_get_child (item));
  g_autofree char *what = sb_incident_event_describe (event);
  g_autofree char *when = sb_time_format_local (sb_incident_event_get_at_ms (event), NULL);
  const char *body = sb_incident_event_get_body (event);
  guint minutes = sb_incident_event_get_minutes (event);
  g_autofree char *minutes_text = NULL;
  gboolean visible = sb_incident_event_get_customer_visible (event);

  if (minutes > 0)
    minutes_text = sb_duration_format (minutes);

  gtk_image_set_from_icon_name (g_object_get_data (box, "icon"), event_icon_name (event));
  gtk_label_set_label (g_object_get_data (box, "what"), what);
  gtk_widget_set_visible (g_object_get_data (box, "tag"), visible);
  gtk_label_set_label (g_object_get_data (box, "minutes"), minutes_text != NULL ? minutes_text : "");
  gtk_widget_set_visible (g_object_get_data (box, "minutes"), minutes_text != NULL);
  gtk_widget_set_tooltip_text (g_object_get_data (box, "minutes"),
                               minutes_text != NULL ? _("Time spent") : NULL);
  gtk_label_set_label (g_object_get_data (box, "when"), when);
  /* A status entry may carry its hold reason or resolution code as its
   * body; the description already says it in words. */
  if (g_strcmp0 (sb_incident_event_get_kind (event), SB_INCIDENT_EVENT_STATUS) == 0 &&
      body != NULL && (sb_incident_hold_reason_is_valid (body) || sb_incident_resolution_code_is_valid (body)))
    body = NULL;
  gtk_label_set_label (g_object_get_data (box, "body"), body != NULL ? body : "");
  gtk_widget_set_visible (g_object_get_data (box, "body"), body != NULL && *body != '\0');
}

/* The newest entries first; older ones on request, because GTK 4.8's
 * list view builds about 200 rows at once whatever is on screen, and a
 * row with wrapped text costs a few milliseconds. */
void
sb_incident_detail_show_timeline (SbIncidentDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = sb_incidents_list_timeline (self->store, self->incident_id, &error);
  g_autoptr(GPtrArray) newest_first = g_ptr_array_new ();

  if (events == NULL)
    {
      sb_incident_detail_show_action_problem (self, error->message);
      g_list_store_remove_all (self->timeline);
      gtk_widget_set_visible (GTK_WIDGET (self->older_button), FALSE);
      return;
    }

  for (guint i = events->len; i > 0 && newest_first->len < self->timeline_limit; i--)
    g_ptr_array_add (newest_first, g_ptr_array_index (events, i - 1));

  g_list_store_splice (self->timeline, 0, g_list_model_get_n_items (G_LIST_MODEL (self->timeline)),
                       newest_first->pdata, newest_first->len);

  if (newest_first->len < events->len)
    {
      guint n_older = events->len - newest_first->len;
      g_autofree char *label = g_strdup_printf (ngettext ("Show %u Older Entry", "Show %u Older Entries", n_older),
                                                n_older);

      gtk_button_set_label (self->older_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->older_button), newest_first->len < events->len);
}

static void
on_older_clicked_cb (SbIncidentDetail *self)
{
  self->timeline_limit = G_MAXUINT;
  sb_incident_detail_show_timeline (self);
}

void
sb_incident_detail_init_timeline (SbIncidentDetail *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->timeline)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_event_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_event_cb), self);
  gtk_list_view_set_factory (self->timeline_view, factory);
  gtk_list_view_set_model (self->timeline_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_swapped (self->older_button, "clicked", G_CALLBACK (on_older_clicked_cb), self);
}

/* Private API */

void
sb_incident_detail_init_actions (SbIncidentDetail *self)
{
  GtkEventController *controller;
  GtkShortcutAction *add = gtk_named_action_new ("incident.add-note");

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "incident", G_ACTION_GROUP (self->actions));

  /* Ctrl+Enter in the composer adds the note. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          add));
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), controller);

  /* A button of an action that cannot run now is left out rather than
   * greyed: the row has room only for what can be done. The compact row
   * (icons only) takes over when the labelled one does not fit. */
  {
    GtkWidget *boxes[] = { self->actions_box, self->actions_compact };

    for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
      {
        for (GtkWidget *button = gtk_widget_get_first_child (boxes[i]);
             button != NULL;
             button = gtk_widget_get_next_sibling (button))
          {
            if (GTK_IS_BUTTON (button))
              g_object_bind_property (button, "sensitive", button, "visible", G_BINDING_SYNC_CREATE);
          }
      }
  }

  /* So does the Supplier group's Escalate button on a finished incident. */
  {
    GtkWidget *escalate = adw_preferences_group_get_header_suffix (self->supplier_group);

    g_object_bind_property (escalate, "sensitive", escalate, "visible", G_BINDING_SYNC_CREATE);
  }

  sb_incident_detail_update_actions (self);
}

/* Enable what the lifecycle allows now. */
void
sb_incident_detail_update_actions (SbIncidentDetail *self)
{
  SbIncident *incident = self->incident;
  SbIncidentStatus st = incident != NULL ? sb_incident_get_status (incident) : SB_INCIDENT_CLOSED;
  gboolean have = incident != NULL;
  gboolean final = !have || sb_incident_status_is_final (st);

  g_simple_action_set_enabled (lookup (self, "respond"),
                               have && (st == SB_INCIDENT_NEW || st == SB_INCIDENT_IN_PROGRESS) &&
                               sb_incident_get_responded_ms (incident) == SB_INCIDENT_NO_TIME);
  g_simple_action_set_enabled (lookup (self, "start"),
                               have && st != SB_INCIDENT_RESOLVED &&
                               allowed (st, SB_INCIDENT_IN_PROGRESS, NULL));
  g_simple_action_set_enabled (lookup (self, "hold"),
                               have && allowed (st, SB_INCIDENT_ON_HOLD, SB_HOLD_AWAITING_CUSTOMER));
  g_simple_action_set_enabled (lookup (self, "resolve"),
                               have && allowed (st, SB_INCIDENT_RESOLVED, "fixed"));
  g_simple_action_set_enabled (lookup (self, "close"),
                               have && allowed (st, SB_INCIDENT_CLOSED, NULL));
  g_simple_action_set_enabled (lookup (self, "reopen"),
                               have && sb_incident_transition_is_reopen (st, SB_INCIDENT_IN_PROGRESS) &&
                               allowed (st, SB_INCIDENT_IN_PROGRESS, NULL));
  g_simple_action_set_enabled (lookup (self, "cancel"),
                               have && allowed (st, SB_INCIDENT_CANCELLED, NULL));
  g_simple_action_set_enabled (lookup (self, "duplicate"),
                               have && allowed (st, SB_INCIDENT_DUPLICATE, "original"));
  g_simple_action_set_enabled (lookup (self, "note"), have);
  g_simple_action_set_enabled (lookup (self, "print"), have);
  g_simple_action_set_enabled (lookup (self, "add-note"), have);
  g_simple_action_set_enabled (lookup (self, "edit"), have && !final);
  g_simple_action_set_enabled (lookup (self, "escalate"), have && !final);
  g_simple_action_set_enabled (lookup (self, "supplier-response"), have && !final);
  g_simple_action_set_enabled (lookup (self, "supplier-resolution"), have && !final);
  if (!have)
    {
      g_simple_action_set_enabled (lookup (self, "save"), FALSE);
      g_simple_action_set_enabled (lookup (self, "revert"), FALSE);
    }
}

void
sb_incident_detail_close_dialog (SbIncidentDetail *self)
{
  AdwMessageDialog *dialog = g_steal_pointer (&self->dialog);

  sb_incident_detail_close_escalate (self);
  if (dialog != NULL)
    {
      DialogData *data = g_object_get_data (G_OBJECT (dialog), "sb-dialog-data");

      g_signal_handlers_disconnect_by_data (dialog, data);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

/* The composer: a note, customer-visible or not, with minutes spent. */
gboolean
sb_incident_detail_add_note_from_composer (SbIncidentDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start;
  GtkTextIter end;
  guint minutes;

  if (self->incident == NULL)
    return FALSE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  minutes = (guint) gtk_spin_button_get_value_as_int (self->minutes_spin);

  if (*text == '\0' && minutes == 0)
    {
      gtk_label_set_label (self->note_problem_label, _("Write a note, or enter the minutes you spent."));
      gtk_widget_set_visible (GTK_WIDGET (self->note_problem_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
      return FALSE;
    }

  if (!sb_incidents_add_note (self->store, self->incident_id, *text != '\0' ? text : NULL,
                              gtk_check_button_get_active (self->visible_check), minutes,
                              self->now_ms, &error))
    {
      gtk_label_set_label (self->note_problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->note_problem_label), TRUE);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->note_problem_label), FALSE);
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_check_button_set_active (self->visible_check, FALSE);
  gtk_spin_button_set_value (self->minutes_spin, 0);
  sb_incident_detail_after_write (self);

  return TRUE;
}

/* For tests */

GtkWidget *
sb_incident_detail_get_dialog_for_test (SbIncidentDetail *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_DETAIL (self), NULL);

  if (self->escalate_dialog != NULL)
    return GTK_WIDGET (self->escalate_dialog);

  return self->dialog != NULL ? GTK_WIDGET (self->dialog) : NULL;
}

gboolean
sb_incident_detail_complete_dialog_for_test (SbIncidentDetail *self,
                                             const char       *choice,
                                             const char       *text)
{
  DialogData *data;

  g_return_val_if_fail (SB_IS_INCIDENT_DETAIL (self), FALSE);

  if (self->dialog == NULL)
    return FALSE;

  data = g_object_get_data (G_OBJECT (self->dialog), "sb-dialog-data");
  /* The supplier's response or resolution (sb-incident-supplier.c):
   * @choice is the time typed, "YYYY-MM-DD HH:MM", @text the note. */
  if (!sb_incident_detail_complete_step_for_test (self, choice, text))
    {
      if (choice != NULL && data->combo != NULL)
        {
          for (guint i = 0; data->values[i] != NULL; i++)
            {
              if (g_strcmp0 (data->values[i], choice) == 0)
                adw_combo_row_set_selected (data->combo, i);
            }
        }
      if (text != NULL && data->entry != NULL)
        gtk_editable_set_text (GTK_EDITABLE (data->entry), text);
    }

  if (!adw_message_dialog_get_response_enabled (self->dialog, "ok"))
    return FALSE;

  {
    /* As a click on the button: answer, then close without a second answer. */
    g_autoptr(AdwMessageDialog) dialog = g_object_ref (self->dialog);

    adw_message_dialog_response (dialog, "ok");
    g_signal_handlers_disconnect_by_data (dialog, data);
    if (self->dialog == dialog)
      self->dialog = NULL;
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  return TRUE;
}

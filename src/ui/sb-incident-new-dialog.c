/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-catalog.h"
#include "sb-incident-new-dialog.h"
#include "sb-incidents.h"
#include "sb-service-editor.h"

/*
 * Logging an incident while the caller is still on the line: the title
 * has the focus, everything else has a sensible default (the service
 * used last, channel phone, medium impact and urgency), and Enter in the
 * title or Ctrl+Enter anywhere logs it.
 */

/* The book remembers the service used last, so the next call starts there. */
#define LAST_SERVICE_KEY "incident-last-service"

struct _SbIncidentNewDialog
{
  AdwWindow         parent_instance;

  SbStore          *store;
  SbPriorityMatrix *matrix;
  GPtrArray        *service_ids;    /* [0] NULL: no service */
  GPtrArray        *customer_ids;   /* [0] NULL: no customer */
  gboolean          title_touched;

  GtkLabel         *problem_label;
  AdwEntryRow      *title_row;
  AdwComboRow      *service_row;
  GtkStringList    *service_names;
  AdwComboRow      *customer_row;
  GtkStringList    *customer_names;
  AdwEntryRow      *contact_row;
  AdwComboRow      *channel_row;
  GtkStringList    *channel_names;
  AdwComboRow      *impact_row;
  GtkStringList    *impact_names;
  AdwComboRow      *urgency_row;
  GtkStringList    *urgency_names;
  GtkLabel         *priority_label;
  GtkSwitch        *major_switch;
  GtkTextView      *description_view;
  GtkWidget        *log_button;
};

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum
{
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbIncidentNewDialog, sb_incident_new_dialog, ADW_TYPE_WINDOW)

static guint
level_at (AdwComboRow *row)
{
  return MIN (adw_combo_row_get_selected (row), 2) + 1;
}

static const char *
id_at (GPtrArray   *ids,
       AdwComboRow *row)
{
  guint index = adw_combo_row_get_selected (row);

  return index < ids->len ? g_ptr_array_index (ids, index) : NULL;
}

static char *
title_text (SbIncidentNewDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
}

static void
update_priority (SbIncidentNewDialog *self)
{
  guint priority = sb_priority_matrix_get (self->matrix, level_at (self->impact_row),
                                           level_at (self->urgency_row));
  /* Translators: the derived priority, as in "3 Moderate" */
  g_autofree char *text = g_strdup_printf (_("%u %s"), priority, sb_priority_get_name (priority));

  gtk_label_set_label (self->priority_label, text);
}

static void
validate (SbIncidentNewDialog *self)
{
  g_autofree char *title = title_text (self);
  gboolean valid = *title != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new.log", valid);
  /* Say it only once the person has typed something and taken it away. */
  sb_service_editor_set_row_problem (GTK_WIDGET (self->title_row),
                                     !valid && self->title_touched
                                     ? _("An incident needs a title: a few words that say what is wrong.")
                                     : NULL);
}

/* Customers of the chosen service when it has some; all otherwise. */
static void
list_customers (SbIncidentNewDialog *self)
{
  const char *service_id = id_at (self->service_ids, self->service_row);
  g_autofree char *keep = g_strdup (id_at (self->customer_ids, self->customer_row));
  g_autoptr(SbService) service = NULL;
  g_autoptr(GListModel) customers = sb_catalog_list_customers (self->store, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char * const *only = NULL;
  guint selected = 0;

  if (service_id != NULL)
    service = sb_catalog_get_service (self->store, service_id, NULL);
  if (service != NULL && sb_service_get_customer_ids (service) != NULL &&
      sb_service_get_customer_ids (service)[0] != NULL)
    only = sb_service_get_customer_ids (service);

  g_ptr_array_set_size (self->customer_ids, 0);
  g_ptr_array_add (self->customer_ids, NULL);
  g_ptr_array_add (names, g_strdup (_("No customer")));
  for (guint i = 0; customers != NULL && i < g_list_model_get_n_items (customers); i++)
    {
      g_autoptr(SbCustomer) customer = g_list_model_get_item (customers, i);
      const char *id = sb_customer_get_id (customer);

      if (only != NULL && !g_strv_contains (only, id))
        continue;

      if (g_strcmp0 (id, keep) == 0)
        selected = self->customer_ids->len;
      g_ptr_array_add (self->customer_ids, g_strdup (id));
      g_ptr_array_add (names, g_strdup (sb_customer_get_name (customer)));
    }
  g_ptr_array_add (names, NULL);

  /* A service with a single customer: that is who is calling. */
  if (selected == 0 && only != NULL && self->customer_ids->len == 2)
    selected = 1;

  gtk_string_list_splice (self->customer_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->customer_names)),
                          (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->customer_row, selected);
}

static void
list_services (SbIncidentNewDialog *self)
{
  g_autoptr(GListModel) services = sb_catalog_list_services (self->store, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *last = sb_store_get_setting (self->store, LAST_SERVICE_KEY);
  guint selected = 0;

  g_ptr_array_set_size (self->service_ids, 0);
  g_ptr_array_add (self->service_ids, NULL);
  g_ptr_array_add (names, g_strdup (_("No service")));
  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (services, i);

      if (g_strcmp0 (sb_service_get_id (service), last) == 0)
        selected = self->service_ids->len;
      g_ptr_array_add (self->service_ids, g_strdup (sb_service_get_id (service)));
      /* Translators: a service in a list, as in "EMAIL · Email and calendars" */
      g_ptr_array_add (names, g_strdup_printf (_("%s · %s"), sb_service_get_code (service),
                                               sb_service_get_name (service)));
    }
  g_ptr_array_add (names, NULL);

  /* With only one service there is nothing to choose. */
  if (selected == 0 && self->service_ids->len == 2)
    selected = 1;

  gtk_string_list_splice (self->service_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->service_names)),
                          (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->service_row, selected);
  list_customers (self);
}

static void
on_title_changed_cb (SbIncidentNewDialog *self)
{
  self->title_touched = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  validate (self);
}

static void
on_title_activated_cb (SbIncidentNewDialog *self)
{
  g_autofree char *title = title_text (self);

  if (*title != '\0')
    gtk_widget_activate_action (GTK_WIDGET (self), "new.log", NULL);
}

static void
on_service_changed_cb (SbIncidentNewDialog *self)
{
  if (self->store != NULL)
    list_customers (self);
}

static void
on_level_changed_cb (SbIncidentNewDialog *self)
{
  if (self->matrix != NULL)
    update_priority (self);
}

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SbIncidentNewDialog *self = SB_INCIDENT_NEW_DIALOG (widget);
  g_autoptr(SbIncident) draft = sb_incident_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = title_text (self);
  g_autofree char *contact = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->contact_row))));
  g_autofree char *description = NULL;
  const char * const *channels = sb_incident_get_channels ();
  guint channel = adw_combo_row_get_selected (self->channel_row);
  const char *service_id = id_at (self->service_ids, self->service_row);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start;
  GtkTextIter end;

  if (*title == '\0')
    {
      self->title_touched = TRUE;
      validate (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  sb_incident_set_title (draft, title);
  sb_incident_set_description (draft, *description != '\0' ? description : NULL);
  sb_incident_set_service_id (draft, service_id);
  sb_incident_set_customer_id (draft, id_at (self->customer_ids, self->customer_row));
  sb_incident_set_contact (draft, *contact != '\0' ? contact : NULL);
  if (channel < g_strv_length ((char **) channels))
    sb_incident_set_channel (draft, channels[channel]);
  sb_incident_set_impact (draft, level_at (self->impact_row));
  sb_incident_set_urgency (draft, level_at (self->urgency_row));
  sb_incident_set_major (draft, gtk_switch_get_active (self->major_switch));

  if (!sb_incidents_create (self->store, draft, &error))
    {
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }

  /* Remembering the service is a convenience: a failure is not worth a word. */
  sb_store_set_setting (self->store, LAST_SERVICE_KEY, service_id != NULL ? service_id : "", NULL);

  g_signal_emit (self, signals[CREATED], 0, sb_incident_get_id (draft));
  gtk_window_close (GTK_WINDOW (self));
}

static void
sb_incident_new_dialog_constructed (GObject *object)
{
  SbIncidentNewDialog *self = SB_INCIDENT_NEW_DIALOG (object);

  G_OBJECT_CLASS (sb_incident_new_dialog_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      self->matrix = sb_catalog_get_priority_matrix (self->store);
      list_services (self);
    }
  if (self->matrix == NULL)
    self->matrix = sb_priority_matrix_new ();

  update_priority (self);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
sb_incident_new_dialog_dispose (GObject *object)
{
  SbIncidentNewDialog *self = SB_INCIDENT_NEW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_INCIDENT_NEW_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->matrix, sb_priority_matrix_free);

  G_OBJECT_CLASS (sb_incident_new_dialog_parent_class)->dispose (object);
}

static void
sb_incident_new_dialog_finalize (GObject *object)
{
  SbIncidentNewDialog *self = SB_INCIDENT_NEW_DIALOG (object);

  g_ptr_array_unref (self->service_ids);
  g_ptr_array_unref (self->customer_ids);

  G_OBJECT_CLASS (sb_incident_new_dialog_parent_class)->finalize (object);
}

static void
sb_incident_new_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SbIncidentNewDialog *self = SB_INCIDENT_NEW_DIALOG (object);

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
sb_incident_new_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SbIncidentNewDialog *self = SB_INCIDENT_NEW_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_incident_new_dialog_class_init (SbIncidentNewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_incident_new_dialog_constructed;
  object_class->dispose = sb_incident_new_dialog_dispose;
  object_class->finalize = sb_incident_new_dialog_finalize;
  object_class->get_property = sb_incident_new_dialog_get_property;
  object_class->set_property = sb_incident_new_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbIncidentNewDialog::created:
   * @id: the new incident's id
   *
   * The incident was logged; the dialog closes right after.
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-incident-new-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SbIncidentNewDialog, name)
  BIND (problem_label);
  BIND (title_row);
  BIND (service_row);
  BIND (service_names);
  BIND (customer_row);
  BIND (customer_names);
  BIND (contact_row);
  BIND (channel_row);
  BIND (channel_names);
  BIND (impact_row);
  BIND (impact_names);
  BIND (urgency_row);
  BIND (urgency_names);
  BIND (priority_label);
  BIND (major_switch);
  BIND (description_view);
  BIND (log_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_service_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_level_changed_cb);

  gtk_widget_class_install_action (widget_class, "new.log", NULL, log_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "new.log", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "new.log", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sb_incident_new_dialog_init (SbIncidentNewDialog *self)
{
  const char * const *channels = sb_incident_get_channels ();

  self->service_ids = g_ptr_array_new_with_free_func (g_free);
  self->customer_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; channels[i] != NULL; i++)
    gtk_string_list_append (self->channel_names, sb_incident_channel_get_label (channels[i]));
  adw_combo_row_set_selected (self->channel_row, 0);   /* phone: the list starts with it */
  for (guint level = 1; level <= 3; level++)
    {
      gtk_string_list_append (self->impact_names, sb_incident_level_get_label (level));
      gtk_string_list_append (self->urgency_names, sb_incident_level_get_label (level));
    }
  adw_combo_row_set_selected (self->impact_row, 1);
  adw_combo_row_set_selected (self->urgency_row, 1);
}

/**
 * sb_incident_new_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the book to log the incident in
 *
 * Returns: (transfer none): the dialog, not yet shown; present it
 */
SbIncidentNewDialog *
sb_incident_new_dialog_new (GtkWindow *parent,
                            SbStore   *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SB_IS_STORE (store), NULL);

  return g_object_new (SB_TYPE_INCIDENT_NEW_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

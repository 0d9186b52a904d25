/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-incident.h"
#include "sb-priority-matrix.h"
#include "sb-time.h"

/*
 * SbIncident, a value object for one incident, and SbIncidentEvent, one
 * immutable timeline entry. Both are plain data: the store reads and
 * writes them (sb-incidents.c); the rules live in src/core.
 */

/* Text fields, indexed by their property. */
enum
{
  PROP_0,
  PROP_ID,
  PROP_REFERENCE,
  PROP_HOLD_REASON,
  PROP_DUPLICATE_OF,
  PROP_IMPORT_BATCH,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_SERVICE_ID,
  PROP_CUSTOMER_ID,
  PROP_CONTACT,
  PROP_CHANNEL,
  PROP_CATEGORY,
  PROP_PRIORITY_REASON,
  PROP_RESOLUTION_CODE,
  PROP_RESOLUTION_NOTES,
  PROP_WORKAROUND,
  N_TEXT_PROPS,
  PROP_STATUS = N_TEXT_PROPS,
  PROP_IMPACT,
  PROP_URGENCY,
  PROP_PRIORITY,
  PROP_MAJOR,
  PROP_OPENED_MS,
  PROP_RESPONDED_MS,
  PROP_RESOLVED_MS,
  PROP_CLOSED_MS,
  PROP_UPDATED_MS,
  PROP_REOPEN_COUNT,
  N_PROPS
};

struct _SbIncident
{
  GObject          parent_instance;

  char            *text[N_TEXT_PROPS];
  SbIncidentStatus status;
  guint            impact;
  guint            urgency;
  guint            priority;
  gboolean         major;
  gint64           opened_ms;
  gint64           responded_ms;
  gint64           resolved_ms;
  gint64           closed_ms;
  gint64           updated_ms;
  guint            reopen_count;
};

static const char * const text_prop_names[N_TEXT_PROPS] = {
  [PROP_ID] = "id",
  [PROP_REFERENCE] = "reference",
  [PROP_HOLD_REASON] = "hold-reason",
  [PROP_DUPLICATE_OF] = "duplicate-of",
  [PROP_IMPORT_BATCH] = "import-batch",
  [PROP_TITLE] = "title",
  [PROP_DESCRIPTION] = "description",
  [PROP_SERVICE_ID] = "service-id",
  [PROP_CUSTOMER_ID] = "customer-id",
  [PROP_CONTACT] = "contact",
  [PROP_CHANNEL] = "channel",
  [PROP_CATEGORY] = "category",
  [PROP_PRIORITY_REASON] = "priority-reason",
  [PROP_RESOLUTION_CODE] = "resolution-code",
  [PROP_RESOLUTION_NOTES] = "resolution-notes",
  [PROP_WORKAROUND] = "workaround",
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbIncident, sb_incident, G_TYPE_OBJECT)

/* Text fields are %NULL or non-empty: an emptied entry means "none". */
static void
set_text (SbIncident *self,
          guint       prop,
          const char *value)
{
  g_assert (prop > PROP_0 && prop < N_TEXT_PROPS);

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->text[prop], value) == 0)
    return;

  g_free (self->text[prop]);
  self->text[prop] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_uint (SbIncident *self,
          guint      *field,
          guint       prop,
          guint       value)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int64 (SbIncident *self,
           gint64     *field,
           guint       prop,
           gint64      value)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
sb_incident_finalize (GObject *object)
{
  SbIncident *self = SB_INCIDENT (object);

  for (guint i = 0; i < N_TEXT_PROPS; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (sb_incident_parent_class)->finalize (object);
}

static void
sb_incident_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SbIncident *self = SB_INCIDENT (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT_PROPS)
    {
      g_value_set_string (value, self->text[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case PROP_IMPACT:
      g_value_set_uint (value, self->impact);
      break;
    case PROP_URGENCY:
      g_value_set_uint (value, self->urgency);
      break;
    case PROP_PRIORITY:
      g_value_set_uint (value, self->priority);
      break;
    case PROP_MAJOR:
      g_value_set_boolean (value, self->major);
      break;
    case PROP_OPENED_MS:
      g_value_set_int64 (value, self->opened_ms);
      break;
    case PROP_RESPONDED_MS:
      g_value_set_int64 (value, self->responded_ms);
      break;
    case PROP_RESOLVED_MS:
      g_value_set_int64 (value, self->resolved_ms);
      break;
    case PROP_CLOSED_MS:
      g_value_set_int64 (value, self->closed_ms);
      break;
    case PROP_UPDATED_MS:
      g_value_set_int64 (value, self->updated_ms);
      break;
    case PROP_REOPEN_COUNT:
      g_value_set_uint (value, self->reopen_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_incident_class_init (SbIncidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sb_incident_finalize;
  object_class->get_property = sb_incident_get_property;

  /* Read-only properties, for list columns and bindings; write with the
   * setters. */
  for (guint i = PROP_0 + 1; i < N_TEXT_PROPS; i++)
    properties[i] = g_param_spec_string (text_prop_names[i], NULL, NULL, NULL, flags);

  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, SB_INCIDENT_N_STATUSES - 1, 0, flags);
  properties[PROP_IMPACT] =
    g_param_spec_uint ("impact", NULL, NULL, 0, G_MAXUINT, 2, flags);
  properties[PROP_URGENCY] =
    g_param_spec_uint ("urgency", NULL, NULL, 0, G_MAXUINT, 2, flags);
  properties[PROP_PRIORITY] =
    g_param_spec_uint ("priority", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_MAJOR] =
    g_param_spec_boolean ("major", NULL, NULL, FALSE, flags);
  properties[PROP_OPENED_MS] =
    g_param_spec_int64 ("opened-ms", NULL, NULL, G_MININT64, G_MAXINT64, SB_INCIDENT_NO_TIME, flags);
  properties[PROP_RESPONDED_MS] =
    g_param_spec_int64 ("responded-ms", NULL, NULL, G_MININT64, G_MAXINT64, SB_INCIDENT_NO_TIME, flags);
  properties[PROP_RESOLVED_MS] =
    g_param_spec_int64 ("resolved-ms", NULL, NULL, G_MININT64, G_MAXINT64, SB_INCIDENT_NO_TIME, flags);
  properties[PROP_CLOSED_MS] =
    g_param_spec_int64 ("closed-ms", NULL, NULL, G_MININT64, G_MAXINT64, SB_INCIDENT_NO_TIME, flags);
  properties[PROP_UPDATED_MS] =
    g_param_spec_int64 ("updated-ms", NULL, NULL, G_MININT64, G_MAXINT64, SB_INCIDENT_NO_TIME, flags);
  properties[PROP_REOPEN_COUNT] =
    g_param_spec_uint ("reopen-count", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_incident_init (SbIncident *self)
{
  self->status = SB_INCIDENT_NEW;
  self->impact = 2;
  self->urgency = 2;
  self->text[PROP_CHANNEL] = g_strdup ("phone");
  self->opened_ms = SB_INCIDENT_NO_TIME;
  self->responded_ms = SB_INCIDENT_NO_TIME;
  self->resolved_ms = SB_INCIDENT_NO_TIME;
  self->closed_ms = SB_INCIDENT_NO_TIME;
  self->updated_ms = SB_INCIDENT_NO_TIME;
}

/**
 * sb_incident_new:
 *
 * A draft for sb_incidents_create(): impact 2, urgency 2, channel phone,
 * status new, the priority left to the book's matrix, nothing else.
 *
 * Returns: (transfer full): the draft
 */
SbIncident *
sb_incident_new (void)
{
  return g_object_new (SB_TYPE_INCIDENT, NULL);
}

/**
 * sb_incident_copy:
 * @self: an incident
 *
 * Returns: (transfer full): a copy with every field, id and reference too
 */
SbIncident *
sb_incident_copy (SbIncident *self)
{
  SbIncident *copy;

  g_return_val_if_fail (SB_IS_INCIDENT (self), NULL);

  copy = g_object_new (SB_TYPE_INCIDENT, NULL);
  for (guint i = PROP_0 + 1; i < N_TEXT_PROPS; i++)
    {
      g_free (copy->text[i]);
      copy->text[i] = g_strdup (self->text[i]);
    }
  copy->status = self->status;
  copy->impact = self->impact;
  copy->urgency = self->urgency;
  copy->priority = self->priority;
  copy->major = self->major;
  copy->opened_ms = self->opened_ms;
  copy->responded_ms = self->responded_ms;
  copy->resolved_ms = self->resolved_ms;
  copy->closed_ms = self->closed_ms;
  copy->updated_ms = self->updated_ms;
  copy->reopen_count = self->reopen_count;

  return copy;
}

#define TEXT_GETTER(name, prop)                            \
  const char *                                             \
  sb_incident_get_##name (SbIncident *self)                \
  {                                                        \
    g_return_val_if_fail (SB_IS_INCIDENT (self), NULL);    \
    return self->text[prop];                               \
  }

#define TEXT_ACCESSORS(name, prop)                         \
  TEXT_GETTER (name, prop)                                 \
  void                                                     \
  sb_incident_set_##name (SbIncident *self,                \
                          const char *value)               \
  {                                                        \
    g_return_if_fail (SB_IS_INCIDENT (self));              \
    set_text (self, prop, value);                          \
  }

TEXT_GETTER (id, PROP_ID)
TEXT_GETTER (reference, PROP_REFERENCE)
TEXT_GETTER (hold_reason, PROP_HOLD_REASON)
TEXT_GETTER (duplicate_of, PROP_DUPLICATE_OF)
TEXT_GETTER (import_batch, PROP_IMPORT_BATCH)
TEXT_GETTER (priority_reason, PROP_PRIORITY_REASON)
TEXT_ACCESSORS (title, PROP_TITLE)
TEXT_ACCESSORS (service_id, PROP_SERVICE_ID)
TEXT_ACCESSORS (customer_id, PROP_CUSTOMER_ID)
TEXT_ACCESSORS (contact, PROP_CONTACT)
TEXT_ACCESSORS (channel, PROP_CHANNEL)
TEXT_ACCESSORS (category, PROP_CATEGORY)
TEXT_ACCESSORS (resolution_code, PROP_RESOLUTION_CODE)
TEXT_ACCESSORS (resolution_notes, PROP_RESOLUTION_NOTES)
TEXT_ACCESSORS (workaround, PROP_WORKAROUND)

const char *
sb_incident_get_description (SbIncident *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT (self), NULL);

  return self->text[PROP_DESCRIPTION];
}

void
sb_incident_set_description (SbIncident *self,
                             const char *text)
{
  g_return_if_fail (SB_IS_INCIDENT (self));

  set_text (self, PROP_DESCRIPTION, text);
}

SbIncidentStatus
sb_incident_get_status (SbIncident *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT (self), SB_INCIDENT_NEW);

  return self->status;
}

gint64
sb_incident_get_responded_ms (SbIncident *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT (self), SB_INCIDENT_NO_TIME);

  return self->responded_ms;
}

gint64
sb_incident_get_resolved_ms (SbIncident *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT (self), SB_INCIDENT_NO_TIME);

  return self->resolved_ms;
}

gint64
sb_incident_get_closed_ms (SbIncident *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT (self), SB_INCIDENT_NO_TIME);

  return self->closed_ms;
}

guint
sb_incident_get_reopen_count (SbIncident *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT (self), 0);

  return self->reopen_count;
}

gint64
sb_incident_get_updated_ms (SbIncident *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT (self), SB_INCIDENT_NO_TIME);

  return self->updated_ms;
}

guint
sb_incident_get_impact (SbIncident *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT (self), 0);

  return self->impact;
}

guint
sb_incident_get_urgency (SbIncident *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT (self), 0);

  return self->urgency;
}

/* A new impact or urgency asks the store for the matrix's priority again,
 * unless the priority is an override (it has a reason). */
static void
forget_derived_priority (SbIncident *self)
{
  if (self->text[PROP_PRIORITY_REASON] == NULL)
    set_uint (self, &self->priority, PROP_PRIORITY, 0);
}

void
sb_incident_set_impact (SbIncident *self,
                        guint       impact)
{
  g_return_if_fail (SB_IS_INCIDENT (self));

  if (self->impact == impact)
    return;

  set_uint (self, &self->impact, PROP_IMPACT, impact);
  forget_derived_priority (self);
}

void
sb_incident_set_urgency (SbIncident *self,
                         guint       urgency)
{
  g_return_if_fail (SB_IS_INCIDENT (self));

  if (self->urgency == urgency)
    return;

  set_uint (self, &self->urgency, PROP_URGENCY, urgency);
  forget_derived_priority (self);
}

guint
sb_incident_get_priority (SbIncident *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT (self), 0);

  return self->priority;
}

/**
 * sb_incident_set_priority:
 * @self: an incident
 * @priority: 1 critical … 5 planning, or 0 to take the matrix's
 * @reason: (nullable): why, when @priority differs from the matrix's
 *
 * Sets the priority. The store refuses a priority other than the
 * matrix's without a reason, and forgets the reason when the priority is
 * the matrix's anyway.
 */
void
sb_incident_set_priority (SbIncident *self,
                          guint       priority,
                          const char *reason)
{
  g_return_if_fail (SB_IS_INCIDENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_uint (self, &self->priority, PROP_PRIORITY, priority);
  set_text (self, PROP_PRIORITY_REASON, priority == 0 ? NULL : reason);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
sb_incident_get_major (SbIncident *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT (self), FALSE);

  return self->major;
}

void
sb_incident_set_major (SbIncident *self,
                       gboolean    major)
{
  g_return_if_fail (SB_IS_INCIDENT (self));

  major = !!major;
  if (self->major == major)
    return;

  self->major = major;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAJOR]);
}

gint64
sb_incident_get_opened_ms (SbIncident *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT (self), SB_INCIDENT_NO_TIME);

  return self->opened_ms;
}

void
sb_incident_set_opened_ms (SbIncident *self,
                           gint64      ms)
{
  g_return_if_fail (SB_IS_INCIDENT (self));

  set_int64 (self, &self->opened_ms, PROP_OPENED_MS, ms);
}

/**
 * sb_incident_set_stored:
 *
 * For the store only: the fields no caller edits, as read from the row
 * or just written.
 */
void
sb_incident_set_stored (SbIncident      *self,
                        const char      *id,
                        const char      *reference,
                        SbIncidentStatus status,
                        const char      *hold_reason,
                        const char      *duplicate_of,
                        gint64           responded_ms,
                        gint64           resolved_ms,
                        gint64           closed_ms,
                        guint            reopen_count,
                        gint64           updated_ms,
                        const char      *import_batch)
{
  g_return_if_fail (SB_IS_INCIDENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_text (self, PROP_ID, id);
  set_text (self, PROP_REFERENCE, reference);
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  set_text (self, PROP_HOLD_REASON, hold_reason);
  set_text (self, PROP_DUPLICATE_OF, duplicate_of);
  set_int64 (self, &self->responded_ms, PROP_RESPONDED_MS, responded_ms);
  set_int64 (self, &self->resolved_ms, PROP_RESOLVED_MS, resolved_ms);
  set_int64 (self, &self->closed_ms, PROP_CLOSED_MS, closed_ms);
  set_uint (self, &self->reopen_count, PROP_REOPEN_COUNT, reopen_count);
  set_int64 (self, &self->updated_ms, PROP_UPDATED_MS, updated_ms);
  set_text (self, PROP_IMPORT_BATCH, import_batch);
  g_object_thaw_notify (G_OBJECT (self));
}

/* SbIncidentEvent */

struct _SbIncidentEvent
{
  GObject  parent_instance;

  char    *id;
  char    *incident_id;
  gint64   at_ms;
  char    *kind;
  gboolean customer_visible;
  char    *field;
  char    *old_value;
  char    *new_value;
  char    *body;
  guint    minutes;
  char    *author;
};

G_DEFINE_FINAL_TYPE (SbIncidentEvent, sb_incident_event, G_TYPE_OBJECT)

static void
sb_incident_event_finalize (GObject *object)
{
  SbIncidentEvent *self = SB_INCIDENT_EVENT (object);

  g_free (self->id);
  g_free (self->incident_id);
  g_free (self->kind);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self->body);
  g_free (self->author);

  G_OBJECT_CLASS (sb_incident_event_parent_class)->finalize (object);
}

static void
sb_incident_event_class_init (SbIncidentEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sb_incident_event_finalize;
}

static void
sb_incident_event_init (SbIncidentEvent *self)
{
}

/**
 * sb_incident_event_new:
 *
 * A timeline entry as read from the book. Every string may be %NULL
 * except @kind.
 *
 * Returns: (transfer full): the entry
 */
SbIncidentEvent *
sb_incident_event_new (const char *id,
                       const char *incident_id,
                       gint64      at_ms,
                       const char *kind,
                       gboolean    customer_visible,
                       const char *field,
                       const char *old_value,
                       const char *new_value,
                       const char *body,
                       guint       minutes,
                       const char *author)
{
  SbIncidentEvent *self;

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (SB_TYPE_INCIDENT_EVENT, NULL);
  self->id = g_strdup (id);
  self->incident_id = g_strdup (incident_id);
  self->at_ms = at_ms;
  self->kind = g_strdup (kind);
  self->customer_visible = !!customer_visible;
  self->field = g_strdup (field);
  self->old_value = g_strdup (old_value);
  self->new_value = g_strdup (new_value);
  self->body = g_strdup (body);
  self->minutes = minutes;
  self->author = g_strdup (author);

  return self;
}

const char *
sb_incident_event_get_id (SbIncidentEvent *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_EVENT (self), NULL);

  return self->id;
}

const char *
sb_incident_event_get_incident_id (SbIncidentEvent *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_EVENT (self), NULL);

  return self->incident_id;
}

gint64
sb_incident_event_get_at_ms (SbIncidentEvent *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_EVENT (self), SB_INCIDENT_NO_TIME);

  return self->at_ms;
}

const char *
sb_incident_event_get_kind (SbIncidentEvent *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_EVENT (self), NULL);

  return self->kind;
}

gboolean
sb_incident_event_get_customer_visible (SbIncidentEvent *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_EVENT (self), FALSE);

  return self->customer_visible;
}

const char *
sb_incident_event_get_field (SbIncidentEvent *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_EVENT (self), NULL);

  return self->field;
}

const char *
sb_incident_event_get_old_value (SbIncidentEvent *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_EVENT (self), NULL);

  return self->old_value;
}

const char *
sb_incident_event_get_new_value (SbIncidentEvent *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_EVENT (self), NULL);

  return self->new_value;
}

const char *
sb_incident_event_get_body (SbIncidentEvent *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_EVENT (self), NULL);

  return self->body;
}

guint
sb_incident_event_get_minutes (SbIncidentEvent *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_EVENT (self), 0);

  return self->minutes;
}

const char *
sb_incident_event_get_author (SbIncidentEvent *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_EVENT (self), NULL);

  return self->author;
}

/* Describing entries */

static char *
status_label (const char *value)
{
  SbIncidentStatus status;

  if (value != NULL && sb_incident_status_from_string (value, &status))
    return g_strdup (sb_incident_status_get_label (status));

  /* Translators: an unknown or missing value in a timeline entry */
  return g_strdup (value != NULL ? value : C_("incident value", "none"));
}

/* "3 Moderate" */
static char *
priority_label (const char *value)
{
  guint64 n = 0;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 5, &n, NULL))
    return g_strdup_printf ("%u %s", (guint)n, sb_priority_get_name ((SbPriority)n));

  return g_strdup (value != NULL ? value : C_("incident value", "none"));
}

/* "2 Medium" */
static char *
level_label (const char *value)
{
  guint64 n = 0;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 3, &n, NULL))
    return g_strdup_printf ("%u %s", (guint)n, sb_incident_level_get_label ((guint)n));

  return g_strdup (value != NULL ? value : C_("incident value", "none"));
}

static char *
plain_label (const char *value)
{
  return g_strdup (value != NULL ? value : C_("incident value", "none"));
}

static char *
channel_label (const char *value)
{
  if (value != NULL && sb_incident_channel_is_valid (value))
    return g_strdup (sb_incident_channel_get_label (value));

  return plain_label (value);
}

static char *
resolution_label (const char *value)
{
  if (value != NULL && sb_incident_resolution_code_is_valid (value))
    return g_strdup (sb_incident_resolution_code_get_label (value));

  return plain_label (value);
}

static char *
hold_label (const char *value)
{
  if (value != NULL && sb_incident_hold_reason_is_valid (value))
    return g_strdup (sb_incident_hold_reason_get_label (value));

  return plain_label (value);
}

static char *
yes_no_label (const char *value)
{
  return g_strdup (g_strcmp0 (value, "1") == 0 ? _("Yes") : _("No"));
}

/* How the fields a "field" entry can name are shown. Long texts are
 * named without their values. */
static const struct
{
  const char *field;
  const char *label;
  char     *(*format) (const char *value);
} field_labels[] = {
  { "title", N_("Title"), plain_label },
  { "description", N_("Description"), NULL },
  { "service", N_("Service"), plain_label },
  { "customer", N_("Customer"), plain_label },
  { "contact", N_("Contact"), plain_label },
  { "channel", N_("Channel"), channel_label },
  { "category", N_("Category"), plain_label },
  { "impact", N_("Impact"), level_label },
  { "urgency", N_("Urgency"), level_label },
  { "priority", N_("Priority"), priority_label },
  { "priority_reason", N_("Reason for the priority"), NULL },
  { "major", N_("Major incident"), yes_no_label },
  { "opened_at", N_("Opened"), plain_label },
  { "responded_at", N_("First response"), plain_label },
  { "resolution_code", N_("Resolution"), resolution_label },
  { "resolution_notes", N_("Resolution notes"), NULL },
  { "workaround", N_("Workaround"), NULL },
};

static char *
describe_field (SbIncidentEvent *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    {
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;

      if (g_strcmp0 (self->field, field_labels[i].field) != 0)
        continue;

      if (field_labels[i].format == NULL)
        /* Translators: a long text field was edited, e.g. "Description changed" */
        return g_strdup_printf (_("%s changed"), _(field_labels[i].label));

      old_text = field_labels[i].format (self->old_value);
      new_text = field_labels[i].format (self->new_value);

      /* Translators: a field change: "Priority: 3 Moderate → 2 High" */
      return g_strdup_printf (_("%s: %s → %s"), _(field_labels[i].label), old_text, new_text);
    }

  return g_strdup_printf (_("%s: %s → %s"),
                          self->field != NULL ? self->field : "?",
                          self->old_value != NULL ? self->old_value : C_("incident value", "none"),
                          self->new_value != NULL ? self->new_value : C_("incident value", "none"));
}

static char *
describe_status (SbIncidentEvent *self)
{
  g_autofree char *from = status_label (self->old_value);
  g_autofree char *to = status_label (self->new_value);
  g_autofree char *detail = NULL;
  SbIncidentStatus status = SB_INCIDENT_NEW;

  if (self->body != NULL && sb_incident_status_from_string (self->new_value, &status))
    {
      if (status == SB_INCIDENT_ON_HOLD)
        detail = hold_label (self->body);
      else if (status == SB_INCIDENT_RESOLVED)
        detail = resolution_label (self->body);
      else
        detail = g_strdup (self->body);
    }

  if (self->old_value == NULL)
    {
      if (detail != NULL)
        /* Translators: "Status: On hold (Awaiting customer)" */
        return g_strdup_printf (_("Status: %s (%s)"), to, detail);
      return g_strdup_printf (_("Status: %s"), to);
    }

  if (detail != NULL)
    /* Translators: "Status: In progress → On hold (Awaiting customer)" */
    return g_strdup_printf (_("Status: %s → %s (%s)"), from, to, detail);

  /* Translators: "Status: New → In progress" */
  return g_strdup_printf (_("Status: %s → %s"), from, to);
}

/* new_value is "<supplier name> <ticket ref>" (sb-escalations.c). */
static char *
describe_escalation (SbIncidentEvent *self)
{
  const char *who = self->new_value;

  if (g_strcmp0 (self->field, "supplier-ref") == 0 && who == NULL)
    return g_strdup (_("Supplier's ticket reference removed"));
  if (who == NULL)
    return g_strdup (_("Escalated to a supplier"));

  if (g_strcmp0 (self->field, "supplier-response") == 0)
    /* Translators: "Supplier responded: Northline Telecom NT-48213" */
    return g_strdup_printf (_("Supplier responded: %s"), who);
  if (g_strcmp0 (self->field, "supplier-resolution") == 0)
    /* Translators: "Supplier resolved: Northline Telecom NT-48213" */
    return g_strdup_printf (_("Supplier resolved: %s"), who);
  if (g_strcmp0 (self->field, "supplier-ref") == 0)
    /* Translators: the supplier's ticket reference was set or changed */
    return g_strdup_printf (_("Supplier's ticket: %s"), who);

  /* Translators: "Escalated to Northline Telecom NT-48213" */
  return g_strdup_printf (_("Escalated to %s"), who);
}

/**
 * sb_incident_event_describe:
 * @self: a timeline entry
 *
 * One line in words, translated: "Logged", "Note", "Customer-visible
 * note", "Status: In progress → On hold (Awaiting customer)", "Priority:
 * 3 Moderate → 2 High", "Time spent: 30 min", "Escalated to Northline
 * Telecom NT-48213", "Supplier responded: Northline Telecom NT-48213".
 * The note's text itself is the entry's body.
 *
 * Returns: (transfer full): the line
 */
char *
sb_incident_event_describe (SbIncidentEvent *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_EVENT (self), NULL);

  if (g_str_equal (self->kind, SB_INCIDENT_EVENT_OPENED))
    return g_strdup (C_("incident timeline", "Logged"));

  if (g_str_equal (self->kind, SB_INCIDENT_EVENT_NOTE))
    return g_strdup (self->customer_visible ? _("Customer-visible note") : _("Note"));

  if (g_str_equal (self->kind, SB_INCIDENT_EVENT_STATUS))
    return describe_status (self);

  if (g_str_equal (self->kind, SB_INCIDENT_EVENT_FIELD))
    return describe_field (self);

  if (g_str_equal (self->kind, SB_INCIDENT_EVENT_ESCALATION))
    return describe_escalation (self);

  if (g_str_equal (self->kind, SB_INCIDENT_EVENT_TIME))
    {
      g_autofree char *duration = sb_duration_format (self->minutes);

      /* Translators: "Time spent: 30 min" */
      return g_strdup_printf (_("Time spent: %s"), duration);
    }

  return g_strdup (self->kind);
}

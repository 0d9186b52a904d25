/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "sb-incident-rules.h"

G_BEGIN_DECLS

/* Instants are UTC milliseconds; SB_INCIDENT_NO_TIME (G_MININT64) is unset. */
#define SB_INCIDENT_NO_TIME G_MININT64

/*
 * SbIncident: one incident as stored (DOMAIN.md, Incidents), or a draft
 * for sb_incidents_create(). A value object: the store hands out fresh
 * copies, edits are written with sb_incidents_update().
 */
#define SB_TYPE_INCIDENT (sb_incident_get_type ())
G_DECLARE_FINAL_TYPE (SbIncident, sb_incident, SB, INCIDENT, GObject)

/* A draft: impact 2, urgency 2, channel phone, status new, nothing else. */
SbIncident      *sb_incident_new                  (void);
SbIncident      *sb_incident_copy                 (SbIncident *self);

/* Set by the store */
const char      *sb_incident_get_id               (SbIncident *self);   /* NULL for a draft */
const char      *sb_incident_get_reference        (SbIncident *self);   /* NULL until created */
SbIncidentStatus sb_incident_get_status           (SbIncident *self);
const char      *sb_incident_get_hold_reason      (SbIncident *self);
const char      *sb_incident_get_duplicate_of     (SbIncident *self);   /* incident id */
gint64           sb_incident_get_responded_ms     (SbIncident *self);
gint64           sb_incident_get_resolved_ms      (SbIncident *self);
gint64           sb_incident_get_closed_ms        (SbIncident *self);
guint            sb_incident_get_reopen_count     (SbIncident *self);
gint64           sb_incident_get_updated_ms       (SbIncident *self);
const char      *sb_incident_get_import_batch     (SbIncident *self);

/* Editable */
const char      *sb_incident_get_title            (SbIncident *self);
void             sb_incident_set_title            (SbIncident *self, const char *title);
const char      *sb_incident_get_description      (SbIncident *self);
void             sb_incident_set_description      (SbIncident *self, const char *text);
const char      *sb_incident_get_service_id       (SbIncident *self);
void             sb_incident_set_service_id       (SbIncident *self, const char *id);
const char      *sb_incident_get_customer_id      (SbIncident *self);
void             sb_incident_set_customer_id      (SbIncident *self, const char *id);
/* the reporting contact: a name, a phone number or an address */
const char      *sb_incident_get_contact          (SbIncident *self);
void             sb_incident_set_contact          (SbIncident *self, const char *contact);
/* one of SB_INCIDENT_CHANNELS */
const char      *sb_incident_get_channel          (SbIncident *self);
void             sb_incident_set_channel          (SbIncident *self, const char *channel);
const char      *sb_incident_get_category         (SbIncident *self);
void             sb_incident_set_category         (SbIncident *self, const char *category);
/* 1 high … 3 low */
guint            sb_incident_get_impact           (SbIncident *self);
void             sb_incident_set_impact           (SbIncident *self, guint impact);
guint            sb_incident_get_urgency          (SbIncident *self);
void             sb_incident_set_urgency          (SbIncident *self, guint urgency);
/* 1 critical … 5 planning. 0 on a draft or after a change of impact or
 * urgency: the store derives it from the book's priority matrix. */
guint            sb_incident_get_priority         (SbIncident *self);
/* An override: a priority other than the matrix's needs a reason. */
void             sb_incident_set_priority         (SbIncident *self, guint priority, const char *reason);
const char      *sb_incident_get_priority_reason  (SbIncident *self);
gboolean         sb_incident_get_major            (SbIncident *self);
void             sb_incident_set_major            (SbIncident *self, gboolean major);
/* When it was logged; a draft may be back-dated, never in the future. */
gint64           sb_incident_get_opened_ms        (SbIncident *self);
void             sb_incident_set_opened_ms        (SbIncident *self, gint64 ms);
/* one of SB_INCIDENT_RESOLUTION_CODES */
const char      *sb_incident_get_resolution_code  (SbIncident *self);
void             sb_incident_set_resolution_code  (SbIncident *self, const char *code);
const char      *sb_incident_get_resolution_notes (SbIncident *self);
void             sb_incident_set_resolution_notes (SbIncident *self, const char *text);
const char      *sb_incident_get_workaround       (SbIncident *self);
void             sb_incident_set_workaround       (SbIncident *self, const char *text);

/* For the store only: fill a record from a row. */
void             sb_incident_set_stored           (SbIncident      *self,
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
                                                   const char      *import_batch);

/*
 * SbIncidentEvent: one timeline entry. Immutable.
 */
#define SB_INCIDENT_EVENT_OPENED     "opened"
#define SB_INCIDENT_EVENT_NOTE       "note"
#define SB_INCIDENT_EVENT_STATUS     "status"
#define SB_INCIDENT_EVENT_FIELD      "field"
#define SB_INCIDENT_EVENT_ESCALATION "escalation"
#define SB_INCIDENT_EVENT_TIME       "time"

#define SB_TYPE_INCIDENT_EVENT (sb_incident_event_get_type ())
G_DECLARE_FINAL_TYPE (SbIncidentEvent, sb_incident_event, SB, INCIDENT_EVENT, GObject)

SbIncidentEvent *sb_incident_event_new            (const char *id,
                                                   const char *incident_id,
                                                   gint64      at_ms,
                                                   const char *kind,
                                                   gboolean    customer_visible,
                                                   const char *field,
                                                   const char *old_value,
                                                   const char *new_value,
                                                   const char *body,
                                                   guint       minutes,
                                                   const char *author);
const char      *sb_incident_event_get_id          (SbIncidentEvent *self);
const char      *sb_incident_event_get_incident_id (SbIncidentEvent *self);
gint64           sb_incident_event_get_at_ms       (SbIncidentEvent *self);
const char      *sb_incident_event_get_kind        (SbIncidentEvent *self);
gboolean         sb_incident_event_get_customer_visible (SbIncidentEvent *self);
const char      *sb_incident_event_get_field       (SbIncidentEvent *self);
const char      *sb_incident_event_get_old_value   (SbIncidentEvent *self);
const char      *sb_incident_event_get_new_value   (SbIncidentEvent *self);
const char      *sb_incident_event_get_body        (SbIncidentEvent *self);
guint            sb_incident_event_get_minutes     (SbIncidentEvent *self);
const char      *sb_incident_event_get_author      (SbIncidentEvent *self);
/* One line in words, translated: "Status: In progress → On hold
 * (Awaiting customer)", "Priority: 3 Moderate → 2 High", "Note", … */
char            *sb_incident_event_describe        (SbIncidentEvent *self);

G_END_DECLS

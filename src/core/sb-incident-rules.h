/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SbIncidentStatus:
 * @SB_INCIDENT_NEW: logged, nobody has responded yet ("new")
 * @SB_INCIDENT_IN_PROGRESS: being worked on ("in-progress")
 * @SB_INCIDENT_ON_HOLD: waiting, with a hold reason ("on-hold")
 * @SB_INCIDENT_RESOLVED: service restored, awaiting confirmation ("resolved")
 * @SB_INCIDENT_CLOSED: confirmed; final ("closed")
 * @SB_INCIDENT_CANCELLED: ended without a resolution; final ("cancelled")
 * @SB_INCIDENT_DUPLICATE: the same as another incident; final ("duplicate")
 *
 * The lifecycle of an incident (DOMAIN.md, Incidents). The string forms
 * in brackets are what the database, CSV and sync use.
 */
typedef enum
{
  SB_INCIDENT_NEW,
  SB_INCIDENT_IN_PROGRESS,
  SB_INCIDENT_ON_HOLD,
  SB_INCIDENT_RESOLVED,
  SB_INCIDENT_CLOSED,
  SB_INCIDENT_CANCELLED,
  SB_INCIDENT_DUPLICATE,
} SbIncidentStatus;

#define SB_INCIDENT_N_STATUSES 7

/* Hold reasons; the same strings as SB_HOLD_… in the store's sb-service.h. */
#define SB_INCIDENT_HOLD_REASONS "awaiting-customer", "awaiting-supplier", "awaiting-change", "other"

/* Channels an incident can reach the provider through. */
#define SB_INCIDENT_CHANNELS "phone", "email", "walk-in", "monitoring", "self-detected", "supplier-notice", "other"

/* Resolution codes. */
#define SB_INCIDENT_RESOLUTION_CODES "fixed", "workaround", "advice", "no-fault-found", "supplier-fixed", "change", "other"

const char *sb_incident_status_to_string   (SbIncidentStatus  status);
gboolean    sb_incident_status_from_string (const char       *text,
                                            SbIncidentStatus *out_status);
/* Translated, for people: "In progress" */
const char *sb_incident_status_get_label   (SbIncidentStatus  status);
/* new, in progress and on hold */
gboolean    sb_incident_status_is_open     (SbIncidentStatus  status);
/* closed, cancelled and duplicate: nothing changes any more */
gboolean    sb_incident_status_is_final    (SbIncidentStatus  status);

/*
 * The allowed transitions:
 *   new         → in-progress, on-hold, resolved, cancelled, duplicate
 *   in-progress → on-hold, resolved, cancelled, duplicate
 *   on-hold     → in-progress, resolved, cancelled, duplicate
 *   resolved    → closed, in-progress (a reopen, counted)
 *   closed, cancelled, duplicate → nothing
 * On hold needs one of the hold reasons; resolved needs a resolution
 * code; duplicate needs the incident it duplicates (@detail: its id or
 * reference, not empty). A refused transition sets an SB_CORE_ERROR_INVALID
 * error whose message says why in words a user understands ("A closed
 * incident cannot change. Log a new incident instead.").
 */
gboolean    sb_incident_check_transition   (SbIncidentStatus  from,
                                            SbIncidentStatus  to,
                                            const char       *detail,
                                            GError          **error);
/* A resolved incident going back to in-progress. */
gboolean    sb_incident_transition_is_reopen (SbIncidentStatus from,
                                              SbIncidentStatus to);

gboolean    sb_incident_hold_reason_is_valid   (const char *reason);
/* Translated: "Awaiting customer" */
const char *sb_incident_hold_reason_get_label  (const char *reason);
gboolean    sb_incident_channel_is_valid       (const char *channel);
const char *sb_incident_channel_get_label      (const char *channel);
gboolean    sb_incident_resolution_code_is_valid  (const char *code);
const char *sb_incident_resolution_code_get_label (const char *code);
/* 1 high, 2 medium, 3 low; translated "High", "Medium", "Low" */
const char *sb_incident_level_get_label        (guint level);

/* The NULL-terminated lists above, for menus and validation. */
const char * const *sb_incident_get_hold_reasons      (void);
const char * const *sb_incident_get_channels          (void);
const char * const *sb_incident_get_resolution_codes  (void);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sb-store.h"

G_BEGIN_DECLS

/*
 * Escalation of an incident to a supplier, under one of its contracts,
 * with the supplier's own ticket reference. The supplier's response and
 * resolution are recorded with their times; each step also writes an
 * 'escalation' entry on the incident's timeline (field 'escalated',
 * 'supplier-response' or 'supplier-resolution'; new_value the supplier's
 * name and ticket reference; body the note), in the same transaction.
 * Instants are UTC milliseconds; SB_INCIDENT_NO_TIME means now.
 */
/* The 'field' of an escalation's timeline entries. */
#define SB_ESCALATION_EVENT_ESCALATED    "escalated"
#define SB_ESCALATION_EVENT_RESPONSE     "supplier-response"
#define SB_ESCALATION_EVENT_RESOLUTION   "supplier-resolution"
/* the supplier's ticket reference changed: old and new value */
#define SB_ESCALATION_EVENT_SUPPLIER_REF "supplier-ref"

#define SB_TYPE_ESCALATION (sb_escalation_get_type ())
G_DECLARE_FINAL_TYPE (SbEscalation, sb_escalation, SB, ESCALATION, GObject)

const char *sb_escalation_get_id                 (SbEscalation *self);
const char *sb_escalation_get_incident_id        (SbEscalation *self);
const char *sb_escalation_get_incident_reference (SbEscalation *self);
const char *sb_escalation_get_incident_title     (SbEscalation *self);
const char *sb_escalation_get_supplier_id        (SbEscalation *self);
const char *sb_escalation_get_supplier_name      (SbEscalation *self);
const char *sb_escalation_get_contract_id        (SbEscalation *self);   /* nullable */
const char *sb_escalation_get_contract_reference (SbEscalation *self);   /* nullable */
const char *sb_escalation_get_supplier_ref       (SbEscalation *self);   /* nullable */
guint       sb_escalation_get_priority           (SbEscalation *self);
gint64      sb_escalation_get_escalated_ms       (SbEscalation *self);
gint64      sb_escalation_get_responded_ms       (SbEscalation *self);   /* SB_INCIDENT_NO_TIME: not yet */
gint64      sb_escalation_get_resolved_ms        (SbEscalation *self);   /* SB_INCIDENT_NO_TIME: not yet */

/* Oldest first. */
GPtrArray  *sb_escalations_list_for_incident    (SbStore      *store,
                                                 const char   *incident_id,
                                                 GError      **error);   /* of SbEscalation */
/* Of one supplier (and contract, if not NULL) escalated from @from_ms to
 * @to_ms (exclusive), oldest first. */
GPtrArray  *sb_escalations_list_for_supplier    (SbStore      *store,
                                                 const char   *supplier_id,
                                                 const char   *contract_id,
                                                 gint64        from_ms,
                                                 gint64        to_ms,
                                                 GError      **error);   /* of SbEscalation */

/* The contracts to suggest for an incident: those underpinning its
 * service, in force on the day first (sb_contracts_for_service()). */
GPtrArray  *sb_escalations_suggest_contracts    (SbStore      *store,
                                                 const char   *incident_id,
                                                 GError      **error);   /* of SbContract */

/* Refused for a closed, cancelled or duplicate incident, an unknown or
 * ended supplier, a contract of another supplier, or an instant before
 * the incident was opened. The escalation takes the incident's priority. */
gboolean    sb_escalations_escalate             (SbStore      *store,
                                                 const char   *incident_id,
                                                 const char   *supplier_id,
                                                 const char   *contract_id,    /* nullable */
                                                 const char   *supplier_ref,   /* nullable */
                                                 gint64        at_ms,
                                                 const char   *note,           /* nullable */
                                                 char        **out_id,
                                                 GError      **error);
/* Refused when already recorded, or before the escalation (response) or
 * before the response (resolution; recording a resolution first records
 * the response at the same time). */
gboolean    sb_escalations_record_response      (SbStore      *store,
                                                 const char   *escalation_id,
                                                 gint64        at_ms,
                                                 const char   *note,
                                                 GError      **error);
gboolean    sb_escalations_record_resolution    (SbStore      *store,
                                                 const char   *escalation_id,
                                                 gint64        at_ms,
                                                 const char   *note,
                                                 GError      **error);
gboolean    sb_escalations_set_supplier_ref     (SbStore      *store,
                                                 const char   *escalation_id,
                                                 const char   *supplier_ref,
                                                 GError      **error);

G_END_DECLS

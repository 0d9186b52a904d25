/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "sb-incident.h"
#include "sb-sla.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * The incident log: every write goes through the store's one write path
 * in one transaction with its timeline entries. Every status or field
 * change writes a timeline entry by itself; callers never write one.
 * Refused changes (a transition the lifecycle forbids, a closed incident,
 * a missing title) set SB_STORE_ERROR_INVALID with the reason in words.
 * @now_ms arguments: SB_INCIDENT_NO_TIME means the current time (tests
 * and imports pass their own).
 */

/* Reads */
SbIncident *sb_incidents_get             (SbStore     *store,
                                          const char  *id,
                                          GError     **error);
SbIncident *sb_incidents_find            (SbStore     *store,
                                          const char  *reference);   /* NULL if none */
/* Oldest first, of SbIncidentEvent. */
GPtrArray  *sb_incidents_list_timeline   (SbStore     *store,
                                          const char  *id,
                                          GError     **error);
/* Sum of the timeline's minutes. */
gint64      sb_incidents_get_time_spent  (SbStore     *store,
                                          const char  *id);

/*
 * Create from a draft: title required; priority from the book's matrix
 * unless overridden (with a reason); opened now unless the draft is
 * back-dated; a new reference (INC-<device tag>-<n>, e.g. INC-K7QX-0042:
 * unique across devices without asking a server, never reused, even
 * after a delete); status new; an "opened" timeline entry. The draft
 * gets its id and reference.
 */
gboolean    sb_incidents_create          (SbStore     *store,
                                          SbIncident  *draft,
                                          GError     **error);

/*
 * Write the edited fields of @incident (from sb_incidents_get(), then
 * setters): each changed field gets a "field" timeline entry with old and
 * new value. A change of impact or urgency re-derives the priority
 * unless an override is set. Nothing changed: TRUE, nothing written.
 */
gboolean    sb_incidents_update          (SbStore     *store,
                                          SbIncident  *incident,
                                          GError     **error);

/*
 * Status changes, each checked with sb_incident_check_transition() and
 * written with a "status" timeline entry; @note (may be NULL) is added as
 * a note entry in the same transaction, @minutes as time spent on it.
 *   respond: the first response (customer-visible note); sets
 *            responded_at if unset; new → in progress. Also allowed when
 *            already in progress and not yet responded.
 *   start:   new or on hold → in progress (resuming from hold)
 *   hold:    → on hold with one of the hold reasons
 *   resolve: → resolved with a resolution code; notes and workaround
 *            are stored on the incident (NULL keeps what is there)
 *   close:   resolved → closed
 *   reopen:  resolved → in progress; counts the reopen; @note says why
 *   cancel:  → cancelled
 *   mark_duplicate: → duplicate of @original_id (another live incident)
 */
gboolean    sb_incidents_respond         (SbStore *store, const char *id, const char *note,
                                          guint minutes, gint64 now_ms, GError **error);
gboolean    sb_incidents_start           (SbStore *store, const char *id, const char *note,
                                          guint minutes, gint64 now_ms, GError **error);
gboolean    sb_incidents_hold            (SbStore *store, const char *id, const char *reason,
                                          const char *note, guint minutes, gint64 now_ms,
                                          GError **error);
gboolean    sb_incidents_resolve         (SbStore *store, const char *id, const char *code,
                                          const char *notes, const char *workaround,
                                          guint minutes, gint64 now_ms, GError **error);
gboolean    sb_incidents_close           (SbStore *store, const char *id, const char *note,
                                          gint64 now_ms, GError **error);
gboolean    sb_incidents_reopen          (SbStore *store, const char *id, const char *note,
                                          gint64 now_ms, GError **error);
gboolean    sb_incidents_cancel          (SbStore *store, const char *id, const char *note,
                                          gint64 now_ms, GError **error);
gboolean    sb_incidents_mark_duplicate  (SbStore *store, const char *id, const char *original_id,
                                          gint64 now_ms, GError **error);

/* A note (internal or customer-visible) with optional time spent; an
 * empty note with @minutes > 0 is a "time" entry. Allowed on any
 * incident, final ones too (a correction is a new entry). */
gboolean    sb_incidents_add_note        (SbStore *store, const char *id, const char *text,
                                          gboolean customer_visible, guint minutes,
                                          gint64 now_ms, GError **error);

/* Tombstone and bring back (undo). The reference stays taken. */
gboolean    sb_incidents_delete          (SbStore *store, const char *id, GError **error);
gboolean    sb_incidents_undelete        (SbStore *store, const char *id, GError **error);

/*
 * SLA clocks of one incident at @now_ms, from its timeline, the service's
 * calendar (24×7 without a service or calendar), the service's targets for
 * the incident's current priority and its clock-stop reasons.
 */
gboolean    sb_incidents_get_sla         (SbStore     *store,
                                          SbIncident  *incident,
                                          gint64       now_ms,
                                          SbSla       *out,
                                          GError     **error);

/*
 * What the Overview's "Needs attention" card shows, at @now_ms:
 * open incidents breached, at risk, major, and the oldest open one.
 */
typedef struct
{
  guint  n_open;
  guint  n_breached;
  guint  n_at_risk;
  guint  n_major;
  guint  n_on_hold;
  char  *oldest_open_id;        /* NULL when none is open */
  char  *oldest_open_reference;
  char  *oldest_open_title;
  gint64 oldest_open_ms;
} SbIncidentAttention;

gboolean    sb_incidents_get_attention   (SbStore             *store,
                                          gint64               now_ms,
                                          SbIncidentAttention *out,
                                          GError             **error);
void        sb_incident_attention_clear  (SbIncidentAttention *attention);

G_END_DECLS

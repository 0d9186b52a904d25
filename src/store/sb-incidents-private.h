/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "sb-incident-list.h"
#include "sb-incidents.h"
#include "sb-store-private.h"

G_BEGIN_DECLS

/*
 * Shared inside the store between the incident write path, the list
 * model, the importer and the sample data. Not for the UI.
 */

/* The inside of a transaction: create an incident with its "opened"
 * entry; @import_batch may be NULL. Nothing is committed. The caller may
 * pass @reference (an imported one, checked for uniqueness) or NULL for a
 * new one. */
gboolean sb_incidents_create_in   (SbTransaction *tx,
                                   SbIncident    *draft,
                                   const char    *reference,
                                   const char    *import_batch,
                                   GError       **error);

/* Append a timeline entry inside a transaction: @kind one of
 * SB_INCIDENT_EVENT_…; NULL strings are left NULL. */
gboolean sb_incidents_append_in   (SbTransaction *tx,
                                   const char    *incident_id,
                                   gint64         at_ms,
                                   const char    *kind,
                                   gboolean       customer_visible,
                                   const char    *field,
                                   const char    *old_value,
                                   const char    *new_value,
                                   const char    *body,
                                   guint          minutes,
                                   GError       **error);

/* A status change inside a transaction, checked, with its timeline
 * entry and the incident's fields (responded/resolved/closed instants,
 * hold reason, reopen count) kept consistent. @detail: hold reason,
 * resolution code or duplicate's id. */
gboolean sb_incidents_transition_in (SbTransaction   *tx,
                                     SbIncident      *incident,
                                     SbIncidentStatus to,
                                     const char      *detail,
                                     gint64           at_ms,
                                     GError         **error);

/* Read the row of @id into a new SbIncident, or NULL (error set). */
SbIncident *sb_incidents_read     (SbStore     *store,
                                   const char  *id,
                                   GError     **error);

/*
 * SbSlaContext: what computing many clocks at once needs, read once:
 * every service's calendar, targets per priority and clock-stop reasons.
 * Build one per refresh; it does not follow later changes.
 */
typedef struct _SbSlaContext SbSlaContext;

SbSlaContext *sb_sla_context_new   (SbStore      *store,
                                    GError      **error);
void          sb_sla_context_free  (SbSlaContext *ctx);

/*
 * Status history of one incident, as read from its "status" timeline
 * entries, oldest first: (at, new status, hold reason). The context
 * turns it into clock segments for the incident's service.
 */
typedef struct
{
  gint64            at_ms;
  SbIncidentStatus  status;
  const char       *hold_reason;   /* only for on-hold; not owned */
} SbStatusMark;

gboolean      sb_sla_context_compute (SbSlaContext       *ctx,
                                      const char         *service_id,  /* may be NULL */
                                      guint               priority,
                                      gint64              opened_ms,
                                      gint64              responded_ms,
                                      const SbStatusMark *marks,
                                      guint               n_marks,
                                      gint64              now_ms,
                                      SbSla              *out,
                                      GError            **error);

/*
 * The SLA state of every open incident (new, in progress, on hold) at
 * @now_ms, reading the incidents and their status entries in one
 * query. Returns a hash table: incident rowid (gint64 *, owned) →
 * SbSla * (owned). The benchmark's "SLA of 10,000 open incidents".
 */
GHashTable   *sb_incidents_compute_open_slas (SbStore  *store,
                                              gint64    now_ms,
                                              GError  **error);

/* sb-incident-query.c, for the list model: the status entries of the
 * incidents with @rowids, rowid (gint64 *) → GArray of SbStatusMark,
 * oldest first; a safe FTS5 query for what a user typed (NULL when it
 * has no searchable word); the query plan of a filter's SQL step. */
GHashTable   *sb_incident_read_marks     (SbStore                      *store,
                                          const gint64                 *rowids,
                                          guint                         n_rowids,
                                          GError                      **error);
char         *sb_incident_fts_query      (const char                   *text);
char         *sb_incidents_query_explain (SbStore                      *store,
                                          const SbIncidentFilter       *filter,
                                          gint64                        now_ms,
                                          GError                      **error);

/* The sample incident log (sb-incident-sample.c), inside the
 * transaction of sb_sample_data_load(). */
gboolean sb_incidents_load_sample (SbTransaction *tx, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbSlaContext, sb_sla_context_free)

G_END_DECLS

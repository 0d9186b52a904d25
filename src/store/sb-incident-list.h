/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "sb-incident-rules.h"
#include "sb-sla.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * Finding incidents: a filter (view, text, status, priority, service,
 * customer, SLA state, period), a sort, and a GListModel that reads its
 * rows on demand, so 100,000 incidents cost one array of row ids and the
 * rows on screen.
 */

typedef enum
{
  SB_INCIDENT_VIEW_ALL,
  SB_INCIDENT_VIEW_OPEN,               /* new, in progress, on hold */
  SB_INCIDENT_VIEW_AT_RISK,            /* open and at risk */
  SB_INCIDENT_VIEW_BREACHED,           /* open and breached */
  SB_INCIDENT_VIEW_MAJOR,              /* major, not final (closed, cancelled, duplicate) */
  SB_INCIDENT_VIEW_RECENTLY_RESOLVED,  /* resolved or closed in the last 7 days */
} SbIncidentView;

typedef enum
{
  SB_INCIDENT_SORT_OPENED,      /* default: newest first with descending */
  SB_INCIDENT_SORT_PRIORITY,    /* then opened */
  SB_INCIDENT_SORT_REFERENCE,
  SB_INCIDENT_SORT_TITLE,
  SB_INCIDENT_SORT_STATUS,      /* lifecycle order, then opened */
  SB_INCIDENT_SORT_SERVICE,     /* service code, then opened */
  SB_INCIDENT_SORT_CUSTOMER,    /* customer name, then opened */
  SB_INCIDENT_SORT_UPDATED,
} SbIncidentSort;

/*
 * SbIncidentFilter: a plain value (copy with sb_incident_filter_copy()).
 * Everything unset matches everything; conditions are ANDed.
 */
typedef struct
{
  SbIncidentView  view;
  char           *text;           /* full-text: title, description,
                                     resolution, timeline notes, and a
                                     reference typed whole; prefix match
                                     on the last word; NULL or "" none */
  guint           statuses;       /* bit (1 << SbIncidentStatus); 0 any */
  guint           priorities;     /* bit (1 << priority), 1..5; 0 any */
  char           *service_id;     /* NULL any */
  char           *customer_id;    /* NULL any */
  guint           sla_states;     /* bit (1 << SbSlaState); 0 any */
  gint64          opened_from_ms; /* SB_SLA_NO_TIME: no lower bound */
  gint64          opened_to_ms;   /* exclusive; SB_SLA_NO_TIME: none */
  SbIncidentSort  sort;
  gboolean        descending;
} SbIncidentFilter;

#define SB_TYPE_INCIDENT_FILTER (sb_incident_filter_get_type ())
GType             sb_incident_filter_get_type (void) G_GNUC_CONST;
SbIncidentFilter *sb_incident_filter_new      (void);   /* all, opened, descending */
SbIncidentFilter *sb_incident_filter_copy     (const SbIncidentFilter *filter);
void              sb_incident_filter_free     (SbIncidentFilter       *filter);
gboolean          sb_incident_filter_equal    (const SbIncidentFilter *a,
                                               const SbIncidentFilter *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbIncidentFilter, sb_incident_filter_free)

/* Translated view names: "Open", "At risk", "Breached", "Major",
 * "Recently resolved", "All incidents". */
const char *sb_incident_view_get_label (SbIncidentView view);

/*
 * Matching incidents' rowids in sort order, in one query (plus the SLA
 * step when the filter asks for SLA states). For the list model, the
 * exporter and the benchmarks. @now_ms: SB_SLA_NO_TIME for now.
 */
GArray     *sb_incidents_query_rowids (SbStore                *store,
                                       const SbIncidentFilter *filter,
                                       gint64                  now_ms,
                                       GError                **error);  /* of gint64 */

/*
 * SbIncidentRow: what a list row shows. Properties (read-only, for
 * GtkExpression bindings): "id", "reference", "title", "status" (enum as
 * int), "status-label", "hold-reason", "priority" (uint), "impact",
 * "urgency", "major", "service-code", "service-name", "customer-name",
 * "contact", "opened-ms" (int64), "updated-ms", "sla-state" (int),
 * "sla-text" ("2 h 10 min left", for the clock that matters: response
 * until responded, then resolution; "" when closed within target).
 */
#define SB_TYPE_INCIDENT_ROW (sb_incident_row_get_type ())
G_DECLARE_FINAL_TYPE (SbIncidentRow, sb_incident_row, SB, INCIDENT_ROW, GObject)

const char      *sb_incident_row_get_id            (SbIncidentRow *self);
const char      *sb_incident_row_get_reference     (SbIncidentRow *self);
const char      *sb_incident_row_get_title         (SbIncidentRow *self);
SbIncidentStatus sb_incident_row_get_status        (SbIncidentRow *self);
const char      *sb_incident_row_get_hold_reason   (SbIncidentRow *self);
guint            sb_incident_row_get_priority      (SbIncidentRow *self);
gboolean         sb_incident_row_get_major         (SbIncidentRow *self);
const char      *sb_incident_row_get_service_code  (SbIncidentRow *self);
const char      *sb_incident_row_get_service_name  (SbIncidentRow *self);
const char      *sb_incident_row_get_customer_name (SbIncidentRow *self);
gint64           sb_incident_row_get_opened_ms     (SbIncidentRow *self);
gint64           sb_incident_row_get_updated_ms    (SbIncidentRow *self);
SbSlaState       sb_incident_row_get_sla_state     (SbIncidentRow *self);
const char      *sb_incident_row_get_sla_text      (SbIncidentRow *self);
const SbSla     *sb_incident_row_get_sla           (SbIncidentRow *self);

/*
 * SbIncidentList: a GListModel of SbIncidentRow. Holds the matching
 * rowids; rows are read in pages around the position asked for and kept
 * in a bounded cache (a few hundred rows), so memory does not grow with
 * the number of incidents. Follows the store's "changed" signal for
 * incidents, their timeline, services and customers: re-queries and
 * emits one items-changed for the whole range. Clocks are computed
 * when a row is read and refreshed by sb_incident_list_refresh_clocks()
 * (the page calls it once a minute).
 */
#define SB_TYPE_INCIDENT_LIST (sb_incident_list_get_type ())
G_DECLARE_FINAL_TYPE (SbIncidentList, sb_incident_list, SB, INCIDENT_LIST, GObject)

SbIncidentList         *sb_incident_list_new            (SbStore                *store);
SbStore                *sb_incident_list_get_store      (SbIncidentList         *self);
const SbIncidentFilter *sb_incident_list_get_filter     (SbIncidentList         *self);
/* Re-queries (synchronously: one indexed query); errors go to the
 * "error" signal (GError *) and leave the list empty. */
void                    sb_incident_list_set_filter     (SbIncidentList         *self,
                                                         const SbIncidentFilter *filter);
void                    sb_incident_list_reload         (SbIncidentList         *self);
void                    sb_incident_list_refresh_clocks (SbIncidentList         *self);
/* Position of the incident with @id, or G_MAXUINT. */
guint                   sb_incident_list_find           (SbIncidentList         *self,
                                                         const char             *id);
/* For tests and the benchmark: rows read from the database so far. */
guint                   sb_incident_list_get_n_cached   (SbIncidentList         *self);
/* For tests: a fixed "now" instead of the clock (SB_SLA_NO_TIME: real). */
void                    sb_incident_list_set_now        (SbIncidentList         *self,
                                                         gint64                  now_ms);

G_END_DECLS

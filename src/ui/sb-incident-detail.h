/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sb-store.h"

G_BEGIN_DECLS

/*
 * SbIncidentDetail: the detail pane of the Incidents page. Shows one
 * incident: header (reference, title, status, priority, major), the SLA
 * clocks in words, the editable fields, and the timeline (newest first)
 * with a note entry. Installs the action group "incident" on itself:
 *   incident.respond  R      incident.start   W     incident.hold   H
 *   incident.resolve  S      incident.close   C     incident.reopen O
 *   incident.note     N      incident.cancel  —     incident.duplicate —
 *   incident.edit     E (focus the first field)
 * Actions are enabled only where the lifecycle allows them; ones that
 * need more (hold reason, resolution code, note) open a small dialog
 * with sensible defaults focused, so Enter completes them. The page owns
 * the key bindings (single keys, not while typing in an entry).
 * "store" (construct) and "incident-id" (NULL shows an empty state).
 * Signal "changed" (no args) after it wrote something.
 */
#define SB_TYPE_INCIDENT_DETAIL (sb_incident_detail_get_type ())
G_DECLARE_FINAL_TYPE (SbIncidentDetail, sb_incident_detail, SB, INCIDENT_DETAIL, GtkWidget)

GtkWidget  *sb_incident_detail_new              (SbStore          *store);
SbStore    *sb_incident_detail_get_store        (SbIncidentDetail *self);
const char *sb_incident_detail_get_incident_id  (SbIncidentDetail *self);
void        sb_incident_detail_set_incident_id  (SbIncidentDetail *self,
                                                 const char       *id);
/* Re-read the incident and recompute its clocks (the page calls it each
 * minute and after store changes). */
void        sb_incident_detail_refresh          (SbIncidentDetail *self);
/* For tests: a fixed now (SB_INCIDENT_NO_TIME: real time). */
void        sb_incident_detail_set_now          (SbIncidentDetail *self,
                                                 gint64            now_ms);
/* The "incident" action group installed on the pane: for the page to
 * activate actions and follow their enabled state. */
GActionGroup *sb_incident_detail_get_actions    (SbIncidentDetail *self);

/* For tests: the action dialog that is open (NULL if none), and filling
 * it in as a person would: @choice is the dropdown's value (hold reason,
 * resolution code; NULL keeps the default), @text goes into its main
 * field (note, resolution notes, reopen reason, original's reference).
 * Completes it with its main button; FALSE if that button is disabled
 * (the dialog then stays open). */
GtkWidget  *sb_incident_detail_get_dialog_for_test      (SbIncidentDetail *self);
gboolean    sb_incident_detail_complete_dialog_for_test (SbIncidentDetail *self,
                                                         const char       *choice,
                                                         const char       *text);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-incident.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * SbEscalateDialog: escalates one incident to a supplier. The supplier
 * and contract are preselected from the contracts underpinning the
 * incident's service (sb_escalations_suggest_contracts()); the supplier's
 * ticket reference, when it happened (now unless changed), a note, and
 * whether to put the incident on hold awaiting the supplier. Enter
 * escalates, Escape closes. The store's refusals are shown in its words.
 * Signal "escalated" (escalation id, nullable problem with the hold) once
 * written; the dialog then closes itself.
 */
#define SB_TYPE_ESCALATE_DIALOG (sb_escalate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbEscalateDialog, sb_escalate_dialog, SB, ESCALATE_DIALOG, AdwWindow)

SbEscalateDialog *sb_escalate_dialog_new             (GtkWindow        *parent,
                                                      SbStore          *store,
                                                      SbIncident       *incident,
                                                      gint64            now_ms);
const char       *sb_escalate_dialog_get_incident_id (SbEscalateDialog *self);
const char       *sb_escalate_dialog_get_supplier_id (SbEscalateDialog *self);   /* nullable */
const char       *sb_escalate_dialog_get_contract_id (SbEscalateDialog *self);   /* nullable: none */
/* What keeps it from being written, as shown; NULL when nothing does. */
const char       *sb_escalate_dialog_get_problem     (SbEscalateDialog *self);
/* As the Escalate button; FALSE when it was refused (the dialog stays). */
gboolean          sb_escalate_dialog_confirm         (SbEscalateDialog *self);

/*
 * A date row (YYYY-MM-DD, with a calendar to pick from) and a time row
 * (HH:MM) for an instant in the local time zone, shared with the
 * supplier's response and resolution dialogs.
 */
void              sb_when_rows_set                   (AdwEntryRow      *date_row,
                                                      AdwEntryRow      *time_row,
                                                      gint64            ms);
/* The instant typed, or FALSE with the reason in words in @problem. */
gboolean          sb_when_rows_get                   (AdwEntryRow      *date_row,
                                                      AdwEntryRow      *time_row,
                                                      gint64           *out_ms,
                                                      char            **problem);

G_END_DECLS

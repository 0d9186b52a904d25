/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

/*
 * SbIncidentNewDialog: logging an incident while on the phone. Title
 * focused first; service (defaults to the last one used), customer
 * (filtered by the service's customers), contact, channel (phone),
 * impact and urgency (medium, medium) with the derived priority shown
 * live, major switch, description. Ctrl+Enter or Enter in the title logs
 * it; Escape cancels. Signal "created" (const char *id) after saving.
 */
#define SB_TYPE_INCIDENT_NEW_DIALOG (sb_incident_new_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SbIncidentNewDialog, sb_incident_new_dialog, SB, INCIDENT_NEW_DIALOG, AdwWindow)

SbIncidentNewDialog *sb_incident_new_dialog_new (GtkWindow *parent,
                                                 SbStore   *store);

G_END_DECLS

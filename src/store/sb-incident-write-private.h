/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "sb-incidents-private.h"

G_BEGIN_DECLS

/* Shared between sb-incidents.c (creating) and sb-incident-lifecycle.c
 * (editing, status changes): an incident checked and ready to store. */
typedef struct
{
  char  *title;
  char  *description;
  char  *contact;
  char  *category;
  char  *priority_reason;
  char  *resolution_notes;
  char  *workaround;
  guint  priority;
  gint64 opened_ms;
} SbIncidentChecked;

void     sb_incident_checked_clear (SbIncidentChecked *c);

/* @old: the stored incident when @incident is an edit of it, else NULL.
 * Refuses with SB_STORE_ERROR_INVALID and the reason in words. */
gboolean sb_incident_check         (SbStore           *store,
                                    SbIncident        *incident,
                                    SbIncident        *old,
                                    SbIncidentChecked *c,
                                    GError           **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SbIncidentChecked, sb_incident_checked_clear)

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sb-incident-list.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * SbIncidentsPage: the incident log. Views (Open, At risk, Breached,
 * Major, Recently resolved, All), search, filters, the column view over
 * SbIncidentList and the SbIncidentDetail pane. "store" property.
 */
#define SB_TYPE_INCIDENTS_PAGE (sb_incidents_page_get_type ())
G_DECLARE_FINAL_TYPE (SbIncidentsPage, sb_incidents_page, SB, INCIDENTS_PAGE, GtkWidget)

SbStore        *sb_incidents_page_get_store       (SbIncidentsPage *self);
SbIncidentList *sb_incidents_page_get_list        (SbIncidentsPage *self);
GtkWidget      *sb_incidents_page_get_detail      (SbIncidentsPage *self);
void            sb_incidents_page_show_view       (SbIncidentsPage *self,
                                                   SbIncidentView   view);
void            sb_incidents_page_select_incident (SbIncidentsPage *self,
                                                   const char      *id);
/* "view:breached" (any view name: open, at-risk, breached, major,
 * recently-resolved, all), "on-hold" or "incident:<id>": what the
 * Overview's links ask for. */
void            sb_incidents_page_show_target     (SbIncidentsPage *self,
                                                   const char      *target);

G_END_DECLS

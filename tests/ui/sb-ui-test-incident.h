/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-incident-detail.h"
#include "sb-incidents.h"
#include "sb-test-utils.h"

G_BEGIN_DECLS

/**
 * SbUiTestIncident:
 * @book: the temporary book
 * @service_id: the EMAIL service (priority 3: respond in 1 h, resolve in 8 h)
 * @customer_id: Acme Ltd
 * @incident_id: "Mail server down", new, on the EMAIL service
 * @window: a plain window holding @detail
 * @detail: the detail pane, showing the incident
 *
 * The fixture of the tests of the incident detail pane and of what it
 * opens: one incident in a temporary book, shown in the pane alone.
 */
typedef struct
{
  SbTestBook       *book;
  char             *service_id;
  char             *customer_id;
  char             *incident_id;
  GtkWindow        *window;
  SbIncidentDetail *detail;
} SbUiTestIncident;

void        sb_ui_test_incident_set_up       (SbUiTestIncident *f,
                                              gconstpointer     data);
void        sb_ui_test_incident_tear_down    (SbUiTestIncident *f,
                                              gconstpointer     data);

char       *sb_ui_test_incident_add          (SbStore          *store,
                                              const char       *title,
                                              const char       *service_id);
SbIncident *sb_ui_test_incident_stored       (SbUiTestIncident *f);
gboolean    sb_ui_test_incident_enabled      (SbUiTestIncident *f,
                                              const char       *action);
void        sb_ui_test_incident_run          (SbUiTestIncident *f,
                                              const char       *action);
guint       sb_ui_test_incident_count_events (SbUiTestIncident *f,
                                              const char       *kind,
                                              const char       *field);

G_END_DECLS

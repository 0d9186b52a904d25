/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-escalate-dialog.h"
#include "sb-incident-detail.h"
#include "sb-incidents.h"

G_BEGIN_DECLS

/* Timeline entries listed before "Show older entries". */
#define SB_INCIDENT_TIMELINE_FIRST 50

/* Shared between the pane (sb-incident-detail.c) and its actions and
 * action dialogs (sb-incident-actions.c). */

struct _SbIncidentDetail
{
  GtkWidget           parent_instance;

  SbStore            *store;
  char               *incident_id;
  SbIncident         *incident;        /* as saved; NULL when none is shown */
  gint64              now_ms;          /* SB_INCIDENT_NO_TIME: real time */
  GSimpleActionGroup *actions;
  GListStore         *timeline;        /* of SbIncidentEvent, newest first */
  GPtrArray          *service_ids;     /* [0] NULL: no service */
  GPtrArray          *customer_ids;    /* [0] NULL: no customer */
  AdwMessageDialog   *dialog;          /* the open action dialog, if any */
  SbEscalateDialog   *escalate_dialog; /* the open Escalate dialog, if any */
  GPtrArray          *escalation_rows; /* of the rows per escalation, sb-incident-supplier.c */
  GString            *problems;
  guint               timeline_limit;  /* entries shown, newest first */
  guint               loading : 1;
  guint               modified : 1;

  /* Template widgets */
  GtkStack           *main_stack;
  GtkLabel           *reference_label;
  GtkLabel           *status_label;
  GtkLabel           *priority_label;
  GtkLabel           *major_label;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkImage           *response_icon;
  GtkLabel           *response_label;
  GtkImage           *resolution_icon;
  GtkLabel           *resolution_label;
  GtkLabel           *action_problem_label;
  GtkWidget          *actions_box;
  GtkWidget          *actions_compact;
  GtkStack           *view_stack;
  GtkTextView        *note_view;
  GtkCheckButton     *visible_check;
  GtkSpinButton      *minutes_spin;
  GtkLabel           *note_problem_label;
  GtkListView        *timeline_view;
  GtkButton          *older_button;
  GtkLabel           *edit_hint_label;
  GtkWidget          *save_button;
  GtkScrolledWindow  *details_scroller;
  GtkLabel           *problem_label;
  AdwActionRow       *sla_response_row;
  GtkImage           *sla_response_icon;
  AdwActionRow       *sla_resolution_row;
  GtkImage           *sla_resolution_icon;
  AdwActionRow       *sla_time_row;
  AdwPreferencesGroup *supplier_group;
  AdwPreferencesGroup *resolution_group;
  AdwActionRow       *resolution_code_row;
  AdwActionRow       *resolution_notes_row;
  AdwActionRow       *workaround_row;
  AdwPreferencesGroup *fields_group;
  AdwEntryRow        *title_row;
  AdwComboRow        *service_row;
  GtkStringList      *service_names;
  AdwComboRow        *customer_row;
  GtkStringList      *customer_names;
  AdwEntryRow        *contact_row;
  AdwComboRow        *channel_row;
  GtkStringList      *channel_names;
  AdwEntryRow        *category_row;
  AdwPreferencesGroup *priority_group;
  AdwComboRow        *impact_row;
  GtkStringList      *impact_names;
  AdwComboRow        *urgency_row;
  GtkStringList      *urgency_names;
  AdwComboRow        *priority_row;
  GtkStringList      *priority_names;
  AdwEntryRow        *priority_reason_row;
  GtkSwitch          *major_switch;
  AdwPreferencesGroup *description_group;
  GtkTextView        *description_view;
};

/* sb-incident-detail.c */
gint64   sb_incident_detail_now            (SbIncidentDetail *self);
void     sb_incident_detail_after_write    (SbIncidentDetail *self);
void     sb_incident_detail_save           (SbIncidentDetail *self);
void     sb_incident_detail_revert         (SbIncidentDetail *self);
void     sb_incident_detail_show_action_problem (SbIncidentDetail *self,
                                                 const char       *message);

/* sb-incident-actions.c */
void     sb_incident_detail_init_actions   (SbIncidentDetail *self);
void     sb_incident_detail_init_timeline  (SbIncidentDetail *self);
void     sb_incident_detail_show_timeline  (SbIncidentDetail *self);
void     sb_incident_detail_update_actions (SbIncidentDetail *self);
void     sb_incident_detail_close_dialog   (SbIncidentDetail *self);
gboolean sb_incident_detail_add_note_from_composer (SbIncidentDetail *self);

/* sb-incident-supplier.c */
void     sb_incident_detail_show_suppliers (SbIncidentDetail *self);
void     sb_incident_detail_on_store_changed (SbIncidentDetail *self,
                                              const char       *table);
void     sb_incident_detail_free_escalation_rows (gpointer rows);
void     sb_incident_detail_open_escalate  (SbIncidentDetail *self);
void     sb_incident_detail_close_escalate (SbIncidentDetail *self);
void     sb_incident_detail_supplier_step  (SbIncidentDetail *self,
                                            const char       *escalation_id,
                                            gboolean          resolution);
gboolean sb_incident_detail_complete_step_for_test (SbIncidentDetail *self,
                                                    const char       *when,
                                                    const char       *note);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-incident-detail.h"
#include "sb-incidents-page.h"

G_BEGIN_DECLS

/* The Incidents page's parts, one file each: the page itself
 * (sb-incidents-page.c), its columns and cells (-columns.c) and its
 * filter popover (-filters.c). */

#define COMPACT_WIDTH 760    /* narrower lists put reference and status under the title */
#define LIST_MIN_WIDTH 360   /* the list pane's width-request in the .ui */
#define DETAIL_MIN_WIDTH 360 /* the detail pane's width-request in the .ui */
#define DETAIL_MAX_WIDTH 500 /* wider, the width goes to the list's titles */
#define N_SLA_FILTERS 4

typedef enum
{
  COL_REFERENCE,
  COL_TITLE,
  COL_PRIORITY,
  COL_STATUS,
  COL_SLA,
  COL_SERVICE,
  COL_CUSTOMER,
  COL_OPENED,
  N_COLUMNS
} Column;


/* The period filter's items. */
typedef enum
{
  PERIOD_ALL,
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_LAST_30_DAYS,
  PERIOD_QUARTER,
  PERIOD_YEAR,
} Period;


struct _SbIncidentsPage
{
  GtkWidget           parent_instance;

  SbStore            *store;
  SbIncidentList     *list;
  SbIncidentDetail   *detail;
  GSimpleActionGroup *header_actions;
  gulong              changed_id;
  guint               clock_id;
  int                 list_width;
  gboolean            updating_columns;
  char               *selected_id;
  int                 requerying;
  Period              period;
  gboolean            compact;
  gboolean            can_navigate_back;
  gboolean            detail_hidden;   /* wide, with nothing selected */
  GtkWidget          *clicked_row;     /* weak: the row a click went to, narrow */
  GPtrArray          *service_ids;   /* of char*, parallel to the service drop-down after "Any" */
  GPtrArray          *customer_ids;
  GtkColumnViewColumn *columns[N_COLUMNS];

  /* Filter popover widgets, made in code */
  GtkWidget          *status_checks[SB_INCIDENT_N_STATUSES];
  GtkWidget          *priority_toggles[5];
  GtkWidget          *sla_checks[N_SLA_FILTERS];
  GtkDropDown        *service_dropdown;
  GtkDropDown        *customer_dropdown;
  GtkDropDown        *period_dropdown;
  gboolean            building_filters;

  /* Template objects */
  GtkSingleSelection *selection;
  GtkWidget          *header_box;
  GtkStack           *content_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkDropDown        *view_dropdown;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkLabel           *filter_label;
  GtkBox             *filter_box;
  GtkStack           *results_stack;
  GtkScrolledWindow  *list_scroller;
  GtkColumnView      *column_view;
  GtkBox             *detail_pane;
  GtkWidget          *detail_separator;
};

/* sb-incidents-page.c */
void     sb_incidents_page_set_filter          (SbIncidentsPage        *self,
                                                const SbIncidentFilter *filter);

/* sb-incidents-page-columns.c */
void     sb_incidents_page_load_css            (void);
void     sb_incidents_page_build_columns       (SbIncidentsPage *self);
gboolean sb_incidents_page_update_columns      (SbIncidentsPage *self,
                                                int              width);

/* sb-incidents-page-filters.c */
void     sb_incidents_page_build_filters       (SbIncidentsPage *self);
void     sb_incidents_page_apply_filters       (SbIncidentsPage *self);
void     sb_incidents_page_clear_filters       (SbIncidentsPage *self,
                                                gboolean         clear_search);
void     sb_incidents_page_update_filter_indicator (SbIncidentsPage *self);
void     sb_incidents_page_refresh_filter_choices  (SbIncidentsPage *self);

G_END_DECLS

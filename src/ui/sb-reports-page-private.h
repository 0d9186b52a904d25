/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-reports-page.h"

G_BEGIN_DECLS

/* Shared by the page (sb-reports-page.c: the list, building, preview and
 * actions) and its settings (sb-reports-page-settings.c: the period,
 * filter and paper choices). */

/* Periods offered: the current one first after the next one, then back */
#define N_MONTHS   36
#define N_QUARTERS 16
#define N_YEARS    8

struct _SbReportsPage
{
  AdwBin              parent_instance;

  SbStore            *store;
  gulong              changed_id;
  const SbReportInfo *info;        /* the report chosen, NULL for none */
  SbReportDocument   *document;    /* as built for the settings shown */
  SbReportRenderer   *renderer;    /* for the preview */
  char               *problem;     /* why there is no document, in words */
  GArray             *periods;     /* of SbReportPeriod, as in period_names */
  GPtrArray          *customer_ids;  /* [0] NULL: all */
  GPtrArray          *service_ids;
  GPtrArray          *supplier_ids;
  GSimpleActionGroup *actions;
  guint               build_source;
  guint               loading : 1;
  guint               stale : 1;   /* the book changed while the page was hidden */
  guint               can_navigate_back : 1;

  /* Template widgets */
  GtkWidget          *header_box;
  AdwLeaflet         *leaflet;
  GtkListBox         *report_list;
  GtkStack           *detail_stack;
  GtkBox             *body_box;
  GtkWidget          *body_separator;
  GtkScrolledWindow  *settings_scroller;
  GtkLabel           *title_label;
  GtkLabel           *description_label;
  GtkWidget          *period_group;
  AdwComboRow        *period_kind_row;
  AdwComboRow        *period_row;
  GtkStringList      *period_names;
  GtkWidget          *filters_group;
  AdwEntryRow        *incident_row;
  AdwComboRow        *customer_row;
  GtkStringList      *customer_names;
  AdwComboRow        *service_row;
  GtkStringList      *service_names;
  AdwComboRow        *supplier_row;
  GtkStringList      *supplier_names;
  AdwComboRow        *paper_row;
  AdwComboRow        *orientation_row;
  GtkStack           *preview_stack;
  SbReportPreview    *preview;
  GtkSpinner         *spinner;
  AdwStatusPage      *problem_page;
};

/* sb-reports-page-settings.c */
void        sb_reports_page_fill_periods     (SbReportsPage     *self);
void        sb_reports_page_fill_filters     (SbReportsPage     *self);
gboolean    sb_reports_page_needs_supplier   (SbReportsPage     *self);
const char *sb_reports_page_chosen_id        (AdwComboRow       *row,
                                              GPtrArray         *ids);
void        sb_reports_page_read_page_setup  (SbReportsPage     *self,
                                              SbReportPageSetup *setup);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-supplier-detail.h"
#include "sb-supplier-performance.h"
#include "sb-suppliers-page.h"

G_BEGIN_DECLS

/* Shared by sb-suppliers-page.c (the list, its detail and the actions)
 * and sb-suppliers-page-columns.c (the columns and the search). */

#define SUMMARY_KEY "sb-supplier-summary"
/* An SbSupplierPerformance over the 12 months up to the day */
#define PERFORMANCE_KEY "sb-supplier-performance"

typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_STATUS,
  COLUMN_CRITICALITY,
  COLUMN_CONTRACTS,
  COLUMN_COST,
  COLUMN_ON_TARGET,
  COLUMN_DEADLINE,
  COLUMN_RISKS,
  N_COLUMNS
} Column;

struct _SbSuppliersPage
{
  AdwBin               parent_instance;

  SbStore             *store;
  gulong               changed_id;
  guint                refresh_id;
  guint                columns_id;
  int                  columns_width;
  int                  page_width;
  GDate                today;
  int                  warning_days;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkWidget           *clicked_row;
  char                *pending_id;      /* what to show once the person answered */
  gboolean             pending_new;
  AdwMessageDialog    *dialog;
  guint                refreshing : 1;
  guint                can_navigate_back : 1;

  /* Template objects */
  GListStore          *suppliers;
  GtkSingleSelection  *selection;
  GtkFilterListModel  *filter_model;
  GtkStack            *content_stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkSearchEntry      *search_entry;
  GtkStack            *results_stack;
  GtkWidget           *list_scroller;
  GtkColumnView       *column_view;
  GtkStack            *detail_stack;
  SbSupplierDetail    *detail;
};

void     sb_suppliers_page_build_columns  (SbSuppliersPage *self);
gboolean sb_suppliers_page_update_columns (SbSuppliersPage *self,
                                           int              width);
gboolean sb_suppliers_page_filter         (gpointer         item,
                                           gpointer         user_data);
int      sb_suppliers_page_on_target      (const SbSupplierPerformance *perf);

G_END_DECLS

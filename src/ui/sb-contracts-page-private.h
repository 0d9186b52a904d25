/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>

#include "sb-contract-editor.h"
#include "sb-contracts-page.h"

G_BEGIN_DECLS

/* The Contracts page's parts: the page (sb-contracts-page.c) and its list
 * (-columns.c). */

#define LIST_MIN_WIDTH 360

/* What the list shows of a contract on the day it was read. */
typedef struct
{
  SbContractState state;
  gboolean        valid;
  GDate           deadline;
  char           *deadline_text;
  char           *term_end_text;
  /* the term's end, or the contract's last day when it ends sooner
   * (ended early, or notice given) */
  GDate           ends;
  char           *cost_text;
  gint64          yearly;
  char           *haystack;   /* casefolded, for the search */
} RowInfo;

typedef enum
{
  COL_SUPPLIER,
  COL_REFERENCE,
  COL_TITLE,
  COL_TYPE,
  COL_STATUS,
  COL_TERM_END,
  COL_DEADLINE,
  COL_COST,
  N_COLUMNS
} Column;

/* The status filter's items after "All statuses" and "Needs a decision". */
static const SbContractStatus filter_statuses[] = {
  SB_CONTRACT_NOT_STARTED, SB_CONTRACT_ACTIVE, SB_CONTRACT_IN_NOTICE_WINDOW,
  SB_CONTRACT_EXPIRING, SB_CONTRACT_EXPIRED, SB_CONTRACT_TERMINATED,
};

struct _SbContractsPage
{
  AdwBin              parent_instance;

  SbStore            *store;
  gulong              changed_id;
  int                 refreshing;
  gboolean            can_navigate_back;
  int                 list_width;
  char               *casefolded_search;
  char               *pending_id;      /* what to show once the person answered */
  gboolean            pending_new;
  AdwMessageDialog   *dialog;
  GtkWidget          *deadlines_view;
  GtkColumnViewColumn *columns[N_COLUMNS];

  /* Template objects */
  GListStore         *contracts;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkWidget          *header_box;
  GtkWidget          *switcher_bar;
  GtkWidget          *switcher_separator;
  AdwViewStack       *view_stack;
  GtkStack           *contracts_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkStringList      *status_names;
  GtkStack           *results_stack;
  GtkScrolledWindow  *list_scroller;
  GtkColumnView      *column_view;
  GtkWidget          *detail_separator;
  GtkStack           *detail_stack;
  SbContractEditor   *editor;
};

/* sb-contracts-page-columns.c */
void      sb_contracts_page_row_info_free   (gpointer         data);
RowInfo  *sb_contracts_page_info_of         (gpointer         item);
RowInfo  *sb_contracts_page_compute_info    (SbContractsPage *self,
                                             SbContract      *contract,
                                             const GDate     *today,
                                             int              warning_days);
gboolean  sb_contracts_page_filter_cb       (gpointer         item,
                                             gpointer         user_data);
void      sb_contracts_page_build_columns   (SbContractsPage *self);
gboolean  sb_contracts_page_update_columns  (SbContractsPage *self,
                                             int              width);

G_END_DECLS

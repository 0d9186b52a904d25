/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-costs.h"
#include "sb-costs-view.h"

G_BEGIN_DECLS

/* The fields of one cost entry, shared by the quick-entry row of the
 * costs view and its edit dialog (sb-cost-form.c). The choices' first
 * item is "no supplier" / "no service". */
typedef struct
{
  SbStore       *store;
  GtkWidget     *date_entry;
  GtkWidget     *amount_entry;
  GtkWidget     *currency_dropdown;
  GtkWidget     *rate_entry;
  GtkWidget     *category_dropdown;
  GtkWidget     *supplier_dropdown;
  GtkWidget     *service_dropdown;
  GtkWidget     *description_entry;
  GtkWidget     *invoice_entry;
  GPtrArray     *supplier_ids;   /* of char *, NULL for "none" */
  GPtrArray     *service_ids;
  char          *contract_id;    /* kept from the entry being edited */
} SbCostForm;

/* The costs view (sb-costs-view.c, -columns.c, -csv.c). */
typedef enum
{
  COL_DATE,
  COL_DESCRIPTION,
  COL_SUPPLIER,
  COL_SERVICE,
  COL_CATEGORY,
  COL_AMOUNT,
  COL_INVOICE,
  COL_SOURCE,
  N_COLUMNS
} Column;

typedef enum
{
  PERIOD_THIS_MONTH,
  PERIOD_LAST_MONTH,
  PERIOD_FINANCIAL_YEAR,
  PERIOD_ALL,
  PERIOD_CHOSEN,
} Period;

#define COMMITTED_DAYS_AHEAD 30

struct _SbCostsView
{
  GtkWidget            parent_instance;

  SbStore             *store;
  gulong               changed_id;
  int                  refreshing;
  SbCostForm           form;
  GtkWidget           *add_button;
  GPtrArray           *filter_supplier_ids;
  GPtrArray           *filter_service_ids;
  GPtrArray           *committed;   /* of SbCommittedCost */
  GtkColumnViewColumn *columns[N_COLUMNS];
  int                  list_width;
  gboolean             narrow;
  guint                narrow_idle_id;
  GDate                chosen_from;
  GDate                chosen_to;
  gint64               total;
  GtkFileChooserNative *chooser;
  AdwToast            *last_toast;   /* weak: the latest toast, for tests */

  /* Template objects */
  GListStore          *costs;
  GtkSingleSelection  *selection;
  GtkWidget           *box;
  GtkSearchEntry      *search_entry;
  GtkWidget           *filters_toggle;
  GtkWidget           *entry_toggle;
  GtkRevealer         *filters_revealer;
  GtkRevealer         *entry_revealer;
  GtkDropDown         *period_dropdown;
  GtkStringList       *period_names;
  GtkDropDown         *category_filter;
  GtkStringList       *category_names;
  GtkDropDown         *supplier_filter;
  GtkStringList       *supplier_names;
  GtkDropDown         *service_filter;
  GtkStringList       *service_names;
  GtkFlowBox          *entry_bar;
  GtkLabel            *entry_message;
  GtkExpander         *committed_expander;
  GtkLabel            *committed_title;
  GtkListBox          *committed_list;
  GtkWidget           *confirm_due_button;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  GtkLabel            *totals_label;
};

void      sb_cost_form_init            (SbCostForm   *form,
                                        SbStore      *store);
void      sb_cost_form_clear_data      (SbCostForm   *form);
/* Suppliers and services anew, keeping the ones chosen. */
void      sb_cost_form_reload_choices  (SbCostForm   *form);
void      sb_cost_form_fill            (SbCostForm   *form,
                                        SbCostEntry  *entry);
/* The fields into @entry; FALSE with a message in words naming the
 * field when one cannot be read. */
gboolean  sb_cost_form_read            (SbCostForm   *form,
                                        SbCostEntry  *entry,
                                        GError      **error);
const char *sb_cost_form_get_currency  (SbCostForm   *form);
void      sb_cost_form_select_currency (SbCostForm   *form,
                                        const char   *code);
/* The rate shows only for a foreign currency, with the last rate used. */
void      sb_cost_form_update_rate     (SbCostForm   *form);

/* The value at @index of a choice dropdown (NULL for the first). */
const char *sb_cost_form_id_at         (GPtrArray    *ids,
                                        guint         index);
guint     sb_cost_form_index_of        (GPtrArray    *ids,
                                        const char   *id);
GtkWidget *sb_cost_form_new_dropdown   (GtkStringList *items);
/* Suppliers (or services) into @ids and @names, after @first_label. */
void      sb_cost_form_list_suppliers  (SbStore      *store,
                                        const char   *first_label,
                                        GPtrArray    *ids,
                                        GtkStringList *names);
void      sb_cost_form_list_services   (SbStore      *store,
                                        const char   *first_label,
                                        GPtrArray    *ids,
                                        GtkStringList *names);

/* Dialogs (sb-cost-form.c): editing one entry, and confirming one
 * committed charge. They report through the view's toasts. */
void      sb_cost_edit_dialog_show     (SbCostsView  *view,
                                        SbStore      *store,
                                        SbCostEntry  *entry);
void      sb_cost_confirm_dialog_show  (SbCostsView  *view,
                                        SbStore      *store,
                                        const SbCommittedCost *cost);

/* sb-costs-view.c */
void      sb_costs_view_build_filter   (SbCostsView  *self,
                                        SbCostFilter *filter);
void      sb_costs_view_show_error     (SbCostsView  *self,
                                        const GError *error);
void      sb_costs_view_show_toast     (SbCostsView  *self,
                                        AdwToast     *toast);
void      sb_costs_view_delete_entry   (SbCostsView  *self,
                                        const char   *id);

/* sb-costs-view-columns.c */
void      sb_costs_view_build_columns  (SbCostsView  *self);
void      sb_costs_view_update_columns (SbCostsView  *self,
                                        int           width);

/* sb-costs-view-csv.c */
void      sb_costs_view_choose_import  (SbCostsView  *self);
void      sb_costs_view_choose_export  (SbCostsView  *self);

G_END_DECLS

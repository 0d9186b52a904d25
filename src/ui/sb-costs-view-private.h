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
void      sb_costs_view_show_error     (SbCostsView  *self,
                                        const GError *error);
void      sb_costs_view_show_toast     (SbCostsView  *self,
                                        AdwToast     *toast);
void      sb_costs_view_delete_entry   (SbCostsView  *self,
                                        const char   *id);

G_END_DECLS

/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-supplier-detail.h"

G_BEGIN_DECLS

/* Shared by sb-supplier-detail.c (the supplier's own fields and
 * contacts) and sb-supplier-detail-records.c (its contracts,
 * performance, reviews and disputes). */

#define TREND_MONTHS 12

struct _SbSupplierDetail
{
  AdwBin         parent_instance;

  SbStore       *store;
  SbSupplier    *original;    /* as saved; NULL for a new supplier */
  GPtrArray     *contacts;    /* of SbSupplierContact, as edited */
  GPtrArray     *record_rows; /* rows of the record groups, removed on reload */
  GPtrArray     *contact_rows;
  GArray        *trend;       /* of SbSupplierPerformance */
  char          *problem;
  int            preferred_width;   /* natural width the page asks for; 0: the form's */
  guint          n_contracts;
  guint          n_reviews;
  guint          n_disputes;
  guint          loading : 1;
  guint          modified : 1;
  guint          can_save : 1;

  /* Template widgets */
  GtkLabel            *title_label;
  GtkWidget           *delete_button;
  GtkWidget           *save_button;
  GtkScrolledWindow   *scroller;
  GtkLabel            *problem_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  GtkStringList       *kind_labels;
  AdwComboRow         *status_row;
  GtkStringList       *status_labels;
  AdwComboRow         *criticality_row;
  GtkStringList       *criticality_labels;
  AdwEntryRow         *website_row;
  AdwEntryRow         *account_row;
  AdwEntryRow         *owner_row;
  GtkTextView         *notes_view;
  AdwPreferencesGroup *contacts_group;
  GtkWidget           *draft_hint;
  GtkWidget           *records_box;
  AdwPreferencesGroup *contracts_group;
  GtkDropDown         *period_dropdown;
  GtkLabel            *escalated_label;
  AdwActionRow        *response_row;
  GtkLabel            *response_label;
  AdwActionRow        *resolution_row;
  GtkLabel            *resolution_label;
  GtkLabel            *breaches_label;
  GtkLabel            *median_response_label;
  GtkLabel            *median_resolution_label;
  AdwActionRow        *scores_row;
  GtkLabel            *disputes_label;
  GtkDrawingArea      *trend_area;
  AdwPreferencesGroup *reviews_group;
  AdwPreferencesGroup *disputes_group;
};


void       sb_supplier_detail_add_toast      (SbSupplierDetail *self,
                                              AdwToast         *toast);
void       sb_supplier_detail_show_error     (SbSupplierDetail *self,
                                              const GError     *error);
GtkWindow *sb_supplier_detail_parent_window  (SbSupplierDetail *self);
const char *sb_supplier_detail_get_id        (SbSupplierDetail *self);
void       sb_supplier_detail_load_records   (SbSupplierDetail *self);
void       sb_supplier_detail_clear_records  (SbSupplierDetail *self);
void       sb_supplier_detail_draw_trend     (GtkDrawingArea   *area,
                                              cairo_t          *cr,
                                              int               width,
                                              int               height,
                                              gpointer          user_data);
void       sb_supplier_detail_period_changed (SbSupplierDetail *self);
void       sb_supplier_detail_install_record_actions (GtkWidgetClass *widget_class);

G_END_DECLS
